"""The BBC corpus from ../shared: every file indexed (the Latin-1 one too), questions answered from it."""

from __future__ import annotations

import json

import pytest

from conftest import ask_json, run

from qabot.index import Index

pytestmark = pytest.mark.slow


def test_all_2225_files_indexed(bbc_index):
    manifest = json.loads((bbc_index / "manifest.json").read_text())
    assert manifest["counts"]["files"] == 2225
    assert manifest["counts"]["articles"] == 2225
    files = Index.open(bbc_index).file_table()
    assert len(files.paths) == 2225 and (files.status == 0).all()  # every file indexed, none failed
    latin = [i for i, p in enumerate(files.paths) if p.endswith("sport/199.txt")]
    assert len(latin) == 1 and files.art_ptr[latin[0] + 1] - files.art_ptr[latin[0]] == 1


def test_latin1_article_is_decoded(bbc_index, bbc_dir):
    raw = (bbc_dir / "sport" / "199.txt").read_bytes()
    raw.decode("latin-1")
    result = run("ask", "--index", str(bbc_index), "--json", raw.decode("latin-1").splitlines()[0])
    answer = json.loads(result.stdout)
    assert answer["answers"][0]["article"]["path"].endswith("sport/199.txt")
    assert "\ufffd" not in answer["answers"][0]["context"]


def test_questions_answered_from_the_bbc_articles(bbc_index):
    a, b, c = ask_json(bbc_index, "how much did TimeWarner's quarterly profits jump", "what did Blair say about Iraq",
                       "bitcoin mining difficulty")
    assert a["answers"][0]["article"]["path"].endswith("business/001.txt")
    assert any("76%" in x["text"] for x in a["answers"])
    assert not b["no_answer"] and "Blair" in " ".join(x["text"] for x in b["answers"])
    assert c["no_answer"] is True


def test_reindex_unchanged_bbc_reads_nothing(bbc_index, bbc_dir):
    result = run("index", str(bbc_dir), "--index", str(bbc_index), cwd=bbc_dir.parent)
    assert result.returncode == 0
    assert result.stdout.splitlines()[1] == "files: 0 new, 0 updated, 2,225 unchanged, 0 removed, 0 failed, 0 skipped"


def test_a_longer_word_and_a_number_the_question_lacks_find_the_answer(bbc_index):
    questions = "\n".join([
        "which anti-spyware firm did Microsoft take over",  # "take" is in "takeover"
        "how much will maternity pay go up by",             # an amount, not "we are going to extend"
    ])
    result = run("ask", "--index", str(bbc_index), "--json", "-k", "3", "-", input=questions)
    assert result.returncode == 0, result.stderr
    a, b = ([x["text"] for x in json.loads(line)["answers"]] for line in result.stdout.splitlines())
    assert any(x.startswith("Following the takeover of anti-spyware firm Giant, Microsoft said") for x in a)
    assert "£1,400" in b[0]  # "rise by £1,400" or Ms Hewitt's "that's the extra £1,400"
