"""Select: the evidence shown, best first: each quotation whole and once, the same sentences from
duplicate articles once, nothing already quoted inside an earlier answer, each with its confidence."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import AGE, ASKED_ROLES, ASKS_AGE, AUXILIARIES, CAUSE, CONVERSE_VERBS, CREATORS, DOER_NOUNS, QUANTITY, ROLES, singular
from ..forms import nationals
from ..model import Evidence
from . import ages
from .features import ASKS_COUNTRY, FEATURES, Candidate, country_terms, described, story_subject
from .parse import QuestionKind
from .near import KINDS, NAME_WORD, asked_near, clause, verb_spans
from .sentences import DATE, NUMBER, Reader
from .speech import Speech

_NON_WORDS = re.compile(r"\W+")
_ASKABLE_ROLES = ROLES | CREATORS | ASKED_ROLES


def evidence(reader: Reader, speech: Speech, ranked: list[Candidate], k: int, skip: int,
             confidence, own_only: bool = False, whose: bool = False, named_next: bool = False) -> list[Evidence]:
    """Up to ``k`` pieces of evidence from ``ranked`` (after the first ``skip``); ``confidence(c, position)``
    gives a candidate's confidence. With ``own_only`` (a speech question whose speaker's words were found)
    only the speaker's own words are shown: a sentence that merely mentions the speaker or the topic is
    not an answer to "what did X say", and when X's words run out, there is nothing more. With ``whose`` (the
    question asks who said something), a quotation going on from a sentence that names its speaker is shown
    from that sentence, with its speaker ('who said "Doing nothing is not an option"?': '"...," said council
    leader Fiona Garrity. "Doing nothing is not an option."')."""
    floor = reader.params.gates.min_coverage
    out: list[Evidence] = []
    seen: set[str] = set()
    opened: set[str] = set()  # the sentences the answers shown were chosen for
    quoted: list[tuple[int, int, int]] = []
    shown: list[tuple[int, int, int]] = []
    for c in ranked:
        if own_only and not c.own_words:
            break  # own words are ranked first: the rest are other people's sentences
        if c.coverage < floor and not c.own_words:
            break
        start, end, speaker = c.start, c.end, c.speaker
        if start in c.passage.questions:
            continue  # "Q: Who can apply?": its answer, under it, answers
        said = speech.speakers(c.passage.id).get(c.start) if whose and not c.own_words else None
        if c.own_words or said is not None and said.continued and said.speaker:
            speaker = c.speaker if c.own_words else said.speaker
            # the whole quotation, not one sentence of it, and each quotation once
            start, end = speech.quotation(c.passage, c.start, c.end, speaker)
            # reported words with the quotation after them, words opening with a pronoun from those naming the
            # speaker: unless what is added was shown already (then the words alone)
            if c.own_words and reader.params.speech.quote_after_reported:
                more = quote_after(reader, speech, c, start, end)
                if not any(a == c.article and s < more and end < e for a, s, e in quoted):
                    end = more
            if c.own_words and start == c.start and reader.params.speech.report_before_pronoun:
                more = report_before(reader, speech, c, end)
                if not any(a == c.article and s < start and more < e for a, s, e in quoted):
                    start = more
            if any(a == c.article and s < end and start < e for a, s, e in quoted):
                continue
            quoted.append((c.article, start, end))
        article = reader.article(c.article)
        if named_next and not out and not c.own_words and reader.params.gates.named_next:
            end = _named_next(reader, c, end)
        text = article.text[start:end]
        key = _NON_WORDS.sub(" ", text.lower()).strip()
        own = _NON_WORDS.sub(" ", article.text[c.start:c.end].lower()).strip()
        if key in seen or own in opened or any(a == c.article and lo <= start and end <= hi for a, lo, hi in shown):
            continue  # the same sentences again (in a duplicate article, shown on with words a copy words
            # otherwise: "Electronic Arts (EA)"), or ones already quoted inside an earlier answer
        seen.add(key)
        opened.add(own)
        shown.append((c.article, start, end))
        if len(seen) <= skip:
            continue
        passage = c.passage
        out.append(Evidence(
            rank=len(out) + 1 + skip, text=text, score=round(c.score, 6),
            context=article.text[min(passage.start, start):max(passage.end, end)], article=article,
            paragraph=passage.paragraph, start=start, end=end, terms=tuple(sorted(c.matched)), speaker=speaker,
            confidence=round(confidence(c, len(seen) - 1), 4), article_number=c.article,
        ))
        if len(out) >= k:
            break
    return out


_OPENERS = ("The|A|An|He|She|It|They|We|I|But|And|In|On|At|As|After|Before|This|That|His|Her|Its|Their|However|Meanwhile|"
            "Last|Next|One|Some|Many|If|When|While")
"""Capitalised words opening a sentence that name no one."""
_OPENS_NAMED = re.compile(rf"(?!(?:{_OPENERS})\b)(?:[A-Z][\w’'.-]*\s+){{1,3}}")
"""A sentence opening with a name ("Sir John Gieve was ...", "Merriam-Webster said ...")."""


def _named_next(reader: Reader, c: Candidate, end: int) -> int:
    """For a who question's first answer closing its paragraph ("The top civil servant at the centre of the ... visa
    affair has been knighted in the New Year Honours."): the end of the next paragraph's first sentence when it opens
    with a name ("Sir John Gieve was Home Office permanent secretary ..."), which says who the answer speaks of;
    else ``end``."""
    passage = c.passage
    if c.sentence != len(passage.spans) - 1 or end != passage.spans[-1][1]:
        return end
    p = passage.id + 1
    if p not in reader.corpus.article_passages(passage.article):
        return end
    following = reader.passage(p)
    if following.paragraph == passage.paragraph or not following.spans:
        return end
    s, e = following.spans[0]
    text = reader.article(c.article).text
    if not _OPENS_NAMED.match(text, s, e):
        return end
    return e


def quote_after(reader: Reader, speech: Speech, c: Candidate, start: int, end: int) -> int:
    """The end of the span from ``start`` of a speaker's words in reported speech (``c``, its span ending at ``end``)
    taken on through the quotation of the same speaker that comes right after it, in its paragraph or opening the
    next ("Former referees' chief Philip Don backed Poll's decision to allow the strike." then '"The advantage should
    go to the non-offending team," Don told BBC Radio Five Live.'), within ``quotation_chars``; ``end`` when the
    words are quoted already or no such quotation follows."""
    said = speech.speakers(c.passage.id).get(c.start)
    if said is None or said.quote or not said.speaker:
        return end
    passage = c.passage
    following = next((s for s, _ in passage.spans if s >= end), None)
    if following is None:
        p = passage.id + 1
        if p not in reader.corpus.article_passages(passage.article):
            return end
        passage = reader.passage(p)
        if not passage.spans:
            return end
        following = passage.spans[0][0]
    if reader.article(c.article).text[end:following].strip():
        return end  # something stands between them (a heading, a list)
    then = speech.speakers(passage.id).get(following)
    if then is None or not then.quote or not then.speaker or \
            not (then.speaker == said.speaker or then.said_by(said.speaker)):
        return end
    _, last = speech.quotation(passage, following, dict(passage.spans)[following], then.speaker)
    return last if last - start <= reader.params.speech.quotation_chars else end


def report_before(reader: Reader, speech: Speech, c: Candidate, end: int) -> int:
    """The start of the span to ``end`` of a speaker's words opening with a pronoun (``c``: "She promised that the bus
    would run every 15 minutes.") taken back to the words of the same speaker right before it, in its paragraph or
    closing the one before, which name them ("The mayor said residents would get a free shuttle bus ..."; a quotation
    whole), within ``quotation_chars``; ``c.start`` when it opens otherwise or no such words come before."""
    if not c.passage.sentences[c.sentence].pronoun:
        return c.start
    said = speech.speakers(c.passage.id).get(c.start)
    if said is None or not said.speaker or said.continued:
        return c.start
    passage = c.passage
    before = [(s, e) for s, e in passage.spans if e <= c.start]
    if not before:
        p = passage.id - 1
        if p not in reader.corpus.article_passages(passage.article):
            return c.start
        passage = reader.passage(p)
        before = list(passage.spans)
        if not before:
            return c.start
    previous, previous_end = before[-1]
    if reader.article(c.article).text[previous_end:c.start].strip() or \
            passage.sentences[len(before) - 1].pronoun:
        return c.start  # something between them, or words before that do not name the speaker either ("He said ...")
    then = speech.speakers(passage.id).get(previous)
    if then is None or not then.speaker or not (then.speaker == said.speaker or said.said_by(then.speaker)):
        return c.start
    first, _ = speech.quotation(passage, previous, previous_end, then.speaker)
    return first if end - first <= reader.params.speech.quotation_chars else c.start


# -- focus: what a who, when or where question asks of the verb it names ------------------------

AMOUNTS = (QuestionKind.HOW_MUCH, QuestionKind.HOW_MANY)
"""Kinds of question whose answer holds an amount or a number ("how old", "how much", "how many")."""
_CUE = FEATURES.index("cue")
_HOW_LONG = re.compile(r"(?i)\bhow\s+long\b")


def _near_ties(cands: list[Candidate], params, margin: float) -> list[Candidate]:
    """The best ``focus_candidates`` of ``cands`` whose fitted score is within ``margin`` of the best's, but those
    ``evidence`` would never show (below ``min_coverage``): put first, they would hide the rest."""
    best, floor = cands[0].score, params.min_coverage
    return [c for i, c in enumerate(cands[:params.focus_candidates])
            if best - c.score <= margin and (not i or c.coverage >= floor or c.own_words)]


def _holding_first(cands: list[Candidate], top: list[Candidate], holds: list[bool]) -> list[Candidate]:
    """``cands`` with the near-ties ``top`` that hold what is asked (``holds``) moved before those that do not, in
    their fitted order; unchanged when the best holds it already or none does."""
    if holds[0] or not any(holds):
        return cands
    moved = [c for c, h in zip(top, holds) if h] + [c for c, h in zip(top, holds) if not h]
    return moved + [c for c in cands if c not in top]


def _age_first(reader: Reader, q, cands: list[Candidate]) -> list[Candidate] | None:
    """``cands`` with the best that gives the person a "how old" question names an age (``ages.age_spans``) first,
    wherever the fitted order put it: "How old is sprinter Justin Gatlin?" is answered by "Gatlin, 22, won the closest
    100m final", not by the lede that names him beside a relay. None when the question asks no named person's age or
    no candidate gives one (the other amount rules then apply)."""
    if not reader.params.gates.focus_age or not ASKS_AGE.search(q.text):
        return None
    name = ages.person(q.text)
    if not name:
        return None
    spans: dict[int, list[tuple[int, int]]] = {}
    floor = reader.params.gates.min_coverage
    for c in cands:
        if c.coverage < floor:
            continue  # too little of the question to be shown (``evidence``)
        if c.article not in spans:
            spans[c.article] = ages.age_spans(reader, c.article, name)
        if any(c.start <= s < c.end for s, _ in spans[c.article]):
            return cands if c is cands[0] else [c] + [d for d in cands if d is not c]
    return None


def _amount_first(reader: Reader, q, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a how much / how many question's near-ties reordered: one holding an amount or a number
    beyond the question's own (the ``cue`` feature) before one that holds none. "How old is Patti Smith?": the lede
    "Rock star Patti Smith has been made artistic director ..." names her but gives no age; "The 58-year-old US
    singer ...", a little behind it, does. Only candidates within ``focus_margin`` of the best move, and only when
    the best gives no amount in any form: no number the question lacks, no word of quantity ("for thousands of
    years"). Not for "how long": a span is as often told by its start ("inhabited since the Lower Paleolithic")."""
    params = reader.params.gates
    first = cands[0]
    if not params.focus_cue_amount or first.x[_CUE] > 0 or _HOW_LONG.search(q.text) or \
            QUANTITY.search(reader.article(first.article).text, first.start, first.end):
        return cands
    top = _near_ties(cands, params, params.focus_margin)
    if not any(c.x[_CUE] > 0 for c in top):
        return cands
    moved = sorted(top, key=lambda c: -c.x[_CUE])  # stable: the fitted order within each
    return moved + [c for c in cands if c not in top]


_WORD = re.compile(r"[\w’'.,-]*\w")
"""A word as ``amount_near`` counts them (a number with its commas and points one word: "14.27", "1,981")."""
_AMOUNT = re.compile(r"\d[\d,.]*(?:m|bn|k|p)?|" + NUMBER.pattern.split("|", 1)[1][:-1], re.I)
"""A word that is a number, in digits ("345m", "14.27") or in words ("six"), not one inside a name ("4x100m")."""


def amount_near(reader: Reader, text: str, topic: set[str], asked: frozenset[str], within: int) -> bool:
    """Whether ``text`` (a sentence) writes an amount or number that the question does not (``asked``: its numbers,
    lowercased) and that is no date, within ``within`` words of a word whose term (or irregular form's) is one of
    ``topic``, both in one clause: "losses at General Motors Europe totalled $345m", "will own 30% of the project"."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    amounts = [i for i, (s, e) in enumerate(words)
               if _AMOUNT.fullmatch(text, s, e) and text[s:e].lower() not in asked and not DATE.match(text, s)]
    if not amounts:
        return False
    term = reader.analyzer.term
    for i, (s, e) in enumerate(words):
        word = text[s:e].lower()
        if term(word.strip(".,")) not in topic and reader.base_term(word) not in topic:
            continue
        for j in amounts:
            if abs(i - j) <= within:
                lo, hi = min(s, words[j][0]), max(e, words[j][1])
                inside, outside = clause(text, lo, hi)
                if inside <= lo and hi <= outside:
                    return True
    return False


def _amount_near_first(reader: Reader, q, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a how much / how many question's near-ties reordered when its best writes no amount near a word
    of its topic (``amount_near``): one that does goes first, from within ``focus_amount_margin`` of the best. "What
    share of the Qatargas-4 project will Shell own?": "Shell's agreement, under the name Qatargas-4, foresees ... 1.4
    billion cubic feet of gas" before "The UK-Dutch group will own 30% of the project"."""
    params = reader.params.gates
    if params.focus_amount_near <= 0:
        return cands
    topic = set(q.topic_terms)
    asked = frozenset(n.lower() for n in NUMBER.findall(q.text))
    top = _near_ties(cands, params, params.focus_amount_margin)
    texts = [reader.article(c.article).text[c.start:c.end] for c in top]
    if ASKS_AGE.search(q.text) and AGE.search(texts[0]):
        return cands  # "Aged 18 years and 185 days, the Mallorcan became ...": an age is what is asked
    return _holding_first(cands, top, [amount_near(reader, t, topic & c.matched, asked, params.focus_amount_near)
                                       for c, t in zip(top, texts)])


_WHICH = re.compile(r"(?i)^\W*(?:[\w’'-]+\s+){0,3}?(?:which|what)\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|may|might|kind|type|sort)\b)((?:[\w’'-]+\s+){0,3}?[\w’'-]+)(?=\s+(?:"
                    r"is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|may|might|of|in|on|at|for|"
                    r"to|from|by|with|about|[a-z]+(?:ed|s))\b)")
"""A question asking which one of a kind: "which studio worried about ...", "Which Cabinet Office minister was ...",
"In which town are ..." (the kind's words: "studio", "Cabinet Office minister", "town")."""
_NAME_RUN = r"(?:[A-Z][\w’'-]*(?:\s+(?:of|the|de|von|van|du|di|and|&)\s+|\s+|$|(?=[^\w’'-])))+"
"""One or more words written with a capital (a name), a few small linking words inside it."""


def kind_words(reader: Reader, q) -> frozenset[str]:
    """The terms of the words naming the kind a "which X" question asks for ("studio" of "which studio worried")."""
    found = _WHICH.match(q.text)
    if not found:
        return frozenset()
    terms = {t for t in reader.analyzer.terms(found.group(1)) if t}
    return frozenset(terms - {t for t in reader.analyzer.terms(" ".join(w for w in found.group(1).split()
                                                                         if w[:1].isupper()))})


def named_beside(reader: Reader, sentence: str, kind: frozenset[str], asked: set[str]) -> bool:
    """Whether ``sentence`` writes a name the question does not, right beside a word of the asked kind: "film studio
    New Line", "Magistrate Lee Gilmore", "at Waverley Local Court", "the Suffolk Coastal seat"."""
    terms = reader.analyzer.term
    for found in re.finditer(_NAME_RUN, sentence):
        words = [w for w in found.group().split() if w[:1].isupper()]
        if not words or found.start() == 0 and len(words) == 1:
            continue  # a sentence's first word is capitalised anyway
        named = [terms(w) for w in words]
        inside = [t for t in named if t in kind]
        new = [t for t in named if t and t not in kind and t not in asked]
        if not new:
            continue
        if inside:
            return True  # "Waverley Local Court", "Magistrate Lee Gilmore"
        before = re.findall(r"[\w’'-]+", sentence[max(0, found.start() - 30):found.start()])
        after = re.findall(r"[\w’'-]+", sentence[found.end():found.end() + 30])
        if before and terms(before[-1]) in kind or after and terms(after[0]) in kind:
            return True  # "film studio New Line", "the Suffolk Coastal seat"
    return False


def _named_first(reader: Reader, q, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a "which X" question's near-ties reordered when its best names nothing of kind X that the
    question does not: one that does goes first. "which studio worried about anti-religious content in the His
    Dark Materials film": 'They have expressed worry about ...," Weitz told a His Dark Materials fans' website' before
    "... after film studio New Line expressed concern". Only candidates within ``focus_margin`` of the best move."""
    params = reader.params.gates
    kind = kind_words(reader, q) if params.focus_which else frozenset()
    if not kind:
        return cands
    asked = set(q.terms)
    top = _near_ties(cands, params, params.focus_margin)
    return _holding_first(cands, top, [named_beside(reader, reader.article(c.article).text[c.start:c.end], kind,
                                                     asked) for c in top])


_ROLE_BEFORE = frozenset("the a an his her their its new former".split())
"""Words that open the noun phrase of a role a who question asks ("the judge", "his new coach")."""


def asked_roles(reader: Reader, q) -> frozenset[str]:
    """The role a who question asks someone by, lowercase and singular: a role word (``lexicon.ROLES``, ``CREATORS``,
    ``ASKED_ROLES``) written as a noun ("Who was *the judge* that ...", "Who is Marat Safin's *coach*", "Who is the
    *director* of ..."), not an owner ("the player's new boss": "player"; "the ally of his father": "father"), nor the
    question's verb ("who stars in").
    Empty when it asks none."""
    out = set()
    words = [(m.group(), m.end()) for m in re.finditer(r"[\w’'-]+", q.text)]
    verb = (q.verb or "").lower()
    for i, (word, end) in enumerate(words[1:], start=1):
        low = word.lower()
        if not word[:1].islower() or low == verb or q.text[end:end + 2] in ("'s", "’s"):
            continue
        if singular(low) not in _ASKABLE_ROLES:
            continue
        if i + 1 < len(words) and singular(words[i + 1][0].lower()) in _ASKABLE_ROLES:
            continue  # "the deputy director": the director
        before = [w.lower() for w, _ in words[max(0, i - 3):i]]
        if i >= 2 and words[i - 2][0].lower() == "of" and words[i - 1][0].lower() in _ROLE_BEFORE:
            continue  # "the ally of his father": whose ally, not the one asked
        if any(w in _ROLE_BEFORE or w.endswith(("'s", "’s")) for w in before):
            out.add(singular(low))
    return frozenset(out)


def _doers(reader: Reader, q, verb_term: str | None) -> frozenset[str]:
    """For "who VERBed ..." asking the verb's subject, the nouns for its doer, lowercase: the verb's own ("director" of
    "who directed", "developer" of "who developed") and ``lexicon.DOER_NOUNS``' ("author" of "who wrote");
    ``GateParams.focus_agent``; else none."""
    if not verb_term or q.subject or not reader.params.gates.focus_agent:
        return frozenset()
    return frozenset(verb_term + ending for ending in ("or", "er")) | _doer_nouns(reader.analyzer).get(verb_term,
                                                                                                       frozenset())


@lru_cache(maxsize=4)
def _doer_nouns(analyzer) -> dict[str, frozenset[str]]:
    """``lexicon.DOER_NOUNS`` by the verb's term."""
    return {analyzer.term(verb): frozenset(nouns.split()) for verb, nouns in DOER_NOUNS.items()}


_BY_NAME = re.compile(r"\s+(?:[\w’'£$€.%-]+\s+){0,8}?by\s+(?:(?!(?:in|at|on|from|to|near|for|with|after|before)\s)"
                      r"[a-z][\w’'-]*\s+){0,4}(?P<name>[A-Z][\w’'-]+)")
"""What follows a verb done by someone named: "(directed) by Robert Zemeckis", "(signed for £4.6m from AC Milan in 1998)
by Ruud Gullit", "(voted for) by viewers of MTV Base"."""


_NATIONALS = frozenset(nationals()) | \
    frozenset("us uk eu".split())
"""A nation's adjective ("British", "US") before a role is no one's name."""
_TOKEN = re.compile(r"[\w’'.&-]*\w|[,()]")
_ROLE_LINKS = frozenset("""of the a an is was are were became becomes remains named called as its their his her new
    former current then first only sole acting interim""".split())
"""Words that may stand between a role and the name of whoever holds it: "the chair of the IPCC, Hoesung Lee",
"Hoesung Lee is the chair", "William Rainey Harper became the university's first president"."""


def role_linked(reader: Reader, sentence: str, roles: frozenset[str], asked: set[str], verb_term: str | None = None,
                within: int = 8) -> bool:
    """Whether ``sentence`` writes a name the question does not within ``within`` words of a word of ``roles`` (lowercase
    and singular words, matched as written: a role's stem is often another word's, "author" of "authorities"), only
    names the question writes, commas, brackets, possessives, other roles and linking words (``_ROLE_LINKS``) between
    ("Steven Moffat replaced Davies as head writer and executive producer"): "the
    newly hired deputy director of the Office of Manned Space Flight, Joseph Shea", "(coach) Peter Lundgren", "Korean
    economist Hoesung Lee is the chair of the IPCC"; the question's verb (``verb_term``) may stand between too ("Ögedei
    was appointed as successor"). Only in the role's clause (no semicolon or dash between)."""
    term = reader.analyzer.term
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(sentence)]
    for i, (word, at) in enumerate(tokens):
        low = word.lower().rsplit("-", 1)[-1]  # "then-Mayor", "co-founder"
        if low not in roles and singular(low) not in roles or re.match(r"[’']s\b", sentence[at + len(word):at + len(word) + 2]):
            continue
        for step in (1, -1):
            j, seen = i + step, 0
            while 0 <= j < len(tokens) and seen < within:
                w, wat = tokens[j]
                lo, hi = sorted((at, wat))
                if re.search(r";|\s[—–-]\s", sentence[lo:hi]):
                    break
                seen += 1
                if w[:1].isupper():
                    t = term(w)
                    if t and t not in asked and not (j == 0 and step < 0) and singular(w.lower()) not in roles \
                            and w.lower() not in _NATIONALS:  # "US playwright Eve Ensler": a modifier, no one's name
                        return True
                elif not (w in ",()" or w.lower() in _ROLE_LINKS or w.endswith(("'s", "’s")) or w == "and"
                          or singular(w.lower()) in _ASKABLE_ROLES
                          or verb_term and (term(w) == verb_term or reader.base_term(w.lower()) == verb_term)):
                    break
                j += step
    return False


def doer_named(reader: Reader, q, sentence: str, roles: frozenset[str], verb_term: str | None,
               asked: set[str]) -> bool:
    """Whether ``sentence`` names someone the question does not as the one a who question asks for: beside a word of the
    role asked (``roles``, ``role_linked``: "Judge Lord Cullen", "(coach) Peter Lundgren", "the work's author, US
    playwright Eve Ensler" for the doer's noun), or, for "who VERBed ..." (no subject) and for a role that is a verb's
    doer ("inventor"), after that verb done by them ("It is directed by Robert Zemeckis", "invented by Thomas
    Newcomen") in the verb's clause."""
    if roles and role_linked(reader, sentence, roles, asked, verb_term):
        return True
    term = reader.analyzer.term
    verbs = [verb_term] if verb_term and not q.subject else []
    verbs += [term(v) for r in roles for v in (r[:-2], r[:-1]) if r.endswith(("or", "er")) and len(v) > 3]
    for s, e in (span for v in verbs for span in verb_spans(reader, sentence, v)):
        if sentence[s].isupper():
            continue  # a title ("The Love Boat"), not the verb
        _, hi = clause(sentence, s, e)
        m = _BY_NAME.match(sentence[:hi], e)
        if m and term(m.group("name")) not in asked:
            return True
    if verb_term and not q.subject:  # "who beat X": "X lost out ... to pop rock act Maroon 5"
        for lemma in _converses(reader.analyzer).get(verb_term, ()):
            for s, e in verb_spans(reader, sentence, term(lemma)):
                _, hi = clause(sentence, s, e)
                m = _TO_NAME.match(sentence[:hi], e)
                if m and term(m.group("name")) not in asked:
                    return True
    return False


@lru_cache(maxsize=4)
def _converses(analyzer) -> dict[str, tuple[str, ...]]:
    """``lexicon.CONVERSE_VERBS`` by the verb's term."""
    return {analyzer.term(verb): tuple(others.split()) for verb, others in CONVERSE_VERBS.items()}


_TO_NAME = re.compile(r"(?:\s+[\w’'-]+){0,12}?\s+to\s+(?:(?!(?:be|the|a|an)\s)[a-z][\w’'-]*\s+){0,4}(?P<name>[A-Z][\w’'-]+)")
"""What follows a converse verb done to someone named: "(lost) out in the battle to be named best new artist to pop rock
act Maroon 5"."""


def _doer_first(reader: Reader, q, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a who question's near-ties reordered when its best names no one as the one asked for
    (``doer_named``): one that does goes first, from within ``focus_doer_margin`` of the best. "Who was the judge that
    threw out the executive's appeal?": "On Thursday, the Court of Session threw out a move by the executive ..." before
    "Judge Lord Cullen, sitting with Lord Osborne and Lord Hamilton, ruled ..."."""
    params = reader.params.gates
    if params.focus_doer_margin <= 0:
        return cands
    roles = asked_roles(reader, q)
    verb_term = (reader.base_term(q.verb) or reader.analyzer.term(q.verb)) if q.verb else None
    if not roles and not verb_term:
        return cands
    asked = set(q.terms)
    top = _near_ties(cands, params, params.focus_doer_margin)
    if len(top) < 2:
        return cands
    texts = [reader.article(c.article).text[c.start:c.end] for c in top]
    if _by_someone(reader, texts[0], asked) or not roles and (
            _opens_with_someone(reader, texts[0], asked) or verb_term and _verb_near_name(reader, q, texts[0], verb_term)):
        return cands  # the best is given the benefit of the doubt: a verb done by someone named may be the asked one
        # in other words; with no role asked, so may the verb of a name opening it, and a name beside the asked verb
        # may be the one asked for
    doers = roles | _doers(reader, q, verb_term)
    return _holding_first(cands, top, [doer_named(reader, q, t, doers, verb_term, asked) for t in texts])


def _verb_near_name(reader: Reader, q, sentence: str, verb_term: str) -> bool:
    """Whether ``sentence`` writes the question's verb with a name the question does not write near it in the verb's
    clause (``near.asked_near``)."""
    at = verb_spans(reader, sentence, verb_term, agent=True)
    if not at:
        return False
    words = reader.analyzer.words_as_written(q.text.strip())
    first = words[0][1] if words else ""
    names = {shown for _, shown in words if shown[:1].isupper() and shown != first and shown != "I"}
    return asked_near(QuestionKind.WHO, sentence, at, names)


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
"""A word written with a capital, the first of a sentence too ("Greece came top": ``Sentence.names`` leaves it out)."""

_ANY_BY_NAME = re.compile(r"\bby\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+)")
_NOT_A_NAME = re.compile(rf"\W*(?:{_OPENERS}|Around|Also|Like|Since|During|Although|Though|Following|Despite|Under|"
                         r"With|For|From|Over|Until)\b")
"""A sentence's first word that names no one (``_OPENERS`` and more prepositions and linking words)."""


_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:in|at|on|of|for|from|with|by|to|into|about|after|before|the|a|an)\s+$")


def _opens_with_someone(reader: Reader, sentence: str, asked: set[str], words: int = 5) -> bool:
    """Whether ``sentence`` opens (its first ``words`` words) with a name the question does not write, not after a
    preposition or an article: the subject of its verb ("Polling firm Mori interviewed ...", "Around 1800 Richard
    Trevithick and ... introduced"; not "The interview with BBC Radio Sheffield")."""
    term = reader.analyzer.term
    governed = False  # the name run the word stands in follows a preposition or an article
    for i, m in enumerate(re.finditer(r"[\w’'-]+", sentence)):
        if i >= words:
            break
        word = m.group()
        if not word[:1].isupper():
            governed = False
            continue
        governed = governed or bool(_PREPOSITION_BEFORE.search(sentence[max(0, m.start() - 8):m.start()]))
        t = term(word)
        if not governed and t and t not in asked and not (i == 0 and _NOT_A_NAME.match(sentence)):
            return True
    return False


def _by_someone(reader: Reader, sentence: str, asked: set[str]) -> bool:
    """Whether ``sentence`` writes a verb done "by" someone named whom the question does not write ("was done by the
    Honeynet Project")."""
    term = reader.analyzer.term
    return any(term(m.group("name")) not in asked for m in _ANY_BY_NAME.finditer(sentence))


def _cause_first(reader: Reader, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a why question's near-ties reordered when its best gives no cause (``CAUSE``): one that does
    goes first, from within ``focus_cause_margin`` of the best. "why was Charles Evans Jr left out of the Oscars race": "Charles Evans Jr battled over his role ... and
    won a producer's credit" before "But he is not on the list ... due to a limit on the number of nominees"."""
    params = reader.params.gates
    if not params.focus_cause:
        return cands
    top = _near_ties(cands, params, params.focus_cause_margin)
    return _holding_first(cands, top, [CAUSE.search(reader.article(c.article).text, c.start, c.end) is not None
                                       for c in top])


_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|their|his|her|its)|[’']s)\s+$", re.I)


_BETWEEN_SUBJECT_AND_VERB = AUXILIARIES | frozenset("of and the also then not never just already".split())


def _subject_of(before: str, pattern: str) -> bool:
    """Whether ``pattern`` (a name, a pronoun) stands in ``before``, the words of a clause before its verb, as the verb's
    subject: only names, auxiliaries and adverbs between ("Putin of Russia met", "Wang has already met"; not "Temüjin had
    three brothers named")."""
    for m in re.finditer(pattern, before):
        between = re.findall(r"[\w’'-]+", before[m.end():])
        if all(w[:1].isupper() or w.lower() in _BETWEEN_SUBJECT_AND_VERB or w.endswith("ly") for w in between):
            return True
    return False


def _words_after(text: str, verb: str) -> int:
    """How many words ``text`` writes after its last ``verb`` (a large number when it lacks it)."""
    at = [m.end() for m in re.finditer(rf"(?i)\b{re.escape(verb)}\b", text)]
    return len(re.findall(r"[\w’'-]+", text[at[-1]:])) if at else 99


def _object_after(sentence: str, at: list[tuple[int, int]], subject: set[str], names: set[str], common: set[str]) -> bool:
    """Whether ``sentence`` writes one of the question's ``subject`` names before the asked verb (one of its places
    ``at``, not a noun: "the meeting") in the verb's clause and another name after it there: what "who did Putin meet"
    asks for ("Putin of Russia met with Wang Yi"), not "Wang met with Nikolai Patrushev, Putin's adviser". A subject
    name most candidates hold (``common``, the articles' subject) may be written "he", "she" or "they"."""
    for s, e in at:
        if _NOUN_BEFORE.search(sentence[max(0, s - 12):s]):
            continue
        lo, hi = clause(sentence, s, e)
        before, after = sentence[lo:s], sentence[e:hi]
        named = any(_subject_of(before, rf"\b{re.escape(n)}\b(?![’']s)") for n in subject) \
            or bool(common) and not any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in common) \
            and _subject_of(before, _SUBJECT_PRONOUN.pattern)
        if named and any(n not in names and n.rstrip("’'s") not in names for n in NAME_WORD.findall(" " + after)):
            return True
    return False


def _described_as(reader: Reader, c: Candidate, name: str) -> bool:
    """Whether candidate ``c`` opens by describing the subject of its short story ("The US star will play ...",
    ``features.described``) and that story's headline or first sentence names ``name`` ("Eminem"): the sentence speaks
    of the one named."""
    return reader.analyzer.term(name) in story_subject(reader, c.article) and \
        described(reader, c.passage, c.passage.sentences[c.sentence])


def focus(reader: Reader, q, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the best few of a who, when or where question reordered by what the question asks
    of the verb it names: the names it gives standing in the sentence as themselves ("Putin", not only
    "Putin's adviser"), the verb, and near it what the question asks for (a place after it for where, a
    time for when, another name for who). Only candidates whose fitted score is within ``focus_margin``
    of the best's are moved, so the rule settles near-ties and never lifts a poor match."""
    params = reader.params.gates
    if q.kind in AMOUNTS and len(cands) >= 2:
        aged = _age_first(reader, q, cands)
        if aged is not None:
            return aged
        return _amount_first(reader, q, _amount_near_first(reader, q, cands))
    if q.kind is QuestionKind.WHAT and len(cands) >= 2:
        return _named_first(reader, q, cands)
    if q.kind is QuestionKind.WHY and len(cands) >= 2:
        return _cause_first(reader, cands)
    if q.kind not in KINDS or len(cands) < 2:
        return cands
    if q.kind is QuestionKind.WHO:
        moved = _doer_first(reader, q, cands)
        if moved is not cands:
            return moved
    text = q.text.strip()
    verb = q.verb  # "who is the chairman": None, no verb to look for
    words = reader.analyzer.words_as_written(text)
    first = words[0][1] if words else ""
    names = {shown for _, shown in words if shown[:1].isupper() and shown != first and shown not in ("I",)}
    verb_term = None
    if verb:
        verb_term = reader.base_term(verb) or reader.analyzer.term(verb)
    best = cands[0].score
    top = [c for c in cands[:params.focus_candidates] if best - c.score <= params.focus_margin]
    if len(top) < 2:
        return cands

    texts = {id(c): reader.article(c.article).text[c.start:c.end] for c in cands[:2 * params.focus_candidates]}
    # a name most candidates hold is the subject of the articles ("Luther"), often written "he": its absence
    # says nothing; a name written only as a possessive ("Putin's adviser") is someone else's, whatever its count
    common = {n for n in names if 2 * sum(bool(re.search(rf"\b{re.escape(n)}\b", t)) for t in texts.values()) > len(texts)}

    owned = {n for n in names if re.search(rf"\b{re.escape(n)}[’']s\b", text)}
    subject = set(q.subject) & names
    # a first name is written once: "Rowlands died in Hove" speaks of Patsy Rowlands (a name the next subject word,
    # written with a capital, stands for)
    surname = {n: after for n, after in zip(q.subject, q.subject[1:])
               if after in names and re.search(rf"\b{re.escape(n)}\s+{re.escape(after)}\b", text)}

    # "who did Putin meet": the question names its verb's subject, so it asks for the verb's object
    # and little else: "who did the Panthers beat to become the NFC champs" asks of more than the verb
    asks_object = q.kind is QuestionKind.WHO and bool(subject) and bool(verb_term) and params.focus_object > 0 \
        and _words_after(text, verb) <= params.focus_object_words

    # "which countries ...": a country's name anywhere in the sentence is what it asks for ("... are Greece and Italy")
    country = country_terms(reader.analyzer) - set(q.terms) if q.kind is QuestionKind.WHERE \
        and ASKS_COUNTRY.search(q.text) else frozenset()

    def value(c: Candidate) -> float:
        sentence = texts[id(c)]
        got = 0.0
        if names:
            whose = any(re.search(rf"\b{re.escape(n)}[’']s\b", sentence)
                        and not re.search(rf"\b{re.escape(n)}\b(?![’']s)", sentence) for n in names - owned)
            missing = any(not re.search(rf"\b{re.escape(n)}\b", sentence)
                          and not (n in surname and re.search(rf"\b{re.escape(surname[n])}\b", sentence))
                          and not (params.focus_described and _described_as(reader, c, n))
                          for n in subject - common)
            got += 0.0 if whose or missing else params.focus_names
        at = []
        if verb_term:
            at = verb_spans(reader, sentence, verb_term, agent=q.kind is QuestionKind.WHO and params.focus_agent)
            got += params.focus_verb if at else 0.0
        spans = [clause(sentence, s, e) for s, e in at]
        if c is cands[0] and not any(hi - lo < len(sentence) for lo, hi in spans):
            at = []  # the best is given the benefit of the doubt: what the question asks for anywhere in it,
            # unless its verb stands in a clause of its own, where only that clause speaks for it
        cue = asked_near(q.kind, sentence, at, names, numbers=not params.focus_place_no_number) or \
            bool(country) and not country.isdisjoint(reader.analyzer.terms(" ".join(_CAPITALISED.findall(sentence))))
        weight = {QuestionKind.WHERE: params.focus_cue, QuestionKind.WHEN: params.focus_cue_when}.get(q.kind, params.focus_cue_who)
        if asks_object and _object_after(sentence, at, subject, names, subject & common):
            got += params.focus_object
        return got + (weight if cue else 0.0)

    values = [value(c) for c in top]
    lead = max(values)
    if lead - values[0] < params.focus_gain:
        return cands  # the best already holds about as much of what the question asks
    moved = [c for _, c in sorted(zip(values, top), key=lambda x: -x[0])]
    return moved + [c for c in cands if c not in top]
