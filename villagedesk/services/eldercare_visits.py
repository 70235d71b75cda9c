"""Home visits (上门探访): recording them, who is due for one, and follow-ups until closed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
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
    ELDER_FROM,
    ELDER_NAMES,
    FLAG_TUPLES,
    N_ELDER_COLUMNS,
    ElderRow,
    LazyRows,
    flag_conditions,
    flag_label,
    make_elder,
    no_gc,
    raw_connection,
    require_elder,
    roster_sql,
)
from villagedesk.services.eldercare_rules import Rules, born_on_or_before, load_rules_in

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
    """An elder due for a visit: the ElderRow columns, then the visit figures, as the due-list
    query returns them. Dates are day ordinals (dt.date.toordinal); `last_visit`, `due_date`
    and `elder` are made only when read."""

    resident_id: str
    name: str
    id_number: str
    birth_iso: str
    phone: str
    age: int
    flag_mask: int
    care_level: int
    carer_kind: str
    carer_name: str
    meal_regular: int
    inactive_status: str
    last_visit_day: int | None  # None: never visited
    every_days: int
    due_day: int
    days_overdue: int  # 0 = due today; negative = due later (only with `ahead_days`)

    @property
    def flags(self) -> tuple[str, ...]:
        return FLAG_TUPLES[self.flag_mask]

    @property
    def flag_labels(self) -> list[str]:
        return [flag_label(f) for f in self.flags]

    @property
    def elder(self) -> ElderRow:
        return make_elder(self[:N_ELDER_COLUMNS])

    @property
    def last_visit(self) -> dt.date | None:
        return None if self.last_visit_day is None else dt.date.fromordinal(self.last_visit_day)

    @property
    def due_date(self) -> dt.date:
        return dt.date.fromordinal(self.due_day)

    def as_json(self) -> dict[str, Any]:
        last = self.last_visit
        return {
            **self.elder.as_json(),
            "last_visit": last.isoformat() if last else None,
            "every_days": self.every_days, "due_date": self.due_date.isoformat(),
            "days_overdue": self.days_overdue,
        }


make_due = functools.partial(tuple.__new__, DueItem)
# julianday() of a date at midnight minus this is its proleptic ordinal (dt.date.toordinal).
_JD_ORDINAL = 1721424.5


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


def visit_days_sql(rules: Rules, today: dt.date, *, cut: dt.date | None = None) -> str:
    """The visit interval of an elder from their flags, as an SQL CASE over the resident and
    profile columns: the first matching rule in order of days is the shortest that applies,
    else the default.

    With `cut`, the CASE gives instead the ISO date a last visit must be after for the elder
    not to be due on `cut` (cut - interval): a plain text comparison per row.
    """
    cond = flag_conditions(today)

    def value(days: int) -> str:
        return f"'{(cut - dt.timedelta(days=days)).isoformat()}'" if cut else f"{days:d}"

    whens = " ".join(f"WHEN {cond[flag]} THEN {value(days)}"
                     for flag, days in sorted(rules.visit_rules, key=lambda r: r[1]))
    default = value(rules.visit_default_days)
    return f"(CASE {whens} ELSE {default} END)" if whens else default


def due_sql(rules: Rules, *, today: dt.date, limit: dt.date, start: dt.date, carer: str | None,
            count_only: bool = False) -> str:
    """One query for the due list: roster, profile, last visit, interval, due day, overdue days.

    The WHERE clause compares ISO date texts only; day numbers are computed just for the
    elders who are due. Parameter :carer when `carer` is given. Every value written into the
    SQL text is a number or a date the code made.
    """
    where = "AND coalesce(p.carer_name, '') = :carer " if carer is not None else ""
    # Never visited: due from the later of joining the roster and the hall's start. Everyone on
    # the roster on `today` joined by then, so they are due by `limit` exactly when the start is.
    never = "lv.visit_date IS NULL" if start <= limit else "0"
    where += f"AND ({never} OR lv.visit_date <= {visit_days_sql(rules, today, cut=limit)}) "
    last_day = f"CAST(julianday(lv.visit_date) - {_JD_ORDINAL} AS INTEGER)"
    never_day = (f"CASE WHEN lv.visit_date IS NULL THEN CAST(julianday(max('{start.isoformat()}', "
                 f"date(r.birth_date, '+{rules.roster_age:d} years'))) - {_JD_ORDINAL} AS INTEGER) END")
    join = "LEFT JOIN elder_last_visit lv ON lv.resident_id = r.id "
    if count_only:
        cutoff = born_on_or_before(today, rules.roster_age)
        return (f"SELECT count(*) {ELDER_FROM} {join}WHERE r.birth_date <= '{cutoff.isoformat()}' "
                f"AND r.status = 'active' {where}")
    due = roster_sql(today, rules.roster_age, where=where, order="", join=join,
                     extra=(f", {last_day} AS last_day, {visit_days_sql(rules, today)} AS every, "
                            f"{never_day} AS never_day"))
    due_day = "coalesce(last_day + every, never_day)"
    return (f"SELECT {ELDER_NAMES}, last_day, every, {due_day} AS due_day, "
            f"{today.toordinal():d} - {due_day} AS overdue FROM ({due})")


def due_list(store: Store, *, today: dt.date | None = None, ahead_days: int = 0,
             carer: str | None = None, limit: int | None = None) -> LazyRows[DueItem]:
    """Elders whose next visit is due by `today + ahead_days`, most overdue first (the oldest
    first among equally overdue).

    The interval is the shortest of the rules matching the elder's flags (e.g. 独居 and 失能
    weekly), else the default. An elder never visited is due from the later of the day they
    joined the roster and the day the hall started keeping records. All of it is one SQL
    query over the roster index, the profiles and elder_last_visit (kept by triggers).
    `limit` keeps only the first rows (the home card shows three).
    """
    today = today or store.clock.today()
    until = today + dt.timedelta(days=ahead_days)
    order = " ORDER BY due_day, birth_date, resident_id" + (f" LIMIT {int(limit):d}" if limit is not None else "")
    with store.read() as s:
        rules = load_rules_in(s)
        sql = due_sql(rules, today=today, limit=until, start=_start_date(s), carer=carer)
        with no_gc():
            return LazyRows(raw_connection(s).execute(
                sql + order, {"carer": carer} if carer is not None else {}).fetchall(), make_due)


def due_count(store: Store, *, today: dt.date | None = None) -> int:
    """For the home page card: how many elders are due for a visit today (no rows built)."""
    today = today or store.clock.today()
    with store.read() as s:
        rules = load_rules_in(s)
        sql = due_sql(rules, today=today, limit=today, start=_start_date(s), carer=None, count_only=True)
        return int(raw_connection(s).execute(sql).fetchone()[0])


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
