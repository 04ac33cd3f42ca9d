"""Whom the bot serves in Slack: the people of the company's workspaces (auth.test and
SOCIALBOT_SLACK_TEAMS), read from users.list or learnt from their own request; another
organisation's people are refused in one line before anything of them is stored."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import aiohttp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.unanswered import Unanswered
from bot.repeats import Repeated
from bot.settings import Settings
from bot.slack.directory import (
    MembersCutShort,
    error_code,
    member,
    outside,
    sender_teams,
    stranger,
    sync_people,
)
from bot.slack.events import name_in, to_the_bot, written_to_the_bot
from bot.slack.seen_events import ASKED
from handlers.core import Core
from handlers.errors import database_locked
from handlers.people import Member

log = logging.getLogger(__name__)

# What to do when Slack refuses users.list for a lasting reason.
MEMBER_LIST_HINTS = {
    "missing_scope": "add the users:read scope under OAuth & Permissions (or create the app"
    " again from `socialbot slack-manifest`) and reinstall the app",
    "not_allowed_token_type": "SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb-…)",
}
# How long users.info may take for someone new who writes, within Slack's 3-s acknowledgement.
LEARN_SECONDS = 1.0


class Membership:
    """The company's Slack members in the people directory, and the middleware that serves only
    them."""

    def __init__(
        self,
        settings: Settings,
        core: Core,
        client: AsyncWebClient,
        unanswered: Unanswered,
        auth: Callable[[], dict[str, Any]],
    ) -> None:
        self.settings = settings
        self.core = core
        self.client = client
        self.unanswered = unanswered
        self._auth_test = auth
        self._members_problem: str | None = None  # why users.list was refused
        self.members_cut_short = False  # whether the last sync stopped part-way, throttled
        self._members_resume = ("", 0)  # where the next sync starts: a page's cursor, read so far
        # A busy Slack Connect channel: a line per partner's message would flood the log.
        self._outsiders = Repeated(
            log,
            "refused a Slack request of another organisation",
            "refused {count} Slack requests of other organisations in the last minute",
        )

    @property
    def _auth(self) -> dict[str, Any]:
        """What auth.test told of the bot; empty until it answers."""
        return self._auth_test()

    def warnings(self) -> list[str]:
        """Why Slack refused users.list at the last sync, if it did."""
        return [self._members_problem] if self._members_problem else []

    def company(self) -> frozenset[str]:
        """The workspace and Enterprise Grid org of the bot (auth.test) and SOCIALBOT_SLACK_TEAMS:
        whose people the bot serves; empty (everyone) while auth.test has not answered."""
        if not self._auth:
            return frozenset()
        own = [self._auth.get("team_id"), self._auth.get("enterprise_id")]
        return frozenset(str(team) for team in [*own, *self.settings.slack_teams] if team)

    async def only_the_company(
        self,
        context: AsyncBoltContext,
        body: dict[str, Any],
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        """A request from another organisation's person (a partner in a Slack Connect channel)
        is refused before anything of them is stored. Someone the member sync read as the
        company's is served whatever workspace an event names (an Enterprise Grid org's other
        workspaces: their events carry only their own workspace's id)."""
        teams = sender_teams(body)
        if outside(teams, self.company()) and not self._synced_member(context.user_id):
            return await self._refuse(context, body, teams)
        return await next()

    def _synced_member(self, user_id: str | None) -> bool:
        """Whether the member sync (which keeps no stranger) stored `user_id` as a person."""
        member = self.core.directory.get("slack", user_id) if user_id else None
        return member is not None and member.is_active_human

    async def _refuse(
        self, context: AsyncBoltContext, body: dict[str, Any], teams: frozenset[str]
    ) -> BoltResponse:
        """One line, "socialbot is for the people of … only", where the person asked (a slash
        command's answer, an ephemeral reply to a button, a DM or a mention); other events of
        theirs (messages in a shared channel) get nothing."""
        self._outsiders.note(teams=sorted(teams))
        self.unanswered.done_with(ASKED.get())
        company = next(iter(self.settings.company_names), "") or self._auth.get("team") or ""
        line = f"socialbot is for the people of {company or 'one company'} only."
        if "command" in body:
            answer = json.dumps({"response_type": "ephemeral", "text": line})
            return BoltResponse(
                status=200, body=answer, headers={"content-type": "application/json"}
            )
        event = body.get("event") or {}
        addressed = written_to_the_bot(event)
        try:
            async with asyncio.timeout(LEARN_SECONDS):
                if context.response_url and context.respond is not None:
                    await context.respond(
                        text=line, response_type="ephemeral", replace_original=False
                    )
                elif addressed:
                    await self.client.chat_postEphemeral(
                        channel=event["channel"], user=event["user"], text=line
                    )
        except (SlackApiError, OSError, aiohttp.ClientError, TimeoutError) as error:
            reason = error_code(error) if isinstance(error, SlackApiError) else repr(error)
            log.info("the refusal did not reach its outsider", extra={"error": reason})
        return BoltResponse(status=200, body="")

    async def learn_sender(
        self,
        context: AsyncBoltContext,
        body: dict[str, Any],
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        """Someone the directory does not know (users.list refused, or they joined since it was
        read) is learnt from their own request, so that their digest, preferences and
        announcements work from their first word, as Teams learns whoever writes; users.info
        may tell that they are of another organisation, whose request is refused. Only a
        request to the bot brings someone forgotten back: a profile edit or a channel message
        the bot overheard stores no one kept out."""
        user_id = context.user_id
        from_bot = bool((body.get("event") or {}).get("bot_id"))
        if user_id and not from_bot and self.core.directory.get("slack", user_id) is None:
            found = await self._look_up(user_id, name_in(body))
            if found is None:
                return await self._refuse(context, body, frozenset())
            try:
                if to_the_bot(body):
                    self.core.directory.learn(found)
                else:
                    self.core.directory.upsert([found])
            except sqlite3.OperationalError as error:  # learnt at their next request
                if not database_locked(error):
                    raise
        return await next()

    async def _look_up(self, user_id: str, name: str) -> Member | None:
        """The member `user_id` as users.info tells (None: a stranger, of another organisation);
        else (no users:read, Slack slow) what their request said: their id and name, and the
        default time zone."""
        try:
            async with asyncio.timeout(LEARN_SECONDS):
                found = await self.client.users_info(user=user_id, include_locale=True)
            if stranger(found["user"], self.company()):
                return None
            return member(found["user"])
        except (SlackApiError, OSError, aiohttp.ClientError, TimeoutError) as error:
            reason = error_code(error) if isinstance(error, SlackApiError) else repr(error)
            log.info("a Slack user learnt from their request", extra={"error": reason})
            return Member("slack", user_id, name=name)

    async def on_user_change(self, event: dict[str, Any]) -> None:
        """A member's profile changed (a traveller's time zone, above all): into the directory
        at once, not at the next daily sync, so their next digest comes at their new morning."""
        user = event.get("user")
        if isinstance(user, dict) and user.get("id") and not stranger(user, self.company()):
            self.core.directory.upsert([member(user)])

    async def sync_people(self, again_at: datetime | None = None) -> bool:
        """Refresh the people directory from users.list; failures are logged, not raised.
        `again_at`: when a sync that Slack's throttling cut short is tried again."""
        self.members_cut_short = False
        cursor, read = self._members_resume
        try:
            company = self.company()
            count = await sync_people(self.client, self.core.directory, company, cursor, read)
        except MembersCutShort as cut:
            self.members_cut_short = True
            self._members_resume = (cut.cursor, cut.read)
            again = f"trying again at {again_at:%H:%M} UTC" if again_at else "trying again later"
            again += " from there" if cut.cursor else ""
            self._members_problem = (
                f"Slack kept throttling users.list (ratelimited): read {cut.read} of the"
                f" workspace's members so far; {again}; meanwhile people are learnt when they"
                " write to the bot"
            )
            log.error(self._members_problem)
            return False
        except SlackApiError as error:
            # The next try reads from the first page: a cursor Slack refused once (it expires:
            # invalid_cursor) would be refused at every try after.
            self._members_resume = ("", 0)
            code = error_code(error)
            fix = MEMBER_LIST_HINTS.get(
                code, "the workspace's members stay unknown until the next try, in an hour"
            )
            self._members_problem = (
                f"Slack refused users.list ({code}): {fix}; meanwhile people are learnt when"
                " they write to the bot"
            )
            log.error(self._members_problem)
            return False
        self._members_problem = None
        self._members_resume = ("", 0)
        log.info("synced Slack members", extra={"members": count})
        return True
