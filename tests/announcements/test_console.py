"""The console flow: the form asked field by field, a mistake asked again, preview, confirm."""

from __future__ import annotations

import io
import json

from bot.app import Runtime, build_runtime
from bot.console.session import ConsoleSession
from handlers.people import Member
from tests.announcements.conftest import GENERAL, NEWS, PEOPLE, named_channels
from tests.conftest import SettingsFactory
from tests.fakes.slack_requests import SECRET
from tests.fakes.slack_web_api import FakeSlack

FIELDS = [
    "",  # headline: forgotten at first
    "Our new plant runs on **wind**.",
    "https://example.com/award",
    "",  # image
    "",  # LinkedIn post: written from the link
    "Proud of our new plant!",  # X post
    "",  # Facebook post
    "1",  # audience: everyone
    "",  # channels
    "",  # time zones
    "1",  # when: now
    "",  # date
    "",  # time
    "",  # sharing: keep "ask"
    "We won the Green Award",  # the headline, asked again
    "",  # preview: keep "Confirm"
]


async def on_console(
    make_settings: SettingsFactory, slack: FakeSlack, fields: list[str]
) -> tuple[Runtime, str]:
    """`/announce` on the console by alice, an announcer, answering `fields`; what it said."""
    settings = make_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=slack.url,
        announcers=["alice"],
    )
    runtime = build_runtime(settings)
    runtime.core.directory.upsert([Member("slack", user, user, "Europe/Paris") for user in PEOPLE])
    out = io.StringIO()
    script = "/announce\n" + "\n".join(fields) + "\n"
    await ConsoleSession(runtime.core, io.StringIO(script), out, "alice").run()
    return runtime, out.getvalue()


async def test_an_announcement_from_the_console_goes_out_on_slack(make_settings, slack: FakeSlack):
    runtime, text = await on_console(make_settings, slack, FIELDS)
    assert "! Write a headline" in text
    assert "This is what 3 people will get, now." in text
    assert "Proud of our new plant!" in text and "[#1 Share on LinkedIn]" in text
    assert "Announcement #1 is on its way to 3 people." in text

    async with runtime.delivery:
        await runtime.delivery.run_until_done("announcement", "1")
    assert {user: len(slack.messages_in(user)) for user in PEOPLE} == {u: 1 for u in PEOPLE}
    runtime.db.close()


async def test_channels_typed_by_name_are_found_and_the_bot_not_in_one_is_said(
    make_settings, slack: FakeSlack
) -> None:
    named_channels(slack)
    # Headline, message, link, image, three posts, audience, channels, time zones, when, date,
    # time, sharing; then the channels asked again, and the preview's "Confirm".
    fields = ["Launch", "Hi", "https://example.com/l", "", "", "", "", "2", "#general, #nowhere",
              "", "1", "", "", "", "#general, #news", ""]  # fmt: skip
    runtime, text = await on_console(make_settings, slack, fields)
    assert "I can't find #nowhere: check the spelling" in text
    assert "@socialbot is not in #news: type /invite @socialbot there first." in text
    assert "This is what 2 channels will get" in text
    (row,) = runtime.db["announcements"].rows
    assert json.loads(row["channels"]) == [GENERAL, NEWS]
    runtime.db.close()


async def test_the_console_needs_a_chat_platform_to_announce(make_settings) -> None:
    runtime = build_runtime(make_settings(announcers=["alice"]))
    out = io.StringIO()
    await ConsoleSession(runtime.core, io.StringIO("/announce\n"), out, "alice").run()
    assert "Announcements from the console go out on Slack" in out.getvalue()
    runtime.db.close()
