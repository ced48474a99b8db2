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
    `quotes` has (one place, ``speaker_matching.not_their_words`` and ``first_name_only``)."""
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
