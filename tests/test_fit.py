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


def test_weights_fitted_before_a_ranking_feature_was_added_rank_as_before(tmp_path):
    """A ranking feature added at the end since (asked_near) weighs 0 in weights fitted without it, read by
    ``shipped_weights`` (the starting weights of a refit and the refusals it is measured against)."""
    from qabot.answering.features import FEATURES
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    last = FEATURES.index("asked_near")
    assert last == len(FEATURES) - 1
    old = dict(data, features=list(FEATURES[:last]), rank=data["rank"][:last], trees_depth=0,
               **{k: [] for k in ("trees_feature", "trees_threshold", "trees_left", "trees_right", "trees_value")})
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    padded = fit.shipped_weights(path)
    assert padded.features == FEATURES and padded.rank == tuple(old["rank"]) + (0.0,)
    with pytest.raises(SystemExit):  # other features than a prefix of this code's: no refit from it
        path.write_text(json.dumps(dict(old, features=list(reversed(FEATURES[:last])))), encoding="utf-8")
        fit.shipped_weights(path)


def test_monotone_trees_never_add_less_for_more_of_a_constrained_feature():
    """``fit_trees`` with ``monotone``: the trees' part never falls as a constrained feature grows, though the fit
    data rewards less of it (a step like the one that put "meeting" sentences of weak passages over "met ... at the
    Kremlin")."""
    pytest.importorskip("lightgbm")
    from qabot.answering.features import FEATURES
    from qabot.answering.params import Weights
    from qabot.answering.score import Trees

    class C:
        say = False

        def __init__(self, x):
            self.x = x

    rng = np.random.default_rng(0)
    passage = FEATURES.index("passage")
    questions = []
    for _ in range(400):
        x = rng.uniform(0, 1, (6, len(FEATURES)))
        labels = x[:, passage] < 0.3  # the fit data's gold sentences stand in weak passages
        if labels.any() and not labels.all():
            questions.append({"candidates": [C(list(row)) for row in x], "labels": labels, "answerable": True,
                              "refused": False, "source": "squad"})
    w = np.zeros(len(FEATURES))
    grid = np.tile(rng.uniform(0, 1, len(FEATURES)), (11, 1))
    grid[:, passage] = np.linspace(0, 1, 11)
    for monotone, rising in (((), False), (("passage",), True)):
        trees = fit.fit_trees(questions, w, 20, 3, 8, 0.1, 20, monotone=monotone)
        weights = Weights(**{k: v if k == "trees_depth" else tuple(map(tuple, v)) for k, v in trees.items()})
        added = Trees(weights)(grid)
        assert (np.all(np.diff(added) >= -1e-12)) == rising


def test_a_tuning_set_is_cut_in_two_by_article(tmp_path, monkeypatch):
    """``--fit-sets FILE:even`` / ``FILE:odd`` keep the questions of every other article of FILE (numbered in the order
    of their first questions): the other half stays for measuring."""
    import argparse
    lines = [{"question": f"q{i}", "answers": [], "kind": "unanswerable", "article": f"bbc/{a}.txt"}
             for i, a in enumerate("aabcbd")]
    (tmp_path / "bench" / "data").mkdir(parents=True)
    (tmp_path / "bench" / "data" / "set.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    monkeypatch.setattr(fit, "ROOT", tmp_path)
    extra = [{"source": "bbc:set.jsonl", "q": x["question"]} for x in lines] + [{"source": "folder:small", "q": "s"}]

    def kept(sets, folders=()):
        return [q["q"] for q in fit.chosen_extra(extra, argparse.Namespace(fit_sets=sets, fit_folders=list(folders)))]

    assert kept(["set.jsonl:even"]) == ["q0", "q1", "q3"]  # articles a and c (0 and 2)
    assert kept(["set.jsonl:odd"]) == ["q2", "q4", "q5"]  # b and d (1 and 3)
    assert kept(["set.jsonl"], ["small"]) == [x["question"] for x in lines] + ["s"]
    assert kept([]) == []


def _squad_zip(path, articles):
    """A SQuAD v1.1 file zipped as the shared one is, of ``articles``: (title, [(context, [(question, answer)])])."""
    import zipfile

    data = []
    for title, paragraphs in articles:
        ps = []
        for context, qas in paragraphs:
            ps.append({"context": context, "qas": [
                {"id": f"{title}{i}", "question": q, "answers": [{"text": a, "answer_start": context.index(a)}]}
                for i, (q, a) in enumerate(qas)]})
        data.append({"title": title, "paragraphs": ps})
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("dev-v1.1.json", json.dumps({"version": "1.1", "data": data}))
    return path


def test_holed_corpus_removes_the_answer_sentences_from_the_fit_half_only(tmp_path):
    film = ("The Magic Roundabout film opened in Britain in February. It cost 20 million pounds to make. "
            "Its voice cast includes Robbie Williams and Kylie Minogue.")
    twice = "The bridge opened in 1932. Crowds came in 1932 to see it. It spans the harbour."
    data = _squad_zip(tmp_path / "squad.zip", [
        ("Magic_Roundabout", [(film, [("How much did the film cost to make?", "20 million pounds")]),
                              (twice, [("When did the bridge open?", "1932")])]),
        ("Test_half_article", [("Nobody may read this. It is 7 metres tall.", [("How tall is it?", "7 metres")])]),
    ])
    corpus, items = fit.holed_corpus(tmp_path / "work", 0, data)
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert [line["title"] for line in lines] == ["Magic Roundabout"]  # the odd (test-half) article is never read
    text = lines[0]["text"]
    assert "20 million" not in text and "opened in Britain in February" in text and "Robbie Williams" in text
    assert "1932" in text  # its question's answer stands in another sentence too: passed over, the paragraph kept whole
    assert [i.question for i in items] == ["How much did the film cost to make?"]
    assert items[0].answers == ("20 million pounds",)
    _, second = fit.holed_corpus(tmp_path / "work", 1, data)
    assert second == []  # one question a paragraph a turn: the film's only question was the first turn's
