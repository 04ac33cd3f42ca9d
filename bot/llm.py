"""The OpenAI-compatible chat model behind every model use, built from the settings."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.model_limits import Budget, Replies
from bot.settings import Settings
from content_feed.compose import ModelSkipped, failure_line
from handlers.model_use import asker

if TYPE_CHECKING:  # openai takes a second to import: only when a model is configured
    from openai import AsyncOpenAI

log = logging.getLogger(__name__)

# A reasoning model served without a reasoning parser (vLLM, llama.cpp, LM Studio, older Ollama)
# writes its reasoning into the reply between these, before the answer.
THINK, THOUGHT = "<think>", "</think>"
# Failures in a row after which the model is skipped for COOL_DOWN seconds (or a 429's
# Retry-After, at most MAX_WAIT): answers are offline at once meanwhile, then one call tries it.
FAILURES = 3
COOL_DOWN = 30.0
MAX_WAIT = 600.0
NO_KEY = "no-key"  # sent to a server given by OPENAI_BASE_URL without OPENAI_API_KEY
HTML_REPLY = "the server answered HTML, not JSON: a proxy or sign-in page? Check OPENAI_BASE_URL"


REASONING_STREAMED = "the model streamed its reasoning without an opening <think>"


class UnusableReply(Exception):
    """The model answered with nothing to use: empty, refused, filtered or cut short."""


def without_reasoning(text: str) -> str:
    """The answer after a reasoning model's `<think>…</think>`; "" while it is still thinking."""
    if THOUGHT in text:  # some models leave out the opening tag: their template wrote it
        return text.rsplit(THOUGHT, 1)[1].strip()
    return "" if text.lstrip().startswith(THINK) else text.strip()


def usable(text: str, finish_reason: str | None, refusal: str | None = None) -> str:
    """The answer in a reply, or UnusableReply saying why there is none (the caller then
    answers offline: an empty or filtered reply is never an answer, nor "not covered")."""
    if refusal:
        raise UnusableReply(f"the model refused: {' '.join(refusal.split())[:120]}")
    if finish_reason == "length":
        raise UnusableReply("the reply was cut at the token limit (finish_reason length)")
    if finish_reason == "content_filter":
        raise UnusableReply("the provider's content filter withheld the reply")
    answer = without_reasoning(text)
    if not answer:
        raise UnusableReply("the model's reply was empty")
    return answer


def refused_field(error: Exception, sent: dict[str, Any]) -> str | None:
    """The request field a 400 says this model does not take (gpt-5*, o-series: a temperature
    other than 1), when it is one the bot can leave out; else None."""
    param = getattr(error, "param", None)
    if param in sent:
        return str(param)
    message = str(error)
    unsupported = "nsupported" in message
    return next((name for name in sent if unsupported and f"'{name}'" in message), None)


class Breaker:
    """Whether the model is asked now: skipped after `FAILURES` failures in a row, or for a
    429's Retry-After, until it is due again (then one call tries it); at most `max_in_flight`
    requests at once, so a server that answers one at a time is not queued into late answers."""

    def __init__(self, max_in_flight: int) -> None:
        self.max_in_flight = max_in_flight
        self.in_flight = 0
        self.failures = 0  # in a row
        self.due = 0.0  # time.monotonic() before which the model is skipped
        self.down_since: datetime | None = None
        self.last_error: str | None = None
        self._lock = threading.Lock()  # the digest and the CLI call from other threads' loops

    def admit(self) -> None:
        """Count one request in, or raise ModelSkipped (the caller answers offline, quietly)."""
        with self._lock:
            if time.monotonic() < self.due:
                raise ModelSkipped(f"the model is down ({self.last_error}); not asked now")
            if self.down_since is not None and self.in_flight:
                raise ModelSkipped("the model is being tried again; not asked meanwhile")
            if self.in_flight >= self.max_in_flight:
                raise ModelSkipped(f"{self.in_flight} requests to the model are still out")
            self.in_flight += 1

    def answered(self) -> None:
        """The request is done and the server answered."""
        with self._lock:
            self.in_flight -= 1
            self.failures = 0
            if self.down_since is not None:
                log.info("the model answers again (down since %s)", f"{self.down_since:%H:%M:%S}")
                self.down_since = None

    def failed(self, reason: str, retry_after: float | None = None) -> None:
        """The request is done and failed; after enough of them the model is skipped a while."""
        with self._lock:
            self.in_flight -= 1
            self.failures += 1
            self.last_error = reason
            if retry_after is None and self.failures < FAILURES:
                return
            seconds = min(retry_after or COOL_DOWN, MAX_WAIT)
            self.due = time.monotonic() + seconds
            if self.down_since is None:
                self.down_since = datetime.now(UTC)
                log.warning(
                    "the model is down (%s): answering offline for %.0f s, then trying it again",
                    reason,
                    seconds,
                )

    def left(self) -> None:
        """The request was given up by its caller before it ended (nothing learnt)."""
        with self._lock:
            self.in_flight -= 1

    def health(self) -> dict[str, Any]:
        """The model's state: ok, down since when (ISO time), the last error, failures in a row."""
        with self._lock:
            since = self.down_since.isoformat(timespec="seconds") if self.down_since else None
            return {
                "ok": self.down_since is None,
                "down_since": since,
                "last_error": self.last_error,
                "failures": self.failures,
            }


def retry_after(error: BaseException) -> float | None:
    """The seconds a 429's Retry-After header asks to wait (None without one)."""
    response = getattr(error, "response", None)
    if getattr(error, "status_code", None) != 429 or response is None:
        return None
    try:
        seconds = float(response.headers.get("retry-after", ""))
    except ValueError:
        return None  # an HTTP date, or none: the usual cool-down
    return seconds if seconds > 0 else None


class OpenAICompleter:
    """A `TextModel` over any OpenAI-compatible `/v1/chat/completions` server: a request made
    again within minutes gets the same reply without a call; a person past their `budget` (or
    the bot past its daily one) gets ModelSkipped, so the offline answer."""

    def __init__(
        self,
        client: AsyncOpenAI,
        model: str,
        max_in_flight: int = 4,
        max_tokens: int | None = None,
        budget: Budget | None = None,
    ) -> None:
        self.client = client
        self.model = model
        self.breaker = Breaker(max_in_flight)
        self.budget = budget or Budget(0, None)
        self.replies = Replies()
        # Sent when the model takes them; a field it refuses is left out from then on (gpt-5
        # and o-series take neither temperature 0 nor max_tokens; their reasoning counts in
        # max_completion_tokens, so they are not limited at all rather than cut short).
        self.options: dict[str, Any] = {"temperature": 0}
        if max_tokens is not None:
            self.options["max_tokens"] = max_tokens
        self.refused: set[str] = set()  # fields this model answered 400 to: never sent again

    async def _create(self, system: str, user: str, **more: Any) -> Any:
        """The server's response, asking again at once without a field the model refuses
        (and never with it after): temperature 0 and max_tokens for gpt-5 and o-series,
        response_format for a server that takes no JSON mode."""
        from openai import BadRequestError

        messages: Any = [
            {"role": "system", "content": system},
            {"role": "user", "content": user},
        ]
        while True:
            fields = {k: v for k, v in {**self.options, **more}.items() if k not in self.refused}
            try:
                return await self.client.chat.completions.create(
                    model=self.model, messages=messages, **fields
                )
            except BadRequestError as error:
                field = refused_field(error, fields)
                if field is None:
                    raise
                self.refused.add(field)
                log.info("the model %s does not take %s: asking without it", self.model, field)

    def health(self) -> dict[str, Any]:
        """The model's state for /healthz and the start log: ok, down since, last error."""
        return self.breaker.health()

    def _admit(self) -> None:
        """Count one request in with the breaker and the asker's budget, or raise ModelSkipped."""
        self.breaker.admit()
        try:
            self.budget.spend(asker())
        except ModelSkipped:
            self.breaker.left()
            raise

    async def complete(self, system: str, user: str, **more: Any) -> str:
        """The model's answer to one system and one user message (reasoning left out)."""
        key = Replies.key(system, user, more)
        if (kept := self.replies.get(key)) is not None:
            return kept
        self._admit()
        started = time.monotonic()
        try:
            response = await self._create(system, user, **more)
            if isinstance(response, str):  # openai hands over a body that is not JSON as text
                raise UnusableReply(HTML_REPLY)
        except BaseException as error:
            self._failed(error, started)()
            raise
        self.breaker.answered()
        choice = response.choices[0]
        message = choice.message
        answer = usable(message.content or "", choice.finish_reason, message.refusal)
        self.replies.put(key, answer)
        return answer

    async def complete_json(self, system: str, user: str) -> str:
        """`complete`, asking for a JSON object (`response_format` json_object) while the server
        takes it."""
        return await self.complete(system, user, response_format={"type": "json_object"})

    async def stream(self, system: str, user: str) -> AsyncGenerator[str, None]:
        """The model's answer to one system and one user message, in pieces as it is written;
        a reasoning model's `<think>…</think>` is held back and never handed out."""
        written = ""  # the whole reply so far
        given = 0  # characters of the answer handed out
        unsure = False  # some were handed out before any </think>: perhaps its reasoning
        finish_reason: str | None = None
        key = Replies.key(system, user, {})  # as `complete` keeps the same request's reply
        if (kept := self.replies.get(key)) is not None:
            yield kept
            return
        self._admit()
        started = time.monotonic()
        ended = self.breaker.left  # the caller stopped reading: nothing learnt
        try:
            # Closed however the caller stops (done, out of time, failed): no response left open.
            async with await self._create(system, user, stream=True) as chunks:
                async for chunk in chunks:
                    if not chunk.choices:
                        continue
                    finish_reason = chunk.choices[0].finish_reason or finish_reason
                    written += chunk.choices[0].delta.content or ""
                    if unsure and THOUGHT in written:
                        break  # it left out the opening tag: what went out was its reasoning
                    answer = _answer_so_far(written)
                    if answer is not None and len(answer) > given:
                        unsure = unsure or THOUGHT not in written
                        yield answer[given:]
                        given = len(answer)
            ended = self.breaker.answered
        except (asyncio.CancelledError, Exception) as error:
            ended = self._failed(error, started)
            raise
        finally:
            ended()
        if unsure and THOUGHT in written:
            raise UnusableReply(REASONING_STREAMED)
        self.replies.put(key, usable(written, finish_reason))

    def _failed(self, error: BaseException, started: float) -> Callable[[], None]:
        """What the breaker learns from a failed request: a caller that gave up as late as the
        model's time limit learnt that the model did not answer; one with a shorter limit of
        its own (an announcement form's 2 s) learnt nothing of the model."""
        if isinstance(error, asyncio.CancelledError):
            limit = _seconds(self.client.timeout)
            if limit is not None and time.monotonic() - started < 0.9 * limit:
                return self.breaker.left
            return partial(self.breaker.failed, "no answer within the time limit")
        if not isinstance(error, Exception):
            return self.breaker.left
        return partial(self.breaker.failed, failure_line(error), retry_after(error))

    async def aclose(self) -> None:
        """Close the client's connection pool (at shutdown, on the loop that used it)."""
        await self.client.close()


def completer_from_settings(settings: Settings) -> OpenAICompleter | None:
    """The configured model: `OPENAI_API_KEY`, or `OPENAI_BASE_URL` alone for a local server
    that needs no key; None when neither is set (answers stay offline)."""
    key = settings.openai_api_key
    if key is None and settings.openai_base_url is None:
        return None
    from openai import AsyncOpenAI

    client = AsyncOpenAI(
        # Ollama, vLLM, LM Studio and llama.cpp take any key, or none: a placeholder is sent.
        api_key=key.get_secret_value() if key is not None else NO_KEY,
        base_url=settings.openai_base_url,
        timeout=settings.model_timeout,
        max_retries=0,  # the caller falls back to the offline answer instead of waiting
    )
    budget = Budget(settings.model_calls_per_hour, settings.model_daily_calls)
    return OpenAICompleter(
        client,
        settings.openai_model,
        settings.model_max_in_flight,
        settings.model_max_tokens,
        budget,
    )


def _seconds(limit: Any) -> float | None:
    """A client's time limit in seconds (a number, or an httpx Timeout's read limit)."""
    if isinstance(limit, int | float):
        return float(limit)
    read = getattr(limit, "read", None)
    return float(read) if isinstance(read, int | float) else None


def _answer_so_far(written: str) -> str | None:
    """The answer in a reply being written, or None while it may still be reasoning."""
    start = written.lstrip()
    if THOUGHT in written:
        return written.rsplit(THOUGHT, 1)[1].lstrip()
    if start.startswith(THINK) or THINK.startswith(start):
        return None  # inside <think>, or what has come so far may still become it
    return written
