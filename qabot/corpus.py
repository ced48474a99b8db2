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
import pickle
import signal
import stat
import sys
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where the file table is used: listing needs none (see ``Prefetch``)
    import numpy as np


TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
"""The files read as articles (``loading`` turns each kind into articles)."""
_ENDINGS = tuple(sorted(SUPPORTED_SUFFIXES))
"""The same, for ``str.endswith`` (a name ending so, not hidden, has it as its lowercased extension)."""
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
    sent: tuple[bytes, bytes, bytes] | None = field(default=None, repr=False, compare=False)
    """The paths (``join_paths``), sizes and mtimes (native int64) as a ``Prefetch`` child sent them: compared
    as they are, not joined and converted again."""
    matches: str | None = field(default=None, repr=False, compare=False)
    """The data folder (absolute) whose file table a ``Prefetch`` child found equal to this listing (paths,
    sizes and mtimes): the child then sent no paths, and they are listed again here only if read."""

    @classmethod
    def received(cls, blob: bytes, sizes: bytes, mtimes: bytes, failed: list, skipped: list, ignored: int,
                 missing: list) -> "Listing":
        """A listing as a ``Prefetch`` child sent it: ``paths``, ``sizes`` and ``mtimes`` are decoded only when
        read (an up-to-date index is judged from ``sent`` alone: 20 ms less at 96,000 files)."""
        out = cls.__new__(cls)
        out.failed, out.skipped, out.ignored, out.missing = failed, skipped, ignored, missing
        out.sent = (blob, sizes, mtimes)
        return out

    @classmethod
    def matching(cls, data: str, roots: list[str], failed: list, skipped: list, ignored: int,
                 missing: list) -> "Listing":
        """A listing a ``Prefetch`` child found equal to the file table in the data folder ``data``: its paths,
        sizes and mtimes are listed again only if read (an up-to-date index needs none of them)."""
        out = cls.__new__(cls)
        out.failed, out.skipped, out.ignored, out.missing = failed, skipped, ignored, missing
        out.sent, out.matches, out.__dict__["_roots"] = None, data, list(roots)
        return out

    def __getattr__(self, name: str):
        sent = self.__dict__.get("sent")
        if name in ("paths", "sizes", "mtimes") and sent is not None:  # a received listing, decoded on first use
            self.paths, self.sizes, self.mtimes = split_paths(sent[0]), _int64s(sent[1]), _int64s(sent[2])
            return self.__dict__[name]
        if name in ("paths", "sizes", "mtimes") and "_roots" in self.__dict__:  # a matching one: listed again
            again = list_files(self.__dict__["_roots"])
            self.paths, self.sizes, self.mtimes = again.paths, again.sizes, again.mtimes
            return self.__dict__[name]
        raise AttributeError(name)


def list_files(roots: list[str | os.PathLike]) -> Listing:
    """List the article files under ``roots`` (files or folders; folders walked recursively, sorted by
    name, a folder's files before its subfolders; hidden entries, symlinked folders and qabot index
    folders left out)."""
    out = Listing()
    walk = _Walk(out)
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
            walk.folder(root)
        else:
            walk.file(root)
    out.failed.extend(walk.stat_failed)  # after the folders that could not be listed, as ever
    return out


class _Walk:
    """One listing's walk: each folder opened once and listed by name, its article files stated through the
    folder's descriptor (``fstatat``: no path resolved from the root again), each file kept once."""

    def __init__(self, out: Listing):
        self.out = out
        self.stat_failed: list[tuple[str, str]] = []
        self.seen: dict[int, set[int]] = {}
        """Inode numbers of the files listed, by device (a file reached by two links is listed once)."""
        self.kinds: dict[str, bool] = {}
        """Whether a file name ending (as written) is an article file's."""

    def file(self, path: str) -> None:
        """A file named as a root: an article file, or skipped (never quietly ignored)."""
        suffix = suffix_of(os.path.basename(path))
        if suffix not in SUPPORTED_SUFFIXES:
            self.out.skipped.append((path, f"unsupported file type {suffix or '(none)'}"))
            return
        try:
            st = os.stat(path)
        except OSError as err:
            self.stat_failed.append((path, reason(err)))
            return
        self._add(path, st)

    def _add(self, path: str, st: os.stat_result) -> None:
        """Keep a stated candidate when it is a regular file not listed yet."""
        if not stat.S_ISREG(st.st_mode):
            if not stat.S_ISDIR(st.st_mode):  # a symlinked folder named like a file is passed over, unfollowed
                self.stat_failed.append((path, "not a regular file"))
            return
        seen = self.seen.setdefault(st.st_dev, set())
        if st.st_ino not in seen:
            seen.add(st.st_ino)
            self.out.paths.append(path)
            self.out.sizes.append(st.st_size)
            self.out.mtimes.append(st.st_mtime_ns)

    def folder(self, folder: str) -> None:
        """Add the files under ``folder``, recursively."""
        out = self.out
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as err:
            out.failed.append((folder, reason(err)))
            return
        subfolders = []
        try:
            try:
                names = os.listdir(fd)
                dev = os.fstat(fd).st_dev
            except OSError as err:
                out.failed.append((folder, reason(err)))
                return
            if "manifest.json" in names and ".lock" in names:
                return  # a qabot index: its own files are not articles
            names.sort()
            prefix = folder if folder.endswith(os.sep) else folder + os.sep
            kinds, stat_at, isreg = self.kinds, os.stat, stat.S_ISREG
            seen = self.seen.setdefault(dev, set())
            paths, sizes, mtimes = out.paths, out.sizes, out.mtimes
            for name in names:
                if name[0] == ".":
                    continue  # hidden
                if name.endswith(_ENDINGS):  # most names: an article file's ending as written (one call)
                    article = True
                else:
                    dot = name.rfind(".")
                    ending = name[dot:] if dot > 0 else ""
                    article = kinds.get(ending)
                    if article is None:
                        article = kinds[ending] = ending.lower() in SUPPORTED_SUFFIXES
                if article:
                    # stated following a symlink: a link to a folder is found out, and dropped, here
                    try:
                        st = stat_at(name, dir_fd=fd)
                    except OSError as err:
                        self.stat_failed.append((prefix + name, reason(err)))
                        continue
                    if st.st_dev == dev and isreg(st.st_mode):
                        if st.st_ino not in seen:
                            seen.add(st.st_ino)
                            paths.append(prefix + name)
                            sizes.append(st.st_size)
                            mtimes.append(st.st_mtime_ns)
                    else:
                        self._add(prefix + name, st)
                    continue
                try:
                    st = os.lstat(name, dir_fd=fd)
                    if stat.S_ISDIR(st.st_mode):
                        subfolders.append(prefix + name)
                        continue
                    if stat.S_ISLNK(st.st_mode) and stat.S_ISDIR(stat_at(name, dir_fd=fd).st_mode):
                        continue  # a symlinked folder is not followed (it may loop)
                except OSError:
                    pass
                _consider(prefix + name, name, out)
        finally:
            os.close(fd)
        for sub in subfolders:
            self.folder(sub)


def _consider(path: str, name: str, out: Listing) -> None:
    """Sort a file found in a folder that is no article file by its extension: media, quietly ignored; else skipped."""
    suffix = suffix_of(name)
    if suffix in MEDIA_SUFFIXES:
        out.ignored += 1
    elif suffix:
        out.skipped.append((path, f"unsupported file type {suffix}"))
    else:
        out.skipped.append((path, "no file extension"))


def _int64s(raw: bytes) -> list[int]:
    """Native int64s (as ``array("q").tobytes()`` wrote them) as a list."""
    numbers = array("q")
    numbers.frombytes(raw)
    return numbers.tolist()


class Prefetch:
    """``list_files(roots)`` run by a forked process while this one does other work (imports, opening an
    index, answering): the walk's time goes mostly to ``stat`` calls in the kernel, which a second core
    makes at the same time. Where ``fork`` is missing, or the child fails, the listing is made here."""

    def __init__(self, roots: list[str], pid: int, fd: int, against: str | None = None):
        self.roots = roots
        """The roots being listed, as given."""
        self.against = against
        """The data folder (absolute) whose file table the child compares its listing with, if any."""
        self._pid: int | None = pid
        self._fd: int | None = fd

    @classmethod
    def start(cls, roots: list[str], against: str | os.PathLike | None = None) -> "Prefetch | None":
        """Start listing ``roots`` in a child process; None when no process can be forked.

        ``against``: an index's data folder. The child compares its listing with the file table there
        (``file_paths.bin``, ``file_size.npy``, ``file_mtime.npy``, read as bytes) and, when they are equal,
        sends back only that (and the few files it could not use), not 96,000 paths to be compared here."""
        if not hasattr(os, "fork"):
            return None
        against = os.path.abspath(os.fspath(against)) if against is not None else None
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        if pid == 0:  # the child: list, send, and leave without running the parent's exit handlers
            status = 1
            try:
                os.close(read_fd)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly; the parent says so
                listing = list_files(roots)
                blob, sizes, mtimes = (join_paths(listing.paths), array("q", listing.sizes).tobytes(),
                                       array("q", listing.mtimes).tobytes())
                rest = (listing.failed, listing.skipped, listing.ignored, listing.missing)
                if against is not None and _table_equals(against, blob, sizes, mtimes):
                    data = b"=" + pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL)
                else:
                    data = b"L" + pickle.dumps((blob, sizes, mtimes, *rest), protocol=pickle.HIGHEST_PROTOCOL)
                view = memoryview(data)
                while view:
                    view = view[os.write(write_fd, view):]
                status = 0
            finally:
                os._exit(status)
        os.close(write_fd)
        return cls(list(roots), pid, read_fd, against)

    def listing(self) -> Listing:
        """The listing: the child's when it finished, else made here now."""
        chunks = []
        if self._fd is not None:
            try:
                while chunk := os.read(self._fd, 1 << 20):
                    chunks.append(chunk)
            except OSError:
                chunks = []
        status = self._reap()
        if status == 0 and chunks:
            data = b"".join(chunks)
            try:
                if data[:1] == b"=" and self.against is not None:
                    failed, skipped, ignored, missing = pickle.loads(data[1:])
                    return Listing.matching(self.against, self.roots, failed, skipped, ignored, missing)
                if data[:1] == b"L":
                    blob, sizes, mtimes, failed, skipped, ignored, missing = pickle.loads(data[1:])
                    if (blob.count(b"\0") + 1 if blob else 0) * 8 == len(sizes) == len(mtimes):
                        return Listing.received(blob, sizes, mtimes, failed, skipped, ignored, missing)
            except (ValueError, TypeError, pickle.UnpicklingError, EOFError):
                pass
        return list_files(self.roots)

    def _reap(self) -> int | None:
        """Close the pipe and wait for the child: its exit status (None when it was reaped already)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._pid is None:
            return None
        pid, self._pid = self._pid, None
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return None
        return os.waitstatus_to_exitcode(status)

    def cancel(self) -> None:
        """Stop the listing, unread (the child is ended if it is still at work)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._reap()

    def __del__(self) -> None:
        if getattr(self, "_fd", None) is not None or getattr(self, "_pid", None) is not None:
            self.cancel()


def _table_equals(data: str, blob: bytes, sizes: bytes, mtimes: bytes) -> bool:
    """Whether the file table in the data folder ``data`` holds exactly these paths (``join_paths``), sizes and
    mtimes (native int64 bytes); False also when it cannot be read or is not as a build writes it."""
    try:
        with open(os.path.join(data, "file_paths.bin"), "rb") as f:
            if f.read() != blob:
                return False
        return _npy_int64s(os.path.join(data, "file_size.npy")) == sizes and \
            _npy_int64s(os.path.join(data, "file_mtime.npy")) == mtimes
    except OSError:
        return False


def _npy_int64s(path: str) -> bytes | None:
    """The data of a one-dimensional little-endian int64 ``.npy`` file (as ``np.save`` writes it) as native bytes,
    read without numpy; None for any other file, or on a big-endian machine."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:6] != b"\x93NUMPY" or len(raw) < 10 or sys.byteorder != "little":
        return None
    if raw[6] == 1:
        start = 10 + int.from_bytes(raw[8:10], "little")
    elif raw[6] in (2, 3):
        start = 12 + int.from_bytes(raw[8:12], "little")
    else:
        return None
    header = raw[10 if raw[6] == 1 else 12:start].decode("latin-1").replace(" ", "")
    shape = header.partition("'shape':(")[2].partition(")")[0].rstrip(",")
    if "'descr':'<i8'" not in header or "'fortran_order':False" not in header or not shape.isdigit():
        return None
    body = raw[start:]
    return body if len(body) == int(shape) * 8 else None


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
    """File ``i`` has ``art_ptr[i + 1] - art_ptr[i]`` articles (int64, length n + 1); the index's data folder
    says where they are (``file_seg``, ``file_art``: a segment, and the first of them there)."""
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
        import numpy as np

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
    import numpy as np

    if listing.sent is not None:
        joined, now_size, now_mtime = listing.sent[0], np.frombuffer(listing.sent[1], np.int64), \
            np.frombuffer(listing.sent[2], np.int64)
    else:
        joined, now_size, now_mtime = join_paths(listing.paths), np.fromiter(listing.sizes, np.int64, len(listing.sizes)), \
            np.fromiter(listing.mtimes, np.int64, len(listing.mtimes))
    if joined == blob and len(now_size) == len(size):
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
