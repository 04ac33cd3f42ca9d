"""A floor under the figures bench/check_eval.py prints, on the dev drafts (the held-out ones,
and the later unseen set, are only measured by the benchmark)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.checks.concerns import Kind
from handlers.checks.review import OfflineReview
from handlers.guidelines.document import GuidelinesFile
from tests.checks.evalset import RETIRED, UNSEEN_SPLIT, load_eval_set

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
    assert {"en", "da", "de"} <= {d.language for d in drafts} <= {"en", "da", "de", "sv", "nb"}
    problems = sum(bool(d.kinds) for d in drafts)
    assert 0.4 <= problems / len(drafts) <= 0.6
    # The 37 held out when the set was first written; later drafts are all dev.
    assert sum(d.split == "holdout" for d in drafts) == 37


# The issue's goal, 0.90 per kind, on the dev drafts (tuned on: README, "Measured").
FLOORS = {kind: 0.9 for kind in Kind}


@pytest.mark.parametrize("kind", list(Kind))
def test_recall_per_kind(results, kind: Kind) -> None:
    expected = [found for wanted, _, found in results if kind in wanted]
    assert sum(kind in found for found in expected) / len(expected) >= FLOORS[kind]


def test_false_alarms_on_fine_drafts(results) -> None:
    fine = [found for wanted, _, found in results if not wanted]
    assert sum(bool(found) for found in fine) / len(fine) <= 0.05  # the goal; 0/129 now


# The half of the fresh set tuned on (Dutch and French above all): a floor, not a measure.
FRESH_TUNE = Path(__file__).parent / "drafts_fresh_tune.yaml"


def test_the_fresh_tune_set_holds() -> None:
    fresh = load_eval_set(FRESH_TUNE)
    review = OfflineReview(GuidelinesFile(fresh.guidelines), fresh.settings)
    checked = [(d, review.check(d.text, d.context).kinds) for d in fresh.drafts]
    for kind in Kind:
        expected = [kind in found for draft, found in checked if kind in draft.kinds]
        assert sum(expected) / len(expected) >= 0.9, kind
    assert [d.id for d, found in checked if found and not d.kinds] == []


def test_a_later_set_borrows_the_settings_and_is_all_unseen(tmp_path: Path) -> None:
    later = tmp_path / "drafts_unseen.yaml"
    later.write_text(
        "drafts:\n"
        "  - {id: a, lang: en, split: dev, kinds: [confidential], text: Polaris ships soon}\n"
        "  - {id: b, lang: da, kinds: [], text: God weekend til alle}\n",
        encoding="utf-8",
    )
    evalset = load_eval_set(later)
    assert evalset.settings == EVAL.settings
    assert [(d.id, d.split) for d in evalset.drafts] == [("a", UNSEEN_SPLIT), ("b", UNSEEN_SPLIT)]
    later.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a `drafts` list"):
        load_eval_set(later)


@pytest.mark.parametrize("path", RETIRED, ids=lambda path: path.stem)
def test_a_retired_held_out_set_loads_and_its_drafts_are_checked(path: Path) -> None:
    evalset = load_eval_set(path)
    assert len(evalset.drafts) >= 40
    assert len({d.id for d in evalset.drafts}) == len(evalset.drafts)
    assert all(draft.text.strip() for draft in evalset.drafts)
    # Without the embedding model, which would take a fresh clone half a minute of CPU to read
    # the six sets' own guidelines; every eighth draft, languages and kinds alike: checking all
    # of them as shipped is the bench's (bench/check_eval.py --set), whose figures are the ones
    # to read.
    review = OfflineReview(GuidelinesFile(evalset.guidelines, "off"), evalset.settings)
    for draft in evalset.drafts[::8]:
        review.check(draft.text, draft.context)


# Turkish and Indonesian (drafts_tr_id_dev.yaml, dev material, tuned on: fourteenth session):
# floors under replies, disclosure and confidential and the goal for false alarms, without the
# embedding model (the rules, which it serves, are the bench's to measure).
TR_ID = Path(__file__).parent / "drafts_tr_id_dev.yaml"
TR_ID_FLOORS = {Kind.REPLY_TO_CRITICISM: 1.0, Kind.DISCLOSURE: 0.85, Kind.CONFIDENTIAL: 0.9}


def test_turkish_and_indonesian_drafts_hold() -> None:
    evalset = load_eval_set(TR_ID)
    review = OfflineReview(GuidelinesFile(evalset.guidelines, "off"), evalset.settings)
    checked = [(d, review.check(d.text, d.context).kinds) for d in evalset.drafts]
    for kind, floor in TR_ID_FLOORS.items():
        expected = [kind in found for draft, found in checked if kind in draft.kinds]
        assert sum(expected) / len(expected) >= floor, kind
    fine = [bool(found) for draft, found in checked if not draft.kinds]
    assert sum(fine) / len(fine) <= 0.05
