"""The managers' App Home shows the latest insights chart (drawn again when there is none from
the last week) as a file uploaded for the Home alone, shared nowhere: never the upload of a
message shared in one manager's DM. The Home is published at once, and again with the chart
once it is uploaded."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from slack_sdk.models.views import View

from handlers.core import SECTION_FAILED
from handlers.texts import text_for
from tests.fakes.slack_requests import calls, home_opened, post_json, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.insights.test_slack import MANAGER, weekly_tick
from tests.insights.test_slack import make_bot as make_bot

CHART_FAILED = text_for("ins_chart_failed", "en")

WEEK = 7 * 24 * 3600


async def open_home(bot: Any, slack: FakeSlack, user: str, publishes: int = 1) -> dict[str, Any]:
    """Open `user`'s App Home with a signed event; the view the bot published last (after
    `publishes` calls of views.publish)."""
    published = len(calls(slack, "views.publish"))
    assert (await post_json(bot, home_opened(user, f"EvHOME{user}{published}"))).status == 200
    view = dict((await wait_for_call(slack, "views.publish", published + publishes))[-1]["view"])
    View(**view).validate_json()  # Block Kit's limits, as slack_sdk's models know them
    return view


def images(view: dict[str, Any]) -> list[dict[str, Any]]:
    return [block for block in view["blocks"] if block["type"] == "image"]


async def test_a_manager_home_shows_a_chart_uploaded_for_it(make_bot, slack) -> None:
    bot = await make_bot()

    assert images(await open_home(bot, slack, "W222")) == []  # not a manager: no insights
    assert "Insights" not in json.dumps(await open_home(bot, slack, "W222"))
    slack.fail("files.getUploadURLExternal", "missing_scope")  # an app without files:write
    refused = await open_home(bot, slack, MANAGER)
    assert images(refused) == [] and "Insights: " in json.dumps(refused)  # the rest is there
    await wait_for_call(slack, "files.getUploadURLExternal")  # tried after publishing, refused
    slack.processing = 1  # Slack refuses a fresh upload for a moment: published once more
    view = await open_home(bot, slack, MANAGER, publishes=3)  # the scope granted: uploaded

    (upload,) = slack.files.values()
    assert upload.completed and upload.channel == ""  # uploaded, shared nowhere
    assert not [message for message in slack.messages if message.files]  # no message with it
    (image,) = images(view)
    assert image["slack_file"] == {"id": upload.file_id}
    assert image["alt_text"] == upload.alt_txt
    assert re.search(r" \d+ in all \(LinkedIn \d+, X \d+, Facebook \d+\)", image["alt_text"])
    assert "Insights: " in json.dumps(view) and "(7 days)" in json.dumps(view)

    again = await open_home(bot, slack, MANAGER)  # the same chart: not uploaded again
    assert images(again) == [image] and len(slack.files) == 1

    # A week later the chart is drawn again for the Home.
    db = bot.runtime.db
    with db.conn:
        db.execute("UPDATE insights_latest_charts SET drawn_at = drawn_at - ?", [WEEK + 60])
    (before,) = db.execute("SELECT drawn_at FROM insights_latest_charts").fetchone()
    await open_home(bot, slack, MANAGER)  # published once drawn (uploaded if it differs)
    (after,) = db.execute("SELECT drawn_at FROM insights_latest_charts").fetchone()
    assert after > before + WEEK


async def test_the_home_never_shows_the_weekly_upload(make_bot, slack) -> None:
    bot = await make_bot()
    await weekly_tick(bot, 0.02)
    await wait_for_call(slack, "files.completeUploadExternal")
    await weekly_tick(bot, 0.05)
    (weekly,) = slack.files.values()
    assert weekly.channel == slack.dm_channel(MANAGER)
    assert weekly.title == "Insights: 23 Nov 2026 to 30 Nov 2026 (7 days)"  # named after its period

    view = await open_home(bot, slack, MANAGER, publishes=2)
    first = calls(slack, "views.publish")[-2]["view"]  # at once, before the upload
    assert images(first) == [] and "2 of 4 people who got a digest shared" in json.dumps(first)
    (own,) = [upload for upload in slack.files.values() if upload is not weekly]
    assert own.channel == "" and own.data == weekly.data  # the same chart, shared nowhere
    (image,) = images(view)
    assert image["slack_file"] == {"id": own.file_id}
    assert "2 of 4 people who got a digest shared (50%)" in json.dumps(view)

    # Someone deleted the file in Slack: Slack refuses it, the chart is uploaded again.
    del slack.files[own.file_id]
    (image,) = images(await open_home(bot, slack, MANAGER, publishes=3))
    (fresh,) = [upload for upload in slack.files.values() if upload is not weekly]
    assert fresh.channel == "" and image["slack_file"] == {"id": fresh.file_id}


async def test_a_chart_that_cannot_be_drawn_leaves_the_rest_of_the_home(
    make_bot, slack, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await make_bot()
    # matplotlib refuses to start in the drawing process (a broken install, say).
    monkeypatch.setenv("MPLBACKEND", "no-such-backend")

    view = await open_home(bot, slack, MANAGER)
    shown = json.dumps(view)
    assert images(view) == []
    assert CHART_FAILED in shown and "`/socialbot insights 30d` any time" in shown
    assert "socialbot help" in shown and "Your daily digest" in shown  # the rest is there

    # Drawing works again, but a failure is remembered for a while: not drawn on each open.
    monkeypatch.delenv("MPLBACKEND")
    again = await open_home(bot, slack, MANAGER)
    assert images(again) == [] and CHART_FAILED in json.dumps(again)
    assert bot.runtime.db["insights_latest_charts"].count == 0


async def test_a_home_section_that_fails_is_left_out_alone(make_bot, slack) -> None:
    bot = await make_bot()
    db = bot.runtime.db
    with db.conn:  # the insights' table is unreadable (a damaged database, say)
        db.execute("ALTER TABLE insights_latest_charts RENAME TO damaged")

    view = await open_home(bot, slack, MANAGER)
    shown = json.dumps(view)
    assert SECTION_FAILED in shown
    assert "socialbot help" in shown and "Your daily digest" in shown
    assert "Sorry, something went wrong" not in shown
