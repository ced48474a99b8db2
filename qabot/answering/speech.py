"""Speech: who says each sentence of a passage, and the whole quotation an attributed sentence is part of.

A "what did X say about Y" question ranks X's own words (a quotation attributed to X, or reported
speech with X as subject) with Y in or beside them before every other sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

from ..analysis import fold
from ..forms import irregular_forms
from ..speaker_matching import first_name_only, first_names, name_variants, names_another, usually_another
from ..speakers import SPEAKER_CONTEXT, Attribution, People, role_kin, speaker_phrase
from ..speakers.windows import article_roles, attribute_window, closing_speaker, window_first
from .parse import Question
from .sentences import Reader, ReadPassage, cached


def _searchable(text: str) -> str | None:
    """``text`` lowercased with accents folded, one character for one, so that a name normalised for speaker
    matching ("hernandez") is found in it at the text's own offsets; None when lowercasing is not one
    character for one ("İ" becomes two, a final "Σ" depends on the next letter)."""
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return None
    if low.isascii():
        return low
    table = {ord(c): f for c in set(low) if not c.isascii() and (f := _fold_char(c)) != c}  # "£" stays
    return low.translate(table) if table else low


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One lowercase character without its accent ("é" is "e"), or itself when folding would not leave one."""
    folded = fold(char)
    return folded if len(folded) == 1 else char


def _name_pattern(names: set[str]) -> re.Pattern:
    """A search for any of ``names`` (normalised: folded, without dots and apostrophes, as ``speakers.normal``
    gives them) in searchable text, where the name may have them back between its letters ("o'brien",
    "o’brien" for "obrien"; "u.s." for "us"), to be searched in ``_marked`` text.

    ``'?`` between the letters of ``_marked`` text is ``[.'’]?`` in the text itself (the same matches at the same
    offsets), and compiles about ten times faster: a class holding "’" is compiled into a table of every
    character, once for each place between two letters."""
    return re.compile("|".join("'?".join(map(re.escape, name)) for name in sorted(names, key=len, reverse=True)))


def _marked(text: str) -> str:
    """``text`` with every dot and curly apostrophe written as a straight one (one character for one)."""
    return text.replace("’", "'").replace(".", "'")


_MISSING = object()


class Speech:
    """Speakers of passages, worked out once per passage and kept."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._speakers: dict[int, dict[int, Attribution]] = {}
        self._roles: dict[int, dict[str, tuple[str, ...]]] = {}
        self._people: dict[int, People] = {}
        self._lower: dict[int, str | None] = {}
        self._lower_chars = 0
        self._joins: dict[int, str] = {}
        self._stores: bool | None = None
        """Whether the corpus stores speakers for this window (asked once)."""
        self._closings: dict[int, Attribution | None] = {}
        """Passage ending a paragraph -> who speaks in its last sentence (``_closing``)."""
        self._said: dict[tuple[str, Attribution], bool] = {}
        """(asked speaker, attribution) -> ``said_by``: the same speakers recur in passage after passage."""
        self._another: dict[tuple[str, int], bool] = {}
        """(asked speaker, article) -> ``another``."""
        self._usual: dict[str, Counter[str]] = {}
        """A surname asked for -> ``_first_names``."""

    def _lowered(self, article: int) -> str | None:
        """Article ``article``'s text, ``_searchable`` (cached); None when a stretch of it must be made searchable
        on its own."""
        if article in self._lower:
            return self._lower[article]
        caches = self.reader.params.caches
        text = self.reader.article(article).text
        if len(self._lower) >= caches.articles or self._lower_chars + len(text) > caches.article_chars:
            self._lower.clear()
            self._lower_chars = 0
        found = self._lower[article] = _searchable(text)
        self._lower_chars += len(text)
        return found

    def _joined(self, article: int, low: str) -> str:
        """The searchable text of article ``article`` (``low``) without apostrophes and dots, to tell at once whether
        a name is written there with them ("O'Brien") (cached)."""
        return cached(self._joins, article, self.reader.params.caches.articles,
                      lambda a: low.replace("'", "").replace("’", "").replace(".", ""))

    def namer(self, q: Question) -> Callable[[int], bool]:
        """A test of whether passage ``p`` names the question's speaker in or before it (within what
        attribution reads: the speaker window and the context before it), so that only such passages are
        read for the speaker's words. A plain search of the text, far cheaper than attributing speech: the
        speaker's name words (else its head word) as speaker matching compares them, folded and without
        apostrophes ("O'Brien" is "obrien", "Hernández" "hernandez"), so every passage whose words can be
        attributed to the speaker is found."""
        reader = self.reader
        phrase = speaker_phrase(q.speaker or "")
        names = {w for w in (phrase.names or (role_kin(phrase.head) if phrase.head else ())) if len(w) > 1}
        names |= name_variants(phrase)  # "the Tories": "Tory leader Michael Howard", "Conservative spokesman"
        if not names:
            return lambda p: True
        pattern = None  # compiled only for an article that writes the name with an apostrophe or a dot

        def search(text: str):
            nonlocal pattern
            if pattern is None:
                pattern = _name_pattern(names)
            return pattern.finditer(_marked(text))

        reach = reader.params.speech.speaker_window + SPEAKER_CONTEXT
        found: dict[int, tuple[list[int], list[int]] | None] = {}  # where each article names the speaker, if it does

        def named(p: int) -> bool:
            passage = reader.span(p)
            if not writes(passage):
                return False
            if self.another(passage.article, q.speaker or ""):  # looked at only where the name is written
                found[passage.article] = None  # "Roy Keane" for "Robbie Keane", "Mr Blair" for "Mrs Blair"
                return False
            return True

        def writes(passage) -> bool:
            """Whether the passage or the text before it within reach writes one of the names."""
            article = passage.article
            spans = found.get(article, _MISSING)
            if spans is None:
                return False  # the article never names the speaker (or names another by the name)
            lo = max(0, passage.start - reach)
            low = self._lowered(article)
            if low is None:
                stretch = reader.article(article).text[lo:passage.end]
                return next(search(_searchable(stretch) or fold(stretch.lower())), None) is not None
            for name in names:
                if low.find(name, lo, passage.end) >= 0:
                    return True  # the common case, without a regular expression
            if spans is _MISSING:
                joined = self._joins.get(article)
                if joined is None:
                    joined = self._joined(article, low)
                if not any(n in joined for n in names):
                    found[article] = None
                    return False
                spans = found[article] = ()  # looked for with an apostrophe or a dot back in it only if needed
            if not spans:  # a name with an apostrophe or a dot back in it ("o'brien"), looked for once per article
                matches = [m.span() for m in search(low)]
                spans = found[article] = [s for s, _ in matches], [e for _, e in matches]
            starts, ends = spans
            i = bisect_left(starts, lo)  # the first name from ``lo`` on ends first: it must end within the passage
            return i < len(starts) and ends[i] <= passage.end

        return named

    def about_topic(self, q: Question, passages: Sequence[int]) -> list[bool]:
        """For each of ``passages``: whether it can hold the question's speaker's own words about its topic as
        ``features.candidates`` decides them (a sentence attributed to the speaker with a topic term in it or in a
        sentence beside it in the passage, or, for the paragraph right after the lede, in the lede: ``opening``).
        False only when neither the passage nor that lede holds a topic term or a term of an irregular form of one
        (the retriever's postings tell, reading no text); always True for a question without a topic, a topic
        word one of whose irregular forms has no term of its own, a retriever that cannot tell, a passage of
        questions and answers (its sentences read words above it), and with ``SpeechParams.set_aside`` off. A passage for which it is False gives no
        candidate whoever speaks in it, so its speakers need not be worked out."""
        topic = set(q.topic_terms)
        holding = getattr(self.reader.retriever, "holding", None)
        if not topic or not passages or holding is None or not self.reader.params.speech.set_aside \
                or topic & self._unsearchable:
            return [True] * len(passages)
        reader = self.reader
        terms = [*topic, *(f for t in topic for f in reader.irregular_terms.get(t, ()))]
        asked = list(dict.fromkeys([*passages, *(p - 1 for p in passages if p)]))  # the passage before: a lede?
        held = dict(zip(asked, holding(terms, asked)))
        return [held[p] or held.get(p - 1, False) and self._lede_before(p) is not None or reader.reads_above(p)
                for p in passages]

    def _lede_before(self, passage: int) -> int | None:
        """The passage before passage ``passage`` when it ends its article's first paragraph and ``passage`` opens the
        next (``features.paragraph_before``: the lede whose last sentence may say what the speaker's words are
        about); else None."""
        reader = self.reader
        this = reader.span(passage)
        span = reader.corpus.article_passages(this.article)
        if passage - 1 not in span:
            return None
        before = reader.span(passage - 1)
        if before.paragraph != reader.span(span.start).paragraph or before.paragraph == this.paragraph:
            return None
        return passage - 1

    @cached_property
    def _unsearchable(self) -> frozenset[str]:
        """Terms of words with an irregular form whose own term, as the index holds it, is none of the forms'
        terms searched for them (a stopword has no term: "won" for "win"): a sentence holds such a word
        (``Sentence.irregular``) where the postings cannot tell."""
        reader = self.reader
        term = reader.analyzer.term
        return frozenset(base for form in irregular_forms() if (base := reader.base_term(form)) is not None
                         and term(form) not in reader.irregular_terms.get(base, ()))

    def speakers(self, passage: int) -> dict[int, Attribution]:
        """Speaker of every sentence of passage ``passage`` (an id), by sentence start (cached).

        The sentences before it in its paragraph, up to ``speaker_window`` characters back, are read
        too: a quotation that goes on, or "he said", needs them. A window, not the whole paragraph, so
        a one-paragraph article of megabytes costs no more than an ordinary one. Only the passages'
        spans are read, nothing analysed.
        """
        found = self._speakers.get(passage)
        if found is None:
            reader = self.reader
            if len(self._speakers) >= reader.params.caches.speakers:
                self._speakers.clear()
            found = self._stored(passage)
            if found is None:
                this = reader.span(passage)
                first, lo = self._window(passage)
                text = reader.article(this.article).text
                spans = [x for p in range(lo, passage + 1) for x in reader.span(p).sentences]
                opens = lo > first and reader.span(lo - 1).paragraph != this.paragraph  # the window holds its paragraph's start
                found = attribute_window(text, spans, self.people(this.article), lambda: self.roles(this.article),
                                         opening=(lambda: self._closing(lo - 1)) if opens else None)
            self._speakers[passage] = found
        return found

    def _closing(self, passage: int) -> Attribution | None:
        """Who speaks in the last sentence of the paragraph that ends with passage ``passage``, read on its own (the
        paragraph before it not consulted, so the answer never depends on what was read before; cached), or None: a
        paragraph that opens with a bare quotation goes on with them (``speakers.windows.closing_speaker``)."""
        def read(p: int) -> Attribution | None:
            reader = self.reader
            article = reader.span(p).article
            spans = [x for q in range(self._window(p)[1], p + 1) for x in reader.span(q).sentences]
            return closing_speaker(reader.article(article).text, spans, self.people(article))

        return cached(self._closings, passage, self.reader.params.caches.speakers, read)

    def _window(self, passage: int) -> tuple[int, int]:
        """The first passage of passage ``passage``'s article, and the first of its attribution window: the passages
        before it in its paragraph, up to ``speaker_window`` characters back."""
        reader = self.reader
        first = reader.corpus.article_passages(reader.span(passage).article).start
        return first, window_first(_SpanField(reader, "paragraph"), _SpanField(reader, "start"), first, passage,
                                   reader.params.speech.speaker_window)

    def _stored(self, passage: int) -> dict[int, Attribution] | None:
        """The speakers of passage ``passage`` as the index stored them at build time (``qabot index --speakers``),
        kept as ``speakers`` keeps them; None when it has none stored for this window."""
        if self._stores is None:
            self._stores = self.reader.corpus.stores_speakers(self.reader.params.speech.speaker_window)
        if not self._stores:
            return None
        found = self.reader.corpus.stored_speakers(passage, self.reader.params.speech.speaker_window)
        if found is not None:
            if len(self._speakers) >= self.reader.params.caches.speakers:
                self._speakers.clear()
            self._speakers[passage] = found
        return found

    def named_speaks(self, passage: int, asked: str, named: Callable[[int], bool]) -> bool:
        """``named(passage) and speaks(passage, asked)``, the cheaper test first: the namer's plain search (which
        reads the passage's bounds and its article's text) before working out who speaks, but after looking up
        stored speakers, which is cheaper still and most often says no."""
        if passage in self._speakers or self._stored(passage) is not None:
            return self._said_in(passage, asked) and not self.another(self.reader.span(passage).article, asked) \
                and named(passage)
        return named(passage) and self.speaks(passage, asked)

    def people(self, article: int) -> People:
        """Who article ``article`` shows to be people and what it calls them, found once for all its passages
        (cached)."""
        return cached(self._people, article, self.reader.params.caches.articles,
                      lambda a: People(self.reader.article(a).text, self.reader.article(a).title))

    def roles(self, article: int) -> dict[str, tuple[str, ...]]:
        """What article ``article`` calls each person by role, by surname (``speakers.described_people``), by a
        role word only one of them holds, and the bodies it names (``speakers.windows.article_roles``); cached."""
        return cached(self._roles, article, self.reader.params.caches.articles,
                      lambda a: article_roles(self.people(a)))

    def unattributed(self, q: Question, cands: list) -> list:
        """When none of ``cands`` is the own words of the speaker asked for by role ("the agent"): those whose passage holds every word of
        the speaker's phrase ("agent"; "mayor" and "ferrara" for "the mayor of Ferrara") and that hold the
        topic (any sentence, for "what did X say" without one), best first, for a "not sure" answer."""
        analyzer = self.reader.analyzer
        words = {t for t in analyzer.terms(q.speaker or "") if t}
        if not words or speaker_phrase(q.speaker or "").names:
            return []  # a speaker asked for by name is found by name: only a role may be written otherwise
        topic = set(q.topic_terms)
        theirs, near = [], []
        for c in cands:
            held = {t for s in c.passage.sentences for t in s.terms}
            if not words <= held:
                continue
            said = self.speakers(c.passage.id)
            if any(self.said_by(a, q.speaker) for s, a in said.items() if c.start <= s < c.end) and (not topic or topic & held):
                theirs.append(c)  # their words, beside the topic but not about it in so many words ("they" for the band)
            elif not topic or topic & c.matched:
                near.append(c)
        return theirs + near

    def another(self, article: int, asked: str) -> bool:
        """Whether article ``article`` names another person by the name ``asked`` and never the one asked ("Roy
        Keane" for "Robbie Keane", "Mr Blair" for "Mrs Blair"; ``speaker_matching.names_another``), or names only the
        surname of one whose first name the articles give another more often ("Mr Blair" for "Cherie Blair";
        ``speaker_matching.usually_another``): none of its sentences is theirs (cached)."""
        key = (asked, article)
        found = self._another.get(key)
        if found is None:
            if len(self._another) >= self.reader.params.caches.articles:
                self._another.clear()
            text = self.reader.article(article).text
            found = names_another(text, asked) or usually_another(text, asked, lambda: self._first_names(asked))
            self._another[key] = found
        return found

    def said_by(self, said: Attribution, asked: str) -> bool:
        """Whether attribution ``said`` is the words of the speaker ``asked``: ``Attribution.said_by``, and not one whose
        first name a surname asked alone is while the articles write it as someone's surname ("Sir Howard Newby",
        "Howard Archer" for "Howard", with Michael Howard in the articles; ``speaker_matching.first_name_only``)."""
        return said.said_by(asked) and not first_name_only(asked, said.speaker or "", lambda: self._first_names(asked))

    def _first_names(self, asked: str) -> Counter[str]:
        """``speaker_matching.first_names`` of the articles that write the surname of ``asked`` (cached by surname)."""
        surname = (speaker_phrase(asked).names or ("",))[-1]

        def count(name: str) -> Counter[str]:
            reader = self.reader
            articles = sorted(reader.articles_with(reader.analyzer.term(name) if name else ""))
            return first_names((reader.article(a).text for a in articles), name)

        return cached(self._usual, surname, self.reader.params.caches.articles, count)

    def speaks(self, passage: int, asked: str) -> bool:
        """Whether some sentence of the passage is attributed to the question's speaker ``asked``."""
        return not self.another(self.reader.span(passage).article, asked) and self._said_in(passage, asked)

    def _said_in(self, passage: int, asked: str) -> bool:
        """Whether some attribution of the passage's window is ``said_by`` the speaker ``asked`` (``speaks``
        without its test of the article)."""
        said = self._said
        if len(said) >= self.reader.params.caches.speakers:
            said.clear()
        for a in self.speakers(passage).values():
            if a.speaker is None:
                continue  # nobody's words (``said_by`` is False), not worth hashing the attribution for
            found = said.get((asked, a))
            if found is None:
                found = said[asked, a] = self.said_by(a, asked)
            if found:
                return True
        return False

    def quotation(self, passage: ReadPassage, start: int, end: int, speaker: str | None) -> tuple[int, int]:
        """The span of the whole quotation the sentence at ``start`` belongs to.

        From the sentence that names the speaker through the sentences that go on with the quotation
        ('"…," said Mr Lockyer. "Although Wal-Mart …"'), within ``quotation_chars`` characters.
        """
        reader = self.reader
        limit = reader.params.speech.quotation_chars
        passages = reader.corpus.article_passages(passage.article)
        following = passage.id + 1
        same = following in passages and reader.span(following).paragraph == passage.paragraph
        speakers = dict(self.speakers(passage.id))
        ends = {s: e for p in range(passage.id - 1, passage.id + 1 + same)
                if p in passages for s, e in reader.span(p).sentences}  # spans only: nothing analysed
        if same:
            speakers.update(self.speakers(following))
        sentences = sorted((s, ends[s], a) for s, a in speakers.items() if s in ends)
        at = next((i for i, x in enumerate(sentences) if x[0] == start), None)
        if at is None:
            return start, end
        first = at
        while first > 0 and sentences[first][2].continued and sentences[first - 1][2].speaker == speaker \
                and start - sentences[first - 1][0] <= limit:
            first -= 1
        last = at
        while last + 1 < len(sentences) and sentences[last + 1][2].continued \
                and sentences[last + 1][2].speaker == speaker \
                and sentences[last + 1][1] - sentences[first][0] <= limit:
            last += 1
        return sentences[first][0], sentences[last][1]


class _SpanField:
    """One field of each passage's span, by passage number (``speakers.windows.window_first`` reads them so)."""

    def __init__(self, reader: Reader, name: str):
        self.reader, self.name = reader, name

    def __getitem__(self, passage: int) -> int:
        return getattr(self.reader.span(passage), self.name)
