"""Every BBC tuning question by its question word, and the clean checks' aggregates, over all 2,225 BBC articles.

    python bench/tuning.py [--work /tmp/qabot-bench/bbc] [--show WORD] [--checks]

By default: evidence@1 / @3 and refusals of every answerable question of the BBC tuning sets (news_tuning3/4,
bbc_tuning_1/2/3, news_check4, reader_tuning/5, nearmiss_tuning6, speech_tuning/2, news_tuning13's even lines, dev17),
grouped by the question's word ("who", "where", "why", "how many" ...; a question asking for someone's words is
"speech"), and how the unanswerable ones are shown (refused / not sure / sure). ``--show WORD`` prints the misses of one
group ("--show where") with the first three answers. ``--checks`` prints the clean checks instead, aggregates only
(news_tuning13's odd lines, check17/news_check17.jsonl): never read their misses, never tune on them. The index is the
one ``bench/bbc.py --speakers after`` builds (its speaker pass done), in the same work folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from qabot.answering import Answerer
from qabot.build import Settings, SpeakerStore, build
from qabot.building.speaker_pass import run as run_pass
from qabot.evaluate import golds as gold_answers, hit
from qabot.index import Index

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import bbc_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
TUNING = ("news_tuning3", "news_tuning4", "bbc_tuning_1", "bbc_tuning_2", "bbc_tuning_3", "news_check4", "reader_tuning",
          "reader_tuning5", "nearmiss_tuning6", "nearmiss_tuning13", "speech_tuning", "speech_tuning2")
WORDS = ("how many", "how much", "how old", "how long", "who", "whom", "whose", "where", "when", "why", "which", "what",
         "how")
SPEECH = re.compile(r"\b(?:say|said|says|tell|told|think|believe|describe|warn|claim)\b", re.I)


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def word(question: str) -> str:
    """The group a question is counted in: "speech", or its first question word found."""
    if SPEECH.search(question):
        return "speech"
    low = question.lower()
    return next((w for w in WORDS if re.search(rf"\b{w}\b", low)), "other")


def tally(answerer: Answerer, items: list[dict]) -> tuple[dict, Counter, list]:
    """Per group [questions, right first, right in the first three, refused]; how the unanswerable are shown; misses."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    shown: Counter = Counter()
    misses = []
    for item in items:
        answer = answerer.ask(item["question"])
        if not item["answers"]:
            shown["refused" if answer.no_answer else "not sure" if answer.unsure else "sure"] += 1
            continue
        golds = gold_answers(item["answers"])
        texts = [e.text for e in answer.evidence]
        first, three = bool(texts) and hit(golds, texts[0]), any(hit(golds, t) for t in texts[:3])
        group = word(item["question"])
        g = groups[group]
        g[0] += 1
        g[1] += first
        g[2] += three
        g[3] += answer.no_answer
        if not three:
            misses.append((group, item, answer))
    return groups, shown, misses


def report(name: str, groups: dict, shown: Counter, by_group: bool = True) -> None:
    n, one, three, refused = (sum(g[i] for g in groups.values()) for i in range(4))
    print(f"{name}: {n} answerable  evidence@1 {one / max(n, 1):.3f}  evidence@3 {three / max(n, 1):.3f}  "
          f"refused {refused}" + (f"; unanswerable {sum(shown.values())}: " + ", ".join(
              f"{k} {shown[k]}" for k in ("refused", "not sure", "sure")) if shown else ""))
    if by_group:
        for group, (m, a, b, r) in sorted(groups.items()):
            print(f"  {group:>9}: {m:4d}  evidence@1 {a / m:.3f}  evidence@3 {b / m:.3f}  refused {r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-fulltext.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/bbc"))
    parser.add_argument("--show", metavar="WORD", help="print the misses of one group of tuning questions")
    parser.add_argument("--checks", action="store_true", help="the clean checks' aggregates instead")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"BBC articles not found at {args.data}")
    index_dir = args.work / "index-after"
    build([bbc_corpus(args.work, args.data)], index_dir, Settings(speakers=SpeakerStore.AFTER))
    run_pass(index_dir)
    answerer = Answerer(Index.open(index_dir))
    if args.checks:
        clean = rows(DATA / "news_tuning13.jsonl")[1::2]
        report("news_tuning13 odd lines (clean check)", *tally(answerer, clean)[:2], by_group=False)
        report("check17 (clean check)", *tally(answerer, rows(DATA / "check17" / "news_check17.jsonl"))[:2], by_group=False)
        return
    items = [row for name in TUNING for row in rows(DATA / f"{name}.jsonl")]
    items += rows(DATA / "news_tuning13.jsonl")[0::2] + rows(DATA / "dev17" / "dev17.jsonl")
    groups, shown, misses = tally(answerer, items)
    report("BBC tuning questions", groups, shown)
    for group, item, answer in misses:
        if group != args.show:
            continue
        print(f"\nQ: {item['question']} | gold {item['answers'][:2]} | {item.get('article')}")
        if answer.no_answer:
            print(f"  refused: {answer.message}")
        for e in answer.evidence[:3]:
            print(f"  - {e.article.path.split('bbc/')[-1]} | {e.text[:160]}")


if __name__ == "__main__":
    main()
