"""The corpus listed by forked processes while the first one imports, opens the index and answers (``Prefetch``).

A cold ``qabot ask`` spends most of its listing in the kernel, one ``stat`` a file: with three cores the walk is
cut in two at the middle file of the index's file table (``corpus._Cut``), each side listed by its own child,
and the second child joins both into the listing the walk makes alone. The children compare it with the file
table themselves and, when they are equal, send back one byte and the few files they could not use.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from array import array

from . import corpus, interrupts
from .corpus import Listing, _Cut, _Walk, _walk_roots, join_paths, list_files, list_packed


class Prefetch:
    """``list_files(roots)`` run by forked processes while this one does other work (imports, opening an
    index, answering): the walk's time goes mostly to ``stat`` calls in the kernel, which other cores make
    at the same time. Where ``fork`` is missing, or the children fail, the listing is made here.

    With three cores or more (one for this process and one for each child), when the listing is compared with a
    file table, the walk is split in two at the table's middle file (``_Cut``): one child walks what comes before
    it in walk order, the other the rest (each folder listed by one of them, save the few on the way down to that
    file), each stating its half of the files, the ``stat`` calls being most of the cost. The first sends its
    part (or only that it equals the table's first rows) to the second, which joins the two into the listing the
    walk makes alone and sends back one answer."""

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
        ``parts``: 1 or 2 listing processes (default: 2 where this process may use three cores or more, else 1:
        on two cores, three busy processes share them, and one child listing alone measured as fast and cheaper);
        1 when there is no table to cut the walk at."""
        if not hasattr(os, "fork"):
            return None
        if parts is None:
            parts = 2 if _usable_cores() >= 3 else 1
        against = os.path.abspath(os.fspath(against)) if against is not None else None
        if against is None:
            parts = 1
        # forked with Ctrl-C kept out: a child cannot be lost, nor an at-fork handler interrupted (see interrupts)
        with interrupts.protected():
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
                        interrupts.in_child(signal.SIG_DFL)  # Ctrl-C ends it quietly; the parent says so
                        os.close(read_fd)
                        if between is None:
                            listing, packed = list_packed(roots)
                            _send(write_fd, _reply(listing, against, packed))
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
                        interrupts.reaped(done)
                    for fd in (read_fd, write_fd, *(between or ())):
                        os.close(fd)
                    return None
                pids.append(pid)
                interrupts.forked(pid)
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
                interrupts.reaped(pid)
                status = os.waitstatus_to_exitcode(raw)
                self.spent.append((usage.ru_utime, usage.ru_stime))
            except ChildProcessError:
                interrupts.reaped(pid)
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
    """One part of a walk cut at the middle of ``table``: before the cut, or from it on (``after``), packed (its files
    in ``walk.packed_bytes()``, each folder scanned whole by the C helper where it can be, as ``list_packed`` does,
    and walked again the usual way if a file was reached twice). With no cut to make (no table, no file in it, roots
    inside one another), the part before is the whole walk."""
    roots = [os.path.abspath(r) for r in roots]
    cut = _Cut.at(roots, _middle(table[0])) if table is not None and table[0] else None
    for scan in (corpus._scan, None) if corpus._scan is not None else (None,):
        out = Listing()
        walk = _Walk(out, packed=True, scan=scan)
        if cut is not None or not after:
            _walk_roots(roots, walk, cut, after)
        if walk.once():
            break
    return out, walk


def _disjoint(ours: bytes, theirs: bytes) -> bool:
    """Whether two parts' inodes (native uint64 bytes, each part's all different) have none in common."""
    if corpus._helper is not None and hasattr(corpus._helper, "unique"):
        return corpus._helper.unique(ours + theirs)
    mine, other = array("Q"), array("Q")
    mine.frombytes(ours)
    other.frombytes(theirs)
    return set(mine).isdisjoint(other)


def _first_part(roots: list[str], against: str) -> bytes:
    """The part of a cut walk before the cut, as sent to the other part: its listing, or only its length when it
    equals the table's first rows, and its inodes (a file reached from both parts is listed once)."""
    table = _table(against)
    out, walk = _part(roots, table, after=False)
    blob, sizes, mtimes = walk.packed_bytes()
    same = table is not None and table[0].startswith(blob) and table[0][len(blob):len(blob) + 1] in (b"", b"\0") \
        and table[1].startswith(sizes) and table[2].startswith(mtimes)
    seen = walk.inodes()
    values = (len(sizes) // 8, len(blob)) if same else (blob, sizes, mtimes)
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
        ours = walk.inodes()
        for dev, raw in seen.items():
            if dev in ours and not _disjoint(ours[dev], raw):
                raise ValueError("a file reached from both parts")
        if same:
            count, length = values
            blob, sizes, mtimes = table[0][:length], table[1][:8 * count], table[2][:8 * count]
        else:
            blob, sizes, mtimes = values
    except (ValueError, TypeError, KeyError, pickle.UnpicklingError, EOFError):
        return _reply(list_files(roots), against)
    own, own_sizes, own_mtimes = walk.packed_bytes()
    joined = Listing(failed=failed + out.failed + stat_failed + walk.stat_failed, skipped=skipped + out.skipped,
                     ignored=ignored + out.ignored, missing=missing + out.missing)
    packed = (blob + b"\0" + own if blob and own else blob or own, sizes + own_sizes, mtimes + own_mtimes)
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
