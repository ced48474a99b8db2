"""The driver: parse -> gates -> retrieve -> features -> score -> speech -> select."""

from __future__ import annotations

import re

from dataclasses import dataclass, replace

from ..analysis import Analyzer, fold
from ..bm25 import BM25Params
from ..index import Index
from ..lexicon import GROUPS, ROLES
from ..model import Answer, Article
from ..retrieval import Corpus, LocalCorpus, LocalRetriever, Retriever
from ..speakers import speaker_phrase, speaker_terms as phrase_terms
from . import about, features, retrieve, select
from .features import Candidate, Context
from .gates import Gates, WordCheck, either
from .params import AnswerParams
from .parse import Question, QuestionKind, parse
from .score import Model
from .sentences import Reader
from .speech import Speech


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


def _part_of(word: str, whole: str) -> bool:
    """True when ``word`` (a term) is a part that begins or ends the term ``whole`` ("suit" of "lawsuit", "data"
    of "databas"): four letters or more, three or more fewer than it."""
    return len(word) >= 4 and len(whole) - len(word) >= 3 and (whole.endswith(word) or whole.startswith(word))


_DEFINITE = re.compile(r"[Tt]he\s")
"""A speaker phrase that refers back to someone already named ("The director", "the legal assistant")."""

_STANDS_FOR = re.compile(r"\b(?:they|them|it)\b", re.I)
"""A word that may stand for what the question asks about, in words that never name it."""

ABOUT_KINDS = frozenset((QuestionKind.AUTHOR, QuestionKind.DATE, QuestionKind.TITLE, QuestionKind.SUMMARY))
"""Questions about an article itself, answered by ``about.py``."""


def _near(passage, start: int, topic: set[str]) -> bool:
    """True when the sentence of ``passage`` at ``start`` or one beside it holds a topic term."""
    sentences = passage.sentences
    at = next((i for i, x in enumerate(sentences) if x.start == start), None)
    return at is not None and any(_names_topic(x, topic) for x in sentences[max(0, at - 1):at + 2])


def _names_topic(sentence, topic: set[str]) -> bool:
    """True when ``sentence`` holds a topic term, stemmed or as an irregular form."""
    return bool(topic & (set(sentence.terms) | sentence.irregular))


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
        terms = ranked.question.terms
        searched = ranked.check.searched
        if ranked.question.speaker != q.speaker and ranked.question.speaker:
            searched = (ranked.question.speaker,) + searched
        if ranked.refusal is not None:
            return Answer(question=q.text, no_answer=True, terms=terms, passages=ranked.passages,
                          message=ranked.refusal)
        cands = ranked.candidates
        model = self.model.speech if cands[0].say else self.model  # a speech question keeps its own confidence
        weights = model.weights
        best = cands[0]
        second = next((c for c in cands[1:] if c.article != best.article or c.start != best.start), None)

        def confidence(c: Candidate, position: int) -> float:
            check = ranked.check
            c.inputs = features.question_inputs(ranked.question, best, second, c, position, check.missing_share,
                                                check.missing_name_share, ranked.strange, ranked.far,
                                                ranked.article_absent, bool(check.fixes),
                                                self.reader.n_passages)
            c.confidence = model.confidence(c.inputs)
            return c.confidence

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
                      unsure=bool(shown) and (ranked.unattributed is not None or kind not in (QuestionKind.SAY, QuestionKind.KEYWORDS)
                                              and top < weights.sure_above), searched=searched, why=why)

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
        ctx = Context(question=q, weights=weights, local=local, say=say,
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
            named = self._named_after_role(q, cands)
            if named:  # "the Dane's agent travelled to Spain ..." then "John Sivabaek told BBC Sport: ..."
                return self._rank_as(q, named)
            near = self.speech.unattributed(q, cands)
            linked = self._words_linked_to_topic(q, ctx, hits)  # X's own words, before passages naming X's role
            closest = linked or ([] if near else (self._closest_words(q, ctx, hits) or self._words_of_a_part(q, ctx, hits)))
            near = [] if linked else near
            if not (near or closest):
                role = self._role_for_name(q, hits, message)
                if role is not None:  # "Ridley Scott set to direct" ... "The director said he was 'thrilled'"
                    return role
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

    def _named_after_role(self, q: Question, cands: list[Candidate]) -> str | None:
        """For a speaker asked for by role ("the agent") with no words of their own: the person a news story
        names speaking first right after a sentence that holds the role without it speaking ("... after the
        Dane's agent travelled to Spain to hold talks." then "John Sivabaek told BBC Sport: ..."), when that
        sentence does not name them already; None otherwise. Looked for in the best ``role_candidates``."""
        if not q.speaker or speaker_phrase(q.speaker).names:
            return None
        reader = self.reader
        role = {t for t in reader.analyzer.terms(q.speaker) if t}
        if not role:
            return None
        for c in cands[:self.params.speech.role_candidates]:
            sentences = list(c.passage.sentences)
            following = c.passage.id + 1
            if following in reader.corpus.article_passages(c.article):
                sentences += list(reader.passage(following).sentences)
            at = next((i for i, x in enumerate(sentences) if x.start == c.start), None)
            if at is None or not role <= set(sentences[at].terms):
                continue
            said = dict(self.speech.speakers(c.passage.id))
            if len(sentences) > len(c.passage.sentences):
                said.update(self.speech.speakers(following))
            if (a := said.get(sentences[at].start)) is not None and a.speaker:
                continue  # the role's sentence speaks itself ("the agent said"): not a mention
            for x in sentences[at + 1:at + 2]:
                a = said.get(x.start)
                if a is None or not a.speaker or a.continued:
                    continue
                name = speaker_phrase(a.speaker).names
                terms = set(phrase_terms(a.speaker, reader.analyzer))
                if name and terms and not terms & set(sentences[at].terms):
                    return a.speaker
        return None

    def _rank_as(self, q: Question, speaker: str) -> Ranked:
        """``q`` ranked as if it asked for ``speaker`` (a role or name the articles write for the one asked),
        with no spelling correction."""
        terms = tuple(dict.fromkeys(phrase_terms(speaker, self.analyzer)))
        return self.rank(replace(q, speaker=speaker, speaker_terms=terms), correct=False)

    def _role_for_name(self, q: Question, hits: list, message: str) -> Ranked | None:
        """For a speaker asked for by name with no words of their own: the words of the one speaker an article
        among the best passages quotes by a role alone after naming X ("Austin Aitken is taking action ..." then
        "The legal assistant said NBC was ..."), beside the topic, as "not sure". Only a role written with "the"
        that the article gives no named person, of a body's group word ("the company") for a body; None when no
        best article has exactly one such role speaking after X is named, or its words are not beside the topic."""
        phrase = speaker_phrase(q.speaker or "")
        if not phrase.names or not q.topic_terms:
            return None
        heads = GROUPS if phrase.body else ROLES
        topic = set(q.topic_terms)
        reader, speech = self.reader, self.speech
        name = re.compile(rf"\b{re.escape(phrase.names[-1])}(?![^\W_])")
        depth = self.params.retrieval.candidate_passages
        for article in dict.fromkeys(reader.passage(p).article for p, _ in hits[:depth]):
            text = reader.article(article).text.lower()
            first = name.search(text)  # where X is first named; only a speaker after it may be X by role
            if first is None and name.search(fold(text)) is None:  # "Hernández", "O'Brien": somewhere
                continue
            after = first.end() if first is not None else 0
            if not reader.article_holds(article, topic):
                continue
            roles = speech.roles(article)
            found: dict[str, tuple[str, list[tuple[int, int]]]] = {}  # role word: its phrase, where it speaks
            for p in reader.corpus.article_passages(article):
                for start, a in speech.speakers(p).items():
                    said = a.phrase or a.speaker
                    if start < after or not said or a.continued or a.roles or not _DEFINITE.match(said):
                        continue
                    role = speaker_phrase(said)
                    if not role.names and role.head in heads and role.head not in roles:
                        found.setdefault(role.head, (said, []))[1].append((p, start))
            if len(found) != 1:
                continue
            ((said, where),) = found.values()
            if not any(_near(reader.passage(p), start, topic) for p, start in where):
                continue  # the role's words are nowhere beside the topic: not searched for
            ranked = self._rank_as(q, said)
            if ranked.refusal is not None or ranked.unattributed is not None:
                continue
            for c in ranked.candidates:
                c.own_words = c.own_words and c.article == article
            if not any(c.own_words for c in ranked.candidates):
                continue
            ranked.candidates.sort(key=lambda c: (not c.own_words, -c.score, c.article, c.start))
            ranked.unattributed, ranked.closest = message, True
            return ranked
        return None

    def _closest_words(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
        """For "what did X say about Y" where X's words never name Y: X's own words in the articles among the
        best passages that are about Y (every topic word in ``closest_mentions`` of their sentences or more,
        the headline counting as one) that speak of something as "it" or "they", best first: "Ted Kessler said
        they were 'pretty-boy New York clothes horses'" in an article about a band; in such an article whose
        headline names Y (a topic word), all of X's words, whatever they call it. Nothing when X does not
        speak so in such an article: Putin's words in an article about Ukraine are about trade, not it."""
        reader, need = self.reader, self.params.speech.closest_mentions
        topic = set(q.topic_terms)
        if not topic:
            return []
        anyone, articles = self._anyone_in_best_articles(q, ctx, hits)
        out: list[Candidate] = []
        for article in articles:
            passages = list(reader.corpus.article_passages(article))
            title = reader.title_terms(article)
            read = [reader.passage(p) for p in passages]
            mentions = {t: (t in title) + sum(t in s.terms or t in s.irregular for r in read for s in r.sentences)
                        for t in topic}
            # the headline names Y: the story is Y's, and all X says in it is said of Y ("Jack Cunningham to
            # stand down": "Mr Blair said he was a 'huge figure'"); else only X's words that speak of it as "it";
            # a story headlined with one of Y's words needs the others written once ("Highbury tunnel players
            # in clear" is the story of "the tunnel row" when it says "row")
            headline = bool(topic & title)
            if any(n < (1 if headline else need) for n in mentions.values()):
                continue
            text = reader.article(article).text
            for rank, passage in enumerate(read, start=1):
                if self.speech.speaks(passage.id, q.speaker):
                    out.extend(c for c in features.candidates(reader, self.speech, anyone, passage, 0.0, rank, own_only=True)
                               if headline or _STANDS_FOR.search(text, c.start, c.end))
        return self._not_sure(out)

    def _anyone_in_best_articles(self, q: Question, ctx: Context, hits: list) -> tuple[Context, list[int]]:
        """For X's words that do not name the topic: a context that scores a sentence without the topic, and
        the articles of the best passages, best first."""
        anyone = Context(question=replace(q, topic_terms=()), weights=ctx.weights, local=ctx.local, say=True,
                         idf_sum=ctx.idf_sum, max_idf=ctx.max_idf, best_score=ctx.best_score, rarest=None)
        depth = self.params.retrieval.candidate_passages
        return anyone, list(dict.fromkeys(self.reader.passage(p).article for p, _ in hits[:depth]))

    def _words_of_a_part(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
        """For "what did X say about Y" where X's words never name Y: X's own words that name a part of a topic
        word ("a suit for money" for "the lawsuit"; a part of four letters or more that begins or ends it, three
        letters or more shorter), in the articles among the best passages that hold every other topic word,
        best first, for a "not sure" answer. A topic word the corpus never writes has no part to find
        ("bitcoin" is not "coin")."""
        reader = self.reader
        topic = set(q.topic_terms)
        if not topic or not all(reader.df(t) for t in topic):
            return []
        anyone, articles = self._anyone_in_best_articles(q, ctx, hits)
        out: list[Candidate] = []
        for article in articles:
            held = reader.article_holds(article, topic)
            for rank, p in enumerate(reader.corpus.article_passages(article), start=1):
                passage = reader.passage(p)
                if not self.speech.speaks(p, q.speaker):
                    continue
                for c in features.candidates(reader, self.speech, anyone, passage, 0.0, rank, own_only=True):
                    terms = {t for x in passage.sentences if c.start <= x.start < c.end for t in x.terms}
                    parts = {t for t in topic - held if any(_part_of(w, t) for w in terms)}
                    if parts and topic <= held | parts:
                        out.append(c)
        return self._not_sure(out)

    def _words_linked_to_topic(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
        """For "what did X say about Y" where X's words never name Y: X's own words that share a rare word
        (``link_idf`` of the rarest's IDF; not the question's) with a sentence of their paragraph naming Y, in the articles among the
        best passages that hold every topic word, best first, for a "not sure" answer: "The changes come as part
        of a shake-up ..." then "Jana Bennett said the changes were about ..." for her words about the shake-up."""
        reader = self.reader
        topic = set(q.topic_terms)
        if not topic:
            return []
        floor, asked = self.params.speech.link_idf * ctx.max_idf, set(q.terms)
        anyone, articles = self._anyone_in_best_articles(q, ctx, hits)
        out: list[Candidate] = []
        for article in articles:
            if not topic <= reader.article_holds(article, topic):
                continue
            read = [reader.passage(p) for p in reader.corpus.article_passages(article)]
            naming: dict[int, set[str]] = {}  # paragraph: the terms of its sentences that name a topic word
            for passage in read:
                for x in passage.sentences:
                    if _names_topic(x, topic):
                        naming.setdefault(passage.paragraph, set()).update(x.terms)
            for rank, passage in enumerate(read, start=1):
                named = naming.get(passage.paragraph)
                if not named or not self.speech.speaks(passage.id, q.speaker):
                    continue
                for c in features.candidates(reader, self.speech, anyone, passage, 0.0, rank, own_only=True):
                    terms = {t for x in passage.sentences if c.start <= x.start < c.end for t in x.terms}
                    if any(reader.idf(t) >= floor for t in (terms & named) - asked):
                        out.append(c)
        return self._not_sure(out)

    def _not_sure(self, out: list[Candidate]) -> list[Candidate]:
        """X's words that do not name Y in so many words, ranked best first and marked as not X's words about Y,
        for a "not sure" answer."""
        if not out:
            return out
        self.model.rank(out)
        out.sort(key=lambda c: (-c.score, c.article, c.start))
        for c in out:
            c.own_words = False
        return out

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
