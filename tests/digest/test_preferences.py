"""`/socialbot preferences` in Slack: the modal, mistakes on their fields, App Home."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from tests.digest.conftest import COPENHAGEN, MANAGER, opened_view, submit
from tests.fakes.slack_requests import (
    calls,
    home_opened,
    post_form,
    post_json,
    slash,
    wait_for_call,
)
from tests.slack.test_http import with_text

GOOD = {
    "enabled": "on",
    "time": "07:45",
    "days": ["0", "2", "4"],
    "topics": "wind, hiring",
    "networks": ["linkedin", "x"],
}


async def open_preferences(bot: Any, slack: Any, user: str = COPENHAGEN) -> dict[str, Any]:
    before = len(calls(slack, "views.open"))
    response = await post_form(bot, slash("/socialbot", "preferences", user=user))
    assert response.status == 200
    return await opened_view(slack, before)


async def test_the_form_round_trip_with_mistakes_on_their_fields(bot, slack) -> None:
    view = await open_preferences(bot, slack)
    assert view["callback_id"] == "digest_preferences"
    shown = json.dumps(view["blocks"])
    assert "09:30" in shown and "Europe/Copenhagen" in shown
    assert "leaderboard" not in {block.get("block_id") for block in view["blocks"]}  # it is off

    wrong = await submit(bot, view, {**GOOD, "time": "", "days": []}, COPENHAGEN)
    assert wrong["response_action"] == "errors"
    assert set(wrong["errors"]) == {"time", "days"}
    assert bot.digest.store.preferences("slack", COPENHAGEN).at is None  # nothing saved
    # A day the form never offered (a forged submission) is named, not silently dropped.
    forged = await submit(bot, view, {**GOOD, "days": ["0", "7"]}, COPENHAGEN)
    assert forged["errors"] == {"days": "Choose at least one day, from Monday to Sunday."}

    assert await submit(bot, view, GOOD, COPENHAGEN) == {}
    prefs = bot.digest.store.preferences("slack", COPENHAGEN)
    assert prefs.at is not None and prefs.at.strftime("%H:%M") == "07:45"
    assert prefs.days == (0, 2, 4) and prefs.topics == ("wind", "hiring")
    assert [n.value for n in prefs.networks] == ["linkedin", "x"]
    (due,) = bot.runtime.db.execute(
        "SELECT next_due FROM digest_schedule WHERE user_id = ?", [COPENHAGEN]
    ).fetchone()
    local = datetime.fromtimestamp(due, UTC).astimezone(bot.digest.zone("slack", COPENHAGEN))
    assert local.strftime("%H:%M") == "07:45" and local.weekday() in (0, 2, 4)

    again = await open_preferences(bot, slack)
    assert '"07:45"' in json.dumps(again["blocks"])


async def test_every_offices_zone_can_be_chosen(make_bot, slack) -> None:
    # review11b L7: the Tel Aviv office could pick Athens or Cairo, not Asia/Jerusalem, so its
    # own workweek and holidays, matched by zone, never reached people whose platform gave none.
    bot = await make_bot(
        digest_days="mon-fri; Asia/Jerusalem=sun-thu", holidays="America/Caracas=VE"
    )
    view = await open_preferences(bot, slack)
    (zone,) = [block for block in view["blocks"] if block.get("block_id") == "zone"]
    offered = [option["value"] for option in zone["element"]["options"]]
    assert {"Asia/Jerusalem", "America/Caracas", "Europe/Copenhagen"} <= set(offered)
    assert len(offered) == len(set(offered)) <= 100


async def test_the_leaderboard_is_joined_and_left_in_the_form_when_it_is_on(
    make_bot, slack
) -> None:
    bot = await make_bot(leaderboard=True)
    db = bot.runtime.db

    def on_board() -> list[tuple[str, str]]:
        return list(db.execute("SELECT platform, user_id FROM leaderboard_opt_ins").fetchall())

    view = await open_preferences(bot, slack)
    (field,) = [block for block in view["blocks"] if block.get("block_id") == "leaderboard"]
    assert field["element"]["initial_option"]["value"] == "off"
    assert "top 10" in json.dumps(field)

    wrong = await submit(bot, view, {**GOOD, "leaderboard": "maybe", "time": ""}, COPENHAGEN)
    assert wrong["errors"] == {
        "leaderboard": "Choose On or Off.",
        "time": "Give a time of day such as 09:30.",
    }
    assert on_board() == []
    assert await submit(bot, view, {**GOOD, "leaderboard": "on"}, COPENHAGEN) == {}
    assert on_board() == [("slack", COPENHAGEN)]
    again = await open_preferences(bot, slack)
    (field,) = [block for block in again["blocks"] if block.get("block_id") == "leaderboard"]
    assert field["element"]["initial_option"]["value"] == "on"
    assert await submit(bot, again, {**GOOD, "leaderboard": "off"}, COPENHAGEN) == {}
    assert on_board() == []


async def test_app_home_shows_preferences_and_managers_see_shares(bot, slack) -> None:
    for user, count in ((COPENHAGEN, 1), (MANAGER, 2)):
        envelope = {
            "type": "event_callback",
            "team_id": "T111",
            "api_app_id": "A111",
            "event_id": f"EvHOME{user}",
            "event_time": 1700000000,
            "event": {"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"},
        }
        assert (await post_json(bot, envelope)).status == 200
        published = await wait_for_call(slack, "views.publish", count)
        home = json.dumps(published[-1]["view"]["blocks"])
        assert "Your daily digest" in home and "Monday to Friday" in home
        assert "digest_open_preferences" in home
        assert ("Shares of digest items" in home) == (user == MANAGER)


def shown(view: dict[str, Any]) -> tuple[str, list[str]]:
    """The digest time and the days the preferences form comes filled with."""
    blocks = {block.get("block_id"): block.get("element") for block in view["blocks"]}
    days = [option["value"] for option in blocks["days"]["initial_options"]]
    return blocks["time"]["initial_time"], days


async def test_a_save_keeps_following_the_office_s_workweek_unless_the_days_change(
    make_bot, slack
) -> None:
    # review10c R23: any Save stored the office's workweek and the company's digest time shown
    # in the form as the person's own, so a later change of either never reached them.
    first = await make_bot()
    view = await open_preferences(first, slack)
    assert shown(view) == ("09:30", ["0", "1", "2", "3", "4"])
    assert (
        await submit(first, view, {**GOOD, "time": "09:30", "days": shown(view)[1]}, COPENHAGEN)
        == {}
    )
    # The admin gives Copenhagen's office a four-day week and moves the digest to 08:15.
    later = await make_bot(digest_days="mon-fri; Europe/Copenhagen=mon-thu", digest_time="08:15")
    view = await open_preferences(later, slack)
    assert shown(view) == ("08:15", ["0", "1", "2", "3"])
    # Days the person changed are theirs, whatever the office's.
    assert (
        await submit(later, view, {**GOOD, "time": "08:15", "days": ["0", "1"]}, COPENHAGEN) == {}
    )
    view = await open_preferences(await make_bot(), slack)
    assert shown(view) == ("09:30", ["0", "1"])


async def test_the_home_shows_a_save_at_once_and_a_guest_s_says_guests_get_none(bot, slack) -> None:
    # Saved, the Home still showed the old time until its tab was opened again, and "Saved"
    # named a time already past (review12a E17); a guest's Home said "Daily digest: On" with
    # Change preferences, though guests get none (E5).
    bot.digest.clock = lambda: datetime(2026, 11, 23, 10, 18, tzinfo=UTC)  # 11:18 in Copenhagen
    assert (await post_json(bot, home_opened(COPENHAGEN, "EvHOMESAVE"))).status == 200
    await wait_for_call(slack, "views.publish", 1)
    await submit(bot, await open_preferences(bot, slack), GOOD, COPENHAGEN)

    published = await wait_for_call(slack, "views.publish", 2)
    assert "07:45" in json.dumps(published[-1]["view"]["blocks"])
    (saved,) = [m.text for m in slack.messages_in(COPENHAGEN) if m.text.startswith("Saved")]
    assert saved == "Saved. Today's digest comes in a minute."

    assert (await post_json(bot, home_opened("UGUEST", "EvHOMEGUEST"))).status == 200
    guest_home = json.dumps((await wait_for_call(slack, "views.publish", 3))[-1]["view"])
    assert "guest accounts get none" in guest_home
    assert "digest_open_preferences" not in guest_home and "Monday to Friday" not in guest_home


async def test_the_form_its_mistakes_and_the_home_speak_the_person_s_language(
    make_bot, slack
) -> None:
    # fix15a: the form every employee opens to change their digest, what it said was wrong and
    # the Home's digest part were English whatever the person's Slack said.
    slack.users[COPENHAGEN] = {**slack.users[COPENHAGEN], "locale": "fr-FR"}
    bot = await make_bot()
    view = await open_preferences(bot, slack)
    assert (view["title"]["text"], view["submit"]["text"]) == ("Vos préférences", "Enregistrer")
    assert view["close"]["text"] == "Annuler"
    labels = {block["block_id"]: block["label"]["text"] for block in view["blocks"][1:]}
    assert labels["enabled"] == "Sélection quotidienne" and labels["zone"] == "Fuseau horaire"
    shown = json.dumps(view["blocks"], ensure_ascii=False)
    assert '"lundi"' in shown and "Monday" not in shown and "Your" not in shown

    wrong = await submit(bot, view, {**GOOD, "time": "", "networks": []}, COPENHAGEN)
    assert wrong["errors"] == {
        "time": "Indiquez une heure, par exemple 09:30.",
        "networks": "Choisissez au moins un réseau parmi LinkedIn, X et Facebook.",
    }
    assert (await post_json(bot, home_opened(COPENHAGEN, "EvHOMEFR"))).status == 200
    home = json.dumps(
        (await wait_for_call(slack, "views.publish", 1))[-1]["view"], ensure_ascii=False
    )
    assert "Votre sélection quotidienne" in home and "du lundi au vendredi" in home
    assert "Modifier les préférences" in home and "Daily digest" not in home
    # Typed in a DM, where Slack opens no form: said in words, in French too.
    typed = with_text("message_im.json", "preferences")
    typed["event"]["user"] = COPENHAGEN
    assert (await post_json(bot, typed)).status == 200
    (said,) = [call["text"] for call in await wait_for_call(slack, "chat.postMessage")]
    assert (
        said == "Je ne peux pas ouvrir ce formulaire depuis un message : tapez `/socialbot`"
        " pour l'ouvrir."
    )
