"""Reading and checking ``manifest.json``, the errors that name a damaged or unwritable index, and the locks
that keep two builds writing one index (and a question asked during the first build) apart."""

from __future__ import annotations

import fcntl
import json
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import IndexDamaged, IndexLocked, IndexUnwritable
from .layout import FORMAT, FORMAT_VERSION, MANIFEST


LOCK_PATIENCE = 1.0
"""Seconds a writer waits for the index's write lock before it is refused."""


@contextmanager
def write_lock(index_dir: Path, patience: float = LOCK_PATIENCE) -> Iterator[None]:
    """Hold the index's write lock; a second writer is refused with a clear message when the lock is still held after
    ``patience`` seconds (the speaker pass holds it for a few milliseconds to add its files: a build started then
    waits for it instead of being refused)."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        handle = open(index_dir / ".lock", "a+")
    except OSError as err:
        raise unwritable(index_dir, err) from None
    with handle:
        give_up = time.monotonic() + patience
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    raise IndexLocked(f"another qabot index is writing {index_dir}; wait for it to finish") from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_held(path: Path) -> bool:
    """Whether a process holds the lock file ``path`` exclusively now (no shared lock can be had at once); False when
    there is no such file."""
    try:
        handle = open(path, "rb")
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False


def wait_for_first_build(index_dir: Path, say: Callable[[], None]) -> bool:
    """Wait while a build holds the index's write lock (calling ``say`` first); True when there was one."""
    if not lock_held(index_dir / ".lock"):
        return False
    say()
    try:
        handle = open(index_dir / ".lock", "rb")
    except OSError:
        return True
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH)  # until the build lets go
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return True


def damaged(index_dir: Path, why: str) -> IndexDamaged:
    """The error for a damaged index, with the one-line fix."""
    return IndexDamaged(f"the index at {index_dir} is damaged: {why}; run qabot index", why)


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


def manifest_stamp(index_dir: Path) -> tuple[int, int, int] | None:
    """The manifest's inode, modification time (ns) and size, which a build changes when it replaces the manifest
    (``os.replace``); None when there is none. A server compares it, one ``stat``, to see the index changed."""
    try:
        st = (index_dir / MANIFEST).stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def salvage_roots(index_dir: Path) -> list[str] | None:
    """The folders a damaged index's manifest still names, when it names them readably."""
    try:
        roots = json.loads((index_dir / MANIFEST).read_bytes()).get("roots")
    except (OSError, ValueError, AttributeError):
        return None
    return roots if isinstance(roots, list) and roots and all(isinstance(r, str) for r in roots) else None



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

