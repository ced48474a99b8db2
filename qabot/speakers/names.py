"""Names in running text: a capitalised name (``_CAPS``), the last one before a "he said" (``last_name_in``),
words that are no name ("The", "However"), a name cleaned of its possessive, its surname, and a whole-word test
that compiles no pattern per name.
"""

from __future__ import annotations

import re

from ..lexicon import TITLE_WORDS, alternation
from .phrases import _OF, _Lazy

_NOT_NAMES = frozenset(
    "The A An But And However Yet It This That These Those There They We I You In On At For From Of "
    "He She His Her As If When While After Before Meanwhile Officials Analysts Critics Experts Sources Some Many Most "
    "Others People Observers Reports Report Statement Police Government Ministry Company Firm Officials".split()
)

_OPENERS = r"^(?:(?:Earlier|Later|Last|Next|Now|Instead|Still|Also|Speaking|But|And|Meanwhile|However)\s+)+"
_OPENERS_RE = re.compile(_OPENERS)
"""Words that open a sentence before a name ("Earlier Mr Kennedy")."""
_CAPS_REST = r"[\w’'-]+(?:\s+[A-Z][\w’'-]+)*(?:\s+of\s+[A-Z][\w’'-]+)?"


def _capital_led() -> _Lazy:
    """``{_TITLE}?(?<![\\w.])[A-Z]{_CAPS_REST}`` (a name, with any title before it), written as one branch per
    capital letter that starts with the letter: a pattern that starts with a literal is skipped through text
    fast, one that starts with an optional title or a look-behind is tried at every character (four times
    slower, and names are looked for in the 2,000 characters before a "he said")."""
    branches = []
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        rests = [w[1:] for w in TITLE_WORDS if w[0] == letter]
        titled = rf"(?:{alternation(rests)})\.?\s+(?<![\w.])[A-Z]{_CAPS_REST}|" if rests else ""
        branches.append(rf"{letter}(?:{titled}(?<![\w.]{letter}){_CAPS_REST})")
    return _Lazy("|".join(branches))


_CAPS = _capital_led()
"""A capitalised name, with a title before it ("Mr Blair", "Prime Minister Tony Blair", "Lord Roberts of Conwy")."""

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


def surname_of(name: str) -> str:
    """A name's last word before any "of" place or body ("Roberts" for "Lord Roberts of Conwy")."""
    words = _OF.split(name, maxsplit=1)[0].split()
    return words[-1] if words else name


def _surnames(sentence: str) -> list[str]:
    """The last word of every capitalised name in ``sentence``."""
    return [surname_of(_clean(m.group())) for m in _CAPS.finditer(sentence) if _clean(m.group())]
