"""The file itself: its bytes read safely, its content hash, whether it is text at all, and the ids of its articles."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article


@dataclass
class Loaded:
    """What one file yielded: its articles and the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    """The articles found in the file, in file order."""
    warnings: list[str] = field(default_factory=list)
    """One-line descriptions of parts that were skipped (a bad JSON line, say), without the file's path."""
    skipped: str | None = None
    """Why the whole file was skipped, when it was."""


def read_file(path: Path) -> bytes:
    """The bytes of a regular file; OSError for anything else.

    Opened without blocking and checked after opening, so a file swapped for a FIFO or a device
    since it was discovered is refused instead of hanging the build.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file", str(path))
        data = os.read(fd, st.st_size + 1)  # one read for the usual file (no buffered reader: half the cost of a tiny file)
        if len(data) == st.st_size:
            return data
        chunks = [data]  # it changed size since, or the read was short (2 GB at most): read on to the end
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def fingerprint(data: bytes) -> str:
    """The content hash that decides whether a file changed since the last build."""
    return hashlib.sha256(data).hexdigest()


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL-heavy, no UTF-16 BOM)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return False
    if not head:
        return False
    # Text, in any 8-bit encoding or UTF-8, has next to no C0 controls but tab, newlines, form feed
    # and escape; random or compressed bytes have about 11% (NUL included).
    odd = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return odd > len(head) // 20


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def article_id(display: str, position: int) -> str:
    """The stable id of the article at ``position`` in the file shown as ``display``."""
    return hashlib.sha1(f"{display}#{position}".encode("utf-8", "surrogateescape")).hexdigest()[:16]

