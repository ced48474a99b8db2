"""Check bench/data/bbc_questions_89.jsonl against the BBC articles, mechanically.

    python bench/check_questions.py [--data DIR | --articles DIR] [--questions FILE] [-v]

Reads the articles straight from ``bbc-fulltext.zip`` in the shared data folder (``--data``, default
``../shared/data`` beside the project), or from an unzipped folder holding the five topic folders
(``--articles``). Each file is decoded as UTF-8, falling back to Latin-1 (``sport/199.txt``).

Checks, each a failure (exit status 1) when broken:
- every line is a JSON object with exactly question, answers, type, source; type is one of TYPES;
  no question appears twice;
- answerable questions name an existing ``topic/NNN.txt`` and every gold answer occurs in it verbatim;
- "say" questions read "what did X say about Y"; X occurs in the source article and in the paragraph of
  each gold answer or the one before it (the quote is attributed to X there); each gold is 5-15 words;
- factual questions have short golds (at most 8 words);
- unanswerable questions have no answers and no source, have an entry in ABSENT_TERMS below, and none
  of those terms occurs anywhere in the 2,225 articles (case-insensitive, whole words);
- the set has at least 70 questions: >= 25 say, >= 30 factual, >= 12 unanswerable, and both the say
  and the factual questions cover all five topics.
Standard library only.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = PROJECT.parent / "shared" / "data"
DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "data" / "bbc_questions_89.jsonl"
ZIP_NAME = "bbc-fulltext.zip"
ZIP_PREFIX = "bbc-fulltext/bbc/"

TOPICS = ("business", "entertainment", "politics", "sport", "tech")
FACTUAL = ("who", "when", "where", "how_much", "how_many", "what")
TYPES = ("say",) + FACTUAL + ("unanswerable",)
KEYS = {"question", "answers", "type", "source"}
SOURCE_RE = re.compile(r"^(%s)/\d{3}\.txt$" % "|".join(TOPICS))
SAY_RE = re.compile(r"^what did (?P<who>.+?) say about (?P<what>.+?)\??$", re.IGNORECASE)
MINIMUMS = {"total": 70, "say": 25, "factual": 30, "unanswerable": 12}

# The distinctive terms of each unanswerable question: none may occur in the corpus. Checked by this
# script on every run (whole words, case-insensitive, over all 2,225 articles).
ABSENT_TERMS = {
    "how much electricity does bitcoin mining use": ["bitcoin", "cryptocurrency"],
    "how effective are the COVID-19 vaccines": ["covid", "covid-19", "coronavirus"],
    "who won the 2022 World Cup in Qatar": ["2022 world cup", "world cup in qatar", "qatar 2022"],
    "how many users does TikTok have": ["tiktok"],
    "what was the result of the Brexit referendum": ["brexit"],
    "what did Zelensky say about the war with Russia": ["zelensky", "zelenskyy"],
    "how much did Elon Musk pay for Twitter": ["elon", "musk", "twitter"],
    "what did Greta Thunberg say about climate change": ["thunberg"],
    "how does ChatGPT answer questions": ["chatgpt", "openai"],
    "when did Rishi Sunak become prime minister": ["rishi", "sunak"],
    "how many subscribers does Netflix have": ["netflix"],
    "how much does a Tesla Model 3 cost": ["tesla"],
    "how many people use Instagram every day": ["instagram"],
    "what did Barack Obama say about healthcare reform": ["obama"],
    "how much did Facebook pay for WhatsApp": ["facebook", "whatsapp"],
    "how is blockchain technology used by banks": ["blockchain"],
}


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def load_articles(data: Path, articles: Path | None) -> dict[str, str]:
    """{"topic/NNN.txt": text} for every article."""
    texts: dict[str, str] = {}
    if articles is not None:
        for topic in TOPICS:
            for path in sorted((articles / topic).glob("*.txt")):
                texts[f"{topic}/{path.name}"] = decode(path.read_bytes())
    else:
        with zipfile.ZipFile(data / ZIP_NAME) as z:
            for info in z.infolist():
                if not info.is_dir() and info.filename.startswith(ZIP_PREFIX) and info.filename.endswith(".txt"):
                    texts[info.filename[len(ZIP_PREFIX):]] = decode(z.read(info))
    return texts


def words(text: str) -> int:
    return len(text.split())


def term_pattern(term: str) -> re.Pattern:
    parts = [re.escape(p) for p in term.lower().split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def check(rows: list[tuple[int, dict]], texts: dict[str, str], verbose: bool) -> tuple[list[str], dict]:
    failures: list[str] = []
    fail = failures.append
    lowered = {k: v.lower() for k, v in texts.items()}
    by_hash = collections.defaultdict(list)
    for name, text in texts.items():
        by_hash[hashlib.md5(text.encode("utf-8", "surrogatepass")).hexdigest()].append(name)
    twins = {name: [n for n in names if n != name] for names in by_hash.values() if len(names) > 1
             for name in names}

    seen: set[str] = set()
    per_type = collections.Counter()
    per_topic = collections.defaultdict(collections.Counter)
    absent_checked: dict[str, int] = {}
    notes: list[str] = []

    for line, row in rows:
        where = f"line {line}"
        if not isinstance(row, dict) or set(row) != KEYS:
            fail(f"{where}: expected an object with keys {sorted(KEYS)}, got {row!r:.120}")
            continue
        question, answers, kind, source = row["question"], row["answers"], row["type"], row["source"]
        where = f"line {line} ({question!r})"
        if not isinstance(question, str) or not question.strip():
            fail(f"{where}: empty question")
            continue
        if question.lower() in seen:
            fail(f"{where}: duplicate question")
        seen.add(question.lower())
        if kind not in TYPES:
            fail(f"{where}: type {kind!r} not one of {TYPES}")
            continue
        if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
            fail(f"{where}: answers must be a list of non-empty strings")
            continue
        if len(set(answers)) != len(answers):
            fail(f"{where}: repeated gold answer")
        per_type[kind] += 1

        if kind == "unanswerable":
            if answers or source is not None:
                fail(f"{where}: unanswerable questions need answers [] and source null")
            terms = ABSENT_TERMS.get(question)
            if not terms:
                fail(f"{where}: no distinctive terms listed in ABSENT_TERMS")
                continue
            for term in terms:
                pattern = term_pattern(term)
                hits = [name for name, text in lowered.items() if pattern.search(text)]
                absent_checked[term] = len(hits)
                if hits:
                    fail(f"{where}: term {term!r} occurs in {len(hits)} articles, e.g. {hits[:3]}")
            continue

        if not isinstance(source, str) or not SOURCE_RE.match(source):
            fail(f"{where}: source {source!r} is not topic/NNN.txt")
            continue
        text = texts.get(source)
        if text is None:
            fail(f"{where}: {source} is not in the corpus")
            continue
        if not answers:
            fail(f"{where}: an answerable question needs at least one gold answer")
        per_topic[source.split("/")[0]][kind] += 1
        if source in twins:
            notes.append(f"{source} has exact duplicates {twins[source]} (gold found there too)")
        for gold in answers:
            if gold not in text:
                fail(f"{where}: gold {gold!r} not found verbatim in {source}")

        if kind == "say":
            match = SAY_RE.match(question)
            if not match:
                fail(f"{where}: a 'say' question must read 'what did X say about Y'")
                continue
            speaker = match.group("who")
            name = re.compile(r"(?<!\w)" + re.escape(speaker) + r"(?!\w)")
            mentions = len(name.findall(text))
            if not mentions:
                fail(f"{where}: speaker {speaker!r} does not occur in {source}")
                continue
            paragraphs = [p for p in text.splitlines() if p.strip()]
            for gold in answers:
                if not 5 <= words(gold) <= 15:
                    fail(f"{where}: gold {gold!r} has {words(gold)} words (want 5-15)")
                at = [i for i, p in enumerate(paragraphs) if gold in p]
                if at and not any(name.search(paragraphs[i]) or (i and name.search(paragraphs[i - 1]))
                                  for i in at):
                    fail(f"{where}: {speaker!r} is not named in the paragraph of {gold!r} or the one before")
            if verbose:
                print(f"  say {source}: {speaker} named {mentions}x in the article")
        else:
            for gold in answers:
                if words(gold) > 8:
                    fail(f"{where}: factual gold {gold!r} is long ({words(gold)} words)")

    factual = sum(per_type[k] for k in FACTUAL)
    total = sum(per_type.values())
    for label, have in (("total", total), ("say", per_type["say"]), ("factual", factual),
                        ("unanswerable", per_type["unanswerable"])):
        if have < MINIMUMS[label]:
            fail(f"only {have} {label} questions (want at least {MINIMUMS[label]})")
    for topic in TOPICS:
        if not per_topic[topic]["say"]:
            fail(f"no 'say' question from {topic}")
        if not sum(per_topic[topic][k] for k in FACTUAL):
            fail(f"no factual question from {topic}")
    stats = {"total": total, "factual": factual, "per_type": per_type, "per_topic": per_topic,
             "absent": absent_checked, "notes": sorted(set(notes)), "articles": len(texts)}
    return failures, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    parser.add_argument("--articles", type=Path, default=None,
                        help="an unzipped folder holding the topic folders (instead of reading the zip)")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    try:
        texts = load_articles(args.data, args.articles)
    except (OSError, zipfile.BadZipFile) as error:
        print(f"error: cannot read the BBC articles: {error}", file=sys.stderr)
        return 2
    if len(texts) != 2225:
        print(f"error: {len(texts)} articles found, expected 2225", file=sys.stderr)
        return 2

    rows, failures = [], []
    with open(args.questions, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rows.append((number, json.loads(line)))
            except json.JSONDecodeError as error:
                failures.append(f"line {number}: not JSON ({error})")

    more, stats = check(rows, texts, args.verbose)
    failures += more

    print(f"{args.questions}: {stats['total']} questions checked against {stats['articles']} articles")
    print("by type: " + ", ".join(f"{k} {stats['per_type'][k]}" for k in TYPES if stats["per_type"][k])
          + f" (factual {stats['factual']})")
    print("by topic (answerable):")
    for topic in TOPICS:
        counts = stats["per_topic"][topic]
        factual = sum(counts[k] for k in FACTUAL)
        print(f"  {topic:<14} say {counts['say']:>2}  factual {factual:>2}")
    absent = stats["absent"]
    print(f"absent terms: {sum(1 for v in absent.values() if v == 0)}/{len(absent)} occur in no article"
          + (": " + ", ".join(sorted(absent)) if args.verbose else ""))
    for note in stats["notes"]:
        print(f"note: {note}")
    if failures:
        print(f"FAILED: {len(failures)} problem(s)")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("OK: every gold answer occurs verbatim in its source; no unanswerable term occurs in the corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
