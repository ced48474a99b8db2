"""qabot chat: the real PromptSession driven through a pipe input, and the line mode through the CLI."""

from __future__ import annotations

import io
import json
import re
import threading
import time
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.data_structures import Size
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from conftest import SEED_TITLE, WANG_1, WANG_2, run, write_articles
from qabot.build import build
from qabot.chat import Chat, converse, history_path, make_completer, run_lines, run_session, session
from qabot.progress import BarProgress
from qabot.render import Style

SOURCE = f"{SEED_TITLE} — seeds/000_dfce30cfe0989a0b.txt"
CITE = f"{SEED_TITLE}\n    — seeds/000_dfce30cfe0989a0b.txt"
"""A citation of the seed article at width 100: too long for one line, the source goes under the title."""
WELCOME = "Ask a question about the articles; /help lists commands, Ctrl-D leaves."


@pytest.fixture
def index(seeds) -> Path:
    """The bundled article indexed through the library."""
    build([seeds], Path("index"))
    return Path("index")


def wait_for(condition, timeout: float = 20.0) -> None:
    """Wait until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def chat_session(index: Path, *keys, k: int = 3) -> tuple[int, str, Chat]:
    """Run the chat's real PromptSession on a pipe input; ``keys`` are strings to type, or callables
    ``f(prompt)`` that wait for the session before the next keys. Returns (status, output, chat)."""
    out = io.StringIO()
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        chat = Chat(index, out, Style(color=False, width=100), k=k, interactive=True)
        prompt = session(chat)
        errors = []

        def feed():
            try:
                for key in keys:
                    if callable(key):
                        key(prompt)
                    else:
                        inp.send_text(key)
            except BaseException as err:  # noqa: BLE001 - reported below
                errors.append(err)
                inp.send_text("\x04\x04")

        feeder = threading.Thread(target=feed)
        feeder.start()
        status = converse(chat, prompt)
        feeder.join()
        assert not errors, errors
    return status, out.getvalue(), chat


def blocks(output: str) -> list[str]:
    """The output's paragraphs."""
    return [b for b in output.strip("\n").split("\n\n") if b]


def test_he_never_stands_for_a_document(index):
    """After "what did the Chinese government statement say", "he" is nobody yet: asked back, not the statement."""
    status, output, chat = chat_session(index, "what did the Chinese government statement say\r",
                                        "what did he say about trade\r", "\x04")
    assert status == 0
    assert "exchanged views" in output
    assert "who do you mean by 'he'?" in output
    assert "what did the Chinese government statement say about trade" not in output


def test_a_pronoun_in_the_topic_is_the_speaker_the_question_names(index):
    """ "he" after the speaker a question names is theirs: not asked back with nobody before it."""
    status, output, chat = chat_session(index, "what did Wang say about the Ukraine crisis he wants to end\r", "\x04")
    assert status == 0
    assert "who do you mean" not in output
    assert "Ukraine crisis perpetuate and expand" in output


def test_more_after_a_question_about_the_article_says_there_is_nothing_more(index):
    status, output, chat = chat_session(index, "who wrote the article?\r", "more\r", "\x04")
    assert status == 0
    assert output.count("> Anton Troianovski") == 1
    assert "No answer: nothing more about the article that was not shown already." in output


def test_a_conversation_with_follow_ups(index):
    status, output, chat = chat_session(
        index, "what did Wang say about Ukraine\r", "and Putin?\r", "what about trade?\r", "more\r",
        "what else did he say?\r", "\x04")
    assert status == 0
    lines = output.splitlines()
    assert lines[0] == "qabot 0.1.0 · 1 article, 15 passages in index, built " + lines[0].split("built ")[1]
    assert lines[1] == WELCOME
    first = output.split("→")[0]
    assert f"[1] {CITE}, ¶ 14" in first and f"[2] {CITE}, ¶ 13" in first
    # only Wang's own words: "Wang’s published comments did not use the words war" is the reporter's sentence
    # about his words, not his words, so there is no third answer
    assert f"[3] {CITE}" not in first and "published comments" not in first
    understood = [line for line in lines if line.startswith("→ ")]
    assert understood == [
        "→ what did Putin say about Ukraine",
        "→ what did Putin say about trade",
        "→ what did Putin say about trade",
        "→ what did Putin say?",
    ]
    trade = output.split("→ what did Putin say about trade\n")[1]
    assert trade.startswith("> In his opening remarks, Putin highlighted the economic aspect of the China-Russia")
    # more of Putin on trade: only his own words, and when there are none, that is said plainly
    assert "No answer: Putin has nothing more about trade in the articles." in output
    last = output.split("→ what did Putin say?\n")[1]
    # Putin's quotation goes on after "Putin said": it is given whole
    assert last.startswith("> “Everything is moving forward, developing, we are reaching new frontiers,” Putin said. “And above\n"
                           "> all, we are talking, of course, about economic issues.”\n"
                           f"[1] {CITE}, ¶ 11\n")
    assert chat.context.speaker == "Putin"


def test_every_command(index, tmp_path):
    more = tmp_path / "more"
    more.mkdir()
    (more / "trade.txt").write_text("Trade talks\n\n“Exports will double,” Lavrov said on Monday.\n", encoding="utf-8")
    status, output, chat = chat_session(
        index,
        "/help\r", "/sources\r", "/show 1\r", "/k 2\r", "what did Wang say about Ukraine\r", "/show 2\r", "/show 9\r",
        "/sources\r", "/open 1\r", "jjq", "/k 1\r", "/k zero\r", "/json\r", "and Putin?\r", "/json\r",
        f"/index {more}\r", "what did Lavrov say about exports\r", "/stats\r", "/clear\r", "more\r", "/bogus\r",
        "/shw 1\r", "/quit\r", "this is never asked\r")
    assert status == 0
    # on a terminal, JSON is indented and UTF-8 (piped, it is one line per object: test_line_mode_json...)
    json_line = output[output.index("\n{\n") + 1:output.index("\n}\n") + 2]
    answer = json.loads(json_line)
    assert json_line.startswith('{\n  "question": "what did Putin say about Ukraine",\n')
    # Putin says nothing about Ukraine in the seed: his own words are asked for, so no answer (issue 3)
    assert answer == {"question": "what did Putin say about Ukraine", "no_answer": True, "confidence": None,
                      "unsure": False, "searched": [],
                      "message": "no words of 'Putin' about 'Ukraine' in 1 article", "answers": []}
    output = output.replace(json_line, "JSON").replace(str(more), "MORE")
    output = re.sub(r"built \d{4}-\d\d-\d\d \d\d:\d\d UTC", "built WHEN", output)
    output = re.sub(r"in \d+\.\ds\n", "in Ts\n", output)
    assert output == f"""\
qabot 0.1.0 · 1 article, 15 passages in index, built WHEN
{WELCOME}
Ask a question: what did Wang say  ·  how many articles are there?
Follow up: and Putin?  ·  what about <topic>?  ·  more  ·  who said that?  ·  who wrote it?
Everything someone said, article by article: /quotes Wang about <topic>
Tab completes commands and the articles' names and words; ↑ and Ctrl-R search history.
Commands:
  /help                       what you can type
  /sources                    the articles cited so far
  /show N                     the whole paragraph around answer N
  /open N                     the whole article of answer N
  /why N                      why answer N: its matched words, the features behind its score, its
                              confidence
  /k N                        show N answers per question
  /json                       toggle JSON output
  /index [PATH]               rebuild the index, or add PATH to it
  /quotes NAME [about TOPIC]  everything NAME said, article by article
  /stats                      what is loaded
  /clear                      clear the screen and start a new conversation
  /quit                       leave (Ctrl-D, exit and quit too)
no articles cited yet
no answers yet; ask a question, then /show N
2 answers per question
> “We don’t want to see the Ukraine crisis perpetuate and expand,” Wang said.
[1] {CITE}, ¶ 14

> “On the Ukraine issue, China has always stood on the side of peace and dialogue, and has always
> insisted on pressing for peace and negotiation,” Wang said in a meeting with Ukrainian Foreign
> Minister Dmytro Kuleba on Saturday, when they were both in Munich for an annual security
> conference, according to China’s official summary of the meeting.
[2] {CITE}, ¶ 13

⟦“On the Ukraine issue, China has always stood on the side of peace and dialogue, and has always
insisted on pressing for peace and negotiation,” Wang said in a meeting with Ukrainian Foreign
Minister Dmytro Kuleba on Saturday, when they were both in Munich for an annual security conference,
according to China’s official summary of the meeting.⟧
[2] {CITE}, ¶ 13
usage: /show N, where N is an answer shown above (1–2)
1 article cited so far:
  {SOURCE} (2×)
1 answer per question
usage: /k N, a whole number of at least 1 (now 1)
JSON output on
JSON
JSON output off
indexed 2 articles from 2 files: 1 new, 0 updated, 1 unchanged, 0 removed, 0 skipped, in Ts
> “Exports will double,” Lavrov said on Monday.
[1] Trade talks — MORE/trade.txt, ¶ 1

index     index (built WHEN)
articles  2 from 2 files
passages  16 (679 tokens, at most 384 each)
terms     214; 218 words to complete
scoring   lucene; k=1; JSON off
asked     3 questions; 2 articles cited
new conversation
there is no question yet to show more answers to
unknown command /bogus; /help lists the commands
unknown command /shw; did you mean /show? /help lists the commands
"""
    assert chat.k == 1 and chat.json is False and chat.index.n_articles == 2


def test_open_pages_the_whole_article_with_the_evidence_marked(index):
    out = io.StringIO()
    chat = Chat(index, out, Style(color=False, width=100), interactive=False)
    chat.handle("what did Wang say about Ukraine")
    chat.handle("/open 1")
    article = out.getvalue().split(f"[2] {CITE}, ¶ 13\n")[1]  # Wang's two quotations about Ukraine
    assert article.startswith(f"{SEED_TITLE}\nBy Anton Troianovski · seeds/000_dfce30cfe0989a0b.txt\n\n¶ 1\n"
                              "The top Chinese diplomat, Wang Yi,")
    assert "¶ 14\n⟦“We don’t want to see the Ukraine crisis perpetuate and expand,” Wang said.⟧\n" in article
    assert article.count("⟦") == 2 and "¶ 15\n" in article and "¶ 16" not in article
    assert "top of page" not in article and "views0 comments" not in article


def test_completion_of_a_name_from_the_index(index):
    def menu_then_tab(prompt):
        buffer = prompt.default_buffer
        wait_for(lambda: buffer.complete_state is not None and buffer.complete_state.completions)
        assert [c.text for c in buffer.complete_state.completions] == ["Patrushev"]
        prompt.app.input.send_text("\t")
        wait_for(lambda: buffer.text == "who is Patrushev")

    status, output, chat = chat_session(index, "who is Patr", menu_then_tab, "\r\x04")
    assert status == 0
    assert "> On Tuesday, Wang met with Nikolai Patrushev, Putin’s top security adviser." in output
    completer = make_completer(chat)
    names = [c.text for c in completer.get_completions(Document("and kul"), CompleteEvent())]
    assert names == ["Kuleba"]
    commands = [c.text for c in completer.get_completions(Document("/s"), CompleteEvent())]
    assert commands == ["/sources", "/show", "/stats"]
    assert [c.text for c in completer.get_completions(Document("/show "), CompleteEvent())] == ["1", "2"]
    assert [c.text for c in completer.get_completions(Document("/show 2"), CompleteEvent())] == ["2"]
    # /quotes completes the names of those the articles show speaking, not other words
    assert [c.text for c in completer.get_completions(Document("/quotes Pu"), CompleteEvent())] == ["Putin"]
    assert [c.text for c in completer.get_completions(Document("/quotes Pat"), CompleteEvent())] == []


def test_the_history_file_keeps_questions_across_sessions(index):
    chat_session(index, "what did Wang say about Ukraine\r", "/k 2\r", "\x04")
    path = history_path()
    assert path == Path(__import__("os").environ["QABOT_STATE_DIR"]) / "history"
    entries = [line[1:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("+")]
    assert entries == ["what did Wang say about Ukraine", "/k 2"]
    assert path.stat().st_mode & 0o777 == 0o600  # the questions asked are the owner's to read
    assert path.parent.stat().st_mode & 0o777 == 0o700
    path.chmod(0o644)  # made before qabot kept it private: private from the next session on
    status, output, chat = chat_session(index, "\x1b[A\x1b[A\r", "\x04")
    assert status == 0
    assert f"[1] {CITE}, ¶ 14" in output and chat.context.question == "what did Wang say about Ukraine"
    assert path.stat().st_mode & 0o777 == 0o600


def test_ctrl_c_clears_the_line_and_ctrl_d_leaves(index):
    status, output, chat = chat_session(index, "what did Wang say", "\x03", "/stats\r", "\x04", "/k 5\r")
    assert status == 0
    assert "Wang said" not in output
    assert "asked     0 questions; 0 articles cited" in output
    assert chat.k == 3
    status, output, _ = chat_session(index, "\x04")
    assert status == 0
    assert output.splitlines()[1:] == [WELCOME]
    assert not history_path().read_text(encoding="utf-8").count("what did Wang say")


def test_run_session_on_the_current_app_session(index):
    out = io.StringIO()
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("/quit\r")
        assert run_session(index, out=out) == 0
    assert out.getvalue().splitlines()[1] == WELCOME


def test_line_mode_without_a_terminal_understands_follow_ups(seeds):
    result = run("chat", input="what did Wang say about Ukraine\n\nand Putin?\n/k 1\nwhat about trade?\n")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    parts = blocks(result.stdout)
    assert parts[0].startswith(f"Q: what did Wang say about Ukraine\n> {WANG_2}\n[1] {CITE}, ¶ 14")
    assert WANG_1.split(",")[0] in result.stdout
    putin = [p for p in parts if p.startswith("Q: and Putin?")][0]
    assert putin.splitlines()[1] == "→ what did Putin say about Ukraine"
    assert parts[-2:] == [
        "Q: /k 1\n1 answer per question",
        "Q: what about trade?\n→ what did Putin say about trade\n"
        "> In his opening remarks, Putin highlighted the economic aspect of the China-Russia relationship,\n"
        "> predicting that the countries’ annual trade volume could reach $200 billion as early as this year,\n"
        "> compared with $185 billion last year.  “Everything is moving forward, developing, we are reaching\n"
        "> new frontiers,” Putin said. “And above all, we are talking, of course, about economic issues.”\n"
        f"[1] {CITE}, ¶ 10",
    ]


def test_qabot_alone_with_questions_piped_in_is_the_chat(seeds):
    piped = run(input="what did Wang say about Ukraine\nand Putin?\n")  # no subcommand, stdin not a terminal
    assert (piped.returncode, piped.stdout) == (0, run("chat", input="what did Wang say about Ukraine\nand Putin?\n").stdout)
    assert "→ what did Putin say about Ukraine" in piped.stdout and "usage:" not in piped.stdout


def test_line_mode_json_is_one_object_per_question(seeds):
    result = run("chat", "-k", "1", input="/json\nwhat did Wang say about Ukraine\nand Putin?\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Q: /json", "JSON output on"]
    answers = [json.loads(line) for line in lines[2:]]
    assert [a["question"] for a in answers] == ["what did Wang say about Ukraine", "what did Putin say about Ukraine"]
    assert answers[0]["answers"][0]["text"] == WANG_2


def test_chat_with_a_missing_index_is_one_line_and_nonzero(seeds):
    result = run("chat", "--index", "nowhere", input="hello\n")
    assert result.returncode == 4
    assert result.stderr == "qabot: error: no index at nowhere; run qabot index --index nowhere PATH\n"


def test_the_progress_bar_of_a_long_build(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(25):
        (corpus / f"a{i:02}.txt").write_text(f"Article {i}\n\nWang said thing number {i} about trade.\n", encoding="utf-8")
    screen = io.StringIO()
    bar = BarProgress(output=Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm"))
    report = build([corpus], tmp_path / "index", progress=bar)
    assert report.articles == 25 and bar.bar is None
    drawn = screen.getvalue()
    assert "indexing" in drawn and "25/ 25" in drawn
    small = io.StringIO()
    quiet = BarProgress(output=Vt100_Output(small, lambda: Size(rows=24, columns=80), term="xterm"))
    build([corpus / "a00.txt"], tmp_path / "index2", progress=quiet)
    assert small.getvalue() == ""


def test_an_index_built_before_words_json_still_completes_names(index):
    manifest_path = index / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["checksums"]["words.bin"]  # words and counts, as words.json and word_counts.json were
    (index / manifest["data"] / "words.bin").unlink()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    chat = Chat(index, io.StringIO(), Style(), interactive=False)
    assert chat.index.words is None
    assert chat.lexicon.complete("Patr") == [("Patrushev", 2)]
    assert chat.lexicon.speaks("Wang")


WATER = {
    "water.txt": """Lake levels fall for a third summer

By Maria Ek

The lake fell by a metre this summer, the lowest since records began.

Sarah Nguyen, who runs the regional water board, said the reservoirs would last until October. “We are asking every household to cut its use by a fifth,” Nguyen said.

The fisheries officer Erik Lindqvist said the trout had moved to deeper water. “The fish will come back when the rain does,” Lindqvist said.
""",
    "harbour.txt": """Harbour repairs begin

Work on the old harbour wall began on Monday, the council said.

“The wall has stood for two hundred years and it will stand for two hundred more,” Lindqvist said of the repairs.
""",
}


@pytest.fixture
def water_index(isolated) -> Path:
    """Two small articles with two speakers, indexed through the library."""
    build([write_articles(isolated / "water", WATER)], Path("index"))
    return Path("index")


def test_follow_ups_that_follow(water_index):
    status, output, chat = chat_session(
        water_index, "what did she say?\r", "what did Lindqvist say about the fish\r", "who is Sarah Nguyen\r",
        "what did she say about water?\r", "more\r", "help\r", "?\r", "exit\r", "never asked\r")
    assert status == 0
    blocks = output.split("\n\n")
    # a pronoun with no one before it: one line back, nothing searched
    assert "who do you mean by 'she'?" in output.splitlines()[2]
    # "she" is the one asked about last, though "Lindqvist" spoke in the answer before
    assert "→ what did Nguyen say about water?" in output
    after_she = output.split("→ what did Nguyen say about water?\n")[1]
    assert after_she.startswith("> Sarah Nguyen, who runs the regional water board, said the reservoirs")
    # more: her words about water are all shown; said plainly, no one else's sentences
    assert "No answer: Nguyen has nothing more about water in the articles." in output
    assert "harbour wall" not in after_she
    # help and ? are commands, exit leaves: nothing after it is asked
    assert output.count("Commands:") == 2 and "never asked" not in output
    assert chat.context.person == "Nguyen"
    assert not any("a peaceful exit" in b for b in blocks)


def test_quit_clear_sources_and_readable_json(water_index):
    status, output, chat = chat_session(
        water_index, "what did Lindqvist say about the wall\r", "/sources\r", "/clear\r", "/sources\r", "/json\r",
        "what did Nguyen say about households\r", "/quotes Lindqvist\r", "quit\r", "never asked\r")
    assert status == 0
    assert "1 article cited so far:" in output
    cleared = output.split("new conversation\n")[1]
    assert cleared.startswith("no articles cited yet\n")
    answer_text = cleared[cleared.index("\n{\n") + 1:]
    answer = json.loads(answer_text[:answer_text.index("\n}\n") + 2])
    assert answer["answers"][0]["text"] == "“We are asking every household to cut its use by a fifth,” Nguyen said."
    assert "“We are asking" in cleared and "\\u201c" not in cleared  # UTF-8, not escapes
    assert '\n  "question": ' in cleared  # indented
    quotes = [json.loads(b) for b in re.findall(r"(?ms)^\{\n  \"speaker\".*?^\}$", cleared)]
    assert [(q["article"]["path"].split("/")[-1], q["paragraph"]) for q in quotes] == [
        ("harbour.txt", 2), ("water.txt", 3), ("water.txt", 3)]
    assert "never asked" not in output


def test_line_mode_quotes_command(water_index):
    out = io.StringIO()
    run_lines(water_index, ["/quotes the fisheries officer\n", "/quotes Nobody\n"], out)
    text = out.getvalue()
    assert "> The fisheries officer Erik Lindqvist said the trout had moved to deeper water." in text
    assert "No quotes: no article names 'Nobody'." in text


def test_why_shows_the_features_and_confidence_of_an_answer(seeds):
    result = run("chat", input="what did Wang say about Ukraine\n/why 2\n/why 9\n")
    assert result.returncode == 0, result.stderr
    why = result.stdout.split("/why", 1)[-1] if "/why" in result.stdout else result.stdout
    assert "confidence" in why and "[2] score" in why and "own_words" in why
    assert "usage: /why N, where N is an answer shown above (1–3)" in result.stdout or "usage: /why N" in result.stdout


STRIKE = {
    "strike.txt": """Rail talks break down

Transport minister Paul Okafor said the talks had failed. He blamed the unions for walking out.

Union leader Maria Santos said the pay offer was too low. “We will strike in May,” she said. Her members voted on Friday.
""",
}


def test_he_and_she_stand_only_for_someone_the_articles_call_so(isolated):
    build([write_articles(isolated / "strike", STRIKE)], Path("index"))
    status, output, chat = chat_session(
        Path("index"), "what did Okafor say\r", "what did she say?\r", "what did Santos say\r", "what did he say?\r",
        "what did she say about the strike?\r", "what else did she say about the strike?\r", "what did they say?\r",
        "\x04")
    assert status == 0
    # the articles call Okafor "he": "she" cannot be him, and nobody else was talked about yet
    assert "who do you mean by 'she'?" in output.split("what did Santos say")[0]
    # once Santos was asked about, "he" reaches back past her to Okafor, and "she" is Santos again
    understood = [line for line in output.splitlines() if line.startswith("→ ")]
    assert understood == ["→ what did Okafor say?", "→ what did Santos say about the strike?",
                          "→ what did Santos say about the strike?"]
    # "what else" when all of her words about it were shown: said plainly, no one else's sentences
    assert "No answer: Santos has nothing more about the strike in the articles." in output
    assert "> Transport minister Paul Okafor said the talks had failed." in output.split("→ what did Okafor say?")[1]
    assert "> “We will strike in May,” she said." in output.split("→ what did Santos say about the strike?")[1]
    assert "Okafor" not in output.split("→ what did Santos say about the strike?")[2]
    # "they" with no group talked about: asked back, nothing searched
    assert output.rstrip().endswith("who do you mean by 'they'?")
    assert dict(chat.context.called) == {"Okafor": "he", "Santos": "she"}


def test_a_pronoun_asked_alone_on_the_command_line_is_asked_back(seeds):
    result = run("ask", "what did she say?")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No answer: who do you mean by 'she'? each question here stands alone")


FLOOD = {
    "flood.txt": """Floods force thousands from homes in northern Italy

About 12,000 people were evacuated from towns along the Po on Tuesday.

The mayor of Ferrara, Anna Benedetti, said the city had opened three schools as shelters. “We have never seen the river this high in May,” Benedetti said.

Regional officials warned that more rain was expected on Thursday. They urged residents near the embankments to stay alert.
""",
}


def test_a_pronoun_after_an_answer_stands_for_whom_the_answer_quotes(isolated):
    """A question that named no one: "she" and "they" are then whom its answer attributes words to."""
    build([write_articles(isolated / "flood", FLOOD)], Path("index"))
    status, output, chat = chat_session(
        Path("index"), "who opened schools as shelters?\r", "what did she say about the river?\r",
        "when is more rain expected?\r", "what did they urge?\r", "\x04", k=1)
    assert status == 0
    understood = [line for line in output.splitlines() if line.startswith("→ ")]
    assert understood == ["→ what did Benedetti say about the river?", "→ what did Regional officials urge?"]
    assert "> “We have never seen the river this high in May,” Benedetti said." in output
    assert "who do you mean" not in output


def test_why_after_a_refusal_says_what_the_articles_lack(water_index):
    status, output, chat = chat_session(
        water_index, "who won the marathon\r", "/why\r", "/clear\r", "/why\r", "\x04", k=1)
    assert status == 0
    refused, cleared = output.split("new conversation\n")
    assert "No answer: nothing about 'marathon' in 2 articles." in refused
    assert "  missing: nothing about 'marathon' in 2 articles" in refused
    assert "no answers yet; ask a question, then /why N" in cleared and "marathon" not in cleared


def test_why_after_nothing_more_explains_the_refusal_before_it(seeds):
    # "more" after a refusal finds nothing more: /why still explains the refusal, not "no answers yet"
    result = run("chat", input="what did Putin say about Ukraine\nmore\n/why 1\n")
    assert result.returncode == 0, result.stderr
    assert "Putin has nothing more about Ukraine" in result.stdout
    why = result.stdout.split("nothing more", 1)[1]
    assert "no answers yet" not in why
    assert "missing: no words of 'Putin' about 'Ukraine'" in why



MATCH = {
    "match.txt": """Rovers win derby at home

Striker Dan Pritchard scored twice as Rovers beat City 3-1 on Saturday.

Rovers manager Alan Tolland said the team had "earned every point". "The fans were magnificent," Tolland added.

Pritchard has now scored 14 goals this season, and he leads the league's scoring chart.
""",
}


def test_who_said_that_and_he_for_a_person_asked_about(isolated):
    """ "who said that?" is whose words the last answer gave, searched for nothing; "he" after a question naming
    someone who never speaks is that person, not the speaker of the answer."""
    build([write_articles(isolated / "match", MATCH)], Path("index"))
    status, output, chat = chat_session(
        Path("index"), "what did the manager say about the fans\r", "who said that?\r", "and what about the team?\r",
        "how many goals did Pritchard score on Saturday\r", "how many goals has he scored this season?\r",
        "\x04", k=1)
    assert status == 0
    assert "Tolland: the first answer above gives their words" in output
    understood = [line for line in output.splitlines() if line.startswith("→ ")]
    # the follow-up after "who said that?" still follows the speech question before it
    assert understood[0] == "→ what did the manager say about the team"
    assert understood[1] == "→ how many goals has Pritchard scored this season?"
    assert "14 goals this season" in output
    assert chat.context.person == "Pritchard"
