"""SOCIALBOT_MODEL_CONTEXT_CHARS: how much of the guidelines goes to the model with a question
(a local server with a 4k-token context cuts a longer prompt, rules first)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.settings import DEFAULT_GUIDELINES
from tests.conftest import bot_env
from tests.fakes.openai_api import FakeOpenAI

QUESTION = "Can I share our company news?"


@pytest.mark.parametrize("budget", [None, "2000"])
async def test_the_guidelines_sent_stay_within_the_setting(
    tmp_path: Path, budget: str | None
) -> None:
    whole = len(DEFAULT_GUIDELINES.read_text())
    assert whole > 3000  # the bundled file does not fit in 2,000 characters
    more = {"SOCIALBOT_MODEL_CONTEXT_CHARS": budget} if budget else {}
    env = bot_env(tmp_path, OPENAI_API_KEY="sk-test", **more)
    async with FakeOpenAI("Yes, public company news is yours to share [S1].") as model:
        env["OPENAI_BASE_URL"] = model.url
        args = ["ask", "--json", QUESTION]
        result = await asyncio.to_thread(CliRunner().invoke, main, args, env=env)
    assert result.exit_code == 0, result.output

    assert json.loads(result.stdout)["answer"] == "Yes, public company news is yours to share."
    [request] = model.requests
    sent = request["messages"][1]["content"]
    if budget is None:
        assert len(sent) > whole * 0.9  # the whole file
    else:
        assert 500 < len(sent) < int(budget) + 600  # the closest passages, and the question
