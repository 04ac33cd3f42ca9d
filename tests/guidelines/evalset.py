"""The evaluation set (eval.yaml) as typed data, shared by the tests and bench/qa_eval.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
EVAL_FILE = HERE / "eval.yaml"


@dataclass(frozen=True)
class Question:
    """A question, its document, and the sections that answer it (none: not covered)."""

    doc: str
    question: str
    sections: tuple[str, ...]
    split: str


@dataclass(frozen=True)
class EvalSet:
    """The documents by name, and the questions."""

    documents: dict[str, Path]
    questions: tuple[Question, ...]


def load_eval_set(path: Path = EVAL_FILE) -> EvalSet:
    """Read the evaluation set; document paths are relative to the file."""
    data = yaml.safe_load(path.read_text())
    documents = {name: (path.parent / rel).resolve() for name, rel in data["documents"].items()}
    questions = tuple(
        Question(item["doc"], item["q"], tuple(item["sections"]), item["split"])
        for item in data["questions"]
    )
    return EvalSet(documents, questions)
