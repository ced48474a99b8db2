"""The BBC question set (bench/data/bbc_questions.jsonl) over all 2,225 BBC articles.

    python bench/bbc.py [--data ../shared/data/bbc-fulltext.zip] [--work /tmp/qabot-bench/bbc]
                        [--questions bench/data/bbc_questions.jsonl] [-v]

Prints the ``qabot eval`` figures, then checks the two targets of issue 3 question by question:
every "what did X say about Y" answer at rank 1 is X's own words (attributed to X and holding one of
the gold strings, which are X's words), and every unanswerable question gets ``no_answer``.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from qabot.answer import Answerer
from qabot.build import build
from qabot.evaluate import evaluate, hit, normalize, read_items
from qabot.index import Index
from qabot.question import parse

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Index the BBC articles, evaluate the question set, check the speech and no-answer targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-fulltext.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/bbc"))
    parser.add_argument("--questions", type=Path, default=ROOT / "bench" / "data" / "bbc_questions.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every question's first answer")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"BBC articles not found at {args.data}")
    corpus = args.work / "bbc-fulltext" / "bbc"
    if not corpus.is_dir():
        with zipfile.ZipFile(args.data) as z:
            z.extractall(args.work)
    items = read_items(args.questions)
    report = build([corpus], args.work / "index")
    answerer = Answerer(Index.open(args.work / "index"))
    result = evaluate(answerer, items)
    print(f"BBC: {answerer.index.n_articles:,} articles, {answerer.index.n_passages:,} passages "
          f"(built in {report.seconds:.1f}s); {args.questions.name}")
    for line in result.lines():
        print(f"  {line}")
    say_total = say_own = none_total = none_ok = 0
    failures = []
    for item in items:
        question = parse(item.question, answerer.analyzer)
        answer = answerer.answer(question)
        first = answer.evidence[0] if answer.evidence else None
        if not item.answers:
            none_total += 1
            none_ok += answer.no_answer
            if not answer.no_answer:
                failures.append(f"answered, expected no_answer: {item.question!r} -> {first.text[:120]!r}")
            continue
        if question.kind == "say":
            say_total += 1
            golds = [normalize(a) for a in item.answers]
            said = first is not None and first.speaker is not None and \
                set(answerer.analyzer.terms(first.speaker)) & set(question.speaker_terms)
            own = bool(said) and hit(golds, first.text)
            say_own += own
            if not own:
                failures.append(f"rank 1 not {question.speaker}'s words about it: {item.question!r} -> "
                                f"[{first.speaker if first else None}] {first.text[:120] if first else answer.message!r}")
        if args.verbose and first is not None:
            print(f"  {item.question!r} -> [{first.speaker}] {first.text[:100]!r}")
    print(f"  'what did X say about Y', rank 1 is X's own words: {say_own}/{say_total}")
    print(f"  unanswerable questions answered no_answer: {none_ok}/{none_total}")
    for failure in failures:
        print(f"  FAIL {failure}")


if __name__ == "__main__":
    main()
