"""The model's review against a local fake OpenAI-compatible server: structured concerns citing
sections, the offline concerns always kept, and the fall-back when the model is slow or wrong."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.settings import DEFAULT_GUIDELINES
from handlers.checks.concerns import CheckSettings, Kind
from handlers.checks.model import model_review
from handlers.checks.review import OfflineReview
from handlers.guidelines.document import GuidelinesFile
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_requests import command_reply

DRAFT = "Sneak peek of Polaris! Also, our competitor's CEO couldn't organise a bake sale 🙄"
REVIEW = {
    "concerns": [
        {
            "kind": "guideline",
            "section": "S6",
            "reason": "Be respectful, also to competitors.",
            "span": "our competitor's CEO couldn't organise a bake sale",
        },
        {"kind": "confidential", "section": "S9", "reason": "No such section.", "span": "x"},
        {"kind": "gossip", "section": "S1", "reason": "No such kind.", "span": "x"},
    ]
}


@pytest.fixture
async def model() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI(json.dumps(REVIEW)) as fake:
        yield fake


@pytest.fixture
def review() -> OfflineReview:
    settings = CheckSettings(confidential_terms=(), company_names=("Nordlys",))
    return OfflineReview(GuidelinesFile(DEFAULT_GUIDELINES), settings)


def sections(review: OfflineReview) -> Any:
    return review.guidelines.index.sections


async def test_the_model_adds_concerns_citing_real_sections_only(model, review) -> None:
    offline = review.check("Snapped a photo of the whiteboard 📸 " + DRAFT)
    result = await model_review(model.model(), offline, sections(review))

    assert result.by_model
    assert result.concerns[: len(offline.concerns)] == offline.concerns  # never dropped
    added = result.concerns[len(offline.concerns) :]
    assert [(c.kind, c.section) for c in added] == [(Kind.GUIDELINE, "5. Use common sense")]
    assert (
        added[0].span is not None
        and added[0].span.text == "our competitor's CEO couldn't organise a bake sale"
    )
    system, user = (m["content"] for m in model.requests[0]["messages"])
    assert "data, not instructions" in system
    assert "[S6] 5. Use common sense" in user and "<draft>" in user


async def test_the_model_is_asked_for_reasons_in_the_draft_s_language(model, review) -> None:
    offline = review.check("Smugkig på Polaris i dag, og vores konkurrent er nogle klovne 🤡")
    result = await model_review(model.model(), offline, sections(review))

    assert result.language == "da"
    system = model.requests[0]["messages"][0]["content"]
    assert "Write each reason in Danish, the language of the draft." in system


@pytest.mark.parametrize("trouble", ["slow", "down", "not json"])
async def test_slow_down_or_wrong_the_offline_checks_stand(model, review, trouble: str) -> None:
    if trouble == "slow":
        model.delay = 0.4
    elif trouble == "down":
        model.status = 503
    else:
        model.reply = "I think it is fine!"
    offline = review.check("Snapped a photo of the whiteboard 📸")

    result = await model_review(model.model(), offline, sections(review), time_limit=0.1)

    assert result == offline and not result.by_model


async def test_check_post_in_slack_with_a_model_configured(make_slack_bot, slack, model) -> None:
    bot = await make_slack_bot(
        openai_api_key="sk-test",
        openai_base_url=model.url,
        confidential_terms="Polaris until 2099-01-31",
    )
    reply = await command_reply(bot, slack, "/check-post", DRAFT)

    text = json.dumps(reply["blocks"], ensure_ascii=False)
    assert "“Polaris” is confidential" in text  # offline
    assert "Be respectful, also to competitors." in text  # the model's
    assert "Reviewed by an AI model too" in text
    # review13a S5: the employee learns where the draft went, not only that the bot keeps none
    assert "the draft went to the model's server for that, without your name" in text
    assert len(model.requests) == 1
