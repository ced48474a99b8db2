"""Answering, in named stages: parse -> gates -> retrieve -> features -> score -> speech -> select.

``Answerer`` (in ``answerer.py``) drives them; ``AnswerParams`` (``params.py``) holds every number,
the fitted weights included.
"""

from .answerer import Answerer, Ranked
from .params import AnswerParams
from .parse import Question, QuestionKind, parse

__all__ = ["Answerer", "AnswerParams", "Question", "QuestionKind", "Ranked", "parse"]
