"""Surnames: a news story names its person in full once ("Film actress Annette Bening ...") and by surname after
("Bening, who was born in Texas in 1958, ..."). A sentence naming the question's person by surname alone, in an
article that writes the full name, holds the whole name: else the sentences that repeat the full name outweigh it
by the first name, though they say nothing of what is asked ("Where was Annette Bening born?")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis import STOPWORDS
from ..lexicon import NAME_TITLES

_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+")
"""Two or more capitalised words in a row."""
_FIRST_WORD = re.compile(r"\s*\S*")
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s+$")


@dataclass(frozen=True)
class FullName:
    """A name the question writes in two or more words: its last word, the terms of the others, and the whole."""

    surname: re.Pattern
    """The last word as written, capitalised, standing alone."""
    last: str
    """Its term."""
    rest: frozenset
    """The searched terms of the words before it."""
    whole: re.Pattern
    """The full name as written (an article writing it names that person)."""


def full_names(text: str, term, searched) -> tuple[FullName, ...]:
    """The names of two or more capitalised words the question ``text`` writes (its first word left out: any
    question opens with a capital), as ``FullName``; ``term`` analyses a word, ``searched`` holds the question's
    terms."""
    out = []
    for m in _RUN.finditer(text, _FIRST_WORD.match(text).end()):
        words = m.group().split()
        for i, w in enumerate(words):  # "John Peel's Radio 1": a possessive ends the name
            if w.endswith(("'s", "’s")):
                words = words[:i + 1]
                words[-1] = w[:-2]
                break
        words = [w.rstrip(".") for w in words]
        while words and words[0].lower() in NAME_TITLES:  # "Mr Tony Blair": the articles write "Tony Blair"
            words = words[1:]
        if len(words) < 2:
            continue
        last = term(words[-1])
        rest = frozenset(t for w in words[:-1] if (t := term(w)) in searched)
        if last in searched and rest and last not in rest:
            out.append(FullName(re.compile(rf"\b{re.escape(words[-1])}\b"), last, rest,
                                re.compile(r"\s+".join(map(re.escape, words)) + r"\b")))
    return tuple(out)


def stands_for(names: tuple[FullName, ...], matched, text: str, span, article: int, named: dict) -> frozenset:
    """The name terms a sentence (``span``, in the text ``text`` of article ``article``) holds through a surname
    standing alone: each of ``names`` whose last term it holds and not the others, with no other capitalised word
    before it but a title ("Mr Gammell", "But Tindall"; not "Shane Williams"), in an article that writes the full
    name (``named`` caches that, by name and article)."""
    out: set = set()
    sentence = text[span.start:span.end]
    for n in names:
        if n.last not in matched or n.rest <= matched:
            continue
        for m in n.surname.finditer(sentence):
            before = _WORD_BEFORE.search(sentence, 0, m.start())
            word = before.group(1).lower().rstrip(".") if before and before.group(1)[:1].isupper() else ""
            if not word or word in NAME_TITLES or word in STOPWORDS and not sentence[:before.start()].strip():
                break  # standing alone
        else:
            continue
        found = named.get((n, article))
        if found is None:
            found = named[n, article] = n.whole.search(text) is not None
        if found:
            out |= n.rest
    return frozenset(out)
