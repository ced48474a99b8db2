"""Who an article's people and bodies are, found once per article: the marks that show a name is a person's (a
title, a role or a verb of speech with it: ``known_people``, ``People``), what the article calls each person by
role (``described_people``), and the bodies it names in full (``named_bodies``).
"""

from __future__ import annotations

import calendar
import itertools
import re
from bisect import bisect_left, bisect_right

from ..analysis import POSSESSIVE_S
from ..lexicon import ARTICLE_SPEECH_FORMS, GROUPS, HONORIFICS, ROLES, TITLE_WORDS, alternation
from ..speaker_matching import _is_head, normal
from .names import _clean, _has_word, _is_name, surname_of
from .phrases import VERBS, _NAME, _NAMED_POSSESSIVE, _ROLE, _ROLE_HEAD, _TITLE, _word_led

_PERSON_MARKS = (
    re.compile(rf"{_word_led(TITLE_WORDS)}\.?\s+(?P<who>{_NAME})"),
    re.compile(rf"\b{_ROLE}s?\s+(?P<who>{_NAME})"),  # "coach Luis Aragones", "British stars Imelda Staunton and ..."
    re.compile(rf"(?P<who>{_NAMED_POSSESSIVE}),?\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"),
    re.compile(rf"\b(?:{alternation(ARTICLE_SPEECH_FORMS - {'tell', 'tells', 'told'})})\s+(?P<who>{_TITLE}?{_NAME})"),
)
"""Where a capitalised name is most likely a person's: with a title, a role, or a verb of speech ("told BBC
News" names whom, not who, and is left out). The first, led by the titles' capital letters, is skipped through
text fast (three times faster than ``\\b{_TITLE}(?P<who>{_NAME})``, as first written; tests check that both find the
same; led by lowercase letters, the other two were slower than led by ``\\b``, measured)."""
_DESC_WORD = (r"(?:(?!(?:the|a|an|and|or|but|by|to|with|for|at|in|on|from|that|who|which|is|was|are|were|has|had|"
              r"have|as|its|his|her|their|when|while|after|before|said|says|told)\b)"
              r"(?:(?:[A-Z]\.)+|[\w’'&-][\w’'.&-]*(?<!\.))[ \t]+)")
"""A word of a role's description on one line, not ending a sentence ("U.S." may)."""
_DESC_BEFORE = re.compile(rf"(?<![\w’'-]){_DESC_WORD}{{1,4}}$")
"""Up to four words of description just before a role word ("Festival", "Kenteris's", "Plaid Cymru's local government"
for "Plaid Cymru's local government spokesman Dai Lloyd": three lost the body whose spokesman he is)."""
_OF_AFTER = re.compile(r"\s+(?:of|for|at)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){1,3}(?:at|of|for)\s+(?:the\s+)?)?"
                       r"(?:[a-z][\w-]*\s+){0,2}[A-Z][\w’'.-]*"
                       r"(?:\s+(?:and\s+)?[A-Z][\w’'.-]*){0,3}")
"""The body or place a role belongs to: "of the Turkish Central Bank", "for organisers MCD Promoters", "at
Bridgewell Securities", "for Grantham and Stamford", after what the role is of: "of market development at Nokia"."""
_RUN_ON = re.compile(r"(?:[ \t]+(?:(?:and|of|for|at)[ \t]+(?:the[ \t]+)?)?(?!(?:the|a|an|and|or|but|who|which|that|is|was|are|"
                     r"were|has|had|have|will|would|said|says|told|as|when|while|after|before|in|on|with|to|by|his|her|its|their)\b)"
                     r"[\w’'&-]+(?:[ \t]+\([A-Z][\w&.]*\))?){1,4}(?=[,.;])")
"""What a role set off after a name runs on with up to its closing comma: "and chief executive of EMI Music", "magazine"
after "of union-backed Hazards", "for London (TfL)" after "at Transport"."""
_SENTENCE_END = re.compile(r"(?<![A-Z])\.(?=\s|$)")
"""A full stop that ends a sentence inside a body's name run on ("Essentials. The"), not an initial's ("U.S. Treasury")."""
_OPENING_WORD = r"(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier|Now|Instead|Also|So|Then|Last|Today|Yesterday)"
"""A capitalised word that opens a sentence before its subject, never a name's first word."""
_NAME_AFTER = re.compile(rf"\s+(?P<who>{_TITLE}?(?=[A-Z]){_NAME})")
_COMMA_NAME_AFTER = re.compile(rf",\s+(?P<who>{_TITLE}?(?=[A-Z]){_NAME})(?=[,.;])")
_NAME_COMMA_BEFORE = re.compile(rf"(?P<who>{_TITLE}?(?<![\w’'-])(?!{_OPENING_WORD}\s)[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){{0,3}}),\s+"
                                rf"(?:the\s+|an?\s+)?$")
"""A name set off before its role ("Pat Ferguson, President of AMBO,"), not with the word that opens its sentence
("But Barry Hugill, a spokesman for the campaign group Liberty,": the name is Barry Hugill)."""
_ROLE_WORD = re.compile(rf"(?<![\w’'-])(?:(?i:vice|co)-)?{_ROLE_HEAD}(?![\w’'-])")


_ROLE_WORD_LOWER = re.compile(rf"[^\w’'-]((?:vice-|co-)?(?:{alternation(ROLES)}))(?![\w’'-])")
_ROLE_WORD_LOWER_FIRST = re.compile(rf"(?:vice-|co-)?(?:{alternation(ROLES)})(?![\w’'-])")
"""``_ROLE_WORD`` (a role word, or one led by "vice-" or "co-": "vice-president") for lowercased text, as the
character before a role word and the word (group 1), and for a role word that starts the text: a case-blind
alternation is tried letter by letter at every position and cost more than the rest of finding descriptions; one
led by a class of characters (not a look-behind) is skipped through text fast, tried only after a character that
is no word's."""


def _last_words(before: str, n: int = 3) -> int:
    """Where the last ``n`` words of ``before`` begin (a word is a run without a space or a tab): the only place
    a match of ``_DESC_BEFORE``, up to four words that end it, can start (searched from there, not tried at
    every character)."""
    at = len(before)
    for _ in range(n):
        at = len(before[:at].rstrip(" \t"))
        at = max(before.rfind(" ", 0, at), before.rfind("\t", 0, at)) + 1
        if at == 0:
            break
    return at


def _role_words(text: str):
    """The ``(start, end)`` of every role word of ``text`` ("mayor", "Coach", "MINISTER")."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowercases to two characters: offsets would not be the text's
        return (m.span() for m in _ROLE_WORD.finditer(text))
    first = _ROLE_WORD_LOWER_FIRST.match(low)
    return itertools.chain((first.span(),) if first else (), (m.span(1) for m in _ROLE_WORD_LOWER.finditer(low)))


def _titled_full_name(role: str, after: re.Match) -> bool:
    """True when a capitalised role word alone is a title before a person's full name ("Chancellor Gordon Brown",
    "Coach Luis Aragones"): a title an article writes before names (``TITLE_WORDS``, not an honorific), then two to
    four capitalised words, none a role or group word ("Premier League", "General Motors Corp" are no one's names)."""
    if role not in TITLE_WORDS or normal(role) in HONORIFICS:
        return False
    words = after.group("who").split()
    return 2 <= len(words) and all(w[:1].isupper() and not _is_head(w) and normal(w) not in HONORIFICS for w in words)


def _descriptions(text: str):
    """``(description, name, set off by a comma, start, end)`` for each person ``text`` describes by role, found
    from each role word: "Festival director Dieter Kosslick", "Kenteris's lawyer, Gregory Ioannidis,", "Pat
    Ferguson, President of AMBO,", "Anna Benedetti, the mayor of Ferrara." (only around role words, never tried
    at every character); ``start`` and ``end`` are where the role word and the name lie in ``text``."""
    for s, e in _role_words(text):
        role = text[s:e]
        line = text.rfind("\n", 0, s) + 1
        before = text[max(line, s - 100):s]
        d = _DESC_BEFORE.search(before, _last_words(before, 4)) if before.endswith((" ", "\t")) else None
        words = d.group() if d else ""
        desc = words + role
        if (after := _NAME_AFTER.match(text, e)) is not None and (words or role.islower() or _titled_full_name(role, after)):
            yield desc, after.group("who"), False, s, after.end()  # "Festival director Dieter Kosslick", not "Premier League"
        of = _OF_AFTER.match(text, e)
        stop = _SENTENCE_END.search(of.group()) if of else None  # "head of the Turkish Central Bank." ends there,
        end = of.start() + stop.start() if stop else of.end() if of else e  # "of Stuff Essentials. The ..." too
        if of and not stop and text[end - 1] == "." and text[end - 2:end - 1].isupper():
            end -= 1  # "said Mike Short, chairman of the MDA.": the initials' last dot ends the sentence too
        if after is None and text[end:end + 2].lstrip()[:1] not in (",", ".", ";") \
                and (run := _RUN_ON.match(text, end)) is not None and not _SENTENCE_END.search(run.group()):
            of, end = of or run, run.end()  # "Alain Levy, chairman and chief executive of EMI Music,"
        desc_of = desc + (text[e:end] if of else "")
        if (after := _COMMA_NAME_AFTER.match(text, end)) is not None:
            yield desc_of, after.group("who"), True, s, after.end()  # "Kenteris's lawyer, Gregory Ioannidis,"
        if text[end:end + 2].lstrip()[:1] in (",", ".", ";"):
            at = max(line, s - len(words) - 120)
            lead = text[at:s - len(words)]
            if (name := _NAME_COMMA_BEFORE.search(lead)) is not None:
                yield desc_of, name.group("who"), True, at + name.start(), end  # "Pat Ferguson, President of AMBO,"


_BODY_HEAD = re.compile(rf"{_word_led([w.capitalize() for w in GROUPS])}(?![\w’'-])")
"""A group word capitalised, as in a body's name ("Ministry", "Association")."""
_BODY_BEFORE = re.compile(r"(?:(?<![\w’'-])[A-Z][\w’'&.-]*[ \t]+){1,4}$")
"""The capitalised words of a body's name before its group word ("Iraq's", "Mobile Data")."""
_BODY_AFTER = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'-]*){0,3}")
"""A body's name going on after its group word: "of Communications", "for Adoption"."""
_BODY_SKIP = frozenset("The A An Its Their His Her This That But And In On At For From Of".split())


def named_bodies(text: str) -> dict[str, tuple[str, ...]]:
    """The bodies ``text`` names in full, by the words a shorter mention of one may be written with: by group
    word ("ministry": "Iraq's Ministry of Communications", for "the ministry said" further on) and by
    initials the text also writes ("mda": "Mobile Data Association", for "the MDA said"), each only when one
    body of the text has it; and the initials by the group word ("association": "MDA")."""
    found: dict[str, list[str]] = {}
    for m in _BODY_HEAD.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        lo = max(line, m.start() - 80)
        before = _BODY_BEFORE.search(text, lo + _last_words(text[lo:m.start()], 4), m.start())
        after = _BODY_AFTER.match(text, m.end())
        words = (before.group().split() if before else []) + [m.group()]
        while words and words[0] in _BODY_SKIP:
            words = words[1:]
        if len(words) < 2 and not after:
            continue  # "The Ministry" alone names no one body
        name = " ".join(words) + (after.group() if after else "")
        head = normal(m.group())
        found.setdefault(head, [])
        if name not in found[head]:
            found[head].append(name)
    out: dict[str, tuple[str, ...]] = {}
    for head, names in found.items():
        if len(names) != 1:
            continue
        (name,) = names
        out[head] = (name,)
        initials = "".join(w[0] for w in re.findall(r"[\w’'-]+", name) if w[0].isupper() and not POSSESSIVE_S.search(w))
        if len(initials) >= 2 and _has_word(initials, text):
            out.setdefault(normal(initials), (name,))
            out[head] = (name, initials)
    return out


_CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:]) | {"Last", "Next", "This"}
_DOC_OWNER_WORD = r"[A-Z][\w’'&.-]*"
_DOC_OWNER = rf"{_DOC_OWNER_WORD}(?:[ \t]+(?:(?:of|for|and)[ \t]+(?:the[ \t]+)?)?{_DOC_OWNER_WORD}){{0,4}}"
_DOCUMENT_WORD = re.compile(r"(?:report|study|survey)(?![\w’'-])")
_OWNER_BEFORE = re.compile(rf"(?<![\w’'.-])(?!(?:The|A|An|In|On|But|And|Its|Their|This|That)\s)(?P<owner>{_DOC_OWNER})[ \t]+$")
_OWNER_AFTER = re.compile(rf"[ \t]+(?:from|by)[ \t]+(?:(?:analysts|researchers|the)[ \t]+)?(?P<owner>{_DOC_OWNER})(?![\w’'-])")
"""Whose a report, study or survey is, before it or after it: "The Gartner report", "Ofcom's study", "a report from
analysts Gartner" (looked for only around the document words: a search from every capital cost three times more)."""
_OTHER_DOCUMENT = re.compile(r"(?i)\b(?:separate|another|further|second|other|earlier|previous|rival)\s+(?:[a-z]+\s+)?$")
"""Another report, study or survey than the one named before ("A separate report by Jupiter"): "the report" is whose?"""


def named_documents(text: str) -> dict[str, tuple[str, ...]]:
    """The report, study or survey ``text`` names with its owner, by the document word, when one owner's alone
    ("report": "Gartner report", for "the report says" after "a report from analysts Gartner" and "The Gartner
    report")."""
    found: dict[str, set[str]] = {}
    others = set()
    for m in _DOCUMENT_WORD.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_’'-"):
            continue  # within a word ("misreport")
        doc = m.group()
        if _OTHER_DOCUMENT.search(text, max(0, m.start() - 30), m.start()) is not None:
            others.add(doc)
        lead = text[max(0, m.start() - 120):m.start()]
        word = lead.rstrip(" \t")
        word = word[max(word.rfind(" "), word.rfind("\t"), word.rfind("\n")) + 1:]
        before = _OWNER_BEFORE.search(text, m.start() - len(lead) + _last_words(lead, 9), m.start()) \
            if word[:1].isupper() and lead.endswith((" ", "\t")) else None  # a capitalised word right before it
        after = _OWNER_AFTER.match(text, m.end())
        for owned, at in ((before, True), (after, False)):
            if owned is None:
                continue
            owner = POSSESSIVE_S.sub("", owned.group("owner").strip())
            owner = owner[:-1] if owner.endswith(".") and not re.search(r"[A-Z]\.[A-Z]\.$", owner) else owner
            opens = at and re.search(r"(?:^|[.!?:\"”]\s*|\n\s*)$", text[max(0, owned.start() - 3):owned.start()])
            if not owner or ". " in owner or opens or any(w in _CALENDAR for w in owner.split()):
                continue  # "To study", "Thursday's report", "Gartner. That report"
            found.setdefault(doc, set()).add(owner)
    return {doc: (f"{owner} {doc}",) for doc, owners in found.items() if len(owners) == 1 and doc not in others
            for owner in owners}


_MEMBER_OF = re.compile(r",[ \t]+(?:from|of)[ \t]+")
_MEMBER_NAME = re.compile(rf"(?<![\w’'-])(?P<who>{_NAME})$")
_MEMBER_BODY = re.compile(rf"(?:the[ \t]+)?(?P<body>(?:{_DOC_OWNER_WORD}[’']s[ \t]+)?{_DOC_OWNER}),"
                          rf"[ \t]+(?:has[ \t]+|had[ \t]+|also[ \t]+)?(?:{VERBS})\b")
"""A person set off with the body they are from, speaking: "Brad Adams, from the UK's Human Rights Watch, said" (the
body and the name looked for only around ", from" and ", of")."""


def member_roles(text: str) -> dict[str, tuple[str, ...]]:
    """The body each person ``text`` has speak for it is from ("adams": "UK's Human Rights Watch" for "Brad Adams, from
    the UK's Human Rights Watch, said"), by surname as ``described_people``: asked for the body, their words are its."""
    found: dict[str, list[str]] = {}
    for m in _MEMBER_OF.finditer(text):
        if (body := _MEMBER_BODY.match(text, m.end())) is None:
            continue
        if (who := _MEMBER_NAME.search(text, max(0, m.start() - 80), m.start())) is None:
            continue
        name, body = _clean(who.group("who")), body.group("body")
        if not _is_name(name) or len(name.split()) < 2 or normal(body.split()[0]) in HONORIFICS:
            continue
        roles = found.setdefault(normal(surname_of(name)), [])
        if body not in roles:
            roles.append(body)
    return {k: tuple(v) for k, v in found.items()}


_ARTICLE_LEAD = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")


def described_people(text: str) -> dict[str, tuple[str, ...]]:
    """What ``text`` calls each person by role, by the person's surname (normalised, as ``Attribution.head``),
    the role alone and with the name: {"kosslick": ("Festival director", "Festival director, Dieter Kosslick")}.
    A question that asks for "the festival director" means Mr Kosslick wherever the article quotes him, and
    "the mayor" quoted after "The mayor of Ferrara, Anna Benedetti" is her."""
    return _described(_descriptions(text))


def _described(descriptions) -> dict[str, tuple[str, ...]]:
    """``described_people`` from ``_descriptions``."""
    found: dict[str, list[str]] = {}
    for desc, who, *_ in descriptions:
        name = _clean(who)
        words = name.split()
        while words and (normal(words[0]) in HONORIFICS or _is_head(words[0])):
            words = words[1:]  # "Chancellor Gordon Brown": a title before the name
        while len(words) > 1 and normal(words[-1]) in ROLES:
            words = words[:-1]  # "Frank Field MP": a role after it; "Tony Banks" keeps "Banks", no role
        words = [w for w in words if normal(w) not in HONORIFICS]
        desc = desc.strip()
        if not words or not _is_name(name) or not desc:
            continue
        desc = _ARTICLE_LEAD.sub("", desc)  # "The former Tory leader" is "former Tory leader": no Tory leader now
        roles = found.setdefault(normal(surname_of(name)), [])
        if desc not in roles:
            roles.append(desc)
        full = f"{desc}, {' '.join(words)}"
        if full not in roles:
            roles.append(full)
    return {k: tuple(v) for k, v in found.items()}


def known_people(text: str) -> frozenset[str]:
    """Surnames that ``text`` shows to be people's: speakers ("Wang said", "said Wang"), titled
    ("Mr Gates") or named with a role ("coach Luis Aragones")."""
    return People(text).known(0, len(text))


class People:
    """What one article's text shows about its people, found once for the whole article and shared by the
    paragraphs attributed in it: the surnames known to be people's (``known_people``), each by where it is
    named, and what the article calls each person by role (``described_people``)."""

    def __init__(self, text: str, title: str | None = None):
        self.text = text
        self.title = title
        """The article's headline, when known (the one person it names is who the article is about)."""
        self._descriptions: list[tuple[str, str, bool, int, int]] | None = None
        self._marks: list[tuple[list[tuple[int, int, str]], list[int]]] | None = None
        self._searches: list = []
        self._reached: list[int] = []
        self._described: dict[str, tuple[str, ...]] | None = None
        self._story: list[str | None] = []

    def descriptions(self) -> list[tuple[str, str, bool, int, int]]:
        """``_descriptions`` of the text (found once)."""
        if self._descriptions is None:
            self._descriptions = list(_descriptions(self.text))
        return self._descriptions

    def described(self) -> dict[str, tuple[str, ...]]:
        """``described_people`` of the text (found once)."""
        if self._described is None:
            self._described = _described(self.descriptions())
        return self._described

    def story(self) -> str | None:
        """The one person the headline names (``backrefs.story_person``; None without a headline), found once."""
        if not self._story:
            from .backrefs import story_person  # (backrefs reads ``People``)
            self._story.append(story_person(self.title, self.text, self.known(0, len(self.text))) if self.title else None)
        return self._story[0]

    def speakers(self) -> frozenset[str]:
        """Surnames the text has speak (a verb of speech with the name: the last two of ``_PERSON_MARKS``), found over
        the whole text on each call."""
        return frozenset(surname_of(name) for pattern in _PERSON_MARKS[2:] for m in pattern.finditer(self.text)
                         if _is_name(name := _clean(m.group("who"))))

    def known(self, lo: int, hi: int) -> frozenset[str]:
        """``known_people`` of the text from ``lo`` to ``hi``: the surnames marked as people's within it (a mark
        is a title, a role or a verb of speech with the name). Each kind of mark is found in the text in order,
        only as far as a call has asked (past ``hi``: a search yields its matches by where they start, so every
        mark that starts by ``hi`` is then found, as a search of the whole text finds it); the windows asked
        about end on average at 72% of their article's text (the speech questions of the BBC tuning sets)."""
        if self._marks is None:
            apposed = []
            for _, who, set_off, s, e in self.descriptions():  # "Kenteris's lawyer, Gregory Ioannidis," "Pat Ferguson, President of AMBO,"
                name = _clean(who)
                if set_off and _is_name(name):
                    apposed.append((s, e, surname_of(name)))
            apposed.sort()
            self._marks = [(apposed, [m[0] for m in apposed])] + [([], []) for _ in _PERSON_MARKS]
            self._searches = [pattern.finditer(self.text) for pattern in _PERSON_MARKS]
            self._reached = [-1] * len(_PERSON_MARKS)  # where the last match found of each starts
        for i, search in enumerate(self._searches):
            marks, starts = self._marks[i + 1]
            while self._reached[i] <= hi:
                m = next(search, None)
                if m is None:
                    self._reached[i] = len(self.text) + 1  # none left
                    break
                self._reached[i] = m.start()
                name = _clean(m.group("who"))
                if _is_name(name) and not (name.isupper() and len(name) <= 5):
                    marks.append((m.start(), m.end(), surname_of(name)))
                    starts.append(m.start())
        return frozenset(name for marks, starts in self._marks
                         for _, e, name in marks[bisect_left(starts, lo):bisect_right(starts, hi)] if e <= hi)
