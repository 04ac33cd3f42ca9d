"""How an answer reaches the person in Slack: a form as a modal or a message privately where
they asked, a message in their DM, and any failure in the words a person should see."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from http import HTTPStatus
from typing import TypeVar

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import reply_for_error
from bot.slack import blocks
from bot.slack.directory import error_code
from handlers.views import Form, Message, Reply

log = logging.getLogger(__name__)

R = TypeVar("R")


async def reply_for(work: Awaitable[R], where: str) -> R | Message:
    """Run `work`; turn any failure into the words a person should see."""
    try:
        return await work
    except Exception as error:
        return reply_for_error(error, where)


async def show(
    client: AsyncWebClient, reply: Reply | None, trigger_id: str, respond: AsyncRespond
) -> None:
    """Open a form as a modal, or answer privately with a message."""
    if isinstance(reply, Form):
        await client.views_open(trigger_id=trigger_id, view=blocks.modal(reply))
    elif reply is not None:
        sent = await respond(
            response_type="ephemeral", replace_original=False, **blocks.message(reply)
        )
        if sent.status_code != HTTPStatus.OK:  # expired_url, used_url: the answer is lost
            log.warning(
                "Slack refused the late answer at the response_url (HTTP %s %s): the person"
                " saw no answer",
                sent.status_code,
                " ".join(str(sent.body).split())[:100],
            )


async def direct_message(
    client: AsyncWebClient, user_id: str, reply: Message, unsent: str, about: dict[str, str]
) -> bool:
    """Post `reply` in the person's DM with the bot; when Slack will not take it, log
    `unsent` (with `about` and Slack's error) and return False."""
    try:
        await client.chat_postMessage(channel=user_id, **blocks.message(reply))
    except (SlackApiError, OSError, aiohttp.ClientError, TimeoutError) as error:
        reason = error_code(error) if isinstance(error, SlackApiError) else repr(error)
        log.warning(unsent, extra={**about, "error": reason})
        return False
    return True
