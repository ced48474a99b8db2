"""The engines qabot's retrieval is compared with, each at its best, behind one call: ``top(terms)``.

Every peer is given the very same passages as term lists (read back from qabot's index) and the very same
query terms, and answers with the top-K ``(passage id, score)`` pairs, best first:

- bm25s through its public ``retrieve()``: ``backend="numba"`` (its fastest, numba-compiled top-k) and
  ``backend="numpy"``; ``method="lucene"``, k1 1.5, b 0.75, as qabot's default (bm25s leaves out the
  constant factor ``k1 + 1``);
- tantivy (the Rust search engine's Python bindings): one document per passage, its terms joined by
  spaces in a field with tantivy's ``whitespace`` tokenizer, so it counts the very same terms; BM25 with
  Lucene's IDF and tantivy's fixed k1 1.2, b 0.75, document lengths stored in one byte (as Lucene does);
- rank-bm25's ``BM25Okapi.get_scores`` plus an exact top-K (compared with qabot's ``okapi`` scoring).

``timed`` runs every engine on each query in turn, the same number of runs each, so a slow minute of a
shared machine hits all of them alike.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from importlib.metadata import version
from typing import Callable

import numpy as np

Top = Callable[[list[str]], list[tuple[int, float]]]


@dataclass
class Peer:
    """One engine, indexed and ready to answer."""

    name: str
    """As printed in the tables ("bm25s (numba)")."""
    top: Top
    """The top-K ``(passage id, score)`` pairs for a query's terms, best first."""
    build_seconds: float
    """Wall seconds its index took to build from the term lists."""
    version: str
    """The installed package's version."""
    score_scale: float | None = None
    """What its scores are multiplied by to equal qabot's (bm25s: ``k1 + 1``); None when they differ by more."""
    note: str = ""
    """Why its scores differ from qabot's, when they do."""


def versions() -> str:
    """Every peer's installed version and numpy's, for the benchmark's header."""
    names = ["numpy", "bm25s", "numba", "tantivy", "rank-bm25"]
    return ", ".join(f"{n} {version(n)}" for n in names)


def bm25s_peer(terms: list[str], corpus_ids: list[list[int]], backend: str, k: int) -> Peer:
    """bm25s (``method="lucene"``) with ``backend`` "numba" or "numpy", through ``retrieve()``."""
    import bm25s

    started = time.perf_counter()
    engine = bm25s.BM25(method="lucene", k1=1.5, b=0.75, backend=backend)
    engine.index(bm25s.tokenization.Tokenized(ids=corpus_ids, vocab={t: i for i, t in enumerate(terms)}),
                 show_progress=False)
    seconds = time.perf_counter() - started

    def top(query: list[str]) -> list[tuple[int, float]]:
        docs, scores = engine.retrieve([query], k=k, backend_selection=backend, show_progress=False, n_threads=0)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]

    top(terms[:1])  # numba compiles on the first call
    return Peer(f"bm25s ({backend})", top, seconds, version("bm25s"), score_scale=1.5 + 1)


def tantivy_peer(terms: list[str], corpus_ids: list[list[int]], k: int) -> Peer:
    """tantivy, in memory, one segment (so a hit's document number is the passage id)."""
    import tantivy

    started = time.perf_counter()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("terms", stored=False, tokenizer_name="whitespace", index_option="freq")
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=2_000_000_000, num_threads=1)
    for ids in corpus_ids:
        writer.add_document(tantivy.Document(terms=" ".join(terms[i] for i in ids)))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    seconds = time.perf_counter() - started
    if searcher.num_segments != 1 or searcher.num_docs != len(corpus_ids):
        raise SystemExit(f"tantivy: {searcher.num_segments} segments, {searcher.num_docs} documents; want 1 segment")
    should, term_query, boolean = tantivy.Occur.Should, tantivy.Query.term_query, tantivy.Query.boolean_query

    def top(query: list[str]) -> list[tuple[int, float]]:
        q = boolean([(should, term_query(schema, "terms", t)) for t in query])
        return [(hit.doc, score) for score, hit in searcher.search(q, k).hits]

    return Peer("tantivy", top, seconds, version("tantivy"), note="its k1 is 1.2, document lengths kept in one byte")


def rank_bm25_peer(terms: list[str], corpus_ids: list[list[int]], k: int) -> Peer:
    """rank-bm25's ``BM25Okapi``: every passage scored, then an exact top-K (ties to the lower id)."""
    from rank_bm25 import BM25Okapi

    started = time.perf_counter()
    engine = BM25Okapi(corpus_ids)
    seconds = time.perf_counter() - started
    vocab = {t: i for i, t in enumerate(terms)}

    def top(query: list[str]) -> list[tuple[int, float]]:
        scores = engine.get_scores([vocab[t] for t in query])
        kth = np.partition(scores, len(scores) - k)[len(scores) - k] if len(scores) > k else scores.min()
        best = np.flatnonzero(scores >= kth)  # every passage tied with the k-th too: ties go to the lower id
        best = best[np.lexsort((best, -scores[best]))][:k]
        return [(int(d), float(scores[d])) for d in best if scores[d] != 0]

    return Peer("rank-bm25", top, seconds, version("rank-bm25"))


def timed(engines: dict[str, Top], queries: list[list[str]], runs: int = 3) -> dict[str, list[float]]:
    """Seconds per query for every engine: the median of ``runs`` runs, the engines taking turns query by query."""
    out: dict[str, list[float]] = {name: [] for name in engines}
    for query in queries:
        for name, top in engines.items():
            spent = []
            for _ in range(runs):
                started = time.perf_counter()
                top(query)
                spent.append(time.perf_counter() - started)
            out[name].append(statistics.median(spent))
    return out
