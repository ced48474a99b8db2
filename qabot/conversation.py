"""Follow-up questions: what a line means given the conversation so far.

After "what did Wang say about Ukraine": "and Putin?" asks what Putin said about Ukraine (Putin is
seen speaking in the articles); "what about trade?" keeps the speaker and changes the topic; "more"
asks for the next answers to the same question; "what else did he say?" asks what Wang said, leaving
out what was already shown; a complete question starts afresh. "he"/"she" stand for the last person
the conversation was about (the one asked about, else the speaker of the last answer), "they" for the
last group; a pronoun with no one before it is asked back. Pure functions over a small state,
shared by the terminal chat and the line mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from .analysis import POSSESSIVE_S, STOPWORDS, Analyzer
from .answering.parse import SPEECH_VERBS, about_article, parse
from .lexicon import ASKING_HELP, DOCUMENTS, GROUPS, LEAVING, ROLES, TITLES
from .speakers import attribute, speaker_phrase

Speaks = Callable[[str], bool]
"""Tells whether a word (as typed) names someone the articles show speaking."""
Pronoun = Callable[[str], "str | None"]
"""What the articles call a person: "he", "she", or None when they do not tell."""
MAX_PEOPLE = 4
"""How many people back a pronoun may reach."""


@dataclass(frozen=True)
class Context:
    """What the conversation remembers between lines."""

    question: str | None = None
    """The last question as understood (after any rewriting); None before the first."""
    speaker: str | None = None
    """The speaker of the last speech question, as written ("Wang")."""
    topic: str | None = None
    """What the last speech question asked about, as written ("Ukraine"); "" for none."""
    person: str | None = None
    """The last person the conversation was about, for "he" and "she"."""
    people: tuple[str, ...] = ()
    """The people the conversation was about, most recent first (``person`` leads), for a "she" that
    cannot be the last one, who is "he"."""
    called: tuple[tuple[str, str], ...] = ()
    """(person, "he" or "she"): what the user called each person a pronoun was resolved to."""
    group: str | None = None
    """The last group or body the conversation was about ("U.S. officials"), for "they"."""
    shown: int = 0
    """How many answers to ``question`` were shown so far."""
    exclude_seen: bool = False
    """The last question asked for answers not shown before ("what else")."""
    said_by: str | None = None
    """Whose words the last answer's first sentence gives (its speaker, or the one it attributes them to), for
    "who said that?"; None when it gives no one's."""
    answered: bool = False
    """The last question (or "more") got answers shown: "who said that?" after a refusal has nothing to point to."""
    author: str | None = None
    """The byline the last answer gave ("who wrote it?": "Maria Okafor"), for "what else did she write?"."""
    together: str | None = None
    """The two people a "who" question and its first answer were about ("who met Putin?": "Putin and Wang Yi"),
    for a "they" when the conversation has no group ("where did they meet?")."""


@dataclass(frozen=True)
class Turn:
    """One line as understood."""

    question: str | None
    """The question to answer; None when the line cannot be understood in this context."""
    rewritten: bool
    """True when ``question`` was rewritten from the context (show it to the user)."""
    skip: int = 0
    """Answers to pass over: those already shown, for "more"."""
    more: bool = False
    """The line asked for more answers to the last question."""
    exclude_seen: bool = False
    """Leave out evidence already shown in this conversation ("what else ...")."""
    note: str | None = None
    """Why ``question`` is None."""
    called: tuple[tuple[str, str], ...] = ()
    """(person, "he" or "she") for each pronoun of the line resolved to a person."""
    reply: str | None = None
    """The conversation's own answer to the line ("who said that?": whose words the last answer gave), when
    ``question`` is None and nothing needs to be searched."""


_MORE = re.compile(
    r"(?i)^\s*(?:and\s+)?(?:more|next|go\s+on|continue|keep\s+going|show\s+more|more\s+please|tell\s+me\s+more|"
    r"more\s+answers|(?:what|anything)\s+else)\s*[.!?]*\s*$"
)
_FOLLOW = re.compile(
    r"(?i)^\s*(?:(?:and|but|also)\s+)?(?:(?:what|how)\s+about|and|but|what\s+of|same\s+for)\s+"
    r"(?P<about>(?:about|on|regarding|concerning)\s+)?(?P<x>.+?)\s*[?.!]*\s*$"
)
_WHO_SAID = re.compile(r"(?i)^\s*(?:and\s+)?(?:who\s+(?:said|says|spoke|is\s+speaking|was\s+speaking|"
                       r"is\s+quoted|was\s+quoted)|whose\s+(?:words|quote|quotation)\s+(?:is|are|was|were))"
                       r"\s*(?:that|this|it|those|these|them|so)?\s*[?.!]*\s*$")
"""A question about the last answer itself: whose words it gave ("who said that?", "whose words are those?"; "who
wrote it?" asks for the article's author)."""
_WHAT_ABOUT = re.compile(r"(?i)^\s*(?:(?:and|but|also)\s+)?(?:what|how)\s+(?:about|of)\b")
"""A follow-up asking about something ("what about the team?"), where "and the union?" asks for another speaker."""
_ELSE_WROTE = re.compile(r"(?i)^\s*(?:and\s+)?what\s+(?:else|other\s+(?:articles|stories))\s+(?:did|has|have|does)\s+"
                         r"(?P<who>.+?)\s+(?:write|written)\s*[?.!]*\s*$")
"""After a byline: "what else did she write?", "what other stories has Ana Ruiz written?"."""


def _names_author(who: str, author: str) -> bool:
    """True when ``who`` ("she", "Okafor", "Maria Okafor") stands for the byline ``author``."""
    words = who.lower().split()
    return words in (["he"], ["she"], ["they"]) or bool(words) and set(words) <= set(author.lower().split())


_BARE_WH = re.compile(r"(?i)^\s*(?:and\s+|but\s+|so\s+)?(where|when|why|how|who)\s*[?.!]*\s*$")
"""A question word alone ("where?", "and when?"): the last question asked again with it."""
_WH_AUX = re.compile(
    r"(?i)^\s*(?:what|who|whom|when|where|why|which|how(?:\s+(?:much|many|long|often|far|old|big))?)\s+"
    r"(?:(?P<noun>(?:(?!(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b)[\w’'-]+\s+){1,3}?))?"
    r"(?P<aux>is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\s+(?P<rest>.+?)\s*[?.!]*\s*$")
"""A question's question word (with what it counts: "how many people"), its auxiliary and the rest."""


_SAID_WHAT = re.compile(rf"(?i)\b(?P<verb>{SPEECH_VERBS})(?=\s*$|\s+(?:about|on|of|regarding|concerning|over)\b)")
"""A verb of speech whose object, the words, was what "what" asked for."""


def _asked_instead(wh: str, question: str) -> str | None:
    """``question`` asked with ``wh`` instead of its own question word: "where?" after "how many people were
    evacuated" asks "where were people evacuated", after "how many jobs will Marlow Foods cut" "where will Marlow
    Foods cut jobs"; after "what did Reyes claim", "when?" asks "when did Reyes claim"."""
    m = _WH_AUX.match(question)
    if m is None:
        return None  # "who wrote it?": no auxiliary to ask it again with ("why who wrote it" is no question)
    noun, rest = (m.group("noun") or "").strip(), m.group("rest")
    if not noun and question.lstrip().lower().startswith("what"):  # "what did Prichard say (about the stage)":
        rest = _SAID_WHAT.sub(r"\g<verb> that", rest, count=1)  # "when did Prichard say that (about the stage)"
    if len(rest.split()) > 1:  # "how many jobs will Marlow Foods cut": the counted thing is the object
        return " ".join(w for w in (wh, m.group("aux"), rest, noun) if w)
    aux = m.group("aux").lower()
    if noun and aux in _HAVE_DO and re.search(r"[^s]s$", rest.lower()):  # "how many people had tickets": "had" the
        return f"{wh} {_HAVE_DO[aux]} {noun} have {rest}"  # verb, its object a plural ("how many have left": no)
    return " ".join(w for w in (wh, m.group("aux"), noun, rest) if w)  # "how many people were evacuated"


_HAVE_DO = {"had": "did", "has": "does", "have": "do"}
""""Had" as the verb, not an auxiliary ("how many people had tickets"), asked again with "did" ("where did people have
tickets")."""


_ELSE = re.compile(r"(?i)^(\s*(?:and\s+)?(?:what|who|where|when|how|which))\s+else\b")
_PRONOUN = re.compile(r"(?i)\b(he|she|him|her|his|hers)\b")
_THEY = re.compile(r"(?i)\b(they|them|their)\b")
_QUESTION_START = re.compile(
    r"(?i)^(?:what|who|whom|whose|when|where|why|how|which|is|are|was|were|did|does|do|has|have|had|can|could|"
    r"will|would|should|tell|show|list|give)\b"
)
_SPEECH_TAIL = re.compile(
    rf"(?i)^\s*(?:{SPEECH_VERBS})\b(?:\s+(?:about|on|of|regarding|concerning|over|to|that|in)\b)?\s*(?P<topic>.*?)\s*[?.!]*\s*$"
)
_PREFIX = re.compile(
    r"(?i)^\s*(?:what|who|when|where|why|which|how(?:\s+(?:much|many))?)\s+"
    r"(?:is|are|was|were|did|does|do|has|have|had)?\s*(?:the\s+|a\s+|an\s+)?"
)
_DOES = re.compile(r"(?i)\b(?:did|does|do|has|have|had)\b")
"""An auxiliary before the subject: the question goes on after it ("how much did the bridge cost")."""
_SUBJECT = re.compile(r"(?P<subject>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|[\w’'-]+)(?P<rest>\s+.*)?$", re.S)
"""After the auxiliary: the subject (a capitalised name of any length, else one word) and the rest of the question."""
_DETERMINER = re.compile(r"(?i)(?:the|a|an|this|that|these|those|his|her|their|its)\s")
MAX_FOLLOW_WORDS = 4
"""A follow-up's subject ("Putin", "trade deals") is short; a longer line is a question of its own."""


def bare_command(line: str) -> str | None:
    """ "help" or "leave" when the whole ``line`` asks for help ("help", "?", "help me", "what can I ask?") or to
    leave ("exit", "quit", "bye"), else None: such a line is a command, never a question about the articles."""
    bare = " ".join(line.lower().split())
    if bare != "?":
        bare = bare.rstrip(".!?")
    if bare in ASKING_HELP:
        return "help"
    if bare in LEAVING:
        return "leave"
    return None


def speech_question(speaker: str, topic: str | None) -> str:
    """``what did SPEAKER say`` with ``about TOPIC`` when there is a topic."""
    return f"what did {speaker} say about {topic}" if topic else f"what did {speaker} say"


def understand(line: str, context: Context, speaks: Speaks, pronoun: Pronoun | None = None) -> Turn:
    """What ``line`` asks, given ``context``; ``pronoun`` tells who the articles call "he" or "she"."""
    text = line.strip()
    if _MORE.match(text):
        if context.question is None:
            return Turn(question=None, rewritten=False, note="there is no question yet to show more answers to")
        return Turn(question=context.question, rewritten=True, skip=0 if context.exclude_seen else context.shown,
                    more=True, exclude_seen=context.exclude_seen)
    if _WHO_SAID.match(text):
        if context.question is None:
            return Turn(question=None, rewritten=False, note="there is no answer yet to tell whose words it gave")
        if not context.answered and context.said_by is None:
            return Turn(question=None, rewritten=False, note="the last question got no answer, so there are no words "
                                                            "to say whose they are")
        if context.said_by is None:
            return Turn(question=None, rewritten=False,
                        note="the last answer's first sentence gives no one's words; ask \"who said ...\" with its words")
        if not context.answered:  # "more" found nothing more: the answers before it are the last shown
            return Turn(question=None, rewritten=False,
                        reply=f"{context.said_by}: the last answers shown give their words")
        return Turn(question=None, rewritten=False, reply=f"{context.said_by}: the first answer above gives their words")
    wrote = _ELSE_WROTE.match(text)
    if wrote and context.author and _names_author(wrote.group("who"), context.author):
        return Turn(question=f"what articles did {context.author} write", rewritten=True)
    bare = _BARE_WH.match(text)
    if bare and context.question is not None:
        instead = _asked_instead(bare.group(1).lower(), context.question)
        if instead is None:
            return Turn(question=None, rewritten=False,
                        note=f"'{bare.group(1).lower()}?' of what? Ask it in full (the last question was '{context.question}')")
        return Turn(question=instead, rewritten=True)
    exclude = False
    m = _ELSE.match(text)
    if m and context.question is not None:
        text = m.group(1) + text[m.end():]
        exclude = True
    follow = _FOLLOW.match(text)
    if follow and context.question is not None and _is_follow_subject(follow.group("x")):
        question = _follow_up(follow.group("x"), bool(follow.group("about")), context, speaks,
                              roles=not _WHAT_ABOUT.match(text))
        return Turn(question=question, rewritten=True, exclude_seen=exclude)
    unknown = _unresolved_pronoun(text, context, pronoun)
    if unknown:
        return Turn(question=None, rewritten=False, note=f"who do you mean by '{unknown}'?")
    resolved = _resolve_pronouns(text, context, pronoun)
    called = tuple((who, _wanted(m.group(1))) for m in _PRONOUN.finditer(text) if not _speakers_own(text, m, pronoun)
                   and (who := _referent(m.group(1), context, pronoun)) is not None) if context.person else ()
    return Turn(question=resolved, rewritten=resolved != line.strip(), exclude_seen=exclude, called=called)


def after(turn: Turn, context: Context, speaks: Speaks, analyzer: Analyzer, shown: int,
          subject: str | None = None, pronoun: Pronoun | None = None, author: str | None = None,
          first: str | None = None) -> Context:
    """The context once ``turn`` was answered with ``shown`` more answers; ``subject`` is the speaker of the
    first answer, if any (who "he" is when the question named no one); ``pronoun`` tells who the articles call
    "he" or "she" (a person the question names who never speaks: "what did Pritchard score"); ``author`` is the
    byline the first answer gave, if it gave one; ``first`` is the first answer's text."""
    if turn.question is None:
        return context
    if turn.called:  # the user called them so: "she" is not then "he"
        context = replace(context, called=tuple(dict(context.called + turn.called).items()))
    if turn.more:
        return replace(context, shown=context.shown + shown, said_by=subject or context.said_by, answered=shown > 0,
                       author=author or context.author)
    q = parse(turn.question, analyzer)
    if q.kind == "say" and q.speaker:
        topic = topic_as_written(turn.question, q.speaker)
        about = _about(q.speaker, context, group=_group_of(subject, q.speaker))
        return Context(question=turn.question, speaker=q.speaker, topic=topic, shown=shown,
                       exclude_seen=turn.exclude_seen, called=context.called, said_by=subject, answered=shown > 0,
                       author=author, **about)
    named = _last_person(turn.question, speaks) or _asked_about(turn.question) \
        or _named_person(turn.question, pronoun) or subject
    about = _about(named, context) if named else {"person": context.person, "people": context.people,
                                                  "group": context.group}
    together = _together(turn.question, named, first, speaks, pronoun) if first and shown else None
    if together is None and context.together and (named is None or named in context.together.split()):
        together = context.together  # "where did Putin and Wang Yi meet?" goes on about the two
    return Context(question=turn.question, speaker=None, topic=None, shown=shown,
                   exclude_seen=turn.exclude_seen, called=context.called, said_by=subject, answered=shown > 0,
                   author=author, together=together, **about)


_WHO_ASKED = re.compile(r"(?i)^\s*(?:and\s+|so\s+)?who(?:m)?\s+(?!(?:is|was|are|were|’s|'s)\b)\w")
"""A "who" question of something done with someone ("who met Putin?", "who did Putin meet?"), not who someone is."""
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_FIRST_SENTENCE = re.compile(r"(?s)^.*?[.!?][”\"’']?(?=\s|$)")


def _together(question: str, named: str | None, first: str, speaks: Speaks, pronoun: Pronoun | None) -> str | None:
    """ "X and Y" when ``question`` asks who did something with X ("who met Putin?") and the first sentence of the
    answer ``first`` names X and another person the articles show speaking, the first so named ("... Putin of
    Russia met with Wang Yi, ..."; "China" only when it names no one else): what "they" means next. X is the one
    asked about, else the question's last name that the sentence holds. None for any other question, or when the
    answer names no one else."""
    if not _WHO_ASKED.match(question):
        return None
    sentence = _FIRST_SENTENCE.match(first)
    sentence_text = sentence.group(0) if sentence else first
    if named is None:  # one the articles never show speaking ("who met Patrushev?"): the question's last name
        written = [POSSESSIVE_S.sub("", m.group()) for m in re.finditer(r"(?<![\w’'])[A-Z][\w’'-]*", question)
                   if question[:m.start()].strip()]  # not the word that opens the question
        named = next((w for w in reversed(written) if w.lower() not in TITLES and re.search(
            rf"\b{re.escape(w)}\b", sentence_text)), None)
        if named is None:
            return None
    sure, others = [], []
    for run in _CAPITALISED_RUN.findall(sentence_text):
        words = [w for w in run.split() if w.lower().strip(".") not in TITLES]
        bare = [POSSESSIVE_S.sub("", w) for w in words]
        if not bare or named in bare or not any(speaks(w) for w in bare):
            continue
        person = " ".join(bare)
        # a full name, or one word the articles call "he" or "she", is a person ("Wang Yi", not "China"); another
        # one word they show speaking ("Duarte", whom no pronoun follows) only when the sentence names no such one
        if len(bare) > 1 or pronoun is None or any(pronoun(w) for w in bare):
            sure.append(person)
        others.append(person)
    found = sure or others
    return f"{named} and {found[0]}" if found else None


def _group_of(subject: str | None, who: str) -> bool:
    """True when the answer's speaker ``subject`` is a body that ``who`` names ("The union Unite" for "Unite"):
    "they" stands for it then, though its name alone does not say it is a body."""
    if not subject:
        return False
    phrase = speaker_phrase(subject)
    return phrase.head in GROUPS and bool(phrase.names) and who.lower().removeprefix("the ") in subject.lower()


def _about(who: str, context: Context, group: bool = False) -> dict:
    """``person``, ``people`` and ``group`` once the conversation is about ``who``: a group ("U.S. officials",
    "police") becomes "they", a document ("the statement", "the lawsuit") neither "he" nor "they", anyone else
    "he" or "she"."""
    phrase = speaker_phrase(who)
    if not phrase.names and phrase.head in DOCUMENTS:
        return {"person": context.person, "people": context.people, "group": context.group}
    if group or is_group(who):
        return {"person": context.person, "people": context.people, "group": who}
    people = (who,) + tuple(p for p in context.people if p != who)
    return {"person": who, "people": people[:MAX_PEOPLE], "group": context.group}


_THE_NAMED = re.compile(r"(?i:the)\s+[A-Z]")
"""A name with "the" before it ("the Lib Dems", "the Treasury"): a body or a group; a person's name takes
no article ("the mayor" is a role, lower-case)."""


def is_group(who: str) -> bool:
    """True for a speaker that is a group or a body ("U.S. officials", "the ministry", "the Lib Dems"), not
    one person; a role in the plural is a group too ("the campaigners", "local traders")."""
    phrase = speaker_phrase(who)
    if phrase.names:
        return bool(_THE_NAMED.match(who.strip())) and phrase.head is None
    return phrase.head in GROUPS or _plural(who)


def _plural(phrase: str) -> bool:
    """True when the last word of a lower-case phrase is a plural noun ("campaigners", "traders"; not "press")."""
    words = re.findall(r"[^\W\d_]+", phrase)
    last = words[-1].lower() if words else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _names_speaker(x: str) -> bool:
    """True when ``x`` names a speaker by a role or a group, with no name ("the union", "the mayor", "police"):
    "and the union?" after a speech question asks what the union said."""
    if re.search(r"(?<![\w’'])[A-Z]", x):
        return False
    phrase = speaker_phrase(x)
    return not phrase.names and phrase.head is not None and (phrase.head in ROLES or phrase.head in GROUPS)


_NAME_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|de|van|von|bin|al))*")
_NOT_SUBJECT = frozenset("what who whom whose when where why how which is are was were did does do has have had can "
                         "could will would should tell show list give and but so the a an i".split())


_WHO_IS = re.compile(r"(?i)^\s*(?:who\s+(?:is|was|are|were)|tell\s+me\s+about)\s+(?P<who>.+?)\s*[?.!]*\s*$")


def _asked_about(question: str) -> str | None:
    """Whom ``question`` asks about: X in "who is X", else the last full name in it ("Sarah Nguyen": two
    capitalised words or more, question words and titles left out); None when it names no one so surely
    ("Moscow" may be a place)."""
    m = _WHO_IS.match(question)
    if m and not _PRONOUN.search(m.group("who")):
        return POSSESSIVE_S.sub("", m.group("who").strip())
    found = None
    for m in _NAME_RUN.finditer(question):
        words = [w for w in m.group().split() if w.lower() not in _NOT_SUBJECT and w.lower().rstrip(".") not in TITLES]
        if len(words) >= 2:
            found = " ".join(words)
    return POSSESSIVE_S.sub("", found) if found else None


def _is_follow_subject(x: str) -> bool:
    """True when ``x`` is a short subject, not a question of its own."""
    return 0 < len(x.split()) <= MAX_FOLLOW_WORDS and not _QUESTION_START.match(x)


def _follow_up(x: str, about: bool, context: Context, speaks: Speaks, roles: bool = True) -> str:
    """The question that "and X?" / "what about X?" asks after ``context``; ``roles``: a role or a group ("and the
    union?") is a speaker too, not only a name ("what about the team?" asks about the team)."""
    x = x.strip(" ,")
    if context.speaker is not None:
        if not about and (_names_person(x, speaks) or (roles and _names_speaker(x))):
            return speech_question(x, context.topic)
        return speech_question(context.speaker, x)
    last = context.question or ""
    if about_article(last) is not None:  # "and Putin?" after "when was it published": Putin's words, or Putin
        return speech_question(x, None) if not about and _names_person(x, speaks) else x
    prefix = _PREFIX.match(last)
    if not (prefix and prefix.group(0).strip()):
        return x
    asked = _DOES.search(prefix.group(0))
    if asked:  # "how much did the bridge cost" -> "and the tunnel?": how much did the tunnel cost
        subject = _SUBJECT.match(last, prefix.end())
        if subject and subject.group("rest").strip(" ?.!"):
            lead = prefix.group(0)[:asked.end()] if _DETERMINER.match(x) else prefix.group(0)
            return f"{lead.rstrip()} {x} {subject.group('rest').strip(' ?.!')}"
    if _DETERMINER.match(x):  # "who is the mayor" -> "and the minister?": who is the minister
        return re.sub(r"(?i)(?:the|a|an)\s+$", "", prefix.group(0)) + x
    return prefix.group(0) + x


def _names_person(text: str, speaks: Speaks) -> bool:
    """True when ``text`` names someone: a word the articles show speaking, titles ("Mr") aside."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if w.lower().rstrip(".") not in TITLES]
    return bool(words) and any(speaks(w) for w in words)


_SHE = frozenset(("she", "her", "hers"))


def _wanted(word: str) -> str:
    """ "she" for she/her/hers, "he" for he/him/his."""
    return "she" if word.lower() in _SHE else "he"


def _referent(word: str, context: Context, pronoun: Pronoun | None) -> str | None:
    """Whom he/she/him/her/his stands for: the most recent person of the conversation whom neither the
    user nor the articles call otherwise ("she" is not Putin, whom the articles call "he")."""
    wanted = _wanted(word)
    called = dict(context.called)
    people = context.people or ((context.person,) if context.person else ())
    for person in people:
        known = called.get(person) or (pronoun(person) if pronoun else None)
        if known is None or known == wanted:
            return person
    return None


def _they_alone(text: str) -> str | None:
    """ "they" (or "them") when it is the whole subject of a speech question ("what did they say?"): with no
    group to stand for, nothing is left to search."""
    q = re.match(rf"(?i)^\s*(?:and\s+|so\s+)?what\s+(?:else\s+)?(?:did|do|have|had|will|would)\s+(they|them)\s+"
                 rf"(?:{SPEECH_VERBS})\b", text)
    return q.group(1) if q else None


_SPEAKER_NAMED = re.compile(rf"(?i)^\W*(?:and\s+|so\s+)?(?:what|how|why|when|where)\s+(?:else\s+)?(?:did|does|do|has|have|had|"
                            rf"will|would)\s+(?P<who>(?!(?:he|she|they|it|you|i|we)\b)[\w’'.-]+(?:\s+[\w’'.-]+){{0,5}}?)\s+"
                            rf"(?:{SPEECH_VERBS})\b")
"""A speech question that names its speaker ("what did Kanye West say about ...", "what did the chancellor say")."""


def _speakers_own(text: str, m: re.Match, pronoun: Pronoun | None = None) -> bool:
    """Whether pronoun ``m`` is the named speaker's own, in the topic of a speech question that names them: a subject
    or a possessive ("what did Kanye West say about the records he samples", "... about his budget"), not an object
    ("what did Blair say about him" asks about another), nor one of the other sex than the articles call the speaker
    (``pronoun``: "what did Wang say about her plans" is another's)."""
    said = _SPEAKER_NAMED.match(text)
    if said is None or m.start() < said.end():
        return False
    word = m.group(1).lower()
    known = pronoun(said.group("who")) if pronoun else None
    if known is not None and known != _wanted(word):
        return False
    if word in ("he", "she", "his", "hers"):
        return True
    owned = _OWNED.match(text, m.end()) if word == "her" else None
    return owned is not None and owned.group(1).lower() not in STOPWORDS  # "her plans", not "tell her about"


def _unresolved_pronoun(text: str, context: Context, pronoun: Pronoun | None = None) -> str | None:
    """The first he/she/him/her/his in ``text`` that nobody of the conversation can stand for (nor the speaker the
    question names: ``_speakers_own``), or a "they" that is all a speech question names when the conversation has no
    group."""
    m = next((m for m in _PRONOUN.finditer(text) if not _speakers_own(text, m, pronoun)), None)
    if m and _referent(m.group(1), context, pronoun) is None:
        return m.group(1)
    if not context.group and not context.together:
        return _they_alone(text)
    return None


_OWNED = re.compile(r"\s+([^\W\d_][\w’'-]*)")
"""The word after "her": a noun ("her reaction") makes it her own; a stopword ("tell her about") does not."""


def _resolve_pronouns(text: str, context: Context, pronoun: Pronoun | None = None) -> str:
    """``text`` with he/she/him/her/his replaced by the person each stands for, and they/them/their by the
    last group, when there is one."""
    if context.person:

        def swap(m: re.Match) -> str:
            if _speakers_own(text, m, pronoun):
                return m.group(0)  # the speaker the question names: "what did West say about the records he samples"
            person = _referent(m.group(1), context, pronoun) or m.group(1)
            word = m.group(1).lower()
            owned = _OWNED.match(text, m.end()) if word == "her" else None
            owns = word in ("his", "hers") or (owned is not None and owned.group(1).lower() not in STOPWORDS)
            return f"{person}’s" if owns else person

        text = _PRONOUN.sub(swap, text)
    if context.group or context.together:
        group = context.together or context.group  # the pair is the more recent: a group question clears it

        def swap_group(m: re.Match) -> str:
            return f"{group}’s" if m.group(1).lower() == "their" else group

        text = _THEY.sub(swap_group, text)
    return text


def pronoun_of(name: str, texts: list[str]) -> str | None:
    """What ``texts`` (passages naming ``name``) call that person: "he" or "she" from the titles before the
    name ("Mr", "Mrs") and the pronouns from the name to the end of the next sentence, when one clearly
    outnumbers the other; None when the articles do not tell ("Sarah Nguyen, who runs the board, said")."""
    last = name.split()[-1] if name.split() else name
    he = she = 0
    at = re.compile(rf"(?:\b(?P<title>[A-Z][a-z]{{1,4}})\.?\s+)?(?:[A-Z][\w’'-]*\s+)*{re.escape(last)}\b")
    for text in texts:
        for m in at.finditer(text):
            title = (m.group("title") or "").lower()
            he += 3 * (title in _HIS_TITLES)
            she += 3 * (title in _HER_TITLES)
            tail = _TWO_SENTENCES.match(text, m.end())
            window = tail.group(0) if tail else ""
            he += len(_HE.findall(window))
            she += len(_SHE_WORDS.findall(window))
    if he > 2 * she:
        return "he"
    if she > 2 * he:
        return "she"
    return None


_HIS_TITLES = frozenset("mr sir lord king prince father brother".split())
_HER_TITLES = frozenset("mrs ms miss lady dame queen princess mother sister".split())
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE_WORDS = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_TWO_SENTENCES = re.compile(r"(?s)[^.!?]*[.!?]+[”\"’']?(?:\s+[^.!?]*[.!?]+)?")


def topic_as_written(question: str, speaker: str) -> str:
    """What a speech question asks about, as typed ("Ukraine" in "what did Wang say about Ukraine")."""
    at = question.find(speaker)
    if at < 0:
        return ""
    tail = _SPEECH_TAIL.match(question[at + len(speaker):])
    if tail:
        return _DANGLING.sub("", tail.group("topic").strip())
    rest = re.search(r"(?i)\b(?:about|on|regarding|concerning)\s+(.*?)\s*[?.!]*\s*$", question[at + len(speaker):])
    return _DANGLING.sub("", rest.group(1).strip()) if rest else ""


_DANGLING = re.compile(r"(?i)\s+(?:of|about|on|for|to|with|at|in|from|by|over)$")
"""A preposition the verb left at the end ("accuse the council of"): not part of the topic."""


def _last_person(question: str, speaks: Speaks) -> str | None:
    """The last word of ``question`` that names someone seen speaking in the articles."""
    found = None
    for word in re.findall(r"[^\W\d_][\w’'-]*", question):
        word = POSSESSIVE_S.sub("", word)
        if word.lower() not in TITLES and speaks(word):
            found = word
    return found


def _named_person(question: str, pronoun: Pronoun | None) -> str | None:
    """The last capitalised word of ``question`` past its first that the articles call "he" or "she" ("what did
    Pritchard score": Pritchard, who never speaks), or None."""
    if pronoun is None:
        return None
    found = None
    for m in re.finditer(r"(?<![\w’'])[A-Z][\w’'-]*", question):
        word = POSSESSIVE_S.sub("", m.group())
        if m.start() and word.lower() not in _NOT_SUBJECT and word.lower() not in TITLES and pronoun(word):
            found = word
    return found


def answer_subject(text: str, speaker: str | None) -> str | None:
    """Whom an answer sentence is about, for a "he", "she" or "they" that follows it: its speaker as the
    answer gives it, else the one the sentence attributes its words to ("The mayor of Ferrara, Anna Benedetti,
    said ..." gives "Benedetti"; "Regional officials warned ..." gives "Regional officials"); None when it
    attributes none."""
    if speaker:
        return speaker
    who = attribute(text, None, None).speaker
    if not who:
        return None
    phrase = speaker_phrase(who)
    if phrase.names and not phrase.body:
        written = [w.strip(",.") for w in who.split()]
        surname = next((w for w in reversed(written) if w.lower() == phrase.surname), None)
        return surname or who
    return who
