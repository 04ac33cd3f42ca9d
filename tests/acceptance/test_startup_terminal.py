"""`socialbot run` in a terminal with no platform: a chat for people, not a log."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import time
from pathlib import Path

from tests.acceptance.conftest import SOCIALBOT, BotProcess, Deployment
from tests.children import die_with_the_tests

TEAMS_ACTIVITIES = Path(__file__).parents[1] / "teams" / "activities"


def read_until(fd: int, text: str, seen: bytearray, timeout: float = 20) -> str:
    """What the terminal showed so far, once it shows `text`."""
    deadline = time.monotonic() + timeout
    while text not in seen.decode(errors="replace"):
        left = deadline - time.monotonic()
        assert left > 0, f"{text!r} never showed; the terminal had:\n{seen.decode()}"
        if select.select([fd], [], [], left)[0]:
            try:
                seen += os.read(fd, 4096)
            except OSError:  # the bot closed the terminal
                break
    return seen.decode(errors="replace")


def test_the_console_shows_no_info_logs(deployment: Deployment) -> None:
    terminal, bot_side = pty.openpty()
    env = {
        **deployment.env,
        "SLACK_BOT_TOKEN": "",
        "SLACK_SIGNING_SECRET": "",
        "SOCIALBOT_TEAMS_EMULATOR": "",  # the console offers the Emulator the endpoint itself
    }
    process = subprocess.Popen(
        [str(SOCIALBOT), "run"],
        stdin=bot_side,
        stdout=bot_side,
        stderr=bot_side,
        env=env,
        preexec_fn=die_with_the_tests,
        cwd=deployment.workdir,
    )
    os.close(bot_side)
    seen = bytearray()
    try:
        read_until(terminal, "See README.md for the details.", seen)
        activity = json.loads((TEAMS_ACTIVITIES / "teams-message-personal.json").read_text())
        activity.update(serviceUrl=deployment.connector.url, text="help", attachments=[])
        bot = BotProcess(process, int(env["PORT"]), Path(os.devnull), Path(os.devnull))
        assert bot.post_teams(activity)[0] in {200, 201}
        os.write(terminal, b"/socialbot help\n")
        read_until(terminal, "/socialbot [help | preferences", seen)
        os.write(terminal, b"\x04")  # Ctrl-D: the end of the chat, and of the bot
        assert process.wait(timeout=20) == 0
        shown = read_until(terminal, "", seen)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(terminal)
    assert "No chat platform is configured, so socialbot runs on this console only." in shown
    assert " INFO " not in shown  # "listening", "shutting down" and the like stay out
    assert "Traceback" not in shown
