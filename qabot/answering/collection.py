"""The garbage collector paused while a question is answered, and what the answer made set aside from it.

Answering a question allocates some hundred thousand objects, most of them kept in the answerer's caches
(analysed passages, speakers, articles). Each of Python's full collections walks every one of them, and at
the default thresholds a cold batch of questions ran several full collections: about a tenth of its time.
Reference counting frees what a question leaves behind; the collector, which only finds cycles, runs again
once the answer is made.

Even between questions, the collector's young collections walked everything a question had put in the caches,
twice (once young, once middle-aged) before it was old enough to be left alone: 9% of a cold batch of 121 speech
questions over the BBC, for 4,213 objects found in cycles, all made once (numpy reading an array's header,
``inspect`` reading a signature). A program that answers many questions and owns its process (qabot's ``ask -``,
chat, MCP server and web page) calls ``freeze_answered``: once a question is answered, everything alive is frozen
(``gc.freeze``: set aside where no collection walks it, at no cost), and after ``FIRST_FULL`` questions, then after
twice as many in all each time, the collector walks it all once (a full collection: 0.2 s over SQuAD's caches), so
that a cycle made meanwhile is freed after all, and the walks cost a share of the answering that shrinks as the
caches stop growing (as Python's own full collections come once the heap has grown by a share of itself). The
library does not by itself: frozen objects are hidden from ``gc.get_referrers`` and ``gc.get_objects``, and a
program that uses qabot may want its own objects seen.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

F = TypeVar("F", bound=Callable)

FIRST_FULL = 1000
"""Questions answered before the first full collection of everything frozen; the next comes when twice as many have
been answered in all (2,000, then 4,000 ...): a full collection every 500 questions took a fifth of a SQuAD run."""

_answered = 0
_next_full = FIRST_FULL
_freezing = False


def freeze_answered(on: bool = True) -> None:
    """From now on, freeze what is alive after each answer and collect everything now and then (``settle``; off again
    with ``on`` False)."""
    global _freezing
    _freezing = on


def paused(fn: F) -> F:
    """``fn`` with the garbage collector off while it runs (left as it was found: off stays off), and what is alive
    after it frozen when ``freeze_answered`` asked for it (``settle``)."""

    @wraps(fn)
    def call(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if _freezing:
                settle()
            gc.enable()

    return call  # type: ignore[return-value]


def settle() -> None:
    """Freeze what is alive now; after ``FIRST_FULL`` answers, then after twice as many in all each time, collect
    everything first."""
    global _answered, _next_full
    _answered += 1
    if _answered >= _next_full:
        _next_full = max(2 * _answered, FIRST_FULL)
        gc.unfreeze()
        gc.collect()
    gc.freeze()
