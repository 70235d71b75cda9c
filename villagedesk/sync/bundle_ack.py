"""Import of the county's acknowledgement bundle at the hall.

One local transaction marks the acknowledged operations as sent (and the ones the server
parked as rejected), applies the reference data with the same appliers as the network pull,
moves the pull cursor, and records the ack's version. Refused, with nothing changed: an ack
not signed by this hall's county server, for another hall, expired, older than one already
applied, or claiming operations this PC never made.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from villagedesk.db.models.usb import UsbState
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.sync import bundle
from villagedesk.sync.appliers import DEFAULT_APPLIERS, Appliers, ApplyContext
from villagedesk.sync.enroll import synced_tables
from villagedesk.sync.protocol import Change
from villagedesk.sync.pull import PullSummary, _apply_one, _park, _retry_parked
from villagedesk.sync.state import get_state, require_state


def read_ack(store: Store, data: bytes) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(manifest, payload, this device's entry) of a genuine ack for this PC, or DomainError."""
    try:
        env = bundle.unpack(data, expected_kind="ack")
    except bundle.BundleError as exc:
        # The container's own messages speak to the township clerk about hall bundles; at
        # the hall, a bad ack is fetched again at the township, and a newer one needs a newer PC program.
        if exc.code in ("damaged", "tampered"):
            raise DomainError(tr("usb", "The acknowledgement file is damaged or was changed (perhaps the USB stick was pulled out while copying). Nothing was changed; ask the township to download it again.")) from exc
        if exc.code == "newer_format":
            raise DomainError(tr("usb", "This acknowledgement was made by a newer county server. Install the newer VillageDesk on this PC first, then import it; keep the file.")) from exc
        raise DomainError(exc.message) from exc
    st = require_state(store)
    if not env.verify(st.server_public_key):
        raise DomainError(tr("usb", "This acknowledgement is not signed by the county server this PC is enrolled with. It was changed or comes from elsewhere; nothing was changed."))
    man = env.manifest
    ident = store.identity
    if man.get("hall_id") != ident.hall_id:
        raise DomainError(tr("usb", "This acknowledgement is for another hall ({code}). Nothing was changed.").format(code=man.get("hall_code", "?")))
    try:
        payload = json.loads(env.members[bundle.ACK])
        expires = dt.datetime.fromisoformat(str(man["expires_at"]))
        version = int(man["version"])
    except (KeyError, ValueError, TypeError) as exc:
        raise DomainError(tr("usb", "The acknowledgement file is damaged. Ask the township for a new one.")) from exc
    if expires < store.clock.now():
        raise DomainError(tr("usb", "This acknowledgement has expired. Take a new bundle to the township and bring back its acknowledgement."))
    entry = next((d for d in payload.get("devices", []) if d.get("device_id") == ident.device_id), None)
    if entry is None:
        raise DomainError(tr("usb", "The county has not received any bundle from this PC yet, so this acknowledgement does not concern it. Nothing was changed."))
    man["version"] = version
    return man, payload, entry


def import_ack(store: Store, *, path: Path, appliers: Appliers | None = None) -> dict[str, Any]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DomainError(tr("usb", "Cannot read the file {path}. Is the USB stick plugged in?").format(path=path)) from exc
    return apply_ack(store, data, appliers=appliers)


def apply_ack(store: Store, data: bytes, *, appliers: Appliers | None = None) -> dict[str, Any]:
    man, payload, entry = read_ack(store, data)
    appliers = appliers or DEFAULT_APPLIERS
    version, hw = man["version"], int(entry.get("high_water", 0))
    rejected = [r for r in entry.get("rejected", []) if int(r.get("seq", 0)) <= hw]
    now = store.clock.now()
    at = now.isoformat(timespec="seconds")
    out: dict[str, Any] = {"version": version, "high_water": hw, "already_applied": False}
    with store.write(None) as s:
        usb = s.get(UsbState, 1) or UsbState(id=1)
        if version < usb.ack_version:
            raise DomainError(tr("usb", "This acknowledgement is older than one already imported here. Nothing was changed; use the newest acknowledgement."))
        if version == usb.ack_version:
            out["already_applied"] = True
            return {**out, "acknowledged": 0, "rejected": 0, "reference_changes": 0, "pending": _pending(s)}
        last_seq = int(s.execute(text("SELECT COALESCE(MAX(seq), 0) FROM outbox")).scalar_one())
        if hw > last_seq:
            raise DomainError(
                tr("usb", "This acknowledgement claims {n} operations, but this PC has only made {m}. It does not belong to this PC's data; nothing was changed.").format(n=hw, m=last_seq)
            )
        conn = s.connection()
        st = get_state(s)
        assert st is not None
        if man.get("epoch") != st.epoch:
            # A different server database (restored and re-keyed): send again what it lacks.
            conn.execute(text("UPDATE outbox SET state = 'pending', sent_at = NULL, reject_reason = NULL WHERE state != 'pending'"))
            st.acked_high_water = 0
        acked = conn.execute(text("UPDATE outbox SET state = 'sent', sent_at = :at WHERE seq <= :hw AND state = 'pending'"), {"at": at, "hw": hw}).rowcount
        for r in rejected:
            conn.execute(
                text("UPDATE outbox SET state = 'rejected', sent_at = :at, reject_reason = :reason WHERE seq = :seq AND state != 'rejected'"),
                {"at": at, "seq": int(r["seq"]), "reason": str(r.get("reason", ""))[:500]},
            )
        summary = _apply_changes(s, store, st, payload, appliers, now)
        st.epoch = str(man.get("epoch") or st.epoch)
        st.acked_high_water = max(st.acked_high_water, hw)
        st.last_success = now
        st.last_error = ""
        s.add(st)
        usb.ack_version = version
        usb.ack_applied_at = now
        usb.enrollment_secret = ""  # the county has this PC's key now
        s.add(usb)
        out.update(acknowledged=int(acked), rejected=len(rejected), reference_changes=summary.applied, parked=summary.parked, conflicts=summary.conflicts, pending=_pending(s))
    return out


def _pending(s: Any) -> int:
    return int(s.execute(text("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")).scalar_one())


def _apply_changes(s: Any, store: Store, st: Any, payload: dict[str, Any], appliers: Appliers, now: dt.datetime) -> PullSummary:
    summary = PullSummary()
    ctx = ApplyContext(store=store, now=now)
    synced = synced_tables(s)
    _retry_parked(s, ctx, appliers, synced, summary)
    for raw in payload.get("changes", []):
        change = Change.model_validate(raw)
        if change.cursor <= st.pull_cursor:
            continue  # already received over the network
        ok, conflicts, reason = _apply_one(s, change, ctx, appliers, synced)
        summary.received += 1
        if ok:
            summary.applied += 1
            summary.conflicts += conflicts
        else:
            _park(s, change, reason)
            summary.parked += 1
    head = payload.get("head")
    if type(head) is int and head < st.pull_cursor:
        # The county's feed is shorter than what this PC has read (a restored server): read
        # it again from the start; the next bundle says so and the next ack carries it all.
        st.pull_cursor = 0
        return summary
    st.pull_cursor = max(st.pull_cursor, int(payload.get("cursor", 0)))
    summary.cursor = st.pull_cursor
    return summary
