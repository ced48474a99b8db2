"""Retrieve: the passages whose sentences are candidates, through the ``Retriever`` protocol only."""

from __future__ import annotations

from ..retrieval import Term
from .asked import WORD
from .parse import Question, QuestionKind
from .sentences import NUMBER, Reader


def passages(reader: Reader, q: Question, known: tuple[str, ...]) -> list[tuple[int, float]]:
    """The top BM25 passages for the question's known terms as ``(passage id, score)``, best first:
    more of them for a speech question, whose speaker's words may stand far down the list."""
    depth = reader.params.retrieval
    say = q.kind is QuestionKind.SAY and bool(q.speaker_terms)
    return reader.retriever.top(with_forms(reader, known), depth.say_passages if say else depth.candidate_passages)


def with_forms(reader: Reader, known: tuple[str, ...]) -> list[Term]:
    """``known``, each term with the irregular forms of its word that the corpus holds, as one term of
    alternatives: "meet" is searched as "met" too (stemming leaves them apart, and "where did they meet" is
    answered by "Putin met with Wang ..."), and a passage holding both weighs as one holding the better of them,
    not as one holding two of the question's words ("Australian Open" and "Australia" are not two matches of
    "australian"). A form the question asks for itself stays its own term."""
    forms = reader.irregular_terms
    out: list[Term] = []
    for t in known:
        extra = tuple(f for f in forms.get(t, ()) if f not in known and reader.df(f))
        out.append((t, *extra) if extra else t)
    return out


def speaker_passages(reader: Reader, articles: list[int], seen: set[int], known: tuple[str, ...]) -> list[tuple[int, float]]:
    """``(passage id, score)`` for the passages not yet looked at of the articles where X's words were found.

    X's quotation often goes on in a paragraph that does not name X ("Gaming is becoming more of a social
    thing", two paragraphs after "Mr Gates said"), which BM25 alone does not bring up.
    """
    depth = reader.params.retrieval
    extra = [p for a in articles[:depth.speaker_articles]
             for p in list(reader.corpus.article_passages(a))[:depth.speaker_article_passages] if p not in seen]
    if not extra:
        return []
    return list(zip(extra, reader.retriever.scores(list(known), extra)))


def rest_of_stories(reader: Reader, hits: list[tuple[int, float]], known: tuple[str, ...]) -> list[tuple[int, float]]:
    """``(passage id, score)`` for the passages not among ``hits`` of the first short articles ``hits`` come from.

    A news story names its subject in full in its headline and lede and later only as "the 58-year-old", "the
    actor" or "he": "How old is Patti Smith?" is answered by "The 58-year-old US singer ...", in a passage that
    never writes "Patti Smith", which BM25 ranks 14th. Only short articles (``RetrievalParams.short_story``
    passages at most): a long one (a Wikipedia page) is about many things, one to a section."""
    depth = reader.params.retrieval
    if depth.short_story <= 0 or depth.story_articles <= 0:
        return []
    seen = {p for p, _ in hits}
    articles: list[int] = []
    for p, _ in hits:
        a = reader.passage(p).article
        if a not in articles:
            articles.append(a)
            if len(articles) == depth.story_articles:
                break
    extra = []
    for a in articles:
        span = reader.corpus.article_passages(a)
        if len(span) <= depth.short_story:
            extra.extend(p for p in span if p not in seen)
    if not extra:
        return []
    return list(zip(extra, reader.retriever.scores(with_forms(reader, known), extra)))


def counted_passages(reader: Reader, hits: list[tuple[int, float]], known: tuple[str, ...],
                     counted: str) -> list[tuple[int, float]]:
    """``(passage id, score)`` for passages past ``hits`` among the top ``RetrievalParams.counted_passages`` that
    write a number just before the thing a "how many X" question counts ("350 films", "6.23 million copies").

    The words around the count are often common to many stories (a festival, a game, a show) and the one passage
    that gives the count ranks past the first ten."""
    depth = reader.params.retrieval
    if depth.counted_passages <= len(hits):
        return []
    seen = {p for p, _ in hits}
    deep = [(p, score) for p, score in reader.retriever.top(with_forms(reader, known), depth.counted_passages)
            if p not in seen]
    out = []
    for (p, score), holds in zip(deep, reader.retriever.holding([counted], [p for p, _ in deep])):
        if not holds:
            continue  # the postings tell: no word of the thing counted there
        text = reader.passage_text(p)
        for m in NUMBER.finditer(text):
            after = WORD.findall(text[m.end():m.end() + 40])[:depth.counted_gap + 1]
            if any(reader.analyzer.term(w) == counted for w in after):
                out.append((p, score))
                break
    return out
