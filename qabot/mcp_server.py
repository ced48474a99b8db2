"""``qabot mcp``: the articles as a Model Context Protocol server over stdio (the official ``mcp`` SDK).

Tools: ``ask`` (the ``ask --json`` object), ``quotes`` (a speaker's words across articles),
``list_articles``, ``get_article`` (text with numbered paragraphs). Each article is also a resource, ``qabot://articles/{id}``. A qabot error reaches the
client as an MCP error carrying the one-line message; stdout carries nothing but the protocol (the
SDK points file descriptor 1 at stderr while it serves) and logging goes to stderr.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any

import anyio
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
from mcp.server.stdio import stdio_server
from mcp.types import JSONRPCError, JSONRPCRequest, JSONRPCResponse, Resource
from pydantic import ValidationError

from . import __version__
from .answering import Answerer
from .catalog import Catalog, article_text
from .errors import ArticleMissing, QabotError
from .index import Index, manifest_stamp
from .quotes import find_quotes, quote_json
from .render import answer_json, quotes_missing, safe_line

ARTICLE_URI = "qabot://articles/{article_id}"
"""Where each article is found as a resource."""
IDS = "list_articles gives the ids"
"""Said after an unknown article id."""
MAX_K = 50
"""The most answers one ``ask`` call returns."""

log = logging.getLogger("qabot.mcp")

INSTRUCTIONS = (
    "qabot answers questions about a local collection of articles with sentences quoted from them, each "
    "cited with the article's id, title, file and paragraph. No language model writes the answers: quote "
    "the text and cite it as given. Call ask with a question; get_article reads an article by id."
)


class QabotServer(MCPServer):
    """The MCP server for one index: qabot's tools, and every article listed as a resource."""

    def __init__(self, index_dir: Path, problem: str | None = None):
        super().__init__(name="qabot", version=__version__, instructions=INSTRUCTIONS)
        self.index_dir = index_dir
        self.stamp = manifest_stamp(index_dir)
        """The manifest's inode, modification time and size when the index was opened (a build replaces it)."""
        self.index: Index | None = None
        self.answerer: Answerer | None = None
        self.catalog: Catalog | None = None
        self.problem = problem
        """Why there is no index to answer from (none built yet, a damaged one), one line; None once there is one.
        Each call says it as its error, and opens the index first when ``qabot index`` has built it since."""
        if problem is None:
            try:
                self._open()
            except QabotError as err:
                self.problem = str(err)
        self.lock = threading.Lock()
        """Held while the index is opened again (the SDK runs each call on a worker thread)."""
        self.add_tool(self.ask, name="ask", structured_output=True, description=(
            "Answer a question about the articles with up to k quoted sentences, best first; each answer has "
            "the article (id, title, path), paragraph number and character offsets. no_answer is true (with a "
            "message) when the articles hold nothing that answers it. Follow-ups are not understood: ask "
            "complete questions ('what did Wang say about Ukraine')."))
        self.add_tool(self.list_articles, name="list_articles", structured_output=True,
                      description="Every article in the index: id, title, path, byline, date.")
        self.add_tool(self.get_article, name="get_article", structured_output=False, description=(
            "An article's text by id: title, byline, date and path, then each paragraph as '[N] text'. "
            "paragraphs (1-based numbers) keeps only those, e.g. the paragraph an answer cites."))
        self.add_tool(self.quotes, name="quotes", structured_output=True, description=(
            "Everything the articles have a person (or a title, a group) saying, quoted or reported, article by "
            "article in date order; about keeps only what they said about that topic."))
        self.resource(ARTICLE_URI, name="article", mime_type="text/plain",
                      description="An article's text with numbered paragraphs")(self.read_article)

    def _open(self) -> None:
        """Open the index, its answerer and catalog (QabotError when it cannot be)."""
        stamp = manifest_stamp(self.index_dir)
        index = Index.open(self.index_dir)
        self.index, self.answerer, self.catalog, self.stamp, self.problem = index, Answerer(index), Catalog(index), stamp, None

    def fresh(self) -> tuple[Index, Answerer, Catalog]:
        """The index, its answerer and catalog, opened again first when ``qabot index`` replaced the manifest since
        they were (one ``stat``); an index that cannot be opened now leaves the one open in use. The old one is
        closed when the calls still using it are done with it. With no index open yet, ToolError saying why
        (``problem``), unless one was built since."""
        with self.lock:
            stamp = manifest_stamp(self.index_dir)
            if stamp is not None and (stamp != self.stamp or self.index is None):
                try:
                    self._open()
                except QabotError as err:
                    if self.index is None:
                        self.problem = str(err)
            if self.index is None or self.answerer is None or self.catalog is None:
                raise ToolError(self.problem or f"no index at {self.index_dir}")
            return self.index, self.answerer, self.catalog

    def ask(self, question: str, k: int = 3) -> dict[str, Any]:
        """The ``ask --json`` object for ``question``."""
        if not 1 <= k <= MAX_K:
            raise ToolError(f"k must be between 1 and {MAX_K}, got {k}")
        _, answerer, _ = self.fresh()
        try:
            return answer_json(answerer.ask(question, k=k))
        except QabotError as err:
            raise ToolError(str(err)) from None

    def quotes(self, name: str, about: str | None = None) -> dict[str, Any]:
        """``{"name", "about", "articles_read", "message", "searched", "quotes": [...]}``, each quote as ``qabot quotes
        --json`` gives it; ``message`` says why there are none (as ``qabot quotes`` does), else null."""
        if not name.strip():
            raise ToolError("name is empty; give who to quote, e.g. Wang")
        index, answerer, _ = self.fresh()
        try:
            report = find_quotes(index, name.strip(), (about or "").strip() or None, analyzer=answerer.analyzer,
                                 gates=answerer.gates)
        except QabotError as err:
            raise ToolError(str(err)) from None
        return {"name": report.name, "about": report.about, "articles_read": report.articles_read,
                "message": quotes_missing(report), "searched": report.searched,
                "quotes": [quote_json(q) for group in report.groups for q in group.quotes]}

    async def call_tool(self, name: str, arguments: dict[str, Any], context=None):
        """The SDK's call, with arguments that fail validation said in one line ("k: input should be a valid
        integer, got 'two'") instead of pydantic's several lines and links."""
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as err:
            cause = err.__cause__
            if not isinstance(cause, ValidationError) or not cause.errors():
                raise
            first = cause.errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ())) or "arguments"
            got = f", got {_short(first['input'])}" if "input" in first and first.get("type") != "missing" else ""
            raise ToolError(f"Error executing tool {name}: {where}: {first.get('msg', 'invalid').lower()}{got}") from None

    def list_articles(self) -> dict[str, Any]:
        """``{"articles": [{id, title, path, byline, date}, ...]}``."""
        return {"articles": [e.to_json() for e in self.fresh()[2].entries]}

    def get_article(self, id: str, paragraphs: list[int] | None = None) -> str:
        """The article's text, paragraphs numbered; only ``paragraphs`` when given."""
        try:
            return article_text(self.fresh()[2].article(id), paragraphs)
        except ArticleMissing as err:
            raise ToolError(f"{err}; {IDS}") from None
        except QabotError as err:
            raise ToolError(str(err)) from None

    def read_article(self, article_id: str) -> str:
        """The resource ``qabot://articles/{id}``."""
        try:
            catalog = self.fresh()[2]
        except ToolError as err:
            raise ResourceError(str(err)) from None
        try:
            return article_text(catalog.article(article_id))
        except ArticleMissing as err:
            raise ResourceNotFoundError(f"{err}; {IDS}") from None
        except QabotError as err:
            raise ResourceError(str(err)) from None

    async def run_stdio_async(self) -> None:
        """Serve over stdio; when the client closes stdin, the calls it already made are answered before the
        server stops (the SDK alone cancels them unanswered)."""
        async with stdio_server() as (read_stream, write_stream):
            drain = _Drain(read_stream, write_stream)
            await self._lowlevel_server.run(drain, drain.writer,
                                            self._lowlevel_server.create_initialization_options())

    async def list_resources(self) -> list[Resource]:
        """Every article, as ``qabot://articles/{id}``; none while there is no index."""
        try:
            catalog = self.fresh()[2]
        except ToolError:
            return []
        return [Resource(uri=ARTICLE_URI.format(article_id=e.id), name=e.title, mime_type="text/plain",
                         description=f"{e.path}" + (f", by {e.byline}" if e.byline else ""))
                for e in catalog.entries]


def _short(value: object) -> str:
    """A bad argument's value for a one-line message: its repr, on one line, at most 60 characters."""
    text = " ".join(repr(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


class _Drain:
    """The stdio read stream, whose end is passed on only once every request read from it has had its answer
    written (``writer``: the write stream, noting each answer's id)."""

    def __init__(self, read_stream, write_stream):
        self._read = read_stream
        self.writer = _Noted(write_stream, self)
        self.waiting: set = set()
        """Ids of the requests read and not yet answered."""
        self.answered = anyio.Event()

    def __getattr__(self, name):
        return getattr(self._read, name)

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            item = await self._read.receive()
        except (anyio.EndOfStream, anyio.ClosedResourceError):
            while self.waiting:  # the client is done sending: answer what it asked, then end
                self.answered = anyio.Event()
                with anyio.move_on_after(300):
                    await self.answered.wait()
            raise StopAsyncIteration from None
        message = getattr(item, "message", None)
        if isinstance(message, JSONRPCRequest):
            self.waiting.add(message.id)
        return item

    async def receive(self):
        try:
            return await self.__anext__()
        except StopAsyncIteration:
            raise anyio.EndOfStream from None


class _Noted:
    """A write stream that tells ``drain`` which requests are answered."""

    def __init__(self, write_stream, drain: _Drain):
        self._write = write_stream
        self._drain = drain

    def __getattr__(self, name):
        return getattr(self._write, name)

    async def __aenter__(self):
        await self._write.__aenter__()
        return self

    async def __aexit__(self, *exc):
        return await self._write.__aexit__(*exc)

    async def send(self, item) -> None:
        await self._write.send(item)
        message = getattr(item, "message", None)
        if isinstance(message, (JSONRPCResponse, JSONRPCError)) and message.id in self._drain.waiting:
            self._drain.waiting.discard(message.id)
            self._drain.answered.set()


def serve(index_dir: Path, problem: str | None = None) -> int:
    """Serve the index at ``index_dir`` over stdio until the client closes the connection; exit status 0.

    With no index to answer from (``problem`` says why, or opening it fails), the server starts all the same, says
    why in one line on stderr, and each call returns that line as its error until ``qabot index`` builds the index:
    a client that starts it before the index is built is told what to do, not left with a closed pipe."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="qabot mcp: %(levelname)s %(message)s")
    server = QabotServer(index_dir, problem)
    if sys.stdin.isatty():  # started by hand: say what it is, or it seems to hang
        print("qabot mcp: a Model Context Protocol server on stdin/stdout, for an MCP client to start (see README); "
              "Ctrl-D ends it", file=sys.stderr)
    if server.problem is not None:
        print(f"qabot mcp: warning: {safe_line(server.problem)}; the tools say so until it is built", file=sys.stderr)
    log.info("serving %s", index_dir)
    server.run("stdio")
    return 0
