"""``qabot serve``: the conversation as a local web page, and a JSON API beside it (Starlette on uvicorn).

Pages are written on the server (qabot/web/page.py): ``/?q=QUESTION`` comes back with the answer in
the HTML, and the page needs no script at all. Each browser holds one conversation (a random
cookie names it), answered by the chat's own follow-up logic. The Content-Security-Policy allows
no script, so even markup that slipped through escaping could not run.

Routes: ``/`` (the conversation; ``?q=`` asks, ``?new=1`` starts afresh), ``/articles``,
``/articles/{id}`` (``?s=&e=`` highlights a span), ``/api/ask?q=&k=`` (the ``ask --json`` contract),
``/api/articles``, ``/api/articles/{id}``, ``/static/qabot.css``.
"""

from __future__ import annotations

import io
import ipaddress
import os
import secrets
import threading
from collections import OrderedDict
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..analysis import Analyzer
from ..answering import Answerer
from ..catalog import Catalog, article_json
from ..chat import Chat, examples
from ..conversation import bare_command, understand
from ..errors import ArticleMissing, QabotError
from ..index import Index, manifest_stamp
from ..render import Style, answer_json
from ..vocabulary import Lexicon, surface_words
from . import page

STATIC = Path(__file__).parent / "static"
COOKIE = "qabot_session"
MAX_SESSIONS = 64
"""Conversations kept at once; the least recently used is forgotten first."""
MAX_TURNS = 200
"""Turns kept per conversation (the page shows them all)."""
MAX_K = 50
"""The most answers one request may ask for."""
MAX_QUESTION = 2000
"""The longest question accepted, in characters."""
WEB_HELP = ("Ask a question about the articles: what did {first} say · how many articles are there? · who wrote the "
            "article about … · summarize it. Follow up: and {second}? · what about …? · more · "
            "who said that? "
            "A citation opens its article; \"new conversation\" starts afresh.")
"""What ``help`` (or ``?``, "help me") typed on the page shows: the chat's tips, less its commands and keys."""
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
"""Sent with every response."""


class Shared:
    """What every conversation shares: the open index, one answerer, the lexicon, the article list; opened
    again when ``qabot index`` has changed the index since (``fresh``), so the page answers from the index
    as it is now."""

    def __init__(self, index_dir: Path, k: int):
        self.index_dir = index_dir
        self.k = k
        self.analyzer = Analyzer()
        self.lock = threading.Lock()
        """Answering is done one question at a time (the answerer's caches are not shared safely), and the
        index is opened again under it."""
        self.index: Index | None = None
        self.stamp = manifest_stamp(index_dir)
        """The manifest's inode, modification time and size when the index was opened (a build replaces it)."""
        self._open()

    def _open(self) -> None:
        index = Index.open(self.index_dir)
        words = index.words
        if words is None:  # an index built before words.json existed
            words = surface_words("\n\n".join(index.article(i).text for i in range(index.n_articles)))
        old, self.index = self.index, index
        self.answerer = Answerer(index, analyzer=self.analyzer)
        self.lexicon = Lexicon(words, self.answerer.texts_with)
        self.catalog = Catalog(index)
        if old is not None:
            old.close()  # its folders may go at the next build

    def fresh(self) -> None:
        """Open the index again when its manifest changed since it was opened (one ``stat``; call under
        ``lock``). An index that cannot be opened now (removed, damaged) leaves the one open in use."""
        stamp = manifest_stamp(self.index_dir)
        if stamp is None or stamp == self.stamp:
            return
        try:
            self._open()
        except QabotError:
            return
        self.stamp = stamp

    def summary(self) -> str:
        """``N articles, M passages``."""
        c = self.index.counts
        return f"{c['articles']:,} article{'s' * (c['articles'] != 1)}, {c['passages']:,} passages"


class Conversation(Chat):
    """One browser's conversation: the chat's follow-up logic over the shared index, no terminal."""

    def __init__(self, shared: Shared):
        self.shared = shared
        self.turns: list[page.WebTurn] = []
        """What was typed and answered, in order."""
        super().__init__(shared.index_dir, io.StringIO(), Style(color=False), k=shared.k)
        self.analyzer = shared.analyzer

    def load(self) -> None:
        """Use the shared index instead of opening one per conversation."""
        self.index, self.answerer, self.lexicon = self.shared.index, self.shared.answerer, self.shared.lexicon

    def say(self, line: str) -> page.WebTurn:
        """Understand and answer one line; the turn it makes."""
        line = " ".join(line.split())[:MAX_QUESTION]
        self.load()  # the shared index, opened again since the last turn when it changed
        number = len(self.turns) + 1
        bare = bare_command(line)
        if line.startswith("/"):
            turn = page.WebTurn(number, line, None, False, None, "the page takes questions; /commands are for qabot chat")
        elif bare == "help":
            first, second = examples(self.lexicon)
            turn = page.WebTurn(number, line, None, False, None, WEB_HELP.format(first=first, second=second))
        elif bare == "leave":
            turn = page.WebTurn(number, line, None, False, None,
                                "to leave, close the page; \"new conversation\" (beside Ask) starts afresh")
        else:
            understood = understand(line, self.context, self.lexicon.speaks, self.pronoun)
            if understood.question is None:
                turn = page.WebTurn(number, line, None, False, None,
                                    understood.reply or understood.note or "cannot tell what that asks")
            else:
                try:
                    answer = self.reply(understood)
                    turn = page.WebTurn(number, line, understood.question, understood.rewritten, answer)
                except QabotError as err:
                    turn = page.WebTurn(number, line, understood.question, understood.rewritten, None, str(err))
        self.turns = (self.turns + [turn])[-MAX_TURNS:]
        return turn


class Sessions:
    """Conversations by cookie, the least recently used forgotten past MAX_SESSIONS."""

    def __init__(self, shared: Shared):
        self.shared = shared
        self.by_id: OrderedDict[str, Conversation] = OrderedDict()

    def get(self, token: str | None) -> tuple[str, Conversation]:
        """The conversation named by ``token``, or a new one under a new token."""
        if token and token in self.by_id:
            self.by_id.move_to_end(token)
            return token, self.by_id[token]
        token = secrets.token_urlsafe(18)
        self.by_id[token] = Conversation(self.shared)
        while len(self.by_id) > MAX_SESSIONS:
            self.by_id.popitem(last=False)
        return token, self.by_id[token]


def _k(request: Request, default: int) -> int:
    """The ``k`` query parameter: 1 to MAX_K, ``default`` when absent; ValueError with a message otherwise."""
    raw = request.query_params.get("k")
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_K:
        raise ValueError(f"k must be a whole number from 1 to {MAX_K}, got {raw[:20]!r}")
    return int(raw)


def _error(status: int, message: str) -> JSONResponse:
    """``{"error": message}`` with ``status``."""
    return JSONResponse({"error": message}, status_code=status, headers=HEADERS)


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def create_app(index_dir: Path, k: int = 3, allowed_hosts: list[str] | None = None) -> Starlette:
    """The web application over the index at ``index_dir``; ``allowed_hosts`` guards the Host header."""
    shared = Shared(index_dir, k)
    sessions = Sessions(shared)

    def home(request: Request) -> Response:
        token = None if request.query_params.get("new") else request.cookies.get(COOKIE)
        with shared.lock:
            shared.fresh()
            token, conversation = sessions.get(token)
            q = request.query_params.get("q", "").strip()
            seen = request.query_params.get("t", "")
            # the form sends how many turns it showed: a reload of an answered form asks nothing again
            if q and not (seen.isdigit() and int(seen) < len(conversation.turns)):
                conversation.say(q)
            body = page.conversation_html(conversation.turns, shared.analyzer, examples(shared.lexicon))
        response = _html(page.page("qabot" if not q else f"{q[:80]} · qabot", body, shared.summary()))
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
        return response

    def articles(request: Request) -> Response:
        with shared.lock:
            shared.fresh()
            return _html(page.page("Articles · qabot", page.articles_html(shared.catalog.entries), shared.summary()))

    def article(request: Request) -> Response:
        with shared.lock:
            shared.fresh()
            try:
                found = shared.catalog.article(request.path_params["id"])
            except ArticleMissing as err:
                note = page.text(f"{err}; /articles lists them")
                return _html(page.page("Not found · qabot", f"<p class=\"note\">{note}</p>\n", shared.summary()), 404)
            s, e = request.query_params.get("s", ""), request.query_params.get("e", "")
            mark = (int(s), int(e)) if s.isdigit() and e.isdigit() and int(s) < int(e) else None
            return _html(page.page(f"{found.title} · qabot", page.article_html(found, mark), shared.summary()))

    def api_ask(request: Request) -> Response:
        q = request.query_params.get("q", "").strip()
        if not q:
            return _error(400, "give a question: /api/ask?q=QUESTION")
        if len(q) > MAX_QUESTION:
            return _error(400, f"the question is longer than {MAX_QUESTION} characters")
        try:
            k_value = _k(request, shared.k)
        except ValueError as err:
            return _error(400, str(err))
        try:
            with shared.lock:
                shared.fresh()
                answer = shared.answerer.ask(q, k=k_value)
        except QabotError as err:
            return _error(400, str(err))
        return JSONResponse(answer_json(answer), headers=HEADERS)

    def api_articles(request: Request) -> Response:
        with shared.lock:
            shared.fresh()
            return JSONResponse({"articles": [e.to_json() for e in shared.catalog.entries]}, headers=HEADERS)

    def api_article(request: Request) -> Response:
        with shared.lock:
            shared.fresh()
            try:
                return JSONResponse(article_json(shared.catalog.article(request.path_params["id"])), headers=HEADERS)
            except ArticleMissing as err:
                return _error(404, f"{err}; /api/articles gives the ids")

    async def stylesheet(request: Request) -> Response:
        return FileResponse(STATIC / "qabot.css", media_type="text/css", headers=HEADERS)

    routes = [
        Route("/", home), Route("/articles", articles), Route("/articles/{id}", article),
        Route("/api/ask", api_ask), Route("/api/articles", api_articles), Route("/api/articles/{id}", api_article),
        Route("/static/qabot.css", stylesheet),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else []
    return Starlette(routes=routes, middleware=middleware)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(index_dir: Path, host: str, port: int, k: int = 3) -> int:
    """Serve the page at http://HOST:PORT/ until interrupted; exit status 0.

    The socket is bound before anything is printed, so a port in use is one clear error; the line
    ``qabot: serving … at URL`` on stdout then gives the real port (``--port 0`` picks a free one)."""
    import socket
    import sys

    import uvicorn

    from ..errors import UsageError

    loopback = is_loopback(host)
    bare = host.strip("[]")
    app = create_app(index_dir, k, allowed_hosts=["localhost", "127.0.0.1", "::1", "[::1]", bare] if loopback else None)
    family = socket.AF_INET6 if ":" in bare else socket.AF_INET
    try:
        sock = socket.create_server((bare, port), family=family)
    except OSError as err:
        raise UsageError(f"cannot listen on {host}:{port}: {os.strerror(err.errno) if err.errno else err}") from None
    except (OverflowError, ValueError) as err:
        raise UsageError(f"cannot listen on {host}:{port}: {err}") from None
    shown = f"[{bare}]" if family == socket.AF_INET6 else bare
    print(f"qabot: serving {index_dir} at http://{shown}:{sock.getsockname()[1]}/ (Ctrl-C stops)", flush=True)
    if not loopback:
        print(f"qabot: warning: {host} is not a loopback address; anyone who can reach it can read the articles",
              file=sys.stderr, flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
