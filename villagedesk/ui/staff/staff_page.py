"""The staff list and its dialogs. Accounts are disabled, never deleted: audit rows point at them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.services import auth
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.table_view import RowTableView
from villagedesk.ui.text import role_label, tr


def _active_text(row: auth.StaffInfo) -> str:
    return tr("StaffUi", "Active") if row.active else tr("StaffUi", "Disabled")


class StaffTableModel(BaseTableModel[auth.StaffInfo]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("name", QT_TRANSLATE_NOOP("StaffUi", "Name"),
                   color=lambda r: None if r.active else "#8a8f98"),
            Column("role", QT_TRANSLATE_NOOP("StaffUi", "Role"), getter=lambda r: role_label(r.role)),
            Column("phone", QT_TRANSLATE_NOOP("StaffUi", "Phone")),
            Column("active", QT_TRANSLATE_NOOP("StaffUi", "Account"), getter=_active_text,
                   color=lambda r: None if r.active else "#b3261e"),
        ], context="StaffUi", parent=parent)


def role_combo(current: str = "proxy") -> QComboBox:
    combo = QComboBox()
    for role in auth.ROLES:
        combo.addItem(role_label(role), role)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class StaffDialog(QDialog):
    """Add a staff member, or (with `staff`) reset the password or change the role."""

    def __init__(self, ctx: UiContext, mode: str, staff: auth.StaffInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.mode, self.staff = ctx, mode, staff
        titles = {"add": tr("StaffUi", "Add a staff member"),
                  "password": tr("StaffUi", "Reset the password"),
                  "role": tr("StaffUi", "Change the role")}
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(titles[mode]))
        self.form = FormGrid()
        if staff is not None:
            self.form.add_field("who", tr("StaffUi", "Staff member"), QLabel(staff.name))
        if mode == "add":
            self.name = self.form.add_field("name", tr("StaffUi", "Name"), line_edit(max_length=40))
            self.phone = self.form.add_field("phone", tr("StaffUi", "Phone"), line_edit(max_length=20))
        if mode in ("add", "role"):
            self.role = role_combo(staff.role if staff else "proxy")
            self.form.add_field("role", tr("StaffUi", "Role"), self.role,
                                hint=tr("StaffUi", "Each role sees only its own affairs"))
        if mode in ("add", "password"):
            self.password = self.form.add_field(
                "password", tr("StaffUi", "Password"), line_edit(password=True),
                hint=tr("StaffUi", "At least 6 characters; tell it to the staff member"))
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 0)

    def submit(self) -> None:
        self.form.clear_errors()
        store, actor = self.ctx.store, self.ctx.actor
        try:
            if self.mode == "add":
                auth.create_staff(store, actor=actor, name=self.name.text(),
                                  role=self.role.currentData(), password=self.password.text(),
                                  phone=self.phone.text().strip())
            elif self.mode == "password":
                assert self.staff is not None
                auth.reset_password(store, actor=actor, staff_id=self.staff.id,
                                    password=self.password.text())
            else:
                assert self.staff is not None
                auth.change_role(store, actor=actor, staff_id=self.staff.id,
                                 role=self.role.currentData())
        except DomainError as exc:
            if not self.form.show_domain_error(exc):
                show_error(self, exc)
            return
        self.accept()


class StaffPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("StaffUi", "Staff accounts")))
        hint = QLabel(tr("StaffUi", "An account is never deleted, because the records it made point "
                                    "at it. Disable it instead."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = StaffTableModel(self)
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.table.row_opened.connect(lambda _row: self.open_dialog("role"))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("StaffUi", "Add a staff member"))
        self.add_button.clicked.connect(self.new_item)
        self.toggle_button = QPushButton(tr("StaffUi", "Disable / enable"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.password_button = QPushButton(tr("StaffUi", "Reset the password"))
        self.password_button.clicked.connect(lambda: self.open_dialog("password"))
        self.role_button = QPushButton(tr("StaffUi", "Change the role"))
        self.role_button.clicked.connect(lambda: self.open_dialog("role"))
        for button in (self.add_button, self.toggle_button, self.password_button, self.role_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(auth.list_staff(self.ctx.store))
        self.table.fit_columns()
        self.table.select_row(0)

    def selected(self) -> auth.StaffInfo | None:
        return self.model.row_at(self.table.currentIndex())

    def new_item(self) -> None:
        if StaffDialog(self.ctx, "add", parent=self).exec():
            self.refresh()

    def open_dialog(self, mode: str) -> None:
        staff = self.selected()
        if staff is not None and StaffDialog(self.ctx, mode, staff, self).exec():
            self.refresh()

    def toggle_active(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        try:
            auth.set_active(self.ctx.store, actor=self.ctx.actor, staff_id=staff.id,
                            active=not staff.active)
        except DomainError as exc:
            show_error(self, exc)
            return
        current = self.table.currentIndex().row()
        self.refresh()
        self.table.select_row(current)
