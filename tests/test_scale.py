"""The index at scale: parallel and incremental builds equal a fresh serial one (postings, weights, surface
words), lookups read only what they need."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from qabot.analysis import Analyzer
from qabot.answering import Answerer
from qabot.bm25 import BM25, BM25Params, weigh
from qabot.build import Settings, build
from qabot.index import Index
from qabot.retrieval import LocalRetriever
from test_segments import content, same_scores

WORDS = ("Kyiv Ukraine Wang Putin Beijing Moscow trade talks peace summit minister election Blair euro profit "
         "shares market football coach striker Café naïve Zürich Straße 東京 rates bank growth said").split()


def _corpus(folder: Path, n_files: int, seed: int) -> Path:
    """Write ``n_files`` small articles of random sentences (some non-ASCII) under ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_files):
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            sentences = [" ".join(rng.choices(WORDS, k=rng.randint(4, 14))).capitalize() + "." for _ in range(rng.randint(1, 5))]
            paragraphs.append(" ".join(sentences))
        (folder / f"{i:03d}.txt").write_text(f"Headline {i}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return folder


def _postings(index: Index) -> dict[str, set[tuple[int, int]]]:
    """Each term's (passage, tf) pairs, whatever order the arrays hold them in."""
    ptr, docs, tf = index.array("post_ptr"), index.array("post_doc"), index.array("post_tf")
    return {t: set(zip(docs[ptr[i]:ptr[i + 1]].tolist(), tf[ptr[i]:ptr[i + 1]].tolist())) for i, t in enumerate(index.terms)}


def _same_index(a: Index, b: Index) -> None:
    """Two indexes hold the same passages, text, metadata, postings and weights."""
    for name in ("art_text_off", "art_para_ptr", "para_start", "para_end", "art_pas_ptr", "pas_para", "pas_start",
                 "pas_end", "pas_tokens", "pas_len", "pas_sent_ptr", "sent_start", "sent_end", "post_ptr", "term_base",
                 "art_meta_off"):
        assert np.array_equal(a.array(name), b.array(name)), name
    assert a.terms == b.terms
    assert a.all_meta() == b.all_meta()
    assert a.words == b.words and a.word_counts() == b.word_counts()
    assert (a.segments[0].dir / "text.bin").read_bytes() == (b.segments[0].dir / "text.bin").read_bytes()
    assert _postings(a) == _postings(b)
    for t in a.terms[::7]:
        ids = [a.vocab[t]]
        np.testing.assert_allclose(a.bm25().scores(ids), b.bm25().scores(ids), rtol=1e-12)


def test_parallel_build_equals_serial_build(isolated):
    corpus = _corpus(isolated / "corpus", 40, seed=1)
    one = build([corpus], isolated / "one", processes=1)
    two = build([corpus], isolated / "two", processes=2)
    assert (one.articles, one.passages, one.tokens) == (two.articles, two.passages, two.tokens) == (40, one.passages, one.tokens)
    _same_index(Index.open(isolated / "one"), Index.open(isolated / "two"))


def test_incremental_add_and_remove_equals_fresh_build(isolated):
    corpus = _corpus(isolated / "corpus", 30, seed=2)
    build([corpus], isolated / "index", processes=1)
    extra = _corpus(isolated / "extra", 40, seed=3)
    for i in (31, 35, 39):  # new files that sort between and after the old ones
        shutil.copy(extra / f"{i:03d}.txt", corpus / f"{i - 30:03d}b.txt")
    (corpus / "007.txt").unlink()
    (corpus / "012.txt").write_text("Rates rise\n\nThe bank raised rates in Zürich. Growth slowed.", encoding="utf-8")
    (corpus / "015a.txt").write_bytes(bytes(range(256)) * 8)  # a failed file between kept ones
    os.utime(corpus / "020.txt", ns=(1, 1))  # touched, same content: kept
    report = build([corpus], isolated / "index", processes=1)
    assert report.failed == [(str(corpus / "015a.txt"), "binary file")]
    assert [Path(p).name for p in report.new] == ["001b.txt", "005b.txt", "009b.txt"]
    assert ([Path(p).name for p in report.updated], report.unchanged, [Path(p).name for p in report.removed]) == (
        ["012.txt"], 28, ["007.txt"])
    assert report.text_bytes < 4 * sum((corpus / f"{i - 30:03d}b.txt").stat().st_size for i in (31, 35, 39))
    build([corpus], isolated / "fresh", processes=1)
    updated, fresh = Index.open(isolated / "index"), Index.open(isolated / "fresh")
    assert len(updated.segments) == 2 and not updated.pristine  # the old segment, less 2 articles, and the new one
    assert content(updated) == content(fresh)
    assert updated.terms == fresh.terms and updated.words == fresh.words and updated.word_counts() == fresh.word_counts()
    for scoring in (None, "okapi", "bm25plus"):
        same_scores(updated, fresh, scoring)
    build([corpus], isolated / "index", processes=1, merge=True)  # one segment again: the same arrays as a fresh build's
    merged = Index.open(isolated / "index")
    assert merged.pristine and content(merged) == content(fresh)
    same_scores(merged, fresh)


def test_vocab_is_looked_up_without_a_dict(isolated):
    corpus = _corpus(isolated / "corpus", 12, seed=4)
    build([corpus], isolated / "index")
    index = Index.open(isolated / "index")
    terms = index.terms
    assert terms == sorted(terms, key=lambda t: t.encode("utf-8")) and len(set(terms)) == len(terms)
    assert {"東京", "cafe", "zurich", "straße", "ukrain"} <= set(terms)
    for i, t in enumerate(terms):
        assert index.vocab[t] == i and t in index.vocab
    for missing in ("", "aaaa", "zzzz", "ukraine", "東", "\udc80"):
        assert missing not in index.vocab and index.vocab.get(missing) is None
    with pytest.raises(KeyError):
        index.vocab["zzzz"]
    assert list(index.vocab) == terms and len(index.vocab) == len(terms)


def test_article_metadata_is_read_one_line_at_a_time(isolated):
    corpus = _corpus(isolated / "corpus", 9, seed=5)
    build([corpus], isolated / "index")
    index = Index.open(isolated / "index")
    every = index.all_meta()
    assert [index.article_meta(i) for i in range(len(every))] == every
    assert [m["title"] for m in every] == [f"Headline {i}" for i in range(9)]
    with pytest.raises(IndexError):
        index.article_meta(9)


def test_local_retriever_matches_rank_bm25_top_k_on_a_built_index(isolated):
    corpus = _corpus(isolated / "corpus", 25, seed=6)
    build([corpus], isolated / "index", Settings(bm25=BM25Params(scoring="okapi")))
    index = Index.open(isolated / "index")
    analyzer = Analyzer()
    passages = [index.passage(p) for p in range(index.n_passages)]
    firsts = {index.passage_article(p): p for p in range(index.n_passages - 1, -1, -1)}
    # a passage's terms: its text's, and for an article's first passage its headline's too
    tokenized = [analyzer.terms(index.article(p.article).title) * (firsts[p.article] == i)
                 + analyzer.terms(index.article(p.article).text[p.start:p.end]) for i, p in enumerate(passages)]
    assert [len(t) for t in tokenized] == index.array("pas_len").tolist()
    reference = BM25Okapi(tokenized)
    retriever = LocalRetriever(index, BM25Params(scoring="okapi"))
    for query in (["ukrain", "peac"], ["bank", "bank", "rate"], ["東京"], ["cafe", "nowher"], ["zurich", "straße", "summit"]):
        expected = reference.get_scores(query)
        want = sorted((d for d in range(len(tokenized)) if set(query) & set(tokenized[d])), key=lambda d: (-expected[d], d))[:10]
        got = retriever.top(query, 10)
        assert [d for d, _ in got] == want
        np.testing.assert_allclose([s for _, s in got], expected[want], rtol=1e-9, atol=1e-12)
        assert retriever.df(query[0]) == sum(1 for t in tokenized if query[0] in t)


def test_answerer_takes_any_retriever(isolated):
    corpus = _corpus(isolated / "corpus", 10, seed=7)
    (corpus / "wang.txt").write_text("Wang on Ukraine\n\nWang said peace talks on Ukraine must go on.", encoding="utf-8")
    build([corpus], isolated / "index")
    index = Index.open(isolated / "index")

    class Reversed:
        """A backend that ranks the local results backwards (a different engine, as far as answers can tell)."""

        def __init__(self):
            self.local = LocalRetriever(index)
            self.calls = []

        def top(self, terms, k):
            self.calls.append(list(terms))
            return self.local.top(terms, k)[::-1]

        def df(self, term):
            return self.local.df(term)

    backend = Reversed()
    answer = Answerer(index, retriever=backend).ask("what did Wang say about Ukraine", k=1)
    assert backend.calls and set(backend.calls[0]) == {"wang", "ukrain"}
    assert answer.evidence[0].text == "Wang said peace talks on Ukraine must go on."


def test_bm25_top_ties_across_several_terms_go_to_lower_ids():
    corpus = [["a", "b"], ["b", "a"], ["a"], ["b"], ["a", "b"], ["c"], ["b", "a"]] * 30
    vocab = ["a", "b", "c"]
    tid = {t: i for i, t in enumerate(vocab)}
    triples = sorted((tid[t], d, doc.count(t)) for d, doc in enumerate(corpus) for t in set(doc))
    ptr = np.zeros(4, dtype=np.int64)
    np.cumsum(np.bincount([t for t, _, _ in triples], minlength=3), out=ptr[1:])
    docs = np.array([d for _, d, _ in triples], dtype=np.int32)
    tf = np.array([c for _, _, c in triples], dtype=np.int32)
    doclen = np.array([len(d) for d in corpus], dtype=np.int32)
    bm25 = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params(scoring="okapi")), len(corpus))
    reference = BM25Okapi(corpus).get_scores(["a", "b"])
    for k in (1, 3, 7, 50, 400):
        want = sorted((d for d in range(len(corpus)) if {"a", "b"} & set(corpus[d])), key=lambda d: (-reference[d], d))[:k]
        assert [d for d, _ in bm25.top([0, 1], k)] == want
