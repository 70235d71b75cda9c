"""The daily meal register (a few keystrokes for the regulars) and the monthly statements."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from villagedesk.services import eldercare_documents, eldercare_meals, eldercare_roster
from villagedesk.services.eldercare_rules import fmt_yuan, yuan_to_fen
from villagedesk.services.idcard import mask_id
from villagedesk.ui.eldercare.common import (
    CTX,
    EldercarePage,
    date_edit,
    date_of,
    month_of,
    save_and_print,
    table_view,
)
from villagedesk.ui.forms import line_edit, title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr

ROW = Qt.ItemDataRole.UserRole


class MealRegisterPage(EldercarePage):
    """Today's lunch or dinner for the regular diners.

    Up/Down moves, Space ticks who ate, D marks a delivered meal, Ctrl+Enter registers them
    all. Someone who is not a regular is added by typing their name or the end of their ID.
    """

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.day = date_edit(ctx.store.clock.today())
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.meal = QComboBox()
        self.meal.addItem(eldercare_meals.meal_label("lunch"), "lunch")
        self.meal.addItem(eldercare_meals.meal_label("dinner"), "dinner")
        self.meal.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.list.itemChanged.connect(lambda _i: self._update_total())
        self.list.installEventFilter(self)  # D marks a delivered meal; Ctrl+Enter registers
        self.add = line_edit(placeholder=tr("EldercareUi", "Add someone else: name or end of ID number, Enter"))
        self.add.returnPressed.connect(self.add_elder)
        self.total = QLabel("")
        register = QPushButton(tr("EldercareUi", "Register ticked meals (Ctrl+Enter)"))
        register.clicked.connect(self.register)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.register)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("EldercareUi", "Date")))
        top.addWidget(self.day)
        top.addWidget(QLabel(tr("EldercareUi", "Meal")))
        top.addWidget(self.meal)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(register)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("EldercareUi", "Meal register")))
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("EldercareUi", "Space: ate · D: delivered · Ctrl+Enter: register")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.add)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_D and not event.modifiers():
                self.toggle_delivered()
                return True
            # The list would take Ctrl+Enter as "activate item"; here it registers the meals.
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.register()
                return True
        return super().eventFilter(watched, event)

    # -- rows ------------------------------------------------------------------------------
    def _item_text(self, row: dict[str, Any]) -> str:
        parts = [row["name"], row["category_label"],
                 tr("EldercareUi", "pays {paid}").format(paid=row["paid"])]
        if row["mode"] == "delivered":
            parts.append(tr("EldercareUi", "[delivered]"))
        if row["served"]:
            parts.append(tr("EldercareUi", "registered"))
        return "　".join(parts)

    def _add_row(self, row: dict[str, Any], checked: bool = False) -> QListWidgetItem:
        item = QListWidgetItem(self._item_text(row))
        item.setData(ROW, row)
        if row["served"]:
            item.setFlags(Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked)
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def refresh(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        rows = eldercare_meals.meal_register(self.ctx.store, meal_date=date_of(self.day),
                                             meal=self.meal.currentData())
        for row in rows:
            self._add_row(row)
        self.list.blockSignals(False)
        first = next((i for i in range(self.list.count())
                      if not self.list.item(i).data(ROW)["served"]), 0)
        self.list.setCurrentRow(first)
        self._update_total()

    def focus_search(self) -> None:
        self.list.setFocus()

    def _ticked(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked
                and not self.list.item(i).data(ROW)["served"]]

    def _update_total(self) -> None:
        ticked = self._ticked()
        paid = sum(yuan_to_fen(i.data(ROW)["paid"]) for i in ticked)
        served = sum(1 for i in range(self.list.count()) if self.list.item(i).data(ROW)["served"])
        self.total.setText(tr("EldercareUi", "{n} ticked, {paid} to collect; {m} already registered").format(
            n=len(ticked), paid=fmt_yuan(paid), m=served))

    def toggle_delivered(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(ROW)["served"]:
            return
        row = dict(item.data(ROW))
        row["mode"] = "served" if row["mode"] == "delivered" else "delivered"
        item.setData(ROW, row)
        item.setText(self._item_text(row))
        item.setCheckState(Qt.CheckState.Checked)

    def add_elder(self) -> None:
        query = self.add.text().strip()
        if not query:
            return
        matches = eldercare_roster.roster(self.ctx.store, query=query, today=date_of(self.day))
        if len(matches) != 1:
            self.message.setText(tr("EldercareUi", "{n} elders match; type more of the name or the ID number.").format(
                n=len(matches)))
            return
        rid = matches[0].resident_id
        for i in range(self.list.count()):
            if self.list.item(i).data(ROW)["resident_id"] == rid:
                self.list.setCurrentRow(i)
                self.list.item(i).setCheckState(Qt.CheckState.Checked)
                self.add.clear()
                return
        all_rows = eldercare_meals.meal_register(self.ctx.store, meal_date=date_of(self.day),
                                                 meal=self.meal.currentData(), regulars_only=False)
        row = next(r for r in all_rows if r["resident_id"] == rid)
        self.message.setText("")
        self.list.setCurrentItem(self._add_row(row, checked=True))
        self.add.clear()
        self.list.setFocus()

    def register(self) -> None:
        ticked = self._ticked()
        if not ticked:
            self.message.setText(tr("EldercareUi", "Tick who ate first (Space)."))
            return
        rows = [i.data(ROW) for i in ticked]
        modes = {r["resident_id"]: r["mode"] for r in rows}
        result = self.attempt(lambda: eldercare_meals.register_meals(
            self.ctx.store, actor=self.ctx.actor, meal_date=date_of(self.day), meal=self.meal.currentData(),
            resident_ids=[r["resident_id"] for r in rows], modes=modes))
        if result is not None:
            self.note.setText(tr("EldercareUi", "{n} meals registered.").format(n=len(result.added)))  # type: ignore[attr-defined]

    def prepare_screenshot(self) -> None:
        for i in range(min(3, self.list.count())):
            item = self.list.item(i)
            if not item.data(ROW)["served"]:
                item.setCheckState(Qt.CheckState.Checked)
        self.list.setFocus()


def statement_columns() -> list[Column]:
    return [
        Column("name", QT_TRANSLATE_NOOP("EldercareUi", "Name")),
        Column("id_number", QT_TRANSLATE_NOOP("EldercareUi", "ID number"), getter=lambda ln: mask_id(ln.id_number)),
        Column("categories", QT_TRANSLATE_NOOP("EldercareUi", "Category"),
               getter=lambda ln: "、".join(eldercare_meals.category_label(c) for c in ln.categories)),
        Column("lunches", QT_TRANSLATE_NOOP("EldercareUi", "Lunches"), align="right"),
        Column("dinners", QT_TRANSLATE_NOOP("EldercareUi", "Dinners"), align="right"),
        Column("delivered", QT_TRANSLATE_NOOP("EldercareUi", "Delivered"), align="right"),
        Column("price_fen", QT_TRANSLATE_NOOP("EldercareUi", "Amount"), getter=lambda ln: fmt_yuan(ln.price_fen),
               align="right"),
        Column("subsidy_fen", QT_TRANSLATE_NOOP("EldercareUi", "Subsidy"),
               getter=lambda ln: fmt_yuan(ln.subsidy_fen), align="right"),
        Column("paid_fen", QT_TRANSLATE_NOOP("EldercareUi", "Paid by elder"),
               getter=lambda ln: fmt_yuan(ln.paid_fen), align="right"),
    ]


class StatementsPage(EldercarePage):
    """The month's meal statement (on screen and printed) and the carers' visit sheets."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.month = date_edit(ctx.store.clock.today(), month_only=True)
        self.month.dateChanged.connect(lambda _d: self.refresh())
        self.model: BaseTableModel[Any] = BaseTableModel(statement_columns(), context=CTX)
        self.view = table_view(self.model, stretch=2)
        self.totals = QLabel("")
        self.totals.setWordWrap(True)
        print_statement = QPushButton(tr("EldercareUi", "Print meal statement"))
        print_statement.clicked.connect(self.print_statement)
        self.carer = QComboBox()
        print_sheet = QPushButton(tr("EldercareUi", "Print visit sheet"))
        print_sheet.clicked.connect(self.print_sheet)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("EldercareUi", "Month")))
        top.addWidget(self.month)
        top.addWidget(print_statement)
        top.addStretch(1)
        top.addWidget(QLabel(tr("EldercareUi", "Carer")))
        top.addWidget(self.carer)
        top.addWidget(print_sheet)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("EldercareUi", "Monthly statements")))
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        st = eldercare_meals.meal_statement(self.ctx.store, month=month_of(self.month))
        self.model.set_rows(st.lines)
        cats = "；".join(
            tr("EldercareUi", "{category}: {meals} meals, subsidy {subsidy}").format(
                category=eldercare_meals.category_label(c), meals=v["meals"], subsidy=fmt_yuan(v["subsidy_fen"]))
            for c, v in st.by_category.items())
        self.totals.setText(tr("EldercareUi", "{elders} elders, {meals} meals. Amount {amount}, subsidy {subsidy}, "
                                    "paid by elders {paid}.").format(
            elders=len(st.lines), meals=st.meals, amount=f"{st.price:,.2f}", subsidy=f"{st.subsidy:,.2f}",
            paid=f"{st.paid:,.2f}") + ("\n" + cats if cats else ""))
        current = self.carer.currentText()
        self.carer.clear()
        self.carer.addItems(eldercare_documents.carers(self.ctx.store))
        if current:
            self.carer.setCurrentText(current)

    def print_statement(self) -> None:
        doc = self.attempt(lambda: eldercare_documents.meal_statement_document(
            self.ctx.store, actor=self.ctx.actor, month=month_of(self.month)))
        if doc is not None:
            save_and_print(self.ctx, self, doc.pdf, doc.filename, doc.warning)  # type: ignore[attr-defined]

    def print_sheet(self) -> None:
        doc = self.attempt(lambda: eldercare_documents.visit_sheet(
            self.ctx.store, carer=self.carer.currentText(), month=month_of(self.month)))
        if doc is not None:
            save_and_print(self.ctx, self, doc.pdf, doc.filename, doc.warning)  # type: ignore[attr-defined]
