"""Soak: 10,000 questions through one ``qabot ask --json -`` process on the BBC index; RSS must not grow.

    python bench/soak.py [--data ../shared/data/bbc-fulltext.zip] [--work /tmp/qabot-soak] [--questions 10000]

Unzips the BBC articles into --work (once), builds the index there (once), then pipes the questions
into one ``qabot ask --json -`` and reads the child's resident set size (VmRSS from /proc) after every
thousand answers. Prints one line per thousand and the growth from the first thousand to the last;
exits 1 when growth is 10% or more, or when an answer is missing or not the JSON contract.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
LIMIT = 0.10
"""Allowed RSS growth from the first thousand answers to the last."""


def rss_kb(pid: int) -> int:
    """The process's resident set size in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def questions(corpus: Path, count: int, seed: int = 0) -> list[str]:
    """Varied questions from the articles: titles, word pairs, "what did X say about Y", odd ones."""
    rng = random.Random(seed)
    files = sorted(corpus.rglob("*.txt"))
    titles, words, names = [], [], []
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        titles.append(title.strip())
        words.extend(w for w in re.findall(r"[a-z]{5,}", body) if len(words) < 200_000)
        names.extend(re.findall(r"\b(?:Mr|Ms|Mrs) ([A-Z][a-z]+)", body))
    odd = ["the of and", "?!...", "🙂🚀", "中国经济增长", "الاقتصاد العالمي", "экономика России", "zzzz qqqq",
           "what did nobody say about nothing", "x" * 2000]
    out = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            out.append(rng.choice(titles))
        elif kind == 1:
            out.append(" ".join(rng.sample(words, 2)))
        elif kind == 2:
            out.append(f"what did {rng.choice(names)} say about {rng.choice(words)}")
        elif kind == 3:
            out.append(f"why did the {rng.choice(words)} {rng.choice(words)} {rng.choice(words)}")
        else:
            out.append(rng.choice(odd) if rng.random() < 0.2 else " ".join(rng.sample(words, 4)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROJECT.parent / "shared" / "data" / "bbc-fulltext.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-soak"))
    parser.add_argument("--questions", type=int, default=10_000)
    args = parser.parse_args()
    corpus = args.work / "bbc-fulltext" / "bbc"
    if not corpus.is_dir():
        with zipfile.ZipFile(args.data) as z:
            z.extractall(args.work)
    index = args.work / "index"
    if not (index / "manifest.json").exists():
        built = subprocess.run([sys.executable, "-m", "qabot", "index", str(corpus), "--index", str(index)],
                               capture_output=True, text=True)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 1
        print(built.stdout.splitlines()[0])
    asked = questions(corpus, args.questions)
    proc = subprocess.Popen([sys.executable, "-m", "qabot", "ask", "--index", str(index), "--json", "-"],
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
        if answered % 1000 == 0:
            marks.append((answered, rss_kb(proc.pid), time.perf_counter() - started))
            print(f"{answered:>6} answers  RSS {marks[-1][1] / 1024:7.1f} MiB  {marks[-1][2]:6.1f}s")
    proc.wait()
    if answered != len(asked) or proc.returncode != 0:
        print(f"{answered} of {len(asked)} answered, exit {proc.returncode}: {proc.stderr.read()[:300]}",
              file=sys.stderr)
        return 1
    first, last = marks[0][1], marks[-1][1]
    growth = (last - first) / first
    total = marks[-1][2]
    print(f"{answered:,} questions ({no_answer:,} no answer) in {total:.1f}s, {answered / total:.0f} per second; "
          f"RSS {first / 1024:.1f} MiB after 1,000 -> {last / 1024:.1f} MiB after {answered:,}: "
          f"growth {growth:+.1%} (limit {LIMIT:.0%})")
    return 0 if growth < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
