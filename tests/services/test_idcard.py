"""ID numbers (GB 11643): what a clerk sees when typing or importing one."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from villagedesk.services.idcard import (
    PROVINCE_CODES,
    age_on,
    birth_date_of,
    build_id,
    check_char,
    check_id_number,
    downgrade_to_15,
    looks_stored_as_number,
    mask_id,
    sex_of,
    upgrade_15,
)

TODAY = dt.date(2026, 12, 5)
VALID = "420984194605220069"  # from the sample roster: 420984460522006 converted
CJK = re.compile(r"[\u4e00-\u9fff]")


def check(raw: object, **kw: object):
    return check_id_number(raw, today=TODAY, **kw)  # type: ignore[arg-type]


def test_valid_number_gives_birth_date_and_sex() -> None:
    result = check("420982196312085058")
    assert result.ok and result.error is None and result.message is None
    assert result.normalized == "420982196312085058"
    assert result.birth_date == dt.date(1963, 12, 8)
    assert result.sex == "M"
    assert not result.changed
    woman = check("42098119451228788X")
    assert woman.ok and woman.sex == "F" and woman.birth_date == dt.date(1945, 12, 28)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("42098219750220362x", "42098219750220362X"),
        ("４２０９０２１９７７０６１１８８５５", "420902197706118855"),
        ("４２０９８２１９７５０２２０３６２ｘ", "42098219750220362X"),
        (" 420902 19770611 8855 ", "420902197706118855"),
        ("420902197706118855\u00a0", "420902197706118855"),
        ("'420902197706118855", "420902197706118855"),
        ("\u200b420902197706118855", "420902197706118855"),
        ("420984460522006", VALID),
        (420984460522006, VALID),  # a 15-digit number survives being stored as a number
        (420984460522006.0, VALID),
    ],
)
def test_normalises_what_people_type(raw: object, expected: str) -> None:
    result = check(raw)
    assert result.ok, result.message
    assert result.normalized == expected
    # Only a change beyond outer spaces is reported as "normalised" in an import.
    assert result.changed == (str(raw).strip() != expected)


def test_old_15_digit_number_converts() -> None:
    assert upgrade_15("420984460522006") == VALID
    result = check("420984460522006")
    assert result.birth_date == dt.date(1946, 5, 22)
    assert result.sex == "F"


def test_centenarian_sequence_codes_take_the_1800s() -> None:
    # 996-999 were reserved on 15-digit cards for people born in the 1800s.
    old = "420984" + "950522" + "997"
    assert upgrade_15(old)[6:10] == "1895"
    assert check(old).birth_date == dt.date(1895, 5, 22)


def test_wrong_check_character_asks_to_compare_and_never_offers_a_fix() -> None:
    wrong = VALID[:17] + "1"
    result = check(wrong)
    assert result.error == "checksum"
    assert result.normalized is None
    assert "逐位核对" in result.message
    # No digit or X at all: the message cannot hint at a replacement character.
    assert not re.search(r"[0-9Xx]", result.message)
    assert check("420923198901060359").error == "checksum"  # row 9 of the sample


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (None, "missing"),
        ("", "missing"),
        ("   ", "missing"),
        ("42098419460522006", "format"),  # 17 digits
        ("4209841946052200691", "format"),  # 19
        ("42098419460522X069", "format"),
        ("42098419460522006A", "format"),
        ("420984-19460522-0069", "format"),
        ("990984194605220069", "province"),
        ("000984194605220069", "province"),
        ("420984194602300069", "birth_date"),  # 30 February
        ("420984194613220069", "birth_date"),  # month 13
        ("420984185005220069", "birth_date"),  # 1850: nobody got a card
        ("420984202712010069", "birth_date"),  # after today
        (4.209811955021651e17, "stored_as_number"),
        (420981195502165000, "stored_as_number"),
        ("4.20981195502165E+17", "stored_as_number"),
        ("4.20981E+17", "stored_as_number"),
        ("420981195502165000", "stored_as_number"),  # text copied from a number cell
    ],
)
def test_refusals_have_the_right_kind_and_a_chinese_message(raw: object, kind: str) -> None:
    result = check(raw)
    assert result.error == kind
    assert result.normalized is None
    assert result.message and CJK.search(result.message)


def test_checks_run_in_order_province_before_date_before_checksum() -> None:
    # Bad province and bad date and bad check char: the province is reported.
    assert check("99098419460230006Y".replace("Y", "1")).error == "province"
    # Good province, bad date, wrong check character: the date is reported.
    assert check("420984194602300061").error == "birth_date"


def test_future_birth_date_depends_on_today() -> None:
    number = build_id("420902", dt.date(2026, 12, 6), 12)
    assert check_id_number(number, today=dt.date(2026, 12, 5)).error == "birth_date"
    assert check_id_number(number, today=dt.date(2026, 12, 6)).ok


def test_stored_as_number_detection_is_about_lost_digits() -> None:
    assert looks_stored_as_number(4.209811955021651e17)
    assert looks_stored_as_number(420981195502165100)  # 18-digit int: Excel kept 15 digits
    assert looks_stored_as_number(4209811955021651.0)  # 16 digits
    assert not looks_stored_as_number(420984460522006)  # 15 digits are exact
    assert not looks_stored_as_number("420984194605220069")
    assert not looks_stored_as_number(True)
    assert not looks_stored_as_number(None)


def test_a_real_number_ending_in_000_is_accepted() -> None:
    genuine = next(
        number
        for days in range(400)
        for seq in range(0, 1000, 100)
        if (number := build_id("420902", dt.date(1977, 1, 1) + dt.timedelta(days), seq)).endswith(
            "000"
        )
    )
    assert check(genuine).ok


def test_unknown_region_is_only_a_warning() -> None:
    asked: list[tuple[str, int]] = []

    def region_known(region: str, year: int) -> bool:
        asked.append((region, year))
        return False

    result = check(VALID, region_known=region_known)
    assert result.ok
    assert asked == [("420984", 1946)]
    assert len(result.warnings) == 1 and "420984" in result.warnings[0]
    assert check(VALID, region_known=lambda r, y: True).warnings == ()


def test_helpers() -> None:
    assert mask_id(VALID) == "4209**********0069"
    assert mask_id(VALID, head=6) == "420984********0069"
    assert mask_id("") == ""
    assert age_on(dt.date(1946, 5, 22), dt.date(2026, 5, 21)) == 79
    assert age_on(dt.date(1946, 5, 22), dt.date(2026, 5, 22)) == 80
    assert age_on(dt.date(2000, 2, 29), dt.date(2026, 2, 28)) == 25
    assert age_on(dt.date(2000, 2, 29), dt.date(2026, 3, 1)) == 26
    assert sex_of(VALID) == "F" and birth_date_of(VALID) == dt.date(1946, 5, 22)
    assert check_char("11010519491231002") == "X"
    with pytest.raises(ValueError):
        check_char("１１０１０５１９４９１２３１００２")


# --- properties -----------------------------------------------------------------------

provinces = st.sampled_from(sorted(PROVINCE_CODES))
regions = st.builds(lambda p, rest: p + rest, provinces, st.from_regex(r"[0-9]{4}", fullmatch=True))
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)
valid_ids = st.builds(build_id, regions, births, sequences)


@settings(max_examples=200, deadline=None)
@given(regions, births, sequences)
def test_generated_ids_validate(region: str, birth: dt.date, seq: int) -> None:
    number = build_id(region, birth, seq)
    result = check(number)
    assert result.ok, result.message
    assert result.normalized == number
    assert result.birth_date == birth
    assert result.sex == ("M" if seq % 2 else "F")
    assert check(number.lower()).normalized == number


@settings(max_examples=300, deadline=None)
@given(valid_ids, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_any_single_character_change_is_caught(number: str, pos: int, shift: int) -> None:
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    replacement = alphabet[(alphabet.index(number[pos]) + shift) % len(alphabet)]
    if replacement == number[pos]:
        return
    changed = number[:pos] + replacement + number[pos + 1 :]
    result = check(changed)
    assert not result.ok
    # A changed number ending in 000 reads as digits lost to Excel: still refused.
    assert result.error in ("checksum", "province", "birth_date", "stored_as_number")


@settings(max_examples=200, deadline=None)
@given(valid_ids, st.integers(min_value=0, max_value=15))
def test_adjacent_swaps_are_caught(number: str, pos: int) -> None:
    if number[pos] == number[pos + 1]:
        return
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    assert not check(swapped).ok


@settings(max_examples=200, deadline=None)
@given(
    regions,
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
    st.integers(min_value=0, max_value=995),
)
def test_15_to_18_round_trip(region: str, birth: dt.date, seq: int) -> None:
    number = build_id(region, birth, seq)
    old = downgrade_to_15(number)
    assert len(old) == 15
    assert upgrade_15(old) == number
    result = check(old)
    assert result.normalized == number
    assert result.changed
