"""Resident ID numbers (GB 11643): normalise, convert 15 to 18 digits, validate, mask.

Pure functions, no database. `check_id_number` is what the residents service and the
roster import call; it returns an `IdCheck` with the normalised number or an error kind.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from villagedesk.i18n import tr

IdErrorKind = Literal["checksum", "birth_date", "format", "province", "stored_as_number", "missing"]
Sex = Literal["M", "F"]

SEX_MALE: Sex = "M"
SEX_FEMALE: Sex = "F"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# Province-level codes of GB/T 2260, plus 71 Taiwan, 81 Hong Kong, 82 Macao and the
# 83 code used on residence permits for Taiwan residents.
PROVINCE_CODES: dict[str, str] = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江",
    "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
    "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    "71": "台湾", "81": "香港", "82": "澳门", "83": "台湾",
}  # fmt: skip

# Nobody alive (or recently deceased) got an ID card before 1984; anyone born before
# this year is a typo in the date digits.
EARLIEST_BIRTH_YEAR = 1870

# Whitespace and invisible characters that creep in from copy-paste and Excel.
_STRIP = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff'‘’`\"“”]+")
_SCIENTIFIC = re.compile(r"^[0-9]+(\.[0-9]+)?E\+?[0-9]+$")
_ID18 = re.compile(r"^[0-9]{17}[0-9X]$")
_ID15 = re.compile(r"^[0-9]{15}$")


@dataclass(frozen=True)
class IdCheck:
    """The outcome of checking one ID number.

    `normalized` is the 18-character canonical form (upper-case X), set only when the
    number is valid. `cleaned` is the input after removing spaces and converting
    full-width characters, as the clerk would read it back. `error` is one of the
    IdErrorKind values, with `message` in the clerk's language. `warnings` never stop
    the number from being used.
    """

    raw: object
    cleaned: str
    normalized: str | None = None
    birth_date: dt.date | None = None
    sex: Sex | None = None
    error: IdErrorKind | None = None
    message: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> bool:
        """True when the valid number differs from what was typed (15 digits, x, full-width)."""
        return self.normalized is not None and self.normalized != _raw_text(self.raw).strip()

    @property
    def region_code(self) -> str | None:
        return self.normalized[:6] if self.normalized else None


def check_char(first17: str) -> str:
    """The GB 11643 check character (0-9 or X) for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit() or not first17.isascii():
        raise ValueError("check_char needs exactly 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def build_id(region: str, birth: dt.date, sequence: int) -> str:
    """Make a valid 18-character ID: 6-digit region, birth date, 3-digit sequence (odd = male)."""
    if len(region) != 6 or not region.isdigit():
        raise ValueError("region must be 6 digits")
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must be 0..999")
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


def upgrade_15(old: str) -> str:
    """Convert an old 15-digit number (issued before 1999) to 18 characters.

    The century goes after the region code: 19, except for the sequence codes
    996-999 that were reserved for people born in the 1800s; then the check character.
    """
    if not _ID15.match(old):
        raise ValueError("a 15-digit ID number is 15 ASCII digits")
    first17 = _first17_of_15(old)
    return first17 + check_char(first17)


def _first17_of_15(old: str) -> str:
    century = "18" if old[12:15] in ("996", "997", "998", "999") else "19"
    return old[:6] + century + old[6:]


def downgrade_to_15(new: str) -> str:
    """The 15-digit form of an 18-character number (drop century and check character)."""
    return new[:6] + new[8:17]


def _raw_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        return str(int(raw)) if math.isfinite(raw) and raw == int(raw) else repr(raw)
    return str(raw)


def clean_id_text(text: str) -> str:
    """Full-width to ASCII, drop spaces/quotes/invisible characters, upper-case x."""
    text = unicodedata.normalize("NFKC", text)
    text = _STRIP.sub("", text)
    return text.upper()


def looks_stored_as_number(raw: object) -> bool:
    """True when Excel kept the ID as a number and so lost digits.

    Excel keeps 15 significant digits of a number. A numeric cell holding 16 or more
    digits (every 18-digit ID) has lost its tail, and one written as 4.20981E+17 has
    too. A 15-digit old ID survives as a number intact, so it is not refused here.
    (Text copied out of such a cell ends in 000; `check_id_number` catches that when
    the check character then fails.)
    """
    if isinstance(raw, bool):
        return False
    if isinstance(raw, (int, float, Decimal)):
        try:
            value = abs(float(raw))
        except (OverflowError, ValueError):
            return True
        if not math.isfinite(value):
            return True
        if isinstance(raw, float) and value != int(value):
            return value >= 1e9  # a long number with a fraction: certainly mangled
        return value >= 1e15  # 16+ digits
    if isinstance(raw, str):
        return bool(_SCIENTIFIC.match(clean_id_text(raw)))
    return False


def check_id_number(
    raw: object,
    *,
    today: dt.date,
    region_known: Callable[[str, int], bool | None] | None = None,
) -> IdCheck:
    """Check an ID number as typed or read from a cell.

    Checks in order: missing, stored as a number, format (18 characters, or 15 digits
    that convert), province, birth date (real, not after `today`), check character.
    `region_known(region6, birth_year)` may say whether a region code existed; an
    unknown region only adds a warning, because an ID keeps the code of the place
    where it was first issued.
    """
    if raw is None or (isinstance(raw, str) and not clean_id_text(raw)):
        return IdCheck(raw, "", error="missing", message=tr("IdCard", "Enter the ID number."))
    if looks_stored_as_number(raw):
        return IdCheck(
            raw, _raw_text(raw), error="stored_as_number", message=_stored_as_number_message()
        )
    cleaned = clean_id_text(_raw_text(raw))
    if _ID15.match(cleaned):
        first17 = _first17_of_15(cleaned)
    elif _ID18.match(cleaned):
        first17 = cleaned[:17]
    else:
        return IdCheck(raw, cleaned, error="format", message=_format_message(cleaned))

    province = first17[:2]
    if province not in PROVINCE_CODES:
        return IdCheck(
            raw,
            cleaned,
            error="province",
            message=tr(
                "IdCard",
                "The ID number starts with {code}, which is not a province code. "
                "Compare it with the ID card.",
            ).format(code=province),
        )

    birth = _birth_date(first17[6:14])
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR:
        return IdCheck(
            raw,
            cleaned,
            error="birth_date",
            message=tr(
                "IdCard",
                "The birth date {digits} in the ID number is not a real date. "
                "Compare the number digit by digit with the ID card.",
            ).format(digits=first17[6:14]),
        )
    if birth > today:
        return IdCheck(
            raw,
            cleaned,
            error="birth_date",
            message=tr(
                "IdCard",
                "The birth date {date} in the ID number is in the future. "
                "Compare the number digit by digit with the ID card.",
            ).format(date=birth.isoformat()),
        )

    if len(cleaned) == 18 and check_char(first17) != cleaned[17] and cleaned.endswith("000"):
        # Text copied out of a number cell: Excel kept 15 digits and padded with zeros.
        return IdCheck(raw, cleaned, error="stored_as_number", message=_stored_as_number_message())
    if len(cleaned) == 18 and check_char(first17) != cleaned[17]:
        # Never offer the "right" check character: the typo is usually elsewhere, and
        # fixing the last character would record a wrong number that passes.
        return IdCheck(
            raw,
            cleaned,
            error="checksum",
            message=tr(
                "IdCard",
                "The ID number fails its check. "
                "Compare it digit by digit with the ID card; the mistake may be in any digit.",
            ),
        )

    normalized = first17 + check_char(first17)
    warnings: list[str] = []
    if region_known is not None and region_known(normalized[:6], birth.year) is False:
        warnings.append(
            tr(
                "IdCard",
                "Region code {region} is not in the list for {year}; "
                "this is normal for numbers issued later, check it only if in doubt.",
            ).format(region=normalized[:6], year=birth.year)
        )
    sex: Sex = SEX_MALE if int(first17[16]) % 2 == 1 else SEX_FEMALE
    return IdCheck(
        raw, cleaned, normalized=normalized, birth_date=birth, sex=sex, warnings=tuple(warnings)
    )


def _stored_as_number_message() -> str:
    return tr(
        "IdCard",
        "Excel stored this ID number as a number, so its last digits are lost. "
        "Format the column as text and type the number again from the ID card.",
    )


def _format_message(cleaned: str) -> str:
    if not cleaned.isascii() or not re.fullmatch(r"[0-9X]*", cleaned):
        return tr(
            "IdCard",
            "An ID number has only digits and, at the end, possibly X. "
            "Remove the other characters and compare it with the ID card.",
        )
    if "X" in cleaned[:-1]:
        return tr("IdCard", "X may only be the last character of an ID number.")
    return tr(
        "IdCard",
        "An ID number has 18 characters (or 15 digits on old cards); this one has {count}.",
    ).format(count=len(cleaned))


def _birth_date(yyyymmdd: str) -> dt.date | None:
    try:
        return dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def is_valid_id(raw: object, *, today: dt.date) -> bool:
    return check_id_number(raw, today=today).ok


def mask_id(id_number: str, *, head: int = 4, tail: int = 4) -> str:
    """4209**********0069: keep `head` leading and `tail` trailing characters."""
    if not id_number:
        return ""
    if len(id_number) <= head + tail:
        return "*" * len(id_number)
    return id_number[:head] + "*" * (len(id_number) - head - tail) + id_number[-tail:]


def age_on(birth: dt.date, on: dt.date) -> int:
    """Whole years of age on date `on` (someone born 29 Feb turns a year older on 1 Mar)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def sex_of(id_number: str) -> Sex:
    """Sex from a valid 18-character number: the 17th digit is odd for men."""
    return SEX_MALE if int(id_number[16]) % 2 == 1 else SEX_FEMALE


def birth_date_of(id_number: str) -> dt.date:
    """Birth date from a valid 18-character number."""
    parsed = _birth_date(id_number[6:14])
    if parsed is None:
        raise ValueError("not a valid ID number")
    return parsed
