"""The shape of a Bot Framework activity, checked before botbuilder or a turn reads it.

msrest takes `{"id": {}}` for an activity's id without a word, and the turn then fails deep
inside with an "unexpected error". `problem` names the first field that is not of the type the
Bot Framework schema gives it; the request then gets a 400 and one log line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.payload_checks import Check, flag, is_object, objects, text, wrong

ACCOUNT: Mapping[str, Check] = {
    "id": text,
    "name": text,
    "aadObjectId": text,
    "role": text,
}
CONVERSATION: Mapping[str, Check] = {
    "id": text,
    "name": text,
    "conversationType": text,
    "tenantId": text,
    "isGroup": flag,
    "aadObjectId": text,
    "role": text,
}
ACTIVITY: Mapping[str, Check] = {
    "type": text,
    "id": text,
    "channelId": text,
    "serviceUrl": text,
    "timestamp": text,
    "localTimestamp": text,
    "locale": text,
    "text": text,
    "textFormat": text,
    "name": text,
    "replyToId": text,
    "action": text,
    "summary": text,
    "entities": objects,
    "attachments": objects,
    "channelData": is_object,
}
# channelData: what botbuilder's TeamsChannelData reads, each part an object of strings.
CHANNEL_DATA_PARTS: Mapping[str, Mapping[str, Check]] = {
    "team": {"id": text, "name": text, "aadGroupId": text},
    "channel": {"id": text, "name": text},
    "tenant": {"id": text},
    "meeting": {"id": text},
    "settings": {},
    "notification": {"alert": flag},
}
_ACCOUNTS = ("from", "recipient")
_ACCOUNT_LISTS = ("membersAdded", "membersRemoved")


def problem(body: Any) -> str | None:
    """The first field of an activity that is not of its schema's type, or None."""
    if not isinstance(body, dict):
        return "body"
    if bad := wrong(body, "", ACTIVITY):
        return bad
    conversation = body.get("conversation")
    if conversation is not None:
        if not isinstance(conversation, dict):
            return "conversation"
        if bad := wrong(conversation, "conversation.", CONVERSATION):
            return bad
    if body.get("type") == "conversationUpdate" and not isinstance(body.get("channelData"), dict):
        return "channelData"  # Teams always sends it; botbuilder reads it unchecked
    channel_data = body.get("channelData") or {}
    if bad := wrong(channel_data, "channelData.", {"eventType": text}):
        return bad
    for name, fields in CHANNEL_DATA_PARTS.items():
        part = channel_data.get(name)
        if part is not None and (not isinstance(part, dict) or wrong(part, "", fields)):
            return f"channelData.{name}"
    for name in _ACCOUNTS:
        account = body.get(name)
        if account is not None and (not isinstance(account, dict) or wrong(account, "", ACCOUNT)):
            return name
    for name in _ACCOUNT_LISTS:
        accounts = body.get(name)
        if accounts is not None and (
            not objects(accounts) or any(wrong(a, "", ACCOUNT) for a in accounts)
        ):
            return name
    return None
