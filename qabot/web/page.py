"""The web page's HTML, written on the server: every string from an article, a file name or a question
is escaped (``text()``), so article text shows as text and never becomes markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlencode

from ..analysis import Analyzer
from ..catalog import Entry, paragraph_texts
from ..model import Answer, Article, Evidence
from ..render import (LESS_LIKELY, citation_place, highlight_spans, less_likely_from, listing_heading, safe, safe_line,
                      unsure_label)

SPAN_CLASSES = {"term": "term", "speaker": "speaker"}
"""The CSS class of each kind of highlighted span: the question's words, the speaker."""


@dataclass
class WebTurn:
    """One line typed on the page and what came of it."""

    number: int
    """1-based position in the conversation."""
    line: str
    """What was typed."""
    question: str | None
    """The question answered (rewritten from the conversation when ``rewritten``); None when not understood."""
    rewritten: bool
    """The line was a follow-up, understood as ``question``."""
    answer: Answer | None
    """The answer; None when the line was not understood."""
    note: str | None = None
    """Why there is no answer to show (not understood, an error)."""


def text(value: object) -> str:
    """``value`` as HTML text: control characters dropped, ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(safe(str(value)), quote=True)


def page(title: str, body: str, summary: str) -> str:
    """A whole page: the stylesheet (served here, no CDN or web font), a header, ``body``."""
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{text(title)}</title>\n<link rel=\"stylesheet\" href=\"/static/qabot.css\">\n</head>\n<body>\n"
        f"<header><a class=\"home\" href=\"/\">qabot</a> <span class=\"summary\">{text(summary)}</span> "
        "<a href=\"/articles\">articles</a></header>\n<main>\n"
        f"{body}</main>\n</body>\n</html>\n"
    )


def highlighted(evidence: Evidence, analyzer: Analyzer) -> str:
    """The evidence's sentences with the question's words and the speaker marked."""
    raw = safe_line(evidence.text)
    out, pos = [], 0
    for s, e, kind in highlight_spans(raw, set(evidence.terms), analyzer, evidence.speaker):
        if s < pos:
            continue
        out.append(text(raw[pos:s]))
        css = SPAN_CLASSES[kind]
        hint = " title=\"the speaker\"" if kind == "speaker" else ""
        out.append(f"<span class=\"{css}\"{hint}>{text(raw[s:e])}</span>")
        pos = e
    out.append(text(raw[pos:]))
    return "".join(out)


def citation_href(evidence: Evidence) -> str:
    """The article page with this evidence highlighted, scrolled to its paragraph (the article's title, byline or
    date, whose offsets are into that field, not the text: the page itself)."""
    if evidence.field:
        return f"/articles/{text(evidence.article.id)}"
    query = urlencode({"s": evidence.start, "e": evidence.end})
    return f"/articles/{text(evidence.article.id)}?{text(query)}#p{evidence.paragraph}"


def answer_html(answer: Answer, analyzer: Analyzer) -> str:
    """An answer: a numbered list of quotes, each with its citation link; or the reason there is none."""
    if answer.no_answer or not answer.evidence:
        return f"<p class=\"no-answer\"><strong>No answer:</strong> {text(answer.message or 'nothing found')}.</p>\n"
    if answer.heading:
        return listing_html(answer)
    head = ""
    if answer.searched:
        head += f"<p class=\"searched\">(searched for {text(', '.join(repr(safe_line(w)) for w in answer.searched))})</p>\n"
    label = unsure_label(answer)
    if label:
        lead, rest = label.split(": ", 1)
        head += f"<p class=\"unsure\"><strong>{text(lead)}:</strong> {text(rest)}</p>\n"
    items = []
    less = less_likely_from(answer)
    for e in answer.evidence:
        who = f" <span class=\"who\">{text(e.speaker)}</span>" if e.speaker else ""
        if e is less:  # the list goes on after a label, numbered on
            items.append(f"</ol>\n<p class=\"unsure\"><strong>{text(LESS_LIKELY)}</strong></p>\n<ol class=\"answers\">\n")
        items.append(
            f"<li class=\"answer\" value=\"{e.rank}\">\n<blockquote>{highlighted(e, analyzer)}</blockquote>\n"
            f"<p class=\"citation\"><a href=\"{citation_href(e)}\">[{e.rank}] {text(safe_line(e.article.title))}</a>"
            f" — <span class=\"source\">{text(safe_line(e.article.path))}, {text(citation_place(e))}</span>{who}</p>\n</li>\n")
    return head + "<ol class=\"answers\">\n" + "".join(items) + "</ol>\n"


def listing_html(answer: Answer) -> str:
    """Articles listed for a question about the collection: a heading (and a link to the whole list when it shows only
    some), then each article's title, a link to it, with its path, byline and date."""
    heading = text(listing_heading(answer, "the articles page"))
    if answer.listed and len(answer.evidence) < answer.listed:
        heading = heading.replace("the articles page", "<a href=\"/articles\">the articles page</a>", 1)
    items = "".join(
        f"<li class=\"listed\" value=\"{e.rank}\"><a href=\"{citation_href(e)}\">{text(safe_line(e.article.title))}</a> "
        f"<span class=\"source\">{text(safe_line(' · '.join(x for x in (e.article.path, e.article.byline, e.article.date) if x)))}"
        "</span></li>\n" for e in answer.evidence)
    return f"<p class=\"heading\">{heading}:</p>\n<ol class=\"articles\">\n{items}</ol>\n"


def turn_html(turn: WebTurn, analyzer: Analyzer) -> str:
    """One turn of the conversation: the line, the question it was understood as, the answer."""
    parts = [f"<section class=\"turn\" id=\"t{turn.number}\">\n<p class=\"question\">{text(safe_line(turn.line))}</p>\n"]
    if turn.rewritten and turn.question:
        parts.append(f"<p class=\"rewritten\">→ {text(safe_line(turn.question))}</p>\n")
    if turn.answer is not None:
        parts.append(answer_html(turn.answer, analyzer))
    elif turn.note:
        parts.append(f"<p class=\"note\">{text(turn.note)}</p>\n")
    parts.append("</section>\n")
    return "".join(parts)


def conversation_html(turns: list[WebTurn], analyzer: Analyzer, names: tuple[str, str] = ("Wang", "Putin")) -> str:
    """The conversation so far, then the question box (it submits to ``/?q=``; no script needed); before any turn, a
    hint whose examples ask about ``names``, two of the articles' own speakers."""
    body = "".join(turn_html(t, analyzer) for t in turns)
    if not turns:
        first, second = names
        asked = f"what did {first} say"
        body = (f"<p class=\"hint\">Ask a question about the articles, e.g. <a href=\"/?{text(urlencode({'q': asked}))}\">"
                f"{text(asked)}</a> or <a href=\"/?q=how+many+articles+are+there%3F\">how many articles are there?</a> "
                f"Follow up with <em>and {text(second)}?</em>, <em>what about …?</em>, <em>more</em> or "
                "<em>who wrote it?</em></p>\n")
    return (
        f"<div id=\"conversation\">\n{body}</div>\n"
        "<form id=\"ask\" method=\"get\" action=\"/\">\n"
        f"<input type=\"hidden\" name=\"t\" value=\"{len(turns)}\">\n"
        "<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" autofocus required "
        "placeholder=\"Ask a question about the articles\" aria-label=\"question\">\n"
        "<button type=\"submit\">Ask</button>\n"
        + ("<a class=\"new\" href=\"/?new=1\">new conversation</a>\n" if turns else "")
        + "</form>\n"
    )


def article_html(article: Article, mark: tuple[int, int] | None) -> str:
    """The article, paragraphs numbered (each with an anchor ``pN``), the span ``mark`` highlighted in place."""
    about = [f"By {article.byline}" if article.byline else "", article.date or "", article.path]
    parts = [f"<article class=\"article\">\n<h1>{text(safe_line(article.title))}</h1>\n"
             f"<p class=\"about\">{text(safe_line(' · '.join(a for a in about if a)))}</p>\n<ol class=\"paragraphs\">\n"]
    for n, (body, (p_start, p_end)) in enumerate(zip(paragraph_texts(article), article.paragraphs), 1):
        cls = ""
        if mark and mark[0] < p_end and mark[1] > p_start:
            s, e = max(mark[0], p_start) - p_start, min(mark[1], p_end) - p_start
            raw = article.text[p_start:p_end]
            inner = f"{text(raw[:s])}<mark class=\"evidence\">{text(raw[s:e])}</mark>{text(raw[e:])}"
            cls = " class=\"cited\""
        else:
            inner = text(body)
        parts.append(f"<li id=\"p{n}\" value=\"{n}\"{cls}><a class=\"pn\" href=\"#p{n}\">¶ {n}</a> {inner}</li>\n")
    parts.append("</ol>\n</article>\n<p><a href=\"/\">← back to the conversation</a></p>\n")
    return "".join(parts)


def articles_html(entries: list[Entry]) -> str:
    """The list of articles, each a link to its page."""
    items = "".join(f"<li><a href=\"/articles/{text(e.id)}\">{text(safe_line(e.title))}</a> "
                    f"<span class=\"source\">{text(safe_line(' · '.join(x for x in (e.byline, e.date, e.path) if x)))}"
                    "</span></li>\n" for e in entries)
    return f"<h1>Articles</h1>\n<ol class=\"articles\">\n{items}</ol>\n"
