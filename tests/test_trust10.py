"""Trust in answers (branch trust10), on small real articles written here and asked through the real CLI: a "who did
X <verb>" question leads with the sentence naming X's verb's object; an answer of another place or of another one of
several (an ordinal) is shown "not sure" while the answerable versions stay sure."""

from __future__ import annotations

from conftest import SEED, ask_json, index_articles, run

STEEL = """Nordhavn to cut jobs as steel demand falls

The steelmaker Nordhavn will cut 1,800 jobs in Sweden over the next two years, the company said on Thursday.

Nordhavn also owns a mill in Poland, where it plans to invest in new furnaces.

The company blamed weak demand from carmakers and high energy prices.
"""

MATCH = """Elmsford win cup semi-final

Elmsford beat Ashby Town 3-1 on Saturday to reach the final of the county cup.

Tom Reilly scored Elmsford's first goal with a header after ten minutes.

Danny Price scored Elmsford's second goal from a penalty in the 62nd minute.

Ashby's goal was scored by their captain Sam Okoro.
"""

HARBOUR = """Harbour reopens after storm repairs

The harbour at Porthleven reopened on Monday after three months of repairs to its storm-damaged wall.

Fishermen said they had lost their winter catch while the harbour was shut.

The council will spend 2 million pounds at Newlyn on a new sea wall next year, its leader Jenna Pascoe said.

Pascoe met the harbour master, Alan Tremayne, at the quay on Monday morning.
"""


def test_an_answer_of_another_place_or_another_ordinal_is_not_sure(tmp_path):
    index = index_articles(tmp_path, steel=STEEL, match=MATCH, harbour=HARBOUR)
    answers = ask_json(index, "how many jobs will be cut in Sweden", "who scored Elmsford's third goal",
                       "who scored Elmsford's second goal", "how much will the council spend at Mousehole",
                       "how much will the council spend at Newlyn")
    sweden, third, second, mousehole, newlyn = answers
    assert not sweden["unsure"] and "1,800" in sweden["answers"][0]["text"]
    # the best sentence names the first and second goals: the third is asked, and nowhere given
    assert not third["no_answer"] and third["unsure"]
    assert not second["unsure"] and "Danny Price" in second["answers"][0]["text"]
    # the sum is spent "at Newlyn": no answer for another harbour
    assert mousehole["no_answer"] or mousehole["unsure"]
    assert not newlyn["no_answer"] and not newlyn["unsure"] and "2 million" in newlyn["answers"][0]["text"]


def test_who_did_x_meet_leads_with_whom_x_met(tmp_path):
    index = tmp_path / "idx"
    assert run("index", str(SEED.parent), "--index", str(index)).returncode == 0
    met, met_with = ask_json(index, "who did Putin meet?", "who did Putin meet with?")
    for answer in (met, met_with):
        assert not answer["no_answer"]
        assert answer["answers"][0]["text"].startswith("President Vladimir Putin of Russia met with Wang Yi")


def test_who_did_x_meet_on_articles_of_ones_own(tmp_path):
    index = index_articles(tmp_path, harbour=HARBOUR)
    (answer,) = ask_json(index, "who did Pascoe meet?")
    assert not answer["no_answer"] and "Alan Tremayne" in answer["answers"][0]["text"]
