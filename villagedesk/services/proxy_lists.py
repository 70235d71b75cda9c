"""Lists of proxy applications: due soon, overdue, by status, service or date; home-card counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from villagedesk.db.models.proxy import OPEN_STATUSES, STATUSES, ProxyApplication
from villagedesk.db.models.residents import Resident
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.idcard import mask_id
from villagedesk.services.proxy import staff_names, status_label
from villagedesk.services.workdays import add_working_days

DUE_SOON_DAYS = 2  # working days


@dataclasses.dataclass(frozen=True)
class ApplicationRow:
    id: str
    receipt_number: str
    status: str
    status_label: str
    applicant_name: str
    applicant_id_masked: str
    service_code: str
    service_name: str
    department: str
    accepted_on: dt.date
    due_date: dt.date
    completed_on: dt.date | None
    clerk_name: str
    agent_name: str
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ProxyCounts:
    overdue: int
    due_soon: int
    by_status: dict[str, int]
    accepted_today: int


def list_applications(
    store: Store, *, status: str | None = None, service_code: str | None = None,
    date_from: dt.date | None = None, date_to: dt.date | None = None, overdue: bool = False,
    due_soon: bool = False, applicant_id: str | None = None, number: str | None = None,
    limit: int = 500, offset: int = 0,
) -> list[ApplicationRow]:
    """Applications matching all the given filters.

    Overdue and due-soon lists are ordered by due date (most urgent first); the others by
    acceptance, newest first. `date_from`/`date_to` bound the acceptance date.
    """
    if status and status not in STATUSES:
        raise DomainError(tr("proxy", "Unknown status {status}; use one of: {statuses}").format(
            status=status, statuses=", ".join(STATUSES)), field="status")
    today = store.clock.today()
    query = select(ProxyApplication, Resident.name, Resident.id_number).join(
        Resident, col(Resident.id) == col(ProxyApplication.applicant_id))
    if status:
        query = query.where(ProxyApplication.status == status)
    if overdue or due_soon:
        statuses = [status] if status in OPEN_STATUSES else list(OPEN_STATUSES)
        query = query.where(col(ProxyApplication.status).in_(statuses))
    if overdue:
        query = query.where(ProxyApplication.due_date < today)
    if due_soon:
        horizon = add_working_days(today, DUE_SOON_DAYS)
        query = query.where(ProxyApplication.due_date >= today, ProxyApplication.due_date <= horizon)
    if service_code:
        query = query.where(ProxyApplication.service_code == service_code.strip().upper())
    if date_from:
        query = query.where(ProxyApplication.accepted_on >= date_from)
    if date_to:
        query = query.where(ProxyApplication.accepted_on <= date_to)
    if applicant_id:
        query = query.where(ProxyApplication.applicant_id == applicant_id)
    if number:
        query = query.where(col(ProxyApplication.receipt_number).contains(number.strip().upper()))
    if overdue or due_soon:
        query = query.order_by(col(ProxyApplication.due_date), col(ProxyApplication.receipt_number))
    else:
        query = query.order_by(col(ProxyApplication.accepted_at).desc(),
                               col(ProxyApplication.receipt_number).desc())
    query = query.offset(offset).limit(limit)
    with store.read() as s:
        rows = s.exec(query).all()
        names = staff_names(s)
    return [
        ApplicationRow(
            id=a.id, receipt_number=a.receipt_number, status=a.status,
            status_label=status_label(a.status), applicant_name=name,
            applicant_id_masked=mask_id(id_number), service_code=a.service_code,
            service_name=a.service_name, department=a.department, accepted_on=a.accepted_on,
            due_date=a.due_date, completed_on=a.completed_on,
            clerk_name=names.get(a.accepted_by, ""), agent_name=a.agent_name,
            overdue=a.status in OPEN_STATUSES and a.due_date < today,
        )
        for a, name, id_number in rows
    ]


def count_overdue(store: Store) -> int:
    """Open applications past their promised date (the home card's number)."""
    today = store.clock.today()
    with store.read() as s:
        return int(s.exec(select(func.count()).select_from(ProxyApplication).where(
            col(ProxyApplication.status).in_(OPEN_STATUSES), ProxyApplication.due_date < today)).one())


def counts(store: Store) -> ProxyCounts:
    today = store.clock.today()
    horizon = add_working_days(today, DUE_SOON_DAYS)
    with store.read() as s:
        by_status = dict(s.exec(select(ProxyApplication.status, func.count())
                                .group_by(ProxyApplication.status)).all())
        open_ = col(ProxyApplication.status).in_(OPEN_STATUSES)
        overdue = s.exec(select(func.count()).select_from(ProxyApplication).where(
            open_, ProxyApplication.due_date < today)).one()
        soon = s.exec(select(func.count()).select_from(ProxyApplication).where(
            open_, ProxyApplication.due_date >= today, ProxyApplication.due_date <= horizon)).one()
        accepted_today = s.exec(select(func.count()).select_from(ProxyApplication).where(
            ProxyApplication.accepted_on == today)).one()
    return ProxyCounts(int(overdue), int(soon), {k: int(by_status.get(k, 0)) for k in STATUSES},
                       int(accepted_today))
