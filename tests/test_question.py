"""Question analysis: kind, speaker, topic terms; question words are not search terms."""

from __future__ import annotations

import pytest

from qabot.analysis import Analyzer
from qabot.answering.parse import Question, parse


def test_the_reference_question_in_full():
    assert parse("what did Wang say about Ukraine", Analyzer()) == Question(
        text="what did Wang say about Ukraine", kind="say", speaker="Wang", speaker_terms=("wang",),
        topic_terms=("ukrain",), topic_words=("Ukraine",))


@pytest.mark.parametrize(("text", "speaker", "speaker_terms", "topic_words"), [
    ("What did Mr Blair tell MPs about the euro?", "Mr Blair", ("blair",), ("MPs", "euro")),
    ("what has Gordon Brown said on debt relief", "Gordon Brown", ("gordon", "brown"), ("debt", "relief")),
    ("what was said by Putin about trade", "Putin", ("putin",), ("trade",)),
    ("What did Wang tell Putin", "Wang", ("wang",), ("Putin",)),
    ("what does Roy Hodgson say", "Roy Hodgson", ("roy", "hodgson"), ()),
])
def test_speech_questions(text, speaker, speaker_terms, topic_words):
    q = parse(text, Analyzer())
    assert (q.kind, q.speaker, q.speaker_terms, q.topic_words) == ("say", speaker, speaker_terms, topic_words)
    assert not {"what", "did", "say", "said", "tell", "does", "has"} & set(q.terms)


@pytest.mark.parametrize(("text", "kind"), [
    ("how much did TimeWarner's quarterly profits jump", "how_much"),
    ("By how much did Nestle revenue dip in 2004?", "how_much"),
    ("What percentage of Newcastle's population was culled by the plague?", "how_much"),
    ("How many pupils were brought back to school?", "how_many"),
    ("When did Wang meet Patrushev?", "when"),
    ("In what year did Tesla graduate from the Higher Real Gymnasium?", "when"),
    ("Where was the RSA Security conference held?", "where"),
    ("Which city hosted Super Bowl 50?", "where"),
    ("Who wrote The Vagina Monologues?", "who"),
    ("For whom was the Small Catechism meant?", "who"),
    ("Why was the student group called the Methodists?", "why"),
    ("What is the Norman architecture idiom?", "what"),
    ("Did Wang meet Putin?", "yesno"),
    ("Patrushev", "keywords"),
    ("What does the Islamic State lack from the international community?", "what"),  # "State" is no verb
    ("What did the civil war leave the state of Afghanistan's economy in?", "what"),  # no speaker ends in "the"
    ("What did Watt add to the steam engine in 1788?", "what"),                       # "add to" is no speech
    ("What does the marginal value added by an economic actor determine?", "what"),   # nor a passive "added by"
    ("How did Celeron feel about Native relations?", "say"),   # how X felt is X's words, or told of X (issue 13)
    ("How did the war affect trade?", "how"),                  # "affect" is no speech
])
def test_question_kinds(text, kind):
    assert parse(text, Analyzer()).kind == kind


def test_question_words_are_not_search_terms():
    q = parse("When did Wang meet Patrushev?", Analyzer())
    assert q.terms == ("wang", "meet", "patrushev")
    assert parse("what is the", Analyzer()).terms == ()


def test_go_is_a_question_word_not_a_search_term():
    # "go up by" asks for an amount; "we are going to extend" must not match it
    q = parse("how much will maternity pay go up by", Analyzer())
    assert (q.kind, q.terms) == ("how_much", ("matern", "pay"))
    assert parse("Where did Tesla go after he left Graz?", Analyzer()).terms == ("tesla", "left", "graz")


@pytest.mark.parametrize("text, verb, subject", [
    ("who met Putin?", "met", ()),
    ("where did Putin and Wang meet?", "meet", ("Putin", "Wang")),
    ("when is Xi visiting Russia?", "visiting", ("Xi",)),
    ("where did they meet?", "meet", ()),
    ("who is the chairman of the board?", None, ()),
    ("what did Wang say about Ukraine", None, ()),
    # written with a capital, as most people write (the wh-word was matched in lower case only: no verb at all)
    ("When did Merck pull Vioxx from sale?", "pull", ("Merck",)),
    ("Where was Patsy Rowlands born?", "born", ("Patsy", "Rowlands")),
    ("Who did Sania Mirza beat to win the Hyderabad Open?", "beat", ("Sania", "Mirza")),
    ("When does Patti Smith's Meltdown festival start?", "start", ("Patti", "Smith's", "Meltdown")),
    ("When did the Clinton administration file the tobacco claim", "file", ("Clinton",)),
    ("Who is the chief executive?", None, ()),
])
def test_the_verb_and_subject_a_who_when_where_question_asks_about(text, verb, subject):
    q = parse(text, Analyzer())
    assert (q.verb, q.subject) == (verb, subject)


@pytest.mark.parametrize(("text", "kind", "speaker", "topic_words"), [
    ("help me understand the floods", "keywords", None, ("floods",)),
    ("Can you tell me what Blair said about the euro?", "say", "Blair", ("euro",)),
    ("I'd like to know how the union reacted to the pay deal", "say", "the union", ("pay", "deal")),
    ("i want to know who won the election", "who", None, ("election",)),
    ("do you know who wrote the article about the storm?", "author", None, ("storm",)),
    ("explain why Yukos was sold", "why", None, ("Yukos", "sold")),
])
def test_a_request_round_a_question_is_not_searched_for(text, kind, speaker, topic_words):
    """ "help me understand", "can you tell me", "I'd like to know": the question inside is asked, and a clause
    ("what Blair said") is the question it stands for; the question keeps the text as typed."""
    q = parse(text, Analyzer())
    assert (q.kind, q.speaker, q.topic_words, q.text) == (kind, speaker, topic_words, text)


@pytest.mark.parametrize("text", [
    "What company confirmed that Beyoncé would participate in the halftime show?",
    "How much is council tax in Scotland expected to go up on average?",
    "What share of voters thought Blair had been damaged by the affair?",
])
def test_a_question_with_a_speech_verb_later_is_not_taken_for_a_clause(text):
    assert parse(text, Analyzer()).kind != "say"


@pytest.mark.parametrize(("text", "speaker", "topic_words"), [
    ("what did the mayor also say", "the mayor", ()),
    ("what did Blair later say about Iraq", "Blair", ("Iraq",)),
    ("What did Wang actually say about Ukraine?", "Wang", ("Ukraine",)),
])
def test_a_word_of_when_or_how_before_the_verb_is_no_part_of_the_speaker(text, speaker, topic_words):
    q = parse(text, Analyzer())
    assert (q.speaker, q.topic_words) == (speaker, topic_words)
