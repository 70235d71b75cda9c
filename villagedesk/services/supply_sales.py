"""Counter sales, customer returns, credit (赊销) balances and repayments.

A sale is a header (`supply_sale`) and its lines are the sale moves. Both are append-only.
A restricted pesticide (限制使用农药) is sold only to a buyer who gives a valid ID number and
the crop or use; the sale is refused otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from villagedesk.db.models.residents import Household, Resident
from villagedesk.db.models.supply import SupplyCredit, SupplyMove, SupplyProduct, SupplySale
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.idcard import check_id_number, mask_id
from villagedesk.services.money import from_fen, parse_yuan, to_chinese_capital, to_fen
from villagedesk.services.supply_common import (
    get_product,
    next_number,
    parse_pay,
    parse_qty,
    pay_labels,
)
from villagedesk.services.supply_stock import add_move, allocate


@dataclasses.dataclass(frozen=True)
class SaleLine:
    code: str
    name: str
    spec: str
    unit: str
    qty: int
    unit_price: Decimal
    amount: Decimal
    reg_no: str
    restricted: bool
    returned: int = 0


@dataclasses.dataclass(frozen=True)
class SaleDetail:
    id: str
    sale_no: str
    sale_date: dt.date
    channel: str
    pay_method: str
    pay_label: str
    total: Decimal
    total_capital: str
    buyer_name: str
    buyer_id_number: str
    buyer_id_masked: str
    buyer_use: str
    buyer_resident_id: str | None
    staff_name: str
    lines: list[SaleLine]
    order_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["sale_date"] = self.sale_date.isoformat()
        d["total"] = f"{self.total:.2f}"
        for line in d["lines"]:
            line["unit_price"] = f"{line['unit_price']:.2f}"
            line["amount"] = f"{line['amount']:.2f}"
        d.pop("buyer_id_number")
        return d


@dataclasses.dataclass(frozen=True)
class CreditBalance:
    resident_id: str
    name: str
    village_group: str
    phone: str
    balance: Decimal
    last_entry: dt.date

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "balance": f"{self.balance:.2f}",
                "last_entry": self.last_entry.isoformat()}


@dataclasses.dataclass(frozen=True)
class CreditEntry:
    entry_date: dt.date
    kind: str
    amount: Decimal
    sale_no: str
    pay_method: str
    note: str
    balance_after: Decimal


def find_resident(s: Session, ref: str) -> Resident:
    """A resident by id, ID number, or a unique name."""
    ref = unicodedata.normalize("NFKC", ref or "").strip()
    r = s.get(Resident, ref) if ref else None
    if r is None and ref:
        r = s.exec(select(Resident).where(Resident.id_number == ref.upper())).first()
    if r is None and ref:
        same = s.exec(select(Resident).where(Resident.name == ref)).all()
        if len(same) > 1:
            raise DomainError(tr("Supply", "Several residents are called {name}; give the ID number.")
                              .format(name=ref), field="buyer")
        r = same[0] if same else None
    if r is None:
        raise NotFoundError(tr("Supply", "No resident {ref}. Register the farmer first.").format(ref=ref),
                            field="buyer")
    return r


Item = tuple[str, object] | tuple[str, object, object]


def sell(store: Store, *, actor: Actor, items: Sequence[Item], pay: str = "cash",
         buyer: str | None = None, buyer_name: str = "", buyer_id_number: str = "", use: str = "",
         channel: str = "counter", order_id: str | None = None, note: str = "",
         session: Session | None = None) -> SaleDetail:
    """Sell `items` [(product, qty) or (product, qty, unit price)] in one transaction.

    Refused, with how many are left, when any line is beyond the stock on hand.
    """
    require(actor, "supply")
    if not items:
        raise DomainError(tr("Supply", "Add at least one product to the sale."), field="items")
    pay_method = parse_pay(pay)
    if session is not None:
        sale_id = _sell_in(session, store, actor, items, pay_method, buyer, buyer_name, buyer_id_number,
                           use, channel, order_id, note)
        return sale_detail_in(session, sale_id)
    with store.write(actor) as s:
        sale_id = _sell_in(s, store, actor, items, pay_method, buyer, buyer_name, buyer_id_number, use,
                           channel, order_id, note)
    return get_sale(store, sale=sale_id)


def _sell_in(s: Session, store: Store, actor: Actor, items: Sequence[Item], pay_method: str,
             buyer: str | None, buyer_name: str, buyer_id_number: str, use: str, channel: str,
             order_id: str | None, note: str) -> str:
    today = store.clock.today()
    resident = find_resident(s, buyer) if buyer else None
    lines: list[tuple[SupplyProduct, int, int]] = []
    for item in items:
        product = get_product(s, str(item[0]))
        if product.status != "active":
            raise DomainError(tr("Supply", "{name} is no longer sold.").format(name=product.name), field="product")
        qty = parse_qty(item[1])
        price_fen = to_fen(parse_yuan(str(item[2]), field="price")) if len(item) > 2 and item[2] is not None \
            else product.price_fen
        lines.append((product, qty, price_fen))
    # 实名购买: a restricted pesticide needs a valid ID number and the crop or use.
    id_number = buyer_id_number.strip() or (resident.id_number if resident else "")
    name = buyer_name.strip() or (resident.name if resident else "")
    restricted = [p for p, _, _ in lines if p.restricted]
    if restricted:
        names = "、".join(p.name for p in restricted)
        if not id_number:
            raise DomainError(tr("Supply", "{names} is a restricted pesticide: enter the buyer's ID number "
                                 "(real-name purchase).").format(names=names), field="buyer_id", kind="restricted")
        check = check_id_number(id_number, today=today)
        if not check.ok:
            raise DomainError(tr("Supply", "The buyer's ID number is not valid: {message}").format(
                message=check.message), field="buyer_id", kind="restricted")
        id_number = check.normalized
        if not use.strip():
            raise DomainError(tr("Supply", "{names} is a restricted pesticide: enter the crop or use it is "
                                 "bought for.").format(names=names), field="use", kind="restricted")
        if resident is None:
            resident = s.exec(select(Resident).where(Resident.id_number == id_number)).first()
            name = name or (resident.name if resident else "")
    elif id_number:
        check = check_id_number(id_number, today=today)
        if not check.ok:
            raise DomainError(tr("Supply", "The buyer's ID number is not valid: {message}").format(
                message=check.message), field="buyer_id")
        id_number = check.normalized
    if pay_method == "credit" and resident is None:
        raise DomainError(tr("Supply", "A sale on credit needs the buyer: choose the farmer (a resident)."),
                          field="buyer")
    total = sum(q * price for _, q, price in lines)
    sale = SupplySale(
        sale_no=next_number(s, store, "XS", today.year), sale_date=today, channel=channel,
        pay_method=pay_method, total_fen=total, buyer_resident_id=resident.id if resident else None,
        buyer_name=name, buyer_id_number=id_number, buyer_use=use.strip(), order_id=order_id,
        staff_name=actor.name if actor else "", note=note,
    )
    s.add(sale)
    s.flush()
    kind = "delivery" if channel == "delivery" else "sale"
    for product, qty, price_fen in lines:
        # Same product twice in one sale: the allocation sees the first line's moves.
        for lot_id, take in allocate(s, product, qty, today):
            add_move(s, product_id=product.id, kind=kind, qty=-take, move_date=today, lot_id=lot_id,
                     unit_price_fen=price_fen, sale_id=sale.id, order_id=order_id)
    if pay_method == "credit":
        assert resident is not None
        s.add(SupplyCredit(resident_id=resident.id, kind="charge", amount_fen=total, entry_date=today,
                           sale_id=sale.id, note=sale.sale_no))
    s.flush()
    return sale.id


def find_sale(s: Session, ref: str) -> SupplySale:
    """By full number (XS-XG0203-01-2026-000001), its tail (000001 or 1, this year first), or id."""
    ref = unicodedata.normalize("NFKC", ref or "").strip().upper()
    sale = s.exec(select(SupplySale).where(SupplySale.sale_no == ref)).first() or s.get(SupplySale, ref.lower())
    if sale is None and re.fullmatch(r"\d{1,6}", ref):
        sale = s.exec(select(SupplySale).where(SupplySale.sale_no.like(f"%-{int(ref):06d}"))  # type: ignore[attr-defined]
                      .order_by(SupplySale.sale_date.desc())).first()  # type: ignore[attr-defined]
    if sale is None:
        raise NotFoundError(tr("Supply", "No sale {ref}.").format(ref=ref), field="sale")
    return sale


def sale_detail_in(s: Session, ref: str) -> SaleDetail:
    sale = find_sale(s, ref)
    rows = s.connection().execute(text(
        "SELECT p.code, p.name, p.spec, p.unit, p.reg_no, p.restricted, m.unit_price_fen, "
        "-SUM(CASE WHEN m.kind IN ('sale','delivery') THEN m.qty ELSE 0 END) AS qty, "
        "SUM(CASE WHEN m.kind IN ('return','correction') THEN m.qty ELSE 0 END) AS returned, MIN(m.rowid) AS o "
        "FROM supply_move m JOIN supply_product p ON p.id = m.product_id WHERE m.sale_id = :s "
        "GROUP BY p.id, m.unit_price_fen ORDER BY o"), {"s": sale.id}).all()
    lines = [SaleLine(r.code, r.name, r.spec, r.unit, int(r.qty), from_fen(int(r.unit_price_fen)),
                      from_fen(int(r.qty) * int(r.unit_price_fen)), r.reg_no, bool(r.restricted), int(r.returned))
             for r in rows if r.qty]
    total = from_fen(sale.total_fen)
    return SaleDetail(
        id=sale.id, sale_no=sale.sale_no, sale_date=sale.sale_date, channel=sale.channel,
        pay_method=sale.pay_method, pay_label=pay_labels().get(sale.pay_method, sale.pay_method),
        total=total, total_capital=to_chinese_capital(total), buyer_name=sale.buyer_name,
        buyer_id_number=sale.buyer_id_number,
        buyer_id_masked=mask_id(sale.buyer_id_number) if sale.buyer_id_number else "",
        buyer_use=sale.buyer_use, buyer_resident_id=sale.buyer_resident_id, staff_name=sale.staff_name,
        lines=lines, order_id=sale.order_id,
    )


def get_sale(store: Store, *, sale: str) -> SaleDetail:
    with store.read() as s:
        return sale_detail_in(s, sale)


def recent_sales(store: Store, *, limit: int = 50, day: dt.date | None = None) -> list[dict[str, Any]]:
    where, params = "", {"n": limit}
    if day is not None:
        where, params = "WHERE sale_date = :d", {"n": limit, "d": day.isoformat()}
    with store.read() as s:
        rows = s.connection().execute(text(
            f"SELECT sale_no, sale_date, buyer_name, pay_method, total_fen FROM supply_sale {where} "
            "ORDER BY rowid DESC LIMIT :n"), params).all()
    return [{"sale_no": r.sale_no, "sale_date": str(r.sale_date), "buyer_name": r.buyer_name,
             "pay_method": r.pay_method, "total": f"{from_fen(int(r.total_fen)):.2f}"} for r in rows]


def return_goods(store: Store, *, actor: Actor, sale: str, product: str, qty: object, reason: str) -> SaleDetail:
    """退货: a buyer brings goods back. New moves refer to the sale's moves; credit is reversed."""
    require(actor, "supply")
    qty_n = parse_qty(qty)
    if not reason.strip():
        raise DomainError(tr("Supply", "Say why the goods come back."), field="reason")
    with store.write(actor) as s:
        sold = find_sale(s, sale)
        p = get_product(s, product)
        moves = s.exec(select(SupplyMove).where(SupplyMove.sale_id == sold.id, SupplyMove.product_id == p.id)
                       .order_by(SupplyMove.created_at)).all()
        out = [m for m in moves if m.kind in ("sale", "delivery")]
        back = {m.corrects_id: 0 for m in moves}
        for m in moves:
            if m.kind in ("return", "correction") and m.corrects_id:
                back[m.corrects_id] = back.get(m.corrects_id, 0) + m.qty
        returnable = sum(-m.qty - back.get(m.id, 0) for m in out)
        if qty_n > returnable:
            raise DomainError(tr("Supply", "Only {left} {unit} of {name} from this sale can be returned.").format(
                left=returnable, unit=p.unit, name=p.name), field="qty")
        rest, refund = qty_n, 0
        for m in out:
            can = -m.qty - back.get(m.id, 0)
            take = min(can, rest)
            if take <= 0:
                continue
            add_move(s, product_id=p.id, kind="return", qty=take, move_date=store.clock.today(),
                     lot_id=m.lot_id, unit_price_fen=m.unit_price_fen, sale_id=sold.id, corrects_id=m.id,
                     reason=reason.strip(), order_id=m.order_id)
            refund += take * (m.unit_price_fen or 0)
            rest -= take
            if not rest:
                break
        if sold.pay_method == "credit" and sold.buyer_resident_id and refund:
            s.add(SupplyCredit(resident_id=sold.buyer_resident_id, kind="reverse", amount_fen=-refund,
                               entry_date=store.clock.today(), sale_id=sold.id,
                               note=tr("Supply", "Return: {reason}").format(reason=reason.strip())))
        sid = sold.id
    return get_sale(store, sale=sid)


# -- credit ------------------------------------------------------------------------------------

def outstanding(store: Store, *, resident: str) -> Decimal:
    with store.read() as s:
        r = find_resident(s, resident)
        return from_fen(int(s.connection().execute(text(
            "SELECT COALESCE(SUM(amount_fen), 0) FROM supply_credit WHERE resident_id = :r"),
            {"r": r.id}).scalar_one()))


def repay(store: Store, *, actor: Actor, resident: str, amount: object, pay: str = "cash",
          note: str = "") -> Decimal:
    """还款: a farmer pays back credit. Returns the balance left."""
    require(actor, "supply")
    amount_fen = to_fen(parse_yuan(str(amount), field="amount"))
    if amount_fen <= 0:
        raise DomainError(tr("Supply", "Enter the amount paid back."), field="amount")
    method = parse_pay(pay)
    if method == "credit":
        raise DomainError(tr("Supply", "A repayment is paid in cash or by mobile payment."), field="pay")
    with store.write(actor) as s:
        r = find_resident(s, resident)
        owed = int(s.connection().execute(text(
            "SELECT COALESCE(SUM(amount_fen), 0) FROM supply_credit WHERE resident_id = :r"),
            {"r": r.id}).scalar_one())
        if amount_fen > owed:
            raise DomainError(tr("Supply", "{name} owes only ¥{owed}.").format(
                name=r.name, owed=f"{from_fen(owed):.2f}"), field="amount")
        s.add(SupplyCredit(resident_id=r.id, kind="repay", amount_fen=-amount_fen,
                           entry_date=store.clock.today(), pay_method=method, note=note.strip()))
        return from_fen(owed - amount_fen)


def credit_balances(store: Store, *, include_settled: bool = False) -> list[CreditBalance]:
    """Per-farmer outstanding credit, largest first."""
    having = "" if include_settled else "HAVING SUM(c.amount_fen) != 0"
    with store.read() as s:
        rows = s.connection().execute(text(
            "SELECT r.id, r.name, h.village_group, r.phone, SUM(c.amount_fen) AS bal, MAX(c.entry_date) AS last "
            "FROM supply_credit c JOIN resident r ON r.id = c.resident_id "
            "JOIN household h ON h.id = r.household_id "
            f"GROUP BY r.id {having} ORDER BY bal DESC")).all()
    return [CreditBalance(r.id, r.name, r.village_group, r.phone, from_fen(int(r.bal)),
                          dt.date.fromisoformat(str(r.last))) for r in rows]


def credit_history(store: Store, *, resident: str) -> list[CreditEntry]:
    with store.read() as s:
        r = find_resident(s, resident)
        rows = s.connection().execute(text(
            "SELECT c.entry_date, c.kind, c.amount_fen, COALESCE(x.sale_no, '') AS sale_no, c.pay_method, c.note "
            "FROM supply_credit c LEFT JOIN supply_sale x ON x.id = c.sale_id WHERE c.resident_id = :r "
            "ORDER BY c.entry_date, c.rowid"), {"r": r.id}).all()
    out, running = [], 0
    for row in rows:
        running += int(row.amount_fen)
        out.append(CreditEntry(dt.date.fromisoformat(str(row.entry_date)), row.kind, from_fen(int(row.amount_fen)),
                               row.sale_no, row.pay_method, row.note, from_fen(running)))
    return out


def household_of(s: Session, resident: Resident) -> Household | None:
    return s.get(Household, resident.household_id)
