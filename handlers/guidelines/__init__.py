"""Answers to guideline questions, grounded in the company's own guidelines (issue 6)."""

from __future__ import annotations

from handlers.guidelines.answer import Answer, Source, offline_answer
from handlers.guidelines.document import GuidelinesFile
from handlers.guidelines.feedback import Downvote, downvotes, migrations
from handlers.guidelines.model import model_answer
from handlers.guidelines.sections import Section, split_sections
from handlers.guidelines.service import GuidelinesQA

__all__ = [
    "Answer",
    "Downvote",
    "GuidelinesFile",
    "GuidelinesQA",
    "Section",
    "Source",
    "downvotes",
    "migrations",
    "model_answer",
    "offline_answer",
    "split_sections",
]
