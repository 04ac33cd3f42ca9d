"""An announcement's figures: delivery states from the ledger, share clicks, "Not for me"s.

The delivery ledger belongs to `bot/delivery`, which handlers may not import; its `deliveries`
table is read here with one read-only query per figure (columns `purpose`, `key`, `state`,
`reason`), the same queries as `Ledger.counts` and `Ledger.summary`.
"""

from __future__ import annotations

import time

from handlers.announcements import ids
from handlers.announcements.store import Announcement, AnnouncementStore
from handlers.announcements.views import Figures, stopped_copies
from handlers.shares import Shares

FAILED_LISTED = 50  # channels named in a report; a channel audience is a handful


def _states(store: AnnouncementStore, purpose: str, key: str) -> dict[str, int]:
    """The deliveries of (purpose, key) per ledger state (queued, sending, sent, failed)."""
    rows = store.db.execute(
        "SELECT state, count(*) FROM deliveries WHERE purpose = ? AND key = ? GROUP BY state",
        [purpose, key],
    ).fetchall()
    return {str(state): int(count) for state, count in rows}


def delivered(store: AnnouncementStore, announcement_id: int) -> dict[str, int]:
    """Deliveries of the announcement per ledger state."""
    return _states(store, ids.PURPOSE, str(announcement_id))


def went(store: AnnouncementStore, announcement_id: int) -> int:
    """Copies of the announcement that went (sent, or on their way)."""
    states = delivered(store, announcement_id)
    return states.get("sent", 0) + states.get("sending", 0)


def stopped(store: AnnouncementStore, announcement: Announcement) -> int:
    """Copies of a cancelled announcement that will not go (`stopped_copies`)."""
    return stopped_copies(announcement, sum(delivered(store, announcement.id).values()))


def figures(store: AnnouncementStore, shares: Shares, announcement_id: int) -> Figures:
    """Where the announcement's fan-out stands and how people answered it."""
    states = delivered(store, announcement_id)
    reasons = store.db.execute(
        "SELECT coalesce(reason, 'unknown'), count(*) FROM deliveries"
        " WHERE purpose = ? AND key = ? AND state = 'failed'"
        " GROUP BY reason ORDER BY count(*) DESC",
        [ids.PURPOSE, str(announcement_id)],
    ).fetchall()
    # copies of one sent at each person's time that wait for it (the engine's clock is real)
    waiting, last_at = store.db.execute(
        "SELECT count(*), max(not_before) FROM deliveries"
        " WHERE purpose = ? AND key = ? AND state = 'queued' AND not_before > ?",
        [ids.PURPOSE, str(announcement_id), time.time()],
    ).fetchone()
    edits = updated(store, announcement_id)
    subject = ids.subject(announcement_id)
    clicks = [(c.network, c.clicks) for c in shares.counts(subject) if c.subject == subject]
    return Figures(
        total=sum(states.values()),
        sent=states.get("sent", 0),
        failed=states.get("failed", 0),
        reasons=tuple((str(reason), int(count)) for reason, count in reasons),
        clicks=tuple(clicks),
        not_for_me=store.dismissals(announcement_id),
        waiting=int(waiting),
        last_at=float(last_at) if last_at is not None else None,
        to_update=sum(edits.values()),
        updated=edits.get("sent", 0),
        not_updated=edits.get("failed", 0),
    )


def _edits(store: AnnouncementStore, announcement_id: int) -> list[str]:
    """The keys of the announcement's edits of copies delivered, the latest first."""
    rows = store.db.execute(
        "SELECT key FROM deliveries WHERE purpose = ? AND key LIKE ? GROUP BY key"
        " ORDER BY max(id) DESC",
        [ids.EDITED, f"{announcement_id}#%"],
    ).fetchall()
    return [str(key) for (key,) in rows]


def next_edit(store: AnnouncementStore, announcement_id: int) -> str:
    """The delivery key of the announcement's next edit of the copies delivered: one more than
    the highest so far (a superseded edit's rows are dropped: counting those left would give a
    key still in use)."""
    numbers = [int(key.rpartition("#")[2]) for key in _edits(store, announcement_id)]
    return f"{announcement_id}#{max(numbers, default=0) + 1}"


def updated(store: AnnouncementStore, announcement_id: int) -> dict[str, int]:
    """The changes of the copies delivered to what its latest edit says, per ledger state: an
    earlier edit that said the same made some (the delivery ledger queues no change of a copy
    that says it already)."""
    latest = _edits(store, announcement_id)
    if not latest:
        return {}
    rows = store.db.execute(
        "SELECT state, count(*) FROM deliveries WHERE purpose = ? AND key LIKE ? AND payload ="
        " (SELECT payload FROM deliveries WHERE purpose = ? AND key = ? ORDER BY id DESC LIMIT 1)"
        " GROUP BY state",
        [ids.EDITED, f"{announcement_id}#%", ids.EDITED, latest[0]],
    ).fetchall()
    return {str(state): int(count) for state, count in rows}


def progress_lost(store: AnnouncementStore, announcement_id: int) -> bool:
    """Whether the announcer's progress message failed for good (it never arrived)."""
    row = store.db.execute(
        "SELECT 1 FROM deliveries WHERE purpose = ? AND key = ? AND state = 'failed'",
        [ids.PROGRESS, str(announcement_id)],
    ).fetchone()
    return row is not None


def failed_to(store: AnnouncementStore, announcement_id: int) -> list[tuple[str, str]]:
    """(recipient, reason) of each delivery of the announcement that failed for good."""
    rows = store.db.execute(
        "SELECT recipient, coalesce(reason, 'unknown') FROM deliveries"
        " WHERE purpose = ? AND key = ? AND state = 'failed' ORDER BY recipient LIMIT ?",
        [ids.PURPOSE, str(announcement_id), FAILED_LISTED],
    ).fetchall()
    return [(str(recipient), str(reason)) for recipient, reason in rows]
