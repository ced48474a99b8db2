"""Rendering answers: for a person (quoted, highlighted, cited, wrapped) and as the JSON contract.

Every string that came from an article, a file name or a question passes ``safe()`` before it is
written: no control character (C0 but newline and tab, DEL, C1) and no bidirectional override
reaches the terminal.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from .analysis import Analyzer
from .dates import iso_date
from .model import Answer, Article, Evidence

if TYPE_CHECKING:  # quotes (and the tokenizer it brings) only for ``qabot quotes``
    from .quotes import Quote, QuoteReport

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

BOLD_YELLOW = "\x1b[1;33m"
BOLD_CYAN = "\x1b[1;36m"
DIM = "\x1b[2m"
BOLD = "\x1b[1m"
RESET = "\x1b[0m"


def safe(text: str) -> str:
    """``text`` without control characters (newline and tab kept) or bidi overrides; printable as UTF-8."""
    return _UNSAFE.sub("", _printable(text))


def safe_line(text: str) -> str:
    """``text`` on one line: every control character, newline and tab included, becomes a space."""
    return _UNSAFE_LINE.sub(" ", _printable(text))


def _printable(text: str) -> str:
    """Lone surrogates shown as text: a file name's undecodable byte (``\\udcff``) as ``\\xff``."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if "\udc80" <= m.group() <= "\udcff" else "\ufffd", text)


MESSAGE_CHARS = 640
"""A no-answer message is cut past this: room for one naming five headlines ("which article? ..."), while a
100 KB question echoed back in it is still no message."""


def shorten(text: str, limit: int = 300) -> str:
    """``text`` cut in the middle to at most ``limit`` characters (a 100 KB question echoed back is no message)."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    return f"{text[:limit - tail - 3]} … {text[-tail:]}"


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (any value)."""
    if "NO_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def width(stream: TextIO) -> int:
    """Columns to wrap to: the terminal's width (80 when unknown), at least 40."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = shutil.get_terminal_size((80, 24)).columns
    return max(40, columns)


@dataclass
class Style:
    """How to render: colour or not, and the width to wrap to."""

    color: bool = False
    """Emit ANSI colour and bold."""
    width: int = 80
    """Wrap lines to this many columns."""

    @classmethod
    def for_stream(cls, stream: TextIO) -> "Style":
        """The style that suits ``stream``."""
        return cls(color=use_color(stream), width=width(stream))

    def paint(self, text: str, code: str) -> str:
        """``text`` in ``code`` when colour is on."""
        return f"{code}{text}{RESET}" if self.color and text else text


def wrap_positions(text: str, columns: int) -> list[tuple[int, int]]:
    """Spans of ``text`` that fill lines of at most ``columns`` characters, broken at spaces."""
    lines: list[tuple[int, int]] = []
    start = end = None
    for m in re.finditer(r"\S+", text):
        if start is None:
            start, end = m.start(), m.end()
        elif m.end() - start <= columns:
            end = m.end()
        else:
            lines.append((start, end))
            start, end = m.start(), m.end()
    if start is not None:
        lines.append((start, end))
    return lines


def highlight_spans(text: str, terms: set[str], analyzer: Analyzer, speaker: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the words of ``text`` to highlight: ``term`` or ``speaker``; the speaker where
    ``text`` writes them so, else the words that name them in it (``speaker_naming``)."""
    spans = [(s, e, "term") for t, s, e in analyzer.spans(text) if t in terms]
    if speaker:
        for start, end in [m.span() for m in re.finditer(re.escape(speaker), text)] or speaker_naming(text, speaker):
            spans = [sp for sp in spans if sp[1] <= start or sp[0] >= end]
            spans.append((start, end, "speaker"))
    return sorted(spans)


def speaker_naming(text: str, speaker: str) -> list[tuple[int, int]]:
    """Where ``text``, which does not write ``speaker`` as the answer gives them, names them all the same: the
    phrase its words are attributed to ("The mayor said ..." for Alan Fabbri, known to be the mayor), else their
    surname with any title before it ("Mr Fabbri")."""
    from .lexicon import HONORIFICS  # only for an answer whose speaker is named otherwise
    from .speakers import attribute

    who = attribute(text, None, None).speaker
    if who and (found := [m.span() for m in re.finditer(re.escape(who), text)]):
        return found
    surname = speaker.split()[-1] if speaker.split() else ""
    if not surname[:1].isupper():
        return []
    titles = "|".join(sorted(h.capitalize() for h in HONORIFICS))
    return [m.span() for m in re.finditer(rf"(?:\b(?:{titles})\.?\s+)?\b{re.escape(surname)}\b", text)]


PAINTS = {"term": BOLD_YELLOW, "speaker": BOLD_CYAN, "mark": BOLD}
"""How each kind of span is painted: the question's words, the speaker, evidence shown in place."""
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
"""Without colour, evidence shown in place stands between these."""


def paint_text(text: str, spans: list[tuple[int, int, str]], style: Style) -> str:
    """``text`` with the spans painted (terms bold yellow, the speaker bold cyan, evidence in place bold)."""
    if not style.color or not spans:
        return text
    out, pos = [], 0
    for s, e, kind in spans:
        if s < pos:
            continue
        out.append(text[pos:s])
        out.append(style.paint(text[s:e], PAINTS[kind]))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def citation_place(evidence: Evidence) -> str:
    """Where in its article the evidence stands: ``¶ N``, or ``the article's byline`` (with the author's role),
    ``the article's date`` or ``the article's title`` for an answer from the article's metadata."""
    where = f"the article's {evidence.field}" if evidence.field else f"¶ {evidence.paragraph}"
    if evidence.field == "byline" and evidence.article.role:
        where += f" ({safe_line(evidence.article.role)})"
    return where


def _citation_parts(evidence: Evidence) -> tuple[str, str]:
    """``[n] Title`` and ``— path, ¶ paragraph``."""
    article = evidence.article
    return f"[{evidence.rank}] {safe_line(article.title)}", f"— {safe_line(article.path)}, {citation_place(evidence)}"


def citation_lines(evidence: Evidence, style: Style) -> str:
    """The citation ``[n] Title — path, ¶ paragraph``, on one line when it fits the width; else the source on its own line and a long title
    wrapped, continuation lines indented under the title."""
    head, source = _citation_parts(evidence)
    if len(head) + 1 + len(source) <= style.width:
        return style.paint(f"{head} {source}", DIM)
    indent = " " * (len(str(evidence.rank)) + 3)
    lines = [head[s:e] for s, e in wrap_positions(head, style.width - len(indent))]
    glued = source.replace(" ", "\0", 1)  # the dash stays with the path
    lines += [glued[s:e].replace("\0", " ") for s, e in wrap_positions(glued, style.width - len(indent))]
    return "\n".join(style.paint(("" if i == 0 else indent) + line, DIM) for i, line in enumerate(lines))


def render_evidence(evidence: Evidence, style: Style, analyzer: Analyzer) -> str:
    """One answer: the quoted sentences ("> " lines, wrapped, highlighted) and the citation line."""
    text = safe_line(evidence.text)
    spans = highlight_spans(text, set(evidence.terms), analyzer, evidence.speaker)
    lines = []
    for s, e in wrap_positions(text, style.width - 2):
        inner = [(max(a, s) - s, min(b, e) - s, kind) for a, b, kind in spans if a < e and b > s]
        lines.append(style.paint(">", DIM) + " " + paint_text(text[s:e], inner, style))
    lines.append(citation_lines(evidence, style))
    return "\n".join(lines)


def render_in_place(text: str, marks: list[tuple[int, int]], terms: set[str], style: Style, analyzer: Analyzer,
                    indent: str = "") -> str:
    """``text`` (a paragraph) wrapped, with ``marks`` highlighted in place: bold and the question's words
    bold yellow on a terminal, between ⟦ and ⟧ without colour."""
    text = safe_line(text)
    if not style.color:
        for s, e in sorted(marks, reverse=True):
            text = text[:s] + MARK_OPEN + text[s:e] + MARK_CLOSE + text[e:]
        return "\n".join(indent + text[s:e] for s, e in wrap_positions(text, style.width - len(indent)))
    spans: list[tuple[int, int, str]] = []
    for s, e in sorted(marks):
        pos = s
        for ts, te, _ in highlight_spans(text[s:e], terms, analyzer):
            spans.extend([(pos, s + ts, "mark"), (s + ts, s + te, "term")])
            pos = s + te
        spans.append((pos, e, "mark"))
    spans = [sp for sp in spans if sp[0] < sp[1]]
    lines = []
    for s, e in wrap_positions(text, style.width - len(indent)):
        inner = [(max(a, s) - s, min(b, e) - s, kind) for a, b, kind in spans if a < e and b > s]
        lines.append(indent + paint_text(text[s:e], inner, style))
    return "\n".join(lines)


def render_show(evidence: Evidence, style: Style, analyzer: Analyzer) -> str:
    """The whole paragraph around ``evidence``, the evidence highlighted in place, and its citation line (the article's
    title, byline or date alone, for an answer that is one of them)."""
    if evidence.field:
        return style.paint(safe_line(evidence.text), BOLD) + "\n" + citation_lines(evidence, style)
    p_start, p_end = evidence.article.paragraphs[evidence.paragraph - 1]
    marks = [(evidence.start - p_start, evidence.end - p_start)]
    body = render_in_place(evidence.article.text[p_start:p_end], marks, set(evidence.terms), style, analyzer)
    return body + "\n" + citation_lines(evidence, style)


def render_article(article: Article, marks: list[tuple[int, int]], style: Style, analyzer: Analyzer) -> str:
    """A whole article: title, byline, date and path, then every paragraph numbered, ``marks`` (character
    spans in the article's text) highlighted in place."""
    head = [style.paint(safe_line(article.title), BOLD)]
    about = [f"By {article.byline}" + (f", {article.role}" if article.role else "") if article.byline else "",
             article.date or "", article.path]
    head.append(style.paint(safe_line(" · ".join(a for a in about if a)), DIM))
    parts = ["\n".join(head)]
    for n, (p_start, p_end) in enumerate(article.paragraphs, 1):
        inside = [(max(s, p_start) - p_start, min(e, p_end) - p_start) for s, e in marks if s < p_end and e > p_start]
        body = render_in_place(article.text[p_start:p_end], inside, set(), style, analyzer)
        parts.append(style.paint(f"¶ {n}", DIM) + "\n" + body)
    return "\n\n".join(parts)


def render_answer(answer: Answer, style: Style, analyzer: Analyzer) -> str:
    """A whole answer for a person; a one-line "No answer: ..." when there is none."""
    if answer.no_answer or not answer.evidence:
        reason = shorten(safe_line(answer.message or "nothing found"), MESSAGE_CHARS)
        return style.paint("No answer:", BOLD) + f" {reason}."
    if answer.heading:
        return render_listing(answer, style)
    head = []
    if answer.searched:
        head.append(style.paint(f"(searched for {', '.join(repr(safe_line(w)) for w in answer.searched)})", DIM))
    label = unsure_label(answer)
    if label:  # over several answers, a heading of its own (a blank line under it): it is not the first one's alone
        head.append(style.paint(label, BOLD) + ("\n" if len(answer.evidence) > 1 else ""))
    parts = []
    less = less_likely_from(answer)
    for e in answer.evidence:
        if e is less:
            after = "\n\n" if e is not answer.evidence[-1] else "\n"
            parts.append(style.paint(LESS_LIKELY, BOLD) + after + render_evidence(e, style, analyzer))
        else:
            parts.append(render_evidence(e, style, analyzer))
    return "\n".join(head + ["\n\n".join(parts)])


LESS_LIKELY = "Less likely:"
"""Shown above the answers after a sure first one that would not be sure were they first."""


def unsure_label(answer: Answer) -> str | None:
    """The line above an answer that is not sure, naming every answer it shows as such: "Not sure: closest passages",
    and "Not sure: more of the closest passages" above the next ones ("more"); None for a sure answer."""
    if not answer.unsure or not answer.evidence:
        return None
    return "Not sure: closest passages" if answer.evidence[0].rank == 1 else "Not sure: more of the closest passages"


def less_likely_from(answer: Answer) -> Evidence | None:
    """In a sure answer, the answer after the first from which on no answer's own confidence would be sure
    (``sure_above``); None when there is none."""
    if answer.unsure or answer.sure_above is None:
        return None
    found = None
    for e in reversed(answer.evidence[1:]):
        if e.confidence is None or e.confidence >= answer.sure_above:
            break
        found = e
    return found


def listing_heading(answer: Answer, everything: str) -> str:
    """The line above a list of articles: what it lists ("7 articles", "5 dated articles, newest first"), and when it
    shows only some of the collection, which and ``everything``, where to see them all ("qabot list")."""
    ranks = [e.rank for e in answer.evidence]
    heading = answer.heading or ""
    if answer.listed and ranks and len(ranks) < answer.listed:
        first, last = min(ranks), max(ranks)
        which = (("the first" if len(ranks) == 1 else f"the first {len(ranks):,}") if first == 1
                 else f"number {first:,}" if first == last else f"{first:,} to {last:,}")
        heading += f"; {which} by path ({everything} lists them all)"
    return heading


def render_listing(answer: Answer, style: Style) -> str:
    """Articles listed for a question about the collection: a heading, then each article's title, and its path,
    byline and date (as ``qabot list`` gives them)."""
    lines = [style.paint(safe_line(listing_heading(answer, "qabot list")) + ":", BOLD)]
    for e in answer.evidence:
        a = e.article
        head = f"[{e.rank}] "
        indent = " " * len(head)
        title = safe_line(a.title)
        lines += [(head if i == 0 else indent) + title[s:t]
                  for i, (s, t) in enumerate(wrap_positions(title, style.width - len(indent)) or [(0, 0)])]
        source = "—\0" + " · ".join(safe_line(x).replace(" ", "\0") for x in (a.path, a.byline, a.date) if x)
        lines += [style.paint(indent + source[s:t].replace("\0", " "), DIM)  # a byline or date unbroken
                  for s, t in wrap_positions(source, style.width - len(indent))]
    return "\n".join(lines)


def render_explain(answer: Answer, style: Style, analyzer: Analyzer | None = None) -> str:
    """Why the answer is what it is: each answer's confidence and the features behind its score, and for a
    refusal (or the answer as a whole) the features behind the confidence. With ``analyzer``, the words matched
    are shown as the sentence writes them ("Reyes"), not as analysed terms ("rey")."""
    lines = []
    if answer.heading:  # a question about the collection: the articles listed, nothing scored
        order = "by path" if answer.listed is not None else "by the date each gives"
        return style.paint(f"{safe_line(answer.heading)}: the articles' titles from the index's metadata, {order}; "
                           "nothing scored against the question", BOLD)
    if answer.summary:
        lines.append(style.paint("the article's summary: its opening sentence, then the sentences most central to it "
                                 "(the words it uses most); not scored against the question", BOLD))
    elif answer.confidence is not None and not answer.why and answer.evidence and all(e.field for e in answer.evidence):
        lines.append(style.paint(f"confidence {answer.confidence:.0%}: from the article's metadata", BOLD))
    elif answer.confidence is not None:
        verdict = "refused" if answer.no_answer else "not sure" if answer.unsure else "answered"
        moved = "; what moved it:" if answer.why else ""
        lines.append(style.paint(f"confidence {answer.confidence:.0%} ({verdict}){moved}", BOLD))
        lines += [f"  {name:<18} {value:8.3f}  {part:+.2f}" for name, value, part in answer.why[:10]]
    if answer.no_answer and answer.message:
        lines.append(f"  missing: {safe_line(answer.message)}")
    for e in answer.evidence:
        if e.field:
            lines.append(style.paint(f"[{e.rank}] the article's {e.field}, from its metadata, not a sentence", BOLD))
            continue
        if answer.summary:
            what = "the opening sentence" if e.rank == 1 else f"centrality {e.score:.2f}"
            lines.append(style.paint(f"[{e.rank}] {what}, ¶ {e.paragraph}", BOLD))
            continue
        conf = f", confidence {e.confidence:.0%}" if e.confidence is not None else ""
        matched = _as_written(e, analyzer) if analyzer is not None else list(e.terms)
        lines.append(style.paint(f"[{e.rank}] score {e.score:.2f}{conf}; matched "
                                 f"{safe_line(', '.join(matched)) or 'nothing'}:", BOLD))
        lines += [f"  {name:<18} {value:8.3f}  {part:+.2f}" for name, value, part in e.why]
    return "\n".join(lines)


def _as_written(evidence: Evidence, analyzer: Analyzer) -> list[str]:
    """The evidence's matched terms, each as the sentence first writes it, else its speaker ("Reyes" for "He also
    claimed ..."), else its passage; the term itself when none does."""
    written: dict[str, str] = {}
    for text in (evidence.text, evidence.speaker or "", evidence.context):
        for term, start, end in analyzer.spans(text):
            if term in evidence.terms:
                written.setdefault(term, text[start:end])
    return [written.get(t, t) for t in evidence.terms]


def answer_json(answer: Answer) -> dict:
    """The ``--json`` contract (see README): question, no_answer, message, answers."""
    return {
        "question": answer.question,
        "no_answer": answer.no_answer,
        "message": answer.message if answer.no_answer else None,
        "confidence": answer.confidence,
        "unsure": answer.unsure,
        "searched": list(answer.searched),
        **({"heading": answer.heading} if answer.heading else {}),
        **({"listed": answer.listed} if answer.listed is not None else {}),
        **({"why": _why(answer.why)} if answer.why else {}),
        "answers": [
            {
                "rank": e.rank,
                "text": e.text,
                "score": e.score,
                "context": e.context,
                "article": {"id": e.article.id, "title": e.article.title, "path": e.article.path,
                            "byline": e.article.byline, "date": e.article.date, "date_iso": iso_date(e.article.date),
                            **({"role": e.article.role} if e.article.role else {})},
                "paragraph": e.paragraph,
                "start": e.start,
                "end": e.end,
                "confidence": e.confidence,
                **({"field": e.field} if e.field else {}),
                **({"why": _why(e.why)} if e.why else {}),
            }
            for e in answer.evidence
        ],
    }


def _why(parts) -> list[dict]:
    """Explained features as JSON."""
    return [{"feature": name, "value": round(value, 4), "part": round(part, 4)} for name, value, part in parts]


def dumps(answer: Answer) -> str:
    """The JSON contract on one line; non-ASCII escaped, so no raw control byte can pass."""
    return json.dumps(answer_json(answer), ensure_ascii=True)


def write_line(text: str, stream: TextIO | None = None) -> None:
    """Print a line (the renderer's own output path)."""
    stream = stream or sys.stdout
    print(text, file=stream)


def quotes_missing(report: QuoteReport) -> str | None:
    """Why ``report`` holds no quotes ("no article names 'Nobody'"), one line; None when it holds some."""
    if report.groups:
        return None
    about = f" about '{safe_line(report.about)}'" if report.about else ""
    name = safe_line(report.name)
    if not report.articles_read:
        return f"no article names '{name}'"
    read = (f"the {report.articles_read} articles that name them" if report.articles_read != 1
            else "the one article that names them")
    return f"no words of '{name}'{about} in {read}"


def render_quotes(report: QuoteReport, style: Style) -> str:
    """``qabot quotes``: a heading per article (title, path, date), each quote under it ("> " lines, the
    speaker marked) with its paragraph, and where else the same words stand."""
    if not report.groups:
        return style.paint("No quotes:", BOLD) + f" {quotes_missing(report)}."
    parts = []
    for group in report.groups:
        article = group.article
        source = " · ".join(x for x in (safe_line(article.path), safe_line(article.date or "")) if x)
        title = safe_line(article.title)
        lines = [style.paint(title[s:e], BOLD) for s, e in wrap_positions(title, style.width) or [(0, 0)]]  # wrapped
        lines.append(style.paint(source, DIM))
        for quote in group.quotes:
            text = safe_line(quote.text)
            spans = [(m.start(), m.end(), "speaker") for m in re.finditer(re.escape(safe_line(quote.speaker)), text)]
            for s, e in wrap_positions(text, style.width - 2):
                inner = [(max(a, s) - s, min(b, e) - s, kind) for a, b, kind in spans if a < e and b > s]
                lines.append(style.paint(">", DIM) + " " + paint_text(text[s:e], inner, style))
            where = f"  ¶ {quote.place.paragraph}" + ("" if quote.quoted else " · reported")
            if quote.also:
                where += " · also " + ", ".join(f"{safe_line(p.article.path)} ¶ {p.paragraph}" for p in quote.also)
            lines.append(style.paint(where, DIM))
        parts.append("\n".join(lines))
    if report.searched:
        parts.insert(0, style.paint(f"(searched for '{safe_line(report.searched)}')", DIM))
    return "\n\n".join(parts)


def quotes_dumps(quote: Quote) -> str:
    """One quote of ``qabot quotes --json`` on one line; non-ASCII escaped, as ``dumps``."""
    from .quotes import quote_json

    return json.dumps(quote_json(quote), ensure_ascii=True)
