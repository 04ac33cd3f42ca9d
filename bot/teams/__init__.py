"""Microsoft Teams through botbuilder 4.17, kept thin so a move to the Agents SDK stays small."""

from bot.teams.bot import TeamsBot
from bot.teams.conversations import migrations
from bot.teams.gateway import TeamsGateway
from bot.teams.package import PackageError, build_package

__all__ = ["PackageError", "TeamsBot", "TeamsGateway", "build_package", "migrations"]
