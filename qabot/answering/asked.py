"""What a question asks of its subject, and whether an answer says it: near misses shown as "not sure".

A near miss is a question about an article's own subject asking a fact the article does not give ("Who will replace
Willie Walsh as chief executive of Aer Lingus?" answered "The trio are chief executive Willie Walsh, ..."). The
sentence is about the subject, so the fitted confidence is high; what it lacks is what the question asks of the
subject, its predicate:

- for a who, when or where question, the verb it asks about ("replace", "refereed", "headline"), in any of its forms
  ("met" for "meet") or as the noun for who does it ("director" for "direct", "founder" for "found");
- for any other question, every word it writes in lower case, outside the phrase naming the answer's type ("what
  team", "which city": the answer names a team, it need not say "team") and light verbs ("is", "make", "take"):
  "what is Richard Hale's party" answered by a sentence that never says "party";
- for "how many X", the X counted ("How many pupils go to Fenwick Primary School?" answered by a sentence about the
  school that never counts pupils).

A first answer that lacks its question's predicate is still given, shown as "not sure: closest passages"
(``GateParams.unsure_without_predicate``). A word counts as said in another form sharing its first five letters
("attendance" for "attended", "refereed" for "referee"); synonyms do not ("slotted" for "kicked"), so a right answer
written in other words loses "sure" too: measured in docs/answers.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import AUXILIARIES, LIGHT_VERBS, PREPOSITIONS
from .parse import Question, QuestionKind
from .sentences import Reader

VERB_KINDS = frozenset((QuestionKind.WHO, QuestionKind.WHEN, QuestionKind.WHERE))
"""Questions that ask something of the verb they name (``Question.verb``)."""
JUDGED = VERB_KINDS | frozenset((QuestionKind.WHAT, QuestionKind.HOW_MANY, QuestionKind.WHY, QuestionKind.HOW,
                                 QuestionKind.YESNO))
"""The kinds of question whose predicate is looked for. Not speech questions (attribution judges them), bare keywords
(a search), questions about an article itself, nor how much: the amount is what it asks ("how much is the offer": "a
£2m deal"), and a first answer without one is "not sure" already (``GateParams.unsure_without_cue``)."""
SHARED_PREFIX = 5
"""Two terms are one word in two forms when one begins the other and the shorter has this many letters or more."""

_WHICH = re.compile(r"(?i)\b(?:what|which|whose)\b")
WORD = re.compile(r"[\w'’-]+")
"""A word as written, with its apostrophes and hyphens."""
_ENDS = "|".join(sorted(AUXILIARIES | PREPOSITIONS))
_HOW_MANY = re.compile(rf"\b[Hh]ow\s+many\s+((?:[A-Z][\w'’-]*\s+){{0,2}}(?:[a-z][\w'’-]*\s+)*?[a-z][\w'’-]*)"
                       rf"(?=\s+(?:[A-Z]|[\w'’-]+\s+[A-Z])|\s*[?.!]?\s*$|\s+(?:{_ENDS})\b)")
"""The lower-case words after "how many" (after up to two names: "how many Bafta nominations") up to a name, an
auxiliary or a preposition; the first plural among them is the thing counted ("jobs" of "How many manufacturing jobs
does the TUC say were lost", "people" of "how many people died in the flood")."""
_PLURALS = frozenset("people children men women staff police cattle sheep fish personnel crew".split())
"""Plurals that do not end in s."""


def _counted(words: list[str]) -> str:
    """The thing counted among the words after "how many": the first plural, else the first word."""
    return next((w for w in words if w.lower() in _PLURALS or (w.endswith("s") and not w.endswith("ss"))), words[0])


@dataclass(frozen=True)
class Predicate:
    """What a question asks of its subject."""

    words: tuple[tuple[str, str], ...]
    """The asked words as written, with their terms: the verb of a who, when or where question, else the question's
    lower-case words outside its answer-type phrase; the answer lacks the predicate when it holds none of them."""
    counted: tuple[str, str] | None = None
    """For "how many X": X as written, and its term."""


def type_words(text: str) -> set[str]:
    """The lower-case words of the phrase naming the answer's type, after "what", "which" or "whose" up to an
    auxiliary or a preposition ("team" of "What team did Denver beat", "law firm" of "Which law firm is ... using"); the
    answer names one, it need not write the word."""
    m = _WHICH.search(text)
    if not m:
        return set()
    out = set()
    for w in WORD.findall(text[m.end():]):
        low = w.lower()
        if low in AUXILIARIES or low in PREPOSITIONS:
            break
        if not w[:1].isupper():
            out.add(low)
    return out


def predicate(q: Question, analyzer) -> Predicate | None:
    """What ``q`` asks of its subject, or None when it names nothing to look for (a speech question, keywords, a
    question about an article, or one whose words are all names and light verbs: "who is Tony Blair")."""
    if q.kind not in JUDGED:
        return None
    counted = None
    if q.kind is QuestionKind.HOW_MANY and (m := _HOW_MANY.search(q.text)) is not None:
        word = _counted(m.group(1).split())
        term = analyzer.term(word)
        if term and term in q.topic_terms:
            counted = (word, term)
    verb = q.verb
    if q.kind in VERB_KINDS and verb and verb not in LIGHT_VERBS and re.search(rf"\b{re.escape(verb)}\b", q.text):
        term = analyzer.term(verb)
        if term:
            return Predicate(words=((verb, term),), counted=counted)
    typed = type_words(q.text)
    words = tuple((w, t) for w, t in dict.fromkeys(zip(q.topic_words, q.topic_terms))
                  if not w[:1].isupper() and not w[:1].isdigit() and w.lower() not in LIGHT_VERBS
                  and w.lower() not in typed)
    if not words and counted is None:
        return None
    return Predicate(words=words, counted=counted)


def said_terms(reader: Reader, text: str) -> set[str]:
    """The terms of ``text``'s words, and of the words it writes irregular forms of ("met": "meet")."""
    out = set()
    for term, start, end in reader.analyzer.spans(text):
        out.add(term)
        base = reader.base_term(text[start:end].lower())
        if base:
            out.add(base)
    return out


def says(term: str, said: set[str]) -> bool:
    """Whether ``said`` (a text's terms) holds ``term`` in some form: itself, the noun for who does it ("director"
    for "direct"), or a form sharing its beginning (``SHARED_PREFIX`` letters or more: "attendance", "attended")."""
    if term in said or term + "or" in said or term + "er" in said:
        return True
    return len(term) >= SHARED_PREFIX and any(
        len(s) >= SHARED_PREFIX and (s.startswith(term) or term.startswith(s)) for s in said)


def lacks(p: Predicate, reader: Reader, text: str) -> str | None:
    """What of predicate ``p`` the answer ``text`` does not say ("'replace'", "'pupils' counted"), or None when it
    says it."""
    said = said_terms(reader, text)
    if p.words and not any(says(t, said) for _, t in p.words):
        return " ".join(f"'{w}'" for w, _ in p.words)
    if p.counted is not None and not says(p.counted[1], said):
        return f"'{p.counted[0]}' counted"
    return None
