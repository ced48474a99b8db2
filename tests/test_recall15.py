"""Retrieval recall: a question word and its irregular forms are searched as one term ("begin" with "began" and
"begun", "australian" with "australia"), so a passage scores the best of them once, not each of them as another of
the question's words. Real articles written here, indexed and asked through the real CLI; the scorer checked against
the sum of its single-term scores."""

from __future__ import annotations

import pytest

from conftest import ask_json, first_text, index_articles

from qabot.answering import Answerer, parse, retrieve
from qabot.bm25 import SCORINGS, BM25Params
from qabot.index import Index
from qabot.retrieval import LocalRetriever

ARTICLES = {
    "swim": """Swimmers start early

Australian swimmers began training in Australia two weeks before their European rivals.
""",
    "tennis": """Philippoussis doubtful

Mark Philippoussis has a groin strain. His place at the Australian Open, which begins on 17 January in Melbourne, remains in doubt.
""",
    "rugby": """Wales name squad

Wales have named their squad for the Six Nations, with three new caps in the back row.
""",
    "film": """Festival in Berlin

The Berlin film festival starts on Thursday with a German drama about the last days of the war.
""",
    "summit": """Leaders meet in Moscow

Putin met with Wang Yi at the Kremlin on Wednesday. They will meet again in Beijing, and they met twice last year.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("recall15"), **ARTICLES)


def _answerer(index, params: BM25Params | None = None) -> Answerer:
    return Answerer(Index.open(index), params)


def test_a_word_and_its_forms_are_one_term_of_alternatives(index):
    answerer = _answerer(index)
    q = parse("When does the Australian Open begin?", answerer.analyzer, written=answerer.written)
    terms = retrieve.with_forms(answerer.reader, answerer.gates.check(q, True).known)
    # forms the corpus lacks ("begun") are not searched; the question's own words keep their place
    assert terms == [("australian", "australia"), "open", ("begin", "began")]


def test_a_passage_of_forms_alone_no_longer_outranks_the_question_s_words(index):
    # "Australian ... began ... Australia" held three of the searched terms and outranked the sentence holding
    # "Australian Open ... begins": two of them are forms of one word, "australian", and count once now
    answerer = _answerer(index)
    q = parse("When does the Australian Open begin?", answerer.analyzer, written=answerer.written)
    hits = retrieve.passages(answerer.reader, q, answerer.gates.check(q, True).known)
    assert "Australian Open, which begins" in answerer.passage_text(hits[0][0])
    [answer] = ask_json(index, "When does the Australian Open begin?")
    assert "17 January" in first_text(answer)


def test_an_irregular_form_still_finds_its_word(index):
    # "where did they meet": "Putin met with Wang Yi at the Kremlin" (stemming leaves "met" apart from "meet")
    [answer] = ask_json(index, "Where did Putin and Wang meet?")
    assert "at the Kremlin" in first_text(answer)


@pytest.mark.parametrize("scoring", SCORINGS)
def test_a_group_scores_the_best_of_its_terms_in_every_scorer(index, scoring):
    # the stored weights (lucene) and the live scorer (every other scoring: weighed per query), BM25Plus's base too
    params = None if scoring == "lucene" else BM25Params(scoring=scoring)
    retriever = LocalRetriever(Index.open(index), params)
    n = Index.open(index).n_passages
    everything = list(range(n))
    for group, other in ((("meet", "met"), "putin"), (("australian", "australia"), "open"), (("begin", "began"), "wale")):
        best = [max(scores) for scores in zip(*(retriever.scores([t], everything) for t in group))]
        plain = retriever.scores([other], everything)
        want = [b + o for b, o in zip(best, plain)]
        got = retriever.scores([group, other], everything)
        assert got == pytest.approx(want, abs=1e-9)
        top = retriever.top([group, other], n)
        held = [p for p, hold in enumerate(retriever.holding([*group, other], everything)) if hold]
        assert sorted(p for p, _ in top) == held  # only passages holding one of the terms, every one of them
        assert [s for _, s in top] == pytest.approx(sorted((want[p] for p in held), reverse=True), abs=1e-9)
        assert [s for _, s in top] == pytest.approx([got[p] for p, _ in top], abs=1e-9)
        # a group of one term is that term
        assert retriever.scores([(other,), group[0]], everything) == pytest.approx(
            retriever.scores([other, group[0]], everything), abs=1e-12)
