"""Follow-up questions understood from the conversation so far (pure functions, real analyzer)."""

from __future__ import annotations

from pathlib import Path

from qabot.analysis import Analyzer
from qabot.answering.parse import parse
from qabot.build import build
from qabot.conversation import Context, Turn, after, understand
from qabot.index import Index
from qabot.vocabulary import Lexicon

ANALYZER = Analyzer()
SPEAKERS = {"wang", "putin", "blair"}


def speaks(word: str) -> bool:
    return word.lower() in SPEAKERS


def talk(lines: list[str], shown: int = 3) -> list[Turn]:
    """Understand each line after the ones before it, as if every answer showed ``shown`` answers."""
    context, turns = Context(), []
    for line in lines:
        turn = understand(line, context, speaks)
        turns.append(turn)
        context = after(turn, context, speaks, ANALYZER, shown=shown)
    return turns


def test_the_reference_conversation():
    turns = talk(["what did Wang say about Ukraine", "and Putin?", "what about trade?", "more",
                  "what else did he say?", "who is Patrushev"])
    assert [(t.question, t.rewritten) for t in turns] == [
        ("what did Wang say about Ukraine", False),
        ("what did Putin say about Ukraine", True),
        ("what did Putin say about trade", True),
        ("what did Putin say about trade", True),
        ("what did Putin say?", True),
        ("who is Patrushev", False),
    ]
    assert [t.skip for t in turns] == [0, 0, 0, 3, 0, 0]
    assert [t.more for t in turns] == [False, False, False, True, False, False]
    assert [t.exclude_seen for t in turns] == [False, False, False, False, True, False]


def test_more_counts_what_was_shown_and_needs_a_question_first():
    first = understand("more", Context(), speaks)
    assert first.question is None and first.note == "there is no question yet to show more answers to"
    turns = talk(["what did Blair say about taxes", "more", "more", "next"], shown=2)
    assert [t.skip for t in turns] == [0, 2, 4, 6]
    assert {t.question for t in turns} == {"what did Blair say about taxes"}


def test_a_name_not_seen_speaking_or_about_is_a_topic():
    turns = talk(["what did Wang say about Ukraine", "and Kuleba?", "and on Putin?", "what about the economy?",
                  "and Blair?"])
    assert [t.question for t in turns[1:]] == [
        "what did Wang say about Kuleba",
        "what did Wang say about Putin",
        "what did Wang say about the economy",
        "what did Blair say about the economy",
    ]


def test_pronouns_resolve_to_the_last_person_asked_about():
    turns = talk(["what did Wang say", "when did he meet Putin", "what did she say about his trip"])
    assert turns[1].question == "when did Wang meet Putin"
    assert turns[2].question == "what did Putin say about Putin’s trip"  # the last person named


def test_her_before_a_noun_is_hers_and_before_a_stopword_is_her():
    turns = talk(["what did Wang say", "who is Sarah Nguyen", "what was her reaction to the visit?",
                  "what did Wang tell her about water"])
    assert turns[2].question == "what was Sarah Nguyen’s reaction to the visit?"  # a speech question about her
    assert turns[3].question == "what did Wang tell Sarah Nguyen about water"
    assert parse(turns[2].question, ANALYZER).speaker == "Sarah Nguyen"


def test_a_pronoun_with_no_one_before_it_is_asked_back():
    for line, pronoun in [("what did he say", "he"), ("what did she say?", "she"), ("when was his trip", "his")]:
        turn = understand(line, Context(), speaks)
        assert turn.question is None and turn.note == f"who do you mean by '{pronoun}'?"
    assert understand("where did they meet?", Context(), speaks).question == "where did they meet?"


def test_a_pronoun_in_the_topic_is_the_speaker_the_question_names():
    line = "What did Kanye West say about the old soul records he samples?"
    turn = understand(line, Context(), speaks)  # not asked back: "he" is Kanye West
    assert turn.question == line and turn.note is None
    turns = talk(["what did Wang say", "what did Blair say about his trip", "what did Putin say about him",
                  "what did Putin say about her plans"])
    assert turns[1].question == "what did Blair say about his trip"  # Blair's trip, not Wang's
    assert turns[2].question == "what did Putin say about Blair"  # an object is another: the last person asked about
    assert turns[3].question == "what did Putin say about her plans"  # his own (no woman in the conversation)
    # a speaker the articles call "he" owns no "her": she is the conversation's woman
    context = after(understand("who is Sarah Nguyen", Context(), speaks), Context(), speaks, ANALYZER, shown=3)
    turn = understand("what did Wang say about her plans", context, speaks, lambda who: "he" if who == "Wang" else None)
    assert turn.question == "what did Wang say about Sarah Nguyen’s plans"


def test_he_and_she_are_whom_the_conversation_was_about():
    # the one asked about, though the articles never show her speaking
    turns = talk(["what did Lindqvist say about fishing", "who is Sarah Nguyen", "what did she say about water?"])
    assert turns[2].question == "what did Sarah Nguyen say about water?"
    # a question that names no one: the speaker of its first answer
    context = after(understand("what was agreed in Moscow", Context(), speaks), Context(), speaks, ANALYZER,
                    shown=3, subject="Wang")
    assert understand("what did he say about it", context, speaks).question == "what did Wang say about it"


def test_they_are_the_last_group():
    turns = talk(["what did U.S. officials warn about?", "what did they say about China?", "who is Sarah Nguyen",
                  "did they meet her?"])
    assert turns[1].question == "what did U.S. officials say about China?"
    assert turns[3].question == "did U.S. officials meet Sarah Nguyen?"


def test_a_complete_question_starts_afresh():
    turns = talk(["what did Wang say about Ukraine", "and what did Blair say about taxes", "how much did trade grow",
                  "and exports?", "what about imports?"])
    assert [(t.question, t.rewritten) for t in turns[1:]] == [
        ("and what did Blair say about taxes", False),
        ("how much did trade grow", False),
        ("how much did exports grow", True),
        ("how much did imports grow", True),
    ]


def test_with_the_lexicon_of_the_bundled_article(seeds):
    build([seeds], Path("index"))
    lexicon = Lexicon(Index.open(Path("index")).words)
    context = Context()
    out = []
    for line in ["what did Wang say about Ukraine", "and putin?", "and Patrushev?"]:
        turn = understand(line, context, lexicon.speaks)
        context = after(turn, context, lexicon.speaks, ANALYZER, shown=3)
        out.append(turn.question)
    assert out == ["what did Wang say about Ukraine", "what did putin say about Ukraine", "what did putin say about Patrushev"]


def test_and_x_after_a_question_about_the_article():
    # "when was it published" then "and Putin?" is no "when was Putin": Putin's words (he speaks), else a search
    turns = talk(["when was it published?", "and Putin?"])
    assert turns[1].question == "what did Putin say"
    turns = talk(["who wrote the article?", "what about trade?"])
    assert turns[1].question == "trade"
    # the question goes on after its subject: "how much did the bridge cost" -> "and the tunnel?"
    turns = talk(["how much did the bridge cost?", "and the tunnel?", "who is the mayor?", "and the minister?"])
    assert [t.question for t in turns[1::2]] == ["how much did the tunnel cost", "who is the minister"]
