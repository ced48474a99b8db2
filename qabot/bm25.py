"""BM25 over sparse term-by-passage arrays, with rank-bm25's formulas and a Lucene-style IDF.

Postings are stored by term (CSC: ``ptr``, ``docs``, ``tf``), so a query touches only its own
terms' postings. Scores equal rank-bm25's ``BM25Okapi``, ``BM25L`` and ``BM25Plus`` (same k1, b,
epsilon, delta, same rule for negative IDF, query terms counted with their repeats).

BM25Plus gives every passage a term's "zero-frequency" weight ``idf * delta`` even when the term is
absent; that part is kept per term (``base``) and the postings hold only the weight above it.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .defaults import DEFAULT_SCORING, SCORINGS  # noqa: F401 (defined there for the command line)

Query = int | tuple[int, ...]
"""A query term's id, or a group of alternatives' ids scored as one term (``BM25.query_ids``)."""

__all__ = ["DEFAULT_SCORING", "SCORINGS", "BM25", "BM25Params", "LiveBM25", "Part", "baseline", "idf", "norms",
           "okapi_idf", "okapi_mean", "term_weights", "weigh"]
"""The module's names, ``SCORINGS`` among them (defined in ``defaults`` for the command line)."""


@dataclass(frozen=True)
class BM25Params:
    """BM25 settings; the defaults are rank-bm25's."""

    scoring: str = DEFAULT_SCORING
    """One of ``SCORINGS``."""
    k1: float = 1.5
    """Term-frequency saturation."""
    b: float = 0.75
    """Length normalisation."""
    epsilon: float = 0.25
    """Okapi only: a negative IDF becomes ``epsilon`` times the mean IDF."""
    delta: float | None = None
    """BM25L (default 0.5) and BM25Plus (default 1.0): the lower bound added to term frequency."""

    def resolved_delta(self) -> float:
        """``delta``, or rank-bm25's default for the scoring."""
        if self.delta is not None:
            return self.delta
        return 0.5 if self.scoring == "bm25l" else 1.0


def idf(df: np.ndarray, n_docs: int, params: BM25Params, mean: float | None = None) -> np.ndarray:
    """IDF of every term from its document frequency, as rank-bm25 computes it.

    Okapi replaces a negative IDF by ``epsilon`` times the mean IDF of every term of the corpus: the mean
    of ``df``'s own IDFs, unless ``mean`` gives it (when ``df`` holds only some of the terms)."""
    df = np.asarray(df, dtype=np.float64)
    if params.scoring == "okapi":
        values = okapi_idf(df, n_docs)
        if len(values) and (values < 0).any():
            average = mean if mean is not None else okapi_mean(df, n_docs)
            values = np.where(values < 0, params.epsilon * average, values)
        return values
    if params.scoring == "lucene":
        return np.log1p((n_docs - df + 0.5) / (df + 0.5))
    if params.scoring == "bm25l":
        return np.log(n_docs + 1) - np.log(df + 0.5)
    if params.scoring == "bm25plus":
        return np.log((n_docs + 1) / df)
    raise ValueError(f"unknown scoring {params.scoring!r}")


def okapi_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """Okapi's IDF ``log((N - n + 0.5) / (n + 0.5))`` as rank-bm25 computes it, negative ones kept."""
    df = np.asarray(df, dtype=np.float64)
    return np.log(n_docs - df + 0.5) - np.log(df + 0.5)


def okapi_mean(df: np.ndarray, n_docs: int) -> float:
    """The mean Okapi IDF (negative ones included) of the terms whose document frequencies are ``df``,
    in their order (terms sorted by their bytes: the sum is then the same whichever way it is reached)."""
    values = okapi_idf(df, n_docs)
    if not len(values):
        return 0.0
    return float(np.sum(values)) / len(values)


def norms(doclen: np.ndarray, avgdl: float, params: BM25Params) -> np.ndarray:
    """Each passage's length normalisation ``1 - b + b * length / avgdl``."""
    return 1 - params.b + params.b * np.asarray(doclen, dtype=np.float64) / avgdl


def term_weights(tf: np.ndarray, doclen: np.ndarray | None, term_idf: np.ndarray | float, avgdl: float,
                 params: BM25Params, norm: np.ndarray | None = None) -> np.ndarray:
    """Each posting's full contribution to its passage's score (tf > 0); ``norm``, when given, is the
    postings' passages' ``norms`` (the same numbers, computed once per passage)."""
    tf = np.asarray(tf, dtype=np.float64)
    norm = norms(doclen, avgdl, params) if norm is None else norm
    k1 = params.k1
    if params.scoring in ("okapi", "lucene"):
        return term_idf * (tf * (k1 + 1) / (tf + k1 * norm))
    delta = params.resolved_delta()
    if params.scoring == "bm25l":
        ctd = tf / norm
        return term_idf * tf * (k1 + 1) * (ctd + delta) / (k1 + ctd + delta)  # rank-bm25 0.2.2 multiplies by tf
    return term_idf * (delta + (tf * (k1 + 1)) / (k1 * norm + tf))


def baseline(term_idf: np.ndarray, params: BM25Params) -> np.ndarray:
    """What a term adds to a passage that does not contain it (zero but for BM25Plus)."""
    term_idf = np.asarray(term_idf, dtype=np.float64)
    if params.scoring == "bm25plus":
        return term_idf * params.resolved_delta()
    return np.zeros_like(term_idf)


def weigh(ptr: np.ndarray, docs: np.ndarray, tf: np.ndarray, doclen: np.ndarray,
          params: BM25Params, chunk: int = 1 << 19) -> tuple[np.ndarray, np.ndarray]:
    """Precompute ``(extra, base)``: per-posting weight above the term's base, and per-term base.

    Postings are weighed ``chunk`` at a time (whole terms), so temporaries stay small.
    """
    ptr = np.asarray(ptr)
    doclen = np.asarray(doclen)
    n_docs = len(doclen)
    avgdl = float(np.sum(doclen, dtype=np.float64)) / n_docs if n_docs else 1.0
    df = np.diff(ptr)
    term_idf = idf(df, n_docs, params)
    base = baseline(term_idf, params)
    extra = np.empty(int(ptr[-1]) if len(ptr) else 0, dtype=np.float64)
    t_lo = 0
    while t_lo < len(df):
        t_hi = max(t_lo + 1, int(np.searchsorted(ptr, ptr[t_lo] + chunk, side="right")) - 1)
        t_hi = min(t_hi, len(df))
        lo, hi = int(ptr[t_lo]), int(ptr[t_hi])
        counts = df[t_lo:t_hi]
        full = term_weights(tf[lo:hi], doclen[docs[lo:hi]], np.repeat(term_idf[t_lo:t_hi], counts), avgdl or 1.0, params)
        extra[lo:hi] = full - np.repeat(base[t_lo:t_hi], counts)
        t_lo = t_hi
    return extra, base


class BM25:
    """Scores passages for a query's term ids, touching only those terms' postings.

    ``top`` costs time in proportion to the query terms' postings, never to the number of passages:
    postings are summed into a scratch array that is cleared again after each query, and the best
    ``k`` are chosen among the touched passages only.
    """

    def __init__(self, ptr: np.ndarray, docs: np.ndarray, extra: np.ndarray, base: np.ndarray, n_docs: int,
                 vocab: Mapping[str, int] | None = None):
        self.ptr = np.asarray(ptr)
        self.docs = np.asarray(docs)
        self.extra = np.asarray(extra)
        self.base = np.asarray(base)
        self.n_docs = n_docs
        self.vocab = vocab
        """Term to term id, for ``ids`` and ``term_df``."""
        self._acc: np.ndarray | None = None

    def ids(self, terms: Sequence[str]) -> list[int]:
        """The term ids of the ``terms`` the index holds (repeats kept; absent terms left out)."""
        return [i for i in map(self.vocab.get, terms) if i is not None]

    def query_ids(self, terms: Sequence[str | tuple[str, ...]]) -> list[Query]:
        """``ids`` for a query whose terms may be groups of alternatives (a tuple: a word and its irregular forms,
        ("meet", "met")): a group becomes the tuple of the ids the index holds (one held: that id alone; none: left
        out), scored as one term (``top``)."""
        if all(isinstance(t, str) for t in terms):
            return list(self.ids(terms))
        flat = list(dict.fromkeys(w for t in terms for w in ((t,) if isinstance(t, str) else t)))
        found = dict(zip(flat, self._held_ids(flat)))  # asked together: a scorer that weighs terms when asked keeps them all
        out: list[Query] = []
        for t in terms:
            ids = tuple(dict.fromkeys(i[0] for w in ((t,) if isinstance(t, str) else t) if (i := found[w])))
            if ids:
                out.append(ids[0] if len(ids) == 1 else ids)
        return out

    def _held_ids(self, terms: Sequence[str]) -> list[list[int]]:
        """For each of ``terms`` (distinct): ``[its id]``, or ``[]`` when the index lacks it."""
        return [[i] if (i := self.vocab.get(t)) is not None else [] for t in terms]

    def term_df(self, term: str) -> int:
        """How many passages hold ``term``."""
        t = self.vocab.get(term)
        return 0 if t is None else int(self.ptr[t + 1] - self.ptr[t])

    def _base(self, t: int) -> float:
        """What term ``t`` adds to every passage (zero but for BM25Plus)."""
        return float(self.base[t])

    def _start(self, t: Query) -> float:
        """What query term ``t`` adds to every passage; a group of alternatives: the most any of them adds."""
        return self._base(t) if not isinstance(t, tuple) else max(self._base(u) for u in t)

    def _weights(self, t: Query) -> tuple[np.ndarray, np.ndarray]:
        """Query term ``t``'s passages (ascending) and their weights above ``_start``; a group of alternatives: the
        passages holding any of them, each weighed by the best of them (a word and its irregular forms count once, as
        one term: "begin", "began" and "begun" in one passage weigh as much as the best of them)."""
        if not isinstance(t, tuple):
            return self._postings(t)
        start = self._start(t)
        parts = [self._postings(u) for u in t]
        docs = np.concatenate([d for d, _ in parts])
        weights = np.concatenate([w + (self._base(u) - start) for u, (_, w) in zip(t, parts)])
        order = np.lexsort((-weights, docs))  # by passage, the best weight first
        docs, weights = docs[order], weights[order]
        first = np.ones(len(docs), dtype=bool)
        first[1:] = docs[1:] != docs[:-1]
        return docs[first], np.maximum(weights[first], 0.0)

    def _postings(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Term ``t``'s postings: its passages (ascending) and their weights above the term's base."""
        lo, hi = int(self.ptr[t]), int(self.ptr[t + 1])
        return self.docs[lo:hi], self.extra[lo:hi]

    def _gather(self, term_ids: list[Query]) -> tuple[np.ndarray, np.ndarray, float]:
        """The postings of ``term_ids`` (repeats kept) and the score every passage starts from."""
        docs, weights = [], []
        start_score = 0.0
        for t in term_ids:
            d, w = self._weights(t)
            docs.append(d)
            weights.append(w)
            start_score += self._start(t)
        if not docs:
            return np.empty(0, np.int64), np.empty(0, np.float64), start_score
        return np.concatenate(docs), np.concatenate(weights), start_score

    def scores(self, term_ids: list[Query]) -> np.ndarray:
        """The score of every passage (dense), as rank-bm25's ``get_scores`` returns it."""
        docs, weights, start = self._gather(term_ids)
        out = np.full(self.n_docs, start, dtype=np.float64)
        np.add.at(out, docs, weights)
        return out

    def scores_of(self, term_ids: list[Query], passages: np.ndarray) -> np.ndarray:
        """The scores of ``passages`` only, equal to ``top``'s: a binary search in each term's postings
        (sorted by passage), so the cost does not grow with the number of passages in the index."""
        repeats, start = self._repeats(term_ids)
        return self._extras(repeats, np.asarray(passages, dtype=np.int64)) + start

    def holding(self, term_ids: list[Query], passages: np.ndarray) -> np.ndarray:
        """For each of ``passages``: whether it holds any of ``term_ids`` (a binary search in each term's postings,
        as ``scores_of`` finds them; no score is worked out)."""
        out = np.zeros(len(passages), dtype=bool)
        for t in dict.fromkeys(u for t in term_ids for u in (t if isinstance(t, tuple) else (t,))):
            docs, _ = self._postings(t)
            if len(docs) == 0 or len(passages) == 0:
                continue
            at = np.minimum(np.searchsorted(docs, passages.astype(docs.dtype)), len(docs) - 1)
            out |= docs[at] == passages
        return out

    def top(self, term_ids: list[Query], k: int) -> list[tuple[int, float]]:
        """The best ``k`` passages holding a query term, as ``(passage id, score)``, by score then passage id."""
        if k <= 0 or self.n_docs == 0 or not term_ids:
            return []
        repeats, start = self._repeats(term_ids)
        if len(repeats) == 1:  # one term: its postings are already one per passage
            ((t, c),) = repeats.items()
            docs, extra = self._weights(t)
            sums = extra * c + start
            runs = np.array([0, len(docs)])
        else:
            docs, sums, runs = self._sum(repeats)
            sums += start
        if len(docs) == 0:
            return []
        kth = float(_nth_largest(sums, k)) if len(docs) > k else None
        if len(repeats) > 1 and (kth is None or kth <= start):  # repeats (at start) could be among the best k
            docs = np.unique(docs)
            sums = self._extras(repeats, docs) + start
            runs = np.array([0, len(docs)])
            kth = float(_nth_largest(sums, k)) if len(docs) > k else None
        if kth is not None:
            docs, sums = _best(docs, sums, k, kth, runs)
        order = np.lexsort((docs, -sums))[:k]
        return list(zip(docs[order].tolist(), sums[order].tolist()))

    def _repeats(self, term_ids: list[Query]) -> tuple[dict[Query, int], float]:
        """Each query term once with how often it was asked, and the score every passage starts from."""
        repeats: dict[Query, int] = {}
        for t in term_ids:
            t = tuple(map(int, t)) if isinstance(t, tuple) else int(t)
            repeats[t] = repeats.get(t, 0) + 1
        return repeats, sum(self._start(t) * c for t, c in repeats.items())

    def _extras(self, repeats: dict[int, int], passages: np.ndarray) -> np.ndarray:
        """The summed weights above base of ``passages``, added term by term as ``_sum`` adds them."""
        out = np.zeros(len(passages), dtype=np.float64)
        for t, c in repeats.items():
            docs, extra = self._weights(t)
            if len(docs) == 0 or len(passages) == 0:
                continue
            at = np.minimum(np.searchsorted(docs, passages.astype(docs.dtype)), len(docs) - 1)  # same dtype: no copy of docs
            hit = np.flatnonzero(docs[at] == passages)
            out[hit] += extra[at[hit]] * c if c != 1 else extra[at[hit]]
        return out

    def _sum(self, repeats: dict[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(docs, sums, runs)``: the query terms' postings one term after the other, each passage's
        summed weight at its first posting and 0 at its repeats; ``runs`` bounds the terms' stretches,
        in each of which passages ascend."""
        if self._acc is None:
            self._acc = np.zeros(self.n_docs, dtype=np.float64)
        acc = self._acc
        parts, sums = [], []
        try:
            for t, c in repeats.items():  # summed term by term, straight from the postings (no copy of weights)
                docs, extra = self._weights(t)
                docs = docs.astype(np.intp)  # native indices: cheaper for the three passes below
                np.add.at(acc, docs, extra * c if c != 1 else extra)
                parts.append(docs)
        finally:
            for part in parts:  # each sum taken once: a passage's later postings find 0
                sums.append(acc[part])
                acc[part] = 0.0
        runs = np.array([0, *itertools.accumulate(len(p) for p in parts)])
        return np.concatenate(parts), np.concatenate(sums), runs


def _nth_largest(values: np.ndarray, n: int) -> float:
    """The ``n``-th largest of ``values`` (1 <= n <= len), exactly.

    For long inputs the maxima of groups of 64 values give a lower bound first (at least ``n`` values
    reach the ``n``-th largest group maximum), so the exact selection runs over a few values only. A
    group is every ``m // 64``-th value, so the maxima are one vectorised pass over 64 rows.
    """
    m = len(values)
    if m > 64 * n and m > 4096:
        width = m // 64
        maxima = values[:64 * width].reshape(64, width).max(axis=0)
        bound = np.partition(maxima, width - n)[width - n]
        values = values[values >= bound]
        m = len(values)
    return values[np.argpartition(values, m - n)[m - n]]


def _best(docs: np.ndarray, sums: np.ndarray, k: int, kth: float, runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best entries when ``kth`` is the ``k``-th largest of ``sums``: higher sum first, lower passage
    id among equal sums. ``docs`` ascend within each stretch ``runs[i]:runs[i + 1]``, so the lowest ids among
    the ties are found among the first few ties of each stretch."""
    best = np.flatnonzero(sums >= kth)
    above = best[sums[best] > kth]
    ties = best[sums[best] == kth]
    need = k - len(above)
    if len(ties) > need:
        cuts = np.searchsorted(ties, runs)
        ties = np.concatenate([ties[lo:min(hi, lo + need)] for lo, hi in zip(cuts[:-1], cuts[1:])])
        if len(ties) > need:
            ties = ties[np.argpartition(docs[ties], need - 1)[:need]]
    keep = np.concatenate((above, ties))
    return docs[keep], sums[keep]


@dataclass
class Part:
    """One segment's postings as ``LiveBM25`` reads them (local term and passage ids)."""

    vocab: Mapping[str, int]
    ptr: np.ndarray
    docs: np.ndarray
    tf: np.ndarray
    doclen: np.ndarray
    """Each of the segment's passages' term count."""
    first: int
    """The index-wide id of the segment's first live passage."""
    holes: object | None = None
    """Its deleted passages (a ``segments.Holes``), or None when it has none."""
    norm: np.ndarray | None = None
    """Its passages' length normalisation (``norms``), made by the scorer on first use."""


class LiveBM25(BM25):
    """BM25 over several segments, some passages deleted, weighed when asked with the statistics of the
    whole live corpus (passages, each term's document frequency, average length): scores equal those of
    the same passages in one freshly built index, weight for weight, since each weight is computed by the
    same expressions as ``weigh``'s from the same numbers.

    A term's postings are gathered from every segment, deleted passages dropped, and given index-wide
    passage ids; the weighed postings of recent terms are kept (up to ``CACHE`` postings)."""

    CACHE = 1 << 21
    """Weighed postings kept between calls (16 bytes each), the least recently asked terms let go first."""

    def __init__(self, parts: list[Part], n_docs: int, length: int, params: BM25Params,
                 mean: Callable[[], float]):
        super().__init__(np.zeros(1, np.int64), np.empty(0, np.int32), np.empty(0), np.empty(0), n_docs)
        self.parts = parts
        self.params = params
        self.avgdl = (float(length) / n_docs if n_docs else 1.0) or 1.0
        self._mean_of = mean
        self._mean: float | None = None
        self._slots: dict[int, tuple[np.ndarray, np.ndarray, float]] = {}
        self._slot_of: OrderedDict[str, int | None] = OrderedDict()
        self._next = 0
        self._cached = 0

    def ids(self, terms: Sequence[str]) -> list[int]:
        """Slots for the ``terms`` the live corpus holds (repeats kept), their postings weighed now
        unless they were lately."""
        out = []
        for term in terms:
            if term in self._slot_of:
                self._slot_of.move_to_end(term)
                slot = self._slot_of[term]
            else:
                slot = self._slot_of[term] = self._weigh(term)
            if slot is not None:
                out.append(slot)
        asked = set(terms)
        while (self._cached > self.CACHE or len(self._slot_of) > 1 << 16) and next(iter(self._slot_of)) not in asked:
            _, slot = self._slot_of.popitem(last=False)
            if slot is not None:
                self._cached -= len(self._slots.pop(slot)[0])
        return out

    def _held_ids(self, terms: Sequence[str]) -> list[list[int]]:
        self.ids(terms)  # weighed together, so that none pushes another out of the cache
        return [[slot] if (slot := self._slot_of.get(t)) is not None else [] for t in terms]

    def term_df(self, term: str) -> int:
        """How many live passages hold ``term``."""
        found = self.ids([term])
        return len(self._slots[found[0]][0]) if found else 0

    def _postings(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        docs, extra, _ = self._slots[t]
        return docs, extra

    def _base(self, t: int) -> float:
        return self._slots[t][2]

    def _norms(self, part: Part) -> np.ndarray:
        """The length normalisation of every passage of ``part`` (computed on first use, 8 bytes a passage)."""
        if part.norm is None:
            part.norm = norms(part.doclen, self.avgdl, self.params)
        return part.norm

    def _idf(self, df: int) -> float:
        """One term's IDF, as ``idf`` gives it over the whole vocabulary."""
        params = self.params
        if params.scoring != "okapi":
            return float(idf(np.array([df]), self.n_docs, params)[0])
        value = float(okapi_idf(np.array([df]), self.n_docs)[0])
        if value < 0:
            if self._mean is None:
                self._mean = self._mean_of()
            value = params.epsilon * self._mean
        return value

    def _weigh(self, term: str) -> int | None:
        """Gather and weigh ``term``'s live postings into a new slot; None when no live passage holds it."""
        docs_all, tfs, lens = [], [], []
        for part in self.parts:
            t = part.vocab.get(term)
            if t is None:
                continue
            lo, hi = int(part.ptr[t]), int(part.ptr[t + 1])
            docs, tf = part.docs[lo:hi], part.tf[lo:hi]
            if part.holes is not None:
                keep, ranks = part.holes.live_rank(docs)
                docs, tf = docs[keep], tf[keep]
                ids = ranks[keep] + part.first
            else:
                ids = docs + part.first if part.first else docs
            docs_all.append(ids)
            tfs.append(tf)
            lens.append(self._norms(part)[docs])
        df = sum(len(d) for d in docs_all)
        if df == 0:
            return None
        term_idf = self._idf(df)
        base = float(baseline(np.array([term_idf]), self.params)[0])
        one = len(docs_all) == 1
        full = term_weights(tfs[0] if one else np.concatenate(tfs), None, term_idf, self.avgdl, self.params,
                            norm=lens[0] if one else np.concatenate(lens))
        slot, self._next = self._next, self._next + 1
        self._slots[slot] = (docs_all[0] if one else np.concatenate(docs_all), full - base if base else full, base)
        self._cached += df
        return slot
