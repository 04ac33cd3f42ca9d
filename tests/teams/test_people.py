"""People: team rosters into the directory, time zones from messages, chats opened from rosters."""

from __future__ import annotations

from typing import Any

import pytest

from bot.delivery.gateway import PermanentFailure
from bot.teams import TeamsGateway, people
from handlers.people import Member
from handlers.views import Message
from tests.teams.conftest import Teams, card_text

CHANNEL_INSTALLED = "teams-installationUpdate-add-channel.json"
PERSONAL = "teams-message-personal.json"
TEAM = "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"
TENANT = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f"
BOT = "28:608cacfd-1cea-40c9-b678-4b93e69bb72b"


def _account(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"29:user-{n}", "name": f"Person {n}", "aadObjectId": f"aad-{n}", **extra}


ROSTER = [
    _account(1),
    _account(2, userRole="guest"),
    _account(3),
    {"id": BOT, "name": "Test Bot"},  # no Entra id: not a person in the directory
]


@pytest.fixture
def roster(teams: Teams, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    monkeypatch.setattr(people, "PAGE_SIZE", 2)  # so the roster comes in two pages
    teams.connector.rosters[TEAM] = ROSTER
    return ROSTER


async def test_an_install_in_a_team_reads_its_roster(teams: Teams, roster: object) -> None:
    await teams.post(CHANNEL_INSTALLED)

    reads = [call for call in teams.connector.calls if call.method == "pagedmembers"]
    assert [call.conversation_id for call in reads] == [TEAM, TEAM]  # two pages
    assert teams.core.directory.get("teams", "aad-2") == Member(
        "teams", "aad-2", "Person 2", guest=True
    )
    assert [m.user_id for m in teams.core.directory.active("teams")] == ["aad-1", "aad-3"]


async def test_the_daily_sync_reads_every_team_and_keeps_known_time_zones(
    teams: Teams, roster: list[dict[str, Any]]
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    teams.core.directory.upsert([Member("teams", "aad-1", "Person 1", tz="Europe/Copenhagen")])
    roster.append(_account(4))

    assert await teams.bot.sync_people() == 4

    assert teams.core.directory.get("teams", "aad-4") is not None
    member = teams.core.directory.get("teams", "aad-1")
    assert member is not None and member.tz == "Europe/Copenhagen"


async def test_one_failing_team_does_not_stop_the_sync(teams: Teams, roster: object) -> None:
    await teams.post(CHANNEL_INSTALLED)
    teams.connector.fail(403)

    assert await teams.bot.sync_people() == 0  # logged, not raised


async def test_a_message_records_the_senders_time_zone(teams: Teams) -> None:
    await teams.post(PERSONAL, text="hello")

    member = teams.core.directory.get("teams", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8")
    assert member == Member(
        "teams", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8", "Megan Bowen", "America/Los_Angeles"
    )


@pytest.fixture
async def gateway(teams: Teams, roster: object) -> TeamsGateway:
    await teams.post(CHANNEL_INSTALLED)
    teams.connector.calls.clear()
    return TeamsGateway(teams.bot.adapter, teams.bot.conversations, app_id=None)


async def test_a_roster_member_who_never_wrote_gets_a_new_personal_chat(
    teams: Teams, gateway: TeamsGateway
) -> None:
    message_id = await gateway.send("aad-3", gateway.render(Message("Your digest")))

    create, sent = teams.connector.calls
    assert create.method == "create"
    assert create.body["members"] == [{"id": "29:user-3"}]
    assert create.body["bot"]["id"] == BOT
    assert create.body["channelData"] == {"tenant": {"id": TENANT}}
    assert str(sent.conversation_id).startswith("a:conversation-")  # the one just created
    assert message_id.startswith("activity-")
    assert "Your digest" in card_text(sent.activity)
    row = teams.db.table("teams_conversations").get(str(sent.conversation_id))
    assert (row["kind"], row["user_id"], row["aad_object_id"]) == ("personal", "29:user-3", "aad-3")
    assert row["tenant_id"] == TENANT

    teams.connector.calls.clear()
    await gateway.send("aad-3", gateway.render(Message("Tomorrow's digest")))
    [again] = teams.connector.calls
    assert again.method == "send"  # the stored chat, not another create


async def test_a_person_who_blocked_the_bot_is_marked(teams: Teams, gateway: TeamsGateway) -> None:
    await gateway.send("aad-3", gateway.render(Message("Your digest")))
    chat = str(teams.connector.calls[-1].conversation_id)
    teams.connector.fail(403)

    with pytest.raises(PermanentFailure):
        await gateway.send("aad-3", gateway.render(Message("Tomorrow's digest")))

    assert teams.db.table("teams_conversations").get(chat)["blocked_at"] is not None
    await teams.post(  # they write again: not blocked any more
        PERSONAL, conversation={"id": chat, "conversationType": "personal"}
    )
    assert teams.db.table("teams_conversations").get(chat)["blocked_at"] is None


async def test_someone_in_no_roster_is_still_a_permanent_failure(gateway: TeamsGateway) -> None:
    with pytest.raises(PermanentFailure, match="no stored Teams conversation"):
        await gateway.send("aad-99", gateway.render(Message("Hello")))


async def test_a_refused_create_is_classified(teams: Teams, gateway: TeamsGateway) -> None:
    teams.connector.fail(403)

    with pytest.raises(PermanentFailure):
        await gateway.send("aad-1", gateway.render(Message("Hello")))
