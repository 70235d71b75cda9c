"""Reading and writing this PC's sync state, and writes that the change capture must not see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlmodel import Session

from villagedesk.db.models.sync import SyncState
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr

if TYPE_CHECKING:  # httpx loads only when a request is made (the status bar reads counts without it)
    import httpx

    from villagedesk.sync.client import SyncClient

HttpFactory = Callable[[], "httpx.Client"]


def get_state(session: Session) -> SyncState | None:
    return session.get(SyncState, 1)


def load_state(store: Store) -> SyncState | None:
    with store.read() as s:
        return get_state(s)


def require_state(store: Store) -> SyncState:
    st = load_state(store)
    if st is None or not st.device_private_key:
        raise DomainError(
            tr("sync", "This PC is not enrolled with a county server yet. Run: villagedesk sync enroll --server URL --code CODE")
        )
    return st


def client_for(store: Store, *, http: httpx.Client | None = None) -> SyncClient:
    from villagedesk.sync.client import SyncClient

    st = require_state(store)
    return SyncClient(
        st.server_url, device_id=store.identity.device_id, private_key=st.device_private_key,
        http=http, now=store.clock.now,
    )


@contextmanager
def capture_suppressed(session: Session) -> Iterator[None]:
    """Inside a store write: changes made here produce no outbox or audit rows.

    Only for rewriting this PC's own identity at enrollment (the rows never left the PC).
    The capture triggers read ``capture_context WHERE id = 1``; moving the row aside makes
    them insert nothing, and it is moved back before the transaction ends.
    """
    conn = session.connection()
    conn.execute(text("UPDATE capture_context SET id = 0 WHERE id = 1"))
    try:
        yield
    finally:
        conn.execute(text("UPDATE capture_context SET id = 1 WHERE id = 0"))


def counts(session: Session) -> dict[str, Any]:
    row = session.execute(
        text(
            "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'rejected'), 0), "
            "COALESCE(MAX(seq), 0) FROM outbox"
        )
    ).one()
    conflicts = session.execute(text("SELECT COUNT(*) FROM sync_conflict WHERE state = 'open'")).scalar_one()
    return {"pending": int(row[0]), "rejected": int(row[1]), "last_seq": int(row[2]), "conflicts": int(conflicts)}


@contextmanager
def record_attempt(store: Store) -> Iterator[None]:
    """Note the time of this attempt, and of success or the error, in sync_state."""
    started = store.clock.now()
    try:
        yield
    except Exception as exc:
        _note(store, started, error=f"{type(exc).__name__}: {exc}"[:500])
        raise
    _note(store, started, error="")


def _note(store: Store, at: Any, *, error: str) -> None:
    with store.write(None) as s:
        st = get_state(s)
        if st is None:
            return
        st.last_attempt = at
        st.last_error = error
        if not error:
            st.last_success = at
        s.add(st)
