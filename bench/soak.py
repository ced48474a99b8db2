"""Soak: one ``qabot ask --json -`` process, every cache of the answerer driven past its cap; RSS must stay flat.

    python bench/soak.py [--work /tmp/qabot-soak] [--corpus scale-100k] [--questions N] [--every 5000]

The corpus (default ``scale-100k``, 95,158 passages, written by ``corpora.py`` from the BBC zip) holds more
passages than the answerer's passage cache keeps (its ``caches.passages``, read from qabot's answering
parameters, like every cap below), and the questions
are chosen to pass every cap:

- six in eight are made of words of a different passage each (a seeded order of all passages), so their
  passages differ question after question; the soak counts the distinct passages among the
  ``CANDIDATE_PASSAGES`` best of each (BM25 of each question's terms, computed here: the answerer reads at
  least those) and requires more than the passage cache's cap, well before the last reading.
  They also pass the caches of article titles and speakers (20,000 entries each) and of articles (512);
- one in eight is "what about", a word of the articles and made-up words, new ones every time, enough in
  all to pass the analyzer's word cache (``Analyzer.CACHE_WORDS``); the one known word makes the answerer
  weigh each made-up word, so its IDF cache (``caches.idf``) takes every one of them and passes its cap
  too (a question of made-up words only is refused before any is weighed);
- one in eight is the old mix: titles, "what did X say about Y", why-questions, odd input.

The child's resident set size (VmRSS) is read every ``--every`` answers. Flat means: from the first reading
after the passage cap was passed to the last, growth under 10%. Exits 1 when RSS grows, when a cap was not
passed, or when an answer is missing or not the JSON contract.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

from corpora import CORPORA, make

from qabot.analysis import Analyzer
from qabot.answering.params import AnswerParams
from qabot.index import Index
from qabot.retrieval import LocalRetriever

LIMIT = 0.10
"""Allowed RSS growth from the first reading after the passage cap was passed to the last."""
PARAMS = AnswerParams.default()
CACHE_PASSAGES = PARAMS.caches.passages
"""The answerer's passage cache's cap."""
CACHE_IDF = PARAMS.caches.idf
"""The answerer's IDF cache's cap."""
CANDIDATE_PASSAGES = PARAMS.retrieval.candidate_passages
"""The best passages of a question whose sentences the answerer reads."""


def rss_kb(pid: int) -> int:
    """The process's resident set size in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def mixed(index: Index, rng: random.Random) -> str:
    """One question of the old mix: a title, "what did X say about Y", a why-question, or odd input."""
    article = index.article(rng.randrange(index.n_articles))
    words = re.findall(r"[a-z]{5,}", article.text) or ["economy"]
    names = re.findall(r"\b(?:Mr|Ms|Mrs) ([A-Z][a-z]+)", article.text) or ["Blair"]
    odd = ["the of and", "?!...", "🙂🚀", "中国经济增长", "الاقتصاد العالمي", "экономика России", "x" * 2000,
           "what did nobody say about nothing"]
    return rng.choice([article.title, f"what did {rng.choice(names)} say about {rng.choice(words)}",
                       f"why did the {' '.join(rng.choices(words, k=3))}", rng.choice(odd)])


def questions(index: Index, count: int, made_up: int, seed: int = 0) -> tuple[list[str], list[int | None]]:
    """``count`` questions and, for each made of a passage's words, the passage (None for the others)."""
    rng = random.Random(seed)
    order = list(range(index.n_passages))
    rng.shuffle(order)
    letters = string.ascii_lowercase
    out, sources = [], []
    for i in range(count):
        kind = i % 8
        if kind < 6:
            p = order[(i // 8 * 6 + kind) % len(order)]
            passage = index.passage(p)
            words = [w for w in index.article(passage.article).text[passage.start:passage.end].split()
                     if w.isalpha() and len(w) > 3]
            out.append(" ".join(rng.sample(words, min(len(words), 4))) if words else "what about it")
            sources.append(p)
        elif kind == 6:  # one known word, so the answerer weighs the made-up ones (all unknown: it stops early)
            known = rng.choice(re.findall(r"[a-z]{5,}", index.article(rng.randrange(index.n_articles)).text) or ["economy"])
            out.append(f"what about {known} " + " ".join("".join(rng.choices(letters, k=11)) for _ in range(made_up)))
            sources.append(None)
        else:
            out.append(mixed(index, rng))
            sources.append(None)
    return out, sources


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-soak"))
    parser.add_argument("--corpus", choices=CORPORA, default="scale-100k")
    parser.add_argument("--questions", type=int, default=0,
                        help="how many (default: 0.8 x the passage cache's cap; it is passed after about a quarter)")
    parser.add_argument("--every", type=int, default=5000, help="read RSS after this many answers")
    args = parser.parse_args()
    corpus = make(args.work, args.corpus)
    index_dir = args.work / "indexes" / args.corpus
    if not (index_dir / "manifest.json").exists():
        built = subprocess.run([sys.executable, "-m", "qabot", "index", str(corpus), "--index", str(index_dir)],
                               capture_output=True, text=True)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 1
        print(built.stdout.splitlines()[0])
    index = Index.open(index_dir)
    if index.n_passages <= CACHE_PASSAGES:
        print(f"{args.corpus} has {index.n_passages:,} passages, not more than the passage cache's cap "
              f"{CACHE_PASSAGES:,}: use a larger corpus", file=sys.stderr)
        return 1
    count = args.questions or int(CACHE_PASSAGES * 0.8)
    made_up = Analyzer.CACHE_WORDS * 11 // 10 // max(1, count // 8) + 1
    asked, sources = questions(index, count, made_up)

    analyzer, retriever = Analyzer(), LocalRetriever(index)
    seen: set[int] = set()
    passed_at = None  # the question after which the distinct passages read exceed the cap
    for i, (q, p) in enumerate(zip(asked, sources)):
        if p is not None:
            seen.update(d for d, _ in retriever.top(analyzer.terms(q), CANDIDATE_PASSAGES))
            if passed_at is None and len(seen) > CACHE_PASSAGES:
                passed_at = i + 1
    unknown = count // 8 * made_up
    print(f"{count:,} questions on {args.corpus} ({index.n_passages:,} passages): {len(seen):,} distinct passages "
          f"among their {CANDIDATE_PASSAGES} best (passage cache cap {CACHE_PASSAGES:,}, passed after question {passed_at or 0:,}); "
          f"{unknown:,} made-up words (caps: analyzer's word cache {Analyzer.CACHE_WORDS:,}, IDF cache {CACHE_IDF:,})")
    if passed_at is None or unknown <= max(Analyzer.CACHE_WORDS, CACHE_IDF):
        print("the questions do not pass every cap: ask more (--questions)", file=sys.stderr)
        return 1
    del index, retriever

    proc = subprocess.Popen([sys.executable, "-m", "qabot", "ask", "--index", str(index_dir), "--json", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")

    def feed() -> None:
        for q in asked:
            proc.stdin.write(q + "\n")
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    started = time.perf_counter()
    marks: list[tuple[int, int, float]] = []
    answered = no_answer = 0
    for line in proc.stdout:
        obj = json.loads(line)
        if obj["question"] != asked[answered] or not isinstance(obj["answers"], list):
            print(f"answer {answered + 1} does not match its question", file=sys.stderr)
            return 1
        answered += 1
        no_answer += obj["no_answer"]
        if answered % args.every == 0 or answered == len(asked):
            marks.append((answered, rss_kb(proc.pid), time.perf_counter() - started))
            print(f"{answered:>7,} answers  RSS {marks[-1][1] / 1024:7.1f} MiB  {marks[-1][2]:6.1f}s"
                  + ("  (passage cap passed)" if answered >= passed_at else ""))
    proc.wait()
    if answered != len(asked) or proc.returncode != 0:
        print(f"{answered} of {len(asked)} answered, exit {proc.returncode}: {proc.stderr.read()[:300]}",
              file=sys.stderr)
        return 1
    after = [m for m in marks if m[0] >= passed_at]
    if len(after) < 2:
        print("fewer than two RSS readings after the passage cap was passed: ask more (--questions)", file=sys.stderr)
        return 1
    first, last = after[0][1], after[-1][1]
    growth = (last - first) / first
    total = marks[-1][2]
    print(f"{answered:,} questions ({no_answer:,} no answer) in {total:.1f}s, {answered / total:.0f} per second; "
          f"RSS {marks[0][1] / 1024:.1f} MiB after {marks[0][0]:,}; {first / 1024:.1f} MiB after {after[0][0]:,} "
          f"(caches full) -> {last / 1024:.1f} MiB after {answered:,}: growth {growth:+.1%} (limit {LIMIT:.0%})")
    return 0 if growth < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
