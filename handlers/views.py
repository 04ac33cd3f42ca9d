"""Neutral view models: what to show, never how a platform draws it.

Text uses a small markdown subset that every renderer understands: `**bold**`, `_italic_`,
`` `code` ``, `[label](https://link)` and lines starting with `- `. A backslash makes the next
of `\\ [ ] * _ `` ` `` a plain character. Text that did not come from the bot (people's notes and
names, reported links, feed titles) goes in through `untrusted` and links through `link`, so it
can never become a link, a disguised one above all: every renderer shows a link's host beside a
label that does not already show it (`shown_host`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Literal
from urllib.parse import quote, urlsplit

from content_feed.text import printable as printable  # where feed text is cleaned too

ESCAPABLE = "\\[]*_`"
# A link in our markdown; renderers find links with it (escaped brackets never match).
LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_ESCAPE = re.compile(r"([\\\[\]*_`])")
_ESCAPED = re.compile(r"\\([\\\[\]*_`])")
# Renderers see escaped characters as these private-use stand-ins, so no markdown rule of theirs
# can match them; each renderer then writes them back in its own literal form.
_STAND_IN = 0xE000
_STAND_INS = re.compile(f"[{chr(_STAND_IN)}-{chr(_STAND_IN + len(ESCAPABLE) - 1)}]")
# A moment in time inside our markdown (`moment`), which each renderer shows on its reader's own
# clock; text from people can never hold one (`untrusted` drops the marks).
_MOMENT = re.compile("\ue0f0(\\d+)\ue0f1")
_MOMENT_MARKS = {0xE0F0: None, 0xE0F1: None}
# Characters that would end or confuse a link's address in any renderer's syntax.
_URL_UNSAFE = "()[]<>|\\\"' `"
_HOST_END = re.compile(r"[/:?#\s]")  # where a host written at the start of a label ends


def untrusted(text: str) -> str:
    """Text from people or feeds as markdown that shows it literally: never a link or emphasis,
    and never a control character or bidirectional override that reorders what is around it."""
    return _ESCAPE.sub(r"\\\1", _STAND_INS.sub("", printable(text)).translate(_MOMENT_MARKS))


def moment(instant: float) -> str:
    """`instant` (Unix seconds) in markdown: each reader sees it in their own time zone (Slack
    and Teams draw it on the reader's device; the console in its person's zone)."""
    return f"\ue0f0{int(instant)}\ue0f1"


def moments(markdown: str, draw: Callable[[datetime], str]) -> str:
    """`markdown` with each `moment` in it drawn by `draw` from its UTC instant."""
    return _MOMENT.sub(lambda m: draw(datetime.fromtimestamp(int(m.group(1)), UTC)), markdown)


def in_zone(when: datetime, zone: tzinfo) -> str:
    """A moment as text for one zone: `Mon 07 Dec 2026 09:30 (Europe/Copenhagen)`."""
    return f"{when.astimezone(zone):%a %d %b %Y %H:%M} ({zone})"


def link(label: str, url: str) -> str:
    """A link to `url` labelled `label`, both untrusted; plain text unless `url` is http(s)."""
    try:
        parts = urlsplit(url.strip())
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        web = False
    if not web:
        return untrusted(label or url)
    # Percent-encoding keeps the address the same for the browser and unambiguous in markup.
    address = "".join(quote(c, safe="") if c in _URL_UNSAFE or c.isspace() else c for c in url)
    return f"[{untrusted(label or url)}]({address.strip()})"


def shown_host(label: str, url: str) -> str | None:
    """The host to show beside a link whose (plain) label does not already start with it."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    start = label.strip().lower().split("://", 1)[-1]
    # The label's leading host as a whole, so "microsoft.com/…" does not pass for microsoft.co.
    label_host = _HOST_END.split(start, 1)[0].removeprefix("www.")
    if not host or label_host == host.removeprefix("www."):
        return None
    return host


def unescape(markdown: str) -> str:
    """Markdown with its escaping backslashes removed, for places that show plain text."""
    return _ESCAPED.sub(r"\1", markdown)


def render_markdown(
    markdown: str, convert: Callable[[str], str], literal: Callable[[str], str]
) -> str:
    """`convert` applied to `markdown` with escaped characters hidden from it, each then
    written back as `literal` gives it: the one place a renderer handles untrusted text."""
    hidden = _ESCAPED.sub(
        lambda m: chr(_STAND_IN + ESCAPABLE.index(m.group(1))), _STAND_INS.sub("", markdown)
    )
    return _STAND_INS.sub(
        lambda m: literal(ESCAPABLE[ord(m.group(0)) - _STAND_IN]), convert(hidden)
    )


_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<!\w)_(.+?)_(?!\w)|`([^`]+)`")


def plain_text(markdown: str, zone: tzinfo = UTC) -> str:
    """Our markdown subset as plain text (a terminal, a Teams toast): emphasis dropped, links
    written out, moments in `zone`."""
    drawn = moments(markdown, lambda when: in_zone(when, zone))
    return render_markdown(drawn, _plain, lambda character: character)


def _written_out(link: re.Match[str]) -> str:
    """A link as plain text: its label and its address, the address once when it is its label."""
    label, address = link.group(1), link.group(2)
    said = _STAND_INS.sub(lambda m: ESCAPABLE[ord(m.group(0)) - _STAND_IN], label)
    return address if said == address else f"{label} ({address})"


def _plain(markdown: str) -> str:
    linked = LINK.sub(_written_out, markdown)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), linked)


@dataclass(frozen=True)
class Button:
    """A button with a stable action id; a `url` makes it a link that opens in the browser.

    `opens_form`: the action answers with a form, which Teams then shows in a dialog.
    """

    label: str
    action_id: str
    value: str = ""
    url: str | None = None
    style: Literal["primary", "danger"] | None = None
    opens_form: bool = False


@dataclass(frozen=True)
class Header:
    """A large title line."""

    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph of markdown, optionally with a small image beside it."""

    text: str
    image_url: str | None = None
    image_alt: str = ""


@dataclass(frozen=True)
class Fields:
    """Label/value pairs shown side by side."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Actions:
    """A row of buttons."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Context:
    """Small print under the main content."""

    text: str


@dataclass(frozen=True)
class Divider:
    """A thin rule between parts of a message."""


@dataclass(frozen=True)
class Image:
    """A picture the bot drew (a chart) as PNG bytes, with a text alternative that carries
    its numbers; each platform sends it its own way (an upload, an inline image)."""

    png: bytes = field(repr=False)
    alt: str
    width: int
    height: int
    title: str = ""  # what it shows and when: an uploaded file's name


Block = Header | Text | Fields | Actions | Context | Divider | Image


@dataclass(frozen=True)
class Message:
    """A message: `text` is the notification and fallback; `blocks` the rich body, if any."""

    text: str
    blocks: tuple[Block, ...] = field(default=())

    def as_blocks(self) -> tuple[Block, ...]:
        """The body to draw: the blocks, or the text as a single paragraph."""
        return self.blocks or (Text(self.text),)


@dataclass(frozen=True)
class Option:
    """One choice of a select input."""

    value: str
    label: str


# "channels": channels the bot posts in, picked where the platform has a picker (Slack), else
# typed as ids or #names.
InputKind = Literal[
    "text", "multiline", "url", "select", "multiselect", "checkboxes", "date", "time", "channels"
]


@dataclass(frozen=True)
class Input:
    """One field of a form; `name` is the key of its value in the submission."""

    name: str
    label: str
    kind: InputKind = "text"
    initial: str | tuple[str, ...] = ""
    placeholder: str = ""
    hint: str = ""
    optional: bool = False
    options: tuple[Option, ...] = ()
    max_length: int | None = None
    # False for a step that cannot be undone (sending an announcement to everyone): where a
    # field is answered by typing (the console), an empty line does not keep `initial`.
    enter_keeps: bool = True


@dataclass(frozen=True)
class Form:
    """A form to fill in (a Slack modal, a Teams dialog, prompts on the console).

    `form_id` routes the submission back to its handler; `state` travels with the form unseen
    (for example the id of the report being edited) and comes back on submission.
    """

    form_id: str
    title: str
    inputs: tuple[Input, ...]
    submit_label: str = "Submit"
    intro: tuple[Block, ...] = ()
    state: str = ""
    # Where a form cannot open (a Slack message has nothing to open it with): how to say it in
    # a message instead, in one line.
    in_words: str = ""
    # The language of the words its platform draws around it (Slack's Cancel, Teams' "… is
    # required"): the person's, as its own.
    language: str = "en"


# A submitted form: single values as strings, multi-selects and checkboxes as lists.
Values = dict[str, str | list[str]]


@dataclass(frozen=True)
class Attachment:
    """A file sent with a message (a screenshot, above all): its name and the address where
    the team opens it (on its platform, or the copy the bot keeps); `unseen` says why the team
    cannot open it, when it cannot (then `url` is "")."""

    name: str
    url: str
    image: bool = False
    unseen: str = ""


@dataclass(frozen=True)
class SharedMessage:
    """A chat message someone pointed the bot at (a message shortcut or extension action)."""

    text: str
    author: str = ""  # the author's id
    author_name: str = ""  # the name the platform gave with the message, if any (Teams)
    channel: str = ""
    permalink: str = ""
    files: tuple[Attachment, ...] = ()


Reply = Message | Form
