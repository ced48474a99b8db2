"""The boosted trees' packed table is made in whole-array steps, equal to walking each pattern of failed tests
(``score._exit_leaf``), and the trees are made only when a question's ranking uses them."""

from __future__ import annotations

import random

import numpy as np
import pytest
from conftest import SEEDS

from qabot.answering import Answerer, parse
from qabot.answering.params import AnswerParams
from qabot.answering.score import Model, Trees, _exit_leaf, _exit_table, _tree_nodes
from qabot.build import build
from qabot.index import Index


@pytest.fixture(scope="module")
def answerer(tmp_path_factory) -> Answerer:
    folder = tmp_path_factory.mktemp("seeds") / "idx"
    build([SEEDS], folder)
    return Answerer(Index.open(folder))


def _walked(trees, width: int) -> np.ndarray:
    table = np.zeros((len(trees), 1 << width))
    for i, (inner, leaves) in enumerate(trees):
        for code in range(1 << len(inner)):
            table[i, code] = leaves[_exit_leaf(inner, code)]
    return table


def _random_tree(rng: random.Random, inner: int):
    feature, threshold, left, right, value = [], [], [], [], []

    def make(k: int) -> int:
        i = len(feature)
        feature.append(0), threshold.append(0.0), left.append(i), right.append(i), value.append(rng.uniform(-1, 1))
        if k:
            a = rng.randint(0, k - 1)
            feature[i], threshold[i] = rng.randint(0, 5), rng.random()
            left[i] = make(a)
            right[i] = make(k - 1 - a)
        return i

    make(inner)
    return _tree_nodes(feature, threshold, left, right, value)


def test_the_table_is_the_walk_of_every_pattern():
    w = AnswerParams.default().weights
    shipped = [_tree_nodes(*t) for t in zip(w.trees_feature, w.trees_threshold, w.trees_left, w.trees_right,
                                            w.trees_value)]
    assert len(shipped) > 10
    assert _exit_table(shipped, Trees.PACKED).tobytes() == _walked(shipped, Trees.PACKED).tobytes()
    rng = random.Random(7)
    for _ in range(200):  # lopsided and balanced trees of 0 to 8 inner nodes, mixed
        trees = [_random_tree(rng, rng.randint(0, Trees.PACKED)) for _ in range(rng.randint(1, 6))]
        assert _exit_table(trees, Trees.PACKED).tobytes() == _walked(trees, Trees.PACKED).tobytes()


def test_a_speech_question_never_makes_the_trees(answerer):
    model = Model(answerer.params.weights)
    said = answerer.rank(parse("what did Wang say about Ukraine", answerer.analyzer)).candidates
    assert said and all(c.say for c in said)
    model.rank(said)
    assert "trees" not in vars(model) and "trees" not in vars(model.speech)
    other = answerer.rank(parse("where did the talks take place", answerer.analyzer)).candidates
    model.rank(other)
    assert "trees" in vars(model) and model.trees.n == len(answerer.params.weights.trees_feature)
