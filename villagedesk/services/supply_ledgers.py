"""Purchase ledger (进货台账) and sales ledger (销售台账), per month or per year.

The fields follow what the pesticide regulation asks a dealer to record (《农药管理条例》
第二十四条, 《农药经营许可管理办法》): product name, registration number, specification,
quantity, manufacturer, supplier or buyer, and date; with lot, production date and expiry
for purchases, and the buyer's ID number and use for restricted pesticides (实名购买).

Rows are stock moves, which are append-only. A correction is its own row that names the row
(or the date of the move) it corrects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.money import from_fen
from villagedesk.services.supply_common import category_labels, parse_category, parse_month

KINDS = ("purchase", "sales")


@dataclasses.dataclass(frozen=True)
class LedgerRow:
    no: int
    move_id: str
    date: dt.date
    product: str
    reg_no: str
    spec: str
    unit: str
    qty: int
    maker: str
    party: str  # supplier (purchase) or buyer (sales)
    party_id_number: str  # buyer's ID (restricted pesticides)
    use: str
    lot_no: str
    production_date: dt.date | None
    expiry_date: dt.date | None
    unit_price: Decimal | None
    amount: Decimal | None
    document: str  # sale number
    note: str
    restricted: bool

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        for key in ("date", "production_date", "expiry_date"):
            d[key] = d[key].isoformat() if d[key] else None
        for key in ("unit_price", "amount"):
            d[key] = f"{d[key]:.2f}" if d[key] is not None else None
        return d


@dataclasses.dataclass(frozen=True)
class Ledger:
    kind: str
    title: str
    period: str
    start: dt.date
    end: dt.date  # exclusive
    category: str | None
    rows: list[LedgerRow]
    hall_name: str

    @property
    def total_amount(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.amount is not None), Decimal("0.00"))

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "period": self.period, "category": self.category,
                "hall": self.hall_name, "total_amount": f"{self.total_amount:.2f}",
                "rows": [r.as_dict() for r in self.rows]}


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def period_moves(kinds: tuple[str, ...]) -> str:
    """Rowids of the moves of `kinds` in [:start, :end), and of the moves that correct one of them.

    Two index range scans (kind + date; the few corrections) instead of one scan of every move.
    """
    listed = ", ".join(repr(k) for k in kinds)
    return (f"SELECT rowid FROM supply_move WHERE kind IN ({listed}) AND move_date >= :start AND move_date < :end "
            "UNION ALL SELECT c.rowid FROM supply_move c JOIN supply_move o ON o.id = c.corrects_id "
            "WHERE c.corrects_id IS NOT NULL AND c.move_date >= :start AND c.move_date < :end "
            f"AND o.kind IN ({listed})")


def ledger(store: Store, *, kind: str, period: str, category: str | None = "pesticide") -> Ledger:
    """The ledger of `kind` ('purchase' or 'sales') for a month ('2026-03') or a year ('2026').

    `category` None covers every product; the default is pesticides, which the law requires.
    """
    if kind not in KINDS:
        raise DomainError(tr("Supply", "The ledger is either purchase or sales."), field="kind")
    start, end = parse_month(period)
    cat = parse_category(category) if category else None
    main_kinds = ("receive",) if kind == "purchase" else ("sale", "delivery")
    # The main moves, and the moves (returns, corrections) that refer to one of them.
    sql = (
        "SELECT m.id, m.kind, m.qty, m.move_date, m.lot_id, m.supplier, m.lot_no, m.production_date, "
        "m.expiry_date, m.unit_cost_fen, m.unit_price_fen, m.corrects_id, m.reason, "
        "p.name, p.reg_no, p.spec, p.unit, p.maker, p.restricted, "
        "s.sale_no, s.buyer_name, s.buyer_id_number, s.buyer_use, "
        "o.kind AS orig_kind, o.move_date AS orig_date, lot.lot_no AS lot_lot_no, "
        "lot.production_date AS lot_produced, lot.expiry_date AS lot_expiry, lot.supplier AS lot_supplier "
        "FROM supply_move m JOIN supply_product p ON p.id = m.product_id "
        "LEFT JOIN supply_sale s ON s.id = m.sale_id "
        "LEFT JOIN supply_move o ON o.id = m.corrects_id "
        "LEFT JOIN supply_move lot ON lot.id = m.lot_id "
        f"WHERE m.rowid IN ({period_moves(main_kinds)}) "
        + ("AND p.category = :cat " if cat else "")
        + "ORDER BY m.move_date, m.created_at, m.rowid"
    )
    with store.read() as s:
        rows = s.connection().execute(text(sql), {"start": start.isoformat(), "end": end.isoformat(),
                                                  "cat": cat}).all()
        hall_name = s.connection().execute(text("SELECT name FROM hall")).scalar() or ""
    out: list[LedgerRow] = []
    row_no: dict[str, int] = {}
    for n, r in enumerate(rows, 1):
        row_no[r.id] = n
        qty = r.qty if kind == "purchase" else -r.qty
        note = r.reason or ""
        if r.corrects_id:
            ref = row_no.get(r.corrects_id)
            label = tr("Supply", "Return") if r.kind == "return" else tr("Supply", "Correction")
            where = (tr("Supply", "of row {no}").format(no=ref) if ref else
                     tr("Supply", "of the entry of {date}").format(date=str(r.orig_date)))
            note = f"{label}{where}" + (f": {r.reason}" if r.reason else "")
        price_fen = r.unit_cost_fen if kind == "purchase" else r.unit_price_fen
        unit_price = from_fen(int(price_fen)) if price_fen is not None else None
        out.append(LedgerRow(
            no=n, move_id=r.id, date=_date(r.move_date), product=r.name, reg_no=r.reg_no, spec=r.spec,
            unit=r.unit, qty=int(qty), maker=r.maker,
            party=((r.supplier or r.lot_supplier or "") if kind == "purchase" else (r.buyer_name or tr("Supply", "Walk-in customer"))),
            party_id_number=(r.buyer_id_number or "") if kind == "sales" else "",
            use=(r.buyer_use or "") if kind == "sales" else "",
            lot_no=r.lot_no or r.lot_lot_no or "",
            production_date=_date(r.production_date or r.lot_produced),
            expiry_date=_date(r.expiry_date or r.lot_expiry),
            unit_price=unit_price, amount=unit_price * qty if unit_price is not None else None,
            document=r.sale_no or "", note=note, restricted=bool(r.restricted),
        ))
    period_label = (f"{start.year}年{start.month}月" if (end - start).days < 40 else f"{start.year}年")
    what = category_labels()[cat] if cat else tr("Supply", "Agricultural supplies")
    title = (tr("Supply", "{what} purchase ledger") if kind == "purchase"
             else tr("Supply", "{what} sales ledger")).format(what=what)
    return Ledger(kind, title, period_label, start, end, cat, out, hall_name)
