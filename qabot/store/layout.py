"""What an index folder holds: the format, every array and file of a segment and of the data folder, and
the checksums each file is recorded with in the manifest (its size, SHA-256 and a CRC-32 of sampled blocks)."""

from __future__ import annotations

import zlib
from pathlib import Path

from ..corpus import FileTable

FORMAT = "qabot-index"
FORMAT_VERSION = 4
MANIFEST = "manifest.json"

SEGMENT_ARRAYS = (
    "art_text_off", "art_para_ptr", "para_start", "para_end", "art_pas_ptr",
    "pas_para", "pas_start", "pas_end", "pas_tokens", "pas_len", "pas_sent_ptr",
    "sent_start", "sent_end", "post_ptr", "post_doc", "post_tf", "term_off", "art_meta_off",
)
"""Every array of a segment, each saved as ``<name>.npy``.

``term_off`` cuts ``terms.txt`` (the segment's terms, UTF-8, sorted by their bytes, one per line) and
``art_meta_off`` cuts ``articles.jsonl`` (one JSON object per line), so a reader looks up a term
by binary search and reads one article's metadata without loading the rest."""
PASSAGE_ARRAYS = ("pas_para", "pas_start", "pas_end", "pas_tokens", "pas_len")
"""The arrays of one value per passage: sliced and joined as they are when segments merge. A new one
is named here, in ``SEGMENT_ARRAYS`` and as a field of ``building.data.Block``."""
PARAGRAPH_ARRAYS = ("para_start", "para_end")
"""One value per paragraph (``art_para_ptr`` cuts them by article)."""
SENTENCE_ARRAYS = ("sent_start", "sent_end")
"""One value per sentence (``pas_sent_ptr`` cuts them by passage)."""
WEIGHT_ARRAYS = ("post_extra", "term_base")
"""BM25 weights of the build's scoring, stored only in a segment written as a whole index (a full build
or a merge of everything): used while it is the only segment and nothing in it is deleted."""
SPEAKER_ARRAYS = ("spk_ptr", "spk_start", "spk_code")
"""Speaker attributions stored at build time (``qabot index --speakers``), in a segment whose manifest entry names
their rules version (``speakers``): ``spk_ptr`` cuts ``spk_start`` (sentence starts, in the article's text) and
``spk_code`` (rows of ``SPEAKERS_FILE``'s table) by passage, each passage's window of sentences in order."""
SPEAKERS_FILE = "speakers.json"
"""A segment's stored attributions' table and what they were made with: ``{"rules", "window", "table"}``."""
SEGMENT_FILES = ("terms.txt", "articles.jsonl", "text.bin")
STATE_ARRAYS = (*FileTable.ARRAYS, "file_seg", "file_art", "deleted", "deleted_ptr")
"""The data folder's arrays: the file table, where each file's articles are (segment number, first
article in it), and each segment's deleted articles (``deleted_ptr`` cuts ``deleted`` by segment)."""
STATE_FILES = ("file_paths.bin", "problems.json")
ARRAYS = (*SEGMENT_ARRAYS, *WEIGHT_ARRAYS, *SPEAKER_ARRAYS, *STATE_ARRAYS)


SAMPLE_SIZE = 16 * 1024
"""Bytes per sampled block of the cheap check."""
SAMPLE_BLOCKS = 8
"""Sampled blocks per file (first and last included); a file no larger than all of them is read whole."""


def sample_crc(path: Path) -> int:
    """CRC-32 of ``SAMPLE_BLOCKS`` evenly spaced blocks of the file (of all of it when small)."""
    size = path.stat().st_size
    crc = 0
    with open(path, "rb") as handle:
        if size <= SAMPLE_SIZE * SAMPLE_BLOCKS:
            return zlib.crc32(handle.read())
        last = size - SAMPLE_SIZE
        for i in range(SAMPLE_BLOCKS):
            handle.seek(last * i // (SAMPLE_BLOCKS - 1))
            crc = zlib.crc32(handle.read(SAMPLE_SIZE), crc)
    return crc


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    import hashlib  # only writing and --verify need it (OpenSSL's start-up is a few ms of a cold ask)

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

