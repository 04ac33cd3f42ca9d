"""Bot Framework's signing keys are read ahead, off the event loop and with a timeout: a forged
token never stalls the bot, even while the keys' endpoint is slow (issue 14, point 4)."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import jwt
import pytest
from botbuilder.schema import Activity

from tests.fakes.openid_metadata import FakeOpenIdMetadata, new_key
from tests.teams.conftest import BOT_APP_ID, MakeTeams, load_activity

PERSONAL = "teams-message-personal.json"
SERVICE_URL = "https://smba.trafficmanager.net/emea/"
METADATA = "/v1/.well-known/openidconfiguration"


def claims(**changes: Any) -> dict[str, Any]:
    """A Teams channel token's claims for this bot."""
    now = int(time.time())
    return {
        "iss": "https://api.botframework.com",
        "aud": BOT_APP_ID,
        "serviceurl": SERVICE_URL,
        "nbf": now - 60,
        "exp": now + 3600,
        **changes,
    }


async def until(condition: Any, seconds: float = 5.0) -> None:
    """Wait (on the event loop) until `condition()` holds."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the condition never held")


async def test_healthz_answers_while_a_forged_token_waits_for_slow_keys(
    make_teams: MakeTeams, openid_metadata: FakeOpenIdMetadata
) -> None:
    openid_metadata.hold()  # the keys' endpoint answers nothing for now
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-secret")
    forged = openid_metadata.token(claims(), key=new_key())  # the right key id, another key
    activity = load_activity(PERSONAL, SERVICE_URL)
    headers = {"Authorization": f"Bearer {forged}"}

    checking = asyncio.ensure_future(
        teams.client.post("/api/messages", json=activity, headers=headers)
    )
    await until(lambda: METADATA in openid_metadata.requests)
    health = await (await teams.client.get("/healthz")).json()  # (the clock is not running)

    assert health["teams"]["ok"] and health["teams"]["signing_keys"] == 0
    assert not checking.done()  # still waiting for the keys, and nobody else is
    openid_metadata.release()
    assert (await checking).status == 401
    assert openid_metadata.requests == [METADATA, "/keys"]  # read once, at start
    assert teams.connector.calls == []
    assert (await (await teams.client.get("/healthz")).json())["teams"]["signing_keys"] == 1


async def test_keys_read_at_start_check_tokens_without_reading_again(
    make_teams: MakeTeams, openid_metadata: FakeOpenIdMetadata
) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-secret")
    await until(lambda: teams.bot.health()["signing_keys"] == 1)
    activity = load_activity(PERSONAL, SERVICE_URL)

    genuine = openid_metadata.token(claims())
    result = await teams.bot.auth.authenticate_request(
        Activity().deserialize(activity), f"Bearer {genuine}"
    )
    other = new_key()
    for number in range(5):  # forged tokens naming keys nobody published
        token = jwt.encode(claims(), other, algorithm="RS256", headers={"kid": f"k{number}"})
        response = await teams.client.post(
            "/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status == 401

    assert result.claims_identity.is_authenticated
    assert result.claims_identity.get_claim_value("aud") == BOT_APP_ID
    # Read at start, and not again for keys nobody published: no reading per forged token.
    assert openid_metadata.requests == [METADATA, "/keys"]


async def test_keys_are_read_through_the_servers_proxy(
    make_teams: MakeTeams, openid_metadata: FakeOpenIdMetadata, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", openid_metadata.url)  # the only way out of this server
    for name in ("NO_PROXY", "no_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    teams = await make_teams(
        microsoft_app_id=BOT_APP_ID,
        microsoft_app_password="a-secret",
        microsoft_openid_url="http://login.botframework.example/",  # resolved by the proxy only
    )

    await until(lambda: teams.bot.health()["signing_keys"] == 1)
    assert openid_metadata.requests[0] == f"http://login.botframework.example{METADATA}"


async def test_healthz_says_teams_is_deaf_while_no_signing_key_can_be_read(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(
        microsoft_app_id=BOT_APP_ID,
        microsoft_app_password="a-secret",
        microsoft_openid_url="http://127.0.0.1:9/",  # nothing listens: the way out is closed
    )
    await until(lambda: teams.bot.health()["keys_error"] is not None)
    health = await (await teams.client.get("/healthz")).json()

    assert health["teams"]["ok"] is False
    [warning] = [line for line in health["warnings"] if "signing keys" in line]
    assert "every Teams request is refused" in warning and "127.0.0.1:9" in warning


async def test_healthz_and_the_log_say_why_every_teams_token_is_refused(
    make_teams: MakeTeams, openid_metadata: FakeOpenIdMetadata, caplog: pytest.LogCaptureFixture
) -> None:
    # Teams' counterpart of review12b D1: genuine tokens refused for a MICROSOFT_APP_ID that is
    # not the Azure Bot's, or a clock minutes off, were only counted (`rejected_requests`).
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-secret")
    await until(lambda: teams.bot.health()["signing_keys"] == 1)
    activity = load_activity(PERSONAL, SERVICE_URL)
    now = int(time.time())

    async def refused(**changes: Any) -> list[str]:
        token = openid_metadata.token(claims(**changes))
        for _ in range(3):
            response = await teams.client.post(
                "/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
            )
            assert response.status == 401
        health = await (await teams.client.get("/healthz")).json()
        return [line for line in health["warnings"] if "Bot Framework token" in line]

    [other_app] = await refused(aud="a1b2c3d4-0000-4000-8000-00000000000a")
    assert "every Teams request with a Bot Framework token since" in other_app
    assert (
        "the tokens are for the app a1b2c3d4-0000-4000-8000-00000000000a, not MICROSOFT_APP_ID"
        f" ({BOT_APP_ID}); copy the Microsoft App ID from the Azure Bot's Configuration page"
    ) in other_app
    warned = [r for r in caplog.records if "Bot Framework token" in r.getMessage()]
    assert [r.levelname for r in warned] == ["WARNING"]  # once, at the third in a row
    [clock] = await refused(nbf=now - 4800, exp=now - 1200)
    assert re.search(r"this server's clock is about 12\d\d s ahead of Microsoft's", clock)
    assert teams.connector.calls == []
