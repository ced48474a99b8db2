"""Speaker attribution: who says a sentence's words (``speaker_matching`` then tells whether a question's "X" is
that speaker).

Recognises direct quotations with their attribution ("…," Wang said / said Wang / Wang told Putin
/ according to Wang), reported speech with the speaker as subject ("Mr Blair said the ..."), "he
said" resolved to the last person named before it, and a quotation that continues the previous
speaker's quotation in the same paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from bisect import bisect_left, bisect_right

from .lexicon import (ARTICLE_SPEECH_FORMS, BODY_BACK_REFERENCES, CHARACTERISING_FORMS, DEMONYM_ENDINGS, DOCUMENTS, GROUPS,
                      HONORIFICS, ROLES, SPEAKER_HEADS, SPEECH_ING_FORMS, TITLE_WORDS, TITLES, alternation)
from .speaker_matching import _OWN_S, SpeakerPhrase, _is_head, normal, role_kin, speaker_matches, speaker_phrase, speaker_terms

__all__ = [  # the attribution stage, and the matching stage (``speaker_matching``) as callers have imported it from here
    "SPEAKER_CONTEXT", "VERBS", "Attribution", "People", "attribute", "attribute_paragraph", "described_people",
    "is_quote", "known_people", "last_name_in", "named_bodies", "quoted_words", "speech_hint", "surname_of",
    "SpeakerPhrase", "normal", "role_kin", "speaker_matches", "speaker_phrase", "speaker_terms",
]

VERBS = alternation(ARTICLE_SPEECH_FORMS) + r"|told\s+\w+"
"""Every form of a verb of communication that attributes words in an article ("said", "has warned", "denied")."""
_TITLE = rf"(?:(?:{alternation(TITLE_WORDS)})\.?\s+)"
_NAME = r"(?:[A-Z][\w’'.-]*(?:[ \t]+(?:de|van|von|der|da|al|bin|le|la)\b)?(?:(?<![a-z]{2}\.)[ \t]+[A-Z][\w’'.-]*){0,3})"
"""A capitalised name of up to four words on one line, not run on past a sentence's end ("Sheerman. His")."""
_NAMED = (rf"(?:{_NAME}(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,2}}[A-Z][\w’'.-]*!?(?:[ \t]+[A-Z][\w’'.-]*){{0,2}})?"
          rf"(?:[ \t]+\([A-Z][A-Za-z]{{1,8}}\))?)")
"""A name that may go on with "of" a place or body and an acronym: "Lord Roberts of Conwy", "the Motion Picture
Association of America (MPAA)", "Brett Lock of gay group OutRage!"."""
_HEADS = SPEAKER_HEADS | {w + "s" for w in ROLES | DOCUMENTS if not w.endswith("s")}
_HEAD = rf"(?i:{alternation(_HEADS)})"
"""A word that ends a speaker's noun phrase: a role, a group or a document ("mayor", "officials", "statement")."""
_PLAIN_WORD = rf"(?!(?:{VERBS}|that|which|who|and|but|or|when|while|as|if|after|before|he|she|they|it|has|have|had|is|are|was|were|will|would|also|then|now)\b)[\w.’'-]+"
"""A word of a speaker's phrase: not a verb of speech, a conjunction or a pronoun."""
_MODIFIER = rf"(?:{_PLAIN_WORD}\s+)"
_JOINED = r"(?:and\s+(?=(?!(?:the|a|an|his|her|its|their|he|she|they|it)\b)[\w.’'-]+\s))"
"""An "and" between two words of one role: "the work and pensions minister", "Trade and Industry Secretary"."""
_PHRASE = (rf"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)?(?:{_MODIFIER}{_JOINED}?){{0,3}}{_HEAD}\b(?![’'-])"
           rf"(?:\s+and\s+(?:[a-z][\w-]*\s+){{0,2}}{_HEAD}\b(?=[ \t]+[A-Z]))?"
           rf"(?:\s+(?:of|for|at|on|from|in)\s+(?:the\s+)?[\w.’'-]+(?:\s+{_PLAIN_WORD}){{0,4}})?"
           rf"(?:,\s+{_NAME}(?=\s*[,.;:!?]|$)|[ \t]+(?=[A-Z]){_NAMED})?")
"""A speaker named by a noun phrase: "the mayor of Ferrara, Anna Benedetti", "U.S. officials", "the statement";
two roles of one person before their name: "Nortel president and chief executive Bill Owens"."""
_IS_PHRASE = re.compile(rf"{_PHRASE}$")
_ROLE_HEAD = rf"(?i:{alternation(ROLES)})"
_SPLIT_ROLE = re.compile(rf"^(?P<desc>.*?\b{_ROLE_HEAD})\s+(?P<name>(?:{_TITLE})?[A-Z][^\s]*(?:\s+(?!{_ROLE_HEAD}\b)\S+)*)$")
"""The role and the name of a speaker named after their role."""
_WHO = (rf"(?<![\w.’'-])"
        rf"(?P<who>(?!(?:I|We|You|They|It|This|That)\b)(?:{_PHRASE}|(?:[Tt]he\s+(?=[A-Z]))?{_TITLE}?{_NAMED})"
        rf"|[Hh]e|[Ss]he|[Ii]t|[Tt]hey)(?<![’']s)")


def _possessive(pattern: str) -> str:
    """``pattern`` with each run of a word's letters possessive (never given back): ``[\\w’'.-]*+`` for
    ``[\\w’'.-]*``. Exact where whatever follows such a run starts with a character no run holds (a space, a tab,
    a comma, "(", "!"): a shorter run is followed by a letter then, so no path that gives letters back can
    match. A speaker followed by no verb of speech is then given up at once, not tried again for every shorter
    run of each of its words (the costliest part of the speaker patterns and of the person marks)."""
    return pattern.replace(r"[\w’'.-]*", r"[\w’'.-]*+").replace(r"[\w.’'-]+", r"[\w.’'-]++").replace(
        r"[a-z][\w-]*", r"[a-z][\w-]*+")


_NAME_SET_OFF = rf",\s+{_NAME}(?=\s*[,.;:!?]|$)"
"""The one run in ``_PHRASE`` followed by what may start with a run's character: ", Anna Benedetti." (the
look-ahead takes the full stop back from the name), left as it is."""
_PHRASE_POSSESSIVE = _NAME_SET_OFF.join(_possessive(part) for part in _PHRASE.split(_NAME_SET_OFF))
_WHO_POSSESSIVE = _possessive(_WHO.split(_PHRASE)[0]) + _PHRASE_POSSESSIVE + _possessive(_WHO.split(_PHRASE)[1])
"""``_WHO`` for a pattern that goes on after it with a space or a comma (every pattern but ``_VERB_FIRST`` and
``_ACCORDING``, which end with it: there "’s" after a name is given back to the look-behind); the same matches,
found faster (checked against ``_WHO`` on every sentence of the BBC and SQuAD articles)."""
_PRONOUNS = ("he", "she", "it", "they")
_CLOSE = r"(?:[”»’]|\"(?<=[^\s:(\[]\"))"
"""A closing quotation mark: a straight one only after a word or punctuation (': "He thinks' opens one). The
look-behind comes after the mark, so a search is skipped through text to the next quotation mark (led by a
look-behind, it was tried at every character)."""
_OPEN = r"[“\"«‘]"

_AFTER_QUOTE = re.compile(rf"{_CLOSE}\s*,?\s*{_WHO_POSSESSIVE}(?:,[ \t]*\d{{1,3}},)?\s+(?:has\s+|have\s+|had\s+)?(?:{VERBS})\b")
_VERB_FIRST = re.compile(rf"{_CLOSE}\s*,?\s*(?:{VERBS})\s+{_WHO}")
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+{_WHO}")
_SAYS_OPENING = rf"(?:{VERBS})\b(?:\s*that\s*|[^“\"«.]{{0,40}}?)[:,]?\s*{_OPEN}"
"""A verb of speech and the quotation mark it opens ("said: “", "told reporters that “")."""
_BEFORE_QUOTE = re.compile(rf"{_WHO_POSSESSIVE}\s+{_SAYS_OPENING}")
_SAYS_OPENING_REVERSED = re.compile(rf"{_OPEN}\s*[:,]?(?:\s*taht\s*|[^“\"«.]{{0,40}}?)\b"
                                    rf"(?:{alternation(form[::-1] for form in ARTICLE_SPEECH_FORMS)}|\w+\s+dlot)")
"""``_SAYS_OPENING`` written backwards, to be searched for in a sentence written backwards: what every match of
``_BEFORE_QUOTE`` ends with, so a sentence without it is spared that search, the costliest. Only whether it is there
counts, which reading backwards does not change (no look-around in it; ``\\b`` is the same either way); backwards
it starts with the opening quotation mark, so the search skips through text to the next one instead of trying
the verbs at nearly every letter (five times faster; tests check both find the same)."""
_DESCRIBED = r"(?:(?:[Ff]ormer|[Ee]x-|[Tt]he)\s*)?(?:[A-Z][\w-]++\s+){0,2}(?:(?!(?:to|by|with|from|for|of|at|on|in|about)\s)[a-z][\w-]++\s+){1,3}"
"""Words that describe a person before the name: "former Arsenal keeper", "coach", "the chancellor" (each word's
letters possessive, as in ``_possessive``: a space follows them)."""
_LEAD = r"(?:(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier|Now|Instead),?\s+|(?:In|On|At|During|Speaking)\s[^,“\"]{1,60}+,\s+)"
"""An opening before the subject: "But", "In his opening remarks," (the run before the comma possessive: it holds
no comma, so no shorter run is followed by one)."""
_APPOSITION = (r"(?:,\s+(?:[^,“\"]|,(?=\d)){3,120}?"
               r"(?:,\s+(?:which|who|whose|where)\s(?:[^,“\"]|,(?=\d)){3,120}?)?,)")
"""A clause set off by commas after the subject: "Parry, speaking exclusively to BBC Sport, also admits"; a relative
clause may go on inside it: "Dan Gillmor, founder of Grassroots Media, which supports citizen-based media, said"."""
_REPORTED = re.compile(rf"^\W*{_LEAD}?(?P<desc>{_DESCRIBED})??"
                       rf"{_WHO_POSSESSIVE}{_APPOSITION}?,?\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+|now\s+)?(?:{VERBS})\b")
_REPORTED_MID = re.compile(rf"[,;]\s+(?P<desc>{_DESCRIBED})??{_WHO_POSSESSIVE},?\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:{VERBS})\b(?!\s*[.!]?\s*$)")
_REPORTED_END = re.compile(rf",\s*{_WHO_POSSESSIVE}\s+(?:has\s+|had\s+|have\s+)?(?:{VERBS})\s*[.!]?\s*$")
_VERB_FIRST_FORMS = alternation(ARTICLE_SPEECH_FORMS - {"tell", "tells", "told"})
"""The verbs of speech that may come before their speaker ("said Nokia"; "told Reuters" names whom, not who)."""
class _Lazy:
    """A regular expression compiled when first searched with: each pattern that tries a speaker's phrase costs about
    20 ms to compile, paid at every start of ``qabot`` otherwise, though most questions never attribute a sentence
    and these patterns are searched only in sentences that need them."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str):
        self.source = source
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, *args):
        return self.compiled().search(*args)

    def match(self, *args):
        return self.compiled().match(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)


_SAID_BY_END = _Lazy(rf"[,;]\s*(?:{_VERB_FIRST_FORMS})\s+{_WHO_POSSESSIVE}"
                     rf"(?:,\s+(?:[^,“\"«»”]|,(?=\d)){{3,120}}?)?\s*[.!]?\s*$")
"""Reported speech closed by its speaker after the verb, without quotation marks: "The system would reduce queues,
said Nokia."; "..., said Gerhard Romen, head of market development at Nokia." (a role set off after the name)."""
_CLOSED_BY = _Lazy(rf",\s*{_WHO_POSSESSIVE}(?:,\s+[^,“\"«»”]{{3,80}}?)?\s+(?:has\s+|had\s+)?(?:told|said|says|tells)\b"
                   rf"[^,;“\"«»”]{{0,80}}[.!]?\s*$")
"""Reported speech closed by its speaker and what follows the verb: "..., Alan Milburn, Labour's election
strategist told Radio 4's Today programme on Saturday."."""
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
_SUBJECT_SPEAKS_HINT = re.compile(rf", who\s|\b(?:{_CALLS})\b| and\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:{VERBS})\b"
                                  rf"|\s(?:is|are|was|were|been)\s+(?:also\s+)?(?:{_ING})\b")
"""What every match of ``_SUBJECT_SPEAKS`` holds, searched for first (far cheaper than trying a speaker's phrase)."""
_TOLD_BY = _Lazy(rf"\b(?:was|were|been|being|is|are)\s+(?:also\s+)?told\s+by\s+{_WHO_POSSESSIVE}(?=[\s,.;:])")
"""Speech told by an agent: "The players were told by coach Tom Hale that the match was off"."""
_SAYING = re.compile(rf"^\W*{_LEAD}?{_WHO_POSSESSIVE},?\s+(?:has\s+|had\s+|have\s+)?[a-z]+(?:ed|s)\b[^“\"«;]{{0,120}}?,\s+saying\b")
"""A subject that acts and says why: "Fox producers defended the show, saying it was a ..." (the verb is no
verb of speech; the ", saying" clause is the subject's words)."""
_CHARACTERISING = re.compile(rf"\b(?:{_CALLS})\b")
_QUOTE_CHARS = "“”\"«»"
_DESC_LEAD = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ff]ormer|[Ee]x-)\s+")
_THE = re.compile(r"^[Tt]he\s+")
_TITLED_START = re.compile(rf"{_TITLE}[A-Z]")
_OF = re.compile(r"\s+of\s+")
"""Patterns compiled once: ``re.match(pattern, ...)`` looks the pattern up in ``re``'s cache by its text at every
call, and hashing a long pattern's text (``_TITLE`` holds every title word) cost more than matching it."""
_NOT_NAMES = frozenset(
    "The A An But And However Yet It This That These Those There They We I You In On At For From Of "
    "He She His Her As If When While After Before Meanwhile Officials Analysts Critics Experts Sources Some Many Most "
    "Others People Observers Reports Report Statement Police Government Ministry Company Firm Officials".split()
)
SPEAKER_CONTEXT = 2000
"""Characters before a paragraph read to resolve "he" and to learn who the people are."""
_ROLE = rf"(?:{alternation(ROLES - {'mp', 'mep', 'dj'} | {'MP', 'MEP', 'DJ'})})"


def _word_led(words) -> str:
    """``\\b(?:{alternation(words)})`` written as one branch per first letter that starts with the letter: a
    pattern that starts with a literal is skipped through text fast, one that starts with ``\\b`` is tried at
    every character (for words that start with a capital; lowercase letters are nearly every character)."""
    firsts = sorted({w[0] for w in words})
    return "(?:" + "|".join(
        rf"{re.escape(c)}(?<!\w{re.escape(c)})(?:{alternation(w[1:] for w in words if w[0] == c)})" for c in firsts) + ")"


_NAMED_POSSESSIVE = _possessive(_NAMED)
"""``_NAMED`` with each word's run of letters possessive (never given back), for a name followed by what starts
with a space, a tab, a comma or "(": giving letters back could only leave one before it, so no match is lost or
changed, but a name that is followed by no verb of speech is given up at once instead of once per shorter run of
each word (2.4 times faster as the second person mark, the same marks in all 2,225 BBC articles). Not for a name
followed by a look-ahead or a look-behind (``_PHRASE``'s ", Anna Benedetti." and ``_WHO``'s "’s" take letters
back)."""


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
_DESC_BEFORE = re.compile(rf"(?<![\w’'-]){_DESC_WORD}{{1,3}}$")
"""Up to three words of description just before a role word ("Festival", "Kenteris's", "Plaid Cymru's former")."""
_OF_AFTER = re.compile(r"\s+(?:of|for|at)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){1,3}(?:at|of|for)\s+(?:the\s+)?)?"
                       r"(?:[a-z][\w-]*\s+){0,2}[A-Z][\w’'.-]*"
                       r"(?:\s+(?:and\s+)?[A-Z][\w’'.-]*){0,3}")
"""The body or place a role belongs to: "of the Turkish Central Bank", "for organisers MCD Promoters", "at
Bridgewell Securities", "for Grantham and Stamford", after what the role is of: "of market development at Nokia"."""
_SENTENCE_END = re.compile(r"(?<![A-Z])\.(?=\s|$)")
"""A full stop that ends a sentence inside a body's name run on ("Essentials. The"), not an initial's ("U.S. Treasury")."""
_NAME_AFTER = re.compile(rf"\s+(?P<who>{_TITLE}?(?=[A-Z]){_NAME})")
_COMMA_NAME_AFTER = re.compile(rf",\s+(?P<who>{_TITLE}?(?=[A-Z]){_NAME})(?=[,.;])")
_NAME_COMMA_BEFORE = re.compile(rf"(?P<who>{_TITLE}?(?<![\w’'-])[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){{0,3}}),\s+"
                                rf"(?:the\s+|an?\s+)?$")
_ROLE_WORD = re.compile(rf"(?<![\w’'-]){_ROLE_HEAD}(?![\w’'-])")


_ROLE_WORD_LOWER = re.compile(rf"[^\w’'-]((?:{alternation(ROLES)}))(?![\w’'-])")
_ROLE_WORD_LOWER_FIRST = re.compile(rf"(?:{alternation(ROLES)})(?![\w’'-])")
"""``_ROLE_WORD`` for lowercased text, as the character before a role word and the word (group 1), and for a role
word that starts the text: a case-blind alternation is tried letter by letter at every position and cost more
than the rest of finding descriptions; one led by a class of characters (not a look-behind) is skipped through
text fast, tried only after a character that is no word's."""


def _last_words(before: str, n: int = 3) -> int:
    """Where the last ``n`` words of ``before`` begin (a word is a run without a space or a tab): the only place
    a match of ``_DESC_BEFORE``, up to three words that end it, can start (searched from there, not tried at
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


def _descriptions(text: str):
    """``(description, name, set off by a comma, start, end)`` for each person ``text`` describes by role, found
    from each role word: "Festival director Dieter Kosslick", "Kenteris's lawyer, Gregory Ioannidis,", "Pat
    Ferguson, President of AMBO,", "Anna Benedetti, the mayor of Ferrara." (only around role words, never tried
    at every character); ``start`` and ``end`` are where the role word and the name lie in ``text``."""
    for s, e in _role_words(text):
        role = text[s:e]
        line = text.rfind("\n", 0, s) + 1
        before = text[max(line, s - 100):s]
        d = _DESC_BEFORE.search(before, _last_words(before)) if before.endswith((" ", "\t")) else None
        words = d.group() if d else ""
        desc = words + role
        if (words or role.islower()) and (after := _NAME_AFTER.match(text, e)) is not None:
            yield desc, after.group("who"), False, s, after.end()  # "Festival director Dieter Kosslick", not "Premier League"
        of = _OF_AFTER.match(text, e)
        stop = _SENTENCE_END.search(of.group()) if of else None  # "head of the Turkish Central Bank." ends there,
        end = of.start() + stop.start() if stop else of.end() if of else e  # "of Stuff Essentials. The ..." too
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
        initials = "".join(w[0] for w in re.findall(r"[\w’'-]+", name) if w[0].isupper() and not _OWN_S.search(w))
        if len(initials) >= 2 and _has_word(initials, text):
            out.setdefault(normal(initials), (name,))
            out[head] = (name, initials)
    return out


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
        words = [w for w in name.split() if normal(w) not in HONORIFICS and not _is_head(w)]
        desc = desc.strip()
        if not words or not _is_name(name) or not desc:
            continue
        desc = _DESC_LEAD.sub("", desc)
        roles = found.setdefault(normal(surname_of(name)), [])
        if desc not in roles:
            roles.append(desc)
        full = f"{desc}, {' '.join(words)}"
        if full not in roles:
            roles.append(full)
    return {k: tuple(v) for k, v in found.items()}


_OPENERS = r"^(?:(?:Earlier|Later|Last|Next|Now|Instead|Still|Also|Speaking|But|And|Meanwhile|However)\s+)+"
_OPENERS_RE = re.compile(_OPENERS)
"""Words that open a sentence before a name ("Earlier Mr Kennedy")."""
_CAPS_REST = r"[\w’'-]+(?:\s+[A-Z][\w’'-]+)*(?:\s+of\s+[A-Z][\w’'-]+)?"


def _capital_led() -> re.Pattern:
    """``{_TITLE}?(?<![\\w.])[A-Z]{_CAPS_REST}`` (a name, with any title before it), written as one branch per
    capital letter that starts with the letter: a pattern that starts with a literal is skipped through text
    fast, one that starts with an optional title or a look-behind is tried at every character (four times
    slower, and names are looked for in the 2,000 characters before a "he said")."""
    branches = []
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        rests = [w[1:] for w in TITLE_WORDS if w[0] == letter]
        titled = rf"(?:{alternation(rests)})\.?\s+(?<![\w.])[A-Z]{_CAPS_REST}|" if rests else ""
        branches.append(rf"{letter}(?:{titled}(?<![\w.]{letter}){_CAPS_REST})")
    return re.compile("|".join(branches))


_CAPS = _capital_led()
"""A capitalised name, with a title before it ("Mr Blair", "Prime Minister Tony Blair", "Lord Roberts of Conwy")."""


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's words belong to."""

    speaker: str | None
    """The speaker's name as the article writes it (pronouns resolved), or None."""
    quote: bool
    """True when the sentence holds a direct quotation."""
    continued: bool = False
    """True when the sentence names no speaker but goes on with the quotation of the one before it."""
    head: str | None = None
    """The speaker's head word, lowercased and singular: a surname ("benedetti"), else a role, group or
    document ("mayor", "official", "statement"); None without a speaker."""
    phrase: str | None = None
    """The whole phrase naming the speaker when it says more than ``speaker`` ("The fisheries officer Erik
    Lindqvist" for Erik Lindqvist), else None."""
    roles: tuple[str, ...] = ()
    """What the article calls this speaker elsewhere ("Festival director" for "Mr Kosslick"; ``described_people``)."""

    def said_by(self, asked: str) -> bool:
        """True when the question's speaker phrase ``asked`` ("the mayor", "Benedetti") means this speaker, by
        name, by the phrase that names them here ("the spokesman" going on with "A Bayern spokesman": either), or
        by a role the article gives them elsewhere."""
        return self.speaker is not None and (speaker_matches(asked, self.phrase or self.speaker)
                                             or self.phrase is not None and self.speaker not in self.phrase
                                             and speaker_matches(asked, self.speaker)
                                             or any(speaker_matches(asked, role) for role in self.roles))


def is_quote(sentence: str) -> bool:
    """True when the sentence holds quotation marks around words."""
    return _QUOTE_MARK.search(sentence) is not None


_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")
_POSSESSIVE = re.compile(r"['’]s\b")
_OWNED = re.compile(r"\w[’']s\s+[A-Z]")


def _has_word(word: str, text: str) -> bool:
    """True when ``text`` holds ``word`` as a whole word: ``re.search(rf"\\b{re.escape(word)}\\b", text)``
    without compiling a pattern for every name (a word character is what ``\\w`` matches)."""
    n, end = len(word), len(text)
    i = text.find(word)
    while i >= 0:
        j = i + n
        if ((i > 0 and _is_word_char(text[i - 1])) != (i < end and _is_word_char(text[i]))
                and (j > 0 and _is_word_char(text[j - 1])) != (j < end and _is_word_char(text[j]))):
            return True
        i = text.find(word, i + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _clean(name: str) -> str:
    """A name without possessive (and what follows it) or trailing punctuation."""
    name = _POSSESSIVE.split(name.strip())[0]
    return name.strip().rstrip(",.;:")


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


_HINT_VERB_REVERSED = re.compile(rf"\W(?:{alternation(form[::-1] for form in ARTICLE_SPEECH_FORMS)})")
"""A verb of speech that ends a word (``(?:{VERBS})\\b``), looked for in the sentence written backwards (after a
space put before it): there each form, written backwards, starts a word, so the search is led by the characters
that end words (a fifth of them), not by the first letters of the verbs (nearly every letter), and is tried a
fifth as often (1.6 times faster; "told" alone already holds for "told\\s+\\w+"). Only whether one is there
counts, which reading backwards does not change."""


def speech_hint(sentence: str) -> bool:
    """Whether ``sentence`` holds what every pattern of ``attribute`` needs, a verb of speech, "according" or
    ", saying": ``re.search(rf"(?:{VERBS})\\b|[Aa]ccording|, saying", sentence)``, faster (tests check both find
    the same)."""
    return "according" in sentence or "According" in sentence or ", saying" in sentence \
        or _HINT_VERB_REVERSED.search(" " + sentence[::-1]) is not None


_NO_ONE = Attribution(speaker=None, quote=False)
_QUOTED_PATTERNS = ((_AFTER_QUOTE, ()), (_VERB_FIRST, ()), (_BEFORE_QUOTE, ()), (_ACCORDING, ("ccording",)))
_PLAIN_PATTERNS = ((_REPORTED, ()), (_REPORTED_END, (",",)), (_REPORTED_MID, (",", ";")), (_SAID_BY_END, (",", ";")),
                   (_CLOSED_BY, (",",)), (_TOLD_BY, ("told by",)), (_SUBJECT_SPEAKS, ()), (_ACCORDING, ("ccording",)))
"""The patterns ``attribute`` tries, in order, for a sentence with a quotation and for one without, each with what
it cannot match without (a sentence without any of them is spared its search). Pairs, not a dict keyed by the
pattern: a compiled pattern's hash is worked out from all its compiled code at every look-up (16 to 96 µs for
these, a sixth of attributing a sentence)."""
_QUOTED_FALLBACKS = ((_REPORTED, ()), (_SUBJECT_SPEAKS, ()), (_TOLD_BY, ("told by",)), (_REPORTED_END, (",",)),
                     (_SAID_BY_END, (",", ";")), (_CLOSED_BY, (",",)))
"""For a sentence with a quotation whose speaker is not set beside it: the subject that speaks ("Putin told Wang that
he ... “my friend” ..."), or speaks though no verb of speech follows it, words told by an agent, or reported speech
closed by its speaker ('Turkey would be an "invaluable bridge" to the world, Mr Howard added.'), never a speaker
inside the quotation."""
_HINTS = ((_SUBJECT_SPEAKS, _SUBJECT_SPEAKS_HINT),)
"""Patterns searched only in a sentence that holds what each match holds, found by a cheaper search."""


def _hinted(pattern: re.Pattern, sentence: str) -> bool:
    """False when ``pattern`` has a hint (``_HINTS``) that ``sentence`` lacks: the pattern cannot match."""
    for hinted, hint in _HINTS:
        if pattern is hinted:
            return hint.search(sentence) is not None
    return True


def attribute(sentence: str, previous: Attribution | None, last_name: str | None | Callable[[], str | None], before: str = "",
              known: Callable[[], frozenset[str]] = frozenset,
              speaking: str | None | Callable[[], str | None] = None,
              subject: tuple[str, bool, str] | None | Callable[[], tuple[str, bool, str] | None] = None) -> Attribution:
    """The speaker of ``sentence``.

    ``previous`` is the attribution of the sentence before it in the same paragraph; ``last_name``
    the last person named before this sentence (or a function that finds it), used to resolve "he said" when ``before`` (the text
    before the sentence) names none of the ``known()`` people (surnames seen as speakers or with a
    title or role; a function, as only "he said" needs them); ``speaking`` the last speaker of the paragraph so far (or a
    function that finds it, as only "it said" and a bare quotation need it), whose words an opening
    quotation with no attribution of its own goes on with; ``subject`` the person the sentences just before are
    about (``_subject_before``: a name, whether it is surely a person's and the sentence it is the subject of, or
    a function that finds it), whom "he said" means when no speaker is in the sentence before and no one known to be
    a person is named since; a subject not surely a person's is still preferred to a person named after it in its
    own sentence ("But Hantuchova is upbeat ahead of her clash with Williams.").
    """
    quote = is_quote(sentence)
    who = desc = carried = None
    at = len(sentence)
    for pattern, needs in _QUOTED_PATTERNS if quote else _PLAIN_PATTERNS:
        if pattern is _BEFORE_QUOTE and not _SAYS_OPENING_REVERSED.search(sentence[::-1]):
            continue  # no verb of speech opening a quotation: the costliest search cannot match
        if needs and not any(c in sentence for c in needs):
            continue  # "according" and a clause after a comma, without them
        if not _hinted(pattern, sentence):
            continue
        m = pattern.search(sentence)
        if m and m.group("who") and m.start("who") < at:
            if who is None or m.group("who").lower() not in _PRONOUNS:
                who, desc, at = m.group("who"), m.groupdict().get("desc"), m.start("who")
            if who.lower() not in _PRONOUNS:
                break  # 'Pound said: "I am ... them. "But ...," he added': "he" is the one named before it
    if quote and (who is None or who.lower() in _PRONOUNS and any(c.isupper() for c in _QUOTED.sub("", sentence[:at]))):
        # (without a quotation, these were searched above; a pronoun with no name outside quotation marks before it
        # is left as it is: '"I am sure," he said.')
        for pattern, needs in _QUOTED_FALLBACKS:
            if needs and not any(c in sentence for c in needs):
                continue
            if not _hinted(pattern, sentence):
                continue
            m = pattern.search(sentence)
            if m and m.group("who") and not _quoted_at(sentence, m.start("who")) \
                    and (who is None or m.start("who") < at and m.group("who").lower() not in _PRONOUNS):
                who, desc = m.group("who"), m.groupdict().get("desc")  # 'Leigh said ..., but he told the FT: "..."'
                break
    if who is None and ", saying" in sentence:
        m = _SAYING.search(sentence)
        who = m.group("who") if m else None
    if who is not None and not _IS_PHRASE.match(who) and _OWNED.search(who):
        who = None  # "Brown's Britain, by Robert Peston, says": a thing of Brown's, not Brown
    if who is not None:
        who = who.strip(" ,.;:") if _IS_PHRASE.match(who) else _clean(_THE.sub("", who))  # "Mr Blair's spokesman" is not Blair
        split = None if "," in who or _TITLED_START.match(who) else _SPLIT_ROLE.match(who)
        if split and not desc:  # "Albanian Prime Minister Fatos Nano": Fatos Nano, so described
            who, desc = split.group("name"), split.group("desc") + " "
        if who.lower() in ("he", "she"):
            if previous and previous.speaker:
                who, carried = previous.speaker, previous.phrase  # "he said" is the last speaker, as described
            else:
                found = subject() if callable(subject) else subject
                person, sure, where = found if found and not _has_word(surname_of(found[0]), sentence) else (None, False, "")
                other = _person_before(before, sentence, known())
                if person and other and (_has_word(surname_of(other), before[before.rfind(where) + len(where):])
                                         or not sure and not _has_word(surname_of(other), where)):
                    person = None  # a person named since, or a name not surely a person's named before the subject
                who = person or other or (last_name() if callable(last_name) else last_name)
            if who and _has_word(surname_of(who), sentence):
                who = None  # "he told Blair": the pronoun is someone other than the one named
        elif who.lower() in ("it", "they") or _backward_body(who):  # "It said", "they added", "the company said"
            pronoun = who.lower() if who.lower() in ("it", "they") else "it"
            body = previous.speaker if previous and previous.speaker else None
            if body is None and pronoun == "it" and before.rstrip().endswith("."):  # a body the sentence before is about
                body = _body_before(before[_last_sentence(before):], pronoun, known)
            if body is None:
                body = speaking() if callable(speaking) else speaking
            if not (body and _speaks_as(body, pronoun, known)) and pronoun == "it":
                body = _body_before(before, pronoun, known)  # 'the TUC has said.' ... 'It said data ...'
            if body and _speaks_as(body, pronoun, known) and (who.lower() in ("it", "they") or speaker_phrase(body).names):
                carried = (previous.phrase if previous and previous.speaker == body else None) \
                    if who.lower() in ("it", "they") else f"{who}, {body}"  # "the company, Microsoft": both match
                who = body
            elif who.lower() in ("it", "they"):
                who = None
        elif not (_is_name(who) or _IS_PHRASE.match(who)):
            who = None
        elif _THE.match(who) and (last := _same_role(who, previous, speaking)) is not None:
            who, carried = last  # '"He's got back pain," the spokesman said' after 'A Bayern spokesman said ...'
    if who is not None and quote and not (carried and carried.endswith(f", {who}")):  # a body names itself: "EMI's sales"
        surname = surname_of(who)
        if _has_word(surname, quoted_words(sentence)):
            who = None  # people seldom name themselves: the quotation speaks about them
    continued = False
    if who is None and quote and sentence.lstrip()[:1] in "“\"«":
        if previous is not None and previous.quote and previous.speaker:
            who, continued, carried = previous.speaker, True, previous.phrase
        elif last := speaking() if callable(speaking) else speaking:
            who, continued = last, True  # '"I think we have reached saturation point"' after 'Mr Dein said that ...'
    head = described = None
    if who is not None:
        if desc and not continued and who in sentence and desc.strip().lower() not in ("the", "former"):
            described = f"{desc.strip()} {who}"  # "The fisheries officer" + "Erik Lindqvist"
        phrase = speaker_phrase(described or who)
        head = phrase.surname or phrase.head
    return Attribution(speaker=who, quote=quote, continued=continued, head=head, phrase=described or carried)


def _speaks_as(speaker: str, pronoun: str, known: Callable[[], frozenset[str]]) -> bool:
    """Whether ``pronoun`` ("it" or "they") can stand for ``speaker``: "it" for a body or a document (a
    group word, a company's name), never a person; "they" for a group ("officials", "the Liberal Democrats")."""
    phrase = speaker_phrase(speaker)
    last = speaker.split()[-1]
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
    if phrase.head is None or phrase.head not in ROLES or phrase.head in GROUPS | DOCUMENTS | TITLES or _OF.search(speaker) \
            or not (_THE.match(speaker) or f"the {speaker}" in sentence.replace("The ", "the ")):
        return False
    described = people.described()
    return not any(speaker_phrase(role).head == phrase.head for roles in described.values() for role in roles)
    # (the article gives that role to someone by name: the roles find them)


def _always_the(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` only after "the" ("the Dutchman", never "Dutchman said"): a word for what
    someone is, not a name."""
    return all(text[max(0, m.start() - 4):m.start()].lower() == "the " for m in re.finditer(rf"\b{re.escape(word)}\b", text))


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
    phrase = speaker_phrase(who) if _IS_PHRASE.match(who) else None
    return phrase is not None and not phrase.names and phrase.head in BODY_BACK_REFERENCES \
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
                and not (" " not in name and re.search(rf"\b[A-Z][a-z]+\s+{re.escape(name)}\b", before)):
            # (a one-word name written after a first name is a person's: "Brian McFadden")
            bodies.append(name)
    return bodies[0] if len(bodies) == 1 or len(tail) < 600 and bodies else None


def _last_sentence(text: str) -> int:
    """Where the last sentence of ``text`` starts (0 when it holds one)."""
    breaks = list(_SENTENCE_BREAK.finditer(text, max(0, len(text) - 600)))
    return breaks[-1].end() if breaks else 0


_SUBJECT = _Lazy(rf"^\W*(?:{_LEAD}|For\s+)?(?:{_DESCRIBED})??(?P<who>(?:{_TITLE})?{_NAME})"
                      rf"(?<![’']s)(?=,\s+(?:who|\d)|\s+(?:(?!(?:his|this|its|us|as|thus|plus)\b)[a-z]+(?:s|ed)|is|was|has|had|"
                      rf"have|are|were|will|would|can|could|"
                      rf"did|does|also|then|now|never|still|later)\b)")
"""A name that is a sentence's subject, before its verb: "But Hantuchova is in upbeat mood", "Top seed Roger Federer
had to save", "For Richard Tateson, who worked on ...,"; not "Mr Llwyd's theory"."""
_SUBJECT_REACH = 800
"""How far before a paragraph the sentences that say whom "he said" means are read."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘]?[A-Z])|\n\s*\n")


def _subject_of(sentence: str, known: frozenset[str]) -> tuple[str, bool, str] | None:
    """The person ``sentence`` is about, as its subject, whether the name is surely a person's (titled, ``known``
    or followed by "who"), and the sentence; None for a sentence whose subject is no name."""
    m = _SUBJECT.match(sentence)
    if m is None:
        return None
    name = _clean(m.group("who"))
    if not name or not _is_name(name) or _is_head(name.split()[-1]) or name.endswith("ing") and " " not in name \
            or sentence[max(0, m.start("who") - 4):m.start("who")].lower() == "the ":
        return None  # "Writing his Christmas message, the Bishop said", "The Da Vinci Code claims": no person
    sure = bool(_TITLED_START.match(name)) or surname_of(name) in known or sentence.startswith(", who", m.end())
    return name, sure, sentence


def _subject_before(sentences: list[str], known: frozenset[str]) -> tuple[str, bool, str] | None:
    """The person the last of ``sentences`` are about: the subject of the nearest that has a name for subject (up
    to four sentences back: "Federer was not unduly worried. The world number one was forced to ...")."""
    for sentence in reversed(sentences[-4:]):
        found = _subject_of(sentence, known)
        if found:
            return found
    return None


def _person_before(before: str, sentence: str, known: frozenset[str]) -> str | None:
    """The last person named in ``before`` who is one of the ``known`` and is not named in ``sentence``.

    "Xbox Live" or "USA" named after Mr Gates is no one "he" can be; nor is "Morientes" in
    'He said: "... the deal for Fernando Morientes ..."'.
    """
    if not known:
        return None
    for m in reversed(list(_CAPS.finditer(before))):
        if m.group().endswith(("’s", "'s")) or _quoted_at(before, m.start()) \
                or _listed(before, max(0, m.start() - _LISTED_REACH), m.start()):
            continue  # "he admired Mr Blair's leadership", '"... Tony Blair ...," he wrote', "A, B and C": seldom "he"
        candidate = _clean(_OPENERS_RE.sub("", m.group()))
        if not _is_name(candidate):
            continue
        surname = surname_of(candidate)
        if surname in known and not _has_word(surname, sentence):
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


def _quoted_at(text: str, pos: int) -> bool:
    """True when ``pos`` in ``text`` is inside a quotation (curly quotes by direction; straight ones by
    count within the line)."""
    opened, closed = text.rfind("“", 0, pos), text.rfind("”", 0, pos)
    if opened >= 0 or closed >= 0:
        return opened > closed
    line = text.rfind("\n", 0, pos) + 1
    inside = False
    for i in range(text.find('"', line, pos), pos) if '"' in text[line:pos] else ():
        if text[i] == '"':  # one after a space opens, one after a word closes: '... them. "But ...," he added'
            inside = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"
    return inside


def surname_of(name: str) -> str:
    """A name's last word before any "of" place or body ("Roberts" for "Lord Roberts of Conwy")."""
    words = _OF.split(name, maxsplit=1)[0].split()
    return words[-1] if words else name


def known_people(text: str) -> frozenset[str]:
    """Surnames that ``text`` shows to be people's: speakers ("Wang said", "said Wang"), titled
    ("Mr Gates") or named with a role ("coach Luis Aragones")."""
    return People(text).known(0, len(text))


class People:
    """What one article's text shows about its people, found once for the whole article and shared by the
    paragraphs attributed in it: the surnames known to be people's (``known_people``), each by where it is
    named, and what the article calls each person by role (``described_people``)."""

    def __init__(self, text: str):
        self.text = text
        self._descriptions: list[tuple[str, str, bool, int, int]] | None = None
        self._marks: list[tuple[list[tuple[int, int, str]], list[int]]] | None = None
        self._searches: list = []
        self._reached: list[int] = []
        self._described: dict[str, tuple[str, ...]] | None = None

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


def attribute_paragraph(text: str, spans: list[tuple[int, int]],
                        people_known: Callable[[], frozenset[str]] | None = None,
                        people: People | None = None) -> list[Attribution]:
    """The speaker of each sentence (``spans`` into ``text``) of one paragraph, in order.

    "he said" is resolved with the previous sentence's speaker, else the last person named before
    the sentence who is known to be a person, else the last name before it (the 2,000 characters
    before the paragraph included). ``people_known`` (a function giving ``known_people`` of the whole
    text, called only when a "he" needs it, for a caller that attributes many paragraphs of one article)
    saves finding them around each paragraph; ``people`` (the ``People`` of ``text``, kept by a caller that
    attributes many passages of one article) finds them once for the whole text and gives those of the
    2,000 characters before the paragraph and the paragraph, as without it.
    """
    if not spans:
        return []
    previous: Attribution | None = None
    window = max(0, spans[0][0] - SPEAKER_CONTEXT)
    found: list[frozenset[str]] = []
    names: dict[int, str | None] = {}

    def last_before(i: int) -> str | None:
        """The last name before sentence ``i`` (looked for only when a "he said" needs it)."""
        for j in range(i - 1, -2, -1):
            if j not in names:
                names[j] = last_name_in(text[window:spans[0][0]] if j < 0 else text[spans[j][0]:spans[j][1]])
            if names[j]:
                return names[j]
        return None

    def known() -> frozenset[str]:
        if not found:
            if people is not None:
                found.append(people.known(window, spans[-1][1]))
            else:
                found.append(people_known() if people_known else known_people(text[window:spans[-1][1]]))
        return found[0]

    speaking: str | None = None
    since: list[str] = []  # the sentences without a speaker since ``speaking`` spoke, not yet looked at

    def still_speaking() -> str | None:
        """``speaking``, unless someone else came in since they spoke: a later bare quotation is not surely the
        speaker's (looked at only when a sentence needs the speaker, so ``known`` is seldom found for it)."""
        nonlocal speaking
        if speaking and since:
            if any(n != surname_of(speaking) and n in known() for sentence in since for n in _surnames(sentence)):
                speaking = None
            since.clear()
        return speaking

    def subject(i: int) -> tuple[str, bool, str] | None:
        """The person the sentences before sentence ``i`` are about (``_subject_before``): a person who spoke in one
        is surely theirs (looked for only when a "he said" needs it)."""
        for j in range(i - 1, max(-1, i - 5), -1):
            said = out[j].speaker
            if said and speaker_phrase(said).names and not said.isupper() and not _speaks_as(said, "they", known):
                return said, True, text[spans[j][0]:spans[j][1]]
            found = _subject_of(text[spans[j][0]:spans[j][1]], known())
            if found:
                return found
        if i >= 4:
            return None
        lo = max(window, spans[0][0] - _SUBJECT_REACH)
        lead = _SENTENCE_BREAK.split(text[lo:spans[0][0]].strip())
        return _subject_before(lead[1 if lo > 0 else 0:][-(4 - i):], known())  # not a sentence cut at its start

    out = []
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        if not is_quote(sentence) and not speech_hint(sentence) \
                and not (" as " in sentence and _CHARACTERISING.search(sentence)):  # the cheaper tests first
            previous = _NO_ONE  # no verb of speech, no quotation: no pattern below can find a speaker
        else:
            previous = attribute(sentence, previous, lambda i=i: last_before(i), text[window:s], known, still_speaking,
                                 lambda i=i: subject(i))
        if previous.speaker and previous.phrase is None and _is_epithet(previous.speaker, sentence, people or People(text)):
            about = subject(i)  # "the Dutchman said", "The legal assistant said": the person the paragraph is about,
            # when surely a person (not "Fox" for "The director said" after "Fox has bought the rights")
            if about and about[1] and about[0] != previous.speaker and not _has_word(surname_of(about[0]), sentence):
                person = about[0]
                previous = replace(previous, speaker=person, phrase=f"{previous.speaker}, {person}",
                                   head=normal(surname_of(person)))
        out.append(previous)
        if previous.speaker:
            speaking = previous.speaker
            since.clear()
        elif speaking:
            since.append(sentence)
    return out


def _surnames(sentence: str) -> list[str]:
    """The last word of every capitalised name in ``sentence``."""
    return [surname_of(_clean(m.group())) for m in _CAPS.finditer(sentence) if _clean(m.group())]
