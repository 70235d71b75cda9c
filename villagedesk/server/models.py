"""The county server's own tables (a registry apart from the hall's SQLModel metadata)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

server_registry = registry()


class ServerModel(SQLModel, registry=server_registry):
    """Base of every server table; its metadata is the server migrations' target."""


metadata = ServerModel.metadata


def _ts(**kw: object) -> object:
    return Field(sa_column=sa.Column(sa.DateTime(timezone=True), **kw))  # type: ignore[arg-type]


class ServerMeta(ServerModel, table=True):
    """Key/value facts about this database: its epoch and the server signing key."""

    __tablename__ = "server_meta"
    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


class Hall(ServerModel, table=True):
    __tablename__ = "hall"
    id: str = Field(primary_key=True, max_length=36)
    code: str = Field(max_length=40, sa_column_kwargs={"unique": True}, nullable=False)
    name: str = Field(max_length=200)
    created_at: datetime = _ts(nullable=False)
    last_contact: datetime | None = _ts(nullable=True)


class Enrollment(ServerModel, table=True):
    """A one-time enrollment code; only its hash is kept."""

    __tablename__ = "enrollment"
    id: int | None = Field(default=None, primary_key=True)
    hall_id: str = Field(foreign_key="hall.id", index=True, max_length=36)
    code_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True}, nullable=False)
    created_at: datetime = _ts(nullable=False)
    expires_at: datetime = _ts(nullable=False)
    used_at: datetime | None = _ts(nullable=True)
    device_id: str | None = Field(default=None, max_length=36)


class Device(ServerModel, table=True):
    __tablename__ = "device"
    id: str = Field(primary_key=True, max_length=36)
    hall_id: str = Field(foreign_key="hall.id", index=True, max_length=36)
    public_key: str = Field(max_length=64)
    name: str = Field(default="", max_length=100)
    # The PC number in its receipt numbers (XG0203-01-…); unique within the hall, "" if not given.
    device_code: str = Field(default="", max_length=4, sa_column_kwargs={"server_default": ""})
    enrolled_at: datetime = _ts(nullable=False)
    last_contact: datetime | None = _ts(nullable=True)
    high_water: int = Field(default=0, sa_type=sa.BigInteger)
    reported_pending: int = 0
    reported_rejected: int = 0
    reported_conflicts: int = 0
    reported_last_seq: int = Field(default=0, sa_type=sa.BigInteger)


class OpLog(ServerModel, table=True):
    """Every operation ever received, keyed by (device_id, seq). Applied and rejected alike."""

    __tablename__ = "op_log"
    __table_args__ = (
        sa.UniqueConstraint("device_id", "seq", name="uq_op_log_device_seq"),
        sa.Index("ix_op_log_hall_status", "hall_id", "status"),
    )
    id: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True))
    device_id: str = Field(max_length=36)
    seq: int = Field(sa_type=sa.BigInteger)
    hall_id: str = Field(max_length=36)
    txid: str = Field(max_length=64)
    entity: str = Field(max_length=64)
    entity_id: str = Field(max_length=64)
    kind: str = Field(max_length=10)
    schema_rev: int
    payload_hash: str = Field(max_length=64)
    payload: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    status: str = Field(max_length=10)
    reason: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    received_at: datetime = _ts(nullable=False)


class Record(ServerModel, table=True):
    """The current state of every hall record, as the ops built it."""

    __tablename__ = "record"
    hall_id: str = Field(primary_key=True, max_length=36)
    entity: str = Field(primary_key=True, max_length=64)
    entity_id: str = Field(primary_key=True, max_length=64)
    version: int
    data: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    deleted: bool = False
    updated_at: datetime = _ts(nullable=False)
    last_device_id: str = Field(max_length=36)
    last_seq: int = Field(sa_type=sa.BigInteger)


class RefChange(ServerModel, table=True):
    """The reference-data change feed; ``hall_id`` NULL means every hall receives it."""

    __tablename__ = "ref_change"
    __table_args__ = (sa.Index("ix_ref_change_key", "entity", "entity_id"),)
    cursor: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True))
    hall_id: str | None = Field(default=None, max_length=36, index=True)
    entity: str = Field(max_length=64)
    entity_id: str = Field(max_length=64)
    kind: str = Field(max_length=12)
    data: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    version: int
    base_version: int | None = None
    created_at: datetime = _ts(nullable=False)

# Tables of the USB bundle path (issue 8) share this metadata.
from villagedesk.server import bundle_models  # noqa: E402,F401
