"""Meals: subsidies by category, statement totals exact to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from eldercare_support import add_person
from sqlalchemy import text

from villagedesk.errors import DomainError
from villagedesk.services.eldercare_meals import (
    meal_register,
    meal_statement,
    register_meals,
    void_meal,
)
from villagedesk.services.eldercare_roster import set_profile
from villagedesk.services.eldercare_rules import set_rule


@pytest.fixture
def diners(store, actor):
    poor = add_person(store, actor, "低保甲", dt.date(1955, 4, 1), is_dibao=True)
    old = add_person(store, actor, "高龄乙", dt.date(1944, 2, 10))
    plain = add_person(store, actor, "普通丙", dt.date(1958, 8, 8))
    turning = add_person(store, actor, "将满八十", dt.date(1946, 3, 10))  # 80 on 10 March 2026
    return poor, old, plain, turning


def test_statement_totals_and_subsidies_are_exact_to_the_fen(store, actor, clock, diners) -> None:
    poor, old, plain, turning = diners
    # Odd prices make rounding errors visible: 3 x 0.10 is not 0.30 in floats.
    set_rule(store, actor=actor, key="meal_prices", value={"lunch": "10.10", "dinner": "7.03"})
    set_rule(store, actor=actor, key="meal_subsidies",
             value={"dibao_tekun": "8.01", "age80": "4.37", "other": "0.10"})
    ids = [p.id for p in diners]
    for day in (1, 2):
        register_meals(store, actor=actor, meal_date=dt.date(2026, 3, day), meal="lunch", resident_ids=ids)
    register_meals(store, actor=actor, meal_date=dt.date(2026, 3, 2), meal="dinner",
                   resident_ids=[poor.id, plain.id], modes={plain.id: "delivered"})
    clock.set(dt.datetime(2026, 3, 12, 12, 0, tzinfo=dt.timezone.utc))
    register_meals(store, actor=actor, meal="午餐", id_numbers=[turning.id_number, plain.id_number])
    register_meals(store, actor=actor, meal_date=dt.date(2026, 2, 27), meal="lunch", resident_ids=[poor.id])

    st = meal_statement(store, month="2026-03")
    lines = {line.name: line for line in st.lines}
    assert lines["低保甲"].as_json() | {"resident_id": None} == {
        "resident_id": None, "name": "低保甲", "id_number": poor.id_number, "categories": ["dibao_tekun"],
        "lunches": 2, "dinners": 1, "meals": 3, "delivered": 0,
        "amount": "27.23", "subsidy": "23.05", "paid": "4.18"}  # the dinner subsidy is capped at 7.03
    assert lines["高龄乙"].as_json()["subsidy"] == "8.74" and lines["高龄乙"].as_json()["paid"] == "11.46"
    # 将满八十 ate twice as an ordinary elder and once after turning 80.
    t = lines["将满八十"]
    assert t.categories == ["other", "age80"]
    assert (t.meals, t.price_fen, t.subsidy_fen, t.paid_fen) == (3, 3030, 457, 2573)
    p = lines["普通丙"]
    assert (p.lunches, p.dinners, p.delivered, p.subsidy_fen) == (3, 1, 1, 40)
    assert st.meals == 12
    assert st.price == Decimal("115.06")  # 10 x 10.10 + 2 x 7.03
    assert st.subsidy == Decimal("8.01") * 2 + Decimal("7.03") + Decimal("4.37") * 3 + Decimal("0.10") * 6
    assert st.paid == st.price - st.subsidy == Decimal("78.30")
    assert st.as_json()["by_category"]["age80"] == {
        "meals": 3, "amount": "30.30", "subsidy": "13.11", "paid": "17.19"}
    # Prices are frozen into the rows: a later change leaves March alone.
    set_rule(store, actor=actor, key="meal_prices", value={"lunch": "20.00", "dinner": "20.00"})
    assert meal_statement(store, month="2026-03").price == Decimal("115.06")
    assert meal_statement(store, month="2026-02").meals == 1
    one = meal_statement(store, month="2026-03", id_number=poor.id_number)
    assert [line.name for line in one.lines] == ["低保甲"] and one.paid == Decimal("4.18")
    with store.read() as s:
        assert s.execute(text("SELECT typeof(price_fen) FROM elder_meal LIMIT 1")).scalar_one() == "integer"


def test_a_meal_is_registered_once_and_voiding_keeps_the_row(store, actor, diners) -> None:
    poor = diners[0]
    first = register_meals(store, actor=actor, meal="lunch", resident_ids=[poor.id])
    again = register_meals(store, actor=actor, meal="lunch", resident_ids=[poor.id])
    assert len(first.added) == 1 and again.added == [] and again.already[0]["name"] == "低保甲"
    assert meal_statement(store, month="2026-03").meals == 1
    void_meal(store, actor=actor, meal_id=first.added[0]["id"])
    assert meal_statement(store, month="2026-03").meals == 0
    with store.read() as s:
        assert s.execute(text("SELECT status FROM elder_meal")).scalar_one() == "voided"
    assert len(register_meals(store, actor=actor, meal="lunch", resident_ids=[poor.id]).added) == 1


def test_register_screen_lists_regulars_and_who_already_ate(store, actor, diners) -> None:
    poor, old, plain, _ = diners
    set_profile(store, actor=actor, resident_id=poor.id, meal_regular=True)
    set_profile(store, actor=actor, resident_id=old.id, meal_regular=True)
    rows = meal_register(store, meal="lunch")
    assert [(r["name"], r["served"]) for r in rows] == [("低保甲", False), ("高龄乙", False)]
    assert rows[0]["paid"] == "4.00" and rows[1]["subsidy"] == "5.00"  # defaults 12.00 - 8.00 / 5.00
    register_meals(store, actor=actor, meal="lunch", resident_ids=[poor.id, plain.id])
    rows = meal_register(store, meal="lunch")
    assert {r["name"]: r["served"] for r in rows} == {"低保甲": True, "高龄乙": False, "普通丙": True}


def test_meal_input_is_checked(store, actor, diners) -> None:
    young = add_person(store, actor, "年轻人", dt.date(1990, 1, 1))
    with pytest.raises(DomainError):
        register_meals(store, actor=actor, meal="早餐", resident_ids=[diners[0].id])
    with pytest.raises(DomainError):
        register_meals(store, actor=actor, meal="lunch", resident_ids=[young.id])
    with pytest.raises(DomainError):
        register_meals(store, actor=actor, meal="lunch", resident_ids=[])
    with pytest.raises(DomainError):
        meal_statement(store, month="2026/03")
