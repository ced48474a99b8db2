"""Odd questions: each gets an answer or a clear one-line message, exit 0, in bounded time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import run
from qabot.render import MESSAGE_CHARS

NO_WORDS = "No answer: the question has no words to search for; ask about a name, a place or a topic.\n"


@pytest.fixture
def seed_index(seeds):
    assert run("index").returncode == 0
    return seeds.parent / "index"


@pytest.mark.parametrize("question, output", [
    ("", NO_WORDS),
    ("   \t ", NO_WORDS),
    ("the of and is to", NO_WORDS),
    ("?!... ,; -- ''", NO_WORDS),
    ("🙂🚀🎉", NO_WORDS),
    ("中国外交部长王毅", "No answer: nothing about '中国外交部长王毅' in 1 article.\n"),
    ("ما قاله وانغ عن أوكرانيا", "No answer: nothing about 'ما قاله وانغ عن أوكرانيا' in 1 article.\n"),
    ("что сказал Ван об Украине", "No answer: nothing about 'что сказал Ван об Украине' in 1 article.\n"),
])
def test_odd_questions_get_a_clear_message(seed_index, question, output):
    result = run("ask", question, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, output, "")


def test_emoji_among_words_does_not_stop_an_answer(seed_index):
    result = run("ask", "--json", "Wang 🙂 Ukraine", timeout=60)
    answer = json.loads(result.stdout)
    # (Wang's words on Ukraine: "a meeting with Ukrainian Foreign Minister" holds "Ukraine" too, forms.NATIONS)
    assert answer["answers"][0]["text"].startswith(("“We don’t want to see the Ukraine crisis", "“On the Ukraine issue"))


def test_a_100_kb_question_is_answered_in_bounded_time(seed_index):
    result = run("ask", "--json", "Ukraine peace " * 7500, timeout=60)
    assert result.returncode == 0
    assert json.loads(result.stdout)["answers"][0]["text"].startswith("“On the Ukraine issue, China has always")
    words = " ".join(f"zq{i:05}x" for i in range(11_000))  # 100 KB of words found nowhere
    result = run("ask", words, timeout=60)
    assert result.returncode == 0
    # shortened in the middle: one readable line, not 100 KB echoed back
    assert result.stdout.startswith("No answer: nothing about 'zq00000x zq00001x ")
    assert result.stdout.endswith(" zq10998x zq10999x' in 1 article.\n")
    assert " … " in result.stdout and len(result.stdout) < MESSAGE_CHARS + 20 and result.stdout.count("\n") == 1


def test_odd_questions_through_stdin_keep_their_order(seed_index):
    lines = ["", "   ", "the of", "🙂", "Wang Ukraine", "中国", "x" * 100_000]
    result = run("ask", "--json", "-", input="\n".join(lines) + "\n", timeout=60)
    assert result.returncode == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == ["the of", "🙂", "Wang Ukraine", "中国", "x" * 100_000]
    assert [a["no_answer"] for a in answers] == [True, True, False, True, True]


def test_questions_with_bytes_that_are_not_utf8(seed_index):
    for env in ({"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}):
        result = subprocess.run([sys.executable, "-m", "qabot", "ask", "--json", "-"], input=b"Wang \xff Ukraine\n",
                                capture_output=True, env=dict(os.environ, **env), timeout=60)
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert answer["question"] == "Wang \ufffd Ukraine" and not answer["no_answer"]
    result = subprocess.run([sys.executable, "-m", "qabot", "ask", "--json", b"zebra\xff"], capture_output=True,
                            timeout=60)
    assert json.loads(result.stdout)["question"] == "zebra\ufffd"
