"""A speech question's passages that hold no topic term are never attributed (``Speech.about_topic``, read from the
retriever's postings: ``Retriever.holding``); the answers are those of attributing every passage, and the ``rank``
feature is each passage's own BM25 rank."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ask_json, index_articles, run

from qabot.answering import Answerer
from qabot.answering.features import FEATURES
from qabot.answering.params import AnswerParams
from qabot.answering.parse import QuestionKind, parse
from qabot.answering import retrieve
from qabot.index import Index
from qabot.retrieval import LocalRetriever

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"


def speech_questions() -> list[str]:
    """The "what did X say" questions of the BBC and speech tuning sets."""
    out = []
    for name in ("bbc_tuning_1", "bbc_tuning_2", "bbc_tuning_3", "speech_tuning", "speech_tuning2"):
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out


def test_holding_tells_which_passages_hold_a_term(tmp_path):
    index = Index.open(index_articles(
        tmp_path,
        floods="Floods in Italy\n\nThousands left their homes as the river rose.\n\nThe mayor said the floods were the worst.",
        budget="The budget\n\nThe chancellor said taxes would not rise.\n\nHomes will cost more, the mayor warned.",
    ))
    retriever = LocalRetriever(index)
    passages = list(range(index.n_passages))
    for terms in (["flood"], ["mayor"], ["tax", "river"], ["home"], ["nowher"], []):
        scores = retriever.scores(terms, passages)
        assert retriever.holding(terms, passages) == [s > 0 for s in scores], terms
    assert any(retriever.holding(["flood"], passages)) and not all(retriever.holding(["flood"], passages))


def test_every_term_a_sentence_holds_is_found_in_the_postings(bbc_index):
    """``about_topic`` sets a passage aside only when the postings say it lacks a term: every term (and word of an
    irregular form) that answering reads in a sentence must be in the postings of its passage."""
    answerer = Answerer(Index.open(bbc_index))
    reader, speech = answerer.reader, answerer.speech
    checked = 0
    for p in range(0, reader.n_passages, 3):
        if reader.reads_above(p):
            continue
        held = set().union(*(set(s.terms) | s.irregular for s in reader.passage(p).sentences))
        for term in held - speech._unsearchable:
            assert reader.retriever.holding([term, *reader.irregular_terms.get(term, ())], [p]) == [True], (p, term)
            checked += 1
    assert checked > 50_000


def test_setting_aside_off_topic_passages_changes_no_answer(bbc_index, tmp_path):
    questions = speech_questions()
    off = tmp_path / "off.json"
    off.write_text(json.dumps({"speech": {"set_aside": False}}), encoding="utf-8")
    result = run("ask", "--index", str(bbc_index), "--json", "-", "--params", str(off), input="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    assert ask_json(bbc_index, *questions) == [json.loads(line) for line in result.stdout.splitlines()]


def test_off_topic_passages_are_not_attributed(bbc_index, tmp_path):
    """Not vacuous: with ``set_aside`` the same questions attribute far fewer passages."""
    index = Index.open(bbc_index)
    off = tmp_path / "off.json"
    off.write_text(json.dumps({"speech": {"set_aside": False}}), encoding="utf-8")
    attributed = []
    for params in (AnswerParams.default(), AnswerParams.load(off)):
        answerer = Answerer(index, answer_params=params)
        for text in speech_questions()[:40]:
            answerer.ask(text)
        attributed.append(len(answerer.speech._speakers))
    assert attributed[0] < 0.8 * attributed[1], attributed


def test_the_rank_feature_is_the_passage_bm25_rank(bbc_index):
    """1 / the passage's place among the retrieved passages (after them: one past the last), whichever passages
    before it were kept; X's own words share the best of their article's (``features.share_article_relevance``)."""
    answerer = Answerer(Index.open(bbc_index))
    rank = FEATURES.index("rank")
    for text in ("what did Blair say about Iraq", "what did Michael Howard say about taxes"):
        q = parse(text, answerer.analyzer, written=answerer.written)
        assert q.kind is QuestionKind.SAY
        ranked = answerer.rank(q)
        place = {p: i for i, (p, _) in enumerate(retrieve.passages(answerer.reader, ranked.question,
                                                                     ranked.check.known), 1)}

        def own_rank(p: int) -> float:
            return 1 / place.get(p, len(place) + 1)

        best: dict[int, float] = {}
        for c in ranked.candidates:
            if c.own_words:
                best[c.article] = max(best.get(c.article, 0.0), own_rank(c.passage.id))
        assert any(place.get(c.passage.id, 999) > 10 for c in ranked.candidates if c.own_words)  # words past the top ten
        for c in ranked.candidates:
            # (a sentence whose words ``OwnWords.on_topic`` found off the topic after the sharing keeps what it shared)
            assert c.x[rank] in ((best[c.article],) if c.own_words else (own_rank(c.passage.id), best.get(c.article))), \
                (text, c.start)
