"""Appliers for reference data pulled from the county: entity name -> function.

Modules that own a reference table register into ``DEFAULT_APPLIERS`` when imported, e.g.
``register_applier("service_item", apply_service_item)``. An applier gets the open write
session of the pull (one transaction with the cursor) and one ``Change``; it must be
idempotent, because a restored server or a repeated pull can deliver a change again.
A change without an applier is parked in ``sync_inbox`` and applied once one exists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from villagedesk.db.models.core import Staff
from villagedesk.db.models.sync import CountyNotice
from villagedesk.db.store import Store
from villagedesk.sync.protocol import Change


@dataclasses.dataclass(frozen=True)
class ApplyContext:
    store: Store
    now: dt.datetime


Applier = Callable[[Session, Change, ApplyContext], None]


CorrectionHook = Callable[[Session, str, dict[str, Any]], None]


# The services that own reference tables or take county corrections. They register when
# imported; the pull, the ack import and conflict resolution load them first, so a change
# never waits in the inbox just because no screen had imported its service yet.
OWNER_MODULES = (
    "villagedesk.services.proxy_catalogue",
    "villagedesk.services.supply_catalogue",
    "villagedesk.services.residents",
)
_owners_loaded = False


def load_owner_modules() -> None:
    global _owners_loaded
    if not _owners_loaded:
        _owners_loaded = True
        for name in OWNER_MODULES:
            importlib.import_module(name)


class Appliers:
    def __init__(self) -> None:
        self._by_entity: dict[str, Applier] = {}
        self._after_correction: dict[str, CorrectionHook] = {}

    def register_correction_hook(self, entity: str, fn: CorrectionHook) -> None:
        """Called after a county correction changed fields of a hall record (for example
        to rebuild the search keys of a renamed resident)."""
        self._after_correction[entity] = fn

    def correction_hook(self, entity: str) -> CorrectionHook | None:
        load_owner_modules()
        return self._after_correction.get(entity)

    def register(self, entity: str, fn: Applier) -> None:
        self._by_entity[entity] = fn

    def get(self, entity: str) -> Applier | None:
        load_owner_modules()
        return self._by_entity.get(entity)

    def entities(self) -> list[str]:
        load_owner_modules()
        return sorted(self._by_entity)

    def copy(self) -> Appliers:
        load_owner_modules()
        other = Appliers()
        other._by_entity = dict(self._by_entity)
        other._after_correction = dict(self._after_correction)
        return other


DEFAULT_APPLIERS = Appliers()


def register_applier(entity: str, fn: Applier) -> None:
    DEFAULT_APPLIERS.register(entity, fn)


def register_correction_hook(entity: str, fn: CorrectionHook) -> None:
    DEFAULT_APPLIERS.register_correction_hook(entity, fn)


def apply_notice(session: Session, change: Change, ctx: ApplyContext) -> None:
    row = session.get(CountyNotice, change.entity_id)
    if row is not None and row.version > change.version:
        return  # an older change delivered again
    if row is None:
        row = CountyNotice(id=change.entity_id, received_at=ctx.now)
    if change.kind == "delete":
        row.deleted = True
    else:
        row.title = str(change.data.get("title", row.title))
        row.body = str(change.data.get("body", row.body))
        row.published_on = str(change.data.get("published_on", row.published_on))
        row.deleted = bool(change.data.get("deleted", False))
    row.version = change.version
    row.received_at = ctx.now
    session.add(row)


STAFF_FIELDS = ("name", "role", "active", "phone", "password_hash")


def apply_staff(session: Session, change: Change, ctx: ApplyContext) -> None:
    """A staff account kept by the county for this hall. A tombstone disables it; accounts
    are never deleted because the audit log points at them. The write is captured like any
    other staff edit, so the county's record of the hall converges."""
    row = session.get(Staff, change.entity_id)
    if change.kind == "delete":
        if row is not None and row.active:
            row.active = False
            session.add(row)
        return
    if row is None:
        row = Staff(id=change.entity_id, name=str(change.data.get("name", "")), role=str(change.data.get("role", "proxy")))
    for field in STAFF_FIELDS:
        if field in change.data and getattr(row, field) != change.data[field]:
            setattr(row, field, change.data[field])
    session.add(row)
    session.flush()


register_applier("notice", apply_notice)
register_applier("staff", apply_staff)
