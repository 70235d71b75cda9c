"""One resident: details with inline validation, a new resident, marking 迁出 / 死亡 (never deleting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.services import residents as svc
from villagedesk.services.resident_search import search_residents
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.residents.models import sex_label, status_label
from villagedesk.ui.text import tr

CTX = "ResidentsUi"
RELATIONS = ("户主", "配偶", "子", "女", "儿媳", "女婿", "孙子", "孙女", "父亲", "母亲", "兄弟姐妹", "其他")


def flag_labels() -> dict[str, str]:
    return {
        "is_party_member": tr("ResidentsUi", "Party member"),
        "is_dibao": tr("ResidentsUi", "Minimum-income support"),
        "is_tekun": tr("ResidentsUi", "Extreme poverty support"),
        "is_disabled": tr("ResidentsUi", "Disability"),
        "lives_alone": tr("ResidentsUi", "Living alone"),
    }


class ResidentPage(QWidget):
    """Shows one resident (open_with(resident_id=...)) or a blank form (start_new())."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.detail: svc.ResidentDetail | None = None
        self._snapshot: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        self.title = title_label("")
        outer.addWidget(self.title)
        self.banner = QLabel()
        self.banner.setObjectName("formError")
        self.banner.setVisible(False)
        outer.addWidget(self.banner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        body_layout = QVBoxLayout(body)
        self.form = FormGrid()
        f = self.form
        self.name = f.add_field("name", tr("ResidentsUi", "Name"), line_edit(max_length=40))
        self.id_number = f.add_field("id_number", tr("ResidentsUi", "ID number"), line_edit(max_length=18),
                                     hint=tr("ResidentsUi", "18 characters; sex and birth date come from it"))
        self.derived = QLabel()
        f.add_field("derived", tr("ResidentsUi", "Sex, birth date"), self.derived)
        self.phone = f.add_field("phone", tr("ResidentsUi", "Phone"), line_edit(max_length=20),
                                 hint=tr("ResidentsUi", "Mobile or landline; may stay empty"))
        self.ethnicity = f.add_field("ethnicity", tr("ResidentsUi", "Ethnicity"), line_edit("汉族", max_length=10))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(RELATIONS)
        f.add_field("relation", tr("ResidentsUi", "Relation to head"), self.relation)
        # Household: shown as a line for an existing resident, chosen for a new one.
        self.household_mode = QComboBox()
        self.household_mode.addItem(tr("ResidentsUi", "Start a new household"), "new")
        self.household_mode.addItem(tr("ResidentsUi", "Join an existing household"), "join")
        self.household_mode.currentIndexChanged.connect(self._mode_changed)
        f.add_field("household_mode", tr("ResidentsUi", "Household"), self.household_mode)
        self.household_no = f.add_field("household_id", tr("ResidentsUi", "Household no."),
                                        line_edit(max_length=40),
                                        hint=tr("ResidentsUi", "The number of the household to join"))
        self.household_line = QLabel()
        self.household_line.setWordWrap(True)
        f.add_field("household_line", tr("ResidentsUi", "Household"), self.household_line)
        self.village_group = f.add_field("village_group", tr("ResidentsUi", "Village group"),
                                         line_edit(max_length=20))
        self.hamlet = f.add_field("hamlet", tr("ResidentsUi", "Hamlet"), line_edit(max_length=20))
        self.address = f.add_field("address", tr("ResidentsUi", "Address"), line_edit(max_length=80))
        flags_row = QWidget()
        flags_layout = QHBoxLayout(flags_row)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        self.flags: dict[str, QCheckBox] = {}
        for key, label in flag_labels().items():
            box = QCheckBox(label)
            self.flags[key] = box
            flags_layout.addWidget(box)
        flags_layout.addStretch(1)
        f.add_field("flags", tr("ResidentsUi", "Marks"), flags_row)
        self.note = f.add_field("note", tr("ResidentsUi", "Remark"), line_edit(max_length=200))
        body_layout.addLayout(f)
        body_layout.addStretch(1)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.household_button = QPushButton(tr("ResidentsUi", "Open the household"))
        self.household_button.clicked.connect(self.open_household)
        self.moved_out_button = QPushButton(tr("ResidentsUi", "Mark as moved out…"))
        self.moved_out_button.clicked.connect(lambda: self.mark_status("moved_out"))
        self.deceased_button = QPushButton(tr("ResidentsUi", "Mark as deceased…"))
        self.deceased_button.clicked.connect(lambda: self.mark_status("deceased"))
        self.back_button = QPushButton(tr("ResidentsUi", "Back (Esc)"))
        self.back_button.clicked.connect(self.go_back)
        self.save_button = QPushButton(tr("ResidentsUi", "Save (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        for button in (self.household_button, self.moved_out_button, self.deceased_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        for edit in (self.name, self.id_number, self.phone, self.ethnicity, self.household_no,
                     self.village_group, self.hamlet, self.address, self.note):
            edit.returnPressed.connect(self.save)  # Enter submits
        self.name.editingFinished.connect(lambda: self.check_field("name"))
        self.id_number.editingFinished.connect(lambda: self.check_field("id_number"))
        self.id_number.textEdited.connect(self._id_typed)
        self.phone.editingFinished.connect(lambda: self.check_field("phone"))
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back)

    # -- loading --------------------------------------------------------------------------------
    @property
    def is_new(self) -> bool:
        return self.detail is None

    def open_with(self, resident_id: str | None = None, new: bool = False,
                  household_id: str | None = None, **_kw: Any) -> None:
        if resident_id:
            self.load(resident_id)
        elif new or household_id:
            if self.is_new and self.is_dirty() and not household_id:
                self.name.setFocus()  # back to a form left half-typed: it is kept as it was
                return
            if self._discard_ok():
                self.start_new(household_id=household_id)

    def new_item(self) -> None:
        """Ctrl+N: on the new-resident form, start again (asking first if something was typed);
        elsewhere, open that form."""
        if getattr(self, "is_new_page", False):
            if self._discard_ok():
                self.start_new()
        else:
            self.ctx.navigate("residents.new", new=True)

    def _discard_ok(self) -> bool:
        """True when nothing typed would be lost, or the clerk agrees to drop it."""
        if not self.is_new or not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, tr("ResidentsUi", "Unsaved changes"),
            tr("ResidentsUi", "The new resident form holds what you typed. Discard it and start again?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.name.setFocus()
            return False
        return True

    def start_new(self, household_id: str | None = None) -> None:
        self.detail = None
        self.title.setText(tr("ResidentsUi", "Add a resident"))
        self.banner.setVisible(False)
        for edit in (self.name, self.id_number, self.phone, self.household_no, self.village_group,
                     self.hamlet, self.address, self.note):
            edit.clear()
        self.ethnicity.setText("汉族")
        self.relation.setCurrentText("户主")
        for box in self.flags.values():
            box.setChecked(False)
        self.derived.setText("")
        self.form.clear_errors()
        if household_id:
            household = svc.get_household(self.ctx.store, household_id=household_id)
            self.household_mode.setCurrentIndex(1)
            self.household_no.setText(household.household_no)
            self.relation.setCurrentText("")
        else:
            self.household_mode.setCurrentIndex(0)
        self._set_visibility()
        self._snapshot = self.values()
        self.name.setFocus()

    def load(self, resident_id: str) -> None:
        d = svc.get_resident(self.ctx.store, resident_id=resident_id)
        self.detail = d
        self.title.setText(d.name)
        self.name.setText(d.name)
        self.id_number.setText(d.id_number)
        self.phone.setText(d.phone)
        self.ethnicity.setText(d.ethnicity)
        self.relation.setCurrentText(d.relation)
        self.note.setText(d.note)
        for key, box in self.flags.items():
            box.setChecked(bool(d.flags.get(key)))
        self.derived.setText(self._derived_text(d.sex, d.birth_date.isoformat(), d.age))
        head = tr("ResidentsUi", "head of household") if d.is_head else ""
        self.household_line.setText(" · ".join(x for x in (
            tr("ResidentsUi", "No. {no}").format(no=d.household_no), d.village_group, d.hamlet, d.address, head)
            if x))
        self.form.clear_errors()
        inactive = d.status != "active"
        self.banner.setVisible(inactive)
        if inactive:
            self.banner.setText(tr("ResidentsUi", "Status: {status}. The record is kept; it is not deleted.")
                                .format(status=status_label(d.status)))
        self._set_visibility()
        self._snapshot = self.values()
        self.name.setFocus()

    def _derived_text(self, sex: str, birth: str, age: int) -> str:
        return tr("ResidentsUi", "{sex} · born {birth} · {age} years").format(sex=sex_label(sex), birth=birth,
                                                                   age=age)

    def _set_visibility(self) -> None:
        new = self.is_new
        join = self.household_mode.currentData() == "join"
        grid = self.form
        for key, visible in (("household_mode", new), ("household_id", new and join),
                             ("household_line", not new), ("village_group", new and not join),
                             ("hamlet", new and not join), ("address", new and not join)):
            widget = grid.widgets[key]
            index = grid.indexOf(widget)
            row = grid.getItemPosition(index)[0]
            for column in range(3):
                item = grid.itemAtPosition(row, column)
                if item is not None and item.widget() is not None:
                    item.widget().setVisible(visible)
        active = not new and self.detail is not None and self.detail.status == "active"
        self.household_button.setVisible(not new)
        self.moved_out_button.setVisible(active)
        self.deceased_button.setVisible(not new and self.detail is not None
                                        and self.detail.status != "deceased")

    def _mode_changed(self, _index: int) -> None:
        self._set_visibility()

    # -- validation beside the field ------------------------------------------------------------
    def _id_typed(self, text: str) -> None:
        if len(text.strip()) == 18:
            self.check_field("id_number")
        elif self.form.error_text("id_number"):
            self.form.set_error("id_number", "")

    def check_field(self, key: str) -> str:
        value = {"name": self.name, "id_number": self.id_number, "phone": self.phone}[key].text()
        if key == "name" and not value.strip():
            return ""  # not yet typed: say nothing until they save
        problems = svc.check_fields(self.ctx.store, exclude_id=self.detail.id if self.detail else None,
                                    **{key: value})
        message = problems.get(key, "")
        self.form.set_error(key, message)
        if key == "id_number" and not message and value.strip():
            self._show_id_facts(value)
        return message

    def _show_id_facts(self, value: str) -> None:
        from villagedesk.services.idcard import age_on, check_id_number

        check = check_id_number(value, today=self.ctx.store.clock.today())
        if check.ok and check.birth_date is not None:
            age = age_on(check.birth_date, self.ctx.store.clock.today())
            self.derived.setText(self._derived_text(check.sex or "", check.birth_date.isoformat(), age))

    # -- saving ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "id_number": self.id_number.text().strip(),
            "phone": self.phone.text().strip(), "ethnicity": self.ethnicity.text().strip(),
            "relation": self.relation.currentText().strip(), "note": self.note.text(),
            "household_mode": self.household_mode.currentData(),
            "household_no": self.household_no.text().strip(),
            "village_group": self.village_group.text(), "hamlet": self.hamlet.text(),
            "address": self.address.text(),
            **{key: box.isChecked() for key, box in self.flags.items()},
        }

    def is_dirty(self) -> bool:
        return bool(self._snapshot) and self.values() != self._snapshot

    def save(self) -> bool:
        self.form.clear_errors()
        problems = [k for k in ("name", "id_number", "phone") if self.check_field(k)]
        if not self.name.text().strip():
            self.form.set_error("name", tr("ResidentsUi", "Enter the name."))
            problems.insert(0, "name")
        if problems:
            self.form.widgets[problems[0]].setFocus()
            return False
        v = self.values()
        flags = {k: v[k] for k in self.flags}
        try:
            if self.is_new:
                household_id = None
                if v["household_mode"] == "join":
                    if not v["household_no"]:
                        raise DomainError(tr("ResidentsUi", "Enter the household number."), field="household_id")
                    household_id = svc.get_household(self.ctx.store,
                                                     household_no=v["household_no"]).id
                detail = svc.add_resident(
                    self.ctx.store, actor=self.ctx.actor, name=v["name"], id_number=v["id_number"],
                    phone=v["phone"], household_id=household_id, relation=v["relation"],
                    ethnicity=v["ethnicity"], village_group=v["village_group"], hamlet=v["hamlet"],
                    address=v["address"], note=v["note"], flags=flags)
            else:
                assert self.detail is not None
                changes = {k: v[k] for k in ("name", "id_number", "phone", "ethnicity", "relation",
                                             "note", *self.flags) if v[k] != self._snapshot[k]}
                detail = svc.update_resident(self.ctx.store, actor=self.ctx.actor,
                                             resident_id=self.detail.id, **changes) \
                    if changes else self.detail
        except DomainError as exc:
            if exc.field == "household_id" or (self.is_new and exc.field == "household_no"):
                self.form.set_error("household_id", exc.message)
                self.household_no.setFocus()
            elif not self.form.show_domain_error(exc):
                show_error(self, exc)
            return False
        self.ctx.notify_changed("residents")
        self.load(detail.id)
        self.banner.setVisible(True)
        self.banner.setObjectName("hint")
        self.banner.setText(tr("ResidentsUi", "Saved."))
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        return True

    def mark_status(self, status: str) -> None:
        if self.detail is None:
            return
        question = {
            "moved_out": tr("ResidentsUi", "Mark {name} as moved out? The record is kept and can be found "
                                 "later; it is not deleted."),
            "deceased": tr("ResidentsUi", "Mark {name} as deceased? This cannot be undone by a clerk. The "
                                "record is kept; it is not deleted."),
        }[status].format(name=self.detail.name)
        answer = QMessageBox.question(self, tr("ResidentsUi", "Please confirm"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            svc.set_status(self.ctx.store, actor=self.ctx.actor, resident_id=self.detail.id,
                           status=status)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.notify_changed("residents")
        self.load(self.detail.id)

    def open_household(self) -> None:
        if self.detail is not None:
            self.ctx.navigate("residents.household", household_id=self.detail.household_id)

    def go_back(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, tr("ResidentsUi", "Unsaved changes"), tr("ResidentsUi", "Leave without saving the changes?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._snapshot = self.values()
        self.ctx.navigate("residents")

    def prepare_screenshot(self) -> None:
        if getattr(self, "is_new_page", False):
            self.start_new()
            self.name.setText("王小红")
            self.id_number.setText("420902199001011235")
            self.phone.setText("1380000123")
            self.village_group.setText("三组")
            self.check_field("id_number")
            self.check_field("phone")
            return
        if self.detail is None and not self.name.text():
            hits = search_residents(self.ctx.store, query="张", limit=1).hits
            if hits:
                self.load(hits[0].id)
