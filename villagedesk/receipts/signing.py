"""Short receipt signatures for the QR code, verifiable by the county with the hall secret.

QR payload format (ASCII, all characters in the QR alphanumeric set when the receipt
number is upper case)::

    VD1:<receipt number>:<signature>
    VD1:XG0203-01-2026-000123:7QK2M0B4ZC9R

``signature`` = the first 60 bits of HMAC-SHA256(hall secret, "VD1:" + receipt number),
written as 12 characters of Crockford base32 (0-9 A-Z without I L O U), so a person
can also read it off the paper and type it in. 60 bits cannot be guessed by trying
offline; the county checks it against the hall's secret.
"""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "VD1"
SIGNATURE_LENGTH = 12
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Crockford decoding: letters people confuse with digits read as those digits.
_NORMALISE = str.maketrans({"I": "1", "L": "1", "O": "0"})


def _check_number(number: str) -> None:
    if not number or not number.isascii() or ":" in number or not number.isprintable():
        raise ValueError(f"receipt number must be printable ASCII without ':': {number!r}")


def sign_receipt(number: str, key: bytes) -> str:
    """12-character signature of a receipt number under the hall secret `key`."""
    _check_number(number)
    if not key:
        raise ValueError("signing key is empty")
    digest = hmac.new(key, f"{PREFIX}:{number}".encode("ascii"), hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big") >> (64 - 5 * SIGNATURE_LENGTH)
    chars = []
    for _ in range(SIGNATURE_LENGTH):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def verify_receipt(number: str, signature: str, key: bytes) -> bool:
    """True when `signature` (case-insensitive, Crockford-normalised) matches `number`."""
    try:
        expected = sign_receipt(number, key)
    except ValueError:
        return False
    given = signature.strip().upper().replace("-", "").translate(_NORMALISE)
    return hmac.compare_digest(expected, given)


def qr_payload(number: str, key: bytes) -> str:
    """The text put into a receipt's QR code."""
    return f"{PREFIX}:{number}:{sign_receipt(number, key)}"


def parse_qr_payload(payload: str) -> tuple[str, str]:
    """(receipt number, signature) from a scanned payload; ValueError when malformed."""
    parts = payload.strip().split(":")
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        raise ValueError(f"not a VillageDesk receipt code: {payload!r}")
    return parts[1], parts[2]
