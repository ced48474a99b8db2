"""qabot at scale, side by side with bm25s, tantivy and rank-bm25: one table per corpus.

    python bench/bench.py --work /tmp/qabot-bench bbc scale-100k zipf-10k zipf-100k
    python bench/bench.py --work /tmp/qabot-bench scale-1m zipf-1m --rank-bm25-sample 20

Per corpus: build (wall, MB/s of article text, peak memory of the whole process tree as PSS, index size), a
cold ``qabot ask`` (new process: wall, peak RSS; best of 3 with the index in the page cache, and the
median of 3 with the index's files dropped from it), retrieval latency of top-10 over 1,000 seeded
queries for qabot, bm25s (numba and numpy backends, through ``retrieve()``), tantivy and rank-bm25 on the
same passages and the same terms (read back from qabot's index; see ``peers.py``), each query timed
``RUNS`` times per engine, the engines taking turns, p50 and p99 of the per-query medians; end-to-end
``qabot ask --json -`` questions per second, and an incremental update (10 new articles). rank-bm25 is
timed on a sample of the queries when ``--rank-bm25-sample`` is given (say so in the table). The header
prints every peer's version and numpy's. After the Zipf corpora, a last table shows latency against
corpus size for a rare and a common term.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import CORPORA, make  # noqa: E402
from peers import Peer, bm25s_peer, rank_bm25_peer, tantivy_peer, timed, versions  # noqa: E402

from qabot.bm25 import BM25Params  # noqa: E402
from qabot.index import Index  # noqa: E402
from qabot.retrieval import LocalRetriever  # noqa: E402

SEED = 7
K = 10
RUNS = 3
"""Timed runs of each query, per engine; the median counts."""
LAST_CPU = 0.0
"""CPU seconds (user + system, whole process tree) of the last ``run_measured`` command."""


def tree_rss(pid: int, pss: bool = True) -> int:
    """Resident bytes of a process and all its descendants, as PSS: a page the processes share (the
    forked workers share the parent's encoder tables) counts once, split between them, not once per process.

    PSS makes the kernel walk each process's page tables (about 13 ms of CPU for a 100k build's tree,
    taken from the build it measures); ``pss=False`` gives the plain RSS sum from ``statm`` instead,
    which costs next to nothing and is never below the PSS."""
    total = 0
    stack = [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while stack:
        p = stack.pop()
        try:
            if pss:
                with open(f"/proc/{p}/smaps_rollup") as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
            else:
                with open(f"/proc/{p}/statm") as f:
                    total += int(f.read().split()[1]) * page
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_measured(cmd: list[str], stdin: bytes | None = None) -> tuple[float, int, bytes]:
    """Run ``cmd``: ``(wall seconds, peak RSS of its process tree in bytes, stdout)``."""
    global LAST_CPU
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample():
        # The cheap RSS sum every 20 ms; the costly PSS only when that sum reaches a new high, at most
        # every 0.25 s (sampling PSS every 20 ms took a quarter of a core from the build it measured).
        high, last = 0, 0.0
        while not done.is_set():
            rss = tree_rss(proc.pid, pss=False)
            now = time.perf_counter()
            if rss > high and now - last >= 0.25:
                high, last = rss, now
                peak[0] = max(peak[0], tree_rss(proc.pid))
            done.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate(stdin)
    wall = time.perf_counter() - started
    done.set()
    thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, peak[0], out


def cold_ask(index: Path, question: str) -> tuple[float, int, float]:
    """Wall time, peak RSS and CPU seconds (user + system) of one ``qabot ask`` in a new process.

    GNU time reports the peak: a child forked straight from this (large) process would inherit
    its high-water mark.
    """
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", sys.executable, "-m", "qabot", "ask", "--index", str(index), question],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"cold ask failed: {proc.stderr.decode()[-300:]}")
    rss, user, system = proc.stderr.decode().split()[-3:]
    return wall, int(rss) * 1024, float(user) + float(system)


def evict(folder: Path) -> None:
    """Drop ``folder``'s files from the OS page cache (``POSIX_FADV_DONTNEED``; no root needed), so the next
    reader reads them from disk. Python and qabot's own modules stay cached."""
    for path in folder.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def one_core_speed(corpus: Path, max_tokens: int) -> float:
    """MB/s of article text that one core cuts and tokenizes right now: the build's per-file step
    (``process``) over the corpus's first file, in this process, with fresh tables.

    This machine's speed drifts by a third from minute to minute; printed beside the build, it tells
    a slow build from a slow minute (two workers can at best reach twice this, less the serial steps)."""
    from qabot.build import Spellings, process
    from qabot.analysis import Analyzer
    from qabot.passages import encoding

    path = min(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    data = path.read_bytes()
    enc = encoding()
    started = time.process_time()
    block, _, _ = process(path, data, str(path), max_tokens, enc, Spellings(Analyzer()), "calibration")
    seconds = time.process_time() - started
    return sum(len(t) for t in block.texts) / 1e6 / seconds if block and seconds > 0 else 0.0


def dir_size(path: Path) -> int:
    """Bytes of all files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def documents(index: Index) -> tuple[np.ndarray, np.ndarray]:
    """Every passage's term ids with repeats (CSR: ``ptr``, ``ids``), read back from the postings."""
    ptr = index.array("post_ptr")
    term = np.repeat(np.arange(len(ptr) - 1, dtype=np.int32), np.diff(ptr))
    order = np.argsort(index.array("post_doc"), kind="stable")
    doc = index.array("post_doc")[order]
    tf = index.array("post_tf")[order]
    ids = np.repeat(term[order], tf)
    counts = np.bincount(np.repeat(doc, tf), minlength=index.n_passages)
    dptr = np.zeros(index.n_passages + 1, dtype=np.int64)
    np.cumsum(counts, out=dptr[1:])
    return dptr, ids


def make_queries(index: Index, dptr: np.ndarray, ids: np.ndarray, n: int) -> list[list[str]]:
    """``n`` seeded queries of 1 to 4 distinct terms taken from random passages."""
    rng = random.Random(SEED)
    terms = index.terms
    out = []
    while len(out) < n:
        p = rng.randrange(index.n_passages)
        pool = sorted(set(ids[dptr[p]:dptr[p + 1]].tolist()))
        if pool:
            out.append([terms[t] for t in rng.sample(pool, min(len(pool), rng.randint(1, 4)))])
    return out


def faster(ratio: float) -> str:
    """``ratio`` (their time over qabot's) as "N.Nx faster" or "N.Nx slower"."""
    times = ratio if ratio >= 1 else 1 / ratio
    shown = f"{times:.2f}x" if times < 10 else f"{times:.1f}x" if times < 100 else f"{times:.0f}x"
    return shown + (" faster" if ratio >= 1 else " slower")


def agreement(peer: Peer, ours, queries: list[list[str]]) -> tuple[str, str]:
    """How the peer's top-10 compares with qabot's on ``queries``: scores (when comparable) and ids."""
    same_ids = same_first = same_scores = 0
    overlap = 0.0
    worst = 0.0
    for q in queries:
        mine, theirs = ours(q), peer.top(q)
        same_ids += [d for d, _ in mine] == [d for d, _ in theirs]
        same_first += bool(mine and theirs) and mine[0][0] == theirs[0][0]
        overlap += len({d for d, _ in mine} & {d for d, _ in theirs}) / max(len(mine), 1)
        if peer.score_scale is not None and len(theirs) == len(mine):
            a = np.array([x for _, x in mine])
            b = np.array([x for _, x in theirs]) * peer.score_scale
            same_scores += bool(np.allclose(a, b, rtol=1e-6))
            worst = max(worst, float(np.max(np.abs(a - b) / np.maximum(a, 1e-9), initial=0.0)))
    n = len(queries)
    ids = (f"same ids in the same order on {same_ids}/{n} (ties come back in another order), same rank 1 on "
           f"{same_first}/{n}, {overlap / n:.1%} of qabot's top-10 ids in its top-10")
    if peer.score_scale is None:
        return "scores not comparable", f"{ids} ({peer.note})"
    return f"top-10 scores equal on {same_scores}/{n} queries", ids + (
        f"; max rel. score diff {worst:.1e} after x {peer.score_scale:g} (k1 + 1), it keeps float32")


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile, in milliseconds."""
    return float(np.quantile(values, q)) * 1000


def questions_from(index: Index, n: int) -> list[str]:
    """``n`` seeded questions made of words from random passages ("what about ...")."""
    rng = random.Random(SEED + 1)
    out = []
    while len(out) < n:
        p = index.passage(rng.randrange(index.n_passages))
        text = index.article(p.article).text[p.start:p.end]
        words = [w for w in text.split() if w.isalpha() and len(w) > 3]
        if words:
            out.append("what about " + " ".join(rng.sample(words, min(len(words), rng.randint(1, 3)))))
    return out


def add_ten(corpus: Path, work: Path) -> Path:
    """Ten new article files (BBC articles) in a folder inside the corpus."""
    folder = corpus / "zz-added"
    folder.mkdir(exist_ok=True)
    source = random.Random(SEED).sample(sorted((work / "corpora" / "bbc").rglob("*.txt")), 10)
    for i, path in enumerate(source):
        shutil.copyfile(path, folder / f"added-{i}.txt")
    return folder


def bench_corpus(name: str, args) -> dict:
    """Measure everything for one corpus and print its table."""
    work: Path = args.work
    corpus = make(work, name)
    added = corpus / "zz-added"
    if added.exists():
        shutil.rmtree(added)
    index_dir = work / "indexes" / name
    shutil.rmtree(index_dir, ignore_errors=True)
    max_tokens = ["--max-tokens", "512"] if name.startswith("zipf") else []
    cmd = [sys.executable, "-m", "qabot", "index", str(corpus), "--index", str(index_dir), *max_tokens]
    core = one_core_speed(corpus, 512 if max_tokens else 384)
    load = os.getloadavg()[0]
    build_wall, build_rss, _ = run_measured(cmd)
    build_cpu = LAST_CPU
    index = Index.open(index_dir)
    text_bytes = sum((seg.dir / "text.bin").stat().st_size for seg in index.segments)
    size = dir_size(index.dir)
    rows = [("build wall", f"{build_wall:.1f} s", f"{build_cpu:.1f} CPU s over all processes "
             f"({text_bytes / 1e6 / build_cpu:.2f} MB per CPU second); load average before: {load:.2f}"),
            ("build speed", f"{text_bytes / 1e6 / build_wall:.2f} MB/s", f"{text_bytes / 1e6:.1f} MB of article text, 2 cores; "
             f"one core cut and tokenized {core:.2f} MB/s of the first file just before"),
            ("build peak memory", f"{build_rss / 1e6:.0f} MB", f"{build_rss / size:.2f}x index size (process tree, PSS, sampled)"),
            ("index size", f"{size / 1e6:.0f} MB", f"{index.n_passages:,} passages, {index.n_terms:,} terms")]

    question = "what did the minister say about the economy"
    cold = [cold_ask(index_dir, question) for _ in range(3)]
    wall, rss, cpu = min(c[0] for c in cold), max(c[1] for c in cold), min(c[2] for c in cold)
    rows.append(("cold qabot ask", f"{wall * 1000:.0f} ms, {rss / 1e6:.0f} MB RSS",
                 f"new process, best of 3, index in the page cache (warm); {cpu * 1000:.0f} ms of CPU"))
    cold = []
    for _ in range(3):
        evict(index_dir)
        cold.append(cold_ask(index_dir, question))
    wall, rss, cpu = statistics.median(c[0] for c in cold), max(c[1] for c in cold), statistics.median(c[2] for c in cold)
    rows.append(("cold qabot ask, index not cached", f"{wall * 1000:.0f} ms, {rss / 1e6:.0f} MB RSS",
                 f"new process, median of 3, the index's files dropped from the page cache before each "
                 f"(posix_fadvise DONTNEED; Python's own files stay cached); {cpu * 1000:.0f} ms of CPU"))

    dptr, ids = documents(index)
    queries = make_queries(index, dptr, ids, args.queries)
    terms = index.terms
    corpus_ids = [ids[dptr[d]:dptr[d + 1]].tolist() for d in range(index.n_passages)]
    del dptr, ids
    local = LocalRetriever(Index.open(index_dir))
    ours = lambda q: local.top(q, K)  # noqa: E731
    ours(queries[0])
    peers = [bm25s_peer(terms, corpus_ids, "numba", K), bm25s_peer(terms, corpus_ids, "numpy", K),
             tantivy_peer(terms, corpus_ids, K)]
    spent = timed({"qabot": ours, **{p.name: p.top for p in peers}}, queries, RUNS)
    mine = spent["qabot"]
    rows.append(("qabot top-10", f"p50 {pct(mine, .5):.3f} ms, p99 {pct(mine, .99):.3f} ms",
                 f"{len(queries)} queries, median of {RUNS} runs each, all engines taking turns query by query"))
    for peer in peers:
        theirs = spent[peer.name]
        ratio50, ratio99 = pct(theirs, .5) / pct(mine, .5), pct(theirs, .99) / pct(mine, .99)
        rows.append((f"{peer.name} {peer.version} top-10", f"p50 {pct(theirs, .5):.3f} ms, p99 {pct(theirs, .99):.3f} ms",
                     f"qabot {faster(ratio50)} at p50, {faster(ratio99)} at p99; index built in {peer.build_seconds:.1f} s"))
        rows.append((f"{peer.name} agreement", *agreement(peer, ours, queries[:200])))
    del peers
    gc.collect()

    sample = queries if not args.rank_bm25_sample else random.Random(SEED).sample(queries, args.rank_bm25_sample)
    reference = rank_bm25_peer(terms, corpus_ids, K)
    del corpus_ids
    okapi = LocalRetriever(Index.open(index_dir), BM25Params(scoring="okapi"))
    okapi_top = lambda q: okapi.top(q, K)  # noqa: E731
    okapi_top(sample[0])
    spent = timed({"qabot okapi": okapi_top, "rank-bm25": reference.top}, sample, RUNS)
    slow, mine = spent["rank-bm25"], spent["qabot okapi"]
    sampled = f"{len(sample)}-query sample" if len(sample) < len(queries) else f"all {len(sample)} queries"
    rows.append((f"rank-bm25 {reference.version} top-10", f"p50 {pct(slow, .5):.1f} ms, p99 {pct(slow, .99):.1f} ms",
                 f"{sampled}, median of {RUNS} runs each; qabot (okapi, timed in turn with it) p50 {pct(mine, .5):.3f} ms, "
                 f"p99 {pct(mine, .99):.3f} ms there: {faster(pct(slow, .5) / pct(mine, .5))} at p50, "
                 f"{faster(pct(slow, .99) / pct(mine, .99))} at p99; BM25Okapi built in {reference.build_seconds:.1f} s"))
    same, worst = 0, 0.0
    for q in sample:
        want, got = reference.top(q), okapi_top(q)
        same += [d for d, _ in got] == [d for d, _ in want]
        worst = max(worst, max((abs(s - w) / max(abs(w), 1e-12) for (_, s), (_, w) in zip(got, want)), default=0.0))
    rows.append(("scores vs rank-bm25", f"max rel. diff {worst:.1e}", f"top-10 ids equal on {same}/{len(sample)} queries"))
    del reference
    gc.collect()

    questions = questions_from(index, args.questions)
    ask = [sys.executable, "-m", "qabot", "ask", "--index", str(index_dir), "--json", "-"]
    wall, rss, out = run_measured(ask, ("\n".join(questions) + "\n").encode())
    answers = [json.loads(line) for line in out.decode().splitlines()]
    answered = sum(1 for a in answers if not a["no_answer"])
    rows.append(("qabot ask --json -", f"{len(questions) / wall:.0f} questions/s",
                 f"{len(questions)} questions in {wall:.2f} s incl. start-up ({len(questions) / LAST_CPU:.0f} per CPU second), "
                 f"{answered} answered with citations, peak PSS {rss / 1e6:.0f} MB"))

    if not args.no_update:
        add_ten(corpus, work)
        wall, rss, out = run_measured(cmd)
        summary = out.decode().splitlines()
        rows.append(("add 10 articles", f"{wall:.1f} s", f"{wall / build_wall * 100:.1f}% of the full build; "
                     f"peak PSS {rss / 1e6:.0f} MB; {summary[1] if len(summary) > 1 else ''}"))
        shutil.rmtree(corpus / "zz-added")

    print(f"\n### {name} (load average at the end {os.getloadavg()[0]:.2f})\n")
    print("| figure | value | notes |\n|---|---|---|")
    for row in rows:
        print(f"| {row[0]} | {row[1]} | {row[2]} |")
    sys.stdout.flush()
    return {"index": index_dir}


def add_only(name: str, args) -> None:
    """Adding 10 articles to the corpus's index (built first when missing, and then timed), three times:
    each time the 10 files are added, the index updated (timed), and the files removed again (untimed update)."""
    work: Path = args.work
    corpus = make(work, name)
    shutil.rmtree(corpus / "zz-added", ignore_errors=True)
    index_dir = work / "indexes" / name
    max_tokens = ["--max-tokens", "512"] if name.startswith("zipf") else []
    cmd = [sys.executable, "-m", "qabot", "index", str(corpus), "--index", str(index_dir), *max_tokens]
    rows = []
    if not (index_dir / "manifest.json").exists():
        load = os.getloadavg()[0]
        build_wall, _, _ = run_measured(cmd)
        rows.append(("full build", f"{build_wall:.1f} s", f"load average before: {load:.2f}"))
        (index_dir / "build-seconds").write_text(f"{build_wall}")
    build_wall = float((index_dir / "build-seconds").read_text()) if (index_dir / "build-seconds").exists() else None
    run_measured(cmd)  # up to date, whatever an earlier run left
    for attempt in range(3):
        add_ten(corpus, work)
        load = os.getloadavg()[0]
        wall, rss, out = run_measured(cmd)
        summary = out.decode().splitlines()
        share = f"{wall / build_wall * 100:.1f}% of the full build ({build_wall:.1f} s); " if build_wall else ""
        rows.append((f"add 10 articles, try {attempt + 1}", f"{wall:.2f} s ({LAST_CPU:.2f} CPU s)",
                     f"{share}load average before {load:.2f}; peak PSS {rss / 1e6:.0f} MB; "
                     f"{summary[1] if len(summary) > 1 else ''}"))
        shutil.rmtree(corpus / "zz-added")
        run_measured(cmd)
    manifest = json.loads((index_dir / "manifest.json").read_text())
    print(f"\n### {name}: adding 10 articles ({manifest['counts']['passages']:,} passages, "
          f"{len(manifest['segments'])} segments; load average at the end {os.getloadavg()[0]:.2f})\n")
    print("| figure | value | notes |\n|---|---|---|")
    for row in rows:
        print(f"| {row[0]} | {row[1]} | {row[2]} |")
    sys.stdout.flush()


def size_table(args) -> None:
    """Latency of qabot and the peers' top-10 for one rare and one common term, across Zipf corpus sizes."""
    names = [n for n in ("zipf-10k", "zipf-100k", "zipf-1m") if (args.work / "indexes" / n / "manifest.json").exists()]
    if not names:
        return
    print("\n### query cost against corpus size (Zipf corpora, top-10, median of 200 runs)\n")
    print("| corpus | passages | term (df) | qabot | bm25s (numba) | bm25s (numpy) | tantivy |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        index = Index.open(args.work / "indexes" / name)
        local = LocalRetriever(index)
        df = np.diff(index.array("post_ptr"))
        common = index.terms[int(np.argmax(df))]
        rare = "kashmir" if "kashmir" in index.vocab else index.terms[int(np.argmin(df))]
        dptr, ids = documents(index)
        corpus_ids = [ids[dptr[d]:dptr[d + 1]].tolist() for d in range(index.n_passages)]
        peers = [bm25s_peer(index.terms, corpus_ids, "numba", K), bm25s_peer(index.terms, corpus_ids, "numpy", K),
                 tantivy_peer(index.terms, corpus_ids, K)]
        del corpus_ids, dptr, ids
        for term in (rare, common):
            spent = timed({"qabot": lambda q: local.top(q, K), **{p.name: p.top for p in peers}}, [[term]], 200)
            cells = " | ".join(f"{statistics.median(v) * 1000:.3f} ms" for v in spent.values())
            print(f"| {name} | {index.n_passages:,} | {term} ({local.df(term):,}) | {cells} |")
        del peers
        gc.collect()


def main() -> None:
    """Run the benchmarks named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", choices=CORPORA, default=["bbc", "scale-100k", "zipf-10k", "zipf-100k"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench"))
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--rank-bm25-sample", type=int, default=0, help="time rank-bm25 on this many of the queries")
    parser.add_argument("--no-update", action="store_true", help="skip the incremental update")
    parser.add_argument("--size-table-only", action="store_true")
    parser.add_argument("--add-only", action="store_true",
                        help="only time adding 10 articles (and, when the corpus has no index yet, the full build)")
    args = parser.parse_args()
    uname = os.uname()
    print(f"machine: {uname.sysname} {uname.release} {uname.machine}, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}; load average at start {os.getloadavg()[0]:.2f}")
    print(f"versions: {versions()}")
    if args.add_only:
        for name in args.names:
            add_only(name, args)
        return
    if not args.size_table_only:
        for name in args.names:
            bench_corpus(name, args)
    size_table(args)


if __name__ == "__main__":
    main()
