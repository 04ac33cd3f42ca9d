"""People: team rosters into the directory, leavers marked gone, time zones from messages, chats
opened from rosters."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.delivery.gateway import PermanentFailure
from bot.teams import TeamsGateway, people
from handlers.digest.ids import OPEN_PREFERENCES
from handlers.people import Member
from handlers.views import Message
from tests.digest.conftest import add_feeds, at
from tests.teams.conftest import MakeTeams, Teams, card_text, cards_in, load_activity, objects_in

CHANNEL_INSTALLED = "teams-installationUpdate-add-channel.json"
PERSONAL = "teams-message-personal.json"
INVOKE = "teams-invoke-adaptiveCard-action.constructed.json"
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
    """The team's roster as the fake connector gives it; change it to change the team."""
    monkeypatch.setattr(people, "PAGE_SIZE", 2)  # so the roster comes in two pages
    teams.connector.rosters[TEAM] = list(ROSTER)
    return teams.connector.rosters[TEAM]


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


async def test_a_message_records_the_senders_time_zone_and_locale(teams: Teams) -> None:
    await teams.post(PERSONAL, text="hello")

    member = teams.core.directory.get("teams", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8")
    megan = ("teams", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8", "Megan Bowen")
    assert member == Member(*megan, "America/Los_Angeles", locale="en-US")


async def test_a_guest_who_writes_before_any_roster_is_read_is_a_guest(teams: Teams) -> None:
    # A message does not say the sender is a guest; Teams does when asked (as a roster does).
    guest = {"id": "29:gus", "name": "Gus (Guest)", "aadObjectId": "gus"}
    teams.connector.accounts[guest["id"]] = {**guest, "userRole": "guest"}
    chat = {"conversationType": "personal", "id": "a:chat-gus"}
    await teams.post(PERSONAL, text="hello", conversation=chat, **{"from": guest})
    await teams.post(PERSONAL, text="hello")

    gus = teams.core.directory.get("teams", "gus")
    assert gus is not None and gus.guest
    # no digests, no announcements: only Megan counts
    assert [m.name for m in teams.core.directory.active("teams")] == ["Megan Bowen"]


@pytest.fixture
async def gateway(teams: Teams, roster: object) -> TeamsGateway:
    await teams.post(CHANNEL_INSTALLED)
    teams.connector.calls.clear()
    return TeamsGateway(
        teams.bot.adapter, teams.bot.conversations, None, teams.core.shares.signature
    )


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


# -- leavers -----------------------------------------------------------------------------------

MEMBER_REMOVED = "teams-conversationUpdate-member-removed-from-team.constructed.json"
TEAM_DELETED = "teams-conversationUpdate-team-deleted.constructed.json"
PERSONAL_ADDED = "teams-conversationUpdate-bot-added-personal.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the sender of PERSONAL: in no roster
OTHER_TEAM = "19:other-team@thread.tacv2"
ANNOUNCEMENT = {
    "headline": "We won the Green Award",
    "message": "Our new plant runs on wind.",
    "link": "https://example.com/award",
    "audience": "everyone",
    "when": "now",
    "share": "ask",
}


def _leave(roster: list[dict[str, Any]], aad: str) -> None:
    """Take the person with Entra id `aad` out of the team, as Teams would."""
    roster[:] = [account for account in roster if account.get("aadObjectId") != aad]


def _gone(teams: Teams) -> list[str]:
    """The people on Teams the directory counts as gone."""
    rows = teams.db.execute("SELECT user_id FROM people WHERE deleted = 1 ORDER BY user_id")
    return [str(user_id) for (user_id,) in rows]


async def _install_other_team(teams: Teams, members: list[dict[str, Any]]) -> None:
    """Install the bot in a second team whose roster is `members`."""
    teams.connector.rosters[OTHER_TEAM] = members
    channel = {"id": "19:other-general@thread.tacv2"}
    await teams.post(
        CHANNEL_INSTALLED,
        conversation={"isGroup": True, "conversationType": "channel", **channel},
        channelData={"channel": channel, "team": {"id": OTHER_TEAM}, "tenant": {"id": TENANT}},
    )


async def _press(teams: Teams, card: dict[str, Any], **values: str) -> dict[str, Any]:
    """Press the form card's button with `values` typed in; the card it is replaced by."""
    [action] = card["actions"]
    data = {**action["data"], **values}
    value = {"action": {"type": "Action.Execute", "verb": action["verb"], "data": data}}
    body = await (await teams.post(EXECUTE, value=value)).json()
    refreshed: dict[str, Any] = body["value"]
    return refreshed


async def test_who_left_the_team_is_gone_after_the_daily_sync(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    teams = await make_teams(announcers=[MEGAN])
    teams.connector.rosters[TEAM] = [_account(1), _account(3)]
    await teams.post(CHANNEL_INSTALLED)
    await teams.post(PERSONAL, text="hello")  # Megan, who is in no roster
    teams.connector.rosters[TEAM] = [_account(1)]  # Person 3 left the team

    assert await teams.bot.sync_people() == 1

    assert _gone(teams) == ["aad-3"]
    assert teams.core.directory.active_ids("teams") == [MEGAN, "aad-1"]
    await add_feeds(teams.db, tmp_path)
    await teams.runtime.digest.send_everyone(at(23, 8, 30))
    digests = teams.db.execute("SELECT recipient FROM deliveries WHERE purpose = 'digest'")
    assert sorted(recipient for (recipient,) in digests) == [MEGAN, "aad-1"]

    teams.connector.calls.clear()
    await teams.post(PERSONAL, text="announce")
    [form] = cards_in(teams.connector.sent[-1].activity)
    preview = await _press(teams, form, **ANNOUNCEMENT)
    assert "This is what 2 people will get" in json.dumps(preview)
    await _press(teams, preview, next="confirm")
    announced = teams.db.execute("SELECT recipient FROM deliveries WHERE purpose = 'announcement'")
    assert sorted(recipient for (recipient,) in announced) == [MEGAN, "aad-1"]


async def _installed_the_app(teams: Teams) -> None:
    """Person 3 installs the app for themselves."""
    chat = {"conversationType": "personal", "id": "a:chat-3"}
    await teams.post(PERSONAL_ADDED, conversation=chat, **{"from": _account(3)})


async def _uninstalled_the_app(teams: Teams) -> None:
    """Person 3 installs the app for themselves, then removes it."""
    await _installed_the_app(teams)
    chat = {"conversationType": "personal", "id": "a:chat-3"}
    await teams.post(
        PERSONAL_ADDED,
        type="installationUpdate",
        action="remove",
        conversation=chat,
        **{"from": _account(3)},
    )


async def _in_another_team(teams: Teams) -> None:
    """Person 3 is in a second team the bot is in."""
    await _install_other_team(teams, [_account(3)])


@pytest.mark.parametrize(
    ("person_3", "gone"),
    [
        (_installed_the_app, ["aad-1"]),
        (_in_another_team, ["aad-1"]),
        (_uninstalled_the_app, ["aad-1", "aad-3"]),
    ],
    ids=["personal-install", "another-team", "personal-install-removed"],
)
async def test_who_left_stays_while_teams_shows_them_elsewhere(
    teams: Teams,
    roster: list[dict[str, Any]],
    person_3: Callable[[Teams], Awaitable[None]],
    gone: list[str],
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    await person_3(teams)
    _leave(roster, "aad-1")
    _leave(roster, "aad-3")

    await teams.bot.sync_people()

    assert _gone(teams) == gone


async def test_who_moved_to_another_team_stays(teams: Teams, roster: list[dict[str, Any]]) -> None:
    _leave(roster, "aad-3")
    await teams.post(CHANNEL_INSTALLED)
    await _install_other_team(teams, [_account(3)])
    teams.connector.rosters[OTHER_TEAM] = []  # read first: Person 3 left it...
    roster.append(_account(3))  # ...for this team, read after it

    await teams.bot.sync_people()

    assert _gone(teams) == []


async def test_a_roster_that_cannot_be_read_changes_nothing(
    teams: Teams, roster: list[dict[str, Any]]
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    await _install_other_team(teams, [_account(3)])
    roster[:] = [_account(9)]  # everyone but a new owner left both teams
    teams.connector.rosters[OTHER_TEAM] = [_account(9)]
    teams.connector.fail(403, times=2)  # neither roster can be read today

    assert await teams.bot.sync_people() == 0

    assert _gone(teams) == []
    teams.connector.fail(403, conversation=OTHER_TEAM)  # the next day only the other cannot

    await teams.bot.sync_people()

    assert _gone(teams) == ["aad-1", "aad-2"]  # Person 3 is in the other roster as last read

    await teams.bot.sync_people()  # the day after, it can be read too

    assert _gone(teams) == ["aad-1", "aad-2", "aad-3"]


async def _bot_removed(teams: Teams) -> None:
    """A team owner removes the app from the team."""
    await teams.post(MEMBER_REMOVED, membersRemoved=[{"id": BOT}])


async def _app_uninstalled_from_the_team(teams: Teams) -> None:
    """The app is uninstalled from the team (Manage team, Apps)."""
    await teams.post(CHANNEL_INSTALLED, action="remove")


def _team_event(event: str) -> Callable[[Teams], Awaitable[None]]:
    """The team deleted, archived, restored…: Teams' conversationUpdate of that event."""

    async def happened(teams: Teams) -> None:
        channel_data = load_activity(TEAM_DELETED, "")["channelData"]
        await teams.post(TEAM_DELETED, channelData={**channel_data, "eventType": event})

    return happened


@pytest.mark.parametrize(
    "removed",
    [
        _bot_removed,
        _app_uninstalled_from_the_team,
        _team_event("teamDeleted"),
        _team_event("teamHardDeleted"),
        _team_event("teamArchived"),
    ],
    ids=["bot-removed", "app-uninstalled", "team-deleted", "team-hard-deleted", "team-archived"],
)
async def test_the_people_of_a_team_the_app_left_are_not_counted_until_it_is_back(
    teams: Teams, roster: list[dict[str, Any]], removed: Callable[[Teams], Awaitable[None]]
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    await _installed_the_app(teams)  # Person 3 has it for themselves: still reachable

    await removed(teams)

    assert _gone(teams) == ["aad-1", "aad-2"]
    assert teams.core.directory.active_ids("teams") == ["aad-3"]
    assert all(
        row["uninstalled_at"]
        for row in teams.db["teams_conversations"].rows_where("kind = 'channel'")
    )
    assert await teams.bot.sync_people() == 0  # a team the app is not in is not read

    await teams.post(CHANNEL_INSTALLED)  # added back: its roster brings them back

    assert _gone(teams) == []
    assert teams.core.directory.active_ids("teams") == ["aad-1", "aad-3"]


@pytest.mark.parametrize(
    ("gone", "back"), [("teamDeleted", "teamRestored"), ("teamArchived", "teamUnarchived")]
)
async def test_a_team_restored_counts_its_people_again(
    teams: Teams, roster: object, gone: str, back: str
) -> None:
    # review14b T2: a deleted team's people were counted and its roster read (failing) forever.
    await teams.post(CHANNEL_INSTALLED)
    await _team_event(gone)(teams)
    assert teams.core.directory.active_ids("teams") == []
    assert await teams.bot.sync_people() == 0  # its roster is not read any more

    await _team_event(back)(teams)

    assert _gone(teams) == []
    assert teams.core.directory.active_ids("teams") == ["aad-1", "aad-3"]


@pytest.mark.parametrize(
    "removed",
    [{"id": "29:user-3"}, {"id": "29:user-3", "aadObjectId": "aad-3"}],
    ids=["teams-id", "with-entra-id"],
)
async def test_someone_removed_from_the_team_is_gone_at_once(
    teams: Teams, roster: object, removed: dict[str, str]
) -> None:
    await teams.post(CHANNEL_INSTALLED)

    response = await teams.post(MEMBER_REMOVED, membersRemoved=[removed])

    assert response.status == 200
    assert _gone(teams) == ["aad-3"]
    roster_ids = [row["aad_object_id"] for row in teams.db["teams_roster"].rows]
    assert sorted(filter(None, roster_ids)) == ["aad-1", "aad-2"]


async def test_someone_removed_from_the_team_but_in_another_stays(
    teams: Teams, roster: object
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    await _install_other_team(teams, [_account(3)])

    await teams.post(MEMBER_REMOVED, membersRemoved=[{"id": "29:user-3"}])

    assert _gone(teams) == []


async def test_someone_gone_who_writes_to_the_bot_is_back(teams: Teams, roster: object) -> None:
    await teams.post(CHANNEL_INSTALLED)
    await teams.post(MEMBER_REMOVED, membersRemoved=[{"id": "29:user-3"}])

    await teams.post(PERSONAL, text="hello", **{"from": _account(3)})

    assert _gone(teams) == []
    assert teams.core.directory.active_ids("teams") == ["aad-1", "aad-3"]


async def test_someone_gone_who_is_back_in_a_roster_is_back(
    teams: Teams, roster: list[dict[str, Any]]
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    _leave(roster, "aad-3")
    await teams.bot.sync_people()
    assert _gone(teams) == ["aad-3"]
    roster.append(_account(3))

    await teams.bot.sync_people()

    assert _gone(teams) == []


async def test_a_roster_of_nobody_is_taken_for_a_failed_read(
    teams: Teams, roster: list[dict[str, Any]]
) -> None:
    await teams.post(CHANNEL_INSTALLED)
    roster[:] = [{"id": BOT, "name": "Test Bot"}]  # Teams lists only the bot itself

    assert await teams.bot.sync_people() == 0

    assert _gone(teams) == []
    assert [m.user_id for m in teams.core.directory.active("teams")] == ["aad-1", "aad-3"]


async def test_an_install_in_a_team_that_lists_nobody_waits_for_the_daily_sync(
    teams: Teams, roster: list[dict[str, Any]], caplog: pytest.LogCaptureFixture
) -> None:
    roster[:] = [{"id": BOT, "name": "Test Bot"}]

    response = await teams.post(CHANNEL_INSTALLED)

    assert response.status == 200
    assert "could not read a team's roster" in caplog.text
    assert "unexpected error" not in caplog.text
    assert teams.core.directory.active("teams") == []


async def test_a_roster_member_gets_their_zone_from_a_press_and_may_choose_another(
    teams: Teams, roster: object
) -> None:
    # Person 1 is known from the roster alone, which gives no zone: the first button they press
    # gives it (Teams adds clientInfo to invokes too), and the preferences let them choose
    # another, which their client's no longer changes. (review7 item 4)
    await teams.post(CHANNEL_INSTALLED)
    one = {
        "from": {"id": "29:user-1", "name": "Person 1", "aadObjectId": "aad-1"},
        "conversation": {"conversationType": "personal", "id": "a:chat-1"},
    }

    def client(zone: str) -> list[dict[str, Any]]:
        return [{"type": "clientInfo", "locale": "en-US", "platform": "Web", "timezone": zone}]

    def zone() -> str:
        member = teams.core.directory.get("teams", "aad-1")
        assert member is not None
        return member.tz

    assert zone() == ""
    button = {"action_id": OPEN_PREFERENCES, "value": "", "msteams": {"type": "task/fetch"}}
    new_york = client("America/New_York")
    fetched = await teams.post(
        INVOKE, name="task/fetch", value={"data": button}, entities=new_york, **one
    )
    assert zone() == "America/New_York"
    form = (await fetched.json())["task"]["value"]["card"]["content"]
    shown = {node["id"]: node.get("value", "") for node in objects_in(form["body"]) if "id" in node}
    assert shown["zone"] == "America/New_York"
    [submit] = form["actions"]

    async def save(chosen: str) -> dict[str, Any]:
        data = {**submit["data"], **shown, "zone": chosen}
        response = await teams.post(INVOKE, name="task/submit", value={"data": data}, **one)
        answer: dict[str, Any] = await response.json()
        return answer

    refused = await save("Mars/Olympus_Mons")
    assert "Choose a time zone from the list" in json.dumps(refused)
    assert zone() == "America/New_York"
    # Saturday evening in Tokyo, so the answer names the next digest's day and zone whenever
    # the test runs (on a workday past 09:00 there it says "Today's digest comes in a minute").
    teams.runtime.digest.clock = lambda: at(21, 12)
    assert await save("Asia/Tokyo") == {}
    assert "(Asia/Tokyo)" in card_text(teams.connector.posted[-1].activity)
    await teams.post(PERSONAL, text="hello", entities=new_york, **one)
    assert zone() == "Asia/Tokyo"
