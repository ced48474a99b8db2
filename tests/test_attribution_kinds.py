"""Attribution kinds that left a speaker's words unattributed (issues 12 and 13: answerable "what did X say"
questions refused with "no words of X"): reported speech closed by its speaker without quotation marks, a
partial quotation closed by its speaker, speech in the subject's relative clause, calling something by words,
"he said" for the subject of the sentences before, "it said" and "the company said" for the body named before, a
role set off after the name, words told by an agent, and "the spokesman" going on with "A Bayern spokesman".
Small real articles written here, real attribution, and the real CLI as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, attributed, first_text, index_articles
from qabot.speakers import described_people

ARTICLES = {
    "tickets": """Phones to double as bus tickets

Mobiles could soon double up as travel cards, with Norvik planning to try out a ticket system on buses.

Passengers will need a special handset. The system would reduce queues and make travelling easier, said Norvik.

Using a phone is the next step, said Gerhard Roemer, head of market development at Norvik.

The system opens up new uses for phones, said Mr Roemer. "It could be used in shops to get product information," he told the BBC.
""",
    "turkey": """Tories back Turkey's bid

The Conservative leader Michael Hartley has backed Turkey's bid to join the EU.

Turkey's membership would provide an "invaluable bridge" between Europe and the rest of the world, Mr Hartley added.
""",
    "whistle": """Protect whistleblowers, union says

The government should give more protection to workers who raise safety concerns, the TUC has said.

It said tribunal data showed 1,500 "safety whistleblowers" had lost their jobs since 1999.

Mr Barber, who said the "problem is far worse than the statistics show", called for a new law.
""",
    "spam": """Spammer sentenced to nine years

A man has been sentenced to nine years in jail for sending junk mail.

Prosecutors had asked for 15 years. But the spammer's lawyer David Oban called the nine-year term "outrageous" and said his client believed he was innocent.
""",
    "tennis": """Williams through in Doha

Williams survived an early scare to beat Bovina. "I don't know what I was doing there," she said.

But Hantova is in upbeat mood ahead of her clash with the younger Williams sister. "I feel I have an advantage because I have already played two matches on these courts," she said.
""",
    "halo": """Halo sequel sells five million

Microsoft is celebrating bumper sales of its shooter, Halo 2.

The game has sold more than five million copies worldwide since it went on sale in November, the company said.
""",
    "bayern": """Bayern leave striker at home

A Bayern spokesman said on Monday that the striker had stayed at home because of his fitness. "He's got back pain and he couldn't train," the spokesman said.
""",
    "rugby": """Dallow ready for the Lions

Lions coach Sir Clive Wood will pick his squad on form.

But Dallow, who called time on England earlier this year, said: "I assure you I wouldn't let anyone down."
""",
    "gillmor": """Toolbar plan criticised

Dan Gilmore, founder of Roots Media, which supports citizen-based media, said the tool was a "bad idea".
""",
    "strike": """Players told match was off

The players were told by coach Tom Hale that the match was off because of snow.
""",
    "cup": """Joss joy at Cup win

Tottenham manager Marten Joss acclaimed his players for their patience in the 3-0 win over Forest.

"It was a professional sort of performance," the Dutchman said.
""",
    "lawsuit": """Viewer sues over stunt

Austin Aitkin is taking action against the network over its stunt show. He said the show made him dizzy. The legal assistant said the network was "sending the wrong message to viewers".
""",
    "campaign": """Election chief says PM keen

The prime minister's enthusiasm for the job remains undimmed, Alan Milborne, Labour's election strategist told Radio 4's Today programme on Saturday.

Handheld maker Nintaro has a 95% share of the market and said it expected to sell five million consoles by March.

Tony Blane is urging European leaders to wake up from their "state of denial" over the US election.

Mr Sullen gave evidence on Monday. He portrayed his former boss as obsessed with costs.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("attribution"), **ARTICLES)


def _ask(index: Path, question: str) -> dict:
    (answer,) = ask_json(index, question)
    return answer


def _said(article: str, start: str) -> str | None:
    found = attributed(ARTICLES[article])
    (sentence,) = [s for s in found if s.startswith(start)]
    return found[sentence]


def test_reported_speech_closed_by_its_speaker_without_quotation_marks():
    assert _said("tickets", "The system would reduce queues") == "Norvik"
    assert _said("tickets", "Using a phone is the next step") == "Gerhard Roemer"
    assert _said("tickets", "The system opens up new uses") == "Mr Roemer"
    # a verb of speech before a name that is spoken to is no speaker: "told Reuters."
    assert attributed("Profits will fall, told Reuters.") == {"Profits will fall, told Reuters.": None}


def test_a_partial_quotation_closed_by_its_speaker():
    assert _said("turkey", "Turkey's membership would provide") == "Mr Hartley"
    # a speaker inside the quotation is not the speaker
    assert attributed('"Mr Hartley said no to us," the minister said.') == {
        '"Mr Hartley said no to us," the minister said.': "the minister"}


def test_it_said_after_a_body_that_spoke_in_the_paragraph_before():
    assert _said("whistle", "It said tribunal data") == "TUC"


def test_speech_in_the_subjects_relative_clause():
    assert _said("whistle", "Mr Barber, who said") == "Mr Barber"
    assert _said("rugby", "But Dallow, who called time") == "Dallow"
    assert _said("gillmor", "Dan Gilmore, founder of Roots Media") == "Dan Gilmore"
    # a relative clause of a name the sentence goes on to is not the sentence's speaker
    assert attributed("The talks were opened by Pierre Martin, who announced his visit late.") == {
        "The talks were opened by Pierre Martin, who announced his visit late.": None}


def test_calling_something_by_words_is_the_callers():
    assert _said("spam", "But the spammer's lawyer David Oban called") == "David Oban"
    # calling without words of one's own is no speech
    assert attributed("Mr Oban called the court on Monday.") == {"Mr Oban called the court on Monday.": None}


def test_she_said_is_the_subject_of_the_sentence_before_not_a_name_after_it():
    assert _said("tennis", '"I feel I have an advantage') == "Hantova"
    assert _said("tennis", '"I don\'t know what I was doing there,"') == "Williams"


def test_the_company_said_is_the_body_named_before_it():
    assert _said("halo", "The game has sold") == "Microsoft"
    # a body described by its own words is left as it is written
    assert attributed("Sales fell, the industry group said.") == {"Sales fell, the industry group said.": "the industry group"}


def test_the_spokesman_goes_on_with_a_bodys_spokesman():
    assert _said("bayern", '"He\'s got back pain') == "A Bayern spokesman"


def test_words_told_by_an_agent_are_the_agents():
    assert _said("strike", "The players were told by coach Tom Hale") == "Tom Hale"


def test_a_person_named_only_by_what_they_are_is_the_person_the_paragraph_is_about():
    assert _said("cup", '"It was a professional sort') == "Marten Joss"
    assert _said("lawsuit", "The legal assistant said") == "Austin Aitkin"
    # an office names its holder, whom a story may never name: left as written
    said = attributed("Mr Blane met voters. The chancellor said taxes would fall.")
    assert said["The chancellor said taxes would fall."] == "The chancellor"
    # a plural is no person: "the Conservatives"
    said = attributed("Mr Smith spoke first. Meanwhile, the Conservatives accused officials of a \"failure\".")
    assert said['Meanwhile, the Conservatives accused officials of a "failure".'] == "Conservatives"


def test_reported_speech_closed_by_a_speaker_with_a_role_and_what_follows_told():
    assert _said("campaign", "The prime minister's enthusiasm") == "Alan Milborne"


def test_a_subject_that_acts_and_says_or_is_speaking_or_portrays():
    assert _said("campaign", "Handheld maker Nintaro has") == "Nintaro"
    assert _said("campaign", "Tony Blane is urging") == "Tony Blane"
    assert _said("campaign", "He portrayed his former boss") == "Mr Sullen"
    # acting, without a verb of speech: nobody's words
    assert attributed("Nintaro has a 95% share and sold five million.") == {
        "Nintaro has a 95% share and sold five million.": None}


def test_a_role_set_off_after_the_name_with_what_it_is_of():
    assert described_people(ARTICLES["tickets"])["roemer"][0] == "head of market development at Norvik"


def test_what_did_they_say_through_the_cli(index):
    assert "reduce queues" in first_text(_ask(index, "What did Norvik say the system would do?"))
    assert "product information" in first_text(_ask(index, "What did Norvik's head of market development tell the BBC?"))
    assert "invaluable bridge" in first_text(_ask(index, "What did the Conservative leader say about Turkey's membership?"))
    assert "1,500" in first_text(_ask(index, "What did the TUC say about safety whistleblowers?"))
    assert "outrageous" in first_text(_ask(index, "What did the spammer's lawyer say about the nine-year term?"))
    assert "advantage" in first_text(_ask(index, "What did Hantova say about the courts?"))
    assert "five million" in first_text(_ask(index, "What did Microsoft say about the game?"))
    assert "back pain" in first_text(_ask(index, "What did the Bayern spokesman say about the striker?"))
    assert "let anyone down" in first_text(_ask(index, "What did Dallow say about the Lions?"))
    assert "bad idea" in first_text(_ask(index, "What did Dan Gilmore say about the tool?"))
    assert "professional" in first_text(_ask(index, "What did Marten Joss say about the performance?"))
    assert "wrong message" in first_text(_ask(index, "What did Austin Aitkin accuse the network of?"))
    assert "state of denial" in first_text(_ask(index, "What did Tony Blane tell European leaders?"))


def test_unanswerable_speech_questions_are_still_refused(index):
    assert _ask(index, "What did Norvik say about football?")["no_answer"] is True
    assert _ask(index, "What did Zed Quorn say about the system?")["no_answer"] is True
    assert _ask(index, "What did Microsoft say about the TUC?")["no_answer"] is True
