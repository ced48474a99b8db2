"""The index on disk: a folder with a versioned JSON manifest and numpy arrays opened with mmap.

Layout of ``index/``::

    manifest.json        format version, settings, the folders indexed, counts, checksums,
                         and the name of the data folder in use (small, whatever the corpus)
    data-<id>/           one complete build: *.npy arrays, terms.txt, articles.jsonl, text.bin,
                         and the per-file state (file_*.npy, file_paths.bin, problems.json)
    .lock                held while a build writes

Integrity: the manifest records each data file's size, SHA-256, and a CRC-32 of sampled blocks
(the whole file when it is small). Opening an index checks sizes and the sampled CRCs: a bounded
read (at most ``SAMPLE_BLOCKS`` x ``SAMPLE_SIZE`` bytes per file) however large the index, which
catches truncation, a swapped or rewritten file, and most alterations. ``qabot index --verify``
checks every byte against the SHA-256. A reader holds a shared lock on the data folder it uses,
so a build that finishes meanwhile leaves that folder for a later build to remove.

A build writes a new ``data-<id>/`` folder, then replaces ``manifest.json`` with ``os.replace``:
whatever moment a build dies at, the manifest names a complete folder, so the previous index
keeps working. Old data folders are removed after the swap (or by the next build).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import uuid
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
from .bm25 import BM25, BM25Params, weigh
from .errors import IndexDamaged, IndexLocked, IndexMissing, IndexUnwritable
from .corpus import FileTable, Listing, changes, display, list_files, split_paths
from .model import Article, Passage

FORMAT = "qabot-index"
FORMAT_VERSION = 3
MANIFEST = "manifest.json"

ARRAYS = (
    "art_text_off", "art_para_ptr", "para_start", "para_end", "art_pas_ptr",
    "pas_para", "pas_start", "pas_end", "pas_tokens", "pas_len", "pas_sent_ptr",
    "sent_start", "sent_end", "post_ptr", "post_doc", "post_tf", "post_extra", "term_base",
    "term_off", "art_meta_off", *FileTable.ARRAYS,
)
"""Every array of a build, each saved as ``<name>.npy``.

``term_off`` cuts ``terms.txt`` (the terms, UTF-8, sorted by their bytes, one per line) and
``art_meta_off`` cuts ``articles.jsonl`` (one JSON object per line), so a reader looks up a term
by binary search and reads one article's metadata without loading the rest."""


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
class BuildData:
    """Everything one build writes, in memory, before it goes to disk."""

    arrays: dict[str, np.ndarray]
    """The arrays named in ``ARRAYS`` but ``term_off`` and ``art_meta_off`` (made while writing)."""
    vocab: list[str]
    """Terms in term-id order (sorted by their UTF-8 bytes, see ``term_bytes``)."""
    articles: list[dict | bytes]
    """Per-article metadata: id, title, path, byline, date, url; or, for an article kept from the previous
    build, its JSON line as stored there (copied, not parsed and written again)."""
    texts: list[bytes]
    """Every article's text, UTF-8, in order; written end to end (``art_text_off`` cuts them), never joined in memory."""
    words: list[tuple[str, int, int]] = field(default_factory=list)
    """Surface words, ``(spelling, count, times seen speaking)``, most frequent first (``words.json``)."""
    files: FileTable = field(default_factory=FileTable.empty)
    """The state of every candidate file (``file_*.npy`` and ``file_paths.bin``)."""
    problems: dict[str, dict] = field(default_factory=dict)
    """Per path, what went wrong: ``{"reason": why it failed or was passed over, "warnings": [parts
    skipped]}``, for the few files that have any (``problems.json``), so each run can say it again."""
    word_counts: tuple[dict[str, int], dict[str, int]] = field(default_factory=lambda: ({}, {}))
    """Every spelling's count and every speaker's count (``word_counts.json``), so the next build
    updates the surface words from the files that changed instead of recounting the corpus."""


def write(index_dir: Path, data: BuildData, manifest: dict) -> None:
    """Write a complete build into a new data folder, then swap the manifest to it atomically.

    The caller holds the write lock. ``manifest`` gets the data folder name and checksums here.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"data-{uuid.uuid4().hex[:12]}"
    tmp = index_dir / f".{name}.tmp"
    checks: dict[str, dict] = {}
    try:
        tmp.mkdir()
        terms = [term_bytes(t) + b"\n" for t in data.vocab]
        (tmp / "terms.txt").write_bytes(b"".join(terms))
        lines = [meta if isinstance(meta, bytes) else (json.dumps(meta, ensure_ascii=True) + "\n").encode("ascii")
                 for meta in data.articles]
        (tmp / "articles.jsonl").write_bytes(b"".join(lines))
        offsets = {"term_off": _offsets(terms), "art_meta_off": _offsets(lines), **data.files.arrays()}
        for key in ARRAYS:
            path = tmp / f"{key}.npy"
            np.save(path, np.ascontiguousarray(offsets[key] if key in offsets else data.arrays[key]), allow_pickle=False)
        (tmp / "file_paths.bin").write_bytes(data.files.path_blob())
        (tmp / "problems.json").write_text(json.dumps(data.problems, ensure_ascii=True), encoding="ascii")
        with open(tmp / "text.bin", "wb") as out:
            out.writelines(data.texts)
        (tmp / "words.json").write_text(json.dumps(data.words, ensure_ascii=False), encoding="utf-8")
        (tmp / "word_counts.json").write_text(json.dumps({"forms": data.word_counts[0], "spoke": data.word_counts[1]},
                                                         ensure_ascii=False), encoding="utf-8")
        for path in sorted(tmp.iterdir()):
            checks[path.name] = {"size": path.stat().st_size, "sha256": _sha256(path), "sample_crc32": sample_crc(path)}
            _fsync(path)
        _fsync(tmp)
        os.rename(tmp, index_dir / name)
        manifest = dict(manifest, data=name, checksums=checks)
        staged = index_dir / f".{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp"
        staged.write_text(json.dumps(manifest, indent=1, ensure_ascii=True), encoding="utf-8")
        _fsync(staged)
        os.replace(staged, index_dir / MANIFEST)
        _fsync(index_dir)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(err, OSError):
            raise unwritable(index_dir, err) from None
        raise
    remove_stale(index_dir, keep=name)


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


def remove_stale(index_dir: Path, keep: str | None) -> None:
    """Delete data folders and temporary files that the manifest does not name.

    A data folder a reader still has open (its shared lock is held) is left for a later build.
    """
    for entry in index_dir.iterdir():
        if entry.name == keep or entry.name in (MANIFEST, ".lock"):
            continue
        if entry.name.startswith(("data-", ".data-", f".{MANIFEST}.")):
            if entry.is_dir():
                if entry.name.startswith("data-") and _in_use(entry):
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


_OTHER_FILES = ("terms.txt", "articles.jsonl", "text.bin", "file_paths.bin", "problems.json")


def _check_manifest(index_dir: Path, manifest: dict) -> None:
    """The manifest has every field a reader needs, of the right type (IndexDamaged otherwise)."""
    fields = {"data": str, "checksums": dict, "settings": dict, "counts": dict, "roots": list}
    for name, kind in fields.items():
        if not isinstance(manifest.get(name), kind):
            raise damaged(index_dir, f"manifest.json has no valid '{name}'")
    if not all(isinstance(r, str) for r in manifest["roots"]):
        raise damaged(index_dir, "manifest.json has no valid 'roots'")
    data = manifest["data"]
    if not data.startswith("data-") or "/" in data or "\\" in data:
        raise damaged(index_dir, "manifest.json names no data folder")
    counts = manifest["counts"]
    if not all(isinstance(counts.get(k), int) for k in ("articles", "passages")) or not isinstance(
            manifest["settings"].get("bm25"), dict):
        raise damaged(index_dir, "manifest.json has no valid counts or settings")


class Index:
    """An index opened for reading: arrays memory-mapped, text and metadata read when needed."""

    def __init__(self, index_dir: Path, manifest: dict):
        self.dir = index_dir
        self.manifest = manifest
        self.data_dir = index_dir / manifest["data"]
        self._arrays: dict[str, np.ndarray] = {}
        self._files: dict[str, int] = {}
        self._pin: int | None = None

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
            # a build swapped the manifest and removed this data folder meanwhile: read the manifest again
        index.check()
        return index

    def _hold(self) -> bool:
        """Take a shared lock on the data folder so no build removes it while in use; False if it is gone."""
        try:
            fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return False
        fcntl.flock(fd, fcntl.LOCK_SH)
        if not self.data_dir.is_dir():  # removed between the open and the lock
            os.close(fd)
            return False
        self._pin = fd
        return True

    def close(self) -> None:
        """Release the data folder (arrays already mapped stay readable; files are opened again when read)."""
        for fd in getattr(self, "_files", {}).values():
            os.close(fd)
        self._files = {}
        pin = getattr(self, "_pin", None)
        if pin is not None:
            self._pin = None
            os.close(pin)

    def __del__(self) -> None:
        self.close()

    def damaged(self, why: str) -> IndexDamaged:
        """The error for a damaged index, with the one-line fix."""
        return damaged(self.dir, why)

    def check_sizes(self) -> None:
        """Every file the manifest lists exists with its recorded size."""
        checks = self.manifest["checksums"]
        if not self.data_dir.is_dir():
            raise self.damaged(f"data folder {self.manifest.get('data')} is missing")
        missing = [name for name in (*(f"{a}.npy" for a in ARRAYS), *_OTHER_FILES) if name not in checks]
        if missing:
            raise self.damaged(f"manifest.json has no checksum for {missing[0]}")
        for name, info in checks.items():
            try:
                size = (self.data_dir / name).stat().st_size
            except OSError:
                raise self.damaged(f"{name} is missing") from None
            if not isinstance(info, dict) or size != info.get("size"):
                raise self.damaged(f"{name} has {size} bytes, expected {info.get('size') if isinstance(info, dict) else '?'}")

    def check(self) -> None:
        """The cheap check run on every open: sizes, and the CRC-32 of sampled blocks of each file."""
        self.check_sizes()
        for name, info in self.manifest["checksums"].items():
            expected = info.get("sample_crc32")
            if expected is not None and sample_crc(self.data_dir / name) != expected:
                raise self.damaged(f"{name} does not match its checksum")

    def verify(self) -> None:
        """Full integrity check: every file's SHA-256 against the manifest."""
        self.check()
        for name, info in self.manifest["checksums"].items():
            if _sha256(self.data_dir / name) != info.get("sha256"):
                raise self.damaged(f"{name} does not match its checksum")

    def array(self, name: str) -> np.ndarray:
        """One array, memory-mapped (``np.asarray`` over the map, so slicing stays cheap)."""
        if name not in self._arrays:
            try:
                self._arrays[name] = np.asarray(np.load(self.data_dir / f"{name}.npy", mmap_mode="r", allow_pickle=False))
            except (OSError, ValueError) as err:
                raise self.damaged(f"{name}.npy cannot be read ({str(err).splitlines()[0][:60]})") from None
        return self._arrays[name]

    @property
    def settings(self) -> dict:
        """The settings the index was built with."""
        return self.manifest["settings"]

    @property
    def counts(self) -> dict:
        """Articles, passages, tokens, terms."""
        return self.manifest["counts"]

    @cached_property
    def vocab(self) -> Vocab:
        """Term to term id (a read-only mapping over the memory-mapped sorted terms)."""
        path = self.data_dir / "terms.txt"
        blob = np.memmap(path, dtype=np.uint8, mode="r") if path.stat().st_size else b""
        vocab = Vocab(blob, self.array("term_off"))
        if len(vocab) != self.counts.get("terms", len(vocab)):
            raise self.damaged("terms.txt does not match the term count")
        return vocab

    @cached_property
    def terms(self) -> list[str]:
        """Term ids to terms."""
        return self.vocab.terms()

    @cached_property
    def words(self) -> list[tuple[str, int, int]] | None:
        """Surface words ``(spelling, count, spoke)``, most frequent first; None when built without them."""
        path = self.data_dir / "words.json"
        if not path.exists():
            return None
        try:
            return [(str(w), int(n), int(s)) for w, n, s in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            raise self.damaged("words.json cannot be read") from None

    def word_counts(self) -> tuple[Counter, Counter] | None:
        """Every spelling's and every speaker's count, as the build kept them; None when built without them."""
        path = self.data_dir / "word_counts.json"
        if not path.exists():
            return None
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return Counter(stored["forms"]), Counter(stored["spoke"])
        except (OSError, ValueError, TypeError, KeyError):
            raise self.damaged("word_counts.json cannot be read") from None

    def read(self, name: str, start: int, end: int) -> bytes:
        """Bytes ``start:end`` of one data file, read with ``pread`` (not mapped: a question that touches
        a few hundred articles must not map, and count as resident, the pages around each of them)."""
        fd = self._files.get(name)
        if fd is None:
            try:
                fd = self._files[name] = os.open(self.data_dir / name, os.O_RDONLY)
            except OSError as err:
                raise self.damaged(f"{name} cannot be read ({err.strerror})") from None
        data = os.pread(fd, end - start, start)
        if len(data) != end - start:
            raise self.damaged(f"{name} is shorter than its offsets say")
        return data

    def all_meta(self) -> list[dict]:
        """Every article's metadata, in order (one pass over articles.jsonl)."""
        try:
            size = (self.data_dir / "articles.jsonl").stat().st_size
            return [json.loads(line) for line in self.read("articles.jsonl", 0, size).decode("ascii").splitlines()]
        except ValueError:
            raise self.damaged("articles.jsonl cannot be read") from None

    def file_table(self) -> FileTable:
        """The state of every file this build has seen (read whole: a few bytes a file)."""
        try:
            paths = split_paths(self.read("file_paths.bin", 0, self.manifest["checksums"]["file_paths.bin"]["size"]))
            arrays = [np.array(self.array(name)) for name in FileTable.ARRAYS]
        except (KeyError, TypeError):
            raise self.damaged("file_paths.bin cannot be read") from None
        table = FileTable(paths, *arrays)
        if not len(paths) == len(table.size) == len(table.status) == len(table.art_ptr) - 1:
            raise self.damaged("the file table does not match its paths")
        return table

    def problems(self) -> dict[str, dict]:
        """What went wrong with the few files that failed, were passed over, or lost parts (by path)."""
        try:
            problems = json.loads((self.data_dir / "problems.json").read_text(encoding="ascii"))
        except (OSError, ValueError):
            raise self.damaged("problems.json cannot be read") from None
        if not isinstance(problems, dict):
            raise self.damaged("problems.json cannot be read")
        return problems

    def bm25(self, params: BM25Params | None = None) -> BM25:
        """The BM25 scorer; the stored weights when ``params`` match the build's, else computed."""
        built = BM25Params(**self.settings["bm25"])
        n_docs = self.counts["passages"]
        if params is None or params == built:
            return BM25(self.array("post_ptr"), self.array("post_doc"), self.array("post_extra"), self.array("term_base"), n_docs)
        extra, base = weigh(self.array("post_ptr"), self.array("post_doc"), self.array("post_tf"), self.array("pas_len"), params)
        return BM25(self.array("post_ptr"), self.array("post_doc"), extra, base, n_docs)

    def df(self, term_id: int) -> int:
        """How many passages hold the term."""
        ptr = self.array("post_ptr")
        return int(ptr[term_id + 1] - ptr[term_id])

    @property
    def n_articles(self) -> int:
        """Number of articles."""
        return int(self.counts["articles"])

    @property
    def n_passages(self) -> int:
        """Number of passages."""
        return int(self.counts["passages"])

    def article(self, i: int) -> Article:
        """Article ``i`` with its text (read from disk now)."""
        meta = self.article_meta(i)
        off = self.array("art_text_off")
        text = self.read("text.bin", int(off[i]), int(off[i + 1])).decode("utf-8", errors="replace")
        pp = self.array("art_para_ptr")
        lo, hi = int(pp[i]), int(pp[i + 1])
        starts, ends = self.array("para_start")[lo:hi], self.array("para_end")[lo:hi]
        return Article(
            id=meta["id"], title=meta["title"], path=display(meta["path"]), text=text,
            paragraphs=tuple(zip(starts.tolist(), ends.tolist())),
            byline=meta.get("byline"), date=meta.get("date"), url=meta.get("url"),
        )

    def article_meta(self, i: int) -> dict:
        """Article ``i``'s metadata without its text (only its own line is read)."""
        off = self.array("art_meta_off")
        if not 0 <= i < len(off) - 1:
            raise IndexError(i)
        try:
            return json.loads(self.read("articles.jsonl", int(off[i]), int(off[i + 1])))
        except ValueError:
            raise self.damaged("articles.jsonl cannot be read") from None

    def passage_article(self, p: int) -> int:
        """The article index of passage ``p``."""
        return int(np.searchsorted(self.array("art_pas_ptr"), p, side="right") - 1)

    def passage(self, p: int) -> Passage:
        """Passage ``p``."""
        sp = self.array("pas_sent_ptr")
        lo, hi = int(sp[p]), int(sp[p + 1])
        return Passage(
            article=self.passage_article(p), paragraph=int(self.array("pas_para")[p]),
            start=int(self.array("pas_start")[p]), end=int(self.array("pas_end")[p]),
            sentences=tuple(zip(self.array("sent_start")[lo:hi].tolist(), self.array("sent_end")[lo:hi].tolist())),
            tokens=int(self.array("pas_tokens")[p]),
        )


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
    if listing is None:
        listing = list_files(paths if paths is not None else manifest.get("roots", []))
    data = index_dir / manifest["data"]
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
