"""The same post is the same report, whatever share link it came with, even from before the
rules changed; a second report by the same person keeps what they wrote this time."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from bot.app import build_runtime
from content_feed.canonical import KEY_VERSION
from handlers.reports import migrations
from handlers.views import Message
from tests.conftest import SettingsFactory
from tests.content_feed.test_canonical import SAME_POST
from tests.fakes.slack_requests import wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import CHANNEL, LINK, messages_to, report

REEL = "instagram.com/reel/C04bQYMRoQj"


async def test_every_share_link_of_a_post_joins_one_report(make_settings: SettingsFactory) -> None:
    runtime = build_runtime(make_settings())
    core = runtime.core
    try:
        for number, (key, links) in enumerate(SAME_POST.items(), start=1):
            for n, link in enumerate(links):
                person = core.person("console", f"person{n}")
                reply = await core.command("report-mention", person, link)
                assert isinstance(reply, Message) and f"R-{number:04d}" in reply.text, (key, link)
                assert ("Others reported this too" in reply.text) == (n > 0), (key, link)
        rows = runtime.db.execute(
            "SELECT report_id, COUNT(*) FROM report_reporters GROUP BY report_id ORDER BY 1"
        ).fetchall()
        assert [count for _, count in rows] == [len(links) for links in SAME_POST.values()]
    finally:
        runtime.db.close()


async def test_a_link_typed_against_punctuation_or_a_direction_mark_is_the_post(
    make_settings: SettingsFactory,
) -> None:
    # review11b L4: the comment after "。" or a full-width comma, and the right-to-left mark
    # an RTL client puts after (or before) a link, were kept in it: a dead link on the card,
    # and a report apart. review12a E2: so were the full stop, comma, bracket or quote typed
    # against it, and a link in «» opened an empty form.
    typed = {f"{LINK}。とてもひどいコメントです": "とてもひどいコメントです",
             f"{LINK}\u200f תגובה פוגענית": "תגובה פוגענית", f"\u200f{LINK}": "",
             f"{LINK}\uff0c太糟糕了": "太糟糕了", f"{LINK}. They lie": "They lie",
             f"({LINK}) they lie": "they lie", f"«{LINK}» mentira": "mentira", f'"{LINK}",': "",
             f"<{LINK}>. Rude": "Rude", f"{LINK}?!": ""}  # fmt: skip
    runtime = build_runtime(make_settings())
    try:
        for n, text in enumerate(typed):
            person = runtime.core.person("console", f"person{n}")
            reply = await runtime.core.command("report-mention", person, text)
            assert isinstance(reply, Message) and "R-0001" in reply.text, text
        assert [row["url"] for row in runtime.db["report_links"].rows] == [LINK]
        notes = [row["about"] for row in runtime.db["report_reporters"].rows]
        assert notes == list(typed.values())
    finally:
        runtime.db.close()


async def test_a_report_filed_before_the_rules_changed_still_merges(
    make_settings: SettingsFactory,
) -> None:
    settings = make_settings()
    old = Database(settings.db)
    migrations.apply(old, stop_before=f"report-link-keys-v{KEY_VERSION}")
    old.execute(
        "INSERT INTO reports (id, platform, where_seen, urgency, created_at, updated_at, remind_at,"
        " card_queued) VALUES (1, 'console', 'x', 'normal', 1.0, 1.0, 2.0, 1)"
    )
    old.execute(
        "INSERT INTO report_reporters (report_id, platform, user_id, name, about, at)"
        " VALUES (1, 'console', 'alice', 'Alice', 'calls us crooks', 1.0)"
    )
    # the keys the old rules stored: two spellings of one post, and the share link's trackers
    old.conn.executemany(
        "INSERT INTO report_links (report_id, position, url, key) VALUES (1, ?, ?, ?)",
        [
            (
                0,
                f"{LINK}?s=20&t=y2AWW1GNA8vyxsWqTXmKPQ",
                f"x.com{LINK[13:]}?s=20&t=y2AWW1GNA8vyxsWqTXmKPQ",
            ),
            (1, LINK.replace("x.com", "twitter.com"), f"twitter.com{LINK[13:]}"),
        ],
    )
    # review11a M11: a reel filed under the previous release, reported again as a /p/ link
    old.execute(
        "INSERT INTO reports (id, platform, where_seen, urgency, created_at, updated_at, remind_at,"
        " card_queued) VALUES (2, 'console', 'x', 'normal', 1.0, 1.0, 2.0, 1)"
    )
    old.execute(
        "INSERT INTO report_links (report_id, position, url, key) VALUES (2, 0, ?, ?)",
        [f"https://www.{REEL}/", REEL],
    )
    old.conn.commit()
    old.close()

    runtime = build_runtime(settings)  # applies the re-keying
    try:
        keys = [row["key"] for row in runtime.db["report_links"].rows]
        assert keys == ["x.com/i/status/1790000000000000001", "instagram.com/p/C04bQYMRoQj"]
        bo = runtime.core.person("console", "bo")
        reply = await runtime.core.command("report-mention", bo, f"{LINK}?s=46 still up")
        assert isinstance(reply, Message)
        assert "Others reported this too; you are added to R-0001" in reply.text
        post = "https://instagram.com/p/C04bQYMRoQj"  # the reel's shortcode as a post
        reply = await runtime.core.command("report-mention", bo, post)
        assert isinstance(reply, Message)
        assert "Others reported this too; you are added to R-0002" in reply.text
        assert runtime.db["reports"].count == 2
    finally:
        runtime.db.close()


async def test_reporting_again_keeps_the_new_note_and_updates_the_card(
    bot: Any, slack: FakeSlack
) -> None:
    await report(bot, f"{LINK} calls our product a scam")
    await wait_for_call(slack, "chat.postMessage")
    share = "https://twitter.com/Angry_Customer/status/1790000000000000001?s=20&t=VztxGfN6ZoKQ"
    again = await report(bot, f"{share} a newspaper quotes it now")
    assert "already reported this" in again["text"] and "R-0001" in again["text"]
    assert "What you wrote this time is added" in again["text"]
    (update,) = await wait_for_call(slack, "chat.update")
    card = json.dumps(update["blocks"])
    assert "calls our product a scam" in card and "a newspaper quotes it now" in card
    assert "Reported by (1)" in card
    (reporter,) = bot.runtime.db["report_reporters"].rows
    assert reporter["about"] == "calls our product a scam\na newspaper quotes it now"
    # the same words a third time (a retry, a double submit) change nothing
    third = await report(bot, f"{share} a newspaper quotes it now")
    assert "already reported this" in third["text"] and "added" not in third["text"]
    assert len(messages_to(slack, CHANNEL)) == 1


async def test_a_repeat_that_is_part_of_an_earlier_note_is_still_added(
    bot: Any, slack: FakeSlack
) -> None:
    await report(bot, f"{LINK} not urgent")
    await wait_for_call(slack, "chat.postMessage")
    again = await report(bot, f"{LINK} urgent")  # words of the first note, not the same note
    assert "What you wrote this time is added" in again["text"]
    (update,) = await wait_for_call(slack, "chat.update")
    assert "not urgent\\nurgent" in json.dumps(update["blocks"])
    (reporter,) = bot.runtime.db["report_reporters"].rows
    assert reporter["about"] == "not urgent\nurgent"
    third = await report(bot, f"{LINK}   URGENT ")  # a line it has already, spaced and cased
    assert "already reported this" in third["text"] and "added" not in third["text"]
    assert [r["about"] for r in bot.runtime.db["report_reporters"].rows] == ["not urgent\nurgent"]


async def test_a_link_typed_without_https_is_reported(bot: Any, slack: FakeSlack) -> None:
    reply = await report(bot, "x.com/someone/status/1 says we lie about prices")
    assert "R-0001" in reply["text"]
    (card,) = await wait_for_call(slack, "chat.postMessage")
    assert "https://x.com/someone/status/1" in json.dumps(card["blocks"])
    (link,) = bot.runtime.db["report_links"].rows
    assert link["url"] == "https://x.com/someone/status/1"
    (reporter,) = bot.runtime.db["report_reporters"].rows
    assert reporter["about"] == "says we lie about prices"
