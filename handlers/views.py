"""Neutral view models: what to show, never how a platform draws it.

Text uses a small markdown subset that every renderer understands: `**bold**`, `_italic_`,
`` `code` ``, `[label](https://link)` and lines starting with `- `.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


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


Block = Header | Text | Fields | Actions | Context | Divider


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


InputKind = Literal[
    "text", "multiline", "url", "select", "multiselect", "checkboxes", "date", "time"
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


# A submitted form: single values as strings, multi-selects and checkboxes as lists.
Values = dict[str, str | list[str]]


@dataclass(frozen=True)
class SharedMessage:
    """A chat message someone pointed the bot at (a message shortcut or extension action)."""

    text: str
    author: str = ""
    channel: str = ""
    permalink: str = ""


Reply = Message | Form
