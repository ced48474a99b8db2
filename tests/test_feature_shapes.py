"""A passage's sentence shapes (``features.shapes``), worked out once per passage, must say of every sentence what
the sentence's own terms say; and the features read from them must be what the sentence's terms give. Checked on
the real BBC articles."""

from __future__ import annotations

import math

from qabot.answering import Answerer, parse
from qabot.answering import acronyms, features
from qabot.index import Index


def _window(terms: tuple[str, ...], matched: set[str]) -> float:
    """``compact`` the long way: the shortest stretch of ``terms`` holding every matched term it holds."""
    want = {t for t in matched if t in terms}
    if len(want) < 2:
        return 0.0
    best = min(j - i + 1 for i in range(len(terms)) for j in range(i, len(terms)) if want <= set(terms[i:j + 1]))
    return len(want) / best


def test_shapes_say_what_each_sentence_holds(bbc_index):
    reader = Answerer(Index.open(bbc_index)).reader
    size = reader.params.features.min_related
    checked = 0
    for p in range(0, reader.n_passages, 97):
        passage = reader.passage(p)
        shaped = features.shapes(reader, passage)
        assert features.shapes(reader, passage) is shaped  # once per passage
        counts: dict[str, int] = {}
        known = acronyms.pairs(reader, passage.article)
        for i, s in enumerate(passage.sentences):
            assert shaped.held[i] == acronyms.widened(set(s.terms) | s.irregular, known)  # "IMF": its name's terms too
            assert shaped.unique[i] == frozenset(s.terms) and shaped.distinct[i] == len(set(s.terms))
            assert shaped.words[i] == math.log1p(len(s.terms))
            pairs = set(zip(s.terms, s.terms[1:]))
            if s.irregular:  # "Tesla won" is the pair "tesla win" too
                forms = tuple(reader.form_terms.get(t, t) for t in s.terms)
                pairs |= set(zip(forms, forms[1:]))
            assert shaped.pairs[i] == pairs
            assert shaped.prefixes[i] == {t[:size] for t in s.terms if len(t) >= size}
            assert all(s.terms[k] == t for t, at in shaped.places[i].items() for k in at)
            assert sum(map(len, shaped.places[i].values())) == len(s.terms)
            for t in set(s.terms):
                counts[t] = counts.get(t, 0) + 1
            checked += 1
        assert shaped.sentences_with == counts
        assert shaped.pairs[-1] == shaped.pairs[len(passage.sentences) - 1]
        assert len(shaped.places) == len(passage.sentences)
    assert checked > 300


def test_a_sentences_pairs_prefixes_and_places_are_worked_out_when_first_read(bbc_index):
    reader = Answerer(Index.open(bbc_index)).reader
    passage = next(reader.passage(p) for p in range(reader.n_passages) if len(reader.passage(p).sentences) > 3)
    shaped = features.shapes(reader, passage)
    assert shaped.pairs._made == [None] * len(passage.sentences)  # nothing worked out yet
    second = shaped.places[1]
    assert shaped.places[1] is second and shaped.places._made[0] is None  # the one read, once
    assert "sentences_with" not in vars(shaped)
    assert shaped.sentences_with and "sentences_with" in vars(shaped)


def test_compact_and_related_are_the_sentence_terms_own(bbc_index):
    answerer = Answerer(Index.open(bbc_index))
    questions = ["how many people were evacuated in Italy", "what did the Conservatives promise on tax",
                 "when did Microsoft release its security software", "who won the Australian Open final",
                 "how much did the film earn at the box office"]
    seen = 0
    for text in questions:
        ranked = answerer.rank(parse(text, answerer.analyzer))
        for c in ranked.candidates:
            if c.say:  # a speech question's matched terms are its speaker's too
                continue
            s = c.passage.sentences[c.sentence]
            present = set(c.context.weights) & (set(s.terms) | s.irregular)
            x = dict(zip(features.FEATURES, c.x))
            assert x["compact"] == _window(s.terms, present)
            related = features._related(s.terms, present, c.context.prefixes, c.context.min_related)
            assert x["related"] == (sum(c.context.local[t] for t in related) / c.context.local_total if related
                                    else 0.0)
            distinct = set(s.terms)
            assert x["novel"] == (len(distinct - c.context.question_terms) / len(distinct) if s.terms else 0.0)
            seen += 1
    assert seen > 50
