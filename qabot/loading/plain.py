"""Plain text and Markdown to an article: page chrome dropped, paragraphs split, the title, byline, role and date
found in the opening lines or a front matter."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Article
from .files import article_id

# Whole lines that are page furniture, not article text (matched case-insensitively, stripped).
_CHROME = re.compile(
    r"""^(?:
        top\ of\ page | bottom\ of\ page | skip\ to\ (?:main\ )?content | back\ to\ top
      | writer['’]s\ picture.* | \d[\d,.]*\s*[km]?\s*views?\s*(?:\d[\d,.]*\s*comments?)?
      | \d[\d,.]*\s*comments? | \d[\d,.]*\s*likes? | (?:\d+\s*)?min(?:ute)?s?\ read
      | share\ (?:this\ )?(?:post|article|story|page)? | share\ on\ \w+ | (?:tweet|pin\ it|email|print)
      | advertisement | sponsored(?:\ content)? | related\ (?:articles|stories|posts)
      | read\ more | recent\ posts | see\ all | log\ ?in | sign\ ?in | sign\ up | subscribe(?:\ now)?
      | follow\ us.* | all\ rights\ reserved\.? | (?:copyright\ )?©.{0,80}
      | (?:accept|reject)\ (?:all\ )?cookies | this\ site\ uses\ cookies.{0,80}
      | post\ not\ marked\ as\ liked | like | comment | menu | home | search
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BULLETS = "•·*-–—|>#"
_BYLINE = re.compile(
    r"^(?:(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by)\s*:?|(?:[Aa]uthors?|AUTHORS?|[Bb]yline|BYLINE)\s*:)\s+(?P<name>[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,7})"
    r"(?:\s*(?:,|\||[-–—]\s)\s*(?P<role>[^\d.!?]{2,60}?))?\s*$"
)
"""An author line: "By Jane Doe", "By Jane Doe and Tom Lee", "By Jane Doe, Business correspondent", "Author: Jane
Doe", "By: Jane Doe"."""
_ROLE_WORDS = re.compile(
    r"(?i)\b(?:correspondent|reporter|editor|writer|columnist|journalist|critic|analyst|staff|contributor|"
    r"producer|photographer|desk|team|presenter|reporters|writers|editors|news|bureau|chief|stringer)\b"
)
"""Words of a role line under a byline ("Business correspondent", "Arts and culture editor")."""
_DATE = (
    r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\w+\s+\d{1,2},?\s+\d{4}"
    r"|\w+\.?\s+\d{1,2},?\s+\d{4}"
    r"|(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|date|dated)(?:\s+on)?)?:?\s*(?P<date>{_DATE})\s*$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,5}"
_POSTED = re.compile(
    rf"^(?i:posted|published|written)\s+(?:(?i:by)\s+(?P<name>{_NAME})\s+(?i:on)\s+(?P<date>(?i:{_DATE}))"
    rf"|(?i:on)\s+(?P<date2>(?i:{_DATE}))\s+(?i:by)\s+(?P<name2>{_NAME}))"
    r"(?:\s*,[^|•·]{0,40})?(?:\s*[|•·][^|•·]{0,40})*$"
)
"""A blog's author-and-date line: "Posted by Hazel Brindley on 3 June 2025 | 14 comments", "Posted on 3 June 2025
by Hazel Brindley"."""
_BYLINE_DATE = re.compile(
    rf"^(?:[Bb]y|BY)\s*:?\s+(?P<name>{_NAME}?)\s*(?:,|\s(?i:on)\b|[|•·–—-])\s*(?P<date>(?i:{_DATE}))\s*$"
)
"""A byline and the date on one line: "By Sam Hill, 14 April 2026", "By Tom Reed | 2 May 2026", "By Kim Lee on 5 May
2026"."""
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(?<!\w)([*_]{1,3})(\S(?:.*?\S)?)\1(?!\w)")
# Runs of spaces to fold into one space. A lone plain space is left alone: matching every space of a
# 50 MB paragraph made re.sub build tens of millions of pieces (1 GB) to change nothing.
_ODD_SPACE_CHARS = r"\t\u00a0\u2000-\u200b\u3000"
_SPACES = re.compile(f"[{_ODD_SPACE_CHARS}][ {_ODD_SPACE_CHARS}]*| [ {_ODD_SPACE_CHARS}]+")
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]")
"""Whitespace other than a plain space; searching for it alone skips the spaces between words quickly."""


def _is_chrome(line: str) -> bool:
    """True for a line that is page furniture rather than article text."""
    core = line.strip().strip(_BULLETS).strip()
    if not core:
        return True
    return len(core) <= 120 and bool(_CHROME.match(core))


def _blocks(text: str) -> list[str]:
    """Split text into paragraphs: blank-line separated blocks, or lines when there are no blank lines."""
    if "\n\n" in text.strip():
        raw = re.split(r"\n\s*\n", text)
        blocks = [" ".join(line.strip() for line in block.split("\n") if line.strip()) for block in raw]
    else:
        blocks = [line.strip() for line in text.split("\n")]
    return [_squeeze(b).strip() for b in blocks if b.strip()]


def _squeeze(block: str) -> str:
    """Runs of spaces (and any other whitespace) as one plain space."""
    if "  " in block or _ODD_SPACE.search(block):  # most blocks have neither: no scan that stops at every space
        return _SPACES.sub(" ", block)
    return block


def _clean_markdown(block: str) -> str:
    """Drop Markdown syntax that is not text: heading marks, links' targets, emphasis marks."""
    block = re.sub(r"^\s{0,3}#{1,6}\s+", "", block)
    block = re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", block)
    block = re.sub(r"^\s{0,3}>\s?", "", block)
    block = _MD_LINK.sub(r"\1", block)
    return _MD_MARKS.sub(r"\2", block).strip()


def _split_lines_chrome(blocks: list[str]) -> list[str]:
    """Remove chrome, including chrome glued to the end of the last paragraph by a single newline."""
    return [b for b in blocks if not _is_chrome(b)]


def from_plain(text: str, shown: str, position: int, path: Path, markdown: bool = False,
                title: str | None = None, byline: str | None = None, date: str | None = None,
                url: str | None = None, role: str | None = None) -> Article | None:
    """Build an article from plain (or Markdown) text; metadata passed in wins over what is found, then a front
    matter's (``_front_matter``)."""
    found, text = _front_matter(text)
    title, byline, date = title or found.get("title"), byline or found.get("byline"), date or found.get("date")
    # Chrome lines often sit on their own lines inside blocks (e.g. "15 views0 comments\n\n\nbottom of page").
    lines = [("" if _is_chrome(line) and line.strip() else line) for line in text.split("\n")]
    blocks = _blocks(_split_head("\n".join(lines)))
    if markdown:
        blocks = [_clean_markdown(b) for b in blocks]
    blocks = [b for b in _split_lines_chrome(blocks) if b]
    if not blocks:
        return None
    if title is None:
        first = blocks[0]
        if len(first) <= 200 and not _BYLINE.match(untagged(first)) and (len(blocks) > 1 or len(first) < 120):
            title = first
            blocks = blocks[1:]
            if (len(blocks) > 1 and len(blocks[0]) < 120 and not re.search(r"[.!?\"”]\s*$", blocks[0])
                    and _is_head_line(blocks[1]) and not _is_head_line(blocks[0])):
                # a headline under a kicker or blog name ("PLOT 27 DIARIES", then "Slugs, rain and ...")
                title = f"{title}{'' if title.rstrip()[-1:] in ':–—-|' else ':'} {blocks[0]}"
                blocks = blocks[1:]
    elif blocks and _norm(blocks[0]) == _norm(title):
        blocks = blocks[1:]
    body: list[str] = []
    after_byline = False
    for i, block in enumerate(blocks):
        if i < 6:
            p = _POSTED.match(block) if len(block) < 120 else None
            both = _BYLINE_DATE.match(untagged(block)) if len(block) < 120 and not p else None
            if both:
                byline, date = byline or both.group("name").strip(" ,"), date or both.group("date")
                after_byline = False
                continue
            if p:
                byline = byline or (p.group("name") or p.group("name2")).strip()
                date = date or p.group("date") or p.group("date2")
                after_byline = False
                continue
            m = _BYLINE.match(untagged(block))  # "By Mallory <b>Evans</b>" is Mallory Evans's byline
            if m and len(block) < 100:
                name, _, tail = m.group("name").strip().rpartition(",")
                if not (name and _ROLE_WORDS.search(tail)):  # "By Jane Doe, Local Democracy Reporter"
                    name, tail = m.group("name").strip(), ""
                byline = byline or name.strip()
                role = role or (m.group("role") or tail).strip() or None
                after_byline = not m.group("role")
                continue
            d = _DATE_LINE.match(block)
            if d and len(block) < 60:
                date = date or d.group("date")
                after_byline = False
                continue
            if after_byline and _is_role(block, blocks[i + 1] if i + 1 < len(blocks) else ""):
                role = role or block
                after_byline = False
                continue
            after_byline = False
        body.append(block)
    if not body:
        if title is None:
            return None
        body = [title]
    if title is None:
        title = path.stem
    joined = "\n\n".join(body)
    spans: list[tuple[int, int]] = []
    offset = 0
    for block in body:
        spans.append((offset, offset + len(block)))
        offset += len(block) + 2
    return Article(
        id=article_id(shown, position), title=title.strip(), path=shown, text=joined,
        paragraphs=tuple(spans), byline=clean_byline(byline) if byline else None, date=date, url=url, role=role,
    )


_FRONT = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>(?:.*\n){0,60}?)(?P=fence)[ \t]*(?:\n|\Z)")
"""A front matter: YAML between ``---`` lines (Jekyll, Hugo, Obsidian) or TOML between ``+++`` lines, at the start."""
_FRONT_LINE = re.compile(r"^(?:\s*|[\w-]+\s*[:=].*|\s+\S.*|\s*-\s.*|\s*#.*)$")
"""A line a front matter may hold: a key and its value, an item of a list, an indented continuation, a comment."""
_FRONT_KEYS = {"title": "title", "headline": "title", "author": "byline", "authors": "byline", "byline": "byline",
               "date": "date", "published": "date", "pubdate": "date", "publishdate": "date"}
"""Front-matter keys and the metadata each gives."""


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The title, byline and date a front matter gives (``key: value`` or ``key = "value"`` lines; a list of
    authors joined), and ``text`` without it; ``({}, text)`` when it has none."""
    m = _FRONT.match(text)
    if m is None:
        return {}, text
    found: dict[str, str] = {}
    lines = m.group("body").split("\n")
    if not all(_FRONT_LINE.match(line) for line in lines):  # text between two rules, not a front matter
        return {}, text
    for i, line in enumerate(lines):
        kv = re.match(r"^([A-Za-z_]+)\s*[:=]\s*(.*?)\s*$", line)
        if kv is None or kv.group(1).lower() not in _FRONT_KEYS:
            continue
        value = kv.group(2)
        if not value:  # a YAML list under the key: "authors:" then "  - Ann Lee"
            items = []
            for nxt in lines[i + 1:]:
                item = re.match(r"^\s*-\s+(.*?)\s*$", nxt)
                if item is None:
                    break
                items.append(item.group(1))
            value = ", ".join(_unquoted(v) for v in items)
        elif value.startswith("[") and value.endswith("]"):
            value = ", ".join(_unquoted(v) for v in value[1:-1].split(",") if v.strip())
        value = _unquoted(value)
        if value:
            found.setdefault(_FRONT_KEYS[kv.group(1).lower()], value)
    if "date" in found:  # "2026-04-12T09:00:00+01:00" is 2026-04-12 as the date lines give it
        found["date"] = found["date"][:10] if re.match(r"\d{4}-\d{2}-\d{2}T", found["date"]) else found["date"]
    return found, text[m.end():]


def _unquoted(value: str) -> str:
    """A front matter's value without the quotes round it, and only those: ``"Ofsted rates school 'good'"`` keeps its
    inner quotes; ``'It''s open'`` (YAML's single quote doubled) is "It's open", ``"a \\"b\\""`` is 'a "b"'."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'").strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').strip()
    return value


_HEAD_LINES = 6
"""How many lines of an article's opening block may be its headline, byline, role and date lines."""


def _split_head(text: str) -> str:
    """``text`` with the article's opening blocks split into their lines when they are head lines written
    one under another ("By Jane Doe", "Business correspondent", "14 March 2024" with no blank line
    between), so that each is a block of its own and not one paragraph. Only in text whose paragraphs
    are separated by blank lines (otherwise every line is a block already), and only in the first three
    blocks that hold a byline or date line and only short lines."""
    if "\n\n" not in text.strip():
        return text
    parts = re.split(r"(\n\s*\n)", text)
    seen = 0
    for i in range(0, len(parts), 2):
        lines = [line.strip() for line in parts[i].split("\n") if line.strip()]
        if not lines:
            continue
        seen += 1
        if seen > 3:
            break
        if (1 < len(lines) <= _HEAD_LINES and all(len(line) < 100 for line in lines)
                and any(map(_is_head_line, lines))):
            parts[i] = "\n\n".join(lines)
    return "".join(parts)


def _is_head_line(block: str) -> bool:
    """True when ``block`` is a byline, a date line or a blog's author-and-date line."""
    return len(block) < 120 and bool(_BYLINE.match(untagged(block)) or _DATE_LINE.match(block) or _POSTED.match(block)
                                     or _BYLINE_DATE.match(untagged(block)))


def _is_role(block: str, following: str) -> bool:
    """True when ``block``, right under a byline, is the author's role ("Business correspondent", "Arts and
    culture editor", "BBC News"): a short line that is no sentence, holding a role word or followed by the
    date line."""
    words = block.split()
    if not words or len(words) > 8 or len(block) > 80 or re.search(r"[\d.!?\"“”:;]\s*$|\d", block):
        return False
    return bool(_ROLE_WORDS.search(block)) or bool(_DATE_LINE.match(following))


SCRIPT = re.compile(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>")
_INLINE_TAG = re.compile(r"(?i)</?(?:a|b|i|u|em|strong|span|small|font|sup|sub|mark)\b[^<>]{0,200}>")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")


def untagged(line: str) -> str:
    """``line`` without HTML tags (inline ones joined, others a space): most lines have none."""
    if "<" not in line:
        return line
    return " ".join(_TAG.sub(" ", _INLINE_TAG.sub("", line)).split())


def clean_byline(byline: str) -> str | None:
    """A byline as plain text: entities decoded, a script or style element dropped with its content, other
    tags dropped, spaces squeezed ("Jo <script>alert(1)</script> Reed" is "Jo Reed"); None when nothing is left."""
    if "<" in byline or "&" in byline:
        import html

        byline = untagged(SCRIPT.sub(" ", html.unescape(byline)))
    return " ".join(byline.split()) or None


def _norm(s: str) -> str:
    """Lowercased words of ``s``, for comparing titles."""
    return " ".join(re.findall(r"\w+", s.lower()))

