"""Who questions answered by the one they ask for (``select._doer_first``): among a who question's near-ties, a
sentence naming someone new beside the role the question asks ("the judge": "Judge Lord Cullen") or after its verb
done by them ("signed ... by Ruud Gullit") goes before one that only restates the question. Small articles written
here, asked through the real CLI, each with the rule switched off (``focus_doer_margin`` 0) to show it matters."""

from __future__ import annotations

from conftest import answer_texts, index_articles

COURT = """Executive loses slopping out appeal

On Thursday the Court of Session threw out the executive's appeal in the slopping out case of prisoner Robert Napier.

Judge Lord Cullen, sitting with Lord Osborne and Lord Hamilton, ruled that the appeal failed.

Prisoners had claimed damages for degrading treatment in cells without toilets.
"""

DESAILLY = """Desailly returns to Chelsea

Marcel Desailly says Chelsea are a far stronger side now than when he joined the London club.

He was signed for £4.6m from AC Milan in 1998 by Ruud Gullit and went on to captain the side.

The French defender now plays in Qatar.
"""

HOWL = """Howl's Moving Castle tops Japan box office

The book behind Howl's Moving Castle was a hit long before the film took a record 1.5bn yen in Japan.

The book's author, Diana Wynne Jones, has seen Howl's Moving Castle twice.
"""

OFF = {"gates": {"focus_doer_margin": 0}}


def test_the_role_asked_named_beside_a_new_name_goes_first(tmp_path):
    """"the judge" asks for a person: "Judge Lord Cullen" names one; the lede restates the question and names none."""
    index = index_articles(tmp_path, court=COURT, desailly=DESAILLY)
    question = "Who was the judge that threw out the executive's slopping out appeal?"
    assert answer_texts(index, question, {}, tmp_path)[0].startswith("Judge Lord Cullen")
    assert answer_texts(index, question, OFF, tmp_path)[0].startswith("On Thursday the Court of Session")


def test_the_verb_done_by_a_new_name_goes_first(tmp_path):
    """"who signed X" asks the verb's doer: "He was signed ... by Ruud Gullit" names him after the verb."""
    index = index_articles(tmp_path, court=COURT, desailly=DESAILLY)
    question = "Who signed Marcel Desailly for Chelsea?"
    assert "by Ruud Gullit" in answer_texts(index, question, {}, tmp_path)[0]
    assert answer_texts(index, question, OFF, tmp_path)[0].startswith("Marcel Desailly says")



def test_a_noun_for_the_doer_of_the_verb_counts_as_the_verb(tmp_path):
    """"who wrote" asks for an author (``lexicon.DOER_NOUNS``): "The book's author, Diana Wynne Jones" names one."""
    index = index_articles(tmp_path, court=COURT, desailly=DESAILLY, howl=HOWL)
    question = "who wrote the book behind Howl's Moving Castle"
    assert "Diana Wynne Jones" in answer_texts(index, question, {}, tmp_path)[0]
    assert "Diana Wynne Jones" not in answer_texts(index, question, {"gates": {"focus_agent": False}}, tmp_path)[0]


GRAMMY = """West leads Grammy race

West was shortlisted for ten Grammys, best new artist among them, at the awards in Los Angeles.

But in the night's biggest shock, he lost the best new artist prize to rock act Maroon 5.
"""


def test_a_verb_done_the_other_way_round_names_the_doer(tmp_path):
    """"who beat X" is answered by "X lost ... to Maroon 5" (``lexicon.CONVERSE_VERBS``)."""
    index = index_articles(tmp_path, court=COURT, desailly=DESAILLY, grammy=GRAMMY)
    question = "Who beat Kanye West to the Grammy for best new artist?"
    assert "Maroon 5" in answer_texts(index, question, {}, tmp_path)[0]
    assert "Maroon 5" not in answer_texts(index, question, OFF, tmp_path)[0]


RESIGNS = """Minister resigns over visa affair

The immigration minister resigned on Monday after the inquiry reported.

Immigration minister John Hart resigned after the inquiry reported.
"""


def test_a_month_or_a_weekday_is_no_name_a_who_question_asks_for(tmp_path):
    """The ``cue`` of a who question is a name the question does not write: "Monday" is none, "John Hart" is."""
    from qabot.answering import Answerer
    from qabot.answering.features import cue
    from qabot.answering.parse import QuestionKind
    from qabot.index import Index

    reader = Answerer(Index.open(index_articles(tmp_path, resigns=RESIGNS))).reader
    sentences = [s for p in range(reader.corpus.n_passages) for s in reader.passage(p).sentences]
    text = reader.article(0).text
    asked = {"minist", "resign"}
    cues = {text[s.start:s.end]: cue(QuestionKind.WHO, s, asked, frozenset()) for s in sentences}
    assert cues["The immigration minister resigned on Monday after the inquiry reported."] == 0.0
    assert cues["Immigration minister John Hart resigned after the inquiry reported."] == 1.0
