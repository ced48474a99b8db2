"""Speaker attribution: who says a sentence's words (``speaker_matching`` then tells whether a question's "X" is
that speaker).

Recognises direct quotations with their attribution ("…," Wang said / said Wang / Wang told Putin
/ according to Wang), reported speech with the speaker as subject ("Mr Blair said the ..."), "he
said" resolved to the last person named before it, and a quotation that continues the previous
speaker's quotation in the same paragraph.

The stages, each a module:

- ``phrases``: the pieces of pattern that name a speaker (verbs of speech, names, titles, noun phrases);
- ``quoted``: the speaker set beside a direct quotation, and what a quotation is;
- ``reported``: the speaker of reported speech (a verb of communication, "according to", "told by");
- ``names``: names in running text (the last one before "he said", a surname, a whole-word test);
- ``people``: who an article's people and bodies are (person marks, roles, bodies named in full);
- ``backrefs``: whom "he", "it", "the company", "the spokesman" or an epithet means;
- ``attribution``: the driver, ``attribute`` for one sentence and ``attribute_paragraph`` for a paragraph.

Names with a leading underscore are the package's own, shared between its stages.
"""

from __future__ import annotations

from ..speaker_matching import SpeakerPhrase, normal, role_kin, speaker_matches, speaker_phrase, speaker_terms
from .attribution import SPEAKER_CONTEXT, Attribution, attribute, attribute_paragraph
from .names import surname_of
from .people import People, described_people, known_people, named_bodies
from .phrases import VERBS
from .quoted import quoted_words
from .reported import speech_hint

__all__ = [  # the attribution stage, and the matching stage (``speaker_matching``) as callers have imported it from here
    "SPEAKER_CONTEXT", "VERBS", "Attribution", "People", "attribute", "attribute_paragraph", "described_people",
    "known_people", "named_bodies", "quoted_words", "speech_hint", "surname_of",
    "SpeakerPhrase", "normal", "role_kin", "speaker_matches", "speaker_phrase", "speaker_terms",
]
