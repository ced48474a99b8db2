"""The driver: parse -> gates -> retrieve -> features -> score -> speech -> select."""

from __future__ import annotations

import math

import re

from dataclasses import dataclass, replace

from ..analysis import Analyzer
from ..bm25 import BM25Params
from ..index import Index
from ..lexicon import (AGE, ASKS_AGE, ASKS_LENGTH, ASKS_MONEY, BODY_ALIASES, CURRENCY, DOCUMENTS, LENGTH, NATIONAL_ENDINGS,
                       QUANTITY as _QUANTITY)
from ..model import Answer, Article
from ..retrieval import Corpus, LocalCorpus, LocalRetriever, Retriever
from ..speakers import speaker_phrase, speaker_terms as phrase_terms
from . import about, ages, asked as asking, features, given, retrieve, select
from .collection import paused
from .features import Candidate, Context
from .gates import Gates, WordCheck, either
from .own_words import OwnWords
from .params import AnswerParams
from .parse import SPEECH_VERBS, Question, QuestionKind, parse
from .score import Model
from .sentences import Reader, ReadPassage
from .speech import Speech
from .unsure import Unsure

_WHO_SAYS = re.compile(rf"(?i)^\W*who\s+(?:{SPEECH_VERBS})\b")
"""A question asking who said something ("who said 'Doing nothing is not an option'?")."""
_CUED = frozenset((QuestionKind.HOW_MUCH, QuestionKind.HOW_MANY))
"""Question kinds whose answer holds an amount or a number (the ``cue`` feature sees it). Not "when": its
answers are as often an era or an occasion ("during the Oligocene", "at Decision Time") as a date."""
_CUE = features.FEATURES.index("cue")
_INHERITED = features.FEATURES.index("inherited")


@dataclass
class Ranked:
    """A question's candidates, ranked, with what the gates found (what ``answer`` and the fit read)."""

    question: Question
    """The question as searched (misspelt words corrected)."""
    check: WordCheck
    """What the corpus holds of its words."""
    candidates: list[Candidate]
    """Every candidate sentence, best first (a speech question's speaker's own words first)."""
    passages: tuple[int, ...]
    """The top BM25 passages, best first."""
    refusal: str | None = None
    """Why the question is refused whatever the confidence ("no one called ..."), or None."""
    strange: float = 0.0
    """Weight share of the topic that is no word the corpus holds nor a misspelling of one."""
    strange_words: str = ""
    """Those words, as asked."""
    far: float = 0.0
    """Weight share of the names the corpus writes only far from the question's other words."""
    far_names: tuple[list[str], list[str]] = ([], [])
    """Those names, and the question's other words."""
    article_absent: float = 0.0
    """Weight share of the topic the best sentence's whole article (headline included) lacks."""
    closest: bool = False
    """The candidates are the speaker's own words from articles about the topic, none naming it (or the words of
    the one role an article quotes after naming X): found by attribution, which the confidence (fitted on
    questions with one answer) does not judge; shown as "not sure"."""
    unattributed: str | None = None
    """For a speech question whose speaker's own words were not found, why ("no words of ..."), when passages
    that name the speaker beside the topic are shown instead, as "not sure"."""


ABOUT_KINDS = frozenset((QuestionKind.AUTHOR, QuestionKind.DATE, QuestionKind.TITLE, QuestionKind.SUMMARY,
                         QuestionKind.BY_AUTHOR, *about.COLLECTION_KINDS))
"""Questions about an article itself, or about the collection, answered by ``about.py``."""


class Answerer:
    """Answers questions from one corpus; reuse it for many questions."""

    def __init__(self, index: Index | None = None, params: BM25Params | None = None, analyzer: Analyzer | None = None,
                 retriever: Retriever | None = None, *, corpus: Corpus | None = None,
                 answer_params: AnswerParams | None = None):
        if corpus is None:
            if index is None:
                raise TypeError("Answerer needs an index or a corpus")
            corpus = LocalCorpus(index)
        if retriever is None:
            if index is None:
                raise TypeError("Answerer needs an index or a retriever")
            retriever = LocalRetriever(index, params)
        self.params = answer_params or AnswerParams.default()
        self.analyzer = analyzer or Analyzer()
        self.corpus = corpus
        self.retriever = retriever
        self.reader = Reader(corpus, retriever, self.analyzer, self.params)
        self.speech = Speech(self.reader)
        self.gates = Gates(self.reader)
        self.model = Model(self.params.weights)
        self.unsure = Unsure(self.reader, self.speech, self.model, self.params, self._rank_as)
        self.own = OwnWords(self.reader, self.speech, self.params, self._rank_as)
        self._ranking_as: set[tuple[str, str]] = set()
        """(speaker, question) pairs being ranked by ``_rank_as`` now: a speaker met again inside its own ranking (the
        document "Schurf's letter" read as its owner's words, whose role is sought ...) is not ranked again."""

    def article(self, i: int) -> Article:
        """Article ``i``."""
        return self.reader.article(i)

    def passage_text(self, p: int) -> str:
        """The text of passage ``p``."""
        return self.reader.passage_text(p)

    def written(self, word: str) -> bool:
        """Whether the articles write ``word`` so: its term is held (a stopword in capitals, "WHO", is its own term)."""
        term = self.analyzer.term(word)
        return bool(term) and self.reader.df(term) > 0

    def texts_with(self, word: str) -> list[str]:
        """The texts of the passages that hold ``word``'s term (every one of them)."""
        term = self.analyzer.term(word)
        df = self.reader.df(term) if term else 0
        return [self.passage_text(p) for p, _ in self.retriever.top([term], df)] if df else []

    def rank_articles(self, text: str, k: int = 10) -> list[int]:
        """The ``k`` articles whose best passage BM25 ranks highest for ``text`` (article ids, best first)."""
        best: dict[int, float] = {}
        terms = parse(text, self.analyzer, written=self.written).terms
        for passage, score in self.retriever.top(list(terms), max(50, 5 * k)):
            best.setdefault(self.reader.passage(passage).article, score)
        return sorted(best, key=lambda a: (-best[a], a))[:k]

    def ask(self, text: str, k: int = 3, skip: int = 0, explain: bool = False, article: int | None = None) -> Answer:
        """Answer ``text`` with up to ``k`` pieces of evidence (after the first ``skip``); ``article`` is the
        article that "this article" and "it" mean (in the chat, the last answer's)."""
        return self.answer(parse(text, self.analyzer, written=self.written), k=k, skip=skip, explain=explain,
                           article=article)

    @paused  # no garbage collection during a question (see collection.py)
    def answer(self, q: Question, k: int = 3, skip: int = 0, explain: bool = False,
               article: int | None = None) -> Answer:
        """Answer an analysed question."""
        if q.kind in ABOUT_KINDS:
            got = about.answer(self.reader, q, k + skip, article)
            if not skip or got.no_answer:
                return got
            # "more" after a question about the article: what was not shown yet, else plainly nothing more
            def key(e):
                return e.article_number, e.field, e.paragraph, e.start

            shown = {key(e) for e in about.answer(self.reader, q, skip, article).evidence}
            rest = [e for e in got.evidence if key(e) not in shown][:k]
            nothing = (f"no more articles by {q.speaker}" if q.kind is QuestionKind.BY_AUTHOR
                       else "no more articles" if q.kind in about.COLLECTION_KINDS
                       else "nothing more about the article that was not shown already")
            return replace(got, evidence=rest, no_answer=not rest, message=None if rest else nothing)
        ranked = self.rank(q)
        asked = ranked.question
        others = False  # the answer is another speaker's words, given for a question about X's
        unfound = None  # why X's words were not found, when the answer is the topic's passages instead
        role = speaker_phrase(q.speaker or "")
        described = (q.kind is QuestionKind.SAY and ranked.refusal is not None and not skip and bool(q.topic_terms)
                     and self.params.speech.topic_when_unfound and not role.names
                     and role.head not in DOCUMENTS)  # a document's words are its owner's (OwnWords.in_document)
        if q.narrated or described:
            # "how did Chirac respond": "Chirac reacted to his warning by saying ..." answers too; and a speaker
            # described, not named, whose words are not found ("the police detective", "Larne's manager"): the
            # passages about the topic in an article that names the role, as "not sure", when the plain question is
            # answered with confidence (a speaker named is found by name: their words not found are none)
            plain = parse(q.text, self.analyzer, speech=False, written=self.written)
            told = self.rank(plain)
            if self.own.told_of(ranked.question, ranked, told, q) and not self._kept_from_refusal(ranked, told) \
                    and (q.narrated or self._owner_held(q, told.candidates[0].article)):
                others = self.own.anothers_words(ranked.question, told.candidates[0])
                unfound = None if q.narrated else ranked.refusal  # (a narrated question told of X stays as it was)
                if q.narrated and q.speaker:
                    self._off_topic_words_last(q, told)
                q, ranked = plain, told
        terms = ranked.question.terms
        searched = ranked.check.searched
        if ranked.question.speaker != q.speaker and ranked.question.speaker:
            searched = (ranked.question.speaker,) + searched
        if ranked.refusal is not None:
            return Answer(question=q.text, no_answer=True, terms=terms, passages=ranked.passages,
                          message=ranked.refusal)
        cands = ranked.candidates
        model = self.model.judging(cands[0])
        weights = model.weights
        best = cands[0]

        own_speech = ranked.question.kind is QuestionKind.SAY and ranked.unattributed is None and not others

        def confidence(c: Candidate, position: int) -> float:
            found = self._confidence(ranked, c, position)
            if others and self.own.anothers_words(asked, c):  # fitted on words, blind to whose they are
                return min(found, self.params.speech.others_confidence)
            if own_speech and c.own_words:  # the speaker's own words: how often such words answer (Platt scaling)
                return own_words_confidence(found, self.params.speech)
            return found

        top = confidence(best, 0)
        judged = top
        if weights.refuse_by == "best3":  # the question has an answer when one of the first three is likely right
            spans = {(best.article, best.start)}
            for c in cands[1:]:
                if len(spans) == 3:
                    break
                if (c.article, c.start) not in spans:
                    spans.add((c.article, c.start))
                    judged = max(judged, confidence(c, len(spans) - 1))
        why = tuple((p.name, p.value, p.part) for p in model.explain_confidence(best.inputs)) if explain else ()
        # a speech question is answered by attribution (the speaker's own words were found), which the
        # confidence, fitted on questions with one answer each, does not judge; bare keywords are a search,
        # refused when the articles lack one of them (and no spelling is close), never "not sure"
        kind = ranked.question.kind
        if kind is QuestionKind.KEYWORDS:
            refuse = bool(ranked.check.missing)
        else:
            refuse = ((kind is not QuestionKind.SAY or ranked.unattributed is not None) and not ranked.closest
                      and judged < weights.refuse_below)
        not_given = None if refuse else self._not_given(ranked.question, cands)
        # a search of bare keywords asks no fact: the confidence, the probability that a sentence answers a question,
        # has nothing to judge, and is not given (it was, and disagreed with the answer's never being "not sure")
        given = None if kind is QuestionKind.KEYWORDS else round(top, 4)
        if (refuse or not_given) and not skip:
            message = ranked.unattributed or (self._not_given_message(ranked, not_given) if not_given
                                              else self._refusal(ranked, judged))
            return Answer(question=q.text, no_answer=True, terms=terms, passages=ranked.passages,
                          message=message, confidence=given, searched=searched, why=why)
        own_only = kind is QuestionKind.SAY and ranked.unattributed is None
        whose = kind is QuestionKind.WHO and _WHO_SAYS.match(q.text) is not None
        shown = select.evidence(self.reader, self.speech, select.focus(self.reader, ranked.question, cands), k, skip,
                                confidence, own_only=own_only, whose=whose,
                                named_next=kind is QuestionKind.WHO and not whose)
        if given is None:
            shown = [replace(e, confidence=None) for e in shown]
        if explain:
            by_span = {(c.article, c.start): c for c in cands}
            shown = [replace(e, why=tuple((p.name, p.value, p.part) for p in self.model.explain_rank(c)))
                     if (c := by_span.get((e.article_number, e.start))) else e for e in shown]
        return Answer(question=q.text, evidence=shown, terms=terms, passages=ranked.passages,
                      message=None if shown else "no more answers to this question", confidence=given,
                      unsure=bool(shown) and (others or unfound is not None or ranked.unattributed is not None
                                              or kind not in (QuestionKind.SAY, QuestionKind.KEYWORDS)
                                              and top < weights.sure_above or self._lacks_cue(kind, cands, shown)
                                              or ranked.check.missing_name_share > 0  # "in Zzyzx": named nowhere
                                              or self._names_elsewhere(ranked.question, shown)
                                              or self._lacks_predicate(ranked.question, shown)
                                              or asked.kind is not QuestionKind.SAY  # a reason in X's own words
                                              and self._lacks_given(ranked.question, shown)),
                      searched=searched, why=why,
                      sure_above=None if kind in (QuestionKind.SAY, QuestionKind.KEYWORDS) else weights.sure_above)

    def _off_topic_words_last(self, q: Question, told: Ranked) -> None:
        """For a narrated question answered from its plain ranking ("how did Chirac respond to Blair's warning"):
        the asked speaker's own words that hold no word of the topic go after the sentences that do ('Mr Chirac
        said the summit dinner ... had been "excellent"' is not his answer to the warning)."""
        topic = set(q.topic_terms)

        def off_topic(c: Candidate) -> bool:
            said = self.speech.speakers(c.passage.id).get(c.start)
            return bool(said is not None and said.speaker and self.speech.said_by(said, q.speaker or "") and not topic & set(c.matched))

        told.candidates.sort(key=off_topic)

    def _names_elsewhere(self, q: Question, shown: list) -> bool:
        """True when the question names a topic (a word written with a capital past its first: a place, a firm, a
        person) that the first answer's article never names, though others do ("How many jobs will be cut at the
        plant in Poland?" answered from a story of a factory in Elmsford)."""
        if not shown or shown[0].article_number < 0 or not self.params.gates.unsure_name_elsewhere:
            return False
        first = self.gates.first_word(q)
        names = {t for w, t in zip(q.topic_words, q.topic_terms)
                 if w != first and w[:1].isupper() and not w.isupper() and self.reader.df(t)
                 and w.lower().rstrip("s") not in BODY_ALIASES  # "HD" spelt out, "Tory" for "Conservative"
                 and not (len(w) >= 5 and w.lower().endswith(NATIONAL_ENDINGS))}  # "European" for "Europe"
        return bool(names) and not names <= self.reader.article_holds(shown[0].article_number, names)

    def _lacks_predicate(self, q: Question, shown: list) -> bool:
        """The first answer does not say what the question asks of its subject: its verb, its lower-case words, the
        thing it counts (``asked.py``; ``GateParams.unsure_without_predicate``)."""
        if not shown or shown[0].field or not self.params.gates.unsure_without_predicate:
            return False
        p = asking.predicate(q, self.analyzer)
        return p is not None and asking.lacks(p, self.reader, shown[0].text) is not None

    def _lacks_given(self, q: Question, shown: list) -> bool:
        """The first answer does not give the kind of thing asked: a sum of money, a place or person of a kind named
        beside its word, a reason (``given.unsure``)."""
        return bool(shown) and not shown[0].field and given.unsure(self.reader, q, shown[0].text) is not None

    def _not_given(self, q: Question, cands: list[Candidate]) -> tuple[str, str, str] | None:
        """What a question asks and none of its first three answers (distinct sentences, in ranking order), nor their
        articles, gives: "an age" (``GateParams.refuse_without_age``: asked of someone named, or in a question all in
        lower case), "a sum of money" (``refuse_without_money``; how much, or what salary, fee or price; and a how much
        question's three sentences, ``refuse_without_money_said``), "a length" (``refuse_without_length``: how tall,
        deep, wide or far) or a place, body or person of a kind named beside its word ("a hospital",
        ``refuse_without_named_kind``, ``given.py``); with where it is missing ("articles" or "sentences") and the verb
        for giving it ("give", "name"); else None."""
        gates = self.params.gates
        seen: set = set()
        articles: list[int] = []
        first: list[Candidate] = []
        for c in cands:
            if (c.article, c.start) not in seen:
                seen.add((c.article, c.start))
                first.append(c)
                if c.article not in articles:
                    articles.append(c.article)
                if len(seen) == 3:
                    break
        if (named := given.unsaid_in_articles(self.reader, q, articles)) is not None:
            return named, "articles", "name"
        if q.kind is QuestionKind.WHAT and gates.refuse_without_money and ASKS_MONEY.search(q.text):
            wanted, what = CURRENCY, "a sum of money"  # "What is Simon Ashworth's salary"
        elif q.kind is not QuestionKind.HOW_MUCH:
            return None
        elif gates.refuse_without_age and ASKS_AGE.search(q.text):
            first_word = self.gates.first_word(q)
            if q.text != q.text.lower() and not any(w[:1].isupper() and w != first_word for w in q.topic_words):
                return None  # "How old are the gravestones ..." is answered "dating to 1338-39"
            wanted, what = AGE, "an age"
        elif gates.refuse_without_money and ASKS_MONEY.search(q.text):
            wanted, what = CURRENCY, "a sum of money"
        elif gates.refuse_without_length and ASKS_LENGTH.search(q.text):
            wanted, what = LENGTH, "a length"  # "how tall is the Harlow Street bridge"
        else:
            return None
        def gives(text: str) -> bool:  # a share answers "how much less" as a sum does (``given.gives_money``)
            return given.gives_money(q, text) if wanted is CURRENCY else wanted.search(text) is not None

        if not articles or any(gives(self.reader.article(a).text) for a in articles):
            if wanted is AGE and gates.focus_age and (name := ages.person(q.text)):
                # the articles give ages, but none to the one asked about ("The 21-year-old Blues prop" beside Adam
                # Jones): asked of all the candidates' articles, which ``select.focus`` may take the answer from
                every = list(dict.fromkeys(c.article for c in cands))
                if any(ages.age_spans(self.reader, a, name) for a in every):
                    return None
                return f"an age of {' '.join(name)}", "articles", "give"
            if wanted is CURRENCY and given.unsaid_in_sentences(
                    q, [self.reader.article(c.article).text[c.start:c.end] for c in first], gates):
                return what, "sentences", "give"  # the articles give sums, the sentences about the question none
            return None
        return what, "articles", "give"

    def _not_given_message(self, ranked: Ranked, what: tuple[str, str, str]) -> str:
        """Why a question asking ``what`` ("an age", where it is missing, the verb) that no answer found gives has no
        answer: "no age given: the articles that answer closest (about ...) never give an age"."""
        q, best = ranked.question, ranked.candidates[0]
        asked, where, verb = what
        held = [w for t, w in dict.fromkeys(zip(q.topic_terms, q.topic_words)) if t in best.matched]
        about = f" (about '{' '.join(held)}')" if held else ""
        done = "given" if verb == "give" else "named"
        return f"no {asked.split(' ', 1)[1]} {done}: the {where} that answer closest{about} never {verb} {asked}"

    def _lacks_cue(self, kind: QuestionKind, cands: list[Candidate], shown: list) -> bool:
        """A how much or how many question whose first answer holds no amount or number beyond the question's
        own, nor a word of quantity (``GateParams.unsure_without_cue``)."""
        if not shown or kind not in _CUED or not self.params.gates.unsure_without_cue:
            return False
        first = (shown[0].article_number, shown[0].start)
        chosen = next((c for c in cands if (c.article, c.start) == first), None)
        if chosen is not None and not chosen.x[_CUE] and not _QUANTITY.search(shown[0].text):
            return True
        # a near-tie holding an amount put first (``select._amount_first``) past the best, which gives none: the sentence
        # most about the question does not say, so the amount shown may be another's ("how many engineers worked on
        # the footbridge": its cost)
        best = cands[0]
        return chosen is not best and not best.x[_CUE] and \
            not _QUANTITY.search(self.reader.article(best.article).text, best.start, best.end)

    def rank(self, q: Question, correct: bool = True) -> Ranked:
        """Every candidate sentence for ``q``, ranked by the fitted model, with what the gates found."""
        reader, gates = self.reader, self.gates
        if correct:
            q = gates.correct_speaker(q)
        check = gates.check(q, correct)
        if check.refusal is not None:
            return Ranked(question=q, check=check, candidates=[], passages=(), refusal=check.refusal)
        asked = q
        if check.fixes:  # a misspelt topic word is searched as the index's word it is close to ("biosmass")
            kept = [(check.fixes.get(t, t), w) for t, w in zip(q.topic_terms, q.topic_words) if check.fixes.get(t, t)]
            q = replace(q, topic_terms=tuple(t for t, _ in kept), topic_words=tuple(w for _, w in kept))
        say = q.kind is QuestionKind.SAY and bool(q.speaker_terms)
        hits = retrieve.passages(reader, q, check.known)
        passages = tuple(p for p, _ in hits)
        if not hits:
            return Ranked(question=q, check=check, candidates=[], passages=(),
                          refusal=f"nothing matches in {gates.where()}")
        position = {p: i for i, p in enumerate(passages, start=1)}  # a passage's BM25 rank (the ``rank`` feature)
        aside: list[int] = []  # deep hits that can hold none of the speaker's words about the topic (never attributed)
        if say:  # past the first few, only passages that hold a topic term (the postings tell: ``about_topic``) and
            # name the speaker nearby can hold the speaker's words about the topic; only those are attributed (each
            # passage's candidates depend on it alone: its ``rank`` is its BM25 rank, not its place among those kept)
            depth = self.params.retrieval.candidate_passages
            deep = hits[depth:]
            namer = self.speech.namer(q)
            about = self.speech.about_topic(q, [p for p, _ in deep])
            aside = [p for (p, _), may in zip(deep, about) if not may]
            hits = hits[:depth] + [(p, s) for (p, s), may in zip(deep, about)
                                   if may and self.speech.named_speaks(p, q.speaker, namer)]

            def spoken() -> list[ReadPassage]:
                """The passages read, with the deep hits set aside that name the speaker who speaks there, in
                BM25 order (a document's owner is looked for in them: ``OwnWords.in_document``)."""
                kept = {p for p, _ in hits}
                return [reader.passage(p) for p in passages
                        if p in kept or p in aside and self.speech.named_speaks(p, q.speaker, namer)]
        read = [reader.passage(p) for p, _ in hits]
        weights = {t: reader.weight(t) for t in q.terms}
        local = weights if say else features.local_weights(reader, read, weights)
        known_topic = [t for t in q.topic_terms if reader.df(t)]
        ctx = Context(question=q, weights=weights, local=local, say=say, reader=reader,
                      idf_sum=sum(reader.idf(t) for t in check.known), max_idf=reader.idf("\0"),
                      best_score=hits[0][1], rarest=max(known_topic, key=reader.idf) if known_topic else None)
        cands: list[Candidate] = []
        depth = self.params.retrieval.candidate_passages
        for passage, (_, score) in zip(read, hits):
            rank = position[passage.id]
            cands.extend(features.candidates(reader, self.speech, ctx, passage, score, rank, own_only=rank > depth))
        if not say:  # the rest of a short story found: its later passages name the subject only as "the actor"
            for passage, score in retrieve.rest_of_stories(reader, hits, check.known):
                cands.extend(c for c in features.candidates(reader, self.speech, ctx, reader.passage(passage), score,
                                                            len(hits) + 1)
                             if c.matched or c.x[_INHERITED])  # not by its headline alone, but "the 18-year-old" by it
            asks = asking.predicate(q, self.analyzer) if q.kind is QuestionKind.HOW_MANY else None
            if asks is not None and asks.counted is not None:  # "350 films" far down for "how many films"
                for passage, score in retrieve.counted_passages(reader, hits, check.known, asks.counted[1]):
                    cands.extend(features.candidates(reader, self.speech, ctx, reader.passage(passage), score,
                                                     len(hits) + 1))
        if say:
            self.model.rank(cands)
            articles = list(dict.fromkeys(c.article for c in sorted(cands, key=lambda c: -c.score) if c.own_words))
            extra = retrieve.speaker_passages(reader, articles, {p for p, _ in hits}.union(aside), check.known)
            about = self.speech.about_topic(q, [p for p, _ in extra])
            for (passage, score), may in zip(extra, about):
                if not may or not self.speech.speaks(passage, q.speaker):
                    continue
                cands.extend(features.candidates(reader, self.speech, ctx, reader.passage(passage), score,
                                                 position.get(passage, len(passages) + 1), own_only=True))
            features.share_article_relevance(cands)
        self.model.rank(cands)
        self.own.order(q, cands, say)
        ranked = Ranked(question=q, check=check, candidates=cands, passages=passages)
        if say:
            topic = f" about '{' '.join(q.topic_words)}'" if q.topic_words else ""
            message = f"no words of '{q.speaker}'{topic} in {gates.where()}"
        if not cands and say and (documented := self.own.in_document(q, spoken)) is not None:
            return documented  # "what did the statement say": "In a statement, the government said ..."
        if not cands:  # "what did the army say": the articles name the army, never speaking
            ranked.refusal = message if say else \
                f"nothing about '{' '.join(q.topic_words) or q.text.strip()}' in {gates.where()}"
            return ranked
        best = cands[0]
        if say and not best.own_words:
            placed = self.own.role_placed(q)
            if placed is not None:  # "the Japanese economics minister": "economics minister Heizo Takenaka" in Japan's news
                return placed
            holder = self.unsure.role_holder(q, cands)
            if holder:  # "Former referees' chief Philip Don backed Poll's decision": Don's words in that article
                held = self._rank_as(q, holder[0])
                if held.refusal is None and held.unattributed is None:
                    for c in held.candidates:
                        c.own_words = c.own_words and c.article == holder[1]
                    if any(c.own_words for c in held.candidates):
                        held.candidates.sort(key=lambda c: (not c.own_words, -c.score, c.article, c.start))
                        return held
            named = self.unsure.named_after_role(q, cands)
            if named:  # "the Dane's agent travelled to Spain ..." then "John Sivabaek told BBC Sport: ..."
                return self._rank_as(q, named)
            documented = self.own.in_document(q, spoken)
            if documented is not None:  # "the government statement": "In a statement, the government said ..."
                return documented
            near = self.speech.unattributed(q, cands)
            linked = self.unsure.words_linked_to_topic(q, ctx, hits)  # X's own words, before passages naming X's role
            closest = linked or ([] if near else (self.unsure.closest_words(q, ctx, hits) or self.unsure.words_of_a_part(q, ctx, hits)))
            near = [] if linked else near
            if not (near or closest):
                role = self.unsure.role_for_name(q, hits, message)
                if role is not None:  # "Ridley Scott set to direct" ... "The director said he was 'thrilled'"
                    return role
                if self.params.speech.told_with_topic:
                    closest = self.unsure.told_with_topic(q, ctx, hits)  # "Philip Don backed Poll's decision"
                if not closest and self.params.speech.one_article:
                    closest = self.unsure.words_in_their_one_article(q, ctx, hits)  # Ms Kerr on "the location"
                if not closest:
                    ranked.refusal = message
                    return ranked
            # "the agent" said it, but the article names him only as "John Sivabaek" two sentences on: the
            # passages naming the speaker beside the topic are the closest thing to an answer; a speaker asked
            # for by name gets only their own closest words, nobody else's
            ranked.candidates = cands = closest or near + [c for c in cands if c not in near]
            ranked.closest = bool(closest)
            ranked.unattributed = message
            best = cands[0]
        if check.fixes and len(set(q.topic_terms)) > 1 and not (best.matched & set(q.topic_terms)) - set(check.fixes.values()):
            return self.rank(asked, correct=False)  # only the corrected word matched ("Atlantis" as "Atlantic")
        ranked.strange, ranked.strange_words = gates.strange(asked, check.fixes)
        held = set(best.matched).union(*(s.terms for s in best.passage.sentences))
        ranked.article_absent = self._article_absent(q, best.article)
        ranked.far, *names = gates.far_names(q, held)
        ranked.far_names = (names[0], names[1])
        if ranked.far >= self.params.gates.name_share and names[1]:
            # "Mars" is only a guitarist to these articles, never a place with a colony and a president
            them = "it" if len(names[0]) == 1 else "them"
            matched = [w for t, w in dict.fromkeys(zip(q.topic_terms, q.topic_words)) if t in best.matched]
            nearest = f"; the nearest sentence holds only '{' '.join(matched)}'" if matched else ""
            ranked.refusal = (f"nothing about '{' '.join(names[0])}' in {gates.where()} (none names {them} near "
                              f"{either(names[1])}){nearest}")
        return ranked

    def _owner_held(self, q: Question, article: int) -> bool:
        """True when article ``article`` (headline included) holds every capitalised word of the speaker's phrase, whose
        role it is ("Larne" of "Larne's manager"): "Egypt's Ministry of Communications" is not Iraq's."""
        owner = {t for w in speaker_phrase(q.speaker or "").owner for t in self.analyzer.terms(w) if t}
        return owner <= self.reader.article_holds(article, owner)

    def _rank_as(self, q: Question, speaker: str) -> Ranked:
        """``q`` ranked as if it asked for ``speaker`` (a role or name the articles write for the one asked),
        with no spelling correction."""
        terms = tuple(dict.fromkeys(phrase_terms(speaker, self.analyzer)))
        asked = replace(q, speaker=speaker, speaker_terms=terms)
        key = (speaker.lower(), q.text)
        if key in self._ranking_as:  # a role found for a document's owner found for that role ...: once is enough
            return Ranked(question=asked, check=WordCheck(refusal=None, fixes={}, known=(), missing=(), missing_share=0.0),
                          candidates=[], passages=(),
                          refusal=f"no words of '{speaker}' in {self.gates.where()}")
        self._ranking_as.add(key)
        try:
            return self.rank(asked, correct=False)
        finally:
            self._ranking_as.discard(key)

    def _confidence(self, ranked: Ranked, c: Candidate, position: int) -> float:
        """The fitted probability that candidate ``c``, shown at ``position``, answers the ranked question
        (set on ``c`` with its inputs)."""
        cands, check = ranked.candidates, ranked.check
        best = cands[0]
        second = next((x for x in cands[1:] if x.article != best.article or x.start != best.start), None)
        c.inputs = features.question_inputs(ranked.question, best, second, c, position, check.missing_share,
                                            check.missing_name_share, ranked.strange, ranked.far,
                                            ranked.article_absent, bool(check.fixes), self.reader.n_passages)
        c.confidence = self.model.judging(best).confidence(c.inputs)
        return c.confidence

    def _kept_from_refusal(self, said: Ranked, plain: Ranked) -> bool:
        """True when a narrated question's own ranking ``said`` has an answer (X's words, or X's closest as "not
        sure") that its plain ranking ``plain`` would refuse for want of confidence: "How did the City striker
        react to his troubled reputation?" keeps Nicolas Anelka's words rather than no answer."""
        if said.refusal is not None or not said.candidates or not plain.candidates:
            return False
        best = plain.candidates[0]
        return self._confidence(plain, best, 0) < self.model.judging(best).weights.refuse_below

    def _article_absent(self, q: Question, article: int) -> float:
        """The weight share of the question's topic terms that article ``article`` (headline included) lacks."""
        reader = self.reader
        topic = set(q.topic_terms)
        weight = {t: reader.weight(t) for t in topic}
        total = sum(weight.values())
        if total <= 0:
            return 0.0
        held = reader.article_holds(article, topic)
        return sum(w for t, w in weight.items() if t not in held) / total

    def _refusal(self, ranked: Ranked, confidence: float) -> str:
        """Why a question the model is not confident about has no answer, naming what the articles lack."""
        q, where = ranked.question, self.gates.where()
        best = ranked.candidates[0]
        topic = list(dict.fromkeys(zip(q.topic_terms, q.topic_words)))
        held = [w for t, w in topic if t in best.matched]
        nearest = f"; the nearest sentence holds only '{' '.join(held)}'" if held else ""
        if ranked.check.missing:
            return f"nothing about '{' '.join(ranked.check.missing)}' in {where}{self.gates.did_you_mean(q)}{nearest}"
        if ranked.strange_words:
            return f"nothing about '{ranked.strange_words}' in {where}{nearest}"
        names, others = ranked.far_names
        if names and others:
            them = "it" if len(names) == 1 else "them"
            return f"nothing about '{' '.join(names)}' in {where} (none names {them} near {either(others)}){nearest}"
        unmatched = [w for t, w in topic if t not in best.matched]
        if unmatched and held:
            return (f"no sentence in {where} answers it with confidence ({confidence:.0%}); the nearest holds "
                    f"{either(held, 'and')} but not {either(unmatched)}")
        return f"no sentence in {where} answers it with confidence ({confidence:.0%})"


def own_words_confidence(p: float, params) -> float:
    """The confidence ``p`` of a speech question's answer in the speaker's own words, as
    ``SpeechParams.own_confidence_scale`` and ``own_confidence_shift`` read it."""
    if params.own_confidence_scale == 1.0 and params.own_confidence_shift == 0.0:
        return p
    p = min(max(p, 1e-6), 1 - 1e-6)
    z = params.own_confidence_scale * math.log(p / (1 - p)) + params.own_confidence_shift
    return 1.0 / (1.0 + math.exp(-z))
