"""The acceptance layer: the installed `socialbot` as a deployer runs it, against local fakes.

Every test here starts where a user starts: the `socialbot` entry point of the virtual
environment (not `python -m bot`), run as a process in an empty working folder, with
environment variables set the way docker-compose or a PaaS form sets them (several of them
empty), talking to the fake Slack Web API and the fake Bot Connector on 127.0.0.1.

    def test_something(deployment: Deployment) -> None:
        result = deployment.cli("feeds", "list")          # one command, waited for
        deployment.first_run()                             # run once: people learnt, then stop
        bot = deployment.start()                           # `socialbot run` in the background
        state = bot.wait_healthy()                         # /healthz answered 200
        bot.post_slack(slash("/socialbot", "help"))        # a signed Slack request
        assert deployment.slack.calls ...                  # what reached the fake Slack
        assert bot.stop().returncode == 0                  # SIGTERM, then the output

`deployment.env` is the environment every process gets; pass keyword arguments to `cli` or
`start` to change variables for one process (an empty string is set as empty; `None` removes
the variable).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.children import die_with_the_tests
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_requests import SECRET as SLACK_SECRET
from tests.fakes.slack_requests import signed
from tests.fakes.slack_web_api import FakeSlack

# The console script pip wrote next to the interpreter running the tests: the installed command.
SOCIALBOT = Path(sys.executable).parent / ("socialbot.exe" if os.name == "nt" else "socialbot")
BOT_TOKEN = "xoxb-acceptance-token"

# Variables of a developer's shell that would change what the bot sees.
_OUR_VARIABLES = ("SLACK_", "MICROSOFT_", "OPENAI_", "SOCIALBOT_", "PORT")

T = TypeVar("T")
Json = dict[str, Any]


class FakeServers:
    """An event loop in a thread that hosts the fake servers while the tests run synchronously."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Run `work` on the fakes' loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout=30)

    def close(self) -> None:
        """Stop the loop and its thread."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()


def free_port() -> int:
    """A TCP port nobody listens on right now, below the kernel's ephemeral range: a port the
    kernel hands out (to a fake server or an outgoing connection of a parallel test) could be
    taken between this probe and the bot's own bind."""
    while True:
        port = random.randrange(20000, 32768)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port


def _merged(base: dict[str, str], changes: dict[str, str | None]) -> dict[str, str]:
    env = dict(base)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


@dataclass
class BotProcess:
    """A `socialbot run` in the background; its output goes to files in the working folder."""

    process: subprocess.Popen[bytes]
    port: int
    stdout_path: Path
    stderr_path: Path
    returncode: int | None = None

    @property
    def url(self) -> str:
        """The bot's base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def stdout(self) -> str:
        """What the bot printed on stdout so far."""
        return self.stdout_path.read_text(errors="replace")

    @property
    def stderr(self) -> str:
        """What the bot printed on stderr (its logs) so far."""
        return self.stderr_path.read_text(errors="replace")

    def request(
        self, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        """GET `path` (or POST `body`); the status and the body, errors included."""
        request = urllib.request.Request(self.url + path, data=body, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def health(self) -> tuple[int, Json] | None:
        """`/healthz`'s status and state, or None while nothing answers on the port."""
        try:
            status, body = self.request("/healthz")
        except OSError:
            return None
        return status, json.loads(body)

    def wait_for(self, what: str, check: Callable[[], T | None], timeout: float = 60) -> T:
        """Poll `check` until it returns something; fail naming `what` (with the bot's
        output) when the bot exits or the time is up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = check()
            if found is not None:
                return found
            if self.process.poll() is not None:
                found = check()
                if found is not None:
                    return found
                pytest.fail(
                    f"socialbot run exited ({self.process.returncode}) before {what}:\n"
                    f"{self.stderr}"
                )
            time.sleep(0.05)
        pytest.fail(f"socialbot run: no {what} within {timeout} s:\n{self.stderr}")

    def wait_healthy(
        self, ready: Callable[[Json], bool] = lambda state: True, timeout: float = 60
    ) -> Json:
        """The state `/healthz` answers with 200 once `ready(state)` holds."""

        def check() -> Json | None:
            answer = self.health()
            if answer is not None and answer[0] == 200 and ready(answer[1]):
                return answer[1]
            return None

        return self.wait_for("healthy /healthz", check, timeout)

    def wait_for_log(self, text: str, timeout: float = 60) -> str:
        """The bot's stderr once it contains `text`."""

        def check() -> str | None:
            log = self.stderr
            return log if text in log else None

        return self.wait_for(f"{text!r} in the log", check, timeout)

    def post_slack(self, body: str) -> tuple[int, bytes]:
        """POST `body` to `/slack/events`, signed as Slack signs it."""
        content_type = (
            "application/json" if body.startswith("{") else "application/x-www-form-urlencoded"
        )
        headers = {"Content-Type": content_type, **signed(body)}
        return self.request("/slack/events", body.encode(), headers)

    def post_teams(self, activity: Json) -> tuple[int, bytes]:
        """POST a Bot Framework activity to `/api/messages` (no auth: MICROSOFT_APP_ID unset)."""
        headers = {"Content-Type": "application/json"}
        return self.request("/api/messages", json.dumps(activity).encode(), headers)

    def stop(self, timeout: float = 20) -> BotProcess:
        """SIGTERM, then wait for the exit; `returncode`, `stdout` and `stderr` are then final."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.returncode = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"socialbot run did not stop within {timeout} s of SIGTERM:\n{self.stderr}")
        return self

    def kill(self) -> None:
        """SIGKILL: the bot dies without cleaning anything up."""
        self.process.kill()
        self.returncode = self.process.wait()


@dataclass
class Deployment:
    """A working folder, a deployer's environment and the fakes it points at."""

    workdir: Path
    env: dict[str, str]
    slack: FakeSlack
    connector: FakeBotConnector
    fakes: FakeServers
    processes: list[BotProcess] = field(default_factory=list)

    def cli(
        self,
        *args: str,
        stdin: str = "",
        timeout: float = 60,
        env: dict[str, str | None] | None = None,
        **variables: str | None,
    ) -> subprocess.CompletedProcess[str]:
        """Run `socialbot ARGS` to the end, stdin given, output captured as text; `env` and
        `variables` change the environment for this command."""
        return subprocess.run(
            [str(SOCIALBOT), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=_merged(self.env, {**(env or {}), **variables}),
            cwd=self.workdir,
            timeout=timeout,
        )

    def start(
        self, *args: str, env: dict[str, str | None] | None = None, **variables: str | None
    ) -> BotProcess:
        """Start `socialbot run ARGS` in the background, stdin closed (no terminal); `env` and
        `variables` change its environment."""
        environment = _merged(self.env, {**(env or {}), **variables})
        port = int(environment.get("PORT") or 3978)
        number = len(self.processes)
        stdout_path = self.workdir / f"run-{number}.out"
        stderr_path = self.workdir / f"run-{number}.err"
        with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
            process = subprocess.Popen(
                [str(SOCIALBOT), "run", *args],
                env=environment,
                cwd=self.workdir,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                preexec_fn=die_with_the_tests,
            )
        bot = BotProcess(process, port, stdout_path, stderr_path)
        self.processes.append(bot)
        return bot

    def first_run(
        self, env: dict[str, str | None] | None = None, **variables: str | None
    ) -> BotProcess:
        """A new admin's first `socialbot run`: it connects to the fake Slack, learns the people
        in `slack.users` and seeds the feeds; then it is stopped (SIGTERM). The CLI sees what
        it left in the database."""
        bot = self.start(env=env, **variables)
        bot.wait_healthy(lambda state: state["slack"].get("team") is not None)
        bot.wait_for_log("synced Slack members")
        assert bot.stop().returncode == 0, bot.stderr
        return bot


def deployer_env(slack_url: str, port: int) -> dict[str, str]:
    """The environment of a docker-compose file with `${VAR}` for every setting: Slack over
    HTTP at the fake, Teams without auth (as for the Emulator), and the unused variables
    present but empty."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OUR_VARIABLES)}
    env.update(
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SLACK_SECRET,
            "SLACK_APP_TOKEN": "",
            "SLACK_API_URL": slack_url,
            "MICROSOFT_APP_ID": "",
            "MICROSOFT_APP_PASSWORD": "",
            "MICROSOFT_APP_TENANT_ID": "",
            "SOCIALBOT_TEAMS_EMULATOR": "true",
            "OPENAI_API_KEY": "",
            "OPENAI_BASE_URL": "",
            "PORT": str(port),
            "SOCIALBOT_HOST": "127.0.0.1",
            "SOCIALBOT_DB": "",
            "SOCIALBOT_FEEDS": "",
            "SOCIALBOT_ESCALATION_CHANNEL": "",
            "SOCIALBOT_SOCIAL_MEDIA_MANAGERS": "U0MANAGER",
            "SOCIALBOT_ANNOUNCERS": "U0MANAGER",
            "SOCIALBOT_DIGEST_TIME": "",
            "SOCIALBOT_TIMEZONE": "",
        }
    )
    return env


@pytest.fixture(scope="session")
def fake_servers() -> Iterator[FakeServers]:
    """The thread that hosts the fakes, shared by the session."""
    if not SOCIALBOT.exists():
        pytest.fail(f"{SOCIALBOT} is missing: install the project (python3 ./dev.py test)")
    servers = FakeServers()
    yield servers
    servers.close()


@pytest.fixture
def deployment(tmp_path: Path, fake_servers: FakeServers) -> Iterator[Deployment]:
    """A fresh deployment: empty working folder, fresh fakes, a free port; processes still
    running at the end are killed."""
    workdir = tmp_path / "work"
    workdir.mkdir()
    slack = FakeSlack()
    fake_servers.run(slack.start())
    connector = FakeBotConnector()
    fake_servers.run(connector.__aenter__())
    env = deployer_env(slack.url, free_port())
    deployed = Deployment(workdir, env, slack, connector, fake_servers)
    try:
        yield deployed
    finally:
        for bot in deployed.processes:
            if bot.process.poll() is None:
                bot.process.kill()
                bot.process.wait()
        fake_servers.run(connector.__aexit__(None, None, None))
        fake_servers.run(slack.stop())
