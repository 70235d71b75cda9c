"""Residents and households: register, edit, change status (never delete), look up."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlalchemy import event, func, text
from sqlmodel import Session, select

from villagedesk.db.models.residents import RESIDENT_STATUSES, Household, Resident
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.idcard import age_on, check_id_number, mask_id
from villagedesk.services.phone import check_phone
from villagedesk.services.pinyin_keys import name_keys

FLAG_FIELDS = ("is_party_member", "is_dibao", "is_tekun", "is_disabled", "lives_alone")
EDITABLE_FIELDS = {"name", "phone", "ethnicity", "relation", "note", *FLAG_FIELDS}
STATUS_LABELS = {"active": "在册", "moved_out": "迁出", "deceased": "死亡"}
SEX_LABELS = {"M": "男", "F": "女"}


def derived_columns(name: str, id_number: str, phone: str) -> dict[str, str]:
    """The local search columns of a resident: pinyin keys and the name's inner suffixes
    (so that any part of a name is an index range scan), reversed ID and phone."""
    initials, full = name_keys(name)
    suffixes = [name[i:] for i in range(1, len(name))]
    keys = list(dict.fromkeys((*initials, *full, *suffixes)))
    return {"search_keys": json.dumps(keys), "id_rev": id_number[::-1],
            "phone_rev": "".join(ch for ch in phone if ch.isdigit())[::-1]}


@event.listens_for(Resident, "before_insert")
@event.listens_for(Resident, "before_update")
def _derive(_mapper: Any, _conn: Any, target: Resident) -> None:
    for key, value in derived_columns(target.name, target.id_number, target.phone or "").items():
        if getattr(target, key) != value:
            setattr(target, key, value)


SEARCHED_FIELDS = ("name", "id_number", "phone")


def after_correction(s: Session, resident_id: str, applied: dict[str, Any]) -> None:
    """Correction hook: a county correction (or a conflict resolved with the county's value) writes
    resident fields with plain SQL, past the ORM event above. Rebuild the search columns, so a
    corrected name is found by its new pinyin and a corrected ID number or phone by its tail.
    A corrected ID number also brings its birth date and sex, unless the correction set them."""
    if not set(applied) & {*SEARCHED_FIELDS, "birth_date", "sex"}:
        return
    row = s.execute(text("SELECT name, id_number, phone, birth_date, sex, updated_at FROM resident "
                         "WHERE id = :id"), {"id": resident_id}).mappings().first()
    if row is None:
        return
    derived = derived_columns(row["name"], row["id_number"], row["phone"] or "")
    # Local-only columns: the capture triggers leave them out, so this writes no outbox operation.
    s.connection().execute(
        text("UPDATE resident SET search_keys = :search_keys, id_rev = :id_rev, "
             "phone_rev = :phone_rev WHERE id = :id"), {**derived, "id": resident_id})
    if "id_number" not in applied:
        return
    check = check_id_number(row["id_number"], today=dt.date.max)
    if not check.ok or check.birth_date is None:
        return
    from_id: dict[str, Any] = {}
    if "birth_date" not in applied and str(row["birth_date"]) != check.birth_date.isoformat():
        from_id["birth_date"] = check.birth_date.isoformat()
    if "sex" not in applied and check.sex and row["sex"] != check.sex:
        from_id["sex"] = check.sex
    if from_id:
        # Written like a hall edit (new version, captured), so the county learns it too.
        sets = ", ".join(f"{col} = :{col}" for col in from_id)
        s.connection().execute(
            text(f"UPDATE resident SET {sets}, version = version + 1 WHERE id = :id"),
            {**from_id, "id": resident_id})


def _register_correction_hook() -> None:
    try:
        from villagedesk.sync.appliers import register_correction_hook
    except ImportError:  # pragma: no cover - sync is optional for the local store
        return
    register_correction_hook("resident", after_correction)


_register_correction_hook()


@dataclasses.dataclass(frozen=True)
class ResidentDetail:
    id: str
    name: str
    sex: str
    ethnicity: str
    id_number: str
    id_masked: str
    birth_date: dt.date
    age: int
    phone: str
    relation: str
    status: str
    status_label: str
    household_id: str
    household_no: str
    village_group: str
    hamlet: str
    address: str
    is_head: bool
    flags: dict[str, bool]
    note: str
    version: int


@dataclasses.dataclass(frozen=True)
class HouseholdDetail:
    id: str
    household_no: str
    head_id: str | None
    head_name: str
    village_group: str
    hamlet: str
    grid: str
    address: str
    members: list[ResidentDetail]


def _detail(r: Resident, h: Household, today: dt.date) -> ResidentDetail:
    return ResidentDetail(
        id=r.id, name=r.name, sex=r.sex, ethnicity=r.ethnicity, id_number=r.id_number,
        id_masked=mask_id(r.id_number, head=6, tail=4), birth_date=r.birth_date,
        age=age_on(r.birth_date, today), phone=r.phone, relation=r.relation, status=r.status,
        status_label=STATUS_LABELS.get(r.status, r.status), household_id=h.id,
        household_no=h.household_no, village_group=h.village_group, hamlet=h.hamlet,
        address=h.address, is_head=h.head_id == r.id,
        flags={f: bool(getattr(r, f)) for f in FLAG_FIELDS}, note=r.note, version=r.version,
    )


# -- validation ---------------------------------------------------------------------------------

def validate_id_number(s: Session, raw: str, *, today: dt.date, exclude_id: str | None = None) -> str:
    """The normalised ID number, or a DomainError beside the ID field."""
    check = check_id_number(raw, today=today)
    if not check.ok:
        raise DomainError(check.message or "", field="id_number", kind=check.error)
    assert check.normalized is not None
    existing = s.exec(select(Resident).where(Resident.id_number == check.normalized)).first()
    if existing is not None and existing.id != exclude_id:
        raise DomainError(
            tr("residents", "This ID number is already registered for {name} (household {no}).").format(
                name=existing.name, no=_household_no(s, existing.household_id)),
            field="id_number", kind="duplicate",
        )
    return check.normalized


def validate_name(raw: str) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise DomainError(tr("residents", "Enter the name."), field="name", kind="missing")
    if len(name) > 40:
        raise DomainError(tr("residents", "The name is too long."), field="name", kind="format")
    return name


def validate_phone(raw: str) -> str:
    check = check_phone(raw)
    if not check.ok:
        raise DomainError(check.message or "", field="phone", kind="format")
    return check.normalized or ""


def check_fields(store: Store, *, name: str | None = None, id_number: str | None = None,
                 phone: str | None = None, exclude_id: str | None = None) -> dict[str, str]:
    """Messages per field for inline validation in a form; empty when all is well."""
    problems: dict[str, str] = {}
    with store.read() as s:
        for field_name, fn in (
            ("name", lambda: validate_name(name or "") if name is not None else None),
            ("id_number", lambda: validate_id_number(s, id_number or "", today=store.clock.today(),
                                                     exclude_id=exclude_id)
             if id_number is not None else None),
            ("phone", lambda: validate_phone(phone or "") if phone is not None else None),
        ):
            try:
                fn()
            except DomainError as exc:
                problems[field_name] = exc.message
    return problems


def _household_no(s: Session, household_id: str) -> str:
    h = s.get(Household, household_id)
    return h.household_no if h else ""


# -- households ---------------------------------------------------------------------------------

def next_household_no(s: Session) -> str:
    """A fresh 户号 for a hall-made household: H + running number, unique on this PC."""
    last = s.exec(select(func.max(Household.household_no)).where(
        Household.household_no.like("H%"))).one()  # type: ignore[attr-defined]
    number = int(last[1:]) + 1 if last and last[1:].isdigit() else 1
    return f"H{number:06d}"


def add_household(store: Store, *, actor: Actor, household_no: str = "", village_group: str = "",
                  hamlet: str = "", grid: str = "", address: str = "") -> HouseholdDetail:
    require(actor, "residents")
    with store.write(actor) as s:
        h = _new_household(s, household_no, village_group, hamlet, grid, address)
        s.flush()
        hid = h.id
    return get_household(store, household_id=hid)


def _new_household(s: Session, household_no: str, village_group: str, hamlet: str, grid: str,
                   address: str) -> Household:
    household_no = household_no.strip() or next_household_no(s)
    if s.exec(select(Household).where(Household.household_no == household_no)).first():
        raise DomainError(tr("residents", "Household number {no} already exists.").format(
            no=household_no), field="household_no", kind="duplicate")
    h = Household(household_no=household_no, village_group=village_group.strip(),
                  hamlet=hamlet.strip(), grid=grid.strip(), address=address.strip())
    s.add(h)
    return h


def update_household(store: Store, *, actor: Actor, household_id: str, **changes: str) -> HouseholdDetail:
    require(actor, "residents")
    allowed = {"village_group", "hamlet", "grid", "address", "head_id"}
    with store.write(actor) as s:
        h = s.get(Household, household_id)
        if h is None:
            raise NotFoundError(tr("residents", "No such household."))
        for key, value in changes.items():
            if key not in allowed:
                raise ValueError(f"not editable: {key}")
            if key == "head_id" and value is not None:
                member = s.get(Resident, value)
                if member is None or member.household_id != household_id:
                    raise DomainError(tr("residents", "The head must be a member of the household."),
                                      field="head_id")
            setattr(h, key, value.strip() if isinstance(value, str) and key != "head_id" else value)
        s.add(h)
    return get_household(store, household_id=household_id)


def get_household(store: Store, *, household_id: str | None = None,
                  household_no: str | None = None) -> HouseholdDetail:
    today = store.clock.today()
    with store.read() as s:
        query = select(Household)
        query = (query.where(Household.id == household_id) if household_id
                 else query.where(Household.household_no == household_no))
        h = s.exec(query).first()
        if h is None:
            raise NotFoundError(tr("residents", "No such household."))
        members = s.exec(select(Resident).where(Resident.household_id == h.id)).all()
    details = sorted((_detail(m, h, today) for m in members),
                     key=lambda d: (not d.is_head, d.status != "active", d.birth_date))
    head = next((d.name for d in details if d.is_head), "")
    return HouseholdDetail(h.id, h.household_no, h.head_id, head, h.village_group, h.hamlet,
                           h.grid, h.address, details)


def list_households(store: Store, *, village_group: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    with store.read() as s:
        sql = ("SELECT h.id, h.household_no, h.village_group, h.hamlet, h.address, "
               "(SELECT name FROM resident WHERE id = h.head_id) AS head_name, "
               "(SELECT count(*) FROM resident r WHERE r.household_id = h.id AND r.status = 'active') AS members "
               "FROM household h WHERE (:g IS NULL OR h.village_group = :g) "
               "ORDER BY h.household_no LIMIT :lim")
        rows = s.execute(text(sql), {"g": village_group, "lim": limit}).mappings().all()
    return [dict(r) for r in rows]


# -- residents ----------------------------------------------------------------------------------

def add_resident(
    store: Store, *, actor: Actor, name: str, id_number: str, phone: str = "",
    household_id: str | None = None, relation: str = "", ethnicity: str = "汉族",
    village_group: str = "", hamlet: str = "", address: str = "", note: str = "",
    flags: dict[str, bool] | None = None,
) -> ResidentDetail:
    """Register a resident. Without a household, a one-person household is made, headed by them."""
    require(actor, "residents")
    today = store.clock.today()
    with store.write(actor) as s:
        clean_name = validate_name(name)
        normalized = validate_id_number(s, id_number, today=today)
        clean_phone = validate_phone(phone)
        check = check_id_number(normalized, today=today)
        if household_id:
            household = s.get(Household, household_id)
            if household is None:
                raise NotFoundError(tr("residents", "No such household."), field="household_id")
        else:
            household = _new_household(s, "", village_group, hamlet, "", address)
            relation = relation or "户主"
        s.flush()
        resident = Resident(
            household_id=household.id, name=clean_name, sex=check.sex or "", id_number=normalized,
            birth_date=check.birth_date, phone=clean_phone, relation=relation.strip(),
            ethnicity=ethnicity.strip() or "汉族", note=note,
            **{f: bool((flags or {}).get(f, False)) for f in FLAG_FIELDS},
        )
        s.add(resident)
        s.flush()
        if relation.strip() == "户主" and not household.head_id:
            household.head_id = resident.id
            s.add(household)
        rid = resident.id
    return get_resident(store, resident_id=rid)


def get_resident(store: Store, *, resident_id: str | None = None,
                 id_number: str | None = None) -> ResidentDetail:
    with store.read() as s:
        if resident_id:
            r = s.get(Resident, resident_id)
        else:
            check = check_id_number(id_number or "", today=store.clock.today())
            key = check.normalized or (id_number or "").strip().upper()
            r = s.exec(select(Resident).where(Resident.id_number == key)).first()
        if r is None:
            raise NotFoundError(tr("residents", "No resident with this ID number is registered."))
        h = s.get(Household, r.household_id)
        assert h is not None
        return _detail(r, h, store.clock.today())


def update_resident(store: Store, *, actor: Actor, resident_id: str, **changes: Any) -> ResidentDetail:
    """Edit a resident's details; each bad value raises a DomainError naming its field."""
    require(actor, "residents")
    with store.write(actor) as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise NotFoundError(tr("residents", "No such resident."))
        for key, value in changes.items():
            if key == "name":
                value = validate_name(value)
            elif key == "phone":
                value = validate_phone(value)
            elif key == "id_number":
                value = validate_id_number(s, value, today=store.clock.today(), exclude_id=r.id)
                check = check_id_number(value, today=store.clock.today())
                r.birth_date, r.sex = check.birth_date, check.sex  # type: ignore[assignment]
            elif key == "household_id":
                if s.get(Household, value) is None:
                    raise NotFoundError(tr("residents", "No such household."), field="household_id")
            elif key in FLAG_FIELDS:
                value = bool(value)
            elif key not in EDITABLE_FIELDS:
                raise ValueError(f"not editable: {key}")
            setattr(r, key, value)
        s.add(r)
    return get_resident(store, resident_id=resident_id)


def set_status(store: Store, *, actor: Actor, resident_id: str, status: str, note: str = "") -> ResidentDetail:
    """Mark a resident 迁出 (moved_out) or 死亡 (deceased), or back to 在册. Never a deletion."""
    require(actor, "residents")
    if status not in RESIDENT_STATUSES:
        raise DomainError(tr("residents", "Unknown status."), field="status")
    with store.write(actor) as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise NotFoundError(tr("residents", "No such resident."))
        if r.status == "deceased" and status != "deceased":
            raise DomainError(tr("residents", "A resident recorded as deceased cannot be changed back. "
                                 "If this was a mistake, ask the administrator to correct it."))
        r.status, r.status_note = status, note
        r.status_changed_at = store.clock.now()
        s.add(r)
    return get_resident(store, resident_id=resident_id)


def count_residents(store: Store, *, status: str | None = "active") -> int:
    with store.read() as s:
        query = select(func.count()).select_from(Resident)
        if status:
            query = query.where(Resident.status == status)
        return int(s.exec(query).one())
