"""Kinds of question a new user's trial of a fresh clone found wrong (notes of trial 5): an acronym that is a
stopword ("the WHO"), a statement asked for by its own noun, a first name the article gives another person of
the same surname. Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ask_json, first_text, index_articles, run
from qabot.analysis import Analyzer
from qabot.answering.parse import QuestionKind, parse

ARTICLES = {
    "flu": """Bird flu spreads to new farms in Asia

By Lena Ortiz

Bird flu has been found on three more poultry farms in Vietnam, officials said on Friday.

The WHO said the risk to people remained low but urged governments to watch for new cases.

Who would pay for the culling was not yet clear.

"We are watching this very closely," said Dr Hoang Minh, who leads the national response.
""",
    "floods": """Floods force thousands from homes in northern Italy

By Giulia Ferri

12 May 2024

More than 4,000 people were evacuated from their homes on Sunday after the Po and Reno rivers burst their banks.

"The water came up faster than anyone expected," the mayor of Ferrara, Alan Fabbri, told reporters.

In a statement, the government said it would declare a state of emergency and release 20 million euros for relief.

Rescue teams used boats to reach villages cut off by the water near Ravenna.
""",
    "band": """Rock band up for three awards

The band were nominated for best group, best rock act and best album on Monday.

They are outspoken, in contrast to fellow nominees such as Keane and Snow Patrol. "British music needs a kick and Britain needs a new band," declared the band's singer Tom Meighan.

"No-one's doing it at the minute. Music feels like it's in the afterlife right now."
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("trial5-kinds"), **ARTICLES)


def test_an_acronym_written_in_capitals_is_a_name_not_a_question_word(index):
    analyzer = Analyzer()
    q = parse("what did the WHO say", analyzer)
    assert q.kind is QuestionKind.SAY and q.speaker == "the WHO" and q.speaker_terms == ("WHO",)
    # a question word in capitals opening the question, or a question all in capitals, is still the question word
    assert parse("WHO won the cup?", analyzer).kind is QuestionKind.WHO
    assert parse("WHO WON THE CUP", analyzer).kind is QuestionKind.WHO
    assert parse("when did the WHO warn about bird flu", analyzer).kind is QuestionKind.WHEN
    # the articles index it as written: "Who would pay" is not the WHO
    assert analyzer.term("WHO") == "WHO" and analyzer.term("Who") == ""
    answers = ask_json(index, "what did the WHO say", "what did the WHO say about the risk")
    for answer in answers:
        assert first_text(answer).startswith("The WHO said the risk to people remained low")
    assert all("Who would pay" not in a["text"] for a in answers[0]["answers"])
    # a stopword in capitals the articles never write so is the word, written so for emphasis
    unknown = parse("what did the WHO say", analyzer, written=lambda word: False)
    assert unknown.kind is not QuestionKind.SAY and unknown.terms == ()
    plain, loud = ask_json(index, "what did the WHO say about the risk to people", "what did the WHO say about the risk TO people")
    assert loud["answers"] == plain["answers"] and loud["confidence"] == plain["confidence"]


def test_a_follow_up_naming_an_acronym_that_speaks_asks_for_its_words(index):
    result = run("chat", "--index", str(index), input="what did Dr Hoang Minh say\nand the WHO?\n")
    assert result.returncode == 0, result.stderr
    assert "→ what did the WHO say\n" in result.stdout
    assert "The WHO said the risk to people" in result.stdout.split("→ what did the WHO say")[1]


def test_a_document_asked_for_gives_the_words_its_owner_gives_in_it(index):
    # no one is attributed 'the statement': the government gives its words "in a statement"
    for question in ("what did the statement say", "what did the government statement say",
                     "what did the government statement say about relief"):
        (answer,) = ask_json(index, question)
        assert first_text(answer).startswith("In a statement, the government said it would declare a state of emergency")
    # the owner's words must still be about the topic asked
    (answer,) = ask_json(index, "what did the government statement say about the mayor")
    assert answer["no_answer"] is True


def test_quotes_go_on_with_the_last_speaker_into_a_paragraph_opening_with_a_bare_quotation(index):
    result = run("quotes", "--index", str(index), "--json", "Tom Meighan")
    assert result.returncode == 0, result.stderr
    quotes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [q["paragraph"] for q in quotes] == [2, 3]
    assert quotes[1]["text"].startswith('"No-one\'s doing it at the minute.') and quotes[1]["speaker"] == "Tom Meighan"
    # as the answers read it
    (answer,) = ask_json(index, "what did Tom Meighan say about the afterlife")
    assert "afterlife" in first_text(answer)


def test_dates_are_given_as_iso_too(index):
    from qabot.dates import iso_date

    assert [iso_date(d) for d in ("12 May 2024", "May 12, 2024", "2024-05-12T09:00:00Z", "Monday 3rd June 2025",
                                  "31/12/2024", "05/06/2024", "30 February 2024", None)] \
        == ["2024-05-12", "2024-05-12", "2024-05-12", "2025-06-03", "2024-12-31", None, None, None]
    listed = run("list", "--index", str(index), "--json")
    assert listed.returncode == 0, listed.stderr
    floods = next(a for a in map(json.loads, listed.stdout.splitlines()) if a["title"].startswith("Floods"))
    assert (floods["date"], floods["date_iso"]) == ("12 May 2024", "2024-05-12")
    (answer,) = ask_json(index, "what did the mayor of Ferrara say")
    assert (answer["answers"][0]["article"]["date"], answer["answers"][0]["article"]["date_iso"]) == ("12 May 2024", "2024-05-12")
    quotes = run("quotes", "--index", str(index), "--json", "the mayor of Ferrara")
    assert json.loads(quotes.stdout.splitlines()[0])["date_iso"] == "2024-05-12"


def test_an_answer_from_the_articles_metadata_points_into_its_field(index):
    byline, title, published = ask_json(index, "who wrote the floods article?", "what is the title of the floods article?",
                                        "when was the floods article published?")
    for answer, field, value in ((byline, "byline", "Giulia Ferri"),
                                 (title, "title", "Floods force thousands from homes in northern Italy"),
                                 (published, "date", "12 May 2024")):
        (first,) = answer["answers"][:1]
        assert (first["field"], first["text"], first["paragraph"]) == (field, value, 0)
        assert first["article"][field][first["start"]:first["end"]] == first["text"]
    result = run("chat", "--index", str(index), input="who wrote the floods article?\n/show 1\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("/show 1\n")[1].startswith("Giulia Ferri\n")


def test_quotes_find_a_name_set_off_after_a_role_as_the_answers_do(index):
    # '..., the mayor of Ferrara, Alan Fabbri, told reporters': Alan Fabbri's words, by his name and by his role
    for name in ("Alan Fabbri", "Fabbri", "the mayor of Ferrara"):
        result = run("quotes", "--index", str(index), "--json", name)
        assert result.returncode == 0, (name, result.stdout, result.stderr)
        (quote,) = [json.loads(line) for line in result.stdout.splitlines()]
        assert quote["text"].startswith('"The water came up faster') and quote["speaker"] == "Alan Fabbri"
