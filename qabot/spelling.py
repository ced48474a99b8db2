"""Spelling: a question word the corpus lacks, corrected against the corpus's own words.

Candidates are the corpus's words within a small edit distance, optimal string alignment (Levenshtein
with a swap of two neighbouring letters counted as one edit: "duaghter" is one edit from "daughter"),
found by rapidfuzz's bit-parallel C scan over the words of about the same length. The closest
candidate wins (for a word typed with a capital, a name the corpus spells with one counts an edit
closer); among equally close ones, one with the same first letter, then the more frequent. A word
the corpus holds is never corrected, nor a word too short to correct safely.

bench/spelling.py measured this against symspellpy on real misspellings of BBC words: the same
accuracy (69 of 70 each), and next to no build (symspellpy's precomputed deletes take over a second,
more than a one-question ``qabot ask`` can spend) for one or two milliseconds a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .analysis import POSSESSIVE_S, find_words, fold


@dataclass(frozen=True)
class SpellingParams:
    """How far a correction may go."""

    min_length: int = 3
    """Words shorter than this are never corrected ("to", "US")."""
    long_word: int = 5
    """Words of at least this many letters may be two edits away from their correction; shorter ones one."""
    max_distance: int = 2
    """The most edits a correction may make."""
    far_word: int = 7
    """A word shorter than this is corrected by two edits only when it holds the same letters ("lybia": Libya)."""
    name_word_share: float = 0.2
    """A word the corpus writes with a capital at least this share of the time is a word of names ("International",
    "Forum", "World"; sentences start with a common word far less often: "side" 1%, "first" 3%): a word typed with a
    capital may be its misspelling one edit away with the same first letter, as it may be a name's ("Contrack
    Internatonal")."""


class Speller:
    """Corrects words against a vocabulary weighted by frequency; built once per index, then shared."""

    def __init__(self, words_with_counts: Iterable[tuple[str, int]], params: SpellingParams | None = None):
        self.params = params or SpellingParams()
        counts: dict[str, int] = {}
        capital: dict[str, int] = {}
        spelled: dict[str, tuple[int, str]] = {}
        for form, count in words_with_counts:
            if count <= 0 or not form[:1].isalpha():
                continue
            if form.endswith(("’s", "'s", "\n")):  # the only forms the substitution can change
                form = POSSESSIVE_S.sub("", form)
            key = form.lower()
            if not key.isascii() or "'" in key:  # else ``fold`` leaves it as it is (most words: no call)
                key = fold(key)
            counts[key] = counts.get(key, 0) + count
            if form[:1].isupper():
                capital[key] = capital.get(key, 0) + count
            if (count, form) > spelled.get(key, (0, "")):  # the commonest spelling; of two as common, the same one
                spelled[key] = (count, form)                 # whatever order the words come in
        self._counts = counts
        self._names = frozenset(k for k, n in capital.items() if 2 * n > counts[k])
        """Words the corpus writes with a capital more often than not: names ("Wang", "Colin", "Kremlin")."""
        share = self.params.name_word_share
        # words the corpus writes with a capital often enough to be words of names (``name_word_share``), names too
        name_words = frozenset(k for k, n in capital.items() if n >= share * counts[k])
        self._spelled = {key: form for key, (_, form) in spelled.items()}
        self._by_length: dict[int, list[str]] = {}
        self._name_words_by_length: dict[int, list[str]] = {}
        """The words of names by length: all a word typed with a capital may be corrected to, a fifth of the words (a
        name's correction scans them alone: a third of the time)."""
        for key in counts:
            if len(key) >= self.params.min_length:
                self._by_length.setdefault(len(key), []).append(key)
                if key in name_words:
                    self._name_words_by_length.setdefault(len(key), []).append(key)

    def __contains__(self, word: str) -> bool:
        return _key(word) in self._counts

    def is_name(self, word: str) -> bool:
        """True when the corpus writes ``word`` with a capital more often than not ("Wang", "Kremlin")."""
        return _key(word) in self._names

    def count(self, word: str) -> int:
        """How often the corpus holds ``word`` (any case)."""
        return self._counts.get(_key(word), 0)

    def correct(self, word: str, common: bool = False) -> str | None:
        """The corpus word ``word`` most likely misspells, as the corpus most often spells it ("Ukraine"
        for "ukrane"); None when the corpus holds ``word`` or has nothing close enough. The fewest edits
        win, a name counting one edit less for a word typed with a capital ("Blare" is "Blair", not "blame");
        then a word with the same first letter (typing seldom gets that one wrong: "abut" is "about", not
        "but"); then the more frequent. A ``common`` word (typed in lower case by someone who capitalises names)
        is corrected only to a common word."""
        found = self.corrections(word, 1, common)
        return found[0] if found else None

    def corrections(self, word: str, n: int = 5, common: bool = False) -> list[str]:
        """The ``n`` corpus words ``word`` most likely misspells, best first, as ``correct`` orders them (a caller
        that can tell which one is meant, a name written beside another word of it, takes the first that is)."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        key = _key(word)
        if key in self._counts or len(key) < self.params.min_length or not key.isalpha():
            return []
        short = len(key) < self.params.long_word
        limit = 1 if short else self.params.max_distance
        typed_name = word[:1].isupper()
        acronym = word.isupper() and len(word) > 1
        found: list[tuple[int, bool, int, str]] = []
        by_length = self._name_words_by_length if typed_name else self._by_length
        for length in range(len(key) - limit, len(key) + limit + 1):
            words = by_length.get(length)
            if not words:
                continue
            for term, distance, _ in process.extract(key, words, scorer=OSA.distance,
                                                      score_cutoff=limit, limit=None):
                name = term in self._names
                if typed_name and not name and (distance > 1 or term[0] != key[0]):
                    continue  # a name is a misspelt name, or a word of names (the only words scanned for it) one slip
                    # away with its first letter ("Internatonal"), never a common word ("Sida" is not "side"; "Vulture"
                    # not "Culture")
                if common and name:
                    continue  # a common word is no misspelt name ("job" is not "Joe")
                if acronym and not (self._spelled.get(term, "").isupper() or distance <= 1 and not short):
                    continue  # "COVID" is no misspelling of "Colin" or "could": an acronym is spelt on purpose
                if acronym and short and sorted(term) != sorted(key):
                    continue  # a short acronym one letter from another is another body ("AFC" is not "ABC"); swapped
                    # letters are a slip ("BCB": BBC)
                if short and term[0] != key[0]:
                    continue  # one edit turns a short word into many others ("ill": all)
                name = typed_name and name
                found.append((int(distance) - name, term[0] != key[0], -self._counts[term], term))
        out = []
        for candidate in sorted(found)[:n]:
            if candidate[0] > 1 and not typed_name and len(key) < self.params.far_word \
                    and sorted(key) != sorted(candidate[3]):
                continue  # two edits turn many a short word into another ("mining": moving); not a jumble ("lybia")
            form = self._spelled.get(candidate[3], candidate[3])
            # a word of names as the question writes it, with a capital ("Internatonal": International), as a name
            # is read in a speaker's phrase
            out.append(form[:1].upper() + form[1:] if typed_name and form[:1].islower() else form)
        return out

    def near_names(self, word: str) -> list[str]:
        """The names the corpus holds one edit from ``word`` (a letter added, dropped, changed or two swapped) with its
        first letter, as the corpus spells them, the commonest first ("Clarke" and "Clare" for "Clark"): the names a
        name the corpus also holds may be typed for."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        key = _key(word)
        if len(key) < self.params.min_length or not key.isalpha():
            return []
        found = []
        for length in (len(key) - 1, len(key), len(key) + 1):
            for term, _, _ in process.extract(key, self._by_length.get(length, ()), scorer=OSA.distance,
                                              score_cutoff=1, limit=None):
                if term != key and term in self._names and term[0] == key[0]:
                    found.append(term)
        return [self._spelled.get(t, t) for t in sorted(found, key=lambda t: (-self._counts[t], t))]

    def correct_words(self, text: str) -> list[tuple[str, str]]:
        """``(word, correction)`` for each word of ``text`` that ``correct`` changes, in order."""
        out = []
        for word in find_words(text):
            fixed = self.correct(word)
            if fixed is not None:
                out.append((word, fixed))
        return out


def _key(word: str) -> str:
    """A word as the speller compares it: lower case, accents and possessive folded ("Wang’s" is wang)."""
    return fold(word.lower())


def written_together(words: list[str], terms: Iterable[str], articles_with: Callable[[str], set[int]],
                     text_of: Callable[[int], str]) -> bool:
    """Whether some article writes ``words`` one after the other, case and accents aside (a name corrected word by
    word must be a name the articles write: "Tony Blair", not "Tony Blake" nor "Angela Marvel"); looked for only
    in the articles that hold every one of ``terms`` (the words' index terms; ``articles_with`` gives a term's
    articles, ``text_of`` an article's text)."""
    found: set[int] | None = None
    for term in terms:
        here = articles_with(term)
        found = here if found is None else found & here
        if not found:
            return False
    pattern = re.compile(r"\b" + r"[\W_]+".join(re.escape(fold(w.lower())) for w in words) + r"\b")
    return any(pattern.search(fold(text_of(a).lower())) for a in sorted(found or ()))
