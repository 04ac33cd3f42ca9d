"""A message action used in a 1:1 chat between two people answers privately, not in that chat."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from click.testing import CliRunner

from bot.cli import main
from bot.teams.shared import plain_text
from handlers.privacy import FORGOTTEN_NAME
from handlers.texts import text_for
from tests.checks.conftest import CHECK_SETTINGS
from tests.fakes.bot_work import settled
from tests.fakes.openai_api import FakeOpenAI
from tests.reports.conftest import ATTACHMENTS
from tests.teams.conftest import MakeTeams, Teams, card_text, load_activity, objects_in

FETCH = "teams-invoke-composeExtension-fetchTask-from-message.json"
COLLEAGUES_CHAT = {"id": "19:user3_user4@unq.gbl.spaces", "conversationType": "personal"}


async def test_a_check_used_in_a_chat_with_a_colleague_goes_to_the_chat_with_the_bot(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(**CHECK_SETTINGS)
    teams.bot.invoke_budget = 60.0  # a loaded machine's first check outlasts Teams' 4 s
    value: dict[str, Any] = load_activity(FETCH, "")["value"]
    value["commandId"] = "check_post"
    value["messagePayload"]["body"] = {
        "contentType": "html",
        "content": "<p>Sneak peek of Polaris, coming soon!</p>",
    }

    response = await teams.post(
        FETCH, channelId="msteams", value=value, conversation=COLLEAGUES_CHAT
    )

    assert response.status == 200
    assert await response.json() == {}
    create, sent = teams.connector.sent  # the person's own chat with the bot, opened
    assert create.method == "create"
    assert sent.conversation_id == "a:conversation-1"
    assert "“Polaris” is confidential" in card_text(sent.activity)
    assert not [c for c in teams.connector.calls if c.conversation_id == COLLEAGUES_CHAT["id"]]


def _on_message(commanded: str, content: str) -> dict[str, Any]:
    """The value of a message action `commanded` on a message whose HTML is `content`."""
    value: dict[str, Any] = load_activity(FETCH, "")["value"]
    value["commandId"] = commanded
    value["messagePayload"]["body"] = {"contentType": "html", "content": content}
    return value


async def test_a_message_action_keeps_the_links_teams_shows_by_their_label(
    make_teams: MakeTeams,
) -> None:
    # review10a T1: a pasted link Teams shows as its page's title, a Ctrl+K link.
    teams = await make_teams(**CHECK_SETTINGS)
    teams.bot.invoke_budget = 60.0  # a loaded machine's first check outlasts Teams' 4 s
    post = "https://x.com/troll/status/42"
    reported = _on_message("report_message", f'<p>Look at <a href="{post}">this post</a></p>')

    fetched = await teams.post(FETCH, channelId="msteams", value=reported)
    dialog = (await fetched.json())["task"]["value"]

    [links] = [o for o in objects_in(dialog["card"]) if o.get("id") == "links"]
    assert links["value"] == post
    # review10a T2: the channel by its name, not its id.
    [note] = [o for o in objects_in(dialog["card"]) if o.get("id") == "note"]
    assert note["value"].startswith("Message by Olo Brockhouse in #parsable: https://")
    roadmap = '<a href="https://wiki.corp.nordlys.dk/roadmap?y=2027&amp;v=2">our roadmap</a>'
    checked = _on_message("check_post", f"<p>Excited about {roadmap}!</p>")
    await teams.post(FETCH, channelId="msteams", value=checked)
    *_, answer = teams.connector.sent  # the person's chat with the bot opened first
    assert "internal address" in card_text(answer.activity)


async def test_a_message_actions_file_goes_with_the_report(teams: Teams) -> None:
    # review11a M1: the files of the message were never read.
    shared = ATTACHMENTS["teams_shared_file"]
    reported = _on_message("report_message", "<p>they deleted it</p>")
    reported["messagePayload"]["attachments"] = [shared]

    fetched = await teams.post(FETCH, channelId="msteams", value=reported)
    dialog = (await fetched.json())["task"]["value"]

    shown = "\n".join(o["text"] for o in objects_in(dialog["card"]) if o.get("type") == "TextBlock")
    assert f"Screenshot: [deleted-post.png ↗]({shared['contentUrl']})" in shown


def test_a_link_goes_where_its_label_is_a_word_not_inside_another() -> None:
    said = plain_text('<p>There is more <a href="https://x.com/a/status/9">here</a></p>')

    assert said == "There is more https://x.com/a/status/9 (here)"


async def test_a_slow_check_is_answered_at_once_and_checked_once_however_often_teams_asks(
    make_teams: MakeTeams,
) -> None:
    # review10a T5: the model answers after Teams' limit; Teams retries the same invoke.
    async with FakeOpenAI(json.dumps({"concerns": []})) as model:
        model.delay = 1.0
        teams = await make_teams(
            **CHECK_SETTINGS, openai_api_key="sk-test", openai_base_url=model.url
        )
        teams.bot.invoke_budget = 0.1  # Teams' 5 s, shortened
        checked = _on_message("check_post", "<p>We are launching Polaris next week!</p>")

        asked = [
            teams.post(FETCH, channelId="msteams", value=checked, id="f:slow-check")
            for _ in range(3)
        ]
        answers = [await response.json() for response in await asyncio.gather(*asked)]
        await settled(teams.runtime)

    assert answers == [{"task": {"type": "message", "value": text_for("still_working", "en")}}] * 3
    assert len(model.requests) == 1
    [answer] = [s for s in teams.connector.sent if s.method != "create"]
    assert "“Polaris” is confidential" in card_text(answer.activity)


OLO_AAD = "b130c271-d2eb-45f9-83ab-9eb3fe3788bc"  # the fixture message's author


async def _report_message_of(teams: Teams, author: str, content: str, added: str = "") -> None:
    """Report, through the message action's dialog, a message `author` (an Entra object id)
    wrote, whom Teams names Olo Brockhouse, with `added` after the note as it opens."""
    value = _on_message("report_message", content)
    value["messagePayload"]["from"]["user"]["id"] = author
    fetched = await teams.post(FETCH, channelId="msteams", value=value)
    card = (await fetched.json())["task"]["value"]["card"]["content"]
    [action] = card["actions"]
    typed = {o["id"]: o["value"] for o in objects_in(card) if "value" in o and "id" in o}
    typed["note"] += added
    submitted = {"commandId": "report_message", "data": {**action["data"], **typed}}
    submit = "composeExtension/submitAction"
    assert (await teams.post(FETCH, channelId="msteams", name=submit, value=submitted)).ok


async def test_the_author_of_a_reported_message_is_found_by_id_not_by_a_namesake(
    teams: Teams,
) -> None:
    # review13c R5: Teams' display name matched namesakes in export and forget, and forget
    # turned "Announcement" into "former employeeouncement" for a person named "Ann"
    namesake = "0b9f3c1e-aaaa-4bbb-8ccc-123456789abc"
    olos = "<p>https://x.com/a/status/1 rude</p>"
    await _report_message_of(teams, OLO_AAD.upper(), olos, " (the Olo Brockhouses' team)")
    await _report_message_of(teams, namesake, "<p>https://x.com/b/status/2 the other</p>")
    env = {"SOCIALBOT_DB": str(teams.runtime.settings.db)}

    exported = await asyncio.to_thread(
        CliRunner().invoke, main, ["export", "--user", OLO_AAD], env=env
    )
    (reported,) = json.loads(exported.output)["tables"]["report_reporters.source_author"]
    assert reported["about"].startswith("https://x.com/a/status/1")
    command = ["forget", "--user", OLO_AAD, "--yes"]
    forgot = await asyncio.to_thread(CliRunner().invoke, main, command, env=env)

    assert "reported_messages: 1 row(s)" in forgot.output, forgot.output
    mine, theirs = sorted(teams.db["report_reporters"].rows, key=lambda row: row["about"])
    # the name's place kept as a mark each reader sees as "a former employee" in their language
    assert mine["note"].startswith(f"Message by {FORGOTTEN_NAME} in #parsable")
    assert mine["note"].endswith("(the Olo Brockhouses' team)")  # a whole name only
    assert mine["source_author_name"] == "" and OLO_AAD not in json.dumps(mine)
    assert theirs["note"].startswith("Message by Olo Brockhouse in #parsable")
    assert theirs["source_author"] == namesake
