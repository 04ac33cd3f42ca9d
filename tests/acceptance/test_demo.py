"""The demo and the first digest as a new admin meets them: the installed `socialbot`, run as
processes in a fresh folder, on today's real date (the bundled sample feed must be fresh)."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.acceptance.conftest import SOCIALBOT, Deployment
from tests.children import die_with_the_tests

ZONE = "Europe/Copenhagen"  # where the people are: a digest is for their day

# The console demo: no chat platform at all.
NO_SLACK: dict[str, str | None] = {"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": ""}
REPORT = "/report-mention x.com/someone/status/123 they are spreading false prices"
UNCOVERED = "what is the capital of mongolia in winter?"
PEOPLE = ("U0ANNA", "U0BORIS", "U0CARLA", "U0DAVID")


def test_the_console_demo_whatever_the_date(deployment: Deployment) -> None:
    # The digest is asked for last: arriving between two lines, its buttons would become the
    # ones #1 presses instead of the uncovered answer's.
    alice = deployment.cli(
        "console", "--user", "alice", stdin=f"{REPORT}\n{UNCOVERED}\n#1\n/socialbot digest\n",
        env=NO_SLACK,
    )  # fmt: skip
    assert alice.returncode == 0, alice.stderr
    assert "Today's digest is on its way." in alice.stdout
    digest = alice.stdout.split("--- for you ---")[1]
    assert "Example Corp opens its new Copenhagen office" in digest  # the sample, fresh today
    assert "Your report R-0001 is with the social media team" in alice.stdout
    assert "I've passed your question to the social media team" in alice.stdout

    # Another session, another process: a manager finds what came for the team and answers the
    # question (the last message's #1); then acknowledges the report in a session of its own,
    # since the question, edited soon after the answer, may come between two lines and change
    # what #1 presses.
    script = "#1\nUlaanbaatar; please don't post about it.\n"
    bob = deployment.cli("console", "--user", "bob", "--manager", stdin=script, env=NO_SLACK)
    assert bob.returncode == 0, bob.stderr
    assert "Negative mention R-0001" in bob.stdout and UNCOVERED in bob.stdout
    assert "Thanks! Your answer is on its way to alice." in bob.stdout
    triage = "/report-mention open\n#1\n"
    triaged = deployment.cli("console", "--user", "bob", "--manager", stdin=triage, env=NO_SLACK)
    assert "R-0001 acknowledged. The reporter has been told." in triaged.stdout

    news = deployment.cli("console", "--user", "alice", env=NO_SLACK)
    assert "The social media team has seen your report R-0001" in news.stdout
    assert "Ulaanbaatar; please don't post about it." in news.stdout
    assert "Traceback" not in alice.stderr + bob.stderr + triaged.stderr + news.stderr


def _wait(what: str, check: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"no {what} within {timeout} s"
        time.sleep(0.1)


def _count(deployment: Deployment, sql: str) -> int:
    with sqlite3.connect(deployment.workdir / "socialbot.db") as db:
        try:
            return int(db.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:  # the tables are not there yet
            return 0


def test_the_first_digest_says_why_it_waits_and_survives_a_kill(deployment: Deployment) -> None:
    slack = deployment.slack
    slack.users = {uid: {"id": uid, "name": uid.lower(), "tz": ZONE} for uid in PEOPLE}
    fresh = deployment.cli("digest", "send", "--now")
    assert fresh.returncode == 0, fresh.stderr
    assert "Nobody is known yet" in fresh.stdout and "`socialbot run` connects" in fresh.stdout

    # `socialbot run` learns the people and fetches the sample feed as it starts.
    bot = deployment.start()
    _wait("people", lambda: _count(deployment, "SELECT count(*) FROM people") >= len(PEOPLE))
    fetched = "SELECT count(*) FROM content_feeds WHERE last_success_at IS NOT NULL"
    _wait("feed fetched", lambda: _count(deployment, fetched) == 1)
    assert bot.stop().returncode == 0

    # A send killed while Slack holds its second message...
    slack.stall("chat.postMessage", after=1)
    killed = subprocess.Popen(
        [str(SOCIALBOT), "digest", "send", "--now"],
        env=deployment.env,
        cwd=deployment.workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_the_tests,
    )
    try:
        _wait("stalled send", lambda: len(slack.messages) >= 2)
    finally:
        killed.kill()
        killed.wait()
    slack.release()

    # ...is finished by the next one, with its progress bar, each person once.
    again = deployment.cli("digest", "send")
    assert again.returncode == 0, again.stderr
    day = datetime.now(ZoneInfo(ZONE)).date().isoformat()  # their day, not the machine's
    assert f"Digest {day}: {len(PEOPLE)} sent, 0 failed." in again.stdout
    assert f"Digest {day}" in again.stderr  # the bar
    assert all(len(slack.messages_in(uid)) == 1 for uid in PEOPLE), slack.per_channel()
