"""`GET /readyz`: ready when the database takes writes and the clock runs, whatever Slack says."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.fakes.slack_web_api import FakeSlack


@pytest.fixture
async def make_bot(make_slack_bot) -> AsyncIterator[Any]:
    """`make_slack_bot`, whose clocks are stopped at the end."""
    made: list[Any] = []

    async def make() -> Any:
        made.append(await make_slack_bot())
        return made[-1]

    yield make
    for client in made:
        client.runtime.clock.stop()


async def ready(client: Any, ticking: bool = True) -> tuple[int, dict[str, Any]]:
    """`/readyz`'s status and state, with the clock running (as in `socialbot run`) or not."""
    clock = client.runtime.clock
    if ticking and not clock.running:
        clock.start()
    response = await client.get("/readyz")
    return response.status, await response.json()


async def test_ready_when_every_part_works(make_bot) -> None:
    status, state = await ready(await make_bot())
    assert status == 200, state
    assert state["database"] == {"ok": True}
    assert state["slack"]["ok"] and state["teams"]["ok"] and state["clock"]["ok"]


async def test_not_ready_before_the_clock_runs(make_bot) -> None:
    status, state = await ready(await make_bot(), ticking=False)
    assert status == 503
    assert state["clock"] == {"ok": False}


async def test_not_ready_when_the_database_refuses_writes(make_bot) -> None:
    client = await make_bot()
    db = client.runtime.db
    db.execute("PRAGMA query_only=1")  # what a read-only volume looks like to SQLite
    status, state = await ready(client)
    assert status == 503
    assert state["database"]["ok"] is False
    assert "readonly" in state["database"]["error"]
    assert db.execute("SELECT 1").fetchone() == (1,)  # reads still work: /healthz would not see it
    db.execute("PRAGMA query_only=0")
    assert (await ready(client))[0] == 200


async def test_ready_while_slack_rejects_the_token(make_bot, slack: FakeSlack) -> None:
    slack.fail("auth.test", "invalid_auth")
    status, state = await ready(await make_bot())
    assert status == 200  # Teams' requests still reach the bot (review6 item 2)
    assert state["slack"]["ok"] is False and state["slack"]["error"] == "invalid_auth"
    assert state["database"]["ok"] and state["clock"]["ok"]


async def test_not_ready_when_the_database_is_full(make_bot) -> None:
    # A full disk: the rolled-back write cannot show it (SQLite writes nothing before the
    # commit), so the room left is checked as /healthz checks it (review10b O5).
    client = await make_bot()
    db = client.runtime.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    limit = db.execute("PRAGMA max_page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")  # the file can grow no more
    status, state = await ready(client)
    assert status == 503
    assert state["database"]["ok"] is False and "full" in state["database"]["error"]
    db.execute(f"PRAGMA max_page_count={limit}")
    assert (await ready(client))[0] == 200
