"""The delivery engine: drains the ledger through each platform's gateway at the allowed pace.

Exactly once, and what remains of the window
--------------------------------------------
No chat platform offers an idempotency key for posting a message (Slack's chat.postMessage has
none; Bot Framework ignores client activity ids), so a request whose answer never arrives leaves
us not knowing whether the person got the message. The engine keeps that window small and then
closes it by asking the platform:

1. A row goes `queued → sending` in a committed write *before* the request leaves, naming this
   process as its owner. Nothing is awaited between the platform's answer and the `sent` write
   (SQLite commits synchronously on the event loop), so a cancelled task can only be cancelled
   while the request is on the wire, never after the answer arrived.
2. Each message carries a stable token derived from its ledger key (Slack: invisible message
   metadata). A row whose last attempt has no known outcome is marked `uncertain`: rows another
   process left `sending` when it died (found at start), a task cancelled mid-request, a timeout
   or dropped connection after the body went out. Before sending such a row again the engine
   waits `settle` seconds (so a request still inside the platform lands first) and asks the
   gateway to `find` the token in the conversation: found → recorded as sent, not sent again.
3. What remains: if the platform cannot tell (`CannotTell`: Teams keeps no history a bot can
   read; Slack without the history scopes), the policy decides: `resend` (default: at worst one
   duplicate for the few rows in flight at the crash) or `fail` (at worst one missing, recorded
   as failed with the reason). A Slack request that lands later than `settle` after its
   connection died, or a power loss that drops the last WAL commits (synchronous=NORMAL
   survives process crashes, not power cuts), can still cause one duplicate.

Rows left `sending` by a live process (the CLI and the bot side by side) are left alone until
`lease` seconds pass, longer than any request can take.

An outage is the platform's, not the message's
----------------------------------------------
Each platform's queue has a circuit breaker (bot/delivery/breaker.py): transient failures in a
row pause it, one probe at a time goes while paused, and what is past its use is given up.
A team's channel or manager that refuses the bot is not a failure like another: its messages
go to whoever stands in for it, or wait for it (bot/delivery/refusals.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from bot.delivery.breaker import DAY_OVER, PLATFORM_NAMES, CircuitBreaker, utc_clock
from bot.delivery.buckets import ConversationBuckets, Pace, TokenBucket
from bot.delivery.gateway import (
    CannotTell,
    ConversationRefused,
    Gateway,
    Payload,
    PermanentFailure,
    RateLimited,
    TransientFailure,
    reason_of,
)
from bot.delivery.lanes import Lane
from bot.delivery.ledger import Delivery, Ledger
from bot.delivery.outcomes import Outcomes
from bot.delivery.owners import new_owner, owner_dead
from bot.delivery.policy import Policy, paces_from_settings
from bot.delivery.progress import Progress, ProgressCallback, RateMeter
from bot.delivery.refusals import OnGone, OnHeld, Refusals, StandIns
from bot.settings import Settings
from handlers.views import Message

log = logging.getLogger("bot.delivery")

MessageSource = Message | Callable[[str], Message | None]
FAN_OUT_BATCH = 2000  # deliveries queued per transaction by a fan-out
RECOVER_EVERY = 60.0  # seconds between looks for rows that other, dead processes left `sending`


class DeliveryEngine:
    """Every outbound message goes through here: enqueue, then the engine delivers."""

    def __init__(
        self,
        db: Database,
        gateways: Iterable[Gateway],
        paces: Mapping[str, Pace],
        policy: Policy | None = None,
        stand_ins: StandIns | None = None,
        on_held: OnHeld | None = None,
        on_gone: OnGone | None = None,
    ) -> None:
        self.ledger = Ledger(db)
        self._policy = policy or Policy()
        self.owner = new_owner()
        self._gateways = {gateway.platform: gateway for gateway in gateways}
        self.refusals = Refusals(
            self.ledger,
            self._policy,
            self._gateways,
            self._forward,
            self.kick,
            stand_ins,
            on_held,
            on_gone,
        )
        self._paces = dict(paces)
        missing = set(self._gateways) - set(self._paces)
        if missing:
            raise ValueError(f"no pace configured for {', '.join(sorted(missing))}")
        self._lanes: dict[str, Lane] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._sends: set[asyncio.Task[None]] = set()
        self._payloads: dict[str, dict[str, object]] = {}
        self._outcomes = Outcomes()
        self._changed: asyncio.Future[None] | None = None
        self.recovered = 0  # rows found mid-send at the last start
        self._recovered_at = 0.0
        self._stopping = False
        self._watched: set[tuple[str, str]] = set()

    @property
    def policy(self) -> Policy:
        """Retry and recovery knobs."""
        return self._policy

    @policy.setter
    def policy(self, policy: Policy) -> None:
        """New knobs, for the running platforms' circuit breakers too."""
        self._policy = self.refusals.policy = policy
        for lane in self._lanes.values():
            lane.breaker.policy = policy

    @classmethod
    def from_settings(
        cls, db: Database, settings: Settings, gateways: Iterable[Gateway]
    ) -> DeliveryEngine:
        """An engine paced by the settings."""
        return cls(db, gateways, paces_from_settings(settings))

    # -- the API the bot uses ------------------------------------------------------------------

    def enqueue(
        self,
        platform: str,
        recipients: Iterable[str],
        purpose: str,
        key: str,
        message: MessageSource,
        *,
        quiet: bool = False,
        expires_in: float | None = None,
    ) -> int:
        """Queue `message` (or `message(recipient)`, None to skip one) for each recipient not
        already in the ledger under (platform, purpose, key); return how many are new. `quiet`:
        the caller logs one line for many calls, this one's is DEBUG; `expires_in`: seconds
        from now after which it is not sent (a digest: what is left of its person's day)."""
        gateway = self._gateway(platform)
        fresh = self._fresh(platform, recipients, purpose, key)
        if callable(message):
            source = message
            rendered = ((r, source(r)) for r in fresh)
            payloads = ((r, gateway.render(m)) for r, m in rendered if m is not None)
        else:
            shared = gateway.render(message)
            payloads = ((r, shared) for r in fresh)
        expires_at = None if expires_in is None else time.time() + expires_in
        level = logging.DEBUG if quiet else logging.INFO
        return self._queued(platform, purpose, key, payloads, level, expires_at)

    async def fan_out(
        self,
        platform: str,
        recipients: Iterable[str],
        purpose: str,
        key: str,
        message: Message,
        batch: int = FAN_OUT_BATCH,
        *,
        not_before: datetime | None = None,
        wanted: Callable[[], bool] | None = None,
    ) -> int:
        """`enqueue` for a large audience: the same message to everyone not in the ledger yet,
        `batch` rows per transaction, the loop free for people's clicks between batches; sent
        from `not_before` on when given (the rows wait in the ledger, so a restart keeps it);
        `wanted` is asked before each batch: once it says no (a cancel meanwhile), the rest
        is not queued."""
        shared = self.draw(platform, message)
        fresh = self._fresh(platform, recipients, purpose, key)
        at = None if not_before is None else not_before.timestamp()
        added = 0
        for start in range(0, len(fresh), batch):
            if wanted is not None and not wanted():
                break
            chunk = fresh[start : start + batch]
            payloads = ((r, shared) for r in chunk)
            added += self._queued(platform, purpose, key, payloads, not_before=at)
            await asyncio.sleep(0)
        return added

    def draw(self, platform: str, message: Message) -> Payload:
        """`message` as `platform`'s gateway draws it (what `enqueue` would queue), queuing
        nothing; raises what the platform cannot draw."""
        return self._gateway(platform).render(message)

    def enqueue_drawn(
        self,
        platform: str,
        recipient: str,
        purpose: str,
        key: str,
        payload: Payload,
        *,
        not_before: float | None = None,
    ) -> int:
        """Queue a payload the platform drew itself (a turn's answer its platform refused
        for longer than the turn could wait, the answer to a Slack DM or to an @mention in its
        thread), sent from `not_before` (Unix time) on."""
        return self._queued(platform, purpose, key, [(recipient, payload)], not_before=not_before)

    def _gateway(self, platform: str) -> Gateway:
        gateway = self._gateways.get(platform)
        if gateway is None:
            raise ValueError(f"no gateway for platform {platform!r}")
        return gateway

    def _fresh(self, platform: str, recipients: Iterable[str], purpose: str, key: str) -> list[str]:
        """The recipients (each once) not yet in the ledger under (platform, purpose, key)."""
        known = self.ledger.known(platform, purpose, key)
        return [r for r in dict.fromkeys(recipients) if r not in known]

    def _queued(
        self,
        platform: str,
        purpose: str,
        key: str,
        payloads: Iterable[tuple[str, Payload]],
        level: int = logging.INFO,
        expires_at: float | None = None,
        not_before: float | None = None,
    ) -> int:
        """Store the payloads as queued deliveries, and wake the platform's sender."""
        now = time.time()
        added = self.ledger.enqueue(platform, purpose, key, payloads, now, expires_at, not_before)
        if added:
            log.log(
                level,
                "deliveries queued",
                extra={"platform": platform, "purpose": purpose, "key": key, "added": added},
            )
            self.kick(platform)
            self._watch(purpose, key)
        return added

    def retry(self, platform: str, recipients: Iterable[str], purpose: str, key: str) -> int:
        """Queue again what failed for good under (purpose, key) to `recipients`."""
        again = self.ledger.retry_failed(platform, recipients, purpose, key, time.time())
        if again:
            context = {"platform": platform, "purpose": purpose, "key": key, "again": again}
            log.info("failed deliveries queued again", extra=context)
            self.kick(platform)
            self._watch(purpose, key)
        return again

    def withdraw(
        self, platform: str, purpose: str, key: str, recipients: Sequence[str] | None = None
    ) -> int:
        """Drop what is still queued under (purpose, key), only `recipients`' when given;
        return how many."""
        return self.ledger.withdraw(platform, purpose, key, recipients)

    def revise(self, platform: str, purpose: str, key: str, message: Message) -> int:
        """Put `message` in place of what is still queued under (purpose, key), and of what
        failed and may be sent again; return how many were queued."""
        payload = self._gateway(platform).render(message)
        return self.ledger.revise(platform, purpose, key, payload, time.time())

    def edit(
        self, platform: str, purpose: str, key: str, message: Message, edit: tuple[str, str]
    ) -> int:
        """Queue, under the (purpose, key) `edit`, an in-place change to `message` of every
        copy sent, or being sent, under (purpose, key): paced, retried, kept over a restart and
        counted as messages are; only the latest edit of a copy is made; return how many."""
        payload = self._gateway(platform).render(message)
        added = self.ledger.enqueue_edits(platform, purpose, key, edit, payload, time.time())
        if added:
            log.info(
                "edits queued",
                extra={"platform": platform, "purpose": edit[0], "key": edit[1], "added": added},
            )
            self.kick(platform)
            self._watch(*edit)
        return added

    async def update(
        self, platform: str, recipient: str, purpose: str, key: str, message: Message
    ) -> bool:
        """Replace a message sent under (platform, recipient, purpose, key) in place.

        A card changing state is edited rarely, so it skips the buckets and the ledger:
        a few tries honouring Retry-After, then False with a log line (at once while the
        platform is paused).
        """
        message_id = self.ledger.message_id(platform, recipient, purpose, key)
        gateway = self._gateways.get(platform)
        lane = self._lanes.get(platform)
        if gateway is None or (lane is not None and lane.breaker.paused):
            return False  # a paused platform: the caller edits again later
        if message_id is None:
            # A channel that refused the message: the managers who got it instead get the edit.
            others = self.refusals.others(platform, recipient, purpose)
            edited = [await self.update(platform, r, purpose, key, message) for r in others]
            return any(edited)
        payload = gateway.render(message)
        for attempt in range(1, 4):
            try:
                await gateway.update(recipient, message_id, payload)
                return True
            except RateLimited as limited:
                await asyncio.sleep(min(limited.retry_after, 30.0))
            except TransientFailure:
                await asyncio.sleep(self.policy.retry_delay(attempt))
            except PermanentFailure as error:
                log.warning("message not updated", extra={"purpose": purpose, "reason": str(error)})
                return False
        log.warning("message not updated after retries", extra={"purpose": purpose, "key": key})
        return False

    def kick(self, platform: str | None = None) -> None:
        """Tell the dispatchers new rows may be due (enqueue does this itself)."""
        for name, lane in self._lanes.items():
            if platform in (None, name):
                lane.wake.set()

    async def start(self) -> None:
        """Recover rows a dead process left mid-send, then start draining every platform."""
        if self._lanes:
            return
        self._stopping = False
        self.recovered = self._recover()
        # Held rows are tried again at each start: someone may have invited the bot meanwhile.
        self.ledger.release(time.time())
        self.refusals.remember_held()
        for platform, gateway in self._gateways.items():
            pace = self._paces[platform]
            self._lanes[platform] = lane = Lane(
                gateway=gateway,
                pace=pace,
                bucket=TokenBucket(pace.rate, pace.burst),
                # No bursts within a conversation: evenly spaced posts stay under every window.
                conversations=ConversationBuckets(pace.conversation_rate, 1),
                slots=asyncio.Semaphore(pace.concurrency),
                breaker=CircuitBreaker(platform, self.ledger, self.policy),
            )
            self._spawn(self._dispatch(platform, lane), self._tasks)
        for purpose, key in self.ledger.unfinished():
            self._watch(purpose, key)

    async def stop(self, grace: float = 10.0) -> None:
        """Stop taking new rows, give in-flight sends `grace` seconds, then cancel them."""
        self._stopping = True
        self._outcomes.record_kept()  # else the next start looks them up
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._sends:
            _, pending = await asyncio.wait(set(self._sends), timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        self._lanes.clear()
        self._watched.clear()
        for gateway in self._gateways.values():
            await gateway.close()

    async def __aenter__(self) -> DeliveryEngine:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _recover(self) -> int:
        """Requeue rows a dead process (or a lease-expired one) left mid-send."""
        now = time.time()
        self._recovered_at = time.monotonic()
        recovered = self.ledger.recover(
            self.owner, owner_dead, now - self.policy.lease, now + self.policy.settle
        )
        if recovered:
            log.warning(
                "deliveries recovered after an interruption; checking before resending",
                extra={"recovered": recovered},
            )
            self.kick()
        return recovered

    def progress(self, purpose: str, key: str, meter: RateMeter, started: float) -> Progress:
        """Where the fan-out (purpose, key) stands now."""
        counts = self.ledger.counts(purpose, key)
        finished = counts["sent"] + counts["failed"]
        return Progress(
            purpose=purpose,
            key=key,
            total=sum(counts.values()),
            sent=counts["sent"],
            failed=counts["failed"],
            remaining=counts["queued"] + counts["sending"],
            rate=meter.add(finished),
            elapsed=time.monotonic() - started,
        )

    async def run_until_done(
        self,
        purpose: str,
        key: str,
        progress: ProgressCallback | None = None,
        *,
        every: float = 0.25,
        by_another: bool = False,
    ) -> Progress:
        """Wait until every delivery of (purpose, key) is sent or failed, calling `progress` on
        the way (at most every `every` seconds). Needs a started engine with a gateway for every
        platform the fan-out uses, unless another process's engine sends them (`by_another`)."""
        if not self._lanes and not by_another:
            raise RuntimeError("start the delivery engine first")
        meter, started = RateMeter(), time.monotonic()
        while True:
            state = self.progress(purpose, key, meter, started)
            if progress is not None:
                progress(state)
            if state.done:
                return state
            await self._next_change(within=max(every, 1.0))
            await asyncio.sleep(every)

    def _watch(self, purpose: str, key: str) -> None:
        """Log a fan-out's progress every `log_every` seconds while it moves, until it is done
        (one sent at each person's time waits for hours between time zones: no line then)."""
        if not self._lanes or (purpose, key) in self._watched:
            return
        self._watched.add((purpose, key))
        last = [-self.policy.log_every]
        said = [(-1, -1)]

        def report(state: Progress) -> None:
            moved = (state.sent, state.failed) != said[0]
            if state.done:
                state.log("delivery finished")
            elif moved and state.elapsed - last[0] >= self.policy.log_every:
                last[0], said[0] = state.elapsed, (state.sent, state.failed)
                state.log()

        async def watch() -> None:
            try:
                await self.run_until_done(purpose, key, report, every=1.0)
            finally:
                self._watched.discard((purpose, key))

        self._spawn(watch(), self._tasks)

    # -- the machinery -------------------------------------------------------------------------

    def _spawn(
        self, work: Coroutine[Any, Any, None], into: set[asyncio.Task[None]]
    ) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(work)
        into.add(task)
        task.add_done_callback(into.discard)
        return task

    def _signal(self) -> None:
        if self._changed is not None and not self._changed.done():
            self._changed.set_result(None)
        self._changed = None

    async def _next_change(self, within: float) -> None:
        if self._changed is None:
            self._changed = asyncio.get_running_loop().create_future()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within):
                await asyncio.shield(self._changed)

    async def _dispatch(self, platform: str, lane: Lane) -> None:
        """Hand due rows to send tasks as the buckets allow; sleep when nothing is due."""
        # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation that lands
        # as the event fires, and stop() would wait for this loop forever.
        while not self._stopping:
            lane.wake.clear()
            try:
                # Another process (a CLI fan-out) may have died since we started.
                if time.monotonic() - self._recovered_at > RECOVER_EVERY:
                    self._recover()
                self._outcomes.record_kept()
                wait = await self._dispatch_pass(platform, lane)
                lane.failing = None
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.exception("delivery dispatcher failed; retrying", extra={"platform": platform})
                since = lane.failing[0] if lane.failing else time.time()
                lane.failing = (since, reason_of(error))
                wait = self.policy.idle_poll
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await lane.wake.wait()

    async def _dispatch_pass(self, platform: str, lane: Lane) -> float:
        """One sweep over the due rows; return how long to sleep before the next. Every due
        row of another purpose goes before each small batch of bulk rows (`Policy.bulk`),
        one queued later and one put back after a 429 included."""
        soonest, now = self.policy.idle_poll, time.time()
        after = after_bulk = 0
        passed: set[int] = set()  # rows left for the next sweep (their conversation's pace)
        # A paused platform gets one message at a time, every `probe_every` seconds, each
        # probe a later row than the last.
        paused = lane.breaker.paused
        if paused:
            if (wait := lane.breaker.wait_for_probe()) > 0:
                return wait
            after = after_bulk = lane.breaker.probe_after(now)
        while rows := self._due(platform, after, after_bulk, passed, now):
            for row in rows:
                if row.purpose in self.policy.bulk:
                    after_bulk = row.id
                if row.id in lane.inflight:
                    passed.add(row.id)
                    continue
                conversation = lane.conversations.get(row.recipient)
                if (wait := conversation.delay()) > 0:
                    soonest = min(soonest, wait)
                    passed.add(row.id)
                    continue
                await lane.slots.acquire()
                payload = None
                try:
                    await lane.bucket.ready()
                    # A 429 may have paused this conversation while we waited for the slot.
                    if (wait := conversation.delay()) <= 0:
                        payload = self.ledger.claim(row.id, self.owner, time.time())
                    if payload is not None:  # a row cancelled meanwhile costs no token
                        lane.bucket.take()
                finally:
                    # Not claimed, or the claim raised (the database locked past its timeout, a
                    # full disk): the slot goes back, or `concurrency` such passes stop the lane.
                    if payload is None:
                        lane.slots.release()
                if payload is None:
                    soonest = min(soonest, wait) if wait > 0 else soonest
                    passed.add(row.id)
                    continue
                # what it says now: an announcement edited since the row was read (its revise)
                row = replace(row, payload=payload)
                conversation.take()
                lane.inflight.add(row.id)
                self._spawn(self._deliver(lane, row), self._sends)
                if paused:
                    lane.breaker.probing(row.id)
                    return self.policy.probe_every
            now = time.time()
        next_due = self.ledger.next_due(platform)
        if next_due is not None:
            soonest = min(soonest, max(0.0, next_due - time.time()))
        return soonest

    def _due(
        self, platform: str, after: int, after_bulk: int, passed: set[int], now: float
    ) -> list[Delivery]:
        """What to try next: every due row after `after` that is not bulk (but those `passed`
        this sweep), then the next few bulk rows after `after_bulk`."""
        bulk, ledger = self.policy.bulk, self.ledger
        others = [
            row
            for row in ledger.due(platform, after, now, 256, bulk, excluding=True)
            if row.id not in passed
        ]
        batch = ledger.due(platform, after_bulk, now, self.policy.bulk_batch, bulk)
        return [*others, *batch]

    def _payload(self, digest: str) -> dict[str, object]:
        payload = self._payloads.get(digest)
        if payload is None:
            if len(self._payloads) > 256:
                self._payloads.clear()
            payload = self._payloads[digest] = self.ledger.payload(digest)
        return payload

    async def _deliver(self, lane: Lane, row: Delivery) -> None:
        """Send one claimed row and record the outcome; the row is `sending` on entry."""
        ledger, policy, gateway = self.ledger, self.policy, lane.gateway
        context = {"platform": gateway.platform, "recipient": row.recipient,
                   "purpose": row.purpose, "key": row.key, "delivery": row.id}  # fmt: skip
        uncertain = row.uncertain
        try:
            if row.edit_of is not None:  # changing it again does no harm: nothing to look up
                await self._edit(lane, row, context)
                return
            if uncertain:
                since = row.first_attempt_at or row.created_at
                try:
                    found = await gateway.find(row.recipient, row.token, since)
                except CannotTell as error:
                    if policy.on_uncertain == "fail":
                        ledger.mark_failed(row.id, f"uncertain: {error}", time.time())
                        log.warning("delivery outcome unknown; not resent", extra=context)
                        return
                    log.warning("delivery outcome unknown; resending", extra=context)
                    found = None
                if found is not None:
                    self._outcomes.record(
                        partial(ledger.mark_sent, row.id, found, time.time()), context
                    )
                    log.info("delivery found already sent", extra=context)
                    return
                uncertain = False  # the earlier attempt surely did not arrive
            if row.expires_at is not None and time.time() >= row.expires_at:
                self._outcomes.record(
                    partial(ledger.mark_failed, row.id, DAY_OVER, time.time()), context
                )
                log.info("delivery given up: past its end", extra=context)
                return
            # The window: from here until mark_sent commits, the platform may hold the message
            # while the ledger says `sending` (see the module docstring for how it is closed).
            message_id = await gateway.send(row.recipient, self._payload(row.payload), row.token)
            self._outcomes.record(
                partial(ledger.mark_sent, row.id, message_id, time.time()), context
            )
            lane.breaker.answered()
            self.refusals.sent(gateway.platform, row.recipient, context)
        except ConversationRefused as error:
            lane.breaker.answered()
            self.refusals.refused(row, error, context)
        except PermanentFailure as error:
            lane.breaker.answered()
            reason = str(error) or type(error).__name__
            self._outcomes.record(partial(ledger.mark_failed, row.id, reason, time.time()), context)
            log.info("delivery failed for good", extra={**context, "reason": str(error)})
        except RateLimited as error:
            lane.breaker.answered()
            paused = (
                lane.bucket if error.scope == "platform" else lane.conversations.get(row.recipient)
            )
            wait, now = min(error.retry_after, policy.longest_pause), time.time()
            paused.pause(wait)
            if error.scope == "platform":
                lane.asked_to_wait = (now, error.retry_after, now + wait)
            ledger.requeue(row.id, now + wait, uncertain=uncertain, error=None)
            log.warning(
                "rate limited; bucket paused"
                + (f" for {wait:g} s, the most the bot waits" if wait < error.retry_after else ""),
                extra={**context, "retry_after": error.retry_after, "scope": error.scope},
            )
        except TransientFailure as error:
            reason, maybe = str(error) or type(error).__name__, uncertain or error.maybe_delivered
            if not lane.breaker.failed(row, reason, maybe, context):
                self._retry(row, reason, maybe, context)
        except asyncio.CancelledError:
            # Cancelled while a request was on the wire: the outcome is unknown.
            ledger.requeue(row.id, time.time() + policy.settle, uncertain=True, error=None)
            raise
        except Exception as error:
            log.exception("unexpected delivery error; will retry", extra=context)
            self._retry(row, reason_of(error), True, context)
        finally:
            lane.breaker.done(row.id)
            lane.inflight.discard(row.id)
            lane.slots.release()
            lane.wake.set()  # a requeued row changes when the dispatcher should look again
            self._signal()

    async def _edit(self, lane: Lane, row: Delivery, context: dict[str, object]) -> None:
        """Change the message the claimed edit `row` is for, once that message is sent."""
        ledger, now = self.ledger, time.time()
        edited = ledger.edited(row)
        if edited is None or edited.superseded or edited.state == "failed":
            # Nothing to change (it never arrived, a later edit changes it): no edit to count.
            self._outcomes.record(partial(ledger.drop, row.id), context)
        elif edited.state != "sent":  # on its way: changed once it arrived
            wait = max(edited.not_before, now) + self.policy.settle
            ledger.requeue(row.id, wait, uncertain=False, error=None)
        elif edited.message_id is None:
            self._outcomes.record(
                partial(ledger.mark_failed, row.id, "no message to change", now), context
            )
        else:
            await lane.gateway.update(row.recipient, edited.message_id, self._payload(row.payload))
            # No message id of its own: a reply in a thread finds the message it answers.
            self._outcomes.record(partial(ledger.mark_sent, row.id, "", time.time()), context)
            lane.breaker.answered()

    def _forward(self, row: Delivery, others: list[str]) -> None:
        """Queue `row`'s message for `others` (who stand in for its refusing recipient)."""
        payload = self._payload(row.payload)
        forward = ((r, payload) for r in others)
        self._queued(row.platform, row.purpose, row.key, forward, expires_at=row.expires_at)

    def holds(self, platform: str, recipient: str, purpose: str) -> bool:
        """Whether messages of `purpose` to `recipient` are kept for now (`Refusals.holds`)."""
        return self.refusals.holds(platform, recipient, purpose)

    def release(self, platform: str, recipients: Iterable[str]) -> int:
        """Send now what is kept for `recipients`, who can be reached now; return how many."""
        return self.refusals.release(platform, recipients)

    def outages(self) -> dict[str, dict[str, object]]:
        """Each platform whose queue is paused: since when it fails, why, how many wait."""
        return {
            platform: state
            for platform, lane in self._lanes.items()
            if (state := lane.breaker.state()) is not None
        }

    def warnings(self) -> list[str]:
        """A line per platform whose queue cannot be read or claimed, per paused platform, per
        manager who is gone and per team channel that refuses the bot, for `/healthz`."""
        paused = [
            f"{PLATFORM_NAMES.get(platform, platform)} fails since {state['since']}"
            f" ({state['reason']}): {state['waiting']} message(s) waiting, one tried every"
            f" {self.policy.probe_every:g} s; the rest go when it answers"
            for platform, state in self.outages().items()
        ]
        stuck = [
            f"{PLATFORM_NAMES.get(platform, platform)}: nothing is sent since"
            f" {utc_clock(lane.failing[0])}, the queue cannot be read or claimed"
            f" ({lane.failing[1]}); {self._backlog(platform)}; tried again every"
            f" {self.policy.idle_poll:g} s"
            for platform, lane in self._lanes.items()
            if lane.failing is not None
        ]
        return stuck + paused + self._rate_limited() + self.refusals.warnings()

    def _backlog(self, platform: str) -> str:
        """How many of `platform`'s messages wait, and for how long the oldest, in words."""
        try:
            count, oldest = self.ledger.backlog(platform)
        except sqlite3.Error:  # a queue nobody may read: nor may /healthz
            return "how many messages wait cannot be read either"
        if not count:
            return "no message waits"
        minutes = max(0, int(time.time() - oldest) // 60)
        oldest_at = utc_clock(oldest)
        return f"{count} message(s) wait, the oldest queued at {oldest_at} ({minutes} min ago)"

    def paused(self, platform: str) -> bool:
        """Whether `platform`'s whole queue waits now: it fails for everyone, or waits out a
        429 of a minute or more."""
        lane = self._lanes.get(platform)
        return lane is not None and (lane.breaker.paused or self._waiting_out(lane) is not None)

    def _waiting_out(self, lane: Lane) -> tuple[float, float, float] | None:
        """The 429 of a minute or more `lane`'s whole queue waits out now: when, what it asked,
        until when."""
        asked = lane.asked_to_wait
        if (
            asked is None
            or asked[2] <= time.time()
            or asked[2] - asked[0] < self.policy.notable_pause
        ):
            return None
        return asked

    def _rate_limited(self) -> list[str]:
        """A line per platform whose whole queue waits out a long 429 now."""
        lines = []
        for platform, lane in self._lanes.items():
            if (waiting := self._waiting_out(lane)) is not None:
                at, asked, until = waiting
                capped = " (the most the bot waits)" if until - at < asked else ""
                lines.append(
                    f"{PLATFORM_NAMES.get(platform, platform)} asked to wait {asked:g} s at"
                    f" {utc_clock(at)} (429): its {self.ledger.waiting(platform)} message(s) wait"
                    f" until {utc_clock(until)}{capped}"
                )
        return lines

    def _retry(
        self, row: Delivery, reason: str, uncertain: bool, context: dict[str, object]
    ) -> None:
        errors = row.errors + 1
        now = time.time()
        if errors >= self.policy.max_errors:
            note = " (an earlier attempt may have arrived)" if uncertain else ""
            given_up = f"gave up after {errors} tries{note}: {reason}"
            self._outcomes.record(partial(self.ledger.mark_failed, row.id, given_up, now), context)
            log.warning("delivery failed after retries", extra={**context, "reason": reason})
            return
        delay = self.policy.retry_delay(errors)
        if uncertain:
            delay = max(delay, self.policy.settle)
        requeue = partial(
            self.ledger.requeue, row.id, now + delay, uncertain=uncertain, error=reason
        )
        self._outcomes.record(requeue, context)
        log.info(
            "delivery will be retried",
            extra={**context, "reason": reason, "retry_in": round(delay, 2), "errors": errors},
        )
