"""SQuAD answering speed of checkouts of qabot against each other, in the same run, by CPU time in turns.

    python bench/squad_ab.py CHECKOUT [CHECKOUT ...] [--work /tmp/qabot-squad-ab] [--chunk 250] [--warm 2000]

Whole runs of ``bench/squad.py`` taken in turns differ by a third on this machine (its speed drifts within
seconds), more than the changes worth measuring. Here each checkout (a folder holding a ``qabot`` package,
say a ``git worktree`` of another commit; ``.`` for this one) gets one warm worker process: it builds the
SQuAD dev index with its own code, answers ``--warm`` questions, then all 10,570 in chunks of ``--chunk``,
each chunk given to every worker in turn (the order reversed every other chunk) and timed by the worker's own
CPU clock (``Answerer.ask`` with k=3, as ``ask --json -`` answers). A change of load hits every checkout alike.
Prints questions per CPU second for each checkout and its ratio to the first.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "squad-v1.1-dev.json.zip"

WORKER = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from splits import squad_corpus, half
from qabot.answering import Answerer
from qabot.bm25 import BM25Params
from qabot.build import Settings, build
from qabot.index import Index
work, data, warm = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
corpus, pairs = squad_corpus(work, data)
items = half(pairs, "all")
index = work / "index"
if not index.exists():
    build([corpus], index, Settings(max_tokens=384, bm25=BM25Params(scoring="lucene")))
answerer = Answerer(Index.open(index))
for item in items[:warm]:
    answerer.ask(item.question, k=3)
print(len(items), flush=True)
for line in sys.stdin:
    i, j = map(int, line.split())
    cpu = time.process_time()
    for item in items[i:j]:
        answerer.ask(item.question, k=3)
    print(time.process_time() - cpu, flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-squad-ab"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--chunk", type=int, default=250)
    parser.add_argument("--warm", type=int, default=2000)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"SQuAD not found at {args.data}")
    workers = []
    for n, checkout in enumerate(args.checkouts):
        checkout = checkout.resolve()
        if not (checkout / "qabot" / "__init__.py").exists():
            sys.exit(f"{checkout}: no qabot package there")
        work = args.work / f"{n}-{checkout.name}"
        env = dict(os.environ, PYTHONPATH=str(checkout))
        workers.append(subprocess.Popen(
            [sys.executable, "-c", WORKER, str(ROOT / "bench"), str(work), str(args.data), str(args.warm)],
            cwd=args.work.parent, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
    counts = [int(w.stdout.readline()) for w in workers]
    total = counts[0]
    cpu = [0.0] * len(workers)
    for k, start in enumerate(range(0, total, args.chunk)):
        order = list(range(len(workers)))[::-1 if k % 2 else 1]
        for x in order:
            workers[x].stdin.write(f"{start} {min(total, start + args.chunk)}\n")
            workers[x].stdin.flush()
            cpu[x] += float(workers[x].stdout.readline())
    for w in workers:
        w.stdin.close()
        w.wait()
    print(f"SQuAD dev, {total:,} questions (after {args.warm:,} to warm up), in chunks of {args.chunk} taken in turns; "
          f"load average {os.getloadavg()[0]:.1f}")
    for checkout, seconds in zip(args.checkouts, cpu):
        print(f"  {checkout}: {total / seconds:.0f} questions per CPU second ({seconds:.1f} s), "
              f"{cpu[0] / seconds:.3f}x the first")


if __name__ == "__main__":
    main()
