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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import squad_corpus  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import RECALL_PASSAGES, Outcome, measure  # noqa: E402
from qabot.index import Index  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("fit", "test", "all"), default="test")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/alone"))
    args = parser.parse_args()
    squad_file, items = squad_corpus(args.work / "squad")
    lines = squad_file.read_text(encoding="utf-8").splitlines()
    outcomes, seconds = [], 0.0
    for number, line in enumerate(lines):
        if args.half != "all" and number % 2 != (args.half == "test"):
            continue
        folder = args.work / f"article-{number}"
        (folder / "corpus").mkdir(parents=True, exist_ok=True)
        (folder / "corpus" / "article.jsonl").write_text(line + "\n", encoding="utf-8")
        build([folder / "corpus"], folder / "index")
        answerer = Answerer(Index.open(folder / "index"))
        started = time.perf_counter()
        for n, item in items:
            if n == number:
                answer = answerer.ask(item.question, k=3)
                outcomes.append(Outcome(item=item, no_answer=answer.no_answer, evidence=tuple(e.text for e in answer.evidence),
                                        passages=tuple(answerer.passage_text(p) for p in answer.passages[:RECALL_PASSAGES])))
        seconds += time.perf_counter() - started
    print(f"SQuAD dev {args.half} half, each article asked of itself alone ({len(outcomes):,} questions)")
    for text in measure(outcomes, k=3, seconds=seconds).lines():
        print(f"  {text}")


if __name__ == "__main__":
    main()
