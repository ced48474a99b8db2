"""The index on disk: a folder with a versioned JSON manifest, segments of numpy arrays opened with
mmap, and a data folder of build-wide state.

Layout of ``index/``::

    manifest.json        format version, settings, the folders indexed, live counts, the data folder in
                         use and its checksums, and the segments in order, each with its counts, its
                         deleted counts and its checksums (small, whatever the corpus)
    seg-<id>/            one segment, never changed once written: *.npy arrays, terms.txt, articles.jsonl,
                         text.bin (its own articles, passages, terms and postings, with local ids)
    data-<id>/           one build's state: the per-file table (file_*.npy, file_paths.bin, where each
                         file's articles are), each segment's deleted articles, problems.json, word counts
    .lock                held while a build writes

Segments work as Lucene's do. A full build writes one segment. An update writes the new and changed
files as a new segment and marks the articles they replace, and removed files' articles, deleted in the
older segments (a new data folder holds the deletions; the old segments are not rewritten). Readers
number live articles and passages across the segments, so ids have no holes, and score with the live
corpus's statistics (``bm25.LiveBM25``): the same scores as a fresh build of the same files. Segments
merge when a tier of similar sizes holds too many (``segments.plan``), and ``qabot index --merge`` merges
them all into one, which also keeps the BM25 weights precomputed (the fastest to search).

Integrity: the manifest records each file's size, SHA-256, and a CRC-32 of sampled blocks (the whole file
when it is small). Opening an index checks sizes and the sampled CRCs: a bounded read (at most
``SAMPLE_BLOCKS`` x ``SAMPLE_SIZE`` bytes per file) however large the index, which catches truncation,
a swapped or rewritten file, and most alterations. ``qabot index --verify`` checks every byte against
the SHA-256. A reader holds a shared lock on every folder it uses, so a build that finishes meanwhile
leaves them for a later build to remove.

A build writes new folders, then replaces ``manifest.json`` with ``os.replace``: whatever moment a build
dies at, the manifest names complete folders, so the previous index keeps working. Folders no manifest
names are removed after the swap (or by the next build).

This module opens an index for reading (``Index``) and says whether it still matches its corpus
(``stale``); the index's files are written and read by the stages of ``qabot.store``.
"""

from __future__ import annotations

import bisect
import json
import os
from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

import numpy as np

from .analysis import ANALYZER_VERSION
from .bm25 import BM25, BM25Params, LiveBM25, Part, okapi_mean
from .errors import IndexDamaged, IndexMissing, QabotError
from .corpus import FileTable, Listing, changes, display, list_files, split_paths
from .model import Article, Passage
from .segments import Holes
from .store.folders import Folder, Segment, locate
from .store.layout import FORMAT_VERSION, STATE_ARRAYS, STATE_FILES
from .store.manifest import damaged, manifest_stamp, read_manifest, salvage_roots, wait_for_first_build
from .store.terms import Vocab, term_bytes
from .store.words_file import WORDS_FILE, pack_words, unpack_forms, unpack_words

__all__ = ["FORMAT_VERSION", "WORDS_FILE", "Index", "manifest_stamp", "pack_words", "read_manifest", "salvage_roots",
           "stale", "state_dir", "unpack_forms", "unpack_words", "wait_for_first_build"]
"""The reader, and what other modules import from here (re-exported from ``qabot.store``)."""
_PASSAGE_ROWS = ("pas_sent_ptr", "art_pas_ptr", "pas_para", "pas_start", "pas_end", "sent_start", "sent_end",
                 "pas_tokens")
"""The arrays ``Index.passage`` reads, in the order it unpacks them."""


def state_dir() -> Path:
    """Where qabot keeps its state (history): ``$QABOT_STATE_DIR``, else ``$XDG_STATE_HOME/qabot``."""
    if os.environ.get("QABOT_STATE_DIR"):
        return Path(os.environ["QABOT_STATE_DIR"])
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "qabot"



class Index:
    """An index opened for reading: its segments' arrays memory-mapped, text and metadata read when needed.

    Articles and passages are numbered across the segments, in the manifest's order, deleted ones left
    out: ids run from 0 to ``n_articles`` and ``n_passages`` as in an index built afresh."""

    def __init__(self, index_dir: Path, manifest: dict):
        self.dir = index_dir
        self.manifest = manifest
        self.data_dir = index_dir / manifest["data"]
        self.state = Folder(self, manifest["data"], manifest["checksums"],
                            (*(f"{a}.npy" for a in STATE_ARRAYS), *STATE_FILES), "data folder")
        self.segments = [Segment(self, entry) for entry in manifest["segments"]]
        self.stamp: tuple[int, int, int] | None = None
        """The manifest's ``manifest_stamp`` when it was opened (``reopened``)."""
        self._passage_rows: dict[int, tuple] = {}
        """Per segment, the arrays ``passage`` reads (``_PASSAGE_ROWS``, as ``Segment.items``)."""

    @classmethod
    def open(cls, index_dir: Path) -> "Index":
        """Open the index at ``index_dir``; IndexMissing or IndexDamaged when it cannot be used."""
        for attempt in range(3):
            stamp = manifest_stamp(index_dir)  # before the manifest is read: a change after it is seen by ``reopened``
            manifest = read_manifest(index_dir)
            if manifest is None:
                raise IndexMissing(f"no index at {index_dir}; run qabot index first")
            version = manifest.get("version")
            if version != FORMAT_VERSION:
                newer = isinstance(version, int) and version > FORMAT_VERSION
                raise IndexDamaged(
                    f"the index at {index_dir} has format version {version}, this qabot reads version "
                    f"{FORMAT_VERSION}{' (it was built by a newer qabot)' if newer else ''}; run qabot index to rebuild it"
                )
            index = cls(index_dir, manifest)
            index.stamp = stamp
            if index._hold() or attempt == 2:
                break
            # a build swapped the manifest and removed these folders meanwhile: read the manifest again
            index.close()
        index.check()
        return index

    def reopened(self) -> "Index | None":
        """This index opened afresh when only the speaker pass has changed it since it was opened (its manifest is
        new but names the same data folder and segments: the same articles and passages, numbered alike, now with
        stored speakers), else None; one ``stat`` when nothing changed. A long-running reader (the chat, ``qabot ask
        -``) calls it between questions, so an index asked right after ``qabot index`` gets faster once the pass is
        done, without a conversation's numbers changing under it."""
        stamp = manifest_stamp(self.dir)
        if stamp is None or stamp == self.stamp:
            return None
        self.stamp = stamp  # looked at once per change
        try:
            manifest = read_manifest(self.dir)
        except IndexDamaged:
            return None
        names = [s.get("name") for s in manifest.get("segments", []) if isinstance(s, dict)] if manifest else None
        if not manifest or manifest.get("data") != self.manifest.get("data") \
                or names != [s["name"] for s in self.manifest["segments"]]:
            return None  # a build: the numbers may differ; the chat's /index opens it again
        try:
            return Index.open(self.dir)
        except QabotError:
            return None

    def _folders(self) -> list[Folder]:
        return [self.state, *self.segments]

    def _hold(self) -> bool:
        """Hold every folder of the index; False when one is gone."""
        return all([folder.hold() for folder in self._folders()])

    def close(self) -> None:
        """Release the index's folders (arrays already mapped stay readable)."""
        for folder in getattr(self, "segments", []):
            folder.close()
        if hasattr(self, "state"):
            self.state.close()

    def __del__(self) -> None:
        self.close()

    def damaged(self, why: str) -> IndexDamaged:
        """The error for a damaged index, with the one-line fix."""
        return damaged(self.dir, why)

    def check_sizes(self) -> None:
        """Every file the manifest lists exists with its recorded size."""
        for folder in self._folders():
            folder.check_sizes()

    def check(self) -> None:
        """The cheap check run on every open: sizes, and the CRC-32 of sampled blocks of each file."""
        self.check_sizes()
        for folder in self._folders():
            folder.check()
        self._layout  # the deletions must fit the segments

    def verify(self) -> None:
        """Full integrity check: every file's SHA-256 against the manifest."""
        for folder in self._folders():
            folder.verify()

    @property
    def settings(self) -> dict:
        """The settings the index was built with."""
        return self.manifest["settings"]

    @property
    def counts(self) -> dict:
        """Files, articles, passages and tokens (live ones), and segments."""
        return self.manifest["counts"]

    @property
    def n_articles(self) -> int:
        """Number of articles."""
        return int(self.counts["articles"])

    @property
    def n_passages(self) -> int:
        """Number of passages."""
        return int(self.counts["passages"])

    # -- the segments as one index -------------------------------------------------------------------

    def deleted(self, s: int) -> np.ndarray:
        """Segment ``s``'s deleted articles (sorted article numbers in the segment)."""
        ptr = self.state.array("deleted_ptr")
        return np.asarray(self.state.array("deleted")[int(ptr[s]):int(ptr[s + 1])])

    @cached_property
    def _layout(self) -> tuple[list[int], list[int], list, list]:
        """``(first article, first passage, article holes, passage holes)`` per segment (holes None when
        nothing of it is deleted); the firsts have one more entry, the totals."""
        ptr = self.state.array("deleted_ptr")
        if len(ptr) != len(self.segments) + 1:
            raise self.damaged("the deletions do not match the segments")
        art_first, pas_first, art_holes, pas_holes = [0], [0], [], []
        for s, seg in enumerate(self.segments):
            gone = self.deleted(s)
            if len(gone) and (gone[0] < 0 or gone[-1] >= seg.n_articles or (np.diff(gone) <= 0).any()):
                raise self.damaged("the deletions do not match the segments")
            if len(gone):
                app = seg.array("art_pas_ptr")
                holes = Holes.of_ids(gone)
                passages = Holes.of_ranges(np.asarray(app[gone]), np.asarray(app[gone + 1]))
            else:
                holes = passages = None
            art_holes.append(holes)
            pas_holes.append(passages)
            art_first.append(art_first[-1] + seg.n_articles - (holes.count if holes else 0))
            pas_first.append(pas_first[-1] + seg.n_passages - (passages.count if passages else 0))
        if art_first[-1] != self.n_articles or pas_first[-1] != self.n_passages:
            raise self.damaged("the segments do not match the article and passage counts")
        return art_first, pas_first, art_holes, pas_holes

    def _article_at(self, i: int) -> tuple[int, int]:
        """``(segment, article in it)`` of article ``i``."""
        art_first, _, holes, _ = self._layout
        return locate(art_first, holes, i)

    def _passage_at(self, p: int) -> tuple[int, int]:
        """``(segment, passage in it)`` of passage ``p``."""
        _, pas_first, _, holes = self._layout
        return locate(pas_first, holes, p)

    def _article_id(self, s: int, a: int) -> int:
        """The id of live article ``a`` of segment ``s``."""
        art_first, _, holes, _ = self._layout
        return art_first[s] + (int(holes[s].rank(np.array([a]))[0]) if holes[s] is not None else a)

    def _passage_id(self, s: int, p: int) -> int:
        """The id of live passage ``p`` of segment ``s``."""
        _, pas_first, _, holes = self._layout
        return pas_first[s] + (int(holes[s].rank(np.array([p]))[0]) if holes[s] is not None else p)

    def live_articles(self, s: int) -> np.ndarray:
        """Segment ``s``'s live articles, ascending."""
        holes = self._layout[2][s]
        return holes.kept(self.segments[s].n_articles) if holes is not None else np.arange(self.segments[s].n_articles)

    def article(self, i: int) -> Article:
        """Article ``i`` with its text (read from disk now)."""
        s, a = self._article_at(i)
        seg = self.segments[s]
        meta = seg.meta(a)
        pp = seg.items("art_para_ptr")
        lo, hi = int(pp[a]), int(pp[a + 1])
        starts, ends = seg.items("para_start")[lo:hi], seg.items("para_end")[lo:hi]
        return Article(
            id=meta["id"], title=meta["title"], path=display(meta["path"]), text=seg.text(a),
            paragraphs=tuple(zip(starts.tolist(), ends.tolist())),
            byline=meta.get("byline"), date=meta.get("date"), url=meta.get("url"), role=meta.get("role"),
        )

    def article_meta(self, i: int) -> dict:
        """Article ``i``'s metadata without its text (only its own line is read)."""
        s, a = self._article_at(i)
        return self.segments[s].meta(a)

    def all_meta(self) -> list[dict]:
        """Every article's metadata, in order (one pass over each segment's articles.jsonl)."""
        out = []
        try:
            for s, seg in enumerate(self.segments):
                lines = seg.read_all("articles.jsonl").decode("ascii").splitlines()
                holes = self._layout[2][s]
                keep = holes.kept(len(lines)).tolist() if holes is not None else range(len(lines))
                out.extend(json.loads(lines[a]) for a in keep)
        except (ValueError, IndexError):
            raise self.damaged("articles.jsonl cannot be read") from None
        return out

    def article_passages(self, i: int) -> range:
        """The ids of article ``i``'s passages, in order."""
        s, a = self._article_at(i)
        app = self.segments[s].items("art_pas_ptr")
        lo, hi = int(app[a]), int(app[a + 1])
        first = self._passage_id(s, lo) if hi > lo else 0
        return range(first, first + hi - lo)

    def passage_counts(self) -> list[int]:
        """Every article's number of passages, in order."""
        out: list[int] = []
        for s, seg in enumerate(self.segments):
            counts = np.diff(seg.array("art_pas_ptr"))
            out.extend(counts[self.live_articles(s)].tolist())
        return out

    def passage_article(self, p: int) -> int:
        """The article index of passage ``p``."""
        s, local = self._passage_at(p)
        a = int(np.searchsorted(self.segments[s].array("art_pas_ptr"), local, side="right") - 1)
        return self._article_id(s, a)

    def passage(self, p: int) -> Passage:
        """Passage ``p`` (its rows read through ``Segment.items``: Python ints, no array scalars)."""
        s, lp = self._passage_at(p)
        rows = self._passage_rows.get(s)
        if rows is None:
            items = self.segments[s].items
            rows = self._passage_rows[s] = tuple(map(items, _PASSAGE_ROWS))
        sent_ptr, art_pas_ptr, para, start, end, sent_start, sent_end, tokens = rows
        lo, hi = sent_ptr[lp], sent_ptr[lp + 1]
        return Passage(self._article_id(s, bisect.bisect_right(art_pas_ptr, lp) - 1), int(para[lp]), int(start[lp]),
                       int(end[lp]), tuple(zip(sent_start[lo:hi].tolist(), sent_end[lo:hi].tolist())), int(tokens[lp]))

    def stores_speakers(self, window: int) -> bool:
        """True when some segment stores speakers made by these rules for ``window`` (``Segment.speaker_table``)."""
        return any((table := seg.speaker_table()) is not None and table[0] == window for seg in self.segments)

    def stored_speakers(self, p: int, window: int) -> dict | None:
        """Who speaks in passage ``p``'s window as stored at build time (``Segment.stored_speakers``), or None."""
        s, lp = self._passage_at(p)
        return self.segments[s].stored_speakers(lp, window)

    @property
    def pristine(self) -> bool:
        """True when the index is one segment with nothing deleted (as a full build or a merge leaves it)."""
        return len(self.segments) == 1 and self._layout[3][0] is None

    def _only(self) -> Segment:
        """The one segment of a pristine index (for the term-id views below)."""
        if not self.pristine:
            raise ValueError("this view needs an index of one segment with nothing deleted (qabot index --merge)")
        return self.segments[0]

    def array(self, name: str) -> np.ndarray:
        """One array of a pristine index (segment or data folder)."""
        if name in STATE_ARRAYS:
            return self.state.array(name)
        return self._only().array(name)

    @property
    def vocab(self) -> Vocab:
        """Term to term id of a pristine index."""
        return self._only().vocab

    @cached_property
    def terms(self) -> list[str]:
        """Every live term, sorted by its bytes (term ids of a pristine index)."""
        if self.pristine:
            return self.segments[0].terms
        return [t.decode("utf-8", errors="surrogatepass") for t in self.live_terms()[0]]

    @property
    def n_terms(self) -> int:
        """How many distinct terms the live passages hold."""
        return self.segments[0].entry["terms"] if self.pristine else len(self.live_terms()[0])

    def live_terms(self) -> tuple[list[bytes], np.ndarray]:
        """Every term the live passages hold (as stored, sorted) and its document frequency; reads
        every segment's terms and, for a segment with deletions, its postings."""
        if self.pristine:
            seg = self.segments[0]
            return [term_bytes(t) for t in seg.terms], np.diff(seg.array("post_ptr"))
        keys: list[bytes] = []
        dfs = []
        for seg, holes in zip(self.segments, self._layout[3]):
            blob = seg.read_all("terms.txt")
            keys.extend(blob.split(b"\n")[:len(seg.vocab)])
            ptr = np.asarray(seg.array("post_ptr"))
            if holes is None:
                dfs.append(np.diff(ptr))
            elif len(ptr) > 1:
                live = holes.live(np.arange(seg.n_passages))
                dfs.append(np.add.reduceat(live[seg.array("post_doc")].astype(np.int64), ptr[:-1]))
        if not keys:
            return [], np.zeros(0, np.int64)
        unique, inverse = np.unique(np.array(keys, dtype=object), return_inverse=True)
        df = np.zeros(len(unique), dtype=np.int64)
        np.add.at(df, inverse, np.concatenate(dfs))
        used = df > 0
        return unique[used].tolist(), df[used]

    def bm25(self, params: BM25Params | None = None) -> BM25:
        """The BM25 scorer: the stored weights when the index is pristine and ``params`` match the build's,
        else weighed per query term from the live corpus's statistics (the same scores)."""
        built = BM25Params(**self.settings["bm25"])
        params = params or built
        if self.pristine and params == built and self.segments[0].entry.get("weights"):
            seg = self.segments[0]
            return BM25(seg.array("post_ptr"), seg.array("post_doc"), seg.array("post_extra"), seg.array("term_base"),
                        self.n_passages, vocab=seg.vocab)
        _, pas_first, _, holes = self._layout
        parts = [Part(seg.vocab, seg.array("post_ptr"), seg.array("post_doc"), seg.array("post_tf"), seg.array("pas_len"),
                      pas_first[s], holes[s]) for s, seg in enumerate(self.segments) if pas_first[s + 1] > pas_first[s]]
        length = sum(seg.entry["length"] - seg.entry.get("deleted", {}).get("length", 0) for seg in self.segments)
        return LiveBM25(parts, self.n_passages, length, params, lambda: okapi_mean(self.live_terms()[1], self.n_passages))

    # -- the data folder -----------------------------------------------------------------------------

    @cached_property
    def _words_and_counts(self) -> tuple[list[tuple[str, int, int]], Counter, Counter] | None:
        """``words.bin`` unpacked (None for an index written before it: see ``words`` and ``word_counts``)."""
        if not self.state.has(WORDS_FILE):
            return None
        try:
            return unpack_words(self.state.read_all(WORDS_FILE))
        except (ValueError, UnicodeDecodeError):
            raise self.damaged(f"{WORDS_FILE} cannot be read") from None

    @cached_property
    def words(self) -> list[tuple[str, int, int]] | None:
        """Surface words ``(spelling, count, spoke)``, most frequent first; None when built without them."""
        if self._words_and_counts is not None:
            return list(self._words_and_counts[0])
        if not self.state.has("words.json"):
            return None
        try:
            words = list(map(tuple, json.loads(self.state.read_all("words.json").decode("utf-8"))))
            if words and ({*map(len, words)} != {3} or [{*map(type, c)} for c in zip(*words)] != [{str}, {int}, {int}]):
                raise ValueError
            return words
        except (ValueError, TypeError):
            raise self.damaged("words.json cannot be read") from None

    def spelling_counts(self) -> Mapping[str, int] | None:
        """Every spelling's count as the build kept it, not copied (read it, never change it); None when built
        without them."""
        if self.__dict__.get("_words_and_counts") is not None:  # unpacked already
            return self._words_and_counts[1]
        return self._forms

    @cached_property
    def _forms(self) -> Mapping[str, int] | None:
        """``spelling_counts`` read alone from ``words.bin`` (the words and speakers left packed), or from the JSON of
        an index written before it."""
        if not self.state.has(WORDS_FILE):
            counts = self.word_counts()
            return counts[0] if counts is not None else None
        try:
            return unpack_forms(self.state.read_all(WORDS_FILE))
        except (ValueError, UnicodeDecodeError):
            raise self.damaged(f"{WORDS_FILE} cannot be read") from None

    def word_counts(self) -> tuple[Counter, Counter] | None:
        """Every spelling's and every speaker's count, as the build kept them; None when built without them."""
        if self._words_and_counts is not None:
            return Counter(self._words_and_counts[1]), Counter(self._words_and_counts[2])
        if not self.state.has("word_counts.json"):
            return None
        try:
            stored = json.loads(self.state.read_all("word_counts.json").decode("utf-8"))
            return Counter(stored["forms"]), Counter(stored["spoke"])
        except (ValueError, TypeError, KeyError):
            raise self.damaged("word_counts.json cannot be read") from None

    def file_table(self) -> FileTable:
        """The state of every file this build has seen (read whole: a few bytes a file)."""
        try:
            paths = split_paths(self.state.read_all("file_paths.bin"))
            arrays = [np.array(self.state.array(name)) for name in FileTable.ARRAYS]
        except (KeyError, TypeError):
            raise self.damaged("file_paths.bin cannot be read") from None
        table = FileTable(paths, *arrays)
        if not len(paths) == len(table.size) == len(table.status) == len(table.art_ptr) - 1:
            raise self.damaged("the file table does not match its paths")
        return table

    def file_places(self) -> tuple[np.ndarray, np.ndarray]:
        """Per file of the file table: the segment holding its articles (-1: none) and its first article there."""
        seg, art = np.array(self.state.array("file_seg")), np.array(self.state.array("file_art"))
        if len(seg) != len(art) or (len(seg) and seg.max(initial=-1) >= len(self.segments)):
            raise self.damaged("the file table does not match the segments")
        return seg, art

    def problems(self) -> dict[str, dict]:
        """What went wrong with the few files that failed, were passed over, or lost parts (by path)."""
        try:
            problems = json.loads(self.state.read_all("problems.json").decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            raise self.damaged("problems.json cannot be read") from None
        if not isinstance(problems, dict):
            raise self.damaged("problems.json cannot be read")
        return problems



def stale(index_dir: Path, paths: list[str | os.PathLike] | None = None, listing: Listing | None = None,
          opened: Index | None = None) -> str | None:
    """Why the index at ``index_dir`` no longer matches its corpus, or None when it does.

    ``paths`` defaults to the folders and files the index was built from; ``listing`` is their listing
    when it was made already (``prefetch.Prefetch``); ``opened``, when given, is the index judged (the one
    answered from), else the one the manifest names now. The comparison with the stored file table is
    done in bulk.
    """
    manifest = opened.manifest if opened is not None else read_manifest(index_dir)
    if manifest is None:
        return "there is no index yet"
    if manifest.get("version") != FORMAT_VERSION:
        return f"the index has format version {manifest.get('version')}, not {FORMAT_VERSION}"
    stored = manifest.get("settings") if isinstance(manifest.get("settings"), dict) else {}
    if stored.get("analyzer") != ANALYZER_VERSION:
        return "the index was built with another version of the analyzer"
    data = index_dir / manifest["data"]
    if listing is not None and listing.matches is not None and listing.matches == os.path.abspath(data):
        return None  # the listing child found the corpus equal to this very file table (data folders never change)
    if listing is None:
        listing = list_files(paths if paths is not None else manifest.get("roots", []))
    try:
        blob = (data / "file_paths.bin").read_bytes()
        size = np.load(data / "file_size.npy", allow_pickle=False)
        mtime = np.load(data / "file_mtime.npy", allow_pickle=False)
    except (OSError, ValueError):
        return None  # a damaged index: opening it says so, and qabot index mends it
    changed = changes(listing, blob, size, mtime)
    if changed is not None:
        return f"the corpus changed since the index was built ({changed[0]} new or changed, {changed[1]} removed)"
    return None
