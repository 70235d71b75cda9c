"""Households: the list, one household (head, members, address) and adding a household."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.services import residents as svc
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.residents.models import HouseholdsTableModel, MembersTableModel
from villagedesk.ui.table_view import RowTableView
from villagedesk.ui.text import tr

CTX = "ResidentsUi"


def _with_key(text: str, seq: str) -> str:
    """A tooltip naming the shortcut, as the menus do."""
    return f"{text} ({QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)})"


class HouseholdPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.household: svc.HouseholdDetail | None = None
        layout = QVBoxLayout(self)
        self.title = title_label("")
        layout.addWidget(self.title)
        self.form = FormGrid()
        self.head = QLabel()
        self.place = QLabel()
        self.address = QLabel()
        self.address.setWordWrap(True)
        self.form.add_field("head", tr("ResidentsUi", "Head of household"), self.head)
        self.form.add_field("place", tr("ResidentsUi", "Village group, hamlet, grid"), self.place)
        self.form.add_field("address", tr("ResidentsUi", "Address"), self.address)
        layout.addLayout(self.form)
        layout.addWidget(title_label(tr("ResidentsUi", "Members"), "sectionTitle"))
        self.model = MembersTableModel(self)
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.table.row_opened.connect(self.open_member)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_member = QPushButton(tr("ResidentsUi", "Add a member"))
        self.add_member.setToolTip(_with_key(self.add_member.text(), "Ctrl+N"))
        self.add_member.clicked.connect(self.new_item)
        back = QPushButton(tr("ResidentsUi", "Back (Esc)"))
        back.clicked.connect(lambda: ctx.navigate("residents"))
        row.addWidget(self.add_member)
        row.addStretch(1)
        row.addWidget(back)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: ctx.navigate("residents"))

    def open_with(self, household_id: str | None = None, **_kw: Any) -> None:
        if household_id:
            self.load(household_id)

    def refresh(self) -> None:
        if self.household is not None:
            self.load(self.household.id)

    def load(self, household_id: str) -> None:
        h = svc.get_household(self.ctx.store, household_id=household_id)
        self.household = h
        self.title.setText(tr("ResidentsUi", "Household {no}").format(no=h.household_no))
        self.head.setText(h.head_name or tr("ResidentsUi", "(no head recorded)"))
        self.place.setText(" · ".join(x for x in (h.village_group, h.hamlet, h.grid) if x) or "—")
        self.address.setText(h.address or "—")
        self.model.set_rows(h.members)
        self.table.fit_columns()
        self.table.select_row(0)
        self.table.setFocus()

    def open_member(self, row: int) -> None:
        member = self.model.row_at(row)
        if member is not None:
            self.ctx.navigate("residents.detail", resident_id=member.id)

    def new_item(self) -> None:
        if self.household is not None:
            self.ctx.navigate("residents.new", household_id=self.household.id)

    def prepare_screenshot(self) -> None:
        if self.household is None:
            rows = svc.list_households(self.ctx.store, limit=50)
            best = max(rows, key=lambda r: r["members"], default=None)
            if best is not None:
                self.load(best["id"])


class HouseholdListPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("ResidentsUi", "Households")), 1)
        add = QPushButton(tr("ResidentsUi", "Add a household"))
        add.setToolTip(_with_key(add.text(), "Ctrl+N"))
        add.clicked.connect(self.new_item)
        top.addWidget(add)
        layout.addLayout(top)
        self.group = QLineEdit()
        self.group.setPlaceholderText(tr("ResidentsUi", "Village group, e.g. 三组 (empty: all)"))
        self.group.returnPressed.connect(self.refresh)
        layout.addWidget(self.group)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        layout.addWidget(self.summary)
        self.model = HouseholdsTableModel(self)
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.table.row_opened.connect(self.open_row)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        group = self.group.text().strip() or None
        rows = svc.list_households(self.ctx.store, village_group=group, limit=500)
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.summary.setText(tr("ResidentsUi", "{count} households shown (at most 500). Enter opens one.")
                             .format(count=len(rows)))

    def focus_search(self) -> None:
        self.group.setFocus()
        self.group.selectAll()

    def open_row(self, row: int) -> None:
        data = self.model.row_at(row)
        if data is not None:
            self.ctx.navigate("residents.household", household_id=data["id"])

    def new_item(self) -> None:
        dialog = NewHouseholdDialog(self.ctx, self)
        if dialog.exec() and dialog.household_id:
            self.ctx.navigate("residents.household", household_id=dialog.household_id)


class NewHouseholdDialog(QDialog):
    """A household without members yet; the clerk adds them next."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: str | None = None
        self.setWindowTitle(tr("ResidentsUi", "Add a household"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("ResidentsUi", "Add a household")))
        self.form = FormGrid()
        self.household_no = self.form.add_field(
            "household_no", tr("ResidentsUi", "Household no."), line_edit(max_length=40),
            hint=tr("ResidentsUi", "Leave empty and a number is given"))
        self.village_group = self.form.add_field("village_group", tr("ResidentsUi", "Village group"),
                                                 line_edit(max_length=20))
        self.hamlet = self.form.add_field("hamlet", tr("ResidentsUi", "Hamlet"), line_edit(max_length=20))
        self.grid = self.form.add_field("grid", tr("ResidentsUi", "Grid"), line_edit(max_length=20))
        self.address = self.form.add_field("address", tr("ResidentsUi", "Address"), line_edit(max_length=80))
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 0)

    def submit(self) -> None:
        self.form.clear_errors()
        try:
            detail = svc.add_household(
                self.ctx.store, actor=self.ctx.actor, household_no=self.household_no.text(),
                village_group=self.village_group.text(), hamlet=self.hamlet.text(),
                grid=self.grid.text(), address=self.address.text())
        except DomainError as exc:
            if not self.form.show_domain_error(exc):
                show_error(self, exc)
            return
        self.household_id = detail.id
        self.ctx.notify_changed("residents")
        self.accept()
