"""The Teams app package (manifest and two icons, zipped), built from the live command registry."""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from bot import __version__
from bot.settings import Settings
from handlers.command_words import command_words
from handlers.commands import Commands
from handlers.core import Shortcut

MANIFEST_VERSION = "1.19"
MANIFEST_SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
SCOPES = ["personal", "team", "groupChat"]  # group chats: @mention it there, as in a channel
# Resource-specific consent to read a team's channel messages: with it Teams sends the bot every
# channel post, so a reply in the thread of a forwarded question reaches it without an @mention.
CHANNEL_MESSAGES = {"name": "ChannelMessage.Read.Group", "type": "Application"}
MAX_COMMANDS = 10  # per command list, Teams' limit
ACCENT = (0x1D, 0x35, 0x57)
WEBSITE = "https://example.com/socialbot"

# A version as Teams takes it (semver's MAJOR.MINOR.PATCH) and the start of the build count.
VERSION = re.compile(r"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")
_BUILDS_SINCE = datetime(2025, 1, 1, tzinfo=UTC)
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")

Rgba = tuple[int, int, int, int]


class PackageError(Exception):
    """The package cannot be built as asked; the message says what to change."""


def compose_extensions(app_id: str, shortcuts: Iterable[Shortcut]) -> list[dict[str, Any]]:
    """One message-extension action per core shortcut, on a message's `…` menu, as a dialog."""
    commands = [
        {
            "id": shortcut.shortcut_id,
            "type": "action",
            "title": shortcut.name[:32],
            "description": shortcut.description[:128],
            "context": ["message"],
            "fetchTask": True,
        }
        for shortcut in shortcuts
    ]
    if len(commands) > MAX_COMMANDS:
        raise PackageError(
            f"Teams offers at most {MAX_COMMANDS} actions; there are {len(commands)}"
        )
    return [{"botId": app_id, "commands": commands}] if commands else []


def manifest(
    app_id: str,
    commands: Commands,
    version: str,
    website: str = WEBSITE,
    shortcuts: Iterable[Shortcut] = (),
) -> dict[str, Any]:
    """The app manifest: one bot in personal and team scope, commands from the registry, and
    consent to read channel messages."""
    words = [word for word in command_words(commands) if word.listed]
    if len(words) > MAX_COMMANDS:
        raise PackageError(f"Teams lists at most {MAX_COMMANDS} commands; there are {len(words)}")
    command_list = [{"title": w.word[:32], "description": w.description[:128]} for w in words]
    base = website.rstrip("/")
    return {
        "$schema": MANIFEST_SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": "socialbot",
            "websiteUrl": base,
            "privacyUrl": f"{base}/privacy",
            "termsOfUseUrl": f"{base}/terms",
        },
        "name": {"short": "socialbot", "full": "socialbot: our social media guidelines"},
        "description": {
            "short": "Our social media guidelines, in daily practice",
            "full": (
                "socialbot sends a short morning digest of company news with ready-made posts "
                "and one-click share buttons, takes reports of negative mentions to the social "
                "media team, and answers questions about our social media guidelines."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [
            {
                "botId": app_id,
                "scopes": SCOPES,
                "isNotificationOnly": False,
                "supportsFiles": False,
                "commandLists": [{"scopes": SCOPES, "commands": command_list}],
            }
        ],
        "composeExtensions": compose_extensions(app_id, shortcuts),
        "permissions": ["identity", "messageTeamMembers"],
        # Consent needs the app's Entra id here; Teams ignores `resource` but refuses it empty.
        "webApplicationInfo": {"id": app_id, "resource": base},
        "authorization": {"permissions": {"resourceSpecific": [CHANNEL_MESSAGES]}},
        "validDomains": [],
    }


def build_package(
    settings: Settings,
    commands: Commands,
    *,
    app_id: str | None = None,
    website: str = WEBSITE,
    shortcuts: Iterable[Shortcut] = (),
    version: str = "",
) -> bytes:
    """The zip to upload to Teams; `app_id` overrides MICROSOFT_APP_ID, `version` the
    version a build gets now (`package_version`)."""
    if version and not VERSION.match(version):
        raise PackageError(f"{version!r} is not a version Teams takes: write it as 2.0.0")
    bot_id = app_id or settings.microsoft_app_id
    if not bot_id:
        raise PackageError(
            "The Teams package needs the bot's Microsoft App ID:"
            " set MICROSOFT_APP_ID or pass --app-id"
        )
    if not _GUID.match(bot_id):
        raise PackageError(f"{bot_id!r} is not a Microsoft App ID (a GUID such as 0000…-…)")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        drawn = manifest(
            bot_id,
            commands,
            version or package_version(datetime.now(UTC)),
            website=website,
            shortcuts=shortcuts,
        )
        body = json.dumps(drawn, indent=2)
        package.writestr("manifest.json", body + "\n")
        package.writestr("color.png", color_icon())
        package.writestr("outline.png", outline_icon())
    return buffer.getvalue()


def package_version(now: datetime) -> str:
    """The version of a package built at `now`: the release's major and minor, then the
    minutes since 2025 as the patch, so every package is higher than those built before it
    and Teams takes it as an update of the app (it refuses an equal or lower version)."""
    major, minor = (int(part) for part in __version__.split(".")[:2])
    built = max(0, int((now - _BUILDS_SINCE).total_seconds() // 60))
    return f"{major}.{minor}.{built}"


# -- icons: drawn in code so the package needs no image library and no binary files ------------


def png(width: int, height: int, pixel: Callable[[float, float], Rgba]) -> bytes:
    """An RGBA PNG whose pixel at (x, y) (centre-based, 0..1) is `pixel(x, y)`."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel((x + 0.5) / width, (y + 0.5) / height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def _in_bubble(x: float, y: float, thickness: float = 1.0) -> bool:
    """A speech bubble: a circle with a tail at the bottom left (`thickness` < 1: a ring)."""
    distance = ((x - 0.5) ** 2 + (y - 0.47) ** 2) ** 0.5
    tail = 0.2 < x < 0.38 and 0.7 < y < 0.86 and (x - 0.2) > (y - 0.7) * 0.9
    inside = distance < 0.32 or tail
    return inside and (thickness >= 1.0 or distance > 0.32 - thickness or tail)


def _on_dot(x: float, y: float) -> bool:
    return any(((x - cx) ** 2 + (y - 0.47) ** 2) ** 0.5 < 0.045 for cx in (0.37, 0.5, 0.63))


def color_icon() -> bytes:
    """The 192x192 full-colour icon: a white speech bubble on the accent colour."""
    white, accent = (255, 255, 255, 255), (*ACCENT, 255)

    def pixel(x: float, y: float) -> Rgba:
        return accent if _on_dot(x, y) or not _in_bubble(x, y) else white

    return png(192, 192, pixel)


def outline_icon() -> bytes:
    """The 32x32 outline icon: white on transparent, as Teams requires."""

    def pixel(x: float, y: float) -> Rgba:
        white = _in_bubble(x, y, thickness=0.07) or _on_dot(x, y)
        return (255, 255, 255, 255) if white else (0, 0, 0, 0)

    return png(32, 32, pixel)
