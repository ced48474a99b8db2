"""The index on disk: a folder with a versioned JSON manifest, segments of numpy arrays opened with
mmap, and a data folder of build-wide state.

Layout of ``index/``::

    manifest.json        format version, settings, the folders indexed, live counts, the data folder in
                         use and its checksums, and the segments in order, each with its counts, its
                         deleted counts and its checksums (small, whatever the corpus)
    seg-<id>/            one segment, never changed once written: *.npy arrays, terms.txt, articles.jsonl,
                         text.bin (its own articles, passages, terms and postings, with local ids)
    data-<id>/           one build's state: the per-file table (file_*.npy, file_paths.bin, where each
                         file's articles are), each segment's deleted articles, problems.json, word counts
    .lock                held while a build writes

Segments work as Lucene's do. A full build writes one segment. An update writes the new and changed
files as a new segment and marks the articles they replace, and removed files' articles, deleted in the
older segments (a new data folder holds the deletions; the old segments are not rewritten). Readers
number live articles and passages across the segments, so ids have no holes, and score with the live
corpus's statistics (``bm25.LiveBM25``): the same scores as a fresh build of the same files. Segments
merge when a tier of similar sizes holds too many (``segments.plan``), and ``qabot index --merge`` merges
them all into one, which also keeps the BM25 weights precomputed (the fastest to search).

Integrity: the manifest records each file's size, SHA-256, and a CRC-32 of sampled blocks (the whole file
when it is small). Opening an index checks sizes and the sampled CRCs: a bounded read (at most
``SAMPLE_BLOCKS`` x ``SAMPLE_SIZE`` bytes per file) however large the index, which catches truncation,
a swapped or rewritten file, and most alterations. ``qabot index --verify`` checks every byte against
the SHA-256. A reader holds a shared lock on every folder it uses, so a build that finishes meanwhile
leaves them for a later build to remove.

A build writes new folders, then replaces ``manifest.json`` with ``os.replace``: whatever moment a build
dies at, the manifest names complete folders, so the previous index keeps working. Folders no manifest
names are removed after the swap (or by the next build).
"""

from __future__ import annotations

import bisect
import fcntl
import json
import os
import shutil
import zlib
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from .analysis import ANALYZER_VERSION
from .bm25 import BM25, BM25Params, LiveBM25, Part, okapi_mean
from .errors import IndexDamaged, IndexLocked, IndexMissing, IndexUnwritable
from .corpus import FileTable, Listing, changes, display, list_files, split_paths
from .model import Article, Passage
from .segments import Holes

FORMAT = "qabot-index"
FORMAT_VERSION = 4
MANIFEST = "manifest.json"

SEGMENT_ARRAYS = (
    "art_text_off", "art_para_ptr", "para_start", "para_end", "art_pas_ptr",
    "pas_para", "pas_start", "pas_end", "pas_tokens", "pas_len", "pas_sent_ptr",
    "sent_start", "sent_end", "post_ptr", "post_doc", "post_tf", "term_off", "art_meta_off",
)
"""Every array of a segment, each saved as ``<name>.npy``.

``term_off`` cuts ``terms.txt`` (the segment's terms, UTF-8, sorted by their bytes, one per line) and
``art_meta_off`` cuts ``articles.jsonl`` (one JSON object per line), so a reader looks up a term
by binary search and reads one article's metadata without loading the rest."""
PASSAGE_ARRAYS = ("pas_para", "pas_start", "pas_end", "pas_tokens", "pas_len")
"""The arrays of one value per passage: sliced and joined as they are when segments merge. A new one
is named here, in ``SEGMENT_ARRAYS`` and as a field of ``build.Block``."""
PARAGRAPH_ARRAYS = ("para_start", "para_end")
"""One value per paragraph (``art_para_ptr`` cuts them by article)."""
SENTENCE_ARRAYS = ("sent_start", "sent_end")
"""One value per sentence (``pas_sent_ptr`` cuts them by passage)."""
WEIGHT_ARRAYS = ("post_extra", "term_base")
"""BM25 weights of the build's scoring, stored only in a segment written as a whole index (a full build
or a merge of everything): used while it is the only segment and nothing in it is deleted."""
SEGMENT_FILES = ("terms.txt", "articles.jsonl", "text.bin")
STATE_ARRAYS = (*FileTable.ARRAYS, "file_seg", "file_art", "deleted", "deleted_ptr")
"""The data folder's arrays: the file table, where each file's articles are (segment number, first
article in it), and each segment's deleted articles (``deleted_ptr`` cuts ``deleted`` by segment)."""
STATE_FILES = ("file_paths.bin", "problems.json")
ARRAYS = (*SEGMENT_ARRAYS, *WEIGHT_ARRAYS, *STATE_ARRAYS)


SAMPLE_SIZE = 16 * 1024
"""Bytes per sampled block of the cheap check."""
SAMPLE_BLOCKS = 8
"""Sampled blocks per file (first and last included); a file no larger than all of them is read whole."""


def sample_crc(path: Path) -> int:
    """CRC-32 of ``SAMPLE_BLOCKS`` evenly spaced blocks of the file (of all of it when small)."""
    size = path.stat().st_size
    crc = 0
    with open(path, "rb") as handle:
        if size <= SAMPLE_SIZE * SAMPLE_BLOCKS:
            return zlib.crc32(handle.read())
        last = size - SAMPLE_SIZE
        for i in range(SAMPLE_BLOCKS):
            handle.seek(last * i // (SAMPLE_BLOCKS - 1))
            crc = zlib.crc32(handle.read(SAMPLE_SIZE), crc)
    return crc


def state_dir() -> Path:
    """Where qabot keeps its state (history): ``$QABOT_STATE_DIR``, else ``$XDG_STATE_HOME/qabot``."""
    if os.environ.get("QABOT_STATE_DIR"):
        return Path(os.environ["QABOT_STATE_DIR"])
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "qabot"


@contextmanager
def write_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's write lock; a second writer is refused at once with a clear message."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        handle = open(index_dir / ".lock", "a+")
    except OSError as err:
        raise unwritable(index_dir, err) from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexLocked(f"another qabot index is writing {index_dir}; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def wait_for_first_build(index_dir: Path, say: Callable[[], None]) -> bool:
    """Wait while a build holds the index's write lock (calling ``say`` first); True when there was one."""
    try:
        handle = open(index_dir / ".lock", "rb")
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            say()
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH)
            return True
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def damaged(index_dir: Path, why: str) -> IndexDamaged:
    """The error for a damaged index, with the one-line fix."""
    return IndexDamaged(f"the index at {index_dir} is damaged: {why}; run qabot index")


def unwritable(index_dir: Path, err: OSError) -> IndexUnwritable:
    """The error for an index that cannot be written, with the OS's reason."""
    reason = (err.strerror or type(err).__name__).lower()
    return IndexUnwritable(f"cannot write the index at {index_dir}: {reason}; the previous index, if any, is unchanged")


def read_manifest(index_dir: Path) -> dict | None:
    """The manifest of the index at ``index_dir``, or None when there is no index there.

    Raises IndexDamaged when the manifest cannot be read or is not a qabot manifest.
    """
    path = index_dir / MANIFEST
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise IndexDamaged(f"the index at {index_dir} cannot be read: {err.strerror}; run qabot index") from None
    try:
        manifest = json.loads(raw)
    except ValueError:
        raise damaged(index_dir, "manifest.json is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged(index_dir, "manifest.json is not a qabot manifest")
    if manifest.get("version") == FORMAT_VERSION:  # another version's manifest: its version is the message
        _check_manifest(index_dir, manifest)
    return manifest


def salvage_roots(index_dir: Path) -> list[str] | None:
    """The folders a damaged index's manifest still names, when it names them readably."""
    try:
        roots = json.loads((index_dir / MANIFEST).read_bytes()).get("roots")
    except (OSError, ValueError, AttributeError):
        return None
    return roots if isinstance(roots, list) and roots and all(isinstance(r, str) for r in roots) else None


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

    def entry(self) -> dict:
        """The segment's counts, as the manifest lists them."""
        return {"articles": len(self.articles), "passages": int(len(self.arrays["pas_start"])),
                "tokens": int(self.arrays["pas_tokens"].sum()), "length": int(self.arrays["pas_len"].sum(dtype=np.int64)),
                "terms": len(self.vocab), "weights": "post_extra" in self.arrays}


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
        staged = index_dir / f".{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp"
        staged.write_text(json.dumps(manifest, indent=1, ensure_ascii=True), encoding="utf-8")
        _fsync(staged)
        os.replace(staged, index_dir / MANIFEST)
        swapped = True
        _fsync(index_dir)
    except BaseException as err:
        if not swapped:
            for folder in made:
                shutil.rmtree(folder, ignore_errors=True)
        if isinstance(err, OSError):
            raise unwritable(index_dir, err) from None
        raise
    remove_stale(index_dir, keep={name, *(e["name"] for e in entries)})


def _write_segment(tmp: Path, seg: SegmentData) -> dict[str, dict]:
    """Write one segment's files into the new folder ``tmp``: their checksums."""
    tmp.mkdir()
    terms = [term_bytes(t) + b"\n" for t in seg.vocab]
    (tmp / "terms.txt").write_bytes(b"".join(terms))
    lines = [meta if isinstance(meta, bytes) else (json.dumps(meta, ensure_ascii=True) + "\n").encode("ascii")
             for meta in seg.articles]
    (tmp / "articles.jsonl").write_bytes(b"".join(lines))
    arrays = {**seg.arrays, "term_off": _offsets(terms), "art_meta_off": _offsets(lines)}
    for key in (*SEGMENT_ARRAYS, *WEIGHT_ARRAYS):
        if key in arrays:
            np.save(tmp / f"{key}.npy", np.ascontiguousarray(arrays[key]), allow_pickle=False)
    with open(tmp / "text.bin", "wb") as out:
        out.writelines(seg.texts)
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


WORDS_FILE = "words.bin"
"""The surface words and every spelling's and speaker's count in one binary file (``pack_words``); an index
written before it has them as ``words.json`` and ``word_counts.json``, which are still read."""
_WORDS_MAGIC = b"QAWORDS1"


def pack_words(words: list[tuple[str, int, int]], forms: Mapping[str, int], spoke: Mapping[str, int]) -> bytes | None:
    """``words.bin``: a magic, the three list lengths and the three text lengths (int64), the counts as int64
    arrays (words' counts, words' times speaking, forms' counts, speakers' counts), then the spellings of each
    list NUL-separated. Reading it back takes a sixth of the time of the JSON it replaces (about 10 against 75 ms
    at 33k files). None when a spelling holds a NUL (then the JSON files are written)."""
    lists = [[w for w, _, _ in words], list(forms), list(spoke)]
    texts = ["\0".join(names).encode("utf-8", "surrogatepass") for names in lists]
    if any(text.count(b"\0") != max(len(names) - 1, 0) for text, names in zip(texts, lists)):
        return None
    counts = [np.fromiter((c for _, c, _ in words), np.int64, len(words)),
              np.fromiter((n for _, _, n in words), np.int64, len(words)),
              np.fromiter(forms.values(), np.int64, len(forms)), np.fromiter(spoke.values(), np.int64, len(spoke))]
    head = np.array([*map(len, lists), *map(len, texts)], "<i8")
    return b"".join([_WORDS_MAGIC, head.tobytes(), *(c.astype("<i8").tobytes() for c in counts), *texts])


def unpack_words(raw: bytes) -> tuple[list[tuple[str, int, int]], Counter, Counter]:
    """The words, forms and speakers of ``pack_words``; ValueError when ``raw`` is not such a file."""
    if raw[:8] != _WORDS_MAGIC or len(raw) < 56:
        raise ValueError("not a words file")
    n_words, n_forms, n_spoke, *sizes = (int(x) for x in np.frombuffer(raw, "<i8", 6, 8))
    start = 56 + 8 * (2 * n_words + n_forms + n_spoke)
    if min(n_words, n_forms, n_spoke, *sizes) < 0 or len(raw) != start + sum(sizes):
        raise ValueError("not a words file")
    numbers = np.frombuffer(raw, "<i8", 2 * n_words + n_forms + n_spoke, 56).tolist()
    names = []
    for n, size in zip((n_words, n_forms, n_spoke), sizes):
        text = raw[start:start + size].decode("utf-8", "surrogatepass").split("\0") if n else []
        if len(text) != n:
            raise ValueError("not a words file")
        names.append(text)
        start += size
    at = 2 * n_words
    words = list(zip(names[0], numbers[:n_words], numbers[n_words:at]))
    forms, spoke = Counter(), Counter()
    dict.update(forms, zip(names[1], numbers[at:at + n_forms]))  # as stored, not counted again
    dict.update(spoke, zip(names[2], numbers[at + n_forms:]))
    return words, forms, spoke


def _seal(folder: Path) -> dict[str, dict]:
    """Checksum and flush every file of a new folder, then the folder. The files are done in a few threads:
    hashing and ``fsync`` let go of the GIL, and the file system flushes many files at once far faster
    than one after the other (38 small files: 0.25 s one by one, 0.03 s together, on the development VM)."""

    def seal(path: Path) -> tuple[str, dict]:
        check = {"size": path.stat().st_size, "sha256": _sha256(path), "sample_crc32": sample_crc(path)}
        _fsync(path)
        return path.name, check

    from concurrent.futures import ThreadPoolExecutor  # here: a reader never writes

    with ThreadPoolExecutor(8) as pool:
        checks = dict(pool.map(seal, sorted(folder.iterdir())))
    _fsync(folder)
    return checks


def term_bytes(term: str) -> bytes:
    """A term as stored and compared in ``terms.txt``."""
    return term.encode("utf-8", errors="surrogatepass")


def _offsets(pieces: list[bytes]) -> np.ndarray:
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


def _sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    import hashlib  # only writing and --verify need it (OpenSSL's start-up is a few ms of a cold ask)

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_SEGMENT_COUNTS = ("articles", "passages", "tokens", "length", "terms")


def _check_manifest(index_dir: Path, manifest: dict) -> None:
    """The manifest has every field a reader needs, of the right type (IndexDamaged otherwise)."""
    fields = {"data": str, "checksums": dict, "settings": dict, "counts": dict, "roots": list, "segments": list}
    for name, kind in fields.items():
        if not isinstance(manifest.get(name), kind):
            raise damaged(index_dir, f"manifest.json has no valid '{name}'")
    if not all(isinstance(r, str) for r in manifest["roots"]):
        raise damaged(index_dir, "manifest.json has no valid 'roots'")
    if not _folder_name(manifest["data"], "data-"):
        raise damaged(index_dir, "manifest.json names no data folder")
    counts = manifest["counts"]
    if not all(isinstance(counts.get(k), int) for k in ("articles", "passages")) or not isinstance(
            manifest["settings"].get("bm25"), dict):
        raise damaged(index_dir, "manifest.json has no valid counts or settings")
    for seg in manifest["segments"]:
        if not (isinstance(seg, dict) and _folder_name(seg.get("name"), "seg-") and isinstance(seg.get("checksums"), dict)
                and all(isinstance(seg.get(k), int) for k in _SEGMENT_COUNTS)
                and isinstance(seg.get("deleted", {}), dict)
                and all(isinstance(v, int) for v in seg.get("deleted", {}).values())):
            raise damaged(index_dir, "manifest.json has no valid 'segments'")


def _folder_name(name: object, prefix: str) -> bool:
    """True when ``name`` is a folder of the index (no path)."""
    return isinstance(name, str) and name.startswith(prefix) and "/" not in name and "\\" not in name and ".." not in name


class _Folder:
    """A folder of the index (the data folder or a segment) whose files the manifest checksums; read with
    ``pread`` and memory maps, held with a shared lock while open so that no build removes it."""

    def __init__(self, index: "Index", name: str, checksums: dict, required: tuple[str, ...], what: str):
        self.index = index
        self.name = name
        self.dir = index.dir / name
        self.checksums = checksums
        self.required = required
        self.what = what
        self._arrays: dict[str, np.ndarray] = {}
        self._files: dict[str, int] = {}
        self._pin: int | None = None

    def damaged(self, why: str) -> IndexDamaged:
        return self.index.damaged(why)

    def hold(self) -> bool:
        """Take a shared lock on the folder so no build removes it while in use; False if it is gone."""
        try:
            fd = os.open(self.dir, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return False
        fcntl.flock(fd, fcntl.LOCK_SH)
        if not self.dir.is_dir():  # removed between the open and the lock
            os.close(fd)
            return False
        self._pin = fd
        return True

    def close(self) -> None:
        """Release the folder (arrays already mapped stay readable; files are opened again when read)."""
        for fd in self._files.values():
            os.close(fd)
        self._files = {}
        if self._pin is not None:
            pin, self._pin = self._pin, None
            os.close(pin)

    def check_sizes(self) -> None:
        """Every file the manifest lists exists with its recorded size."""
        if not self.dir.is_dir():
            raise self.damaged(f"{self.what} {self.name} is missing")
        missing = [name for name in self.required if name not in self.checksums]
        if missing:
            raise self.damaged(f"manifest.json has no checksum for {missing[0]}")
        for name, info in self.checksums.items():
            try:
                size = (self.dir / name).stat().st_size
            except OSError:
                raise self.damaged(f"{name} is missing") from None
            if not isinstance(info, dict) or size != info.get("size"):
                raise self.damaged(f"{name} has {size} bytes, expected {info.get('size') if isinstance(info, dict) else '?'}")

    def check(self) -> None:
        """Sizes, and the CRC-32 of sampled blocks of each file."""
        self.check_sizes()
        for name, info in self.checksums.items():
            expected = info.get("sample_crc32")
            if expected is not None and sample_crc(self.dir / name) != expected:
                raise self.damaged(f"{name} does not match its checksum")

    def verify(self) -> None:
        """Every file's SHA-256 against the manifest. Damage only this finds is mended by ``qabot index
        --merge``, which verifies every segment before it rewrites them (an update leaves them be)."""
        self.check()
        for name, info in self.checksums.items():
            if _sha256(self.dir / name) != info.get("sha256"):
                raise IndexDamaged(f"the index at {self.index.dir} is damaged: {name} does not match its checksum; "
                                   "run qabot index --merge")

    def array(self, name: str) -> np.ndarray:
        """One array, memory-mapped (``np.asarray`` over the map, so slicing stays cheap)."""
        if name not in self._arrays:
            try:
                self._arrays[name] = np.asarray(np.load(self.dir / f"{name}.npy", mmap_mode="r", allow_pickle=False))
            except (OSError, ValueError) as err:
                raise self.damaged(f"{name}.npy cannot be read ({str(err).splitlines()[0][:60]})") from None
        return self._arrays[name]

    def has(self, name: str) -> bool:
        """True when the folder holds the file ``name``."""
        return name in self.checksums

    def read(self, name: str, start: int, end: int) -> bytes:
        """Bytes ``start:end`` of one file, read with ``pread`` (not mapped: a question that touches
        a few hundred articles must not map, and count as resident, the pages around each of them)."""
        fd = self._files.get(name)
        if fd is None:
            try:
                fd = self._files[name] = os.open(self.dir / name, os.O_RDONLY)
            except OSError as err:
                raise self.damaged(f"{name} cannot be read ({err.strerror})") from None
        data = os.pread(fd, end - start, start)
        if len(data) != end - start:
            raise self.damaged(f"{name} is shorter than its offsets say")
        return data

    def read_all(self, name: str) -> bytes:
        """A whole file."""
        info = self.checksums.get(name)
        return self.read(name, 0, info["size"]) if isinstance(info, dict) and isinstance(info.get("size"), int) else b""


class Segment(_Folder):
    """One segment of an open index: its own articles, passages, terms and postings (local ids)."""

    def __init__(self, index: "Index", entry: dict):
        required = (*(f"{a}.npy" for a in SEGMENT_ARRAYS), *SEGMENT_FILES)
        super().__init__(index, entry["name"], entry["checksums"], required, "segment folder")
        self.entry = entry
        self.n_articles = int(entry["articles"])
        self.n_passages = int(entry["passages"])

    @cached_property
    def vocab(self) -> Vocab:
        """Term to local term id (a read-only mapping over the memory-mapped sorted terms)."""
        path = self.dir / "terms.txt"
        try:
            blob = np.memmap(path, dtype=np.uint8, mode="r") if path.stat().st_size else b""
        except OSError:
            raise self.damaged("terms.txt cannot be read") from None
        vocab = Vocab(blob, self.array("term_off"))
        if len(vocab) != self.entry["terms"]:
            raise self.damaged("terms.txt does not match the term count")
        return vocab

    @cached_property
    def terms(self) -> list[str]:
        """Local term ids to terms."""
        return self.vocab.terms()

    def meta_lines(self, lo: int, hi: int) -> list[bytes]:
        """Articles ``lo:hi``'s metadata as stored (JSON lines)."""
        off = self.array("art_meta_off")
        lines = self.read("articles.jsonl", int(off[lo]), int(off[hi])).splitlines(keepends=True)
        if len(lines) != hi - lo:
            raise self.damaged("articles.jsonl does not match its offsets")
        return lines

    def meta(self, a: int) -> dict:
        """Article ``a``'s metadata (only its own line is read)."""
        off = self.array("art_meta_off")
        try:
            return json.loads(self.read("articles.jsonl", int(off[a]), int(off[a + 1])))
        except ValueError:
            raise self.damaged("articles.jsonl cannot be read") from None

    def text(self, a: int) -> str:
        """Article ``a``'s text."""
        off = self.array("art_text_off")
        return self.read("text.bin", int(off[a]), int(off[a + 1])).decode("utf-8", errors="replace")


def _locate(first: list[int], holes: list, i: int) -> tuple[int, int]:
    """``(segment, row in it)`` of live row ``i``, given each segment's first live row (``first``, with the
    total last) and its deletions (``holes``, None where it has none)."""
    if not 0 <= i < first[-1]:
        raise IndexError(i)
    s = bisect.bisect_right(first, i) - 1
    local = i - first[s]
    return s, holes[s].local(local) if holes[s] is not None else local


class Index:
    """An index opened for reading: its segments' arrays memory-mapped, text and metadata read when needed.

    Articles and passages are numbered across the segments, in the manifest's order, deleted ones left
    out: ids run from 0 to ``n_articles`` and ``n_passages`` as in an index built afresh."""

    def __init__(self, index_dir: Path, manifest: dict):
        self.dir = index_dir
        self.manifest = manifest
        self.data_dir = index_dir / manifest["data"]
        self.state = _Folder(self, manifest["data"], manifest["checksums"],
                             (*(f"{a}.npy" for a in STATE_ARRAYS), *STATE_FILES), "data folder")
        self.segments = [Segment(self, entry) for entry in manifest["segments"]]

    @classmethod
    def open(cls, index_dir: Path) -> "Index":
        """Open the index at ``index_dir``; IndexMissing or IndexDamaged when it cannot be used."""
        for attempt in range(3):
            manifest = read_manifest(index_dir)
            if manifest is None:
                raise IndexMissing(f"no index at {index_dir}; run qabot index first")
            version = manifest.get("version")
            if version != FORMAT_VERSION:
                newer = isinstance(version, int) and version > FORMAT_VERSION
                raise IndexDamaged(
                    f"the index at {index_dir} has format version {version}, this qabot reads version "
                    f"{FORMAT_VERSION}{' (it was built by a newer qabot)' if newer else ''}; run qabot index to rebuild it"
                )
            index = cls(index_dir, manifest)
            if index._hold() or attempt == 2:
                break
            # a build swapped the manifest and removed these folders meanwhile: read the manifest again
            index.close()
        index.check()
        return index

    def _folders(self) -> list[_Folder]:
        return [self.state, *self.segments]

    def _hold(self) -> bool:
        """Hold every folder of the index; False when one is gone."""
        return all([folder.hold() for folder in self._folders()])

    def close(self) -> None:
        """Release the index's folders (arrays already mapped stay readable)."""
        for folder in getattr(self, "segments", []):
            folder.close()
        if hasattr(self, "state"):
            self.state.close()

    def __del__(self) -> None:
        self.close()

    def damaged(self, why: str) -> IndexDamaged:
        """The error for a damaged index, with the one-line fix."""
        return damaged(self.dir, why)

    def check_sizes(self) -> None:
        """Every file the manifest lists exists with its recorded size."""
        for folder in self._folders():
            folder.check_sizes()

    def check(self) -> None:
        """The cheap check run on every open: sizes, and the CRC-32 of sampled blocks of each file."""
        self.check_sizes()
        for folder in self._folders():
            folder.check()
        self._layout  # the deletions must fit the segments

    def verify(self) -> None:
        """Full integrity check: every file's SHA-256 against the manifest."""
        for folder in self._folders():
            folder.verify()

    @property
    def settings(self) -> dict:
        """The settings the index was built with."""
        return self.manifest["settings"]

    @property
    def counts(self) -> dict:
        """Files, articles, passages and tokens (live ones), and segments."""
        return self.manifest["counts"]

    @property
    def n_articles(self) -> int:
        """Number of articles."""
        return int(self.counts["articles"])

    @property
    def n_passages(self) -> int:
        """Number of passages."""
        return int(self.counts["passages"])

    # -- the segments as one index -------------------------------------------------------------------

    def deleted(self, s: int) -> np.ndarray:
        """Segment ``s``'s deleted articles (sorted article numbers in the segment)."""
        ptr = self.state.array("deleted_ptr")
        return np.asarray(self.state.array("deleted")[int(ptr[s]):int(ptr[s + 1])])

    @cached_property
    def _layout(self) -> tuple[list[int], list[int], list, list]:
        """``(first article, first passage, article holes, passage holes)`` per segment (holes None when
        nothing of it is deleted); the firsts have one more entry, the totals."""
        ptr = self.state.array("deleted_ptr")
        if len(ptr) != len(self.segments) + 1:
            raise self.damaged("the deletions do not match the segments")
        art_first, pas_first, art_holes, pas_holes = [0], [0], [], []
        for s, seg in enumerate(self.segments):
            gone = self.deleted(s)
            if len(gone) and (gone[0] < 0 or gone[-1] >= seg.n_articles or (np.diff(gone) <= 0).any()):
                raise self.damaged("the deletions do not match the segments")
            if len(gone):
                app = seg.array("art_pas_ptr")
                holes = Holes.of_ids(gone)
                passages = Holes.of_ranges(np.asarray(app[gone]), np.asarray(app[gone + 1]))
            else:
                holes = passages = None
            art_holes.append(holes)
            pas_holes.append(passages)
            art_first.append(art_first[-1] + seg.n_articles - (holes.count if holes else 0))
            pas_first.append(pas_first[-1] + seg.n_passages - (passages.count if passages else 0))
        if art_first[-1] != self.n_articles or pas_first[-1] != self.n_passages:
            raise self.damaged("the segments do not match the article and passage counts")
        return art_first, pas_first, art_holes, pas_holes

    def _article_at(self, i: int) -> tuple[int, int]:
        """``(segment, article in it)`` of article ``i``."""
        art_first, _, holes, _ = self._layout
        return _locate(art_first, holes, i)

    def _passage_at(self, p: int) -> tuple[int, int]:
        """``(segment, passage in it)`` of passage ``p``."""
        _, pas_first, _, holes = self._layout
        return _locate(pas_first, holes, p)

    def _article_id(self, s: int, a: int) -> int:
        """The id of live article ``a`` of segment ``s``."""
        art_first, _, holes, _ = self._layout
        return art_first[s] + (int(holes[s].rank(np.array([a]))[0]) if holes[s] is not None else a)

    def _passage_id(self, s: int, p: int) -> int:
        """The id of live passage ``p`` of segment ``s``."""
        _, pas_first, _, holes = self._layout
        return pas_first[s] + (int(holes[s].rank(np.array([p]))[0]) if holes[s] is not None else p)

    def live_articles(self, s: int) -> np.ndarray:
        """Segment ``s``'s live articles, ascending."""
        holes = self._layout[2][s]
        return holes.kept(self.segments[s].n_articles) if holes is not None else np.arange(self.segments[s].n_articles)

    def article(self, i: int) -> Article:
        """Article ``i`` with its text (read from disk now)."""
        s, a = self._article_at(i)
        seg = self.segments[s]
        meta = seg.meta(a)
        pp = seg.array("art_para_ptr")
        lo, hi = int(pp[a]), int(pp[a + 1])
        starts, ends = seg.array("para_start")[lo:hi], seg.array("para_end")[lo:hi]
        return Article(
            id=meta["id"], title=meta["title"], path=display(meta["path"]), text=seg.text(a),
            paragraphs=tuple(zip(starts.tolist(), ends.tolist())),
            byline=meta.get("byline"), date=meta.get("date"), url=meta.get("url"), role=meta.get("role"),
        )

    def article_meta(self, i: int) -> dict:
        """Article ``i``'s metadata without its text (only its own line is read)."""
        s, a = self._article_at(i)
        return self.segments[s].meta(a)

    def all_meta(self) -> list[dict]:
        """Every article's metadata, in order (one pass over each segment's articles.jsonl)."""
        out = []
        try:
            for s, seg in enumerate(self.segments):
                lines = seg.read_all("articles.jsonl").decode("ascii").splitlines()
                holes = self._layout[2][s]
                keep = holes.kept(len(lines)).tolist() if holes is not None else range(len(lines))
                out.extend(json.loads(lines[a]) for a in keep)
        except (ValueError, IndexError):
            raise self.damaged("articles.jsonl cannot be read") from None
        return out

    def article_passages(self, i: int) -> range:
        """The ids of article ``i``'s passages, in order."""
        s, a = self._article_at(i)
        app = self.segments[s].array("art_pas_ptr")
        lo, hi = int(app[a]), int(app[a + 1])
        first = self._passage_id(s, lo) if hi > lo else 0
        return range(first, first + hi - lo)

    def passage_counts(self) -> list[int]:
        """Every article's number of passages, in order."""
        out: list[int] = []
        for s, seg in enumerate(self.segments):
            counts = np.diff(seg.array("art_pas_ptr"))
            out.extend(counts[self.live_articles(s)].tolist())
        return out

    def passage_article(self, p: int) -> int:
        """The article index of passage ``p``."""
        s, local = self._passage_at(p)
        a = int(np.searchsorted(self.segments[s].array("art_pas_ptr"), local, side="right") - 1)
        return self._article_id(s, a)

    def passage(self, p: int) -> Passage:
        """Passage ``p``."""
        s, lp = self._passage_at(p)
        seg = self.segments[s]
        sp = seg.array("pas_sent_ptr")
        lo, hi = int(sp[lp]), int(sp[lp + 1])
        a = int(np.searchsorted(seg.array("art_pas_ptr"), lp, side="right") - 1)
        return Passage(
            article=self._article_id(s, a), paragraph=int(seg.array("pas_para")[lp]),
            start=int(seg.array("pas_start")[lp]), end=int(seg.array("pas_end")[lp]),
            sentences=tuple(zip(seg.array("sent_start")[lo:hi].tolist(), seg.array("sent_end")[lo:hi].tolist())),
            tokens=int(seg.array("pas_tokens")[lp]),
        )

    @property
    def pristine(self) -> bool:
        """True when the index is one segment with nothing deleted (as a full build or a merge leaves it)."""
        return len(self.segments) == 1 and self._layout[3][0] is None

    def _only(self) -> Segment:
        """The one segment of a pristine index (for the term-id views below)."""
        if not self.pristine:
            raise ValueError("this view needs an index of one segment with nothing deleted (qabot index --merge)")
        return self.segments[0]

    def array(self, name: str) -> np.ndarray:
        """One array of a pristine index (segment or data folder)."""
        if name in STATE_ARRAYS:
            return self.state.array(name)
        return self._only().array(name)

    @property
    def vocab(self) -> Vocab:
        """Term to term id of a pristine index."""
        return self._only().vocab

    @cached_property
    def terms(self) -> list[str]:
        """Every live term, sorted by its bytes (term ids of a pristine index)."""
        if self.pristine:
            return self.segments[0].terms
        return [t.decode("utf-8", errors="surrogatepass") for t in self.live_terms()[0]]

    @property
    def n_terms(self) -> int:
        """How many distinct terms the live passages hold."""
        return self.segments[0].entry["terms"] if self.pristine else len(self.live_terms()[0])

    def live_terms(self) -> tuple[list[bytes], np.ndarray]:
        """Every term the live passages hold (as stored, sorted) and its document frequency; reads
        every segment's terms and, for a segment with deletions, its postings."""
        if self.pristine:
            seg = self.segments[0]
            return [term_bytes(t) for t in seg.terms], np.diff(seg.array("post_ptr"))
        keys: list[bytes] = []
        dfs = []
        for seg, holes in zip(self.segments, self._layout[3]):
            blob = seg.read_all("terms.txt")
            keys.extend(blob.split(b"\n")[:len(seg.vocab)])
            ptr = np.asarray(seg.array("post_ptr"))
            if holes is None:
                dfs.append(np.diff(ptr))
            elif len(ptr) > 1:
                live = holes.live(np.arange(seg.n_passages))
                dfs.append(np.add.reduceat(live[seg.array("post_doc")].astype(np.int64), ptr[:-1]))
        if not keys:
            return [], np.zeros(0, np.int64)
        unique, inverse = np.unique(np.array(keys, dtype=object), return_inverse=True)
        df = np.zeros(len(unique), dtype=np.int64)
        np.add.at(df, inverse, np.concatenate(dfs))
        used = df > 0
        return unique[used].tolist(), df[used]

    def bm25(self, params: BM25Params | None = None) -> BM25:
        """The BM25 scorer: the stored weights when the index is pristine and ``params`` match the build's,
        else weighed per query term from the live corpus's statistics (the same scores)."""
        built = BM25Params(**self.settings["bm25"])
        params = params or built
        if self.pristine and params == built and self.segments[0].entry.get("weights"):
            seg = self.segments[0]
            return BM25(seg.array("post_ptr"), seg.array("post_doc"), seg.array("post_extra"), seg.array("term_base"),
                        self.n_passages, vocab=seg.vocab)
        _, pas_first, _, holes = self._layout
        parts = [Part(seg.vocab, seg.array("post_ptr"), seg.array("post_doc"), seg.array("post_tf"), seg.array("pas_len"),
                      pas_first[s], holes[s]) for s, seg in enumerate(self.segments) if pas_first[s + 1] > pas_first[s]]
        length = sum(seg.entry["length"] - seg.entry.get("deleted", {}).get("length", 0) for seg in self.segments)
        return LiveBM25(parts, self.n_passages, length, params, lambda: okapi_mean(self.live_terms()[1], self.n_passages))

    # -- the data folder -----------------------------------------------------------------------------

    @cached_property
    def _words_and_counts(self) -> tuple[list[tuple[str, int, int]], Counter, Counter] | None:
        """``words.bin`` unpacked (None for an index written before it: see ``words`` and ``word_counts``)."""
        if not self.state.has(WORDS_FILE):
            return None
        try:
            return unpack_words(self.state.read_all(WORDS_FILE))
        except (ValueError, UnicodeDecodeError):
            raise self.damaged(f"{WORDS_FILE} cannot be read") from None

    @cached_property
    def words(self) -> list[tuple[str, int, int]] | None:
        """Surface words ``(spelling, count, spoke)``, most frequent first; None when built without them."""
        if self._words_and_counts is not None:
            return list(self._words_and_counts[0])
        if not self.state.has("words.json"):
            return None
        try:
            words = list(map(tuple, json.loads(self.state.read_all("words.json").decode("utf-8"))))
            if words and ({*map(len, words)} != {3} or [{*map(type, c)} for c in zip(*words)] != [{str}, {int}, {int}]):
                raise ValueError
            return words
        except (ValueError, TypeError):
            raise self.damaged("words.json cannot be read") from None

    def word_counts(self) -> tuple[Counter, Counter] | None:
        """Every spelling's and every speaker's count, as the build kept them; None when built without them."""
        if self._words_and_counts is not None:
            return Counter(self._words_and_counts[1]), Counter(self._words_and_counts[2])
        if not self.state.has("word_counts.json"):
            return None
        try:
            stored = json.loads(self.state.read_all("word_counts.json").decode("utf-8"))
            return Counter(stored["forms"]), Counter(stored["spoke"])
        except (ValueError, TypeError, KeyError):
            raise self.damaged("word_counts.json cannot be read") from None

    def file_table(self) -> FileTable:
        """The state of every file this build has seen (read whole: a few bytes a file)."""
        try:
            paths = split_paths(self.state.read_all("file_paths.bin"))
            arrays = [np.array(self.state.array(name)) for name in FileTable.ARRAYS]
        except (KeyError, TypeError):
            raise self.damaged("file_paths.bin cannot be read") from None
        table = FileTable(paths, *arrays)
        if not len(paths) == len(table.size) == len(table.status) == len(table.art_ptr) - 1:
            raise self.damaged("the file table does not match its paths")
        return table

    def file_places(self) -> tuple[np.ndarray, np.ndarray]:
        """Per file of the file table: the segment holding its articles (-1: none) and its first article there."""
        seg, art = np.array(self.state.array("file_seg")), np.array(self.state.array("file_art"))
        if len(seg) != len(art) or (len(seg) and seg.max(initial=-1) >= len(self.segments)):
            raise self.damaged("the file table does not match the segments")
        return seg, art

    def problems(self) -> dict[str, dict]:
        """What went wrong with the few files that failed, were passed over, or lost parts (by path)."""
        try:
            problems = json.loads(self.state.read_all("problems.json").decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            raise self.damaged("problems.json cannot be read") from None
        if not isinstance(problems, dict):
            raise self.damaged("problems.json cannot be read")
        return problems


def stale(index_dir: Path, paths: list[str | os.PathLike] | None = None, listing: Listing | None = None,
          opened: Index | None = None) -> str | None:
    """Why the index at ``index_dir`` no longer matches its corpus, or None when it does.

    ``paths`` defaults to the folders and files the index was built from; ``listing`` is their listing
    when it was made already (``corpus.Prefetch``); ``opened``, when given, is the index judged (the one
    answered from), else the one the manifest names now. The comparison with the stored file table is
    done in bulk.
    """
    manifest = opened.manifest if opened is not None else read_manifest(index_dir)
    if manifest is None:
        return "there is no index yet"
    if manifest.get("version") != FORMAT_VERSION:
        return f"the index has format version {manifest.get('version')}, not {FORMAT_VERSION}"
    stored = manifest.get("settings") if isinstance(manifest.get("settings"), dict) else {}
    if stored.get("analyzer") != ANALYZER_VERSION:
        return "the index was built with another version of the analyzer"
    data = index_dir / manifest["data"]
    if listing is not None and listing.matches is not None and listing.matches == os.path.abspath(data):
        return None  # the listing child found the corpus equal to this very file table (data folders never change)
    if listing is None:
        listing = list_files(paths if paths is not None else manifest.get("roots", []))
    try:
        blob = (data / "file_paths.bin").read_bytes()
        size = np.load(data / "file_size.npy", allow_pickle=False)
        mtime = np.load(data / "file_mtime.npy", allow_pickle=False)
    except (OSError, ValueError):
        return None  # a damaged index: opening it says so, and qabot index mends it
    changed = changes(listing, blob, size, mtime)
    if changed is not None:
        return f"the corpus changed since the index was built ({changed[0]} new or changed, {changed[1]} removed)"
    return None
