"""What a new user met in trial 7 (CLI, chat, summaries, metadata, web, MCP), each on small real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, write_articles

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
