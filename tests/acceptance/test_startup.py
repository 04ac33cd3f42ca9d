"""Start-up as a deployer meets it: the installed `socialbot`, a docker-compose environment."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.app import WAITING_FOR_THE_LOCK, build_runtime
from bot.settings import Settings, load_settings
from tests.acceptance.conftest import Deployment, Json, free_port
from tests.deploy.dockerfile import healthcheck

TEAMS_ACTIVITIES = Path(__file__).parents[1] / "teams" / "activities"
PREVIOUS_RELEASE = Path(__file__).parents[1] / "fixtures" / "previous-release.db"
APP_ID = "0b9f3c1e-5d2a-4c8b-9e7f-1a2b3c4d5e6f"
OTHER_AAD = "11111111-1111-1111-1111-111111111111"
EVERY_VARIABLE = [str(field.validation_alias) for field in Settings.model_fields.values()]


def test_every_setting_empty_is_every_setting_unset(deployment: Deployment) -> None:
    empty: dict[str, str | None] = dict.fromkeys(EVERY_VARIABLE, "")
    slack = {name: deployment.env[name] for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")}
    here = {"SLACK_API_URL": deployment.env["SLACK_API_URL"], "PORT": deployment.env["PORT"]}
    deployment.slack.users = {"U0ADA": {"id": "U0ADA", "name": "ada", "real_name": "Ada"}}
    bot = deployment.first_run(env={**empty, **slack, **here, "SOCIALBOT_HOST": "127.0.0.1"})
    assert (deployment.workdir / "socialbot.db").exists()  # SOCIALBOT_DB= is the default
    # A lost volume would look like this: the log says so (review10b O6).
    assert "created a new, empty database at socialbot.db: if you expected" in bot.stderr
    assert "listening" in bot.stderr and "timezone=UTC" in bot.stderr  # the zone in force
    # No word from Bolt about a token "that will be unused" (review5 item 8).
    assert "slack_bolt" not in bot.stderr
    result = deployment.cli("digest", "preview", "--user", "U0ADA", "--json", env=empty)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["user"]


def test_half_a_configuration_is_said_once_and_shown_on_healthz(deployment: Deployment) -> None:
    bot = deployment.start(
        SLACK_SIGNING_SECRET="",  # a bot token with no way to receive events
        SOCIALBOT_SOCIAL_MEDIA_MANAGERS="",
        SOCIALBOT_ANNOUNCERS="",
    )
    health = bot.wait_healthy()
    assert health["database"]["created"].startswith("20")  # review10b O6
    warnings = health["warnings"]
    assert any(w.startswith("Slack is off: SLACK_BOT_TOKEN is set, but neither") for w in warnings)
    assert any(w.startswith("Reports reach nobody") for w in warnings)
    assert any(w.startswith("SOCIALBOT_ANNOUNCERS is not set: nobody") for w in warnings)
    # No terminal and no platform: the log says how to connect one.
    assert any("No chat platform is configured" in w for w in warnings)
    assert (deployment.workdir / "socialbot.db").exists()  # SOCIALBOT_DB= is the default
    # Meanwhile the Teams endpoint answers (no auth: MICROSOFT_APP_ID is empty).
    activity = json.loads((TEAMS_ACTIVITIES / "teams-message-personal.json").read_text())
    activity.update(serviceUrl=deployment.connector.url, text="help", attachments=[])
    assert bot.post_teams(activity)[0] in {200, 201}
    bot.wait_for(
        "a reply in Teams", lambda: deployment.connector.replies_to(activity["id"]) or None
    )
    assert bot.stop().returncode == 0
    assert "Traceback" not in bot.stderr
    for warning in warnings:
        assert bot.stderr.count(warning) == 1


def test_slack_unreachable_at_start_is_one_line_then_retried(deployment: Deployment) -> None:
    # Slack's port is held, bound but not listening, until the fake listens on it: connections
    # are refused, and no other test's server can take the port meanwhile.
    with socket.socket() as held:
        held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        held.bind(("127.0.0.1", 0))
        slack_port = held.getsockname()[1]
        bot = deployment.start(
            SLACK_API_URL=f"http://127.0.0.1:{slack_port}/api/",
            # A whole configuration: the check settings too (else /healthz names them).
            SOCIALBOT_COMPANY_NAMES="Nordlys",
            SOCIALBOT_CONFIDENTIAL_TERMS="Polaris",
            SOCIALBOT_INTERNAL_DOMAINS="corp.nordlys.dk",
        )

        def unreachable() -> Json | None:
            answer = bot.health()
            return answer[1] if answer is not None and "error" in answer[1]["slack"] else None

        state = bot.wait_for("Slack's error on /healthz", unreachable)
        assert "cannot reach" in state["slack"]["error"]
        assert f"Slack is not connected: {state['slack']['error']}" in state["warnings"]
        time.sleep(1.5)  # a retry or two fail meanwhile, silently
        # Slack comes back on that address: the bot connects by itself and reads the people.
        deployment.slack.users = {"U0ADA": {"id": "U0ADA", "name": "ada", "real_name": "Ada"}}
        deployment.fakes.run(deployment.slack.start(slack_port))
    state = bot.wait_healthy(lambda state: bool(state["slack"]["ok"]), timeout=15)
    assert state["slack"]["team"] and not state["warnings"]
    challenge = {"type": "url_verification", "challenge": "c-1", "token": "t"}
    status, body = bot.post_slack(json.dumps(challenge))  # a signed request, verified
    assert (status, json.loads(body)) == (200, {"challenge": "c-1"})
    bot.wait_for("the people read", lambda: deployment.slack.count("users.list") or None)
    bot.stop()
    assert bot.stderr.count("cannot reach Slack") == 1
    assert "Traceback" not in bot.stderr


def test_a_revoked_bot_token_keeps_the_bot_alive_ready_and_answering_teams(
    deployment: Deployment,
) -> None:
    # The Slack app uninstalled: Kubernetes' probes and the image's HEALTHCHECK read /healthz and
    # /readyz, which stay 200 so the bot is neither restarted nor cut off (review6 item 2).
    deployment.slack.fail("auth.test", "token_revoked", times=1000)
    bot = deployment.start()
    state = bot.wait_healthy(lambda state: bool(state["clock"]["ok"]))
    assert state["ok"] is True and state["database"]["ok"] is True
    assert state["slack"]["ok"] is False and state["slack"]["error"] == "token_revoked"
    assert "Slack is not connected: token_revoked" in state["warnings"]
    ready = json.loads(bot.request("/readyz")[1])
    assert ready["ok"] is True and ready["slack"]["error"] == "token_revoked"
    check = healthcheck()
    assert check[0] == "python"  # run here by this interpreter, with the image's PORT variable
    # PORT as an env file gives it: as written, or quoted (review10b O1); a company proxy
    # set for the bot's own calls is not asked (review12b D5).
    proxy = {"HTTP_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9"}
    for port in (str(bot.port), f'"{bot.port}"', f" '{bot.port}' "):
        env = {**os.environ, **proxy, "PORT": port}
        assert subprocess.run([sys.executable, *check[1:]], env=env, timeout=10).returncode == 0
    activity = json.loads((TEAMS_ACTIVITIES / "teams-message-personal.json").read_text())
    activity.update(serviceUrl=deployment.connector.url, text="help", attachments=[])
    assert bot.post_teams(activity)[0] in {200, 201}
    bot.wait_for(
        "a reply in Teams", lambda: deployment.connector.replies_to(activity["id"]) or None
    )
    assert bot.stop().returncode == 0
    assert bot.stderr.count("Slack rejected the bot token, SLACK_BOT_TOKEN: install") == 1


def test_port_in_use_is_one_line_naming_port(deployment: Deployment) -> None:
    port = int(deployment.env["PORT"])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = deployment.cli("run")
    assert result.returncode == 2
    # One line, before the database is made: the next start on that path still warns that it
    # made a new, empty database (review12b D9).
    assert result.stderr == (
        f"Invalid setting PORT: cannot listen on 127.0.0.1:{port}: it is in use;"
        " stop what uses it or set PORT to a free port\n"
    )
    assert not (deployment.workdir / "socialbot.db").exists()


def test_a_start_while_another_program_holds_the_lock_waits_for_it(
    deployment: Deployment,
) -> None:
    # A backup script's `BEGIN IMMEDIATE` during a restart: the bot waited 1 s, then exited
    # with "the database is busy" (as the console did, closing11); it waits and then serves.
    # Stopped while it waits, it stops at once (it ignored SIGTERM until the lock was let go,
    # then connected to Slack before stopping: review13c R4). A database with migrations to
    # run (an upgrade's first start) waits too, where it was refused "database is locked".
    database = deployment.workdir / "socialbot.db"
    build_runtime(load_settings(_env_file=None, db=database)).db.close()  # made earlier
    older = deployment.workdir / "previous-release.db"
    shutil.copy(PREVIOUS_RELEASE, older)
    backup, upgrade_backup = (sqlite3.connect(db, isolation_level=None) for db in (database, older))
    try:
        backup.execute("BEGIN IMMEDIATE")
        stopped = deployment.start()
        stopped.wait_for_log(WAITING_FOR_THE_LOCK)
        assert stopped.stop(timeout=10).returncode == 0, stopped.stderr
        assert "Traceback" not in stopped.stderr
        upgrade_backup.execute("BEGIN IMMEDIATE")
        bot = deployment.start(PORT=str(free_port()), SOCIALBOT_DB=older.name)
        bot.wait_for_log(WAITING_FOR_THE_LOCK)
    finally:
        backup.close()  # the backups are done
        upgrade_backup.close()
    bot.wait_healthy(lambda state: bool(state["clock"]["ok"]))
    assert bot.stop().returncode == 0
    assert bot.stderr.count(WAITING_FOR_THE_LOCK) == 1
    assert "Traceback" not in bot.stderr


def test_database_in_a_missing_folder_is_refused(deployment: Deployment) -> None:
    missing = deployment.workdir / "data-typo"
    result = deployment.cli("feeds", "list", SOCIALBOT_DB=str(missing / "socialbot.db"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"Invalid setting SOCIALBOT_DB: the folder {missing} does not exist;"
        " create it or correct the path"
    )
    assert not missing.exists()


def test_a_second_run_on_one_database_refuses_naming_the_first(deployment: Deployment) -> None:
    lock = deployment.workdir / "socialbot.db.lock"
    first = deployment.start()
    first.wait_for("the lock taken", lambda: (lock.exists() and "pid" in lock.read_text()) or None)
    second = deployment.cli("run", PORT=str(free_port()))
    assert second.returncode == 1
    assert second.stderr.strip().startswith("socialbot run is already running on socialbot.db:")
    assert f"pid {first.process.pid} on host {socket.gethostname()} since 20" in second.stderr
    # The same file through a symlink is the same database (review6 item 9).
    (deployment.workdir / "db-link.db").symlink_to(deployment.workdir / "socialbot.db")
    linked = deployment.cli("run", PORT=str(free_port()), SOCIALBOT_DB="db-link.db")
    assert linked.returncode == 1, linked.stderr
    real = (deployment.workdir / "socialbot.db").resolve()
    assert linked.stderr.strip().startswith(
        f"socialbot run is already running on db-link.db (the file {real}):"
        f" pid {first.process.pid} on host"
    )
    backup = deployment.cli("backup", "backup.db")
    assert backup.returncode == 0, backup.stderr
    # The first dies without cleaning up: the next one takes over.
    first.kill()
    # ...of a backup copied into place by hand: treated as restored (review10b O13).
    for beside in ("-wal", "-shm"):
        (deployment.workdir / f"socialbot.db{beside}").unlink(missing_ok=True)
    (deployment.workdir / "socialbot.db").write_bytes(
        (deployment.workdir / "backup.db").read_bytes()
    )
    third = deployment.start(PORT=str(free_port()))
    third.wait_for_log(f"stopped without cleaning up; taking over last=pid {first.process.pid}")
    third.wait_for_log("socialbot.db is a backup put in place by copying it, so it is treated as")
    third.kill()


def test_commands_that_need_no_database_create_none(deployment: Deployment) -> None:
    # slack-manifest: tests/test_cli.py::test_slack_manifest_is_yaml_with_the_commands
    for command in (["--help"], ["teams-package", "-o", "teams.zip", "--app-id", APP_ID]):
        assert deployment.cli(*command).returncode == 0
    assert [path.name for path in deployment.workdir.iterdir()] == ["teams.zip"]


def test_a_refused_app_token_is_one_line_and_the_rest_runs(deployment: Deployment) -> None:
    # Socket Mode (an app token, no signing secret) with a token Slack refuses; the Teams
    # manager (Megan, who writes below) gets the reports meanwhile. (review5 item 3)
    megan = json.loads((TEAMS_ACTIVITIES / "teams-message-personal.json").read_text())
    megan.update(serviceUrl=deployment.connector.url, text="help", attachments=[])
    bot = deployment.start(
        SLACK_APP_TOKEN="xapp-1-revoked",
        SLACK_SIGNING_SECRET="",
        SOCIALBOT_SOCIAL_MEDIA_MANAGERS=f"{megan['from']['aadObjectId']},U0MANAGER",
    )
    refused = "Slack refused SLACK_APP_TOKEN (invalid_auth): the token is not valid"

    def refused_and_ticking() -> Json | None:
        answer = bot.health()
        if answer is None or not answer[1]["clock"]["ok"]:
            return None
        return answer[1] if any(w.startswith(refused) for w in answer[1]["warnings"]) else None

    state = bot.wait_for("the clock running and the refusal on /healthz", refused_and_ticking)
    assert state["slack"]["connected"] is False and state["slack"]["error"].startswith(refused)
    assert bot.post_teams(megan)[0] in {200, 201}
    other = {**megan, "text": "report https://x.com/q/status/9 rude", "id": "other-1"}
    other["from"] = {"id": "29:other", "name": "Other", "aadObjectId": OTHER_AAD}
    assert bot.post_teams(other)[0] in {200, 201}
    conversation = megan["conversation"]["id"]

    def card_to_megan() -> bool | None:
        sent = [s for s in deployment.connector.posted if s.conversation_id == conversation]
        return any("R-0001" in json.dumps(s.activity) for s in sent) or None

    bot.wait_for("the report's card to the Teams manager", card_to_megan)
    # Socket Mode is tried again in the background, quietly.
    bot.wait_for("a retry", lambda: deployment.slack.count("apps.connections.open") >= 2 or None)
    assert bot.stop().returncode == 0
    assert bot.stderr.count("Slack refused SLACK_APP_TOKEN") == 1
    assert "Traceback" not in bot.stderr
