"""Speakers stored at build time (``qabot index --speakers``): every passage's stored attributions are those the
answer works out itself, through updates, merges and whatever segments hold; an index made with other rules is
answered by working them out again, and its next update makes them anew; the answers never change."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import ask_json, build_through, run, update_ops

from qabot.answering import Answerer
from qabot.answering.params import SpeechParams
from qabot.build import Settings, build
from qabot.index import Index
from qabot.speakers.windows import rules_version

WINDOW = SpeechParams().speaker_window
SPEAKERS = Settings(max_tokens=64, speakers=True)
"""Small passages (windows of several), speakers stored."""
PLAIN = Settings(max_tokens=64)
QUESTIONS = ("what did Blair say about Iraq", "what did the minister say", "what did Mr Howard say about tax",
             "what did analysts say about the market", "what did the company say", "what did he say about the film")


def attributions(index: Index, stored: bool) -> dict[tuple[str, int], dict]:
    """Every passage's attributions (by article id and passage number in the article): as stored, or as the answer
    works them out (an index without stored speakers)."""
    speech = Answerer(index).speech
    out = {}
    for a in range(index.n_articles):
        key = index.article_meta(a)["id"]
        for n, p in enumerate(index.article_passages(a)):
            found = index.stored_speakers(p, WINDOW)
            assert (found is not None) == stored, (key, n)
            out[key, n] = speech.speakers(p)
    return out


def stored_as_worked_out(folder: Path, index_dir: Path, scratch: Path) -> None:
    """Every passage of the index at ``index_dir`` has stored attributions, each segment says they were made by these
    rules, and they are what a fresh index of ``folder`` without them works out."""
    plain_dir = scratch / "plain"
    build([folder], plain_dir, PLAIN, processes=1)
    ours, plain = Index.open(index_dir), Index.open(plain_dir)
    try:
        assert all(seg.entry.get("speakers") == rules_version() for seg in ours.segments)
        assert attributions(ours, True) == attributions(plain, False)
    finally:
        ours.close()
        plain.close()


@pytest.fixture(scope="module")
def bbc_texts(bbc_dir) -> list[str]:
    """Forty BBC articles with quotations (under 3 KB), a seeded draw."""
    paths = sorted(p for p in bbc_dir.rglob("*.txt") if p.stat().st_size < 3000 and p.name != "199.txt")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return random.Random(7).sample([t for t in texts if "said" in t and "\"" in t], 40)


OPS = update_ops(40, 5)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_of_updates_stores_what_the_answer_works_out(bbc_texts, ops):
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder, index_dir = build_through(scratch, bbc_texts, ops, SPEAKERS)
        stored_as_worked_out(folder, index_dir, scratch)


def test_the_cli_keeps_stored_speakers_through_updates_and_merges(isolated, bbc_texts):
    folder = isolated / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(bbc_texts[i], encoding="utf-8")
    plain = isolated / "plain"
    assert run("index", str(folder), "--index", str(plain), "--max-tokens", "64").returncode == 0
    result = run("index", str(folder), "--index", "index", "--max-tokens", "64", "--speakers")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    assert manifest["settings"]["speakers"] == rules_version()
    assert ask_json(isolated / "index", *QUESTIONS) == ask_json(plain, *QUESTIONS)
    # an update without the option keeps it: the new segment stores them too
    (folder / "2.txt").write_text(bbc_texts[10], encoding="utf-8")
    (folder / "new.txt").write_text(bbc_texts[11], encoding="utf-8")
    (folder / "4.txt").unlink()
    result = run("index", "--index", "index", "--max-tokens", "64")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    assert len(manifest["segments"]) == 2 and manifest["settings"]["speakers"] == rules_version()
    stored_as_worked_out(folder, isolated / "index", isolated / "a")
    result = run("index", "--index", "index", "--max-tokens", "64", "--merge")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    assert len(manifest["segments"]) == 1
    stored_as_worked_out(folder, isolated / "index", isolated / "b")
    assert run("index", str(folder), "--index", str(plain), "--max-tokens", "64").returncode == 0
    assert ask_json(isolated / "index", *QUESTIONS) == ask_json(plain, *QUESTIONS)
    # --no-speakers: the settings say so, new segments store none, the answers stay
    (folder / "later.txt").write_text(bbc_texts[12], encoding="utf-8")
    result = run("index", "--index", "index", "--max-tokens", "64", "--no-speakers")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    assert "speakers" not in manifest["settings"] and [bool(s.get("speakers")) for s in manifest["segments"]] == [True, False]
    assert run("index", str(folder), "--index", str(plain), "--max-tokens", "64").returncode == 0
    assert ask_json(isolated / "index", *QUESTIONS) == ask_json(plain, *QUESTIONS)


def test_speakers_stored_by_other_rules_are_worked_out_again_and_remade_by_the_next_update(isolated, bbc_texts):
    folder = isolated / "corpus"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(bbc_texts[20 + i], encoding="utf-8")
    plain = isolated / "plain"
    assert run("index", str(folder), "--index", str(plain), "--max-tokens", "64").returncode == 0
    assert run("index", str(folder), "--index", "index", "--max-tokens", "64", "--speakers").returncode == 0
    # as an index built before the rules changed records it: another version, in the settings and the segment
    path = isolated / "index" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["settings"]["speakers"] = manifest["segments"][0]["speakers"] = "0123456789abcdef"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    index = Index.open(isolated / "index")
    assert index.n_passages > 5 and all(index.stored_speakers(p, WINDOW) is None for p in range(index.n_passages))
    index.close()
    assert ask_json(isolated / "index", *QUESTIONS) == ask_json(plain, *QUESTIONS)
    result = run("index", "--index", "index", "--max-tokens", "64")  # every file is made again, with these rules
    assert result.returncode == 0, result.stderr
    manifest = json.loads(path.read_text())
    assert manifest["settings"]["speakers"] == rules_version()
    stored_as_worked_out(folder, isolated / "index", isolated / "a")


def test_a_window_other_than_the_stored_one_is_worked_out(isolated, bbc_texts):
    folder = isolated / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(bbc_texts[30], encoding="utf-8")
    build([folder], isolated / "index", SPEAKERS, processes=1)
    index = Index.open(isolated / "index")
    assert index.stored_speakers(0, WINDOW) is not None and index.stored_speakers(0, WINDOW + 1) is None
    index.close()


@pytest.fixture(scope="module")
def bbc_speakers_index(bbc_dir, tmp_path_factory) -> Path:
    """All BBC articles indexed with their speakers stored."""
    index = tmp_path_factory.mktemp("bbc-speakers") / "index"
    result = run("index", str(bbc_dir), "--index", str(index), "--speakers", cwd=bbc_dir.parent)
    assert result.returncode == 0, result.stderr
    return index


def test_stored_and_worked_out_speakers_agree_on_every_bbc_passage(bbc_speakers_index, bbc_index):
    stored, plain = Index.open(bbc_speakers_index), Index.open(bbc_index)
    assert stored.n_passages == plain.n_passages == 10_573
    assert attributions(stored, True) == attributions(plain, False)


def test_bbc_speech_questions_get_the_same_answers_from_stored_speakers(bbc_speakers_index, bbc_index):
    data = Path(__file__).resolve().parents[1] / "bench" / "data"
    questions = [json.loads(line)["question"] for name in ("bbc_tuning_1.jsonl", "speech_tuning.jsonl")
                 for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(questions) > 150
    assert ask_json(bbc_speakers_index, *questions) == ask_json(bbc_index, *questions)
