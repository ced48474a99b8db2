"""Matching a question's speaker to an attributed one: a speaker's noun phrase taken apart ("the mayor of
Ferrara, Anna Benedetti": names, head word, other words), and whether a question's "X" means the speaker a
sentence is attributed to (``speakers`` works out who that is).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from .analysis import POSSESSIVE_S, STOPWORDS, Analyzer, fold
from .lexicon import (BODY_ALIASES, CORE_SPEECH_FORMS, DOCUMENTS, EXPERTS, FEMALE_HONORIFICS, FIRST_NAME_HONORIFICS, GROUPS, HEADS_OF, HONORIFICS, MALE_HONORIFICS, LEADING_ROLES,
                      OTHER_ROLE, ROLES, SPEAKER_HEADS, SPOKESPEOPLE, STATEMENTS, TITLE_QUALIFIERS, TITLES, singular)

_WORD_ALIASES = {k: v for k, v in BODY_ALIASES.items() if " " not in k and " " not in v} | {"tories": "conservative"}
_PHRASE_ALIASES = tuple((frozenset(k.split()), frozenset(v.split())) for k, v in BODY_ALIASES.items() if " " in k)
"""A body's other name of more than one word, by its words and the name's ("lib dem": "liberal democrat")."""
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,8})\)")
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_LINKS = frozenset("of for at on from in".split())
_PHRASE_WORD = re.compile(r"[^\W_][\w.’'-]*")
_DOTTED = re.compile(r"[^\W\d_]{2}\.[^\W\d_]{2}")
"""A dot inside a word between letters ("Suprnova.org", "Amazon.com"), not initials ("U.S.")."""
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
_POSSESSIVE_WORD = re.compile(r"\w(?:['’]s|s['’])(?!\w)")
_ROLE_WORD = re.compile(r"[a-z][a-z-]{2,}")
"""A lowercase word: before a name in a speaker's phrase, what the person is ("archivist", "centre")."""
_CAPITALS = re.compile(r"[A-Z][A-Z.&]*[A-Z]\.?(?:['’]s)?")
"""A word in capitals ("NFL", "U.S.", "AT&T", "BPI's"): initials."""


@dataclass(frozen=True)
class SpeakerPhrase:
    """A speaker's noun phrase taken apart: "the mayor of Ferrara, Anna Benedetti"."""

    text: str
    """The phrase as written."""
    names: tuple[str, ...]
    """The person's or body's name words, normalised ("anna", "benedetti"); () for "the mayor"."""
    head: str | None
    """The role, group or document word that heads the phrase, normalised ("mayor", "official"), or None."""
    modifiers: frozenset[str]
    """Every other word, normalised, determiners and honorifics left out ("ferrara", "us", "chinese")."""
    acronym: bool = False
    """The name is one word written in capitals ("NFL", "the LSE"): a body's initials."""
    body: bool = False
    """The name is a body's: written in capitals, or after "the" ("the London Stock Exchange", "the BPI"), as a
    person's never is."""
    owner: tuple[str, ...] = ()
    """The capitalised words besides the name and a capitalised role word, normalised, in order: whose role it
    is or the body's own name ("national", "football", "league" for "A National Football League spokesman"; "nbc"
    for "a spokesman for NBC"; "british", "phonographic" for "the British Phonographic Industry")."""

    @property
    def surname(self) -> str | None:
        """The last name word ("benedetti"), or None."""
        return self.names[-1] if self.names else None

    @property
    def initials(self) -> str | None:
        """The first letters of a name of two words or more ("lse" for "London Stock Exchange"), else None."""
        return _initials(self.names) if len(self.names) > 1 else None

    @property
    def words(self) -> frozenset[str]:
        """Every normalised word of the phrase."""
        return self.modifiers | set(self.names) | ({self.head} if self.head else set())


@lru_cache(maxsize=16384)
def normal(word: str) -> str:
    """A word as speaker matching compares it: folded, lowercased, without dots, singular ("U.S." is us;
    cached: the same names come up in every paragraph)."""
    word = POSSESSIVE_S.sub("", fold(word.lower()))  # "Nintendo's president" is Nintendo's
    return singular(word.replace(".", "").replace("'", ""))


def _is_head(word: str) -> bool:
    """A role, group or document word, or a role with a prefix ("co-chairman", "vice-president")."""
    low = normal(word)
    return low in SPEAKER_HEADS or "-" in low and low.rpartition("-")[2] in ROLES


@lru_cache(maxsize=16384)  # a batch of 121 speech questions over the BBC takes apart 6,591 phrases (4,096 re-took 1,660)
def speaker_phrase(text: str) -> SpeakerPhrase:
    """Take a speaker's phrase apart: its name (a trailing run of capitalised words that are not roles,
    or a name set off by a comma), its head (a role, group or document word) and its other words."""
    parts = [p for p in text.split(",") if p.strip()]
    main = _PHRASE_WORD.findall(parts[0]) if parts else []
    determined = bool(main) and main[0].lower() in _DETERMINERS
    while main and main[0].lower() in _DETERMINERS:
        main = main[1:]
    tail: list[str] = []
    for i, w in enumerate(main[1:], 1):
        if w.lower() in _LINKS:
            main, tail = main[:i], main[i + 1:]
            break
    main = [w for w in main if normal(w) not in HONORIFICS]
    if tail and _role_then_name(tail):  # "Bank of England governor Mervyn King": the name ends the phrase
        main, tail = main + tail, []
    elif tail and (run := _name_after_lowercase(tail)):  # "Director of television Jana Bennett"
        main, tail = main + tail[-run:], tail[:-run]
    names: list[str] = []
    for part in parts[1:]:  # "the mayor of Ferrara, Anna Benedetti"
        words = _PHRASE_WORD.findall(part)
        if words and all(w[:1].isupper() for w in words):
            names = words
    if not names and not determined and _surname_is_title(main):
        names = main[-2:]  # "Mervyn King", "governor Mervyn King": King is a surname, not a title
        main = main[:-2]
    if not names:
        while main and main[-1][:1].isupper() and not _is_head(main[-1]):
            names.insert(0, main.pop())
            if names and len(main) > 1 and main[-1] == "and" and main[-2][:1].isupper() and not _is_head(main[-2]):
                main.pop()  # "Jonathan Wolpaw and Dennis McFarlane": both people's words, each found by its own
    acronyms = _ACRONYM.findall(text)  # "(MPAA)" is the body's other name
    if acronyms:
        names += [a for a in acronyms if a not in names]
        tail = [w for w in tail if w not in acronyms]
    head = None
    heads = [i for i, w in enumerate(main) if _is_head(w)]
    if heads:
        head = normal(main.pop(heads[-1]))
    elif main and (not names or _ROLE_WORD.fullmatch(main[-1])):
        head = normal(main.pop())  # "Florida state archivist Jody Norman": a lowercase word before a name is a role
    modifiers = frozenset(normal(w) for w in main + tail if w.lower() not in _DETERMINERS) - {""}
    acronym = len(names) == 1 and _CAPITALS.fullmatch(names[0]) is not None
    owner = tuple(normal(w) for w in _PHRASE_WORD.findall(text) if w[:1].isupper() and w.lower() not in _DETERMINERS
                  and normal(w) not in HONORIFICS and w not in names and normal(w) != head)
    return SpeakerPhrase(text=text, names=tuple(normal(w) for w in names), head=head, modifiers=modifiers,
                         acronym=acronym, body=bool(names) and (acronym or determined and head is None), owner=owner)


def _surname_is_title(words: list[str]) -> bool:
    """True when ``words`` end in a first name and a title word that is the surname ("Mervyn King", "Alan
    Judge", "governor Mervyn King"): the title (one that stands before a name, ``TITLES``) comes last after
    one capitalised word that is not itself a role, an honorific, an acronym, a possessive or a word that
    makes a compound title ("Prime Minister", "Foreign Secretary", "Chief Executive" stay roles), and before
    them is nothing or a role word."""
    if len(words) < 2:
        return False
    first, title = words[-2], words[-1]
    if not (title[:1].isupper() and title[1:].islower() and title.lower() in TITLES and title.lower() not in HONORIFICS):
        return False
    if not (first[:1].isupper() and first[1:].islower()) or POSSESSIVE_S.search(first) or first.endswith(("'", "’")):
        return False
    low = normal(first)
    if low in HONORIFICS or low in TITLE_QUALIFIERS or _is_head(first):
        return False
    return len(words) == 2 or _is_head(words[-3])


def _role_then_name(tail: list[str]) -> bool:
    """True when the words after a phrase's "of" go on with the body's name and then a role word, with
    nothing or a person's full name after it ("England governor" and "England governor Mervyn King" after
    "Bank of"; "Work and Pensions spokeswoman" after "A Department for"): the role heads the whole phrase, the body's
    words are its modifiers. Not "gay group OutRage!"
    (lowercase before the role) nor "the Central Bank" (no lowercase role word)."""
    heads = [i for i, w in enumerate(tail) if _is_head(w) and w[:1].islower()]
    if len(heads) != 1 or heads[0] == 0 or not all(w[:1].isupper() or w in ("and", "&") for w in tail[:heads[0]]) \
            or not tail[0][:1].isupper():
        return False
    rest = tail[heads[0] + 1:]
    return not rest or len(rest) >= 2 and all(w[:1].isupper() for w in rest)


def _name_after_lowercase(tail: list[str]) -> int:
    """How many capitalised words, two or more and none a role word, end the words after a phrase's "of" right
    after a lowercase word ("Jana Bennett" in "of television Jana Bennett"): a person's name; else 0."""
    run = 0
    while run < len(tail) and tail[-1 - run][:1].isupper() and not _is_head(tail[-1 - run]):
        run += 1
    return run if run >= 2 and run < len(tail) and tail[-1 - run][:1].islower() else 0


@lru_cache(maxsize=16384)
def speaker_matches(asked: str | SpeakerPhrase, attributed: str | SpeakerPhrase) -> bool:
    """True when a question's speaker phrase (``asked``) means the attributed speaker (cached: a question's speaker
    is compared with the same attributed ones passage after passage).

    A name matches when one's name words hold the other's ("Benedetti", "Anna Benedetti" and "Mr Benedetti"
    are all "the mayor of Ferrara, Anna Benedetti"; "Tony Blair" is not "Ian Blair"), never a speaker without
    a name ("Blair" is not "Mr Blair's spokesman"). A phrase without a name
    matches by head word, every other word of it found in the attributed phrase ("the mayor" and "the mayor
    of Ferrara" match it; "the minister" does not).
    """
    a = asked if isinstance(asked, SpeakerPhrase) else speaker_phrase(asked)
    if isinstance(attributed, str) and (keys := _name_keys(a)) is not None \
            and all(keys.isdisjoint(_word_keys(w)) for w in _PHRASE_WORD.findall(attributed)):
        return False  # none of the words a match by name needs: the attributed phrase is not even taken apart
    b = attributed if isinstance(attributed, SpeakerPhrase) else speaker_phrase(attributed)
    if a.names:
        mine, theirs = set(a.names), set(b.names)
        if theirs and (mine <= theirs or theirs <= mine):
            return True
        members = _members(a)
        if members and theirs and members == _member_names(b.names):
            return True  # "the Tories": "The Tories say", "The Conservatives say"; "the Lib Dems": "the Liberal Democrats"
        if b.head in SPOKESPEOPLE and (a.body or not _of_a_person(b)) and _owned_by(b, a):
            # "the NFL": "A National Football League spokesman", "NBC": "a spokesman for NBC"; a body asked for by
            # its name alone too: "Five": "A Five spokesman", "Plaid Cymru": "Plaid Cymru's ... spokesman Dai Lloyd"
            return True
        if not theirs and b.head in GROUPS - SPOKESPEOPLE and b.owner and b.modifiers == set(b.owner) == mine \
                and not _plural(b) and not _POSSESSIVE_WORD.search(b.text):
            return True  # "the China Daily": "the China Daily newspaper said" (the body, named with what it is; not
            # "Mr Blair's spokesman", "Blair's lawyers")
        if b.head in STATEMENTS and not theirs and _owned_by(b, a):
            return True  # "Mr Crosby's statement said", "An IAAF statement said": Crosby's and the IAAF's own words
        if b.head in LEADING_ROLES and not b.modifiers & OTHER_ROLE and _led_by_name(b, a):
            return True  # "Tory leader Michael Howard", "Nokia president Jorma Ollila": the body's leader speaks for it
        if theirs:
            return _initials_of(a, b) or _initials_of(b, a)  # "the London Stock Exchange" is "the LSE"
        return a.acronym and _is_body_of(b, a.names[0])  # "the BPI": "the British Phonographic Industry"
    if b.acronym and _is_body_of(a, b.names[0]):
        return True
    if a.head in DOCUMENTS - STATEMENTS and a.owner and (body := _document_owner(a)) is not None and speaker_matches(body, b):
        return True  # "the Electoral Commission's report": "The commission says"; "the China Daily report": "the China
        # Daily newspaper said": a body's report says what the body does (a statement asked for is its own words only)
    if a.head is not None and not a.modifiers and b.names == (a.head,) and " " not in b.text.strip():
        return True  # "the shopkeepers": "Shopkeepers complained ...", a plural opening its sentence, read as a name
    if a.head is None or b.head is None:
        return False
    if b.head in SPOKESPEOPLE and a.head not in ROLES and a.head != b.head and a.head in b.modifiers \
            and _aliased(a.modifiers - _whose(a)) <= _aliased(b.words):
        return True  # "the fire service": "A spokesman for the fire service", "a police spokesman" (the body's words)
    if a.head != b.head and not ({a.head, b.head} & HEADS_OF and {a.head, b.head} <= LEADING_ROLES) \
            and not _clipped(a.head, b.head) and not ({a.head, b.head} <= EXPERTS and _plural(a)) \
            and a.head not in _rank_words(b):
        return False  # "the central bank governor" is "the head of the Central Bank"; "the minister" is no mayor
    if (b.modifiers & OTHER_ROLE) - a.modifiers:
        return False  # "the mayor" is not "Deputy Mayor Nicky Gavron", "the chancellor" not the shadow one
    return _aliased(a.modifiers - _whose(a)) <= _aliased(b.words)  # "the Scottish Tory leader": "Conservative"


@lru_cache(maxsize=4096)
def _name_keys(asked: SpeakerPhrase) -> frozenset[str] | None:
    """The words one of which an attributed phrase must hold (``_word_keys``) for ``speaker_matches`` to find it the
    asked name's, when the name is asked for by its words (every way a name matches goes through them: the name words
    shared, a role owned by or leading a body so named, a body's other name, initials of the name); None for a phrase
    that may match otherwise (no name; a name in capitals, matched to a body's full name; a body named by its
    members, "the Tories", matched to "the Conservatives" or "Tory leader Michael Howard")."""
    if not asked.names or asked.acronym or _members(asked):
        return None
    keys = set(asked.names)
    for other, name in BODY_ALIASES.items():  # "Liberal Democrat": "Lib Dem leader Charles Kennedy"
        words = set(other.split()) | set(name.split())
        if words & keys:
            keys |= words
    if len(asked.names) > 1:
        keys.add(_initials(asked.names))  # "London Stock Exchange": "the LSE"
    return frozenset(keys)


@lru_cache(maxsize=16384)
def _word_keys(word: str) -> frozenset[str]:
    """A word of an attributed phrase as ``_name_keys`` looks for it: ``normal``, and as a body's members are named
    (``_member_names``: "Tories" is tory, conservative)."""
    low = normal(word)
    return frozenset((low,) + _member_names((low,)))


_WHOSE_SPOKESMAN = re.compile(r"\b(?:for|of)\s+(?:the\s+)?[A-Z]|[A-Za-z][’']s\s")
"""A spokesman written as someone's ("a spokesman for Michael Howard", "Tony Blair's official spokesman"), not with
a name before the role ("A Plaid Cymru spokesman": a body's, as British news writes a party's)."""


def _document_owner(phrase: SpeakerPhrase) -> SpeakerPhrase | None:
    """The body whose document a speaker's phrase without a name asks for, by the capitalised words before the document
    word ("the Electoral Commission" for "the Electoral Commission's report", "the Gartner" for "the Gartner report"), or
    None when a lowercase word other than "the" stands between them or it has none."""
    words = _PHRASE_WORD.findall(phrase.text)
    at = next((i for i, w in enumerate(words) if normal(w) == phrase.head and w[:1].islower()), None)
    if at is None:
        return None
    owner = [POSSESSIVE_S.sub("", w) for w in words[:at] if w.lower() not in _DETERMINERS]
    if not owner or not all(w[:1].isupper() for w in owner):
        return None
    return speaker_phrase("the " + " ".join(owner))


@lru_cache(maxsize=16384)
def not_their_own(asked: str | SpeakerPhrase, written: str | None, speaker: str | None) -> bool:
    """True when words attributed to a phrase naming the asked person (``written``: the phrase that names the speaker
    where they speak; ``speaker``: who it resolves to) are not that person's own: their spokesman's ("A spokesman for
    Michael Howard said ...", "Tony Blair's official spokesman": Howard and Blair are only named; a body's spokesman
    is the body's: "a spokesman for NBC", "a Labour Party spokesman"), or, asked for by a surname alone, those of
    someone whose first name it is ("Sir Howard said", "its chief executive, Sir Howard Newby": not Michael Howard's).
    Both ``Attribution.said_by`` (answers) and ``qabot quotes`` apply it."""
    if isinstance(asked, str):
        asked = speaker_phrase(asked)
    if not written or not asked.names:
        return False
    phrase = speaker_phrase(written)
    for said_by in {phrase, speaker_phrase(speaker or written)}:  # "the spokesman said": whose, resolved
        if said_by.head in SPOKESPEOPLE and not said_by.names and asked.head is None \
                and not asked.body and set(asked.names) <= set(said_by.owner) and not set(said_by.owner) & GROUPS \
                and (any(w.lower().strip(".") in HONORIFICS for w in said_by.text.split())
                     or len(said_by.owner) > 1 and _WHOSE_SPOKESMAN.search(said_by.text) is not None):
            return True  # "a spokesman for Michael Howard", "Tony Blair's spokesman"; "A Plaid Cymru spokesman" is the party
    if len(asked.names) != 1 or asked.text.split()[0].lower() in FIRST_NAME_HONORIFICS:
        return False
    for text in {written, speaker or written}:
        words = [w.strip(",.") for w in text.split()]
        for i, w in enumerate(words[:-1]):
            if w.lower() in FIRST_NAME_HONORIFICS and words[i + 1].lower() == asked.names[0] \
                    and (i + 2 == len(words) or words[-1].lower() != asked.names[0]):
                return True  # "Sir Howard", "Sir Howard Newby": Howard is his first name
    return False


def first_name_only(asked: str | SpeakerPhrase, speaker: str, usual: Callable[[], Counter[str]]) -> bool:
    """True when a surname asked for alone ("Howard") is only the first name of the attributed ``speaker`` ("Howard
    Archer", "Sir Howard Newby") while the articles write it as someone's surname (``usual`` gives ``first_names``
    of the articles that write it, asked only then: "Michael" for Michael Howard): not the one asked. False for a
    name the articles never give a first name ("Wang" is Wang Yi's, "Foreign Minister Wang Yi")."""
    a = asked if isinstance(asked, SpeakerPhrase) else speaker_phrase(asked)
    if len(a.names) != 1 or a.head is not None or a.body or a.acronym:
        return False
    names = speaker_phrase(speaker).names
    return a.names[0] in names[:-1] and names[-1] != a.names[0] and bool(usual())


@lru_cache(maxsize=4096)
def _rank_words(phrase: SpeakerPhrase) -> frozenset[str]:
    """The person's role words capitalised with the head into one rank before it ("detective" in "Detective Inspector
    Paul Miller", "Detective Chief Superintendent"): a detective inspector is a detective, so "the police detective"
    asks for them. Not a possessive ("Chairman's spokesman"), a group's word ("Team physio"), nor a word that makes
    the role another's (``OTHER_ROLE``: "Deputy Mayor")."""
    words = _PHRASE_WORD.findall(phrase.text)
    at = next((i for i, w in enumerate(words) if w[:1].isupper() and normal(w) == phrase.head), None)
    found = set()
    while at:
        at -= 1
        w = words[at]
        if not w[:1].isupper() or _POSSESSIVE_END.search(w) or (n := normal(w)) not in ROLES or n in OTHER_ROLE:
            break
        found.add(n)
    return frozenset(found)


def _aliased(words: frozenset[str]) -> frozenset[str]:
    """``words`` with another name of a body written as its name (``lexicon.BODY_ALIASES``: "tory" is "conservative";
    "lib" and "dem" together are "liberal", "democrat")."""
    out = frozenset(_WORD_ALIASES.get(w, w) for w in words)
    for other, name in _PHRASE_ALIASES:
        if other <= out:
            out = (out - other) | name
    return out


def given_names(text: str, name: str) -> Counter[str]:
    """The words ``text`` writes capitalised just before the name word ``name`` ("Tony" in "Prime Minister Tony
    Blair", "Mr" in "Mr Blair"), normalised, with the words that only start a sentence or name a role left out
    ("But Blair said", "Striker Keane")."""
    pattern = _given_before(name)
    places = _case_blind_places(text, name)
    if places is None:
        pairs = pattern.findall(text)
    else:  # ``findall`` read only where the name is written: the same matches, without trying the pattern everywhere
        pairs, end = [], 0
        for at in places:
            space = at
            while space > 0 and text[space - 1] in " \t":
                space -= 1
            if space == at:
                continue  # no space or tab before the name: no match ends here
            # a match starts in the run of characters right before the spaces (letters and ’'-. only: no space in it)
            lo = max(end, text.rfind(" ", 0, space) + 1, text.rfind("\t", 0, space) + 1, text.rfind("\n", 0, space) + 1)
            m = pattern.search(text, lo, at + len(name) + 1)  # one character past the name, for its closing \b
            if m is not None:
                pairs.append(m.groups(""))
                end = m.end()
    found = [short or word for short, word in pairs]
    return Counter(n for w in found if (n := normal(w)) not in STOPWORDS and (n in HONORIFICS or n not in TITLES)
                   and not _is_head(w))


_CASE_BLIND_EXTRA = "\u0130\u0131\u017f\u212a"
"""The characters, besides ASCII ones, that ``re`` matches to an ASCII letter or digit case-blind ("İ", "ı", "ſ" and the
Kelvin sign; all of Unicode checked in ``tests/test_speaker_matching_fast.py``)."""


@lru_cache(maxsize=16)
def _lower(text: str) -> str:
    """``text.lower()``, kept for the few texts being read (``_folded``)."""
    return text.lower()


def _case_blind_places(text: str, word: str) -> list[int] | None:
    """Every place where a case-blind search for ``word`` can match in ``text``, in order: where ``text.lower()``
    writes ``word`` lowercased (overlapping ones included). None when that is not so, and the pattern must be tried
    everywhere: a word not ASCII, or a text that holds a character of ``_CASE_BLIND_EXTRA`` (which ``re`` matches to
    an ASCII letter though it lowercases to none, or to two characters)."""
    if not word or not word.isascii() or not text.isascii() and any(c in text for c in _CASE_BLIND_EXTRA):
        return None
    low, word = _lower(text), word.lower()
    places = []
    at = low.find(word)
    while at >= 0:
        places.append(at)
        at = low.find(word, at + 1)
    return places


def _capitalised(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` as a whole word with a capital (the first letter of a case-blind whole-word
    match upper case, as ``_whole_word(word).finditer`` finds them one after another), read only where ``text``
    writes it."""
    pattern = _whole_word(word)
    places = _case_blind_places(text, word)
    if places is None:
        return any(m.group()[0].isupper() for m in pattern.finditer(text))
    end = 0
    for at in places:
        if at < end:
            continue  # inside the match before it, which ``finditer`` went past
        m = pattern.match(text, at, at + len(word) + 1)  # one character past the word, for its closing \b
        if m is not None:
            if text[at].isupper():
                return True
            end = m.end()
    return False


@lru_cache(maxsize=4096)
def _given_before(name: str) -> re.Pattern:
    """``given_names``' search for the capitalised words before ``name`` (a dot only after a title or an initial, "Mr.
    Blair", not a sentence's end); compiled once per name (cached: built afresh, the patterns of a few hundred names
    overflow ``re``'s own cache of 512 and were compiled again at every call)."""
    return re.compile(rf"\b(?:([A-Z][^\W\d_]{{0,2}})\.|([A-Z][^\W\d_]*[’'-]?[^\W\d_]*))[ \t]+(?i:{re.escape(name)})\b")


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern:
    """A case-blind search for ``word`` as a whole word (compiled once per word, as ``_given_before``)."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def _folded(text: str) -> str:
    """``fold`` of an article's whole text, kept for the few articles being read (each test of another person of
    the name reads it, question after question; a string's hash is worked out once)."""
    return fold(text)


def names_another(text: str, asked: str | SpeakerPhrase) -> bool:
    """True when an article's ``text`` names another person by the name asked for, and never the one asked: a word of
    the asked name it never writes, and another first name or a title before one it does ("Roy Keane", "Mr Taylor"
    for "Robbie Keane" or "Taylor Swift"), or a title of the other sex before the surname and never the asked one
    ("Mr Blair" for "Mrs Blair"). False for a name of one word without a title, whose person the article cannot
    contradict, and for a body's name."""
    a = asked if isinstance(asked, SpeakerPhrase) else speaker_phrase(asked)
    if not a.names or a.body or a.acronym or _body_here(text, a):
        return False
    first = _PHRASE_WORD.findall(a.text)[:1]
    title = normal(first[0]) if first and normal(first[0]) in HONORIFICS else None
    if len(a.names) < 2 and title is None:
        return False  # "Blair": nothing to contradict (before the text is even folded)
    folded = _folded(text)
    given: dict[str, Counter[str]] = {}  # each name word's ``given_names``, found once (up to three tests ask)

    def given_to(name: str) -> Counter[str]:
        found = given.get(name)
        if found is None:
            found = given[name] = given_names(text, name)
        return found

    absent = [n for n in a.names  # a name word is written with a capital ("Swift", not "swift action")
              if not _capitalised(folded, n)]
    if len(absent) == len(a.names):
        return False  # not named at all: nothing to tell apart (the caller finds no words of theirs)
    if absent:
        for i, n in enumerate(a.names):
            if n in absent:
                continue
            for before in given_to(n):
                if before in HONORIFICS and i < len(a.names) - 1:
                    return True  # "Mr Taylor" is no one whose first name is Taylor
                if before not in HONORIFICS and before not in a.names and not any(_clipped(before, m) for m in a.names):
                    return True  # "Roy Keane" is not Robbie Keane ("Vincent Cable" is Vince Cable)
    elif len(a.names) > 1 and _named_more_often_otherwise(text, a, given_to(a.names[-1])):
        return True  # "Tony Blair", "Mr Blair said" for "Cherie Blair", named once and never speaking by name
    if title in MALE_HONORIFICS or title in FEMALE_HONORIFICS:
        titles = set(given_to(a.names[-1]))
        other = FEMALE_HONORIFICS if title in MALE_HONORIFICS else MALE_HONORIFICS
        same = MALE_HONORIFICS if title in MALE_HONORIFICS else FEMALE_HONORIFICS
        if titles & other and not titles & same:
            return True  # "Mr Blair" is not Mrs Blair
    return False


def _body_here(text: str, asked: SpeakerPhrase) -> bool:
    """True when ``text`` writes the name asked for, of two words or more, after "the" or a word for a group ("a
    spokesman for the Shareholders United said", "supporters' group Shareholders United"): a body's name, as a
    person's never is, though asked for without "the" ("Shareholders United", not a person whose surname "Manchester
    United" gives another first name)."""
    if len(asked.names) < 2:
        return False
    words = _PHRASE_WORD.findall(asked.text)
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    before = re.compile(r"\b(?P<word>[\w’']+)\s+" + r"\s+".join(re.escape(w) for w in words) + r"\b")
    return any(m.group("word").lower() == "the" or normal(m.group("word")) in _BODY_WORDS for m in before.finditer(text))


_BODY_WORDS = frozenset(w for w in GROUPS if w not in ROLES and w not in SPOKESPEOPLE and w not in EXPERTS
                        and not w.endswith("s")) - {"police", "staff", "opposition", "army", "navy", "military", "publisher"}
"""Words for a body, one of which before a name says it is a body's ("campaign group Shareholders United"): the
singular group words (``lexicon.GROUPS``) less those that come before a person's name ("publisher Kimberly Quinn")."""


def first_names(texts: Iterable[str], surname: str) -> Counter[str]:
    """In how many of ``texts`` each first name stands before ``surname`` (a normalised name word; titles and
    honorifics left out)."""
    found: Counter[str] = Counter()
    for text in texts:
        found.update({n for n in given_names(text, surname) if n not in HONORIFICS})
    return found


def usually_another(text: str, asked: str | SpeakerPhrase, usual: Callable[[], Counter[str]]) -> bool:
    """True when ``text`` does not write the first name asked for ("Cherie" of "Cherie Blair") and the articles give
    the surname another first name more often than that one (``usual`` gives ``first_names`` of the articles that
    write the surname, asked only then: "Tony" in 390 of them, "Cherie" in 4): the surname alone there ("Mr Blair said") means that other
    person. False for a name of one word or a body's."""
    a = asked if isinstance(asked, SpeakerPhrase) else speaker_phrase(asked)
    if len(a.names) < 2 or a.body or a.acronym or _body_here(text, a):
        return False
    first = a.names[-2]
    if _capitalised(_folded(text), first):
        return False
    found = usual()
    return any(count > found[first] for name, count in found.items() if name not in a.names)


def _named_more_often_otherwise(text: str, asked: SpeakerPhrase, given: Counter[str]) -> bool:
    """True when ``text`` writes the full name asked for ("Cherie Blair") but gives its surname another first name
    more often ("Tony Blair" twice), and never writes the asked full name beside a verb of speech: the surname alone
    ("Mr Blair said") means that other person, so nothing there is the asked one's words. ``given`` is
    ``given_names(text, surname)``."""
    first, surname = asked.names[-2], asked.names[-1]
    if not given[first]:
        return False  # "Mr Eavis' daughter Emily": the first name is not written as one before the surname
    others = [n for n, count in given.items() if n not in HONORIFICS and n not in asked.names and count > given[first]]
    if not others:
        return False
    written = rf"{re.escape(first)}\s+{re.escape(surname)}"
    return re.search(rf"(?i)\b{written}\b,?\s+(?:{'|'.join(CORE_SPEECH_FORMS)})\b|\b(?:said|says)\s+{written}\b",
                     _folded(text)) is None


@lru_cache(maxsize=4096)
def _whose(phrase: SpeakerPhrase) -> frozenset[str]:
    """The lowercase possessives of a role asked for ("protester" in "the protesters' solicitor"): whose role it is,
    which an article says in its own words ("the men's solicitor Matthew Knight"), so not a word the phrase must hold.
    Not a body's ("the board's statement") nor the body a leading role leads ("the referees' chief")."""
    if phrase.head in LEADING_ROLES:
        return frozenset()  # "the referees' chief" leads the referees: the body is what the role is
    return frozenset(n for w in _PHRASE_WORD.findall(phrase.text) if w[:1].islower() and _POSSESSIVE_END.search(w)
                     and (n := normal(w)) not in SPEAKER_HEADS)  # "the board's statement" is the board's


def _member_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """A body's name words as its members are named, singular and under one name (``lexicon.BODY_ALIASES``):
    "tories" and "tory" are ("conservative",), "lib", "dems" ("liberal", "democrat")."""
    words = [n[:-3] + "y" if n.endswith("ies") and len(n) > 4 else n[:-1] if n.endswith("s") and not n.endswith("ss")
             else n for n in names]
    joined = " ".join(words)
    return tuple(BODY_ALIASES.get(joined, joined).split())


def _members(phrase: SpeakerPhrase) -> tuple[str, ...]:
    """For a question's speaker that names a body by its members ("the Tories", "the Lib Dems", "the Conservatives";
    with "the", or a name ``BODY_ALIASES`` holds): ``_member_names`` of its name; else () ("Williams" is a person,
    never a plural of William)."""
    members = _member_names(phrase.names)
    if phrase.body or " ".join(members) in BODY_ALIASES.values() and members != phrase.names:
        return members
    return ()


def name_variants(phrase: SpeakerPhrase) -> frozenset[str]:
    """The words a body named by its members may be written with besides its own name words ("tory", "conservative"
    for "the Tories"; ``_members``), to find the passages that may name it; empty for any other phrase."""
    members = _members(phrase)
    if not members:
        return frozenset()
    alias = {v: k for k, v in BODY_ALIASES.items()}.get(" ".join(members), "")
    return frozenset(members) | frozenset(alias.split())


def _led_by_name(role: SpeakerPhrase, body: SpeakerPhrase) -> bool:
    """True when ``role`` (a leading role, with or without the person's name) is the role of ``body`` named right
    before it, not as a possessive: "Tory leader Michael Howard" for the Tories, "Nokia president Jorma Ollila"
    for Nokia; not "Blair's chief of staff" (a person's name before a role is a possessive)."""
    owner, names = _member_names(role.owner), _members(body) or body.names
    n = len(names)
    if not n or not any(owner[i:i + n] == names for i in range(len(owner) - n + 1)):
        return False
    return not re.search(r"['’]s?\s+(?:\w+\s+){0,2}" + re.escape(role.head or "") + r"\b", role.text, re.I)


def _of_a_person(role: SpeakerPhrase) -> bool:
    """True when the one a spokesperson's phrase speaks for is a person, by a capitalised honorific or title in it
    ("Mr Blair's spokesman", "the Prime Minister's spokesman"): their spokesman's words are not theirs."""
    return any(w[:1].isupper() and normal(w) in TITLES for w in _PHRASE_WORD.findall(role.text))


def _initials(words) -> str:
    """The first letters of ``words``, joined ("lse" for "london", "stock", "exchange")."""
    return "".join(w[0] for w in words)


def _initials_of(short: SpeakerPhrase, full: SpeakerPhrase) -> bool:
    """True when ``short``'s name is written in capitals and is the initials of ``full``'s name of two words or
    more ("LSE", "London Stock Exchange"); initials of two letters only for a body's name ("the European Union"),
    never a person's ("TB" is not Tony Blair)."""
    return short.acronym and full.initials is not None and short.names[0] == full.initials \
        and (len(full.initials) > 2 or full.body)


def _is_body_of(phrase: SpeakerPhrase, initials: str) -> bool:
    """True when ``phrase`` is a body's name headed by a group word ("the British Phonographic Industry") whose
    capitalised words, the group word with them, have these initials ("bpi")."""
    if phrase.names or phrase.head not in GROUPS or not phrase.owner:
        return False
    words = phrase.owner + (phrase.head,) if _capitalised_head(phrase) else phrase.owner
    return len(words) > 1 and _initials(words) == initials


def _capitalised_head(phrase: SpeakerPhrase) -> bool:
    """True when the phrase writes its head word with a capital ("Industry" in "British Phonographic Industry")."""
    return any(w[:1].isupper() and normal(w) == phrase.head for w in _PHRASE_WORD.findall(phrase.text))


def _owned_by(role: SpeakerPhrase, body: SpeakerPhrase) -> bool:
    """True when ``role`` (a phrase without a name: "a spokesman for NBC") belongs to ``body`` by its capitalised
    words: the body's name words in order, or its initials ("NFL" for "National Football League")."""
    owner = role.owner
    if not owner:
        return False
    n = len(body.names)
    if any(owner[i:i + n] == body.names for i in range(len(owner) - n + 1)):
        return True
    members = _members(body)
    if members and (m := len(members)) and any(t[i:i + m] == members for t in (_member_names(owner),)
                                               for i in range(len(t) - m + 1)):
        return True  # "the Tories": "Tory spokesman", "Conservative local government spokesman Glyn Davies"
    return body.acronym and len(owner) > 1 and any(_initials(owner[i:j]) == body.names[0]
                                                    for i in range(len(owner)) for j in range(i + 2, len(owner) + 1))


def _plural(phrase: SpeakerPhrase) -> bool:
    """True when the phrase writes its head word in the plural ("analysts at Gerrard"): any of a kind."""
    return any(normal(w) == phrase.head and w.lower() != phrase.head for w in _PHRASE_WORD.findall(phrase.text))


def role_kin(head: str) -> frozenset[str]:
    """The role words a speaker asked for by ``head`` may be written as in an article (``speaker_matches``):
    the head itself, a role word it is a clipped form of or that is clipped from it ("physiotherapist" for
    "physio"), and for a body's leader the others ("head" for "governor", any leading title for "chief")."""
    kin = {head} | {r for r in ROLES if _clipped(head, r)}
    if head in EXPERTS:
        kin |= EXPERTS
    if head in HEADS_OF:
        kin |= LEADING_ROLES
    elif head in LEADING_ROLES:
        kin |= HEADS_OF
    return frozenset(kin)


def _clipped(one: str, other: str) -> bool:
    """True when one word is the other cut short, as people write it ("physio" for "physiotherapist",
    "exec" for "executive"): four letters or more that begin the other."""
    short, long = sorted((one, other), key=len)
    return len(short) >= 4 and long.startswith(short)


def speaker_terms(asked: str, analyzer: Analyzer) -> list[str]:
    """The analysed terms that find a speaker's passages: the name's ("anna", "benedetti" for "Anna
    Benedetti"; "blair" for "Mr Blair"; "wang", "yi" for "Wang Yi"), else the head word's ("mayor" for "the
    mayor of Ferrara", "offici" for "U.S. officials"); honorifics and titles are never the terms of a name."""
    phrase = speaker_phrase(asked)
    if phrase.names:  # a web name is searched as the articles' words it is ("suprnova", "org" for "Suprnova.org"),
        # a name in capitals as written ("WHO": ``Analyzer.term``)
        dotted = {normal(w): w for w in _PHRASE_WORD.findall(asked) if _DOTTED.search(w) or _CAPITALS.fullmatch(w)}
        return [t for t in analyzer.terms(" ".join(dotted.get(n, n) for n in phrase.names)) if t]
    head = [t for t in analyzer.terms(phrase.head or "") if t]
    return head + _body_terms(asked, phrase, analyzer) if head else [t for t in analyzer.terms(asked) if t]


def _body_terms(asked: str, phrase: SpeakerPhrase, analyzer: Analyzer) -> list[str]:
    """The analysed terms of the capitalised words a role is asked for with, the body or place it belongs to
    ("barclays" for "Barclays' chief executive", "wraz", "tv" for "WRAZ-TV's general manager"): a role word is
    written in thousands of passages, its body's name in the few that quote it. Compound titles ("Prime
    Minister") and the question's own title words are not a body."""
    words = [w for w in _PHRASE_WORD.findall(asked) if w[:1].isupper() and normal(w) in phrase.modifiers
             and normal(w) not in TITLE_QUALIFIERS and not _is_head(w)]
    return [t for t in analyzer.terms(" ".join(words)) if t]
