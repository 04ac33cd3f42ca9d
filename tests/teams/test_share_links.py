"""Teams share buttons lead through the bot: the click is recorded as Slack's are, and the
browser goes on to the network's share page; a link not made by the bot goes nowhere."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from handlers import actions
from handlers.views import Actions, Button, Message
from tests.teams.conftest import BOT_APP_ID, MakeTeams, Teams, card_text, cards_in, objects_in
from tests.teams.test_announce import CHANNEL, MEGAN, MENTION, PERSONAL, execute
from tests.teams.test_digest import ada_digest

PUBLIC = "https://socialbot.example.com"
TASK_SUBMIT = "teams-invoke-task-submit.synthetic.json"  # from a group chat
LINKEDIN = "https://www.linkedin.com/sharing/share-offsite/?"


def clicks(teams: Teams) -> list[tuple[str, ...]]:
    """The recorded share clicks: platform, person, subject, network."""
    rows = teams.db.execute("SELECT platform, user_id, subject, network FROM share_clicks")
    return [tuple(row) for row in rows.fetchall()]


async def opened(teams: Teams, url: str) -> tuple[int, str, str]:
    """GET `url` on the bot's server as a browser would: status, Location, page."""
    response = await teams.client.get(urlsplit(url).path, allow_redirects=False)
    return response.status, response.headers.get("Location", ""), await response.text()


async def test_a_share_click_on_a_teams_digest_is_counted_and_opens_the_network(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    teams, digest = await ada_digest(make_teams, tmp_path, "de-DE", public_url=PUBLIC)
    # review16a W2: the share buttons were English in a German digest.
    [linkedin, *_] = [n for n in objects_in(digest) if n.get("title") == "Auf LinkedIn teilen"]
    assert linkedin["type"] == "Action.OpenUrl"
    assert linkedin["url"].startswith(f"{PUBLIC}/share/")

    status, location, _ = await opened(teams, linkedin["url"])

    assert status == 302
    assert location.startswith(LINKEDIN)
    [(platform, person, subject, network)] = clicks(teams)
    assert (platform, person, network) == ("teams", "ada", "linkedin")
    assert subject.startswith("item:")
    [counted] = teams.core.shares.counts()
    assert (counted.subject, counted.clicks, counted.people) == (subject, 1, 1)


async def test_a_link_opened_again_leads_on_but_counts_once(
    make_teams: MakeTeams, tmp_path: Path
) -> None:
    # A forwarded copy, a script, or someone topping the leaderboard opening it again and again.
    teams, digest = await ada_digest(make_teams, tmp_path, public_url=PUBLIC)
    shares = [n for n in objects_in(digest) if str(n.get("title", "")).startswith("Share on ")]
    linkedin, x = shares[0], shares[1]

    for _ in range(5):
        status, location, _ = await opened(teams, linkedin["url"])
        assert (status, location.startswith(LINKEDIN)) == (302, True)
    await opened(teams, x["url"])

    assert sorted(network for *_, network in clicks(teams)) == ["linkedin", "x"]
    assert sorted((c.network, c.clicks, c.people) for c in teams.core.shares.counts()) == [
        ("linkedin", 1, 1),
        ("x", 1, 1),
    ]


async def test_a_changed_or_forged_link_is_refused_with_a_page_and_counts_nothing(
    make_teams: MakeTeams, monkeypatch: pytest.MonkeyPatch
) -> None:
    teams = await make_teams(public_url=PUBLIC)
    shares = teams.core.shares
    good = shares.link_token("teams", "ada", "item:1|linkedin", LINKEDIN + "url=https%3A%2F%2Fa")
    body, _, signature = good.partition(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload[1] = "bo"  # someone else's click
    altered = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    elsewhere = shares.link_token("teams", "ada", "item:1|linkedin", "https://evil.example/")
    lookalike = shares.link_token(
        "teams", "ada", "item:1|x", "https://x.com.evil.example/intent/tweet?text=hi"
    )
    monkeypatch.setattr(time, "time", lambda: 1_000_000_000.0)
    old = shares.link_token("teams", "ada", "item:1|linkedin", LINKEDIN + "url=https%3A%2F%2Fa")
    monkeypatch.undo()

    refused = {
        f"{altered}.{signature}": "not one the bot made",
        "bm9uc2Vuc2U.AAAA": "not one the bot made",
        "a.b": "damaged",
        elsewhere: "does not lead to a share page",
        lookalike: "does not lead to a share page",
        old: "more than 90 days old",
    }
    for token, reason in refused.items():
        status, location, page = await opened(teams, f"/share/{token}")
        assert (status, location) == (400, ""), token
        assert reason in page, page
    assert clicks(teams) == []
    assert (await teams.client.head(f"/share/{good}")).status == 405
    assert clicks(teams) == []


async def test_without_a_public_url_the_buttons_open_the_network_and_the_insights_say_so(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="a-secret")
    share = Button("Share on LinkedIn", actions.SHARE, "item:1|linkedin", url=LINKEDIN + "url=a")
    payload = teams.bot.gateway.render(Message("An item", (Actions((share,)),)))

    assert teams.bot.share_links.personal(payload, "ada") == payload
    [button] = [n for n in objects_in(payload) if n.get("type") == "Action.OpenUrl"]
    assert button["url"] == LINKEDIN + "url=a"
    insights = await teams.runtime.insights.message(datetime.now(UTC), 7)
    assert "Share clicks on Teams are not counted: set SOCIALBOT_PUBLIC_URL" in str(insights)
    warnings = (await (await teams.client.get("/healthz")).json())["warnings"]
    assert [w for w in warnings if w.startswith("SOCIALBOT_PUBLIC_URL is not set")]


# An announcement to share, as Megan types it in the form.
TO_SHARE = {"headline": "Launch", "message": "We launch today.", "audience": "everyone",
            "when": "now", "link": "https://example.com/launch", "share": "ask"}  # fmt: skip


async def announce_form(teams: Teams) -> dict[str, Any]:
    """The announcement form Megan gets in her chat with the bot: its submit action."""
    await teams.post(PERSONAL, text="announce")
    [form] = cards_in(teams.connector.sent[-1].activity)
    action: dict[str, Any] = form["actions"][0]
    return action


async def test_the_share_buttons_of_an_announcement_s_preview_are_counted_too(
    make_teams: MakeTeams,
) -> None:
    # An answer in the turn (the preview of an announcement to share) kept the
    # networks' own links, so the announcer's share from it was never counted.
    teams = await make_teams(announcers=[MEGAN], public_url=PUBLIC)
    preview = await execute(teams, await announce_form(teams), TO_SHARE)
    shares = [n for n in objects_in(preview) if str(n.get("title", "")).startswith("Share on ")]
    assert len(shares) == 3
    assert all(button["url"].startswith(f"{PUBLIC}/share/") for button in shares)

    status, location, _ = await opened(teams, shares[0]["url"])
    assert (status, location.startswith(LINKEDIN)) == (302, True)
    [(platform, person, subject, network)] = clicks(teams)
    assert (platform, person, network) == ("teams", MEGAN, "linkedin")
    assert subject.startswith("announcement:")


async def test_a_share_on_a_teams_channel_post_counts_for_the_channel_and_the_figures_say_so(
    make_teams: MakeTeams,
) -> None:
    # Teams says nothing of an Action.OpenUrl pressed, so the link of a channel's announcement
    # names the channel: its shares are the channel's, once, and counted as nobody's.
    teams = await make_teams(
        announcers=[MEGAN], public_url=PUBLIC, teams_conversation_rate=100.0, insights="off"
    )
    await teams.post(MENTION, text="<at>Test Bot</at> hello")  # the app is in this channel's team
    typed = {**TO_SHARE, "audience": "channels", "channels": CHANNEL}
    preview = await execute(teams, await announce_form(teams), typed)
    [confirm] = preview["value"]["actions"]
    await execute(teams, confirm, {"next": "confirm"})
    async with teams.runtime.delivery as delivery:
        await delivery.run_until_done("announcement", "1")
    [post] = [
        c.activity for c in teams.connector.posted if "We launch today" in card_text(c.activity)
    ]
    [linkedin] = [n for n in objects_in(post) if n.get("title") == "Share on LinkedIn"]

    for _ in range(2):  # two colleagues in the channel
        status, location, _ = await opened(teams, linkedin["url"])
        assert (status, location.startswith(LINKEDIN)) == (302, True)

    assert clicks(teams) == [("teams", CHANNEL, "announcement:1", "linkedin")]
    [counted] = teams.core.shares.counts()
    assert (counted.clicks, counted.people) == (1, 0)
    figures = await teams.runtime.insights.message(datetime.now(UTC), 7)
    assert "1 on posts in Teams channels or group chats, once per conversation" in str(figures)


async def test_a_share_from_a_group_chat_counts_for_the_chat_as_its_type_says_whatever_its_id(
    make_teams: MakeTeams,
) -> None:
    # The Bot Framework SDK's own group-chat activity has an id not shaped "19:…": the click
    # was counted as a person's.
    teams = await make_teams(public_url=PUBLIC)
    chat = {"conversationType": "groupChat", "id": "conversationIdString"}
    await teams.post(PERSONAL, text="<at>Test Bot</at> hi", conversation=chat)
    share = Button("Share on LinkedIn", actions.SHARE, "item:7|linkedin", url=LINKEDIN + "url=a")
    gateway = teams.bot.gateway
    await gateway.send(chat["id"], gateway.render(Message("Share this", (Actions((share,)),))))
    [linkedin] = [n for n in objects_in(teams.connector.posted[-1].activity) if "url" in n]

    await opened(teams, linkedin["url"])

    [(_, clicked_for, _, _)] = clicks(teams)
    assert clicked_for == "conversationIdString"
    [counted] = teams.core.shares.counts()
    assert (counted.clicks, counted.people) == (1, 0)

    # A link the previous release made names no conversation: a channel's id says it.
    (key,) = teams.db.execute("SELECT key FROM share_link_key").fetchone()
    target = LINKEDIN + "url=https%3A%2F%2Fa"
    body = json.dumps(["teams", CHANNEL, "item:1|linkedin", target, int(time.time())]).encode()
    signature = hmac.digest(bytes.fromhex(key), body, hashlib.sha256)[:16]
    token = ".".join(base64.urlsafe_b64encode(b).decode().rstrip("=") for b in (body, signature))
    assert (await opened(teams, f"/share/{token}"))[0] == 302
    assert [(c.subject, c.people) for c in teams.core.shares.counts()] == [
        ("item:1", 0),
        ("item:7", 0),
    ]


async def test_a_dialog_s_share_buttons_count_for_the_one_who_sees_it(
    make_teams: MakeTeams,
) -> None:
    # A dialog opened in a group chat is seen by its presser alone: the links are theirs.
    teams = await make_teams(announcers=[MEGAN], public_url=PUBLIC)
    form = await announce_form(teams)
    sender = {"id": "29:megan", "aadObjectId": MEGAN, "name": "Megan"}
    value = {"data": {**form["data"], **TO_SHARE}}
    response = await teams.post(TASK_SUBMIT, value=value, **{"from": sender})
    dialog = await response.json()
    [linkedin] = [n for n in objects_in(dialog) if n.get("title") == "Share on LinkedIn"]

    await opened(teams, linkedin["url"])
    [(_, person, _, _)] = clicks(teams)
    assert person == MEGAN
