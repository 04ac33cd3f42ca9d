"""A person's data can be exported and forgotten through the CLI."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from bot.app import build_runtime
from bot.cli import main
from handlers.digest.store import DigestStore
from handlers.groups import Group
from handlers.people import Member
from tests.conftest import SettingsFactory


async def test_export_and_forget(make_settings: SettingsFactory, tmp_path: Path) -> None:
    settings = make_settings()
    runtime = build_runtime(settings)
    core = runtime.core
    core.directory.upsert([Member("slack", "U1", "Ada"), Member("slack", "U2", "Bo")])
    core.group_members.replace(Group("slack", "S0SOCIAL"), ["U1", "U2"])
    alice = core.person("slack", "U1", "Ada")
    await core.message(alice, "can I post a photo from the office party?")
    await core.shares.clicked(alice, "item:1|linkedin")
    ledger = runtime.delivery.ledger
    ledger.enqueue("slack", "digest", "2026-11-23", [("U1", {"text": "Hi"})], 0)
    ledger.enqueue("slack", "digest", "2026-11-24", [("U1", {"text": "Your picks, Ada"})], 0)
    ledger.mark_sent(ledger.due("slack", 1, 1.0, 1)[0].id, "D1/1.0", 1.0)  # went; no clean-up since
    runtime.db.close()
    env = {"SOCIALBOT_DB": str(settings.db)}

    exported = CliRunner().invoke(main, ["export", "--user", "U1"], env=env)
    assert exported.exit_code == 0, exported.output
    tables = json.loads(exported.stdout)["tables"]
    assert set(tables) == {"people", "guideline_answers", "share_clicks", "group_members"}
    assert tables["people"][0]["name"] == "Ada"
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
    assert iso.fullmatch(tables["people"][0]["updated_at"])
    assert iso.fullmatch(tables["share_clicks"][0]["at"])
    assert iso.fullmatch(tables["guideline_answers"][0]["asked_at"])

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


async def test_someone_who_left_is_dropped_from_the_directory_after_90_days(
    make_settings: SettingsFactory,
) -> None:
    # Review10b O12: a former employee's name, zone and digest settings were kept for ever.
    runtime = build_runtime(make_settings())
    core, db = runtime.core, runtime.db
    core.directory.upsert([Member("slack", "U1", "Ada"), Member("slack", "U2", "Bo")])
    DigestStore(db).update("slack", "U1", at=time(7, 45))
    ada = core.person("slack", "U1", "Ada")
    await core.command("report-mention", ada, "https://x.com/someone/status/111 rude")
    left = datetime.now(UTC)
    core.directory.mark_gone("slack", ["U1"])
    core.directory.upsert([Member("slack", "U1", "Ada", deleted=True)])  # the next sync
    try:
        await core.tick(left + timedelta(days=89))
        assert core.directory.get("slack", "U1") is not None  # a mistake can still be undone
        await core.tick(left + timedelta(days=91))
        assert core.directory.get("slack", "U1") is None
        assert db["digest_preferences"].count == 0
        assert core.directory.get("slack", "U2") is not None
        (reporter,) = db["report_reporters"].rows  # what they reported stays with the report
        assert (reporter["user_id"], reporter["name"]) == ("U1", "Ada")
    finally:
        await runtime.stop_background()
        db.close()
