"""Speaker attribution stored at build time (``qabot index --speakers``): who speaks in every sentence of each
passage's window, worked out by ``speakers.windows`` as the answer would work it out, kept in a block as compact
arrays (per passage the count of its window's sentences, their starts and a code into a table of the distinct
attributions), joined when blocks become a segment, and written beside the segment's other arrays with the rules
version and the window they were made with.
"""

from __future__ import annotations

import json

import numpy as np

from .data import Block


def _pointers(counts: np.ndarray) -> np.ndarray:
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out[1:])
    return out


def default_window() -> int:
    """The window the answer attributes with by default (``SpeechParams.speaker_window``), stored attributions'."""
    from ..answering.params import SpeechParams

    return SpeechParams().speaker_window


def add_speakers(block: Block, window: int) -> None:
    """Attribute every passage's window of ``block``'s articles (as ``Speech.speakers`` would, with a window of
    ``window`` characters) and keep the results in the block."""
    from ..speakers.windows import attribute_article  # only a build with --speakers needs the rules

    pas_ptr = _pointers(np.asarray(block.art_npas, np.int64))
    sent_ptr = _pointers(np.asarray(block.pas_nsent, np.int64)).tolist()
    paras, starts = block.pas_para.tolist(), block.pas_start.tolist()
    s_start, s_end = block.sent_start.tolist(), block.sent_end.tolist()
    codes: dict = {}
    table: list = []
    counts: list[int] = []
    at: list[int] = []
    code: list[int] = []
    for a, raw in enumerate(block.texts):
        text = raw.decode("utf-8", errors="replace")  # as the index gives it back (``Segment.text``)
        lo, hi = int(pas_ptr[a]), int(pas_ptr[a + 1])
        sentences = [list(zip(s_start[sent_ptr[p]:sent_ptr[p + 1]], s_end[sent_ptr[p]:sent_ptr[p + 1]]))
                     for p in range(lo, hi)]
        meta = block.meta[a] if a < len(block.meta) else {}
        meta = json.loads(meta) if isinstance(meta, (bytes, str)) else meta  # (as a segment stores it: a JSON line)
        for found in attribute_article(text, paras[lo:hi], starts[lo:hi], sentences, window, meta.get("title")):
            counts.append(len(found))
            for start, attribution in found.items():
                c = codes.get(attribution)
                if c is None:
                    c = codes[attribution] = len(table)
                    table.append(attribution)
                at.append(start)
                code.append(c)
    block.spk_n = np.array(counts, np.int64)
    block.spk_start = np.array(at, np.int32)
    block.spk_code = np.array(code, np.int32)
    block.spk_table = table
    block.spk_window = window


def join_speakers(blocks: list[Block], window: int | None) -> tuple[dict[str, np.ndarray], dict] | None:
    """The stored attributions of blocks about to become one segment: its arrays (``spk_ptr``, ``spk_start``,
    ``spk_code``) and the content of its ``store.layout.SPEAKERS_FILE``. Blocks without them (or made with another window) are
    attributed now when ``window`` (the build stores them); else None when any block lacks them."""
    for b in blocks:
        if b.spk_table is None or b.spk_window != window:
            if window is None:
                return None
            add_speakers(b, window)
    if not blocks or window is None:
        return None
    index: dict = {}
    table: list = []
    remaps: dict[int, np.ndarray] = {}
    for b in blocks:
        remap = remaps.get(id(b.spk_table))
        if remap is None:
            ids = []
            for a in b.spk_table:
                c = index.get(a)
                if c is None:
                    c = index[a] = len(table)
                    table.append(a)
                ids.append(c)
            remap = remaps[id(b.spk_table)] = np.array(ids, np.int32)
        b.spk_code = remap[b.spk_code] if len(b.spk_code) else b.spk_code
    arrays = {"spk_ptr": _pointers(np.concatenate([b.spk_n for b in blocks]).astype(np.int64)),
              "spk_start": np.concatenate([b.spk_start for b in blocks]).astype(np.int32),
              "spk_code": np.concatenate([b.spk_code for b in blocks]).astype(np.int32)}
    for b in blocks:
        b.spk_n = b.spk_start = b.spk_code = b.spk_table = None
    rows = [[a.speaker, a.quote, a.continued, a.head, a.phrase, list(a.roles)] for a in table]
    from ..speakers.windows import rules_version  # here: a build that stores none never imports the rules

    return arrays, {"rules": rules_version(), "window": window, "table": rows}
