"""The guidelines' own rules found in real policies the checker was not written for (dev
documents of the guideline corpus), matched to everyday drafts (tests/checks/policies_dev.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from handlers.checks.concerns import CheckSettings
from handlers.checks.review import OfflineReview
from handlers.checks.rules import rules
from handlers.guidelines.document import GuidelinesFile

CORPUS = Path(__file__).parents[1] / "guidelines" / "corpus"
POLICIES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "policies_dev.yaml").read_text(encoding="utf-8")
)["policies"]


@pytest.fixture(scope="module")
def outcomes() -> list[tuple[bool, bool]]:
    """(whether the draft breaks a rule, whether the check cited that rule or its section)."""
    found = []
    for policy in POLICIES:
        guidelines = GuidelinesFile(CORPUS / policy["guidelines"])
        names = tuple(n.strip() for n in policy["company_names"].split(",") if n.strip())
        review = OfflineReview(guidelines, CheckSettings(company_names=names))
        index = guidelines.index
        forbidding = rules(index.sections, index.language)
        for draft in policy["drafts"]:
            concerns = review.check(draft["text"]).concerns
            if draft["rule"] is None:
                found.append((False, bool(concerns)))
                continue
            rule = draft["rule"].lower()
            # A rule not read as forbidding ("Be careful what you share") is a miss.
            cited = {r.section.title for r in forbidding if rule in r.text.lower()}
            found.append(
                (True, any(c.section in cited or rule in c.reason.lower() for c in concerns))
            )
    return found


def test_drafts_breaking_a_policy_s_own_rules_are_found(outcomes) -> None:
    breaking = [cited for breaks, cited in outcomes if breaks]
    assert sum(breaking) / len(breaking) >= 0.75  # 9/11 when written


def test_fine_drafts_raise_nothing_under_those_policies(outcomes) -> None:
    assert not any(flagged for breaks, flagged in outcomes if not breaks)


@pytest.mark.parametrize(
    ("document", "rule"),
    [
        ("seed-risesmart-da.txt", "5. Svar ikke på nogen konkurrent"),  # a heading that forbids
        ("cicd-pi-social-media-design-de.md", "Screenshots als Bildbeitrag"),  # under "Don'ts"
        ("cicd-pi-social-media-design-de.md", "keine Stockfotos"),  # one clause of a sentence
        ("swifty-isms-social-media-policy.md", "and avoid using wording or styles"),  # after "and"
    ],
)
def test_forbidding_sentences_are_found_in_any_shape(document: str, rule: str) -> None:
    index = GuidelinesFile(CORPUS / document).index
    assert any(rule in r.text for r in rules(index.sections, index.language))
