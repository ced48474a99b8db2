"""Writing an index: a build's new segments and data folder, each file checksummed and flushed, then
``manifest.json`` swapped to them with ``os.replace``, so whatever moment a build dies at, the manifest names
complete folders; folders no manifest names are removed after the swap (or by the next build)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import interrupts
from ..corpus import FileTable
from .layout import (MANIFEST, SEGMENT_ARRAYS, SPEAKER_ARRAYS, SPEAKERS_FILE, STATE_ARRAYS, WEIGHT_ARRAYS, file_sha256,
                     sample_crc)
from .manifest import read_manifest, unwritable, write_lock
from .terms import offsets, term_bytes
from .words_file import WORDS_FILE, pack_words


@dataclass
class SegmentData:
    """One segment, in memory, before it goes to disk."""

    arrays: dict[str, np.ndarray]
    """The arrays named in ``SEGMENT_ARRAYS`` but ``term_off`` and ``art_meta_off`` (made while writing),
    and ``WEIGHT_ARRAYS`` when the segment is the whole index."""
    vocab: list[str]
    """Terms in term-id order (sorted by their UTF-8 bytes, see ``term_bytes``)."""
    articles: list[dict | bytes]
    """Per-article metadata: id, title, path, byline, date, url; or, for an article taken from an older
    segment, its JSON line as stored there (copied, not parsed and written again)."""
    texts: list[bytes]
    """Every article's text, UTF-8, in order; written end to end (``art_text_off`` cuts them), never joined in memory."""
    speakers: dict | None = None
    """With stored speakers (``SPEAKER_ARRAYS`` among ``arrays``): ``SPEAKERS_FILE``'s content, else None."""

    def entry(self) -> dict:
        """The segment's counts, as the manifest lists them."""
        return {"articles": len(self.articles), "passages": int(len(self.arrays["pas_start"])),
                "tokens": int(self.arrays["pas_tokens"].sum()), "length": int(self.arrays["pas_len"].sum(dtype=np.int64)),
                "terms": len(self.vocab), "weights": "post_extra" in self.arrays,
                **({"speakers": self.speakers["rules"]} if self.speakers is not None else {})}


@dataclass
class BuildData:
    """The build-wide state a build writes into its data folder, beside the segments."""

    words: list[tuple[str, int, int]] = field(default_factory=list)
    """Surface words, ``(spelling, count, times seen speaking)``, most frequent first (``words.bin``, see ``pack_words``)."""
    files: FileTable = field(default_factory=FileTable.empty)
    """The state of every candidate file (``file_*.npy`` and ``file_paths.bin``)."""
    file_seg: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    """Per file, the segment (its number in the manifest's list) holding its articles; -1 for none."""
    file_art: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    """Per file, its first article in that segment (its articles follow one another there)."""
    deleted: list[np.ndarray] = field(default_factory=list)
    """Per segment, its deleted articles (sorted article numbers in the segment)."""
    problems: dict[str, dict] = field(default_factory=dict)
    """Per path, what went wrong: ``{"reason": why it failed or was passed over, "warnings": [parts
    skipped]}``, for the few files that have any (``problems.json``), so each run can say it again."""
    word_counts: tuple[dict[str, int], dict[str, int]] = field(default_factory=lambda: ({}, {}))
    """Every spelling's count and every speaker's count (in ``words.bin``), so the next build
    updates the surface words from the files that changed instead of recounting the corpus."""


def write(index_dir: Path, segments: list[dict], data: BuildData, manifest: dict) -> None:
    """Write the new segments and the build's data folder, then swap the manifest to them atomically.

    ``segments`` lists the index's segments in order: an older one as its manifest entry, a new one as
    ``{"new": SegmentData, ...}`` (written here, into a ``seg-<id>`` folder of its own). The caller holds
    the write lock. ``manifest`` gets the folder names and checksums here. Whatever moment this dies
    at, the manifest names complete folders.
    """
    import uuid  # here, not at the top: reading an index (a cold ask) writes nothing

    index_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    swapped = False
    swap = ExitStack()
    try:
        entries = []
        for segment in segments:
            if "new" not in segment:
                entries.append(segment)
                continue
            seg_name = f"seg-{uuid.uuid4().hex[:12]}"
            made.append(index_dir / f".{seg_name}.tmp")
            checks = _write_segment(made[-1], segment["new"])
            os.rename(made[-1], index_dir / seg_name)
            made[-1] = index_dir / seg_name
            entries.append({**{k: v for k, v in segment.items() if k != "new"}, "name": seg_name, "checksums": checks})
        name = f"data-{uuid.uuid4().hex[:12]}"
        made.append(index_dir / f".{name}.tmp")
        checks = _write_state(made[-1], data)
        os.rename(made[-1], index_dir / name)
        made[-1] = index_dir / name
        manifest = dict(manifest, data=name, checksums=checks, segments=entries)
        staged = _staged_manifest(index_dir, manifest, uuid.uuid4().hex[:8])
        # from the last moment a Ctrl-C stops the build to the end, it is kept out: once the manifest is
        # swapped the build is done, and one that comes after is forgotten (see interrupts)
        swap.enter_context(interrupts.protected(raise_after=False))
        interrupts.check()
        os.replace(staged, index_dir / MANIFEST)
        swapped = True
        _fsync(index_dir)
    except BaseException as err:
        if not swapped:
            for folder in made:
                shutil.rmtree(folder, ignore_errors=True)
            for leftover in index_dir.glob(f".{MANIFEST}.*.tmp"):
                leftover.unlink(missing_ok=True)
        swap.close()
        if isinstance(err, OSError):
            raise unwritable(index_dir, err) from None
        raise
    with swap:
        interrupts.swapped()  # in ``qabot index``, a Ctrl-C from now on is only remembered (``hold_after_swap``)
        remove_stale(index_dir, keep={name, *(e["name"] for e in entries)})
    interrupts.settled()


def _write_segment(tmp: Path, seg: SegmentData) -> dict[str, dict]:
    """Write one segment's files into the new folder ``tmp``: their checksums."""
    tmp.mkdir()
    terms = [term_bytes(t) + b"\n" for t in seg.vocab]
    (tmp / "terms.txt").write_bytes(b"".join(terms))
    lines = [meta if isinstance(meta, bytes) else (json.dumps(meta, ensure_ascii=True) + "\n").encode("ascii")
             for meta in seg.articles]
    (tmp / "articles.jsonl").write_bytes(b"".join(lines))
    arrays = {**seg.arrays, "term_off": offsets(terms), "art_meta_off": offsets(lines)}
    for key in (*SEGMENT_ARRAYS, *WEIGHT_ARRAYS, *SPEAKER_ARRAYS):
        if key in arrays:
            np.save(tmp / f"{key}.npy", np.ascontiguousarray(arrays[key]), allow_pickle=False)
    with open(tmp / "text.bin", "wb") as out:
        out.writelines(seg.texts)
    if seg.speakers is not None:
        (tmp / SPEAKERS_FILE).write_text(json.dumps(seg.speakers, ensure_ascii=True), encoding="ascii")
    return _seal(tmp)


def _write_state(tmp: Path, data: BuildData) -> dict[str, dict]:
    """Write the build's data folder (file table, deletions, problems, words) into ``tmp``: its checksums."""
    tmp.mkdir()
    deleted_ptr = np.zeros(len(data.deleted) + 1, dtype=np.int64)
    np.cumsum([len(d) for d in data.deleted], out=deleted_ptr[1:])
    arrays = {**data.files.arrays(), "file_seg": data.file_seg.astype(np.int32), "file_art": data.file_art.astype(np.int64),
              "deleted": np.concatenate([np.zeros(0, np.int64), *data.deleted]).astype(np.int64), "deleted_ptr": deleted_ptr}
    for key in STATE_ARRAYS:
        np.save(tmp / f"{key}.npy", np.ascontiguousarray(arrays[key]), allow_pickle=False)
    (tmp / "file_paths.bin").write_bytes(data.files.path_blob())
    (tmp / "problems.json").write_text(json.dumps(data.problems, ensure_ascii=True), encoding="ascii")
    packed = pack_words(data.words, *data.word_counts)
    if packed is not None:
        (tmp / WORDS_FILE).write_bytes(packed)
    else:  # a spelling holding a NUL (never from the word finder): JSON, as indexes before WORDS_FILE have it
        (tmp / "words.json").write_text(json.dumps(data.words, ensure_ascii=False), encoding="utf-8")
        (tmp / "word_counts.json").write_text(json.dumps({"forms": data.word_counts[0], "spoke": data.word_counts[1]},
                                                         ensure_ascii=False), encoding="utf-8")
    return _seal(tmp)


def _seal(folder: Path) -> dict[str, dict]:
    """Checksum and flush every file of a new folder, then the folder. The files are done in a few threads:
    hashing and ``fsync`` let go of the GIL, and the file system flushes many files at once far faster
    than one after the other (38 small files: 0.25 s one by one, 0.03 s together, on the development VM)."""

    def seal(path: Path) -> tuple[str, dict]:
        return path.name, _sealed(path)

    from concurrent.futures import ThreadPoolExecutor  # here: a reader never writes

    with ThreadPoolExecutor(8) as pool:
        checks = dict(pool.map(seal, sorted(folder.iterdir())))
    _fsync(folder)
    return checks


def _sealed(path: Path) -> dict:
    """A written file's checksums as the manifest records them, the file flushed to disk."""
    check = {"size": path.stat().st_size, "sha256": file_sha256(path), "sample_crc32": sample_crc(path)}
    _fsync(path)
    return check


def _staged_manifest(index_dir: Path, manifest: dict, tag: str) -> Path:
    """``manifest`` written and flushed beside the index's own under a temporary name, for ``os.replace`` to swap in."""
    staged = index_dir / f".{MANIFEST}.{tag}.tmp"
    staged.write_text(json.dumps(manifest, indent=1, ensure_ascii=True), encoding="utf-8")
    _fsync(staged)
    return staged


def remove_stale(index_dir: Path, keep: set[str]) -> None:
    """Delete data and segment folders and temporary files that the manifest does not name.

    A folder a reader still has open (its shared lock is held) is left for a later build.
    """
    for entry in index_dir.iterdir():
        if entry.name in keep or entry.name in (MANIFEST, ".lock"):
            continue
        if entry.name.startswith(("data-", ".data-", "seg-", ".seg-", f".{MANIFEST}.")):
            if entry.is_dir():
                if entry.name.startswith(("data-", "seg-")) and _in_use(entry):
                    continue
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)


def _in_use(folder: Path) -> bool:
    """True when a reader holds the shared lock of a data folder."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases the lock, if it was taken
    return False


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def attach_speakers(index_dir: Path, name: str, arrays: dict[str, np.ndarray], stored: dict,
                    patience: float = 3600.0) -> bool:
    """Add stored speakers (``SPEAKER_ARRAYS`` and ``SPEAKERS_FILE``'s content ``stored``) to segment ``name`` of the
    index at ``index_dir``, as the speaker pass makes them after a build: the files are written and checksummed beside
    the segment's own under temporary names, then, holding the write lock for a few milliseconds, put in place and the
    manifest swapped to name them. False, and nothing changed, when the manifest no longer names the segment (a build
    merged it away meanwhile). Files of the same name an older manifest named are replaced, not rewritten: a reader
    that has them mapped keeps reading what it mapped. A build holding the lock is waited for (``patience`` seconds at
    most, then IndexLocked)."""
    import uuid  # as in ``write``

    folder = index_dir / name
    tag = uuid.uuid4().hex[:8]
    staged: dict[str, Path] = {}
    try:
        if not folder.is_dir():
            return False  # a build removed it (merged away): what was made for it is not wanted
        for left in [*folder.glob(".spk_*.tmp"), *folder.glob(f".{SPEAKERS_FILE}.*.tmp")]:
            left.unlink(missing_ok=True)  # of a pass killed before it could put them in place (one runs at a time)
        for key in SPEAKER_ARRAYS:
            staged[f"{key}.npy"] = folder / f".{key}.{tag}.tmp"
            with open(staged[f"{key}.npy"], "wb") as out:
                np.save(out, np.ascontiguousarray(arrays[key]), allow_pickle=False)
        staged[SPEAKERS_FILE] = folder / f".{SPEAKERS_FILE}.{tag}.tmp"
        staged[SPEAKERS_FILE].write_text(json.dumps(stored, ensure_ascii=True), encoding="ascii")
        checks = {final: _sealed(path) for final, path in staged.items()}
        with write_lock(index_dir, patience):
            manifest = read_manifest(index_dir)
            entries = manifest.get("segments", []) if manifest else []
            at = next((i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("name") == name), None)
            if at is None:
                return False

            def swap_to(entry: dict) -> None:
                nonlocal manifest
                manifest = dict(manifest, segments=[*entries[:at], entry, *entries[at + 1:]])
                os.replace(_staged_manifest(index_dir, manifest, tag), index_dir / MANIFEST)
                _fsync(index_dir)

            own = {k: v for k, v in entries[at]["checksums"].items() if k not in checks}
            if len(own) < len(entries[at]["checksums"]):  # it names files of older rules: first a manifest without
                swap_to({k: v for k, v in entries[at].items() if k != "speakers"} | {"checksums": own})  # them
            for final, path in staged.items():
                os.replace(path, folder / final)
            _fsync(folder)
            swap_to(dict(entries[at], speakers=stored["rules"], checksums={**own, **checks}))
        return True
    except FileNotFoundError:
        if not folder.is_dir():
            return False  # removed while the files were written
        raise unwritable(index_dir, FileNotFoundError(2, "No such file or directory")) from None
    except OSError as err:
        raise unwritable(index_dir, err) from None
    finally:
        for path in staged.values():
            path.unlink(missing_ok=True)
