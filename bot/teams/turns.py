"""One Teams turn: translate the activity into a core call and the view into a card."""

from __future__ import annotations

import asyncio
import html
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount
from botbuilder.schema.teams import TeamsChannelAccount, TeamsChannelData
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.delivery.gateway import PermanentFailure, RateLimited, TransientFailure
from bot.delivery.ledger import Ledger
from bot.repeats import Repeated
from bot.teams import cards, forms, invokes, people, reach
from bot.teams.channels import learn_channels
from bot.teams.conversations import EMULATOR, Conversations, channel_of
from bot.teams.gateway import TeamsGateway
from bot.teams.screenshots import PastedPictures
from bot.teams.shared import files_of, links, message_html, shared_message, with_links
from bot.teams.zones import MailboxZones, learn_zones
from handlers.command_words import SALUTATION, parse_command, said_to_bot
from handlers.core import NOT_SENT_PRIVATELY, SENT_PRIVATELY, Core
from handlers.errors import FormErrors, UserError, database_locked
from handlers.help import help_message
from handlers.people import Person, Role
from handlers.views import Form, Message, Reply, Text

log = logging.getLogger(__name__)

PLATFORM = "teams"
# `help` (or `socialbot help`) as parse_command reads it.
HELP = ("socialbot", "help")
CHANNEL = "channel"  # the conversation type of a team's channel
PERSONAL = "personal"  # the conversation type of a person's chat with the bot
TEAM_MEMBER_REMOVED = "teamMemberRemoved"  # channelData.eventType: someone left a team
DONE = Message("Done.")
# How long a newcomer's role may be looked up before the turn's request is answered: Teams
# waits 15 s for it, and its client honours a Retry-After of a minute, three times over.
ROLE_LOOKUP_SECONDS = 3.0
UNNAMED = "someone Teams gave no name for"  # a sender without `from.name`, unknown till a roster
FORM_SENT_PRIVATELY = "I've sent you the form privately, in our chat: nobody else sees it."
OWN_FORMS = (
    "This form was drawn for one person in this conversation, so it does not take anyone's"
    " answers here: ask me again in your own chat with me, where only you see it."
)
_AT_TAG = re.compile(r"^\s*<at>[^<]*</at>" + SALUTATION)
_BOT_CHAT = "a:"  # how the ids of a person's chat with a bot start (people's chats: 19:…)
_THREAD = ";messageid="  # a channel thread's conversation id: `<channel id>;messageid=<root id>`

Invoke = Callable[[TurnContext, Person, dict[str, Any]], Awaitable[InvokeResponse]]
# Invokes answered in a dialog, which only the one who opened it sees.
_DIALOGS = frozenset(
    (invokes.TASK_FETCH, invokes.TASK_SUBMIT, invokes.EXTENSION_FETCH, invokes.EXTENSION_SUBMIT)
)


def reply(answer: Reply, errors: dict[str, str] | None = None) -> Activity:
    """A message or a form as an outgoing Bot Framework activity."""
    return Activity().deserialize(cards.activity(answer, errors))


def person_of(core: Core, activity: Activity) -> Person:
    """The person who sent `activity`, noted in the directory with the time zone and locale
    their Teams client gives (messages, button presses, dialogs and installs alike). Roles come
    from the Entra object id alone: anyone can write any `from.id`, so an account without an
    object id (no Teams user lacks one; the loopback Emulator does) holds none, and is
    `emulator:<from.id>`, never an object id."""
    account = activity.from_property
    aad = account.aad_object_id if account else None
    known = core.directory.get(PLATFORM, aad) if aad else None
    tz = people.timezone_of(activity, known.tz if known else "")
    people.note_sender(core.directory, account, tz, people.locale_of(activity))
    if account is None:
        return core.person(PLATFORM, "")
    if account.aad_object_id:
        # Teams leaves `from.name` out of some activities; the directory's name, when it has
        # one, is shown before this, and never the object id.
        return core.person(PLATFORM, account.aad_object_id, account.name or UNNAMED)
    return Person(PLATFORM, f"{EMULATOR}{account.id}" if account.id else "", account.name or "")


def mentions_of_bot(activity: Activity) -> list[str]:
    """How the message @mentions the bot (`<at>Name</at>`), as its mention entities say."""
    bot_id = activity.recipient.id if activity.recipient else None
    found: list[str] = []
    for entity in activity.entities or []:
        properties = entity.additional_properties or {}
        mentioned = properties.get("mentioned") or {}
        if entity.type == "mention" and mentioned.get("id") == bot_id and properties.get("text"):
            found.append(html.unescape(properties["text"]))
    return found


def _linked_text(activity: Activity) -> str:
    """The message's text with the links Teams shows by their label written out, its HTML
    entities decoded (some clients send the space after an @mention as `&nbsp;`)."""
    return with_links(html.unescape(activity.text or ""), links(message_html(activity)))


def _without_mentions(text: str, mentions: list[str]) -> str:
    """`text` without the `mentions` and the `:` or `,` typed after each, nor @mentions of
    others it starts with, in single spaces."""
    for mention in mentions:
        text = re.sub(re.escape(mention) + SALUTATION, " ", text)
    return " ".join(_AT_TAG.sub(" ", text).split())


def text_for_bot(activity: Activity) -> str:
    """The message text without the bot's @mention (channels and group chats mention it),
    each link's address with the label Teams shows."""
    return _without_mentions(_linked_text(activity), mentions_of_bot(activity))


def words_after_mention(activity: Activity) -> str | None:
    """What follows the bot's first @mention when words come before it ("Hi @socialbot report
    …"); None when the message starts with the mention or has none."""
    mentions = mentions_of_bot(activity)
    if not mentions:
        return None
    before, _, after = _linked_text(activity).partition(mentions[0])
    if not _without_mentions(before, mentions):
        return None
    return _without_mentions(re.sub(f"^{SALUTATION}", "", after), mentions)


def thread_root(activity: Activity) -> str | None:
    """The id of the channel post whose thread the message replies in; None for a new post."""
    _, _, root = (activity.conversation.id or "").partition(_THREAD)
    root = root or activity.reply_to_id or ""
    return root if root and root != activity.id else None


def _few_words(message: Message) -> bool:
    """Whether `message` is only words (no heading, buttons or pictures): a toast says it."""
    return all(isinstance(block, Text) and not block.image_url for block in message.blocks)


def _presser(activity: Activity, alone: bool = False) -> tuple[str, bool]:
    """Who a share button in the answer to `activity` is counted for, and whether that is a
    conversation: the person in their chat with the bot or `alone` (a dialog only they see),
    else the conversation (a channel, a group chat, as its type says), where anyone may press
    it."""
    conversation = activity.conversation
    if not alone and (conversation.conversation_type or PERSONAL) != PERSONAL:
        return channel_of(conversation.id or ""), True
    account = activity.from_property
    return ((account.aad_object_id or account.id or "") if account else ""), False


def _data(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Answer:
    """What a button or a submitted form led to; `errors` set: `reply` is the form again."""

    reply: Reply | None
    errors: dict[str, str] = field(default_factory=dict)


class Turns(TeamsActivityHandler):  # type: ignore[misc]
    """Messages, commands, card actions, dialogs and installs, handed to the core."""

    def __init__(
        self,
        core: Core,
        conversations: Conversations,
        gateway: TeamsGateway,
        ledger: Ledger,
        mailboxes: MailboxZones,
        pictures: PastedPictures,
    ) -> None:
        super().__init__()
        self.core = core
        self.conversations = conversations
        self.gateway = gateway
        self.ledger = ledger
        self.mailboxes = mailboxes  # roster people's zones, where an admin granted it
        self.pictures = pictures  # a report's pasted screenshots, kept for the team
        # Called with a turn before an answer to it goes to its sender's own chat (a private
        # answer, a dialog's result, a late one): TeamsBot marks the turn's note so.
        self.answering: Callable[[Activity], None] = lambda turn: None
        self._invokes: dict[str, Invoke] = {
            invokes.ADAPTIVE_CARD_ACTION: self._on_card_action,
            invokes.TASK_FETCH: self._on_task_fetch,
            invokes.TASK_SUBMIT: self._on_dialog_submit,
            invokes.EXTENSION_FETCH: self._on_extension_fetch,
            invokes.EXTENSION_SUBMIT: self._on_dialog_submit,
        }
        self._changed = Repeated(
            log,
            "refused a Teams button or form whose data is not as the bot signed it (changed, or"
            " on a card sent before buttons were signed)",
            "refused {count} Teams buttons or forms not as the bot signed them in the last minute",
        )

    def _check(self, person: Person, data: dict[str, Any]) -> bool:
        """Refuse a button's or form's data that is not as the bot drew and signed it: a
        client replaying it changed can put any link, author or draft there. Buttons and
        forms that check their data themselves (a report's triage, a digest's) take it
        unsigned too, as cards drawn before buttons were signed bring it. Whether the data
        is as the bot signed it."""
        if cards.intact(data, self.core.shares.signature):
            return True
        if cards.DATA_FORM_ID in data:
            checked = self.core.takes_any_state(str(data.get(cards.DATA_FORM_ID)))
        else:
            checked = self.core.takes_any_value(str(data.get(cards.DATA_ACTION_ID)))
        if not checked:
            self._changed.note()
            raise self.core.button_gone(person)
        return False

    # -- messages ------------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """A personal message, an @mention or a submit button's message: a command word runs
        the command, the rest asks. Channel posts are sorted out first. A newcomer's role
        (guest or not) is asked of Teams once they are answered."""
        activity: Activity = turn_context.activity
        newcomer = self._newcomer(activity)
        try:
            text = self._text(activity)
            if not text and isinstance(activity.value, dict):
                # An Action.Submit button sends a message whose value carries the button's data.
                sender = self._sender(turn_context)
                answer = await self._pressed(turn_context, sender, activity.value)
            elif activity.conversation.conversation_type == CHANNEL:
                answer = await self._on_channel_post(turn_context, text)
            else:
                public = (activity.conversation.conversation_type or PERSONAL) != PERSONAL
                answer = await self._asked(turn_context, self._sender(turn_context), text, public)
            if answer.reply is not None:
                reply = self._reply(activity, answer.reply, answer.errors)
                await turn_context.send_activity(reply)
        finally:
            if newcomer:
                await self._note_role(turn_context)

    def _newcomer(self, activity: Activity) -> bool:
        """Whether the sender is new to the directory, outside a team's channel (whose roster,
        read when the app was added, says who is a guest)."""
        account = activity.from_property
        aad = account.aad_object_id if account else None
        if not aad or not account.id or activity.conversation.conversation_type == CHANNEL:
            return False
        return self.core.directory.get(PLATFORM, aad) is None

    async def _note_role(self, turn_context: TurnContext) -> None:
        """Note a newcomer's role, which a message does not carry (a roster does), so that a
        guest gets no digests or announcements before a roster is read."""
        activity: Activity = turn_context.activity
        account: ChannelAccount = activity.from_property
        client = turn_context.turn_state[turn_context.adapter.BOT_CONNECTOR_CLIENT_KEY]
        try:
            found = await asyncio.wait_for(
                client.conversations.get_conversation_member(activity.conversation.id, account.id),
                ROLE_LOOKUP_SECONDS,
            )
        except (HttpOperationError, ClientRequestError, TimeoutError) as error:
            log.warning(
                "could not read a new Teams sender's role",
                extra={"error": str(error) or f"no answer in {ROLE_LOOKUP_SECONDS:g} s"},
            )
            return
        entry = people.member(
            TeamsChannelAccount().deserialize({**found.serialize(), **found.additional_properties})
        )
        if entry is not None and entry.user_id == account.aad_object_id:
            people.store(self.core.directory, [entry])

    def _text(self, activity: Activity) -> str:
        """What the message says to the bot: a command word after the @mention runs even with
        words before the mention ("Hi @socialbot report …")."""
        return said_to_bot(
            text_for_bot(activity), words_after_mention(activity), self.core.commands
        )

    async def _on_channel_post(self, turn_context: TurnContext, text: str) -> Answer:
        """With channel-message consent Teams sends the bot every post in a channel: a person's
        reply in the thread of a post of the bot's goes to whoever listens to those replies, a
        post that @mentions the bot is answered, and anything else is none of its business
        (nothing of it is stored)."""
        activity: Activity = turn_context.activity
        sent = self._replied_to(activity)
        by_a_person = not people.is_bot(activity.from_property)
        heard = sent is not None and self.core.hears_replies(sent[0]) and by_a_person
        mentioned = bool(mentions_of_bot(activity))
        if not heard and not mentioned:
            return Answer(None)
        person = self._sender(turn_context)
        if heard and sent is not None:
            purpose, key = sent
            await self.core.thread_reply(person, purpose, key, text, activity.id or "")
            return Answer(None)
        return await self._asked(turn_context, person, text, public=True)

    def _replied_to(self, activity: Activity) -> tuple[str, str] | None:
        """The (purpose, key) of the bot's channel post whose thread the message replies in."""
        root = thread_root(activity)
        if root is None:
            return None
        # Post ids are times in milliseconds: only unique within one channel.
        channel = channel_of(activity.conversation.id)
        return self.ledger.sent_as(PLATFORM, root, recipient=channel)

    def _sender(self, turn_context: TurnContext) -> Person:
        """The person who sent the activity, once the conversation is stored and the sender
        noted in the directory."""
        activity: Activity = turn_context.activity
        before = self.conversations.get(activity.conversation.id)
        try:
            self._remember(turn_context)
        except sqlite3.OperationalError as error:  # stored at their next message
            if not database_locked(error):
                raise
        if before is None or before.blocked:  # a chat new (or open again) to the bot
            reach.release(self.core, self.gateway)
        return person_of(self.core, activity)

    async def _asked(
        self, turn_context: TurnContext, person: Person, text: str, public: bool = False
    ) -> Answer:
        """A command word runs the command; anything else is a question (or a greeting).
        `public`: in a channel or group chat, where an answer for the asker alone (a check of
        a draft, a form: their settings, their draft announcement) goes to their chat with the
        bot, and the channel hears only that it went."""
        files = files_of(turn_context.activity)  # a report's screenshot
        parsed = parse_command(text, self.core.commands, with_files=bool(files))
        if parsed and files and self.core.commands.reads_files(parsed[0]):  # a report's
            files = await self.pictures.kept_from(turn_context.activity, person, files)
        if public and (parsed == HELP or self.core.is_greeting(text)):  # as the welcome there
            mention = self._mention(turn_context)
            return Answer(help_message(self.core.commands, PLATFORM, mention))
        if public and self.core.is_private(text, *(parsed or (None, ""))):
            if parsed:
                private = await self.core.command(parsed[0], person, parsed[1], files)
            else:
                private = await self.core.message(person, text)
            sent = await self._send_personal(turn_context, private)
            return Answer(Message(SENT_PRIVATELY if sent else NOT_SENT_PRIVATELY))
        if parsed:
            answer = await self.core.command(parsed[0], person, parsed[1], files)
        else:
            answer = await self.core.message(person, text, public=public)
        if public and isinstance(answer, Form):  # one person's settings or draft
            sent = await self._send_personal(turn_context, answer)
            return Answer(Message(FORM_SENT_PRIVATELY if sent else NOT_SENT_PRIVATELY))
        return Answer(answer)

    async def _pressed(
        self, turn_context: TurnContext, person: Person, data: dict[str, Any]
    ) -> Answer:
        """A card's submit button: a form's (its values to the core) or an action's. A form
        is one person's, filled in their chat with the bot: one in a channel or group chat
        (drawn there before forms went to the asker's chat) takes nobody's answers."""
        if cards.DATA_FORM_ID in data:
            if not self._in_bot_chat(turn_context.activity):
                raise UserError(OWN_FORMS)
            answer = await self._submit(person, data)
            return answer if answer.reply is not None else Answer(DONE)
        return Answer(await self._action(person, data))

    async def _action(self, person: Person, data: dict[str, Any]) -> Reply | None:
        """A button press, routed to the core by its action id."""
        self._check(person, data)
        action_id = str(data.get(cards.DATA_ACTION_ID) or "")
        return await self.core.action(person, action_id, str(data.get(cards.DATA_VALUE) or ""))

    async def _submit(self, person: Person, data: dict[str, Any]) -> Answer:
        """A submitted form to the core; mistakes come back as the same form, refilled. Only
        a form the bot signed is drawn again: the answer is signed in turn, so a form a client
        made up (its buttons, its hidden state) would come back signed as the bot's."""
        signed = self._check(person, data)
        form = forms.decode(data.get(cards.DATA_FORM)) if signed else None
        if form is not None:
            values = forms.values_of(form, data)
        else:  # a card we did not draw (or an old one): take what looks like values
            values = {k: str(v) for k, v in data.items() if k not in cards.RESERVED}
        form_id = str(data.get(cards.DATA_FORM_ID) or "")
        state = str(data.get(cards.DATA_STATE) or "")
        try:
            return Answer(await self.core.submit(person, form_id, values, state))
        except FormErrors as mistakes:
            if form is None:
                raise
            return Answer(forms.refilled(form, values), mistakes.errors)

    # -- invokes: card buttons, dialogs, the message extension ----------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        """Card buttons, dialogs and the message extension answer in the invoke response."""
        activity: Activity = turn_context.activity
        handler = self._invokes.get(activity.name or "")
        if handler is None:
            return await super().on_invoke_activity(turn_context)
        person = person_of(self.core, activity)
        response = await handler(turn_context, person, _data(activity.value))
        if isinstance(response.body, dict):  # a card or a dialog: its share buttons counted
            presser = _presser(activity, alone=activity.name in _DIALOGS)
            response.body = self.gateway.personal(response.body, *presser)
        return response

    async def _on_card_action(
        self, turn_context: TurnContext, person: Person, value: dict[str, Any]
    ) -> InvokeResponse:
        """`Action.Execute`: a form's answer replaces the form's card; an action's answer
        leaves the card pressed (a digest, an announcement, a report) as it was."""
        data = _data(_data(value.get("action")).get("data"))
        if cards.DATA_FORM_ID in data:
            answer = await self._pressed(turn_context, person, data)
            if isinstance(answer.reply, Form):
                return invokes.card_refresh(cards.form_card(answer.reply, answer.errors))
            return invokes.card_refresh(cards.card(answer.reply or DONE))
        result = await self._action(person, data)
        if result is None or (isinstance(result, Message) and _few_words(result)):
            # As Slack answers a button privately below the message, not in its place.
            return invokes.card_message((result or DONE).text)
        # A form (from a button not marked as opening one), or an answer with buttons of its
        # own ("Unmute"): a message of its own, the pressed card kept.
        sent = await self._below(turn_context, result)
        if isinstance(result, Form):
            return invokes.card_message(result.title if sent else NOT_SENT_PRIVATELY)
        return invokes.card_message(result.text)

    async def _on_task_fetch(
        self, turn_context: TurnContext, person: Person, value: dict[str, Any]
    ) -> InvokeResponse:
        """A button that opens a dialog: the action's form, or its words in a small dialog."""
        result = await self._action(person, _data(value.get("data")))
        if isinstance(result, Form):
            return invokes.dialog(result)
        return invokes.dialog_message((result or DONE).text)

    async def _on_extension_fetch(
        self, turn_context: TurnContext, person: Person, value: dict[str, Any]
    ) -> InvokeResponse:
        """A message extension action on a message: the shortcut's form as a dialog, a few
        words in a small dialog, or a whole answer (a check of the message, with buttons) in
        the person's chat with the bot."""
        shared = shared_message(turn_context.activity)
        result = await self.core.shortcut(person, str(value.get("commandId") or ""), shared)
        if isinstance(result, Form):
            return invokes.dialog(result)
        if result.blocks:
            return await self._to_personal_chat(turn_context, result)
        return invokes.dialog_message(result.text)

    async def _on_dialog_submit(
        self, turn_context: TurnContext, person: Person, value: dict[str, Any]
    ) -> InvokeResponse:
        """A dialog's form: mistakes or a next step stay in the dialog; a result goes to chat."""
        answer = await self._submit(person, _data(value.get("data")))
        if isinstance(answer.reply, Form):
            return invokes.dialog(answer.reply, answer.errors)
        if answer.reply is None:
            return invokes.closed()
        return await self._to_personal_chat(turn_context, answer.reply)

    async def _to_personal_chat(
        self, turn_context: TurnContext, message: Message
    ) -> InvokeResponse:
        """Close the dialog and send `message` to the person's chat with the bot."""
        if await self._below(turn_context, message):
            return invokes.closed()
        # The work is done; only the message could not go. Say it in the dialog instead.
        return invokes.dialog_message(message.text)

    async def _below(self, turn_context: TurnContext, answer: Reply) -> bool:
        """Send `answer` under the pressed card in a personal chat; from a channel or group
        chat, to the presser's own chat, as nobody else asked for it. False if it could not
        go."""
        if self._in_bot_chat(turn_context.activity):
            await turn_context.send_activity(self._reply(turn_context.activity, answer))
            return True
        return await self._send_personal(turn_context, answer)

    def _reply(
        self, activity: Activity, answer: Reply, errors: dict[str, str] | None = None
    ) -> Activity:
        """`reply` to `activity`, its share buttons leading through the bot (counted) as those
        of the delivery engine's messages do."""
        drawn = self.gateway.personal(cards.activity(answer, errors), *_presser(activity))
        return Activity().deserialize(drawn)

    def _in_bot_chat(self, activity: Activity) -> bool:
        """Whether the activity comes from the person's own chat with the bot: a 1:1 chat
        between two people is `personal` too (a message action used there), and the bot is
        not in it."""
        conversation = activity.conversation
        if (conversation.conversation_type or PERSONAL) != PERSONAL:
            return False
        if (conversation.id or "").startswith(_BOT_CHAT):
            return True
        stored = self.conversations.get(conversation.id or "")
        return stored is not None and stored.kind == PERSONAL

    async def _send_personal(self, turn_context: TurnContext, answer: Reply) -> bool:
        """Send `answer` to the sender's personal chat with the bot, opening it if there is
        none yet; False when Teams would not take it."""
        return await self.to_own_chat(turn_context.activity, cards.activity(answer))

    async def to_own_chat(self, activity: Activity, payload: cards.Json) -> bool:
        """Send `payload` to the personal chat with the bot of whoever sent `activity`, opening
        it if there is none yet (someone who only ever pressed a button in a channel); False
        when Teams would not take it."""
        account: ChannelAccount = activity.from_property
        recipient = account.aad_object_id or account.id
        try:
            if self.conversations.find(recipient) is None:
                tenant = TeamsChannelData().deserialize(activity.channel_data or {}).tenant
                await self.gateway.open_chat(
                    account,
                    activity.recipient,
                    tenant.id if tenant else activity.conversation.tenant_id,
                    activity.service_url,
                )
            self.answering(activity)
            await self.gateway.send(recipient, payload)
        except (PermanentFailure, RateLimited, TransientFailure) as error:
            log.warning("could not reach a personal chat", extra={"error": str(error)})
            return False
        return True

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
        """Record that the bot was removed from a team or chat; people removed from a team
        leave its roster, and are gone unless the bot still finds them elsewhere in Teams."""
        activity: Activity = turn_context.activity
        event = TeamsChannelData().deserialize(activity.channel_data or {}).event_type
        # Only removals from the team itself, not from one of its shared channels.
        team_id = team_info.id if team_info and event == TEAM_MEMBER_REMOVED else None
        if self._includes_bot(members_removed, turn_context):
            self._app_removed(activity.conversation.id, team_id)
        elif team_id:
            gone = people.remove_from_team(
                team_id, members_removed, self.core.directory, self.conversations
            )
            log.info("people removed from a team", extra={"gone": gone})

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """The app was installed (or upgraded) in a personal chat, group chat or team."""
        await self._installed(turn_context)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """The app was uninstalled; proactive messages there will fail until it is back."""
        activity: Activity = turn_context.activity
        team = TeamsChannelData().deserialize(activity.channel_data or {}).team
        self._app_removed(activity.conversation.id, team.id if team else None)

    async def on_teams_team_deleted(self, team_info: Any, turn_context: TurnContext) -> None:
        """A team deleted (or archived: read-only): as the app removed from it, its people
        not counted nor sent to through it, its roster no longer read."""
        if team_info and team_info.id:
            self._app_removed(turn_context.activity.conversation.id, team_info.id)

    on_teams_team_hard_deleted = on_teams_team_deleted
    on_teams_team_archived = on_teams_team_deleted

    async def on_teams_team_restored(self, team_info: Any, turn_context: TurnContext) -> None:
        """A deleted team restored (or an archived one open again): as the app added back."""
        await self._installed(turn_context)

    on_teams_team_unarchived = on_teams_team_restored

    def _app_removed(self, conversation_id: str, team_id: str | None) -> None:
        """The app was removed from a chat, or from a team (out of a team means out of every
        channel of it, whichever one the event names): nothing is sent there, and the team's
        people the bot reaches nowhere else are no longer counted or sent to until it is back."""
        self.conversations.uninstall(conversation_id, team_id=team_id)
        if team_id:
            managers = self.core.roles.members(Role.MANAGER, PLATFORM)
            unreachable = people.app_removed(
                team_id, self.core.directory, self.conversations, managers
            )
            log.info(
                "the app was removed from a team",
                extra={"team": team_id, "unreachable": unreachable},
            )

    async def _installed(self, turn_context: TurnContext) -> None:
        activity: Activity = turn_context.activity
        # Installed in a person's own chat: their zone and locale, as their client gives them,
        # before any digest, which a roster alone would time by the company's morning (review12a
        # E13); the welcome is in their language. A team's or group chat's is in English.
        personal = (activity.conversation.conversation_type or PERSONAL) == PERSONAL
        installer = person_of(self.core, activity) if personal else None
        key = self._remember(turn_context)
        # Teams announces one install twice (conversationUpdate and installationUpdate).
        if self.conversations.install(key):
            reach.release(self.core, self.gateway)  # a manager who got the app
            await self.core.read_guidelines_language()
            language = self.core.language_for(installer) if installer else "en"
            mention = self._mention(turn_context)
            welcome = help_message(self.core.commands, PLATFORM, mention, language=language)
            await turn_context.send_activity(self._reply(turn_context.activity, welcome))
            team = TeamsChannelData().deserialize(turn_context.activity.channel_data or {}).team
            if team is not None and team.id:
                await self._read_roster(turn_context, team.id)
                await self._learn_channels(turn_context, key)

    @staticmethod
    def _mention(turn_context: TurnContext) -> str:
        """How people @mention the bot in the conversation of the turn, where it hears only
        that (a team's channel, a group chat); "" in a person's chat with it."""
        activity: Activity = turn_context.activity
        if (activity.conversation.conversation_type or PERSONAL) == PERSONAL:
            return ""
        bot = activity.recipient
        return f"@{bot.name if bot and bot.name else 'socialbot'}"

    async def _learn_channels(self, turn_context: TurnContext, key: str) -> None:
        """Every channel of the team the conversation `key` is in, reachable from now on."""
        team = self.conversations.get(key)
        if team is None or not team.team_id:
            return
        try:
            found = await learn_channels(turn_context, team, self.conversations)
        except (HttpOperationError, ClientRequestError) as error:
            log.warning("could not list a team's channels", extra={"error": str(error)})
            return
        log.info("listed a team's channels", extra={"channels": found})

    async def on_teams_channel_created(
        self, channel_info: Any, team_info: Any, turn_context: TurnContext
    ) -> None:
        """A new channel in a team the app is in: reachable at once, as the others are."""
        team = self.conversations.get(self._remember(turn_context))
        if team is not None and team.team_id and channel_info and channel_info.id:
            self.conversations.add_channels(team, [(channel_info.id, channel_info.name or "")])

    on_teams_channel_renamed = on_teams_channel_created
    on_teams_channel_restored = on_teams_channel_created

    async def on_teams_channel_deleted(
        self, channel_info: Any, team_info: Any, turn_context: TurnContext
    ) -> None:
        """A channel deleted from the team: nothing is sent there any more."""
        if channel_info and channel_info.id:
            self.conversations.uninstall(channel_info.id)

    async def _read_roster(self, turn_context: TurnContext, team_id: str) -> None:
        """Learn who is in the team just joined; a failure only waits for the daily sync."""
        directory = self.core.directory
        try:
            roster = await people.sync_team(turn_context, team_id, directory, self.conversations)
        except (HttpOperationError, ClientRequestError, people.EmptyRoster) as error:
            log.warning("could not read a team's roster", extra={"error": str(error)})
            return
        # A team installed again: who left it meanwhile is gone, unless still elsewhere.
        gone = people.mark_leavers(roster.left, directory, self.conversations)
        log.info("read a team's roster", extra={"members": roster.members, "gone": gone})
        reach.release(self.core, self.gateway)  # a manager in the team
        # Their zones, where an admin granted it, before their first digest; after the answer.
        self.core.soon("zones from Outlook", learn_zones(directory, self.mailboxes))

    def _remember(self, turn_context: TurnContext) -> str:
        activity: Activity = turn_context.activity
        channel_data = TeamsChannelData().deserialize(activity.channel_data or {})
        team, tenant = channel_data.team, channel_data.tenant
        return self.conversations.remember(
            TurnContext.get_conversation_reference(activity),
            team_id=team.id if team else None,
            tenant_id=tenant.id if tenant else None,
            team_group_id=team.aad_group_id if team else None,
        )

    @staticmethod
    def _includes_bot(members: list[ChannelAccount], turn_context: TurnContext) -> bool:
        recipient = turn_context.activity.recipient
        return recipient is not None and any(member.id == recipient.id for member in members)
