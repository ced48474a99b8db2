"""Retrieval: the one step between a question's terms and the passages that answers are made from.

``Retriever`` is all the answering code asks of a search backend, and ``Corpus`` all it asks of the
stored articles, so another engine (OpenSearch or Elasticsearch, whose BM25 is the same family) can
stand in for the local index without touching loading, passages or answers. ``LocalRetriever`` and
``LocalCorpus`` are qabot's own: exact BM25 over the index's arrays, and the index's article store.
"""

from __future__ import annotations

from typing import Iterable, Protocol, Sequence

import numpy as np

from .bm25 import BM25, BM25Params
from .index import Index
from .model import Article, Passage


Term = str | tuple[str, ...]
"""An analysed query term, or a group of alternatives scored as one (``Retriever.top``)."""


class Retriever(Protocol):
    """A search backend over the index's passages (ids are the index's passage ids)."""

    def top(self, terms: Sequence[Term], k: int) -> list[tuple[int, float]]:
        """The best ``k`` passages for analysed ``terms`` (repeats count), as ``(passage id, score)``,
        best first, ties by passage id; only passages holding at least one of the terms. A term may be a tuple of
        alternatives (a word's term and its irregular forms': ``("meet", "met")``), scored as one term: a passage
        holding several of them scores as the best of them alone (an engine's dis_max of those terms)."""
        ...

    def df(self, term: str) -> int:
        """How many passages hold ``term`` (0 for a term the corpus does not have)."""
        ...

    def scores(self, terms: Sequence[Term], passages: Sequence[int]) -> list[float]:
        """The scores of the given passages for ``terms`` (as ``top`` would give them), in their order."""
        ...

    def holding(self, terms: Sequence[Term], passages: Sequence[int]) -> list[bool]:
        """For each of the given passages: whether it holds any of the analysed ``terms`` (``top`` would find it for
        them), in their order."""
        ...


class Corpus(Protocol):
    """The articles and passages answers are cut from (ids as the retriever gives them)."""

    @property
    def n_articles(self) -> int:
        """How many articles there are."""
        ...

    @property
    def n_passages(self) -> int:
        """How many passages there are."""
        ...

    def article(self, i: int) -> Article:
        """Article ``i`` with its text."""
        ...

    def passage(self, p: int) -> Passage:
        """Passage ``p``: its article, paragraph, span and sentence spans."""
        ...

    def article_passages(self, i: int) -> range:
        """The ids of article ``i``'s passages, in order."""
        ...

    def terms(self) -> list[str]:
        """Every term the corpus holds, in any order."""
        ...

    def spellings(self) -> Iterable[tuple[str, int]]:
        """Every word as the articles spell it, with how often (for correcting misspelt questions)."""
        ...

    def stored_speakers(self, p: int, window: int) -> dict | None:
        """Who speaks in each sentence of passage ``p``'s window (``speakers.windows.attribute_window`` over the
        sentences of its paragraph up to ``window`` characters before it), by sentence start, when the corpus
        stores it made by the answering code's rules; else None, and the answer works it out."""
        ...

    def stores_speakers(self, window: int) -> bool:
        """Whether ``stored_speakers`` may give any passage's speakers for ``window`` (False: never ask it)."""
        ...


class LocalCorpus:
    """The index's own article store."""

    def __init__(self, index: Index):
        self.index = index

    @property
    def n_articles(self) -> int:
        return self.index.n_articles

    @property
    def n_passages(self) -> int:
        return self.index.n_passages

    def article(self, i: int) -> Article:
        return self.index.article(i)

    def passage(self, p: int) -> Passage:
        return self.index.passage(p)

    def article_passages(self, i: int) -> range:
        return self.index.article_passages(i)

    def terms(self) -> list[str]:
        return self.index.terms

    def stored_speakers(self, p: int, window: int) -> dict | None:
        return self.index.stored_speakers(p, window)

    def stores_speakers(self, window: int) -> bool:
        return self.index.stores_speakers(window)

    def spellings(self) -> Iterable[tuple[str, int]]:
        counts = self.index.spelling_counts()
        if counts is not None:
            return counts.items()
        words = self.index.words
        return [(w, n) for w, n, _ in words] if words is not None else []


class LocalRetriever:
    """Exact BM25 over the index's memory-mapped postings, summed over its segments with the live corpus's statistics."""

    def __init__(self, index: Index, params: BM25Params | None = None):
        self.index = index
        self.bm25: BM25 = index.bm25(params)

    def top(self, terms: Sequence[Term], k: int) -> list[tuple[int, float]]:
        """The best ``k`` passages for ``terms``; terms the index lacks add nothing."""
        return self.bm25.top(self._ids(terms), k)

    def scores(self, terms: Sequence[Term], passages: Sequence[int]) -> list[float]:
        """The scores of ``passages`` for ``terms``, without scoring the rest of the index."""
        return self.bm25.scores_of(self._ids(terms), passages).tolist()

    def holding(self, terms: Sequence[Term], passages: Sequence[int]) -> list[bool]:
        """Whether each of ``passages`` holds any of ``terms``, from the postings alone."""
        return self.bm25.holding(self._ids(terms), np.asarray(passages, dtype=np.int64)).tolist()

    def _ids(self, terms: Sequence[Term]) -> list:
        """The scorer's ids of the ``terms`` the index holds (repeats kept; a group of alternatives as a tuple)."""
        return self.bm25.query_ids(terms)

    def df(self, term: str) -> int:
        """How many passages hold ``term``."""
        return self.bm25.term_df(term)
