"""``qabot quotes`` speed over the BBC corpus: in-process and as the real command, beside ``qabot ask``.

    python bench/quotes.py [--work /tmp/qabot-bench] [--repeat 5]

Prints, for speakers found in about 50 articles and for the issue's two checks (Blair on euro,
Howard on tax), the articles that name them, the articles and quotes found, the median time of
``find_quotes`` with the index open and warm, and the wall time of ``qabot quotes`` and ``qabot ask``
as subprocesses (the same interpreter start-up and index opening, for a ratio).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import bbc_dir  # noqa: E402

from qabot.analysis import Analyzer  # noqa: E402
from qabot.index import Index  # noqa: E402
from qabot.quotes import find_quotes  # noqa: E402

CASES = [("Blair", "euro"), ("Howard", "tax"), ("Brown", None), ("Kilroy-Silk", None), ("Wenger", None),
         ("Mourinho", None), ("Gates", None), ("police", None)]


def wall(*args: str) -> float:
    """Seconds a ``python -m qabot`` subprocess takes."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qabot", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    index_dir = args.work / "index-quotes-bbc"
    if not (index_dir / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "qabot", "index", str(bbc_dir(args.work)), "--index", str(index_dir)],
                       check=True, capture_output=True)
    index, analyzer = Index.open(index_dir), Analyzer()
    find_quotes(index, "Blair", analyzer=analyzer)  # warm: the index's pages and the regular expressions
    print(f"{'speaker':<22}{'named in':>9}{'articles':>9}{'quotes':>7}{'in-process':>12}{'quotes cmd':>12}{'ask cmd':>9}")
    for name, about in CASES:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            report = find_quotes(index, name, about, analyzer=analyzer)
            times.append(time.perf_counter() - start)
        cli = ["quotes", name, "--index", str(index_dir)] + (["--about", about] if about else [])
        question = f"what did {name} say" + (f" about {about}" if about else "")
        label = name + (f" on {about}" if about else "")
        print(f"{label:<22}{report.articles_read:>9}{len(report.groups):>9}{report.count:>7}"
              f"{statistics.median(times):>11.3f}s{wall(*cli):>11.3f}s"
              f"{wall('ask', question, '--index', str(index_dir)):>8.3f}s")


if __name__ == "__main__":
    main()
