"""The list of applications with filters (overdue, due soon, status, service, dates, number)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.services import proxy_catalogue, proxy_documents, proxy_lists
from villagedesk.services.proxy_lists import ApplicationRow
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.proxy.print_flow import print_document
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr

COLUMNS = [
    Column("receipt_number", "Receipt no."),
    Column("applicant_name", "Applicant"),
    Column("applicant_id_masked", "ID number"),
    Column("service_name", "Service"),
    Column("status_label", "Status"),
    Column("accepted_on", "Accepted"),
    Column("due_date", "Due by", color=lambda r: "#b00020" if r.overdue else None),
    Column("clerk_name", "Clerk"),
]


class ApplicationTableModel(BaseTableModel[ApplicationRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(COLUMNS, context="ProxyColumns", parent=parent)


VIEWS = ("all", "overdue", "due_soon")


class ProxyListPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = QComboBox()
        self.view.addItem(tr("ProxyUi", "All applications"), "all")
        self.view.addItem(tr("ProxyUi", "Overdue"), "overdue")
        self.view.addItem(tr("ProxyUi", "Due within 2 working days"), "due_soon")
        self.status = QComboBox()
        self.status.addItem(tr("ProxyUi", "Any status"), "")
        for key in ("accepted", "forwarded", "returned", "completed", "collected"):
            from villagedesk.services.proxy import status_label

            self.status.addItem(status_label(key), key)
        self.service = QComboBox()
        self.service.addItem(tr("ProxyUi", "Any service"), "")
        for item in proxy_catalogue.list_catalogue(ctx.store, include_inactive=True):
            self.service.addItem(f"{item.code} {item.name}", item.code)
        self.by_date = QCheckBox(tr("ProxyUi", "Accepted between"))
        today = ctx.store.clock.today()
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.number = line_edit(placeholder=tr("ProxyUi", "Receipt no."))
        self.count_label = QLabel("")

        self.model = ApplicationTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self.open_row)
        self.table.activated.connect(self.open_row)

        open_button = QPushButton(tr("ProxyUi", "Open (Enter)"))
        open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex()))
        notice_button = QPushButton(tr("ProxyUi", "Monthly public notice…"))
        notice_button.clicked.connect(self.print_notice)
        new_button = QPushButton(tr("ProxyUi", "Accept new (Ctrl+N)"))
        new_button.clicked.connect(self.new_item)

        filters = QHBoxLayout()
        for w in (self.view, self.status, self.service, self.by_date, self.date_from, QLabel("—"),
                  self.date_to, self.number):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for b in (new_button, open_button, notice_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("ProxyUi", "Proxy applications")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        for combo in (self.view, self.status, self.service):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.by_date.toggled.connect(self.refresh)
        self.number.textChanged.connect(self.refresh)
        shortcut = QShortcut(QKeySequence("Return"), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: self.open_row(self.table.currentIndex()))
        self.refresh()

    # -- shell hooks ---------------------------------------------------------------------------
    def open_with(self, view: str = "", **_: object) -> None:
        if view in VIEWS:
            self.view.setCurrentIndex(VIEWS.index(view))
        self.refresh()

    def focus_search(self) -> None:
        self.number.setFocus()

    def new_item(self) -> None:
        self.ctx.navigate("proxy.counter")

    def refresh(self) -> None:
        view = self.view.currentData()
        date_from = date_to = None
        if self.by_date.isChecked():
            date_from = _py_date(self.date_from.date())
            date_to = _py_date(self.date_to.date())
        rows = proxy_lists.list_applications(
            self.ctx.store, status=self.status.currentData() or None,
            service_code=self.service.currentData() or None, overdue=view == "overdue",
            due_soon=view == "due_soon", date_from=date_from, date_to=date_to,
            number=self.number.text().strip() or None, limit=1000)
        self.model.set_rows(rows)
        self.count_label.setText(tr("ProxyUi", "{count} applications").format(count=len(rows)))
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def open_row(self, index: QModelIndex) -> None:
        row = self.model.row_at(index) if index.isValid() else None
        if row is not None:
            self.ctx.navigate("proxy.detail", number=row.receipt_number)

    def print_notice(self) -> None:
        today = self.ctx.store.clock.today()
        last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
        month, ok = QInputDialog.getText(self, tr("ProxyUi", "Monthly public notice"),
                                         tr("ProxyUi", "Month (YYYY-MM):"), text=last_month)
        if ok:
            self.print_notice_for(month)

    def print_notice_for(self, month: str, *, preview: bool = True) -> object:
        try:
            document = proxy_documents.notice_document(self.ctx.store, month=month)
        except DomainError as exc:
            show_error(self, exc)
            return None
        return print_document(self, self.ctx, document, preview=preview)


def _py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
