"""The minute tick sends each person's digest at their local morning, exactly once."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from content_feed import store
from content_feed.compose import Network, SuggestedPost, compose
from content_feed.refresh import refresh_all
from handlers.insights.figures import compute
from handlers.insights.views import lines
from handlers.privacy import forget
from tests.delivery.conftest import until
from tests.digest.conftest import (
    COPENHAGEN,
    HUMANS,
    NEW_YORK,
    NO_ZONE,
    add_feeds,
    add_item,
    at,
    delivered,
    digests_to,
    rss,
)
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_requests import buttons


@dataclass(frozen=True)
class Offer:
    """An announcement to share, as issue 7 offers it."""

    headline: str
    message: str
    link: str
    subject: str
    posts: dict[Network, SuggestedPost] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.headline

    @property
    def summary(self) -> str:
        return self.message


def received(slack: Any) -> dict[str, int]:
    """How many digests each person holds."""
    everyone = [*HUMANS, "UBOT", "UGONE", "UGUEST"]
    return {user: len(digests_to(slack, user)) for user in everyone if digests_to(slack, user)}


async def test_each_person_at_their_local_morning_exactly_once(bot, slack, make_bot) -> None:
    tick = bot.runtime.core.tick
    await tick(at(23, 0, 29))  # 09:29 in Tokyo (the fallback zone): nobody yet
    assert received(slack) == {}

    await tick(at(23, 0, 30))  # 09:30 in Tokyo
    await delivered(bot, "2026-11-23")
    assert received(slack) == {NO_ZONE: 1}

    await tick(at(23, 8, 29))  # 09:29 in Copenhagen
    await tick(at(23, 8, 30))  # 09:30 in Copenhagen
    await tick(at(23, 8, 31))  # a second tick sends nothing more
    await delivered(bot, "2026-11-23")
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 1}

    await tick(at(23, 14, 30))  # 09:30 in New York
    await delivered(bot, "2026-11-23")
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 1, NEW_YORK: 1}

    restarted = await make_bot()  # a new process on the same database file
    await restarted.runtime.core.tick(at(23, 14, 45))
    await bot.runtime.core.tick(at(23, 15, 0))
    await delivered(restarted, "2026-11-23")
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 1, NEW_YORK: 1}


async def test_the_digest_mixes_company_and_industry_with_share_buttons(bot, slack) -> None:
    await bot.runtime.core.tick(at(23, 8, 30))
    await delivered(bot, "2026-11-23")
    (digest,) = digests_to(slack, COPENHAGEN)
    text = str(digest.blocks)
    assert "Example Corp opens an office" in text and "Wind power grows" in text
    assert "Example Corp news" in text and "Industry weekly" in text
    assert "Suggested post:" in text
    labels = [b["text"]["text"] for b in buttons(digest.blocks)]
    assert labels.count("Share on LinkedIn") == 3 and labels.count("Not for me") == 3
    assert labels[-3:] == ["Mute for a week", "Change time", "Stop digests"]
    linkedin = next(b for b in buttons(digest.blocks) if b["text"]["text"] == "Share on LinkedIn")
    assert linkedin["url"].startswith("https://www.linkedin.com/sharing/share-offsite/")
    assert "utm_campaign%3Demployee-advocacy" in linkedin["url"]


async def test_quiet_without_news_and_on_weekends_then_only_what_is_new(bot, slack) -> None:
    db, tick = bot.runtime.db, bot.runtime.core.tick
    await tick(at(23, 8, 30))
    await delivered(bot, "2026-11-23")
    assert len(digests_to(slack, COPENHAGEN)) == 1  # Monday: all three items

    await tick(at(24, 8, 30))  # Tuesday: nothing new, no message
    assert bot.runtime.delivery.ledger.counts("digest", "2026-11-24")["queued"] == 0
    assert len(digests_to(slack, COPENHAGEN)) == 1

    add_item(db, 1, "c3", "Example Corp hires fifty engineers", at(28, 7))
    await tick(at(28, 8, 30))  # Saturday: not a digest day
    await tick(at(29, 8, 30))  # Sunday
    assert len(digests_to(slack, COPENHAGEN)) == 1

    await tick(at(30, 8, 30))  # Monday: just the new item
    await delivered(bot, "2026-11-30")
    latest = digests_to(slack, COPENHAGEN)[-1]
    assert "Example Corp hires fifty engineers" in str(latest.blocks)
    assert "Wind power grows" not in str(latest.blocks)


async def test_opt_in_sends_only_to_those_who_chose_it(make_bot, slack, tmp_path) -> None:
    from tests.digest.conftest import add_feeds

    bot = await make_bot(digest_opt_in=True)
    await add_feeds(bot.runtime.db, tmp_path)
    bot.digest.store.update("slack", NEW_YORK, enabled=True)
    await bot.runtime.core.tick(at(23, 14, 30))  # 09:30 in New York
    await delivered(bot, "2026-11-23")
    assert received(slack) == {NEW_YORK: 1}


async def test_guests_only_when_included(make_bot, slack, tmp_path) -> None:
    from tests.digest.conftest import add_feeds

    bot = await make_bot(include_guests=True)
    await add_feeds(bot.runtime.db, tmp_path)
    await bot.runtime.core.tick(at(23, 0, 30))  # 09:30 in Tokyo
    await bot.runtime.core.tick(at(23, 8, 30))  # 09:30 in Copenhagen
    await delivered(bot, "2026-11-23")
    assert set(received(slack)) == {NO_ZONE, COPENHAGEN, "UGUEST"}


async def test_no_digest_on_a_holiday_where_the_person_is(make_bot, slack, tmp_path) -> None:
    # Monday 23 November is a Japanese holiday, Thursday 26 Thanksgiving in the US, and the
    # company closes everywhere on Tuesday 24. New York's office is named by another name of
    # its zone (review10c R2: matched by text, America/New_York got no Thanksgiving).
    bot = await make_bot(holidays="Asia/Tokyo=JP, US/Eastern=us, 2026-11-24")
    await add_feeds(bot.runtime.db, tmp_path)
    tick = bot.runtime.core.tick
    for moment in (at(23, 0, 30), at(23, 8, 30), at(23, 14, 30), at(24, 0, 30), at(24, 8, 30)):
        await tick(moment)  # 09:30 in Tokyo, Copenhagen and New York; Tuesday in all three
    await delivered(bot, "2026-11-23")
    assert received(slack) == {COPENHAGEN: 1, NEW_YORK: 1}
    await tick(at(25, 0, 30))  # Wednesday 09:30 in Tokyo
    await delivered(bot, "2026-11-25")
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 1, NEW_YORK: 1}

    feed = store.list_feeds(bot.runtime.db)[0]
    add_item(bot.runtime.db, feed.id, "c3", "Example Corp hires", at(25, 12))
    await tick(at(26, 8, 30))
    await tick(at(26, 14, 30))  # Thanksgiving: nothing in New York
    await delivered(bot, "2026-11-26")
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 2, NEW_YORK: 1}
    await tick(at(27, 14, 30))
    await delivered(bot, "2026-11-27")
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 2, NEW_YORK: 2}


async def test_an_office_s_own_workweek(make_bot, slack, tmp_path) -> None:
    # Tokyo (the fallback zone, so also the person with none) works Sunday to Thursday here,
    # named by another name of its zone (review10c R2: Asia/Tokyo did not match Japan).
    bot = await make_bot(digest_days="mon-fri; Japan=sun-thu")
    await add_feeds(bot.runtime.db, tmp_path)
    tick = bot.runtime.core.tick
    await tick(at(27, 0, 30))  # Friday 09:30 in Tokyo
    await tick(at(27, 8, 30))  # Friday 09:30 in Copenhagen
    await delivered(bot, "2026-11-27")
    assert received(slack) == {COPENHAGEN: 1}
    await tick(at(29, 0, 30))  # Sunday 09:30 in Tokyo
    await tick(at(29, 8, 30))
    await delivered(bot, "2026-11-29")
    assert received(slack) == {COPENHAGEN: 1, NO_ZONE: 1}


async def test_no_digest_for_someone_forgotten_on_request(bot, slack) -> None:
    del slack.users[COPENHAGEN]  # left the company, and asked to be forgotten
    forget(bot.runtime.db, "slack", COPENHAGEN, "forgotten-1")
    await bot.runtime.core.tick(at(23, 0, 30))  # 09:30 in Tokyo
    await bot.runtime.core.tick(at(23, 8, 30))  # 09:30 in Copenhagen
    await delivered(bot, "2026-11-23")
    assert received(slack) == {NO_ZONE: 1}
    assert digests_to(slack, "forgotten-1") == []


async def test_an_offer_from_another_capability_comes_first(bot, slack) -> None:
    offered = Offer(
        "We won the Green Award",
        "Our new plant runs on wind.",
        "https://example.com/award",
        "announcement:7",
        await compose(Offer("We won", "", "https://example.com/award", "", {})),
    )
    bot.digest.offer(lambda platform, user_id, now: [offered] if user_id == COPENHAGEN else [])
    await bot.runtime.core.tick(at(23, 8, 30))
    await delivered(bot, "2026-11-23")
    (digest,) = digests_to(slack, COPENHAGEN)
    first = buttons(digest.blocks)[0]
    assert "We won the Green Award" in str(digest.blocks)
    assert first["text"]["text"] == "Share on LinkedIn" and "award" in first["url"]


async def test_a_tick_before_the_first_feed_refresh_marks_nobody_done(
    make_bot, slack, tmp_path
) -> None:
    # Issue 14: on a fresh install the first tick ran before the first refresh ended, and
    # everyone was marked done for the day with nothing sent.
    bot = await make_bot()
    db, tick = bot.runtime.db, bot.runtime.core.tick
    feed = store.insert_feed(db, (tmp_path / "company.xml").as_uri(), origin="settings")
    await tick(at(23, 8, 30))  # 09:30 in Copenhagen, the feed not fetched yet
    assert store.awaiting_first_fetch(db)
    rows = db.execute("SELECT count(*) FROM digest_schedule WHERE last_date IS NOT NULL")
    assert rows.fetchone() == (0,) and received(slack) == {}

    (tmp_path / "company.xml").write_text(
        rss("Example Corp news", [("c1", "Example Corp opens an office", "Mon, 23 Nov 2026")])
    )
    await refresh_all(db, feeds=[feed], now=at(23, 8, 31))
    await tick(at(23, 8, 32))
    await delivered(bot, "2026-11-23")
    assert received(slack) == {COPENHAGEN: 1}  # Tokyo's morning closed at 12:30 there


async def test_a_day_with_nothing_to_send_stays_open_for_news(bot, slack) -> None:
    db, tick = bot.runtime.db, bot.runtime.core.tick
    await tick(at(23, 8, 30))
    await delivered(bot, "2026-11-23")
    await tick(at(24, 8, 30))  # Tuesday: nothing new yet, and the day is not spent on it
    assert len(digests_to(slack, COPENHAGEN)) == 1
    add_item(db, 1, "c3", "Example Corp hires fifty engineers", at(24, 9))
    await tick(at(24, 9, 0))  # within the hour: not looked at again yet
    assert bot.runtime.delivery.ledger.counts("digest", "2026-11-24")["queued"] == 0
    await tick(at(24, 9, 30))  # an hour after the empty look: the news goes out that day
    await delivered(bot, "2026-11-24")
    assert "Example Corp hires fifty engineers" in str(digests_to(slack, COPENHAGEN)[-1].blocks)


async def test_news_after_the_morning_waits_for_the_next_morning(bot, slack) -> None:
    # Review6 item 4: a post at 17:00 sent everyone whose day was empty a "morning" digest.
    db, tick = bot.runtime.db, bot.runtime.core.tick
    await tick(at(23, 8, 30))
    await delivered(bot, "2026-11-23")
    for hour in (8, 9, 10):  # Tuesday 09:30, 10:30, 11:30 in Copenhagen: nothing new
        await tick(at(24, hour, 30))
    # The day's digest closes at 12:30 (its time + 3 h): the next look is Wednesday's.
    assert due_of(bot, COPENHAGEN) == at(25, 8, 30)
    add_item(db, 1, "c3", "Example Corp hires fifty engineers", at(24, 16))
    await tick(at(24, 16, 30))  # 17:30 in Copenhagen: the day's digest is given up
    await tick(at(24, 20, 40))  # a restart in the evening changes nothing
    assert len(digests_to(slack, COPENHAGEN)) == 1
    await tick(at(25, 8, 30))  # Wednesday morning: the news
    await delivered(bot, "2026-11-25")
    assert "Example Corp hires fifty engineers" in str(digests_to(slack, COPENHAGEN)[-1].blocks)


async def test_a_first_start_in_the_evening_sends_no_digest_until_the_morning(bot, slack) -> None:
    tick = bot.runtime.core.tick
    await tick(at(23, 16, 0))  # 17:00 in Copenhagen, 11:00 in New York, 01:00 in Tokyo
    await delivered(bot, "2026-11-23")
    assert received(slack) == {NEW_YORK: 1}  # only New York's morning is still open
    await tick(at(24, 0, 30))  # Tuesday 09:30 in Tokyo
    await tick(at(24, 8, 30))  # Tuesday 09:30 in Copenhagen
    await delivered(bot, "2026-11-24")
    assert received(slack) == {NEW_YORK: 1, NO_ZONE: 1, COPENHAGEN: 1}


def due_of(bot: Any, user: str) -> datetime:
    """The person's next digest instant, as the schedule holds it."""
    (due,) = bot.runtime.db.execute(
        "SELECT next_due FROM digest_schedule WHERE user_id = ?", [user]
    ).fetchone()
    return datetime.fromtimestamp(due, UTC)


async def test_a_digest_slack_could_not_take_by_the_end_of_the_day_is_given_up(bot, slack) -> None:
    # A digest waited 12 h after it was queued, so one queued late on a day
    # Slack failed arrived the next morning beside that day's own.
    delivery, digest = bot.runtime.delivery, bot.runtime.digest
    delivery.policy = replace(delivery.policy, backoff=0.05, backoff_cap=0.1, trip_after=3,
                              probe_every=0.1)  # fmt: skip
    digest.store.update("slack", COPENHAGEN, at=time(23, 30))
    digest.schedule.replan("slack", COPENHAGEN, at(23, 22, 0))
    slack.fail("chat.postMessage", "service_unavailable", status=503, times=10_000)
    await bot.runtime.core.tick(at(23, 22, 59, 58))  # 23:59:58 in Copenhagen: due, 2 s left
    ledger = delivery.ledger
    await until(lambda: ledger.counts("digest", "2026-11-23")["failed"] == 1, within=8)
    slack.heal("chat.postMessage")
    (reason,) = delivery.ledger.summary("digest")[0].reasons
    assert "the end of the person's day" in reason
    # Its items were never seen: the next day's digest has them, and it is the only one.
    await bot.runtime.core.tick(at(24, 22, 30))
    await delivered(bot, "2026-11-24")
    (got,) = digests_to(slack, COPENHAGEN)
    assert "Example Corp opens an office" in str(got.blocks)
    # The figures count it as not delivered (the ledger's times are the real clock's).
    figures = compute(bot.runtime.db, datetime.now(UTC), 30, ZoneInfo("UTC"))
    assert (figures.participation.reached, figures.digests_not_delivered) == (1, 1)
    assert "1 digest not delivered" in "\n".join(lines(figures))


async def test_each_item_s_post_per_network_is_asked_of_the_model_once(make_bot, slack, tmp_path):
    # Review8a 13f: posts were composed per set of networks, so a colleague who chose LinkedIn
    # alone had each item's LinkedIn post asked of the model again.
    async with FakeOpenAI(reply="Example Corp opens an office: a good read.") as model:
        bot = await make_bot(openai_api_key="sk-test", openai_base_url=model.url)
        await add_feeds(bot.runtime.db, tmp_path)
        bot.runtime.digest.store.update("slack", COPENHAGEN, networks=(Network.LINKEDIN,))
        tick = bot.runtime.core.tick
        await tick(at(23, 0, 30))  # 09:30 in Tokyo: every network
        await tick(at(23, 8, 30))  # 09:30 in Copenhagen: LinkedIn only
        await delivered(bot, "2026-11-23")
    asked = [r["messages"][1]["content"] for r in model.requests]
    assert len(asked) == len(set(asked)) == 3 * 3  # three items, three networks
    assert received(slack) == {NO_ZONE: 1, COPENHAGEN: 1}
    (digest,) = digests_to(slack, COPENHAGEN)
    assert "Example Corp opens an office: a good read." in str(digest.blocks)
