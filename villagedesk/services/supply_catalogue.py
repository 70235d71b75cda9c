"""Product catalogue: search (name, pinyin, code, registration number), add, edit, thresholds.

County-owned products (owner='county', server_id/server_version set) come from the starter
catalogue or from the county's reference feed (applier `supply_product`); a hall may not
change their name or price. A hall adds its own products with codes H<device><seq>.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from villagedesk.db.models.supply import SupplyProduct
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.money import from_fen, parse_yuan, to_fen
from villagedesk.services.pinyin_keys import query_key, search_text
from villagedesk.services.supply_common import category_labels, get_product, parse_category

CATEGORY_ORDER = "instr('seed fertilizer pesticide film feed tool other', p.category)"
REG_NO = re.compile(r"^(PD|PDN|WP|LS|WL|PR)\d{6,8}$")


@dataclasses.dataclass(frozen=True)
class ProductInfo:
    id: str
    code: str
    category: str
    category_label: str
    name: str
    spec: str
    unit: str
    price: Decimal
    maker: str
    reg_no: str
    restricted: bool
    owner: str
    status: str
    stock: int
    low_stock: int

    @property
    def price_fen(self) -> int:
        return to_fen(self.price)

    def as_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["price"] = f"{self.price:.2f}"
        return data


_COLUMNS = ("p.id, p.code, p.category, p.name, p.spec, p.unit, p.price_fen, p.maker, p.reg_no, "
            "p.restricted, p.owner, p.status, COALESCE(st.qty, 0) AS stock, p.low_stock")


def _info(row: Any) -> ProductInfo:
    return ProductInfo(
        id=row.id, code=row.code, category=row.category,
        category_label=category_labels().get(row.category, row.category), name=row.name,
        spec=row.spec, unit=row.unit, price=from_fen(int(row.price_fen)), maker=row.maker,
        reg_no=row.reg_no, restricted=bool(row.restricted), owner=row.owner, status=row.status,
        stock=int(row.stock), low_stock=int(row.low_stock),
    )


def search_products(store: Store, *, query: str = "", category: str | None = None,
                    include_retired: bool = False, limit: int = 200) -> list[ProductInfo]:
    """Products whose code, name, pinyin (initials or full) or registration number match."""
    q = unicodedata.normalize("NFKC", query or "").strip()
    where = ["1=1"]
    params: dict[str, Any] = {"lim": limit}
    if not include_retired:
        where.append("p.status = 'active'")
    if category:
        where.append("p.category = :cat")
        params["cat"] = parse_category(category)
    rank = "0"
    if q:
        key = query_key(q)
        params.update(q=q, qu=q.upper(), key=key)
        where.append("(p.code LIKE :qu || '%' OR instr(p.name, :q) > 0 OR instr(p.reg_no, :qu) > 0"
                     + (" OR instr(p.search_text, ' ' || :key) > 0" if key else "") + ")")
        rank = ("CASE WHEN p.code = :qu THEN 0 WHEN p.name = :q THEN 1 WHEN p.code LIKE :qu || '%' THEN 2 "
                "WHEN instr(p.name, :q) = 1 THEN 3 ELSE 4 END")
    sql = (f"SELECT {_COLUMNS}, {rank} AS rk FROM supply_product p "
           "LEFT JOIN supply_stock st ON st.product_id = p.id "
           f"WHERE {' AND '.join(where)} ORDER BY rk, {CATEGORY_ORDER}, p.code LIMIT :lim")
    with store.read() as s:
        rows = s.connection().execute(text(sql), params).all()
    return [_info(r) for r in rows]


def product_info(store: Store, *, product: str) -> ProductInfo:
    with store.read() as s:
        pid = get_product(s, product).id
        row = s.connection().execute(text(
            f"SELECT {_COLUMNS} FROM supply_product p LEFT JOIN supply_stock st ON st.product_id = p.id "
            "WHERE p.id = :id"), {"id": pid}).one()
    return _info(row)


def _check_reg_no(reg_no: str, category: str, restricted: bool) -> str:
    reg_no = unicodedata.normalize("NFKC", reg_no or "").strip().upper().replace(" ", "")
    if category == "pesticide":
        if not reg_no:
            raise DomainError(tr("Supply", "A pesticide needs its registration number (农药登记证号), "
                                 "as printed on the label, e.g. PD20080349."), field="reg_no")
        if not REG_NO.match(reg_no):
            raise DomainError(tr("Supply", "Registration number \"{value}\" does not look right; "
                                 "it reads like PD20080349.").format(value=reg_no), field="reg_no")
    elif restricted:
        raise DomainError(tr("Supply", "Only a pesticide can be marked restricted."), field="restricted")
    return reg_no


def _next_hall_code(s: Session, store: Store) -> str:
    prefix = f"H{store.identity.device_code}"
    last = s.connection().execute(text(
        "SELECT MAX(code) FROM supply_product WHERE code LIKE :p || '%' AND length(code) = :n"),
        {"p": prefix, "n": len(prefix) + 4}).scalar_one()
    number = int(last[len(prefix):]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def add_product(store: Store, *, actor: Actor, name: str, category: str, unit: str,
                price: str | Decimal, spec: str = "", maker: str = "", reg_no: str = "",
                restricted: bool = False, low_stock: int = 5, code: str = "") -> ProductInfo:
    """A product of this hall's own. Returns it with its new code."""
    require(actor, "supply")
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not name:
        raise DomainError(tr("Supply", "Enter the product name."), field="name")
    unit = (unit or "").strip()
    if not unit:
        raise DomainError(tr("Supply", "Enter the unit it is sold in, such as 袋, 瓶 or 公斤."), field="unit")
    category = parse_category(category)
    price_value = parse_yuan(price, field="price")
    reg_no = _check_reg_no(reg_no, category, restricted)
    with store.write(actor) as s:
        code = code.strip().upper() or _next_hall_code(s, store)
        if s.exec(select(SupplyProduct).where(SupplyProduct.code == code)).first():
            raise DomainError(tr("Supply", "Product code {code} is already used.").format(code=code),
                              field="code")
        product = SupplyProduct(
            code=code, category=category, name=name, spec=spec.strip(), unit=unit,
            price_fen=to_fen(price_value), maker=maker.strip(), reg_no=reg_no, restricted=restricted,
            owner="hall", low_stock=max(0, int(low_stock)), search_text=search_text(name),
        )
        s.add(product)
        s.flush()
        code = product.code
    return product_info(store, product=code)


HALL_EDITABLE = {"name", "spec", "unit", "price", "maker", "reg_no", "restricted", "category"}


def update_product(store: Store, *, actor: Actor, product: str, **changes: Any) -> ProductInfo:
    """Edit a hall-owned product; on a county product only the low-stock threshold and status."""
    require(actor, "supply")
    if set(changes) == {"low_stock"}:
        # The threshold is the hall's own and not synced: no version bump, nothing for the outbox.
        with store.write(actor) as s:
            p = get_product(s, product)
            s.connection().execute(text("UPDATE supply_product SET low_stock = :n WHERE id = :id"),
                                   {"n": max(0, int(changes["low_stock"])), "id": p.id})
            code = p.code
        return product_info(store, product=code)
    with store.write(actor) as s:
        p = get_product(s, product)
        for key, value in changes.items():
            if key == "low_stock":
                p.low_stock = max(0, int(value))
            elif key == "status":
                if value not in ("active", "retired"):
                    raise ValueError(f"bad status {value}")
                p.status = value
            elif key in HALL_EDITABLE:
                if p.owner == "county":
                    raise DomainError(tr("Supply", "This product and its price are set by the county; "
                                         "the hall cannot change them."), field=key)
                if key == "price":
                    p.price_fen = to_fen(parse_yuan(value, field="price"))
                elif key == "category":
                    p.category = parse_category(value)
                elif key == "name":
                    p.name = unicodedata.normalize("NFKC", str(value)).strip()
                    p.search_text = search_text(p.name)
                else:
                    setattr(p, key, value)
            else:
                raise ValueError(f"not editable: {key}")
        p.reg_no = _check_reg_no(p.reg_no, p.category, p.restricted)
        s.add(p)
        code = p.code
    return product_info(store, product=code)


# -- reference data from the county ------------------------------------------------------------

PRODUCT_FIELDS = ("code", "category", "name", "spec", "unit", "price_fen", "maker", "reg_no",
                  "restricted", "status")


def apply_product_change(session: Session, change: Any, ctx: Any) -> None:
    """Applier for the county's `supply_product` feed entries (idempotent, versioned)."""
    row = session.exec(select(SupplyProduct).where(SupplyProduct.server_id == change.entity_id)).first()
    if row is not None and (row.server_version or 0) >= change.version:
        return  # delivered again
    if change.kind == "delete":
        if row is not None and row.status != "retired":
            row.status = "retired"
            row.server_version = change.version
            session.add(row)
        return
    data = dict(change.data)
    if "price" in data and "price_fen" not in data:
        data["price_fen"] = to_fen(parse_yuan(str(data["price"])))
    if row is None:
        row = SupplyProduct(id=change.entity_id, code=str(data.get("code", "")), unit=str(data.get("unit", "")),
                            category=str(data.get("category", "other")), name=str(data.get("name", "")),
                            owner="county", server_id=change.entity_id, low_stock=5)
    for field in PRODUCT_FIELDS:
        if field in data:
            setattr(row, field, data[field])
    row.owner = "county"
    row.server_version = change.version
    row.search_text = search_text(row.name)
    session.add(row)
    session.flush()


def register_sync_applier() -> None:
    try:
        from villagedesk.sync.appliers import register_applier
    except ImportError:  # pragma: no cover - sync is optional
        return
    register_applier("supply_product", apply_product_change)


register_sync_applier()
