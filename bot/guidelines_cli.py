"""`socialbot ask` and `socialbot qa feedback`: guideline answers from the command line."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli_support import SuggestingGroup, echo_json_lines, runtime_or_exit, settings_or_exit

if TYPE_CHECKING:
    from bot.app import Runtime
    from handlers.guidelines import Answer


def _print(answer: Answer, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(answer.as_json(), ensure_ascii=False))
        return
    click.echo(answer.answer)
    for source in answer.sources[:1] if answer.confident else ():
        click.echo(f"  [{source.section}] score {source.score:.2f}")
    click.echo()


async def _answer_all(runtime: Runtime, questions: list[str], as_json: bool) -> None:
    try:
        for question in questions:
            _print(await runtime.core.guidelines.answer(question), as_json)
    finally:
        await runtime.close_clients()


@click.command()
@click.option(
    "--guidelines",
    "guidelines",
    type=click.Path(path_type=Path),
    help="A guidelines file (markdown or text) instead of SOCIALBOT_GUIDELINES.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer.")
@click.argument("question", required=False)
def ask(guidelines: Path | None, as_json: bool, question: str | None) -> None:
    """Answer a question from the guidelines (or one per line of standard input)."""
    overrides: dict[str, Any] = {"guidelines": guidelines} if guidelines else {}
    runtime = runtime_or_exit(settings_or_exit(**overrides), reads_only=True)
    if question is not None:
        questions = [question]
    else:
        questions = [line.strip() for line in sys.stdin if line.strip()]
    if not questions:
        click.echo("No question: give one as an argument or one per line of stdin.", err=True)
    try:
        asyncio.run(_answer_all(runtime, questions, as_json))
    finally:
        runtime.db.close()


@click.group(cls=SuggestingGroup)
def qa() -> None:
    """Guideline answers: what people thought of them."""


@qa.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per 👎.")
def feedback(as_json: bool) -> None:
    """List the answers people marked 👎, newest first."""
    from handlers.guidelines import downvotes
    from handlers.privacy import is_forgotten

    runtime = runtime_or_exit(settings_or_exit(), reads_only=True)
    try:
        votes = downvotes(runtime.db)
    finally:
        runtime.db.close()
    none = "No 👎 on any answer yet."
    if as_json:
        records = (
            {
                "at": vote.at,
                "question": vote.answer.question,
                "answer": vote.answer.answer,
                "section": vote.answer.section,
                "confident": vote.answer.confident,
                # None once the vote is kept without who gave it (after 90 days)
                "voter": None if is_forgotten(vote.user_id) else f"{vote.platform}:{vote.user_id}",
            }
            for vote in votes
        )
        echo_json_lines(records, none)
        return
    if not votes:
        click.echo(none)
    for vote in votes:
        section = vote.answer.section if vote.answer.confident else "not covered"
        click.echo(f"{vote.at}  {vote.answer.question}")
        click.echo(f"    answered from: {section}")
