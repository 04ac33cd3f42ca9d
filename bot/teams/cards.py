"""Neutral views drawn as Adaptive Cards 1.5, the one place that knows Teams' card JSON."""

from __future__ import annotations

import base64
import copy
import hmac
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from bot.teams import forms
from content_feed.fetch import reachable_by_anyone
from handlers import actions, views
from handlers.texts import text_for

CARD_VERSION = "1.5"  # the highest version Teams renders
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
# The keys of every button's data; an action handler reads them back from the invoke.
DATA_ACTION_ID = "action_id"
DATA_VALUE = "value"
# The keys of a form's submit data, next to the inputs' own values (whose names must differ).
DATA_FORM_ID = "form_id"
DATA_STATE = "state"
DATA_FORM = "form"
# The bot's signature over what a button's or form's data must bring back unchanged.
DATA_SIGNATURE = "signed"
FORM_VERB = "socialbot_form_submit"
SHARE_ID = "share|"  # before a share button's value, as its action id
RESERVED = frozenset(
    {DATA_ACTION_ID, DATA_VALUE, DATA_FORM_ID, DATA_STATE, DATA_FORM, DATA_SIGNATURE, "msteams"}
)

Json = dict[str, Any]

# Teams refuses a message past a size (40 KB for years; Microsoft now says 100 KB): a picture
# goes inline as a data URI only below this, leaving room for the rest of the card.
INLINE_IMAGE_BYTES = 24_000

_CODE = re.compile(r"`([^`\n]+)`")
_BUTTON_STYLES = {"primary": "positive", "danger": "destructive"}


# Escaped characters from untrusted text, as Teams shows them literally. Not every Teams client
# honours a backslash escape, so a zero-width space also keeps `]` from ever meeting a `(`.
_LITERALS = {"[": "\\[", "]": "\\]\u200b", "*": "\\*", "_": "\\_", "\\": "\\\\"}


def markdown(text: str) -> str:
    """Our markdown subset as TextBlock markdown (no code spans; lists need `\\r` breaks),
    escaped characters kept literal and each link's host shown beside a label that hides it."""
    return views.render_markdown(text, _markdown, lambda c: _LITERALS.get(c, c))


def _link(match: re.Match[str]) -> str:
    host = views.shown_host(*match.groups())
    return match.group(0) + (f" ({host})" if host else "")


def _date(when: datetime) -> str:
    """Adaptive Cards' date functions: drawn in the reader's zone and language."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{{{{DATE({stamp}, SHORT)}}}} {{{{TIME({stamp})}}}}"


def _markdown(text: str) -> str:
    plain = views.LINK.sub(_link, _CODE.sub(r"\1", views.moments(text, _date)))
    parts: list[str] = []
    previous_item = False
    for line in (line.rstrip() for line in plain.split("\n")):
        if not line:
            continue
        item = line.startswith("- ")
        if parts:
            # Teams: `\r` between list items; `\n\n` for any other line break in a TextBlock.
            parts.append("\r" if item and previous_item else "\n\n")
        parts.append(line)
        previous_item = item
    return "".join(parts)


def _text_block(text: str, **style: Any) -> Json:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def _heading(text: str) -> Json:
    return _text_block(text, size="Large", weight="Bolder", style="heading")


def _action(button: views.Button) -> Json:
    action: Json
    data: Json = {DATA_ACTION_ID: button.action_id, DATA_VALUE: button.value}
    if button.url:
        action = {"type": "Action.OpenUrl", "title": button.label, "url": button.url}
        if button.action_id == actions.SHARE:
            # Teams tells the bot nothing of a link opened: the id lets the gateway send the
            # link through the bot instead, for the one who gets the card (`through_bot`).
            action["id"] = SHARE_ID + button.value
    elif button.opens_form:
        # Teams then sends a `task/fetch` invoke with this data and shows the answer as a dialog.
        data["msteams"] = {"type": "task/fetch"}
        action = {"type": "Action.Submit", "title": button.label, "data": data}
    else:
        action = {
            "type": "Action.Execute",
            "title": button.label,
            "verb": button.action_id,
            "data": data,
        }
    if button.style:
        action["style"] = _BUTTON_STYLES[button.style]
    return action


def _image(png: bytes, alt: str) -> Json:
    """A picture inline as a data URI when it fits in a Teams message; else its words."""
    if len(png) > INLINE_IMAGE_BYTES:
        return _text_block(markdown(views.untrusted(alt)))
    url = "data:image/png;base64," + base64.b64encode(png).decode()
    return {"type": "Image", "url": url, "altText": alt, "size": "Stretch"}


def _element(block: views.Block) -> Json | None:
    match block:
        case views.Header(text):
            return _heading(markdown(text))
        case views.Text(text, image_url, image_alt):
            body = _text_block(markdown(text))
            # Teams clients may fetch a card's image themselves, from inside the company's
            # network: only https addresses on public hosts, never an intranet one from a feed.
            if not image_url or not reachable_by_anyone(image_url):
                return body
            image = {"type": "Image", "url": image_url, "altText": image_alt, "size": "Medium"}
            return {
                "type": "ColumnSet",
                "columns": [
                    {"type": "Column", "width": "stretch", "items": [body]},
                    {"type": "Column", "width": "auto", "items": [image]},
                ],
            }
        case views.Fields(pairs):
            facts = [{"title": markdown(k), "value": markdown(v)} for k, v in pairs]
            return {"type": "FactSet", "facts": facts}
        case views.Actions(buttons):
            return {"type": "ActionSet", "actions": [_action(button) for button in buttons]}
        case views.Context(text):
            return _text_block(markdown(text), size="Small", isSubtle=True)
        case views.Divider():
            return None  # drawn as a separator above the next element
        case views.Image(png, alt, _, _):
            return _image(png, alt)
    raise TypeError(f"no Adaptive Card rendering for {block!r}")


def _body(blocks: tuple[views.Block, ...]) -> list[Json]:
    body: list[Json] = []
    separate = False
    for block in blocks:
        element = _element(block)
        if element is None:
            separate = bool(body)
            continue
        if separate:
            element["separator"] = True
            separate = False
        body.append(element)
    return body


def _card(body: list[Json], fallback: str, actions: list[Json] | None = None) -> Json:
    card: Json = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "fallbackText": views.unescape(fallback),
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def card(message: views.Message) -> Json:
    """The Adaptive Card for `message`."""
    return _card(_body(message.as_blocks()), message.text)


def attachment(content: views.Message | Json) -> Json:
    """A message (or a finished card) as a Bot Framework attachment."""
    drawn = card(content) if isinstance(content, views.Message) else content
    return {"contentType": CARD_CONTENT_TYPE, "content": drawn}


def through_bot(payload: Json, link: Callable[[str, str], str]) -> Json:
    """`payload` (an activity or a card) with each share button's link replaced by
    `link(value, url)` (the share button's value and the network's share page)."""
    drawn = copy.deepcopy(payload)
    for found in objects_in(drawn):
        if found.get("type") == "Action.OpenUrl" and str(found.get("id", "")).startswith(SHARE_ID):
            found["url"] = link(found["id"].removeprefix(SHARE_ID), found["url"])
    return drawn


def _kept(data: Json) -> str | None:
    """What a button's or form's data must bring back as the bot drew it, as one text (the
    action and its value; the form, its state and its encoding); None for other objects."""
    fields: tuple[str, ...]
    if DATA_FORM_ID in data:
        fields = (DATA_FORM_ID, DATA_STATE, DATA_FORM)
    elif DATA_ACTION_ID in data:
        fields = (DATA_ACTION_ID, DATA_VALUE)
    else:
        return None
    return "\0".join(str(data.get(name) or "") for name in fields)


def signed(payload: Json, sign: Callable[[str], str]) -> Json:
    """`payload` (an activity, a card, an invoke's answer) with every button's and form's
    data signed by `sign`: Teams sends it back from the client, which can change it."""
    drawn = copy.deepcopy(payload)
    for found in objects_in(drawn):
        if (kept := _kept(found)) is not None:
            found[DATA_SIGNATURE] = sign(kept)
    return drawn


def intact(data: Json, sign: Callable[[str], str]) -> bool:
    """Whether a pressed button's or submitted form's data is as the bot signed it."""
    kept = _kept(data)
    given = data.get(DATA_SIGNATURE)
    if kept is None:
        return True
    return isinstance(given, str) and hmac.compare_digest(given.encode(), sign(kept).encode())


def objects_in(node: Any) -> Iterator[Json]:
    """Every JSON object anywhere in a JSON value (a card, an activity), outermost first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from objects_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from objects_in(value)


def activity(reply: views.Reply, errors: Mapping[str, str] | None = None) -> Json:
    """A Bot Framework message activity (JSON) carrying a message or a form as one card."""
    if isinstance(reply, views.Form):
        summary, content = reply.title, form_card(reply, errors)
    else:
        summary, content = reply.text, card(reply)
    return {
        "type": "message",
        # Most Teams clients show the summary in notifications instead of "sent a card", as
        # plain text (no backticks around a command word).
        "summary": views.plain_text(summary),
        "attachments": [attachment(content)],
    }


# -- forms -------------------------------------------------------------------------------------


def _choices(field: views.Input) -> Json:
    multiple = field.kind in forms.MULTIPLE
    chosen = (field.initial,) if isinstance(field.initial, str) else field.initial
    element: Json = {
        "type": "Input.ChoiceSet",
        "choices": [{"title": o.label, "value": o.value} for o in field.options],
        # Checkboxes are an expanded multi-select; a select and a multi-select a dropdown.
        "style": "expanded" if field.kind == "checkboxes" else "compact",
        "isMultiSelect": multiple,
    }
    if chosen := tuple(value for value in chosen if value):
        element["value"] = forms.SEPARATOR.join(chosen)
    return element


def _input_element(field: views.Input, language: str) -> Json:
    initial = field.initial if isinstance(field.initial, str) else ""
    element: Json
    match field.kind:
        case "text" | "multiline" | "url" | "channels":
            element = {"type": "Input.Text", "isMultiline": field.kind == "multiline"}
            if field.kind == "url":
                element["style"] = "Url"
            if field.max_length:
                element["maxLength"] = field.max_length
        case "date":
            element = {"type": "Input.Date"}
        case "time":
            element = {"type": "Input.Time"}
        case _:
            element = _choices(field)
    if initial and "value" not in element and element["type"] != "Input.ChoiceSet":
        element["value"] = initial
    if field.placeholder and field.kind not in forms.MULTIPLE and field.kind != "select":
        element["placeholder"] = field.placeholder
    element.update({"id": field.name, "label": field.label})
    if not field.optional:
        element["isRequired"] = True
        element["errorMessage"] = text_for("required", language, field=field.label)
    return element


def _mistake(text: str) -> Json:
    return _text_block(text, size="Small", color="Attention", spacing="None")


def form_card(
    form: views.Form, errors: Mapping[str, str] | None = None, *, dialog: bool = False
) -> Json:
    """The card for `form`, with `errors` under their fields; `dialog`: for a task module.

    In a chat the submit button is an `Action.Execute`, so the answer (mistakes, the next step,
    the result) replaces the card in place; dialogs only know `Action.Submit`.
    """
    names = {field.name for field in form.inputs}
    if clash := names & RESERVED:
        raise ValueError(f"form {form.form_id}: input names {sorted(clash)} are reserved in Teams")
    errors = dict(errors or {})
    body: list[Json] = [] if dialog else [_heading(form.title)]
    body += [_mistake(text) for name, text in errors.items() if name not in names]
    body += _body(form.intro)
    for field in form.inputs:
        body.append(_input_element(field, form.language))
        if field.hint:
            body.append(_text_block(field.hint, size="Small", isSubtle=True, spacing="None"))
        if field.name in errors:
            body.append(_mistake(errors[field.name]))
    data = {DATA_FORM_ID: form.form_id, DATA_STATE: form.state, DATA_FORM: forms.encode(form)}
    submit: Json = {"type": "Action.Submit", "title": form.submit_label, "data": data}
    if not dialog:
        submit.update({"type": "Action.Execute", "verb": FORM_VERB})
    submit["style"] = "positive"
    return _card(body, form.title, [submit])


def dialog(form: views.Form, errors: Mapping[str, str] | None = None) -> Json:
    """The task info that shows `form` as a Teams dialog (task module)."""
    return {"title": form.title, "card": attachment(form_card(form, errors, dialog=True))}
