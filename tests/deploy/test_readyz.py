"""`GET /readyz`: ready when the database takes writes, the clock runs and Slack is connected."""

from __future__ import annotations

from typing import Any

from tests.fakes.slack_web_api import FakeSlack


async def ready(client: Any) -> tuple[int, dict[str, Any]]:
    response = await client.get("/readyz")
    return response.status, await response.json()


async def test_ready_when_every_part_works(make_slack_bot) -> None:
    client = await make_slack_bot()
    client.runtime.clock.start()
    try:
        status, state = await ready(client)
    finally:
        client.runtime.clock.stop()
    assert status == 200, state
    assert state["database"] == {"ok": True}
    assert state["slack"]["ok"] and state["teams"]["ok"] and state["clock"]["ok"]


async def test_not_ready_before_the_clock_runs(make_slack_bot) -> None:
    client = await make_slack_bot()
    status, state = await ready(client)
    assert status == 503
    assert state["clock"] == {"ok": False}


async def test_not_ready_when_the_database_refuses_writes(make_slack_bot) -> None:
    client = await make_slack_bot()
    client.runtime.clock.start()
    db = client.runtime.db
    db.execute("PRAGMA query_only=1")  # what a read-only volume looks like to SQLite
    try:
        status, state = await ready(client)
        db.execute("PRAGMA query_only=0")
        assert (await ready(client))[0] == 200
    finally:
        client.runtime.clock.stop()
    assert status == 503
    assert state["database"]["ok"] is False
    assert "readonly" in state["database"]["error"]
    assert db.execute("SELECT 1").fetchone() == (1,)  # reads still work: /healthz would not see it


async def test_not_ready_while_slack_rejects_the_token(make_slack_bot, slack: FakeSlack) -> None:
    slack.fail("auth.test", "invalid_auth")
    client = await make_slack_bot()
    client.runtime.clock.start()
    try:
        status, state = await ready(client)
    finally:
        client.runtime.clock.stop()
    assert status == 503
    assert state["slack"]["ok"] is False
    assert state["database"]["ok"] and state["clock"]["ok"]
