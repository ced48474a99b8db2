"""What a new user met in trial 8 (catalog questions, the CLI, chat, web page and MCP server), on small real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, write_articles
import test_web

browser = test_web.browser
"""Headless Chromium, as the web page's tests drive it."""

CARPARK = """Hospital car park charges to double from April

Author: Priya Desai
Date: 2026-03-02

Patients and visitors at Kingsmere General Hospital will pay £4 an hour to park from 1 April, double the current charge, the hospital trust has confirmed.

Chief executive Helen Marsh said the decision had not been taken lightly. "Nobody wants to charge patients more, but the car park is unsafe and we have no other budget to fix it," she said.

The Kingsmere Patients' Forum called the rise "a tax on the sick". Its chair, Derek Oyelaran, said: "People coming in for dialysis three times a week will pay hundreds of pounds a year. That is not fair."

Local councillor Fiona Blake said she would raise the issue at the next health scrutiny meeting.
"""

INSPECTION = """---
title: "Ofsted rates Hartley Green primary 'requires improvement'"
author: Tom Whitaker
date: 2026-02-11
tags: [schools, education]
---

# Ofsted rates Hartley Green primary 'requires improvement'

Hartley Green Primary School has been rated "requires improvement" by Ofsted, two years after it was judged good.

Head teacher Anita Kowalczyk said staff were "disappointed but determined". "We accept the findings on early reading and we already have a new phonics scheme in place," she said.

The school has 412 pupils aged four to eleven.
"""

TIMETABLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>New rail timetable cuts direct trains to the capital - Coastline News</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"New rail timetable cuts direct trains to the capital","datePublished":"2026-05-20T07:00:00Z","author":{"@type":"Person","name":"Grace Adeyemi"}}
</script></head>
<body><main>
<h1>New rail timetable cuts direct trains to the capital</h1>
<p>Passengers in Saltby will lose four of their six direct trains a day to London when the new timetable starts on 14 June, Harbour Rail has announced.</p>
<p>The Saltby Rail Users' Group said the decision was a blow to commuters. Its secretary, Alan Forbes, said: "Hundreds of people travel to London every day from here. A change at Brackwell in winter is miserable."</p>
</main></body></html>
"""

VETS = """Vet practice closure leaves farmers facing 40-mile trip

By Hamish Reid, 12 November 2026

Farmers in the upper Glen Tarr valley face a round trip of 40 miles for emergency care after the only large-animal vet practice in the area closed on Friday.

Its owner, Dr Kirsty Lamond, said she had advertised two posts for more than a year without a single applicant.
"""

UNDATED = """Corn Exchange roof destroyed by fire

A fire has destroyed the roof of the Grade II listed Corn Exchange in Wexley, one of the town's oldest buildings.
"""

TITLES = {"carpark.txt": "Hospital car park charges to double from April",
          "inspection.md": "Ofsted rates Hartley Green primary 'requires improvement'",
          "timetable.html": "New rail timetable cuts direct trains to the capital",
          "vets.txt": "Vet practice closure leaves farmers facing 40-mile trip",
          "zfire.txt": "Corn Exchange roof destroyed by fire"}


@pytest.fixture
def news(isolated) -> Path:
    """Five articles of several formats (four dated, one not) indexed through the CLI into ``idx``."""
    folder = write_articles(isolated / "news", {"carpark.txt": CARPARK, "inspection.md": INSPECTION,
                                                "timetable.html": TIMETABLE, "vets.txt": VETS, "zfire.txt": UNDATED})
    result = run("index", str(folder), "--index", "idx")
    assert result.returncode == 0, result.stderr
    return folder


def _ask(*question: str, k: int = 3) -> dict:
    result = run("ask", "--index", "idx", "--json", "-k", str(k), *question)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("question", ["how many articles are there?", "what articles do you have?", "list the articles",
                                      "How many stories do you have", "show me all the articles"])
def test_how_many_articles_gives_the_count_and_every_title(news, question):
    got = _ask(question, k=1)  # five articles are listed whole, whatever k
    assert not got["no_answer"] and got["heading"] == "5 articles" and got["listed"] == 5
    assert [a["text"] for a in got["answers"]] == list(TITLES.values())  # by path, as qabot list
    assert {a["field"] for a in got["answers"]} == {"title"}
    shown = run("ask", "--index", "idx", question)
    assert shown.stdout.startswith("5 articles:\n[1] Hospital car park charges to double from April\n"
                                   "    — news/carpark.txt · Priya Desai · 2026-03-02\n"), shown.stdout


def test_newest_and_oldest_article_by_the_dates_the_articles_give(news):
    newest = _ask("what is the latest article?", k=1)
    assert [a["text"] for a in newest["answers"]] == [TITLES["vets.txt"]]
    assert newest["heading"] == "4 dated articles, newest first (1 gives no date)" and "listed" not in newest
    assert [a["text"] for a in _ask("which story is the oldest", k=2)["answers"]] == [TITLES["inspection.md"],
                                                                                     TITLES["carpark.txt"]]
    assert _ask("what is the newest article")["answers"][1]["text"] == TITLES["timetable.html"]
    # a question about the articles' contents is not one about the collection
    assert _ask("what is the first article of the treaty")["no_answer"]


def test_a_long_collection_is_listed_k_at_a_time_with_a_pointer_to_qabot_list(isolated):
    folder = write_articles(isolated / "many", {f"{n:02}.txt": f"Story number {n}\n\nThe council met on day {n}.\n"
                                                for n in range(1, 13)})
    assert run("index", str(folder), "--index", "idx").returncode == 0
    shown = run("ask", "--index", "idx", "-k", "2", "how many articles are there")
    assert shown.stdout.splitlines()[:2] == ["12 articles; the first 2 by path (qabot list lists them all):",
                                             "[1] Story number 1"]
    chat = run("chat", "--index", "idx", "-k", "2", input="list the articles\nmore\nhow many articles\n")
    assert "12 articles; 3 to 4 by path (qabot list lists them all):\n[3] Story number 3" in chat.stdout
    one = run("chat", "--index", "idx", "-k", "1", input="list the articles\nmore\n").stdout
    assert "12 articles; the first by path (qabot list" in one and "12 articles; number 2 by path (qabot list" in one
    undated = run("ask", "--index", "idx", "what is the newest article")
    assert undated.stdout == "No answer: none of the 12 articles gives a date.\n"


def test_chat_who_wrote_the_newest_article(news):
    chat = run("chat", "--index", "idx", "-k", "1", input="what is the newest article?\nwho wrote it?\n")
    assert chat.returncode == 0, chat.stderr
    assert "> Hamish Reid\n[1] Vet practice closure" in chat.stdout


def test_mcp_started_before_the_index_is_built_says_why_then_answers(isolated, tmp_path):
    """A client configured before ``qabot index`` ran: the handshake works, each call's error says what to do, and
    once the index is built the same server answers from it."""
    import asyncio

    from test_mcp import _talk

    index = tmp_path / "late-index"
    folder = write_articles(isolated / "news", {"carpark.txt": CARPARK})

    async def script(session):
        tools = sorted(t.name for t in (await session.list_tools()).tools)
        before = await session.call_tool("ask", {"question": "what did Helen Marsh say"})
        listed = await session.call_tool("list_articles", {})
        resources = await session.list_resources()
        built = await asyncio.to_thread(run, "index", "--index", str(index), str(folder))
        assert built.returncode == 0, built.stderr
        after = await session.call_tool("ask", {"question": "how many articles are there?"})
        return tools, before, listed, resources, after

    (tools, before, listed, resources, after), stderr = _talk(index, tmp_path, script)
    assert tools == ["ask", "get_article", "list_articles", "quotes"]
    why = f"no index at {index}; run qabot index --index {index} PATH"
    assert before.is_error and before.content[0].text == f"Error executing tool ask: {why}"
    assert listed.is_error and listed.content[0].text.endswith(why)
    assert resources.resources == []
    assert not after.is_error and after.structured_content["heading"] == "1 article"
    assert stderr == f"qabot mcp: warning: {why}; the tools say so until it is built\n"


def test_a_relative_index_in_the_config_is_from_the_config_files_folder(news, isolated, tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "a relative path is from this file's folder" in readme
    assert "a relative path is from the config's folder" in " ".join(run("--help").stdout.split())
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "config.toml").write_text('index = "../work/idx"\nk = 1\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"QABOT_CONFIG": str(conf / "config.toml")}
    got = run("ask", "--json", "what did Helen Marsh say", env=env, cwd=elsewhere)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["answers"][0]["article"]["title"] == TITLES["carpark.txt"]
    (conf / "config.toml").write_text('index = "../nothere"\n')
    missing = run("ask", "x", env=env, cwd=elsewhere)
    assert (missing.returncode, missing.stderr) == (4, f"qabot: error: no index at {tmp_path / 'nothere'} (the config's "
                                                       f"index); run qabot index --index {tmp_path / 'nothere'} PATH\n")


def test_answers_after_a_sure_first_one_that_would_not_be_sure_are_shown_as_less_likely(news):
    got = _ask("what did people say about London")
    assert not got["unsure"] and got["answers"][0]["confidence"] >= 0.5
    assert [a["confidence"] < 0.5 for a in got["answers"]] == [False, True, True]
    shown = run("ask", "--index", "idx", "what did people say about London").stdout
    first, label, second, third = shown.strip("\n").split("\n\n")  # a heading over the two answers under it
    assert "Less likely" not in first and label == "Less likely:" and second.startswith("> ") and third.startswith("> ")
    several = run("ask", "--index", "idx", "who will pay more").stdout  # not sure: a heading over both answers
    assert several.startswith("Not sure: closest passages\n\n> ") and several.count("\n[") == 2
    speech = run("ask", "--index", "idx", "what did the school say").stdout  # the speaker's words: each likely
    assert "Less likely" not in speech and "[2]" in speech


def test_more_after_a_not_sure_answer_says_so_again(news):
    chat = run("chat", "--index", "idx", "-k", "1", input="who will pay more\nmore\n")
    assert chat.returncode == 0, chat.stderr
    first, more = chat.stdout.split("Q: more\n")
    assert "Not sure: closest passages\n> " in first
    assert more.startswith("→ who will pay more\nNot sure: more of the closest passages\n> "), more


@pytest.fixture
def news_server(news, isolated):
    """``qabot serve`` over the five articles."""
    from test_web import served

    with served(isolated / "idx", isolated) as srv:
        yield srv


def test_web_lists_the_articles_and_shows_less_likely_answers(news_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from test_web import _after_load

    browser.get(news_server.url + "?q=what+articles+do+you+have%3F")
    assert browser.find_element(By.CSS_SELECTOR, "#t1 .heading").text == "5 articles:"
    listed = browser.find_elements(By.CSS_SELECTOR, "#t1 .articles li")
    assert [li.find_element(By.TAG_NAME, "a").text for li in listed] == list(TITLES.values())
    assert listed[0].find_element(By.CSS_SELECTOR, ".source").text == "news/carpark.txt · Priya Desai · 2026-03-02"
    browser.find_element(By.ID, "q").send_keys("what did people say about London" + Keys.ENTER)
    _after_load(browser, "#t2 .answer")
    labels = browser.find_elements(By.CSS_SELECTOR, "#t2 .unsure")
    assert [p.text for p in labels] == ["Less likely:"]
    numbers = [li.get_attribute("value") for li in browser.find_elements(By.CSS_SELECTOR, "#t2 .answer")]
    assert numbers == ["1", "2", "3"]
    assert browser.execute_script(  # the label stands between answers 1 and 2
        "const [a, b] = document.querySelectorAll('#t2 .answer'); const l = document.querySelector('#t2 .unsure');"
        "return a.getBoundingClientRect().bottom <= l.getBoundingClientRect().top && "
        "l.getBoundingClientRect().bottom <= b.getBoundingClientRect().top")
    browser.get(news_server.url + "?q=what+is+the+newest+article")
    newest = _after_load(browser, "#t3 .articles li a")[0]
    assert newest.text == TITLES["vets.txt"]
    browser.get(newest.get_attribute("href"))
    assert _after_load(browser, "article h1")[0].text == TITLES["vets.txt"]


def test_a_listing_keeps_a_date_unbroken_and_explain_says_what_it_is(news):
    shown = run("ask", "--index", "idx", "what is the newest article", env={"COLUMNS": "60"}).stdout
    assert "    — news/vets.txt · Hamish Reid · 12 November 2026\n" in shown
    explained = run("ask", "--index", "idx", "--explain", "what is the newest article").stdout
    assert explained.splitlines()[-1] == ("4 dated articles, newest first (1 gives no date): the articles' titles from "
                                          "the index's metadata, by the date each gives; nothing scored against the question")


def test_list_without_the_index_says_so_as_ask_does(isolated):
    listed = run("list", "--index", "nowhere")
    asked = run("ask", "--index", "nowhere", "x")
    assert (listed.returncode, listed.stderr) == (asked.returncode, asked.stderr) == (
        4, "qabot: error: no index at nowhere; run qabot index --index nowhere PATH\n")


def test_the_chat_welcome_wraps_at_words(news, isolated):
    from test_chat import chat_session
    from qabot.render import Style

    status, output, chat = chat_session(isolated / "idx", "\x04")
    assert status == 0
    assert all(len(line) <= 100 or " " not in line.strip() for line in output.splitlines())
    chat.style = Style(color=False, width=40)
    assert all(len(line) <= 40 or " " not in line.strip() for line in chat.welcome().splitlines())
    assert chat.welcome().split() == (f"qabot {__import__('qabot').__version__} · {chat.summary()} Ask a question about "
                                      "the articles; /help lists commands, Ctrl-D leaves.").split()


def test_a_question_word_alone_after_what_someone_said_asks_of_their_saying_it(news):
    chat = run("chat", "--index", "idx", "-k", "1", input="what did Alan Forbes say\nwhen?\n"
               "what did Alan Forbes say about winter\nwhy?\nhow many pupils had places\nwhere?\n")
    assert chat.returncode == 0, chat.stderr
    rewritten = [line for line in chat.stdout.splitlines() if line.startswith("→ ")]
    assert rewritten == ["→ when did Alan Forbes say that", "→ why did Alan Forbes say that about winter",
                         "→ where did pupils have places"]


def test_it_after_a_refused_question_about_an_article_is_not_an_older_answers_article(news):
    chat = run("chat", "--index", "idx", "-k", "1",
               input="what did Helen Marsh say\nwho wrote the article about zebras\nwho wrote it?\n")
    assert chat.returncode == 0, chat.stderr
    last = chat.stdout.split("Q: who wrote it?\n")[1]
    assert last.startswith("No answer: which article? there are 5;"), last
    assert "Priya Desai" not in last
    kept = run("chat", "--index", "idx", "-k", "1", input="what did Helen Marsh say\nwho wrote it?\n")
    assert "> Priya Desai\n" in kept.stdout
    listed = run("chat", "--index", "idx", input="what did Helen Marsh say\nlist the articles\nwho wrote it?\n")
    assert listed.stdout.split("Q: who wrote it?\n")[1].startswith("No answer: which article? there are 5;")


def test_the_examples_of_help_and_the_page_ask_about_these_articles_own_speakers(news_server, news):
    import re

    status, home, _ = news_server.get("/")
    assert status == 200
    links = re.findall(r'<p class="hint">.*?<a href="/\?([^"]+)">([^<]+)</a>', home)
    assert links and "Wang" not in home
    asked = links[0][1]
    assert asked.startswith("what did ") and asked.endswith(" say")
    status, answered, _ = news_server.get("/?" + links[0][0].replace("&amp;", "&"))
    assert status == 200 and '<li class="answer"' in answered and "No answer" not in answered
    status, helped, _ = news_server.get("/?q=help")
    assert asked in helped
    chat = run("chat", "--index", "idx", input="/help\n")
    assert f"Ask a question: {asked}  ·  how many articles are there?" in chat.stdout


def test_how_many_articles_mention_a_topic_counts_and_lists_them(news, isolated):
    got = _ask("how many articles mention people")
    assert got["heading"] == "2 of the 5 articles mention 'people', best match first" and "listed" not in got
    assert sorted(a["text"] for a in got["answers"]) == sorted([TITLES["carpark.txt"], TITLES["timetable.html"]])
    one = _ask("which stories are about the hospital?")
    assert one["heading"] == "1 of the 5 articles mentions 'hospital'"
    assert [a["text"] for a in one["answers"]] == [TITLES["carpark.txt"]]
    none = _ask("list the articles about zebras")
    assert none["no_answer"] and none["message"] == "no article mentions 'zebras' in 5 articles"
    many = write_articles(isolated / "many", {f"{n:02}.txt": f"Story {n}\n\nThe council met on day {n}.\n"
                                              for n in range(1, 13)})
    assert run("index", str(many), "--index", "idx12").returncode == 0
    cut = run("ask", "--index", "idx12", "-k", "2", "which articles mention the council").stdout
    assert cut.splitlines()[0] == "12 of the 12 articles mention 'council', best match first:"
    assert cut.count("\n[") == 2 and "qabot list" not in cut  # two of them; qabot list lists all, not these


def test_the_latest_article_on_a_topic(news):
    got = _ask("what is the latest article about London?")
    assert got["heading"] == "the only dated article mentioning 'London'"
    assert [a["text"] for a in got["answers"]] == [TITLES["timetable.html"]]
    two = _ask("what's the latest news on the school", k=1)
    assert [a["text"] for a in two["answers"]] == [TITLES["inspection.md"]]
    undated = _ask("what is the newest story about the Corn Exchange")
    assert undated["no_answer"] and undated["message"] == "the article that mentions 'Corn Exchange' gives no date"
