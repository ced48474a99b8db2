"""Speech questions whose speaker is described rather than named, of kinds the blind BBC question sets showed
(bench/data/news_tuning3.jsonl, reader_tuning5.jsonl, speech_tuning.jsonl): a rank of two role words ("Detective
Inspector"), a club's boss asked for as its manager, "he said" after a subject described by a role, and a described
speaker whose words are not found answered from the topic as "not sure" rather than refused. Real articles written
here; the real CLI as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, attributed, first_text, index_articles
from qabot.speakers import described_people, speaker_matches

ARTICLES = {
    "burglar": """Police praise courageous singer

Rock star Ozzy Osbourne has been praised by police for tackling a burglar who stole jewellery from his house.

The singer grabbed an intruder who then jumped from a first floor window. "I acted on impulse," Osbourne said. Detective Inspector Paul Miller of Thames Valley Police said it appeared a man used a ladder to get into the house. "The burglar was disturbed by Ozzy who very courageously tackled this burglar and pursued him from the house," he said.
""",
    "weir": """Weir poised for Sunderland move

Larne's teenage star Robbie Weir is poised to join Sunderland after turning down a move to Stoke City.

But Larne boss Jimmy McGeough has yet to confirm that Weir is on his way. "I heard on Sunday that he has joined Sunderland, but not from the lad himself," he said. "It would be great to see him making it at Sunderland."
""",
    "jackson": """Media seek Jackson juror notes

Reporters covering singer Michael Jackson's trial in California have asked to see questionnaires completed by potential jurors.

The court is selecting 12 jurors for the trial, a process delayed after a member of the star's family fell ill. Defence lawyers argued against the bid by news organisations to have the responses made public.

"The release of the completed jury questionnaires does not serve any purpose other than to add to the sensationalist coverage of this case," a motion by Mr Jackson's lawyers stated. The trial is expected to last five months.

Jackson's legal team was hit by family illness this week, and the trial was put back by a day.
""",
    "councils": """Councils given 6% funding rise

Welsh councils have been given an average funding increase of 6% by the assembly government.

Plaid Cymru's local government spokesman Dai Lloyd called the announcement "hugely disappointing". He said: "Wales and its councils have been short changed yet again. This settlement will mean a massive hike in council tax."
""",
    "semi": """Hewitt fights back to reach final

Lleyton Hewitt kept his dream of an Australian Open title alive with a four-set win over Andy Roddick in Friday's second semi-final.

The home favourite will face Marat Safin in Sunday's final. Roddick was furious with himself for failing to take advantage of leads in both tie-breaks. "I'm usually pretty money in those," said Roddick. "I'm mad, I felt I was in there with a shot. I donated a little more than I would have wanted."
""",
    "diplomat": """Putin meets China's top diplomat

Russian President Vladimir Putin met Wang Yi, China's top foreign policy official, in Moscow on Wednesday.

"We don't want to see the crisis expand," Wang said.

U.S. officials have warned that China could seek to support Russia with weapons.
""",
    "cup": """Moya clinches Cup for Spain

Spain won the Davis Cup after Carlos Moya beat Andy Roddick in the fourth rubber in Seville.

"I think we put up a better fight here than in Paris two years ago," said Roddick, who was on the US team which lost to France in the 2002 semi-finals.
""",
    "tax": """Blair sets out tax plans

Tony Blair has set out Labour's plans for income tax ahead of the election.

"We will not raise the basic rate of income tax," Mr Blair said. The Conservatives say the plans do not add up.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("described-speakers"), **ARTICLES)


def test_a_rank_of_two_role_words_is_either_role():
    assert speaker_matches("the police detective", "Detective Inspector Paul Miller of Thames Valley Police")
    assert speaker_matches("the inspector", "Detective Inspector Paul Miller")
    # not a possessive, a group's word, nor a role made another's
    assert not speaker_matches("the chairman", "Chairman's spokesman")
    assert not speaker_matches("the team", "Team physio Mark Davies")
    assert not speaker_matches("the mayor", "Deputy Mayor Nicky Gavron")


def test_the_rank_finds_the_detectives_words(index):
    (answer,) = ask_json(index, "What did the police detective say about how Ozzy dealt with the burglar?")
    assert "very courageously tackled this burglar" in first_text(answer) and not answer["unsure"]  # his own words


def test_a_clubs_boss_is_its_manager(index):
    assert speaker_matches("Larne's manager", "Larne boss Jimmy McGeough")
    assert speaker_matches("the Chelsea boss", "Chelsea manager Jose Mourinho")
    assert not speaker_matches("the manager", "director Steven Spielberg")  # two titles never match each other


def test_he_said_after_a_subject_described_by_a_role(index):
    said = attributed(ARTICLES["weir"])
    assert said['"I heard on Sunday that he has joined Sunderland, but not from the lad himself," he said.'] \
        == "Jimmy McGeough"  # not "Larne": "boss" is no verb of a subject "Larne"
    (answer,) = ask_json(index, "What did Larne's manager say about Robbie Weir joining Sunderland?")
    assert "he has joined Sunderland" in first_text(answer) and not answer["unsure"]


def test_a_role_described_in_four_words_keeps_whose_it_is(index):
    # "Plaid Cymru's local government spokesman Dai Lloyd": three words before the role lost "Plaid", and with it
    # the body his words speak for
    assert "Plaid Cymru's local government spokesman" in described_people(ARTICLES["councils"])["lloyd"]
    (answer,) = ask_json(index, "What did Plaid Cymru say about the funding settlement?")
    assert "short changed yet again" in first_text(answer) and not answer["unsure"]  # his own words, as Plaid's


def test_a_described_speaker_whose_words_are_not_found_is_answered_from_the_topic_as_not_sure(index):
    # "a motion by Mr Jackson's lawyers stated" is no words of "Jackson's defence team" to attribution: the passages
    # about the topic in the article naming the team are shown, as not sure, rather than no answer
    (answer,) = ask_json(index, "What did Jackson's defence team say about releasing the jury questionnaires?")
    assert answer["no_answer"] is False and answer["unsure"] is True
    assert any("sensationalist coverage" in a["text"] for a in answer["answers"])
    # a speaker asked for by name is found by name: no words of theirs about it stays no answer
    (named,) = ask_json(index, "What did Blair say about the jury questionnaires?")
    assert named["no_answer"] is True and "no words of 'Blair'" in named["message"]
    # a role no article ties to the topic stays no answer too
    (role,) = ask_json(index, "What did the prosecutor say about the euro?")
    assert role["no_answer"] is True


def test_a_group_speaker_is_not_the_one_member_the_article_describes(index):
    # "Wang Yi, China's top foreign policy official": "U.S. officials have warned" are many officials, not him
    (answer,) = ask_json(index, "What did Wang Yi say about weapons?")
    assert answer["no_answer"] is True and "no words of 'Wang Yi'" in answer["message"]


def test_the_speakers_words_in_the_story_of_the_topic_are_about_it(index):
    # the headline and lede name Roddick and the semi-final: his words there are about his defeat, though they
    # never name it; shown after his words that name the topic, here a Davis Cup quotation naming "semi-finals"
    (answer,) = ask_json(index, "What was Roddick's reaction to his semi-final defeat by Hewitt?")
    texts = [a["text"] for a in answer["answers"]]
    assert answer["no_answer"] is False and any("I'm mad" in t for t in texts)
