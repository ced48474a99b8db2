"""Answers: retrieve passages with BM25, then choose the sentences that answer best.

Sentence score = IDF-weighted coverage of the question's terms in the sentence
               + a share of its passage's BM25 score
               + for "what did X say" questions, a bonus when X is the sentence's speaker
               (and a penalty when someone else is).
"No answer" is decided from which of the question's terms the corpus and the best sentence hold,
never from a score being above zero.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .analysis import Analyzer
from .bm25 import BM25Params
from .index import Index
from .model import Answer, Article, Evidence
from .passages import split_sentences
from .question import Question, parse
from .retrieval import LocalRetriever, Retriever
from .speakers import Attribution, attribute, last_name_in

_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
"""A sentence without "he" or "she" as a word needs no name from before it."""

CANDIDATE_PASSAGES = 30
"""How many top BM25 passages the sentence chooser looks into."""
MIN_COVERAGE = 0.3
"""Below this IDF-weighted share of the question's terms, the best sentence is not an answer."""


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


class Answerer:
    """Answers questions from one open index; reuse it for many questions."""

    def __init__(self, index: Index, params: BM25Params | None = None, analyzer: Analyzer | None = None,
                 retriever: Retriever | None = None):
        self.index = index
        self.analyzer = analyzer or Analyzer()
        self.retriever = retriever or LocalRetriever(index, params)
        self._articles: dict[int, Article] = {}

    def article(self, i: int) -> Article:
        """Article ``i``, cached for the life of the answerer."""
        if i not in self._articles:
            if len(self._articles) > 256:
                self._articles.clear()
            self._articles[i] = self.index.article(i)
        return self._articles[i]

    def idf(self, term: str) -> float:
        """Non-negative IDF of a term over passages; an unknown term weighs the most."""
        n = self.index.n_passages
        df = self.retriever.df(term)
        return math.log1p((n - df + 0.5) / (df + 0.5))

    def ask(self, text: str, k: int = 3, skip: int = 0) -> Answer:
        """Answer ``text`` with up to ``k`` pieces of evidence (after the first ``skip``)."""
        question = parse(text, self.analyzer)
        return self.answer(question, k=k, skip=skip)

    def answer(self, q: Question, k: int = 3, skip: int = 0) -> Answer:
        """Answer an analysed question."""
        terms = q.terms
        articles = self.index.n_articles
        where = f"{articles:,} article{'s' if articles != 1 else ''}"
        if not terms:
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message="the question has no words to search for; ask about a name, a place or a topic")
        known = [t for t in terms if self.retriever.df(t)]
        if q.kind == "say" and q.speaker_terms and not any(self.retriever.df(t) for t in q.speaker_terms):
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message=f"no one called '{q.speaker}' in {where}")
        if not known:
            return Answer(question=q.text, no_answer=True, terms=terms,
                          message=f"nothing about '{' '.join(q.topic_words) or q.text.strip()}' in {where}")
        weights = {t: self.idf(t) for t in terms}
        total = sum(weights.values()) or 1.0
        hits = self.retriever.top(known, CANDIDATE_PASSAGES)
        if not hits:
            return Answer(question=q.text, no_answer=True, terms=terms, message=f"nothing matches in {where}")
        best_passage = hits[0][1] or 1.0
        candidates: list[_Candidate] = []
        for passage_id, passage_score in hits:
            candidates.extend(self._sentences(q, passage_id, passage_score / best_passage if best_passage > 0 else 0.0,
                                              weights, total))
        candidates.sort(key=lambda c: (-c.score, c.passage, c.start))
        if not candidates or candidates[0].coverage < MIN_COVERAGE:
            unmatched = [w for w, t in zip(q.topic_words, q.topic_terms)
                         if not candidates or t not in candidates[0].matched]
            missing = " ".join(unmatched) or " ".join(q.topic_words) or q.text.strip()
            return Answer(question=q.text, no_answer=True, terms=terms, message=f"nothing about '{missing}' in {where}")
        evidence: list[Evidence] = []
        seen: set[str] = set()
        for c in candidates:
            article = self.article(c.article)
            text = article.text[c.start:c.end]
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if key in seen:
                continue
            seen.add(key)
            if c.coverage < MIN_COVERAGE / 2:
                break
            if len(seen) <= skip:
                continue
            passage = self.index.passage(c.passage)
            evidence.append(Evidence(
                rank=len(evidence) + 1 + skip, text=text, score=round(c.score, 6),
                context=article.text[passage.start:passage.end], article=article, paragraph=c.paragraph,
                start=c.start, end=c.end, terms=tuple(sorted(c.matched)), speaker=c.speaker,
            ))
            if len(evidence) >= k:
                break
        return Answer(question=q.text, evidence=evidence, terms=terms,
                      message=None if evidence else "no more answers to this question")

    def _sentences(self, q: Question, passage_id: int, passage_share: float, weights: dict[str, float],
                   total: float) -> list[_Candidate]:
        """Score the sentences of one passage, with speakers worked out over their paragraph."""
        passage = self.index.passage(passage_id)
        article = self.article(passage.article)
        p_start, p_end = article.paragraphs[passage.paragraph - 1]
        out: list[_Candidate] = []
        previous: Attribution | None = None
        wanted = set(q.terms)
        speaker_terms = set(q.speaker_terms)
        for s, e in split_sentences(article.text, p_start, p_end):
            sentence = article.text[s:e]
            attribution = attribute(sentence, previous, None)
            if attribution.speaker is None and _PRONOUN.search(sentence):  # "he said": the last name before it
                attribution = attribute(sentence, previous, last_name_in(article.text[max(0, s - 2000):s]))
            previous = attribution
            if e <= passage.start or s >= passage.end:
                continue
            present = {t for t, _, _ in self.analyzer.spans(sentence)}
            matched = present & wanted
            speaker_match = False
            bonus = 0.0
            if q.kind == "say" and speaker_terms:
                who = set(self.analyzer.terms(attribution.speaker)) if attribution.speaker else set()
                speaker_match = bool(who & speaker_terms)
                if speaker_match:
                    matched |= speaker_terms
                    bonus = 0.5 if attribution.quote else 0.35
                else:
                    matched -= speaker_terms if who else set()
                    bonus = -0.3 if who else -0.1
            if not matched:
                continue
            coverage = sum(weights[t] for t in matched) / total
            length_penalty = 0.1 * max(0, len(sentence) - 400) / 400
            score = coverage + 0.3 * passage_share + bonus - length_penalty
            out.append(_Candidate(score=score, passage=passage_id, article=passage.article, start=s, end=e,
                                  paragraph=passage.paragraph, matched=frozenset(matched), coverage=coverage,
                                  speaker=attribution.speaker if speaker_match or attribution.quote else None))
        return out
