"""The garbage collector paused while a question is answered.

Answering a question allocates some hundred thousand objects, most of them kept in the answerer's caches
(analysed passages, speakers, articles). Each of Python's full collections walks every one of them, and at
the default thresholds a cold batch of questions ran several full collections: about a tenth of its time.
Reference counting frees what a question leaves behind; the collector, which only finds cycles, runs again
once the answer is made.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

F = TypeVar("F", bound=Callable)


def paused(fn: F) -> F:
    """``fn`` with the garbage collector off while it runs (left as it was found: off stays off)."""

    @wraps(fn)
    def call(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return call  # type: ignore[return-value]
