"""The ``qabot`` command: a thin layer that parses arguments, calls the library, prints, exits.

Only here do qabot's errors become a one-line message on stderr and an exit status.
"""

from __future__ import annotations

# Only light modules here: ``qabot ask`` starts its staleness check (a forked listing of the corpus)
# before it imports numpy, the answering rules and the index (see ``cmd_ask``); build (and the
# multiprocessing it brings) is imported where an index is built.

import argparse
import gc
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import __version__, interrupts, regexcache
from .corpus import display
from .defaults import DEFAULT_MAX_TOKENS, DEFAULT_SCORING, SCORINGS
from .errors import CorpusError, IndexDamaged, IndexMissing, QabotError, UsageError
from .progress import terminal_progress
from .render import Style, dumps, render_answer, render_explain, safe_line, shorten, width
from .workspace import (DEFAULT_CORPUS, DEFAULT_K, ColorMode, Config, Workspace, early_check, ensure_index,
                        load_config, missing, resolve, start_check, use_color)

if TYPE_CHECKING:
    from .build import BuildReport
    from .workspace import Check

EXIT_OK = 0
EXIT_FAILED = 1
"""``qabot index`` built the index, but files that should have been articles failed, in whole or in
part (each named on stderr, on every run until it is fixed or removed)."""
EXIT_INTERRUPTED = 130
"""Ctrl-C: the build stopped; the previous index, if any, is unchanged."""
SHOWN = 10
"""Files named per kind in the report of ``qabot index``; the rest are counted."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``qabot: error: ...``) and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (try: {self.prog} --help)")

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        """As argparse's, but words it does not take point to the subcommand's help, not the top one's."""
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            command = getattr(parsed, "command", None)
            prog = f"{self.prog} {command}" if command else self.prog
            raise UsageError(f"unrecognized arguments: {' '.join(extra)} (try: {prog} --help)")
        return parsed


def _positive(text: str) -> int:
    """An integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _port(text: str) -> int:
    """A TCP port, 0 to 65535."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text!r}")
    return int(text)


def make_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--color", choices=[m.value for m in ColorMode], default=argparse.SUPPRESS,
                        help="colour output: auto (on a terminal, unless NO_COLOR is set), always, never")
    parser = _Parser(prog="qabot", description="Answer questions about articles with cited sentences, offline.",
                     epilog=INDEX_ORDER, parents=[common])
    parser.add_argument("-V", "--version", action="version", version=f"qabot {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p_index = sub.add_parser("index", help="build or update the index", description="Build or update the index.")
    p_index.add_argument("paths", nargs="*", metavar="PATH",
                         help=f"files or folders of articles (default: the index's own, or {DEFAULT_CORPUS}/ for a new index)")
    p_index.add_argument("--add", action="append", default=[], metavar="PATH", help="add a file or folder to the index's")
    p_index.add_argument("--remove", action="append", default=[], metavar="PATH",
                         help="remove one of the index's files or folders, and its articles")
    p_index.add_argument("--replace", action="store_true", help="index only PATHs, dropping the index's other folders")
    p_index.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_index.add_argument("--max-tokens", type=_positive, default=DEFAULT_MAX_TOKENS, metavar="N",
                         help=f"passage budget in cl100k_base tokens (default: {DEFAULT_MAX_TOKENS})")
    p_index.add_argument("--scoring", choices=SCORINGS, default=DEFAULT_SCORING,
                         help="BM25 variant whose weights are precomputed (default: %(default)s)")
    p_index.add_argument("--verify", action="store_true", help="check the index against its checksums, and whether article files changed since the build; build nothing")
    p_index.add_argument("--merge", action="store_true", help="merge the index's segments into one (the fastest to search)")
    p_index.add_argument("--speakers", action=argparse.BooleanOptionalAction, default=None,
                         help="who speaks in each passage is stored by a pass in the background after the build, so 'what "
                              "did X say' questions answer about twice as fast; --speakers stores it in the build itself "
                              "(about twice the CPU), --no-speakers never; kept by later updates")

    p_list = sub.add_parser("list", help="list the indexed articles", description="List the indexed articles: "
                            "path, title, byline, date and passages of each.")
    p_list.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_list.add_argument("--json", action="store_true", help="one JSON object per article and line")

    p_ask = sub.add_parser("ask", help="answer a question", parents=[common],
                           description="Answer one question (quotes optional), or one per line of stdin with '-'.")
    p_ask.add_argument("question", nargs="+", metavar="QUESTION", help="the question's words; '-' reads one question per line from stdin")
    p_ask.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_ask.add_argument("-k", type=_positive, default=None, metavar="N", help=K_HELP)
    p_ask.add_argument("--json", action="store_true", help="print the JSON contract (one object per line)")
    p_ask.add_argument("--scoring", choices=SCORINGS, default=None, help="BM25 variant (default: the index's)")
    p_ask.add_argument("--explain", action="store_true",
                       help="show each answer's matched terms, the features behind its score and its confidence")
    p_ask.add_argument("--params", type=Path, default=None, metavar="FILE",
                       help="a JSON file of answering parameters that override the defaults")

    p_chat = sub.add_parser("chat", help="a conversation with the articles (the default on a terminal)", parents=[common],
                            description="Ask questions and follow-ups; lines from stdin when it is not a terminal.")
    p_chat.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_chat.add_argument("-k", type=_positive, default=None, metavar="N", help=K_HELP)

    p_quotes = sub.add_parser("quotes", help="everything the articles have someone saying", parents=[common],
                              description="Every sentence the articles attribute to NAME (quoted or reported), "
                                          "grouped by article, by date where known, else by path.")
    p_quotes.add_argument("name", nargs="+", metavar="NAME",
                          help="who (quotes optional): a name (Blair), a title (the mayor) or a group (police)")
    p_quotes.add_argument("--about", default=None, metavar="TOPIC", help="only what they said about TOPIC")
    p_quotes.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_quotes.add_argument("--json", action="store_true", help="one JSON object per quote")

    p_eval = sub.add_parser("eval", help="measure answers against a question file",
                            description="Answer a JSONL file of {question, answers} and print evidence@1/@3, "
                                        "passage recall@5, MRR, no-answer precision/recall and speed.")
    p_eval.add_argument("file", type=Path, metavar="FILE", help="JSONL questions with their gold answers")
    p_eval.add_argument("paths", nargs="*", metavar="PATH", help="corpus to index first, into --index or else a temporary folder (default: use the index as it is)")
    p_eval.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_eval.add_argument("--max-tokens", type=_positive, default=DEFAULT_MAX_TOKENS, metavar="N",
                        help=f"passage budget when indexing PATHs (default: {DEFAULT_MAX_TOKENS})")
    p_eval.add_argument("--scoring", choices=SCORINGS, default=None, help="BM25 variant (default: the index's)")
    p_eval.add_argument("-k", type=_positive, default=3, metavar="N", help="answers per question for MRR (default: 3)")
    p_eval.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p_eval.add_argument("--params", type=Path, default=None, metavar="FILE",
                        help="a JSON file of answering parameters that override the defaults (groups: retrieval, "
                             "features, gates, spelling, speech, caches, weights)")

    p_mcp = sub.add_parser("mcp", help="serve the articles to MCP clients over stdio",
                           description="A Model Context Protocol server over stdin/stdout: tools ask, quotes, list_articles, "
                                       "get_article; each article a resource. Started by an MCP client, not by hand; "
                                       "with no index yet, each call says so until qabot index builds it.")
    p_mcp.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)

    p_serve = sub.add_parser("serve", help="the conversation as a local web page",
                             description="Serve a web page for asking and following up, and a JSON API "
                                         "(/api/ask?q=&k=, /api/articles, /api/articles/ID), on this machine only "
                                         "unless --host says otherwise.")
    p_serve.add_argument("--index", type=Path, default=None, metavar="DIR", help=INDEX_HELP)
    p_serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)")
    p_serve.add_argument("--port", type=_port, default=8000, help="port to listen on; 0 picks a free one (default: %(default)s)")
    p_serve.add_argument("-k", type=_positive, default=None, metavar="N", help=K_HELP)

    p_comp = sub.add_parser("completion", help="print a shell completion script",
                            description="Print a completion script: eval \"$(qabot completion bash)\" in ~/.bashrc, "
                                        "qabot completion fish > ~/.config/fish/completions/qabot.fish.")
    p_comp.add_argument("shell", choices=SHELLS, help="the shell")
    return parser


INDEX_HELP = "index folder (default: $QABOT_INDEX, the config's index, ./index here, else the data folder)"
K_HELP = f"number of answers (default: the config's k, else {DEFAULT_K})"
INDEX_ORDER = ("The index is --index, else $QABOT_INDEX, else the config's index ($QABOT_CONFIG, else "
               "$XDG_CONFIG_HOME/qabot/config.toml; a relative path is from the config's folder), else ./index when "
               "this folder has index/ or seeds/, else $XDG_DATA_HOME/qabot/index.")
SHELLS = ("bash", "zsh", "fish")


def _summary(report: BuildReport, index_dir: Path) -> list[str]:
    """The lines ``qabot index`` prints after a build (to stdout; problems go to stderr, see ``_problems``)."""
    ignored = f", {report.ignored:,} ignored (images, audio, video, archives, office)" if report.ignored else ""
    lines = [
        f"indexed {_n(report.articles, 'article')} from {_n(report.files, 'file')} into {index_dir}: "
        f"{_n(report.passages, 'passage')}, {_n(report.tokens, 'token')}, in {report.seconds:.1f}s",
        f"files: {len(report.new):,} new, {len(report.updated):,} updated, {report.unchanged:,} unchanged, "
        f"{len(report.removed):,} removed, {len(report.failed):,} failed, {len(report.skipped):,} skipped{ignored}"
        + (f", {len({path for path, _ in report.warnings}):,} with parts skipped (see the warnings)" if report.warnings else ""),
    ]
    for kind, paths in (("new", report.new), ("updated", report.updated), ("removed", report.removed),
                        ("skipped", report.skipped)):
        for item in paths[:SHOWN]:
            path, why = item if isinstance(item, tuple) else (item, "")
            lines.append(f"{kind} {safe_line(display(path))}" + (f": {safe_line(why)}" if why else ""))
        if len(paths) > SHOWN:
            lines.append(f"... and {len(paths) - SHOWN:,} more {kind}")
    return lines


def _problems(report: BuildReport) -> list[str]:
    """One warning per failed file and per skipped part of a file (stderr, every run)."""
    lines = [f"qabot: warning: {safe_line(display(path))}: {safe_line(why)}" for path, why in report.failed]
    lines += [f"qabot: warning: {safe_line(display(path))}: {safe_line(what)}" for path, what in report.warnings]
    return lines


def _n(count: int, noun: str) -> str:
    """``1 article``, ``2,225 articles``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def index_roots(args: argparse.Namespace, manifest: dict | None) -> list[str]:
    """The folders and files ``qabot index`` builds from: the index's own, changed as asked."""
    recorded = list(manifest.get("roots", [])) if manifest else None
    for typed in (*args.paths, *args.add):  # exit 3, as a folder with nothing to index; the path as typed
        if not os.path.lexists(typed):
            raise CorpusError(f"no such file or folder: {typed}")
    given = [os.path.abspath(p) for p in args.paths]
    if given:
        if recorded is not None and not args.replace and set(given) != set(recorded):
            shown = ", ".join(safe_line(display(r)) for r in recorded) or "nothing"
            raise UsageError(f"the index at {_workspace(args, load_config()).index_dir} holds {shown}; use --add PATH to add to it, "
                             "or --replace to index only the PATHs given")
        roots = given
    elif recorded is not None:
        roots = recorded
    elif args.add:
        roots = []
    elif os.path.isdir(DEFAULT_CORPUS):
        roots = [os.path.abspath(DEFAULT_CORPUS)]
    else:
        raise CorpusError(f"nothing to index: there is no index yet and no {DEFAULT_CORPUS}/ folder here; "
                          "name what to index: qabot index PATH")
    for path in (os.path.abspath(p) for p in args.add):
        if path not in roots:
            roots.append(path)
    for path in (os.path.abspath(p) for p in args.remove):
        if path not in roots:
            shown = ", ".join(safe_line(display(r)) for r in roots) or "nothing"
            raise UsageError(f"{display(path)} is not one of the index's files or folders ({shown})")
        roots.remove(path)
    if not roots:
        raise UsageError("that would leave the index with no files or folders; to index others instead: "
                         "qabot index PATH --replace")
    return roots


def _contradictions(args: argparse.Namespace) -> None:
    """UsageError for ``qabot index`` options that contradict each other or do nothing."""
    if args.verify:
        also = [flag for flag, on in (("PATH", args.paths), ("--add", args.add), ("--remove", args.remove),
                                      ("--replace", args.replace), ("--merge", args.merge),
                                      ("--speakers", args.speakers is not None)) if on]
        if also:
            raise UsageError(f"--verify checks the index and builds nothing; give it without {also[0]}")
    if args.replace and not args.paths:
        raise UsageError("--replace needs the PATHs to keep: qabot index PATH... --replace")
    both = {os.path.abspath(p) for p in args.add} & {os.path.abspath(p) for p in args.remove}
    if both:
        raise UsageError(f"{display(sorted(both)[0])} is given to both --add and --remove")


def cmd_index(args: argparse.Namespace) -> int:
    """``qabot index``: update the index from its own folders, changed by PATHs, --add, --remove.

    A plain update (no PATH, --add or --remove) lists the index's folders in a forked process while this
    one imports the build and opens the previous index (as ``cmd_ask`` does); the listing is used when
    they are the folders the validated manifest names."""
    _contradictions(args)
    workspace = _workspace(args, load_config())
    check = None if args.verify or args.paths or args.add or args.remove else start_check(workspace)
    try:
        from .bm25 import BM25Params
        from .build import Settings, SpeakerStore, build
        from .index import Index, read_manifest, salvage_roots

        index_dir = workspace.index_dir
        if args.verify:
            index = Index.open(index_dir)
            index.verify()
            print(f"the index at {index_dir} is intact")
            print(_corpus_state(index))
            from .building.speaker_pass import state

            print(state(index.manifest, index_dir))
            return EXIT_OK
        try:
            manifest = read_manifest(index_dir)
        except IndexDamaged as err:  # rebuilt from the folders it still names, or the PATHs given
            roots = salvage_roots(index_dir)
            manifest = {"roots": roots} if roots and not args.replace else None
            if not roots and not args.paths and not args.add and not os.path.isdir(DEFAULT_CORPUS):
                raise IndexDamaged(f"the index at {index_dir} is damaged ({err.why}) and no longer says what it "
                                   f"indexed; build it again from its articles: qabot index --index {index_dir} PATH") from None
        roots = index_roots(args, manifest)
        # taken by the build once it has opened the previous index: the child lists meanwhile
        listing = check.listing if check is not None and check.roots == roots else None
        speakers = Settings.of(manifest).speakers if args.speakers is None else \
            SpeakerStore.BUILD if args.speakers else SpeakerStore.OFF
        settings = Settings(max_tokens=args.max_tokens, bm25=BM25Params(scoring=args.scoring), speakers=speakers)
        interrupts.hold_after_swap()  # once the new index is in place, the command only reports it
        with terminal_progress(sys.stderr) as progress:
            report = build(roots, index_dir, settings, progress=progress, merge=args.merge, listing=listing)
        from .building.speaker_pass import start

        passing = start(index_dir)
        merged = None
        if args.merge:
            # the previous index's segments, and one of the files read now
            before = len(manifest.get("segments", [])) if manifest else 0
            before += bool(report.new or report.updated)
            after = (read_manifest(index_dir) or {}).get("counts", {}).get("segments", 1)
            merged = (f"merged {before} segments into {after}" if before > after
                      else "nothing to merge: the index is one segment" if after == 1 else f"merged nothing: {after} segments")
    finally:
        if check is not None:
            check.cancel()  # ended if it was never read (a usage error, say); else nothing to do
    for line in _problems(report):
        print(line, file=sys.stderr)
    lines = _summary(report, index_dir)
    for line in lines[:2] + ([merged] if merged else []) + lines[2:]:
        print(line)
    if passing:
        print("finding who speaks in each passage, in the background: 'what did X say' questions get faster when it is done")
    return EXIT_OK if report.ok else EXIT_FAILED


def _corpus_state(index) -> str:
    """``--verify``'s second line: whether the article files are as the index has them (the staleness check
    ``ask`` makes: one stat a file), or what changed since the build."""
    from .index import stale

    roots = list(index.manifest.get("roots", []))
    gone = [r for r in roots if not os.path.exists(r)]
    if gone:
        return f"{safe_line(display(gone[0]))} is gone; its articles stay in the index until qabot index --remove drops them"
    why = stale(index.dir, roots, opened=index)
    if why is None:
        shown = ", ".join(safe_line(display(r)) for r in roots[:3]) + (f" and {len(roots) - 3} more" if len(roots) > 3 else "")
        return f"the article files in {shown} are as they were when it was built"
    return f"{why}; qabot index updates it"


def cmd_list(args: argparse.Namespace) -> int:
    """``qabot list``: every article's path, title, byline, date and passages, by path."""
    from .dates import iso_date
    from .index import Index

    workspace = _workspace(args, load_config())
    try:
        index = Index.open(workspace.index_dir)
    except IndexMissing:  # said as ask says it
        raise IndexMissing(missing(workspace)) from None
    # by path, a file's articles in their order (the index's own order changes as updates add segments)
    for meta, n in sorted(zip(index.all_meta(), index.passage_counts()), key=lambda row: row[0]["path"]):
        path = display(meta["path"])
        if args.json:
            print(json.dumps({"id": meta["id"], "title": meta["title"], "byline": meta.get("byline"),
                              "date": meta.get("date"), "date_iso": iso_date(meta.get("date")), "path": path,
                              "passages": n}, ensure_ascii=True))
            continue
        about = " · ".join(safe_line(x) for x in (meta["title"], meta.get("byline") or "", meta.get("date") or "") if x)
        print(f"{safe_line(path)}  {about} ({_n(n, 'passage')})")
    return EXIT_OK


def _workspace(args: argparse.Namespace, config: Config) -> Workspace:
    """The index this command uses (see INDEX_ORDER)."""
    return resolve(args.index, config)


def _ready(args: argparse.Namespace, config: Config) -> Workspace:
    """The workspace, its index built or brought up to date first when it is missing or stale."""
    workspace = _workspace(args, config)
    _settle(workspace)
    return workspace


def _settle(workspace: Workspace, check: Check | None = None, opened=None) -> bool:
    """Build or update the index when it is missing or stale (``check``: the corpus listed meanwhile;
    ``opened``: the index answered from, which is the one judged); True when it was rebuilt."""
    report = ensure_index(workspace, say=lambda line: print(safe_line(line), file=sys.stderr), check=check,
                          opened=opened)
    if report is not None:
        print(f"qabot: {_summary(report, workspace.index_dir)[0]}", file=sys.stderr)
    return report is not None


def _color(args: argparse.Namespace, config: Config, stream) -> bool:
    """Colour ``stream`` or not: --color, else the config's color, else auto."""
    mode = ColorMode(args.color) if getattr(args, "color", None) else config.color
    return use_color(mode, stream)


def cmd_ask(args: argparse.Namespace, early: tuple[Workspace, Check | None] | None = None) -> int:
    """``qabot ask``.

    When there is an index, a forked process lists its corpus (the staleness check's walk and one stat a
    file, mostly time in the kernel) and compares it with the index's file table, while this one imports,
    opens the index and answers the first question. The answer is printed only once the listing shows the
    index up to date; when it does not, the index is updated and the question answered again, so no
    answer is printed from a stale index. ``early``: the check started before the command line was parsed
    (``workspace.early_check``), used when it is for this command's index.
    """
    config = load_config()
    workspace = _workspace(args, config)
    if early is not None and early[0] == workspace:
        check = early[1]
    else:
        if early is not None and early[1] is not None:
            early[1].cancel()
        check = start_check(workspace, compare=True)
    if check is None:
        _settle(workspace)
    from .answering import Answerer, AnswerParams
    from .bm25 import BM25Params
    from .index import Index

    answer_params = AnswerParams.load(args.params) if args.params else None

    def answerer_of(index: Index | None = None) -> tuple[Index, Answerer]:
        index = index or Index.open(workspace.index_dir)
        params = BM25Params(**dict(index.settings["bm25"], scoring=args.scoring)) if args.scoring else None
        return index, Answerer(index, params, answer_params=answer_params)

    if check is None:
        index, answerer = answerer_of()
    else:
        try:
            index, answerer = answerer_of()
        except QabotError:  # no usable index after all: settle it first, as without a check
            _settle(workspace, check)
            check = None
            index, answerer = answerer_of()
    k = args.k or config.k or DEFAULT_K
    style = Style(color=_color(args, config, sys.stdout), width=width(sys.stdout))
    lines = args.question == ["-"]
    questions = _stdin_questions() if lines else [_decoded(" ".join(args.question))]
    if lines:
        # off when ``python -m qabot`` runs one question (see __main__); many may come from stdin. What is made by
        # now (the modules, the index, the answerer) lives as long as the process: frozen, the collector's full
        # passes between questions no longer walk it (15% of 121 cold speech questions' time, docs/performance.md)
        gc.freeze()
        gc.enable()
        from .answering.collection import freeze_answered

        freeze_answered()  # and what each answer leaves in the caches, frozen once it is made
    first = True
    for n, question in enumerate(questions):
        fresh = index.reopened() if n else None  # between questions: the speaker pass stored who speaks where meanwhile
        if fresh is not None:
            index.close()
            index, answerer = answerer_of(fresh)
        answer = answerer.ask(question, k=k, explain=args.explain)
        if check is not None:  # before the first answer is printed: is the index it came from up to date?
            rebuilt = _settle(workspace, check, opened=index)
            check = None
            if rebuilt:
                index.close()
                index, answerer = answerer_of()
                answer = answerer.ask(question, k=k, explain=args.explain)
        if args.json:
            print(dumps(answer), flush=lines)
            continue
        if lines:
            if not first:
                print()
            print(style.paint(f"Q: {shorten(safe_line(question))}", "\x1b[1m"))
        print(render_answer(answer, style, answerer.analyzer))
        if args.explain:
            print(render_explain(answer, style, answerer.analyzer))
        first = False
    if check is not None:
        check.cancel()  # no question came (stdin was empty)
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    """``qabot quotes``."""
    from .index import Index
    from .quotes import find_quotes
    from .render import quotes_dumps, render_quotes

    name = " ".join(_decoded(word).strip() for word in args.name).strip()  # the name's words, as ask takes a question's
    about = _decoded(args.about).strip() if args.about else None
    if not name:
        raise UsageError("NAME is empty; give who to quote, e.g. qabot quotes Blair")
    config = load_config()
    index_dir = _ready(args, config).index_dir
    report = find_quotes(Index.open(index_dir), name, about or None)
    if args.json:
        for group in report.groups:
            for quote in group.quotes:
                print(quotes_dumps(quote))
    else:
        print(render_quotes(report, Style(color=_color(args, config, sys.stdout), width=width(sys.stdout))))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    """``qabot eval``: with PATHs and no --index, the corpus is indexed into a temporary folder."""
    import tempfile

    from .answering import Answerer, AnswerParams
    from .bm25 import BM25Params
    from .build import Settings, build
    from .evaluate import evaluate, read_items
    from .index import Index

    items = read_items(args.file)
    with tempfile.TemporaryDirectory(prefix="qabot-eval-") as scratch:
        index_dir = args.index or (Path(scratch) / "index" if args.paths else _workspace(args, load_config()).index_dir)
        if args.paths:
            settings = Settings(max_tokens=args.max_tokens, bm25=BM25Params(scoring=args.scoring or BM25Params().scoring))
            with terminal_progress(sys.stderr) as progress:
                report = build(args.paths, index_dir, settings, progress=progress)
            print(f"qabot: {_summary(report, index_dir)[0]}", file=sys.stderr)
        index = Index.open(index_dir)
        params = BM25Params(**dict(index.settings["bm25"], scoring=args.scoring)) if args.scoring else None
        answer_params = AnswerParams.load(args.params) if args.params else None
        result = evaluate(Answerer(index, params, answer_params=answer_params), items, k=args.k)
    print(json.dumps(result.to_json()) if args.json else "\n".join(result.lines()))
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    """``qabot chat``: the session on a terminal, line mode otherwise."""
    from .chat import run_lines, run_session

    config = load_config()
    index_dir = _ready(args, config).index_dir
    k = getattr(args, "k", None) or config.k or DEFAULT_K
    if sys.stdin.isatty() and sys.stdout.isatty():
        return run_session(index_dir, k=k, color=_color(args, config, sys.stdout))
    return run_lines(index_dir, sys.stdin, sys.stdout, k=k)


def _stdin_questions():
    """Non-empty lines of stdin, stripped; bytes that are not UTF-8 become U+FFFD, whatever the locale."""
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").strip()
        if line:
            yield line


def _decoded(arg: str) -> str:
    """A command-line argument with its undecodable bytes (surrogate escapes) as U+FFFD."""
    return arg.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


_early_check = early_check
_NOT_STARTED = object()


def main(argv: Sequence[str] | None = None, *, early=_NOT_STARTED) -> int:
    """Run qabot; return the exit status. ``early``: what ``workspace.early_check`` returned for these
    arguments when the caller (``python -m qabot``) started it before importing this module."""
    # numpy's OpenBLAS starts a thread per core when numpy is imported (about 50 ms of a cold ask); qabot's
    # only matrix products are the answer scorer's few small ones, and builds use processes, not threads
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    if early is _NOT_STARTED:
        early = early_check(argv)  # the corpus listed (the longest part of a cold ask) while the rest starts
    parser = make_parser()
    try:
        if not argv:  # the chat: on a terminal, or over the questions piped in (one a line, as qabot chat)
            if sys.stdin.isatty() and not sys.stdout.isatty():
                parser.print_help()  # ``qabot | less``: nothing to chat about, the help to read
                return EXIT_OK
            argv = ["chat"]
        args = parser.parse_args(argv)
        regexcache.keep_tables()  # the tokenizer's parsed tables, when a command builds
        if args.command in ("ask", "chat", "quotes"):
            regexcache.enable()  # the answering rules' patterns, compiled by an earlier run
        elif args.command == "index":
            regexcache.enable("regex-cache-index")  # the loaders' and the word finders' (30 to 80 ms of an update)
        if args.command == "index":
            return cmd_index(args)
        if args.command == "ask":
            return cmd_ask(args, early)
        if args.command == "quotes":
            return cmd_quotes(args)
        if args.command == "list":
            return cmd_list(args)
        if args.command in ("chat", "mcp", "serve", "eval"):  # many questions, in a process of its own (answering/collection.py)
            from .answering.collection import freeze_answered

            freeze_answered()
        if args.command == "eval":
            return cmd_eval(args)
        if args.command == "chat":
            return cmd_chat(args)
        if args.command == "mcp":
            from .mcp_server import serve

            workspace = _workspace(args, load_config())
            try:
                _settle(workspace)
            except (IndexMissing, IndexDamaged, CorpusError) as err:  # served all the same: each call says why
                return serve(workspace.index_dir, str(err))
            return serve(workspace.index_dir)
        if args.command == "serve":
            from .web.app import serve as serve_web

            config = load_config()
            return serve_web(_ready(args, config).index_dir, args.host, args.port, k=args.k or config.k or DEFAULT_K)
        if args.command == "completion":
            from .completion import script

            print(script(args.shell, make_parser()), end="")
            return EXIT_OK
        parser.print_help()
        return EXIT_OK
    except QabotError as err:
        print(f"qabot: error: {safe_line(str(err))}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return interrupts.stopped()  # "qabot: interrupted", EXIT_INTERRUPTED, no child left
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except Exception as err:  # a bug: one line for the user, the traceback only on request
        if interrupts.received():  # a Ctrl-C some library turned into another error (numpy's import does)
            return interrupts.stopped()
        if os.environ.get("QABOT_DEBUG"):
            raise
        print(f"qabot: internal error: {safe_line(type(err).__name__ + ': ' + str(err))[:300]} "
              "(set QABOT_DEBUG=1 to see where)", file=sys.stderr)
        return 70
    finally:
        if early is not None and early[1] is not None:
            early[1].cancel()  # not used (a usage error, --help) or used already (then nothing to do)
        regexcache.save()

