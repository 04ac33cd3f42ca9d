"""The Slack app manifest, built from the same registry the listeners are registered from."""

from __future__ import annotations

from typing import Any

import yaml

from bot.environment import without_endpoint
from handlers.assistant import AssistantPane
from handlers.core import Core

ASSISTANT_DESCRIPTION = (
    "Answers questions about our social media guidelines, checks a post before you publish "
    "it, and takes reports of negative mentions to the social media team."
)

# Channel messages are read only to hear replies in the threads of the bot's own messages.
BOT_EVENTS = [
    "app_home_opened",
    "app_mention",
    "assistant_thread_context_changed",  # the assistant pane (a paid Slack plan feature)
    "assistant_thread_started",
    "message.channels",
    "message.groups",
    "message.im",
    "user_change",  # a traveller's new time zone at once (users:read)
]
BOT_SCOPES = [
    "app_mentions:read",
    "assistant:write",  # the assistant pane's status, title and suggested prompts
    "channels:history",  # delivery recovery looks for a message it may have posted
    "channels:read",  # announcements: a typed #name, and whether the bot is in a chosen channel
    "chat:write",
    "commands",
    "files:read",  # a screenshot sent to the bot in a DM, copied to the team's channel
    "files:write",  # the insights' chart, uploaded with its message; that copy
    "groups:history",
    "groups:read",  # the same for private channels the bot is in
    "im:history",
    "im:write",
    "usergroups:read",  # members of the user groups named in the role settings
    "users:read",
]


def manifest(core: Core, request_url: str | None = None) -> dict[str, Any]:
    """The manifest for Socket Mode, or for HTTP when `request_url` (the bot's base URL, or its
    Request URL ending in /slack/events) is set."""
    base = without_endpoint(request_url)[0].rstrip("/") if request_url else None
    events_url = f"{base}/slack/events" if base else None
    slash_commands = []
    for command in core.commands:
        entry: dict[str, Any] = {
            "command": command.slash,
            "description": command.summary[:100],
            "usage_hint": command.usage[:100],
            "should_escape": False,
        }
        if events_url:
            entry["url"] = events_url
        slash_commands.append(entry)
    shortcuts = [
        {
            "name": shortcut.name[:24],
            "type": "message",
            "callback_id": shortcut.shortcut_id,
            "description": shortcut.description[:150],
        }
        for shortcut in core.shortcuts.values()
    ]
    event_subscriptions: dict[str, Any] = {"bot_events": BOT_EVENTS}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if events_url:
        event_subscriptions["request_url"] = events_url
        interactivity["request_url"] = events_url
    return {
        "display_information": {
            "name": "socialbot",
            "description": "Our social media guidelines, in daily practice",
            "long_description": (
                "socialbot sends a short morning digest of company news with ready-made posts "
                "and one-click share buttons, takes reports of negative mentions to the social "
                "media team, and answers questions about our social media guidelines."
            ),
            "background_color": "#1d3557",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": "socialbot", "always_online": True},
            "assistant_view": {
                "assistant_description": ASSISTANT_DESCRIPTION,
                "suggested_prompts": [
                    {"title": prompt.title, "message": prompt.message}
                    for prompt in AssistantPane(core).default_prompts()
                ],
            },
            "slash_commands": slash_commands,
            **({"shortcuts": shortcuts} if shortcuts else {}),
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": {
            "event_subscriptions": event_subscriptions,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": events_url is None,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(core: Core, request_url: str | None = None) -> str:
    """The manifest as YAML, ready to paste into "Create an app from a manifest"."""
    return yaml.safe_dump(manifest(core, request_url), sort_keys=False, allow_unicode=True)
