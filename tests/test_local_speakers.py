"""Speech questions over a folder of short local news, of kinds a blind-written set of such articles showed
(bench/data/small_tuning6): "she said" after a man was named, a person given an age where the name is the subject,
a role set off before a described name, and a speaker whose words never repeat the question's topic. Real articles
written here; the real CLI as a subprocess for whole answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, attributed, first_text, index_articles
from qabot.speakers import attribute

ARTICLES = {
    "bus": """Village bus route to be axed

The number 42 bus will run for the last time on 31 March, the operator has confirmed.

Councillor Derek Hale said he would ask the county council to keep a reduced service running.

Joan Pickering, 81, takes the bus twice a week to reach her doctor's surgery. "I've caught that bus for thirty years," she said. "Nobody asked us what we thought."
""",
    "wind": """Wind turbines plan divides the moor

Plans for fourteen turbines on Carrick Moor have drawn hundreds of objections.

Campaigners have formed a group to fight the scheme. Its chairman, retired headmaster Peter Lowther, said the group was not against renewable energy.
""",
    "water": """Homes left without water after main bursts

About 4,000 homes were left without water on Thursday after a main burst under Hampton Road.

Karen Doyle, who lives on Hampton Road, woke to find water pouring past her door. "There was no warning, no knock on the door, nothing," Mrs Doyle said. "We found out on Facebook."
""",
    "market": """Market traders split over Sunday opening

Traders at the covered market are divided over plans to open on Sundays.

Stallholder Ray Booth said he would not open on a Sunday. "My family comes first," Mr Booth said.
""",
    "market2": """Sunday market trial ends early

The trial of Sunday opening at the covered market has ended a month early.

Stallholder Ray Booth said the trial had been a waste of money. "Nobody came," Mr Booth said.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("reader-kinds6"), **ARTICLES)


def test_she_is_not_the_man_named_before():
    said = attributed(ARTICLES["bus"])
    assert said[next(s for s in said if s.startswith('"I\'ve caught'))] == "Joan Pickering"
    assert said['"Nobody asked us what we thought."'] == "Joan Pickering"
    # "he said" after a woman is named goes back to the man
    said = attributed("Mr Hale spoke first. Mrs Lopez runs the shop. \"We are stranded,\" he said.")
    assert said['"We are stranded," he said.'] == "Mr Hale"


def test_a_subject_named_with_a_role_is_whom_he_means():
    said = attributed('"It was a tough game," said Mr O\'Sullivan. Scrum-half Peter Stringer was also glad of the win. '
                      '"All credit to them," he told BBC Sport.')
    assert said['"All credit to them," he told BBC Sport.'] == "Peter Stringer"


def test_a_role_set_off_before_a_described_name_is_that_person():
    lowther = attribute("Its chairman, retired headmaster Peter Lowther, said the group was not against renewable energy.",
                        None, None)
    assert lowther.speaker == "Peter Lowther" and "chairman" in lowther.phrase
    # a place or a clause set off after a body is no person
    assert attribute("The company, based in New York, said profits rose.", None, None).speaker == "The company"


def test_words_of_a_person_named_in_one_article_are_shown_not_sure(index):
    (answer,) = ask_json(index, "what did Karen Doyle say about how she learned of the burst?")
    assert not answer["no_answer"] and answer["unsure"]
    assert any("found out on Facebook" in a["text"] for a in answer["answers"])
    (answer,) = ask_json(index, "What did Joan Pickering say about the route being cut?")
    assert "Nobody asked us" in " ".join(a["text"] for a in answer["answers"])
    assert "not against renewable energy" in first_text(ask_json(index, "What did Lowther say about the turbines?")[0])


def test_a_person_named_in_two_articles_without_the_topic_is_refused(index):
    (answer,) = ask_json(index, "what did Ray Booth say about parking charges?")
    assert answer["no_answer"]
    (answer,) = ask_json(index, "what did Ray Booth say about the trial?")
    assert not answer["no_answer"] and "waste of money" in first_text(answer)


def test_one_who_speaks_in_a_relative_clause_and_who_said_a_quotation(tmp_path):
    said = attributed('Beta text about kites flown by Kim Yates, who said "wind is everything".')
    assert said['Beta text about kites flown by Kim Yates, who said "wind is everything".'] == "Kim Yates"
    # a relative clause with a verb of news, not of words, gives no one's words
    assert attribute("The speech was pre-empted by Jacques Chirac, who announced his attendance at the last minute.",
                     None, None).speaker is None
    index = index_articles(tmp_path, bridge="""Harbour bridge to close for repairs

The harbour bridge will close to all traffic for six weeks from 4 May.

"We know this will be painful for commuters, but the cables have reached the end of their safe life," said council leader Fiona Garrity. "Doing nothing is not an option."
""")
    (answer,) = ask_json(index, 'who said "Doing nothing is not an option"?')
    first = answer["answers"][0]
    assert "said council leader Fiona Garrity" in first["text"] and first["text"].endswith("not an option.\"")
