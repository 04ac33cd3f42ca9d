"""Who the Slack workspace holds, as a deployer meets it when Slack refuses the member list."""

from __future__ import annotations

import json
import signal
import sqlite3
import time

from tests.acceptance.conftest import BotProcess, Deployment, Json
from tests.fakes.slack_requests import slash

OSLO = {"id": "U0BOB", "name": "bob", "tz": "Europe/Oslo", "profile": {"real_name": "Bob Berg"}}


def _digest(bot: BotProcess, user: str) -> str:
    """`/socialbot digest` from `user`, asked again while the first feed is still being read."""
    for _ in range(40):
        status, body = bot.post_slack(slash("/socialbot", "digest", user=user))
        assert status == 200, body
        text = json.dumps(json.loads(body))
        if "No feed has been fetched yet" not in text:
            return text
        time.sleep(0.25)
    raise AssertionError(f"no digest for {user}: {text}")


def test_a_refused_member_list_is_one_line_and_whoever_writes_is_learnt(
    deployment: Deployment,
) -> None:
    slack = deployment.slack
    slack.users = {"U0BOB": OSLO}
    slack.fail("users.list", "missing_scope", times=100)  # the app lacks users:read
    slack.fail("users.info", "missing_scope", times=1)  # so does users.info, for Alice
    bot = deployment.start()
    refused = "Slack refused users.list (missing_scope): add the users:read scope"

    def warned() -> Json | None:
        answer = bot.health()
        state = answer[1] if answer is not None else {"warnings": []}
        return state if any(w.startswith(refused) for w in state["warnings"]) else None

    bot.wait_for("the refusal on /healthz", warned)
    # Alice is learnt from her slash command (users.info refused: its id and name), Bob through
    # users.info; both get today's digest rather than "Nobody is known yet".
    assert "Today's digest is on its way." in _digest(bot, "U0ALICE")
    assert "Today's digest is on its way." in _digest(bot, "U0BOB")

    def both_sent() -> bool | None:
        return len(slack.messages_in("U0ALICE")) == 1 == len(slack.messages_in("U0BOB")) or None

    bot.wait_for("both digests", both_sent)
    assert "Today's digest has already come" in _digest(bot, "U0ALICE")
    # Each looked up once to be learnt; not again before their DM (is the account active?), the
    # directory having seen them active just now (review16b R10).
    assert slack.count("users.info") == 2
    # The same process stopped as `docker stop` and orchestrators do, SIGTERM twice: the second
    # during the shutdown (an answer on its way to a slow Slack) lets it finish, nothing lost;
    # it used to end the process there, killed by the signal.
    slack.latency = 2.0
    question = {
        "type": "event_callback",
        "event_id": "EvTWICE",
        "event": {"type": "message", "channel": "D0BOB", "channel_type": "im", "user": "U0BOB",
                  "text": "Can I post a photo from the office party?", "ts": "1700000000.000100"},
    }  # fmt: skip
    assert bot.post_slack(json.dumps(question))[0] == 200
    bot.wait_for("the answer on its way", lambda: len(slack.messages_in("U0BOB")) == 2 or None)
    bot.process.send_signal(signal.SIGTERM)
    bot.wait_for_log("shutting down")
    bot.process.send_signal(signal.SIGTERM)
    assert bot.stop().returncode == 0, bot.stderr
    assert "already shutting down" in bot.stderr
    with sqlite3.connect(deployment.workdir / "socialbot.db") as db:
        people = db.execute("SELECT user_id, name, tz FROM people ORDER BY user_id").fetchall()
    assert people == [("U0ALICE", "primary-owner", ""), ("U0BOB", "Bob Berg", "Europe/Oslo")]
    with sqlite3.connect(deployment.workdir / "socialbot.db") as db:
        answers = db.execute("SELECT state FROM deliveries WHERE purpose = 'dm-answer'").fetchall()
    assert answers == [("sent",)]  # known as sent: never sent again
    assert bot.stderr.count("Slack refused users.list") == 1
    assert "The server responded with" not in bot.stderr
