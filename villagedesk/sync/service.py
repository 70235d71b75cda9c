"""Sync use cases for the hall UI and the CLI: status, the problems list, resolving
conflicts and rejected operations, and pruning old acknowledged operations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlmodel import select

from villagedesk.db.models.sync import SyncConflict, SyncProblemNote
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError, PermissionDeniedError
from villagedesk.i18n import tr
from villagedesk.sync.appliers import DEFAULT_APPLIERS
from villagedesk.sync.merge import update_fields
from villagedesk.sync.state import counts, get_state

if TYPE_CHECKING:
    from villagedesk.services.auth import Actor

RETENTION_DAYS = 180


def require(actor: Actor, affair: str) -> None:
    if not actor.may(affair):
        raise PermissionDeniedError(tr("sync", "Only the hall administrator may resolve sync problems."))


def sync_status(store: Store) -> dict[str, Any]:
    """Local figures only (no network): what the status bar and ``sync status`` show."""
    with store.read() as s:
        c = counts(s)
        st = get_state(s)
        parked = s.execute(text("SELECT COUNT(*) FROM sync_inbox")).scalar_one()
    return {
        "pending": c["pending"],
        "rejected": c["rejected"],
        "conflicts": c["conflicts"],
        "last_seq": c["last_seq"],
        "last_success": st.last_success.isoformat() if st and st.last_success else None,
        "server": st.server_url if st else None,
        "enrolled": bool(st and st.device_private_key),
        "last_attempt": st.last_attempt.isoformat() if st and st.last_attempt else None,
        "last_error": st.last_error if st else "",
        "acknowledged_high_water": st.acked_high_water if st else 0,
        "waiting_for_server_upgrade": st.later_count if st else 0,
        "parked_reference_changes": int(parked),
    }


@dataclasses.dataclass(frozen=True)
class Problem:
    kind: str  # rejected | conflict
    id: int  # outbox seq or conflict id
    entity: str
    entity_id: str
    detail: str
    at: str | None
    field: str | None = None
    hall_value: Any = None
    county_value: Any = None
    looked_at: bool = False


def list_problems(store: Store) -> list[Problem]:
    """Rejected operations (never deleted) and open conflicts, oldest first."""
    with store.read() as s:
        notes = {n.seq for n in s.exec(select(SyncProblemNote)).all()}
        rows = s.execute(
            text("SELECT seq, entity, entity_id, reject_reason, sent_at FROM outbox WHERE state = 'rejected' ORDER BY seq")
        ).all()
        conflicts = s.exec(select(SyncConflict).where(SyncConflict.state == "open").order_by(SyncConflict.id)).all()
    out = [Problem("rejected", r[0], r[1], r[2], r[3] or "", r[4], looked_at=r[0] in notes) for r in rows]
    out += [
        Problem(
            "conflict", c.id or 0, c.entity, c.entity_id,
            tr("sync", "Changed both here and by the county: {field}").format(field=c.field),
            c.created_at.isoformat(), c.field, json.loads(c.hall_value), json.loads(c.county_value),
        )
        for c in conflicts
    ]
    return out


def resolve_conflict(store: Store, *, actor: Actor, conflict_id: int, choice: str, value: Any = None) -> dict[str, Any]:
    """``choice``: "hall" keeps the hall's value, "county" takes the county's, "edit" writes ``value``."""
    require(actor, "sync")
    if choice not in ("hall", "county", "edit"):
        raise DomainError(tr("sync", "Choose keep hall, take county or edit."), field="choice")
    if choice == "edit" and value is None:
        raise DomainError(tr("sync", "Enter the value to keep."), field="value")
    with store.write(actor) as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.state != "open":
            raise NotFoundError(tr("sync", "This conflict is already resolved or does not exist."))
        chosen = {"hall": json.loads(c.hall_value), "county": json.loads(c.county_value), "edit": value}[choice]
        if choice != "hall":
            now = s.info["now"]
            update_fields(s, c.entity, c.entity_id, {c.field: chosen}, now)
            hook = DEFAULT_APPLIERS.correction_hook(c.entity)
            if hook is not None:
                hook(s, c.entity_id, {c.field: chosen})
        c.state = "resolved"
        c.resolution = choice
        c.resolved_value = json.dumps(chosen, ensure_ascii=False, default=str)
        c.resolved_by = actor.staff_id
        c.resolved_at = s.info["now"]
        s.add(c)
    return {"id": conflict_id, "resolution": choice, "value": chosen}


def note_problem(store: Store, *, actor: Actor, seq: int, note: str = "") -> None:
    """A person has seen a rejected operation. It stays in the outbox as rejected."""
    require(actor, "sync")
    with store.write(actor) as s:
        state = s.execute(text("SELECT state FROM outbox WHERE seq = :seq"), {"seq": seq}).scalar_one_or_none()
        if state != "rejected":
            raise NotFoundError(tr("sync", "There is no rejected operation with this number."))
        s.merge(SyncProblemNote(seq=seq, staff_id=actor.staff_id, note=note, at=s.info["now"]))


def prune_sent(store: Store, *, older_than_days: int = RETENTION_DAYS) -> int:
    """Operations the server acknowledged long ago are kept this long, then removed.
    Pending and rejected operations are never removed."""
    cutoff = (store.clock.now() - dt.timedelta(days=older_than_days)).isoformat(timespec="seconds")
    with store.write(None) as s:
        st = get_state(s)
        hw = st.acked_high_water if st else 0
        return int(
            s.execute(
                text("DELETE FROM outbox WHERE state = 'sent' AND sent_at < :cutoff AND seq <= :hw"),
                {"cutoff": cutoff, "hw": hw},
            ).rowcount
        )
