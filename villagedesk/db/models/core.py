"""Hall identity, staff, and the change-capture tables (outbox, audit log, capture context)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from villagedesk.db.models.base import SyncedModel


class Hall(SQLModel, table=True):
    """This PC's hall and device. Exactly one row once the hall is set up."""

    __tablename__ = "hall"

    id: str = Field(primary_key=True, max_length=36)  # hall_id, replaced by the county's at enrollment
    code: str = Field(max_length=12)  # 6-character hall code printed on receipts
    name: str
    township: str = ""
    county: str = ""
    phone: str = ""
    address: str = ""
    device_id: str = Field(max_length=36)
    device_code: str = Field(default="01", max_length=4)  # short device number in receipt numbers
    receipt_secret: str = ""  # hex key for the receipt QR signature
    is_demo: bool = False
    created_at: dt.datetime


class Staff(SyncedModel, table=True):
    """A staff account. Never deleted: audit rows point at it; it is disabled instead."""

    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("hall_id", "name", name="uq_staff_hall_name"),)

    name: str = Field(max_length=40)
    role: str = Field(max_length=16)  # admin | proxy | eldercare | supply | party
    password_hash: str = ""
    active: bool = True
    phone: str = ""


class StaffLoginState(SQLModel, table=True):
    """Local sign-in throttling state; not synced."""

    __tablename__ = "staff_login_state"

    staff_id: str = Field(primary_key=True, foreign_key="staff.id", max_length=36)
    failed_attempts: int = 0
    locked_until: dt.datetime | None = None
    last_login_at: dt.datetime | None = None


class CaptureContext(SQLModel, table=True):
    """One row that every write transaction stamps first: the triggers read who and when here."""

    __tablename__ = "capture_context"

    id: int = Field(default=1, primary_key=True)
    txid: str | None = None
    staff_id: str | None = None
    at: str | None = None  # ISO UTC of the transaction
    schema_rev: int = 1


class Outbox(SQLModel, table=True):
    """Operations waiting to reach the county server, in capture order (seq has no gaps)."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_seq", "state", "seq"),
        {"sqlite_autoincrement": True},
    )

    seq: int | None = Field(default=None, primary_key=True)
    txid: str | None = None
    entity: str
    entity_id: str
    kind: str  # upsert | delete
    fields: str  # JSON object
    base_version: int | None = None
    version: int | None = None
    schema_rev: int = 1
    created_at: str | None = None
    staff_id: str | None = None
    state: str = Field(default="pending")  # pending | sent | rejected
    sent_at: str | None = None
    reject_reason: str | None = None


class AuditLog(SQLModel, table=True):
    """Append-only: who, when, what, and the values before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: str | None = None
    staff_id: str | None = None
    entity: str
    entity_id: str
    action: str  # insert | update
    before: str | None = None
    after: str | None = None


class Counter(SQLModel, table=True):
    """Per-device sequences for numbers people read (receipt numbers, sale numbers)."""

    __tablename__ = "counter"

    name: str = Field(primary_key=True, max_length=40)
    year: int = Field(primary_key=True)
    value: int = 0
