"""The social media team keeps one item out of every digest, and manages the feeds, in chat
(review11a M9): `/socialbot feeds` through signed Slack slash commands."""

from __future__ import annotations

from typing import Any

from handlers.people import Member
from tests.digest.conftest import (
    COPENHAGEN,
    MANAGER,
    NEW_YORK,
    NO_ZONE,
    add_feeds,
    at,
    delivered,
    digests_to,
)
from tests.fakes.slack_requests import command_reply

SOURED = "Example Corp opens an office"  # item 1


async def feeds(bot: Any, slack: Any, text: str, user: str = MANAGER) -> str:
    """What `/socialbot feeds TEXT` answers `user`."""
    reply = await command_reply(bot, slack, "/socialbot", f"feeds {text}".strip(), user=user)
    return str(reply["text"])


async def test_a_hidden_item_never_goes_out_again_and_the_team_manages_feeds(bot, slack) -> None:
    tick = bot.runtime.core.tick
    await tick(at(23, 0, 30))  # 09:30 in Tokyo: the one with no zone gets item 1
    await delivered(bot, "2026-11-23")
    assert SOURED in str(digests_to(slack, NO_ZONE)[0].blocks)

    await bot.runtime.delivery.stop()  # what is queued now waits its turn
    await tick(at(23, 8, 30))  # 09:30 in Copenhagen: queued
    bot.digest.clock = lambda: at(23, 8, 31)
    refused = await feeds(bot, slack, "hide 1", user=COPENHAGEN)
    assert "Only the social media managers" in refused
    listed = await feeds(bot, slack, "items")
    assert f"*1* {SOURED}" in listed and "hidden" not in listed
    hidden = await feeds(bot, slack, "hide <https://news.example.com/c1>")
    assert "Item 1 (“Example Corp opens an office”) is kept out of every digest" in hidden
    assert "taken out of 1 still waiting to go out" in hidden
    assert "`/socialbot feeds unhide 1`" in hidden
    assert "hidden already" in await feeds(bot, slack, "hide 1")
    assert "_hidden_" in await feeds(bot, slack, "items")

    await bot.runtime.delivery.start()
    await delivered(bot, "2026-11-23")
    await tick(at(23, 14, 30))  # 09:30 in New York, later the same day
    await delivered(bot, "2026-11-23")
    for person in (COPENHAGEN, NEW_YORK):
        (digest,) = digests_to(slack, person)
        assert SOURED not in str(digest.blocks) and "Wind power grows" in str(digest.blocks)
    # What went out before stays as it was: counted as offered, never offered again.
    assert 1 in bot.digest.store.seen("slack", NO_ZONE, at(1, 0))
    assert 1 not in bot.digest.store.seen("slack", COPENHAGEN, at(1, 0))

    assert "1 item(s) kept out" in await feeds(bot, slack, "hidden")
    assert "may be suggested again" in await feeds(bot, slack, "unhide 1")
    assert "No item is hidden." in await feeds(bot, slack, "hidden")
    assert "Item 1 is not hidden" in await feeds(bot, slack, "unhide 1")
    assert "No item matches '42'" in await feeds(bot, slack, "hide 42")

    listed = await feeds(bot, slack, "")
    assert "*2 feed(s)*" in listed and "*1* Example Corp news" in listed
    broken = await feeds(bot, slack, "add http://127.0.0.1:9/feed.xml")
    assert "loopback" in broken and "SOCIALBOT_ALLOW_PRIVATE_FEEDS" in broken
    assert "Give one feed or blog address" in await feeds(bot, slack, "add")
    removed = await feeds(bot, slack, "remove 2")
    assert removed.endswith("Removed feed 2: Industry weekly (1 items).")  # added by hand
    # The chat's own command, not the command line's `socialbot feeds list` (review14a A8).
    assert "No feed matches '2'; `/socialbot feeds` lists them." in await feeds(
        bot, slack, "remove 2"
    )
    assert "`/socialbot feeds hide NUMBER or LINK`" in await feeds(bot, slack, "frobnicate")


async def test_a_stop_while_an_item_is_taken_out_loses_no_waiting_digest(
    bot: Any, slack: Any, monkeypatch: Any
) -> None:
    # Review12c R2: every waiting digest of the day was withdrawn at once, then queued again
    # person by person; a stop (a deploy, Ctrl-C on `feeds hide`) or a lock in between left the
    # rest without their digest for the day. Each is now replaced in its own transaction.
    core = bot.runtime.core
    core.directory.upsert([Member("slack", "UCPH2", "Cph Two", "Europe/Copenhagen")])
    await bot.runtime.delivery.stop()
    await core.tick(at(23, 8, 30))  # 09:30 in Copenhagen: both digests wait in the queue
    bot.digest.clock = lambda: at(23, 8, 31)
    composed = bot.digest._compose
    calls = 0

    async def stopping(*args: Any) -> Any:  # the process stops after the first digest's posts
        nonlocal calls
        calls += 1
        if calls > 3:
            raise RuntimeError("stopped")
        return await composed(*args)

    monkeypatch.setattr(bot.digest, "_compose", stopping)
    await feeds(bot, slack, "hide 1")
    monkeypatch.setattr(bot.digest, "_compose", composed)
    await bot.runtime.delivery.start()
    await delivered(bot, "2026-11-23")
    for minute in range(1, 10):
        await core.tick(at(23, 9, minute))
    await delivered(bot, "2026-11-23")
    assert {who: len(digests_to(slack, who)) for who in (COPENHAGEN, "UCPH2")} == {
        COPENHAGEN: 1,
        "UCPH2": 1,
    }


async def test_a_digest_that_held_the_hidden_item_alone_gets_the_next_one(
    make_bot: Any, slack: Any, tmp_path: Any
) -> None:
    # Review12c R11: with one item a digest (or topics that matched one story), hiding it
    # dropped the waiting digest for the day, where one composed a minute later held the next.
    bot = await make_bot(digest_items=1)
    await add_feeds(bot.runtime.db, tmp_path)
    await bot.runtime.delivery.stop()
    await bot.runtime.core.tick(at(23, 8, 30))  # 09:30 in Copenhagen: queued
    (held,) = bot.digest.store.items_of_day("slack", COPENHAGEN, "2026-11-23")
    bot.digest.clock = lambda: at(23, 8, 31)
    assert "taken out of 1 still waiting" in await feeds(bot, slack, f"hide {held}")
    await bot.runtime.delivery.start()
    await delivered(bot, "2026-11-23")
    (digest,) = digests_to(slack, COPENHAGEN)
    (instead,) = bot.digest.store.items_of_day("slack", COPENHAGEN, "2026-11-23")
    assert instead != held and "Share on" in str(digest.blocks)
