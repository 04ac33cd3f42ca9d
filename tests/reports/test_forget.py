"""After `socialbot forget`, the cards show "a former employee", never a blank or a stand-in id."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from bot.cli import main
from tests.fakes.slack_requests import wait_for_call
from tests.fakes.slack_web_api import FakeSlack
from tests.reports.conftest import card_buttons, press, report


async def test_a_forgotten_reporter_and_assignee_are_a_former_employee(
    bot: Any, slack: FakeSlack
) -> None:
    await report(bot, "https://x.com/a/status/1 calls us crooks", user="W111")
    card = await card_buttons(slack)
    await press(bot, slack, card["report_assign_me"], user="WMGR1")
    await wait_for_call(slack, "chat.update")

    env = {"SOCIALBOT_DB": str(bot.runtime.settings.db)}
    for user in ("W111", "WMGR1"):
        result = CliRunner().invoke(main, ["forget", "--user", user, "--yes"], env=env)
        assert result.exit_code == 0, result.output
    assert "report_assignments: 2 row(s)" in result.output  # the report and its event

    await report(bot, "https://twitter.com/a/status/1?s=20 still up", user="W222")
    update = (await wait_for_call(slack, "chat.update", 2))[1]
    shown = json.dumps(update["blocks"])
    assert "Reported by (2)*\\na former employee, User W222" in shown  # W222 learnt as they wrote
    assert "_a former employee_: calls us crooks" in shown
    assert "assigned to a former employee" in shown
    assert "forgotten-" not in shown and "__:" not in shown
