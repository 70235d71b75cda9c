"""Halls, one-time enrollment codes, device enrollment and per-hall statistics."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagedesk.i18n import tr
from villagedesk.server.models import Device, Enrollment, Hall, OpLog, Record

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
DEFAULT_VALID_DAYS = 7


class EnrollmentError(Exception):
    """The code is unknown, used or expired (HTTP 403)."""


def _hash_code(code: str) -> str:
    norm = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(norm.encode("ascii", "ignore")).hexdigest()


def new_enrollment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def create_hall(
    session: Session, *, code: str, name: str, now: datetime, valid_days: int = DEFAULT_VALID_DAYS
) -> dict[str, Any]:
    """Create the hall if it is new, and issue a fresh one-time enrollment code for it."""
    code = code.strip()
    if not code or len(code) > 40:
        raise ValueError(tr("SyncServer", "A hall code is 1 to 40 characters."))
    hall = session.execute(sa.select(Hall).where(Hall.code == code)).scalar_one_or_none()
    if hall is None:
        hall = Hall(id=str(uuid.uuid4()), code=code, name=name.strip() or code, created_at=now)
        session.add(hall)
        session.flush()
    elif name.strip():
        hall.name = name.strip()
    enrollment_code = new_enrollment_code()
    expires = now + timedelta(days=valid_days)
    session.add(
        Enrollment(hall_id=hall.id, code_hash=_hash_code(enrollment_code), created_at=now, expires_at=expires)
    )
    session.flush()
    return {
        "code": hall.code,
        "name": hall.name,
        "hall_id": hall.id,
        "enrollment_code": enrollment_code,
        "expires_at": expires.isoformat(),
    }


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=timezone.utc)


def device_code_taken(session: Session, hall_id: str, device_code: str) -> str | None:
    """The name of another PC of this hall that already prints this PC number, if any."""
    if not device_code:
        return None
    return session.execute(
        sa.select(Device.name).where(Device.hall_id == hall_id, Device.device_code == device_code)
    ).scalars().first()


def device_code_message(device_code: str, other: str) -> str:
    return tr(
        "SyncServer",
        "PC number {code} is already used by another PC of this hall ({other}): receipt numbers would repeat. "
        "Give this PC another number when enrolling (villagedesk sync enroll ... --device-code 02).",
    ).format(code=device_code, other=other or "?")


def enroll_device(
    session: Session, *, code: str, public_key: str, device_name: str, now: datetime, device_code: str = ""
) -> tuple[Hall, Device]:
    """Spend the one-time code: a device joins its hall with the public key it made."""
    enr = session.execute(
        sa.select(Enrollment).where(Enrollment.code_hash == _hash_code(code))
    ).scalar_one_or_none()
    if enr is None:
        raise EnrollmentError(tr("SyncServer", "Unknown enrollment code."))
    if enr.used_at is not None:
        raise EnrollmentError(tr("SyncServer", "This enrollment code has already been used."))
    if _aware(enr.expires_at) < now:
        raise EnrollmentError(tr("SyncServer", "This enrollment code has expired; ask the county for a new one."))
    taken = device_code_taken(session, enr.hall_id, device_code)
    if taken is not None:
        raise EnrollmentError(device_code_message(device_code, taken))
    device_id = str(uuid.uuid4())
    # Conditional update: two PCs racing with the same code cannot both win.
    won = session.execute(
        sa.update(Enrollment)
        .where(Enrollment.id == enr.id, Enrollment.used_at.is_(None))
        .values(used_at=now, device_id=device_id)
    ).rowcount
    if won != 1:
        raise EnrollmentError(tr("SyncServer", "This enrollment code has already been used."))
    hall = session.get(Hall, enr.hall_id)
    assert hall is not None
    dev = Device(
        id=device_id, hall_id=hall.id, public_key=public_key, name=device_name, device_code=device_code,
        enrolled_at=now, last_contact=now,
    )
    session.add(dev)
    session.flush()
    return hall, dev


@dataclass
class HallSummary:
    code: str
    name: str
    hall_id: str
    devices: int
    last_contact: str | None
    pending: int
    rejected: int
    operations: int


def list_halls(session: Session) -> list[HallSummary]:
    halls = session.execute(sa.select(Hall).order_by(Hall.code)).scalars().all()
    dev_rows = session.execute(
        sa.select(Device.hall_id, sa.func.count(), sa.func.sum(Device.reported_pending)).group_by(Device.hall_id)
    ).all()
    devs = {h: (n, int(p or 0)) for h, n, p in dev_rows}
    op_rows = session.execute(
        sa.select(OpLog.hall_id, OpLog.status, sa.func.count()).group_by(OpLog.hall_id, OpLog.status)
    ).all()
    ops: dict[str, dict[str, int]] = {}
    for hall_id, status, n in op_rows:
        ops.setdefault(hall_id, {})[status] = n
    out = []
    for h in halls:
        n_dev, pending = devs.get(h.id, (0, 0))
        counts = ops.get(h.id, {})
        out.append(
            HallSummary(
                code=h.code, name=h.name, hall_id=h.id, devices=n_dev,
                last_contact=_aware(h.last_contact).isoformat() if h.last_contact else None,
                pending=pending, rejected=counts.get("rejected", 0), operations=sum(counts.values()),
            )
        )
    return out


def stats(session: Session, *, hall_code: str | None = None) -> dict[str, Any]:
    """{"halls": [{"code", "operations", "records": {entity: n}}]}; records exclude tombstones."""
    q = sa.select(Hall).order_by(Hall.code)
    if hall_code:
        q = q.where(Hall.code == hall_code)
    halls = session.execute(q).scalars().all()
    out = []
    for h in halls:
        n_ops = session.execute(sa.select(sa.func.count()).select_from(OpLog).where(OpLog.hall_id == h.id)).scalar_one()
        rec_rows = session.execute(
            sa.select(Record.entity, sa.func.count())
            .where(Record.hall_id == h.id, Record.deleted.is_(False))
            .group_by(Record.entity)
            .order_by(Record.entity)
        ).all()
        out.append({"code": h.code, "operations": int(n_ops), "records": {e: int(n) for e, n in rec_rows}})
    return {"halls": out}
