"""Farmer orders (需求登记) and delivery runs (配送).

Status: registered 登记 → preparing 备货 → delivering 配送中 → delivered 已送达, or cancelled 已取消.
Goods leave stock when the order goes out (配送出库, a delivery sale); a pickup order leaves
stock when it is handed over. Cancelling an order that is already out returns the goods.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from villagedesk.db.models.residents import Household
from villagedesk.db.models.supply import SupplyOrder, SupplyOrderItem, SupplyRun
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.money import from_fen
from villagedesk.services.supply_common import (
    get_product,
    next_number,
    order_status_labels,
    parse_date,
    parse_pay,
    parse_qty,
    pay_labels,
)
from villagedesk.services.supply_sales import find_resident, return_goods, sale_detail_in, sell

NEXT = {
    "registered": ("preparing", "cancelled"),
    "preparing": ("delivering", "delivered", "cancelled"),
    "delivering": ("delivered", "cancelled"),
    "delivered": (),
    "cancelled": (),
}


@dataclasses.dataclass(frozen=True)
class OrderLine:
    code: str
    name: str
    spec: str
    unit: str
    qty: int
    unit_price: Decimal
    amount: Decimal


@dataclasses.dataclass(frozen=True)
class OrderDetail:
    id: str
    order_no: str
    resident_id: str
    farmer: str
    phone: str
    village_group: str
    address: str
    wanted_date: dt.date
    fulfilment: str
    status: str
    status_label: str
    pay_method: str
    pay_label: str
    total: Decimal
    lines: list[OrderLine]
    run_id: str | None
    sale_no: str
    note: str

    @property
    def to_collect(self) -> Decimal:
        return Decimal("0.00") if self.pay_method == "credit" else self.total

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["wanted_date"] = self.wanted_date.isoformat()
        d["total"] = f"{self.total:.2f}"
        d["to_collect"] = f"{self.to_collect:.2f}"
        for line in d["lines"]:
            line["unit_price"] = f"{line['unit_price']:.2f}"
            line["amount"] = f"{line['amount']:.2f}"
        return d


@dataclasses.dataclass(frozen=True)
class RunSheet:
    id: str
    run_no: str
    run_date: dt.date
    groups: list[str]
    driver: str
    status: str
    stops: list[OrderDetail]

    @property
    def total_to_collect(self) -> Decimal:
        return sum((o.to_collect for o in self.stops), Decimal("0.00"))

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "run_no": self.run_no, "run_date": self.run_date.isoformat(),
                "groups": self.groups, "driver": self.driver, "status": self.status,
                "total_to_collect": f"{self.total_to_collect:.2f}",
                "stops": [o.as_dict() for o in self.stops]}


def _find_order(s: Session, ref: str) -> SupplyOrder:
    ref = (ref or "").strip()
    order = s.exec(select(SupplyOrder).where(SupplyOrder.order_no == ref.upper())).first() or s.get(SupplyOrder, ref)
    if order is None and ref.isdigit():
        order = s.exec(select(SupplyOrder).where(SupplyOrder.order_no.like(f"%-{int(ref):06d}"))  # type: ignore[attr-defined]
                       .order_by(SupplyOrder.wanted_date.desc())).first()  # type: ignore[attr-defined]
    if order is None:
        raise NotFoundError(tr("Supply", "No order {ref}.").format(ref=ref), field="order")
    return order


def _detail(s: Session, order: SupplyOrder) -> OrderDetail:
    rows = s.connection().execute(text(
        "SELECT p.code, p.name, p.spec, p.unit, i.qty, i.unit_price_fen FROM supply_order_item i "
        "JOIN supply_product p ON p.id = i.product_id WHERE i.order_id = :o ORDER BY i.rowid"),
        {"o": order.id}).all()
    lines = [OrderLine(r.code, r.name, r.spec, r.unit, int(r.qty), from_fen(int(r.unit_price_fen)),
                       from_fen(int(r.qty) * int(r.unit_price_fen))) for r in rows]
    farmer = s.connection().execute(text("SELECT name FROM resident WHERE id = :r"),
                                    {"r": order.resident_id}).scalar_one()
    sale_no = ""
    if order.sale_id:
        sale_no = s.connection().execute(text("SELECT sale_no FROM supply_sale WHERE id = :i"),
                                         {"i": order.sale_id}).scalar_one()
    return OrderDetail(
        id=order.id, order_no=order.order_no, resident_id=order.resident_id, farmer=farmer, phone=order.phone,
        village_group=order.village_group, address=order.address, wanted_date=order.wanted_date,
        fulfilment=order.fulfilment, status=order.status,
        status_label=order_status_labels().get(order.status, order.status), pay_method=order.pay_method,
        pay_label=pay_labels().get(order.pay_method, order.pay_method),
        total=sum((line.amount for line in lines), Decimal("0.00")), lines=lines, run_id=order.run_id,
        sale_no=sale_no, note=order.note,
    )


def register_order(store: Store, *, actor: Actor, farmer: str, items: Sequence[tuple[str, object]],
                   wanted_date: object, fulfilment: str = "delivery", pay: str = "cash", use: str = "",
                   note: str = "") -> OrderDetail:
    """需求登记: what a farmer needs, by when, delivered or picked up. Prices are fixed now."""
    require(actor, "supply")
    if not items:
        raise DomainError(tr("Supply", "Add at least one product to the order."), field="items")
    if fulfilment not in ("delivery", "pickup"):
        fulfilment = {"配送": "delivery", "送货": "delivery", "自提": "pickup"}.get(fulfilment, "")
        if not fulfilment:
            raise DomainError(tr("Supply", "Choose delivery or pickup."), field="fulfilment")
    wanted = parse_date(wanted_date, field="wanted_date")
    if wanted < store.clock.today():
        raise DomainError(tr("Supply", "The date wanted is in the past."), field="wanted_date")
    method = parse_pay(pay)
    with store.write(actor) as s:
        r = find_resident(s, farmer)
        if r.status != "active":
            raise DomainError(tr("Supply", "{name} is no longer on the register.").format(name=r.name), field="farmer")
        household = s.get(Household, r.household_id)
        lines = []
        for product_ref, qty in items:
            p = get_product(s, str(product_ref))
            if p.restricted and not use.strip():
                raise DomainError(tr("Supply", "{names} is a restricted pesticide: enter the crop or use it is "
                                     "bought for.").format(names=p.name), field="use", kind="restricted")
            lines.append((p, parse_qty(qty)))
        order = SupplyOrder(
            order_no=next_number(s, store, "XQ", store.clock.today().year), resident_id=r.id, wanted_date=wanted,
            fulfilment=fulfilment, village_group=household.village_group if household else "",
            address=(household.address if household else "") or "", phone=r.phone, pay_method=method,
            buyer_use=use.strip(), note=note.strip(),
        )
        s.add(order)
        s.flush()
        for p, qty in lines:
            s.add(SupplyOrderItem(order_id=order.id, product_id=p.id, qty=qty, unit_price_fen=p.price_fen))
        s.flush()
        return _detail(s, order)


def get_order(store: Store, *, order: str) -> OrderDetail:
    with store.read() as s:
        return _detail(s, _find_order(s, order))


def list_orders(store: Store, *, status: str | None = None, open_only: bool = False,
                due_by: dt.date | None = None, run_id: str | None = None, limit: int = 500) -> list[OrderDetail]:
    query = select(SupplyOrder)
    if status:
        query = query.where(SupplyOrder.status == status)
    if open_only:
        query = query.where(SupplyOrder.status.in_(("registered", "preparing", "delivering")))  # type: ignore[attr-defined]
    if due_by is not None:
        query = query.where(SupplyOrder.wanted_date <= due_by)
    if run_id is not None:
        query = query.where(SupplyOrder.run_id == run_id)
    with store.read() as s:
        rows = s.exec(query.order_by(SupplyOrder.wanted_date, SupplyOrder.village_group).limit(limit)).all()
        return [_detail(s, o) for o in rows]


def orders_due(store: Store, *, within_days: int = 2) -> list[OrderDetail]:
    """Open orders wanted by today + `within_days` (a home card)."""
    return list_orders(store, open_only=True, due_by=store.clock.today() + dt.timedelta(days=within_days))


def _deliver_out(s: Session, store: Store, actor: Actor, order: SupplyOrder) -> None:
    """Goods leave stock for this order: one sale (配送出库 or pickup) at the agreed prices."""
    items = s.connection().execute(text(
        "SELECT p.code, i.qty, i.unit_price_fen FROM supply_order_item i JOIN supply_product p ON p.id = i.product_id "
        "WHERE i.order_id = :o ORDER BY i.rowid"), {"o": order.id}).all()
    detail = sell(store, actor=actor, session=s,
                  items=[(r.code, r.qty, f"{from_fen(int(r.unit_price_fen)):.2f}") for r in items],
                  pay=order.pay_method, buyer=order.resident_id, use=order.buyer_use,
                  channel="delivery" if order.fulfilment == "delivery" else "counter", order_id=order.id,
                  note=order.order_no)
    order.sale_id = detail.id


def set_status(store: Store, *, actor: Actor, order: str, status: str, reason: str = "") -> OrderDetail:
    """Move an order on. Going out (or a pickup handed over) takes the goods out of stock."""
    require(actor, "supply")
    with store.write(actor) as s:
        o = _find_order(s, order)
        if status not in NEXT.get(o.status, ()):
            labels = order_status_labels()
            raise DomainError(tr("Supply", "An order that is {now} cannot become {new}.").format(
                now=labels.get(o.status, o.status), new=labels.get(status, status)), field="status")
        if status == "delivering" and o.fulfilment != "delivery":
            raise DomainError(tr("Supply", "A pickup order is not delivered; mark it delivered when it is "
                                 "picked up."), field="status")
        if status == "delivered" and o.sale_id is None:
            _deliver_out(s, store, actor, o)
        elif status == "delivering":
            _deliver_out(s, store, actor, o)
        if status == "cancelled":
            if not reason.strip():
                raise DomainError(tr("Supply", "Say why the order is cancelled."), field="reason")
            o.cancel_reason = reason.strip()
        o.status = status
        s.add(o)
        s.flush()
        oid, sale_id = o.id, o.sale_id
        cancelled_out = status == "cancelled" and sale_id is not None
    if cancelled_out:
        # The goods come back: a return of each line of the order's sale.
        with store.read() as s:
            sale = sale_detail_in(s, sale_id)  # type: ignore[arg-type]
        for line in sale.lines:
            left = line.qty - line.returned
            if left > 0:
                return_goods(store, actor=actor, sale=sale.sale_no, product=line.code, qty=left,
                             reason=tr("Supply", "Order cancelled: {reason}").format(reason=reason.strip()))
    return get_order(store, order=oid)


# -- delivery runs -------------------------------------------------------------------------------

def plan_run(store: Store, *, actor: Actor, run_date: object, groups: Sequence[str] = (), driver: str = "") -> RunSheet:
    """A run for one date: open delivery orders wanted by that date in the given village groups
    (all groups when none are given) that are not on another run."""
    require(actor, "supply")
    day = parse_date(run_date, field="run_date")
    wanted_groups = [g.strip() for g in groups if g.strip()]
    with store.write(actor) as s:
        query = select(SupplyOrder).where(
            SupplyOrder.fulfilment == "delivery", SupplyOrder.run_id == None,  # noqa: E711
            SupplyOrder.status.in_(("registered", "preparing")),  # type: ignore[attr-defined]
            SupplyOrder.wanted_date <= day)
        orders = s.exec(query).all()
        if wanted_groups:
            orders = [o for o in orders if o.village_group in wanted_groups]
        existing = s.exec(select(SupplyRun).where(SupplyRun.run_date == day, SupplyRun.status == "planned")).first()
        if not orders and existing is None:
            raise DomainError(tr("Supply", "No delivery orders are waiting for {day}.").format(day=day.isoformat()),
                              field="run_date")
        run_groups = wanted_groups or sorted({o.village_group for o in orders}, key=_group_key)
        if existing is not None:
            run = existing
            merged = json.loads(run.groups) + [g for g in run_groups if g not in json.loads(run.groups)]
            run.groups = json.dumps(merged, ensure_ascii=False)
        else:
            run = SupplyRun(run_no=next_number(s, store, "PS", day.year), run_date=day,
                            groups=json.dumps(run_groups, ensure_ascii=False), driver=driver.strip())
        s.add(run)
        s.flush()
        for o in orders:
            o.run_id = run.id
            if o.status == "registered":
                o.status = "preparing"
            s.add(o)
        rid = run.id
    return run_sheet(store, run=rid)


def _group_key(group: str) -> tuple[int, str]:
    """'三组' < '十二组' < '20组' < other names: village groups in their number order."""
    digits = "".join(ch for ch in group if ch.isdigit())
    if digits:
        return int(digits), group
    numerals = "一二三四五六七八九"
    head = ""
    for ch in group:
        if ch in numerals or ch == "十":
            head += ch
        else:
            break
    if not head:
        return 9999, group
    if "十" in head:
        tens, _, ones = head.partition("十")
        value = (numerals.index(tens) + 1 if tens else 1) * 10 + (numerals.index(ones[0]) + 1 if ones else 0)
    else:
        value = numerals.index(head[0]) + 1
    return value, group


def find_run(s: Session, ref: str) -> SupplyRun:
    ref = (ref or "").strip()
    run = s.get(SupplyRun, ref) or s.exec(select(SupplyRun).where(SupplyRun.run_no == ref.upper())).first()
    if run is None:
        try:
            day = dt.date.fromisoformat(ref)
        except ValueError:
            day = None
        if day is not None:
            run = s.exec(select(SupplyRun).where(SupplyRun.run_date == day).order_by(SupplyRun.created_at.desc())).first()  # type: ignore[union-attr]
    if run is None:
        raise NotFoundError(tr("Supply", "No delivery run {ref}.").format(ref=ref), field="run")
    return run


def run_sheet(store: Store, *, run: str) -> RunSheet:
    """Stops ordered by village group (in the run's order), then address and name."""
    with store.read() as s:
        r = find_run(s, run)
        groups = json.loads(r.groups)
        orders = s.exec(select(SupplyOrder).where(SupplyOrder.run_id == r.id)).all()
        details = [_detail(s, o) for o in orders if o.status != "cancelled"]
    order_of = {g: i for i, g in enumerate(groups)}
    details.sort(key=lambda d: (order_of.get(d.village_group, len(groups)), _group_key(d.village_group),
                                d.address, d.farmer))
    return RunSheet(r.id, r.run_no, r.run_date, groups, r.driver, r.status, details)


def start_run(store: Store, *, actor: Actor, run: str) -> RunSheet:
    """The van leaves: every order on the run goes out of stock (all or nothing)."""
    require(actor, "supply")
    with store.write(actor) as s:
        r = find_run(s, run)
        orders = s.exec(select(SupplyOrder).where(SupplyOrder.run_id == r.id,
                                                  SupplyOrder.status == "preparing")).all()
        for o in orders:
            try:
                _deliver_out(s, store, actor, o)
            except DomainError as exc:
                farmer = s.connection().execute(text("SELECT name FROM resident WHERE id = :r"),
                                                {"r": o.resident_id}).scalar_one()
                raise DomainError(tr("Supply", "Order {no} ({farmer}): {message}").format(
                    no=o.order_no, farmer=farmer, message=exc.message), field=exc.field) from None
            o.status = "delivering"
            s.add(o)
        r.status = "out"
        s.add(r)
        rid = r.id
    return run_sheet(store, run=rid)


def finish_run(store: Store, *, actor: Actor, run: str, not_delivered: Sequence[str] = (),
               reason: str = "") -> RunSheet:
    """Back from the run: orders are delivered, except those named (they are cancelled, goods return)."""
    require(actor, "supply")
    sheet = run_sheet(store, run=run)
    for stop in sheet.stops:
        if stop.status != "delivering":
            continue
        if stop.order_no in not_delivered:
            set_status(store, actor=actor, order=stop.order_no, status="cancelled",
                       reason=reason or tr("Supply", "Not delivered"))
        else:
            set_status(store, actor=actor, order=stop.order_no, status="delivered")
    with store.write(actor) as s:
        r = find_run(s, sheet.id)
        r.status = "done"
        s.add(r)
    return run_sheet(store, run=sheet.id)
