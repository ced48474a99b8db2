"""The pieces of pattern that name a speaker, shared by every stage of attribution: the verbs of speech
(``VERBS``), a name and a title, a speaker's noun phrase ("the mayor of Ferrara, Anna Benedetti"), the speaker's
place in a pattern (``_WHO``, and ``_WHO_POSSESSIVE``, the same matches found faster), what may stand before a
subject, and ``_Lazy``, a pattern compiled when first searched with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import ARTICLE_SPEECH_FORMS, DOCUMENTS, ROLES, SPEAKER_HEADS, SPEECH_LEMMAS, TITLE_WORDS, alternation, forms

READ_FORMS = r"reads?(?=:?[ \t]*[“\"«]|[.,][ \t]*(?:[“\"«]|$))"
"""What a text is said to read, only right before its quotation or closing it ("A BBC statement read: "...";
'"...," a BBC statement read.'): "He read the report" is no speech."""
STATE_FORM = r"state(?=\s+that\b)"
""""state" as a verb of speech only before "that" ("The planning documents state that ..."): else it is most often a
noun ("state media", "a police state")."""
_GOES_ON = frozenset(forms("go on")) & ARTICLE_SPEECH_FORMS
GOES_ON_FORM = (rf"(?:{alternation(_GOES_ON)})"
                rf"(?!\s+to\s+(?!(?:{alternation(forms(lemma)[0] for lemma in SPEECH_LEMMAS)})\b)[^“\"«]*$)")
""""went on" as a verb of speech but before "to" and a verb that is none, unless a quotation follows ("He went on: ...",
"she went on to warn", 'He went on to reflect on the values that "most Britons hold dear"'; not "The chancellor went
on to put up National Insurance", "went on to win the title")."""
VERBS = alternation(ARTICLE_SPEECH_FORMS - _GOES_ON) + rf"|{GOES_ON_FORM}|told\s+\w+|{READ_FORMS}|{STATE_FORM}"
"""Every form of a verb of communication that attributes words in an article ("said", "has warned", "denied"), and
"read" right before a quotation ("A BBC statement read: "...")."""
_TITLE = rf"(?:(?:{alternation(TITLE_WORDS)})\.?\s+)"
_NAME = r"(?:[A-Z][\w’'.-]*(?:[ \t]+(?:de|van|von|der|da|al|bin|le|la)\b)?(?:(?<![a-z]{2}\.)[ \t]+[A-Z][\w’'.-]*){0,3})"
"""A capitalised name of up to four words on one line, not run on past a sentence's end ("Sheerman. His")."""
_NAMED = (rf"(?:{_NAME}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,2}}|(?:from|at)[ \t]+(?:the[ \t]+)?)[A-Z][\w’'.-]*!?(?:[ \t]+[A-Z][\w’'.-]*){{0,2}})?"
          rf"(?:[ \t]+\([A-Z][A-Za-z]{{1,8}}\))?)")
"""A name that may go on with "of" a place or body and an acronym: "Lord Roberts of Conwy", "the Motion Picture
Association of America (MPAA)", "Brett Lock of gay group OutRage!", "David Noone from Intervoice", "David Anders at
Merrill Lynch"."""
_HEADS = SPEAKER_HEADS | {w + "s" for w in ROLES | DOCUMENTS if not w.endswith("s")} \
    | {w + "es" for w in ROLES | DOCUMENTS if w.endswith(("s", "sh", "ch", "x"))}  # "Rover bosses", "coaches"
_HEAD = rf"(?i:{alternation(_HEADS)})"
"""A word that ends a speaker's noun phrase: a role, a group or a document ("mayor", "officials", "statement")."""
_PLAIN_WORD = rf"(?!(?:{VERBS}|that|which|who|and|but|or|when|while|as|if|after|before|he|she|they|it|has|have|had|is|are|was|were|will|would|also|then|now)\b)[\w.’'-]+"
"""A word of a speaker's phrase: not a verb of speech, a conjunction or a pronoun."""
_MODIFIER = rf"(?:{_PLAIN_WORD}\s+)"
_JOINED = r"(?:and\s+(?=(?!(?:the|a|an|his|her|its|their|he|she|they|it)\b)[\w.’'-]+\s))"
"""An "and" between two words of one role: "the work and pensions minister", "Trade and Industry Secretary"."""
_PHRASE = (rf"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)?(?:{_MODIFIER}{_JOINED}?){{0,3}}{_HEAD}\b(?![’'-])"
           rf"(?:\s+and\s+(?:[a-z][\w-]*\s+){{0,2}}{_HEAD}\b(?=[ \t]+[A-Z]))?"
           rf"(?:\s+(?:of|for|at|on|from|in)\s+(?:the\s+)?[\w.’'-]+(?:\s+(?:{_PLAIN_WORD}|and(?=\s+[A-Z]))){{0,4}})?"
           rf"(?:,\s+{_NAME}(?=\s*[,.;:!?]|$)|[ \t]+(?=[A-Z]){_NAMED})?")
"""A speaker named by a noun phrase: "the mayor of Ferrara, Anna Benedetti", "U.S. officials", "the statement";
two roles of one person before their name: "Nortel president and chief executive Bill Owens"."""


class _Lazy:
    """A regular expression compiled when first searched with: each pattern that tries a speaker's phrase costs about
    20 ms to compile (15 ms from ``regexcache``'s stored program), paid at every start of ``qabot`` otherwise, though
    most questions never attribute a sentence (and none does over an index with its speakers stored) and these
    patterns are searched only in sentences that need them. Once compiled, the pattern's own methods stand in for
    these (set on the instance): a search costs what the pattern's does."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        """The pattern's text, as ``re.Pattern.pattern``."""

    def _compile(self) -> re.Pattern:
        compiled = re.compile(self.pattern)
        self.search, self.match = compiled.search, compiled.match
        self.finditer, self.findall = compiled.finditer, compiled.findall
        return compiled

    def search(self, *args):
        return self._compile().search(*args)

    def match(self, *args):
        return self._compile().match(*args)

    def finditer(self, *args):
        return self._compile().finditer(*args)

    def findall(self, *args):
        return self._compile().findall(*args)

    def __getattr__(self, name: str):  # the pattern's other attributes (``groupindex``, ``sub``, ...)
        if name == "pattern" or name.startswith("__"):  # not made yet (a copy being made): nothing to compile
            raise AttributeError(name)
        return getattr(self._compile(), name)


_IS_PHRASE = _Lazy(rf"{_PHRASE}$")


@lru_cache(maxsize=8192)
def is_phrase(who: str) -> bool:
    """``_IS_PHRASE.match(who) is not None``: whether ``who`` is a speaker's noun phrase, remembered (attributing a
    sentence asks it up to six times of the same speaker, and a cold run of the BBC speech questions 20,782 times
    of 1,967 texts; the match cost a tenth of attributing)."""
    return _IS_PHRASE.match(who) is not None
_ROLE_HEAD = rf"(?i:{alternation(ROLES)})"
_SPLIT_ROLE = _Lazy(rf"^(?P<desc>.*?\b{_ROLE_HEAD})\s+(?P<name>(?:{_TITLE})?[A-Z][^\s]*(?:\s+(?!{_ROLE_HEAD}\b)\S+)*)$")
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

_DESCRIBED = r"(?:(?:[Ff]ormer|[Ee]x-|[Tt]he)\s*)?(?:[A-Z][\w-]++\s+){0,2}(?:(?!(?:to|by|with|from|for|of|at|on|in|about)\s)[a-z][\w-]++\s+){1,3}"
"""Words that describe a person before the name: "former Arsenal keeper", "coach", "the chancellor" (each word's
letters possessive, as in ``_possessive``: a space follows them)."""
_LEAD = r"(?:(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier|Now|Instead),?\s+|(?:In|On|At|During|Speaking)\s[^,“\"]{1,60}+,\s+)"
"""An opening before the subject: "But", "In his opening remarks," (the run before the comma possessive: it holds
no comma, so no shorter run is followed by one)."""
_APPOSITION = (r"(?:,[ \t]*\d{1,3}(?:,\s+[^,“\"]{3,120}?)?,|[ \t]+\(\d{1,3}\)|[ \t]+[-–—][ \t]+[^-–—,“\"]{3,120}?[ \t]+[-–—]|,\s+(?:[^,“\"]|,(?=\d)){3,120}?"
               r"(?:,\s+(?:which|who|whose|where)\s(?:[^,“\"]|,(?=\d)){3,120}?)?,)")
"""A clause set off by commas after the subject: "Parry, speaking exclusively to BBC Sport, also admits"; a relative
clause may go on inside it: "Dan Gillmor, founder of Grassroots Media, which supports citizen-based media, said";
or an age, alone or before what they are: "Mr Hague, 43, told the Daily Telegraph", "Kate McDonald, 29, a nurse,
said", "John Smith (45) said"; or a clause between dashes: "Andrei Illarionov - then economic
adviser to President Vladimir Putin - told"."""

_VERB_FIRST_FORMS = alternation(ARTICLE_SPEECH_FORMS - {"tell", "tells", "told"})
"""The verbs of speech that may come before their speaker ("said Nokia"; "told Reuters" names whom, not who)."""
_THE = re.compile(r"^[Tt]he\s+")
_TITLED_START = re.compile(rf"{_TITLE}[A-Z]")
_OF = re.compile(r"\s+of\s+")
"""Patterns compiled once: ``re.match(pattern, ...)`` looks the pattern up in ``re``'s cache by its text at every
call, and hashing a long pattern's text (``_TITLE`` holds every title word) cost more than matching it."""

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
