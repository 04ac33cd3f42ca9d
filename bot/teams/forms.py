"""A form's round trip through a card: the form travels in the submit data, values come back.

Teams sends back only a card's inputs and its submit data, never the card itself, yet showing
mistakes means drawing the same form again. So the form rides along in the data, encoded here.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from handlers import views

# The view classes a form is made of; decoding builds nothing else.
_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        views.Form,
        views.Input,
        views.Option,
        views.Header,
        views.Text,
        views.Fields,
        views.Actions,
        views.Button,
        views.Context,
        views.Divider,
    )
}
MULTIPLE = frozenset({"multiselect", "checkboxes"})
SEPARATOR = ","  # how Input.ChoiceSet joins the values of a multi-select


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@": type(value).__name__, **fields}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _built(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_built(item) for item in value)
    if isinstance(value, dict):
        cls = _CLASSES[value["@"]]
        return cls(**{key: _built(item) for key, item in value.items() if key != "@"})
    return value


def encode(form: views.Form) -> str:
    """`form` as compact JSON for a card's submit data."""
    return json.dumps(_plain(form), separators=(",", ":"))


def decode(data: object) -> views.Form | None:
    """The form encoded in submit data; None when it is missing or not one of ours."""
    try:
        form = _built(json.loads(data)) if isinstance(data, str) else None
    except (ValueError, KeyError, TypeError):
        return None
    return form if isinstance(form, views.Form) else None


def values_of(form: views.Form, data: dict[str, Any]) -> views.Values:
    """The submitted values of `form`'s inputs: strings, or lists for multiple choices."""
    values: views.Values = {}
    for field in form.inputs:
        raw = data.get(field.name)
        text = "" if raw is None else str(raw)
        if field.kind in MULTIPLE:
            values[field.name] = [part for part in text.split(SEPARATOR) if part]
        else:
            values[field.name] = text.strip()
    return values


def refilled(form: views.Form, values: views.Values) -> views.Form:
    """`form` with what was typed as the initial values, to draw it again after mistakes."""
    inputs = tuple(
        dataclasses.replace(
            field,
            initial=tuple(value) if isinstance(value, list) else value,
        )
        if (value := values.get(field.name)) is not None
        else field
        for field in form.inputs
    )
    return dataclasses.replace(form, inputs=inputs)
