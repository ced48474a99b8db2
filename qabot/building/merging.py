"""The new build's segments, in order: the previous build's kept as they are or merged (``segments.plan``),
and one for the files read now, with each one's deleted articles; and where each file's articles are in them."""

from __future__ import annotations

import numpy as np

from ..corpus import FileTable, Status
from ..errors import IndexDamaged
from ..segments import plan
from ..store.writing import BuildData
from .assemble import assemble, pointers
from .data import Block, Settings, SpeakerStore
from .previous import Previous
from .speakers import default_window


FRESH = -2
"""The segment number of the files read in this build, until their segment is placed."""


def new_segments(previous: Previous | None, fresh: list[Block], gone: list[int], rows: "Rows", settings: Settings,
                 merge: bool) -> tuple[list[dict], BuildData]:
    """The segments of the new build, in order (the previous build's kept as they are or merged, and one for
    the files read now), with each one's deleted articles; the files' places are made final in ``rows``."""
    params = settings.bm25
    old = previous.index.segments if previous is not None else []
    deleted = [set(previous.index.deleted(s).tolist()) for s in range(len(old))] if old else []
    newly: list[list[int]] = [[] for _ in old]
    for row in gone:
        s, a, n = previous.articles(row)
        if s >= 0:
            deleted[s].update(range(a, a + n))
            newly[s].extend(range(a, a + n))
    entries = []
    for s, seg in enumerate(old):
        entry = {k: v for k, v in seg.entry.items()}
        if newly[s]:
            entry["deleted"] = _add_deleted(entry.get("deleted", {}), seg, np.array(sorted(newly[s]), np.int64))
        entries.append(entry)
    live = [e["passages"] - e.get("deleted", {}).get("passages", 0) for e in entries]
    fresh_passages = sum(len(b.pas_start) for b in fresh)
    sizes = [(p, e.get("deleted", {}).get("passages", 0)) for p, e in zip(live, entries)]
    if fresh:
        sizes.append((fresh_passages, 0))
    empty = {s for s, e in enumerate(entries) if e["articles"] == len(deleted[s])}
    if merge:
        picked = set(range(len(sizes)))
    else:
        picked = set(plan([size for s, size in enumerate(sizes) if s not in empty and s < len(entries)]
                          + ([sizes[-1]] if fresh else [])))
        # ``plan`` saw the non-empty segments only: map its numbers back
        order = [s for s in range(len(entries)) if s not in empty] + ([len(entries)] if fresh else [])
        picked = {order[i] for i in picked}
    picked -= empty
    groups: list[list[int]] = []  # each becomes one new segment; len(entries) stands for the fresh blocks
    group = sorted(s for s in picked if s < len(entries)) + ([len(entries)] if fresh and len(entries) in picked else [])
    if len(group) == 1 and group[0] < len(entries) and not deleted[group[0]] and entries[group[0]].get("weights"):
        group = []  # one segment, whole and weighed already: nothing to merge
    try:
        for s in group:
            if s < len(entries):
                old[s].verify()  # its bytes are copied into the new segment: they must be intact
    except IndexDamaged:
        group = []  # left as it is: --verify names the damage, --merge mends it
    picked = set(group)
    if group:
        groups.append(group)
    if fresh and len(entries) not in picked:
        groups.append([len(entries)])
    keep = [s for s in range(len(entries)) if s not in picked and s not in empty]
    whole = not keep and len(groups) == 1
    out: list[dict] = [entries[s] for s in keep]
    final_deleted = [np.array(sorted(deleted[s]), np.int64) for s in keep]
    number = {s: i for i, s in enumerate(keep)}  # old segment -> new segment number (kept ones)
    moved: dict[int, tuple[int, np.ndarray]] = {}  # old segment -> (new number, old article -> new article)
    fresh_at = (-1, 0)
    for group in groups:
        blocks: list[Block] = []
        first = 0
        for s in group:
            if s == len(entries):
                fresh_at = (len(out), first)
                blocks.extend(fresh)
                first += sum(len(b.meta) for b in fresh)
                continue
            gone_s = np.array(sorted(deleted[s]), np.int64)
            remap = np.full(old[s].n_articles, -1, np.int64)
            kept_s = np.setdiff1d(np.arange(old[s].n_articles), gone_s)
            remap[kept_s] = np.arange(first, first + len(kept_s))
            moved[s] = (len(out), remap)
            blocks.extend(previous.live_blocks(s, gone_s))
            first += len(kept_s)
        # stored by the build, or joined when every block has them already (a merge of segments the pass did); the
        # window (which imports the answering's params) is asked for only then
        joined = settings.speakers is SpeakerStore.BUILD or settings.speakers is SpeakerStore.AFTER and all(
            b.spk_table is not None for b in blocks) and all(b.spk_window == default_window() for b in blocks)
        segment = assemble(blocks, params, old, weights=whole, speakers=default_window() if joined else None)
        out.append({"new": segment, **segment.entry()})
        final_deleted.append(np.zeros(0, np.int64))
    seg_of, art_of = rows.seg, rows.art
    new_seg = np.full(len(seg_of), -1, np.int64)
    new_art = np.zeros(len(seg_of), np.int64)
    for s, n in number.items():
        at = seg_of == s
        new_seg[at], new_art[at] = n, art_of[at]
    for s, (n, remap) in moved.items():
        at = seg_of == s
        new_seg[at], new_art[at] = n, remap[art_of[at]]
    at = seg_of == FRESH
    new_seg[at], new_art[at] = fresh_at[0], art_of[at] + fresh_at[1]
    return out, BuildData(file_seg=new_seg, file_art=new_art, deleted=final_deleted)


def _add_deleted(counts: dict, seg, articles: np.ndarray) -> dict:
    """A segment's deleted counts with ``articles`` (newly deleted, sorted) added."""
    app = seg.array("art_pas_ptr")
    lo, hi = np.asarray(app[articles]), np.asarray(app[articles + 1])
    tokens, length = seg.array("pas_tokens"), seg.array("pas_len")
    t = sum(int(tokens[a:b].sum(dtype=np.int64)) for a, b in zip(lo.tolist(), hi.tolist()))
    n = sum(int(length[a:b].sum(dtype=np.int64)) for a, b in zip(lo.tolist(), hi.tolist()))
    return {"articles": counts.get("articles", 0) + len(articles), "passages": counts.get("passages", 0) + int((hi - lo).sum()),
            "tokens": counts.get("tokens", 0) + t, "length": counts.get("length", 0) + n}



class Rows:
    """The file table of the build being made: one row per file of the listing, in its order."""

    def __init__(self, listing) -> None:
        n = len(listing.paths)
        self.paths: list[str] = listing.paths
        self.sizes = np.fromiter(listing.sizes, np.int64, n)
        self.mtimes = np.fromiter(listing.mtimes, np.int64, n)
        self.digest = np.zeros((n, 32), np.uint8)
        self.status = np.zeros(n, np.uint8)
        self.seg = np.full(n, -1, np.int64)
        """Per file the segment of its articles: an old segment's number, ``FRESH``, or -1 for none."""
        self.art = np.zeros(n, np.int64)
        """Its first article there."""
        self.count = np.zeros(n, np.int64)
        """How many articles it has."""

    def set(self, i: int, digest: np.ndarray, status: Status, place: tuple[int, int, int]) -> None:
        """File ``i``, read now."""
        self.digest[i] = digest
        self.status[i] = int(status)
        self.seg[i], self.art[i], self.count[i] = place

    def keep(self, at: np.ndarray, previous: "Previous") -> None:
        """Files ``at`` as the previous build has them (their size and mtime as listed now)."""
        rows = previous.rows_of_listing[at]
        self.digest[at] = previous.table.digest[rows]
        self.status[at] = previous.table.status[rows]
        count = previous.table.art_ptr[rows + 1] - previous.table.art_ptr[rows]
        self.seg[at] = np.where(count > 0, previous.seg[rows], -1)
        self.art[at] = np.where(count > 0, previous.art[rows], 0)
        self.count[at] = count

    def table(self) -> FileTable:
        """The rows as a ``FileTable``."""
        return FileTable(self.paths, self.sizes, self.mtimes, self.digest, pointers(self.count), self.status)

