"""Suggested posts an announcer left empty, written by the model: the announcer is told in the
preview when the model was too slow for the form and templates wrote them instead."""

from __future__ import annotations

import json

import pytest

import handlers.announcements.posts as posts
from tests.announcements.conftest import preview
from tests.fakes.openai_api import FakeOpenAI

WRITTEN = "We won the Green Award: our new plant runs on wind."


@pytest.mark.parametrize("slow", [False, True])
async def test_the_preview_says_when_templates_wrote_the_posts(
    make_bot, slack, monkeypatch, slow: bool
) -> None:
    async with FakeOpenAI(WRITTEN) as model:
        # The form's 2 s, shortened to be over soon, or lengthened for a loaded machine.
        monkeypatch.setattr(posts, "MODEL_SECONDS", 0.3 if slow else 10.0)
        model.delay = 0.6 if slow else 0.0
        bot = await make_bot(openai_api_key="sk-test", openai_base_url=model.url)
        view = await preview(bot, slack, post_x="My own words on X")
        shown = json.dumps(view["blocks"], ensure_ascii=False)

    if not slow:
        # LinkedIn and Facebook; X is the announcer's. (A slow model's requests may not even have
        # reached it on a loaded machine when the form's time ran out.)
        assert len(model.requests) == 2
    said = (
        "The suggested posts for LinkedIn, Facebook were written from templates: the model did"
        " not answer within 0.3 s"
    )
    assert (said in shown) is slow
    assert (WRITTEN in shown) is not slow


async def test_the_preview_says_when_the_model_gave_nothing_usable(make_bot, slack) -> None:
    # A model that fails, or is skipped while it is down, leaves nothing in the log to read.
    async with FakeOpenAI(WRITTEN) as model:
        model.status = 500
        bot = await make_bot(openai_api_key="sk-test", openai_base_url=model.url)
        view = await preview(bot, slack, post_x="My own words on X")
        shown = json.dumps(view["blocks"], ensure_ascii=False)

    assert "written from templates: the model gave nothing usable (it failed, is down" in shown
    assert "the log says why" not in shown


@pytest.mark.parametrize("with_model", [False, True])
async def test_the_posts_the_bot_writes_say_the_sharer_works_there(
    make_bot, slack, with_model: bool
) -> None:
    # The company's own launch, its posts left to the bot: each says the sharer works at the
    # company, where none did and the bot's own check flagged them (review12a E16).
    async with FakeOpenAI("Nordlys Cloud 2.0 is here with faster forecasts.") as model:
        settings = {"openai_api_key": "sk-test", "openai_base_url": model.url} if with_model else {}
        bot = await make_bot(company_names=["Nordlys"], **settings)
        view = await preview(
            bot, slack, headline="Nordlys Cloud 2.0 is here: faster forecasts",
            message="Today we launch Nordlys Cloud 2.0. Try it free for 30 days.",
        )  # fmt: skip
    networks = ("*LinkedIn*", "*X*", "*Facebook*")
    sections = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    posts = [text for text in sections if text.startswith(networks)]
    assert len(posts) == 3 and all("at Nordlys" in post for post in posts)
    assert all(("here with faster" in post) is with_model for post in posts)
