"""The corpus on disk: which files are articles, their state when indexed, and what changed since.

Listing walks folders (``os.listdir`` of each folder's descriptor) and stats each candidate file once, a
folder's files in one call to the optional C helper ``_statat`` where it is built, else one ``os.stat`` each (a
listing child lets the helper list, sort out, state and pack each folder whole: ``_Walk._scan``);
paths are plain absolute strings (the roots are made absolute once, entries join onto them), with no per-file
``realpath`` or pathlib object. ``prefetch.Prefetch`` lists in forked processes, two where there are two
cores, each walking one side of a cut (``_Cut``) at the middle of the index's file table. The state the index
keeps per file (path, size, mtime, content hash, articles, status) is a ``FileTable`` of numpy arrays plus one
NUL-separated path blob, so the staleness check is a string comparison and two array comparisons, whatever
the file count.
"""

from __future__ import annotations

import bisect
import enum
import os
import stat
import sys
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

try:  # the optional C helper (setup: ``ext-modules``); without it the walk states each file from Python
    from . import _statat as _helper
except ImportError:
    _helper = None
_statat = getattr(_helper, "statat", None)

if TYPE_CHECKING:  # numpy is imported where the file table is used: listing needs none (see ``prefetch.Prefetch``)
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

_scan = getattr(_helper, "scan", None)
"""The C helper's whole-folder listing (``_Walk._scan``), where names are decoded as UTF-8 with surrogate escapes (as
``os.listdir`` does here): then the order of a folder's names by their bytes is Python's order of them as str."""
if _scan is not None and (sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()) == ("utf-8", "surrogateescape"):
    _helper.set_endings(sorted(SUPPORTED_SUFFIXES))
else:
    _scan = None


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
    _walk_roots([os.path.abspath(os.fspath(raw)) for raw in roots], walk)
    out.failed.extend(walk.stat_failed)  # after the folders that could not be listed, as ever
    return out


def list_packed(roots: list[str | os.PathLike]) -> tuple[Listing, tuple[bytes, bytes, bytes]]:
    """``list_files(roots)`` with its paths, sizes and mtimes packed as they are sent and compared: ``join_paths``
    and native int64 bytes (the listing's own lists left empty). No Python object is kept per file: the
    paths are joined a folder at a time, the sizes and mtimes kept as the C helper gives them (a listing
    child allocates and faults less)."""
    roots = [os.path.abspath(os.fspath(raw)) for raw in roots]
    out = Listing()
    walk = _Walk(out, packed=True, scan=_scan)
    _walk_roots(roots, walk)
    if not walk.once():  # a file reached twice (a hard link): listed again the usual way, which keeps the first
        out = Listing()
        walk = _Walk(out, packed=True)
        _walk_roots(roots, walk)
    out.failed.extend(walk.stat_failed)
    segments, sizes, mtimes = walk.packed
    return out, (b"\0".join(segments), bytes(sizes), bytes(mtimes))


@dataclass(frozen=True)
class _Cut:
    """Where a walk is cut in two (``prefetch.Prefetch``): at the candidate file ``path``, under the root ``roots[root]``;
    one part walks what comes before it in walk order, the other the file itself and what comes after."""

    root: int
    """The root it is under."""
    rest: tuple[str, ...]
    """The names from that root down to the file (empty when the root is the file)."""

    @classmethod
    def at(cls, roots: list[str], path: str) -> "_Cut | None":
        """The cut at ``path`` (absolute, as listed), or None when it is under no root, or roots overlap."""
        for i, root in enumerate(roots):
            for other in roots[i + 1:]:
                if other == root or other.startswith(root.rstrip(os.sep) + os.sep) or \
                        root.startswith(other.rstrip(os.sep) + os.sep):
                    return None  # one root inside another: the walk order is not the roots' order
        for i, root in enumerate(roots):
            if path == root:
                return cls(i, ())
            prefix = root if root.endswith(os.sep) else root + os.sep
            if path.startswith(prefix) and len(path) > len(prefix):
                rest = tuple(path[len(prefix):].split(os.sep))
                return cls(i, rest) if all(rest) else None
        return None


def _walk_roots(roots: list[str], walk: "_Walk", cut: _Cut | None = None, after: bool = False) -> None:
    """Walk each root (absolute), a folder or a file (``list_files``); with ``cut``, only the part before the cut
    (or from it on, ``after``): the other part of the walk says what this part leaves out."""
    out = walk.out
    for i, root in enumerate(roots):
        if cut is not None and (i < cut.root if after else i > cut.root or (i == cut.root and not cut.rest)):
            continue  # the other part's
        on_cut = cut is not None and i == cut.root and bool(cut.rest)
        try:
            st = os.stat(root)
        except FileNotFoundError:
            if on_cut and after:
                continue
            if os.path.islink(root):
                out.failed.append((root, "broken symbolic link"))
            else:
                out.missing.append(root)
            continue
        except OSError as err:
            if not (on_cut and after):
                out.failed.append((root, reason(err)))
            continue
        if stat.S_ISDIR(st.st_mode):
            if on_cut:
                walk.chain(root, cut.rest, after)
            else:
                walk.folder(root)
        elif not (on_cut and after):
            walk.file(root)


class _Walk:
    """One listing's walk: each folder opened once and listed by name, its article files stated through the
    folder's descriptor (``fstatat``: no path resolved from the root again), each file kept once."""

    def __init__(self, out: Listing, packed: bool = False, scan=None):
        self.out = out
        self.packed: tuple[list[bytes], bytearray, bytearray] | None = ([], bytearray(), bytearray()) if packed else None
        """With ``packed`` (``list_packed``): the paths kept so far (``join_paths``, a folder's in one piece), and
        their sizes and mtimes as int64 bytes; ``out``'s own lists then hold only what is not packed yet."""
        self.scan = scan if packed else None
        """The C helper's ``scan``: each folder listed, sorted, sorted out and stated in one call, no Python object
        made per file; a folder it leaves to Python (an odd name or file) is walked as ever."""
        self.scanned: dict[int, list[bytes]] = {}
        """The inodes (native uint64 bytes) of the files ``scan`` listed, by device: unlike ``seen``, not checked
        as they come, but once at the end (``once``)."""
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
        self._pack()

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

    def once(self) -> bool:
        """Whether no file was listed twice: always so without ``scan`` (``seen`` keeps each file once as it comes);
        with it, whether the inodes of the files it listed, and those in ``seen``, are all different."""
        for dev, inos in self.scanned.items():
            if not _helper.unique(b"".join(inos) + array("Q", self.seen.get(dev, ())).tobytes()):
                return False
        return True

    def folder(self, folder: str) -> None:
        """Add the files under ``folder``, recursively."""
        if self.scan is not None:
            subfolders = self._scan(folder)
            if subfolders is not None:
                for sub in subfolders:
                    self.folder(sub)
                return
        opened = self._open(folder, True)
        if opened is None:
            return
        fd, dev, prefix, articles, others = opened
        try:
            self._articles(fd, dev, prefix, articles)
            subfolders = self._others(fd, prefix, others, True)
        finally:
            os.close(fd)
        for sub in subfolders:
            self.folder(sub)

    def chain(self, folder: str, rest: tuple[str, ...], after: bool) -> None:
        """Walk ``folder``, on the way down to a cut (``_Cut.rest``: the names below it), only before the cut or,
        ``after``, from it on. What a folder has itself (its files, what is skipped, a failure) comes before its
        subfolders in walk order: the part before the cut says it, except the files from the cut on."""
        opened = self._open(folder, not after)
        if opened is None:
            return
        fd, dev, prefix, articles, others = opened
        name, last = rest[0], len(rest) == 1
        try:
            if last:
                i = bisect.bisect_left(articles, name)
                self._articles(fd, dev, prefix, articles[i:] if after else articles[:i])
            elif not after:
                self._articles(fd, dev, prefix, articles)
            subfolders = self._others(fd, prefix, others, not after)
        finally:
            os.close(fd)
        for sub in subfolders:
            sub_name = sub[len(prefix):]
            if last or sub_name != name:
                if after == (last or sub_name > name):
                    self.folder(sub)
            else:
                self.chain(sub, rest[1:], after)

    def _scan(self, folder: str) -> list[str] | None:
        """``folder``'s files listed and packed by the C helper's ``scan``, and its subfolders (paths, in order);
        None when the folder is to be walked as ever (it cannot be opened, or ``scan`` leaves it to Python)."""
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            return None  # opened again as ever, which says why
        try:
            prefix = folder if folder.endswith(os.sep) else folder + os.sep
            got = self.scan(fd, prefix.encode("utf-8", "surrogateescape"))
            if got is None:
                return None
            if got is False:
                return []  # a qabot index: its own files are not articles
            paths, sizes, mtimes, inos, dev, others = got
            if sizes:
                self.packed[0].append(paths)
                self.packed[1].extend(sizes)
                self.packed[2].extend(mtimes)
                self.scanned.setdefault(dev, []).append(inos)
            return self._others(fd, prefix, others, True)
        finally:
            os.close(fd)

    def _open(self, folder: str, report: bool) -> tuple[int, int, str, list[str], list[str]] | None:
        """``folder`` opened and listed: its descriptor, device, path prefix, article names and other names (not
        hidden, sorted); None when it cannot be (said in ``failed`` when ``report``) or is a qabot index."""
        out = self.out
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as err:
            if report:
                out.failed.append((folder, reason(err)))
            return None
        try:
            names = os.listdir(fd)
            dev = os.fstat(fd).st_dev
        except OSError as err:
            os.close(fd)
            if report:
                out.failed.append((folder, reason(err)))
            return None
        if "manifest.json" in names and ".lock" in names:
            os.close(fd)
            return None  # a qabot index: its own files are not articles
        names.sort()
        kinds = self.kinds
        articles, others = [], []
        for name in names:
            if name[0] == ".":
                continue  # hidden
            if name.endswith(_ENDINGS):  # most names: an article file's ending as written (one call)
                articles.append(name)
                continue
            dot = name.rfind(".")
            ending = name[dot:] if dot > 0 else ""
            article = kinds.get(ending)
            if article is None:
                article = kinds[ending] = ending.lower() in SUPPORTED_SUFFIXES
            (articles if article else others).append(name)
        return fd, dev, folder if folder.endswith(os.sep) else folder + os.sep, articles, others

    def _articles(self, fd: int, dev: int, prefix: str, names: list[str]) -> None:
        """State a folder's article files (``names``, sorted) and keep the regular ones not listed yet."""
        out = self.out
        seen = self.seen.setdefault(dev, set())
        paths, sizes, mtimes = out.paths, out.sizes, out.mtimes
        if _statat is not None and names:  # all at once in C; as below when any is odd, or a file comes twice
            got_sizes, got_mtimes, got_inos, odd = _statat(fd, names, dev)
            if not odd:
                inos = array("Q")
                inos.frombytes(got_inos)
                new = set(inos)
                if len(new) == len(names) and seen.isdisjoint(new):
                    seen.update(new)
                    if self.packed is not None:
                        self.packed[0].append((prefix + ("\0" + prefix).join(names)).encode("utf-8", "surrogateescape"))
                        self.packed[1].extend(got_sizes)
                        self.packed[2].extend(got_mtimes)
                        return
                    paths.extend([prefix + name for name in names])
                    sizes.extend(_int64s(got_sizes))
                    mtimes.extend(_int64s(got_mtimes))
                    return
        stat_at, isreg = os.stat, stat.S_ISREG
        for name in names:
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
        self._pack()

    def _pack(self) -> None:
        """With ``packed``, move the files kept in ``out``'s lists into it."""
        out = self.out
        if self.packed is not None and out.paths:
            self.packed[0].append(join_paths(out.paths))
            self.packed[1].extend(array("q", out.sizes).tobytes())
            self.packed[2].extend(array("q", out.mtimes).tobytes())
            out.paths.clear()
            out.sizes.clear()
            out.mtimes.clear()

    def _others(self, fd: int, prefix: str, names: list[str], report: bool) -> list[str]:
        """A folder's names that are no article files: its subfolders (paths, in order), the rest counted as
        ignored or skipped when ``report``."""
        subfolders = []
        for name in names:
            try:
                st = os.lstat(name, dir_fd=fd)
                if stat.S_ISDIR(st.st_mode):
                    subfolders.append(prefix + name)
                    continue
                if stat.S_ISLNK(st.st_mode) and stat.S_ISDIR(os.stat(name, dir_fd=fd).st_mode):
                    continue  # a symlinked folder is not followed (it may loop)
            except OSError:
                pass
            if report:
                _consider(prefix + name, name, self.out)
        return subfolders


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
