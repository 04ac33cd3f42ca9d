"""The Teams app package: a valid manifest with the registry's commands, and two real icons."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from typing import Any

import pytest

from bot.settings import Settings
from bot.teams.package import PackageError, build_package
from handlers.commands import Commands, SlashCommand
from handlers.core import Shortcut
from handlers.help import socialbot_command
from handlers.people import Person
from handlers.views import Message, SharedMessage
from tests.teams.conftest import BOT_APP_ID, MANIFEST_SCHEMA


def _commands(*extra: str) -> Commands:
    commands = Commands()
    commands.add(socialbot_command(commands)[0])

    async def run(person: Person, text: str) -> Message:
        return Message(text)

    for name in extra:
        commands.add(SlashCommand(name, f"The {name} command", "[text]", run))
    return commands


def _open(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _manifest(settings: Settings, commands: Commands, **options: Any) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(
        _open(build_package(settings, commands, **options))["manifest.json"]
    )
    return manifest


def _pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGBA pixels of one of our (unfiltered, 8-bit RGBA) PNGs."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    chunks: dict[bytes, bytes] = {}
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) == crc
        chunks[kind] = chunks.get(kind, b"") + body
        offset += 12 + length
    width, height, depth, color_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, color_type) == (8, 6)
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 4 * width
    pixels = [
        raw[row * stride + 1 + 4 * x : row * stride + 5 + 4 * x]
        for row in range(height)
        for x in range(width)
    ]
    return width, height, pixels


def test_the_manifest_is_valid_against_the_teams_schema(make_settings: Any) -> None:
    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"), _commands()
    )

    errors = [error.message for error in MANIFEST_SCHEMA.iter_errors(manifest)]
    assert not errors, errors
    assert manifest["manifestVersion"] == "1.19"
    [bot] = manifest["bots"]
    assert bot["botId"] == BOT_APP_ID
    # review10a T6: the README describes the bot in group chats.
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert bot["commandLists"][0]["scopes"] == bot["scopes"]


def test_the_command_list_comes_from_the_registry(make_settings: Any) -> None:
    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"),
        _commands("report-mention", "guidelines", "surveys"),
    )

    [command_list] = manifest["bots"][0]["commandLists"]
    titles = [command["title"] for command in command_list["commands"]]
    # The words Teams users expect, for the commands that exist; no "announce" nor
    # "preferences" until those are registered; an aliased command is not listed twice.
    assert titles == ["report", "ask", "help", "socialbot", "surveys"]


def test_the_app_asks_for_consent_to_read_channel_messages(make_settings: Any) -> None:
    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"), _commands()
    )

    # Replies in the thread of a forwarded question then reach the bot without an @mention.
    consent = manifest["authorization"]["permissions"]["resourceSpecific"]
    assert consent == [{"name": "ChannelMessage.Read.Group", "type": "Application"}]
    assert manifest["webApplicationInfo"]["id"] == BOT_APP_ID
    assert manifest["webApplicationInfo"]["resource"]


def test_an_explicit_app_id_wins(make_settings: Any) -> None:
    other = "11111111-2222-3333-4444-555555555555"

    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"),
        _commands(),
        app_id=other,
    )

    assert manifest["bots"][0]["botId"] == other
    assert manifest["webApplicationInfo"]["id"] == other


def test_without_an_app_id_the_error_says_what_to_set(make_settings: Any) -> None:
    with pytest.raises(PackageError, match="MICROSOFT_APP_ID"):
        build_package(make_settings(), _commands())


def test_an_app_id_must_be_a_guid(make_settings: Any) -> None:
    with pytest.raises(PackageError, match="GUID"):
        build_package(make_settings(), _commands(), app_id="my-bot")


def test_more_commands_than_teams_lists_is_an_error(make_settings: Any) -> None:
    many = _commands(*(f"command{n}" for n in range(10)))

    with pytest.raises(PackageError, match="at most 10"):
        build_package(
            make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"), many
        )


def test_the_icons_are_the_sizes_teams_requires(make_settings: Any) -> None:
    files = _open(
        build_package(
            make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"), _commands()
        )
    )

    assert set(files) == {"manifest.json", "color.png", "outline.png"}
    width, height, color = _pixels(files["color.png"])
    assert (width, height) == (192, 192)
    assert len(set(color)) > 1
    width, height, outline = _pixels(files["outline.png"])
    assert (width, height) == (32, 32)
    # White on transparent only.
    assert set(outline) == {b"\xff\xff\xff\xff", b"\x00\x00\x00\x00"}


def test_each_shortcut_is_a_message_action_and_the_manifest_stays_valid(
    make_settings: Any,
) -> None:
    async def run(person: Person, shared: SharedMessage) -> Message:
        return Message("ok")

    shortcuts = [
        Shortcut("report_message", "Report to social media manager", "Flag a message", run)
    ]

    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"),
        _commands("report-mention"),
        shortcuts=shortcuts,
    )

    errors = [error.message for error in MANIFEST_SCHEMA.iter_errors(manifest)]
    assert not errors, errors
    assert manifest["composeExtensions"] == [
        {
            "botId": BOT_APP_ID,
            "commands": [
                {
                    "id": "report_message",
                    "type": "action",
                    "title": "Report to social media manager",
                    "description": "Flag a message",
                    "context": ["message"],
                    "fetchTask": True,
                }
            ],
        }
    ]


def test_without_shortcuts_there_is_no_message_extension(make_settings: Any) -> None:
    manifest = _manifest(
        make_settings(microsoft_app_id=BOT_APP_ID, microsoft_app_password="s3cret"), _commands()
    )

    assert manifest["composeExtensions"] == []
    assert not list(MANIFEST_SCHEMA.iter_errors(manifest))
