"""Gates: what the corpus holds of a question's words, before and beside the fitted confidence.

Some questions are refused outright: no words to search for, a speaker the articles never name, no
word the articles hold. The rest are measured, not refused, here: the share of the topic the articles
lack, the share that is no misspelling of anything they hold ("bitcoin"), and names they write only far
from the question's other words ("Mars" only as a guitarist, never beside "colony"). Those shares are
inputs of the fitted confidence, and name the words in a refusal's message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import islice, product

from dataclasses import dataclass, replace

from ..analysis import fold
from ..lexicon import NAME_TITLES, TITLES, WH_HOW_NEXT
from ..speaker_matching import name_variants
from ..speakers import role_kin, speaker_phrase, speaker_terms as phrase_terms
from ..spelling import Speller, written_together
from .parse import Question, QuestionKind
from .sentences import Reader, cached


_PRONOUN_ONLY = re.compile(r"(?i)\b(he|she|they|him|her|them|his|their)\b")
"""A pronoun in a question that has nothing else to search for: whom it means is asked back."""


@dataclass(frozen=True)
class WordCheck:
    """What the corpus holds of a question's words."""

    refusal: str | None
    """Why the question is refused before retrieval, or None."""
    fixes: dict[str, str]
    """Misspelt topic terms -> the index terms they are searched as."""
    known: tuple[str, ...]
    """The terms searched for (corrections applied) that the corpus holds."""
    missing: tuple[str, ...]
    """The topic's words, as written, that the corpus lacks (and that are no misspelling)."""
    missing_share: float
    """The weight share of the topic the corpus lacks."""
    missing_name_share: float = 0.0
    """The share of the topic the corpus lacks that the question writes as a name or a number."""
    searched: tuple[str, ...] = ()
    """The corpus's words searched for in place of misspelt ones, as the corpus spells them."""


class Gates:
    """The word checks of one answerer (its spelling lookups are cached)."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._speller: Speller | None = None
        self._spellings_seen: Mapping[str, int] | None = None
        """Every spelling the articles write, with its count (read before the speller is built, to tell at once
        that a word written as the articles write it needs no correction)."""
        self._corrections: dict[tuple[str, bool], str | None] = {}
        self._read: tuple[str | None, str, bool] = (None, "", False)
        """The last question read as written (``_as_written``): its text, its first word, and whether it writes a
        word with a capital past its first."""
        self._names_written: dict[str, bool] = {}
        """A full name asked for -> whether the articles write it whole (``_written``)."""
        self._spelled: dict[str, list] | None = None
        """Each word, lowercased: how often the articles write it capitalised, in all, and its commonest
        capitalised spelling (built on the first speaker typed in lower case)."""

    def where(self) -> str:
        """ "2,225 articles", for messages."""
        n = self.reader.corpus.n_articles
        return f"{n:,} article{'s' if n != 1 else ''}"

    def check(self, q: Question, correct: bool = True) -> WordCheck:
        """The word checks of ``q``; misspelt topic words are searched as index words when ``correct``."""
        reader = self.reader
        df = reader.df
        terms = q.terms
        nothing = WordCheck(refusal=None, fixes={}, known=(), missing=(), missing_share=0.0)
        if not terms:
            if pronoun := _PRONOUN_ONLY.search(q.text):  # "what did she say?" asked on its own
                return _refuse(nothing, f"who do you mean by '{pronoun.group(1)}'? each question here stands "
                                        f"alone: ask with a name (the chat follows a conversation)")
            return _refuse(nothing, "the question has no words to search for; ask about a name, a place or a topic")
        if q.kind is QuestionKind.SAY and q.speaker_terms and not any(df(t) for t in q.speaker_terms) \
                and not self._role_written_otherwise(q):
            return _refuse(nothing, f"no one called '{q.speaker}' in {self.where()}{self.did_you_mean(q)}")
        fixes: dict[str, str] = {}
        shown: dict[str, str] = {}
        if correct:  # a misspelt topic word is searched as the corpus word it is closest to ("Ukrane": Ukraine)
            for word, term in zip(q.topic_words, q.topic_terms):
                if not df(term) and term not in fixes and not _measure_asked(q.text, word) \
                        and (fixed := self.correct(self.as_typed(q, word), self.common(q, word))):
                    fixed_term = reader.analyzer.term(fixed)
                    if not fixed_term or df(fixed_term):  # "abut" is "about", a word not searched for
                        fixes[term] = fixed_term
                        if fixed_term:  # nothing is searched for "about": say only what was
                            shown[term] = fixed
        if not any(df(fixes.get(t, t)) for t in terms):
            return _refuse(nothing, f"nothing about '{' '.join(q.topic_words) or q.text.strip()}' in {self.where()}"
                                    f"{self.did_you_mean(q)}")
        missing = tuple(w for w, t in zip(q.topic_words, q.topic_terms) if not df(t) and t not in fixes)
        weight = {t: reader.weight(fixes.get(t, t)) for t in set(q.topic_terms)}
        total = sum(weight.values())
        lacking = sum(w for t, w in weight.items() if not df(fixes.get(t, t)))
        first = self.first_word(q)
        names = {t for w, t in zip(q.topic_words, q.topic_terms)
                 if w != first and (w[:1].isupper() or w[:1].isdigit()) and not df(fixes.get(t, t))}
        searched = [f for f in (fixes.get(t, t) for t in terms) if f]
        return WordCheck(refusal=None, fixes=fixes, searched=tuple(shown.values()),
                         known=tuple(t for t in dict.fromkeys(searched) if df(t)),
                         missing=missing, missing_share=lacking / total if total else 0.0,
                         missing_name_share=sum(weight[t] for t in names) / total if total else 0.0)

    def _role_written_otherwise(self, q: Question) -> bool:
        """Whether the corpus holds a word a role speaker may be written as instead of the question's ("head"
        for "the central bank governor", "physiotherapist" for "the physio"; ``role_kin``), or a body's other name
        ("Conservative" for "the Tories"; ``name_variants``)."""
        phrase = speaker_phrase(q.speaker or "")
        analyzer, df = self.reader.analyzer, self.reader.df
        if any(df(t) for word in name_variants(phrase) for t in analyzer.terms(word) if t):
            return True  # "the Tories" in articles that write only "Conservative"
        if phrase.names or not phrase.head:
            return False
        return any(df(t) for word in role_kin(phrase.head) - {phrase.head} for t in analyzer.terms(word) if t)

    def strange(self, q: Question, fixes: dict[str, str]) -> tuple[float, str]:
        """``(share, words)``: the weight share of the topic that is no word the corpus holds and no
        misspelling of one ("bitcoin"), and those words.

        A misspelt word ("disclipine", "Maastrich") is close to an index word, so it weighs nothing here.
        """
        reader = self.reader
        topic = list(dict.fromkeys(zip(q.topic_terms, q.topic_words)))
        weight = {t: reader.weight(fixes.get(t, t)) for t, _ in topic}
        total = sum(weight.values())
        if total <= 0:
            return 0.0, ""
        strange = [(t, w) for t, w in topic
                   if t not in fixes and not reader.df(t) and not self.correct(self.as_typed(q, w), self.common(q, w))]
        return sum(weight[t] for t, _ in strange) / total, " ".join(w for _, w in strange)

    def far_names(self, q: Question, passage_terms: set[str]) -> tuple[float, list[str], list[str]]:
        """``(share, names, others)``: the names the question gives (capitalised words, numbers) that the
        articles write only far from all of its other words, their weight share of the topic, and those
        other words. Only names the best sentence's passage (``passage_terms``) does not hold count.

        "who is the president of the Mars colony": the articles name Mars only as a rock guitarist, in an
        article with no president and no colony in it. A capitalised word that opens the question says
        nothing of being a name, so it is not taken for one.
        """
        reader = self.reader
        gates = reader.params.gates
        first = self.first_word(q)
        topic = list(dict.fromkeys(zip(q.topic_terms, q.topic_words)))
        weight = {t: reader.weight(t) for t, _ in topic}
        total = sum(weight.values())
        names = {t: w for t, w in topic if t not in passage_terms and (w.isdigit() or (w[:1].isupper() and w != first))
                 and 0 < reader.df(t) <= gates.name_passages}
        if not names or total <= 0:
            return 0.0, [], []
        others = {t for t in q.terms if reader.df(t)}
        far = {t: w for t, w in names.items() if self._named_near(t, w, others - {t}) is False}
        if not far:
            return 0.0, [], []
        rest = ([q.speaker] if q.speaker and q.speaker_terms else []) \
            + [w for t, w in topic if t in others and t not in far]
        return sum(weight[t] for t in far) / total, list(far.values()), list(dict.fromkeys(rest))

    def _named_near(self, term: str, word: str, others: set[str]) -> bool | None:
        """Whether the articles write ``word`` (the same word, capitalised if it is) near one of ``others``:
        in the passage that holds it or within ``name_context`` passages of it in the same article.
        None when they never write it so ("Talking" is not "Talk"), or when there are no ``others``."""
        if not others:
            return None
        reader = self.reader
        context = reader.params.gates.name_context
        folded = fold(word.lower())
        written = False
        for p, _ in reader.retriever.top([term], reader.df(term)):
            passage = reader.passage(p)
            text = reader.article(passage.article).text[passage.start:passage.end]
            if not any(t == term and fold(text[s:e].lower()) == folded
                       and (text[s].isupper() or not word[:1].isupper()) for t, s, e in reader.analyzer.spans(text)):
                continue
            written = True
            span = reader.corpus.article_passages(passage.article)
            lo, hi = max(span.start, p - context), min(span.stop, p + context + 1)
            if any(others & set(s.terms) for x in range(lo, hi) for s in reader.passage(x).sentences):
                return True
        return False if written else None

    def did_you_mean(self, q: Question) -> str:
        """A hint, " (did you mean 'Patrushev'?)", for question words the corpus lacks but spells a close word."""
        df, hints = self.reader.df, self.reader.params.gates.max_hints
        words = [w for w, t in zip(q.topic_words, q.topic_terms) if not df(t)]
        if q.speaker and q.speaker_terms and not any(df(t) for t in q.speaker_terms):
            words = [w for w in q.speaker.split() if w[:1].isupper()] + words
        suggestions = [fixed for fixed in (self.correct(self.as_typed(q, w), self.common(q, w)) for w in words[:hints])
                       if fixed]
        if len(suggestions) > 1 and all(w[:1].isupper() for w in suggestions) and not self.written_together(suggestions):
            suggestions = []  # "Elon Musk" is no misspelling of "Elton Muse": no one the articles name
        return f" (did you mean '{' '.join(suggestions)}'?)" if suggestions else ""

    def as_typed(self, q: Question, word: str) -> str:
        """``word`` as its capital tells whether it is a name: the question's first word is capitalised by
        the sentence, not as a name ("Pride" opening a question is "pride"; "COVID" stays an acronym)."""
        if self.first_word(q) == word and word[1:].islower():
            return word.lower()
        return word

    def first_word(self, q: Question) -> str:
        """The question's first word as written ("" for none): capitalised by the sentence, not as a name."""
        return self._as_written(q)[1]

    def _as_written(self, q: Question) -> tuple[str | None, str, bool]:
        """``_read`` for ``q``, read once per question, not once per word (a 100 KB question has 11,000)."""
        if self._read[0] != q.text:
            words = self.reader.analyzer.words_as_written(q.text)
            self._read = (q.text, words[0][1] if words else "",
                          any(w[:1].isupper() and not w.isupper() for _, w in words[1:]))  # "US" is no name
        return self._read

    def common(self, q: Question, word: str) -> bool:
        """True when ``word`` is typed in lower case in a question that writes a name with a capital past its first
        word ("What is Wang Yi's job?"): the asker capitalises names, so the word is no misspelt name ("job" is not
        "Joe", "match" not "March"); in a question typed all in lower case it may be one ("what did wnag say")."""
        return word[:1].islower() and self._as_written(q)[2]

    def correct(self, word: str, common: bool = False) -> str | None:
        """The corpus word ``word`` misspells, as the corpus spells it, or None (``qabot.spelling``); only a common
        word, never a name, for a ``common`` word."""
        return cached(self._corrections, (word, common), self.reader.params.caches.idf,
                      lambda key: self._correct(*key))

    def _correct(self, word: str, common: bool = False) -> str | None:
        """``correct``, uncached. A word the articles write just so (no apostrophe in it, which the speller may
        take off) is one the speller holds, so never corrected: the speller (a tenth of a second to build over
        the BBC's words) is built only for a word they do not write."""
        if self._speller is None:
            if self._spellings_seen is None:
                seen = self.reader.corpus.spellings()  # the index's own table when it gives one (no copy)
                self._spellings_seen = getattr(seen, "mapping", None) or dict(seen)  # a dict's items know their dict
            if self._spellings_seen.get(word, 0) > 0 and word[:1].isalpha() and not any(c in word for c in "'’\n"):
                return None
        return self.speller().correct(word, common)

    def speller(self) -> Speller:
        """The corpus's speller, built when first needed."""
        if self._speller is None:
            self._speller = Speller(self.reader.corpus.spellings(), self.reader.params.spelling)
        return self._speller

    def recase_speaker(self, q: Question) -> Question:
        """A speech question whose speaker is typed all in lower case ("what did wenger say", "michael
        howard"), with the words the articles write capitalised (``name_case_share``) spelt as they do, and a
        title before them capitalised too ("mr blair"): a name typed in lower case is no role. A phrase
        with "the", or whose words the articles write in lower case ("police", "officials"), is ``q``."""
        if q.kind is not QuestionKind.SAY or not q.speaker or q.speaker != q.speaker.lower():
            return q
        words = q.speaker.split()
        if words[0] in ("the", "a", "an", "this", "that"):
            return q
        fixed = [self._name_spelling(w) or w for w in words]
        if fixed == words:
            return q
        fixed = [w.capitalize() if w in TITLES else w for w in fixed]
        speaker = " ".join(fixed)
        return replace(q, speaker=speaker, speaker_terms=tuple(dict.fromkeys(phrase_terms(speaker, self.reader.analyzer))))

    def _name_spelling(self, word: str) -> str | None:
        """How the articles spell ``word`` when they write it capitalised at least ``name_case_share`` of
        the time ("Wenger" for "wenger"); None for a word they write in lower case, or never."""
        if self._spelled is None:
            spelled: dict[str, list] = {}  # lowercase: [capitalised count, count, commonest capitalised spelling]
            for w, n in self.reader.corpus.spellings():
                entry = spelled.setdefault(w.lower(), [0, 0, None, 0])
                entry[1] += n
                if w[:1].isupper():
                    entry[0] += n
                    if n > entry[3]:
                        entry[2], entry[3] = w, n
            self._spelled = spelled
        entry = self._spelled.get(word)
        if entry is None or entry[2] is None or entry[0] < self.reader.params.questions.name_case_share * entry[1]:
            return None
        return entry[2]

    def correct_speaker(self, q: Question) -> Question:
        """A speech question whose speaker's name the corpus never writes so, with the name's misspelt words
        corrected ("what did Wnag say": Wang; "Councillor Quin": Quinn, a title before the name not counting as
        found) when the corrected name is one the corpus holds; else ``q`` itself. A word is corrected though the
        others are known, and though its stem is ("Mikhail Khodorkovski" is "Mikhail Khodorkovsky": both stem to one
        term, but speakers are matched by their words as written). Only capitalised words are names to correct
        ("the mayor" is no misspelling of "the major"), and in a name typed all in lower case a word the corpus never
        writes ("mourino")."""
        typed = q.speaker or ""
        q = self.recase_speaker(q)  # "dustin hofman": "Dustin hofman", whose "hofman" is still a word typed in lower case
        df, analyzer = self.reader.df, self.reader.analyzer
        if q.kind is not QuestionKind.SAY or not q.speaker or not q.speaker_terms:
            return q
        words = q.speaker.split()
        titled = 0  # "Councillor Quin", "Dr Wnag": the title before the name is no part of it
        while titled < len(words) - 1 and words[titled].lower().strip(".") in NAME_TITLES:
            titled += 1
        typed_low = typed == typed.lower() and words[0] not in ("the", "a", "an", "this", "that")
        fixed = words[:titled] + [self._name_fix(w, typed_low) for w in words[titled:]]
        if fixed == words:
            fixed = self._name_written_otherwise(words, titled)  # "Charles Clark": the articles write "Charles Clarke"
        if fixed == words:
            return q
        terms = tuple(phrase_terms(" ".join(fixed[titled:]), analyzer))
        if not terms or not all(map(df, terms)):
            return q
        if len(fixed) - titled > 1 and not self._written(fixed[titled:]):
            # "Angela Merkel" is no misspelling of "Angela Marvel", nor "Joe Biden" of "Joe Aiden": the next closest
            # words, for a name the articles write ("Tony Blare" is Tony Blair, not Tony Blake)
            choices = [[w] if f == w else self._name_fixes(w, typed_low) for w, f in zip(words[titled:], fixed[titled:])]
            fixed = next((words[:titled] + list(name) for name in islice(product(*choices), 25)
                          if self._written(list(name))), None)
            if fixed is None:
                return q
            terms = tuple(phrase_terms(" ".join(fixed[titled:]), analyzer))
        speaker = " ".join(fixed)
        return replace(q, speaker=speaker, speaker_terms=tuple(phrase_terms(speaker, analyzer)))

    def _name_written_otherwise(self, words: list[str], titled: int) -> list[str]:
        """A full name (two capitalised words or more after any title) the articles hold word by word but never write
        together, with one word spelt as the articles spell a name one edit from it when that name is written whole
        ("Charles Clark": "Charles Clarke", "Gordon Browne": "Gordon Brown"); else ``words``."""
        name = words[titled:]
        if len(name) < 2 or not all(w[:1].isupper() and w.isalpha() for w in name) or self._written(name):
            return words
        for i in range(len(name) - 1, -1, -1):  # the surname first
            for near in self.speller().near_names(name[i])[:self.reader.params.gates.max_hints]:
                other = name[:i] + [near] + name[i + 1:]
                if self._written(other):
                    return words[:titled] + other
        return words

    def _written(self, name: list[str]) -> bool:
        """``written_together``, cached by name: a full name asked for is looked up once per process."""
        return cached(self._names_written, " ".join(name), self.reader.params.caches.idf,
                      lambda _: self.written_together(name))

    def written_together(self, words: list[str]) -> bool:
        """Whether some article writes ``words`` one after the other (``spelling.written_together``)."""
        reader = self.reader
        return written_together(words, phrase_terms(" ".join(words), reader.analyzer), reader.articles_with,
                                lambda a: reader.article(a).text)

    def _name_fixes(self, word: str, typed_low: bool) -> list[str]:
        """The words ``_name_fix`` could make of ``word``, closest first (up to five)."""
        speller = self.speller()
        if word[:1].isupper():
            return speller.corrections(word)
        if typed_low and self._name_spelling(word) is None and word not in self._spelled:
            return [w for w in speller.corrections(word) if w[:1].isupper()]
        return [word]

    def _name_fix(self, word: str, typed_low: bool) -> str:
        """``word`` of a speaker's name as the corpus spells it when it misspells one: a capitalised word, or in a
        name typed all in lower case ("what did mourino say") a word the corpus never writes, corrected to a
        name only ("Mourinho"); else ``word``."""
        if not word.isalpha():
            return word
        if word[:1].isupper():
            return self.correct(word) or word
        if typed_low and self._name_spelling(word) is None and word not in self._spelled:
            fixed = self.correct(word)
            return fixed if fixed and fixed[:1].isupper() else word
        if self._name_spelling(word) is None and word not in self._spelled:
            fixed = self.correct(word, common=True)  # "the mayer": a word of a role the articles never write
            return fixed if fixed and fixed[:1].islower() else word
        return word


def _measure_asked(text: str, word: str) -> bool:
    """Whether ``word`` is the measure a "how" question asks for ("tall" in "how tall is the bridge"): a word of the
    question's own, never a misspelling of an article's word ("talk")."""
    return word.lower() in WH_HOW_NEXT and re.search(rf"(?i)\bhow\s+{re.escape(word)}\b", text) is not None


def _refuse(check: WordCheck, message: str) -> WordCheck:
    return replace(check, refusal=message)


def either(words: list[str], join: str = "or") -> str:
    """'president' or 'colony'; 'World', 'Cup' or 'Qatar' (or joined by ``join``)."""
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {join} {quoted[-1]}"
