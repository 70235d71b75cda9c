"""Supply: catalogue, stock derived from moves, sales beyond stock (also racing), restricted pesticides,
credit, corrections, and that moves, sales and credit rows are append-only."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.services import supply_catalogue as cat
from villagedesk.services import supply_sales as sales
from villagedesk.services import supply_stock as stock
from villagedesk.services.idcard import build_id
from villagedesk.services.residents import add_resident


def farmer(store, actor, name="李大山", seq=11, group="三组"):
    return add_resident(store, actor=actor, name=name, id_number=build_id("420902", dt.date(1968, 5, 4), seq),
                        phone="13812345678", village_group=group)


def test_a_new_hall_has_the_starter_catalogue_and_finds_products_by_pinyin(store: Store) -> None:
    products = cat.search_products(store)
    assert len(products) >= 30
    assert {p.category for p in products} == {"seed", "fertilizer", "pesticide", "film", "feed", "tool", "other"}
    urea = cat.search_products(store, query="ns")  # 尿素 by initials
    assert [p.name for p in urea][:1] == ["尿素"]
    assert cat.search_products(store, query="niaosu")[0].name == "尿素"
    restricted = [p for p in products if p.restricted]
    assert restricted and all(p.category == "pesticide" and p.reg_no.startswith("PD") for p in restricted)
    assert cat.search_products(store, query="PD20080349")[0].name.startswith("草甘膦")


def test_hall_adds_its_own_product_with_exact_price_and_cannot_reprice_county_products(store, actor) -> None:
    p = cat.add_product(store, actor=actor, name="黄豆酱菜种子", category="种子", unit="包", price="2.35")
    assert p.code.startswith("H01") and p.price == Decimal("2.35") and p.owner == "hall"
    with pytest.raises(DomainError, match="农药登记证号|registration"):
        cat.add_product(store, actor=actor, name="某杀虫剂", category="农药", unit="瓶", price="5")
    with pytest.raises(DomainError):
        cat.update_product(store, actor=actor, product="C0201", price="1.00")
    assert cat.update_product(store, actor=actor, product="C0201", low_stock=12).low_stock == 12


def test_stock_is_the_sum_of_moves(store, actor) -> None:
    stock.receive(store, actor=actor, product="C0201", qty=50, supplier="县农资公司", lot_no="L1",
                  expiry_date="2028-01-01")
    stock.receive(store, actor=actor, product="C0201", qty=20, supplier="县农资公司", lot_no="L2")
    sales.sell(store, actor=actor, items=[("C0201", 7)])
    stock.write_off(store, actor=actor, product="C0201", qty=2, reason="破袋")
    stock.stock_take(store, actor=actor, product="C0201", counted=60, reason="盘点少一袋")
    level = {line.code: line.qty for line in stock.stock_levels(store)}
    assert level["C0201"] == 50 + 20 - 7 - 2 - 1 == 60
    assert stock.sum_of_moves(store, product="C0201") == 60
    assert stock.balance_mismatches(store) == []
    stock.rebuild_balances(store)
    assert stock.balance_mismatches(store) == [] and cat.product_info(store, product="C0201").stock == 60


def test_sale_beyond_stock_is_refused_saying_how_many_are_left(store, actor) -> None:
    stock.receive(store, actor=actor, product="C0302", qty=5, supplier="县植保站")
    with pytest.raises(DomainError) as err:
        sales.sell(store, actor=actor, items=[("C0302", 6)])
    assert "5" in err.value.message and "吡虫啉" in err.value.message
    assert cat.product_info(store, product="C0302").stock == 5


def test_expired_lots_are_not_sold_and_are_reported(store, actor, clock) -> None:
    stock.receive(store, actor=actor, product="C0304", qty=4, supplier="甲", expiry_date="2026-02-01")
    stock.receive(store, actor=actor, product="C0304", qty=3, supplier="甲", expiry_date="2026-03-20")
    alerts = stock.expiring_lots(store, within_days=30)
    assert [(a.qty, a.expired) for a in alerts] == [(4, True), (3, False)]
    with pytest.raises(DomainError) as err:
        sales.sell(store, actor=actor, items=[("C0304", 5)])
    assert "3" in err.value.message and "4" in err.value.message  # 3 left, 4 more expired
    sales.sell(store, actor=actor, items=[("C0304", 3)])
    stock.write_off(store, actor=actor, product="C0304", qty=4, reason="过期")
    assert stock.expiring_lots(store) == []


def test_two_sales_that_race_cannot_both_take_the_last_stock(store, actor, paths, clock) -> None:
    stock.receive(store, actor=actor, product="C0202", qty=10, supplier="县农资公司")
    second = Store.open(paths.database, clock=clock)  # another connection, as a second window would
    barrier = threading.Barrier(2)
    results: list[object] = []

    def sell(st: Store) -> None:
        barrier.wait()
        try:
            results.append(sales.sell(st, actor=actor, items=[("C0202", 6)]).sale_no)
        except DomainError as exc:
            results.append(exc)

    threads = [threading.Thread(target=sell, args=(st,)) for st in (store, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    second.close()
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(results) == 2 and len(refused) == 1
    assert "4" in refused[0].message  # the loser is told 4 are left
    assert cat.product_info(store, product="C0202").stock == 4 == stock.sum_of_moves(store, product="C0202")


def test_the_database_itself_refuses_a_move_below_zero(store, actor) -> None:
    with store.write(actor) as s:
        with pytest.raises(IntegrityError, match="VD_STOCK_SHORT"):
            s.connection().execute(text(
                "INSERT INTO supply_move (id, hall_id, device_id, version, product_id, kind, qty, move_date, "
                "supplier, lot_no, reason) SELECT 'x', '', '', 1, id, 'sale', -1, '2026-03-02', '', '', '' "
                "FROM supply_product WHERE code = 'C0101'"))


def test_restricted_pesticide_needs_a_valid_id_and_the_use(store, actor) -> None:
    stock.receive(store, actor=actor, product="C0309", qty=10, supplier="县植保站", lot_no="B7")
    with pytest.raises(DomainError, match="身份证|ID number") as err:
        sales.sell(store, actor=actor, items=[("C0309", 1)])
    assert err.value.kind == "restricted"
    with pytest.raises(DomainError, match="身份证|ID number"):
        sales.sell(store, actor=actor, items=[("C0309", 1)], buyer_id_number="420902196805040012", use="水稻")
    good_id = build_id("420902", dt.date(1970, 1, 2), 33)
    with pytest.raises(DomainError, match="作物|use"):
        sales.sell(store, actor=actor, items=[("C0309", 1)], buyer_id_number=good_id)
    assert cat.product_info(store, product="C0309").stock == 10  # nothing left the shelf
    sale = sales.sell(store, actor=actor, items=[("C0309", 2)], buyer_id_number=good_id, buyer_name="张三",
                      use="水稻 稻飞虱")
    assert sale.buyer_id_number == good_id and sale.buyer_use == "水稻 稻飞虱"
    assert cat.product_info(store, product="C0309").stock == 8


def test_credit_sale_repayment_and_history(store, actor) -> None:
    f = farmer(store, actor)
    stock.receive(store, actor=actor, product="C0202", qty=10, supplier="县农资公司")
    with pytest.raises(DomainError):
        sales.sell(store, actor=actor, items=[("C0202", 1)], pay="credit")  # credit needs the farmer
    sale = sales.sell(store, actor=actor, items=[("C0202", 2, "160.16")], pay="赊销", buyer=f.id_number)
    assert sale.total == Decimal("320.32") and sale.pay_method == "credit"
    assert sales.outstanding(store, resident=f.id) == Decimal("320.32")
    assert sales.repay(store, actor=actor, resident=f.id, amount="100.30") == Decimal("220.02")
    with pytest.raises(DomainError):
        sales.repay(store, actor=actor, resident=f.id, amount="500")
    sales.return_goods(store, actor=actor, sale=sale.sale_no, product="C0202", qty=1, reason="多拿了")
    balances = sales.credit_balances(store)
    assert [(b.name, b.balance) for b in balances] == [("李大山", Decimal("59.86"))]
    hist = sales.credit_history(store, resident=f.id)
    assert [h.kind for h in hist] == ["charge", "repay", "reverse"]
    assert hist[-1].balance_after == Decimal("59.86")
    assert cat.product_info(store, product="C0202").stock == 9


def test_moves_sales_and_credit_rows_cannot_be_edited_or_deleted(store, actor) -> None:
    f = farmer(store, actor)
    stock.receive(store, actor=actor, product="C0303", qty=3, supplier="县植保站")
    sales.sell(store, actor=actor, items=[("C0303", 1)], pay="credit", buyer=f.id)
    for table, change in (("supply_move", "qty = 99"), ("supply_sale", "total_fen = 1"),
                          ("supply_credit", "amount_fen = 0")):
        with store.write(actor) as s:
            with pytest.raises(IntegrityError, match="VD_APPEND_ONLY"):
                s.connection().execute(text(f"UPDATE {table} SET {change}"))
        with store.write(actor) as s:
            with pytest.raises(IntegrityError, match="VD_APPEND_ONLY|VD_NO_DELETE"):
                s.connection().execute(text(f"DELETE FROM {table}"))


def test_a_correction_is_a_new_move_that_refers_to_the_old_one(store, actor) -> None:
    wrong = stock.receive(store, actor=actor, product="C0305", qty=100, supplier="县植保站", lot_no="A1")
    fix = stock.correct_move(store, actor=actor, move_id=wrong.id[:8], qty=10, reason="多打了一个0")
    assert fix.qty == -90 and fix.corrects_id == wrong.id and fix.kind == "correction"
    assert cat.product_info(store, product="C0305").stock == 10
    with store.read() as s:
        assert s.connection().execute(text("SELECT qty FROM supply_move WHERE id = :i"),
                                      {"i": wrong.id}).scalar_one() == 100


def test_moves_go_to_the_outbox(store, actor) -> None:
    stock.receive(store, actor=actor, product="C0101", qty=3, supplier="种子站")
    with store.read() as s:
        entities = s.connection().execute(text("SELECT entity FROM outbox WHERE entity LIKE 'supply_%'")).scalars().all()
    assert "supply_move" in entities


def test_a_threshold_change_is_local_and_sends_nothing(store, actor) -> None:
    with store.read() as s:
        before = s.connection().execute(text("SELECT COUNT(*) FROM outbox")).scalar_one()
    assert cat.update_product(store, actor=actor, product="C0309", low_stock=2).low_stock == 2
    with store.read() as s:
        assert s.connection().execute(text("SELECT COUNT(*) FROM outbox")).scalar_one() == before


def test_county_feed_updates_its_products_and_adds_new_ones(store, actor) -> None:
    from villagedesk.sync.appliers import ApplyContext
    from villagedesk.sync.protocol import Change

    urea = cat.product_info(store, product="C0201")
    ctx = ApplyContext(store=store, now=store.clock.now())
    changes = [
        Change(cursor=1, entity="supply_product", entity_id=urea.id, kind="upsert", version=2,
               data={"price": "99.50", "name": "尿素(大颗粒)"}, created_at="2026-03-02T01:00:00Z"),
        Change(cursor=2, entity="supply_product", entity_id="7d1c0f1e-0000-4000-8000-000000000001", kind="upsert",
               version=1, data={"code": "C0801", "category": "pesticide", "name": "噻虫嗪水分散粒剂", "unit": "袋",
                                "spec": "25% 4g/袋", "price_fen": 350, "reg_no": "PD20060003"},
               created_at="2026-03-02T01:00:00Z"),
        Change(cursor=3, entity="supply_product", entity_id=urea.id, kind="upsert", version=1,
               data={"price": "1.00"}, created_at="2026-03-02T01:00:00Z"),  # an older change again: ignored
    ]
    with store.write(None) as s:
        for change in changes:
            cat.apply_product_change(s, change, ctx)
    urea = cat.product_info(store, product="C0201")
    assert urea.price == Decimal("99.50") and urea.name == "尿素(大颗粒)" and urea.owner == "county"
    new = cat.search_products(store, query="scq")[0]  # 噻虫嗪 by pinyin
    assert new.code == "C0801" and new.price == Decimal("3.50")
    with store.write(None) as s:
        cat.apply_product_change(s, Change(cursor=4, entity="supply_product", entity_id=new.id, kind="delete",
                                           version=2, created_at="2026-03-02T01:00:00Z"), ctx)
    assert cat.search_products(store, query="C0801") == []
