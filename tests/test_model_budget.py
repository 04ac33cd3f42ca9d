"""What one person (or the whole bot) may spend on the model: past the hourly budget a person's
questions and checks are answered offline, with no error; past the daily one everyone's; a
question asked again within minutes is answered without a second call (review8b N)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.conftest import SlackBotFactory
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_requests import command_reply
from tests.fakes.slack_web_api import FakeSlack

MODEL_SAYS = "From the model: ask the social media team before you post it [S1]."
QUESTIONS = (
    "Can I post photos from the office party?",
    "May I share our job openings on LinkedIn?",
    "Can I reply to a customer complaint on X?",
    "Can I say where I work in my profile?",
)
DRAFT = "Proud of our team at the launch today!"


@pytest.fixture
async def model() -> Any:
    async with FakeOpenAI(MODEL_SAYS) as fake:
        yield fake


async def ask(bot: Any, slack: FakeSlack, question: str, user: str) -> str:
    """The answer `user` sees to `/guidelines <question>`."""
    reply = await command_reply(bot, slack, "/guidelines", question, user=user)
    return str(reply["text"])


async def test_past_the_hourly_budget_a_person_is_answered_offline(
    make_slack_bot: SlackBotFactory,
    slack: FakeSlack,
    model: FakeOpenAI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = await make_slack_bot(
        openai_api_key="sk-test", openai_base_url=model.url, model_calls_per_hour=2
    )
    answers = [await ask(bot, slack, question, "W111") for question in QUESTIONS[:3]]
    await command_reply(bot, slack, "/check-post", DRAFT, user="W111")

    assert len(model.requests) == 2  # the third question and the check were not sent
    assert ["From the model" in answer for answer in answers] == [True, True, False]
    assert "went wrong" not in answers[2] and len(answers[2]) > 40  # the offline answer
    # Someone else still has their budget.
    assert "From the model" in await ask(bot, slack, QUESTIONS[3], "W222")
    assert len(model.requests) == 3
    limited = [r for r in caplog.records if "SOCIALBOT_MODEL_CALLS_PER_HOUR" in r.getMessage()]
    assert len(limited) == 1 and "slack:W111" in limited[0].getMessage()
    health = await (await bot.get("/healthz")).json()
    assert health["model"]["budget"]["people_at_limit"] == 1
    assert health["model"]["budget"]["calls_per_hour"] == 2


async def test_past_the_daily_calls_everyone_is_answered_offline(
    make_slack_bot: SlackBotFactory,
    slack: FakeSlack,
    model: FakeOpenAI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    bot = await make_slack_bot(
        openai_api_key="sk-test", openai_base_url=model.url, model_daily_calls=2
    )
    users = ("W111", "W222", "W333", "W444")
    answers = [await ask(bot, slack, q, user) for q, user in zip(QUESTIONS, users, strict=True)]

    assert len(model.requests) == 2
    assert ["From the model" in answer for answer in answers] == [True, True, False, False]
    spent = [r for r in caplog.records if "SOCIALBOT_MODEL_DAILY_CALLS" in r.getMessage()]
    assert len(spent) == 1
    health = await (await bot.get("/healthz")).json()
    assert health["model"]["budget"]["daily_calls_spent_since"] is not None
    assert any("SOCIALBOT_MODEL_DAILY_CALLS" in line for line in health["warnings"])


async def test_the_same_question_or_draft_again_is_not_sent_again(
    make_slack_bot: SlackBotFactory, slack: FakeSlack, model: FakeOpenAI
) -> None:
    bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
    answers = [await ask(bot, slack, QUESTIONS[0], user) for user in ("W111", "W111", "W222")]
    for _ in range(2):
        await command_reply(bot, slack, "/check-post", DRAFT, user="W111")

    assert len(model.requests) == 2  # one question, one draft
    assert answers[0] == answers[1] == answers[2] and "From the model" in answers[0]
