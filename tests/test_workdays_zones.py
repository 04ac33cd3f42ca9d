"""Which office's holidays and workweek a person's time zone takes, whatever tz data the
machine has."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest

from handlers import workdays

CACHED = (workdays._rules, workdays._countries_own, workdays.office_of)


@pytest.fixture
def tz_data_of_2022(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """tz data as since 2022 (the tzdata package, some systems): Copenhagen compiled as
    Berlin; Calcutta, an old name, as Kolkata."""
    compiled = {"Europe/Berlin": "Europe/Berlin", "Europe/Copenhagen": "Europe/Berlin"}
    compiled |= {"Asia/Kolkata": "Asia/Kolkata", "Asia/Calcutta": "Asia/Kolkata"}
    for name, like in compiled.items():
        rules = workdays._tz_file(like)
        assert rules is not None
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(rules)
    (tmp_path / "zone.tab").write_text(
        "# country zone table\nDE\t+5230+01322\tEurope/Berlin\n"
        "DK\t+5540+01235\tEurope/Copenhagen\nIN\t+2232+08822\tAsia/Kolkata\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(zoneinfo, "TZPATH", (str(tmp_path),))
    for cached in CACHED:
        cached.cache_clear()
    yield
    for cached in CACHED:
        cached.cache_clear()


@pytest.mark.usefixtures("tz_data_of_2022")
def test_two_countries_zones_compiled_alike_are_not_one_office() -> None:
    # review11c R2: matched by their rules alone, people in Berlin took Denmark's holidays and
    # workweek (SOCIALBOT_HOLIDAYS=Europe/Copenhagen=DK).
    keys = ("Europe/Copenhagen", "Asia/Kolkata")
    assert workdays.office_of(keys, "Europe/Berlin") == frozenset()
    assert workdays.office_of(keys, "Asia/Calcutta") == {"Asia/Kolkata"}
    assert workdays.office_of(keys, "Europe/Copenhagen") == {"Europe/Copenhagen"}
