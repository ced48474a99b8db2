"""A first answer is shown "not sure" when the question names something its article never names: a place the
corpus names only in another story, or a name no article writes. Real short articles, the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, index_articles

ARTICLES = {
    "factory": """Biscuit factory to cut jobs

Marlow Foods will cut 310 jobs at its Elmsford biscuit factory by the end of the year, the company said.

The firm blamed rising costs and falling sales of its own-brand biscuits.
""",
    "trade": """Exporters look east

Firms in Elmsford sold more goods to Poland last year than ever before, the chamber of commerce said.
""",
    "flood": """Floods hit the valley

Fire crews rescued 17 people from flooded properties on Sunday night.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("unsure-names"), **ARTICLES)


def test_a_name_the_answers_article_never_names_is_not_sure(index):
    (plant,) = ask_json(index, "How many jobs will be cut at the Marlow Foods plant in Poland?")
    assert plant["answers"][0]["text"].startswith("Marlow Foods will cut 310 jobs") and plant["unsure"] is True
    (named,) = ask_json(index, "How many jobs will Marlow Foods cut in Elmsford?")
    assert named["answers"][0]["text"].startswith("Marlow Foods will cut 310 jobs") and named["unsure"] is False


def test_a_name_no_article_writes_is_not_sure(index):
    for place in ("Zzyzx", "Glasgow"):
        (answer,) = ask_json(index, f"How many people did fire crews rescue in {place}?")
        assert answer["no_answer"] or answer["unsure"] is True, place
    (plain,) = ask_json(index, "How many people did fire crews rescue?")
    assert plain["answers"][0]["text"].startswith("Fire crews rescued 17 people") and plain["unsure"] is False
