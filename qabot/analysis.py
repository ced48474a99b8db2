"""Analysis: text to BM25 terms. One analyzer serves indexing, questions and highlighting.

Steps: Unicode folding (curly apostrophes, accents), lowercasing, possessives ("Wang’s" -> wang),
English stopwords, Snowball English stemming (PyStemmer, C).
"""

from __future__ import annotations

import re
import unicodedata

import Stemmer

ANALYZER_VERSION = 7
"""Bumped whenever a file's passages or terms would come out differently (4: blingfire once per article;
5: an article's headline is searched with its first passage; 6: a byline, role line and date written one
under another are read apart, no longer glued into the first paragraph; 7: a stopword written in capitals,
"WHO", "US", "IT", is a name with a term of its own);
an index built with another version is re-tokenized in full."""

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""A word: letters and digits, with inner apostrophes ("don't", "Wang’s")."""
_TOKEN_NO_UNDERSCORE = re.compile(r"\w+(?:['’]\w+)*")
"""``TOKEN`` for text without an underscore, where the two match alike; it matches a third faster."""
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
"""``TOKEN`` for text all in ASCII (most articles: 97% of the BBC's sentences), where the two match alike (an ASCII
word character is a letter, a digit or "_", and "’" is not ASCII); it matches twice as fast."""


def find_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """``TOKEN.findall(text, start, end)``, with a faster pattern for a stretch all in ASCII (Python knows it of every
    string without looking: the stretch is copied out to ask) or, else, with no underscore."""
    if start or end is not None:
        text = text[start:end]
    if text.isascii():
        return _ASCII_TOKEN.findall(text)
    return (TOKEN if "_" in text else _TOKEN_NO_UNDERSCORE).findall(text)

STOPWORDS = frozenset(
    """a about above after again against ain all am an and any are aren aren't as at be because been
    before being below between both but by can couldn couldn't d did didn didn't do does doesn doesn't
    doing don don't down during each few for from further had hadn hadn't has hasn hasn't have haven
    haven't having he her here hers herself him himself his how i if in into is isn isn't it it's its
    itself just ll m ma me mightn mightn't more most mustn mustn't my myself needn needn't no nor not
    now o of off on once only or other our ours ourselves out over own re s same shan shan't she she's
    should should've shouldn shouldn't so some such t than that that'll the their theirs them
    themselves then there these they this those through to too under until up ve very was wasn wasn't
    we were weren weren't what when where which while who whom why will with won won't wouldn
    wouldn't y you you'd you'll you're you've your yours yourself yourselves""".split()
)
"""English stopwords (NLTK's list), matched after folding and before stemming."""


POSSESSIVE_S = re.compile(r"['’]s$")
"""A possessive's ending as written ("Wang’s", "Nintendo's"), taken off a word before it is counted or compared."""


def fold(token: str) -> str:
    """Fold one lowercased token: curly to straight apostrophe, possessive dropped, accents removed."""
    token = token.replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    if "'" in token and token not in STOPWORDS:
        token = token.replace("'", "")
    return token if token.isascii() else unaccented(token)


def unaccented(text: str) -> str:
    """``text`` without accents ("Temür" is "Temur"): its NFKD form without the combining marks."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    marks = [ord(c) for c in set(decomposed) if unicodedata.combining(c)]  # each distinct character looked at once
    return decomposed.translate(dict.fromkeys(marks)) if marks else decomposed  # (an article's text is long)


class Analyzer:
    """Turns text into terms; holds the stemmer (which caches), so make one and reuse it."""

    CACHE_WORDS = 1 << 19
    """How many distinct words ``terms`` remembers the term of before it starts afresh."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._cache: dict[str, str] = {}

    def stem(self, words: list[str]) -> list[str]:
        """Stem already folded, non-stopword words."""
        return self._stemmer.stemWords(words)

    def terms(self, text: str) -> list[str]:
        """The terms of ``text`` in order, repeats kept (what BM25 counts)."""
        return [t for t in self._each(find_words(text)) if t]

    def terms_of(self, words: list[str]) -> list[str]:
        """The term of each word found by ``TOKEN`` in order ("" for a stopword): ``terms`` without the
        search for the words, for a caller that has them already."""
        return self._each(words)

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """``(term, start, end)`` for every non-stopword word of ``text``, offsets into ``text``."""
        found = list(TOKEN.finditer(text))
        return [(t, m.start(), m.end()) for t, m in zip(self._each([m.group() for m in found]), found) if t]

    def _each(self, words: list[str]) -> list[str]:
        """The term of each word ("" for a stopword), each distinct word analysed once and remembered.

        Words are found before lowercasing: "İ".lower() is "i" + a combining dot, which is not a
        word character and would cut "İstanbul" in two."""
        cache = self._cache
        missing = set(words).difference(cache)
        if missing:
            if len(cache) + len(missing) > self.CACHE_WORDS:
                cache.clear()
                missing = set(words)  # every word, once the cache starts afresh
            for word in missing:
                cache[word] = self.term(word)
        return list(map(cache.__getitem__, words))

    def term(self, word: str) -> str:
        """The term of one word as found in the text, or "" for a stopword; a stopword written in capitals is an
        acronym ("WHO", "US", "IT"), whose term is the word as written (no other term has a capital)."""
        if word.isupper() and len(word) > 1 and word.isalpha() and word.lower() in STOPWORDS:
            return word
        word = word.lower()
        if not word.isascii() or "'" in word:
            word = fold(word)
        if not word or word in STOPWORDS:
            return ""
        return self._stemmer.stemWord(word)

    def words(self, text: str) -> list[str]:
        """The folded words of ``text`` before stopwords and stemming (for question analysis)."""
        return [fold(w.lower()) for w in find_words(text)]

    def words_as_written(self, text: str) -> list[tuple[str, str]]:
        """``(folded word, the word as written)`` for each word of ``text`` (a possessive "’s" left off the latter)."""
        out = []
        for w in find_words(text):
            shown = w[:-2] if w.endswith(("'s", "’s", "'S", "’S")) else w
            out.append((fold(w.lower()), shown))
        return out
