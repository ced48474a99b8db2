"""Quotes across articles: everything the corpus has someone saying, grouped by article, in date order.

The passages that hold the speaker's name are found through the index's postings (every passage
with a word of the name, no scoring of the rest of the corpus); only those paragraphs, and the
two after each (where "he said" goes on, ``QuoteParams``), are read and attributed. A sentence counts when its
attributed speaker is the one asked for (``speakers.speaker_matches``), so a sentence that only
mentions them does not. The same quotation in duplicate articles is shown once, with the other
places it stands.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice, product
from typing import TYPE_CHECKING

from .analysis import Analyzer
from .dates import iso_date
from .index import Index
from .lexicon import TITLES
from .model import Article
from .passages import paragraph_sentences
from .retrieval import LocalCorpus, LocalRetriever, Retriever
from .speaker_matching import (first_name_only, first_names, given_names as names_before, names_another, not_their_own,
                               usually_another)
from .speakers import (Attribution, People, SpeakerPhrase, attribute_paragraph, known_people, speaker_matches,
                       speaker_phrase, speaker_terms)
from .speakers.windows import article_roles, closing_speaker, known_as

if TYPE_CHECKING:  # the answers' gates, imported when a name needs correcting
    from .answering.gates import Gates


@dataclass(frozen=True)
class QuoteParams:
    """The numbers that decide what ``find_quotes`` reads and keeps."""

    following_paragraphs: int = 2
    """Paragraphs read after each one that names the speaker: "he added" often comes a paragraph later."""
    min_prefix: int = 5
    """A topic word of at least this many letters also matches the words it begins ("taxation" for "tax" stems so;
    "budget": "budgetary"); a shorter one only itself ("euro" is not "European")."""
    topic_reach: int = 1
    """With a topic, the speaker's sentences kept beside each of theirs on it: this many of the paragraph's sentences
    that give someone's words, either side (the one leading into "How much tax do people want to pay?", not the same
    paragraph's words on the Boxing Day tsunami three before); a sentence giving no one's words does not count."""


@dataclass(frozen=True)
class Place:
    """Where a quotation stands: an article and a paragraph."""

    article: Article
    """The article (its text included)."""
    paragraph: int
    """1-based paragraph number."""
    start: int
    """Character offset of the quoted sentence in the article's text."""
    end: int
    """Character offset just past it."""


@dataclass
class Quote:
    """One sentence of the speaker's words, direct or reported."""

    speaker: str
    """The speaker as the article names them ("Mr Blair", "the mayor of Ferrara, Anna Benedetti")."""
    text: str
    """The sentence as it stands in the article."""
    quoted: bool
    """True for a direct quotation (quotation marks), False for reported speech."""
    place: Place
    """Where it stands (the first article, in the order shown)."""
    also: list[Place] = field(default_factory=list)
    """The same sentence in other (duplicate) articles."""


@dataclass
class ArticleQuotes:
    """The quotes of one article, in the order they stand."""

    article: Article
    """The article."""
    quotes: list[Quote]
    """Its quotes of the speaker, in text order."""


@dataclass
class QuoteReport:
    """What ``find_quotes`` found."""

    name: str
    """The speaker as asked for."""
    about: str | None
    """The topic as asked for, if any."""
    groups: list[ArticleQuotes]
    """Articles with quotes: by date where known, else by path."""
    articles_read: int
    """Articles that name the speaker and were read."""
    searched: str | None = None
    """The name looked for instead of a misspelt one ("Wang" for "Wnag"), else None."""

    @property
    def count(self) -> int:
        """How many quotes in all."""
        return sum(len(g.quotes) for g in self.groups)


def find_quotes(index: Index, name: str, about: str | None = None, analyzer: Analyzer | None = None,
                retriever: Retriever | None = None, params: QuoteParams | None = None,
                gates: Gates | None = None) -> QuoteReport:
    """Every sentence the corpus attributes to ``name`` (on ``about`` when given), grouped by article. ``gates`` (an
    answerer's, with its speller built once) corrects a misspelt name; without it, one is made for the index when
    a name needs correcting."""
    params = params or QuoteParams()
    analyzer = analyzer or Analyzer()
    retriever = retriever or LocalRetriever(index)
    topic = set(analyzer.terms(about)) if about else set()
    terms = speaker_terms(name, analyzer)
    if not terms:
        return QuoteReport(name=name, about=about, groups=[], articles_read=0)
    if _not_a_name(index, name):
        return QuoteReport(name=name, about=about, groups=[], articles_read=0)
    report = _find_quotes(index, name, about, analyzer, retriever, params, topic, terms)
    if report.groups:
        return report
    if gates is None:
        from .answering.gates import Gates
        from .answering.params import AnswerParams
        from .answering.sentences import Reader

        gates = Gates(Reader(LocalCorpus(index), retriever, analyzer, AnswerParams.default()))
    fixed = _corrected(gates, name)  # none found: a misspelt name ("Wnag", "Tony Blare")?
    if fixed is None:
        return report
    found = _find_quotes(index, fixed, about, analyzer, retriever, params, topic, speaker_terms(fixed, analyzer))
    return replace(found, name=name, searched=fixed) if found.groups else report


def _find_quotes(index: Index, name: str, about: str | None, analyzer: Analyzer, retriever: Retriever,
                 params: QuoteParams, topic: set[str], terms: list[str]) -> QuoteReport:
    """``find_quotes`` for ``name`` as written."""
    paragraphs: dict[int, set[int]] = defaultdict(set)
    for term in dict.fromkeys(terms):  # every passage with a word of the name ("Wang Yi" is often "Wang")
        df = retriever.df(term)
        for passage_id, _ in retriever.top([term], df) if df else []:
            passage = index.passage(passage_id)
            paragraphs[passage.article].add(passage.paragraph)
    asked = speaker_phrase(name)
    surname = name.split()[-1] if len(asked.names) == 1 else None
    groups, given = [], {}
    usual = lru_cache(maxsize=1)(lambda: first_names((index.article(a).text for a in sorted(paragraphs)), asked.names[-1]))
    for article_id in sorted(paragraphs):
        article = index.article(article_id)
        if surname:
            given[article.id] = given_names(article.text, surname)
        if names_another(article.text, asked) or usually_another(article.text, asked, usual):
            continue  # "Roy Keane" for "Robbie Keane"; "Mr Blair" where only he is named, for "Cherie Blair"
        found = _article_quotes(article, paragraphs[article_id], asked, topic, analyzer, params)
        if found:
            groups.append(ArticleQuotes(article=article, quotes=found))
    groups.sort(key=lambda g: _order(g.article))
    if surname:
        groups = _one_person(groups, given, asked)
    return QuoteReport(name=name, about=about, groups=_merge_duplicates(groups), articles_read=len(paragraphs))


def _not_a_name(index: Index, name: str) -> bool:
    """True for a name of one word that the articles write in lower case more often than not ("Nobody"): no one's
    name (a group or a role, "police", "the mayor", is no name to begin with)."""
    phrase = speaker_phrase(name)
    if len(phrase.names) != 1 or phrase.head is not None or phrase.body:
        return False
    counts = index.word_counts()
    if counts is None:
        return False
    forms = counts[0]
    word = phrase.names[0]
    lower = forms.get(word, 0)
    return lower > forms.get(word.capitalize(), 0) + forms.get(word.upper(), 0)


def _corrected(gates: Gates, name: str) -> str | None:
    """``name`` with its misspelt words corrected to a name the articles write ("Wnag": Wang; "Tony Blare": Tony
    Blair, written so, though "Blake" is closer), else None (the answers' speller and test, ``gates``)."""
    speller = gates.speller()
    words = name.split()
    choices = [[w] if w.lower().strip(".") in TITLES or not w[:1].isupper() or w in speller else speller.corrections(w)
               for w in words]
    if all(len(c) == 1 and c[0] == w for c, w in zip(choices, words)):
        return None
    for fixed in islice(product(*choices), 25):
        named = [w for w in fixed if w.lower().strip(".") not in TITLES]
        if len(named) < 2 or gates.written_together(named):
            return " ".join(fixed)  # "Angela Merkel" is no misspelling of "Angela Marvel"
    return None


def _article_quotes(article: Article, named: set[int], asked: SpeakerPhrase, topic: set[str], analyzer: Analyzer,
                    params: QuoteParams) -> list[Quote]:
    """The quotes of ``asked`` in the paragraphs ``named`` (1-based) of ``article`` and those just after them."""
    wanted = sorted({n + i for n in named for i in range(params.following_paragraphs + 1)
                     if n + i <= len(article.paragraphs)})
    if topic:  # a paragraph on the whole topic ("single currency": both words, not "the single most pressing")
        wanted = [n for n in wanted
                  if _on_all(topic, analyzer.terms(article.text[slice(*article.paragraphs[n - 1])]), params)]
    if not wanted:
        return []
    spans_of = paragraph_sentences(article.text, tuple(article.paragraphs[n - 1] for n in wanted))
    said = []
    whole = lru_cache(maxsize=1)(lambda: People(article.text, article.title))

    def closing(n: int) -> Attribution | None:
        """Who speaks in the last sentence of paragraph ``n``: a paragraph that opens with a bare quotation goes
        on with them, as the answers read it (``attribute_paragraph``'s ``opening``)."""
        spans = paragraph_sentences(article.text, (article.paragraphs[n - 1],))[0]
        return closing_speaker(article.text, spans, whole())

    people = lru_cache(maxsize=1)(lambda: known_people(article.text))
    roles = lru_cache(maxsize=1)(lambda: article_roles(whole()))
    for n, spans in zip(wanted, spans_of):
        who_said = attribute_paragraph(article.text, spans, people,
                                       opening=(lambda n=n: closing(n - 1)) if n > 1 else None)
        if any(who.speaker for who in who_said):  # as the answers read them: a role the article gives one person is them
            who_said = [known_as(who, roles()[who.head]) if who.head in roles() else who for who in who_said]
        said.append([(n, s, e, who) for (s, e), who in zip(spans, who_said) if who.speaker])
    # the same person named again: "the mayor said" after "the mayor of Ferrara, Anna Benedetti, said",
    # "Lindqvist said" after "the fisheries officer Erik Lindqvist said"
    roles, names = set(), set()
    for n, s, e, who in (x for paragraph in said for x in paragraph):
        phrases = _phrases(who)
        for phrase in phrases:
            if phrase.names and speaker_matches(asked, phrase):
                names.add(" ".join(phrase.names))
                roles.update(p.head for p in phrases if p.head)
    out = []
    for paragraph in said:
        mine = []
        for i, (n, s, e, who) in enumerate(paragraph):
            phrase = speaker_phrase(who.phrase or who.speaker)
            if not_their_own(asked, who.phrase or who.speaker, who.speaker):
                continue
            if any(speaker_matches(asked, p) for p in _phrases(who)) \
                    or (not phrase.names and phrase.head in roles and not _plural_head(phrase)) \
                    or (phrase.names and any(speaker_matches(name, phrase) for name in names)):
                mine.append((i, Quote(speaker=who.speaker, text=article.text[s:e], quoted=who.quote,
                                      place=Place(article=article, paragraph=n, start=s, end=e))))
        if topic:  # theirs on the topic, with their sentences just beside it (not the topic in someone else's)
            on = [i for i, q in mine if _on_topic(topic, analyzer.terms(q.text), params)]
            mine = [(i, q) for i, q in mine if any(abs(i - j) <= params.topic_reach for j in on)]
        out.extend(q for _, q in mine)
    return out


def _plural_head(phrase: SpeakerPhrase) -> bool:
    """True when the phrase's role word is written in the plural ("Analysts say"): a group, never the one person
    named with that role before ("Global Insight analyst Howard Archer")."""
    return phrase.head is not None and re.search(rf"(?i)\b{re.escape(phrase.head)}e?s\b", phrase.text) is not None


def _phrases(who: Attribution) -> list[SpeakerPhrase]:
    """The phrases an attributed speaker may be asked for by, as ``Attribution.said_by`` reads them: the phrase that
    names them here, and their name when the phrase does not hold it ("the mayor of Ferrara" and "Alan Fabbri" for
    '..., the mayor of Ferrara, Alan Fabbri, told reporters')."""
    phrase = speaker_phrase(who.phrase or who.speaker)
    if who.phrase is not None and who.speaker is not None and who.speaker not in who.phrase:
        return [phrase, speaker_phrase(who.speaker)]
    return [phrase]


def given_names(text: str, surname: str) -> Counter[str]:
    """The first names ``text`` puts before ``surname`` ("Tony" in "Prime Minister Tony Blair"), titles out."""
    return Counter({n: c for n, c in names_before(text, surname).items() if n not in TITLES})


def _one_person(groups: list[ArticleQuotes], given: dict[str, Counter[str]], asked: SpeakerPhrase) -> list[ArticleQuotes]:
    """For a surname alone ("Blair"), the person most articles mean (the first name most often before the
    surname, "Tony"): a quote whose speaker has another first name ("Sir Ian Blair") is left out, and so is
    a quote without one in an article that names only another ("Mr Blair" where only Sir Ian Blair is named).
    When the articles write it as someone's surname, a speaker whose first name it is ("Howard Archer" for
    "Howard", with Michael Howard in the articles) is left out too."""
    total: Counter[str] = Counter()
    for names in given.values():
        total.update(set(names))
    if not total:
        return groups
    person = total.most_common(1)[0][0] if len(total) > 1 else None
    out = []
    for group in groups:
        named = given.get(group.article.id, Counter())
        kept = []
        for quote in group.quotes:
            if first_name_only(asked, quote.speaker, lambda: total):
                continue  # "Howard Archer", "Sir Howard Newby": Howard is his first name
            first = speaker_phrase(quote.speaker).names[:-1]
            if person is not None and ((first and person not in first) or (not first and named and person not in named)):
                continue
            kept.append(quote)
        if kept:
            out.append(ArticleQuotes(article=group.article, quotes=kept))
    return out


def _on_topic(topic: set[str], terms: list[str], params: QuoteParams) -> bool:
    """True when ``terms`` hold a topic term, or a word that starts with one ("euro" is on "European")."""
    return any(t in topic or any(t.startswith(w) for w in topic if len(w) >= params.min_prefix) for t in set(terms))


def _on_all(topic: set[str], terms: list[str], params: QuoteParams) -> bool:
    """True when ``terms`` hold every topic term, each as itself or as the start of a word (``_on_topic``)."""
    held = set(terms)
    return all(_on_topic({t}, held, params) for t in topic)


def _order(article: Article) -> tuple:
    """Articles with a date first, oldest first; then the rest by path."""
    when = iso_date(article.date)
    return (0, when, article.path) if when else (1, "", article.path)


def _key(text: str) -> str:
    """A quotation compared across articles: words only, lower case."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _merge_duplicates(groups: list[ArticleQuotes]) -> list[ArticleQuotes]:
    """The same sentence from several articles shown once, where it first stands; an article left with
    nothing of its own is dropped (its places are listed under the quotes it repeats)."""
    first: dict[str, Quote] = {}
    out = []
    for group in groups:
        kept = []
        for quote in group.quotes:
            held = first.get(_key(quote.text))
            if held is None:
                first[_key(quote.text)] = quote
                kept.append(quote)
            else:
                held.also.append(quote.place)
        if kept:
            out.append(ArticleQuotes(article=group.article, quotes=kept))
    return out


def quote_json(quote: Quote) -> dict:
    """One quote as the ``--json`` contract gives it."""
    place = quote.place
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "quoted": quote.quoted,
        "article": {"id": place.article.id, "title": place.article.title, "path": place.article.path},
        "paragraph": place.paragraph,
        "start": place.start,
        "end": place.end,
        "date": place.article.date,
        "date_iso": iso_date(place.article.date),
        "also": [{"id": p.article.id, "title": p.article.title, "path": p.article.path, "paragraph": p.paragraph}
                 for p in quote.also],
    }
