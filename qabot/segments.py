"""Segments, as Lucene keeps them: deleted ranges inside a segment, and when segments merge.

An update writes its new and changed files as a new segment and marks the articles they replace, and
those of removed files, deleted in the older segments (the index's data folder holds each segment's
deleted articles). Readers number the live articles and passages of all segments one after the other,
so a deleted article leaves no hole in the ids the answering code sees.
"""

from __future__ import annotations

import math

import numpy as np

SEGMENTS_PER_TIER = 8
"""A tier holding this many segments is merged into one (Lucene's ``segmentsPerTier`` is 10)."""
TIER_FLOOR = 2_000
"""Segments below this many live passages all count as the lowest tier (Lucene's ``floorSegmentMB``)."""
TIER_RATIO = 8
"""Each tier is this many times the size of the one below."""
RECLAIM = 0.5
"""A segment with more than this share of its passages deleted is rewritten without them."""


class Holes:
    """The deleted stretches ``[start, end)`` of a segment's ids (articles or passages), sorted and apart,
    and the conversions between a local id and its rank among the live ones."""

    def __init__(self, starts: np.ndarray, ends: np.ndarray):
        self.starts = np.asarray(starts, dtype=np.int64)
        self.ends = np.asarray(ends, dtype=np.int64)
        self.cum = np.zeros(len(self.starts) + 1, dtype=np.int64)
        np.cumsum(self.ends - self.starts, out=self.cum[1:])
        self.live_starts = self.starts - self.cum[:-1]
        """Where each stretch falls among the live ids (the live id that follows it)."""

    @classmethod
    def of_ids(cls, ids: np.ndarray) -> "Holes":
        """The stretches of sorted, distinct ``ids``."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids):
            return cls(ids, ids)
        cut = np.flatnonzero(np.diff(ids) != 1) + 1
        return cls(ids[np.r_[0, cut]], ids[np.r_[cut - 1, len(ids) - 1]] + 1)

    @classmethod
    def of_ranges(cls, starts: np.ndarray, ends: np.ndarray) -> "Holes":
        """The stretches of sorted, disjoint ranges, the adjacent ones joined."""
        starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        keep = ends > starts
        starts, ends = starts[keep], ends[keep]
        if len(starts) > 1:
            new = np.r_[True, starts[1:] != ends[:-1]]
            starts, ends = starts[new], ends[np.r_[np.flatnonzero(new)[1:] - 1, len(ends) - 1]]
        return cls(starts, ends)

    @property
    def count(self) -> int:
        """How many ids are deleted."""
        return int(self.cum[-1])

    def live(self, ids: np.ndarray) -> np.ndarray:
        """Which of ``ids`` are not deleted."""
        if not len(self.starts):
            return np.ones(len(ids), dtype=bool)
        i = np.searchsorted(self.ends, ids, side="right")
        return (i >= len(self.starts)) | (ids < self.starts[np.minimum(i, len(self.starts) - 1)])

    def live_rank(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(live, rank)`` of ``ids`` in one search: which are not deleted, and the live rank of those."""
        i = np.searchsorted(self.ends, ids, side="right")
        if not len(self.starts):
            return np.ones(len(ids), dtype=bool), np.asarray(ids, dtype=np.int64)
        live = (i >= len(self.starts)) | (ids < self.starts[np.minimum(i, len(self.starts) - 1)])
        return live, np.asarray(ids, dtype=np.int64) - self.cum[i]

    def rank(self, ids: np.ndarray) -> np.ndarray:
        """The live rank of live ``ids`` (their id less the deleted ids before them)."""
        return np.asarray(ids, dtype=np.int64) - self.cum[np.searchsorted(self.ends, ids, side="right")]

    def local(self, rank: int) -> int:
        """The id of the live id ranked ``rank``."""
        return int(rank + self.cum[int(np.searchsorted(self.live_starts, rank, side="right"))])

    def kept(self, n: int) -> np.ndarray:
        """The live ids below ``n``, ascending."""
        mask = np.ones(n, dtype=bool)
        for s, e in zip(self.starts.tolist(), self.ends.tolist()):
            mask[s:e] = False
        return np.flatnonzero(mask)


def tier(passages: int) -> int:
    """The tier of a segment of ``passages`` live passages."""
    return 0 if passages < TIER_FLOOR else 1 + int(math.log(passages / TIER_FLOOR, TIER_RATIO))


def plan(sizes: list[tuple[int, int]]) -> list[int]:
    """Which segments to merge, given each one's ``(live passages, deleted passages)``: the lowest tier
    holding ``SEGMENTS_PER_TIER`` segments, merged into one (it moves up a tier; a cascade, if any, is
    left to the next build), and any segment more than ``RECLAIM`` deleted. An empty list: no merge."""
    picked = {i for i, (live, gone) in enumerate(sizes) if gone and gone > RECLAIM * (live + gone)}
    tiers: dict[int, list[int]] = {}
    for i, (live, _) in enumerate(sizes):
        tiers.setdefault(tier(live), []).append(i)
    for level in sorted(tiers):
        if len(tiers[level]) >= SEGMENTS_PER_TIER:
            picked.update(tiers[level])
            break
    if len(picked) == 1 and not sizes[next(iter(picked))][1]:
        return []
    return sorted(picked)
