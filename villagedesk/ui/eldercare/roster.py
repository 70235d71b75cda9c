"""The elder roster page, and one elder's page: profile, visit form, timeline of visits and meals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from villagedesk.services import (
    eldercare_documents,
    eldercare_meals,
    eldercare_roster,
    eldercare_visits,
)
from villagedesk.services.eldercare_rules import fmt_yuan
from villagedesk.services.idcard import mask_id
from villagedesk.ui.eldercare.common import (
    CTX,
    EldercarePage,
    LightTableModel,
    date_edit,
    date_of,
    flags_text,
    save_and_print,
    selected,
    table_view,
)
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr

FLAG_CHOICES = ("", "lives_alone", "empty_nest", "disabled", "semi_disabled", "age80", "dibao_tekun")


def roster_columns() -> list[Column]:
    return [
        Column("name", QT_TRANSLATE_NOOP("EldercareUi", "Name")),
        Column("age", QT_TRANSLATE_NOOP("EldercareUi", "Age"), align="right",
               color=lambda e: "#a33" if e.age >= 80 else None),
        Column("id_number", QT_TRANSLATE_NOOP("EldercareUi", "ID number"), getter=lambda e: mask_id(e.id_number)),
        Column("flags", QT_TRANSLATE_NOOP("EldercareUi", "Flags"), getter=lambda e: flags_text(e.flag_mask)),
        Column("carer_name", QT_TRANSLATE_NOOP("EldercareUi", "Carer")),
        Column("phone", QT_TRANSLATE_NOOP("EldercareUi", "Phone")),
    ]


class RosterPage(EldercarePage):
    """Everyone aged 60+ today. Type to filter; Enter opens the elder."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.search = line_edit(placeholder=tr("EldercareUi", "Name or end of ID number"))
        self.flag = QComboBox()
        for code in FLAG_CHOICES:
            self.flag.addItem(eldercare_roster.flag_label(code) if code else tr("EldercareUi", "All elders"), code)
        self.count = QLabel("")
        self.model: BaseTableModel[Any] = LightTableModel(roster_columns(), context=CTX)
        self.view = table_view(self.model, stretch=3)
        self.view.activated.connect(lambda _i: self.open_selected())
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.search.returnPressed.connect(self._enter_from_search)
        self.flag.currentIndexChanged.connect(lambda _i: self.refresh())
        open_button = QPushButton(tr("EldercareUi", "Open (Enter)"))
        open_button.clicked.connect(self.open_selected)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.flag, 1)
        top.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("EldercareUi", "Elder roster")))
        layout.addWidget(QLabel(tr("EldercareUi", "Every resident aged 60 or over appears here by themselves; "
                                        "moved-out and deceased elders leave the list.")))
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        rows = eldercare_roster.roster(self.ctx.store, flag=self.flag.currentData() or None,
                                       query=self.search.text())
        self.model.set_rows(rows)
        self.count.setText(tr("EldercareUi", "{n} elders").format(n=len(rows)))
        if rows and not self.view.currentIndex().isValid():
            self.view.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _enter_from_search(self) -> None:
        if self.model.rowCount() == 1 or self.view.currentIndex().isValid():
            self.open_selected()

    def open_selected(self) -> None:
        elder = selected(self.view) or (self.model.row_at(0) if self.model.rowCount() == 1 else None)
        if elder is not None:
            self.ctx.navigate("eldercare.detail", resident_id=elder.resident_id)  # type: ignore[attr-defined]


def timeline_columns() -> list[Column]:
    return [
        Column("date", QT_TRANSLATE_NOOP("EldercareUi", "Date")),
        Column("what", QT_TRANSLATE_NOOP("EldercareUi", "What")),
        Column("detail", QT_TRANSLATE_NOOP("EldercareUi", "Details")),
        Column("state", QT_TRANSLATE_NOOP("EldercareUi", "State"),
               color=lambda r: "#a33" if r.get("open") else None),
    ]


class _Row(dict):  # type: ignore[type-arg]
    """A dict whose keys read like attributes, for Column getters."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def timeline_rows(detail: dict[str, Any]) -> list[_Row]:
    rows = []
    for e in detail["timeline"]:
        if e["kind"] == "visit":
            text = " ".join(x for x in (e["findings"], e["health_notes"]) if x)
            state = ""
            if e["status"] == "voided":
                state = tr("EldercareUi", "Voided")
            elif e["follow_up_open"]:
                state = tr("EldercareUi", "Follow-up open")
            elif e["follow_up_needed"]:
                state = tr("EldercareUi", "Follow-up closed")
            rows.append(_Row(date=e["date"], what=eldercare_visits.visit_type_label(e["visit_type"]),
                             detail=f"{e['visitor_name']}：{text}" if text else e["visitor_name"],
                             state=state, open=bool(e["follow_up_open"]), id=e["id"], kind="visit"))
        else:
            rows.append(_Row(date=e["date"], what=eldercare_meals.meal_label(e["meal"]),
                             detail=tr("EldercareUi", "{mode}, paid {paid} (subsidy {subsidy})").format(
                                 mode=eldercare_meals.mode_label(e["mode"]), paid=fmt_yuan(e["paid_fen"]),
                                 subsidy=fmt_yuan(e["subsidy_fen"])),
                             state=tr("EldercareUi", "Voided") if e["status"] == "voided" else "",
                             open=False, id=e["id"], kind="meal"))
    return rows


class ElderDetailPage(EldercarePage):
    """One elder: who they are, what elder care knows, a visit form, and everything that happened."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.resident_id: str | None = None
        self.detail: dict[str, Any] | None = None
        self.heading = title_label("")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)

        # profile
        self.profile = FormGrid()
        flags = QHBoxLayout()
        self.checks = {}
        for key, text in (("lives_alone", tr("EldercareUi", "Lives alone")), ("empty_nest", tr("EldercareUi", "Empty nest")),
                          ("disabled", tr("EldercareUi", "Disabled")), ("semi_disabled", tr("EldercareUi", "Partly disabled")),
                          ("meal_regular", tr("EldercareUi", "Eats at the canteen"))):
            box = QCheckBox(text)
            self.checks[key] = box
            flags.addWidget(box)
        flag_row = QWidget()
        flag_row.setLayout(flags)
        self.profile.add_field("semi_disabled", tr("EldercareUi", "Flags"), flag_row)
        self.care_level = QComboBox()
        for level in range(4):
            self.care_level.addItem(eldercare_roster.care_level_label(level), level)
        self.profile.add_field("care_level", tr("EldercareUi", "Care level"), self.care_level)
        self.carer_kind = QComboBox()
        for kind in ("", "staff", "volunteer", "beacon"):
            self.carer_kind.addItem(eldercare_roster.carer_kind_label(kind) or "—", kind)
        self.profile.add_field("carer_kind", tr("EldercareUi", "Carer type"), self.carer_kind)
        self.carer_name = line_edit(max_length=40)
        self.profile.add_field("carer_name", tr("EldercareUi", "Carer"), self.carer_name)
        self.carer_phone = line_edit(max_length=20)
        self.profile.add_field("carer_phone", tr("EldercareUi", "Carer's phone"), self.carer_phone)
        self.contacts = QPlainTextEdit()
        self.contacts.setTabChangesFocus(True)
        self.contacts.setFixedHeight(60)
        self.contacts.setPlaceholderText(tr("EldercareUi", "One per line: name relation phone"))
        self.profile.add_field("emergency_contacts", tr("EldercareUi", "Emergency contacts"), self.contacts)
        save = QPushButton(tr("EldercareUi", "Save profile"))
        save.clicked.connect(self.save_profile)
        card = QPushButton(tr("EldercareUi", "Print file card"))
        card.clicked.connect(self.print_card)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(card)
        buttons.addStretch(1)
        profile_box = QGroupBox(tr("EldercareUi", "Elder-care profile"))
        pl = QVBoxLayout(profile_box)
        pl.addLayout(self.profile)
        pl.addLayout(buttons)

        # visit form
        self.visit = FormGrid()
        self.visit_date = date_edit(ctx.store.clock.today())
        self.visit.add_field("visit_date", tr("EldercareUi", "Date"), self.visit_date)
        self.visit_type = QComboBox()
        for code in ("visit", "cleaning", "medical", "shopping", "other"):
            self.visit_type.addItem(eldercare_visits.visit_type_label(code), code)
        self.visit.add_field("visit_type", tr("EldercareUi", "Type"), self.visit_type)
        self.visitor = line_edit(ctx.actor.name, max_length=40)
        self.visit.add_field("visitor_name", tr("EldercareUi", "Visitor"), self.visitor)
        self.findings = line_edit(placeholder=tr("EldercareUi", "What you found"))
        self.visit.add_field("findings", tr("EldercareUi", "Findings"), self.findings)
        self.health = line_edit(placeholder=tr("EldercareUi", "e.g. blood pressure 150/95"))
        self.visit.add_field("health_notes", tr("EldercareUi", "Health notes"), self.health)
        self.follow_up = QCheckBox(tr("EldercareUi", "Follow-up needed"))
        self.visit.add_field("follow_up", "", self.follow_up)
        record = QPushButton(tr("EldercareUi", "Record visit (Ctrl+S)"))
        record.clicked.connect(self.record_visit)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.record_visit)
        visit_box = QGroupBox(tr("EldercareUi", "Record a home visit"))
        vl = QVBoxLayout(visit_box)
        vl.addLayout(self.visit)
        vl.addWidget(record)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(visit_box)
        ll.addWidget(profile_box)
        ll.addStretch(1)

        self.timeline: BaseTableModel[Any] = BaseTableModel(timeline_columns(), context=CTX)
        self.timeline_view = table_view(self.timeline, stretch=2)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(tr("EldercareUi", "Visits and meals, newest first")))
        rl.addWidget(self.timeline_view, 1)
        void = QPushButton(tr("EldercareUi", "Void the selected entry (typed by mistake)"))
        void.clicked.connect(self.void_selected)
        rl.addWidget(void)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 6)
        split.setSizes([520, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.note)

    def open_with(self, resident_id: str | None = None, **_kw: Any) -> None:
        if resident_id:
            self.resident_id = resident_id
            self.refresh()
            self.findings.setFocus()

    def refresh(self) -> None:
        if not self.resident_id:
            return
        d = eldercare_roster.elder_detail(self.ctx.store, resident_id=self.resident_id)
        self.detail = d
        age = tr("EldercareUi", "{age} years").format(age=d["age"])
        self.heading.setText("　".join([d["name"], age, "、".join(d["flag_labels"])]))
        parts = [d["id_number"], d["phone"] or "", " ".join(x for x in (d["village_group"], d["hamlet"],
                                                                        d["address"]) if x),
                 tr("EldercareUi", "visit every {days} days").format(days=d["visit_every_days"])]
        if not d["on_roster"]:
            parts.append(tr("EldercareUi", "no longer on the roster"))
        self.summary.setText("　".join(p for p in parts if p))
        flags = set(d["flags"])
        for key, box in self.checks.items():
            box.setChecked(d["meal_regular"] if key == "meal_regular" else key in flags)
        self.care_level.setCurrentIndex(max(0, self.care_level.findData(d["care_level"])))
        self.carer_kind.setCurrentIndex(max(0, self.carer_kind.findData(d["carer_kind"])))
        self.carer_name.setText(d["carer_name"])
        self.carer_phone.setText(d["carer_phone"])
        self.contacts.setPlainText("\n".join(f"{c['name']} {c['relation']} {c['phone']}"
                                             for c in d["emergency_contacts"]))
        self.timeline.set_rows(timeline_rows(d))

    def _contacts(self) -> list[dict[str, str]]:
        out = []
        for line in self.contacts.toPlainText().splitlines():
            parts = line.replace("，", " ").replace(",", " ").split()
            if not parts:
                continue
            phone = parts[-1] if len(parts) > 1 else ""
            out.append({"name": parts[0], "relation": " ".join(parts[1:-1]), "phone": phone})
        return out

    def save_profile(self) -> None:
        if not self.resident_id:
            return
        changes = {key: box.isChecked() for key, box in self.checks.items()}
        changes.update(care_level=self.care_level.currentData(), carer_kind=self.carer_kind.currentData(),
                       carer_name=self.carer_name.text(), carer_phone=self.carer_phone.text(),
                       emergency_contacts=self._contacts())
        rid = self.resident_id
        self.attempt(lambda: eldercare_roster.set_profile(self.ctx.store, actor=self.ctx.actor, resident_id=rid,
                                                          **changes),
                     self.profile, tr("EldercareUi", "Profile saved."))

    def record_visit(self) -> None:
        if not self.resident_id:
            return
        rid = self.resident_id

        def go() -> object:
            return eldercare_visits.record_visit(
                self.ctx.store, actor=self.ctx.actor, resident_id=rid, visit_type=self.visit_type.currentData(),
                visit_date=date_of(self.visit_date), visitor_name=self.visitor.text(),
                findings=self.findings.text(), health_notes=self.health.text(),
                follow_up_needed=self.follow_up.isChecked())

        if self.attempt(go, self.visit, tr("EldercareUi", "Visit recorded.")) is not None:
            self.findings.clear()
            self.health.clear()
            self.follow_up.setChecked(False)

    def void_selected(self) -> None:
        """A visit or meal typed by mistake is voided, never deleted; it stays in the timeline."""
        row = selected(self.timeline_view)
        if row is None:
            self.message.setText(tr("EldercareUi", "Choose the entry to void."))
            return
        if row["state"] == tr("EldercareUi", "Voided"):  # type: ignore[index]
            return
        entry_id, kind = row["id"], row["kind"]  # type: ignore[index]

        def void() -> None:
            if kind == "visit":
                eldercare_visits.void_visit(self.ctx.store, actor=self.ctx.actor, visit_id=entry_id)
            else:
                eldercare_meals.void_meal(self.ctx.store, actor=self.ctx.actor, meal_id=entry_id)

        self.attempt(void, done=tr("EldercareUi", "Entry voided."))

    def print_card(self) -> None:
        if not self.resident_id:
            return
        rid = self.resident_id
        doc = self.attempt(lambda: eldercare_documents.elder_card(self.ctx.store, actor=self.ctx.actor,
                                                                  resident_id=rid))
        if doc is not None:
            save_and_print(self.ctx, self, doc.pdf, doc.filename, doc.warning)  # type: ignore[attr-defined]

    def prepare_screenshot(self) -> None:
        if self.resident_id is None:
            rows = eldercare_roster.roster(self.ctx.store, flag="lives_alone")
            if rows:
                self.open_with(resident_id=rows[0].resident_id)

