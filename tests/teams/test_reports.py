"""Reports from Teams: filed by a chat command, triaged by card buttons, managers only."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.teams import tokens
from tests.reports.conftest import ATTACHMENTS
from tests.teams.conftest import MakeTeams, Teams, card_text, load_activity, objects_in
from tests.teams.test_team_questions import OLO, OLO_CHAT, calls_where, posted_to

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
MEGAN = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"  # the Entra id of the sender in both activities
LINK = "https://x.com/angry_customer/status/1790000000000000001"


def acknowledge(report_id: int) -> dict[str, Any]:
    data = {"action_id": "report_acknowledge", "value": str(report_id)}
    return {"action": {"type": "Action.Execute", "verb": "report_acknowledge", "data": data}}


async def test_a_report_from_teams_and_a_button_only_managers_may_press(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams()
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    [receipt] = teams.connector.sent
    assert "R-0001" in card_text(receipt.activity)
    assert "Don't reply to it" in card_text(receipt.activity)
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    body = await (await teams.post(EXECUTE, value=acknowledge(report_id))).json()
    assert "social media manager" in str(body["value"]).lower()
    assert "report list shows yours" in body["value"]  # a toast: no backticks (review10a T14)
    assert teams.db.table("reports").get(report_id)["status"] == "new"


async def test_a_link_teams_shows_by_its_title_is_the_link_reported(teams: Teams) -> None:
    # review10a T1: Teams' plain text keeps only the title; the link is in its HTML copy.
    html = f'<p>report <a href="{LINK}">Angry Customer (@angry_customer) on X</a> rude</p>'
    await teams.post(
        PERSONAL,
        text="report Angry Customer (@angry_customer) on X rude",
        attachments=[{"contentType": "text/html", "content": html}],
    )

    [receipt] = teams.connector.sent
    assert "R-0001" in card_text(receipt.activity)
    assert [row["url"] for row in teams.db["report_links"].rows] == [LINK]


@pytest.mark.parametrize("between", [" ", " and "])
async def test_two_links_teams_shows_by_one_title_are_both_reported(
    teams: Teams, between: str
) -> None:
    # review10c R16: the second address landed inside the first's label; one post reported.
    title = "Angry Customer (@angry_customer) on X"
    second = LINK.replace("0001", "0002")
    anchors = f'<a href="{LINK}">{title}</a>{between}<a href="{second}">{title}</a>'
    await teams.post(
        PERSONAL,
        text=f"report {title}{between}{title} rude",
        attachments=[{"contentType": "text/html", "content": f"<p>report {anchors} rude</p>"}],
    )

    assert [row["url"] for row in teams.db["report_links"].rows] == [LINK, second]
    [reporter] = teams.db["report_reporters"].rows
    assert reporter["about"] == f"({title}) ({title}) rude"


@pytest.mark.parametrize(
    "text",
    [
        "<at>Test Bot</at>: report {link} rude",
        "<at>Test Bot</at>, report {link} rude",
        "Hi <at>Test Bot</at> report {link} rude",
    ],
)
async def test_a_report_after_a_mention_and_a_salutation_is_filed(teams: Teams, text: str) -> None:
    # review10a T11: these were answered in the channel as questions about the guidelines.
    await teams.post(MENTION, text=text.format(link=LINK))

    assert [row["url"] for row in teams.db["report_links"].rows] == [LINK]


@pytest.mark.parametrize(
    ("fixture", "text"),
    [
        (MENTION, "<at>Test Bot</at> could you report {link}? It is rude"),
        (PERSONAL, "Please report this one {link} for me"),
    ],
)
async def test_a_sentence_asking_to_report_a_link_is_offered_the_report(
    teams: Teams, fixture: str, text: str
) -> None:
    # review10a T11: answered with a quote of the guidelines, as a question; nothing filed.
    await teams.post(fixture, text=text.format(link=LINK))

    [answer] = teams.connector.posted
    assert "Is this a post you want to report" in card_text(answer.activity)
    [button] = [b for b in objects_in(answer.activity) if b.get("title") == "Report it"]
    assert LINK in json.dumps(button)


async def test_a_sender_teams_gives_no_name_for_is_not_named_by_their_object_id(
    teams: Teams,
) -> None:
    # review10a T4: the team's card said "Reported by (1): 99999999-8888-…".
    nameless = {"id": "29:nn", "aadObjectId": "99999999-8888-7777-6666-555555555555"}
    chat = {"conversationType": "personal", "id": "a:chat-nn"}
    await teams.post(PERSONAL, text=f"report {LINK} bad", conversation=chat, **{"from": nameless})

    [reporter] = teams.db["report_reporters"].rows
    assert reporter["name"] == "someone Teams gave no name for"


async def test_a_manager_acknowledges_from_the_card(make_teams: MakeTeams) -> None:
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    body = await (await teams.post(EXECUTE, value=acknowledge(report_id))).json()
    assert body["statusCode"] == 200
    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"


async def test_the_buttons_of_cards_drawn_before_the_upgrade_still_work(
    make_teams: MakeTeams,
) -> None:
    # The previous release (e3fa6b4) drew the same data without a signature.
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    async def press_old(name: str, value: dict[str, Any]) -> dict[str, Any]:
        old = load_activity(EXECUTE, teams.connector.url, name=name, value=value)
        body: dict[str, Any] = await (await teams.post_as_written(old)).json()
        return body

    acknowledged = await press_old("adaptiveCard/action", acknowledge(report_id))
    assert acknowledged["value"].startswith("R-0001 acknowledged.")
    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"
    resolve = {"action_id": "report_resolve", "value": str(report_id)}
    opened = await press_old("task/fetch", {"data": {**resolve, "msteams": {"type": "task/fetch"}}})
    assert opened["task"]["value"]["title"] == "Resolve R-0001"
    mute = {"action": {"type": "Action.Execute", "data": {"action_id": "digest_mute_week"}}}
    muted = await press_old("adaptiveCard/action", mute)
    assert muted["value"].startswith("Digests muted for a week")
    # An answer's 👍 names an answer by its id, anyone's: only as the bot signed it.
    vote = {"action_id": "guidelines_helpful", "value": "1"}
    refused = await press_old("adaptiveCard/action", {"action": {"data": vote}})
    assert "no longer active" in refused["value"]


async def test_forget_shows_a_former_employee_on_a_teams_card_already_sent(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(social_media_managers=[OLO["aadObjectId"]])
    await teams.runtime.delivery.start()
    try:
        await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
        await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
        [card] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
        assert "Megan Bowen" in card_text(card.activity)

        command = ["forget", "--platform", "teams", "--user", MEGAN, "--yes"]
        env = {"SOCIALBOT_DB": str(teams.runtime.settings.db)}
        result = await asyncio.to_thread(CliRunner().invoke, main, command, env=env)
    finally:
        await teams.runtime.delivery.stop()

    assert "report cards updated to show a former employee: 1" in result.output, result.output
    [update] = [call for call in teams.connector.calls if call.method == "update"]
    assert update.conversation_id == OLO_CHAT["id"] and update.activity_id == card.created_id
    assert "a former employee" in card_text(update.activity)
    assert "Megan" not in json.dumps(update.activity)


async def test_a_screenshot_and_a_file_sent_with_a_report_are_on_the_managers_card(
    make_teams: MakeTeams,
) -> None:
    # review11a M1: a message's attachments were never read; the evidence was lost.
    image, file = ATTACHMENTS["teams_inline_image"], ATTACHMENTS["teams_file"]
    teams = await make_teams(social_media_managers=[OLO["aadObjectId"]])
    await teams.runtime.delivery.start()
    try:
        await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
        html = {"contentType": "text/html", "content": "<p>report they deleted it</p>"}
        attached = [image, file, html]
        await teams.post(PERSONAL, text="report they deleted it", attachments=attached)
        [card] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
    finally:
        await teams.runtime.delivery.stop()

    shown = card_text(card.activity)
    assert f"Screenshot: [screenshot ↗]({image['contentUrl']})" in shown
    assert f"Screenshot: [deleted-post.png ↗]({file['contentUrl']})" in shown
    assert "they deleted it" in shown


async def held(teams: Teams) -> list[tuple[str, int]]:
    """(recipient, rows) of the deliveries kept for someone, once there are some (or 5 s)."""
    ledger = teams.runtime.delivery.ledger
    for _ in range(500):
        if ledger.held():
            break
        await asyncio.sleep(0.01)
    return [(recipient, rows) for _, recipient, _, rows in ledger.held()]


async def test_a_teams_manager_who_left_gets_no_card_lost_and_the_setting_is_named(
    make_running: MakeTeams,
) -> None:
    olo = OLO["aadObjectId"]
    teams = await make_running(social_media_managers=[olo])
    await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
    teams.connector.fail(403, conversation=OLO_CHAT["id"])  # Olo left: what Bot Framework answers
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    assert await held(teams) == [(olo, 1)]  # kept, not failed

    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    [line] = [w for w in warnings if "SOCIALBOT_SOCIAL_MEDIA_MANAGERS" in w]
    assert line.startswith(f"SOCIALBOT_SOCIAL_MEDIA_MANAGERS: {olo} cannot be reached in Teams")
    [*_, word] = await calls_where(
        teams.connector, lambda sent: "is saved" in card_text(sent.activity)
    )
    assert "as soon as the bot can reach them" in card_text(word.activity)


@pytest.mark.parametrize(("status", "retry_after"), [(429, 0.01), (502, None), (503, None)])
async def test_a_receipt_teams_refuses_for_a_moment_is_sent_again(
    teams: Teams, status: int, retry_after: float | None
) -> None:
    # review10a T3: the report was filed, and the person was told "Sorry, something went wrong".
    teams.connector.fail(status, retry_after=retry_after)
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")

    replies = [call.status for call in teams.connector.calls if call.method == "reply"]
    assert replies == [status, 200]
    [receipt] = teams.connector.sent
    assert "R-0001" in card_text(receipt.activity)
    assert "Sorry" not in json.dumps([call.activity for call in teams.connector.calls])


async def test_a_reply_teams_keeps_refusing_is_sent_when_teams_takes_it(teams: Teams) -> None:
    # review10c R18: the receipt was dropped (the report filed, the reporter told nothing).
    teams.connector.fail(429, retry_after=60)  # longer than a turn can wait
    response = await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")

    assert response.status == 200
    replies = [call.status for call in teams.connector.calls if call.method == "reply"]
    assert replies == [429]  # no apology tried after it
    assert [row["url"] for row in teams.db["report_links"].rows] == [LINK]
    [late] = teams.db.query("SELECT * FROM deliveries WHERE purpose = 'late-answer'")
    assert late["recipient"] == MEGAN  # her chat with the bot, by her id (review11c R12)
    assert late["state"] == "queued"
    assert late["not_before"] - time.time() > 50  # as long as Teams asked

    # so `forget` drops it with the rest, the receipt naming what she reported
    command = ["forget", "--platform", "teams", "--user", MEGAN, "--yes"]
    env = {"SOCIALBOT_DB": str(teams.runtime.settings.db)}
    forgot = await asyncio.to_thread(CliRunner().invoke, main, command, env=env)
    assert forgot.exit_code == 0, forgot.output
    assert list(teams.db.query("SELECT * FROM deliveries WHERE purpose = 'late-answer'")) == []


async def test_a_reply_teams_gateway_keeps_dropping_arrives_after_the_turn(
    make_running: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens, "GATEWAY_WAIT_SECONDS", 0.0)
    teams = await make_running()
    teams.connector.fail(503, times=3)  # the turn's answer and both its retries
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")

    [receipt] = await calls_where(teams.connector, lambda sent: sent.method == "send")
    assert "R-0001" in card_text(receipt.activity)
    assert "Sorry" not in json.dumps([call.activity for call in teams.connector.calls])
