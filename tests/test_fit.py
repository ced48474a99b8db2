"""bench/fit.py reads weights fitted before a confidence input was added: the new input weighs nothing, the others
judge as they did (the shipped model's refusals are what a refit is measured against: ``--lose-as-shipped``)."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from conftest import PROJECT

from qabot.answering.features import CONFIDENCE_FEATURES
from qabot.answering.params import WEIGHTS_FILE, load_weights
from qabot.answering.score import Model

sys.path.insert(0, str(PROJECT / "bench"))
import fit  # noqa: E402

NEW = ("q_fixed", "q_corpus")
"""Inputs taken out of the shipped file, as if they had been added since it was fitted."""


def _without(part: dict, drop: list[int]) -> dict:
    """``part`` (weights or their speech confidence) with the inputs at ``drop`` taken out."""
    out = dict(part)
    for key in ("confidence", "mean", "scale"):
        if part.get(key):
            out[key] = [v for i, v in enumerate(part[key]) if i not in drop]
    if "hidden" in part:
        out["hidden"] = [[v for i, v in enumerate(row) if i not in drop] for row in part["hidden"]]
    return out


def test_weights_fitted_without_an_input_judge_as_before_with_it(tmp_path):
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    drop = [CONFIDENCE_FEATURES.index(f) for f in NEW]
    old = _without(data, drop)
    old["confidence_features"] = [f for f in CONFIDENCE_FEATURES if f not in NEW]
    if data.get("speech_confidence"):
        old["speech_confidence"] = _without(data["speech_confidence"], drop)
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    padded = fit.shipped_weights(path)
    # the same model with the new inputs' weights at 0, read from the full file
    zeroed = dict(data, confidence=[0.0 if i in drop else v for i, v in enumerate(data["confidence"])],
                  hidden=[[0.0 if i in drop else v for i, v in enumerate(row)] for row in data["hidden"]])
    full = tmp_path / "zeroed.json"
    full.write_text(json.dumps(zeroed), encoding="utf-8")
    expected = Model(load_weights(full))
    got = Model(padded)
    rng = np.random.default_rng(0)
    for _ in range(20):
        inputs = list(rng.normal(size=len(CONFIDENCE_FEATURES)))
        assert got.logit(inputs) == pytest.approx(expected.logit(inputs), abs=1e-9)
    assert padded.refuse_below == data["refuse_below"] and padded.rank == tuple(data["rank"])
    assert len(padded.speech_confidence["confidence"]) == len(CONFIDENCE_FEATURES)
    assert all(padded.speech_confidence["confidence"][i] == 0.0 for i in drop)
