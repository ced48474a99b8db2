"""Blocks joined into one segment: the merged vocabulary, the postings placed by a counting sort, and the
BM25 weights when the segment is the whole index."""

from __future__ import annotations

import numpy as np

from ..bm25 import BM25Params, weigh
from ..store.layout import PARAGRAPH_ARRAYS, PASSAGE_ARRAYS, SENTENCE_ARRAYS
from ..store.terms import term_bytes
from ..store.writing import SegmentData
from .data import Block
from .speakers import join_speakers


def pointers(counts: np.ndarray) -> np.ndarray:
    """Offsets (length n + 1) from counts."""
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out[1:])
    return out


def _place(cursor: np.ndarray, term: np.ndarray) -> np.ndarray:
    """Where postings of ``term`` (grouped by term, in order) go in the CSC arrays; advances ``cursor``."""
    if len(term) == 0:
        return np.empty(0, np.int64)
    starts = np.flatnonzero(np.concatenate(([True], term[1:] != term[:-1])))
    counts = np.diff(np.append(starts, len(term)))
    groups = term[starts]
    dest = np.repeat(cursor[groups] - starts, counts) + np.arange(len(term))
    cursor[groups] += counts
    return dest


def assemble(blocks: list[Block], params: BM25Params, sources: list | None = None, weights: bool = True,
             speakers: int | None = None) -> SegmentData:
    """Join blocks into one segment: its term ids, CSC postings and, when ``weights``, BM25 weights.

    New blocks bring their own term counts (consumed here, to free memory as they are placed);
    blocks taken from older segments (``sources``, a merge) bring none: their postings are read from
    those segments' arrays, a few million at a time. Blocks come source segment by source segment,
    in order, then the new ones, so each term's postings are placed in passage order. Postings are
    placed by a counting sort (no sort over all postings), so the cost is linear. With ``speakers`` (a window),
    the segment stores who speaks in each passage (``building.speakers``): the blocks' own attributions, or
    worked out now for a block without them.
    """
    cat = np.concatenate
    fresh = [b for b in blocks if b.reused is None]
    by_source: dict[int, list[Block]] = {}
    for b in blocks:
        if b.reused is not None:
            by_source.setdefault(b.reused[0], []).append(b)
    old_terms = {s: sources[s].terms for s in by_source}
    keyed = {id(b.vocab): b.vocab for b in fresh}
    every = {t for v in keyed.values() for t in v}
    for terms in old_terms.values():
        every.update(terms)
    vocab = sorted(every, key=term_bytes)  # ids in byte order
    del every
    term_id = {t: i for i, t in enumerate(vocab)}
    maps: dict[int, np.ndarray] = {}

    def fresh_terms(b: Block) -> np.ndarray:
        """A new block's term ids in the merged vocabulary."""
        if id(b.vocab) not in maps:
            maps[id(b.vocab)] = np.array([term_id[t] for t in b.vocab], dtype=np.int32)
        return maps[id(b.vocab)][b.coo_term]

    df = np.zeros(len(vocab), dtype=np.int64)
    for b in fresh:
        if len(b.coo_term):
            df += np.bincount(fresh_terms(b), minlength=len(vocab))
    base_of = {}
    doc_base = 0
    for b in blocks:
        base_of[id(b)] = doc_base
        doc_base += len(b.pas_start)
    old_chunks: list[tuple] = []  # (source, t_lo, t_hi, lo, hi)
    old_maps: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for s, its in by_source.items():
        seg = sources[s]
        old_ptr = np.asarray(seg.array("post_ptr"))
        old_map = np.array([term_id[t] for t in old_terms[s]], dtype=np.int32)
        docmap = np.full(seg.n_passages, -1, dtype=np.int32)
        for b in its:
            _, p_lo, p_hi = b.reused
            docmap[p_lo:p_hi] = np.arange(base_of[id(b)], base_of[id(b)] + len(b.pas_start), dtype=np.int32)
        old_maps[s] = (old_ptr, old_map, docmap)
        t_lo = 0
        n_terms = len(old_terms[s])
        while t_lo < n_terms:  # old postings a few million at a time, whole terms
            t_hi = min(n_terms, max(t_lo + 1, int(np.searchsorted(old_ptr, old_ptr[t_lo] + (1 << 23), side="right")) - 1))
            old_chunks.append((s, t_lo, t_hi, int(old_ptr[t_lo]), int(old_ptr[t_hi])))
            t_lo = t_hi

    def old_part(s: int, t_lo: int, t_hi: int, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Postings of source ``s``'s terms ``t_lo:t_hi`` that kept their passage: (term, new passage, tf)."""
        old_ptr, old_map, docmap = old_maps[s]
        term = np.repeat(old_map[t_lo:t_hi], np.diff(old_ptr[t_lo:t_hi + 1]))
        doc = docmap[sources[s].array("post_doc")[lo:hi]]
        tf = np.asarray(sources[s].array("post_tf")[lo:hi], dtype=np.int32)
        keep = doc >= 0
        if not keep.all():
            term, doc, tf = term[keep], doc[keep], tf[keep]
        return term, doc, tf

    for s, (old_ptr, old_map, docmap) in old_maps.items():
        if (docmap >= 0).all():  # nothing of it left out: every posting stays
            df[old_map] += np.diff(old_ptr)
        else:
            for chunk in old_chunks:
                if chunk[0] == s:
                    df += np.bincount(old_part(*chunk)[0], minlength=len(vocab))
    used = df > 0
    remap = None
    if not used.all():  # terms only the left-out articles had
        remap = (np.cumsum(used) - 1).astype(np.int32)
        vocab = [t for t, u in zip(vocab, used) if u]
        df = df[used]
    ptr = pointers(df)
    post_doc = np.empty(int(ptr[-1]), dtype=np.int32)
    post_tf = np.empty(int(ptr[-1]), dtype=np.int32)
    cursor = ptr[:-1].copy()

    def place(term: np.ndarray, doc: np.ndarray, tf: np.ndarray) -> None:
        """Put postings (grouped by term, in passage order within a term) into the CSC arrays."""
        if remap is not None:
            term = remap[term]
        dest = _place(cursor, term)
        post_doc[dest] = doc
        post_tf[dest] = tf

    for chunk in sorted(old_chunks, key=lambda c: (min(base_of[id(b)] for b in by_source[c[0]]), c[1])):
        place(*old_part(*chunk))
    for b in blocks:
        if b.reused is None and len(b.coo_term):
            place(fresh_terms(b), b.coo_doc + base_of[id(b)], b.coo_tf)  # grouped by term already (see _counts)
            b.coo_term = b.coo_doc = b.coo_tf = np.empty(0, np.int32)  # placed: let them go
    texts = [t for b in blocks for t in b.texts]
    stored = join_speakers(blocks, speakers)

    def take(name: str, dtype=np.int32) -> np.ndarray:
        """One per-block array concatenated over the blocks, each block's own let go as it is."""
        out = cat([getattr(b, name) for b in blocks]).astype(dtype, copy=False)
        for b in blocks:
            setattr(b, name, None)
        return out

    arrays = {
        "art_text_off": pointers(np.array([len(t) for t in texts], dtype=np.int64)),
        "art_para_ptr": pointers(take("art_npara", np.int64)),
        "art_pas_ptr": pointers(take("art_npas", np.int64)),
        "pas_sent_ptr": pointers(take("pas_nsent", np.int64)),
        **{name: take(name) for name in (*PARAGRAPH_ARRAYS, *PASSAGE_ARRAYS, *SENTENCE_ARRAYS)},
        "post_ptr": ptr, "post_doc": post_doc, "post_tf": post_tf,
    }
    if weights:
        arrays["post_extra"], arrays["term_base"] = weigh(ptr, post_doc, post_tf, arrays["pas_len"], params)
    if stored is not None:
        arrays.update(stored[0])
    return SegmentData(arrays=arrays, vocab=vocab, articles=[m for b in blocks for m in b.meta], texts=texts,
                       speakers=stored[1] if stored is not None else None)
