"""A BBC question set (default bench/data/bbc_tuning_1.jsonl) over all 2,225 BBC articles.

    python bench/bbc.py [--data ../shared/data/bbc-fulltext.zip] [--work /tmp/qabot-bench/bbc]
                        [--questions bench/data/bbc_tuning_1.jsonl] [-v] [--speed [--runs N]] [--speakers {off,build,after}]

Prints the ``qabot eval`` figures, then checks the two targets of issue 3 question by question:
every "what did X say about Y" answer at rank 1 is X's own words (attributed to X and holding one of
the gold strings, which are X's words), and every unanswerable question gets ``no_answer``. Which
questions are speech questions and which are unanswerable is the data file's ``kind`` label (checked by
``check_questions.py``), never qabot's own parser: a parser that stops seeing a speech question fails it.

``--speed`` measures instead how fast "what did X say (about Y)" questions are answered: every question
of the BBC tuning sets that qabot parses as one (120), asked first from cold (a new answerer in this
process, no passage read yet, so every passage's sentences and speakers are worked out for the first
time), then again warm (the same answerer, those passages already read). Wall and CPU seconds are
printed, and the load average: on a loaded machine the CPU figure is the steadier one. ``--runs N`` does
it N times, each with a new answerer, and prints the least CPU of them too; then the same questions through one
``qabot ask --json -`` process, N times (start-up and opening the index included, every question cold). ``--speakers`` says where who speaks in
each passage comes from: ``off`` (the default here: an index without them, ``index`` under the work folder; every
answer works them out), ``build`` (``qabot index --speakers``: stored by the build, ``index-speakers``) or ``after``
(what a plain ``qabot index`` gives once its background speaker pass is done, ``index-after``: the pass is run here
in the foreground, and timed, before the questions).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from qabot.answering import Answerer
from qabot.build import Settings, SpeakerStore, build
from qabot.building.speaker_pass import run as run_pass
from qabot.evaluate import evaluate, hit, normalize, read_items
from qabot.index import Index
from qabot.answering.params import AnswerParams
from qabot.answering.parse import QuestionKind, parse

from check_questions import SAY_RE, why_unanswerable
from splits import bbc_corpus

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Index the BBC articles, evaluate the question set, check the speech and no-answer targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-fulltext.zip")
    parser.add_argument("--work", type=Path, default=Path("/tmp/qabot-bench/bbc"))
    parser.add_argument("--questions", type=Path, default=ROOT / "bench" / "data" / "bbc_tuning_1.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every question's first answer")
    parser.add_argument("--speed", action="store_true",
                        help="only time the tuning sets' speech questions, cold (first read) then warm")
    parser.add_argument("--runs", type=int, default=1, help="with --speed: times over, each with a new answerer")
    parser.add_argument("--params", type=Path, help="answering params (JSON, as qabot ask --params) in place of the defaults")
    parser.add_argument("--speakers", choices=[m.value for m in SpeakerStore], default="off",
                        help="who speaks in each passage: worked out by each answer (off), stored by the build (build), "
                             "or by the pass after it (after)")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"BBC articles not found at {args.data}")
    corpus = bbc_corpus(args.work, args.data)
    items = read_items(args.questions)
    store = SpeakerStore(args.speakers)
    index_dir = args.work / {"off": "index", "build": "index-speakers", "after": "index-after"}[store.value]
    report = build([corpus], index_dir, Settings(speakers=store))
    if store is SpeakerStore.AFTER:
        cpu, wall = time.process_time(), time.perf_counter()
        stored = run_pass(index_dir)
        print(f"speaker pass: {stored} segments stored in {time.perf_counter() - wall:.2f}s "
              f"({time.process_time() - cpu:.2f} CPU s)")
    if args.speed:
        speed(Index.open(index_dir), max(1, args.runs))
        return
    answerer = Answerer(Index.open(index_dir),
                        answer_params=AnswerParams.load(args.params) if args.params else None)
    result = evaluate(answerer, items)
    print(f"BBC: {answerer.corpus.n_articles:,} articles, {answerer.corpus.n_passages:,} passages "
          f"(built in {report.seconds:.1f}s); {args.questions.name}")
    for line in result.lines():
        print(f"  {line}")
    rows = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = [row.get("kind") for row in rows]
    if None in kinds:
        sys.exit(f"{args.questions}: line {kinds.index(None) + 1} has no \"kind\" label (say, unanswerable, who, ...)")
    say_total = say_own = 0
    unsure = {"right": [0, 0], "wrong": [0, 0], "unanswerable": [0, 0]}  # shown "not sure", answered
    refused: dict[str, list[int]] = {}
    failures = []
    for item, kind in zip(items, kinds):
        answer = answerer.answer(parse(item.question, answerer.analyzer))
        first = answer.evidence[0] if answer.evidence else None
        if first is not None:
            shown = ("unanswerable" if kind == "unanswerable" else
                     "right" if hit([normalize(a) for a in item.answers], first.text) else "wrong")
            unsure[shown][0] += answer.unsure
            unsure[shown][1] += 1
        if kind == "unanswerable":
            tally = refused.setdefault(why_unanswerable(item.question), [0, 0])
            tally[0] += answer.no_answer
            tally[1] += 1
            if not answer.no_answer:
                failures.append(f"answered, expected no_answer: {item.question!r} -> {first.text[:120]!r}")
            continue
        if kind == "say":
            say_total += 1
            speaker = SAY_RE.match(item.question).group("who")
            said = first is not None and first.speaker is not None and \
                set(answerer.analyzer.terms(first.speaker)) & set(answerer.analyzer.terms(speaker))
            own = bool(said) and hit([normalize(a) for a in item.answers], first.text)
            say_own += own
            if not own:
                failures.append(f"rank 1 not {speaker}'s words about it: {item.question!r} -> "
                                f"[{first.speaker if first else None}] {first.text[:120] if first else answer.message!r}")
        if args.verbose and first is not None:
            print(f"  {item.question!r} -> [{first.speaker}] {first.text[:100]!r}")
    print(f"  'what did X say about Y' (labelled say), rank 1 is X's own words: {say_own}/{say_total}")
    total = [sum(t[i] for t in refused.values()) for i in (0, 1)]
    print(f"  unanswerable questions answered no_answer: {total[0]}/{total[1]} ("
          + ", ".join(f"{why} {ok}/{n}" for why, (ok, n) in sorted(refused.items())) + ")")
    print("  shown as not sure: " + ", ".join(f"{n} of {m} {what} first answers" for what, (n, m) in unsure.items()))
    for failure in failures:
        print(f"  FAIL {failure}")


def speed(index: Index, runs: int = 1) -> None:
    """Time the BBC tuning sets' speech questions from cold, then warm, in a new answerer (``runs`` times)."""
    files = sorted((ROOT / "bench" / "data").glob("bbc_tuning_*.jsonl"))
    least: dict[str, float] = {}
    first: float | None = None
    from qabot.answering.collection import freeze_answered

    freeze_answered()  # as ``qabot ask -`` does: what each answer leaves in the caches is frozen once it is made
    for _ in range(runs):
        answerer = Answerer(index)
        asked = [q for path in files for item in read_items(path)
                 if (q := parse(item.question, answerer.analyzer, written=answerer.written)).kind is QuestionKind.SAY]
        for label in ("cold", "warm"):
            wall, cpu = time.perf_counter(), time.process_time()
            for q in asked:
                answerer.ask(q.text)  # as qabot ask does: parsed, then answered
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            least[label] = min(least.get(label, cpu), cpu)
            first = cpu if first is None else first
            print(f"'what did X say' questions ({len(asked)} of {', '.join(p.name for p in files)}), {label}: "
                  f"{len(asked) / wall:.0f} questions/s ({wall:.2f}s wall, {cpu:.2f}s CPU: {len(asked) / cpu:.0f}/s)"
                  f", load average {os.getloadavg()[0]:.1f}")
    if runs > 1:
        print("least CPU of " + str(runs) + " runs: " + ", ".join(
            f"{label} {cpu:.2f}s ({len(asked) / cpu:.0f}/s)" for label, cpu in least.items())
              + f"; the first cold run {first:.2f}s ({len(asked) / first:.0f}/s): the runs after it find the process's "
                "own caches (compiled patterns, speaker matches) filled")
    cli(index.dir, [q.text for q in asked], runs)


def cli(index_dir: Path, questions: list[str], runs: int) -> None:
    """The same questions through ``qabot ask --json -`` (one process: start-up, opening the index and every question
    cold), ``runs`` times; wall and CPU seconds of the whole process."""
    import resource
    import subprocess

    text = "\n".join(questions) + "\n"
    # qabot compiled to .pyc as an installed package is (as bench/folders.py does): with PYTHONDONTWRITEBYTECODE set,
    # each process would otherwise compile every module edited since, 20 ms and more of a 1.3 s batch
    subprocess.run([sys.executable, "-c", "import compileall, os, qabot; "
                    "compileall.compile_dir(os.path.dirname(qabot.__file__), quiet=1)"], check=True, cwd=ROOT)
    least = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "qabot", "ask", "--index", str(index_dir), "--json", "-"],
                              input=text, capture_output=True, text=True, cwd=ROOT, check=True)
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        least = cpu if least is None else min(least, cpu)
        assert len(done.stdout.splitlines()) == len(questions)
        print(f"qabot ask --json - ({len(questions)} questions, one process, cold): {len(questions) / wall:.0f} questions/s "
              f"({wall:.2f}s wall, {cpu:.2f}s CPU: {len(questions) / cpu:.0f}/s), load average {os.getloadavg()[0]:.1f}")
    if runs > 1:
        print(f"least CPU of {runs} processes: {least:.2f}s ({len(questions) / least:.0f}/s)")


if __name__ == "__main__":
    main()
