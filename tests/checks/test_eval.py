"""A floor under the figures bench/check_eval.py prints, on the dev drafts (the held-out ones
are only measured by the benchmark)."""

from __future__ import annotations

import pytest

from handlers.checks.concerns import Kind
from handlers.checks.review import OfflineReview
from handlers.guidelines.document import GuidelinesFile
from tests.checks.evalset import load_eval_set

EVAL = load_eval_set()


@pytest.fixture(scope="module")
def results() -> list[tuple[frozenset[Kind], frozenset[Kind], frozenset[Kind]]]:
    review = OfflineReview(GuidelinesFile(EVAL.guidelines), EVAL.settings)
    return [
        (d.kinds, d.may, review.check(d.text, d.context).kinds)
        for d in EVAL.drafts
        if d.split == "dev"
    ]


def test_the_set_is_as_the_issue_asks() -> None:
    drafts = EVAL.drafts
    assert len(drafts) >= 80
    assert {d.language for d in drafts} == {"en", "da", "de"}
    problems = sum(bool(d.kinds) for d in drafts)
    assert 0.4 <= problems / len(drafts) <= 0.6
    assert 0.25 <= sum(d.split == "holdout" for d in drafts) / len(drafts) <= 0.4


@pytest.mark.parametrize("kind", list(Kind))
def test_recall_per_kind(results, kind: Kind) -> None:
    expected = [found for wanted, _, found in results if kind in wanted]
    assert sum(kind in found for found in expected) / len(expected) >= 0.9  # the issue's goal


def test_false_alarms_on_fine_drafts(results) -> None:
    fine = [found for wanted, _, found in results if not wanted]
    assert sum(bool(found) for found in fine) / len(fine) <= 0.05
