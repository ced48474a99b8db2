"""Building and updating an index: files to articles to passages to terms to BM25 arrays.

Each file's results are kept in the index; a rebuild re-reads only files whose size or mtime
changed, and re-tokenizes only those whose content hash changed too. Nothing is printed here:
``progress`` and the returned ``BuildReport`` tell the caller what happened.
"""

from __future__ import annotations

import functools
import gc
import hashlib
from functools import cached_property
import json
import multiprocessing
import os
import signal
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from . import __version__
from .analysis import ANALYZER_VERSION, Analyzer, find_words
from .bm25 import BM25Params, weigh
from .errors import CorpusError, IndexDamaged
from .index import (FORMAT, FORMAT_VERSION, PARAGRAPH_ARRAYS, PASSAGE_ARRAYS, SENTENCE_ARRAYS, BuildData, Index,
                    SegmentData, read_manifest, term_bytes, write, write_lock)
from .corpus import FileTable, Listing, Status, display, join_paths, list_files
from .loading import load_file, read_file
from .segments import Holes, plan
from .passages import DEFAULT_MAX_TOKENS, ENCODING, encoding, make_passages
from .vocabulary import count_speakers, rank_words, update_words

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, path)`` while files are processed."""


@dataclass(frozen=True)
class Settings:
    """What an index is built with."""

    max_tokens: int = DEFAULT_MAX_TOKENS
    """Passage budget in cl100k_base tokens."""
    bm25: BM25Params = BM25Params()
    """The scoring whose weights are precomputed."""

    def tokenizing(self) -> dict:
        """The settings that change per-file results; when they differ, every file is redone."""
        return {"max_tokens": self.max_tokens, "analyzer": ANALYZER_VERSION, "encoding": ENCODING}

    def to_json(self) -> dict:
        """The settings as stored in the manifest."""
        return {**self.tokenizing(), "bm25": asdict(self.bm25)}

    @classmethod
    def of(cls, manifest: dict | None) -> "Settings":
        """The settings an index was built with (the defaults when the manifest does not say)."""
        stored = manifest.get("settings") if isinstance(manifest, dict) else None
        if not isinstance(stored, dict):
            return cls()
        try:
            return cls(max_tokens=int(stored.get("max_tokens", DEFAULT_MAX_TOKENS)), bm25=BM25Params(**stored["bm25"]))
        except (TypeError, KeyError, ValueError):
            return cls()


@dataclass
class BuildReport:
    """What a build did. Paths are absolute (``corpus.display`` shows them)."""

    articles: int = 0
    """Articles in the index now."""
    passages: int = 0
    """Passages in the index now."""
    tokens: int = 0
    """cl100k_base tokens in the index now."""
    files: int = 0
    """Files indexed."""
    new: list[str] = field(default_factory=list)
    """Files read for the first time."""
    updated: list[str] = field(default_factory=list)
    """Files re-read because they changed."""
    unchanged: int = 0
    """Files kept from the previous build without reading them again."""
    removed: list[str] = field(default_factory=list)
    """Files of the previous build that are gone."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """Files that should have been articles and are not, with the reason (said again on every run)."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """Parts of indexed files passed over (a bad JSON line, say): ``(path, what)``, on every run."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Files passed over that are not failures: of no supported type, or empty."""
    ignored: int = 0
    """Images, audio, video, archives and office files, passed over quietly."""
    seconds: float = 0.0
    """Wall time of the build."""
    text_bytes: int = 0
    """UTF-8 bytes of article text read and processed in this build (new and updated files)."""

    @property
    def ok(self) -> bool:
        """True when nothing that should have been an article failed, in whole or in part."""
        return not self.failed and not self.warnings


@dataclass
class Block:
    """Some files' results: their articles, passages, sentences and term counts, ready to assemble."""

    meta: list[dict | bytes]
    """Each article's metadata (bytes: its JSON line, kept from the previous build)."""
    texts: list[bytes]
    para_start: np.ndarray
    para_end: np.ndarray
    art_npara: np.ndarray
    art_npas: np.ndarray
    pas_para: np.ndarray
    pas_start: np.ndarray
    pas_end: np.ndarray
    pas_tokens: np.ndarray
    pas_len: np.ndarray
    pas_nsent: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray
    vocab: list[str]
    coo_term: np.ndarray
    coo_doc: np.ndarray
    coo_tf: np.ndarray
    reused: tuple[int, int, int] | None = None
    """For articles taken from an older segment (a merge): ``(segment, first passage, end)`` there (their
    postings are read from it by ``assemble``)."""
    forms: list[tuple[tuple, list[str], np.ndarray, np.ndarray]] | None = None
    """New files' word counts, for a ``_Tally`` (None for a kept file): per spelling table used, the
    table's key, the spellings it learnt since its last file of this build, and spelling ids with their counts."""
    spoke: Counter[str] | None = None
    """A new file's names seen speaking, with their counts."""


def process(path: Path, data: bytes, display: str, max_tokens: int, enc, spellings: Spellings,
            build_id: str = "") -> tuple[Block | None, str | None, list[str]]:
    """Load, cut and analyse one file, named ``display`` in citations, for the build ``build_id``:
    ``(block, reason skipped, warnings)``."""
    block, ((_, why, warnings),) = process_files([(str(path), data, display)], max_tokens, enc, spellings, build_id)
    return block, why, warnings


def process_files(files: list[tuple[str, bytes, str]], max_tokens: int, enc, spellings: Spellings,
                  build_id: str = "") -> tuple[Block | None, list[tuple[int, str | None, list[str]]]]:
    """Load, cut and analyse files ``(path, bytes, name in citations)`` into one block, as a shard of
    their articles would be (one tally and one sort of the terms for all): the block (None when no file
    gave an article), and per file ``(articles, reason skipped, warnings)``."""
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


class _Tally:
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


class _Previous:
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
        """The previous build's row of each of ``paths`` (-1 for a new one); kept for ``_Rows.keep``."""
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
        seg = self.index.segments[s]
        pas_ptr, para_ptr, sent_ptr = seg.array("art_pas_ptr"), seg.array("art_para_ptr"), seg.array("pas_sent_ptr")
        p_lo, p_hi = int(pas_ptr[lo]), int(pas_ptr[hi])
        q_lo, q_hi = int(para_ptr[lo]), int(para_ptr[hi])
        s_lo, s_hi = int(sent_ptr[p_lo]), int(sent_ptr[p_hi])
        off = seg.array("art_text_off")
        t_lo = int(off[lo])
        whole = seg.read("text.bin", t_lo, int(off[hi]))
        none = np.empty(0, np.int32)
        return Block(
            meta=seg.meta_lines(lo, hi),
            texts=[whole[int(off[i]) - t_lo:int(off[i + 1]) - t_lo] for i in range(lo, hi)],
            **{name: np.array(seg.array(name)[q_lo:q_hi]) for name in PARAGRAPH_ARRAYS},
            art_npara=np.diff(para_ptr[lo:hi + 1]), art_npas=np.diff(pas_ptr[lo:hi + 1]),
            **{name: np.array(seg.array(name)[p_lo:p_hi]) for name in PASSAGE_ARRAYS},
            pas_nsent=np.diff(sent_ptr[p_lo:p_hi + 1]),
            **{name: np.array(seg.array(name)[s_lo:s_hi]) for name in SENTENCE_ARRAYS},
            vocab=[], coo_term=none, coo_doc=none, coo_tf=none, reused=(s, p_lo, p_hi),
        )

    def live_blocks(self, s: int, gone: np.ndarray) -> list[Block]:
        """Segment ``s``'s articles but those in ``gone`` (sorted), as blocks of consecutive articles."""
        n = self.index.segments[s].n_articles
        holes = Holes.of_ids(gone)
        starts = [0, *holes.ends.tolist()]
        ends = [*holes.starts.tolist(), n]
        return [self.block(s, lo, hi) for lo, hi in zip(starts, ends) if hi > lo]


def _open_previous(index_dir: Path, settings: Settings, merge: bool = False) -> tuple[dict | None, _Previous | None]:
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
        return manifest, _Previous(index, same)
    except (IndexDamaged, KeyError, ValueError, OSError):
        return manifest, None


PARALLEL_BYTES = 4 << 20
"""Below this much file data to read, one process does the work (starting workers costs more)."""


def workers() -> int:
    """How many processes tokenize: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Job:
    """Files that follow one another in the listing, read and (unless their content is unchanged)
    processed by one worker as one task; their results come back as one ``_Done``."""

    paths: list[str]
    """The files, absolute (also their names in citations and article ids)."""
    known: list[bytes | None]
    """Per file, the previous build's content hash (32 bytes) when its results can be reused."""
    max_tokens: int
    build_id: str
    """Which build the job is for (a worker's spelling table outlives a build in the same process)."""


@dataclass
class _Done:
    """What a worker did with a job's files, in bulk (no object per file)."""

    digests: bytes
    """32 bytes of content hash per file (zeros for a file that could not be read)."""
    articles: list[int]
    """Articles per file (their blocks travel merged as ``block``)."""
    unchanged: bytes
    """1 per file whose content hash is the known one (its previous results stay), else 0."""
    problems: dict[int, tuple[str | None, list[str]]]
    """By file number in the job, for the few files with one: why it was skipped, and its warnings."""
    block: Block | None
    """The block of every article of the job's processed files, None when there is none."""


@functools.cache
def _tools() -> tuple:
    """This process's encoder and spelling table, made once per process (forked workers start with the parent's)."""
    return encoding(), Spellings(Analyzer())


BATCH_FILES = 256
"""New files sent to a worker as one job, at most (their results come back as one block)."""
BATCH_BYTES = 2 << 20
"""Bytes of file data in one job, at most (a large file is a job of its own)."""


def _batches(files: list[tuple[str, bytes | None]], sizes: list[int], follows: list[bool], max_tokens: int,
             build_id: str) -> list[tuple[_Job, int]]:
    """Cut ``files`` (path, known content hash) into jobs of new files that follow one another in the
    listing (``follows[i]``: file ``i`` comes right after file ``i - 1``); a file the previous build had is a
    job of its own, since its results may be the previous build's. Returns each job with its size in bytes."""
    out: list[tuple[_Job, int]] = []
    paths: list[str] = []
    known: list[bytes | None] = []
    total = 0
    for (path, digest), size, after in zip(files, sizes, follows):
        if not (paths and after and digest is None and known[-1] is None and len(paths) < BATCH_FILES
                and total + size <= BATCH_BYTES):
            if paths:
                out.append((_Job(paths, known, max_tokens, build_id), total))
            paths, known, total = [], [], 0
        paths.append(path)
        known.append(digest)
        total += size
    if paths:
        out.append((_Job(paths, known, max_tokens, build_id), total))
    return out


_NO_DIGEST = bytes(32)


def _run_batch(job: _Job) -> _Done:
    """Read a job's files and load, cut and analyse those whose content changed, as one block (in a
    worker process, or in this one)."""
    digests: list[bytes] = []
    unchanged = bytearray(len(job.paths))
    problems: dict[int, tuple[str | None, list[str]]] = {}
    items: list[tuple[str, bytes, str]] = []
    read: list[int] = []
    for i, (path, known) in enumerate(zip(job.paths, job.known)):
        try:
            data = read_file(path)
        except OSError as err:
            digests.append(_NO_DIGEST)
            problems[i] = ((err.strerror or str(err)).lower(), [])
            continue
        digest = hashlib.sha256(data).digest()
        digests.append(digest)
        if digest == known:
            unchanged[i] = 1
            continue
        items.append((path, data, path))
        read.append(i)
    articles = [0] * len(job.paths)
    if not items:
        return _Done(b"".join(digests), articles, bytes(unchanged), problems, None)
    enc, spellings = _tools()
    block, outcomes = process_files(items, job.max_tokens, enc, spellings, job.build_id)
    for i, (count, why, warnings) in zip(read, outcomes):
        articles[i] = count
        if why is not None or warnings:
            problems[i] = (why, warnings)
    return _Done(b"".join(digests), articles, bytes(unchanged), problems, block)


def _quiet_worker() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool and reports it in one line; collect cyclic
    garbage (``python -m qabot index`` turns the collector off in the parent, which makes little of it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()


def _results(batches: list[tuple[_Job, int]], processes: int | None) -> Iterator[_Done]:
    """Run ``batches`` in order: in ``processes`` processes, or when None over every core if there is enough to do."""
    n = processes or workers()
    jobs = [job for job, _ in batches]
    if n == 1 or len(jobs) < 2 or (processes is None and sum(size for _, size in batches) < PARALLEL_BYTES):
        yield from map(_run_batch, jobs)
        return
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    if fork:
        _tools()  # made before forking, the encoder's 40 MB of tables are shared by the workers, not copied
    chunk = max(1, min(16, len(jobs) // (n * 16)))
    with context.Pool(n, initializer=_quiet_worker) as pool:
        yield from pool.imap(_run_batch, jobs, chunksize=chunk)


def build(paths: list[str | os.PathLike], index_dir: Path, settings: Settings = Settings(),
          progress: Progress | None = None, processes: int | None = None, merge: bool = False,
          listing: Listing | Callable[[], Listing] | None = None) -> BuildReport:
    """Build or update the index at ``index_dir`` from the articles under ``paths`` (``listing``: their
    ``list_files`` when it was made already, or a function that gives it, such as a ``corpus.Prefetch``
    child's ``listing``, called once the previous index is open, so that the child lists meanwhile).

    Files are read and tokenized in ``processes`` worker processes (default: one per core once
    there is enough to read); results are the same whatever the number. An update writes the new and
    changed files as a new segment, marks the articles they replace (and removed files') deleted, and
    merges segments when a tier holds too many (``segments.plan``); ``merge`` merges every segment into one.
    """
    started = time.perf_counter()
    build_id = uuid.uuid4().hex
    report = BuildReport()

    def taken(listing: Listing) -> Listing:
        if listing.missing and not listing.paths:
            raise CorpusError(f"no such file or folder: {display(listing.missing[0])}")
        report.failed.extend(listing.failed)
        report.failed.extend((p, "does not exist") for p in listing.missing)
        report.skipped.extend(listing.skipped)
        report.ignored = listing.ignored
        return listing

    if listing is None:
        listing = list_files(paths)
    if isinstance(listing, Listing):
        listing = taken(listing)
    with write_lock(index_dir):
        old_manifest, previous = _open_previous(index_dir, settings, merge)
        if not isinstance(listing, Listing):  # a listing made meanwhile (the index is there: it is locked)
            listing = taken(listing())
        reusable = previous is not None and previous.reusable
        rows = _Rows(listing)
        n = len(listing.paths)
        prev_row = previous.rows_of(listing.paths) if previous is not None else np.full(n, -1, np.int64)
        has = prev_row >= 0
        same = np.zeros(n, dtype=bool)
        if reusable:  # files whose size and mtime did not change: kept as they are, in bulk
            at = np.where(has, prev_row, 0)
            same = has & (previous.table.size[at] == rows.sizes) & (previous.table.mtime[at] == rows.mtimes)
            rows.keep(np.flatnonzero(same), previous)
            report.unchanged += int(np.count_nonzero(rows.status[same] == Status.INDEXED))
        kept = np.zeros(len(previous.table.paths) if previous is not None else 0, dtype=bool)
        kept[prev_row[same]] = True
        job_at = np.flatnonzero(~same)
        files: list[tuple[str, bytes | None]] = []  # the files to read: path, known content hash
        for i in job_at.tolist():
            row = int(prev_row[i])
            known = previous.digest(row if row >= 0 else None) if previous is not None else None
            files.append((listing.paths[i], bytes.fromhex(known) if known else None))
        sizes = [listing.sizes[i] for i in job_at.tolist()]
        follows = [k > 0 and job_at[k - 1] == i - 1 for k, i in enumerate(job_at.tolist())]
        tally = _Tally()
        spoke: Counter[str] = Counter()
        results = _results(_batches(files, sizes, follows, settings.max_tokens, build_id), processes)
        done: _Done | None = None
        at = 0  # the next file of ``done``
        digests = np.zeros((0, 32), np.uint8)
        fresh: list[Block] = []
        fresh_articles = 0
        problems: dict[str, dict] = {}
        done_jobs = 0
        # the files to look at one by one, in listing order: those read now, and kept ones with a problem to say again
        told = []
        if previous is not None and previous.problems:
            where = previous.listing_of(prev_row)
            told = [int(where[r]) for r in (previous.by_key.get(p) for p in previous.problems) if r is not None and where[r] >= 0]
        for i in sorted({*job_at.tolist(), *(i for i in told if same[i])}):
            path = listing.paths[i]
            row = int(prev_row[i]) if prev_row[i] >= 0 else None
            if same[i]:
                status = Status(int(rows.status[i]))
                problems[path] = previous.problems[path]
                _tell(report, path, status, problems[path])
                continue
            if progress:
                progress(done_jobs, len(files), path)
            if done is None or at == len(done.articles):
                done, at = next(results), 0
                digests = np.frombuffer(done.digests, np.uint8).reshape(-1, 32)
                merged = done.block
                if merged is not None:
                    for forms in merged.forms:
                        tally.add(*forms)
                    spoke.update(merged.spoke)
                    merged.forms = merged.spoke = None
                    report.text_bytes += sum(len(t) for t in merged.texts)
                    fresh.append(merged)
            k, at = at, at + 1  # the file's place in its job
            done_jobs += 1
            if done.unchanged[k]:  # touched, same content
                kept[row] = True
                report.unchanged += 1
                problem = previous.problems.get(path)
                if problem:
                    problems[path] = problem
                    _tell(report, path, Status.INDEXED, problem)
                rows.keep(np.array([i]), previous)
                continue
            skipped, warnings = done.problems.get(k, (None, None))
            articles = done.articles[k]
            if not articles:
                status = Status.EMPTY if skipped == "empty file" else Status.FAILED
                problems[path] = {"reason": skipped or "no article text found"}
                _tell(report, path, status, problems[path])
                rows.set(i, digests[k], status, (-1, 0, 0))
                continue
            if warnings:
                problems[path] = {"warnings": warnings}
                _tell(report, path, Status.INDEXED, problems[path])
            (report.new if row is None else report.updated).append(path)
            rows.set(i, digests[k], Status.INDEXED, (FRESH, fresh_articles, articles))
            fresh_articles += articles
        results.close()
        if progress:
            progress(len(files), len(files), "")
        gone = np.flatnonzero(~kept).tolist()
        if previous is not None:
            matched = np.zeros(len(kept), dtype=bool)
            matched[prev_row[has]] = True
            report.removed = [previous.table.paths[r] for r in
                              np.flatnonzero(~matched & (previous.table.status != Status.FAILED)).tolist()]
        if not fresh and not (reusable and (rows.seg >= 0).any()):
            where = ", ".join(display(os.path.abspath(p)) for p in paths)
            if len(report.failed) == 1:
                raise CorpusError(f"no articles to index in {where}: {display(report.failed[0][0])}: {report.failed[0][1]}")
            return_why = f"{len(report.failed) + len(report.skipped)} files skipped"
            raise CorpusError(f"no articles to index in {where} ({return_why})")
        forms = tally.counter()
        changes = _add_kept_words(forms, spoke, previous, gone) if reusable else None
        segments, data = _segments(previous, fresh, gone, rows, settings, merge) if reusable else \
            _segments(None, fresh, [], rows, settings, merge)
        del fresh
        data.files = rows.table()
        data.problems = problems
        data.word_counts = (+forms, +spoke)
        data.words = _words(data, previous if reusable else None, report, changes)
        if previous is not None:
            previous.index.close()  # its folders may go once the new build is in place
        report.files = int(np.count_nonzero(data.files.status == Status.INDEXED))
        report.articles = sum(e["articles"] - e.get("deleted", {}).get("articles", 0) for e in segments)
        report.passages = sum(e["passages"] - e.get("deleted", {}).get("passages", 0) for e in segments)
        report.tokens = sum(e["tokens"] - e.get("deleted", {}).get("tokens", 0) for e in segments)
        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION, "qabot": __version__,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "roots": [os.path.abspath(p) for p in paths],
            "settings": settings.to_json(),
            "counts": {"files": report.files, "articles": report.articles, "passages": report.passages,
                       "tokens": report.tokens, "segments": len(segments)},
        }
        write(index_dir, segments, data, manifest)
    report.seconds = time.perf_counter() - started
    return report


FRESH = -2
"""The segment number of the files read in this build, until their segment is placed."""


def _segments(previous: _Previous | None, fresh: list[Block], gone: list[int], rows: "_Rows", settings: Settings,
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
        segment = assemble(blocks, params, old, weights=whole)
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


def _tell(report: BuildReport, path: str, status: Status, problem: dict) -> None:
    """Put a file's stored or new problem into the report."""
    if problem.get("reason"):
        (report.skipped if status == Status.EMPTY else report.failed).append((path, problem["reason"]))
    report.warnings.extend((path, w) for w in problem.get("warnings", ()))


class _Rows:
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

    def keep(self, at: np.ndarray, previous: "_Previous") -> None:
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
        return FileTable(self.paths, self.sizes, self.mtimes, self.digest, _ptr(self.count), self.status)


_WordChanges = tuple[tuple[Counter, Counter], set[str], set[str]]
"""The previous build's word and speaker counts, and the spellings and names whose counts an update may change."""


def _add_kept_words(forms: Counter[str], spoke: Counter[str], previous: _Previous, gone: list[int]) -> _WordChanges | None:
    """Add the word counts of the files kept from the previous build to those of the new files.

    They are the previous build's totals less the counts of the files that changed or went (read
    again from their segments, a few files), so kept files are never counted again. Returns the
    previous totals and the spellings and names counted in the new and gone files (None for an index
    without counts), from which ``_words`` ranks only the words that changed.
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


def _words(data: BuildData, previous: _Previous | None, report: BuildReport,
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


def _ptr(counts: np.ndarray) -> np.ndarray:
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


def assemble(blocks: list[Block], params: BM25Params, sources: list | None = None, weights: bool = True) -> SegmentData:
    """Join blocks into one segment: its term ids, CSC postings and, when ``weights``, BM25 weights.

    New blocks bring their own term counts (consumed here, to free memory as they are placed);
    blocks taken from older segments (``sources``, a merge) bring none: their postings are read from
    those segments' arrays, a few million at a time. Blocks come source segment by source segment,
    in order, then the new ones, so each term's postings are placed in passage order. Postings are
    placed by a counting sort (no sort over all postings), so the cost is linear.
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
    ptr = _ptr(df)
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

    def take(name: str, dtype=np.int32) -> np.ndarray:
        """One per-block array concatenated over the blocks, each block's own let go as it is."""
        out = cat([getattr(b, name) for b in blocks]).astype(dtype, copy=False)
        for b in blocks:
            setattr(b, name, None)
        return out

    arrays = {
        "art_text_off": _ptr(np.array([len(t) for t in texts], dtype=np.int64)),
        "art_para_ptr": _ptr(take("art_npara", np.int64)),
        "art_pas_ptr": _ptr(take("art_npas", np.int64)),
        "pas_sent_ptr": _ptr(take("pas_nsent", np.int64)),
        **{name: take(name) for name in (*PARAGRAPH_ARRAYS, *PASSAGE_ARRAYS, *SENTENCE_ARRAYS)},
        "post_ptr": ptr, "post_doc": post_doc, "post_tf": post_tf,
    }
    if weights:
        arrays["post_extra"], arrays["term_base"] = weigh(ptr, post_doc, post_tf, arrays["pas_len"], params)
    return SegmentData(arrays=arrays, vocab=vocab, articles=[m for b in blocks for m in b.meta], texts=texts)
