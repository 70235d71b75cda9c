"""Server tables of the USB path: bundles received, bundles held for a newer schema, what
each device last reported, acknowledgement versions, and township staff accounts."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field

from villagedesk.server.models import ServerModel, _ts


class BundleReceipt(ServerModel, table=True):
    """One row per bundle id that was accepted (whole rejections write nothing)."""

    __tablename__ = "bundle_receipt"
    bundle_id: str = Field(primary_key=True, max_length=36)
    hall_id: str = Field(max_length=36, index=True)
    device_id: str = Field(max_length=36)
    seq_from: int = Field(sa_type=sa.BigInteger)
    seq_to: int = Field(sa_type=sa.BigInteger)
    op_count: int
    previous_bundle_id: str = Field(default="", max_length=36)
    file_sha256: str = Field(max_length=64)
    status: str = Field(max_length=10)  # accepted | duplicate | held
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    later: int = 0
    received_at: datetime = _ts(nullable=False)
    uploaded_by: str = Field(default="", max_length=40)


class BundleHeld(ServerModel, table=True):
    """A bundle with operations from a newer schema than this server knows: kept whole and
    imported again (through the same idempotent ingest) after the server is upgraded."""

    __tablename__ = "bundle_held"
    bundle_id: str = Field(primary_key=True, max_length=36)
    hall_id: str = Field(max_length=36)
    device_id: str = Field(max_length=36)
    schema_rev: int
    data: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))
    received_at: datetime = _ts(nullable=False)
    released_at: datetime | None = _ts(nullable=True)


class BundleDevice(ServerModel, table=True):
    """What a device's newest bundle said: where its reference-data cursor stands."""

    __tablename__ = "bundle_device"
    device_id: str = Field(primary_key=True, max_length=36)
    hall_id: str = Field(max_length=36)
    ref_cursor: int = Field(default=0, sa_type=sa.BigInteger)
    last_bundle_id: str = Field(default="", max_length=36)
    last_bundle_created: str = Field(default="", max_length=40)


class AckIssue(ServerModel, table=True):
    """The newest acknowledgement version issued to a hall (versions only grow)."""

    __tablename__ = "ack_issue"
    hall_id: str = Field(primary_key=True, max_length=36)
    version: int = Field(sa_type=sa.BigInteger)
    issued_at: datetime = _ts(nullable=False)


class TownshipUser(ServerModel, table=True):
    """A township clerk who may upload bundles on the township page."""

    __tablename__ = "township_user"
    username: str = Field(primary_key=True, max_length=40)
    name: str = Field(default="", max_length=100)
    password_hash: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    active: bool = True
    created_at: datetime = _ts(nullable=False)
