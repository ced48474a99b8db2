"""What a question asks and its answers do not give, by kind of question: near misses refused or shown "not sure".

A near miss asks a fact of an article's own subject that the article never gives ("Which hospital was Debra Hill
being treated in when she died?": the article says she died in Los Angeles). The sentences found are about the
subject, so they rank well; what they lack is the kind of thing asked. By kind:

- a sum of money ("how much did X pay", "what salary"): a how much question none of whose first three answers writes
  a sum (``lexicon.CURRENCY``: "27%" is no sum, unless the question asks by how much it differs: "how much less do
  women earn", ``lexicon.ASKS_DIFFERENCE``) is refused (``GateParams.refuse_without_money_said``; the articles
  were read already, ``refuse_without_money``), and a first answer writing none is shown "not sure"
  (``unsure_without_money``);
- a place or person of a kind a news article names beside the kind's word whenever it names one
  (``lexicon.NAMED_WITH_KIND``: "which hospital", "which judge"): a which question none of whose first three answers'
  articles names one beside the word is refused (``refuse_without_named_kind``); and for these and the kinds named
  so most often (``lexicon.NAMED_KINDS``: "which law firm", "which bank", "who is X's coach"), a first answer naming
  none beside the word is shown "not sure" (``unsure_without_named_kind``);
- a reason (why): a first answer that writes no word of cause or purpose (``lexicon.REASONS``) is shown "not sure"
  (``unsure_without_reason``).

The kinds whose absence from the first answers says little (a name for who, a place for where, a date for when: most
sentences hold one) are left to the confidence and ``asked.py``; measured in docs/answers.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import ASKS_DIFFERENCE, ASKS_MONEY, CURRENCY, SHARE, NAMED_KINDS, NAMED_WITH_KIND, PREPOSITIONS, REASONS, ROLES
from .asked import WORD
from .parse import Question, QuestionKind
from .select import kind_words, named_beside
from .sentences import Reader

_WHO_IS = re.compile(r"(?i)^\W*who\s+(?:is|was|are|were|will\s+be|has\s+been)\s+(?P<rest>.+)")
"""A who question asking who holds a role: "Who is Sania Mirza's coach?", "Who is the lawyer representing ..."."""
ROLE_WORDS = 5
"""How far into "who is ..." the role's word is looked for (before a preposition): "Who is the final judge of ..."."""


def asks_money(q: Question) -> bool:
    """Whether ``q`` asks a sum of money: a how much question about a cost, a fee, a payment ..., or "what salary"."""
    return q.kind in (QuestionKind.HOW_MUCH, QuestionKind.WHAT) and ASKS_MONEY.search(q.text) is not None


def named_kind(reader: Reader, q: Question, who: bool = False,
               kinds: frozenset[str] = NAMED_KINDS) -> tuple[frozenset[str], str] | None:
    """For a which question asking one of ``kinds`` ("Which London hospice"), the terms of the kind's words and the
    kind as written ("hospice"); with ``who``, for "who is X's ROLE" too (a person's role, ``lexicon.ROLES``); else
    None."""
    if q.kind is QuestionKind.WHAT:
        if not _terms(reader.analyzer, kinds).intersection(q.topic_terms):
            return None  # (most questions: no word of the kinds at all)
        kind = kind_words(reader, q)
        if _terms(reader.analyzer, kinds) & kind:
            written = dict.fromkeys(w for w in WORD.findall(q.text) if w.islower() and reader.analyzer.term(w) in kind)
            return kind, " ".join(written)  # "law firm"
    elif who and q.kind is QuestionKind.WHO and (m := _WHO_IS.match(q.text)) is not None:
        for word in WORD.findall(m.group("rest"))[:ROLE_WORDS]:
            if word in PREPOSITIONS:
                break
            if word in kinds and word in ROLES and (term := reader.analyzer.term(word)):  # a person: not "Who is the
                # university accredited by"
                return frozenset((term,)), word
    return None


@lru_cache(maxsize=8)
def _terms(analyzer, kinds: frozenset[str]) -> frozenset[str]:
    """The terms of ``kinds``' words."""
    return frozenset(t for t in map(analyzer.term, kinds) if t)


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def unsaid_in_articles(reader: Reader, q: Question, articles: list[int]) -> str | None:
    """The named kind ``q`` asks ("a hospital") when none of ``articles`` names one beside the kind's word, else
    None (``GateParams.refuse_without_named_kind``)."""
    if not reader.params.gates.refuse_without_named_kind or not articles:
        return None
    kind = named_kind(reader, q, kinds=NAMED_WITH_KIND)
    if kind is None:
        return None
    asked = set(q.terms)
    if any(named_beside(reader, reader.article(a).text, kind[0], asked) for a in articles):
        return None
    return _article(kind[1])


def gives_money(q: Question, text: str) -> bool:
    """Whether ``text`` writes a sum of money (``lexicon.CURRENCY``), or a share when ``q`` asks by how much a sum
    differs ("how much less do women earn": "19% less")."""
    return CURRENCY.search(text) is not None or (ASKS_DIFFERENCE.search(q.text) is not None
                                                 and SHARE.search(text) is not None)


def unsaid_in_sentences(q: Question, texts: list[str], gates) -> bool:
    """Whether ``q``, a how much question asking a sum of money, has first answers ``texts`` none of which writes a
    sum (``GateParams.refuse_without_money_said``)."""
    return bool(gates.refuse_without_money_said and texts and q.kind is QuestionKind.HOW_MUCH and asks_money(q)
                and not any(gives_money(q, t) for t in texts))


def unsure(reader: Reader, q: Question, text: str) -> str | None:
    """What of the kind asked the first answer ``text`` does not give ("a sum of money", "a hospital named",
    "a reason"), shown "not sure"; None when it gives it or the question asks no such kind."""
    gates = reader.params.gates
    if gates.unsure_without_money and asks_money(q) and not gives_money(q, text):
        return "a sum of money"
    if gates.unsure_without_reason and q.kind is QuestionKind.WHY and not REASONS.search(text):
        return "a reason"
    if gates.unsure_without_named_kind and q.kind in (QuestionKind.WHAT, QuestionKind.WHO):
        kind = named_kind(reader, q, who=True)
        if kind is not None and not named_beside(reader, text, kind[0], set(q.terms)):
            return f"{_article(kind[1])} named"
    return None
