"""Loading: find article files, decode their bytes, and turn each into clean Articles.

Supported: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.json`` (an object or a list of
objects) and ``.jsonl`` (one object per line). Page chrome ("top of page", "15 views0 comments"...)
is dropped; the first line that is not chrome is the title; a "By ..." line is the byline.
Nothing here prints: problems come back as warnings for the caller to show.

The steps, one module each: ``files`` (bytes, hash, binary or not, ids), ``decoding`` (bytes to clean text),
``plain`` (text and Markdown), ``html_pages`` and ``records`` (JSON, JSON Lines).
"""

from __future__ import annotations

from pathlib import Path

from ..corpus import HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, MARKDOWN_SUFFIXES
from .decoding import decode, strip_controls
from .files import Loaded, article_id, fingerprint, looks_binary, read_file
from .html_pages import from_html
from .plain import clean_byline, from_plain
from .records import from_json, from_jsonl

__all__ = ["Loaded", "article_id", "clean_byline", "decode", "fingerprint", "load_file", "looks_binary", "read_file",
           "strip_controls"]


def load_file(path: Path, data: bytes, display: str | None = None) -> Loaded:
    """Turn one file's bytes into articles; ``display`` is the path shown in citations."""
    shown = display if display is not None else str(path)
    if not data.strip():
        return Loaded(skipped="empty file")
    if looks_binary(data):
        return Loaded(skipped="binary file")
    text = decode(data)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        result = Loaded(articles=[a for a in [from_html(text, shown, 0, path)] if a])
    elif suffix in JSON_SUFFIXES:
        result = from_json(text, shown, path)
    elif suffix in JSONL_SUFFIXES:
        result = from_jsonl(text, shown, path)
    else:
        article = from_plain(text, shown, 0, path, markdown=suffix in MARKDOWN_SUFFIXES)
        result = Loaded(articles=[article] if article else [])
    if not result.articles and result.skipped is None:
        result.skipped = "no article text found"
    return result

