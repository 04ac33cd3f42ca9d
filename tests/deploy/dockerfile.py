"""The Dockerfile read as data, so the tests run what the image runs, as the image runs it."""

from __future__ import annotations

import json
import re
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


def copied_from_the_context() -> list[str]:
    """The paths the Dockerfile's COPY instructions take from the build context (not those
    copied from another stage)."""
    return [
        source
        for name, arguments in instructions()
        if name == "COPY" and not arguments.startswith("--from=")
        for source in shlex.split(arguments)[:-1]
    ]


def _pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern as Go's filepath.Match reads it, with `**` for any folders."""
    parts = re.split(r"(\*\*|\*|\?)", pattern)
    wild = {"**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(wild.get(part, re.escape(part)) for part in parts))


def in_the_build_context(path: str) -> bool:
    """Whether `path` (from the repository's root) reaches the build context through
    .dockerignore as Docker reads it: the last pattern that matches the path or a folder above
    it decides, a `!` pattern letting it back in."""
    folders = path.strip("/").split("/")
    kept = True
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pattern = _pattern(line.removeprefix("!").strip().strip("/"))
        if any(pattern.fullmatch("/".join(folders[:n])) for n in range(1, len(folders) + 1)):
            kept = line.startswith("!")
    return kept
