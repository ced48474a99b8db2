"""Fit answering's model and write qabot/answering/weights.json.

    python bench/fit.py [--work /tmp/qabot-bench/fit] [--negatives 3000] [--refuse-by best3|first]
                        [--trees 100] [--trees-small] [--more-negatives FILE ...] [--lose 0.005 | --lose-as-shipped]
                        [--conf-drop FEATURE ...] [--monotone FEATURE ...] [--fit-sets FILE[:even|:odd] ...]
                        [--fit-folders NAME ...] [--news-weight W] [--conf-news-weight W]
                        [--holed N] [--holed-weight W] [--keep-trees] [--out qabot/answering/weights.json]

``--trees-small`` fits the trees on the small corpora's own questions too; ``--more-negatives`` asks more BBC question
sets of SQuAD as negatives; ``--lose-as-shipped`` sets the refusal threshold to lose the share of right answers the
shipped weights' refusals lose on this fit's data (measured with this code: a refit refuses as the shipped model did);
``--conf-drop`` holds confidence inputs at 0 to measure what they bring. ``collect_all`` and ``fit_write`` are the two
halves, so a script can collect once and fit several ways. ``--monotone`` constrains the trees' part never to fall as
a named feature grows (a passage scoring better by BM25 must not make its sentence worse: the refit taken back out
added +6 to sentences of weak passages); ``--fit-sets`` and ``--fit-folders`` fit the trees and the confidence on tuning
sets of news questions over their own articles too (``FILE:even`` / ``FILE:odd``: every other article's questions, the
rest kept for measuring), ``--news-weight`` and ``--conf-news-weight`` weigh them against a SQuAD question.
``--holed N`` adds near misses to the confidence's fit data (``holed_corpus``: the fit-half articles with the sentences
holding one question's gold answers cut from each paragraph, asked those questions; labelled by their gold answers
like every row, so nearly all negatives about the right subject), weighing ``--holed-weight``; the fit prints how many
of them each threshold refuses. ``--keep-trees`` keeps the shipped ranking (linear part and trees) and fits the
confidence alone. The command is recorded in the weights file's ``fit``.

Data (see bench/splits.py), all from ../shared:
- positives and ranking: SQuAD dev's fit half (even articles) asked of all of SQuAD dev;
- negatives of another style: ``--negatives`` of the same questions asked of the BBC articles, and the
  BBC tuning questions (bench/data/bbc_tuning_1.jsonl, bench/data/bbc_tuning_2.jsonl) asked of SQuAD;
- negatives of the same style: the fit half cut in two by article (A: articles 0, 4, 8, ...; B: 2, 6,
  10, ...), each half's questions asked of the other half alone, with the questions of each half asked
  of that half as positives beside them;
- the BBC tuning questions asked of the BBC articles (answerable and not);
- small corpora, for the confidence only: each fit-half article alone, cut into articles of
  ``TINY_PARAGRAPHS`` paragraphs, asked ``--tiny`` of its own questions (labelled by their answers like all
  the rest) and as many questions of the next fit-half article (negatives of the same style). Over a
  text that small, a paraphrased question's words are often missing (a large corpus holds them
  somewhere), which the confidence must not take for a question the text cannot answer.

1. Ranking: a scorer over ``FEATURES``, fitted listwise (softmax over each question's candidates,
   maximising the probability of the sentences that hold a gold answer), L2-regularised: linear, plus
   ``--rank-hidden`` ReLU units beside the linear part.
   Then, for every question but speech questions with a speaker, ``--trees`` boosted regression trees
   (LightGBM with the linear ranker's softmax loss, ``pip install -e .[bench]``) fitted on top of the linear score (it is their
   starting score), written into ``weights.json`` as node arrays that ``qabot.answering.score.Trees``
   walks in numpy. A speech question's own-words order stays the linear ranker's.
2. Confidence: over ``CONFIDENCE_FEATURES`` of each question's first three answers (label: it holds a
   gold answer), a logistic model with one hidden layer of ``--conf-hidden`` ReLU units beside its
   linear part, fitted by Adam on the log-loss (``--conf-hidden 0``: plain logistic regression by
   Newton's method). At the same loss of right answers, 16 units refused 80% of the fit half's
   questions asked of BBC where logistic regression refused 76%; fitted on half of the questions and
   measured on the other half (both ways), 78.0% and 76.5% where logistic regression refused 77.8% and
   73.8%.
   A speech question with a speaker keeps the confidence and refusal threshold of the shipped weights
   (``Weights.speech_confidence``; the first time, the shipped weights' own, from before the trees): its
   candidates are ranked by the linear ranker alone, and its refusals stay as they were tuned.
3. Refusal: a question is refused when its first answer's confidence (``--refuse-by first``; ``best3``:
   the best confidence of its first three answers) is under the threshold that loses ``--lose`` (0.5%) of
   the fit questions whose first three answers hold a gold answer, over all of SQuAD and over the small
   corpora alike. Both rules' figures are printed; ``best3`` refused a little more of the negatives and
   no fewer answerable questions (docs/answers.md), so ``first`` stays.

The test half of SQuAD is never read here; measure it with ``python bench/squad.py --half test``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from splits import ROOT, SQUAD, bbc_corpus, half, squad_corpus  # noqa: E402

from qabot.answering import Answerer, AnswerParams, QuestionKind, parse  # noqa: E402
from qabot.answering.features import (CONFIDENCE_FEATURES, FEATURES, LINEAR_LEFT_OUT, add_written,  # noqa: E402
                                      question_inputs)
from qabot.answering.params import SPEECH_CONFIDENCE, WEIGHTS_FILE, Weights, load_weights, save_weights  # noqa: E402
from qabot.answering.score import Trees  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import Item, golds as gold_answers, hit, read_items  # noqa: E402
from qabot.index import Index  # noqa: E402
from qabot.passages import split_sentences  # noqa: E402

TINY_PARAGRAPHS = 6
"""Paragraphs per article in the small corpora cut from one SQuAD article."""

MAX_CANDIDATES = 80
"""Candidates per question kept for the ranking fit (by the starting weights' order)."""


def shipped_weights(path: Path = WEIGHTS_FILE) -> Weights:
    """The shipped weights, read over this code's confidence features: an input they were not fitted with gets
    weight 0 (mean 0, scale 1, no hidden unit reads it), in the confidence and in the speech questions' own, so
    they judge every answer as they did (the ranking features must be the same)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data.get("confidence_features", ())) == CONFIDENCE_FEATURES and tuple(data.get("features", ())) == FEATURES:
        return load_weights(path)
    fitted = tuple(data.get("features", ()))
    if fitted != FEATURES[:len(fitted)]:
        raise SystemExit(f"{path} was fitted on other ranking features; fit it again from an earlier checkout")
    if len(fitted) < len(FEATURES):  # ranking features added since (at the end): weight 0, no tree reads them
        more = len(FEATURES) - len(fitted)
        data["features"] = list(FEATURES)
        data["rank"] = list(data["rank"]) + [0.0] * more
        data["rank_hidden"] = [list(row) + [0.0] * more for row in data.get("rank_hidden", [])]
    old = list(data["confidence_features"])
    place = [old.index(f) if f in old else None for f in CONFIDENCE_FEATURES]

    def spread(values, fill):
        return [values[i] if i is not None else fill for i in place]

    def padded(part: dict) -> dict:
        out = dict(part)
        for key, fill in (("confidence", 0.0), ("mean", 0.0), ("scale", 1.0)):
            if part.get(key):
                out[key] = spread(part[key], fill)
        if "hidden" in part:
            out["hidden"] = [spread(row, 0.0) for row in part["hidden"]]
        return out

    data = padded(data)
    data["confidence_features"] = list(CONFIDENCE_FEATURES)
    if data.get("speech_confidence"):
        data["speech_confidence"] = padded(data["speech_confidence"])
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "weights.json"
        file.write_text(json.dumps(data), encoding="utf-8")
        return load_weights(file)


def starting_weights() -> Weights:
    """The shipped weights without their trees: the candidates collected (the first ``MAX_CANDIDATES`` by their
    order) do not depend on the trees of the last fit."""
    return replace(shipped_weights(), trees_feature=(), trees_threshold=(), trees_left=(), trees_right=(),
                   trees_value=(), trees_depth=0)


def open_answerer(index: Path) -> Answerer:
    """An answerer over the index at ``index`` with the starting weights."""
    return Answerer(Index.open(index), answer_params=AnswerParams(weights=starting_weights()))


def use(answerer: Answerer, weights: Weights) -> None:
    """Let ``answerer`` rank and judge by ``weights`` from now on (its trees too: ``Model.trees`` is made when
    first used and kept, so the ones made before must go)."""
    answerer.model.__init__(weights)
    answerer.model.__dict__.pop("trees", None)


def golds(item: Item) -> list[tuple[str, ...]]:
    return gold_answers(item.answers)


def collect(answerer: Answerer, items: list[Item], source: str) -> list[dict]:
    """Each question's ranked candidates with their labels."""
    out = []
    for item in items:
        ranked = answerer.rank(parse(item.question, answerer.analyzer))
        g = golds(item)
        cands = ranked.candidates[:MAX_CANDIDATES]
        add_written(cands)  # at run time only the candidates the trees score have them
        texts = [answerer.article(c.article).text[c.start:c.end] for c in cands]
        out.append({"source": source, "ranked": ranked, "candidates": cands,
                    "labels": np.array([bool(g) and hit(g, t) for t in texts], dtype=bool),
                    "answerable": bool(g), "refused": ranked.refusal is not None})
    return out


def tiny_corpora(squad_file: Path, squad_items: list, work: Path, per_article: int) -> list[tuple]:
    """``(answerer, own questions, other questions)`` for each fit-half article alone, cut into small
    articles; the other questions are the next fit-half article's."""
    lines = squad_file.read_text(encoding="utf-8").splitlines()
    by_article: dict[int, list[Item]] = {}
    for number, item in squad_items:
        by_article.setdefault(number, []).append(item)
    numbers = [n for n in range(len(lines)) if n % 2 == 0]
    out = []
    for place, n in enumerate(numbers):
        article = json.loads(lines[n])
        paragraphs = article["text"].split("\n\n")
        parts = [paragraphs[i:i + TINY_PARAGRAPHS] for i in range(0, len(paragraphs), TINY_PARAGRAPHS)]
        corpus = work / f"tiny-{n}" / "corpus.jsonl"
        corpus.parent.mkdir(parents=True, exist_ok=True)
        corpus.write_text("".join(json.dumps({"title": f"{article['title']} ({i + 1})", "text": "\n\n".join(part)}) + "\n"
                                  for i, part in enumerate(parts)), encoding="utf-8")
        build([corpus], corpus.parent / "index")
        rng = random.Random(n)
        own = rng.sample(by_article[n], min(per_article, len(by_article[n])))
        other = by_article[numbers[(place + 1) % len(numbers)]]
        out.append((open_answerer(corpus.parent / "index"), own,
                    [Item(i.question, ()) for i in rng.sample(other, min(per_article, len(other)))]))
    return out


def holed_corpus(work: Path, turn: int, data: Path = SQUAD) -> tuple[Path, list[Item]]:
    """Near misses from the fit half only (``--holed``): the fit-half (even) SQuAD articles, each paragraph without
    the sentences that hold the gold answer spans of one of its questions, and those questions asked of them. The
    question is each paragraph's ``turn``-th (from 0) in a seeded order among those that can be holed: a question is
    passed over when a gold answer still stands in what remains of the paragraph, or nothing remains (a paragraph
    with none stays whole). The questions keep their gold answers, so a candidate holding one elsewhere in the
    corpus is a positive; most are asked of an article about their subject that lacks the fact. Returns the corpus
    file and its questions."""
    with zipfile.ZipFile(data) as z:
        squad = json.loads(z.read("dev-v1.1.json"))
    lines, items = [], []
    for number, article in enumerate(squad["data"]):
        if number % 2:
            continue  # the test half is never read here
        paragraphs = []
        for p_number, paragraph in enumerate(article["paragraphs"]):
            text = paragraph["context"]
            spans = split_sentences(text)
            qas = list(paragraph["qas"])
            random.Random(number * 1000 + p_number).shuffle(qas)
            eligible, holed_text = 0, text
            for qa in qas:
                golds = gold_answers(a["text"] for a in qa["answers"])
                held = [(a["answer_start"], a["answer_start"] + len(a["text"])) for a in qa["answers"]]
                kept = [(s, e) for s, e in spans if not any(s < he and hs < e for hs, he in held)]
                if not golds or not kept or len(kept) == len(spans):
                    continue
                holed = " ".join(text[s:e].strip() for s, e in kept)
                if hit(golds, holed):
                    continue
                if eligible == turn:
                    holed_text = holed
                    items.append(Item(question=qa["question"], answers=tuple(a["text"] for a in qa["answers"])))
                    break
                eligible += 1
            paragraphs.append(holed_text)
        lines.append(json.dumps({"title": article["title"].replace("_", " "), "text": "\n\n".join(paragraphs)}))
    corpus = work / f"holed-{turn}" / "corpus.jsonl"
    corpus.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    if not corpus.exists() or corpus.read_text(encoding="utf-8") != text:
        corpus.write_text(text, encoding="utf-8")
    return corpus, items


def fit_ranking(questions: list[dict], l2: float, hidden: int = 0, hidden_l2: float = 1e-3, steps: int = 1500,
                lr: float = 0.05, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A listwise softmax ranker over ``FEATURES``: a linear part over the raw features plus ``hidden`` ReLU
    units over the features centred and scaled, fitted by Adam and returned over the raw ones: ``(linear
    weights, hidden weights (units x features), hidden biases, hidden out-weights)``. With no hidden units it
    is the linear ranker (its scores' scale is what ``GateParams.focus_margin`` is set in: fitted over scaled
    features, the same L2 let the weights grow about twice as large, and near-ties were no longer near)."""
    groups = [(np.array([c.x for c in q["candidates"]]), q["labels"]) for q in questions
              if q["answerable"] and not q["refused"] and q["labels"].any() and not q["labels"].all()]
    X = np.concatenate([x for x, _ in groups])
    X[:, [FEATURES.index(f) for f in LINEAR_LEFT_OUT]] = 0.0  # the trees' alone: their weights stay 0
    Y = np.concatenate([y for _, y in groups]).astype(float)
    sizes = np.array([len(y) for _, y in groups])
    seg = np.repeat(np.arange(len(groups)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    d = X.shape[1]
    rng = np.random.default_rng(seed)
    params = [np.zeros(d), rng.normal(0, 1 / np.sqrt(d), (d, hidden)), np.zeros(hidden),
              rng.normal(0, 0.1 / np.sqrt(max(hidden, 1)), hidden)]
    rates = [lr, lr / 5, lr / 5, lr / 5]
    decay = [l2, hidden_l2, 0.0, hidden_l2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for step in range(1, steps + 1):
        w, W1, b1, w2 = params
        H = Z @ W1 + b1
        A = np.maximum(H, 0)
        s = X @ w + A @ w2
        smax = np.maximum.reduceat(s, starts)
        e = np.exp(s - smax[seg])
        z = np.add.reduceat(e, starts)
        p = e / z[seg]
        pos = np.add.reduceat(e * Y, starts)
        q = e * Y / pos[seg]
        ds = (p - q) / len(groups)
        dA = np.outer(ds, w2) * (H > 0)
        grads = [X.T @ ds, Z.T @ dA, dA.sum(0), A.T @ ds]
        for i, g in enumerate(grads):
            g = g + decay[i] * params[i]
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g ** 2
            params[i] -= rates[i] * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    w, W1, b1, w2 = params
    W1[[FEATURES.index(f) for f in LINEAR_LEFT_OUT]] = 0.0
    # the hidden units over raw features: (x - mean) / scale @ W = x @ (W / scale) - mean / scale @ W
    return w, (W1 / scale[:, None]).T, b1 - (mean / scale) @ W1, w2


def fit_trees(questions: list[dict], w: np.ndarray, n_trees: int, depth: int, leaves: int, rate: float,
              min_leaf: int, weight=None, monotone: tuple[str, ...] = (), monotone_method: str = "intermediate") -> dict:
    """Boosted trees over ``FEATURES`` fitted on top of the linear score ``X @ w`` (their starting score), for the
    questions other than speech questions with a speaker, as the ``Weights.trees_*`` fields. Their loss is the
    linear ranker's: a softmax over each question's candidates, the probability of the sentences holding a gold
    answer maximised (LightGBM with this loss as its objective; its lambdarank did less well, docs/answers.md).
    ``weight(q)`` weighs a question's part of the loss (1 without it); ``monotone``: features whose growth never
    lowers what the trees add (LightGBM's monotone constraints, by ``monotone_method``)."""
    import lightgbm

    kept = [q for q in questions
            if q["answerable"] and not q["refused"] and q["labels"].any() and not q["labels"].all()
            and not q["candidates"][0].say]
    groups = [(np.array([c.x for c in q["candidates"]]), q["labels"]) for q in kept]
    X = np.concatenate([x for x, _ in groups])
    Y = np.concatenate([y for _, y in groups]).astype(float)
    sizes = np.array([len(y) for _, y in groups])
    row_weight = np.repeat([weight(q) if weight else 1.0 for q in kept], sizes)
    seg = np.repeat(np.arange(len(groups)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])

    def softmax(scores: np.ndarray, _data) -> tuple[np.ndarray, np.ndarray]:
        """The listwise softmax loss's gradient and (diagonal) hessian at ``scores``."""
        e = np.exp(scores - np.maximum.reduceat(scores, starts)[seg])
        p = e / np.add.reduceat(e, starts)[seg]
        q = e * Y / np.add.reduceat(e * Y, starts)[seg]
        return (p - q) * row_weight, np.maximum(p * (1 - p), 1e-6) * row_weight

    data = lightgbm.Dataset(X, Y, init_score=X @ w)
    settings = {"objective": softmax, "learning_rate": rate, "num_leaves": leaves, "max_depth": depth,
                "min_data_in_leaf": min_leaf, "num_threads": 1, "deterministic": True, "seed": 0, "verbosity": -1}
    if monotone:
        settings |= {"monotone_constraints": [int(f in monotone) for f in FEATURES],
                     "monotone_constraints_method": monotone_method}
    booster = lightgbm.train(settings, data, n_trees)
    trees = [info["tree_structure"] for info in booster.dump_model()["tree_info"]]
    width = max(2 * info["num_leaves"] - 1 for info in booster.dump_model()["tree_info"])
    out = {"trees_feature": [], "trees_threshold": [], "trees_left": [], "trees_right": [], "trees_value": []}
    deepest = 1

    def walk(node: dict, nodes: list, level: int) -> int:
        """Append ``node`` and its subtree to ``nodes`` (place, feature, threshold, left, right, value); its place."""
        nonlocal deepest
        place = len(nodes)
        nodes.append(None)
        if "leaf_value" in node:
            deepest = max(deepest, level)
            nodes[place] = (0, 0.0, place, place, float(node["leaf_value"]))
        else:
            assert node["decision_type"] == "<=", node["decision_type"]
            left = walk(node["left_child"], nodes, level + 1)
            right = walk(node["right_child"], nodes, level + 1)
            nodes[place] = (int(node["split_feature"]), float(node["threshold"]), left, right, 0.0)
        return place

    for tree in trees:
        nodes: list = []
        walk(tree, nodes, 0)
        nodes += [(0, 0.0, width - 1, width - 1, 0.0)] * (width - len(nodes))  # padding nobody reaches
        for key, column in zip(out, zip(*nodes)):
            out[key].append(tuple(column))
    out["trees_depth"] = deepest
    check = X[:20_000]
    walked = Trees(Weights(**{k: v if k == "trees_depth" else tuple(v) for k, v in out.items()}))(check)
    assert np.allclose(walked, booster.predict(check), atol=1e-9), "the exported trees score otherwise than LightGBM"
    return out


def chosen_extra(extra: list[dict], args: argparse.Namespace) -> list[dict]:
    """The questions of ``extra`` (collected by ``collect_all``) that ``args.fit_sets`` and ``args.fit_folders``
    name; ``FILE:even`` / ``FILE:odd`` keeps the questions of every other article of FILE (numbered in the order
    of their first questions; a line without an ``article`` key counts as its own)."""
    keep = []
    for spec in args.fit_sets:
        name, _, part = spec.partition(":")
        mine = [q for q in extra if q["source"] == f"bbc:{name}"]
        if part:
            lines = [json.loads(x) for x in (ROOT / "bench" / "data" / name).read_text(encoding="utf-8").splitlines()
                     if x.strip()]
            numbers: dict = {}
            for i, line in enumerate(lines):
                numbers.setdefault(line.get("article", i), len(numbers))
            wanted = 0 if part == "even" else 1
            mine = [q for i, (q, line) in enumerate(zip(mine, lines)) if numbers[line.get("article", i)] % 2 == wanted]
        keep += mine
    return keep + [q for q in extra if q["source"] in {f"folder:{n}" for n in args.fit_folders}]


def order(q: dict, answerer: Answerer) -> list:
    """The question's candidates in answer order (own words first), each place once."""
    answerer.model.rank(q["candidates"])
    ranked = sorted(range(len(q["candidates"])),
                    key=lambda i: (not q["candidates"][i].own_words, -q["candidates"][i].score))
    seen, out = set(), []
    for i in ranked:
        c = q["candidates"][i]
        key = (c.article, c.start)
        if key not in seen:
            seen.add(key)
            out.append(i)
    return out


def confidence_rows(q: dict, answerer: Answerer, top: int = 3) -> tuple[list[list[float]], list[bool]]:
    """Confidence inputs and labels of the question's first ``top`` answers."""
    idx = order(q, answerer)
    if not idx:
        return [], []
    cands = q["candidates"]
    best = cands[idx[0]]
    second = cands[idx[1]] if len(idx) > 1 else None
    r = q["ranked"]
    rows, labels = [], []
    for position, i in enumerate(idx[:top]):
        rows.append(question_inputs(r.question, best, second, cands[i], position, r.check.missing_share,
                                    r.check.missing_name_share, r.strange, r.far, r.article_absent,
                                    bool(r.check.fixes), answerer.reader.n_passages))
        labels.append(bool(q["labels"][i]))
    return rows, labels


def fit_logistic(X: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weighted L2-regularised logistic regression by Newton's method (X already scaled)."""
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(A @ beta, -30, 30)))
        g = A.T @ (weight * (p - y)) + reg * beta * weight.sum()
        H = (A * (weight * p * (1 - p))[:, None]).T @ A + np.diag(reg) * weight.sum()
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[1:], float(beta[0])


def fit_hidden(Z: np.ndarray, y: np.ndarray, hidden: int, l2: float, steps: int = 600, lr: float = 0.01,
               seed: int = 0, weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """A logistic model with one hidden layer of ReLU units beside its linear part, over scaled inputs
    ``Z``: ``(hidden weights (units x inputs), hidden biases, hidden out-weights, linear weights, intercept)``;
    ``weight``: each row's weight in the log-loss (1 each without it)."""
    n, d = Z.shape
    share = np.ones(n) / n if weight is None else weight / weight.sum()
    rng = np.random.default_rng(seed)
    params = [rng.normal(0, 1 / np.sqrt(d), (d, hidden)), np.zeros(hidden), rng.normal(0, 1 / np.sqrt(hidden), hidden),
              np.zeros(d), np.zeros(1)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for step in range(1, steps + 1):
        W1, b1, w2, wl, b = params
        H = Z @ W1 + b1
        A = np.maximum(H, 0)
        p = 1 / (1 + np.exp(-np.clip(A @ w2 + Z @ wl + b, -30, 30)))
        ds = (p - y) * share
        dA = np.outer(ds, w2) * (H > 0)
        grads = [Z.T @ dA + l2 * W1, dA.sum(0), A.T @ ds + l2 * w2, Z.T @ ds + l2 * wl, np.array([ds.sum()])]
        for i, g in enumerate(grads):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g ** 2
            params[i] -= lr * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    W1, b1, w2, wl, b = params
    return W1.T, b1, w2, wl, float(b[0])


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/fit"))
    parser.add_argument("--negatives", type=int, default=3000)
    parser.add_argument("--more-negatives", nargs="*", default=[], metavar="FILE",
                        help="more question sets of bench/data/ (written for the BBC articles) asked of SQuAD as negatives")
    parser.add_argument("--tiny", type=int, default=40,
                        help="questions per fit-half article asked of that article alone (and of the next one)")
    parser.add_argument("--lose", type=float, default=0.005, help="share of right answers the refusal may lose")
    parser.add_argument("--lose-as-shipped", action="store_true",
                        help="lose the share of right answers the shipped weights' refusals lose on the fit data "
                             "(measured with this code), in place of --lose")
    parser.add_argument("--refuse-by", choices=("first", "best3"), default="first",
                        help="refuse by the first answer's confidence or by the best of the first three's")
    parser.add_argument("--rank-l2", type=float, default=1e-3)
    parser.add_argument("--rank-hidden", type=int, default=0, help="hidden ReLU units of the ranker (0: linear)")
    parser.add_argument("--rank-hidden-l2", type=float, default=1e-3, help="L2 of the ranker's hidden units")
    parser.add_argument("--rank-steps", type=int, default=1500, help="Adam steps of the ranking fit")
    parser.add_argument("--refit-linear", action="store_true",
                        help="fit the linear ranker again (else the shipped one is kept: it alone orders a speech "
                             "question's candidates, and the speech answers are tuned against it)")
    parser.add_argument("--trees", type=int, default=100, help="boosted trees on top of the linear ranker (0: none)")
    parser.add_argument("--trees-small", action="store_true",
                        help="fit the trees on the small corpora's own questions too (each fit-half article alone)")
    parser.add_argument("--tree-depth", type=int, default=3, help="the trees' largest depth")
    parser.add_argument("--tree-leaves", type=int, default=8, help="the trees' most leaves")
    parser.add_argument("--tree-rate", type=float, default=0.1, help="the boosting's learning rate")
    parser.add_argument("--trees-top", type=int, default=10,
                        help="only each question's best this many candidates by the linear score are scored by the trees")
    parser.add_argument("--tree-min-leaf", type=int, default=100, help="fewest candidates in a leaf")
    parser.add_argument("--fit-sets", nargs="*", default=[], metavar="FILE",
                        help="more question sets of bench/data/ asked of the BBC articles as fit data (the trees and the "
                             "confidence), beside bbc_tuning_1 and bbc_tuning_2; FILE:even or FILE:odd keeps the "
                             "questions of every other article (by the order of their articles' first questions)")
    parser.add_argument("--fit-folders", nargs="*", default=[], metavar="NAME",
                        help="tuning folders of bench/data/ (articles/ and questions.jsonl) asked of their own articles "
                             "as fit data (the trees and the confidence)")
    parser.add_argument("--news-weight", type=float, default=1.0,
                        help="weight in the trees' loss of each question asked of news articles (the BBC tuning "
                             "sets, --fit-sets, --fit-folders) against a SQuAD question's 1")
    parser.add_argument("--conf-news-weight", type=float, default=1.0,
                        help="weight in the confidence's loss of each answer to a question of --fit-sets or --fit-folders")
    parser.add_argument("--monotone", nargs="*", default=[], choices=FEATURES, metavar="FEATURE",
                        help="ranking features whose growth may never lower what the trees add")
    parser.add_argument("--monotone-method", choices=("basic", "intermediate", "advanced"), default="intermediate")
    parser.add_argument("--holed", type=int, default=0, metavar="N",
                        help="near misses for the confidence: N corpora of the fit-half articles, each paragraph without "
                             "the sentences holding one of its questions' gold answers, asked those questions")
    parser.add_argument("--holed-weight", type=float, default=1.0,
                        help="weight in the confidence's loss of each answer to a --holed question")
    parser.add_argument("--keep-trees", action="store_true",
                        help="keep the shipped weights' ranking (linear part and trees) and fit the confidence alone")
    parser.add_argument("--conf-drop", nargs="*", default=[], choices=CONFIDENCE_FEATURES, metavar="FEATURE",
                        help="confidence inputs held at 0 in the fit (to measure what one brings)")
    parser.add_argument("--conf-l2", type=float, default=1e-3, help="L2 of the plain logistic confidence")
    parser.add_argument("--conf-hidden", type=int, default=16, help="hidden units of the confidence (0: logistic)")
    parser.add_argument("--hidden-l2", type=float, default=1e-3, help="L2 of the confidence with hidden units")
    parser.add_argument("--out", type=Path, default=ROOT / "qabot" / "answering" / "weights.json")
    return parser.parse_args(argv)


def collect_all(args: argparse.Namespace) -> dict:
    """Build the indexes and collect every question's candidates with their labels (what ``fit_write`` fits on)."""
    started = time.time()
    squad_file, squad_items = squad_corpus(args.work / "squad")
    build([squad_file], args.work / "squad-index")
    bbc = bbc_corpus(args.work / "bbc")
    build([bbc], args.work / "bbc-index")
    squad = open_answerer(args.work / "squad-index")
    news = open_answerer(args.work / "bbc-index")
    fit_items = half(squad_items, "fit")
    quarters = {}
    for name, rest in (("A", 0), ("B", 2)):
        lines = squad_file.read_text(encoding="utf-8").splitlines()
        part = args.work / f"squad-{name}" / "corpus.jsonl"
        part.parent.mkdir(parents=True, exist_ok=True)
        part.write_text("\n".join(line for i, line in enumerate(lines) if i % 4 == rest) + "\n", encoding="utf-8")
        build([part], args.work / f"squad-{name}" / "index")
        quarters[name] = (open_answerer(args.work / f"squad-{name}" / "index"),
                          [item for number, item in squad_items if number % 4 == rest])
    negatives = random.Random(0).sample(fit_items, min(args.negatives, len(fit_items)))
    data_dir = ROOT / "bench" / "data"
    tuning = [item for name in ("bbc_tuning_1.jsonl", "bbc_tuning_2.jsonl") for item in read_items(data_dir / name)]
    print(f"collecting: {len(fit_items):,} SQuAD fit questions, {len(negatives):,} of them asked of BBC, "
          f"{len(tuning)} BBC tuning questions of both", flush=True)
    data = collect(squad, fit_items, "squad") + collect(news, tuning, "bbc")
    others = [item for name in args.more_negatives for item in read_items(data_dir / name)]
    negative = collect(news, [Item(i.question, ()) for i in negatives], "squad->bbc") + \
        collect(squad, [Item(i.question, ()) for i in tuning + others], "bbc->squad")
    same_style = []
    for name, other in (("A", "B"), ("B", "A")):
        own, items = quarters[name]
        same_style += collect(own, items, f"squad-{name}")
        same_style += collect(quarters[other][0], [Item(i.question, ()) for i in items], f"squad-{name}->{other}")
    extra = []
    answerers = {}
    for spec in args.fit_sets:
        name = spec.split(":")[0]
        extra += collect(news, read_items(data_dir / name), f"bbc:{name}")
        answerers[f"bbc:{name}"] = news
    for name in args.fit_folders:
        folder = data_dir / name
        build([folder / "articles"], args.work / f"folder-{name}")
        own = open_answerer(args.work / f"folder-{name}")
        extra += collect(own, read_items(folder / "questions.jsonl"), f"folder:{name}")
        answerers[f"folder:{name}"] = own
    tiny = []
    for own, items, others in tiny_corpora(squad_file, squad_items, args.work, args.tiny):
        name = f"tiny-{len(answerers)}"
        answerers[name] = answerers[name + "<-other"] = own
        tiny += collect(own, items, name) + collect(own, others, name + "<-other")
    holed = []
    for turn in range(args.holed):
        corpus, items = holed_corpus(args.work, turn)
        build([corpus], corpus.parent / "index")
        answerers[f"holed-{turn}"] = own = open_answerer(corpus.parent / "index")
        holed += collect(own, items, f"holed-{turn}")
    print(f"collected in {time.time() - started:.0f}s", flush=True)
    answerers |= {"squad": squad, "bbc->squad": squad, "bbc": news, "squad->bbc": news,
                  "squad-A": quarters["A"][0], "squad-B->A": quarters["A"][0],
                  "squad-B": quarters["B"][0], "squad-A->B": quarters["B"][0]}
    return {"started": started, "squad": squad, "data": data, "negative": negative, "same_style": same_style,
            "tiny": tiny, "answerers": answerers, "extra": extra, "holed": holed}


def fit_write(collected: dict, args: argparse.Namespace) -> Weights:
    """Fit the trees, the confidence and the refusal threshold on ``collected`` and write the weights to
    ``args.out``."""
    started, squad, answerers = collected["started"], collected["squad"], collected["answerers"]
    data, negative, same_style, tiny = (collected[k] for k in ("data", "negative", "same_style", "tiny"))
    extra = chosen_extra(collected.get("extra", []), args)
    holed = [q for q in collected.get("holed", []) if int(q["source"].split("-")[1]) < args.holed]

    def rounded(a):
        return tuple(round(float(x), 6) for x in a)

    def first_confidences(questions):
        """Per question: (first answer's confidence, the best of the first three's, first right, any of three
        right); confidences None for a question refused before any sentence was looked at."""
        out = []
        for q in questions:
            if q["refused"]:
                out.append((None, None, False, False))
                continue
            r, l = confidence_rows(q, answerers[q["source"]])
            model = answerers[q["source"]].model
            conf = [model.confidence(row) for row in r]
            out.append((conf[0], max(conf), l[0], any(l)))
        return out

    by = 0 if args.refuse_by == "first" else 1

    def share(rows, t, column=by):
        """The share of ``rows`` refused under threshold ``t`` by the rule of ``column``."""
        return sum(1 for row in rows if row[column] is None or row[column] < t) / len(rows) if rows else 0.0

    def threshold(lose, column=by):
        right3 = sorted(row[column] for row in fit_squad + fit_tiny if row[column] is not None and row[3])
        return float(np.quantile(right3, lose)) if right3 else 0.0

    def judged():
        """Each set's rows under the answerers' current models: SQuAD fit, small corpora, SQuAD asked of BBC,
        same-style negatives, small corpora's negatives."""
        return (first_confidences([q for q in data if q["source"] == "squad"]),
                first_confidences([q for q in tiny if "<-" not in q["source"]]),
                first_confidences([q for q in negative if q["source"] == "squad->bbc"]),
                first_confidences([q for q in same_style if "->" in q["source"]]),
                first_confidences([q for q in tiny if "<-" in q["source"]]))

    def near_misses() -> list:
        """The ``--holed`` questions' rows whose first three answers hold no gold answer (asked of their holed
        article: near misses), judged as ``first_confidences``."""
        return [row for row in first_confidences(holed) if not row[3]]

    lose = args.lose
    if args.lose_as_shipped:  # the share of right answers the shipped weights' refusals lose with today's code
        shipped = shipped_weights()
        for answerer in answerers.values():
            use(answerer, shipped)
        fit_squad, fit_tiny, neg, same, tiny_neg = judged()
        t = shipped.refuse_below
        right3 = [row[by] for row in fit_squad + fit_tiny if row[by] is not None and row[3]]
        lose = sum(1 for c in right3 if c < t) / len(right3)
        print(f"shipped weights: refuse below {t:.4f}, losing {lose:.3%} ({lose!r}) of right answers; SQuAD fit refused "
              f"{share(fit_squad, t):.2%}, asked of BBC {share(neg, t):.2%}, same-style negatives {share(same, t):.2%}, "
              f"small corpora {share(fit_tiny, t):.2%}, their negatives {share(tiny_neg, t):.2%}"
              + (f", holed near misses {share(near_misses(), t):.2%}" if holed else ""), flush=True)

    weights = squad.params.weights
    if args.keep_trees:  # the shipped ranking, trees and all: only the confidence is fitted
        shipped = shipped_weights()
        weights = replace(weights, **{k: getattr(shipped, k) for k in (
            "features", "rank", "rank_hidden", "rank_hidden_bias", "rank_hidden_out", "trees_feature", "trees_threshold",
            "trees_left", "trees_right", "trees_value", "trees_depth", "trees_top")})
    if args.refit_linear and not args.keep_trees:
        w, rank_hidden, rank_bias, rank_out = fit_ranking(data, args.rank_l2, args.rank_hidden, args.rank_hidden_l2,
                                                          args.rank_steps)
        weights = replace(weights, features=FEATURES, rank=rounded(w),
                          rank_hidden=tuple(rounded(row) for row in rank_hidden), rank_hidden_bias=rounded(rank_bias),
                          rank_hidden_out=rounded(rank_out))
    w = np.array(weights.rank)
    if args.trees and not args.keep_trees:
        own_small = [q for q in tiny if "<-" not in q["source"]] if args.trees_small else []
        trees = fit_trees(data + own_small + extra, np.array(weights.rank), args.trees, args.tree_depth, args.tree_leaves,
                          args.tree_rate, args.tree_min_leaf,
                          weight=lambda q: args.news_weight if q["source"] == "bbc" or ":" in q["source"] else 1.0,
                          monotone=tuple(args.monotone), monotone_method=args.monotone_method)
        weights = replace(weights, trees_depth=trees.pop("trees_depth"), trees_top=args.trees_top, **{k: tuple(map(tuple, v)) for k, v in trees.items()})

    for answerer in answerers.values():
        use(answerer, weights)
    rows, labels, sample_weight, sources = [], [], [], []
    for q in data + negative + same_style + tiny + extra + holed:
        if q["refused"] or q["ranked"].question.kind is QuestionKind.SAY:
            continue  # speech questions' gold strings name one of the speaker's sentences, not all of them
        answerer = answerers[q["source"]]
        r, l = confidence_rows(q, answerer)
        rows += r
        labels += l
        sample_weight += [args.conf_news_weight if ":" in q["source"] else
                          args.holed_weight if q["source"].startswith("holed-") else 1.0] * len(r)
        sources += [q["source"]] * len(r)
    X = np.array(rows)
    y = np.array(labels, dtype=float)
    for name in args.conf_drop:  # measured without it: the input is 0 throughout, so it weighs nothing
        X[:, CONFIDENCE_FEATURES.index(name)] = 0.0
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    hidden, bias, out = np.zeros((0, X.shape[1])), np.zeros(0), np.zeros(0)
    if args.conf_hidden:
        hidden, bias, out, coef, intercept = fit_hidden((X - mean) / scale, y, args.conf_hidden, args.hidden_l2,
                                                        weight=np.array(sample_weight))
    else:
        coef, intercept = fit_logistic((X - mean) / scale, y, np.array(sample_weight), args.conf_l2)
    for name in args.conf_drop:  # and at run time too
        coef[CONFIDENCE_FEATURES.index(name)] = 0.0
        hidden[:, CONFIDENCE_FEATURES.index(name)] = 0.0

    weights = replace(weights, confidence_features=CONFIDENCE_FEATURES, confidence=rounded(coef),
                      intercept=round(intercept, 6), mean=rounded(mean), scale=rounded(scale),
                      hidden=tuple(rounded(row) for row in hidden), hidden_bias=rounded(bias), hidden_out=rounded(out))
    for answerer in answerers.values():
        use(answerer, weights)

    fit_squad, fit_tiny, neg, same, tiny_neg = judged()
    missed = near_misses()
    for name, column in (("first", 0), ("best3", 1)):
        t = threshold(lose, column)
        print(f"refusal by the {name} answer's confidence: below {t:.4f}; SQuAD fit refused {share(fit_squad, t, column):.2%}, "
              f"asked of BBC {share(neg, t, column):.2%}, same-style negatives {share(same, t, column):.2%}, "
              f"small corpora {share(fit_tiny, t, column):.2%}, their negatives {share(tiny_neg, t, column):.2%}"
              + (f", holed near misses {share(missed, t, column):.2%} of {len(missed)}" if holed else ""),
              flush=True)
    refuse = threshold(lose)
    neg_refused, same_refused = share(neg, refuse), share(same, refuse)
    kept = [row for row in fit_squad if row[by] is not None and row[by] >= refuse]
    at1 = sum(1 for row in kept if row[2]) / len(fit_squad)
    at3 = sum(1 for row in kept if row[3]) / len(fit_squad)
    refused = share(fit_squad, refuse)
    tiny_refused, tiny_neg_refused = share(fit_tiny, refuse), share(tiny_neg, refuse)
    fit = {
        "command": getattr(args, "command", None),
        "data": f"SQuAD v1.1 dev fit half (even articles) over all of SQuAD dev; {len(neg):,} of the same questions asked "
                "of the BBC articles and the BBC tuning questions"
                + (f" (and those of {', '.join(args.more_negatives)})" if args.more_negatives else "")
                + " asked of SQuAD as negatives; the BBC tuning questions over BBC"
                + (f" (and {', '.join(args.fit_sets)})" if args.fit_sets else "")
                + (f"; the tuning folders {', '.join(args.fit_folders)} over their own articles" if args.fit_folders else "")
                + "; "
                f"for the confidence, {args.tiny} questions of each fit-half article asked of it alone and of the "
                f"next one, cut into articles of {TINY_PARAGRAPHS} paragraphs",
        "ranking": (f"listwise softmax, L2 {args.rank_l2:g}" + (f", {args.rank_hidden} hidden ReLU units beside the linear "
                    f"part (L2 {args.rank_hidden_l2:g})" if args.rank_hidden else "") + f", {args.rank_steps} Adam steps"
                    + (f"; then, but for speech questions with a speaker, {args.trees} boosted trees on top (LightGBM, "
                       f"softmax loss, depth {args.tree_depth}, {args.tree_leaves} leaves, rate {args.tree_rate:g}, "
                       f"{args.tree_min_leaf} candidates a leaf), scoring each question's best {args.trees_top} by the linear score"
                       + ("; the trees fitted on the small corpora's own questions too" if args.trees_small else "")
                       + (f"; the trees' growth never lower in {', '.join(args.monotone)} ({args.monotone_method})"
                          if args.monotone else "")
                       + (f"; questions asked of news articles weigh {args.news_weight:g} in the trees' loss"
                          if args.news_weight != 1 else "")
                       if args.trees else "")),
        "confidence": (f"logistic over the first three answers with {args.conf_hidden} hidden ReLU units, Adam, "
                       f"L2 {args.hidden_l2:g}" + (f"; answers to the questions of --fit-sets and --fit-folders weigh "
                                                   f"{args.conf_news_weight:g}" if args.conf_news_weight != 1 else "")
                       if args.conf_hidden else
                       "logistic regression over the first three answers, L2 %g" % args.conf_l2),
        "refusal": f"by the {'first answer' if args.refuse_by == 'first' else 'best of the first three answers'}'s "
                   f"confidence; loses {lose:.2%} of fit questions with a right answer in the first three"
                   + (" (the share the shipped weights' refusals lost, measured on this fit's data)"
                      if args.lose_as_shipped else ""),
        "fit_questions": len(fit_squad), "negatives": len(neg), "confidence_rows": int(len(y)),
        "fit_evidence_at_1": round(at1, 4), "fit_evidence_at_3": round(at3, 4), "fit_refused": round(refused, 4),
        "fit_negatives_refused": round(neg_refused, 4), "fit_same_style_negatives_refused": round(same_refused, 4),
        "fit_small_corpus_refused": round(tiny_refused, 4), "fit_small_corpus_negatives_refused": round(tiny_neg_refused, 4),
    }
    if holed:
        fit["data"] += (f"; near misses for the confidence: {args.holed} corpora of the fit-half articles, each paragraph "
                        f"without the sentences holding the gold answers of one of its questions, asked those questions "
                        f"({len(holed):,}; their answers weigh {args.holed_weight:g})")
        fit["fit_near_misses"] = len(missed)
        fit["fit_near_misses_refused"] = round(share(missed, refuse), 4)
    if args.keep_trees:
        fit["ranking"] = "the shipped weights' ranking kept (linear part and trees): " + \
            str((shipped_weights().fit or {}).get("ranking", ""))
    print("lose   threshold  fit refused  SQuAD->BBC refused  same-style refused  small refused  small negatives refused"
          "  near misses refused")
    for lose in (0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02):
        t = threshold(lose)
        print(f"{lose:6.2%} {t:9.4f}  {share(fit_squad, t):11.1%}  {share(neg, t):18.1%}  {share(same, t):18.1%}  "
              f"{share(fit_tiny, t):13.1%}  {share(tiny_neg, t):23.1%}  {share(missed, t):19.1%}")
    shipped = squad.params.weights  # a speech question keeps the confidence its answers were tuned with
    speech = shipped.speech_confidence or {k: getattr(shipped, k) for k in SPEECH_CONFIDENCE}
    weights = replace(weights, refuse_below=round(refuse, 6), refuse_by=args.refuse_by,
                      sure_above=round(max(refuse, 0.5), 6), speech_confidence=speech, fit=fit)
    save_weights(weights, args.out)
    print(json.dumps(fit, indent=1))
    print("ranking weights:", {f: round(float(x), 3) for f, x in zip(FEATURES, w)})
    print(f"refuse below {refuse:.4f}; written {args.out} in {time.time() - started:.0f}s")
    return weights


def main() -> None:
    args = arguments()
    args.command = " ".join(["python", "bench/fit.py", *sys.argv[1:]])  # recorded in the weights file's "fit"
    fit_write(collect_all(args), args)


if __name__ == "__main__":
    main()
