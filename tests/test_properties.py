"""Property-based tests (hypothesis): passages, the analyzer, and BM25 parity with rank-bm25.

Kept fast for the suite; ``QABOT_PROPERTY_EXAMPLES=2000 python -m pytest tests/test_properties.py`` searches harder.
"""

from __future__ import annotations

import os
import re
from collections import Counter

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from qabot.analysis import STOPWORDS, TOKEN, Analyzer, find_words, fold
from qabot.bm25 import BM25, BM25Params, weigh
from qabot.model import Article
from qabot.passages import encoding, make_passages

ENC = encoding()
ANALYZER = Analyzer()
EXAMPLES = int(os.environ.get("QABOT_PROPERTY_EXAMPLES", "60"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORD = st.one_of(
    st.sampled_from(["Wang", "said", "the", "U.S.", "Mr.", "Ukraine", "peace", "it’s", "don't", "Zürich", "naïve",
                     "3.5", "1,000", "e.g.", "«quoted»", "“Hi", "there.”", "(aside)", "—", "-", "🙂", "中国",
                     "Україна", "السلام", "İstanbul", "ß", "ﬁle", "x" * 60, "<|endoftext|>"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12),
)
SENTENCE = st.builds(lambda words, end: " ".join(words) + end, st.lists(WORD, min_size=1, max_size=30),
                     st.sampled_from([".", "?", "!", "", ".”", "…"]))
PARAGRAPH = st.builds(" ".join, st.lists(SENTENCE, min_size=1, max_size=12)).map(lambda p: re.sub(r"\s+", " ", p).strip()).filter(bool)


def _article(paragraphs: list[str]) -> Article:
    spans, pos = [], 0
    for block in paragraphs:
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return Article(id="t", title="t", path="t", text="\n\n".join(paragraphs), paragraphs=tuple(spans))


@FAST
@given(st.lists(PARAGRAPH, min_size=1, max_size=4), st.sampled_from([4, 16, 48, 128]))
def test_passages_cover_the_text_within_the_budget(paragraphs, max_tokens):
    article = _article(paragraphs)
    text = article.text
    chunked = make_passages(article, 0, ENC, max_tokens)
    previous_end = 0
    for number, (p_start, p_end) in enumerate(article.paragraphs, start=1):
        mine = [p for p in chunked.passages if p.paragraph == number]
        covered = []
        for passage in mine:
            assert p_start <= passage.start < passage.end <= p_end  # never crosses a paragraph
            assert passage.start >= previous_end  # in order, no overlap: nothing duplicated
            previous_end = passage.end
            assert (passage.sentences[0][0], passage.sentences[-1][1]) == (passage.start, passage.end)
            assert passage.tokens <= max_tokens
            assert len(ENC.encode_ordinary(text[passage.start:passage.end])) <= max_tokens
            last = passage.start
            for s, e in passage.sentences:
                assert last <= s < e  # sentences in order, none twice
                piece = text[s:e]
                assert piece == piece.strip() != ""  # spans map back to exact, trimmed text
                covered.append(piece)
                last = e
        # every character but whitespace is in exactly one sentence: no sentence lost
        assert "".join(covered).replace(" ", "") == text[p_start:p_end].replace(" ", "")
    assert sum(p.tokens for p in chunked.passages) == chunked.tokens


TEXT = st.one_of(PARAGRAPH, st.text(max_size=200))


@FAST
@given(TEXT)
def test_analyzer_terms_and_spans_agree(text):
    terms = ANALYZER.terms(text)
    spans = ANALYZER.spans(text)
    assert terms == [t for t, _, _ in spans]  # what is indexed is what is highlighted
    for term, s, e in spans:
        # the word is no stopword (its stem may be one: "AED" stems to "a", and is still indexed)
        assert term and fold(text[s:e].lower()) not in STOPWORDS
        assert ANALYZER.terms(text[s:e]) == [term]  # each span maps back to its own term


@FAST
@given(TEXT, TEXT)
def test_analyzer_is_compositional(a, b):
    assert ANALYZER.terms(a + " " + b) == ANALYZER.terms(a) + ANALYZER.terms(b)
    assert ANALYZER.terms(a) == ANALYZER.terms(a)


TOKENS = st.sampled_from([f"w{i}" for i in range(12)])
CORPUS = st.lists(st.lists(TOKENS, min_size=1, max_size=15), min_size=1, max_size=25)
REFERENCE = {"okapi": BM25Okapi, "bm25l": BM25L, "bm25plus": BM25Plus}


@settings(max_examples=EXAMPLES, deadline=None)
@given(CORPUS, st.lists(st.lists(TOKENS, min_size=1, max_size=4), min_size=1, max_size=5),
       st.sampled_from(sorted(REFERENCE)))
def test_bm25_equals_rank_bm25(corpus, queries, scoring):
    vocab = sorted({t for doc in corpus for t in doc})
    tid = {t: i for i, t in enumerate(vocab)}
    triples = sorted((tid[t], d, c) for d, doc in enumerate(corpus) for t, c in Counter(doc).items())
    ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(np.bincount([t for t, _, _ in triples], minlength=len(vocab)), out=ptr[1:])
    docs = np.array([d for _, d, _ in triples], dtype=np.int32)
    tf = np.array([c for _, _, c in triples], dtype=np.int32)
    doclen = np.array([len(doc) for doc in corpus], dtype=np.int32)
    ours = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, BM25Params(scoring=scoring)), len(corpus))
    reference = REFERENCE[scoring](corpus)
    for query in queries:
        expected = reference.get_scores(query)
        ids = [tid[t] for t in query if t in tid]
        np.testing.assert_allclose(ours.scores(ids), expected, rtol=1e-9, atol=1e-12)
        top = ours.top(ids, 3)
        matching = [d for d in range(len(corpus)) if set(query) & set(corpus[d])]
        want = sorted(matching, key=lambda d: (-expected[d], d))[:3]
        # the same passages, best first; scores equal within float noise (Okapi's IDF can average to
        # zero, leaving only rounding) may come in either order
        assert len(top) == len(want)
        np.testing.assert_allclose([sc for _, sc in top], [expected[d] for d in want], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose([sc for _, sc in top], [expected[d] for d, _ in top], rtol=1e-9, atol=1e-12)
        assert len({d for d, _ in top}) == len(top) and {d for d, _ in top} <= set(matching)


@FAST
@given(TEXT)
def test_find_words_equals_the_token_pattern(text):
    assert find_words(text) == TOKEN.findall(text)
    assert find_words(text, 3, len(text) - 2) == TOKEN.findall(text, 3, len(text) - 2)
    assert find_words(text.replace("_", " ")) == TOKEN.findall(text.replace("_", " "))
