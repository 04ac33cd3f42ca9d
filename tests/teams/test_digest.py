"""The morning digest reaches Teams users proactively, at the platform's pace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.delivery.gateway import PermanentFailure
from handlers.people import Member
from handlers.texts import text_for
from handlers.views import Message
from tests.digest.conftest import add_feeds, at
from tests.teams.conftest import MakeTeams, Teams, card_text, cards_in, objects_in

PERSONAL = "teams-message-personal.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
INVOKE = "teams-invoke-adaptiveCard-action.constructed.json"
PEOPLE = {"ada": "a:chat-ada", "bo": "a:chat-bo", "cy": "a:chat-cy"}  # Entra id: personal chat


async def test_three_people_one_blocked_one_throttled(make_teams: MakeTeams, tmp_path: Path):
    teams = await make_teams(timezone="Europe/Copenhagen", teams_conversation_rate=100.0)
    for person, chat in PEOPLE.items():
        sender = {"id": f"29:{person}", "name": person.title(), "aadObjectId": person}
        conversation = {"conversationType": "personal", "id": chat}
        await teams.post(PERSONAL, text="hi", conversation=conversation, **{"from": sender})
    teams.core.directory.upsert(
        Member("teams", person, person.title(), "Europe/Copenhagen") for person in PEOPLE
    )
    await add_feeds(teams.db, tmp_path)
    teams.connector.calls.clear()
    teams.connector.fail(403, conversation=PEOPLE["bo"])  # Bo blocked the bot
    teams.connector.fail(429, retry_after=1, conversation=PEOPLE["cy"])

    delivery = teams.runtime.delivery
    await delivery.start()
    try:
        await teams.core.tick(at(23, 8, 30))  # 09:30 in Copenhagen on a Monday
        progress = await delivery.run_until_done("digest", "2026-11-23")
    finally:
        await delivery.stop()

    calls = {chat: [c.status for c in teams.connector.calls if c.conversation_id == chat]
             for chat in PEOPLE.values()}  # fmt: skip
    assert calls == {PEOPLE["ada"]: [200], PEOPLE["bo"]: [403], PEOPLE["cy"]: [429, 200]}
    assert (progress.sent, progress.failed) == (2, 1)
    (failed,) = teams.db.execute(
        "SELECT recipient, reason FROM deliveries WHERE state = 'failed'"
    ).fetchall()
    assert failed[0] == "bo"
    assert "403" in failed[1] or "blocked" in failed[1].lower()
    digest = next(c for c in teams.connector.posted if c.conversation_id == PEOPLE["ada"])
    assert "Example Corp" in card_text(digest.activity)
    blocked = teams.db.execute(
        "SELECT conversation_id FROM teams_conversations WHERE blocked_at IS NOT NULL"
    ).fetchall()
    assert blocked == [(PEOPLE["bo"],)]


async def test_a_blocked_chat_is_not_tried_again_until_the_person_writes(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams()
    sender = {"id": "29:bo", "name": "Bo", "aadObjectId": "bo"}
    chat = {"conversationType": "personal", "id": PEOPLE["bo"]}
    await teams.post(PERSONAL, text="hi", conversation=chat, **{"from": sender})
    teams.connector.fail(403, conversation=PEOPLE["bo"])
    gateway = teams.bot.gateway
    payload = gateway.render(Message("Your digest"))
    for _ in range(2):
        with pytest.raises(PermanentFailure):
            await gateway.send("bo", payload)
    assert [c.status for c in teams.connector.calls if c.method == "send"] == [403]

    await teams.post(PERSONAL, text="hi again", conversation=chat, **{"from": sender})
    assert (await gateway.send("bo", payload)).startswith("activity-")


ADA = {
    "conversation": {"conversationType": "personal", "id": PEOPLE["ada"]},
    "from": {"id": "29:ada", "name": "Ada", "aadObjectId": "ada"},
}


def titled(cards: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """The button called `title` on `cards`."""
    [button] = [node for card in cards for node in objects_in(card) if node.get("title") == title]
    return button


async def ada_digest(
    make_teams: MakeTeams, tmp_path: Path, locale: str = "en-US", **settings: Any
) -> tuple[Teams, dict[str, Any]]:
    """Ada's Monday digest in her Teams chat (her client in `locale`): the bot, and the
    digest's activity as sent."""
    teams = await make_teams(
        timezone="Europe/Copenhagen", teams_conversation_rate=100.0, **settings
    )
    await teams.post(PERSONAL, text="hi", locale=locale, **ADA)
    teams.core.directory.upsert([Member("teams", "ada", "Ada", "Europe/Copenhagen")])
    await add_feeds(teams.db, tmp_path)
    delivery = teams.runtime.delivery
    await delivery.start()
    try:
        await teams.core.tick(at(23, 8, 30))
        await delivery.run_until_done("digest", "2026-11-23")
    finally:
        await delivery.stop()
    [digest] = [c for c in teams.connector.posted if "Example Corp" in card_text(c.activity)]
    teams.connector.calls.clear()
    # Her buttons are pressed just after, whenever the test runs: the answers say when her
    # next digest comes from that Monday, not from today's clock.
    teams.runtime.digest.clock = lambda: at(23, 8, 31)
    return teams, digest.activity


async def press(teams: Teams, button: dict[str, Any]) -> dict[str, Any]:
    """Press an Action.Execute button as Ada; Teams' invoke response."""
    execute = {"action": {"type": "Action.Execute", "verb": button["verb"],
                          "data": button["data"]}}  # fmt: skip
    response = await teams.post(INVOKE, name="adaptiveCard/action", value=execute, **ADA)
    assert response.status == 200
    answer: dict[str, Any] = await response.json()
    return answer


async def test_not_for_me_hides_the_item_and_leaves_the_digest_as_it_was(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    teams, digest = await ada_digest(make_teams, tmp_path)
    [first, *_] = [node for node in objects_in(digest) if node.get("title") == "Not for me"]

    answer = await press(teams, first)

    # A few words under the card, as Teams shows them; the card itself is not replaced.
    assert answer["type"] == "application/vnd.microsoft.activity.message"
    assert answer["value"].startswith("Hidden: “")
    assert teams.connector.calls == []
    assert teams.db.execute("SELECT COUNT(*) FROM digest_dislikes").fetchone() == (1,)


async def test_a_mute_is_undone_with_its_unmute_button(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    teams, digest = await ada_digest(make_teams, tmp_path)

    muted = await press(teams, titled(cards_in(digest), "Mute for a week"))
    assert muted["value"].startswith("Digests muted for a week")
    [below] = teams.connector.posted  # the digest stays; the Unmute button comes below it
    assert below.conversation_id == PEOPLE["ada"]
    unmuted = await press(teams, titled(cards_in(below.activity), "Unmute"))

    assert unmuted["value"].startswith("Digests unmuted. Your next digest comes")
    assert teams.runtime.digest.store.preferences("teams", "ada").muted_until is None


async def test_the_change_time_button_opens_the_preferences_in_a_dialog(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    teams, digest = await ada_digest(make_teams, tmp_path)
    ada = ADA
    button = titled(cards_in(digest), "Change time")

    fetch = {"data": button["data"], "context": {"theme": "default"}}
    response = await teams.post(INVOKE, name="task/fetch", value=fetch, **ada)
    opened = await response.json()

    assert button["type"] == "Action.Submit"
    assert opened["task"]["value"]["title"] == "Digest preferences"
    form = opened["task"]["value"]["card"]["content"]
    # Teams submits every input with what it holds: as filled in, with another time.
    shown = {node["id"]: node.get("value", "") for node in objects_in(form["body"]) if "id" in node}
    [submit] = form["actions"]
    data = {**submit["data"], **shown, "time": "07:15"}
    response = await teams.post(INVOKE, name="task/submit", value={"data": data}, **ada)
    assert await response.json() == {}  # the dialog closes; the word comes in the chat
    [saved] = teams.connector.posted
    assert saved.conversation_id == PEOPLE["ada"]
    assert "Saved. Your next digest comes" in card_text(saved.activity)
    assert "07:15" in card_text(saved.activity)


async def test_a_guest_is_told_digests_are_not_for_guests(teams: Teams) -> None:
    # review10a T12: a guest got "Today's digest is on its way", and a form promising a time.
    megan = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the sender of the personal message
    teams.core.directory.upsert([Member("teams", megan, "Megan Bowen", guest=True)])

    await teams.post(PERSONAL, text="digest")
    await teams.post(PERSONAL, text="preferences", locale="es-ES")  # fix15a: it was English

    said = [card_text(call.activity) for call in teams.connector.sent]
    assert said == [text_for("guests_get_none", "en"), text_for("guests_get_none", "es")]
    assert said[1].startswith("Los resúmenes diarios son para la gente de la empresa")


async def test_a_guest_who_is_a_manager_sets_the_days_of_their_reminders(
    make_teams: MakeTeams,
) -> None:
    # review10c R22: since guests were told digests are not for them, a guest social media
    # manager could no longer open the preferences, which also set their reminders' days.
    megan = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the sender of the personal message
    teams = await make_teams(social_media_managers=[megan])
    teams.core.directory.upsert([Member("teams", megan, "Megan Bowen", guest=True)])

    for text in ("digest", "preferences"):
        await teams.post(PERSONAL, text=text)

    digest, form = teams.connector.sent
    assert card_text(digest.activity) == text_for("guests_get_none", "en")
    [card] = cards_in(form.activity)
    [save] = card["actions"]
    # Teams sends every input with what it holds: as the form showed them.
    shown = {node["id"]: node.get("value", "") for node in objects_in(card["body"]) if "id" in node}
    data = {**save["data"], **shown}
    value = {"action": {"type": "Action.Execute", "verb": save["verb"], "data": data}}
    saved = await (await teams.post(EXECUTE, value=value)).json()
    assert "Guest accounts get no digest; your workdays and time zone set" in str(saved)
    assert "Your next digest comes" not in str(saved)


async def test_a_manager_hides_an_item_from_every_digest_in_teams(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    megan = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the sender of the personal message
    teams = await make_teams(social_media_managers=[megan])
    await add_feeds(teams.db, tmp_path)

    for text in ("socialbot feeds items", "socialbot feeds hide 1"):
        await teams.post(PERSONAL, text=text)

    listed, hidden = [card_text(call.activity) for call in teams.connector.sent]
    assert "Example Corp opens an office" in listed and "hidden" not in listed
    assert "**1** Example Corp opens an office" in listed  # bold in Teams too (review12c R4)
    assert "Item 1 (“Example Corp opens an office”) is kept out of every digest" in hidden
    assert "socialbot feeds unhide 1" in hidden and "/socialbot" not in hidden
