"""The answering stages one by one on small real corpora, the fitted weights file, confidence and --explain."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import WANG_2, run

from qabot.analysis import Analyzer
from qabot.answering import Answerer, AnswerParams, QuestionKind, parse
from qabot.answering import features as feats
from qabot.answering.features import CONFIDENCE_FEATURES, FEATURES
from qabot.answering.params import WEIGHTS_FILE, WeightsError, load_weights
from qabot.answering.score import Model, Trees
from qabot.build import build
from qabot.errors import UsageError
from qabot.index import Index

ARTICLES = {
    "floods.txt": "Floods force thousands from homes in northern Italy\n\n"
                  "More than 3,000 people were evacuated on Sunday after the Po burst its banks near Ferrara.\n\n"
                  "\"We have never seen water this high,\" said Anna Benedetti, the mayor of Ferrara. "
                  "\"The old town must be protected first.\"\n\n"
                  "The regional government said the damage would cost at least 40 million euros.\n",
    "bees.txt": "Bee numbers fall for a third year\n\n"
                "A survey of 52 species found 11 missing from farmland, the report said.\n\n"
                "Farmers blamed the wet spring. \"It was the worst season in memory,\" said Tom Hale, a farmer.\n",
    "copy.txt": "Bee numbers fall for a third year\n\n"
                "A survey of 52 species found 11 missing from farmland, the report said.\n\n"
                "Farmers blamed the wet spring. \"It was the worst season in memory,\" said Tom Hale, a farmer.\n",
}


@pytest.fixture
def answerer(tmp_path) -> Answerer:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    build([folder], tmp_path / "idx")
    return Answerer(Index.open(tmp_path / "idx"))


def test_parse_gives_a_kind_from_the_enum():
    analyzer = Analyzer()
    assert parse("how many people were evacuated", analyzer).kind is QuestionKind.HOW_MANY
    q = parse("what did the mayor of Ferrara say about the water", analyzer)
    assert q.kind is QuestionKind.SAY and q.kind == "say"
    assert parse("floods Italy", analyzer).kind is QuestionKind.KEYWORDS


def test_gates_refuse_what_cannot_be_searched(answerer):
    gates = answerer.gates
    assert "no words to search for" in gates.check(parse("what is it?", answerer.analyzer)).refusal
    assert gates.check(parse("what did Zorblax say about bees", answerer.analyzer)).refusal.startswith(
        "no one called 'Zorblax' in 3 articles")
    check = gates.check(parse("how many species were missing from farmland in Peru", answerer.analyzer))
    assert check.refusal is None and check.missing == ("Peru",)
    assert 0 < check.missing_share < 1 and check.missing_name_share == check.missing_share


def test_retrieve_and_features_give_a_named_vector_per_sentence(answerer):
    ranked = answerer.rank(parse("how many people were evacuated near Ferrara", answerer.analyzer))
    assert ranked.refusal is None and ranked.passages
    for c in ranked.candidates:
        assert len(c.x) == len(FEATURES)
        named = dict(zip(FEATURES, c.x))
        assert 0 <= named["coverage"] <= 1 + 1e-9 and 0 < named["rank"] <= 1
    best = ranked.candidates[0]
    text = answerer.article(best.article).text[best.start:best.end]
    assert text.startswith("More than 3,000 people were evacuated")
    named = dict(zip(FEATURES, best.x))
    assert named["cue"] == 1.0 and named["cue_amount"] == 1.0  # "how many": the sentence holds a new number


def test_the_words_as_written_are_read_for_the_candidates_the_trees_score(answerer):
    """exact: the question's words the sentence writes as the question does; phrases: the question's adjacent
    words (stopwords too) standing together in it."""
    ranked = answerer.rank(parse("how many people were evacuated near Ferrara", answerer.analyzer))
    best = dict(zip(FEATURES, ranked.candidates[0].x))
    assert best["exact"] == pytest.approx(best["coverage"])  # people, evacuated, near, Ferrara: all as asked
    # how many / many people / people were / were evacuated / evacuated near / near ferrara: 3 of 6 stand together
    assert best["phrases"] == pytest.approx(3 / 6)
    other = answerer.rank(parse("how many people were in the evacuation near Ferrara", answerer.analyzer))
    again = next(c for c in other.candidates if (c.article, c.start) == (ranked.candidates[0].article,
                                                                          ranked.candidates[0].start))
    named = dict(zip(FEATURES, again.x))
    assert 0 < named["exact"] < named["coverage"]  # "evacuation" matches "evacuated" by its stem only


def test_asked_near_is_what_the_question_asks_standing_by_its_verb_in_the_verbs_clause(tmp_path):
    """asked_near: for a who, when or where question naming a verb, the sentence writes the verb with what is
    asked near it in the verb's own clause; a place in another clause ("While Silva and Costa met, dock workers
    marched ... to the town hall") is no answer to where they met."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Port talks resume\n\n"
        "While Silva and Costa met, dock workers marched through the centre of Porto to the town hall.\n\n"
        "On Monday Silva and Costa met with union leaders in the harbour office of Porto. The talks went on for six "
        "hours.\n\nSilva said the meeting had gone well.\n", encoding="utf-8")
    build([folder], tmp_path / "idx")
    answerer = Answerer(Index.open(tmp_path / "idx"))

    def near(question: str) -> dict[str, float]:
        cands = answerer.rank(parse(question, answerer.analyzer)).candidates
        feats.add_written(cands)
        text = answerer.article(cands[0].article).text
        return {text[c.start:c.end].split(",")[0]: dict(zip(FEATURES, c.x))["asked_near"] for c in cands}

    where = near("where did Silva and Costa meet?")
    main, fronted = "On Monday Silva and Costa met with union leaders in the harbour office of Porto.", "While Silva and Costa met"
    assert where[main] == 1.0  # "met with union leaders in the harbour office"
    assert where[fronted] == 0.0  # Porto and the town hall are where the workers marched
    when = near("when did Silva and Costa meet?")
    assert when[main] == 1.0 and when[fronted] == 0.0
    assert set(near("what did Silva and Costa discuss?").values()) == {0.0}  # not a who, when or where question
    assert "asked_near" in feats.LINEAR_LEFT_OUT and "asked_near" not in CONFIDENCE_FEATURES


def test_a_context_without_its_reader_gives_the_same_features(answerer):
    """A context made without the reader (a "not sure" finder's) works the related terms' prefixes out
    itself; its candidates' features are the same as with the reader."""
    q = parse("how many species were missing from the farm survey", answerer.analyzer)
    ranked = answerer.rank(q)
    ctx = ranked.candidates[0].context
    assert ctx.reader is not None and ctx.prefixes
    bare = feats.Context(question=ctx.question, weights=ctx.weights, local=ctx.local, say=ctx.say,
                         idf_sum=ctx.idf_sum, max_idf=ctx.max_idf, best_score=ctx.best_score, rarest=ctx.rarest)
    assert bare.reader is None and not bare.prefixes and not bare.written
    for c in ranked.candidates:
        again = feats.candidates(answerer.reader, answerer.speech, bare, c.passage, 1.0, 1)
        with_reader = feats.candidates(answerer.reader, answerer.speech, ctx, c.passage, 1.0, 1)
        assert [a.x for a in again] == [b.x for b in with_reader]
    related = FEATURES.index("related")
    assert any(c.x[related] > 0 for c in ranked.candidates)  # "farmland" is related to "farm"


def test_speech_features_mark_the_speakers_own_words(answerer):
    ranked = answerer.rank(parse("what did Benedetti say about the town", answerer.analyzer))
    best = ranked.candidates[0]
    assert best.own_words and best.speaker == "Anna Benedetti"
    named = dict(zip(FEATURES, best.x))
    assert named["own_words"] == 1.0 and named["own_quote"] == 1.0 and named["topic_in_quote"] == 1.0


def _walk(w, x):
    """What the trees add to the score of features ``x``, walked node by node down each tree."""
    total = 0.0
    for feature, threshold, left, right, value in zip(w.trees_feature, w.trees_threshold, w.trees_left, w.trees_right,
                                                      w.trees_value):
        node = 0
        while not left[node] == right[node] == node:
            node = left[node] if x[feature[node]] <= threshold[node] else right[node]
        total += value[node]
    return total


def _by_hand(w, xs, say=False):
    """The ranking scores of one question's candidates worked out term by term: the linear part plus the ReLU
    hidden units, plus the trees for the best ``trees_top`` by that (the least the trees can add for the rest)."""
    def linear(x):
        units = [max(0.0, sum(a * b for a, b in zip(row, x)) + b0) for row, b0 in zip(w.rank_hidden, w.rank_hidden_bias)]
        return sum(a * b for a, b in zip(w.rank, x)) + sum(o * u for o, u in zip(w.rank_hidden_out, units))

    scores = [linear(x) for x in xs]
    if not w.trees_feature or say:
        return scores
    top = set(sorted(range(len(xs)), key=lambda i: -scores[i])[:w.trees_top or len(xs)])
    least = sum(min(v for v, l, r, n in zip(values, w_left, w_right, range(len(values))) if l == r == n)
                for values, w_left, w_right in zip(w.trees_value, w.trees_left, w.trees_right))
    return [s + (_walk(w, x) if i in top else least) for i, (s, x) in enumerate(zip(scores, xs))]


def test_score_is_the_linear_part_plus_the_trees_and_explained_parts_add_up(answerer):
    ranked = answerer.rank(parse("how much will the damage cost", answerer.analyzer))
    w = answerer.params.weights
    assert w.trees_feature and not ranked.candidates[0].say  # the shipped ranker has its trees, used here
    hand = _by_hand(w, [c.x for c in ranked.candidates])
    assert [c.score for c in ranked.candidates] == pytest.approx(hand)
    linear = replace(w, trees_feature=(), trees_threshold=(), trees_left=(), trees_right=(), trees_value=())
    assert [c.score for c in ranked.candidates] != pytest.approx(_by_hand(linear, [c.x for c in ranked.candidates]))
    for c in ranked.candidates[:5]:
        parts = answerer.model.explain_rank(c)
        assert "trees" in {p.name for p in parts}
        assert sum(p.part for p in parts) + answerer.model.rank_bias_part(c) == pytest.approx(c.score)
    # a ranker with hidden units (two, one active on the best candidate and one not) scores and explains alike
    best = ranked.candidates[0]
    n = len(FEATURES)
    hidden = replace(w, rank_hidden=((1.0,) * n, (-1.0,) * n), rank_hidden_bias=(0.5, -0.5), rank_hidden_out=(2.0, 3.0))
    model = Model(hidden)
    model.rank(ranked.candidates)
    assert [c.score for c in ranked.candidates] == pytest.approx(_by_hand(hidden, [c.x for c in ranked.candidates]))
    assert sum(p.part for p in model.explain_rank(best)) + model.rank_bias_part(best) == pytest.approx(best.score)
    assert model.rank_bias_part(best) == pytest.approx(2.0 * 0.5)  # the active unit's bias only


def test_a_speech_questions_candidates_are_ranked_by_the_linear_part_alone(answerer):
    q = parse("what did Benedetti say about the town", answerer.analyzer)
    ranked = answerer.rank(q)
    w = answerer.params.weights
    assert ranked.candidates and all(c.say for c in ranked.candidates)
    # the speaker's own words add the fitted speech weights times their speech inputs (``OwnWords.weigh_own``)
    speech = answerer.params.speech.own_weights
    added = [sum(a * b for a, b in zip(speech, answerer.own.own_inputs(ranked.question, c, {}))) if c.own_words else 0.0
             for c in ranked.candidates]
    assert any(added)
    assert [c.score - a for c, a in zip(ranked.candidates, added)] == \
        pytest.approx(_by_hand(w, [c.x for c in ranked.candidates], say=True))
    assert all(p.name != "trees" for c in ranked.candidates for p in answerer.model.explain_rank(c))
    named = dict(zip(FEATURES, ranked.candidates[0].x))
    assert named["exact"] == named["phrases"] == 0.0  # the speech frame's words are not matched as written


def test_explain_gives_the_trees_part_rank_gave_in_and_out_of_the_best_few(answerer):
    """With the trees for the best candidate by the linear score only, explain's trees part is the trees' walk
    for it and the least the trees can add for the others, as the ranking gave them."""
    ranked = answerer.rank(parse("how many people were evacuated near Ferrara", answerer.analyzer))
    w = replace(answerer.params.weights, trees_top=1)
    model = Model(w)
    model.rank(ranked.candidates)
    cands = ranked.candidates
    assert len(cands) > 1
    linear = replace(w, trees_feature=(), trees_threshold=(), trees_left=(), trees_right=(), trees_value=())
    plain = _by_hand(linear, [c.x for c in cands])
    top = sorted(range(len(cands)), key=lambda i: -plain[i])[:1]
    for i, c in enumerate(cands):
        part = {p.name: p.part for p in model.explain_rank(c)}["trees"]
        assert part == pytest.approx(_walk(w, c.x) if i in top else model.trees.least)
        assert part == c.score - plain[i] or part == pytest.approx(c.score - plain[i])
        assert sum(p.part for p in model.explain_rank(c)) + model.rank_bias_part(c) == pytest.approx(c.score)


def test_the_packed_trees_score_as_quickscorer_bit_for_bit(answerer):
    """The shipped trees (seven inner nodes each) looked up by their tests packed into a byte give exactly what
    QuickScorer's leaf bits give, on real candidates' features and on their values moved to the thresholds."""
    ranked = answerer.rank(parse("how many people were evacuated near Ferrara", answerer.analyzer))
    w = answerer.params.weights

    class Unpacked(Trees):
        PACKED = 0

    packed, unpacked = Trees(w), Unpacked(w)
    assert packed.packed and not unpacked.packed
    X = np.asarray([c.x for c in ranked.candidates], dtype=float)
    at = X.copy()  # each row's tested features set to the thresholds of the first tree that tests them: ties
    for f, t in zip(w.trees_feature[0], w.trees_threshold[0]):
        at[::2, f] = t
    for rows in (X, at, X[:1]):
        assert np.array_equal(packed(rows), unpacked(rows))
        assert packed(rows) == pytest.approx([_walk(w, x) for x in rows])


@pytest.mark.parametrize("leaves", [8, 13, 40])
def test_the_trees_walked_all_at_once_score_as_walked_node_by_node(answerer, leaves):
    """Trees of other sizes than the shipped ones (more than 8 and than 16 leaves take other integer widths),
    over the real candidates' features, with thresholds at their values (ties go left)."""
    ranked = answerer.rank(parse("how many people were evacuated near Ferrara", answerer.analyzer))
    xs = [c.x for c in ranked.candidates]
    values = sorted({v for x in xs for v in x})
    rows = {k: [] for k in ("trees_feature", "trees_threshold", "trees_left", "trees_right", "trees_value")}
    for t in range(5):
        nodes = []  # a lopsided tree: each inner node's right child is a leaf, its left the next inner node

        def grow(depth):
            place = len(nodes)
            nodes.append(None)
            if depth == leaves - 1:
                nodes[place] = (0, 0.0, place, place, float(place + t))
                return place
            left = grow(depth + 1)
            right = len(nodes)
            nodes.append((0, 0.0, right, right, -float(depth + t)))
            feature = (depth * 7 + t) % len(FEATURES)
            nodes[place] = (feature, values[(depth * 3 + t) % len(values)], left, right, 0.0)
            return place

        grow(0)
        for key, column in zip(rows, zip(*nodes)):
            rows[key].append(tuple(column))
    w = replace(answerer.params.weights, trees_depth=leaves - 1, trees_top=0, **{k: tuple(v) for k, v in rows.items()})
    model = Model(w)
    model.rank(ranked.candidates)
    assert [c.score for c in ranked.candidates] == pytest.approx(_by_hand(w, xs))
    assert len({round(_walk(w, x), 6) for x in xs}) > 1  # the trees tell the candidates apart


def test_select_gives_the_same_sentence_of_duplicate_articles_once(answerer):
    answer = answerer.ask("how many species were missing from farmland", k=3)
    texts = [e.text for e in answer.evidence]
    assert texts[0].startswith("A survey of 52 species found 11 missing")
    assert len(texts) == len(set(texts))


def test_confidence_is_a_probability_and_refuses_another_corpus_question(answerer):
    sure = answerer.ask("how many people were evacuated near Ferrara", k=2)
    assert not sure.no_answer and 0 <= sure.evidence[-1].confidence <= sure.evidence[0].confidence <= 1
    assert sure.evidence[0].confidence > 0.5
    assert sure.confidence == sure.evidence[0].confidence
    other = answerer.ask("Which NFL team represented the AFC at Super Bowl 50?")
    assert other.no_answer and other.confidence is None or other.confidence < answerer.params.weights.refuse_below


def test_the_shipped_weights_load_and_match_the_features():
    weights = load_weights(WEIGHTS_FILE)
    assert weights.features == FEATURES and weights.confidence_features == CONFIDENCE_FEATURES
    assert len(weights.rank) == len(FEATURES) and len(weights.confidence) == len(CONFIDENCE_FEATURES)
    assert 0 < weights.refuse_below <= weights.sure_above < 1
    assert weights.fit["fit_questions"] > 1000  # fitted, not hand-set


def test_a_weights_file_of_another_version_or_other_features_is_refused(tmp_path):
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    old = tmp_path / "old.json"
    old.write_text(json.dumps(dict(data, format=0)), encoding="utf-8")
    with pytest.raises(WeightsError, match="weights format 0"):
        load_weights(old)
    other = tmp_path / "other.json"
    other.write_text(json.dumps(dict(data, features=data["features"][:-1])), encoding="utf-8")
    with pytest.raises(WeightsError, match="other features"):
        load_weights(other)


def test_a_weights_file_whose_hidden_layer_does_not_fit_the_features_is_refused(tmp_path):
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data["format"] == 4 and data["hidden"]  # the shipped confidence has its hidden units
    short = tmp_path / "short.json"
    short.write_text(json.dumps(dict(data, hidden=[row[:-1] for row in data["hidden"]])), encoding="utf-8")
    with pytest.raises(WeightsError, match="wrong shape"):
        load_weights(short)
    unpaired = tmp_path / "unpaired.json"
    unpaired.write_text(json.dumps(dict(data, hidden_out=data["hidden_out"][:-1])), encoding="utf-8")
    with pytest.raises(WeightsError, match="wrong shape"):
        load_weights(unpaired)
    ranker = tmp_path / "ranker.json"  # the ranker's hidden units are over the ranking features
    ranker.write_text(json.dumps(dict(data, rank_hidden=[[0.0] * (len(FEATURES) - 1)], rank_hidden_bias=[0.0],
                                      rank_hidden_out=[1.0])), encoding="utf-8")
    with pytest.raises(WeightsError, match="wrong shape"):
        load_weights(ranker)
    assert data["trees_feature"]  # the shipped ranker has its trees
    for change in ({"trees_left": [[len(row)] + row[1:] for row in data["trees_left"]]},  # a child past the tree
                   {"trees_feature": [[len(FEATURES)] + row[1:] for row in data["trees_feature"]]},  # no such feature
                   {"trees_value": data["trees_value"][:-1]}):  # a tree without its leaves' values
        trees = tmp_path / "trees.json"
        trees.write_text(json.dumps(dict(data, **change)), encoding="utf-8")
        with pytest.raises(WeightsError, match="wrong shape"):
            load_weights(trees)


def test_the_confidence_is_its_hidden_layer_beside_the_linear_part_and_its_parts_add_up(answerer):
    answer = answerer.ask("how many people were evacuated near Ferrara", k=1, explain=True)
    model, w = answerer.model, answerer.params.weights
    ranked = answerer.rank(parse("how many people were evacuated near Ferrara", answerer.analyzer))
    best = ranked.candidates[0]  # its confidence inputs, as answer() computes them
    second = next(c for c in ranked.candidates[1:] if (c.article, c.start) != (best.article, best.start))
    inputs = feats.question_inputs(ranked.question, best, second, best, 0, ranked.check.missing_share,
                                   ranked.check.missing_name_share, ranked.strange, ranked.far,
                                   ranked.article_absent, bool(ranked.check.fixes), answerer.reader.n_passages)
    z = [(v - m) / (s if s > 0 else 1.0) for v, m, s in zip(inputs, w.mean, w.scale)]
    units = [max(0.0, sum(a * b for a, b in zip(row, z)) + b0) for row, b0 in zip(w.hidden, w.hidden_bias)]
    by_hand = w.intercept + sum(c * x for c, x in zip(w.confidence, z)) + sum(o * u for o, u in zip(w.hidden_out, units))
    assert model.logit(inputs) == pytest.approx(by_hand)
    assert answer.confidence == pytest.approx(1 / (1 + math.exp(-by_hand)), abs=1e-4)
    parts = model.explain_confidence(inputs)
    assert w.intercept + model.hidden_bias_part(inputs) + sum(p.part for p in parts) == \
        pytest.approx(by_hand, abs=0.005 * len(CONFIDENCE_FEATURES))


def test_params_override_some_values_and_reject_unknown_ones(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"retrieval": {"candidate_passages": 20}, "weights": {"refuse_below": 0.5}}))
    params = AnswerParams.load(path)
    assert params.retrieval.candidate_passages == 20 and params.retrieval.say_passages == 200
    assert params.weights.refuse_below == 0.5 and params.weights.rank == AnswerParams.default().weights.rank
    path.write_text(json.dumps({"retrieval": {"candidate_pasages": 20}}))
    with pytest.raises(UsageError, match="unknown parameter 'candidate_pasages'"):
        AnswerParams.load(path)


def test_eval_and_ask_take_params_and_a_bad_file_is_one_line(seeds, tmp_path):
    params = tmp_path / "p.json"
    params.write_text(json.dumps({"weights": {"refuse_below": 0.999}}))  # refuse nearly everything
    assert run("index", "seeds", "--index", "idx").returncode == 0
    answer = json.loads(run("ask", "--index", "idx", "--json", "--params", str(params),
                            "how much could trade between the countries reach").stdout)
    assert answer["no_answer"] and answer["confidence"] < 0.999
    bad = run("ask", "--index", "idx", "--params", str(tmp_path / "missing.json"), "trade")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "cannot read parameters" in bad.stderr


def test_json_has_confidence_and_explain_shows_the_features(seeds):
    answer = json.loads(run("ask", "--json", "--explain", "what did Wang say about Ukraine").stdout)
    assert answer["answers"][0]["text"] == WANG_2 or WANG_2 in [a["text"] for a in answer["answers"]]
    assert all(0 < a["confidence"] <= 1 for a in answer["answers"])
    assert {w["feature"] for w in answer["answers"][0]["why"]} >= {"match", "own_words"}
    shown = run("ask", "--explain", "how much could trade between Russia and China reach").stdout
    assert "confidence" in shown and "matched" in shown and "cue" in shown
    refused = run("ask", "--explain", "Which NFL team represented the AFC at Super Bowl 50?").stdout
    assert refused.startswith("No answer:") and "missing:" in refused


def test_answering_reads_the_index_only_through_the_protocols():
    package = Path(feats.__file__).parent
    for module in package.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert ".array(" not in source and "index.passage" not in source, module.name
        if module.name != "answerer.py":
            assert "from ..index import" not in source, module.name


def test_a_word_only_the_headline_holds_finds_the_article(answerer):
    # "Italy" stands only in the headline: the headline is searched with the article's first passage
    answer = answerer.ask("how many people were evacuated in Italy", k=1)
    assert not answer.no_answer
    assert answer.evidence[0].text.startswith("More than 3,000 people were evacuated")
    assert answerer.reader.df("itali") == 1
    assert answerer.ask("bee numbers", k=1).evidence[0].text.startswith("A survey of 52 species")


def test_questions_about_the_article_itself(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps([
        {"title": "Floods force thousands from homes in northern Italy", "author": "Maria Conti",
         "date": "2024-05-02", "text": ARTICLES["floods.txt"].split("\n\n", 1)[1]},
        {"title": "Bee numbers fall for a third year", "text": ARTICLES["bees.txt"].split("\n\n", 1)[1]},
    ]), encoding="utf-8")
    build([folder], tmp_path / "idx")
    answerer = Answerer(Index.open(tmp_path / "idx"))
    author = answerer.ask("who wrote the article about the floods?")
    assert [(e.text, e.field) for e in author.evidence] == [("Maria Conti", "byline")]
    assert answerer.ask("when was the flood story published").evidence[0].text == "2024-05-02"
    assert answerer.ask("who wrote the bee article?").message == "'Bee numbers fall for a third year' names no author"
    which = answerer.ask("who wrote the article?")
    assert which.no_answer and which.message.startswith("which article? there are 2;")
    bees = answerer.ask("what is the title of this article", article=1)
    assert bees.evidence[0].text == "Bee numbers fall for a third year" and bees.evidence[0].field == "title"
    summary = answerer.ask("summarize the article about the floods", k=2)
    texts = [e.text for e in summary.evidence]
    assert texts[0].startswith("More than 3,000 people were evacuated") and len(texts) == 2
    assert all(e.field is None and e.article.text[e.start:e.end] == e.text for e in summary.evidence)
    # not about an article: the letter has an author of its own
    assert answerer.ask("who wrote the letter to the mayor").evidence == [] or \
        answerer.ask("who wrote the letter to the mayor").evidence[0].field is None


def test_the_chat_takes_it_for_the_article_of_the_last_answer(seeds):
    result = run("chat", input="what did Wang say about Ukraine\nwho wrote it?\nwhat is this article about\n")
    assert result.returncode == 0, result.stderr
    assert "> Anton Troianovski" in result.stdout and "the article's byline" in result.stdout
    assert "> The top Chinese diplomat, Wang Yi, and Russian President Vladimir Putin" in result.stdout


def test_reader_caches_answer_as_a_plain_read_does(answerer):
    """What the reader keeps between questions is what reading afresh gives: the terms an article holds
    (title and sentences), the sentence before a passage, and whether a passage names a speaker."""
    reader = answerer.reader
    for article in range(answerer.corpus.n_articles):
        passages = list(answerer.corpus.article_passages(article))
        every = set(reader.title_terms(article)).union(
            *(s.terms for p in passages for s in reader.passage(p).sentences))
        for asked in ({"flood", "ferrara"}, {"bee", "italy"}, {"zorblax"}, {"farmer", "season", "spring"}):
            assert reader.article_holds(article, asked) == asked & every
        for p in passages:
            passage = reader.passage(p)
            before = reader.passage(p - 1) if p > passages[0] else None
            expected = before.sentences[-1] if before and before.paragraph == passage.paragraph else None
            assert reader.previous_sentence(passage) == expected
    for who in ("Anna Benedetti", "the mayor", "Hale", "Zorblax"):
        named = answerer.speech.namer(parse(f"what did {who} say", answerer.analyzer))
        for p in range(answerer.corpus.n_passages):
            span = reader.span(p)
            low = reader.article(span.article).text[max(0, span.start - 4000):span.end].lower()
            assert named(p) == any(w in low for w in who.lower().split() if w != "the"), (who, p)


def _position_only(answerer: Answerer, refuse_by: str, refuse_below: float) -> Answerer:
    """``answerer`` with a confidence that only knows an answer's position (later answers are surer), to
    tell the refusal rules apart."""
    w = answerer.params.weights
    position = CONFIDENCE_FEATURES.index("position")
    conf = tuple(2.0 if i == position else 0.0 for i in range(len(CONFIDENCE_FEATURES)))
    weights = replace(w, confidence=conf, intercept=0.0, hidden=(), hidden_bias=(), hidden_out=(),
                      mean=(0.0,) * len(conf), scale=(1.0,) * len(conf), refuse_by=refuse_by,
                      refuse_below=refuse_below, sure_above=max(refuse_below, 0.5))
    return Answerer(corpus=answerer.corpus, retriever=answerer.retriever,
                    answer_params=replace(answerer.params, weights=weights))


def test_refusal_by_the_best_of_the_first_three_answers(answerer):
    question = "how many species were missing"  # its first two answers (the second from the copy): 0.5, 0.88 here
    first, second = 0.5, 1 / (1 + math.exp(-2.0))
    by_first = _position_only(answerer, "first", 0.7).ask(question)
    assert by_first.no_answer and by_first.confidence == pytest.approx(first)
    assert "(70%)" not in by_first.message and "(50%)" in by_first.message
    by_best = _position_only(answerer, "best3", 0.7).ask(question, k=2)
    assert not by_best.no_answer and by_best.unsure  # the first answer is still only 50% sure
    assert by_best.confidence == pytest.approx(first)
    assert _position_only(answerer, "best3", second + 0.01).ask(question).no_answer


def test_a_weights_file_with_an_unknown_refusal_rule_is_refused(tmp_path):
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data["refuse_by"] == "first"  # the shipped rule
    other = tmp_path / "other.json"
    other.write_text(json.dumps(dict(data, refuse_by="best5")), encoding="utf-8")
    with pytest.raises(WeightsError, match="refuses by 'best5'"):
        load_weights(other)
    older = tmp_path / "older.json"  # a file from before the rule was recorded refuses by the first answer
    older.write_text(json.dumps({k: v for k, v in data.items() if k != "refuse_by"}), encoding="utf-8")
    assert load_weights(older).refuse_by == "first"
