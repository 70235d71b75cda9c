"""The service catalogue (办事指南): listing, search by name, code or pinyin, county updates.

The catalogue is county reference data. The hall ships a default (seeded by the proxy
migration) and the county's published rows replace it through the sync pull, which
calls `apply_service_item` in the pull's transaction.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlmodel import Session, col, select

from villagedesk.db.models.proxy import ServiceItem, catalogue_item_id
from villagedesk.db.store import Store
from villagedesk.errors import NotFoundError
from villagedesk.i18n import tr
from villagedesk.resources import resource_path
from villagedesk.services.money import format_yuan, from_fen, to_fen
from villagedesk.services.pinyin_keys import char_readings, query_key


@dataclasses.dataclass(frozen=True)
class CatalogueItem:
    id: str
    code: str
    name: str
    category: str
    department: str
    materials: list[str]
    promised_days: int
    fee: str  # yuan, two decimals, e.g. "20.00"
    guide: str
    active: bool
    server_version: int

    @property
    def fee_label(self) -> str:
        return format_yuan(Decimal(self.fee)) if Decimal(self.fee) else tr("proxy", "free")

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def to_item(row: ServiceItem) -> CatalogueItem:
    return CatalogueItem(
        id=row.id, code=row.code, name=row.name, category=row.category,
        department=row.department, materials=list(json.loads(row.materials or "[]")),
        promised_days=row.promised_days, fee=str(from_fen(row.fee_fen)), guide=row.guide,
        active=row.active, server_version=row.server_version,
    )


@lru_cache(maxsize=4096)
def item_keys(name: str) -> tuple[str, ...]:
    """Pinyin forms of an item name for substring search: phrase-aware initials and full
    pinyin (银行 -> yinhang), plus initials from every reading of each character."""
    from pypinyin import Style, lazy_pinyin  # on first use, not at app start (slow to load)

    text = unicodedata.normalize("NFKC", name)
    hans = [c for c in text if not c.isascii() or c.isalnum()]
    phrase = [p.lower() for p in lazy_pinyin("".join(hans), style=Style.NORMAL, errors="default")]
    keys = ["".join(phrase), "".join(p[0] for p in phrase if p)]
    # Alternative initials: a character read differently still matches its other readings.
    alt = "".join((char_readings(c) or (c,))[0][0] for c in hans)
    if alt not in keys:
        keys.append(alt)
    return tuple(k for k in keys if k)


@lru_cache(maxsize=1)
def shipped_keywords() -> dict[str, tuple[str, ...]]:
    """Everyday words for shipped items (低保 for 最低生活保障申请), from the shipped catalogue."""
    try:
        doc = json.loads(resource_path("data/service_catalogue.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):  # pragma: no cover - a broken install still searches names
        return {}
    return {str(i["code"]).upper(): tuple(i.get("keywords", ())) for i in doc.get("items", [])}


def matches(item: CatalogueItem, query: str) -> int | None:
    """A rank (lower is better) when `query` finds the item, else None.

    Looks at the code, the name, everyday words for the item, category and department,
    and the pinyin (full or initials, anywhere in the name or a word).
    """
    q = unicodedata.normalize("NFKC", query).strip()
    if not q:
        return 50
    if q.upper() == item.code.upper():
        return 0
    if q in item.name:
        return 1 if item.name.startswith(q) else 2
    words = shipped_keywords().get(item.code.upper(), ())
    if any(q in w for w in words):
        return 2
    if q in item.category or q in item.department:
        return 6
    key = query_key(q)
    if not key or not key.isascii():
        return None
    if item.code.lower().startswith(key):
        return 3
    for rank, text in ((4, item.name), *((4, w) for w in words)):
        for k in item_keys(text):
            pos = k.find(key)
            if pos == 0:
                return rank
            if pos > 0:
                return rank + 1
    return None


def list_catalogue(
    store: Store, *, search: str | None = None, category: str | None = None,
    include_inactive: bool = False,
) -> list[CatalogueItem]:
    """Catalogue items in catalogue order; with `search`, the best matches first."""
    with store.read() as s:
        query = select(ServiceItem)
        if not include_inactive:
            query = query.where(ServiceItem.active == True)  # noqa: E712
        if category:
            query = query.where(ServiceItem.category == category)
        rows = s.exec(query.order_by(col(ServiceItem.sort_order), col(ServiceItem.code))).all()
    items = [to_item(r) for r in rows]
    if not search or not search.strip():
        return items
    ranked = [(rank, i, item) for i, item in enumerate(items)
              if (rank := matches(item, search)) is not None]
    return [item for _, _, item in sorted(ranked, key=lambda t: (t[0], t[1]))]


def categories(store: Store) -> list[str]:
    seen: list[str] = []
    for item in list_catalogue(store):
        if item.category not in seen:
            seen.append(item.category)
    return seen


def get_item(store: Store, *, code: str) -> CatalogueItem:
    with store.read() as s:
        row = find_item(s, code)
    return to_item(row)


def find_item(s: Session, code: str) -> ServiceItem:
    row = s.exec(select(ServiceItem).where(ServiceItem.code == code.strip().upper())).first()
    if row is None:
        raise NotFoundError(
            tr("proxy", "No service item with code {code}. Run: villagedesk proxy catalogue --search ...")
            .format(code=code), field="service")
    return row


# ------------------------------------------------------------------ county updates

_UPDATABLE = ("name", "category", "department", "guide", "sort_order")


def apply_service_item(session: Session, change: Any, ctx: Any) -> None:
    """Apply one county catalogue change (sync pull applier). Idempotent.

    Matches the county row by server id, then by our id, then by code. A tombstone makes
    the item inactive: applications that used it keep pointing at it.
    """
    data: dict[str, Any] = dict(change.data or {})
    row = session.exec(select(ServiceItem).where(ServiceItem.server_id == change.entity_id)).first()
    if row is None:
        row = session.get(ServiceItem, change.entity_id)
    code = str(data.get("code", "")).strip().upper()
    if row is None and code:
        row = session.exec(select(ServiceItem).where(ServiceItem.code == code)).first()
    if row is not None and row.server_id == change.entity_id and row.server_version >= change.version:
        return  # delivered again
    if change.kind == "delete":
        if row is not None:
            row.active = False
            row.server_id, row.server_version = change.entity_id, change.version
            row.updated_at = ctx.now
            session.add(row)
        return
    if row is None:
        if not code or not data.get("name"):
            return  # not a usable item; nothing to show a clerk
        row = ServiceItem(id=catalogue_item_id(code), code=code, name=str(data["name"]))
    if code:
        row.code = code
    for field in _UPDATABLE:
        if field in data:
            setattr(row, field, data[field])
    if "materials" in data:
        row.materials = json.dumps(list(data["materials"]), ensure_ascii=False)
    if "promised_days" in data:
        row.promised_days = max(0, int(data["promised_days"]))
    if "fee" in data:
        row.fee_fen = to_fen(str(data["fee"] or "0"))
    elif "fee_fen" in data:
        row.fee_fen = int(data["fee_fen"])
    row.active = bool(data.get("active", True))
    row.server_id, row.server_version = change.entity_id, change.version
    row.updated_at = ctx.now
    session.add(row)


def _register() -> None:
    try:
        from villagedesk.sync.appliers import register_applier
    except ImportError:  # pragma: no cover - the sync package is part of every install
        return
    register_applier("service_item", apply_service_item)


_register()
