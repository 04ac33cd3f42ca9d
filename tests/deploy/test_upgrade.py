"""An upgrade: the database the previous release wrote (tests/fixtures/previous-release.db,
made by release 0.13.0 as an install fills it, see tests/fixtures/README.md) opens in this
release, migrated, with every row still there, and the bot works on it: its queued deliveries go
out, a report of the same post joins the old one. An older file (release-e3fa6b4.db, from before
the first release) shows what a command does before `socialbot run` migrated it."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from bot.app import build_runtime
from bot.cli import main
from bot.settings import load_settings
from content_feed import canonical
from handlers.reports import store as reports_store
from tests.conftest import SettingsFactory, SlackBotFactory
from tests.fakes.slack_requests import command_reply
from tests.fakes.slack_web_api import FakeSlack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "previous-release.db"
OLDER = FIXTURES / "release-e3fa6b4.db"
QUEUED = ["U0MANAGER", "U0000001", "U0000002", "U0000003", "U0000004"]  # announcement "2"


def upgraded(tmp_path: Path, fixture: Path = FIXTURE) -> Path:
    """A copy of a release's database (the fixture itself stays untouched)."""
    copy = tmp_path / "socialbot.db"
    shutil.copy(fixture, copy)
    return copy


def rows(database: Path) -> dict[str, int]:
    """How many rows each table of `database` holds."""
    with sqlite3.connect(database) as db:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def run_once(database: Path) -> None:
    """What `socialbot run` of this release does first: open the file and migrate it."""
    build_runtime(load_settings(_env_file=None, db=database)).db.close()


def cli(database: Path, *args: str) -> str:
    result = CliRunner().invoke(main, list(args), env={"SOCIALBOT_DB": str(database)})
    assert result.exit_code == 0, result.output
    return result.output


def test_a_command_before_the_upgrade_refuses_the_older_file_in_one_line(tmp_path: Path) -> None:
    # `docker compose run --rm socialbot socialbot reports list` with the new image while the
    # older bot still runs on the file: nothing is migrated under it (review10b O3).
    database = upgraded(tmp_path, OLDER)
    with sqlite3.connect(database) as db:
        before = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
    # Review11c R12: each says it in the same words (`announcements list` migrated the file).
    commands = [["reports", "list"], ["deliveries", "status"], ["checks", "stats"]]
    for command in [*commands, ["announcements", "list"]]:
        result = CliRunner().invoke(main, command, env={"SOCIALBOT_DB": str(database)})
        assert result.exit_code == 2, (command, result.output)
        assert result.output.startswith(
            f"Invalid setting SOCIALBOT_DB: {database} was written by an older socialbot (its"
            " migration "
        )
        assert "start this release's `socialbot run` first" in result.output
        assert result.output.count("\n") == 1, result.output
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone() == before


async def test_every_row_survives_the_upgrade_and_the_bot_works_on_it(
    tmp_path: Path, make_slack_bot: SlackBotFactory, slack: FakeSlack
) -> None:
    database = upgraded(tmp_path)
    before = rows(database)
    assert sum(1 for count in before.values() if count) >= 25  # an install's file, not a stub
    bot = await make_slack_bot(db=database)  # what `socialbot run` does first: open and migrate
    after = rows(database)
    lost = {t: (n, after.get(t, 0)) for t, n in before.items() if after.get(t, 0) < n}
    assert lost == {}
    # The feed's next fetch is a whole one, so its items learn the language it declares (a
    # "304 Not Modified" to the older release's conditional request would read none).
    feeds = bot.runtime.db.execute("SELECT etag, last_modified FROM content_feeds").fetchall()
    assert feeds and all(validators == (None, None) for validators in feeds)
    # The announcement 0.13.0 left queued (Slack failed) goes out, once to each.
    runtime = bot.runtime
    done = await asyncio.wait_for(runtime.delivery.run_until_done("announcement", "2"), 30)
    assert (done.sent, done.failed) == (len(QUEUED), 0)
    for user in QUEUED:
        assert [m for m in slack.messages_in(user) if "We won the Green Award" in m.text], user
    # A report of a post already reported joins the old report.
    again = "https://x.com/someone/status/111 still up"
    reply = await command_reply(bot, slack, "/report-mention", again, user="U0000004")
    assert "R-0001" in reply["text"], reply
    # The CLI reads what 0.13.0 stored.
    reports = [json.loads(line) for line in cli(database, "reports", "list", "--json").split("\n")
               if line]  # fmt: skip
    (merged,) = [r for r in reports if "x.com" in str(r["links"])]
    assert merged["reporter_ids"] == ["slack:U0000001", "slack:U0000003", "slack:U0000004"]
    assert "how many hashtags" in cli(database, "questions")  # forwarded to the team
    exported = json.dumps(
        json.loads(cli(database, "export", "--platform", "console", "--user", "alice"))
    )
    assert "07:45" in exported and "events" in exported, exported  # digest preferences chosen


async def test_digests_queued_by_an_older_release_are_not_sent_the_next_day(
    tmp_path: Path, make_settings: SettingsFactory
) -> None:
    # The previous release, stopped during yesterday's fan-out, left two digests queued with no
    # end (its ledger had no `expires_at`); after the upgrade nobody gets yesterday's digest
    # today: one person's zone is known (the end of their day there), the other's is not
    # (a day after it was queued) (review10b O14).
    database = upgraded(tmp_path, OLDER)
    now = datetime.now(UTC)
    yesterday = (now - timedelta(days=1)).astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    with sqlite3.connect(database) as old:
        (payload,) = old.execute("SELECT DISTINCT payload FROM deliveries LIMIT 1").fetchone()
        old.execute(
            "CREATE TABLE IF NOT EXISTS people (platform TEXT, user_id TEXT, name TEXT, tz TEXT,"
            " is_bot INTEGER, deleted INTEGER, guest INTEGER, updated_at REAL,"
            " PRIMARY KEY (platform, user_id))"
        )
        old.execute(
            "INSERT OR REPLACE INTO people VALUES"
            " ('slack', 'U0000009', 'Kiri', 'Pacific/Kiritimati', 0, 0, 0, 0)"
        )
        for user, queued in (
            ("U0000009", now - timedelta(hours=20)),
            ("U0000008", now - timedelta(hours=25)),
        ):
            old.execute(
                "INSERT INTO deliveries (platform, recipient, purpose, key, payload, created_at)"
                " VALUES ('slack', ?, 'digest', ?, ?, ?)",
                (user, yesterday.isoformat(), payload, queued.timestamp()),
            )
    async with FakeSlack() as slack:
        settings = make_settings(
            db=database, slack_bot_token="xoxb-test-token", slack_signing_secret="secret",
            slack_api_url=slack.url,
        )  # fmt: skip
        runtime = build_runtime(settings)  # what `socialbot run` does first: open and migrate
        try:
            await runtime.delivery.start()
            done = await asyncio.wait_for(
                runtime.delivery.run_until_done("digest", yesterday.isoformat()), 30
            )
        finally:
            await runtime.delivery.stop()
            runtime.db.close()
    assert (done.sent, done.failed) == (0, 2)
    assert not slack.messages_in("U0000009") and not slack.messages_in("U0000008")


def test_a_database_a_newer_release_migrated_is_refused_in_one_line(tmp_path: Path) -> None:
    # A downgrade after an upgrade: this release does not start on tables it does not know,
    # and says what to do instead (review10b O3).
    database = upgraded(tmp_path)
    run_once(database)
    with sqlite3.connect(database) as newer:
        newer.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('delivery', 'from_a_newer_release', '2027-01-01')"
        )
    result = CliRunner().invoke(main, ["feeds", "list"], env={"SOCIALBOT_DB": str(database)})
    assert result.exit_code == 2
    assert result.output == (
        f"Invalid setting SOCIALBOT_DB: {database} was written by a newer socialbot (its"
        " migration delivery/from_a_newer_release is unknown to this one): run that release,"
        " or restore the backup taken before the upgrade\n"
    )


def test_raising_the_link_key_version_is_an_upgrade_not_a_downgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The next release that raises KEY_VERSION renames the re-keying migration: the name this
    # one applied is then an older version of it, not a newer release's (review10c R25).
    database = upgraded(tmp_path)
    run_once(database)
    rekey = next(m for m in reports_store.migrations._migrations
                 if m.fn is reports_store.rekey_report_links)  # fmt: skip
    monkeypatch.setattr(canonical, "KEY_VERSION", canonical.KEY_VERSION + 1)
    monkeypatch.setattr(rekey, "name", f"report-link-keys-v{canonical.KEY_VERSION}")
    run_once(database)  # re-keyed again
    assert "x.com/someone/status/111" in cli(database, "reports", "list")
    with sqlite3.connect(database) as db:
        names = {name for (name,) in db.execute("SELECT name FROM _sqlite_migrations")}
    assert {f"report-link-keys-v{canonical.KEY_VERSION - 1}", rekey.name} <= names
    # a version higher than this release's is a newer release's
    monkeypatch.setattr(rekey, "name", f"report-link-keys-v{canonical.KEY_VERSION - 1}")
    result = CliRunner().invoke(main, ["reports", "list"], env={"SOCIALBOT_DB": str(database)})
    assert result.exit_code == 2
    assert f"migration reports/report-link-keys-v{canonical.KEY_VERSION} is unknown" in (
        result.output
    )
