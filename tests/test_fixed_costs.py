"""The fixed costs of a cold ``qabot ask`` and a small ``qabot index`` (docs/performance.md, "Fourth pass"):
the builds' compiled patterns kept in a cache file of their own, and the listing forked by ``python -m qabot``
before the command line module is imported, still finding an edit."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import run, write_articles

ARTICLES = {
    "harbour.txt": "Harbour reopens\n\nThe harbour reopened on Friday after the storm, the mayor said.\n",
    "budget.txt": "Budget passes\n\nThe council passed the budget on Monday. \"It was time,\" said Anna Berg.\n",
}


def test_an_update_keeps_its_patterns_apart_from_the_answering_rules(isolated):
    corpus = write_articles(isolated / "corpus", ARTICLES)
    state = isolated.parent / "state"
    first = run("index", str(corpus), "--index", "idx")
    assert first.returncode == 0, first.stderr
    assert (state / "regex-cache-index").is_file() and not (state / "regex-cache").exists()
    asked = run("ask", "--json", "--index", "idx", "why did the harbour reopen")
    assert asked.returncode == 0, asked.stderr
    kept = (state / "regex-cache").stat().st_mtime_ns, (state / "regex-cache-index").stat().st_mtime_ns
    (corpus / "storm.txt").write_text("Storm warning\n\nThe harbour closed again on Sunday, the mayor said.\n",
                                      encoding="utf-8")
    second = run("index", "--index", "idx")  # the update reads its patterns back, and rewrites neither file
    assert second.returncode == 0, second.stderr
    assert "1 new" in second.stdout
    again = run("ask", "--json", "--index", "idx", "why did the harbour reopen")
    assert again.returncode == 0 and again.stderr == ""
    assert ((state / "regex-cache").stat().st_mtime_ns, (state / "regex-cache-index").stat().st_mtime_ns) == kept
    # the same index as one built without any cache
    fresh = run("index", str(corpus), "--index", "fresh", env={"QABOT_STATE_DIR": str(isolated / "other")})
    assert fresh.returncode == 0, fresh.stderr
    assert run("ask", "--json", "--index", "fresh", "why did the harbour reopen").stdout == again.stdout


def test_python_m_qabot_starts_the_listing_before_the_command_line_module(isolated):
    """``python -m qabot ask`` forks the listing while only ``workspace`` is imported (no argparse, numpy or
    answering rules in the child), and an edit that keeps the size is still found."""
    corpus = write_articles(isolated / "corpus", ARTICLES)
    assert run("index", str(corpus), "--index", "idx").returncode == 0
    probe = ("import os, sys, runpy\n"
             "real_fork = os.fork\n"
             "def fork():\n"
             "    loaded = sorted(m for m in ('argparse', 'numpy', 'qabot.cli', 'qabot.answering') if m in sys.modules)\n"
             "    print('forked with', loaded, file=sys.stderr)\n"
             "    return real_fork()\n"
             "os.fork = fork\n"
             "sys.argv = ['qabot'] + sys.argv[1:]\n"
             "runpy.run_module('qabot', run_name='__main__', alter_sys=True)\n")
    text = ARTICLES["harbour.txt"].replace("Friday", "Sunday")  # the same size
    (corpus / "harbour.txt").write_text(text, encoding="utf-8")
    os.utime(corpus / "harbour.txt", ns=(1, 1))  # and an older mtime
    proc = subprocess.run([sys.executable, "-c", probe, "ask", "--json", "--index", "idx", "when did the harbour reopen"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "forked with []" in proc.stderr.splitlines()[0]
    assert "Sunday" in proc.stdout and "Friday" not in proc.stdout


def _console(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """``cli.main`` called plainly, as a program embedding qabot would (no early fork, collector on, Python's own
    exit)."""
    return subprocess.run([sys.executable, "-c", "import sys; from qabot.cli import main; raise SystemExit(main())", *args],
                          input=input, capture_output=True, text=True, timeout=300)


def test_python_m_qabot_leaves_with_the_same_output_and_status_as_the_console_script(isolated):
    """``python -m qabot ask`` and ``index`` leave without the interpreter's teardown and with the collector off:
    every line still comes out, in order, with the same exit status."""
    corpus = write_articles(isolated / "corpus", {**ARTICLES, "broken.json": "{not json"})
    built = run("index", str(corpus), "--index", "idx")
    assert built.returncode == 1 and "broken.json" in built.stderr  # a failed file: exit 1, from the quick exit too
    again = _console("index", "--index", "idx")
    assert again.returncode == 1 and again.stderr == run("index", "--index", "idx").stderr
    questions = "why did the harbour reopen\nwhat did Anna Berg say\nwho passed the budget\n"
    for args in (["ask", "--json", "--index", "idx", "-"], ["ask", "--index", "idx", "-"],
                 ["ask", "--index", "idx", "what did Anna Berg say"]):
        quick, plain = run(*args, input=questions), _console(*args, input=questions)
        assert quick.returncode == plain.returncode == 0, quick.stderr
        assert quick.stdout == plain.stdout and quick.stdout.strip()
    assert len(run("ask", "--json", "--index", "idx", "-", input=questions).stdout.splitlines()) == 3
    missing = run("ask", "--index", "nowhere", "why")
    assert missing.returncode == _console("ask", "--index", "nowhere", "why").returncode == 4


def test_the_console_script_takes_the_quick_path():
    """The installed ``qabot`` command runs ``__main__.run``, as ``python -m qabot`` does, so a user's cold ask
    gets the early listing, the collector off and the quick exit that bench/folders.py measures."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="qabot")
    assert script.value == "qabot.__main__:run"


def test_build_workers_collect_cyclic_garbage_though_the_parent_does_not():
    probe = ("import gc, signal; gc.disable(); from qabot.building.workers import _quiet_worker; _quiet_worker(None); "
             "print(gc.isenabled(), signal.getsignal(signal.SIGINT) is signal.SIG_IGN)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "True"], out.stderr


def test_a_build_takes_its_listing_once_the_previous_index_is_open(isolated):
    """``qabot index`` hands the build its forked listing as a function, called once the previous index is open
    (the child lists meanwhile): the update is the one a listing made beforehand gives."""
    from qabot.build import build
    from qabot.corpus import list_files
    from qabot.prefetch import Prefetch
    from qabot.index import Index

    corpus = write_articles(isolated / "corpus", ARTICLES)
    build([corpus], isolated / "deferred")
    build([corpus], isolated / "eager")
    (corpus / "storm.txt").write_text("Storm warning\n\nThe harbour closed again on Sunday, the mayor said.\n",
                                      encoding="utf-8")
    calls = []
    prefetch = Prefetch.start([str(corpus)])

    def listing():
        calls.append(Index.open(isolated / "deferred").manifest["data"])  # the previous index is still in place
        return prefetch.listing()

    deferred = build([corpus], isolated / "deferred", listing=listing)
    eager = build([corpus], isolated / "eager", listing=list_files([corpus]))
    assert len(calls) == 1
    assert (deferred.new, deferred.unchanged, deferred.articles) == (eager.new, eager.unchanged, eager.articles)
    assert [str(corpus / "storm.txt")] == deferred.new
    assert Index.open(isolated / "deferred").manifest["data"] != calls[0]
