"""`/healthz` and `/readyz` tell a stranger only "ok" (review8b I): the workspace, auth state,
errors and warnings go to this machine, a private network or the token's bearer."""

from __future__ import annotations

from typing import Any

import pytest

STRANGER = {"X-Forwarded-For": "93.184.216.34"}  # a proxy on this machine naming its client


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
async def test_a_stranger_hears_only_whether_the_bot_is_ok(make_slack_bot: Any, path: str) -> None:
    client = await make_slack_bot(health_token="health-s3cret")
    client.runtime.clock.start()
    try:
        full = await (await client.get(path)).json()
        private = await (await client.get(path, headers={"X-Forwarded-For": "10.1.2.3"})).json()
        response = await client.get(path, headers=STRANGER)
        stranger = await response.json()
        bearer = {**STRANGER, "Authorization": "Bearer health-s3cret"}
        with_token = await (await client.get(path, headers=bearer)).json()
        wrong = {**STRANGER, "Authorization": "Bearer nope"}
        wrong_token = await (await client.get(path, headers=wrong)).json()
    finally:
        client.runtime.clock.stop()

    assert full["slack"]["team"] and "rejected_requests" in full["teams"]
    for shown in (private, with_token):  # the whole state (times in it move on)
        assert shown.keys() == full.keys() and shown["slack"] == full["slack"]
    assert response.status == 200 and stranger["ok"] is True
    assert (
        stranger
        == wrong_token
        == {
            name: {"ok": part["ok"]} if isinstance(part, dict) else part
            for name, part in full.items()
            if name == "ok" or (isinstance(part, dict) and "ok" in part)
        }
    )
    assert stranger["slack"] == {"ok": True} and "warnings" not in stranger
