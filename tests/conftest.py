"""Shared fixtures: settings on a temporary SQLite file, isolated from the real environment."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.http_retry import builtin_async_handlers
from sqlite_utils import Database

from bot.app import Runtime, build_runtime
from bot.server import build_web_app
from bot.settings import DEFAULT_GUIDELINES, Settings, load_settings
from handlers.core import Core
from handlers.guidelines import GuidelinesQA
from handlers.people import Roles
from tests.embedding_cache import documents_of, embed_once, share_among_workers
from tests.fakes.slack_requests import SECRET as SLACK_SECRET
from tests.fakes.slack_web_api import FakeSlack

# Variables a developer's shell may carry that would change what the tests see.
_OUR_VARIABLES = ("SLACK_", "MICROSOFT_", "OPENAI_", "SOCIALBOT_", "PORT")

# Files sent to a worker first: the development-corpus floors answer 600 questions, about 30 s of
# one core even with the corpus embedded (tests/embedding_cache.py), the longest test by far.
# Sent last (as xdist sends a file with few tests), they ran alone at the end while the other
# core idled.
SLOWEST_FILES = ("tests/guidelines/test_eval.py",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The order `python3 ./dev.py test` hands files to the workers in (a file stays on one
    worker): SLOWEST_FILES first, then the files with the most tests, tests in file order."""
    counts: dict[str, int] = {}
    for item in items:
        file = item.nodeid.split("::")[0]
        counts[file] = counts.get(file, 0) + 1

    def rank(item: pytest.Item) -> tuple[bool, int]:
        file = item.nodeid.split("::")[0]
        return file not in SLOWEST_FILES, -counts[file]

    items.sort(key=rank)  # stable: files of equal size keep their order, and so do their tests


def pytest_configure(config: pytest.Config) -> None:
    share_among_workers(config)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Before the first test: the documents the selected tests embed, each embedded once."""
    if not session.config.option.collectonly:
        embed_once(documents_of(session.items))


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see only the settings they set themselves, and leave logging as they found it."""
    for name in list(os.environ):
        if name.startswith(_OUR_VARIABLES):
            monkeypatch.delenv(name)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers  # CLI commands run in-process configure logging for themselves
    root.setLevel(level)


@pytest.fixture(autouse=True)
def slack_retries_without_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slack's client waits a 429's Retry-After plus a random second before each of its five
    retries: the fake Slack's `retry_after=0` cost the throttling tests 2.5 s each on average
    (5 s at worst) of real waiting. They wait exactly the Retry-After the fake Slack says."""
    monkeypatch.setattr(builtin_async_handlers, "random", _NoJitter())


class _NoJitter:
    """`random` as slack_sdk's retry handler uses it (`random.random()`), always 0."""

    @staticmethod
    def random() -> float:
        return 0.0


SettingsFactory = Callable[..., Settings]


@pytest.fixture
def make_settings(tmp_path: Path) -> SettingsFactory:
    """Settings with a database in `tmp_path`; keyword arguments override fields by name."""

    def make(**overrides: Any) -> Settings:
        overrides.setdefault("db", tmp_path / "socialbot.db")
        return load_settings(_env_file=None, **overrides)

    return make


def core_on(db: Database, roles: Roles | None = None) -> Core:
    """The core on `db` with the bundled guidelines and no model."""
    return Core(db, roles or Roles(), GuidelinesQA(db, DEFAULT_GUIDELINES))


def bot_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """An environment for running `socialbot` as a subprocess, without our variables leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OUR_VARIABLES)}
    env["SOCIALBOT_DB"] = str(tmp_path / "socialbot.db")
    env.update(variables)
    return env


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    """A fake Slack Web API on 127.0.0.1."""
    async with FakeSlack() as fake:
        yield fake


SlackBotFactory = Callable[..., Awaitable[Any]]


@pytest.fixture
async def make_slack_bot(
    aiohttp_client: Any, make_settings: SettingsFactory, slack: FakeSlack
) -> AsyncIterator[SlackBotFactory]:
    """The whole bot over HTTP against the fake Slack; `client.runtime` is the wired bot.

    Keyword arguments override settings. The delivery engine runs, so queued messages reach
    the fake Slack.
    """
    runtimes: list[Runtime] = []

    async def make(**overrides: Any) -> Any:
        overrides = {
            "slack_bot_token": "xoxb-test-token",
            "slack_signing_secret": SLACK_SECRET,
            "slack_api_url": slack.url,
            **overrides,
        }
        runtime = build_runtime(make_settings(**overrides))
        runtimes.append(runtime)
        assert runtime.slack is not None
        await runtime.slack.start()
        await runtime.delivery.start()
        client = await aiohttp_client(build_web_app(runtime))
        client.runtime = runtime
        return client

    yield make
    for runtime in runtimes:
        await runtime.stop_background()
        await runtime.delivery.stop()
        # As the bot's shutdown does: a model client left open would be closed by the garbage
        # collector during a later test, on a loop that has ended ("Event loop is closed").
        await runtime.close_clients()
        runtime.db.close()
