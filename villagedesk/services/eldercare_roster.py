"""The elder roster (老人名册), derived from the residents: everyone active aged 60 or over.

Nobody is typed onto the roster. A resident appears on the day they turn 60 and leaves it
when marked 迁出 or 死亡; their visits, meals and checks stay. The roster query is a range on
the indexed `resident.birth_date`, so it stays fast with tens of thousands of elders.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar, overload

from sqlalchemy import text
from sqlmodel import Session, select

from villagedesk.db.models.eldercare import CARER_KINDS, ElderProfile
from villagedesk.db.models.residents import Household, Resident
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.eldercare_rules import (
    FLAGS,
    Rules,
    age_on,
    born_on_or_before,
    load_rules_in,
)
from villagedesk.services.idcard import check_id_number

# Flags a user can filter on; age80 (高龄) and dibao_tekun (低保/特困) are computed.
FILTER_FLAGS = (*FLAGS, "age80", "dibao_tekun")
FLAG_ALIASES = {"独居": "lives_alone", "空巢": "empty_nest", "失能": "disabled", "半失能": "semi_disabled",
                "高龄": "age80", "低保": "dibao_tekun", "特困": "dibao_tekun", "低保特困": "dibao_tekun"}


def flag_label(flag: str) -> str:
    return {
        "lives_alone": tr("eldercare", "Lives alone"),
        "empty_nest": tr("eldercare", "Empty nest"),
        "disabled": tr("eldercare", "Disabled"),
        "semi_disabled": tr("eldercare", "Partly disabled"),
        "age80": tr("eldercare", "Very old (80+)"),
        "dibao_tekun": tr("eldercare", "Dibao/Tekun"),
    }.get(flag, flag)


def carer_kind_label(kind: str) -> str:
    return {
        "staff": tr("eldercare", "Staff"),
        "volunteer": tr("eldercare", "Volunteer"),
        "beacon": tr("eldercare", "Beacon household"),
    }.get(kind, "")


def care_level_label(level: int) -> str:
    return [tr("eldercare", "None"), tr("eldercare", "Level 1"), tr("eldercare", "Level 2"),
            tr("eldercare", "Level 3")][level] if 0 <= level <= 3 else str(level)


def parse_flag(raw: str) -> str:
    flag = FLAG_ALIASES.get(raw.strip(), raw.strip().lower())
    if flag not in FILTER_FLAGS:
        raise DomainError(
            tr("eldercare", "Unknown flag {flag}. Use one of: 独居 空巢 失能 半失能 高龄 低保.").format(
                flag=raw), field="flag")
    return flag


# Bits of the flag mask the roster query computes in SQL (age80 from the age on the day).
FLAG_BITS = (("lives_alone", 1), ("empty_nest", 2), ("disabled", 4), ("semi_disabled", 8),
             ("age80", 16), ("dibao_tekun", 32))
FLAG_BIT = dict(FLAG_BITS)
FLAG_TUPLES = tuple(tuple(f for f, bit in FLAG_BITS if mask & bit) for mask in range(64))


class ElderRow(NamedTuple):
    """One elder on the roster, exactly as the roster query returns it.

    Only plain values: the age and the flag bits are computed by SQLite, the birth date stays
    the ISO text it is stored as, and `birth_date`, `flags` and the labels are derived only
    when someone reads them (a table model asks for the rows it paints, not for 20,000).
    """

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
    meal_regular: int  # 0 or 1
    inactive_status: str  # '' while active, else moved_out / deceased

    @property
    def birth_date(self) -> dt.date:
        return dt.date.fromisoformat(self.birth_iso)

    @property
    def flags(self) -> tuple[str, ...]:
        return FLAG_TUPLES[self.flag_mask]

    @property
    def status(self) -> str:
        return self.inactive_status or "active"

    @property
    def sex(self) -> str:
        """M or F, from the 17th character of the ID number (odd for men)."""
        digit = self.id_number[16:17]
        return ("M" if int(digit) % 2 else "F") if digit.isdigit() else ""

    @property
    def flag_labels(self) -> list[str]:
        return [flag_label(f) for f in self.flags]

    @property
    def category(self) -> str:
        """Meal subsidy category: 低保/特困 first, then 80+, then everyone else."""
        if self.flag_mask & 32:
            return "dibao_tekun"
        return "age80" if self.age >= 80 else "other"

    def as_json(self) -> dict[str, Any]:
        return {
            "resident_id": self.resident_id, "name": self.name, "id_number": self.id_number,
            "sex": self.sex, "birth_date": self.birth_iso, "age": self.age,
            "flags": list(self.flags), "flag_labels": self.flag_labels, "care_level": self.care_level,
            "carer_kind": self.carer_kind, "carer_name": self.carer_name, "phone": self.phone,
            "meal_regular": bool(self.meal_regular), "status": self.status,
        }


N_ELDER_COLUMNS = len(ElderRow._fields)
make_elder = functools.partial(tuple.__new__, ElderRow)  # a row of elder_columns() -> ElderRow, in C

T = TypeVar("T")


class LazyRows(Sequence[T]):
    """A list of the plain tuples a query returned, seen as named rows (ElderRow, DueItem).

    The named row is made when an item is read and dropped after use. The plain tuples are
    what stays in memory: the garbage collector stops tracking a plain tuple of strings and
    numbers after one pass, but never a tuple subclass, so 20,000 named rows held by a page
    would sit in the oldest generation and make every full collection slower (with pypinyin's
    tables loaded, a full collection already takes ~100 ms).
    """

    __slots__ = ("raw", "make")

    def __init__(self, raw: list[tuple[Any, ...]], make: Callable[[tuple[Any, ...]], T]) -> None:
        self.raw = raw
        self.make = make

    def __len__(self) -> int:
        return len(self.raw)

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return list(map(self.make, self.raw[i]))
        return self.make(self.raw[i])

    def __iter__(self) -> Iterator[T]:
        return map(self.make, self.raw)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyRows):
            return self.raw == other.raw
        return list(self) == other if isinstance(other, list) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))


def age_sql(today: dt.date, column: str = "r.birth_date") -> str:
    """Whole years on `today` from an ISO birth date, computed by SQLite.

    '02-29' > '02-28': a 29 Feb birthday comes on 1 Mar in a common year. Only a date's
    digits are written into the SQL text.
    """
    return (f"({today.year:d} - CAST(substr({column}, 1, 4) AS INTEGER) "
            f"- (substr({column}, 6, 5) > '{today:%m-%d}'))")


def flag_conditions(today: dt.date) -> dict[str, str]:
    """Each flag as an SQL condition on the resident (r) and profile (p) columns on `today`.

    A profile that does not exist gives NULL, which CASE WHEN treats as false.
    """
    return {
        "lives_alone": "r.lives_alone",
        "empty_nest": "p.empty_nest",
        "disabled": "p.disabled",
        "semi_disabled": "p.semi_disabled",
        "age80": f"(r.birth_date <= '{born_on_or_before(today, 80).isoformat()}')",
        "dibao_tekun": "(r.is_dibao OR r.is_tekun)",
    }


def elder_columns(today: dt.date) -> str:
    """The ElderRow columns, in order, over `resident r LEFT JOIN elder_profile p` (ELDER_FROM).

    Empty strings and small integers cost Python no new objects, so what has no value is ''
    or 0 rather than NULL, and an active status is ''.
    """
    cond = flag_conditions(today)
    # The profile's three bits under one coalesce: no profile row, no bits.
    mask = (f"{cond['lives_alone']} + 16 * {cond['age80']} + 32 * {cond['dibao_tekun']} + coalesce("
            f"2 * {cond['empty_nest']} + 4 * {cond['disabled']} + 8 * {cond['semi_disabled']}, 0)")
    return (
        "r.id AS resident_id, r.name AS name, r.id_number AS id_number, r.birth_date AS birth_date, "
        f"r.phone AS phone, {age_sql(today)} AS age, ({mask}) AS mask, "
        "coalesce(p.care_level, 0) AS care_level, coalesce(p.carer_kind, '') AS carer_kind, "
        "coalesce(p.carer_name, '') AS carer_name, coalesce(p.meal_regular, 0) AS meal_regular, "
        "CASE r.status WHEN 'active' THEN '' ELSE r.status END AS inactive"
    )


ELDER_FROM = "FROM resident r LEFT JOIN elder_profile p ON p.resident_id = r.id"
ELDER_NAMES = ("resident_id, name, id_number, birth_date, phone, age, mask, care_level, carer_kind, "
               "carer_name, meal_regular, inactive")


def row_to_elder(row: Any) -> ElderRow:
    """An ElderRow from the first columns of a row that starts with elder_columns()."""
    return make_elder(tuple(row[:N_ELDER_COLUMNS]))


def raw_connection(s: Session) -> Any:
    """The sqlite3 connection under the session's read transaction, for the big list queries.

    Plain DB-API tuples cost a third of SQLAlchemy rows; with 20,000 elders that counts.
    """
    return s.connection().connection.driver_connection


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic collector while building many small rows: its passes only cost time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def roster_sql(today: dt.date, roster_age: int, *, where: str = "", include_inactive: bool = False,
               order: str = "r.birth_date", extra: str = "", join: str = "") -> str:
    """SELECT of the ElderRow columns for everyone on the roster on `today` (plus `where`).

    The resident part is a range on the covering index ix_resident_elder_roster; the profile
    is one probe of ix_elder_profile_resident per elder. `where` may use :named parameters;
    `extra` columns come after the ElderRow ones, from tables that `join` adds.
    """
    cutoff = born_on_or_before(today, roster_age)
    return (f"SELECT {elder_columns(today)}{extra} {ELDER_FROM} {join}"
            f"WHERE r.birth_date <= '{cutoff.isoformat()}' "
            + ("" if include_inactive else "AND r.status = 'active' ")
            + where + (f" ORDER BY {order}" if order else ""))


def fetch_elders(s: Session, sql: str, params: dict[str, Any] | None = None) -> LazyRows[ElderRow]:
    """Run a roster_sql() query: its plain rows, read as ElderRows."""
    with no_gc():
        return LazyRows(raw_connection(s).execute(sql, params or {}).fetchall(), make_elder)


def roster(store: Store, *, flag: str | None = None, query: str = "", carer: str | None = None,
           include_inactive: bool = False, today: dt.date | None = None) -> LazyRows[ElderRow]:
    """Everyone aged 60+ on `today` (default: the clock's today), oldest first.

    Filters (search text, carer, flag) are part of the one SQL query.
    """
    today = today or store.clock.today()
    wanted = parse_flag(flag) if flag else None
    where, params = "", dict[str, Any]()
    if query.strip():
        where += "AND (r.name LIKE :q OR r.id_number LIKE :tail) "
        params.update(q=f"%{query.strip()}%", tail=f"%{query.strip().upper()}")
    if carer is not None:
        where += "AND coalesce(p.carer_name, '') = :carer "
        params["carer"] = carer
    with store.read() as s:
        rules = load_rules_in(s)
        sql = roster_sql(today, rules.roster_age, where=where, include_inactive=include_inactive,
                         order="" if wanted else "r.birth_date")
        if wanted:  # the flag bits are a computed column: filter on them around the query
            sql = f"SELECT * FROM ({sql}) WHERE mask & {FLAG_BIT[wanted]:d} ORDER BY birth_date, resident_id"
        return fetch_elders(s, sql, params)


def count_roster(store: Store, *, today: dt.date | None = None) -> int:
    today = today or store.clock.today()
    with store.read() as s:
        rules = load_rules_in(s)
        cutoff = born_on_or_before(today, rules.roster_age)
        return int(s.execute(text("SELECT count(*) FROM resident WHERE birth_date <= :c "
                                  "AND status = 'active'"), {"c": cutoff.isoformat()}).scalar_one())


# -- finding one elder ---------------------------------------------------------------------------

def resolve_resident(s: Session, *, today: dt.date, resident_id: str | None = None,
                     id_number: str | None = None) -> Resident:
    if resident_id:
        r = s.get(Resident, resident_id)
    else:
        check = check_id_number(id_number or "", today=today)
        key = check.normalized or (id_number or "").strip().upper()
        r = s.exec(select(Resident).where(Resident.id_number == key)).first()
    if r is None:
        raise NotFoundError(tr("eldercare", "No resident with this ID number is registered."),
                            field="elder")
    return r


def require_elder(s: Session, rules: Rules, *, today: dt.date, resident_id: str | None = None,
                  id_number: str | None = None, on: dt.date | None = None) -> Resident:
    """The resident, who must be active and on the roster on `on` (default today)."""
    r = resolve_resident(s, today=today, resident_id=resident_id, id_number=id_number)
    on = on or today
    if r.status != "active":
        raise DomainError(tr("eldercare", "{name} is no longer on the roster (moved out or deceased).")
                          .format(name=r.name), field="elder")
    age = age_on(r.birth_date, on)
    if age < rules.roster_age:
        raise DomainError(tr("eldercare", "{name} is {age} and not yet on the elder roster.")
                          .format(name=r.name, age=age), field="elder")
    return r


# -- profile -------------------------------------------------------------------------------------

PROFILE_FIELDS = ("empty_nest", "disabled", "semi_disabled", "care_level", "emergency_contacts",
                  "carer_kind", "carer_name", "carer_phone", "carer_ref", "meal_regular", "note")


def _clean_contacts(value: Any) -> str:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    contacts = []
    for c in value or []:
        name = str(c.get("name", "")).strip()
        phone = str(c.get("phone", "")).strip()
        if not name and not phone:
            continue
        if not name or not phone:
            raise DomainError(tr("eldercare", "An emergency contact needs both a name and a phone number."),
                              field="emergency_contacts")
        contacts.append({"name": name, "relation": str(c.get("relation", "")).strip(), "phone": phone})
    return json.dumps(contacts, ensure_ascii=False)


def set_profile(store: Store, *, actor: Actor, resident_id: str | None = None,
                id_number: str | None = None, **changes: Any) -> dict[str, Any]:
    """Edit what elder care keeps about an elder; the profile row is made on first edit.

    `lives_alone` (独居) is written to the resident's own record, which the residents
    register shares.
    """
    require(actor, "eldercare")
    today = store.clock.today()
    with store.write(actor) as s:
        rules = load_rules_in(s)
        r = require_elder(s, rules, today=today, resident_id=resident_id, id_number=id_number)
        profile = s.exec(select(ElderProfile).where(ElderProfile.resident_id == r.id)).first()
        if profile is None:
            profile = ElderProfile(resident_id=r.id)
        for key, value in changes.items():
            if key == "lives_alone":
                r.lives_alone = bool(value)
                s.add(r)
                continue
            if key not in PROFILE_FIELDS:
                raise ValueError(f"not an elder profile field: {key}")
            if key in ("empty_nest", "disabled", "semi_disabled", "meal_regular"):
                value = bool(value)
            elif key == "care_level":
                if value not in (0, 1, 2, 3):
                    raise DomainError(tr("eldercare", "The care level is 0 (none) to 3."), field="care_level")
            elif key == "carer_kind":
                if value not in CARER_KINDS:
                    raise DomainError(tr("eldercare", "The carer is a staff member, a volunteer or a beacon household."),
                                      field="carer_kind")
            elif key == "emergency_contacts":
                value = _clean_contacts(value)
            else:
                value = str(value or "").strip()
            setattr(profile, key, value)
        if profile.disabled and profile.semi_disabled:
            raise DomainError(tr("eldercare", "An elder is either disabled or partly disabled, not both."),
                              field="semi_disabled")
        if profile.carer_name and not profile.carer_kind:
            raise DomainError(tr("eldercare", "Say whether the carer is staff, a volunteer or a beacon household."),
                              field="carer_kind")
        s.add(profile)
        rid = r.id
    return elder_detail(store, resident_id=rid)


# -- detail --------------------------------------------------------------------------------------

def elder_detail(store: Store, *, resident_id: str | None = None, id_number: str | None = None,
                 timeline_limit: int = 200) -> dict[str, Any]:
    """Everything about one elder: register data, profile, and a timeline of visits and meals."""
    today = store.clock.today()
    with store.read() as s:
        rules = load_rules_in(s)
        r = resolve_resident(s, today=today, resident_id=resident_id, id_number=id_number)
        h = s.get(Household, r.household_id)
        p = s.exec(select(ElderProfile).where(ElderProfile.resident_id == r.id)).first()
        row = s.execute(text(f"SELECT {elder_columns(today)} {ELDER_FROM} WHERE r.id = :rid"),
                        {"rid": r.id}).one()
        elder = row_to_elder(row)
        visits = s.execute(text(
            "SELECT id, visit_date, visit_type, visitor_name, findings, health_notes, follow_up_needed, "
            "follow_up_open, follow_up_closed_on, follow_up_result, status FROM elder_visit "
            "WHERE resident_id = :rid ORDER BY visit_date DESC, created_at DESC LIMIT :lim"),
            {"rid": r.id, "lim": timeline_limit}).mappings().all()
        meals = s.execute(text(
            "SELECT id, meal_date, meal, mode, category, price_fen, subsidy_fen, paid_fen, status "
            "FROM elder_meal WHERE resident_id = :rid ORDER BY meal_date DESC, meal DESC LIMIT :lim"),
            {"rid": r.id, "lim": timeline_limit}).mappings().all()
        checks = s.execute(text(
            "SELECT year, check_date, method, status, proxy_application_id FROM pension_check "
            "WHERE resident_id = :rid ORDER BY year DESC"), {"rid": r.id}).mappings().all()
    timeline: list[dict[str, Any]] = []
    for v in visits:
        timeline.append({"kind": "visit", "date": str(v["visit_date"]), **{k: v[k] for k in v.keys()}})
    for m in meals:
        timeline.append({"kind": "meal", "date": str(m["meal_date"]), **{k: m[k] for k in m.keys()}})
    timeline.sort(key=lambda e: (e["date"], e["kind"] == "visit"), reverse=True)
    tier = rules.allowance_tier(elder.age)
    return {
        **elder.as_json(),
        "on_roster": elder.status == "active" and elder.age >= rules.roster_age,
        "status_note": r.status_note,
        "address": (h.address if h else "") or "",
        "hamlet": (h.hamlet if h else "") or "",
        "village_group": (h.village_group if h else "") or "",
        "household_no": (h.household_no if h else "") or "",
        "carer_phone": p.carer_phone if p else "",
        "emergency_contacts": json.loads(p.emergency_contacts) if p else [],
        "note": p.note if p else "",
        "allowance_age": tier[0] if tier else None,
        "allowance_monthly_fen": tier[1] if tier else 0,
        "visit_every_days": rules.visit_days(set(elder.flags)),
        "timeline": timeline[:timeline_limit],
        "pension_checks": [dict(c) for c in checks],
    }

