"""Questions about a few short articles themselves (who wrote, when, headline, summary) and yes/no
questions, over the tuning articles in bench/data/meta_tuning/articles/ (written for this bench; the held-out
sets are elsewhere and never read here).

Each question's first answer must hold one of its answers (case-insensitively); a "which" question
(about an article, with no topic, over many articles) must ask which article is meant; a "none"
question must get no answer. Prints the score per kind and each miss.

    python bench/meta.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from qabot.answering import Answerer
from qabot.build import build
from qabot.index import Index

DATA = Path(__file__).parent / "data" / "meta_tuning"


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
    args = ap.parse_args()
    items = [json.loads(line) for line in (DATA / "questions.jsonl").read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        build([DATA / "articles"], Path(tmp) / "index")
        answerer = Answerer(Index.open(Path(tmp) / "index"))
        right, total = Counter(), Counter()
        for item in items:
            answer = answerer.ask(item["question"], k=3)
            ok = judge(item, answer)
            total[item["kind"]] += 1
            right[item["kind"]] += ok
            if not ok or args.verbose:
                got = answer.message if answer.no_answer else answer.evidence[0].text
                print(f"{'ok  ' if ok else 'MISS'} [{item['kind']}] {item['question']!r} -> {got[:140]!r}")
    for kind in total:
        print(f"{kind:8} {right[kind]}/{total[kind]}")
    print(f"all      {sum(right.values())}/{sum(total.values())} = {sum(right.values()) / sum(total.values()):.3f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
