"""Evaluation: answer a file of questions with known answers and measure how well qabot did.

The question file is JSONL, one ``{"question": str, "answers": [str, ...]}`` per line; an empty
``answers`` list marks a question the corpus cannot answer. A piece of evidence is right when a gold
string occurs in it as whole words, after SQuAD's official answer normalisation (lowercased; punctuation,
the articles "a", "an", "the" and extra whitespace removed): gold "ink" is not in "I think so", nor
"6,000 km" in "26,000 km". Questions go through the same ``Answerer`` as ``qabot ask``.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from .answering import Answerer
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
    answerable_refused: int
    """Answerable questions answered ``no_answer`` (counted as missed in every figure above)."""
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
            f"answerable refused: {self.answerable_refused:,} "
            f"({self.answerable_refused / self.answerable if self.answerable else 0:.1%})",
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


_NUMBER_MARK = re.compile(r"(?<=\d)[.,](?=\d)")
_ARTICLES = frozenset(("a", "an", "the"))


def _is_punctuation(char: str) -> bool:
    """A Unicode punctuation mark (ASCII's and curly quotes, dashes, guillemets alike)."""
    return unicodedata.category(char).startswith("P")


def normalize(text: str) -> tuple[str, ...]:
    """The words of ``text`` as answers are compared: SQuAD's normalisation, as tokens.

    Lowercased; the articles "a", "an" and "the" dropped; punctuation removed: inside a number
    ("26,000", "4.5") it is deleted, so "26,000" stays one word and never holds "6,000"; anywhere else
    it separates words, so "China-Russia" holds "Russia" and "Wang’s" holds "Wang".
    """
    text = _NUMBER_MARK.sub("", text.lower())
    text = "".join(" " if _is_punctuation(c) else c for c in text)
    return tuple(w for w in text.split() if w not in _ARTICLES)


def _contains(words: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    """True when ``gold`` stands in ``words`` as a run of whole words."""
    n = len(gold)
    if not n or n > len(words):
        return False
    first = gold[0]
    return any(words[i:i + n] == gold for i, w in enumerate(words[:len(words) - n + 1]) if w == first)


def golds(answers) -> list[tuple[str, ...]]:
    """Gold answers as ``hit`` matches them: normalised (``normalize``), or their lowercased words when normalising
    leaves nothing ("The"); blank ones left out."""
    return [normalize(a) or tuple(a.lower().split()) for a in answers if a.strip()]


def hit(golds: list[tuple[str, ...]], text: str) -> bool:
    """True when one of the normalised gold answers stands in ``text`` as whole words."""
    words = normalize(text)
    return any(_contains(words, g) for g in golds)


@dataclass(frozen=True)
class Outcome:
    """What qabot answered to one question, as the metrics read it."""

    item: Item
    """The question with its gold answers."""
    no_answer: bool
    """qabot answered ``no_answer``."""
    evidence: tuple[str, ...]
    """The texts of the evidence given, best first."""
    passages: tuple[str, ...]
    """The texts of the top BM25 passages (at least ``RECALL_PASSAGES`` when there are that many)."""


def measure(outcomes: list[Outcome], k: int = 3, seconds: float = 0.0) -> Report:
    """The figures of a list of outcomes: a refused answerable question counts as missed at every rank."""
    at1 = at3 = recall = refused = 0
    rr = 0.0
    predicted = correct_none = unanswerable = 0
    for outcome in outcomes:
        wanted = golds(outcome.item.answers)
        predicted += outcome.no_answer
        if not wanted:
            unanswerable += 1
            correct_none += outcome.no_answer
            continue
        refused += outcome.no_answer
        hits = [hit(wanted, t) for t in outcome.evidence]
        at1 += bool(hits[:1] and hits[0])
        at3 += any(hits[:3])
        rr += next((1.0 / (i + 1) for i, h in enumerate(hits[:k]) if h), 0.0)
        recall += any(hit(wanted, p) for p in outcome.passages[:RECALL_PASSAGES])
    answerable = len(outcomes) - unanswerable
    per = (lambda x: x / answerable) if answerable else (lambda x: 0.0)
    return Report(
        questions=len(outcomes), answerable=answerable, evidence_at_1=per(at1), evidence_at_3=per(at3),
        passage_recall_at_5=per(recall), mrr=per(rr),
        no_answer_precision=correct_none / predicted if predicted else None,
        no_answer_recall=correct_none / unanswerable if unanswerable else None,
        no_answer_predicted=predicted, answerable_refused=refused, seconds=seconds, k=k,
    )


def evaluate(answerer: Answerer, items: list[Item], k: int = 3) -> Report:
    """Ask every question through ``answerer`` and measure the answers."""
    outcomes = []
    seconds = 0.0
    for item in items:
        started = time.perf_counter()
        answer = answerer.ask(item.question, k=max(k, 3))
        seconds += time.perf_counter() - started
        outcomes.append(Outcome(
            item=item, no_answer=answer.no_answer, evidence=tuple(e.text for e in answer.evidence),
            passages=tuple(answerer.passage_text(p) for p in answer.passages[:RECALL_PASSAGES]),
        ))
    return measure(outcomes, k=k, seconds=seconds)
