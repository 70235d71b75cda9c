"""The hall store: one SQLite engine, this PC's identity and a clock, with transaction helpers.

Every write runs inside `store.write(actor)`: one BEGIN IMMEDIATE transaction that first
stamps `capture_context`, so the capture triggers record who wrote and when.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlmodel import Session, select

from villagedesk.clock import Clock, SystemClock
from villagedesk.db.engine import make_engine, write_engine
from villagedesk.db.models.core import Hall
from villagedesk.errors import NotSetUpError
from villagedesk.i18n import tr

if TYPE_CHECKING:
    from villagedesk.services.auth import Actor


SCHEMA_REV_DEFAULT = 1


def _schema_rev() -> int:
    try:
        from villagedesk.sync.protocol import SCHEMA_REV
    except ImportError:  # the sync package is optional for the local store
        return SCHEMA_REV_DEFAULT
    return int(SCHEMA_REV)


@dataclasses.dataclass(frozen=True)
class HallIdentity:
    hall_id: str
    device_id: str
    code: str
    name: str
    device_code: str
    is_demo: bool


class Store:
    def __init__(self, engine: Engine, *, clock: Clock | None = None, path: Path | None = None):
        self.engine = engine
        self._write_engine = write_engine(engine)
        self.clock: Clock = clock or SystemClock()
        self.path = path
        self._identity: HallIdentity | None = None
        self.schema_rev = _schema_rev()

    @classmethod
    def open(cls, path: Path, *, clock: Clock | None = None) -> Store:
        return cls(make_engine(path), clock=clock, path=path)

    def close(self) -> None:
        self.engine.dispose()

    # -- identity -------------------------------------------------------------------------
    def load_identity(self) -> HallIdentity | None:
        with self.read() as s:
            hall = s.exec(select(Hall)).first()
        if hall is None:
            return None
        self._identity = HallIdentity(
            hall.id, hall.device_id, hall.code, hall.name, hall.device_code, hall.is_demo
        )
        return self._identity

    @property
    def identity(self) -> HallIdentity:
        if self._identity is None and self.load_identity() is None:
            raise NotSetUpError(
                tr("store", "This hall is not set up yet. Run: villagedesk setup "
                   "--hall-name NAME --hall-code CODE --admin-name NAME --admin-password PASSWORD")
            )
        assert self._identity is not None
        return self._identity

    def forget_identity(self) -> None:
        self._identity = None

    @property
    def is_set_up(self) -> bool:
        return self._identity is not None or self.load_identity() is not None

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def write(self, actor: Actor | None) -> Iterator[Session]:
        """One write transaction; commits on success, rolls back on any exception."""
        now = self.clock.now()
        with Session(self._write_engine, expire_on_commit=False) as session:
            session.info["store"] = self
            session.info["actor"] = actor
            session.info["now"] = now
            session.connection().execute(
                text(
                    "UPDATE capture_context SET txid = :txid, staff_id = :staff, at = :at, "
                    "schema_rev = :rev WHERE id = 1"
                ),
                {
                    "txid": str(uuid.uuid4()),
                    "staff": actor.staff_id if actor else None,
                    "at": now.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds"),
                    "rev": self.schema_rev,
                },
            )
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            session.info["store"] = self
            yield session  # closing the session ends the read transaction without expiring rows
