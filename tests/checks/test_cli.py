"""`socialbot check` and `socialbot checks stats|feedback` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.check_cli import check, checks
from handlers.checks import stats as check_stats


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no stray .env
    return {
        "SOCIALBOT_DB": str(tmp_path / "socialbot.db"),
        "SOCIALBOT_COMPANY_NAMES": "Nordlys, Nordlys Cloud",
        "SOCIALBOT_CONFIDENTIAL_TERMS": "Polaris until 2099-01-31, Bluefin until 2020-01-01",
        "SOCIALBOT_INTERNAL_DOMAINS": "corp.nordlys.dk",
    }


def test_one_draft_as_an_argument(env: dict[str, str]) -> None:
    draft = "Sneak peek of Polaris: https://wiki.corp.nordlys.dk/polaris"
    result = CliRunner().invoke(check, [draft], env=env)
    assert result.exit_code == 0, result.output
    assert "confidential: “Polaris” is confidential until 2099-01-31." in result.output
    assert "fix: Cut the internal link" in result.output
    assert "[3. Never publish confidential information]" in result.output


def test_json_lines_one_per_stdin_line_with_line_breaks(env: dict[str, str]) -> None:
    lines = "Bluefin is out!\\nSo proud. #employee at Nordlys\n\n@troll that is simply not true\n"
    result = CliRunner().invoke(check, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {
        "draft": "Bluefin is out!\nSo proud. #employee at Nordlys",
        "ok": True,
        "concerns": [],
    }
    assert second["ok"] is False
    (concern,) = second["concerns"]
    assert set(concern) == {"kind", "section", "reason", "span", "fix"}
    assert concern["kind"] == "reply_to_criticism"
    assert concern["span"] == "@troll that is simply not true"


def test_without_settings_it_says_what_to_set(env: dict[str, str]) -> None:
    bare = {"SOCIALBOT_DB": env["SOCIALBOT_DB"]}
    result = CliRunner().invoke(check, ["Try Nordlys Cloud, best tool ever!"], env=bare)
    assert result.exit_code == 0
    assert "OK: Nothing in the guidelines speaks against this post." in result.stdout
    assert "SOCIALBOT_COMPANY_NAMES" in result.stderr
    assert "SOCIALBOT_INTERNAL_DOMAINS" in result.stderr


def test_stats_count_kinds_without_drafts_and_feedback_lists_the_downvoted(
    env: dict[str, str],
) -> None:
    runner = CliRunner()
    drafts = "Polaris demo today\nTry Nordlys Cloud, best tool!\nA nice day at the beach\n"
    runner.invoke(check, ["--json"], input=drafts, env=env)
    result = runner.invoke(checks, ["stats", "--json"], env=env)
    assert result.exit_code == 0, result.output
    counted = json.loads(result.stdout)
    assert counted["checked"] == 3
    assert counted["kinds"] == {
        "confidential": 1,
        "disclosure": 1,
        "reply_to_criticism": 0,
        "guideline": 0,
    }
    db = Database(env["SOCIALBOT_DB"])
    assert "Polaris" not in json.dumps(list(db["check_counts"].rows))
    assert list(db["check_downvotes"].rows) == []
    check_stats.record_downvote(db, "Polaris demo today", ("confidential",))
    listed = runner.invoke(checks, ["feedback"], env=env)
    assert "(confidential)\n    Polaris demo today" in listed.stdout
    assert runner.invoke(checks, ["stats", "--since", "soon"], env=env).exit_code == 2


def test_a_danish_or_german_draft_is_answered_in_its_language(env: dict[str, str]) -> None:
    lines = (
        "Smugkig på Polaris i dag, og vi glæder os til at vise jer det hele!\n"
        "Heute ein kleiner Blick auf Polaris, und wir freuen uns sehr auf eure Meinung!\n"
    )
    result = CliRunner().invoke(check, ["--json"], input=lines, env=env)
    assert result.exit_code == 0, result.output
    danish, german = (json.loads(line)["concerns"][0] for line in result.stdout.splitlines())
    assert danish["reason"] == "“Polaris” er fortroligt indtil 2099-01-31."
    assert danish["fix"] == "Udelad “Polaris”, eller vent til efter 2099-01-31."
    assert german["reason"] == "„Polaris“ ist bis 2099-01-31 vertraulich."
    assert german["fix"] == "Lass „Polaris“ weg, oder warte bis nach dem 2099-01-31."
