"""The announcement form: its fields, and a submission read into a checked `Draft`."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from urllib.parse import urlsplit

from content_feed.compose import NETWORK_NAMES, NETWORKS, Network
from handlers.announcements import ids
from handlers.announcements.audience import Audience, parse_channels
from handlers.announcements.channels import found, not_found
from handlers.announcements.posts import too_long
from handlers.announcements.store import Draft
from handlers.announcements.when import first_instant, local_fields, parse_clock, parse_local
from handlers.command_words import WORDS_ONLY
from handlers.core import Channels
from handlers.errors import FormErrors
from handlers.views import Context, Form, Input, Option, Values

HEADLINE_LIMIT = 150  # Slack's header block
MESSAGE_LIMIT = 2500  # room in a 3,000-character section
# How to name the channels: Slack has a picker and channel names; Teams only its channel ids.
CHANNELS_HINT = (
    "For “Chosen channels”: pick them, or type their #names, ids or links (“Copy link” in a"
    " channel's menu), separated by commas. I post only in channels I was invited to."
)
EMPTY_POST_HINT = "Leave empty to have one written from the headline, message and link."
WRITTEN_HINT = (
    "Written for you from the headline, message and link: written again when you change them,"
    " unless you edit it here."
)
GOING_OUT_INTRO = (
    "Its copies are going out: its audience and time stay as they are."
    " Your changes reach the copies still waiting, and the ones already delivered are updated."
)
TEAMS_CHANNELS_HINT = (
    "For “Chosen channels”: paste each channel's link (“Get link to channel” in its … menu), or"
    " type its name, separated by commas. I post only in the channels of"
    " teams that added me."
)


def compose_form(
    initial: Draft | None,
    zones: list[str],
    zone: str,
    state: str = "",
    editing: bool = False,
    *,
    platform: str,
    going_out: bool = False,
) -> Form:
    """The form to write an announcement, filled in with `initial` when editing, for an
    announcer on `platform`; `going_out`: one whose copies are going out, whose audience and
    time can no longer change."""
    draft = initial or Draft("", "", "", "", {}, ids.EVERYONE)
    day, clock = local_fields(draft.send_at, zone) if draft.send_at else ("", "")
    audiences = [Option(ids.EVERYONE, "Everyone"), Option(ids.IN_CHANNELS, "Chosen channels")]
    if zones:
        audiences.append(Option(ids.IN_TIMEZONES, "People in chosen time zones"))
    post_inputs = tuple(
        Input(
            f"{ids.POST}{network.value}",
            f"Suggested post for {NETWORK_NAMES[network]}",
            "multiline",
            initial=draft.posts.get(network, ""),
            hint=WRITTEN_HINT if network in draft.written else EMPTY_POST_HINT,
            optional=True,
        )
        for network in NETWORKS
    )
    zone_input = (
        Input(
            ids.TIMEZONES,
            "Time zones",
            "multiselect",
            initial=draft.timezones,
            hint="For “People in chosen time zones”.",
            optional=True,
            options=tuple(Option(z, z) for z in zones[:100]),
        ),
    )
    content = (
        Input(ids.HEADLINE, "Headline", initial=draft.headline, max_length=HEADLINE_LIMIT),
        Input(
            ids.MESSAGE,
            "Message",
            "multiline",
            initial=draft.message,
            hint="**bold**, _italic_, [label](https://link) and “- ” lists work.",
            max_length=MESSAGE_LIMIT,
        ),
        Input(ids.LINK, "Link", "url", initial=draft.link, optional=True),
        Input(ids.IMAGE, "Image URL", "url", initial=draft.image_url, optional=True),
        *post_inputs,
    )
    sharing = Input(
        ids.SHARE,
        "Sharing",
        "checkboxes",
        initial=(ids.ASK_TO_SHARE,) if draft.share else (),
        optional=True,
        options=(
            Option(
                ids.ASK_TO_SHARE, "Ask people to share it (and offer it again in the next digest)"
            ),
        ),
    )
    if going_out:
        return Form(
            form_id=ids.COMPOSE_FORM,
            title="Edit announcement",
            submit_label="Preview",
            state=state,
            intro=(Context(GOING_OUT_INTRO),),
            inputs=(*content, sharing),
        )
    return Form(
        form_id=ids.COMPOSE_FORM,
        title="Edit announcement" if editing else "New announcement",
        submit_label="Preview",
        state=state,
        inputs=(
            *content,
            Input(
                ids.AUDIENCE, "Audience", "select", initial=draft.audience, options=tuple(audiences)
            ),
            Input(
                ids.CHANNELS,
                "Channels",
                "channels",
                initial=" ".join(draft.channels),
                hint=TEAMS_CHANNELS_HINT if platform in WORDS_ONLY else CHANNELS_HINT,
                optional=True,
            ),
            *(zone_input if zones else ()),
            Input(
                ids.WHEN,
                "When",
                "select",
                initial=ids.NOW if not draft.send_at else ids.LOCAL if draft.local else ids.LATER,
                options=(
                    Option(ids.NOW, "Now"),
                    Option(ids.LATER, "At a date and time"),
                    Option(ids.LOCAL, "At a date and time in each person's time zone"),
                ),
            ),
            Input(ids.DATE, "Date", "date", initial=day, optional=True),
            Input(
                ids.TIME,
                "Time",
                "time",
                initial=clock,
                optional=True,
                hint=f"In {zone}, or each person's own (the last choice of When).",
            ),
            sharing,
        ),
    )


def _text(values: Values, name: str) -> str:
    value = values.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _list(values: Values, name: str) -> list[str]:
    value = values.get(name, [])
    return [value] if isinstance(value, str) and value else list(value) if value else []


def typed_clock(values: Values) -> tuple[date, time] | None:
    """The date and time typed for a scheduled announcement, as typed (before any time zone
    makes them an instant); None when it goes now or either is not one."""
    if _text(values, ids.WHEN) not in (ids.LATER, ids.LOCAL):
        return None
    day, clock = parse_clock(_text(values, ids.DATE), _text(values, ids.TIME))
    return None if day is None or clock is None else (day, clock)


def _web_link(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # an unclosed [IPv6] bracket and the like
        return False


async def read_form(
    values: Values,
    *,
    people: Audience,
    target: str,
    zone: str,
    channels: Channels | None = None,
    going_out: Draft | None = None,
) -> Draft:
    """The submission as a checked draft (the posts the announcer wrote); `FormErrors` on the
    fields that are wrong. `going_out`: the announcement being edited is going out, its
    audience and time stay (its form has no such fields)."""
    errors: dict[str, str] = {}
    headline, message = _text(values, ids.HEADLINE), _text(values, ids.MESSAGE)
    link, image = _text(values, ids.LINK), _text(values, ids.IMAGE)
    share = ids.ASK_TO_SHARE in _list(values, ids.SHARE)
    if not headline:
        errors[ids.HEADLINE] = "Write a headline: it is the first thing people see."
    if link and not _web_link(link):
        errors[ids.LINK] = "Use a web address starting with http:// or https://."
    elif share and not link:
        errors[ids.LINK] = "Add a link to share, or untick “Ask people to share it”."
    if image and not _web_link(image):
        errors[ids.IMAGE] = "Use an image address starting with http:// or https://."
    posts: dict[Network, str] = {}
    for network in NETWORKS:
        name = f"{ids.POST}{network.value}"
        posts[network] = _text(values, name)
        problem = too_long(network, posts[network], link)
        if problem:
            errors[name] = problem
    said = replace(
        going_out or Draft("", "", "", "", {}, ids.EVERYONE),
        headline=headline,
        message=message,
        link=link,
        image_url=image,
        posts=posts,
        share=share,
        written=(),
    )
    if going_out is not None:
        if errors:
            raise FormErrors(errors)
        return replace(said, posts={network: text for network, text in posts.items() if text})

    audience = _text(values, ids.AUDIENCE) or ids.EVERYONE
    if audience not in (ids.EVERYONE, ids.IN_CHANNELS, ids.IN_TIMEZONES):
        # Forms come back from the client (a Teams card's data), so an audience is checked.
        errors[ids.AUDIENCE] = "Choose everyone, chosen channels or people in time zones."
    # Picked (a list, from Slack's picker) or typed: ids, `#names`, pasted <#C…|name> mentions.
    chosen, named = parse_channels(" ".join(_list(values, ids.CHANNELS)), target)
    missing: list[str] = []
    if audience == ids.IN_CHANNELS and named:
        ids_of_names, missing = await found(channels, named)
        chosen = list(dict.fromkeys([*chosen, *ids_of_names]))
    timezones = _list(values, ids.TIMEZONES)
    if audience == ids.IN_CHANNELS and missing:
        errors[ids.CHANNELS] = not_found(missing, channels, target)
    elif audience == ids.IN_CHANNELS and not chosen:
        errors[ids.CHANNELS] = "Add at least one channel, or choose another audience."
    elif audience != ids.IN_CHANNELS and (chosen or named):
        # They went nowhere, in silence (review16a W8).
        errors[ids.CHANNELS] = (
            "Channels are for the audience Chosen channels: choose it, or empty this field"
            " (an announcement goes to people or to channels, not both)."
        )
    if audience == ids.IN_TIMEZONES and not timezones:
        errors[ids.TIMEZONES] = "Choose at least one time zone, or choose another audience."

    send_at = None
    when = _text(values, ids.WHEN)
    if when in (ids.LATER, ids.LOCAL):
        send_at, day_error, time_error = parse_local(
            _text(values, ids.DATE), _text(values, ids.TIME), zone
        )
        if day_error:
            errors[ids.DATE] = day_error
        if time_error:
            errors[ids.TIME] = time_error

    draft = replace(
        said,
        audience=audience,
        channels=tuple(chosen) if audience == ids.IN_CHANNELS else (),
        timezones=tuple(timezones) if audience == ids.IN_TIMEZONES else (),
        send_at=send_at,
        zone=zone,
        local=when == ids.LOCAL and send_at is not None,
    )
    if draft.local:
        starts = first_instant(draft, people.zones(target, draft), people.fallback)
        draft = replace(draft, starts_at=starts)
    if draft.starts is not None and draft.starts <= datetime.now(UTC):
        errors[ids.TIME] = (
            "That time has passed for some of them (their clocks are ahead of yours); pick a"
            " later day or time."
            if draft.local
            else f"That time has passed in {zone}; pick a later one."
        )
    if not errors and not people.count(target, draft):
        where = ids.TIMEZONES if audience == ids.IN_TIMEZONES else ids.AUDIENCE
        errors[where] = (
            "Nobody is in those time zones."
            if audience == ids.IN_TIMEZONES
            else "I don't know anyone to send this to yet: the people list is filled from the "
            "chat platform once a day."
        )
    if errors:
        raise FormErrors(errors)
    return replace(draft, posts={network: text for network, text in posts.items() if text})
