"""An admin deploys with a model: the start log names it and a one-call test says at once
whether it works; /healthz shows the model's part and a warning while it fails."""

from __future__ import annotations

from tests.acceptance.conftest import Deployment, Json
from tests.fakes.openai_api import FakeOpenAI


def test_a_model_that_refuses_the_key_is_one_line_at_start_and_on_healthz(
    deployment: Deployment,
) -> None:
    model = FakeOpenAI("OK")
    deployment.fakes.run(model.__aenter__())
    try:
        model.status = 401  # a wrong key
        bot = deployment.start(
            OPENAI_API_KEY="sk-wrong", OPENAI_BASE_URL=model.url, OPENAI_MODEL="gpt-5-mini"
        )
        said = bot.wait_for_log("failed its test call")

        def failing() -> Json | None:
            answer = bot.health()
            return answer[1] if answer and answer[1]["model"].get("failures") else None

        state = bot.wait_for("the model's failure on /healthz", failing)
        assert bot.stop().returncode == 0
    finally:
        deployment.fakes.run(model.__aexit__())

    named = f"gpt-5-mini at {model.url}"
    assert f"model {named}" in bot.stderr
    assert f"the model {named} failed its test call (AuthenticationError: Error code: 401" in said
    assert len(model.requests) == 1  # one short call
    assert state["ok"] is True and state["model"]["name"] == named
    assert state["model"]["last_error"].startswith("AuthenticationError")
    assert any(
        w.startswith(f"the model {named} fails (AuthenticationError") for w in state["warnings"]
    )
    assert "Traceback" not in bot.stderr
