"""Money: exact parsing, fen conversion, formatting and 大写金额 (banking rules)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from villagedesk.errors import DomainError
from villagedesk.services.money import (
    format_yuan,
    from_chinese_capital,
    from_fen,
    parse_yuan,
    to_chinese_capital,
    to_fen,
)


@pytest.mark.parametrize(
    ("amount", "capital"),
    [
        # the awkward amounts of the supply issue
        ("0.05", "伍分"),
        ("10.50", "壹拾元伍角"),
        ("1005.00", "壹仟零伍元整"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("100000.00", "壹拾万元整"),
        # zeros in the middle
        ("10005.07", "壹万零伍元零柒分"),
        ("1000000.10", "壹佰万元壹角"),
        # the examples of the People's Bank rules for filling in bills
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        # edges
        ("0", "零元整"),
        ("0.50", "伍角"),
        ("16", "壹拾陆元整"),
        ("100005000", "壹亿零伍仟元整"),  # never 壹亿伍仟 (reads as 1.5亿)
        ("100000700", "壹亿零柒佰元整"),
        ("200000000", "贰亿元整"),
    ],
)
def test_chinese_capital_amounts(amount: str, capital: str) -> None:
    assert to_chinese_capital(Decimal(amount)) == capital


def test_zheng_after_jiao_is_optional() -> None:
    assert to_chinese_capital(Decimal("10.50"), zheng_after_jiao=True) == "壹拾元伍角整"
    assert to_chinese_capital(Decimal("10.55"), zheng_after_jiao=True) == "壹拾元伍角伍分"


def test_negative_and_sub_fen_amounts_are_refused() -> None:
    with pytest.raises(DomainError, match="负数"):
        to_chinese_capital(Decimal("-1"))
    with pytest.raises(DomainError, match="两位小数"):
        to_chinese_capital(Decimal("1.005"))


@given(st.integers(min_value=0, max_value=99_999_999_999_999))
def test_capital_never_loses_a_digit(fen: int) -> None:
    amount = from_fen(fen)
    capital = to_chinese_capital(amount)
    assert from_chinese_capital(capital) == amount
    assert "零零" not in capital and not capital.startswith("零") or capital == "零元整"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_fen_round_trip(fen: int) -> None:
    assert to_fen(from_fen(fen)) == fen
    assert parse_yuan(format_yuan(from_fen(fen)), allow_negative=True) == from_fen(fen)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1005", "1005.00"), ("1,005.5", "1005.50"), ("¥1005.50", "1005.50"),
     ("１００５元", "1005.00"), (" 0.05 ", "0.05"), ("￥12", "12.00")],
)
def test_parse_yuan_accepts_what_clerks_type(text: str, value: str) -> None:
    parsed = parse_yuan(text)
    assert parsed == Decimal(value)
    assert str(parsed) == value


@pytest.mark.parametrize("text", ["", "abc", "1.005", "1e3", "NaN", "-5", "1..2"])
def test_parse_yuan_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(DomainError):
        parse_yuan(text)


def test_formatting_and_fen() -> None:
    assert format_yuan(Decimal("1005")) == "¥1,005.00"
    assert format_yuan(Decimal("-5")) == "-¥5.00"
    assert format_yuan(Decimal("1234567.8"), symbol=False) == "1,234,567.80"
    assert to_fen(Decimal("10.50")) == 1050
    assert from_fen(1050) == Decimal("10.50")
    with pytest.raises(ValueError):
        to_fen(Decimal("0.001"))
    with pytest.raises(TypeError):
        from_fen(10.5)  # type: ignore[arg-type]
