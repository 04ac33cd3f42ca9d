"""The insights chart as a PNG: drawn with matplotlib's Agg backend, imported only here and
only when a chart is drawn (the command line stays quick to start).

Readable at chat size and in dark mode: a dark card of its own (so light and dark chat themes
both show it the same), large type, colours told apart by people with colour blindness.
"""

from __future__ import annotations

import asyncio
import ctypes
import io
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from content_feed.compose import NETWORK_NAMES
from handlers.insights.figures import NETWORK_KEYS, Figures
from handlers.texts import text_for

if TYPE_CHECKING:
    from PIL import Image

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 100  # 800 x 450 pixels: a chat preview's width
SIZE = (int(WIDTH_IN * DPI), int(HEIGHT_IN * DPI))
BACKGROUND = "#1f2430"
INK = "#e8eaf0"
GRID = "#3a4150"
# Okabe-Ito colours: distinct with every kind of colour blindness, bright on the dark card.
COLOURS = {"linkedin": "#56B4E9", "x": "#E69F00", "facebook": "#009E73"}
RATE_COLOUR = "#F0E442"
LABELS = {network.value: name for network, name in NETWORK_NAMES.items()}
PALETTE_COLOURS = 32  # quantised: a small file that still fits in a Teams card
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


@dataclass(frozen=True)
class Chart:
    """A drawn chart: the PNG, its pixel size, and a text alternative with the numbers."""

    png: bytes
    width: int
    height: int
    alt: str


def alt_text(figures: Figures, language: str = "en") -> str:
    """The chart's numbers in words in `language`, for screen readers and for whoever cannot
    see images."""
    days = figures.chart_days
    totals = {key: sum(d.by_network[key] for d in days) for key in NETWORK_KEYS}
    busiest = max(days, key=lambda d: d.total, default=None)
    networks = ", ".join(f"{LABELS[key]} {totals[key]}" for key in NETWORK_KEYS)
    rates = ", ".join(week.percent(language) for week in figures.weekly)
    text = (
        text_for(
            "chart_alt_days",
            language,
            first=days[0].day.isoformat(),
            last=days[-1].day.isoformat(),
            total=sum(totals.values()),
            networks=networks,
        )
        if days
        else text_for("chart_alt_no_days", language)
    )
    if busiest is not None and busiest.total:
        day = busiest.day.isoformat()
        text += text_for("chart_alt_busiest", language, day=day, total=busiest.total)
    return text_for("chart_alt_weekly", language, days=text, rates=rates)


def _day(day: date, language: str) -> str:
    """A day as the chart's axis shows it in `language`: "03 Dec", "03 dec."."""
    return f"{day.day:02d} {text_for('month_abbr', language).split(',')[day.month - 1]}"


def draw(figures: Figures, language: str = "en") -> Chart:
    """Shares per day by network (stacked bars) over the weekly participation rate (a line),
    its words in `language`."""
    from matplotlib.figure import Figure  # Agg through Figure: no pyplot, no GUI, thread-safe
    from PIL import Image

    days = figures.chart_days
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor=BACKGROUND)
    shares, rate = figure.subplots(2, 1, gridspec_kw={"height_ratios": (3, 1.3), "hspace": 0.55})
    for axes in (shares, rate):
        axes.set_facecolor(BACKGROUND)
        axes.tick_params(colors=INK, labelsize=11)
        for spine in axes.spines.values():
            spine.set_color(GRID)
        axes.grid(axis="y", color=GRID, linewidth=0.8)
        axes.set_axisbelow(True)
    positions = list(range(len(days)))
    bottom = [0] * len(days)
    for key in NETWORK_KEYS:
        heights = [d.by_network[key] for d in days]
        shares.bar(positions, heights, bottom=bottom, color=COLOURS[key], label=LABELS[key],
                   width=0.85)  # fmt: skip
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    shares.set_title(
        text_for("chart_shares", language, days=len(days), total=sum(bottom)),
        color=INK, fontsize=13, loc="left",
    )  # fmt: skip
    ticks = positions[:: max(1, len(days) // 8)]
    shares.set_xticks(ticks, [_day(days[i].day, language) for i in ticks])
    shares.set_xlim(-0.6, len(days) - 0.4)
    shares.yaxis.get_major_locator().set_params(integer=True)
    shares.set_ylim(0, max(1, shares.get_ylim()[1]))  # no share yet: 0 to 1, not -0.04 to 0.04
    legend = shares.legend(
        loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=11, frameon=False, ncols=3,
        handlelength=1.0, columnspacing=1.0, borderaxespad=0.1,
    )  # fmt: skip
    for text in legend.get_texts():
        text.set_color(INK)
    weeks = figures.weekly
    # A week nobody got a digest is a gap in the line (NaN), not a fall to 0%.
    rate.plot(range(len(weeks)), [math.nan if w.rate is None else w.rate * 100 for w in weeks],
              color=RATE_COLOUR, marker="o", linewidth=2.5)  # fmt: skip
    rate.set_ylim(0, 100)
    rate.set_yticks([0, 50, 100], [text_for("percent", language, n=n) for n in (0, 50, 100)])
    rate.set_xticks(range(len(weeks)), [_day(w.end, language) for w in weeks], fontsize=10)
    last = weeks[-1] if weeks else None
    this_week = (
        text_for(
            "chart_this_week",
            language,
            percent=last.percent(language),
            shared=last.shared,
            reached=last.reached,
        )
        if last
        else "-"
    )
    rate.set_title(
        text_for("chart_weekly", language, this_week=this_week),
        color=INK, fontsize=12, loc="left",
    )  # fmt: skip
    drawn = io.BytesIO()
    figure.savefig(drawn, format="png", facecolor=BACKGROUND)
    image = Image.open(io.BytesIO(drawn.getvalue())).convert("RGB")
    small = io.BytesIO()
    _few_colours(image).save(small, format="PNG", optimize=True)
    return Chart(small.getvalue(), image.width, image.height, alt_text(figures, language))


def _few_colours(image: Image.Image) -> Image.Image:
    """`image` in a palette of a few colours (a fraction of the bytes, which Teams' message
    limit needs) that holds the card's and each series' own colours exactly: quantised
    alone, the legend's small swatches of a week with no bars merged into one colour."""
    from PIL import Image, ImageColor

    own = [BACKGROUND, INK, GRID, *COLOURS.values(), RATE_COLOUR]
    rest = PALETTE_COLOURS - len(own)
    shades = (image.quantize(rest).getpalette() or [])[: 3 * rest]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in own for v in ImageColor.getrgb(colour)] + shades)
    return image.quantize(palette=palette, dither=Image.Dither.NONE)


def _end_with(bot: int) -> None:
    """In the drawing process: end when the bot's process `bot` does, however it ends. A bot
    killed outright (SIGKILL, the OOM killer) left it waiting for work for ever, ~85 MB each
    time. Linux kills it at once (PR_SET_PDEATHSIG, set before anything else, so the stops it
    ignores next come after; it fires when the thread that started it ends: the bot's loop,
    in its main thread); elsewhere a thread looks for the bot once a second."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != bot:  # it had already ended before the line above
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == bot:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="end with the bot", daemon=True).start()


def _leave_stopping_to_the_bot(bot: int) -> None:
    """In the drawing process: SIGTERM and SIGINT are the bot's to answer. Sent to the whole
    process group (systemd's KillMode=control-group, Ctrl-C in a terminal, `timeout`), they
    killed the drawing under the bot, which logged a BrokenProcessPool traceback at every such
    stop (review12b D9); the drawing ends with the bot instead (`_end_with`)."""
    _end_with(bot)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, signal.SIG_IGN)


async def draw_apart(figures: Figures, language: str = "en") -> Chart:
    """`draw` (in `language`) in a process of its own, for the running bot: importing
    matplotlib and drawing hold the interpreter for long stretches, which in a thread would
    stall the event loop."""
    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_leave_stopping_to_the_bot,
        initargs=(os.getpid(),),
    )
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, draw, figures, language)
    finally:
        pool.shutdown(wait=False)
