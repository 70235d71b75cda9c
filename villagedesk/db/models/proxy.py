"""Proxy services (代办服务): the county's service catalogue, applications and their history."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from villagedesk.db.models.base import SyncedModel

# 受理 / 已报送 / 退回补正 / 已办结 / 已领取
STATUSES = ("accepted", "forwarded", "returned", "completed", "collected")
OPEN_STATUSES = ("accepted", "forwarded", "returned")  # the promised date still runs
SATISFACTION = ("satisfied", "fair", "unsatisfied")  # 满意 / 基本满意 / 不满意
EVENT_KINDS = ("accepted", "forwarded", "returned", "resubmitted", "completed", "collected", "printed")

_ITEM_NAMESPACE = uuid.UUID("6d1f4a52-3c1e-4f0a-9a57-7d0c2b8e5a10")


def catalogue_item_id(code: str) -> str:
    """The id of a shipped catalogue item: the same on every hall, derived from its code."""
    return str(uuid.uuid5(_ITEM_NAMESPACE, f"service_item:{code}"))


class ServiceItem(SQLModel, table=True):
    """One item of the service catalogue (办事指南). Owned by the county: not captured.

    Shipped items have `server_version` 0; a pull from the county sets `server_id` and
    `server_version` and overwrites the row.
    """

    __tablename__ = "service_item"
    __table_args__ = (
        Index("ix_service_item_code", "code", unique=True),
        Index("ix_service_item_server_id", "server_id"),
    )

    id: str = Field(primary_key=True, max_length=36)
    code: str = Field(max_length=16)
    name: str
    category: str = ""
    department: str = ""  # 人社 医保 民政 公安 卫健 农业农村 残联 …
    materials: str = "[]"  # JSON array of material names
    promised_days: int = 5  # 承诺时限, working days
    fee_fen: int = 0
    guide: str = ""
    active: bool = True
    sort_order: int = 0
    server_id: str | None = Field(default=None, max_length=36)
    server_version: int = 0
    updated_at: dt.datetime | None = None


class ProxyApplication(SyncedModel, table=True):
    """An application the hall accepted on a resident's behalf, and where it stands."""

    __tablename__ = "proxy_application"
    __table_args__ = (
        Index("ix_proxy_application_number", "receipt_number", unique=True),
        Index("ix_proxy_application_status_due", "status", "due_date"),
        Index("ix_proxy_application_accepted_on", "accepted_on"),
        Index("ix_proxy_application_service", "service_code", "accepted_on"),
        Index("ix_proxy_application_applicant", "applicant_id"),
        Index("ix_proxy_application_completed_on", "completed_on"),
    )

    receipt_number: str = Field(max_length=32)  # XG0203-01-2026-000123
    status: str = Field(default="accepted", max_length=12)
    applicant_id: str = Field(foreign_key="resident.id", max_length=36)
    agent_name: str = Field(default="", max_length=40)  # who came on the applicant's behalf
    agent_id_number: str = Field(default="", max_length=18)
    agent_relation: str = Field(default="", max_length=20)
    service_item_id: str = Field(max_length=36)
    service_code: str = Field(max_length=16)
    service_name: str
    department: str = ""
    promised_days: int = 0
    fee_fen: int = 0
    materials: str = "[]"  # JSON: [{"name": ..., "received": bool}]
    notes: str = ""
    accepted_on: dt.date
    accepted_at: dt.datetime
    accepted_by: str = Field(max_length=36)
    due_date: dt.date
    forwarded_at: dt.datetime | None = None
    forwarded_by: str | None = Field(default=None, max_length=36)
    forwarded_to: str = ""  # the office it was carried to
    returned_at: dt.datetime | None = None
    returned_by: str | None = Field(default=None, max_length=36)
    return_reason: str = ""
    completed_at: dt.datetime | None = None
    completed_on: dt.date | None = None
    completed_by: str | None = Field(default=None, max_length=36)
    result: str = ""  # what the office decided / issued
    collected_at: dt.datetime | None = None
    collected_by: str | None = Field(default=None, max_length=36)
    collector_name: str = Field(default="", max_length=40)
    satisfaction: str = Field(default="", max_length=12)


class ProxyEvent(SyncedModel, table=True):
    """One step in an application's history (append-only): who did what, when."""

    __tablename__ = "proxy_event"
    __table_args__ = (Index("ix_proxy_event_application", "application_id", "at"),)

    application_id: str = Field(foreign_key="proxy_application.id", max_length=36)
    kind: str = Field(max_length=12)
    at: dt.datetime
    staff_id: str | None = Field(default=None, max_length=36)
    detail: str = "{}"  # JSON: office, reason, rating, document, ...
