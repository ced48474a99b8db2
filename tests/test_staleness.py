"""The staleness check of a cold ``qabot ask``: the corpus is listed by a forked process while the answer is
computed, and the answer is printed only from an index that matches the corpus. Real files, the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from array import array
from pathlib import Path

from conftest import run

from qabot.corpus import list_files
from qabot.prefetch import Prefetch


def _write(folder, name: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def _corpus(isolated):
    notes = isolated / "notes"
    _write(notes, "harbour.txt", "Harbour news", "The harbour master retired on Monday after forty years.")
    _write(notes / "sub", "bridge.txt", "Bridge news", "The new bridge opens to traffic in May.")
    assert run("index", "notes", "--index", "idx").returncode == 0
    return notes


def _ask(question: str) -> tuple[dict, str]:
    result = run("ask", "--json", question, "--index", "idx")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def _texts(answer: dict) -> list[str]:
    return [a["text"] for a in answer["answers"]]


def test_an_up_to_date_index_answers_without_building(isolated):
    _corpus(isolated)
    answer, err = _ask("when does the bridge open")
    assert err == ""
    assert _texts(answer)[0] == "The new bridge opens to traffic in May."


def test_a_file_edited_to_the_same_size_with_an_older_mtime_is_picked_up(isolated):
    notes = _corpus(isolated)
    path = notes / "sub" / "bridge.txt"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("in May.", "in Jun.")  # the same number of bytes
    assert len(edited.encode()) == before.st_size
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 86_400 * 10**9))  # a day older than when indexed
    answer, err = _ask("when does the bridge open")
    assert "the corpus changed since the index was built (1 new or changed, 0 removed)" in err
    assert _texts(answer)[0] == "The new bridge opens to traffic in Jun."


def test_added_and_removed_files_are_picked_up_before_answering(isolated):
    notes = _corpus(isolated)
    _write(notes / "sub", "ferry.txt", "Ferry news", "The zanzibarian ferry sank near the pier.")
    answer, err = _ask("zanzibarian ferry")
    assert "(1 new or changed, 0 removed)" in err
    assert _texts(answer)[0] == "The zanzibarian ferry sank near the pier."
    (notes / "sub" / "ferry.txt").unlink()
    answer, err = _ask("zanzibarian ferry")
    assert "(0 new or changed, 1 removed)" in err
    assert all("zanzibarian" not in t for t in _texts(answer))
    assert _ask("zanzibarian ferry")[1] == ""  # and then it is up to date


def test_a_file_renamed_with_its_size_and_mtime_is_picked_up(isolated):
    notes = _corpus(isolated)
    (notes / "harbour.txt").rename(notes / "port.txt")  # same size, same mtime, another path
    answer, err = _ask("who retired on Monday")
    assert "(1 new or changed, 1 removed)" in err
    assert answer["answers"][0]["article"]["path"] == "notes/port.txt"


def test_each_question_from_stdin_comes_from_the_updated_index(isolated):
    notes = _corpus(isolated)
    _write(notes, "ferry.txt", "Ferry news", "The zanzibarian ferry sank near the pier.")
    result = run("ask", "--json", "-", "--index", "idx", input="zanzibarian ferry\nwhen does the bridge open\n")
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert _texts(first)[0] == "The zanzibarian ferry sank near the pier."
    assert _texts(second)[0] == "The new bridge opens to traffic in May."
    assert result.stderr.count("building the index") == 1


def test_the_listing_made_by_another_process_is_the_listing_made_here(isolated):
    notes = isolated / "notes"
    _write(notes, "a.txt", "A", "Alpha.")
    _write(notes / "deep" / "er", "b.md", "B", "Beta.")
    (notes / "c.png").write_bytes(b"\x89PNG")
    (notes / "d.csv").write_text("x")
    (notes / "link.txt").symlink_to(notes / "a.txt")  # the same file twice: listed once
    (notes / "gone.txt").symlink_to(notes / "nowhere.txt")
    roots = [str(notes), str(isolated / "missing")]
    here = list_files(roots)
    prefetch = Prefetch.start(roots)
    assert prefetch is not None
    there = prefetch.listing()
    assert there == here
    assert here.paths == [str(notes / "a.txt"), str(notes / "deep" / "er" / "b.md")]
    assert here.failed == [(str(notes / "gone.txt"), "no such file or directory")]
    assert (here.ignored, here.skipped, here.missing) == (1, [(str(notes / "d.csv"), "unsupported file type .csv")],
                                                        [str(isolated / "missing")])
    cancelled = Prefetch.start(roots)  # stopped unread: the child is ended and reaped
    cancelled.cancel()
    assert cancelled.listing() == here  # asked after all: listed here


def test_a_plain_index_update_picks_up_edits_and_added_words_are_found_and_spell_corrected(isolated):
    """``qabot index`` with no PATH lists the folders in a forked process (as ``ask`` does); the update equals
    a fresh build, and an added file's words are searchable, spell-corrected and in the surface words."""
    from pathlib import Path

    from qabot.index import Index

    notes = _corpus(isolated)
    _write(notes / "sub", "ferry.txt", "Ferry news", "The zanzibarian ferry sank near the pier.")
    path = notes / "harbour.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("forty", "fifty"), encoding="utf-8")
    result = run("index", "--index", "idx")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("files: 1 new, 1 updated, 1 unchanged, 0 removed")
    answer = _ask("what sank near zanzibarain")[0]  # spelled wrong: corrected to the added file's word
    assert _texts(answer)[0] == "The zanzibarian ferry sank near the pier."
    assert "zanzibarian" in answer["searched"]
    assert _texts(_ask("when did the harbour master retire")[0])[0] == \
        "The harbour master retired on Monday after fifty years."
    assert run("index", "notes", "--index", "fresh").returncode == 0
    updated, fresh = Index.open(Path("idx")), Index.open(Path("fresh"))
    assert "zanzibarian" in {w for w, _, _ in updated.words} and "forty" not in {w for w, _, _ in updated.words}
    assert updated.words == fresh.words and updated.word_counts() == fresh.word_counts()


def test_the_listing_child_compares_with_the_file_table_and_only_that_table_is_trusted(isolated):
    from pathlib import Path

    from qabot.index import read_manifest, stale

    notes = _corpus(isolated)
    index_dir = Path("idx")
    first = os.path.abspath(index_dir / read_manifest(index_dir)["data"])
    roots = [str(notes)]
    fresh = Prefetch.start(roots, against=first).listing()
    assert fresh.matches == first and fresh.sent is None  # the child sent no paths: they equal the table
    assert stale(index_dir, listing=fresh) is None
    assert fresh == list_files(roots)  # read anyway, they are listed again

    path = notes / "sub" / "bridge.txt"  # the same size, an older mtime
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("in May.", "in Jun."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
    edited = Prefetch.start(roots, against=first).listing()
    assert edited.matches is None and edited.sent is not None and edited == list_files(roots)
    assert "(1 new or changed, 0 removed)" in stale(index_dir, listing=edited)

    # a listing found equal to one data folder says nothing about another: the index below names a newer one
    assert run("index", "--index", "idx").returncode == 0
    path.write_text(path.read_text(encoding="utf-8").replace("in Jun.", "in Jul."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 2 * 10**9))
    assert os.path.abspath(index_dir / read_manifest(index_dir)["data"]) != first
    assert "(1 new or changed, 0 removed)" in stale(index_dir, listing=fresh)


def test_npy_files_are_read_without_numpy_only_as_a_build_writes_them(tmp_path):
    from pathlib import Path

    import numpy as np

    from qabot.prefetch import _npy_int64s

    def saved(array) -> str:
        path = tmp_path / "a.npy"
        np.save(path, array)
        return str(path)

    values = np.array([0, 1, -5, 2**62, 1_700_000_000_123_456_789], np.int64)
    assert _npy_int64s(saved(values)) == values.tobytes()
    assert _npy_int64s(saved(np.zeros(0, np.int64))) == b""
    assert _npy_int64s(saved(values.astype(np.int32))) is None
    assert _npy_int64s(saved(values.astype(">i8"))) is None
    assert _npy_int64s(saved(np.zeros((2, 3), np.int64))) is None
    assert _npy_int64s(saved(np.asfortranarray(np.zeros((2, 3), np.int64)))) is None
    truncated = tmp_path / "t.npy"
    truncated.write_bytes(Path(saved(values)).read_bytes()[:-3])
    assert _npy_int64s(str(truncated)) is None
    (tmp_path / "x.npy").write_bytes(b"not numpy at all")
    assert _npy_int64s(str(tmp_path / "x.npy")) is None


def test_the_early_check_guesses_the_index_as_argparse_reads_it_and_an_edit_is_still_found(isolated, monkeypatch):
    from pathlib import Path

    from qabot.cli import _early_check
    from qabot.workspace import IndexSource, Workspace

    _corpus(isolated)
    monkeypatch.delenv("QABOT_INDEX", raising=False)
    assert _early_check(["index", "--index", "idx"]) is None
    for argv in (["ask", "q", "--index", "idx"], ["ask", "--ind=idx", "q"], ["ask", "--index", "x", "q", "--in", "idx"]):
        workspace, check = _early_check(argv)
        assert workspace == Workspace(Path("idx"), IndexSource.OPTION)
        assert check is not None and check.listing().matches == os.path.abspath(Path("idx") / json.loads(
            (isolated / "idx" / "manifest.json").read_text())["data"])
    workspace, check = _early_check(["ask", "--", "--index", "idx"])  # question words, not the option
    assert workspace.source is not IndexSource.OPTION and check is None
    # the last --index counts, as for argparse; an edit made before the ask is found through the early check
    (isolated / "notes" / "harbour.txt").write_text("Harbour news\n\nThe harbour master retired on Friday.\n")
    result = run("ask", "--json", "--index", "nowhere", "who retired", "--ind=idx")
    assert result.returncode == 0 and "(1 new or changed, 0 removed)" in result.stderr, result.stderr
    assert "Friday" in _texts(json.loads(result.stdout))[0]


def _table_cut_at(folder, path: str) -> str:
    """A data folder whose file table holds the one file ``path``: a split listing checked against it is cut there."""
    import numpy as np

    folder.mkdir()
    (folder / "file_paths.bin").write_bytes(path.encode())
    np.save(folder / "file_size.npy", np.zeros(1, np.int64))
    np.save(folder / "file_mtime.npy", np.zeros(1, np.int64))
    return str(folder)


def test_a_listing_split_in_two_at_any_file_is_the_listing_made_here(isolated):
    """Two children each walk one side of a cut (``corpus._Cut``) and the second joins them: wherever the cut
    falls (at a file, a name that is not there, a folder, a root), the listing equals the walk made alone, with
    its files kept once (a hard link across the cut), its odd files failed, skipped and ignored in order."""
    notes = isolated / "notes"
    for folder, names in {"": ["a.txt", "m.md", "z.txt"], "b": ["b1.txt", "b2.txt"], "b/c": ["c1.txt"],
                          "d": ["d1.txt", "d2.htm", "d3.txt"], "e/f/g": ["g1.txt", "g2.txt"]}.items():
        for name in names:
            _write(notes / folder, name, name, f"Text of {folder} {name}.")
    os.link(notes / "a.txt", notes / "d" / "d4.txt")  # the same file on both sides of most cuts
    (notes / "b" / "link.txt").symlink_to(notes / "e" / "f" / "g" / "g2.txt")
    (notes / "d" / "gone.txt").symlink_to(notes / "nowhere.txt")
    (notes / "d" / "dir.txt").mkdir()  # a folder named like an article: passed over
    _write(notes / "d" / "dir.txt", "inner.txt", "Inner", "Inside a folder named like a file.")
    os.mkfifo(notes / "e" / "pipe.txt")  # no regular file
    (notes / "e" / "photo.png").write_bytes(b"\x89PNG")
    (notes / "e" / "data.csv").write_text("x")
    (notes / "e" / ".hidden.txt").write_text("hidden")
    (notes / "e" / "up").symlink_to(notes, target_is_directory=True)
    single = isolated / "single.md"
    _write(isolated, "single.md", "Single", "A root that is a file.")
    roots = [str(notes), str(isolated / "missing"), str(single)]
    here = list_files(roots)
    assert len(here.paths) == 12 and str(notes / "b" / "link.txt") in here.paths
    assert str(notes / "d" / "d4.txt") not in here.paths and str(notes / "e" / "f" / "g" / "g2.txt") not in here.paths
    assert [p for p, _ in here.failed] == [str(notes / "d" / "gone.txt"), str(notes / "e" / "pipe.txt")]
    cuts = here.paths + [str(notes / "b" / "b15.txt"), str(notes / "d"), str(notes / "e" / "f"),
                         str(notes / "zz.txt"), str(isolated / "elsewhere.txt"), str(isolated / "missing")]
    for i, cut in enumerate(cuts):
        table = _table_cut_at(isolated / f"table{i}", cut)
        prefetch = Prefetch.start(roots, against=table, parts=2)
        assert prefetch is not None and len(prefetch._pids) == 2
        there = prefetch.listing()
        assert there.matches is None and there == here, cut


def test_a_split_listing_finds_edits_additions_and_removals_on_either_side_of_the_cut(isolated):
    """The real command: ``ask`` on three cores or more (as ``os.sched_getaffinity`` reports them) forks two listing
    children, and an edit that keeps the size (an older mtime), an added and a removed file are each found whether
    they are before or after the middle file of the index. On two cores it forks one."""
    notes = isolated / "notes"
    for folder in ("a", "b", "c", "d"):
        for i in range(5):
            _write(notes / folder, f"{i}.txt", f"{folder} news {i}", f"The {folder}{i} item of the {folder} pages.")
    assert run("index", "notes", "--index", "idx").returncode == 0
    probe = ("import os, sys, runpy\n"
             "real_fork = os.fork\n"
             "def fork():\n"
             "    pid = real_fork()\n"
             "    if pid:\n"
             "        print('forked', file=sys.stderr)\n"
             "    return pid\n"
             "os.fork = fork\n"
             "cores = set(range(int(sys.argv[1])))\n"
             "os.sched_getaffinity = lambda pid: cores\n"
             "sys.argv = ['qabot'] + sys.argv[2:]\n"
             "runpy.run_module('qabot', run_name='__main__', alter_sys=True)\n")

    def ask(question: str, cores: int = 4) -> tuple[list[str], str]:
        proc = subprocess.run([sys.executable, "-c", probe, str(cores), "ask", "--json", "--index", "idx", question],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        err = proc.stderr.replace("forked\n", "")
        if "building" not in err:  # listing children only, two on three cores or more
            assert proc.stderr.count("forked") == (2 if cores >= 3 else 1), proc.stderr
        return _texts(json.loads(proc.stdout)), err

    assert ask("the a1 item") == (["The a1 item of the a pages."], "")
    for folder in ("a", "d"):  # before the cut (the middle file, in b/ or c/), and after it
        path = notes / folder / "2.txt"
        before = path.stat()
        path.write_text(path.read_text(encoding="utf-8").replace(f"{folder}2 item", f"{folder}9 item"), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
        texts, err = ask(f"the {folder}9 item")
        assert "(1 new or changed, 0 removed)" in err and texts[0] == f"The {folder}9 item of the {folder} pages."
        word = {"a": "zanzibarian", "d": "kalahari"}[folder]
        _write(notes / folder, "new.txt", "Added", f"The {word} ferry sank.")
        texts, err = ask(f"{word} ferry")
        assert "(1 new or changed, 0 removed)" in err and texts[0] == f"The {word} ferry sank."
        (notes / folder / "3.txt").unlink()
        texts, err = ask(f"the {folder}3 item")
        assert "(0 new or changed, 1 removed)" in err and f"The {folder}3 item of the {folder} pages." not in texts
        assert ask(f"the {folder}1 item")[1] == ""
    assert ask("the b1 item", cores=2) == (["The b1 item of the b pages."], "")


def _built_helper(folder):
    """``qabot/_statat.c`` built into ``folder`` as setuptools builds it, and loaded."""
    import importlib.util
    import sysconfig

    import qabot.corpus as corpus

    source = Path(corpus.__file__).with_name("_statat.c")
    built = folder / ("_statat" + sysconfig.get_config_var("EXT_SUFFIX"))
    cc = (sysconfig.get_config_var("CC") or "cc").split()
    compiled = subprocess.run([*cc, "-shared", "-fPIC", "-O2", f"-I{sysconfig.get_paths()['include']}", str(source),
                               "-o", str(built)], capture_output=True, text=True)
    assert compiled.returncode == 0, compiled.stderr
    spec = importlib.util.spec_from_file_location("qabot._statat", built)
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    helper.set_endings(sorted(corpus.SUPPORTED_SUFFIXES))
    return helper


def test_the_c_helper_and_python_list_the_same_files(isolated, monkeypatch):
    """``qabot/_statat.c`` (built here as setuptools builds it) and the pure-Python walk give the same listing, so
    the same file table: odd names (a symlink to a folder, a broken link, a fifo, a file reached twice, a name
    that is not UTF-8) leave the C call to Python, one folder at a time."""
    import qabot.corpus as corpus

    helper = _built_helper(isolated)
    monkeypatch.setattr(corpus, "_scan", None)  # the whole-folder scan has its own test (below)
    notes = isolated / "notes"
    for folder in ("plain", "odd", "deep/er"):
        for i in range(30):
            _write(notes / folder, f"{i:02d}.txt", f"{folder} {i}", f"Text {i} of {folder}.")
    os.link(notes / "plain" / "03.txt", notes / "odd" / "hard.txt")  # reached twice: listed once
    (notes / "odd" / "link.md").symlink_to(notes / "deep" / "er" / "07.txt")
    (notes / "odd" / "gone.txt").symlink_to(notes / "nowhere.txt")
    (notes / "odd" / "dir.txt").mkdir()
    os.mkfifo(notes / "odd" / "fifo.txt")
    (notes / "odd" / "up").symlink_to(notes, target_is_directory=True)
    with open(os.path.join(os.fsencode(notes / "plain"), b"caf\xe9.txt"), "wb") as f:  # Latin-1, not UTF-8
        f.write(b"Cafe\n\nA name that is not UTF-8.\n")
    roots = [str(notes), str(notes / "plain" / "05.txt")]
    monkeypatch.setattr(corpus, "_statat", None)
    python = list_files(roots)
    monkeypatch.setattr(corpus, "_statat", helper.statat)
    c = list_files(roots)
    assert c == python and corpus.join_paths(c.paths) == corpus.join_paths(python.paths)
    assert len(c.paths) == 91 and len(c.failed) == 2  # deep/er 30, odd 30 and hard.txt, plain 29 and the café
    assert str(notes / "odd" / "hard.txt") in c.paths and str(notes / "plain" / "03.txt") not in c.paths
    for statat in (None, helper.statat):  # as a listing child packs it, a folder at a time: the same bytes
        monkeypatch.setattr(corpus, "_statat", statat)
        rest, packed = corpus.list_packed(roots)
        assert packed == (corpus.join_paths(python.paths), array("q", python.sizes).tobytes(),
                          array("q", python.mtimes).tobytes())
        assert (rest.paths, rest.failed, rest.skipped, rest.ignored) == ([], python.failed, python.skipped, python.ignored)
    sizes, mtimes, inos, odd = helper.statat(os.open(notes / "odd", os.O_RDONLY), ["00.txt", "dir.txt", "no.txt"],
                                             os.stat(notes).st_dev)
    assert odd == [1, 2] and len(sizes) == len(mtimes) == len(inos) == 24
    assert int.from_bytes(sizes[:8], sys.byteorder) == (notes / "odd" / "00.txt").stat().st_size
    assert int.from_bytes(mtimes[:8], sys.byteorder) == (notes / "odd" / "00.txt").stat().st_mtime_ns


def test_folders_scanned_whole_in_c_give_the_listing_python_makes(isolated, monkeypatch):
    """The C helper's ``scan`` (a folder listed, sorted, sorted out and stated in one call, as a listing child packs
    it) gives the bytes the Python walk gives: names sorted as Python sorts str (accents, capitals, digits), endings
    in capitals, a hidden file, a nested qabot index, files that are not articles, a name only ``str.lower`` reads
    as an article's (a Kelvin sign), a name that is not UTF-8, a folder named like an article, a symlink to a file,
    and a hard link (the same file reached twice, listed once: the walk is made again the usual way)."""
    import qabot.corpus as corpus

    helper = _built_helper(isolated)
    notes = isolated / "notes"
    names = ["b.txt", "B.TXT", "a.Md", "zoë.txt", "zoe.txt", "Émile.html", "ça.json", "10.txt", "9.txt", "x.y.text"]
    for folder in ("plain", "plain/sub", "deep/er/est"):
        for i, name in enumerate(names):
            _write(notes / folder, name, f"{folder} {i}", f"Text {i} of {folder}.")
    _write(notes / "plain", ".hidden.txt", "Hidden", "Never listed.")
    (notes / "plain" / "image.png").write_bytes(b"\x89PNG")
    (notes / "plain" / "README").write_text("no extension\n")
    (notes / "plain" / "data.csv").write_text("a,b\n")
    _write(notes / "odd" / "folder.txt", "inner.md", "Inner", "Inside a folder named like a file: passed over.")
    _write(notes / "plain" / "idx", "manifest.json", "{}", "")
    (notes / "plain" / "idx" / ".lock").write_text("")
    _write(notes / "kelvin", "a.mar\u212adown", "Kelvin", "Its ending lowers to .markdown.")
    _write(notes / "kelvin", "b.txt", "B", "Plain.")
    _write(notes / "linked", "a.txt", "A", "A file.")
    _write(isolated / "elsewhere", "b.txt", "Elsewhere", "Reached by a link only.")
    (notes / "linked" / "b.txt").symlink_to(isolated / "elsewhere" / "b.txt")
    _write(notes / "latin", "cafe.txt", "Cafe", "UTF-8.")
    with open(os.path.join(os.fsencode(notes / "latin"), b"caf\xe9.txt"), "wb") as f:  # Latin-1, not UTF-8
        f.write(b"Cafe\n\nNot UTF-8.\n")

    def listings():
        monkeypatch.setattr(corpus, "_scan", None)
        python = list_files([str(notes)])
        plain = corpus.list_packed([str(notes)])
        monkeypatch.setattr(corpus, "_scan", helper.scan)
        return python, plain, corpus.list_packed([str(notes)])

    scanned = []
    scan = helper.scan
    monkeypatch.setattr(helper, "scan", lambda fd, prefix: scanned.append((prefix, scan(fd, prefix))) or scanned[-1][1])
    python, plain, (rest, packed) = listings()
    assert packed == plain[1] == (corpus.join_paths(python.paths), array("q", python.sizes).tobytes(),
                                  array("q", python.mtimes).tobytes())
    assert (rest.paths, rest.failed, rest.skipped, rest.ignored) == ([], python.failed, python.skipped, python.ignored)
    assert str(notes / "kelvin" / "a.mar\u212adown") in python.paths and python.ignored == 1
    assert not any("idx" in p or "hidden" in p or "inner" in p for p in python.paths)
    by_folder = {prefix.decode("utf-8", "surrogateescape").rstrip("/"): got for prefix, got in scanned}
    for folder in ("plain", "plain/sub", "deep/er/est", "linked"):  # scanned whole in C
        assert isinstance(by_folder[str(notes / folder)], tuple)
    for folder in ("kelvin", "latin", "odd"):  # left to Python
        assert by_folder[str(notes / folder)] is None
    assert by_folder[str(notes / "plain" / "idx")] is False

    os.link(notes / "plain" / "b.txt", notes / "deep" / "er" / "hard.txt")  # reached twice: listed once, first
    scanned.clear()
    python, plain, (rest, packed) = listings()
    assert str(notes / "deep" / "er" / "hard.txt") in python.paths and str(notes / "plain" / "b.txt") not in python.paths
    assert packed == plain[1] == (corpus.join_paths(python.paths), array("q", python.sizes).tobytes(),
                                  array("q", python.mtimes).tobytes())
    assert scanned  # the scan ran, found the same file twice, and the walk was made again without it
