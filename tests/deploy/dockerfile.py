"""The Dockerfile read as data, so the tests run what the image runs, as the image runs it."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def instructions() -> list[tuple[str, str]]:
    """(instruction, arguments) of the Dockerfile, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def final(instruction: str) -> str:
    """The arguments of the last `instruction` (that of the image that ships)."""
    return [arguments for name, arguments in instructions() if name == instruction][-1]


def image_env() -> dict[str, str]:
    """The ENV of the image's final stage."""
    env: dict[str, str] = {}
    for instruction, arguments in instructions():
        if instruction == "FROM":
            env = {}
        elif instruction == "ENV":
            for pair in shlex.split(arguments):
                name, _, value = pair.partition("=")
                env[name] = value
    return env


def image_uid() -> int:
    """The numeric user the image runs as."""
    return int(final("USER").split(":")[0])


def healthcheck() -> list[str]:
    """The HEALTHCHECK's command (exec form)."""
    command: list[str] = json.loads(final("HEALTHCHECK").split(" CMD ", 1)[1])
    return command
