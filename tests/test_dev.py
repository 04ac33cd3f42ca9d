"""`python3 ./dev.py`: no reinstall once installed, and a failed install in one line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dev


def test_an_install_without_dev_tools_is_recognised(tmp_path: Path) -> None:
    stamp = tmp_path / "stamp"
    stamp.write_text(dev.wanted_stamp("") + "\n")  # as ensure_venv writes it for `run`
    assert dev.up_to_date(stamp, with_dev=False)
    assert not dev.up_to_date(stamp, with_dev=True)
    stamp.write_text(dev.wanted_stamp("dev") + "\n")
    assert dev.up_to_date(stamp, with_dev=False)
    stamp.write_text("an older pyproject.toml\n")
    assert not dev.up_to_date(stamp, with_dev=False)


def test_a_failed_install_is_one_line(tmp_path: Path) -> None:
    shutil.copy(dev.ROOT / "dev.py", tmp_path)
    shutil.copy(dev.ROOT / "pyproject.toml", tmp_path)
    # A venv whose pip cannot reach any package index (as offline).
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(
        "#!/bin/sh\necho 'ERROR: No matching distribution found for click' >&2\nexit 1\n"
    )
    python.chmod(0o755)
    result = subprocess.run(
        [sys.executable, str(tmp_path / "dev.py"), "run"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Could not install socialbot into")
    assert not (tmp_path / ".venv" / ".socialbot-installed").exists()
