"""A segment's terms as stored: UTF-8, sorted by their bytes, one a line in ``terms.txt`` cut by
``term_off.npy``, so a term is found by binary search without building a dictionary (``Vocab``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

import numpy as np


def term_bytes(term: str) -> bytes:
    """A term as stored and compared in ``terms.txt``."""
    return term.encode("utf-8", errors="surrogatepass")


def offsets(pieces: list[bytes]) -> np.ndarray:
    """Start offsets of ``pieces`` laid end to end, plus the total length."""
    out = np.zeros(len(pieces) + 1, dtype=np.int64)
    np.cumsum([len(p) for p in pieces], out=out[1:])
    return out


class Vocab(Mapping):
    """Term to term id, looked up by binary search over the sorted ``terms.txt`` (no dict is built)."""

    def __init__(self, blob: bytes | np.ndarray, offsets: np.ndarray):
        self._blob = memoryview(blob).cast("B") if not isinstance(blob, bytes) else memoryview(blob)
        self._off = offsets.tolist() if len(offsets) < 4096 else offsets
        self._found: dict[str, int | None] = {}

    def _term(self, i: int) -> bytes:
        """The stored bytes of term ``i`` (without its newline)."""
        return bytes(self._blob[int(self._off[i]):int(self._off[i + 1]) - 1])

    def get(self, term: str, default=None):
        """The id of ``term``, or ``default`` when the index does not hold it (answers are remembered)."""
        found = self._found.get(term, self)
        if found is not self:
            return default if found is None else found
        if len(self._found) >= 1 << 16:
            self._found.clear()
        found = self._found[term] = self._search(term)
        return default if found is None else found

    def _search(self, term: str) -> int | None:
        """The id of ``term`` by binary search over the sorted terms, or None."""
        try:
            key = term_bytes(term)
        except UnicodeError:
            return None
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._term(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self) and self._term(lo) == key else None

    def __getitem__(self, term: str) -> int:
        found = self.get(term)
        if found is None:
            raise KeyError(term)
        return found

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def __len__(self) -> int:
        return len(self._off) - 1

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms())

    def terms(self) -> list[str]:
        """Every term in id order."""
        return bytes(self._blob).decode("utf-8", errors="surrogatepass").split("\n")[:len(self)]

