"""One Teams turn: translate the activity into a core call and the view into a card."""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount
from botbuilder.schema.teams import TeamsChannelData

from bot.teams import cards
from bot.teams.commands import parse_command
from bot.teams.conversations import Conversations
from handlers.core import Core
from handlers.help import help_message
from handlers.people import Person
from handlers.views import Message

log = logging.getLogger(__name__)

PLATFORM = "teams"
ADAPTIVE_CARD_ACTION = "adaptiveCard/action"
INVOKE_MESSAGE = "application/vnd.microsoft.activity.message"
_AT_TAG = re.compile(r"^\s*<at>[^<]*</at>\s*")


def reply(message: Message) -> Activity:
    """`message` as an outgoing Bot Framework activity."""
    return Activity().deserialize(cards.activity(message))


def invoke_reply(name: str, message: Message) -> InvokeResponse:
    """The response an invoke named `name` expects, carrying the words of `message`."""
    if name == ADAPTIVE_CARD_ACTION:
        body: dict[str, Any] = {"statusCode": 200, "type": INVOKE_MESSAGE, "value": message.text}
        return InvokeResponse(status=HTTPStatus.OK, body=body)
    if name.startswith(("task/", "composeExtension/")):
        return InvokeResponse(
            status=HTTPStatus.OK, body={"task": {"type": "message", "value": message.text}}
        )
    return InvokeResponse(status=HTTPStatus.INTERNAL_SERVER_ERROR, body={"error": message.text})


def person_of(core: Core, account: ChannelAccount | None) -> Person:
    """The person behind a Teams account; roles are configured by Entra object id or Teams id."""
    if account is None:
        return core.person(PLATFORM, "")
    return core.person(PLATFORM, account.aad_object_id or account.id or "", account.name or "")


def text_for_bot(activity: Activity) -> str:
    """The message text without the bot's @mention (channels and group chats mention it)."""
    text = activity.text or ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        properties = entity.additional_properties or {}
        mentioned = properties.get("mentioned") or {}
        if entity.type == "mention" and mentioned.get("id") == bot_id and properties.get("text"):
            text = text.replace(properties["text"], " ")
    return " ".join(_AT_TAG.sub(" ", text).split())


class Turns(TeamsActivityHandler):  # type: ignore[misc]
    """Messages, commands, card actions and installs, handed to the core."""

    def __init__(self, core: Core, conversations: Conversations) -> None:
        super().__init__()
        self.core = core
        self.conversations = conversations

    # -- messages ------------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """A personal message or an @mention: a command word runs the command, the rest asks."""
        activity: Activity = turn_context.activity
        self._remember(turn_context)
        person = person_of(self.core, activity.from_property)
        text = text_for_bot(activity)
        if not text and isinstance(activity.value, dict):
            # An Action.Submit button sends a message whose value carries the button's data.
            answer = await self._card_action(person, activity.value)
        elif parsed := parse_command(text, self.core.commands):
            answer = await self.core.command(parsed[0], person, parsed[1])
        else:
            answer = await self.core.message(person, text)
        await turn_context.send_activity(reply(answer))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        """Card buttons (`Action.Execute`) answer in the invoke response; others as stock."""
        activity: Activity = turn_context.activity
        if activity.name == ADAPTIVE_CARD_ACTION:
            action = (activity.value or {}).get("action") or {}
            person = person_of(self.core, activity.from_property)
            data = action.get("data")
            answer = await self._card_action(person, data if isinstance(data, dict) else {})
            return invoke_reply(ADAPTIVE_CARD_ACTION, answer)
        return await super().on_invoke_activity(turn_context)

    async def _card_action(self, person: Person, data: dict[str, Any]) -> Message:
        """A button press, routed to the core by its action id."""
        action_id = str(data.get(cards.DATA_ACTION_ID) or "")
        return await self.core.action(person, action_id, str(data.get(cards.DATA_VALUE) or ""))

    # -- installs ------------------------------------------------------------------------------

    async def on_teams_members_added_dispatch(
        self, members_added: list[ChannelAccount], team_info: Any, turn_context: TurnContext
    ) -> None:
        """Greet when the bot itself was added; people joining a team are not greeted."""
        # Overridden so that botbuilder does not fetch every new member from the roster.
        if self._includes_bot(members_added, turn_context):
            await self._installed(turn_context)

    async def on_teams_members_removed_dispatch(
        self, members_removed: list[ChannelAccount], team_info: Any, turn_context: TurnContext
    ) -> None:
        """Record that the bot was removed from a team or chat."""
        if self._includes_bot(members_removed, turn_context):
            self.conversations.uninstall(turn_context.activity.conversation.id)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """The app was installed (or upgraded) in a personal chat, group chat or team."""
        await self._installed(turn_context)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """The app was uninstalled; proactive messages there will fail until it is back."""
        self.conversations.uninstall(turn_context.activity.conversation.id)

    async def _installed(self, turn_context: TurnContext) -> None:
        key = self._remember(turn_context)
        # Teams announces one install twice (conversationUpdate and installationUpdate).
        if self.conversations.install(key):
            await turn_context.send_activity(reply(help_message(self.core.commands)))

    def _remember(self, turn_context: TurnContext) -> str:
        activity: Activity = turn_context.activity
        channel_data = TeamsChannelData().deserialize(activity.channel_data or {})
        team, tenant = channel_data.team, channel_data.tenant
        return self.conversations.remember(
            TurnContext.get_conversation_reference(activity),
            team_id=team.id if team else None,
            tenant_id=tenant.id if tenant else None,
        )

    @staticmethod
    def _includes_bot(members: list[ChannelAccount], turn_context: TurnContext) -> bool:
        recipient = turn_context.activity.recipient
        return recipient is not None and any(member.id == recipient.id for member in members)
