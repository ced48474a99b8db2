"""What trial 9 checked of issues 12 and 13 as a new user (the chat, the quotes command, the MCP server), on small real
articles written here: each test fails without its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, write_articles

FLOODS = """---
title: Floods force thousands from homes in northern Italy
author: Giulia Romano
date: 2026-05-14
---

Heavy rain swept across the Po valley on Tuesday, and rivers burst their banks in three provinces.

About 4,000 people were evacuated from their homes overnight as the water rose, the civil protection agency said.

The mayor of Ferrara, Anna Benedetti, said the city had opened two schools as shelters. "We have never seen the river this high," she said.

Farmers lost much of the spring crop. The industry group Coldiretti said damage to farms could exceed 500 million euros.
"""

WATER = """# Town council votes to replace old water pipes

By Tom Harris, 3 June 2026

The council of Millbrook voted on Monday to replace the town's lead water pipes over five years.

Sarah Nguyen, a chemist at the regional water laboratory, said lead levels in several homes were above the legal limit. "Nobody should have to worry about the water from their tap," Nguyen said.

Council leader Erik Lindqvist said the work would cost 12 million pounds. "The water is safe to drink while we do this," Lindqvist told reporters.
"""

SUMMIT = """Ministers meet in Lisbon

By Ana Costa

Foreign minister Karl Brandt met with Maria Duarte, Portugal's trade commissioner, at the Belem palace on Friday.

"We want more trains between our cities," Brandt said. Duarte said the talks had gone well.

On Thursday, Duarte met with Lukas Meyer, a German envoy, in Porto.
"""

SPEECH = """Mayor sets out his budget

By Lena Fox

Mayor Daniel Okoro spoke to the council on Monday. "This city has been through a hard winter," Okoro said. "The floods took homes and shops," he said. He thanked the volunteers who filled sandbags. Looking ahead, he said the budget had to make choices. "How much tax should families pay for the roads they use?" he asked.
"""


@pytest.fixture
def news(isolated) -> Path:
    """Four small articles indexed through the CLI into ``idx``."""
    folder = write_articles(isolated / "news", {"floods.md": FLOODS, "water.md": WATER, "summit.txt": SUMMIT,
                                                "speech.txt": SPEECH})
    result = run("index", str(folder), "--index", "idx")
    assert result.returncode == 0, result.stderr
    return folder


def _chat(*lines: str, k: int = 1, env: dict | None = None) -> str:
    result = run("chat", "--index", "idx", "-k", str(k), input="".join(f"{line}\n" for line in lines), env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _rewritten(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("→ ")]


def test_they_after_who_met_someone_is_the_two_of_them(news):
    """ "who met Brandt?" answered with "Karl Brandt met with Maria Duarte ...": "they" next is the two of them, and
    stays so while the questions go on about them; "who is X" makes no pair, so "they" is asked back."""
    output = _chat("who met Brandt?", "where did they meet?", "what did they say?")
    assert _rewritten(output) == ["→ where did Brandt and Maria Duarte meet?", "→ what did Brandt and Maria Duarte say?"]
    where = output.split("Q: where did they meet?\n")[1].split("\n[1]")[0]
    assert "Belem" in where and "Not sure" not in where, where  # unsure with "they" left as a stopword
    # the pair is more recent than a group asked about before it; a group asked about after it is "they" again
    later = _chat("what did the industry group say", "who met Brandt?", "where did they meet?",
                  "what did the industry group say", "what did they say?")
    assert _rewritten(later) == ["→ where did Brandt and Maria Duarte meet?", "→ what did the industry group say?"]
    # one the articles never show speaking: the question's name
    envoy = _chat("who met Meyer?", "when did they meet?")
    assert _rewritten(envoy) == ["→ when did Meyer and Duarte meet?"]
    assert "On Thursday, Duarte met with Lukas Meyer" in envoy.split("Q: when did they meet?\n")[1]
    alone = _chat("who is Maria Duarte?", "where did they meet?", "what did they say?")
    assert _rewritten(alone) == []
    assert "who do you mean by 'they'?" in alone.split("Q: what did they say?\n")[1]


def test_quotes_on_a_topic_keep_the_speakers_sentences_beside_it_not_the_whole_paragraph(news):
    """One paragraph, five of the mayor's sentences: on "tax" the one that asks about tax and the one leading into it,
    not his words on the winter and the floods further back."""
    result = run("quotes", "Okoro", "--about", "tax", "--index", "idx", "--json")
    assert result.returncode == 0, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ["Looking ahead, he said the budget had to make choices.",
                     "“How much tax should families pay for the roads they use?” he asked."
                     if "“" in texts[-1] else "\"How much tax should families pay for the roads they use?\" he asked."]
    everything = run("quotes", "Okoro", "--index", "idx", "--json")
    assert len(everything.stdout.splitlines()) >= 4  # without a topic, every sentence of his


def test_help_wraps_each_command_under_itself_at_the_terminals_width(news):
    output = _chat("/help", "help", env={"COLUMNS": "70"})
    lines = output.splitlines()
    assert all(len(line) <= 70 for line in lines), [line for line in lines if len(line) > 70]
    why = next(i for i, line in enumerate(lines) if line.startswith("  /why N"))
    assert lines[why + 1].startswith(" " * 30) and lines[why + 1].strip()  # its description goes on under itself
    assert output.count("Commands:") == 2  # bare "help" is the command too


def test_follow_up_rules_of_issue_13_through_the_piped_chat(news):
    """Issue 13, item 4: a pronoun with no one before it is asked back; "she" is the one asked about, not the last
    speaker; `more` says when there is nothing more; bare exit/quit/help/? are commands; /clear resets /sources."""
    output = _chat("what did she say?", "who is Sarah Nguyen", "what did she say about water?", "more", "/sources",
                   "/clear", "/sources", "?", "exit", "never asked")
    assert "Q: what did she say?\nwho do you mean by 'she'?\n" in output
    assert "→ what did Nguyen say about water?" in output
    assert "No answer: Nguyen has nothing more about water in the articles." in output
    assert output.split("Q: /sources\n")[1].startswith("1 article cited so far:")
    assert output.split("Q: /sources\n")[2].startswith("no articles cited yet")
    assert "Commands:" in output.split("Q: ?\n")[1]
    assert "never asked" not in output
    assert "exit from" not in output


def test_mcp_quotes_on_a_topic_through_the_sdk_client(news, isolated, tmp_path):
    from test_mcp import _talk

    async def script(session):
        quotes = await session.call_tool("quotes", {"name": "Okoro", "about": "tax"})
        asked = await session.call_tool("ask", {"question": "what did the mayor of Ferrara say?", "k": 1})
        return quotes, asked

    (quotes, asked), _ = _talk(isolated / "idx", tmp_path, script)
    assert not quotes.is_error and not asked.is_error
    found = json.loads(quotes.content[0].text)["quotes"]
    assert [q["text"].split()[0] for q in found] == ["Looking", found[1]["text"].split()[0]]
    assert len(found) == 2 and "tax" in found[1]["text"]
    answer = json.loads(asked.content[0].text)
    assert not answer["no_answer"] and answer["answers"][0]["article"]["path"].endswith("floods.md")


def test_a_lower_case_misspelt_name_beside_an_acronym_is_corrected(isolated):
    """ "lybia" in a question that writes only an acronym ("the US") with capitals: the asker does not show that they
    capitalise names, so the word may be a misspelt name ("Libya"), as in a question typed all in lower case."""
    folder = write_articles(isolated / "news", {"assets.txt": (
        "Libya pulls assets from US banks\n\nLibya has withdrawn $1bn in assets from the US, the Libyan central bank "
        "has said.\n\nThe money had been frozen for almost 20 years.\n")})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    result = run("ask", "--index", "idx", "--json", "-k", "1", "how much did lybia withdraw from the US")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert "Libya" in answer["searched"] and not answer["no_answer"]
    assert answer["answers"][0]["text"].startswith("Libya has withdrawn $1bn")


def test_help_me_and_bye_are_commands_in_the_chat_and_on_the_page(news, isolated):
    """ "help me", "What can I ask?" and "bye" were searched for in the articles ("help me": a sentence holding
    "help"); a word of them inside a question still asks it."""
    output = _chat("help me", "What can I ask?", "what did the mayor say about the river", "bye", "never asked")
    assert output.count("Commands:") == 2
    assert "“We have never seen the river this high,”" in output or '"We have never seen the river this high,"' in output
    assert "never asked" not in output
    from test_web import Server

    server = Server(isolated / "idx", isolated)
    try:
        import http.cookiejar
        import urllib.parse
        import urllib.request

        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

        def page(q: str) -> str:
            query = urllib.parse.urlencode({"q": q})
            return opener.open(server.url.rstrip("/") + "/?" + query, timeout=30).read().decode("utf-8")

        helped = page("help me")
        assert "Follow up:" in helped and '<li class="answer"' not in helped
        assert "are there? · who wrote" in helped  # not "are there?;"
        assert "to leave, close the page" in page("bye")
        page("who met Brandt?")
        met = page("where did they meet?")
        assert "→ where did Brandt and Maria Duarte meet?" in met
    finally:
        assert "Traceback" not in server.stop()


TORIES = """Tories set out school plans

Conservative leader Michael Howard said schools needed more discipline. A spokesman for Michael Howard said the party would publish its costings next week. "He has always backed grammar schools," the spokesman said.

Sir Howard Newby, head of the funding council, said universities must reach out to pupils earlier. Sir Howard said the gap between rich and poor areas was entrenched.

Economist Howard Archer said house prices were slowing. Analysts said the figures were mixed.

A Labour Party spokesman said the plans were uncosted.
"""


def test_quotes_of_a_surname_are_that_persons_own_words(isolated):
    """`quotes Howard` over BBC listed Michael Howard's spokesman, Sir Howard Newby ("Sir Howard said"), and
    "Analysts said" after "analyst Howard Archer": none is Michael Howard speaking. A body's spokesman is still the
    body ("A Labour Party spokesman" for Labour)."""
    folder = write_articles(isolated / "news", {"tories.txt": TORIES})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    result = run("quotes", "Howard", "--index", "idx", "--json")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == [
        "Conservative leader Michael Howard said schools needed more discipline."]
    newby = run("quotes", "Sir Howard Newby", "--index", "idx", "--json")
    assert len(newby.stdout.splitlines()) == 2  # asked for by his name, he is found
    labour = run("quotes", "Labour", "--index", "idx", "--json")
    assert [json.loads(line)["text"] for line in labour.stdout.splitlines()] == [
        "A Labour Party spokesman said the plans were uncosted."]


def test_answers_of_a_surname_are_that_persons_own_words(isolated):
    """The answers to "what did Howard say" apply the quotes command's rule (``speaker_matching.not_their_own``):
    over BBC, "what did Howard say about tuition fees" put first "A spokesman for Michael Howard said ...", and
    next "said its chief executive, Sir Howard Newby". Asked by their own names, the others still speak."""
    folder = write_articles(isolated / "news", {"tories.txt": TORIES})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    questions = ["what did Howard say about grammar schools", "what did Howard say about universities",
                 "what did Michael Howard say about costings", "what did Sir Howard Newby say about universities",
                 "what did Labour say about the plans"]
    result = run("ask", "--index", "idx", "--json", "-", input="".join(q + "\n" for q in questions))
    assert result.returncode == 0, result.stderr
    grammar, universities, costings, newby, labour = (json.loads(line) for line in result.stdout.splitlines())
    for answer in (grammar, universities, costings):  # Michael Howard's own words are about discipline only
        texts = [a["text"] for a in answer["answers"]]
        assert not any("spokesman" in t or "Newby" in t or "Sir Howard" in t for t in texts), texts
    assert grammar["answers"][0]["text"] == "Conservative leader Michael Howard said schools needed more discipline."
    assert universities["no_answer"]  # only Sir Howard Newby spoke of them    assert "Sir Howard Newby" in newby["answers"][0]["text"] and not newby["unsure"]
    assert "A Labour Party spokesman" in labour["answers"][0]["text"]
