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
# Held-out drafts written later by someone who never saw the checker: all of them are in the
# split `unseen`; a file without `settings` is checked with those of drafts.yaml.
UNSEEN = Path(__file__).parent / "drafts_unseen.yaml"
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
        )
        for item in data["drafts"]
    )
    guidelines = BUNDLED if raw["guidelines"] == "bundled" else base.parent / raw["guidelines"]
    return EvalSet(settings, guidelines, drafts)


def unseen_set() -> Path | None:
    """The later held-out set, when it is there."""
    return UNSEEN if UNSEEN.exists() else None
