"""Insights on Slack: the weekly chart uploaded through files_upload_v2 (against the fake Web
API), once a week even across a restart, and `/socialbot insights` for managers only."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot.slack.manifest import BOT_SCOPES
from content_feed import store
from handlers.people import Member
from tests.fakes.slack_requests import calls, post_form, slash, wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.insights.conftest import ZONE, fill, later

MANAGER = "W111"


@pytest.fixture
async def make_bot(make_slack_bot):
    async def make() -> Any:
        bot = await make_slack_bot(social_media_managers=[MANAGER], timezone=ZONE)
        if not bot.runtime.db["people"].count:
            fill(bot.runtime.db)
        return bot

    return make


async def weekly_tick(bot: Any, hours: float) -> None:
    await bot.runtime.core.tick(later(hours))
    await bot.runtime.core.settle()


def shared_files(slack: FakeSlack) -> list[Any]:
    """The messages with files in the manager's DM (report cards go there too)."""
    return [message for message in slack.messages_in(MANAGER) if message.files]


def uploaded_png(slack: FakeSlack) -> list[bytes]:
    return [upload.data for upload in slack.files.values() if upload.completed]


def ready_to_draw(bot: int | None = None) -> int | None:
    """The pid of the process drawing the chart (a child of `bot`, else of this one) once it
    is ready to draw, SIGTERM and SIGINT ignored (one after the other): left to the bot to
    answer."""
    stops = (1 << (signal.SIGTERM - 1)) | (1 << (signal.SIGINT - 1))
    for children in Path(f"/proc/{bot or os.getpid()}/task").glob("*/children"):
        for pid in children.read_text().split():
            with contextlib.suppress(OSError):
                if b"spawn_main" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                    continue  # the resource tracker, say
                status = Path(f"/proc/{pid}/status").read_text()
                if int(status.split("SigIgn:")[1].split()[0], 16) & stops == stops:  # both
                    return int(pid)
    return None


async def drawing_process() -> int:
    """`ready_to_draw`'s pid, waited for."""
    for _ in range(3000):
        if (pid := ready_to_draw()) is not None:
            return pid
        await asyncio.sleep(0.01)
    raise AssertionError("no drawing process that leaves SIGTERM and SIGINT to the bot")


def running(pid: int) -> bool:
    """Whether process `pid` runs (a zombie, ended and not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the processes in /proc")
def test_the_drawing_process_ends_with_a_killed_bot() -> None:
    # The drawing process ignores SIGTERM and SIGINT (review12b D9); a bot killed outright
    # (SIGKILL, the OOM killer) left it running as an orphan, ~85 MB each time.
    command = [sys.executable, "-m", "tests.insights.drawing_bot"]
    root = Path(__file__).resolve().parents[2]
    bot = subprocess.Popen(command, cwd=root, stderr=subprocess.DEVNULL)  # its leak warnings
    try:
        drawing = None
        for _ in range(3000):
            if (drawing := ready_to_draw(bot.pid)) is not None:
                break
            time.sleep(0.01)
        assert drawing is not None, "the bot never began to draw"
        bot.kill()
        bot.wait()
        for _ in range(500):
            if not running(drawing):
                break
            time.sleep(0.01)
        else:
            os.kill(drawing, signal.SIGKILL)  # the orphan this test made
            raise AssertionError("the drawing process outlived the bot")
    finally:
        bot.kill()


async def test_the_weekly_chart_is_uploaded_to_the_managers_once(make_bot, slack) -> None:
    bot = await make_bot()

    await weekly_tick(bot, -0.5)  # Monday 08:30 in Copenhagen: not yet
    assert calls(slack, "files.getUploadURLExternal") == []
    ticking = asyncio.create_task(weekly_tick(bot, 0.02))
    # A stop sent to the whole process group while the chart is drawn (systemd, Ctrl-C) is the
    # bot's to answer: it broke the drawing with a BrokenProcessPool traceback (review12b D9).
    drawing = await drawing_process()
    os.kill(drawing, signal.SIGTERM)
    os.kill(drawing, signal.SIGINT)
    await ticking
    await wait_for_call(slack, "files.completeUploadExternal")
    await weekly_tick(bot, 0.05)

    (png,) = uploaded_png(slack)
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (800, 450))
    (upload,) = slack.files.values()
    assert upload.channel == slack.dm_channel(MANAGER)
    assert upload.alt_txt.startswith("Shares per day from 2026-10-06 to 2026-11-30: 6 in all")
    (shared,) = shared_files(slack)
    assert shared.files == (upload.file_id,)
    text = str(shared.blocks)
    assert "Insights: the last 7 days" in text
    assert "2 of 4 people who got a digest shared (50%)" in text


async def test_a_first_week_with_nothing_in_it_sends_no_empty_insights(
    make_slack_bot, slack
) -> None:
    # A first start on a Monday after the weekly time: the team's first message from the new
    # bot is not a report of a week it was not there (review12b D9).
    bot = await make_slack_bot(social_media_managers=[MANAGER], timezone=ZONE)
    await weekly_tick(bot, 0.02)
    await weekly_tick(bot, 0.05)
    queued = bot.runtime.db.execute("SELECT count(*) FROM deliveries WHERE purpose = 'insights'")
    assert queued.fetchone()[0] == 0


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        (
            "",
            "Insights: the last 7 days: nothing happened. No digest went out, nothing was"
            " shared, reported or asked, and no feed failed (23 Nov 2026 to 30 Nov 2026,"
            " Europe/Copenhagen).",
        ),
        (
            "da-DK",
            "Indsigt: de seneste 7 dage: der skete ingenting. Ingen oversigt blev sendt, intet"
            " blev delt, meldt eller spurgt om, og intet feed fejlede (23. nov. 2026 til 30. nov."
            " 2026, Europe/Copenhagen).",
        ),
    ],
)
async def test_a_later_week_with_nothing_in_it_says_so_in_one_line(
    make_slack_bot, slack, locale, said
) -> None:
    # review13c R8: every week with nothing in it sent nothing, not only the bot's first: the
    # team could not tell "nothing happened" from "the bot is broken". fix15a: English whatever
    # the manager's Slack said.
    if locale:
        slack.users = {MANAGER: {"id": MANAGER, "name": "mgr", "profile": {}, "locale": locale}}
    bot = await make_slack_bot(social_media_managers=[MANAGER], timezone=ZONE)
    assert not locale or await bot.runtime.slack.sync_people()
    db = bot.runtime.db
    db.execute("UPDATE _sqlite_migrations SET applied_at = '2026-01-05 08:00:00+00:00'")
    db.conn.commit()  # the bot has been there since January
    await weekly_tick(bot, 0.02)
    await wait_for_call(slack, "chat.postMessage")
    (note,) = slack.messages_in(MANAGER)
    assert note.text == said
    assert not slack.files  # no chart of nothing


async def test_the_weekly_insights_wait_for_the_team_s_day_back_after_a_holiday(
    make_slack_bot, slack
) -> None:
    # review17a M9: SOCIALBOT_INSIGHTS=mon 09:00 went on Easter Monday, though
    # SOCIALBOT_HOLIDAYS named it.
    bot = await make_slack_bot(
        social_media_managers=[MANAGER], timezone=ZONE, holidays=f"{ZONE}=2026-11-30"
    )
    db = bot.runtime.db
    db.execute("UPDATE _sqlite_migrations SET applied_at = '2026-01-05 08:00:00+00:00'")
    db.conn.commit()  # the bot has been there since January
    await weekly_tick(bot, 0.02)  # Monday 09:01, a holiday in Copenhagen
    queued = "SELECT count(*) FROM deliveries WHERE purpose = 'insights'"
    assert db.execute(queued).fetchone()[0] == 0
    await weekly_tick(bot, 24.02)  # Tuesday 09:01
    await wait_for_call(slack, "chat.postMessage")
    await weekly_tick(bot, 25)
    (note,) = slack.messages_in(MANAGER)
    assert note.text.startswith("Insights: the last 7 days: nothing happened."), note.text


async def test_a_restart_does_not_send_the_week_again(make_bot, slack) -> None:
    first = await make_bot()
    await weekly_tick(first, 0.02)
    await wait_for_call(slack, "files.completeUploadExternal")

    again = await make_bot()  # a new process on the same database
    await weekly_tick(again, 1)
    await weekly_tick(again, 23)

    assert len(calls(slack, "files.completeUploadExternal")) == 1


async def test_insights_on_demand_for_managers_only(make_bot, slack) -> None:
    bot = await make_bot()
    # review11a M4: a pasted article asked as a question cut the insights at Slack's 3,000
    # characters in its middle; the other questions (and the leaderboard) were gone.
    article = "Our competitor published this article today and I wonder what we may say. " * 50
    asked = next(bot.runtime.db["guideline_answers"].rows_where("verdict = 'not_covered'"))
    bot.runtime.db["guideline_answers"].insert_all(  # asked twice: listed first
        {**asked, "id": f"long{n}", "question": article} for n in range(2)
    )
    bot.runtime.db.conn.commit()

    refused = await (await post_form(bot, slash("/socialbot", "insights", user="W222"))).json()
    assert "Only the social media managers see the insights." in refused["text"]
    wrong = await (await post_form(bot, slash("/socialbot", "insights 5x"))).json()
    assert "`5x` is not a period I know" in wrong["text"]

    answer = await (await post_form(bot, slash("/socialbot", "insights 30d"))).json()
    assert answer["text"] == (
        "Drawing the insights for the last 30 days; they arrive in your direct messages"
        " in a moment."
    )
    await bot.runtime.core.settle()
    await wait_for_call(slack, "files.completeUploadExternal")
    (shared,) = shared_files(slack)
    assert "Insights: the last 30 days" in str(shared.blocks)
    shown = str(shared.blocks)
    assert "not covered: Can I post about the merger?" in shown
    assert "not covered: Our competitor published this article today and I wonder what we" in shown
    assert article.strip() not in shown
    assert calls(slack, "files.getUploadURLExternal")[0]["filename"] == "chart.png"
    # fix15a: in the manager's language (their Slack's)
    slack.users = {MANAGER: {"id": MANAGER, "name": "mgr", "profile": {}, "locale": "es-ES"}}
    assert await bot.runtime.slack.sync_people()
    wrong = await (await post_form(bot, slash("/socialbot", "insights 5x"))).json()
    assert wrong["text"].startswith("`5x` no es un periodo que conozca. Prueba `/socialbot")


async def test_without_files_write_the_insights_come_without_their_chart(
    make_bot, slack, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_bot()
    # An app made from an older manifest: Slack refuses every upload.
    slack.fail("files.getUploadURLExternal", "missing_scope", times=9, needed="files:write")

    answer = await (await post_form(bot, slash("/socialbot", "insights"))).json()
    assert "they arrive in your direct messages in a moment" in answer["text"]
    await bot.runtime.core.settle()
    await weekly_tick(bot, 0.02)  # the weekly insights go the same way
    await wait_for_call(slack, "files.getUploadURLExternal", 2)
    insights: list[Any] = []
    for _ in range(500):
        insights = [m for m in slack.messages_in(MANAGER) if "Insights: " in str(m.blocks)]
        if len(insights) == 2:
            break
        await asyncio.sleep(0.01)

    asked, weekly = insights
    assert "2 of 4 people who got a digest shared (50%)" in str(weekly.blocks)  # the figures
    for message in (asked, weekly):
        assert not message.files and "Insights: the last 7 days" in str(message.blocks)
        assert "The chart needs the `files:write` scope: add it under OAuth & Permissions" in str(
            message.blocks
        )
    assert len(calls(slack, "files.getUploadURLExternal")) == 2 and not slack.files
    warned = [r for r in caplog.records if r.levelname == "WARNING" and "scope" in r.getMessage()]
    assert [r.__dict__["scope"] for r in warned] == ["files:write"]  # once, naming the scope


def test_the_manifest_asks_for_uploads() -> None:
    assert "files:write" in BOT_SCOPES


async def test_weekly_insights_on_a_database_file_moved_away_say_so_in_a_line(
    make_bot, slack, caplog
) -> None:
    """Its volume swapped: one ERROR line, no traceback (review15b K4)."""
    bot = await make_bot()
    path = Path(bot.runtime.db.execute("PRAGMA database_list").fetchone()[2])
    await asyncio.to_thread(path.rename, path.with_name("old.db"))

    await weekly_tick(bot, 0.02)

    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(
        r.getMessage().startswith("weekly insights not sent: cannot read the database (unable")
        for r in errors
    ), errors
    assert not [r for r in errors if r.exc_info]


async def test_the_weekly_insights_name_a_feed_that_has_failed_for_a_day(make_bot, slack) -> None:
    bot = await make_bot()
    db = bot.runtime.db
    # fix16b: in the manager's language (their Slack's) the feeds' lines, the percentages and
    # the chart's words were English.
    bot.runtime.core.directory.upsert([Member("slack", MANAGER, "mgr", locale="de-DE")])
    news = store.insert_feed(db, "https://acme.example/news.xml", title="Acme news", now=later(-30))
    jobs = store.insert_feed(db, "https://acme.example/jobs.xml", title="Jobs", now=later(-2))
    # Both failed their last fetch just now (so the clock does not fetch them again here).
    store.record_failure(db, news.id, "the server answered HTTP 404", later(0))
    store.record_failure(db, jobs.id, "timed out", later(0))  # added 2 h ago: not a day yet
    blog = store.insert_feed(db, "https://acme.example/blog.xml", title="Blog", now=later(-40))
    store.record_failure(db, blog.id, "timed out", later(0))
    read = later(-28).timestamp()  # Sunday 05:00 in Copenhagen, 04:00 UTC
    db.execute("UPDATE content_feeds SET last_success_at = ? WHERE id = ?", [read, blog.id])
    db.conn.commit()

    await weekly_tick(bot, 0.02)
    await wait_for_call(slack, "files.completeUploadExternal")
    await weekly_tick(bot, 0.05)

    (weekly,) = shared_files(slack)
    text = str(weekly.blocks)
    (chart,) = slack.files.values()
    assert (
        chart.alt_txt.startswith("Geteilt pro Tag vom 2026-10-")
        and "älteste zuerst" in chart.alt_txt
    )
    assert "Feeds mit Fehlern" in text
    # closing16: the feed reader's English words, quoted in a German line.
    assert f"Feed {news.id} (Acme news) wurde nie gelesen: „the server answered HTTP 404“" in text
    assert "Jobs" not in text
    # review17a M9: in UTC, in a message whose period is on Copenhagen's clock.
    assert f"Feed {blog.id} (Blog) wurde seit 2026-11-29 05:00 Europe/Copenhagen nicht" in text
    # review16a W11: "letzte Wochen k. A. → 0 % → …": the weeks before the first digest.
    assert "(50\u00a0%); letzte Wochen 0\u00a0% → 50\u00a0% → 50\u00a0%;" in json.dumps(
        weekly.blocks, ensure_ascii=False
    )
