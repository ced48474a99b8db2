"""Ctrl-C that stops a command at any moment, in one line, with nothing left behind.

Python turns SIGINT into ``KeyboardInterrupt`` wherever the main thread happens to be, and some of those
places cannot pass it on: a ``__del__``, a weakref callback (importlib has some), an at-fork handler (logging
has one, and one interrupted there leaves logging's lock held). There the exception is printed as "Exception
ignored in ..." and dropped, and a build interrupted that way went on and exited 0. ``install`` (first thing
the ``qabot`` command does) puts a handler in Python's place that raises it as ever, and turns those "ignored"
reports of it into a remembered Ctrl-C, which ``check`` raises at the places a build can stop.

``protected`` keeps Ctrl-C out of a stretch of code whose interruption would leave processes or state half
made (starting and stopping worker processes, forking a listing child, swapping the manifest): SIGINT is
blocked there, and one that came meanwhile is raised when the stretch ends (unless it ends by an exception
already). A child forked in such a stretch starts with SIGINT blocked and sets its own handling before it
lets it in (``in_child``). Once ``qabot index`` has swapped its new index in, Ctrl-C is kept out to the end
(``hold_after_swap``): the build is done, and the command reports it rather than saying "interrupted".
"""

from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

_installed = False
_pending = False
"""A Ctrl-C came that is still to be raised (see ``check``): it came in a ``protected`` stretch, or was
raised where it could not propagate."""
_received = False
"""A Ctrl-C came (to this process, since ``install``)."""
_depth = 0
"""How many ``protected`` stretches the main thread is in (the handler then only remembers)."""
_SIGINT = {signal.SIGINT}
_children: set[int] = set()
"""Child processes forked by qabot itself (listing children), ended by ``stopped`` if still there."""
_hold_after_swap = False
"""``hold_after_swap`` was called and no index has been swapped in since."""


def _handler(signum, frame) -> None:
    """Python's SIGINT handler, but one that only remembers in a ``protected`` stretch."""
    global _pending, _received
    _received = True
    if _depth > 0:
        _pending = True
        return
    raise KeyboardInterrupt


def _unraisable(hook):
    """``sys.unraisablehook`` that remembers a dropped ``KeyboardInterrupt`` instead of reporting it."""

    def unraisable(info) -> None:
        global _pending
        if isinstance(info.exc_value, KeyboardInterrupt):
            _pending = True  # a Ctrl-C raised where it could not propagate: ``check`` raises it where it can
            return
        hook(info)
    return unraisable


def install(hold: bool = False) -> None:
    """Handle Ctrl-C as above in this process (the ``qabot`` command; not done for qabot used as a library).
    ``hold``: a Ctrl-C is only remembered until ``release`` (called where it can be said in one line)."""
    global _installed, _depth
    if _installed or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return  # Ctrl-C ignored (a background job) or handled by whoever runs qabot: left as it is
    if hold:
        _depth += 1
    signal.signal(signal.SIGINT, _handler)
    sys.unraisablehook = _unraisable(sys.unraisablehook)
    _installed = True


def release() -> None:
    """End the hold of ``install``: a Ctrl-C that came since is raised now."""
    global _depth
    if _installed and _depth > 0:
        _depth -= 1
        check()


def received() -> bool:
    """True when a Ctrl-C came since ``install``."""
    return _received


def check() -> None:
    """Raise ``KeyboardInterrupt`` for a Ctrl-C still to be raised (once; in the main thread, where Python
    raises it)."""
    global _pending
    if _pending and threading.current_thread() is threading.main_thread():
        _pending = False
        raise KeyboardInterrupt


def hold_after_swap() -> None:
    """For a command whose work ends with the index it swaps in (``qabot index``): from that swap on (``swapped``), a
    Ctrl-C no longer stops it. The build is done, and the command ends as it would have, with its report and exit
    status: not "interrupted" with the new index in place."""
    global _hold_after_swap
    _hold_after_swap = True


def swapped() -> None:
    """An index was swapped in (called in the ``protected`` stretch of the swap, so no Ctrl-C can come between):
    after ``hold_after_swap``, Ctrl-C is only remembered from now on, never raised."""
    global _depth, _hold_after_swap
    if _hold_after_swap and _installed and threading.current_thread() is threading.main_thread():
        _hold_after_swap = False
        _depth += 1


def settled() -> None:
    """Forget a Ctrl-C still to be raised that came too late to stop anything (the work it would stop is done)."""
    global _pending
    _pending = False


@contextmanager
def protected(raise_after: bool = True) -> Iterator[None]:
    """Keep Ctrl-C out of the block; one that came meanwhile is raised after it (when ``raise_after`` and the
    block did not end by an exception), else left for ``check``."""
    global _depth, _pending
    if threading.current_thread() is not threading.main_thread():  # Python runs signal handlers in the main one
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGINT) if hasattr(signal, "pthread_sigmask") else None
    _depth += 1
    failed = True
    try:
        yield
        failed = False
    finally:
        try:
            if mask is not None and signal.SIGINT not in mask:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a pending Ctrl-C is remembered here, not raised
        except KeyboardInterrupt:  # raised all the same by Python's own handler (``install`` was not called)
            _pending = True
        finally:
            _depth -= 1
        if raise_after and not failed and _depth == 0:
            check()


def in_child(action) -> None:
    """In a child forked in a ``protected`` stretch: SIGINT to ``action`` (``signal.SIG_IGN``: a worker, which the
    parent stops; ``signal.SIG_DFL``: a listing child, which Ctrl-C ends quietly), then let it in."""
    global _depth, _pending
    signal.signal(signal.SIGINT, action)
    _depth, _pending = 0, False
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGINT)


def forked(pid: int) -> None:
    """Note a child process (forked in a ``protected`` stretch, so that it cannot be lost)."""
    _children.add(pid)


def reaped(pid: int) -> None:
    """A child noted by ``forked`` has been waited for."""
    _children.discard(pid)


def stopped() -> int:
    """After a Ctrl-C, in the ``qabot`` command: keep further ones out (the command is ending), end and wait for
    the child processes still there, and say so in one line. The exit status, 130."""
    if _installed and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _SIGINT)
    import os

    for pid in list(_children):
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        _children.discard(pid)
    print("qabot: interrupted", file=sys.stderr)
    return 130
