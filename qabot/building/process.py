"""One file, or a batch of them, loaded, cut into passages and analysed into one ``Block``."""

from __future__ import annotations

from collections import Counter
from typing import Callable
from pathlib import Path

import numpy as np

from ..analysis import find_words
from ..loading import load_file
from ..passages import make_passages
from ..store.terms import term_bytes
from ..vocabulary import count_speakers
from .data import Block
from .speakers import add_speakers
from .words import Spellings


def process(path: Path, data: bytes, display: str, max_tokens: int, enc, spellings: Spellings,
            build_id: str = "") -> tuple[Block | None, str | None, list[str]]:
    """Load, cut and analyse one file, named ``display`` in citations, for the build ``build_id``:
    ``(block, reason skipped, warnings)``."""
    block, ((_, why, warnings),) = process_files([(str(path), data, display)], max_tokens, enc, spellings, build_id)
    return block, why, warnings


def process_files(files: list[tuple[str, bytes, str]], max_tokens: int, enc, spellings: Spellings,
                  build_id: str = "", speakers: int | None = None,
                  stopped: Callable[[], bool] | None = None) -> tuple[Block | None, list[tuple[int, str | None, list[str]]]]:
    """Load, cut and analyse files ``(path, bytes, name in citations)`` into one block, as a shard of
    their articles would be (one tally and one sort of the terms for all): the block (None when no file
    gave an article), and per file ``(articles, reason skipped, warnings)``. With ``speakers`` (a window in
    characters), who speaks in each passage is worked out too (``building.speakers``). ``stopped``, when given, is
    asked before each file and article: once it says True the work is left (the block is None)."""
    meta, texts = [], []
    para_s, para_e, npara, npas = [], [], [], []
    p_para, p_start, p_end, p_tok, p_len, p_nsent, s_start, s_end = ([] for _ in range(8))
    spellings.forget_if_full()
    ids: list[int] = []
    words: list[str] = []  # looked up some 50,000 at a time: a whole file's words at once took 40 MB
    n_words: list[int] = []
    outcomes: list[tuple[int, str | None, list[str]]] = []
    spoke: Counter[str] = Counter()
    articles = []
    for path, data, shown in files:
        if stopped is not None and stopped():
            return None, outcomes
        loaded = load_file(Path(path), data, shown)
        if loaded.skipped or not loaded.articles:
            outcomes.append((0, loaded.skipped or "no article text found", loaded.warnings))
            continue
        outcomes.append((len(loaded.articles), None, loaded.warnings))
        spoke.update(count_speakers("\n".join(a.text for a in loaded.articles)))
        articles.extend(loaded.articles)
    if not articles:
        return None, outcomes
    for article in articles:
        if stopped is not None and stopped():
            return None, outcomes
        chunked = make_passages(article, 0, enc, max_tokens)
        meta.append({"id": article.id, "title": article.title, "path": article.path, "byline": article.byline,
                     "date": article.date, "url": article.url,
                     **({"role": article.role} if article.role else {})})
        texts.append(article.text.encode("utf-8", errors="surrogatepass"))
        npara.append(len(article.paragraphs))
        for s, e in article.paragraphs:
            para_s.append(s)
            para_e.append(e)
        npas.append(len(chunked.passages))
        for number, passage in enumerate(chunked.passages):
            found = find_words(article.text, passage.start, passage.end)
            if number == 0:  # the headline is searched with the article's first passage
                found = find_words(article.title) + found
            words.extend(found)
            n_words.append(len(found))
            p_para.append(passage.paragraph)
            p_start.append(passage.start)
            p_end.append(passage.end)
            p_tok.append(passage.tokens)
            p_nsent.append(len(passage.sentences))
            for s, e in passage.sentences:
                s_start.append(s)
                s_end.append(e)
        if len(words) > 50_000:
            ids.extend(spellings.ids(words))
            words = []
    ids.extend(spellings.ids(words))
    ids = np.array(ids, np.int64)
    found, counts = _tally(ids, len(spellings.spellings))
    forms = (*spellings.news(build_id), found, counts)
    vocab, pas_len, (c_term, c_doc, c_tf) = _counts(spellings.term_ids(ids), np.array(n_words, np.int64), spellings)
    i32 = np.int32
    block = Block(
        meta=meta, texts=texts, para_start=np.array(para_s, i32), para_end=np.array(para_e, i32),
        art_npara=np.array(npara, np.int64), art_npas=np.array(npas, np.int64), pas_para=np.array(p_para, i32),
        pas_start=np.array(p_start, i32), pas_end=np.array(p_end, i32), pas_tokens=np.array(p_tok, i32),
        pas_len=pas_len, pas_nsent=np.array(p_nsent, np.int64), sent_start=np.array(s_start, i32),
        sent_end=np.array(s_end, i32), vocab=vocab, coo_term=c_term, coo_doc=c_doc, coo_tf=c_tf,
    )
    block.forms, block.spoke = [forms], spoke
    if speakers is not None:
        add_speakers(block, speakers)
    return block, outcomes


def _counts(ids: np.ndarray, n_words: np.ndarray, spellings: Spellings) -> tuple[list[str], np.ndarray, tuple]:
    """From every passage's word ids laid end to end (-1 for a stopword), and each passage's word count:
    the file's terms in byte order, each passage's term count, and ``(term, passage, tf)`` grouped by term,
    passages ascending (term ids into those terms). In byte order the file's term ids keep their order
    in the merged vocabulary, so ``assemble`` places the postings without sorting them."""
    docs = np.repeat(np.arange(len(n_words), dtype=np.int64), n_words)
    kept = ids >= 0
    docs, ids = docs[kept], ids[kept]
    pas_len = np.bincount(docs, minlength=len(n_words)).astype(np.int32)
    used, _ = _tally(ids, len(spellings.terms))
    terms = [spellings.terms[t] for t in used.tolist()]
    order = sorted(range(len(terms)), key=lambda i: term_bytes(terms[i]))
    rank = np.empty(len(terms), dtype=np.int64)  # the file's term ids (position in ``used``) -> in byte order
    rank[order] = np.arange(len(terms))
    width = max(len(n_words), 1)
    keys, tf = np.unique(rank[np.searchsorted(used, ids)] * width + docs, return_counts=True)
    term, doc = np.divmod(keys, width)
    return [terms[i] for i in order], pas_len, (term.astype(np.int32), doc.astype(np.int32), tf.astype(np.int32))


def _tally(ids: np.ndarray, table: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``ids`` (ascending) and how often each occurs; ids are below ``table``.

    A count over the whole table is cheapest for a long file, a sort of the file's own ids for a
    short one (a table of a million spellings must not be walked for a file of fifty words).
    """
    if len(ids) * 16 >= table:
        counts = np.bincount(ids, minlength=table)
        found = np.flatnonzero(counts)
        return found, counts[found]
    return np.unique(ids, return_counts=True)

