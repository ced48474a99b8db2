"""Features: a named vector for every candidate sentence, and for the confidence in an answer.

A candidate sentence's ranking features (``FEATURES``) describe how it matches the question: the
IDF-weighted share of the question's terms it holds, its neighbours' and title's share, its passage's
BM25 score, adjacent term pairs, an answer-type cue, X's own words for a speech question. The fitted
weights in ``weights.json`` combine them (see ``score.py``). The confidence features
(``CONFIDENCE_FEATURES``) add what is known of the question as a whole: how much of it the corpus
lacks, how far the candidate falls behind the best one.
"""

from __future__ import annotations

import math
import re
import weakref
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from ..analysis import Analyzer, find_words
from ..forms import nations
from ..lazyseq import MadeWhenRead
from ..lexicon import ASKS_MEASURE, CREATORS, DESCRIBED_PEOPLE, ROLES
from ..speakers import quoted_words
from . import acronyms, near, surnames
from .parse import Question, QuestionKind
from .sentences import DATE, NUMBER, Reader, ReadPassage, Sentence, cached
from .speech import Speech

FEATURES = (
    "match", "coverage", "neighbours", "inherited", "passage", "passage_coverage", "pairs", "cue", "title",
    "related", "own_words", "own_quote", "topic_in_quote", "long", "rank", "lede", "quote", "pronoun", "words",
    "rarest", "absent_idf", "bm25", "cue_who", "cue_when", "cue_where", "cue_amount", "new_names", "new_numbers",
    "compact", "novel", "exact", "phrases", "asked_near",
)
"""The ranking features of a candidate sentence, in the order of the fitted weights.

- match: IDF-weighted share of the question's terms the sentence holds (terms found in many candidate
  sentences weigh less: they tell them apart less);
- coverage: the same share with plain IDF weights (the question's terms it holds at all);
- neighbours: share of the question's terms in the sentences right before and after, not in this one;
- inherited: share of the previous sentence's matches, for a sentence that opens with "He", "It", "The";
- passage: the passage's BM25 score as a share of the best passage's;
- passage_coverage: IDF-weighted share of the question's terms anywhere in the passage;
- pairs: share of the question's adjacent term pairs standing together in the sentence;
- cue: the sentence holds what the question's type asks for (an amount, a number, a date, a name, a place; the
  measure asked, "how fast": a speed; a name beside the role word asked, "which judge");
- title: share of the question's terms in the article's title and not in the sentence;
- related: share of terms the sentence holds only as a longer or shorter word ("Mongol": "Mongolian");
- own_words: for "what did X say", the sentence is X's words (quoted or reported) near the topic;
- own_quote: X's words in quotation marks;
- topic_in_quote: the topic stands inside X's quoted words;
- long: characters past ``long_sentence``, per ``long_sentence``;
- rank: 1 / the passage's BM25 rank;
- lede: 1 / the paragraph number (the opening of an article says what it is about);
- quote: the sentence holds quotation marks;
- pronoun: the sentence opens with a pronoun;
- words: log of the sentence's number of terms;
- rarest: the sentence holds the question's rarest term;
- absent_idf: the largest IDF (as a share of the largest possible) of a question term its passage lacks;
- bm25: the passage's BM25 score over the sum of the question's terms' IDF (comparable across corpora);
- cue_who, cue_when, cue_where, cue_amount: ``cue`` for that kind of question only;
- new_names: the sentence names someone or something the question does not;
- new_numbers: the sentence holds a number or date the question does not;
- compact: matched terms over the length (in terms) of the shortest stretch that holds them all;
- novel: share of the sentence's distinct terms the question does not hold (an answer says something
  the question does not; a sentence that only restates the question does not answer it);
- exact: IDF-weighted share of the question's terms the sentence holds as the question writes them
  ("revoked" for "revoked", not only "revocation" for it: a stem shared by other words says less);
- phrases: share of the question's adjacent words, stopwords too, standing together in the sentence
  ("head coach", "end of"): the question restating the sentence's own phrasing;
- asked_near: for a who, when or where question naming a verb, the sentence writes that verb with what the
  question asks for near it in the verb's own clause (a place after it, a time or another name around it;
  ``near.asked_near``): "met with Wang Yi ... at the Kremlin" for "where did they meet", not "As Putin and Wang
  met, Biden was gathering ... in Warsaw".

exact and phrases are 0 for a speech question with a speaker (its words are mostly the frame "what did ...
say about"), and only the boosted trees weigh them and asked_near (``LINEAR_LEFT_OUT``): the linear ranker, which
alone orders a speech question's candidates, is the one fitted without them.
"""

LINEAR_LEFT_OUT = ("exact", "phrases", "asked_near")
"""Ranking features the linear ranker gives no weight (``bench/fit.py``): only the trees use them."""

QUESTION_FEATURES = (
    "score", "behind", "margin", "position", "q_missing", "q_missing_name", "q_strange", "q_far", "q_article",
    "q_terms", "q_fixed", "q_corpus",
    "q_who", "q_when", "q_where", "q_amount", "q_what", "q_other",
)
"""What the confidence adds to a candidate's ranking features:

- score: the candidate's fitted ranking score; behind: how far it is behind the best candidate's;
  margin: how far the best is ahead of the second; position: its place among the answers (0 first);
- q_missing: weight share of the topic the corpus lacks; q_missing_name: the share of it the question
  writes as a name (capitalised, not first) or a number; q_strange: the share that is no misspelling of
  a word it holds; q_far: the share of names it writes only far from the question's other words;
  q_article: the share of the topic the best sentence's whole article (its headline too) lacks;
- q_terms: log of the number of topic terms; q_fixed: a misspelt word was searched as a corrected one;
- q_corpus: log10 of the number of passages searched (a word a one-article corpus lacks says less
  against an answer than one a whole library lacks: a reader's paraphrase misses a small text's words);
- q_who ... q_other: the kind of question.
"""

LEFT_OUT = ("own_words", "own_quote", "topic_in_quote", "lede", "quote", "pronoun", "words", "long", "bm25", "exact",
            "phrases", "asked_near")
"""Ranking features the confidence leaves out.

A speech answer is judged, like any other, by how well it matches the question's words (its speaker's
name among them), not by the gold strings of a few speech questions, which name one of the speaker's
sentences and not the others. The shape of a sentence (its length, quotation marks, an opening
pronoun, its paragraph's place) and raw BM25 tell one corpus's style from another's, so a confidence fitted
with one corpus's questions asked of another would learn the style, not whether the sentence answers.
exact, phrases and asked_near weigh in the ranking score already, which the confidence reads."""
CONFIDENCE_FEATURES = tuple(f for f in FEATURES if f not in LEFT_OUT) + QUESTION_FEATURES
"""The confidence model's inputs, in the order of its fitted weights."""
_KEPT = tuple(i for i, f in enumerate(FEATURES) if f not in LEFT_OUT)


@dataclass(slots=True)
class Candidate:
    """A sentence under consideration, with its features."""

    passage: ReadPassage
    """The passage it stands in."""
    start: int
    """Character offset of the evidence (the sentence, or the one before it too) in the article text."""
    end: int
    """Character offset just past it."""
    matched: frozenset[str]
    """The question's terms it holds (or inherits)."""
    coverage: float
    """IDF-weighted share of the question's terms it or its article's headline holds."""
    speaker: str | None
    """Whose words it is, when it is the asked speaker's."""
    own_words: bool
    """It is the asked speaker's words about the topic."""
    x: list[float]
    """The ranking features, in the order of ``FEATURES``."""
    say: bool = False
    """It is a candidate for a speech question with a speaker (ranked by the linear ranker alone)."""
    context: "Context | None" = None
    """Its question's context (``add_written`` reads it)."""
    trees: float = 0.0
    """What the boosted trees added to its score (``Model.rank``)."""
    sentence: int = 0
    """Its sentence's place in its passage."""
    score: float = 0.0
    """The fitted ranking score."""
    confidence: float = 0.0
    """The fitted probability that it holds the answer."""
    inputs: list[float] = field(default_factory=list)
    """The confidence features, in the order of ``CONFIDENCE_FEATURES`` (set for the best candidates)."""
    lifted: bool = False
    """A speech question's speaker's quotation put first over their report of it in the lede
    (``OwnWords.quotation_first``): the report, second, is their best words by score."""

    @property
    def article(self) -> int:
        return self.passage.article


@dataclass
class Context:
    """What every candidate of one question is measured against."""

    question: Question
    weights: dict[str, float]
    """Each search term's weight (IDF to a power)."""
    local: dict[str, float]
    """The same, lowered for terms found in many candidate sentences."""
    say: bool
    """A speech question with a speaker."""
    idf_sum: float
    """Sum of the IDF of the terms searched for (normalises BM25 scores)."""
    max_idf: float
    """The largest IDF a term can have in this corpus."""
    best_score: float
    """The best passage's BM25 score."""
    rarest: str | None
    """The question's rarest topic term the corpus holds."""
    total: float = 0.0
    local_total: float = 0.0
    bigrams: set = field(default_factory=set)
    asked: frozenset = frozenset()
    question_terms: set = field(default_factory=set)
    topic: set = field(default_factory=set)
    speaker_terms: set = field(default_factory=set)
    words: tuple = ()
    """The question's words as written, lowercased (stopwords too; none for a speech question with a speaker)."""
    word_pairs: frozenset = frozenset()
    """The question's adjacent pairs of those words."""
    prefixes: dict = field(default_factory=dict)
    """The searched terms of at least ``min_related`` letters by their first ``min_related`` (``related``)."""
    min_related: int = 0
    reader: Reader | None = None
    """The reader its candidates are read with (``add_written`` reads their sentences' words as written with
    it; a speech question with a speaker needs none)."""
    written: tuple = ()
    """Those of its words whose term is searched, each with that term (needs ``reader``)."""
    measure: tuple = ()
    """For a question asking a measure ("how fast"), the patterns of what answers it (``lexicon.ASKS_MEASURE``)."""
    country: bool = False
    """For "which country ...", "what countries ...": a country's name anywhere in a sentence answers it ("Among the
    biggest laggards ... are Greece and Italy"), not only after "in" or "at" (``cue``)."""
    role: re.Pattern | None = None
    """For "which judge ...", a role word beside a name ("US judge Susan Illston", "Illston, the judge")."""
    full_names: tuple = ()
    """The names the question writes in two or more words (``surnames.full_names``; none for a speech question with
    a speaker)."""
    named: dict = field(default_factory=dict)
    """By full name, whether an article writes it (``surnames.stands_for``)."""

    def __post_init__(self) -> None:
        q = self.question
        if q.kind in (QuestionKind.HOW_MUCH, QuestionKind.HOW):
            self.measure = next((wants for asks, wants in ASKS_MEASURE if asks.search(q.text)), ())
        elif q.kind is QuestionKind.WHERE and ASKS_COUNTRY.search(q.text):
            self.country = True
        elif q.kind is QuestionKind.WHAT and (m := _ASKS_ROLE.match(q.text)):
            role = next((w for w in m.group("words").lower().split() if w in ROLES), None)
            self.role = _role_beside_name(role) if role else None
        self.total = sum(self.weights.values()) or 1.0
        self.local_total = sum(self.local.values()) or 1.0
        self.bigrams = bigrams(q.topic_terms)
        self.asked = frozenset(n.lower() for n in NUMBER.findall(q.text)) | frozenset(DATE.findall(q.text))
        self.question_terms = set(q.terms)
        self.topic = set(q.topic_terms)
        self.speaker_terms = set(q.speaker_terms)
        self.words = () if self.say else tuple(written(w) for w in find_words(q.text))
        if not self.say and self.reader is not None and self.reader.params.features.surnames:
            self.full_names = surnames.full_names(q.text, self.reader.analyzer.term, self.question_terms)
        self.word_pairs = frozenset(zip(self.words, self.words[1:]))
        if self.reader is not None:
            self.min_related = self.reader.params.features.min_related
            self.prefixes = _prefixes(self.weights, self.min_related)
        if self.words and self.reader is not None:
            term = self.reader.analyzer.term
            self.written = tuple({w: t for w in self.words if (t := term(w)) in self.weights}.items())


_PERSON_WORDS = ROLES | CREATORS | DESCRIBED_PEOPLE
_DESCRIBED = re.compile(r"[^\w\"“‘']*(?:The|the)\s+(?:\d+-year-old\b|(?:[\w-]+\s+){0,3}?(?P<role>[a-z][\w-]*)\b(?=\s*(?:,|who\b|"
                        r"[a-z]+(?:s|ed)\b|(?:will|would|can|could|may|might|must|should|had|also|then|later)\b)))")
"""A sentence that opens by describing its subject: "The 58-year-old ...", "The actor, who ...", "The world junior
champion clocked ...", "The US star will play ..." (the described role word is checked against ``lexicon.ROLES``,
``CREATORS`` and ``DESCRIBED_PEOPLE``); not inside a quotation ('"The attorney general may never have ...," he said'),
whose words are the speaker's."""


def described(reader: Reader, passage: ReadPassage, sentence: Sentence) -> bool:
    """Whether ``sentence`` opens by describing a person ("The 58-year-old", "The actor, who"): in a short story,
    that person is the story's subject."""
    found = _DESCRIBED.match(reader.article(passage.article).text, sentence.start, sentence.end)
    return found is not None and (found.group("role") is None or found.group("role") in _PERSON_WORDS)


_SUBJECTS: "weakref.WeakKeyDictionary[Reader, dict[int, frozenset[str]]]" = weakref.WeakKeyDictionary()
"""Per reader, per article: ``story_subject``."""


def story_subject(reader: Reader, article: int) -> frozenset[str]:
    """The terms that say whom a short story (``RetrievalParams.short_story``) is about, whom a sentence opening "The
    58-year-old ..." or "The musician ..." speaks of in it: its headline's, and with ``story_lede`` the names of its first
    sentence ("The life of late Joy Division singer Ian Curtis ..."); none for a longer article or with
    ``story_subject`` off. Cached per reader (every candidate passage asks it)."""
    return cached(_SUBJECTS.setdefault(reader, {}), article, reader.params.caches.articles,
                  lambda a: _story_subject(reader, a))


def _story_subject(reader: Reader, article: int) -> frozenset[str]:
    """``story_subject``, uncached."""
    params = reader.params.features
    if not params.story_subject or len(reader.corpus.article_passages(article)) > reader.params.retrieval.short_story:
        return frozenset()
    title = reader.title_terms(article)
    return title | lede_names(reader, article) if params.story_lede else title


def lede_names(reader: Reader, article: int) -> frozenset[str]:
    """The terms of the names (capitalised words past its first) of ``article``'s first sentence."""
    passages = reader.corpus.article_passages(article)
    if not passages:
        return frozenset()
    sentences = reader.passage(passages.start).sentences
    return sentences[0].names if sentences else frozenset()


def written(word: str) -> str:
    """A word as written, lowercased and without a possessive "'s" ("Uganda's": "uganda")."""
    word = word.lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word


_WRITTEN: "weakref.WeakKeyDictionary[Reader, dict[int, tuple]]" = weakref.WeakKeyDictionary()
"""Per reader, per passage id: each sentence's words as written and their adjacent pairs (``sentence_words``)."""


def _written_cache(reader: Reader) -> dict[int, tuple]:
    """``reader``'s passages' sentences' words as written, by passage id."""
    cache = _WRITTEN.get(reader)
    if cache is None:
        cache = _WRITTEN[reader] = {}
    return cache


def sentence_words(reader: Reader, passage: ReadPassage) -> tuple[tuple[frozenset, frozenset], ...]:
    """Each sentence of ``passage``: its words as written (``written``) and their adjacent pairs; worked out
    once per passage and kept as long as the reader keeps its passages."""
    cache = _written_cache(reader)
    found = cache.get(passage.id)
    if found is None:
        if len(cache) >= reader.params.caches.passages:
            cache.clear()
        text = reader.article(passage.article).text
        out = []
        for s in passage.sentences:
            words = [written(w) for w in find_words(text, s.start, s.end)]
            out.append((frozenset(words), frozenset(zip(words, words[1:]))))
        found = cache[passage.id] = tuple(out)
    return found


@dataclass(frozen=True)
class Shapes:
    """What ``candidates`` reads of a passage's sentences whatever the question, worked out once per passage
    (``shapes``): each one entry per sentence, the last three each made when first read (``candidates`` reads them only
    for the sentences that hold a word of the question, most often a few of a passage's)."""

    held: tuple[set, ...]
    """Its terms and the terms of the words it holds irregular forms of (``set(terms) | irregular``; never
    changed: the question's terms are intersected with it)."""
    unique: tuple[frozenset, ...]
    """Its distinct terms."""
    distinct: tuple[int, ...]
    """How many distinct terms it holds."""
    words: tuple[float, ...]
    """``log1p`` of its number of terms."""
    pairs: MadeWhenRead
    """Its adjacent term pairs, and those of its terms with irregular forms read as their word."""
    prefixes: MadeWhenRead
    """The first ``min_related`` letters of its terms of at least that many letters."""
    places: MadeWhenRead
    """Where each of its terms stands in it (``compact``)."""

    @cached_property
    def sentences_with(self) -> dict[str, int]:
        """For each term of the passage, how many of its sentences hold it (``local_weights``; not read for a speech
        question)."""
        counts: dict[str, int] = {}
        for unique in self.unique:
            for t in unique:
                counts[t] = counts.get(t, 0) + 1
        return counts


_SHAPES: "weakref.WeakKeyDictionary[Reader, dict[int, Shapes]]" = weakref.WeakKeyDictionary()
"""Per reader, per passage id: its sentences' ``Shapes``."""


def shapes(reader: Reader, passage: ReadPassage) -> Shapes:
    """``passage``'s sentences' ``Shapes``, worked out once and kept as long as the reader keeps its passages."""
    cache = _SHAPES.get(reader)
    if cache is None:
        cache = _SHAPES[reader] = {}
    found = cache.get(passage.id)
    if found is None:
        if len(cache) >= reader.params.caches.passages:
            cache.clear()
        size = reader.params.features.min_related
        forms = reader.form_terms
        sentences = passage.sentences
        held, unique_terms, distinct, words = [], [], [], []
        known = acronyms.pairs(reader, passage.article)  # "UKIF" holds "UK Internet Forum" where the article says so
        for s in sentences:
            terms = s.terms
            unique = set(terms)
            held.append(acronyms.widened(unique | s.irregular, known) if known else unique | s.irregular)
            unique_terms.append(frozenset(unique))
            distinct.append(len(unique))
            words.append(math.log1p(len(terms)))

        def pairs(i: int) -> frozenset:
            s = sentences[i]
            terms = s.terms
            adjacent = set(zip(terms, terms[1:]))
            if s.irregular:
                shown = tuple(map(forms.get, terms, terms))
                adjacent.update(zip(shown, shown[1:]))
            return frozenset(adjacent)

        def prefixes(i: int) -> frozenset:
            return frozenset(t[:size] for t in unique_terms[i] if len(t) >= size)

        def places(i: int) -> dict[str, tuple[int, ...]]:
            at: dict[str, list[int]] = {}
            for k, t in enumerate(sentences[i].terms):
                at.setdefault(t, []).append(k)
            return {t: tuple(v) for t, v in at.items()}

        n = len(sentences)
        found = cache[passage.id] = Shapes(held=tuple(held), unique=tuple(unique_terms), distinct=tuple(distinct),
                                           words=tuple(words), pairs=MadeWhenRead(n, pairs),
                                           prefixes=MadeWhenRead(n, prefixes), places=MadeWhenRead(n, places))
    return found


def local_weights(reader: Reader, passages: list[ReadPassage], weights: dict[str, float]) -> dict[str, float]:
    """The question's term weights for choosing among the sentences of ``passages``: a term found in
    many of their sentences (the article's subject, "Tesla" in an article about Tesla) tells them apart
    less than one found in few, so it loses up to ``local_weight`` of its weight."""
    found = [shapes(reader, p) for p in passages]
    n = sum(len(f.held) for f in found)
    if not n:
        return weights
    lose = reader.params.features.local_weight
    counts = [f.sentences_with for f in found]
    return {t: w * (1 - lose * sum(c.get(t, 0) for c in counts) / n) for t, w in weights.items()}


def candidates(reader: Reader, speech: Speech, ctx: Context, passage: ReadPassage, score: float,
               rank: int, own_only: bool = False) -> list[Candidate]:
    """The candidate sentences of one passage with their ranking features (sentences that match nothing
    of the question are left out, and with ``own_only`` all but the asked speaker's own words)."""
    params = reader.params.features
    q = ctx.question
    wanted = ctx.weights.keys()
    weights, local, total, local_total = ctx.weights, ctx.local, ctx.total, ctx.local_total
    speakers = speech.speakers(passage.id) if ctx.say and not speech.another(passage.article, q.speaker or "") else None
    if own_only and not _any_own(reader, ctx, passage, speakers, speech):
        return []  # none of the speaker's own words near the topic: the rest of the passage is not even analysed
    sentences = passage.sentences
    shaped = shapes(reader, passage)
    present = [wanted & held for held in shaped.held]
    previous = reader.previous_sentence(passage)
    title = wanted & reader.title_terms(passage.article)
    # a short story's headline subject is who "The 58-year-old" and "She" are in it (``RetrievalParams.short_story``)
    story = wanted & subject if (subject := story_subject(reader, passage.article)) else None
    whole = set().union(*present) if present else set()
    passage_coverage = sum(weights[t] for t in whole) / total
    absent = [reader.idf(t) for t in ctx.topic if t not in whole and t in weights]
    absent_idf = max(absent) / ctx.max_idf if absent and ctx.max_idf > 0 else 0.0
    before_passage = wanted & (set(previous.terms) | previous.irregular) if previous else set()
    share = score / ctx.best_score if ctx.best_score > 0 else 0.0
    bm25 = score / ctx.idf_sum if ctx.idf_sum > 0 else 0.0
    lede = 1.0 / max(1, passage.paragraph)
    kind = _CUE_KIND.get(q.kind)
    local_of, weight_of = local.__getitem__, weights.__getitem__
    prefixes, min_related, question_bigrams = ctx.prefixes, ctx.min_related, ctx.bigrams
    sentence_pairs, sentence_prefixes, distinct, n_words = shaped.pairs, shaped.prefixes, shaped.distinct, shaped.words
    places, unique = shaped.places, shaped.unique
    question_terms, asked = ctx.question_terms, ctx.asked
    if ctx.reader is None:  # a context made without its reader: the related terms' prefixes worked out here
        prefixes, min_related = _prefixes(weights, params.min_related), params.min_related
    starts = prefixes.keys()
    say, rarest, speaker_terms, topic = ctx.say, ctx.rarest, ctx.speaker_terms, ctx.topic
    n_bigrams = len(question_bigrams)
    long_sentence = params.long_sentence
    by_rank = 1.0 / rank
    who, when, where, amount = (float(kind == k) for k in ("who", "when", "where", "amount"))
    none: set = set()
    typed = bool(ctx.measure) or (ctx.role is not None or ctx.country) and ctx.reader is not None
    text = reader.article(passage.article).text if typed else ""
    out: list[Candidate] = []
    for i, sentence in enumerate(sentences):
        matched = present[i]
        speaker = None
        own = False
        own_quote = topic_in_quote = 0.0
        if say:
            attribution = speakers.get(sentence.start) if speakers else None
            who_speaks = set(reader.analyzer.terms(attribution.speaker)) if attribution and attribution.speaker else set()
            prior = present[i - 1] if i else opening(reader, passage, i, who_speaks, wanted)  # the lede's Y, with X
            near = present[i] | prior | (present[i + 1] if i + 1 < len(present) else set())
            own = bool(who_speaks) and speech.said_by(attribution, q.speaker) and (
                not topic or bool(topic & near)
                or not own_only and bool(topic & related_near(shaped.held, i, prefixes, min_related, params.related_topic)))
            if own:
                speaker = attribution.speaker
                matched = matched | speaker_terms
                own_quote = 1.0 if attribution.quote else 0.0
                if topic and attribution.quote:
                    words = quoted_words(reader.article(passage.article).text[sentence.start:sentence.end])
                    if topic & set(reader.analyzer.terms(words)):
                        topic_in_quote = 1.0
            elif who_speaks:
                matched = matched - speaker_terms
        if not (matched or title) or (own_only and not own):
            continue  # a sentence that holds none of the question's words counts only if its headline does
        if ctx.full_names and any(n.last in matched and not n.rest <= matched for n in ctx.full_names):
            # "Bening, who was born ..." in an article naming Annette Bening holds her name
            matched = matched | (surnames.stands_for(ctx.full_names, matched, reader.article(passage.article).text,
                                                     sentence, passage.article, ctx.named) - title)
        before = present[i - 1] if i else before_passage
        after = present[i + 1] if i + 1 < len(present) else none
        neighbours = sum(map(local_of, (before | after) - matched)) / local_total
        inherited = before - matched if sentence.anaphor else none
        inherited_share = sum(map(local_of, inherited)) / local_total if inherited else 0.0
        if story and (subject := story - matched - inherited) and described(reader, passage, sentence):
            inherited_share += sum(map(local_of, subject)) / local_total
        headline = sum(map(local_of, title - matched)) / local_total if title else 0.0
        terms = sentence.terms
        related = 0.0
        if prefixes:  # only where a term not matched starts as one of the sentence's terms does
            shared = sentence_prefixes[i].intersection(starts)
            if shared and not all(t in matched for h in shared for t in prefixes[h]):
                related = sum(map(local_of, _related(terms, matched, prefixes, min_related))) / local_total
        # "Tesla won" stands for the question's "Tesla win": the pairs hold those with irregular forms read as their word
        pairs = len(question_bigrams & sentence_pairs[i]) / n_bigrams if n_bigrams else 0.0
        length = sentence.end - sentence.start
        start = sentence.start
        hint = cue(q.kind, sentence, question_terms, asked, text[start:sentence.end], ctx) if typed else \
            cue(q.kind, sentence, question_terms, asked)
        coverage = sum(map(weight_of, matched)) / total
        x = [
            sum(map(local_of, matched)) / local_total, coverage, neighbours, inherited_share, share,
            passage_coverage, pairs, hint, headline, related,
            float(own), own_quote, topic_in_quote, max(0, length - long_sentence) / long_sentence,
            by_rank, lede, float(sentence.quote), float(sentence.pronoun), n_words[i],
            float(rarest is not None and rarest in matched), absent_idf, bm25,
            hint * who, hint * when, hint * where, hint * amount,
            float(not sentence.names <= question_terms), float(not (sentence.numbers <= asked and sentence.dates <= asked)),
            _compact(places[i], matched, len(terms)) if len(matched) > 1 else 0.0,
            (distinct[i] - len(question_terms & unique[i])) / distinct[i] if terms else 0.0,
            0.0, 0.0, 0.0,  # exact, phrases, asked_near: set by ``add_written`` for the candidates the trees score
        ]
        if inherited and sentence.pronoun and not own:
            # "He had been mentored by Li Meng." needs the sentence that says who "he" is
            start = sentences[i - 1].start if i else previous.start
            matched = matched | inherited
            coverage = sum(map(weight_of, matched)) / total
        shown = coverage + sum(map(weight_of, title - matched)) / total if title else coverage  # the headline holds the rest
        out.append(Candidate(passage, start, sentence.end, frozenset(matched), shown, speaker, own, x, say, ctx,
                             0.0, i))
    return out


def _any_own(reader: Reader, ctx: Context, passage: ReadPassage, speakers: dict | None, speech: Speech) -> bool:
    """Whether some sentence of ``passage`` is the asked speaker's own words near the topic, as ``candidates``
    decides it (attributed to the speaker, the topic in it or a neighbour, a speaker with terms), analysing only
    those sentences and their neighbours."""
    if not speakers:
        return False
    wanted, spans, asked = ctx.weights.keys(), passage.spans, ctx.question.speaker
    present: dict[int, set] = {}

    def at(j: int) -> set:
        if not 0 <= j < len(spans):
            return set()
        found = present.get(j)
        if found is None:
            found = present[j] = wanted & passage.held(j)
        return found

    for i, (start, _) in enumerate(spans):
        attribution = speakers.get(start)
        if attribution is None or not attribution.speaker or not speech.said_by(attribution, asked):
            continue
        who = set(reader.analyzer.terms(attribution.speaker))
        if not who:
            continue
        if ctx.topic and not ctx.topic & (at(i) | at(i - 1) | at(i + 1) | opening(reader, passage, i, who, wanted)):
            continue
        return True
    return False


def related_near(held, i: int, prefixes: dict[str, list[str]], min_related: int, least: int) -> set[str]:
    """The searched terms that a word of sentence ``i`` or of a sentence beside it extends or shortens (``_related``,
    the shorter of the two of ``least`` letters or more, ``FeatureParams.related_topic``: "relat" of "no diplomatic relations with him" for
    "relationship", "economi" of "the economy" for "econom"), ``held`` giving each sentence's terms: X's words that
    speak of the topic in another form of its word. Only in the passages read first: one read deeper is set aside
    unless its postings hold a topic term itself (``Speech.about_topic``), and must be judged the same either way."""
    near = set(held[i])
    if i:
        near |= held[i - 1]
    if i + 1 < len(held):
        near |= held[i + 1]
    return {t for t in _related(tuple(near), frozenset(), prefixes, min_related)
            if any(min(len(u), len(t)) >= least and (u.startswith(t) or t.startswith(u)) for u in near)}


def opening(reader: Reader, passage: ReadPassage, i: int, speaker_terms: set[str], wanted) -> set[str]:
    """For sentence ``i`` of ``passage``, said by a speaker of ``speaker_terms``: the terms of ``wanted`` in the lede
    before it when it opens the paragraph after the lede and the lede names its speaker (a lede that names X and
    the topic says what X's words opening the next paragraph are about); else none."""
    if i or not speaker_terms:
        return set()
    lede = paragraph_before(reader, passage)
    return wanted & lede if speaker_terms & lede else set()


def paragraph_before(reader: Reader, passage: ReadPassage) -> set[str]:
    """For a passage that opens the paragraph after its article's first (the lede), the terms of the lede's last
    sentence: a lede that names X and the topic says what X's quotation opening the next paragraph is about
    ("Everton defender David Weir has played down talk of European football." then "Weir told BBC Radio Five Live:
    ..."); else none (a passage within a paragraph, or after a later one)."""
    p, passages = passage.id, reader.corpus.article_passages(passage.article)
    if p not in passages or p - 1 not in passages:
        return set()
    before = reader.passage(p - 1)
    if before.paragraph != reader.span(passages.start).paragraph or before.paragraph == passage.paragraph:
        return set()  # only the lede: a later paragraph's last sentence may tell of X's other deeds ("who accused ...")
    return before.held(len(before.spans) - 1) if before.spans else set()


def candidate_terms(c: Candidate) -> set[str]:
    """The terms of the sentences candidate ``c`` spans (one, or two with the one before it)."""
    return {t for x in c.passage.sentences if c.start <= x.start < c.end for t in x.terms}


EXACT, PHRASES, ASKED_NEAR = FEATURES.index("exact"), FEATURES.index("phrases"), FEATURES.index("asked_near")


def add_written(cands: list[Candidate]) -> None:
    """Set the features exact, phrases and asked_near of ``cands``, candidates of one question (``candidates``
    leaves them 0: only the trees weigh them, and they score a question's best few candidates by the linear
    score, so only those need them)."""
    ctx = cands[0].context if cands else None
    if ctx is None:
        return
    q = ctx.question
    if q.kind in near.KINDS and q.verb and ctx.reader is not None:
        reader = ctx.reader
        verb_term = reader.base_term(q.verb) or reader.analyzer.term(q.verb)
        if verb_term:
            words = reader.analyzer.words_as_written(q.text.strip())
            first = words[0][1] if words else ""
            names = {shown for _, shown in words if shown[:1].isupper() and shown != first and shown != "I"}
            for c in cands:
                sentence = c.passage.sentences[c.sentence]
                text = reader.article(c.article).text[sentence.start:sentence.end]
                at = near.verb_spans(reader, text, verb_term)
                c.x[ASKED_NEAR] = float(bool(at) and near.asked_near(q.kind, text, at, names))
    if not (ctx.written or ctx.word_pairs):
        return
    if ctx.reader is None:
        raise ValueError("the question's context has no reader to read its sentences' words as written")
    reader, written, weights, total, word_pairs = ctx.reader, ctx.written, ctx.weights, ctx.total, ctx.word_pairs
    n_pairs = len(word_pairs)
    cache = _written_cache(reader)
    for c in cands:
        found = cache.get(c.passage.id)
        if found is None:
            found = sentence_words(reader, c.passage)
        words, pairs = found[c.sentence]
        x = c.x
        x[EXACT] = sum(weights[t] for t in {t for w, t in written if w in words} & c.matched) / total
        x[PHRASES] = len(word_pairs & pairs) / n_pairs if n_pairs else 0.0


_ARTICLE_WIDE = tuple(FEATURES.index(f) for f in ("passage", "passage_coverage", "rank", "bm25"))


def share_article_relevance(cands: list[Candidate]) -> None:
    """Give each of a speaker's own-words sentences the passage features of the best passage of its article
    where the speaker's words were found: a quotation goes on over paragraphs that do not name the
    speaker, and those paragraphs are as relevant as the one that does."""
    best: dict[int, list[float]] = {}
    for c in cands:
        if c.own_words:
            top = best.setdefault(c.article, [c.x[i] for i in _ARTICLE_WIDE])
            for j, i in enumerate(_ARTICLE_WIDE):
                top[j] = max(top[j], c.x[i])
    for c in cands:
        if c.own_words:
            for j, i in enumerate(_ARTICLE_WIDE):
                c.x[i] = best[c.article][j]


_CUE_KIND = {QuestionKind.WHO: "who", QuestionKind.WHEN: "when", QuestionKind.WHERE: "where",
             QuestionKind.HOW_MUCH: "amount", QuestionKind.HOW_MANY: "amount"}


def _compact(places: dict[str, tuple[int, ...]], matched: frozenset[str] | set[str], n: int) -> float:
    """Distinct matched terms over the length of the shortest stretch of a sentence's ``n`` terms holding all of
    them (1 when they stand together; 0 when fewer than two match); ``places``: where each of its terms stands."""
    if len(matched) < 2:
        return 0.0
    want = [t for t in matched if t in places]
    if len(want) < 2:
        return 0.0
    best = n
    last: dict[str, int] = {}
    for i, t in sorted((i, t) for t in want for i in places[t]):  # the terms' places in order: the rest change nothing
        last[t] = i
        if len(last) == len(want):
            best = min(best, i - min(last.values()) + 1)
    return len(want) / best


ASKS_COUNTRY = re.compile(r"(?i)\b(?:which|what)\s+(?:[\w-]+\s+)?(?:country|countries|nation|nations)\b")
"""A question asking which country: "Which EU countries were singled out ...", "What country will host ..."."""


@lru_cache(maxsize=4)
def country_terms(analyzer) -> frozenset[str]:
    """The terms of the countries' names ``forms.NATIONS`` holds ("greec", "itali")."""
    return frozenset(analyzer.term(place) for place in nations())


_ASKS_ROLE = re.compile(r"(?i)\W*(?:which|what)\s+(?P<words>[\w-]+(?:\s+[\w-]+)?)")
"""A question asking who holds a role: "Which judge is handling ...", "which US judge ..."."""
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+"


def _role_beside_name(role: str) -> re.Pattern:
    """A name right after the role word ("judge Susan Illston") or before it ("Susan Illston, the judge")."""
    return re.compile(rf"\b(?i:{role}s?)\s+(?P<after>{_NAME})|(?P<before>{_NAME}),\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}"
                      rf"(?i:{role})\b")


def cue(kind: QuestionKind, sentence: Sentence, question_terms: set[str], asked: frozenset[str],
        text: str = "", ctx: "Context | None" = None) -> float:
    """1.0 when the sentence holds what the question's type asks for and the question does not.

    ``asked`` holds the numbers and dates the question itself gives ("How many yards in 2015?"):
    a sentence with only those does not answer it. A question asking a measure ("how fast") is answered
    by that measure (a bare number: 0.5), and "which judge" by a new name beside the role word (``text``,
    the sentence as written, and ``ctx`` tell)."""
    if ctx is not None and ctx.measure:
        return 1.0 if any(p.search(text) for p in ctx.measure) else 0.5 if sentence.numbers - asked else 0.0
    if ctx is not None and ctx.role is not None:
        for m in ctx.role.finditer(text):
            if not set(ctx.reader.analyzer.terms(m.group("after") or m.group("before"))) <= question_terms:
                return 1.0
        return 0.0
    if kind is QuestionKind.HOW_MUCH:
        return 1.0 if sentence.money else 0.5 if sentence.numbers - asked else 0.0
    if kind is QuestionKind.HOW_MANY:
        return 1.0 if sentence.numbers - asked else 0.0
    if kind is QuestionKind.WHEN:
        return 1.0 if sentence.dates - asked else 0.0
    if kind is QuestionKind.WHO:
        return 1.0 if sentence.names - question_terms - _date_terms(sentence) else 0.0
    if kind is QuestionKind.WHERE and ctx is not None and ctx.country and ctx.reader is not None \
            and (sentence.names & country_terms(ctx.reader.analyzer)) - question_terms:
        return 1.0  # "which countries": "... are Greece and Italy"
    if kind is QuestionKind.WHERE:
        # a place the question names, whole or in part ("the Wardenclyffe Tower" for "where was Wardenclyffe"), is
        # what it asks about, not where
        return 1.0 if any(question_terms.isdisjoint(p) for p in sentence.places) else \
            0.5 if sentence.names - question_terms else 0.0
    return 0.0


@lru_cache(maxsize=64)
def _date_word_terms(word: str) -> tuple[str, ...]:
    """The terms of a month or weekday name (the default analyzer's: English, as every index's)."""
    return tuple(_default_analyzer().terms(word))


@cache
def _default_analyzer() -> Analyzer:
    return Analyzer()


def _date_terms(sentence: Sentence) -> frozenset[str]:
    """The terms of the month and weekday names ``sentence`` writes (``sentence.dates`` written with a capital:
    capitalised words, but no one's name: a who question's ``cue`` does not count them)."""
    return frozenset(t for d in sentence.dates if d[:1].isupper() for t in _date_word_terms(d))


_KIND_GROUPS = {
    QuestionKind.WHO: "q_who", QuestionKind.WHEN: "q_when", QuestionKind.WHERE: "q_where",
    QuestionKind.HOW_MUCH: "q_amount", QuestionKind.HOW_MANY: "q_amount", QuestionKind.WHAT: "q_what",
}


def question_inputs(q: Question, best: Candidate, second: Candidate | None, candidate: Candidate, position: int,
                    missing: float, missing_name: float, strange: float, far: float, article: float,
                    fixed: bool, passages: int) -> list[float]:
    """The confidence features of ``candidate``, in the order of ``CONFIDENCE_FEATURES``; ``passages`` is
    the number of passages searched."""
    group = _KIND_GROUPS.get(q.kind, "q_other")
    kinds = [float(group == name) for name in QUESTION_FEATURES[-6:]]
    return [candidate.x[i] for i in _KEPT] + [
        candidate.score, best.score - candidate.score, max(0.0, best.score - second.score) if second else 1.0,
        float(position), missing, missing_name, strange, far, article, math.log1p(len(set(q.topic_terms))),
        float(fixed), math.log10(1 + passages), *kinds,
    ]


def _prefixes(weights: dict[str, float], min_related: int) -> dict[str, list[str]]:
    """The terms of ``weights`` of at least ``min_related`` letters by their first ``min_related``."""
    out: dict[str, list[str]] = {}
    for t in set(weights):
        if len(t) >= min_related:
            out.setdefault(t[:min_related], []).append(t)
    return out


def _related(terms: tuple[str, ...], matched, prefixes: dict[str, list[str]], min_related: int) -> set[str]:
    """The searched terms (``prefixes``, by their first ``min_related`` letters) that are not ``matched`` nor in
    ``terms`` but that one of ``terms`` extends or shortens: "persia" for "persian", "mongolian" for "mongol"
    (stemming leaves such pairs apart)."""
    out: set[str] = set()
    for u in terms:
        for t in prefixes.get(u[:min_related], ()):
            if t not in matched and len(u) >= min_related and u != t and (u.startswith(t) or t.startswith(u)):
                out.add(t)
    return out


def bigrams(terms: tuple[str, ...]) -> set[tuple[str, str]]:
    """Adjacent term pairs."""
    return set(zip(terms, terms[1:]))
