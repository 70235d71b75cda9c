"""Local sync bookkeeping: enrollment and cursors, conflicts, parked reference changes,
problems a person has looked at, and county notices. None of these tables is synced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class SyncState(SQLModel, table=True):
    """One row (id=1) once the PC is enrolled with a county server."""

    __tablename__ = "sync_state"

    id: int = Field(default=1, primary_key=True)
    server_url: str = ""
    server_public_key: str = ""
    hall_code: str = ""  # the hall's code on the county server
    device_private_key: str = ""  # Ed25519, base64; never sent anywhere
    enrolled_at: dt.datetime | None = None
    epoch: str = ""  # the server database we last talked to
    acked_high_water: int = 0  # the server's contiguous high-water mark for this device
    pull_cursor: int = 0
    last_attempt: dt.datetime | None = None
    last_success: dt.datetime | None = None
    last_error: str = ""
    server_schema_max: int = 0
    later_count: int = 0  # ops held because the server is older than this program


class SyncConflict(SQLModel, table=True):
    """A field that both the hall and a county correction changed; a person decides."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_state", "state"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: str
    entity_id: str = Field(max_length=64)
    field: str
    hall_value: str  # JSON
    county_value: str  # JSON
    base_version: int | None = None
    cursor: int = 0
    created_at: dt.datetime
    state: str = "open"  # open | resolved
    resolution: str = ""  # hall | county | edit
    resolved_value: str | None = None
    resolved_by: str | None = None
    resolved_at: dt.datetime | None = None


class SyncInbox(SQLModel, table=True):
    """Reference changes that could not be applied yet (no applier installed, or it failed)."""

    __tablename__ = "sync_inbox"

    cursor: int = Field(primary_key=True)
    entity: str
    entity_id: str = Field(max_length=64)
    kind: str
    data: str  # JSON
    version: int = 1
    base_version: int | None = None
    created_at: str = ""
    reason: str = ""
    attempts: int = 0


class SyncProblemNote(SQLModel, table=True):
    """A person has looked at a rejected operation (it stays in the outbox, state rejected)."""

    __tablename__ = "sync_problem_note"

    seq: int = Field(primary_key=True)
    staff_id: str | None = None
    note: str = ""
    at: dt.datetime


class CountyNotice(SQLModel, table=True):
    """Notices published by the county (reference data, read-only at the hall)."""

    __tablename__ = "county_notice"

    id: str = Field(primary_key=True, max_length=64)
    title: str = ""
    body: str = ""
    published_on: str = ""
    version: int = 1
    deleted: bool = False
    received_at: dt.datetime
