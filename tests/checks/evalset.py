"""The drafts of tests/checks/drafts.yaml, with the settings and context they are checked with."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handlers.checks.concerns import CheckSettings, Concern, Context, Kind
from handlers.checks.review import OfflineReview
from handlers.checks.rules import rules
from handlers.checks.secrets import parse_secrets
from handlers.guidelines.document import GuidelinesFile
from handlers.reports.links import keys

DRAFTS = Path(__file__).parent / "drafts.yaml"
# Drafts checked against dev policies of the guideline corpus, for the guidelines' own rules.
POLICIES = Path(__file__).parent / "policies_dev.yaml"
CORPUS = Path(__file__).parents[1] / "guidelines" / "corpus"
# Held-out drafts written later by someone who never saw the checker: all of them are in the
# split `unseen`; a file without `settings` is checked with those of drafts.yaml.
RETIRED = tuple(Path(__file__).parent / f"drafts_retired{n}.yaml" for n in range(1, 15))
UNSEEN_SPLIT = "unseen"
BUNDLED = Path(__file__).resolve().parents[2] / "handlers" / "data" / "guidelines.md"


@dataclass(frozen=True)
class Draft:
    """One labelled draft."""

    id: str
    language: str
    split: str
    text: str
    kinds: frozenset[Kind]
    may: frozenset[Kind]
    context: Context
    # The rule a `guideline` draft breaks, where its set says: the section's title (`section`)
    # or words of the sentence (`rule`).
    section: str = ""
    rule: str = ""


@dataclass(frozen=True)
class EvalSet:
    """The settings the drafts are checked with, and the drafts."""

    settings: CheckSettings
    guidelines: Path
    drafts: tuple[Draft, ...]


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def load_eval_set(path: Path = DRAFTS) -> EvalSet:
    """Read an evaluation set (drafts.yaml, or a later one that may borrow its settings)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("drafts"), list):
        raise ValueError(f"{path.name}: expected a mapping with a `drafts` list")
    base = path if "settings" in data else DRAFTS
    raw = (
        data["settings"] if base == path else yaml.safe_load(DRAFTS.read_text("utf-8"))["settings"]
    )
    settings = CheckSettings(
        company_names=_names(raw["company_names"]),
        confidential_terms=parse_secrets(raw["confidential_terms"]),
        internal_domains=_names(raw["internal_domains"]),
    )
    today = raw["today"] if isinstance(raw["today"], date) else date.fromisoformat(raw["today"])
    report_keys = frozenset(keys(tuple(raw["open_reports"])))
    drafts = tuple(
        Draft(
            item["id"],
            str(item.get("lang") or item.get("language") or ""),
            item["split"] if path == DRAFTS else UNSEEN_SPLIT,  # all of a later set is unseen
            item["text"].rstrip("\n"),
            frozenset(Kind(kind) for kind in item["kinds"]),
            frozenset(Kind(kind) for kind in item.get("may") or ()),
            Context(item.get("profile", ""), report_keys, today),
            str(item.get("section") or ""),
            str(item.get("rule") or ""),
        )
        for item in data["drafts"]
    )
    guidelines = BUNDLED if raw["guidelines"] == "bundled" else base.parent / raw["guidelines"]
    return EvalSet(settings, guidelines, drafts)


@dataclass(frozen=True)
class PolicyOutcome:
    """One draft of policies_dev.yaml: the policy, the rule it breaks (None: fine), whether the
    check cited that rule (or, for a fine draft, raised anything), and what it raised."""

    policy: str
    rule: str | None
    text: str
    right: bool
    concerns: tuple[Concern, ...]
    # Whether the labelled rule is among the sentences read as rules (None for a fine draft):
    # a miss with it read is the matching's, without it the reader's.
    read: bool | None = None


def _policies(path: Path, leaving: Collection[str]) -> list[tuple[dict[str, Any], Path]]:
    """Each policy of `path` (policies_dev.yaml's format) with its document, but those named in
    `leaving`."""
    found = []
    for policy in yaml.safe_load(path.read_text(encoding="utf-8"))["policies"]:
        if policy["guidelines"] in leaving:
            continue
        # A document of the guideline corpus, or one beside the policies file.
        document = CORPUS / policy["guidelines"]
        if not document.exists():
            document = path.parent / policy["guidelines"]
        found.append((policy, document))
    return found


def policy_documents(path: Path = POLICIES, leaving: Collection[str] = ()) -> list[Path]:
    """The documents `policy_outcomes` checks drafts against."""
    return [document for _, document in _policies(path, leaving)]


def policy_outcomes(path: Path = POLICIES, leaving: Collection[str] = ()) -> list[PolicyOutcome]:
    """Check every draft of `path` (policies_dev.yaml's format) against its policy, but for the
    policies whose documents are named in `leaving`."""
    outcomes = []
    for policy, document in _policies(path, leaving):
        guidelines = GuidelinesFile(document)
        review = OfflineReview(
            guidelines, CheckSettings(company_names=_names(policy.get("company_names") or ""))
        )
        index = guidelines.index
        forbidding = rules(index.sections, index.language)
        for draft in policy["drafts"]:
            concerns = review.check(draft["text"]).concerns
            rule = draft["rule"]
            read = None
            if rule is None:
                right = not concerns
            else:
                # A rule not read as forbidding ("Be careful what you share") is a miss.
                cited = {r.section.title for r in forbidding if rule.lower() in r.text.lower()}
                read = bool(cited)
                right = any(
                    c.section in cited or rule.lower() in c.reason.lower() for c in concerns
                )
            outcomes.append(
                PolicyOutcome(policy["guidelines"], rule, draft["text"], right, concerns, read)
            )
    return outcomes
