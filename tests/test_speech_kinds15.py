"""A speaker asked for by the epithet an article gives a person right after naming them, speaking: "Michael Howard has
backed ... But the Tory leader argued ..." then 'He added: "..."'; "Gordon Brown has addressed the conference. The
Chancellor said ..." then "Mr Brown warned ..."; "The star of Rain Man and Tootsie said" after "Hollywood legend Dustin
Hoffman has hit out": the epithet is theirs wherever the article quotes them (``speakers.backrefs.epithet_roles``,
merged into ``speakers.windows.article_roles``). Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

import pytest

from conftest import ask_json, first_text, index_articles
from qabot.speakers import People
from qabot.speakers.backrefs import epithet_roles

ARTICLES = {
    "cells": """Hobart backs stem cell research

Michael Hobart has backed stem cell research, saying it is important people are not frightened of the future.

The issue was a feature of the recent election abroad. But the Tory leader argued there was a moral case for embracing science. "I believe we have a duty to offer hope to the millions who suffer," he said.

Mr Hobart made his remarks during a speech in Westminster. Mr Hobart said the science was sound.

He added: "Of course, stem cells are still a recent discovery. But I respect those concerns about the embryos."
""",
    "cuts": """Labour attacks Tory spending plans

Tony Bramley has launched an attack on Conservative spending plans, calling them "improbable".

Gordon Brack has addressed the conference behind closed doors. The Chancellor said the opposition plans would see deep cuts in services. Mr Brack also issued a call for party unity.

Mr Brack warned that the Tories were planning "the biggest cuts ever in the history of any manifesto".

Tory shadow chancellor Oliver Lenton said the claims were false.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("speech_kinds15"), **ARTICLES)


def test_an_epithet_that_speaks_after_a_name_is_that_persons_role_throughout(index):
    # "But the Tory leader argued" after "Michael Hobart has backed ...": his words later in the article are the
    # Tory leader's ('He added: "..."' was Mr Hobart's only, no role)
    text = first_text(ask_json(index, "What did the Tory leader say about the embryos?")[0])
    assert "I respect those concerns" in text, text


def test_an_office_right_after_its_holder_is_named(index):
    # "Gordon Brack has addressed the conference ... The Chancellor said": Mr Brack is the chancellor, though the
    # article names a shadow chancellor by name (no chancellor: "shadow" makes the role another's)
    text = first_text(ask_json(index, "What did the chancellor warn about the scale of the Tory cuts?")[0])
    assert text.startswith("Mr Brack warned that the Tories were planning"), text


def test_epithet_roles_are_found_only_for_the_person_just_named():
    roles = epithet_roles(People(ARTICLES["cells"]))
    assert roles == {"hobart": ("Tory leader", "Tory leader, Michael Hobart")}, roles
    roles = epithet_roles(People(ARTICLES["cuts"]))
    assert roles.get("brack") == ("Chancellor", "Chancellor, Gordon Brack"), roles
    assert "bramley" not in roles and "lenton" not in roles, roles


def test_no_epithet_for_a_body_a_band_or_someone_who_never_speaks():
    # "The Scottish Executive said" names a body; "Duran Duran are promoting ..." a band; a man the article never has
    # speak is not "the lawyer" who argues after him; "Gordon Brown sets out ... The prime minister responds": another
    # office holder, as a story of two men goes on
    text = """Escaped patient row

Michael Fergus, 36, escaped after being allowed out of the unit. The Scottish Executive said ministers would be told.

Mr Kadir, 28, a hotel receptionist, was arrested at a hotel in Basra. The families' lawyer argued that the inquiry failed.

Duran Duran are currently promoting their second single. "We are very happy with it," the singer said.

Then there are the actions of the men themselves. Gordon Brock sets out a rival manifesto. The prime minister responds by scheduling a press conference. Mr Brock said he would not comment.
"""
    assert epithet_roles(People(text)) == {}


# A body's report asked for: the body's own words ("the Electoral Commission's report": "The commission says"; "the
# China Daily report": "the China Daily newspaper said"), and "the report says" after the article names whose report it
# is ("a report from analysts Gartner", "The Gartner report"): ``speaker_matching._document_owner``,
# ``speakers.people.named_documents``
REPORTS = {
    "kiosks": """Camera phones to outsell cameras

More phones with cameras in them will be sold in Europe this year than last year, says a report from analysts Farrand.

The Farrand report suggests that by mid-2005 most camera phones will have two megapixel sensors.

But the report suggests that until image quality improves, people will not be interested in printing out pictures at kiosks.

Sales of digital cameras rose by a tenth last year. Shop owner Dan Kite said more people were printing pictures at kiosks than ever.
""",
    "donations": """Watchdog rejects cap on donations

Fears that big donors can buy political favours have sparked calls for a limit on gifts to parties.

In a new report, the Electoral Registry Commission says a cap is worth debating for the future.

"While we are not in principle opposed to a donation cap, we do not believe that such a departure from the existing system now would be sensible," the commission said.

The parties spent more than ever at the last election.
""",
    "tobacco": """Tobacco factory ban in Lornland

The Lornland tobacco regulator has banned new cigarette factories, officials said.

"The ban comes as especially bad news for Harbour Tobacco", the Lorn Daily newspaper said of the latest development.

Harbour Tobacco plans to become the country's first foreign cigarette maker.
""",
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("reports15"), **REPORTS)


def test_the_report_is_the_one_the_article_names_with_its_owner(reports):
    text = first_text(ask_json(reports, "What does the Farrand report say about printing pictures at kiosks?")[0])
    assert text.startswith("But the report suggests that until image quality improves"), text


def test_a_bodys_report_asked_for_is_the_bodys_words(reports):
    text = first_text(ask_json(reports, "What did the Electoral Registry Commission's report say about a donation cap now?")[0])
    assert text.startswith('"While we are not in principle opposed to a donation cap'), text
    text = first_text(ask_json(reports, "What did the Lorn Daily report say the ban means for Harbour Tobacco?")[0])
    assert "the Lorn Daily newspaper said" in text, text


def test_named_documents_only_for_one_owner():
    from qabot.speakers.people import named_documents

    assert named_documents(REPORTS["kiosks"]) == {"report": ("Farrand report",)}
    # two reports, or another report than the one named: whose "the report" is cannot be told
    assert named_documents("A report by Farrand said sales rose. A Kelby report said they fell. The report said.") == {}
    assert named_documents("Sales rose, says a report. A separate report by Farrand forecasts a fall.") == {}
    assert named_documents("Thursday's report said sales rose. To study the market, we ...") == {}


def test_the_report_carries_its_owner_as_the_article_names_it():
    from qabot.speakers.windows import article_roles, attribute_window

    text = REPORTS["kiosks"]
    start = text.index("But the report suggests")
    span = (start, text.index("kiosks.", start) + len("kiosks."))
    people = People(text)
    said = attribute_window(text, [span], people, lambda: article_roles(people))[start]
    assert said.speaker == "the report" and said.said_by("the Farrand report"), said
    assert not said.said_by("the Kelby report") and not said.said_by("Farrand"), said  # a report's words, not Farrand's own


# A person set off with the body they are from, speaking ("Brad Adams, from the UK's Human Rights Watch, said"): asked
# for the body, their words are its (``speakers.people.member_roles``)
MEMBERS = {
    "embargo": """Arms embargo may be lifted

Ministers expect the arms embargo on Lornland to be lifted over the next six months.

But Rights First Watch says the union is putting commerce above abuse concerns.

Tom Adley, from the UK's Rights First Watch, said: "This is a huge political signal that they are willing to forget the crackdown."

The embargo was imposed in 1989.
""",
}


@pytest.fixture(scope="module")
def members(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("members15"), **MEMBERS)


def test_a_member_set_off_with_their_body_speaks_for_it(members):
    answer, = ask_json(members, "What did Rights First Watch say about the political signal?")
    assert first_text(answer).startswith("Tom Adley, from the UK's Rights First Watch, said"), answer["answers"]
    assert not answer["unsure"]  # the body's own words, surely (before: its other sentence, as not sure)


def test_member_roles():
    from qabot.speakers.people import member_roles

    assert member_roles(MEMBERS["embargo"]) == {"adley": ("UK's Rights First Watch",)}
    # not without a verb of speech after the body, nor for a one-word name
    assert member_roles("Tom Adley, from Rights First Watch, was at the rally. Adley, of Kelby, said no.") == {}
