"""The OpenAI-compatible chat model behind guideline answers, built from the settings."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:  # openai takes a second to import: only when a key is set
    from openai import AsyncOpenAI


class OpenAICompleter:
    """A `TextModel` over any OpenAI-compatible `/v1/chat/completions` server."""

    def __init__(self, client: AsyncOpenAI, model: str) -> None:
        self.client = client
        self.model = model

    async def complete(self, system: str, user: str) -> str:
        """The model's reply to one system and one user message."""
        response = await self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            temperature=0,
        )
        return response.choices[0].message.content or ""

    async def stream(self, system: str, user: str) -> AsyncGenerator[str, None]:
        """The model's reply to one system and one user message, in pieces as it is written."""
        # Closed however the caller stops (done, out of time, failed): no response left open.
        async with await self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            temperature=0,
            stream=True,
        ) as chunks:
            async for chunk in chunks:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content

    async def aclose(self) -> None:
        """Close the client's connection pool (at shutdown, on the loop that used it)."""
        await self.client.close()


def completer_from_settings(settings: Settings, timeout: float = 8.0) -> OpenAICompleter | None:
    """The configured model, or None when no `OPENAI_API_KEY` is set (answers stay offline)."""
    if settings.openai_api_key is None:
        return None
    from openai import AsyncOpenAI

    client = AsyncOpenAI(
        api_key=settings.openai_api_key.get_secret_value(),
        base_url=settings.openai_base_url,
        timeout=timeout,
        max_retries=0,  # the caller falls back to the offline answer instead of waiting
    )
    return OpenAICompleter(client, settings.openai_model)
