"""The Bot Connector's token is fetched with an async client ahead of each turn and each
proactive message: while Entra takes its time, the bot goes on answering others (botbuilder's
own path asks msal, whose blocking call would hold the event loop)."""

from __future__ import annotations

import asyncio

import pytest

from bot.delivery.gateway import TransientFailure
from handlers.views import Message
from tests.fakes.microsoft_graph import FakeGraph
from tests.fakes.openid_metadata import FakeOpenIdMetadata
from tests.teams.conftest import BOT_APP_ID, MakeTeams
from tests.teams.test_reports import MEGAN, PERSONAL
from tests.teams.test_signing_keys import SERVICE_URL, claims, until

SECRET = "a-client-secret"
TENANT = "botframework.com"  # a multi-tenant bot's tokens come from this tenant


async def test_a_send_waits_for_its_token_while_the_bot_answers_others(
    make_teams: MakeTeams,
) -> None:
    first = await make_teams()  # auth off, as with the Emulator: the chat is remembered
    await first.post(PERSONAL, text="hi")
    async with FakeGraph(BOT_APP_ID, SECRET, TENANT) as login:
        again = await make_teams(  # restarted with credentials: no token yet
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password=SECRET,
            microsoft_login_url=login.login_url,
        )
        again.connector.calls.clear()
        login.hold()
        payload = again.bot.gateway.render(Message("Your digest"))
        sending = asyncio.ensure_future(again.bot.gateway.send(MEGAN, payload))
        await until(lambda: login.count("token") == 1)
        health = await again.client.get("/healthz")  # answered while the token is on its way
        assert health.status in (200, 503)
        assert not sending.done() and again.connector.calls == []
        login.release()

        assert (await sending).startswith("activity-")
        (token,) = login.calls
        assert token.path == f"/{TENANT}/oauth2/v2.0/token"
        assert token.form["scope"] == "https://api.botframework.com/.default"
        (sent,) = again.connector.calls
        assert sent.authorization == "Bearer fake-graph-token-1"

        again.connector.calls.clear()  # the token is reused until shortly before it expires
        await again.bot.gateway.send(MEGAN, payload)
        assert [call.authorization for call in again.connector.calls] == [sent.authorization]
        assert login.count("token") == 1


async def test_a_send_without_a_token_is_known_not_sent(make_teams: MakeTeams) -> None:
    first = await make_teams()
    await first.post(PERSONAL, text="hi")
    async with FakeGraph(BOT_APP_ID, "the-right-secret", TENANT) as login:
        again = await make_teams(
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password="an-old-secret",
            microsoft_login_url=login.login_url,
        )
        again.connector.calls.clear()
        payload = again.bot.gateway.render(Message("Your digest"))
        with pytest.raises(TransientFailure) as failed:
            await again.bot.gateway.send(MEGAN, payload)

    assert failed.value.maybe_delivered is False  # retried later, never looked up first
    assert again.connector.calls == []
    assert login.count("token") == 1


async def test_while_the_login_fails_turns_share_one_fetch_and_then_fail_fast(
    make_teams: MakeTeams, openid_metadata: FakeOpenIdMetadata, caplog: pytest.LogCaptureFixture
) -> None:
    async with FakeGraph(BOT_APP_ID, "the-right-secret", TENANT) as login:
        teams = await make_teams(
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password="an-old-secret",
            microsoft_login_url=login.login_url,
        )
        await until(lambda: teams.bot.health()["signing_keys"] == 1)
        junk = await teams.post(
            PERSONAL, headers={"Authorization": "Bearer junk"}, serviceUrl=SERVICE_URL
        )
        assert junk.status == 401 and login.calls == []  # refused before any token is asked

        login.hold()  # Microsoft's login is slow, then refuses
        genuine = {"Authorization": f"Bearer {openid_metadata.token(claims())}"}
        turns = [
            asyncio.ensure_future(
                teams.post(PERSONAL, headers=genuine, serviceUrl=SERVICE_URL, id=f"turn-{n}")
            )
            for n in range(3)
        ]
        await until(lambda: login.count("token") == 1)
        login.release()
        await asyncio.gather(*turns)
        late = await teams.post(PERSONAL, headers=genuine, serviceUrl=SERVICE_URL, id="late")

    assert late.status < 600
    assert login.count("token") == 1  # one fetch for all, and none again right after it failed
    assert teams.connector.calls == []
    failures = [r for r in caplog.records if r.getMessage().startswith("no token from Microsoft")]
    assert len(failures) == 1
    assert "invalid_client" in str(failures[0].__dict__["error"])
    health = await (await teams.client.get("/healthz")).json()  # and the admin hears of it
    assert health["teams"]["ok"] is False
    [warning] = [line for line in health["warnings"] if "no token for the Bot Connector" in line]
    assert "invalid_client" in warning and "MICROSOFT_APP_PASSWORD" in warning


async def test_a_token_teams_refuses_is_fetched_again_and_a_lasting_refusal_waits(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    first = await make_teams()
    await first.post(PERSONAL, text="hi")
    async with FakeGraph(BOT_APP_ID, SECRET, TENANT) as login:
        again = await make_teams(
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password=SECRET,
            microsoft_login_url=login.login_url,
        )
        gateway, connector = again.bot.gateway, again.connector
        connector.calls.clear()
        payload = gateway.render(Message("Your digest"))
        connector.fail(401)  # "Authorization has been denied for this request", once

        assert (await gateway.send(MEGAN, payload)).startswith("activity-")
        assert [(call.status, call.authorization) for call in connector.calls] == [
            (401, "Bearer fake-graph-token-1"),
            (200, "Bearer fake-graph-token-2"),  # the refused token dropped, a new one asked
        ]

        connector.fail(401, times=4)  # Teams refuses every token for a while
        for _ in range(2):
            with pytest.raises(TransientFailure) as failed:  # the message waits, not failed
                await gateway.send(MEGAN, payload)
            assert failed.value.maybe_delivered is False
        health = await (await again.client.get("/healthz")).json()
        assert health["teams"]["ok"] is False
        [warning] = [line for line in health["warnings"] if "refuses the bot's token" in line]
        assert "MICROSOFT_APP_PASSWORD" in warning

        assert (await gateway.send(MEGAN, payload)).startswith("activity-")  # Teams takes it
        assert again.bot.health()["ok"] is True
    refused = [r for r in caplog.records if r.getMessage().startswith("Teams refuses the bot's")]
    assert len(refused) == 1  # said once, however many messages it held back
