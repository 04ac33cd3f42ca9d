"""`--json` is one convention for every command: JSON Lines on stdout, one object per record;
no record is no line on stdout and one line on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.app import build_runtime
from bot.cli import main
from handlers.people import Member

LISTS = [
    ["ask", "--json"],  # and no question on stdin
    ["check", "--json"],  # and no draft on stdin
    ["checks", "feedback", "--json"],
    ["feeds", "list", "--json"],
    ["reports", "list", "--json"],
    ["deliveries", "status", "--json"],
    ["stats", "--json"],
    ["qa", "feedback", "--json"],
]


@pytest.fixture
def socialbot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOCIALBOT_DB", str(tmp_path / "socialbot.db"))

    def run(*args: str, stdin: str = "") -> Result:
        result = CliRunner().invoke(main, list(args), input=stdin)
        assert result.exit_code == 0, (args, result.stderr, result.exception)
        return result

    return run


def records(result: Result) -> list[dict[str, object]]:
    """Each stdout line as the JSON object it must be."""
    lines = result.stdout.splitlines()
    parsed = [json.loads(line) for line in lines]
    assert all(isinstance(record, dict) for record in parsed)
    return parsed


@pytest.mark.parametrize("command", LISTS, ids=" ".join)
def test_an_empty_list_is_no_line_and_a_word_on_stderr(socialbot, command: list[str]) -> None:
    result = socialbot(*command)
    assert records(result) == []
    assert len(result.stderr.strip().splitlines()) == 1


def test_one_line_per_answer(socialbot) -> None:
    result = socialbot("ask", "--json", stdin="Can I post a photo of the office?\nMay I swear?\n")
    assert [record["question"] for record in records(result)] == [
        "Can I post a photo of the office?",
        "May I swear?",
    ]


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--user", "U0ADA"],
        ["digest", "preview", "--user", "U0ADA", "--json"],
        ["checks", "stats", "--json"],
    ],
)
def test_one_thing_is_one_line(socialbot, make_settings, command: list[str]) -> None:
    runtime = build_runtime(make_settings())
    runtime.core.directory.upsert([Member("slack", "U0ADA", "Ada")])
    runtime.db.close()
    (record,) = records(socialbot(*command))
    assert record
