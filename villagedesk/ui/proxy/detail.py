"""One application: its facts, a timeline of every step, and the next steps as buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.clock import CST
from villagedesk.errors import DomainError
from villagedesk.services import proxy, proxy_documents, proxy_lists
from villagedesk.ui.errors import show_error, show_message
from villagedesk.ui.forms import line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.proxy.print_flow import print_document
from villagedesk.ui.text import tr

# Which buttons make sense in which status (the service refuses the rest anyway).
ENABLED = {
    "forward": ("accepted", "returned"),
    "return": ("forwarded",),
    "complete": ("forwarded",),
    "collect": ("completed",),
    "completion": ("completed", "collected"),
}


class StepDialog(QDialog):
    """A small form for a step that takes more than the number (reason, result, who, rating)."""

    def __init__(self, title: str, fields: list[tuple[str, str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = {key: widget for key, _, widget in fields}
        form = QFormLayout()
        for _, label, widget in fields:
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        return widget.text()  # type: ignore[attr-defined,no-any-return]

    def checked(self, key: str) -> list[str]:
        widget = self.fields[key]
        assert isinstance(widget, QListWidget)
        return [widget.item(i).text() for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]


def checklist(names: list[str], *, checked: bool) -> QListWidget:
    """Materials to tick (Space), e.g. what arrived or what the office asked for."""
    widget = QListWidget()
    for name in names:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(24 * max(2, min(len(names), 6)) + 8)
    return widget


def _when(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(CST).strftime("%Y-%m-%d %H:%M")


def timeline_text(entry: proxy.TimelineEntry) -> str:
    d = entry.detail
    extra = ""
    if entry.kind in ("forwarded", "resubmitted"):
        extra = tr("ProxyUi", "to {office}").format(office=d.get("office", ""))
    elif entry.kind == "returned":
        extra = tr("ProxyUi", "reason: {reason}").format(reason=d.get("reason", ""))
    elif entry.kind == "completed":
        extra = d.get("result", "")
    elif entry.kind == "collected":
        extra = tr("ProxyUi", "collected by {name}, {rating}").format(
            name=d.get("collector", ""), rating=proxy.satisfaction_label(d.get("satisfaction", "")))
    elif entry.kind == "printed":
        kind = {"receipt": tr("ProxyUi", "receipt"), "completion": tr("ProxyUi", "completion notice")}.get(
            d.get("document", ""), d.get("document", ""))
        extra = kind + (" " + tr("ProxyUi", "(reprint)") if d.get("reprint") else "")
    elif entry.kind == "accepted" and d.get("missing"):
        extra = tr("ProxyUi", "missing: {materials}").format(materials="、".join(d["missing"]))
    return f"{_when(entry.at)}   {entry.label}   {entry.staff_name}   {extra}".rstrip()


class ProxyDetailPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: proxy.ApplicationDetail | None = None
        self.title = title_label(tr("ProxyUi", "Application"))
        self.facts = QGridLayout()
        self.facts.setColumnStretch(1, 1)
        self.status = QLabel("")
        self.status.setObjectName("statusBadge")
        self.materials = QLabel("")
        self.materials.setWordWrap(True)
        self.timeline = QListWidget()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("forward", tr("ProxyUi", "&Forward to office"), self.forward),
            ("return", tr("ProxyUi", "&Returned for correction"), self.return_),
            ("complete", tr("ProxyUi", "&Completed"), self.complete),
            ("collect", tr("ProxyUi", "Co&llected"), self.collect),
            ("receipt", tr("ProxyUi", "Re&print receipt"), self.reprint_receipt),
            ("completion", tr("ProxyUi", "Print completion &notice"), self.print_completion),
            ("back", tr("ProxyUi", "&Back to list"), lambda: self.ctx.navigate("proxy.list")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addLayout(self.facts)
        layout.addWidget(self.materials)
        layout.addWidget(QLabel(tr("ProxyUi", "History")))
        layout.addWidget(self.timeline, 1)
        layout.addLayout(row)
        self._enable_steps()

    def _enable_steps(self) -> None:
        """Only the steps the application's status allows; none before one is loaded."""
        status = self.detail.status if self.detail is not None else None
        for key, statuses in ENABLED.items():
            self.buttons[key].setEnabled(status in statuses)
        self.buttons["receipt"].setEnabled(status is not None)

    # -- shell hooks ---------------------------------------------------------------------------
    def open_with(self, number: str = "", **_: object) -> None:
        if number:
            self.load(number)

    def refresh(self) -> None:
        if self.detail is not None:
            self.load(self.detail.receipt_number)

    def prepare_screenshot(self) -> None:
        """Show the recent application with the longest history (make screenshots)."""
        numbers = [row.receipt_number for row in proxy_lists.list_applications(self.ctx.store, limit=50)]
        if numbers:
            self.load(max(numbers, key=lambda n: len(proxy.get_application(self.ctx.store, number=n).timeline)))

    def load(self, number: str) -> None:
        d = self.detail = proxy.get_application(self.ctx.store, number=number)
        self.title.setText(tr("ProxyUi", "Application {number}").format(number=d.receipt_number))
        self.status.setText(d.status_label + ("  " + tr("ProxyUi", "OVERDUE") if d.overdue else ""))
        while self.facts.count():
            item = self.facts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        facts = [
            (tr("ProxyUi", "Applicant"), f"{d.applicant_name}  {d.applicant_id_masked}  {d.applicant_phone}"),
            (tr("ProxyUi", "Service"), f"{d.service_code} {d.service_name} · {d.department}"),
            (tr("ProxyUi", "Accepted"), f"{d.accepted_on.isoformat()}  {d.accepted_by_name}"),
            (tr("ProxyUi", "Due by"), d.due_date.isoformat()),
        ]
        if d.agent_name:
            facts.append((tr("ProxyUi", "Agent"), f"{d.agent_name} {d.agent_relation}"))
        if d.notes:
            facts.append((tr("ProxyUi", "Notes"), d.notes))
        for r, (label, value) in enumerate(facts):
            self.facts.addWidget(QLabel(label), r, 0)
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            self.facts.addWidget(value_label, r, 1)
        missing = d.missing_materials
        self.materials.setText(
            tr("ProxyUi", "Materials: {received}").format(received="、".join(d.received_materials) or "—")
            + ("\n" + tr("ProxyUi", "Missing: {missing}").format(missing="、".join(missing)) if missing else ""))
        self.timeline.clear()
        for entry in d.timeline:
            self.timeline.addItem(QListWidgetItem(timeline_text(entry)))
        self._enable_steps()

    # -- steps ---------------------------------------------------------------------------------
    def _run(self, fn: object, **kwargs: object) -> bool:
        assert self.detail is not None
        try:
            fn(self.ctx.store, actor=self.ctx.actor, number=self.detail.receipt_number, **kwargs)  # type: ignore[operator]
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.ctx.notify_changed("proxy")
        self.load(self.detail.receipt_number)
        return True

    def forward(self, *, office: str | None = None, arrived: list[str] | None = None) -> bool:
        assert self.detail is not None
        missing = self.detail.missing_materials if self.detail.status == "returned" else []
        if office is None:
            fields: list[tuple[str, str, QWidget]] = [
                ("office", tr("ProxyUi", "Office"), line_edit(proxy.default_office(self.ctx.store)))]
            if missing:
                fields.append(("arrived", tr("ProxyUi", "Material that arrived"),
                               checklist(missing, checked=True)))
            dialog = StepDialog(tr("ProxyUi", "Forward to office"), fields, self)
            if not dialog.exec():
                return False
            office = dialog.value("office")
            if missing:
                arrived = dialog.checked("arrived")
                if not arrived:
                    show_message(self, tr("ProxyUi", "Forward to office"), tr(
                        "ProxyUi", "Tick the material that has arrived; the application goes back "
                        "to the office only with it."), warning=True)
                    return False
        return self._run(proxy.forward_application, office=office, arrived=arrived or [])

    def return_(self, *, reason: str | None = None, missing: list[str] | None = None) -> bool:
        assert self.detail is not None
        if reason is None:
            dialog = StepDialog(tr("ProxyUi", "Returned for correction"), [
                ("reason", tr("ProxyUi", "Reason"), line_edit()),
                ("missing", tr("ProxyUi", "Material the office asks for"),
                 checklist([m.name for m in self.detail.materials], checked=False))], self)
            if not dialog.exec():
                return False
            reason, missing = dialog.value("reason"), dialog.checked("missing")
        return self._run(proxy.return_application, reason=reason, missing=missing or [])

    def complete(self, *, result: str | None = None) -> bool:
        if result is None:
            dialog = StepDialog(tr("ProxyUi", "Completed"), [
                ("result", tr("ProxyUi", "Result"), line_edit())], self)
            if not dialog.exec():
                return False
            result = dialog.value("result")
        return self._run(proxy.complete_application, result=result)

    def collect(self, *, collector: str | None = None, rating: str | None = None) -> bool:
        if collector is None or rating is None:
            combo = QComboBox()
            for key in ("satisfied", "fair", "unsatisfied", ""):
                combo.addItem(proxy.satisfaction_label(key), key)
            assert self.detail is not None
            dialog = StepDialog(tr("ProxyUi", "Collected"), [
                ("collector", tr("ProxyUi", "Collected by"), line_edit(self.detail.applicant_name)),
                ("rating", tr("ProxyUi", "Satisfaction"), combo)], self)
            if not dialog.exec():
                return False
            collector, rating = dialog.value("collector"), dialog.value("rating")
        return self._run(proxy.collect_application, collector_name=collector, satisfaction=rating)

    def reprint_receipt(self, *, paper: str = "a5", preview: bool = True) -> object:
        assert self.detail is not None
        document = proxy_documents.receipt_document(self.ctx.store, number=self.detail.receipt_number,
                                                    paper=paper)
        path = print_document(self, self.ctx, document, preview=preview)
        self.load(self.detail.receipt_number)
        return path

    def print_completion(self, *, preview: bool = True) -> object:
        assert self.detail is not None
        try:
            document = proxy_documents.completion_document(self.ctx.store, number=self.detail.receipt_number)
        except DomainError as exc:
            show_error(self, exc)
            return None
        path = print_document(self, self.ctx, document, preview=preview)
        self.load(self.detail.receipt_number)
        return path
