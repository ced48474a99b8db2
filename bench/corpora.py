"""Benchmark corpora, written to disk with fixed seeds: BBC, BBC-derived scale corpora, synthetic Zipf.

    python bench/corpora.py --work /tmp/qabot-bench bbc scale-100k zipf-10k ...

Scale corpora repeat the BBC articles with light, seeded changes (3% of words swapped for other
words of the same article, numbers nudged, a copy number in the title), so term statistics stay
realistic while the corpus grows. Zipf corpora are 120-word paragraphs (one passage each) of words
drawn with probability ~ 1 / rank^1.07 from the BBC vocabulary (50,000 types, topped up with
two-word compounds), ten paragraphs an article. Both are written as JSONL shards so that a corpus
of a million passages is a few hundred files, not a hundred thousand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

BBC_ZIP = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-fulltext.zip"
SEED = 20260527
SHARD_ARTICLES = 500
CORPORA = ("bbc", "scale-100k", "scale-1m", "zipf-10k", "zipf-100k", "zipf-1m")
BBC_PASSAGES = 10_573
"""Passages of the BBC corpus at the default 384-token budget (what the scale copies multiply)."""


def bbc_dir(work: Path) -> Path:
    """The BBC articles unzipped under ``work`` (once)."""
    target = work / "corpora" / "bbc"
    if not (target / "bbc-fulltext").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(BBC_ZIP) as z:
            z.extractall(target)
    return target / "bbc-fulltext" / "bbc"


def bbc_articles(work: Path) -> list[tuple[str, list[str]]]:
    """``(title, paragraphs)`` of every BBC article, in path order."""
    out = []
    for path in sorted(bbc_dir(work).rglob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        out.append((blocks[0], blocks[1:]))
    return out


def _write_shards(folder: Path, records, name: str) -> None:
    """Write ``records`` (dicts) as JSONL shards of ``SHARD_ARTICLES`` lines."""
    folder.mkdir(parents=True, exist_ok=True)
    shard, lines = 0, []
    for record in records:
        lines.append(json.dumps(record, ensure_ascii=False))
        if len(lines) == SHARD_ARTICLES:
            (folder / f"{name}-{shard:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            shard, lines = shard + 1, []
    if lines:
        (folder / f"{name}-{shard:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _nudge(paragraph: str, rng: random.Random, pool: list[str]) -> str:
    """A light change: 3% of words swapped for words of the same article, numbers changed."""
    words = paragraph.split(" ")
    for i, w in enumerate(words):
        r = rng.random()
        if r < 0.03:
            words[i] = rng.choice(pool)
        elif w.isdigit() and r < 0.5:
            words[i] = str(int(w) + rng.randint(1, 9))
    return " ".join(words)


def scale(work: Path, passages: int) -> Path:
    """A BBC-derived corpus of about ``passages`` passages."""
    name = f"scale-{passages // 1000}k" if passages < 1_000_000 else f"scale-{passages // 1_000_000}m"
    folder = work / "corpora" / name
    if (folder / ".done").exists():
        return folder
    articles = bbc_articles(work)
    copies = max(1, round(passages / BBC_PASSAGES))

    def records():
        for copy in range(copies):
            rng = random.Random(SEED + copy)
            for n, (title, paragraphs) in enumerate(articles):
                pool = " ".join(paragraphs).split() or [title]
                if copy == 0:
                    yield {"title": title, "text": "\n\n".join(paragraphs)}
                    continue
                yield {"title": f"{title} ({copy})", "text": "\n\n".join(_nudge(p, rng, pool) for p in paragraphs)}

    _write_shards(folder, records(), name)
    (folder / ".done").write_text("")
    return folder


def zipf_words(work: Path, size: int = 50_000) -> list[str]:
    """``size`` word types, most frequent first: the BBC vocabulary, then two-word compounds."""
    counts = Counter(w for _, ps in bbc_articles(work) for p in ps for w in re.findall(r"[a-z]{2,}", p.lower()))
    words = [w for w, _ in counts.most_common()]
    rng = random.Random(SEED)
    head = words[:2000]
    seen = set(words)
    while len(words) < size:
        w = rng.choice(head) + rng.choice(words)
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words[:size]


def zipf(work: Path, passages: int, words_per_passage: int = 120) -> Path:
    """A synthetic corpus of ``passages`` paragraphs of ``words_per_passage`` Zipf-drawn words."""
    name = f"zipf-{passages // 1000}k" if passages < 1_000_000 else f"zipf-{passages // 1_000_000}m"
    folder = work / "corpora" / name
    if (folder / ".done").exists():
        return folder
    vocab = np.array(zipf_words(work), dtype=object)
    p = 1.0 / np.arange(1, len(vocab) + 1) ** 1.07
    cdf = np.cumsum(p / p.sum())
    rng = np.random.default_rng(SEED + passages)

    def records():
        per_article = 10
        for a in range(0, passages, per_article):
            n = min(per_article, passages - a)
            ids = np.minimum(np.searchsorted(cdf, rng.random((n, words_per_passage))), len(vocab) - 1)
            paragraphs = []
            for row in vocab[ids]:
                sentences = [" ".join(row[i:i + 12]).capitalize() + "." for i in range(0, words_per_passage, 12)]
                paragraphs.append(" ".join(sentences))
            yield {"title": f"Synthetic article {a // per_article}", "text": "\n\n".join(paragraphs)}

    _write_shards(folder, records(), name)
    (folder / ".done").write_text("")
    return folder


def make(work: Path, name: str) -> Path:
    """The corpus called ``name`` (one of ``CORPORA``), written under ``work`` when missing."""
    if name == "bbc":
        return bbc_dir(work)
    kind, size = name.split("-")
    n = int(size[:-1]) * (1000 if size.endswith("k") else 1_000_000)
    return scale(work, n) if kind == "scale" else zipf(work, n)


def main() -> None:
    """Write the corpora named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", choices=CORPORA)
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench"))
    args = parser.parse_args()
    for name in args.names:
        print(name, make(args.work, name))


if __name__ == "__main__":
    main()
