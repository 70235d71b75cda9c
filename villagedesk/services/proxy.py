"""Proxy applications (代办): accept at the counter, then forward, return, complete, collect.

Workflow (every step records the time and the staff member, and adds a history event)::

    受理 accepted ──forward──▶ 已报送 forwarded ──complete──▶ 已办结 completed ──collect──▶ 已领取 collected
                                  │  ▲
                           return │  │ forward (the missing material arrived)
                                  ▼  │
                            退回补正 returned

Any other step is refused with a message saying why. Receipt numbers are
``<hall code>-<device code>-<year>-<6-digit sequence>``, unique without a network
because the sequence is per device (the `counter` table) and the device code is in it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from villagedesk.db.models.core import Hall, Staff
from villagedesk.db.models.proxy import SATISFACTION, ProxyApplication, ProxyEvent
from villagedesk.db.models.residents import Resident
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.idcard import check_id_number, mask_id
from villagedesk.services.proxy_catalogue import find_item
from villagedesk.services.workdays import add_working_days

COUNTER_NAME = "proxy_receipt"
# Service items another affair may accept without the proxy role, by catalogue code: an
# elder-care worker starts the yearly pension check (养老金资格认证) for a bedridden elder.
AFFAIR_SERVICE_CODES = {"eldercare": frozenset({"RS002"})}


def status_label(status: str) -> str:
    return {
        "accepted": tr("proxy", "Accepted"),
        "forwarded": tr("proxy", "Forwarded"),
        "returned": tr("proxy", "Returned for correction"),
        "completed": tr("proxy", "Completed"),
        "collected": tr("proxy", "Collected"),
    }.get(status, status)


def satisfaction_label(value: str) -> str:
    return {
        "satisfied": tr("proxy", "Satisfied"),
        "fair": tr("proxy", "Fairly satisfied"),
        "unsatisfied": tr("proxy", "Not satisfied"),
        "": tr("proxy", "Not rated"),
    }.get(value, value)


_SATISFACTION_WORDS = {
    "satisfied": "satisfied", "满意": "satisfied", "1": "satisfied",
    "fair": "fair", "基本满意": "fair", "2": "fair",
    "unsatisfied": "unsatisfied", "不满意": "unsatisfied", "3": "unsatisfied",
    "": "",
}


@dataclasses.dataclass(frozen=True)
class Material:
    name: str
    received: bool


@dataclasses.dataclass(frozen=True)
class AcceptResult:
    id: str
    receipt_number: str
    due_date: dt.date


@dataclasses.dataclass(frozen=True)
class TransitionResult:
    receipt_number: str
    status: str
    status_label: str
    at: dt.datetime


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    kind: str
    label: str
    at: dt.datetime
    staff_name: str
    detail: dict[str, Any]


@dataclasses.dataclass(frozen=True)
class ApplicationDetail:
    id: str
    receipt_number: str
    status: str
    status_label: str
    applicant_id: str
    applicant_name: str
    applicant_id_number: str
    applicant_id_masked: str
    applicant_phone: str
    agent_name: str
    agent_id_number: str
    agent_relation: str
    service_code: str
    service_name: str
    department: str
    promised_days: int
    fee_fen: int
    materials: list[Material]
    notes: str
    accepted_on: dt.date
    accepted_at: dt.datetime
    accepted_by_name: str
    due_date: dt.date
    forwarded_to: str
    return_reason: str
    completed_on: dt.date | None
    result: str
    collector_name: str
    satisfaction: str
    overdue: bool
    timeline: list[TimelineEntry]
    version: int

    @property
    def missing_materials(self) -> list[str]:
        return [m.name for m in self.materials if not m.received]

    @property
    def received_materials(self) -> list[str]:
        return [m.name for m in self.materials if m.received]

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["missing_materials"] = self.missing_materials
        return data


# ------------------------------------------------------------------ helpers

def receipt_number(hall_code: str, device_code: str, year: int, seq: int) -> str:
    return f"{hall_code}-{device_code}-{year}-{seq:06d}"


def next_receipt_number(s: Session, hall_code: str, device_code: str, year: int) -> str:
    """Take the next number of this device and year, inside the caller's transaction.

    A number already on record (say the counter came back older than the applications after
    a repair) is skipped rather than issued twice.
    """
    conn = s.connection()
    while True:
        value = conn.execute(
            text("INSERT INTO counter (name, year, value) VALUES (:n, :y, 1) "
                 "ON CONFLICT (name, year) DO UPDATE SET value = value + 1 RETURNING value"),
            {"n": COUNTER_NAME, "y": year},
        ).scalar_one()
        number = receipt_number(hall_code, device_code, year, int(value))
        taken = conn.execute(text("SELECT 1 FROM proxy_application WHERE receipt_number = :r"),
                             {"r": number}).first()
        if taken is None:
            return number


def _norm(text_value: str) -> str:
    return unicodedata.normalize("NFKC", text_value).strip()


def pick_materials(required: Sequence[str], missing: Iterable[str]) -> list[Material]:
    """The checklist: every required material is received except those named in `missing`.

    A missing entry may be the material's name, a unique part of it, or its number (1-based).
    """
    missing_set: set[int] = set()
    for raw in missing:
        word = _norm(raw)
        if not word:
            continue
        if word.isdigit() and 1 <= int(word) <= len(required):
            missing_set.add(int(word) - 1)
            continue
        exact = [i for i, name in enumerate(required) if name == word]
        partial = [i for i, name in enumerate(required) if word in name]
        found = exact or partial
        if len(found) != 1:
            raise DomainError(
                tr("proxy", "\"{word}\" is not one of this service's materials: {materials}").format(
                    word=word, materials="、".join(required)) if not found else
                tr("proxy", "\"{word}\" matches more than one material; type more of its name.").format(
                    word=word),
                field="materials")
        missing_set.add(found[0])
    return [Material(name, i not in missing_set) for i, name in enumerate(required)]


def _materials_json(materials: Sequence[Material]) -> str:
    return json.dumps([{"name": m.name, "received": m.received} for m in materials], ensure_ascii=False)


def _load_materials(raw: str) -> list[Material]:
    return [Material(str(m["name"]), bool(m["received"])) for m in json.loads(raw or "[]")]


def _get_by_number(s: Session, number: str) -> ProxyApplication:
    key = _norm(number).upper()
    app = s.exec(select(ProxyApplication).where(ProxyApplication.receipt_number == key)).first()
    if app is None:
        raise NotFoundError(tr("proxy", "No application with receipt number {number}.").format(number=number),
                            field="number")
    return app


def _event(s: Session, app: ProxyApplication, kind: str, actor: Actor, now: dt.datetime,
           **detail: Any) -> None:
    s.add(ProxyEvent(application_id=app.id, kind=kind, at=now, staff_id=actor.staff_id,
                     detail=json.dumps(detail, ensure_ascii=False, default=str)))


def _check_agent(agent_name: str, agent_id_number: str, today: dt.date) -> str:
    if agent_id_number and not agent_name:
        raise DomainError(tr("proxy", "Enter the agent's name as well as their ID number."),
                          field="agent_name")
    if not agent_id_number:
        return ""
    check = check_id_number(agent_id_number, today=today)
    if not check.ok:
        raise DomainError(check.message or tr("proxy", "The agent's ID number is not valid."),
                          field="agent_id_number")
    return check.normalized or agent_id_number


# ------------------------------------------------------------------ accept

def accept_application(
    store: Store, *, actor: Actor, resident_id: str, service_code: str,
    missing: Iterable[str] = (), materials: Sequence[Material] | None = None,
    agent_name: str = "", agent_id_number: str = "", agent_relation: str = "", notes: str = "",
    on_behalf_of_affair: str | None = None,
) -> AcceptResult:
    """Accept an application at the counter and give it its receipt number and due date.

    `materials` replaces the service's checklist when given; otherwise every required
    material counts as received except those named in `missing`. `on_behalf_of_affair`
    lets that affair's role accept the items AFFAIR_SERVICE_CODES allows it, and no others.
    """
    if on_behalf_of_affair is not None and service_code in AFFAIR_SERVICE_CODES.get(on_behalf_of_affair, ()):
        require(actor, on_behalf_of_affair)
    else:
        require(actor, "proxy")
    ident = store.identity
    now = store.clock.now()
    today = store.clock.today()
    agent_name, agent_relation = _norm(agent_name), _norm(agent_relation)
    agent_id = _check_agent(agent_name, _norm(agent_id_number), today)
    with store.write(actor) as s:
        resident = s.get(Resident, resident_id)
        if resident is None:
            raise NotFoundError(tr("proxy", "No such resident. Search the resident again or add them."),
                                field="resident")
        if resident.status == "deceased" and not agent_name:
            raise DomainError(tr("proxy", "This resident is recorded as deceased. Enter the agent "
                                 "who applies on their behalf."), field="agent_name")
        item = find_item(s, service_code)
        if not item.active:
            raise DomainError(tr("proxy", "The service item {name} is no longer offered.").format(
                name=item.name), field="service")
        checklist = list(materials) if materials is not None else pick_materials(
            json.loads(item.materials or "[]"), missing)
        number = next_receipt_number(s, ident.code, ident.device_code, today.year)
        app = ProxyApplication(
            receipt_number=number, status="accepted", applicant_id=resident.id,
            agent_name=agent_name, agent_id_number=agent_id, agent_relation=agent_relation,
            service_item_id=item.id, service_code=item.code, service_name=item.name,
            department=item.department, promised_days=item.promised_days, fee_fen=item.fee_fen,
            materials=_materials_json(checklist), notes=notes.strip(), accepted_on=today,
            accepted_at=now, accepted_by=actor.staff_id,
            due_date=add_working_days(today, item.promised_days),
        )
        s.add(app)
        s.flush()
        _event(s, app, "accepted", actor, now,
               missing=[m.name for m in checklist if not m.received])
        return AcceptResult(app.id, number, app.due_date)


# ------------------------------------------------------------------ transitions

_ALLOWED = {
    "forward": ("accepted", "returned"),
    "return": ("forwarded",),
    "complete": ("forwarded",),
    "collect": ("completed",),
}


def _refusal(action: str, app: ProxyApplication) -> str:
    """Why `action` cannot happen to `app` now, in words a clerk can act on."""
    n, st = app.receipt_number, app.status
    if st == "collected":
        return tr("proxy", "Application {number} is closed: the result was collected on {date}.").format(
            number=n, date=_local_date(app.collected_at))
    messages = {
        ("forward", "forwarded"): tr(
            "proxy", "Application {number} was already forwarded to {office}. Wait for the result, "
            "or record that it was returned or completed.").format(number=n, office=app.forwarded_to),
        ("forward", "completed"): tr(
            "proxy", "Application {number} is already completed; it cannot be forwarded again. "
            "Hand the result to the applicant.").format(number=n),
        ("return", "accepted"): tr(
            "proxy", "Application {number} has not been forwarded yet, so the office cannot have "
            "returned it. Forward it first.").format(number=n),
        ("return", "returned"): tr(
            "proxy", "Application {number} is already returned and waits for the missing material.").format(
            number=n),
        ("return", "completed"): tr(
            "proxy", "Application {number} is already completed; a completed application cannot "
            "be returned.").format(number=n),
        ("complete", "accepted"): tr(
            "proxy", "Application {number} has not been forwarded to the office yet. Forward it "
            "first.").format(number=n),
        ("complete", "returned"): tr(
            "proxy", "Application {number} was returned for missing material. Forward it again once "
            "the material has arrived.").format(number=n),
        ("complete", "completed"): tr(
            "proxy", "Application {number} is already completed. Tell the applicant to collect the result.").format(number=n),
        ("collect", "accepted"): tr(
            "proxy", "Application {number} is not completed yet (it has not even been forwarded); "
            "there is no result to collect.").format(number=n),
        ("collect", "forwarded"): tr(
            "proxy", "Application {number} is still with the office; there is no result to "
            "collect yet.").format(number=n),
        ("collect", "returned"): tr(
            "proxy", "Application {number} was returned for missing material; there is no result to "
            "collect.").format(number=n),
    }
    return messages.get((action, st), tr(
        "proxy", "Application {number} is {status}; this step is not possible now.").format(
        number=n, status=status_label(st)))


def _local_date(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    from villagedesk.clock import CST

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(CST).date().isoformat()


def _transition(store: Store, actor: Actor, number: str, action: str, apply: Any) -> TransitionResult:
    require(actor, "proxy")
    now = store.clock.now()
    with store.write(actor) as s:
        app = _get_by_number(s, number)
        if app.status not in _ALLOWED[action]:
            raise DomainError(_refusal(action, app), field="status", kind="refused")
        apply(s, app, now)
        s.add(app)
        return TransitionResult(app.receipt_number, app.status, status_label(app.status), now)


def default_office(store: Store) -> str:
    with store.read() as s:
        hall = s.exec(select(Hall)).first()
    township = hall.township if hall is not None else ""
    return tr("proxy", "{township} convenience service centre").format(township=township).strip() \
        if township else tr("proxy", "Township convenience service centre")


def forward_application(store: Store, *, actor: Actor, number: str, office: str = "",
                        arrived: Iterable[str] = (), note: str = "") -> TransitionResult:
    """Carry the application to the office (已报送); after a return, the missing material
    named in `arrived` (or all of it when none is named) is marked received."""
    office = _norm(office) or default_office(store)
    arrived = list(arrived)

    def apply(s: Session, app: ProxyApplication, now: dt.datetime) -> None:
        resubmit = app.status == "returned"
        if resubmit:
            materials = _load_materials(app.materials)
            names = [m.name for m in materials]
            marked = {m.name for m in pick_materials(names, arrived) if not m.received} if arrived \
                else set(names)
            app.materials = _materials_json([Material(m.name, m.received or m.name in marked)
                                             for m in materials])
        app.status, app.forwarded_at, app.forwarded_by, app.forwarded_to = \
            "forwarded", now, actor.staff_id, office
        _event(s, app, "resubmitted" if resubmit else "forwarded", actor, now, office=office, note=note)

    return _transition(store, actor, number, "forward", apply)


def return_application(store: Store, *, actor: Actor, number: str, reason: str = "",
                       missing: Iterable[str] = ()) -> TransitionResult:
    """The office sent it back for correction (退回补正); `missing` marks what it asked for."""
    reason = _norm(reason) or tr("proxy", "Materials incomplete; please supply the missing material.")
    missing = list(missing)

    def apply(s: Session, app: ProxyApplication, now: dt.datetime) -> None:
        if missing:
            materials = _load_materials(app.materials)
            lacking = {m.name for m in pick_materials([m.name for m in materials], missing)
                       if not m.received}
            app.materials = _materials_json([Material(m.name, m.received and m.name not in lacking)
                                             for m in materials])
        app.status, app.returned_at, app.returned_by, app.return_reason = \
            "returned", now, actor.staff_id, reason
        _event(s, app, "returned", actor, now, reason=reason, missing=missing)

    return _transition(store, actor, number, "return", apply)


def complete_application(store: Store, *, actor: Actor, number: str, result: str = "") -> TransitionResult:
    """The office finished it (已办结); the applicant can be told to collect the result."""
    result = _norm(result) or tr("proxy", "Done")
    today = store.clock.today()

    def apply(s: Session, app: ProxyApplication, now: dt.datetime) -> None:
        app.status, app.completed_at, app.completed_on, app.completed_by, app.result = \
            "completed", now, today, actor.staff_id, result
        _event(s, app, "completed", actor, now, result=result, on_time=today <= app.due_date)

    return _transition(store, actor, number, "complete", apply)


def collect_application(store: Store, *, actor: Actor, number: str, collector_name: str = "",
                        satisfaction: str = "") -> TransitionResult:
    """The result was handed over (已领取), to whom, and how satisfied they were."""
    rating = _SATISFACTION_WORDS.get(_norm(satisfaction).lower())
    if rating is None or (rating and rating not in SATISFACTION):
        raise DomainError(tr("proxy", "The rating must be 满意, 基本满意 or 不满意."), field="satisfaction")

    def apply(s: Session, app: ProxyApplication, now: dt.datetime) -> None:
        name = _norm(collector_name)
        if not name:
            resident = s.get(Resident, app.applicant_id)
            name = resident.name if resident is not None else ""
        app.status, app.collected_at, app.collected_by = "collected", now, actor.staff_id
        app.collector_name, app.satisfaction = name, rating
        _event(s, app, "collected", actor, now, collector=name, satisfaction=rating)

    return _transition(store, actor, number, "collect", apply)


# ------------------------------------------------------------------ reading

def event_label(kind: str) -> str:
    return {
        "accepted": tr("proxy", "Accepted"),
        "forwarded": tr("proxy", "Forwarded"),
        "resubmitted": tr("proxy", "Forwarded again with the missing material"),
        "returned": tr("proxy", "Returned for correction"),
        "completed": tr("proxy", "Completed"),
        "collected": tr("proxy", "Collected"),
        "printed": tr("proxy", "Printed"),
    }.get(kind, kind)


def staff_names(s: Session) -> dict[str, str]:
    return {sid: name for sid, name in s.exec(select(Staff.id, Staff.name)).all()}


def get_application(store: Store, *, number: str) -> ApplicationDetail:
    today = store.clock.today()
    with store.read() as s:
        app = _get_by_number(s, number)
        resident = s.get(Resident, app.applicant_id)
        assert resident is not None
        names = staff_names(s)
        events = s.exec(select(ProxyEvent).where(ProxyEvent.application_id == app.id)
                        .order_by(col(ProxyEvent.at), col(ProxyEvent.created_at))).all()
    timeline = [TimelineEntry(e.kind, event_label(e.kind), e.at, names.get(e.staff_id or "", ""),
                              json.loads(e.detail or "{}")) for e in events]
    return ApplicationDetail(
        id=app.id, receipt_number=app.receipt_number, status=app.status,
        status_label=status_label(app.status), applicant_id=resident.id,
        applicant_name=resident.name, applicant_id_number=resident.id_number,
        applicant_id_masked=mask_id(resident.id_number), applicant_phone=resident.phone,
        agent_name=app.agent_name, agent_id_number=app.agent_id_number,
        agent_relation=app.agent_relation, service_code=app.service_code,
        service_name=app.service_name, department=app.department,
        promised_days=app.promised_days, fee_fen=app.fee_fen,
        materials=_load_materials(app.materials), notes=app.notes, accepted_on=app.accepted_on,
        accepted_at=app.accepted_at, accepted_by_name=names.get(app.accepted_by, ""),
        due_date=app.due_date, forwarded_to=app.forwarded_to, return_reason=app.return_reason,
        completed_on=app.completed_on, result=app.result, collector_name=app.collector_name,
        satisfaction=app.satisfaction,
        overdue=app.status in ("accepted", "forwarded", "returned") and app.due_date < today,
        timeline=timeline, version=app.version,
    )


def record_event(store: Store, *, actor: Actor, number: str, kind: str, **detail: Any) -> None:
    """Add a history event that changes no state (e.g. a document was printed)."""
    now = store.clock.now()
    with store.write(actor) as s:
        app = _get_by_number(s, number)
        _event(s, app, kind, actor, now, **detail)
