"""``qabot chat``: a conversation with the articles.

On a terminal, a prompt-toolkit session: history in a file, suggestions from history, completion of
commands and of the articles' own words, a bottom toolbar. Without a terminal, one question per
line from stdin, plain answers. Both understand follow-ups (qabot/conversation.py) and render
answers with the one renderer (qabot/render.py).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Iterable, TextIO

from . import __version__
from .analysis import Analyzer
from .answering import Answerer
from .answering.parse import about_article, parse
from .build import Settings, build
from .conversation import (Context, Turn, after, answer_subject, bare_command, pronoun_of, topic_as_written,
                           understand)
from .errors import QabotError
from .index import Index, state_dir
from .model import Answer, Evidence
from .quotes import find_quotes, quote_json
from .render import (DIM, Style, answer_json, dumps, quotes_dumps, render_answer, render_article, render_explain,
                     render_quotes, render_show, safe, safe_line, width, wrap_positions)
from .speakers import speaker_matches
from .vocabulary import Lexicon, surface_words

COMMANDS = {
    "/help": "what you can type",
    "/sources": "the articles cited so far",
    "/show": "N: the whole paragraph around answer N",
    "/open": "N: the whole article of answer N",
    "/why": "N: why answer N: its matched words, the features behind its score, its confidence",
    "/k": "N: show N answers per question",
    "/json": "toggle JSON output",
    "/index": "[PATH]: rebuild the index, or add PATH to it",
    "/quotes": "NAME [about TOPIC]: everything NAME said, article by article",
    "/stats": "what is loaded",
    "/clear": "clear the screen and start a new conversation",
    "/quit": "leave (Ctrl-D, exit and quit too)",
}
"""The chat's commands and what each does."""
_ARGUMENT = re.compile(r"^((?:[A-Z]+|\[[A-Z]+\])(?: \[[^]]+\])?): (.*)$")
"""A command's argument before its description ("N: the whole paragraph ..."), shown beside the command."""

MORE_LOOKAHEAD = 20
"""Answers looked at beyond those shown when "more" wants only the speaker's own words."""
PRONOUN_PASSAGES = 20
"""How many of the passages naming someone are read to tell whether the articles call them "he" or "she"."""

def examples(lexicon) -> tuple[str, str]:
    """Two names the articles show speaking most, for examples of questions ("Wang", "Putin" over the bundled
    article): the examples ask about these articles, not others."""
    found = lexicon.speakers(2)
    return (found[0] if found else "Wang"), (found[1] if len(found) > 1 else "Putin")


def help_tips(lexicon) -> list[str]:
    """The lines above /help's commands, their examples the articles' own speakers."""
    first, second = examples(lexicon)
    return [f"Ask a question: what did {first} say  ·  how many articles are there?",
            f"Follow up: and {second}?  ·  what about <topic>?  ·  more  ·  who said that?  ·  who wrote it?",
            f"Everything someone said, article by article: /quotes {first} about <topic>",
            "Tab completes commands and the articles' names and words; ↑ and Ctrl-R search history."]


class Chat:
    """A conversation with one index: understands lines, answers them, runs commands, writes to ``out``."""

    def __init__(self, index_dir: Path, out: TextIO, style: Style, k: int = 3, interactive: bool = False):
        self.index_dir = index_dir
        self.out = out
        self.style = style
        self.k = k
        self.interactive = interactive
        self.json = False
        self.analyzer = Analyzer()
        self.context = Context()
        self.answers: dict[int, Evidence] = {}
        self.last_article: int | None = None
        """The article of the last answer: what "this article" and "it" mean."""
        self.questions: dict[int, tuple[str, int | None]] = {}
        """The question each numbered answer answers, with the article "it" meant then (for /why)."""
        """The answers to the current question, by the number they were shown with."""
        self.seen: set[tuple[str, int]] = set()
        """Every piece of evidence shown in this conversation, as (article id, start)."""
        self.cited: dict[str, list] = {}
        """Article id to [title, path, times cited], in order of first citation."""
        self.refused: tuple[str, int | None] | None = None
        """The last question when it was refused, with the article it was asked of (for /why)."""
        self.asked = 0
        self.load()

    def load(self) -> None:
        """Open the index (again, after /index)."""
        self.index = Index.open(self.index_dir)
        self.answerer = Answerer(self.index, analyzer=self.analyzer)
        words = self.index.words
        if words is None:  # an index built before words.json existed
            words = surface_words("\n\n".join(self.index.article(i).text for i in range(self.index.n_articles)))
        self.lexicon = Lexicon(words, self.answerer.texts_with)

    # -- output -------------------------------------------------------------------------------

    def write(self, text: str = "") -> None:
        """Print a block of text."""
        print(text, file=self.out, flush=True)

    def dim(self, text: str) -> None:
        """Print a dim line (notes, rewritten questions)."""
        self.write(self.style.paint(safe_line(text), DIM))

    def welcome(self) -> str:
        """The first line: what is loaded."""
        lines = [f"qabot {__version__} · {self.summary()}",
                 "Ask a question about the articles; /help lists commands, Ctrl-D leaves."]
        return "\n".join(line[s:e] for line in lines for s, e in wrap_positions(line, self.style.width))  # at words

    def summary(self) -> str:
        """``N articles, M passages, built WHEN``."""
        c = self.index.counts
        return (f"{_n(c['articles'], 'article')}, {_n(c['passages'], 'passage')} in {safe_line(str(self.index_dir))}, "
                f"built {_when(self.index.manifest.get('built_at'))}")

    def toolbar(self) -> str:
        """The bottom toolbar: what is loaded and the active settings."""
        c = self.index.counts
        return (f" {_n(c['articles'], 'article')} · {_n(c['passages'], 'passage')} · "
                f"built {_when(self.index.manifest.get('built_at'))} · k={self.k} · "
                f"{self.index.settings['bm25']['scoring']}{' · JSON' if self.json else ''} · /help ")

    # -- lines --------------------------------------------------------------------------------

    def handle(self, line: str) -> bool:
        """Answer or run one line; False when the chat should end."""
        line = line.strip()
        if not line:
            return True
        bare = bare_command(line)
        try:
            if bare == "leave":
                return False
            if bare == "help":
                return self.command("/help")
            if line.startswith("/"):
                return self.command(line)
            self.ask(line)
        except QabotError as err:
            self.write(f"error: {safe_line(str(err))}")
        return True

    def ask(self, line: str) -> Answer | None:
        """Understand ``line`` in the conversation's context, answer it and write the answer."""
        fresh = self.index.reopened()  # the speaker pass has stored who speaks where since the chat opened it
        if fresh is not None:
            self.index.close()
            self.index, self.answerer = fresh, Answerer(fresh, analyzer=self.analyzer)
        turn = understand(line, self.context, self.lexicon.speaks, self.pronoun)
        if turn.question is None:
            if turn.reply:
                self.write(safe_line(turn.reply))
            else:
                self.dim(turn.note or "cannot tell what that asks")
            return None
        if turn.rewritten and not self.json:
            self.dim(f"→ {turn.question}")
        answer = self.reply(turn)
        if self.json:
            self.write(self.json_text(answer_json(answer)) if self.on_terminal() else dumps(answer))
        else:
            self.write(render_answer(answer, self.style, self.analyzer))
            if self.interactive:
                self.write()
        return answer

    def pronoun(self, name: str) -> str | None:
        """What the articles call ``name``: "he", "she", or None when they do not tell (read from the
        passages that name them, once per name and index)."""
        cache = self.__dict__.setdefault("_pronouns", {})
        key = (id(self.answerer), name)
        if key not in cache:
            terms = [self.analyzer.term(w) for w in name.split()[-1:]]
            hits = self.answerer.retriever.top(terms, PRONOUN_PASSAGES) if terms and terms[0] else []
            cache[key] = pronoun_of(name, [self.answerer.passage_text(p) for p, _ in hits])
        return cache[key]

    def reply(self, turn: Turn) -> Answer:
        """Answer an understood turn and move the conversation on (the chat and the web page both reply so)."""
        answer = self.answer(turn)
        first = answer.evidence[0] if answer.evidence else None
        subject = answer_subject(first.text, first.speaker) if first is not None and first.field is None else None
        author = first.text if first is not None and first.field == "byline" else None
        self.context = after(turn, self.context, self.lexicon.speaks, self.analyzer, shown=len(answer.evidence),
                             subject=subject, pronoun=self.pronoun, author=author,
                             first=first.text if first is not None and first.field is None else None)
        self.asked += 1
        return answer

    def on_terminal(self) -> bool:
        """True when a person reads the output: the terminal session, or line mode writing to a terminal."""
        isatty = getattr(self.out, "isatty", None)
        return self.interactive or bool(isatty and isatty())

    def json_text(self, obj: dict) -> str:
        """``obj`` as JSON for a person: indented, UTF-8, and safe for the terminal."""
        return safe(json.dumps(obj, indent=2, ensure_ascii=False))

    def answer(self, turn: Turn) -> Answer:
        """The answer to a turn; remembers what it shows. "more" after a speech question shows only more of
        the speaker's own words, or says plainly that there are none."""
        speaker = self.context.speaker if turn.more else None
        article = self.last_article  # what "it" and "this article" mean for this question
        if turn.exclude_seen or speaker:
            got = self.answerer.ask(turn.question, k=self.k + len(self.seen) + (MORE_LOOKAHEAD if speaker else 0))
            fresh = [e for e in got.evidence if (e.article.id, e.start) not in self.seen
                     and (not speaker or (e.speaker is not None and speaker_matches(speaker, e.speaker)))][:self.k]
            base = len(self.answers) if turn.more else 0
            evidence = [replace(e, rank=base + i + 1) for i, e in enumerate(fresh)]
            asked = speaker or (None if got.no_answer else parse(turn.question, self.analyzer).speaker)
            if asked and not evidence:  # "more", or "what else did he say?" when all of it was shown
                topic = self.context.topic if speaker else topic_as_written(turn.question, asked)
                last = asked.split()[-1]
                has = "have" if last.islower() and last.endswith("s") and not last.endswith("ss") else "has"  # officials
                message = f"{asked} {has} nothing more{f' about {topic}' if topic else ''} in the articles"
            else:
                message = got.message if got.no_answer else (None if evidence else "nothing more that was not shown already")
            answer = replace(got, evidence=evidence, message=message, no_answer=got.no_answer or not evidence)
        else:
            answer = self.answerer.ask(turn.question, k=self.k, skip=turn.skip, article=article)
        if not (turn.more and not answer.evidence):  # "nothing more": /why explains what came before
            self.refused = (turn.question, article) if answer.no_answer and not speaker and not turn.exclude_seen else None
        if answer.evidence and answer.listed is not None and len(answer.evidence) > 1:
            self.last_article = None  # the collection listed by path: "it" is none of them ("which article?")
        elif answer.evidence:
            self.last_article = answer.evidence[0].article_number if answer.evidence[0].article_number >= 0 else None
        elif answer.no_answer and not turn.more and about_article(turn.question) is not None:
            self.last_article = None  # "which article? 2 are about 'iPod'": "who wrote it?" next is not an older one
        if not turn.more:
            self.answers = {}
        for e in answer.evidence:
            self.answers[e.rank] = e
            self.questions[e.rank] = (turn.question, article)
            self.seen.add((e.article.id, e.start))
            entry = self.cited.setdefault(e.article.id, [e.article.title, e.article.path, 0])
            entry[2] += 1
        return answer

    # -- commands -----------------------------------------------------------------------------

    def command(self, line: str) -> bool:
        """Run a slash command; False for /quit."""
        name, _, arg = line.partition(" ")
        name, arg = name.lower(), arg.strip()
        if name in ("/quit", "/exit", "/q"):
            return False
        handlers = {
            "/help": self.cmd_help, "/sources": self.cmd_sources, "/show": self.cmd_show, "/open": self.cmd_open,
            "/why": self.cmd_why,
            "/k": self.cmd_k, "/json": self.cmd_json, "/index": self.cmd_index, "/stats": self.cmd_stats,
            "/clear": self.cmd_clear, "/quotes": self.cmd_quotes,
        }
        handler = handlers.get(name)
        if handler is None:
            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            self.write(f"unknown command {safe_line(name)}; {hint}/help lists the commands")
            return True
        handler(arg)
        return True

    def cmd_help(self, arg: str) -> None:
        """/help"""
        usages = [(f"{name} {m.group(1)}", m.group(2)) if (m := _ARGUMENT.match(text)) else (name, text)
                  for name, text in COMMANDS.items()]
        wide = max(len(usage) for usage, _ in usages) + 2
        room = max(20, self.style.width - 2 - wide)  # a description wraps at words under itself, not mid-word
        lines = [f"  {usage:<{wide}}" + f"\n{' ' * (2 + wide)}".join(textwrap.wrap(text, room))
                 for usage, text in usages]
        tips = [wrapped for tip in help_tips(self.lexicon)
                for wrapped in textwrap.wrap(tip, self.style.width, subsequent_indent="  ", break_on_hyphens=False)]
        self.write("\n".join(tips + ["Commands:"] + lines))

    def cmd_sources(self, arg: str) -> None:
        """/sources"""
        if not self.cited:
            self.write("no articles cited yet")
            return
        lines = [f"{len(self.cited)} article{'s' if len(self.cited) != 1 else ''} cited so far:"]
        for title, path, times in self.cited.values():
            lines.append(f"  {safe_line(title)} — {safe_line(path)} ({times}×)")
        self.write("\n".join(lines))

    def _numbered(self, name: str, arg: str) -> Evidence | None:
        """The answer numbered ``arg``, or None with a one-line hint."""
        shown = sorted(self.answers)
        if not shown:
            self.write(f"no answers yet; ask a question, then {name} N")
            return None
        if not arg.isdigit() or int(arg) not in self.answers:
            self.write(f"usage: {name} N, where N is an answer shown above ({_span(shown)})")
            return None
        return self.answers[int(arg)]

    def cmd_why(self, arg: str) -> None:
        """/why N: answer N's question asked again with the explanation, shown for that answer; after a refusal,
        what the articles lacked and the confidence."""
        if self.refused is not None and not self.answers:
            question, article = self.refused
            self.write(render_explain(self.answerer.ask(question, k=self.k, article=article, explain=True), self.style,
                                      self.analyzer))
            return
        evidence = self._numbered("/why", arg)
        if evidence is None:
            return
        question, article = self.questions[evidence.rank]
        got = self.answerer.ask(question, k=max(self.answers) + 1, explain=True, article=article)
        same = [e for e in got.evidence if (e.article.id, e.start) == (evidence.article.id, evidence.start)]
        shown = [replace(same[0], rank=evidence.rank)] if same else []
        self.write(render_explain(replace(got, evidence=shown), self.style, self.analyzer))

    def cmd_show(self, arg: str) -> None:
        """/show N"""
        evidence = self._numbered("/show", arg)
        if evidence is not None:
            self.write(render_show(evidence, self.style, self.analyzer))

    def cmd_open(self, arg: str) -> None:
        """/open N"""
        evidence = self._numbered("/open", arg)
        if evidence is None:
            return
        article = evidence.article
        marks = sorted((e.start, e.end) for e in self.answers.values() if e.article.id == article.id and not e.field)
        if self.interactive:
            from prompt_toolkit.application import get_app_session

            columns = get_app_session().output.get_size().columns
            plain = render_article(article, marks, Style(color=False, width=max(40, columns - 2)), self.analyzer)
            page(plain, f"[{evidence.rank}] {safe_line(article.title)}", plain.find(f"\n¶ {evidence.paragraph}\n") + 1)
        else:
            self.write(render_article(article, marks, self.style, self.analyzer))

    def cmd_k(self, arg: str) -> None:
        """/k N"""
        if not arg.isdigit() or int(arg) < 1:
            self.write(f"usage: /k N, a whole number of at least 1 (now {self.k})")
            return
        self.k = int(arg)
        self.write(f"{self.k} answer{'s' if self.k != 1 else ''} per question")

    def cmd_json(self, arg: str) -> None:
        """/json"""
        self.json = not self.json
        self.write(f"JSON output {'on' if self.json else 'off'}")

    def cmd_index(self, arg: str) -> None:
        """/index [PATH]"""
        manifest = self.index.manifest
        roots = [r for r in manifest.get("roots", []) if os.path.exists(r)]
        extra = [os.path.expanduser(p) for p in arg.split()] if arg else []
        for path in extra:
            if not os.path.exists(path):
                self.write(f"no such file or folder: {safe_line(path)}")
                return
        if not roots and not extra:
            self.write("the index's folders are gone; give one: /index PATH")
            return
        paths = roots + [os.path.abspath(p) for p in extra if os.path.abspath(p) not in roots]
        progress = None
        if self.interactive:
            from .progress import BarProgress

            progress = BarProgress()
        try:
            report = build(paths, self.index_dir, Settings.of(manifest), progress=progress)
        finally:
            if progress is not None:
                progress.close()
        from .building.speaker_pass import start

        start(self.index_dir)  # who speaks where, in the background, as ``qabot index`` does
        self.load()
        self.write(f"indexed {_n(report.articles, 'article')} from {_n(report.files, 'file')}: "
                   f"{len(report.new)} new, {len(report.updated)} updated, {report.unchanged} unchanged, "
                   f"{len(report.removed)} removed, {len(report.failed) + len(report.skipped)} skipped, "
                   f"in {report.seconds:.1f}s")

    def cmd_stats(self, arg: str) -> None:
        """/stats"""
        c = self.index.counts
        lines = [
            f"index     {safe_line(str(self.index_dir))} (built {_when(self.index.manifest.get('built_at'))})",
            f"articles  {c['articles']:,} from {_n(c.get('files', 0), 'file')}",
            f"passages  {c['passages']:,} ({c['tokens']:,} tokens, at most {self.index.settings['max_tokens']} each)",
            f"terms     {self.index.n_terms:,}; {len(self.lexicon):,} words to complete",
            f"scoring   {self.index.settings['bm25']['scoring']}; k={self.k}; JSON {'on' if self.json else 'off'}",
            f"asked     {self.asked} question{'s' if self.asked != 1 else ''}; "
            f"{_n(len(self.cited), 'article')} cited",
        ]
        self.write("\n".join(lines))

    def cmd_clear(self, arg: str) -> None:
        """/clear"""
        if self.interactive:
            from prompt_toolkit.shortcuts import clear

            clear()
        self.context = Context()
        self.answers = {}
        self.last_article = None
        self.seen = set()
        self.cited = {}
        self.refused = None
        self.dim("new conversation")

    def cmd_quotes(self, arg: str) -> None:
        """/quotes NAME [about TOPIC]"""
        m = re.match(r"(?is)^(?P<name>.+?)(?:\s+(?:--about|about|on)\s+(?P<topic>.+))?$", arg.strip())
        if not m:
            self.write(f"usage: /quotes NAME [about TOPIC], e.g. /quotes {examples(self.lexicon)[0]}")
            return
        report = find_quotes(self.index, m.group("name").strip(), (m.group("topic") or "").strip() or None,
                             analyzer=self.analyzer, gates=self.answerer.gates)
        if not self.json:
            self.write(render_quotes(report, self.style))
            return
        for group in report.groups:
            for quote in group.quotes:
                self.write(self.json_text(quote_json(quote)) if self.on_terminal() else quotes_dumps(quote))


def _n(count: int, noun: str) -> str:
    """``1 article``, ``2,225 articles``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _span(numbers: list[int]) -> str:
    """``1–3`` or ``2``."""
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])


def _when(stamp: str | None) -> str:
    """An ISO time as ``2026-11-29 04:30 UTC``."""
    if not stamp:
        return "at an unknown time"
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", stamp)
    return f"{m.group(1)} {m.group(2)} UTC" if m else safe_line(stamp)


# -- the terminal session --------------------------------------------------------------------


def history_path() -> Path:
    """The chat's history file: ``history`` in qabot's state folder."""
    return state_dir() / "history"


def _private(path: Path) -> None:
    """Create the history file readable by its owner only (0600, its folder 0700 when made here): it holds every
    question asked. One that others could read is made private."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def make_completer(chat: Chat):
    """Completion of commands, their arguments, and the articles' words as the articles spell them."""
    from prompt_toolkit.completion import CompleteEvent, Completer, Completion, PathCompleter
    from prompt_toolkit.document import Document

    paths = PathCompleter(expanduser=True)

    class ChatCompleter(Completer):
        """Commands after "/", then their arguments; otherwise the word being typed."""

        def get_completions(self, document: Document, event: CompleteEvent) -> Iterable[Completion]:
            text = document.text_before_cursor
            if text.startswith("/"):
                name, space, arg = text.partition(" ")
                if not space:
                    for command, what in COMMANDS.items():
                        if command.startswith(name.lower()):
                            yield Completion(command, -len(name), display_meta=what)
                elif name in ("/show", "/open"):
                    for n, e in sorted(chat.answers.items()):
                        if str(n).startswith(arg.strip()):
                            yield Completion(str(n), -len(arg.lstrip()), display_meta=safe_line(e.article.title)[:40])
                elif name == "/index":
                    yield from paths.get_completions(Document(arg, len(arg)), event)
                elif name == "/quotes":
                    m = re.search(r"[^\W\d_][\w’'-]*$", arg)
                    for word, count in chat.lexicon.complete(m.group()) if m else []:
                        if word != m.group() and chat.lexicon.speaks(word):
                            yield Completion(word, -len(m.group()), display_meta=f"{count}× in the articles")
                return
            m = re.search(r"[^\W\d_][\w’'-]*$", text)
            if not m or len(m.group()) < 2:
                return
            prefix = m.group()
            for word, count in chat.lexicon.complete(prefix):
                if word != prefix:
                    yield Completion(word, -len(prefix), display_meta=f"{count}× in the articles")

    return ChatCompleter()


def session(chat: Chat):
    """The prompt-toolkit session: history file, suggestions from history, completion, toolbar."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
    from prompt_toolkit.history import FileHistory

    path = history_path()
    _private(path)
    return PromptSession(
        message=[("class:prompt", "qabot› ")], history=FileHistory(str(path)), auto_suggest=AutoSuggestFromHistory(),
        completer=make_completer(chat), complete_while_typing=True, bottom_toolbar=chat.toolbar,
    )


def run_session(index_dir: Path, k: int = 3, out: TextIO | None = None, color: bool | None = None) -> int:
    """The interactive chat, on the current prompt-toolkit input and output; exit status 0. ``color``
    overrides the stream's own choice (--color)."""
    out = out or sys.stdout
    style = Style.for_stream(out) if color is None else Style(color=color, width=width(out))
    chat = Chat(index_dir, out, style, k=k, interactive=True)
    return converse(chat, session(chat))


def converse(chat: Chat, prompt) -> int:
    """Prompt, answer, repeat: Ctrl-C clears the line, Ctrl-D or /quit ends with status 0."""
    chat.write(chat.welcome())
    while True:
        try:
            line = prompt.prompt()
        except KeyboardInterrupt:
            continue  # Ctrl-C clears the line
        except EOFError:
            break  # Ctrl-D
        try:
            if not chat.handle(line):
                break
        except KeyboardInterrupt:  # Ctrl-C during an answer or a build: back to the prompt
            chat.dim("interrupted")
    return 0


def page(text: str, title: str, at: int = 0) -> None:
    """Show ``text`` full screen, scrollable from character ``at``, evidence (between ⟦ ⟧) highlighted; q leaves."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.document import Document
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.lexers import Lexer
    from prompt_toolkit.widgets import TextArea

    class Marks(Lexer):
        """Evidence between ⟦ and ⟧ in reverse video, paragraph numbers dim."""

        def lex_document(self, document: Document):
            inside, marked = [], False
            for text in document.lines:  # evidence may run over several lines
                inside.append(marked)
                for c in text:
                    marked = True if c == "⟦" else False if c == "⟧" else marked

            def line(n: int):
                text = document.lines[n]
                if text.startswith("¶ "):
                    return [("fg:ansibrightblack", text)]
                out, marked, pos = [], inside[n], 0
                for m in re.finditer("[⟦⟧]", text):
                    out.append(("reverse bold" if marked else "", text[pos:m.end() if m.group() == "⟧" else m.start()]))
                    marked, pos = m.group() == "⟦", m.end() if m.group() == "⟧" else m.start()
                out.append(("reverse bold" if marked else "", text[pos:]))
                return out

            return line

    area = TextArea(text=text, read_only=True, scrollbar=True, lexer=Marks(), wrap_lines=False)
    area.buffer.cursor_position = max(0, at)
    keys = KeyBindings()

    @keys.add("q")
    @keys.add("escape")
    @keys.add("c-c")
    @keys.add("c-d")
    def _leave(event) -> None:
        event.app.exit()

    @keys.add(" ")
    def _page_down(event) -> None:
        from prompt_toolkit.key_binding.bindings.page_navigation import scroll_page_down

        scroll_page_down(event)

    bar = "reverse"
    layout = Layout(HSplit([
        Window(FormattedTextControl(f" {title}"), height=1, style=bar),
        area,
        Window(FormattedTextControl(" q: back to the chat · ↑ ↓ PgUp PgDn Space: scroll"), height=1, style=bar),
    ]), focused_element=area)
    top = text.count("\n", 0, max(0, at))

    def scroll_to_answer() -> None:
        area.window.vertical_scroll = top  # the answer's paragraph at the top (after the app's reset)

    Application(layout=layout, key_bindings=keys, full_screen=True).run(pre_run=scroll_to_answer)


# -- without a terminal ------------------------------------------------------------------------


def run_lines(index_dir: Path, lines: Iterable[str], out: TextIO, k: int = 3) -> int:
    """One question (or command) per line; plain answers, follow-ups understood; exit status 0."""
    chat = Chat(index_dir, out, Style(color=False, width=width(out)), k=k, interactive=False)
    first = True
    for line in lines:
        if not line.strip():
            continue
        if not chat.json:
            if not first:
                chat.write()
            chat.write(f"Q: {safe_line(line.strip())}")
        first = False
        if not chat.handle(line):
            break
    return 0
