"""Elder-care rules: visit frequencies, meal prices and subsidies, allowance thresholds.

Defaults come from resources/data/eldercare_rules.json. A hall overrides any top-level key;
its overrides are rows of the synced `eldercare_setting` table, so the county sees them.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlmodel import select

from villagedesk.db.models.eldercare import EldercareSetting
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.resources import resource_path
from villagedesk.services.auth import Actor, require
from villagedesk.services.idcard import age_on  # noqa: F401  (re-exported for elder-care modules)
from villagedesk.services.money import format_yuan, from_fen, parse_yuan, to_fen

FLAGS = ("lives_alone", "empty_nest", "disabled", "semi_disabled")
RULE_FLAGS = (*FLAGS, "age80", "dibao_tekun")
EDITABLE_KEYS = ("roster_age", "visit_default_days", "visit_rules", "meal_prices", "meal_subsidies",
                 "allowance_thresholds")


@lru_cache(maxsize=1)
def default_rules() -> dict[str, Any]:
    with resource_path("data/eldercare_rules.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    data.pop("_comment", None)
    return data


def yuan_to_fen(value: str | Decimal | int) -> int:
    """'12.50' -> 1250. Refuses fractions of a fen and negative amounts instead of rounding."""
    return to_fen(parse_yuan(value))


def fen_to_yuan(fen: int) -> Decimal:
    return from_fen(int(fen))


def fmt_yuan(fen: int) -> str:
    """1250 -> '12.50' (thousands separated; no currency sign, for tables)."""
    return format_yuan(from_fen(int(fen)), symbol=False)


@dataclasses.dataclass(frozen=True)
class Rules:
    roster_age: int
    visit_default_days: int
    visit_rules: tuple[tuple[str, int], ...]  # (flag, days)
    meal_price_fen: dict[str, int]  # lunch / dinner
    meal_subsidy_fen: dict[str, int]  # dibao_tekun / age80 / other
    allowance: tuple[tuple[int, int], ...]  # (age, monthly fen), ascending
    overridden: frozenset[str]

    def visit_days(self, flags: set[str]) -> int:
        """The shortest interval of any rule whose flag the elder has, else the default."""
        days = [d for flag, d in self.visit_rules if flag in flags]
        return min(days) if days else self.visit_default_days

    def allowance_tier(self, age: int) -> tuple[int, int] | None:
        tier = None
        for threshold, fen in self.allowance:
            if age >= threshold:
                tier = (threshold, fen)
        return tier

    def as_json(self) -> dict[str, Any]:
        return {
            "roster_age": self.roster_age,
            "visit_default_days": self.visit_default_days,
            "visit_rules": [{"flag": f, "days": d} for f, d in self.visit_rules],
            "meal_prices": {k: str(fen_to_yuan(v)) for k, v in self.meal_price_fen.items()},
            "meal_subsidies": {k: str(fen_to_yuan(v)) for k, v in self.meal_subsidy_fen.items()},
            "allowance_thresholds": [{"age": a, "monthly": str(fen_to_yuan(f))} for a, f in self.allowance],
            "overridden": sorted(self.overridden),
        }


def _positive_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise DomainError(tr("eldercare", "{what} must be a whole number above zero.").format(what=what))
    return value


def parse_rules(data: dict[str, Any], overridden: frozenset[str] = frozenset()) -> Rules:
    """Check a whole rule set; every problem is a DomainError a hall administrator can fix."""
    visit_rules = []
    for rule in data["visit_rules"]:
        if rule.get("flag") not in RULE_FLAGS:
            raise DomainError(tr("eldercare", "Unknown flag in a visit rule: {flag}").format(
                flag=rule.get("flag")))
        visit_rules.append((rule["flag"], _positive_int(rule.get("days"), "days")))
    prices = {m: yuan_to_fen(data["meal_prices"][m]) for m in ("lunch", "dinner")}
    subsidies = {c: yuan_to_fen(data["meal_subsidies"][c]) for c in ("dibao_tekun", "age80", "other")}
    allowance = sorted(
        (_positive_int(t.get("age"), "age"), yuan_to_fen(t.get("monthly", "0")))
        for t in data["allowance_thresholds"]
    )
    return Rules(
        roster_age=_positive_int(data["roster_age"], "roster_age"),
        visit_default_days=_positive_int(data["visit_default_days"], "visit_default_days"),
        visit_rules=tuple(visit_rules), meal_price_fen=prices, meal_subsidy_fen=subsidies,
        allowance=tuple(allowance), overridden=overridden,
    )


def load_rules_in(s: Any) -> Rules:
    data = copy.deepcopy(default_rules())
    overridden = set()
    for row in s.exec(select(EldercareSetting)).all():
        if row.key in EDITABLE_KEYS:
            value = json.loads(row.value)
            if value is not None:
                data[row.key] = value
                overridden.add(row.key)
    return parse_rules(data, frozenset(overridden))


def get_rules(store: Store) -> Rules:
    with store.read() as s:
        return load_rules_in(s)


def set_rule(store: Store, *, actor: Actor, key: str, value: Any) -> Rules:
    """Override one rule for this hall; `None` goes back to the default."""
    require(actor, "eldercare")
    if key not in EDITABLE_KEYS:
        raise DomainError(tr("eldercare", "Unknown elder-care setting: {key}").format(key=key), field="key")
    with store.write(actor) as s:
        data = copy.deepcopy(default_rules())
        data[key] = value if value is not None else data[key]
        parse_rules(data)  # refuse a bad value before storing it
        row = s.exec(select(EldercareSetting).where(EldercareSetting.key == key)).first()
        if row is None:
            row = EldercareSetting(key=key)
        row.value = json.dumps(value, ensure_ascii=False)
        s.add(row)
        s.flush()
        return load_rules_in(s)


# -- dates ---------------------------------------------------------------------------------------

def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier; 29 Feb falls back to 28 Feb."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def born_on_or_before(today: dt.date, age: int) -> dt.date:
    """The latest birth date of someone who is at least `age` on `today`.

    Someone born 29 Feb is a year older on 1 Mar of a common year, so on 28 Feb of a
    common year the cut-off is 28 Feb.
    """
    return years_before(today, age)


def birthday_at(birth: dt.date, age: int) -> dt.date:
    """The day someone born on `birth` reaches `age` (29 Feb births: 1 Mar in common years)."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return dt.date(birth.year + age, 3, 1)


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """'2026-03' -> (2026-03-01, 2026-03-31)."""
    try:
        first = dt.date.fromisoformat(month.strip() + "-01")
    except ValueError:
        raise DomainError(tr("eldercare", "Write the month as YYYY-MM, for example 2026-03."),
                          field="month") from None
    nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)
