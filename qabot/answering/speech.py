"""Speech: who says each sentence of a passage, and the whole quotation an attributed sentence is part of.

A "what did X say about Y" question ranks X's own words (a quotation attributed to X, or reported
speech with X as subject) with Y in or beside them before every other sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ..analysis import fold
from ..lexicon import HONORIFICS, OTHER_ROLE
from ..speaker_matching import name_variants, names_another
from ..speakers import SPEAKER_CONTEXT, Attribution, People, attribute_paragraph, named_bodies, role_kin, speaker_phrase
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
_PLURAL_HEAD = re.compile(r"(?i)(?<![’'])\b(?:[a-z]+(?:ies|[^s’'\s]s))\s*$")
"""A speaker's phrase ending in a plural word ("Analysts", "the union's lawyers"): a group, never one person."""
_OF_WHOM = re.compile(r"\s+(?:for|of|at|in|from|on|with)\s+")
"""What a role is of or for: "A lawyer for the three bloggers" is one lawyer."""


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
        self._closings: dict[int, Attribution | None] = {}
        """Passage ending a paragraph -> who speaks in its last sentence (``_closing``)."""
        self._said: dict[tuple[str, Attribution], bool] = {}
        self._another: dict[tuple[str, int], bool] = {}
        """(asked speaker, attribution) -> ``said_by``: the same speakers recur in passage after passage."""

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
            article = passage.article
            spans = found.get(article, _MISSING)
            if spans is None:
                return False  # the article never names the speaker
            if spans is _MISSING and self.another(article, q.speaker or ""):
                found[article] = None  # "Roy Keane" for "Robbie Keane", "Mr Blair" for "Mrs Blair"
                return False
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
            window = reader.params.speech.speaker_window
            this = reader.span(passage)
            first = reader.corpus.article_passages(this.article).start
            lo = passage
            while lo > first:
                before = reader.span(lo - 1)
                if before.paragraph != this.paragraph or before.start < this.start - window:
                    break
                lo -= 1
            text = reader.article(this.article).text
            spans = [x for p in range(lo, passage + 1) for x in reader.span(p).sentences]
            opens = lo > first and reader.span(lo - 1).paragraph != this.paragraph  # the window holds its paragraph's start
            found = dict(zip((s for s, _ in spans), attribute_paragraph(
                text, spans, people=self.people(this.article), opening=(lambda: self._closing(lo - 1)) if opens else None)))
            if any(a.speaker for a in found.values()):
                roles = self.roles(this.article)
                found = {s: self._known_as(a, roles[a.head]) if a.head in roles else a for s, a in found.items()}
            self._speakers[passage] = found
        return found

    def _closing(self, passage: int) -> Attribution | None:
        """Who speaks in the last sentence of the paragraph that ends with passage ``passage``, read on its own (the
        paragraph before it not consulted, so the answer never depends on what was read before; cached), or None: a
        paragraph that opens with a bare quotation goes on with them."""
        def read(p: int) -> Attribution | None:
            reader = self.reader
            this = reader.span(p)
            first = reader.corpus.article_passages(this.article).start
            lo = p
            while lo > first:
                before = reader.span(lo - 1)
                if before.paragraph != this.paragraph or before.start < this.start - reader.params.speech.speaker_window:
                    break
                lo -= 1
            spans = [x for q in range(lo, p + 1) for x in reader.span(q).sentences]
            said = attribute_paragraph(reader.article(this.article).text, spans, people=self.people(this.article))
            return said[-1] if said and said[-1].speaker else None

        return cached(self._closings, passage, self.reader.params.caches.speakers, read)

    def people(self, article: int) -> People:
        """Who article ``article`` shows to be people and what it calls them, found once for all its passages
        (cached)."""
        return cached(self._people, article, self.reader.params.caches.articles,
                      lambda a: People(self.reader.article(a).text))

    @staticmethod
    def _known_as(a: Attribution, roles: tuple[str, ...]) -> Attribution:
        """``a`` with what the article calls its speaker elsewhere; a speaker named only by a role the article
        gave one person ("The home secretary said") is that person ("Charles Clarke"), the role kept as phrase."""
        said = a.phrase or a.speaker or ""
        if speaker_phrase(said).names or _PLURAL_HEAD.search(_OF_WHOM.split(said, 1)[0]):
            return replace(a, roles=roles)  # "Analysts say ...": many, not the one analyst the article names
        named = [r.split(",", 1)[1].strip() for r in roles if "," in r]
        if len(set(named)) != 1:
            return replace(a, roles=roles)
        return replace(a, roles=roles, speaker=named[0], phrase=a.phrase or a.speaker)

    def roles(self, article: int) -> dict[str, tuple[str, ...]]:
        """What article ``article`` calls each person by role, by surname (``speakers.described_people``), and by a
        role word only one of them holds ("mayor": "mayor of Ferrara, Anna Benedetti", for "the mayor said"
        further on); cached."""
        return cached(self._roles, article, self.reader.params.caches.articles, self._read_roles)

    def _read_roles(self, article: int) -> dict[str, tuple[str, ...]]:
        """``roles``, uncached."""
        found = dict(self.people(article).described())
        heads: dict[str, set[str]] = {}
        for surname, phrases in found.items():
            for phrase in phrases:
                role = speaker_phrase(phrase.split(",")[0]) if phrase.split(",")[0] else None
                if role is not None and role.head and not role.modifiers & OTHER_ROLE:  # "shadow chancellor" is no chancellor
                    heads.setdefault(role.head, set()).add(surname)
        for head, people in heads.items():
            if len(people) == 1 and head not in found:
                (who,) = people
                found[head] = tuple(p for p in found[who] if "," in p)
        for key, names in named_bodies(self.reader.article(article).text).items():
            found.setdefault(key, names)  # "the ministry said" after "Iraq's Ministry of Communications"; "the MDA"
        return found

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
            if any(a.said_by(q.speaker) for s, a in said.items() if c.start <= s < c.end) and (not topic or topic & held):
                theirs.append(c)  # their words, beside the topic but not about it in so many words ("they" for the band)
            elif not topic or topic & c.matched:
                near.append(c)
        return theirs + near

    def another(self, article: int, asked: str) -> bool:
        """Whether article ``article`` names another person by the name ``asked`` and never the one asked ("Roy
        Keane" for "Robbie Keane", "Mr Blair" for "Mrs Blair"; ``speaker_matching.names_another``): none of its
        sentences is theirs (cached)."""
        key = (asked, article)
        found = self._another.get(key)
        if found is None:
            if len(self._another) >= self.reader.params.caches.articles:
                self._another.clear()
            words = asked.split()
            found = (len(words) > 1 and (len(speaker_phrase(asked).names) > 1
                                         or words[0].lower().strip(".") in HONORIFICS)
                     and names_another(self.reader.article(article).text, asked))
            self._another[key] = found
        return found

    def speaks(self, passage: int, asked: str) -> bool:
        """Whether some sentence of the passage is attributed to the question's speaker ``asked``."""
        if self.another(self.reader.span(passage).article, asked):
            return False
        said = self._said
        if len(said) >= self.reader.params.caches.speakers:
            said.clear()
        for a in self.speakers(passage).values():
            found = said.get((asked, a))
            if found is None:
                found = said[asked, a] = a.said_by(asked)
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
