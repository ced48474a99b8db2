"""Bad input: one line on stderr, a non-zero status, never a traceback; nothing the user had is lost."""

from __future__ import annotations

import json

from conftest import run


def _one_line_error(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("qabot: error: ")
    return result.stderr


def test_missing_corpus(isolated):
    result = run("index", "nowhere")
    assert result.returncode == 3
    assert _one_line_error(result) == "qabot: error: no such file or folder: nowhere\n"


def test_ask_without_corpus_or_index(isolated):
    result = run("ask", "anything")
    assert result.returncode == 3
    assert "no seeds/ folder here" in _one_line_error(result)


def test_ask_with_a_named_index_that_does_not_exist(isolated):
    result = run("ask", "anything", "--index", "elsewhere")
    assert result.returncode == 4
    assert _one_line_error(result) == "qabot: error: no index at elsewhere; run qabot index --index elsewhere PATH\n"


def test_bad_usage_is_exit_2_with_one_line(isolated):
    for args in (["ask"], ["ask", "x", "-k", "0"], ["index", "--max-tokens", "many"], ["frobnicate"]):
        result = run(*args)
        assert result.returncode == 2, args
        _one_line_error(result)


def test_corpus_with_nothing_indexable(isolated):
    (isolated / "bad.json").write_text('{"title": "x",')
    result = run("index", "bad.json")
    assert result.returncode == 3
    assert _one_line_error(result).startswith("qabot: error: no articles to index in bad.json: bad.json: invalid JSON")


def test_damaged_index_gives_clear_message(seeds):
    assert run("index").returncode == 0
    manifest = json.loads((seeds.parent / "index" / "manifest.json").read_text())
    data = seeds.parent / "index" / manifest["segments"][0]["name"]
    (data / "post_doc.npy").write_bytes((data / "post_doc.npy").read_bytes()[:-8])
    result = run("ask", "Wang", "--index", "index")
    assert result.returncode == 5
    assert _one_line_error(result) == (
        "qabot: error: the index at index is damaged: post_doc.npy has "
        f"{(data / 'post_doc.npy').stat().st_size} bytes, expected {manifest['segments'][0]['checksums']['post_doc.npy']['size']}; "
        "run qabot index\n")
    # qabot index mends it: the damaged build is not reused
    rebuilt = run("index")
    assert rebuilt.returncode == 0
    assert rebuilt.stdout.splitlines()[1] == "files: 1 new, 0 updated, 0 unchanged, 0 removed, 0 failed, 0 skipped"
    assert run("ask", "Wang", "--index", "index").returncode == 0


def test_altered_array_caught_by_verify(seeds):
    run("index")
    manifest = json.loads((seeds.parent / "index" / "manifest.json").read_text())
    path = seeds.parent / "index" / manifest["segments"][0]["name"] / "post_extra.npy"
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0xFF
    path.write_bytes(bytes(raw))
    result = run("index", "--verify")
    assert result.returncode == 5
    assert "post_extra.npy does not match its checksum" in _one_line_error(result)


def test_manifest_from_a_newer_version_is_refused(seeds):
    run("index")
    path = seeds.parent / "index" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["version"] = 99
    path.write_text(json.dumps(manifest))
    result = run("ask", "Wang", "--index", "index")
    assert result.returncode == 5
    assert "built by a newer qabot" in _one_line_error(result)


def test_garbage_manifest(seeds):
    (seeds.parent / "index").mkdir()
    (seeds.parent / "index" / "manifest.json").write_text("{not json")
    result = run("ask", "Wang", "--index", "index")
    assert result.returncode == 5
    assert _one_line_error(result) == (
        "qabot: error: the index at index is damaged: manifest.json is not valid JSON; run qabot index\n")


def test_failed_build_keeps_the_previous_index(seeds, isolated):
    run("index")
    before = (isolated / "index" / "manifest.json").read_text()
    (isolated / "empty").mkdir()
    (isolated / "empty" / "x.json").write_text("[]")
    refused = run("index", "empty")  # another folder than the index's: refused without --replace
    assert refused.returncode == 2 and "--replace" in refused.stderr
    result = run("index", "empty", "--replace")
    assert result.returncode == 3
    assert (isolated / "index" / "manifest.json").read_text() == before
    assert run("ask", "Patrushev", "--index", "index").returncode == 0


def test_a_missing_path_is_exit_3_named_as_typed_whether_indexed_or_added(isolated):
    (isolated / "one").mkdir()
    (isolated / "one" / "a.txt").write_text("Harbour news\n\nThe harbour master retired.\n", encoding="utf-8")
    assert run("index", "one", "--index", "idx").returncode == 0
    typed = str(isolated / "nope")  # absolute, under the current folder: shown as typed, not shortened
    for path, args in ((typed, ["index", typed]), (typed, ["index", "--add", typed, "--index", "idx"]),
                       ("./x/../nope", ["index", "--add", "./x/../nope", "--index", "idx"])):
        result = run(*args)
        assert result.returncode == 3, args
        assert _one_line_error(result) == f"qabot: error: no such file or folder: {path}\n"


def test_a_damaged_manifest_that_names_no_folders_is_exit_5_and_says_how_to_rebuild(isolated):
    (isolated / "one").mkdir()
    (isolated / "one" / "a.txt").write_text("Harbour news\n\nThe harbour master retired.\n", encoding="utf-8")
    assert run("index", "one", "--index", "idx").returncode == 0
    (isolated / "idx" / "manifest.json").write_text("{broken", encoding="utf-8")
    result = run("index", "--index", "idx")
    assert result.returncode == 5
    assert _one_line_error(result) == (
        "qabot: error: the index at idx is damaged (manifest.json is not valid JSON) and no longer says what it indexed; "
        "build it again from its articles: qabot index --index idx PATH\n")
    again = run("index", "--index", "idx", "one")  # as it says
    assert again.returncode == 0, again.stderr
    assert run("ask", "--index", "idx", "harbour master").returncode == 0
