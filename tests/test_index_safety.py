"""The index is never lost: damage is named in one line, a killed build leaves the previous index, builds never interleave."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run

from qabot.index import FORMAT_VERSION, Index
from qabot.passages import DEFAULT_MAX_TOKENS


def _one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def _data(index: Path) -> Path:
    return index / json.loads((index / "manifest.json").read_text())["data"]


def _segment(index: Path) -> Path:
    return index / json.loads((index / "manifest.json").read_text())["segments"][0]["name"]


def _truncate(index: Path) -> None:
    path = _segment(index) / "post_doc.npy"
    path.write_bytes(path.read_bytes()[:-4])


def _flip(name: str):
    def damage(index: Path) -> None:
        path = (_data(index) if (_data(index) / name).exists() else _segment(index)) / name
        raw = bytearray(path.read_bytes())
        raw[len(raw) // 2] ^= 0x01
        path.write_bytes(bytes(raw))
    return damage


def _remove(name: str):
    def damage(index: Path) -> None:
        ((_data(index) if (_data(index) / name).exists() else _segment(index)) / name).unlink()
    return damage


def _remove_data(index: Path) -> None:
    data = _data(index)
    for f in data.iterdir():
        f.unlink()
    data.rmdir()


def _manifest(change):
    def damage(index: Path) -> None:
        manifest = json.loads((index / "manifest.json").read_text())
        change(manifest)
        (index / "manifest.json").write_text(json.dumps(manifest))
    return damage


DAMAGE = {
    "truncated array": (_truncate, "post_doc.npy has {size} bytes, expected {expected}"),
    "altered array": (_flip("post_extra.npy"), "post_extra.npy does not match its checksum"),
    "altered text": (_flip("text.bin"), "text.bin does not match its checksum"),
    "altered header": (_flip("pas_start.npy"), "pas_start.npy does not match its checksum"),
    "missing array": (_remove("term_base.npy"), "term_base.npy is missing"),
    "missing vocabulary": (_remove("terms.txt"), "terms.txt is missing"),
    "missing data folder": (_remove_data, "data folder {data} is missing"),
    "manifest without counts": (_manifest(lambda m: m.pop("counts")), "manifest.json has no valid 'counts'"),
    "manifest with a path": (_manifest(lambda m: m.update(data="../../etc")), "manifest.json names no data folder"),
    "manifest without checksums": (_manifest(lambda m: m["segments"][0]["checksums"].pop("terms.txt")),
                                   "manifest.json has no checksum for terms.txt"),
    "missing segment folder": (lambda index: shutil.rmtree(_segment(index)), "segment folder {segment} is missing"),
    "manifest without segments": (_manifest(lambda m: m.pop("segments")), "manifest.json has no valid 'segments'"),
    "altered deletions": (_flip("deleted_ptr.npy"), "deleted_ptr.npy does not match its checksum"),
    "altered file table": (_flip("file_mtime.npy"), "file_mtime.npy does not match its checksum"),
    "missing file paths": (_remove("file_paths.bin"), "file_paths.bin is missing"),
    "manifest with bad roots": (_manifest(lambda m: m.update(roots=5)), "manifest.json has no valid 'roots'"),
}


@pytest.mark.parametrize("case", DAMAGE)
def test_damaged_index_is_named_in_one_line_and_mended_by_qabot_index(seeds, case):
    assert run("index").returncode == 0
    index = seeds.parent / "index"
    manifest = json.loads((index / "manifest.json").read_text())
    damage, why = DAMAGE[case]
    damage(index)
    if case == "truncated array":
        why = why.format(size=(_segment(index) / "post_doc.npy").stat().st_size,
                         expected=manifest["segments"][0]["checksums"]["post_doc.npy"]["size"])
    why = why.replace("{data}", manifest["data"]).replace("{segment}", manifest["segments"][0]["name"])
    for args in (["ask", "Wang", "--index", "index"], ["index", "--verify"]):
        result = run(*args)
        assert result.returncode == 5, (args, result.stderr)
        assert _one_line(result) == f"qabot: error: the index at index is damaged: {why}; run qabot index\n"
    mended = run("index")
    assert mended.returncode == 0, mended.stderr
    assert run("index", "--verify").stdout == ("the index at index is intact\n"
                                               "the article files in seeds are as they were when it was built\n"
                                               "who speaks where is stored for 0 of 15 passages; answers work out the "
                                               "rest (too few to be worth a pass)\n")
    assert run("ask", "what did Wang say about Ukraine", "--index", "index").returncode == 0


def test_newer_version_is_refused_by_ask_and_verify(seeds):
    run("index")
    newer = FORMAT_VERSION + 1
    _manifest(lambda m: m.update(version=newer))(seeds.parent / "index")
    for args in (["ask", "Wang", "--index", "index"], ["index", "--verify"]):
        result = run(*args)
        assert result.returncode == 5
        assert _one_line(result) == (f"qabot: error: the index at index has format version {newer}, this qabot reads "
                                     f"version {FORMAT_VERSION} (it was built by a newer qabot); run qabot index to rebuild it\n")


def test_a_reader_keeps_its_data_folder_while_a_build_replaces_it(seeds):
    run("index")
    index_dir = seeds.parent / "index"
    reader = Index.open(index_dir)
    old = reader.data_dir
    assert run("index", "--max-tokens", "64").returncode == 0  # a new build, nothing reused
    assert _data(index_dir) != old and old.is_dir()  # left for the reader
    assert reader.article(0).title.startswith("In meeting with China")
    reader.close()
    assert run("index").returncode == 0
    assert sorted(p.name for p in index_dir.iterdir() if p.name.startswith(("data-", ".data-"))) == [_data(index_dir).name]


def _corpus(root: Path, files: int, seed: int = 7) -> None:
    """Generated articles of plain words: about 20 KB each."""
    rng = random.Random(seed)
    words = [f"{rng.choice('bcdfghklmnprstvz')}{rng.choice('aeiou')}{rng.choice('bcdfghklmnprstvz')}"
             f"{rng.choice('aeiou')}{rng.choice('nrst')}" for _ in range(3000)]
    root.mkdir()
    for i in range(files):
        paragraphs = []
        for _ in range(12):
            sentences = [" ".join(rng.choices(words, k=rng.randint(8, 25))).capitalize() + "." for _ in range(10)]
            paragraphs.append(" ".join(sentences))
        (root / f"{i:04}.txt").write_text(f"Article {i}\n\n" + "\n\n".join(paragraphs) + "\n")
    (root / "anchor.txt").write_text("Anchor\n\nThe lighthouse keeper counted the herons at dawn.\n")


def _start_index(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "qabot", "index", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll until ``condition()`` or the process ends; True when the condition was met first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.001)
    raise AssertionError("timed out")


def _answer(index: Path, question: str) -> dict:
    result = run("ask", "--index", str(index), "--json", "-k", "1", question)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _cited(answer: dict) -> list[tuple]:
    """What an answer quotes and cites, without its scores."""
    return [(a["text"], a["article"]["path"], a["paragraph"], a["start"], a["end"]) for a in answer["answers"]]


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_the_previous_index(isolated):
    _corpus(isolated / "corpus", 600)  # a build of about 2 s: one second in, it is still reading files
    index = isolated / "index"
    first = run("index", "corpus", "--index", "index")
    assert first.returncode == 0, first.stderr
    expected = _answer(index, "lighthouse herons")
    assert expected["answers"][0]["text"] == "The lighthouse keeper counted the herons at dawn."
    old_data = _data(index).name

    def staging() -> bool:
        return any(p.name.startswith(".data-") for p in index.iterdir())

    def renamed() -> bool:
        return any(p.name.startswith("data-") and p.name != old_data for p in index.iterdir())

    def swapped() -> bool:
        return _data(index).name != old_data

    moments = {"reading files": lambda: time.sleep(1.0) or True, "writing the new data folder": staging,
               "new folder in place": renamed, "manifest swapped": swapped}
    killed = []
    old_tokens = DEFAULT_MAX_TOKENS
    for moment, tokens in zip(moments, (96, 112, 128, 144)):
        condition = moments[moment]
        # another max-tokens each time: nothing of the previous build is reused, so the build takes seconds
        # (also when a build before it got as far as the swap)
        proc = _start_index("corpus", "--index", "index", "--max-tokens", str(tokens))
        if _wait_for(condition, proc):
            proc.send_signal(signal.SIGKILL)
        proc.communicate()
        if proc.returncode == -signal.SIGKILL:
            killed.append(moment)
        # whichever build the manifest names (the old one, or the new one when the kill came after the
        # swap) is complete: it verifies, loads and answers, without being rebuilt
        manifest = json.loads((index / "manifest.json").read_text())
        assert manifest["settings"]["max_tokens"] == (old_tokens if manifest["data"] == old_data else tokens), moment
        assert run("index", "--index", "index", "--verify").returncode == 0, moment
        result = run("ask", "--index", "index", "--json", "-k", "1", "lighthouse herons")
        assert (result.returncode, result.stderr) == (0, ""), moment
        # the same answer: scores and confidence may differ with the passage count of the other budget
        assert _cited(json.loads(result.stdout)) == _cited(expected), moment
        old_data, old_tokens = manifest["data"], manifest["settings"]["max_tokens"]
    assert "reading files" in killed and len(killed) >= 3, killed
    # the next build succeeds and clears what the killed ones left behind
    (isolated / "corpus" / "zebra.txt").write_text("Zebra\n\nA zebra crossed the savanna at noon.\n")
    final = run("index", "corpus", "--index", "index", "--max-tokens", "80")
    assert final.returncode == 0, final.stderr
    assert sorted(p.name for p in index.iterdir() if "data-" in p.name) == [_data(index).name]
    assert _answer(index, "zebra savanna")["answers"][0]["text"] == "A zebra crossed the savanna at noon."


@pytest.mark.slow
def test_two_builds_on_one_index_never_interleave(isolated):
    # about 30 MB: the first build (about 5 s) outlasts the second's start and its wait for the lock
    # (``store.manifest.LOCK_PATIENCE``); at 600 files (2 s) it sometimes ended first on a loaded machine
    _corpus(isolated / "corpus", 1500)
    index = isolated / "index"
    first = _start_index("corpus", "--index", "index")
    assert _wait_for(lambda: (index / ".lock").exists(), first)
    time.sleep(0.3)  # the lock is taken right after the file is opened
    second = run("index", "corpus", "--index", "index")
    assert first.poll() is None, "the first build ended before the second started"
    assert second.returncode == 6
    assert _one_line(second) == "qabot: error: another qabot index is writing index; wait for it to finish\n"
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert out.startswith("indexed 1,501 articles from 1,501 files into index: ")
    assert run("index", "--index", "index", "--verify").returncode == 0
    assert _answer(index, "lighthouse herons")["answers"][0]["text"] == "The lighthouse keeper counted the herons at dawn."


def test_an_index_that_cannot_be_written_is_one_line_and_keeps_the_old_one(seeds, isolated):
    (isolated / "file").write_text("not a folder")
    result = run("index", "--index", "file/index")
    assert result.returncode == 7
    assert _one_line(result) == ("qabot: error: cannot write the index at file/index: not a directory; "
                                 "the previous index, if any, is unchanged\n")
    assert run("index").returncode == 0
    before = (isolated / "index" / "manifest.json").read_text()
    for i in range(300):  # enough text that the new build's files pass the size limit below
        (seeds / f"extra{i}.txt").write_text(f"Extra {i}\n\n" + "Words about rivers and hills. " * 40)

    def small_files() -> None:  # writes past 200 KB fail with EFBIG, as on a full disk
        import resource
        import signal as sig
        sig.signal(sig.SIGXFSZ, sig.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    full = subprocess.run([sys.executable, "-m", "qabot", "index"], capture_output=True, text=True,
                          preexec_fn=small_files, timeout=300)
    assert full.returncode == 7, full.stderr
    assert _one_line(full) == ("qabot: error: cannot write the index at index: file too large; "
                               "the previous index, if any, is unchanged\n")
    assert (isolated / "index" / "manifest.json").read_text() == before
    assert not [p for p in (isolated / "index").iterdir() if p.name.startswith(".data-")]
    assert run("index", "--verify").returncode == 0


def test_an_index_from_another_analyzer_version_is_rebuilt_before_answering(seeds, isolated):
    run("index")
    _manifest(lambda m: m["settings"].update(analyzer=1))(isolated / "index")
    result = run("ask", "what did Wang say about Ukraine")
    assert result.returncode == 0
    assert result.stderr.startswith("qabot: the index was built with another version of the analyzer; building ")
    assert json.loads((isolated / "index" / "manifest.json").read_text())["settings"]["analyzer"] != 1


def test_ask_answers_from_the_current_index_while_another_build_holds_the_lock(seeds, isolated):
    import fcntl

    run("index")
    (seeds / "new.txt").write_text("New\n\nThe zebra crossed the savanna.\n")  # the index is now stale
    with open(isolated / "index" / ".lock", "a+") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running qabot index holds it
        result = run("ask", "what did Wang say about Ukraine")
        assert result.returncode == 0
        assert result.stderr.endswith("qabot: another qabot index is writing index; answering from the index as it is\n")
        assert "Wang said" in result.stdout
        refused = run("index")
        assert refused.returncode == 6
    rebuilt = run("ask", "zebra")
    assert rebuilt.returncode == 0 and "The zebra crossed the savanna." in rebuilt.stdout
