"""Working days under China's public-holiday calendar (法定节假日 and 调休 make-up days).

The calendar is data: ``resources/data/holidays/YYYY.json``, one file per year, copied
from the State Council's yearly notice. Each file lists rest periods (``off``: first
and last day, weekends inside included) and make-up working days (``work``: Saturdays
or Sundays that are working days). A file marked ``"provisional": true`` holds only
the statutory holidays before the notice is out; using it logs a warning, and
`HolidayCalendar.is_provisional` lets a screen say the due date may still move.
A year with no file is counted as plain Monday-to-Friday, also with a warning.

Due dates (承诺时限): the acceptance day itself is not counted. An application accepted
on a rest day (weekend or holiday, not a make-up day) counts as accepted on the next
working day, and counting starts the working day after that:
accepted Fri 2026-02-13, 1 working day -> Sat 2026-02-14 (a make-up working day);
accepted Sun 2026-02-22 (holiday), 1 working day -> Wed 2026-02-25
(deemed accepted Tue 2026-02-24, the first working day after the break).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from dataclasses import dataclass, field

from villagedesk.resources import resource_path

log = logging.getLogger(__name__)

_MAX_STEPS = 3660  # no promise runs ten years; guards against a runaway loop


@dataclass(frozen=True)
class YearCalendar:
    year: int
    off: frozenset[dt.date]
    work: frozenset[dt.date]
    names: dict[dt.date, str] = field(default_factory=dict, compare=False)
    provisional: bool = False
    known: bool = True  # False: no data file, weekends only
    source: str = ""


def _parse_year(data: dict[str, object]) -> YearCalendar:
    year = int(data["year"])  # type: ignore[call-overload]
    off: set[dt.date] = set()
    work: set[dt.date] = set()
    names: dict[dt.date, str] = {}
    for period in data.get("periods", []):  # type: ignore[attr-defined]
        first, last = (dt.date.fromisoformat(x) for x in period["off"])
        if last < first:
            raise ValueError(f"holidays {year}: {period['name']} ends before it starts")
        day = first
        while day <= last:
            off.add(day)
            names[day] = period["name"]
            day += dt.timedelta(days=1)
        for text in period.get("work", []):
            day = dt.date.fromisoformat(text)
            work.add(day)
            names[day] = period["name"]
    if off & work:
        raise ValueError(f"holidays {year}: a day is both a holiday and a working day")
    return YearCalendar(
        year=year,
        off=frozenset(off),
        work=frozenset(work),
        names=names,
        provisional=bool(data.get("provisional", False)),
        source=str(data.get("source", "")),
    )


class HolidayCalendar:
    """Working-day arithmetic over the yearly holiday files (loaded lazily, cached)."""

    def __init__(self, years: dict[int, YearCalendar] | None = None) -> None:
        self._years: dict[int, YearCalendar] = dict(years or {})
        self._from_files = years is None
        self._warned: set[int] = set()
        self._lock = threading.Lock()

    @classmethod
    def from_data(cls, *datas: dict[str, object]) -> HolidayCalendar:
        """A calendar from JSON-like dicts (tests, or a county-published calendar)."""
        return cls({(y := _parse_year(d)).year: y for d in datas})

    def year(self, year: int) -> YearCalendar:
        cal = self._years.get(year)
        if cal is not None:
            return cal
        with self._lock:
            cal = self._years.get(year)
            if cal is None:
                cal = self._load(year)
                self._years[year] = cal
        return cal

    def _load(self, year: int) -> YearCalendar:
        if self._from_files:
            try:
                path = resource_path(f"data/holidays/{year}.json")
            except FileNotFoundError:
                path = None
            if path is not None:
                return _parse_year(json.loads(path.read_text(encoding="utf-8")))
        return YearCalendar(year, frozenset(), frozenset(), known=False)

    def _note_use(self, cal: YearCalendar) -> None:
        if cal.year in self._warned or (cal.known and not cal.provisional):
            return
        self._warned.add(cal.year)
        if not cal.known:
            log.warning("no holiday calendar for %d: counting Monday to Friday only", cal.year)
        else:
            log.warning(
                "holiday calendar for %d is provisional (State Council notice not yet in the "
                "data); due dates in %d may move", cal.year, cal.year)

    def is_provisional(self, year: int) -> bool:
        """True when `year` has no official data yet (provisional file or none at all)."""
        cal = self.year(year)
        return cal.provisional or not cal.known

    def is_working_day(self, day: dt.date) -> bool:
        cal = self.year(day.year)
        self._note_use(cal)
        if day in cal.work:
            return True
        if day in cal.off:
            return False
        return day.weekday() < 5

    def holiday_name(self, day: dt.date) -> str | None:
        """'春节' for a day in (or a make-up day for) a holiday period, else None."""
        return self.year(day.year).names.get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        for _ in range(_MAX_STEPS):
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError("no working day found within ten years")

    def effective_start(self, accepted: dt.date) -> dt.date:
        """`accepted` if it is a working day, else the next working day."""
        return accepted if self.is_working_day(accepted) else self.next_working_day(accepted)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The date `n` working days after `start` (see the module docstring for the rule)."""
        if n < 0:
            raise ValueError("the number of working days cannot be negative")
        day = self.effective_start(start)
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


_default: HolidayCalendar | None = None
_default_lock = threading.Lock()


def default_calendar() -> HolidayCalendar:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = HolidayCalendar()
    return _default


def add_working_days(start: dt.date, n: int, calendar: HolidayCalendar | None = None) -> dt.date:
    """Due date: `n` working days after `start`, skipping weekends and holidays, counting 调休."""
    return (calendar or default_calendar()).add_working_days(start, n)


def is_working_day(day: dt.date, calendar: HolidayCalendar | None = None) -> bool:
    return (calendar or default_calendar()).is_working_day(day)


def working_days_between(
    start: dt.date, end: dt.date, calendar: HolidayCalendar | None = None
) -> int:
    return (calendar or default_calendar()).working_days_between(start, end)
