"""The digest's neutral views: the daily message, the preferences form and home section, stats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, time

from content_feed.compose import NETWORK_NAMES, NETWORKS, Network, SuggestedPost
from content_feed.text import clip, collapse
from handlers.command_words import typed
from handlers.digest import ids
from handlers.digest.model import DigestPlan, ItemStats
from handlers.digest.store import Preferences
from handlers.shares import share_buttons
from handlers.texts import text_for
from handlers.views import (
    Actions,
    Block,
    Button,
    Context,
    Divider,
    Fields,
    Form,
    Header,
    Input,
    Message,
    Option,
    Text,
    link,
    untrusted,
)

SUMMARY_LIMIT = 200
TOPICS_LIMIT = 300  # characters of a person's digest topics
# The zones offered in the preferences, west to east (a person's own and the offices' named in
# the settings are added when missing); fewer than Slack's 100 options a select.
ZONES = (
    "Pacific/Honolulu",
    "America/Anchorage",
    "America/Los_Angeles",
    "America/Denver",
    "America/Phoenix",
    "America/Chicago",
    "America/Mexico_City",
    "America/New_York",
    "America/Toronto",
    "America/Bogota",
    "America/Lima",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "Atlantic/Reykjavik",
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Africa/Lagos",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Amsterdam",
    "Europe/Berlin",
    "Europe/Zurich",
    "Europe/Rome",
    "Europe/Copenhagen",
    "Europe/Oslo",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Africa/Johannesburg",
    "Africa/Cairo",
    "Europe/Helsinki",
    "Europe/Kyiv",
    "Europe/Athens",
    "Asia/Jerusalem",
    "Europe/Istanbul",
    "Asia/Riyadh",
    "Asia/Qatar",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Manila",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Perth",
    "Australia/Brisbane",
    "Australia/Sydney",
    "Pacific/Auckland",
)


def _summary(text: str) -> str:
    return clip(collapse(text), SUMMARY_LIMIT)


def _suggested(posts: Mapping[Network, SuggestedPost], language: str) -> Block | None:
    """The first network's suggested text, to read before sharing."""
    post = next(iter(posts.values()), None)
    if post is None:
        return None
    return Context(text_for("suggested_post", language, text=untrusted(post.text)))


def digest_message(plan: DigestPlan, greeting: str = "", language: str = "en") -> Message:
    """The daily DM, its own words in the person's `language` (the items' as their feeds wrote
    them): each item with share buttons and "Not for me", then the footer; the first one says
    what the bot is (`greeting`), above all."""
    count = len(plan.entries) + len(plan.offers)
    blocks: list[Block] = [Text(greeting)] if greeting else []
    blocks.append(Header(text_for("digest_header", language)))
    for offer in plan.offers:
        blocks += [
            Divider(),
            Text(f"**{link(offer.headline, offer.link)}**\n{_summary(offer.message)}"),
        ]
        suggested = _suggested(offer.posts, language)
        blocks += [suggested] if suggested else []
        share = share_buttons(offer.subject, offer.posts, language)
        blocks += [share] if share.buttons else []  # none: its link is too long for a button
    for entry in plan.entries:
        item = entry.item
        summary = untrusted(_summary(item.summary))
        blocks += [
            Divider(),
            Text(
                f"**{link(collapse(item.title), item.link)}**"
                + (f"\n{summary}" if summary else ""),
                image_url=item.image,
                image_alt=collapse(item.title),
            ),
            Context(
                f"{untrusted(item.feed_title)} · "
                + text_for("company_news" if item.kind == "company" else "industry", language)
            ),
        ]
        suggested = _suggested(entry.posts, language)
        blocks += [suggested] if suggested else []
        share = share_buttons(ids.subject(item.id), entry.posts, language)
        hide = Button(text_for("not_for_me", language), ids.NOT_FOR_ME, str(item.id))
        blocks.append(Actions((*share.buttons, hide)))
    preferences = typed(plan.platform, "socialbot", "preferences")
    blocks += [
        Divider(),
        Actions(
            (
                Button(text_for("mute_week", language), ids.MUTE_WEEK),
                Button(text_for("change_time", language), ids.CHANGE_TIME, opens_form=True),
                Button(text_for("stop_digests", language), ids.STOP, style="danger"),
            )
        ),
        Context(text_for("topics_networks", language, command=preferences)),
    ]
    summary = "digest_summary_one" if count == 1 else "digest_summary"
    return Message(text_for(summary, language, count=count), tuple(blocks))


def welcome(platform: str, language: str, days: Sequence[int], networks: Sequence[Network]) -> str:
    """The few lines atop a person's first digest, in `language`: what the bot is, on which
    `days` their digest comes with posts for which `networks`, and how to change or stop it."""
    names = text_for("day_names", language).split(",")
    chosen = sorted(set(days))
    if len(chosen) == 7:
        when = text_for("every_day", language)
    elif len(chosen) > 2 and chosen == list(range(chosen[0], chosen[-1] + 1)):
        when = text_for("from_to", language, first=names[chosen[0]], last=names[chosen[-1]])
    else:
        when = text_for("on_days", language, days=_listed([names[d] for d in chosen], language))
    return text_for(
        "welcome",
        language,
        when=when,
        networks=_listed([NETWORK_NAMES[n] for n in networks], language),
        help=typed(platform, "socialbot", "help"),
        preferences=typed(platform, "socialbot", "preferences"),
    )


def _listed(words: Sequence[str], language: str) -> str:
    """`A, B and C` in `language`."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {text_for('and', language)} {words[-1]}"


def days_text(days: Sequence[int], language: str = "en") -> str:
    """`Monday to Friday`, `Monday, Wednesday` or `Every day`, in `language`."""
    names = text_for("day_names", language).split(",")
    chosen = sorted(set(days))
    if len(chosen) == 7:
        return text_for("every_day", language)
    if len(chosen) > 2 and chosen == list(range(chosen[0], chosen[-1] + 1)):
        return text_for("days_span", language, first=names[chosen[0]], last=names[chosen[-1]])
    return ", ".join(names[d] for d in chosen)


def muted_day(until: datetime, language: str = "en") -> str:
    """A day as people read it in `language`: "Sunday 13 December", "søndag den 13. december"
    (the last day of a mute, the day of the next digest)."""
    weekday = text_for("day_names", language).split(",")[until.weekday()]
    month = text_for("month_names", language).split(",")[until.month - 1]
    return text_for("date", language, weekday=weekday, day=until.day, month=month)


def _on_off(language: str) -> tuple[Option, Option]:
    return Option(ids.ON, text_for("on", language)), Option(ids.OFF, text_for("off", language))


def preferences_form(
    prefs: Preferences,
    at: time,
    days: Sequence[int],
    wanted: bool,
    zone: str,
    leaderboard: bool | None = None,
    muted_until: datetime | None = None,
    offices: Sequence[str] = (),
    reminders_wait: bool = True,
    language: str = "en",
) -> Form:
    """Digest on/off (or muted until `muted_until`, which On ends), time, days, topics and
    networks, filled with what is in force now, in the person's `language`; and whether the
    person is on the leaderboard, unless `leaderboard` is None (it is off). `offices`: the
    zones the settings name, offered with the rest; `reminders_wait`: report reminders wait
    for the workdays chosen."""
    joining = () if leaderboard is None else (leaderboard_input(leaderboard, language),)
    choices: tuple[Option, ...] = _on_off(language)
    initial, hint = ids.ON if wanted else ids.OFF, ""
    if wanted and muted_until is not None:
        muted = text_for("muted_until", language, day=muted_day(muted_until, language))
        choices = (Option(ids.MUTED, muted), *choices)
        initial, hint = ids.MUTED, text_for("end_mute", language)
    names = text_for("day_names", language).split(",")
    return Form(
        form_id=ids.PREFERENCES_FORM,
        title=text_for("prefs_title", language),
        submit_label=text_for("save", language),
        intro=(Context(text_for("times_in_zone", language, zone=zone)),),
        inputs=(
            Input(
                ids.ENABLED,
                text_for("daily_digest", language),
                kind="select",
                initial=initial,
                options=choices,
                hint=hint,
            ),
            Input(ids.TIME, text_for("time", language), kind="time", initial=at.strftime("%H:%M")),
            zone_input(zone, offices, language),
            Input(
                ids.DAYS,
                text_for("your_workdays", language),
                kind="checkboxes",
                initial=tuple(str(d) for d in days),
                options=tuple(Option(str(n), name) for n, name in enumerate(names)),
                hint=text_for(
                    "workdays_hint_reminders" if reminders_wait else "workdays_hint", language
                ),
            ),
            Input(
                ids.TOPICS,
                text_for("topics", language),
                initial=", ".join(prefs.topics),
                placeholder=text_for("topics_example", language),
                hint=text_for("topics_hint", language),
                optional=True,
                max_length=TOPICS_LIMIT,
            ),
            Input(
                ids.NETWORKS,
                text_for("networks", language),
                kind="checkboxes",
                initial=tuple(n.value for n in prefs.networks),
                options=tuple(Option(n.value, NETWORK_NAMES[n]) for n in NETWORKS),
            ),
            *joining,
        ),
        language=language,
    )


def zone_input(zone: str, offices: Sequence[str] = (), language: str = "en") -> Input:
    """The time zone the digest's time is in, `zone` chosen; the `offices`' zones offered too."""
    zones = (*dict.fromkeys(z for z in (zone, *offices) if z not in ZONES), *ZONES)
    return Input(
        ids.ZONE,
        text_for("time_zone", language),
        kind="select",
        initial=zone,
        options=tuple(Option(name, name.replace("_", " ")) for name in zones),
        hint=text_for("zone_hint", language),
    )


def leaderboard_input(joined: bool, language: str = "en") -> Input:
    """On or off the team's top 10 sharers."""
    return Input(
        ids.LEADERBOARD,
        text_for("leaderboard", language),
        kind="select",
        initial=ids.ON if joined else ids.OFF,
        options=_on_off(language),
        hint=text_for("leaderboard_hint", language),
    )


def preferences_fields(
    prefs: Preferences, at: time, days: Sequence[int], wanted: bool, now: datetime, language: str
) -> Fields:
    """The preferences in force, side by side, in `language`; times in `now`'s zone (the
    person's)."""
    state = text_for("on" if wanted else "off", language)
    if wanted and prefs.muted(now) and prefs.muted_until is not None:
        until = datetime.fromtimestamp(prefs.muted_until, now.tzinfo)
        state = text_for("muted_until", language, day=muted_day(until, language))
    return Fields(
        (
            (text_for("daily_digest", language), state),
            (text_for("time", language), f"{at.strftime('%H:%M')} ({now.tzinfo})"),
            (text_for("workdays", language), days_text(days, language)),
            (
                text_for("topics", language),
                ", ".join(prefs.topics) or text_for("all_topics", language),
            ),
            (text_for("networks", language), ", ".join(NETWORK_NAMES[n] for n in prefs.networks)),
        )
    )


def home_section(fields: Fields, stats: Sequence[Block], language: str) -> tuple[Block, ...]:
    """The digest's part of App Home, in `language`: the preferences, a button to change them,
    and for managers the share figures."""
    change = text_for("change_preferences", language)
    blocks: list[Block] = [
        Text(f"**{text_for('home_digest', language)}**"),
        fields,
        Actions((Button(change, ids.OPEN_PREFERENCES, style="primary", opens_form=True),)),
    ]
    return (*blocks, *stats)


def stats_line(stats: ItemStats) -> str:
    """`Title: LinkedIn 3 · X 1 · Facebook 0`."""
    figures = " · ".join(f"{NETWORK_NAMES[n]} {stats.clicks.get(n.value, 0)}" for n in NETWORKS)
    return f"{stats.title}: {figures}"


def stats_blocks(stats: Sequence[ItemStats], language: str, limit: int = 10) -> tuple[Block, ...]:
    """Share clicks per item for managers' App Home, in the manager's `language`."""
    lines = [stats_line(s) for s in stats]
    title = Text(f"**{text_for('shares_title', language)}**")
    if not lines:
        return (title, Context(text_for("no_shares", language)))
    shown = "\n".join(f"- {line}" for line in lines[:limit])
    more = len(lines) - limit
    tail = (Context(text_for("more_shares", language, count=more)),) if more > 0 else ()
    return (title, Text(shown), *tail)
