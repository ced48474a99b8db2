"""The nouns of qabot: articles, passages, evidence and answers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article, cleaned of page chrome, as qabot indexes and cites it."""

    id: str
    """Stable identifier: a hash of the source path and the article's position in that file."""
    title: str
    """The article's headline (the file name when it has none)."""
    path: str
    """The file the article came from, as given to `qabot index`."""
    text: str
    """The cleaned body: paragraphs joined by one blank line; all offsets point into this."""
    paragraphs: tuple[tuple[int, int], ...]
    """Character spans of the paragraphs in `text`, in order."""
    byline: str | None = None
    """The author line without its leading "By", when the article has one."""
    date: str | None = None
    """The publication date as the source gives it, when it has one."""
    url: str | None = None
    """The source address, when the article has one."""
    role: str | None = None
    """The author's role as the line under the byline gives it ("Business correspondent"), when it has one."""


@dataclass(frozen=True)
class Passage:
    """A run of whole sentences of one paragraph of one article, within the token budget."""

    article: int
    """Index of the article in the index's article list."""
    paragraph: int
    """1-based number of the paragraph the passage belongs to."""
    start: int
    """Character offset of the passage's first sentence in the article text."""
    end: int
    """Character offset just past the passage's last sentence."""
    sentences: tuple[tuple[int, int], ...]
    """Character spans of the passage's sentences in the article text."""
    tokens: int
    """Number of cl100k_base tokens in the passage text."""


@dataclass(frozen=True)
class Evidence:
    """One answer: whole sentences quoted from an article, with where they stand."""

    rank: int
    """1-based position among the answers."""
    text: str
    """The quoted sentences exactly as they stand in the article's cleaned text."""
    score: float
    """The evidence score that ranked it (higher is better)."""
    context: str
    """The passage around the quoted sentences."""
    article: Article
    """The article the sentences come from."""
    paragraph: int
    """1-based paragraph number of the first quoted sentence."""
    start: int
    """Character offset of `text` in the article's cleaned text."""
    end: int
    """Character offset just past `text`."""
    terms: tuple[str, ...] = ()
    """The question's analysed terms that the evidence matches, for highlighting."""
    speaker: str | None = None
    """The person the quoted words are attributed to, when known."""
    confidence: float | None = None
    """The fitted probability that this evidence holds the answer (0 to 1)."""
    field: str | None = None
    """For a question about the article itself: the metadata ``text`` is ("title", "byline", "date");
    ``start`` and ``end`` are then offsets into that field (0 and its length), ``paragraph`` 0. None for sentences
    of the article's text."""
    article_number: int = -1
    """The article's position in the index it came from (-1 when unknown), so a follow-up can ask about it."""
    why: tuple[tuple[str, float, float], ...] = ()
    """With ``explain``: ``(feature, value, part of the score)`` for each feature that counted, largest first."""


@dataclass
class Answer:
    """The reply to one question: ranked evidence, or a reason there is none."""

    question: str
    """The question as asked."""
    evidence: list[Evidence] = field(default_factory=list)
    """The answers, best first."""
    no_answer: bool = False
    """True when the articles hold nothing that answers the question."""
    message: str | None = None
    """Why there is no answer, or a hint ("did you mean ...")."""
    terms: tuple[str, ...] = ()
    """The analysed search terms of the question."""
    passages: tuple[int, ...] = ()
    """Ids of the passages BM25 ranked highest for the question, best first (for evaluation)."""
    confidence: float | None = None
    """The fitted probability that the best candidate holds the answer (also for a refusal); None when
    the question was refused before any sentence was looked at."""
    unsure: bool = False
    """The evidence is given as the closest passages, not as a sure answer (confidence between the
    refusal threshold and the sure one)."""
    searched: tuple[str, ...] = ()
    """Words searched for in place of misspelt ones the articles lack ("Ukraine" for "Ukrane")."""
    why: tuple[tuple[str, float, float], ...] = ()
    """With ``explain``: the confidence's ``(feature, value, part of the log-odds)``, largest first."""
    sure_above: float | None = None
    """The confidence under which an answer would be "not sure" were it the first: answers after a sure first one
    below it are shown as less likely. None when not judged so: an answer from the articles' metadata, a speaker's
    words, a search for bare keywords (none of which is ever "not sure" for its confidence alone)."""
    heading: str | None = None
    """For a question about the collection itself ("how many articles are there", "what is the newest article"): what
    the evidence, the articles' titles, lists ("7 articles", "the newest of 5 dated articles"); None otherwise."""
    listed: int | None = None
    """For "how many articles are there" and the like: how many articles the index holds (the evidence may list fewer);
    None otherwise."""
    summary: bool = False
    """The evidence is an article's extractive summary (its opening sentence, then the sentences most central to it),
    not sentences scored against the question."""
