"""Questions about someone's words asked otherwise than "what did X say" (issue 13): "how did X explain /
feel about / react to Y", "what did X hope / praise", "what was X's reaction to Y", "what reason did X give
for Y"; speakers named by what they did ("the playwright who wrote Y", "the impresario behind Y") or by a
body's possessive ("Corvid's director of programmes", "Barclays' chief executive"); and an answer told of X
rather than quoted ("Chirac reacted to his warning by saying ..."). Real articles written here, the real
analyzer, and the real CLI as a subprocess."""

from __future__ import annotations

import json

import pytest

from conftest import ask_json, first_text, index_articles, run
from qabot.analysis import Analyzer
from qabot.answering.parse import QuestionKind, parse

ARTICLES = {
    "emi": """EMI shares fall after album delays

Shares in EMI fell 16% after the music group said new albums from Coldplay and Gorillaz would be late.

Alain Levy, chairman of EMI Music, explained the delay. "Releasing albums is not an exact science," he said. "We would rather be late than release a poor record."

Analysts said the delay would cut profits by a tenth.
""",
    "summit": """Blair warns Europe over rebate

Tony Blair warned European leaders that the union would fail unless it reformed its farm budget.

French President Jacques Chirac reacted to his warning by saying Europe instead needed to reinforce its own unity.

Mr Chirac said the summit dinner in Brussels had been "excellent" and the wine very good.
""",
    "poppins": """Mary Poppins musical opens in London

The Mary Poppins musical has opened in London after a preview run in Bristol.

The show was masterminded by theatre impresario Sir Cameron Mackintosh. He said he hoped the musical would be "a blend of the sweet-natured film and the darker books".

Laura Michelle Kelly, who plays the nanny, said she was "very nervous" about meeting Dame Julie Andrews.
""",
    "uganda": """Uganda bans Vagina Monologues

Uganda's authorities have banned the play The Vagina Monologues, due to open in the capital Kampala this weekend.

The Ugandan Media Council said the play promoted illegal sexual acts.

But the play's author, US playwright Eve Ensler, told the BBC the ban showed "there is obviously some fear" in the government.
""",
    "corvid": """Theatre group Corvid loses its grant

The Corvid theatre group will lose its arts council grant next year.

Corvid's director of programmes, Maria Okafor, said the cut would close two touring shows. "Without the money, the rural tour simply stops," she said.

Barclays' chief executive John Varley said the bank would not step in.
""",
}


@pytest.mark.parametrize("question, speaker, topic, narrated", [
    ("How did Alain Levy explain the delay?", "Alain Levy", ("delay",), True),
    ("How did Laura Michelle Kelly feel about meeting Dame Julie Andrews?", "Laura Michelle Kelly",
     ("meeting", "Dame", "Julie", "Andrews"), True),
    ("how did the club react to the bid", "the club", ("bid",), True),
    ("What was Levy's reaction to the delay?", "Levy", ("delay",), True),
    ("What were Barclays' views on growth?", "Barclays", ("growth",), True),
    ("What reason did the minister give for the delay?", "the minister", ("delay",), True),
    ("What did the theatre impresario behind Mary Poppins hope the musical would be?", "the theatre impresario",
     ("musical", "would", "Mary", "Poppins"), True),
    ("What did the playwright who wrote The Vagina Monologues tell the BBC about the ban?", "the playwright",
     ("BBC", "ban", "Vagina", "Monologues"), False),
    ("What did the author of The Vagina Monologues say about the ban?", "the author", ("ban", "Vagina", "Monologues"),
     False),
    ("What did the director of the FBI say?", "the director of the FBI", (), False),  # who leads a body stays whole
    ("What did the Foreign Secretary praise India and Pakistan for?", "the Foreign Secretary", ("India", "Pakistan"),
     True),
    ("What did Corvid's director of programmes say about the grant?", "Corvid's director of programmes", ("grant",),
     True),
    ("What did Barclays' chief executive say?", "Barclays' chief executive", (), False),
    ("What did Blair say about Europe?", "Blair", ("Europe",), False),
])
def test_kinds_of_speech_question_parse_as_speech_about_the_speaker(question, speaker, topic, narrated):
    q = parse(question, Analyzer())
    assert q.kind is QuestionKind.SAY
    assert (q.speaker, q.topic_words, q.narrated) == (speaker, topic, narrated)


@pytest.mark.parametrize("question, kind", [
    ("How did the Romans build roads?", QuestionKind.HOW),
    ("How does the engine work?", QuestionKind.HOW),
    ("What is the reason for the delay?", QuestionKind.WHAT),
    ("What was the cause of the fire?", QuestionKind.WHAT),
    ("What did the man who said hello say?", QuestionKind.WHAT),  # a relative clause of any verb is no role
    ("What position did Luther have in Wittenberg?", QuestionKind.WHAT),  # "position" had, not given
    ("How do some scholars view the war?", QuestionKind.HOW),  # a quantified group is no one speaker
    ("How would one describe the summers in Fresno?", QuestionKind.HOW),
])
def test_questions_about_things_stay_plain(question, kind):
    q = parse(question, Analyzer())
    assert q.kind is kind and q.speaker is None


def test_each_kind_gets_the_speakers_words(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    expected = {
        "What reason did Levy give for the delay?": "not an exact science",
        "What did the theatre impresario behind Mary Poppins hope the musical would be?": "a blend of the sweet-natured film",
        "How did Laura Michelle Kelly feel about meeting Dame Julie Andrews?": "very nervous",
        "What did the playwright who wrote The Vagina Monologues tell the BBC about the ban?": "some fear",
        "What did the author of The Vagina Monologues say about the ban?": "some fear",
        "What did Corvid's director of programmes say about the grant?": "close two touring shows",
        "What did Barclays' chief executive say?": "would not step in",
        "What was Maria Okafor's reaction to the cut?": "close two touring shows",
    }
    for question, answer in zip(expected, ask_json(index, *expected)):
        assert expected[question] in first_text(answer), question
    # "how did X explain": his words within the first two, after the sentence saying he explained it
    (answer,) = ask_json(index, "How did Alain Levy explain the delay?")
    assert any("not an exact science" in a["text"] for a in answer["answers"][:2])


def test_an_answer_told_of_the_speaker_is_found(tmp_path):
    index = index_articles(tmp_path, **ARTICLES)
    told, said = ask_json(index, "how did Chirac respond to Blair's warning", "What did Chirac say?")
    # Chirac never speaks of the warning in his own words: the sentence telling his reply is found (first or
    # after the warning it answers), not his words about the dinner as if they were about the warning
    texts = [a["text"] for a in told["answers"]]
    assert not told["no_answer"]
    assert any(t.startswith("French President Jacques Chirac reacted to his warning by saying") for t in texts[:2]), texts
    assert not any("summit dinner" in t for t in texts[:2]), texts
    # "what did X say" with no topic stays X's own words only, never a sentence merely about X
    assert [a["text"] for a in said["answers"]] == [
        'Mr Chirac said the summit dinner in Brussels had been "excellent" and the wine very good.']


TALKS = """Leaders meet in Moscow

The top Chinese diplomat, Wang Yi, and Russian President Vladimir Putin pledged to strengthen their ties.

"We are reaching new frontiers," Putin said.

Putin told Wang that he was looking forward to welcoming Xi Jinping to Russia.

In his opening remarks, Putin predicted that trade could reach $200 billion this year.
"""


def test_what_did_x_say_gives_xs_own_words_before_words_shared_with_another(tmp_path):
    index = index_articles(tmp_path, talks=TALKS)
    (answer,) = ask_json(index, "what did Putin say?")
    texts = [a["text"] for a in answer["answers"]]
    assert len(texts) == 3 and not any("pledged" in t for t in texts), texts
    # with room for four, the pledge he made with Wang comes last
    result = run("ask", "--index", str(index), "--json", "-k", "4", "what did Putin say?")
    four = [a["text"] for a in json.loads(result.stdout)["answers"]]
    assert four[:3] == texts and four[3].startswith("The top Chinese diplomat, Wang Yi, and Russian President")


CLUB = """Wenger angry at referee after defeat

Arsenal lost 2-1 at Old Trafford on Sunday.

"The referee gave them everything today," Wenger said. Police said two fans were arrested after the match.

His claims were denied by Foreign Secretary Jack Straw, who accused the Tories of "running scared" of debate.

Mr Straw said he had enjoyed the match.
"""


def test_a_speaker_typed_in_lower_case_is_the_name_the_articles_write(tmp_path):
    index = index_articles(tmp_path, club=CLUB)
    wenger, police = ask_json(index, "what did wenger say about the referee", "what did police say")
    assert first_text(wenger).startswith('"The referee gave them everything today," Wenger said.')
    assert not wenger["unsure"] and wenger["searched"][0] == "Wenger"
    assert "two fans were arrested" in first_text(police)  # a group the articles write in lower case stays one


def test_an_accusation_told_in_a_clause_answers_what_x_accused_y_of(tmp_path):
    index = index_articles(tmp_path, club=CLUB)
    (answer,) = ask_json(index, "what did jack straw accuse the tories of")
    assert "running scared" in first_text(answer)


def test_went_on_to_do_something_is_no_speech_unless_it_is_words(tmp_path):
    """ "went on" attributes words ("He went on: ...", "she went on to warn"), but "went on to" a deed is none
    ("The chancellor went on to put up National Insurance"), unless a quotation follows in the sentence."""
    from conftest import attributed

    said = attributed('Mr Kennedy contrasted his plans with Mr Brown\'s pledge not to raise income tax. The chancellor '
                      'went on to put up National Insurance after the election. Fish went on to lose to Roddick in the '
                      'final.\n\nMs Hale spoke for an hour. She went on to warn that the reforms would fail. Mr Ross went '
                      'on to reflect on the values that "most Britons hold dear". Mr Dean went on: "We will win."')
    assert said["The chancellor went on to put up National Insurance after the election."] is None
    assert said["Fish went on to lose to Roddick in the final."] is None
    assert said["She went on to warn that the reforms would fail."] == "Ms Hale"
    assert said['Mr Ross went on to reflect on the values that "most Britons hold dear".'] == "Mr Ross"
    assert said['Mr Dean went on: "We will win."'] == "Mr Dean"
    index = index_articles(tmp_path, tax="""Kennedy attacks Brown on tax

Liberal Democrat leader Charles Kennedy said the chancellor had broken his word on tax.

He contrasted his plans with Mr Brown's pledge in 2001 not to increase income tax. The chancellor went on to put up National Insurance contributions after the election.

The chancellor said on Monday that tax rises were not needed to pay for the NHS.
""")
    (answer,) = ask_json(index, "what did the chancellor say about tax?")
    assert "not needed" in first_text(answer)
