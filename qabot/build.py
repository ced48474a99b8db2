"""Building and updating an index: files to articles to passages to terms to BM25 arrays.

Each file's results are kept in the index; a rebuild re-reads only files whose size or mtime
changed, and re-tokenizes only those whose content hash changed too. Nothing is printed here:
``progress`` and the returned ``BuildReport`` tell the caller what happened.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np

from . import __version__
from .analysis import ANALYZER_VERSION, Analyzer
from .bm25 import BM25Params, weigh
from .errors import CorpusError, IndexDamaged
from .index import FORMAT, FORMAT_VERSION, BuildData, Index, read_manifest, write, write_lock
from .loading import discover, fingerprint, load_file, read_file
from .passages import DEFAULT_MAX_TOKENS, ENCODING, encoding, make_passages
from .vocabulary import surface_words

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, path)`` while files are processed."""


@dataclass(frozen=True)
class Settings:
    """What an index is built with."""

    max_tokens: int = DEFAULT_MAX_TOKENS
    """Passage budget in cl100k_base tokens."""
    bm25: BM25Params = BM25Params()
    """The scoring whose weights are precomputed."""

    def tokenizing(self) -> dict:
        """The settings that change per-file results; when they differ, every file is redone."""
        return {"max_tokens": self.max_tokens, "analyzer": ANALYZER_VERSION, "encoding": ENCODING}

    def to_json(self) -> dict:
        """The settings as stored in the manifest."""
        return {**self.tokenizing(), "bm25": asdict(self.bm25)}

    @classmethod
    def of(cls, manifest: dict | None) -> "Settings":
        """The settings an index was built with (the defaults when the manifest does not say)."""
        stored = manifest.get("settings") if isinstance(manifest, dict) else None
        if not isinstance(stored, dict):
            return cls()
        try:
            return cls(max_tokens=int(stored.get("max_tokens", DEFAULT_MAX_TOKENS)), bm25=BM25Params(**stored["bm25"]))
        except (TypeError, KeyError, ValueError):
            return cls()


@dataclass
class BuildReport:
    """What a build did."""

    articles: int = 0
    """Articles in the index now."""
    passages: int = 0
    """Passages in the index now."""
    tokens: int = 0
    """cl100k_base tokens in the index now."""
    files: int = 0
    """Files indexed."""
    new: int = 0
    """Files read for the first time."""
    updated: int = 0
    """Files re-read because they changed."""
    unchanged: int = 0
    """Files kept from the previous build without reading them again."""
    removed: int = 0
    """Files of the previous build that are gone."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Files passed over, with the reason."""
    warnings: list[str] = field(default_factory=list)
    """Parts of files passed over (a bad JSON line, say)."""
    seconds: float = 0.0
    """Wall time of the build."""
    text_bytes: int = 0
    """UTF-8 bytes of article text read and processed in this build (new and updated files)."""


@dataclass
class Block:
    """One file's results: its articles, passages, sentences and term counts, ready to assemble."""

    meta: list[dict]
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


def display_path(path: Path) -> str:
    """How a file is named in citations: relative to the current folder when under it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else os.path.abspath(path)
    except ValueError:
        return os.path.abspath(path)


def process(path: Path, data: bytes, display: str, max_tokens: int, enc, analyzer: Analyzer) -> tuple[Block | None, str | None, list[str]]:
    """Load, cut and analyse one file: ``(block, reason skipped, warnings)``."""
    loaded = load_file(path, data, display)
    if loaded.skipped or not loaded.articles:
        return None, loaded.skipped or "no article text found", loaded.warnings
    meta, texts = [], []
    para_s, para_e, npara, npas = [], [], [], []
    p_para, p_start, p_end, p_tok, p_len, p_nsent, s_start, s_end = ([] for _ in range(8))
    local: dict[str, int] = {}
    c_term, c_doc, c_tf = [], [], []
    doc = 0
    for article in loaded.articles:
        chunked = make_passages(article, 0, enc, max_tokens)
        meta.append({"id": article.id, "title": article.title, "path": article.path, "byline": article.byline,
                     "date": article.date, "url": article.url})
        texts.append(article.text.encode("utf-8", errors="surrogatepass"))
        npara.append(len(article.paragraphs))
        for s, e in article.paragraphs:
            para_s.append(s)
            para_e.append(e)
        npas.append(len(chunked.passages))
        for passage in chunked.passages:
            terms = analyzer.terms(article.text[passage.start:passage.end])
            p_para.append(passage.paragraph)
            p_start.append(passage.start)
            p_end.append(passage.end)
            p_tok.append(passage.tokens)
            p_len.append(len(terms))
            p_nsent.append(len(passage.sentences))
            for s, e in passage.sentences:
                s_start.append(s)
                s_end.append(e)
            for term, tf in Counter(terms).items():
                c_term.append(local.setdefault(term, len(local)))
                c_doc.append(doc)
                c_tf.append(tf)
            doc += 1
    i32 = np.int32
    block = Block(
        meta=meta, texts=texts, para_start=np.array(para_s, i32), para_end=np.array(para_e, i32),
        art_npara=np.array(npara, np.int64), art_npas=np.array(npas, np.int64), pas_para=np.array(p_para, i32),
        pas_start=np.array(p_start, i32), pas_end=np.array(p_end, i32), pas_tokens=np.array(p_tok, i32),
        pas_len=np.array(p_len, i32), pas_nsent=np.array(p_nsent, np.int64), sent_start=np.array(s_start, i32),
        sent_end=np.array(s_end, i32), vocab=list(local), coo_term=np.array(c_term, i32),
        coo_doc=np.array(c_doc, i32), coo_tf=np.array(c_tf, i32),
    )
    return block, None, loaded.warnings


class _Previous:
    """The previous build, cut back into per-file blocks for files that did not change."""

    def __init__(self, index: Index):
        self.index = index
        files = index.manifest["files"]
        self.art_lo = np.concatenate([[0], np.cumsum([f["articles"] for f in files])]).astype(np.int64)
        self.by_key = {f["key"]: i for i, f in enumerate(files)}
        ptr = index.array("post_ptr")
        term = np.repeat(np.arange(len(ptr) - 1, dtype=np.int32), np.diff(ptr))
        docs = index.array("post_doc")
        order = np.argsort(docs, kind="stable")
        self.doc_sorted = docs[order]
        self.term_sorted = term[order]
        self.tf_sorted = index.array("post_tf")[order]
        self.vocab = index.terms

    def block(self, key: str) -> Block:
        """The stored results of the file with this key."""
        ix = self.index
        f = self.by_key[key]
        a_lo, a_hi = int(self.art_lo[f]), int(self.art_lo[f + 1])
        pas_ptr, para_ptr, sent_ptr = ix.array("art_pas_ptr"), ix.array("art_para_ptr"), ix.array("pas_sent_ptr")
        p_lo, p_hi = int(pas_ptr[a_lo]), int(pas_ptr[a_hi])
        q_lo, q_hi = int(para_ptr[a_lo]), int(para_ptr[a_hi])
        s_lo, s_hi = int(sent_ptr[p_lo]), int(sent_ptr[p_hi])
        c_lo, c_hi = np.searchsorted(self.doc_sorted, [p_lo, p_hi])
        off = ix.array("art_text_off")
        text = ix._text
        return Block(
            meta=[ix.article_meta(i) for i in range(a_lo, a_hi)],
            texts=[bytes(text[int(off[i]):int(off[i + 1])]) for i in range(a_lo, a_hi)],
            para_start=np.array(ix.array("para_start")[q_lo:q_hi]), para_end=np.array(ix.array("para_end")[q_lo:q_hi]),
            art_npara=np.diff(para_ptr[a_lo:a_hi + 1]), art_npas=np.diff(pas_ptr[a_lo:a_hi + 1]),
            pas_para=np.array(ix.array("pas_para")[p_lo:p_hi]), pas_start=np.array(ix.array("pas_start")[p_lo:p_hi]),
            pas_end=np.array(ix.array("pas_end")[p_lo:p_hi]), pas_tokens=np.array(ix.array("pas_tokens")[p_lo:p_hi]),
            pas_len=np.array(ix.array("pas_len")[p_lo:p_hi]), pas_nsent=np.diff(sent_ptr[p_lo:p_hi + 1]),
            sent_start=np.array(ix.array("sent_start")[s_lo:s_hi]), sent_end=np.array(ix.array("sent_end")[s_lo:s_hi]),
            vocab=self.vocab, coo_term=self.term_sorted[c_lo:c_hi],
            coo_doc=(self.doc_sorted[c_lo:c_hi] - p_lo).astype(np.int32), coo_tf=self.tf_sorted[c_lo:c_hi],
        )


def _open_previous(index_dir: Path, settings: Settings) -> tuple[dict | None, _Previous | None]:
    """The previous manifest and, when its per-file results can be reused, those results."""
    try:
        manifest = read_manifest(index_dir)
    except IndexDamaged:
        return None, None
    if manifest is None or manifest.get("version") != FORMAT_VERSION:
        return manifest, None
    stored = manifest.get("settings", {})
    if {k: stored.get(k) for k in settings.tokenizing()} != settings.tokenizing():
        return manifest, None
    try:
        index = Index.open(index_dir)
        index.verify()  # every byte: damage must not be copied into the next build
        return manifest, _Previous(index)
    except (IndexDamaged, KeyError, ValueError, OSError):
        return manifest, None


def build(paths: list[str | os.PathLike], index_dir: Path, settings: Settings = Settings(),
          progress: Progress | None = None) -> BuildReport:
    """Build or update the index at ``index_dir`` from the articles under ``paths``."""
    started = time.perf_counter()
    report = BuildReport()
    files, skipped = discover(paths)
    missing = [p for p, why in skipped if why == "does not exist"]
    if missing and not files:
        raise CorpusError(f"no such file or folder: {missing[0]}")
    report.skipped.extend((p, why) for p, why in skipped if why != "does not exist")
    report.skipped.extend((p, "does not exist") for p in missing)
    with write_lock(index_dir):
        old_manifest, previous = _open_previous(index_dir, settings)
        old_files = {f["key"]: f for f in (old_manifest or {}).get("files", [])} if old_manifest else {}
        enc, analyzer = None, Analyzer()
        blocks: list[Block] = []
        entries: list[dict] = []
        for done, path in enumerate(files):
            if progress:
                progress(done, len(files), str(path))
            key = os.path.abspath(path)
            old = old_files.get(key)
            try:
                st = os.stat(path)
                same_stat = old is not None and old.get("size") == st.st_size and old.get("mtime_ns") == st.st_mtime_ns
                reusable = previous is not None and old is not None and key in previous.by_key
                if same_stat and reusable:
                    blocks.append(previous.block(key))
                    entries.append(dict(old))
                    report.unchanged += 1
                    continue
                data = read_file(path)
            except OSError as err:
                report.skipped.append((str(path), (err.strerror or str(err)).lower()))
                continue
            digest = fingerprint(data)
            if reusable and old.get("sha256") == digest:
                blocks.append(previous.block(key))
                entries.append(dict(old, size=st.st_size, mtime_ns=st.st_mtime_ns))
                report.unchanged += 1
                continue
            if enc is None:
                enc = encoding()
            block, why, warnings = process(path, data, display_path(path), settings.max_tokens, enc, analyzer)
            report.warnings.extend(warnings)
            if block is None:
                report.skipped.append((str(path), why or "no article text found"))
                continue
            report.text_bytes += sum(len(t) for t in block.texts)
            if old is None:
                report.new += 1
            else:
                report.updated += 1
            blocks.append(block)
            entries.append({"key": key, "path": display_path(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                            "sha256": digest, "articles": len(block.meta), "passages": int(len(block.pas_start)),
                            "tokens": int(block.pas_tokens.sum())})
        if progress:
            progress(len(files), len(files), "")
        current = {os.path.abspath(f) for f in files}
        report.removed = sum(1 for k in old_files if k not in current)
        if not blocks:
            where = ", ".join(str(p) for p in paths)
            if len(report.skipped) == 1:
                raise CorpusError(f"no articles to index in {where}: {report.skipped[0][0]}: {report.skipped[0][1]}")
            raise CorpusError(f"no articles to index in {where} ({len(report.skipped)} files skipped)")
        data = assemble(blocks, settings.bm25)
        data.words = _words(data, previous, report)
        if previous is not None:
            previous.index.close()  # its data folder may go once the new build is in place
        report.files = len(entries)
        report.articles = len(data.articles)
        report.passages = int(len(data.arrays["pas_start"]))
        report.tokens = int(data.arrays["pas_tokens"].sum())
        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION, "qabot": __version__,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "roots": [os.path.abspath(p) for p in paths],
            "settings": settings.to_json(),
            "counts": {"files": report.files, "articles": report.articles, "passages": report.passages,
                       "tokens": report.tokens, "terms": len(data.vocab)},
            "files": entries,
            "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
        }
        write(index_dir, data, manifest)
    report.seconds = time.perf_counter() - started
    return report


def _words(data: BuildData, previous: _Previous | None, report: BuildReport) -> list[tuple[str, int, int]]:
    """The build's surface words: the previous build's when no file changed, else counted afresh."""
    if previous is not None and not (report.new or report.updated or report.removed):
        try:
            words = previous.index.words
        except IndexDamaged:
            words = None
        if words is not None:
            return words
    return surface_words(data.text.decode("utf-8", errors="replace"))


def _ptr(counts: np.ndarray) -> np.ndarray:
    """Offsets (length n + 1) from counts."""
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out[1:])
    return out


def assemble(blocks: list[Block], params: BM25Params) -> BuildData:
    """Join per-file blocks into one build: global term ids, CSC postings and BM25 weights."""
    cat = np.concatenate
    vocab = sorted({t for vocab in {id(b.vocab): b.vocab for b in blocks}.values() for t in vocab})
    term_id = {t: i for i, t in enumerate(vocab)}
    maps: dict[int, np.ndarray] = {}
    terms, docs, tfs = [], [], []
    doc_base = 0
    for b in blocks:
        if id(b.vocab) not in maps:
            maps[id(b.vocab)] = np.array([term_id[t] for t in b.vocab], dtype=np.int64)
        terms.append(maps[id(b.vocab)][b.coo_term] if len(b.coo_term) else np.empty(0, np.int64))
        docs.append(b.coo_doc.astype(np.int64) + doc_base)
        tfs.append(b.coo_tf)
        doc_base += len(b.pas_start)
    term, doc, tf = cat(terms), cat(docs), cat(tfs).astype(np.int32)
    order = np.lexsort((doc, term))
    term, doc, tf = term[order], doc[order], tf[order]
    df = np.bincount(term, minlength=len(vocab))
    used = df > 0
    if not used.all():  # terms only the removed files had
        remap = np.cumsum(used) - 1
        term = remap[term]
        vocab = [t for t, u in zip(vocab, used) if u]
        df = df[used]
    ptr = _ptr(df)
    pas_len = cat([b.pas_len for b in blocks]).astype(np.int32)
    doc32 = doc.astype(np.int32)
    extra, base = weigh(ptr, doc32, tf, pas_len, params)
    texts = [t for b in blocks for t in b.texts]
    arrays = {
        "art_text_off": _ptr(np.array([len(t) for t in texts], dtype=np.int64)),
        "art_para_ptr": _ptr(cat([b.art_npara for b in blocks])),
        "para_start": cat([b.para_start for b in blocks]).astype(np.int32),
        "para_end": cat([b.para_end for b in blocks]).astype(np.int32),
        "art_pas_ptr": _ptr(cat([b.art_npas for b in blocks])),
        "pas_para": cat([b.pas_para for b in blocks]).astype(np.int32),
        "pas_start": cat([b.pas_start for b in blocks]).astype(np.int32),
        "pas_end": cat([b.pas_end for b in blocks]).astype(np.int32),
        "pas_tokens": cat([b.pas_tokens for b in blocks]).astype(np.int32),
        "pas_len": pas_len,
        "pas_sent_ptr": _ptr(cat([b.pas_nsent for b in blocks])),
        "sent_start": cat([b.sent_start for b in blocks]).astype(np.int32),
        "sent_end": cat([b.sent_end for b in blocks]).astype(np.int32),
        "post_ptr": ptr, "post_doc": doc32, "post_tf": tf, "post_extra": extra, "term_base": base,
    }
    return BuildData(arrays=arrays, vocab=vocab, articles=[m for b in blocks for m in b.meta], text=b"".join(texts))


def stale(index_dir: Path, paths: list[str | os.PathLike] | None = None) -> str | None:
    """Why the index at ``index_dir`` no longer matches its corpus, or None when it does.

    ``paths`` defaults to the folders and files the index was built from.
    """
    manifest = read_manifest(index_dir)
    if manifest is None:
        return "there is no index yet"
    if manifest.get("version") != FORMAT_VERSION:
        return f"the index has format version {manifest.get('version')}, not {FORMAT_VERSION}"
    stored = manifest.get("settings") if isinstance(manifest.get("settings"), dict) else {}
    if stored.get("analyzer") != ANALYZER_VERSION:
        return "the index was built with another version of the analyzer"
    roots = paths if paths is not None else manifest.get("roots", [])
    files, _ = discover(roots)
    recorded = {f["key"]: f for f in manifest.get("files", [])}
    skipped = {os.path.abspath(s["path"]) for s in manifest.get("skipped", [])}
    current = {os.path.abspath(f) for f in files}
    changed = 0
    for key in current:
        entry = recorded.get(key)
        if entry is None:
            if key not in skipped:
                changed += 1
            continue
        try:
            st = os.stat(key)
        except OSError:
            changed += 1
            continue
        if st.st_size != entry.get("size") or st.st_mtime_ns != entry.get("mtime_ns"):
            changed += 1
    removed = sum(1 for k in recorded if k not in current)
    if changed or removed:
        return f"the corpus changed since the index was built ({changed} new or changed, {removed} removed)"
    return None
