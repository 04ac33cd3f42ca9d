"""A Teams person's zone from the activity itself when no clientInfo entity comes with it
(the Emulator, Web Chat, Direct Line, some invokes): `localTimezone`, else the offset of
`localTimestamp` (review9b T8)."""

from __future__ import annotations

import pytest

from tests.teams.conftest import Teams, card_text
from tests.teams.test_people import CHANNEL_INSTALLED, roster  # noqa: F401 - a fixture

PERSONAL = "teams-message-personal.json"
AAD = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the sender of PERSONAL
PERSONAL_ADDED = "teams-conversationUpdate-bot-added-personal.json"


def zone(teams: Teams) -> str:
    member = teams.core.directory.get("teams", AAD)
    assert member is not None
    return member.tz


async def test_the_activity_gives_the_zone_without_client_info(teams: Teams) -> None:
    winter = "2027-01-11T09:00:00.000-05:00"  # a Monday morning in New York
    await teams.post(PERSONAL, entities=[], localTimezone="America/New_York", localTimestamp=winter)
    assert zone(teams) == "America/New_York"

    # Only a timestamp: the zone known already keeps when it has the stamp's offset...
    await teams.post(PERSONAL, entities=[], localTimestamp=winter)
    assert zone(teams) == "America/New_York"
    # ...and a traveller's new offset gives a fixed zone with it (Kolkata's +05:30 has none).
    await teams.post(PERSONAL, entities=[], localTimestamp="2027-01-12T22:00:00.000+13:00")
    assert zone(teams) == "Etc/GMT-13"
    await teams.post(PERSONAL, entities=[], localTimestamp="2027-01-13T19:30:00.000+05:30")
    assert zone(teams) == "Etc/GMT-13"

    # A name that is no zone counts for nothing; clientInfo comes first.
    await teams.post(PERSONAL, entities=[], localTimezone="Mars/Olympus", localTimestamp=None)
    assert zone(teams) == "Etc/GMT-13"
    client = [{"type": "clientInfo", "timezone": "Asia/Kolkata", "locale": "ja-JP"}]
    await teams.post(PERSONAL, entities=client, localTimezone="America/New_York")
    assert zone(teams) == "Asia/Kolkata"


@pytest.mark.usefixtures("roster")
async def test_roster_people_without_a_zone_are_named_with_their_digest_time(
    teams: Teams,
) -> None:
    # review9b T3: people known from a roster only get their digest at SOCIALBOT_TIMEZONE's
    # morning, which may be their night: /healthz (and the log at start and daily) says so.
    await teams.post(CHANNEL_INSTALLED)  # persons 1 and 3 (2 is a guest)

    async def lines() -> list[str]:
        warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
        return [line for line in warnings if "no known time zone" in line]

    [line] = await lines()
    assert line.startswith("2 Teams people have no known time zone") and "09:30 UTC" in line
    client = [{"type": "clientInfo", "timezone": "Pacific/Auckland"}]
    for n in (1, 3):
        sender = {"id": f"29:user-{n}", "name": f"Person {n}", "aadObjectId": f"aad-{n}"}
        chat = {"conversationType": "personal", "id": f"a:chat-{n}"}
        await teams.post(
            PERSONAL, text="hi", entities=client, conversation=chat, **{"from": sender}
        )
    assert await lines() == []


async def test_a_person_is_answered_in_their_teams_clients_language(teams: Teams) -> None:
    # Teams' locale was used only for "still working": a Copenhagen employee got the help and
    # every fixed line in English though the bot speaks Danish. It follows a change of client.
    for text, locale in [("hi", "da-DK"), ("prefrences", "da-DK"), ("hi", "de-DE")]:
        await teams.post(PERSONAL, text=text, locale=locale)
    await teams.post(PERSONAL, text="hi", locale=None, entities=[])
    # review14b T3: a question whose language cannot be told was answered in the guidelines'
    # English, not in the language of the asker's client.
    await teams.post(PERSONAL, text="Datenschutz", locale="de-DE")
    said = [card_text(call.activity) for call in teams.connector.sent]
    danish_help, danish_near_miss, german_help, kept, german_answer = said

    assert "Jeg hjælper dig" in danish_help and "Skriv til mig" in danish_help
    assert danish_near_miss.startswith("Mente du")
    assert "Ich helfe dir" in german_help
    assert "Ich helfe dir" in kept  # an activity without a locale changes nothing
    assert "Richtlinien" in german_answer and "guidelines" not in german_answer


async def test_an_install_gives_the_installers_zone_and_language(teams: Teams) -> None:
    # review12a E13: known from a roster only, a Chicago employee got Lisbon's morning; the
    # install of the app, the first thing Teams tells of them, gives their zone and locale.
    client = [{"type": "clientInfo", "timezone": "America/Chicago", "locale": "es-US"}]
    await teams.post(PERSONAL_ADDED, entities=client, locale="es-US")

    member = teams.core.directory.get("teams", "***")  # the installer's Entra object id
    assert member is not None and member.tz == "America/Chicago" and member.locale == "es-US"
    [welcome] = [card_text(call.activity) for call in teams.connector.sent]
    assert "Te ayudo a poner en práctica" in welcome
