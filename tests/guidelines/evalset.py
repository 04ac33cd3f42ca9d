"""The evaluation sets as typed data, shared by the tests and bench/qa_eval.py.

eval.yaml: questions on the bundled guidelines and the first corpus policies, each answered by
named sections (a cited passage hits when one of them is its heading or a heading above it).
corpus/*.questions.yaml: questions on real policies, each answered by verbatim evidence (a cited
passage hits when its text contains one of the evidence strings, whitespace-normalised), so the
figures do not depend on how a document is split.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from handlers.guidelines.sections import Section

HERE = Path(__file__).resolve().parent
EVAL_FILE = HERE / "eval.yaml"
CORPUS = HERE / "corpus"


@dataclass(frozen=True)
class Question:
    """A question, its document, and the sections that answer it (none: not covered)."""

    doc: str
    question: str
    sections: tuple[str, ...]
    split: str
    evidence: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether the document answers it."""
        return bool(self.sections or self.evidence)

    def answered_by(self, passage: Section) -> bool:
        """Whether citing `passage` answers the question."""
        if self.evidence:
            text = _normal(passage.text)
            return any(_normal(evidence) in text for evidence in self.evidence)
        return any(title in (*passage.path, passage.title) for title in self.sections)


@dataclass(frozen=True)
class EvalSet:
    """The documents by name, their split and language, and the questions."""

    documents: dict[str, Path]
    questions: tuple[Question, ...]
    splits: dict[str, str]


def _normal(text: str) -> str:
    """Whitespace folded and HTML entities decoded, so evidence quoted from a page's source
    (`S&atilde;o`) meets the passage the bot reads (`São`)."""
    return " ".join(html.unescape(text).split())


def load_eval_set(path: Path = EVAL_FILE) -> EvalSet:
    """Read eval.yaml; document paths are relative to the file."""
    data = yaml.safe_load(path.read_text())
    documents = {name: (path.parent / rel).resolve() for name, rel in data["documents"].items()}
    questions = tuple(
        Question(item["doc"], item["q"], tuple(item["sections"]), item["split"])
        for item in data["questions"]
    )
    return EvalSet(documents, questions, dict.fromkeys(documents, "dev"))


def load_corpus(folder: Path = CORPUS) -> EvalSet:
    """Read every `<slug>.questions.yaml` of the corpus: its document, split and questions."""
    documents: dict[str, Path] = {}
    splits: dict[str, str] = {}
    questions: list[Question] = []
    for path in sorted(folder.glob("*.questions.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = path.name.removesuffix(".questions.yaml")
        documents[name] = (folder / data["document"]).resolve()
        splits[name] = data.get("split", "dev")
        for item in data["questions"]:
            evidence = tuple(item.get("evidence") or ())
            questions.append(Question(name, item["q"], (), splits[name], evidence))
    return EvalSet(documents, tuple(questions), splits)


def auc(scored: Iterable[tuple[float, bool]]) -> float:
    """How often a covered question scores above an uncovered one (ties count half)."""
    pairs = list(scored)
    covered = [score for score, label in pairs if label]
    uncovered = [score for score, label in pairs if not label]
    if not covered or not uncovered:
        return math.nan
    above = sum((c > u) + 0.5 * (c == u) for c in covered for u in uncovered)
    return above / (len(covered) * len(uncovered))
