"""Speakers stored at build time (``qabot index --speakers``): every passage's stored attributions are those the
answer works out itself, through updates, merges and whatever segments hold; an index made with other rules is
answered by working them out again, and its next update makes them anew; the answers never change."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import BACKGROUND, ask_json, build_through, run, update_ops

from qabot.answering import Answerer
from qabot.answering.params import SpeechParams
from qabot.build import Settings, SpeakerStore, build
from qabot.building import speaker_pass
from qabot.index import Index
from qabot.speakers.windows import rules_version
from qabot.store.writing import attach_speakers

WINDOW = SpeechParams().speaker_window
SPEAKERS = Settings(max_tokens=64, speakers=SpeakerStore.BUILD)
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


def _corpus(isolated: Path, texts: list[str]) -> Path:
    """``isolated/corpus`` holding ``texts`` as 0.txt, 1.txt, ..."""
    folder = isolated / "corpus"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_of_updates_stores_what_the_answer_works_out(bbc_texts, ops):
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder, index_dir = build_through(scratch, bbc_texts, ops, SPEAKERS)
        stored_as_worked_out(folder, index_dir, scratch)


def test_the_cli_keeps_stored_speakers_through_updates_and_merges(isolated, bbc_texts):
    folder = _corpus(isolated, bbc_texts[:6])
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
    # --no-speakers: the settings say so (false: no pass after the build either), new segments store none
    (folder / "later.txt").write_text(bbc_texts[12], encoding="utf-8")
    result = run("index", "--index", "index", "--max-tokens", "64", "--no-speakers")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    assert manifest["settings"]["speakers"] is False and [bool(s.get("speakers")) for s in manifest["segments"]] == [True, False]
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


# --- the speaker pass: what a plain ``qabot index`` stores after the build, in the background ---

AFTER = Settings(max_tokens=64)
"""Small passages; speakers stored by the pass after the build (the default)."""


def stored_by_pass(index_dir: Path, step: int) -> None:
    """After every other build, the pass (so that merges meet segments with and without what it stored)."""
    if step % 2 == 0:
        assert speaker_pass.run(index_dir) >= 0
        assert not speaker_pass.lacking(json.loads((index_dir / "manifest.json").read_text()))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_the_pass_after_any_sequence_of_updates_stores_what_the_answer_works_out(bbc_texts, ops):
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder, index_dir = build_through(scratch, bbc_texts, ops, AFTER, after=stored_by_pass)
        speaker_pass.run(index_dir)
        stored_as_worked_out(folder, index_dir, scratch)
        Index.open(index_dir).verify()  # every file the pass added is checksummed in the manifest


def test_the_pass_stores_only_segments_that_lack_speakers_and_joins_them_in_a_merge(isolated, bbc_texts):
    folder = _corpus(isolated, bbc_texts[:4])
    index_dir = isolated / "index"
    build([folder], index_dir, AFTER, processes=1)
    assert speaker_pass.run(index_dir) == 1
    first = json.loads((index_dir / "manifest.json").read_text())["segments"][0]
    kept = (index_dir / first["name"] / "spk_code.npy").stat().st_ino
    assert speaker_pass.run(index_dir) == 0  # nothing lacks them
    (folder / "new.txt").write_text(bbc_texts[5], encoding="utf-8")
    build([folder], index_dir, AFTER, processes=1)
    assert speaker_pass.run(index_dir) == 1  # the new segment only; the first one's files are the same
    assert (index_dir / first["name"] / "spk_code.npy").stat().st_ino == kept
    build([folder], index_dir, AFTER, processes=1, merge=True)  # both stored: the merge joins them, attributing nothing
    assert not speaker_pass.lacking(json.loads((index_dir / "manifest.json").read_text()))
    stored_as_worked_out(folder, index_dir, isolated)
    assert not [p for p in index_dir.rglob("*.tmp")]


def test_what_the_pass_made_for_a_segment_a_build_replaced_is_not_added(isolated, bbc_texts):
    folder = _corpus(isolated, bbc_texts[:3])
    index_dir = isolated / "index"
    build([folder], index_dir, AFTER, processes=1)
    index = Index.open(index_dir)
    name = index.segments[0].name
    arrays, stored = speaker_pass.attribute_segment(index, 0)
    index.close()
    (folder / "3.txt").write_text(bbc_texts[3], encoding="utf-8")
    build([folder], index_dir, AFTER, processes=1, merge=True)  # the segment is merged away meanwhile
    before = (index_dir / "manifest.json").read_bytes()
    assert attach_speakers(index_dir, name, arrays, stored) is False
    assert (index_dir / "manifest.json").read_bytes() == before
    assert not [p for p in index_dir.rglob("*.tmp")]
    assert ask_json(index_dir, *QUESTIONS[:3])  # the index answers as before


def test_no_pass_is_started_for_a_small_index_or_one_that_says_no(isolated, bbc_texts):
    folder = _corpus(isolated, bbc_texts[:3])
    result = run("index", str(folder), "--index", "index", env=BACKGROUND)
    assert result.returncode == 0 and "background" not in result.stdout  # too few passages to be worth it
    assert speaker_pass.due(isolated / "index", minimum=1)
    assert not speaker_pass.due(isolated / "index")
    for flag in ("--no-speakers", "--speakers"):  # never, or stored by the build itself
        assert run("index", str(folder), "--index", flag[2:], flag).returncode == 0
        assert not speaker_pass.due(isolated / flag[2:], minimum=1)
    said = [run("index", "--index", name, "--verify").stdout.splitlines()[2] for name in ("index", "no-speakers", "speakers")]
    assert said[0].startswith("who speaks where is stored for 0 of ") and said[0].endswith("(too few to be worth a pass)")
    assert said[1] == "who speaks where is not stored (qabot index --no-speakers): each answer works it out"
    assert said[2].startswith("who speaks where is stored for all ")


def test_a_build_waits_for_a_writer_that_holds_the_lock_briefly(isolated, bbc_texts):
    folder = isolated / "corpus"
    folder.mkdir()
    (folder / "0.txt").write_text(bbc_texts[0], encoding="utf-8")
    index_dir = isolated / "index"
    build([folder], index_dir, AFTER, processes=1)
    from qabot.store.manifest import write_lock

    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with write_lock(index_dir):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    threading.Timer(0.3, release.set).start()  # as the pass does, for milliseconds
    (folder / "1.txt").write_text(bbc_texts[1], encoding="utf-8")
    result = run("index", str(folder), "--index", "index")
    holder.join()
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout


def wait_for_pass(index_dir: Path, seconds: float = 300) -> dict:
    """The manifest once every segment stores speakers (the background pass is done)."""
    deadline = time.monotonic() + seconds
    while True:
        manifest = json.loads((index_dir / "manifest.json").read_text())
        if not speaker_pass.lacking(manifest):
            return manifest
        assert time.monotonic() < deadline, "the speaker pass did not finish"
        time.sleep(0.5)


def test_qabot_index_stores_speakers_in_the_background_as_the_build_would(bbc_dir, bbc_speakers_index, bbc_index,
                                                                            tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("bbc-pass") / "index"
    quiet = run("index", str(bbc_dir), "--index", str(index_dir), cwd=bbc_dir.parent)  # QABOT_BACKGROUND=0: no pass
    assert quiet.returncode == 0 and "background" not in quiet.stdout
    time.sleep(1)
    assert speaker_pass.lacking(json.loads((index_dir / "manifest.json").read_text()))
    result = run("index", str(bbc_dir), "--index", str(index_dir), cwd=bbc_dir.parent, env=BACKGROUND)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("finding who speaks in each passage, in the background")
    manifest = wait_for_pass(index_dir)
    assert "speakers" not in manifest["settings"]  # the default: no flag recorded, later updates start it again
    verified = run("index", "--index", str(index_dir), "--verify", cwd=bbc_dir.parent)
    assert verified.returncode == 0 and verified.stdout.startswith("the index at")
    assert verified.stdout.splitlines()[2] == "who speaks where is stored for all 10,573 passages"
    ours, theirs = Index.open(index_dir), Index.open(bbc_speakers_index)
    assert ours.n_passages == theirs.n_passages == 10_573
    for p in range(ours.n_passages):
        assert ours.stored_speakers(p, WINDOW) == theirs.stored_speakers(p, WINDOW), p
    questions = ["what did Blair say about Iraq", "what did Howard say about tax", "what did the minister say"]
    assert ask_json(index_dir, *questions) == ask_json(bbc_index, *questions)
    again = run("index", str(bbc_dir), "--index", str(index_dir), cwd=bbc_dir.parent, env=BACKGROUND)
    assert again.returncode == 0 and "background" not in again.stdout  # nothing lacks them


def test_a_pass_killed_at_any_moment_leaves_the_index_intact_and_the_next_one_finishes(isolated, bbc_texts):
    folder = _corpus(isolated, bbc_texts)
    index_dir = isolated / "index"
    build([folder], index_dir, AFTER, processes=1)
    command = [sys.executable, "-m", "qabot.building.speaker_pass", str(index_dir)]
    for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5):
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        child.kill()
        out, err = child.communicate()
        assert out == b"" and (child.returncode == -9 or err == b""), err  # nothing printed, whenever it ends
        index = Index.open(index_dir)
        index.verify()  # what the manifest names is whole, whatever moment it died at
        index.close()
        speaker_pass.run(index_dir, minimum=10**9)  # wants none: does nothing, and must not fail either
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert not speaker_pass.lacking(json.loads((index_dir / "manifest.json").read_text()))
    assert not [p for p in index_dir.rglob("*.tmp")]  # a killed pass's files were cleared by the next
    stored_as_worked_out(folder, index_dir, isolated)


def test_the_pass_replaces_speakers_stored_by_other_rules_and_the_index_stays_whole(isolated, bbc_texts):
    folder = _corpus(isolated, bbc_texts[:6])
    index_dir = isolated / "index"
    build([folder], index_dir, AFTER, processes=1)
    assert speaker_pass.run(index_dir) == 1
    path = index_dir / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["segments"][0]["speakers"] = "0123456789abcdef"  # as stored by the rules of an older qabot
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert speaker_pass.lacking(manifest)
    assert speaker_pass.run(index_dir) == 1
    assert json.loads(path.read_text())["segments"][0]["speakers"] == rules_version()
    Index.open(index_dir).verify()
    stored_as_worked_out(folder, index_dir, isolated)


def test_a_chat_and_a_batch_opened_before_the_pass_ends_read_what_it_stored(isolated, bbc_texts):
    from qabot.chat import Chat
    from qabot.render import Style

    folder = _corpus(isolated, bbc_texts[:6])
    index_dir = isolated / "index"
    build([folder], index_dir, AFTER, processes=1)
    index = Index.open(index_dir)
    assert index.reopened() is None  # nothing changed: one stat
    out = io.StringIO()
    chat = Chat(index_dir, out, Style(color=False, width=100))
    chat.ask(QUESTIONS[0])
    assert not chat.index.stores_speakers(WINDOW)
    first = out.getvalue()
    assert speaker_pass.run(index_dir) == 1
    fresh = index.reopened()
    assert fresh is not None and fresh.stores_speakers(WINDOW) and fresh.n_passages == index.n_passages
    assert index.reopened() is None  # once per change
    out.truncate(0), out.seek(0)
    chat.ask(QUESTIONS[0])  # the conversation goes on over the index with stored speakers, the same answer
    assert chat.index.stores_speakers(WINDOW) and out.getvalue().endswith(first.split("\n", 1)[1])
    (folder / "new.txt").write_text(bbc_texts[7], encoding="utf-8")
    build([folder], index_dir, AFTER, processes=1)
    assert fresh.reopened() is None  # a build: not the same articles; the chat's /index opens it again
    # a batch through the CLI: the pass stores the new segment's speakers between two of its questions; the answers
    # are those of a batch run after it
    batch = subprocess.Popen([sys.executable, "-m", "qabot", "ask", "--index", "index", "--json", "-"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    batch.stdin.write(QUESTIONS[0] + "\n")
    batch.stdin.flush()
    got = [batch.stdout.readline()]
    assert speaker_pass.run(index_dir) == 1
    out, err = batch.communicate("\n".join(QUESTIONS[1:]) + "\n", timeout=120)
    assert batch.returncode == 0, err
    got += out.splitlines(keepends=True)
    after = run("ask", "--index", "index", "--json", "-", input="\n".join(QUESTIONS) + "\n")
    assert after.returncode == 0 and "".join(got) == after.stdout
