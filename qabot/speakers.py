"""Speaker attribution: who says a sentence's words.

Recognises direct quotations with their attribution ("…," Wang said / said Wang / Wang told Putin
/ according to Wang), reported speech with the speaker as subject ("Mr Blair said the ..."), "he
said" resolved to the last person named before it, and a quotation that continues the previous
speaker's quotation in the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = (
    r"said|says|say|told|tells|added|adds|explained|argued|argues|insisted|insists|warned|warns|noted|"
    r"stressed|continued|replied|responded|declared|wrote|writes|asked|asks|admitted|admits|claimed|"
    r"claims|believes|believed|suggested|suggests|acknowledged|conceded|announced|urged|predicted|"
    r"maintained|confirmed|denied|commented|remarked|observed|pointed\s+out|went\s+on|told\s+\w+"
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Prof|President|Prime\s+Minister|Minister|Chancellor|Secretary|Senator|Governor|Judge|Coach|Chairman|Chief\s+Executive)\.?\s+)"
_NAME = r"(?:[A-Z][\w’'.-]*(?:\s+(?:de|van|von|der|da|al|bin|le|la)\b)?(?:\s+[A-Z][\w’'.-]*){0,3})"
_WHO = rf"(?P<who>{_TITLE}?{_NAME}|[Hh]e|[Ss]he)"
_CLOSE = r"[”\"»’]"
_OPEN = r"[“\"«‘]"

_AFTER_QUOTE = re.compile(rf"{_CLOSE}\s*,?\s*{_WHO}\s+(?:{VERBS})\b")
_VERB_FIRST = re.compile(rf"{_CLOSE}\s*,?\s*(?:{VERBS})\s+{_WHO}")
_ACCORDING = re.compile(rf"\baccording\s+to\s+{_WHO}")
_BEFORE_QUOTE = re.compile(rf"{_WHO}\s+(?:{VERBS})\s*(?:that\s+)?[:,]?\s*{_OPEN}")
_REPORTED = re.compile(rf"^\W*(?:(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier),?\s+)?{_WHO}\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:{VERBS})\b")
_QUOTE_CHARS = "“”\"«»"
_NOT_NAMES = frozenset(
    "The A An But And However Yet It This That These Those There They We I You In On At For From Of "
    "As If When While After Before Meanwhile Officials Analysts Critics Experts Sources Some Many Most "
    "Others People Observers Reports Report Statement Police Government Ministry Company Firm Officials".split()
)
_CAPS = re.compile(rf"{_TITLE}?(?<![\w.])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's words belong to."""

    speaker: str | None
    """The speaker's name as the article writes it (pronouns resolved), or None."""
    quote: bool
    """True when the sentence holds a direct quotation."""


def is_quote(sentence: str) -> bool:
    """True when the sentence holds quotation marks around words."""
    return any(c in sentence for c in _QUOTE_CHARS)


def _clean(name: str) -> str:
    """A name without trailing possessive or punctuation."""
    return re.sub(r"(?:['’]s)?[,.;:]*$", "", name.strip())


def _is_name(name: str) -> bool:
    """True when ``name`` looks like a person, not a sentence-initial word."""
    first = name.split()[0] if name.split() else ""
    return bool(name) and first not in _NOT_NAMES


def last_name_in(text: str) -> str | None:
    """The last capitalised name in ``text`` that is not a sentence's first word, for "he"."""
    for m in reversed(list(_CAPS.finditer(text))):  # from the end: the first name found is the last
        start = m.start()
        while start and text[start - 1].isspace():  # the last character before the name, spaces skipped
            start -= 1
        if not start or text[start - 1] in ".!?“\"":
            candidate = m.group()
            if len(candidate.split()) < 2 or candidate.split()[0] in _NOT_NAMES:
                continue
        candidate = _clean(m.group())
        if _is_name(candidate):
            return candidate
    return None


def attribute(sentence: str, previous: Attribution | None, last_name: str | None) -> Attribution:
    """The speaker of ``sentence``.

    ``previous`` is the attribution of the sentence before it in the same paragraph; ``last_name``
    the last person named before this sentence, used to resolve "he said".
    """
    quote = is_quote(sentence)
    who = None
    for pattern in (_AFTER_QUOTE, _VERB_FIRST, _BEFORE_QUOTE, _ACCORDING) if quote else (_REPORTED, _ACCORDING):
        m = pattern.search(sentence)
        if m and m.group("who"):
            who = m.group("who")
            break
    if who is None and not quote:
        m = _REPORTED.search(sentence)
        who = m.group("who") if m else None
    if who is not None:
        who = _clean(who)
        if who.lower() in ("he", "she"):
            who = (previous.speaker if previous and previous.speaker else None) or last_name
        elif not _is_name(who):
            who = None
    if who is None and quote and previous is not None and previous.quote and previous.speaker:
        stripped = sentence.lstrip()
        if stripped[:1] in "“\"«":
            who = previous.speaker
    return Attribution(speaker=who, quote=quote)
