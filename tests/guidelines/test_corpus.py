"""The development corpus: every question file points at its document and quotes it exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
QUESTION_FILES = sorted(CORPUS.glob("*.questions.yaml"))
MIN_COVERED = 25
MIN_NOT_COVERED = 6
# A quoted passage runs 20 to 200 characters; 10 will do in scripts written without spaces.
SHORTEST, SHORTEST_CJK, LONGEST = 20, 10, 200


def _squash(text: str) -> str:
    """Collapse every run of whitespace to one space."""
    return " ".join(text.split())


def _shortest(passage: str) -> int:
    """The least length of a quoted passage: shorter for Chinese, Japanese or Korean text."""
    cjk = any("\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in passage)
    return SHORTEST_CJK if cjk else SHORTEST


def _load(path: Path) -> dict[str, Any]:
    """Read one question file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def test_there_are_question_files() -> None:
    assert len(QUESTION_FILES) >= 4


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.name)
def test_question_file_quotes_its_document(path: Path) -> None:
    data = _load(path)
    assert data.get("split") in {"dev", "holdout"}, f"{path.name}: split"
    assert data.get("language") and data.get("kind"), f"{path.name}: language and kind"
    document = CORPUS / str(data["document"])
    assert document.is_file(), f"{path.name}: no document {document.name}"
    text = _squash(document.read_text(encoding="utf-8"))
    covered = not_covered = 0
    for item in data["questions"]:
        question, evidence = item["q"], item["evidence"]
        assert isinstance(question, str) and question.strip(), f"{path.name}: empty question"
        assert isinstance(evidence, list), f"{path.name}: {question!r}: evidence is not a list"
        for passage in evidence:
            quoted = _squash(passage)
            where = f"{path.name}: {question!r}"
            size = len(quoted)
            assert _shortest(quoted) <= size <= LONGEST, f"{where}: evidence of {size} characters"
            assert quoted in text, f"{where}: not in the document: {quoted!r}"
        covered += bool(evidence)
        not_covered += not evidence
    assert covered >= MIN_COVERED, f"{path.name}: {covered} covered questions"
    assert not_covered >= MIN_NOT_COVERED, f"{path.name}: {not_covered} not-covered questions"


def test_the_held_out_documents_are_the_ones_sources_md_marks_held_out() -> None:
    held_out = {str(_load(p)["document"]) for p in QUESTION_FILES if _load(p)["split"] == "holdout"}
    rows = (CORPUS / "SOURCES.md").read_text(encoding="utf-8").splitlines()
    marked = {row.split("`")[1] for row in rows if row.startswith("| `") and "**holdout**" in row}
    assert len(held_out) >= 3 and held_out == marked, (held_out, marked)


def test_every_document_with_questions_has_a_source() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    missing = [p.name for p in QUESTION_FILES if str(_load(p)["document"]) not in sources]
    assert not missing, f"not in SOURCES.md: {missing}"
