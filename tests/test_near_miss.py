"""Near misses: a question about an article's own subject asking a fact the article does not give. An age or a sum of
money asked of articles that never give one is refused (``GateParams.refuse_without_age``, ``refuse_without_money``);
the same article giving it answers. Real BBC articles (from the shared data), asked through the real CLI."""

from __future__ import annotations

import zipfile

import pytest

from conftest import BBC_ZIP, ask_json, first_text, index_articles

from qabot.lexicon import AGE, ASKS_MONEY

GREWCOCK = "bbc-fulltext/bbc/sport/307.txt"
"""England lock Danny Grewcock kicking Dwayne Peel: he is named throughout, his age never given."""
MIRZA = "bbc-fulltext/bbc/sport/435.txt"
"""Sania Mirza beating Svetlana Kuznetsova in Dubai: no prize money, no sum of money at all."""


def _bbc(name: str) -> str:
    if not BBC_ZIP.exists():
        pytest.skip(f"{BBC_ZIP} not found")
    with zipfile.ZipFile(BBC_ZIP) as z:
        return z.read(name).decode("utf-8")


@pytest.fixture(scope="module")
def article() -> str:
    return _bbc(GREWCOCK)


def test_an_age_the_article_never_gives_is_refused(tmp_path, article):
    assert "Grewcock" in article and "year-old" not in article
    answer, = ask_json(index_articles(tmp_path, grewcock=article), "How old is England lock Danny Grewcock?")
    assert answer["no_answer"] is True
    assert "never give an age" in answer["message"] and "Grewcock" in answer["message"]


def test_the_same_article_giving_the_age_answers_it(tmp_path, article):
    told = article.replace("Danny Grewcock", "Danny Grewcock, 32,", 1)
    answer, = ask_json(index_articles(tmp_path, grewcock=told), "How old is England lock Danny Grewcock?")
    assert "32" in first_text(answer)


def test_an_age_written_another_way_is_an_age(tmp_path, article):
    told = article.replace("Danny Grewcock", "the 32-year-old Danny Grewcock", 1)
    answer, = ask_json(index_articles(tmp_path, grewcock=told), "How old is England lock Danny Grewcock?")
    assert answer["no_answer"] is False


def test_other_questions_of_the_article_are_not_held_to_an_age(tmp_path, article):
    """Only a question asking an age: "how old media reacts" in a speech question, and how much or how many, are not
    refused for want of one."""
    index = index_articles(tmp_path, grewcock=article)
    who, what = ask_json(index, "Who did Danny Grewcock kick?", "What did Mike Ruddock say about Grewcock?")
    assert who["no_answer"] is False and what["no_answer"] is False


PRIZE = "how much prize money did Sania Mirza win for beating Kuznetsova in Dubai"


def test_a_sum_of_money_the_article_never_gives_is_refused(tmp_path):
    text = _bbc(MIRZA)
    assert "Mirza" in text and not any(sign in text for sign in "$£€")
    answer, = ask_json(index_articles(tmp_path, mirza=text), PRIZE)
    assert answer["no_answer"] is True and "never give a sum of money" in answer["message"]


def test_the_same_article_giving_the_sum_answers_it(tmp_path):
    told = _bbc(MIRZA).replace("in front of a delirious crowd.", "in front of a delirious crowd, and took $40,000 in "
                               "prize money.", 1)
    answer, = ask_json(index_articles(tmp_path, mirza=told), PRIZE)
    assert "$40,000" in first_text(answer)


@pytest.mark.parametrize("question, asks", [
    ("How much did the new Magic Roundabout film cost to make?", True),
    ("What salary will Paul Boateng receive as high commissioner?", True),
    ("how much prize money did she win", True),
    ("According to John Kirwan, what cost Italy in Scotland?", False),  # a cause, not a sum
    ("How much oil does India produce a day?", False),
])
def test_which_questions_ask_a_sum_of_money(question, asks):
    assert bool(ASKS_MONEY.search(question)) is asks


@pytest.mark.parametrize("text, age", [
    ("The 27-year-old Spaniard", True), ("Sania Mirza, 18, said", True), ("died at the age of 71", True),
    ("Katharina was 26 years old", True), ("fossils 515 million years old", True), ("Born in January 1934, she", True),
    ("over the past 10 years, he said", False), ("won 6-4 6-2 in front of 3,000", False), ("In 2004, 12 people", False),
])
def test_what_gives_an_age(text, age):
    assert bool(AGE.search(text)) is age
