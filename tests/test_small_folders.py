"""A small folder of the articles people keep (a blog post, an obituary, a guide, a council story), with their
head lines written the ways such pages write them, asked about through the real CLI: who wrote each, when it
was published, its headline, and the articles' contents."""

from __future__ import annotations

import json

import pytest

from conftest import run, write_articles

ARTICLES = {
    "blog.txt": (
        "THE POTTING SHED\nFrost, foxes and the great onion failure\n"
        "Posted by Gwen Hollis on 12 May 2025 | 8 comments\n\n"
        "April ended with three hard frosts in a row, and every onion set I had planted was lifted by the cold.\n\n"
        "The foxes dug up what the frost had spared, so the bed is bare again.\n"),
    "obituary.txt": (
        "Obituary: Edith Carrow, the harbour pilot who guided ships for forty years\n\n"
        "Published 3 February 2025\n\n"
        "Edith Carrow, who has died aged 88, guided cargo ships into the port of Wexmouth for four decades.\n\n"
        "She was the first woman to hold a pilot's licence on that stretch of coast.\n"),
    "guide.txt": (
        "Solar panel grants: what you need to know\n\n"
        "By Ravi Cole, Consumer affairs editor\n2025-04-11\n\n"
        "The county's new solar panel grant opens for applications on Monday.\n\n"
        "Q: How much is the grant worth?\n\nA: Up to £3,000 towards the cost of the panels.\n\n"
        "Q: How long does a decision take?\nA: Applications are made online. The council says it aims to decide "
        "within 15 working days.\n"),
    "council.txt": (
        "Councillors back plan to reopen Wexmouth swimming pool\n\n"
        "By Tara Quinn, Local Democracy Reporter\nPublished 20 March 2025\n\n"
        "Wexmouth Town Council has approved a £1.1 million plan to reopen the swimming pool on Dock Street.\n\n"
        "Councillors voted 12 to 4 in favour of the plan. Councillor Mark Quinn, who leads the Green group, warned "
        "that the pool was \"a drain on reserves\".\n"),
    "ferry.txt": (
        "Ferry crews in Wexmouth vote to strike over pay\n\n"
        "By Neil Amos, Transport correspondent\n2025-06-20\n\n"
        "Ferry crews at Wexmouth's largest operator, Bluewater Ferries, have voted to walk out for four days next "
        "month in a dispute over pay, raising the prospect of major disruption for island passengers.\n\n"
        "The company has offered a pay rise of 3.5%, but the union is demanding 8%, saying crews' wages have fallen "
        "behind those paid by rival operators.\n"),
}


@pytest.fixture
def folder(isolated):
    """The articles indexed into ./index (the index qabot finds from this folder)."""
    write_articles(isolated / "saved", ARTICLES)
    built = run("index", "saved")
    assert built.returncode == 0, built.stderr
    return isolated


def ask_all(*questions: str) -> list[dict]:
    """Each question's ``ask --json`` answer, asked in one process."""
    result = run("ask", "--json", "-k", "3", "-", input="\n".join(questions) + "\n")
    assert result.returncode in (0, 1), result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(answers) == len(questions), result.stdout
    return answers


def test_blog_author_and_date_line_kicker_and_a_role_of_capitalised_words_are_read_as_head_lines(folder):
    listed = {a["path"].split("/")[-1]: a for a in map(json.loads, run("list", "--json").stdout.splitlines())}
    got = {name: (a["title"], a["byline"], a["date"]) for name, a in listed.items()}
    assert got["blog.txt"] == ("THE POTTING SHED: Frost, foxes and the great onion failure", "Gwen Hollis", "12 May 2025")
    assert got["obituary.txt"][1:] == (None, "3 February 2025")
    assert got["council.txt"][1:] == ("Tara Quinn", "20 March 2025")
    # neither the headline under the blog's name nor its "Posted by" line is the first paragraph
    first = ask_all("what is the blog post about the onions about")[0]["answers"][0]
    assert first["text"].startswith("April ended with three hard frosts") and first["paragraph"] == 1
    assert ask_all("who wrote the story about the swimming pool")[0]["answers"][0]["article"]["role"] == (
        "Local Democracy Reporter")


def test_an_article_named_by_its_kind_obituary_guide_blog_post(folder):
    obituary, guide, blog, headline = ask_all(
        "when was the obituary of Edith Carrow published", "when was the solar panel grants guide published",
        "who wrote the blog post about the onions?", "what is the headline of the obituary of the harbour pilot")
    assert (obituary["answers"][0]["text"], obituary["answers"][0]["field"]) == ("3 February 2025", "date")
    assert guide["answers"][0]["text"] == "2025-04-11"
    assert (blog["answers"][0]["text"], blog["answers"][0]["field"]) == ("Gwen Hollis", "byline")
    assert headline["answers"][0]["text"].startswith("Obituary: Edith Carrow")


def test_in_questions_and_answers_the_answer_is_given_not_the_question(folder):
    # "Q: ..." then "A: ...", in two paragraphs or in one: the question's words are its answer's
    worth, decision = ask_all("how much is the solar panel grant worth",
                              "how long does the council take to decide on a solar grant")
    assert "£3,000" in worth["answers"][0]["text"]
    assert "within 15 working days" in " ".join(a["text"] for a in decision["answers"])
    for answer in (worth, decision):
        assert not any(a["text"].startswith("Q:") for a in answer["answers"])


def test_what_pay_rise_asks_for_an_amount(folder):
    rise = ask_all("What pay rise are the Bluewater ferry crews asking for?")[0]
    assert "demanding 8%" in rise["answers"][0]["text"]


def test_a_misspelt_question_word_is_read_as_the_question_word(folder):
    typo, hwo, plain = ask_all("Whcih street is the swimming pool on?", "hwo many councillors voted against the plan",
                               "Which street is the swimming pool on?")
    assert not typo["no_answer"] and typo["answers"][0]["text"] == plain["answers"][0]["text"]
    assert "Dock Street" in typo["answers"][0]["text"]
    assert "12 to 4" in hwo["answers"][0]["text"]


def test_a_first_word_that_is_a_word_of_its_own_is_not_read_as_a_question_word():
    from qabot.analysis import Analyzer
    from qabot.answering.parse import QuestionKind, parse
    analyzer = Analyzer()
    assert parse("Whcih journal printed it?", analyzer) == parse("Which journal printed it?", analyzer).__class__(
        **{**parse("Which journal printed it?", analyzer).__dict__, "text": "Whcih journal printed it?"})
    assert parse("hwo many councillors", analyzer).kind is QuestionKind.HOW_MANY
    assert parse("What pre-tax profit did it make?", analyzer).kind is QuestionKind.HOW_MUCH
    assert parse("Hwo wrote the story about the pool", analyzer).kind is QuestionKind.AUTHOR
    assert parse("Now the pool reopens?", analyzer).topic_words == ("pool", "reopens")
    assert parse("Wen Jiabao visit", analyzer).topic_words == ("Wen", "Jiabao", "visit")


def test_a_speakers_misspelt_name_after_a_title_is_corrected(folder):
    # "Councillor" is in the articles, "Quin" is not: the name is corrected as it would be alone; a name with
    # one word found ("Mark Quin") is no misspelling to correct
    titled, named = ask_all("what did Councillor Quin warn", "what did Mark Quin say")
    assert "Councillor Quinn" in titled["searched"], titled
    assert "a drain on reserves" in titled["answers"][0]["text"]
    assert named["no_answer"] and "Mark Quin" in named["message"]
