"""Spelling: question words the corpus lacks, corrected against the corpus's own words (real rapidfuzz)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run
from qabot.build import build
from qabot.index import Index
from qabot.retrieval import LocalCorpus
from qabot.spelling import Speller

WORDS = [("Ukraine", 24), ("Ukraine’s", 3), ("about", 1797), ("abbot", 2), ("daughter", 26), ("Libya", 2),
         ("Libya's", 3), ("Gonzalo", 2), ("Wang", 5), ("with", 2000), ("which", 900), ("Wenger", 30),
         ("Wagner", 1), ("to", 5000)]


def test_misspellings_become_the_corpus_words_as_the_corpus_spells_them():
    speller = Speller(WORDS)
    assert {w: speller.correct(w) for w in ["duaghter", "lybia", "Ukrane", "abut", "Wnag", "ginzalo", "ukriane"]} == {
        "duaghter": "daughter", "lybia": "Libya", "Ukrane": "Ukraine", "abut": "about", "Wnag": "Wang",
        "ginzalo": "Gonzalo", "ukriane": "Ukraine",
    }
    # equally close: the more frequent ("Wenger", not "Wagner", for "Wegner")
    assert speller.correct("Wegner") == "Wenger"
    # typed with a capital, a name is likelier than a word one edit closer
    names = Speller([("Blair", 3000), ("blame", 100)])
    assert names.correct("Blare") == "Blair" and names.correct("blare") == "blame"


def test_a_word_the_corpus_holds_is_never_corrected_nor_a_short_or_far_one():
    speller = Speller(WORDS)
    for word in ["abbot", "Ukraine", "ukraine", "UKRAINE", "Ukraine’s", "libya", "to"]:
        assert speller.correct(word) is None, word
    assert speller.correct("tp") is None            # too short to correct safely
    assert speller.correct("xylophone") is None     # nothing close
    assert speller.correct("wan") is None or speller.correct("wan") == "Wang"
    assert speller.correct("1234") is None
    assert "ukraine" in speller and speller.count("Ukraine") == 27


def test_correct_words_of_a_question():
    speller = Speller(WORDS)
    assert speller.correct_words("what did Wnag say abut Ukrane?") == [("Wnag", "Wang"), ("abut", "about"),
                                                                         ("Ukrane", "Ukraine")]


def test_the_speller_of_an_index(seeds):
    build([seeds], Path("index"))
    speller = Speller(LocalCorpus(Index.open(Path("index"))).spellings())
    assert [speller.correct(w) for w in ["Ukrane", "abut", "Wnag", "Patrushv", "Moscow"]] == [
        "Ukraine", "about", "Wang", "Patrushev", None]


def test_a_capitalised_word_is_corrected_only_to_a_name_and_an_acronym_only_to_an_acronym():
    speller = Speller([("side", 40), ("could", 300), ("Colin", 12), ("all", 900), ("Sidney", 3), ("NATO", 9),
                       ("Kremlin", 4)])
    assert speller.correct("Sida") is None          # a name the corpus lacks is no misspelt common word
    assert speller.correct("sida") == "side"        # typed lower case it may be
    assert speller.correct("COVID") is None         # an acronym is spelt on purpose: not "Colin", not "could"
    assert speller.correct("NATTO") == "NATO"       # but an acronym's own misspelling is corrected
    bodies = Speller([("ABC", 30), ("BBC", 90), ("NATO", 9), ("CBS", 5)])
    assert bodies.correct("AFC") is None            # a short acronym one letter from another is another body
    assert bodies.correct("BCB") == "BBC"           # its letters swapped are a slip
    assert bodies.correct("NTAO") == "NATO"
    assert bodies.correct("CBC") is None            # not CBS, not BBC: a body of its own
    assert speller.correct("ill") is None           # one edit turns a short word into many: not "all"
    assert speller.correct("Kremlim") == "Kremlin"


def test_a_capitalised_word_may_be_a_misspelt_word_of_names(tmp_path):
    """A word the corpus writes with a capital often, though not mostly ("International" in names of bodies), is one
    a capitalised question word may misspell, one slip away with its first letter; a word seldom capitalised is not
    ("Sida" is no "side"), nor one two edits or another first letter away ("Vulture" is no "Culture")."""
    speller = Speller([("international", 245), ("International", 160), ("Internacional", 3), ("side", 338),
                       ("Side", 2), ("culture", 60), ("Culture", 40), ("constable", 40), ("Constable", 12)])
    assert speller.correct("Internatonal") == "International"
    assert speller.correct("Sida") is None and speller.correct("Vulture") is None
    assert speller.correct("Constance") is None
    from conftest import ask_json, first_text, index_articles

    index = index_articles(tmp_path, contrack="""Contractor wins Iraq power deal

A US firm has won a $325m contract to rebuild power stations in Iraq.

The deal went to Contrack International, of Arlington, Virginia, which beat three other bidders.

Work on the first of the stations will begin in May, the firm said. Many international firms have pulled out of
Iraq since the summer.
""")
    (answer,) = ask_json(index, "Where is Contrack Internatonal based?")
    assert "Arlington, Virginia" in first_text(answer) and answer["searched"] == ["International"]


def test_no_silly_hint_for_a_capitalised_word_the_article_lacks(seeds):
    import subprocess
    import sys
    build([seeds], Path("index"))
    out = subprocess.run([sys.executable, "-m", "qabot", "ask", "--index", "index", "--json", "-"], text=True,
                         capture_output=True, check=True,
                         input="what about COVID\nWhat is Sida?\nis Putin ill?\nwhat did Wang say abut Ukrane?\n").stdout
    import json
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["no_answer"] for a in answers] == [True, True, True, False]
    assert "could" not in answers[0]["message"] and "side" not in answers[1]["message"]
    assert answers[2]["message"].startswith("nothing about 'ill'") and "all" not in answers[2]["message"]
    assert answers[3]["searched"] == ["Ukraine"]    # "about" is no word searched for


def test_a_lower_case_word_is_no_misspelt_name_when_the_question_capitalises_names(seeds):
    speller = Speller([("Joe", 40), ("March", 12), ("Wang", 5), ("watch", 3)])
    assert speller.correct("job", common=True) is None and speller.correct("job") == "Joe"
    assert speller.correct("match", common=True) == "watch"  # a common word may still be corrected to a common word
    build([seeds], Path("index"))
    # "Wang Yi" capitalised: "job" is a word the article lacks, not a misspelt "Joe"
    answer = json.loads(run("ask", "--json", "-k", "1", "What is Wang Yi's job?").stdout)
    assert "Joe" not in answer["searched"] and "Wang Yi" in answer["answers"][0]["text"]
    # typed all in lower case, a name may be misspelt so: "wnag" is Wang
    answer = json.loads(run("ask", "--json", "-k", "1", "what did wnag say abut ukrane").stdout)
    assert answer["searched"] == ["Wang", "Ukraine"]
