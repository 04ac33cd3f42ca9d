"""Set up the checkout's virtual environment and run the bot or its checks.

Needs nothing but Python 3.11+. Two commands cover the quick start:

    python3 ./dev.py run      # install into .venv if needed, then `socialbot run`
    python3 ./dev.py test     # install with the dev tools if needed, then ruff, mypy and pytest

Any further arguments go to `socialbot` (after `run`) or to pytest (after `test`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".socialbot-installed"


def wanted_stamp(extras: str) -> str:
    """A fingerprint of what the venv should hold: the project metadata and the extras."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {extras}".strip()


def up_to_date(stamp: Path, with_dev: bool) -> bool:
    """Whether the install recorded in `stamp` serves `run` (or `test`, `with_dev`)."""
    installed = stamp.read_text().strip() if stamp.exists() else ""
    # A venv installed with the dev extras also serves `run`.
    wanted = {wanted_stamp("dev")} if with_dev else {wanted_stamp(""), wanted_stamp("dev")}
    return installed in wanted


def ensure_venv(with_dev: bool) -> None:
    """Create .venv and install the project into it, unless it is already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is at hand
        sys.exit(f"socialbot needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if up_to_date(STAMP, with_dev):
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(f"Could not create .venv: {error} (Debian/Ubuntu: apt install python3-venv)")
    print("Installing socialbot and its dependencies into .venv ...", flush=True)
    extras = "dev" if with_dev else ""
    target = f".[{extras}]" if extras else "."
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if subprocess.run([*pip, "-e", target], cwd=ROOT).returncode != 0:
        sys.exit(
            "Could not install socialbot into .venv (pip's message is above; offline? A package"
            " index or a proxy must be reachable for the first install)."
        )
    STAMP.write_text(wanted_stamp(extras) + "\n")


def run_checks(pytest_args: list[str]) -> int:
    """Lint, type-check and test; stop at the first step that fails."""
    steps = [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "ruff"), "format", "--check", "."],
        [str(BIN / "mypy")],
        # One worker per core (pytest-xdist); a test file stays on one worker; files go out in
        # the order tests/conftest.py sorts them (the slowest first).
        [
            str(PYTHON),
            "-m",
            "pytest",
            "-q",
            "-n",
            "auto",
            "--dist",
            "loadfile",
            "--no-loadscope-reorder",
            *pytest_args,
        ],
    ]
    # The tests start `socialbot` some 75 times: where PYTHONDONTWRITEBYTECODE is set (python's
    # Docker images, the shell the suite is timed in) each start compiled the project's modules
    # again, 0.3 s of CPU, over 20 s of a run. The checks write the bytecode (__pycache__/,
    # which git ignores) so that only the first start compiles them.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    for step in steps:
        print("$", " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)))
        code = subprocess.run(step, cwd=ROOT, env=env).returncode
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    """Dispatch `run` or `test`."""
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "test":
        ensure_venv(with_dev=True)
        return run_checks(rest)
    ensure_venv(with_dev=False)
    socialbot = str(BIN / ("socialbot.exe" if os.name == "nt" else "socialbot"))
    if os.name == "nt":
        return subprocess.run([socialbot, "run", *rest]).returncode
    # Replace this process so that signals (Ctrl-C, SIGTERM) reach the bot itself.
    os.execv(socialbot, [socialbot, "run", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
