"""Editing a scheduled announcement rewrites the suggested posts the bot wrote, never the
announcer's own (review9a A1), through signed Slack requests against the fake Web API."""

from __future__ import annotations

import json

from handlers.announcements.store import AnnouncementStore
from tests.announcements.conftest import GOOD, announce, later, submit, tomorrow_at
from tests.fakes.slack_requests import block_action, buttons, post_form, slash, wait_for_call


async def test_an_edit_rewrites_the_bots_posts_and_keeps_the_announcers(bot, slack) -> None:
    at = tomorrow_at(10)
    await announce(bot, slack, post_x="Proud of this one", **later(at))
    listing = await (await post_form(bot, slash("/announce", "list"))).json()
    edit = next(b for b in buttons(listing["blocks"]) if b["text"]["text"] == "Edit")
    await post_form(bot, block_action(edit, slack.url + "respond"))
    form = (await wait_for_call(slack, "views.open", 2))[-1]["view"]
    fields = {b["block_id"]: b for b in form["blocks"] if b["type"] == "input"}
    before = {name: fields[name]["element"].get("initial_value", "") for name in fields}
    assert "We won the Green Award" in before["post_linkedin"]
    assert "written again when you change them" in json.dumps(fields["post_linkedin"])

    # submitted as it came, with a new headline and message; line breaks as a client may send
    # them back: `\r\n` (LinkedIn), or dropped (Facebook)
    changed = {"headline": "Green Award: the ceremony moved", "message": "Now on 15 December."}
    posts = {name: before[name] for name in ("post_linkedin", "post_x", "post_facebook")}
    assert "\n" in posts["post_linkedin"] and "\n" in posts["post_facebook"]
    posts["post_linkedin"] = posts["post_linkedin"].replace("\n", "\r\n")
    posts["post_facebook"] = posts["post_facebook"].replace("\n", "")
    answer = await submit(bot, form, {**GOOD, **later(at), **posts, **changed})
    assert answer["response_action"] == "update", answer
    assert await submit(bot, answer["view"], {"next": "confirm"}) == {}

    (announcement,) = AnnouncementStore(bot.runtime.db).in_state("scheduled")
    stored = announcement.draft.posts
    assert all("ceremony moved" in stored[n] for n in stored if n.value != "x")
    assert all("We won" not in text for text in stored.values())
    assert stored[next(n for n in stored if n.value == "x")] == "Proud of this one"

    # review10c R14: a post the announcer only reformatted (a blank line added, spaces at a
    # line's start) is theirs: it was taken as left as it was, and written again.
    await post_form(bot, block_action(edit, slack.url + "respond"))
    form = (await wait_for_call(slack, "views.open", 3))[-1]["view"]
    fields = {b["block_id"]: b for b in form["blocks"] if b["type"] == "input"}
    before = {name: fields[name]["element"].get("initial_value", "") for name in fields}
    first, _, rest = before["post_linkedin"].partition("\n")
    reformatted = f"{first}\n\n  {rest}"
    changed = {"headline": "Green Award: the ceremony moved again", "message": "Now in January."}
    posts = {name: before[name] for name in ("post_linkedin", "post_x", "post_facebook")}
    answer = await submit(
        bot, form, {**GOOD, **later(at), **posts, **changed, "post_linkedin": reformatted}
    )
    assert await submit(bot, answer["view"], {"next": "confirm"}) == {}
    (announcement,) = AnnouncementStore(bot.runtime.db).in_state("scheduled")
    kept = {n.value: text for n, text in announcement.draft.posts.items()}
    assert kept["linkedin"] == reformatted and "moved again" in kept["facebook"]
