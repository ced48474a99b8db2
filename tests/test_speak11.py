"""Speaker attribution kinds of helper speak11: whose words an answer to "what did X say (about Y)" and `quotes X` give,
on small real articles written here, asked through the real CLI."""

from __future__ import annotations

import json

from conftest import run, write_articles

DEFECT = """Tory MP defects to Labour over fees

A Conservative MP has crossed the floor to join Labour, saying his party had lost its way.

A spokesman for Michael Howard said the MP's views on tuition fees were very different from those of the party. "He believes students should pay tuition fees," the spokesman said.
"""

FEES = """Universities fail poorer students

The number of poorer students going to university has hardly changed, a report says.

The funding council found that tuition fees had not put off applicants. But the share of poorer students "hardly changed at all", said its chief executive, Sir Howard Newby. Sir Howard said tuition fees were not the main barrier.

Economist Howard Archer said tuition fees would rise with inflation.
"""

TORY = """Howard vows to scrap fees

Conservative leader Michael Howard has promised to scrap university tuition fees if his party wins the election.

Mr Howard said tuition fees were a tax on learning that put young people off university. Labour said the plan was not costed.
"""


def _answers(*question: str) -> list[str]:
    result = run("ask", *question, "--index", "idx", "--json", "-k", "5")
    assert result.returncode == 0, result.stderr
    return [a["text"] for a in json.loads(result.stdout)["answers"]]


def test_a_persons_spokesman_and_namesakes_by_first_name_are_not_their_words(isolated):
    """"what did Howard say about tuition fees" over BBC answered first "A spokesman for Michael Howard said ...", then
    "said its chief executive, Sir Howard Newby": neither is Michael Howard's words. The answers now use the rules
    `quotes` has (one place, ``speaker_matching.not_their_own``, and ``first_name_only`` for a full name whose first name is
    the surname asked, "Howard Archer")."""
    folder = write_articles(isolated / "news", {"defect.txt": DEFECT, "fees.txt": FEES, "tory.txt": TORY})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    texts = _answers("what did Howard say about tuition fees")
    assert texts[0] == "Mr Howard said tuition fees were a tax on learning that put young people off university."
    assert not any("spokesman" in t or "Sir Howard" in t or "Archer" in t for t in texts), texts
    quotes = run("quotes", "Howard", "--about", "tuition fees", "--index", "idx", "--json")
    assert quotes.returncode == 0, quotes.stderr
    assert [json.loads(line)["speaker"] for line in quotes.stdout.splitlines()] == ["Michael Howard", "Mr Howard"]
    # asked by their own names, the others are found
    assert "Sir Howard said tuition fees were not the main barrier." in _answers("what did Sir Howard Newby say")
    assert _answers("what did Howard Archer say")[0] == "Economist Howard Archer said tuition fees would rise with inflation."


FARM = """Farmers warn over milk prices

Dairy farmers say supermarkets are paying too little for milk.

NFU president Ben Gill said many farms would close within a year. The NFU said milk prices had fallen by a fifth since 2002.

Kate McDonald, 29, a dairy farmer from Devon, said she had sold half her herd. "I cannot make a living from milk any more," she said.

The chef said local cheese was the best in the country. The minister added that a review of milk prices would be published in the spring.

Maria de Souza, a trader, said the market was flooded. Pieter van der Berg said Dutch farms faced the same squeeze. Sean O'Neill said prices were too low.

The Milk Board published a report on Monday. Their report said prices would fall again next year. The Dairy Council issued a statement. Its statement said dairy farmers were being treated unfairly.
"""


def _quoted(name: str) -> list[str]:
    result = run("quotes", name, "--index", "idx", "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line)["text"] for line in result.stdout.splitlines()]


def test_speakers_that_are_not_capitalised_names(isolated):
    """Speakers named by "the" and a word no list holds ("The chef said"), with an age and what they are set off after
    the name ("Kate McDonald, 29, a dairy farmer from Devon, said"), with a surname prefix ("de Souza", "van der
    Berg", "O'Neill"), by initials ("the NFU", its president speaking for it) and by a body's document ("Their report
    said" after "The Milk Board published a report", "Its statement said")."""
    folder = write_articles(isolated / "news", {"farm.txt": FARM})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    assert _quoted("the chef") == ["The chef said local cheese was the best in the country."]
    assert _quoted("McDonald") == ["Kate McDonald, 29, a dairy farmer from Devon, said she had sold half her herd.",
                                   '"I cannot make a living from milk any more," she said.']
    assert _quoted("the Milk Board") == ["Their report said prices would fall again next year."]
    assert _quoted("the Dairy Council") == ["Its statement said dairy farmers were being treated unfairly."]
    assert _quoted("Souza") == ["Maria de Souza, a trader, said the market was flooded."]
    assert _quoted("van der Berg") == ["Pieter van der Berg said Dutch farms faced the same squeeze."]
    assert _quoted("O'Neill") == ["Sean O'Neill said prices were too low."]
    assert set(_quoted("the NFU")) == {"NFU president Ben Gill said many farms would close within a year.",
                                       "The NFU said milk prices had fallen by a fifth since 2002."}
    chef = run("ask", "what did the chef say", "--index", "idx", "--json")
    assert json.loads(chef.stdout)["unsure"] is False
    assert _answers("what did the Milk Board say")[0] == "Their report said prices would fall again next year."
    assert _answers("what did the Dairy Council say")[0] == "Its statement said dairy farmers were being treated unfairly."


COURT = """Former bosses face fraud lawsuit

Three former directors of the telecoms firm have settled claims brought by investors.

Two other former directors, Bert Roberts and Anna Galesi, remain defendants in the lawsuit, said the newspaper. Musician Alan Wass, 23, appeared in court accused of the same offences.

A previous estimate, contained in a 1998 Department of Transport document, suggested the losses were smaller. The book, being serialised in the Guardian newspaper, says the board ignored warnings. The name says it all.
"""


def test_a_place_or_a_deed_is_no_speaker(isolated):
    """A speaker pattern matched from a preposition ("in the lawsuit" of "remain defendants in the lawsuit, said the
    newspaper"), or a verb and a preposition ("appeared in court", "being serialised in the Guardian newspaper"), named
    no one: "the defendants" were listed as saying it, the newspaper that did was not."""
    folder = write_articles(isolated / "news", {"court.txt": COURT})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    assert _quoted("the defendants") == []
    said = "Two other former directors, Bert Roberts and Anna Galesi, remain defendants in the lawsuit, said the newspaper."
    assert _quoted("the newspaper") == [said]
    assert _answers("what did the newspaper say") == [said]
    for name in ("the court", "the Guardian", "the Department of Transport", "the name"):
        assert _quoted(name) == [], name
