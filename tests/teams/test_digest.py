"""The morning digest reaches Teams users proactively, at the platform's pace."""

from __future__ import annotations

from pathlib import Path

from handlers.people import Member
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
