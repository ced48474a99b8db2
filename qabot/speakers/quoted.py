"""Quoted speech: the patterns that find the speaker set beside a direct quotation ("…," Wang said / "…,"
said Wang / Wang said: "…"), the quotation marks, the words inside them, and whether a place in a text is inside
a quotation.
"""

from __future__ import annotations

import re

from ..lexicon import ARTICLE_SPEECH_FORMS, alternation
from .phrases import VERBS, _APPOSITION, _Lazy, _WHO, _WHO_POSSESSIVE

_CLOSE = r"(?:[”»’]|\"(?<=[^\s:(\[]\"))"
"""A closing quotation mark: a straight one only after a word or punctuation (': "He thinks' opens one). The
look-behind comes after the mark, so a search is skipped through text to the next quotation mark (led by a
look-behind, it was tried at every character)."""
_OPEN = r"[“\"«‘]"

_AFTER_QUOTE = _Lazy(rf"{_CLOSE}\s*,?\s*{_WHO_POSSESSIVE}(?:,[ \t]*\d{{1,3}},|{_APPOSITION})?\s+(?:has\s+|have\s+|had\s+)?"
                          rf"(?:{VERBS})\b")
"""'"...," Wang said', '"...," Hans Arne Kristiansen, a spokesman for the Danish Dairy Board, told the BBC' (an age or
a clause set off by commas between the speaker and the verb)."""
_VERB_FIRST = _Lazy(rf"{_CLOSE}\s*,?\s*(?:{VERBS})\s+{_WHO}")

_SAYS_OPENING = rf"(?:{VERBS})\b(?:\s*that\s*|[^“\"«.]{{0,40}}?)[:,]?\s*{_OPEN}"
"""A verb of speech and the quotation mark it opens ("said: “", "told reporters that “")."""
_BEFORE_QUOTE = _Lazy(rf"{_WHO_POSSESSIVE}\s+{_SAYS_OPENING}")
_SAYS_OPENING_REVERSED = re.compile(rf"{_OPEN}\s*[:,]?(?:\s*taht\s*|[^“\"«.]{{0,40}}?)\b"
                                    rf"(?:{alternation(form[::-1] for form in ARTICLE_SPEECH_FORMS)}|\w+\s+dlot|s?daer)")
"""``_SAYS_OPENING`` written backwards, to be searched for in a sentence written backwards: what every match of
``_BEFORE_QUOTE`` ends with, so a sentence without it is spared that search, the costliest. Only whether it is there
counts, which reading backwards does not change (no look-around in it; ``\\b`` is the same either way); backwards
it starts with the opening quotation mark, so the search skips through text to the next one instead of trying
the verbs at nearly every letter (five times faster; tests check both find the same)."""

_QUOTE_CHARS = "“”\"«»"


def is_quote(sentence: str) -> bool:
    """True when the sentence holds quotation marks around words (two apostrophes, ``''``, count as one mark)."""
    return _QUOTE_MARK.search(sentence) is not None or "''" in sentence


_DOUBLED = re.compile("''")
"""Two apostrophes written for a quotation mark, as some BBC text does (''We gave Gordon a chance,'' said ...)."""


def straighten(text: str) -> str:
    """``text`` with each pair of apostrophes standing for a quotation mark (``''``) written as a straight quotation
    mark and a space, one character for one (offsets kept): closing after a word or punctuation (``," ``), else
    opening (`` "``), so the speaker patterns read it as they read ``"``."""
    if "''" not in text:
        return text
    return _DOUBLED.sub(lambda m: '" ' if m.start() > 0 and not text[m.start() - 1].isspace() else ' "', text)


_LAST_STRAIGHTENED: list = [None, None]
"""The last text ``straightened`` and its result (one slot: the windows of one article follow one another)."""


def straightened(text: str) -> str:
    """``straighten(text)``, remembered for the last text given (the same object): an article of one long paragraph has
    thousands of windows, and straightening the whole text for each made attributing it quadratic (a 1 MB paragraph:
    0.55 s of 0.75 s)."""
    if _LAST_STRAIGHTENED[0] is not text:
        _LAST_STRAIGHTENED[:] = [text, straighten(text)]
    return _LAST_STRAIGHTENED[1]


_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")

_QUOTED = re.compile(r"[“«]([^”»]*)[”»]?|\"([^\"]*)\"?")


def quoted_words(sentence: str) -> str:
    """The words inside the sentence's quotation marks."""
    sentence = straighten(sentence)
    return " ".join(a or b for a, b in _QUOTED.findall(sentence))


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
