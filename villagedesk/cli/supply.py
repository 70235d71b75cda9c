"""`villagedesk supply ...`: catalogue, stock, sales, orders, runs, ledgers, receipts (农资配送)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services import (
    supply_catalogue,
    supply_ledgers,
    supply_orders,
    supply_reports,
    supply_sales,
    supply_stock,
)
from villagedesk.services.supply_common import fmt_fen, parse_date


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("supply", help="agricultural supply: products, stock, sales, orders, ledgers")
    ssub = p.add_subparsers(dest="supply_command", required=True)

    q = ssub.add_parser("products", help="list or search products; `products add` adds one")
    common(q)
    q.add_argument("--search", default="", help="name, pinyin, code or registration number")
    q.add_argument("--category", default=None)
    q.set_defaults(handler=_products)
    psub = q.add_subparsers(dest="products_command")
    a = psub.add_parser("add", help="add a product of this hall's own")
    common(a)
    a.add_argument("--name", required=True)
    a.add_argument("--category", required=True, help="种子 化肥 农药 农膜 饲料 农机具 其他")
    a.add_argument("--unit", required=True)
    a.add_argument("--price", required=True)
    a.add_argument("--spec", default="")
    a.add_argument("--maker", default="")
    a.add_argument("--reg-no", default="")
    a.add_argument("--restricted", action="store_true")
    a.add_argument("--low-stock", type=int, default=5)
    a.set_defaults(handler=_product_add)

    q = ssub.add_parser("receive", help="goods received (入库)")
    common(q)
    q.add_argument("--product", required=True)
    q.add_argument("--qty", required=True)
    q.add_argument("--supplier", default="")
    q.add_argument("--lot", default="")
    q.add_argument("--produced", default=None, help="production date YYYY-MM-DD")
    q.add_argument("--expiry", default=None, help="expiry date YYYY-MM-DD")
    q.add_argument("--cost", default=None, help="unit purchase price")
    q.set_defaults(handler=_receive)

    q = ssub.add_parser("sell", help="counter sale; repeat --product/--qty for more lines")
    common(q)
    q.add_argument("--product", action="append", required=True)
    q.add_argument("--qty", action="append", required=True)
    q.add_argument("--price", action="append", default=None, help="unit price if not the list price")
    q.add_argument("--buyer-id", default="", help="buyer's ID number (restricted pesticides)")
    q.add_argument("--buyer-name", default="")
    q.add_argument("--use", default="", help="crop or use (restricted pesticides)")
    q.add_argument("--pay", default="cash", help="cash | mobile | credit")
    q.add_argument("--buyer", default=None, help="the farmer (resident ID number or name); needed for credit")
    q.set_defaults(handler=_sell)

    q = ssub.add_parser("return", help="goods brought back from a sale (退货)")
    common(q)
    q.add_argument("sale")
    q.add_argument("--product", required=True)
    q.add_argument("--qty", required=True)
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_return)

    q = ssub.add_parser("adjust", help="stock-take: set the counted quantity (盘点调整)")
    common(q)
    q.add_argument("--product", required=True)
    q.add_argument("--counted", required=True)
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_adjust)

    q = ssub.add_parser("writeoff", help="write off damaged or expired goods (报损)")
    common(q)
    q.add_argument("--product", required=True)
    q.add_argument("--qty", required=True)
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_writeoff)

    q = ssub.add_parser("correct", help="correct a stock move by a new move that refers to it")
    common(q)
    q.add_argument("move")
    q.add_argument("--qty", required=True, help="what the move should have said")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_correct)

    q = ssub.add_parser("order", help="farmer orders (需求登记)")
    osub = q.add_subparsers(dest="order_command", required=True)
    o = osub.add_parser("add", help="register an order; repeat --product/--qty")
    common(o)
    o.add_argument("--farmer", required=True, help="resident ID number or name")
    o.add_argument("--product", action="append", required=True)
    o.add_argument("--qty", action="append", required=True)
    o.add_argument("--date", required=True, help="date wanted")
    o.add_argument("--pickup", action="store_true", help="the farmer picks it up (default: delivery)")
    o.add_argument("--pay", default="cash")
    o.add_argument("--use", default="")
    o.add_argument("--note", default="")
    o.set_defaults(handler=_order_add)
    o = osub.add_parser("list", help="list orders")
    common(o)
    o.add_argument("--status", default=None)
    o.add_argument("--open", action="store_true")
    o.set_defaults(handler=_order_list)
    o = osub.add_parser("show", help="one order")
    common(o)
    o.add_argument("order")
    o.set_defaults(handler=_order_show)
    o = osub.add_parser("status", help="move an order on: preparing, delivering, delivered, cancelled")
    common(o)
    o.add_argument("order")
    o.add_argument("status", choices=["preparing", "delivering", "delivered", "cancelled"])
    o.add_argument("--reason", default="")
    o.set_defaults(handler=_order_status)

    q = ssub.add_parser("run", help="delivery run for a date: plan it and print the run sheet")
    common(q)
    q.add_argument("--date", required=True)
    q.add_argument("--groups", default="", help="village groups, comma separated (default: all waiting)")
    q.add_argument("--driver", default="")
    q.add_argument("--pdf", type=Path, default=None)
    q.add_argument("--start", action="store_true", help="the van leaves: take the goods out of stock")
    q.add_argument("--finish", action="store_true", help="back: mark delivered")
    q.add_argument("--not-delivered", action="append", default=[], help="order number not delivered")
    q.set_defaults(handler=_run)

    q = ssub.add_parser("stock", help="stock levels; --low, --expiring")
    common(q)
    q.add_argument("--low", action="store_true")
    q.add_argument("--expiring", action="store_true")
    q.add_argument("--days", type=int, default=30)
    q.set_defaults(handler=_stock)

    q = ssub.add_parser("ledger", help="pesticide purchase or sales ledger for a month (or year)")
    common(q)
    q.add_argument("--kind", required=True, choices=["purchase", "sales"])
    q.add_argument("--month", required=True, help="YYYY-MM, or YYYY for the year")
    q.add_argument("--all-categories", action="store_true", help="every product, not only pesticides")
    q.add_argument("--pdf", type=Path, default=None)
    q.add_argument("--xlsx", type=Path, default=None)
    q.set_defaults(handler=_ledger)

    q = ssub.add_parser("receipt", help="print a sales receipt to PDF")
    common(q)
    q.add_argument("sale")
    q.add_argument("--pdf", type=Path, required=True)
    q.add_argument("--paper", choices=["roll80", "a5"], default="roll80")
    q.add_argument("--reprint", action="store_true")
    q.set_defaults(handler=_receipt)

    q = ssub.add_parser("repay", help="a farmer pays back credit (还款)")
    common(q)
    q.add_argument("--buyer", required=True)
    q.add_argument("--amount", required=True)
    q.add_argument("--pay", default="cash")
    q.set_defaults(handler=_repay)

    q = ssub.add_parser("credit", help="outstanding credit, or one farmer's history")
    common(q)
    q.add_argument("--buyer", default=None)
    q.set_defaults(handler=_credit)

    q = ssub.add_parser("report", help="monthly sales by product and category, stock valuation")
    common(q)
    q.add_argument("--month", required=True)
    q.set_defaults(handler=_report)


def _pairs(products: list[str], qtys: list[str], prices: list[str] | None = None) -> list[tuple[str, str, str | None]]:
    if len(products) != len(qtys):
        raise DomainError(tr("SupplyCli", "Give one --qty for each --product."))
    prices = prices or []
    return [(p, q, prices[i] if i < len(prices) else None) for i, (p, q) in enumerate(zip(products, qtys, strict=True))]


def _products(ctx: Any) -> int:
    items = supply_catalogue.search_products(ctx.store, query=ctx.args.search, category=ctx.args.category)
    ctx.out([p.as_dict() for p in items], lambda: "\n".join(
        f"{p.code:8} {p.category_label:4} {p.name} {p.spec}  ¥{p.price:.2f}/{p.unit}  "
        f"{tr('SupplyCli', 'stock')} {p.stock}{p.unit}" + (f"  {p.reg_no}" if p.reg_no else "")
        + ("  " + tr("SupplyCli", "[restricted]") if p.restricted else "") for p in items))
    return 0


def _product_add(ctx: Any) -> int:
    a = ctx.args
    p = supply_catalogue.add_product(ctx.store, actor=ctx.actor, name=a.name, category=a.category, unit=a.unit,
                                     price=a.price, spec=a.spec, maker=a.maker, reg_no=a.reg_no,
                                     restricted=a.restricted, low_stock=a.low_stock)
    ctx.out({"code": p.code, **p.as_dict()}, f"{p.code} {p.name}")
    return 0


def _receive(ctx: Any) -> int:
    a = ctx.args
    m = supply_stock.receive(ctx.store, actor=ctx.actor, product=a.product, qty=a.qty, supplier=a.supplier,
                             lot_no=a.lot, production_date=a.produced, expiry_date=a.expiry, unit_cost=a.cost)
    level = supply_catalogue.product_info(ctx.store, product=m.product_code).stock
    ctx.out({**m.as_dict(), "stock": level},
            tr("SupplyCli", "Received {qty} of {name}; stock now {stock}.").format(qty=m.qty, name=m.product_name,
                                                                                 stock=level))
    return 0


def _sale_text(sale: supply_sales.SaleDetail) -> str:
    lines = [f"{sale.sale_no}  {sale.sale_date}  {sale.pay_label}"]
    lines += [f"  {x.name} {x.spec} {x.qty}{x.unit} × {x.unit_price:.2f} = {x.amount:.2f}" for x in sale.lines]
    lines.append(f"  {tr('SupplyCli', 'Total')} ¥{sale.total:,.2f}  {sale.total_capital}")
    return "\n".join(lines)


def _sell(ctx: Any) -> int:
    a = ctx.args
    sale = supply_sales.sell(ctx.store, actor=ctx.actor, items=_pairs(a.product, a.qty, a.price), pay=a.pay,
                             buyer=a.buyer, buyer_name=a.buyer_name, buyer_id_number=a.buyer_id, use=a.use)
    ctx.out({"sale": sale.sale_no, **sale.as_dict()}, lambda: _sale_text(sale))
    return 0


def _return(ctx: Any) -> int:
    a = ctx.args
    sale = supply_sales.return_goods(ctx.store, actor=ctx.actor, sale=a.sale, product=a.product, qty=a.qty,
                                     reason=a.reason)
    ctx.out({"sale": sale.sale_no, **sale.as_dict()}, lambda: _sale_text(sale))
    return 0


def _moves_out(ctx: Any, moves: list[supply_stock.MoveInfo]) -> int:
    ctx.out([m.as_dict() for m in moves], lambda: "\n".join(
        f"{m.kind_label} {m.product_name} {m.qty:+d}  {m.reason}" for m in moves) or tr("SupplyCli", "No change."))
    return 0


def _adjust(ctx: Any) -> int:
    a = ctx.args
    return _moves_out(ctx, supply_stock.stock_take(ctx.store, actor=ctx.actor, product=a.product,
                                                   counted=a.counted, reason=a.reason))


def _writeoff(ctx: Any) -> int:
    a = ctx.args
    return _moves_out(ctx, supply_stock.write_off(ctx.store, actor=ctx.actor, product=a.product, qty=a.qty,
                                                  reason=a.reason))


def _correct(ctx: Any) -> int:
    a = ctx.args
    return _moves_out(ctx, [supply_stock.correct_move(ctx.store, actor=ctx.actor, move_id=a.move, qty=a.qty,
                                                      reason=a.reason)])


def _order_text(o: supply_orders.OrderDetail) -> str:
    items = "; ".join(f"{x.name} {x.qty}{x.unit}" for x in o.lines)
    return (f"{o.order_no}  {o.farmer} {o.village_group}  {o.wanted_date}  [{o.status_label}]  "
            f"¥{o.total:.2f} {o.pay_label}  {items}")


def _order_add(ctx: Any) -> int:
    a = ctx.args
    items = [(p, q) for p, q, _ in _pairs(a.product, a.qty)]
    o = supply_orders.register_order(ctx.store, actor=ctx.actor, farmer=a.farmer, items=items, wanted_date=a.date,
                                     fulfilment="pickup" if a.pickup else "delivery", pay=a.pay, use=a.use,
                                     note=a.note)
    ctx.out({"order": o.order_no, **o.as_dict()}, lambda: _order_text(o))
    return 0


def _order_list(ctx: Any) -> int:
    rows = supply_orders.list_orders(ctx.store, status=ctx.args.status, open_only=ctx.args.open)
    ctx.out([o.as_dict() for o in rows], lambda: "\n".join(_order_text(o) for o in rows))
    return 0


def _order_show(ctx: Any) -> int:
    o = supply_orders.get_order(ctx.store, order=ctx.args.order)
    ctx.out(o.as_dict(), lambda: _order_text(o))
    return 0


def _order_status(ctx: Any) -> int:
    o = supply_orders.set_status(ctx.store, actor=ctx.actor, order=ctx.args.order, status=ctx.args.status,
                                 reason=ctx.args.reason)
    ctx.out({"order": o.order_no, **o.as_dict()}, lambda: _order_text(o))
    return 0


def _run(ctx: Any) -> int:
    a = ctx.args
    day = parse_date(a.date).isoformat()
    groups = [g for g in a.groups.replace("，", ",").split(",") if g.strip()]
    if a.finish:
        sheet = supply_orders.finish_run(ctx.store, actor=ctx.actor, run=day, not_delivered=a.not_delivered)
    else:
        try:
            sheet = supply_orders.plan_run(ctx.store, actor=ctx.actor, run_date=day, groups=groups, driver=a.driver)
        except DomainError:
            sheet = supply_orders.run_sheet(ctx.store, run=day)  # nothing new; the existing run
        if a.start:
            sheet = supply_orders.start_run(ctx.store, actor=ctx.actor, run=sheet.run_no)
    warnings = []
    if a.pdf:
        from villagedesk.receipts.supply_docs import build_run_sheet
        from villagedesk.services.auth import hall_info

        result = build_run_sheet(sheet, hall_name=hall_info(ctx.store).name, target=a.pdf)
        if result.missing_glyphs:
            warnings.append(result.missing_glyphs.message())
    data = {**sheet.as_dict(), "pdf": str(a.pdf) if a.pdf else None, "warnings": warnings}
    ctx.out(data, lambda: "\n".join(
        [f"{sheet.run_no} {sheet.run_date} {'、'.join(sheet.groups)}  "
         f"{tr('SupplyCli', 'to collect')} ¥{sheet.total_to_collect:.2f}"]
        + [f"  {i}. {s.village_group} {s.farmer} ¥{s.to_collect:.2f} [{s.status_label}]"
           for i, s in enumerate(sheet.stops, 1)] + warnings))
    return 0


def _stock(ctx: Any) -> int:
    a = ctx.args
    if a.expiring:
        lots = supply_stock.expiring_lots(ctx.store, within_days=a.days)
        ctx.out([x.as_dict() for x in lots], lambda: "\n".join(
            f"{x.code} {x.name} {x.lot_no} {x.qty}{x.unit} {x.expiry_date} "
            + (tr("SupplyCli", "EXPIRED") if x.expired else tr("SupplyCli", "{days} days left").format(days=x.days_left))
            for x in lots))
        return 0
    lines = supply_stock.stock_levels(ctx.store, low_only=a.low)
    ctx.out([x.as_dict() for x in lines], lambda: "\n".join(
        f"{x.code:8} {x.name} {x.spec}  {x.qty}{x.unit}" + ("  " + tr("SupplyCli", "LOW") if x.is_low else "")
        for x in lines))
    return 0


def _ledger(ctx: Any) -> int:
    a = ctx.args
    led = supply_ledgers.ledger(ctx.store, kind=a.kind, period=a.month,
                                category=None if a.all_categories else "pesticide")
    files = {}
    warnings = []
    if a.pdf:
        from villagedesk.receipts.supply_docs import build_ledger_pdf

        result = build_ledger_pdf(led, target=a.pdf)
        files["pdf"] = str(a.pdf)
        if result.missing_glyphs:
            warnings.append(result.missing_glyphs.message())
    if a.xlsx:
        from villagedesk.receipts.supply_docs import write_ledger_xlsx

        files["xlsx"] = str(write_ledger_xlsx(led, a.xlsx))
    ctx.out({**led.as_dict(), "files": files, "warnings": warnings}, lambda: "\n".join(
        [f"{led.title} {led.period}"]
        + [f"{r.no:3} {r.move_id[:8]} {r.date} {r.product} {r.reg_no} {r.spec} {r.qty}{r.unit} {r.maker} {r.party} "
           f"{r.note}"
           for r in led.rows] + [f"{k}: {v}" for k, v in files.items()] + warnings))
    return 0


def _receipt(ctx: Any) -> int:
    from villagedesk.receipts.supply_receipt import HallHeader, build_sale_receipt
    from villagedesk.receipts.toolkit import reprint_text
    from villagedesk.services.auth import hall_info

    a = ctx.args
    sale = supply_sales.get_sale(ctx.store, sale=a.sale)
    hall = hall_info(ctx.store)
    result = build_sale_receipt(sale, HallHeader(hall.name, hall.phone, hall.receipt_secret), paper=a.paper,
                                target=a.pdf, reprint=reprint_text() if a.reprint else None)
    warnings = [result.missing_glyphs.message()] if result.missing_glyphs else []
    ctx.out({"sale": sale.sale_no, "pdf": str(a.pdf), "warnings": warnings},
            lambda: "\n".join([str(a.pdf), *warnings]))
    return 0


def _repay(ctx: Any) -> int:
    left = supply_sales.repay(ctx.store, actor=ctx.actor, resident=ctx.args.buyer, amount=ctx.args.amount,
                              pay=ctx.args.pay)
    ctx.out({"balance": f"{left:.2f}"}, tr("SupplyCli", "Still owed: ¥{amount}").format(amount=f"{left:.2f}"))
    return 0


def _credit(ctx: Any) -> int:
    if ctx.args.buyer:
        hist = supply_sales.credit_history(ctx.store, resident=ctx.args.buyer)
        ctx.out([{"date": h.entry_date.isoformat(), "kind": h.kind, "amount": f"{h.amount:.2f}", "sale": h.sale_no,
                  "pay": h.pay_method, "note": h.note, "balance": f"{h.balance_after:.2f}"} for h in hist],
                lambda: "\n".join(f"{h.entry_date} {h.kind:8} {h.amount:>10.2f} {h.balance_after:>10.2f} {h.sale_no} "
                                  f"{h.note}" for h in hist))
        return 0
    rows = supply_sales.credit_balances(ctx.store)
    ctx.out([b.as_dict() for b in rows], lambda: "\n".join(
        f"{b.name} {b.village_group} {b.phone} ¥{b.balance:.2f} {b.last_entry}" for b in rows))
    return 0


def _report(ctx: Any) -> int:
    rep = supply_reports.monthly_sales(ctx.store, month=ctx.args.month)
    valuation = supply_reports.stock_valuation(ctx.store)
    data = {**rep.as_dict(), "stock_valuation": [v.as_dict() for v in valuation],
            "outstanding_credit": supply_reports.outstanding_credit(ctx.store)}
    ctx.out(data, lambda: "\n".join(
        [f"{rep.period}  {tr('SupplyCli', 'Total')} ¥{rep.total:,.2f}"]
        + [f"  {x.label} {x.qty} ¥{x.amount:,.2f}" for x in rep.by_category]
        + [f"  {x.key} {x.label} {x.qty}{x.unit} ¥{x.amount:,.2f}" for x in rep.by_product]
        + [f"{v.code} {v.name} {v.qty}{v.unit} {fmt_fen(int(v.cost_value * 100))}" for v in valuation]))
    return 0


