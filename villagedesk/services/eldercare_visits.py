"""Home visits (上门探访): recording them, who is due for one, and follow-ups until closed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlmodel import select

from villagedesk.db.models.core import Hall
from villagedesk.db.models.eldercare import VISIT_TYPES, ElderVisit
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.eldercare_roster import (
    FLAG_TUPLES,
    NO_PROFILE,
    ElderRow,
    fetch_roster,
    no_gc,
    raw_connection,
    require_elder,
)
from villagedesk.services.eldercare_rules import birthday_at, load_rules_in

VISIT_TYPE_ALIASES = {"探访": "visit", "助洁": "cleaning", "助医": "medical", "代购": "shopping", "其他": "other"}


def visit_type_label(code: str) -> str:
    return {
        "visit": tr("eldercare", "Home visit"),
        "cleaning": tr("eldercare", "Cleaning help"),
        "medical": tr("eldercare", "Medical help"),
        "shopping": tr("eldercare", "Shopping errand"),
        "other": tr("eldercare", "Other"),
    }.get(code, code)


def parse_visit_type(raw: str) -> str:
    code = VISIT_TYPE_ALIASES.get(raw.strip(), raw.strip().lower())
    if code not in VISIT_TYPES:
        raise DomainError(tr("eldercare", "Unknown visit type {type}. Use one of: 探访 助洁 助医 代购 其他.")
                          .format(type=raw), field="visit_type")
    return code


@dataclasses.dataclass(frozen=True)
class VisitInfo:
    id: str
    resident_id: str
    name: str
    visit_date: dt.date
    visit_type: str
    visitor_name: str
    findings: str
    health_notes: str
    follow_up_needed: bool
    follow_up_open: bool

    def as_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["visit_date"] = self.visit_date.isoformat()
        d["visit_type_label"] = visit_type_label(self.visit_type)
        return d


def record_visit(store: Store, *, actor: Actor, visit_type: str, resident_id: str | None = None,
                 id_number: str | None = None, visit_date: dt.date | None = None,
                 visitor_name: str | None = None, visitor_kind: str = "", findings: str = "",
                 health_notes: str = "", follow_up_needed: bool = False) -> VisitInfo:
    """Log a visit. The visitor defaults to the acting staff member; the date to today."""
    require(actor, "eldercare")
    today = store.clock.today()
    visit_date = visit_date or today
    code = parse_visit_type(visit_type)
    if visit_date > today:
        raise DomainError(tr("eldercare", "A visit cannot be recorded for a future date."), field="visit_date")
    visitor = (visitor_name if visitor_name is not None else actor.name).strip()
    if not visitor:
        raise DomainError(tr("eldercare", "Enter who made the visit."), field="visitor_name")
    with store.write(actor) as s:
        rules = load_rules_in(s)
        r = require_elder(s, rules, today=today, resident_id=resident_id, id_number=id_number,
                          on=visit_date)
        visit = ElderVisit(
            resident_id=r.id, visit_date=visit_date, visit_type=code, visitor_name=visitor,
            visitor_kind=visitor_kind or ("staff" if visitor_name is None else ""),
            findings=findings.strip(), health_notes=health_notes.strip(),
            follow_up_needed=bool(follow_up_needed), follow_up_open=bool(follow_up_needed),
        )
        s.add(visit)
        s.flush()
        return VisitInfo(visit.id, r.id, r.name, visit_date, code, visitor, visit.findings,
                         visit.health_notes, visit.follow_up_needed, visit.follow_up_open)


def void_visit(store: Store, *, actor: Actor, visit_id: str, reason: str = "") -> None:
    """A visit typed by mistake is voided, not deleted."""
    require(actor, "eldercare")
    with store.write(actor) as s:
        v = s.get(ElderVisit, visit_id)
        if v is None:
            raise NotFoundError(tr("eldercare", "No such visit."))
        v.status, v.follow_up_open = "voided", False
        if reason:
            v.follow_up_result = reason
        s.add(v)


# -- due list ------------------------------------------------------------------------------------

class DueItem(NamedTuple):
    """An elder due for a visit (a tuple of plain values, like ElderRow)."""

    elder: ElderRow
    last_visit: dt.date | None
    every_days: int
    due_date: dt.date
    days_overdue: int  # 0 = due today; negative = due later (only with `ahead_days`)

    def as_json(self) -> dict[str, Any]:
        return {
            **self.elder.as_json(),
            "last_visit": self.last_visit.isoformat() if self.last_visit else None,
            "every_days": self.every_days, "due_date": self.due_date.isoformat(),
            "days_overdue": self.days_overdue,
        }


def _start_date(s: Any) -> dt.date:
    """Elders never visited are due from the day the hall started keeping records here."""
    hall = s.exec(select(Hall)).first()
    if hall is None or hall.created_at is None:
        return dt.date.min
    from villagedesk.clock import CST

    created = hall.created_at
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.timezone.utc)
    return created.astimezone(CST).date()


def due_list(store: Store, *, today: dt.date | None = None, ahead_days: int = 0,
             carer: str | None = None) -> list[DueItem]:
    """Elders whose next visit is due by `today + ahead_days`, most overdue first.

    The interval is the shortest of the rules matching the elder's flags (e.g. 独居 and 失能
    weekly), else the default. An elder never visited is due from the later of the day they
    joined the roster and the day the hall started keeping records.
    """
    today = today or store.clock.today()
    limit = today + dt.timedelta(days=ahead_days)
    with store.read() as s:
        rules = load_rules_in(s)
        start = _start_date(s)
        rows, profiles = fetch_roster(s, today=today, roster_age=rules.roster_age)
        last_visits = dict(raw_connection(s).execute(
            "SELECT resident_id, visit_date FROM elder_last_visit").fetchall())
    return _due_items(rows, profiles, last_visits, rules, start, today, limit, carer)


def _due_items(rows: list[Any], profiles: dict[str, Any], last_visits: dict[str, str], rules: Any,
               start: dt.date, today: dt.date, limit: dt.date, carer: str | None) -> list[DueItem]:
    """One pass over the roster rows; ElderRow and DueItem are built only for those due."""
    every = [rules.visit_days(set(flags)) for flags in FLAG_TUPLES]
    # Due when the last visit is on or before limit - interval: a comparison of ISO strings.
    cut = [(limit - dt.timedelta(days=days)).isoformat() for days in every]
    year, md = today.year, f"{today:%m-%d}"
    fromiso, delta = dt.date.fromisoformat, dt.timedelta
    get_profile, get_last = profiles.get, last_visits.get
    new = tuple.__new__  # skips NamedTuple's Python-level __new__ in this hot loop
    items = []
    append = items.append
    with no_gc():
        for row in rows:
            rid, name, id_number, birth, phone, bits = row[:6]
            p = get_profile(rid, NO_PROFILE)
            if carer is not None and p[2] != carer:
                continue
            age = year - int(birth[:4]) - (birth[5:10] > md)
            mask = bits | p[4] | (16 if age >= 80 else 0)
            last_iso = get_last(rid)
            if last_iso is None:
                last = None
                due = max(start, birthday_at(fromiso(birth), rules.roster_age))
                if due > limit:
                    continue
            elif last_iso > cut[mask]:
                continue
            else:
                last = fromiso(last_iso)
                due = last + delta(days=every[mask])
            elder = new(ElderRow, (rid, name, id_number, fromiso(birth), age, FLAG_TUPLES[mask], p[0], p[1],
                                   p[2], phone, p[3] == 1, "active"))
            append(new(DueItem, (elder, last, every[mask], due, (today - due).days)))
    # Rows come oldest first and the sort is stable: the oldest lead among equally overdue.
    items.sort(key=attrgetter("due_date"))
    return items


def due_count(store: Store, *, today: dt.date | None = None) -> int:
    """For the home page card: how many elders are due for a visit today."""
    return len(due_list(store, today=today))


# -- follow-ups ----------------------------------------------------------------------------------

def open_follow_ups(store: Store) -> list[dict[str, Any]]:
    """Visits whose follow-up is needed and not closed yet, oldest first."""
    today = store.clock.today()
    with store.read() as s:
        rows = s.execute(text(
            "SELECT v.id, v.visit_date, v.visit_type, v.visitor_name, v.findings, v.health_notes, "
            "r.id AS resident_id, r.name, r.id_number, r.phone FROM elder_visit v "
            "JOIN resident r ON r.id = v.resident_id WHERE v.follow_up_open = 1 "
            "ORDER BY v.visit_date, v.created_at")).mappings().all()
    out = []
    for row in rows:
        d = dict(row)
        visit_date = dt.date.fromisoformat(str(d["visit_date"]))
        d["visit_date"] = visit_date.isoformat()
        d["days_open"] = (today - visit_date).days
        d["visit_type_label"] = visit_type_label(d["visit_type"])
        out.append(d)
    return out


def close_follow_up(store: Store, *, actor: Actor, visit_id: str, result: str) -> None:
    """Close a follow-up with what was done; it leaves the follow-up list."""
    require(actor, "eldercare")
    if not result.strip():
        raise DomainError(tr("eldercare", "Write what was done before closing the follow-up."),
                          field="result")
    with store.write(actor) as s:
        v = s.get(ElderVisit, visit_id)
        if v is None:
            raise NotFoundError(tr("eldercare", "No such visit."))
        if not v.follow_up_open:
            raise DomainError(tr("eldercare", "This follow-up is already closed."))
        v.follow_up_open = False
        v.follow_up_closed_on = store.clock.today()
        v.follow_up_closed_by = actor.name
        v.follow_up_result = result.strip()
        s.add(v)


def visits_in_month(store: Store, *, first: dt.date, last: dt.date,
                    carer: str | None = None) -> list[dict[str, Any]]:
    """Recorded visits in a date range, optionally to one carer's elders or by that carer."""
    where, params = "", {"a": first.isoformat(), "b": last.isoformat()}
    if carer is not None:
        where = "AND (v.visitor_name = :carer OR coalesce(p.carer_name, '') = :carer) "
        params["carer"] = carer
    with store.read() as s:
        rows = s.execute(text(
            "SELECT v.id, v.visit_date, v.visit_type, v.visitor_name, v.findings, v.health_notes, "
            "v.follow_up_needed, r.id AS resident_id, r.name, r.id_number FROM elder_visit v "
            "JOIN resident r ON r.id = v.resident_id "
            "LEFT JOIN elder_profile p ON p.resident_id = r.id "
            "WHERE v.visit_date BETWEEN :a AND :b AND v.status = 'recorded' " + where +
            "ORDER BY v.visit_date, r.name"), params).mappings().all()
    return [dict(r, visit_date=str(r["visit_date"]), visit_type_label=visit_type_label(r["visit_type"]))
            for r in rows]
