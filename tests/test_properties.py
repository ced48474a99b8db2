"""Property-based tests (hypothesis): passages, the analyzer, BM25 parity with rank-bm25, and the default
``lucene`` scoring against its formula written out.

Kept fast for the suite; ``QABOT_PROPERTY_EXAMPLES=2000 python -m pytest tests/test_properties.py`` searches harder.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from test_bm25 import _csc

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
    _, tid, ptr, docs, tf, doclen = _csc(corpus)
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


def _lucene_by_hand(corpus: list[list[str]], query: list[str], k1: float, b: float) -> list[float]:
    """BM25 as Lucene defines it (non-negative IDF), times Okapi's constant ``k1 + 1``, written out term by
    term with nothing from qabot: each query word counts once per time it is asked, unknown words score 0."""
    n = len(corpus)
    avgdl = sum(len(doc) for doc in corpus) / n
    out = []
    for doc in corpus:
        counts = Counter(doc)
        score = 0.0
        for word in query:
            tf = counts[word]
            if tf == 0:
                continue
            df = sum(1 for other in corpus if word in other)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / avgdl))
        out.append(score)
    return out


@settings(max_examples=EXAMPLES, deadline=None)
@given(CORPUS, st.lists(st.lists(st.one_of(TOKENS, st.just("unknown")), min_size=1, max_size=4), min_size=1, max_size=5),
       st.sampled_from([(1.5, 0.75), (1.2, 0.75), (0.9, 0.4), (2.0, 1.0), (1.5, 0.0)]))
def test_lucene_equals_its_formula_written_out(corpus, queries, k1_b):
    k1, b = k1_b
    _, tid, ptr, docs, tf, doclen = _csc(corpus)
    params = BM25Params(scoring="lucene", k1=k1, b=b)
    assert BM25Params().scoring == "lucene"  # the default scoring is the one checked here
    ours = BM25(ptr, docs, *weigh(ptr, docs, tf, doclen, params), len(corpus))
    for query in queries:
        expected = _lucene_by_hand(corpus, query, k1, b)
        ids = [tid[t] for t in query if t in tid]
        np.testing.assert_allclose(ours.scores(ids), expected, rtol=1e-9, atol=1e-12)
        assert all(score >= 0 for score in expected)  # Lucene's IDF never goes negative
        top = ours.top(ids, 3)
        matching = [d for d in range(len(corpus)) if set(query) & set(corpus[d])]
        want = sorted(matching, key=lambda d: (-expected[d], d))[:3]
        assert len(top) == len(want)
        np.testing.assert_allclose([sc for _, sc in top], [expected[d] for d in want], rtol=1e-9, atol=1e-12)
        assert {d for d, _ in top} <= set(matching)


@FAST
@given(TEXT)
def test_find_words_equals_the_token_pattern(text):
    assert find_words(text) == TOKEN.findall(text)
    assert find_words(text, 3, len(text) - 2) == TOKEN.findall(text, 3, len(text) - 2)
    assert find_words(text.replace("_", " ")) == TOKEN.findall(text.replace("_", " "))
    plain = text.encode("ascii", "ignore").decode()  # the pattern for text all in ASCII
    assert find_words(plain) == TOKEN.findall(plain)
    assert find_words(plain, 2, len(plain) - 1) == TOKEN.findall(plain, 2, len(plain) - 1)
