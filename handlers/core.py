"""The bot's capabilities wired together: the one object every platform adapter talks to."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import unicodedata
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from content_feed.text import DIRECTION_MARKS
from handlers import actions, groups, guidelines, people, shares, team_questions
from handlers.command_words import (
    PREFIXED,
    after_word,
    check_request,
    near_command_word,
    offered_words,
    own_data_request,
    typed,
)
from handlers.commands import Commands
from handlers.daily import Daily, DueJob
from handlers.errors import FormErrors, UserError, database_locked
from handlers.follow_ups import QuestionsBefore, is_follow_up
from handlers.groups import GroupMembers
from handlers.guidelines import GuidelinesQA
from handlers.guidelines.answer import offline_answer
from handlers.guidelines.streaming import OnText
from handlers.help import help_message, socialbot_command
from handlers.people import CHANNEL_SHAPES, Directory, Person, Role, Roles, on_platform
from handlers.privacy import is_forgotten
from handlers.shares import Shares
from handlers.team_questions import TeamQuestions
from handlers.texts import language_of, text_for
from handlers.views import (
    Attachment,
    Block,
    Context,
    Divider,
    Message,
    Reply,
    SharedMessage,
    Values,
)

log = logging.getLogger(__name__)

Action = Callable[[Person, str], Awaitable[Reply | None]]
Submit = Callable[[Person, Values, str], Awaitable[Reply | None]]
# One field of a form checked alone, as its submit checks it: what is wrong (in the language
# given), or None.
FieldCheck = Callable[[str, str], str | None]
OnShortcut = Callable[[Person, SharedMessage], Awaitable[Reply]]
HomeSection = Callable[[Person], Awaitable[tuple[Block, ...]]]
# A message that starts with a word a capability listens for ("check: <draft>"): the rest.
OnPrefixed = Callable[[Person, str], Awaitable[Message]]
# A message that is only a link: what a capability offers for it ("Report it"), None for none.
OnLink = Callable[[Person, str], Awaitable[Message | None]]
# (the platform and key a message waiting for a team's channel was queued under)
OnHeld = Callable[[str, str], None]
OnLeft = Callable[[str, str, str], None]  # (platform, user id, key): see Core.on_left
# (who replied, the key the message was sent under, the reply's text, the reply's own id)
ThreadReply = Callable[[Person, str, str, str], Awaitable[None]]


# The console's stand-in for the team's channel: every `--manager` console session reads it.
CONSOLE_TEAM = "social-media-team"
# Where people chat with the bot; a team on one of them serves the other's people too.
CHAT_PLATFORMS = ("slack", "teams")

PRIVATE_ONLY = (
    "I answer `{prefix}` only in our direct messages, so that nobody else sees the answer:"
    " send it to me there."
)
# In place of a home page's section that failed: the rest of the page is still shown.
SECTION_FAILED = "This part of your home page could not be shown just now; try again later."
# Said where others read it, when the answer went to the asker's chat with the bot instead.
SENT_PRIVATELY = "I've sent you the answer privately, in our chat: nobody else sees it."
NOT_SENT_PRIVATELY = (
    "I answer this only in our chat, so that nobody else sees the answer, and I could not"
    " reach you there: send it to me there."
)
# What ends a greeting or thanks without changing it: "!", ".", and the full-width exclamation
# mark and full stop of Japanese and Chinese.
_CLOSING = "!.\uff01\u3002"
# Messages that ask for the bot itself rather than ask a question: hello, good morning and
# good day in the languages of the offices a company may have.
GREETINGS = {
    *("", "help", "hi", "hello", "hey", "good morning", "morning", "good afternoon", "?"),
    *("hej", "hjælp", "hallo", "moin", "hei", "hola", "bonjour", "salut", "ciao", "olá", "oi"),
    *("godmorgen", "god morgen", "goddag", "god dag", "hej hej", "halløj", "guten morgen"),
    *("guten tag", "servus", "grüezi", "god morgon", "hejsan", "hallå", "god morn", "hei hei"),
    *("goedemorgen", "goedendag", "hoi", "bonsoir", "buenos días", "buenas", "buenas tardes"),
    *("bom dia", "boa tarde", "boa noite", "buongiorno", "salve", "bon dia", "cześć", "czesc"),
    *("dzień dobry", "dzien dobry", "witam", "hejka", "ahoj", "dobrý den", "dobrý deň"),
    *("bună", "bună ziua", "szia", "helló", "jó napot", "moi", "hyvää huomenta", "halo"),
    *("selamat pagi", "merhaba", "g\u00fcnayd\u0131n", "привет", "здравствуйте", "γεια"),
    *("добрий день", "вітаю"),
    *("γεια σας", "שלום", "היי", "בוקר טוב", "ערב טוב", "مرحبا", "مرحباً", "أهلا", "أهلاً"),
    *("السلام عليكم", "صباح الخير", "مساء الخير", "おはよう", "おはようございます", "こんばんは"),
    *("こんにちは", "你好", "您好", "早上好", "안녕하세요", "안녕", "xin chào", "สวัสดี"),
    # "help" in the languages of the offices, a typo, and what people ask a new bot first.
    *("hilfe", "ajuda", "aide", "ayuda", "hjälp", "hjelp", "hulp", "aiuto", "pomoc", "helo"),
    *("hii", "hiya", "heya", "yo", "howdy", "hey hey", "test", "testing", "start", "menu"),
    *("commands", "help me", "info", "get started", "getting started", "what can you do"),
    *("what can you do for me", "what do you do", "how does this work", "how do you work"),
    *("who are you", "what are you", "what can i ask", "what can i ask you", "how do i use you"),
    *("how do i use this", "hvad kan du", "was kannst du", "vad kan du", "hva kan du"),
    *("wat kan je", "wat kun je", "que sais-tu faire", "qu'est-ce que tu sais faire"),
    *("qué puedes hacer", "que puedes hacer", "o que você faz", "o que podes fazer"),
}
# Greetings and "help" in one of the languages the bot speaks: the help opens in it.
HELP_LANGUAGES = {
    **dict.fromkeys(("hjælp", "hvad kan du", "godmorgen", "goddag", "halløj"), "da"),
    **dict.fromkeys(
        ("hilfe", "was kannst du", "guten morgen", "guten tag", "moin", "servus"), "de"
    ),
    **dict.fromkeys(("hjälp", "vad kan du", "hejsan", "hallå", "god morgon"), "sv"),
    **dict.fromkeys(("hjelp", "hva kan du", "hei hei", "god morn"), "nb"),
    **dict.fromkeys(("hulp", "wat kan je", "wat kun je", "goedemorgen", "goedendag", "hoi"), "nl"),
    **dict.fromkeys(("aide", "que sais-tu faire", "qu'est-ce que tu sais faire", "bonjour"), "fr"),
    **dict.fromkeys(("salut", "bonsoir"), "fr"),
    **dict.fromkeys(("ayuda", "qué puedes hacer", "que puedes hacer", "hola", "buenos días"), "es"),
    **dict.fromkeys(("buenas", "buenas tardes"), "es"),
}
# What may follow a greeting without changing it: "hi there", "hey bot", "hello @socialbot".
_GREETED = re.compile(r"(?:[\s,]+(?:there|bot|socialbot|everyone|all|@\S+))+$")
# Thanks in languages the bot reads but does not speak: answered in the guidelines' language
# (or English), as a question in one is (`UNSPOKEN`).
UNSPOKEN = ""
_THANKS_UNSPOKEN = (
    *("obrigado", "obrigada", "muito obrigado", "muito obrigada", "valeu", "grazie"),
    *("grazie mille", "dziękuję", "dzięki", "dziękuję bardzo", "dzieki", "dziekuje"),
    *("teşekkürler", "teşekkür ederim", "sağol", "cảm ơn", "terima kasih", "gràcies"),
    *("ありがとう", "ありがとうございます", "どうもありがとう", "どうも"),
    *("谢谢", "감사합니다", "고마워요", "תודה", "תודה רבה", "תנקס", "شكرا", "شكراً"),
    *("شكرا جزيلا", "شكراً جزيلاً", "مشكور", "спасибо", "дякую", "děkuji", "ďakujem"),
    *("kiitos", "köszönöm", "mulțumesc", "ευχαριστώ"),
)
# Messages that only acknowledge ("ok", "cool", "got it"), by the language to answer in
# (`UNSPOKEN`: the guidelines' language); also before thanks ("cool, thanks").
ACKNOWLEDGED = {
    **dict.fromkeys(("ok", "okay", "k", "kk", "super", "perfect"), UNSPOKEN),
    **dict.fromkeys(("cool", "great", "nice", "got it", "alright", "all right", "fine"), "en"),
    **dict.fromkeys(("sounds good", "will do", "noted", "understood", "awesome", "i see"), "en"),
    **dict.fromkeys(("fint", "godt", "forstået", "perfekt"), "da"),
    **dict.fromkeys(("gut", "alles klar", "verstanden", "prima", "klar"), "de"),
    **dict.fromkeys(("bra", "toppen", "uppfattat"), "sv"),
    **dict.fromkeys(("greit", "skjønner"), "nb"),
    **dict.fromkeys(("oké", "helder", "duidelijk", "begrepen"), "nl"),
    **dict.fromkeys(("d'accord", "parfait", "compris", "très bien"), "fr"),
    **dict.fromkeys(("vale", "perfecto", "entendido", "genial", "de acuerdo"), "es"),
    **dict.fromkeys(("certo", "beleza", "entendi", "combinado"), UNSPOKEN),
}
# Messages that only thank the bot, by the language to answer in; emoji alone answer in English.
THANKS = {
    **dict.fromkeys(("thanks", "thank you", "thanks a lot", "thank you so much"), "en"),
    **dict.fromkeys(("thx", "ty", "cheers", "great, thanks", "ok thanks", "ok, thanks"), "en"),
    **dict.fromkeys(("tak", "mange tak", "tusind tak"), "da"),
    **dict.fromkeys(("danke", "danke schön", "danke sehr", "vielen dank"), "de"),
    **dict.fromkeys(("tack", "tack så mycket", "stort tack"), "sv"),
    **dict.fromkeys(("takk", "tusen takk", "mange takk"), "nb"),
    **dict.fromkeys(("bedankt", "dank je", "dank je wel", "dank u", "dank u wel"), "nl"),
    **dict.fromkeys(("merci", "merci beaucoup"), "fr"),
    **dict.fromkeys(("gracias", "muchas gracias"), "es"),
    **dict.fromkeys(("tak skal du have", "mange tusind tak"), "da"),
    **dict.fromkeys(("danke dir", "dankeschön"), "de"),
    **dict.fromkeys(("merci bien", "mille mercis"), "fr"),
    **dict.fromkeys(_THANKS_UNSPOKEN, UNSPOKEN),
}
# An emoji as Slack writes it (`:+1:`, `:pray::skin-tone-2:`).
_SLACK_EMOJI = re.compile(r"(?::[a-z0-9_+'-]+:)+")
# An emoji is symbols (So) with skin tones (Sk), joiners (Cf) and variation selectors (Mn).
_EMOJI_PARTS = {"So", "Sk", "Cf", "Mn"}


class Outbox(Protocol):
    """Where the core's outbound messages go: the delivery engine, exactly once per key."""

    def enqueue(
        self,
        platform: str,
        recipients: Iterable[str],
        purpose: str,
        key: str,
        message: Message | Callable[[str], Message | None],
        *,
        quiet: bool = False,
        expires_in: float | None = None,
    ) -> int:
        """Queue `message` for each recipient not yet sent under (purpose, key); `quiet` when
        the caller logs one line for many such calls (the queue's own line is then DEBUG);
        `expires_in`: seconds from now after which it is not sent."""
        ...

    async def fan_out(
        self,
        platform: str,
        recipients: Iterable[str],
        purpose: str,
        key: str,
        message: Message,
        *,
        not_before: datetime | None = None,
        wanted: Callable[[], bool] | None = None,
    ) -> int:
        """`enqueue` for a large audience, a batch at a time, so people's clicks are answered
        between the batches; sent from `not_before` on when given (a time in their zone);
        `wanted` is asked before each batch: once it says no (a cancel), the rest is not
        queued."""
        ...

    def withdraw(
        self, platform: str, purpose: str, key: str, recipients: Sequence[str] | None = None
    ) -> int:
        """Drop what is still queued under (purpose, key) (a cancelled announcement's copies
        still waiting), only `recipients`' when given; return how many."""
        ...

    def draw(self, platform: str, message: Message) -> object:
        """`message` as `platform` draws it, queuing nothing; raises what it cannot draw."""
        ...

    def revise(self, platform: str, purpose: str, key: str, message: Message) -> int:
        """Put `message` in place of what is still queued under (purpose, key) (an edited
        announcement's copies still waiting), and of what failed and may be
        sent again (`socialbot deliveries retry`, Send again); return how many were queued."""
        ...

    def edit(
        self, platform: str, purpose: str, key: str, message: Message, edit: tuple[str, str]
    ) -> int:
        """Queue, under the (purpose, key) `edit`, an in-place change to `message` of every
        copy sent, or being sent, under (purpose, key) (an edited announcement's copies
        delivered): paced, retried and counted as messages are; return how many."""
        ...

    async def update(
        self, platform: str, recipient: str, purpose: str, key: str, message: Message
    ) -> bool:
        """Replace a message sent earlier under (purpose, key); False if there is none."""
        ...

    def retry(self, platform: str, recipients: Iterable[str], purpose: str, key: str) -> int:
        """Queue again what failed for good under (purpose, key) to `recipients` (a channel
        that has since invited the bot); return how many."""
        ...

    def holds(self, platform: str, recipient: str, purpose: str) -> bool:
        """Whether the team's messages of `purpose` to `recipient`, a team's channel or manager
        that refuses the bot, are kept until it accepts them (nobody gets them meanwhile)."""
        ...

    def paused(self, platform: str) -> bool:
        """Whether `platform`'s whole queue waits now (it fails for everyone, or asked the bot
        to wait a minute or more): nothing queued for it arrives meanwhile."""
        ...

    def release(self, platform: str, recipients: Iterable[str]) -> int:
        """Send now what is kept for `recipients`, who can be reached now; return how many."""
        ...


@dataclass(frozen=True)
class Channel:
    """A channel as the platform sees it: `name` without "#" ("" when unknown), whether the
    bot is in it (None: the platform did not say), whether it exists for the bot at all, and
    whether people of other organisations are in it (a Slack Connect channel)."""

    id: str
    name: str = ""
    member: bool | None = None
    found: bool = True
    external: bool = False


class Channels(Protocol):
    """A platform's channels, for a core that posts in them (announcements to channels)."""

    def bot_name(self) -> str:
        """The bot's name as people mention it ("socialbot"), "" before it is known."""
        ...

    async def info(self, channel_id: str) -> Channel:
        """The channel `channel_id`: its name and whether the bot is in it."""
        ...

    async def named(self, name: str) -> str | None:
        """The id of the channel called `name` (without "#"), or None if the bot sees none."""
        ...


@dataclass(frozen=True)
class Shortcut:
    """A message shortcut ("Report to social media manager" on any message)."""

    shortcut_id: str
    name: str
    description: str
    run: OnShortcut


class Core:
    """Commands, messages, buttons, forms, shortcuts and due work, for any platform."""

    migrations: tuple[Migrations, ...] = (
        people.migrations,
        groups.migrations,
        guidelines.migrations,
        shares.migrations,
        team_questions.migrations,  # after the guideline answers its rows belong to
    )

    def __init__(
        self,
        db: Database,
        roles: Roles,
        guidelines: GuidelinesQA,
        escalation_channel: str | None = None,
    ) -> None:
        self.db = db
        self.group_members = GroupMembers(db)
        self.roles = roles.reading_groups_from(self.group_members)
        self.directory = Directory(db)
        self.shares = Shares(db)
        self.guidelines = guidelines
        self.escalation_channels = [
            entry.strip() for entry in (escalation_channel or "").split(",") if entry.strip()
        ]
        self._outbox: Outbox | None = None  # connected by the app once the engine exists
        self._platforms: frozenset[str] = frozenset()
        self.commands = Commands()
        self.shortcuts: dict[str, Shortcut] = {}
        self._actions: dict[str, Action] = {}
        self._forms: dict[str, Submit] = {}
        self._any_value: set[str] = set()
        self._any_state: set[str] = set()
        self._field_checks: dict[str, Mapping[str, FieldCheck]] = {}
        self._limits: dict[str, Mapping[str, int]] = {}
        self._due_jobs: list[tuple[str, DueJob]] = []
        self._locked_since: datetime | None = None  # another program holds the write lock
        self._home: list[HomeSection] = []
        self._thread_replies: dict[str, ThreadReply] = {}
        self._on_held: dict[str, OnHeld] = {}
        self._on_left: dict[str, OnLeft] = {}
        # What goes to the social media team (cards, reminders, questions): kept for it while
        # its channel or a manager refuses the bot, and sent to whoever is the team instead.
        self.team_purposes: set[str] = set()
        self._prefixed: dict[str, OnPrefixed] = {}
        self._channels: dict[str, Channels] = {}
        self._on_link: list[OnLink] = []
        self._soon: set[asyncio.Task[None]] = set()
        # Each asker's last guideline question, read with any follow-up of it.
        self.questions_before = QuestionsBefore()
        self._guidelines_language: str | None = None  # see language_for
        self._reading_language = False  # the tick's reading of it is under way
        socialbot, self.socialbot = socialbot_command(self.commands, self.language_for)
        self.commands.add(socialbot)
        self.commands.add(guidelines.slash_command(self.language_for))
        self.on_action(actions.GUIDELINES_OPEN_SECTION, self._open_section, any_value=True)
        self.on_action(actions.GUIDELINES_HELPFUL, self._helpful)
        self.on_action(actions.GUIDELINES_UNHELPFUL, self._unhelpful)
        self.on_action(actions.SHARE, self.shares.clicked)
        self.on_day("prune guideline answers", self.guidelines.prune)
        self.on_day("prune people who left", self.directory.prune)
        TeamQuestions(self).register()

    # -- registration ----------------------------------------------------------------------------

    def on_action(self, action_id: str, action: Action, *, any_value: bool = False) -> None:
        """Route the buttons with `action_id` to `action`. `any_value`: `action` checks who
        pressed it and takes its value only as a name of something that person may act on
        anyway (a report for a manager, their own digest), so a value a client made up does
        no harm: the button then works on a Teams card drawn before buttons were signed."""
        self._actions[action_id] = action
        if any_value:
            self._any_value.add(action_id)

    def on_form(
        self,
        form_id: str,
        submit: Submit,
        checks: Mapping[str, FieldCheck] | None = None,
        *,
        any_state: bool = False,
        limits: Mapping[str, int] | None = None,
    ) -> None:
        """Route submissions of the form `form_id` to `submit`; `checks` (by field name) check
        a field alone as it is typed, where a platform asks field by field (the console).
        `any_state`: as `any_value` of `on_action`, for the form's hidden state. `limits`: the
        most characters a field takes (its input's `max_length`), refused here, as a Teams
        client or the console does not stop a longer text (and a forged form anywhere)."""
        self._forms[form_id] = submit
        self._field_checks[form_id] = dict(checks or {})
        self._limits[form_id] = dict(limits or {})
        if any_state:
            self._any_state.add(form_id)

    def takes_any_value(self, action_id: str) -> bool:
        """Whether the buttons with `action_id` are safe with any value (`on_action`)."""
        return action_id in self._any_value

    def takes_any_state(self, form_id: str) -> bool:
        """Whether the form `form_id` is safe with any hidden state (`on_form`)."""
        return form_id in self._any_state

    def on_shortcut(self, shortcut: Shortcut) -> None:
        """Offer a message shortcut."""
        self.shortcuts[shortcut.shortcut_id] = shortcut

    def on_thread_reply(self, purpose: str, reply: ThreadReply) -> None:
        """Hear replies in the thread of messages the bot sent under `purpose`."""
        self._thread_replies[purpose] = reply

    def for_the_team(self, *purposes: str) -> None:
        """Messages under `purposes` are the social media team's (see `team_purposes`)."""
        self.team_purposes.update(purposes)

    def on_held(self, purpose: str, listener: OnHeld) -> None:
        """Hear when a message sent under `purpose` is kept for a team's channel that refuses
        the bot (it goes once the channel accepts it)."""
        self._on_held[purpose] = listener

    def held(self, platform: str, purpose: str, key: str) -> None:
        """The delivery engine keeps the message (purpose, key) for a team's channel that
        refuses the bot: tell whoever listens for `purpose`."""
        listener = self._on_held.get(purpose)
        if listener is not None:
            listener(platform, key)

    def on_left(self, purpose: str, listener: OnLeft) -> None:
        """Hear when a message sent under `purpose` did not reach its person because the
        platform says they have left."""
        self._on_left[purpose] = listener

    def left(self, platform: str, user_id: str, purpose: str, key: str) -> None:
        """The message (purpose, key) did not reach `user_id`, who has left: they are marked
        gone (not counted as told of anything again), and whoever listens for `purpose` hears."""
        self.directory.mark_gone(platform, (user_id,))
        listener = self._on_left.get(purpose)
        if listener is not None:
            listener(platform, user_id, key)

    def on_prefix(self, prefix: str, answer: OnPrefixed) -> None:
        """Answer messages that start with `prefix` ("check:") with `answer`, given the rest."""
        self._prefixed[prefix.lower()] = answer

    def on_link(self, answer: OnLink) -> None:
        """Offer `answer` for a message that is only a link (it may decline with None)."""
        self._on_link.append(answer)

    def on_channels(self, platform: str, channels: Channels) -> None:
        """Look up `platform`'s channels (names, the bot's membership) through `channels`."""
        self._channels[platform] = channels

    def channels(self, platform: str) -> Channels | None:
        """`platform`'s channel look-up, None where the platform offers none."""
        return self._channels.get(platform)

    def on_home(self, section: HomeSection) -> None:
        """Add a section to each person's home page (Slack's App Home)."""
        self._home.append(section)

    def on_tick(self, name: str, job: DueJob) -> None:
        """Run `job` on every clock tick (once a minute)."""
        self._due_jobs.append((name, job))

    def on_day(self, name: str, job: DueJob) -> Daily:
        """Run `job` once a day (see Daily); the returned job runs it now if not done today."""
        daily = Daily(name, job)
        self.on_tick(name, daily)
        return daily

    # -- what the platforms call -----------------------------------------------------------------

    def connect(self, outbox: Outbox, platforms: Iterable[str]) -> None:
        """Send outbound messages through `outbox` (the delivery engine), which reaches
        people on `platforms`."""
        self._outbox = outbox
        self._platforms = frozenset(platforms)

    @property
    def outbox(self) -> Outbox:
        """The delivery engine; every outbound message goes through it."""
        if self._outbox is None:
            raise RuntimeError("the delivery engine is not connected to the core")
        return self._outbox

    def can_message(self, platform: str) -> bool:
        """Whether the bot can send messages to people on `platform`."""
        return self._outbox is not None and platform in self._platforms

    def team_for(self, platform: str) -> list[str]:
        """Where the social media team is reached on `platform`: its escalation channel, or
        else each of its managers there; on the console, the team's inbox."""
        if platform == "console":
            return [CONSOLE_TEAM]
        channels = on_platform(self.escalation_channels, platform, CHANNEL_SHAPES)
        return channels[:1] or self.managers(platform)

    def managers(self, platform: str) -> list[str]:
        """The managers on `platform` who can be reached: not those the member list says are
        deactivated or gone (they count as absent until the setting or the list changes)."""
        return [m for m in self.roles.members(Role.MANAGER, platform) if not self.gone(platform, m)]

    def on_the_team(self, platform: str, user_id: str) -> bool:
        """Whether `user_id` acts for the social media team now: a manager or an admin whom
        the member list does not say is deactivated or gone."""
        roles = self.roles.of(platform, user_id)
        return bool(roles & {Role.MANAGER, Role.ADMIN}) and not self.gone(platform, user_id)

    def gone(self, platform: str, user_id: str) -> bool:
        """Whether someone is no longer there to hear from the bot: forgotten (`socialbot
        forget`), or their account deactivated or gone as far as the member list knows."""
        if is_forgotten(user_id):
            return True
        member = self.directory.get(platform, user_id)
        return member is not None and member.deleted

    def team_gaps(self) -> list[str]:
        """A line per manager named in the settings whom the member list says is deactivated or
        gone, saying whether the team's messages still reach someone."""
        lines = []
        for platform in CHAT_PLATFORMS:
            gone = [m for m in self.roles.members(Role.MANAGER, platform) if self.gone(platform, m)]
            if not gone:
                continue
            reached = "; the others get" if self.team_for(platform) else "; nobody gets"
            lines.append(
                f"SOCIALBOT_SOCIAL_MEDIA_MANAGERS: {', '.join(gone)} left {platform.title()}"
                f" (deactivated or gone from its member list){reached} the reports and questions"
                " meanwhile; name an active manager there"
            )
        return lines

    def team_route(self, platform: str) -> tuple[str, list[str]]:
        """Where the team gets what people on `platform` send it: (the team's platform, its
        recipients there). A chat platform without a team of its own is served by the team on
        the other chat platform the bot reaches; (`platform`, []) when there is no team."""
        own = self.team_for(platform)
        if platform == "console" or (own and self.can_message(platform)):
            return platform, own
        for other in CHAT_PLATFORMS:
            if other != platform and self.can_message(other) and (team := self.team_for(other)):
                return other, team
        return platform, own

    def stand_ins(self, platform: str, recipient: str, purpose: str) -> list[str] | None:
        """Who gets the messages of `purpose` while `recipient` refuses the bot: for the team's
        channel, the managers on `platform` (none: the messages wait for the channel); for the
        team's cards and questions (`team_purposes`), [] for a manager who is gone (theirs wait
        until they are back or replaced), the team now for a channel or manager the settings no
        longer name. None for the rest (a digest to a deactivated manager fails like anyone's)."""
        if recipient in on_platform(self.escalation_channels, platform, CHANNEL_SHAPES):
            return self.managers(platform)
        if purpose not in self.team_purposes:
            return None
        if recipient in self.roles.members(Role.MANAGER, platform):
            return []
        return self.team_for(platform)

    def person(self, platform: str, user_id: str, name: str = "") -> Person:
        """The person behind a platform user id, with the roles they hold."""
        return self.roles.person(platform, user_id, name)

    def language_for(self, person: Person) -> str:
        """The language of what the bot says to `person` alone: their Slack or Teams client's
        (its locale, as the directory last heard it) when the bot speaks it, English when it
        does not; the guidelines' language for someone whose client never said (the one rule
        for every text to one person)."""
        member = self.directory.get(person.platform, person.user_id)
        if member is not None and member.locale:
            return language_of(member.locale)
        return self.company_language()

    def company_language(self) -> str:
        """The language the guidelines are written in, as the bot speaks it: the company's
        (English until they are read)."""
        if self._guidelines_language is None:
            read = self.guidelines.file.last_read  # never a wait for a reading on the event loop
            if read is None:
                return "en"  # not read yet: the language is known from the first reading on
            self._guidelines_language = language_of(read.spoken)
        return self._guidelines_language

    async def read_guidelines_language(self, again: bool = False) -> None:
        """Read which language the guidelines are written in (`language_for`'s rule for someone
        whose client never said), in a worker thread: once, before the first text to a person,
        or `again` (each tick), so that a text never waits on the event loop for guidelines
        being read. English while they cannot be read (said elsewhere)."""
        if self._guidelines_language is not None and not again:
            return
        last = self.guidelines.file.last_read
        if last is not None and not again:
            # Read already (at start its sections are read before they are embedded, which
            # takes seconds): a form or button is never kept waiting for the embedding.
            self._guidelines_language = language_of(last.spoken)
            return

        def read() -> str:
            try:
                return language_of(self.guidelines.file.index.spoken)
            except UserError:
                return "en"

        self._guidelines_language = await asyncio.to_thread(read)

    async def _read_language_again(self) -> None:
        """The tick's reading of the guidelines' language (the file may have been edited): one
        at a time, never waited for by the tick, whose jobs (and a stop) would wait as long as
        an edited policy takes to be read and embedded."""
        try:
            await self.read_guidelines_language(again=True)
        finally:
            self._reading_language = False

    async def command(
        self, name: str, person: Person, text: str, files: tuple[Attachment, ...] = ()
    ) -> Reply:
        """Answer a slash command (typed in a message that came with `files`, if any)."""
        await self.read_guidelines_language()
        return await self.commands.dispatch(name, person, text, files)

    def is_private(self, text: str, command: str | None = None, rest: str = "") -> bool:
        """Whether the answer to the message `text` (or to the command it runs, with `rest`
        after it) is for the asker alone: a word answered privately ("check:"), or a private
        command or subcommand (`socialbot questions`), a request about their own data ("forget
        me": nobody else reads that they asked, or their id)."""
        if command is not None:
            return self.commands.private(command, rest)
        return self._prefixed_text(text) is not None or own_data_request(text) is not None

    async def message(
        self,
        person: Person,
        text: str,
        *,
        public: bool = False,
        on_text: OnText | None = None,
        read_alone: bool = False,
    ) -> Message:
        """Answer a direct message or a mention: a greeting ("hi there", "what can you do?",
        "hilfe") gets the help, thanks or an acknowledgement ("ok", "cool, thanks") a short
        answer, a near miss of a command word ("prefrences") "Did you mean …?", a lone link (or
        one in a message asking to report it) what a capability offers for it ("Report it"),
        the rest an answer (`on_text`: the answer's text as a model writes it), a follow-up
        ("and on TikTok?") read with the person's question before it (not when `read_alone`:
        the assistant pane reads its thread's follow-ups itself). A word a
        capability answers privately ("check:", or "check this post: …" in a sentence) is
        answered in a channel (`public`) only with where to ask."""
        await self.read_guidelines_language()
        if self.is_greeting(text):
            language = HELP_LANGUAGES.get(_bare(text)) or self.language_for(person)
            return help_message(self.commands, person.platform, person=person, language=language)
        if (asked := own_data_request(text)) is not None:
            return self._own_data(person, asked)
        said = self._said_back(text)
        if said is not None:
            key, language = said
            if language == UNSPOKEN:
                language = self.language_for(person)
            return Message(text_for(key, language))
        prefixed = self._prefixed_text(text)
        if prefixed is not None:
            prefix, rest = prefixed
            if public:
                return Message(PRIVATE_ONLY.format(prefix=prefix))
            return await self._prefixed[prefix](person, rest)
        near = near_command_word(text, self.commands, self.language_for(person))
        if near is not None:
            return self.did_you_mean(person, near.command, near.text)
        for word in offered_words(text):
            for offer in self._on_link:
                offered = await offer(person, word)
                if offered is not None:
                    return offered
        if not read_alone:
            text = await self._with_question_before(person, text)
        return await self.guidelines.ask(person, text, on_text, self.language_for(person))

    def _own_data(self, person: Person, language: str) -> Message:
        """The answer to "forget me" (in `language`, the request's): what the bot keeps and who
        can delete it; the request goes to the log, where the admins see it."""
        log.warning(
            "someone asked for their data: run socialbot export or forget for them",
            extra={"platform": person.platform, "user": person.user_id},
        )
        return Message(
            text_for("own_data", language, platform=person.platform, user_id=person.user_id)
        )

    def did_you_mean(self, person: Person, command: str, text: str) -> Message:
        """The answer to a near miss of a command word, in the person's language: "Did you
        mean `/report-mention list`? Type `/socialbot help` to see what I can do." """
        meant = typed(person.platform, command, text)
        again = typed(person.platform, "socialbot", "help")
        language = self.language_for(person)
        return Message(text_for("did_you_mean", language, meant=meant, again=again))

    async def _with_question_before(self, person: Person, text: str) -> str:
        """`text` after the person's question before it when it follows that up ("and on
        TikTok?", within FOLLOW_UP_WITHIN seconds), as the assistant pane reads it; else as it
        is, the question later follow-ups are read with."""
        asker, now, said = (
            (person.platform, person.user_id),
            time.monotonic(),
            " ".join(text.split()),
        )
        before = self.questions_before.recent(asker, now)
        follows = bool(before) and await self.follows_up(said)
        self.questions_before.remember(asker, before if follows else said, now)
        return f"{before} {said}" if follows else text

    async def follows_up(self, said: str) -> bool:
        """Whether a question follows up the one before: it reads like a follow-up, and the
        guidelines do not answer it on its own ("Can I swear?" stands alone)."""
        if not is_follow_up(said):
            return False
        index = await self.guidelines.index()
        return not (await asyncio.to_thread(offline_answer, index, said)).confident

    def speaks_to_the_bot(self, text: str, language: str | None = None) -> bool:
        """Whether a message is a greeting, thanks or an acknowledgement, starts with a
        capability's word ("check:") or asks for it ("check this post: …"), or is a near miss
        of a command word (English or `language`'s, the person's): answered as such, never
        taken (or kept) as a question."""
        return (
            self.is_greeting(text)
            or self._said_back(text) is not None
            or own_data_request(text) is not None
            or self._prefixed_text(text) is not None
            or near_command_word(text, self.commands, language) is not None
        )

    @staticmethod
    def is_greeting(text: str) -> bool:
        """Whether `text` only greets the bot or asks what it does ("hi 👋", "hey bot",
        "Dzień dobry", "what can you do?", "hilfe"): answered with help."""
        said = _bare(text)
        return said in GREETINGS and not (text.strip() and not said)  # emoji alone thank

    @staticmethod
    def _said_back(text: str) -> tuple[str, str] | None:
        """(the text's key, the language to say it in) when a message only thanks ("thanks!",
        "cool, thanks", ":+1:", "👍") or acknowledges ("ok", "got it"); None for anything else."""
        words = [
            word for word in text.lower().strip(DIRECTION_MARKS).split() if not _is_emoji(word)
        ]
        said = " ".join(words).strip(" ,:;)" + _CLOSING)
        if not said:
            return ("thanks", "en") if text.strip() else None
        if said in THANKS:
            return "thanks", THANKS[said]
        if said in ACKNOWLEDGED:
            return "acknowledged", ACKNOWLEDGED[said]
        first, _, rest = said.partition(" ")
        if first.strip(",") in ACKNOWLEDGED and rest in THANKS:  # "cool, thanks"
            return "thanks", THANKS[rest]
        return None

    def _prefixed_text(self, text: str) -> tuple[str, str] | None:
        """(the capability's word, the rest) when `text` starts with one ("check:", also with
        the full-width colon a Japanese IME types) or asks for the check in a sentence ("Check
        this post: …", "can you check my post? …"); None otherwise."""
        for word in self._prefixed:
            rest = after_word(text, word)
            if rest is not None:
                return word, rest
        draft = check_request(text)
        check = PREFIXED["check-post"]
        return (check, draft) if draft is not None and check in self._prefixed else None

    def handles(self, action_id: str) -> bool:
        """Whether a button with `action_id` does something (link buttons may not)."""
        return action_id in self._actions

    async def action(self, person: Person, action_id: str, value: str) -> Reply | None:
        """Answer a button press (None: nothing to say, e.g. a recorded share click)."""
        await self.read_guidelines_language()  # a digest's button may come before any tick
        action = self._actions.get(action_id)
        if action is None:
            raise self.button_gone(person)
        return await action(person, value)

    def button_gone(self, person: Person) -> UserError:
        """What a press of a button the bot no longer knows (or no longer signed) answers, in
        `person`'s language."""
        again = typed(person.platform, "socialbot", "help")
        return UserError(text_for("button_gone", self.language_for(person), again=again))

    async def submit(
        self, person: Person, form_id: str, values: Values, state: str
    ) -> Reply | None:
        """Take a submitted form; raise `FormErrors` to show mistakes on their fields."""
        await self.read_guidelines_language()
        submit = self._forms.get(form_id)
        if submit is None:
            raise UserError(text_for("form_gone", self.language_for(person)))
        language = self.language_for(person)
        too_long = {
            name: problem
            for name, value in values.items()
            if (problem := self._too_long(form_id, name, value, language))
        }
        if too_long:
            raise FormErrors(too_long)
        return await submit(person, values, state)

    def _too_long(
        self, form_id: str, name: str, value: str | list[str], language: str
    ) -> str | None:
        """What a typed value over its field's limit is told ("At most 3,000 characters.") in
        `language`; None when it is within."""
        limit = self._limits.get(form_id, {}).get(name)
        if limit is None or not isinstance(value, str) or len(value) <= limit:
            return None
        count = f"{limit:,}".replace(",", text_for("thousands", language))
        return text_for("at_most_characters", language, limit=count)

    def field_problem(
        self, form_id: str, name: str, value: str | list[str], language: str
    ) -> str | None:
        """What the form's submit would refuse in one typed field, said at once in `language`;
        None when it is fine, empty, or has no check of its own."""
        if too_long := self._too_long(form_id, name, value, language):
            return too_long
        check = self._field_checks.get(form_id, {}).get(name)
        if check is None or not isinstance(value, str) or not value:
            return None
        return check(value, language)

    async def shortcut(self, person: Person, shortcut_id: str, shared: SharedMessage) -> Reply:
        """Answer a message shortcut."""
        shortcut = self.shortcuts.get(shortcut_id)
        if shortcut is None:
            raise UserError(text_for("shortcut_gone", self.language_for(person)))
        return await shortcut.run(person, shared)

    def hears_replies(self, purpose: str) -> bool:
        """Whether a capability listens to replies in the threads of messages sent under
        `purpose`."""
        return purpose in self._thread_replies

    async def thread_reply(
        self, person: Person, purpose: str, key: str, text: str, reply_id: str
    ) -> None:
        """Someone replied in the thread of a message the bot sent under (purpose, key)."""
        reply = self._thread_replies.get(purpose)
        if reply is not None:
            await reply(person, key, text, reply_id)

    async def home(self, person: Person) -> Message:
        """A person's home page: what the bot does, then each capability's section; a section
        that fails is logged and left out with a short line, never the whole page."""
        await self.read_guidelines_language()  # a person's first touch may be their Home
        language = self.language_for(person)
        helped = help_message(self.commands, person.platform, person=person, language=language)
        blocks: list[Block] = [*helped.blocks]
        for section in self._home:
            try:
                shown = await section(person)
            except Exception:
                name = getattr(section, "__qualname__", repr(section))
                log.exception("home page section failed", extra={"section": name})
                shown = (Context(SECTION_FAILED),)
            blocks += [Divider(), *shown]
        return Message("socialbot", tuple(blocks))

    async def tick(self, now: datetime) -> None:
        """Run every due job; one failing job never stops the others. While another program
        holds the database's write lock the tick stops at the first job it holds up (the others
        would each wait for it too): one WARNING when that starts, one line when it ends."""
        if not self._reading_language:  # in the background: an edited file takes seconds
            self._reading_language = True
            self.soon("read the guidelines' language", self._read_language_again())
        for name, job in self._due_jobs:
            try:
                await job(now)
            except Exception as error:
                if database_locked(error):
                    self._clock_held_up(now, name)
                    return
                log.exception("due job failed", extra={"job": name})
        if self._locked_since is not None:
            log.info(
                "the database's write lock is free again: the clock's work goes on",
                extra={"held_since": self._locked_since.isoformat(timespec="seconds")},
            )
            self._locked_since = None

    def _clock_held_up(self, now: datetime, job: str) -> None:
        if self._locked_since is None:
            self._locked_since = now
            log.warning(
                "the clock's work waits: another program holds the database's write lock (a"
                " backup's BEGIN IMMEDIATE, a database browser's unsaved edits); tried again"
                " every minute",
                extra={"job": job},
            )

    def soon(self, name: str, work: Coroutine[Any, Any, None]) -> None:
        """Run `work` after the person is answered: edits of sent messages may wait on rate
        limits, and Slack wants an answer within 3 seconds. A failure is logged, not shown."""
        task = asyncio.create_task(self._logged(name, work), name=name)
        self._soon.add(task)
        task.add_done_callback(self._soon.discard)

    async def settle(self) -> None:
        """Wait for the work started with `soon`: at shutdown, and when a console chat ends."""
        while self._soon:
            await asyncio.gather(*self._soon)  # each logs its own failure

    @staticmethod
    async def _logged(name: str, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("background work failed", extra={"work": name})

    # -- guideline buttons -----------------------------------------------------------------------

    async def _open_section(self, person: Person, key: str) -> Message:
        return await self.guidelines.open_section(key)

    async def _helpful(self, person: Person, answer_id: str) -> Message:
        language = await self.guidelines.answer_language(answer_id, self.language_for(person))
        return self.guidelines.feedback(person, answer_id, helpful=True, language=language)

    async def _unhelpful(self, person: Person, answer_id: str) -> Message:
        language = await self.guidelines.answer_language(answer_id, self.language_for(person))
        return self.guidelines.feedback(person, answer_id, helpful=False, language=language)


def _bare(text: str) -> str:
    """A greeting without its emoji, punctuation and what may follow it ("Hi there 👋!" →
    "hi"), in lower case."""
    said = " ".join(word for word in text.lower().split() if not _is_emoji(word))
    said = said.strip(DIRECTION_MARKS + _CLOSING + "?,").strip()
    return _GREETED.sub("", said).strip(DIRECTION_MARKS + _CLOSING + "?,")


def _is_emoji(word: str) -> bool:
    """Whether a word is only emoji (`:+1:`, 👍, 🙏🏽), not punctuation such as "—" or "…"."""
    if _SLACK_EMOJI.fullmatch(word):
        return True
    kinds = {unicodedata.category(char) for char in word}
    return "So" in kinds and kinds <= _EMOJI_PARTS
