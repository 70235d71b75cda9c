"""Clocks: UTC instants for storage, China Standard Time for business dates."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

CST = dt.timezone(dt.timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The PC's clock. Business dates are taken in China Standard Time."""

    def __init__(self, tz: dt.tzinfo = CST) -> None:
        self.tz = tz

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    def today(self) -> dt.date:
        return self.now().astimezone(self.tz).date()


class FixedClock:
    """A clock for tests: starts at a given instant and moves only when told."""

    def __init__(self, at: dt.datetime | dt.date, tz: dt.tzinfo = CST) -> None:
        if not isinstance(at, dt.datetime):
            at = dt.datetime(at.year, at.month, at.day, 9, 0, tzinfo=tz)
        if at.tzinfo is None:
            at = at.replace(tzinfo=tz)
        self._now = at.astimezone(dt.timezone.utc)
        self.tz = tz

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.astimezone(self.tz).date()

    def advance(self, **delta: float) -> None:
        self._now += dt.timedelta(**delta)

    def set(self, at: dt.datetime) -> None:
        self._now = at.astimezone(dt.timezone.utc)


def utc_naive(moment: dt.datetime) -> dt.datetime:
    """SQLite keeps no zone: store instants as naive UTC."""
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
