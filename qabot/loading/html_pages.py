"""An HTML page to an article: trafilatura's main text and metadata, the author from ``<meta>`` or JSON-LD when
trafilatura's is not clean, and a plain-text fallback for pages it cannot read."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Article
from .plain import clean_byline, from_plain

_META_AUTHOR = re.compile(r"(?is)<meta\b[^>]*?\bname\s*=\s*[\"']?author\b[^>]*>")
_CONTENT = re.compile(r"(?is)\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _meta_author(page: str) -> str | None:
    """The page's ``<meta name="author">`` cleaned (``clean_byline``) when it holds markup (trafilatura keeps a
    script's words: "Jo alert Reed"); None when it holds none, or there is none."""
    tag = _META_AUTHOR.search(page)
    content = _CONTENT.search(tag.group(0)) if tag else None
    if content is None:
        return None
    import html

    raw = html.unescape(content.group(1) if content.group(1) is not None else content.group(2))
    return clean_byline(raw) if "<" in raw else None


_LD_JSON = re.compile(r"(?is)<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>")


def _ld_author(page: str) -> str | None:
    """The author a page's JSON-LD gives (schema.org ``author``: a name, a Person or a list of them), names joined
    with ", "; None when it gives none."""
    import json

    def names(value) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return names(value.get("name"))
        if isinstance(value, list):
            return [n for v in value for n in names(v)]
        return []

    def find(obj, depth: int = 0) -> list[str]:
        if depth > 4:
            return []
        if isinstance(obj, list):
            return next((found for o in obj if (found := find(o, depth + 1))), [])
        if isinstance(obj, dict):
            if "author" in obj and (found := names(obj["author"])):
                return found
            return find(obj.get("@graph"), depth + 1) if "@graph" in obj else []
        return []

    for m in _LD_JSON.finditer(page):
        try:
            found = find(json.loads(m.group(1)))
        except ValueError:
            continue
        cleaned = [n.strip() for n in found if n.strip() and "<" not in n]
        if cleaned:
            return ", ".join(dict.fromkeys(cleaned))[:200]
    return None


def from_html(text: str, shown: str, position: int, path: Path) -> Article | None:
    """Main text and metadata of an HTML page, through trafilatura; a plain-text fallback."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:  # trafilatura raises many kinds on broken markup; fall back below
        doc = None
    if doc is not None and getattr(doc, "text", None):
        title = (doc.title or "").strip() or None
        return from_plain(
            doc.text, shown, position, path, title=title,
            byline=(_meta_author(text) or doc.author or _ld_author(text) or None),
            date=(doc.date or None), url=(doc.url or None),
        )
    return from_plain(_html_text_fallback(text), shown, position, path)


def _html_text_fallback(text: str) -> str:
    """Visible text of an HTML page without scripts and styles, one line per block element."""
    body = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", text)
    body = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|section|article)\s*>", "\n", body)
    body = re.sub(r"(?s)<[^>]*>", " ", body)
    import html

    return html.unescape(body)

