"""Loading: find article files, decode their bytes, and turn each into clean Articles.

Supported: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.json`` (an object or a list of
objects) and ``.jsonl`` (one object per line). Page chrome ("top of page", "15 views0 comments"...)
is dropped; the first line that is not chrome is the title; a "By ..." line is the byline.
Nothing here prints: problems come back as warnings for the caller to show.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES, MARKDOWN_SUFFIXES
from .model import Article


TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = ("text", "body", "content", "article", "maintext")
AUTHOR_KEYS = ("author", "byline", "authors")
DATE_KEYS = ("date", "published", "published_at", "date_publish", "pubdate", "datetime")
URL_KEYS = ("url", "link", "source_url")

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
# C0 and C1 control characters except tab and newline, and DEL.
_CONTROL_CHARS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
# Lone UTF-16 surrogates (from JSON "\\ud800" escapes): not text, and not encodable as UTF-8.
_SURROGATE_CHARS = r"\ud800-\udfff"
_SURROGATE = re.compile(f"[{_SURROGATE_CHARS}]")
_UNWANTED = re.compile(f"[{_CONTROL_CHARS}{_SURROGATE_CHARS}]")
# Terminal escape sequences, removed whole (not just their ESC): CSI (``ESC [`` or 8-bit 0x9B, then
# parameters, intermediates, a final byte); the string sequences OSC, DCS, SOS, PM and APC (``ESC ]``,
# ``ESC P``, ``ESC X``, ``ESC ^``, ``ESC _`` or their 8-bit forms) up to BEL or ST (``ESC \`` or 0x9C),
# or to the end of the line when unterminated, so a hyperlink's visible text stays and its target
# goes; and any other ``ESC`` sequence (intermediates, a final byte).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(?<!\w)([*_]{1,3})(\S(?:.*?\S)?)\1(?!\w)")
# Runs of spaces to fold into one space. A lone plain space is left alone: matching every space of a
# 50 MB paragraph made re.sub build tens of millions of pieces (1 GB) to change nothing.
_ODD_SPACE_CHARS = r"\t\u00a0\u2000-\u200b\u3000"
_SPACES = re.compile(f"[{_ODD_SPACE_CHARS}][ {_ODD_SPACE_CHARS}]*| [ {_ODD_SPACE_CHARS}]+")
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]")
"""Whitespace other than a plain space; searching for it alone skips the spaces between words quickly."""


@dataclass
class Loaded:
    """What one file yielded: its articles and the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    """The articles found in the file, in file order."""
    warnings: list[str] = field(default_factory=list)
    """One-line descriptions of parts that were skipped (a bad JSON line, say), without the file's path."""
    skipped: str | None = None
    """Why the whole file was skipped, when it was."""


def read_file(path: Path) -> bytes:
    """The bytes of a regular file; OSError for anything else.

    Opened without blocking and checked after opening, so a file swapped for a FIFO or a device
    since it was discovered is refused instead of hanging the build.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file", str(path))
        data = os.read(fd, st.st_size + 1)  # one read for the usual file (no buffered reader: half the cost of a tiny file)
        if len(data) == st.st_size:
            return data
        chunks = [data]  # it changed size since, or the read was short (2 GB at most): read on to the end
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def fingerprint(data: bytes) -> str:
    """The content hash that decides whether a file changed since the last build."""
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Decode article bytes: BOM first, then UTF-8, then cp1252 with Latin-1 for its holes.

    Never raises. Control characters (C0 except tab and newline, DEL, C1) are removed, line
    endings become ``\\n``.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_damaged(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(text)


def _decode_damaged(data: bytes) -> str:
    """Bytes that are not valid UTF-8: mostly UTF-8 with a few bad bytes, or a legacy encoding.

    UTF-8 with a few broken bytes keeps its good characters (the bad ones become U+FFFD): at least as many
    valid multi-byte characters as broken sequences, so one stray byte beside one "£" does not turn every
    "£" into "Â£"; text in cp1252 or Latin-1 has next to no valid multi-byte UTF-8 sequences, and is
    decoded as such.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(_NON_ASCII.findall(text)) - bad
    return text if good >= bad and good > 0 else _decode_legacy(data)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _decode_legacy(data: bytes) -> str:
    """cp1252 where it defines a byte, Latin-1 where it does not (0x81, 0x8d, 0x8f, 0x90, 0x9d)."""
    return data.decode("latin-1").translate(_CP1252_FROM_LATIN1)


_CP1252_FROM_LATIN1 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences whole, then C0 (but tab and newline), DEL and C1 control
    characters; lone surrogates become U+FFFD."""
    if _UNWANTED.search(text) is None:  # the usual case: one scan, no copy
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _ESCAPES.sub("", text)))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL-heavy, no UTF-16 BOM)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return False
    if not head:
        return False
    # Text, in any 8-bit encoding or UTF-8, has next to no C0 controls but tab, newlines, form feed
    # and escape; random or compressed bytes have about 11% (NUL included).
    odd = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return odd > len(head) // 20


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


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
        result = Loaded(articles=[a for a in [_from_html(text, shown, 0, path)] if a])
    elif suffix in JSON_SUFFIXES:
        result = _from_json(text, shown, path)
    elif suffix in JSONL_SUFFIXES:
        result = _from_jsonl(text, shown, path)
    else:
        article = _from_plain(text, shown, 0, path, markdown=suffix in MARKDOWN_SUFFIXES)
        result = Loaded(articles=[article] if article else [])
    if not result.articles and result.skipped is None:
        result.skipped = "no article text found"
    return result


def article_id(display: str, position: int) -> str:
    """The stable id of the article at ``position`` in the file shown as ``display``."""
    return hashlib.sha1(f"{display}#{position}".encode("utf-8", "surrogateescape")).hexdigest()[:16]


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


def _from_plain(text: str, shown: str, position: int, path: Path, markdown: bool = False,
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
        if len(first) <= 200 and not _BYLINE.match(_untagged(first)) and (len(blocks) > 1 or len(first) < 120):
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
            both = _BYLINE_DATE.match(_untagged(block)) if len(block) < 120 and not p else None
            if both:
                byline, date = byline or both.group("name").strip(" ,"), date or both.group("date")
                after_byline = False
                continue
            if p:
                byline = byline or (p.group("name") or p.group("name2")).strip()
                date = date or p.group("date") or p.group("date2")
                after_byline = False
                continue
            m = _BYLINE.match(_untagged(block))  # "By Mallory <b>Evans</b>" is Mallory Evans's byline
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
    return len(block) < 120 and bool(_BYLINE.match(_untagged(block)) or _DATE_LINE.match(block) or _POSTED.match(block)
                                     or _BYLINE_DATE.match(_untagged(block)))


def _is_role(block: str, following: str) -> bool:
    """True when ``block``, right under a byline, is the author's role ("Business correspondent", "Arts and
    culture editor", "BBC News"): a short line that is no sentence, holding a role word or followed by the
    date line."""
    words = block.split()
    if not words or len(words) > 8 or len(block) > 80 or re.search(r"[\d.!?\"“”:;]\s*$|\d", block):
        return False
    return bool(_ROLE_WORDS.search(block)) or bool(_DATE_LINE.match(following))


_SCRIPT = re.compile(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>")
_INLINE_TAG = re.compile(r"(?i)</?(?:a|b|i|u|em|strong|span|small|font|sup|sub|mark)\b[^<>]{0,200}>")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")


def _untagged(line: str) -> str:
    """``line`` without HTML tags (inline ones joined, others a space): most lines have none."""
    if "<" not in line:
        return line
    return " ".join(_TAG.sub(" ", _INLINE_TAG.sub("", line)).split())


def clean_byline(byline: str) -> str | None:
    """A byline as plain text: entities decoded, a script or style element dropped with its content, other
    tags dropped, spaces squeezed ("Jo <script>alert(1)</script> Reed" is "Jo Reed"); None when nothing is left."""
    if "<" in byline or "&" in byline:
        import html

        byline = _untagged(_SCRIPT.sub(" ", html.unescape(byline)))
    return " ".join(byline.split()) or None


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


def _norm(s: str) -> str:
    """Lowercased words of ``s``, for comparing titles."""
    return " ".join(re.findall(r"\w+", s.lower()))


def _from_html(text: str, shown: str, position: int, path: Path) -> Article | None:
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
        return _from_plain(
            doc.text, shown, position, path, title=title,
            byline=(_meta_author(text) or doc.author or _ld_author(text) or None),
            date=(doc.date or None), url=(doc.url or None),
        )
    return _from_plain(_html_text_fallback(text), shown, position, path)


def _html_text_fallback(text: str) -> str:
    """Visible text of an HTML page without scripts and styles, one line per block element."""
    body = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", text)
    body = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|section|article)\s*>", "\n", body)
    body = re.sub(r"(?s)<[^>]*>", " ", body)
    import html

    return html.unescape(body)


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
    return _from_plain(
        body, shown, position, path,
        title=_pick(lowered, TITLE_KEYS), byline=_pick(lowered, AUTHOR_KEYS),
        date=_pick(lowered, DATE_KEYS), url=_pick(lowered, URL_KEYS),
    )


def _from_json(text: str, shown: str, path: Path) -> Loaded:
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


def _from_jsonl(text: str, shown: str, path: Path) -> Loaded:
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
