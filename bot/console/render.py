"""Neutral views drawn as plain text for a terminal."""

from __future__ import annotations

import textwrap
from datetime import UTC, tzinfo

from content_feed.text import row_id
from handlers import views
from handlers.texts import text_for

WIDTH = 78


def _wrap(text: str, indent: str = "", width: int = WIDTH, zone: tzinfo = UTC) -> str:
    lines = []
    for line in views.plain_text(text, zone).splitlines() or [""]:
        bullet = line.startswith("- ")
        lines.append(
            textwrap.fill(
                line,
                width,
                initial_indent=indent,
                subsequent_indent=indent + ("  " if bullet else ""),
                break_long_words=False,
                break_on_hyphens=False,
            )
            or indent
        )
    return "\n".join(lines)


def buttons_of(message: views.Message) -> list[views.Button]:
    """The message's buttons in the order they are numbered (`#1`, `#2`, ...)."""
    return [
        b
        for block in message.as_blocks()
        if isinstance(block, views.Actions)
        for b in block.buttons
    ]


def form_prompt(input_: views.Input, language: str = "en") -> str:
    """The question for one form field, with its choices numbered; the console's own hints in
    `language`."""
    label = input_.label + ("" if input_.optional else " *")
    lines = [label + (f" ({input_.hint})" if input_.hint else "")]
    lines += [f"  {n}. {option.label}" for n, option in enumerate(input_.options, 1)]
    if input_.kind in ("multiselect", "checkboxes"):
        lines.append(f"  ({text_for('console_numbers', language)})")
    elif input_.kind == "date":
        lines.append("  (YYYY-MM-DD)")
    elif input_.kind == "time":
        lines.append("  (HH:MM)")
    chosen = [input_.initial] if isinstance(input_.initial, str) else list(input_.initial)
    if input_.options:
        # Shown as the choices' labels, which read back as they are typed: the values may be
        # numbers of their own (the days are 0-6) that would clash with the choices' 1-7.
        labels = {option.value: option.label for option in input_.options}
        chosen = [labels.get(value, value) for value in chosen if value]
    initial = ", ".join(chosen)
    if initial and input_.enter_keeps:
        lines.append(f"  ({text_for('console_now', language, initial=initial)})")
    elif not input_.enter_keeps:
        lines.append(f"  ({text_for('console_type_number', language)})")
    return "\n".join(lines)


class UnknownChoice(ValueError):
    """A typed choice that is none of the field's options."""


def parse_answer(input_: views.Input, line: str, language: str = "en") -> str | list[str]:
    """A typed answer as the form value: option numbers (or labels) become option values;
    `UnknownChoice` (saying why in `language`) for a part that names no option, so nothing
    is dropped unseen."""
    if not line and not input_.enter_keeps:
        raise UnknownChoice(text_for("console_cannot_undo", language))
    if not line:
        return input_.initial if isinstance(input_.initial, str) else list(input_.initial)
    if input_.kind not in ("select", "multiselect", "checkboxes"):
        return line
    chosen = []
    for part in (p.strip() for p in line.split(",") if p.strip()):
        if part.isdigit():  # always the number shown beside a choice, never a value
            if not 1 <= (number := row_id(part) or 0) <= len(input_.options):  # "²" too
                raise UnknownChoice(
                    text_for("console_no_choice", language, part=part, last=len(input_.options))
                )
            chosen.append(input_.options[number - 1].value)
            continue
        found = [o.value for o in input_.options if part.lower() in (o.value, o.label.lower())]
        if not found:
            raise UnknownChoice(text_for("console_none_of_them", language, part=repr(part)))
        chosen += found
    return chosen[0] if input_.kind == "select" and chosen else chosen if chosen else ""


def _button(button: views.Button, number: int) -> str:
    label = f"[#{number} {button.label}]"
    return f"{label} {button.url}" if button.url else label


def _block(block: views.Block, first_button: int, width: int, zone: tzinfo) -> str:
    match block:
        case views.Header(text):
            return f"{views.plain_text(text)}\n{'=' * min(len(text), WIDTH)}"
        case views.Text(text, image_url, _):
            shown = _wrap(text, width=width, zone=zone)
            return shown + (f"\n  (image: {image_url})" if image_url else "")
        case views.Fields(pairs):
            return "\n".join(
                f"{views.plain_text(label)}: {views.plain_text(value, zone)}"
                for label, value in pairs
            )
        case views.Actions(buttons):
            return "  ".join(_button(b, first_button + n) for n, b in enumerate(buttons))
        case views.Context(text):
            return _wrap(text, indent="  ", width=width, zone=zone)
        case views.Divider():
            return "-" * 20
        case views.Image(_, alt, pixels, height):
            return _wrap(f"(chart, {pixels}x{height} pixels: {alt})", width=width)
    raise TypeError(f"no console rendering for {block!r}")


def _repeats(block: views.Block, shown: str) -> bool:
    """Whether `block` is a `Label: a, b` line whose every name the text above already shows
    (a guideline answer names its section, then cites it as its source)."""
    if not isinstance(block, views.Context):
        return False
    _, colon, names = views.plain_text(block.text).partition(": ")
    return bool(colon) and all(name and name in shown for name in names.split(", "))


def render(message: views.Message, width: int = WIDTH, zone: tzinfo = UTC) -> str:
    """The message as terminal text wrapped at `width` columns (`sys.maxsize`: unwrapped), its
    moments in `zone`; a line repeating what the text above says is left out; no control
    character steers the terminal."""
    parts, number, shown = [], 1, ""
    for block in message.as_blocks():
        if _repeats(block, shown):
            continue
        if isinstance(block, views.Text):
            shown += views.plain_text(block.text) + "\n"
        parts.append(_block(block, number, width, zone))
        if isinstance(block, views.Actions):
            number += len(block.buttons)
    return views.printable("\n".join(parts))
