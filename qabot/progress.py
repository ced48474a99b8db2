"""A one-line progress display for long builds, drawn on a terminal only."""

from __future__ import annotations

import time
from typing import TextIO

from .render import safe_line


class TerminalProgress:
    """Callable as ``progress(done, total, path)``; redraws at most ten times a second."""

    def __init__(self, stream: TextIO, label: str = "indexing"):
        self.stream = stream
        self.label = label
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int, path: str) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        if total < 20 and not self.drawn and done < total:
            return  # too small to be worth a bar
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        name = safe_line(path)[-40:]
        line = f"\r{self.label} [{bar}] {done}/{total} {now - self.started:5.1f}s {name}"
        self.stream.write(line[:200].ljust(100) if done < total else "\r" + " " * 160 + "\r")
        self.stream.flush()
        self.drawn = True
