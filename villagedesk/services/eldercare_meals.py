"""Meal service (助餐): the daily meal register and monthly statements.

Each meal row keeps its price, subsidy and the amount the elder paid in integer fen, as
they were on that day, so a later price change never rewrites a past month. Totals are
sums of integers and come out as exact Decimals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlmodel import select

from villagedesk.db.models.eldercare import MEAL_MODES, MEALS, ElderMeal
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.eldercare_roster import (
    ELDER_FROM,
    elder_columns,
    require_elder,
    row_to_elder,
)
from villagedesk.services.eldercare_rules import (
    Rules,
    fen_to_yuan,
    load_rules_in,
    month_bounds,
)
from villagedesk.services.idcard import age_on

MEAL_ALIASES = {"午餐": "lunch", "中餐": "lunch", "晚餐": "dinner"}
MODE_ALIASES = {"堂食": "served", "送餐": "delivered"}


def meal_label(meal: str) -> str:
    return {"lunch": tr("eldercare", "Lunch"), "dinner": tr("eldercare", "Dinner")}.get(meal, meal)


def mode_label(mode: str) -> str:
    return {"served": tr("eldercare", "At the canteen"),
            "delivered": tr("eldercare", "Delivered")}.get(mode, mode)


def category_label(category: str) -> str:
    return {"dibao_tekun": tr("eldercare", "Dibao/Tekun"), "age80": tr("eldercare", "Aged 80+"),
            "other": tr("eldercare", "Other elders")}.get(category, category)


def parse_meal(raw: str) -> str:
    meal = MEAL_ALIASES.get(raw.strip(), raw.strip().lower())
    if meal not in MEALS:
        raise DomainError(tr("eldercare", "The meal is lunch (午餐) or dinner (晚餐)."), field="meal")
    return meal


def parse_mode(raw: str) -> str:
    mode = MODE_ALIASES.get(raw.strip(), raw.strip().lower())
    if mode not in MEAL_MODES:
        raise DomainError(tr("eldercare", "A meal is served at the canteen (堂食) or delivered (送餐)."),
                          field="mode")
    return mode


def meal_category(*, is_dibao: bool, is_tekun: bool, age: int) -> str:
    if is_dibao or is_tekun:
        return "dibao_tekun"
    return "age80" if age >= 80 else "other"


def price_meal(rules: Rules, meal: str, category: str) -> tuple[int, int, int]:
    """(price, subsidy, paid) in fen; the subsidy never exceeds the price."""
    price = rules.meal_price_fen[meal]
    subsidy = min(rules.meal_subsidy_fen[category], price)
    return price, subsidy, price - subsidy


@dataclasses.dataclass
class RegisterResult:
    added: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    already: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"added": self.added, "already": self.already}


def register_meals(store: Store, *, actor: Actor, meal_date: dt.date | None = None, meal: str = "lunch",
                   resident_ids: list[str] | None = None, id_numbers: list[str] | None = None,
                   mode: str = "served", modes: dict[str, str] | None = None) -> RegisterResult:
    """Register one meal for several elders at once, in one transaction.

    An elder already registered for that meal is reported, not counted twice. `modes` maps a
    resident id to 'delivered' for those whose meal was taken to them.
    """
    require(actor, "eldercare")
    today = store.clock.today()
    meal_date = meal_date or today
    meal = parse_meal(meal)
    mode = parse_mode(mode)
    if meal_date > today:
        raise DomainError(tr("eldercare", "Meals cannot be registered for a future date."), field="meal_date")
    keys = [("id", x) for x in resident_ids or []] + [("no", x) for x in id_numbers or []]
    if not keys:
        raise DomainError(tr("eldercare", "Choose at least one elder."), field="elder")
    result = RegisterResult()
    with store.write(actor) as s:
        rules = load_rules_in(s)
        for kind, key in keys:
            r = require_elder(s, rules, today=today, on=meal_date,
                              resident_id=key if kind == "id" else None,
                              id_number=key if kind == "no" else None)
            this_mode = parse_mode((modes or {}).get(r.id, mode))
            category = meal_category(is_dibao=r.is_dibao, is_tekun=r.is_tekun,
                                     age=age_on(r.birth_date, meal_date))
            price, subsidy, paid = price_meal(rules, meal, category)
            row = s.exec(select(ElderMeal).where(ElderMeal.resident_id == r.id,
                                                 ElderMeal.meal_date == meal_date,
                                                 ElderMeal.meal == meal)).first()
            entry = {"resident_id": r.id, "name": r.name, "id_number": r.id_number, "meal": meal,
                     "meal_date": meal_date.isoformat(), "mode": this_mode, "category": category,
                     "price": str(fen_to_yuan(price)), "subsidy": str(fen_to_yuan(subsidy)),
                     "paid": str(fen_to_yuan(paid))}
            if row is not None and row.status == "served":
                result.already.append(entry)
                continue
            if row is None:
                row = ElderMeal(resident_id=r.id, meal_date=meal_date, meal=meal)
            row.mode, row.category, row.status = this_mode, category, "served"
            row.price_fen, row.subsidy_fen, row.paid_fen = price, subsidy, paid
            s.add(row)
            s.flush()
            entry["id"] = row.id
            result.added.append(entry)
    return result


def void_meal(store: Store, *, actor: Actor, meal_id: str) -> None:
    """Take back a meal registered by mistake (kept, marked voided)."""
    require(actor, "eldercare")
    with store.write(actor) as s:
        row = s.get(ElderMeal, meal_id)
        if row is None:
            raise NotFoundError(tr("eldercare", "No such meal."))
        row.status = "voided"
        s.add(row)


def meal_register(store: Store, *, meal_date: dt.date | None = None, meal: str = "lunch",
                  regulars_only: bool = True) -> list[dict[str, Any]]:
    """The one-screen register: regular diners (and whoever already ate), with today's state."""
    today = store.clock.today()
    meal_date = meal_date or today
    meal = parse_meal(meal)
    with store.read() as s:
        rules = load_rules_in(s)
        rows = s.execute(text(
            f"SELECT {elder_columns(meal_date)}, m.id, m.mode, m.status {ELDER_FROM} "
            "LEFT JOIN elder_meal m ON m.resident_id = r.id AND m.meal_date = :d AND m.meal = :meal "
            "WHERE r.status = 'active' AND r.birth_date <= :cutoff "
            + ("AND r.id IN (SELECT resident_id FROM elder_profile WHERE meal_regular = 1 "
               "UNION SELECT resident_id FROM elder_meal WHERE meal_date = :d AND meal = :meal) "
               if regulars_only else "")
            + "ORDER BY r.name"),
            {"d": meal_date.isoformat(), "meal": meal,
             "cutoff": _cutoff(meal_date, rules.roster_age)}).all()
    out = []
    for row in rows:
        elder = row_to_elder(row)
        price, subsidy, paid = price_meal(rules, meal, elder.category)
        served = row[12] is not None and row[14] == "served"
        out.append({
            **elder.as_json(), "meal_id": row[12] if served else None, "served": served,
            "mode": row[13] if served else "served", "category": elder.category,
            "category_label": category_label(elder.category), "price": str(fen_to_yuan(price)),
            "subsidy": str(fen_to_yuan(subsidy)), "paid": str(fen_to_yuan(paid)),
        })
    return out


def _cutoff(day: dt.date, age: int) -> str:
    from villagedesk.services.eldercare_rules import born_on_or_before

    return born_on_or_before(day, age).isoformat()


# -- statements ----------------------------------------------------------------------------------

@dataclasses.dataclass
class StatementLine:
    resident_id: str
    name: str
    id_number: str
    categories: list[str]
    lunches: int = 0
    dinners: int = 0
    delivered: int = 0
    price_fen: int = 0
    subsidy_fen: int = 0
    paid_fen: int = 0

    @property
    def meals(self) -> int:
        return self.lunches + self.dinners

    def as_json(self) -> dict[str, Any]:
        return {
            "resident_id": self.resident_id, "name": self.name, "id_number": self.id_number,
            "categories": self.categories, "lunches": self.lunches, "dinners": self.dinners,
            "meals": self.meals, "delivered": self.delivered,
            "amount": str(fen_to_yuan(self.price_fen)), "subsidy": str(fen_to_yuan(self.subsidy_fen)),
            "paid": str(fen_to_yuan(self.paid_fen)),
        }


@dataclasses.dataclass
class MealStatement:
    month: str
    first: dt.date
    last: dt.date
    lines: list[StatementLine]
    by_category: dict[str, dict[str, int]]  # category -> {meals, price_fen, subsidy_fen, paid_fen}

    @property
    def meals(self) -> int:
        return sum(line.meals for line in self.lines)

    @property
    def price(self) -> Decimal:
        return fen_to_yuan(sum(line.price_fen for line in self.lines))

    @property
    def subsidy(self) -> Decimal:
        return fen_to_yuan(sum(line.subsidy_fen for line in self.lines))

    @property
    def paid(self) -> Decimal:
        return fen_to_yuan(sum(line.paid_fen for line in self.lines))

    def as_json(self) -> dict[str, Any]:
        return {
            "month": self.month, "lines": [line.as_json() for line in self.lines],
            "totals": {"elders": len(self.lines), "meals": self.meals, "amount": str(self.price),
                       "subsidy": str(self.subsidy), "paid": str(self.paid)},
            "by_category": {k: {"meals": v["meals"], "amount": str(fen_to_yuan(v["price_fen"])),
                                "subsidy": str(fen_to_yuan(v["subsidy_fen"])),
                                "paid": str(fen_to_yuan(v["paid_fen"]))}
                            for k, v in self.by_category.items()},
        }


def meal_statement(store: Store, *, month: str, resident_id: str | None = None,
                   id_number: str | None = None) -> MealStatement:
    """Counts, amounts, subsidies and what elders paid in a month, per elder and for the hall."""
    first, last = month_bounds(month)
    params: dict[str, Any] = {"a": first.isoformat(), "b": last.isoformat()}
    where = ""
    with store.read() as s:
        if resident_id or id_number:
            from villagedesk.services.eldercare_roster import resolve_resident

            r = resolve_resident(s, today=store.clock.today(), resident_id=resident_id,
                                 id_number=id_number)
            where, params["rid"] = "AND m.resident_id = :rid ", r.id
        rows = s.execute(text(
            "SELECT m.resident_id, r.name, r.id_number, m.meal, m.mode, m.category, "
            "m.price_fen, m.subsidy_fen, m.paid_fen FROM elder_meal m "
            "JOIN resident r ON r.id = m.resident_id "
            "WHERE m.meal_date BETWEEN :a AND :b AND m.status = 'served' " + where +
            "ORDER BY r.name, r.id_number, m.meal_date"), params).all()
    lines: dict[str, StatementLine] = {}
    by_category: dict[str, dict[str, int]] = {}
    for rid, name, idn, meal, mode, category, price, subsidy, paid in rows:
        line = lines.get(rid)
        if line is None:
            line = lines[rid] = StatementLine(rid, name, idn, [])
        if category not in line.categories:
            line.categories.append(category)
        if meal == "lunch":
            line.lunches += 1
        else:
            line.dinners += 1
        line.delivered += mode == "delivered"
        line.price_fen += price
        line.subsidy_fen += subsidy
        line.paid_fen += paid
        cat = by_category.setdefault(category, {"meals": 0, "price_fen": 0, "subsidy_fen": 0, "paid_fen": 0})
        cat["meals"] += 1
        cat["price_fen"] += price
        cat["subsidy_fen"] += subsidy
        cat["paid_fen"] += paid
    return MealStatement(f"{first:%Y-%m}", first, last, list(lines.values()), by_category)
