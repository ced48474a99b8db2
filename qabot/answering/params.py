"""Every number answering uses, in one frozen object: retrieval depths, feature shapes, gates, spelling,
speech, caches, and the fitted model (``weights.json`` beside this file, written by ``bench/fit.py``).

``AnswerParams.load(path)`` reads a JSON file that overrides any part of the defaults
(``{"retrieval": {"candidate_passages": 20}}``), so ``qabot eval --params FILE`` can try other values.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path

from ..errors import UsageError
from ..spelling import SpellingParams

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
"""The fitted model shipped with qabot."""
WEIGHTS_FORMAT = 4
"""The version of ``weights.json``'s layout this code reads (2: the confidence has a hidden layer; 3: the
ranker may have one too; 4: the ranker may add boosted trees for questions other than speech questions)."""


@dataclass(frozen=True)
class RetrievalParams:
    """How much of the index a question reads."""

    candidate_passages: int = 10
    """Top BM25 passages whose sentences are candidates."""
    say_passages: int = 200
    """Top passages a "what did X say" question reads for X's words."""
    speaker_articles: int = 3
    """Articles (where X's words were found) whose other passages a speech question also reads."""
    speaker_article_passages: int = 40
    """At most this many passages of each such article."""
    story_articles: int = 3
    """For a question not asking for a speaker's words: the first this many articles of the top passages, when
    short (``short_story``), have their other passages read too (``retrieve.rest_of_stories``)."""
    short_story: int = 8
    """An article of at most this many passages is a short story, about its headline's subject throughout: a
    later passage names it only as "the 58-year-old" or "the actor" and BM25 ranks it far down. 0: none is."""
    counted_passages: int = 50
    """Top passages a "how many X" question looks through for a number just before X (``retrieve.counted_passages``)."""
    counted_gap: int = 2
    """Words that may stand between that number and X ("6.23 million copies", "14 Bafta nominations")."""
    about_passages: int = 50
    """Top passages whose articles a question about an article itself ("who wrote the story about the storm")
    chooses among."""
    about_tie: float = 0.8
    """Articles holding as much of that topic as the best, with a best passage scoring at least this share of
    the best's, are as likely: the answer asks which of them is meant."""


@dataclass(frozen=True)
class FeatureParams:
    """Shapes of the features; their weights are fitted."""

    idf_power: float = 1.25
    """Question terms weigh their IDF to this power (rare words count for more)."""
    local_weight: float = 0.4
    """Share of its weight a term loses for standing in every candidate sentence (it tells none apart)."""
    related_topic: int = 5
    """Letters the shorter of two terms needs for one to be another form of the other when X's words are judged to
    speak of the topic (``features.related_near``: "relat" of "relations" for "relationship"; not "euro" of "europ",
    the currency of the continent)."""
    min_related: int = 4
    """Only terms of at least this many letters count as related by one extending the other ("Mongol")."""
    long_sentence: int = 400
    """Characters past which a sentence counts as long."""
    story_subject: bool = True
    """In a short story (``RetrievalParams.short_story``), a sentence opening with "The", "He", "She" ("The
    58-year-old US singer ...") inherits the question's words its headline holds (the ``inherited`` feature): the
    story's subject is who it speaks of."""
    story_lede: bool = True
    """With ``story_subject``, the story's subject is also who its first sentence names (the question's words among its
    capitalised words): "The life of late Joy Division singer Ian Curtis is to be made into a film" then "The musician
    committed suicide in 1980", under a headline that names neither."""
    surnames: bool = True
    """A sentence naming the question's person by surname alone ("Bening, who was born ...") in an article that writes
    the full name ("Annette Bening") holds the whole name (``surnames.stands_for``); False: only the words it writes."""


@dataclass(frozen=True)
class GateParams:
    """Refusals decided before and beside the fitted confidence."""

    name_passages: int = 20
    """A name held in more passages than this is never taken for one known only in another context."""
    name_context: int = 40
    """Passages on either side of a name's passage read for the question's other words."""
    name_share: float = 0.35
    """Names written only far from the rest must weigh this share of the topic to count."""
    min_coverage: float = 0.1
    """Evidence below this IDF-weighted share of the question's terms is never shown (own words aside)."""
    max_hints: int = 3
    """At most this many unknown words get a "did you mean"."""
    focus_candidates: int = 5
    """A who, when or where question's best this many candidates may be reordered by what it asks of its verb."""
    focus_margin: float = 2.2
    """Only candidates whose fitted score is within this of the best's are reordered (near-ties). 2.0 for the
    linear ranker; the boosted trees spread a question's best five candidates' scores about 1.1 times as
    wide (the median gap from the first to the fifth on the fit half), so 2.2 keeps what a near-tie is."""
    focus_names: float = 2.0
    """What holding the question's names as themselves counts for (a share of them, so much)."""
    focus_verb: float = 1.0
    """What holding the question's verb counts for."""
    focus_cue: float = 2.0
    """What holding a place after the verb counts for, for a where question."""
    focus_place_no_number: bool = True
    """A number after a preposition ("won the first Rugby World Cup Sevens in 1993") is no place for a where question
    (``near.asked_near``); False: any word after "in", "at", "from" ... may be one."""
    focus_cue_when: float = 1.0
    """What holding a time near the verb counts for, for a when question."""
    focus_cue_who: float = 1.0
    """What holding another name near the verb counts for, for a who question."""
    focus_cue_amount: bool = True
    """A how much / how many question whose best candidate holds no amount nor number: its near-ties that hold one go
    first (``select._amount_first``)."""
    focus_age: bool = True
    """A "how old is X" question: the best candidate that gives X an age (in a sentence naming X or right after one:
    ``ages.age_spans``) goes first, wherever the fitted order put it; and when the articles of its candidates give X
    none, it is refused (``refuse_without_age``), though they give others ages."""
    focus_amount_near: int = 3
    """A how much / how many question whose best candidate holds no amount within this many words of a word of the
    question's topic (in one clause): its near-ties within ``focus_amount_margin`` that do go first
    (``select._amount_near_first``: "The fourth-quarter losses at General Motors Europe totalled $345m" before "GM saw
    its net profits fall 37% ..." is not it; "The UK-Dutch group will own 30% of the project" before "Shell's agreement
    ... foresees ... 1.4 billion cubic feet of gas" for "What share of the Qatargas-4 project will Shell own?"). 0: off.
    Chosen among 2, 3 and 4 words and margins 2, 3 and 5 on the news tuning sets (3 and 3: 117 -> 125 of 163 amount
    questions' first candidates right)."""
    focus_amount_margin: float = 3.0
    """How far behind the best such a candidate may stand (see ``focus_amount_near``)."""
    named_next: bool = True
    """A who question's first answer closing its paragraph is shown with the next paragraph's first sentence when that
    opens with a name (``select._named_next``): a news story's lede describes ("The top civil servant at the centre
    of the ... visa affair has been knighted in the New Year Honours.") and the next paragraph names ("Sir John Gieve
    was Home Office permanent secretary ...")."""
    focus_which: bool = True
    """A "which X" question whose best candidate names no X the question does not: its near-ties that do go first
    (``select._named_first``)."""
    focus_cause: bool = True
    """A why question whose best candidate gives no cause ("because", "due to", "after"): its near-ties that give one
    go first (``select._cause_first``)."""
    focus_cause_margin: float = 5.0
    """How far behind the best a why question's candidate giving a cause may stand and still go first: a sentence that
    restates the question ("Charles Evans Jr battled over his role ...") matches far more of it than the one giving
    the reason."""
    focus_agent: bool = True
    """For a who question, the noun for the one who does its verb counts as the verb ("His creator, Richard Bowden"
    for "who created ..."; ``near.verb_spans``)."""
    focus_object: float = 2.0
    """For a who question naming its verb's subject ("who did Putin meet"), which asks for the verb's object: a sentence
    whose clause writes that subject before the verb and a name after it ("Putin of Russia met with Wang Yi") gets this
    much more (``select._object_after``): not a sentence about the meeting, nor one whose subject is someone else."""
    focus_object_words: int = 2
    """The most words such a question may write after its verb ("who did Putin meet with", not "who did the Panthers
    beat to become the NFC champs": a question asking more than the verb's object is left to the fitted order)."""
    focus_described: bool = True
    """A sentence that opens by describing its short story's subject ("The US star will play ...", ``features.described``)
    holds the question's subject named by that story's headline or first sentence ("Eminem")."""
    focus_doer_margin: float = 3.0
    """A who question whose best candidate names no one beside the role it asks ("the judge", "X's coach", the doer's
    noun of its verb: "director") nor after its verb done by them ("directed by ..."): its near-ties within this of the
    best that do go first (``select._doer_first``). 0: off. 3.0 of 2.2, 3.0, 4.0 and 5.0: the tuning sets gain one
    more first answer at 4.0 (a judge 3.2 behind), but SQuAD loses one and news_check17 one at rank 1 and one in the
    first three, against 3.0."""
    focus_gain: float = 2.0
    """They are reordered only when one holds this much more of what the question asks than the best (the
    question's names as themselves count 2, its verb 1, the cue near the verb 1)."""
    unsure_without_cue: bool = True
    """A how much or how many question whose first answer holds no amount or number (beyond the question's own)
    nor a word of quantity ("a few", "thousands") is shown as "not sure", whatever its confidence: the sentence
    is about the thing asked, but does not give what is asked of it ("How much did the film cost?" answered
    "The film won an Oscar")."""
    refuse_without_age: bool = True
    """A question asking the age of someone or something it names ("How old is England lock Danny Grewcock?") is
    refused when none of its first three answers gives an age nor do their articles anywhere (``lexicon.AGE``: "the 27-year-old", "aged 18", "Patti
    Smith, 58,", "born in 1934", "515 million years"): the articles are about the person and do not say how old they
    are. Over the BBC articles such questions were answered, most of them with confidence, by a sentence naming the
    person and holding no age."""
    refuse_without_money: bool = True
    """A question asking a sum of money ("How much did the new Magic Roundabout film cost to make?": ``lexicon.
    ASKS_MONEY``) is refused, as one asking an age, when none of its first three answers nor their articles writes a
    sum (a currency sign or name: ``lexicon.CURRENCY``): the articles tell of the thing and never of money. So is a
    what question asking a salary, fee or price ("What is Simon Ashworth's salary")."""
    refuse_without_length: bool = True
    """A question asking a height, depth, width or distance ("how tall is the Harlow Street bridge": ``lexicon.
    ASKS_LENGTH``) is refused, as one asking an age, when none of its first three answers nor their articles writes a
    length (a number and a unit: ``lexicon.LENGTH``)."""
    unsure_without_predicate: bool = True
    """A first answer that does not say what its question asks of its subject is shown as "not sure", whatever its
    confidence (``answering/asked.py``): the verb of a who, when or where question ("Who will replace Willie Walsh?"
    answered by a sentence naming him that never says "replace"), else the question's lower-case words outside its
    answer-type phrase ("what is Richard Hale's party"), and for "how many X" the X counted. The sentence is about
    the subject and so confident; it does not give what is asked of it."""
    unsure_name_elsewhere: bool = True
    """A first answer from an article that never names a name the question asks about (a capitalised topic word the
    corpus holds elsewhere: "the plant in Poland" answered from a story of a plant in Elmsford) is shown as "not
    sure", whatever its confidence; so is one to a question naming something the corpus never names ("in Zzyzx")."""
    refuse_without_money_said: bool = True
    """A how much question asking a sum of money is refused when none of its first three answers (distinct sentences)
    writes one (``lexicon.CURRENCY``), though their articles do: "How much did Ken Bates pay for his 50% stake in
    Leeds United?" answered "has bought a 50% stake in the club" (``answering/given.py``)."""
    refuse_without_named_kind: bool = True
    """A which question asking a place, body or person of a kind articles name beside the kind's word ("Which hospital
    was Debra Hill being treated in": ``lexicon.NAMED_WITH_KIND``) is refused when none of its first three answers'
    articles names one beside the word ("St Mary's Hospital", "Judge Susan Illston") that the question does not."""
    unsure_without_money: bool = True
    """A question asking a sum of money whose first answer writes none is shown "not sure" ("How much did Ericsson's
    chief executive earn in 2004?" answered by a sentence holding "27%")."""
    unsure_without_named_kind: bool = True
    """A which question asking one of ``lexicon.NAMED_KINDS`` ("which law firm"), or "who is X's coach", whose first
    answer names none beside the kind's word is shown "not sure"."""
    unsure_without_reason: bool = True
    """A why question whose first answer writes no word of reason, cause or purpose (``lexicon.REASONS``) is shown
    "not sure"."""


@dataclass(frozen=True)
class SpeechParams:
    """Quotations and speakers."""

    quotation_chars: int = 700
    """A quotation that goes on over several sentences is given whole up to this many characters."""
    quote_after_reported: bool = True
    """A speaker's words told in reported speech ("Former referees' chief Philip Don backed Poll's decision") are
    shown with the quotation of theirs that comes right after them ('"The advantage should go to the non-offending
    team," Don told BBC Radio Five Live.'), within ``quotation_chars``: the report says what the words are about,
    the quotation what they were (``select.quote_after``)."""
    report_before_pronoun: bool = True
    """A speaker's words opening with a pronoun ("She promised that the bus would run every 15 minutes.") are shown
    from the words of theirs right before, which say who speaks ("The mayor said residents would get a free shuttle
    bus ..."), within ``quotation_chars`` (``select.report_before``)."""
    speaker_window: int = 2000
    """Characters of the paragraph before a passage read to work out who speaks in it."""
    set_aside: bool = True
    """A speech question's passages past the first few (and those of the articles where X's words were found) that
    hold no topic term, in themselves or in the lede before them, are never attributed (``Speech.about_topic``):
    they can hold none of X's words about the topic. False attributes them all, as before: the same answers,
    slower (for tests and measuring)."""
    role_candidates: int = 5
    """A role speaker with no words of their own ("the agent") is looked for as the person named speaking in
    the sentence after the role, among this many best candidates."""
    closest_mentions: int = 2
    """For "what did X say about Y" with no words of X naming Y: X's words are shown as "not sure" from an
    article with each topic word in at least this many of its sentences (headline counting as one)."""
    link_idf: float = 0.25
    """For "what did X say about Y" with no words of X naming Y: X's words are shown as "not sure" when they share
    a word at least this rare (its IDF over passages, as a share of an unknown word's) with a sentence of their
    paragraph that names Y ("the changes were about ..." after "The changes come as part of a shake-up")."""
    told_with_topic: bool = False
    """For "what did X say about Y" with no words of X naming Y: show the sentences naming X beside the topic as
    "not sure" (``Unsure.told_with_topic``) instead of refusing. Off: with the speaker kinds of 2026-12-03 merged, on
    the tuning sets it turned 4 refusals into "not sure" (speech_tuning 4 -> 3, speech_tuning2 7 -> 4) without one
    more right answer in the first three; held-out news figures were unchanged by it; and the blind check set
    bench/data/news_tuning3.jsonl (110 questions written from the articles alone) refused 5 of its 20
    unanswerable questions with it, 8 without. ``{"speech": {"told_with_topic": true}}`` in a params file turns
    it on."""
    one_article: int = 1
    """For "what did X say about Y" with no words of X naming Y: X's words are shown as "not sure" when the corpus
    names X in at most this many articles, one with a word of Y in its headline (``Unsure.words_in_their_one_article``);
    0 turns it off."""
    told_topic_terms: int = 2
    """For "what did X say about Y" with no words of X naming Y: sentences naming X and every topic word are shown as
    "not sure" only for a topic of at least this many terms ("squeezing past Ferrero"); with one ("Wimbledon"),
    X and it meet in many sentences that tell nothing X said."""
    told_topic_share: float = 1.0
    """For "what did X say about Y" with no words of X naming Y, X asked for by name: a sentence naming X is shown as
    "not sure" when it and ``told_beside`` sentences either side hold at least this share of the topic's weight.
    Half, with one sentence either side, answered 3 more of speech_tuning2's questions ("Hantuchova ... now faces
    Serena Williams" for "her chances against Serena Williams") and 6 more of SQuAD fit-half's 88 speech questions
    (e@3 +6), but refused 3 fewer of 269 near misses (another speaker of the same story asked about its topic) and
    far fewer of a blind check's unanswerable questions: the whole topic in the sentence itself, for refusals."""
    told_beside: int = 0
    """Sentences either side of one naming X that count for its holding the topic (see ``told_topic_share``)."""
    told_of_share: float = 0.5
    """A narrated question ("how did X react to Y") whose speaker's own words are not found is answered from the plain
    ranking only when that ranking's best sentence is in an article holding at least this share of the weight of
    X's search terms ("Tesla" of "Tesla mistakenly")."""
    topic_when_unfound: bool = True
    """A "what did X say about Y" question whose speaker's words are not found ("the police detective" for "Detective
    Inspector Paul Miller"; "Larne's manager" for "Larne boss Jimmy McGeough") is answered, as "not sure", from the
    plain question's ranking when the narrated questions' test passes (``told_of_share``: its best sentence's article
    names X and holds the topic) and that ranking is answered with confidence; False refuses it."""
    own_topic_share: float = 0.2
    """For "what did X say about Y" with a topic of two terms or more: X's words count as X's words about Y only when
    they, or a sentence beside them, hold at least this share of the topic's terms (one word of a long topic meets X's
    words by chance: a film that "moved" people for "Hitachi's claim that Emiew is the world's quickest-moving
    robot"). A share of the terms, not of their IDF weight: on one short article a word of the topic that every
    passage holds weighs next to nothing ("Real" of "Real Madrid") though it is what X's words name."""
    story_topic: bool = True
    """X's own words that hold too little of the topic count as X's words about it when their article's headline and
    first sentence name X and hold that much of it (``OwnWords.story_of``: "I'm mad, I felt I was in there with a
    shot" in the story of Roddick's semi-final defeat by Hewitt); False judges X's words by themselves only."""
    own_verb_bonus: float = 1.0
    """For "what did X warn / predict / admit ... (about Y)": added to the score of X's own words that use a form of the
    question's verb ("warned"), so that they come before X's words said otherwise ("said"); a verb of words in
    general ("say", "tell") adds nothing."""
    quotation_first: bool = True
    """For "what did X say about Y": when X's best words are the article's lede telling in reported speech what X said
    ("Liverpool chief executive Rick Parry insists the club will never sell Steven Gerrard ..."), X's first quotation
    about Y after it comes first, the lede second (``OwnWords.quotation_first``). Any report of X's (not only the lede)
    before X's next quotation answered 3 more tuning questions but lost 3 others ("The system opens up possibilities
    ..., said Mr Romen" then a quotation for "what did Nokia say the system would do")."""
    own_weights: tuple[float, ...] = (0.5, 1.0)
    """For "what did X say about Y": added to the linear ranker's score of X's own words, times ``OwnWords.own_inputs``
    (the words shown are X's quotation; the share of the topic's weight their article holds). Chosen by ``python
    bench/fit_speech_rank.py`` over a grid, by the first answers of the tuning sets' speech questions (525: 402 -> 404
    right first, 453 both in the first three); news_tuning13's odd half is the clean check (21 / 26 of 33 both).
    Larger weights gave no more (a listwise fit over the candidates, 2.2 and 3.1, gave 402 / 450: the quotation
    then displaces the one put before the lede, and a report already shows the quotation after it). Zeros: the
    linear ranker alone, as before."""
    own_confidence_scale: float = 0.3393
    own_confidence_shift: float = 1.5813
    """How the confidence of a speech question answered with the speaker's own words is read: ``sigmoid(scale *
    logit(p) + shift)`` of the fitted confidence ``p`` (Platt scaling, fitted by ``python bench/speech_confidence.py``
    on the speech tuning sets and checked on others). The fitted confidence is fitted on questions with one answer
    each and judges the words alone, so it under-states how often the speaker's own words answer a speech
    question."""
    others_confidence: float = 0.25
    """The most confidence given to another speaker's words that do not name X ("we are talking", Putin's) answering
    a question about X's ("what was Wang's reaction to the talks?") when X's own words were not found: the fitted
    confidence weighs the words, not whose they are. Set by hand (no tuning question has such an answer), below
    the "sure" threshold so that the answer is shown as "not sure"."""


@dataclass(frozen=True)
class QuestionParams:
    """Questions as readers type them."""

    name_case_share: float = 0.8
    """A speaker typed all in lower case ("what did wenger say") is a name when the articles write its words
    capitalised at least this share of the times they write them ("Wenger"), a role or group otherwise."""


@dataclass(frozen=True)
class CacheParams:
    """What an answerer keeps between questions."""

    passages: int = 50_000
    """Analysed passages."""
    articles: int = 4096
    """Articles with their text (a speech question reads a few hundred; more than 512 were read again)."""
    article_chars: int = 32_000_000
    """At most this many characters of article text kept (a few huge articles do not fill the memory)."""
    speakers: int = 20_000
    """Passages with their speakers worked out."""
    titles: int = 20_000
    """Articles' title terms."""
    idf: int = 200_000
    """Terms' IDF (a question of unknown words adds to it)."""


@dataclass(frozen=True)
class Weights:
    """The fitted model: a linear ranker over candidate sentences and a confidence over answers: logistic
    over the scaled inputs plus one hidden layer of ReLU units (``hidden``; none makes it plain logistic)."""

    features: tuple[str, ...] = ()
    """Names of the ranking features, in the order of ``rank``."""
    rank: tuple[float, ...] = ()
    """Linear ranking weight of each feature (with no ``rank_hidden`` units a sentence's score is their dot
    product with its features)."""
    rank_hidden: tuple[tuple[float, ...], ...] = ()
    """The ranker's hidden ReLU units: each a row of weights over the raw ranking features (``features``)."""
    rank_hidden_bias: tuple[float, ...] = ()
    """Each ranking hidden unit's bias."""
    rank_hidden_out: tuple[float, ...] = ()
    """What each ranking hidden unit's output adds to the score, per unit of output."""
    trees_feature: tuple[tuple[int, ...], ...] = ()
    """Boosted regression trees added to the score of a question that is not a speech question with a speaker
    (a speech question's own-words order stays the linear ranker's): one row of nodes per tree, each node's
    ranking feature (its index in ``features``); a leaf is a node whose children are itself."""
    trees_threshold: tuple[tuple[float, ...], ...] = ()
    """Each node's threshold: a candidate whose feature is at most it goes to ``trees_left``, else to
    ``trees_right``."""
    trees_left: tuple[tuple[int, ...], ...] = ()
    """Each node's left child (its place in the tree's row)."""
    trees_right: tuple[tuple[int, ...], ...] = ()
    """Each node's right child."""
    trees_value: tuple[tuple[float, ...], ...] = ()
    """Each leaf's value (what the tree adds to the score; 0 at inner nodes)."""
    trees_depth: int = 0
    """The deepest leaf's depth."""
    trees_top: int = 0
    """Only a question's best this many candidates by the linear score are scored by the trees (0: all); the
    others get the least the trees can add, so they stay behind (the trees cost time per candidate, and past
    the first ten they changed no first answer in cross-validation)."""
    confidence_features: tuple[str, ...] = ()
    """Names of the confidence model's inputs, in the order of ``confidence``."""
    confidence: tuple[float, ...] = ()
    """Logistic weights of the confidence model (after centring and scaling by ``mean`` and ``scale``)."""
    intercept: float = 0.0
    """The confidence model's intercept."""
    hidden: tuple[tuple[float, ...], ...] = ()
    """The confidence's hidden units: each a row of weights over the scaled inputs (``confidence_features``)."""
    hidden_bias: tuple[float, ...] = ()
    """Each hidden unit's bias."""
    hidden_out: tuple[float, ...] = ()
    """What each hidden unit's output (ReLU) adds to the log-odds, per unit of output."""
    mean: tuple[float, ...] = ()
    """Mean of each confidence input on the fit data."""
    scale: tuple[float, ...] = ()
    """Standard deviation of each confidence input on the fit data."""
    refuse_below: float = 0.0
    """An answer whose first evidence (``refuse_by`` "first") or whose best of the first three answers
    (``refuse_by`` "best3") has a lower confidence is ``no_answer``."""
    refuse_by: str = "first"
    """What the refusal threshold is held against: "first", the first answer's confidence, or "best3", the
    highest confidence among the first three answers (a question whose first three hold an answer is
    what the threshold's share of lost right answers counts)."""
    sure_above: float = 0.0
    """Below this (and not refused) the terminal says "not sure: closest passages"."""
    speech_confidence: dict = field(default_factory=dict)
    """For a speech question with a speaker, the confidence and refusal it had before the trees (the fields
    ``SPEECH_CONFIDENCE`` names, as fitted then): its candidates are ranked by the linear ranker alone, and
    its refusals (when the speaker's words were not found) stay as they were tuned. Empty: the same as the
    others'. ``bench/fit.py`` carries it over from the shipped weights."""
    fit: dict = field(default_factory=dict)
    """How the weights were fitted: data, split, metrics (for people; the code does not read it)."""


@dataclass(frozen=True)
class AnswerParams:
    """All of answering's numbers."""

    retrieval: RetrievalParams = RetrievalParams()
    features: FeatureParams = FeatureParams()
    gates: GateParams = GateParams()
    spelling: SpellingParams = SpellingParams()
    """How far a misspelt word may be from the corpus word it is searched as (``qabot.spelling``)."""
    speech: SpeechParams = SpeechParams()
    questions: QuestionParams = QuestionParams()
    caches: CacheParams = CacheParams()
    weights: Weights = Weights()

    @classmethod
    def default(cls) -> "AnswerParams":
        """The defaults with the shipped fitted weights."""
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls(weights=load_weights(WEIGHTS_FILE))
        return _DEFAULT

    @classmethod
    def load(cls, path: Path) -> "AnswerParams":
        """The defaults overridden by a JSON file (any subset of groups and fields); UsageError when it is bad."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise UsageError(f"cannot read parameters from {path}: {getattr(err, 'strerror', None) or err}") from None
        if not isinstance(data, dict):
            raise UsageError(f"{path}: expected a JSON object of parameter groups")
        return _merge(cls.default(), data, str(path))

    def to_json(self) -> dict:
        """Every parameter as JSON."""
        return asdict(self)


_DEFAULT: AnswerParams | None = None


def _merge(obj, data: dict, where: str):
    """``obj`` (a dataclass) with the fields ``data`` names replaced, recursively."""
    names = {f.name: f for f in fields(obj)}
    changes = {}
    for key, value in data.items():
        if key not in names:
            raise UsageError(f"{where}: unknown parameter '{key}' (known: {', '.join(names)})")
        current = getattr(obj, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise UsageError(f"{where}: '{key}' must be an object")
            changes[key] = _merge(current, value, where)
        elif isinstance(current, tuple):
            changes[key] = tuple(_tuples(v) for v in value)
        elif isinstance(current, bool) or not isinstance(current, (int, float)):
            changes[key] = value
        elif not isinstance(value, (int, float)) or isinstance(value, bool):
            raise UsageError(f"{where}: '{key}' must be a number")
        else:
            changes[key] = type(current)(value) if isinstance(current, float) else value
    return replace(obj, **changes)


SPEECH_CONFIDENCE = ("confidence", "intercept", "mean", "scale", "hidden", "hidden_bias", "hidden_out", "refuse_below",
                     "sure_above")
"""The confidence's fields a speech question with a speaker has of its own (``Weights.speech_confidence``)."""


def speech_weights(weights: "Weights") -> "Weights":
    """The weights a speech question with a speaker is judged by: ``weights`` with its own confidence."""
    return replace(weights, **{k: _tuples(v) for k, v in weights.speech_confidence.items()}, speech_confidence={})


REFUSE_BY = ("first", "best3")
"""The refusal rules ``Weights.refuse_by`` may name."""


class WeightsError(UsageError):
    """A weights file that this code cannot use."""


def load_weights(path: Path) -> Weights:
    """The fitted weights in ``path``; WeightsError when the file is of another format or features."""
    from .features import CONFIDENCE_FEATURES, FEATURES

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise WeightsError(f"cannot read the fitted weights {path}: {err}") from None
    if data.get("format") != WEIGHTS_FORMAT:
        raise WeightsError(f"{path} has weights format {data.get('format')}, this qabot reads {WEIGHTS_FORMAT}; "
                           f"run python bench/fit.py")
    if tuple(data.get("features", ())) != FEATURES or tuple(data.get("confidence_features", ())) != CONFIDENCE_FEATURES:
        raise WeightsError(f"{path} was fitted on other features than this qabot computes; run python bench/fit.py")
    keys = {f.name for f in fields(Weights)}
    weights = Weights(**{k: _tuples(v) for k, v in data.items() if k in keys})
    if set(weights.speech_confidence) - set(SPEECH_CONFIDENCE):
        raise WeightsError(f"{path} holds a speech confidence with other fields than {', '.join(SPEECH_CONFIDENCE)}; "
                           f"run python bench/fit.py")
    for judged in (weights, speech_weights(weights)):
        _check_shapes(judged, path)
    return weights


def _check_shapes(weights: Weights, path: Path) -> None:
    """WeightsError when ``weights``'s arrays do not fit the features."""
    from .features import CONFIDENCE_FEATURES, FEATURES

    if weights.refuse_by not in REFUSE_BY:
        raise WeightsError(f"{path} refuses by {weights.refuse_by!r}, this qabot knows {', '.join(REFUSE_BY)}; "
                           f"run python bench/fit.py")
    n = len(CONFIDENCE_FEATURES)
    if len(weights.rank) != len(FEATURES) or len(weights.confidence) != n \
            or any(len(row) != n for row in weights.hidden) \
            or not len(weights.hidden) == len(weights.hidden_bias) == len(weights.hidden_out) \
            or any(len(row) != len(FEATURES) for row in weights.rank_hidden) \
            or not len(weights.rank_hidden) == len(weights.rank_hidden_bias) == len(weights.rank_hidden_out) \
            or not _trees_fit(weights):
        raise WeightsError(f"{path} holds weights of the wrong shape for its features; run python bench/fit.py")


def _trees_fit(weights: Weights) -> bool:
    """The trees' node rows are all of one length, their features are ranking features and their children
    nodes of the same tree."""
    from .features import FEATURES

    rows = (weights.trees_feature, weights.trees_threshold, weights.trees_left, weights.trees_right, weights.trees_value)
    if len({len(r) for r in rows}) != 1 or (rows[0] and weights.trees_depth < 1):
        return False
    widths = {len(row) for r in rows for row in r}
    if len(widths) > 1:
        return False
    width = widths.pop() if widths else 0
    return all(0 <= f < len(FEATURES) for row in weights.trees_feature for f in row) and \
        all(0 <= n < width for r in (weights.trees_left, weights.trees_right) for row in r for n in row)


def _tuples(value):
    """JSON lists (nested too) as tuples."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def save_weights(weights: Weights, path: Path) -> None:
    """Write ``weights`` as the JSON ``load_weights`` reads."""
    data = {"format": WEIGHTS_FORMAT, **asdict(weights)}
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
