"""The hall's elder-care rules: visit frequency by flag, meal prices and subsidies, allowance tiers.

Saved values override the county defaults for this hall only (and travel to the county with sync).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from villagedesk.errors import DomainError
from villagedesk.services import eldercare_roster, eldercare_rules
from villagedesk.services.eldercare_meals import category_label, meal_label
from villagedesk.services.eldercare_rules import EDITABLE_KEYS, RULE_FLAGS, fen_to_yuan, yuan_to_fen
from villagedesk.ui.eldercare.common import EldercarePage
from villagedesk.ui.forms import line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.text import tr

TIERS = 3


def _days(maximum: int = 365) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    return box


def _same(key: str, a: Any, b: Any) -> bool:
    """Equal rule values; visit rules compare whatever their order."""
    try:
        if key == "visit_rules":
            return sorted((r["flag"], r["days"]) for r in a) == sorted((r["flag"], r["days"]) for r in b)
        if key in ("meal_prices", "meal_subsidies"):
            return {k: yuan_to_fen(v) for k, v in a.items()} == {k: yuan_to_fen(v) for k, v in b.items()}
        if key == "allowance_thresholds":
            return sorted((t["age"], yuan_to_fen(t["monthly"])) for t in a) == \
                sorted((t["age"], yuan_to_fen(t["monthly"])) for t in b)
    except DomainError:
        return False  # set_rule says what is wrong
    return bool(a == b)


class RulesPage(EldercarePage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.default_days = _days()
        self.default_days.setMinimum(1)
        self.flag_days = {flag: _days() for flag in RULE_FLAGS}
        visits = QGridLayout()
        visits.addWidget(QLabel(tr("EldercareUi", "Everyone else: every")), 0, 0)
        visits.addWidget(self.default_days, 0, 1)
        visits.addWidget(QLabel(tr("EldercareUi", "days")), 0, 2)
        for row, flag in enumerate(RULE_FLAGS, start=1):
            visits.addWidget(QLabel(eldercare_roster.flag_label(flag)), row, 0)
            visits.addWidget(self.flag_days[flag], row, 1)
            visits.addWidget(QLabel(tr("EldercareUi", "days (0: no rule)")), row, 2)
        visit_box = QGroupBox(tr("EldercareUi", "Home visits: the shortest matching interval applies"))
        visit_box.setLayout(visits)

        self.prices = {m: line_edit(max_length=8) for m in ("lunch", "dinner")}
        self.subsidies = {c: line_edit(max_length=8) for c in ("dibao_tekun", "age80", "other")}
        meals = QGridLayout()
        for row, (meal, edit) in enumerate(self.prices.items()):
            meals.addWidget(QLabel(tr("EldercareUi", "Price of {meal}").format(meal=meal_label(meal))), row, 0)
            meals.addWidget(edit, row, 1)
        for row, (cat, edit) in enumerate(self.subsidies.items(), start=2):
            meals.addWidget(QLabel(tr("EldercareUi", "Subsidy per meal: {category}").format(
                category=category_label(cat))), row, 0)
            meals.addWidget(edit, row, 1)
        meal_box = QGroupBox(tr("EldercareUi", "Meals (yuan)"))
        meal_box.setLayout(meals)

        self.tiers = [(_days(120), line_edit(max_length=8)) for _ in range(TIERS)]
        tiers = QGridLayout()
        for row, (age, amount) in enumerate(self.tiers):
            tiers.addWidget(QLabel(tr("EldercareUi", "From age")), row, 0)
            tiers.addWidget(age, row, 1)
            tiers.addWidget(QLabel(tr("EldercareUi", "yuan a month")), row, 3)
            tiers.addWidget(amount, row, 2)
        tier_box = QGroupBox(tr("EldercareUi", "Old-age allowance (age 0: no tier)"))
        tier_box.setLayout(tiers)

        save = QPushButton(tr("EldercareUi", "Save rules"))
        save.clicked.connect(self.save)
        reset = QPushButton(tr("EldercareUi", "Back to the county defaults"))
        reset.clicked.connect(self.reset)
        self.overridden = QLabel("")
        self.overridden.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(reset)
        buttons.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(visit_box)
        right = QVBoxLayout()
        right.addWidget(meal_box)
        right.addWidget(tier_box)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("EldercareUi", "Elder-care rules of this hall")))
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addWidget(self.overridden)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        rules = eldercare_rules.get_rules(self.ctx.store)
        self.default_days.setValue(rules.visit_default_days)
        by_flag = dict(rules.visit_rules)
        for flag, box in self.flag_days.items():
            box.setValue(by_flag.get(flag, 0))
        for meal, edit in self.prices.items():
            edit.setText(str(fen_to_yuan(rules.meal_price_fen[meal])))
        for cat, edit in self.subsidies.items():
            edit.setText(str(fen_to_yuan(rules.meal_subsidy_fen[cat])))
        for i, (age, amount) in enumerate(self.tiers):
            tier = rules.allowance[i] if i < len(rules.allowance) else None
            age.setValue(tier[0] if tier else 0)
            amount.setText(str(fen_to_yuan(tier[1])) if tier else "")
        labels = {
            "roster_age": tr("EldercareUi", "roster age"),
            "visit_default_days": tr("EldercareUi", "usual visit interval"),
            "visit_rules": tr("EldercareUi", "visit intervals by flag"),
            "meal_prices": tr("EldercareUi", "meal prices"),
            "meal_subsidies": tr("EldercareUi", "meal subsidies"),
            "allowance_thresholds": tr("EldercareUi", "old-age allowance"),
        }
        self.overridden.setText(tr("EldercareUi", "Changed for this hall: {keys}").format(
            keys="、".join(labels.get(k, k) for k in sorted(rules.overridden)) or "—"))

    def _values(self) -> dict[str, Any]:
        return {
            "visit_default_days": self.default_days.value(),
            "visit_rules": [{"flag": f, "days": b.value()} for f, b in self.flag_days.items() if b.value()],
            "meal_prices": {m: e.text().strip() for m, e in self.prices.items()},
            "meal_subsidies": {c: e.text().strip() for c, e in self.subsidies.items()},
            "allowance_thresholds": [{"age": a.value(), "monthly": m.text().strip() or "0"}
                                     for a, m in self.tiers if a.value()],
        }

    def save(self) -> None:
        current = eldercare_rules.get_rules(self.ctx.store).as_json()
        values = self._values()

        def go() -> None:
            eldercare_rules.parse_rules({**current, **values})  # check all before storing any
            for key, value in values.items():
                if _same(key, value, current[key]):
                    continue
                eldercare_rules.set_rule(self.ctx.store, actor=self.ctx.actor, key=key, value=value)

        self.attempt(go, done=tr("EldercareUi", "Rules saved."))

    def reset(self) -> None:
        def go() -> None:
            for key in EDITABLE_KEYS:
                if key != "roster_age":
                    eldercare_rules.set_rule(self.ctx.store, actor=self.ctx.actor, key=key, value=None)

        self.attempt(go, done=tr("EldercareUi", "The county defaults apply again."))
