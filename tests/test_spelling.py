"""Spelling: question words the corpus lacks, corrected against the corpus's own words (real rapidfuzz)."""

from __future__ import annotations

from pathlib import Path

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
