"""Sentences and token-budgeted passages, with the real cl100k_base encoding."""

from __future__ import annotations

from conftest import SEED, WANG_1, WANG_2

from qabot.loading import load_file
from qabot.model import Article
from qabot.passages import encoding, make_passages, paragraph_sentences, split_sentences


def _article(text: str) -> Article:
    spans, pos = [], 0
    for block in text.split("\n\n"):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return Article(id="t", title="t", path="t", text=text, paragraphs=tuple(spans))


def test_sentences_keep_abbreviations_and_quotations_whole():
    text = 'Mr. Smith flew to the U.S. on Monday. "Hi there. Bye," he said. Then he left.'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Smith flew to the U.S. on Monday.", '"Hi there. Bye," he said.', "Then he left."]


def test_seed_sentences_include_wangs_quotes_whole():
    article = load_file(SEED, SEED.read_bytes()).articles[0]
    sentences = [article.text[s:e] for p in article.paragraphs for s, e in split_sentences(article.text, *p)]
    assert WANG_1 in sentences and WANG_2 in sentences
    assert "U.S. officials have warned that China could seek to support Russia with weapons." in sentences


def test_passages_respect_budget_and_cover_every_sentence():
    enc = encoding()
    article = load_file(SEED, SEED.read_bytes()).articles[0]
    for budget in (8, 20, 64, 128, 512):
        chunked = make_passages(article, 0, enc, budget)
        covered = [span for p in chunked.passages for span in p.sentences]
        expected = [span for para in article.paragraphs for span in split_sentences(article.text, *para)]
        if budget >= 128:
            assert covered == expected
        for p in chunked.passages:
            assert len(enc.encode_ordinary(article.text[p.start:p.end])) <= budget
            assert p.tokens <= budget
            ps, pe = article.paragraphs[p.paragraph - 1]
            assert ps <= p.start < p.end <= pe


def test_endoftext_in_an_article_is_ordinary_text():
    article = _article("The model emitted <|endoftext|> and stopped. Nobody minded.")
    chunked = make_passages(article, 0, encoding(), 128)
    assert [article.text[p.start:p.end] for p in chunked.passages] == [article.text]


def test_overlong_sentence_is_cut_at_token_boundaries():
    text = ("ünïcödé " * 400).strip()
    enc = encoding()
    chunked = make_passages(_article(text), 0, enc, 50)
    assert len(chunked.passages) > 5
    assert all(len(enc.encode_ordinary(text[p.start:p.end])) <= 50 for p in chunked.passages)
    assert " ".join(text[p.start:p.end] for p in chunked.passages).split() == text.split()


def test_one_call_per_article_gives_each_paragraphs_sentences():
    # blingfire runs over the whole article; its sentences are cut at paragraph edges, and a title
    # that opens a paragraph stays with its name (blingfire alone cuts after "St." there)
    text = ("The church was built in 1850. It burned twice\n\n"
            "St. George's United Methodist Church, at the corner of 4th and New Streets, is older. Few know it.\n\n"
            "Mr. Smith said so.")
    chunked = make_passages(_article(text), 0, encoding(), 384)
    assert [text[s:e] for p in chunked.passages for s, e in p.sentences] == [
        "The church was built in 1850.", "It burned twice",
        "St. George's United Methodist Church, at the corner of 4th and New Streets, is older.", "Few know it.",
        "Mr. Smith said so."]
    article = load_file(SEED, SEED.read_bytes()).articles[0]
    assert paragraph_sentences(article.text, article.paragraphs) == [
        split_sentences(article.text, *p) for p in article.paragraphs]
