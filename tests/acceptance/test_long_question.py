"""A pasted article sent to the bot as a guideline question: answered from its start, in a worker
thread, while the bot keeps serving everyone else (`socialbot run`, a Teams DM)."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

from tests.acceptance.conftest import Deployment
from tests.fakes.bot_connector import Sent

TEAMS_ACTIVITIES = Path(__file__).parents[1] / "teams" / "activities"
# As long as a Slack DM may be: embedded whole, it held the event loop for half a minute.
ARTICLE = ("Our team had a party at the office and we took photos of everyone. " * 600)[:40_000]


def test_a_pasted_article_is_answered_while_the_bot_serves_others(
    deployment: Deployment,
) -> None:
    bot = deployment.start()
    bot.wait_healthy()
    activity = json.loads((TEAMS_ACTIVITIES / "teams-message-personal.json").read_text())
    activity.update(serviceUrl=deployment.connector.url, text=ARTICLE, attachments=[])

    def ask() -> None:
        # The answer goes out through the connector: on a busy machine it may come after
        # this client gave up waiting for the POST's own answer, which is no failure.
        with contextlib.suppress(OSError):
            bot.post_teams(activity)

    def answered() -> list[Sent] | None:
        # /healthz answers all along (it timed out, as Slack's acknowledgements did, while
        # the question was embedded on the event loop: half a minute).
        assert bot.health() is not None, "/healthz did not answer while the question was"
        return deployment.connector.replies_to(activity["id"]) or None

    threading.Thread(target=ask, daemon=True).start()
    reply = bot.wait_for("the answer in Teams", answered, timeout=60)
    answer = json.dumps(reply[-1].activity)
    assert "photo" in answer.lower(), answer
    assert bot.stop().returncode == 0
    assert "Traceback" not in bot.stderr
