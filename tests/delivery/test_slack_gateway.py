"""The Slack gateway: Slack's answers turned into the engine's failure classes, and `find`."""

from __future__ import annotations

import socket
import time
from functools import partial
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.gateway import (
    CannotTell,
    DeliveryError,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.slack.gateway import CHECKED_FOR, SlackGateway
from bot.store import open_database
from handlers import people
from handlers.people import Directory, Member
from handlers.views import Message
from tests.fakes.slack_web_api import FakeSlack

POST = "chat.postMessage"


async def test_a_dm_is_posted_by_user_id_with_its_token(
    gateway: SlackGateway, slack: FakeSlack
) -> None:
    reference = await gateway.send("U1", gateway.render(Message("hi")), "tok-1")
    (posted,) = slack.messages
    assert reference == f"D1/{posted.ts}"
    # Asked first whether U1 is deactivated (Slack would take the DM all the same).
    assert [method for method, _ in slack.calls] == ["users.info", POST]
    assert posted.metadata == {
        "event_type": "socialbot_delivery",
        "event_payload": {"token": "tok-1"},
    }


async def test_the_directory_seeing_someone_active_spares_the_users_info_check(
    slack: FakeSlack, tmp_path: Path
) -> None:
    # review16b R10: someone the member sync saw a second ago was looked up again before a DM.
    directory = Directory(open_database(tmp_path / "people.db", [people.migrations]))
    directory.upsert([Member("slack", "U1", "Ann"), Member("slack", "U2", "Bo")])
    stale = time.time() - CHECKED_FOR - 60  # Bo's row is from the sync of yesterday
    directory.db.execute("UPDATE people SET updated_at = ? WHERE user_id = 'U2'", [stale])
    client = AsyncWebClient(token="xoxb-t", base_url=slack.url)
    gateway = SlackGateway(client, seen_active=partial(directory.seen_active_at, "slack"))
    try:
        for person in ("U1", "U2", "U3"):  # U3: not in the directory
            await gateway.send(person, gateway.render(Message("hi")), f"tok-{person}")
    finally:
        await gateway.close()
    assert [body["user"] for method, body in slack.calls if method == "users.info"] == ["U2", "U3"]
    assert len(slack.messages) == 3


@pytest.mark.parametrize(
    ("error", "status", "kind", "maybe_delivered"),
    [
        ("user_not_found", None, PermanentFailure, None),
        ("account_inactive", None, PermanentFailure, None),
        ("is_archived", None, PermanentFailure, None),
        ("invalid_blocks", None, PermanentFailure, None),
        ("fatal_error", None, TransientFailure, True),
        ("internal_error", 500, TransientFailure, True),
        ("service_unavailable", 503, TransientFailure, False),
    ],
)
async def test_slack_errors_are_classified(
    gateway: SlackGateway,
    slack: FakeSlack,
    error: str,
    status: int | None,
    kind: type[DeliveryError],
    maybe_delivered: bool | None,
) -> None:
    slack.fail(POST, error, status=status)
    with pytest.raises(kind) as raised:
        await gateway.send("U1", gateway.render(Message("hi")), "tok")
    if maybe_delivered is not None:
        assert isinstance(raised.value, TransientFailure)
        assert raised.value.maybe_delivered is maybe_delivered
    assert slack.count(POST) == 1  # slack_sdk retried nothing on its own


async def test_429_becomes_rate_limited_without_a_retry(
    gateway: SlackGateway, slack: FakeSlack
) -> None:
    slack.fail(POST, "ratelimited", retry_after=7)
    with pytest.raises(RateLimited) as raised:
        await gateway.send("U1", gateway.render(Message("hi")), "tok")
    assert (raised.value.retry_after, raised.value.scope) == (7, "platform")
    assert slack.count(POST) == 1


async def test_no_server_is_a_transient_failure_that_surely_did_not_arrive() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gateway = SlackGateway(AsyncWebClient(token="xoxb-t", base_url=f"http://127.0.0.1:{port}/api/"))
    with pytest.raises(TransientFailure) as raised:
        await gateway.send("U1", gateway.render(Message("hi")), "tok")
    assert raised.value.maybe_delivered is False
    await gateway.close()


async def test_a_timeout_may_have_delivered() -> None:
    async with FakeSlack(latency=1.0) as slack:
        client = AsyncWebClient(token="xoxb-t", base_url=slack.url)
        gateway = SlackGateway(client, timeout=0.2)
        with pytest.raises(TransientFailure) as raised:
            await gateway.send("U1", gateway.render(Message("hi")), "tok")
        assert raised.value.maybe_delivered is True
        # The log and the ledger say what happened, not "TimeoutError: " (review12b D9).
        assert str(raised.value) == "TimeoutError: no answer in time"
        await gateway.close()


async def test_find_recognises_its_own_message(gateway: SlackGateway, slack: FakeSlack) -> None:
    reference = await gateway.send("U1", gateway.render(Message("hi")), "tok-1")
    await gateway.send("C9", gateway.render(Message("hello")), "tok-2")
    assert await gateway.find("U1", "tok-1", since=0) == reference
    assert await gateway.find("U1", "tok-2", since=0) is None
    assert (await gateway.find("C9", "tok-2", since=0) or "").startswith("C9/")


async def test_find_says_when_it_cannot_tell(gateway: SlackGateway, slack: FakeSlack) -> None:
    slack.fail("conversations.history", "missing_scope")
    with pytest.raises(CannotTell):
        await gateway.find("U1", "tok", since=0)
    slack.unknown_users = {"U2"}
    assert await gateway.find("U2", "tok", since=0) is None
