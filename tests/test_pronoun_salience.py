""""He said" after a sentence opened by a capitalised word the article writes once ("Britain has been more cautious
but Mr Straw ...") is the person named after it whom the article is about, not that word; a subject who is surely a
person keeps the pronoun. Small real articles written here, attributed by the library and asked through the CLI."""

from __future__ import annotations

from conftest import ask_json, attributed, index_articles

BROADBAND = """Britons fed up with net service

Many broadband users in the UK are unhappy with the speed of their connection, a survey has found. Mr Danton, of the
comparison site that carried out the survey, said too many people never checked what they were paying. Mr Danton's own provider was among the slowest.

He said switching supplier took less than a week. With prices set to drop even further in coming months Mr Danton advises everyone to shop around carefully. "If you just stick with your current connection then there's every chance you're being ripped off," he warned.
"""

ARMS = """Straw attacked on China arms

Foreign Secretary Jack Straw has been criticised for backing an end to the EU ban on arms sales to China. Mr Straw
said the ban was out of date.

Britain has been more cautious but Mr Straw last week said he also wanted it to end, despite US objections. He expects it to be lifted over the next six months, a prediction which has alarmed critics.
"""

TENNIS = """Hantuchova in Dubai last eight

Daniela Hantuchova moved into the quarter-finals of the Dubai Open with a win over Elena Dementieva.

But Hantuchova is in upbeat mood ahead of her clash with the younger Williams sister, who was handed a first-round bye. "I feel I have an advantage over Serena because I have already played two matches on these courts," she said.

Williams lost to Hantuchova last year. Serena Williams has won here before, and Williams said she was fit.
"""


def _said(text: str, start: str) -> str | None:
    found = attributed(text)
    (sentence,) = [s for s in found if s.startswith(start)]
    return found[sentence]


def test_he_after_a_word_written_once_is_the_person_the_article_is_about(tmp_path):
    """"With" opens the sentence as if a name, once in the article; Mr Danton, named three times, warned."""
    assert _said(BROADBAND, '"If you just stick') == "Mr Danton"
    danton, = ask_json(index_articles(tmp_path, broadband=BROADBAND), "What did Mr Danton say about being ripped off?")
    assert not danton["no_answer"] and "ripped off" in danton["answers"][0]["text"], danton


def test_he_after_a_country_written_once_is_the_minister():
    """"Britain" is no one "he" can be; Mr Straw is."""
    assert _said(ARMS, "He expects it to be lifted") == "Mr Straw"


def test_a_subject_named_more_than_once_keeps_the_pronoun():
    """Unchanged: Hantuchova, named three times, is the subject; Williams, named more often after her, is not "she"."""
    assert _said(TENNIS, '"I feel I have an advantage') == "Hantuchova"
