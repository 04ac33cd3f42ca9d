"""What announcements look like: to employees, in the preview, in the list, and in the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from content_feed.compose import NETWORK_NAMES, Network, SuggestedPost
from handlers.announcements import ids
from handlers.announcements.channels import channel_reason, given_up_in_outage, person_reasons
from handlers.announcements.posts import written_language
from handlers.announcements.store import CANCELLED, SCHEDULED, SENDING, Announcement, Draft
from handlers.announcements.when import arrivals, in_words, wall_clock
from handlers.command_words import typed
from handlers.shares import share_buttons
from handlers.texts import text_for
from handlers.views import (
    Actions,
    Block,
    Button,
    Context,
    Divider,
    Form,
    Header,
    Input,
    Message,
    Option,
    Text,
    link,
    untrusted,
)

SEND_AGAIN_LABEL = "Send again to the failed channels"
ONLY_THEIRS = "only they or an admin can change it."  # said of another announcer's announcement
# What "Send now" does to a held announcement sent at each person's time
_OTHERS_KEEP = "the others get it at {clock:%H:%M} on their own clock."


@dataclass(frozen=True)
class Figures:
    """Where a fan-out stands, from the delivery ledger, and what people did with it."""

    total: int
    sent: int
    failed: int
    reasons: tuple[tuple[str, int], ...] = ()
    clicks: tuple[tuple[str, int], ...] = ()  # (network, clicks)
    not_for_me: int = 0
    waiting: int = 0  # queued for a time still to come (each person's own clock time)
    last_at: float | None = None  # when the last of those goes (Unix time)
    # The latest edit's in-place changes of the copies delivered: how many, made, failed.
    to_update: int = 0
    updated: int = 0
    not_updated: int = 0

    @property
    def remaining(self) -> int:
        """Deliveries not yet sent or failed."""
        return self.total - self.sent - self.failed


def employee_message(
    announcement_id: int, draft: Draft, sender: str, posts: Mapping[Network, SuggestedPost]
) -> Message:
    """The announcement as everyone receives it: the bot's words around it (its buttons
    too) in the language it is written in, as its suggested posts are (English when the bot
    has no words in that language)."""
    language = written_language(draft) or "en"
    blocks: list[Block] = [
        Header(draft.headline),
        Text(draft.message or draft.headline, draft.image_url or None, draft.headline),
    ]
    if draft.link:
        blocks.append(Text(link(text_for("ann_read_more", language), draft.link)))
    not_for_me = text_for("not_for_me", language)
    buttons = [Button(not_for_me, ids.NOT_FOR_ME, str(announcement_id))]
    if draft.share and posts:
        blocks.append(Text(text_for("ann_spread", language)))
        blocks += [Text(f"**{NETWORK_NAMES[n]}**\n{post.text}") for n, post in posts.items()]
        shares = share_buttons(ids.subject(announcement_id), posts, language).buttons
        buttons = [*shares, *buttons]
    said = text_for("ann_from", language, sender=untrusted(sender))
    blocks += [Actions(tuple(buttons)), Context(said)]
    summary = f"{draft.headline}: {draft.message}" if draft.message else draft.headline
    return Message(summary, tuple(blocks))


def preview_form(
    draft_id: int,
    draft: Draft,
    audience: str,
    message: Message,
    cannot: Sequence[str] = (),
    zones: Sequence[str] = (),
    fallback: str = "UTC",
    *,
    going_out: bool = False,
) -> Form:
    """The preview: the message exactly as people will see it, then confirm, edit or discard;
    `cannot`: a line per chosen channel the bot cannot post in, per platform whose people it
    does not reach, and per clock the chosen time is not on; `zones`: the audience's time
    zones, for when it reaches them (`fallback`: of those with none); `going_out`: an edit of
    one whose copies are going out."""
    clocks = arrivals(draft, zones, fallback)
    go = "send it now" if draft.send_at is None else f"send it {in_words(draft)}"
    go = "change the copies waiting and those delivered" if going_out else go
    return Form(
        form_id=ids.PREVIEW_FORM,
        title="Preview announcement",
        submit_label="Continue",
        state=str(draft_id),
        intro=(
            *(Text(f"⚠️ {line}") for line in cannot),
            Context(f"This is what {audience} will get, {in_words(draft)}."),
            *((Context(clocks),) if clocks else ()),
            Divider(),
            *message.as_blocks(),
            Divider(),
        ),
        inputs=(
            Input(
                ids.NEXT,
                "What now?",
                "select",
                initial=ids.CONFIRM,
                enter_keeps=False,  # an empty line on the console sends nothing
                options=(
                    Option(ids.CONFIRM, f"Confirm: {go}"),
                    Option(ids.BACK_TO_EDIT, "Edit it"),
                    Option(ids.DISCARD, "Cancel: send nothing"),
                ),
            ),
        ),
    )


def confirmed_message(
    announcement: Announcement, audience: str, platform: str, late: bool = False
) -> Message:
    """What the announcer (on `platform`) is told after confirming, or after sending a held
    one (`late`) now."""
    draft = announcement.draft
    if draft.send_at is None:
        text = f"Announcement #{announcement.id} is on its way to {audience}."
    elif late:
        day, clock = wall_clock(draft)
        text = (
            f"Announcement #{announcement.id} is on its way to those of {audience} whose"
            f" {clock:%H:%M} on {day:%a %d %b} has passed; {_OTHERS_KEEP.format(clock=clock)}"
            f" `{typed(platform, ids.COMMAND, 'list')}` to cancel what still waits."
        )
    else:
        text = (
            f"Announcement #{announcement.id} will go to {audience} "
            f"{in_words(draft)}."
            f" `{typed(platform, ids.COMMAND, 'list')}` to edit or cancel it."
        )
    return Message(text, (Text(f"**{draft.headline}**"), Text(text)))


def progress_message(
    announcement: Announcement,
    figures: Figures,
    done: bool,
    channels: Sequence[tuple[str, str]] = (),
    bot: str = "",
) -> Message:
    """The announcer's progress message while sending, then the report; `channels`: (label,
    reason) of each channel that refused it, with a button to send to them again."""
    title = f"Announcement #{announcement.id}: {announcement.draft.headline}"
    delivered = _delivered(announcement, figures)
    if not done:
        text = f"Sending… {delivered}, {figures.failed:,} failed"
        going = figures.remaining - figures.waiting
        text += f", {going:,} to go" if going or not figures.waiting else ""
        text += f"; {waits}." if (waits := _waiting(announcement, figures)) else "."
        text += _updates(figures)
        # its announcer stops or corrects it here, while the copies go
        blocks = (Text(f"**{title}**"), Text(text), change_buttons(announcement))
        return Message(f"{title}. {text}", blocks)
    ended = "Cancelled" if announcement.state == CANCELLED else "Sent"
    lines = [f"{ended}: {delivered}; {figures.failed:,} failed.{_updates(figures)}"]
    if announcement.draft.audience == ids.IN_CHANNELS:
        lines += [
            f"- {untrusted(label)}: {channel_reason(reason, bot, announcement.target)}."
            for label, reason in channels
        ]
    else:
        lines += [
            f"- {count:,} {'person' if count == 1 else 'people'}: {said}"
            for said, count in person_reasons(figures.reasons, announcement.target)
        ]
    if any(given_up_in_outage(reason) for reason, _ in figures.reasons):
        lines.append(
            f"Once {announcement.target.capitalize()} works again, an admin can send it to just"
            " those who missed it, within a week:"
            f" `socialbot deliveries retry --purpose {ids.PURPOSE} --key {announcement.id}`."
            f" Or send it again yourself: `{typed(announcement.platform, ids.COMMAND)}`."
        )
    if announcement.draft.share:
        clicks = {network: count for network, count in figures.clicks}
        lines.append(
            "Share clicks: "
            + " · ".join(f"{name} {clicks.get(n.value, 0):,}" for n, name in NETWORK_NAMES.items())
        )
    lines.append(f"“Not for me”: {figures.not_for_me:,}.")
    again: tuple[Block, ...] = ()
    if channels:
        button = Button(SEND_AGAIN_LABEL, ids.SEND_AGAIN, str(announcement.id), style="primary")
        again = (
            Context(f"Once that is done, press “{SEND_AGAIN_LABEL}”: they alone get it."),
            Actions((button,)),
        )
    return Message(
        f"{title}. {lines[0]}",
        (
            Text(f"**{title}**"),
            Text("\n".join(lines)),
            *again,
            Context("Share clicks keep counting here for a week."),
        ),
    )


def _waiting(announcement: Announcement, figures: Figures) -> str:
    """ "5 waiting for 09:00 on their own clock, the last on Wed 09 Dec at 09:00 (Europe/Paris)"
    (in the announcer's time zone) while copies wait for each person's time; else ""."""
    draft = announcement.draft
    if not figures.waiting or figures.last_at is None or draft.send_at is None:
        return ""
    clock = wall_clock(draft)[1]
    last = datetime.fromtimestamp(figures.last_at, ZoneInfo(draft.zone))
    return (
        f"{figures.waiting:,} waiting for {clock:%H:%M} on their own clock,"
        f" the last on {last:%a %d %b at %H:%M} ({draft.zone})"
    )


def late_message(announcement: Announcement) -> Message:
    """The announcer's question about an announcement held past its time."""
    draft = announcement.draft
    text = (
        f"Your announcement “{draft.headline}” was due {in_words(draft)}"
        " and was not sent: the bot was down then (or its database was restored from an"
        " earlier backup). Send it now, or cancel it?"
    )
    if draft.local and draft.send_at is not None:
        clock = wall_clock(draft)[1]
        text += (
            f" “Send now” sends it to those whose {clock:%H:%M} has passed;"
            f" {_OTHERS_KEEP.format(clock=clock)}"
        )
    return Message(text, (Text(text), late_buttons(announcement)))


def late_buttons(announcement: Announcement) -> Actions:
    """Send now and Cancel, for an announcement held past its time."""
    value = str(announcement.id)
    return Actions(
        (
            Button("Send now", ids.SEND_LATE, value, style="primary"),
            Button("Cancel", ids.CANCEL, value, style="danger"),
        )
    )


def list_message(entries: list[tuple[Announcement, str, str | None]], platform: str) -> Message:
    """Scheduled, sending and recent announcements, with edit and cancel for those scheduled
    or going out (`platform`: where the announcer reads them). An entry's third part names its
    announcer when the reader may not change it: they get no buttons, only who can."""
    if not entries:
        write = typed(platform, ids.COMMAND)
        return Message(f"No announcements are scheduled or going out. `{write}` to write one.")
    blocks: list[Block] = [Header("Announcements")]
    for announcement, status, owner in entries:
        blocks.append(Text(f"**#{announcement.id} {announcement.draft.headline}**\n{status}"))
        # one going out can still be changed or stopped: the copies not sent yet (minutes to
        # hours at the platform's pace, up to a day for one at each person's time)
        changeable = announcement.late or announcement.state in (SCHEDULED, SENDING)
        if changeable and owner is not None:
            blocks.append(Context(f"{untrusted(owner)}'s: {ONLY_THEIRS}"))
        elif announcement.late:
            blocks.append(late_buttons(announcement))
        elif changeable:
            blocks.append(change_buttons(announcement))
    return Message(f"{len(entries)} announcement(s)", tuple(blocks))


def change_buttons(announcement: Announcement) -> Actions:
    """Edit and Cancel, for one scheduled or going out."""
    value = str(announcement.id)
    return Actions(
        (
            Button("Edit", ids.EDIT, value, opens_form=True),
            Button("Cancel", ids.CANCEL, value, style="danger"),
        )
    )


def stopped_copies(announcement: Announcement, in_ledger: int) -> int:
    """Copies of a cancelled announcement that will not go, of its `in_ledger` deliveries:
    withdrawn from the queue, or not queued yet when it was cancelled (they are not in the
    delivery ledger)."""
    return max(len(announcement.recipients) - in_ledger, 0)


def _delivered(announcement: Announcement, figures: Figures) -> str:
    """ "3 of 5 delivered"; for one cancelled while going out, of all it was meant for, with
    how many copies the cancel stopped."""
    if announcement.state != CANCELLED:
        return f"{figures.sent:,} of {figures.total:,} delivered"
    cancelled = stopped_copies(announcement, figures.total)
    meant = figures.total + cancelled
    return f"{figures.sent:,} of {meant:,} delivered, {cancelled:,} stopped"


def _updates(figures: Figures) -> str:
    """How far the latest edit changed the copies delivered before it, after a space; "" when
    there was none."""
    if not figures.to_update:
        return ""
    failed = f"; {figures.not_updated:,} could not be" if figures.not_updated else ""
    return f" Updated {figures.updated:,} of {figures.to_update:,} delivered copies{failed}."


def status_line(announcement: Announcement, audience: str, figures: Figures | None) -> str:
    """One line on where an announcement stands, for the list."""
    draft = announcement.draft
    if announcement.late:
        when = in_words(draft)
        return f"Late: was due {when} for {audience} and was not sent. Send it now or cancel it."
    if announcement.state == SCHEDULED:
        return f"Scheduled {in_words(draft)} for {audience}."
    assert figures is not None
    if announcement.state == SENDING:
        sending = f"Sending: {_delivered(announcement, figures)}, {figures.failed:,} failed"
        waits = _waiting(announcement, figures)
        return (f"{sending}; {waits}." if waits else f"{sending}.") + _updates(figures)
    ended = "Cancelled while going out" if announcement.state == CANCELLED else "Sent"
    went = f"{_delivered(announcement, figures)}, {figures.failed:,} failed."
    return f"{ended}: {went}{_updates(figures)}"


def cancelled_text(announcement: Announcement, stopped: int, went: int) -> str:
    """What cancelling `announcement` (as it was) did: `stopped` copies not sent yet will not
    be, `went` had gone."""
    if announcement.state == SCHEDULED:
        return f"Announcement #{announcement.id} is cancelled; nothing was sent."
    return (
        f"Announcement #{announcement.id} is cancelled: the {stopped:,} copies still waiting"
        f" will not be sent; {f'{went:,} went' if went else 'none went'}."
    )
