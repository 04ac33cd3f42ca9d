"""A bot drawing a chart that never ends, for the test that kills it: `python -m
tests.insights.drawing_bot`."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from handlers.insights import chart


def draw_for_ever(figures: Any, language: str) -> None:
    """In the drawing process: a drawing still going on when the bot is killed."""
    time.sleep(600)


if __name__ == "__main__":
    from tests.insights.drawing_bot import draw_for_ever as drawn_apart  # by its module's name

    chart.draw = drawn_apart  # type: ignore[assignment]
    asyncio.run(chart.draw_apart(None))  # type: ignore[arg-type]
