"""Speech questions of kinds the fourth news tuning set showed (bench/data/news_tuning4.jsonl): a speaker's name
misspelt in a letter the stem hides, "according to X" and "why did X say", a body that speaks through its
spokesperson, a role word no list holds, the question's own verb of speech, and "how did X respond" answered by
X's words rather than by a sentence that only names X. Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ask_json, first_text, index_articles
from qabot.speakers import speaker_matches, speaker_phrase

ARTICLES = {
    "oil": """Oil tycoon attacks auction

Jailed oil tycoon Mikhail Khodorkovsky has spoken out about the auction of his company's main unit.

"Since the sale of the unit, I have been relieved of all responsibility for the business," Mr Khodorkovsky said.
""",
    "mailout": """TV channel criticised over mail-out

Following complaints, the Advertising Standards Authority contacted Five to cease the promotion of its crime show.

Complaints about the promotion reached Five from viewers in London, and complaints about Five's promotion came from Leeds.

More complaints about the promotion of the show on Five came from parents in York and from viewers in Hull.

Five's promotion drew complaints in Bath, and complaints about the Five promotion came from Bristol too.

Five said it had received 100 complaints but that it was "obvious this material is promoting a drama".
""",
    "lawyers": """Lawyer quits terror panel

Ian MacDonald QC quit the panel of special advocates on Monday.

"I cannot continue to lend support to locking people up without trial," Mr MacDonald said of his resignation.
""",
    "rugby": """Kirwan rues kicking errors

Italy coach John Kirwan watched his side lose to Scotland at Murrayfield.

"The kicking was the decisive factor. We gave away too many points," said Kirwan of the defeat in Scotland.
""",
    "council": """Welsh councils get funding rise

Councils in Wales will get a 4.5% rise in funding next year, the assembly government has announced.

A Plaid Cymru spokesman said the funding settlement was "hugely disappointing".
""",
    "film": """Morrison film found in archive

A 40-year-old film of Jim Morrison has been found in Florida.

Florida state archivist Jody Norman said the film was "incredible" and Morrison "so clean cut and soft-spoken".
""",
    "dam": """Dam fears grow after storms

Officials said the Carrow dam was in good repair and had been inspected in May.

Officials warned that the river could burst its banks near the dam by Friday and urged residents to leave.
""",
    "weir": """Weir cools Euro hopes

Everton defender David Weir has played down talk of European football, despite his team lying second.

Weir told BBC Radio Five Live: "We don't want to rest on our laurels. The only thing that matters is the next game."
""",
    "striker": """Coach denies striker talks

Chelsea boss Jose Mourinho has denied that he held talks with the striker, though his interest in signing a striker is known.

Mourinho said he was "just practising my Portuguese with him because I don't need strikers".
""",
    "rates": """Bank raises interest rates

The Bank of England has raised interest rates to 4.75%, its decision taken on Thursday after a close vote.
""",
    "protest": """Hunt protesters charged

Eight men who stormed the chamber during the debate have been charged, after the charges were put to them on Monday.

"There is no offence of trespassing in the chamber," the men's solicitor Matthew Knight said.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return index_articles(tmp_path_factory.mktemp("news-kinds"), **ARTICLES)


def _ask(index: Path, question: str) -> dict:
    (answer,) = ask_json(index, question)
    return answer


def test_a_misspelt_name_word_is_corrected_though_its_stem_is_known(index):
    # "Khodorkovski" and "Khodorkovsky" stem to one term, but a speaker is matched by the words as written
    answer = _ask(index, "What did Mikhail Khodorkovski say about the sale of the unit?")
    assert "relieved of all responsibility" in first_text(answer)
    assert answer["searched"][0] == "Mikhail Khodorkovsky"
    # typed in lower case, a word the articles never write is corrected to a name
    answer = _ask(index, "what did khodorkovksy say about the sale")
    assert "relieved of all responsibility" in first_text(answer)


def test_how_did_x_respond_is_answered_by_xs_words_not_a_sentence_naming_x(index):
    # "the Authority contacted Five" names Five, but Five said nothing in it
    answer = _ask(index, "How did Five respond to the complaints about its promotion?")
    assert "obvious this material" in first_text(answer)


def test_according_to_x_and_why_did_x_say_ask_for_xs_words(index):
    assert "The kicking was the decisive factor" in first_text(_ask(index, "According to John Kirwan, what went wrong in Scotland?"))
    assert "The kicking was the decisive factor" in first_text(_ask(index, "What went wrong for Italy in Scotland, according to Kirwan?"))
    assert "locking people up" in first_text(_ask(index, "Why did Ian MacDonald QC say he was resigning?"))
    # a theory or "the text" is cited, not quoted: no speech question
    from qabot.analysis import Analyzer
    from qabot.answering.parse import QuestionKind, parse
    analyzer = Analyzer()
    assert parse("According to the theory, what does the name mean?", analyzer).kind is not QuestionKind.SAY
    assert parse("According to Kirwan, what went wrong for Italy?", analyzer).speaker == "Kirwan"
    # a figure asked "according to X" stays a question for a figure
    assert parse("How many people settle here every year, according to the minister?", analyzer).kind is QuestionKind.HOW_MANY


def test_a_body_speaks_through_its_spokesperson():
    assert speaker_matches("Five", "A Five spokesman")
    assert speaker_matches("Plaid Cymru", "Plaid Cymru's local government spokesman Dai Lloyd")
    assert speaker_matches("Liberty", "a spokesman for the campaign group Liberty")
    # a person's spokesman speaks for them, not as them
    assert not speaker_matches("Blair", "Mr Blair's spokesman")
    assert not speaker_matches("Blair", "the Prime Minister Tony Blair's spokesman")


def test_what_did_a_body_say_finds_its_spokesmans_words(index):
    assert "hugely disappointing" in first_text(_ask(index, "What did Plaid Cymru say about the funding settlement?"))


def test_a_lowercase_word_before_a_name_is_the_persons_role(index):
    assert speaker_phrase("Florida state archivist Jody Norman").head == "archivist"
    assert speaker_matches("the state archivist", "Florida state archivist Jody Norman")
    assert "clean cut" in first_text(_ask(index, "What did the state archivist say about the Jim Morrison film?"))


def test_the_questions_own_verb_favours_words_that_use_it(index):
    # both are the officials' words about the dam; only one is a warning
    assert "burst its banks" in first_text(_ask(index, "What did officials warn about the dam?"))
    assert "good repair" in first_text(_ask(index, "What did officials say about the dam's repair?"))


def test_words_opening_a_paragraph_are_about_what_the_lede_says(index):
    # the topic is in the lede, the quotation opens the next paragraph and never names it
    assert "rest on our laurels" in first_text(_ask(index, "What did Everton's David Weir say about talk of European football?"))


def test_one_word_of_a_topic_beside_xs_words_is_not_xs_words_about_it(index):
    # "interest" beside Mourinho's words, the rest of a long topic far from them: he said nothing about it
    answer = _ask(index, "what did Mourinho say about the Bank of England's decision on interest rates on Thursday")
    assert answer["no_answer"] is True or answer["unsure"] is True
    # his words about the striker stay his words about it
    assert "practising my Portuguese" in first_text(_ask(index, "what did Mourinho say about the striker talks"))


def test_a_role_asked_with_whose_it_is_is_found_however_the_article_says_whose(index):
    assert speaker_matches("the protesters' solicitor", "the men's solicitor Matthew Knight")
    # a body's possessive, or the body a chief leads, is still asked for
    assert not speaker_matches("the board's statement", "the club's statement")
    assert not speaker_matches("the referees' chief", "the players' chief")
    assert "no offence of trespassing" in first_text(_ask(index, "What did the protesters' solicitor argue about the charges?"))
