"""Answers: retrieve passages with BM25, then choose the sentences that answer best.

Sentence score = IDF-weighted coverage of the question's terms in the sentence (IDF to the power 1.25),
                 a term found in many of the candidate sentences weighing less (it does not tell them apart)
               + a share of its passage's BM25 score (relative to the best passage)
               + adjacent pairs of the question's terms standing together in the sentence
               + the question's terms in its article's title (not in the sentence itself)
               + half the weight of a question term the sentence holds only as a longer or shorter word
               + the question's terms in the sentences beside it; a sentence that opens with "He",
                 "It", "This" inherits most of the previous sentence's matches (and is quoted with it)
               + an answer-type cue (an amount for how much, a number for how many, a date for when,
                 a name for who, a place for where) that the question does not already hold.
For "what did X say about Y" questions, sentences whose words are X's (a quotation attributed to X,
or reported speech with X as subject) with Y in or beside them rank before every other sentence; one
that merely mentions X never comes first, and without any the answer is "no answer".
Ties go to article order; the same sentence from duplicate articles is given once, and a sentence
already quoted inside an earlier answer (with the one before it) is not given again.
"No answer" is decided from which of the question's terms the corpus and the best sentence hold,
never from a score being above zero; a name the question gives that the corpus writes only far from
all the question's other words ("Mars" beside "president" and "colony") counts as one it does not hold.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, replace

from .analysis import Analyzer, fold
from .bm25 import BM25Params
from .forms import irregular_forms
from .index import Index
from .model import Answer, Article, Evidence
from .question import Question, parse
from .retrieval import LocalRetriever, Retriever
from .speakers import Attribution, attribute_paragraph, quoted_words

CANDIDATE_PASSAGES = 10
"""How many top BM25 passages the sentence chooser looks into."""
SAY_PASSAGES = 200
"""How many top passages a "what did X say" question looks into for X's words."""
OWN_TOPIC_BONUS = 0.3
"""Bonus for X's quotation when the topic stands inside the quoted words (not only around them)."""
MAX_MISSING = 1 / 3
"""When at least this share of the question's topic terms is nowhere in the index, there is no answer."""
UNKNOWN_SHARE = 0.5
"""When topic words the index does not hold (and that are no misspelling) weigh this share of the topic, there is no answer."""
STRANGE_SHARE = 0.35
"""When topic words that are no misspelling of an index word weigh this share of the topic ..."""
STRANGE_MISSED = 0.7
"""... and the best sentence misses this share of the topic, there is no answer ("bitcoin mining")."""
STRANGE_CUTOFF = 0.75
"""A missing word this close (difflib's ratio) to an index word may be a misspelling of it, not a strange word."""
STRANGE_LENGTH = 3
"""Words shorter than this are never taken for a misspelling."""
NAME_PASSAGES = 20
"""A name the corpus holds in more passages than this is never taken for one it knows only in another context."""
NAME_CONTEXT = 40
"""Passages on either side of a name's passage, in its article, that are read for the question's other words."""
MIN_COVERAGE = 0.2
"""Below this IDF-weighted share of the question's terms, the best sentence is not an answer."""
PASSAGE_WEIGHT = 0.3
"""Weight of the passage's BM25 score (as a share of the best passage's) in a sentence's score."""
CUE_WEIGHT = 0.25
"""Weight of an answer-type cue the question asks for (a number, a date, a name, a place)."""
NEIGHBOUR_WEIGHT = 0.2
"""Weight of the question's terms found in the sentences right before and after (not in this one)."""
ANAPHOR_WEIGHT = 0.8
"""Weight of the previous sentence's matched terms for a sentence that opens with "He", "It", "This"...

The sentence goes on about what the previous one named, so it inherits most of its matches."""
JOIN_ANTECEDENT = True
"""Quote the sentence before one that opens with a pronoun when that sentence holds part of the match."""
_PRONOUNS = frozenset("he she it they this these his her its their".split())
_ANAPHORA = _PRONOUNS | frozenset("those there such both the".split())
LOCAL_WEIGHT = 0.4
"""Share of its weight a question term loses for standing in every sentence of the candidate passages."""
TITLE_WEIGHT = 0.3
"""Weight of the question's terms that the sentence lacks but its article's title holds.

The headline says what every sentence of the article is about: "When did he die?" in "Nikola Tesla"."""
RELATED_WEIGHT = 0.5
"""Weight of a question term the sentence holds only as a longer or shorter word ("Mongol": "Mongolian")."""
MIN_RELATED = 4
"""Only terms of at least this many letters count as related by one extending the other."""
BIGRAM_WEIGHT = 0.3
"""Weight of the share of the question's adjacent term pairs that stand adjacent in the sentence."""
IDF_POWER = 1.25
"""Question terms weigh their IDF to this power (above 1, rare words count for more)."""
PASSAGE_COVERAGE_WEIGHT = 0.2
"""Weight of the IDF-weighted share of the question's terms found anywhere in the sentence's passage."""
MIN_CORRECTION = 4
"""Only a word of at least this many letters is searched as the index word it is close to."""
CORRECTION_CUTOFF = 0.85
"""How close (difflib's ratio) a missing word must be to an index word to be searched as it."""
MAX_HINTS = 3
"""At most this many unknown words get a "did you mean"."""
SPEAKER_ARTICLES = 3
"""The articles (where X's words were found) whose other passages a "what did X say" question also reads."""
SPEAKER_ARTICLE_PASSAGES = 40
"""At most this many passages of each such article."""
QUOTATION_CHARS = 700
"""A quotation that goes on over several sentences is given whole up to this many characters."""
SPEAKER_WINDOW = 2000
"""Characters of the paragraph before a passage read to work out who speaks in it."""
CACHE_PASSAGES = 50_000
"""Analysed passages kept in memory between questions."""

_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                     r"thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|double|twice)\b", re.I)
_MONEY = re.compile(r"[$£€¥]\s?\d|\d\s?(?:%|per\s?cent\b|percent\b|million\b|billion\b|bn\b|m\b|dollars\b|"
                    r"pounds\b|euros\b|cents?\b|pence\b|p\b)", re.I)
_DATE = re.compile(r"\b(?:1[0-9]\d\d|20\d\d)s?\b|\b(?:January|February|March|April|May|June|July|August|September|"
                   r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|"
                   r"Wednesday|Thursday|Friday|Saturday|Sunday|century|centuries|decade|yesterday|today|tomorrow)\b")
_CAPS = re.compile(r"(?<=[\s(])[A-Z][\w’'-]+")
_PLACE = re.compile(r"\b(?:in|at|from|near|to|across|throughout|of)\s+(?:the\s+)?([A-Z][\w’'-]+)")


@dataclass(frozen=True)
class _Sentence:
    """A sentence of a passage, analysed once and kept for later questions."""

    start: int
    """Character offset in the article text."""
    end: int
    """Character offset just past the sentence."""
    terms: tuple[str, ...]
    """The sentence's analysed terms, in order."""
    irregular: frozenset[str]
    """Terms of the words whose irregular forms the sentence holds ("won": the term of "win", "crises": "crisi")."""
    numbers: frozenset[str]
    """The numbers the sentence holds, as written and lowercased ("1,400", "two")."""
    money: bool
    """The sentence holds an amount (money, a percentage, millions)."""
    dates: frozenset[str]
    """The years, months, weekdays and similar time words the sentence holds."""
    names: frozenset[str]
    """Terms of capitalised words that do not open the sentence (people, places, organisations)."""
    places: frozenset[str]
    """Terms of capitalised words after "in", "at", "from" and the like."""
    quote: bool
    """The sentence holds quotation marks."""
    anaphor: bool
    """The sentence opens with a word that points back ("He", "It", "This", "The ...")."""
    pronoun: bool
    """The sentence opens with a pronoun ("He", "It", "This"), so alone it does not say who or what."""


@dataclass
class _Candidate:
    """A sentence under consideration."""

    score: float
    passage: int
    article: int
    start: int
    end: int
    paragraph: int
    matched: frozenset[str]
    coverage: float
    speaker: str | None
    own_words: bool


class Answerer:
    """Answers questions from one open index; reuse it for many questions."""

    def __init__(self, index: Index, params: BM25Params | None = None, analyzer: Analyzer | None = None,
                 retriever: Retriever | None = None):
        self.index = index
        self.analyzer = analyzer or Analyzer()
        self.retriever = retriever or LocalRetriever(index, params)
        self._articles: dict[int, Article] = {}
        self._passages: dict[int, tuple[int, int, int, tuple[_Sentence, ...]]] = {}
        self._speakers: dict[int, dict[int, Attribution]] = {}
        self._titles: dict[int, frozenset[str]] = {}
        forms = irregular_forms()
        stems = dict(zip(forms, self.analyzer.stem(list(forms))))
        bases = dict(zip(forms.values(), self.analyzer.stem(list(forms.values()))))
        self._form_terms = {stems[f]: bases[b] for f, b in forms.items() if stems[f] != bases[b]}
        """Term of an irregular form -> term of its word ("built" -> "build"), for adjacent pairs."""
        self._forms = {f: bases[b] for f, b in forms.items() if stems[f] != bases[b]}
        """Irregular form as written -> term of its word ("won" -> "win": a stopword has no term of its own)."""
        self._idf: dict[str, float] = {}
        self._by_prefix: dict[str, list[str]] | None = None

    def article(self, i: int) -> Article:
        """Article ``i``, cached for the life of the answerer."""
        article = self._articles.get(i)
        if article is None:
            if len(self._articles) > 512:
                self._articles.clear()
            article = self._articles[i] = self.index.article(i)
        return article

    def passage_text(self, p: int) -> str:
        """The text of passage ``p``."""
        article_id, start, end, _ = self._passage(p)
        return self.article(article_id).text[start:end]

    def rank_articles(self, text: str, k: int = 10) -> list[int]:
        """The ``k`` articles whose best passage BM25 ranks highest for ``text`` (article ids, best first)."""
        best: dict[int, float] = {}
        for passage, score in self.top(list(parse(text, self.analyzer).terms), max(50, 5 * k)):
            article = self.index.passage_article(passage)
            if article not in best:
                best[article] = score
        return sorted(best, key=lambda a: (-best[a], a))[:k]

    def top(self, terms: list[str], k: int) -> list[tuple[int, float]]:
        """The best ``k`` passages for analysed ``terms`` as ``(passage id, score)``; unknown terms add nothing.

        This and ``df`` are all the answering asks of retrieval: ``self.retriever``, the index's own
        BM25 unless another backend (``qabot.retrieval.Retriever``) was given."""
        return self.retriever.top(terms, k)

    def df(self, term: str) -> int:
        """How many passages hold ``term`` (0 when the index does not have it)."""
        return self.retriever.df(term)

    def idf(self, term: str) -> float:
        """Non-negative IDF of a term over passages; an unknown term weighs the most."""
        value = self._idf.get(term)
        if value is None:
            n = self.index.n_passages
            df = self.df(term)
            value = self._idf[term] = math.log1p((n - df + 0.5) / (df + 0.5))
        return value

    def ask(self, text: str, k: int = 3, skip: int = 0) -> Answer:
        """Answer ``text`` with up to ``k`` pieces of evidence (after the first ``skip``)."""
        question = parse(text, self.analyzer)
        return self.answer(question, k=k, skip=skip)

    def answer(self, q: Question, k: int = 3, skip: int = 0) -> Answer:
        """Answer an analysed question."""
        return self._answer(q, k, skip, correct=True)

    def _answer(self, q: Question, k: int, skip: int, correct: bool) -> Answer:
        """Answer an analysed question, searching misspelt topic words as the index words they are close to
        when ``correct``."""
        asked = q
        terms = q.terms
        articles = self.index.n_articles
        where = f"{articles:,} article{'s' if articles != 1 else ''}"
        if not terms:
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message="the question has no words to search for; ask about a name, a place or a topic")
        known = [t for t in terms if self.df(t)]
        if q.kind == "say" and q.speaker_terms and not any(self.df(t) for t in q.speaker_terms):
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message=f"no one called '{q.speaker}' in {where}{self._did_you_mean(q.speaker_terms)}")
        if not known:
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message=f"nothing about '{' '.join(q.topic_words) or q.text.strip()}' in {where}"
                                  f"{self._did_you_mean(terms)}")
        fixes = {t: c for t in q.topic_terms
                 if correct and not self.df(t) and (c := self._correction(t, MIN_CORRECTION, CORRECTION_CUTOFF))}
        missing = [w for w, t in zip(q.topic_words, q.topic_terms) if not self.df(t) and t not in fixes]
        unknown = sum(self.idf(t) ** IDF_POWER for t in set(q.topic_terms) if not self.df(t) and t not in fixes)
        if q.topic_terms and (len(missing) >= MAX_MISSING * len(q.topic_terms)
                              or unknown >= UNKNOWN_SHARE * sum(self.idf(t) ** IDF_POWER for t in set(q.topic_terms))):
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message=f"nothing about '{' '.join(missing)}' in {where}{self._did_you_mean(terms)}")
        if fixes:  # a misspelt topic word is searched as the index's word it is close to ("biosmass": biomass)
            q = replace(q, topic_terms=tuple(fixes.get(t, t) for t in q.topic_terms))
            terms = q.terms
            known = [t for t in terms if self.df(t)]
        weights = {t: self.idf(t) ** IDF_POWER for t in terms}

        total = sum(weights.values()) or 1.0
        say = q.kind == "say" and bool(q.speaker_terms)
        hits = self.top(known, SAY_PASSAGES if say else CANDIDATE_PASSAGES)
        if not hits:
            return Answer(question=q.text, no_answer=True, terms=terms, message=f"nothing matches in {where}")
        passages = tuple(p for p, _ in hits)
        local = weights if say else self._local_weights(passages, weights)
        best_passage = hits[0][1]
        candidates: list[_Candidate] = []
        for passage_id, passage_score in hits:
            share = passage_score / best_passage if best_passage > 0 else 0.0
            candidates.extend(self._score(q, passage_id, share, weights, total, local))
        if say:
            candidates.extend(self._speaker_articles(q, candidates, set(passages), known, weights, total, best_passage))
        candidates.sort(key=lambda c: (not c.own_words, -c.score, c.article, c.start))
        if q.kind == "say" and q.speaker_terms and not (candidates and candidates[0].own_words):
            topic = f" about '{' '.join(q.topic_words)}'" if q.topic_words else ""
            return Answer(question=q.text, no_answer=True, terms=terms, passages=passages,
                          message=f"no words of '{q.speaker}'{topic} in {where}")
        if fixes and candidates and len(set(q.topic_terms)) > 1 \
                and not (candidates[0].matched & set(q.topic_terms)) - set(fixes.values()):
            # the answer holds only the corrected word ("Atlantis" as "Atlantic"): answer as asked
            return self._answer(asked, k, skip, correct=False)
        strange = self._strange(asked, fixes, candidates[0] if candidates else None)
        if strange:
            return Answer(question=q.text, no_answer=True, terms=terms, passages=passages,
                          message=f"nothing about '{strange}' in {where}{self._nearest(q, candidates[0])}")
        names, others = self._elsewhere(q, candidates[0]) if candidates else ([], [])
        if names:  # "Mars" is only a guitarist to these articles, never a place with a colony and a president
            them = "it" if len(names) == 1 else "them"
            return Answer(question=q.text, no_answer=True, terms=terms, passages=passages,
                          message=f"nothing about '{' '.join(names)}' in {where} (none names {them} near "
                                  f"{_either(others)}){self._nearest(q, candidates[0])}")
        if not candidates or candidates[0].coverage < MIN_COVERAGE:
            unmatched = [w for w, t in zip(q.topic_words, q.topic_terms)
                         if not candidates or t not in candidates[0].matched]
            missing = " ".join(unmatched) or " ".join(q.topic_words) or q.text.strip()
            return Answer(question=q.text, no_answer=True, terms=terms, passages=passages,
                          message=f"nothing about '{missing}' in {where}{self._did_you_mean(terms)}")
        evidence: list[Evidence] = []
        seen: set[str] = set()
        quoted: list[tuple[int, int, int]] = []
        shown: list[tuple[int, int, int]] = []
        for c in candidates:
            if c.coverage < MIN_COVERAGE / 2 and not c.own_words:
                break
            if c.own_words:  # the whole quotation, not one sentence of it, and each quotation once
                start, end = self._quotation(c)
                if any(a == c.article and s < end and start < e for a, s, e in quoted):
                    continue
                quoted.append((c.article, start, end))
                c = replace(c, start=start, end=end)
            article = self.article(c.article)
            text = article.text[c.start:c.end]
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if key in seen or any(a == c.article and lo <= c.start and c.end <= hi for a, lo, hi in shown):
                continue  # the same sentences again, or ones already quoted inside an earlier answer
            seen.add(key)
            shown.append((c.article, c.start, c.end))
            if len(seen) <= skip:
                continue
            art, p_start, p_end, _ = self._passage(c.passage)
            evidence.append(Evidence(
                rank=len(evidence) + 1 + skip, text=text, score=round(c.score, 6),
                context=article.text[min(p_start, c.start):max(p_end, c.end)], article=article, paragraph=c.paragraph,
                start=c.start, end=c.end, terms=tuple(sorted(c.matched)), speaker=c.speaker,
            ))
            if len(evidence) >= k:
                break
        return Answer(question=q.text, evidence=evidence, terms=terms, passages=passages,
                      message=None if evidence else "no more answers to this question")

    def _strange(self, q: Question, fixes: dict[str, str], best: _Candidate | None) -> str:
        """The topic words, as asked, that no index word is close to, when they weigh ``STRANGE_SHARE``
        of the topic and the best sentence misses ``STRANGE_MISSED`` of it ('' otherwise).

        "how much electricity does bitcoin mining use": 'bitcoin' is no misspelling of a word the
        articles hold, and the best sentence holds only 'mining'. A misspelt word ("disclipine",
        "Maastrich") is close to an index word, so it weighs nothing here.
        """
        if best is None:
            return ""
        topic = list(dict.fromkeys(zip(q.topic_terms, q.topic_words)))
        weight = {t: self.idf(fixes.get(t, t)) ** IDF_POWER for t, _ in topic}
        total = sum(weight.values())
        strange = [(t, w) for t, w in topic if t not in fixes and not self.df(t)
                   and not self._correction(t, STRANGE_LENGTH, STRANGE_CUTOFF)]
        missed = sum(weight[t] for t, _ in topic if fixes.get(t, t) not in best.matched)
        if total <= 0 or sum(weight[t] for t, _ in strange) < STRANGE_SHARE * total or missed < STRANGE_MISSED * total:
            return ""
        return " ".join(w for _, w in strange)

    def _elsewhere(self, q: Question, best: _Candidate) -> tuple[list[str], list[str]]:
        """The names the question gives (capitalised words, numbers) that the articles write only far from
        all of its other words, and those other words, when the names weigh ``STRANGE_SHARE`` of the topic
        and the best sentence's passage does not hold them (two empty lists otherwise).

        "who is the president of the Mars colony": the articles name Mars only as a rock guitarist, in an
        article with no president and no colony in it; "who won the 2022 World Cup in Qatar": 2022 only as
        the year by which a Scottish policy may cost more. To these articles such a name is as strange as
        a word they do not hold, however much they say about the rest of the question. A capitalised
        word that opens the question says nothing of being a name, so it is not taken for one.
        """
        words = self.analyzer.words_as_written(q.text)
        first = words[0][1] if words else ""
        topic = list(dict.fromkeys(zip(q.topic_terms, q.topic_words)))
        weight = {t: self.idf(t) ** IDF_POWER for t, _ in topic}
        total = sum(weight.values())
        held = best.matched.union(*(s.terms for s in self._passage(best.passage)[3]))
        names = {t: w for t, w in topic if t not in held and (w.isdigit() or (w[:1].isupper() and w != first))
                 and 0 < self.df(t) <= NAME_PASSAGES}
        if not names or sum(weight[t] for t in names) < STRANGE_SHARE * total:
            return [], []
        others = {t for t in q.terms if self.df(t)}
        far = {t: w for t, w in names.items() if self._named_near(t, w, others - {t}) is False}
        if not far or sum(weight[t] for t in far) < STRANGE_SHARE * total:
            return [], []
        rest = ([q.speaker] if q.speaker and q.speaker_terms else []) \
            + [w for t, w in topic if t in others and t not in far]
        return list(far.values()), list(dict.fromkeys(rest))

    def _named_near(self, term: str, word: str, others: set[str]) -> bool | None:
        """Whether the articles write ``word`` (the same word, capitalised if it is) near one of ``others``:
        in the passage that holds it or within ``NAME_CONTEXT`` passages of it in the same article.
        None when they never write it so ("Talking" is not "Talk", "euro" not the name "Euros"), or
        when there are no ``others``."""
        if not others:
            return None
        ptr = self.index.array("art_pas_ptr")
        folded = fold(word.lower())
        written = False
        for p, _ in self.top([term], self.df(term)):
            article_id, start, end, _ = self._passage(p)
            text = self.article(article_id).text[start:end]
            if not any(t == term and fold(text[s:e].lower()) == folded
                       and (text[s].isupper() or not word[:1].isupper()) for t, s, e in self.analyzer.spans(text)):
                continue
            written = True
            lo = max(int(ptr[article_id]), p - NAME_CONTEXT)
            hi = min(int(ptr[article_id + 1]), p + NAME_CONTEXT + 1)
            if any(others & set(s.terms) for x in range(lo, hi) for s in self._passage(x)[3]):
                return True
        return False if written else None

    def _nearest(self, q: Question, best: _Candidate) -> str:
        """"; the nearest sentence holds only 'mining'" for a no-answer message."""
        held = [w for t, w in dict.fromkeys(zip(q.topic_terms, q.topic_words)) if t in best.matched]
        return f"; the nearest sentence holds only '{' '.join(held)}'" if held else ""

    def _passage(self, p: int) -> tuple[int, int, int, tuple[_Sentence, ...]]:
        """``(article, start, end, sentences)`` of passage ``p``, its sentences analysed (cached)."""
        cached = self._passages.get(p)
        if cached is not None:
            return cached
        if len(self._passages) >= CACHE_PASSAGES:
            self._passages.clear()
        passage = self.index.passage(p)
        text = self.article(passage.article).text
        sentences = tuple(self._analyse(text, s, e) for s, e in passage.sentences)
        cached = self._passages[p] = (passage.article, passage.start, passage.end, sentences)
        return cached

    def _analyse(self, text: str, start: int, end: int) -> _Sentence:
        """Analyse one sentence of an article for scoring."""
        sentence = text[start:end]
        analyzer = self.analyzer
        caps = _CAPS.findall(sentence)
        terms = tuple(analyzer.terms(sentence))
        places = _PLACE.findall(sentence)
        first = (sentence.split(None, 1) or [""])[0].lower().strip("\"“‘(")
        return _Sentence(
            start=start, end=end, terms=terms,
            irregular=frozenset(self._forms[w] for w in analyzer.words(sentence) if w in self._forms),
            numbers=frozenset(n.lower() for n in _NUMBER.findall(sentence)), money=bool(_MONEY.search(sentence)),
            dates=frozenset(_DATE.findall(sentence)),
            names=frozenset(analyzer.terms(" ".join(caps))) if caps else frozenset(),
            places=frozenset(analyzer.terms(" ".join(places))) if places else frozenset(),
            quote=any(c in sentence for c in "“”\"«»"),
            anaphor=first in _ANAPHORA,
            pronoun=first in _PRONOUNS,
        )

    def _local_weights(self, passages: tuple[int, ...], weights: dict[str, float]) -> dict[str, float]:
        """The question's term weights for choosing among the sentences of ``passages``: a term found in
        many of their sentences (the article's subject, "Tesla" in an article about Tesla) tells them apart
        less than one found in few, so it loses up to ``LOCAL_WEIGHT`` of its weight."""
        sentences = [set(s.terms) for p in passages for s in self._passage(p)[3]]
        if not sentences:
            return weights
        n = len(sentences)
        return {t: w * (1 - LOCAL_WEIGHT * sum(t in s for s in sentences) / n) for t, w in weights.items()}

    def _score(self, q: Question, passage_id: int, share: float, weights: dict[str, float],
               total: float, local: dict[str, float]) -> list[_Candidate]:
        """Score the sentences of one passage: ``local`` weighs the question's terms for the score,
        ``weights`` for the coverage that decides whether there is an answer at all."""
        article_id, _, _, sentences = self._passage(passage_id)
        wanted = weights.keys()
        speaker_terms = set(q.speaker_terms)
        say = q.kind == "say" and bool(speaker_terms)
        speakers = self._passage_speakers(article_id, passage_id) if say else None
        paragraph = int(self.index.array("pas_para")[passage_id])
        question_terms = set(q.terms)
        asked = frozenset(n.lower() for n in _NUMBER.findall(q.text)) | frozenset(_DATE.findall(q.text))
        out: list[_Candidate] = []
        present = [wanted & (set(sentence.terms) | sentence.irregular) for sentence in sentences]
        previous = self._previous_sentence(article_id, passage_id)
        title = wanted & self._title_terms(article_id)
        whole = set().union(*present) if present else set()
        passage_coverage = sum(weights[t] for t in whole) / total
        before_passage = wanted & (set(previous.terms) | previous.irregular) if previous else set()
        topic = set(q.topic_terms)
        local_total = sum(local.values()) or 1.0
        bigrams = _bigrams(q.topic_terms)
        for i, sentence in enumerate(sentences):
            matched = present[i]
            speaker = None
            own = False
            bonus = 0.0
            if say:
                attribution = speakers.get(sentence.start) if speakers else None
                who = set(self.analyzer.terms(attribution.speaker)) if attribution and attribution.speaker else set()
                near = present[i] | (present[i - 1] if i else set()) | (present[i + 1] if i + 1 < len(present) else set())
                own = bool(who & speaker_terms) and (not topic or bool(topic & near))
                if own:
                    speaker = attribution.speaker
                    matched = matched | speaker_terms
                    bonus = 0.1 if attribution.quote else 0.0
                    if topic and attribution.quote:
                        words = quoted_words(self.article(article_id).text[sentence.start:sentence.end])
                        if topic & set(self.analyzer.terms(words)):
                            bonus += OWN_TOPIC_BONUS  # the topic is in X's own quoted words
                elif who:
                    matched = matched - speaker_terms
            if not matched:
                continue
            coverage = sum(weights[t] for t in matched) / total
            before = present[i - 1] if i else before_passage
            after = present[i + 1] if i + 1 < len(present) else set()
            neighbours = NEIGHBOUR_WEIGHT * sum(local[t] for t in (before | after) - matched) / local_total
            inherited = before - matched if sentence.anaphor else set()
            if inherited:
                neighbours = max(neighbours, ANAPHOR_WEIGHT * sum(local[t] for t in inherited) / local_total)
            headline = TITLE_WEIGHT * sum(local[t] for t in title - matched) / local_total
            related = RELATED_WEIGHT * sum(local[t] for t in _related(sentence.terms, wanted - matched)) / local_total
            adjacent = _bigrams(sentence.terms)
            if sentence.irregular:  # "Tesla won" stands for the question's "Tesla win"
                adjacent |= _bigrams(tuple(self._form_terms.get(t, t) for t in sentence.terms))
            pairs = len(bigrams & adjacent) / len(bigrams) if bigrams else 0.0
            cue = _cue(q.kind, sentence, question_terms, asked)
            length = sentence.end - sentence.start
            length_penalty = 0.1 * max(0, length - 400) / 400
            score = (sum(local[t] for t in matched) / local_total + neighbours + PASSAGE_WEIGHT * share
                     + PASSAGE_COVERAGE_WEIGHT * passage_coverage + BIGRAM_WEIGHT * pairs + CUE_WEIGHT * cue
                     + headline + related + bonus - length_penalty)
            start = sentence.start
            if JOIN_ANTECEDENT and inherited and sentence.pronoun and not own:
                # "He had been mentored by Li Meng." needs the sentence that says who "he" is
                start = sentences[i - 1].start if i else previous.start
                matched = matched | inherited
                coverage = sum(weights[t] for t in matched) / total
            out.append(_Candidate(score=score, passage=passage_id, article=article_id, start=start,
                                  end=sentence.end, paragraph=paragraph, matched=frozenset(matched),
                                  coverage=coverage, speaker=speaker, own_words=own))
        return out

    def _speaker_articles(self, q: Question, candidates: list[_Candidate], seen: set[int], known: list[str],
                          weights: dict[str, float], total: float, best: float) -> list[_Candidate]:
        """Candidates from the passages not yet looked at of the articles where X's words were found.

        X's quotation often goes on in a paragraph that does not name X ("Gaming is becoming more of
        a social thing", two paragraphs after "Mr Gates said"), which BM25 alone does not bring up.
        """
        articles = list(dict.fromkeys(c.article for c in sorted(candidates, key=lambda c: -c.score) if c.own_words))
        ptr = self.index.array("art_pas_ptr")
        extra = [p for a in articles[:SPEAKER_ARTICLES]
                 for p in range(int(ptr[a]), min(int(ptr[a + 1]), int(ptr[a]) + SPEAKER_ARTICLE_PASSAGES))
                 if p not in seen]
        if not extra:
            return []
        scores = self.retriever.scores(known, extra)
        out: list[_Candidate] = []
        for p, score in zip(extra, scores):
            share = score / best if best > 0 else 0.0
            out.extend(self._score(q, p, share, weights, total, weights))  # a speech question weighs terms plainly
        return out

    def _quotation(self, c: _Candidate) -> tuple[int, int]:
        """The span of the whole quotation an own-words sentence belongs to.

        From the sentence that names the speaker through the sentences that go on with the quotation
        ('"…," said Mr Lockyer. "Although Wal-Mart …"'), within ``QUOTATION_CHARS`` characters.
        """
        pas_para = self.index.array("pas_para")
        paragraph = int(pas_para[c.passage])
        following = c.passage + 1
        same = following < self.index.n_passages and int(pas_para[following]) == paragraph \
            and self.index.passage_article(following) == c.article
        speakers = dict(self._passage_speakers(c.article, c.passage))
        ends = {x.start: x.end for p in range(c.passage - 1, c.passage + 1 + same)
                if p >= 0 and self.index.passage_article(p) == c.article for x in self._passage(p)[3]}
        if same:
            speakers.update(self._passage_speakers(c.article, following))
        sentences = sorted((s, ends[s], a) for s, a in speakers.items() if s in ends)
        at = next((i for i, x in enumerate(sentences) if x[0] == c.start), None)
        if at is None:
            return c.start, c.end
        first = at
        while first > 0 and sentences[first][2].continued and sentences[first - 1][2].speaker == c.speaker \
                and c.start - sentences[first - 1][0] <= QUOTATION_CHARS:
            first -= 1
        last = at
        while last + 1 < len(sentences) and sentences[last + 1][2].continued \
                and sentences[last + 1][2].speaker == c.speaker \
                and sentences[last + 1][1] - sentences[first][0] <= QUOTATION_CHARS:
            last += 1
        return sentences[first][0], sentences[last][1]

    def _title_terms(self, article_id: int) -> frozenset[str]:
        """The terms of an article's title (cached)."""
        terms = self._titles.get(article_id)
        if terms is None:
            if len(self._titles) > 20_000:
                self._titles.clear()
            terms = self._titles[article_id] = frozenset(self.analyzer.terms(self.article(article_id).title))
        return terms

    def _previous_sentence(self, article_id: int, passage_id: int) -> _Sentence | None:
        """The sentence just before the passage when it is in the same paragraph (the passage before's last)."""
        if passage_id == 0 or int(self.index.array("art_pas_ptr")[article_id]) == passage_id:
            return None
        pas_para = self.index.array("pas_para")
        if int(pas_para[passage_id - 1]) != int(pas_para[passage_id]):
            return None
        sentences = self._passage(passage_id - 1)[3]
        return sentences[-1] if sentences else None

    def _passage_speakers(self, article_id: int, passage_id: int) -> dict[int, Attribution]:
        """Speaker of every sentence of the passage, by sentence start (cached).

        The sentences before it in its paragraph, up to ``SPEAKER_WINDOW`` characters back, are read
        too: a quotation that goes on, or "he said", needs them. A window, not the whole paragraph, so
        a one-paragraph article of megabytes costs no more than an ordinary one.
        """
        found = self._speakers.get(passage_id)
        if found is None:
            if len(self._speakers) > 20_000:
                self._speakers.clear()
            pas_para, pas_start = self.index.array("pas_para"), self.index.array("pas_start")
            paragraph, start = int(pas_para[passage_id]), int(pas_start[passage_id])
            first = int(self.index.array("art_pas_ptr")[article_id])
            lo = passage_id
            while lo > first and int(pas_para[lo - 1]) == paragraph and int(pas_start[lo - 1]) >= start - SPEAKER_WINDOW:
                lo -= 1
            text = self.article(article_id).text
            spans = [(x.start, x.end) for p in range(lo, passage_id + 1) for x in self._passage(p)[3]]
            found = dict(zip((s for s, _ in spans), attribute_paragraph(text, spans)))
            self._speakers[passage_id] = found
        return found

    def _did_you_mean(self, terms: tuple[str, ...]) -> str:
        """A hint, " (did you mean 'Patrushev'?)", for question terms not in the index but close to one that is.

        Only the first ``MAX_HINTS`` unknown terms are looked at, among index terms that share their first
        two letters, so a long question of unknown words costs little.
        """
        unknown = [t for t in terms if not self.df(t) and len(t) >= 4][:MAX_HINTS]
        suggestions = [self._surface(close) for close in (self._correction(t) for t in unknown) if close]
        return f" (did you mean '{' '.join(suggestions)}'?)" if suggestions else ""

    def _correction(self, term: str, min_length: int = 4, cutoff: float = 0.8) -> str | None:
        """The index term closest to ``term`` when ``term`` looks like a misspelling of it (None otherwise)."""
        if len(term) < min_length:
            return None
        near = [t for t in self._near_terms(term[:2]) if abs(len(t) - len(term)) <= 2]
        close = difflib.get_close_matches(term, near, n=1, cutoff=cutoff)
        return close[0] if close else None

    def _near_terms(self, prefix: str) -> list[str]:
        """Index terms that start with ``prefix`` (all of them grouped by first two letters on first use)."""
        if self._by_prefix is None:
            groups: dict[str, list[str]] = {}
            for t in self.index.terms:
                groups.setdefault(t[:2], []).append(t)
            self._by_prefix = groups
        return self._by_prefix.get(prefix, [])

    def _surface(self, term: str) -> str:
        """A word as an article writes it whose term is ``term`` (the term itself when none is found)."""
        hits = self.top([term], 1)
        if hits:
            article_id, start, end, _ = self._passage(hits[0][0])
            text = self.article(article_id).text[start:end]
            for t, s, e in self.analyzer.spans(text):
                if t == term:
                    return text[s:e]
        return term


def _cue(kind: str, sentence: _Sentence, question_terms: set[str], asked: frozenset[str]) -> float:
    """1.0 when the sentence holds what the question's type asks for and the question does not.

    ``asked`` holds the numbers and dates the question itself gives ("How many yards in 2015?"):
    a sentence with only those does not answer it."""
    if kind == "how_much":
        return 1.0 if sentence.money else 0.5 if sentence.numbers - asked else 0.0
    if kind == "how_many":
        return 1.0 if sentence.numbers - asked else 0.0
    if kind == "when":
        return 1.0 if sentence.dates - asked else 0.0
    if kind == "who":
        return 1.0 if sentence.names - question_terms else 0.0
    if kind == "where":
        return 1.0 if sentence.places - question_terms else 0.5 if sentence.names - question_terms else 0.0
    return 0.0


def _either(words: list[str]) -> str:
    """'president' or 'colony'; 'World', 'Cup' or 'Qatar'."""
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _related(terms: tuple[str, ...], wanted: set[str] | frozenset[str]) -> set[str]:
    """The terms of ``wanted`` that are not in ``terms`` but that one of ``terms`` extends or shortens:
    "persia" for "persian", "mongolian" for "mongol" (stemming leaves such pairs apart)."""
    by_prefix: dict[str, list[str]] = {}
    for t in wanted:
        if len(t) >= MIN_RELATED:
            by_prefix.setdefault(t[:MIN_RELATED], []).append(t)
    out: set[str] = set()
    if by_prefix:
        for u in terms:
            for t in by_prefix.get(u[:MIN_RELATED], ()):
                if len(u) >= MIN_RELATED and u != t and (u.startswith(t) or t.startswith(u)):
                    out.add(t)
    return out


def _bigrams(terms: tuple[str, ...]) -> set[tuple[str, str]]:
    """Adjacent term pairs."""
    return set(zip(terms, terms[1:]))
