"""The speaker pass: who speaks in each passage, worked out after a build for the segments that lack it and added to
them (``store.writing.attach_speakers``), so that "what did X say" questions read it instead of working it out (about
twice as fast cold). ``qabot index`` starts it in the background at the lowest CPU priority (``start``) once the index is
written, so the build is as fast as without it; a question asked before it ends works speakers out itself, as it
always could, and gets the same answer. A segment keeps what the pass stored until the rules change (their version is
in its manifest entry), and merges join what their segments store.

Run by hand: ``python -m qabot.building.speaker_pass INDEX_DIR`` (what ``start`` runs, detached).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from ..index import Index
from ..store.manifest import lock_held, read_manifest
from ..store.writing import attach_speakers
from .data import Settings, SpeakerStore
from .previous import segment_block
from .speakers import add_speakers, default_window, join_speakers

MINIMUM_PASSAGES = 1000
"""Passages lacking stored speakers below which no pass is started: over so few, a cold "what did X say" question
works them out in milliseconds."""
CHUNK_ARTICLES = 500
"""Articles attributed at a time (their text is held only while they are)."""
ROUNDS = 5
"""Times the pass looks again for segments that lack speakers (a build may have added some while it worked)."""
_LOCK = ".speakers.lock"
"""The pass's own lock file in the index folder: one pass at a time per index."""


def lacking(manifest: dict | None) -> list[tuple[str, int]]:
    """``(name, passages)`` of each segment of ``manifest`` whose entry does not name speakers stored by this code's
    rules."""
    from ..speakers.windows import rules_version

    version = rules_version()
    entries = manifest.get("segments", []) if isinstance(manifest, dict) else []
    return [(e["name"], int(e.get("passages", 0))) for e in entries
            if isinstance(e, dict) and isinstance(e.get("name"), str) and e.get("speakers") != version]


def due(index_dir: Path, minimum: int = MINIMUM_PASSAGES) -> bool:
    """Whether the index at ``index_dir`` wants a speaker pass: its settings ask for one (``SpeakerStore.AFTER``) and at
    least ``minimum`` of its passages lack stored speakers."""
    try:
        manifest = read_manifest(index_dir)
    except Exception:  # a damaged index is said by the command that reads it
        return False
    if manifest is None or Settings.of(manifest).speakers is not SpeakerStore.AFTER:
        return False
    entries = [e for e in manifest.get("segments", []) if isinstance(e, dict)]
    if sum(int(e.get("passages", 0)) for e in entries) < max(minimum, 1):
        return False  # too small whatever it stores: the rules (and their hash) are not imported for it
    return sum(n for _, n in lacking(manifest)) >= max(minimum, 1)


def running(index_dir: Path) -> bool:
    """Whether a pass is at work on the index at ``index_dir`` now (it holds its lock)."""
    return lock_held(Path(index_dir) / _LOCK)


def state(manifest: dict, index_dir: Path) -> str:
    """One line saying how much of the index stores who speaks where (``qabot index --verify``)."""
    total = sum(int(e.get("passages", 0)) for e in manifest.get("segments", []) if isinstance(e, dict))
    lacking_now = sum(n for _, n in lacking(manifest))
    if Settings.of(manifest).speakers is SpeakerStore.OFF:
        return "who speaks where is not stored (qabot index --no-speakers): each answer works it out"
    if not lacking_now:
        return f"who speaks where is stored for all {total:,} passages"
    if running(index_dir):
        return f"who speaks where is stored for {total - lacking_now:,} of {total:,} passages; a pass is storing the rest now"
    if lacking_now < MINIMUM_PASSAGES:
        return (f"who speaks where is stored for {total - lacking_now:,} of {total:,} passages; answers work out the rest "
                "(too few to be worth a pass)")
    return (f"who speaks where is stored for {total - lacking_now:,} of {total:,} passages; answers work out the rest "
            "until qabot index starts a pass")


def start(index_dir: Path, minimum: int = MINIMUM_PASSAGES) -> bool:
    """Start the pass for the index at ``index_dir`` in a detached process at the lowest CPU priority, when it is due;
    True when started. The process prints nothing and outlives this one. ``QABOT_BACKGROUND=0`` in the environment
    starts nothing (a script or container that wants no process left behind: the answers work speakers out)."""
    if os.environ.get("QABOT_BACKGROUND") == "0" or not due(index_dir, minimum):
        return False
    root = str(Path(__file__).resolve().parents[2])  # where ``qabot`` is imported from, installed or not
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
    try:
        subprocess.Popen([sys.executable, "-m", "qabot.building.speaker_pass", os.path.abspath(index_dir), str(minimum)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, close_fds=True, env=env)
    except OSError:
        return False  # the answers work speakers out as before
    return True


def attribute_segment(index: Index, s: int) -> tuple[dict, dict]:
    """The stored speakers of segment ``s`` of ``index`` (its arrays and ``SPEAKERS_FILE``'s content), worked out as
    the build's ``--speakers`` works them out, deleted articles included (the segment's rows are cut by passage)."""
    seg = index.segments[s]
    window = default_window()
    blocks = []
    for lo in range(0, seg.n_articles, CHUNK_ARTICLES):
        block = segment_block(seg, s, lo, min(seg.n_articles, lo + CHUNK_ARTICLES))
        add_speakers(block, window)
        block.texts = []
        blocks.append(block)
    joined = join_speakers(blocks, window)
    if joined is None:  # a segment with no articles
        from ..speakers.windows import rules_version

        empty = np.zeros(0, np.int32)
        return ({"spk_ptr": np.zeros(1, np.int64), "spk_start": empty, "spk_code": empty},
                {"rules": rules_version(), "window": window, "table": []})
    return joined


def run(index_dir: Path, minimum: int = 0) -> int:
    """Store speakers in every segment of the index at ``index_dir`` that lacks them (when at least ``minimum`` of its
    passages do); the number of segments stored. Returns 0 at once when another pass holds the index."""
    index_dir = Path(index_dir)
    try:
        handle = open(index_dir / _LOCK, "a+")
    except OSError:
        return 0
    done = 0
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0
        for _ in range(ROUNDS):
            manifest = read_manifest(index_dir)
            todo = lacking(manifest)
            if not todo or sum(n for _, n in todo) < minimum:
                break
            index = Index.open(index_dir)
            try:
                names = {seg.name: s for s, seg in enumerate(index.segments)}
                for name, _ in todo:
                    if name in names:
                        arrays, stored = attribute_segment(index, names[name])
                        done += attach_speakers(index_dir, name, arrays, stored)
            finally:
                index.close()
            minimum = 1  # what a build added meanwhile, however little
    return done


def main(argv: list[str]) -> int:
    """``python -m qabot.building.speaker_pass INDEX_DIR [MINIMUM]``: the pass at the lowest CPU priority."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))  # runs only on a core nothing else wants
    except (AttributeError, OSError):
        try:
            os.nice(19)
        except OSError:
            pass
    try:
        run(Path(argv[0]), int(argv[1]) if len(argv) > 1 else 0)
    except Exception as err:  # noqa: BLE001 - detached: nobody reads it; the answers work speakers out as before
        print(f"qabot speaker pass: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
