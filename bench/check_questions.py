"""Check a BBC question set (bench/data/bbc_tuning_*.jsonl) against the BBC articles, mechanically.

    python bench/check_questions.py [--data DIR | --articles DIR] [--questions FILE] [-v]

Reads the articles straight from ``bbc-fulltext.zip`` in the shared data folder (``--data``, default
``../shared/data`` beside the project), or from an unzipped folder holding the five topic folders
(``--articles``). Each file is decoded as UTF-8, falling back to Latin-1 (``sport/199.txt``).

Checks, each a failure (exit status 1) when broken:
- every line is a JSON object with exactly question, answers, kind, source; kind is one of KINDS (the
  label ``bench/bbc.py`` counts by, never qabot's own parser); no question appears twice;
- answerable questions name an existing ``topic/NNN.txt`` (or a list of them) and every gold answer
  occurs verbatim in one of them;
- "say" questions read "what did X say about Y"; X occurs in the source article and in the paragraph of
  each gold answer or the one before it (the quote is attributed to X there);
- unanswerable questions have no answers and no source, and are unanswerable for a reason checked here:
  either an entry in ABSENT_TERMS, none of whose terms occurs anywhere in the 2,225 articles (unknown
  words, or a question about another corpus), or an entry in NOT_TOGETHER: a name the articles know that
  no article writes together with any of the topic's terms (a known name in the wrong context); or, when
  X and Y do meet, an entry in HAND_CHECKED saying why X's own words on Y are nowhere;
- the set has at least 70 questions: >= 25 say, >= 30 factual, >= 12 unanswerable;
- with ``--authoring`` (the rules a new set is written to): each say gold is 5-15 words, each factual gold
  at most 8, and both the say and the factual questions cover all five topics.
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
DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "data" / "bbc_tuning_2.jsonl"
ZIP_NAME = "bbc-fulltext.zip"
ZIP_PREFIX = "bbc-fulltext/bbc/"

TOPICS = ("business", "entertainment", "politics", "sport", "tech")
FACTUAL = ("who", "when", "where", "how_much", "how_many", "what")
KINDS = ("say",) + FACTUAL + ("unanswerable",)
KEYS = {"question", "answers", "kind", "source"}
SOURCE_RE = re.compile(r"^(%s)/\d{3}\.txt$" % "|".join(TOPICS))
SAY_RE = re.compile(r"^what (?:did|does) (?P<who>.+?) say (?:about )?(?P<what>.+?)\??$", re.IGNORECASE)
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
    # bbc_tuning_1.jsonl
    "bitcoin mining difficulty": ["bitcoin"],
    "what did Elon Musk say about electric cars": ["elon", "musk"],
    "how many followers does Rooney have on Twitter": ["twitter"],
    "when was Facebook founded": ["facebook"],
    "what is the price of the iPhone": ["iphone"],
    "how much does a cryptocurrency wallet cost": ["cryptocurrency"],
    "what did Obama say about healthcare reform": ["obama"],
    "what is the capital of Atlantis": ["atlantis"],
    # bbc_tuning_3.jsonl
    "what did Angela Merkel say about the euro": ["merkel"],
    "when was the iPhone released": ["iphone"],
    "how much did Facebook pay for Instagram": ["instagram"],
    "how many people use WhatsApp every day": ["whatsapp"],
    "what did the mayor of Ferrara say about the floods": ["ferrara"],
    "what did Obama say about healthcare": ["obama"],
    "who won the 2010 World Cup": ["2010 world cup"],
    "how many views did the YouTube video get": ["youtube"],
}

# Questions about other corpora (SQuAD's and SciFact's subjects), written for these sets: unanswerable here.
OTHER_CORPUS = {
    "which team won Super Bowl 50": ["super bowl 50"],
    "what is the role of microRNA in apoptosis": ["microrna", "apoptosis"],
    "where did the Huguenots settle after leaving France": ["huguenots", "huguenot"],
    "how does photosynthesis work in chloroplasts": ["photosynthesis", "chloroplast", "chloroplasts"],
    "what causes insulin resistance": ["insulin"],
    "when did the Yuan dynasty end": ["yuan dynasty"],
}
ABSENT_TERMS.update(OTHER_CORPUS)

# A known name in the wrong context: (the name, the topic's terms). The name occurs in the articles, and
# no article holds it together with any of the topic's terms (whole words, case-insensitive).
NOT_TOGETHER = {
    # bbc_tuning_1.jsonl
    "what did Straw say about Iran": ("straw", ["iran"]),
    "who is the president of the Mars colony": ("mars", ["colony", "colonies", "president"]),
    "what did Mourinho say about interest rates": ("mourinho", ["interest rate", "interest rates"]),
    "what did Bill Gates say about Wimbledon": ("bill gates", ["wimbledon"]),
    "how many goals did Gordon Brown score in the Champions League": ("gordon brown", ["champions league"]),
    # bbc_tuning_2.jsonl
    "what did Greenspan say about football": ("greenspan", ["football", "footballer", "footballers"]),
    "what did Paula Radcliffe say about tax": ("paula radcliffe", ["tax", "taxes", "taxation"]),
    "how much did Tony Blair pay for an iPod": ("tony blair", ["ipod", "ipods"]),
    # bbc_tuning_3.jsonl
    "what did Kosslick say about football": ("kosslick", ["football", "footballer", "footballers"]),
    "what did Souness say about the Budget": ("souness", ["budget", "budgets"]),
    "how much did Prodigy pay for Gravesen": ("prodigy", ["gravesen"]),
    "what did the MPAA say about Nintendo": ("mpaa", ["nintendo"]),
}

# X and Y do meet in the articles, but X's own words on Y are nowhere: read by hand, the reason given.
HAND_CHECKED = {
    "what did Blair say about the euro": "Blair is named beside 'euro' once (politics/267.txt), in another "
                                         "man's quotation about Blair's refusal to join it",
    "what did Wenger say about Vieira": "Vieira is in Wenger's articles only as a scorer, a team-sheet name and "
                                        "the suspended captain Henry stands in for (sport/163.txt, sport/227.txt)",
    "what did Henman say about Wimbledon": "Henman is named beside Wimbledon in reports of his results and an "
                                           "award given there (sport/476, 492, 493, 495.txt), never quoted on it",
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


def sources_of(source) -> list[str] | None:
    """The article names a row gives as its source (one name or a list of names); None when malformed."""
    names = [source] if isinstance(source, str) else source
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and SOURCE_RE.match(n) for n in names):
        return None
    return names


def articles_with(term: str, lowered: dict[str, str]) -> set[str]:
    """The articles that hold ``term`` as whole words (case-insensitive)."""
    pattern = term_pattern(term)
    return {name for name, text in lowered.items() if pattern.search(text)}


def why_unanswerable(question: str) -> str:
    """Which kind of unanswerable question it is, by the table that lists it."""
    if question in OTHER_CORPUS:
        return "another corpus"
    if question in ABSENT_TERMS:
        return "unknown words"
    if question in NOT_TOGETHER or question in HAND_CHECKED:
        return "known name, wrong context"
    return "unchecked"


def check_unanswerable(question: str, lowered: dict[str, str], fail, absent_checked: dict[str, int]) -> None:
    """Fail unless the question is unanswerable for a reason checked against the articles."""
    if question in ABSENT_TERMS:
        for term in ABSENT_TERMS[question]:
            hits = sorted(articles_with(term, lowered))
            absent_checked[term] = len(hits)
            if hits:
                fail(f"term {term!r} occurs in {len(hits)} articles, e.g. {hits[:3]}")
    elif question in NOT_TOGETHER:
        name, topic = NOT_TOGETHER[question]
        named = articles_with(name, lowered)
        if not named:
            fail(f"the name {name!r} occurs in no article (list the question in ABSENT_TERMS instead)")
        for term in topic:
            both = sorted(named & articles_with(term, lowered))
            if both:
                fail(f"{name!r} and {term!r} occur together in {len(both)} articles, e.g. {both[:3]}")
    elif question not in HAND_CHECKED:
        fail("not in ABSENT_TERMS, NOT_TOGETHER or HAND_CHECKED: why is it unanswerable?")


def check(rows: list[tuple[int, dict]], texts: dict[str, str], verbose: bool,
          authoring: bool = False) -> tuple[list[str], dict]:
    failures: list[str] = []
    fail = failures.append
    lowered = {k: v.lower() for k, v in texts.items()}
    by_hash = collections.defaultdict(list)
    for name, text in texts.items():
        by_hash[hashlib.md5(text.encode("utf-8", "surrogatepass")).hexdigest()].append(name)
    twins = {name: [n for n in names if n != name] for names in by_hash.values() if len(names) > 1
             for name in names}

    seen: set[str] = set()
    per_kind = collections.Counter()
    per_topic = collections.defaultdict(collections.Counter)
    absent_checked: dict[str, int] = {}
    notes: list[str] = []

    for line, row in rows:
        where = f"line {line}"
        if not isinstance(row, dict) or set(row) != KEYS:
            fail(f"{where}: expected an object with keys {sorted(KEYS)}, got {row!r:.120}")
            continue
        question, answers, kind, source = row["question"], row["answers"], row["kind"], row["source"]
        where = f"line {line} ({question!r})"
        if not isinstance(question, str) or not question.strip():
            fail(f"{where}: empty question")
            continue
        if question.lower() in seen:
            fail(f"{where}: duplicate question")
        seen.add(question.lower())
        if kind not in KINDS:
            fail(f"{where}: kind {kind!r} not one of {KINDS}")
            continue
        if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
            fail(f"{where}: answers must be a list of non-empty strings")
            continue
        if len(set(answers)) != len(answers):
            fail(f"{where}: repeated gold answer")
        per_kind[kind] += 1

        if kind == "unanswerable":
            if answers or source is not None:
                fail(f"{where}: unanswerable questions need answers [] and source null")
            check_unanswerable(question, lowered, lambda message: fail(f"{where}: {message}"), absent_checked)
            continue

        names = sources_of(source)
        if names is None:
            fail(f"{where}: source {source!r} is not topic/NNN.txt or a list of them")
            continue
        missing = [n for n in names if n not in texts]
        if missing:
            fail(f"{where}: {missing} not in the corpus")
            continue
        if not answers:
            fail(f"{where}: an answerable question needs at least one gold answer")
        per_topic[names[0].split("/")[0]][kind] += 1
        notes.extend(f"{n} has exact duplicates {twins[n]} (gold found there too)" for n in names if n in twins)
        for gold in answers:
            if not any(gold in texts[n] for n in names):
                fail(f"{where}: gold {gold!r} not found verbatim in {' or '.join(names)}")

        if kind == "say":
            match = SAY_RE.match(question)
            if not match:
                fail(f"{where}: a 'say' question must read 'what did X say about Y'")
                continue
            speaker = match.group("who")
            surname = speaker.split()[-1]  # "Michael Howard" is "Mr Howard" where he is quoted
            name = re.compile(r"(?<!\w)" + re.escape(surname) + r"(?!\w)")
            mentions = sum(len(name.findall(texts[n])) for n in names)
            if not mentions:
                fail(f"{where}: speaker {speaker!r} does not occur in {' or '.join(names)}")
                continue
            paragraphs = [p for n in names for p in texts[n].splitlines() if p.strip()]
            for gold in answers:
                if authoring and not 5 <= words(gold) <= 15:
                    fail(f"{where}: gold {gold!r} has {words(gold)} words (want 5-15)")
                at = [i for i, p in enumerate(paragraphs) if gold in p]
                if at and not any(name.search(paragraphs[i]) or (i and name.search(paragraphs[i - 1]))
                                  for i in at):
                    fail(f"{where}: {surname!r} is not named in the paragraph of {gold!r} or the one before")
            if verbose:
                print(f"  say {names}: {speaker} named {mentions}x")
        elif authoring:
            for gold in answers:
                if words(gold) > 8:
                    fail(f"{where}: factual gold {gold!r} is long ({words(gold)} words)")

    factual = sum(per_kind[k] for k in FACTUAL)
    total = sum(per_kind.values())
    for label, have in (("total", total), ("say", per_kind["say"]), ("factual", factual),
                        ("unanswerable", per_kind["unanswerable"])):
        if have < MINIMUMS[label]:
            fail(f"only {have} {label} questions (want at least {MINIMUMS[label]})")
    for topic in TOPICS if authoring else ():
        if not per_topic[topic]["say"]:
            fail(f"no 'say' question from {topic}")
        if not sum(per_topic[topic][k] for k in FACTUAL):
            fail(f"no factual question from {topic}")
    stats = {"total": total, "factual": factual, "per_kind": per_kind, "per_topic": per_topic,
             "absent": absent_checked, "notes": sorted(set(notes)), "articles": len(texts)}
    return failures, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    parser.add_argument("--articles", type=Path, default=None,
                        help="an unzipped folder holding the topic folders (instead of reading the zip)")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--authoring", action="store_true", help="also the rules a new set is written to")
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

    more, stats = check(rows, texts, args.verbose, args.authoring)
    failures += more

    print(f"{args.questions}: {stats['total']} questions checked against {stats['articles']} articles")
    print("by kind: " + ", ".join(f"{k} {stats['per_kind'][k]}" for k in KINDS if stats["per_kind"][k])
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
    print("OK: every gold answer occurs verbatim in its source; every unanswerable question checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
