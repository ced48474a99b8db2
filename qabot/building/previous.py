"""The previous build: its file table, where each file's articles are, and its segments, which an update
keeps as they are (marking replaced and removed articles deleted) or merges."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import numpy as np

from ..corpus import Status, join_paths
from ..errors import IndexDamaged
from ..index import Index
from ..segments import Holes
from ..store.layout import FORMAT_VERSION, PARAGRAPH_ARRAYS, PASSAGE_ARRAYS, SENTENCE_ARRAYS
from ..store.manifest import read_manifest
from .data import Block, Settings


class Previous:
    """The previous build: its file table, where each file's articles are, and its segments, which an
    update keeps as they are (marking replaced and removed articles deleted) or merges.

    A block taken from a segment carries no postings: ``assemble`` takes them from the segment's arrays
    in one vectorised pass, so merging costs no tokenizing and no per-posting Python work.
    """

    def __init__(self, index: Index, reusable: bool):
        self.index = index
        self.reusable = reusable
        """Whether its per-file results can be reused (same tokenizing settings, nothing damaged)."""
        self.table = index.file_table()
        self.seg, self.art = index.file_places()
        if len(self.seg) != len(self.table.paths):
            raise index.damaged("the file table does not match the segments")
        self.problems = index.problems()
        self.rows_of_listing = np.zeros(0, np.int64)

    @cached_property
    def by_key(self) -> dict[str, int]:
        """Each file's row."""
        return {p: i for i, p in enumerate(self.table.paths)}

    def rows_of(self, paths: list[str]) -> np.ndarray:
        """The previous build's row of each of ``paths`` (-1 for a new one); kept for ``Rows.keep``."""
        if join_paths(paths) == join_paths(self.table.paths):
            rows = np.arange(len(paths), dtype=np.int64)
        else:
            get = self.by_key.get
            rows = np.fromiter((get(p, -1) for p in paths), np.int64, len(paths))
        self.rows_of_listing = rows
        return rows

    def listing_of(self, rows: np.ndarray) -> np.ndarray:
        """Per previous row, its place in the listing ``rows`` came from (-1: not listed)."""
        where = np.full(len(self.table.paths), -1, np.int64)
        found = rows >= 0
        where[rows[found]] = np.flatnonzero(found)
        return where

    def digest(self, row: int | None) -> str | None:
        """The previous build's content hash of file ``row`` when its results can be reused."""
        if not self.reusable or row is None or self.table.status[row] != Status.INDEXED:
            return None
        return bytes(self.table.digest[row]).hex()

    def articles(self, row: int) -> tuple[int, int, int]:
        """``(segment, first article, articles)`` of file ``row`` (segment -1 when it has none)."""
        n = int(self.table.art_ptr[row + 1] - self.table.art_ptr[row])
        return (int(self.seg[row]), int(self.art[row]), n) if n else (-1, 0, 0)

    def block(self, s: int, lo: int, hi: int) -> Block:
        """Articles ``lo:hi`` of segment ``s``, as one block."""
        return segment_block(self.index.segments[s], s, lo, hi)

    def live_blocks(self, s: int, gone: np.ndarray) -> list[Block]:
        """Segment ``s``'s articles but those in ``gone`` (sorted), as blocks of consecutive articles."""
        n = self.index.segments[s].n_articles
        holes = Holes.of_ids(gone)
        starts = [0, *holes.ends.tolist()]
        ends = [*holes.starts.tolist(), n]
        return [self.block(s, lo, hi) for lo, hi in zip(starts, ends) if hi > lo]


def segment_block(seg, s: int, lo: int, hi: int) -> Block:
    """Articles ``lo:hi`` of segment ``seg`` (number ``s`` in its index), as one block, with the speakers it stores."""
    pas_ptr, para_ptr, sent_ptr = seg.array("art_pas_ptr"), seg.array("art_para_ptr"), seg.array("pas_sent_ptr")
    p_lo, p_hi = int(pas_ptr[lo]), int(pas_ptr[hi])
    q_lo, q_hi = int(para_ptr[lo]), int(para_ptr[hi])
    s_lo, s_hi = int(sent_ptr[p_lo]), int(sent_ptr[p_hi])
    off = seg.array("art_text_off")
    t_lo = int(off[lo])
    whole = seg.read("text.bin", t_lo, int(off[hi]))
    none = np.empty(0, np.int32)
    stored = seg.speaker_table()
    if stored is not None:
        k_ptr = seg.array("spk_ptr")
        k_lo, k_hi = int(k_ptr[p_lo]), int(k_ptr[p_hi])
        spk = {"spk_n": np.diff(k_ptr[p_lo:p_hi + 1]), "spk_start": np.array(seg.array("spk_start")[k_lo:k_hi]),
               "spk_code": np.array(seg.array("spk_code")[k_lo:k_hi]), "spk_window": stored[0], "spk_table": stored[1]}
    else:
        spk = {}
    return Block(
        meta=seg.meta_lines(lo, hi),
        texts=[whole[int(off[i]) - t_lo:int(off[i + 1]) - t_lo] for i in range(lo, hi)],
        **{name: np.array(seg.array(name)[q_lo:q_hi]) for name in PARAGRAPH_ARRAYS},
        art_npara=np.diff(para_ptr[lo:hi + 1]), art_npas=np.diff(pas_ptr[lo:hi + 1]),
        **{name: np.array(seg.array(name)[p_lo:p_hi]) for name in PASSAGE_ARRAYS},
        pas_nsent=np.diff(sent_ptr[p_lo:p_hi + 1]),
        **{name: np.array(seg.array(name)[s_lo:s_hi]) for name in SENTENCE_ARRAYS},
        vocab=[], coo_term=none, coo_doc=none, coo_tf=none, reused=(s, p_lo, p_hi), **spk,
    )


def open_previous(index_dir: Path, settings: Settings, merge: bool = False) -> tuple[dict | None, Previous | None]:
    """The previous manifest and the previous build (its results reusable when the settings match and
    its data folder, which the next build carries on from, is intact to the byte; with ``merge``, every
    segment too: a damaged one is then rebuilt from its files)."""
    try:
        manifest = read_manifest(index_dir)
    except IndexDamaged:
        return None, None
    if manifest is None or manifest.get("version") != FORMAT_VERSION:
        return manifest, None
    stored = manifest.get("settings", {})
    same = {k: stored.get(k) for k in settings.tokenizing()} == settings.tokenizing()
    try:
        index = Index.open(index_dir)
        if same:
            (index if merge else index.state).verify()  # damage must not be carried on (segments are checked when merged)
        return manifest, Previous(index, same)
    except (IndexDamaged, KeyError, ValueError, OSError):
        return manifest, None

