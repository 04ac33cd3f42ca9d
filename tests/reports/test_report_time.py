"""A report card says when the report came in as a moment each reader sees on their own clock:
Slack's and Adaptive Cards' date formatting, the console person's zone; never "just now"
frozen at the card's last edit (review9b T4)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import build_runtime
from bot.console.session import ConsoleSession
from tests.conftest import SettingsFactory
from tests.fakes.slack_requests import wait_for_call
from tests.reports.conftest import LINK, report


def created_at(db: Any) -> datetime:
    """When the one report in `db` came in."""
    (row,) = db["reports"].rows
    return datetime.fromtimestamp(int(row["created_at"]), UTC)


async def test_the_slack_card_shows_the_time_in_each_readers_zone(bot, slack) -> None:
    # A note cannot forge a moment: the marks the cards use are dropped from people's text.
    await report(bot, f"{LINK} rude \ue0f0123\ue0f1 reply")
    (card,) = await wait_for_call(slack, "chat.postMessage")
    body = json.dumps(card["blocks"])
    when = created_at(bot.runtime.db)
    stamp = int(when.timestamp())
    fallback = f"{when:%Y-%m-%d %H:%M} UTC"
    assert f"Reported <!date^{stamp}^{{date_short_pretty}} at {{time}}|{fallback}>." in body
    assert "just now" not in body and "<!date^123" not in body


async def test_the_console_shows_the_time_in_the_workspace_zone(
    make_settings: SettingsFactory,
) -> None:
    runtime = build_runtime(make_settings(timezone="Pacific/Auckland"))
    try:
        await ConsoleSession(
            runtime.core, io.StringIO(f"/report-mention {LINK}\n"), io.StringIO(), "alice"
        ).run()
        shown = io.StringIO()
        script = io.StringIO("/report-mention open\n")
        zone = ZoneInfo("Pacific/Auckland")
        await ConsoleSession(runtime.core, script, shown, "mia", manager=True, zone=zone).run()
        local = created_at(runtime.db).astimezone(zone)
    finally:
        runtime.db.close()
    assert f"Reported {local:%a %d %b %Y %H:%M} (Pacific/Auckland)." in shown.getvalue()
    assert "just now" not in shown.getvalue()
