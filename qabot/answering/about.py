"""About: questions about an article itself (who wrote it, when, its title, what it is about), answered
from its metadata or, for "what is it about", with an extractive summary: its opening sentence and the
sentences most central to it, each cited like any answer.

Which article: the one the question's other words find ("who wrote the article about the floods"),
else the one given (in the chat, the article of the last answer: "this article", "it"), else the only
one; asked of many articles with nothing to tell them apart, the answer says so and names some.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..dates import iso_date
from ..lexicon import HONORIFICS
from ..model import Answer, Evidence
from .parse import Question, QuestionKind
from .sentences import Reader

FIELDS = {QuestionKind.AUTHOR: ("byline", "author"), QuestionKind.DATE: ("date", "date"),
          QuestionKind.TITLE: ("title", "title")}
"""Each metadata question's field, and the word for it in messages."""


COLLECTION_KINDS = frozenset((QuestionKind.ARTICLES, QuestionKind.NEWEST, QuestionKind.OLDEST))
"""Questions about the collection itself, answered by the articles' titles."""
WHOLE_LIST = 10
"""A collection of at most this many articles is listed whole when asked what it holds; a larger one, ``k`` at a
time."""


def answer(reader: Reader, q: Question, k: int, article: int | None) -> Answer:
    """The answer to a question about an article itself, or about the collection."""
    if q.kind is QuestionKind.BY_AUTHOR:
        return _by_author(reader, q, k)
    if q.kind is QuestionKind.ARTICLES:
        return _collection(reader, q, k)
    if q.kind in (QuestionKind.NEWEST, QuestionKind.OLDEST):
        return _by_date(reader, q, k)
    article, message = _which(reader, q, article)
    if article is None:
        return Answer(question=q.text, no_answer=True, terms=q.terms, message=message)
    chosen = reader.article(article)
    if q.kind in FIELDS:
        field, word = FIELDS[q.kind]
        value = getattr(chosen, field)
        if not value:
            return Answer(question=q.text, no_answer=True, terms=q.terms,
                          message=f"'{chosen.title}' names no {word}")
        context = f"{value}, {chosen.role}" if field == "byline" and chosen.role else value
        evidence = [Evidence(rank=1, text=value, score=1.0, context=context, article=chosen, paragraph=0, start=0,
                             end=len(value), confidence=1.0, field=field, article_number=article)]  # offsets into the field
        return Answer(question=q.text, evidence=evidence, terms=q.terms, confidence=1.0)
    return Answer(question=q.text, evidence=summary(reader, article, k), terms=q.terms, confidence=1.0, summary=True)


_SAID_BY_PRONOUN = re.compile(r"(?i)[,”\"’']\s*(?:he|she|they)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[.!?]?\s*$")
"""A sentence whose words are given to a bare pronoun at its end ("... £180,000 a year, he said.")."""


def summary(reader: Reader, article: int, k: int) -> list[Evidence]:
    """The article's opening sentence and its ``k - 1`` most central others, in the article's order.

    A sentence is central when the words it holds are the article's own: the sum, over its distinct
    terms, of how often the rest of the article uses each, weighted by IDF and divided by the square root
    of its length in terms (so a long sentence does not win by length alone). A sentence that leans on the
    one before it (it opens with "He" or "This", or ends ", he said") is shown only with that one, so that
    every sentence of the summary says who or what it is about."""
    chosen = reader.article(article)
    sentences = [(p, s) for p in reader.corpus.article_passages(article) for s in reader.passage(p).sentences]
    if not sentences:
        return []
    counts = Counter(t for _, s in sentences for t in set(s.terms))

    def central(s) -> float:
        terms = set(s.terms)
        return sum((counts[t] - 1) * reader.idf(t) for t in terms) / math.sqrt(len(s.terms) + 1)

    def leans(i: int) -> bool:
        s = sentences[i][1]
        return s.pronoun or bool(_SAID_BY_PRONOUN.search(chosen.text, s.start, s.end))

    ranked = sorted(range(1, len(sentences)), key=lambda i: -central(sentences[i][1]))
    picked = [0]  # the opening sentence
    while len(picked) < k:  # the most central next, a sentence that leans on the one before only after that one
        nxt = next((i for i in ranked if i not in picked and (i - 1 in picked or not leans(i))), None)
        if nxt is None:
            break
        picked.append(nxt)
    out = []
    for rank, i in enumerate(sorted(picked), start=1):
        p, s = sentences[i]
        passage = reader.passage(p)
        out.append(Evidence(rank=rank, text=chosen.text[s.start:s.end], score=round(central(s), 4),
                            context=chosen.text[passage.start:passage.end], article=chosen,
                            paragraph=passage.paragraph, start=s.start, end=s.end, article_number=article))
    return out


def _by_author(reader: Reader, q: Question, k: int) -> Answer:
    """The articles whose byline names ``q.speaker`` ("Maria Okafor", or "Okafor"), oldest first where dated, each
    answered by its title and cited like a title answer; up to ``k`` of them."""
    wanted = [w for w in re.findall(r"[^\W\d_][\w’'-]*", q.speaker or "") if w.lower() not in HONORIFICS]
    n = reader.corpus.n_articles
    found = []
    for a in range(n):
        chosen = reader.article(a)
        written = {w.lower() for w in re.findall(r"[^\W\d_][\w’'-]*", chosen.byline or "")}
        if wanted and all(w.lower() in written for w in wanted):
            when = iso_date(chosen.date)
            found.append(((0, when, chosen.path) if when else (1, "", chosen.path), a, chosen))
    if not found:
        where = f"{n:,} article" + ("s" if n != 1 else "")
        return Answer(question=q.text, no_answer=True, message=f"no article by '{q.speaker}' among {where}")
    evidence = [Evidence(rank=rank, text=chosen.title, score=1.0, context=chosen.title, article=chosen, paragraph=0,
                         start=0, end=len(chosen.title), confidence=1.0, field="title", article_number=a)
                for rank, (_, a, chosen) in enumerate(sorted(found)[:k], start=1)]  # offsets into the title
    return Answer(question=q.text, evidence=evidence, confidence=1.0)


def _title_evidence(rank: int, a: int, chosen) -> Evidence:
    """Article ``a``'s title as an answer, cited as the article's title."""
    return Evidence(rank=rank, text=chosen.title, score=1.0, context=chosen.title, article=chosen, paragraph=0,
                    start=0, end=len(chosen.title), confidence=1.0, field="title", article_number=a)  # offsets into the title


def _articles(n: int) -> str:
    """"1 article", "2,225 articles"."""
    return f"{n:,} article" + ("s" if n != 1 else "")


def _collection(reader: Reader, q: Question, k: int) -> Answer:
    """How many articles there are and their titles, by path as ``qabot list`` gives them: all of them when there are
    at most ``WHOLE_LIST``, else the first ``k``. With a topic ("how many articles mention Blair"), the articles that
    hold every one of its words, those whose best passage BM25 ranks highest first."""
    if q.topic_terms:
        return _mentioning(reader, q, k)
    n = reader.corpus.n_articles
    order = sorted(range(n), key=lambda a: (reader.corpus.article(a).path, a))
    shown = order if n <= WHOLE_LIST else order[:k]
    evidence = [_title_evidence(rank, a, reader.corpus.article(a)) for rank, a in enumerate(shown, start=1)]
    heading = _articles(n)
    return Answer(question=q.text, evidence=evidence, confidence=1.0, heading=heading, listed=n)


def _mentioning(reader: Reader, q: Question, k: int) -> Answer:
    """The articles that hold every word of the question's topic, and how many: all of up to ``WHOLE_LIST``, else the
    first ``k``, best first."""
    terms = list(dict.fromkeys(q.topic_terms))
    topic = " ".join(q.topic_words)
    where = _articles(reader.corpus.n_articles)
    holding = _holding(reader, terms)
    if not holding:
        return Answer(question=q.text, no_answer=True, terms=q.terms, message=f"no article mentions '{topic}' in {where}")
    order: dict[int, int] = {}
    for p, _ in reader.retriever.top(terms, sum(reader.df(t) for t in terms)):
        a = reader.span(p).article
        if a in holding:
            order.setdefault(a, len(order))
    ranked = sorted(holding, key=lambda a: (order.get(a, len(order)), a))
    shown = ranked if len(ranked) <= WHOLE_LIST else ranked[:k]
    evidence = [_title_evidence(rank, a, reader.corpus.article(a)) for rank, a in enumerate(shown, start=1)]
    verb = "mentions" if len(ranked) == 1 else "mention"
    heading = f"{len(ranked):,} of the {where} {verb} '{topic}'" + (", best match first" if len(ranked) > 1 else "")
    return Answer(question=q.text, evidence=evidence, terms=q.terms, confidence=1.0, heading=heading)


def _holding(reader: Reader, terms: list[str]) -> set[int]:
    """The articles that hold every one of ``terms``."""
    holding: set[int] | None = None
    for t in terms:
        df = reader.df(t)
        found = {reader.span(p).article for p, _ in reader.retriever.top([t], df)} if df else set()
        holding = found if holding is None else holding & found
    return holding or set()


def _by_date(reader: Reader, q: Question, k: int) -> Answer:
    """The newest (or oldest) dated articles, ``k`` of them, by the date each gives; articles of the same day by path.
    With a topic ("the latest article about the fire"), among the articles that hold every word of it."""
    n = reader.corpus.n_articles
    among = range(n)
    topic = " ".join(q.topic_words)
    if q.topic_terms:
        among = sorted(_holding(reader, list(dict.fromkeys(q.topic_terms))))
        if not among:
            return Answer(question=q.text, no_answer=True, terms=q.terms,
                          message=f"no article mentions '{topic}' in {_articles(n)}")
    dated = []
    for a in among:
        chosen = reader.corpus.article(a)
        when = iso_date(chosen.date)
        if when:
            dated.append((when, chosen.path, a, chosen))
    if not dated:
        about = f" that mention '{topic}'" if q.topic_terms else ""
        return Answer(question=q.text, no_answer=True, terms=q.terms,
                      message=f"none of the {_articles(len(among))}{about} gives a date" if len(among) != 1
                      else f"the article{about.replace('mention', 'mentions')} gives no date")
    newest = q.kind is QuestionKind.NEWEST
    dated.sort(key=lambda d: d[1])  # articles of the same day by path, as the list gives them
    dated.sort(key=lambda d: d[0], reverse=newest)  # (a stable sort)
    evidence = [_title_evidence(rank, a, chosen) for rank, (_, _, a, chosen) in enumerate(dated[:k], start=1)]
    undated = len(among) - len(dated)
    about = f" mentioning '{topic}'" if q.topic_terms else ""
    heading = (f"{len(dated):,} dated articles{about}, {'newest' if newest else 'oldest'} first" if len(dated) > 1
               else f"the only dated article{about}") + (f" ({undated:,} give no date)" if undated > 1
                                                         else " (1 gives no date)" if undated else "")
    return Answer(question=q.text, evidence=evidence, confidence=1.0, heading=heading)


def _which(reader: Reader, q: Question, last: int | None) -> tuple[int | None, str]:
    """The article the question is about, or None and a message asking which.

    With topic words, the article holding the most of them (IDF-weighted, headline included), ties broken by
    how much of them its headline holds, then by its best passage's BM25 score; when others hold as much and score nearly as well, the answer asks which,
    naming them. Without topic words: ``last`` (the chat's "it"), else the only article; over many, the
    answer asks which, naming some."""
    n = reader.corpus.n_articles
    where = f"{n:,} article" + ("s" if n != 1 else "")
    if q.topic_terms:
        known = [t for t in dict.fromkeys(q.topic_terms) if reader.df(t)]
        if not known:
            return None, f"no article about '{' '.join(q.topic_words)}' in {where}" + _examples(reader, range(n))
        retrieval = reader.params.retrieval
        best: dict[int, float] = {}
        for passage, score in reader.retriever.top(known, retrieval.about_passages):
            best.setdefault(reader.span(passage).article, score)
        if not best:
            return None, f"no article about '{' '.join(q.topic_words)}' in {where}" + _examples(reader, range(n))
        held = {a: (round(sum(reader.idf(t) for t in reader.article_holds(a, set(known))), 6),
                    round(sum(reader.idf(t) for t in known if t in reader.title_terms(a)), 6)) for a in best}
        # a headline word counts twice: "the Newcastle Gloucester rugby story" is the match report
        # headlined "Newcastle 27-27 Gloucester", though its text never says "rugby"
        weight = {a: round(held[a][0] + held[a][1], 6) for a in best}
        ranked = sorted(best, key=lambda a: (-weight[a], -held[a][1], -best[a], a))
        top = ranked[0]
        tied = [a for a in ranked if weight[a] == weight[top] and best[a] >= retrieval.about_tie * best[top]]
        tied = _distinct(reader, tied)
        if len(tied) > 1:
            return None, (f"which article? {len(tied)} are about '{' '.join(q.topic_words)}': "
                          + _titles(reader, tied) + "; name more of its topic")
        return top, ""
    if last is not None and 0 <= last < n:
        return last, ""
    if n == 1:
        return 0, ""
    return None, (f"which article? there are {n:,}; name its topic (\"{_EXAMPLE[q.kind]}\") or ask "
                  f"after an answer from it" + _examples(reader, range(n)))


_EXAMPLE = {QuestionKind.AUTHOR: "who wrote the article about ...", QuestionKind.DATE: "when was the article about ... "
            "published", QuestionKind.TITLE: "what is the title of the article about ..."}
_EXAMPLE = {**{kind: "summarize the article about ..." for kind in QuestionKind}, **_EXAMPLE}
"""How a question of each kind names its article's topic, as the message asking which article shows it."""


def _distinct(reader: Reader, articles: list[int]) -> list[int]:
    """``articles`` with each story once: a copy (the same headline and text saved twice) is left out."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for a in articles:
        chosen = reader.article(a)
        if (chosen.title, chosen.text) not in seen:
            seen.add((chosen.title, chosen.text))
            kept.append(a)
    return kept


_LISTED = 5
"""How many articles a question asking which one names."""


def _titles(reader: Reader, articles) -> str:
    """Up to ``_LISTED`` of ``articles``' headlines, quoted, and how many more."""
    articles = list(articles)
    shown = ", ".join(f"'{_headline(reader.article(i).title)}'" for i in articles[:_LISTED])
    more = len(articles) - _LISTED
    return shown + (f" and {more:,} more" if more > 0 else "")


_HEADLINE_CHARS = 80
"""A headline named in such a list is cut past this many characters (a page title can run to a paragraph)."""


def _headline(title: str) -> str:
    """``title`` cut at a word to at most ``_HEADLINE_CHARS`` characters, "…" marking the cut."""
    if len(title) <= _HEADLINE_CHARS:
        return title
    return title[:_HEADLINE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _examples(reader: Reader, articles) -> str:
    """"; for example ..." naming some of ``articles``."""
    return "; for example " + _titles(reader, articles) if len(articles) else ""
