"""The articles of an index as other programs see them: a list, one article by id, its numbered paragraphs.

Shared by the MCP server and the web page, which serve the same articles the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import display
from .dates import iso_date
from .errors import ArticleMissing, UsageError
from .index import Index
from .model import Article
from .render import safe, safe_line


@dataclass(frozen=True)
class Entry:
    """One article in the list, without its text."""

    id: str
    """The article's id, as in the ``ask --json`` contract."""
    title: str
    """Its headline."""
    path: str
    """The file it came from, as answers cite it (relative to the working folder when under it)."""
    byline: str | None
    """Its author line, when it has one."""
    date: str | None
    """Its date as the source gives it, when it has one."""

    def to_json(self) -> dict:
        """``{id, title, path, byline, date, date_iso}``."""
        return {"id": self.id, "title": self.title, "path": self.path, "byline": self.byline, "date": self.date,
                "date_iso": iso_date(self.date)}


class Catalog:
    """The articles of one open index, found by id."""

    def __init__(self, index: Index):
        self.index = index
        # each path as answers give it (relative to the working folder when under it), so a client matches them
        entries = [Entry(m["id"], m["title"], display(m["path"]), m.get("byline"), m.get("date")) for m in index.all_meta()]
        self._position = {e.id: i for i, e in enumerate(entries)}
        self.entries = sorted(entries, key=lambda e: e.path)
        """Every article, by path (a file's in their order), as ``qabot list`` gives them."""

    def article(self, article_id: str) -> Article:
        """The article with this id; ArticleMissing (one line) when there is none."""
        i = self._position.get(article_id)
        if i is None:
            raise ArticleMissing(f"no article with id {safe_line(article_id)[:80]!r}")  # each front end says where ids are
        return self.index.article(i)


def paragraph_texts(article: Article) -> list[str]:
    """The article's paragraphs, in order, free of control characters."""
    return [safe(article.text[s:e]) for s, e in article.paragraphs]


def article_json(article: Article) -> dict:
    """The article with its paragraphs, numbered from 1: ``{id, title, path, byline, date, date_iso, url, paragraphs:
    [{n, text, start, end}]}`` (and ``role``, the author's, when the article gives one)."""
    return {
        "id": article.id, "title": article.title, "path": article.path, "byline": article.byline,
        "date": article.date, "date_iso": iso_date(article.date), "url": article.url, **({"role": article.role} if article.role else {}),
        "paragraphs": [{"n": n, "text": text, "start": s, "end": e}
                       for n, (text, (s, e)) in enumerate(zip(paragraph_texts(article), article.paragraphs), 1)],
    }


def article_text(article: Article, paragraphs: list[int] | None = None) -> str:
    """The article as text: title, ``By …`` line, date and path, then each paragraph as ``[N] text``.

    ``paragraphs`` (1-based numbers) keeps only those; UsageError names any that the article lacks."""
    texts = paragraph_texts(article)
    wanted = list(range(1, len(texts) + 1)) if not paragraphs else paragraphs
    bad = [n for n in wanted if not 1 <= n <= len(texts)]
    if bad:
        raise UsageError(f"the article has paragraphs 1 to {len(texts)}; there is no paragraph {bad[0]}")
    about = [f"By {article.byline}" + (f", {article.role}" if article.role else "") if article.byline else "",
             article.date or "", article.path]
    head = [safe_line(article.title), safe_line(" · ".join(a for a in about if a))]
    return "\n".join(head) + "\n\n" + "\n\n".join(f"[{n}] {texts[n - 1]}" for n in wanted) + "\n"
