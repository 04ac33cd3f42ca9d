"""A person's data can be exported and forgotten through the CLI."""

from __future__ import annotations

import base64
import json
import logging
import re
import sqlite3
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.app import build_runtime
from bot.cli import main
from handlers.actions import GUIDELINES_UNHELPFUL
from handlers.digest.store import DigestStore
from handlers.errors import NotAllowed
from handlers.groups import Group
from handlers.people import Member, Person
from handlers.reports.screenshots import Screenshot, Screenshots
from tests.conftest import SettingsFactory
from tests.fakes.slack_requests import command_reply, post_json
from tests.fakes.slack_web_api import FakeSlack

PNG = b"\x89PNG\r\n\x1a\n\x00\x01"


async def test_export_and_forget(make_settings: SettingsFactory, tmp_path: Path) -> None:
    settings = make_settings()
    runtime = build_runtime(settings)
    core = runtime.core
    core.directory.upsert([Member("slack", "U1", "Ada"), Member("slack", "U2", "Bo")])
    core.group_members.replace(Group("slack", "S0SOCIAL"), ["U1", "U2"])
    alice = core.person("slack", "U1", "Ada")
    await core.message(alice, "can I post a photo from the office party?")
    await core.shares.clicked(alice, "item:1|linkedin")
    Screenshots(runtime.db).keep("slack", "U1", Screenshot("shot.png", "image/png", PNG))
    ledger = runtime.delivery.ledger
    ledger.enqueue("slack", "digest", "2026-11-23", [("U1", {"text": "Hi"})], 0)
    ledger.enqueue("slack", "digest", "2026-11-24", [("U1", {"text": "Your picks, Ada"})], 0)
    ledger.mark_sent(ledger.due("slack", 1, 1.0, 1)[0].id, "D1/1.0", 1.0)  # went; no clean-up since
    runtime.db.close()
    env = {"SOCIALBOT_DB": str(settings.db)}

    exported = CliRunner().invoke(main, ["export", "--user", "U1"], env=env)
    assert exported.exit_code == 0, exported.output
    tables = json.loads(exported.stdout)["tables"]
    # review13a S2: and what names them under other columns (what went to them, here)
    assert set(tables) == {
        "people",
        "guideline_answers",
        "share_clicks",
        "group_members",
        "deliveries.recipient",
        "report_screenshots",
    }
    # A screenshot they sent with a report, as a file can be had back (review13c R9).
    (shot,) = tables["report_screenshots"]
    assert (shot["name"], base64.b64decode(shot["data"])) == ("shot.png", PNG)
    assert sorted(row["state"] for row in tables["deliveries.recipient"]) == ["queued", "sent"]
    assert tables["people"][0]["name"] == "Ada"
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
    assert iso.fullmatch(tables["people"][0]["updated_at"])
    assert iso.fullmatch(tables["share_clicks"][0]["at"])
    assert iso.fullmatch(tables["guideline_answers"][0]["asked_at"])

    # Asked first, naming the person the id is (review14a A9); "no" keeps everything.
    kept = CliRunner().invoke(main, ["forget", "--user", "U1"], env=env, input="n\n")
    assert kept.exit_code == 1 and "Forget Ada (slack user U1)? Their own rows" in kept.output
    assert "people: 1 row(s)" not in kept.output
    forgotten = CliRunner().invoke(main, ["forget", "--user", "U1", "--yes"], env=env)
    assert forgotten.exit_code == 0, forgotten.output
    assert "people: 1 row(s)" in forgotten.stdout
    assert "group_members: 1 row(s)" in forgotten.stdout
    assert "deliveries: 2 row(s)" in forgotten.stdout  # one to go dropped, one that went renamed
    bodies = [row["body"] for row in Database(settings.db)["delivery_payloads"].rows]
    assert not any("Ada" in body for body in bodies)  # what went to them is not kept
    stand_ins = {row["user_id"] for row in Database(settings.db)["share_clicks"].rows}
    assert len(stand_ins) == 1 and stand_ins.pop().startswith("forgotten-")
    again = CliRunner().invoke(main, ["export", "--user", "U1"], env=env)
    assert again.exit_code == 1 and again.stdout == ""
    assert "Nobody found: nothing is stored about slack user U1." in again.output
    # Forgetting an id nothing is stored about (a typo, or done before) says so and fails, as
    # export does, without asking first; an empty id is refused (review12b D9).
    twice = CliRunner().invoke(main, ["forget", "--user", "U1"], env=env)
    assert twice.exit_code == 1 and twice.stdout == ""
    assert "Nobody found: nothing is stored about slack user U1." in twice.output
    for command in (["export", "--user", " "], ["forget", "--user", "", "--yes"]):
        empty = CliRunner().invoke(main, command, env=env)
        assert empty.exit_code == 2, empty.output
        assert "give the person's user id, not an empty one" in empty.output
    others = CliRunner().invoke(main, ["export", "--user", "U2"], env=env)
    assert json.loads(others.stdout)["tables"]["people"][0]["name"] == "Bo"


async def test_a_teams_object_id_is_found_in_any_case(
    make_settings: SettingsFactory, tmp_path: Path
) -> None:
    settings = make_settings()
    runtime = build_runtime(settings)
    megan = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # Teams sends Entra object ids in lower case
    runtime.core.directory.upsert([Member("teams", megan, "Megan")])
    runtime.db.close()
    env = {"SOCIALBOT_DB": str(settings.db)}
    pasted = megan.upper()  # as some admin tools print it

    # An Entra object id is a Teams user's unless --platform says otherwise.
    exported = CliRunner().invoke(main, ["export", "--user", pasted], env=env)
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout)["platform"] == "teams"
    assert json.loads(exported.stdout)["tables"]["people"][0]["name"] == "Megan"
    on_slack = CliRunner().invoke(main, ["export", "--platform", "slack", "--user", megan], env=env)
    assert on_slack.exit_code == 1
    assert f"Nobody found: nothing is stored about slack user {megan}." in on_slack.output
    forget = ["forget", "--user", pasted, "--yes"]
    forgotten = CliRunner().invoke(main, forget, env=env)
    assert "people: 1 row(s)" in forgotten.stdout


async def test_someone_who_left_is_dropped_from_the_directory_after_90_days_for_good(
    make_slack_bot: Any, slack: FakeSlack
) -> None:
    # Review10b O12: a former employee's name, zone and digest settings were kept for ever.
    # Closing11: then the next sync, which lists deactivated members, stored them again.
    oslo = "Europe/Oslo"
    people = [("U1", "Ada", False), ("U2", "Bo", False), ("U3", "Cy", True)]
    slack.users = {
        user_id: {"id": user_id, "profile": {"real_name": name}, "tz": oslo, "deleted": gone}
        for user_id, name, gone in people
    }
    bot = await make_slack_bot(insights="off")
    runtime = bot.runtime
    core, db = runtime.core, runtime.db

    async def sync(day: int) -> None:
        await runtime.sync_people_daily(datetime.now(UTC) + timedelta(days=day))
        await runtime.finish_background()

    def kept(user_id: str) -> tuple[str, str, int] | None:
        member = core.directory.get("slack", user_id)
        return (member.name, member.tz, member.deleted) if member else None

    await sync(0)
    assert kept("U3") == ("", "", True)  # gone before the bot came: nothing names them
    DigestStore(db).update("slack", "U1", at=time(7, 45))
    ada = core.person("slack", "U1", "Ada")
    await core.command("report-mention", ada, "https://x.com/someone/status/111 rude")
    slack.users["U1"]["deleted"] = True
    left = datetime.now(UTC)
    await sync(1)
    await core.tick(left + timedelta(days=89))
    assert kept("U1") == ("Ada", oslo, True)  # a mistake can still be undone
    await core.tick(left + timedelta(days=91))
    await sync(92)
    await sync(93)
    assert kept("U1") == ("", "", True)  # still known to be gone, never named again
    assert "Ada" not in json.dumps(list(db["people"].rows))
    assert db["digest_preferences"].count == 0
    assert kept("U2") == ("Bo", oslo, False)
    (reporter,) = db["report_reporters"].rows  # what they reported stays with the report
    assert (reporter["user_id"], reporter["name"]) == ("U1", "Ada")
    slack.users["U1"]["deleted"] = False  # back after all
    await sync(94)
    assert kept("U1") == ("Ada", oslo, False)
    # review16a W12: someone forgotten who is still a member came back at the next sync, their
    # digests due again; now kept out (by a hash of their id) until they come to the bot.
    env = {"SOCIALBOT_DB": str(runtime.settings.db)}
    forgotten = CliRunner().invoke(main, ["forget", "--user", "U2", "--yes"], env=env)
    assert "Kept out: slack user U2 is not read again" in forgotten.stdout, forgotten.output
    await sync(95)
    assert kept("U2") is None and kept("U1") == ("Ada", oslo, False)
    assert db["kept_out"].count == 1 and "U2" not in json.dumps(list(db["kept_out"].rows))
    # review16b R1: their next profile edit or channel message (not to the bot) learnt them again.
    status = dict(slack.users["U2"], profile={"real_name": "Bo", "status_text": "lunch"})
    overheard = [
        {"type": "user_change", "user": status, "event_ts": "1.1"},
        {"type": "message", "channel": "C1", "channel_type": "channel", "user": "U2", "ts": "2.2"},
    ]
    for number, event in enumerate(overheard):
        envelope = {"type": "event_callback", "team_id": "T111", "api_app_id": "A111"}
        await post_json(
            bot, {**envelope, "event_id": f"Ev{number}", "event_time": 1, "event": event}
        )
        await runtime.slack.settle()
    assert kept("U2") is None and db["kept_out"].count == 1
    await command_reply(bot, slack, "/socialbot", "help", user="U2")
    assert kept("U2") == ("Bo", oslo, False) and db["kept_out"].count == 0


async def test_a_prune_the_database_lock_stopped_is_done_at_the_next_tick(
    make_settings: SettingsFactory, caplog: pytest.LogCaptureFixture
) -> None:
    # Closing11: the daily prune marked its day done before it ran, so a backup script holding
    # the database's lock at that tick skipped the day's prune for good.
    settings = make_settings()
    runtime = build_runtime(settings)
    core, db = runtime.core, runtime.db
    core.directory.upsert([Member("slack", "U1", "Ada")])
    core.directory.mark_gone("slack", ["U1"])
    await core.message(Person("slack", "U2", "Bo"), "Can I post a photo from the office party?")
    db.execute("PRAGMA busy_timeout = 0")  # as when the lock outlasts the wait for it
    holder = sqlite3.connect(settings.db)
    holder.execute("BEGIN IMMEDIATE")
    due = datetime.now(UTC) + timedelta(days=91)
    try:
        await core.tick(due)
        await core.tick(due + timedelta(minutes=1))
        assert core.directory.name_of("slack", "U1") == "Ada"
        assert db["guideline_answers"].count == 1
        holder.rollback()
        await core.tick(due + timedelta(minutes=2))
        assert core.directory.name_of("slack", "U1") == "U1"  # pruned: no name kept
        assert db["guideline_answers"].count == 0  # the question asked 91 days before too
        held = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(held) == 1 and "the clock's work waits" in held[0]  # once, not at each tick
    finally:
        holder.close()
        await runtime.stop_background()
        db.close()


async def test_old_share_clicks_and_announce_refusals_stop_naming_people(
    make_settings: SettingsFactory,
) -> None:
    # review13a S10: who shared what on which network was kept by person for ever, and who tried
    # /announce without the role too.
    runtime = build_runtime(make_settings())
    core, db = runtime.core, runtime.db
    ada = core.person("slack", "U1", "Ada")
    for item in (1, 2, 3):
        await core.shares.clicked(ada, f"item:{item}|linkedin")
    with pytest.raises(NotAllowed):  # what the platforms show as the answer
        await core.command("announce", ada, "")
    assert db["announce_refusals"].count == 1
    now = datetime.now(UTC)
    # review13c R3: two clicks of one month, each aged on its own day, got a stand-in each, so
    # that month's figures counted Ada twice; a whole month is aged at once now.
    for item, day in ((1, 4), (2, 25)):
        at = datetime(2025, 1, day, tzinfo=UTC).timestamp()
        db.execute("UPDATE share_clicks SET at = ? WHERE subject = ?", [at, f"item:{item}"])
    db.execute("UPDATE announce_refusals SET at = ?", [now.timestamp() - 91 * 86400])

    for month, day in ((2, 10), (3, 5), (3, 10)):  # 400 days after each, then all January
        await core.tick(datetime(2026, month, day, tzinfo=UTC))
    await core.tick(now)

    kept = {row["subject"]: row["user_id"] for row in db["share_clicks"].rows}
    assert kept["item:3"] == "U1" and kept["item:1"].startswith("forgotten-")
    assert kept["item:1"] == kept["item:2"]  # one stand-in for Ada in January 2025
    assert [c.people for c in core.shares.counts()] == [1, 1, 1]  # the figures stay right
    assert db["announce_refusals"].count == 0


async def test_a_question_marked_unhelpful_is_kept_a_year_without_who_asked_or_voted(
    make_settings: SettingsFactory,
) -> None:
    # review13a S7: a 👎 kept the asker's and the voter's ids with the question for a year
    settings = make_settings()
    runtime = build_runtime(settings)
    core, db = runtime.core, runtime.db
    await core.message(Person("slack", "U1", "Ada"), "Can I post a photo from the office party?")
    (answer_id,) = [row["id"] for row in db["guideline_answers"].rows]
    await core.action(Person("slack", "U2", "Bo"), GUIDELINES_UNHELPFUL, answer_id)
    await core.action(Person("slack", "U3", "Cy"), GUIDELINES_UNHELPFUL, answer_id)
    db.execute("UPDATE guideline_answers SET asked_at = '2000-01-01T00:00:00+00:00'")

    await core.tick(datetime(2000, 4, 1, tzinfo=UTC))  # 91 days later
    await runtime.stop_background()
    db.close()

    env = {"SOCIALBOT_DB": str(settings.db)}
    for user in ("U1", "U2", "U3"):
        exported = CliRunner().invoke(main, ["export", "--user", user], env=env)
        assert exported.exit_code == 1, exported.output  # nothing names them
    listed = CliRunner().invoke(main, ["qa", "feedback", "--json"], env=env)
    votes = [json.loads(line) for line in listed.output.splitlines()]
    assert [(v["question"], v["voter"]) for v in votes] == [
        ("Can I post a photo from the office party?", None)
    ] * 2
