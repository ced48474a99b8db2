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

import numpy as np

from .features import CONFIDENCE_FEATURES, FEATURES, Candidate
from .params import Weights


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

    def rank(self, candidates: list[Candidate]) -> None:
        """Set every candidate's ranking score."""
        if not candidates:
            return
        X = np.asarray([c.x for c in candidates], dtype=float)
        scores = X @ self._rank
        if len(self._rank_out):
            scores += np.maximum(X @ self._rank_hidden.T + self._rank_bias, 0.0) @ self._rank_out
        for c, s in zip(candidates, scores.tolist()):
            c.score = s

    def score(self, x: list[float]) -> float:
        """The ranking score of one feature vector (what ``rank`` sets)."""
        w, bias = self._rank_effective(x)
        return float(w @ np.asarray(x, dtype=float)) + bias

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
        hidden units' biases (``rank_bias_part``) they add up to the score."""
        w, _ = self._rank_effective(c.x)
        parts = [Contribution(n, v, float(a * v)) for n, v, a in zip(FEATURES, c.x, w) if a * v]
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
