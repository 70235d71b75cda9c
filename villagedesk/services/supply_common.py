"""Shared pieces of the supply services: labels, numbers people read, product lookup, parsing."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlalchemy import text
from sqlmodel import Session, select

from villagedesk.db.models.supply import CATEGORIES, PAY_METHODS, SupplyProduct
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr

NEAR_EXPIRY_DAYS = 30


def category_labels() -> dict[str, str]:
    return {
        "seed": tr("Supply", "Seeds"),
        "fertilizer": tr("Supply", "Fertiliser"),
        "pesticide": tr("Supply", "Pesticide"),
        "film": tr("Supply", "Plastic film"),
        "feed": tr("Supply", "Feed"),
        "tool": tr("Supply", "Farm tools"),
        "other": tr("Supply", "Other"),
    }


def pay_labels() -> dict[str, str]:
    return {"cash": tr("Supply", "Cash"), "mobile": tr("Supply", "Mobile payment"),
            "credit": tr("Supply", "On credit")}


def move_labels() -> dict[str, str]:
    return {
        "receive": tr("Supply", "Received"),
        "sale": tr("Supply", "Sale"),
        "delivery": tr("Supply", "Delivery out"),
        "return": tr("Supply", "Return"),
        "adjust": tr("Supply", "Stock-take adjustment"),
        "writeoff": tr("Supply", "Write-off"),
        "correction": tr("Supply", "Correction"),
    }


def order_status_labels() -> dict[str, str]:
    return {
        "registered": tr("Supply", "Registered"),
        "preparing": tr("Supply", "Preparing"),
        "delivering": tr("Supply", "Out for delivery"),
        "delivered": tr("Supply", "Delivered"),
        "cancelled": tr("Supply", "Cancelled"),
    }


# Chinese input of the CLI and forms maps onto the stored keys.
_CATEGORY_ALIASES = {"种子": "seed", "化肥": "fertilizer", "肥料": "fertilizer", "农药": "pesticide",
                     "农膜": "film", "饲料": "feed", "农机具": "tool", "农具": "tool", "其他": "other"}
_PAY_ALIASES = {"现金": "cash", "移动支付": "mobile", "微信": "mobile", "支付宝": "mobile",
                "扫码": "mobile", "赊销": "credit", "赊账": "credit"}


def parse_category(value: str) -> str:
    key = unicodedata.normalize("NFKC", value or "").strip().lower()
    key = _CATEGORY_ALIASES.get(key, key)
    if key not in CATEGORIES:
        labels = category_labels()
        raise DomainError(tr("Supply", "Unknown category \"{value}\". Use one of: {choices}.").format(
            value=value, choices="、".join(labels[c] for c in CATEGORIES)), field="category")
    return key


def parse_pay(value: str) -> str:
    key = unicodedata.normalize("NFKC", value or "").strip().lower()
    key = _PAY_ALIASES.get(key, key)
    if key not in PAY_METHODS:
        raise DomainError(tr("Supply", "Payment must be cash, mobile or credit."), field="pay")
    return key


def parse_qty(value: object, *, field: str = "qty", allow_zero: bool = False,
              allow_negative: bool = False) -> int:
    """Whole units: '3', '３', 3 -> 3. Fractions are refused with a clear message."""
    raw = unicodedata.normalize("NFKC", str(value)).strip()
    if not re.fullmatch(r"-?\d+", raw):
        raise DomainError(tr("Supply", "Quantity \"{value}\" must be a whole number of units.").format(
            value=value), field=field)
    qty = int(raw)
    if qty < 0 and not allow_negative or qty == 0 and not allow_zero:
        raise DomainError(tr("Supply", "Quantity must be more than zero."), field=field)
    return qty


def parse_date(value: object, *, field: str = "date") -> dt.date:
    if isinstance(value, dt.date):
        return value
    raw = unicodedata.normalize("NFKC", str(value)).strip().replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise DomainError(tr("Supply", "\"{value}\" is not a date; type it like 2026-03-15.").format(
            value=value), field=field) from None


def parse_month(value: str) -> tuple[dt.date, dt.date]:
    """'2026-03' -> (2026-03-01, 2026-04-01); '2026' -> the whole year."""
    raw = unicodedata.normalize("NFKC", value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", raw)
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise DomainError(tr("Supply", "\"{value}\" is not a month; type it like 2026-03 (or 2026 for a year).")
                          .format(value=value), field="month")
    year = int(m.group(1))
    if m.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    month = int(m.group(2))
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1)
    return start, end


def next_number(s: Session, store: Store, prefix: str, year: int) -> str:
    """A number people read, unique offline: XS-XG0203-01-2026-000001 (kind, hall, device, year, seq)."""
    name = f"supply_{prefix}"
    conn = s.connection()
    conn.execute(text("INSERT INTO counter (name, year, value) VALUES (:n, :y, 0) "
                      "ON CONFLICT (name, year) DO NOTHING"), {"n": name, "y": year})
    conn.execute(text("UPDATE counter SET value = value + 1 WHERE name = :n AND year = :y"),
                 {"n": name, "y": year})
    value = conn.execute(text("SELECT value FROM counter WHERE name = :n AND year = :y"),
                         {"n": name, "y": year}).scalar_one()
    ident = store.identity
    return f"{prefix}-{ident.code}-{ident.device_code}-{year}-{value:06d}"


def get_product(s: Session, ref: str) -> SupplyProduct:
    """A product by code (C0301), id, or exact name."""
    ref = unicodedata.normalize("NFKC", ref or "").strip()
    if not ref:
        raise DomainError(tr("Supply", "Choose a product."), field="product")
    product = s.exec(select(SupplyProduct).where(SupplyProduct.code == ref.upper())).first()
    if product is None:
        product = s.get(SupplyProduct, ref)
    if product is None:
        matches = s.exec(select(SupplyProduct).where(SupplyProduct.name == ref)).all()
        if len(matches) == 1:
            product = matches[0]
    if product is None:
        raise NotFoundError(tr("Supply", "No product with code {code}. Search the catalogue for its code.")
                            .format(code=ref), field="product")
    return product


def fmt_fen(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"
