"""What reports look like: the form, the receipt, the managers' card, reminders and lists."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from content_feed.text import clip
from handlers.command_words import typed
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


def _age(seconds: float, language: str = "en") -> str:
    """How long ago, in `language`: "just now", "5 min ago", "3 h ago", "2 d ago"."""
    minutes = round(seconds) // 60
    if minutes < 1:
        return text_for("age_now", language)
    for unit, size in (("day", 1440), ("hour", 60)):
        if minutes >= size:
            count = minutes // size
            return text_for(f"age_{unit}_one" if count == 1 else f"age_{unit}s", language, n=count)
    return text_for("age_minutes", language, n=minutes)


def _links(report: Report) -> str:
    return "\n".join(f"- {link(clip(url, 80), url)}" for url in report.links) or "(no link)"


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


def card(report: Report, names: Names) -> Message:
    """The managers' card: link, site, urgency, notes, reporters (managers only), age, actions."""
    first = report.first
    shown = report.reporters[:SHOWN_REPORTERS]
    more = len(report.reporters) - len(shown)
    others = f"{more} other{'s' if more > 1 else ''}"
    reporters = untrusted(", ".join(r.shown_name for r in shown)) + (
        f" and {others}" if more else ""
    )
    blocks: list[Block] = [
        Header(f"{'🚨 ' if report.urgency is Urgency.CRISIS else ''}Negative mention {report.ref}"),
        Text(_links(report)),
        Fields(
            (
                ("Where", untrusted(SITE_LABELS.get(report.where, report.where))),
                ("Urgency", text_for(f"urgency_{report.urgency.value}", "en")),
                ("Status", status_line(report, names)),
                (f"Reported by ({len(report.reporters)})", reporters),
            )
        ),
        Context(f"Reported {moment(report.created_at)}."),
    ]
    notes = [
        f"_{untrusted(r.shown_name)}_: {untrusted(clip(text, 500))}"
        for r in shown
        for text in (r.about, r.note)
        if text
    ]
    if more:
        notes.append(f"_What the {others} wrote: press **{ALL_NOTES}**._")
    if notes:
        blocks.append(Text("\n".join(notes)))
    if first.source_permalink:
        blocks.append(Context(f"Shared from {link('a chat message', first.source_permalink)}."))
    sent = [line for r in shown if (line := _sent_with(r))]
    if sent:
        blocks.append(Text("\n".join(sent)))
    if report.closing_note:
        blocks.append(Context(f"Closing note: {untrusted(report.closing_note)}"))
    if report.reopened is not None:
        reopened_line, earlier_line = reopening_lines(report, names)
        blocks += [Text(reopened_line), Context(earlier_line)]
    row = (
        manager_buttons(report).buttons
        if report.status.is_open
        else (Button("Reopen", ids.REOPEN, str(report.id)),)
    )
    if more:
        row += (Button(ALL_NOTES, ids.ALL_NOTES, str(report.id)),)
    blocks.append(Actions(row))
    blocks.append(Context("Reporters' names are shown to the social media team only."))
    summary = f"Negative mention {report.ref} ({report.urgency.value}): "
    what = report.links[0] if report.links else clip(first.about, 100)
    return Message(summary + untrusted(what), tuple(blocks))


# Files listed on a card per reporter: the rest are under "Show all notes" and in the exports.
SHOWN_FILES = 5


def evidence(files: Iterable[Attachment], language: str | None = None) -> str:
    """Files as links to open them where they were sent or where the bot keeps them:
    "Screenshot: shot.png ↗"; one the team cannot open says why: "Screenshot: shot.png (too
    large for the bot to keep …)". In the reporter's `language`, or (None) for the team's
    card: in English, with what the platform answered when it refused a file."""
    return ", ".join(
        text_for("file_screenshot" if f.image else "file_other", language or "en")
        + ": "
        + (
            f"{untrusted(clip(f.name, 80))} ({_why_unseen(f, language)})"
            if f.unseen
            else _opened(f)
        )
        for f in files
    )


def _opened(file: Attachment) -> str:
    return link(clip(file.name, 80) + " ↗", file.url)


def _why_unseen(file: Attachment, language: str | None = None) -> str:
    """Why the team cannot open `file`, in the reporter's `language`, or (None) in English with
    what the platform answered, for the team. A reason stored as an English sentence (before
    reasons were codes) is shown as it was stored."""
    code, _, answered = file.unseen.partition(": ")
    key = f"unseen_{code}"
    if key not in TEXTS["en"]:
        return file.unseen
    why = text_for(key, language or "en", mb=MAX_BYTES // (1024 * 1024))
    return f"{why}: {answered}" if answered and language is None else why


def unseen_line(files: Iterable[Attachment], language: str) -> str:
    """What the reporter hears of the files the team cannot open; "" when it opens them all."""
    unseen = [f for f in files if f.unseen]
    if not unseen:
        return ""
    said = "; ".join(f"{untrusted(clip(f.name, 80))}: {_why_unseen(f, language)}" for f in unseen)
    return text_for("report_unseen", language, files=said)


def _sent_with(reporter: Reporter, shown: int = SHOWN_FILES) -> str:
    """The files a reporter sent with the report, as a line of links; "" for none."""
    if not reporter.files:
        return ""
    more = len(reporter.files) - shown
    rest = f" and {more} more" if more > 0 else ""
    return f"_{untrusted(reporter.shown_name)}_ sent {evidence(reporter.files[:shown])}{rest}"


ALL_NOTES = "Show all notes"
# What "Show all notes" shows at most: within Slack's 50 blocks of 3,000 characters and the
# size of a Teams message; past it, the rest is for `socialbot reports list --json`.
NOTES_CHARS = 40_000
NOTES_BLOCK_CHARS = 2_500


def all_notes(report: Report) -> Message:
    """Every reporter of the report and what they wrote, for the manager who pressed
    "Show all notes" on a card that shows the first SHOWN_REPORTERS (review10c R8)."""
    lines = [
        f"_{untrusted(r.shown_name)}_: "
        + (" — ".join(untrusted(clip(text, 500)) for text in (r.about, r.note) if text) or "-")
        + (f" ({evidence(r.files)})" if r.files else "")
        for r in report.reporters
    ]
    title = f"All {len(report.reporters)} reporters of {report.ref} and what they wrote"
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
        blocks.append(
            Context(
                f"{left} more not shown here, for the message's size: an admin lists them"
                " with `socialbot reports list --json`."
            )
        )
    return Message(title, tuple(blocks))


def reopening_lines(report: Report, names: Names) -> tuple[str, str]:
    """What reopened the report ("reopened: reported again by Carol — …") and how it had been
    closed, by whom, with the closing note."""
    assert report.reopened is not None
    again = report.reopened
    by = next(
        (
            r.shown_name
            for r in report.reporters
            if (r.platform, r.user_id) == (again.platform, again.user_id)
        ),
        names(again.platform, again.user_id),
    )
    if again.again:
        said = f" — {untrusted(clip(again.said, 300))}" if again.said else ""
        first = f"🔁 **Reopened: reported again by {untrusted(by)}**{said}"
    else:
        first = f"🔁 **Reopened by {untrusted(by)}**"
    earlier = text_for(f"listed_{again.earlier_status.value}", "en")
    if again.earlier_outcome is not None:
        earlier += f": {again.earlier_outcome.label}"
    if again.closed_by is not None:
        earlier += f", by {untrusted(names(*again.closed_by))}"
    if again.earlier_note:
        earlier += f" — “{untrusted(clip(again.earlier_note, 300))}”"
    return first, f"Before it was reopened: {earlier}."


def reopened(report: Report, names: Names) -> Message:
    """The team's notice that a closed report was reported again, with an Acknowledge button."""
    first, earlier = reopening_lines(report, names)
    text = f"{report.ref} ({report.urgency.value}) {first.removeprefix('🔁 ').replace('**', '')}"
    return Message(
        text=f"{text}. {earlier}",
        blocks=(
            Text(f"🔁 **{report.ref}** {first.removeprefix('🔁 ')}"),
            Text(_links(report)),
            Context(earlier),
            Actions((Button("Acknowledge", ids.ACKNOWLEDGE, str(report.id), style="primary"),)),
        ),
    )


def manager_buttons(report: Report) -> Actions:
    """Acknowledge, Assign to me, Assign to…, Resolve, Not an issue."""
    value = str(report.id)
    buttons = [
        Button("Acknowledge", ids.ACKNOWLEDGE, value, style="primary"),
        Button("Assign to me", ids.ASSIGN_ME, value),
        Button("Assign to…", ids.ASSIGN_OTHER, value, opens_form=True),
        Button("Resolve", ids.RESOLVE, value, opens_form=True),
        Button("Not an issue", ids.DISMISS, value, style="danger"),
    ]
    if report.status is not Status.NEW:
        buttons = buttons[1:]
    return Actions(tuple(buttons))


def reminder(reports: list[Report], now: float, names: Names, platform: str) -> Message:
    """One nudge about the reports that wait: each unacknowledged one with Acknowledge and
    snooze buttons, each acknowledged one still open with the card's buttons; past `REMINDED`,
    the references of the rest and where to see them (`platform`: where it is read)."""
    shown = reports[:REMINDED]
    lines = [_waiting(report, now) for report in shown]
    blocks: list[Block] = []
    if len(reports) > 1:
        blocks.append(Text(f"⏰ **{len(reports)} reports wait for the social media team.**"))
    for report, line in zip(shown, lines, strict=True):
        blocks += [
            Text(f"⏰ **{line}**"),
            Text(_links(report)),
            Context(status_line(report, names)),
            _reminder_buttons(report),
        ]
    if len(reports) > REMINDED:
        rest = ", ".join(report.ref for report in reports[REMINDED:])
        every = typed(platform, ids.COMMAND, "open")
        blocks.append(
            Context(f"And {len(reports) - REMINDED} more: {rest}. `{every}` shows them all.")
        )
    text = lines[0] if len(reports) == 1 else f"{len(reports)} reports wait: {' '.join(lines)}"
    return Message(text, tuple(blocks))


def _waiting(report: Report, now: float) -> str:
    waited = _age(now - report.created_at).removesuffix(" ago")
    if report.status is Status.NEW:
        return f"{report.ref} ({report.urgency.value}) has waited {waited} without acknowledgement."
    return f"{report.ref} ({report.urgency.value}) is still open, {waited} after it was reported."


def _reminder_buttons(report: Report) -> Actions:
    if report.status is not Status.NEW:
        return manager_buttons(report)
    snoozes = tuple(
        Button(f"Snooze {minutes // 60} h", ids.SNOOZE, f"{report.id}:{minutes}")
        for minutes in SNOOZE_CHOICES
    )
    acknowledge = Button("Acknowledge", ids.ACKNOWLEDGE, str(report.id), style="primary")
    return Actions((acknowledge, *snoozes))


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


def told(reporters: int, gone: int = 0) -> str:
    """What the manager who acted hears about the reporters' news: how many were told, and
    how many have left (forgotten or deactivated) and were not (empty: nobody reachable)."""
    if reporters == 0:
        left = "The reporter has" if gone == 1 else f"The {gone} reporters have"
        return f" {left} left: nobody was told." if gone else ""
    told_ = "The reporter has" if reporters == 1 else f"The {reporters} reporters have"
    others = "; 1 other has left" if gone == 1 else f"; {gone} others have left" if gone else ""
    return f" {told_} been told{others}."


def handed_over(report: Report, by: str, names: Names) -> Message:
    """The new assignee's DM: who gave them the report, then the card."""
    text = f"{untrusted(by)} assigned {report.ref} to you."
    return Message(text, (Text(f"👉 **{text}**"), *card(report, names).blocks))


def resolve_form(report: Report) -> Form:
    """The outcome of a report being resolved."""
    return Form(
        form_id=ids.RESOLVE_FORM,
        title=f"Resolve {report.ref}",
        inputs=(
            Input(
                "outcome",
                "Outcome",
                "select",
                options=tuple(Option(o.value, o.label) for o in Outcome),
            ),
            Input("note", "Note for the record", "multiline", optional=True, max_length=NOTE_LIMIT),
        ),
        submit_label="Resolve",
        intro=(Text(_links(report)),),
        state=str(report.id),
    )


def assign_form(report: Report, managers: Iterable[tuple[str, str]]) -> Form:
    """Choose the manager who takes the report."""
    return Form(
        form_id=ids.ASSIGN_FORM,
        title=f"Assign {report.ref}",
        inputs=(
            Input(
                "assignee",
                "Social media manager",
                "select",
                initial=report.assignee,
                options=tuple(Option(user_id, name) for user_id, name in managers),
            ),
        ),
        submit_label="Assign",
        state=str(report.id),
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
        return Message(f"There is no report {ref}.")
    yours = typed(platform, ids.COMMAND, "list")
    return Message(text_for("not_your_report", language, ref=ref, command=yours))


def open_cards(reports: list[Report], names: Names, platform: str, page: int = 1) -> Message:
    """The open reports as cards, for managers: the most urgent first, then the longest waiting,
    `OPEN_PAGE` to a page, saying which are on the later pages and how to see them."""
    if not reports:
        return Message("No open reports. 🎉")
    ordered = sorted(reports, key=lambda report: (-report.urgency.rank, report.created_at))
    pages = -(-len(ordered) // OPEN_PAGE)
    if not 1 <= page <= pages:
        last = typed(platform, ids.COMMAND, f"open {pages}")
        return Message(f"{_open_count(len(ordered))} fit on {pages} page(s): `{last}` is the last.")
    start = (page - 1) * OPEN_PAGE
    shown, later = ordered[start : start + OPEN_PAGE], ordered[start + OPEN_PAGE :]
    first, end = start + 1, start + len(shown)
    intro = (
        f"{_open_count(len(ordered))}, the most urgent first, then the longest waiting"
        + (f": {first} to {end} shown" if len(shown) < len(ordered) else "")
        + "."
    )
    blocks: list[Block] = [Text(f"**{intro}**")]
    for report in shown:
        blocks += [*card(report, names).blocks, Divider()]
    if later:
        refs = ", ".join(report.ref for report in later[:LISTED])
        more = typed(platform, ids.COMMAND, f"open {page + 1}")
        blocks.append(
            Context(
                f"{len(later)} more: {refs}{', …' if len(later) > LISTED else ''}."
                f" `{more}` shows the next {min(OPEN_PAGE, len(later))}."
            )
        )
    else:
        blocks.pop()  # no divider after the last card
    return Message(intro, tuple(blocks))


def _open_count(count: int) -> str:
    return f"{count} open report{'' if count == 1 else 's'}"


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
