"""What a cold speech question reads for the first time, read cheaper with the same result: a sentence's fields
past its terms analysed only when asked for (``Sentence``), and a passage's rows read from the index without array
scalars (``Index.passage`` through ``Segment.items``). Checked on the real BBC articles against the eager analysis
and the numpy reading as first written, and through the CLI against the same answers asked twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from qabot.analysis import TOKEN
from qabot.answering import Answerer
from qabot.answering.sentences import (DATE, MONEY, PRONOUNS, _ANAPHORA, _CAPS, _REST, Sentence, _numbers, _places)
from qabot.index import Index
from qabot.model import Passage

ROOT = Path(__file__).resolve().parent.parent


def _eager(reader, text: str, start: int, end: int) -> dict:
    """Every field of a sentence as ``Reader._analyse`` worked them out at once before they were read lazily."""
    sentence = text[start:end]
    analyzer = reader.analyzer
    words = TOKEN.findall(sentence)
    caps = _CAPS.findall(sentence)
    places = _places(sentence)
    first = (sentence.split(None, 1) or [""])[0].lower().strip("\"“‘(")
    terms, irregular = reader._terms(sentence, words)
    return dict(
        start=start, end=end, terms=terms, irregular=irregular,
        numbers=_numbers(sentence, words), money=bool(MONEY.search(sentence)),
        dates=frozenset(DATE.findall(sentence)),
        names=frozenset(analyzer.terms(" ".join(caps))) if caps else frozenset(),
        places=frozenset(t for t in (tuple(analyzer.terms(p)) for p in places) if t) if places else frozenset(),
        quote="“" in sentence or "”" in sentence or '"' in sentence or "«" in sentence or "»" in sentence
        or "''" in sentence,
        anaphor=first in _ANAPHORA,
        pronoun=first in PRONOUNS,
    )


def _fields(sentence: Sentence) -> dict:
    return {name: getattr(sentence, name) for name in ("start", "end", "terms", "irregular") + _REST}


def test_a_sentence_read_lazily_has_every_field_of_the_eager_analysis(bbc_index):
    reader = Answerer(Index.open(bbc_index)).reader
    checked = 0
    for p in range(0, reader.n_passages, 3):
        passage = reader.passage(p)
        text = reader.article(passage.article).text
        for i, sentence in enumerate(passage.sentences):
            assert sentence._rest is None  # nothing past the terms analysed yet
            expected = _eager(reader, text, *passage.spans[i])
            if passage._asks:  # a question's words read into its answers: only the terms differ
                expected.update(terms=sentence.terms, irregular=sentence.irregular)
            assert _fields(sentence) == expected, (p, i)
            assert sentence._rest is not None and sentence._said is None  # analysed once, its text let go
            assert _fields(sentence) == expected
            checked += 1
    assert checked > 10000


def test_lazy_sentences_compare_as_their_fields(bbc_index):
    one, other = (Answerer(Index.open(bbc_index)).reader for _ in range(2))
    for p in range(0, one.n_passages, 97):
        a, b = one.passage(p).sentences, other.passage(p).sentences
        assert a == b and hash(a) == hash(b)  # one analysed past its terms by comparing, the other too
        b[0].numbers  # noqa: B018 (analysed on one side first)
        assert a[0] == b[0] and hash(a[0]) == hash(b[0])
        if len(a) > 1:
            assert a[0] != a[1]
        assert "numbers=" in repr(a[0])


def _passage_as_numpy_reads_it(index: Index, p: int) -> Passage:
    """``Index.passage`` as first written: numpy scalars and ``searchsorted``."""
    s, lp = index._passage_at(p)
    seg = index.segments[s]
    sp = seg.array("pas_sent_ptr")
    lo, hi = int(sp[lp]), int(sp[lp + 1])
    a = int(np.searchsorted(seg.array("art_pas_ptr"), lp, side="right") - 1)
    return Passage(
        article=index._article_id(s, a), paragraph=int(seg.array("pas_para")[lp]),
        start=int(seg.array("pas_start")[lp]), end=int(seg.array("pas_end")[lp]),
        sentences=tuple(zip(seg.array("sent_start")[lo:hi].tolist(), seg.array("sent_end")[lo:hi].tolist())),
        tokens=int(seg.array("pas_tokens")[lp]),
    )


def _check_index(index: Index) -> int:
    for p in range(index.n_passages):
        passage = index.passage(p)
        assert passage == _passage_as_numpy_reads_it(index, p)
        assert all(type(x) is int for x in (passage.article, passage.paragraph, passage.start, passage.end,
                                            passage.tokens))
        assert all(type(x) is int for span in passage.sentences for x in span)
    for a in range(index.n_articles):
        article = index.article(a)
        s, local = index._article_at(a)
        seg = index.segments[s]
        pp = seg.array("art_para_ptr")
        lo, hi = int(pp[local]), int(pp[local + 1])
        assert article.paragraphs == tuple(zip(seg.array("para_start")[lo:hi].tolist(),
                                               seg.array("para_end")[lo:hi].tolist()))
    return index.n_passages


def test_passages_read_through_items_are_the_passages_numpy_reads(bbc_index):
    assert _check_index(Index.open(bbc_index)) > 10000


def _qabot(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qabot", *args], cwd=cwd, capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)}, timeout=600)


def test_passages_of_an_index_with_removed_articles_and_two_segments(bbc_dir, tmp_path):
    texts = sorted(p for p in bbc_dir.rglob("*.txt"))[:60]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, path in enumerate(texts[:40]):
        (corpus / f"{i:03d}.txt").write_bytes(path.read_bytes())
    index = tmp_path / "index"
    assert _qabot("index", str(corpus), "--index", str(index), cwd=tmp_path).returncode == 0
    for i in (3, 17, 18):
        (corpus / f"{i:03d}.txt").unlink()  # rows left in the first segment as deletions
    for i, path in enumerate(texts[40:], start=40):
        (corpus / f"{i:03d}.txt").write_bytes(path.read_bytes())
    result = _qabot("index", str(corpus), "--index", str(index), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    opened = Index.open(index)
    assert len(opened.segments) == 2 and opened._layout[3][0] is not None  # two segments, holes in the first
    assert opened.n_articles == 57
    assert _check_index(opened) > 100
