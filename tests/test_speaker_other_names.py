"""A speaker asked for by one name when the sentence quoting them uses another the article gives them: a title written
once before the full name ("Chancellor Gordon Brown ...", then "Mr Brown said"), a body's other name in a role ("the
Lib Dem leader" for "Liberal Democrat leader Charles Kennedy"). Small real articles written here, asked through the
real CLI."""

from __future__ import annotations

import json

from conftest import ask_json, first_text, index_articles, run

FUEL = """Petrol duties frozen, Brown says

Chancellor Gordon Brown has announced a freeze on fuel duty in his pre-budget speech to the Commons on Thursday.

Mr Brown told the House that government policy is to raise fuel duty each year. He said: "Because of the sustained volatility in the oil market I propose a freeze on the main road fuel duties."

The RAC welcomed the news, calling it an early present for motorists.
"""

COACH = """Spain coach defends his squad

Coach Luis Aragones has named an unchanged squad for the friendly against England.

Mr Aragones told reporters in Madrid: "These players have earned their places and the squad will stay together."
"""

MOTORS = """Carmaker cuts jobs in Detroit

General Motors Corp is to cut 500 jobs at its Detroit plant, the union said.

The company said the squad of engineers at the plant would stay together.
"""

STUDENTS = """Lib Dems target the student vote

Students can decide the fate of MPs in some seats, Liberal Democrat leader Charles Kennedy has claimed.

Launching his campaign at the London School of Economics, Mr Kennedy urged students to vote. He said: "Top-up fees put students off university, especially those from a poorer background."

Education Secretary Ruth Kelly said the Liberal Democrat policy on top-up fees would leave universities short of money.

A Conservative spokesman said top-up fees were a matter for the universities.
"""


def test_a_title_written_once_before_the_full_name_is_the_persons_role(tmp_path):
    """"the chancellor" asked, the article writes "Chancellor Gordon Brown" once and quotes "Mr Brown"/"He said": his
    words. A capitalised title alone before a full name is a role (``people._titled_full_name``); "General Motors Corp"
    is no one's name and "the general" nobody's role."""
    index = index_articles(tmp_path, fuel=FUEL, coach=COACH, motors=MOTORS)
    chancellor, coach, general = ask_json(index, "What did the chancellor say about fuel duty?",
                                          "What did the coach say about the squad?",
                                          "What did the general say about the squad?")
    assert "sustained volatility in the oil market" in first_text(chancellor)
    assert "These players have earned their places" in first_text(coach)
    assert general["no_answer"] or general["unsure"], general  # closest passages at most, no one's words as the general's
    assert not any(a.get("speaker") for a in general["answers"]), general


def test_a_bodys_other_name_in_a_role_asked_for(tmp_path):
    """"the Lib Dem leader" is "Liberal Democrat leader Charles Kennedy" (``lexicon.BODY_ALIASES`` for more than one word),
    the Education Secretary and the Conservative spokesman are not; "the Tory leader" is no one here."""
    index = index_articles(tmp_path, students=STUDENTS)
    lib_dem, tory = ask_json(index, "What did the Lib Dem leader say about top-up fees?",
                             "What did the Tory leader say about top-up fees?")
    assert "Top-up fees put students off university" in first_text(lib_dem)
    assert not any("students off university" in a["text"] for a in tory["answers"]), tory
    quotes = run("quotes", "the Lib Dem leader", "--index", str(index), "--json")
    assert quotes.returncode == 0, quotes.stderr
    said = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert {q["speaker"] for q in said} == {"Charles Kennedy"}, said
    assert not any("Kelly" in q["text"] or "Conservative" in q["text"] for q in said), said
    tories = run("quotes", "the Tory leader", "--index", str(index), "--json")
    assert not tories.stdout.strip(), tories.stdout


TEXTS = """Text messages hit record on New Year

A record 133m text messages were sent on New Year's Day, says the Mobile Data Association (MDA).

Texting is heading to overtake the phone call, said Mike Short, chairman of the MDA. "At a New Year party texting is useful if you are unable to speak or hear because of a noisy background," he said.

Analyst Jane Cole said phone calls on New Year's Eve would keep falling as texting grew.
"""


def test_a_role_set_off_after_the_name_ending_in_initials(tmp_path):
    """"said Mike Short, chairman of the MDA." gives Mr Short the role though the initials' last dot ends the sentence
    (``people._descriptions``): "the MDA chairman" is him where "he said" quotes him."""
    index = index_articles(tmp_path, texts=TEXTS)
    (chairman,) = ask_json(index, "What did the MDA chairman say about texting at New Year?")
    assert "unable to speak or hear" in first_text(chairman)
    assert chairman["unsure"] is False, chairman  # his own words, not "not sure: closest passages"
