"""Kinds of BBC news question whose answer stands past the sentence that names the subject (rank7, 2026-12-03):
a short story's later passage that calls its subject "the 58-year-old" or "the actor", a how much question whose best
sentence gives no amount, a why question whose best sentence gives no cause, a who question answered by the doer of its verb ("His creator"),
a "which studio" question whose best sentence names no studio, and a country asked by its
adjective ("the Chinese economy": "growth in China"). Real articles written here, indexed and asked through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import answer_texts as ask
from conftest import ask_json, run, write_articles

ARTICLES = {
    "singer.txt": """Nina Marsh to host arts festival

Rock star Nina Marsh has been made artistic director of this year's Harbour festival, to be held at the Leeds waterfront in June.

Organisers said the two-week festival would mix music, film and poetry, with events on three stages along the river and a programme for schools.

Tickets go on sale next month, and the organisers expect more than 40,000 visitors over the fortnight.

The 58-year-old US singer told The Observer newspaper that the festival would be her response to these greedy times. "We should salute the best art there is," she said.
""",
    "actor.txt": """Tom Reddan gets a star on the Walk of Fame

Actor Tom Reddan, best known for his role in the Skyline films, has been awarded a star on the Hollywood Walk of Fame.

Hundreds of fans gathered on the boulevard for the ceremony, which was also attended by the film's director and several of its cast.

The actor, who was born in the Portuguese capital Lisbon, also spoke of how he left school to pursue an acting career.
""",
    "film.txt": """Skyrangers puppet film flops

The Skyrangers puppet film, made to cost far less than the Hollywood blockbusters of the summer, has flopped at the UK box office.

Critics said the puppet film was aimed at young children and would never appeal to fans of the original series.

Its makers spent $42m on the Skyrangers film and it has so far taken $6m.
""",
    "studio.txt": """Fantasy film drops religious themes

Fans of the Northern Lamps books worried about anti-religious content being cut from the film.

"They have expressed worry about the possibility of perceived anti-religious content," director Carl Wentz told a fans' website.

Wentz said the changes were being made after film studio Silver Line expressed concern.
""",
    "exports.txt": """Asian exports keep rising

Exports from the region rose again in the last quarter, with factories working at full stretch.

Growth in China remains at a breakneck 9.1%, and investment is growing at more than 25% a year.

Officials in Beijing have tried to slow lending to cool the economy.
""",
    "oscar.txt": """Producer misses out on Oscar race

Producer Carl Evans battled over his role with the people who made the film Riverboat, and won a producer's credit.

But he is not on the list of producers who can win a best film Oscar due to a limit on the number of nominees.
""",
    "avatar.txt": """Virtual presenter reads the news

The Jeremiah avatar is one such avatar.

His creator, Richard Bowden, a lecturer at the University of Surrey, refers to Jeremiah as "him".
""",
    "buses.txt": """Council approves new bus lanes

The city council has approved three new bus lanes in the centre of Leeds.

Councillor Ann Pike said the lanes would cut journey times for thousands of people, as the local economy grows.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    """The articles cut into passages of a sentence or two (``--max-tokens 40``), so a story has several."""
    tmp = tmp_path_factory.mktemp("story-kinds")
    folder = write_articles(tmp / "articles", ARTICLES)
    result = run("index", str(folder), "--index", str(tmp / "idx"), "--max-tokens", "40")
    assert result.returncode == 0, result.stderr
    return tmp / "idx"


@pytest.mark.parametrize("question, words", [
    ("How old is Nina Marsh?", "The 58-year-old US singer"),
    ("In which city was Tom Reddan born?", "born in the Portuguese capital Lisbon"),
])
def test_the_rest_of_a_short_story_found_is_read(index, tmp_path, question, words):
    # only the best passage read by BM25 (the lede, which names the subject): the passage that calls the subject
    # "the 58-year-old" or "the actor" is read too because it is the rest of that short story, and answers first
    read = ask(index, question, {"retrieval": {"candidate_passages": 1}}, tmp_path)
    assert words in read[0]
    unread = ask(index, question, {"retrieval": {"candidate_passages": 1, "short_story": 0}}, tmp_path)
    assert not any(words in text for text in unread)


def test_a_sentence_describing_the_story_subject_stands_for_it(index, tmp_path):
    # "The actor, who was born in ..." is about Tom Reddan, whom the headline names: with the rule off it is
    # still read, but ranked as a sentence that holds only "born"
    on = ask(index, "In which city was Tom Reddan born?", {}, tmp_path)
    assert "Lisbon" in on[0]
    scores = {}
    for story_subject in (True, False):
        path = tmp_path / "p.json"
        path.write_text(json.dumps({"features": {"story_subject": story_subject}}), encoding="utf-8")
        result = run("ask", "In which city was Tom Reddan born?", "--index", str(index), "--json", "--params", str(path))
        answers = json.loads(result.stdout)["answers"]
        scores[story_subject] = next(a["score"] for a in answers if "Lisbon" in a["text"])
    assert scores[True] > scores[False]


def test_a_how_much_question_puts_the_near_tie_holding_an_amount_first(index, tmp_path):
    # the lede matches more of the question ("cost", "film", "puppet") but gives no amount; within the near-tie
    # margin (widened here: on this tiny corpus the two stand further apart than on the BBC's) the amount goes first
    question = "How much did the Skyrangers puppet film cost to make?"
    wide = {"gates": {"focus_margin": 10}}
    assert "$42m" in ask(index, question, wide, tmp_path)[0]
    off = {"gates": {"focus_margin": 10, "focus_cue_amount": False, "focus_amount_near": 0}}
    assert "$42m" not in ask(index, question, off, tmp_path)[0]
    no_tie = {"gates": {"focus_margin": 0.5, "focus_amount_margin": 0.5}}
    assert "$42m" not in ask(index, question, no_tie, tmp_path)[0]  # no near-tie: kept


def test_a_which_question_puts_the_near_tie_naming_one_of_its_kind_first(index, tmp_path):
    question = "which studio was worried about the Northern Lamps film"
    wide = {"gates": {"focus_margin": 10}}
    assert "film studio Silver Line" in ask(index, question, wide, tmp_path)[0]
    off = {"gates": {"focus_margin": 10, "focus_which": False}}
    assert "Silver Line" not in ask(index, question, off, tmp_path)[0]


def test_a_country_asked_by_its_adjective(index):
    # "Chinese" is not "China" to the stemmer: the country and its adjective are forms of each other
    # (the bus story's "as the local economy grows" holds every other word of the question but "fast")
    answer, = ask_json(index, "how fast is the Chinese economy growing")
    assert "9.1%" in answer["answers"][0]["text"]


def test_a_why_question_puts_the_candidate_giving_a_cause_first(index, tmp_path):
    # the first sentence restates the question; the second gives the reason ("due to a limit ..."): within the margin
    # (widened: on this tiny corpus the two stand further apart than on the BBC's) the reason goes first
    question = "why was Carl Evans left out of the Oscar race for Riverboat"
    assert "due to a limit" in ask(index, question, {"gates": {"focus_cause_margin": 12}}, tmp_path)[0]
    off = {"gates": {"focus_cause_margin": 12, "focus_cause": False}}
    assert "due to a limit" not in ask(index, question, off, tmp_path)[0]


def test_a_who_question_takes_the_doer_of_its_verb_for_the_verb(index, tmp_path):
    # "His creator, Richard Bowden" answers "who created ...": the noun for the one who creates is the verb's
    question = "Who created the Jeremiah avatar?"
    assert "Richard Bowden" in ask(index, question, {}, tmp_path)[0]
    assert "Richard Bowden" not in ask(index, question, {"gates": {"focus_agent": False}}, tmp_path)[0]
