"""What the container image does, without a Docker daemon, and the durability drills.

The image is rebuilt here the way the Dockerfile builds it: the project as a wheel, installed
into a clean virtual environment (its dependencies are taken from the test environment through
a .pth line, not reinstalled), the image's ENV with its paths moved under a temporary root, the
files the Dockerfile copies, and the image's unprivileged user (setpriv, when the tests run as
root). Then:

- the bot starts there as PID 1 of a new PID namespace (root only), healthy by the image's
  own HEALTHCHECK command, as the image's user;
- recovery drill: reports filed and an announcement fanning out under `socialbot-litestream`
  with a folder replica, the whole process group SIGKILLed, the volume emptied, started again:
  every acknowledged report is back, and the fan-out ends with each person messaged once;
- restart under load: SIGTERM in the middle of a fan-out, the time to exit, then a restart
  that finishes it with no duplicate and nobody missing.

bench/deploy_drills.py runs the drills at full size (200 reports, 2,000 messages).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.conftest import BotProcess, Deployment
from tests.announcements.conftest import GOOD, slack_values
from tests.children import die_with_the_tests
from tests.deploy.dockerfile import ROOT, healthcheck, image_env, image_uid
from tests.fakes.slack_requests import slash, view_submission

ANNOUNCER = "U0MANAGER"  # an announcer in the acceptance environment
CACHES = shutil.ignore_patterns("__pycache__")
RPO = 2.5  # seconds: Litestream's sync interval (deploy/litestream.yml) and detection, with margin
COPIED = ("pyproject.toml", "README.md", "bot", "handlers", "content_feed")


@dataclass
class Image:
    """The image's filesystem under `root`, its environment, how to run as its user (`user`,
    the command prefix) and who that is (`uid`, `gid`)."""

    root: Path
    env: dict[str, str]
    user: list[str]
    uid: int
    gid: int

    @property
    def data(self) -> Path:
        """The /data volume."""
        return self.root / "data"

    def empty_volume(self) -> None:
        """A new, empty /data (a lost disk, a new node)."""
        shutil.rmtree(self.data)
        self.data.mkdir()
        os.chown(self.data, self.uid, self.gid)


def build_image(root: Path) -> Image:
    """Lay out what the Dockerfile builds under `root`."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    source, wheels = root / "src", root / "wheels"
    source.mkdir()
    for name in COPIED:  # what the Dockerfile's build stage copies, nothing else
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=CACHES)
        else:
            shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, source],
        check=True,
        cwd=root,
    )
    prefix = root / "opt" / "socialbot"
    venv.EnvBuilder(with_pip=False).create(prefix)
    (wheel,) = wheels.glob("socialbot-*.whl")
    subprocess.run([*pip, "--python", prefix / "bin" / "python", "install", "--no-deps", wheel],
                   check=True)  # fmt: skip
    site = Path(sysconfig.get_paths(vars={"base": str(prefix), "platbase": str(prefix)})["purelib"])
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (prefix / "bin" / "litestream").symlink_to(Path(sys.executable).parent / "litestream")
    for copied, target in (("deploy/socialbot-litestream", "usr/local/bin/socialbot-litestream"),
                           ("deploy/litestream.yml", "etc/litestream.yml")):  # fmt: skip
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / copied, root / target)
    system_path = f"{root}/usr/local/bin:/usr/local/bin:/usr/bin:/bin"
    env = {
        name: value.replace("/opt/", f"{root}/opt/")
        .replace("/data", f"{root}/data")
        .replace("$PATH", system_path)
        for name, value in image_env().items()
    }
    env |= {"HOME": str(root / "data"), "LITESTREAM_CONFIG": str(root / "etc/litestream.yml")}
    # As the image's user when the tests run as root and that user can read the dependencies
    # (a checkout inside a private folder cannot be): else as whoever runs the tests.
    dependencies = Path(sysconfig.get_paths()["purelib"])
    if os.geteuid() == 0 and traversable(dependencies):
        uid = gid = image_uid()
        user = [str(shutil.which("setpriv")), f"--reuid={uid}", f"--regid={gid}", "--clear-groups"]
    else:
        uid, gid, user = os.geteuid(), os.getegid(), []
    image = Image(root, env, user, uid, gid)
    image.data.mkdir()
    os.chown(image.data, uid, gid)
    return image


def traversable(path: Path) -> bool:
    """Whether any user may reach `path`: every folder on the way is searchable by others."""
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in (path, *path.parents))


@pytest.fixture(scope="module")
def image() -> Iterator[Image]:
    """The image, laid out once for this module; readable by its unprivileged user."""
    root = Path(tempfile.mkdtemp(prefix="socialbot-image-"))
    root.chmod(0o755)
    try:
        yield build_image(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def in_image(image: Image, deployment: Deployment, **extra: str) -> dict[str, str]:
    """The deployer's settings on top of the image's ENV (PORT: the test's free port)."""
    return {**deployment.env, **image.env, "PORT": deployment.env["PORT"], **extra}


def start(
    image: Image,
    deployment: Deployment,
    *command: str,
    settings: dict[str, str] | None = None,
    pid_1: bool = False,
) -> BotProcess:
    """Run `command` (default `socialbot run`) in the image, in its own process group
    (`pid_1`: as PID 1 of a new PID namespace, as in a container without an init)."""
    number = len(deployment.processes)
    out, err = (deployment.workdir / f"image-{number}.{kind}" for kind in ("out", "err"))
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [*(as_pid_1(image) if pid_1 else image.user), *(command or ("socialbot", "run"))],
            env=in_image(image, deployment, **(settings or {})),
            cwd=image.data,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
            preexec_fn=die_with_the_tests,
        )
    bot = BotProcess(process, int(deployment.env["PORT"]), out, err)
    deployment.processes.append(bot)
    return bot


def run_in_image(image: Image, deployment: Deployment, *command: str) -> str:
    """Run `command` in the image to the end; its stdout."""
    result = subprocess.run(
        [*image.user, *command],
        env=in_image(image, deployment),
        cwd=image.data,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def as_pid_1(image: Image) -> list[str]:
    """The prefix that runs a command as PID 1 of a new PID namespace, as in a container
    without an init (root only; elsewhere nothing)."""
    if os.geteuid() != 0:
        return []
    return [str(shutil.which("unshare")), "--pid", "--fork", "--kill-child", *image.user]


def bot_pid(bot: BotProcess) -> int:
    """The bot's own process: `unshare`'s child when it runs as PID 1, else the process."""
    children = Path(f"/proc/{bot.process.pid}/task/{bot.process.pid}/children").read_text()
    return int(children.split()[0]) if children.strip() else bot.process.pid


def serves_as_the_image_does(image: Image, deployment: Deployment, bot: BotProcess) -> None:
    """The started bot is healthy by the image's own HEALTHCHECK and ready, runs as the image's
    user (PID 1 of its namespace, as root can arrange), created the database on the volume as
    that user, and runs the wheel's code."""
    bot.wait_healthy(lambda state: bool(state["clock"]["ok"]))
    run_in_image(image, deployment, *healthcheck())
    assert bot.request("/readyz")[0] == 200
    status = Path(f"/proc/{bot_pid(bot)}/status").read_text()
    assert f"Uid:\t{image.uid}\t" in status
    if os.geteuid() == 0:
        assert status.split("NSpid:")[1].split("\n")[0].split()[-1] == "1"
    database = Path(image.env["SOCIALBOT_DB"])
    assert database.parent == image.data and database.stat().st_uid == image.uid
    where = run_in_image(image, deployment, "python", "-c", "import bot; print(bot.__file__)")
    assert where.startswith(str(image.root / "opt" / "socialbot"))  # the wheel, not the checkout


# -- the drills ------------------------------------------------------------------------------


def workspace(deployment: Deployment, count: int) -> list[str]:
    """`count` people in the fake workspace (the announcer among them); their ids."""
    people = [ANNOUNCER, *(f"U{n:05d}" for n in range(count - 1))]
    profile = {"real_name": "", "display_name": "", "email": ""}
    deployment.slack.users = {
        user: {"id": user, "name": user.lower(), "tz": "UTC", "is_bot": False,
               "deleted": False, "profile": {**profile, "real_name": f"Person {user}"}}
        for user in people
    }  # fmt: skip
    return people


def announce_to_everyone(bot: BotProcess, deployment: Deployment) -> None:
    """`/announce`, fill in the form, confirm the preview: the fan-out starts."""
    slack = deployment.slack
    opened = len([c for c in slack.calls if c[0] == "views.open"])
    assert bot.post_slack(slash("/announce", "", user=ANNOUNCER))[0] == 200

    def form() -> dict[str, Any] | None:
        views = [params for method, params in slack.calls if method == "views.open"]
        return views[-1]["view"] if len(views) > opened else None

    view = bot.wait_for("the announcement form", form)
    status, body = bot.post_slack(view_submission(view, slack_values(GOOD), user=ANNOUNCER))
    preview = json.loads(body)
    assert status == 200 and preview["response_action"] == "update", body
    status, body = bot.post_slack(
        view_submission(preview["view"], slack_values({"next": "confirm"}), user=ANNOUNCER)
    )
    assert status == 200 and not body.strip(b"{} "), body


def announced(deployment: Deployment) -> Counter[str]:
    """How many times each DM channel got the announcement (the announcer's own DM, which
    also shows the progress report, left out)."""
    mine, headline = deployment.slack.dm_channel(ANNOUNCER), str(GOOD["headline"])
    return Counter(
        m.channel for m in deployment.slack.messages if headline in m.text and m.channel != mine
    )


def unfinished(database: Path) -> int:
    """The announcement's deliveries still queued or sending (read straight from the file;
    the report cards, paced at one a second into the manager's DM, are not waited for)."""
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM deliveries WHERE purpose = 'announcement'"
            " AND state IN ('queued', 'sending')"
        ).fetchone()
    return int(row[0])


def exactly_once(deployment: Deployment, everyone: list[str]) -> None:
    """Everyone but the announcer got the announcement once: nobody twice, nobody missed."""
    got = announced(deployment)
    missing = [user for user in everyone[1:] if got[deployment.slack.dm_channel(user)] == 0]
    twice = [channel for channel, times in got.items() if times > 1]
    assert (missing, twice) == ([], [])


def finish(bot: BotProcess, database: Path, timeout: float = 60) -> None:
    """Wait until the restarted bot has sent the whole announcement."""
    bot.wait_for("the fan-out to finish", lambda: True if unfinished(database) == 0 else None,
                 timeout)  # fmt: skip


def last_write(replica: Path, copy: Path) -> float:
    """When the newest write the replica holds happened (restored to `copy` to read it)."""
    restore = [str(Path(sys.executable).parent / "litestream"), "restore", "-o", str(copy)]
    subprocess.run([*restore, replica.as_uri()], check=True, capture_output=True)
    with sqlite3.connect(copy) as conn:
        row = conn.execute(
            "SELECT max(max(coalesce(finished_at, 0), coalesce(last_attempt_at, 0), created_at))"
            " FROM deliveries"
        ).fetchone()
    return float(row[0])


def slack_pace(rate: int, **extra: str) -> dict[str, str]:
    """Delivery pace for a drill, in messages per second."""
    return {"SOCIALBOT_SLACK_RATE": str(rate), "SOCIALBOT_SLACK_BURST": "10", **extra}


def mid_way(deployment: Deployment, people: int, after: float = 0.0) -> bool | None:
    """True once a third of `people` got the announcement and the clock passed `after`."""
    return True if len(announced(deployment)) >= people // 3 and time.time() >= after else None


def reports_written(database: Path) -> int:
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM report_links").fetchone()[0])


def recovery_drill(
    image: Image, deployment: Deployment, reports: int, people: int
) -> dict[str, float]:
    """File `reports`, announce to `people`, SIGKILL everything mid-fan-out, lose the volume,
    start again from the replica; check and return the figures."""
    everyone = workspace(deployment, people)
    replica = image.root / "replica"
    replica.mkdir(exist_ok=True)
    os.chown(replica, image.uid, image.gid)
    settings = slack_pace(40, LITESTREAM_REPLICA_URL=replica.as_uri())
    bot = start(image, deployment, "socialbot-litestream", settings=settings)
    bot.wait_for_log("synced Slack members")
    acknowledged = []
    for n in range(reports):
        note = slash("/report-mention", f"https://x.com/post/{n} spreading false prices",
                     user=everyone[n % people])  # fmt: skip
        status, _ = bot.post_slack(note)
        assert status == 200
        acknowledged.append(f"https://x.com/post/{n}")
    # A command slower than Slack's 3 seconds (the first after a start, on a loaded machine) is
    # acknowledged with "Working on it…" and written after: its receipt, not the HTTP 200, is
    # when it was filed, so the recovery point is counted from the last report written.
    live = Path(image.env["SOCIALBOT_DB"])
    bot.wait_for("every report written", lambda: reports_written(live) >= reports or None)
    last_ack = time.time()
    announce_to_everyone(bot, deployment)
    # The crash comes mid-fan-out, and longer after the last report than Litestream's recovery
    # point (its sync interval, 1 s, and as much again to notice the change): writes younger
    # than that are what a dying machine takes with it.
    bot.wait_for("the fan-out mid-way", lambda: mid_way(deployment, people, last_ack + RPO))
    os.killpg(bot.process.pid, signal.SIGKILL)  # the machine dies: Litestream and the bot
    killed = time.time()
    bot.process.wait()
    sent_before = len(announced(deployment))
    assert sent_before < people - 1, "the fan-out finished before the kill"
    replicated = last_write(replica, deployment.workdir / "replica-copy.db")
    image.empty_volume()

    again = start(image, deployment, "socialbot-litestream", settings=settings)
    database = Path(image.env["SOCIALBOT_DB"])
    restored = again.wait_for("the restored database", lambda: database.exists() or None)
    assert restored
    again.wait_healthy(lambda state: bool(state["clock"]["ok"]), timeout=60)
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as conn:
        links = {url for (url,) in conn.execute("SELECT url FROM report_links")}
    finish(again, database)
    assert again.stop().returncode == 0
    found = again.stderr.count("delivery found already sent")
    assert [url for url in acknowledged if url not in links] == []  # every report is back
    exactly_once(deployment, everyone)
    return {"recovery point (s)": round(killed - replicated, 2), "people": people,
            "reports": reports, "sent before the kill": sent_before,
            "found sent by lookup, not resent": found}  # fmt: skip


def test_recovery_drill_sigkill_and_a_lost_volume(image: Image, deployment: Deployment) -> None:
    image.empty_volume()
    figures = recovery_drill(image, deployment, reports=40, people=150)
    print(f"\nrecovery drill: {figures}")


def restart_under_load(image: Image, deployment: Deployment, people: int) -> dict[str, float]:
    """SIGTERM mid-fan-out, time the exit, restart, check exactly once; return the figures."""
    everyone = workspace(deployment, people)
    bot = start(image, deployment, settings=slack_pace(100), pid_1=True)
    serves_as_the_image_does(image, deployment, bot)
    bot.wait_for_log("synced Slack members")
    announce_to_everyone(bot, deployment)
    bot.wait_for("the fan-out mid-way", lambda: mid_way(deployment, people))
    began = time.monotonic()
    os.kill(bot_pid(bot), signal.SIGTERM)  # what `docker stop` sends to PID 1
    assert bot.process.wait(timeout=30) == 0, bot.stderr
    exit_seconds = time.monotonic() - began
    assert "shutting down" in bot.stderr
    sent_before = len(announced(deployment))
    assert sent_before < people, "the fan-out finished before the SIGTERM"

    again = start(image, deployment, settings=slack_pace(100))
    finish(again, Path(image.env["SOCIALBOT_DB"]))
    assert again.stop().returncode == 0
    exactly_once(deployment, everyone)
    return {"exit after SIGTERM (s)": round(exit_seconds, 2), "sent before": sent_before,
            "people": people}  # fmt: skip


def test_the_image_serves_and_a_sigterm_mid_fan_out_loses_nothing(
    image: Image, deployment: Deployment
) -> None:
    image.empty_volume()
    deployment.slack.latency = 0.2  # requests are in flight when SIGTERM comes
    figures = restart_under_load(image, deployment, people=150)
    print(f"\nrestart under load: {figures}")
