"""The drafts of tests/checks/drafts.yaml, with the settings and context they are checked with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handlers.checks.concerns import CheckSettings, Context, Kind
from handlers.checks.secrets import parse_secrets
from handlers.reports.links import keys

DRAFTS = Path(__file__).parent / "drafts.yaml"
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


@dataclass(frozen=True)
class EvalSet:
    """The settings the drafts are checked with, and the drafts."""

    settings: CheckSettings
    guidelines: Path
    drafts: tuple[Draft, ...]


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def load_eval_set(path: Path = DRAFTS) -> EvalSet:
    """Read the evaluation set."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = data["settings"]
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
            item["lang"],
            item["split"],
            item["text"].rstrip("\n"),
            frozenset(Kind(kind) for kind in item["kinds"]),
            frozenset(Kind(kind) for kind in item.get("may", [])),
            Context(item.get("profile", ""), report_keys, today),
        )
        for item in data["drafts"]
    )
    guidelines = BUNDLED if raw["guidelines"] == "bundled" else path.parent / raw["guidelines"]
    return EvalSet(settings, guidelines, drafts)
