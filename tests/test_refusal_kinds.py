"""The refusal policy of speech questions, kind by kind (issue 12): when X's own words about Y are not found,
what a careful reader would want instead of a refusal ("not sure: closest passages"), and what stays refused.
Real articles written here, the real answerer and the real CLI as a subprocess."""

from __future__ import annotations

import json

import pytest

from conftest import index_articles, run
from dataclasses import replace

from qabot.answering import Answerer
from qabot.answering.params import AnswerParams
from qabot.index import Index

TENNIS = (
    "Koval battles into last eight\n\n"
    "Top seed Anna Koval had to save two match points before squeezing past Maria Lind at the Doha Open.\n\n"
    "The world number one took two hours to win 4-6 6-3 7-6, and will now face Petra Holm.\n\n"
    "\"I definitely had a slow start again,\" she said after the match in Doha.\n\n"
    "Holm beat Eva Strand 6-2 6-1 earlier in the day.\n")
REFEREES = (
    "Referee explains free-kick decision\n\n"
    "Referee Graham Poll said he applied the laws of the game in allowing the quick free-kick in Sunday's draw.\n\n"
    "\"The whistle doesn't need to be blown,\" said Poll.\n\n"
    "Former referees' chief Philip Dunn backed Poll's decision to allow the strike.\n\n"
    "The club's manager Jose Mourinho said the goal should never have stood.\n")
WEATHER = (
    "Storms expected across the north\n\n"
    "The weather forecast for the weekend warns of heavy rain and gales in the north.\n\n"
    "Forecaster Tom Reed said the storms would ease by Monday.\n\n"
    "\"Anna Koval will hate this weather forecast,\" joked the coach of the local tennis club, Ben Hart.\n")
TICKETS = (
    "Mobiles double up as bus tickets\n\n"
    "Passengers in Hanau will pay for bus tickets by passing their phone over a reader, with Nokia running the trial.\n\n"
    "The system would reduce queues and make travelling easier, said Nokia.\n")


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """The four articles above, indexed through the CLI."""
    tmp = tmp_path_factory.mktemp("refusals")
    return index_articles(tmp, tennis=TENNIS, referees=REFEREES, weather=WEATHER, tickets=TICKETS)


@pytest.fixture(scope="module")
def answerer(index) -> Answerer:
    return Answerer(Index.open(index))


@pytest.fixture(scope="module")
def shown(index) -> Answerer:
    """The same articles, with the sentences naming X beside the topic shown as "not sure" (off by default)."""
    params = AnswerParams.default()
    return Answerer(Index.open(index), answer_params=replace(params, speech=replace(params.speech, told_with_topic=True)))


def test_a_sentence_naming_x_beside_the_topic_is_refused_by_default_and_not_sure_when_asked_for(answerer, shown):
    # by default X's words or nothing: the held-out and blind checks did not show the rule to help
    assert answerer.ask("What did Koval say after squeezing past Lind?").no_answer
    answerer = shown
    # Koval never speaks of the match she squeezed through: the sentence telling it is the closest thing
    answer = answerer.ask("What did Koval say after squeezing past Lind?")
    assert not answer.no_answer and answer.unsure
    assert answer.evidence[0].text.startswith("Top seed Anna Koval had to save two match points")
    # the sentence naming her holds every word of the topic ("saved" as "save")
    answer = answerer.ask("What did Anna Koval say about the two match points she saved?")
    assert not answer.no_answer and answer.unsure
    assert "Anna Koval had to save two match points" in answer.evidence[0].text


def test_words_attribution_missed_are_shown_as_not_sure(answerer):
    answer = answerer.ask("What did Nokia say the system would do?")
    assert not answer.no_answer
    assert any("reduce queues" in e.text for e in answer.evidence)


def test_x_and_the_topic_that_never_meet_in_a_sentence_stay_refused(answerer):
    # another speaker's words that name X and the topic are not X's ("Anna Koval will hate this weather forecast")
    answer = answerer.ask("what did Koval say about the weather forecast")
    assert answer.no_answer and answer.message.startswith("no words of 'Koval' about 'weather forecast'")
    # a topic of one word meets X by chance ("... at the Doha Open"): refused
    answer = answerer.ask("what did Koval say about Doha")
    assert answer.no_answer
    # a speaker the articles never name is refused as before
    answer = answerer.ask("what did Serena Williams say after squeezing past Lind?")
    assert answer.no_answer


def test_a_role_needs_every_word_of_it_and_the_whole_topic_in_the_sentence(shown):
    answerer = shown
    answer = answerer.ask("What did the former referees' chief say about Poll's decision?")
    assert not answer.no_answer and answer.unsure
    # the role's sentence names who holds it (Philip Dunn): not the manager who speaks next
    assert answer.evidence[0].text.startswith("Former referees' chief Philip Dunn backed Poll's decision")
    assert all("Mourinho" not in e.text for e in answer.evidence)
    # a role with a word no sentence holds beside the topic is refused ("the world number one" is never
    # written beside "slow start" ... here "the former world number one" is not written at all)
    assert answerer.ask("What did the former world number one say about the free-kick decision?").no_answer


def test_a_role_named_in_the_sentence_is_asked_as_that_person_in_that_article(tmp_path):
    index = index_articles(tmp_path, referees=REFEREES.replace(
        "backed Poll's decision to allow the strike.\n",
        "backed Poll's decision to allow the strike. "
        "\"The advantage should go to the non-offending team,\" Dunn told the radio station.\n"))
    answer = Answerer(Index.open(index)).ask("What did the former referees' chief say about Poll's decision?")
    assert not answer.no_answer and not answer.unsure
    assert answer.evidence[0].text.startswith("\"The advantage should go to the non-offending team,\" Dunn told")


def test_another_speakers_words_for_a_question_about_x_are_not_sure_through_the_cli(seeds):
    # "what was Wang's reaction to the talks?": Wang's words never hold "talks"; the plain ranking's best
    # sentence is Putin's ("we are talking"), so the answer is shown as not sure, with a low confidence
    result = run("ask", "what was Wang's reaction to the talks?")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Not sure: closest passages\n")
    answer = json.loads(run("ask", "--json", "what was Wang's reaction to the talks?").stdout)
    assert not answer["no_answer"] and answer["unsure"]
    assert answer["confidence"] <= 0.25 and answer["answers"][0]["confidence"] <= 0.25
    # Wang's own words still answer, surely, what they are about
    answer = json.loads(run("ask", "--json", "what did Wang say about Ukraine").stdout)
    assert not answer["unsure"] and "Wang said" in answer["answers"][0]["text"]


def test_not_sure_through_the_cli_with_a_confidence(tmp_path):
    index = index_articles(tmp_path, tennis=TENNIS, weather=WEATHER)
    question = "What did Koval say after squeezing past Lind?"
    assert json.loads(run("ask", "--index", str(index), "--json", question).stdout)["no_answer"]  # off by default
    params = tmp_path / "params.json"
    params.write_text('{"speech": {"told_with_topic": true}}', encoding="utf-8")
    result = run("ask", "--index", str(index), "--params", str(params), question)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Not sure: closest passages\n> Top seed Anna Koval had to save")
    answer = json.loads(run("ask", "--index", str(index), "--params", str(params), "--json", question).stdout)
    assert answer["unsure"] and not answer["no_answer"] and isinstance(answer["confidence"], float)
    refused = json.loads(run("ask", "--index", str(index), "--params", str(params), "--json",
                             "what did Koval say about the weather forecast").stdout)
    assert refused["no_answer"] and refused["message"] == "no words of 'Koval' about 'weather forecast' in 2 articles"


def test_a_web_name_speaker_is_searched_as_the_articles_words(tmp_path):
    index = index_articles(tmp_path, web=(
        "File-sharing site shuts\n\n"
        "The widely used file-sharing site Suprnova.org has closed after legal action by film studios.\n\n"
        "Suprnova.org said it was closing down for good in the way that we all know it.\n"))
    answer = json.loads(run("ask", "--index", str(index), "--json", "what did Suprnova.org say").stdout)
    assert not answer["no_answer"], answer["message"]
    assert answer["answers"][0]["text"].startswith("Suprnova.org said it was closing down for good")
