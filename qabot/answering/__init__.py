"""Answering, in named stages: parse -> gates -> retrieve -> features -> score -> speech -> select.

``Answerer`` (in ``answerer.py``) drives them, ``OwnWords`` (``own_words.py``) holds the speech passes over a
speech question's candidates, ``Unsure`` (``unsure.py``) finds what a speech question
whose speaker's own words are not found shows as "not sure"; ``AnswerParams`` (``params.py``) holds every number,
the fitted weights included.
"""

from .answerer import Answerer, Ranked
from .params import AnswerParams
from .parse import Question, QuestionKind, parse

__all__ = ["Answerer", "AnswerParams", "Question", "QuestionKind", "Ranked", "parse"]
