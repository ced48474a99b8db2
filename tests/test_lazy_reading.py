"""Reading only what a question needs: a passage's sentences analysed when first asked for, an own-only passage
decided from its speaker's sentences alone, no garbage collection while a question is answered. Each shortcut
must give what the whole work gives, on the real BBC articles."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from qabot.answering import Answerer, QuestionKind, parse
from qabot.answering import features
from qabot.answering.features import Context
from qabot.index import Index

ROOT = Path(__file__).resolve().parent.parent


def _speech_questions(answerer: Answerer) -> list:
    """The speech questions of the BBC tuning sets, parsed."""
    out = []
    for path in sorted((ROOT / "bench" / "data").glob("bbc_tuning_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = parse(json.loads(line)["question"], answerer.analyzer)
                if q.kind is QuestionKind.SAY and q.speaker_terms:
                    out.append(q)
    return out


def test_one_sentence_of_a_passage_is_the_sentence_of_the_passage_analysed_whole(bbc_index):
    lazy = Answerer(Index.open(bbc_index)).reader
    whole = Answerer(Index.open(bbc_index)).reader
    checked = 0
    for p in range(0, lazy.n_passages, 7):
        passage = lazy.passage(p)
        analysed = whole.passage(p).sentences
        assert len(passage.spans) == len(analysed)
        assert passage.terms() == [x.terms for x in analysed]
        for i in range(len(passage.spans) - 1, -1, -1):
            assert "sentences" not in passage.__dict__  # nothing analysed whole yet
            sentence = analysed[i]
            assert passage.held(i) == set(sentence.terms) | sentence.irregular
            assert passage.sentence(i) == sentence
            checked += 1
        assert passage.sentences == analysed
        assert passage.terms() == [x.terms for x in analysed]
        assert passage.sentence(0) is passage.sentences[0]  # once analysed whole, taken from there
        if p:
            previous = lazy.previous_sentence(passage)
            before = whole.passage(p - 1)
            expected = before.sentences[-1] if before.paragraph == passage.paragraph and \
                lazy.corpus.article_passages(passage.article).start != p else None
            assert previous == expected
    assert checked > 5000


def test_an_own_only_passage_is_ruled_out_exactly_when_it_gives_no_candidate(bbc_index):
    answerer = Answerer(Index.open(bbc_index))
    reader, speech = answerer.reader, answerer.speech
    asked = _speech_questions(answerer)
    assert len(asked) > 100
    ruled_out = kept = 0
    for q in asked[::3]:
        hits = reader.retriever.top(list(q.terms), 60)
        if not hits:
            continue
        weights = {t: reader.weight(t) for t in q.terms}
        ctx = Context(question=q, weights=weights, local=weights, say=True, idf_sum=sum(reader.idf(t) for t in q.terms),
                      max_idf=reader.idf("\0"), best_score=hits[0][1], rarest=None)
        for rank, (p, score) in enumerate(hits, start=1):
            if not speech.speaks(p, q.speaker):
                continue
            quick = features._any_own(reader, ctx, reader.passage(p), speech.speakers(p), speech)
            whole = features.candidates(reader, speech, ctx, reader.passage(p), score, rank, own_only=True)
            assert quick == bool(whole), (q.text, p)
            ruled_out += not quick
            kept += quick
    assert ruled_out > 20 and kept > 20


def test_no_garbage_collection_while_a_question_is_answered(bbc_index):
    answerer = Answerer(Index.open(bbc_index))
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    thresholds = gc.get_threshold()
    gc.callbacks.append(count)
    try:
        gc.set_threshold(1, 1, 1)  # a collection at almost every allocation, were the collector on
        assert gc.isenabled()
        q = parse("what did Tony Blair say about the election", answerer.analyzer)
        collections.clear()
        answer = answerer.answer(q)
        assert not collections
        assert gc.isenabled()  # on again afterwards
        kept = [type("Kept", (), {})() for _ in range(10)]  # kept, and no list or dict (made from free lists, uncounted)
        assert collections and kept  # and collects again
        gc.disable()
        try:
            again = answerer.answer(q)
            assert not gc.isenabled()  # left off when it was off
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*thresholds)
    assert answer.evidence and [e.text for e in answer.evidence] == [e.text for e in again.evidence]


def test_a_cycle_made_between_questions_is_freed_by_the_next_full_collection(bbc_index, monkeypatch):
    import weakref

    from qabot.answering import collection

    class Node:
        pass

    answerer = Answerer(Index.open(bbc_index))
    monkeypatch.setattr(collection, "FIRST_FULL", 3)
    monkeypatch.setattr(collection, "_answered", 0)
    monkeypatch.setattr(collection, "_next_full", 3)
    monkeypatch.setattr(collection, "_freezing", False)  # (as it was found, after the test)
    collection.freeze_answered()  # as the command line's batch, chat and servers ask
    assert gc.isenabled()
    node = Node()
    node.self = node  # a cycle: only the collector frees it
    gone = weakref.ref(node)
    del node
    answerer.ask("what did Tony Blair say about the election")  # frozen with the answer's caches
    gc.collect()
    assert gone() is not None  # set aside: no collection walks it
    answerer.ask("what did Michael Howard say about taxes")
    assert gone() is not None
    answerer.ask("what did Wenger say about Vieira")  # the third: everything collected, then frozen again
    assert gone() is None
    assert gc.isenabled() and gc.get_freeze_count() > 10000  # the caches set aside again
    assert collection._next_full == 6  # the next after twice as many answers in all
    gc.unfreeze()


def test_the_namers_search_finds_what_the_search_with_classes_finds(bbc_dir):
    import re

    from qabot.answering.speech import _marked, _name_pattern, _searchable

    def plain(names):  # the pattern as first written: "[.'’]?" between the letters, searched in the text itself
        return re.compile("|".join("[.'’]?".join(map(re.escape, n)) for n in sorted(names, key=len, reverse=True)))

    cases = [{"obrien"}, {"us"}, {"blair", "tony"}, {"mr", "s"}, {"st", "ts"}, {"kilroy-silk"}, {"a", "aa"},
             {"itv", "bbc", "uk"}, {"e", "l"}]
    texts = [_searchable(p.read_text(encoding="latin-1")) for p in sorted(bbc_dir.rglob("*.txt"))[::9]]
    texts += ["o'brien o’brien o.brien o..brien o'’brien u.s. u's us. .us' 'a'a'a' a.a a’’a", "...''’’"]
    found = 0
    for names in cases:
        new, old = _name_pattern(names), plain(names)
        for text in texts:
            if text is None:
                continue
            spans = [m.span() for m in new.finditer(_marked(text))]
            assert spans == [m.span() for m in old.finditer(text)]
            found += len(spans)
    assert found > 1000
