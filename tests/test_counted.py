""""How many X" answered by a passage past the first ten that writes a number just before X
(``retrieve.counted_passages``): the words around the count are common to many stories, and the one passage giving
the count ranks below them. Small articles written here, asked through the real CLI, with the deeper look switched
off (``counted_passages`` 10, no deeper than the candidates) to show it matters."""

from __future__ import annotations

from conftest import answer_texts, index_articles

FILMS = ("a documentary about George Michael", "a drama set in Rwanda", "a German comedy", "a Chinese martial arts epic",
         "a British thriller", "an animated film from Japan", "a French romance", "a Brazilian crime story",
         "a Korean horror film", "an Iranian road movie", "a Danish family drama", "an Italian musical")

SCREENINGS = """Berlin festival opens with a record programme

The annual festival opened on Thursday with its longest programme yet, its organisers said.

Tickets sold out within hours for the opening night, and extra screenings were added at two cinemas in the city.

Some 350 films will be shown at this year's festival, which runs for ten days.

The jury is led by the actor Roland Emmerich, who said he was delighted to have been asked.
"""

OFF = {"retrieval": {"counted_passages": 10}}


def stories() -> dict[str, str]:
    out = {f"story{i}": f"Berlin festival shows {film}\n\nThe Berlin festival has shown films of every kind, and "
                        f"{film} will be shown there this year.\n"
           for i, film in enumerate(FILMS)}
    out["programme"] = SCREENINGS
    return out


def test_a_count_of_the_thing_asked_far_down_is_a_candidate(tmp_path):
    index = index_articles(tmp_path, **stories())
    question = "how many films will be shown at the Berlin festival"
    assert "350 films" in answer_texts(index, question, {}, tmp_path)[0]
    assert not any("350 films" in t for t in answer_texts(index, question, OFF, tmp_path))


def test_a_number_before_another_word_is_no_count_of_it(tmp_path):
    """"350 seats" counts seats, not films: the deeper passage is not read for "how many films"."""
    texts = stories()
    texts["programme"] = SCREENINGS.replace("Some 350 films will be shown", "Its 350 seats will be filled for films shown")
    assert "350 seats" in texts["programme"]
    index = index_articles(tmp_path, **texts)
    question = "how many films will be shown at the Berlin festival"
    assert not any("350 seats" in t for t in answer_texts(index, question, {}, tmp_path))
    wide = {"retrieval": {"counted_gap": 6}}  # six words between: "350 seats will be filled for films" would count
    assert "350 seats" in answer_texts(index, question, wide, tmp_path)[0]
