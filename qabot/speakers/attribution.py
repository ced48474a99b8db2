"""The driver of attribution: ``Attribution``, who a sentence's words belong to; ``attribute``, the speaker of
one sentence (the quoted-speech patterns, else the reported-speech ones, in order, then a back-reference
resolved); ``attribute_paragraph``, each sentence of a paragraph with what the sentences before it tell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..analysis import STOPWORDS
from ..lexicon import (CORE_SPEECH_FORMS, DOCUMENTS, GROUP_SPEECH_LEMMAS, GROUPS, NOT_PEOPLE_PLURALS, PEOPLE_PLURAL_ENDINGS,
                       PREPOSITIONS, ROLES, SPOKESPEOPLE, STATEMENTS, alternation, forms)
from ..speaker_matching import normal, not_their_own, speaker_matches, speaker_phrase
from .backrefs import (_SENTENCE_BREAK, _SUBJECT_REACH, _agrees, _backward_body, _body_before, _is_epithet, _last_sentence,
                       _in_passing, _merely_named, _person_before, _same_role, _speaks_as, _subject_before, _subject_of, Subject)
from .names import _NOT_NAMES, _OWNED, _clean, _has_word, _is_name, _surnames, last_name_in, surname_of
from .people import People, known_people
from .phrases import VERBS, is_phrase, _LEAD, _OF, _PRONOUNS, _SPLIT_ROLE, _THE, _TITLED_START
from .quoted import (_AFTER_QUOTE, _BEFORE_QUOTE, _QUOTED, _SAYS_OPENING_REVERSED, _VERB_FIRST, _quoted_at, is_quote,
                     quoted_words, straightened)
from .reported import (_ACCORDING, _CHARACTERISING, _CLOSED_BY, _REPORTED, _REPORTED_END, _REPORTED_MID, _SAID_BY_END,
                       _SAYING, _SUBJECT_SPEAKS, _SUBJECT_SPEAKS_HINT, _TOLD_BY, _WHO_SAID, _WHO_SAID_HINT, closed_by_hint,
                       reported_end_hint, speech_hint)

SPEAKER_CONTEXT = 2000
"""Characters before a paragraph read to resolve "he" and to learn who the people are."""


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's words belong to."""

    speaker: str | None
    """The speaker's name as the article writes it (pronouns resolved), or None."""
    quote: bool
    """True when the sentence holds a direct quotation."""
    continued: bool = False
    """True when the sentence names no speaker but goes on with the quotation of the one before it."""
    head: str | None = None
    """The speaker's head word, lowercased and singular: a surname ("benedetti"), else a role, group or
    document ("mayor", "official", "statement"); None without a speaker."""
    phrase: str | None = None
    """The whole phrase naming the speaker when it says more than ``speaker`` ("The fisheries officer Erik
    Lindqvist" for Erik Lindqvist), else None."""
    roles: tuple[str, ...] = ()
    """What the article calls this speaker elsewhere ("Festival director" for "Mr Kosslick"; ``described_people``)."""

    def said_by(self, asked: str) -> bool:
        """True when the question's speaker phrase ``asked`` ("the mayor", "Benedetti") means this speaker, by
        name, by the phrase that names them here ("the spokesman" going on with "A Bayern spokesman": either), or
        by a role the article gives them elsewhere."""
        return self.speaker is not None and (speaker_matches(asked, self.phrase or self.speaker)
                                             or self.phrase is not None and self.speaker not in self.phrase
                                             and speaker_matches(asked, self.speaker)
                                             or any(speaker_matches(asked, role) for role in self.roles)) \
            and not not_their_own(asked, self.phrase or self.speaker, self.speaker)  # not a spokesman for them

_NO_ONE = Attribution(speaker=None, quote=False)
_DESCRIBED_NAME = re.compile(r",\s+(?P<words>(?:(?!(?:in|at|on|from|of|by|for|to|with|and|or|near|based|speaking|who|which)\s)"
                             r"(?:[a-z][\w-]*|[A-Z][\w-]*[’']s)\s+){1,4})"
                             r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),")
"""A person set off by commas after a role, with words of their own before the full name (", retired headmaster Peter
Lowther," after "Its chairman"; not ", based in New York,")."""
_ROLE_THEN_NAME = re.compile(r"[ \t]+(?P<words>(?:(?!(?:and|or|but|to|by|with|of|for|at|in|on|the|a|an|who|that|which|as|after|"
                             r"before|when|while|from|his|her|its|their)\b)[a-z][\w-]+[ \t]+){1,3})"
                             r"(?P<name>[A-Z][\w’'-]+(?:[ \t]+(?!(?:The|A|An|In|On|At|But|And|He|She|It|They|This|That|His|Her)\b)"
                             r"[A-Z][\w’'.-]+){1,3})")
"""After a capitalised word that follows "said", lowercase words and a name: what the person is of that place or body,
and the person ("said Florida state archivist Jody Norman": Jody Norman, described as "Florida state archivist")."""
_NAME_AFTER_DESCRIPTION = re.compile(
    rf"^\W*{_LEAD}?(?P<desc>(?:[Oo]ne|[Aa]n?|[Tt]he|[Aa]nother)\s+(?:[a-z][\w’'-]*\s+){{0,3}}[a-z][\w-]*,)\s+"
    rf"(?P<who>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){{1,2}}),\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?:{VERBS})\b")
"""A subject described in lowercase words with a full name set off after it, speaking: "One resident, Gwen Parry,
said: "..."", "A local shopkeeper, Ann Lee, told ..." (the person, so described; no list holds "resident")."""
_PEOPLE_SUBJECT = re.compile(
    rf"^\W*{_LEAD}?(?P<who>(?:(?!(?:[Tt]hey|[Ww]e|[Ii]t|[Hh]e|[Ss]he|while|when|as|if|although|because|since|after|before|"
    rf"and|but|so|that|where|how|[Oo]n|[Ii]n|[Aa]t)\s)[A-Za-z][\w’'-]*\s+){{0,2}}"
    rf"(?P<head>[A-Za-z][a-z]*(?:{alternation(PEOPLE_PLURAL_ENDINGS)})))\s+(?:have\s+|had\s+|also\s+)?"
    rf"(?:{alternation(f for lemma in GROUP_SPEECH_LEMMAS for f in forms(lemma)[:4])})\b")
"""People named in the plural by what they are, as a sentence's subject that gives words: "Local traders warned that
...", "Parents complained" (a group no list holds; ``lexicon.PEOPLE_PLURAL_ENDINGS``)."""


_DOCUMENT_DONE = re.compile(
    rf"^\W*{_LEAD}?(?P<who>(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?i:{alternation(DOCUMENTS | {d + 's' for d in DOCUMENTS if not d.endswith('s')})}))\s+"
    rf"(?:published|released|issued|seen|obtained|commissioned|leaked|written|produced|compiled|prepared|sent|filed)\s+"
    rf"[^,;:“\"«]{{1,60}}?\s+(?:has\s+|had\s+|have\s+)?(?:{VERBS})\b")
"""A document with what was done with it before its verb of speech: "An engineering report published in February said
the bridge was safe", "A letter seen by the BBC says" (the document's words)."""


_ONE_SUBJECT = re.compile(
    rf"^\W*{_LEAD}?(?:[“\"][^“”\"]*[,?!][”\"]\s+)?(?P<who>[Tt]he\s+(?P<head>[a-z][a-z-]{{2,}}))\s+(?:also\s+)?"
    rf"(?:{alternation(f for f in CORE_SPEECH_FORMS if not f.endswith('s'))})\b")
"""One person named only by what they are with "the", opening the sentence or closing its quotation, who spoke in the
past tense: "The chef said", '"...," the youngster said' (a word no list holds; not "The name says it all")."""


def _one_subject(sentence: str) -> str | None:
    """The one person named by "the" and a lowercase word that opens ``sentence`` or closes its quotation and speaks
    ("The chef said"), else None."""
    m = _ONE_SUBJECT.match(sentence)
    return None if m is None or m.group("head") in STOPWORDS else m.group("who")


def _people_subject(sentence: str) -> str | None:
    """The plural group of people that opens ``sentence`` and speaks ("Local traders"), else None."""
    m = _PEOPLE_SUBJECT.match(sentence)
    if m is None:
        return None
    head = m.group("head").lower()
    if m.group("head")[:1].isupper() and m.start("head") > m.start("who"):
        return None  # "On Thursday Rangers said": a name, not people by what they are
    return None if head in NOT_PEOPLE_PLURALS or head.endswith("ments") else m.group("who")


_QUOTED_PATTERNS = ((_AFTER_QUOTE, ()), (_VERB_FIRST, ()), (_BEFORE_QUOTE, ()), (_ACCORDING, ("ccording",)))
_PLAIN_PATTERNS = ((_REPORTED, ()), (_REPORTED_END, (",",)), (_REPORTED_MID, (",", ";")), (_SAID_BY_END, (",", ";")),
                   (_CLOSED_BY, (",",)), (_TOLD_BY, ("told by",)), (_SUBJECT_SPEAKS, ()), (_ACCORDING, ("ccording",)),
                   (_WHO_SAID, (", who",)))
"""The patterns ``attribute`` tries, in order, for a sentence with a quotation and for one without, each with what
it cannot match without (a sentence without any of them is spared its search). Pairs, not a dict keyed by the
pattern: a compiled pattern's hash is worked out from all its compiled code at every look-up (16 to 96 µs for
these, a sixth of attributing a sentence)."""
_QUOTED_FALLBACKS = ((_REPORTED, ()), (_SUBJECT_SPEAKS, ()), (_TOLD_BY, ("told by",)), (_REPORTED_END, (",",)),
                     (_SAID_BY_END, (",", ";")), (_CLOSED_BY, (",",)), (_WHO_SAID, (", who",)))
"""For a sentence with a quotation whose speaker is not set beside it: the subject that speaks ("Putin told Wang that
he ... “my friend” ..."), or speaks though no verb of speech follows it, words told by an agent, or reported speech
closed by its speaker ('Turkey would be an "invaluable bridge" to the world, Mr Howard added.'), never a speaker
inside the quotation."""
_HINTS = ((_SUBJECT_SPEAKS, lambda sentence: _SUBJECT_SPEAKS_HINT.search(sentence) is not None),
          (_REPORTED_END, reported_end_hint), (_CLOSED_BY, closed_by_hint),
          (_WHO_SAID, lambda sentence: _WHO_SAID_HINT.search(sentence) is not None))
"""Patterns searched only in a sentence that holds what each match holds, found by a cheaper test."""


def _hinted(pattern: re.Pattern, sentence: str) -> bool:
    """False when ``pattern`` has a hint (``_HINTS``) that ``sentence`` lacks: the pattern cannot match."""
    for hinted, hint in _HINTS:
        if pattern is hinted:
            return hint(sentence)
    return True


def attribute(sentence: str, previous: Attribution | None, last_name: str | None | Callable[[], str | None], before: str = "",
              known: Callable[[], frozenset[str]] = frozenset,
              speaking: str | None | Callable[[], str | None] = None,
              subject: Subject | None | Callable[[], Subject | None] = None,
              article: str = "") -> Attribution:
    """The speaker of ``sentence``.

    ``previous`` is the attribution of the sentence before it in the same paragraph; ``last_name``
    the last person named before this sentence (or a function that finds it), used to resolve "he said" when ``before`` (the text
    before the sentence) names none of the ``known()`` people (surnames seen as speakers or with a
    title or role; a function, as only "he said" needs them); ``speaking`` the last speaker of the paragraph so far (or a
    function that finds it, as only "it said" and a bare quotation need it), whose words an opening
    quotation with no attribution of its own goes on with; ``subject`` the person the sentences just before are
    about (``_subject_before``: a name, whether it is surely a person's and the sentence it is the subject of, or
    a function that finds it), whom "he said" means when no speaker is in the sentence before and no one known to be
    a person is named since; a subject not surely a person's is still preferred to a person named after it in its
    own sentence ("But Hantuchova is upbeat ahead of her clash with Williams."). ``article`` (the whole text; ``before``
    when empty) is where the sex of a person "he" or "she" may stand for is read ("Ms Essex" after "She said").
    """
    quote = is_quote(sentence)
    who = desc = carried = None
    at, pronoun, sexed = len(sentence), "", article or before
    described_name = _NAME_AFTER_DESCRIPTION.match(sentence) if ", " in sentence else None
    if described_name is not None and _is_name(described_name.group("who")) \
            and not is_phrase(described_name.group("desc")[:-1]):  # ("The chief inspector of schools, David
        # Bell," is the phrase's, as before)
        who, desc, at = described_name.group("who"), described_name.group("desc"), described_name.start("who")
    for pattern, needs in () if who is not None else _QUOTED_PATTERNS if quote else _PLAIN_PATTERNS:
        if pattern is _BEFORE_QUOTE and not _SAYS_OPENING_REVERSED.search(sentence[::-1]):
            continue  # no verb of speech opening a quotation: the costliest search cannot match
        if needs and not any(c in sentence for c in needs):
            continue  # "according" and a clause after a comma, without them
        if not _hinted(pattern, sentence):
            continue
        m = pattern.search(sentence)
        if m and m.group("who") and m.start("who") < at and not _not_a_speaker(m):
            if who is None or m.group("who").lower() not in _PRONOUNS:
                who, desc, at = m.group("who"), m.groupdict().get("desc"), m.start("who")
                if pattern is _VERB_FIRST and (role := _ROLE_THEN_NAME.match(sentence, m.end("who"))) is not None \
                        and not is_phrase(who):
                    who, desc = role.group("name"), f"{who} {role.group('words')}"  # "said Florida state archivist Jody Norman"
            if who.lower() not in _PRONOUNS:
                break  # 'Pound said: "I am ... them. "But ...," he added': "he" is the one named before it
    if quote and (who is None or who.lower() in _PRONOUNS and any(c.isupper() for c in _QUOTED.sub("", sentence[:at]))):
        # (without a quotation, these were searched above; a pronoun with no name outside quotation marks before it
        # is left as it is: '"I am sure," he said.')
        for pattern, needs in _QUOTED_FALLBACKS:
            if needs and not any(c in sentence for c in needs):
                continue
            if not _hinted(pattern, sentence):
                continue
            m = pattern.search(sentence)
            if m and m.group("who") and not _quoted_at(sentence, m.start("who")) and not _not_a_speaker(m) \
                    and (who is None or m.start("who") < at and m.group("who").lower() not in _PRONOUNS):
                who, desc = m.group("who"), m.groupdict().get("desc")  # 'Leigh said ..., but he told the FT: "..."'
                break
    if who is not None and not quote and at < len(sentence) and sentence[:at].endswith(", ") and is_phrase(who) \
            and (named := _NAME_SET_BEFORE.search(sentence, 0, at)) is not None and _role_of(who, named, sentence):
        who, desc = named.group("name"), who + " "  # "..., Alan Milburn, Labour's election strategist told Radio 4"
    elif who is not None and is_phrase(who) and sentence.startswith(", ", at + len(who)) \
            and (named := _DESCRIBED_NAME.match(sentence, at + len(who))) is not None and _is_name(named.group("name")):
        who, desc = named.group("name"), f"{who} {named.group('words')}"  # "Its chairman, retired headmaster Peter Lowther, said"
    if who is None and ", saying" in sentence:
        m = _SAYING.search(sentence)
        who = m.group("who") if m else None
    if who is not None and (opened := _OPENED.match(who)) is not None:
        who = who[opened.end():]  # "But Ferguson said:", "As Paul Flynn said:": a word opening the sentence, no name's
    if who is not None and not is_phrase(who) and (person := _OWNED_PERSON.fullmatch(who.rstrip(" ,.;:"))) is not None:
        who, desc = person.group("name"), person.group("whose") + " "  # "said MSN's Blake Irving": Blake Irving, MSN's
    if who is not None and not is_phrase(who) and _OWNED.search(who):
        who = None  # "Brown's Britain, by Robert Peston, says": a thing of Brown's, not Brown
    if who is not None:
        who = who.strip(" ,.;:") if is_phrase(who) else _clean(_THE.sub("", who))  # "Mr Blair's spokesman" is not Blair
        split = None if "," in who or _TITLED_START.match(who) else _SPLIT_ROLE.match(who)
        if split and not desc:  # "Albanian Prime Minister Fatos Nano": Fatos Nano, so described
            who, desc = split.group("name"), split.group("desc") + " "
        elif not desc and who[:1].isupper() and who.lower() not in _PRONOUNS and not is_phrase(who):
            desc = _role_before(sentence, who)  # "Responding to the claims Tory Party co-chairman Liam Fox said:"
        clause = _CLAUSE_SUBJECT.search(sentence, 0, at) if who.lower() in ("he", "she") and at < len(sentence) else None
        if clause is not None and not _quoted_at(sentence, clause.start()) and clause.group("name").split()[0] not in _NOT_NAMES:
            who = _clean(clause.group("name"))  # "But when Lomu was asked whether ..., he replied": Lomu
        elif who.lower() in ("he", "she"):
            pronoun = who.lower()
            if previous and previous.speaker and _agrees(previous.speaker, pronoun, sexed):
                who, carried = previous.speaker, previous.phrase  # "he said" is the last speaker, as described
            else:  # (not one addressed as the other sex: '"...," Mr Hale said. "...," she said' is someone else)
                found = subject() if callable(subject) else subject
                person, sure, where, spoke = found[:4] if found and not _has_word(surname_of(found[0]), sentence) \
                    and _agrees(found[0], pronoun, sexed) and found.sex in (None, pronoun) else (None, False, "", False)
                other = _person_before(before, sentence, known(), pronoun, sexed)
                since = before[before.rfind(where) + len(where):] if person and other else ""
                if person and other and not (spoke and _merely_named(surname_of(other), since)) \
                        and (_has_word(surname_of(other), since) or not sure and (
                            not _has_word(surname_of(other), where)
                            or _in_passing(surname_of(person), surname_of(other), sexed))):
                    person = None  # a person named since, or a name not surely a person's named before the subject
                    # (not one only mentioned since a speaker: "Sue Essex said ... announced by Chancellor Gordon Brown."),
                    # or a word written once before the article's person ("With prices set to drop ... Mr Danton advises")
                last = last_name() if callable(last_name) else last_name
                who = person or other or (last if _agrees(last, pronoun, sexed) else None)
            if who and _has_word(surname_of(who), sentence):
                who = None  # "he told Blair": the pronoun is someone other than the one named
        elif who.lower() in ("it", "they") or _backward_body(who) and not (
                speaker_phrase(who).head in STATEMENTS and _same_role(who, previous, speaking) is not None) \
                or _BODYS_DOCUMENT.fullmatch(who):
            # "It said", "they added", "the company said", "said the statement" (a statement that goes on with "An
            # IAAF statement said" is the IAAF's, below); "Its statement said", "Their report said": the body's words
            owned = _BODYS_DOCUMENT.fullmatch(who) is not None
            pronoun = who.lower() if who.lower() in ("it", "they") else "it"
            body = previous.speaker if previous and previous.speaker else None
            if body is None and pronoun == "it" and before.rstrip().endswith("."):  # a body the sentence before is about
                body = _body_before(before[_last_sentence(before):], pronoun, known)
            if body is None:
                body = speaking() if callable(speaking) else speaking
            if not (body and _speaks_as(body, pronoun, known)) and pronoun == "it":
                body = _body_before(before, pronoun, known)  # 'the TUC has said.' ... 'It said data ...'
            if body and _speaks_as(body, pronoun, known) and (who.lower() in ("it", "they") or owned
                                                              or speaker_phrase(body).names):
                carried = (previous.phrase if previous and previous.speaker == body else None) \
                    if who.lower() in ("it", "they") or owned else f"{who}, {body}"  # "the company, Microsoft": both match
                who = body
            elif who.lower() in ("it", "they"):
                who = None
        elif not (_is_name(who) or is_phrase(who)):
            who = None
        elif _THE.match(who) and (last := _same_role(who, previous, speaking)) is not None:
            who, carried = last  # '"He's got back pain," the spokesman said' after 'A Bayern spokesman said ...'
    if who is not None and quote and not (carried and carried.endswith(f", {who}")) and not (
            _a_body(who) and at < len(sentence) and not _quoted_at(sentence, at)):
        # a body names itself: "EMI's sales", '"... the FBI does not engage in ...," the FBI said'
        surname = surname_of(who)
        if _has_word(surname, quoted_words(sentence)):
            who = None  # people seldom name themselves: the quotation speaks about them
    if who is None and (group := _people_subject(sentence)) is not None and not _quoted_at(sentence, 0):
        who = group  # "Local traders warned that ...": no list holds "traders"
    if who is None and (one := _one_subject(sentence)) is not None:
        who, desc = one, None  # "The chef said": no list holds "chef"
    if who is None and (done := _DOCUMENT_DONE.match(sentence)) is not None:
        who = done.group("who")  # "An engineering report published in February said ..."
    continued = False
    if who is None and quote and sentence.lstrip()[:1] in "“\"«":  # (a "he said" of no one found: not a woman's)
        if previous is not None and previous.quote and previous.speaker:
            if _agrees(previous.speaker, pronoun, sexed):
                who, continued, carried = previous.speaker, True, previous.phrase
        elif (last := speaking() if callable(speaking) else speaking) and _agrees(last, pronoun, sexed):
            who, continued = last, True  # '"I think we have reached saturation point"' after 'Mr Dein said that ...'
    head = described = None
    if who is not None:
        if desc and not continued and who in sentence and desc.strip().lower() not in ("the", "former"):
            described = f"{desc.strip()} {who}"  # "The fisheries officer" + "Erik Lindqvist"
        phrase = speaker_phrase(described or who)
        head = phrase.surname or phrase.head
    return Attribution(speaker=who, quote=quote, continued=continued, head=head, phrase=described or carried)


_CLAUSE_SUBJECT = re.compile(r"\b(?:[Ww]hen|[Aa]fter|[Aa]s|[Ww]hile|[Oo]nce|[Bb]efore)\s+(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?"
                             r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})\s+(?:was|were|is|had|has|[a-z]+ed)\b[^.;:“\"]*?,?\s*$")
"""A name that is the subject of the clause before "he said" in the same sentence: "But when Lomu was asked whether he
was taking a risk he replied" (the pronoun is the clause's subject)."""
_OPENED = re.compile(r"(?:But|And|However|Yet|Still|Meanwhile|Later|Earlier|Now|Instead|As|So|Then|Also|Indeed|Yesterday|"
                     r"Today|Separately)[ \t]+(?=[A-Z])")
"""A word that opens a sentence before its speaker's name ("But Ferguson said:"), which the name patterns take in."""
_OWNED_PERSON = re.compile(r"(?P<whose>(?:[A-Z][\w&.-]*[ \t]+){0,2}[A-Z0-9][\w&.-]*['’]s)[ \t]+(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2})")
"""A person named after a body's possessive: "MSN's Blake Irving", "BT's Andrew Burke" (two or three words: "Brown's
Britain" is a thing of Brown's)."""
_PREPOSITION = rf"(?:{alternation(PREPOSITIONS)})\s(?!\d)"
_NOT_A_SPEAKER = re.compile(rf"[a-z]+(?:ed|ing)\s+{_PREPOSITION}|being\s|{_PREPOSITION}[^A-Z]*$")
"""A speaker's phrase that is the place or the deed of someone else, not a speaker: a verb and a preposition
("appeared in court", "being serialised"), or a preposition and no name ("remain defendants in the lawsuit, said the
newspaper", "To be protected from terror the government says"; not a number, "about 200 fans said"; a name after it
is kept: "But on Wednesday Prime Minister Yulia Tymoshenko said")."""
_DONE_TO = re.compile(r"[a-z]+(?:ed|ing)\s+$")
"""Words before a preposition opening a speaker's phrase that make it what was done ("contained in a 1998 Department of
Transport Document", "being serialised in the Guardian newspaper")."""


def _not_a_speaker(m: re.Match) -> bool:
    """Whether a speaker pattern's match names no speaker (``_NOT_A_SPEAKER``, or a preposition after a verb
    ``_DONE_TO`` takes as the match's description, and no person's name: "under questioning by papal legate Cardinal
    Cajetan Luther stated" is Luther's)."""
    who = m.group("who")
    return _NOT_A_SPEAKER.match(who) is not None or re.match(_PREPOSITION, who) is not None \
        and _DONE_TO.search(m.groupdict().get("desc") or "") is not None and not speaker_phrase(who).names


_BODYS_DOCUMENT = re.compile(rf"(?:[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{alternation(DOCUMENTS)})s?")
"""A document of a body named before, by its possessive pronoun: "Its statement", "Their latest report" (the body's
words, as "It said" is)."""
_NAME_SET_BEFORE = re.compile(r"(?:^|(?<=,\s)|(?<=\s))(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,3}),\s+$")
"""A full name set off right before a role that speaks: "Alan Milburn, " in "..., Alan Milburn, Labour's election
strategist told ..."."""
_ROLE_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))(?P<desc>(?:[A-Z][\w’'&.-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}"
                          r"(?P<role>[a-z][\w-]*)\s+)$")
"""Words right before a name that say what the person is: "Tory Party co-chairman ", "Conservative local government
spokesman "."""


def _a_body(who: str) -> bool:
    """Whether ``who`` is a body's name, which a body's own words may well hold: initials ("FBI", "the BBC") or a name
    headed by a group word ("the Brookings Institution")."""
    phrase = speaker_phrase(who)
    return phrase.acronym or phrase.head in GROUPS and not phrase.names or _THE.match(who) is not None and who.split()[-1].isupper()


def _role_of(role: str, named: re.Match, sentence: str) -> bool:
    """Whether ``role`` (a phrase without a name, the speaker a pattern found) is what the full name ``named``, set off
    right before it, is: a person's role ("managing director of ISP Freedom2surf", a role word, not a group or a
    document nor a plural), after a name that opens the sentence ("Chris Panayis, managing director ... said"), or
    anywhere when the role has no determiner ("..., Alan Milburn, Labour's election strategist told"): "Speaking to
    the Radio Times, the Two Ronnies star said" and "the Public Order Act, police said" are not so."""
    phrase = speaker_phrase(role)
    if phrase.names or phrase.head not in ROLES or named.group("name").split()[0] in _NOT_NAMES \
            or _PLURAL_ROLE.search(re.split(r"\s+(?:of|for|at|in|from|on|with)\s+", role, maxsplit=1)[0]):
        return False
    opens = re.fullmatch(rf"\W*{_LEAD}?", sentence[:named.start()]) is not None
    return opens or not re.match(r"(?i)(?:the|an?)\s", role)


_PLURAL_ROLE = re.compile(r"(?i)\b[a-z]+(?:ies|[^s’'\s]s)\s*$")


def _role_before(sentence: str, who: str) -> str | None:
    """What the words right before ``who``'s first place in ``sentence`` call them, when the last of them is a role
    word (``lexicon.ROLES``, or one after a hyphen: "co-chairman"): "Tory Party co-chairman" before "Liam Fox";
    else None."""
    at = sentence.find(who)
    m = _ROLE_BEFORE.search(sentence, 0, at) if at > 0 else None
    if m is None or m.group("role").rpartition("-")[2] not in ROLES:
        return None
    words = m.group("desc").split()
    while words and (words[0] in _NOT_NAMES or words[0].lower() in STOPWORDS or words[0].endswith("ed")):
        words = words[1:]  # "But Tory co-chairman", "He met chairman": the sentence's own words are no role
    return " ".join(words) + " " if words and words[-1] == m.group("role") and \
        not any(w.lower() in STOPWORDS or w.endswith("ed") for w in words[1:]) else None


def _one_person(speaker: str) -> bool:
    """Whether ``speaker`` is one person a later "he said" may go on with: a name, or one named by a role ("A police
    spokesman", "The minister"; not a group, a body or a document: "The company", "officials")."""
    phrase = speaker_phrase(speaker)
    return bool(phrase.names) or speaker.split()[-1].lower() in SPOKESPEOPLE \
        or phrase.head in ROLES and phrase.head not in GROUPS | DOCUMENTS | STATEMENTS


def attribute_paragraph(text: str, spans: list[tuple[int, int]],
                        people_known: Callable[[], frozenset[str]] | None = None,
                        people: People | None = None,
                        opening: Callable[[], Attribution | None] | None = None) -> list[Attribution]:
    """The speaker of each sentence (``spans`` into ``text``) of one paragraph, in order.

    "he said" is resolved with the previous sentence's speaker, else the last person named before
    the sentence who is known to be a person, else the last name before it (the 2,000 characters
    before the paragraph included). ``people_known`` (a function giving ``known_people`` of the whole
    text, called only when a "he" needs it, for a caller that attributes many paragraphs of one article)
    saves finding them around each paragraph; ``people`` (the ``People`` of ``text``, kept by a caller that
    attributes many passages of one article) finds them once for the whole text and gives those of the
    2,000 characters before the paragraph and the paragraph, as without it. ``opening`` (for ``spans`` that start a
    paragraph) gives who speaks in the last sentence of the paragraph before: a paragraph that opens with a bare
    quotation goes on with their words ('"..." Mr Dein said.' then a paragraph '"Listing would be one option ..."'),
    unless the quotation names them.
    """
    if not spans:
        return []
    text = straightened(text)  # ''We gave Gordon a chance,'' said ...: read as a quotation mark, at the same offsets
    previous: Attribution | None = None
    window = max(0, spans[0][0] - SPEAKER_CONTEXT)
    found: list[frozenset[str]] = []
    names: dict[int, str | None] = {}

    def last_before(i: int) -> str | None:
        """The last name before sentence ``i`` (looked for only when a "he said" needs it)."""
        for j in range(i - 1, -2, -1):
            if j not in names:
                names[j] = last_name_in(text[window:spans[0][0]] if j < 0 else text[spans[j][0]:spans[j][1]])
            if names[j]:
                return names[j]
        return None

    def known() -> frozenset[str]:
        if not found:
            if people is not None:
                found.append(people.known(window, spans[-1][1]))
            else:
                found.append(people_known() if people_known else known_people(text[window:spans[-1][1]]))
        return found[0]

    speaking: str | None = None
    since: list[str] = []  # the sentences without a speaker since ``speaking`` spoke, not yet looked at

    def still_speaking() -> str | None:
        """``speaking``, unless someone else came in since they spoke: a later bare quotation is not surely the
        speaker's (looked at only when a sentence needs the speaker, so ``known`` is seldom found for it)."""
        nonlocal speaking
        if speaking and since:
            if any(n != surname_of(speaking) and n in known() for sentence in since for n in _surnames(sentence)):
                speaking = None
            since.clear()
        return speaking

    def subject(i: int) -> Subject | None:
        """The person the sentences before sentence ``i`` are about (``_subject_before``): a person who spoke in one
        is surely theirs (looked for only when a "he said" needs it)."""
        for j in range(i - 1, max(-1, i - 5), -1):
            said = out[j].speaker
            if said and _one_person(said) and not said.isupper() \
                    and (said.split()[-1].lower() in SPOKESPEOPLE or not _speaks_as(said, "they", known)):
                return Subject(said, True, text[spans[j][0]:spans[j][1]], spoke=True)
            found = _subject_of(text[spans[j][0]:spans[j][1]], known(), story(), text)
            if found:
                return found
        if i >= 4:
            return None
        lo = max(window, spans[0][0] - _SUBJECT_REACH)
        lead = _SENTENCE_BREAK.split(text[lo:spans[0][0]].strip())
        return _subject_before(lead[1 if lo > 0 else 0:][-(4 - i):], known(), story(), text)  # not a sentence cut at its start

    def story() -> str | None:
        """The one person the headline names, whom a subject named only by what they are stands for ("the Swiss
        star is in a different league")."""
        return people.story() if people is not None else None

    out = []
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        if not is_quote(sentence) and not speech_hint(sentence) \
                and not (" as " in sentence and _CHARACTERISING.search(sentence)):  # the cheaper tests first
            previous = _NO_ONE  # no verb of speech, no quotation: no pattern below can find a speaker
        else:
            previous = attribute(sentence, previous, lambda i=i: last_before(i), text[window:s], known, still_speaking,
                                 lambda i=i: subject(i), text)
        if i == 0 and opening is not None and previous.speaker is None and previous.quote \
                and sentence.lstrip()[:1] in "“\"«":
            closing = opening()  # the paragraph before ends with someone speaking: a bare quotation goes on with them
            if closing is not None and not _has_word(surname_of(closing.speaker), quoted_words(sentence)):
                previous = Attribution(speaker=closing.speaker, quote=True, continued=True, head=closing.head,
                                       phrase=closing.phrase)
        if previous.speaker and previous.phrase is None and _is_epithet(previous.speaker, sentence, people or People(text)):
            about = subject(i)  # "the Dutchman said", "The legal assistant said": the person the paragraph is about,
            # when surely a person (not "Fox" for "The director said" after "Fox has bought the rights")
            work = _OF.search(previous.speaker) is not None  # "The star of Rain Man and Tootsie": a person, surely
            if about and (about[1] or work and len(about[0].split()) > 1) and about[0] != previous.speaker \
                    and not _has_word(surname_of(about[0]), sentence) and speaker_phrase(about[0]).names:
                # (not one named only by a role: "The MEP said" after "The Veritas leader said")
                person = about[0]
                previous = replace(previous, speaker=person, phrase=f"{previous.speaker}, {person}",
                                   head=normal(surname_of(person)))
        out.append(previous)
        if previous.speaker:
            speaking = previous.speaker
            since.clear()
        elif speaking:
            since.append(sentence)
    return out
