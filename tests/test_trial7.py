"""What a new user met in trial 7 (CLI, chat, summaries, metadata, web, MCP), each on small real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, write_articles
import test_web

browser = test_web.browser
"""Headless Chromium, as the web page's tests drive it."""

LIBRARY = """# Library hours to be cut as council seeks savings

By Maria Okafor

30 June 2026

Easton's central library will open four days a week instead of six from September, the council said.

The council's finance chief, Mark Oduya, warned that the authority faced a £4.2 million gap in its budget. The library cuts would save about £180,000 a year, he said.

Campaigners from Friends of Easton Library said they had collected 3,500 signatures against the cuts. They accused the council of closing the library by stealth.

The library's manager, Ruth Lindqvist, said about 2,000 people use the library each week.

A council statement said the decision would be reviewed in a year.
"""

BRIDGE = """# Council votes to close Harlow Street bridge for repairs

By Maria Okafor

14 March 2026

The Harlow Street bridge in Easton will close for nine months from 1 May, the town council decided on Tuesday by 7 votes to 4.

Council leader Deborah Ashworth said the closure was "painful but unavoidable". Ashworth added that engineers had found rust in 40 of the bridge's 112 steel beams.

The mayor said residents would get a free shuttle bus across the river during the works. She promised that the bus would run every 15 minutes.

Local traders warned that the closure could cost them up to £2 million in lost sales.

Opposition councillor Tom Reyes voted against. He said the council should have repaired the bridge years ago. He also claimed that the repair bill, £6.4 million, had doubled because of the delay.
"""

FACTORY = """# Marlow Foods to cut 310 jobs at Elmsford plant

By Sarah Whitcombe

Published 21 January 2026

Marlow Foods will cut 310 jobs at its Elmsford biscuit factory and move production to Poland, the company announced on Monday.

Chief executive Paul Andersson said the decision had been "the hardest of my career". He said rising energy costs had made the plant unprofitable.

The union Unite described the move as a betrayal of a loyal workforce. Regional officer Janet Mbeki said the union would fight every job loss.
"""


@pytest.fixture
def news(isolated) -> Path:
    """Three local-news articles indexed through the CLI into ``idx``."""
    folder = write_articles(isolated / "news", {"library.md": LIBRARY, "bridge.md": BRIDGE, "factory.md": FACTORY})
    result = run("index", str(folder), "--index", "idx")
    assert result.returncode == 0, result.stderr
    return folder


def test_quotes_takes_a_name_of_several_words_without_quotes(news):
    unquoted = run("quotes", "Deborah", "Ashworth", "--index", "idx", "--json")
    quoted = run("quotes", "Deborah Ashworth", "--index", "idx", "--json")
    assert unquoted.returncode == 0, unquoted.stderr
    assert unquoted.stdout == quoted.stdout
    assert [json.loads(line)["paragraph"] for line in unquoted.stdout.splitlines()] == [2, 2]
    title = run("quotes", "the", "mayor", "--index", "idx")
    assert title.returncode == 0, title.stderr
    assert "> The mayor said residents would get a free shuttle bus" in title.stdout
    # a word no command takes points to that command's help, not the top one
    wrong = run("quotes", "Ashworth", "--bogus", "--index", "idx")
    assert wrong.returncode == 2
    assert wrong.stderr == "qabot: error: unrecognized arguments: --bogus (try: qabot quotes --help)\n"


@pytest.fixture
def news_server(news, isolated):
    """``qabot serve`` over the three articles."""
    from test_web import served

    with served(isolated / "idx", isolated) as srv:
        yield srv


def test_web_page_on_a_narrow_screen_metadata_citation_and_help(news_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from test_web import _after_load

    browser.set_window_size(400, 800)
    browser.get(news_server.url + "?q=what+did+the+chief+executive+say+about+energy+costs")
    first = browser.find_element(By.CSS_SELECTOR, "#t1 .answer")
    assert "rising energy costs" in first.find_element(By.TAG_NAME, "blockquote").text
    badge = first.find_element(By.CSS_SELECTOR, ".who")
    assert badge.text == "Paul Andersson"
    # the speaker's badge is one box, never broken over two lines, whatever the width puts it at a line's end
    broken = []
    for width in range(360, 760, 8):
        browser.set_window_size(width, 800)
        if browser.execute_script("return arguments[0].getClientRects().length", badge) != 1:
            broken.append(width)
    assert broken == []
    browser.set_window_size(400, 800)
    # nothing runs off the side of a phone's screen: the question box and its buttons wrap to fit
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    # an answer from the article's byline is cited as the terminal cites it, not as paragraph 0
    browser.find_element(By.ID, "q").send_keys("who wrote the article about the bridge" + Keys.ENTER)
    cited = _after_load(browser, "#t2 .answer")[0]
    assert cited.find_element(By.TAG_NAME, "blockquote").text == "Maria Okafor"
    source = cited.find_element(By.CSS_SELECTOR, ".source").text
    assert source.endswith("bridge.md, the article's byline") and "¶" not in source
    # help is the page's help, not a question about the word "help"; "more" after it has nothing to go on
    browser.find_element(By.ID, "q").send_keys("help" + Keys.ENTER)
    note = _after_load(browser, "#t3 .note")[0].text
    assert note.startswith("Ask a question about the articles") and "who said that?" in note
    assert browser.find_elements(By.CSS_SELECTOR, "#t3 .no-answer") == []
    browser.find_element(By.ID, "q").send_keys("exit" + Keys.ENTER)
    assert "close the page" in _after_load(browser, "#t4 .note")[0].text
    # the list of articles says who wrote each and when, as qabot list does
    browser.get(news_server.url + "articles")
    listed = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".articles li")]
    assert "Library hours to be cut as council seeks savings Maria Okafor · 30 June 2026 · news/library.md" in listed


def test_chat_they_for_a_group_another_group_and_who_said_that_after_no_answer(news, isolated):
    from test_chat import chat_session

    status, output, chat = chat_session(
        isolated / "idx",
        "what did the campaigners say\r",
        "what did they accuse the council of\r",  # they: the group just asked about
        "and the union?\r",  # another speaker, by its role: what it said, on the same topic
        "what did the fire service say\r",  # no answer
        "who said that?\r",
        "\x04", k=1)
    assert status == 0
    assert "→ what did the campaigners accuse the council of" in output
    assert "who do you mean by 'they'?" not in output
    assert "→ what did the union say about the council\n" in output  # not "... about the council of"
    said = output[output.rindex("the fire service"):]
    assert "the last question got no answer" in said
    assert "first sentence gives no one's words" not in said


def test_chat_lines_more_then_who_said_that(news):
    result = run("chat", "--index", "idx", "-k", "2",
                 input="what did Reyes claim\nmore\nwho said that?\nwhat about energy?\nand the mayor?\n"
                       "what about the council?\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "No answer: Reyes has nothing more in the articles." in lines
    # the answers before "more" are the last shown: they are whose words "who said that?" names
    assert "Tom Reyes: the last answers shown give their words" in lines
    # a topic stays a topic; a role is a speaker ("and the mayor?"), though "what about the council?" asks about it
    assert "→ what did Reyes say about energy" in lines
    assert "→ what did the mayor say about energy" in lines
    assert "→ what did the mayor say about the council" in lines


@pytest.mark.parametrize("k", [2, 3, 4, 5, 6])
def test_a_summary_never_shows_a_sentence_without_the_one_it_leans_on(news, k):
    import re

    result = run("ask", "--index", "idx", "--json", "-k", str(k), "summarize the article about the library")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert answers[0]["text"].startswith("Easton's central library will open four days a week")
    texts = [a["text"] for a in answers]
    assert len(texts) == min(k, 8)
    article = (news / "library.md").read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.findall(r"[^.\n]+\.", article)]
    for text in texts:
        if text.startswith(("He ", "She ", "They ")) or re.search(r", (he|she|they) said\.$", text):
            before = sentences[sentences.index(text) - 1].strip()
            assert before in texts, (text, texts)


def test_author_and_date_lines_written_as_fields_are_the_byline_and_date(isolated):
    folder = write_articles(isolated / "meta", {
        "fares.txt": "Bus fares to rise\n\nAuthor: Kim Lee\nDate: 2026-05-02\n\n"
                     "Bus fares in Easton will rise by 10p from June, the operator said.\n",
        "ferry.txt": "Harbour notice\n\nBy: Joan Pons\n\nDated 3 May 2026\n\nThe ferry runs at noon from Monday.\n\n"
                     "Author: the harbour master, who wrote the notice.\n",
    })
    assert run("index", str(folder), "--index", "idx").returncode == 0
    listed = {a["title"]: a for a in map(json.loads, run("list", "--index", "idx", "--json").stdout.splitlines())}
    fares, ferry = listed["Bus fares to rise"], listed["Harbour notice"]
    assert (fares["byline"], fares["date_iso"], fares["passages"]) == ("Kim Lee", "2026-05-02", 1)
    assert (ferry["byline"], ferry["date_iso"]) == ("Joan Pons", "2026-05-03")
    asked = run("ask", "--index", "idx", "who wrote the article about bus fares")
    assert asked.returncode == 0 and asked.stdout.startswith("> Kim Lee\n")
    assert "the article's byline" in asked.stdout
    # a sentence of the body that opens with "Author:" stays in the body
    body = run("ask", "--index", "idx", "-k", "1", "who wrote the notice")
    assert "> Author: the harbour master, who wrote the notice." in body.stdout


def test_what_does_the_article_say_is_its_summary(news):
    asked = run("ask", "--index", "idx", "--json", "-k", "2", "what does the library article say")
    assert asked.returncode == 0, asked.stderr
    answers = json.loads(asked.stdout)["answers"]
    assert answers[0]["text"].startswith("Easton's central library will open four days a week")
    assert {a["article"]["path"].split("/")[-1] for a in answers} == {"library.md"}
    about = json.loads(run("ask", "--index", "idx", "--json", "what does the story about the bridge say?").stdout)
    assert about["answers"][0]["text"].startswith("The Harlow Street bridge in Easton will close")
    # a document the articles quote is still a speaker, not an article
    statement = json.loads(run("ask", "--index", "idx", "--json", "what did the council statement say").stdout)
    assert statement["answers"][0]["text"] == "A council statement said the decision would be reviewed in a year."
    # in the chat, "it" is the article of the last answer
    chat = run("chat", "--index", "idx", "-k", "1", input="how many jobs will Marlow Foods cut\nwhat does it say?\n")
    assert chat.stdout.count("> Marlow Foods will cut 310 jobs") == 2, chat.stdout


def test_mcp_lists_articles_by_the_paths_its_answers_cite(news, isolated):
    from test_mcp import _talk

    async def script(session):
        listed = await session.call_tool("list_articles", {})
        asked = await session.call_tool("ask", {"question": "what did the mayor say", "k": 1})
        article = await session.call_tool("get_article", {"id": asked.structured_content["answers"][0]["article"]["id"]})
        return listed, asked, article

    # the server runs in the folder that holds news/, so its answers cite news/bridge.md
    (listed, asked, article), stderr = _talk(isolated / "idx", isolated, script)
    cited = asked.structured_content["answers"][0]["article"]
    assert cited["path"] == "news/bridge.md"
    paths = {a["id"]: a["path"] for a in listed.structured_content["articles"]}
    assert paths[cited["id"]] == cited["path"]
    assert sorted(paths.values()) == ["news/bridge.md", "news/factory.md", "news/library.md"]
    assert "· news/bridge.md" in article.content[0].text.splitlines()[1]
    assert stderr == ""


def test_quotes_about_a_topic_of_several_words_need_the_whole_topic(isolated):
    folder = write_articles(isolated / "euro", {
        "a.txt": "Minister backs single currency\n\nThe minister said the single currency would help exporters.\n\n"
                 "Solving the housing crisis was the single most pressing task, the minister said.\n",
        "b.txt": "Minister on the pound\n\nThe minister said the currency markets were calm on Monday.\n",
    })
    assert run("index", str(folder), "--index", "idx").returncode == 0
    result = run("quotes", "the minister", "--about", "single currency", "--index", "idx", "--json")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == [
        "The minister said the single currency would help exporters."]
    one = run("quotes", "the", "minister", "--about", "currency", "--index", "idx", "--json")
    assert len(one.stdout.splitlines()) == 2  # one word: every paragraph that holds it


def test_chat_they_for_a_body_the_answer_names_as_one(news):
    result = run("chat", "--index", "idx", "-k", "1",
                 input="what did Unite say\nwhat did they call the move\nwhat did Andersson say\nwhat did they say\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # "The union Unite described ...": Unite is a body, so "they"
    assert "→ what did Unite call the move" in lines
    assert lines.count("> The union Unite described the move as a betrayal of a loyal workforce.") == 3
    # a person named in between is "he", not "they": "they" is still the union
    assert "→ what did Unite say" in lines


def test_explain_a_metadata_answer_a_summary_and_words_as_written(news):
    byline = run("ask", "--index", "idx", "--explain", "who wrote the article about the bridge")
    assert byline.returncode == 0, byline.stderr
    assert "confidence 100%: from the article's metadata" in byline.stdout
    assert "what moved it:" not in byline.stdout  # nothing follows it: no features moved a metadata answer
    summary = run("ask", "--index", "idx", "--explain", "-k", "3", "summarize the article about the factory")
    lines = summary.stdout.splitlines()
    assert any(line.startswith("the article's summary: its opening sentence") for line in lines)
    assert "[1] the opening sentence, ¶ 1" in lines
    assert "matched nothing" not in summary.stdout
    said = run("ask", "--index", "idx", "--explain", "-k", "1", "what did Reyes say about the repair bill")
    matched = next(line for line in said.stdout.splitlines() if line.startswith("[1] score"))
    assert matched.endswith("matched bill, repair, Reyes:")  # as written, not "rey"; Reyes is the speaker of "He ..."


def test_why_in_the_chat_asks_again_of_the_article_it_meant(news, isolated):
    from test_chat import chat_session

    status, output, chat = chat_session(
        isolated / "idx", "who wrote the article about the bridge\r", "summarize it\r", "/why 2\r",
        "who wrote it?\r", "/why 1\r", "\x04", k=3)
    assert status == 0
    assert "which article?" not in output
    assert "the article's summary: its opening sentence" in output
    assert "[2] centrality" in output
    assert output.count("confidence 100%: from the article's metadata") == 1


def test_chat_a_question_word_alone_asks_the_last_question_with_it(news):
    result = run("chat", "--index", "idx", "-k", "1",
                 input="how many jobs will Marlow Foods cut\nwhere?\nand when?\nwhat did Reyes claim\nwhy?\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "→ where will Marlow Foods cut jobs" in lines
    assert "→ when will Marlow Foods cut jobs" in lines
    assert "→ why did Reyes claim that" in lines
    assert "no words to search for" not in result.stdout
    assert result.stdout.count("> Marlow Foods will cut 310 jobs at its Elmsford biscuit factory") == 3
    alone = run("chat", "--index", "idx", input="where?\n")
    assert "no words to search for" in alone.stdout  # with nothing asked before, "where?" has nothing to go on
    byline = run("chat", "--index", "idx", input="who wrote the article about the factory\nwhy?\n")
    assert byline.returncode == 0, byline.stderr
    assert "'why?' of what? Ask it in full" in byline.stdout  # "who wrote it" has no auxiliary to ask "why" with
    assert "why who wrote" not in byline.stdout


def test_what_the_article_says_about_a_topic_is_its_sentences_on_it(news):
    asked = json.loads(run("ask", "--index", "idx", "--json", "-k", "1",
                           "what does the story say about the shuttle bus").stdout)
    assert not asked["no_answer"], asked["message"]
    assert asked["answers"][0]["text"].startswith("The mayor said residents would get a free shuttle bus")
    named = json.loads(run("ask", "--index", "idx", "--json", "-k", "1",
                           "what did the factory article say about energy costs").stdout)
    assert named["answers"][0]["text"] == "He said rising energy costs had made the plant unprofitable."


def test_quotes_wrap_a_long_headline_to_the_terminal(news):
    result = run("quotes", "Ashworth", "--index", "idx", env={"COLUMNS": "40"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == ["Council votes to close Harlow Street", "bridge for repairs", "news/bridge.md · 14 March 2026"]
    assert all(len(line) <= 40 for line in lines if not line.startswith("news/"))


def test_front_matter_and_json_ld_give_title_author_and_date(isolated):
    folder = write_articles(isolated / "pages", {
        "front.md": '---\ntitle: "Cycle lane plan dropped"\nauthors:\n  - Priya Shah\n  - Tom Reed\n'
                    'date: 2026-04-12T09:00:00+01:00\ntags: [transport]\n---\n\n'
                    "The council has dropped its plan for a cycle lane on Mill Road, a spokesman said.\n",
        "hugo.md": '+++\ntitle = "Fair returns"\nauthor = "Ann Lee"\ndate = "2026-06-03"\n+++\n\n'
                   "The summer fair returns to Easton Park in July, organisers said.\n",
        "rules.md": "---\nThe ferry will not run on Monday.\n---\n\nThe harbour opens at nine.\n",
        "ld.html": '<html><head><title>Rail strike called off</title><script type="application/ld+json">'
                   '{"@type":"NewsArticle","headline":"Rail strike called off","author":{"@type":"Person",'
                   '"name":"Nina Ford"},"datePublished":"2026-07-04T08:00:00Z"}</script></head><body>'
                   "<h1>Rail strike called off</h1><p>A planned rail strike has been called off after talks, the "
                   "union said.</p></body></html>\n",
    })
    assert run("index", str(folder), "--index", "idx").returncode == 0
    listed = {a["path"].split("/")[-1]: a for a in map(json.loads, run("list", "--index", "idx", "--json").stdout.splitlines())}
    front = listed["front.md"]
    assert (front["title"], front["byline"], front["date_iso"], front["passages"]) == (
        "Cycle lane plan dropped", "Priya Shah, Tom Reed", "2026-04-12", 1)
    hugo = listed["hugo.md"]
    assert (hugo["title"], hugo["byline"], hugo["date_iso"]) == ("Fair returns", "Ann Lee", "2026-06-03")
    assert listed["ld.html"]["byline"] == "Nina Ford"
    # text between two rules is the article's, not a front matter; a front matter's lines are not the article's text
    from qabot.index import Index

    index = Index.open(isolated / "idx")
    texts = {Path(index.article(a).path).name: index.article(a).text for a in range(len(listed))}
    assert "The ferry will not run on Monday." in texts["rules.md"] + listed["rules.md"]["title"]
    assert texts["front.md"] == "The council has dropped its plan for a cycle lane on Mill Road, a spokesman said."


def test_a_byline_and_its_date_on_one_line(isolated):
    folder = write_articles(isolated / "one-line", {
        "a.md": "# Pool opens\n\n**By Tom Reed** | 2 May 2026\n\nThe pool opened on Friday, the council said.\n",
        "b.txt": "Park reopens\nBy Sam Hill, 14 April 2026\n\nThe park reopened on Monday, the council said.\n",
        "c.txt": "Bridge shut\n\nBy Kim Lee on 5 May 2026\n\nThe bridge was shut, police said.\n",
        "d.txt": "Fair delayed\n\nBy then, 3 June 2026 had passed.\n\nThe fair was delayed, organisers said.\n",
    })
    assert run("index", str(folder), "--index", "idx").returncode == 0
    listed = {a["path"].split("/")[-1]: a for a in map(json.loads, run("list", "--index", "idx", "--json").stdout.splitlines())}
    assert [(listed[f]["title"], listed[f]["byline"], listed[f]["date_iso"], listed[f]["passages"])
            for f in ("a.md", "b.txt", "c.txt")] == [
        ("Pool opens", "Tom Reed", "2026-05-02", 1), ("Park reopens", "Sam Hill", "2026-04-14", 1),
        ("Bridge shut", "Kim Lee", "2026-05-05", 1)]
    assert listed["d.txt"]["byline"] is None  # "By then, ..." is a sentence, not a byline


def test_the_articles_someone_wrote(news, isolated):
    asked = run("ask", "--index", "idx", "--json", "-k", "5", "what articles did Maria Okafor write?")
    got = json.loads(asked.stdout)
    assert [(a["text"], a["field"], a["article"]["date_iso"]) for a in got["answers"]] == [
        ("Council votes to close Harlow Street bridge for repairs", "title", "2026-03-14"),
        ("Library hours to be cut as council seeks savings", "title", "2026-06-30")]  # oldest first
    assert json.loads(run("ask", "--index", "idx", "--json", "stories by Whitcombe").stdout)["answers"][0]["text"] == \
        "Marlow Foods to cut 310 jobs at Elmsford plant"
    nobody = json.loads(run("ask", "--index", "idx", "--json", "articles by John Smith").stdout)
    assert nobody["no_answer"] and nobody["message"] == "no article by 'John Smith' among 3 articles"
    # someone's words written in the articles are still their words
    assert json.loads(run("ask", "--index", "idx", "--json", "what did Reyes claim").stdout)["answers"][0]["text"] == \
        "He also claimed that the repair bill, £6.4 million, had doubled because of the delay."
    # in the chat, after a byline: "what else did she write?"
    chat = run("chat", "--index", "idx", "-k", "3",
               input="who wrote the article about the bridge\nwhat else did she write?\nmore\n")
    lines = chat.stdout.splitlines()
    assert "→ what articles did Maria Okafor write" in lines
    assert "> Library hours to be cut as council seeks savings" in lines
    assert "No answer: no more articles by Maria Okafor." in lines


def test_which_article_is_about_a_topic(news):
    got = json.loads(run("ask", "--index", "idx", "--json", "which story is about jobs?").stdout)
    assert [(a["text"], a["field"]) for a in got["answers"]] == [("Marlow Foods to cut 310 jobs at Elmsford plant", "title")]
    both = json.loads(run("ask", "--index", "idx", "--json", "which article is about the council").stdout)
    assert both["no_answer"] and "Library hours to be cut" in both["message"] and "Harlow Street bridge" in both["message"]
    listed = json.loads(run("ask", "--index", "idx", "--json", "which articles are about the council").stdout)
    assert listed["heading"].startswith("2 of the 3 articles mention 'council'")  # trial 8: the plural lists them
    assert {a["text"][:20] for a in listed["answers"]} == {"Library hours to be ", "Council votes to clo"}
