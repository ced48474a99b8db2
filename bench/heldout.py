"""Held-out answer quality: question sets no weight or rule was set on, and questions asked of a corpus
they were not written for.

    python bench/heldout.py [--work /tmp/qabot-bench/heldout] [--negatives 1000] [--set fresh] [-v]

Sets (bench/data/heldout/, written by someone who read only the articles, never the code, and never
tuned on): ``bbc_news.jsonl`` (150 questions over the BBC articles), ``bbc_unanswerable.jsonl`` (60
the BBC articles cannot answer), ``seed.jsonl`` (50 about the bundled article), ``small.jsonl`` (100
about the eight short articles in ``small/``). Each question's kind is labelled in the file.
``--set fresh`` reads the same files from ``bench/data/heldout/fresh/``: a second set written later by
another reader of the articles alone, never looked at while answering rules or weights were changed.
``--set fresh14``: a fifteenth, BBC only, from the last articles no set had used (134 candidates: none in tech, 2 in
entertainment; the empty places filled round-robin from business and sport, ``fresh14/README.md``), 25 near-miss BBC
unanswerable, written 2026-12-05 by a helper who read only the articles.
``--set fresh13``: a fourteenth, BBC only, from articles no set had used (only 3 tech articles were left: the
missing places filled in turn from the other four categories, ``fresh13/README.md``), 25 near-miss BBC unanswerable,
written 2026-12-05 by a helper who read only the articles.
``--set fresh12``: a thirteenth, BBC only, made like fresh11 from even-numbered articles not used before (only 6 tech
articles were left: their 14 other places taken by business articles, ``fresh12/README.md``), 25 near-miss BBC
unanswerable, written 2026-12-04 night by a helper who read only the articles.
``--set fresh11``: a twelfth, BBC only, made like fresh9 (100 BBC news from odd-numbered articles not used before, 25
near-miss BBC unanswerable), written 2026-12-04 late night by a helper who read only the articles (``fresh11/README.md``).
``--set fresh10``: an eleventh, BBC only, made like fresh9 (100 BBC news from even-numbered articles not used before, 25
near-miss BBC unanswerable), written 2026-12-04 night by a helper who read only the articles (``fresh10/README.md``).
``--set fresh9``: a tenth, BBC only (100 BBC news from odd-numbered articles not used before, 25 near-miss BBC
unanswerable), written 2026-12-04 evening by a helper who read only the articles (``fresh9/README.md``).
``--set fresh8``: a ninth, made like fresh6 (100 BBC news from even-numbered articles not used before, 25 near-miss
BBC unanswerable, 40 about the bundled article, 60 about six new short articles in ``fresh8/small/``, 8 unanswerable),
written 2026-12-04 morning by a helper who read only the articles.
``--set fresh7``: an eighth, made like fresh5 (100 BBC news from odd-numbered articles not used before, 25 near-miss
BBC unanswerable, 40 about the bundled article, 60 about six new short articles in ``fresh7/small/``, 8 unanswerable),
written 2026-12-04 morning by a helper who read only the articles.
``--set fresh6``: a seventh, made like fresh5 (100 BBC news from even-numbered articles, 25 near-miss BBC
unanswerable asking who/where/when/how many as well as ages and sums, 40 about the bundled article, 60 about six new
short articles in ``fresh6/small/``, 8 unanswerable), written 2026-12-04 by a helper who read only the articles.
``--set fresh5``: a sixth, made like fresh4 (100 BBC news from odd-numbered articles, 25 near-miss BBC unanswerable,
40 about the bundled article, 60 about six other new short articles in ``fresh5/small/``, 8 unanswerable), written
2026-12-03 late evening by a helper who read only the articles; measured only at the end of that session (aggregates).
``--set fresh4``: a fifth (100 BBC news, 25 near-miss BBC unanswerable, 40 about the bundled article, 60 about six
new short articles in ``fresh4/small/``, 8 of them unanswerable), written 2026-12-03 evening by a helper who read only
the articles; measured at the start and the end of that session only (aggregates).
``--set fresh3``: a fourth (100 BBC news, 20 BBC unanswerable about the same articles, 40 about the bundled
article; no small articles), written 2026-12-03 by helpers who read only the articles, measured only at the start
and the end of that session (aggregates). ``--set fresh2``: a third (120 BBC news, 40 BBC unanswerable, 35 about the bundled article, 66 about six
new short articles in ``fresh2/small/``), written 2026-12-02 and measured only at the end of that
session. A summary question ("what is the article about") has no verbatim answer and is left out of the
figures (counted as "not scored").

Refusals of another corpus's questions: ``--negatives`` SQuAD dev questions of the test half (odd
articles, never fitted on) asked of the BBC articles, and the held-out BBC questions asked of SQuAD dev.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import ROOT, bbc_corpus, half, squad_corpus, unanswerable  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import Item, Outcome, RECALL_PASSAGES, golds, hit, measure  # noqa: E402
from qabot.index import Index  # noqa: E402

HELDOUT = ROOT / "bench" / "data" / "heldout"


def read(path: Path) -> list[tuple[str, Item]]:
    """``(kind, item)`` for each line of a held-out set."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if not obj["answers"] and obj["kind"] != "unanswerable":
                continue  # a summary question: nothing verbatim to score it by
            out.append((obj["kind"], Item(question=obj["question"], answers=tuple(obj["answers"]))))
    return out


def outcomes(answerer: Answerer, items: list[Item]) -> tuple[list[Outcome], float, list]:
    """Each question answered: outcomes, seconds, answers."""
    out, answers = [], []
    started = time.perf_counter()
    for item in items:
        answer = answerer.ask(item.question, k=3)
        answers.append(answer)
        out.append(Outcome(item=item, no_answer=answer.no_answer, evidence=tuple(e.text for e in answer.evidence),
                           passages=tuple(answerer.passage_text(p) for p in answer.passages[:RECALL_PASSAGES])))
    return out, time.perf_counter() - started, answers


def report(name: str, answerer: Answerer, pairs: list[tuple[str, Item]], verbose: bool) -> None:
    items = [i for _, i in pairs]
    got, seconds, answers = outcomes(answerer, items)
    print(f"{name}: {len(items)} questions, {answerer.corpus.n_articles:,} articles")
    for line in measure(got, k=3, seconds=seconds).lines():
        print(f"  {line}")
    by_kind = defaultdict(list)
    for (kind, _), outcome in zip(pairs, got):
        by_kind[kind].append(outcome)
    for kind, group in sorted(by_kind.items()):
        r = measure(group, k=3)
        if r.answerable:
            print(f"  {kind:>12}: {len(group):3d}  evidence@1 {r.evidence_at_1:.3f}  evidence@3 {r.evidence_at_3:.3f}  "
                  f"refused {r.answerable_refused}")
        else:
            print(f"  {kind:>12}: {len(group):3d}  no_answer {r.no_answer_predicted}")
    shown(pairs, got, answers)
    if verbose:
        for (kind, item), answer in zip(pairs, answers):
            first = answer.evidence[0].text[:110] if answer.evidence else f"NO ANSWER: {answer.message}"
            print(f"    [{kind}] {item.question} -> {first}")


def shown(pairs: list[tuple[str, Item]], got: list[Outcome], answers: list) -> None:
    """How the questions were shown, aggregates only: for the unanswerable ones, how many were shown sure, shown
    "not sure: closest passages" (the middle tier) or refused; for the answerable ones, how many first answers
    holding a gold answer (right) and not (wrong) were shown sure and how many not sure."""
    unanswerable = [a for (_, i), a in zip(pairs, answers) if not i.answers]
    if unanswerable:
        refused = sum(a.no_answer for a in unanswerable)
        unsure = sum(bool(a.unsure) and not a.no_answer for a in unanswerable)
        print(f"  unanswerable shown: sure {len(unanswerable) - refused - unsure}, not sure {unsure}, refused {refused}")
    right, wrong = [], []
    for o, a in zip(got, answers):
        if o.item.answers and not a.no_answer and o.evidence:
            (right if hit(golds(o.item.answers), o.evidence[0]) else wrong).append(a)
    for name, group in (("right", right), ("wrong", wrong)):
        if group:
            unsure = sum(bool(a.unsure) for a in group)
            print(f"  {name} first answers shown: sure {len(group) - unsure}, not sure {unsure}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/heldout"))
    parser.add_argument("--negatives", type=int, default=1000)
    parser.add_argument("--set", default="first",
                        choices=("first", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7",
                                 "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14"),
                        help="which held-out question sets: the first ones, or bench/data/heldout/fresh/, fresh2/ ... fresh14/")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    sets = HELDOUT if args.set == "first" else HELDOUT / args.set
    bbc = bbc_corpus(args.work / "bbc")
    build([bbc], args.work / "bbc-index")
    build([ROOT / "seeds"], args.work / "seed-index")
    has_small = (sets / "small").is_dir()
    if has_small:
        build([sets / "small"], args.work / f"small-index-{args.set}")
    squad_file, squad_items = squad_corpus(args.work / "squad")
    build([squad_file], args.work / "squad-index")
    news = Answerer(Index.open(args.work / "bbc-index"))
    seed = Answerer(Index.open(args.work / "seed-index"))
    small = Answerer(Index.open(args.work / f"small-index-{args.set}")) if has_small else None
    squad = Answerer(Index.open(args.work / "squad-index"))
    bbc_news = read(sets / "bbc_news.jsonl")
    report("held-out BBC news questions over the BBC articles", news, bbc_news, args.verbose)
    report("held-out BBC unanswerable questions", news, read(sets / "bbc_unanswerable.jsonl"), args.verbose)
    if (sets / "seed.jsonl").exists():
        report("held-out questions about the bundled article", seed, read(sets / "seed.jsonl"), args.verbose)
    if small is not None:
        report("held-out questions about the small articles", small, read(sets / "small.jsonl"), args.verbose)
    test = random.Random(0).sample(half(squad_items, "test"), args.negatives)
    report(f"{args.negatives:,} SQuAD dev test-half questions asked of the BBC articles", news,
           [("other corpus", i) for i in unanswerable(test)], False)
    report("held-out BBC news questions asked of SQuAD dev", squad,
           [("other corpus", i) for i in unanswerable([i for _, i in bbc_news])], False)


if __name__ == "__main__":
    main()
