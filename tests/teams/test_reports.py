"""Reports from Teams: filed by a chat command, triaged by card buttons, managers only."""

from __future__ import annotations

import asyncio
import json
import re
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from botbuilder.schema import Activity
from click.testing import CliRunner

from bot import storage
from bot.cli import main
from bot.screenshots import KeptFiles
from bot.teams import tokens
from bot.teams.screenshots import PastedPictures
from bot.teams.tokens import AppTokens
from handlers.reports.screenshots import Screenshots
from handlers.views import Attachment
from tests.fakes.microsoft_graph import FakeGraph
from tests.reports.conftest import ATTACHMENTS
from tests.slack.test_full_disk import NOTE, leave_no_room
from tests.teams.conftest import (
    BOT_APP_ID,
    MakeTeams,
    Teams,
    card_text,
    cards_in,
    load_activity,
    objects_in,
)
from tests.teams.test_team_questions import OLO, OLO_CHAT, calls_where, posted_to

PERSONAL = "teams-message-personal.json"
MENTION = "teams-message-channel-mention.constructed.json"
EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
TASK_SUBMIT = "teams-invoke-task-submit.synthetic.json"
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


async def test_a_report_on_a_full_disk_is_told_the_bot_cannot_save(
    teams: Teams, caplog: pytest.LogCaptureFixture
) -> None:
    """Even the note of the message's id finds no room: the reporter hears the bot cannot save,
    Teams gets 200, no traceback (review15b K2)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    leave_no_room(
        teams.db, "INSERT INTO teams_seen_activities VALUES ('c', ?, ?)", lambda key: [key, now]
    )

    answer = await teams.post(PERSONAL, text=f"report {LINK} {NOTE}")

    assert answer.status == 200
    [told] = teams.connector.sent
    assert storage.CANNOT_SAVE in card_text(told.activity)
    assert not [r for r in caplog.records if r.exc_info]


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
        "<at>Test Bot</at>&nbsp;report {link} rude",  # review14b T6: an entity, not decoded
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


async def test_a_manager_acknowledges_from_the_card_in_their_language(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text=f"report {LINK}", locale="de-DE")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]

    body = await (await teams.post(EXECUTE, value=acknowledge(report_id), locale="de-DE")).json()
    assert body["statusCode"] == 200
    assert teams.db.table("reports").get(report_id)["status"] == "acknowledged"
    # review16a W10: a German manager's answer and card were English.
    assert body["value"] == (
        "R-0001 ist als gesehen markiert. Die meldende Person wurde benachrichtigt."
    )
    await teams.post(PERSONAL, text="report R-0001", locale="de-DE")
    card = json.dumps(teams.connector.sent[-1].activity, ensure_ascii=False)
    assert "Negative Erwähnung R-0001" in card and "Vom Team gesehen" in card
    assert "Mir zuweisen" in card and "Assign" not in card


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


PUBLIC = "https://socialbot.example.com"
PNG = b"\x89PNG\r\n\x1a\n a screenshot of a deleted post"
SHOT_ID = "0-wus-d1-abc"  # the id in the pasted picture's `contentUrl`


async def report_with_screenshot(teams: Teams, text: str = "report they deleted it") -> str:
    """Report, with a picture pasted (as `ATTACHMENTS`' inline image, on the fake connector)
    and a OneDrive file; the card the manager Olo got, as text."""
    image = {
        **ATTACHMENTS["teams_inline_image"],
        "contentUrl": teams.connector.attachment_url(SHOT_ID),
    }
    html = {"contentType": "text/html", "content": f"<p>{text}</p>"}
    await teams.runtime.delivery.start()
    try:
        await teams.post(PERSONAL, text="hi", conversation=OLO_CHAT, **{"from": OLO})
        attached = [image, ATTACHMENTS["teams_file"], html]
        await teams.post(PERSONAL, text=text, attachments=attached)
        [card] = await calls_where(teams.connector, posted_to(OLO_CHAT["id"]))
    finally:
        await teams.runtime.delivery.stop()
    return card_text(card.activity)


async def test_a_pasted_screenshot_is_kept_and_the_managers_open_it(make_teams: MakeTeams) -> None:
    # review11a M1: a message's attachments were never read; the evidence was lost.
    # review12c R1: the pasted picture's link answers only the bot's token: the card's link
    # failed for every manager. The bot fetches it and serves its copy.
    teams = await make_teams(social_media_managers=[OLO["aadObjectId"]], public_url=PUBLIC)
    teams.connector.attachments[SHOT_ID] = ("image/png", PNG)

    shown = await report_with_screenshot(teams)

    kept = re.search(rf"Screenshot: \[screenshot ↗\]\({PUBLIC}(/report-files/[\w-]+)\)", shown)
    assert kept is not None, shown
    file = ATTACHMENTS["teams_file"]  # in OneDrive: its link opens for whom it is shared with
    assert f"Screenshot: [deleted-post.png ↗]({file['contentUrl']})" in shown
    assert "they deleted it" in shown
    opened = await teams.client.get(kept.group(1))
    assert (opened.status, opened.content_type, await opened.read()) == (200, "image/png", PNG)
    assert (await teams.client.get("/report-files/guessed")).status == 404
    [receipt] = [s for s in teams.connector.posted if s.conversation_id != OLO_CHAT["id"]]
    assert "cannot see" not in card_text(receipt.activity)

    command = ["forget", "--platform", "teams", "--user", MEGAN, "--yes"]
    env = {"SOCIALBOT_DB": str(teams.runtime.settings.db)}
    forgot = await asyncio.to_thread(CliRunner().invoke, main, command, env=env)
    assert "report_files: 2 row(s)" in forgot.output, forgot.output  # the link and the copy
    assert (await teams.client.get(kept.group(1))).status == 404


async def test_a_picture_pasted_with_another_command_is_not_fetched(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(public_url=PUBLIC)
    teams.connector.attachments[SHOT_ID] = ("image/png", PNG)
    image = {
        **ATTACHMENTS["teams_inline_image"],
        "contentUrl": teams.connector.attachment_url(SHOT_ID),
    }
    await teams.post(PERSONAL, text="preferences", attachments=[image])
    assert [c for c in teams.connector.calls if c.method == "attachment"] == []
    assert teams.db["report_screenshots"].count == 0


async def test_the_bot_fetches_a_pasted_screenshot_with_its_own_token(teams: Teams) -> None:
    # With auth on, the serviceUrl must be Bot Framework's: the pictures are met here directly.
    teams.connector.attachments[SHOT_ID] = ("image/png", PNG)
    image = Attachment("screenshot", teams.connector.attachment_url(SHOT_ID), image=True)
    elsewhere = Attachment("screenshot", f"https://attacker.example/{SHOT_ID}", image=True)
    activity = Activity(service_url=teams.connector.url)
    async with FakeGraph(BOT_APP_ID, "a-client-secret", "botframework.com") as login:
        tokens = AppTokens(
            BOT_APP_ID,
            "a-client-secret",
            "botframework.com",
            "https://api.botframework.com",
            login.login_url,
        )
        kept = KeptFiles(PUBLIC, Screenshots(teams.db))
        pictures = PastedPictures(kept, tokens)
        person = teams.core.person("teams", MEGAN)
        found = await pictures.kept_from(activity, person, (image, elsewhere))

    [fetched] = [call for call in teams.connector.calls if call.method == "attachment"]
    assert fetched.authorization == "Bearer fake-graph-token-1"  # to the connector alone
    assert found[0].url.startswith(f"{PUBLIC}/report-files/") and found[1] == elsewhere


@pytest.mark.parametrize(
    ("public_url", "served", "why", "why_told"),
    [  # what Teams answered is for the team alone
        (PUBLIC, False, "could not pass it on: Teams answered HTTP 404", "could not pass it on)"),
        (None, True, "no public web address to show it from", "show it from)"),
    ],
)
async def test_a_screenshot_the_team_cannot_see_is_said_and_the_report_filed(
    make_teams: MakeTeams, public_url: str | None, served: bool, why: str, why_told: str
) -> None:
    teams = await make_teams(social_media_managers=[OLO["aadObjectId"]], public_url=public_url)
    if served:
        teams.connector.attachments[SHOT_ID] = ("image/png", PNG)

    shown = await report_with_screenshot(teams)

    assert "Screenshot: screenshot (" in shown and why in shown and "they deleted it" in shown
    [receipt] = [s for s in teams.connector.posted if s.conversation_id != OLO_CHAT["id"]]
    told = card_text(receipt.activity)
    assert "The team cannot see what you sent with it (screenshot:" in told and why_told in told
    assert teams.db["report_screenshots"].count == 0


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
    teams.connector.fail(403, conversation=OLO_CHAT["id"])  # Olo blocked the app (or left)
    await teams.post(PERSONAL, text=f"report {LINK} rude reply to our launch post")
    assert await held(teams) == [(olo, 1)]  # kept, not failed

    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    [line] = [w for w in warnings if "SOCIALBOT_SOCIAL_MEDIA_MANAGERS" in w]
    # fix13a: this said "cannot be reached (left the organisation, …)": what Teams says is 403.
    assert line.startswith(
        f"SOCIALBOT_SOCIAL_MEDIA_MANAGERS: {olo} blocked or removed the app in Teams, or it was"
        " turned off for them (Teams answered 403"
    ), line
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


async def test_a_text_longer_than_its_field_takes_is_refused_not_stored(
    make_teams: MakeTeams,
) -> None:
    # review14b T5: Teams' maxLength is only a hint to the client; 400,000 characters were kept.
    teams = await make_teams(social_media_managers=[MEGAN])
    await teams.post(PERSONAL, text="report")
    [form] = cards_in(teams.connector.sent[0].activity)
    [submit] = form["actions"]
    data = {**submit["data"], "links": LINK, "about": "a" * 3001}
    pressed = {"action": {"type": "Action.Execute", "verb": submit["verb"], "data": data}}

    body = await (await teams.post(EXECUTE, value=pressed, locale="de-DE")).json()

    # fix15a: in the person's language (their Teams' locale)
    assert "Höchstens 3.000 Zeichen." in json.dumps(body["value"], ensure_ascii=False)
    assert teams.db["reports"].count == 0
    await teams.post(PERSONAL, text=f"report {LINK}")
    (report_id,) = [row["id"] for row in teams.db["reports"].rows]
    # A manager's resolve form takes data not signed (cards drawn before buttons were).
    note = {"form_id": "report_resolve", "state": str(report_id), "outcome": "removed"}
    resolve = load_activity(TASK_SUBMIT, teams.connector.url, value={"data": note})
    resolve.update(conversation={"id": "a:me", "conversationType": "personal"})
    resolve["from"] = load_activity(PERSONAL, "")["from"]

    refused = await (
        await teams.post_as_written({**resolve, "value": {"data": {**note, "note": "n" * 2001}}})
    ).json()

    assert refused["task"]["value"] == "At most 2,000 characters."
    assert teams.db.table("reports").get(report_id)["status"] == "new"
