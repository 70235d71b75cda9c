"""Columns every synced row carries, and the session hook that fills them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


class SyncedModel(SQLModel):
    """Base for tables whose rows leave the PC. Triggers capture every write (db/capture.py)."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    hall_id: str = Field(default="", max_length=36)
    device_id: str = Field(default="", max_length=36)
    created_at: dt.datetime | None = Field(default=None)
    updated_at: dt.datetime | None = Field(default=None)
    version: int = Field(default=1)


def row_defaults(session: Session) -> dict[str, Any]:
    """The identity and timestamp columns for a Core bulk insert inside a store transaction."""
    now = session.info["now"]
    ident = session.info["store"].identity
    return {
        "hall_id": ident.hall_id,
        "device_id": ident.device_id,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }


@event.listens_for(Session, "before_flush")
def _fill_synced_columns(session: Session, _ctx: Any, _instances: Any) -> None:
    now = session.info.get("now")
    store = session.info.get("store")
    if now is None or store is None:
        return
    for obj in session.new:
        if isinstance(obj, SyncedModel):
            if not obj.hall_id or not obj.device_id:
                ident = store.identity
                obj.hall_id = obj.hall_id or ident.hall_id
                obj.device_id = obj.device_id or ident.device_id
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            obj.version = obj.version or 1
    for obj in session.dirty:
        if isinstance(obj, SyncedModel) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            if state.attrs.version.history.has_changes():
                continue
            obj.version = (obj.version or 0) + 1
            obj.updated_at = now
