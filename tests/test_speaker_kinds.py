""""What did X say" for every kind of speaker (issue 13, item 1; speech_tuning.jsonl): a surname that is also
a title word, a role with a body's possessive, a body or group that speaks, a person named with a relative's
name, and X's words about a matter they call otherwise. Real articles written here, real CLI as a subprocess,
real speaker attribution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import attributed, index_articles, run
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
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("kinds"), **ARTICLES)


def _ask(index: Path, question: str) -> dict:
    result = run("ask", question, "--json", "-k", "3", "--index", str(index))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _first(answer: dict) -> str:
    assert answer["no_answer"] is False, answer["message"]
    return answer["answers"][0]["text"]


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
