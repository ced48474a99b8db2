"""Score: the fitted model over the features.

A candidate sentence's score is the dot product of its ranking features with the fitted ranking
weights plus, when the weights have them, a few hidden ReLU units over the same features (the features
combine: a title match means more in a sentence that matches little itself); its confidence is a logistic model over its confidence features (centred and scaled as on
the fit data) with one small hidden layer of ReLU units beside the linear part (the features combine:
a sentence that matches well in an article that lacks the question's names is another case than either
alone): the fitted probability that the sentence holds the answer. ``bench/fit.py`` fits both and writes
``weights.json``.

A ReLU unit is linear wherever it is active, so the log-odds are exactly the intercept, the active
units' biases and one part per feature (its linear weight plus the active units' weights on it, times
its scaled value): ``explain_confidence`` gives those parts, and they add up. The ranker's score splits
the same way (``explain_rank``), its active units' biases apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from .features import ASKED_NEAR, CONFIDENCE_FEATURES, EXACT, FEATURES, PHRASES, Candidate, add_written
from .params import Weights, speech_weights


class Trees:
    """Boosted regression trees, all walked at once without walking. Every inner node of every tree is tested
    against every candidate in one step (one flat take, one comparison). Trees of at most eight inner nodes
    (the shipped ones have seven) then pack their tests' outcomes into one byte each, and a table per tree
    gives the value of the leaf that byte leads to: a few whole-array operations however many trees. Wider
    trees use QuickScorer (Lucchese et al. 2015): a test that fails (the candidate goes right) rules out the
    leaves of that node's left subtree (a bit each), so a tree's exit leaf is the leftmost leaf that no failed
    test ruled out."""

    PACKED = 8
    """At most this many inner nodes a tree for the packed tables."""

    def __init__(self, weights: Weights):
        self.n = len(weights.trees_feature)
        self.columns = len(FEATURES)
        trees = [_tree_nodes(*t) for t in zip(weights.trees_feature, weights.trees_threshold, weights.trees_left,
                                               weights.trees_right, weights.trees_value)]
        width = max((len(inner) for inner, _ in trees), default=0)
        most = max((len(leaves) for _, leaves in trees), default=1)
        self.least = float(sum(min(leaves) for _, leaves in trees))
        """The least the trees can add to a score."""
        self._index: dict[int, np.ndarray] = {}  # per number of rows: where each row's tested features stand
        self.packed = width <= self.PACKED
        if self.packed:  # tree-major: each tree's eight tests side by side, padding tests fail never (+inf)
            width = self.PACKED
            self.feature = np.asarray([[f for f, _, _ in inner] + [0] * (width - len(inner)) for inner, _ in trees],
                                      dtype=np.intp).ravel()
            self.threshold = np.asarray([[t for _, t, _ in inner] + [math.inf] * (width - len(inner))
                                         for inner, _ in trees], dtype=float).ravel()
            self.table = _exit_table(trees, width).ravel()
            self.table_offset = np.arange(self.n, dtype=np.intp) << width
            self.width = width
            return
        if most > 64:
            raise ValueError("a tree with more than 64 leaves")
        self.bits = next(np.dtype(t) for t in (np.uint8, np.uint16, np.uint32, np.uint64) if np.dtype(t).itemsize * 8 >= most)
        # node-major: the k-th inner node of every tree side by side; padding tests fail never (threshold +inf)
        pad = [width - len(inner) for inner, _ in trees]
        self.feature = np.asarray([[f for f, _, _ in inner] + [0] * p for (inner, _), p in zip(trees, pad)],
                                  dtype=np.intp).T.ravel()
        self.threshold = np.asarray([[t for _, t, _ in inner] + [np.inf] * p for (inner, _), p in zip(trees, pad)],
                                    dtype=float).T.ravel()
        self.left_bits = np.asarray([[b for _, _, b in inner] + [0] * p for (inner, _), p in zip(trees, pad)],
                                    dtype=np.uint64).T.ravel().astype(self.bits)
        self.width = width
        self.value = np.asarray([leaves + [0.0] * (most - len(leaves)) for _, leaves in trees], dtype=float).ravel()
        self.offset = np.arange(self.n, dtype=np.intp) * most
        if self.bits.itemsize <= 2:  # the lowest bit set, looked up
            table = np.arange(1 << (8 * self.bits.itemsize), dtype=np.int64)
            self.lowest = np.log2(np.maximum(table & -table, 1)).astype(np.intp)
        else:
            self.lowest = None

    def __call__(self, X: np.ndarray) -> np.ndarray:
        """What the trees add to the score of each row of ``X`` (candidates x ranking features)."""
        X = np.ascontiguousarray(X, dtype=float)
        rows = len(X)
        index = self._index.get(rows) if X.shape[1] == self.columns else None
        if index is None:  # every row's feature at every node, as places in the flattened ``X``
            index = (np.arange(rows, dtype=np.intp) * X.shape[1])[:, None] + self.feature
            if X.shape[1] == self.columns and rows <= 64:
                self._index[rows] = index
        failed = X.ravel().take(index) > self.threshold  # (rows, nodes): the candidate goes right
        if self.packed:  # each tree's eight outcomes as one byte, its leaf's value looked up
            code = np.packbits(failed, bitorder="little").reshape(rows, self.n)  # flat: many times faster
            return self.table.take(code + self.table_offset).sum(axis=1)
        # contiguous operations only (numpy broadcasts over a short inner axis many times slower)
        out = (failed.view(np.uint8) * self.left_bits).reshape(rows, self.width, self.n)
        left = ~np.bitwise_or.reduce(out, axis=1)  # (candidates, trees): the leaves no failed test ruled out
        if self.lowest is not None:
            leaf = self.lowest.take(left)
        else:
            left = left.astype(np.int64)
            leaf = np.log2((left & -left).astype(float)).astype(np.intp)
        return self.value.take(leaf + self.offset).sum(axis=1)


def _tree_nodes(feature, threshold, left, right, value) -> tuple[list[tuple[int, float, int]], list[float]]:
    """One tree's inner nodes in the order met going down left first (each its feature, threshold and the
    bits of its left subtree's leaves) and its leaves' values, left to right."""
    leaves: list[float] = []
    inner: list[tuple[int, float, int]] = []

    def walk(node: int) -> int:
        """The leaf bits under ``node`` (leaves numbered left to right as they are met)."""
        if left[node] == node and right[node] == node:
            leaves.append(value[node])
            return 1 << (len(leaves) - 1)
        place = len(inner)
        inner.append((0, 0.0, 0))
        bits = walk(left[node])
        inner[place] = (feature[node], threshold[node], bits)
        return bits | walk(right[node])

    walk(0)
    return inner, leaves


def _exit_table(trees: list[tuple[list[tuple[int, float, int]], list[float]]], width: int) -> np.ndarray:
    """``(trees, 2**width)``: the value of the leaf each pattern of failed tests leads to (bit k: the k-th inner
    node's test failed), ``_exit_leaf`` for every tree and pattern at once; zero for patterns a tree cannot make
    (bits past its inner nodes)."""
    n, most = len(trees), max((len(leaves) for _, leaves in trees), default=1)
    bits = np.zeros((n, width), dtype=np.int64)
    values = np.zeros((n, most))
    nodes = np.zeros(n, dtype=np.int64)
    for i, (inner, leaves) in enumerate(trees):
        bits[i, :len(inner)] = [b for _, _, b in inner]
        values[i, :len(leaves)] = leaves
        nodes[i] = len(inner)
    codes = np.arange(1 << width, dtype=np.int64)
    ruled_out = np.zeros((n, 1 << width), dtype=np.int64)
    for k in range(width):  # each failed node rules out its left subtree's leaves
        ruled_out |= np.where((codes >> k & 1).astype(bool), bits[:, k:k + 1], 0)
    alive = ~ruled_out
    leaf = np.log2((alive & -alive).astype(float)).astype(np.intp)  # the leftmost leaf left (a power of two)
    table = np.take_along_axis(values, np.minimum(leaf, most - 1), axis=1)
    return np.where(codes < (1 << nodes)[:, None], table, 0.0)


def _exit_leaf(inner: list[tuple[int, float, int]], failed: int) -> int:
    """The leaf (numbered left to right) a candidate reaches when the inner nodes whose bits are set in
    ``failed`` send it right: the leftmost leaf that no failed node's left subtree holds."""
    ruled_out = 0
    for k, (_, _, bits) in enumerate(inner):
        if failed >> k & 1:
            ruled_out |= bits
    alive = ~ruled_out
    return (alive & -alive).bit_length() - 1


@dataclass(frozen=True)
class Contribution:
    """One feature's part in a score."""

    name: str
    """The feature's name."""
    value: float
    """Its value for this candidate."""
    part: float
    """What it adds: to the ranking score, or to the confidence's log-odds."""


class Model:
    """Ranks candidates and gives each a confidence."""

    def __init__(self, weights: Weights):
        self.weights = weights
        self.rank_weights = list(weights.rank) if weights.rank else [0.0] * len(FEATURES)
        self._rank = np.asarray(self.rank_weights, dtype=float)
        self._rank_hidden = np.asarray(weights.rank_hidden, dtype=float).reshape(len(weights.rank_hidden), len(FEATURES))
        self._rank_bias = np.asarray(weights.rank_hidden_bias, dtype=float)
        self._rank_out = np.asarray(weights.rank_hidden_out, dtype=float)
        self.speech = Model(speech_weights(weights)) if weights.speech_confidence else self
        """The model whose confidence a speech question with a speaker is judged by (its ranking is this one's)."""
        n = len(CONFIDENCE_FEATURES)
        self.conf = list(weights.confidence) if weights.confidence else [0.0] * n
        self.mean = list(weights.mean) if weights.mean else [0.0] * n
        self.scale = [s if s > 0 else 1.0 for s in (weights.scale or [1.0] * n)]
        self._mean = np.asarray(self.mean, dtype=float)
        self._scale = np.asarray(self.scale, dtype=float)
        self._linear = np.asarray(self.conf, dtype=float)
        self._hidden = np.asarray(weights.hidden, dtype=float).reshape(len(weights.hidden), n)
        self._bias = np.asarray(weights.hidden_bias, dtype=float)
        self._out = np.asarray(weights.hidden_out, dtype=float)

    @cached_property
    def trees(self) -> Trees:
        """The boosted trees, made when first used: a speech question with a speaker never uses them (10 ms a
        cold ``qabot ask`` spared, twice: the ``speech`` model's too)."""
        return Trees(self.weights)

    def rank(self, candidates: list[Candidate]) -> None:
        """Set every candidate's ranking score."""
        if not candidates:
            return
        X = np.fromiter(chain.from_iterable([c.x for c in candidates]), float,
                        count=len(candidates) * len(FEATURES)).reshape(len(candidates), len(FEATURES))
        scores = X @ self._rank
        if len(self._rank_out):
            scores += np.maximum(X @ self._rank_hidden.T + self._rank_bias, 0.0) @ self._rank_out
        if not candidates[0].say and self.trees.n:  # one question's candidates: all or none are a speech question's
            top = self.weights.trees_top
            if top and len(scores) > top:
                best = np.argpartition(-scores, top - 1)[:top]
                added = np.full(len(scores), self.trees.least)
                rows = X.take(best, axis=0)
            else:
                best = np.arange(len(scores))
                added = np.zeros(len(scores))
                rows = X
            chosen = [candidates[i] for i in best.tolist()]
            add_written(chosen)
            rows[:, EXACT] = [c.x[EXACT] for c in chosen]
            rows[:, PHRASES] = [c.x[PHRASES] for c in chosen]
            rows[:, ASKED_NEAR] = [c.x[ASKED_NEAR] for c in chosen]
            added[best] = self.trees(rows)
            scores += added
            for c, a in zip(candidates, added.tolist()):
                c.trees = a
        for c, s in zip(candidates, scores.tolist()):
            c.score = s

    def judging(self, best: Candidate) -> "Model":
        """The model whose confidence judges the question whose best candidate is ``best``: a speech question
        with a speaker keeps its own (``speech``)."""
        return self.speech if best.say else self

    def _rank_effective(self, x: list[float]) -> tuple[np.ndarray, float]:
        """Each ranking feature's weight with the active hidden units' folded in, and those units' bias."""
        if not len(self._rank_out):
            return self._rank, 0.0
        active = self._rank_out * ((self._rank_hidden @ np.asarray(x, dtype=float) + self._rank_bias) > 0)
        return self._rank + active @ self._rank_hidden, float(active @ self._rank_bias)

    def _effective(self, inputs: list[float]) -> tuple[np.ndarray, np.ndarray, float]:
        """The scaled inputs, each one's weight with the active hidden units' folded in, and those units' bias."""
        z = (np.asarray(inputs, dtype=float) - self._mean) / self._scale
        if not len(self._out):
            return z, self._linear, 0.0
        active = self._out * ((self._hidden @ z + self._bias) > 0)
        return z, self._linear + active @ self._hidden, float(active @ self._bias)

    def logit(self, inputs: list[float]) -> float:
        """The confidence's log-odds for these confidence features."""
        z, w, bias = self._effective(inputs)
        return self.weights.intercept + bias + float(w @ z)

    def confidence(self, inputs: list[float]) -> float:
        """The fitted probability that a candidate with these confidence features holds the answer."""
        z = self.logit(inputs)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def explain_rank(self, c: Candidate) -> list[Contribution]:
        """Each ranking feature's part in ``c``'s score, largest first (zero parts left out); with the active
        hidden units' biases (``rank_bias_part``) they add up to the score. The boosted trees' part is one
        more, named "trees" (its value 1), when they add anything."""
        w, bias = self._rank_effective(c.x)
        parts = [Contribution(n, v, float(a * v)) for n, v, a in zip(FEATURES, c.x, w) if a * v]
        if not c.say and self.trees.n:  # what the trees added to the score ``rank`` set
            parts.append(Contribution("trees", 1.0, c.trees))
        return sorted(parts, key=lambda p: -abs(p.part))

    def rank_bias_part(self, c: Candidate) -> float:
        """What the ranker's active hidden units' biases add to ``c``'s score."""
        return self._rank_effective(c.x)[1]

    def explain_confidence(self, inputs: list[float]) -> list[Contribution]:
        """Each confidence feature's part in the log-odds (away from the fit data's average), largest first:
        with the intercept and the active hidden units' bias (``hidden_bias_part``) they add up to ``logit``."""
        z, w, _ = self._effective(inputs)
        parts = [Contribution(n, v, float(c * x)) for n, v, c, x in zip(CONFIDENCE_FEATURES, inputs, w, z)]
        return sorted((p for p in parts if abs(p.part) >= 0.005), key=lambda p: -abs(p.part))

    def hidden_bias_part(self, inputs: list[float]) -> float:
        """What the active hidden units' biases add to the log-odds for these inputs."""
        return self._effective(inputs)[2]
