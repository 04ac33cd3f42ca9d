"""Insights on Teams: the chart inline in an Adaptive Card 1.5 that validates, within the size
Teams accepts; a chart too large for a card becomes its words; the weekly card through the
fake Bot Connector, once; the preferences form with the leaderboard field validates too."""

from __future__ import annotations

import base64
import io
import json
from zoneinfo import ZoneInfo

from PIL import Image

from bot.app import build_runtime
from bot.teams.cards import INLINE_IMAGE_BYTES, card
from handlers.insights.chart import draw
from handlers.insights.figures import compute
from handlers.insights.views import insights_message
from handlers.views import Image as Picture
from handlers.views import Message
from tests.conftest import SettingsFactory
from tests.insights.conftest import END, ZONE, fill, later
from tests.teams.conftest import MakeTeams, assert_valid_card, card_text, cards_in, objects_in
from tests.teams.test_reports import MEGAN, PERSONAL

EXECUTE = "teams-invoke-adaptiveCard-action.constructed.json"
TEAMS_MESSAGE_LIMIT = 40_000  # the limit Microsoft documented for years (now 100 KB)


def test_the_insights_card_validates_with_the_chart_inline(make_settings: SettingsFactory) -> None:
    runtime = build_runtime(make_settings(timezone=ZONE))
    fill(runtime.db)
    figures = compute(runtime.db, END, 7, ZoneInfo(ZONE))
    chart = draw(figures)

    rendered = card(insights_message(figures, chart))

    assert_valid_card(rendered)
    (image,) = [o for o in objects_in(rendered) if o.get("type") == "Image"]
    assert image["altText"] == chart.alt
    prefix = "data:image/png;base64,"
    assert image["url"].startswith(prefix)
    with Image.open(io.BytesIO(base64.b64decode(image["url"][len(prefix) :]))) as png:
        assert png.size == (800, 450)
    assert len(json.dumps(rendered)) < TEAMS_MESSAGE_LIMIT
    assert "2 of 4 people who got a digest shared (50%)" in json.dumps(rendered)


def test_a_picture_too_large_for_a_card_is_shown_as_its_words() -> None:
    big = Picture(b"\x89PNG" + b"\0" * INLINE_IMAGE_BYTES, "Shares per day: 12 in all", 10, 10)

    rendered = card(Message("Insights", (big,)))

    assert_valid_card(rendered)
    assert not [o for o in objects_in(rendered) if o.get("type") == "Image"]
    assert "Shares per day: 12 in all" in json.dumps(rendered)


async def test_the_weekly_card_reaches_the_manager_once_through_the_connector(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(social_media_managers=[MEGAN], timezone=ZONE)
    fill(teams.db)
    await teams.post(PERSONAL, text="hi")  # the manager's chat with the bot, remembered
    (chat,) = {call.conversation_id for call in teams.connector.posted}
    teams.connector.calls.clear()
    delivery = teams.runtime.delivery
    await delivery.start()
    try:
        for hours in (-0.5, 0.02, 0.05, 1):  # before 09:00 in Copenhagen, then three ticks
            await teams.core.tick(later(hours))
            await teams.core.settle()
            await delivery.run_until_done("insights", "2026-11-30")
    finally:
        await delivery.stop()

    (sent,) = teams.connector.posted
    assert sent.conversation_id == chat
    (rendered,) = cards_in(sent.activity)
    assert_valid_card(rendered)
    assert "Insights: the last 7 days" in card_text(sent.activity)
    assert "2 of 4 people who got a digest shared (50%)" in card_text(sent.activity)
    (image,) = [o for o in objects_in(rendered) if o.get("type") == "Image"]
    assert image["url"].startswith("data:image/png;base64,")
    assert image["altText"].startswith("Shares per day from 2026-10-06 to 2026-11-30: 6 in all")


async def test_the_preferences_form_with_the_leaderboard_validates_and_joins(
    make_teams: MakeTeams,
) -> None:
    teams = await make_teams(leaderboard=True, timezone=ZONE)
    await teams.post(PERSONAL, text="socialbot preferences")

    (sent,) = teams.connector.sent
    (form,) = cards_in(sent.activity)
    assert_valid_card(form)
    (field,) = [node for node in objects_in(form) if node.get("id") == "leaderboard"]
    assert field["type"] == "Input.ChoiceSet"
    assert {choice["value"] for choice in field["choices"]} == {"on", "off"}

    # Pressed as Teams sends it: every input with what it holds, the leaderboard turned on.
    shown = {node["id"]: node.get("value", "") for node in objects_in(form["body"]) if "id" in node}
    (action,) = form["actions"]
    data = {**action["data"], **shown, "leaderboard": "on"}
    value = {"action": {"type": "Action.Execute", "verb": action["verb"], "data": data}}
    response = await teams.post(EXECUTE, value=value)  # its card is validated by `post`
    assert response.status == 200
    joined = teams.db.execute("SELECT platform, user_id FROM leaderboard_opt_ins").fetchall()
    assert joined == [("teams", MEGAN)]
