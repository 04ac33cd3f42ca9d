"""An announcer, three colleagues and the bot with announcements, against the fake Slack."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from aiohttp import ClientResponse

from bot.app import Runtime
from handlers.people import Member
from tests.fakes.slack_requests import post_form, slash, view_submission, wait_for_call
from tests.fakes.slack_web_api import FakeSlack

ANNOUNCER = "W111"
PEOPLE = ["U001", "U002", "U003"]
NEWS, GENERAL = "C0NEWS", "C0GENERAL"


def named_channels(slack: FakeSlack) -> None:
    """#news, which the bot was never invited to, and #general, where it is."""
    slack.channel_names.update({NEWS: "news", GENERAL: "general"})
    slack.outside.add(NEWS)


def with_people(runtime: Runtime) -> Runtime:
    """The announcer and three colleagues in the directory."""
    runtime.core.directory.upsert(
        [Member("slack", ANNOUNCER, "Ann Ouncer", "UTC")]
        + [Member("slack", user, f"Person {user}", "Europe/Paris") for user in PEOPLE]
    )
    return runtime


@pytest.fixture
async def make_bot(make_slack_bot: Any) -> Any:
    """`make()` → the bot over HTTP with announcements, W111 an announcer, on one database."""

    async def make(**overrides: Any) -> Any:
        # No weekly insights: on some weekdays a tick "tomorrow" would draw and send them.
        overrides.setdefault("insights", "off")
        overrides.setdefault("announcers", [ANNOUNCER])
        client = await make_slack_bot(**overrides)
        with_people(client.runtime)
        return client

    return make


@pytest.fixture
async def bot(make_bot: Any) -> Any:
    """The bot with announcements."""
    return await make_bot()


def slack_values(values: dict[str, Any]) -> dict[str, Any]:
    """Form values as Slack reports each input kind in a view_submission."""
    shaped: dict[str, Any] = {}
    for name, value in values.items():
        if name in ("audience", "when", "next"):
            shaped[name] = {"type": "static_select", "selected_option": {"value": value}}
        elif name in ("share", "timezones"):
            kind = "checkboxes" if name == "share" else "multi_static_select"
            shaped[name] = {"type": kind, "selected_options": [{"value": v} for v in value]}
        elif name == "date":
            shaped[name] = {"type": "datepicker", "selected_date": value}
        elif name == "time":
            shaped[name] = {"type": "timepicker", "selected_time": value}
        else:
            shaped[name] = {"type": "plain_text_input", "value": value}
    return shaped


GOOD = {
    "headline": "We won the Green Award",
    "message": "Our **new plant** runs on wind.",
    "link": "https://example.com/award",
    "image_url": "",
    "post_linkedin": "",
    "post_x": "",
    "post_facebook": "",
    "audience": "everyone",
    "channels": "",
    "when": "now",
    "date": "",
    "time": "",
    "share": ["ask"],
}


def tomorrow_at(hour: int) -> datetime:
    """Tomorrow at `hour`:00 UTC (the announcer's zone)."""
    day = datetime.now(UTC).date() + timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=UTC)


def later(moment: datetime) -> dict[str, Any]:
    """Form values that schedule the announcement at `moment` (UTC)."""
    return {"when": "later", "date": moment.date().isoformat(), "time": moment.strftime("%H:%M")}


async def open_form(bot: Any, slack: FakeSlack, user: str = ANNOUNCER) -> dict[str, Any]:
    """`/announce` and the modal the bot opened."""
    before = len([c for c in slack.calls if c[0] == "views.open"])
    response = await post_form(bot, slash("/announce", "", user=user))
    assert response.status == 200
    opened = await wait_for_call(slack, "views.open", before + 1)
    view: dict[str, Any] = opened[-1]["view"]
    return view


async def submit(bot: Any, view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Submit `view` with `values`; the acknowledgement's JSON ({} when empty)."""
    response: ClientResponse = await post_form(bot, view_submission(view, slack_values(values)))
    assert response.status == 200
    body = await response.text()
    return json.loads(body) if body else {}


async def preview(bot: Any, slack: FakeSlack, **changes: Any) -> dict[str, Any]:
    """Open the form, submit GOOD with `changes`, and return the preview view."""
    answer = await submit(bot, await open_form(bot, slack), {**GOOD, **changes})
    assert answer.get("response_action") == "update", answer
    view: dict[str, Any] = answer["view"]
    return view


async def announce(bot: Any, slack: FakeSlack, **changes: Any) -> None:
    """Write, preview and confirm an announcement."""
    answer = await submit(bot, await preview(bot, slack, **changes), {"next": "confirm"})
    assert answer == {}
