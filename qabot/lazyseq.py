"""A sequence whose items are each made when first read, and kept: for tables read a few rows at a time (a stored
table of attributions, a passage's sentence shapes), where making every row up front costs more than the reading."""

from __future__ import annotations

from collections.abc import Callable, Sequence


class MadeWhenRead(Sequence):
    """``n`` items, item ``i`` being ``make(i)``, made when first read and kept (an item made None is made again)."""

    __slots__ = ("_make", "_made")

    def __init__(self, n: int, make: Callable[[int], object]):
        self._make = make
        self._made: list = [None] * n
        """The items made so far (None where not yet)."""

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        made = self._made[i]
        if made is None:
            made = self._made[i] = self._make(i if i >= 0 else i + len(self._made))
        return made
