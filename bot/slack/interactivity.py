"""Slack's interactivity: a button pressed, a form (modal) submitted, a shortcut on a message,
each handed to the core and its answer shown where the person is."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import reply_for_error
from bot.slack import blocks
from bot.slack.events import files_of
from bot.slack.home import AppHome
from bot.slack.replies import direct_message, reply_for, show
from handlers.core import Core
from handlers.errors import FormErrors
from handlers.people import Person
from handlers.views import Form, Reply, SharedMessage

log = logging.getLogger(__name__)


class Interactivity:
    """The listeners of buttons, forms and shortcuts."""

    def __init__(self, core: Core, client: AsyncWebClient, home: AppHome) -> None:
        self.core = core
        self.client = client
        self.home = home

    async def on_action(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        action_id, value = blocks.pressed(action)
        if action.get("url") and not self.core.handles(action_id):
            return  # a plain link button: Slack opened the link, nothing more to do
        user = body["user"]
        person = self.core.person("slack", user["id"], user.get("username", ""))
        work = self.core.action(person, action_id, value)
        reply = await reply_for(work, f"slack action {action_id}")
        await show(self.client, reply, body["trigger_id"], respond)
        await self.home.refresh(person)

    async def on_submit(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = body["user"]
        person = self.core.person("slack", user["id"], user.get("username", ""))
        values = blocks.submitted_values(view)
        state = view.get("private_metadata") or ""
        try:
            reply = await self.core.submit(person, view["callback_id"], values, state)
        except FormErrors as mistakes:
            await ack(response_action="errors", errors=mistakes.errors)
            return
        except Exception as error:
            reply = reply_for_error(error, f"slack form {view['callback_id']}")
        if isinstance(reply, Form):
            await ack(response_action="update", view=blocks.modal(reply))
            return
        await ack()
        if reply is None:
            return
        # The form's work is done (an announcement is queued and goes when Slack answers);
        # if Slack will not take it, only its confirmation is lost.
        unsent = {"form": view["callback_id"], "user": user["id"]}
        await direct_message(
            self.client, user["id"], reply, "a form's confirmation not posted", unsent
        )
        await self.home.refresh(person)

    async def on_shortcut(self, ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        user = body["user"]
        person = self.core.person("slack", user["id"], user.get("username", ""))
        reply = await reply_for(self._shortcut(person, body), f"slack {body['callback_id']}")
        await show(self.client, reply, body["trigger_id"], respond)

    async def _shortcut(self, person: Person, body: dict[str, Any]) -> Reply:
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        permalink = ""
        if channel and message.get("ts"):
            try:
                found = await self.client.chat_getPermalink(
                    channel=channel, message_ts=message["ts"]
                )
                permalink = str(found.get("permalink") or "")
            except SlackApiError:
                log.warning("no permalink for a shared message", extra={"channel": channel})
        shared = SharedMessage(
            text=message.get("text", ""),
            author=message.get("user", ""),
            channel=channel,
            permalink=permalink,
            files=files_of(message),
        )
        return await self.core.shortcut(person, body["callback_id"], shared)
