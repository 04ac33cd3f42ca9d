"""What the ledger keeps of a message once it went: the row (figures, exactly once), not its
body, unless it failed and may be sent again (review6 item 7)."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from tests.acceptance.conftest import Deployment

PEOPLE = ("U0ANNA", "U0BORIS", "U0CARLA")
BODIES = (
    "SELECT d.recipient FROM deliveries d JOIN delivery_payloads p ON p.hash = d.payload"
    " WHERE d.purpose = 'digest' AND p.body != '' ORDER BY d.recipient"
)


def _query(deployment: Deployment, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(deployment.workdir / "socialbot.db") as db:
        try:
            return db.execute(sql).fetchall()
        except sqlite3.OperationalError:  # the tables are not there yet
            return []


def test_a_digest_body_is_dropped_once_it_went_and_kept_while_it_may_go_again(
    deployment: Deployment,
) -> None:
    slack = deployment.slack
    slack.users = {uid: {"id": uid, "name": uid.lower(), "tz": "UTC"} for uid in PEOPLE}
    slack.unknown_users = {"U0CARLA"}  # gone from Slack: her digest fails for good

    bot = deployment.start()
    fetched = "SELECT count(*) FROM content_feeds WHERE last_success_at IS NOT NULL"
    bot.wait_for("the feed", lambda: _query(deployment, fetched) == [(1,)] or None)
    bot.wait_for_log("synced Slack members")
    assert bot.stop().returncode == 0
    day = date.today().isoformat()
    sent = deployment.cli("digest", "send", "--now")
    assert f"Digest {day}: 2 sent, 1 failed." in sent.stdout, sent.stdout + sent.stderr
    # review16a W11: "elapsed=4.493699816521257e-05" in the progress lines.
    elapsed = re.findall(r"\belapsed\W+([^\s,}]+)", sent.stderr)
    assert elapsed and all(re.fullmatch(r"\d+\.\d", value) for value in elapsed), sent.stderr
    assert len(_query(deployment, BODIES)) == 3  # each digest is personal: its own body

    # The daily clean-up, at the next start: what went is no longer kept, what failed is.
    bot = deployment.start()
    bot.wait_for_log("old deliveries pruned")
    assert bot.stop().returncode == 0
    assert _query(deployment, BODIES) == [("U0CARLA",)]  # `deliveries retry` can send it again
    states = "SELECT state, count(*) FROM deliveries WHERE purpose = 'digest' GROUP BY state"
    assert _query(deployment, states) == [("failed", 1), ("sent", 2)]  # the rows stay
