"""Phone numbers: normalise what clerks and spreadsheets type into one stored form.

Mobile: 11 digits starting 1[3-9], stored as digits. Landline: area code (010, 02x, or
0 + three digits) plus a 7-8 digit local number, stored as 0712-2345678.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from villagedesk.i18n import tr

PhoneKind = Literal["mobile", "landline"]

_SEPARATORS = re.compile(r"[\s\u00a0\u200b\ufeff\-‐‑‒–—―－_.·()（）]+")
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_INTL_PREFIX = re.compile(r"^(?:\+|00)?86(1[3-9][0-9]{9})$")
_AREA3 = re.compile(r"^0(?:10|2[0-9])$")  # Beijing 010 and the 02x big cities
_AREA4 = re.compile(r"^0[3-9][0-9]{2}$")
_LOCAL = re.compile(r"^[2-9][0-9]{6,7}$")


@dataclass(frozen=True)
class PhoneCheck:
    raw: object
    normalized: str | None = None
    kind: PhoneKind | None = None
    error: Literal["format"] | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def empty(self) -> bool:
        return self.normalized is None and self.error is None


def _text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and math.isfinite(raw) and raw == int(raw):
        return str(int(raw))
    return unicodedata.normalize("NFKC", str(raw)).strip()


def check_phone(raw: object) -> PhoneCheck:
    """Normalise a phone number; an empty value is not an error (phones are optional)."""
    text = _text(raw)
    if not text:
        return PhoneCheck(raw)
    digits_only = _SEPARATORS.sub("", text)
    intl = _INTL_PREFIX.match(digits_only)
    if intl:
        digits_only = intl.group(1)
    if _MOBILE.match(digits_only):
        return PhoneCheck(raw, digits_only, "mobile")

    landline = _landline(text, digits_only)
    if landline:
        return PhoneCheck(raw, landline, "landline")

    if digits_only.isdigit() and digits_only.startswith("1") and len(digits_only) != 11:
        message = tr(
            "Phone",
            "A mobile number has 11 digits; this one has {count}. Check it with the resident.",
        ).format(count=len(digits_only))
    elif (
        digits_only.isdigit()
        and not digits_only.startswith(("0", "1"))
        and 7 <= len(digits_only) <= 8
    ):
        message = tr(
            "Phone",
            "A landline needs its area code, written like 0712-2345678.",
        )
    else:
        message = tr(
            "Phone",
            "This is not a phone number. A mobile number is 11 digits starting with 13-19; "
            "a landline is an area code and 7-8 digits, like 0712-2345678.",
        )
    return PhoneCheck(raw, error="format", message=message)


def _landline(text: str, digits_only: str) -> str | None:
    if not digits_only.isdigit():
        return None
    # With an explicit separator, trust where the clerk split area code and number.
    parts = [p for p in re.split(r"[\s\-‐‑‒–—―－()（）]+", text) if p]
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        area, local = parts
        if (_AREA3.match(area) or _AREA4.match(area)) and _LOCAL.match(local):
            return f"{area}-{local}"
    # Without one, area codes starting 01/02 have three digits, all others four.
    if not digits_only.startswith("0"):
        return None
    area_len = 3 if digits_only[1] in "12" else 4
    area, local = digits_only[:area_len], digits_only[area_len:]
    if (_AREA3.match(area) or _AREA4.match(area)) and _LOCAL.match(local):
        return f"{area}-{local}"
    return None


def normalize_phone(raw: object) -> str | None:
    """The stored form, or None for an empty value; raises ValueError when invalid."""
    result = check_phone(raw)
    if result.error:
        raise ValueError(result.message)
    return result.normalized


def mask_phone(phone: str) -> str:
    """138****8000 for mobiles; landlines keep the area code and last 4 digits."""
    if len(phone) == 11 and phone.isdigit():
        return phone[:3] + "****" + phone[-4:]
    if "-" in phone:
        area, local = phone.split("-", 1)
        return area + "-" + "*" * max(len(local) - 4, 0) + local[-4:]
    return phone
