"""Evaluation: answer a file of questions with known answers and measure how well qabot did.

The question file is JSONL, one ``{"question": str, "answers": [str, ...]}`` per line; an empty
``answers`` list marks a question the corpus cannot answer. A piece of evidence is right when a gold
string occurs in it (compared case-insensitively, whitespace collapsed). Questions go through the
same ``Answerer`` as ``qabot ask``.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .answer import Answerer
from .errors import UsageError

RECALL_PASSAGES = 5
"""Passage recall is measured over this many top BM25 passages."""


@dataclass(frozen=True)
class Item:
    """One question with its gold answers."""

    question: str
    """The question as asked."""
    answers: tuple[str, ...]
    """Strings any of which, found in the evidence, makes it right; empty when there is no answer."""


@dataclass
class Report:
    """What an evaluation measured."""

    questions: int
    """Questions asked."""
    answerable: int
    """Questions with at least one gold answer."""
    evidence_at_1: float
    """Share of answerable questions whose first evidence holds a gold string."""
    evidence_at_3: float
    """Share of answerable questions with a gold string in the first three pieces of evidence."""
    passage_recall_at_5: float
    """Share of answerable questions with a gold string in one of the top five BM25 passages."""
    mrr: float
    """Mean reciprocal rank of the first right evidence (0 when none of the returned ones is right)."""
    no_answer_precision: float | None
    """Of the questions answered ``no_answer``, the share that are unanswerable (None when there are none)."""
    no_answer_recall: float | None
    """Of the unanswerable questions, the share answered ``no_answer`` (None when there are none)."""
    no_answer_predicted: int
    """Questions answered ``no_answer``."""
    seconds: float
    """Wall time spent answering (the index already open)."""
    k: int
    """Pieces of evidence asked for per question."""

    @property
    def per_second(self) -> float:
        """Questions answered per second."""
        return self.questions / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        """The report as lines for a person."""
        unanswerable = self.questions - self.answerable

        def share(x: float | None) -> str:
            return "n/a" if x is None else f"{x:.3f}"

        return [
            f"questions: {self.questions:,} ({self.answerable:,} answerable, {unanswerable:,} unanswerable)",
            f"evidence@1: {self.evidence_at_1:.3f} ({round(self.evidence_at_1 * self.answerable):,} of {self.answerable:,})",
            f"evidence@3: {self.evidence_at_3:.3f} ({round(self.evidence_at_3 * self.answerable):,} of {self.answerable:,})",
            f"passage recall@{RECALL_PASSAGES}: {self.passage_recall_at_5:.3f}",
            f"MRR@{self.k}: {self.mrr:.3f}",
            f"no-answer precision: {share(self.no_answer_precision)} ({self.no_answer_predicted:,} no_answer), "
            f"recall: {share(self.no_answer_recall)}",
            f"speed: {self.per_second:,.0f} questions/s ({self.seconds:.1f}s)",
        ]

    def to_json(self) -> dict:
        """The report as a JSON object."""
        return {**asdict(self), "per_second": self.per_second}


def read_items(path: Path) -> list[Item]:
    """The questions of a JSONL file; UsageError naming the line when one is not a question."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}") from None
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            raise UsageError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("question"), str) or not isinstance(obj.get("answers"), list) \
                or not all(isinstance(a, str) for a in obj["answers"]):
            raise UsageError(f'{path}:{number}: expected {{"question": str, "answers": [str, ...]}}')
        items.append(Item(question=obj["question"], answers=tuple(obj["answers"])))
    if not items:
        raise UsageError(f"{path} holds no questions")
    return items


def normalize(text: str) -> str:
    """Lowercased, curly quotes straightened, whitespace collapsed: how gold strings are compared."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _hit(golds: list[str], text: str) -> bool:
    """True when one of the (normalized) gold strings occurs in ``text``."""
    norm = normalize(text)
    return any(g in norm for g in golds)


def evaluate(answerer: Answerer, items: list[Item], k: int = 3) -> Report:
    """Ask every question and score the answers."""
    at1 = at3 = recall = 0
    rr = 0.0
    predicted = correct_none = unanswerable = 0
    seconds = 0.0
    for item in items:
        started = time.perf_counter()
        answer = answerer.ask(item.question, k=max(k, 3))
        seconds += time.perf_counter() - started
        golds = [normalize(a) for a in item.answers if a.strip()]
        if answer.no_answer:
            predicted += 1
        if not golds:
            unanswerable += 1
            correct_none += answer.no_answer
            continue
        texts = [e.text for e in answer.evidence]
        hits = [_hit(golds, t) for t in texts]
        at1 += bool(hits[:1] and hits[0])
        at3 += any(hits[:3])
        rr += next((1.0 / (i + 1) for i, h in enumerate(hits[:k]) if h), 0.0)
        recall += any(_hit(golds, answerer.passage_text(p)) for p in answer.passages[:RECALL_PASSAGES])
    answerable = len(items) - unanswerable
    per = (lambda x: x / answerable) if answerable else (lambda x: 0.0)
    return Report(
        questions=len(items), answerable=answerable, evidence_at_1=per(at1), evidence_at_3=per(at3),
        passage_recall_at_5=per(recall), mrr=per(rr),
        no_answer_precision=correct_none / predicted if predicted else None,
        no_answer_recall=correct_none / unanswerable if unanswerable else None,
        no_answer_predicted=predicted, seconds=seconds, k=k,
    )
