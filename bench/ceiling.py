"""Where each answerable question's gold answer stands on the way to the answers shown: aggregates only.

    python bench/ceiling.py [--work /tmp/qabot-bench/heldout] SET_OR_FILE ...

A SET is a held-out set's name (``fresh10`` ... : its ``bbc_news.jsonl``, over the BBC articles, asked as
``bench/heldout.py`` asks them); a FILE is a question file over the BBC articles (a tuning set). Each answerable
question falls in the first of: the first answer holds a gold answer (whole words, as ``qabot eval`` matches); one of
the first three does; the question was refused though one of its first three candidates holds one; a candidate sentence
ranked 4th to 10th holds one; a later candidate does; a passage read holds one, in no candidate sentence; no passage
read holds one (retrieval missed it, or the gold is written in no article as given). Printed per question kind when the
file labels kinds. Nothing here prints a question: held-out sets are read for their aggregates only.

What it says (2026-12-05, 400 questions of fresh10-13): the gold stands in a candidate for about 93% of the
questions and in the first three answers for 73%: what is lost is mostly the order of candidates the answerer already
holds (19% ranked 4th or later), not retrieval (see docs/answers.md, "Where the gold stands").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import ROOT, bbc_corpus  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.answering.parse import parse  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import golds as gold_answers, hit  # noqa: E402
from qabot.index import Index  # noqa: E402

HELDOUT = ROOT / "bench" / "data" / "heldout"
PLACES = ("first answer", "in the first three", "refused, in the first three candidates", "candidate 4th-10th",
          "candidate 11th or later", "in a passage read, no candidate", "in no passage read")


def place(answerer: Answerer, question: str, answers: list[str]) -> int:
    """The index in ``PLACES`` of where the gold answer stands for ``question``."""
    golds = gold_answers(answers)
    answer = answerer.ask(question, k=3)
    shown = [] if answer.no_answer else [e.text for e in answer.evidence]
    if shown and hit(golds, shown[0]):
        return 0
    if any(hit(golds, t) for t in shown):
        return 1
    ranked = answerer.rank(parse(question, answerer.analyzer, written=answerer.written))
    at = next((n for n, c in enumerate(ranked.candidates)
               if hit(golds, answerer.article(c.passage.article).text[c.start:c.end])), None)
    if at is not None:
        return 2 if answer.no_answer and at < 3 else 3 if at < 10 else 4
    return 5 if any(hit(golds, answerer.passage_text(p)) for p in ranked.passages) else 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/heldout"))
    parser.add_argument("sets", nargs="+", help="held-out set names (fresh10 ...) or question files over the BBC")
    args = parser.parse_args()
    build([bbc_corpus(args.work / "bbc")], args.work / "bbc-index")
    answerer = Answerer(Index.open(args.work / "bbc-index"))
    total: Counter = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    for name in args.sets:
        path = Path(name) if name.endswith(".jsonl") else HELDOUT / name / "bbc_news.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if not row or not row.get("answers"):
                continue
            at = place(answerer, row["question"], row["answers"])
            total[at] += 1
            kinds[row.get("kind", "-")][at] += 1
    n = sum(total.values())
    print(f"{', '.join(args.sets)}: {n} answerable questions over {answerer.corpus.n_articles:,} articles")
    for i, name in enumerate(PLACES):
        print(f"  {name:<40} {total[i]:4d}  {total[i] / n:.3f}")
    if len(kinds) > 1:
        print("  by kind (shares in the order above):")
        for kind, counts in sorted(kinds.items()):
            m = sum(counts.values())
            print(f"  {kind:>12} {m:4d}  " + " ".join(f"{counts[i] / m:.2f}" for i in range(len(PLACES))))


if __name__ == "__main__":
    main()
