"""First-start setup, sign-in and the lock screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
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

from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.services import auth
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.text import tr


class SetupDialog(QDialog):
    """Asked once, on a new database: the hall and its administrator."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.admin_name = ""
        self.setWindowTitle(tr("auth", "Set up this service hall"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("auth", "Welcome. Set up this service hall")))
        intro = QLabel(tr("auth", "This is asked only once. The administrator can add the other "
                              "staff members afterwards."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = FormGrid()
        f = self.form
        self.hall_name = f.add_field("hall_name", tr("auth", "Hall name"), line_edit(max_length=60),
                                     hint=tr("auth", "The full name, as on the sign at the door"))
        self.hall_code = f.add_field("hall_code", tr("auth", "Hall code"), line_edit(max_length=6),
                                     hint=tr("auth", "6 letters or digits, from the county"))
        self.township = f.add_field("township", tr("auth", "Township"), line_edit(max_length=40))
        self.county = f.add_field("county", tr("auth", "County"), line_edit(max_length=40))
        self.device_code = f.add_field(
            "device_code", tr("auth", "This PC's number"), line_edit("01", max_length=2),
            hint=tr("auth", "01 on the hall's first PC, 02 on a second one; receipt numbers carry it"))
        self.admin = f.add_field("admin_name", tr("auth", "Administrator's name"),
                                 line_edit(max_length=40))
        self.password = f.add_field("password", tr("auth", "Password"), line_edit(password=True),
                                    hint=tr("auth", "At least 6 characters"))
        self.password2 = f.add_field("password2", tr("auth", "Password again"),
                                     line_edit(password=True))
        layout.addLayout(f)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("auth", "Set up"))
        ok.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 0)

    def submit(self) -> None:
        self.form.clear_errors()
        if self.password.text() != self.password2.text():
            self.form.set_error("password2", tr("auth", "The two passwords differ. Type them again."))
            self.password2.setFocus()
            return
        try:
            info = auth.setup_hall(
                self.store, hall_name=self.hall_name.text(), hall_code=self.hall_code.text(),
                admin_name=self.admin.text(), admin_password=self.password.text(),
                township=self.township.text(), county=self.county.text(),
                device_code=self.device_code.text())
        except DomainError as exc:
            if not self.form.show_domain_error(exc):
                self.form.set_error("hall_name", exc.message)
            return
        self.admin_name = info.name
        self.accept()


class SignInDialog(QDialog):
    """Name and password; the message under the password says what to do next."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor: auth.Actor | None = None
        hall = store.identity
        self.setWindowTitle(tr("auth", "Sign in"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(hall.name, "sectionTitle"))
        layout.addWidget(title_label(tr("auth", "Sign in")))
        self.form = FormGrid()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for info in auth.list_staff(store, include_disabled=False):
            self.name.addItem(f"{info.name}", info.name)
        self.name.setCurrentIndex(-1 if self.name.count() != 1 else 0)
        self.form.add_field("name", tr("auth", "Name"), self.name)
        self.password = self.form.add_field("password", tr("auth", "Password"),
                                            line_edit(password=True))
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("auth", "Sign in"))
        self.ok.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 0)
        (self.password if self.name.currentIndex() >= 0 else self.name).setFocus()

    def submit(self) -> None:
        self.form.clear_errors()
        name = self.name.currentText().strip()
        if not name:
            self.form.set_error("name", tr("auth", "Choose your name."))
            return
        try:
            self.actor = auth.authenticate(self.store, name=name, password=self.password.text())
        except DomainError as exc:
            self.form.set_error("password", exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class LockScreen(QWidget):
    """Covers the work area after idle time; the forms behind it keep what was typed."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, store: Store, actor_name: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._actor_name = actor_name
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        self.title = title_label(tr("auth", "Locked"), "lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        self.form = FormGrid()
        self.password = self.form.add_field("password", tr("auth", "Password"),
                                            line_edit(password=True))
        self.password.returnPressed.connect(self.submit)
        inner.addLayout(self.form)
        row = QHBoxLayout()
        self.sign_out = QPushButton(tr("auth", "Sign out"))
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.unlock_button = QPushButton(tr("auth", "Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.submit)
        row.addStretch(1)
        row.addWidget(self.sign_out)
        row.addWidget(self.unlock_button)
        inner.addLayout(row)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(3)

    def prepare(self) -> None:
        self.form.clear_errors()
        self.password.clear()
        self.who.setText(tr("auth", "The window was locked after a pause. {name}, enter your "
                                    "password to go on. What you typed is kept.").format(
            name=self._actor_name()))
        self.password.setFocus()

    def submit(self) -> None:
        self.form.clear_errors()
        try:
            auth.authenticate(self.store, name=self._actor_name(), password=self.password.text())
        except DomainError as exc:
            self.form.set_error("password", exc.message)
            self.password.selectAll()
            return
        self.password.clear()
        self.unlocked.emit()
