"""Counter quick sale (柜台销售), from the keyboard: search product, Enter, quantity, Enter; F9 checks out.

F5 cash, F6 mobile payment, F7 on credit. Delete removes the selected line. A restricted
pesticide in the basket asks for the buyer's ID number and the crop or use.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from villagedesk.clock import CST
from villagedesk.errors import DomainError
from villagedesk.receipts.supply_receipt import HallHeader, build_sale_receipt
from villagedesk.receipts.toolkit import reprint_text
from villagedesk.services import supply_sales
from villagedesk.services.auth import hall_info
from villagedesk.services.money import format_yuan, to_chinese_capital
from villagedesk.services.supply_catalogue import ProductInfo
from villagedesk.ui.document_print import glyph_warning, print_or_view
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.supply.common import ProductPicker, archive_path, table_view
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr


@dataclasses.dataclass(frozen=True)
class CartLine:
    product: ProductInfo
    qty: int

    @property
    def amount(self) -> Decimal:
        return self.product.price * self.qty


def _cart_columns() -> list[Column]:
    return [
        Column("code", QT_TRANSLATE_NOOP("SupplyUi", "Code"), getter=lambda c: c.product.code),
        Column("name", QT_TRANSLATE_NOOP("SupplyUi", "Product"),
               getter=lambda c: f"{c.product.name} {c.product.spec}".strip()),
        Column("qty", QT_TRANSLATE_NOOP("SupplyUi", "Qty"), getter=lambda c: f"{c.qty}{c.product.unit}",
               align="right"),
        Column("price", QT_TRANSLATE_NOOP("SupplyUi", "Price"), getter=lambda c: f"{c.product.price:.2f}",
               align="right"),
        Column("amount", QT_TRANSLATE_NOOP("SupplyUi", "Amount"), getter=lambda c: f"{c.amount:.2f}",
               align="right"),
    ]


class SalePage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.lines: list[CartLine] = []
        self.last_pdf: Path | None = None
        self.last_sale_no = ""
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        left.addWidget(title_label(tr("SupplyUi", "Counter sale")))
        hint = QLabel(tr("SupplyUi", "Type a code, pinyin initials or a name; Enter picks it, type the quantity, "
                                     "Enter adds it. F9 checks out."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        left.addWidget(hint)
        self.picker = ProductPicker(ctx.store, placeholder=tr("SupplyUi", "Search product (e.g. ns for 尿素)"))
        left.addWidget(self.picker, 2)
        qty_row = QHBoxLayout()
        self.chosen = QLabel(tr("SupplyUi", "No product chosen"))
        self.qty = QSpinBox()
        self.qty.setRange(1, 100000)
        self.qty.setAccelerated(True)
        add = QPushButton(tr("SupplyUi", "Add (Enter)"))
        qty_row.addWidget(self.chosen, 1)
        qty_row.addWidget(QLabel(tr("SupplyUi", "Quantity")))
        qty_row.addWidget(self.qty)
        qty_row.addWidget(add)
        left.addLayout(qty_row)
        left.addWidget(QLabel(tr("SupplyUi", "Basket (Delete removes a line)")))
        self.cart = BaseTableModel(_cart_columns(), context="SupplyUi")
        self.cart_view = table_view(self.cart)
        self.cart_view.setSortingEnabled(False)
        left.addWidget(self.cart_view, 2)

        side = QWidget()
        side.setMaximumWidth(470)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(side, 2)
        right.addWidget(title_label(tr("SupplyUi", "Total"), "sectionTitle"))
        self.total = QLabel("¥0.00")
        self.total.setObjectName("cardCount")
        self.capital = QLabel("")
        self.capital.setWordWrap(True)
        right.addWidget(self.total)
        right.addWidget(self.capital)
        pay_box = QGridLayout()
        self.pay_group = QButtonGroup(self)
        for i, (key, label) in enumerate((("cash", tr("SupplyUi", "Cash (F5)")),
                                          ("mobile", tr("SupplyUi", "Mobile (F6)")),
                                          ("credit", tr("SupplyUi", "Credit (F7)")))):
            button = QRadioButton(label)
            button.setProperty("pay", key)
            self.pay_group.addButton(button, i)
            pay_box.addWidget(button, 0, i)
        self.pay_group.button(0).setChecked(True)
        right.addLayout(pay_box)
        form_holder = QWidget()
        self.form = FormGrid(form_holder)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.buyer = self.form.add_field("buyer", tr("SupplyUi", "Farmer"), QLineEdit(),
                                         hint=tr("SupplyUi", "ID number or name; needed for credit"))
        self.buyer_id = self.form.add_field("buyer_id", tr("SupplyUi", "Buyer's ID"), QLineEdit(),
                                            hint=tr("SupplyUi", "Restricted pesticides only"))
        self.buyer_name = self.form.add_field("buyer_name", tr("SupplyUi", "Buyer's name"), QLineEdit())
        self.use = self.form.add_field("use", tr("SupplyUi", "Crop / use"), QLineEdit())
        self.paper = QComboBox()
        self.paper.addItem(tr("SupplyUi", "80 mm roll"), "roll80")
        self.paper.addItem(tr("SupplyUi", "A5 sheet"), "a5")
        self.form.add_field("paper", tr("SupplyUi", "Receipt"), self.paper)
        right.addWidget(form_holder)
        self.message = QLabel("")
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        self.checkout_button = QPushButton(tr("SupplyUi", "Check out and print (F9)"))
        self.checkout_button.setObjectName("primary")
        right.addWidget(self.checkout_button)
        self.last = QLabel("")
        self.last.setObjectName("hint")
        self.last.setWordWrap(True)
        right.addWidget(self.last)
        reprint_button = QPushButton(tr("SupplyUi", "Reprint a receipt (F10)"))
        reprint_button.clicked.connect(lambda: self.reprint())
        right.addWidget(reprint_button)
        right.addStretch(1)

        self.picker.picked.connect(self._chosen)
        add.clicked.connect(self.add_line)
        self.qty.editingFinished.connect(lambda: None)
        self.qty.installEventFilter(self)
        self.checkout_button.clicked.connect(self.checkout)
        for key, slot in (("F9", self.checkout), ("F5", lambda: self._pay(0)), ("F6", lambda: self._pay(1)),
                          ("F7", lambda: self._pay(2)), ("F10", lambda: self.reprint()),
                          ("Delete", self.remove_line)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.current: ProductInfo | None = None
        self._update()

    # -- keyboard flow ------------------------------------------------------------------------
    def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.qty and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_line()
            return True
        return super().eventFilter(obj, event)

    def focus_search(self) -> None:
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def refresh(self) -> None:
        self.picker.refresh()

    def _pay(self, index: int) -> None:
        self.pay_group.button(index).setChecked(True)

    def pay_method(self) -> str:
        return str(self.pay_group.checkedButton().property("pay"))

    def _chosen(self, product: ProductInfo) -> None:
        self.current = product
        self.chosen.setText(f"{product.code} {product.name} {product.spec}  ¥{product.price:.2f}/{product.unit}  "
                            + tr("SupplyUi", "in stock: {qty}").format(qty=f"{product.stock}{product.unit}"))
        self.qty.setValue(1)
        self.qty.setFocus()
        self.qty.selectAll()

    def add_line(self) -> None:
        if self.current is None:
            self.current = self.picker.current()
            if self.current is None:
                return
        qty = self.qty.value()
        merged = False
        for i, line in enumerate(self.lines):
            if line.product.id == self.current.id:
                self.lines[i] = CartLine(line.product, line.qty + qty)
                merged = True
        if not merged:
            self.lines.append(CartLine(self.current, qty))
        self.current = None
        self.chosen.setText(tr("SupplyUi", "No product chosen"))
        self._update()
        self.focus_search()

    def remove_line(self) -> None:
        index = self.cart_view.currentIndex()
        if index.isValid() and 0 <= index.row() < len(self.lines):
            del self.lines[index.row()]
            self._update()

    def _update(self) -> None:
        self.cart.set_rows(self.lines)
        total = sum((line.amount for line in self.lines), Decimal("0.00"))
        self.total.setText(format_yuan(total))
        self.capital.setText(tr("SupplyUi", "In words: {capital}").format(capital=to_chinese_capital(total)))
        restricted = any(line.product.restricted for line in self.lines)
        for key in ("buyer_id", "buyer_name", "use"):
            self.form.widgets[key].setEnabled(restricted)
        self.message.setText(tr("SupplyUi", "Restricted pesticide: real-name sale. Enter the buyer's ID number "
                                            "and the crop or use.") if restricted else "")

    # -- checkout -----------------------------------------------------------------------------
    def checkout(self) -> None:
        if not self.lines:
            self.message.setText(tr("SupplyUi", "The basket is empty."))
            return
        self.form.clear_errors()
        try:
            sale = supply_sales.sell(
                self.ctx.store, actor=self.ctx.actor, items=[(x.product.code, x.qty) for x in self.lines],
                pay=self.pay_method(), buyer=self.buyer.text().strip() or None,
                buyer_name=self.buyer_name.text(), buyer_id_number=self.buyer_id.text(), use=self.use.text())
        except DomainError as exc:
            if not self.form.show_domain_error(exc):
                self.message.setText(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - shown calmly, logged by the handler
            show_error(self, exc)
            return
        hall = hall_info(self.ctx.store)
        pdf = archive_path(self.ctx.paths, f"{sale.sale_no}.pdf")
        result = build_sale_receipt(sale, HallHeader(hall.name, hall.phone, hall.receipt_secret),
                                    paper=str(self.paper.currentData()), target=pdf)
        self.last_pdf = pdf
        self.last_sale_no = sale.sale_no
        print_or_view(self, self.ctx, pdf, title=tr("SupplyUi", "Sales receipt {no}").format(no=sale.sale_no),
                      warning=glyph_warning(result))
        self.ctx.notify_changed("supply")
        self.last.setText(tr("SupplyUi", "Sold: {no}, {total} ({pay}).").format(
            no=sale.sale_no, total=format_yuan(sale.total), pay=sale.pay_label))
        self.lines = []
        for w in (self.buyer, self.buyer_id, self.buyer_name, self.use):
            w.clear()
        self._pay(0)
        self._update()
        self.picker.refresh()
        self.focus_search()

    def reprint(self, sale_no: str | None = None) -> Path | None:
        """补打: print a sale's receipt again, marked as a reprint (the last sale unless told)."""
        if sale_no is None:
            sale_no, ok = QInputDialog.getText(
                self, tr("SupplyUi", "Reprint a receipt"),
                tr("SupplyUi", "Sale number (the last digits are enough):"), text=self.last_sale_no)
            if not ok:
                return None
        try:
            sale = supply_sales.get_sale(self.ctx.store, sale=sale_no)
        except DomainError as exc:
            self.message.setText(exc.message)
            return None
        now = self.ctx.store.clock.now().astimezone(CST)
        hall = hall_info(self.ctx.store)
        pdf = archive_path(self.ctx.paths, f"{sale.sale_no}-reprint-{now:%Y%m%d-%H%M%S}.pdf")
        result = build_sale_receipt(sale, HallHeader(hall.name, hall.phone, hall.receipt_secret),
                                    paper=str(self.paper.currentData()), target=pdf,
                                    reprint=reprint_text(f"{now:%Y-%m-%d %H:%M}"))
        print_or_view(self, self.ctx, pdf, title=tr("SupplyUi", "Sales receipt {no}").format(no=sale.sale_no),
                      warning=glyph_warning(result))
        return pdf

    def prepare_screenshot(self) -> None:
        """A basket with a fertiliser and a restricted pesticide, as a clerk would have it."""
        self.picker.search.setText("fhf")
        for code, qty in (("C0202", 2), ("C0309", 1)):
            from villagedesk.services.supply_catalogue import product_info

            self._chosen(product_info(self.ctx.store, product=code))
            self.qty.setValue(qty)
            self.add_line()
        self.picker.search.setText("fhf")
        self.buyer_id.setText("420902196805040032")
        self.use.setText("水稻 稻飞虱")
