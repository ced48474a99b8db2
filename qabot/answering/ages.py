"""Ages: whose age a "how old" question asks, and where an article gives that person an age.

"How old is sprinter Justin Gatlin?" asks Gatlin's age. A sentence answers it when it gives an age (``lexicon.AGE``)
that is Gatlin's: written beside his name ("Gatlin, 22, won ...", "the 27-year-old Almunia"), or an age the words
around it give nobody else ("who died aged 27", "I am 25", "The 25-year-old shocked Pete Sampras") in a sentence that
names him or follows one that does, or that opens with "The 58-year-old ..." in an article whose headline names him.
An age written beside another name ("The 21-year-old Blues prop Gethin Jenkins", "Hayes, 27,") is that person's. The
answer puts the sentence giving the person an age first (``select.focus``), and a question whose articles give the
person none is refused (``Answerer._not_given``), though they give others ages.
"""

from __future__ import annotations

import re
import weakref

from ..analysis import unaccented
from ..lexicon import AGE, NATIONAL_ENDINGS
from .sentences import Reader, cached

_AGE_OF = re.compile(r"(?i)\bhow\s+old\s+(?:is|was|are|were|will\s+be|would\s+be)\s+(?P<who>.+?)"
                     r"(?=\s+(?:when|at|after|before|in|on|during|while|now|today|this|by|if)\b|\s*[?.!,;(]|\s*$)")
"""A "how old is X" question and its X, up to a clause or an apposition after it ("How old was Jim Morrison when he
died", "How old is Kristin Scott Thomas, the star of Man to Man?")."""
_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_AGED_ONE = re.compile(r"\W*(?:The|the)\s+\d{1,3}-year-old\b")
"""A sentence opening with the one it speaks of by age ("The 58-year-old US singer ...")."""
_ENDS_DESCRIPTION = frozenset(
    "is was has had will would could can may might who which that and but or of in at to for with from by on as "
    "after before since when while said says told tells won wins became becomes made makes took takes got gets ran "
    "runs went goes left leaves beat beats".split())
"""Words that end the description after "the 27-year-old" (what follows is no longer who it is), the commonest verbs
that do not end in "ed" among them."""
_NOT_A_NAME_ENDINGS = NATIONAL_ENDINGS + ("ard",)
"""How a capitalised word after "the 27-year-old" ends that says where someone is from, no name ("German", "Spaniard";
"Briton" is not caught). Not all of ``lexicon.DEMONYM_ENDINGS``: its "man" would take "27-year-old Hoffman" for a
Dutchman."""


def person(text: str) -> tuple[str, ...]:
    """The name of the one whose age ``text`` asks ("How old is Arsenal vice-chairman David Dein?": ("David", "Dein")):
    the capitalised words ending the phrase after "how old is", or in a question typed all in lower case its last
    word ("walsh" of "how old is aer lingus boss willie walsh"); () when the phrase ends in a word in lower case
    ("How old is the bridge") or there is none."""
    found = _AGE_OF.search(text)
    if not found:
        return ()
    words = [w.strip("\"“”‘’'.:").removesuffix("’s").removesuffix("'s") for w in found.group("who").split()]
    if not words or not _NAME_WORD.fullmatch(words[-1]):
        return ()
    if text == text.lower():
        return (words[-1],)
    name: list[str] = []
    for w in reversed(words):
        if not (_NAME_WORD.fullmatch(w) and w[:1].isupper() and not w.isupper()):
            break  # a word in lower case, a number or an acronym ("Radio 1 DJ Joel Ross": Joel Ross)
        name.insert(0, w)
    return tuple(name)


_FOUND: "weakref.WeakKeyDictionary[Reader, dict]" = weakref.WeakKeyDictionary()
"""Per reader, ``age_spans`` by article and name: the refusal (``Answerer._not_given``) and the order
(``select._age_first``) of one answer read the same articles."""


def age_spans(reader: Reader, article: int, name: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the sentences of ``article`` that give the person ``name`` an age (the module's rules; the person
    is found by surname, the last word of ``name``), in an article that writes their whole name (another "Jones" is
    not Adam Jones); cached per reader."""
    return cached(_FOUND.setdefault(reader, {}), (article, name), reader.params.caches.articles,
                  lambda key: _age_spans(reader, *key))


def _age_spans(reader: Reader, article: int, name: tuple[str, ...]) -> list[tuple[int, int]]:
    """``age_spans``, uncached."""
    read = reader.article(article)
    text = read.text
    name = tuple(_plain(w) for w in name[-2:])  # "Cardinal Cormac Murphy O'Connor": the first name and surname
    if len(name) > 1 and not re.search(r"\b" + r"\s+".join(map(re.escape, name)) + r"\b", _plain(f"{read.title}\n{text}")):
        return []
    surname = re.compile(rf"\b{re.escape(name[-1])}\b")
    subject = surname.search(_plain(read.title)) is not None  # "Patti Smith to host arts festival": "The 58-year-old"
    found, named_before = [], False
    for start, end in (s for p in reader.corpus.article_passages(article) for s in reader.span(p).sentences):
        sentence = text[start:end]
        plain = _plain(sentence)
        named = surname.search(plain) is not None
        for age in AGE.finditer(sentence):
            owner = _owner(sentence, age)
            if surname.fullmatch(_plain(owner)) if owner is not None else \
                    named and not _named_after(surname, plain, age) or named_before or \
                    subject and _AGED_ONE.match(sentence):
                found.append((start, end))
                break
        named_before = named
    return found


def _named_after(surname: re.Pattern, plain: str, age: re.Match) -> bool:
    """The person is named only after a "27-year-old" that describes someone ("faith in the 27-year-old Spaniard, who
    was signed ... as back-up to Jens Lehmann"), not in the words describing them ("says 27-year-old Ross"): the one
    described is another, or the age would stand by the name."""
    if not age.group().lower().endswith("-old") or (first := surname.search(plain)) is None or first.start() < age.end():
        return False
    between = plain[age.end():first.start()]
    return bool(re.search(r"[,;:()\"“”]", between)) or len(between.split()) > 3


def _owner(sentence: str, age: re.Match) -> str | None:
    """The name word whose age ``age`` gives in ``sentence`` when the words around it say ("" for a word in lower
    case): the word before "Gatlin, 22, " and "Kim (54)"; after "27-year-old", the surname of a full name in the words
    describing the person ("The 21-year-old Blues prop Gethin Jenkins"), or a name standing alone right after it
    ("27-year-old Almunia has"). None when they say nobody: "The 25-year-old shocked Pete Sampras" (a verb first),
    "who died aged 27"."""
    text = age.group()
    if text.endswith(", ") or text.startswith("("):
        before = _NAME_WORD.findall(sentence[:age.start() + (1 if text.endswith(", ") else 0)])
        return before[-1] if before and before[-1][:1].isupper() else ""
    if not text.lower().endswith("-old"):
        return None
    after = _NAME_WORD.findall(re.split(r"[,;:()\"“”]", sentence[age.end():age.end() + 80], maxsplit=1)[0])[:8]
    run: list[str] = []
    for word in after:
        if word in ("The", "A", "An"):
            run = []  # "told The Observer": a name opens with no article
        elif word[:1].isupper():
            run.append(word)
        elif len(run) >= 2 or word.lower() in _ENDS_DESCRIPTION or word.endswith("ed"):
            break
        else:
            run = []  # one capitalised word describes ("Blues prop", "US singer"); a name is two
    if len(run) >= 2:
        return run[-1]
    if len(after) > 1 and after[0][:1].isupper() and not after[1][:1].isupper() and not after[0].isupper() \
            and not after[0].lower().endswith(_NOT_A_NAME_ENDINGS):
        return after[0]
    return None


def _plain(text: str) -> str:
    """``text`` in lower case without accents ("Temür" is "temur"), as names are compared here (apostrophes kept:
    ``analysis.fold`` drops them, and "Smith's" would no longer hold the word "smith")."""
    return unaccented(text.lower().replace("’", "'"))
