"""The yearly pension check (养老金资格认证) and the old-age allowance (高龄津贴).

A check is one row per elder and year. Allowance eligibility is computed from the birth
date and the hall's thresholds (default 80/90/100); nothing about it is stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import text
from sqlmodel import select

from villagedesk.db.models.eldercare import PENSION_METHODS, PensionCheck
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.eldercare_roster import (
    ELDER_FROM,
    ElderRow,
    LazyRows,
    elder_columns,
    fetch_elders,
    raw_connection,
    require_elder,
    roster_sql,
    row_to_elder,
)
from villagedesk.services.eldercare_rules import (
    birthday_at,
    born_on_or_before,
    fen_to_yuan,
    load_rules_in,
    month_bounds,
    years_before,
)

METHOD_ALIASES = {"现场": "onsite", "上门": "home", "代办": "proxy"}
PENSION_SERVICE_NAME = "养老金资格认证"
PENSION_SERVICE_CODE = "RS002"  # in the standard service catalogue


def method_label(method: str) -> str:
    return {"onsite": tr("eldercare", "At the hall"), "home": tr("eldercare", "At home"),
            "proxy": tr("eldercare", "By proxy")}.get(method, method)


def parse_method(raw: str) -> str:
    method = METHOD_ALIASES.get(raw.strip(), raw.strip().lower())
    if method not in PENSION_METHODS:
        raise DomainError(tr("eldercare", "The check method is 现场 (at the hall), 上门 (at home) or 代办 (by proxy)."),
                          field="method")
    return method


def certify(store: Store, *, actor: Actor, method: str, resident_id: str | None = None,
            id_number: str | None = None, check_date: dt.date | None = None,
            note: str = "") -> dict[str, Any]:
    """Record this year's pension check as done. A second check in the same year is refused."""
    require(actor, "eldercare")
    today = store.clock.today()
    check_date = check_date or today
    method = parse_method(method)
    if check_date > today:
        raise DomainError(tr("eldercare", "A check cannot be recorded for a future date."), field="check_date")
    with store.write(actor) as s:
        rules = load_rules_in(s)
        r = require_elder(s, rules, today=today, resident_id=resident_id, id_number=id_number,
                          on=check_date)
        row = s.exec(select(PensionCheck).where(PensionCheck.resident_id == r.id,
                                                PensionCheck.year == check_date.year)).first()
        if row is not None and row.status == "done":
            raise DomainError(tr("eldercare", "{name} was already checked on {date} this year.").format(
                name=r.name, date=row.check_date), field="elder")
        row = row or PensionCheck(resident_id=r.id, year=check_date.year)
        row.check_date, row.method, row.status = check_date, method, "done"
        row.note = note.strip() or row.note
        s.add(row)
        s.flush()
        return {"resident_id": r.id, "name": r.name, "id_number": r.id_number, "year": row.year,
                "check_date": check_date.isoformat(), "method": method,
                "method_label": method_label(method), "status": row.status,
                "proxy_application_id": row.proxy_application_id}


def unchecked(store: Store, *, year: int | None = None) -> LazyRows[ElderRow]:
    """Elders on the roster who have no completed check in `year` (default: this year)."""
    today = store.clock.today()
    year = year or today.year
    with store.read() as s:
        rules = load_rules_in(s)
        return fetch_elders(s, roster_sql(today, rules.roster_age, where=_NOT_CHECKED), {"year": year})


_NOT_CHECKED = ("AND NOT EXISTS (SELECT 1 FROM pension_check c WHERE c.resident_id = r.id "
                "AND c.year = :year AND c.status = 'done') ")


def count_unchecked(store: Store, *, year: int | None = None) -> int:
    """How many elders on the roster have no completed check in `year` (for the home card)."""
    today = store.clock.today()
    with store.read() as s:
        rules = load_rules_in(s)
        cutoff = born_on_or_before(today, rules.roster_age)
        return int(raw_connection(s).execute(
            f"SELECT count(*) FROM resident r WHERE r.birth_date <= '{cutoff.isoformat()}' "
            f"AND r.status = 'active' {_NOT_CHECKED}", {"year": year or today.year}).fetchone()[0])


def start_pension_proxy(store: Store, *, actor: Actor, resident_id: str | None = None,
                        id_number: str | None = None, notes: str = "") -> dict[str, Any]:
    """Start this year's check as a proxy application (代办) for an elder who cannot come.

    Accepts a 养老金资格认证 application through the proxy service (it gets its receipt
    number there) and marks this year's check as started; `certify` completes it.
    """
    from villagedesk.services import proxy, proxy_catalogue

    require(actor, "eldercare")
    today = store.clock.today()
    with store.read() as s:
        rules = load_rules_in(s)
        r = require_elder(s, rules, today=today, resident_id=resident_id, id_number=id_number)
        row = s.exec(select(PensionCheck).where(PensionCheck.resident_id == r.id,
                                                PensionCheck.year == today.year)).first()
    if row is not None and row.status == "done":
        raise DomainError(tr("eldercare", "{name} was already checked on {date} this year.").format(
            name=r.name, date=row.check_date), field="elder")
    if row is not None and row.proxy_application_id:
        raise DomainError(tr("eldercare", "A proxy application for this year's check was already started."),
                          field="elder")
    items = [i for i in proxy_catalogue.list_catalogue(store, search=PENSION_SERVICE_NAME)
             if i.name == PENSION_SERVICE_NAME]
    if not items:
        raise DomainError(tr("eldercare", "The service catalogue has no item 养老金资格认证."))
    # The standard item first: the proxy service lets an elder-care worker accept that one.
    items.sort(key=lambda i: i.code != PENSION_SERVICE_CODE)
    accepted = proxy.accept_application(store, actor=actor, resident_id=r.id, service_code=items[0].code,
                                        notes=notes or tr("eldercare", "Started from the elder roster"),
                                        on_behalf_of_affair="eldercare")
    with store.write(actor) as s:
        row = s.exec(select(PensionCheck).where(PensionCheck.resident_id == r.id,
                                                PensionCheck.year == today.year)).first()
        row = row or PensionCheck(resident_id=r.id, year=today.year)
        row.method, row.status, row.proxy_application_id = "proxy", "started", accepted.id
        s.add(row)
    return {"resident_id": r.id, "name": r.name, "id_number": r.id_number, "year": today.year,
            "status": "started", "proxy_application_id": accepted.id,
            "receipt_number": accepted.receipt_number, "due_date": accepted.due_date.isoformat()}


# -- old-age allowance ---------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class AllowanceItem:
    elder: ElderRow
    threshold: int
    qualifies_on: dt.date
    monthly_fen: int

    def as_json(self) -> dict[str, Any]:
        return {**self.elder.as_json(), "threshold": self.threshold,
                "qualifies_on": self.qualifies_on.isoformat(),
                "monthly": str(fen_to_yuan(self.monthly_fen))}


def newly_qualifying(store: Store, *, month: str) -> list[AllowanceItem]:
    """Active residents who reach an allowance threshold (80/90/100 by default) in `month`."""
    first, last = month_bounds(month)
    with store.read() as s:
        rules = load_rules_in(s)
        items = []
        for threshold, fen in rules.allowance:
            # One day wider than the month: 29 Feb births reach the age on 1 Mar in common years.
            lo = years_before(first, threshold) - dt.timedelta(days=1)
            hi = years_before(last, threshold)
            rows = s.execute(text(
                f"SELECT {elder_columns(last)} {ELDER_FROM} WHERE r.birth_date BETWEEN :lo AND :hi "
                "AND r.status = 'active' ORDER BY r.birth_date, r.id"),
                {"lo": lo.isoformat(), "hi": hi.isoformat()}).all()
            for row in rows:
                elder = row_to_elder(row)
                day = birthday_at(elder.birth_date, threshold)
                if first <= day <= last:
                    items.append(AllowanceItem(elder, threshold, day, fen))
    items.sort(key=lambda i: (i.qualifies_on, i.elder.name))
    return items


def allowance_roster(store: Store, *, month: str) -> list[AllowanceItem]:
    """Everyone entitled to the allowance at the end of `month`, with their tier."""
    _first, last = month_bounds(month)
    with store.read() as s:
        rules = load_rules_in(s)
        if not rules.allowance:
            return []
        elders = fetch_elders(s, roster_sql(last, rules.allowance[0][0]))
    out = []
    for elder in elders:
        tier = rules.allowance_tier(elder.age)
        if tier:
            out.append(AllowanceItem(elder, tier[0], birthday_at(elder.birth_date, tier[0]), tier[1]))
    return out
