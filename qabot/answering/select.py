"""Select: the evidence shown, best first: each quotation whole and once, the same sentences from
duplicate articles once, nothing already quoted inside an earlier answer, each with its confidence."""

from __future__ import annotations

import re

from ..model import Evidence
from .features import Candidate
from .sentences import Reader
from .speech import Speech

_NON_WORDS = re.compile(r"\W+")


def evidence(reader: Reader, speech: Speech, ranked: list[Candidate], k: int, skip: int,
             confidence) -> list[Evidence]:
    """Up to ``k`` pieces of evidence from ``ranked`` (after the first ``skip``); ``confidence(c, position)``
    gives a candidate's confidence."""
    floor = reader.params.gates.min_coverage
    out: list[Evidence] = []
    seen: set[str] = set()
    quoted: list[tuple[int, int, int]] = []
    shown: list[tuple[int, int, int]] = []
    for c in ranked:
        if c.coverage < floor and not c.own_words:
            break
        start, end = c.start, c.end
        if c.own_words:  # the whole quotation, not one sentence of it, and each quotation once
            start, end = speech.quotation(c.passage, c.start, c.end, c.speaker)
            if any(a == c.article and s < end and start < e for a, s, e in quoted):
                continue
            quoted.append((c.article, start, end))
        article = reader.article(c.article)
        text = article.text[start:end]
        key = _NON_WORDS.sub(" ", text.lower()).strip()
        if key in seen or any(a == c.article and lo <= start and end <= hi for a, lo, hi in shown):
            continue  # the same sentences again, or ones already quoted inside an earlier answer
        seen.add(key)
        shown.append((c.article, start, end))
        if len(seen) <= skip:
            continue
        passage = c.passage
        out.append(Evidence(
            rank=len(out) + 1 + skip, text=text, score=round(c.score, 6),
            context=article.text[min(passage.start, start):max(passage.end, end)], article=article,
            paragraph=passage.paragraph, start=start, end=end, terms=tuple(sorted(c.matched)), speaker=c.speaker,
            confidence=round(confidence(c, len(seen) - 1), 4), article_number=c.article,
        ))
        if len(out) >= k:
            break
    return out
