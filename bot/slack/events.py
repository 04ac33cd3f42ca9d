"""What a Slack request's body says: the message a person asked the bot, whether it was written
to the bot, who sent it, its files, and its text with the mentions taken out."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.delivery.gateway import DM_ANSWER, MENTION_ANSWER, mention_of
from bot.delivery.unanswered import Asked
from bot.slack import shapes
from handlers.command_words import SALUTATION
from handlers.views import LINK, Attachment, untrusted

# An @mention in a message's text (`<@U123>`, `<@U123|name>`) and what is typed after it.
_MENTION = re.compile(r"<@[^>]*>" + SALUTATION)
# Slack's markup in a message's text: a link, @mention, #channel or special mention, its label
# after a `|`.
_SLACK_MARKUP = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")


def asked_in(body: dict[str, Any]) -> Asked | None:
    """The message a person asked the bot in an event (a DM, an @mention), as its answer will
    be queued (`SlackBot._answer`); None for any other request."""
    event = body.get("event") or {}
    if body.get("type") != "event_callback" or not event.get("user") or not event.get("ts"):
        return None
    key = answer_key(event)
    if event.get("type") == "app_mention":
        thread = event.get("thread_ts") or event["ts"]
        return Asked("slack", event.get("channel", ""), MENTION_ANSWER, key, event["user"], thread)
    direct = event.get("type") == "message" and event.get("channel_type") == "im"
    if direct and not shapes.not_a_persons(event):
        return Asked("slack", event["user"], DM_ANSWER, key, event["user"])
    return None


def written_to_the_bot(event: dict[str, Any]) -> bool:
    """Whether `event` is a person's message to the bot: a DM or an @mention."""
    return event.get("type") == "app_mention" or (
        event.get("channel_type") == "im" and not shapes.not_a_persons(event)
    )


def to_the_bot(body: dict[str, Any]) -> bool:
    """Whether a request is the person's own, to the bot: a command, a button, a form, a
    shortcut, a DM, an @mention, their App Home; not a profile edit (`user_change`) or a
    channel message the bot overheard."""
    event = body.get("event")
    if not isinstance(event, dict):
        return True
    return event.get("type") == "app_home_opened" or written_to_the_bot(event)


def answer_key(event: dict[str, Any]) -> str:
    """The ledger key of the answer to the message of `event`: the message ("C…/ts"), and for
    an @mention, whose answer is queued to its channel, whose it is ("C…/ts@U…")."""
    key = f"{event.get('channel')}/{event['ts']}"
    return key + mention_of(event["user"]) if event.get("type") == "app_mention" else key


def name_in(body: dict[str, Any]) -> str:
    """The sender's name as a request gives it: a slash command's `user_name`, an interaction's
    user; events give none."""
    user = body.get("user")
    if isinstance(user, dict):
        return str(user.get("name") or user.get("username") or "")
    return str(body.get("user_name") or "")


def files_of(message: dict[str, Any]) -> tuple[Attachment, ...]:
    """The files of a Slack message as links to their Slack pages (`permalink`), which the
    people the file is shared with can open; files Slack gives without one (another
    workspace's, past the plan's limits) are left out. Never downloaded (review11a M1)."""
    found = message.get("files")
    return tuple(
        Attachment(
            str(file.get("name") or file.get("title") or "file"),
            file["permalink"],
            str(file.get("mimetype") or "").startswith("image/"),
        )
        for file in (found if isinstance(found, list) else [])
        if isinstance(file, dict) and isinstance(file.get("permalink"), str)
    )


def as_shown(text: str, name_of: Callable[[str], str]) -> str:
    """Slack's text as its writer saw it, in the views' markdown, for wherever it is shown
    next (a Teams card, a Slack DM that would show `<https://…|label>` literally): a link
    with a label as a link, `<@U123>` as @ and the person's name, `<#C123|social>` as
    #social, and `&amp;`, `&lt;`, `&gt;` as the characters typed."""

    def shown(found: re.Match[str]) -> str:
        target, label = found[1], _unescaped(found[2] or "")
        if target.startswith("@"):
            name = label.removeprefix("@") or name_of(target[1:])
            return "@" + untrusted(name)
        if target.startswith("#"):
            return "#" + untrusted(label or target[1:])
        if target.startswith("!"):  # <!here>, <!subteam^S1|@team>, <!date^…|fallback>
            return untrusted(label or "@" + target[1:].partition("^")[0])
        address = _unescaped(target)
        if not label or label == address or not LINK.fullmatch(f"[x]({address})"):
            return f"{address} ({untrusted(label)})" if label else address
        return f"[{untrusted(label)}]({address})"

    parts, done = [], 0
    for found in _SLACK_MARKUP.finditer(text):
        parts += [_unescaped(text[done : found.start()]), shown(found)]
        done = found.end()
    return "".join([*parts, _unescaped(text[done:])])


def _unescaped(text: str) -> str:
    """Slack's text with the three characters it escapes back as typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def without_mentions(text: str) -> str:
    """The text of a mention with the `<@U123>` tags (and the `:` or `,` typed after each)
    taken out, in single spaces."""
    return " ".join(_MENTION.sub(" ", text).split())


def words_after_mention(text: str) -> str | None:
    """What follows the first `<@U123>` tag when words come before it ("Hi <@U123> report
    …"); None when the text starts with a mention or has none."""
    found = _MENTION.search(text)
    if found is None or not without_mentions(text[: found.start()]):
        return None
    return without_mentions(text[found.end() :])
