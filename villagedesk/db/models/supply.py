"""Agricultural supply (农资配送): products, stock moves, sales, credit, farmer orders, delivery runs.

Stock is never a stored number that people write. It is the sum of append-only stock moves.
`supply_stock` and `supply_lot` are derived tables kept by triggers on `supply_move`
(see migration 0004_supply); `rebuild_balances` in services/supply_stock.py recomputes them.
Quantities are whole units of the product's unit (袋, 瓶, 包, 公斤 ...). Money is integer fen.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from villagedesk.db.models.base import SyncedModel

CATEGORIES = ("seed", "fertilizer", "pesticide", "film", "feed", "tool", "other")
MOVE_KINDS = ("receive", "sale", "delivery", "return", "adjust", "writeoff", "correction")
PAY_METHODS = ("cash", "mobile", "credit")
ORDER_STATUSES = ("registered", "preparing", "delivering", "delivered", "cancelled")
FULFILMENTS = ("delivery", "pickup")


class SupplyProduct(SyncedModel, table=True):
    """A product in the catalogue. County-owned ones carry the county's id and version."""

    __tablename__ = "supply_product"
    __table_args__ = (
        Index("ix_supply_product_code", "code", unique=True),
        Index("ix_supply_product_server", "server_id"),
        Index("ix_supply_product_category", "category", "name"),
    )

    code: str = Field(max_length=20)  # what clerks and the CLI use: C0101, H010001
    category: str = Field(max_length=12)  # one of CATEGORIES
    name: str = Field(max_length=80)
    spec: str = ""  # 规格: 40%/500ml, 50kg/袋
    unit: str = Field(max_length=8)  # 瓶 袋 包 公斤
    price_fen: int = 0  # retail price
    maker: str = ""  # 生产企业
    reg_no: str = ""  # 农药登记证号 PD20080001
    restricted: bool = False  # 限制使用农药: real-name sale
    owner: str = Field(default="hall", max_length=8)  # county | hall
    server_id: str | None = Field(default=None, max_length=36)
    server_version: int | None = None
    status: str = Field(default="active", max_length=10)  # active | retired
    note: str = ""
    # Local only (not synced): the hall's low-stock threshold and the pinyin search text.
    low_stock: int = 0
    search_text: str = ""


class SupplyMove(SyncedModel, table=True):
    """One stock move. Append-only: never changed or removed (a correction is a new move)."""

    __tablename__ = "supply_move"
    __table_args__ = (
        Index("ix_supply_move_product_qty", "product_id", "qty"),
        Index("ix_supply_move_kind_date", "kind", "move_date"),
        # Partial: most moves have no sale, order or correction, and the planner must not think
        # that a lookup by one of them matches every NULL row.
        Index("ix_supply_move_sale", "sale_id", sqlite_where=text("sale_id IS NOT NULL")),
        Index("ix_supply_move_lot", "lot_id"),
        Index("ix_supply_move_corrects", "corrects_id", sqlite_where=text("corrects_id IS NOT NULL")),
        Index("ix_supply_move_order", "order_id", sqlite_where=text("order_id IS NOT NULL")),
    )

    product_id: str = Field(foreign_key="supply_product.id", max_length=36)
    kind: str = Field(max_length=12)  # one of MOVE_KINDS
    qty: int  # signed: + into stock, - out of stock
    move_date: dt.date  # business date (CST)
    lot_id: str | None = Field(default=None, max_length=36)  # id of the receive move of the lot
    supplier: str = ""  # 供货人 (receive)
    lot_no: str = ""  # 批号
    production_date: dt.date | None = None
    expiry_date: dt.date | None = None
    unit_cost_fen: int | None = None  # purchase price (receive)
    unit_price_fen: int | None = None  # selling price (sale, delivery, return)
    sale_id: str | None = Field(default=None, max_length=36)
    order_id: str | None = Field(default=None, max_length=36)
    corrects_id: str | None = Field(default=None, max_length=36)  # the move this one corrects
    reason: str = ""


class SupplyStock(SQLModel, table=True):
    """Derived: on-hand quantity per product = SUM(supply_move.qty). Kept by triggers."""

    __tablename__ = "supply_stock"

    product_id: str = Field(primary_key=True, max_length=36)
    qty: int = 0


class SupplyLot(SQLModel, table=True):
    """Derived: remaining quantity per lot (the receive move), for expiry alerts and FEFO."""

    __tablename__ = "supply_lot"
    __table_args__ = (
        Index("ix_supply_lot_product_expiry", "product_id", "expiry_date"),
        # Lots still in stock, by expiry: emptied lots drop out of this index.
        Index("ix_supply_lot_live_expiry", "expiry_date", "product_id", sqlite_where=text("qty > 0")),
    )

    lot_id: str = Field(primary_key=True, max_length=36)
    product_id: str = Field(max_length=36)
    expiry_date: dt.date | None = None
    qty: int = 0


class SupplySale(SyncedModel, table=True):
    """A sale at the counter or by delivery. Append-only; its lines are the sale moves."""

    __tablename__ = "supply_sale"
    __table_args__ = (
        Index("ix_supply_sale_no", "sale_no", unique=True),
        Index("ix_supply_sale_date", "sale_date"),
        Index("ix_supply_sale_buyer", "buyer_resident_id"),
    )

    sale_no: str = Field(max_length=40)
    sale_date: dt.date
    channel: str = Field(default="counter", max_length=10)  # counter | delivery
    pay_method: str = Field(max_length=8)  # cash | mobile | credit
    total_fen: int = 0
    buyer_resident_id: str | None = Field(default=None, max_length=36)
    buyer_name: str = ""
    buyer_id_number: str = ""  # required for restricted pesticides (实名购买)
    buyer_use: str = ""  # crop or use (作物/用途)
    order_id: str | None = Field(default=None, max_length=36)
    staff_name: str = ""
    note: str = ""


class SupplyCredit(SyncedModel, table=True):
    """A credit (赊销) entry: + charge from a sale, - repayment or reversal. Append-only."""

    __tablename__ = "supply_credit"
    __table_args__ = (Index("ix_supply_credit_resident", "resident_id", "entry_date"),)

    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    kind: str = Field(max_length=10)  # charge | repay | reverse
    amount_fen: int  # signed
    entry_date: dt.date
    sale_id: str | None = Field(default=None, max_length=36)
    pay_method: str = ""  # how a repayment was paid
    note: str = ""


class SupplyOrder(SyncedModel, table=True):
    """A farmer's order (需求登记): 登记 → 备货 → 配送中 → 已送达, or 已取消."""

    __tablename__ = "supply_order"
    __table_args__ = (
        Index("ix_supply_order_no", "order_no", unique=True),
        Index("ix_supply_order_status_date", "status", "wanted_date"),
        Index("ix_supply_order_run", "run_id"),
    )

    order_no: str = Field(max_length=40)
    resident_id: str = Field(foreign_key="resident.id", max_length=36)
    wanted_date: dt.date
    fulfilment: str = Field(default="delivery", max_length=10)  # delivery | pickup
    status: str = Field(default="registered", max_length=12)
    village_group: str = ""
    address: str = ""
    phone: str = ""
    pay_method: str = Field(default="cash", max_length=8)
    buyer_use: str = ""  # crop or use, needed for restricted pesticides
    run_id: str | None = Field(default=None, max_length=36)
    sale_id: str | None = Field(default=None, max_length=36)
    note: str = ""
    cancel_reason: str = ""


class SupplyOrderItem(SyncedModel, table=True):
    """One line of an order, with the price agreed when it was registered."""

    __tablename__ = "supply_order_item"
    __table_args__ = (Index("ix_supply_order_item_order", "order_id"),)

    order_id: str = Field(foreign_key="supply_order.id", max_length=36)
    product_id: str = Field(foreign_key="supply_product.id", max_length=36)
    qty: int
    unit_price_fen: int


class SupplyRun(SyncedModel, table=True):
    """A delivery run (配送批次): one date, one or more village groups."""

    __tablename__ = "supply_run"
    __table_args__ = (Index("ix_supply_run_date", "run_date"),)

    run_no: str = Field(max_length=40)
    run_date: dt.date
    groups: str = "[]"  # JSON list of village groups, in driving order
    driver: str = ""
    status: str = Field(default="planned", max_length=10)  # planned | out | done
    note: str = ""


LOCAL_ONLY_COLUMNS = {"supply_product": ("low_stock", "search_text")}
SYNCED_TABLES = ("supply_product", "supply_move", "supply_sale", "supply_credit", "supply_order",
                 "supply_order_item", "supply_run")
APPEND_ONLY_TABLES = ("supply_move", "supply_sale", "supply_credit")
