"""The shape of what Slack sends, checked before a listener reads it.

A signed request is from Slack, but a payload missing a field Slack always sends (or with a list
where a string belongs) would otherwise fail deep in a listener as an "unexpected error" with a
traceback. `problem` names the first field that is not as Slack sends it; the request then gets
a 400 and one log line.
"""

from __future__ import annotations

from typing import Any

from bot.payload_checks import is_object, missing, text, wrong

INTERACTIONS = ("block_actions", "view_submission", "view_closed", "shortcut", "message_action")
# The events the listeners read, and the string fields each reads from its event.
EVENT_FIELDS = {
    "message": ("user", "ts", "channel"),
    "app_mention": ("user", "ts", "channel"),
    "app_home_opened": ("user",),
}
OPTIONAL_EVENT_FIELDS = ("text", "thread_ts", "channel_type", "tab", "subtype", "bot_id")
# A person's message all the same: "Also send to channel" on a thread reply, a message with a
# file or photo (its text is read, the file is not).
PERSON_SUBTYPES = frozenset({"thread_broadcast", "file_share"})


def _command(body: dict[str, Any]) -> str | None:
    required = {"command": text, "user_id": text, "trigger_id": text}
    return missing(body, "", required) or wrong(body, "", {"text": text, "user_name": text})


def _state(view: dict[str, Any]) -> bool:
    state = view.get("state")
    values = state.get("values") if isinstance(state, dict) else None
    return isinstance(values, dict) and all(
        is_object(elements) and all(is_object(element) for element in elements.values())
        for elements in values.values()
    )


def _interaction(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if not isinstance(user, dict) or not text(user.get("id")):
        return "user.id"
    if bad := wrong(user, "user.", {"username": text}):
        return bad
    kind = body["type"]
    if kind != "view_submission" and kind != "view_closed" and not text(body.get("trigger_id")):
        return "trigger_id"
    if kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions or not all(map(is_object, actions)):
            return "actions"
        for action in actions:
            if bad := missing(action, "actions.", {"action_id": text}) or wrong(
                action, "actions.", {"value": text, "url": text}
            ):
                return bad
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, dict) or not text(view.get("callback_id")):
            return "view.callback_id"
        if bad := wrong(view, "view.", {"private_metadata": text}):
            return bad
        if kind == "view_submission" and not _state(view):
            return "view.state"
    if kind in ("shortcut", "message_action"):
        if not text(body.get("callback_id")):
            return "callback_id"
        message, channel = body.get("message"), body.get("channel")
        if message is not None and (not isinstance(message, dict) or wrong(message, "", _MESSAGE)):
            return "message"
        if channel is not None and (
            not isinstance(channel, dict) or wrong(channel, "", {"id": text})
        ):
            return "channel"
    return None


_MESSAGE = {"text": text, "user": text, "ts": text}


def not_a_persons(message: dict[str, Any]) -> bool:
    """True for a `message` event that is not a person writing: an edit, a deletion, a join,
    a bot's message."""
    subtype = message.get("subtype")
    return bool(message.get("bot_id")) or (bool(subtype) and subtype not in PERSON_SUBTYPES)


def _event(body: dict[str, Any]) -> str | None:
    if body.get("event_id") is not None and not text(body["event_id"]):
        return "event_id"
    event = body.get("event")
    if not isinstance(event, dict) or not text(event.get("type")):
        return "event.type"
    if bad := wrong(event, "event.", dict.fromkeys(OPTIONAL_EVENT_FIELDS, text)):
        return bad
    if event["type"] == "message" and not_a_persons(event):
        return None  # edits, deletions, joins and bots' messages: ignored unread
    fields = EVENT_FIELDS.get(event["type"], ())
    return missing(event, "event.", dict.fromkeys(fields, text))


def problem(body: Any) -> str | None:
    """The first field of a Slack request body that is not as Slack sends it, or None."""
    if not isinstance(body, dict):
        return "body (not a JSON object)"
    if "command" in body:
        return _command(body)
    kind = body.get("type")
    if kind in INTERACTIONS:
        return _interaction(body)
    if kind == "event_callback":
        return _event(body)
    if kind == "url_verification" and not text(body.get("challenge")):
        return "challenge"
    return None
