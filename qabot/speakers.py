"""Speaker attribution: who says a sentence's words.

Recognises direct quotations with their attribution ("…," Wang said / said Wang / Wang told Putin
/ according to Wang), reported speech with the speaker as subject ("Mr Blair said the ..."), "he
said" resolved to the last person named before it, and a quotation that continues the previous
speaker's quotation in the same paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

VERBS = (
    r"said|says|say|told|tells|added|adds|explained|argued|argues|insisted|insists|warned|warns|noted|"
    r"stressed|continued|replied|responded|declared|wrote|writes|asked|asks|admitted|admits|claimed|"
    r"claims|believes|believed|suggested|suggests|acknowledged|conceded|announced|urged|predicted|"
    r"maintained|confirmed|denied|commented|remarked|observed|pointed\s+out|points\s+out|went\s+on|told\s+\w+|"
    r"promised|promises|pledged|vowed|revealed|reckons|thinks|hopes|expects|accepted|agreed|recalled|joked|"
    r"explains|stated|states|insisted|feels|argued|highlighted|emphasised|emphasized|signalled|indicated"
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Prof|President|Prime\s+Minister|Minister|Chancellor|Secretary|Senator|Governor|Judge|Coach|Chairman|Chief\s+Executive)\.?\s+)"
_NAME = r"(?:[A-Z][\w’'.-]*(?:\s+(?:de|van|von|der|da|al|bin|le|la)\b)?(?:\s+[A-Z][\w’'.-]*){0,3})"
_WHO = rf"(?P<who>{_TITLE}?{_NAME}|[Hh]e|[Ss]he)"
_CLOSE = r"[”\"»’]"
_OPEN = r"[“\"«‘]"

_AFTER_QUOTE = re.compile(rf"{_CLOSE}\s*,?\s*{_WHO}\s+(?:{VERBS})\b")
_VERB_FIRST = re.compile(rf"{_CLOSE}\s*,?\s*(?:{VERBS})\s+{_WHO}")
_ACCORDING = re.compile(rf"\baccording\s+to\s+{_WHO}")
_BEFORE_QUOTE = re.compile(rf"{_WHO}\s+(?:{VERBS})\b(?:\s*that\s*|[^“\"«.]{{0,40}}?)[:,]?\s*{_OPEN}")
_DESCRIBED = r"(?:(?:[Ff]ormer|[Ee]x-|[Tt]he)\s*)?(?:[A-Z][\w-]+\s+){0,2}(?:(?!(?:to|by|with|from|for|of|at|on|in|about)\s)[a-z][\w-]+\s+){1,3}"
"""Words that describe a person before the name: "former Arsenal keeper", "coach", "the chancellor"."""
_LEAD = r"(?:(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier|Now|Instead),?\s+|(?:In|On|At|During|Speaking)\s[^,“\"]{1,60},\s+)"
"""An opening before the subject: "But", "In his opening remarks,"."""
_APPOSITION = r"(?:,\s+(?:[^,“\"]|,(?=\d)){3,120}?,)"
"""A clause set off by commas after the subject: "Parry, speaking exclusively to BBC Sport, also admits"."""
_REPORTED = re.compile(rf"^\W*{_LEAD}?(?:{_DESCRIBED})??"
                       rf"{_WHO}{_APPOSITION}?,?\s+(?:has\s+|had\s+|also\s+|then\s+|now\s+)?(?:{VERBS})\b")
_REPORTED_MID = re.compile(rf"[,;]\s+(?:{_DESCRIBED})??{_WHO},?\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b(?!\s*[.!]?\s*$)")
_REPORTED_END = re.compile(rf",\s*{_WHO}\s+(?:has\s+|had\s+|have\s+)?(?:{VERBS})\s*[.!]?\s*$")
_QUOTE_CHARS = "“”\"«»"
_NOT_NAMES = frozenset(
    "The A An But And However Yet It This That These Those There They We I You In On At For From Of "
    "He She His Her As If When While After Before Meanwhile Officials Analysts Critics Experts Sources Some Many Most "
    "Others People Observers Reports Report Statement Police Government Ministry Company Firm Officials".split()
)
SPEAKER_CONTEXT = 2000
"""Characters before a paragraph read to resolve "he" and to learn who the people are."""
_ROLE = (r"(?:leader|boss|coach|manager|chief|executive|chairman|chairwoman|spokesman|spokeswoman|spokesperson|"
         r"minister|secretary|chancellor|president|director|striker|midfielder|defender|goalkeeper|keeper|"
         r"captain|skipper|player|star|singer|actor|actress|author|analyst|economist|governor|head|founder|"
         r"presenter|champion|MP|MEP|senator|rapper|DJ|boxer|sprinter|athlete|veteran|rival|partner)")
_PERSON_MARKS = (
    re.compile(rf"\b{_TITLE}(?P<who>{_NAME})"),
    re.compile(rf"\b{_ROLE}\s+(?P<who>{_NAME})"),
    re.compile(rf"(?P<who>{_NAME}),?\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"),
    re.compile(rf"\b(?:said|says|added|adds|explained|continued|replied|insisted|warned|argued)\s+(?P<who>{_TITLE}?{_NAME})"),
)
"""Where a capitalised name is most likely a person's: with a title, a role, or a verb of speech ("told BBC
News" names whom, not who, and is left out)."""
_OPENERS = r"^(?:(?:Earlier|Later|Last|Next|Now|Instead|Still|Also|Speaking|But|And|Meanwhile|However)\s+)+"
"""Words that open a sentence before a name ("Earlier Mr Kennedy")."""
_CAPS = re.compile(rf"{_TITLE}?(?<![\w.])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's words belong to."""

    speaker: str | None
    """The speaker's name as the article writes it (pronouns resolved), or None."""
    quote: bool
    """True when the sentence holds a direct quotation."""
    continued: bool = False
    """True when the sentence names no speaker but goes on with the quotation of the one before it."""


def is_quote(sentence: str) -> bool:
    """True when the sentence holds quotation marks around words."""
    return any(c in sentence for c in _QUOTE_CHARS)


def _clean(name: str) -> str:
    """A name without possessive (and what follows it) or trailing punctuation."""
    name = re.split(r"['’]s\b", name.strip())[0]
    return re.sub(r"[,.;:]*$", "", name.strip())


_QUOTED = re.compile(r"[“«]([^”»]*)[”»]?|\"([^\"]*)\"?")


def quoted_words(sentence: str) -> str:
    """The words inside the sentence's quotation marks."""
    return " ".join(a or b for a, b in _QUOTED.findall(sentence))


def _is_name(name: str) -> bool:
    """True when ``name`` looks like a person, not a sentence-initial word."""
    first = name.split()[0] if name.split() else ""
    return bool(name) and first not in _NOT_NAMES


def last_name_in(text: str) -> str | None:
    """The last capitalised name in ``text`` that is not a sentence's first word, for "he"."""
    for m in reversed(list(_CAPS.finditer(text))):
        i = m.start() - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        if i < 0 or text[i] in ".!?“\"":
            words = m.group().split()
            if len(words) < 2 or words[0] in _NOT_NAMES:
                continue
        candidate = _clean(m.group())
        if _is_name(candidate):
            return candidate
    return None


def attribute(sentence: str, previous: Attribution | None, last_name: str | None, before: str = "",
              known: Callable[[], frozenset[str]] = frozenset, speaking: str | None = None) -> Attribution:
    """The speaker of ``sentence``.

    ``previous`` is the attribution of the sentence before it in the same paragraph; ``last_name``
    the last person named before this sentence, used to resolve "he said" when ``before`` (the text
    before the sentence) names none of the ``known()`` people (surnames seen as speakers or with a
    title or role; a function, as only "he said" needs them); ``speaking`` the last speaker of the paragraph so far, whose words an opening
    quotation with no attribution of its own goes on with.
    """
    quote = is_quote(sentence)
    who = None
    for pattern in (_AFTER_QUOTE, _VERB_FIRST, _BEFORE_QUOTE, _ACCORDING) if quote else (_REPORTED, _REPORTED_END, _REPORTED_MID, _ACCORDING):
        m = pattern.search(sentence)
        if m and m.group("who"):
            who = m.group("who")
            break
    if who is None:
        m = _REPORTED.search(sentence)  # "Putin told Wang that he ... “my friend” ...": the subject speaks
        who = m.group("who") if m else None
    if who is not None:
        who = _clean(who)
        if who.lower() in ("he", "she"):
            who = (previous.speaker if previous and previous.speaker else None) \
                or _person_before(before, sentence, known()) or last_name
            if who and re.search(rf"\b{re.escape(who.split()[-1])}\b", sentence):
                who = None  # "he told Blair": the pronoun is someone other than the one named
        elif not _is_name(who):
            who = None
    if who is not None and quote:
        surname = who.split()[-1]
        if re.search(rf"\b{re.escape(surname)}\b", quoted_words(sentence)):
            who = None  # people seldom name themselves: the quotation speaks about them
    continued = False
    if who is None and quote and sentence.lstrip()[:1] in "“\"«":
        if previous is not None and previous.quote and previous.speaker:
            who, continued = previous.speaker, True
        elif speaking:  # '"I think we have reached saturation point"' after 'Mr Dein said that ...'
            who, continued = speaking, True
    return Attribution(speaker=who, quote=quote, continued=continued)


def _person_before(before: str, sentence: str, known: frozenset[str]) -> str | None:
    """The last person named in ``before`` who is one of the ``known`` and is not named in ``sentence``.

    "Xbox Live" or "USA" named after Mr Gates is no one "he" can be; nor is "Morientes" in
    'He said: "... the deal for Fernando Morientes ..."'.
    """
    if not known:
        return None
    for m in reversed(list(_CAPS.finditer(before))):
        candidate = _clean(re.sub(_OPENERS, "", m.group()))
        if not _is_name(candidate):
            continue
        surname = candidate.split()[-1]
        if surname in known and not re.search(rf"\b{re.escape(surname)}\b", sentence):
            return candidate
    return None


def known_people(text: str) -> frozenset[str]:
    """Surnames that ``text`` shows to be people's: speakers ("Wang said", "said Wang"), titled
    ("Mr Gates") or named with a role ("coach Luis Aragones")."""
    found = set()
    for pattern in _PERSON_MARKS:
        for m in pattern.finditer(text):
            name = _clean(m.group("who"))
            if _is_name(name) and not (name.isupper() and len(name) <= 5):
                found.add(name.split()[-1])
    return frozenset(found)


def attribute_paragraph(text: str, spans: list[tuple[int, int]]) -> list[Attribution]:
    """The speaker of each sentence (``spans`` into ``text``) of one paragraph, in order.

    "he said" is resolved with the previous sentence's speaker, else the last person named before
    the sentence who is known to be a person, else the last name before it (the 2,000 characters
    before the paragraph included).
    """
    if not spans:
        return []
    previous: Attribution | None = None
    window = max(0, spans[0][0] - SPEAKER_CONTEXT)
    last = last_name_in(text[window:spans[0][0]])
    people: list[frozenset[str]] = []

    def known() -> frozenset[str]:
        if not people:
            people.append(known_people(text[window:spans[-1][1]]))
        return people[0]

    speaking: str | None = None
    out = []
    for s, e in spans:
        sentence = text[s:e]
        previous = attribute(sentence, previous, last, text[window:s], known, speaking)
        out.append(previous)
        last = last_name_in(sentence) or last
        if previous.speaker:
            speaking = previous.speaker
        elif speaking and any(n != speaking.split()[-1] and n in known() for n in _surnames(sentence)):
            speaking = None  # someone else came in: a later bare quotation is not surely the speaker's
    return out


def _surnames(sentence: str) -> list[str]:
    """The last word of every capitalised name in ``sentence``."""
    return [_clean(m.group()).split()[-1] for m in _CAPS.finditer(sentence) if _clean(m.group())]
