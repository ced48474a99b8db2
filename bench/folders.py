"""Folders of files against shards: build speed, cold ``ask``, and updates at 33k and 96k files.

    python bench/folders.py --work /tmp/qabot-folders            # make the corpora, then measure
    python bench/folders.py --work /tmp/qabot-folders --only ask # cold asks only (indexes kept)
    python bench/folders.py --work /tmp/qabot-folders --only compare --against /tmp/main-copy [--against DIR2]
                                                                 # in turns with another checkout, same run
    python bench/folders.py --work /tmp/qabot-folders --only phases  # a cold ask's main process, phase by phase

Corpora (fixed seeds, from ../shared/data/bbc-fulltext.zip):

- ``bbc15-files``: the BBC articles x15 as 33,375 ``.txt`` files (title, blank line, paragraphs; copy 0
  as published, copies 1-14 with 3% of words swapped and numbers nudged, ``(N)`` after the title).
- ``bbc15-shards``: the very same articles as 67 JSONL shards of 500.
- ``tiny-96k``: 96,000 files of one BBC paragraph each, headed by its article's title: 8,000 paragraphs
  drawn (seeded) per copy, 12 copies, nudged as above.

Figures: build wall and MB/s of article text (folder and shards in the same run, side by side), tiny
files per second, a cold ``qabot ask`` (wall, peak RSS: best of 5; CPU of the process and its listing
child: least of 5) at 33k and 96k files, an edited
file picked up by the next ``ask``, updating one edited file (three times, each a new segment), adding 10
files against a full build, and merging the segments into one (``qabot index --merge``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import _nudge, _write_shards, bbc_articles  # noqa: E402

SEED = 20261202
COPIES = 15
TINY_COPIES = 12
TINY_PER_COPY = 8000


def _copies(work: Path):
    """``(copy, number, title, paragraphs)`` of the BBC articles x15, the same for files and shards."""
    articles = bbc_articles(work)
    for copy in range(COPIES):
        rng = random.Random(SEED + copy)
        for n, (title, paragraphs) in enumerate(articles):
            if copy == 0:
                yield copy, n, title, paragraphs
                continue
            pool = " ".join(paragraphs).split() or [title]
            yield copy, n, f"{title} ({copy})", [_nudge(p, rng, pool) for p in paragraphs]


def _once(folder: Path, write) -> Path:
    """``folder``, written by ``write(folder)`` unless a complete earlier run left it."""
    if not (folder / ".done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        write(folder)
        (folder / ".done").write_text("")
    return folder


def make_files(work: Path) -> Path:
    """The BBC x15 as one ``.txt`` per article, 1,000 to a folder."""
    def write(folder: Path) -> None:
        for copy, n, title, paragraphs in _copies(work):
            sub = folder / f"c{copy:02d}" / f"{n // 1000}"
            if n % 1000 == 0:
                sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{n:04d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return _once(work / "corpora" / "bbc15-files", write)


def make_shards(work: Path) -> Path:
    """The same articles as JSONL shards of 500."""
    return _once(work / "corpora" / "bbc15-shards", lambda folder: _write_shards(
        folder, ({"title": t, "text": "\n\n".join(ps)} for _, _, t, ps in _copies(work)), "bbc15"))


def make_tiny(work: Path) -> Path:
    """96,000 one-paragraph files, each headed by its article's title."""
    def write(folder: Path) -> None:
        every = [(title, p) for title, ps in bbc_articles(work) for p in ps]
        for copy in range(TINY_COPIES):
            rng = random.Random(SEED + 100 + copy)
            picked = rng.sample(range(len(every)), TINY_PER_COPY)
            for i, k in enumerate(picked):
                title, paragraph = every[k]
                if copy:
                    title, paragraph = f"{title} ({copy})", _nudge(paragraph, rng, paragraph.split() or [title])
                sub = folder / f"c{copy:02d}" / f"{i // 1000}"
                if i % 1000 == 0:
                    sub.mkdir(parents=True, exist_ok=True)
                (sub / f"{i:04d}.txt").write_text(f"{title}\n\n{paragraph}\n", encoding="utf-8")
    return _once(work / "corpora" / "tiny-96k", write)


LAST_CPU = 0.0
STATE = Path("/tmp/qabot-folders/state")
"""Where runs keep their caches (``QABOT_STATE_DIR``) unless it is set: ``--work``/state (see ``main``)."""
"""CPU seconds (user + system) of the last ``qabot`` run: less swayed than wall time by other jobs."""


def qabot(*args: str, cwd: Path | None = None, code: Path | None = None) -> tuple[float, int, str]:
    """Run ``qabot ARGS`` in a new process: wall seconds, peak RSS bytes, stderr (its CPU in ``LAST_CPU``).
    ``code``: another checkout of qabot to run instead of the one the current folder imports."""
    global LAST_CPU
    started = time.perf_counter()
    # each checkout keeps its compiled patterns and tokenizer tables apart (other runs on the machine too):
    # a cache rewritten by another qabot's patterns would make cold figures noisier
    state = STATE / ("peer" if code is not None else "this")
    env = dict(os.environ, QABOT_STATE_DIR=os.environ.get("QABOT_STATE_DIR") or str(state))
    if code is not None:
        env["PYTHONPATH"] = str(code)
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", sys.executable, "-m", "qabot", *args],
                          cwd=code if code is not None else cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    err = proc.stderr.decode(errors="replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"qabot {' '.join(args)} failed ({proc.returncode}): {err[-500:]}")
    rss, user, system = err.split()[-3:]
    LAST_CPU = float(user) + float(system)
    return wall, int(rss) * 1024, err


def segments(index: Path) -> int:
    """How many segments the index has."""
    return len(json.loads((index / "manifest.json").read_text())["segments"])


def text_mb(index: Path) -> float:
    """MB of article text in an index (its ``text.bin`` files)."""
    return sum(p.stat().st_size for p in index.rglob("text.bin")) / 1e6


def build(corpus: Path, index: Path) -> tuple[float, float]:
    """A full build from nothing: wall seconds and MB/s of article text."""
    shutil.rmtree(index, ignore_errors=True)
    wall, _, _ = qabot("index", str(corpus), "--index", str(index))
    return wall, text_mb(index) / wall


def cold_ask(index: Path, question: str, tries: int = 5) -> tuple[float, int, float]:
    """Best wall time and its peak RSS of ``qabot ask`` in a new process (the index up to date), and the least
    CPU time (the process and its listing child)."""
    best, least = None, None
    for _ in range(tries):
        wall, rss, err = qabot("ask", "--index", str(index), question)
        if "building" in err:
            continue  # that one rebuilt: not a cold ask of an up-to-date index
        if best is None or wall < best[0]:
            best = (wall, rss)
        least = LAST_CPU if least is None else min(least, LAST_CPU)
    return (*best, least)


def compare(files: Path, idx: dict[str, Path], peers: list[Path], rounds: int = 6, add: bool = True) -> list[tuple[str, str]]:
    """This code against the checkouts ``peers`` in the same run, taking turns: cold asks at 33k and 96k files
    (best and median wall, least and median CPU of ``rounds`` each, the load meanwhile) and, with ``add``, adding
    10 files to the 33k index (each turn removes the added files, updates, copies them back and times the update)."""
    codes = {"this code": None, **{f"{peer}": peer for peer in peers}}
    rows = []
    for name, label in (("files", "33k files"), ("tiny", "96k files")):
        seen: dict[str, list[tuple[float, int, float]]] = {c: [] for c in codes}
        loads = []
        for _ in range(rounds):
            loads.append(os.getloadavg()[0])
            for c, code in codes.items():
                wall, rss, err = qabot("ask", "--index", str(idx[name]), "what did the minister say about the economy",
                                       code=code)
                if "building" not in err:
                    seen[c].append((wall, rss, LAST_CPU))
        for c, runs in seen.items():
            cpus, walls = sorted(r[2] for r in runs), sorted(r[0] for r in runs)
            rows.append((f"cold ask, {label}, {c}", f"wall best {walls[0] * 1000:.0f} ms, median {walls[len(walls) // 2] * 1000:.0f} ms; "
                         f"CPU least {cpus[0] * 1000:.0f} ms, median {cpus[len(cpus) // 2] * 1000:.0f} ms; "
                         f"{max(r[1] for r in runs) / 1e6:.0f} MB RSS at most; load {min(loads):.1f} to {max(loads):.1f}"))
    if not add:
        return rows
    added = files / "zz-added"
    picked = random.Random(SEED).sample(sorted((files / "c00").rglob("*.txt")), 10)
    seen = {c: [] for c in codes}
    try:
        for _ in range(max(3, rounds // 2)):
            for c, code in codes.items():
                shutil.rmtree(added, ignore_errors=True)
                qabot("index", "--index", str(idx["files"]), code=code)
                added.mkdir()
                for i, src in enumerate(picked):
                    shutil.copyfile(src, added / f"added-{i}.txt")
                wall, _, _ = qabot("index", "--index", str(idx["files"]), code=code)
                seen[c].append((wall, LAST_CPU))
    finally:
        shutil.rmtree(added, ignore_errors=True)
        qabot("index", "--index", str(idx["files"]))
    for c, runs in seen.items():
        cpus = sorted(r[1] for r in runs)
        rows.append((f"add 10 files to 33k, {c}", f"best {min(r[0] for r in runs):.2f} s wall, CPU least {cpus[0]:.2f} s, "
                                                  f"median {cpus[len(cpus) // 2]:.2f} s"))
    return rows


PHASES = r"""
import gc, os, resource, sys
gc.disable()  # as python -m qabot ask runs
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return (r.ru_utime + r.ru_stime) * 1000
marks = [("Python start-up (before any qabot code)", cpu())]
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
try:
    from qabot import codecache  # as python -m qabot does, where the checkout has it
    codecache.enable()
except ImportError:
    pass
from qabot.workspace import early_check
marks.append(("importing workspace (the listing code)", cpu()))
argv = ["ask", "--index", sys.argv[1], sys.argv[2]]
early = early_check(argv)
marks.append(("forking the listing", cpu()))
from qabot import cli, regexcache
marks.append(("importing the command line", cpu()))
args = cli.make_parser().parse_args(argv)
regexcache.keep_tables(); regexcache.enable()
marks.append(("the parser", cpu()))
import numpy
marks.append(("numpy", cpu()))
from qabot.index import Index
marks.append(("the index module", cpu()))
from qabot.answering import Answerer
from qabot.answering import speech
marks.append(("the answering modules", cpu()))
index = Index.open(early[0].index_dir)
marks.append(("opening the index", cpu()))
answerer = Answerer(index)
marks.append(("Answerer()", cpu()))
spent, depth = [0.0], [0]
def timed(f):
    def g(*a, **k):
        depth[0] += 1
        t = cpu()
        try:
            return f(*a, **k)
        finally:
            depth[0] -= 1
            if not depth[0]:
                spent[0] += cpu() - t
    return g
for name in ("speakers", "speaks", "namer"):
    setattr(speech.Speech, name, timed(getattr(speech.Speech, name)))
answer = answerer.ask(sys.argv[2], k=3)
marks.append(("the answer", cpu()))
marks.append(("  of it the speech rules (Speech.speakers, speaks, namer)", marks[-1][1] - spent[0]))
cli._settle(early[0], early[1], opened=index)
marks.append(("the staleness step", cpu()))
prev = 0.0
for name, t in marks:
    print(f"{name}	{(spent[0] if name.startswith('  ') else t - prev):.1f}")
    prev = t if not name.startswith("  ") else prev
print(f"total	{prev:.1f}")
for i, (user, system) in enumerate(early[1].spent):
    print(f"listing child {i + 1} of {len(early[1].spent)}: user	{user * 1000:.1f}")
    print(f"listing child {i + 1} of {len(early[1].spent)}: system	{system * 1000:.1f}")
"""
"""A cold ask's main process, phase by phase (CPU ms from ``getrusage``), as ``cmd_ask`` goes, and each listing child's
user and system CPU (``--only phases``)."""


def phases(index: Path, question: str, runs: int = 5) -> list[tuple[str, str]]:
    """The least CPU of each phase of a cold ask's main process over ``runs`` new processes, then the listing
    children's (forked as ``python -m qabot`` forks them), each apart."""
    seen: dict[str, list[float]] = {}
    for _ in range(runs):
        env = dict(os.environ, QABOT_STATE_DIR=os.environ.get("QABOT_STATE_DIR") or str(STATE / "this"))
        out = subprocess.run([sys.executable, "-c", PHASES, str(index), question], capture_output=True, text=True,
                             env=env, check=True).stdout
        for line in out.splitlines():
            name, value = line.rsplit("\t", 1)
            seen.setdefault(name, []).append(float(value))
    return [(f"{index.name}: {name}", f"{min(values):.1f} ms (least of {runs}), median {sorted(values)[len(values) // 2]:.1f}")
            for name, values in seen.items()]


def scan_times(corpus: Path) -> tuple[float, float, float]:
    """Best of 3: the staleness listing (walk and one stat per file) in a new process, as a cold ask's listing child
    makes it (``list_packed``) and as a listing made in the process is (``list_files``), and GNU find doing the
    same walk and stats in C (the floor a listing in any language pays on this machine)."""
    def best(function: str) -> float:
        code = (f"import time,sys; from qabot.corpus import {function}; t=time.perf_counter(); {function}([sys.argv[1]]); "
                "print(time.perf_counter()-t)")
        return min(float(subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True).stdout)
                   for _ in range(3))
    floor = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(["find", str(corpus), "-printf", "%p %s %T@\\n"], stdout=subprocess.DEVNULL)
        floor.append(time.perf_counter() - started)
    return best("list_packed"), best("list_files"), min(floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-folders"))
    parser.add_argument("--only", choices=("make", "build", "ask", "update", "compare", "phases"), default=None)
    parser.add_argument("--against", type=Path, action="append", default=None, metavar="DIR",
                        help="with --only compare: a checkout of qabot (say, of main) to run in turns with this one "
                             "(repeated: several)")
    parser.add_argument("--rounds", type=int, default=6, help="with --only compare: cold asks per checkout")
    parser.add_argument("--no-add", action="store_true", help="with --only compare: cold asks only")
    args = parser.parse_args()
    if args.only == "compare" and args.against is None:
        parser.error("--only compare needs --against DIR")
    work = args.work
    global STATE
    STATE = work / "state"
    files, shards, tiny = make_files(work), make_shards(work), make_tiny(work)
    # qabot as the subprocesses import it (the current folder first), compiled to .pyc as an installed
    # package is: with PYTHONDONTWRITEBYTECODE set, every cold run would otherwise compile its modules anew
    for code in (None, *(args.against or ())):
        subprocess.run([sys.executable, "-c", "import compileall, os, qabot; "
                        "compileall.compile_dir(os.path.dirname(qabot.__file__), quiet=1)"], check=True, cwd=code,
                       env=dict(os.environ, PYTHONPATH=str(code)) if code is not None else None)
    print(f"corpora: {files} (33,375 files), {shards} (67 shards), {tiny} (96,000 files)")
    if args.only == "make":
        return
    idx = {name: work / "indexes" / name for name in ("files", "shards", "tiny")}
    rows = []
    if args.only in (None, "build"):
        # CPU seconds beside wall: 2 cores give at most 2 CPU seconds a second, the speed an idle machine allows
        f_wall, f_speed = build(files, idx["files"])
        f_cpu = LAST_CPU
        s_wall, s_speed = build(shards, idx["shards"])
        s_cpu = LAST_CPU
        t_wall, _ = build(tiny, idx["tiny"])
        t_cpu = LAST_CPU
        rows += [("build, 33,375 files", f"{f_wall:.1f} s, {f_speed:.2f} MB/s; CPU {f_cpu:.1f} s "
                                         f"({f_speed * f_wall / f_cpu * 2:.2f} MB/s at 2 CPU s/s)"),
                 ("build, the same text in 67 shards", f"{s_wall:.1f} s, {s_speed:.2f} MB/s; CPU {s_cpu:.1f} s "
                                                       f"({s_speed * s_wall / s_cpu * 2:.2f} MB/s at 2 CPU s/s)"),
                 ("folder / shards speed", f"{f_speed / s_speed:.2f}x"),
                 ("build, 96,000 tiny files", f"{t_wall:.1f} s, {96_000 / t_wall:,.0f} files/s; CPU {t_cpu:.1f} s "
                                              f"({96_000 / t_cpu * 2:,.0f} files/s at 2 CPU s/s)")]
    if args.only in (None, "ask"):
        for name, label in (("files", "33k files"), ("tiny", "96k files"), ("shards", "67 shards")):
            if not (idx[name] / "manifest.json").exists():
                continue
            wall, rss, cpu = cold_ask(idx[name], "what did the minister say about the economy")
            rows.append((f"cold ask, {label}", f"{wall * 1000:.0f} ms, {rss / 1e6:.0f} MB RSS, {cpu * 1000:.0f} ms CPU"))
        for corpus, label in ((files, "33k files"), (tiny, "96k files")):
            packed, listing, find = scan_times(corpus)
            rows.append((f"staleness listing, {label}", f"{packed * 1000:.0f} ms as the listing child makes it "
                                                        f"(qabot.corpus.list_packed), {listing * 1000:.0f} ms in the process "
                                                        f"(list_files), best of 3; GNU find -printf of the same sizes "
                                                        f"and mtimes: {find * 1000:.0f} ms"))
    if args.only == "compare":
        rows += compare(files, idx, [peer.resolve() for peer in args.against], args.rounds, not args.no_add)
    if args.only == "phases":
        for name in ("files", "tiny"):
            rows += phases(idx[name], "what did the minister say about the economy")
    if args.only in (None, "update"):
        index = idx["files"]
        edited = files / "c07" / "1" / "1234.txt"
        original = edited.read_bytes()
        try:
            edited.write_text("Harbour mayor\n\nThe zanzibarian harbour mayor resigned on Tuesday.\n", encoding="utf-8")
            wall, _, err = qabot("ask", "--index", str(index), "why did the harbour mayor resign")
            out = subprocess.run([sys.executable, "-m", "qabot", "ask", "--index", str(index), "--json",
                                  "zanzibarian harbour mayor"], capture_output=True, text=True).stdout
            found = "zanzibarian" in out
            rows.append(("cold ask after editing one file", f"{wall * 1000:.0f} ms incl. the update; edit found: {found}"))
            edited.write_bytes(original)
            for attempt in range(3):  # edited, updated, edited back, updated: each update timed
                load = os.getloadavg()[0]
                wall, _, err = qabot("index", "--index", str(index))
                rows.append((f"update one edited file among 33k, try {attempt + 1}",
                             f"{wall:.2f} s ({LAST_CPU:.2f} CPU s); {segments(index)} segments; load average before {load:.2f}"))
                edited.write_text(f"Harbour mayor\n\nThe harbour mayor resigned on day {attempt}.\n", encoding="utf-8")
            edited.write_bytes(original)
            qabot("index", "--index", str(index))
            full, _ = build(files, work / "indexes" / "files-full")
            full_cpu = LAST_CPU
            shutil.rmtree(work / "indexes" / "files-full")
            added = files / "zz-added"
            added.mkdir(exist_ok=True)
            for i, src in enumerate(random.Random(SEED).sample(sorted((files / "c00").rglob("*.txt")), 10)):
                shutil.copyfile(src, added / f"added-{i}.txt")
            load = os.getloadavg()[0]
            wall, _, _ = qabot("index", "--index", str(index))
            rows.append(("add 10 files", f"{wall:.2f} s ({LAST_CPU:.2f} CPU s), {100 * wall / full:.1f}% of a full build ({full:.1f} s), "
                                         f"{100 * LAST_CPU / full_cpu:.1f}% of its CPU ({full_cpu:.1f} s); "
                                         f"{segments(index)} segments; load average before {load:.2f}"))
            wall, _, _ = qabot("index", "--index", str(index), "--merge")
            rows.append(("merge every segment into one (qabot index --merge)", f"{wall:.2f} s"))
        finally:
            edited.write_bytes(original)
            shutil.rmtree(files / "zz-added", ignore_errors=True)
            qabot("index", "--index", str(index))
    print("\n| figure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print(json.dumps({"load": os.getloadavg()}))


if __name__ == "__main__":
    main()
