"""Money as exact decimals: parse what a clerk typed, convert to/from fen, format, 大写金额.

Amounts are `decimal.Decimal` yuan with two places, stored as integer fen. Never floats.

Chinese capital amounts follow the People's Bank of China rules for filling in bills
(《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):

* "整" after 元 when there is no 角/分 (壹仟零伍元整); nothing after 分. After 角 the rule
  allows either; we write none, like the rule's own example ¥1409.50 → 壹仟肆佰零玖元伍角
  (pass ``zheng_after_jiao=True`` for 壹拾元伍角整).
* One 零 for a run of zeros inside the number (¥6007.14 → 陆仟零柒元壹角肆分).
* Where the zero run ends at 万位 or 元位 and the next digit (千位 or 角位) is not zero,
  the rule allows 零 or not; we write none (¥1680.32 → 壹仟陆佰捌拾元叁角贰分,
  ¥107000.53 → 壹拾万柒仟元伍角叁分).
* 角 zero and 分 not zero: 零 after 元 is required (¥325.04 → 叁佰贰拾伍元零肆分).
* Under one yuan no 元 is written: ¥0.05 → 伍分, ¥0.50 → 伍角.
* 拾 is always preceded by its digit: ¥16.00 → 壹拾陆元整.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from villagedesk.errors import DomainError
from villagedesk.i18n import tr

CENT = Decimal("0.01")
MAX_CAPITAL = Decimal("999999999999.99")  # 玖仟玖佰玖拾玖亿…

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def parse_yuan(text: str | int | Decimal, *, allow_negative: bool = False, field: str | None = None) -> Decimal:
    """'1,005.5', '¥1005.50', '１００５元' -> Decimal('1005.50'). Refuses more than two decimals."""
    if isinstance(text, Decimal):
        raw = format(text, "f")
    else:
        raw = str(text)
    cleaned = unicodedata.normalize("NFKC", raw).strip()
    for token in ("¥", "￥", "RMB", "元", ",", " "):
        cleaned = cleaned.replace(token, "")
    if not _NUMBER.match(cleaned):
        raise DomainError(
            tr("money", "\"{text}\" is not an amount; type it like 1005.50").format(text=raw),
            field=field,
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern rules this out
        raise DomainError(tr("money", "\"{text}\" is not an amount; type it like 1005.50").format(text=raw), field=field) from None
    if value != value.quantize(CENT):
        raise DomainError(
            tr("money", "An amount has at most two decimal places (fen): {text}").format(text=raw),
            field=field,
        )
    if value < 0 and not allow_negative:
        raise DomainError(tr("money", "The amount cannot be negative: {text}").format(text=raw), field=field)
    return value.quantize(CENT)


def to_fen(amount: Decimal | int | str) -> int:
    """Yuan to integer fen, exactly (Decimal('10.50') -> 1050). Sub-fen amounts are refused."""
    value = amount if isinstance(amount, Decimal) else parse_yuan(amount, allow_negative=True)
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{value} is not a whole number of fen")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    """Integer fen to yuan (1050 -> Decimal('10.50'))."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"fen must be an int, not {type(fen).__name__}")
    return (Decimal(fen) / 100).quantize(CENT)


def format_yuan(amount: Decimal | int, *, symbol: bool = True) -> str:
    """Decimal('1005') -> '¥1,005.00'; negative -> '-¥5.00'."""
    value = Decimal(amount).quantize(CENT)
    sign = "-" if value < 0 else ""
    body = f"{abs(value):,.2f}"
    return f"{sign}{'¥' if symbol else ''}{body}"


def _integer_capital(n: int) -> str:
    """Yuan part in capitals (n > 0), with the 零 rules described in the module docstring."""
    digits = str(n)
    length = len(digits)
    out: list[str] = []
    zeros = 0  # length of the run of zeros just passed
    for index, ch in enumerate(digits):
        pos = length - 1 - index  # 0 = 元位, 4 = 万位, 8 = 亿位
        d = int(ch)
        if d == 0:
            zeros += 1
        else:
            # A zero run that ends at 万位/亿位 and is followed by 千位 needs no 零 (rule 3),
            # unless it swallowed a whole group: 壹亿零伍仟, never 壹亿伍仟 (= 1.5亿 to a reader).
            if zeros and not (pos % 4 == 3 and zeros < 4):
                out.append("零")
            zeros = 0
            out.append(_DIGITS[d] + _SMALL_UNITS[pos % 4])
        if pos % 4 == 0 and pos > 0 and int(digits[max(0, index - 3) : index + 1]):
            out.append(_GROUP_UNITS[pos // 4])
    return "".join(out)


def to_chinese_capital(amount: Decimal | int | str, *, zheng_after_jiao: bool = False) -> str:
    """大写金额: Decimal('1005.00') -> '壹仟零伍元整', Decimal('0.05') -> '伍分'."""
    value = amount if isinstance(amount, Decimal) else parse_yuan(amount, allow_negative=True)
    if value < 0:
        raise DomainError(tr("money", "An amount in Chinese capitals cannot be negative: {amount}").format(amount=value))
    if value != value.quantize(CENT):
        raise DomainError(
            tr("money", "An amount has at most two decimal places (fen): {text}").format(text=value)
        )
    if value > MAX_CAPITAL:
        raise DomainError(tr("money", "The amount is too large: {amount}").format(amount=value))
    fen_total = int(value * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)

    parts: list[str] = []
    if yuan:
        parts.append(_integer_capital(yuan) + "元")
    if jiao == 0 and fen == 0:
        return (parts[0] if parts else "零元") + "整"
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    elif yuan:
        parts.append("零")  # 角 is zero, 分 is not: 元 is followed by 零 (rule 4)
    if fen:
        parts.append(_DIGITS[fen] + "分")
    elif zheng_after_jiao:
        parts.append("整")
    return "".join(parts)


def from_chinese_capital(text: str) -> Decimal:
    """Read 大写金额 back ('壹仟零伍元整' -> Decimal('1005.00')); for checks and tests."""
    s = text.strip().removeprefix("人民币").removesuffix("整").removesuffix("正")
    total = 0
    section = 0  # below 万
    number = 0
    fen = 0
    for ch in s:
        if ch in _DIGITS:
            number = _DIGITS.index(ch)
        elif ch in "拾佰仟":
            section += number * 10 ** ("拾佰仟".index(ch) + 1)
            number = 0
        elif ch in "万亿":
            factor = 10_000 if ch == "万" else 100_000_000
            if ch == "亿":
                total = (total + section + number) * factor
            else:
                total += (section + number) * factor
            section = number = 0
        elif ch in "元圆":
            total += section + number
            section = number = 0
        elif ch == "角":
            fen += number * 10
            number = 0
        elif ch == "分":
            fen += number
            number = 0
        else:
            raise ValueError(f"not a capital amount: {text!r} ({ch!r})")
    return (Decimal(total * 100 + fen) / 100).quantize(CENT)
