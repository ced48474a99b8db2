"""BM25 scores equal rank-bm25's, on generated corpora, through the same arrays the index stores."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from qabot.bm25 import BM25, BM25Params, weigh


def _csc(corpus: list[list[str]]):
    """Build the CSC arrays qabot stores from tokenized documents."""
    vocab = sorted({t for doc in corpus for t in doc})
    tid = {t: i for i, t in enumerate(vocab)}
    triples = sorted((tid[t], d, c) for d, doc in enumerate(corpus) for t, c in Counter(doc).items())
    term = np.array([t for t, _, _ in triples], dtype=np.int64)
    ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(np.bincount(term, minlength=len(vocab)), out=ptr[1:])
    docs = np.array([d for _, d, _ in triples], dtype=np.int32)
    tf = np.array([c for _, _, c in triples], dtype=np.int32)
    doclen = np.array([len(doc) for doc in corpus], dtype=np.int32)
    return vocab, tid, ptr, docs, tf, doclen


def _corpus(rng: random.Random, n_docs: int, vocab_size: int) -> list[list[str]]:
    words = [f"w{i}" for i in range(vocab_size)]
    weights = [1 / (i + 1) for i in range(vocab_size)]  # Zipf-like
    return [rng.choices(words, weights, k=rng.randint(1, 40)) for _ in range(n_docs)]


REFERENCE = {"okapi": BM25Okapi, "bm25l": BM25L, "bm25plus": BM25Plus}


@pytest.mark.parametrize("scoring", ["okapi", "bm25l", "bm25plus"])
@pytest.mark.parametrize("seed", range(6))
def test_scores_equal_rank_bm25(scoring, seed):
    rng = random.Random(seed)
    corpus = _corpus(rng, rng.choice([2, 3, 5, 17, 200, 1000]), rng.choice([3, 10, 60, 500]))
    vocab, tid, ptr, docs, tf, doclen = _csc(corpus)
    params = BM25Params(scoring=scoring)
    extra, base = weigh(ptr, docs, tf, doclen, params)
    ours = BM25(ptr, docs, extra, base, len(corpus))
    reference = REFERENCE[scoring](corpus)
    for _ in range(20):
        query = rng.choices(vocab, k=rng.randint(1, 5)) + (["unknown"] if rng.random() < 0.3 else [])
        expected = reference.get_scores(query)
        got = ours.scores([tid[t] for t in query if t in tid])
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
        top = ours.top([tid[t] for t in query if t in tid], 5)
        matching = [d for d in range(len(corpus)) if set(query) & set(corpus[d])]
        want = sorted(matching, key=lambda d: (-expected[d], d))[:5]
        assert [d for d, _ in top] == want
        np.testing.assert_allclose([s for _, s in top], [expected[d] for d in want], rtol=1e-9, atol=1e-12)
        some = rng.sample(range(len(corpus)), min(len(corpus), 7))
        np.testing.assert_allclose(ours.scores_of([tid[t] for t in query if t in tid], some), [expected[d] for d in some],
                                   rtol=1e-9, atol=1e-12)


def test_okapi_term_in_exactly_half_scores_zero_like_rank_bm25_and_lucene_does_not():
    corpus = [["wang", "ukraine"], ["wang", "trade"], ["putin", "trade"], ["putin", "moscow"]]
    vocab, tid, ptr, docs, tf, doclen = _csc(corpus)
    okapi = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params(scoring="okapi")), len(corpus))
    assert list(okapi.scores([tid["wang"]])) == list(BM25Okapi(corpus).get_scores(["wang"])) == [0, 0, 0, 0]
    lucene = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params(scoring="lucene")), len(corpus))
    scores = lucene.scores([tid["wang"]])
    assert scores[0] > 0 and scores[0] == scores[1] and scores[2] == scores[3] == 0


def test_lucene_idf_formula():
    corpus = [["a", "b"], ["a"], ["c"]]
    vocab, tid, ptr, docs, tf, doclen = _csc(corpus)
    lucene = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params(scoring="lucene")), len(corpus))
    avgdl = 4 / 3
    idf_a = np.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    expected = idf_a * (1 * 2.5) / (1 + 1.5 * (1 - 0.75 + 0.75 * 2 / avgdl))
    assert lucene.scores([tid["a"]])[0] == pytest.approx(expected, rel=1e-12)


def test_top_breaks_ties_by_passage_id():
    corpus = [["x"], ["y"], ["x"], ["x"], ["y"]]
    vocab, tid, ptr, docs, tf, doclen = _csc(corpus)
    bm25 = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params()), len(corpus))
    assert [d for d, _ in bm25.top([tid["x"]], 2)] == [0, 2]
    assert bm25.top([], 3) == []


@pytest.mark.parametrize("seed", range(3))
def test_top_equals_a_full_sort_on_a_large_corpus_with_many_ties(seed):
    rng = np.random.default_rng(seed)
    n_docs, vocab_size = 30_000, 50
    lengths = rng.integers(1, 4, n_docs)  # few distinct lengths: many equal scores
    corpus = [[f"w{int(t)}" for t in rng.zipf(1.3, n) % vocab_size] for n in lengths]
    vocab, tid, ptr, docs, tf, doclen = _csc(corpus)
    bm25 = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params()), len(corpus))
    for query in (["w1"], ["w1", "w2"], ["w1", "w1", "w3"], ["w2", "w5", "w7", "w1"], ["w40"]):
        ids = [tid[t] for t in query if t in tid]
        scores = bm25.scores(ids)
        holding = np.flatnonzero(np.isin(np.arange(n_docs), docs[np.concatenate([np.arange(ptr[i], ptr[i + 1]) for i in ids])]))
        for k in (1, 10, 100):
            want = holding[np.lexsort((holding, -scores[holding]))][:k].tolist()
            assert [d for d, _ in bm25.top(ids, k)] == want
