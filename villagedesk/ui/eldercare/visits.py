"""Who is due for a home visit (most overdue first), and the follow-ups that are still open."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from villagedesk.services import eldercare_visits
from villagedesk.ui.eldercare.common import (
    CTX,
    EldercarePage,
    LightTableModel,
    flags_text,
    selected,
    table_view,
)
from villagedesk.ui.eldercare.roster import _Row
from villagedesk.ui.forms import line_edit, title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr


def due_columns() -> list[Column]:
    return [
        Column("days_overdue", QT_TRANSLATE_NOOP("EldercareUi", "Days overdue"), align="right",
               color=lambda i: "#a33" if i.days_overdue >= 7 else ("#a60" if i.days_overdue >= 0 else None)),
        Column("name", QT_TRANSLATE_NOOP("EldercareUi", "Name")),
        Column("age", QT_TRANSLATE_NOOP("EldercareUi", "Age"), align="right"),
        Column("flags", QT_TRANSLATE_NOOP("EldercareUi", "Flags"), getter=lambda i: flags_text(i.flag_mask)),
        Column("last_visit", QT_TRANSLATE_NOOP("EldercareUi", "Last visit"),
               getter=lambda i: i.last_visit.isoformat() if i.last_visit else tr("EldercareUi", "never")),
        Column("every_days", QT_TRANSLATE_NOOP("EldercareUi", "Every (days)"), align="right"),
        Column("carer", QT_TRANSLATE_NOOP("EldercareUi", "Carer"), getter=lambda i: i.carer_name),
        Column("phone", QT_TRANSLATE_NOOP("EldercareUi", "Phone")),
    ]


def follow_up_columns() -> list[Column]:
    return [
        Column("visit_date", QT_TRANSLATE_NOOP("EldercareUi", "Visit date")),
        Column("name", QT_TRANSLATE_NOOP("EldercareUi", "Name")),
        Column("what", QT_TRANSLATE_NOOP("EldercareUi", "Found"),
               getter=lambda r: " ".join(x for x in (r.findings, r.health_notes) if x)),
        Column("days_open", QT_TRANSLATE_NOOP("EldercareUi", "Open (days)"), align="right",
               color=lambda r: "#a33" if r.days_open >= 7 else None),
        Column("visitor_name", QT_TRANSLATE_NOOP("EldercareUi", "Visitor")),
    ]


class DuePage(EldercarePage):
    """Enter on an elder opens their page with the visit form ready."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.ahead = QSpinBox()
        self.ahead.setRange(0, 60)
        self.ahead.setSuffix(tr("EldercareUi", " days ahead"))
        self.ahead.valueChanged.connect(lambda _v: self.refresh())
        self.count = QLabel("")
        self.model: BaseTableModel[Any] = LightTableModel(due_columns(), context=CTX)
        self.view = table_view(self.model, stretch=3)
        self.view.activated.connect(lambda _i: self.open_selected())
        self.follow_model: BaseTableModel[Any] = BaseTableModel(follow_up_columns(), context=CTX)
        self.follow_view = table_view(self.follow_model, stretch=2)
        self.follow_view.setMaximumHeight(200)
        self.result = line_edit(placeholder=tr("EldercareUi", "What was done"))
        self.result.returnPressed.connect(self.close_selected)
        close = QPushButton(tr("EldercareUi", "Close follow-up"))
        close.clicked.connect(self.close_selected)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("EldercareUi", "Also show elders due within")))
        top.addWidget(self.ahead)
        top.addStretch(1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("EldercareUi", "Home visits due")))
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(QLabel(tr("EldercareUi", "Open follow-ups (they stay here until closed)")))
        layout.addWidget(self.follow_view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        items = eldercare_visits.due_list(self.ctx.store, ahead_days=self.ahead.value())
        self.model.set_rows(items)
        overdue = sum(1 for i in items if i.days_overdue >= 0)
        self.count.setText(tr("EldercareUi", "{n} due now, {m} listed").format(n=overdue, m=len(items)))
        self.follow_model.set_rows([_Row(r) for r in eldercare_visits.open_follow_ups(self.ctx.store)])
        if items and not self.view.currentIndex().isValid():
            self.view.selectRow(0)

    def focus_search(self) -> None:
        self.view.setFocus()

    def open_selected(self) -> None:
        item = selected(self.view)
        if item is not None:
            self.ctx.navigate("eldercare.detail", resident_id=item.resident_id)  # type: ignore[attr-defined]

    def close_selected(self) -> None:
        row = selected(self.follow_view)
        if row is None:
            self.message.setText(tr("EldercareUi", "Choose the follow-up to close."))
            return
        visit_id = row["id"]  # type: ignore[index]
        if self.attempt(lambda: eldercare_visits.close_follow_up(
                self.ctx.store, actor=self.ctx.actor, visit_id=visit_id, result=self.result.text()),
                done=tr("EldercareUi", "Follow-up closed.")) is not None or not self.message.text():
            self.result.clear()
