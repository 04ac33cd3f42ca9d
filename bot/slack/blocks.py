"""Neutral views drawn as Block Kit, the one place that knows Slack's layout JSON."""

from __future__ import annotations

import base64
import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ContextActionsBlock,
    ContextBlock,
    ConversationFilter,
    ConversationMultiSelectElement,
    DatePickerElement,
    DividerBlock,
    FeedbackButtonObject,
    FeedbackButtonsElement,
    HeaderBlock,
    ImageBlock,
    ImageElement,
    InputBlock,
    InputInteractiveElement,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
    TimePickerElement,
    UrlInputElement,
)
from slack_sdk.models.blocks.basic_components import SlackFile
from slack_sdk.models.views import View

from content_feed.text import clip
from handlers import actions, views
from handlers.assistant import Prompt
from handlers.checks import ids as check_ids
from handlers.texts import text_for

log = logging.getLogger(__name__)

MESSAGE_BLOCKS = 50  # Slack refuses a message with more (invalid_blocks)
SECTION_LIMIT = 3000
ALT_LIMIT = 1000  # files.getUploadURLExternal's alt_txt
IMAGE_ALT_LIMIT = 2000  # an image block's alt_text
HEADER_LIMIT = 150
FIELD_LIMIT = 2000

_BOLD = re.compile(r"\*\*(.+?)\*\*")


# What a cut may leave open at the end of mrkdwn: an escaped character (&amp;), a link or date.
_OPEN_AT_END = re.compile(r"&[a-z]*$|<[^>]*$")


def _clip(text: str, limit: int) -> str:
    """`text` within Slack's `limit`, cut between whole characters (never inside a flag or an
    emoji sequence)."""
    return clip(text, limit)


def _clip_mrkdwn(text: str, limit: int) -> str:
    """Escaped mrkdwn within Slack's `limit`, cut between whole characters and never inside
    an escaped character (Slack would show "&a…"), a link or a date."""
    if len(text) <= limit:
        return text
    cut = clip(text, limit).removesuffix("…")
    return _OPEN_AT_END.sub("", cut).rstrip() + "…"


def mrkdwn(markdown: str) -> str:
    """Our markdown subset as Slack mrkdwn: Slack's three control characters escaped (so no
    text makes a mention or a link), escaped characters shown as they are."""
    return views.render_markdown(markdown, _mrkdwn, lambda character: character)


def _link(match: re.Match[str]) -> str:
    label, url = match.groups()
    host = views.shown_host(label, url)
    return f"<{url}|{label}>" + (f" ({host})" if host else "")


def _date(when: datetime) -> str:
    """Slack's date formatting: drawn in each reader's zone and language, UTC as fallback."""
    stamp = int(when.timestamp())
    return f"<!date^{stamp}^{{date_short_pretty}} at {{time}}|{when:%Y-%m-%d %H:%M} UTC>"


def _mrkdwn(markdown: str) -> str:
    escaped = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = views.moments(escaped, _date)
    linked = views.LINK.sub(_link, escaped)
    bold = _BOLD.sub(r"*\1*", linked)
    return re.sub(r"^- ", "• ", bold, flags=re.MULTILINE)


def _button(button: views.Button) -> ButtonElement:
    # A link button keeps its value too, so the click Slack reports says what was shared.
    return ButtonElement(
        text=_clip(button.label, 75),
        action_id=button.action_id,
        url=button.url,
        value=button.value or None,
        style=button.style,
    )


def _block(block: views.Block) -> Block:
    match block:
        case views.Header(text):
            plain = views.unescape(text)
            return HeaderBlock(text=PlainTextObject(text=_clip(plain, HEADER_LIMIT)))
        case views.Text(text, image_url, image_alt):
            accessory = ImageElement(image_url=image_url, alt_text=image_alt or " ")
            return SectionBlock(
                text=MarkdownTextObject(text=_clip_mrkdwn(mrkdwn(text), SECTION_LIMIT)),
                accessory=accessory if image_url else None,
            )
        case views.Fields(pairs):
            return SectionBlock(
                fields=[
                    MarkdownTextObject(
                        text=_clip_mrkdwn(f"*{mrkdwn(k)}*\n{mrkdwn(v)}", FIELD_LIMIT)
                    )
                    for k, v in pairs[:10]
                ]
            )
        case views.Actions(buttons):
            return ActionsBlock(elements=[_button(b) for b in buttons[:25]])
        case views.Context(text):
            return ContextBlock(
                elements=[MarkdownTextObject(text=_clip_mrkdwn(mrkdwn(text), 2000))]
            )
        case views.Divider():
            return DividerBlock()
    raise TypeError(f"no Slack rendering for {block!r}")


def message(view: views.Message) -> dict[str, Any]:
    """`text` and `blocks` for chat.postMessage, chat.update or a slash-command response.
    Pictures are no blocks: they are uploaded (see `picture`)."""
    drawn = [block for block in view.as_blocks() if not isinstance(block, views.Image)]
    return {
        "text": _clip_mrkdwn(mrkdwn(view.text), 4000),
        "blocks": [_block(block).to_dict() for block in _fitted(drawn)],
    }


def _fitted(drawn: Sequence[views.Block]) -> Sequence[views.Block]:
    """At most MESSAGE_BLOCKS blocks, the last part (a digest's Mute / Change time / Stop)
    always kept. Past the limit each paragraph takes in the small print below it; if that is
    not enough, whole parts between dividers before the last are left out, the last first
    (a digest's lowest picks), with a log line."""
    if len(drawn) <= MESSAGE_BLOCKS:
        return drawn
    parts: list[list[views.Block]] = [[]]
    for block in drawn:
        if isinstance(block, views.Divider) and parts[-1]:
            parts.append([])
        parts[-1].append(block)
    *body, last = [_small_print_inside(part) for part in parts]
    left_out = 0
    while body and sum(map(len, body)) + len(last) > MESSAGE_BLOCKS:
        body.pop()
        left_out += 1
    fitted = [block for part in (*body, last) for block in part]
    if left_out or len(fitted) > MESSAGE_BLOCKS:
        log.warning("message cut to Slack's 50 blocks", extra={"parts_left_out": left_out})
    return fitted[:MESSAGE_BLOCKS]


def _small_print_inside(part: list[views.Block]) -> list[views.Block]:
    """`part` with each Context right below a Text joined to that Text's paragraph."""
    joined: list[views.Block] = []
    for block in part:
        above = joined[-1] if joined else None
        if isinstance(block, views.Context) and isinstance(above, views.Text):
            joined[-1] = dataclasses.replace(above, text=f"{above.text}\n{block.text}")
        else:
            joined.append(block)
    return joined


# The assistant pane shows 👍/👎 as Slack's own feedback buttons: these pairs of our buttons
# become one `feedback_buttons` element, whose pressed value names our button again.
FEEDBACK_PAIRS = {
    actions.GUIDELINES_HELPFUL: actions.GUIDELINES_UNHELPFUL,
    check_ids.HELPFUL: check_ids.UNHELPFUL,
}
FEEDBACK_BUTTONS = "feedback"


def _feedback(row: views.Actions) -> list[Block]:
    """A row of buttons, its 👍/👎 pair (if any) as native feedback buttons below the rest."""
    by_id = {button.action_id: button for button in row.buttons}
    pair = next(
        ((up, down) for up, down in FEEDBACK_PAIRS.items() if {up, down} <= set(by_id)), None
    )
    if pair is None:
        return [_block(row)]
    up, down = (by_id[action_id] for action_id in pair)
    rest = tuple(button for button in row.buttons if button not in (up, down))
    element = FeedbackButtonsElement(
        action_id=FEEDBACK_BUTTONS,
        positive_button=FeedbackButtonObject(
            text=_clip(up.label, 75), value=f"{up.action_id} {up.value}"
        ),
        negative_button=FeedbackButtonObject(
            text=_clip(down.label, 75), value=f"{down.action_id} {down.value}"
        ),
    )
    drawn: list[Block] = [_block(views.Actions(rest))] if rest else []
    return [*drawn, ContextActionsBlock(elements=[element])]


def assistant_message(view: views.Message, streamed: bool = False) -> dict[str, Any]:
    """`text` and `blocks` for a reply in the assistant pane: as `message`, with 👍/👎 as
    Slack's feedback buttons. `streamed`: the text came as a stream already, so the blocks
    are only what goes below it (its leading paragraph is left out)."""
    drawn = [block for block in view.as_blocks() if not isinstance(block, views.Image)]
    if streamed and drawn and isinstance(drawn[0], views.Text):
        drawn = drawn[1:]
    rendered: list[Block] = []
    for block in drawn:
        rendered += _feedback(block) if isinstance(block, views.Actions) else [_block(block)]
    return {
        "text": _clip_mrkdwn(mrkdwn(view.text), 4000),
        "blocks": [block.to_dict() for block in rendered[:50]],
    }


def pressed(action: dict[str, Any]) -> tuple[str, str]:
    """The action id and value of a pressed button; for feedback buttons, those of the
    button of ours it stands for."""
    if action.get("type") == "feedback_buttons":
        action_id, _, value = str(action.get("value") or "").partition(" ")
        return action_id, value
    return str(action["action_id"]), str(action.get("value") or "")


def prompts(suggested: tuple[Prompt, ...]) -> list[dict[str, str]]:
    """Suggested prompts for assistant.threads.setSuggestedPrompts."""
    return [{"title": _clip(p.title, 75), "message": p.message} for p in suggested]


def picture(view: views.Message, name: str = "chart.png") -> dict[str, Any] | None:
    """The message's picture as the gateway uploads it with files_upload_v2 (the PNG in
    base64, so the ledger can store it as JSON), or None when it has none."""
    for block in view.as_blocks():
        if isinstance(block, views.Image):
            return {
                "png": base64.b64encode(block.png).decode(),
                "filename": name,
                "title": _clip(views.unescape(block.title or view.text), 250),
                "alt_txt": _clip(block.alt, ALT_LIMIT),
            }
    return None


# The line a message gets in place of a chart Slack refused for want of the files:write scope.
NO_UPLOAD_SCOPE = (
    "The chart needs the `files:write` scope: add it under OAuth & Permissions and reinstall"
    " the app."
)


def without_picture(payload: dict[str, Any], note: str) -> dict[str, Any]:
    """The `text` and `blocks` of a message whose picture could not be uploaded, with a last
    line `note` saying why."""
    line = ContextBlock(elements=[MarkdownTextObject(text=note)]).to_dict()
    return {"text": payload["text"], "blocks": [*payload["blocks"][: MESSAGE_BLOCKS - 1], line]}


def home(
    view: views.Message, file_for: Callable[[bytes], str | None] = lambda png: None
) -> dict[str, Any]:
    """An App Home tab for views.publish; a picture is an image block showing the uploaded
    file `file_for` names (left out when none is)."""
    drawn: list[Block] = []
    for block in view.as_blocks():
        if not isinstance(block, views.Image):
            drawn.append(_block(block))
        elif file_id := file_for(block.png):
            alt = _clip(block.alt, IMAGE_ALT_LIMIT)
            drawn.append(ImageBlock(slack_file=SlackFile(id=file_id), alt_text=alt))
    return {"type": "home", "blocks": [block.to_dict() for block in drawn[:100]]}


def _options(input_: views.Input) -> tuple[list[Option], list[Option]]:
    """All options, and those chosen initially."""
    chosen = {input_.initial} if isinstance(input_.initial, str) else set(input_.initial)
    options = [Option(value=o.value, label=_clip(o.label, 75)) for o in input_.options[:100]]
    return options, [o for o in options if o.value in chosen]


def _element(input_: views.Input) -> InputInteractiveElement:
    initial = input_.initial if isinstance(input_.initial, str) else ""
    placeholder = _clip(input_.placeholder, 150) or None
    match input_.kind:
        case "text" | "multiline":
            return PlainTextInputElement(
                action_id=input_.name,
                initial_value=initial or None,
                placeholder=placeholder,
                multiline=input_.kind == "multiline",
                max_length=input_.max_length,
            )
        case "url":
            return UrlInputElement(
                action_id=input_.name, initial_value=initial or None, placeholder=placeholder
            )
        case "date":
            return DatePickerElement(action_id=input_.name, initial_date=initial or None)
        case "time":
            return TimePickerElement(action_id=input_.name, initial_time=initial or None)
        case "channels":
            # Slack's own picker: public and private channels, no DMs (a channel only).
            return ConversationMultiSelectElement(
                action_id=input_.name,
                initial_conversations=_words(input_.initial) or None,
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
                placeholder=placeholder,
            )
    options, chosen = _options(input_)
    match input_.kind:
        case "select":
            return StaticSelectElement(
                action_id=input_.name,
                options=options,
                initial_option=chosen[0] if chosen else None,
                placeholder=placeholder,
            )
        case "multiselect":
            return StaticMultiSelectElement(
                action_id=input_.name,
                options=options,
                initial_options=chosen or None,
                placeholder=placeholder,
            )
    return CheckboxesElement(action_id=input_.name, options=options, initial_options=chosen or None)


def _words(initial: str | tuple[str, ...]) -> list[str]:
    """Ids typed in a text (`"C1 C2"`) or given as a tuple, as a list."""
    return initial.split() if isinstance(initial, str) else [word for word in initial if word]


def _input(input_: views.Input) -> InputBlock:
    return InputBlock(
        block_id=input_.name,
        label=PlainTextObject(text=_clip(input_.label, 2000)),
        element=_element(input_),
        optional=input_.optional,
        hint=PlainTextObject(text=_clip(input_.hint, 2000)) if input_.hint else None,
    )


def modal(form: views.Form) -> dict[str, Any]:
    """A modal view for views.open / views.update, or a `response_action: update`."""
    blocks = [_block(block) for block in form.intro] + [_input(i) for i in form.inputs]
    return View(
        type="modal",
        callback_id=form.form_id,
        title=PlainTextObject(text=_clip(form.title, 24)),
        submit=PlainTextObject(text=_clip(form.submit_label, 24)),
        close=PlainTextObject(text=_clip(text_for("cancel", form.language), 24)),
        private_metadata=form.state or None,
        blocks=blocks[:100],
    ).to_dict()


def submitted_values(view: dict[str, Any]) -> views.Values:
    """The values of a view_submission, keyed by input name."""
    values: views.Values = {}
    for block_id, elements in view.get("state", {}).get("values", {}).items():
        for element in elements.values():
            values[block_id] = _element_value(element)
    return values


def _element_value(element: dict[str, Any]) -> str | list[str]:
    if "selected_conversations" in element:
        return [str(channel) for channel in element.get("selected_conversations") or []]
    if "selected_options" in element:
        return [option["value"] for option in element.get("selected_options") or []]
    if "selected_option" in element:
        option = element.get("selected_option") or {}
        return str(option.get("value", ""))
    for key in ("selected_date", "selected_time", "value"):
        if key in element:
            return str(element.get(key) or "")
    return ""
