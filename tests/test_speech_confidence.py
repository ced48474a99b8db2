"""The confidence of a speech answer in the speaker's own words (Platt scaling, ``SpeechParams``): the reference
question's answer, Wang's own words, is not shown at the raw fitted confidence of words judged alone, and the reading
keeps the order of confidences."""

from __future__ import annotations

import json
from dataclasses import replace

from conftest import run
from qabot.answering import AnswerParams
from qabot.answering.answerer import own_words_confidence


def test_own_words_read_as_likely_right(seeds):
    result = run("ask", "--json", "what did Wang say about Ukraine")  # the first ask builds the index from seeds/
    assert result.returncode == 0, result.stderr
    wang = json.loads(result.stdout)
    assert wang["no_answer"] is False and "Wang" in wang["answers"][0]["text"]
    assert wang["confidence"] >= 0.6 and not wang.get("unsure"), wang["confidence"]


def test_the_reading_is_monotone_and_off_at_one_and_zero():
    speech = AnswerParams.default().speech
    values = [own_words_confidence(p, speech) for p in (0.01, 0.1, 0.3, 0.5, 0.9)]
    assert values == sorted(values) and all(0 < v < 1 for v in values)
    plain = replace(speech, own_confidence_scale=1.0, own_confidence_shift=0.0)
    assert own_words_confidence(0.37, plain) == 0.37
