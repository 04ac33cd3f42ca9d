"""The deployment drills at full size, in the image as tests/acceptance/test_deploy.py lays it
out (the wheel in a clean virtual environment, the image's ENV, its unprivileged user):

    .venv/bin/python bench/deploy_drills.py                    # 200 reports, 2,000 people
    .venv/bin/python bench/deploy_drills.py --people 500       # a quicker run
    .venv/bin/python bench/deploy_drills.py --only restart     # one drill

recovery: `socialbot-litestream` (deploy/) replicating to a folder; `--reports` reports filed
through signed Slack requests, an announcement to `--people`, the whole process group SIGKILLed
mid-fan-out (and more than the recovery point after the last report), the volume emptied,
started again from the replica. Checked: every acknowledged report back, everyone messaged
exactly once. Printed: the recovery point observed (the kill's time minus that of the newest
write the replica held), messages sent before the kill, and how many of them the restarted bot
found on Slack (by the token each message carries) instead of sending again.

restart: `socialbot run`, an announcement to `--people`, SIGTERM mid-fan-out with requests in
flight (the fake Slack answers each post `--latency` s late). Checked: exit status 0, then
after a restart nobody twice and nobody missing. Printed: the time from SIGTERM to exit.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.acceptance.conftest import (  # noqa: E402
    Deployment,
    FakeServers,
    deployer_env,
    free_port,
)
from tests.acceptance.test_deploy import (  # noqa: E402
    build_image,
    recovery_drill,
    restart_under_load,
)
from tests.fakes.bot_connector import FakeBotConnector  # noqa: E402
from tests.fakes.slack_web_api import FakeSlack  # noqa: E402


def main() -> None:
    """Parse the options, lay out the image, run the drills, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--only", choices=("recovery", "restart"))
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="socialbot-image-"))
    root.chmod(0o755)
    fakes = FakeServers()
    try:
        image = build_image(root)
        for drill in ("recovery", "restart"):
            if args.only not in (None, drill):
                continue
            image.empty_volume()
            work = Path(tempfile.mkdtemp(prefix=f"socialbot-{drill}-"))
            slack, connector = FakeSlack(latency=args.latency), FakeBotConnector()
            fakes.run(slack.start())
            fakes.run(connector.__aenter__())
            deployment = Deployment(work, deployer_env(slack.url, free_port()), slack, connector,
                                    fakes)  # fmt: skip
            try:
                if drill == "recovery":
                    figures = recovery_drill(image, deployment, args.reports, args.people)
                else:
                    figures = restart_under_load(image, deployment, args.people)
                print(f"{drill}: {figures}", flush=True)
            finally:
                for bot in deployment.processes:
                    if bot.process.poll() is None:
                        bot.process.kill()
                        bot.process.wait()
                fakes.run(connector.__aexit__(None, None, None))
                fakes.run(slack.stop())
                shutil.rmtree(work, ignore_errors=True)
    finally:
        fakes.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
