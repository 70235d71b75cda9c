"""Home elder care (居家养老): elder profiles, home visits, meals, pension checks, hall settings.

The roster itself is not stored: every active resident aged 60 or over is on it. A profile
row holds only what elder care adds, and is created the first time someone edits it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from villagedesk.db.models.base import SyncedModel
from villagedesk.db.models.residents import Resident

VISIT_TYPES = ("visit", "cleaning", "medical", "shopping", "other")  # 探访 助洁 助医 代购 其他
CARER_KINDS = ("", "staff", "volunteer", "beacon")  # 工作人员 志愿者 明灯户
MEALS = ("lunch", "dinner")
MEAL_MODES = ("served", "delivered")  # 堂食 送餐
MEAL_CATEGORIES = ("dibao_tekun", "age80", "other")
PENSION_METHODS = ("onsite", "home", "proxy")  # 现场 上门 代办


class ElderProfile(SyncedModel, table=True):
    """What elder care knows about one resident beyond the household register."""

    __tablename__ = "elder_profile"
    __table_args__ = (
        Index("ix_elder_profile_resident", "resident_id", unique=True),
        Index("ix_elder_profile_carer", "carer_name"),
    )

    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    # 独居 lives on the resident row (resident.lives_alone); these are elder-care flags.
    empty_nest: bool = False  # 空巢
    disabled: bool = False  # 失能
    semi_disabled: bool = False  # 半失能
    care_level: int = 0  # 0 none, 1..3 (一级..三级护理)
    emergency_contacts: str = "[]"  # JSON: [{"name", "relation", "phone"}]
    carer_kind: str = Field(default="", max_length=12)
    carer_name: str = Field(default="", max_length=40)
    carer_phone: str = ""
    carer_ref: str = Field(default="", max_length=36)  # staff id or household id, when known
    meal_regular: bool = False  # listed on the daily meal register
    note: str = ""


class ElderVisit(SyncedModel, table=True):
    """One home visit (上门探访) and its follow-up."""

    __tablename__ = "elder_visit"
    __table_args__ = (
        Index("ix_elder_visit_resident_date", "resident_id", "status", "visit_date"),
        Index("ix_elder_visit_date", "visit_date"),
        Index("ix_elder_visit_followup", "follow_up_open"),
    )

    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    visit_date: dt.date
    visit_type: str = Field(max_length=12)
    visitor_name: str = Field(max_length=40)
    visitor_kind: str = Field(default="", max_length=12)
    findings: str = ""
    health_notes: str = ""
    follow_up_needed: bool = False
    follow_up_open: bool = False  # needed and not yet closed
    follow_up_closed_on: dt.date | None = None
    follow_up_closed_by: str = ""
    follow_up_result: str = ""
    status: str = Field(default="recorded", max_length=12)  # recorded | voided


class ElderMeal(SyncedModel, table=True):
    """One meal for one elder on one day. Prices are kept in fen as they were that day."""

    __tablename__ = "elder_meal"
    __table_args__ = (
        Index("ix_elder_meal_unique", "resident_id", "meal_date", "meal", unique=True),
        Index("ix_elder_meal_date", "meal_date"),
    )

    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    meal_date: dt.date
    meal: str = Field(max_length=8)  # lunch | dinner
    mode: str = Field(default="served", max_length=12)  # served | delivered
    category: str = Field(max_length=12)  # dibao_tekun | age80 | other
    price_fen: int
    subsidy_fen: int
    paid_fen: int
    status: str = Field(default="served", max_length=12)  # served | voided


class PensionCheck(SyncedModel, table=True):
    """The yearly pension eligibility check (养老金资格认证) of one elder."""

    __tablename__ = "pension_check"
    __table_args__ = (Index("ix_pension_check_unique", "resident_id", "year", unique=True),)

    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    year: int
    check_date: dt.date | None = None
    method: str = Field(default="", max_length=8)  # onsite | home | proxy
    status: str = Field(default="done", max_length=12)  # started | done
    proxy_application_id: str = Field(default="", max_length=36)
    note: str = ""


class EldercareSetting(SyncedModel, table=True):
    """The hall's own overrides of resources/data/eldercare_rules.json, one JSON value per key."""

    __tablename__ = "eldercare_setting"
    __table_args__ = (Index("ix_eldercare_setting_key", "key", unique=True),)

    key: str = Field(max_length=40)
    value: str = "null"  # JSON


class ElderLastVisit(SQLModel, table=True):
    """Each elder's latest recorded visit, kept by triggers on elder_visit; local, not synced.

    The due list reads this instead of finding the latest of every elder's visits.
    """

    __tablename__ = "elder_last_visit"

    resident_id: str = Field(primary_key=True, max_length=36)
    visit_date: dt.date


# The elder roster is a range on birth_date; this index covers every resident column the
# roster reads, so 20,000 elders are listed without touching the resident table itself.
_r = Resident.__table__.c  # type: ignore[attr-defined]
Index("ix_resident_elder_roster", _r.birth_date, _r.status, _r.id, _r.name, _r.id_number, _r.sex,
      _r.lives_alone, _r.is_dibao, _r.is_tekun, _r.phone)
