"""What reports look like: the form, the receipt, the managers' card, reminders and lists."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from content_feed.text import clip
from handlers.command_words import typed
from handlers.privacy import forgotten_named
from handlers.reports import ids
from handlers.reports.links import SITE_LABELS, SITES
from handlers.reports.model import (
    Event,
    Outcome,
    Report,
    Reporter,
    Status,
    Urgency,
    files_json,
    files_of,
)
from handlers.reports.screenshots import MAX_BYTES
from handlers.reports.triage import SNOOZE_CHOICES
from handlers.texts import TEXTS, text_for
from handlers.views import (
    Actions,
    Attachment,
    Block,
    Button,
    Context,
    Divider,
    Fields,
    Form,
    Header,
    Input,
    Message,
    Option,
    Text,
    link,
    moment,
    untrusted,
)

# Slack's text inputs hold 3,000 characters; the rest of a long message is cut, never lost
# silently (the permalink stays).
FIELD_LIMIT = 2900
TEXT_LIMIT = 3000  # what a report is about, and anything else the reporter adds
NOTE_LIMIT = 2000  # a resolved report's note for the record
LISTED = 20  # reports shown in a list or on the home page
# Reports in one reminder with their buttons (4 blocks each): within Slack's 50 blocks.
REMINDED = 10
# Cards on a page of `/report-mention open`: a card is at most 11 blocks and a divider, so a
# page stays within Slack's 50 blocks (and, at a few KB a card, within Teams' message size).
OPEN_PAGE = 4

Names = Callable[[str, str], str]  # (platform, user id) → a name to show


# What a form's hidden state may hold: Slack's private_metadata takes 3,000 characters.
STATE_LIMIT = 3000


@dataclass(frozen=True)
class Draft:
    """What the report form starts with, and what travels with it unseen."""

    links: str = ""
    where: str = ""
    about: str = ""
    urgency: Urgency = Urgency.NORMAL
    note: str = ""
    source_author: str = ""
    source_channel: str = ""
    source_permalink: str = ""
    files: tuple[Attachment, ...] = ()
    source_author_name: str = ""

    def state(self) -> str:
        """Where a shared message came from, and the files it came with (as many as Slack's
        hidden state holds; the message's permalink leads to the rest), as the form's hidden
        state."""
        source = {
            "author": self.source_author,
            "author_name": self.source_author_name,
            "channel": self.source_channel,
            "permalink": self.source_permalink,
        }
        files = self.files
        while files and len(json.dumps({**source, "files": files_json(files)})) > STATE_LIMIT:
            files = files[:-1]
        source["files"] = files_json(files)
        return json.dumps(source) if any(source.values()) else ""


def source_from_state(state: str) -> dict[str, str]:
    """The shared message's author, channel, permalink and files (as `files_json` writes
    them) from a form's state."""
    try:
        found = json.loads(state) if state else {}
    except ValueError:
        return {}
    return {k: str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def files_from_state(state: str) -> tuple[Attachment, ...]:
    """The files of the shared message a form was opened from; none when the state is not
    as the form wrote it."""
    try:
        return files_of(source_from_state(state).get("files", ""))
    except (ValueError, TypeError):
        return ()


def report_form(draft: Draft, language: str, problem: str = "") -> Form:
    """The report form in the reporter's `language`, prefilled from `draft`; `problem` says
    what was wrong with the input."""
    intro: list[Block] = [Text(text_for("rf_intro", language))]
    if draft.source_permalink:
        message = link(text_for("rf_a_message", language), draft.source_permalink)
        intro.append(Context(text_for("rf_from", language, message=message)))
    if draft.files:
        intro.append(
            Context(text_for("rf_sent_with", language, files=evidence(draft.files, language)))
        )
    if problem:
        intro.append(Text(f"**{text_for('rf_check', language)}** {untrusted(problem)}"))
    sites = tuple(
        Option(value, text_for(f"site_{value}", language) if value in ("news", "other") else label)
        for value, label, _ in SITES
    )
    urgencies = tuple(Option(u.value, text_for(f"urgency_{u.value}", language)) for u in Urgency)
    return Form(
        form_id=ids.REPORT_FORM,
        title=text_for("rf_title", language),
        inputs=(
            Input(
                "links",
                text_for("rf_links", language),
                "multiline",
                initial=draft.links,
                placeholder="https://x.com/someone/status/123",
                hint=text_for("rf_links_hint", language),
                optional=True,
            ),
            Input(
                "where",
                text_for("rf_where", language),
                "select",
                initial=draft.where,
                hint=text_for("rf_where_hint", language),
                optional=True,
                options=sites,
            ),
            Input(
                "about",
                text_for("rf_about", language),
                "multiline",
                initial=clip(draft.about, FIELD_LIMIT),
                hint=text_for("rf_about_hint", language),
                optional=True,
                max_length=TEXT_LIMIT,
            ),
            Input(
                "urgency",
                text_for("rf_urgency", language),
                "select",
                initial=draft.urgency.value,
                options=urgencies,
            ),
            Input(
                "note",
                text_for("rf_note", language),
                "multiline",
                initial=clip(draft.note, FIELD_LIMIT),
                optional=True,
                max_length=TEXT_LIMIT,
            ),
        ),
        submit_label=text_for("rf_submit", language),
        intro=tuple(intro),
        state=draft.state(),
        in_words=f"{problem} {text_for('rf_in_words', language)}".lstrip(),
        language=language,
    )


def link_offer(link: str, language: str) -> Message:
    """The answer to a message that is only a social link, in the person's `language`: report
    it, or ask about it."""
    question = text_for("link_offer", language)
    report = Button(text_for("report_it", language), ids.REPORT_LINK, link, opens_form=True)
    return Message(
        question, (Text(question), Actions((report,)), Context(text_for("or_ask", language)))
    )


class Reach(StrEnum):
    """Who sees a report: the team (its card was sent, or console managers are set), the team
    once its channel lets the bot post, whoever opens a manager console session, or nobody yet
    because no team is configured."""

    TEAM = "team"
    WAITING = "waiting"
    CONSOLE = "console"
    NOBODY = "nobody"


# What the reporter reads of who sees their report (the texts' keys).
REACH_LINES = {
    Reach.TEAM: "reach_team",
    Reach.WAITING: "reach_waiting",
    Reach.CONSOLE: "reach_console",
    Reach.NOBODY: "reach_nobody",
}


def receipt(
    report: Report,
    outcome: Literal["new", "merged", "repeat", "reopened"],
    reach: Reach,
    language: str,
    added: bool = True,
    files: tuple[Attachment, ...] = (),
    admin: bool = False,
) -> Message:
    """The reporter's receipt in their `language`: the reference, who will see it, what of the
    `files` they sent the team cannot see, and what (not) to do now (an `admin` reads the
    settings to change).

    `outcome` is how it was filed (`new`, `merged` into others' report, `repeat` of one's own,
    `reopened` a closed one); `added` whether a repeat brought anything new."""
    team = reach is Reach.TEAM
    ref = report.ref
    if outcome == "repeat":
        status = text_for(f"status_{report.status.value}", language)
        first = text_for("report_repeat", language, ref=ref, status=status)
        if added:
            first += " " + text_for("report_repeat_added", language)
    else:
        first = text_for(f"report_{outcome}{'_team' if team else ''}", language, ref=ref)
    admins = admin and reach is Reach.NOBODY
    reached = text_for("reach_nobody_admin" if admins else REACH_LINES[reach], language)
    where = Text(reached)
    dont = Text(text_for("dont_engage", language))
    middle = (dont, where) if team else (where, dont)
    text = first if team else f"{first} {reached}"
    unseen = unseen_line(files, language)
    said = f"{text} {text_for('dont_reply', language)}"
    return Message(
        text=f"{said} {unseen}" if unseen else said,
        blocks=(
            Text(f"**{first}**"),
            *middle,
            *((Text(unseen),) if unseen else ()),
            Context(text_for("report_reference", language, ref=ref)),
        ),
    )


def kept(language: str) -> Message:
    """What the reporter hears of a report the database could not take (another program held
    its lock): it is kept for later."""
    return Message(text_for("report_kept", language))


def filed_at_last(receipt: Message, language: str) -> Message:
    """The receipt of a report kept while the database was locked, sent once it is filed."""
    filed = text_for("report_filed_at_last", language)
    return Message(f"{filed} {receipt.text}", (Text(filed), *receipt.as_blocks()))


def waiting(report: Report, language: str) -> Message:
    """What the reporters hear when the report's card is kept for the team's channel, after a
    receipt that said the team has it."""
    saved = text_for("report_saved", language, ref=report.ref)
    text = f"{saved} {text_for('reach_waiting', language)}"
    return Message(text, (Text(text), Context(text_for("reference", language, ref=report.ref))))


def _age(seconds: float, language: str, kind: Literal["age", "span"] = "age") -> str:
    """How long ago, in `language`: "just now", "5 min ago", "3 h ago", "2 d ago"; or (a
    `span`) how long: "under a minute", "5 min", "3 h", "2 d"."""
    minutes = round(seconds) // 60
    if minutes < 1:
        return text_for(f"{kind}_now", language)
    for unit, size in (("day", 1440), ("hour", 60)):
        if minutes >= size:
            count = minutes // size
            key = f"{kind}_{unit}_one" if count == 1 else f"{kind}_{unit}s"
            return text_for(key, language, n=count)
    return text_for(f"{kind}_minutes", language, n=minutes)


def _links(report: Report, language: str) -> str:
    listed = (f"- {link(clip(url, 80), url)}" for url in report.links)
    return "\n".join(listed) or text_for("card_no_link", language)


def urgency_word(report: Report, language: str) -> str:
    """The report's urgency in a word ("crisis"), in `language`."""
    return text_for(f"urgency_word_{report.urgency.value}", language)


def status_line(report: Report, names: Names, language: str = "en") -> str:
    """The report's status in words, with who holds it, in `language`."""
    line = text_for(f"listed_{report.status.value}", language)
    if report.assignee:
        who = untrusted(names(report.assignee_platform, report.assignee))
        line = text_for("status_assigned", language, status=line, who=who)
    if report.outcome is not None:
        outcome = text_for(f"outcome_{report.outcome.value}", language)
        line = text_for("status_outcome", language, status=line, outcome=outcome)
    return line


# A report many people file keeps its card within Teams' message size (about 80 KB): the
# first reporters and what they wrote, then a count.
SHOWN_REPORTERS = 10


def _said(text: str, language: str) -> str:
    """What a reporter wrote, as the team reads it in `language`: the start of it, with
    someone forgotten since named as a former employee."""
    return untrusted(clip(forgotten_named(text, language), 500))


def _site(report: Report, language: str) -> str:
    """Where the post is, as the report form names it in `language`."""
    if report.where in ("news", "other"):
        return text_for(f"site_{report.where}", language)
    return untrusted(SITE_LABELS.get(report.where, report.where))


def card(report: Report, names: Names, language: str) -> Message:
    """The managers' card in `language` (a manager's own in their DM, the guidelines' in a
    shared channel): link, site, urgency, notes, reporters (managers only), age, actions."""
    first = report.first
    shown = report.reporters[:SHOWN_REPORTERS]
    more = len(report.reporters) - len(shown)
    reporters = untrusted(", ".join(r.name_in(language) for r in shown))
    if more:
        key = "card_and_others_one" if more == 1 else "card_and_others"
        reporters = text_for(key, language, names=reporters, count=more)
    crisis = "🚨 " if report.urgency is Urgency.CRISIS else ""
    count = len(report.reporters)
    blocks: list[Block] = [
        Header(crisis + text_for("card_title", language, ref=report.ref)),
        Text(_links(report, language)),
        Fields(
            (
                (text_for("card_where", language), _site(report, language)),
                (
                    text_for("card_urgency", language),
                    text_for(f"urgency_{report.urgency.value}", language),
                ),
                (text_for("card_status", language), status_line(report, names, language)),
                (text_for("card_reported_by", language, count=count), reporters),
            )
        ),
        Context(text_for("card_reported_at", language, moment=moment(report.created_at))),
    ]
    notes = [
        f"_{untrusted(r.name_in(language))}_: {_said(text, language)}"
        for r in shown
        for text in (r.about, r.note)
        if text
    ]
    all_notes_label = text_for("button_all_notes", language)
    if more:
        key = "card_others_wrote_one" if more == 1 else "card_others_wrote"
        notes.append(f"_{text_for(key, language, count=more, button=all_notes_label)}_")
    if notes:
        blocks.append(Text("\n".join(notes)))
    if first.source_permalink:
        message = link(text_for("card_a_chat_message", language), first.source_permalink)
        blocks.append(Context(text_for("card_shared_from", language, message=message)))
    sent = [line for r in shown if (line := _sent_with(r, language))]
    if sent:
        blocks.append(Text("\n".join(sent)))
    if report.closing_note:
        note = untrusted(report.closing_note)
        blocks.append(Context(text_for("card_closing_note", language, note=note)))
    if report.reopened is not None:
        reopened_line, earlier_line = reopening_lines(report, names, language)
        blocks += [Text(reopened_line), Context(earlier_line)]
    row = (
        manager_buttons(report, language).buttons
        if report.status.is_open
        else (Button(text_for("button_reopen", language), ids.REOPEN, str(report.id)),)
    )
    if more:
        row += (Button(all_notes_label, ids.ALL_NOTES, str(report.id)),)
    blocks.append(Actions(row))
    blocks.append(Context(text_for("card_team_only", language)))
    what = untrusted(report.links[0] if report.links else clip(first.about, 100))
    urgency = urgency_word(report, language)
    summary = text_for("card_summary", language, ref=report.ref, urgency=urgency, what=what)
    return Message(summary, tuple(blocks))


# Files listed on a card per reporter: the rest are under "Show all notes" and in the exports.
SHOWN_FILES = 5


def evidence(files: Iterable[Attachment], language: str, team: bool = False) -> str:
    """Files as links to open them where they were sent or where the bot keeps them:
    "Screenshot: shot.png ↗"; one the team cannot open says why: "Screenshot: shot.png (too
    large for the bot to keep …)". In the reader's `language`; for the `team`, with what the
    platform answered when it refused a file."""
    return ", ".join(
        text_for("file_screenshot" if f.image else "file_other", language)
        + ": "
        + (
            f"{untrusted(clip(f.name, 80))} ({_why_unseen(f, language, team)})"
            if f.unseen
            else _opened(f)
        )
        for f in files
    )


def _opened(file: Attachment) -> str:
    return link(clip(file.name, 80) + " ↗", file.url)


def _why_unseen(file: Attachment, language: str, team: bool = False) -> str:
    """Why the team cannot open `file`, in the reader's `language`; for the `team`, with what
    the platform answered, as it said it. A reason stored as an English sentence
    (before reasons were codes) is shown as it was stored."""
    code, _, answered = file.unseen.partition(": ")
    key = f"unseen_{code}"
    if key not in TEXTS["en"]:
        return file.unseen
    why = text_for(key, language, mb=MAX_BYTES // (1024 * 1024))
    return f"{why}: {answered}" if answered and team else why


def unseen_line(files: Iterable[Attachment], language: str) -> str:
    """What the reporter hears of the files the team cannot open; "" when it opens them all."""
    unseen = [f for f in files if f.unseen]
    if not unseen:
        return ""
    said = "; ".join(f"{untrusted(clip(f.name, 80))}: {_why_unseen(f, language)}" for f in unseen)
    return text_for("report_unseen", language, files=said)


def _sent_with(reporter: Reporter, language: str, shown: int = SHOWN_FILES) -> str:
    """The files a reporter sent with the report, as a line of links in the card's
    `language`; "" for none."""
    if not reporter.files:
        return ""
    more = len(reporter.files) - shown
    name = f"_{untrusted(reporter.name_in(language))}_"
    files = evidence(reporter.files[:shown], language, team=True)
    if more > 0:
        return text_for("card_sent_more", language, name=name, files=files, count=more)
    return text_for("card_sent", language, name=name, files=files)


# What "Show all notes" shows at most: within Slack's 50 blocks of 3,000 characters and the
# size of a Teams message; past it, the rest is for `socialbot reports list --json`.
NOTES_CHARS = 40_000
NOTES_BLOCK_CHARS = 2_500


def all_notes(report: Report, language: str) -> Message:
    """Every reporter of the report and what they wrote, for the manager who pressed
    "Show all notes" on a card that shows the first SHOWN_REPORTERS (review10c R8), in their
    `language`."""
    lines = [
        f"_{untrusted(r.name_in(language))}_: "
        + (" — ".join(_said(text, language) for text in (r.about, r.note) if text) or "-")
        + (f" ({evidence(r.files, language, team=True)})" if r.files else "")
        for r in report.reporters
    ]
    title = text_for("notes_title", language, count=len(report.reporters), ref=report.ref)
    shown: list[str] = []
    for line in lines:
        if sum(map(len, shown)) + len(line) > NOTES_CHARS:
            break
        shown.append(line)
    blocks: list[Block] = [Text(f"**{title}**")]
    paragraph: list[str] = []
    for line in shown:
        if paragraph and len("\n".join([*paragraph, line])) > NOTES_BLOCK_CHARS:
            blocks.append(Text("\n".join(paragraph)))
            paragraph = []
        paragraph.append(line)
    if paragraph:
        blocks.append(Text("\n".join(paragraph)))
    if left := len(lines) - len(shown):
        blocks.append(Context(text_for("notes_more", language, count=left)))
    return Message(title, tuple(blocks))


def reopening_lines(report: Report, names: Names, language: str) -> tuple[str, str]:
    """What reopened the report ("reopened: reported again by Carol — …") and how it had been
    closed, by whom, with the closing note, in `language`."""
    assert report.reopened is not None
    again = report.reopened
    by = next(
        (
            r.name_in(language)
            for r in report.reporters
            if (r.platform, r.user_id) == (again.platform, again.user_id)
        ),
        names(again.platform, again.user_id),
    )
    who = untrusted(by)
    if again.again:
        said = f" — {untrusted(clip(again.said, 300))}" if again.said else ""
        first = f"🔁 **{text_for('card_reported_again', language, who=who)}**{said}"
    else:
        first = f"🔁 **{text_for('card_reopened_by', language, who=who)}**"
    earlier = text_for(f"listed_{again.earlier_status.value}", language)
    if again.earlier_outcome is not None:
        outcome = text_for(f"outcome_{again.earlier_outcome.value}", language)
        earlier = text_for("status_outcome", language, status=earlier, outcome=outcome)
    if again.closed_by is not None:
        closer = untrusted(names(*again.closed_by))
        earlier = text_for("card_earlier_by", language, earlier=earlier, who=closer)
    if again.earlier_note:
        earlier += f" — “{untrusted(clip(again.earlier_note, 300))}”"
    return first, text_for("card_before", language, earlier=earlier)


def reopened(report: Report, names: Names, language: str) -> Message:
    """The team's notice, in `language`, that a closed report was reported again, with an
    Acknowledge button."""
    first, earlier = reopening_lines(report, names, language)
    urgency = urgency_word(report, language)
    text = f"{report.ref} ({urgency}) {first.removeprefix('🔁 ').replace('**', '')}"
    acknowledge = text_for("button_acknowledge", language)
    return Message(
        text=f"{text}. {earlier}",
        blocks=(
            Text(f"🔁 **{report.ref}** {first.removeprefix('🔁 ')}"),
            Text(_links(report, language)),
            Context(earlier),
            Actions((Button(acknowledge, ids.ACKNOWLEDGE, str(report.id), style="primary"),)),
        ),
    )


def manager_buttons(report: Report, language: str) -> Actions:
    """Acknowledge, Assign to me, Assign to…, Resolve, Not an issue, in `language`."""
    value = str(report.id)

    def said(key: str) -> str:
        return text_for(f"button_{key}", language)

    buttons = [
        Button(said("acknowledge"), ids.ACKNOWLEDGE, value, style="primary"),
        Button(said("assign_me"), ids.ASSIGN_ME, value),
        Button(said("assign_other"), ids.ASSIGN_OTHER, value, opens_form=True),
        Button(said("resolve"), ids.RESOLVE, value, opens_form=True),
        Button(said("dismiss"), ids.DISMISS, value, style="danger"),
    ]
    if report.status is not Status.NEW:
        buttons = buttons[1:]
    return Actions(tuple(buttons))


def reminder(
    reports: list[Report], now: float, names: Names, platform: str, language: str
) -> Message:
    """One nudge about the reports that wait, in its reader's `language`: each unacknowledged
    one with Acknowledge and snooze buttons, each acknowledged one still open with the card's
    buttons; past `REMINDED`, the references of the rest and where to see them (`platform`:
    where it is read)."""
    shown = reports[:REMINDED]
    lines = [_waiting(report, now, language) for report in shown]
    count = len(reports)
    blocks: list[Block] = []
    if count > 1:
        blocks.append(Text(f"⏰ **{text_for('remind_count', language, count=count)}**"))
    for report, line in zip(shown, lines, strict=True):
        blocks += [
            Text(f"⏰ **{line}**"),
            Text(_links(report, language)),
            Context(status_line(report, names, language)),
            _reminder_buttons(report, language),
        ]
    if count > REMINDED:
        rest = ", ".join(report.ref for report in reports[REMINDED:])
        every = typed(platform, ids.COMMAND, "open")
        more = text_for("remind_more", language, count=count - REMINDED, refs=rest, command=every)
        blocks.append(Context(more))
    if count == 1:
        text = lines[0]
    else:
        text = text_for("remind_summary", language, count=count, lines=" ".join(lines))
    return Message(text, tuple(blocks))


def _waiting(report: Report, now: float, language: str) -> str:
    waited = _age(now - report.created_at, language, "span")
    key = "remind_waited" if report.status is Status.NEW else "remind_open"
    urgency = urgency_word(report, language)
    return text_for(key, language, ref=report.ref, urgency=urgency, waited=waited)


def _reminder_buttons(report: Report, language: str) -> Actions:
    if report.status is not Status.NEW:
        return manager_buttons(report, language)
    snoozes = tuple(
        Button(
            text_for("button_snooze", language, hours=minutes // 60),
            ids.SNOOZE,
            f"{report.id}:{minutes}",
        )
        for minutes in SNOOZE_CHOICES
    )
    acknowledge = text_for("button_acknowledge", language)
    return Actions(
        (Button(acknowledge, ids.ACKNOWLEDGE, str(report.id), style="primary"), *snoozes)
    )


def status_update(report: Report, event: Event, names: Names, language: str) -> Message:
    """What a reporter is told, in their `language`, when a manager acts on their report."""
    who = untrusted(names(event.platform, event.user_id))
    ref = report.ref
    match event.kind:
        case "acknowledged" | "reopened":
            text = text_for(f"update_{event.kind}", language, ref=ref)
        case "assigned":
            assignee = untrusted(names(report.assignee_platform, report.assignee))
            text = text_for("update_assigned", language, ref=ref, who=assignee)
        case "resolved":
            outcome = text_for(
                f"outcome_{report.outcome.value}" if report.outcome else "status_resolved",
                language,
            )
            text = text_for("update_resolved", language, ref=ref, outcome=outcome)
        case _:
            text = text_for("update_dismissed", language, ref=ref)
    return Message(text, (Text(text), Context(text_for("updated_by", language, who=who))))


def not_told(ref: str, reporter: str, language: str, bot: bool = False) -> Message:
    """What the manager who acted hears in their `language` when the news did not reach a
    reporter (after `told` had counted them), who has left, or is a `bot` account, which the
    platform lets no bot message (Slack's `cannot_dm_bot`)."""
    key = "not_told_bot" if bot else "not_told"
    return Message(text_for(key, language, ref=ref, reporter=reporter))


def told(reporters: int, gone: int, language: str) -> str:
    """What the manager who acted hears in their `language` about the reporters' news: how
    many were told, and how many have left (forgotten or deactivated) and were not (empty:
    nobody reachable)."""
    if reporters == 0:
        if not gone:
            return ""
        key = "told_gone_one" if gone == 1 else "told_gone_many"
        return " " + text_for(key, language, count=gone)
    left = ""
    if gone:
        left_key = "told_left_one" if gone == 1 else "told_left_many"
        left = text_for(left_key, language, count=gone)
    key = "told_one" if reporters == 1 else "told_many"
    return " " + text_for(key, language, count=reporters, left=left)


def done(report: Report, key: str, language: str, **fields: str) -> str:
    """What the manager who acted on `report` hears it became, in their `language`
    ("R-0001 acknowledged.")."""
    return text_for(f"done_{key}", language, ref=report.ref, **fields)


def handed_over(report: Report, by: str, names: Names, language: str) -> Message:
    """The new assignee's DM, in their `language`: who gave them the report, then the card."""
    text = text_for("handed_over", language, by=untrusted(by), ref=report.ref)
    return Message(text, (Text(f"👉 **{text}**"), *card(report, names, language).blocks))


def held(report: Report, names: Names, language: str) -> Message:
    """What "Assign to me" answers, in `language`, when another manager holds the report:
    who, and a button to take it over on purpose (review17a M1)."""
    who = untrusted(names(report.assignee_platform, report.assignee))
    text = text_for("held_by", language, ref=report.ref, who=who)
    take = Button(text_for("button_take_over", language), ids.TAKE_OVER, str(report.id))
    return Message(text, (Text(text), Actions((take,))))


def taken_from(
    report: Report, by: str, by_id: tuple[str, str], names: Names, language: str
) -> Message:
    """The DM, in `language`, to whoever held the report until `by` took it over (`by_id`
    holds it now) or gave it to someone else."""
    if (report.assignee_platform, report.assignee) == by_id:
        text = text_for("taken_over", language, by=untrusted(by), ref=report.ref)
    else:
        who = untrusted(names(report.assignee_platform, report.assignee))
        text = text_for("given_away", language, by=untrusted(by), ref=report.ref, who=who)
    return Message(text, (Text(f"👉 **{text}**"), Context(status_line(report, names, language))))


def _outcome(outcome: Outcome, language: str) -> str:
    said = text_for(f"outcome_{outcome.value}", language)
    return said[:1].upper() + said[1:]


def resolve_form(report: Report, language: str) -> Form:
    """The outcome of a report being resolved, asked in the manager's `language`."""
    return Form(
        form_id=ids.RESOLVE_FORM,
        title=text_for("resolve_title", language, ref=report.ref),
        inputs=(
            Input(
                "outcome",
                text_for("resolve_outcome", language),
                "select",
                options=tuple(Option(o.value, _outcome(o, language)) for o in Outcome),
            ),
            Input(
                "note",
                text_for("resolve_note", language),
                "multiline",
                optional=True,
                max_length=NOTE_LIMIT,
            ),
        ),
        submit_label=text_for("button_resolve", language),
        intro=(Text(_links(report, language)),),
        state=str(report.id),
        language=language,
    )


def assign_form(report: Report, managers: Iterable[tuple[str, str]], language: str) -> Form:
    """Choose the manager who takes the report, in the manager's `language`."""
    return Form(
        form_id=ids.ASSIGN_FORM,
        title=text_for("assign_title", language, ref=report.ref),
        inputs=(
            Input(
                "assignee",
                text_for("assign_manager", language),
                "select",
                initial=report.assignee,
                options=tuple(Option(user_id, name) for user_id, name in managers),
            ),
        ),
        submit_label=text_for("assign_submit", language),
        state=str(report.id),
        language=language,
    )


def _line(report: Report, now: float, names: Names, language: str) -> str:
    """One report in a list, its status and age in the reader's `language`."""
    # A link cut to fit is a label: as bare text, clients would link the cut address.
    url = report.links[0] if report.links else ""
    what = link(clip(url, 60), url) if url else untrusted(clip(report.first.about, 60))
    age = _age(now - report.created_at, language)
    return f"- **{report.ref}** {what} · {status_line(report, names, language)} · {age}"


def _lines(reports: list[Report], now: float, names: Names, language: str) -> str:
    return "\n".join(_line(report, now, names, language) for report in reports[:LISTED])


def own_reports(
    reports: list[Report], now: float, names: Names, platform: str, language: str
) -> Message:
    """A reporter's own reports, newest first (`platform`: where they read it), in their
    `language`."""
    if not reports:
        how = typed(platform, ids.COMMAND, "<link>")
        return Message(text_for("no_reports_yet", language, command=how))
    lines = _lines(reports, now, names, language)
    if len(reports) > LISTED:
        title = text_for("own_reports_cut", language, count=LISTED)
    else:
        title = text_for("own_reports", language)
    return Message(
        text_for("listing", language, title=title, lines=lines), (Text(f"**{title}**"), Text(lines))
    )


def not_yours(ref: str, platform: str, manager: bool, language: str) -> Message:
    """The answer to a reference the person may not see (or, for a manager, none has)."""
    if manager:
        return Message(text_for("no_such_report", language, ref=ref))
    yours = typed(platform, ids.COMMAND, "list")
    return Message(text_for("not_your_report", language, ref=ref, command=yours))


def open_cards(
    reports: list[Report], names: Names, platform: str, language: str, page: int = 1
) -> Message:
    """The open reports as cards, for managers, in their `language`: the most urgent first,
    then the longest waiting, `OPEN_PAGE` to a page, saying which are on the later pages and
    how to see them."""
    if not reports:
        return Message(text_for("open_none", language))
    ordered = sorted(reports, key=lambda report: (-report.urgency.rank, report.created_at))
    pages = -(-len(ordered) // OPEN_PAGE)
    count = _open_count(len(ordered), language)
    if not 1 <= page <= pages:
        last = typed(platform, ids.COMMAND, f"open {pages}")
        return Message(text_for("open_past", language, count=count, pages=pages, command=last))
    start = (page - 1) * OPEN_PAGE
    shown, later = ordered[start : start + OPEN_PAGE], ordered[start + OPEN_PAGE :]
    first, end = start + 1, start + len(shown)
    if len(shown) < len(ordered):
        intro = text_for("open_intro_part", language, count=count, first=first, end=end)
    else:
        intro = text_for("open_intro", language, count=count)
    blocks: list[Block] = [Text(f"**{intro}**")]
    for report in shown:
        blocks += [*card(report, names, language).blocks, Divider()]
    if later:
        refs = ", ".join(report.ref for report in later[:LISTED])
        refs += ", …" if len(later) > LISTED else ""
        more = typed(platform, ids.COMMAND, f"open {page + 1}")
        after = min(OPEN_PAGE, len(later))
        said = text_for(
            "open_more", language, count=len(later), refs=refs, command=more, next=after
        )
        blocks.append(Context(said))
    else:
        blocks.pop()  # no divider after the last card
    return Message(intro, tuple(blocks))


def _open_count(count: int, language: str) -> str:
    if count == 1:
        return text_for("open_count_one", language)
    return text_for("open_count", language, count=count)


def home_section(
    mine: list[Report],
    team: list[Report] | None,
    now: float,
    names: Names,
    platform: str,
    language: str,
) -> tuple[Block, ...]:
    """The App Home part, in the person's `language` (`platform`: where they read it): their
    open reports, and for managers every open report."""
    blocks: list[Block] = [Text(f"**{text_for('home_reports', language)}**")]
    if mine:
        blocks.append(Text(_lines(mine, now, names, language)))
        if len(mine) > LISTED:
            blocks.append(Context(text_for("home_reports_cut", language, count=LISTED)))
    else:
        how = typed(platform, ids.COMMAND, "<link>")
        blocks.append(Context(text_for("home_no_reports", language, command=how)))
    if team is not None:
        waiting = sum(1 for report in team if report.status is Status.NEW)
        counts = text_for("home_team_counts", language, count=len(team), waiting=waiting)
        blocks.append(Text(f"**{text_for('home_team', language)}** ({counts})"))
        if team:
            blocks.append(Text(_lines(team, now, names, language)))
        command = typed(platform, ids.COMMAND, "open")
        if len(team) > LISTED:
            said = text_for("home_team_cut", language, count=LISTED, command=command)
        else:
            said = text_for("home_team_open", language, command=command)
        blocks.append(Context(said))
    return tuple(blocks)
