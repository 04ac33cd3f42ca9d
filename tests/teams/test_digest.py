"""The morning digest reaches Teams users proactively, at the platform's pace."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.delivery.gateway import PermanentFailure
from handlers.people import Member
from handlers.views import Message
from tests.digest.conftest import add_feeds, at
from tests.teams.conftest import MakeTeams, card_text

PERSONAL = "teams-message-personal.json"
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
