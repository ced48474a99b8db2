"""A speaker's quotation before the lede that reports it: for "what did X say about Y", "what does X think of Y" and
"how does X rate Y", when X's best words are the article's lede telling what X said ("Harbour chief executive Tom
Reddle insists the club will never sell Joe Brand ..."), X's first quotation about Y later in the story comes first
and the lede second (``OwnWords.quotation_first``). Real articles written here, the real CLI as a subprocess."""

from __future__ import annotations

import pytest

from conftest import answer_texts, ask_json, first_text, index_articles

ARTICLES = {
    "brand": """Reddle rules out Brand sale

Harbour chief executive Tom Reddle insists the club will never sell striker Joe Brand amid reports that Dunmore will renew their bid for him.

Brand scored twice in the cup win on Wednesday. And Reddle has moved to end claims that Dunmore could launch a new offer.

"There is no chance of Joe going in January," said Reddle. "That just won't happen. Our intention is that we will never let him go."

The club play again on Saturday.
""",
    "kells": """Kells backs banned sprinter

World champion Anna Kells says suspended sprinter Mia Dorne should be allowed to compete at the Games again.

Dorne was banned for two years after a failed test and her ban runs out in May. But Kells says the athletics board should reverse its decision to ban her for life. "It was too harsh," Kells told Radio Five Live. "They should reconsider."
""",
    "toll": """Toll rise on bridge

Transport minister Ruth Pell has said that tolls on the Farrow bridge will rise next year.

"The bridge needs repairs and the tolls will pay for them," Ms Pell said.

Drivers' groups said the rise was unfair.
""",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("quotation_first"), **ARTICLES)


def test_xs_quotation_comes_before_the_lede_that_reports_it(index):
    answer, = ask_json(index, "What did Harbour's chief executive say about selling Joe Brand?")
    texts = [a["text"] for a in answer["answers"]]
    assert texts[0].startswith('"There is no chance of Joe going in January," said Reddle.'), texts
    assert "That just won't happen" in texts[0]
    # the lede, the reporter's summary of the same words, is the next answer
    assert texts[1].startswith("Harbour chief executive Tom Reddle insists"), texts


def test_a_quotation_whose_topic_is_only_it_comes_before_the_lede(index):
    # "It was too harsh": the ban is named in the lede and the sentence before, the quotation calls it "it"
    for question in ("What does Anna Kells think of Mia Dorne's ban?", "What did Kells say about Mia Dorne's ban?"):
        text = first_text(ask_json(index, question)[0])
        assert '"It was too harsh," Kells told Radio Five Live.' in text, question
        assert not text.startswith("World champion Anna Kells says"), question


def test_a_quotation_right_after_the_lede_is_shown_with_it(index):
    # nothing stands between them: the lede is given first, its quotation with it, not the quotation alone
    text = first_text(ask_json(index, "What did Ruth Pell say about tolls on the Farrow bridge rising next year?")[0])
    assert text.startswith("Transport minister Ruth Pell has said"), text
    assert "the tolls will pay for them" in text


def test_turned_off_the_lede_comes_first(index, tmp_path):
    texts = answer_texts(index, "What did Harbour's chief executive say about selling Joe Brand?",
                         {"speech": {"quotation_first": False}}, tmp_path)
    assert texts[0].startswith("Harbour chief executive Tom Reddle insists"), texts
