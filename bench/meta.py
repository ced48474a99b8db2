"""Questions about a few short articles themselves (who wrote, when, headline, summary) and yes/no
questions, over the tuning articles in bench/data/meta_tuning/articles/ (written for this bench; the held-out
sets are elsewhere and never read here).

Each question's first answer must hold one of its answers (case-insensitively); a "which" question
(about an article, with no topic, over many articles) must ask which article is meant; a "none"
question must get no answer. Prints the score per kind and each miss.

With ``--bbc``, the same kinds of question asked of the 2,225 BBC articles instead
(bench/data/meta_tuning/bbc_about.jsonl, a tuning set: headlines, summaries and which-article questions
among many stories, and author and date questions the BBC files cannot answer), read from the shared
``bbc-fulltext.zip`` and indexed under ``--work``.

    python bench/meta.py [--verbose] [--bbc [--data ZIP] [--work DIR]]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import bbc_corpus  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build
from qabot.index import Index

DATA = Path(__file__).parent / "data" / "meta_tuning"
ROOT = Path(__file__).resolve().parent.parent


def judge(item: dict, answer) -> bool:
    """True when ``answer`` is right for ``item``."""
    kind = item["kind"]
    if kind == "which":
        return answer.no_answer and (answer.message or "").startswith("which article")
    if kind == "none":
        return answer.no_answer
    if answer.no_answer or not answer.evidence:
        return False
    first = answer.evidence[0]
    text = first.text.lower()
    right_article = not item["article"] or first.article.path.endswith(item["article"])
    return right_article and any(a.lower() in text for a in item["answers"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every answer, not only misses")
    ap.add_argument("--bbc", action="store_true", help="ask bbc_about.jsonl of the BBC articles")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-fulltext.zip")
    ap.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/bbc"))
    args = ap.parse_args()
    if args.bbc:
        if not args.data.exists():
            sys.exit(f"BBC articles not found at {args.data}")
        build([bbc_corpus(args.work, args.data)], args.work / "index")
        ask(Answerer(Index.open(args.work / "index")), DATA / "bbc_about.jsonl", args.verbose)
        return
    with tempfile.TemporaryDirectory() as tmp:
        build([DATA / "articles"], Path(tmp) / "index")
        ask(Answerer(Index.open(Path(tmp) / "index")), DATA / "questions.jsonl", args.verbose)


def ask(answerer: Answerer, questions: Path, verbose: bool) -> None:
    """Ask each question of ``questions`` and print the misses (every answer when ``verbose``) and the score
    per kind."""
    items = [json.loads(line) for line in questions.read_text().splitlines() if line.strip()]
    right, total = Counter(), Counter()
    for item in items:
        answer = answerer.ask(item["question"], k=3)
        ok = judge(item, answer)
        total[item["kind"]] += 1
        right[item["kind"]] += ok
        if not ok or verbose:
            got = answer.message if answer.no_answer else answer.evidence[0].text
            print(f"{'ok  ' if ok else 'MISS'} [{item['kind']}] {item['question']!r} -> {got[:140]!r}")
    for kind in total:
        print(f"{kind:8} {right[kind]}/{total[kind]}")
    print(f"all      {sum(right.values())}/{sum(total.values())} = {sum(right.values()) / sum(total.values()):.3f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
