"""Near the verb: what a who, when or where question asks of the verb it names, looked for in the clause of a
sentence that holds that verb (a place after it, a time around it, another name around it).

``select.focus`` settles near-ties with it, and the feature ``asked_near`` (``features.add_written``) gives it to
the boosted trees: a sentence naming both people and the verb answers "where did they meet" only when a place
stands after the verb in its own clause ("met with Wang Yi ... at the Kremlin"), not when it stands in another
clause ("As Putin and Wang met, Biden was gathering ... in Warsaw")."""

from __future__ import annotations

import re

from .parse import QuestionKind
from .sentences import DATE

PLACE_AFTER = re.compile(r"\b(?:in|at|near|outside|inside|to|from)\s+(?:the\s+)?[A-Z]")
"""A place named after a preposition."""
ANY_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ii]nto|[Ii]nside|[Oo]utside|[Nn]ear|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Aa]round|[Ff]rom)\s+"
                       r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?(?!(?:which|what|this|that|order|fact|time|"
                       r"addition|part|general|particular|response|turn|total)\b)\w")
"""Any phrase that may say where ("in early Lutheran hymnals")."""
TIME = re.compile(r"\b(?:soon|later|earlier|yesterday|today|tomorrow|tonight|next|last|this\s+(?:week|month|year|"
                  r"spring|summer|autumn|winter)|yet\s+to|until|by\s+the\s+end|in\s+the\s+coming)\b", re.I)
"""A word or phrase of time that is no date."""
FRONTED = re.compile(r"^\W*(?:As|When|While|Whilst|After|Before|Since|Although|Though|Because|If|Once|Until|Whereas)\b")
"""A sentence that opens with a subordinate clause: "As Putin and Wang met, Biden was gathering ... in Warsaw"."""
CLAUSE_END = re.compile(r";|\s[—–]\s|,\s+(?:as|while|whilst|when|whereas|although|though|because|but)\b")
"""Where a clause ends inside a sentence."""
NAME_WORD = re.compile(r"(?<=[\s(,])[A-Z][\w’'-]+")
"""A word written with a capital, not first in the sentence."""

KINDS = (QuestionKind.WHO, QuestionKind.WHEN, QuestionKind.WHERE)
"""The kinds of question that ask something of the verb they name."""


def clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause of ``sentence`` holding the word at ``start:end``: a fronted subordinate
    clause ends at its first comma ("As Putin and Wang met,"), and the main clause after it begins there;
    other clauses end at a semicolon, a dash, or a comma before "as", "while", "but" and the like. What a
    place or a time says belongs to its own clause's verb, not to the asked verb in another clause."""
    lo, hi = 0, len(sentence)
    if FRONTED.match(sentence):
        comma = sentence.find(",")
        if comma >= 0:
            if end <= comma:
                hi = comma
            else:
                lo = comma + 1
    for m in CLAUSE_END.finditer(sentence, lo, hi):
        if m.start() >= end:
            hi = m.start()
            break
        lo = m.end()
    return lo, hi


def verb_spans(reader, sentence: str, verb_term: str, agent: bool = False) -> list[tuple[int, int]]:
    """Where ``sentence`` writes the verb whose term is ``verb_term`` (an irregular form too: "met" for "meet"); with
    ``agent``, its noun for the one who does it too ("creator" for "create", "director" for "direct": a who question's
    answer is often named so, "His creator, Richard Bowden"; "designer" and "developer" share the verb's term)."""
    doer = verb_term + "or" if agent else None
    return [(s, e) for t, s, e in reader.analyzer.spans(sentence)
            if t == verb_term or t == doer or reader.base_term(sentence[s:e].lower()) == verb_term]


def asked_near(kind: QuestionKind, sentence: str, at: list[tuple[int, int]], names: set[str],
               numbers: bool = True) -> bool:
    """Whether ``sentence`` holds what a ``kind`` question asks of its verb near one of the verb's places ``at``,
    in that verb's clause: for where a place after it, for when a time or date around it, for who a name
    around it other than the question's ``names``. With no ``at``, anywhere in the sentence. With ``numbers`` False,
    a number after a preposition ("won the first Sevens in 1993") is no place (``select.focus``; the trees' feature
    ``asked_near`` was fitted with it one)."""
    spans = [clause(sentence, s, e) for s, e in at]
    windows = [sentence[max(lo, s - 60):min(hi, e + 80)] for (s, e), (lo, hi) in zip(at, spans)] if at else [sentence]
    if kind is QuestionKind.WHERE:
        def place(text: str) -> bool:  # the match ends at the first letter of the place's word ("in 1993": a digit)
            return any(numbers or not text[m.end() - 1].isdigit() for m in ANY_PLACE.finditer(text))

        return (any(PLACE_AFTER.search(sentence[e:min(hi, e + 80)]) or place(sentence[e:min(hi, e + 40)])
                    for (s, e), (lo, hi) in zip(at, spans)) if at
                else place(sentence))
    if kind is QuestionKind.WHEN:
        return any(TIME.search(w) or DATE.search(w) for w in windows)
    return any(n not in names and n.rstrip("’'s") not in names for w in windows for n in NAME_WORD.findall(w))
