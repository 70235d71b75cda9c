"""Pull: read the county's change feed from our cursor and apply each page atomically,
storing the new cursor in the same local transaction."""

from __future__ import annotations

import dataclasses
import json
import logging

from sqlalchemy import text
from sqlmodel import Session, select

from villagedesk.db.models.sync import SyncInbox
from villagedesk.db.store import Store
from villagedesk.sync.appliers import DEFAULT_APPLIERS, Appliers, ApplyContext
from villagedesk.sync.client import SyncClient, SyncUnavailable
from villagedesk.sync.enroll import synced_tables
from villagedesk.sync.merge import apply_correction
from villagedesk.sync.protocol import Change
from villagedesk.sync.state import get_state, record_attempt

log = logging.getLogger(__name__)
PAGE = 500


@dataclasses.dataclass
class PullSummary:
    received: int = 0
    applied: int = 0
    parked: int = 0
    conflicts: int = 0
    cursor: int = 0

    def as_json(self) -> dict[str, int]:
        return dataclasses.asdict(self)


def _apply_one(session: Session, change: Change, ctx: ApplyContext, appliers: Appliers, synced: list[str]) -> tuple[bool, int, str]:
    """Apply in a savepoint: (applied, conflicts opened, reason if parked)."""
    fn = appliers.get(change.entity)
    if change.kind != "correction" and fn is None:
        return False, 0, "no applier installed for this kind of record"
    try:
        with session.begin_nested():
            if change.kind == "correction":
                hook = appliers.correction_hook(change.entity)
                return True, apply_correction(session, change, ctx, synced=synced, hook=hook), ""
            assert fn is not None
            fn(session, change, ctx)
            session.flush()
    except Exception as exc:  # one bad change must not wedge the feed
        log.warning("reference change %s (%s) parked: %s", change.cursor, change.entity, exc)
        return False, 0, f"{type(exc).__name__}: {exc}"[:500]
    return True, 0, ""


def _park(session: Session, change: Change, reason: str) -> None:
    row = session.get(SyncInbox, change.cursor) or SyncInbox(
        cursor=change.cursor, entity=change.entity, entity_id=change.entity_id, kind=change.kind,
        data=json.dumps(change.data, ensure_ascii=False), version=change.version,
        base_version=change.base_version, created_at=change.created_at,
    )
    row.reason = reason
    row.attempts += 1
    session.add(row)


def _retry_parked(session: Session, ctx: ApplyContext, appliers: Appliers, synced: list[str], summary: PullSummary) -> None:
    for row in session.exec(select(SyncInbox).order_by(SyncInbox.cursor)).all():
        change = Change(
            cursor=row.cursor, entity=row.entity, entity_id=row.entity_id, kind=row.kind,  # type: ignore[arg-type]
            data=json.loads(row.data), version=row.version, base_version=row.base_version, created_at=row.created_at,
        )
        ok, conflicts, reason = _apply_one(session, change, ctx, appliers, synced)
        if ok:
            session.delete(row)
            summary.applied += 1
            summary.conflicts += conflicts
        elif reason != row.reason:
            row.reason = reason
            session.add(row)


def pull(store: Store, client: SyncClient, *, appliers: Appliers | None = None, page: int = PAGE) -> PullSummary:
    with record_attempt(store):
        return _pull(store, client, appliers or DEFAULT_APPLIERS, page)


def _pull(store: Store, client: SyncClient, appliers: Appliers, page: int) -> PullSummary:
    summary = PullSummary()
    first = True
    while True:
        with store.read() as s:
            st = get_state(s)
            assert st is not None
            cursor = st.pull_cursor
        resp = client.changes(cursor, page)
        if resp.head < cursor:
            # The server was restored from a backup: read the whole feed again (appliers are idempotent).
            with store.write(None) as s:
                st = get_state(s)
                assert st is not None
                st.pull_cursor = 0
                s.add(st)
            continue
        if any(c.cursor <= cursor for c in resp.changes):
            raise SyncUnavailable("the change feed went backwards")
        with store.write(None) as s:
            ctx = ApplyContext(store=store, now=store.clock.now())
            synced = synced_tables(s)
            if first:
                _retry_parked(s, ctx, appliers, synced, summary)
                first = False
            for change in resp.changes:
                ok, conflicts, reason = _apply_one(s, change, ctx, appliers, synced)
                summary.received += 1
                if ok:
                    summary.applied += 1
                    summary.conflicts += conflicts
                else:
                    _park(s, change, reason)
                    summary.parked += 1
            st = get_state(s)
            assert st is not None
            st.pull_cursor = resp.cursor
            s.add(st)
        summary.cursor = resp.cursor
        if not resp.has_more:
            return summary


def parked_count(session: Session) -> int:
    return int(session.execute(text("SELECT COUNT(*) FROM sync_inbox")).scalar_one())
