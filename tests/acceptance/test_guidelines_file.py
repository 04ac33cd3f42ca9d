"""The guidelines file as an admin handles it: a PDF is refused at start in one line; while
`socialbot run` runs, moved away, then back, or overwritten with a PDF, the answers keep coming
from the last good version read, one log line per change, and `/healthz` says it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.acceptance.conftest import BotProcess, Deployment

TEAMS_ACTIVITIES = Path(__file__).parents[1] / "teams" / "activities"
GUIDELINES = "# Rules\n\n## Pets\n\nDogs are welcome in the office on Fridays.\n"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def test_a_pdf_is_refused_at_start_in_one_line(deployment: Deployment) -> None:
    policy = deployment.workdir / "policy.pdf"
    policy.write_bytes(PDF)
    result = deployment.cli("run", SOCIALBOT_GUIDELINES=str(policy))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"Invalid setting SOCIALBOT_GUIDELINES: {policy} is a PDF: convert it to text, e.g."
        " `pdftotext -layout policy.pdf policy.txt`, and point SOCIALBOT_GUIDELINES at that"
    )


def ask(deployment: Deployment, bot: BotProcess, question: str) -> str:
    """A Teams DM to the bot; the text of its reply."""
    before = len(deployment.connector.posted)
    activity = json.loads((TEAMS_ACTIVITIES / "teams-message-personal.json").read_text())
    activity.update(serviceUrl=deployment.connector.url, text=question, attachments=[])
    activity["id"] = f"{activity['id']}-{before}"  # a new message, not one delivered again
    assert bot.post_teams(activity)[0] in {200, 201}
    posted = bot.wait_for(
        "the reply in Teams", lambda: deployment.connector.replies_to(activity["id"]) or None
    )
    return json.dumps(posted[-1].activity)


def warnings(bot: BotProcess) -> list[Any]:
    """`/healthz`'s warnings."""
    health = bot.health()
    assert health is not None
    return list(health[1]["warnings"])


def test_a_guidelines_file_moved_away_is_one_line_and_a_health_warning(
    deployment: Deployment,
) -> None:
    guidelines = deployment.workdir / "guidelines.md"
    guidelines.write_text(GUIDELINES, encoding="utf-8")
    bot = deployment.start(SOCIALBOT_GUIDELINES=str(guidelines), SOCIALBOT_EMBEDDING_MODEL="off")
    bot.wait_healthy()
    assert "Dogs are welcome" in ask(deployment, bot, "Are dogs welcome in the office?")

    guidelines.rename(deployment.workdir / "moved.md")
    assert "Dogs are welcome" in ask(deployment, bot, "Are dogs welcome in the office?")
    assert "Dogs are welcome" in ask(deployment, bot, "Can I bring my dog on Friday?")
    (warning,) = [w for w in warnings(bot) if "SOCIALBOT_GUIDELINES" in w]
    assert warning.startswith(f"cannot read SOCIALBOT_GUIDELINES {guidelines}: no such file")
    assert "answering from the version read at " in warning

    (deployment.workdir / "moved.md").rename(guidelines)
    assert "Dogs are welcome" in ask(deployment, bot, "Are dogs welcome in the office?")
    assert not [w for w in warnings(bot) if "SOCIALBOT_GUIDELINES" in w]

    guidelines.write_bytes(PDF)  # an editor saved the policy as a PDF under the same name
    assert "Dogs are welcome" in ask(deployment, bot, "Are dogs welcome in the office?")
    assert "Dogs are welcome" in ask(deployment, bot, "Can I bring my dog on Friday?")
    (warning,) = [w for w in warnings(bot) if "SOCIALBOT_GUIDELINES" in w]
    assert warning.startswith(f"SOCIALBOT_GUIDELINES {guidelines} is a PDF: convert it to text")
    assert "answering from the version read at " in warning
    assert bot.stop().returncode == 0
    assert bot.stderr.count("cannot read SOCIALBOT_GUIDELINES") == 1, bot.stderr
    assert bot.stderr.count("is a PDF: convert it to text") == 1, bot.stderr
    assert "Traceback" not in bot.stderr
    assert "guidelines can be read again" in bot.stderr
