"""Supply: farmer orders through their statuses, delivery runs, ledgers and reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from villagedesk.errors import DomainError
from villagedesk.services import supply_ledgers as ledgers
from villagedesk.services import supply_orders as orders
from villagedesk.services import supply_reports as reports
from villagedesk.services import supply_sales as sales
from villagedesk.services import supply_stock as stock
from villagedesk.services.idcard import build_id
from villagedesk.services.residents import add_resident


def farmer(store, actor, name, seq, group):
    return add_resident(store, actor=actor, name=name, id_number=build_id("420902", dt.date(1965, 3, 9), seq),
                        phone="13900001111", village_group=group, address=f"{group}{seq}号")


@pytest.fixture
def stocked(store, actor):
    stock.receive(store, actor=actor, product="C0202", qty=20, supplier="县农资公司", unit_cost="150.00")
    stock.receive(store, actor=actor, product="C0101", qty=10, supplier="县种子站", unit_cost="60")
    stock.receive(store, actor=actor, product="C0309", qty=5, supplier="县植保站", lot_no="B1",
                  production_date="2025-10-01", expiry_date="2027-10-01", unit_cost="9.50")
    return store


def test_order_moves_through_its_statuses_and_takes_stock_when_it_goes_out(stocked, actor) -> None:
    store = stocked
    f = farmer(store, actor, "周春花", 21, "二组")
    o = orders.register_order(store, actor=actor, farmer=f.id, items=[("C0202", 3), ("C0101", 2)],
                              wanted_date="2026-03-05", pay="credit")
    assert o.status == "registered" and o.total == Decimal("631.00") and o.village_group == "二组"
    with pytest.raises(DomainError):
        orders.set_status(store, actor=actor, order=o.order_no, status="delivered")
    orders.set_status(store, actor=actor, order=o.order_no, status="preparing")
    out = orders.set_status(store, actor=actor, order=o.order_no, status="delivering")
    assert out.status == "delivering" and out.sale_no
    levels = {x.code: x.qty for x in stock.stock_levels(store)}
    assert levels["C0202"] == 17 and levels["C0101"] == 8
    assert sales.outstanding(store, resident=f.id) == Decimal("631.00")
    done = orders.set_status(store, actor=actor, order=o.order_no, status="delivered")
    assert done.status_label == "已送达"


def test_cancelling_an_order_that_is_out_returns_the_goods_and_the_credit(stocked, actor) -> None:
    store = stocked
    f = farmer(store, actor, "吴有田", 22, "一组")
    o = orders.register_order(store, actor=actor, farmer=f.id, items=[("C0202", 4)], wanted_date="2026-03-03",
                              pay="credit")
    orders.set_status(store, actor=actor, order=o.order_no, status="preparing")
    orders.set_status(store, actor=actor, order=o.order_no, status="delivering")
    with pytest.raises(DomainError):
        orders.set_status(store, actor=actor, order=o.order_no, status="cancelled")  # needs a reason
    orders.set_status(store, actor=actor, order=o.order_no, status="cancelled", reason="家中无人")
    assert {x.code: x.qty for x in stock.stock_levels(store)}["C0202"] == 20
    assert sales.outstanding(store, resident=f.id) == Decimal("0.00")


def test_a_run_orders_stops_by_group_and_shows_money_to_collect(stocked, actor) -> None:
    store = stocked
    a = farmer(store, actor, "郑三", 31, "十二组")
    b = farmer(store, actor, "王二", 32, "三组")
    c = farmer(store, actor, "冯四", 33, "三组")
    orders.register_order(store, actor=actor, farmer=a.id, items=[("C0202", 1)], wanted_date="2026-03-04")
    orders.register_order(store, actor=actor, farmer=b.id, items=[("C0101", 2)], wanted_date="2026-03-04",
                          pay="credit")
    orders.register_order(store, actor=actor, farmer=c.id, items=[("C0309", 1)], wanted_date="2026-03-04",
                          pay="mobile", use="水稻二化螟")
    orders.register_order(store, actor=actor, farmer=c.id, items=[("C0202", 1)], wanted_date="2026-03-04",
                          fulfilment="pickup")
    sheet = orders.plan_run(store, actor=actor, run_date="2026-03-04")
    assert sheet.groups == ["三组", "十二组"]
    assert [s.farmer for s in sheet.stops] == ["王二", "冯四", "郑三"]
    assert [str(s.to_collect) for s in sheet.stops] == ["0.00", "12.00", "165.00"]
    assert sheet.total_to_collect == Decimal("177.00")
    sheet = orders.start_run(store, actor=actor, run=sheet.run_no)
    assert {s.status for s in sheet.stops} == {"delivering"}
    restricted_sale = sales.get_sale(store, sale=sheet.stops[1].sale_no)
    assert restricted_sale.buyer_id_number == c.id_number and restricted_sale.buyer_use == "水稻二化螟"
    sheet = orders.finish_run(store, actor=actor, run=sheet.run_no, not_delivered=[sheet.stops[2].order_no],
                              reason="路断")
    assert [s.status for s in sheet.stops] == ["delivered", "delivered"]


def test_ledgers_hold_the_regulation_fields_and_corrections_as_their_own_rows(stocked, actor, clock) -> None:
    store = stocked
    buyer_id = build_id("420902", dt.date(1972, 8, 8), 45)
    sale = sales.sell(store, actor=actor, items=[("C0309", 2)], buyer_id_number=buyer_id, buyer_name="陈大户",
                      use="水稻 稻纵卷叶螟")
    sales.sell(store, actor=actor, items=[("C0202", 1)])
    wrong = stock.receive(store, actor=actor, product="C0303", qty=30, supplier="县植保站", lot_no="X9",
                          expiry_date="2028-01-01")
    stock.correct_move(store, actor=actor, move_id=wrong.id, qty=3, reason="数量录错")
    purchase = ledgers.ledger(store, kind="purchase", period="2026-03")
    assert purchase.title == "农药进货台账" and purchase.period == "2026年3月"
    rows = [(r.product, r.reg_no, r.spec, r.qty, r.maker, r.party, r.lot_no) for r in purchase.rows]
    assert rows == [
        ("毒死蜱乳油", "PD20080457", "40% 100ml/瓶", 5, "浙江新农化工股份有限公司", "县植保站", "B1"),
        ("阿维菌素乳油", "PD20080872", "1.8% 100ml/瓶", 30, "河北威远生物化工有限公司", "县植保站", "X9"),
        ("阿维菌素乳油", "PD20080872", "1.8% 100ml/瓶", -27, "河北威远生物化工有限公司", "县植保站", "X9"),
    ]
    assert "更正" in purchase.rows[2].note and "2" in purchase.rows[2].note
    assert all(r.date == dt.date(2026, 3, 2) for r in purchase.rows)
    sold = ledgers.ledger(store, kind="sales", period="2026-03")
    assert [(r.product, r.qty, r.party, r.party_id_number, r.use, r.document) for r in sold.rows] == [
        ("毒死蜱乳油", 2, "陈大户", buyer_id, "水稻 稻纵卷叶螟", sale.sale_no)]  # fertiliser is not in it
    everything = ledgers.ledger(store, kind="sales", period="2026", category=None)
    assert len(everything.rows) == 2 and everything.period == "2026年"
    sales.return_goods(store, actor=actor, sale=sale.sale_no, product="C0309", qty=1, reason="买多了")
    sold = ledgers.ledger(store, kind="sales", period="2026-03")
    assert [r.qty for r in sold.rows] == [2, -1] and "退货" in sold.rows[1].note
    assert ledgers.ledger(store, kind="sales", period="2026-04").rows == []


def test_reports_sales_by_product_and_category_valuation_and_cards(stocked, actor) -> None:
    store = stocked
    f = farmer(store, actor, "孙满仓", 51, "四组")
    sales.sell(store, actor=actor, items=[("C0202", 2), ("C0101", 1)])
    sales.sell(store, actor=actor, items=[("C0202", 1)], pay="credit", buyer=f.id)
    rep = reports.monthly_sales(store, month="2026-03")
    assert {x.key: (x.qty, x.amount) for x in rep.by_product} == {"C0101": (1, Decimal("68.00")),
                                                                  "C0202": (3, Decimal("495.00"))}
    assert {x.label: x.amount for x in rep.by_category} == {"种子": Decimal("68.00"), "化肥": Decimal("495.00")}
    assert rep.total == Decimal("563.00")
    value = {v.code: (v.qty, v.cost_value, v.retail_value) for v in reports.stock_valuation(store)}
    assert value["C0202"] == (17, Decimal("2550.00"), Decimal("2805.00"))
    assert reports.outstanding_credit(store)[0]["balance"] == "165.00"
    cards = reports.home_cards(store)
    assert cards["low_stock"]["count"] == 1  # 毒死蜱 5 瓶 at threshold 5
    assert cards["expiring"]["count"] == 0
