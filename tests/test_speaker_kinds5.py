"""Speech questions whose speaker is not a plain capitalised name, of kinds a blind set of BBC questions showed
(bench/data/reader_tuning5.jsonl): quotation marks written as two apostrophes, a statement that speaks for its
author, a party named by its members or its other name, a quotation that goes on in the next paragraph, a clause
between a quotation's speaker and the verb, a role right before or set off before a name, an epithet for the
person a story is about, experts asked for in the plural, a name typed in lower case and misspelt. Real articles
written here; the real CLI as a subprocess where the whole answer matters."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, attributed, first_text, index_articles
from qabot.speakers import attribute, speaker_matches

ARTICLES = {
    "cup": """Newry lodge cup appeal

The IFA upheld its decision to throw Newry out of the cup after a registration row.

''A law firm will put a case forward for the club,'' said Newry boss Roy McCreadie. ''We are being kept in the dark about the meeting.''
""",
    "show": """Singer's show draws complaints

Viewers complained about the rapper's performance on the chart show in April.

"The performer had been asked to tone his act down after rehearsal," a BBC statement read.
""",
    "housing": """Parties clash over first homes

The Liberal Democrats have set out plans to help first-time buyers onto the housing ladder.

Conservative leader Michael Howard said the plans for first-time buyers were "a gimmick that would cost billions".
""",
    "stadium": """Club weighs share listing

Arsenal vice-chairman David Dein has said the club may seek a listing for its shares.

"When the new stadium opens we will go through a thorough financial review," Mr Dein said.

"A listing would be one option for the shares, but no decisions have been made."
""",
    "feta": """Feta row reaches court

Denmark and Germany are challenging the ruling on the name of the cheese.

"In our opinion the word feta is a generic designation," Hans Arne Kristiansen, a spokesman for the Danish Dairy Board, told the BBC.
""",
    "film": """Hoffman hits out over modern film

Hollywood legend Dustin Hoffman has hit out at the quality of current films.

The star of Rain Man and Tootsie said the film culture was "in the craphouse" at a press conference.
""",
    "rates": """Growth lifts rate expectations

The economy grew faster than expected in the last quarter, official figures show.

"The next move in interest rates is now more likely to be upward," said Simon Rubinsohn, chief economist at Gerrard.
""",
    "smoking": """Smoking ban plan questioned

The first minister set out a ban on smoking in enclosed public places.

The Scottish Conservative Party leader, David McLetchie, questioned what would be exempted from the ban. Mr McLetchie asked: "Would it be ironic that criminals in prisons can still be smokers?"
""",
    "cards": """Clarke vows to press on with ID cards

New Home Secretary Charles Clarke has vowed to press on with plans for identity cards.

"ID cards are a means to creating a more secure society," Mr Clarke said.
""",
    "court": """Judge rules on oil firm

Judge Clark ruled against the oil firm on Friday, and Charles Kennedy welcomed the ruling.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("reader-kinds"), **ARTICLES)


def _first(index: Path, question: str) -> str:
    (answer,) = ask_json(index, question)
    return first_text(answer)


def test_two_apostrophes_are_quotation_marks(index):
    said = attributed(ARTICLES["cup"])
    assert said["''A law firm will put a case forward for the club,'' said Newry boss Roy McCreadie."] == "Roy McCreadie"
    assert said["''We are being kept in the dark about the meeting.''"] == "Roy McCreadie"  # his quotation goes on
    assert "kept in the dark" in _first(index, "What did the Newry boss say about the meeting?")


def test_a_statement_speaks_for_its_author(index):
    assert speaker_matches("Crosby", "Mr Crosby's statement")
    assert speaker_matches("the IAAF", "An IAAF statement")
    assert not speaker_matches("Blair", "A Labour statement")
    # "read" attributes only beside a quotation
    assert attribute("He read the report and said nothing about it.", None, None).speaker != "He read"
    assert "tone his act down" in _first(index, "What did the BBC say about the rapper's performance?")


def test_a_party_is_named_by_its_members_or_its_other_name(index):
    assert speaker_matches("the Tories", "The Conservatives")
    assert speaker_matches("the Lib Dems", "The Liberal Democrats")
    assert speaker_matches("the Tories", "Conservative local government spokesman Glyn Davies")
    assert speaker_matches("the Scottish Tory leader", "The Scottish Conservative Party leader, David McLetchie")
    # a body's leading role named before it speaks for it, a person's possessive does not
    assert speaker_matches("the Tories", "Tory leader Michael Howard")
    assert not speaker_matches("Blair", "Blair's chief of staff Jonathan Powell")
    # a plural name is no plural of a person's
    assert not speaker_matches("Williams", "Prince William")
    assert "a gimmick" in _first(index, "How did the Tories react to the plans for first-time buyers?")
    assert "criminals in prisons" in _first(index, "What did the Scottish Tory leader ask about smoking in prisons?")


def test_a_paragraph_opening_with_a_bare_quotation_goes_on_with_the_last_speaker(index):
    assert "A listing would be one option" in _first(index, "What did Mr Dein say about a listing for the shares?")


def test_a_clause_between_a_quotations_speaker_and_the_verb(index):
    said = attributed(ARTICLES["feta"])
    assert said[next(s for s in said if s.startswith('"In our opinion'))] == "Hans Arne Kristiansen"
    assert "generic designation" in _first(index, "What did the Danish Dairy Board spokesman argue about the word feta?")


def test_a_role_before_a_name_or_set_off_before_it_describes_the_speaker():
    role = attribute('Responding to the claims Tory Party co-chairman Liam Fox said: "The Lib Dems are soft on crime."', None, None)
    assert role.speaker == "Liam Fox" and speaker_matches("the tory co-chairman", role.phrase)
    set_off = attribute("Chris Panayis, managing director of ISP Freedom2surf said that it would help.", None, None)
    assert set_off.speaker == "Chris Panayis" and speaker_matches("the managing director of Freedom2surf", set_off.phrase)
    # a name that is the object of the sentence before a role with "the" is not that role's
    other = attribute("Speaking to the Radio Times, the Two Ronnies star said there is too much bad language.", None, None)
    assert other.speaker != "Radio Times"


def test_a_performer_of_a_work_is_the_person_the_story_is_about(index):
    said = attributed(ARTICLES["film"])
    assert said[next(s for s in said if s.startswith("The star of Rain Man"))] == "Dustin Hoffman"
    assert "in the craphouse" in _first(index, "What did the Rain Man star say about the film culture?")
    # typed in lower case and misspelt, the name is still found
    assert "in the craphouse" in _first(index, "what did dustin hofman say about film culture")


def test_experts_asked_for_in_the_plural_are_any_expert_there(index):
    assert speaker_matches("analysts at Gerrard", "chief economist at Gerrard, Simon Rubinsohn")
    assert not speaker_matches("the analyst", "chief economist at Gerrard, Simon Rubinsohn")
    assert "more likely to be upward" in _first(index, "What do analysts at Gerrard expect the next move in rates to be?")


def test_a_full_name_the_articles_never_write_is_the_near_name_they_do(index):
    # "Clark" and "Charles" are both in the articles, never together: "Charles Clarke" is
    (answer,) = ask_json(index, "What did Charles Clark say about ID cards?")
    assert "more secure society" in first_text(answer)
    assert "Charles Clarke" in answer["searched"]



def test_a_word_opening_the_sentence_is_no_part_of_the_speakers_name():
    assert attribute('But Ferguson said: "Both our rivals dropped points."', None, None).speaker == "Ferguson"
    assert attribute('As Paul Flynn said: "The party is deeply upset."', None, None).speaker == "Paul Flynn"
    said = attribute('"This is a simple tool," said MSN\'s Blake Irving.', None, None)
    assert said.speaker == "Blake Irving" and speaker_matches("MSN", said.phrase)
    # a thing of someone's is still not them
    assert attribute("Brown's Britain, by Robert Peston, says the chancellor is powerful.", None, None).speaker is None


def test_a_speaker_from_a_body_between_dashes_or_naming_itself():
    assert attribute('"We are a nation of lazy so-and-sos," David Noone from Intervoice said.', None, None).speaker \
        == "David Noone from Intervoice"
    assert speaker_matches("David Noone", "David Noone from Intervoice")
    assert attribute('"We saw street hustlers do this," Andrei Illarionov - then adviser to President Vladimir Putin - told '
                     'a press conference.', None, None).speaker == "Andrei Illarionov"
    said = attribute('"It is a debt-free company," Shareholders United\'s Sean Bones told the BBC.', None, None)
    assert said.speaker == "Sean Bones" and speaker_matches("Shareholders United", said.phrase)
    # a body names itself in its words; a body named inside the quotation is not its speaker
    assert attribute('"Know that the FBI does not send such e-mails," the FBI said in a statement.', None, None).speaker == "FBI"
    assert attribute('"I will go as soon as the board of directors asks me to," he said.', None, None).speaker \
        != "the board of directors"
    assert attribute('Caprice, who left in the fourth eviction, afterwards said: "I am so happy."', None, None).speaker == "Caprice"
