"""A report made by mentioning the bot in a Teams channel is acknowledged privately: the receipt
(who reported what) goes to the reporter's personal chat, the channel hears only that it went.
Slack's counterpart: tests/reports/test_slack.py."""

from __future__ import annotations

from handlers.core import SENT_PRIVATELY
from tests.reports.conftest import LINK
from tests.teams.conftest import (  # noqa: F401 (fixtures)
    MakeTeams,
    card_text,
    connector,
    load_activity,
    loopback_only,
    make_teams,
    openid_metadata,
)

MENTION = "teams-message-channel-mention.constructed.json"


async def test_a_teams_channel_mention_report_gets_its_receipt_in_the_personal_chat(
    make_teams: MakeTeams,  # noqa: F811 (the fixture)
) -> None:
    teams = await make_teams()
    channel = load_activity(MENTION, "")["conversation"]["id"]

    await teams.post(MENTION, text=f"<at>Test Bot</at> report {LINK} my manager's rant\n")

    public = [call for call in teams.connector.sent if call.conversation_id == channel]
    private = [call for call in teams.connector.sent if call.conversation_id == "a:conversation-1"]
    assert [card_text(call.activity) for call in public] == [SENT_PRIVATELY]
    assert "R-0001" in card_text(private[0].activity)
    # review16b R7: "forget me" was answered in the channel, with the person's id.
    await teams.post(MENTION, text="<at>Test Bot</at> please delete all my data\n")
    public = [call for call in teams.connector.sent if call.conversation_id == channel]
    private = [call for call in teams.connector.sent if call.conversation_id == "a:conversation-1"]
    assert [card_text(call.activity) for call in public] == [SENT_PRIVATELY] * 2
    assert "Only an admin of this bot" in card_text(private[-1].activity)
