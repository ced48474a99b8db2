"""The corpus on disk: which files are articles, their state when indexed, and what changed since.

Listing walks folders with ``os.scandir`` and stats each candidate file once; paths are plain
absolute strings (the roots are made absolute once, entries join onto them), with no per-file
``realpath`` or pathlib object. The state the index keeps per file (path, size, mtime, content
hash, articles, status) is a ``FileTable`` of numpy arrays plus one NUL-separated path blob, so
the staleness check is a string comparison and two array comparisons, whatever the file count.
"""

from __future__ import annotations

import enum
import os
import stat
from dataclasses import dataclass, field

import numpy as np


TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
"""The files read as articles (``loading`` turns each kind into articles)."""
MEDIA_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .ico .heic .avif .psd .raw .cr2 .nef "  # images
    ".mp3 .wav .flac .ogg .oga .m4a .aac .wma .opus .aiff .mid .midi "  # audio
    ".mp4 .m4v .mkv .avi .mov .wmv .webm .flv .mpg .mpeg .3gp "  # video
    ".zip .gz .tgz .bz2 .xz .zst .7z .rar .tar .lz .lzma .cab .iso .dmg .jar "  # archives
    ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .rtf .epub .pages .numbers .key".split()  # office binaries
)
"""Files that are not articles by their kind: ignored quietly, only counted."""


class Status(enum.IntEnum):
    """What became of a file the index has seen (stored as one byte per file)."""

    INDEXED = 0
    """Its articles are in the index."""
    FAILED = 1
    """It should have been an article and was not (binary, invalid JSON, unreadable...)."""
    EMPTY = 2
    """It holds no text at all: passed over, not a failure."""


def suffix_of(name: str) -> str:
    """The lowercased extension of a file name (``Path.suffix`` without a Path)."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def display(path: str, cwd: str | None = None) -> str:
    """How a path is shown everywhere: relative to the current folder when under it, else absolute."""
    cwd = cwd if cwd is not None else _cwd()
    if cwd and path.startswith(cwd) and path[len(cwd):len(cwd) + 1] == os.sep:
        return path[len(cwd) + 1:]
    return path


def _cwd() -> str:
    """The current folder, or '' when it is gone."""
    try:
        return os.getcwd()
    except OSError:
        return ""


@dataclass
class Listing:
    """The article files under some roots, as they are now."""

    paths: list[str] = field(default_factory=list)
    """Candidate article files (supported extension, regular), absolute, in walk order, each once."""
    sizes: list[int] = field(default_factory=list)
    """Their sizes in bytes."""
    mtimes: list[int] = field(default_factory=list)
    """Their modification times in nanoseconds."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """Files with an article extension that cannot be read as files: ``(path, reason)``."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Files of no supported type that are not media either: ``(path, reason)``."""
    ignored: int = 0
    """Images, audio, video, archives and office files passed over quietly."""
    missing: list[str] = field(default_factory=list)
    """Roots that do not exist."""


def list_files(roots: list[str | os.PathLike]) -> Listing:
    """List the article files under ``roots`` (files or folders; folders walked recursively, sorted by
    name, a folder's files before its subfolders; hidden entries, symlinked folders and qabot index
    folders left out)."""
    out = Listing()
    candidates: list[str] = []
    for raw in roots:
        root = os.path.abspath(os.fspath(raw))
        try:
            st = os.stat(root)
        except FileNotFoundError:
            if os.path.islink(root):
                out.failed.append((root, "broken symbolic link"))
            else:
                out.missing.append(root)
            continue
        except OSError as err:
            out.failed.append((root, reason(err)))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(root, candidates, out)
        else:
            _consider(root, os.path.basename(root), candidates, out, explicit=True)
    _stat_all(candidates, out)
    return out


def _walk(folder: str, candidates: list[str], out: Listing) -> None:
    """Add the files under ``folder`` (recursively) to ``candidates``, ``out.skipped`` or ``out.ignored``.

    Entry types come from the folder listing itself (no stat); only candidates are stated, later.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e) for e in it if e.name[0] != ".")
    except OSError as err:
        out.failed.append((folder, reason(err)))
        return
    if entries and any(name == "manifest.json" for name, _ in entries) and os.path.exists(os.path.join(folder, ".lock")):
        return  # a qabot index: its own files are not articles
    subfolders = []
    supported = SUPPORTED_SUFFIXES
    add = candidates.append
    for name, entry in entries:
        dot = name.rfind(".")
        if dot > 0 and name[dot:].lower() in supported:
            add(entry.path)  # a symlink to a folder is found out, and dropped, when stated
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.path)
                continue
            if entry.is_symlink() and entry.is_dir():
                continue  # a symlinked folder is not followed (it may loop)
        except OSError:
            pass
        _consider(entry.path, name, candidates, out, explicit=False)
    for sub in subfolders:
        _walk(sub, candidates, out)


def _consider(path: str, name: str, candidates: list[str], out: Listing, explicit: bool) -> None:
    """Sort one file by its extension: candidate article, quietly ignored media, or skipped."""
    suffix = suffix_of(name)
    if suffix in SUPPORTED_SUFFIXES:
        candidates.append(path)
    elif suffix in MEDIA_SUFFIXES and not explicit:
        out.ignored += 1
    elif suffix or explicit:
        out.skipped.append((path, f"unsupported file type {suffix or '(none)'}"))
    else:
        out.skipped.append((path, "no file extension"))


def _stat_all(candidates: list[str], out: Listing) -> None:
    """Stat every candidate once: keep regular files (each file once, however many links reach it)."""
    seen: set[tuple[int, int]] = set()
    paths, sizes, mtimes = out.paths, out.sizes, out.mtimes
    isreg = stat.S_ISREG
    for path in candidates:
        try:
            st = os.stat(path)
        except OSError as err:
            out.failed.append((path, reason(err)))
            continue
        if not isreg(st.st_mode):
            if not stat.S_ISDIR(st.st_mode):  # a symlinked folder named like a file is passed over, unfollowed
                out.failed.append((path, "not a regular file"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        seen.add(key)
        paths.append(path)
        sizes.append(st.st_size)
        mtimes.append(st.st_mtime_ns)


def reason(err: OSError) -> str:
    """A short reason for an OS error, without the path that the caller already shows."""
    return (err.strerror or err.__class__.__name__).lower()


@dataclass
class FileTable:
    """The index's state of every candidate file it has seen, one row per file, in walk order."""

    paths: list[str]
    """Absolute paths."""
    size: np.ndarray
    """Size in bytes when read (int64)."""
    mtime: np.ndarray
    """Modification time in nanoseconds when read (int64)."""
    digest: np.ndarray
    """SHA-256 of the content, 32 bytes a row (uint8, all zero when the file could not be read)."""
    art_ptr: np.ndarray
    """The file's articles are ``art_ptr[i]:art_ptr[i + 1]`` of the index (int64, length n + 1)."""
    status: np.ndarray
    """A ``Status`` per file (uint8)."""

    ARRAYS = ("file_size", "file_mtime", "file_digest", "file_art_ptr", "file_status")
    """The arrays as saved in a data folder (``file_<field>.npy``), beside ``file_paths.bin``."""

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays to save, by file name stem."""
        return {"file_size": self.size, "file_mtime": self.mtime, "file_digest": self.digest,
                "file_art_ptr": self.art_ptr, "file_status": self.status}

    def path_blob(self) -> bytes:
        """``file_paths.bin``: the paths, NUL-separated."""
        return join_paths(self.paths)

    @classmethod
    def empty(cls) -> "FileTable":
        """A table of no files."""
        return cls([], np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, 32), np.uint8),
                   np.zeros(1, np.int64), np.zeros(0, np.uint8))


def join_paths(paths: list[str]) -> bytes:
    """Paths NUL-separated, as bytes (names that are not UTF-8 kept through surrogate escapes)."""
    return "\0".join(paths).encode("utf-8", "surrogateescape")


def split_paths(blob: bytes) -> list[str]:
    """The paths of ``join_paths``."""
    return blob.decode("utf-8", "surrogateescape").split("\0") if blob else []


def changes(listing: Listing, blob: bytes, size: np.ndarray, mtime: np.ndarray) -> tuple[int, int] | None:
    """``(new or changed, removed)`` files between ``listing`` and a stored table, None when nothing changed.

    The usual case (nothing changed) is one comparison of the path blobs and two of the arrays.
    """
    if join_paths(listing.paths) == blob:
        now_size = np.fromiter(listing.sizes, np.int64, len(listing.sizes))
        now_mtime = np.fromiter(listing.mtimes, np.int64, len(listing.mtimes))
        if np.array_equal(now_size, size) and np.array_equal(now_mtime, mtime):
            return None
        return int(np.count_nonzero((now_size != size) | (now_mtime != mtime))), 0
    stored = {p: i for i, p in enumerate(split_paths(blob))}
    changed = 0
    for path, s, m in zip(listing.paths, listing.sizes, listing.mtimes):
        i = stored.pop(path, None)
        if i is None or int(size[i]) != s or int(mtime[i]) != m:
            changed += 1
    return (changed, len(stored)) if changed or stored else None
