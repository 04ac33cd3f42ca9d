"""Every channel of a team the app is in takes the bot's messages, without an @mention there."""

from __future__ import annotations

from typing import Any

from bot.teams.channels import TeamsChannels
from tests.fakes.microsoft_graph import FakeGraph
from tests.teams.conftest import BOT_APP_ID, MakeTeams, Teams, card_text
from tests.teams.test_entra_groups import SECRET, TENANT
from tests.teams.test_team_questions import QUESTION, ask_the_team, calls_where, posted_to

TEAM_ADDED = "teams-conversationUpdate-bot-added-to-team.json"
TEAM = "19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2"
GENERAL = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"
SOCIAL = "19:social@thread.tacv2"
LATER = "19:later@thread.tacv2"
TEAM_GROUP = "f3ec8cd2-e704-4344-8c47-9a3a21d683c0"  # the team's aadGroupId
MANAGER = "6c1bb34b-8a0f-4a4e-9a53-0f0ae7c1b4d2"


async def _warnings_about(teams: Teams, channel: str) -> list[str]:
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    return [line for line in warnings if channel in line]


async def test_the_escalation_channel_of_the_team_takes_cards_once_the_app_is_in_the_team(
    make_running: MakeTeams,
) -> None:
    teams = await make_running(escalation_channel=SOCIAL)
    teams.connector.channels[TEAM] = [{"id": GENERAL}, {"id": SOCIAL, "name": "Social media"}]

    await teams.post(TEAM_ADDED)  # installed from General; nobody @mentions it in Social media
    await ask_the_team(teams)

    [forwarded] = await calls_where(teams.connector, posted_to(SOCIAL))
    assert QUESTION in card_text(forwarded.activity)
    assert await _warnings_about(teams, SOCIAL) == []


async def test_a_team_channel_others_can_read_is_a_warning_where_graph_tells(
    make_teams: MakeTeams,
) -> None:
    # review13c R6: only a Slack channel was checked; a standard channel of a company-wide team
    # or a channel shared with another tenant showed reporters' names unsaid. review15a R5: a
    # standard channel of a team of the social media team alone, the README's setup, is fine.
    team = {"social_media_managers": [MANAGER], "escalation_channel": SOCIAL}
    teams = await make_teams(**team)
    teams.connector.channels[TEAM] = [{"id": GENERAL}, {"id": SOCIAL, "name": "Social media"}]
    teams.connector.rosters[TEAM] = [{"id": "29:meg", "name": "Meg", "aadObjectId": MANAGER}]
    await teams.post(TEAM_ADDED)  # Teams names the team's group with it
    assert teams.bot.conversations.team_group_of(SOCIAL) == TEAM_GROUP
    # An install from before it was kept: the roster read asks Teams for the team's details.
    teams.db.execute("UPDATE teams_conversations SET team_group_id = NULL")
    teams.connector.team_groups[TEAM] = TEAM_GROUP
    await teams.bot.sync_people()
    assert teams.bot.conversations.team_group_of(SOCIAL) == TEAM_GROUP
    async with FakeGraph(BOT_APP_ID, SECRET, TENANT) as graph:
        online = await make_teams(  # the same database, with the credentials Graph takes
            **team,
            microsoft_app_id=BOT_APP_ID,
            microsoft_app_password=SECRET,
            microsoft_app_tenant_id=TENANT,
            microsoft_graph_url=graph.graph_url,
            microsoft_login_url=graph.login_url,
        )
        said: list[list[str]] = []
        for kind in ("shared", "standard", "private", "standard"):
            if len(said) == 3:  # someone besides the social media team joins the team
                teams.connector.rosters[TEAM].append({"id": "29:ann", "aadObjectId": "aad-ann"})
                await teams.bot.sync_people()  # read without Graph
            graph.channels[(TEAM_GROUP, SOCIAL)] = kind
            await online.bot.sync_people()  # at start and daily
            said.append(await _warnings_about(online, SOCIAL))
        # fix15d's rest: one Teams names without an Entra object id counts too; a roster never
        # read (Teams refused it) is said, not taken for the team alone.
        teams.connector.rosters[TEAM].append({"id": "29:bob", "name": "Bob"})
        await teams.bot.sync_people()
        await online.bot.sync_people()
        (two,) = await _warnings_about(online, SOCIAL)
        assert "its team has 2 people who are neither" in two
        teams.db.execute("DELETE FROM teams_roster")
        teams.connector.fail(403, times=5, conversation=TEAM)
        await online.bot.sync_people()
        (unread,) = await _warnings_about(online, SOCIAL)
        assert "Teams has not let the bot read its team's roster" in unread

    shared, of_the_team_alone, private, standard = said
    assert [line.split(", while")[0] for line in shared + standard] == [
        f"SOCIALBOT_ESCALATION_CHANNEL {SOCIAL} is a shared channel, which people of other"
        " teams and organisations can read",
        f"SOCIALBOT_ESCALATION_CHANNEL {SOCIAL} is a standard channel, which everyone in its"
        " team reads, and its team has 1 person who is neither a social media manager nor an"
        " admin",
    ]
    assert standard[0].endswith(
        "make it a standard channel of a team of the social media team alone"
    )
    assert of_the_team_alone == private == []


async def _channel_event(teams: Teams, event_type: str) -> None:
    """Teams tells the bot in the team of a change to the channel LATER."""
    channel_data: dict[str, Any] = {
        "team": {"id": TEAM},
        "tenant": {"id": "t"},
        "eventType": event_type,
        "channel": {"id": LATER, "name": "Launches"},
    }
    await teams.post(TEAM_ADDED, membersAdded=[], channelData=channel_data)


async def test_a_channel_created_later_is_reachable_and_a_deleted_one_is_not(
    teams: Teams,
) -> None:
    await teams.post(TEAM_ADDED)
    channels = TeamsChannels(teams.bot.conversations)

    await _channel_event(teams, "channelCreated")
    created = await channels.info(LATER)
    await _channel_event(teams, "channelDeleted")

    assert (created.member, created.name) == (True, "Launches")
    assert not (await channels.info(LATER)).member
