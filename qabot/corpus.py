"""The corpus on disk: which files are articles, their state when indexed, and what changed since.

Listing walks folders with ``os.scandir`` and stats each candidate file once; paths are plain
absolute strings (the roots are made absolute once, entries join onto them), with no per-file
``realpath`` or pathlib object. The state the index keeps per file (path, size, mtime, content
hash, articles, status) is a ``FileTable`` of numpy arrays plus one NUL-separated path blob, so
the staleness check is a string comparison and two array comparisons, whatever the file count.
"""

from __future__ import annotations

import bisect
import enum
import os
import pickle
import signal
import stat
import sys
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

try:  # the optional C helper (setup: ``ext-modules``); without it the walk states each file from Python
    from ._statat import statat as _statat
except ImportError:
    _statat = None

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
    _walk_roots([os.path.abspath(os.fspath(raw)) for raw in roots], walk)
    out.failed.extend(walk.stat_failed)  # after the folders that could not be listed, as ever
    return out


@dataclass(frozen=True)
class _Cut:
    """Where a walk is cut in two (``Prefetch``): at the candidate file ``path``, under the root ``roots[root]``;
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


class Prefetch:
    """``list_files(roots)`` run by forked processes while this one does other work (imports, opening an
    index, answering): the walk's time goes mostly to ``stat`` calls in the kernel, which other cores make
    at the same time. Where ``fork`` is missing, or the children fail, the listing is made here.

    With two cores or more, when the listing is compared with a file table, the walk is split in two at the
    table's middle file (``_Cut``): one child walks what comes before it in walk order, the other the rest
    (each folder listed by one of them, save the few on the way down to that file), each stating its half of
    the files, the ``stat`` calls being most of the cost. The first sends its part (or only that it equals the
    table's first rows) to the second, which joins the two into the listing the walk makes alone and sends
    back one answer."""

    def __init__(self, roots: list[str], pids: list[int], fd: int, against: str | None = None):
        self.roots = roots
        """The roots being listed, as given."""
        self.against = against
        """The data folder (absolute) whose file table the child compares its listing with, if any."""
        self._pids: list[int] = pids
        self._fd: int | None = fd
        self.spent: list[tuple[float, float]] = []
        """The user and system CPU seconds of each child, once reaped (``bench/folders.py --only phases``)."""

    @classmethod
    def start(cls, roots: list[str], against: str | os.PathLike | None = None,
              parts: int | None = None) -> "Prefetch | None":
        """Start listing ``roots`` in child processes; None when no process can be forked.

        ``against``: an index's data folder. The child compares its listing with the file table there
        (``file_paths.bin``, ``file_size.npy``, ``file_mtime.npy``, read as bytes) and, when they are equal,
        sends back only that (and the few files it could not use), not 96,000 paths to be compared here.
        ``parts``: 1 or 2 listing processes (default: 2 where this process may use two cores or more); 1 when
        there is no table to cut the walk at."""
        if not hasattr(os, "fork"):
            return None
        if parts is None:
            parts = 2 if _usable_cores() >= 2 else 1
        against = os.path.abspath(os.fspath(against)) if against is not None else None
        if against is None:
            parts = 1
        read_fd, write_fd = os.pipe()
        between = os.pipe() if parts == 2 else None  # from the first part to the second, which merges
        pids: list[int] = []
        for k in range(parts):
            try:
                pid = os.fork()
            except OSError:
                pid = None
            if pid == 0:  # a child: list, send, and leave without running the parent's exit handlers
                status = 1
                try:
                    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly; the parent says so
                    os.close(read_fd)
                    if between is None:
                        _send(write_fd, _reply(list_files(roots), against))
                    elif k == 0:
                        os.close(write_fd)
                        os.close(between[0])
                        _send(between[1], _first_part(roots, against))
                    else:
                        os.close(between[1])
                        _send(write_fd, _second_part(roots, against, between[0]))
                    status = 0
                finally:
                    os._exit(status)
            if pid is None:
                for done in pids:
                    os.kill(done, signal.SIGKILL)
                    os.waitpid(done, 0)
                for fd in (read_fd, write_fd, *(between or ())):
                    os.close(fd)
                return None
            pids.append(pid)
        os.close(write_fd)
        for fd in between or ():
            os.close(fd)
        return cls(list(roots), pids, read_fd, against)

    def listing(self) -> Listing:
        """The listing: the children's when they finished, else made here now."""
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
        """Close the pipe and wait for the children: the last one's exit status (None when reaped already)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        status = None
        while self._pids:
            pid = self._pids.pop(0)
            try:
                _, raw, usage = os.wait4(pid, 0)
                status = os.waitstatus_to_exitcode(raw)
                self.spent.append((usage.ru_utime, usage.ru_stime))
            except ChildProcessError:
                status = None
        return status

    def cancel(self) -> None:
        """Stop the listing, unread (the children are ended if they are still at work)."""
        for pid in self._pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._reap()

    def __del__(self) -> None:
        if getattr(self, "_fd", None) is not None or getattr(self, "_pids", None):
            self.cancel()


def _usable_cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _send(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd``."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _reply(listing: Listing, against: str | None, packed: tuple[bytes, bytes, bytes] | None = None,
           table: tuple[bytes, bytes, bytes] | None = None) -> bytes:
    """A listing child's answer: ``=`` and the few files it could not use when ``listing`` equals the file table in
    the data folder ``against``, else ``L`` and the whole listing (``packed``: its paths, sizes and mtimes as
    ``join_paths`` and native int64 bytes, when made already; ``table``: the file table there, when read already)."""
    blob, sizes, mtimes = packed or (join_paths(listing.paths), array("q", listing.sizes).tobytes(),
                                     array("q", listing.mtimes).tobytes())
    rest = (listing.failed, listing.skipped, listing.ignored, listing.missing)
    table = table or (_table(against) if against is not None else None)
    if table is not None and table == (blob, sizes, mtimes):
        return b"=" + pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL)
    return b"L" + pickle.dumps((blob, sizes, mtimes, *rest), protocol=pickle.HIGHEST_PROTOCOL)


def _table(data: str) -> tuple[bytes, bytes, bytes] | None:
    """The file table in the data folder ``data``: paths (``join_paths``), sizes and mtimes (native int64 bytes);
    None when it cannot be read or is not as a build writes it."""
    try:
        with open(os.path.join(data, "file_paths.bin"), "rb") as f:
            blob = f.read()
        sizes = _npy_int64s(os.path.join(data, "file_size.npy"))
        mtimes = _npy_int64s(os.path.join(data, "file_mtime.npy"))
    except OSError:
        return None
    if sizes is None or mtimes is None or len(sizes) != len(mtimes) or \
            len(sizes) != (blob.count(b"\0") + 1 if blob else 0) * 8:
        return None
    return blob, sizes, mtimes


def _middle(blob: bytes) -> str:
    """The path in the middle of a file table's paths (by bytes), '' when there are none."""
    half = len(blob) // 2
    end = blob.find(b"\0", half)
    return blob[blob.rfind(b"\0", 0, half) + 1:end if end >= 0 else len(blob)].decode("utf-8", "surrogateescape")


def _part(roots: list[str], table: tuple[bytes, bytes, bytes] | None, after: bool) -> tuple[Listing, "_Walk"]:
    """One part of a walk cut at the middle of ``table``: before the cut, or from it on (``after``). With no cut
    to make (no table, no file in it, roots inside one another), the part before is the whole walk."""
    roots = [os.path.abspath(r) for r in roots]
    cut = _Cut.at(roots, _middle(table[0])) if table is not None and table[0] else None
    out = Listing()
    walk = _Walk(out)
    if cut is not None or not after:
        _walk_roots(roots, walk, cut, after)
    return out, walk


def _first_part(roots: list[str], against: str) -> bytes:
    """The part of a cut walk before the cut, as sent to the other part: its listing, or only its length when it
    equals the table's first rows, and its inodes (a file reached from both parts is listed once)."""
    table = _table(against)
    out, walk = _part(roots, table, after=False)
    blob = join_paths(out.paths)
    sizes, mtimes = array("q", out.sizes).tobytes(), array("q", out.mtimes).tobytes()
    same = table is not None and table[0].startswith(blob) and table[0][len(blob):len(blob) + 1] in (b"", b"\0") \
        and table[1].startswith(sizes) and table[2].startswith(mtimes)
    seen = {dev: array("Q", inos).tobytes() for dev, inos in walk.seen.items()}
    values = (len(out.paths), len(blob)) if same else (blob, sizes, mtimes)
    return pickle.dumps((same, values, out.failed, walk.stat_failed, out.skipped, out.ignored, out.missing, seen),
                        protocol=pickle.HIGHEST_PROTOCOL)


def _second_part(roots: list[str], against: str, first_fd: int) -> bytes:
    """The part of a cut walk from the cut on: the first part read from ``first_fd`` and joined before it, and
    the answer of ``_reply`` made. When the first failed, or a file was reached from both parts, the listing
    is made here alone."""
    table = _table(against)
    out, walk = _part(roots, table, after=True)
    chunks = []
    try:
        while chunk := os.read(first_fd, 1 << 20):
            chunks.append(chunk)
    except OSError:
        chunks = []
    try:
        same, values, failed, stat_failed, skipped, ignored, missing, seen = pickle.loads(b"".join(chunks))
        for dev, raw in seen.items():
            inos = array("Q")
            inos.frombytes(raw)
            if not walk.seen.get(dev, set()).isdisjoint(inos):
                raise ValueError("a file reached from both parts")
        if same:
            count, length = values
            blob, sizes, mtimes = table[0][:length], table[1][:8 * count], table[2][:8 * count]
        else:
            blob, sizes, mtimes = values
    except (ValueError, TypeError, KeyError, pickle.UnpicklingError, EOFError):
        return _reply(list_files(roots), against)
    own = join_paths(out.paths)
    joined = Listing(failed=failed + out.failed + stat_failed + walk.stat_failed, skipped=skipped + out.skipped,
                     ignored=ignored + out.ignored, missing=missing + out.missing)
    packed = (blob + b"\0" + own if blob and own else blob or own, sizes + array("q", out.sizes).tobytes(),
              mtimes + array("q", out.mtimes).tobytes())
    return _reply(joined, against, packed, table)


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
