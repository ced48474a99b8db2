"""Building and updating an index: files to articles to passages to terms to BM25 arrays.

Each file's results are kept in the index; a rebuild re-reads only files whose size or mtime
changed, and re-tokenizes only those whose content hash changed too. Nothing is printed here:
``progress`` and the returned ``BuildReport`` tell the caller what happened. This module runs the build;
its stages are in ``qabot.building``.
"""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np

from . import __version__, interrupts
from .building.data import Block, BuildReport, Progress, Settings, SpeakerStore
from .building.merging import FRESH, Rows, new_segments
from .building.previous import open_previous
from .building.process import process
from .building.speakers import default_window
from .building.words import Spellings, Tally, add_kept_words, surface_words
from .building.workers import Done, batches, run_batches
from .corpus import Listing, Status, display, list_files
from .errors import CorpusError
from .store.layout import FORMAT, FORMAT_VERSION
from .store.manifest import write_lock
from .store.writing import write

__all__ = ["Block", "BuildReport", "Progress", "Settings", "SpeakerStore", "Spellings", "build", "process"]
"""The build, and what other modules import from here (re-exported from ``qabot.building``)."""


def build(paths: list[str | os.PathLike], index_dir: Path, settings: Settings = Settings(),
          progress: Progress | None = None, processes: int | None = None, merge: bool = False,
          listing: Listing | Callable[[], Listing] | None = None) -> BuildReport:
    """Build or update the index at ``index_dir`` from the articles under ``paths`` (``listing``: their
    ``list_files`` when it was made already, or a function that gives it, such as a ``prefetch.Prefetch``
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
        interrupts.check()
        old_manifest, previous = open_previous(index_dir, settings, merge)
        if not isinstance(listing, Listing):  # a listing made meanwhile (the index is there: it is locked)
            listing = taken(listing())
        reusable = previous is not None and previous.reusable
        rows = Rows(listing)
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
        tally = Tally()
        spoke: Counter[str] = Counter()
        window = default_window() if settings.speakers is SpeakerStore.BUILD else None
        results = run_batches(batches(files, sizes, follows, settings.max_tokens, build_id, window), processes)
        try:  # the workers are stopped however this ends (a Ctrl-C, an error)
            done: Done | None = None
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
                    interrupts.check()  # a Ctrl-C dropped where it was raised (see interrupts)
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
        finally:
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
            count = len(report.failed) + len(report.skipped)
            return_why = f"{count:,} file{'' if count == 1 else 's'} skipped"
            raise CorpusError(f"no articles to index in {where} ({return_why})")
        forms = tally.counter()
        changes = add_kept_words(forms, spoke, previous, gone) if reusable else None
        segments, data = new_segments(previous, fresh, gone, rows, settings, merge) if reusable else \
            new_segments(None, fresh, [], rows, settings, merge)
        del fresh
        data.files = rows.table()
        data.problems = problems
        data.word_counts = (+forms, +spoke)
        data.words = surface_words(data, previous if reusable else None, report, changes)
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


def _tell(report: BuildReport, path: str, status: Status, problem: dict) -> None:
    """Put a file's stored or new problem into the report."""
    if problem.get("reason"):
        (report.skipped if status == Status.EMPTY else report.failed).append((path, problem["reason"]))
    report.warnings.extend((path, w) for w in problem.get("warnings", ()))

