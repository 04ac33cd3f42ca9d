"""The chart is readable in a light and a dark chat theme alike: an opaque dark card of its own,
whose text and series stand out from it (WCAG contrast: 4.5:1 for text, 3:1 for graphics)."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from PIL import Image

from bot.app import build_runtime
from handlers.insights import chart as charts
from handlers.insights.figures import compute
from tests.conftest import SettingsFactory
from tests.insights.conftest import END, ZONE, fill

RGB = tuple[int, ...]


def _rgb(colour: str | RGB) -> RGB:
    return (
        tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) if isinstance(colour, str) else colour
    )


def _distance(a: str | RGB, b: str | RGB) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b), strict=True)) ** 0.5)


def _luminance(colour: str | RGB) -> float:
    """WCAG relative luminance of "#rrggbb" or an RGB triple."""
    rgb = _rgb(colour)
    linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str | RGB, b: str | RGB) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_chart_is_a_dark_card_whose_ink_and_series_stand_out(
    make_settings: SettingsFactory,
) -> None:
    runtime = build_runtime(make_settings(timezone=ZONE), in_memory=True)
    fill(runtime.db)
    chart = charts.draw(compute(runtime.db, END, 7, ZoneInfo(ZONE)))

    with Image.open(io.BytesIO(chart.png)) as png:
        assert "A" not in png.getbands() and "transparency" not in png.info  # opaque
        pixels = png.convert("RGB")
        used = [c for _, c in pixels.getcolors(256) or () if isinstance(c, tuple)]
        corners = {pixels.getpixel((x, y)) for x in (0, 799) for y in (0, 449)}
    (corner,) = corners
    assert isinstance(corner, tuple)
    assert _distance(corner, charts.BACKGROUND) < 8  # the card's own background, not white
    assert _luminance(corner) < 0.05  # dark: the same card in either theme
    assert _contrast(charts.INK, charts.BACKGROUND) >= 4.5
    for colour in (*charts.COLOURS.values(), charts.RATE_COLOUR):
        assert _contrast(colour, charts.BACKGROUND) >= 3.0, colour
        # Each series is drawn in a colour close to its own (the palette is quantised).
        assert min(_distance(colour, seen) for seen in used) < 24, colour


def test_an_empty_week_keeps_each_network_its_own_colour(make_settings: SettingsFactory) -> None:
    # review11a M5: with no bars, the palette merged the LinkedIn and Facebook swatches.
    runtime = build_runtime(make_settings(timezone=ZONE), in_memory=True)
    chart = charts.draw(compute(runtime.db, END, 7, ZoneInfo(ZONE)))

    with Image.open(io.BytesIO(chart.png)) as png:
        used = [c for _, c in png.convert("RGB").getcolors(256) or () if isinstance(c, tuple)]
    for colour in charts.COLOURS.values():
        assert _rgb(colour) in used, colour  # the legend's swatch, exactly
