"""Segments: an update writes the new and changed files as a new segment and marks what they replace
deleted; segments merge by tiers and on --merge; whatever the sequence, the index holds the same articles
and gives the same scores as a fresh build of the same files, and okapi's equal rank-bm25's."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from rank_bm25 import BM25Okapi

from conftest import build_through, run, update_ops

from qabot.analysis import Analyzer
from qabot.bm25 import SCORINGS, BM25Params
from qabot.build import Settings, build
from qabot.index import Index
from qabot.retrieval import LocalRetriever
from qabot.segments import SEGMENTS_PER_TIER

SETTINGS = Settings(max_tokens=64)
"""Small passages: a BBC article gives several, so deletions cut through passage ranges."""
QUERIES = [Analyzer().terms(q) for q in ("said", "government minister election", "film music award music",
                                         "the club won the game", "market shares profit year", "Blair Brown",
                                         "mobile phone technology", "nothingfound zzqx")]


def content(index: Index) -> dict[str, tuple]:
    """Each article's metadata, text, paragraphs and passages, by article id (whatever its segment and number)."""
    out = {}
    metas = index.all_meta()
    assert len(metas) == index.n_articles
    for i, meta in enumerate(metas):
        assert index.article_meta(i) == meta
        article = index.article(i)
        ids = index.article_passages(i)
        passages = [index.passage(p) for p in ids]
        assert all(p.article == i for p in passages) and all(index.passage_article(p) == i for p in ids)
        out[meta["id"]] = (meta, article.text, article.paragraphs,
                           [(p.paragraph, p.start, p.end, p.sentences, p.tokens) for p in passages])
    assert sum(len(c[3]) for c in out.values()) == index.n_passages
    return out


def _key(index: Index, p: int) -> tuple[str, int]:
    """A passage named by its article's id and its number in the article (the same in any index of the files)."""
    a = index.passage_article(p)
    return index.article_meta(a)["id"], p - index.article_passages(a).start


def _passage_id(index: Index, key: tuple[str, int]) -> int:
    ids = {index.article_meta(i)["id"]: i for i in range(index.n_articles)}
    return index.article_passages(ids[key[0]]).start + key[1]


def same_scores(a: Index, b: Index, scoring: str | None = None, k: int = 8) -> None:
    """Every query's top-k scores are equal in ``a`` and ``b``, and each passage ``a`` returns scores the same in ``b``."""
    params = None if scoring is None else BM25Params(scoring=scoring)
    ra, rb = LocalRetriever(a, params), LocalRetriever(b, params)
    for q in QUERIES:
        top_a, top_b = ra.top(q, k), rb.top(q, k)
        np.testing.assert_allclose([s for _, s in top_a], [s for _, s in top_b], rtol=1e-12, atol=0)
        keys = [_key(a, p) for p, _ in top_a]
        again = rb.scores(q, [_passage_id(b, key) for key in keys])
        np.testing.assert_allclose(again, [s for _, s in top_a], rtol=1e-12, atol=0)
        assert [ra.df(t) for t in q] == [rb.df(t) for t in q]


def same_as_rank_bm25(index: Index, k: int = 8) -> None:
    """okapi's top-k scores equal rank-bm25's BM25Okapi over the same tokenized passages."""
    analyzer = Analyzer()
    tokenized = []
    for i in range(index.n_articles):
        article = index.article(i)
        for n, p in enumerate(index.article_passages(i)):
            passage = index.passage(p)
            tokenized.append(analyzer.terms(article.title) * (n == 0) + analyzer.terms(article.text[passage.start:passage.end]))
    reference = BM25Okapi(tokenized)
    retriever = LocalRetriever(index, BM25Params(scoring="okapi"))
    for q in QUERIES:
        expected = reference.get_scores(q)
        holding = [d for d in range(len(tokenized)) if set(q) & set(tokenized[d])]
        want = sorted((expected[d] for d in holding), reverse=True)[:k]
        got = retriever.top(q, k)
        np.testing.assert_allclose([s for _, s in got], want, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose([s for _, s in got], expected[[d for d, _ in got]], rtol=1e-9, atol=1e-12)


def same_as_fresh(folder: Path, index_dir: Path, scratch: Path) -> None:
    """The index at ``index_dir`` holds what a fresh build of ``folder`` holds, scoring alike in every mode."""
    fresh_dir = scratch / "fresh"
    shutil.rmtree(fresh_dir, ignore_errors=True)
    build([folder], fresh_dir, SETTINGS, processes=1)
    ours, fresh = Index.open(index_dir), Index.open(fresh_dir)
    try:
        assert content(ours) == content(fresh)
        assert (ours.n_articles, ours.n_passages, ours.counts["tokens"]) == (fresh.n_articles, fresh.n_passages,
                                                                              fresh.counts["tokens"])
        assert ours.terms == fresh.terms and ours.n_terms == fresh.n_terms
        assert ours.word_counts() == fresh.word_counts() and ours.words == fresh.words
        for scoring in (None, *SCORINGS):
            same_scores(ours, fresh, scoring)
        same_as_rank_bm25(ours)
    finally:
        ours.close()
        fresh.close()


@pytest.fixture(scope="module")
def bbc_texts(bbc_dir) -> list[str]:
    """Sixty small BBC articles (under 2 KB), a seeded draw."""
    paths = sorted(p for p in bbc_dir.rglob("*.txt") if p.stat().st_size < 2000 and p.name != "199.txt")
    return [p.read_text(encoding="utf-8") for p in random.Random(5).sample(paths, 60)]


OPS = update_ops(60, 7)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_of_updates_scores_as_a_fresh_build(bbc_texts, ops):
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder, index_dir = build_through(scratch, bbc_texts, ops, SETTINGS)
        same_as_fresh(folder, index_dir, scratch)


def test_an_update_writes_one_new_segment_and_keeps_the_old_one(isolated, bbc_texts):
    folder = isolated / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(bbc_texts[i], encoding="utf-8")
    build([folder], isolated / "index", SETTINGS)
    first = json.loads((isolated / "index" / "manifest.json").read_text())
    (folder / "2.txt").write_text(bbc_texts[10], encoding="utf-8")
    (folder / "4.txt").unlink()
    report = build([folder], isolated / "index", SETTINGS)
    assert ([Path(p).name for p in report.updated], [Path(p).name for p in report.removed], report.unchanged) == (
        ["2.txt"], ["4.txt"], 4)
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    old, new = manifest["segments"]
    assert old["name"] == first["segments"][0]["name"] and old["deleted"]["articles"] == 2
    assert (new["articles"], new["weights"]) == (1, False)
    assert manifest["counts"]["articles"] == 5
    same_as_fresh(folder, isolated / "index", isolated)
    merged = run("index", str(folder), "--index", "index", "--max-tokens", "64", "--merge")
    assert merged.returncode == 0, merged.stderr
    manifest = json.loads((isolated / "index" / "manifest.json").read_text())
    assert len(manifest["segments"]) == 1 and manifest["segments"][0]["weights"] and not manifest["segments"][0].get("deleted")
    assert sorted(p.name for p in (isolated / "index").iterdir() if p.name.startswith(("seg-", "data-"))) == sorted(
        [manifest["data"], manifest["segments"][0]["name"]])
    same_as_fresh(folder, isolated / "index", isolated)


def test_small_segments_merge_when_a_tier_is_full(isolated, bbc_texts):
    folder = isolated / "corpus"
    folder.mkdir()
    (folder / "first.txt").write_text(bbc_texts[0], encoding="utf-8")
    build([folder], isolated / "index", SETTINGS)
    counts = []
    for i in range(1, SEGMENTS_PER_TIER + 1):
        (folder / f"more-{i}.txt").write_text(bbc_texts[i], encoding="utf-8")
        build([folder], isolated / "index", SETTINGS)
        counts.append(len(json.loads((isolated / "index" / "manifest.json").read_text())["segments"]))
    assert counts == [*range(2, SEGMENTS_PER_TIER), 1, 2]  # the eighth segment fills the tier: all merge into one
    same_as_fresh(folder, isolated / "index", isolated)


def test_an_index_of_the_previous_format_asks_for_a_rebuild_and_is_rebuilt(seeds, isolated):
    assert run("index").returncode == 0
    manifest_path = isolated / "index" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["version"] = 3  # as qabot wrote it before segments
    del manifest["segments"]
    manifest_path.write_text(json.dumps(manifest))
    verify = run("index", "--verify")
    assert verify.returncode == 5 and "Traceback" not in verify.stderr
    assert verify.stderr == ("qabot: error: the index at index has format version 3, this qabot reads version "
                             f"{manifest['version'] + 1}; run qabot index to rebuild it\n")
    rebuilt = run("index")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run("ask", "what did Wang say about Ukraine").returncode == 0
