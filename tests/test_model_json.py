"""What local models wrap around their replies: a post check's JSON with a sentence and a
fence around it is still the model's review; a guideline answer in a code fence is shown
without the fence."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from click.testing import CliRunner, Result

from bot.cli import main
from tests.conftest import bot_env
from tests.fakes.openai_api import FakeOpenAI

DRAFT = "Our competitor's CEO couldn't organise a bake sale"
REVIEW = {
    "concerns": [
        {
            "kind": "guideline",
            "section": "S6",
            "reason": "Be respectful, also to competitors.",
            "span": "competitor's CEO couldn't organise a bake sale",
        }
    ]
}


async def run(model: FakeOpenAI, tmp_path: Path, *args: str, stdin: str = "") -> Result:
    """`socialbot ARGS` with the fake model configured, in a worker thread (the fake answers on
    this test's loop)."""
    env = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=model.url)
    result = await asyncio.to_thread(CliRunner().invoke, main, list(args), stdin, env=env)
    assert result.exit_code == 0, result.output
    return result


async def test_a_review_with_prose_and_a_fence_around_it_is_kept(tmp_path: Path) -> None:
    reply = (
        "Here is my review of the draft:\n```json\n"
        + json.dumps(REVIEW, indent=2)
        + "\n```\nLet me know if you need anything {else}."
    )
    async with FakeOpenAI(reply) as model:
        checked = await run(model, tmp_path, "check", "--json", DRAFT)

    [concern] = json.loads(checked.stdout)["concerns"]
    assert concern["reason"] == "Be respectful, also to competitors."
    assert "not the JSON asked for" not in checked.stderr


async def test_a_guideline_answer_in_a_code_fence_is_shown_without_it(tmp_path: Path) -> None:
    reply = "```markdown\nYes: public company news is yours to share [S2].\n```"
    async with FakeOpenAI(reply) as model:
        asked = await run(model, tmp_path, "ask", "--json", "Can I share our company news?")

    answer = json.loads(asked.stdout)
    assert model.requests and answer["confident"] is True
    assert answer["answer"] == "Yes: public company news is yours to share."


async def test_check_json_says_whether_the_model_reviewed_the_draft(tmp_path: Path) -> None:
    async with FakeOpenAI(json.dumps(REVIEW)) as model:
        reviewed = json.loads((await run(model, tmp_path, "check", "--json", DRAFT)).stdout)
        model.status = 503
        offline = json.loads((await run(model, tmp_path, "check", "--json", DRAFT)).stdout)

    assert reviewed["by_model"] is True and offline["by_model"] is False
    assert offline["concerns"] == []  # the offline checks alone


async def test_the_review_is_asked_as_json_and_again_without_where_refused(
    tmp_path: Path,
) -> None:
    async with FakeOpenAI(json.dumps(REVIEW)) as model:
        asked = json.loads((await run(model, tmp_path, "check", "--json", DRAFT)).stdout)
        model.refuses = {"response_format"}  # a server that does not take it
        # Two drafts: the same one again would be answered from the last reply, with no call.
        drafts = f"{DRAFT}\n{DRAFT}, honestly\n"
        refused = await run(model, tmp_path, "check", "--json", stdin=drafts)

    assert asked["by_model"] is True
    assert model.requests[0]["response_format"] == {"type": "json_object"}
    # Refused (400) once, asked again at once without it, and never with it after.
    assert ["response_format" in r for r in model.requests[1:]] == [True, False, False]
    assert all(json.loads(line)["by_model"] for line in refused.stdout.splitlines())
    assert "Traceback" not in refused.stderr and "model failed" not in refused.stderr
