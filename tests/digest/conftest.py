"""A workspace in three time zones, two feeds, and the bot with the digest, on the fake Slack."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientResponse

from content_feed import store
from content_feed.manage import add_feed
from content_feed.parse import ParsedItem
from handlers.digest import ids
from handlers.texts import TEXTS
from tests.fakes.slack_requests import post_form, view_submission, wait_for_call
from tests.fakes.slack_web_api import FakeSlack

# Monday 23 November 2026; the fallback zone (SOCIALBOT_TIMEZONE) is Tokyo.
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)
FALLBACK_ZONE = "Asia/Tokyo"
COPENHAGEN, NEW_YORK, NO_ZONE = "UCPH", "UNYC", "UNOTZ"
HUMANS = (COPENHAGEN, NEW_YORK, NO_ZONE)
MANAGER = "W111"


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A UTC instant in November 2026."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=UTC)


def slack_user(uid: str, tz: str | None, **extra: Any) -> dict[str, Any]:
    """A users.list member."""
    user: dict[str, Any] = {"id": uid, "name": uid.lower(), "profile": {"real_name": uid}}
    return {**user, **({"tz": tz} if tz else {}), **extra}


WORKSPACE = [
    slack_user(COPENHAGEN, "Europe/Copenhagen"),
    slack_user(NEW_YORK, "America/New_York"),
    slack_user(NO_ZONE, None),
    slack_user("UBOT", "Europe/Copenhagen", is_bot=True),
    slack_user("UGONE", "Europe/Copenhagen", deleted=True),
    slack_user("UGUEST", "Europe/Copenhagen", is_restricted=True),
]


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS feed of (guid, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{name}</title><link>https://news.example.com/{guid}</link>"
        f"<guid>{guid}</guid><pubDate>{date}</pubDate>"
        f"<description>{name}, told in a few words.</description></item>"
        for guid, name, date in items
    )
    channel = f"<channel><title>{title}</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


async def add_feeds(db: Any, folder: Path) -> None:
    """A company feed with two items and an industry feed with one, added on Sunday."""
    company = folder / "company.xml"
    company.write_text(
        rss(
            "Example Corp news",
            [
                ("c1", "Example Corp opens an office", "Sat, 21 Nov 2026 08:00:00 +0000"),
                ("c2", "Example Corp wins a green award", "Fri, 20 Nov 2026 08:00:00 +0000"),
            ],
        )
    )
    industry = folder / "industry.xml"
    industry.write_text(
        rss("Industry weekly", [("i1", "Wind power grows", "Sat, 21 Nov 2026 09:00:00 +0000")])
    )
    sunday = at(22, 12)
    await add_feed(db, str(company), "company", allow_files=True, now=sunday)
    await add_feed(db, str(industry), "industry", allow_files=True, now=sunday)


def add_item(db: Any, feed_id: int, guid: str, title: str, when: datetime) -> None:
    """A new item arriving in an already seeded feed."""
    item = ParsedItem(guid, title, f"https://news.example.com/{guid}", when, f"{title}.", None)
    store.store_items(db, store.get_feed(db, feed_id), [item], when)


@pytest.fixture
async def make_bot(make_slack_bot: Any, slack: FakeSlack, tmp_path: Path) -> Any:
    """`make()` → the bot over HTTP with the digest and the workspace synced, one database."""
    slack.users = {user["id"]: user for user in WORKSPACE}

    async def make(**overrides: Any) -> Any:
        settings = {"timezone": FALLBACK_ZONE, "social_media_managers": [MANAGER], **overrides}
        client = await make_slack_bot(**settings)
        client.digest = client.runtime.digest
        await client.runtime.slack.sync_people()
        return client

    return make


@pytest.fixture
async def bot(make_bot: Any, tmp_path: Path) -> Any:
    """The bot with the digest and two feeds holding three suggestible items."""
    client = await make_bot()
    await add_feeds(client.runtime.db, tmp_path)
    return client


async def delivered(bot: Any, day: str) -> None:
    """Wait until the digests keyed `day` are sent."""
    await bot.runtime.delivery.run_until_done(ids.PURPOSE, day)


# A digest's header, in every language it may be in.
HEADERS = {texts["digest_header"] for texts in TEXTS.values()}


def digests_to(slack: FakeSlack, user: str) -> list[Any]:
    """The digest DMs `user` received."""
    return [
        m
        for m in slack.messages_in(user)
        if any(b["type"] == "header" and b["text"]["text"] in HEADERS for b in m.blocks)
    ]


def slack_values(values: dict[str, Any]) -> dict[str, Any]:
    """Preference values as Slack reports each input kind in a view_submission."""
    shaped: dict[str, Any] = {}
    for name, value in values.items():
        if name in (ids.ENABLED, ids.LEADERBOARD):
            shaped[name] = {"type": "static_select", "selected_option": {"value": value}}
        elif name in (ids.DAYS, ids.NETWORKS):
            shaped[name] = {"type": "checkboxes", "selected_options": [{"value": v} for v in value]}
        elif name == ids.TIME:
            shaped[name] = {"type": "timepicker", "selected_time": value}
        else:
            shaped[name] = {"type": "plain_text_input", "value": value}
    return shaped


async def submit(bot: Any, view: dict[str, Any], values: dict[str, Any], user: str) -> Any:
    """Submit the preferences modal; the acknowledgement's JSON ({} when empty)."""
    body = view_submission(view, slack_values(values), user=user)
    response: ClientResponse = await post_form(bot, body)
    assert response.status == 200
    text = await response.text()
    return json.loads(text) if text else {}


async def opened_view(slack: FakeSlack, before: int) -> dict[str, Any]:
    """The modal the bot opened after `before` earlier ones."""
    opened = await wait_for_call(slack, "views.open", before + 1)
    view: dict[str, Any] = opened[-1]["view"]
    return view
