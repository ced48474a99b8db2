"""Sentences as answering reads them: each passage's sentences analysed once (terms, numbers, dates,
names, places, quotation marks, an opening pronoun) and kept for later questions, read through the
``Corpus`` protocol only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..analysis import Analyzer, find_words, fold
from ..forms import irregular_forms
from ..lexicon import MOTION_TO, NOT_PLACE_WORDS, PLACE_NOUNS, PLACE_QUALIFIERS, VENUES
from ..model import Article, Passage
from ..retrieval import Corpus, Retriever
from .params import AnswerParams

NUMBER = re.compile(r"(?=[\dotfsenhmbd])(?:\d(?:[\d,.]*\d)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|double|"
                    r"twice)\b)", re.I)
"""A number in digits or words. (The lookahead, every first character the two can start with, matches
nothing of its own: it lets the scan skip the other characters, twice as fast.)"""
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
                          "hundred thousand million billion dozen half double twice".split())
"""``NUMBER``'s number words (``tests/test_speakers.py`` checks they are its words)."""
_DIGITS = re.compile(r"\d(?:[\d,.]*\d)?")
"""``NUMBER``'s numbers in digits."""
MONEY = re.compile(r"[$£€¥\d](?:(?<=[$£€¥])\s?\d|(?<=\d)\s?(?:%|per\s?cent\b|percent\b|million\b|billion\b|bn\b|m\b|"
                   r"dollars\b|pounds\b|euros\b|cents?\b|pence\b|p\b))", re.I)
r"""An amount: ``[$£€¥]\s?\d|\d\s?(?:%|per cent|million|...)``, led by a class of its first characters (as ``NUMBER``)."""
DATE = re.compile(r"1(?<!\w1)[0-9]\d\ds?\b|2(?<!\w2)0\d\ds?\b|J(?<!\wJ)(?:anuary|une|uly|an|un|ul)\b|"
                  r"F(?<!\wF)(?:ebruary|eb|riday)\b|M(?<!\wM)(?:arch|ay|ar|onday)\b|A(?<!\wA)(?:pril|ugust|pr|ug)\b|"
                  r"S(?<!\wS)(?:eptember|ep|ept|aturday|unday)\b|O(?<!\wO)(?:ctober|ct)\b|N(?<!\wN)(?:ovember|ov)\b|"
                  r"D(?<!\wD)(?:ecember|ec)\b|T(?<!\wT)(?:uesday|hursday)\b|W(?<!\wW)ednesday\b|"
                  r"c(?<!\wc)(?:entury|enturies)\b|d(?<!\wd)ecade\b|y(?<!\wy)esterday\b|t(?<!\wt)(?:oday|omorrow)\b")
r"""A year (1000 to 2099, "1990s"), a month, a weekday or a time word ("century", "yesterday"), as
``\b(?:1[0-9]\d\d|20\d\d)s?\b|\b(?:January|...|tomorrow)\b`` finds it, written as one branch per first character
that starts with the character (each ``X(?<!\wX)`` is ``\bX``): skipped through text fast, not tried at every
character."""
_CAPS = re.compile(r"[\s(]([A-Z][\w’'-]+)")
r"""A capitalised word after white space or "(" (``(?<=[\s(])[A-Z][\w’'-]+``: the character before is taken, not
looked behind at, so a search skips through text to it; it can never be the end of the match before)."""
_NAME = r"[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*"
"""A name: one or more words written with a capital ("Shri Swaminarayan Mandir Temple")."""
_PLACE = re.compile(rf"(?=[iIaAfFnNtTo])\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Aa]cross|[Tt]hroughout|[Oo]utside|[Aa]round|(to|of))"
                    rf"\s+(?:the\s+)?(?:(?:{'|'.join(PLACE_QUALIFIERS)})\s+){{0,2}}({_NAME})")
"""A name after a preposition that says where: "in Neasden", "at the Islington Academy", "near Manchester"; after
"to" only following a word of motion ("moved to London", ``lexicon.MOTION_TO``), after "of" only following a word
for a kind of place ("the Mowden area of Darlington", ``lexicon.PLACE_NOUNS``)."""
_BEFORE = re.compile(r"([\w-]+|,)\s*$")
"""The word (or comma) before "to" or "of"."""
_VENUE = re.compile(rf"(?=[Tt]he\s+[A-Z])\b[Tt]he\s+((?:[A-Z][\w’'&-]*\s+)+(?:{'|'.join(sorted(v.capitalize() for v in VENUES))}))\b(?!\s+[A-Z])")
"""A venue's name after "the", written with capitals and ending in a word of ``lexicon.VENUES`` ("visit the Shri
Swaminarayan Mandir Temple", "the Mottram Hall hotel"): "the" tells it from a person of that surname ("Charlotte
Church"); a name going on past the word is something else's ("the Kennedy Center Honors")."""
_ASKS = re.compile(r"\s*(?:Q|Question)\s*[:.)]\s")
"""A question of an article of questions and answers: "Q: Who can apply?"."""
_ANSWERS = re.compile(r"\s*(?:A|Answer)\s*[:)]\s")
"""Its answer: "A: Homeowners and private landlords ..."."""
PRONOUNS = frozenset("he she it they this these his her its their".split())
_ANAPHORA = PRONOUNS | frozenset("those there such both the".split())


_REST = ("numbers", "money", "dates", "names", "places", "quote", "anaphor", "pronoun")
"""A ``Sentence``'s fields analysed only when first asked for (its terms are analysed when it is read)."""


def _places(sentence: str) -> list[str]:
    """The names of places ``sentence`` writes (``_PLACE``, ``_VENUE``), each as written: not a name that opens with a
    date ("in October", ``DATE``) or with a word of ``lexicon.NOT_PLACE_WORDS`` ("from Mr Brown", "in The Times")."""
    found = []
    for m in _PLACE.finditer(sentence):
        to_or_of, name = m.groups()
        if to_or_of:
            before = _BEFORE.search(sentence, max(0, m.start() - 40), m.start())
            word = before[1].lower() if before else ""
            if not (word in MOTION_TO if to_or_of == "to" else word == "," or word in PLACE_NOUNS):
                continue
        first = name.split(None, 1)[0]
        if first.lower() not in NOT_PLACE_WORDS and not DATE.fullmatch(first):
            found.append(name)
    found.extend(m for m in _VENUE.findall(sentence) if m.split(None, 1)[0].lower() not in NOT_PLACE_WORDS)
    return found


class Sentence:
    """A sentence of a passage, analysed once and kept for later questions. Its ``terms`` and ``irregular`` are
    analysed when it is read; the rest (``numbers`` ... ``pronoun``) when one of them is first asked for: most
    sentences a question reads are scored on their terms alone (``features.candidates`` looks no further at a
    sentence that holds none of the question's words). The same values either way (``tests/test_read_once.py``)."""

    __slots__ = ("start", "end", "terms", "irregular", "_said", "_analyzer", "_rest")

    start: int
    """Character offset in the article text."""
    end: int
    """Character offset just past the sentence."""
    terms: tuple[str, ...]
    """The sentence's analysed terms, in order."""
    irregular: frozenset[str]
    """Terms of the words whose irregular forms the sentence holds ("won": the term of "win")."""

    def __init__(self, start: int, end: int, terms: tuple[str, ...], irregular: frozenset[str], said: str,
                 analyzer: Analyzer, rest: tuple | None = None):
        self.start, self.end, self.terms, self.irregular = start, end, terms, irregular
        self._said, self._analyzer, self._rest = said, analyzer, rest

    @property
    def numbers(self) -> frozenset[str]:
        """The numbers the sentence holds, as written and lowercased ("1,400", "two")."""
        return (self._rest or self._analyse())[0]

    @property
    def money(self) -> bool:
        """The sentence holds an amount (money, a percentage, millions)."""
        return (self._rest or self._analyse())[1]

    @property
    def dates(self) -> frozenset[str]:
        """The years, months, weekdays and similar time words the sentence holds."""
        return (self._rest or self._analyse())[2]

    @property
    def names(self) -> frozenset[str]:
        """Terms of capitalised words that do not open the sentence (people, places, organisations)."""
        return (self._rest or self._analyse())[3]

    @property
    def places(self) -> frozenset[tuple[str, ...]]:
        """The places it names, each as the terms of its name (``_places``: "in Neasden", "the Mowden area of
        Darlington", "the Mottram Hall hotel")."""
        return (self._rest or self._analyse())[4]

    @property
    def quote(self) -> bool:
        """The sentence holds quotation marks."""
        return (self._rest or self._analyse())[5]

    @property
    def anaphor(self) -> bool:
        """The sentence opens with a word that points back ("He", "It", "This", "The ...")."""
        return (self._rest or self._analyse())[6]

    @property
    def pronoun(self) -> bool:
        """The sentence opens with a pronoun ("He", "It", "This"), so alone it does not say who or what."""
        return (self._rest or self._analyse())[7]

    def _analyse(self) -> tuple:
        """The fields past ``irregular``, analysed now (once)."""
        sentence, analyzer = self._said, self._analyzer
        caps = _CAPS.findall(sentence)
        places = _places(sentence)
        first = (sentence.split(None, 1) or [""])[0].lower().strip("\"“‘(")
        rest = self._rest = (
            _numbers(sentence, find_words(sentence)), bool(MONEY.search(sentence)),
            frozenset(DATE.findall(sentence)),
            frozenset(analyzer.terms(" ".join(caps))) if caps else frozenset(),
            frozenset(t for t in (tuple(analyzer.terms(p)) for p in places) if t) if places else frozenset(),
            "“" in sentence or "”" in sentence or '"' in sentence or "«" in sentence or "»" in sentence
            or "''" in sentence,
            first in _ANAPHORA,
            first in PRONOUNS,
        )
        self._said = None
        return rest

    def with_terms(self, terms: tuple[str, ...], irregular: frozenset[str]) -> "Sentence":
        """The same sentence read with other ``terms`` and ``irregular`` (a question's words read into its answer)."""
        return Sentence(self.start, self.end, terms, irregular, self._said, self._analyzer, self._rest)

    def _fields(self) -> tuple:
        return (self.start, self.end, self.terms, self.irregular) + (self._rest or self._analyse())

    def __eq__(self, other) -> bool:
        return other.__class__ is Sentence and self._fields() == other._fields() if other.__class__ is Sentence \
            else NotImplemented

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in zip(("start", "end", "terms", "irregular") + _REST, self._fields()))
        return f"Sentence({fields})"


@dataclass(frozen=True)
class ReadPassage:
    """A passage with its sentences analysed (when they are first asked for: a passage read for one sentence's
    sake is not analysed whole)."""

    id: int
    """The passage id."""
    article: int
    """The article it belongs to."""
    paragraph: int
    """1-based paragraph number."""
    start: int
    """Character offset of its first sentence."""
    end: int
    """Character offset just past its last sentence."""
    spans: tuple[tuple[int, int], ...]
    """Its sentences' character spans in the article text, in order."""
    reader: "Reader" = field(compare=False, repr=False)
    """The reader that analyses its sentences."""

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Its sentences, in order (analysed at the first call). In a passage of questions and answers
        ("Q: Who can apply?" then "A: Homeowners ... Council tenants are not eligible ..."), the question
        is not an answer: its words are read as the words of each sentence of the answer under it, and the
        question itself holds none."""
        text = self.reader.article(self.article).text
        read = [self.reader._analyse(text, s, e) for s, e in self.spans]
        if self._asks:
            asked: tuple[tuple[str, ...], frozenset[str]] | None = None
            if self.spans and _ANSWERS.match(text, self.spans[0][0]):
                line = text[:self.start].rstrip().rpartition("\n")[2]  # the question above this answer
                if line.endswith("?") or _ASKS.match(line):
                    asked = self.reader._terms(line)
            questions = self.questions
            for i, (s, e) in enumerate(self.spans):
                if s in questions:
                    asked = read[i].terms, read[i].irregular
                    read[i] = read[i].with_terms((), frozenset())
                elif asked is not None:
                    read[i] = read[i].with_terms(read[i].terms + asked[0], read[i].irregular | asked[1])
        return tuple(read)

    @cached_property
    def questions(self) -> frozenset[int]:
        """The starts of its sentences that are questions answered under them ("Q: Who can apply?"; "How do
        I apply?" above "A: ..."): no answer themselves."""
        if not self._asks:
            return frozenset()
        text, spans, out = self.reader.article(self.article).text, self.spans, set()
        for i, (s, e) in enumerate(spans):
            after = spans[i + 1][0] if i + 1 < len(spans) else len(text) - len(text[e:].lstrip())
            if _ASKS.match(text, s) or (text[s:e].rstrip().endswith("?") and _ANSWERS.match(text, after)):
                out.add(s)
        return frozenset(out)

    @cached_property
    def _asks(self) -> bool:
        """The passage holds a question answered under it, or an answer ("Q: ...", then "A: ...", in one
        paragraph or two)."""
        text = self.reader.article(self.article).text
        return any(_ANSWERS.match(text, s) or _ASKS.match(text, s) for s, _ in self.spans) or bool(
            _ANSWERS.match(text[self.end:].lstrip()))

    def sentence(self, i: int) -> Sentence:
        """``sentences[i]``, without analysing the passage's other sentences."""
        done = self.__dict__.get("sentences")
        if done is not None or self._asks:
            return self.sentences[i]
        s, e = self.spans[i]
        return self.reader._analyse(self.reader.article(self.article).text, s, e)

    def terms(self) -> list[tuple[str, ...]]:
        """Each sentence's ``terms``, without analysing the sentences further when they are not analysed yet."""
        done = self.__dict__.get("sentences")
        if done is not None or self._asks:
            return [x.terms for x in self.sentences]
        text, terms_of = self.reader.article(self.article).text, self.reader.analyzer.terms_of
        return [tuple(filter(None, terms_of(find_words(text[s:e])))) for s, e in self.spans]

    def held(self, i: int) -> set[str]:
        """The terms of sentence ``i`` and of the words it holds irregular forms of (``terms`` and ``irregular``
        of ``sentences[i]``), without analysing the passage's other sentences."""
        done = self.__dict__.get("sentences")
        if done is not None or self._asks:
            return set(self.sentences[i].terms) | self.sentences[i].irregular
        s, e = self.spans[i]
        terms, irregular = self.reader._terms(self.reader.article(self.article).text[s:e])
        return set(terms) | irregular


class Reader:
    """Reads articles and passages through the corpus and the retriever, analysing and caching them."""

    def __init__(self, corpus: Corpus, retriever: Retriever, analyzer: Analyzer, params: AnswerParams):
        self.corpus = corpus
        self.retriever = retriever
        self.analyzer = analyzer
        self.params = params
        self._articles: dict[int, Article] = {}
        self._article_chars = 0
        self._passages: dict[int, ReadPassage] = {}
        self._spans: dict[int, Passage] = {}
        self._titles: dict[int, frozenset[str]] = {}
        self._idf: dict[str, float] = {}
        self._df: dict[str, int] = {}
        self._previous: dict[int, Sentence | None] = {}
        self._held: dict[int, list] = {}
        forms = irregular_forms()
        stems = dict(zip(forms, analyzer.stem(list(forms))))
        bases = dict(zip(forms.values(), analyzer.stem(list(forms.values()))))
        self.form_terms = {stems[f]: bases[b] for f, b in forms.items() if stems[f] != bases[b]}
        """Term of an irregular form -> term of its word ("built" -> "build"), for adjacent pairs."""
        self._forms = {f: bases[b] for f, b in forms.items() if stems[f] != bases[b]}
        """Irregular form as written -> term of its word ("won" -> "win": a stopword has no term of its own)."""
        self._word_forms: dict[str, str | None] = {}
        """A word as found in the text -> the term of the word it is an irregular form of, or None (cached)."""
        by_base: dict[str, list[str]] = {}
        for form, base in self.form_terms.items():
            by_base.setdefault(base, []).append(form)
        self.irregular_terms = {b: tuple(sorted(f)) for b, f in by_base.items()}
        """Term of a word -> terms of its irregular forms ("meet" -> ("met",)), for searching."""

    def base_term(self, word: str) -> str | None:
        """The term of the word that ``word`` (lower case, as written) is an irregular form of ("met" -> "meet"),
        or None."""
        return self._forms.get(word)

    @property
    def n_passages(self) -> int:
        return self.corpus.n_passages

    def article(self, i: int) -> Article:
        """Article ``i``, cached (up to ``caches.articles`` articles and ``caches.article_chars`` characters)."""
        found = self._articles.get(i)
        if found is None:
            caches = self.params.caches
            found = self.corpus.article(i)
            if len(self._articles) >= caches.articles or self._article_chars + len(found.text) > caches.article_chars:
                self._articles.clear()
                self._article_chars = 0
            self._articles[i] = found
            self._article_chars += len(found.text)
        return found

    def passage(self, p: int) -> ReadPassage:
        """Passage ``p`` with its sentences analysed (cached)."""
        return cached(self._passages, p, self.params.caches.passages, self._read)

    def span(self, p: int) -> Passage:
        """Passage ``p`` as the corpus stores it (spans only, nothing analysed; cached)."""
        return cached(self._spans, p, self.params.caches.passages, self.corpus.passage)

    def _read(self, p: int) -> ReadPassage:
        """Passage ``p`` read and its sentences analysed."""
        passage = self.span(p)
        return ReadPassage(id=p, article=passage.article, paragraph=passage.paragraph, start=passage.start,
                           end=passage.end, spans=passage.sentences, reader=self)

    def reads_above(self, p: int) -> bool:
        """Whether passage ``p``'s sentences may read words from above it: it opens with an answer ("A: ..."), and
        the question over it, if it is one, is read as their words (``ReadPassage.sentences``); no other words
        from outside a passage are."""
        passage = self.span(p)
        return bool(passage.sentences) and \
            _ANSWERS.match(self.article(passage.article).text, passage.sentences[0][0]) is not None

    def passage_text(self, p: int) -> str:
        """The text of passage ``p``."""
        passage = self.passage(p)
        return self.article(passage.article).text[passage.start:passage.end]

    def df(self, term: str) -> int:
        """How many passages hold ``term`` (cached with the IDF)."""
        return cached(self._df, term, self.params.caches.idf, self.retriever.df)

    def articles_with(self, term: str) -> set[int]:
        """The articles (numbers) with a passage that holds ``term``: every one, through its postings."""
        df = self.df(term) if term else 0
        return {self.span(p).article for p, _ in self.retriever.top([term], df)} if df else set()

    def idf(self, term: str) -> float:
        """Non-negative IDF of a term over passages; an unknown term weighs the most (cached)."""
        value = self._idf.get(term)
        if value is None:
            if len(self._idf) >= self.params.caches.idf:
                self._idf.clear()
            n = self.corpus.n_passages
            df = self.df(term)
            value = self._idf[term] = math.log1p((n - df + 0.5) / (df + 0.5))
        return value

    def weight(self, term: str) -> float:
        """A question term's weight: its IDF to the power ``idf_power``."""
        return self.idf(term) ** self.params.features.idf_power

    def title_terms(self, article: int) -> frozenset[str]:
        """The terms of an article's title (cached)."""
        return cached(self._titles, article, self.params.caches.titles,
                       lambda a: frozenset(self.analyzer.terms(self.article(a).title)))

    def previous_sentence(self, passage: ReadPassage) -> Sentence | None:
        """The sentence just before the passage when it is in the same paragraph (the passage before's last;
        cached)."""
        return cached(self._previous, passage.id, self.params.caches.passages, lambda p: self._before(passage))

    def _before(self, passage: ReadPassage) -> Sentence | None:
        """``previous_sentence``, uncached."""
        p = passage.id
        if p == 0 or self.corpus.article_passages(passage.article).start == p:
            return None
        before = self.passage(p - 1)
        if before.paragraph != passage.paragraph or not before.spans:
            return None
        return before.sentence(-1)  # only its last sentence is analysed, not the whole passage

    def article_holds(self, article: int, terms: set[str] | frozenset[str]) -> set[str]:
        """The ``terms`` that article ``article`` holds in its title or its sentences.

        Its passages are read in order only as far as it takes to find them all, and what was read is
        kept for the next question about the article (cached).
        """
        held = self._held.get(article)
        if held is None:
            if len(self._held) >= self.params.caches.articles:
                self._held.clear()
            span = self.corpus.article_passages(article)
            held = self._held[article] = [set(self.title_terms(article)), span.start, span.stop]
        found, at, stop = held
        while at < stop and not terms <= found:
            for sentence_terms in self.passage(at).terms():
                found.update(sentence_terms)
            at += 1
        held[1] = at
        return found & terms if not terms <= found else set(terms)

    def _analyse(self, text: str, start: int, end: int) -> Sentence:
        """Analyse one sentence of an article for scoring: its terms and irregular forms now, the rest when first
        asked for (``Sentence``)."""
        sentence = text[start:end]
        terms, irregular = self._terms(sentence)
        return Sentence(start, end, terms, irregular, sentence, self.analyzer)

    def _terms(self, sentence: str, words: list[str] | None = None) -> tuple[tuple[str, ...], frozenset[str]]:
        """A sentence's ``terms`` and ``irregular``, as ``_analyse`` finds them (``words``: its ``TOKEN`` words)."""
        if words is None:
            words = find_words(sentence)
        return tuple(filter(None, self.analyzer.terms_of(words))), self._irregular(words)

    def _irregular(self, words: list[str]) -> frozenset[str]:
        """The terms of the words that ``words`` (as found in the text) hold irregular forms of
        (each distinct word looked up once and remembered)."""
        forms = self._word_forms
        distinct = set(words)
        missing = [w for w in distinct if w not in forms]
        if missing:
            if len(forms) + len(missing) > Analyzer.CACHE_WORDS:
                forms.clear()
                missing = list(distinct)
            known = self._forms
            for w in missing:
                low = w.lower()  # ``fold`` leaves a word in ASCII without an apostrophe as it is (most words: no call)
                forms[w] = known.get(low if low.isascii() and "'" not in low else fold(low))
        found = frozenset(map(forms.__getitem__, distinct))
        return found - _NONE if None in found else found


def _numbers(sentence: str, words: list[str]) -> frozenset[str]:
    """The numbers ``sentence`` holds, lowercased: ``NUMBER.findall``, whose number words (case-blind, "One") cost more
    than the rest of it. When no word of the sentence (``words``, as ``TOKEN`` finds them, each split at its
    apostrophes) is one of them, in plain ASCII, only digits can match, and a search for digits alone finds the
    same (digits and number words never overlap). Any other sentence is searched with ``NUMBER`` itself."""
    joined = " ".join(words)
    if joined.isascii() and _NUMBER_WORDS.isdisjoint(joined.lower().replace("'", " ").split()):
        return frozenset(n.lower() for n in _DIGITS.findall(sentence))
    return frozenset(n.lower() for n in NUMBER.findall(sentence))


_MISSING = object()
_NONE = frozenset((None,))


def cached(cache: dict, key, limit: int, load):
    """``cache[key]``, loaded with ``load(key)`` when missing (None is kept too); the cache starts afresh when
    it holds ``limit``."""
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        if len(cache) >= limit:
            cache.clear()
        value = cache[key] = load(key)
    return value
