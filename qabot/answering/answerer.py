"""The driver: parse -> gates -> retrieve -> features -> score -> speech -> select."""

from __future__ import annotations

import re

from dataclasses import dataclass, replace
from functools import lru_cache

from .. import lexicon
from ..analysis import Analyzer, fold
from ..bm25 import BM25Params
from ..index import Index
from ..lexicon import alternation
from ..model import Answer, Article
from ..retrieval import Corpus, LocalCorpus, LocalRetriever, Retriever
from ..speakers import speaker_phrase, speaker_terms as phrase_terms
from . import about, features, retrieve, select
from .collection import paused
from .features import Candidate, Context
from .gates import Gates, WordCheck, either
from .params import AnswerParams
from .parse import Question, QuestionKind, parse
from .score import Model
from .sentences import Reader
from .speech import Speech
from .unsure import Unsure

_CUED = frozenset((QuestionKind.HOW_MUCH, QuestionKind.HOW_MANY))
"""Question kinds whose answer holds an amount or a number (the ``cue`` feature sees it). Not "when": its
answers are as often an era or an occasion ("during the Oligocene", "at Decision Time") as a date."""
_CUE = features.FEATURES.index("cue")
_QUANTITY = re.compile(r"\b(?:few|several|many|much|dozens|scores|hundreds|thousands|millions|billions|single|"
                       r"numerous|countless|handful)\b", re.I)
"""Words that give a quantity without a number ("only a few", "in the dozens", "thousands of years")."""


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


_ARTICLES = frozenset(("the", "a", "an"))


def _stem_of(word: str) -> str:
    """The start a country's name shares with its people's ("Japan" in "Japanese", "Turk" in "Turkish",
    "Brit" in "British"): the word less its last three letters, four letters at least."""
    word = word.rstrip(".’'").removesuffix("’s").removesuffix("'s")
    return word[:max(4, len(word) - 3)]


_JOINED = re.compile(r"(?:and|with)\s", re.I)
"""A speaker phrase that joins the speaker to another named before it ("and Russian President Vladimir Putin")."""
_JOINED_BEFORE = re.compile(r"\b(?:and|with)\s+(?:[\w’'.-]+\s+){0,3}$")
"""Words just before a speaker's name that join it to another ("Wang and Putin", "Wang, together with Putin")."""
_JOINED_AFTER = re.compile(r",?\s+(?:and|with)\s+(?:the\s+)?[A-Z]")
"""Words just after a speaker's name that join another to it ("Putin and Wang pledged")."""

_TOLD_TO = re.compile(r"\b(?:tell|told)\s+(?P<to>.+?)(?=\s+(?:about|of|on|over|regarding|that|what|why|how)\b|\s*[?.!]*\s*$)",
                      re.I)
"""Whom a speech question's speaker told something to ("what did X tell the BBC News website about Y")."""

_SPEAKING = alternation(lexicon.SPEECH_FORMS | lexicon.CHARACTERISING_FORMS
                        | {f for lemma in (*lexicon.QUESTION_STANCE_LEMMAS, *lexicon.QUESTION_HOW_LEMMAS)
                           for f in lexicon.forms(lemma)})
"""Every form of a verb by which a sentence tells what someone said, called something, or felt or judged."""


@lru_cache(maxsize=256)
def _speaks_after(name: str) -> re.Pattern:
    """A search, in folded text, for ``name`` (a speaker's normalised name word) as the subject of a verb of
    ``_SPEAKING``: right before it, after ", who" or after up to two helping words ("Straw, who accused",
    "Campbell has called", "Blair has also said")."""
    return re.compile(rf"(?i)\b{re.escape(name)}\b,?\s+(?:who\s+)?(?:(?:has|have|had|is|was|were|are|also|then|later|"
                      rf"will|would|has\s+since)\s+){{0,2}}(?:{_SPEAKING})\b")


@lru_cache(maxsize=256)
def _verb_pattern(verbs: frozenset[str]) -> re.Pattern:
    """A search for any of ``verbs`` as a whole word, in any case."""
    return re.compile(rf"(?i)\b(?:{alternation(verbs)})\b")


ABOUT_KINDS = frozenset((QuestionKind.AUTHOR, QuestionKind.DATE, QuestionKind.TITLE, QuestionKind.SUMMARY))
"""Questions about an article itself, answered by ``about.py``."""


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

    def article(self, i: int) -> Article:
        """Article ``i``."""
        return self.reader.article(i)

    def passage_text(self, p: int) -> str:
        """The text of passage ``p``."""
        return self.reader.passage_text(p)

    def rank_articles(self, text: str, k: int = 10) -> list[int]:
        """The ``k`` articles whose best passage BM25 ranks highest for ``text`` (article ids, best first)."""
        best: dict[int, float] = {}
        for passage, score in self.retriever.top(list(parse(text, self.analyzer).terms), max(50, 5 * k)):
            best.setdefault(self.reader.passage(passage).article, score)
        return sorted(best, key=lambda a: (-best[a], a))[:k]

    def ask(self, text: str, k: int = 3, skip: int = 0, explain: bool = False, article: int | None = None) -> Answer:
        """Answer ``text`` with up to ``k`` pieces of evidence (after the first ``skip``); ``article`` is the
        article that "this article" and "it" mean (in the chat, the last answer's)."""
        return self.answer(parse(text, self.analyzer), k=k, skip=skip, explain=explain, article=article)

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
            return replace(got, evidence=rest, no_answer=not rest,
                           message=None if rest else "nothing more about the article that was not shown already")
        ranked = self.rank(q)
        asked = ranked.question
        others = False  # the answer is another speaker's words, given for a question about X's
        if q.narrated:  # "how did Chirac respond": "Chirac reacted to his warning by saying ..." answers too
            plain = parse(q.text, self.analyzer, speech=False)
            told = self.rank(plain)
            if self._told_of(ranked.question, ranked, told, q) and not self._kept_from_refusal(ranked, told):
                others = self._anothers_words(ranked.question, told.candidates[0])
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

        def confidence(c: Candidate, position: int) -> float:
            found = self._confidence(ranked, c, position)
            if others and self._anothers_words(asked, c):  # fitted on words, blind to whose they are
                return min(found, self.params.speech.others_confidence)
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
        if refuse and not skip:
            return Answer(question=q.text, no_answer=True, terms=terms, passages=ranked.passages,
                          message=ranked.unattributed or self._refusal(ranked, judged), confidence=round(top, 4),
                          searched=searched, why=why)
        own_only = kind is QuestionKind.SAY and ranked.unattributed is None
        shown = select.evidence(self.reader, self.speech, select.focus(self.reader, ranked.question, cands), k, skip,
                                confidence, own_only=own_only)
        if explain:
            by_span = {(c.article, c.start): c for c in cands}
            shown = [replace(e, why=tuple((p.name, p.value, p.part) for p in self.model.explain_rank(c)))
                     if (c := by_span.get((e.article_number, e.start))) else e for e in shown]
        return Answer(question=q.text, evidence=shown, terms=terms, passages=ranked.passages,
                      message=None if shown else "no more answers to this question", confidence=round(top, 4),
                      unsure=bool(shown) and (others or ranked.unattributed is not None
                                              or kind not in (QuestionKind.SAY, QuestionKind.KEYWORDS)
                                              and top < weights.sure_above or self._lacks_cue(kind, cands, shown)),
                      searched=searched, why=why)

    def _lacks_cue(self, kind: QuestionKind, cands: list[Candidate], shown: list) -> bool:
        """A how much or how many question whose first answer holds no amount or number beyond the question's
        own, nor a word of quantity (``GateParams.unsure_without_cue``)."""
        if not shown or kind not in _CUED or not self.params.gates.unsure_without_cue:
            return False
        first = (shown[0].article_number, shown[0].start)
        chosen = next((c for c in cands if (c.article, c.start) == first), None)
        return chosen is not None and not chosen.x[_CUE] and not _QUANTITY.search(shown[0].text)

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
        if say:  # past the first few, only passages that name the speaker nearby can hold the speaker's words
            depth = self.params.retrieval.candidate_passages
            named = self.speech.namer(q)
            hits = hits[:depth] + [(p, s) for p, s in hits[depth:] if named(p) and self.speech.speaks(p, q.speaker)]
        read = [reader.passage(p) for p, _ in hits]
        weights = {t: reader.weight(t) for t in q.terms}
        local = weights if say else features.local_weights(reader, read, weights)
        known_topic = [t for t in q.topic_terms if reader.df(t)]
        ctx = Context(question=q, weights=weights, local=local, say=say, reader=reader,
                      idf_sum=sum(reader.idf(t) for t in check.known), max_idf=reader.idf("\0"),
                      best_score=hits[0][1], rarest=max(known_topic, key=reader.idf) if known_topic else None)
        cands: list[Candidate] = []
        depth = self.params.retrieval.candidate_passages
        for rank, (passage, (_, score)) in enumerate(zip(read, hits), start=1):
            cands.extend(features.candidates(reader, self.speech, ctx, passage, score, rank, own_only=rank > depth))
        if say:
            self.model.rank(cands)
            articles = list(dict.fromkeys(c.article for c in sorted(cands, key=lambda c: -c.score) if c.own_words))
            extra = retrieve.speaker_passages(reader, articles, {p for p, _ in hits}, check.known)
            for passage, score in extra:
                if not self.speech.speaks(passage, q.speaker):
                    continue
                cands.extend(features.candidates(reader, self.speech, ctx, reader.passage(passage), score, len(hits) + 1,
                                                 own_only=True))
            features.share_article_relevance(cands)
        self.model.rank(cands)
        if say and q.verb:
            self._favour_own_verb(q, cands)
        if say:
            self._own_words_on_topic(q, cands)
        if say and not q.topic_terms:  # "what did Putin say?": his own words before words he shares with another
            cands.sort(key=lambda c: (not c.own_words, c.own_words and self._shared(c), -c.score, c.article, c.start))
        else:
            cands.sort(key=lambda c: (not c.own_words, -c.score, c.article, c.start))
        ranked = Ranked(question=q, check=check, candidates=cands, passages=passages)
        if say:
            topic = f" about '{' '.join(q.topic_words)}'" if q.topic_words else ""
            message = f"no words of '{q.speaker}'{topic} in {gates.where()}"
        if not cands:  # "what did the army say": the articles name the army, never speaking
            ranked.refusal = message if say else \
                f"nothing about '{' '.join(q.topic_words) or q.text.strip()}' in {gates.where()}"
            return ranked
        best = cands[0]
        if say and not best.own_words:
            placed = self._role_placed_in_article(q)
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

    def _own_words_on_topic(self, q: Question, cands: list[Candidate]) -> None:
        """The speaker's words that hold, in them or beside them, less than ``own_topic_share`` of the terms of a
        topic of two terms or more are not their words about it ("what did Mourinho say about interest rates":
        "Mourinho said he was 'just practising my Portuguese'" beside "Chelsea's interest"; Sony's words about a
        film "moved" for Hitachi's quickest-moving robot): one word of a topic meets a speaker's words by chance."""
        reader, share = self.reader, self.params.speech.own_topic_share
        topic = set(q.topic_terms)
        if share <= 0 or len(topic) < 2:
            return
        need = share * len(topic)  # a share of the terms, not of their weight: on one short article "Real" of
        for c in cands:            # "Real Madrid" weighs next to nothing, and is what X's words name
            if not c.own_words:
                continue
            held = self._beside(c) & topic
            if c.sentence == 0 and c.speaker:  # the lede names X and the topic
                held |= features.opening(reader, c.passage, 0, set(self.analyzer.terms(c.speaker)), topic)
            if len(held) < need - 1e-9:
                c.own_words = False

    def _favour_own_verb(self, q: Question, cands: list[Candidate]) -> None:
        """Add ``own_verb_bonus`` to the score of the speaker's own words that use a form of the question's verb of
        speech ("warned" for "what did officials warn"; "characterised" for "how did Liam Fox characterise ...")."""
        verbs = lexicon.verb_forms(q.verb or "")
        if not verbs:
            return
        pattern = _verb_pattern(verbs)
        bonus = self.params.speech.own_verb_bonus
        for c in cands:
            if c.own_words and pattern.search(self.reader.article(c.article).text, c.start, c.end):
                c.score += bonus

    def _role_placed_in_article(self, q: Question) -> Ranked | None:
        """For a speaker asked for by role with capitalised words beside it that no speaker's phrase holds
        ("the Japanese economics minister"): the role without them ("economics minister Heizo Takenaka said"),
        its own words kept only in articles that write each of those words or one of the same stem ("Japan",
        "Japanese"): a country, a people or a body a story names once, not beside every role it quotes.
        None when the speaker has a name, no such word, or no own words are left."""
        phrase = speaker_phrase(q.speaker or "")
        if phrase.names or not phrase.head:
            return None
        words = re.findall(r"[\w.’'-]+", q.speaker or "")
        placed = [w for w in words if w[:1].isupper() and w.lower() not in _ARTICLES]
        if not placed:
            return None
        role = " ".join(w for w in words if w not in placed)
        if not speaker_phrase(role).head:
            return None
        ranked = self._rank_as(q, role)
        stems = [re.compile(rf"\b{re.escape(_stem_of(w))}", re.I) for w in placed]

        def placed_in(a: int) -> bool:
            article = self.reader.article(a)
            return all(p.search(article.title) or p.search(article.text) for p in stems)

        if ranked.refusal is None and ranked.unattributed is not None:
            # "not sure": the role's closest words, or passages naming the role beside the topic; kept where the
            # capitalised words are written, when the role speaks in one of them
            ranked.candidates = [c for c in ranked.candidates if placed_in(c.article)]
            speaks = any((a := self.speech.speakers(c.passage.id).get(c.start)) is not None and a.said_by(role)
                         for c in ranked.candidates)
            return ranked if speaks else None
        kept = False
        for c in ranked.candidates:
            if c.own_words:
                c.own_words = placed_in(c.article)
                kept |= c.own_words
        if ranked.refusal is not None or ranked.unattributed is not None or not kept:
            return None
        ranked.candidates.sort(key=lambda c: (not c.own_words, -c.score, c.article, c.start))
        return ranked

    def _rank_as(self, q: Question, speaker: str) -> Ranked:
        """``q`` ranked as if it asked for ``speaker`` (a role or name the articles write for the one asked),
        with no spelling correction."""
        terms = tuple(dict.fromkeys(phrase_terms(speaker, self.analyzer)))
        return self.rank(replace(q, speaker=speaker, speaker_terms=terms), correct=False)

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

    def _shared(self, c: Candidate) -> bool:
        """True when candidate ``c``'s speaker speaks jointly with another ("Wang Yi, and Russian President
        Vladimir Putin pledged to ...", "Putin and Xi signed ..."): words of two, not the speaker's alone."""
        said = self.speech.speakers(c.passage.id).get(c.start)
        if said is None or not said.speaker:
            return False
        if said.phrase and _JOINED.match(said.phrase):
            return True
        text = self.reader.article(c.article).text[c.start:c.end]
        at = text.find(said.speaker)
        return at >= 0 and bool(_JOINED_BEFORE.search(text, 0, at) or _JOINED_AFTER.match(text, at + len(said.speaker)))

    def _told_of(self, q: Question, said: Ranked, plain: Ranked, asked: Question | None = None) -> bool:
        """For a question that X's words or words told of X may answer (``Question.narrated``): True when
        the plain question's ranking answers it better, that is when it has candidates and either X's own
        words were not found (``said`` refused or not sure) while its best sentence's article names X (``told_of_share``
        of the weight of the search terms of the speaker ``asked``: "Tesla" of "Tesla mistakenly") and it, a
        sentence beside it or its article holds the topic; or its best sentence names X ("French President Jacques Chirac reacted to
        his warning by saying ...") while X's best words are not among its first three."""
        if plain.refusal is not None or not plain.candidates:
            return False
        if said.refusal is not None or said.unattributed is not None or not said.candidates:
            # only from an article that names X: X and the topic never meeting is no answer told of X
            asked = asked or q
            best = plain.candidates[0]
            topic = {plain.check.fixes.get(t, t) for t in self._topic_said(asked)} - {""}  # "Celeron" as "Celoron"
            x = set(asked.speaker_terms)
            if topic and not topic & self._beside(best) and not topic <= self.reader.article_holds(best.article, topic):
                return False  # X named with nothing of Y ("Adamu Bello said the scheme aimed to ..." for Kashmir)
            weight = {t: self.reader.weight(t) for t in x}
            held = sum(weight[t] for t in self.reader.article_holds(best.article, x))
            return held >= self.params.speech.told_of_share * sum(weight.values())  # "Tesla" of "Tesla mistakenly"
        best = said.candidates[0]
        if any((c.article, c.start) == (best.article, best.start) for c in plain.candidates[:3]):
            return False  # X's best words rank high among the plain question's sentences too
        return self._speaks_in(q, plain.candidates[0])

    def _topic_said(self, q: Question) -> set[str]:
        """The topic terms of speech question ``q`` less those of whom X told it to ("the BBC News website" in "what
        did X tell the BBC News website (about Y)?"): the one a speaker addresses is not what they said."""
        topic = set(q.topic_terms)
        told = _TOLD_TO.search(q.text)
        return topic - set(self.analyzer.terms(told.group("to"))) if told else topic

    @staticmethod
    def _beside(c: Candidate) -> set[str]:
        """The terms (irregular forms read as their word) of candidate ``c``'s sentences and of the sentence either
        side of them in its passage: what X's own words are judged by too."""
        sentences = c.passage.sentences
        at = [i for i, x in enumerate(sentences) if c.start <= x.start < c.end] or [c.sentence]
        return set(c.matched).union(*(set(x.terms) | x.irregular for x in sentences[max(0, at[0] - 1):at[-1] + 2]))

    def _kept_from_refusal(self, said: Ranked, plain: Ranked) -> bool:
        """True when a narrated question's own ranking ``said`` has an answer (X's words, or X's closest as "not
        sure") that its plain ranking ``plain`` would refuse for want of confidence: "How did the City striker
        react to his troubled reputation?" keeps Nicolas Anelka's words rather than no answer."""
        if said.refusal is not None or not said.candidates or not plain.candidates:
            return False
        best = plain.candidates[0]
        return self._confidence(plain, best, 0) < self.model.judging(best).weights.refuse_below

    def _anothers_words(self, q: Question, c: Candidate) -> bool:
        """True when candidate ``c`` (of the plain ranking of a question about speaker X's words) is the words of
        someone else that do not name X ("“And above all, we are talking ...”", Putin's, for "what was Wang's
        reaction to the talks?"): an answer to the words, not to whose they are, so not a sure one."""
        asked = set(q.speaker_terms)
        if not asked or asked & features.candidate_terms(c):
            return False  # it names X, or words of X's role ("Kathleen Utgoff, commissioner of the Bureau of Labor")
        said = self.speech.speakers(c.passage.id)
        for x in c.passage.sentences:
            a = said.get(x.start) if c.start <= x.start < c.end else None
            if a is None or not a.speaker or a.said_by(q.speaker or ""):
                continue
            words = " ".join((a.speaker, a.phrase or "", *a.roles))
            if not asked & set(self.analyzer.terms(words)):
                return True  # "Putin said", described by nothing of "Wang"
        return False

    def _speaks_in(self, q: Question, c: Candidate) -> bool:
        """True when candidate ``c``'s own sentences name the speaker ``q`` asks about (``_names_speaker``) as the
        one who speaks, judges or acts as the question asks: a word of the name, then (after ", who" or up to two
        helping words) a verb of speech, of calling or of stance ("Jack Straw, who accused the Tories", "Sol
        Campbell has called the rivalry ...", "Google said"); not a sentence that only names X ("the Advertising
        Standards Authority contacted Five", "Nadal beats Andy Roddick", "Austin Aitken is taking action")."""
        if not self._names_speaker(q, c):
            return False
        names = speaker_phrase(q.speaker or "").names
        text = fold(self.reader.article(c.article).text[c.start:c.end])
        return any(_speaks_after(name).search(text) for name in names if len(name) > 1)

    def _names_speaker(self, q: Question, c: Candidate) -> bool:
        """True when candidate ``c``'s own sentences name the speaker ``q`` asks about: a word of its name
        ("Chirac" of "Jacques Chirac"); never for a speaker asked for by role alone (its words name the
        body, "Nokia's head of market development" is "Gerhard Romen, head of ... at Nokia")."""
        held = features.candidate_terms(c)
        names = " ".join(speaker_phrase(q.speaker or "").names)
        return bool({t for t in self.analyzer.terms(names) if t} & held)

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
