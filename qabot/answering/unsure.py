"""The "not sure" fallbacks: what to show for "what did X say (about Y)" when X's own words about Y are not found.

Each finder looks where a careful reader would look next, and marks what it finds as not X's words about Y
(``own_words`` False), so the answer is shown as "not sure":

- ``role_holder``: for a speaker asked for by role who never speaks as that role, the person a sentence names
  right after the role ("Former referees' chief Philip Don").
- ``named_after_role``: for a speaker asked for by role ("the agent") who never speaks as that role, the
  person a story names speaking right after the sentence that holds the role.
- ``role_for_name``: for a speaker asked for by name who never speaks by name, the one role ("the legal
  assistant", "the company") an article quotes after naming X, beside the topic.
- ``words_linked_to_topic``: X's own words sharing a rare word with a sentence of their paragraph that names Y.
- ``closest_words``: X's own words in articles about Y that speak of it as "it" or "they" (or all X's words
  in an article whose headline names Y).
- ``words_of_a_part``: X's own words naming a part of a topic word ("a suit" for "the lawsuit").
- ``told_with_topic``: sentences that name X beside the topic ("Former referees' chief Philip Don backed Poll's
  decision"): told of X, or X's words that attribution missed ("The system would reduce queues ..., said Nokia.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..analysis import fold
from ..lexicon import GROUPS, ROLES
from ..speakers import speaker_phrase, speaker_terms as phrase_terms
from . import features
from .features import Candidate, Context
from .params import AnswerParams
from .parse import Question
from .score import Model
from .sentences import Reader
from .speech import Speech

if TYPE_CHECKING:
    from .answerer import Ranked


def _part_of(word: str, whole: str) -> bool:
    """True when ``word`` (a term) is a part that begins or ends the term ``whole`` ("suit" of "lawsuit", "data"
    of "databas"): four letters or more, three or more fewer than it."""
    return len(word) >= 4 and len(whole) - len(word) >= 3 and (whole.endswith(word) or whole.startswith(word))


_DEFINITE = re.compile(r"[Tt]he\s")
"""A speaker phrase that refers back to someone already named ("The director", "the legal assistant")."""

_STANDS_FOR = re.compile(r"\b(?:they|them|it)\b", re.I)
"""A word that may stand for what the question asks about, in words that never name it."""


def _near(passage, start: int, topic: set[str]) -> bool:
    """True when the sentence of ``passage`` at ``start`` or one beside it holds a topic term."""
    sentences = passage.sentences
    at = next((i for i, x in enumerate(sentences) if x.start == start), None)
    return at is not None and any(_names_topic(x, topic) for x in sentences[max(0, at - 1):at + 2])


def _names_topic(sentence, topic: set[str]) -> bool:
    """True when ``sentence`` holds a topic term, stemmed or as an irregular form."""
    return bool(topic & (set(sentence.terms) | sentence.irregular))


class Unsure:
    """The "not sure" finders of one answerer (its reader, speech, model and params); ``rank_as`` ranks a
    question as if it asked for another speaker (a role or name the articles write for the one asked)."""

    def __init__(self, reader: Reader, speech: Speech, model: Model, params: AnswerParams,
                 rank_as: Callable[[Question, str], Ranked]):
        self.reader, self.speech, self.model, self.params, self.rank_as = reader, speech, model, params, rank_as

    def role_holder(self, q: Question, cands: list[Candidate]) -> tuple[str, int] | None:
        """For a speaker asked for by role ("the former referees' chief") with no words of their own: the person a
        sentence among the best ``role_candidates`` names right after every word of the role ("Former referees'
        chief Philip Don backed Poll's decision", "Real Madrid sporting director Emilio Butragueno"): a first name
        and a surname, capitalised, after the role's head word, and the article that names them so. None otherwise."""
        phrase = speaker_phrase(q.speaker or "")
        if not q.speaker or phrase.names or not phrase.head:
            return None
        role = {t for t in self.reader.analyzer.terms(q.speaker) if t}
        for c in cands[:self.params.speech.role_candidates]:
            sentence = next((x for x in c.passage.sentences if x.start == c.start), None)
            if sentence is None or not role <= set(sentence.terms):
                continue
            if (found := self._holder(q, c.article, sentence)) is not None:
                return found, c.article
        return None

    def _holder(self, q: Question, article: int, sentence) -> str | None:
        """The person ``sentence`` of ``article`` names right after the head word of the role ``q`` asks for ("chief
        Philip Don"): a first name and a surname, capitalised; None when it names none so."""
        head = speaker_phrase(q.speaker or "").head
        if not head:
            return None
        pattern = re.compile(rf"\b(?i:{re.escape(head)})\w*\s+((?:[A-Z][\w’'-]+\s+)+[A-Z][\w’'-]+)")
        found = pattern.search(self.reader.article(article).text, sentence.start, sentence.end)
        return found.group(1) if found is not None else None

    def named_after_role(self, q: Question, cands: list[Candidate]) -> str | None:
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
            if self._holder(q, c.article, sentences[at]) is not None:
                continue  # it names who holds the role ("chief Philip Don"): not whoever speaks next
            for x in sentences[at + 1:at + 2]:
                a = said.get(x.start)
                if a is None or not a.speaker or a.continued:
                    continue
                name = speaker_phrase(a.speaker).names
                terms = set(phrase_terms(a.speaker, reader.analyzer))
                if name and terms and not terms & set(sentences[at].terms):
                    return a.speaker
        return None


    def role_for_name(self, q: Question, hits: list, message: str) -> Ranked | None:
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
            ranked = self.rank_as(q, said)
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

    def closest_words(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
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

    def words_of_a_part(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
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
                    terms = features.candidate_terms(c)
                    parts = {t for t in topic - held if any(_part_of(w, t) for w in terms)}
                    if parts and topic <= held | parts:
                        out.append(c)
        return self._not_sure(out)

    def words_linked_to_topic(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
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
                    terms = features.candidate_terms(c)
                    if any(reader.idf(t) >= floor for t in (terms & named) - asked):
                        out.append(c)
        return self._not_sure(out)

    def told_with_topic(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
        """For "what did X say about Y" where no words of X naming Y are found: the sentences of the articles among
        the best passages that name X and hold Y, nobody's words or X's, best first, for a "not sure" answer: told
        of X ("For Richard Tateson, ..., the need for a new way to search grew out of personal frustration." for his
        words on why a new way to search was needed), or X's words that attribution missed ("The system would
        reduce queues ..., said Nokia."). A speaker asked for by name is named by their surname, and Y held when
        the sentence with ``told_beside`` sentences either side holds ``told_topic_share`` of the topic's weight
        ("Daniela Hantuchova ... now faces Serena Williams" for her chances against Serena Williams); one asked for
        by role needs every word of it ("Former referees' chief Philip Don backed Poll's decision") and the whole
        topic in the sentence itself, a role's words being common ones. X and Y meeting only in different parts
        of an article ("Wenger" in one, "Vieira" in another) are no such sentence, nor a topic of one term
        (``told_topic_terms``): X and one word often meet by chance ("Tim Henman was named player of the year
        ... at Wimbledon")."""
        reader, params = self.reader, self.params.speech
        topic = set(q.topic_terms)
        phrase = speaker_phrase(q.speaker or "")
        if phrase.names:
            names, share, beside = set(reader.analyzer.terms(phrase.names[-1])), params.told_topic_share, params.told_beside
        else:
            names, share, beside = set(reader.analyzer.terms(q.speaker or "")), 1.0, 0
        names.discard("")
        if len(topic) < params.told_topic_terms or not names:
            return []
        weight = {t: reader.weight(t) for t in topic}
        need = share * sum(weight.values())

        def holds(terms: set[str]) -> bool:
            return sum(weight[t] for t in topic & terms) >= need - 1e-9

        _, articles = self._anyone_in_best_articles(q, ctx, hits)
        out: list[Candidate] = []
        for article in articles:
            held = reader.article_holds(article, topic | names)
            if not names <= held or not holds(held):
                continue
            for rank, p in enumerate(reader.corpus.article_passages(article), start=1):
                passage = reader.passage(p)
                said = self.speech.speakers(p)
                for c in features.candidates(reader, self.speech, ctx, passage, 0.0, rank):
                    at = [i for i, x in enumerate(passage.sentences) if c.start <= x.start < c.end]
                    if any((a := said.get(passage.sentences[i].start)) is not None and a.speaker
                           and not self.speech.said_by(a, q.speaker or "") for i in at):
                        continue  # another's words naming X ("UKIP had a huge amount to do with Tony Blair's decision")
                    if not names <= features.candidate_terms(c):
                        continue
                    near = passage.sentences[max(0, at[0] - beside):at[-1] + beside + 1]
                    if holds(set(c.matched).union(*(set(x.terms) | x.irregular for x in near))):
                        out.append(c)
        return self._not_sure(out)

    def words_in_their_one_article(self, q: Question, ctx: Context, hits: list) -> list[Candidate]:
        """For "what did X say about Y" where X's words never name Y: when the corpus names X in just one article
        (``SpeechParams.one_article``) and its headline names Y (a word of it), all of X's words in it, best first,
        for a "not sure" answer. A person's words seldom repeat the question's ("Karen Doyle" on how she learned of
        the burst, in "Thousands without water after main bursts": "We found out on Facebook"), and the story is
        Y's. Not in a story whose headline is about something else, where X may have spoken of another thing
        ("Promoter Jim Hart said ticket prices ... would rise" in a story of a poll, asked about a band in it); nor
        for X named in more articles (Wenger and Vieira in a folder of football), which of them is about Y not
        being known."""
        topic, reader, most = set(q.topic_terms), self.reader, self.params.speech.one_article
        if not topic or not q.speaker_terms:
            return []
        named: set[int] | None = None
        for term in q.speaker_terms:  # the articles naming X
            found_in = reader.articles_with(term)
            named = found_in if named is None else named & found_in
            if len(named) > most:
                return []  # X named in many articles: which one's words are about Y is not known
        anyone, articles = self._anyone_in_best_articles(q, ctx, hits)
        found = []
        for article in articles:
            if not topic & set(reader.title_terms(article)):
                continue  # a story whose headline is not about Y: X may well have spoken of something else in it
            passages = [reader.passage(p) for p in reader.corpus.article_passages(article)]
            speaks = [(rank, passage) for rank, passage in enumerate(passages, start=1)
                      if self.speech.speaks(passage.id, q.speaker)]
            if speaks:
                found.append(speaks)
        out = [c for speaks in found for rank, passage in speaks
               for c in features.candidates(reader, self.speech, anyone, passage, 0.0, rank, own_only=True)]
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
