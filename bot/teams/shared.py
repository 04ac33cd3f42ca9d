"""What people wrote in Teams, with its links: the message a message-extension action was
started on, as the core's `SharedMessage`, and a message's links that Teams' plain text drops.

Teams shows a pasted link as its page's title, or a Ctrl+K link as its label, and the plain
`text` it sends a bot keeps only that label: the link itself is in the message's HTML (the
`text/html` attachment of a message, the body of a message action's message)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from botbuilder.schema import Activity

from handlers.people import normal_id
from handlers.views import Attachment, SharedMessage

HTML = "text/html"  # the content type of the HTML copy Teams attaches to a message
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_ANCHOR = re.compile(
    r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
_WEB = ("http://", "https://")
# A file sent in a chat, stored in OneDrive or SharePoint: `contentUrl` opens it for those it is
# shared with; a message action's message names such a file "reference".
FILE = "application/vnd.microsoft.teams.file.download.info"
_FILE_KINDS = (FILE, "reference")
_IMAGE_NAME = re.compile(r"\.(png|jpe?g|gif|webp|heic|bmp)$", re.IGNORECASE)


def _words(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", markup)).split())


def _bare(url: str) -> str:
    """A link as people write it: no scheme, no `www.`, no trailing slash."""
    url = url.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return url.rstrip("/")


def _linked(label: str, href: str) -> str:
    """A link as words: its address, then its label when the label is not the address (the
    address first, as `report <link> …` wants it)."""
    if not label or _bare(label) == _bare(href):
        return href
    return f"{href} ({label})"


def links(markup: str) -> list[tuple[str, str]]:
    """The web links in Teams' message HTML: (the label people see, the address)."""
    found = []
    for match in _ANCHOR.finditer(markup):
        href = html.unescape(match.group(1) or match.group(2) or "").strip()
        if href.lower().startswith(_WEB):
            found.append((_words(match.group(3)), href))
    return found


def with_links(text: str, found: Iterable[tuple[str, str]]) -> str:
    """`text` with the addresses of the links `found` in its HTML put back: where the label
    people saw is, each after the one before (two links of one title are two places), or at
    the end when the label is not in the text; an address already written out is not
    repeated."""
    done, left, unplaced = "", text, []
    for label, href in found:
        if href in text:
            continue
        shown = re.search(rf"(?<!\w){re.escape(label)}(?!\w)", left) if label else None
        if shown is None:
            unplaced.append(href)
            continue
        done += f"{left[: shown.start()]}{_linked(label, href)}"
        left = left[shown.end() :]
    return " ".join([f"{done}{left}", *unplaced]).strip()


def message_html(activity: Activity) -> str:
    """The HTML copy of a message's text Teams attaches, or ""."""
    for attachment in activity.attachments or []:
        if (attachment.content_type or "").lower() == HTML and isinstance(attachment.content, str):
            return attachment.content
    return ""


def plain_text(markup: str) -> str:
    """Teams' message HTML as plain text: tags out, entities decoded, one line per paragraph,
    each link's address with its label."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", markup)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return with_links("\n".join(line for line in lines if line), links(markup))


def _file(kind: str, url: Any, name: Any) -> Attachment | None:
    """A screenshot or file sent with a message, from one of its attachments: an inline image
    (`image/*`, which Teams serves to the bot) or a file (`_FILE_KINDS`); None for the rest
    (the message's HTML copy, cards)."""
    kind = kind.lower()
    image = kind.startswith("image/")
    if not (image or kind in _FILE_KINDS) or not isinstance(url, str) or not url.startswith(_WEB):
        return None
    named = str(name or "") or ("screenshot" if image else "file")
    return Attachment(named, url, image or bool(_IMAGE_NAME.search(named)))


def files_of(activity: Activity) -> tuple[Attachment, ...]:
    """The images and files sent with a message, as links (`contentUrl`): never downloaded
    (review11a M1)."""
    found = (_file(a.content_type or "", a.content_url, a.name) for a in activity.attachments or [])
    return tuple(file for file in found if file is not None)


def _channel_name(activity: Activity) -> str:
    """`#name` of the channel a message action was used in, as Teams names it; "" elsewhere
    (a chat), or when Teams gives no name (its id would mean nothing to the team)."""
    channel_data: dict[str, Any] = activity.channel_data or {}
    conversation = activity.conversation
    if conversation is None or conversation.conversation_type != "channel":
        return ""
    name = conversation.name or (channel_data.get("channel") or {}).get("name") or ""
    return f"#{name}" if name else ""


def shared_message(activity: Activity) -> SharedMessage:
    """The `messagePayload` of a `composeExtension/*` invoke from a message's `…` menu."""
    value: dict[str, Any] = activity.value if isinstance(activity.value, dict) else {}
    payload: dict[str, Any] = value.get("messagePayload") or {}
    body: dict[str, Any] = payload.get("body") or {}
    content = str(body.get("content") or "")
    kind = str(body.get("contentType") or "text").lower()
    if kind == "html":
        text = plain_text(content)
    elif kind == "text":
        text = content.strip()
    else:  # a card: Teams adds its text as `textContent`
        text = str(body.get("textContent") or "").strip()
    sender: dict[str, Any] = payload.get("from") or {}
    person: dict[str, Any] = sender.get("user") or {}
    who: dict[str, Any] = person or sender.get("application") or {}
    attached = payload.get("attachments")
    found = (
        _file(str(a.get("contentType") or ""), a.get("contentUrl"), a.get("name"))
        for a in (attached if isinstance(attached, list) else [])
        if isinstance(a, dict)
    )
    return SharedMessage(
        text=text,
        # A person by their Entra object id, as the bot knows them (review13c R5: a name
        # reached namesakes); an app's message by its name alone.
        author=normal_id(str(person.get("id") or "")),
        author_name=str(who.get("displayName") or ""),
        channel=_channel_name(activity),
        permalink=str(payload.get("linkToMessage") or ""),
        files=tuple(file for file in found if file is not None),
    )
