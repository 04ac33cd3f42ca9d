"""Neutral views for guideline answers, the list of sections and one section."""

from __future__ import annotations

import re
from collections.abc import Sequence

from content_feed.text import clip
from handlers.actions import (
    GUIDELINES_ASK_TEAM,
    GUIDELINES_HELPFUL,
    GUIDELINES_OPEN_SECTION,
    GUIDELINES_UNHELPFUL,
)
from handlers.guidelines.answer import Answer
from handlers.guidelines.sections import Section
from handlers.texts import text_for
from handlers.views import Actions, Block, Button, Context, Divider, Header, Message, Text

MAX_TEXT = 2900  # Slack's section text limit is 3,000 characters
MAX_LABEL = 70  # Slack's button label limit is 75
BUTTONS_PER_ROW = 5


def answer_message(answer: Answer, answer_id: str) -> Message:
    """An answer with its cited section and 👍/👎; when unsure, the closest sections to open;
    unless it answers, "Ask the social media team" first."""
    lang = answer.language
    blocks: list[Block] = [Text(clip(answer.answer, MAX_TEXT))]
    if answer.confident and answer.sources:
        cited = answer.sources if answer.by_model else answer.sources[:1]
        names = ", ".join(f"_{source.section}_" for source in cited)
        blocks.append(Context(f"{text_for('source', lang)}: {names}"))
        if answer.by_model:
            blocks.append(Context(text_for("by_model_answer", lang)))
    if answer.verdict == "unsure" and answer.sources:
        closest = tuple(
            Button(clip(source.section, MAX_LABEL), GUIDELINES_OPEN_SECTION, source.key)
            for source in answer.sources[:BUTTONS_PER_ROW]
            if source.key
        )
        if closest:
            blocks.append(Actions(closest))
    buttons = [
        Button(text_for("answer_helpful", lang), GUIDELINES_HELPFUL, answer_id),
        Button(text_for("answer_unhelpful", lang), GUIDELINES_UNHELPFUL, answer_id),
    ]
    if not answer.confident:
        buttons.insert(
            0, Button(text_for("ask_team", lang), GUIDELINES_ASK_TEAM, answer_id, style="primary")
        )
    blocks.append(Actions(tuple(buttons)))
    return Message(text=clip(answer.answer, MAX_TEXT), blocks=tuple(blocks))


def sections_message(
    sections: Sequence[Section], title: str = "Social media guidelines"
) -> Message:
    """The list of sections, each with a button that opens it."""
    lines = "\n".join(f"- {section.title}" for section in sections)
    blocks: list[Block] = [Header(title), Text(clip(lines, MAX_TEXT))]
    buttons = [
        Button(clip(section.title, MAX_LABEL), GUIDELINES_OPEN_SECTION, section.key)
        for section in sections
    ]
    for start in range(0, len(buttons), BUTTONS_PER_ROW):
        blocks.append(Actions(tuple(buttons[start : start + BUTTONS_PER_ROW])))
    blocks.append(Context("Ask me anything about them: `/guidelines <your question>`."))
    return Message(text=f"{title}\n{lines}", blocks=tuple(blocks))


def _markdown_subset(body: str) -> str:
    """The section body in the views' markdown subset: headings bold, list markers as `- `,
    and the source's hard-wrapped lines joined back into paragraphs and list items (chat
    clients break lines where the text does)."""
    out: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"[-*_]{3,}", stripped):
            continue
        heading = re.match(r"^#{1,6}\s*(.+)$", stripped)
        if heading:
            out.append(f"**{heading.group(1).strip()}**")
        elif re.match(r"^[-*+]\s+", stripped):
            out.append("- " + stripped[2:].strip())
        elif stripped and out and out[-1] and not out[-1].startswith("**"):
            out[-1] += " " + stripped
        else:
            out.append(stripped)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def section_message(section: Section) -> Message:
    """One section in full, with where it sits in the document."""
    body = clip(_markdown_subset(section.body), MAX_TEXT)
    blocks: list[Block] = [Header(clip(section.title, 150))]
    if section.path:
        blocks.append(Context(" \u203a ".join(section.path)))
    blocks.extend((Text(body), Divider()))
    return Message(text=f"{section.title}\n{body}", blocks=tuple(blocks))
