"""A Teams bot behind `POST /api/messages`, talking to a fake Bot Connector; every card checked
(valid, its buttons' data signed)."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestClient
from sqlite_utils import Database

from bot.app import Runtime, build_runtime
from bot.server import build_web_app
from bot.settings import Settings
from bot.teams import TeamsBot, cards
from bot.teams.cards import CARD_CONTENT_TYPE
from bot.teams.cards import objects_in as objects_in  # for the tests that import it from here
from handlers.core import Core
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.openid_metadata import FakeOpenIdMetadata

ACTIVITIES = Path(__file__).parent / "activities"
SCHEMAS = Path(__file__).parents[1] / "schemas"
BOT_APP_ID = "6f1f6c4e-1b1a-4c55-9a53-0c1f0e5f2b11"


def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


CARD_SCHEMA = _validator("adaptive-card-1.5.0.json")
MANIFEST_SCHEMA = _validator("MicrosoftTeams.schema.v1.19.json")


def cards_in(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The Adaptive Cards an activity carries."""
    return [
        item["content"]
        for item in activity.get("attachments") or []
        if item.get("contentType") == CARD_CONTENT_TYPE
    ]


def assert_valid_card(card: dict[str, Any]) -> None:
    """Fail with every schema error when `card` is not a valid Adaptive Card 1.5."""
    errors = [error.message for error in CARD_SCHEMA.iter_errors(card)]
    assert not errors, errors
    assert card["version"] == "1.5"


def _cards_within(node: Any) -> list[dict[str, Any]]:
    """Every Adaptive Card anywhere in a JSON value (an invoke response, say)."""
    return [found for found in objects_in(node) if found.get("type") == "AdaptiveCard"]


def assert_signed(node: Any, signs: list[Callable[[str], str]]) -> None:
    """Fail when a button's or form's data in the cards anywhere in `node` (what the bot sent)
    is not signed by one of the bots (`signs`): Teams would refuse it when pressed, and
    `Teams.post`, which signs what it posts, would not tell."""
    for card in _cards_within(node):
        for found in objects_in(card):
            assert any(cards.intact(found, sign) for sign in signs), f"not signed: {found}"


def card_text(activity: dict[str, Any]) -> str:
    """Every TextBlock's text in the activity's cards, joined, for assertions."""
    return "\n".join(
        found["text"]
        for card in cards_in(activity)
        for found in objects_in(card["body"])
        if found.get("type") == "TextBlock"
    )


def load_activity(fixture: str, service_url: str, /, **changes: Any) -> dict[str, Any]:
    """A stored activity with its serviceUrl pointed at the fake connector."""
    activity: dict[str, Any] = json.loads((ACTIVITIES / fixture).read_text(encoding="utf-8"))
    activity["serviceUrl"] = service_url
    activity.update(changes)
    return activity


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test that tries to resolve a host other than this machine (Microsoft's, say)."""
    attempts: list[str] = []
    resolve = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "localhost", "::1", None):
            attempts.append(str(host))
            raise OSError(f"tests must not reach {host}")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield
    assert attempts == [], f"tried to reach {attempts}"


@pytest.fixture
async def connector() -> AsyncIterator[FakeBotConnector]:
    """The fake Bot Connector; afterwards, every card the bot sent must be valid."""
    async with FakeBotConnector() as fake:
        yield fake
    for call in fake.calls:
        for card in cards_in(call.activity):
            assert_valid_card(card)


@dataclass
class Teams:
    """The bot under test and what surrounds it."""

    bot: TeamsBot
    core: Core
    db: Database
    client: TestClient[web.Request, web.Application]
    connector: FakeBotConnector
    runtime: Runtime
    posted: set[tuple[Any, Any]] = field(default_factory=set)

    async def post(
        self, fixture: str, /, headers: dict[str, str] | None = None, **changes: Any
    ) -> ClientResponse:
        """POST the stored activity `fixture` (with `changes`) to /api/messages. A message
        posted again without an `id` of its own gets a new one: the bot ignores a repeat.
        Button and form data in it come back signed, as from a card the bot drew."""
        activity = load_activity(fixture, self.connector.url, **changes)
        conversation = activity.get("conversation", {}).get("id")
        if (
            activity.get("id")
            and (conversation, activity["id"]) in self.posted
            and "id" not in changes
        ):
            activity["id"] = f"{activity['id']}-{len(self.posted)}"
        self.posted.add((conversation, activity.get("id")))
        sender = activity.get("from") or {}
        if sender.get("id"):  # Teams knows whoever writes: a member lookup finds them
            self.connector.accounts.setdefault(sender["id"], {"userRole": "user", **sender})
        return await self.post_as_written(
            cards.signed(activity, self.core.shares.signature), headers
        )

    async def post_as_written(
        self, activity: dict[str, Any], headers: dict[str, str] | None = None
    ) -> ClientResponse:
        """POST `activity` to /api/messages as it is (button data unsigned, say)."""
        response = await self.client.post("/api/messages", json=activity, headers=headers)
        if response.content_type == "application/json":
            body = await response.json()
            for card in _cards_within(body):  # invoke answers carry cards too
                assert_valid_card(card)
            assert_signed(body, [self.core.shares.signature])
        return response


MakeTeams = Callable[..., Awaitable[Teams]]


@pytest.fixture
def openid_metadata() -> Iterator[FakeOpenIdMetadata]:
    """Bot Framework's signing keys, served locally."""
    with FakeOpenIdMetadata() as fake:
        yield fake


@pytest.fixture
async def make_teams(
    make_settings: Callable[..., Settings],
    tmp_path: Path,
    aiohttp_client: Any,
    connector: FakeBotConnector,
    request: pytest.FixtureRequest,
) -> AsyncIterator[MakeTeams]:
    """Build the bot on a fresh database; keyword arguments override settings. With an app
    id, the signing keys come from a local fake unless `microsoft_openid_url` says otherwise;
    without one, the endpoint serves this machine as it does the Bot Framework Emulator.
    Afterwards its clients and database are closed, as the bot's shutdown closes them."""
    runtimes: list[Runtime] = []

    async def make(**overrides: Any) -> Teams:
        if overrides.get("microsoft_app_id") and "microsoft_openid_url" not in overrides:
            overrides["microsoft_openid_url"] = request.getfixturevalue("openid_metadata").url
        if not overrides.get("microsoft_app_id"):
            overrides.setdefault("teams_emulator", True)
        runtime = build_runtime(make_settings(**overrides))
        runtimes.append(runtime)
        client = await aiohttp_client(build_web_app(runtime))
        return Teams(runtime.teams, runtime.core, runtime.db, client, connector, runtime)

    yield make
    for call in connector.calls:  # sent by one of the bots, each signing with its own key
        assert_signed(call.activity, [runtime.core.shares.signature for runtime in runtimes])
    for runtime in runtimes:
        await runtime.close_clients()
        runtime.db.close()


@pytest.fixture
async def teams(make_teams: MakeTeams) -> Teams:
    """The bot with Bot Framework auth off, as for local testing."""
    return await make_teams()


@pytest.fixture
async def make_running(make_teams: MakeTeams) -> AsyncIterator[MakeTeams]:
    """Build the bot with its delivery engine running, so queued messages reach the connector."""
    built: list[Teams] = []

    async def make(**overrides: Any) -> Teams:
        teams = await make_teams(teams_conversation_rate=100.0, **overrides)
        await teams.runtime.delivery.start()
        built.append(teams)
        return teams

    yield make
    for teams in built:
        await teams.runtime.delivery.stop()
