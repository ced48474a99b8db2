"""The data the answer model is fitted on and the data it is measured on, kept apart.

SQuAD v1.1 dev is split by article: articles 0, 2, 4, ... (in file order) are the fit half, articles
1, 3, 5, ... the test half, so no test question's article was seen while fitting. The BBC articles
are a second corpus: questions written for one corpus asked of the other are negatives (nearly all
unanswerable there).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from qabot.evaluate import Item

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SQUAD = SHARED / "squad-v1.1-dev.json.zip"
BBC = SHARED / "bbc-fulltext.zip"


def squad_corpus(work: Path, data: Path = SQUAD) -> tuple[Path, list[tuple[int, Item]]]:
    """SQuAD dev written as one JSONL corpus (an article a line), and ``(article number, question)`` pairs."""
    work.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(data) as z:
        squad = json.loads(z.read("dev-v1.1.json"))
    corpus = work / "corpus" / "squad-dev.jsonl"
    corpus.parent.mkdir(exist_ok=True)
    lines, items = [], []
    for number, article in enumerate(squad["data"]):
        lines.append(json.dumps({"title": article["title"].replace("_", " "),
                                 "text": "\n\n".join(p["context"] for p in article["paragraphs"])}))
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                items.append((number, Item(question=qa["question"], answers=tuple(a["text"] for a in qa["answers"]))))
    text = "\n".join(lines) + "\n"
    if not corpus.exists() or corpus.read_text(encoding="utf-8") != text:
        corpus.write_text(text, encoding="utf-8")
    return corpus, items


def half(items: list[tuple[int, Item]], which: str) -> list[Item]:
    """The questions of the ``fit`` half (even articles), the ``test`` half (odd ones) or ``all``."""
    if which == "all":
        return [item for _, item in items]
    parity = 0 if which == "fit" else 1
    return [item for number, item in items if number % 2 == parity]


def bbc_corpus(work: Path, data: Path = BBC) -> Path:
    """The BBC articles unzipped under ``work`` (once); the folder of their five topics."""
    corpus = work / "bbc-fulltext" / "bbc"
    if not corpus.is_dir():
        with zipfile.ZipFile(data) as z:
            z.extractall(work)
    return corpus


def unanswerable(items: list[Item]) -> list[Item]:
    """The same questions with no gold answer: asked of a corpus they were not written for."""
    return [Item(question=i.question, answers=()) for i in items]
