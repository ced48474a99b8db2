"""No byte from an article, a file name or a question reaches the terminal as a control sequence."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import run

ESC, BEL = "\x1b", "\x07"
TITLE_SET = f"{ESC}]0;pwned{BEL}"
CLEAR = f"{ESC}[2J"
HYPERLINK = f"{ESC}]8;;http://evil.example/{ESC}\\ferry link{ESC}]8;;{ESC}\\"
C1_CSI = "\u009b31m"  # CSI as one C1 character (0x9b)
ARTICLE = (f"Evil {TITLE_SET}title\n\nThe harbour {CLEAR}master said the {HYPERLINK} runs at noon, "
           f"and {C1_CSI}red\u009d too.\n")


def _ask_bytes(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "qabot", "ask", *args], input=input, capture_output=True, env=env,
                          timeout=120)


def _no_controls(raw: bytes) -> None:
    text = raw.decode("utf-8")
    assert not [c for c in text if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F], text


def test_escape_sequences_in_an_article_come_out_as_inert_text(isolated):
    (isolated / "c").mkdir()
    (isolated / "c" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    (isolated / "c" / f"{ESC}]0;name{BEL}.txt").write_text("Named\n\nThe article about ferry timetables.\n")
    assert run("index", "c").returncode == 0
    result = _ask_bytes("ferry", "-k", "2")
    assert result.returncode == 0
    assert result.stdout == (
        b"> The article about ferry timetables.\n"
        b"[1] Named \xe2\x80\x94 c/ ]0;name .txt, \xc2\xb6 1\n"
        b"\n"
        b"> The harbour master said the ferry link runs at noon, and red too.\n"
        b"[2] Evil title \xe2\x80\x94 c/art.txt, \xc2\xb6 1\n"
    )
    _no_controls(result.stdout + result.stderr)
    # the JSON contract escapes whatever is left, so no raw control byte can pass either
    result = _ask_bytes("--json", "harbour")
    assert result.stdout.isascii()
    assert json.loads(result.stdout)["answers"][0]["article"]["title"] == "Evil title"  # escapes removed whole at load


def test_questions_and_errors_are_made_safe(isolated):
    (isolated / "c").mkdir()
    (isolated / "c" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    run("index", "c")
    result = _ask_bytes("-", input=f"harbour {CLEAR}master\nzebra {TITLE_SET}\u009b2J\n".encode())
    assert result.returncode == 0
    assert result.stdout == (
        b"Q: harbour  [2Jmaster\n"  # what is left of the escape glues "2J" to "master": a word the articles lack
        b"No answer: nothing about '2Jmaster' in 1 article; the nearest sentence holds only 'harbour'.\n"
        b"\n"
        b"Q: zebra  ]0;pwned  2J\n"
        b"No answer: nothing about 'zebra 0 pwned 2J' in 1 article.\n"
    )
    error = run("index", f"{ESC}[31mnowhere{BEL}")
    assert error.returncode == 3
    assert error.stderr == "qabot: error: no such file or folder:  [31mnowhere \n"
    error = run("ask", "x", "--index", f"{ESC}]0;idx{BEL}")
    assert error.returncode == 4
    _no_controls(error.stderr.encode())
