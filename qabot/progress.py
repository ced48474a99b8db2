"""Progress of long builds: prompt-toolkit's ``ProgressBar``, drawn on a terminal only.

prompt-toolkit is imported only when a bar is drawn, so ``qabot ask`` does not pay for it.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack, contextmanager
from typing import Callable, Iterator, TextIO

MIN_FILES = 20
"""Builds of fewer files finish too soon to be worth a bar."""


class BarProgress:
    """Callable as ``progress(done, total, path)``; opens the bar on the first call of a long build.

    ``output`` is a prompt-toolkit output (default: stdout's terminal).
    """

    def __init__(self, output=None, label: str = "indexing", min_files: int = MIN_FILES):
        self.output = output
        self.label = label
        self.min_files = min_files
        self.bar = None
        self.counter = None
        self.stack = ExitStack()

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.bar is None:
            if done >= total or total < self.min_files:
                return
            from prompt_toolkit.input import create_pipe_input
            from prompt_toolkit.output import create_output
            from prompt_toolkit.shortcuts import ProgressBar

            output = self.output or create_output()
            output.enable_cpr = False  # the bar reads no keys, so the terminal's answers would be echoed
            keys = self.stack.enter_context(create_pipe_input())  # no keys: Ctrl-C stays the terminal's SIGINT
            self.bar = self.stack.enter_context(ProgressBar(output=output, input=keys))
            self.counter = self.bar(label=self.label, total=total)
        self.counter.items_completed = done
        if done >= total:
            self.close()
        else:
            self.bar.invalidate()

    def close(self) -> None:
        """Take the bar down (at the end, or when the build stops early: Ctrl-C, an error); a build stopped early leaves
        the bar where it stopped ("stopped"), not drawn full ("done" is drawn at 100% whatever was done)."""
        if self.bar is not None:
            if self.counter.items_completed >= (self.counter.total or 0):
                self.counter.done = True
            else:
                self.counter.stopped = True
            self.bar = None
            self.stack.close()


@contextmanager
def terminal_progress(stream: TextIO | None = None) -> Iterator[Callable[[int, int, str], None] | None]:
    """A progress callback drawing on ``stream`` (stderr) when it is a terminal; None otherwise."""
    stream = stream or sys.stderr
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield None
        return
    from prompt_toolkit.output import create_output

    progress = BarProgress(output=create_output(stdout=stream))
    try:
        yield progress
    finally:
        progress.close()
