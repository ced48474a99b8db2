"""Kinds of speaker and spelling a new user's seventh trial found wrong (notes of trial 7, section B): a described
subject with its full name set off before a colon quotation, a body's spokesperson, a plural group of people no list
holds, a document that states, "they" for a group from somewhere, a misspelt role, an article asked for as a
speaker of a topic, the measure of a "how" question. Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, attributed, first_text, index_articles, run
from qabot.analysis import Analyzer
from qabot.answering.parse import QuestionKind, parse

ARTICLES = {
    "storm": """Storm cuts power to thousands in Ashby

By Nell Carver

4 October 2026

More than 8,000 homes in Ashby lost power after a storm brought down lines overnight.

A spokeswoman for the ambulance service said two people had been taken to hospital with minor injuries.

A local shopkeeper, Omar Haddad, said: "The wind tore the sign off the front of my shop. I have never seen anything like it."

Shopkeepers complained that fallen trees had blocked three of the town's main roads for most of the morning.
""",
    "pool": """Swimming pool to close for two years

By Tess Morrow

9 August 2026

Ashby's only public swimming pool will shut in January for a rebuild, the council confirmed.

The council's engineering reports state that the roof beams have corroded beyond repair.

A safety review published in March said the changing rooms could stay open until the works begin.

Parents from the Ashby Swimming Club said they had raised 1,200 pounds for temporary lessons elsewhere. They accused the council of ignoring the club's offer to help plan the works.

The mayor said the new pool would have six lanes and a learner pool. The council will talk to the club in May.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("trial7-speakers"), **ARTICLES)


def test_each_kind_of_sentence_has_its_speaker():
    said = attributed(ARTICLES["storm"]) | attributed(ARTICLES["pool"])
    assert said['A local shopkeeper, Omar Haddad, said: "The wind tore the sign off the front of my shop.'
                ' I have never seen anything like it."'] == "Omar Haddad"
    assert said["Shopkeepers complained that fallen trees had blocked three of the town's main roads for most of the "
                "morning."] == "Shopkeepers"
    assert said["The council's engineering reports state that the roof beams have corroded beyond repair."] \
        == "The council's engineering reports"
    assert said["They accused the council of ignoring the club's offer to help plan the works."] \
        == "Parents from the Ashby Swimming Club"
    # "state" is a noun elsewhere, and a capitalised plural after a time is a name, not people by what they are
    other = attributed("The Russian state would not pay.\n\nOn Sunday Rangers said they had no offer.\n")
    assert other["The Russian state would not pay."] is None
    assert other["On Sunday Rangers said they had no offer."] != "On Sunday Rangers"


def test_a_plural_that_names_no_people_does_not_speak():
    said = attributed("Figures released on Monday suggested that sales fell.\n\nOthers said the fall was small.\n")
    assert said["Figures released on Monday suggested that sales fell."] is None
    assert said["Others said the fall was small."] is None


def test_a_described_name_before_a_colon_quotation_is_theirs(index):
    [answer] = ask_json(index, "what did Omar Haddad say")
    assert not answer["no_answer"]
    assert "The wind tore the sign off" in first_text(answer)
    quotes = run("quotes", "--index", str(index), "Haddad")
    assert quotes.returncode == 0 and "The wind tore the sign off" in quotes.stdout


def test_a_bodys_spokesperson_speaks_for_it(index):
    [answer] = ask_json(index, "what did the ambulance service say")
    assert not answer["no_answer"]
    assert "two people had been taken to hospital" in first_text(answer)


def test_a_group_named_as_the_subject_of_a_speech_verb_is_that_group(index):
    [answer] = ask_json(index, "what did the shopkeepers say")
    assert not answer["no_answer"]
    assert any("fallen trees had blocked" in a["text"] for a in answer["answers"])
    assert answer["searched"] == []


def test_a_document_that_states(index):
    [answer] = ask_json(index, "what do the engineering reports say")
    assert not answer["no_answer"]
    assert "roof beams have corroded" in first_text(answer)


def test_a_document_with_what_was_done_with_it_speaks(index):
    [answer] = ask_json(index, "what did the safety review say")
    assert not answer["no_answer"] and not answer["unsure"]
    assert "changing rooms could stay open" in first_text(answer)


def test_they_after_a_group_from_somewhere_is_the_group(index):
    [answer] = ask_json(index, "what did the parents accuse the council of")
    assert not answer["no_answer"]
    assert "They accused the council of ignoring the club's offer" in first_text(answer)


def test_a_misspelt_role_is_corrected(index):
    [answer] = ask_json(index, "what did the mayer say")
    assert not answer["no_answer"]
    assert "six lanes" in first_text(answer)
    assert answer["searched"] == ["the mayor"]


def test_an_article_asked_as_a_speaker_of_a_topic_gives_its_words_about_it(index):
    [answer] = ask_json(index, "what does the story say about the roof beams")
    assert not answer["no_answer"]
    assert "roof beams have corroded" in first_text(answer)
    analyzer = Analyzer()
    assert parse("what does the story say about the roof beams", analyzer).kind is not QuestionKind.SAY
    assert parse("what did the report say about the roof beams", analyzer).speaker == "the report"  # a document


def test_the_measure_of_a_how_question_is_not_corrected(index):
    [answer] = ask_json(index, "how tall is the swimming pool roof")
    assert "talk" not in " ".join(answer["searched"])
