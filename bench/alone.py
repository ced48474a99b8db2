"""SQuAD dev questions asked of their own article alone: answering over a corpus of one article.

    python bench/alone.py [--half test] [--work /tmp/qabot-bench/alone]

Each article of the chosen half (``test``: the odd articles, never fitted on) becomes a corpus of its own
(one article: title and paragraphs), asked all of its own questions. A small corpus lacks many of a
paraphrased question's words that a library would hold somewhere; this shows what that does to answers
and refusals. Metrics as ``bench/squad.py`` counts them (a refusal counts as missed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout import outcomes  # noqa: E402
from splits import squad_corpus  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import measure  # noqa: E402
from qabot.index import Index  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("fit", "test", "all"), default="test")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/alone"))
    args = parser.parse_args()
    squad_file, items = squad_corpus(args.work / "squad")
    lines = squad_file.read_text(encoding="utf-8").splitlines()
    results, seconds = [], 0.0
    for number, line in enumerate(lines):
        if args.half != "all" and number % 2 != (args.half == "test"):
            continue
        folder = args.work / f"article-{number}"
        (folder / "corpus").mkdir(parents=True, exist_ok=True)
        (folder / "corpus" / "article.jsonl").write_text(line + "\n", encoding="utf-8")
        build([folder / "corpus"], folder / "index")
        got, took, _ = outcomes(Answerer(Index.open(folder / "index")), [item for n, item in items if n == number])
        results += got
        seconds += took
    print(f"SQuAD dev {args.half} half, each article asked of itself alone ({len(results):,} questions)")
    for text in measure(results, k=3, seconds=seconds).lines():
        print(f"  {text}")


if __name__ == "__main__":
    main()
