"""An upgrade: the database the previous release wrote (tests/fixtures/previous-release.db,
made by commit e3fa6b4, see tests/fixtures/README.md) opens in this release, migrated, with its
reports, digest preferences and queued deliveries all there, and the deliveries go out."""

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
from tests.conftest import SettingsFactory
from tests.fakes.slack_web_api import FakeSlack

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "previous-release.db"
QUEUED = ["U0000001", "U0000002", "U0000003", "U0000004"]


def upgraded(tmp_path: Path) -> Path:
    """A copy of the previous release's database (the fixture itself stays untouched)."""
    copy = tmp_path / "socialbot.db"
    shutil.copy(FIXTURE, copy)
    return copy


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
    database = upgraded(tmp_path)
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


def test_reports_and_preferences_survive_the_upgrade(tmp_path: Path) -> None:
    database = upgraded(tmp_path)
    run_once(database)
    reports = [json.loads(line) for line in cli(database, "reports", "list", "--json").split("\n")
               if line]  # fmt: skip
    assert sorted(map(str, (r["links"] for r in reports))) == [
        "['https://www.facebook.com/somepage/posts/222']",
        "['https://x.com/someone/status/111']",
    ]
    (merged,) = [r for r in reports if "x.com" in str(r["links"])]
    assert merged["reporter_ids"] == ["slack:U0000001", "slack:U0000003"]
    exported = json.loads(cli(database, "export", "--user", "U0000001"))
    text = json.dumps(exported)
    assert "07:45" in text and "events" in text, text  # the digest preferences they chose


async def test_deliveries_queued_by_the_previous_release_go_out_once(
    tmp_path: Path, make_settings: SettingsFactory
) -> None:
    database = upgraded(tmp_path)
    async with FakeSlack() as slack:
        settings = make_settings(
            db=database,
            slack_bot_token="xoxb-test-token",
            slack_signing_secret="secret",
            slack_api_url=slack.url,
        )
        runtime = build_runtime(settings)  # what `socialbot run` does first: open and migrate
        try:
            status = {s.key: s for s in runtime.delivery.ledger.summary()}
            assert status["previous-release"].queued == len(QUEUED)
            await runtime.delivery.start()
            done = await asyncio.wait_for(
                runtime.delivery.run_until_done("announcement", "previous-release"), 30
            )
        finally:
            await runtime.delivery.stop()
            runtime.db.close()
    assert (done.sent, done.failed) == (len(QUEUED), 0)
    for user in QUEUED:
        (message,) = slack.messages_in(user)
        assert "our new plant runs on wind" in message.text


async def test_digests_queued_by_an_older_release_are_not_sent_the_next_day(
    tmp_path: Path, make_settings: SettingsFactory
) -> None:
    # The previous release, stopped during yesterday's fan-out, left two digests queued with no
    # end (its ledger had no `expires_at`); after the upgrade nobody gets yesterday's digest
    # today: one person's zone is known (the end of their day there), the other's is not
    # (a day after it was queued) (review10b O14).
    database = upgraded(tmp_path)
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
