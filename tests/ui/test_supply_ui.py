"""Supply screens: the counter sale from the keyboard alone, refusals on screen, stock forms,
orders and runs, ledgers, home cards; Qt models pass the model tester."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from villagedesk.config import Settings
from villagedesk.services import supply_catalogue, supply_sales, supply_stock
from villagedesk.services.idcard import build_id
from villagedesk.services.residents import add_resident
from villagedesk.ui import errors as ui_errors
from villagedesk.ui.modules import UiContext


@pytest.fixture
def messages(monkeypatch):
    sink: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_errors, "message_sink", sink)
    return sink


@pytest.fixture
def ctx(store, actor, paths):
    printed: list[Path] = []
    c = UiContext(store=store, actor=actor, settings=Settings(), paths=paths, print_pdf=printed.append)
    c.printed = printed  # type: ignore[attr-defined]
    return c


@pytest.fixture
def stocked(store, actor):
    supply_stock.receive(store, actor=actor, product="C0202", qty=10, supplier="县农资公司")
    supply_stock.receive(store, actor=actor, product="C0309", qty=5, supplier="县植保站", expiry_date="2026-03-20")
    return store


def test_quick_sale_by_keyboard_only(qtbot, ctx, stocked, messages, qtmodeltester) -> None:
    from villagedesk.ui.supply.sale_page import SalePage

    page = SalePage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.focus_search()
    qtbot.keyClicks(page.picker.search, "fhf")  # 复合肥 by initials
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    assert page.current is not None and page.current.code == "C0202" and page.qty.hasFocus()
    page.qty.selectAll()
    qtbot.keyClicks(page.qty, "3")
    qtbot.keyClick(page.qty, Qt.Key.Key_Return)
    assert [(x.product.code, x.qty) for x in page.lines] == [("C0202", 3)]
    assert page.picker.search.hasFocus()
    assert "肆佰玖拾伍元整" in page.capital.text()
    qtmodeltester.check(page.cart, force_py=True)
    qtbot.keyClick(page, Qt.Key.Key_F6)
    assert page.pay_method() == "mobile"
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert page.lines == [] and "¥495.00" in page.last.text() and messages == []
    assert len(ctx.printed) == 1 and ctx.printed[0].exists()
    assert supply_catalogue.product_info(stocked, product="C0202").stock == 7


def test_a_receipt_character_no_font_has_is_warned_before_printing(qtbot, ctx, stocked, messages) -> None:
    from villagedesk.ui.supply.sale_page import SalePage

    page = SalePage(ctx)
    qtbot.addWidget(page)
    page._chosen(supply_catalogue.product_info(stocked, product="C0309"))  # restricted: real-name sale
    page.add_line()
    assert page.buyer_name.isEnabled()
    page.buyer_id.setText(build_id("420902", dt.date(1968, 5, 4), 31))
    page.buyer_name.setText("王\ue000")  # a private-use character: no bundled font draws it
    page.use.setText("水稻")
    page.checkout()
    assert page.lines == [] and len(ctx.printed) == 1  # sold, and the receipt still goes out
    assert messages and "U+E000" in messages[-1][1]


def test_sale_page_refuses_beyond_stock_and_restricted_without_id(qtbot, ctx, stocked, messages) -> None:
    from villagedesk.ui.supply.sale_page import SalePage

    page = SalePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page._chosen(supply_catalogue.product_info(stocked, product="C0202"))
    page.qty.setValue(11)
    page.add_line()
    page.checkout()
    assert "10" in page.message.text() and ctx.printed == []
    page.lines = []
    page._chosen(supply_catalogue.product_info(stocked, product="C0309"))
    page.add_line()
    assert page.buyer_id.isEnabled() and page.message.text()
    page.checkout()
    assert "身份证" in page.form.error_text("buyer_id") and ctx.printed == []
    page.buyer_id.setText(build_id("420902", dt.date(1970, 5, 6), 12))
    page.checkout()
    assert "作物" in page.form.error_text("use")
    page.use.setText("水稻")
    page.checkout()
    assert len(ctx.printed) == 1 and supply_catalogue.product_info(stocked, product="C0309").stock == 4


def test_stock_page_receives_and_shows_low_and_expiring(qtbot, ctx, stocked, qtmodeltester) -> None:
    from villagedesk.ui.supply.pages import StockPage

    page = StockPage(ctx)
    qtbot.addWidget(page)
    w = page.recv.widgets
    w["product"].setText("C0101")
    w["qty"].setValue(4)
    w["supplier"].setText("县种子站")
    page.receive()
    assert page.message.text() == "" and {x.code: x.qty for x in page.levels.rows()}["C0101"] == 4
    page.take.widgets["product"].setText("C0101")
    page.take.widgets["counted"].setValue(3)
    page.stock_take()
    assert "原因" in page.take.error_text("reason")
    sale = supply_sales.sell(stocked, actor=ctx.actor, items=[("C0202", 2)])
    page.back.widgets["sale"].setText(sale.sale_no[-6:])
    page.back.widgets["product"].setText("C0202")
    page.back.widgets["qty"].setValue(2)
    page.back.widgets["reason"].setText("买错了")
    page.take_back()
    assert page.message.text() == "" and supply_catalogue.product_info(stocked, product="C0202").stock == 10
    page.open_with(view="low")
    assert {x.code for x in page.levels.rows()} == {"C0101", "C0309"}
    assert [x.code for x in page.lots.rows()] == ["C0309"]
    qtmodeltester.check(page.levels, force_py=True)
    qtmodeltester.check(page.lots, force_py=True)


def test_orders_page_registers_plans_and_prints_a_run(qtbot, ctx, stocked, actor) -> None:
    from villagedesk.ui.supply.pages import OrdersPage, parse_items

    assert parse_items("c0202×3, C0101*1 C0309 x 2") == [("C0202", 3), ("C0101", 1), ("C0309", 2)]
    farmer = add_resident(stocked, actor=actor, name="周大田", id_number=build_id("420902", dt.date(1962, 2, 2), 91),
                          village_group="二组")
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    w = page.form.widgets
    w["farmer"].setText(farmer.id_number)
    w["items"].setText("C0202×2")
    page.register_order()
    assert page.message.text() == "" and [o.farmer for o in page.model.rows()] == ["周大田"]
    page.plan_run()
    assert len(ctx.printed) == 1 and "¥330.00" in page.note.text()
    page.start_run()
    assert page.model.rows()[0].status == "delivering"


def test_ledgers_page_and_home_cards(qtbot, ctx, stocked, actor, qtmodeltester) -> None:
    from villagedesk.ui.supply import home_cards
    from villagedesk.ui.supply.pages import LedgersPage, ProductsPage

    f = add_resident(stocked, actor=actor, name="钱有余", id_number=build_id("420902", dt.date(1962, 2, 2), 93))
    supply_sales.sell(stocked, actor=actor, items=[("C0202", 1)], pay="credit", buyer=f.id)
    page = LedgersPage(ctx)
    qtbot.addWidget(page)
    assert [r.product for r in page.model.rows()] == ["毒死蜱乳油"]
    assert "¥165.00" in page.summary.text()
    # the month's sales by product, beside the ledger
    assert [(x.key, x.qty, str(x.amount)) for x in page.sales.rows()] == [("C0202", 1, "165.00")]
    qtmodeltester.check(page.sales, force_py=True)
    page.credit_view.selectRow(0)
    page.repay_amount.setText("65")
    page.repay()
    assert [str(b.balance) for b in page.credit.rows()] == ["100.00"]
    page.credit_view.selectRow(0)
    page.show_history()
    assert "钱有余" in page.note.text() and "¥165.00" in page.note.text() and "¥100.00" in page.note.text()
    page.export()
    assert ".xlsx" in page.note.text()
    qtmodeltester.check(page.model, force_py=True)
    products = ProductsPage(ctx)
    qtbot.addWidget(products)
    products.search.setText("dsp")
    assert products.model.rows()[0].code == "C0309"
    cards = [(c.page_key, c.count, c.severity, c.nav_kwargs) for c in home_cards(ctx)]
    assert cards == [("supply.stock", 1, "warning", {"view": "low"}), ("supply.orders", 0, "info", {}),
                     ("supply.stock", 1, "warning", {"view": "expiring"})]


def test_a_receipt_is_reprinted_marked_as_such(qtbot, ctx, stocked, messages) -> None:
    import shutil
    import subprocess

    from villagedesk.ui.supply.sale_page import SalePage

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    page = SalePage(ctx)
    qtbot.addWidget(page)
    page._chosen(supply_catalogue.product_info(stocked, product="C0202"))
    page.add_line()
    page.checkout()
    first = ctx.printed[-1]
    again = page.reprint(page.last_sale_no[-6:])  # the last digits are enough
    assert again is not None and again != first and ctx.printed[-1] == again
    text = subprocess.run(["pdftotext", str(again), "-"], capture_output=True, text=True, check=True).stdout
    assert "补打" in text and page.last_sale_no in text.replace(" ", "")
    assert "补打" not in subprocess.run(["pdftotext", str(first), "-"], capture_output=True, text=True).stdout
    assert page.reprint("999999") is None and "999999" in page.message.text()
    assert supply_catalogue.product_info(stocked, product="C0202").stock == 9  # a reprint sells nothing
