"""The folders of an open index, the data folder and each segment: checked against the manifest's checksums,
held with a shared lock while open, their arrays memory-mapped and their files read with ``pread``."""

from __future__ import annotations

import bisect
import fcntl
import json
import os
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import IndexDamaged
from ..lazyseq import MadeWhenRead
from .layout import SEGMENT_ARRAYS, SEGMENT_FILES, SPEAKERS_FILE, file_sha256, sample_crc
from .terms import Vocab

_UNREAD = object()


class Owner(Protocol):
    """The open index a folder belongs to (``index.Index``)."""

    dir: Path

    def damaged(self, why: str) -> IndexDamaged:
        """The error for a damaged index, with the one-line fix."""


class Folder:
    """A folder of the index (the data folder or a segment) whose files the manifest checksums; read with
    ``pread`` and memory maps, held with a shared lock while open so that no build removes it."""

    def __init__(self, index: Owner, name: str, checksums: dict, required: tuple[str, ...], what: str):
        self.index = index
        self.name = name
        self.dir = index.dir / name
        self.checksums = checksums
        self.required = required
        self.what = what
        self._arrays: dict[str, np.ndarray] = {}
        self._items: dict[str, object] = {}
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
            if file_sha256(self.dir / name) != info.get("sha256"):
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

    def items(self, name: str):
        """One array to read an item or a short run at a time: a ``memoryview`` over the map (an item is a Python
        int or float, a slice's ``tolist()`` a list of them, ``bisect`` searches it), several times cheaper per
        item than the array; the array itself where its items are not of a native type."""
        found = self._items.get(name)
        if found is None:
            array = self.array(name)
            try:
                view = memoryview(array)
                found = view if array.ndim == 1 and view.format in _NATIVE else array
            except (TypeError, ValueError, BufferError):
                found = array
            self._items[name] = found
        return found

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


class Segment(Folder):
    """One segment of an open index: its own articles, passages, terms and postings (local ids)."""

    def __init__(self, index: Owner, entry: dict):
        required = (*(f"{a}.npy" for a in SEGMENT_ARRAYS), *SEGMENT_FILES)
        super().__init__(index, entry["name"], entry["checksums"], required, "segment folder")
        self.entry = entry
        self.n_articles = int(entry["articles"])
        self.n_passages = int(entry["passages"])
        self._speaker_table: tuple[int, list] | None | object = _UNREAD
        self._speaker_rows: tuple[list[int], list[int], list[int]] | None = None
        """``spk_ptr``, ``spk_start`` and ``spk_code`` as lists, once looked up."""

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

    def speaker_table(self) -> tuple[int, list] | None:
        """With speakers stored by the rules of this code (``qabot index --speakers``): the window they were made
        with and their table of attributions; else None (read once)."""
        if self._speaker_table is _UNREAD:
            self._speaker_table = None
            entry = self.entry.get("speakers")
            if entry and self.has(SPEAKERS_FILE):
                from ..speakers.windows import decode_table, rules_version  # only a speech question needs them

                if entry == rules_version():
                    try:
                        stored = json.loads(self.read_all(SPEAKERS_FILE))
                        rows = stored["table"]  # each row decoded when first read: a batch of questions reads a
                        # few hundred of the BBC's 7,769, and decoding them all was a tenth of loading the table
                        self._speaker_table = (int(stored["window"]),
                                               MadeWhenRead(len(rows), lambda i: decode_table([rows[i]])[0]))
                    except (ValueError, KeyError, TypeError, IndexError):
                        raise self.damaged(f"{SPEAKERS_FILE} cannot be read") from None
        return self._speaker_table

    def stored_speakers(self, p: int, window: int) -> dict | None:
        """Who speaks in each sentence of passage ``p``'s window, by sentence start, as stored at build time for a
        window of ``window`` characters; None when the segment has none stored so (the answer works it out)."""
        stored = self.speaker_table()
        if stored is None or stored[0] != window:
            return None
        if self._speaker_rows is None:  # as lists: a few thousand passages looked up cost more than making them
            self._speaker_rows = tuple(self.array(name).tolist() for name in ("spk_ptr", "spk_start", "spk_code"))
        ptr, starts, codes = self._speaker_rows
        lo, hi = ptr[p], ptr[p + 1]
        table = stored[1]
        return dict(zip(starts[lo:hi], [table[c] for c in codes[lo:hi]]))


_NATIVE = frozenset("bBhHiIlLqQfd")
"""``memoryview`` formats of native integers and floats (``Segment.items``)."""


def locate(first: list[int], holes: list, i: int) -> tuple[int, int]:
    """``(segment, row in it)`` of live row ``i``, given each segment's first live row (``first``, with the
    total last) and its deletions (``holes``, None where it has none)."""
    if not 0 <= i < first[-1]:
        raise IndexError(i)
    s = bisect.bisect_right(first, i) - 1
    local = i - first[s]
    return s, holes[s].local(local) if holes[s] is not None else local

