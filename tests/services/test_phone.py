"""Phone numbers as clerks and spreadsheets type them."""

from __future__ import annotations

import re

import pytest

from villagedesk.services.phone import check_phone, mask_phone, normalize_phone


@pytest.mark.parametrize(
    ("raw", "stored", "kind"),
    [
        ("13800138000", "13800138000", "mobile"),
        ("161 0922 3832", "16109223832", "mobile"),
        ("138-0013-8000", "13800138000", "mobile"),
        ("１３８００１３８０００", "13800138000", "mobile"),
        ("+86 138 0013 8000", "13800138000", "mobile"),
        ("8613800138000", "13800138000", "mobile"),
        (13800138000, "13800138000", "mobile"),
        (13800138000.0, "13800138000", "mobile"),
        ("19230172036", "19230172036", "mobile"),
        ("0712-5302059", "0712-5302059", "landline"),
        ("0712 5302059", "0712-5302059", "landline"),
        ("07125302059", "0712-5302059", "landline"),
        ("0712－5302059", "0712-5302059", "landline"),
        ("(0712)5302059", "0712-5302059", "landline"),
        ("010-62345678", "010-62345678", "landline"),
        ("01062345678", "010-62345678", "landline"),
        ("027 8765 4321", "027-87654321", "landline"),
    ],
)
def test_accepted_forms(raw: object, stored: str, kind: str) -> None:
    result = check_phone(raw)
    assert result.ok, result.message
    assert result.normalized == stored
    assert result.kind == kind


@pytest.mark.parametrize(
    "raw",
    [
        "1873394",  # the sample's short number (row 42)
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "12800138000",  # 12x is not a mobile prefix
        "5302059",  # landline without area code
        "0712-0302059",  # local numbers do not start with 0
        "0712-530205",  # 6-digit local number
        "abc",
        "138 0013 8000 转 12",
    ],
)
def test_refused_with_a_chinese_message(raw: str) -> None:
    result = check_phone(raw)
    assert result.error == "format"
    assert result.normalized is None
    assert result.message and re.search(r"[\u4e00-\u9fff]", result.message)


def test_messages_say_what_is_wrong() -> None:
    assert "11" in check_phone("1873394").message  # type: ignore[operator]
    assert "区号" in check_phone("5302059").message  # type: ignore[operator]


def test_empty_is_not_an_error() -> None:
    for raw in (None, "", "   "):
        result = check_phone(raw)
        assert result.ok and result.empty
    assert normalize_phone(None) is None


def test_normalize_phone_raises_on_bad_input() -> None:
    assert normalize_phone(" 138 0013 8000 ") == "13800138000"
    with pytest.raises(ValueError):
        normalize_phone("1873394")


def test_mask_phone() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("0712-5302059") == "0712-***2059"
