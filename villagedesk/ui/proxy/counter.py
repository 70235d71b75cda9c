"""The counter flow (受理): find the resident → choose the service → tick materials → accept → print.

All of it works from the keyboard: type in the search box and press Enter to take the first
hit (↓ to choose another), the same for the service (pinyin works), Space ticks a material,
Ctrl+Enter accepts and prints, Esc starts over. F4 registers a resident who is not there yet.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.services import proxy, proxy_catalogue, proxy_documents, resident_search, residents
from villagedesk.services.workdays import add_working_days
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.proxy.print_flow import print_document
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)
DATA = Qt.ItemDataRole.UserRole


@dataclasses.dataclass(frozen=True)
class Chosen:
    id: str
    name: str
    id_masked: str


class _ListKeys(QObject):
    """In a search box: ↓ moves into the list, Enter takes the current (or first) hit."""

    def __init__(self, edit: QLineEdit, results: QListWidget, take: object) -> None:
        super().__init__(edit)
        self.edit, self.results, self.take = edit, results, take
        edit.installEventFilter(self)
        results.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if obj is self.edit and key == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return False  # Ctrl+Enter is "accept"
            row = max(self.results.currentRow(), 0)
            self.take(self.results.item(row))  # type: ignore[operator]
            return True
        return False


class QuickAddDialog(QDialog):
    """Register a resident on the spot (name, ID number, phone)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, id_or_name: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.added: residents.ResidentDetail | None = None
        self.setWindowTitle(tr("ProxyUi", "Register a resident"))
        self.form = FormGrid()
        looks_like_id = id_or_name.strip()[:1].isdigit()
        self.name = self.form.add_field("name", tr("ProxyUi", "Name"),
                                        line_edit("" if looks_like_id else id_or_name.strip()))
        self.id_number = self.form.add_field("id_number", tr("ProxyUi", "ID number"),
                                             line_edit(id_or_name.strip() if looks_like_id else "",
                                                       max_length=20))
        self.phone = self.form.add_field("phone", tr("ProxyUi", "Phone"), line_edit(max_length=20))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.added = residents.add_resident(
                self.ctx.store, actor=self.ctx.actor, name=self.name.text(),  # type: ignore[attr-defined]
                id_number=self.id_number.text(), phone=self.phone.text())  # type: ignore[attr-defined]
        except DomainError as exc:
            if not self.form.show_domain_error(exc):
                show_error(self, exc)
            return
        self.accept()


class CounterPage(QWidget):
    """受理: one screen, four steps, for a clerk with a queue in front of the counter."""

    application_accepted = Signal(str)  # receipt number

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident: Chosen | None = None
        self.item: proxy_catalogue.CatalogueItem | None = None
        self.last_result: proxy.AcceptResult | None = None
        self.last_archive: object = None
        self._items = proxy_catalogue.list_catalogue(ctx.store)

        self.resident_search = line_edit(placeholder=tr(
            "ProxyUi", "Name, pinyin initials, ID number (or its last digits) or phone"))
        self.resident_results = QListWidget()
        self.resident_results.setMaximumHeight(150)
        self.resident_label = QLabel(tr("ProxyUi", "No resident chosen yet."))
        self.resident_label.setObjectName("chosen")
        add_button = QPushButton(tr("ProxyUi", "Register new resident (F4)"))
        add_button.clicked.connect(self.quick_add)

        self.service_search = line_edit(placeholder=tr("ProxyUi", "Service name, code or pinyin, e.g. ylbx"))
        self.service_results = QListWidget()
        self.service_results.setMaximumHeight(170)
        self.service_label = QLabel(tr("ProxyUi", "No service chosen yet."))
        self.service_label.setWordWrap(True)

        self.materials = QListWidget()
        self.materials.setMaximumHeight(150)
        self.agent_name = line_edit(max_length=40)
        self.agent_id = line_edit(max_length=20)
        self.agent_relation = line_edit(max_length=20)
        self.notes = line_edit()

        self.paper = QComboBox()
        self.paper.addItem(tr("ProxyUi", "A5 sheet"), "a5")
        self.paper.addItem(tr("ProxyUi", "80 mm receipt roll"), "roll80")
        self.preview = QCheckBox(tr("ProxyUi", "Preview before printing"))
        self.accept_button = QPushButton(tr("ProxyUi", "Accept and print receipt (Ctrl+Enter)"))
        self.accept_button.setObjectName("primary")
        self.accept_button.clicked.connect(self.accept_application)
        self.result_label = QLabel("")
        self.result_label.setObjectName("resultBanner")
        self.result_label.setWordWrap(True)

        self._build_layout(add_button)
        self.resident_search.textChanged.connect(self._search_residents)
        self.service_search.textChanged.connect(self._search_services)
        self.resident_results.itemActivated.connect(self.choose_resident)
        self.service_results.itemActivated.connect(self.choose_service)
        _ListKeys(self.resident_search, self.resident_results, self.choose_resident)
        _ListKeys(self.service_search, self.service_results, self.choose_service)
        for seq, slot in (("Ctrl+Return", self.accept_application), ("Ctrl+Enter", self.accept_application),
                          ("Escape", self.reset), ("F4", self.quick_add)):
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._search_services("")
        QWidget.setTabOrder(self.resident_search, self.resident_results)
        QWidget.setTabOrder(self.resident_results, self.service_search)
        QWidget.setTabOrder(self.service_search, self.service_results)
        QWidget.setTabOrder(self.service_results, self.materials)
        QWidget.setTabOrder(self.materials, self.agent_name)
        QWidget.setTabOrder(self.agent_name, self.agent_id)
        QWidget.setTabOrder(self.agent_id, self.agent_relation)
        QWidget.setTabOrder(self.agent_relation, self.notes)
        QWidget.setTabOrder(self.notes, self.accept_button)

    def _build_layout(self, add_button: QPushButton) -> None:
        step1 = QGroupBox(tr("ProxyUi", "1 Applicant"))
        g1 = QVBoxLayout(step1)
        row = QHBoxLayout()
        row.addWidget(self.resident_search, 1)
        row.addWidget(add_button)
        g1.addLayout(row)
        g1.addWidget(self.resident_results)
        g1.addWidget(self.resident_label)

        step2 = QGroupBox(tr("ProxyUi", "2 Service"))
        g2 = QVBoxLayout(step2)
        g2.addWidget(self.service_search)
        g2.addWidget(self.service_results)
        g2.addWidget(self.service_label)

        step3 = QGroupBox(tr("ProxyUi", "3 Materials brought (Space ticks)"))
        g3 = QVBoxLayout(step3)
        g3.addWidget(self.materials)
        agent = QGridLayout()
        agent.addWidget(QLabel(tr("ProxyUi", "Agent (if someone came on their behalf)")), 0, 0, 1, 6)
        for col, (label, edit) in enumerate(((tr("ProxyUi", "Name"), self.agent_name),
                                             (tr("ProxyUi", "ID number"), self.agent_id),
                                             (tr("ProxyUi", "Relation"), self.agent_relation))):
            caption = QLabel(label)
            caption.setBuddy(edit)
            agent.addWidget(caption, 1, col * 2)
            agent.addWidget(edit, 1, col * 2 + 1)
        g3.addLayout(agent)
        notes_row = QHBoxLayout()
        notes_row.addWidget(QLabel(tr("ProxyUi", "Notes")))
        notes_row.addWidget(self.notes, 1)
        g3.addLayout(notes_row)

        step4 = QHBoxLayout()
        step4.addWidget(QLabel(tr("ProxyUi", "Receipt paper")))
        step4.addWidget(self.paper)
        step4.addWidget(self.preview)
        step4.addStretch(1)
        step4.addWidget(self.accept_button)

        left = QVBoxLayout()
        left.addWidget(step1)
        left.addWidget(step2)
        right = QVBoxLayout()
        right.addWidget(step3)
        right.addLayout(step4)
        right.addWidget(self.result_label)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(title_label(tr("ProxyUi", "Accept an application")))
        outer.addLayout(columns, 1)

    # -- shell hooks ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.resident_search.setFocus()
        self.resident_search.selectAll()

    def new_item(self) -> None:
        self.reset()

    def refresh(self) -> None:
        self._items = proxy_catalogue.list_catalogue(self.ctx.store)
        self._search_services(self.service_search.text())

    def open_with(self, resident_id: str = "", **_: object) -> None:
        if resident_id:
            detail = residents.get_resident(self.ctx.store, resident_id=resident_id)
            self._set_resident(Chosen(detail.id, detail.name, detail.id_masked))

    def is_dirty(self) -> bool:
        return self.resident is not None or self.item is not None

    def prepare_screenshot(self) -> None:
        """Half-way through the counter flow (make screenshots): applicant and service chosen,
        one material not brought."""
        self.resident_search.setText("张")
        if self.resident_results.count():
            self.choose_resident(self.resident_results.item(0))
        self.service_search.setText("ylbx")
        self.choose_service(self.service_results.currentItem())
        if self.materials.count() > 1:
            self.materials.item(1).setCheckState(Qt.CheckState.Unchecked)

    # -- step 1 --------------------------------------------------------------------------------
    def _search_residents(self, text: str) -> None:
        self.resident_results.clear()
        if not text.strip():
            return
        result = resident_search.search_residents(self.ctx.store, query=text, limit=20,
                                                  include_inactive=False)
        for hit in result.hits:
            line = f"{hit.name}  {hit.id_masked}  {hit.age}{tr('ProxyUi', ' yrs')}  {hit.village_group}"
            item = QListWidgetItem(line.rstrip())
            item.setData(DATA, Chosen(hit.id, hit.name, hit.id_masked))
            self.resident_results.addItem(item)
        if not result.hits:
            item = QListWidgetItem(tr("ProxyUi", "Nobody found. Press F4 to register the resident."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.resident_results.addItem(item)

    def choose_resident(self, item: QListWidgetItem | None) -> None:
        chosen = item.data(DATA) if item is not None else None
        if isinstance(chosen, Chosen):
            self._set_resident(chosen)

    def _set_resident(self, chosen: Chosen) -> None:
        self.resident = chosen
        self.resident_label.setText(tr("ProxyUi", "Applicant: {name}  {id}").format(
            name=chosen.name, id=chosen.id_masked))
        self.service_search.setFocus()
        self.service_search.selectAll()

    def quick_add(self) -> None:
        dialog = QuickAddDialog(self.ctx, self, id_or_name=self.resident_search.text())
        if dialog.exec() and dialog.added is not None:
            d = dialog.added
            self._set_resident(Chosen(d.id, d.name, d.id_masked))

    # -- step 2 --------------------------------------------------------------------------------
    def _search_services(self, text: str) -> None:
        self.service_results.clear()
        items = self._items
        if text.strip():
            ranked = [(r, i, it) for i, it in enumerate(items) if (r := proxy_catalogue.matches(it, text)) is not None]
            items = [it for _, _, it in sorted(ranked, key=lambda t: (t[0], t[1]))]
        for it in items:
            entry = QListWidgetItem(f"{it.code}  {it.name}  [{it.department}]")
            entry.setData(DATA, it)
            self.service_results.addItem(entry)
        if self.service_results.count():
            self.service_results.setCurrentRow(0)

    def choose_service(self, item: QListWidgetItem | None) -> None:
        chosen = item.data(DATA) if item is not None else None
        if not isinstance(chosen, proxy_catalogue.CatalogueItem):
            return
        self.item = chosen
        due = add_working_days(self.ctx.store.clock.today(), chosen.promised_days)
        self.service_label.setText(tr(
            "ProxyUi", "{name} · {department} · {days} working days (due {due}) · {fee}").format(
            name=chosen.name, department=chosen.department, days=chosen.promised_days,
            due=due.isoformat(), fee=chosen.fee_label))
        self.materials.clear()
        for name in chosen.materials:
            entry = QListWidgetItem(name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.materials.addItem(entry)
        self.materials.setFocus()
        self.materials.setCurrentRow(0)

    # -- step 3/4 ------------------------------------------------------------------------------
    def missing_materials(self) -> list[str]:
        return [self.materials.item(i).text() for i in range(self.materials.count())
                if self.materials.item(i).checkState() != Qt.CheckState.Checked]

    def accept_application(self) -> None:
        if self.resident is None:
            self.result_label.setText(tr("ProxyUi", "Choose the applicant first."))
            self.resident_search.setFocus()
            return
        if self.item is None:
            self.result_label.setText(tr("ProxyUi", "Choose the service first."))
            self.service_search.setFocus()
            return
        materials = [proxy.Material(self.materials.item(i).text(),
                                    self.materials.item(i).checkState() == Qt.CheckState.Checked)
                     for i in range(self.materials.count())]
        try:
            result = proxy.accept_application(
                self.ctx.store, actor=self.ctx.actor, resident_id=self.resident.id,
                service_code=self.item.code, materials=materials, agent_name=self.agent_name.text(),
                agent_id_number=self.agent_id.text(), agent_relation=self.agent_relation.text(),
                notes=self.notes.text())
        except DomainError as exc:
            field = {"agent_name": self.agent_name, "agent_id_number": self.agent_id}.get(exc.field or "")
            self.result_label.setText(exc.message)
            if field is not None:
                field.setFocus()
            return
        self.last_result = result
        self.ctx.notify_changed("proxy")
        self.application_accepted.emit(result.receipt_number)
        try:
            document = proxy_documents.receipt_document(self.ctx.store, number=result.receipt_number,
                                                        paper=str(self.paper.currentData()))
            self.last_archive = print_document(self, self.ctx, document, preview=self.preview.isChecked())
        except Exception as exc:  # the application is saved; printing can be repeated from the list
            log.exception("receipt printing failed")
            show_error(self, exc)
        self.reset()
        self.result_label.setText(tr(
            "ProxyUi", "Accepted: receipt no. {number}, due by {due}. Next applicant, please.").format(
            number=result.receipt_number, due=result.due_date.isoformat()))

    def reset(self) -> None:
        self.resident = None
        self.item = None
        for edit in (self.resident_search, self.service_search, self.agent_name, self.agent_id,
                     self.agent_relation, self.notes):
            edit.clear()
        self.materials.clear()
        self.resident_label.setText(tr("ProxyUi", "No resident chosen yet."))
        self.service_label.setText(tr("ProxyUi", "No service chosen yet."))
        self.result_label.setText("")
        self.resident_search.setFocus()
