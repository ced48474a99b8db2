"""A speech question's speaker's own words ranked by the fitted speech weights beside the linear ranker
(``SpeechParams.own_weights``, ``OwnWords.own_inputs``, fitted by ``bench/fit_speech_rank.py``): X's quotation before
X's report of the same story when they score alike (the report restates the question's words, the quotation is what X
said), and X's words in the article that holds the whole topic before X's words in another story that holds part of
it (a speaker quoted in many stories). Real articles written here, the real CLI as a subprocess; with the weights at
0 the linear ranker's order comes back."""

from __future__ import annotations

import pytest

from conftest import answer_texts, first_text, ask_json, index_articles

ARTICLES = {
    "garside": """Valley Party candidate suspended

The Green Valley Party has suspended a council candidate for allegedly suggesting that travellers should be banned from the county.

Tom Garside, 47, was due to stand in the Ashby ward at the next election. But he was suspended after his reported views, including the closure of all travellers' sites, were sent to two local newspapers. Party spokesman Neil Brannock said those who selected Mr Garside knew nothing of his views on travellers. The episode comes at a difficult time for the party, soon after the departure of its leader. Mr Garside is alleged to have written that the sites should be "cleared by the spring" and proposed new powers for the police. Mr Brannock said the main issue would be that Mr Garside's reported views had been presented as party policy, which they were not. He said they might have been letters to a committee working on the party's manifesto. He told BBC News: "He appears to have written these things. We have suspended him as a member and as a candidate. "It is simply a distraction from the task in hand, the council budget, not individual idiocies." Mr Garside was quoted in the Ashby Gazette saying: "I feel the party have over-reacted."

Party chairman Alan Pryce said he had suspended Mr Garside on Friday night.
""",
    "perth": """Lane falls to Dent in Perth

Kim Lane suffered a shock defeat to Taylor Dent in the quarter-finals of the Perth Hardcourt Championships on Friday.

The top seed lost 6-4 6-3 and now heads to Sydney for next week's tournament.

"When you've been number one in the world for a couple of years and won a couple of slams, you look at the big picture and what motivates you," said Lane. "That's the Grand Slams and Melbourne's as big as it gets for me."

"I will go to Sydney and try to play better there," Lane added.

Dent will face Joachim Johansson in the semi-finals.
""",
    "sydney": """Lane claims fourth Sydney title

Kim Lane won the Sydney International for the fourth time with a straight-sets victory over Ivan Ljubicic in the final on Saturday.

The Australian top seed won 7-5 6-0 to warm up for the Australian Open in style.

"Sydney just keeps getting better and better every year," Lane said. "I've only played this tournament four times and I've won it four times."

Lane faces a tough draw in Melbourne next week.
""",
}

SPOKESMAN = "What did party spokesman Neil Brannock say about the Garside episode?"
TOURNAMENT = "what did Lane say about the Sydney International"
NONE = {"speech": {"own_weights": [0.0, 0.0]}}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("speech_rank15"), **ARTICLES)


def test_xs_quotation_comes_before_the_report_that_restates_the_question(index):
    text = first_text(ask_json(index, SPOKESMAN)[0])
    assert text.startswith('He told BBC News: "He appears to have written these things.'), text
    assert "We have suspended him as a member and as a candidate." in text


def test_without_the_speech_weights_the_report_comes_first(index, tmp_path):
    texts = answer_texts(index, SPOKESMAN, NONE, tmp_path)
    assert texts[0].startswith("Party spokesman Neil Brannock said those who selected Mr Garside"), texts
    assert texts[1].startswith('He told BBC News:'), texts


def test_xs_words_in_the_story_of_the_whole_topic_come_first(index):
    answer = ask_json(index, TOURNAMENT)[0]
    texts = [a["text"] for a in answer["answers"]]
    assert texts[0].startswith('"Sydney just keeps getting better and better every year," Lane said.'), texts
    assert "I've only played this tournament four times" in texts[0]
    assert answer["answers"][0]["article"]["title"] == "Lane claims fourth Sydney title", answer["answers"][0]
    # the words of the other story, which names Sydney and not the tournament, come after
    assert texts[1].startswith('"I will go to Sydney and try to play better there," Lane added.'), texts


def test_without_the_speech_weights_the_other_story_comes_first(index, tmp_path):
    texts = answer_texts(index, TOURNAMENT, NONE, tmp_path)
    assert texts[0].startswith('"I will go to Sydney and try to play better there,"'), texts


def test_the_fitted_weights_are_shipped():
    from qabot.answering.params import AnswerParams

    quote, article = AnswerParams.default().speech.own_weights
    assert quote > 0 and article > 0
