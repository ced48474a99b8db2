"""Fit how the confidence of a speech answer in the speaker's own words is read (Platt scaling), and check it.

    python bench/speech_confidence.py [--work /tmp/qabot-bench/bbc]

A "what did X say (about Y)" question answered with X's own words is not refused nor shown as "not sure" by the
fitted confidence, which was fitted on questions with one answer each and judges the words alone: it says about 0.4
where such answers are right about 0.7 of the time. This fits ``sigmoid(a * logit(p) + b)`` of that confidence ``p``
to whether the first answer holds a gold string, on the speech questions of the FIT sets below, and reports, on
those and on the CHECK sets (never fitted on), the share right, the mean confidence before and after, the Brier
score and the expected calibration error (5 bins). It prints the two numbers for ``SpeechParams``
(``own_confidence_scale``, ``own_confidence_shift``). Only the confidence shown changes: which answers are given,
and in what order, does not.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import ROOT, bbc_corpus  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import hit, normalize  # noqa: E402
from qabot.index import Index  # noqa: E402

DATA = ROOT / "bench" / "data"
FIT = ("speech_tuning.jsonl", "speech_tuning2.jsonl", "bbc_tuning_1.jsonl", "bbc_tuning_2.jsonl", "bbc_tuning_3.jsonl",
       "news_tuning3.jsonl")
CHECK = ("news_tuning4.jsonl", "reader_tuning5.jsonl")


def collect(answerer: Answerer, names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(raw confidence, first answer right) of every answerable question answered with the speaker's own words."""
    conf, right = [], []
    for name in names:
        path = DATA / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if not item.get("answers"):
                continue
            got = answerer.ask(item["question"])
            if got.no_answer or got.unsure or not got.evidence or got.evidence[0].speaker is None:
                continue
            conf.append(got.confidence)
            right.append(hit([normalize(a) for a in item["answers"]], got.evidence[0].text))
    return np.asarray(conf, dtype=float), np.asarray(right, dtype=float)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def fit(conf: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    """Platt scaling: the (a, b) of least log loss, a little L2 on the slope's distance from 1, by damped Newton."""
    x = logit(conf)

    def loss(w: np.ndarray) -> float:
        z = w[0] * x + w[1]
        return float(np.sum(np.logaddexp(0, z) - right * z) + 0.05 * (w[0] - 1) ** 2)

    w = np.array([1.0, 0.0])
    for _ in range(200):
        p = 1 / (1 + np.exp(-(w[0] * x + w[1])))
        grad = np.array([np.sum((p - right) * x) + 0.1 * (w[0] - 1), np.sum(p - right)])
        h = p * (1 - p)
        hess = np.array([[np.sum(h * x * x) + 0.1, np.sum(h * x)], [np.sum(h * x), np.sum(h) + 1e-9]])
        step = np.linalg.solve(hess, grad)
        t = 1.0
        while loss(w - t * step) > loss(w) and t > 1e-6:
            t /= 2
        w = w - t * step
        if np.abs(t * step).max() < 1e-10:
            break
    return float(w[0]), float(w[1])


def read(conf: np.ndarray, a: float, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(a * logit(conf) + b)))


def ece(conf: np.ndarray, right: np.ndarray, bins: int = 5) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (conf >= lo) & ((conf < hi) if hi < 1 else (conf <= hi))
        if inside.any():
            total += inside.sum() / len(conf) * abs(conf[inside].mean() - right[inside].mean())
    return total


def line(label: str, conf: np.ndarray, right: np.ndarray, a: float, b: float) -> str:
    after = read(conf, a, b)
    return (f"{label}: {len(conf)} answers, right {right.mean():.3f}; mean confidence {conf.mean():.3f} -> "
            f"{after.mean():.3f}; Brier {np.mean((conf - right) ** 2):.3f} -> {np.mean((after - right) ** 2):.3f}; "
            f"ECE {ece(conf, right):.3f} -> {ece(after, right):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-fulltext.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/bbc"))
    args = parser.parse_args()
    corpus = bbc_corpus(args.work, args.data)
    build([corpus], args.work / "index")
    index = Index.open(args.work / "index")
    params = Answerer(index).params  # the shipped parameters, fitted weights included
    raw = replace(params, speech=replace(params.speech, own_confidence_scale=1.0, own_confidence_shift=0.0))
    answerer = Answerer(index, answer_params=raw)
    fit_conf, fit_right = collect(answerer, FIT)
    check_conf, check_right = collect(answerer, CHECK)
    a, b = fit(fit_conf, fit_right)
    print(f"fitted on {', '.join(FIT)}; checked on {', '.join(n for n in CHECK if (DATA / n).exists())}")
    print(line("fit", fit_conf, fit_right, a, b))
    print(line("check", check_conf, check_right, a, b))
    shipped = params.speech
    print(line("check, shipped", check_conf, check_right, shipped.own_confidence_scale, shipped.own_confidence_shift))
    print(f"SpeechParams: own_confidence_scale = {a:.4f}, own_confidence_shift = {b:.4f}")
    if not math.isfinite(a) or not math.isfinite(b):
        sys.exit("the fit did not converge")


if __name__ == "__main__":
    main()
