"""SQuAD v1.1 dev as one closed corpus: evidence@1/@3, passage recall@1/3/5/10, MRR and questions/s.

    python bench/squad.py [--data ../shared/data/squad-v1.1-dev.json.zip] [--work /tmp/qabot-bench/squad]
                          [--max-tokens 128 ...] [--scoring lucene ...] [--sample N]

All 48 articles are indexed together (each SQuAD paragraph is a paragraph of its article, so passages
never cross them) and all 10,570 questions are asked through ``qabot.evaluate`` (the code path of
``qabot eval`` and ``qabot ask``) in this one process. Several ``--max-tokens`` or ``--scoring`` values
are measured one after another. Passage recall@1/3/10 is measured after the timed run, by BM25 alone
(the passages answering reads for the question's words), so it does not slow the questions/s figure.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from qabot.answering import Answerer, AnswerParams, parse, retrieve
from qabot.answering.params import load_weights
from qabot.bm25 import SCORINGS, BM25Params
from qabot.build import Settings, build
from qabot.evaluate import Item, evaluate, golds as gold_answers, hit
from qabot.index import Index
from qabot.passages import DEFAULT_MAX_TOKENS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from splits import half, squad_corpus  # noqa: E402


RECALL_AT = (1, 3, 10)
"""Depths at which passage recall is reported."""


def passage_recall(answerer: Answerer, items: list[Item], ks: tuple[int, ...] = RECALL_AT) -> dict[int, float]:
    """Share of answerable questions with a gold answer in the top ``k`` BM25 passages, for each ``k``:
    the passages answering reads for the question's words the index holds, each with its irregular forms
    (``retrieve.with_forms``; a refused question finds none)."""
    found = dict.fromkeys(ks, 0)
    answerable = 0
    for item in items:
        golds = gold_answers(item.answers)
        if not golds:
            continue
        answerable += 1
        check = answerer.gates.check(parse(item.question, answerer.analyzer), True)
        if check.refusal is not None or not check.known:
            continue
        terms = retrieve.with_forms(answerer.reader, check.known)  # as answering searches (a word with its forms)
        texts = [answerer.passage_text(p) for p, _ in answerer.retriever.top(terms, max(ks))]
        first = next((i for i, t in enumerate(texts) if hit(golds, t)), None)
        for k in ks:
            found[k] += first is not None and first < k
    return {k: found[k] / answerable if answerable else 0.0 for k in ks}


def main() -> None:
    """Index SQuAD dev and answer its questions for each setting asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "squad-v1.1-dev.json.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/squad"))
    parser.add_argument("--max-tokens", type=int, nargs="+", default=[DEFAULT_MAX_TOKENS])
    parser.add_argument("--scoring", choices=SCORINGS, nargs="+", default=[BM25Params().scoring])
    parser.add_argument("--half", choices=("all", "fit", "test"), default="all",
                        help="SQuAD dev split by article (bench/splits.py): the fit half, the test half or all")
    parser.add_argument("--weights", type=Path, help="a fitted weights file in place of the shipped one")
    parser.add_argument("--sample", type=int, default=0,
                        help="ask only the first N after random.Random(0).shuffle (the README reference's sample)")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"SQuAD not found at {args.data}")
    from qabot.answering.collection import freeze_answered

    freeze_answered()  # as ``qabot eval`` and ``qabot ask -`` do: what each answer leaves in the caches is frozen
    corpus, pairs = squad_corpus(args.work, args.data)
    items = half(pairs, args.half)
    params = AnswerParams(weights=load_weights(args.weights)) if args.weights else AnswerParams.default()
    if args.sample:
        random.Random(0).shuffle(items)
        items = items[:args.sample]
    for max_tokens in args.max_tokens:
        for scoring in args.scoring:
            index_dir = args.work / f"index-{max_tokens}-{scoring}"
            report = build([corpus], index_dir, Settings(max_tokens=max_tokens, bm25=BM25Params(scoring=scoring)))
            index = Index.open(index_dir)
            answerer = Answerer(index, answer_params=params)
            result = evaluate(answerer, items)
            print(f"SQuAD v1.1 dev, one closed corpus: {index.n_articles} articles, {index.n_passages:,} passages, "
                  f"{args.half} questions "
                  f"(--max-tokens {max_tokens}, --scoring {scoring}; built in {report.seconds:.1f}s)")
            for line in result.lines():
                print(f"  {line}")
            recall = passage_recall(answerer, items)
            print("  passage recall (BM25, before answering): "
                  + ", ".join(f"@{k} {share:.3f}" for k, share in recall.items()))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
