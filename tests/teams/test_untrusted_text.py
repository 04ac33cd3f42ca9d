"""Text from people never becomes a link in the bot's Adaptive Cards: a report from a Teams
activity, with a disguised link in its note and a reported link that tries to end early."""

from __future__ import annotations

from handlers.reports import ids
from tests.slack.test_untrusted_text import BAD_LINK, NOTE, TEAMS_LINK, teams_link_hosts
from tests.teams.conftest import MakeTeams, card_text

PERSONAL = "teams-message-personal.json"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the sender's Entra object id


async def test_a_reported_link_and_note_show_as_typed_on_the_managers_card(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(social_media_managers=[MEGAN])

    response = await teams.post(PERSONAL, text=f"report {BAD_LINK} {NOTE}")
    assert response.status == 200
    delivery = teams.runtime.delivery
    await delivery.start()
    try:
        await delivery.run_until_done(ids.CARD, "R-0001")
    finally:
        await delivery.stop()

    [card] = [c for c in teams.connector.posted if "Negative mention" in card_text(c.activity)]
    text = card_text(card.activity)
    # One link, to the x.com address reported, labelled with it in full (escaped).
    [(label, url)] = TEAMS_LINK.findall(text)
    assert url == "https://x.com/a%29%5D%28https://evil.example/x"
    assert label == "https://x.com/a)\\]\u200b(https://evil.example/x"
    assert teams_link_hosts(text) == {"x.com"}
    # The note shows as typed: its brackets escaped, and `]` kept apart from `(` for clients
    # that ignore escapes.
    assert "\\[Click to acknowledge\\]\u200b(https://evil.example/ack)" in text
    assert "[" not in card.activity["summary"].replace(BAD_LINK, "")
