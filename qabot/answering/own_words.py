"""The speech step's passes over a speech question's candidates: which are the speaker's own words about the
topic (``on_topic``, ``favour_verb``, ``order``), which are said jointly with another (``shared``) or by another
(``anothers_words``), where a speaker asked for by a placed role speaks (``role_placed``), and whether a narrated
question ("how did X react") is answered better by words told of X (``told_of``)."""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..analysis import fold
from ..lexicon import alternation
from ..speakers import speaker_phrase
from . import features, select
from .features import Candidate
from .params import AnswerParams
from .parse import Question
from .sentences import ReadPassage, Reader
from .speech import Speech

if TYPE_CHECKING:
    from .answerer import Ranked

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


class OwnWords:
    """The speech passes over ranked candidates, for one answerer."""

    def __init__(self, reader: Reader, speech: Speech, params: AnswerParams,
                 rank_as: Callable[[Question, str], Ranked]):
        self.reader = reader
        self.speech = speech
        self.params = params
        self._rank_as = rank_as
        """Ranks a question as if it asked for another speaker (``Answerer._rank_as``)."""

    def order(self, q: Question, cands: list[Candidate], say: bool) -> None:
        """Sort ranked candidates best first, a speech question's speaker's own words (using the question's verb of
        speech, holding its topic, their own rather than shared with another) before every other sentence."""
        if say and q.verb:
            self.favour_verb(q, cands)
        if say:
            self.on_topic(q, cands)
        told = self.story_words(q, cands) if say else set()  # X's words in the story of X and Y, after those naming Y
        if told:
            def key(c):
                return not c.own_words, id(c) in told, -c.score, c.article, c.start
        elif say and not q.topic_terms:  # "what did Putin say?": his own words before words he shares with another
            def key(c):
                return not c.own_words, c.own_words and self.shared(c), -c.score, c.article, c.start
        else:
            def key(c):
                return not c.own_words, -c.score, c.article, c.start
        cands.sort(key=key)
        if say and q.topic_terms:
            self.quotation_first(cands, told)
        if say and q.topic_terms and self.weigh_own(q, cands):
            first = 1 if cands and cands[0].lifted else 0  # the quotation put first over the lede's report stays first
            cands[first:] = sorted(cands[first:], key=key)

    def own_inputs(self, q: Question, c: Candidate, held: dict[int, float]) -> tuple[float, float]:
        """What ``weigh_own`` weighs for candidate ``c``, one of speaker X's own words (in the order of
        ``SpeechParams.own_weights``): 1 when the words shown for it are X's quotation (in quotation marks, or X's
        report shown with X's quotation right after it, ``select.quote_after``), not only the reporter's telling of
        what X said, which restates the question's words ("UKIP spokesman Mark Croucher said those who selected Mr
        Houston knew nothing of his views" before 'He told BBC News: "... We have suspended him ..."'); and the
        IDF-weighted share of the question's topic that its article, headline included, holds (X quoted in many
        stories: "Hewitt claims fourth Sydney title" over a story of his defeat in Adelaide that names Sydney, for
        "the Sydney International"). ``held`` caches the share by article."""
        said = self.speech.speakers(c.passage.id).get(c.start)
        share = held.get(c.article)
        if share is None:
            topic = set(q.topic_terms)
            weight = {t: self.reader.weight(t) for t in topic}
            total = sum(weight.values())
            share = held[c.article] = sum(weight[t] for t in self.reader.article_holds(c.article, topic)) / total \
                if total > 0 else 0.0
        quoted = said is not None and (said.quote or select.quote_after(self.reader, self.speech, c, c.start, c.end) > c.end)
        return float(bool(quoted)), share

    def weigh_own(self, q: Question, cands: list[Candidate]) -> bool:
        """For a speech question with a topic: add to the score of each of the speaker's own words (ranked by the
        linear ranker, fitted mostly on SQuAD, which has no speakers) ``SpeechParams.own_weights`` times
        ``own_inputs`` (fitted by ``python bench/fit_speech_rank.py`` on the tuning sets' speech questions). Added after
        the linear order has chosen whether X's quotation goes before the lede reporting it (``quotation_first``); not
        for "what did X say?" without a topic, where no report restates the question's words and no article holds
        more of it. False when the weights are all 0 (nothing added)."""
        weights = self.params.speech.own_weights
        if not any(weights):
            return False
        held: dict[int, float] = {}
        for c in cands:
            if c.own_words:
                c.score += sum(w * x for w, x in zip(weights, self.own_inputs(q, c, held)) if w)
        return True

    def quotation_first(self, cands: list[Candidate], told: set[int]) -> None:
        """When the best of a speech question's candidates is the speaker's words told in reported speech in the
        article's lede ("Liverpool chief executive Rick Parry insists the club will never sell Steven Gerrard ..."),
        put the first quotation of theirs about the topic that the article gives after it first ('"There is no
        chance of Stevie going in January," said Parry. "That just won't happen. ..."'): the lede is the reporter's
        summary of what they said, the quotation their words. The lede comes second. Not when that quotation comes
        right after the lede (the lede is shown with it: ``select.quote_after``), nor a quotation that is theirs only as
        the story of X and Y (``told``: it names nothing of Y). ``SpeechParams.quotation_first`` False turns it off."""
        if not self.params.speech.quotation_first or not cands or not cands[0].own_words:
            return
        best = cands[0]
        if best.passage.paragraph != 1 or best.sentence != 0:
            return  # the lede only: a report later in the story is no summary of it
        said = self.speech.speakers(best.passage.id).get(best.start)
        if said is None or said.quote:
            return
        quotes = [c for c in cands[1:] if c.own_words and c.article == best.article and id(c) not in told
                  and (c.passage.id, c.sentence) > (best.passage.id, best.sentence)
                  and (a := self.speech.speakers(c.passage.id).get(c.start)) is not None and a.quote]
        if not quotes:
            return
        first = min(quotes, key=lambda c: (c.passage.id, c.start))
        if first.start < select.quote_after(self.reader, self.speech, best, best.start, best.end):
            return  # shown with the lede already
        cands.remove(first)
        cands.insert(0, first)
        first.lifted = True

    def on_topic(self, q: Question, cands: list[Candidate]) -> None:
        """The speaker's words that hold, in them or beside them, less than ``own_topic_share`` of the terms of a
        topic of two terms or more are not their words about it ("what did Mourinho say about interest rates":
        "Mourinho said he was 'just practising my Portuguese'" beside "Chelsea's interest"; Sony's words about a
        film "moved" for Hitachi's quickest-moving robot): one word of a topic meets a speaker's words by chance."""
        reader, share = self.reader, self.params.speech.own_topic_share
        topic = set(q.topic_terms)
        if share <= 0 or len(topic) < 2:
            return
        prefixes = c0.context.prefixes if (c0 := next(iter(cands), None)) is not None and c0.context else {}
        min_related, least = self.params.features.min_related, self.params.features.related_topic
        need = share * len(topic)  # a share of the terms, not of their weight: on one short article "Real" of
        stories: dict[int, set[str]] = {}  # article: the topic terms its headline and lede hold, when they name X
        for c in cands:            # "Real Madrid" weighs next to nothing, and is what X's words name
            if not c.own_words:
                continue
            near = self.beside(c)
            held = (near | features.related_near([near], 0, prefixes, min_related, least)) & topic  # "relations": "relationship"
            if c.sentence == 0 and c.speaker:  # the lede names X and the topic
                held |= features.opening(reader, c.passage, 0, set(self.reader.analyzer.terms(c.speaker)), topic)
            if len(held) < need - 1e-9 and self.params.speech.story_topic:
                if c.article not in stories:
                    stories[c.article] = self.story_of(c.article, set(q.speaker_terms), topic)
                held |= stories[c.article]  # the story of X and Y: what X says in it is said of Y ("I'm mad")
            if len(held) < need - 1e-9:
                c.own_words = False

    def story_words(self, q: Question, cands: list[Candidate]) -> set[int]:
        """For "what did X say about Y" (a topic of two terms or more): the articles among the candidates' that are the
        story of X and Y (``story_of`` holds ``own_topic_share`` of the topic): X's words in them are made X's own
        words though they never name Y ("I'm mad, I felt I was in there with a shot" in "Hewitt fights back to reach
        final", whose lede names Roddick and the semi-final); the ``id`` of each candidate so made."""
        topic, share = set(q.topic_terms), self.params.speech.own_topic_share
        x = set(q.speaker_terms)
        if not self.params.speech.story_topic or len(topic) < 2 or not x or not q.speaker:
            return set()
        stories: dict[int, bool] = {}
        found: set[int] = set()  # id() of the candidates made X's own words
        for c in cands:
            if c.article not in stories:
                stories[c.article] = len(self.story_of(c.article, x, topic)) >= share * len(topic) - 1e-9 \
                    and not self.speech.another(c.article, q.speaker)
            if not stories[c.article]:
                continue
            if not c.own_words:
                said = self.speech.speakers(c.passage.id).get(c.start)
                if said is None or not said.speaker or not self.speech.said_by(said, q.speaker):
                    continue
                c.own_words, c.speaker = True, said.speaker
                found.add(id(c))
        return found

    def story_of(self, article: int, speaker_terms: set[str], topic: set[str]) -> set[str]:
        """The topic terms that article ``article``'s headline and first sentence hold when they name the speaker too
        ("Hewitt fights back to reach final" / "... with a four-set win over Andy Roddick in Friday's second
        semi-final": the story of Roddick's semi-final defeat by Hewitt); else none."""
        if not speaker_terms or not topic:
            return set()
        reader = self.reader
        passages = reader.corpus.article_passages(article)
        first = reader.passage(passages.start) if len(passages) else None
        lede = set(reader.title_terms(article)) | (first.held(0) if first is not None and first.spans else set())
        return topic & lede if speaker_terms <= lede else set()

    def favour_verb(self, q: Question, cands: list[Candidate]) -> None:
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

    def role_placed(self, q: Question) -> Ranked | None:
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

    def in_document(self, q: Question, read: Callable[[], list[ReadPassage]]) -> Ranked | None:
        """For a speaker asked for as a document ("the government statement", "the statement", "the board's letter")
        to which no words are attributed: the words its owner gives in a sentence that names that document ("In a
        statement, the government said ..."), the owner being the body asked with it, else the one the first such
        sentence of the passages ``read()`` gives (best first; asked only then) is attributed to. None when the speaker is no document or no
        such words are found."""
        phrase = speaker_phrase(q.speaker or "")
        doc = self.reader.analyzer.term(phrase.head or "") if not phrase.names and phrase.head in lexicon.STATEMENTS else ""
        if not doc:
            return None
        owner = " ".join(re.sub(r"['’]s?$", "", w) for w in (q.speaker or "").split()
                         if speaker_phrase(w).head != phrase.head)
        if not (speaker_phrase(owner).head or speaker_phrase(owner).names):
            owner = next((a.speaker for passage in read() for s in passage.sentences
                          if doc in s.terms and (a := self.speech.speakers(passage.id).get(s.start)) is not None
                          and a.speaker), "")
        if not owner:
            return None
        asked = q if q.topic_terms else replace(q, topic_terms=(doc,), topic_words=(phrase.head or "",))
        ranked = self._rank_as(asked, owner)  # about the question's topic, if it has one, in a sentence naming the document
        if ranked.refusal is not None or ranked.unattributed is not None:
            return None
        ranked.candidates = [c for c in ranked.candidates if c.own_words and doc in c.passage.sentences[c.sentence].terms]
        return ranked if ranked.candidates else None

    def shared(self, c: Candidate) -> bool:
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

    def told_of(self, q: Question, said: Ranked, plain: Ranked, asked: Question | None = None) -> bool:
        """For a question that X's words or words told of X may answer (``Question.narrated``): True when
        the plain question's ranking answers it better, that is when it has candidates and either X's own
        words were not found (``said`` refused or not sure) while its best sentence's article names X (``told_of_share``
        of the weight of the search terms of the speaker ``asked``: "Tesla" of "Tesla mistakenly") and it, a
        sentence beside it or its article holds the topic; or its best sentence names X ("French President Jacques Chirac reacted to
        his warning by saying ...") while X's best words are not among its first three, and is not itself among X's words."""
        if plain.refusal is not None or not plain.candidates:
            return False
        if said.refusal is not None or said.unattributed is not None or not said.candidates:
            # only from an article that names X: X and the topic never meeting is no answer told of X
            asked = asked or q
            best = plain.candidates[0]
            topic = {plain.check.fixes.get(t, t) for t in self.topic_said(asked)} - {""}  # "Celeron" as "Celoron"
            x = set(asked.speaker_terms)
            if topic and not topic & self.beside(best) and not topic <= self.reader.article_holds(best.article, topic) \
                    and not self._x_in_article_of_y(best, asked.speaker or "", topic):
                return False  # X named with nothing of Y ("Adamu Bello said the scheme aimed to ..." for Kashmir)
            weight = {t: self.reader.weight(t) for t in x}
            held = sum(weight[t] for t in self.reader.article_holds(best.article, x))
            return held >= self.params.speech.told_of_share * sum(weight.values())  # "Tesla" of "Tesla mistakenly"
        best = said.candidates[0]
        if best.lifted and len(said.candidates) > 1:
            best = said.candidates[1]  # X's best words are the report in the lede the quotation was put first over
        if any((c.article, c.start) == (best.article, best.start) for c in plain.candidates[:3]):
            return False  # X's best words rank high among the plain question's sentences too
        top = plain.candidates[0]
        if any(c.own_words and c.article == top.article and c.start <= top.start < c.end for c in said.candidates):
            return False  # its best is X's words too, ranked below X's best already ("Corry says Robinson is ...")
        return self.speaks_in(q, top)

    def _x_in_article_of_y(self, best: Candidate, speaker: str, topic: set[str]) -> bool:
        """True when candidate ``best`` is words attributed to ``speaker`` (X) and its article holds at least
        ``told_of_share`` of the weight of the topic ``topic``: X's own words in the article about Y, though that
        article writes a word of Y otherwise ("... soft-spoken," said Florida state archivist Jody Norman" in the
        story of the newly found Jim Morrison film, which never says "newly")."""
        said = self.speech.speakers(best.passage.id)
        if not speaker or not any((a := said.get(x.start)) is not None and a.speaker and self.speech.said_by(a, speaker)
                                  for x in best.passage.sentences if best.start <= x.start < best.end):
            return False
        weight = {t: self.reader.weight(t) for t in topic}
        held = sum(weight[t] for t in self.reader.article_holds(best.article, topic))
        return held >= self.params.speech.told_of_share * sum(weight.values())

    def topic_said(self, q: Question) -> set[str]:
        """The topic terms of speech question ``q`` less those of whom X told it to ("the BBC News website" in "what
        did X tell the BBC News website (about Y)?"): the one a speaker addresses is not what they said."""
        topic = set(q.topic_terms)
        told = _TOLD_TO.search(q.text)
        return topic - set(self.reader.analyzer.terms(told.group("to"))) if told else topic

    @staticmethod
    def beside(c: Candidate) -> set[str]:
        """The terms (irregular forms read as their word) of candidate ``c``'s sentences and of the sentence either
        side of them in its passage: what X's own words are judged by too."""
        sentences = c.passage.sentences
        at = [i for i, x in enumerate(sentences) if c.start <= x.start < c.end] or [c.sentence]
        return set(c.matched).union(*(set(x.terms) | x.irregular for x in sentences[max(0, at[0] - 1):at[-1] + 2]))

    def anothers_words(self, q: Question, c: Candidate) -> bool:
        """True when candidate ``c`` (of the plain ranking of a question about speaker X's words) is the words of
        someone else that do not name X ("“And above all, we are talking ...”", Putin's, for "what was Wang's
        reaction to the talks?"): an answer to the words, not to whose they are, so not a sure one."""
        asked = set(q.speaker_terms)
        if not asked or asked & features.candidate_terms(c):
            return False  # it names X, or words of X's role ("Kathleen Utgoff, commissioner of the Bureau of Labor")
        said = self.speech.speakers(c.passage.id)
        for x in c.passage.sentences:
            a = said.get(x.start) if c.start <= x.start < c.end else None
            if a is None or not a.speaker or self.speech.said_by(a, q.speaker or ""):
                continue
            words = " ".join((a.speaker, a.phrase or "", *a.roles))
            if not asked & set(self.reader.analyzer.terms(words)):
                return True  # "Putin said", described by nothing of "Wang"
        return False

    def speaks_in(self, q: Question, c: Candidate) -> bool:
        """True when candidate ``c``'s own sentences name the speaker ``q`` asks about (``names_speaker``) as the
        one who speaks, judges or acts as the question asks: a word of the name, then (after ", who" or up to two
        helping words) a verb of speech, of calling or of stance ("Jack Straw, who accused the Tories", "Sol
        Campbell has called the rivalry ...", "Google said"); not a sentence that only names X ("the Advertising
        Standards Authority contacted Five", "Nadal beats Andy Roddick", "Austin Aitken is taking action")."""
        if not self.names_speaker(q, c):
            return False
        names = speaker_phrase(q.speaker or "").names
        text = fold(self.reader.article(c.article).text[c.start:c.end])
        return any(_speaks_after(name).search(text) for name in names if len(name) > 1)

    def names_speaker(self, q: Question, c: Candidate) -> bool:
        """True when candidate ``c``'s own sentences name the speaker ``q`` asks about: a word of its name
        ("Chirac" of "Jacques Chirac"); never for a speaker asked for by role alone (its words name the
        body, "Nokia's head of market development" is "Gerhard Romen, head of ... at Nokia")."""
        held = features.candidate_terms(c)
        names = " ".join(speaker_phrase(q.speaker or "").names)
        return bool({t for t in self.reader.analyzer.terms(names) if t} & held)
