"""Surface words: the corpus's words spelled as the articles spell them, for completion while typing.

The index stores stemmed terms only ("patrushev", "ukrain"); completion needs "Patrushev" and
"Ukraine". A build counts every word of the article texts and keeps, per lowercased word, its most
frequent spelling, so names keep their capitals and ordinary words stay lower case. It also counts
how often each name is seen speaking ("Wang said", "said Putin", "according to Kuleba"), which tells
a follow-up "and Putin?" (a speaker) from "and Ukraine?" (a topic).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from operator import itemgetter, neg
from typing import Callable, Iterable

from .analysis import STOPWORDS, find_words
from .lexicon import CORE_SPEECH_FORMS, alternation

_SPEAKS = re.compile(
    rf"\b([A-Z][^\W\d_]+)(?:[’']s)?\s+(?:{alternation(CORE_SPEECH_FORMS)})\b"
    r"|\b(?:said|says|according\s+to)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][^\W\d_]+)"
)
"""A name next to a speech verb."""
_VERBS = CORE_SPEECH_FORMS + ("according",)
"""Where a speech verb may be: ``_SPEAKS`` is tried only around these (most text has none)."""
_REACH = 80
"""How far around a speech verb a name next to it is looked for."""
MIN_LENGTH = 3
"""Shorter words are not worth completing."""
MAX_WORDS = 200_000
"""At most this many words are kept, the most frequent first."""


def surface_words(text: str, limit: int = MAX_WORDS) -> list[tuple[str, int, int]]:
    """``(spelling, count, spoke)`` for the words of ``text``, most frequent first, each word once.

    The spelling is the word's most frequent form; a possessive "’s" is dropped ("Wang’s" counts as
    Wang); stopwords and words shorter than ``MIN_LENGTH`` are left out. ``spoke`` counts the times
    the word stood as a speaker next to a speech verb.
    """
    return rank_words(*count_words(text), limit=limit)


def count_words(text: str) -> tuple[Counter[str], Counter[str]]:
    """``(forms, spoke)``: how often each spelling occurs in ``text``, and each name (lowercased) speaks.

    Words are the analyzer's (``analysis.TOKEN``), so a build counts them from the words it has
    already found for each passage (``count_speakers`` gives ``spoke``); counts add up with ``Counter.update``.
    """
    return Counter(find_words(text)), count_speakers(text)


def count_speakers(text: str) -> Counter[str]:
    """How often each name (lowercased) stands next to a speech verb in ``text``."""
    spoke: Counter[str] = Counter()
    end = len(text)
    lo = hi = -1
    for at, length in _places(text, _VERBS):
        start, stop = max(0, at - _REACH), min(end, at + length + _REACH)
        if start > hi:
            if hi > lo:
                spoke.update(a.lower() or b.lower() for a, b in _SPEAKS.findall(text, lo, hi))
            lo = start
        hi = stop
    if hi > lo:
        spoke.update(a.lower() or b.lower() for a, b in _SPEAKS.findall(text, lo, hi))
    return spoke


def _places(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """``(position, length)`` of every occurrence of ``words`` in ``text``, in text order (``str.find``
    scans many times faster than a regular expression of the alternatives)."""
    places = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            places.append((at, len(word)))
            at = text.find(word, at + len(word))
    places.sort()
    return places


def rank_words(forms: Counter[str], spoke: Counter[str], limit: int = MAX_WORDS) -> list[tuple[str, int, int]]:
    """The surface words from ``count_words``'s counts (see ``surface_words``)."""
    best: dict[str, tuple[str, int]] = {}
    totals: Counter[str] = Counter()
    for form, count in forms.items():
        if count <= 0:
            continue
        if form.endswith(("’s", "'s")):
            form = form[:-2]
        if len(form) < MIN_LENGTH or not form[0].isalpha():
            continue
        key = form.lower()
        if key in STOPWORDS:
            continue
        totals[key] += count
        held = best.get(key)
        if held is None or count > held[1] or (count == held[1] and form < held[0]):
            best[key] = (form, count)
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(best[key][0], count, max(0, spoke.get(key, 0))) for key, count in ranked]


def update_words(words: list[tuple[str, int, int]], before: tuple[Counter[str], Counter[str]],
                 after: tuple[Counter[str], Counter[str]], forms: Iterable[str], speakers: Iterable[str],
                 limit: int = MAX_WORDS) -> list[tuple[str, int, int]]:
    """``rank_words(*after, limit)``, worked out from ``words``, which are ``rank_words(*before, limit)``.

    ``forms`` holds every spelling whose count may differ between ``before`` and ``after``, ``speakers``
    every name whose speaking count may: an update's new and removed files' words. Only their words are
    ranked again and placed among the others, which keep their order (10 files added to 33,000 rank some
    2,000 of 28,000 words: a third of the CPU of ranking them all); a word whose spelling in use lost count
    is looked up in every count. When ``words`` may have been cut at ``limit``, everything is ranked again.
    """
    old_forms, old_spoke = before
    new_forms, new_spoke = after
    if len(words) >= limit:
        return rank_words(new_forms, new_spoke, limit)
    keys = _lowered(list(map(itemgetter(0), words)))
    where = dict(zip(keys, range(len(words))))
    delta: dict[str, int] = {}
    offered: dict[str, list[tuple[str, int]]] = {}
    for raw in set(forms):
        now, was = max(new_forms.get(raw, 0), 0), max(old_forms.get(raw, 0), 0)
        if now == was:
            continue
        form = raw[:-2] if raw.endswith(("’s", "'s")) else raw
        if len(form) < MIN_LENGTH or not form[0].isalpha():
            continue
        key = form.lower()
        if key in STOPWORDS:
            continue
        delta[key] = delta.get(key, 0) + now - was
        offered.setdefault(key, []).append((form, now))
    ranked: dict[str, tuple[str, int] | None] = {}  # the words ranked again: (spelling, total), None when gone
    lost: dict[str, int] = {}  # words whose spelling in use lost count, and their new totals
    for key, change in delta.items():
        spelling, total, _ = words[where[key]] if key in where else ("", 0, 0)
        total += change
        if total <= 0:
            ranked[key] = None
            continue
        best = None
        if spelling:
            curly, straight = spelling + "’s", spelling + "'s"
            count = max(new_forms.get(spelling, 0), new_forms.get(curly, 0), new_forms.get(straight, 0), 0)
            if count < max(old_forms.get(spelling, 0), old_forms.get(curly, 0), old_forms.get(straight, 0)):
                lost[key] = total  # another spelling, unchanged, may now be the most frequent
                continue
            best = (spelling, count)
        for form, count in offered[key]:
            if count > 0 and (best is None or count > best[1] or (count == best[1] and form < best[0])):
                best = (form, count)
        ranked[key] = (best[0], total) if best is not None else None
    if lost:
        best_of: dict[str, tuple[str, int]] = {}
        for raw, count in new_forms.items():
            form = raw[:-2] if raw.endswith(("’s", "'s")) else raw
            key = form.lower()
            if key in lost and count > 0 and len(form) >= MIN_LENGTH and form[0].isalpha():
                best = best_of.get(key)
                if best is None or count > best[1] or (count == best[1] and form < best[0]):
                    best_of[key] = (form, count)
        ranked.update((key, (best_of[key][0], total)) for key, total in lost.items())
    for key in set(speakers):  # a word whose speaking count alone changed keeps its place
        if key not in ranked and key in where and new_spoke.get(key, 0) != old_spoke.get(key, 0):
            ranked[key] = words[where[key]][:2]
    if not ranked:
        return list(words)
    # the words not ranked again keep their order (copied a run at a time); the others are placed among them
    # by count, then word
    every = list(zip(map(neg, map(itemgetter(1), words)), keys))
    kept: list[tuple[str, int, int]] = []
    order: list[tuple[int, str]] = []
    start = 0
    for i in sorted(where[key] for key in ranked if key in where):
        kept += words[start:i]
        order += every[start:i]
        start = i + 1
    kept += words[start:]
    order += every[start:]
    placed = sorted((-total, key, spelling) for key, (spelling, total) in ((k, e) for k, e in ranked.items() if e))
    out: list[tuple[str, int, int]] = []
    at = 0
    for minus, key, spelling in placed:
        to = bisect_left(order, (minus, key), at)
        out += kept[at:to]
        out.append((spelling, -minus, max(0, new_spoke.get(key, 0))))
        at = to
    out += kept[at:]
    return out[:limit]


def _lowered(words: list[str]) -> list[str]:
    """``[w.lower() for w in words]``, lowered in one call (words hold no line breaks)."""
    keys = "\n".join(words).lower().split("\n") if words else []
    return keys if len(keys) == len(words) else [w.lower() for w in words]


def is_name(word: str) -> bool:
    """True for a spelling that starts with a capital letter (a name, as the articles write it)."""
    return word[:1].isupper()


class Lexicon:
    """The surface words of an index, looked up by prefix, with who is seen speaking."""

    def __init__(self, words: list[tuple[str, int, int]], texts_with: Callable[[str], Iterable[str]] | None = None):
        """``texts_with`` gives the texts of the passages that write a word, for a word in capitals the surface
        words leave out (a stopword, "WHO", or shorter than ``MIN_LENGTH``, "US"): whether it speaks is read from
        those."""
        entries = sorted((w.lower(), -n, w) for w, n, _ in words)
        self._keys = [key for key, _, _ in entries]
        self._entries = entries
        self._spoke = {w.lower(): s for w, _, s in words if s}
        self._texts_with = texts_with
        self._acronyms: dict[str, bool] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def complete(self, prefix: str, limit: int = 30) -> list[tuple[str, int]]:
        """``(spelling, count)`` of the words starting with ``prefix`` (any case), most frequent first."""
        key = prefix.lower()
        lo = bisect_left(self._keys, key)
        hi = bisect_left(self._keys, key + "\U0010ffff")
        found = sorted(self._entries[lo:hi], key=lambda e: (e[1], e[0]))[:limit]
        return [(w, -n) for _, n, w in found]

    def speakers(self, limit: int = 2) -> list[str]:
        """Up to ``limit`` names the articles show speaking most often, most first (for examples of questions: "what
        did Wang say"); names of more than one letter, written with a capital and not in capitals alone."""
        names = [(-self._spoke[key], key, w) for key, _, w in self._entries
                 if self._spoke.get(key) and is_name(w) and not w.isupper() and len(w) > 1]
        return [w for _, _, w in sorted(set(names))[:limit]]

    def speaks(self, word: str) -> bool:
        """True when the articles show ``word`` (a name, any case) speaking; a word in capitals the surface words
        leave out ("the WHO", "the US") only as written ("The WHO said", not "Who said")."""
        word = word.replace("’", "'").removesuffix("'s")
        if word.isupper() and len(word) > 1 and (word.lower() in STOPWORDS or len(word) < MIN_LENGTH):
            if self._texts_with is None:
                return False
            if word not in self._acronyms:
                speaks = _acronym_speaks(word)
                self._acronyms[word] = any(speaks.search(t) for t in self._texts_with(word))
            return self._acronyms[word]
        return self._spoke.get(word.lower(), 0) > 0


def _acronym_speaks(word: str) -> re.Pattern:
    """``word`` (in capitals) next to a speech verb, as written: "the WHO said", "said the WHO"."""
    return re.compile(rf"\b{re.escape(word)}(?:['’]s)?\s+(?:{alternation(CORE_SPEECH_FORMS)})\b"
                      rf"|\b(?:said|says|according\s+to)\s+(?:the\s+)?{re.escape(word)}\b")
