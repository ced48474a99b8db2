"""A question asking a type of answer is answered by the sentence holding that type, though it shares few of the
question's words: a speed or a time for "how fast", an age for "how old", a name beside the role word for "which
judge" (``features.cue``, ``lexicon.ASKS_MEASURE``). Small articles written here, asked through the real CLI."""

from __future__ import annotations

from conftest import ask_json, first_text, index_articles

TRAIN = """Maglev train breaks speed record

A Japanese magnetic levitation train has set a new world speed record on a test line near Tokyo.

The Central Japan Railway Company said the train, which floats above its track on magnets, ran with a crew of engineers on board. The company hopes the maglev will one day link Tokyo and Osaka. At 581km/h, it is faster than any train before it. Engineers said the line would open to passengers within ten years.

The train was first shown to the public in 1997 and has been tested on the line ever since.
"""

SIGNAL = """Broadband TV promises quick switching

Television over broadband is set to take on cable and satellite, says a report.

Viewers of the new service will use a remote control as they do now, the makers say. With broadband TV, the wait is 20 milliseconds. Some analysts doubt viewers will notice the difference.
"""

COURT = """Fraud trial of bank boss delayed

The fraud trial of the former head of Northway Bank has been postponed until the summer.

US judge Mary Halloran put back the opening hearing, which had been due on Monday, until 14 June. Northway founder Paul Stead and two former directors are charged with hiding losses from investors. The case will be heard in Denver. Lawyers for the Northway Bank directors say the fraud trial should be moved.

The bank collapsed in 2003 with debts of more than $2bn.
"""

HEARING = """Date set for Northway Bank fraud trial

A US judge has set a date for the Northway Bank fraud trial, which has shaken investors across Colorado.

The trial of the bank's founder and two former directors will begin in September, the court said.
"""

KEEPER = """Wenger backs Almunia in goal

Arsenal manager Arsene Wenger has defended goalkeeper Manuel Almunia after his mistakes against Bolton.

Wenger insists he has complete faith in the 27-year-old Spaniard, who was signed last summer from Celta Vigo as back-up to Jens Lehmann.

"He will learn from this," Wenger said.
"""


def test_how_fast_is_answered_by_a_speed(tmp_path):
    """"At 581km/h, it is faster than any train before it" holds little of the question but the speed asked."""
    answer, = ask_json(index_articles(tmp_path, train=TRAIN, signal=SIGNAL, court=COURT),
                       "How fast can the maglev train travel?")
    assert "581km/h" in first_text(answer)


def test_how_quickly_is_answered_by_a_time(tmp_path):
    """"how quickly" asks a time as "how fast" does: "the wait is 20 milliseconds"."""
    answer, = ask_json(index_articles(tmp_path, train=TRAIN, signal=SIGNAL, court=COURT),
                       "How quickly can viewers change channels with broadband TV?")
    assert "20 milliseconds" in first_text(answer)


def test_which_judge_is_answered_by_a_name_beside_the_word_judge(tmp_path):
    """"Which judge" asks a name written beside "judge": "US judge Mary Halloran" is among the first three answers,
    though behind the lede that repeats the
    question's words ("A US judge has set a date for the Northway Bank fraud trial")."""
    answer, = ask_json(index_articles(tmp_path, train=TRAIN, signal=SIGNAL, court=COURT, hearing=HEARING),
                       "Which judge is handling the Northway Bank fraud trial?")
    assert answer["no_answer"] is False
    assert any("Mary Halloran" in a["text"] for a in answer["answers"][:3])


def test_an_age_described_before_the_name_is_anothers(tmp_path):
    """"faith in the 27-year-old Spaniard, who was signed ... as back-up to Jens Lehmann" gives Almunia's age, not
    Lehmann's: asked Lehmann's, the articles give none."""
    index = index_articles(tmp_path, keeper=KEEPER, court=COURT)
    lehmann, = ask_json(index, "How old is Arsenal goalkeeper Jens Lehmann?")
    assert lehmann["no_answer"] is True
    assert "never give an age of Jens Lehmann" in lehmann["message"]
