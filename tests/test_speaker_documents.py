"""A document asked for by whose it is: "what did the government statement say" is answered by "In a statement, the
government said ...", the government speaking. Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

from conftest import ask_json, first_text, index_articles
from qabot.speaker_matching import speaker_matches

ARTICLES = {
    "floods": """Floods force thousands from homes in northern Italy

Heavy rain forced thousands of people from their homes in northern Italy on Sunday.

In a statement, the government said it would declare a state of emergency and release 20 million euros for relief.

The regional police said roads into the city would stay closed until Tuesday.
""",
}


def test_a_document_by_whose_it_is(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    (statement,) = ask_json(index, "what did the government statement say")
    assert "state of emergency" in first_text(statement)


def test_document_phrase_matches_its_body_only():
    assert speaker_matches("the government statement", "the government")
    assert speaker_matches("the police report", "police")
    assert not speaker_matches("the police report", "the ministry")
    assert not speaker_matches("the Chinese government statement", "the government")
