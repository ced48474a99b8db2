"""Fit the weights a speech question's speaker's own words are ranked by beside the linear ranker, and check them.

    python bench/fit_speech_rank.py [--work /tmp/qabot-bench/bbc] [--index INDEX]

A "what did X say about Y" question ranks X's own words by the linear ranker (fitted mostly on SQuAD, where there is
no speaker) and then adds ``SpeechParams.own_weights`` times ``OwnWords.own_inputs`` to each of them: whether the
words shown are X's quotation (in quotation marks, or a report shown with the quotation right after it), and the
IDF-weighted share of the topic their article holds (X quoted in many stories: the one about Y). The answer depends
on these through the whole speech step (the quotation before the lede, the quotation shown whole), so the weights are
chosen by a search over a grid, each point scored by the first answers of the real pipeline: the evidence@1 of the
speech questions (kind ``speech`` or ``say``) of the FIT sets (ties: evidence@3, then the smaller weights). The CHECK
set (news_tuning13's odd lines, never looked at question by question) is reported for the chosen weights and for
none, as aggregates only. It prints the tuple for ``SpeechParams.own_weights``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import ROOT, bbc_corpus  # noqa: E402

from qabot.answering import Answerer  # noqa: E402
from qabot.build import build  # noqa: E402
from qabot.evaluate import hit, normalize  # noqa: E402
from qabot.index import Index  # noqa: E402

DATA = ROOT / "bench" / "data"
FIT = ("news_tuning3.jsonl", "news_tuning4.jsonl", "news_tuning13.jsonl:even", "bbc_tuning_1.jsonl",
       "bbc_tuning_2.jsonl", "bbc_tuning_3.jsonl", "speech_tuning.jsonl", "speech_tuning2.jsonl", "reader_tuning.jsonl",
       "reader_tuning5.jsonl")
CHECK = ("news_tuning13.jsonl:odd",)
QUOTE = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
ARTICLE = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0)


def questions(names: tuple[str, ...]) -> list[dict]:
    """The answerable speech questions of the sets ``names`` (``FILE:even`` / ``FILE:odd``: every other line, from
    the first or the second)."""
    out = []
    for name in names:
        file, _, half = name.partition(":")
        lines = [line for line in (DATA / file).read_text().splitlines() if line.strip()]
        if half:
            lines = lines[half == "odd"::2]
        for line in lines:
            item = json.loads(line)
            if item.get("kind") in ("speech", "say") and item.get("answers"):
                out.append(item)
    return out


def score(answerer: Answerer, items: list[dict]) -> tuple[int, int]:
    """(first answers holding a gold string, first three holding one) over ``items``."""
    first = three = 0
    for item in items:
        golds = [normalize(a) for a in item["answers"]]
        shown = [e.text for e in answerer.ask(item["question"]).evidence]
        first += bool(shown) and hit(golds, shown[0])
        three += any(hit(golds, t) for t in shown[:3])
    return first, three


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-fulltext.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/bbc"))
    parser.add_argument("--index", type=Path, help="an index of the BBC articles built already (else built under --work)")
    args = parser.parse_args()
    if args.index is None:
        corpus = bbc_corpus(args.work, args.data)
        build([corpus], args.work / "index")
        args.index = args.work / "index"
    index = Index.open(args.index)
    shipped = Answerer(index).params
    fit, check = questions(FIT), questions(CHECK)

    def at(weights: tuple[float, ...]) -> Answerer:
        return Answerer(index, answer_params=replace(shipped, speech=replace(shipped.speech, own_weights=weights)))

    results = {}
    for weights in itertools.product(QUOTE, ARTICLE):
        results[weights] = score(at(weights), fit)
        print(f"  {weights}: evidence@1 {results[weights][0]}, @3 {results[weights][1]} of {len(fit)}", flush=True)
    best = max(results, key=lambda w: (*results[w], -sum(w)))
    none = (0.0,) * len(best)
    print(f"fitted on the speech questions of {', '.join(FIT)} ({len(fit)})")
    print(f"fit: evidence@1 / @3 {results[none][0]} / {results[none][1]} with none -> "
          f"{results[best][0]} / {results[best][1]} with {best}")
    before, after = score(at(none), check), score(at(best), check)
    print(f"check ({', '.join(CHECK)}, {len(check)}): evidence@1 / @3 {before[0]} / {before[1]} -> {after[0]} / {after[1]}")
    print(f"SpeechParams: own_weights = {best}")


if __name__ == "__main__":
    main()
