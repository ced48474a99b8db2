"""Kinds of BBC news fact question (branch facts15, 2026-12-04): a short story's subject named otherwise than the
question names it, by a role its first sentence gives ("The life of late Harbour Lights singer Tom Vale ..." then "The
musician died in 1983") or by a role before a verb of the future ("The US star will play ..."). Real articles written
here, indexed and asked through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import answer_texts as ask
from conftest import run, write_articles

ARTICLES = {
    "vale.txt": """Band story to become film

The life of late Harbour Lights singer Tom Vale is to be made into a film, it has been announced.

The musician died in 1983 aged 29, shortly before the band were due to tour in the US.

Producers said filming would begin in Bristol next spring.
""",
    "label.txt": """Record label marks tenth year

Shore Records, the label of both Harbour Lights - who split when singer Tom Vale left - and the Night Drivers, is ten years old.

The label plans a box set and a concert in Bristol.
""",
    "nova.txt": """Kid Nova secret gig venue revealed

Rapper Kid Nova is to play an intimate gig in London on Saturday, following a show on a boat on the Thames on Friday.

The US star will play just two songs at a night showcasing his label at the Camden Arches.

Kid Nova filmed two songs for a television show on Friday.
""",
    "showcase.txt": """Label showcase nights return

Two songs from each act will be played at the label's showcase night.

Showcase nights at the label have launched several acts, and two songs were enough for some.
""",
    "sevens.txt": """England name sevens squad

England won the first Rugby World Cup Sevens in 1993.

The Rugby World Cup Sevens draws teams from 24 nations.

England will have to negotiate their way through a tough draw if they are to win the Sevens in Hong Kong next month.
""",
    "inquiry.txt": """Minister answers critics of war advice

The minister has published the advice she gave on the war.

"The attorney general may never have presented her answer as a summary, but others certainly did," said one critic in Leeds.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    """The articles cut into passages of a sentence or two (``--max-tokens 40``), so a story has several."""
    tmp = tmp_path_factory.mktemp("fact-kinds15")
    folder = write_articles(tmp / "articles", ARTICLES)
    result = run("index", str(folder), "--index", str(tmp / "idx"), "--max-tokens", "40")
    assert result.returncode == 0, result.stderr
    return tmp / "idx"


def _score(index: Path, tmp_path: Path, question: str, words: str, params: dict) -> float:
    """The ranking score of the answer holding ``words``."""
    path = tmp_path / "p.json"
    path.write_text(json.dumps(params), encoding="utf-8")
    result = run("ask", question, "--index", str(index), "--json", "--params", str(path), "-k", "10")
    assert result.returncode == 0, result.stderr
    return next(a["score"] for a in json.loads(result.stdout)["answers"] if words in a["text"])


def test_the_first_sentence_names_whom_the_story_describes(index, tmp_path):
    # the headline names nobody; the first sentence names Tom Vale, whom "The musician" then speaks of: that sentence
    # holds his name for ranking, and for what the when question asks of its subject it goes before the first
    # sentence, which names him but gives no date
    question = "when did Tom Vale die"
    assert "The musician died in 1983" in ask(index, question, {}, tmp_path)[0]
    on = _score(index, tmp_path, question, "The musician died", {})
    off = _score(index, tmp_path, question, "The musician died", {"features": {"story_lede": False}})
    assert on > off


def test_a_role_before_a_verb_of_the_future_describes_the_subject(index, tmp_path):
    # "The US star will play ..." speaks of Kid Nova, whom the headline names: it holds his name for ranking
    question = "Where is Kid Nova playing his intimate London gig on Saturday?"
    on = _score(index, tmp_path, question, "Camden Arches", {})
    off = _score(index, tmp_path, question, "Camden Arches", {"features": {"story_subject": False}})
    assert on > off


def test_a_described_subject_counts_as_the_named_subject_among_near_ties(index, tmp_path):
    # the best answer speaks of Kid Nova as "The US star": what the where question asks of him is there (a place after
    # the verb), as it is in the lede that names him; without the rule the lede, naming him, would be put first
    question = "Where will Kid Nova play at a night showcasing his label?"
    wide = {"gates": {"focus_margin": 10}}
    assert "Camden Arches" in ask(index, question, wide, tmp_path)[0]
    off = {"gates": {"focus_margin": 10, "focus_described": False}}
    assert "Camden Arches" not in ask(index, question, off, tmp_path)[0]


def test_a_number_after_in_is_no_place_for_a_where_question(index, tmp_path):
    # "in 1993", "from 24 nations" say when and how many: the near-tie that names a place goes first
    question = "where is the Rugby World Cup Sevens held"
    wide = {"gates": {"focus_margin": 10}}
    assert "Hong Kong" in ask(index, question, wide, tmp_path)[0]
    off = {"gates": {"focus_margin": 10, "focus_place_no_number": False}}
    assert "Hong Kong" not in ask(index, question, off, tmp_path)[0]


def test_a_role_inside_a_quotation_describes_no_one(index, tmp_path):
    # '"The attorney general may never have ...," said one critic': the critic's words, not the story telling of its
    # subject; the sentence gains nothing from the headline's words
    question = "what did the minister publish on the war in Leeds"
    on = _score(index, tmp_path, question, "attorney general", {})
    off = _score(index, tmp_path, question, "attorney general", {"features": {"story_subject": False}})
    assert on == pytest.approx(off)
