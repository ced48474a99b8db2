"""The answer metrics of ``qabot eval`` on hand-computed cases: whole-word matching, ranks, MRR, refusals."""

import pytest

from qabot.evaluate import Item, Outcome, hit, measure, normalize


def golds(*answers):
    return [normalize(a) for a in answers]


@pytest.mark.parametrize("gold, text", [
    ("ink", "I think so."),
    ("V", "A victory for Henry."),
    ("LI", "A little light."),
    ("6,000 square kilometres", "It covers 26,000 square kilometres."),
    ("Russia", "Russians voted."),
    ("the Army", "an armyless state"),
])
def test_a_gold_inside_a_longer_word_is_no_hit(gold, text):
    assert not hit(golds(gold), text)


@pytest.mark.parametrize("gold, text", [
    ("ink", "They used red ink."),
    ("V", "It was signed by Henry V in 1415."),
    ("6,000 square kilometres", "It covers 6,000 square kilometres."),
    ("Russia", "the China-Russia relationship"),
    ("Wang", "Wang’s remarks"),
    ("the Kremlin", "at Kremlin, he said"),                 # articles do not count
    ("U.S. officials", "“U.S. officials,” she said"),
    ("$200 billion", "could reach $200 billion as early as"),
    ("Denver Broncos", "The DENVER  BRONCOS won."),
])
def test_a_gold_standing_as_whole_words_is_a_hit(gold, text):
    assert hit(golds(gold), text)


def outcome(answers, evidence=(), no_answer=False, passages=()):
    return Outcome(item=Item(question="q", answers=tuple(answers)), no_answer=no_answer,
                   evidence=tuple(evidence), passages=tuple(passages))


def test_ranks_mrr_and_recall_by_hand():
    outcomes = [
        outcome(["ink"], ["red ink here", "x", "y"], passages=["red ink here"]),        # rank 1
        outcome(["ink"], ["I think", "some ink", "z"], passages=["no", "some ink"]),     # rank 2
        outcome(["ink"], ["I think", "a", "ink spot"], passages=["I think"]),            # rank 3, not recalled
        outcome(["ink"], ["I think", "a", "b"], passages=["p"] * 5 + ["ink"]),           # missed; sixth passage
    ]
    report = measure(outcomes, k=3)
    assert report.answerable == 4
    assert report.evidence_at_1 == pytest.approx(1 / 4)
    assert report.evidence_at_3 == pytest.approx(3 / 4)
    assert report.mrr == pytest.approx((1 + 1 / 2 + 1 / 3 + 0) / 4)
    assert report.passage_recall_at_5 == pytest.approx(2 / 4)
    assert report.answerable_refused == 0
    assert report.no_answer_precision is None and report.no_answer_recall is None


def test_refusals_of_answerable_and_unanswerable_questions():
    outcomes = [
        outcome(["Paris"], no_answer=True),                       # answerable, refused: a miss
        outcome(["Paris"], ["He lives in Paris."]),               # answerable, right
        outcome([], no_answer=True),                              # unanswerable, refused: right
        outcome([], ["Some confident sentence."]),               # unanswerable, answered: wrong
        outcome([], no_answer=True),                              # unanswerable, refused: right
    ]
    report = measure(outcomes, k=3)
    assert (report.questions, report.answerable) == (5, 2)
    assert report.evidence_at_1 == pytest.approx(1 / 2)
    assert report.answerable_refused == 1
    assert report.no_answer_predicted == 3
    assert report.no_answer_precision == pytest.approx(2 / 3)
    assert report.no_answer_recall == pytest.approx(2 / 3)
    assert any("answerable refused: 1 (50.0%)" in line for line in report.lines())


def test_mrr_stops_at_k():
    report = measure([outcome(["ink"], ["a", "b", "c", "ink"])], k=3)
    assert report.mrr == 0 and report.evidence_at_3 == 0
