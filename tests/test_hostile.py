"""A hostile corpus: every file is indexed or skipped with a one-line warning naming it; the run completes."""

from __future__ import annotations

import codecs
import json
import os
import random
from pathlib import Path

import pytest

from conftest import run

from qabot.index import Index
from qabot.render import safe_line

SENTENCE = b"The quick brown fox jumps over the lazy dog near the riverbank today. "


def hostile_corpus(root: Path) -> dict[str, str]:
    """Write the hostile corpus under ``root``; return {file name: reason} for the files to be skipped."""
    root.mkdir(parents=True)

    def w(name: str | bytes, data: bytes) -> None:
        (root / os.fsdecode(name)).write_bytes(data)

    w("good.txt", b"Dam opens on the river\n\nBy Ana Lima\n\nThe new dam on the river opened on Monday, officials said.\n")
    w("binary.txt", random.Random(1).randbytes(20000))
    w("zeros.txt", b"\x00" * 4096)
    w("empty.txt", b"")
    w("blank.md", b"  \n\n \t\n")
    w("latin1.txt", "Café in Zürich\n\nThe café in Zürich served crème brûlée to the maître.\n".encode("latin-1"))
    w("cp1252.txt", "Smart quotes\n\n“It’s fine,” the baker said – twice… for €5.\n".encode("cp1252"))
    w("utf16.txt", codecs.BOM_UTF16_LE + "Unicode sixteen\n\nThe UTF-16 article about glaciers in Greenland.\n".encode("utf-16-le"))
    w("badutf8.txt", "Broken bytes\n\nThe naïve weather station in Zürich recorded snow".encode() + b" \xff today.\n")
    w("nul.txt", b"Nul bytes\n\nThe article about vol\x00canoes erupting\x00 in Iceland.\n")
    w("malformed.json", b'{"title": "x", "text": ')
    w("deep.json", b"[" * 100_000 + b"]" * 100_000)
    w("mixed.jsonl", b'{"title": "Good line", "text": "A good article about penguins."}\n{broken\n[1, 2]\n\n'
                     b'{"title": "Second", "text": "Another article about whales."}\n'
                     b'{"title": "Surrogate", "text": "A lone \\ud800 surrogate about comets."}\n')
    w("list.json", json.dumps([{"title": f"Item {i}", "text": f"Article number {i} is about topic{i}."}
                               for i in range(10_000)]).encode())
    nested = "<div>" * 3000 + "<p>A deeply nested paragraph.</p>" + "</div>" * 3000
    w("hostile.html", ("<html><head><title>Scripts</title><style>body{color:red}</style>"
                       "<script>var secret = 'zanzibar';</script></head><body><script>alert('zanzibar')</script>"
                       "<article><h1>Octopus story</h1><p>Octopuses are clever animals that open jars, "
                       f"scientists said on Tuesday.</p>{nested}</article></body></html>").encode())
    os.symlink("loop.txt", root / "loop.txt")
    os.symlink("b_loop.txt", root / "a_loop.txt")
    os.symlink("a_loop.txt", root / "b_loop.txt")
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "up")  # a folder loop: not followed
    os.mkfifo(root / "fifo.txt")
    (root / "folder.txt").mkdir()
    w("with space.txt", b"Spaces in name\n\nThe article about lighthouses.\n")
    w("new\nline.txt", b"Newline name\n\nThe article about windmills.\n")
    w(b"bad\xffname.txt", b"Bad bytes name\n\nThe article about fjords.\n")
    w("\x1b[2Jevil.txt", b"Escape name\n\nThe article about submarines.\n")
    skipped = {
        "a_loop.txt": "too many levels of symbolic links", "b_loop.txt": "too many levels of symbolic links",
        "loop.txt": "too many levels of symbolic links", "fifo.txt": "not a regular file",
        "binary.txt": "binary file", "zeros.txt": "binary file", "empty.txt": "empty file", "blank.md": "empty file",
        "malformed.json": "invalid JSON (Expecting value: line 1 column 24 (char 23))",
        "deep.json": "invalid JSON (maximum recursion depth exceeded",  # the rest of the message is Python's
    }
    # A read that really fails, even for root: /proc/self/mem at offset 0 is not mapped (EIO).
    if Path("/proc/self/mem").exists():
        os.symlink("/proc/self/mem", root / "unreadable.txt")
        skipped["unreadable.txt"] = "input/output error"
    # No permission: root reads it anyway (then it is indexed like any other file).
    w("noperm.txt", b"No permission\n\nThe article about locks and keys.\n")
    os.chmod(root / "noperm.txt", 0)
    if os.geteuid() != 0:
        skipped["noperm.txt"] = "permission denied"
    return skipped


def _ask(index: Path, question: str) -> dict:
    result = run("ask", "--index", str(index), "--json", "-k", "1", question)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_hostile_corpus_is_indexed_or_skipped_one_line_each(isolated):
    skipped = hostile_corpus(isolated / "corpus")
    result = run("index", "corpus", "--index", "idx", timeout=600)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.returncode == 1, result.stderr  # built, but files that should have been articles failed
    lines = result.stdout.splitlines()
    indexed = 14 - ("noperm.txt" in skipped)
    empty = {"empty.txt", "blank.md"}  # passed over, not failures
    failed = {name: why for name, why in skipped.items() if name not in empty}
    assert lines[0].startswith(f"indexed 10,0{15 - ('noperm.txt' in skipped)} articles from {indexed} files into idx: ")
    assert lines[1] == (f"files: {indexed} new, 0 updated, 0 unchanged, 0 removed, {len(failed)} failed, 2 skipped, "
                        "1 with parts skipped (see the warnings)")  # mixed.jsonl's bad lines
    assert lines[2:12] == [f"new corpus/{safe_line(name)}" for name in sorted(_indexed(skipped))][:10]
    assert lines[12:] == [f"... and {indexed - 10} more new", "skipped corpus/blank.md: empty file",
                          "skipped corpus/empty.txt: empty file"]
    # on stderr, one warning per failed file, naming it, with the reason; then the parts of files skipped
    problems = result.stderr.splitlines()
    _failures_said(problems, failed)

    files = Index.open(isolated / "idx").file_table()
    indexed_names = [Path(p).name for p, st in zip(files.paths, files.status.tolist()) if st == 0]
    assert sorted(indexed_names) == sorted(_indexed(skipped))
    assert [files.art_ptr[i + 1] - files.art_ptr[i] for i, p in enumerate(files.paths) if p.endswith("list.json")] == [10_000]

    # every decoding gives the article's real characters
    expected = {
        "crème brûlée": "The café in Zürich served crème brûlée to the maître.",
        "baker": "“It’s fine,” the baker said – twice… for €5.",
        "glaciers Greenland": "The UTF-16 article about glaciers in Greenland.",
        "weather station": "The naïve weather station in Zürich recorded snow \ufffd today.",
        "volcanoes Iceland": "The article about volcanoes erupting in Iceland.",
        "comets": "A lone \ufffd surrogate about comets.",
        "topic9999": "Article number 9999 is about topic9999.",
        "octopuses jars": "Octopuses are clever animals that open jars, scientists said on Tuesday.",
        "fjords": "The article about fjords.",
        "windmills": "The article about windmills.",
    }
    for question, text in expected.items():
        assert _ask(isolated / "idx", question)["answers"][0]["text"] == text, question
    assert _ask(isolated / "idx", "zanzibar")["no_answer"] is True  # scripts are not article text

    # file names with a newline, an escape or a bad byte are shown on one line, harmlessly
    out = "".join(run("ask", "--index", "idx", word, "-k", "1").stdout for word in ("fjords", "submarines", "windmills"))
    assert "corpus/bad\\xffname.txt, ¶ 1" in out
    assert "corpus/ [2Jevil.txt, ¶ 1" in out
    assert "corpus/new line.txt, ¶ 1" in out
    assert "\x1b" not in out

    # a second run changes nothing and says the same about the failed files, and exits 1 again
    again = run("index", "corpus", "--index", "idx", timeout=600)
    assert again.returncode == 1
    assert again.stdout.splitlines()[1] == (f"files: 0 new, 0 updated, {indexed} unchanged, 0 removed, "
                                            f"{len(failed)} failed, 2 skipped, 1 with parts skipped (see the warnings)")
    _failures_said(again.stderr.splitlines(), failed)
    # fixed or removed, a file warns no more
    (isolated / "corpus" / "mixed.jsonl").write_text('{"title": "Good line", "text": "A good article about penguins."}\n')
    for name in failed:
        (isolated / "corpus" / name).unlink()
    fixed = run("index", "corpus", "--index", "idx", timeout=600)
    assert fixed.returncode == 0 and fixed.stderr == "", fixed.stderr


def _indexed(skipped: dict[str, str]) -> list[str]:
    """The names of the hostile corpus's files that become articles."""
    return [n for n in ["good.txt", "latin1.txt", "cp1252.txt", "utf16.txt", "badutf8.txt", "nul.txt", "mixed.jsonl",
                        "list.json", "hostile.html", "with space.txt", "new\nline.txt", os.fsdecode(b"bad\xffname.txt"),
                        "\x1b[2Jevil.txt", "noperm.txt"] if n not in skipped]


def _failures_said(lines: list[str], failed: dict[str, str]) -> None:
    """``lines`` (stderr) warn once about each failed file, then about mixed.jsonl's two bad lines."""
    shown = sorted(lines[:len(failed)])
    assert len(lines) == len(failed) + 2
    for line, (name, why) in zip(shown, sorted(failed.items())):
        assert line == f"qabot: warning: corpus/{name}: {why}" or (
            name == "deep.json" and line.startswith(f"qabot: warning: corpus/{name}: {why}"))
    assert lines[len(failed):] == [
        "qabot: warning: corpus/mixed.jsonl: line 2: invalid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)); skipped",
        "qabot: warning: corpus/mixed.jsonl: line 3 has no article text; skipped",
    ]


def test_a_clean_corpus_exits_0(isolated):
    (isolated / "c").mkdir()
    (isolated / "c" / "a.txt").write_text("Title\n\nSome text about rivers.\n")
    result = run("index", "c")
    assert result.returncode == 0
    assert result.stdout.splitlines()[1] == "files: 1 new, 0 updated, 0 unchanged, 0 removed, 0 failed, 0 skipped"


@pytest.mark.slow
def test_a_50_mb_file_on_one_line(isolated):
    corpus = isolated / "big"
    corpus.mkdir()
    body = SENTENCE * (50 * 1024 * 1024 // len(SENTENCE))
    (corpus / "huge.txt").write_bytes(b"Huge one-line file\n\n" + body.replace(b"riverbank", b"otters", 1) + b"\n")
    (corpus / "small.txt").write_bytes(b"Small file\n\nThe article about badgers.\n")
    result = run("index", "big", "--index", "idx", timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("indexed 2 articles from 2 files into idx: ")
    answer = _ask(isolated / "idx", "otters")
    assert answer["answers"][0]["text"] == "The quick brown fox jumps over the lazy dog near the otters today."
    assert answer["answers"][0]["article"]["path"] == "big/huge.txt"
    assert _ask(isolated / "idx", "badgers")["answers"][0]["article"]["path"] == "big/small.txt"


def test_an_index_inside_the_corpus_folder_is_not_read_as_articles(isolated):
    (isolated / "a.txt").write_text("Title\n\nSome text about rivers.\n")
    assert run("index", ".", "--index", "idx").returncode == 0
    again = run("index", ".", "--index", "idx")
    assert again.returncode == 0
    assert again.stdout.splitlines()[1] == "files: 0 new, 0 updated, 1 unchanged, 0 removed, 0 failed, 0 skipped"
    asked = run("ask", "rivers", "--index", "idx")
    assert asked.returncode == 0 and asked.stderr == ""  # not rebuilt: its own files are not corpus changes


def test_a_file_swapped_for_a_fifo_after_discovery_is_refused_not_waited_on(tmp_path):
    from qabot.loading import read_file

    os.mkfifo(tmp_path / "late.txt")
    with pytest.raises(OSError, match="not a regular file"):
        read_file(tmp_path / "late.txt")  # a plain open() would wait for a writer forever
    (tmp_path / "ok.txt").write_bytes(b"Title\n\nText.\n")
    assert read_file(tmp_path / "ok.txt") == b"Title\n\nText.\n"
