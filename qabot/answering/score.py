"""Score: the fitted model over the features.

A candidate sentence's score is the dot product of its ranking features with the fitted ranking
weights; its confidence is a logistic model over its confidence features (centred and scaled as on
the fit data): the fitted probability that the sentence holds the answer. ``bench/fit.py`` fits both
and writes ``weights.json``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
        n = len(CONFIDENCE_FEATURES)
        self.conf = list(weights.confidence) if weights.confidence else [0.0] * n
        self.mean = list(weights.mean) if weights.mean else [0.0] * n
        self.scale = [s if s > 0 else 1.0 for s in (weights.scale or [1.0] * n)]

    def rank(self, candidates: list[Candidate]) -> None:
        """Set every candidate's ranking score."""
        w = self.rank_weights
        for c in candidates:
            c.score = sum(a * b for a, b in zip(w, c.x))

    def logit(self, inputs: list[float]) -> float:
        """The confidence's log-odds for these confidence features."""
        return self.weights.intercept + sum(c * (v - m) / s for c, v, m, s in zip(self.conf, inputs, self.mean, self.scale))

    def confidence(self, inputs: list[float]) -> float:
        """The fitted probability that a candidate with these confidence features holds the answer."""
        z = self.logit(inputs)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def explain_rank(self, c: Candidate) -> list[Contribution]:
        """Each ranking feature's part in ``c``'s score, largest first (zero parts left out)."""
        parts = [Contribution(n, v, w * v) for n, v, w in zip(FEATURES, c.x, self.rank_weights) if w * v]
        return sorted(parts, key=lambda p: -abs(p.part))

    def explain_confidence(self, inputs: list[float]) -> list[Contribution]:
        """Each confidence feature's part in the log-odds (away from the fit data's average), largest first."""
        parts = [Contribution(n, v, c * (v - m) / s)
                 for n, v, c, m, s in zip(CONFIDENCE_FEATURES, inputs, self.conf, self.mean, self.scale)]
        return sorted((p for p in parts if abs(p.part) >= 0.005), key=lambda p: -abs(p.part))
