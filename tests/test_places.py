"""What counts as a place for a where question's cue (``sentences._places``, ``Sentence.places``, ``features.cue``):
a name after "in", "at", "near" and the like, a venue's name after "the" ("the Mottram Hall hotel"), a place after a
word for a kind of place and "of" ("the Mowden area of Darlington"), after a word of motion and "to" ("moved to
London"); not a date ("in October"), a person ("from Mr Brown"), nor most names after "of" or "to" ("the film
editor of Heat", "a threat to Nintendo"). Checked on the real BBC articles' sentences."""

from __future__ import annotations

import pytest

from qabot.analysis import Analyzer
from qabot.answering.features import cue
from qabot.answering.parse import QuestionKind
from qabot.answering.sentences import Sentence, _places


def _sentence(bbc_dir, path: str, opening: str) -> str:
    """The sentence of BBC article ``path`` that opens with ``opening``, as the article writes it."""
    text = (bbc_dir / path).read_text(encoding="utf-8")
    at = text.index(opening)
    end = min(i for i in (text.find(". ", at), text.find(".\n", at), text.find('."', at)) if i >= 0) + 1
    return text[at:end]


PLACES = [
    # a venue named after "the", its kind's word written with a capital, whatever stands before "the"
    ("politics/247.txt", "The Liberal Democrat leader will visit", ["Neasden", "Shri Swaminarayan Mandir Temple"]),
    ("sport/128.txt", "A 25-man squad will spend", ["Mottram Hall", "Cheshire", "Manchester United's",
                                                              "Mottram Hall"]),
    # a kind of place, then "of"
    ("politics/061.txt", "A spokeswoman for Royal Mail said", ["Mowden", "Darlington"]),
    # "X, of Y": where a firm or a person is from
    ("business/334.txt", "Contrack International, of Arlington", ["Arlington"]),
    # dates and a person after prepositions are none
    ("sport/128.txt", "Smith, meeting a number of his squad", []),
]


@pytest.mark.parametrize("path, opening, expected", PLACES)
def test_places_a_bbc_sentence_names(bbc_dir, path, opening, expected):
    assert _places(_sentence(bbc_dir, path, opening)) == expected


def test_what_is_no_place():
    # dates, people, titles, and names after "of" or "to" that follow no word for a kind of place or of motion
    assert _places("Mitsubishi is due to unveil a recovery plan later in January.") == []
    assert _places("Robinson took over from Sir Clive Woodward in September.") == []
    assert _places('"I\'d be very happy," said Charles Gant, film editor of Heat.') == []
    assert _places("Sony's PSP represents a real threat to Nintendo because of the huge number of games.") == []
    assert _places("It also won acting awards for stars Paul Giamatti, Thomas Haden Church and Virginia Madsen.") == []
    # and what is one
    assert _places("Tom Reddle said up to 300 jobs would be moved to London if the takeover is successful.") == ["London"]
    assert _places("Pro-hunt supporters gathered in central London.") == ["London"]
    assert _places("In Washington, Congress has been debating four anti-spyware bills.") == ["Washington"]


def test_a_where_questions_cue_is_a_place_it_does_not_name(bbc_dir):
    analyzer = Analyzer()
    text = _sentence(bbc_dir, "politics/061.txt", "A spokeswoman for Royal Mail said")
    sentence = Sentence(0, len(text), tuple(analyzer.terms(text)), frozenset(), text, analyzer)
    assert cue(QuestionKind.WHERE, sentence, set(analyzer.terms("where were the ballot papers delivered")), frozenset()) == 1.0
    # a place the question names, whole or in part, is what it asks about, not where: only the other place counts
    assert cue(QuestionKind.WHERE, sentence, set(analyzer.terms("where in Darlington is Mowden")), frozenset()) < 1.0
    assert cue(QuestionKind.WHERE, sentence, set(analyzer.terms("where is Mowden")), frozenset()) == 1.0
    tower = "In 1917, around the time that the Wardenclyffe Tower was demolished, Tesla received the Edison Medal."
    shown = Sentence(0, len(tower), tuple(analyzer.terms(tower)), frozenset(), tower, analyzer)
    assert cue(QuestionKind.WHERE, shown, set(analyzer.terms("where was Wardenclyffe located")), frozenset()) < 1.0


def test_which_country_is_answered_by_a_countrys_name_anywhere_in_the_sentence(tmp_path):
    # "which countries": the answer names them as the subject ("are Greece and Italy"), not after "in" or "at"
    from conftest import ask_json, first_text, index_articles

    story = ("EU reform drive falls behind\n\n"
             "The European Commission says the pace of economic reform in Europe has been too slow since the summit in "
             "Lisbon. Ministers in Brussels will discuss the report next week.\n\n"
             "Among the biggest laggards, according to the report, are Greece and Italy. Denmark came top.\n")
    index = index_articles(tmp_path, reform=story)
    (answer,) = ask_json(index, "Which EU countries were singled out as the biggest laggards on economic reform?")
    assert first_text(answer) == "Among the biggest laggards, according to the report, are Greece and Italy."
