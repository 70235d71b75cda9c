"""Stock as a ledger of moves: receive, return, stock-take adjustment, write-off, corrections.

The level of a product is SUM(qty) of its moves. Triggers on `supply_move` keep the derived
tables `supply_stock` (per product) and `supply_lot` (per lot) in the same transaction, and
refuse any move that would take a product or lot below zero. Every write runs in
`store.write` (BEGIN IMMEDIATE), so two sales that race are serialised: the second one sees
the stock the first one left.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from villagedesk.db.models.base import new_id
from villagedesk.db.models.supply import SupplyMove, SupplyProduct
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.money import parse_yuan, to_fen
from villagedesk.services.supply_catalogue import CATEGORY_ORDER
from villagedesk.services.supply_common import (
    NEAR_EXPIRY_DAYS,
    get_product,
    move_labels,
    parse_date,
    parse_qty,
)


@dataclasses.dataclass(frozen=True)
class MoveInfo:
    id: str
    product_code: str
    product_name: str
    kind: str
    kind_label: str
    qty: int
    move_date: dt.date
    lot_no: str
    supplier: str
    expiry_date: dt.date | None
    corrects_id: str | None
    reason: str
    sale_id: str | None

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["move_date"] = self.move_date.isoformat()
        d["expiry_date"] = self.expiry_date.isoformat() if self.expiry_date else None
        return d


@dataclasses.dataclass(frozen=True)
class StockLine:
    product_id: str
    code: str
    name: str
    spec: str
    unit: str
    category: str
    qty: int
    low_stock: int
    expired_qty: int

    @property
    def is_low(self) -> bool:
        return self.qty <= self.low_stock

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "is_low": self.is_low}


@dataclasses.dataclass(frozen=True)
class LotAlert:
    lot_id: str
    code: str
    name: str
    unit: str
    lot_no: str
    expiry_date: dt.date
    qty: int
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "expiry_date": self.expiry_date.isoformat(),
                "expired": self.expired}


# -- moves -----------------------------------------------------------------------------------

def add_move(s: Session, **fields: Any) -> SupplyMove:
    """Insert one move; a shortfall caught by the trigger becomes a clerk's message."""
    move = SupplyMove(**fields)
    s.add(move)
    try:
        s.flush()
    except IntegrityError as exc:
        if "VD_STOCK_SHORT" in str(exc.orig):
            raise DomainError(tr("Supply", "Not enough stock for this move.")) from None
        raise
    return move


def on_hand(s: Session, product_id: str) -> int:
    return int(s.connection().execute(text("SELECT qty FROM supply_stock WHERE product_id = :p"),
                                      {"p": product_id}).scalar() or 0)


def _sellable_lots(s: Session, product_id: str, today: dt.date,
                   include_expired: bool) -> tuple[list[tuple[str | None, int]], int]:
    """(lots to take from, first expiring first, with the unlotted rest last; expired qty)."""
    conn = s.connection()
    rows = conn.execute(text(
        "SELECT lot_id, qty, expiry_date FROM supply_lot WHERE product_id = :p AND qty > 0 "
        "ORDER BY expiry_date IS NULL, expiry_date, rowid"), {"p": product_id}).all()
    lots: list[tuple[str | None, int]] = []
    expired = 0
    lotted = 0
    for lot_id, qty, expiry in rows:
        lotted += qty
        expiry_date = dt.date.fromisoformat(expiry) if isinstance(expiry, str) else expiry
        if expiry_date is not None and expiry_date < today and not include_expired:
            expired += qty
            continue
        lots.append((lot_id, qty))
    unlotted = on_hand(s, product_id) - lotted
    if unlotted > 0:
        lots.append((None, unlotted))
    return lots, expired


def allocate(s: Session, product: SupplyProduct, qty: int, today: dt.date, *,
             include_expired: bool = False) -> list[tuple[str | None, int]]:
    """Split `qty` over lots, first expiring first; refuse with how many are left."""
    lots, expired = _sellable_lots(s, product.id, today, include_expired)
    available = sum(q for _, q in lots)
    if qty > available:
        message = tr("Supply", "Only {left} {unit} of {name} left; cannot take {qty}.").format(
            left=available, unit=product.unit, name=product.name, qty=qty)
        if expired:
            message += tr("Supply", " ({expired} more are past their expiry date and may not be sold.)").format(
                expired=expired)
        raise DomainError(message, field="qty", kind="short")
    plan: list[tuple[str | None, int]] = []
    rest = qty
    for lot_id, lot_qty in lots:
        take = min(rest, lot_qty)
        if take:
            plan.append((lot_id, take))
            rest -= take
        if not rest:
            break
    return plan


def receive(store: Store, *, actor: Actor, product: str, qty: object, supplier: str = "",
            lot_no: str = "", production_date: object = None, expiry_date: object = None,
            unit_cost: object = None, move_date: object = None) -> MoveInfo:
    """入库: goods received from a supplier; each receipt is a lot."""
    require(actor, "supply")
    qty_n = parse_qty(qty)
    produced = parse_date(production_date, field="production_date") if production_date else None
    expires = parse_date(expiry_date, field="expiry_date") if expiry_date else None
    if produced and expires and expires <= produced:
        raise DomainError(tr("Supply", "The expiry date must be after the production date."),
                          field="expiry_date")
    cost_fen = to_fen(parse_yuan(str(unit_cost), field="unit_cost")) if unit_cost not in (None, "") else None
    with store.write(actor) as s:
        p = get_product(s, product)
        if p.category == "pesticide" and not supplier.strip():
            raise DomainError(tr("Supply", "The pesticide purchase ledger needs the supplier (供货人)."),
                              field="supplier")
        mid = new_id()
        move = add_move(
            s, id=mid, product_id=p.id, kind="receive", qty=qty_n,
            move_date=parse_date(move_date) if move_date else store.clock.today(),
            lot_id=mid, supplier=supplier.strip(), lot_no=lot_no.strip(), production_date=produced,
            expiry_date=expires, unit_cost_fen=cost_fen,
        )
        return _move_info(move, p)


def _move_info(m: SupplyMove, p: SupplyProduct) -> MoveInfo:
    return MoveInfo(m.id, p.code, p.name, m.kind, move_labels().get(m.kind, m.kind), m.qty, m.move_date,
                    m.lot_no, m.supplier, m.expiry_date, m.corrects_id, m.reason, m.sale_id)


def _out(store: Store, actor: Actor, product: str, qty: int, kind: str, reason: str,
         lot_id: str | None = None, include_expired: bool = False) -> list[MoveInfo]:
    with store.write(actor) as s:
        p = get_product(s, product)
        today = store.clock.today()
        if lot_id:
            plan = [(lot_id, qty)]
            left = s.connection().execute(text("SELECT qty FROM supply_lot WHERE lot_id = :l AND product_id = :p"),
                                          {"l": lot_id, "p": p.id}).scalar()
            if left is None:
                raise NotFoundError(tr("Supply", "No such lot of this product."), field="lot")
            if qty > left:
                raise DomainError(tr("Supply", "Only {left} {unit} of {name} left; cannot take {qty}.").format(
                    left=left, unit=p.unit, name=p.name, qty=qty), field="qty", kind="short")
        else:
            plan = allocate(s, p, qty, today, include_expired=include_expired)
        return [_move_info(add_move(s, product_id=p.id, kind=kind, qty=-take, move_date=today,
                                    lot_id=lid, reason=reason), p) for lid, take in plan]


def write_off(store: Store, *, actor: Actor, product: str, qty: object, reason: str,
              lot_id: str | None = None) -> list[MoveInfo]:
    """报损: damaged or expired goods leave stock (expired lots first)."""
    require(actor, "supply")
    if not reason.strip():
        raise DomainError(tr("Supply", "Say why the goods are written off."), field="reason")
    return _out(store, actor, product, parse_qty(qty), "writeoff", reason.strip(), lot_id,
                include_expired=True)


def stock_take(store: Store, *, actor: Actor, product: str, counted: object, reason: str) -> list[MoveInfo]:
    """盘点调整: the count differs from the books; a move with the difference and a reason."""
    require(actor, "supply")
    counted_n = parse_qty(counted, field="counted", allow_zero=True)
    if not reason.strip():
        raise DomainError(tr("Supply", "A stock-take adjustment needs a reason."), field="reason")
    with store.read() as s:
        p = get_product(s, product)
        current = on_hand(s, p.id)
    delta = counted_n - current
    if delta == 0:
        return []
    if delta < 0:
        return _out(store, actor, p.code, -delta, "adjust", reason.strip(), include_expired=True)
    with store.write(actor) as s:
        p = get_product(s, p.code)
        move = add_move(s, product_id=p.id, kind="adjust", qty=delta, move_date=store.clock.today(),
                        reason=reason.strip())
        return [_move_info(move, p)]


def find_move(s: Session, ref: str) -> SupplyMove:
    """A move by its id or by the first 8 or more characters of it (as the ledgers print it)."""
    ref = (ref or "").strip().lower()
    move = s.get(SupplyMove, ref) if ref else None
    if move is None and len(ref) >= 8:
        ids = s.connection().execute(text("SELECT id FROM supply_move WHERE id >= :lo AND id < :hi LIMIT 2"),
                                     {"lo": ref, "hi": ref + "~"}).scalars().all()
        if len(ids) == 1:
            move = s.get(SupplyMove, ids[0])
    if move is None:
        raise NotFoundError(tr("Supply", "No such stock move."), field="move")
    return move


def correct_move(store: Store, *, actor: Actor, move_id: str, qty: object, reason: str) -> MoveInfo:
    """A mistake in a move is corrected by a new move that refers to it, never by editing it.

    `qty` is what the move should have said (as a positive number of units).
    """
    require(actor, "supply")
    right = parse_qty(qty, allow_zero=True)
    if not reason.strip():
        raise DomainError(tr("Supply", "A correction needs a reason."), field="reason")
    with store.write(actor) as s:
        old = find_move(s, move_id)
        if old.kind == "correction":
            raise DomainError(tr("Supply", "Correct the original move, not a correction."))
        already = int(s.connection().execute(text(
            "SELECT COALESCE(SUM(qty), 0) FROM supply_move WHERE corrects_id = :m"), {"m": old.id}).scalar_one())
        effective = old.qty + already
        wanted = right if old.qty > 0 else -right
        delta = wanted - effective
        if delta == 0:
            raise DomainError(tr("Supply", "The move already says {qty}.").format(qty=right), field="qty")
        p = s.get(SupplyProduct, old.product_id)
        assert p is not None
        try:
            move = add_move(s, product_id=old.product_id, kind="correction", qty=delta,
                            move_date=store.clock.today(), lot_id=old.lot_id, corrects_id=old.id,
                            reason=reason.strip(), sale_id=old.sale_id, unit_price_fen=old.unit_price_fen,
                            unit_cost_fen=old.unit_cost_fen)
        except DomainError:
            raise DomainError(tr("Supply", "This correction would take the stock below zero: "
                                 "part of that lot has already left.")) from None
        return _move_info(move, p)


# -- levels and alerts --------------------------------------------------------------------------

def stock_levels(store: Store, *, low_only: bool = False, category: str | None = None,
                 product_ids: list[str] | None = None) -> list[StockLine]:
    """Stock per active product, from the derived per-product balance."""
    today = store.clock.today().isoformat()
    where = ["p.status = 'active'"]
    params: dict[str, Any] = {"today": today}
    if low_only:
        # Only products the hall carries (ever received) can run low.
        where.append("st.product_id IS NOT NULL AND st.qty <= p.low_stock")
    if category:
        where.append("p.category = :cat")
        params["cat"] = category
    if product_ids is not None:
        where.append("p.id IN (SELECT value FROM json_each(:ids))")
        import json

        params["ids"] = json.dumps(product_ids)
    sql = ("SELECT p.id, p.code, p.name, p.spec, p.unit, p.category, COALESCE(st.qty, 0) AS qty, p.low_stock "
           "FROM supply_product p LEFT JOIN supply_stock st ON st.product_id = p.id "
           f"WHERE {' AND '.join(where)} ORDER BY {CATEGORY_ORDER}, p.code")
    with store.read() as s:
        # Plain DB-API rows: for 2,000 products the SQLAlchemy row wrappers cost as much as the query.
        raw = s.connection().connection.dbapi_connection
        assert raw is not None
        rows = raw.execute(sql, params).fetchall()
        expired = dict(raw.execute(
            "SELECT product_id, SUM(qty) FROM supply_lot WHERE expiry_date < :today AND qty > 0 "
            "GROUP BY product_id", {"today": today}).fetchall())
    return [StockLine(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], expired.get(r[0], 0)) for r in rows]


def expiring_lots(store: Store, *, within_days: int = NEAR_EXPIRY_DAYS) -> list[LotAlert]:
    """Lots still in stock that are past their expiry date or expire within `within_days`."""
    today = store.clock.today()
    limit = today + dt.timedelta(days=within_days)
    with store.read() as s:
        rows = s.connection().execute(text(
            "SELECT l.lot_id, p.code, p.name, p.unit, m.lot_no, l.expiry_date, l.qty "
            "FROM supply_lot l JOIN supply_product p ON p.id = l.product_id "
            "JOIN supply_move m ON m.id = l.lot_id "
            "WHERE l.qty > 0 AND l.expiry_date IS NOT NULL AND l.expiry_date <= :lim "
            "ORDER BY l.expiry_date, p.code"), {"lim": limit.isoformat()}).all()
    out = []
    for r in rows:
        expiry = dt.date.fromisoformat(r.expiry_date) if isinstance(r.expiry_date, str) else r.expiry_date
        out.append(LotAlert(r.lot_id, r.code, r.name, r.unit, r.lot_no, expiry, int(r.qty),
                            (expiry - today).days))
    return out


def lots_of(store: Store, *, product: str) -> list[dict[str, Any]]:
    with store.read() as s:
        p = get_product(s, product)
        rows = s.connection().execute(text(
            "SELECT l.lot_id, m.lot_no, m.supplier, m.production_date, l.expiry_date, l.qty "
            "FROM supply_lot l JOIN supply_move m ON m.id = l.lot_id WHERE l.product_id = :p AND l.qty > 0 "
            "ORDER BY l.expiry_date IS NULL, l.expiry_date"), {"p": p.id}).all()
    return [dict(r._mapping) for r in rows]


def moves_of(store: Store, *, product: str, limit: int = 200) -> list[MoveInfo]:
    with store.read() as s:
        p = get_product(s, product)
        rows = s.connection().execute(text(
            "SELECT id FROM supply_move WHERE product_id = :p ORDER BY move_date DESC, created_at DESC LIMIT :n"),
            {"p": p.id, "n": limit}).scalars().all()
        return [_move_info(s.get(SupplyMove, mid), p) for mid in rows]  # type: ignore[arg-type]


def sum_of_moves(store: Store, *, product: str) -> int:
    """The stock level computed straight from the moves (what the derived table must equal)."""
    with store.read() as s:
        p = get_product(s, product)
        return int(s.connection().execute(text("SELECT COALESCE(SUM(qty), 0) FROM supply_move WHERE product_id = :p"),
                                          {"p": p.id}).scalar_one())


def balance_mismatches(store: Store) -> list[tuple[str, int, int]]:
    """(product_id, derived, from moves) for every product where the two disagree."""
    with store.read() as s:
        rows = s.connection().execute(text(
            "SELECT p.id, COALESCE(st.qty, 0), COALESCE(m.total, 0) FROM supply_product p "
            "LEFT JOIN supply_stock st ON st.product_id = p.id "
            "LEFT JOIN (SELECT product_id, SUM(qty) AS total FROM supply_move GROUP BY product_id) m "
            "ON m.product_id = p.id WHERE COALESCE(st.qty, 0) != COALESCE(m.total, 0)")).all()
    return [(r[0], int(r[1]), int(r[2])) for r in rows]


def rebuild_balances(store: Store) -> None:
    """Recompute the derived balances from the moves (after a restore, or to check)."""
    with store.write(None) as s:
        conn = s.connection()
        conn.execute(text("DELETE FROM supply_stock"))
        conn.execute(text("DELETE FROM supply_lot"))
        conn.execute(text("INSERT INTO supply_stock (product_id, qty) "
                          "SELECT product_id, SUM(qty) FROM supply_move GROUP BY product_id"))
        conn.execute(text(
            "INSERT INTO supply_lot (lot_id, product_id, expiry_date, qty) "
            "SELECT m.lot_id, m.product_id, r.expiry_date, SUM(m.qty) FROM supply_move m "
            "JOIN supply_move r ON r.id = m.lot_id WHERE m.lot_id IS NOT NULL GROUP BY m.lot_id"))
