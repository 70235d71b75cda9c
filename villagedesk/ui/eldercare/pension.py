"""This year's pension eligibility checks (who is still unchecked) and the old-age allowance list."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from villagedesk.services import eldercare_pension
from villagedesk.services.eldercare_rules import fmt_yuan
from villagedesk.services.idcard import mask_id
from villagedesk.ui.eldercare.common import (
    CTX,
    EldercarePage,
    LightTableModel,
    date_edit,
    date_of,
    month_of,
    selected,
    table_view,
)
from villagedesk.ui.eldercare.roster import roster_columns
from villagedesk.ui.forms import title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr


def allowance_columns() -> list[Column]:
    return [
        Column("qualifies_on", QT_TRANSLATE_NOOP("EldercareUi", "Qualifies on"),
               getter=lambda i: i.qualifies_on.isoformat()),
        Column("name", QT_TRANSLATE_NOOP("EldercareUi", "Name"), getter=lambda i: i.elder.name),
        Column("id_number", QT_TRANSLATE_NOOP("EldercareUi", "ID number"), getter=lambda i: mask_id(i.elder.id_number)),
        Column("threshold", QT_TRANSLATE_NOOP("EldercareUi", "Age reached"), align="right"),
        Column("monthly", QT_TRANSLATE_NOOP("EldercareUi", "Monthly allowance"),
               getter=lambda i: fmt_yuan(i.monthly_fen), align="right"),
    ]


class PensionPage(EldercarePage):
    """Pick an unchecked elder, choose how they were checked, Ctrl+S. 代办 can start a proxy application."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        today = ctx.store.clock.today()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.count = QLabel("")
        self.model: BaseTableModel[Any] = LightTableModel(roster_columns(), context=CTX)
        self.view = table_view(self.model, stretch=3)
        self.method = QComboBox()
        for code in ("onsite", "home", "proxy"):
            self.method.addItem(eldercare_pension.method_label(code), code)
        self.check_date = date_edit(today)
        record = QPushButton(tr("EldercareUi", "Record check (Ctrl+S)"))
        record.clicked.connect(self.record)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.record)
        proxy = QPushButton(tr("EldercareUi", "Start as proxy application"))
        proxy.clicked.connect(self.start_proxy)
        self.month = date_edit(today, month_only=True)
        self.month.dateChanged.connect(lambda _d: self.refresh_allowance())
        self.allowance: BaseTableModel[Any] = BaseTableModel(allowance_columns(), context=CTX)
        self.allowance_view = table_view(self.allowance, stretch=1)
        self.allowance_view.setMaximumHeight(200)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("EldercareUi", "Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(tr("EldercareUi", "Method")))
        actions.addWidget(self.method)
        actions.addWidget(QLabel(tr("EldercareUi", "Date")))
        actions.addWidget(self.check_date)
        actions.addWidget(record)
        actions.addWidget(proxy)
        actions.addStretch(1)
        month_row = QHBoxLayout()
        month_row.addWidget(QLabel(tr("EldercareUi", "Newly qualifying for the old-age allowance in")))
        month_row.addWidget(self.month)
        month_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("EldercareUi", "Pension check and old-age allowance")))
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("EldercareUi", "Not yet checked this year")))
        layout.addWidget(self.view, 3)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addLayout(month_row)
        layout.addWidget(self.allowance_view, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = eldercare_pension.unchecked(self.ctx.store, year=self.year.value())
        self.model.set_rows(rows)
        self.count.setText(tr("EldercareUi", "{n} elders not checked yet").format(n=len(rows)))
        if rows:
            self.view.selectRow(0)
        self.refresh_allowance()

    def refresh_allowance(self) -> None:
        self.allowance.set_rows(eldercare_pension.newly_qualifying(self.ctx.store, month=month_of(self.month)))

    def focus_search(self) -> None:
        self.view.setFocus()

    def _chosen(self) -> Any:
        elder = selected(self.view)
        if elder is None:
            self.message.setText(tr("EldercareUi", "Choose the elder first."))
        return elder

    def record(self) -> None:
        elder = self._chosen()
        if elder is None:
            return
        self.attempt(lambda: eldercare_pension.certify(
            self.ctx.store, actor=self.ctx.actor, resident_id=elder.resident_id,
            method=self.method.currentData(), check_date=date_of(self.check_date)),
            done=tr("EldercareUi", "Check recorded for {name}.").format(name=elder.name))

    def start_proxy(self) -> None:
        elder = self._chosen()
        if elder is None:
            return
        result = self.attempt(lambda: eldercare_pension.start_pension_proxy(
            self.ctx.store, actor=self.ctx.actor, resident_id=elder.resident_id))
        if result is not None:
            self.note.setText(tr("EldercareUi", "Proxy application {number} started for {name}.").format(
                number=result["receipt_number"], name=elder.name))  # type: ignore[index]
            self.ctx.notify_changed("proxy")
