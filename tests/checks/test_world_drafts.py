"""`socialbot check` on drafts as the company's offices write them: Japanese with Latin names glued
in or typed full-width, and figures in Spanish, Portuguese, Japanese and Indian English."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bot.check_cli import check

WIDE = "".join(chr(ord(c) + 0xFEE0) for c in "Polaris")  # as Japanese input methods type it


def _spans(drafts: list[str], env: dict[str, str], kind: str) -> list[list[str]]:
    """The spans of the concerns of `kind` `socialbot check --json` finds in each draft."""
    result = CliRunner().invoke(check, ["--json"], input="".join(f"{d}\n" for d in drafts), env=env)
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    return [[c["span"] for c in a["concerns"] if c["kind"] == kind] for a in answers]


def test_a_name_inside_japanese_text_or_typed_full_width_is_found(env: dict[str, str]) -> None:
    drafts = [
        "来週Polarisを発売します。",
        f"来週 {WIDE} を発売します。",
        f"{WIDE} launches next week",
        "下周Polaris发布。",
        "Polarisation is a physics word.",  # still a whole word in Latin text
        "北极星Polaris2 is another product.",
    ]
    assert _spans(drafts, env, "confidential") == [
        ["Polaris"],
        [WIDE],  # quoted as typed
        [WIDE],
        ["Polaris"],
        [],
        [],
    ]
