"""Acknowledgement bundles (``.vdack``) for halls without a network, and enrollment files.

An ack is signed with the server's key. It carries, per device of the hall, the contiguous
high-water mark and the operations parked as rejected; the reference data the hall has not
received yet (the same change feed the network pull reads, from the cursor the hall reported
in its newest bundle); a version that only grows; and an expiry.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagedesk.i18n import tr
from villagedesk.server import db
from villagedesk.server.bundle_models import AckIssue, BundleDevice
from villagedesk.server.halls import create_hall
from villagedesk.server.models import Device, Enrollment, Hall, OpLog
from villagedesk.server.reference import MAX_PAGE, changes_since, feed_head
from villagedesk.sync import bundle, signing
from villagedesk.sync.enroll_file import make_document

ACK_VALID_DAYS = 90
MAX_CHANGES = 50_000
MAX_REJECTED = 10_000
ENROLL_VALID_DAYS = 90


class AckError(ValueError):
    pass


def hall_by_code(session: Session, code: str) -> Hall:
    hall = session.execute(sa.select(Hall).where(Hall.code == code)).scalar_one_or_none()
    if hall is None:
        raise AckError(tr("SyncServer", "Unknown hall code: {code}").format(code=code))
    return hall


def _next_version(session: Session, hall_id: str, now: datetime) -> int:
    """Grows on every ack; tied to the clock so that a server restored from a backup still
    issues versions newer than any ack a hall has already applied."""
    row = session.execute(sa.select(AckIssue).where(AckIssue.hall_id == hall_id).with_for_update()).scalar_one_or_none()
    version = max((row.version + 1) if row else 1, int(now.timestamp() * 1_000_000))
    if row is None:
        session.add(AckIssue(hall_id=hall_id, version=version, issued_at=now))
    else:
        row.version, row.issued_at = version, now
    session.flush()
    return version


def make_ack(session: Session, *, hall_id: str, now: datetime, valid_days: int = ACK_VALID_DAYS) -> tuple[bytes, dict[str, Any]]:
    """Build and sign the ack for one hall (inside the caller's transaction)."""
    hall = session.get(Hall, hall_id)
    if hall is None:
        raise AckError(tr("SyncServer", "Unknown hall code: {code}").format(code=hall_id))
    meta = db.read_meta(session)
    devices = session.execute(sa.select(Device).where(Device.hall_id == hall_id).order_by(Device.id)).scalars().all()
    cursors = dict(session.execute(sa.select(BundleDevice.device_id, BundleDevice.ref_cursor).where(BundleDevice.hall_id == hall_id)).all())
    entries = []
    for dev in devices:
        rejected = session.execute(
            sa.select(OpLog.seq, OpLog.reason).where(OpLog.device_id == dev.id, OpLog.status == "rejected").order_by(OpLog.seq).limit(MAX_REJECTED)
        ).all()
        entries.append({
            "device_id": dev.id, "high_water": int(dev.high_water),
            "rejected": [{"seq": int(seq), "reason": reason or ""} for seq, reason in rejected],
        })
    start = min((int(cursors.get(d.id, 0)) for d in devices), default=0)
    changes: list[dict[str, Any]] = []
    cursor, more = start, True
    while more and len(changes) < MAX_CHANGES:
        items, cursor, more = changes_since(session, hall_id=hall_id, cursor=cursor, limit=MAX_PAGE)
        changes.extend(c.model_dump(mode="json") for c in items)
    payload = {"devices": entries, "changes": changes, "from_cursor": start, "cursor": cursor, "has_more": more, "head": feed_head(session)}
    fields = {
        "hall_id": hall.id, "hall_code": hall.code, "hall_name": hall.name, "epoch": meta["epoch"],
        "version": _next_version(session, hall.id, now), "ack_id": str(uuid.uuid4()),
        "created_at": now.isoformat(timespec="seconds"),
        "expires_at": (now + timedelta(days=valid_days)).isoformat(timespec="seconds"),
    }
    key = signing.private_from_b64(meta["signing_key"])
    data = bundle.pack("ack", fields, {bundle.ACK: json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}, key)
    return data, {**fields, "devices": len(entries), "changes": len(changes)}


def ack_file_name(fields: dict[str, Any]) -> str:
    code = "".join(ch for ch in fields["hall_code"] if ch.isascii() and (ch.isalnum() or ch in "-_")) or "hall"
    return f"{code}-ack-{fields['created_at'][:10].replace('-', '')}{bundle.ACK_SUFFIX}"


def create_hall_with_file(
    session: Session, *, code: str, name: str, now: datetime, valid_days: int = ENROLL_VALID_DAYS, server_url: str = ""
) -> tuple[dict[str, Any], bytes]:
    """``halls create --enrollment-file``: a hall, its one-time secret, a reserved device id,
    and the signed file that carries them to the hall PC."""
    res = create_hall(session, code=code, name=name, now=now, valid_days=valid_days)
    device_id = str(uuid.uuid4())
    from villagedesk.server.halls import _hash_code

    session.execute(
        sa.update(Enrollment).where(Enrollment.code_hash == _hash_code(res["enrollment_code"])).values(device_id=device_id)
    )
    meta = db.read_meta(session)
    key = signing.private_from_b64(meta["signing_key"])
    payload = {
        "hall_id": res["hall_id"], "hall_code": res["code"], "hall_name": res["name"], "device_id": device_id,
        "secret": res["enrollment_code"], "server_public_key": signing.public_to_b64(key), "epoch": meta["epoch"],
        "expires_at": res["expires_at"], "server_url": server_url,
    }
    return {**res, "device_id": device_id}, make_document(payload, key)
