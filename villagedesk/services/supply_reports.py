"""Supply reports: monthly sales by product and by category, stock valuation, outstanding credit,
and the figures for the home page cards."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from villagedesk.db.store import Store
from villagedesk.services.money import from_fen
from villagedesk.services.supply_common import NEAR_EXPIRY_DAYS, category_labels, parse_month
from villagedesk.services.supply_ledgers import period_moves
from villagedesk.services.supply_orders import orders_due
from villagedesk.services.supply_sales import credit_balances
from villagedesk.services.supply_stock import expiring_lots, stock_levels

# Sales net of returns and corrections of sale moves.
_NET_SALES = (
    "SELECT p.id, p.code, p.name, p.spec, p.unit, p.category, -SUM(m.qty) AS qty, "
    "-SUM(m.qty * COALESCE(m.unit_price_fen, 0)) AS amount "
    "FROM supply_move m JOIN supply_product p ON p.id = m.product_id "
    f"WHERE m.rowid IN ({period_moves(('sale', 'delivery'))}) "
    "GROUP BY p.id ORDER BY p.category, p.code"
)


@dataclasses.dataclass(frozen=True)
class SalesLine:
    key: str
    label: str
    unit: str
    qty: int
    amount: Decimal

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "amount": f"{self.amount:.2f}"}


@dataclasses.dataclass(frozen=True)
class SalesReport:
    period: str
    by_product: list[SalesLine]
    by_category: list[SalesLine]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.by_category), Decimal("0.00"))

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period, "total": f"{self.total:.2f}",
                "by_product": [x.as_dict() for x in self.by_product],
                "by_category": [x.as_dict() for x in self.by_category]}


def monthly_sales(store: Store, *, month: str) -> SalesReport:
    start, end = parse_month(month)
    with store.read() as s:
        rows = s.connection().execute(text(_NET_SALES), {"start": start.isoformat(), "end": end.isoformat()}).all()
    labels = category_labels()
    by_product = [SalesLine(r.code, f"{r.name} {r.spec}".strip(), r.unit, int(r.qty), from_fen(int(r.amount)))
                  for r in rows if r.qty or r.amount]
    cats: dict[str, tuple[int, int]] = {}
    for r in rows:
        q, a = cats.get(r.category, (0, 0))
        cats[r.category] = (q + int(r.qty), a + int(r.amount))
    by_category = [SalesLine(c, labels.get(c, c), "", q, from_fen(a)) for c, (q, a) in cats.items() if q or a]
    return SalesReport(month, by_product, by_category)


@dataclasses.dataclass(frozen=True)
class ValuationLine:
    code: str
    name: str
    unit: str
    qty: int
    cost_value: Decimal  # lots at their purchase price; stock without a known cost at retail
    retail_value: Decimal

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "cost_value": f"{self.cost_value:.2f}",
                "retail_value": f"{self.retail_value:.2f}"}


def stock_valuation(store: Store) -> list[ValuationLine]:
    with store.read() as s:
        rows = s.connection().execute(text(
            "SELECT p.code, p.name, p.unit, p.price_fen, st.qty, "
            "(SELECT COALESCE(SUM(l.qty * COALESCE(r.unit_cost_fen, p.price_fen)), 0) FROM supply_lot l "
            " JOIN supply_move r ON r.id = l.lot_id WHERE l.product_id = p.id AND l.qty > 0) AS lot_cost, "
            "(SELECT COALESCE(SUM(l.qty), 0) FROM supply_lot l WHERE l.product_id = p.id AND l.qty > 0) AS lot_qty "
            "FROM supply_product p JOIN supply_stock st ON st.product_id = p.id WHERE st.qty > 0 "
            "ORDER BY p.category, p.code")).all()
    out = []
    for r in rows:
        unlotted = max(0, int(r.qty) - int(r.lot_qty))
        out.append(ValuationLine(r.code, r.name, r.unit, int(r.qty),
                                 from_fen(int(r.lot_cost) + unlotted * int(r.price_fen)),
                                 from_fen(int(r.qty) * int(r.price_fen))))
    return out


def outstanding_credit(store: Store) -> list[dict[str, Any]]:
    return [b.as_dict() for b in credit_balances(store)]


def home_cards(store: Store) -> dict[str, Any]:
    """Counts and the first few items for the home page: low stock, orders due, expiring stock."""
    low = stock_levels(store, low_only=True)
    due = orders_due(store)
    lots = expiring_lots(store, within_days=NEAR_EXPIRY_DAYS)
    return {
        "low_stock": {"count": len(low), "items": [f"{x.name} {x.qty}{x.unit}" for x in low[:5]]},
        "orders_due": {"count": len(due), "items": [f"{o.farmer} {o.wanted_date:%m-%d} {o.status_label}"
                                                    for o in due[:5]]},
        "expiring": {"count": len(lots), "expired": sum(1 for x in lots if x.expired),
                     "items": [f"{x.name} {x.qty}{x.unit} {x.expiry_date.isoformat()}" for x in lots[:5]]},
    }
