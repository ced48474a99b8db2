"""JSON and JSON Lines to articles: one object per article, its keys for title, text, author, date and URL."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Article
from .decoding import strip_controls
from .files import Loaded
from .plain import from_plain

TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = ("text", "body", "content", "article", "maintext")
AUTHOR_KEYS = ("author", "byline", "authors")
DATE_KEYS = ("date", "published", "published_at", "date_publish", "pubdate", "datetime")
URL_KEYS = ("url", "link", "source_url")


def _pick(obj: dict, keys: tuple[str, ...]) -> str | None:
    """The first non-empty string value among ``keys`` (lists of strings are joined)."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) if not isinstance(v, dict) else str(v.get("name", "")) for v in value)
        elif isinstance(value, dict):
            value = value.get("name")
        if value is not None and not isinstance(value, str):
            value = str(value)
        if value and value.strip():
            return strip_controls(value.strip())
    return None


def _from_object(obj: object, shown: str, position: int, path: Path) -> Article | None:
    """An article from one JSON object with title/text/author/date/url keys."""
    if not isinstance(obj, dict):
        return None
    lowered = {str(k).lower(): v for k, v in obj.items()}
    body = _pick(lowered, TEXT_KEYS)
    if not body:
        return None
    return from_plain(
        body, shown, position, path,
        title=_pick(lowered, TITLE_KEYS), byline=_pick(lowered, AUTHOR_KEYS),
        date=_pick(lowered, DATE_KEYS), url=_pick(lowered, URL_KEYS),
    )


def from_json(text: str, shown: str, path: Path) -> Loaded:
    """Articles from a JSON document: one object, or a list of objects."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as err:
        return Loaded(skipped=f"invalid JSON ({_json_reason(err)})")
    items = doc if isinstance(doc, list) else [doc]
    result = Loaded()
    for i, obj in enumerate(items):
        article = _from_object(obj, shown, i, path)
        if article is None:
            result.warnings.append(f"item {i + 1} has no article text; skipped")
        else:
            result.articles.append(article)
    return result


def from_jsonl(text: str, shown: str, path: Path) -> Loaded:
    """Articles from JSON Lines: one object per line; bad lines are warned about and skipped."""
    result = Loaded()
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            result.warnings.append(f"line {lineno}: invalid JSON ({_json_reason(err)}); skipped")
            continue
        article = _from_object(obj, shown, lineno - 1, path)
        if article is None:
            result.warnings.append(f"line {lineno} has no article text; skipped")
        else:
            result.articles.append(article)
    return result


def _json_reason(err: Exception) -> str:
    """The first line of a JSON error, short."""
    return str(err).split("\n")[0][:80] or err.__class__.__name__
