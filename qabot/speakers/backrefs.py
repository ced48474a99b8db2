"""Back-references: whom a speaker that does not name itself means. "he said": the subject of the sentences
before, or a person known to be one named since; "it said", "they said", "the company said": a body named
speaking before; "the spokesman" going on with "A Bayern spokesman"; an epithet ("the Dutchman", "The legal
assistant"): the person the paragraph is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..analysis import STOPWORDS
from ..lexicon import (BODY_BACK_REFERENCES, CREATORS, DEMONYM_ENDINGS, DESCRIBED_PEOPLE, DOCUMENTS, FEMALE_HONORIFICS, GROUPS,
                       HONORIFICS, IRREGULAR_PAST, MALE_HONORIFICS, OTHER_ROLE, PERFORMERS, ROLES, SPOKESPEOPLE, STATEMENTS,
                       TITLES, alternation)
from ..speaker_matching import _is_head, given_names, normal, speaker_phrase
from .names import _CAPS, _NOT_NAMES, _OPENERS_RE, _clean, _has_word, _is_name, surname_of
from .people import People
from .phrases import (VERBS, _DESCRIBED, is_phrase, _LEAD, _Lazy, _NAME, _NAMED_POSSESSIVE, _OF, _ROLE_HEAD, _THE,
                      _SPLIT_ROLE, _TITLE, _TITLED_START, _VERB_FIRST_FORMS)
from .quoted import _quoted_at

if TYPE_CHECKING:
    from .attribution import Attribution


_GROUP_OF = re.compile(r"\s+(?:of|from|at|in|for)\s+")
"""What a group speaker's head is followed by when it says where the group is from."""


def _speaks_as(speaker: str, pronoun: str, known: Callable[[], frozenset[str]]) -> bool:
    """Whether ``pronoun`` ("it" or "they") can stand for ``speaker``: "it" for a body or a document (a
    group word, a company's name), never a person; "they" for a group ("officials", "the Liberal Democrats")."""
    phrase = speaker_phrase(speaker)
    last = _GROUP_OF.split(speaker, maxsplit=1)[0].split()[-1]  # "Campaigners from Friends of Easton Library": plural
    plural = last.endswith("s") and not last.endswith(("ss", "’s", "'s")) and (len(speaker.split()) > 1 or last.islower())
    if pronoun == "they":  # "officials", "the Liberal Democrats", "police"
        return bool(plural or phrase.head in GROUPS and not phrase.names) and not normal(speaker.split()[0]) in HONORIFICS
    if normal(speaker.split()[0]) in HONORIFICS or phrase.head in ROLES or len(phrase.names) > 1:
        return False  # a person ("Mr Smith", "the mayor", "Anna Benedetti"): "he" or "she"
    # "it": "Nokia said ... It said": a one-word name said to speak is a body's as often as a person's
    return phrase.head in GROUPS | DOCUMENTS if not phrase.names else surname_of(speaker) not in known() \
        or speaker.isupper() or len(speaker.split()) == 1


def _is_epithet(speaker: str, sentence: str, people: People) -> bool:
    """Whether ``speaker`` names a person only by what they are, as news goes on naming someone it named before:
    "the Dutchman", "The legal assistant", "The United boss", "the England striker" (a role without a name that no
    one of the article is given by name, ``described_people``, as "the mayor" after "The mayor of Ferrara, Anna
    Benedetti" is), not a body or a group, nor a role of a place or body ("The Bishop of Durham"), nor an office
    that names one holder whom the article may never name ("the chancellor", "the prime minister")."""
    phrase = speaker_phrase(speaker)
    if phrase.names:
        one = len(speaker.split()) == 1 and speaker[:1].isupper() and not speaker.isupper()
        return one and speaker.endswith(DEMONYM_ENDINGS) and not _is_head(speaker) \
            and f"the {speaker}" in sentence.replace("The ", "the ") \
            and _always_the(speaker, people.text)
    of = _OF.search(speaker)
    if of and not (phrase.head in PERFORMERS | CREATORS and _WORK.fullmatch(speaker, of.end())):
        return False  # "The Bishop of Durham": an office of a place; "The star of Rain Man and Tootsie": a person
    if phrase.head is None or phrase.head not in ROLES | CREATORS or phrase.head in GROUPS | DOCUMENTS | TITLES \
            or not (_THE.match(speaker) or f"the {speaker}" in sentence.replace("The ", "the ")):
        return False
    described = people.described()
    return not any(speaker_phrase(role).head == phrase.head for roles in described.values() for role in roles)
    # (the article gives that role to someone by name: the roles find them)


_WORK = re.compile(r"(?:[A-Z][\w’'!:-]*(?:\s+(?:and\s+|&\s+)?(?=[A-Z])|$))+")
"""A work's or works' title in capitals: "Rain Man and Tootsie", "The Vagina Monologues"."""


@lru_cache(maxsize=1024)
def _word_at(word: str) -> re.Pattern:
    """A search for ``word`` as a whole word (compiled once per word: ``re``'s own cache of 512 patterns overflows)."""
    return re.compile(rf"\b{re.escape(word)}\b")


@lru_cache(maxsize=1024)
def _after_first_name(name: str) -> re.Pattern:
    """A search for the one-word name ``name`` after a capitalised word ("Brian McFadden"; compiled once per name)."""
    return re.compile(rf"\b[A-Z][a-z]+\s+{re.escape(name)}\b")


def _always_the(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` only after "the" ("the Dutchman", never "Dutchman said"): a word for what
    someone is, not a name."""
    return all(text[max(0, m.start() - 4):m.start()].lower() == "the " for m in _word_at(word).finditer(text))


def _same_role(who: str, previous: Attribution | None, speaking) -> tuple[str, str | None] | None:
    """The speaker and phrase that "the spokesman" (``who``: a role without a name) goes on naming: the last speaker
    of its paragraph, when named by the same role word with every other word of ``who`` ("A Bayern spokesman"), so
    a question asking for "the Bayern spokesman" finds both sentences; ``who`` stays the phrase."""
    phrase = speaker_phrase(who)
    if phrase.names or phrase.head is None:
        return None
    last = previous.speaker if previous and previous.speaker else speaking() if callable(speaking) else speaking
    if not last or last == who:
        return None
    before = speaker_phrase((previous.phrase if previous and previous.speaker == last else None) or last)
    if before.head != phrase.head or not phrase.modifiers <= before.words or before.words == phrase.words:
        return None
    return last, who


def _backward_body(who: str) -> bool:
    """Whether ``who`` names a body only by a group word an article goes on with ("the company", "The firm", "the
    group in a statement"): the body named before it; not "the industry group", which says what the body is."""
    phrase = speaker_phrase(who) if is_phrase(who) else None
    return phrase is not None and not phrase.names and phrase.head in BODY_BACK_REFERENCES | STATEMENTS \
        and _THE.match(who) is not None and not phrase.owner and phrase.modifiers <= DOCUMENTS


_BODY_SPEAKS = _Lazy(
    rf"(?P<a>{_NAMED_POSSESSIVE}),?\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:{VERBS})\b"
    rf"|(?:{_VERB_FIRST_FORMS})\s+(?:the\s+)?(?P<b>{_NAME})"
    rf"|[Aa]ccording\s+to\s+(?:the\s+)?(?P<c>{_NAME})"
    rf"|(?:^|\n\s*|[.!?][”\"’]?\s+)(?:{_LEAD})?(?P<d>{_NAME})(?:,[^,“\"]{{3,80}},)?"
    rf"\s+(?:also\s+)?(?:is|was|has|had|have|are|were|will|would|[a-z]+ed)\b")
"""A body that speaks or acts in the text before a sentence: "the TUC has said", "said Nokia", "according to MDA",
"Microsoft is celebrating ...", the subject of a sentence."""
_BODY_REACH = 1500
"""How far back a body "it said" or "the company said" may be named."""


def _body_before(before: str, pronoun: str, known: Callable[[], frozenset[str]]) -> str | None:
    """The body named speaking or as a sentence's subject in ``before`` that ``pronoun`` ("it", "they") can stand
    for (``_speaks_as``), for "It said" or "the company said" with no speaker before it in its paragraph: the only
    one named so (several: none is sure), or in a short stretch (the sentence before) the first."""
    tail = before[-_BODY_REACH:]
    bodies = []
    for m in _BODY_SPEAKS.finditer(tail):
        name = _clean(_THE.sub("", m.group(m.lastgroup)))  # "The RAC welcomed the news": the RAC
        if name and _is_name(name) and not _TITLED_START.match(name) and surname_of(name) not in known() \
                and _speaks_as(name, pronoun, known) and name not in bodies \
                and not (" " not in name and _after_first_name(name).search(before)):
            # (a one-word name written after a first name is a person's: "Brian McFadden")
            bodies.append(name)
    return bodies[0] if len(bodies) == 1 or len(tail) < 600 and bodies else None


def _last_sentence(text: str) -> int:
    """Where the last sentence of ``text`` starts (0 when it holds one)."""
    breaks = list(_SENTENCE_BREAK.finditer(text, max(0, len(text) - 600)))
    return breaks[-1].end() if breaks else 0


_SUBJECT = _Lazy(rf"^\W*(?:{_LEAD}|For\s+)?(?P<desc>{_DESCRIBED})??(?P<who>(?:{_TITLE})?{_NAME})"
                      rf"(?<![’']s)(?=,\s+(?:who|\d)|(?:,?\s+(?:though|however|meanwhile|too|instead|again),?)?"
                      rf"\s+(?:(?!(?:his|this|its|us|as|thus|plus|{_ROLE_HEAD})\b)[a-z]+(?:s|ed)|is|was|has|had|"
                      rf"have|are|were|will|would|can|could|"
                      rf"did|does|also|then|now|never|still|later|{alternation(IRREGULAR_PAST)})\b)")
"""A name that is a sentence's subject, before its verb: "But Hantuchova is in upbeat mood", "Top seed Roger Federer
had to save", "For Richard Tateson, who worked on ...,"; not "Mr Llwyd's theory"; a role word is no verb ("But Larne boss Jimmy McGeough has": McGeough, not Larne);
a past form without "-ed" is one ("Rochus made the semi-finals"), and so is a verb after "though" ("Williams though
blamed her defeat")."""
_PERSON_WORDS = ROLES | DESCRIBED_PEOPLE | PERFORMERS | CREATORS
"""Words that say what a person is: before a name ("Keane frontman Tom Chaplin") or after it ("Dina Mehta is an Indian
singer"), they make it a person's."""
_IS_A = _Lazy(rf"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{alternation(_PERSON_WORDS)})\b")
"""A name said to be a person by what they are: "Dina Mehta is an Indian singer"."""
_SUBJECT_REACH = 800
"""How far before a paragraph the sentences that say whom "he said" means are read."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘]?[A-Z])|\n\s*\n")


class Subject(NamedTuple):
    """The person sentences are about: the name, whether it is surely a person's, the sentence it is the subject
    of, whether they spoke in it (the speaker of the paragraph's last attribution), and "he" or "she" when the
    sentence says which ("Williams though blamed her defeat")."""
    name: str
    sure: bool
    where: str
    spoke: bool = False
    sex: str | None = None


_HIS_HER = re.compile(r"\b(?:(?P<he>his|him|himself)|(?P<she>her|herself))\b|(?P<name>(?<![.!?]\s)(?<!^)\b[A-Z][a-z])")
"""A person's possessive or object pronoun, or a capitalised word within a sentence (another name)."""


def _sex_after(sentence: str, at: int) -> str | None:
    """"he" or "she" when the words of ``sentence`` after ``at`` (outside quotation marks), before any other name, say
    "his", "her" or "himself" of one sex only ("Williams though blamed her defeat by Farina Elia"; not "Britain has
    been more cautious but Mr Straw last week said he ..."; "he said" itself is the speaker's, not the subject's),
    else None."""
    rest = sentence[at:]
    if any(c in rest for c in "“\""):
        rest = re.sub(r"[“\"][^”\"]*[”\"]?", " ", rest)
    found = set()
    for m in _HIS_HER.finditer(rest):
        if m.lastgroup == "name":
            break
        found.add(m.lastgroup)
    return found.pop() if len(found) == 1 else None


_EPITHET_SUBJECT = _Lazy(
    rf"^\W*(?:{_LEAD}|[^“\",]{{3,120}},\s+)?(?P<who>[Tt]he\s+(?:(?!(?:of|for|at|in|on|and|or|who|that|which)\s)[\w’'-]+\s+){{0,3}}?"
    rf"(?P<head>(?i:{alternation(_PERSON_WORDS)})|\d+-year-old|[A-Z][a-z]+(?:{'|'.join(DEMONYM_ENDINGS)}))),?"
    rf"\s+(?:(?:has|had|is|was|also|then|now|still|will|would)\b|(?!(?:his|this|its|us|as|thus|plus|{_ROLE_HEAD})\b)[a-z]+(?:s|ed)\b"
    rf"|(?:{alternation(IRREGULAR_PAST)})\b)")
"""A sentence whose subject is a person named only by what they are, before its verb: "The striker joined the Gunners",
"The Australian has suffered", "According to all those players ..., the Swiss star is in a different league"."""
_LATER_SUBJECT = _Lazy(rf"(?:,\s*(?:but|and|while|whereas|although|though)|\s(?:but|while|whereas|although|though))\s+"
                       rf"(?P<who>(?:{_TITLE})?{_NAME})(?<![’']s)"
                       rf"(?=\s+(?:(?!(?:are|were|have)\s)[a-z]+\s+){{0,2}}?(?:is|was|has|had|[a-z]+ed|{alternation(IRREGULAR_PAST)})\b)")
"""The subject of a clause after the first, which a "he said" after the sentence more likely means: "Britain has been
more cautious but Mr Straw last week said ...", "... but McIlroy is unfazed" (not one of two subjects joined by
"and", "Samuel L Jackson and Ben Stiller have signed", nor a group: "and Scotland have lost")."""


def _subject_of(sentence: str, known: frozenset[str], story: str | None = None, article: str = "") -> Subject | None:
    """The person ``sentence`` is about, as its subject (or a later clause's: ``_LATER_SUBJECT``), whether the name is
    surely a person's (titled, ``known``, followed by "who", set after a role word, or followed by "his" or "her":
    ``_sex_after``), and the sentence; None for a sentence whose subject is no name, or that opens with a quotation
    (its words are the speaker's). A subject named only by what they are ("The striker joined the Gunners", "the Swiss
    star is") is ``story`` (the one person the headline names, ``story_person``), if given. A one-word subject that
    ``article`` writes in lower case too ("Higher speeds meant ...") is no name."""
    if sentence.lstrip()[:1] in "“\"‘":
        return None
    m = _SUBJECT.match(sentence)
    if m is None:
        if story and (e := _EPITHET_SUBJECT.match(sentence)) is not None \
                and not _has_word(surname_of(story), sentence[e.end():]):  # ("The coach praised Federer": not Federer)
            return Subject(story, True, sentence)
        return None
    later = None
    for later in _LATER_SUBJECT.finditer(sentence, m.end()):
        pass
    if later is not None and not _quoted_at(sentence, later.start("who")) and (found := _subject_at(later, sentence, known, article)):
        return found
    return _subject_at(m, sentence, known, article)


def _subject_at(m: re.Match, sentence: str, known: frozenset[str], article: str) -> Subject | None:
    """``_subject_of`` for the subject ``m`` found ("who", "desc" for the words before a name) in ``sentence``."""
    who = m.group("who")
    if owner := re.search(r"[’']s\s+(?=[A-Z])", who):
        who = who[owner.end():]  # "Manchester United's Alex Ferguson": Alex Ferguson
    name = _clean(who)
    if not name or not _is_name(name) or _is_head(name.split()[-1]) or name.endswith("ing") and " " not in name \
            or sentence[max(0, m.start("who") - 4):m.start("who")].lower() == "the ":
        return None  # "Writing his Christmas message, the Bishop said", "The Da Vinci Code claims": no person
    if " " not in name and surname_of(name) not in known and (
            name.lower() in STOPWORDS or name.endswith("ly") or article and _word_at(name.lower()).search(article)):
        return None  # "How will he ...", "Traditionally schools have ...", "Higher speeds meant ...": no name
    role = _SPLIT_ROLE.match(name)
    if role is not None:
        name = role.group("name")  # "Scrum-half Peter Stringer was also glad": Peter Stringer, a person
    desc = (m.groupdict().get("desc") or "").split()
    sex = _sex_after(sentence, m.end())
    sure = role is not None or bool(_TITLED_START.match(name)) or surname_of(name) in known \
        or sentence.startswith(", who", m.end()) or _AGE.match(sentence, m.end()) is not None \
        or bool(desc) and desc[-1].lower() in _PERSON_WORDS or _IS_A.match(sentence, m.end()) is not None \
        or sex is not None
    # ("Joan Pickering, 81,"; "Keane frontman Tom Chaplin thanked fans", "Dina Mehta is an Indian singer")
    return Subject(name, sure, sentence, sex=sex)


_AGE = re.compile(r",\s+\d{1,3},")
"""An age set after a name ("Joan Pickering, 81,"): the name is a person's."""


_HEADLINE_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z][\w’'-]+")
_NAME_ENDING = re.compile(r"(?<![\w’'-])(?P<first>[A-Z][a-z][\w’'-]*)[ \t]+(?:[A-Z][\w’'-]+[ \t]+)?(?=(?P<last>[A-Z][\w’'-]+)\b)")


def story_person(headline: str, body: str, known: frozenset[str]) -> str | None:
    """The one person an article's ``headline`` names, by the first name and the headline's word: a word of it that the article writes after a
    first name in ``body`` ("Roger Federer" for "Faultless Federer has no equal") and that is a person's (``known``, or followed
    in its sentence by "he", "his" or "himself": "even Federer himself"); None when no word, or more than one, is so
    ("Howard taunts Blair")."""
    found = {}
    for m in _HEADLINE_WORD.finditer(headline):
        word = m.group().removesuffix("'s").removesuffix("’s")
        if word in found or word in _NOT_NAMES or _is_head(word):
            continue
        full = next((f"{n.group()}{word}" for n in _NAME_ENDING.finditer(body) if n.group("last") == word
                     and n.group("first") not in _NOT_NAMES and not _is_head(n.group("first"))
                     and n.group("first").lower() not in STOPWORDS
                     and not n.group("first").endswith(("’s", "'s", "ed"))), None)
        if full and (word in known or any(_sex_after(body[w.end():w.end() + 200].split(". ")[0], 0)
                                          for w in _word_at(word).finditer(body))):
            found[word] = full  # (a person: "he", "his" or "himself" after the name in its sentence)
    return next(iter(found.values())) if len(found) == 1 else None


def _subject_before(sentences: list[str], known: frozenset[str], story: str | None = None,
                    article: str = "") -> Subject | None:
    """The person the last of ``sentences`` are about: the subject of the nearest that has a name for subject (up
    to four sentences back: "Federer was not unduly worried. The world number one was forced to ..."), or one named
    only by what they are, ``story`` (``_subject_of``)."""
    for sentence in reversed(sentences[-4:]):
        found = _subject_of(sentence, known, story, article)
        if found:
            return found
    return None


_ACTS = _Lazy(rf"(?:[’']s\s+(?:[a-z]+\s+){{0,2}})?(?:,[^,.;:“\"]{{1,40}},)?,?\s+"
              rf"(?:(?:who|also|then|now|never|still|later|has|had|have)\s+)?"
              rf"(?:{VERBS}|(?!(?:his|this|its|us|as|thus|plus|{_ROLE_HEAD})\b)[a-z]+(?:s|ed)"
              rf"|is|was|are|were|will|would|can|could|did|does)\b")
"""What follows a name that is its clause's subject: a verb ("John Taylor said", "David Jason criticised",
"Butragueno, meanwhile, was angry", "Jack Straw, who accused"), also after a possessive ("Mr Johnson's speech comes")."""


def _merely_named(surname: str, since: str) -> bool:
    """Whether ``since`` (the text from a speaker's sentence to a "he said") writes ``surname`` only where it is no
    clause's subject ("announced by Chancellor Gordon Brown.") and not in its last sentence: the speaker goes on
    speaking; a person named in the sentence just before ("... questioned by Dafydd Wigley. He accepted") may not."""
    return not _has_word(surname, since[_last_sentence(since):]) \
        and not any(_ACTS.match(since, m.end()) for m in _word_at(surname).finditer(since))


_MAIN_MENTIONS = 3
"""How often an article names the person it is about, at least, for "he" to pass over a word it writes once."""


def _in_passing(subject: str, other: str, article: str) -> bool:
    """Whether ``subject`` (a name not surely a person's: "Britain", "With") is written once in ``article`` while
    ``other``, a person named after it in its sentence, is named at least ``_MAIN_MENTIONS`` times: "he" is the
    person ("Britain has been more cautious but Mr Straw last week said ... He expects ...")."""
    return len(_word_at(subject).findall(article)) == 1 and len(_word_at(other).findall(article)) >= _MAIN_MENTIONS


def _sex_of(name: str, text: str) -> str | None:
    """"he" or "she" for a person's name by a word of address: its own ("Mr Hale", "Ms Kerr", "a spokeswoman"), else
    the one ``text``
    (the whole article, where a caller has it) gives its surname anywhere ("Fiona Kerr" ... "Ms Kerr"); None when
    neither or both are written ("Mr Blair", "Mrs Blair")."""
    words = name.split()
    first = normal(words[0].rstrip(".")) if words else ""
    if first in MALE_HONORIFICS:
        return "he"
    if first in FEMALE_HONORIFICS:
        return "she"
    if len(words) > 1 and first in HONORIFICS:
        return None  # "Dr Pryce", "Prof Smith": no sex
    if words and words[-1].lower() in SPOKESPEOPLE - {"spokesperson"}:
        return "she" if words[-1].lower() == "spokeswoman" else "he"  # "A Conservative spokeswoman": not "he said"
    return _sex_in(surname_of(name), text) if text else None


@lru_cache(maxsize=256)
def _sex_in(surname: str, text: str) -> str | None:
    """``_sex_of`` a person ``text`` calls by ``surname``, by the words of address it gives them (cached: each "he
    said" of an article asks of the same few people)."""
    titles = set(given_names(text, surname))
    male, female = bool(titles & MALE_HONORIFICS), bool(titles & FEMALE_HONORIFICS)
    return "he" if male and not female else "she" if female and not male else None


def _agrees(name: str | None, pronoun: str, text: str) -> bool:
    """Whether "he" or "she" (``pronoun``) can stand for the person ``name``: not one addressed as the other sex in
    ``text`` ("she said" is not Mr Hale's)."""
    return name is None or pronoun not in ("he", "she") or _sex_of(name, text) in (None, pronoun)


def _person_before(before: str, sentence: str, known: frozenset[str], pronoun: str = "", article: str = "") -> str | None:
    """The last person named in ``before`` who is one of the ``known``, is not named in ``sentence`` and is not
    addressed as the other sex than ``pronoun`` ("he" or "she"; any when empty) in ``article`` (the whole text;
    ``before`` when empty).

    "Xbox Live" or "USA" named after Mr Gates is no one "he" can be; nor is "Morientes" in
    'He said: "... the deal for Fernando Morientes ..."'; nor, for "she said", is "Mr Hale".
    """
    if not known:
        return None
    for m in reversed(list(_CAPS.finditer(before))):
        candidate = _clean(_OPENERS_RE.sub("", m.group()))
        if not _is_name(candidate) or (surname := surname_of(candidate)) not in known:
            continue  # most capitalised words are no known person's: the tests below (in any order the same) spared
        if m.group().endswith(("’s", "'s")) or _quoted_at(before, m.start()) \
                or _listed(before, max(0, m.start() - _LISTED_REACH), m.start()):
            continue  # "he admired Mr Blair's leadership", '"... Tony Blair ...," he wrote', "A, B and C": seldom "he"
        if not _has_word(surname, sentence) and _agrees(candidate, pronoun, article or before):
            return candidate
    return None


_LISTED = re.compile(rf"(?<![\w’'-])(?!{_ROLE_HEAD}\b)[A-Z][\w’'-]*\s*(?:,|,?\s+and)\s*$")
"""A name just before, joined by a comma or "and": the next name is one of a list ("Gardener, Darren Campbell ...")."""
def _listed(text: str, pos: int, end: int) -> bool:
    """``_LISTED.search(text, pos, end) is not None``, tried only when the text before ``end`` ends with what every
    match ends with, a comma or "and" (then white space): most names are not followed by one."""
    return text[pos:end].rstrip().endswith((",", "and")) and _LISTED.search(text, pos, end) is not None


_LISTED_REACH = 200
"""How far back ``_LISTED`` is looked for: a pattern anchored at its end is otherwise tried from every character of
the 2,000 before (a word and the comma after it are far shorter; the look-behind still sees what comes before)."""


_EPITHET_OPENING = _Lazy(
    rf"^\W*{_LEAD}?(?P<who>[Tt]he\s+(?:(?!(?:of|for|at|in|on|and|or|who|that|which)\s)[\w’'-]+\s+){{0,3}}?{_ROLE_HEAD}"
    rf"(?:\s+of\s+(?:[A-Z][\w’'!:-]*(?:\s+(?:and\s+|&\s+)?(?=[A-Z])|(?=\s)))+)?)"
    rf"\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?:{VERBS})\b")
"""A sentence opened by a person named only by what they are, speaking: "The United boss said", "But the Tory leader
argued", "The star of Rain Man and Tootsie said"."""


def epithet_roles(people: People) -> dict[str, tuple[str, ...]]:
    """What an article calls a person by an epithet that speaks (``_is_epithet``: "The United boss said" after "Ferguson
    believes ..."; "But the Tory leader argued" after "Michael Howard has backed ..."), by the person's surname, as
    ``described_people`` gives roles: the epithet and the epithet with the name. The person is the subject of the
    sentences just before (``_subject_before``, up to four back) when surely a person by anything the article writes
    (``known_people`` of the whole text), and not named in the epithet's own sentence. An office that names one holder
    whom the article may never name (``TITLES``: "The Chancellor said") only right after a sentence that person is the
    subject of ("Gordon Brown has addressed the conference ... The Chancellor said ...")."""
    found: dict[str, list[str]] = {}
    for surname, desc, name in _epithets(people):
        roles = found.setdefault(surname, [])
        for role in (desc, f"{desc}, {name}"):
            if role not in roles:
                roles.append(role)
    return {k: tuple(v) for k, v in found.items()}


def _epithets(people: People):
    """``(surname, epithet, name)`` for each epithet ``epithet_roles`` finds."""
    text = people.text
    known = speakers = None
    for start in (m.end() for m in _EPITHET_START.finditer(text)):
        line_end = text.find("\n", start)
        sentence = text[start:line_end if line_end >= 0 else len(text)]
        e = _EPITHET_OPENING.match(sentence)
        if e is None or any(c in sentence[:e.start("who")] for c in "“\"‘'"):
            continue  # (an epithet inside a quotation is the quoted speaker's)
        stop = _SENTENCE_BREAK.search(sentence, e.end())
        sentence = sentence[:stop.start()] if stop else sentence
        who = e.group("who")
        phrase = speaker_phrase(who)
        words = who.split()[1:]
        if len(words) > 1 and all(w[:1].isupper() or w in ("of", "and") for w in words) and not _OF.search(who):
            continue  # "The Scottish Executive": a body's name
        office = phrase.head in TITLES
        if office:
            if phrase.names or phrase.head in GROUPS | DOCUMENTS or _OF.search(who):
                continue
            if any((r := speaker_phrase(role)).head == phrase.head and not r.modifiers & OTHER_ROLE
                   for roles in people.described().values() for role in roles):
                continue  # another holds the office by name ("Tory shadow chancellor, Oliver Letwin" is no chancellor)
        elif not _is_epithet(who, sentence, people):
            continue
        if known is None:
            known = people.known(0, len(text))
            speakers = people.speakers()
        lo = max(0, start - _SUBJECT_REACH)
        before = [s for s in _SENTENCE_BREAK.split(text[lo:start].strip()) if s.strip()]
        before = before[1 if lo > 0 else 0:][-(1 if office else 4):]
        about = _subject_before(before, known)
        if about is None:
            continue
        surname = surname_of(about.name)
        work = _OF.search(who) is not None
        if not (about.sure or work and len(about.name.split()) > 1) or _has_word(surname, sentence) \
                or surname not in speakers:
            continue  # a person the article never has speak ("Mr Mousa, 28, a hotel receptionist, was arrested")
        after = about.where[about.where.find(about.name) + len(about.name):] if about.name in about.where else ""
        if _PLURAL_VERB.match(after):
            continue  # "Duran Duran are promoting": a band, no one person
        if office and (about.where != before[-1] or not (len(about.name.split()) > 1) or not _LEDE_VERB.match(after)):
            continue  # "Gordon Brown has addressed ... The Chancellor said"; not "Gordon Brown sets out ... The prime
            # minister responds" (another office holder, as a story of two men goes on)
        yield normal(surname), _THE.sub("", who), _clean(about.name)


_EPITHET_START = re.compile(r"[.!?”\"’]\s+(?=\W*(?:(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier|Now|Instead),?\s+)?"
                            r"[Tt]he\s)")
"""Where a sentence that may open with an epithet starts (past the end of the one before: led by the end's character,
the search skips through text fast)."""
_PLURAL_VERB = re.compile(r",?\s+(?:are|were|have)\b")
_LEDE_VERB = _Lazy(rf",?\s+(?:(?:has|had)\s+[a-z]+|(?:{VERBS})\b)")
"""A lede's verb after its subject: "Gordon Brown has addressed", "Tony Blair says"."""
