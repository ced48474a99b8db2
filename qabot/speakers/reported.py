"""Reported speech: the patterns that find a speaker with no quotation set beside them: the subject of a verb
of communication ("Mr Blair said the ..."), "according to", "told by", a speaker that closes the sentence ("...,
said Nokia."), one who speaks in a relative clause, calls something by words or acts and says (", saying");
and ``speech_hint``, the cheap test of what every attribution pattern needs.
"""

from __future__ import annotations

import re

from ..lexicon import ARTICLE_SPEECH_FORMS, CHARACTERISING_FORMS, CORE_SPEECH_FORMS, SPEECH_ING_FORMS, alternation
from .phrases import VERBS, _APPOSITION, _DESCRIBED, _LEAD, _Lazy, _VERB_FIRST_FORMS, _WHO, _WHO_POSSESSIVE
from .quoted import _OPEN

_ACCORDING = _Lazy(rf"\b[Aa]ccording\s+to\s+{_WHO}")

_WHEN_SAID = r"(?:later|earlier|afterwards|again|yesterday|once|(?!(?:initially|only|early|likely|family|ally)\b)[a-z]{3,}ly)"
"""A word between a subject and its verb of speech that says when or how ("Caprice, who left ..., afterwards said:", "Mr
Brown later told reporters", "Hitachi recently announced"; not "initially", which is seldom of words)."""
_REPORTED = _Lazy(rf"^\W*{_LEAD}?(?P<desc>{_DESCRIBED})??"
                       rf"{_WHO_POSSESSIVE}{_APPOSITION}?,?\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+|now\s+|{_WHEN_SAID}\s+)?(?:{VERBS})\b")
_REPORTED_MID = _Lazy(rf"[,;]\s+(?P<desc>{_DESCRIBED})??{_WHO_POSSESSIVE},?\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:{VERBS})\b(?!\s*[.!]?\s*$)")
_REPORTED_END = _Lazy(rf",\s*{_WHO_POSSESSIVE}\s+(?:has\s+|had\s+|have\s+)?(?:{VERBS})\s*[.!]?\s*$")
_ENDS_WITH_VERB_REVERSED = re.compile(rf"\s*[.!]?\s*(?:{alternation(form[::-1] for form in ARTICLE_SPEECH_FORMS)}|\w+\s+dlot)")
"""``(?:{VERBS})\\s*[.!]?\\s*$``, what every match of ``_REPORTED_END`` ends with, written backwards: matched at the start
of the sentence written backwards (``reported_end_hint``), it is tried once, not at every character (no
look-around in it, so reading backwards finds it exactly when the pattern finds it at the end)."""


def reported_end_hint(sentence: str) -> bool:
    """Whether ``sentence`` ends with a verb of speech (and a full stop), as every match of ``_REPORTED_END`` does."""
    return _ENDS_WITH_VERB_REVERSED.match(sentence[::-1]) is not None


_SAID_BY_END = _Lazy(rf"[,;]\s*(?:{_VERB_FIRST_FORMS})\s+{_WHO_POSSESSIVE}"
                     rf"(?:,\s+(?:[^,“\"«»”]|,(?=\d)){{3,120}}?)?\s*[.!]?\s*$")
"""Reported speech closed by its speaker after the verb, without quotation marks: "The system would reduce queues,
said Nokia."; "..., said Gerhard Romen, head of market development at Nokia." (a role set off after the name)."""
_CLOSED_BY = _Lazy(rf",\s*{_WHO_POSSESSIVE}(?:,\s+[^,“\"«»”]{{3,80}}?)?\s+(?:has\s+|had\s+)?(?:told|said|says|tells)\b"
                   rf"[^,;“\"«»”]{{0,80}}[.!]?\s*$")
"""Reported speech closed by its speaker and what follows the verb: "..., Alan Milburn, Labour's election
strategist told Radio 4's Today programme on Saturday."."""
_CLOSED_BY_STOPS = ",;“\"«»”"
"""What ``_CLOSED_BY`` allows nowhere after its verb."""


def closed_by_hint(sentence: str) -> bool:
    """What every match of ``_CLOSED_BY`` holds: "told", "said", "says" or "tells" after the last comma, semicolon
    or quotation mark (nothing after its verb is one of them), tested with ``str`` methods before the pattern."""
    tail = sentence[max(sentence.rfind(c) for c in _CLOSED_BY_STOPS) + 1:]
    return "said" in tail or "told" in tail or "says" in tail or "tells" in tail


_ING = alternation(SPEECH_ING_FORMS)
_CALLS = alternation(CHARACTERISING_FORMS)
_SUBJECT_SPEAKS = _Lazy(
    rf"^\W*{_LEAD}?(?P<desc>{_DESCRIBED})??{_WHO_POSSESSIVE}(?:"
    rf",\s+who\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:{VERBS})\b"
    rf"|{_APPOSITION}?,?\s+(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?:{_ING})\b"
    rf"|(?:has\s+|had\s+|also\s+)?(?:{_CALLS})\s+[^“\"«.;]{{1,100}}?(?:\s+as\b|\s*{_OPEN}))"
    rf"|\s+(?:has|have|had|is|are|was|were|[a-z]+ed)\b[^,;“\"«»”]{{3,120}}?\s+and\s+(?:has\s+|had\s+|also\s+|then\s+)?"
    rf"(?:{VERBS})\b)")
"""A sentence's subject whose words it holds though no verb of speech follows it: one who speaks in a relative
clause ("Mr Barber, who said the "problem is far worse" ..., called for ..."; not a name the sentence goes on to),
is speaking as the story is told ("Tony Blair is urging European leaders ..."), calls someone or something by
words ('David Oblon called the term "outrageous"', 'Mr Panke praised the Accura as the "best execution" yet', "he
portrayed Mr Ebbers as obsessed with costs"), or acts and says ("Nintendo has a 95% share of the market and said
...")."""
_SUBJECT_SPEAKS_HINT = _Lazy(rf", who\s|\b(?:{_CALLS})\b| and\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:{VERBS})\b"
                                  rf"|\s(?:is|are|was|were|been)\s+(?:also\s+)?(?:{_ING})\b")
"""What every match of ``_SUBJECT_SPEAKS`` holds, searched for first (far cheaper than trying a speaker's phrase)."""
_CORE = alternation(CORE_SPEECH_FORMS)
_WHO_SAID = _Lazy(rf"{_WHO_POSSESSIVE},\s+who\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?:{_CORE})\b")
"""One who speaks in a relative clause past the sentence's subject, with a verb that gives words ('kites flown by
Kim Yates, who said "wind is everything"'; not "Jacques Chirac, who announced his attendance"). The subject's own
("Mr Barber, who said ...") is ``_SUBJECT_SPEAKS``'s."""
_WHO_SAID_HINT = re.compile(rf", who\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?:{_CORE})\b")
_TOLD_BY = _Lazy(rf"\b(?:was|were|been|being|is|are)\s+(?:also\s+)?told\s+by\s+{_WHO_POSSESSIVE}(?=[\s,.;:])")
"""Speech told by an agent: "The players were told by coach Tom Hale that the match was off"."""
_SAYING = _Lazy(rf"^\W*{_LEAD}?{_WHO_POSSESSIVE},?\s+(?:has\s+|had\s+|have\s+)?[a-z]+(?:ed|s)\b[^“\"«;]{{0,120}}?,\s+saying\b")
"""A subject that acts and says why: "Fox producers defended the show, saying it was a ..." (the verb is no
verb of speech; the ", saying" clause is the subject's words)."""
_CHARACTERISING = re.compile(rf"\b(?:{_CALLS})\b")

_HINT_VERB_REVERSED = re.compile(rf"\W(?:{alternation(form[::-1] for form in ARTICLE_SPEECH_FORMS)})")
"""A verb of speech that ends a word (``(?:{VERBS})\\b``), looked for in the sentence written backwards (after a
space put before it): there each form, written backwards, starts a word, so the search is led by the characters
that end words (a fifth of them), not by the first letters of the verbs (nearly every letter), and is tried a
fifth as often (1.6 times faster; "told" alone already holds for "told\\s+\\w+"). Only whether one is there
counts, which reading backwards does not change."""


def speech_hint(sentence: str) -> bool:
    """Whether ``sentence`` holds what every pattern of ``attribute`` needs, a verb of speech, "according" or
    ", saying": ``re.search(rf"(?:{VERBS})\\b|[Aa]ccording|, saying", sentence)``, faster (tests check both find
    the same, but for "went on to" a deed, which this takes for a verb of speech and the patterns do not)."""
    return "according" in sentence or "According" in sentence or ", saying" in sentence or "state that" in sentence \
        or _HINT_VERB_REVERSED.search(" " + sentence[::-1]) is not None
