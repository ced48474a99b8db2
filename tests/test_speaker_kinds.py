""""What did X say" for every kind of speaker (issue 13, item 1; speech_tuning.jsonl): a surname that is also
a title word, a role with a body's possessive, a body or group that speaks, a person named with a relative's
name, and X's words about a matter they call otherwise. Real articles written here, real CLI as a subprocess,
real speaker attribution."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, attributed, first_text, index_articles
from qabot.speakers import speaker_matches, speaker_phrase

ARTICLES = {
    "rates": """Bank keeps rates on hold

The Bank of England has left interest rates at 4.75% for a third month.

Last month, Bank of England governor Mervyn King said that the economy had hit a "softer patch" after strong growth. House prices fell 0.4% in October.

Prime Minister Tony Brent said the economy was "strong and stable".
""",
    "budget": """Chancellor freezes fuel duty

The chancellor has frozen fuel duty until the spring.

Foreign Secretary Jack Lane said the freeze would help hauliers abroad. Kay King, a haulier from Leeds, said the freeze was "too little, too late".
""",
    "barclays": """Barclays profits hit record level

Barclays has seen annual pre-tax profits climb to record levels.

Barclays' chief John Varley said the bank had "caught the winds" of a very strong world economy.
""",
    "lloyds": """Lloyds warns of slower year

Lloyds TSB chief executive Eric Daniels said the world economy was slowing and profits would be flat.
""",
    "mugging": """MP mugged in a park

Quentin Dale, the MP for Grantham and Stamford, was attacked in a park in Nairobi. Police are questioning several men.

"Naturally, I was afraid they would use a knife or gun," he said.
""",
    "tickets": """Band breaks ticket record

Tickets for the two concerts were sold within an hour.

"We could have sold a million tickets," said Justin Green, spokesman for organisers MCD Promoters. A spokeswoman for Ticketline said the phone lines were jammed.
""",
    "video": """Label withdraws singer's video

The new video of singer Brian Doyle has been pulled after a Dublin school complained.

St Fintian's High School says it is clearly identified in the video, while Doyle never went there. The label believed the school name was made up.
""",
    "adoption": """TV station refuses adoption show

A television station has refused to screen a show in which a woman guesses which man is her father.

Fox producers defended the show, saying it was a "positive experience". Critics said it was cruel.
""",
    "brain": """Thoughts move a cursor

Two scientists have shown that a man can move a cursor on a screen by thought alone.

Jonathan Wolpaw said the method "could help people who cannot move". Dennis McFarlane added that the tests had taken "three long years".
""",
    "phones": """Iraq to invite phone licence bids

Bids have been invited from local and foreign companies, Iraq's Ministry of Communications said.

The ministry said that it wanted to raise the "very low" share of homes with a telephone to 25% within 10 years.
""",
    "texts": """Text messages hit record

Britons sent a record number of text messages last year, the Mobile Data Association said.

The MDA said 26 billion messages were sent, and that picture messages were "taking off fast".
""",
    "tapes": """Early Elvis recordings go on sale

The recordings include banter between Presley and engineer Thorne Nogar.

"We've had them for a lot of years, and I think the people should enjoy them," Nogar's son Stephen, 57, said. "And frankly, we could use the money."
""",
    "spector": """Spector facing more legal action

Music producer Phil Spector is facing a civil action from the family of a woman found dead at his home.

His lawyers, led by Bruce Cutler, have vowed to prove him innocent. Mr Cutler said: "Phil did not cause the death of this woman. But I'm not surprised they filed a suit for money."
""",
    "studio": """Studio sued over film

A lawsuit has been filed against a film studio by a writer who says his script was copied. The studio's football film opens in May.
""",
    "match": """England ready for Wales

England forward Wayne Ross said the team was "ready for anything" before Saturday's match in Cardiff. Looking forward, the coach said little.
""",
    "ageing": """Retirement age could be scrapped

The "myth that ageing is a barrier" to contributing to society needs to be "exploded", the work and pensions minister has said.

This was why the government was considering scrapping the retirement age entirely, Alan Jones said.
""",
}
FIRMS = ("Acme", "Bolt", "Crane", "Delta", "Ember", "Flint", "Grove", "Heron", "Ivory", "Juno", "Kestrel", "Lumen")
FILLERS = {f"firm{i}": f"""{firm} sees a calm year ahead

{firm} chief executive Sam {firm}son said the world economy was calm and the world economy would stay so.
""" for i, firm in enumerate(FIRMS)}
"""Twelve stories whose chief executives speak of the world economy: the one that never writes "executive" is
read past the first ten passages only if the search finds it by "chief"."""


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("kinds"), **ARTICLES, **FILLERS)


def _ask(index: Path, question: str) -> dict:
    (answer,) = ask_json(index, question)
    return answer


_first = first_text


def test_a_surname_that_is_a_title_word_is_a_name():
    assert speaker_phrase("Mervyn King").names == ("mervyn", "king")
    assert speaker_phrase("Bank of England governor Mervyn King").names == ("mervyn", "king")
    # a title of two words stays a role, and so does a title after "the"
    for role in ("Prime Minister", "the Foreign Secretary", "Chief Executive", "the King", "Home Secretary"):
        assert speaker_phrase(role).names == (), role
    assert speaker_matches("Mervyn King", "Bank of England governor Mervyn King")
    assert speaker_matches("the Bank of England governor", "Bank of England governor Mervyn King")
    assert not speaker_matches("Kay King", "Bank of England governor Mervyn King")


def test_what_did_a_man_whose_surname_is_a_title_say(index):
    assert "softer patch" in _first(_ask(index, "what did Mervyn King say about the economy"))
    assert "too little" in _first(_ask(index, "what did Kay King say about the freeze"))
    # the Prime Minister is still a role: his words, not King's
    assert "strong and stable" in _first(_ask(index, "what did the Prime Minister say about the economy"))


def test_a_role_with_a_bodys_possessive_is_searched_by_the_bodys_name():
    from qabot.analysis import Analyzer
    from qabot.speakers import speaker_terms
    analyzer = Analyzer()
    assert set(analyzer.terms("Barclays")) <= set(speaker_terms("Barclays' chief executive", analyzer))
    assert speaker_terms("the Prime Minister", analyzer) == list(analyzer.terms("minister"))


def test_a_bodys_chief_executive_is_its_chief(index):
    # "Barclays' chief John Varley": the article never writes "executive"
    assert "caught the winds" in _first(_ask(index, "what did Barclays' chief executive say about the world economy"))
    assert "slowing" in _first(_ask(index, "what did Lloyds TSB's chief executive say about the world economy"))


def test_a_role_for_or_at_a_body_set_off_after_the_name_is_the_persons():
    from qabot.speakers import described_people
    assert described_people(ARTICLES["tickets"])["green"][0] == "spokesman for organisers MCD Promoters"
    assert described_people(ARTICLES["mugging"])["dale"][0] == "MP for Grantham and Stamford"
    assert described_people("Richard Jeffrey, chief economist at Bridgewell Securities, said rates would rise.") == {
        "jeffrey": ("chief economist at Bridgewell Securities", "chief economist at Bridgewell Securities, Richard Jeffrey")}


def test_what_did_the_bodys_spokesman_or_the_mp_say(index):
    assert "a million tickets" in _first(_ask(index, "what did the MCD Promoters spokesman say about demand for tickets"))
    assert "knife or gun" in _first(_ask(index, "what did the MP say he was afraid of"))


def test_a_school_and_a_networks_producers_are_bodies_that_speak():
    said = attributed(ARTICLES["video"] + ARTICLES["adoption"])
    assert said["St Fintian's High School says it is clearly identified in the video, while Doyle never went there."] \
        == "St Fintian's High School"
    # a subject that acts and says why: ", saying" gives their words
    assert said['Fox producers defended the show, saying it was a "positive experience".'] == "Fox producers"
    assert attributed("Police arrested two men on Friday, saying they had found drugs.") == {
        "Police arrested two men on Friday, saying they had found drugs.": "Police"}


def test_what_did_a_body_or_group_say(index):
    assert "clearly identified" in _first(_ask(index, "what did St Fintian's High School say about the video"))
    assert "positive experience" in _first(_ask(index, "what did Fox producers say in defence of the show"))
    # the school said nothing about the father
    assert _ask(index, "what did St Fintian's High School say about the father")["no_answer"] is True


def test_several_people_asked_at_once_are_each_found():
    assert speaker_phrase("Jonathan Wolpaw and Dennis McFarlane").names == ("jonathan", "wolpaw", "dennis", "mcfarlane")
    assert speaker_matches("Jonathan Wolpaw and Dennis McFarlane", "Jonathan Wolpaw")
    assert speaker_matches("Jonathan Wolpaw and Dennis McFarlane", "Dennis McFarlane")
    assert not speaker_matches("Jonathan Wolpaw and Dennis McFarlane", "Dennis Lane")
    # and an article's "A and B said" is each one's words
    from qabot.speakers import attribute
    both = attribute("Jonathan Wolpaw and Dennis McFarlane said the method worked.", None, None)
    assert both.said_by("Jonathan Wolpaw") and both.said_by("Dennis McFarlane") and not both.said_by("Ann Wolpaw")


def test_what_did_two_people_say(index):
    answer = _ask(index, "what did Jonathan Wolpaw and Dennis McFarlane say about the tests")
    assert "three long years" in _first(answer)


def test_a_body_named_in_full_once_is_the_one_a_short_mention_means():
    from qabot.speakers import named_bodies
    assert named_bodies(ARTICLES["phones"]) == {"ministry": ("Iraq's Ministry of Communications",)}
    assert named_bodies(ARTICLES["texts"]) == {"association": ("Mobile Data Association", "MDA"),
                                               "mda": ("Mobile Data Association",)}


def test_what_did_the_body_say_when_the_article_goes_on_with_a_short_name(index):
    assert "very low" in _first(_ask(index, "what did Iraq's Ministry of Communications say it wanted to achieve"))
    assert "taking off fast" in _first(_ask(index, "what did the Mobile Data Association say about picture messages"))
    assert "taking off fast" in _first(_ask(index, "what did the MDA say about picture messages"))
    # another country's ministry said nothing
    assert _ask(index, "what did Egypt's Ministry of Communications say it wanted to achieve")["no_answer"] is True


def test_a_person_named_by_a_relatives_name_and_an_age_speaks():
    said = attributed(ARTICLES["tapes"])
    assert said['"We\'ve had them for a lot of years, and I think the people should enjoy them," Nogar\'s son Stephen, 57, '
                'said.'] == "Stephen"
    assert said['"And frankly, we could use the money."'] == "Stephen"


def test_what_did_the_son_say(index):
    answer = _ask(index, "what did Stephen Nogar say about the recordings")
    assert "could use the money" in " ".join(a["text"] for a in answer["answers"])
    # his father, the engineer, is not quoted
    assert _ask(index, "what did Thorne Nogar say about the recordings")["no_answer"] is True


def test_xs_words_about_a_part_of_the_topic_word_are_the_closest(index):
    # the story calls it a "civil action" and Cutler "a suit": not sure, but his words
    answer = _ask(index, "what did Bruce Cutler say about the lawsuit")
    assert answer["unsure"] is True and "suit for money" in _first(answer)
    # a topic his words have no part of, or one the articles never write, is still refused
    assert _ask(index, "what did Bruce Cutler say about football")["no_answer"] is True
    assert _ask(index, "what did Bruce Cutler say about bitcoin")["no_answer"] is True


def test_a_players_position_is_a_role(index):
    from qabot.speakers import described_people
    assert described_people(ARTICLES["match"])["ross"][0] == "England forward"
    assert "ready for anything" in _first(_ask(index, "what did the England forward say about the match"))


def test_a_role_of_two_words_joined_by_and_speaks_after_a_quotation():
    said = attributed(ARTICLES["ageing"])
    assert said['The "myth that ageing is a barrier" to contributing to society needs to be "exploded", the work and '
                'pensions minister has said.'] == "the work and pensions minister"
    assert attributed('"We will win," Mr Smith has said.') == {'"We will win," Mr Smith has said.': "Mr Smith"}
    # "and" before a determiner joins two speakers, not two words of one role
    assert attributed("Brown and the minister said no.")["Brown and the minister said no."] != "Brown and the minister"


def test_what_did_the_work_and_pensions_minister_say(index):
    assert "myth that ageing" in _first(_ask(index, "what did the work and pensions minister say about ageing"))


# -- speech_tuning2 kinds (issues 12 and 13): a body by its initials or its spokesman, a person quoted by a role
# after being named, a name after a role's "of" phrase, and X's words linked to the topic by their paragraph

NAMED_OTHERWISE = {
    "exchange": """Fund doubts exchange bid

Norland Fund is the latest shareholder to question the plan by Kessel Boerse to buy the Anglian Stock Exchange.

In March, Kessel Boerse put an informal offer of 530 pence per share on the table. However, the ASE said the cash offer "undervalued" its business. Talks with rival bidders go on.
""",
    "final": """Singer to open the hockey final

Pop star Dana Reyes will open the Cup final in February, singing the anthem.

Organisers have promised there will be no repeat of last year's wardrobe incident. A Northern Hockey League spokesman said they were "comfortable" the show would suit a family audience.
""",
    "stunt": """Viewer sues over eating stunt

A viewer is suing a television network over a stunt in which contestants ate worms.

Owen Pratt is taking action against KTV over its programme Dare Night. A spokesman for KTV said it had no comment on the lawsuit.
""",
    "novel": """Fantasy book wins film deal

A British author has sold the film rights to her first novel for a large sum, with Rory Vance set to direct.

The director said he was "thrilled" with the project. "Wolf Moon is an enchanting book," he said. The author began writing it in 1982 while studying at Oxford.
""",
    "comedy": """Broadcaster to pour money into comedy

The Corvid Channel is to invest £9m in new comedy programmes outside London.

The changes come as part of a shake-up of several departments. Teams in the daytime departments will move to Leeds. Director of programmes Jana Bellweather said the changes were about "getting the best ideas on screen". Similar posts will be created in other departments.
""",
}


@pytest.fixture(scope="module")
def named_otherwise(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("otherwise"), **NAMED_OTHERWISE)


def test_a_body_is_its_initials_and_its_spokesman_speaks_for_it():
    assert speaker_matches("the London Stock Exchange", "LSE") and speaker_matches("the LSE", "London Stock Exchange")
    assert speaker_matches("the BPI", "the British Phonographic Industry")
    assert speaker_matches("the EU", "the European Union")
    assert speaker_matches("the NFL", "A National Football League spokesman")
    assert speaker_matches("NBC", "A spokesman for NBC")
    # a person's initials are not a name, nor is a person's spokesman the person
    assert not speaker_matches("Tony Blair", "TB")
    assert not speaker_matches("Blair", "Mr Blair's spokesman")
    assert not speaker_matches("the NFL", "A Premier League spokesman")


def test_what_did_a_body_say_when_the_article_writes_its_initials_or_quotes_its_spokesman(named_otherwise):
    assert "undervalued" in _first(_ask(named_otherwise, "what did the Anglian Stock Exchange say about the cash offer"))
    assert "comfortable" in _first(_ask(named_otherwise, "what did the Northern Hockey League say about the show"))
    assert "no comment" in _first(_ask(named_otherwise, "what did KTV say about the lawsuit"))
    # the spokesman said nothing of the contestants' worms
    assert _ask(named_otherwise, "what did KTV say about the worms")["no_answer"] is True


def test_a_person_quoted_only_by_a_role_after_being_named_is_not_sure(named_otherwise):
    # "with Rory Vance set to direct" ... "The director said": maybe his words, never certainly
    answer = _ask(named_otherwise, "what did Rory Vance say about Wolf Moon")
    assert answer["unsure"] is True and "enchanting book" in _first(answer)
    # the director's words are not about football, and no one is called Zed Quorn
    assert _ask(named_otherwise, "what did Rory Vance say about football")["no_answer"] is True
    assert _ask(named_otherwise, "what did Zed Quorn say about Wolf Moon")["no_answer"] is True


def test_a_name_after_a_roles_of_phrase_is_the_persons():
    assert speaker_phrase("Director of television Jana Bennett").names == ("jana", "bennett")
    assert speaker_phrase("Director of television Jana Bennett").head == "director"
    assert speaker_phrase("the University of East Anglia").names == ()
    assert speaker_matches("Jana Bennett", "Director of television Jana Bennett")
    assert speaker_matches("the director of television", "Director of television Jana Bennett")


def test_xs_words_linked_to_the_topic_by_their_paragraph_are_not_sure(named_otherwise):
    # "The changes come as part of a shake-up", a sentence on teams, then "Jana Bellweather said the changes were
    # about ...": her words never say "shake-up", but they are about the changes it is
    answer = _ask(named_otherwise, "what did Jana Bellweather say about the shake-up")
    assert answer["unsure"] is True and "best ideas" in _first(answer)
    answer = _ask(named_otherwise, "what did the Corvid director of programmes say about the shake-up")
    assert answer["unsure"] is True and "best ideas" in _first(answer)
    # a topic the story never names is still refused
    assert _ask(named_otherwise, "what did Jana Bellweather say about the budget")["no_answer"] is True
