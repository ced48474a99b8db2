"""The files to read, cut into batches and run in worker processes, one per core (or in this process when
there is little to read): each batch's files read, hashed and, unless unchanged, processed into one block."""

from __future__ import annotations

import ctypes
import functools
import gc
import hashlib
import multiprocessing
import os
import signal
from dataclasses import dataclass
from typing import Iterator

from .. import interrupts
from ..analysis import Analyzer
from ..loading import read_file
from ..passages import encoding
from .data import Block
from .process import process_files
from .words import Spellings


PARALLEL_BYTES = 4 << 20
"""Below this much file data to read, one process does the work (starting workers costs more)."""


def workers() -> int:
    """How many processes tokenize: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    """Files that follow one another in the listing, read and (unless their content is unchanged)
    processed by one worker as one task; their results come back as one ``Done``."""

    paths: list[str]
    """The files, absolute (also their names in citations and article ids)."""
    known: list[bytes | None]
    """Per file, the previous build's content hash (32 bytes) when its results can be reused."""
    max_tokens: int
    build_id: str
    """Which build the job is for (a worker's spelling table outlives a build in the same process)."""
    speakers: int | None = None
    """With stored speakers (``qabot index --speakers``), the window to attribute them with."""


@dataclass
class Done:
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


def batches(files: list[tuple[str, bytes | None]], sizes: list[int], follows: list[bool], max_tokens: int,
            build_id: str, speakers: int | None = None) -> list[tuple[Job, int]]:
    """Cut ``files`` (path, known content hash) into jobs of new files that follow one another in the
    listing (``follows[i]``: file ``i`` comes right after file ``i - 1``); a file the previous build had is a
    job of its own, since its results may be the previous build's. Returns each job with its size in bytes."""
    out: list[tuple[Job, int]] = []
    paths: list[str] = []
    known: list[bytes | None] = []
    total = 0
    for (path, digest), size, after in zip(files, sizes, follows):
        if not (paths and after and digest is None and known[-1] is None and len(paths) < BATCH_FILES
                and total + size <= BATCH_BYTES):
            if paths:
                out.append((Job(paths, known, max_tokens, build_id, speakers), total))
            paths, known, total = [], [], 0
        paths.append(path)
        known.append(digest)
        total += size
    if paths:
        out.append((Job(paths, known, max_tokens, build_id, speakers), total))
    return out


_NO_DIGEST = bytes(32)

_stopping = None
"""In a worker: the pool's shared flag, set by the parent when the build stops early (then the jobs still queued
are passed by unread)."""


def _stopped() -> bool:
    return _stopping is not None and bool(_stopping.value)


def _run_batch(job: Job) -> Done | None:
    """Read a job's files and load, cut and analyse those whose content changed, as one block (in a
    worker process, or in this one); None, doing nothing, in a worker of a build that stopped early."""
    if _stopped():
        return None
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
        if _stopped():
            return None
        digest = hashlib.sha256(data).digest()
        digests.append(digest)
        if digest == known:
            unchanged[i] = 1
            continue
        items.append((path, data, path))
        read.append(i)
    articles = [0] * len(job.paths)
    if not items:
        return Done(b"".join(digests), articles, bytes(unchanged), problems, None)
    enc, spellings = _tools()
    block, outcomes = process_files(items, job.max_tokens, enc, spellings, job.build_id, job.speakers,
                                    _stopped if _stopping is not None else None)
    if _stopped():
        return None
    for i, (count, why, warnings) in zip(read, outcomes):
        articles[i] = count
        if why is not None or warnings:
            problems[i] = (why, warnings)
    return Done(b"".join(digests), articles, bytes(unchanged), problems, block)


def _quiet_worker(stopping) -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool and reports it in one line (a worker is
    forked with SIGINT blocked, and ignores it before letting it in); note the pool's stop flag; collect cyclic
    garbage (``python -m qabot index`` turns the collector off in the parent, which makes little of it)."""
    global _stopping
    interrupts.in_child(signal.SIG_IGN)
    _stopping = stopping
    gc.enable()


def run_batches(batches: list[tuple[Job, int]], processes: int | None) -> Iterator[Done]:
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
    # The pool is started and stopped with Ctrl-C kept out (an interrupted start leaves workers that nothing
    # stops, an at-fork handler half run, or a worker printing a traceback), and always stopped (its workers
    # ended and waited for) before this generator is done, however it ends: a Ctrl-C that came while the
    # pool started is raised once it is running, and stops it. The pool is stopped by closing it, never by
    # killing its workers: a worker killed while it writes a result holds the result queue's lock forever, and
    # the pool's own shutdown then waits for that lock (CPython issue 96995, seen as a rare hang on Ctrl-C late in
    # a build). A build that stops early sets the shared flag instead: the batches in flight finish, those still
    # queued are passed by at once.
    stopping = context.RawValue(ctypes.c_bool, False)
    with interrupts.protected(raise_after=False):
        pool = context.Pool(n, initializer=_quiet_worker, initargs=(stopping,))
    finished = False
    try:
        interrupts.check()
        yield from pool.imap(_run_batch, jobs, chunksize=chunk)
        finished = True
    finally:
        with interrupts.protected(raise_after=False):
            if not finished:
                stopping.value = True
            pool.close()
            pool.join()

