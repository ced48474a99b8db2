"""``qabot mcp`` as a subprocess, driven by the mcp SDK's own stdio client."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError

from conftest import SEED_TITLE, SEEDS, WANG_1, WANG_2, run


@pytest.fixture
def seed_index(isolated, tmp_path) -> Path:
    """The bundled seeds/ indexed into a temporary folder through the CLI."""
    index = tmp_path / "seed-index"
    built = run("index", "--index", str(index), str(SEEDS))
    assert built.returncode == 0, built.stderr
    return index


def _session(index: Path, tmp_path: Path, errors):
    env = {k: os.environ[k] for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "QABOT_STATE_DIR", "NO_COLOR")}
    if "PYTHONPATH" in os.environ:  # the server runs the same qabot as the tests (a worktree's, not the install's)
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    params = StdioServerParameters(command=sys.executable, args=["-m", "qabot", "mcp", "--index", str(index)],
                                   env=env, cwd=str(tmp_path))
    return stdio_client(params, errlog=errors)


def _talk(index: Path, tmp_path: Path, script) -> tuple[object, str]:
    """Run ``script(session)`` against a fresh ``qabot mcp``; its result and what the server wrote on stderr."""
    errors_path = tmp_path / "mcp-stderr.txt"

    async def main():
        with open(errors_path, "w") as errors:
            async with _session(index, tmp_path, errors) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    return await script(session)

    result = asyncio.run(main())
    return result, errors_path.read_text()


def test_ask_over_mcp_gives_wangs_two_ukraine_quotes(seed_index, tmp_path):
    async def script(session):
        tools = await session.list_tools()
        answer = await session.call_tool("ask", {"question": "what did Wang say about Ukraine", "k": 3})
        quotes = await session.call_tool("quotes", {"name": "Wang", "about": "Ukraine"})
        return tools, answer, quotes

    (tools, answer, quotes), stderr = _talk(seed_index, tmp_path, script)
    names = {t.name for t in tools.tools}
    assert {"ask", "quotes", "list_articles", "get_article"} <= names
    said = [q["text"] for q in quotes.structured_content["quotes"]]
    assert WANG_2 in said and any(WANG_1.startswith(s) or s.startswith("“On the Ukraine issue") for s in said)
    assert not answer.is_error
    got = answer.structured_content
    assert got == json.loads(answer.content[0].text)
    expected = json.loads(run("ask", "--index", str(seed_index), "--json", "-k", "3", "what did Wang say about Ukraine").stdout)
    assert got == expected  # exactly the ask --json contract
    assert got["question"] == "what did Wang say about Ukraine" and got["no_answer"] is False
    top = got["answers"][:2]
    assert {a["text"] for a in top} == {WANG_1, WANG_2}
    for a in top:
        assert a["article"]["title"] == SEED_TITLE
        assert a["article"]["path"].endswith("000_dfce30cfe0989a0b.txt")
        assert a["paragraph"] in (13, 14)
    assert stderr == ""


def test_articles_tools_resources_and_errors(seed_index, tmp_path):
    async def script(session):
        listed = await session.call_tool("list_articles", {})
        article_id = listed.structured_content["articles"][0]["id"]
        para = await session.call_tool("get_article", {"id": article_id, "paragraphs": [14]})
        whole = await session.call_tool("get_article", {"id": article_id})
        missing = await session.call_tool("get_article", {"id": "nope"})
        bad_para = await session.call_tool("get_article", {"id": article_id, "paragraphs": [99]})
        bad_k = await session.call_tool("ask", {"question": "Wang", "k": 0})
        resources = await session.list_resources()
        read = await session.read_resource(f"qabot://articles/{article_id}")
        try:
            await session.read_resource("qabot://articles/nope")
            unread = None
        except MCPError as err:
            unread = err
        return listed, para, whole, missing, bad_para, bad_k, resources, read, unread

    (listed, para, whole, missing, bad_para, bad_k, resources, read, unread), stderr = _talk(seed_index, tmp_path, script)
    articles = listed.structured_content["articles"]
    assert [a["title"] for a in articles] == [SEED_TITLE]
    assert para.content[0].text == (f"{SEED_TITLE}\nBy Anton Troianovski · {SEEDS / '000_dfce30cfe0989a0b.txt'}\n\n"
                                    f"[14] {WANG_2}\n")
    assert f"\n\n[13] {WANG_1}\n\n[14] {WANG_2}\n" in whole.content[0].text
    assert missing.is_error and missing.content[0].text.endswith("no article with id 'nope'; list_articles gives the ids")
    assert bad_para.is_error and "there is no paragraph 99" in bad_para.content[0].text
    assert bad_k.is_error and "k must be between 1 and 50, got 0" in bad_k.content[0].text
    for result in (missing, bad_para, bad_k):
        assert "\n" not in result.content[0].text and "Traceback" not in result.content[0].text
    assert [str(r.uri) for r in resources.resources] == [f"qabot://articles/{articles[0]['id']}"]
    assert read.contents[0].text == whole.content[0].text
    assert unread is not None and "no article with id 'nope'" in str(unread)
    assert "Traceback" not in stderr


def test_mcp_without_an_index_starts_and_says_why_in_one_line(isolated, tmp_path):
    """No index yet: the server starts (a client is not left with a closed pipe), says why in one line on stderr, and
    stops when its client does (each call's error: tests/test_trial8.py)."""
    result = run("mcp", "--index", str(tmp_path / "none"), input="")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == (f"qabot mcp: warning: no index at {tmp_path / 'none'}; run qabot index --index "
                             f"{tmp_path / 'none'} PATH; the tools say so until it is built\n")


def test_calls_made_before_stdin_closes_are_answered(seed_index, tmp_path):
    """A client that writes its calls and closes stdin (a pipe, a batch script) gets every answer: the server stops
    only after answering them, with exit status 0 and nothing but protocol on stdout."""
    import subprocess

    def message(id_, method, params=None):
        body = {"jsonrpc": "2.0", "method": method, "params": params or {}}
        if id_ is not None:
            body["id"] = id_
        return json.dumps(body)

    lines = [message(1, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                       "clientInfo": {"name": "pipe", "version": "1"}}),
             message(None, "notifications/initialized")]
    lines += [message(10 + i, "tools/call", {"name": "ask", "arguments": {"question": "what did Wang say about Ukraine"}})
              for i in range(3)]
    lines.append(message(20, "tools/list"))
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-m", "qabot", "mcp", "--index", str(seed_index)], cwd=tmp_path,
                            input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    answers = {m["id"]: m for m in map(json.loads, result.stdout.splitlines())}
    assert set(answers) == {1, 10, 11, 12, 20}
    for i in (10, 11, 12):
        assert WANG_1[:40] in json.dumps(answers[i]["result"]) or "Ukraine" in json.dumps(answers[i]["result"])


def test_bad_arguments_are_one_line_and_no_quotes_says_why(seed_index, tmp_path):
    async def script(session):
        return (await session.call_tool("ask", {"question": "Wang", "k": "two"}),
                await session.call_tool("ask", {"k": 2}),
                await session.call_tool("quotes", {"name": "Nobody"}),
                await session.call_tool("quotes", {"name": "Wang", "about": "football"}),
                await session.call_tool("quotes", {"name": "Wang"}))

    (two, no_question, nobody, off_topic, wang), stderr = _talk(seed_index, tmp_path, script)
    assert two.is_error and two.content[0].text == ("Error executing tool ask: k: input should be a valid integer, "
                                                    "unable to parse string as an integer, got 'two'")
    assert no_question.is_error and no_question.content[0].text == "Error executing tool ask: question: field required"
    cli = run("quotes", "--index", str(seed_index), "Nobody")
    assert cli.stdout == "No quotes: no article names 'Nobody'.\n"
    assert not nobody.is_error and nobody.structured_content["quotes"] == []
    assert nobody.structured_content["message"] == "no article names 'Nobody'"  # as the CLI says it
    assert off_topic.structured_content["message"].startswith("no words of 'Wang' about 'football' in ")
    assert wang.structured_content["message"] is None and wang.structured_content["quotes"]
    assert "Traceback" not in stderr


def test_the_tools_answer_from_the_index_as_qabot_index_left_it(isolated, tmp_path):
    corpus = isolated / "mynews"
    corpus.mkdir()
    (corpus / "bridge.txt").write_text("Bridge news\n\nThe bridge closes for six weeks from 4 May.\n", encoding="utf-8")
    index = tmp_path / "idx"
    assert run("index", "--index", str(index), str(corpus)).returncode == 0

    async def script(session):
        before = await session.call_tool("ask", {"question": "what is the baby giraffe called"})
        (corpus / "zoo.txt").write_text("Zoo news\n\nThe baby giraffe is called Kito.\n", encoding="utf-8")
        built = await asyncio.to_thread(run, "index", "--index", str(index), str(corpus))  # while the server runs
        assert built.returncode == 0, built.stderr
        after = await session.call_tool("ask", {"question": "what is the baby giraffe called"})
        listed = await session.call_tool("list_articles", {})
        resources = await session.list_resources()
        return before, after, listed, resources

    (before, after, listed, resources), stderr = _talk(index, tmp_path, script)
    assert before.structured_content["no_answer"] and "in 1 article" in before.structured_content["message"]
    assert after.structured_content["answers"][0]["text"] == "The baby giraffe is called Kito."
    assert [a["title"] for a in listed.structured_content["articles"]] == ["Bridge news", "Zoo news"]
    assert len(resources.resources) == 2
    assert "Traceback" not in stderr
