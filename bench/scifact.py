"""SciFact (BEIR test): nDCG@10 of qabot's BM25 ranking of abstracts, beside Anserini's published 0.6789.

    python bench/scifact.py [--data ../shared/data/scifact] [--work /tmp/qabot-bench/scifact] [--max-tokens N]

Each abstract becomes one article: its title the article's headline (searched with its first passage,
as every headline is), its abstract the text, one paragraph; with ``--flat`` the title is folded into
the text instead (Anserini's "flat" document). Claims go through qabot's question analysis and BM25 (the same code path as
``qabot ask``); an abstract ranks by its best passage.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import sys
import time
from pathlib import Path

from qabot.answering import Answerer
from qabot.bm25 import SCORINGS, BM25Params
from qabot.build import Settings, build
from qabot.defaults import DEFAULT_MAX_TOKENS
from qabot.index import Index

ANSERINI_FLAT = 0.6789
ROOT = Path(__file__).resolve().parents[1]


def write_corpus(data: Path, work: Path, flat: bool = False) -> Path:
    """The abstracts as one JSONL corpus file (the document id as its url); returns its path."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / ("corpus-flat" if flat else "corpus") / "scifact.jsonl"
    corpus.parent.mkdir(exist_ok=True)
    if not corpus.exists():
        with gzip.open(data / "corpus.jsonl.gz", "rt", encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as out:
            for line in src:
                doc = json.loads(line)
                title, text = doc["title"].strip(), " ".join(doc["text"].split())
                if flat:
                    title, text = doc["_id"], f"{title}. {text}"
                out.write(json.dumps({"title": title or doc["_id"], "text": text, "url": doc["_id"]}) + "\n")
    return corpus


def ndcg_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    """nDCG@10 with graded gains (BEIR's definition)."""
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:10]))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def main() -> None:
    """Build the index, rank every test claim's abstracts, print nDCG@10."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scifact")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/scifact"))
    parser.add_argument("--max-tokens", type=int, default=DEFAULT_MAX_TOKENS, help="passage size (default: qabot's own)")
    parser.add_argument("--scoring", choices=SCORINGS, default=BM25Params().scoring)
    parser.add_argument("--k1", type=float, default=BM25Params().k1)
    parser.add_argument("--b", type=float, default=BM25Params().b)
    parser.add_argument("--flat", action="store_true", help="fold the title into the text (Anserini's flat)")
    args = parser.parse_args()
    if not (args.data / "corpus.jsonl.gz").exists():
        sys.exit(f"SciFact not found at {args.data}")
    corpus = write_corpus(args.data, args.work, args.flat)
    index_dir = args.work / f"index-{args.max_tokens}"
    report = build([corpus], index_dir, Settings(max_tokens=args.max_tokens))
    index = Index.open(index_dir)
    answerer = Answerer(index, BM25Params(scoring=args.scoring, k1=args.k1, b=args.b))
    qrels: dict[str, dict[str, int]] = {}
    with open(args.data / "qrels.test.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    queries = {}
    with open(args.data / "queries.test.jsonl", encoding="utf-8") as handle:
        for line in handle:
            q = json.loads(line)
            if q["_id"] in qrels:
                queries[q["_id"]] = q["text"]
    ids = [index.article_meta(i)["url"] for i in range(index.n_articles)]
    started = time.perf_counter()
    scores = [ndcg_at_10([ids[a] for a in answerer.rank_articles(text, 10)], qrels[qid]) for qid, text in queries.items()]
    seconds = time.perf_counter() - started
    print(f"SciFact test: {len(scores)} claims, {index.n_articles:,} abstracts, {index.n_passages:,} passages "
          f"(--max-tokens {args.max_tokens}, {args.scoring}, k1={args.k1}, b={args.b}; index built in {report.seconds:.1f}s)")
    print(f"nDCG@10: qabot {sum(scores) / len(scores):.4f}   Anserini BM25 flat (published) {ANSERINI_FLAT:.4f}")
    print(f"speed: {len(scores) / seconds:,.0f} claims/s")


if __name__ == "__main__":
    main()
