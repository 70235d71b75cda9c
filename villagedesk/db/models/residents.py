"""Households and residents (户 / 村民)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from villagedesk.db.models.base import SyncedModel

RESIDENT_STATUSES = ("active", "moved_out", "deceased")  # 在册 / 迁出 / 死亡


class Household(SyncedModel, table=True):
    __tablename__ = "household"
    __table_args__ = (Index("ix_household_no", "household_no", unique=True),)

    household_no: str = Field(max_length=40)  # 户号
    head_id: str | None = Field(default=None, max_length=36)  # resident id of 户主
    village_group: str = ""  # 所属组
    hamlet: str = ""  # 湾
    grid: str = ""  # 网格
    address: str = ""
    status: str = "active"


class Resident(SyncedModel, table=True):
    __tablename__ = "resident"
    __table_args__ = (
        Index("ix_resident_id_number", "id_number", unique=True),
        Index("ix_resident_name", "name"),
        Index("ix_resident_id_rev", "id_rev"),
        Index("ix_resident_phone", "phone"),
        Index("ix_resident_phone_rev", "phone_rev"),
        Index("ix_resident_household", "household_id"),
        Index("ix_resident_birth_date", "birth_date"),
    )

    household_id: str = Field(foreign_key="household.id", max_length=36)
    name: str = Field(max_length=40)
    sex: str = Field(max_length=1)  # M | F (from the ID number)
    ethnicity: str = "汉族"
    id_number: str = Field(max_length=18)
    birth_date: dt.date
    phone: str = ""
    relation: str = ""  # 与户主关系
    is_party_member: bool = False
    is_dibao: bool = False  # 低保
    is_tekun: bool = False  # 特困
    is_disabled: bool = False  # 残疾
    lives_alone: bool = False  # 独居
    status: str = "active"
    status_changed_at: dt.datetime | None = None
    status_note: str = ""
    note: str = ""
    # Local search helpers, derived from name / id_number / phone; not synced.
    search_keys: str = "[]"  # JSON array of pinyin keys
    id_rev: str = ""
    phone_rev: str = ""


class ResidentKey(SQLModel, table=True):
    """Pinyin keys of resident names, one row per key, maintained by triggers from search_keys."""

    __tablename__ = "resident_key"
    __table_args__ = (Index("ix_resident_key_key", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str
    resident_id: str = Field(max_length=36, index=True)


LOCAL_ONLY_COLUMNS = {"resident": ("search_keys", "id_rev", "phone_rev")}
