"""``qabot quotes``: a speaker's words across articles, run as a subprocess on small real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, write_articles

ARTICLES = {
    "2023-03-01-river.txt": """Ferrara shuts river banks

By Lucia Rossi

The mayor of Ferrara, Anna Benedetti, said the river banks would stay closed until the water fell.

“We will not wait for Rome to act,” the mayor said. Benedetti’s critics called the closure a stunt.

Police said three roads were shut. The minister has written to the council.
""",
    "2023-01-10-budget.txt": """Ferrara budget passes

The city council approved the budget on Tuesday.

Anna Benedetti said the budget would pay for new flood walls. “Water is the first thing we must fix,” she added.

Opposition leader Marco Verdi said the plan cost too much.
""",
    "copy-of-budget.txt": """Budget passes in Ferrara (copy)

Anna Benedetti said the budget would pay for new flood walls.

A spokesman for Benedetti declined to comment further.
""",
}


@pytest.fixture
def corpus(isolated) -> Path:
    """Three small articles, one repeating another's quotation, indexed through the CLI."""
    folder = write_articles(isolated / "articles", ARTICLES)
    result = run("index", str(folder), "--index", "idx")
    assert result.returncode == 0, result.stderr
    return folder


def quotes_json(*args: str) -> list[dict]:
    result = run("quotes", *args, "--index", "idx", "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_word_of_a_speaker_grouped_by_article_and_cited(corpus):
    found = quotes_json("Benedetti")
    assert [(q["article"]["title"], q["paragraph"], q["text"]) for q in found] == [
        ("Ferrara budget passes", 2, "Anna Benedetti said the budget would pay for new flood walls."),
        ("Ferrara budget passes", 2, "“Water is the first thing we must fix,” she added."),
        ("Ferrara shuts river banks", 1,
         "The mayor of Ferrara, Anna Benedetti, said the river banks would stay closed until the water fell."),
        ("Ferrara shuts river banks", 2, "“We will not wait for Rome to act,” the mayor said."),
    ]
    first = found[0]
    assert set(first) >= {"speaker", "text", "article", "paragraph", "start", "end", "date"}
    text = (corpus / first["article"]["path"].split("/")[-1]).read_text(encoding="utf-8")
    assert first["end"] - first["start"] == len(first["text"])
    assert first["text"] in text
    # the copy's identical sentence is merged into the first, cited as another place
    assert [a["path"].split("/")[-1] for a in first["also"]] == ["copy-of-budget.txt"]
    # mentions are not quotes: "Benedetti’s critics ...", "A spokesman for Benedetti ..."
    assert not any("critics" in q["text"] or "spokesman" in q["text"] for q in found)


def test_a_title_a_group_and_a_topic(corpus):
    assert [q["text"] for q in quotes_json("the mayor")] == [
        "The mayor of Ferrara, Anna Benedetti, said the river banks would stay closed until the water fell.",
        "“We will not wait for Rome to act,” the mayor said.",
    ]
    assert [q["speaker"] for q in quotes_json("police")] == ["Police"]
    assert [q["text"] for q in quotes_json("the minister")] == ["The minister has written to the council."]
    assert quotes_json("the governor") == []
    # on the topic: the speaker's own sentences of a paragraph where her words touch it
    assert [q["text"] for q in quotes_json("Benedetti", "--about", "water")] == [
        "Anna Benedetti said the budget would pay for new flood walls.",
        "“Water is the first thing we must fix,” she added.",
        "The mayor of Ferrara, Anna Benedetti, said the river banks would stay closed until the water fell.",
    ]


def test_the_readable_listing_and_bad_input(corpus):
    result = run("quotes", "Verdi", "--index", "idx")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ferrara budget passes",
        "articles/2023-01-10-budget.txt",
        "> Opposition leader Marco Verdi said the plan cost too much.",
        "  ¶ 3 · reported",
    ]
    nothing = run("quotes", "Nobody", "--index", "idx")
    assert nothing.returncode == 0 and nothing.stdout == "No quotes: no article names 'Nobody'.\n"
    # named but never speaking (on the topic): said so, with how many articles were read
    silent = run("quotes", "Verdi", "--about", "weather", "--index", "idx")
    assert silent.returncode == 0 and silent.stdout.startswith("No quotes: no words of 'Verdi' about 'weather' in the ")
    # --color, before or after the command, as for ask and chat
    painted = run("quotes", "Verdi", "--index", "idx", "--color", "always")
    assert painted.returncode == 0 and painted.stdout.startswith("\x1b[1mFerrara budget passes\x1b[0m\n")
    plain = run("--color", "never", "quotes", "Verdi", "--index", "idx")
    assert plain.returncode == 0 and plain.stdout == result.stdout
    empty = run("quotes", " ", "--index", "idx")
    assert empty.returncode == 2 and empty.stderr.startswith("qabot: error:") and "Traceback" not in empty.stderr
    missing = run("quotes", "Blair", "--index", "no-such-index")
    assert missing.returncode == 4 and len(missing.stderr.splitlines()) == 1


@pytest.fixture(scope="module")
def bbc_quotes_index(tmp_path_factory, bbc_dir) -> Path:
    index = tmp_path_factory.mktemp("bbcq") / "index"
    result = run("index", str(bbc_dir), "--index", str(index))
    assert result.returncode == 0, result.stderr
    return index


@pytest.mark.parametrize(("name", "about", "surname"), [("Blair", "Iraq", "Blair"), ("Howard", "tax", "Howard")])
def test_bbc_speakers_own_words_only(bbc_quotes_index, name, about, surname):
    result = run("quotes", name, "--about", about, "--index", str(bbc_quotes_index), "--json")
    assert result.returncode == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(found) >= 5
    for quote in found:
        assert quote["speaker"].split()[-1] == surname, quote
        assert quote["speaker"] not in ("Sir Ian Blair", "Ian Blair"), quote


def test_bbc_blair_on_the_euro_is_none(bbc_quotes_index):
    """The BBC articles never have Blair speak of the euro (one has a UKIP man speak of his "refusal to go into the
    euro"): no quotes, rather than his words on "European" leaders or the "European Council"."""
    result = run("quotes", "Blair", "--about", "euro", "--index", str(bbc_quotes_index))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No quotes: no words of 'Blair' about 'euro' in ")


def test_hostile_article_text_never_reaches_the_terminal(isolated):
    folder = isolated / "hostile"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        "Evil \x1b]0;owned\x07title\n\n“Clear the screen \x1b[2J now \u202eplease,” Mallory said.\n", encoding="utf-8")
    assert run("index", str(folder), "--index", "idx").returncode == 0
    shown = run("quotes", "Mallory", "--index", "idx", env={"TERM": "xterm"})
    assert shown.returncode == 0, shown.stderr
    assert "Mallory said" in shown.stdout
    assert not any(c in shown.stdout for c in "\x1b\x07\u202e")
    as_json = run("quotes", "Mallory", "--index", "idx", "--json")
    assert as_json.stdout.isascii() and json.loads(as_json.stdout)["speaker"] == "Mallory"
