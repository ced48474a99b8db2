"""A body's initials and its name, one for the other: an article that writes "the UK Internet Forum (UKIF)" goes on
with "says Stephen Dyer, director of UKIF", and a question asks for "the director of the UK Internet Forum". A sentence
holding the initials holds the name's terms too, for matching a question's words, and one holding the name holds
the initials (``shapes`` in ``features``); only within the article that sets them side by side.
"""

from __future__ import annotations

import re
import weakref

from .sentences import Reader, cached

_DEFINED = re.compile(r"((?:[A-Z][\w&’'.-]*[ \t]+(?:(?:of|for|and|the|on|in|&)[ \t]+)*){1,8})\(([A-Z][A-Za-z&]{1,7})\)")
"""A capitalised run of words then initials in brackets: "Office for National Statistics (ONS)"."""
_BRACKETED = re.compile(r"\([A-Z][A-Za-z&]{1,7}\)")
"""Initials in brackets, found first (a pattern led by a plain character is scanned for fast): the run before them is matched only there (the run's pattern,
tried at every capital of a long article, cost more than all the rest of ``pairs``)."""
_REACH = 800
"""How far before the brackets the run of words may start (eight long words and their links)."""
_CAPITALS = re.compile(r"[A-Z]")
_LINKS = frozenset("of for and the on in &".split())


def defined(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The initials ``text`` sets beside a name, each with the name's words (the shortest last words of the run before
    the brackets whose capitals spell them: "UK Internet Forum (UKIF)", "Securities and Exchange Commission (SEC)")."""
    found = []
    for m in _runs(text):
        words, initials = m.group(1).split(), m.group(2)
        for first in range(len(words) - 1, -1, -1):
            name = words[first:]
            if name[0].lower() in _LINKS:
                continue
            letters = "".join(_CAPITALS.findall(" ".join(w for w in name if w.lower() not in _LINKS)))
            if letters == initials.upper().replace("&", ""):
                found.append((initials, tuple(name)))
                break
            if len(letters) > len(initials):
                break
    return found


def _runs(text: str):
    """``_DEFINED``'s matches in ``text``, as ``finditer`` gives them, each looked for just before a bracket."""
    end = 0
    for b in _BRACKETED.finditer(text):
        if b.end() <= end or text[b.start() - 1:b.start()] not in (" ", "\t"):
            continue
        m = _DEFINED.search(text, max(end, b.start() - _REACH), b.end())
        if m:
            end = m.end()
            yield m


_FOUND: "weakref.WeakKeyDictionary[Reader, dict]" = weakref.WeakKeyDictionary()
"""Per reader, ``pairs`` by article."""


def pairs(reader: Reader, article: int) -> tuple[tuple[str, frozenset[str]], ...]:
    """The article's initials (as a term) with its name's terms (at least two), for each body it names both ways;
    cached per reader."""
    return cached(_FOUND.setdefault(reader, {}), article, reader.params.caches.articles, lambda a: _pairs(reader, a))


def _pairs(reader: Reader, article: int) -> tuple[tuple[str, frozenset[str]], ...]:
    """``pairs``, uncached."""
    text = reader.article(article).text
    if "(" not in text:
        return ()
    out = []
    for initials, name in defined(text):
        term = reader.analyzer.term(initials)
        terms = frozenset(t for t in reader.analyzer.terms_of(list(name)) if t) - {term}
        if term and len(terms) >= 2:
            out.append((term, terms))
    return tuple(out)


def widened(held: set[str], known: tuple[tuple[str, frozenset[str]], ...]) -> set[str]:
    """A sentence's terms (``held``) with the name's terms where it holds the initials and the initials where it
    holds the whole name."""
    for term, terms in known:
        if term in held:
            held = held | terms
        elif terms <= held:
            held = held | {term}
    return held
