"""Managing what is indexed: qabot index keeps the index's folders, --add/--remove/--replace change them,
qabot list shows the articles, and paths show the same way everywhere."""

from __future__ import annotations

import json
import os

from conftest import run


def _write(folder, name: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def _listed(index: str = "idx", cwd=None) -> list[dict]:
    result = run("list", "--json", "--index", index, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_index_without_a_path_updates_the_index_folders(isolated, seeds):
    _write(isolated / "notes", "a.txt", "Harbour news", "The harbour master retired on Monday.")
    assert run("index", "notes", "--index", "idx").returncode == 0
    again = run("index", "--index", "idx")  # not seeds/: the index's own folder
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1] == "files: 0 new, 0 updated, 1 unchanged, 0 removed, 0 failed, 0 skipped"
    assert [a["path"] for a in _listed()] == ["notes/a.txt"]


def test_add_remove_and_replace_folders(isolated):
    _write(isolated / "one", "a.txt", "Harbour news", "The harbour master retired on Monday.")
    _write(isolated / "two", "b.md", "Bridge news", "By Jane Roe\n\nThe bridge opens in May.")
    assert run("index", "one", "--index", "idx").returncode == 0
    refused = run("index", "two", "--index", "idx")  # would drop one/: refused
    assert refused.returncode == 2
    assert refused.stderr == ("qabot: error: the index at idx holds one; use --add PATH to add to it, or --replace to "
                              "index only the PATHs given\n")
    added = run("index", "--add", "two", "--index", "idx")
    assert added.returncode == 0
    assert added.stdout.splitlines()[1:] == ["files: 1 new, 0 updated, 1 unchanged, 0 removed, 0 failed, 0 skipped",
                                             "new two/b.md"]
    assert [(a["path"], a["title"], a["byline"], a["passages"]) for a in _listed()] == [
        ("one/a.txt", "Harbour news", None, 1), ("two/b.md", "Bridge news", "Jane Roe", 1)]
    # chat's /index PATH and ask use the same folders: an ask after an edit rebuilds from both
    asked = run("ask", "bridge", "--index", "idx")
    assert asked.returncode == 0 and asked.stderr == "" and "— two/b.md, ¶ 1" in asked.stdout

    not_there = run("index", "--remove", "three", "--index", "idx")
    assert not_there.returncode == 2 and "three is not one of the index's files or folders (one, two)" in not_there.stderr
    removed = run("index", "--remove", "one", "--index", "idx")
    assert removed.returncode == 0
    assert removed.stdout.splitlines()[1:] == ["files: 0 new, 0 updated, 1 unchanged, 1 removed, 0 failed, 0 skipped",
                                               "removed one/a.txt"]
    assert [a["path"] for a in _listed()] == ["two/b.md"]
    emptied = run("index", "--remove", "two", "--index", "idx")
    assert emptied.returncode == 2 and emptied.stderr == (
        "qabot: error: that would leave the index with no files or folders; to index others instead: "
        "qabot index PATH --replace\n")
    replaced = run("index", "one", "--replace", "--index", "idx")
    assert replaced.returncode == 0
    assert [a["path"] for a in _listed()] == ["one/a.txt"]


def test_the_report_names_ten_files_of_each_kind_then_counts(isolated):
    for i in range(13):
        _write(isolated / "many", f"{i:02d}.txt", f"Story {i}", f"The council met {i} times.")
    result = run("index", "many", "--index", "idx")
    lines = result.stdout.splitlines()
    assert lines[2:] == [f"new many/{i:02d}.txt" for i in range(10)] + ["... and 3 more new"]


def test_list_shows_paths_relative_to_the_current_folder_or_absolute(isolated):
    _write(isolated / "corpus", "a.txt", "Harbour news", "2024-05-01\n\nThe harbour master retired.")
    assert run("index", "corpus", "--index", "idx").returncode == 0
    text = run("list", "--index", "idx")
    assert text.stdout == "corpus/a.txt  Harbour news · 2024-05-01 (1 passage)\n"
    elsewhere = isolated.parent / "elsewhere"
    elsewhere.mkdir()
    outside = _listed(str(isolated / "idx"), cwd=elsewhere)
    assert outside[0]["path"] == os.path.join(str(isolated), "corpus", "a.txt")  # not under the current folder
    asked = run("ask", "--json", "harbour master", "--index", str(isolated / "idx"), cwd=elsewhere)
    assert json.loads(asked.stdout)["answers"][0]["article"]["path"] == outside[0]["path"]
    inside = _listed(str(isolated / "idx"), cwd=isolated / "corpus")
    assert inside[0]["path"] == "a.txt"


def test_ask_never_drops_a_folder_that_is_away(isolated):
    _write(isolated / "one", "a.txt", "Harbour news", "The harbour master retired on Monday.")
    _write(isolated / "two", "b.txt", "Bridge news", "The bridge opens in May.")
    assert run("index", "one", "two", "--index", "idx").returncode == 0
    (isolated / "two").rename(isolated / "away")  # an unmounted disk, say
    asked = run("ask", "bridge", "--index", "idx")
    assert asked.returncode == 0
    assert asked.stderr == "qabot: two is gone; answering from the index as it is (qabot index --remove PATH drops it)\n"
    assert "— two/b.txt, ¶ 1" in asked.stdout
    assert [a["path"] for a in _listed()] == ["one/a.txt", "two/b.txt"]


def test_the_readme_documents_managing_the_index_and_every_exit_status():
    import re

    from conftest import PROJECT
    from qabot import errors
    from qabot.cli import EXIT_FAILED, EXIT_INTERRUPTED, make_parser

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    index_options = make_parser()._subparsers._group_actions[0].choices["index"]._option_string_actions
    for option in ("--add", "--remove", "--replace", "--merge", "--verify"):
        assert option in index_options and (f"`{option}" in readme or f" {option}`" in readme), option
    assert "`qabot list`" in readme and "`qabot index` exits 1 when" in readme and "Ctrl-C exits 130" in readme
    assert (EXIT_FAILED, EXIT_INTERRUPTED) == (1, 130)
    statuses = readme[readme.index("non-zero exit status"):].split("\n\n")[0]
    codes = {c.exit_code for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.QabotError)}
    for code in sorted(codes - {1}) + [70]:  # 1 is qabot index's own (above); 70 a bug
        assert re.search(rf"\b{code} [a-z]", statuses), f"exit status {code} is not in the README"


def test_paths_show_the_same_way_in_the_report_list_ask_chat_and_warnings(isolated):
    _write(isolated / "corpus", "a.txt", "Harbour news", "The harbour master retired on Monday after forty years.")
    (isolated / "corpus" / "broken.json").write_bytes(b"junk\x00\x01")
    elsewhere = isolated.parent / "elsewhere"
    elsewhere.mkdir()
    absolute = os.path.join(str(isolated), "corpus")
    for cwd, index, shown in ((isolated, "idx", "corpus/"), (elsewhere, str(isolated / "idx"), absolute + "/"),
                              (isolated / "corpus", "../idx", "")):
        _write(isolated / "corpus", f"{cwd.name}.txt", f"Ferry {cwd.name}", f"The ferry to {cwd.name} sails at noon.")
        built = run("index", *(["corpus"] if cwd == isolated else []), "--index", index, cwd=cwd)
        assert built.returncode == 1  # broken.json, on every run
        assert built.stderr == f"qabot: warning: {shown}broken.json: binary file\n"
        assert f"new {shown}{cwd.name}.txt" in built.stdout.splitlines()
        listed = run("list", "--index", index, cwd=cwd).stdout.splitlines()
        assert f"{shown}a.txt  Harbour news (1 passage)" in listed
        cited = f"[1] Ferry {cwd.name} — {shown}{cwd.name}.txt, ¶ 1"  # a long path wraps: compared unwrapped
        asked = run("ask", f"when does the ferry to {cwd.name} sail", "--index", index, cwd=cwd)
        assert cited in " ".join(asked.stdout.split())
        chatted = run("chat", "--index", index, input=f"when does the ferry to {cwd.name} sail\n", cwd=cwd)
        assert cited in " ".join(chatted.stdout.split())


def test_images_audio_video_archives_and_office_files_are_ignored_quietly_and_counted_apart(isolated):
    _write(isolated / "corpus", "a.txt", "Harbour news", "The harbour master retired on Monday.")
    for name, data in (("photo.png", b"\x89PNG\r\n\x1a\n"), ("photo.JPG", b"\xff\xd8\xff"), ("song.mp3", b"ID3"),
                       ("clip.mp4", b"\0\0\0\x18ftyp"), ("old.zip", b"PK\x03\x04"), ("notes.tar.gz", b"\x1f\x8b"),
                       ("report.docx", b"PK\x03\x04"), ("sheet.xlsx", b"PK\x03\x04"), ("paper.pdf", b"%PDF-1.4")):
        (isolated / "corpus" / name).write_bytes(data)
    for _ in range(2):
        result = run("index", "corpus", "--index", "idx")
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.splitlines()[1].endswith(
            "0 removed, 0 failed, 0 skipped, 9 ignored (images, audio, video, archives, office)")
    assert [a["path"] for a in _listed()] == ["corpus/a.txt"]


def test_an_index_written_inside_the_folder_it_indexes_is_never_read_as_articles(isolated):
    _write(isolated / "mynews", "bridge.txt", "Bridge news", "The bridge closes for six weeks from 4 May.")
    _write(isolated / "mynews", "zoo.txt", "Zoo news", "The baby giraffe is called Kito.")
    built = run("index", "--index", "mynews", "mynews")  # the slip: the index among the articles
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in (isolated / "mynews").iterdir() if p.name.startswith(("seg-", "data-", "manifest")))
    again = run("index", "--index", "mynews")  # its own files are neither new articles nor skipped files
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1] == "files: 0 new, 0 updated, 2 unchanged, 0 removed, 0 failed, 0 skipped"
    elsewhere = run("index", "mynews", "--index", "other")  # the folder can still be indexed into another index
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert [a["path"] for a in _listed("other")] == ["mynews/bridge.txt", "mynews/zoo.txt"]
    (isolated / "mynews" / "zoo.txt").write_text("Zoo news\n\nThe baby giraffe is called Amani now.\n", encoding="utf-8")
    asked = run("ask", "--index", "mynews", "what is the baby giraffe called")  # brought up to date, then answered
    assert asked.returncode == 0, asked.stderr
    assert "(1 new or changed, 0 removed)" in asked.stderr and "Amani" in asked.stdout


def test_contradictory_or_empty_index_options_are_one_line_usage_errors(isolated):
    _write(isolated / "one", "a.txt", "Harbour news", "The harbour master retired on Monday.")
    assert run("index", "one", "--index", "idx").returncode == 0
    for args, message in (
            (["--replace"], "--replace needs the PATHs to keep: qabot index PATH... --replace"),
            (["--add", "one", "--remove", "one"], "one is given to both --add and --remove"),
            (["--merge", "--verify"], "--verify checks the index and builds nothing; give it without --merge"),
            (["one", "--verify"], "--verify checks the index and builds nothing; give it without PATH")):
        result = run("index", "--index", "idx", *args)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", f"qabot: error: {message}\n"), args
    assert [a["path"] for a in _listed()] == ["one/a.txt"]  # untouched


def test_merge_says_what_it_merged(isolated):
    _write(isolated / "one", "a.txt", "Harbour news", "The harbour master retired on Monday.")
    assert run("index", "one", "--index", "idx").returncode == 0
    _write(isolated / "one", "b.txt", "Bridge news", "The bridge opens in May.")
    assert run("index", "--index", "idx").returncode == 0  # a second segment
    _write(isolated / "one", "c.txt", "Zoo news", "The giraffe is called Kito.")
    merged = run("index", "--index", "idx", "--merge")  # and a third, of c.txt: all three into one
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.splitlines()[1:] == ["files: 1 new, 0 updated, 2 unchanged, 0 removed, 0 failed, 0 skipped",
                                              "merged 3 segments into 1", "new one/c.txt"]
    again = run("index", "--index", "idx", "--merge")
    assert again.stdout.splitlines()[2:] == ["nothing to merge: the index is one segment"]


def test_list_is_by_path_whatever_updates_did(isolated):
    for name, title in (("bridge.txt", "Bridge news"), ("school.txt", "School news"), ("zoo.txt", "Zoo news")):
        _write(isolated / "mynews", name, title, "Something happened on Monday.")
    assert run("index", "mynews", "--index", "idx").returncode == 0
    _write(isolated / "mynews", "bridge.txt", "Bridge news", "The bridge closes in May.")  # into a newer segment
    assert run("index", "--index", "idx").returncode == 0
    order = ["mynews/bridge.txt", "mynews/school.txt", "mynews/zoo.txt"]
    assert [a["path"] for a in _listed()] == order
    plain = run("list", "--index", "idx")
    assert [line.split()[0] for line in plain.stdout.splitlines()] == order


def test_verify_also_says_whether_the_article_files_changed_since_the_build(isolated):
    _write(isolated / "mynews", "zoo.txt", "Zoo news", "The giraffe is called Kito.")
    _write(isolated / "mynews", "library.txt", "Library news", "The library opens on Sunday.")
    assert run("index", "mynews", "--index", "idx").returncode == 0
    same = run("index", "--verify", "--index", "idx")
    assert (same.returncode, same.stdout) == (0, "the index at idx is intact\n"
                                                 "the article files in mynews are as they were when it was built\n"
                                                 "who speaks where is stored for 0 of 2 passages; answers work out the "
                                                 "rest (too few to be worth a pass)\n")
    with open(isolated / "mynews" / "zoo.txt", "a", encoding="utf-8") as out:
        out.write("\nThe keepers named her.\n")
    (isolated / "mynews" / "library.txt").unlink()
    changed = run("index", "--verify", "--index", "idx")
    assert changed.returncode == 0 and changed.stdout.splitlines()[:2] == [
        "the index at idx is intact", "the corpus changed since the index was built (1 new or changed, 1 removed); "
        "qabot index updates it"]
    (isolated / "mynews").rename(isolated / "away")
    gone = run("index", "--verify", "--index", "idx")
    assert gone.stdout.splitlines()[1] == ("mynews is gone; its articles stay in the index until qabot index --remove "
                                           "drops them")
