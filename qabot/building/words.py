"""Words: the spellings a process has met (``Spellings``), their counts summed over a build's files
(``Tally``), and the chat's surface words, updated from the files that changed (``surface_words``)."""

from __future__ import annotations

import json
import os
from collections import Counter

import numpy as np

from ..analysis import Analyzer, find_words
from ..corpus import Status
from ..errors import IndexDamaged
from ..store.writing import BuildData
from ..vocabulary import count_speakers, rank_words, update_words
from .data import Block, BuildReport
from .previous import Previous


class Spellings:
    """One process's table of the spellings it has met, each with an id and its term's id (-1: a stopword).

    Analysing a spelling once per process, not once per occurrence, and looking a whole passage up
    in one ``map`` is what keeps the analysis pass near the speed of the regex that finds the words;
    counting spelling ids with numpy gives the chat's word counts without another pass.
    """

    LIMIT = 1 << 20
    """Spellings remembered before the table starts afresh (checked between files, never inside one)."""

    def __init__(self, analyzer: Analyzer):
        self.analyzer = analyzer
        self.terms: list[str] = []
        """Term ids to terms."""
        self.spellings: list[str] = []
        """Spelling ids to spellings."""
        self._ids: dict[str, int] = {}
        self._term_ids: dict[str, int] = {}
        self._term_of = np.empty(1024, dtype=np.int64)
        self._generation = 0
        self._sent: tuple[str | None, int] = (None, 0)

    def forget_if_full(self) -> None:
        """Start afresh when the table has grown past ``LIMIT`` (call between files only)."""
        if len(self._ids) > self.LIMIT:
            self.terms, self.spellings, self._ids, self._term_ids = [], [], {}, {}
            self._generation += 1
            self._sent = (None, 0)

    def news(self, build_id: str) -> tuple[tuple[int, int], list[str]]:
        """This table's key (process, generation) and the spellings added since the last call for ``build_id``."""
        build, sent = self._sent
        new = self.spellings[sent if build == build_id else 0:]
        self._sent = (build_id, len(self.spellings))
        return (os.getpid(), self._generation), new

    def ids(self, words: list[str]) -> list[int]:
        """The spelling id of each word."""
        known = self._ids
        try:
            return list(map(known.__getitem__, words))
        except KeyError:
            pass
        for word in set(words).difference(known):
            term = self.analyzer.term(word)
            tid = -1
            if term:
                tid = self._term_ids.get(term, -1)
                if tid < 0:
                    tid = self._term_ids[term] = len(self.terms)
                    self.terms.append(term)
            sid = known[word] = len(self.spellings)
            self.spellings.append(word)
            if sid >= len(self._term_of):
                self._term_of = np.concatenate((self._term_of, np.empty(len(self._term_of), dtype=np.int64)))
            self._term_of[sid] = tid
        return list(map(known.__getitem__, words))

    def term_ids(self, ids: np.ndarray) -> np.ndarray:
        """The term id of each spelling id (-1 for a stopword)."""
        return self._term_of[ids]



class Tally:
    """Spelling counts summed over a build's files.

    Each worker's spellings are sent once (``Spellings.news``) and files bring only spelling ids and
    counts, so summing a file costs numpy work, not a dictionary operation per word (a
    ``Counter.update`` per file cost the parent process a second of a 45 MB build).
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._tables: dict[tuple, np.ndarray] = {}
        self._counts = np.zeros(0, dtype=np.int64)

    def add(self, table: tuple, new: list[str], ids: np.ndarray, counts: np.ndarray) -> None:
        """Add ``counts`` to the spellings ``ids`` of ``table``, which has learnt the spellings ``new``."""
        known = self._ids
        fresh = [w for w in new if w not in known]
        known.update(zip(fresh, range(len(known), len(known) + len(fresh))))
        if new:
            ours = np.fromiter(map(known.__getitem__, new), dtype=np.int64, count=len(new))
            self._tables[table] = np.concatenate((self._tables.get(table, np.zeros(0, np.int64)), ours))
        if len(known) > len(self._counts):
            self._counts = np.concatenate((self._counts, np.zeros(len(known) + len(self._counts), dtype=np.int64)))
        np.add.at(self._counts, self._tables[table][ids], counts)

    def counter(self) -> Counter[str]:
        """The sums, as a Counter."""
        return Counter(dict(zip(self._ids, self._counts[:len(self._ids)].tolist())))



_WordChanges = tuple[tuple[Counter, Counter], set[str], set[str]]
"""The previous build's word and speaker counts, and the spellings and names whose counts an update may change."""


def add_kept_words(forms: Counter[str], spoke: Counter[str], previous: Previous, gone: list[int]) -> _WordChanges | None:
    """Add the word counts of the files kept from the previous build to those of the new files.

    They are the previous build's totals less the counts of the files that changed or went (read
    again from their segments, a few files), so kept files are never counted again. Returns the
    previous totals and the spellings and names counted in the new and gone files (None for an index
    without counts), from which ``surface_words`` ranks only the words that changed.
    """
    stored = previous.index.word_counts()
    touched, named = set(forms), set(spoke)
    if stored is None:  # an index without counts: count the kept files' text once
        dropped = set(gone)
        for row in range(len(previous.table.paths)):
            s, a, n = previous.articles(row)
            if row not in dropped and s >= 0:
                f, w = _block_words(previous.block(s, a, a + n))
                forms.update(f)
                spoke.update(w)
        return None
    forms.update(stored[0])
    spoke.update(stored[1])
    for row in gone:
        s, a, n = previous.articles(row)
        if s >= 0 and previous.table.status[row] == Status.INDEXED:
            f, w = _block_words(previous.block(s, a, a + n))
            forms.subtract(f)
            spoke.subtract(w)
            touched.update(f)
            named.update(w)
    return stored, touched, named


def _block_words(block: Block) -> tuple[Counter[str], Counter[str]]:
    """A stored file's word and speaker counts, counted exactly as ``process`` counts a new file's."""
    texts = [t.decode("utf-8", errors="surrogatepass") for t in block.texts]
    forms: Counter[str] = Counter()
    p = 0
    for text, n, meta in zip(texts, block.art_npas.tolist(), block.meta):
        for number, (start, end) in enumerate(zip(block.pas_start[p:p + n].tolist(), block.pas_end[p:p + n].tolist())):
            forms.update(find_words(text, start, end))
            if number == 0:
                forms.update(find_words((json.loads(meta) if isinstance(meta, bytes) else meta)["title"]))
        p += n
    return forms, count_speakers("\n".join(texts))


def surface_words(data: BuildData, previous: Previous | None, report: BuildReport,
                  changes: _WordChanges | None = None) -> list[tuple[str, int, int]]:
    """The build's surface words: the previous build's when no file changed, those of the previous build
    with the changed words ranked again after an update (``changes``), else ranked from the counts."""
    if previous is not None:
        try:
            words = previous.index.words
        except IndexDamaged:
            words = None
        if words is not None:
            if not (report.new or report.updated or report.removed):
                return words
            if changes is not None:
                before, touched, named = changes
                return update_words(words, before, data.word_counts, touched, named)
    return rank_words(*data.word_counts)

