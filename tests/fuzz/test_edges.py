"""Hypothesis throws junk at `/slack/events` and `/api/messages` (issue 14, point 5): whatever
arrives, signed or not, the answer is never a 500 and nothing is logged as an ERROR. Unsigned
junk gets a 401, unreadable signed junk a 400, and every signed request Slack or Teams could send
is answered."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fakes.slack_requests import SECRET
from tests.fakes.slack_web_api import FakeSlack
from tests.teams.conftest import BOT_APP_ID, MakeTeams

# Derandomized, so the suite stays repeatable; raise max_examples locally to look further.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(["", "help", "https://x.com/a)](https://evil.example/x", "<!channel>", "1"])
)
JSON = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


def some(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly `value`, one time in eight any JSON in its place."""
    return st.sampled_from(range(8)).flatmap(lambda n: JSON if n == 7 else value)


WORDS = st.text(max_size=60) | st.sampled_from(
    [
        "help",
        "report https://x.com/a)](https://evil.example/x [Click](https://evil.example/ack)",
        "ask can I post a photo of the office?",
        "announce",
        "preferences",
        "list",
        "open",
    ]
)


def nested(depth: int) -> bytes:
    """A JSON body nested `depth` levels deep."""
    return b'{"a":' * depth + b"1" + b"}" * depth


async def settled(since: set[asyncio.Task[Any]]) -> None:
    """Wait until the work a request started (Bolt runs event listeners after the ack) is done,
    so what it logs is checked with its own example."""
    for _ in range(200):
        started = {
            task
            for task in asyncio.all_tasks() - since - {asyncio.current_task()}
            # A server's connection handlers (the fakes' keep-alives) outlive any request.
            if getattr(task.get_coro(), "__qualname__", "") != "RequestHandler.start"
        }
        if all(task.done() for task in started):
            return
        await asyncio.wait(started, timeout=0.01)


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The ERROR records so far, then forgotten (so each example answers for its own)."""
    found = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    caplog.clear()
    return found


# -- Slack -----------------------------------------------------------------------------------

SLASH = st.fixed_dictionaries(
    {
        "command": some(
            st.sampled_from(["/report-mention", "/guidelines", "/announce", "/socialbot", "/x"])
        ),
        "text": some(WORDS),
        "user_id": some(st.sampled_from(["W111", "U0MANAGER"])),
        "trigger_id": some(st.just("111.111.xxx")),
    },
    optional={"channel_id": some(st.just("C111")), "team_id": some(st.just("T111"))},
)
ACTION_IDS = st.sampled_from(
    [
        "report_acknowledge",
        "report_resolve",
        "digest_not_for_me",
        "digest_change_time",
        "guidelines_ask_team",
        "guidelines_answer",
        "guidelines_feedback_up",
        "x",
    ]
)
FORM_IDS = st.sampled_from(["report_mention", "guidelines_answer_form", "announce", "x"])
USER = st.fixed_dictionaries(
    {"id": some(st.sampled_from(["W111", "U0MANAGER"]))}, optional={"username": some(WORDS)}
)
STATE = st.fixed_dictionaries(
    {
        "values": some(
            st.dictionaries(
                st.sampled_from(["links", "about", "note", "urgency", "answer", "x"]),
                st.dictionaries(
                    st.text(max_size=8), some(st.dictionaries(st.text(max_size=8), JSON))
                ),
                max_size=3,
            )
        )
    }
)
PAYLOAD = st.fixed_dictionaries(
    {
        "type": some(
            st.sampled_from(
                ["block_actions", "view_submission", "view_closed", "shortcut", "message_action"]
            )
        ),
        "user": some(USER),
        "trigger_id": some(st.just("111.222.valid")),
        "response_url": st.just("RESPONSE_URL"),  # the fake Slack's, put in by the test
    },
    optional={
        "actions": some(
            st.lists(
                st.fixed_dictionaries(
                    {"action_id": some(ACTION_IDS), "value": some(WORDS)},
                    optional={"block_id": JSON, "type": JSON, "url": JSON},
                ),
                min_size=1,
                max_size=2,
            )
        ),
        "view": some(
            st.fixed_dictionaries(
                {"callback_id": some(FORM_IDS), "state": some(STATE)},
                optional={"private_metadata": some(WORDS), "id": JSON},
            )
        ),
        "callback_id": some(st.sampled_from(["report_mention_shortcut", "x"])),
        "message": some(st.fixed_dictionaries({"text": WORDS, "ts": st.just("1.2")})),
        "channel": some(st.fixed_dictionaries({"id": st.just("C111")})),
        "container": JSON,
        "team": JSON,
    },
)
EVENT = st.fixed_dictionaries(
    {
        "type": st.just("event_callback"),
        "event_id": some(st.text(max_size=10)),
        "event": some(
            st.fixed_dictionaries(
                {
                    "type": some(st.sampled_from(["message", "app_mention", "app_home_opened"])),
                    "user": some(st.sampled_from(["W111", "U0MANAGER"])),
                    "ts": some(st.sampled_from(["1700000000.0001", "1.2"])),
                    "channel": some(st.sampled_from(["D111", "CSOCIAL"])),
                },
                optional={
                    "text": some(WORDS),
                    "channel_type": some(st.sampled_from(["im", "channel"])),
                    "thread_ts": some(st.sampled_from(["1700000000.0001", "9.9"])),
                    "tab": some(st.just("home")),
                    "subtype": JSON,
                    "bot_id": JSON,
                },
            )
        ),
    },
    optional={"team_id": JSON, "api_app_id": JSON, "authorizations": JSON},
)


def form(fields: dict[str, Any]) -> str:
    return urlencode({k: v if isinstance(v, str) else json.dumps(v) for k, v in fields.items()})


SLACK_BODIES = st.one_of(
    SLASH.map(lambda fields: ("application/x-www-form-urlencoded", form(fields).encode())),
    PAYLOAD.map(
        lambda p: (
            "application/x-www-form-urlencoded",
            urlencode({"payload": json.dumps(p)}).encode(),
        )
    ),
    st.text(max_size=60).map(
        lambda p: ("application/x-www-form-urlencoded", urlencode({"payload": p}).encode())
    ),
    (EVENT | JSON).map(lambda body: ("application/json", json.dumps(body).encode())),
    st.binary(max_size=200).map(lambda body: ("application/json", body)),
    st.integers(500, 3000).map(lambda depth: ("application/json", nested(depth))),
)
HEADER_TEXT = st.characters(min_codepoint=0x20, max_codepoint=0x7E)  # what a header may hold
STAMPS = st.one_of(
    st.text(HEADER_TEXT, max_size=12),
    st.integers().map(str),
    st.sampled_from(["", "1e9", "-1", " 1", "0x10", "1_000"]),
)


@pytest.fixture
async def slack_bot(make_slack_bot: Any) -> Any:
    return await make_slack_bot(escalation_channel="CSOCIAL", social_media_managers=["U0MANAGER"])


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Slack-Request-Timestamp": "now", "X-Slack-Signature": "v0=abc"},
        {"X-Slack-Request-Timestamp": "1e9", "X-Slack-Signature": "v0=abc"},
        {"X-Slack-Request-Timestamp": "", "X-Slack-Signature": ""},
        {},
    ],
)
@pytest.mark.parametrize(
    "body", [b'{"type": "event_callback", "event": ', b"payload=%7B%22type", nested(5000)]
)
async def test_the_issues_slack_junk_gets_401_and_one_warning(
    slack_bot: Any, caplog: pytest.LogCaptureFixture, headers: dict[str, str], body: bytes
) -> None:
    response = await slack_bot.post(
        "/slack/events", data=body, headers={"Content-Type": "application/json", **headers}
    )

    assert response.status == 401
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("bot")] == [
        ("WARNING", "refused a Slack request without a valid signature")
    ]
    assert errors_logged(caplog) == []
    assert (await slack_bot.runtime.slack.health())["rejected_requests"] == 1


async def test_a_deeply_nested_body_without_a_token_gets_401_when_auth_is_on(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture
) -> None:
    teams = await make_teams(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s")

    response = await teams.client.post(
        "/api/messages", data=nested(100_000), headers={"Content-Type": "application/json"}
    )

    assert response.status == 401
    assert errors_logged(caplog) == []
    assert teams.bot.health()["rejected_requests"] == 1


@FUZZ
@given(body=SLACK_BODIES, stamp=STAMPS, signature=st.text(HEADER_TEXT, max_size=70))
async def test_unsigned_slack_junk_gets_401_or_400_in_one_line(
    slack_bot: Any, caplog: pytest.LogCaptureFixture, body: Any, stamp: str, signature: str
) -> None:
    caplog.clear()
    content_type, data = body
    headers = {
        "Content-Type": content_type,
        "X-Slack-Signature": signature,
        "X-Slack-Request-Timestamp": stamp,
    }

    response = await slack_bot.post("/slack/events", data=data, headers=headers)

    assert (response.status, errors_logged(caplog)) == (401 if _utf8(data) else 400, [])


@FUZZ
@given(body=SLACK_BODIES)
async def test_signed_slack_junk_is_answered_or_refused_without_an_error(
    slack_bot: Any, slack: FakeSlack, caplog: pytest.LogCaptureFixture, body: Any
) -> None:
    caplog.clear()
    content_type, data = body
    data = data.replace(b"RESPONSE_URL", quote(f"{slack.url}respond", safe="").encode())
    headers = {"Content-Type": content_type, **signed_bytes(data)}
    before = asyncio.all_tasks()

    response = await slack_bot.post("/slack/events", data=data, headers=headers)
    await settled(before)

    assert errors_logged(caplog) == [] and response.status < 500


def _utf8(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


def signed_bytes(data: bytes) -> dict[str, str]:
    """The signature headers Slack would add to `data` (which need not be UTF-8)."""
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + data, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}


# -- Teams -----------------------------------------------------------------------------------

NAMES = st.sampled_from(
    [
        "adaptiveCard/action",
        "task/fetch",
        "task/submit",
        "composeExtension/fetchTask",
        "composeExtension/submitAction",
        "x",
    ]
)
ACCOUNT = st.fixed_dictionaries(
    {"id": some(st.sampled_from(["29:someone", "28:bot"]))},
    optional={
        "aadObjectId": some(st.just("7faf8ab2-3d56-4244-b585-20c8a42ed2b8")),
        "name": some(WORDS),
    },
)
CARD_DATA = st.fixed_dictionaries(
    {"action_id": some(ACTION_IDS), "value": some(WORDS)},
    optional={"form_id": some(FORM_IDS), "state": some(WORDS), "form": JSON, "msteams": JSON},
)
VALUES = st.one_of(
    st.fixed_dictionaries(
        {"action": st.fixed_dictionaries({"verb": some(ACTION_IDS), "data": some(CARD_DATA)})}
    ),
    st.fixed_dictionaries({"data": some(CARD_DATA)}, optional={"context": JSON}),
    st.fixed_dictionaries({"commandId": some(st.just("report")), "messagePayload": JSON}),
    CARD_DATA,
    JSON,
)


def activities(service_url: str) -> st.SearchStrategy[dict[str, Any]]:
    """Bot Framework activities as Teams could send them, and worse."""
    return st.fixed_dictionaries(
        {
            "type": some(
                st.sampled_from(
                    ["message", "invoke", "conversationUpdate", "installationUpdate", "event"]
                )
            ),
            "channelId": st.just("msteams"),
            "serviceUrl": st.just(service_url),
            "conversation": some(
                st.fixed_dictionaries(
                    {"id": some(st.sampled_from(["a:personal", "19:c@thread.tacv2;messageid=1"]))},
                    optional={
                        "conversationType": some(st.sampled_from(["personal", "channel"])),
                        "tenantId": some(st.just("t1")),
                    },
                )
            ),
            "from": some(ACCOUNT),
            "recipient": some(ACCOUNT),
        },
        optional={
            "id": some(st.text(max_size=10)),
            "text": some(WORDS),
            "name": some(NAMES),
            "value": VALUES,
            "entities": some(
                st.lists(
                    st.dictionaries(st.sampled_from(["type", "mentioned", "text"]), JSON),
                    max_size=2,
                )
            ),
            "channelData": some(
                st.dictionaries(
                    st.sampled_from(["team", "channel", "eventType", "tenant"]), JSON, max_size=3
                )
            ),
            "membersAdded": some(st.lists(ACCOUNT, max_size=2)),
            "membersRemoved": some(st.lists(ACCOUNT, max_size=2)),
            "replyToId": some(st.text(max_size=10)),
            "action": some(st.sampled_from(["add", "remove"])),
        },
    )


@FUZZ
@given(data=st.data())
async def test_teams_activities_are_answered_or_refused_without_an_error(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture, data: st.DataObject
) -> None:
    caplog.clear()
    teams = await _teams(make_teams)
    activity = data.draw(activities(teams.connector.url))
    before = asyncio.all_tasks()

    response = await teams.client.post("/api/messages", json=activity)
    await settled(before)

    # 501: botbuilder's answer to an invoke no handler knows, as Teams expects it.
    assert errors_logged(caplog) == [] and (response.status < 500 or response.status == 501)


TEAMS_JUNK = st.one_of(
    JSON.map(lambda body: json.dumps(body).encode()),
    st.binary(max_size=200),
    st.integers(500, 50_000).map(nested),
)


@FUZZ
@given(
    body=TEAMS_JUNK, authorization=st.sampled_from([None, "", "Bearer", "Bearer x.y.z", "Basic a"])
)
async def test_teams_junk_without_a_token_gets_401_in_one_line(
    make_teams: MakeTeams, caplog: pytest.LogCaptureFixture, body: bytes, authorization: str | None
) -> None:
    caplog.clear()
    teams = await _teams(make_teams, microsoft_app_id=BOT_APP_ID, microsoft_app_password="s")
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization

    response = await teams.client.post("/api/messages", data=body, headers=headers)

    assert errors_logged(caplog) == [] and response.status in (400, 401)


_BUILT: dict[int, Any] = {}


async def _teams(make_teams: MakeTeams, **settings: Any) -> Any:
    """One bot per test, however many examples run against it."""
    key = id(make_teams)
    if key not in _BUILT:
        _BUILT.clear()
        _BUILT[key] = await make_teams(**settings)
    return _BUILT[key]
