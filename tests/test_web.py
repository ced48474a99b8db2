"""``qabot serve``: the JSON API over HTTP, the server-rendered page, and the page in a real headless Chromium
(Debian's chromium and chromium-driver, driven by selenium): type the question, see Wang's quote and its
citation, click it, see the paragraph highlighted; hostile article text shows as text and never runs."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import SEED_TITLE, WANG_1, WANG_2, run

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1100,900")
"""Debian's chromium as root, headless, with nothing reaching out to the network."""
QUESTION = "what did Wang say about Ukraine"
EVIL = ("Harbour notice <script>window.__pwned = 1; alert(1)</script>\n\n"
        "The harbour master said <img src=x onerror=\"window.__pwned = 2\"> the ferry runs at noon "
        "<b onmouseover=\"window.__pwned = 3\">bold</b> &amp; late.\n")


def _needs_chromium():
    if CHROMIUM and CHROMEDRIVER:
        return
    if os.environ.get("CI"):
        pytest.fail("chromium and chromium-driver are not installed; .ci/run installs them")
    pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")


class Server:
    """A running ``qabot serve --port 0`` and its address."""

    def __init__(self, index: Path, cwd: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "qabot", "serve", "--index", str(index), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
        line = self.process.stdout.readline()
        assert line.startswith("qabot: serving "), line + self.process.stderr.read()
        self.url = line.split(" at ")[1].split()[0]
        assert self.url.startswith("http://127.0.0.1:")

    def get(self, path: str) -> tuple[int, str, dict]:
        """Status, body and headers of GET ``path``."""
        try:
            with urllib.request.urlopen(self.url.rstrip("/") + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8"), dict(response.headers)
        except urllib.error.HTTPError as err:
            with err:
                return err.code, err.read().decode("utf-8"), dict(err.headers)

    def stop(self) -> str:
        """Stop the server; what it wrote on stderr."""
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err


@contextlib.contextmanager
def served(index: Path, cwd: Path):
    """A ``Server`` over ``index`` for the ``with`` block; stopped after it, having written no traceback."""
    srv = Server(index, cwd)
    try:
        yield srv
    finally:
        assert "Traceback" not in srv.stop()


def _index(corpus: Path, target: Path) -> Path:
    built = run("index", "--index", str(target), str(corpus))
    assert built.returncode == 0, built.stderr
    return target


@pytest.fixture
def server(seeds, tmp_path):
    """``qabot serve`` over the bundled articles copied to ``seeds/``, indexed into a temporary folder."""
    with served(_index(Path("seeds"), tmp_path / "seed-index"), seeds.parent) as srv:
        yield srv


@pytest.fixture
def evil_server(isolated, tmp_path):
    """``qabot serve`` over one article holding <script> and <img onerror> in its title and text."""
    corpus = tmp_path / "evil"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(EVIL)
    srv = Server(_index(corpus, tmp_path / "evil-index"), isolated)
    yield srv
    srv.stop()


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium through chromedriver, with a fresh profile."""
    _needs_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def test_api_ask_is_the_ask_json_contract(server, tmp_path):
    status, body, headers = server.get("/api/ask?q=what+did+Wang+say+about+Ukraine")
    assert status == 200 and headers["content-type"] == "application/json"
    expected = run("ask", "--index", str(tmp_path / "seed-index"), "--json", QUESTION)
    assert json.loads(body) == json.loads(expected.stdout)
    assert {a["text"] for a in json.loads(body)["answers"][:2]} == {WANG_1, WANG_2}
    status, body, _ = server.get("/api/ask?q=what+did+Wang+say+about+Ukraine&k=1")
    assert [a["text"] for a in json.loads(body)["answers"]] == [WANG_2]
    assert server.get("/api/ask?q=")[:2] == (400, '{"error":"give a question: /api/ask?q=QUESTION"}')
    assert server.get("/api/ask?q=Wang&k=0")[:2] == (400, '{"error":"k must be a whole number from 1 to 50, got \'0\'"}')


def test_api_articles(server):
    status, body, _ = server.get("/api/articles")
    articles = json.loads(body)["articles"]
    assert status == 200 and [a["title"] for a in articles] == [SEED_TITLE]
    status, body, _ = server.get(f"/api/articles/{articles[0]['id']}")
    article = json.loads(body)
    assert status == 200 and article["title"] == SEED_TITLE and article["byline"] == "Anton Troianovski"
    assert article["paragraphs"][13] | {"start": 0, "end": 0} == {"n": 14, "text": WANG_2, "start": 0, "end": 0}
    status, body, _ = server.get("/api/articles/nope")
    assert status == 404 and json.loads(body) == {"error": "no article with id 'nope'; /api/articles gives the ids"}
    status, body, _ = server.get("/articles/nope")
    assert status == 404 and "no article with id &#x27;nope&#x27;; /articles lists them" in body


def test_page_with_q_has_the_answer_in_its_html(server):
    status, body, headers = server.get("/?q=what+did+Wang+say+about+Ukraine")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "script-src" not in headers["content-security-policy"] and "default-src 'none'" in headers["content-security-policy"]
    assert "<span class=\"term\">Ukraine</span> crisis perpetuate and expand,” <span class=\"speaker\"" in body
    assert f"[1] {SEED_TITLE}</a>" in body and "¶ 14" in body
    assert "http" not in body.replace(server.url, "")  # nothing loaded from elsewhere: no CDN, no web font


def test_serve_refuses_a_busy_port_and_foreign_hosts(server, tmp_path):
    port = server.url.rstrip("/").rsplit(":", 1)[1]
    busy = run("serve", "--index", str(tmp_path / "seed-index"), "--port", port)
    assert busy.returncode == 2
    assert busy.stderr == f"qabot: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    assert busy.stdout == ""
    request = urllib.request.Request(server.url, headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=30)
    err.value.close()
    assert err.value.code == 400  # a page on another site cannot reach this server by DNS rebinding


def test_dump_dom_shows_the_answer(server, tmp_path):
    _needs_chromium()
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          server.url + "?q=what+did+Wang+say+about+Ukraine"],
                         capture_output=True, text=True, timeout=120)
    assert "perpetuate and expand,” <span class=\"speaker\" title=\"the speaker\">Wang</span> said." in dom.stdout


def _after_load(browser, css: str) -> list:
    """The elements ``css`` selects once the page a form or link led to shows them (a submit returns before
    the next page is loaded): waits up to 30 s, then fails as a lookup does."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, css))


@pytest.mark.slow
def test_in_the_browser_ask_follow_up_and_open_the_citation(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url)
    box = browser.find_element(By.ID, "q")
    box.send_keys(QUESTION + Keys.ENTER)
    answers = _after_load(browser, "#t1 .answer")
    assert [a.find_element(By.TAG_NAME, "blockquote").text for a in answers[:2]] == [WANG_2, WANG_1]
    assert answers[0].find_element(By.CSS_SELECTOR, ".speaker").text == "Wang"
    citation = answers[0].find_element(By.CSS_SELECTOR, ".citation")
    assert citation.text == f"[1] {SEED_TITLE} — seeds/000_dfce30cfe0989a0b.txt, ¶ 14 Wang"

    browser.find_element(By.ID, "q").send_keys("and Putin?" + Keys.ENTER)
    assert _after_load(browser, "#t2 .rewritten")[0].text == "→ what did Putin say about Ukraine"
    browser.find_element(By.ID, "q").send_keys("what about trade?" + Keys.ENTER)
    assert _after_load(browser, "#t3 .rewritten")[0].text == "→ what did Putin say about trade"
    assert "annual trade volume could reach $200 billion" in browser.find_element(By.CSS_SELECTOR, "#t3 .answer").text
    browser.execute_script("window.scrollTo(0, 0)")
    shot = tmp_path / "screenshot.png"
    browser.save_screenshot(str(shot))
    if os.environ.get("QABOT_SCREENSHOT"):  # the README's picture: QABOT_SCREENSHOT=docs/screenshot.png
        shutil.copy(shot, os.environ["QABOT_SCREENSHOT"])

    browser.find_element(By.CSS_SELECTOR, "#t1 .answer .citation a").click()
    cited = _after_load(browser, "li.cited")[0]
    assert cited.get_attribute("id") == "p14"
    assert cited.find_element(By.CSS_SELECTOR, "mark.evidence").text == WANG_2
    assert browser.current_url.endswith("#p14")
    assert browser.find_element(By.CSS_SELECTOR, "#p13 .pn").text == "¶ 13"
    background = cited.find_element(By.CSS_SELECTOR, "mark.evidence").value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    browser.find_element(By.LINK_TEXT, "← back to the conversation").click()
    assert len(_after_load(browser, ".turn")) == 3  # the conversation is still there


@pytest.mark.slow
def test_hostile_article_text_shows_as_text_and_nothing_runs(evil_server, browser):
    from selenium.webdriver.common.by import By

    browser.get(evil_server.url + "?q=when+does+the+ferry+run")
    quote = browser.find_element(By.CSS_SELECTOR, "#t1 .answer blockquote")
    assert '<img src=x onerror="window.__pwned = 2">' in quote.text
    title = browser.find_element(By.CSS_SELECTOR, "#t1 .citation a")
    assert title.text == "[1] Harbour notice <script>window.__pwned = 1; alert(1)</script>"
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main script, main b") == []
    assert browser.execute_script("return window.__pwned === undefined")
    title.click()
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Harbour notice <script>window.__pwned = 1; alert(1)</script>"
    assert "&amp; late." in browser.find_element(By.CSS_SELECTOR, "li.cited").text
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main script, main b") == []
    assert browser.execute_script("return window.__pwned === undefined")
    browser.get(evil_server.url + "articles")
    assert "<script>" in browser.find_element(By.CSS_SELECTOR, ".articles").text
    assert browser.execute_script("return window.__pwned === undefined")


def test_follow_ups_belong_to_each_browser(server):
    import http.cookiejar
    import re

    def browser_like():
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        return lambda path: opener.open(server.url.rstrip("/") + path, timeout=30).read().decode("utf-8")

    first, second = browser_like(), browser_like()
    first("/?q=China+Russia+relationship")
    page = first("/?q=more&t=1")
    assert re.findall(r'<section class="turn" id="(t\d)">', page) == ["t1", "t2"]
    assert "<p class=\"rewritten\">→ China Russia relationship</p>" in page
    assert '<li class="answer" value="4">' in page  # "more" numbers on from the three shown
    assert first("/?q=more&t=1").count('<section class="turn"') == 2  # a reload asks nothing again
    other = second("/?q=more")
    assert "there is no question yet to show more answers to" in other  # the other browser has its own conversation
    assert first("/?new=1").count('<section class="turn"') == 0


def test_the_page_and_the_api_answer_from_the_index_as_qabot_index_left_it(isolated, tmp_path):
    corpus = isolated / "mynews"
    corpus.mkdir()
    (corpus / "bridge.txt").write_text("Bridge news\n\nThe bridge closes for six weeks from 4 May.\n", encoding="utf-8")
    index = _index(corpus, tmp_path / "idx")
    srv = Server(index, isolated)
    try:
        asked = json.loads(srv.get("/api/ask?q=what+is+the+baby+giraffe+called")[1])
        assert asked["no_answer"] and "in 1 article" in asked["message"]
        (corpus / "zoo.txt").write_text("Zoo news\n\nThe baby giraffe is called Kito.\n", encoding="utf-8")
        _index(corpus, index)  # while the server runs
        asked = json.loads(srv.get("/api/ask?q=what+is+the+baby+giraffe+called")[1])
        assert asked["answers"][0]["text"] == "The baby giraffe is called Kito."
        assert [a["title"] for a in json.loads(srv.get("/api/articles")[1])["articles"]] == ["Bridge news", "Zoo news"]
        assert "2 articles" in srv.get("/?q=giraffe")[1] and "Kito" in srv.get("/?q=giraffe")[1]
        (corpus / "zoo.txt").unlink()
        _index(corpus, index)
        articles = json.loads(srv.get("/api/articles")[1])["articles"]
        assert [a["title"] for a in articles] == ["Bridge news"]
        assert "1 article," in srv.get("/articles")[1]
    finally:
        assert "Traceback" not in srv.stop()


FLOODS = ("Floods force thousands from homes in northern Italy\n\n"
          "\"The water came up faster than anyone expected,\" the mayor of Ferrara, Alan Fabbri, told reporters.\n\n"
          "The mayor said the council would meet on Friday to plan repairs to the river banks.\n")


def test_a_speaker_asked_for_by_title_is_marked_where_the_answer_names_them(isolated, tmp_path):
    corpus = tmp_path / "floods"
    corpus.mkdir()
    (corpus / "floods.txt").write_text(FLOODS)
    srv = Server(_index(corpus, tmp_path / "floods-index"), isolated)
    try:
        # the sentence names the speaker by role only ("The mayor said"): that role is marked
        status, body, _ = srv.get("/?q=what+did+the+mayor+of+Ferrara+say+about+repairs")
        assert status == 200
        assert '<span class="speaker" title="the speaker">The mayor</span> said the council' in body
        status, body, _ = srv.get("/?q=what+did+the+mayor+of+Ferrara+say+about+the+water&new=1")
        assert '<span class="speaker" title="the speaker">Alan Fabbri</span>' in body
    finally:
        assert "Traceback" not in srv.stop()
