"""What real OpenAI-compatible servers answer besides a plain reply, through `socialbot ask
--json`, `socialbot check --json` and the Slack assistant pane against the fake server: a
reasoning model's <think>, empty, refused, filtered or cut replies, a proxy's HTML page."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from tests.conftest import bot_env
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_requests import calls
from tests.slack.test_assistant import MODEL_REPLY, ask, open_pane

REASONING = "<think>\nOkay, the user asks about the party. I must not leak this.\n</think>\n\n"
THREATS = (
    "A colleague keeps posting violent threats and hate about our customers on X, what do I do?"
)
# Section 4 of the default guidelines, which the offline answer quotes for THREATS.
SECTION_4 = "4. Never answer negative comments yourself: report them"


async def socialbot(tmp_path: Path, model: FakeOpenAI, *args: str, **env: str) -> Result:
    """`socialbot ARGS` with the fake model configured, on a loop of its own (the fake's loop
    is this test's)."""
    variables = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=model.url, **env)
    return await asyncio.to_thread(CliRunner().invoke, main, list(args), env=variables)


async def asked(tmp_path: Path, model: FakeOpenAI, question: str, **env: str) -> dict[str, Any]:
    """The answer `socialbot ask --json` prints for one question."""
    result = await socialbot(tmp_path, model, "ask", "--json", question, **env)
    assert result.exit_code == 0, result.output
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


async def test_a_reasoning_models_think_block_is_never_shown(tmp_path: Path) -> None:
    async with FakeOpenAI(REASONING + "Yes, when everyone agrees to be shown [S3].") as model:
        answer = await asked(tmp_path, model, "Can I post a photo from the office party?")
        assert answer["answer"] == "Yes, when everyone agrees to be shown."
        assert answer["verdict"] == "answer"
        model.reply = "Okay, the model's template opened the reasoning.</think>Yes [S3]."
        answer = await asked(tmp_path, model, "Can I post a photo from the office party?")
        assert answer["answer"] == "Yes."


async def test_a_post_checks_review_after_reasoning_is_read(tmp_path: Path) -> None:
    review = {"concerns": [{"kind": "guideline", "section": "S6", "reason": "Be kind to them.",
                            "span": "couldn't organise a bake sale"}]}  # fmt: skip
    async with FakeOpenAI(REASONING + json.dumps(review)) as model:
        draft = "Our competitor's CEO couldn't organise a bake sale"
        result = await socialbot(tmp_path, model, "check", "--json", draft)
        assert result.exit_code == 0, result.output
        reasons = [c["reason"] for c in json.loads(result.stdout)["concerns"]]
        assert "Be kind to them." in reasons


async def test_an_unclosed_think_block_is_no_answer(tmp_path: Path) -> None:
    async with FakeOpenAI("<think>\nThe user asks about the party: [S3] allows photos") as model:
        answer = await asked(tmp_path, model, "Can I post a photo from the office party?")
        assert "<think>" not in answer["answer"] and "allows" not in answer["answer"]
        assert "Photos and videos from the office" in answer["answer"]  # offline


@pytest.mark.parametrize("kind", ["empty", "refusal", "content_filter", "length"])
async def test_a_reply_with_nothing_to_use_leaves_the_offline_answer(
    tmp_path: Path, kind: str
) -> None:
    async with FakeOpenAI("") as model:
        if kind == "refusal":
            model.refusal = "I'm sorry, I can't help with that."
        elif kind != "empty":
            model.finish_reason = kind  # Azure's filter sends no content; a cut reply some
            model.reply = "You may share public news [S2], but never" if kind == "length" else ""
        result = await socialbot(tmp_path, model, "ask", "--json", THREATS)
        assert result.exit_code == 0, result.output
        answer = json.loads(result.stdout)
        assert answer["verdict"] != "not_covered"
        assert answer["sources"][0]["section"] == SECTION_4
        assert "Do not reply, argue, like, share or comment" in answer["answer"]
        assert len(model.requests) == 1
        assert result.stderr.count("answering offline") == 1


async def test_a_proxys_html_page_is_named_in_one_line(tmp_path: Path) -> None:
    async with FakeOpenAI("Yes [S3].") as model:
        model.html = True
        result = await socialbot(tmp_path, model, "ask", "--json", THREATS)
        assert result.exit_code == 0, result.output
        assert "the server answered HTML, not JSON: a proxy or sign-in page? Check" in (
            result.stderr
        )
        assert "AttributeError" not in result.stderr


async def test_the_pane_never_streams_the_reasoning(make_slack_bot, slack) -> None:
    async with FakeOpenAI(REASONING + MODEL_REPLY, piece=3) as model:
        bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
        await open_pane(bot, slack)
        await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
        assert calls(slack, "chat.appendStream")  # streamed as it was written
        sent = json.dumps([params for method, params in slack.calls if "Stream" in method])
        assert "think" not in sent and "Okay" not in sent
        stop = calls(slack, "chat.stopStream")[0]
        streamed = next(m for m in slack.messages if m.ts == stop["ts"])
        assert streamed.text == MODEL_REPLY.replace(" [S2]", "")


async def test_a_model_that_refuses_temperature_0_is_asked_without_it(tmp_path: Path) -> None:
    async with FakeOpenAI("Yes, when everyone agrees to be shown [S3].") as model:
        model.refuses = {"temperature", "max_tokens"}  # OpenAI's gpt-5*, o-series
        lines = "Can I post a photo from the office party?\nCan I post a photo at the party?\n"
        variables = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=model.url)
        runner = CliRunner()
        result = await asyncio.to_thread(
            runner.invoke, main, ["ask", "--json"], input=lines, env=variables
        )
        assert result.exit_code == 0, result.output
        answers = [json.loads(line) for line in result.stdout.splitlines()]
        assert [a["answer"] for a in answers] == ["Yes, when everyone agrees to be shown."] * 2
        # Asked again at once without it, and never with it after.
        sent = [("temperature" in r, r.get("max_tokens")) for r in model.requests]
        assert sent == [(True, 1000), (True, None), (False, None), (False, None)]
        assert "answering offline" not in result.stderr


async def ask_lines(tmp_path: Path, model: FakeOpenAI, questions: list[str]) -> Result:
    """`socialbot ask --json` reading `questions` from stdin, in one process."""
    variables = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=model.url)
    lines = "".join(f"{question}\n" for question in questions)
    return await asyncio.to_thread(
        CliRunner().invoke, main, ["ask", "--json"], input=lines, env=variables
    )


async def test_a_model_that_keeps_failing_is_skipped_and_said_once(tmp_path: Path) -> None:
    async with FakeOpenAI("Yes [S3].") as model:
        model.status = 500
        result = await ask_lines(tmp_path, model, [THREATS] * 5)
        assert result.exit_code == 0, result.output
        answers = [json.loads(line) for line in result.stdout.splitlines()]
        assert [a["sources"][0]["section"] for a in answers] == [SECTION_4] * 5  # offline
        assert len(model.requests) == 3  # then skipped: answered offline at once
        assert result.stderr.count("the model failed") == 3
        assert result.stderr.count("the model is down") == 1
        assert "answering offline for 30 s, then trying it again" in result.stderr


async def test_a_429s_retry_after_is_waited_for(tmp_path: Path) -> None:
    async with FakeOpenAI("Yes [S3].") as model:
        model.status, model.retry_after = 429, "20"
        result = await ask_lines(tmp_path, model, [THREATS] * 2)
        assert result.exit_code == 0, result.output
        assert len(model.requests) == 1
        assert "answering offline for 20 s, then trying it again" in result.stderr


async def test_requests_in_flight_are_capped_and_a_model_back_is_said(caplog) -> None:
    async with FakeOpenAI("Yes [S3].") as fake:
        model = fake.model()  # at most 4 requests out at once, as the bot's default
        fake.delay = 0.2  # a server answering slowly: more than 4 would queue there
        replies = await asyncio.gather(
            *(model.complete("system", "user") for _ in range(6)), return_exceptions=True
        )
        assert replies.count("Yes [S3].") == 4 and len(fake.requests) == 4
        assert [type(r).__name__ for r in replies[4:]] == ["ModelSkipped"] * 2
        fake.delay, fake.status, fake.retry_after = 0, 429, "1"
        with pytest.raises(Exception, match="429"):  # a new request: "user" was answered
            await model.complete("system", "another user")
        assert model.health()["ok"] is False and "429" in model.health()["last_error"]
        await asyncio.sleep(1.05)  # the Retry-After
        fake.status = 200
        with caplog.at_level(logging.INFO, logger="bot.llm"):
            assert await model.complete("system", "another user") == "Yes [S3]."
        assert model.health() == {"ok": True, "down_since": None, "last_error": ANY,
                                  "failures": 0}  # fmt: skip
        said = [(r.levelname, r.getMessage()[:18]) for r in caplog.records]
        assert said == [("WARNING", "the model is down "), ("INFO", "the model answers ")]


async def test_the_models_time_limit_is_a_setting(tmp_path: Path) -> None:
    async with FakeOpenAI("Yes, when everyone agrees to be shown [S3].") as model:
        model.delay = 1.0
        answer = await asked(tmp_path, model, THREATS, SOCIALBOT_MODEL_TIMEOUT="0.3")
        assert answer["sources"][0]["section"] == SECTION_4  # offline, not after 8 s
        assert model.requests[0]["max_tokens"] == 1000


async def test_a_base_url_alone_enables_a_local_server_that_needs_no_key(tmp_path: Path) -> None:
    async with FakeOpenAI("Yes, when everyone agrees to be shown [S3].") as model:
        variables = bot_env(tmp_path, OPENAI_API_KEY="", OPENAI_BASE_URL=model.url)
        args = ["ask", "--json", "Can I post a photo from the office party?"]
        result = await asyncio.to_thread(CliRunner().invoke, main, args, env=variables)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["answer"] == "Yes, when everyone agrees to be shown."
        assert model.headers[0]["Authorization"] == "Bearer no-key"
        assert "HTTP Request" not in result.stderr  # httpx's line per request is not logged


async def test_a_base_url_with_a_password_is_refused_without_showing_it(tmp_path: Path) -> None:
    base = "http://llmuser:s3cr3tpass@127.0.0.1:9/v1"
    variables = bot_env(tmp_path, OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=base)
    result = await asyncio.to_thread(CliRunner().invoke, main, ["ask", "Hi?"], env=variables)
    assert result.exit_code != 0
    assert "must not carry a login before the host" in result.output
    assert "s3cr3tpass" not in result.output


async def test_a_caller_giving_up_early_does_not_take_the_model_down() -> None:
    # An announcement form gives the model 2 s for each post, far less than its time limit:
    # three posts given up at once say nothing of the model, so answers keep using it.
    async with FakeOpenAI("Yes [S3].") as fake:
        model = fake.model()
        fake.delay = 1.0
        for _ in range(3):
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.05):
                    await model.complete("system", "user")
        assert model.health()["ok"] is True and model.health()["failures"] == 0
        fake.delay = 0.0
        assert await model.complete("system", "user") == "Yes [S3]."


async def test_reasoning_streamed_without_its_opening_tag_is_not_the_answer(
    make_slack_bot, slack
) -> None:
    # Models whose template opened <think> in the prompt reply "reasoning…</think>answer".
    leaked = "Okay, the user asks about news. I must not leak this.</think>\n\n"
    async with FakeOpenAI(leaked + MODEL_REPLY, piece=3) as model:
        bot = await make_slack_bot(openai_api_key="sk-test", openai_base_url=model.url)
        await open_pane(bot, slack)
        await ask(bot, slack, "Can I share company news on LinkedIn?", "1729999330.000100")
        sent = json.dumps(slack.calls)
        assert "must not leak" not in sent and "Okay, the user" not in sent
        answer = slack.messages[-1].text  # the offline answer, quoting the guidelines
        assert answer.startswith("&gt; We want you to share what the company publishes")


async def test_a_model_that_was_down_is_tried_again_by_one_request() -> None:
    async with FakeOpenAI("Yes [S3].") as fake:
        model = fake.model()
        fake.status = 500
        for _ in range(3):
            with pytest.raises(Exception, match="500"):
                await model.complete("system", "user")
        assert model.health()["ok"] is False
        model.breaker.due = 0.0  # its cool-down is over
        fake.status, fake.delay = 200, 0.2
        asked = len(fake.requests)

        replies = await asyncio.gather(
            *(model.complete("system", "user") for _ in range(3)), return_exceptions=True
        )

        assert len(fake.requests) == asked + 1  # one tries it; the others answer offline
        assert sorted(type(r).__name__ for r in replies) == ["ModelSkipped", "ModelSkipped", "str"]
        assert model.health()["ok"] is True


async def test_an_answer_in_another_language_than_the_question_is_not_shown(
    tmp_path: Path,
) -> None:
    # Asked in English, the model wrote Danish (review8a 13a): the offline answer instead.
    danish = "Du skal ikke selv svare på negative kommentarer, men rapportere dem til os [S4]."
    async with FakeOpenAI(danish) as model:
        result = await socialbot(tmp_path, model, "ask", "--json", THREATS)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert len(model.requests) == 1 and "Answer in English" in json.dumps(model.requests[0])
    assert "Du skal" not in answer["answer"] and answer["sources"][0]["section"] == SECTION_4
    assert "the model answered in " in result.stderr  # Danish, or its close cousin Norwegian
    assert ", not en; answering offline" in result.stderr


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        # English, quoting the guidelines' own words at length: the quote is no language of its.
        (
            THREATS,
            "Report it, do not reply. The rule: „Mitarbeitende antworten nie selbst auf negative"
            " Kommentare, sondern melden sie dem Social-Media-Team, das sich darum kümmert“ [S4].",
        ),
        # The same in typographic single quotes.
        (
            THREATS,
            "Report it, do not reply. The rule: \u2018Mitarbeitende antworten nie selbst auf"
            " negative Kommentare, sondern melden sie dem Social-Media-Team, das sich darum"
            " kümmert\u2019 [S4].",
        ),
        # Swedish, too short to tell from Danish: no other language.
        ("En kollega skriver hot om våra kunder på X, ska jag svara själv?", "Nej [S4]."),
    ],
)
async def test_a_quote_or_a_short_answer_is_not_taken_for_another_language(
    tmp_path: Path, question: str, reply: str
) -> None:
    async with FakeOpenAI(reply) as model:
        result = await socialbot(tmp_path, model, "ask", "--json", question)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["answer"].startswith(reply.split(" ", 1)[0].rstrip("."))
    assert "the model answered in " not in result.stderr
