"""USB sync bookkeeping at the hall: the enrollment secret until the county has this PC's
key, the last exported bundle, and the newest acknowledgement applied (rollback guard).
Not synced."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class UsbState(SQLModel, table=True):
    """One row (id=1) once the PC has been enrolled from a file or exported a bundle."""

    __tablename__ = "usb_state"

    id: int = Field(default=1, primary_key=True)
    enrollment_secret: str = ""  # the one-time secret; sent in bundles until an ack confirms the key
    enrollment_file_id: str = ""
    last_bundle_id: str = ""
    last_bundle_at: dt.datetime | None = None
    last_bundle_seq_to: int = 0
    ack_version: int = Field(default=0, sa_type=sa.BigInteger)  # newest acknowledgement applied; older ones are refused
    ack_applied_at: dt.datetime | None = None
