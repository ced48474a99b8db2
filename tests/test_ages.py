"""How old is X: the sentence giving X an age goes first, and articles giving ages only to others refuse
(``answering.ages``, ``GateParams.focus_age``). Small articles written here, asked through the real CLI."""

from __future__ import annotations

import pytest

from conftest import ask_json, first_text, index_articles

from qabot.answering.ages import person

SQUAD = """Wales name unchanged pack for France

Wales coach Mike Ruddock has kept faith with the pack that beat England, with Wales prop Adam Jones again in the front row.

The 21-year-old Blues prop Gethin Jenkins is the only uncapped player in the squad, while the 30-year-old hooker Mefin Davies keeps his place.

Ruddock said Adam Jones had been outstanding in the scrum and deserved his chance against the French.
"""

SPRINT = """Gatlin and Hayes win Owens awards

American Olympic stars Justin Gatlin and Joanna Hayes have been named the winners of the 2004 Jesse Owens Awards.

Gatlin, 22, won the closest 100m final in Games history with a career-best time of 9.85 seconds in Athens.

Hayes, 27, set an Olympic record in winning the 100m hurdles.
"""

RELAY = """Britain edge Americans in relay

Britain won the relay gold when the USA stumbled with a poor switch between sprinter Justin Gatlin and Coby Miller.

The British quartet held on in the final strides to win by one hundredth of a second, and sprinter Justin Gatlin was left to rue the handover.
"""

FESTIVAL = """Patti Smith to host arts festival

Rock star Patti Smith has been made artistic director of this year's Meltdown festival in London.

The punk pioneer follows David Bowie in directing 15 days of concerts. "I want to touch on all aspects of our culture," she said.

The 58-year-old US singer told a newspaper the festival would answer greedy times.
"""


@pytest.mark.parametrize("question, name", [
    ("How old is Arsenal vice-chairman David Dein?", ("David", "Dein")),
    ("How old was Jim Morrison when he died?", ("Jim", "Morrison")),
    ("How old is Merck's head of research Peter Kim?", ("Peter", "Kim")),
    ("how old is aer lingus boss willie walsh", ("walsh",)),
    ("How old is the Harlow Street bridge?", ()),
    ("How much did it cost?", ()),
])
def test_whose_age_a_question_asks(question, name):
    assert person(question) == name


def test_ages_given_only_to_others_are_no_answer(tmp_path):
    answer, = ask_json(index_articles(tmp_path, squad=SQUAD), "How old is Wales prop Adam Jones?")
    assert answer["no_answer"] is True
    assert "never give an age of Adam Jones" in answer["message"]


def test_the_sentence_giving_the_person_an_age_goes_first(tmp_path):
    """The relay report names "sprinter Justin Gatlin" twice and ranks first by the question's words; "Gatlin, 22,"
    answers it."""
    index = index_articles(tmp_path, sprint=SPRINT, relay=RELAY, squad=SQUAD, festival=FESTIVAL)
    answer, = ask_json(index, "How old is sprinter Justin Gatlin?")
    assert first_text(answer).startswith("Gatlin, 22,")
    hayes, = ask_json(index, "How old is Joanna Hayes?")
    assert first_text(hayes).startswith("Hayes, 27,")


def test_an_age_by_which_the_article_speaks_of_its_headline_person(tmp_path):
    """"The 58-year-old US singer" names nobody, but the article's headline and subject is Patti Smith."""
    answer, = ask_json(index_articles(tmp_path, festival=FESTIVAL, squad=SQUAD), "How old is Patti Smith?")
    assert "58-year-old" in first_text(answer)
    (tmp_path / "b").mkdir()
    headline = SQUAD.replace("Wales name unchanged pack for France", "Adam Jones keeps his place for France")
    other, = ask_json(index_articles(tmp_path / "b", squad=headline), "How old is Wales prop Adam Jones?")
    assert other["no_answer"] is True  # "The 21-year-old Blues prop" is another: the sentence names Gethin Jenkins


@pytest.mark.parametrize("sentence, owner", [
    ("Gatlin, 22, won the closest 100m final in Games history.", "Gatlin"),
    ("Merck's head of research Peter Kim (54) left.", "Kim"),
    ("The 21-year-old Blues prop Gethin Jenkins is the only uncapped player.", "Jenkins"),
    ("The difficult start that 27-year-old Almunia has made to his career.", "Almunia"),
    ("The 25-year-old shocked Pete Sampras in the 2000 US Open final.", None),
    ("The 58-year-old US singer told The Observer newspaper that it would.", None),
    ("The Doors frontman, who died aged 27 in 1971, plays a young man.", None),
    ("Wenger has faith in the 27-year-old Spaniard, who was signed last summer.", None),
])
def test_whose_age_the_words_around_it_say(sentence, owner):
    from qabot.answering.ages import _owner
    from qabot.lexicon import AGE

    assert _owner(sentence, AGE.search(sentence)) == owner


@pytest.mark.parametrize("question, name", [
    ("How old is Radio 1 DJ Joel Ross?", ("Joel", "Ross")),
    ("How old is Kristin Scott Thomas, the star of Man to Man?", ("Kristin", "Scott", "Thomas")),
    ("How old is U2?", ()),
])
def test_a_name_ends_at_an_acronym_a_number_or_a_comma(question, name):
    assert person(question) == name
