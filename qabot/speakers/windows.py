"""Who speaks in each passage: every sentence of the passage's window (the passage and the sentences before it in
its paragraph, up to ``window`` characters back) attributed, and a speaker the article names only by a role it gives
one person made that person. The same function serves the answer-time attribution (``answering.speech.Speech``) and
the build (``qabot index --speakers`` stores its results in the index), so the two agree by construction; what the
build stored is used only while ``rules_version`` (a hash of the rules' source) and the window are the answer-time
ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..lexicon import OTHER_ROLE
from ..speaker_matching import speaker_phrase
from .attribution import Attribution, attribute_paragraph
from .backrefs import epithet_roles
from .people import People, member_roles, named_bodies, named_documents

_PLURAL_HEAD = re.compile(r"(?i)(?<![’'])\b(?:[a-z]+(?:ies|[^s’'\s]s))\s*$")
"""A speaker's phrase ending in a plural word ("Analysts", "the union's lawyers"): a group, never one person."""
_OF_WHOM = re.compile(r"\s+(?:for|of|at|in|from|on|with)\s+")
"""What a role is of or for: "A lawyer for the three bloggers" is one lawyer."""

_RULE_FILES = ("speaker_matching.py", "lexicon.py")
"""Modules outside this package whose words and patterns the attribution reads (every module of the package is
read too)."""


@cache
def rules_version() -> str:
    """A hash of the source of every module the attribution's results depend on: stored attributions made with other
    rules are not used (the answer works them out again)."""
    import hashlib  # only where stored attributions are written or read: OpenSSL's start-up is 2 ms of a cold ask

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in [*sorted(here.glob("*.py")), *(here.parent / name for name in _RULE_FILES)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def decode_table(rows: list) -> list[Attribution]:
    """The attributions of a stored table (``building.speakers.join_speakers``'s rows)."""
    return [Attribution(speaker=r[0], quote=bool(r[1]), continued=bool(r[2]), head=r[3], phrase=r[4],
                        roles=tuple(r[5])) for r in rows]


def known_as(a: Attribution, roles: tuple[str, ...]) -> Attribution:
    """``a`` with what the article calls its speaker elsewhere; a speaker named only by a role the article
    gave one person ("The home secretary said") is that person ("Charles Clarke"), the role kept as phrase."""
    said = a.phrase or a.speaker or ""
    if _PLURAL_HEAD.search(_OF_WHOM.split(said, 1)[0]) and not speaker_phrase(said).names:
        return a  # "Analysts say ...", "U.S. officials have warned": many, not the one official the article names
    if speaker_phrase(said).names:
        return replace(a, roles=roles)
    named = [r.split(",", 1)[1].strip() for r in roles if "," in r]
    if len(set(named)) != 1:
        return replace(a, roles=roles)
    return replace(a, roles=roles, speaker=named[0], phrase=a.phrase or a.speaker)


def article_roles(people: People) -> dict[str, tuple[str, ...]]:
    """What an article (``people``: its ``People``) calls each person by role, by surname (``described_people``, and
    the epithets it has speak for the person just named: ``backrefs.epithet_roles``),
    and by a role word only one of them holds ("mayor": "mayor of Ferrara, Anna Benedetti", for "the mayor said"
    further on), and the bodies it names in full ("the ministry" after "Iraq's Ministry of Communications")."""
    found = dict(people.described())
    for surname, roles in [*epithet_roles(people).items(), *member_roles(people.text).items()]:
        # "The United boss said" after "Ferguson believes ..."; "Brad Adams, from Human Rights Watch, said"
        found[surname] = found.get(surname, ()) + tuple(r for r in roles if r not in found.get(surname, ()))
    heads: dict[str, set[str]] = {}
    for surname, phrases in found.items():
        for phrase in phrases:
            role = speaker_phrase(phrase.split(",")[0]) if phrase.split(",")[0] else None
            if role is not None and role.head and not role.modifiers & OTHER_ROLE:  # "shadow chancellor" is no chancellor
                heads.setdefault(role.head, set()).add(surname)
    for head, who in heads.items():
        if len(who) == 1 and head not in found:
            (one,) = who
            found[head] = tuple(p for p in found[one] if "," in p)
    for key, names in named_bodies(people.text).items():
        found.setdefault(key, names)  # "the ministry said" after "Iraq's Ministry of Communications"; "the MDA"
    for key, names in named_documents(people.text).items():
        found.setdefault(key, names)  # "the report says" after "a report from analysts Gartner"
    return found


def attribute_window(text: str, spans: list[tuple[int, int]], people: People,
                     roles: Callable[[], dict[str, tuple[str, ...]]],
                     opening: Callable[[], Attribution | None] | None = None) -> dict[int, Attribution]:
    """The speaker of every sentence (``spans`` into the article's ``text``: a passage's window), by sentence start;
    ``roles`` gives ``article_roles`` (asked only when a sentence has a speaker); ``opening``, for a window that starts
    its paragraph, ``closing_speaker`` of the paragraph before (``attribute_paragraph``)."""
    found = dict(zip((s for s, _ in spans), attribute_paragraph(text, spans, people=people, opening=opening)))
    if any(a.speaker for a in found.values()):
        known = roles()
        found = {s: known_as(a, known[a.head]) if a.head in known else a for s, a in found.items()}
    return found


def closing_speaker(text: str, spans: list[tuple[int, int]], people: People) -> Attribution | None:
    """Who speaks in the last of ``spans`` (the window of a paragraph's last passage), read on its own, or None."""
    said = attribute_paragraph(text, spans, people=people)
    return said[-1] if said and said[-1].speaker else None


def window_first(paragraphs: Sequence[int], starts: Sequence[int], first: int, passage: int, window: int) -> int:
    """The first passage of passage ``passage``'s window: going back from it, over passages of its paragraph
    (``paragraphs``, ``starts``: each passage's, by number; ``first``: the article's first passage) that start at
    most ``window`` characters before it."""
    lo = passage
    while lo > first:
        if paragraphs[lo - 1] != paragraphs[passage] or starts[lo - 1] < starts[passage] - window:
            break
        lo -= 1
    return lo


def attribute_article(text: str, paragraphs: Sequence[int], starts: Sequence[int],
                      sentences: Sequence[Sequence[tuple[int, int]]], window: int,
                      title: str | None = None) -> list[dict[int, Attribution]]:
    """``attribute_window`` of every passage of one article (each passage's paragraph, start and sentence spans, and
    its ``title``, the headline), as ``Speech.speakers`` gives them, for the build to store."""
    people = People(text, title)
    roles: list[dict[str, tuple[str, ...]]] = []

    def known() -> dict[str, tuple[str, ...]]:
        if not roles:
            roles.append(article_roles(people))
        return roles[0]

    closings: dict[int, Attribution | None] = {}

    def closing(p: int) -> Attribution | None:
        if p not in closings:
            lo = window_first(paragraphs, starts, 0, p, window)
            closings[p] = closing_speaker(text, [x for q in range(lo, p + 1) for x in sentences[q]], people)
        return closings[p]

    out = []
    for p in range(len(starts)):
        lo = window_first(paragraphs, starts, 0, p, window)
        spans = [x for q in range(lo, p + 1) for x in sentences[q]]
        opens = lo > 0 and paragraphs[lo - 1] != paragraphs[p]  # the window holds its paragraph's start
        out.append(attribute_window(text, spans, people, known, opening=(lambda lo=lo: closing(lo - 1)) if opens else None))
    return out
