"""Supply pages: stock (with receive / stock-take / write-off), orders and delivery runs, products,
ledgers and reports (with credit repayments)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.receipts.supply_docs import build_ledger_pdf, build_run_sheet, write_ledger_xlsx
from villagedesk.services import (
    supply_catalogue,
    supply_ledgers,
    supply_orders,
    supply_reports,
    supply_sales,
    supply_stock,
)
from villagedesk.services.auth import hall_info
from villagedesk.services.supply_common import CATEGORIES, category_labels
from villagedesk.ui.document_print import glyph_warning, print_or_view
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.supply.common import archive_path, product_columns, selected_row, table_view
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr

SIDE_WIDTH = 440  # the form beside a list; the list gets the rest


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class _Page(QWidget):
    """Runs a write, shows a DomainError beside its field (or under the form), refreshes."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.message = QLabel("")
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.note = QLabel("")
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

    def attempt(self, fn: Callable[[], object], form: FormGrid | None = None, done: str = "") -> object | None:
        self.message.setText("")
        if form is not None:
            form.clear_errors()
        try:
            result = fn()
        except DomainError as exc:
            if form is None or not form.show_domain_error(exc):
                self.message.setText(exc.message)
            return None
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        self.note.setText(done)
        self.ctx.notify_changed("supply")
        self.refresh()
        return result

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass


# -- stock -----------------------------------------------------------------------------------------

def _stock_columns() -> list[Column]:
    return [
        Column("code", QT_TRANSLATE_NOOP("SupplyUi", "Code")),
        Column("name", QT_TRANSLATE_NOOP("SupplyUi", "Product"), getter=lambda x: f"{x.name} {x.spec}".strip()),
        Column("qty", QT_TRANSLATE_NOOP("SupplyUi", "In stock"), getter=lambda x: f"{x.qty}{x.unit}", align="right",
               color=lambda x: "#a33" if x.is_low else None),
        Column("low_stock", QT_TRANSLATE_NOOP("SupplyUi", "Low at"), align="right"),
        Column("expired_qty", QT_TRANSLATE_NOOP("SupplyUi", "Expired"), align="right",
               color=lambda x: "#a33" if x.expired_qty else None),
    ]


def _lot_columns() -> list[Column]:
    return [
        Column("code", QT_TRANSLATE_NOOP("SupplyUi", "Code")),
        Column("name", QT_TRANSLATE_NOOP("SupplyUi", "Product")),
        Column("lot_no", QT_TRANSLATE_NOOP("SupplyUi", "Lot")),
        Column("qty", QT_TRANSLATE_NOOP("SupplyUi", "Left"), getter=lambda x: f"{x.qty}{x.unit}", align="right"),
        Column("expiry_date", QT_TRANSLATE_NOOP("SupplyUi", "Expiry")),
        Column("days_left", QT_TRANSLATE_NOOP("SupplyUi", "Days left"), align="right",
               color=lambda x: "#a33" if x.expired else "#a60"),
    ]


class StockPage(_Page):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        left.addWidget(title_label(tr("SupplyUi", "Stock")))
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.addItem(tr("SupplyUi", "All products in stock"), "all")
        self.filter.addItem(tr("SupplyUi", "Low stock"), "low")
        self.filter.addItem(tr("SupplyUi", "Expired or expiring within 30 days"), "expiring")
        bar.addWidget(self.filter)
        bar.addStretch(1)
        left.addLayout(bar)
        self.levels = BaseTableModel(_stock_columns(), context="SupplyUi")
        self.lots = BaseTableModel(_lot_columns(), context="SupplyUi")
        self.levels_view = table_view(self.levels)
        self.lots_view = table_view(self.lots)
        left.addWidget(self.levels_view, 1)
        left.addWidget(self.lots_view, 1)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.levels_view.clicked.connect(self._row_clicked)

        tabs = QTabWidget()
        tabs.setMaximumWidth(SIDE_WIDTH)
        outer.addWidget(tabs, 2)
        today = ctx.store.clock.today()
        # 入库
        box = QWidget()
        self.recv = FormGrid(box)
        self.recv.add_field("product", tr("SupplyUi", "Product code"), QLineEdit())
        qty = QSpinBox()
        qty.setRange(1, 1_000_000)
        self.recv.add_field("qty", tr("SupplyUi", "Quantity"), qty)
        self.recv.add_field("supplier", tr("SupplyUi", "Supplier"), QLineEdit())
        self.recv.add_field("lot_no", tr("SupplyUi", "Lot No."), QLineEdit())
        self.recv.add_field("production_date", tr("SupplyUi", "Production date"), QLineEdit(),
                            hint=tr("SupplyUi", "e.g. 2026-01-15"))
        self.recv.add_field("expiry_date", tr("SupplyUi", "Expiry"), QLineEdit(), hint=tr("SupplyUi", "e.g. 2028-01-14"))
        self.recv.add_field("unit_cost", tr("SupplyUi", "Unit cost"), QLineEdit())
        button = QPushButton(tr("SupplyUi", "Receive into stock"))
        button.setObjectName("primary")
        self.recv.addWidget(button, self.recv.rowCount(), 1)
        button.clicked.connect(self.receive)
        tabs.addTab(box, tr("SupplyUi", "Receive"))
        # 盘点
        box = QWidget()
        self.take = FormGrid(box)
        self.take.add_field("product", tr("SupplyUi", "Product code"), QLineEdit())
        counted = QSpinBox()
        counted.setRange(0, 1_000_000)
        self.take.add_field("counted", tr("SupplyUi", "Counted"), counted)
        self.take.add_field("reason", tr("SupplyUi", "Reason"), QLineEdit())
        button = QPushButton(tr("SupplyUi", "Record the count"))
        self.take.addWidget(button, self.take.rowCount(), 1)
        button.clicked.connect(self.stock_take)
        tabs.addTab(box, tr("SupplyUi", "Stock-take"))
        # 报损
        box = QWidget()
        self.off = FormGrid(box)
        self.off.add_field("product", tr("SupplyUi", "Product code"), QLineEdit())
        qty = QSpinBox()
        qty.setRange(1, 1_000_000)
        self.off.add_field("qty", tr("SupplyUi", "Quantity"), qty)
        self.off.add_field("reason", tr("SupplyUi", "Reason"), QLineEdit())
        button = QPushButton(tr("SupplyUi", "Write off"))
        self.off.addWidget(button, self.off.rowCount(), 1)
        button.clicked.connect(self.write_off)
        tabs.addTab(box, tr("SupplyUi", "Write-off"))
        # 退货
        box = QWidget()
        self.back = FormGrid(box)
        self.back.add_field("sale", tr("SupplyUi", "Sale No."), QLineEdit(),
                            hint=tr("SupplyUi", "as on the receipt; the last digits are enough"))
        self.back.add_field("product", tr("SupplyUi", "Product code"), QLineEdit())
        qty = QSpinBox()
        qty.setRange(1, 1_000_000)
        self.back.add_field("qty", tr("SupplyUi", "Quantity"), qty)
        self.back.add_field("reason", tr("SupplyUi", "Reason"), QLineEdit())
        button = QPushButton(tr("SupplyUi", "Take back"))
        self.back.addWidget(button, self.back.rowCount(), 1)
        button.clicked.connect(self.take_back)
        tabs.addTab(box, tr("SupplyUi", "Return"))
        for form in (self.recv, self.take, self.off, self.back):  # fields at the top, not spread down the tab
            form.setRowStretch(form.rowCount(), 1)
        side = QVBoxLayout()
        side.addWidget(self.message)
        side.addWidget(self.note)
        left.addLayout(side)
        del today
        self.refresh()

    def open_with(self, **kwargs: object) -> None:
        view = kwargs.get("view")
        if view:
            index = self.filter.findData(view)
            if index >= 0:
                self.filter.setCurrentIndex(index)

    def _row_clicked(self) -> None:
        row = selected_row(self.levels_view)
        if row is not None:
            for form in (self.recv, self.take, self.off):
                form.widgets["product"].setText(row.code)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        view = self.filter.currentData()
        self.levels.set_rows([x for x in supply_stock.stock_levels(self.ctx.store, low_only=view == "low")
                              if view == "low" or x.qty or x.expired_qty])
        self.lots.set_rows(supply_stock.expiring_lots(self.ctx.store))
        self.lots_view.setVisible(view == "expiring" or bool(self.lots.rows()))

    def receive(self) -> None:
        w = self.recv.widgets
        self.attempt(lambda: supply_stock.receive(
            self.ctx.store, actor=self.ctx.actor, product=w["product"].text(), qty=w["qty"].value(),
            supplier=w["supplier"].text(), lot_no=w["lot_no"].text(),
            production_date=w["production_date"].text().strip() or None,
            expiry_date=w["expiry_date"].text().strip() or None, unit_cost=w["unit_cost"].text().strip() or None),
            self.recv, tr("SupplyUi", "Received."))

    def stock_take(self) -> None:
        w = self.take.widgets
        self.attempt(lambda: supply_stock.stock_take(self.ctx.store, actor=self.ctx.actor,
                                                     product=w["product"].text(), counted=w["counted"].value(),
                                                     reason=w["reason"].text()),
                     self.take, tr("SupplyUi", "Stock-take recorded."))

    def take_back(self) -> None:
        w = self.back.widgets
        self.attempt(lambda: supply_sales.return_goods(self.ctx.store, actor=self.ctx.actor, sale=w["sale"].text(),
                                                       product=w["product"].text(), qty=w["qty"].value(),
                                                       reason=w["reason"].text()),
                     self.back, tr("SupplyUi", "Taken back into stock."))

    def write_off(self) -> None:
        w = self.off.widgets
        self.attempt(lambda: supply_stock.write_off(self.ctx.store, actor=self.ctx.actor,
                                                    product=w["product"].text(), qty=w["qty"].value(),
                                                    reason=w["reason"].text()),
                     self.off, tr("SupplyUi", "Written off."))


# -- orders and runs ---------------------------------------------------------------------------------

def _order_columns() -> list[Column]:
    return [
        Column("order_no", QT_TRANSLATE_NOOP("SupplyUi", "Order"), getter=lambda o: o.order_no.rsplit("-", 1)[-1]),
        Column("farmer", QT_TRANSLATE_NOOP("SupplyUi", "Farmer")),
        Column("village_group", QT_TRANSLATE_NOOP("SupplyUi", "Group")),
        Column("wanted_date", QT_TRANSLATE_NOOP("SupplyUi", "Wanted")),
        Column("total", QT_TRANSLATE_NOOP("SupplyUi", "Amount"), getter=lambda o: f"{o.total:.2f}", align="right"),
        Column("pay_label", QT_TRANSLATE_NOOP("SupplyUi", "Payment")),
        Column("status_label", QT_TRANSLATE_NOOP("SupplyUi", "Status"),
               getter=lambda o: o.status_label + ("" if o.fulfilment == "delivery" else tr("SupplyUi", " (pickup)"))),
        Column("items", QT_TRANSLATE_NOOP("SupplyUi", "Items"),
               getter=lambda o: "; ".join(f"{x.name}×{x.qty}{x.unit}" for x in o.lines),
               tooltip=lambda o: "\n".join(f"{x.name} {x.spec} ×{x.qty}{x.unit}" for x in o.lines)),
    ]


_ITEM = re.compile(r"([A-Za-z0-9]+)\s*[x×*]\s*(\d+)")


def parse_items(text: str) -> list[tuple[str, int]]:
    """'C0202×3, C0101*1' -> [('C0202', 3), ('C0101', 1)]."""
    return [(code.upper(), int(qty)) for code, qty in _ITEM.findall(text or "")]


class OrdersPage(_Page):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        left.addWidget(title_label(tr("SupplyUi", "Farmer orders and delivery")))
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.addItem(tr("SupplyUi", "Open orders"), "open")
        self.filter.addItem(tr("SupplyUi", "All orders"), "all")
        bar.addWidget(self.filter)
        self.buttons = {}
        for status, label in (("preparing", tr("SupplyUi", "Preparing")),
                              ("delivering", tr("SupplyUi", "Out for delivery")),
                              ("delivered", tr("SupplyUi", "Delivered")),
                              ("cancelled", tr("SupplyUi", "Cancel"))):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            bar.addWidget(b)
            self.buttons[status] = b
        self.cancel_reason = QLineEdit()
        self.cancel_reason.setPlaceholderText(tr("SupplyUi", "Reason for cancelling"))
        bar.addWidget(self.cancel_reason)
        left.addLayout(bar)
        self.model = BaseTableModel(_order_columns(), context="SupplyUi")
        self.view = table_view(self.model, stretch=7)
        left.addWidget(self.view, 1)
        left.addWidget(self.message)
        left.addWidget(self.note)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())

        side = QWidget()
        side.setMaximumWidth(SIDE_WIDTH)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(side, 2)
        new = QGroupBox(tr("SupplyUi", "Register an order"))
        self.form = FormGrid(new)
        today = ctx.store.clock.today()
        self.form.add_field("farmer", tr("SupplyUi", "Farmer"), QLineEdit(), hint=tr("SupplyUi", "ID number or name"))
        self.form.add_field("items", tr("SupplyUi", "Items"), QLineEdit(), hint=tr("SupplyUi", "e.g. C0202×3, C0101×1"))
        self.form.add_field("wanted_date", tr("SupplyUi", "Wanted on"), _date_edit(today + dt.timedelta(days=2)))
        how = QComboBox()
        how.addItem(tr("SupplyUi", "Delivery"), "delivery")
        how.addItem(tr("SupplyUi", "Pickup"), "pickup")
        self.form.add_field("fulfilment", tr("SupplyUi", "How"), how)
        pay = QComboBox()
        for key, label in (("cash", tr("SupplyUi", "Cash")), ("mobile", tr("SupplyUi", "Mobile payment")),
                           ("credit", tr("SupplyUi", "On credit"))):
            pay.addItem(label, key)
        self.form.add_field("pay", tr("SupplyUi", "Payment"), pay)
        self.form.add_field("use", tr("SupplyUi", "Crop / use"), QLineEdit())
        add = QPushButton(tr("SupplyUi", "Register"))
        add.setObjectName("primary")
        add.clicked.connect(self.register_order)
        self.form.addWidget(add, self.form.rowCount(), 1)
        right.addWidget(new)
        run = QGroupBox(tr("SupplyUi", "Delivery run"))
        self.run_form = FormGrid(run)
        self.run_form.add_field("run_date", tr("SupplyUi", "Date"), _date_edit(today + dt.timedelta(days=2)))
        self.run_form.add_field("groups", tr("SupplyUi", "Village groups"), QLineEdit(),
                                hint=tr("SupplyUi", "comma separated; empty: all"))
        self.run_form.add_field("driver", tr("SupplyUi", "Driver"), QLineEdit())
        row = self.run_form.rowCount()
        for col, (label, slot) in enumerate(((tr("SupplyUi", "Plan and print run sheet"), self.plan_run),
                                             (tr("SupplyUi", "Van leaves"), self.start_run),
                                             (tr("SupplyUi", "Van back: all delivered"), self.finish_run))):
            b = QPushButton(label)
            b.clicked.connect(slot)
            self.run_form.addWidget(b, row + col, 1)
        right.addWidget(run)
        right.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(supply_orders.list_orders(self.ctx.store, open_only=self.filter.currentData() == "open"))

    def new_item(self) -> None:
        self.form.widgets["farmer"].setFocus()

    def register_order(self) -> None:
        w = self.form.widgets
        self.attempt(lambda: supply_orders.register_order(
            self.ctx.store, actor=self.ctx.actor, farmer=w["farmer"].text(), items=parse_items(w["items"].text()),
            wanted_date=_iso(w["wanted_date"]), fulfilment=w["fulfilment"].currentData(), pay=w["pay"].currentData(),
            use=w["use"].text()), self.form, tr("SupplyUi", "Order registered."))

    def set_status(self, status: str) -> None:
        order = selected_row(self.view)
        if order is None:
            self.message.setText(tr("SupplyUi", "Choose an order in the list first."))
            return
        self.attempt(lambda: supply_orders.set_status(self.ctx.store, actor=self.ctx.actor,
                                                      order=order.order_no, status=status,  # type: ignore[attr-defined]
                                                      reason=self.cancel_reason.text()))

    def _groups(self) -> list[str]:
        return [g.strip() for g in re.split(r"[,，、\s]+", self.run_form.widgets["groups"].text()) if g.strip()]

    def _print_sheet(self, sheet: supply_orders.RunSheet) -> None:
        pdf = archive_path(self.ctx.paths, f"{sheet.run_no}.pdf")
        result = build_run_sheet(sheet, hall_name=hall_info(self.ctx.store).name, target=pdf)
        print_or_view(self, self.ctx, pdf, title=tr("SupplyUi", "Delivery run {no}").format(no=sheet.run_no),
                      warning=glyph_warning(result))

    def plan_run(self) -> None:
        w = self.run_form.widgets
        sheet = self.attempt(lambda: supply_orders.plan_run(self.ctx.store, actor=self.ctx.actor,
                                                            run_date=_iso(w["run_date"]), groups=self._groups(),
                                                            driver=w["driver"].text()), self.run_form)
        if isinstance(sheet, supply_orders.RunSheet):
            self._print_sheet(sheet)
            self.note.setText(tr("SupplyUi", "Run {no}: {stops} stops, {money} to collect.").format(
                no=sheet.run_no, stops=len(sheet.stops), money=f"¥{sheet.total_to_collect:.2f}"))

    def start_run(self) -> None:
        day = _iso(self.run_form.widgets["run_date"])
        self.attempt(lambda: supply_orders.start_run(self.ctx.store, actor=self.ctx.actor, run=day),
                     self.run_form, tr("SupplyUi", "The goods on the run have left stock."))

    def finish_run(self) -> None:
        day = _iso(self.run_form.widgets["run_date"])
        self.attempt(lambda: supply_orders.finish_run(self.ctx.store, actor=self.ctx.actor, run=day),
                     self.run_form, tr("SupplyUi", "Run finished."))


# -- products -----------------------------------------------------------------------------------------

class ProductsPage(_Page):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        left.addWidget(title_label(tr("SupplyUi", "Products")))
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(tr("SupplyUi", "Search by name, pinyin, code or registration number"))
        left.addWidget(self.search)
        self.model = BaseTableModel(product_columns(), context="SupplyUi")
        # The name is what the keeper reads: it keeps its width, the specification gives way.
        self.view = table_view(self.model, stretch=2)
        left.addWidget(self.view, 1)
        self.search.textChanged.connect(lambda _t: self.refresh())
        side = QWidget()
        side.setMaximumWidth(SIDE_WIDTH)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(side, 2)
        box = QGroupBox(tr("SupplyUi", "Add a product of the hall's own"))
        self.form = FormGrid(box)
        self.form.add_field("name", tr("SupplyUi", "Name"), QLineEdit())
        cat = QComboBox()
        labels = category_labels()
        for key in CATEGORIES:
            cat.addItem(labels[key], key)
        self.form.add_field("category", tr("SupplyUi", "Category"), cat)
        self.form.add_field("spec", tr("SupplyUi", "Specification"), QLineEdit())
        self.form.add_field("unit", tr("SupplyUi", "Unit"), QLineEdit())
        self.form.add_field("price", tr("SupplyUi", "Price"), QLineEdit())
        self.form.add_field("maker", tr("SupplyUi", "Manufacturer"), QLineEdit())
        self.form.add_field("reg_no", tr("SupplyUi", "Registration No."), QLineEdit(),
                            hint=tr("SupplyUi", "Pesticides: e.g. PD20080349"))
        self.form.add_field("restricted", tr("SupplyUi", "Restricted"), QCheckBox(tr("SupplyUi", "Restricted pesticide")))
        low = QSpinBox()
        low.setRange(0, 100000)
        low.setValue(5)
        self.form.add_field("low_stock", tr("SupplyUi", "Low at"), low)
        add = QPushButton(tr("SupplyUi", "Add product"))
        add.setObjectName("primary")
        add.clicked.connect(self.add)
        self.form.addWidget(add, self.form.rowCount(), 1)
        right.addWidget(box)
        right.addWidget(self.message)
        right.addWidget(self.note)
        right.addStretch(1)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()

    def refresh(self) -> None:
        self.model.set_rows(supply_catalogue.search_products(self.ctx.store, query=self.search.text()))

    def add(self) -> None:
        w = self.form.widgets
        product = self.attempt(lambda: supply_catalogue.add_product(
            self.ctx.store, actor=self.ctx.actor, name=w["name"].text(), category=w["category"].currentData(),
            unit=w["unit"].text(), price=w["price"].text() or "0", spec=w["spec"].text(), maker=w["maker"].text(),
            reg_no=w["reg_no"].text(), restricted=w["restricted"].isChecked(), low_stock=w["low_stock"].value()),
            self.form)
        if product is not None:
            self.note.setText(tr("SupplyUi", "Added with code {code}.").format(code=product.code))  # type: ignore[attr-defined]


# -- ledgers and reports ----------------------------------------------------------------------------------

def _ledger_columns() -> list[Column]:
    return [
        Column("no", QT_TRANSLATE_NOOP("SupplyUi", "No."), align="right"),
        Column("date", QT_TRANSLATE_NOOP("SupplyUi", "Date")),
        Column("product", QT_TRANSLATE_NOOP("SupplyUi", "Product")),
        Column("reg_no", QT_TRANSLATE_NOOP("SupplyUi", "Registration No.")),
        Column("spec", QT_TRANSLATE_NOOP("SupplyUi", "Specification")),
        Column("qty", QT_TRANSLATE_NOOP("SupplyUi", "Qty"), getter=lambda r: f"{r.qty}{r.unit}", align="right"),
        Column("maker", QT_TRANSLATE_NOOP("SupplyUi", "Manufacturer")),
        Column("party", QT_TRANSLATE_NOOP("SupplyUi", "Supplier / buyer")),
        Column("note", QT_TRANSLATE_NOOP("SupplyUi", "Note")),
    ]


def _sales_columns() -> list[Column]:
    return [
        Column("key", QT_TRANSLATE_NOOP("SupplyUi", "Code")),
        Column("label", QT_TRANSLATE_NOOP("SupplyUi", "Product")),
        Column("qty", QT_TRANSLATE_NOOP("SupplyUi", "Qty"), getter=lambda x: f"{x.qty}{x.unit}", align="right"),
        Column("amount", QT_TRANSLATE_NOOP("SupplyUi", "Amount"), getter=lambda x: f"{x.amount:,.2f}", align="right"),
    ]


def _credit_columns() -> list[Column]:
    return [
        Column("name", QT_TRANSLATE_NOOP("SupplyUi", "Farmer")),
        Column("village_group", QT_TRANSLATE_NOOP("SupplyUi", "Group")),
        Column("phone", QT_TRANSLATE_NOOP("SupplyUi", "Phone")),
        Column("balance", QT_TRANSLATE_NOOP("SupplyUi", "Owed"), getter=lambda b: f"{b.balance:.2f}", align="right"),
        Column("last_entry", QT_TRANSLATE_NOOP("SupplyUi", "Last entry")),
    ]


class LedgersPage(_Page):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        outer = QVBoxLayout(self)
        outer.addWidget(title_label(tr("SupplyUi", "Ledgers and reports")))
        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItem(tr("SupplyUi", "Purchase ledger"), "purchase")
        self.kind.addItem(tr("SupplyUi", "Sales ledger"), "sales")
        self.month = QLineEdit(ctx.store.clock.today().strftime("%Y-%m"))
        self.month.setMaximumWidth(110)
        self.all_categories = QCheckBox(tr("SupplyUi", "All products (not only pesticides)"))
        show = QPushButton(tr("SupplyUi", "Show"))
        pdf = QPushButton(tr("SupplyUi", "Print"))
        xlsx = QPushButton(tr("SupplyUi", "Export to Excel"))
        for w in (self.kind, QLabel(tr("SupplyUi", "Month")), self.month, self.all_categories, show, pdf, xlsx):
            bar.addWidget(w)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.model = BaseTableModel(_ledger_columns(), context="SupplyUi")
        self.view = table_view(self.model, stretch=7)
        outer.addWidget(self.view, 3)
        outer.addWidget(self.message)
        outer.addWidget(self.note)
        lower = QHBoxLayout()
        report_box = QVBoxLayout()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMinimumWidth(320)
        report_box.addWidget(self.summary)
        self.sales = BaseTableModel(_sales_columns(), context="SupplyUi")  # the month's sales by product
        self.sales_view = table_view(self.sales)
        report_box.addWidget(self.sales_view, 1)
        lower.addLayout(report_box, 2)
        credit_box = QVBoxLayout()
        credit_box.addWidget(QLabel(tr("SupplyUi", "Outstanding credit")))
        self.credit = BaseTableModel(_credit_columns(), context="SupplyUi")
        self.credit_view = table_view(self.credit, stretch=0)
        credit_box.addWidget(self.credit_view)
        repay = QHBoxLayout()
        self.repay_amount = QLineEdit()
        self.repay_amount.setPlaceholderText(tr("SupplyUi", "Amount paid back"))
        repay_button = QPushButton(tr("SupplyUi", "Record repayment"))
        repay.addWidget(self.repay_amount)
        repay.addWidget(repay_button)
        credit_box.addLayout(repay)
        lower.addLayout(credit_box, 3)
        outer.addLayout(lower, 2)
        show.clicked.connect(self.refresh)
        pdf.clicked.connect(self.print_ledger)
        xlsx.clicked.connect(self.export)
        repay_button.clicked.connect(self.repay)
        self.credit_view.clicked.connect(lambda _i: self.show_history())
        self.refresh()

    def prepare_screenshot(self) -> None:
        """The sales ledger of the latest of the last three months that had sales (make screenshots)."""
        self.kind.setCurrentIndex(self.kind.findData("sales"))
        first = self.ctx.store.clock.today().replace(day=1)
        for _ in range(3):
            if supply_reports.monthly_sales(self.ctx.store, month=f"{first:%Y-%m}").by_product:
                break
            first = (first - dt.timedelta(days=1)).replace(day=1)
        self.month.setText(f"{first:%Y-%m}")
        self.refresh()

    def _ledger(self) -> supply_ledgers.Ledger:
        return supply_ledgers.ledger(self.ctx.store, kind=self.kind.currentData(), period=self.month.text(),
                                     category=None if self.all_categories.isChecked() else "pesticide")

    def refresh(self) -> None:
        self.message.setText("")
        try:
            ledger = self._ledger()
            report = supply_reports.monthly_sales(self.ctx.store, month=self.month.text())
        except DomainError as exc:
            self.message.setText(exc.message)
            return
        self.model.set_rows(ledger.rows)
        lines = [tr("SupplyUi", "Sales in {period}: {total}").format(period=self.month.text(),
                                                                     total=f"¥{report.total:,.2f}")]
        if report.by_category:
            lines.append("；".join(f"{x.label} ¥{x.amount:,.2f}" for x in report.by_category))
        value = supply_reports.stock_valuation(self.ctx.store)
        lines.append(tr("SupplyUi", "Stock value at cost: {cost}; at retail: {retail}").format(
            cost=f"¥{sum(v.cost_value for v in value):,.2f}", retail=f"¥{sum(v.retail_value for v in value):,.2f}"))
        self.summary.setText("\n".join(lines))
        self.sales.set_rows(report.by_product)
        self.credit.set_rows(supply_sales.credit_balances(self.ctx.store))

    def print_ledger(self) -> None:
        ledger = self.attempt(self._ledger)
        if isinstance(ledger, supply_ledgers.Ledger):
            pdf = archive_path(self.ctx.paths, f"ledger-{ledger.kind}-{self.month.text()}.pdf")
            result = build_ledger_pdf(ledger, target=pdf)
            print_or_view(self, self.ctx, pdf, title=f"{ledger.title} {ledger.period}", warning=glyph_warning(result))

    def export(self) -> None:
        ledger = self.attempt(self._ledger)
        if isinstance(ledger, supply_ledgers.Ledger):
            path = write_ledger_xlsx(ledger, archive_path(self.ctx.paths, f"ledger-{ledger.kind}-{self.month.text()}.xlsx"))
            self.note.setText(tr("SupplyUi", "Saved: {path}").format(path=str(path)))

    def show_history(self) -> None:
        row = selected_row(self.credit_view)
        if row is None:
            return
        history = supply_sales.credit_history(self.ctx.store, resident=row.resident_id)  # type: ignore[attr-defined]
        labels = {"charge": tr("SupplyUi", "bought on credit"), "repay": tr("SupplyUi", "paid back"),
                  "reverse": tr("SupplyUi", "returned")}
        self.note.setText(f"{row.name}: " + "; ".join(  # type: ignore[attr-defined]
            f"{h.entry_date} {labels.get(h.kind, h.kind)} ¥{abs(h.amount):.2f} → ¥{h.balance_after:.2f}"
            for h in history[-8:]))

    def repay(self) -> None:
        row = selected_row(self.credit_view)
        if row is None:
            self.message.setText(tr("SupplyUi", "Choose a farmer in the credit list first."))
            return
        self.attempt(lambda: supply_sales.repay(self.ctx.store, actor=self.ctx.actor,
                                                resident=row.resident_id,  # type: ignore[attr-defined]
                                                amount=self.repay_amount.text()),
                     None, tr("SupplyUi", "Repayment recorded."))
