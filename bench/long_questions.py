"""How long a guideline question takes, and how long it stalls the event loop, by its length.

    .venv/bin/python bench/long_questions.py                        # 200 to 40,000 characters
    .venv/bin/python bench/long_questions.py --sizes 2000 40000     # chosen lengths

Someone may paste a whole article into the bot's DM (Slack allows 40,000 characters). The
question is answered offline from the bundled guidelines with the default embedding model, as
`socialbot run` does, while a heartbeat task asks to wake every 10 ms: the longest gap between
its wake-ups is the longest a Slack acknowledgement or `/healthz` would have waited. Printed per
length, for prose and for one 'word' without spaces: the answer's wall time, the longest stall,
the characters the answer read (the question is cut) and its verdict.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loop_stalls import Heartbeat  # noqa: E402
from bot.settings import DEFAULT_GUIDELINES  # noqa: E402
from bot.wiring import open_core_database  # noqa: E402
from handlers.guidelines.service import GuidelinesQA  # noqa: E402

PROSE = "Our team had a party at the office and we took photos of everyone. Can I post them? "


async def main(sizes: list[int]) -> None:
    """Answer each length of prose and of 'x's, printing the figures."""
    qa = GuidelinesQA(open_core_database(None), DEFAULT_GUIDELINES)
    qa.prepare()
    heartbeat = Heartbeat()
    for size in sizes:
        # Each question its own start: the question vectors of the one before are cached.
        prose = (f"{size} " + PROSE * (size // len(PROSE) + 1))[:size]
        for kind, question in (("prose", prose), ("xxx", f"{size}" + "x" * size)):
            answer = await heartbeat.measure(f"{kind} {size:,} chars", qa.answer(question))
            print(f"{'':44} read {len(answer.question):,} chars, {answer.verdict}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2_000, 10_000, 40_000])
    asyncio.run(main(parser.parse_args().sizes))
