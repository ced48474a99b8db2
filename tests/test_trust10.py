"""Trust in answers (branch trust10), on small real articles written here and on the bundled article, asked through the
real CLI: a "who did X <verb>" question leads with the sentence naming X's verb's object."""

from __future__ import annotations

from conftest import SEED, ask_json, index_articles, run

HARBOUR = """Harbour reopens after storm repairs

The harbour at Porthleven reopened on Monday after three months of repairs to its storm-damaged wall.

Fishermen said they had lost their winter catch while the harbour was shut.

The council will spend 2 million pounds at Newlyn on a new sea wall next year, its leader Jenna Pascoe said.

Pascoe met the harbour master, Alan Tremayne, at the quay on Monday morning.
"""


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
