"""Signs of a concern that hold in any language: the hashtags a company asks its employees to add;
through `socialbot check --json`."""

from __future__ import annotations

from pathlib import Path

from tests.checks.test_cli import _kinds

# Guidelines whose disclosure section asks for a hashtag of its own.
GUIDELINES = """# Acme social media guidelines

## 1. Say that you work here
When you post about Acme's products or jobs, say that you work here: "I work at Acme", or add
#AcmeCrew to the post.

## 2. Confidential information
Never share figures that are not public.
"""


def test_the_hashtags_of_the_company_s_staff_say_who_speaks(
    env: dict[str, str], tmp_path: Path
) -> None:
    guidelines = tmp_path / "guidelines.md"
    guidelines.write_text(GUIDELINES, "utf-8")
    more = {"SOCIALBOT_GUIDELINES": str(guidelines), "SOCIALBOT_COMPANY_NAMES": "Acme, Acme Go"}
    env = env | more
    drafts = [
        "Try the new Acme Go app, it is the best way to plan your week! #AcmeCrew",
        "Try the new Acme Go app, it is the best way to plan your week! #LifeAtAcme",
        "Try the new Acme Go app, it is the best way to plan your week! #acme_team",
        # A product's name or a fan's hashtag says nothing about who writes.
        "Try the new Acme Go app, it is the best way to plan your week! #AcmeGo",
        "Try the new Acme Go app, it is the best way to plan your week! #AcmeRocks",
    ]
    assert _kinds(drafts, env) == [[], [], [], ["disclosure"], ["disclosure"]]
