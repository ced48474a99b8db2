"""What a build is given and what it gives: its settings, its report, and the blocks files become."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Callable

import numpy as np

from ..analysis import ANALYZER_VERSION
from ..bm25 import BM25Params
from ..passages import DEFAULT_MAX_TOKENS, ENCODING

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, path)`` while files are processed."""


class SpeakerStore(Enum):
    """When an index stores who speaks in each passage, so that "what did X say" questions need not work it out."""

    AFTER = "after"
    """By a pass after the build (``building.speaker_pass``), in the background at low priority: the default. The build
    is as fast as without them; merges join what segments already store."""
    BUILD = "build"
    """In the build itself (``qabot index --speakers``): the index is answered from them as soon as it is written; the
    build takes about twice the CPU."""
    OFF = "off"
    """Never (``qabot index --no-speakers``)."""


@dataclass(frozen=True)
class Settings:
    """What an index is built with."""

    max_tokens: int = DEFAULT_MAX_TOKENS
    """Passage budget in cl100k_base tokens."""
    bm25: BM25Params = BM25Params()
    """The scoring whose weights are precomputed."""
    speakers: SpeakerStore = SpeakerStore.AFTER
    """When who speaks in each passage is stored. ``BUILD`` is recorded in the manifest as the rules' version (so that
    later updates keep it, and redo every file when the rules change), ``OFF`` as false, ``AFTER`` not at all."""

    def tokenizing(self) -> dict:
        """The settings that change per-file results; when they differ, every file is redone (stored speakers
        count only when stored by the build, as the rules' version: an index without them is not redone for that)."""
        if self.speakers is not SpeakerStore.BUILD:
            return {"max_tokens": self.max_tokens, "analyzer": ANALYZER_VERSION, "encoding": ENCODING}
        from ..speakers.windows import rules_version

        return {"max_tokens": self.max_tokens, "analyzer": ANALYZER_VERSION, "encoding": ENCODING,
                "speakers": rules_version()}

    def to_json(self) -> dict:
        """The settings as stored in the manifest."""
        off = {"speakers": False} if self.speakers is SpeakerStore.OFF else {}
        return {**self.tokenizing(), **off, "bm25": asdict(self.bm25)}

    @classmethod
    def of(cls, manifest: dict | None) -> "Settings":
        """The settings an index was built with (the defaults when the manifest does not say)."""
        stored = manifest.get("settings") if isinstance(manifest, dict) else None
        if not isinstance(stored, dict):
            return cls()
        try:
            return cls(max_tokens=int(stored.get("max_tokens", DEFAULT_MAX_TOKENS)), bm25=BM25Params(**stored["bm25"]),
                       speakers=SpeakerStore.OFF if stored.get("speakers") is False
                       else SpeakerStore.BUILD if stored.get("speakers") else SpeakerStore.AFTER)
        except (TypeError, KeyError, ValueError):
            return cls()


@dataclass
class BuildReport:
    """What a build did. Paths are absolute (``corpus.display`` shows them)."""

    articles: int = 0
    """Articles in the index now."""
    passages: int = 0
    """Passages in the index now."""
    tokens: int = 0
    """cl100k_base tokens in the index now."""
    files: int = 0
    """Files indexed."""
    new: list[str] = field(default_factory=list)
    """Files read for the first time."""
    updated: list[str] = field(default_factory=list)
    """Files re-read because they changed."""
    unchanged: int = 0
    """Files kept from the previous build without reading them again."""
    removed: list[str] = field(default_factory=list)
    """Files of the previous build that are gone."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """Files that should have been articles and are not, with the reason (said again on every run)."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """Parts of indexed files passed over (a bad JSON line, say): ``(path, what)``, on every run."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Files passed over that are not failures: of no supported type, or empty."""
    ignored: int = 0
    """Images, audio, video, archives and office files, passed over quietly."""
    seconds: float = 0.0
    """Wall time of the build."""
    text_bytes: int = 0
    """UTF-8 bytes of article text read and processed in this build (new and updated files)."""

    @property
    def ok(self) -> bool:
        """True when nothing that should have been an article failed, in whole or in part."""
        return not self.failed and not self.warnings


@dataclass
class Block:
    """Some files' results: their articles, passages, sentences and term counts, ready to assemble."""

    meta: list[dict | bytes]
    """Each article's metadata (bytes: its JSON line, kept from the previous build)."""
    texts: list[bytes]
    para_start: np.ndarray
    para_end: np.ndarray
    art_npara: np.ndarray
    art_npas: np.ndarray
    pas_para: np.ndarray
    pas_start: np.ndarray
    pas_end: np.ndarray
    pas_tokens: np.ndarray
    pas_len: np.ndarray
    pas_nsent: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray
    vocab: list[str]
    coo_term: np.ndarray
    coo_doc: np.ndarray
    coo_tf: np.ndarray
    reused: tuple[int, int, int] | None = None
    """For articles taken from an older segment (a merge): ``(segment, first passage, end)`` there (their
    postings are read from it by ``assemble``)."""
    forms: list[tuple[tuple, list[str], np.ndarray, np.ndarray]] | None = None
    """New files' word counts, for a ``Tally`` (None for a kept file): per spelling table used, the
    table's key, the spellings it learnt since its last file of this build, and spelling ids with their counts."""
    spoke: Counter[str] | None = None
    """A new file's names seen speaking, with their counts."""
    spk_n: np.ndarray | None = None
    """With speakers stored (``building.speakers``): per passage, the sentences of its window; else None."""
    spk_start: np.ndarray | None = None
    """Those sentences' starts, passage after passage."""
    spk_code: np.ndarray | None = None
    """Their attributions, as rows of ``spk_table``."""
    spk_table: list | None = None
    """The distinct attributions (``speakers.Attribution``) the codes name."""
    spk_window: int | None = None
    """The window (characters) the attributions were made with."""

