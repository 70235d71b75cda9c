"""Online enrollment: spend a one-time code, make this PC's key pair, take the county's ids."""

from __future__ import annotations

import platform

import httpx
from sqlalchemy import text
from sqlmodel import Session

from villagedesk.db.models.sync import SyncState
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.auth import check_device_code
from villagedesk.sync import signing
from villagedesk.sync.client import SyncClient, SyncRefused, SyncUnavailable
from villagedesk.sync.protocol import EnrollRequest, EnrollResponse
from villagedesk.sync.state import capture_suppressed, get_state


def synced_tables(session: Session) -> list[str]:
    """Tables with capture triggers: every row in them carries hall_id and device_id."""
    rows = session.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_%_capture_ins'")
    ).scalars()
    return sorted(name[len("trg_") : -len("_capture_ins")] for name in rows)


def enroll(
    store: Store, *, server_url: str, code: str, device_name: str = "",
    http: httpx.Client | None = None, force: bool = False, device_code: str = "",
) -> dict[str, str]:
    """``device_code``: give this PC another number (receipt numbers) in the same step, when the
    county says another PC of the hall already has the one chosen at setup."""
    ident = store.identity  # the hall must be set up first
    if device_code:
        device_code = check_device_code(device_code)
    with store.read() as s:
        st = get_state(s)
    if st is not None and st.device_private_key and not force:
        raise DomainError(tr("sync", "This PC is already enrolled with {url}.").format(url=st.server_url))
    if force:
        with store.read() as s:
            sent = s.execute(text("SELECT COUNT(*) FROM outbox WHERE state != 'pending'")).scalar_one()
        if sent:
            raise DomainError(tr("sync", "This PC has already sent records to the county server; it cannot enroll again as a new device."))
    key = signing.new_private_key()
    client = SyncClient(server_url, http=http, now=store.clock.now)
    try:
        client.health()
        resp = client.enroll(
            EnrollRequest(code=code.strip(), public_key=signing.public_to_b64(key), device_name=device_name or platform.node()[:100],
                          device_code=device_code or ident.device_code)
        )
    except SyncUnavailable as exc:
        raise DomainError(tr("sync", "Cannot reach the county server ({detail}). Check the network and try again; nothing was changed.").format(detail=exc)) from exc
    except SyncRefused as exc:
        raise DomainError(tr("sync", "The county server refused the enrollment: {detail}").format(detail=exc.detail), field="code") from exc
    finally:
        client.close()
    _adopt_identity(store, resp, server_url=server_url, private_key=signing.private_to_b64(key), old_hall=ident.hall_id,
                    old_device=ident.device_id, device_code=device_code or ident.device_code)
    store.forget_identity()
    return {"hall_id": resp.hall_id, "hall_code": resp.hall_code, "hall_name": resp.hall_name, "device_id": resp.device_id, "server": server_url}


def _adopt_identity(
    store: Store, resp: EnrollResponse, *, server_url: str, private_key: str, old_hall: str, old_device: str,
    device_code: str = "",
) -> None:
    """One transaction: the county's hall and device ids replace the local ones everywhere.

    Nothing has left this PC before enrollment, so rows and pending operations are rewritten
    in place rather than captured as edits.
    """
    with store.write(None) as s, capture_suppressed(s):
        conn = s.connection()
        new = {"nh": resp.hall_id, "nd": resp.device_id, "oh": old_hall, "od": old_device}
        for table in synced_tables(s):
            conn.execute(text(f'UPDATE "{table}" SET hall_id = :nh WHERE hall_id = :oh'), new)
            conn.execute(text(f'UPDATE "{table}" SET device_id = :nd WHERE device_id = :od'), new)
        conn.execute(
            text("UPDATE outbox SET fields = json_set(fields, '$.hall_id', :nh) WHERE json_extract(fields, '$.hall_id') = :oh"), new
        )
        conn.execute(
            text("UPDATE outbox SET fields = json_set(fields, '$.device_id', :nd) WHERE json_extract(fields, '$.device_id') = :od"), new
        )
        conn.execute(text("UPDATE hall SET id = :nh, device_id = :nd WHERE id = :oh"), new)
        if device_code:
            conn.execute(text("UPDATE hall SET device_code = :dc WHERE id = :nh"), {**new, "dc": device_code})
        st = get_state(s) or SyncState(id=1)
        st.server_url = server_url.rstrip("/")
        st.server_public_key = resp.server_public_key
        st.hall_code = resp.hall_code
        st.device_private_key = private_key
        st.enrolled_at = store.clock.now()
        st.epoch = resp.epoch
        st.acked_high_water = 0
        st.pull_cursor = 0
        st.last_error = ""
        s.add(st)
