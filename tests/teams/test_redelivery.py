"""Teams delivers a message again when its POST was slow or the bot restarted: answered once."""

from __future__ import annotations

from tests.teams.conftest import MakeTeams

PERSONAL = "teams-message-personal.json"
QUESTION = "Can I post a photo from the office party?"


async def test_a_message_delivered_again_is_answered_once_even_after_a_restart(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams()
    await teams.post(PERSONAL, text=QUESTION, id="1700000000001")

    again = await teams.post(PERSONAL, text=QUESTION, id="1700000000001")
    restarted = await make_teams()  # the same database, as after a restart
    after_restart = await restarted.post(PERSONAL, text=QUESTION, id="1700000000001")

    assert again.status == after_restart.status == 200
    assert len(teams.connector.sent) == 1
    await restarted.post(PERSONAL, text=QUESTION, id="1700000000002")  # a new message
    assert len(teams.connector.sent) == 2
