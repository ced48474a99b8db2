"""The BBC question sets in bench/data hold up: labelled kinds, golds verbatim in their articles, and every
unanswerable question unanswerable for a reason checked against the articles (bench/check_questions.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import BBC_ZIP, PROJECT

sys.path.insert(0, str(PROJECT / "bench"))
import check_questions  # noqa: E402

SETS = sorted((PROJECT / "bench" / "data").glob("bbc_*.jsonl"))


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    if not BBC_ZIP.exists():
        pytest.skip(f"{BBC_ZIP} not found")
    return check_questions.load_articles(BBC_ZIP.parent, None)


def _rows(path):
    return [(n, json.loads(line)) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]


def test_there_are_tuning_sets():
    assert {p.name for p in SETS} >= {"bbc_tuning_1.jsonl", "bbc_tuning_2.jsonl"}


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_question_set_checks_against_the_articles(path, articles):
    assert len(articles) == 2225
    failures, stats = check_questions.check(_rows(path), articles, verbose=False)
    assert failures == []
    kinds = stats["per_kind"]
    assert kinds["say"] >= 25 and kinds["unanswerable"] >= 12


def _line_failures(row: dict, articles: dict[str, str]) -> list[str]:
    """The check's failures for one question (not the set's minimum counts)."""
    return [f for f in check_questions.check([(1, row)], articles, verbose=False)[0] if f.startswith("line 1")]


def test_a_gold_not_in_its_article_fails_the_check(articles):
    row = {"question": "who is the head of Texas Instruments", "answers": ["Rich Templeton"], "kind": "who",
           "source": "tech/350.txt"}
    assert _line_failures(row, articles) == []  # the real gold is there
    assert _line_failures(dict(row, answers=["Richard Templeton"]), articles) == [
        "line 1 ('who is the head of Texas Instruments'): gold 'Richard Templeton' not found verbatim in tech/350.txt"]
    assert _line_failures(dict(row, kind="chat"), articles)[0].startswith("line 1 ('who is the head of Texas Instruments'): kind 'chat'")


def test_an_unanswerable_question_needs_a_checked_reason(articles):
    unlisted = {"question": "what did Blair say about Iraq", "answers": [], "kind": "unanswerable", "source": None}
    assert _line_failures(unlisted, articles) == [
        "line 1 ('what did Blair say about Iraq'): not in ABSENT_TERMS, NOT_TOGETHER or HAND_CHECKED: why is it unanswerable?"]


def test_unanswerable_kinds_cover_wrong_context_and_another_corpus():
    whys = {check_questions.why_unanswerable(row["question"]) for path in SETS for _, row in _rows(path)
            if row["kind"] == "unanswerable"}
    assert whys == {"unknown words", "known name, wrong context", "another corpus"}


HELDOUT = PROJECT / "bench" / "data" / "heldout"


def _gold_texts(folder: Path) -> dict[str, str]:
    """Article text by the ``article`` field of the held-out sets, for the sets that need no ../shared."""
    texts = {"seed": (PROJECT / "seeds" / "000_dfce30cfe0989a0b.txt").read_text(encoding="utf-8")}
    for path in sorted((folder / "small").glob("*.txt")):
        texts[f"small/{path.name}"] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.parametrize("folder", [HELDOUT, HELDOUT / "fresh", HELDOUT / "fresh2"], ids=["first", "fresh", "fresh2"])
@pytest.mark.parametrize("name", ["seed.jsonl", "small.jsonl"])
def test_held_out_golds_stand_verbatim_in_their_articles(folder, name):
    texts = _gold_texts(folder)
    rows = _rows(folder / name)
    assert len(rows) >= 35
    for n, row in rows:
        assert row["kind"] in {"factoid", "say_topic", "say", "speech", "yesno", "paraphrase", "meta",
                               "why", "topic", "unanswerable"}, n
        if row["kind"] != "topic":  # a summary question has no verbatim answer
            assert bool(row["answers"]) == (row["kind"] != "unanswerable"), n
        for gold in row["answers"]:
            assert gold in texts[row["article"]], (n, gold)


@pytest.mark.parametrize("folder", [HELDOUT, HELDOUT / "fresh", HELDOUT / "fresh2", HELDOUT / "fresh3"],
                         ids=["first", "fresh", "fresh2", "fresh3"])
def test_held_out_bbc_golds_stand_verbatim_in_their_articles(folder):
    if not BBC_ZIP.exists():
        pytest.skip(f"{BBC_ZIP} not found")
    import zipfile
    with zipfile.ZipFile(BBC_ZIP) as z:
        for _, row in _rows(folder / "bbc_news.jsonl"):
            text = z.read(f"bbc-fulltext/{row['article']}").decode("utf-8")
            assert all(gold in text for gold in row["answers"]), row["question"]
