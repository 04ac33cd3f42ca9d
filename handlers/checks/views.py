"""Neutral views of a check: the concerns with their sections and fixes, the form, thanks."""

from __future__ import annotations

from content_feed.text import clip, collapse
from handlers.checks import ids
from handlers.checks.concerns import Concern, Kind, Result
from handlers.texts import text_for
from handlers.views import (
    Actions,
    Block,
    Button,
    Context,
    Divider,
    Form,
    Input,
    Message,
    Text,
    untrusted,
)

MAX_DRAFT = 3000  # LinkedIn's post limit; X's is far below
MAX_VALUE = 1900  # a Slack button's value holds 2,000 characters
MAX_SPAN = 300


def _concern_text(concern: Concern, language: str) -> str:
    label = text_for(f"label_{concern.kind.value}", language)
    lines = [f"**{label}**: {untrusted(concern.reason)}"]
    if concern.span and concern.span.text.strip():
        lines.append(f"> {untrusted(clip(collapse(concern.span.text), MAX_SPAN))}")
    if concern.fix:
        lines.append(f"_{text_for('fix', language)}:_ {untrusted(concern.fix)}")
    return "\n".join(lines)


def result_message(result: Result) -> Message:
    """The answer to a check: each concern with its reason, span, fix and section, the button
    that reports criticism, and 👍/👎; or that nothing speaks against the draft. All in the
    draft's language, where the bot has one."""
    language = result.language
    if result.ok:
        summary = f"✅ {text_for('nothing', language)}"
        blocks: list[Block] = [Text(summary)]
    else:
        count = len(result.concerns)
        summary = "⚠️ " + text_for("one_thing" if count == 1 else "things", language, count=count)
        blocks = [Text(summary)]
        for concern in result.concerns:
            blocks += [Divider(), Text(_concern_text(concern, language))]
            if concern.section:
                source = text_for("source", language)
                blocks.append(Context(f"{source}: _{untrusted(concern.section)}_"))
        reply = next((c for c in result.concerns if c.kind is Kind.REPLY_TO_CRITICISM), None)
        if reply is not None:
            value = reply.report_link or clip(collapse(result.draft), MAX_VALUE)
            blocks.append(
                Actions(
                    (
                        Button(
                            text_for("report_button", language),
                            ids.REPORT,
                            value,
                            style="primary",
                            opens_form=not reply.report_link,
                        ),
                    )
                )
            )
    notes = [text_for("never_posted", language)]
    if result.by_model:
        notes.append(text_for("by_model", language))
    blocks += [Divider(), Context(" ".join(notes))]
    kinds = ",".join(sorted(k.value for k in result.kinds))
    feedback = f"{kinds}\n{result.draft[:MAX_VALUE]}"
    blocks.append(
        Actions(
            (
                Button(f"👍 {text_for('helpful', language)}", ids.HELPFUL, kinds),
                Button(f"👎 {text_for('unhelpful', language)}", ids.UNHELPFUL, feedback),
            )
        )
    )
    return Message(summary, tuple(blocks))


def check_form(draft: str = "") -> Form:
    """The form for a draft (`/check-post` alone)."""
    return Form(
        ids.FORM,
        "Check a post",
        (
            Input(
                "draft",
                "Your draft",
                "multiline",
                initial=draft,
                placeholder="Paste the post you are about to publish",
                max_length=MAX_DRAFT,
            ),
            Input(
                "profile",
                "What your profile says",
                optional=True,
                placeholder="e.g. Developer at …",
                hint="If your profile already says where you work, a post needs not say it.",
                max_length=200,
            ),
        ),
        submit_label="Check",
        intro=(
            Text(
                "I check the draft against our social media guidelines. "
                + text_for("never_posted", "en")
            ),
        ),
    )


def thanks(helpful: bool) -> Message:
    """The answer to 👍 or 👎 on a check."""
    if helpful:
        return Message("Thanks! Glad it helped.")
    return Message(
        "Thanks. The draft is kept, without your name, for whoever maintains the guidelines,"
        " so the checks can get better."
    )
