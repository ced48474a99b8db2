"""Near misses by kind of question (``answering/given.py``): a question about an article's own subject asking a kind
of thing the answers never give. A sum of money none of the first answers writes, and a hospital or a judge the
articles never name beside the word, are refused with a message naming what is not given; a first answer naming no
coach beside the word, or giving no reason for a why question, is shown "not sure". Each kind beside the same
question answered by an article that gives it. Small articles written here, asked through the real CLI."""

from __future__ import annotations

import json

from conftest import ask_json, first_text, index_articles, run

LEEDS = """Bates completes Leeds United takeover

Former Chelsea chairman Ken Bates has bought a 50% stake in Leeds United. The deal was sealed at 0227 GMT on Friday.

The club's debts stood at £20m in the summer, and its training ground was sold last year.

Bates said he wanted to restore Leeds United to the Premiership within three seasons.
"""

LEEDS_PAID = LEEDS.replace("has bought a 50% stake in Leeds United.",
                           "has paid £10m for a 50% stake in Leeds United.")

STAKE = "How much did Ken Bates pay for his 50% stake in Leeds United?"


def test_a_sum_of_money_none_of_the_answers_writes_is_refused(tmp_path):
    """The article writes a sum (the club's debts), so it is not refused for its articles; the sentences about the
    stake write none, and "50%" is no sum of money."""
    answer, = ask_json(index_articles(tmp_path, leeds=LEEDS), STAKE)
    assert answer["no_answer"] is True
    assert answer["message"].startswith("no sum of money given: the sentences that answer closest")


def test_the_sum_written_beside_the_stake_answers(tmp_path):
    answer, = ask_json(index_articles(tmp_path, leeds=LEEDS_PAID), STAKE)
    assert "£10m" in first_text(answer)


HILL = """Halloween producer Debra Hill dies

Screenwriter and producer Debra Hill, best known for her work on the 70s horror classic Halloween, has died in Los
Angeles aged 54.

Hill had been treated for cancer for several months, her family said.

She co-wrote Halloween with director John Carpenter in 1978.
"""

HILL_NAMED = HILL.replace("has died in Los\nAngeles aged 54.", "has died at Cedars-Sinai Hospital in Los Angeles aged 54.")

HOSPITAL = "Which hospital was Debra Hill being treated in when she died?"


def test_a_hospital_the_articles_never_name_is_refused(tmp_path):
    """The article is about her death and says where (Los Angeles), but names no hospital beside the word."""
    answer, = ask_json(index_articles(tmp_path, hill=HILL), HOSPITAL)
    assert answer["no_answer"] is True
    assert "never name a hospital" in answer["message"], answer["message"]


def test_a_hospital_named_beside_the_word_answers(tmp_path):
    answer, = ask_json(index_articles(tmp_path, hill=HILL_NAMED), HOSPITAL)
    assert "Cedars-Sinai" in first_text(answer)


MIRZA = """Mirza thanks coach after reaching final

Indian teenager Sania Mirza has thanked her coach after reaching the final of the Hyderabad Open on Friday.

"My coach has worked with me since I was six and I owe him everything," Mirza said after the match.

Mirza, 18, is the first Indian woman to reach a WTA final.
"""

MIRZA_NAMED = MIRZA.replace("thanked her coach after", "thanked her coach, Srikant Reddy, after")

COACH = "Who is Sania Mirza's coach?"


def _ask_with(index, question: str, gates: dict, tmp_path) -> dict:
    """``question`` asked with ``gates`` (``qabot ask --params``): its JSON answer."""
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"gates": gates}), encoding="utf-8")
    result = run("ask", question, "--index", str(index), "--json", "--params", str(params))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_coach_not_named_beside_the_word_is_not_sure(tmp_path):
    """The sentence is about her coach and confident; it never names him."""
    index = index_articles(tmp_path, mirza=MIRZA)
    answer, = ask_json(index, COACH)
    assert "thanked her coach" in first_text(answer)
    assert answer["unsure"] is True and answer["confidence"] > 0.5
    assert _ask_with(index, COACH, {"unsure_without_named_kind": False}, tmp_path)["unsure"] is False


def test_a_coach_named_beside_the_word_is_sure(tmp_path):
    answer, = ask_json(index_articles(tmp_path, mirza=MIRZA_NAMED), COACH)
    assert "Srikant Reddy" in first_text(answer)
    assert answer["unsure"] is False


SAVOY = """Savoy hotel sold to Fairmont

London's Savoy hotel has been sold to a consortium led by Fairmont Hotels.

The seller, Irish-based property firm Quinlan Private, bought the Savoy along with three other hotels last year.

The Savoy opened in 1889 and was the first hotel in Britain with electric lights.
"""

SAVOY_WHY = SAVOY.replace("bought the Savoy along with three other hotels last year.",
                          "decided to sell the Savoy because it wanted to cut its debts.")

SELL = "Why did Quinlan Private decide to sell the Savoy?"


def test_a_why_question_answered_with_no_reason_is_not_sure(tmp_path):
    index = index_articles(tmp_path, savoy=SAVOY)
    answer, = ask_json(index, SELL)
    assert "Quinlan Private" in first_text(answer)
    assert answer["unsure"] is True
    assert _ask_with(index, SELL, {"unsure_without_reason": False}, tmp_path)["unsure"] is False


def test_a_why_question_answered_with_its_reason(tmp_path):
    from qabot.answering import Answerer, parse
    from qabot.answering.given import unsure
    from qabot.index import Index

    index = index_articles(tmp_path, savoy=SAVOY_WHY)
    answer, = ask_json(index, SELL)
    assert "because it wanted to cut its debts" in first_text(answer)
    answerer = Answerer(Index.open(index))
    assert unsure(answerer.reader, parse(SELL, answerer.analyzer), first_text(answer)) is None


def test_the_refusals_are_switches(tmp_path):
    """Each rule is one switch of ``GateParams``: off, the near miss is answered as before."""
    hill = _ask_with(index_articles(tmp_path, hill=HILL), HOSPITAL, {"refuse_without_named_kind": False}, tmp_path)
    assert "never name a hospital" not in (hill["message"] or "")
    (tmp_path / "leeds").mkdir()
    leeds = _ask_with(index_articles(tmp_path / "leeds", leeds=LEEDS), STAKE, {"refuse_without_money_said": False},
                      tmp_path)
    assert not (leeds["message"] or "").startswith("no sum of money given")


PAY_GAP = """Pay gap between men and women persists

Women in full-time work earn 19% less than men, according to the Equal Opportunities Commission.

The commission said the gap had narrowed only slowly since the Equal Pay Act came into force in 1975.
"""


def test_by_how_much_a_sum_differs_is_answered_by_a_share(tmp_path):
    """A question asking how much less (or by how much) is answered by a share as well as by a sum of money: neither
    refused nor held to a currency."""
    from qabot.answering import Answerer, parse
    from qabot.answering.given import unsure
    from qabot.index import Index

    question = "how much less do women working full-time earn than men"
    index = index_articles(tmp_path, gap=PAY_GAP)
    answer, = ask_json(index, question)
    assert "19% less" in first_text(answer)
    answerer = Answerer(Index.open(index))
    assert unsure(answerer.reader, parse(question, answerer.analyzer), first_text(answer)) is None
    assert unsure(answerer.reader, parse("how much do women working full-time earn", answerer.analyzer),
                  first_text(answer)) == "a sum of money"
