"""The OPENAI_BASE_URL shapes deployers write: refused at start with what to write, or a model
that cannot be used named in one warning that says what to check."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.acceptance.conftest import free_port
from tests.conftest import bot_env
from tests.fakes.openai_api import FakeOpenAI


@pytest.mark.parametrize(
    ("url", "says"),
    [
        (
            "https://acme.openai.azure.com/openai/v1/?api-version=2024-10-21",
            "has a query string, which the client cannot keep: write the base URL alone",
        ),
        (
            "http://ollama:11434/v1/chat/completions",
            "is the endpoint, not the base URL: write http://ollama:11434/v1",
        ),
        (
            "https://acme.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions"
            "?api-version=2024-10-21",
            "write https://acme.openai.azure.com/openai/v1/ and OPENAI_MODEL=gpt4o-prod",
        ),
    ],
)
def test_a_url_the_client_cannot_use_is_refused_with_what_to_write(
    tmp_path: Path, url: str, says: str
) -> None:
    env = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=url)
    result = CliRunner().invoke(main, ["check", "Ran my first half marathon today"], env=env)

    assert result.exit_code != 0
    [line] = [line for line in result.output.splitlines() if "OPENAI_BASE_URL" in line]
    assert says in line


async def test_a_base_url_without_v1_says_to_check_it(tmp_path: Path) -> None:
    async with FakeOpenAI(reply="{}") as model:  # like Ollama: only /v1/... exists
        base = model.url.removesuffix("/v1")
        checked = await check(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=base)

    assert not model.requests
    [line] = [line for line in checked.splitlines() if "the model failed" in line]
    assert "NotFoundError: Error code: 404" in line
    assert "check that OPENAI_BASE_URL ends in /v1" in line


async def test_a_server_nobody_listens_on_is_named_with_the_cause(tmp_path: Path) -> None:
    # Ollama on the host, the bot in a container: localhost is the container.
    base = f"http://localhost:{free_port()}/v1"
    checked = await check(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=base)

    [line] = [line for line in checked.splitlines() if "the model failed" in line]
    port = base.split(":")[2].split("/")[0]
    assert f"APIConnectionError: cannot reach localhost:{port} (connection refused;" in line
    assert "localhost is the container itself: see host.docker.internal" in line


async def check(tmp_path: Path, **env: str) -> str:
    """`socialbot check --json` on one draft; its log lines (stderr)."""
    args = ["check", "--json", "Ran my first half marathon today"]
    runner = CliRunner()
    # In a worker thread: the fake server answers on this test's loop.
    result = await asyncio.to_thread(runner.invoke, main, args, env=bot_env(tmp_path, **env))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ok"] is True
    return result.stderr
