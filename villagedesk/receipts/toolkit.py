"""What every printed document uses: styles, paragraphs, tables, masking, QR, stamps, build_pdf.

Documents import from here only::

    from villagedesk.receipts import toolkit as tk
    st = tk.styles(tk.A5)
    story = [
        tk.para("受理回执", st.title),
        tk.kv_table([("受理编号", tk.Fixed(number)), ("申请人", name)], tk.A5),
        tk.qr_flowable(number, hall_secret),
    ]
    result = tk.build_pdf(path, story, tk.A5)            # or tk.ROLL80, tk.A4
    if result.missing_glyphs:                             # tell the clerk before printing
        warn(result.missing_glyphs.message())
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from villagedesk.i18n import tr
from villagedesk.receipts.flowables import FitText, QRCode, Stamp
from villagedesk.receipts.fonts import MAIN_FONT, MissingGlyphs, coverage, markup, register_fonts
from villagedesk.receipts.pages import (
    A4,
    A5,
    PAGES,
    ROLL80,
    BuildResult,
    PageSpec,
    build_pdf,
    collect_missing,
    page_spec,
    write_atomic,
)
from villagedesk.receipts.signing import (
    parse_qr_payload,
    qr_payload,
    sign_receipt,
    verify_receipt,
)

__all__ = [
    "A4", "A5", "PAGES", "ROLL80", "BuildResult", "Cell", "FitText", "Fixed", "MissingGlyphs",
    "PageSpec", "QRCode", "Stamp", "Styles", "build_pdf", "collect_missing", "coverage",
    "data_table", "is_long_number", "kv_table", "markup", "mask_id", "mask_name", "mm",
    "page_spec", "para", "parse_qr_payload", "qr_flowable", "qr_payload", "register_fonts",
    "reprint_stamp", "reprint_text", "sign_receipt", "spacer", "styles", "verify_receipt",
    "write_atomic",
]


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle  # left column of a key/value table
    center: ParagraphStyle
    right: ParagraphStyle
    cell: ParagraphStyle  # body text inside data tables
    base_size: float


_BASE_SIZE = {"a4": 10.5, "a5": 10.0, "roll80": 9.0}


@cache
def styles(page: PageSpec = A5) -> Styles:
    """Paragraph styles in the CJK font, sized for the paper (CJK line breaking)."""
    register_fonts()
    size = _BASE_SIZE.get(page.name, 10.0)

    def style(name: str, font_size: float, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            f"{page.name}-{name}",
            fontName=MAIN_FONT,
            fontSize=font_size,
            leading=round(font_size * 1.35, 1),
            wordWrap="CJK",
            **kw,
        )

    return Styles(
        title=style("title", size + 5, alignment=TA_CENTER, spaceAfter=size * 0.6),
        heading=style("heading", size + 1.5, spaceBefore=size * 0.5, spaceAfter=size * 0.3),
        body=style("body", size),
        small=style("small", size - 2, textColor=colors.HexColor("#333333")),
        label=style("label", size - 0.5, textColor=colors.HexColor("#222222")),
        center=style("center", size, alignment=TA_CENTER),
        right=style("right", size, alignment=TA_RIGHT),
        cell=style("cell", size - 1, alignment=TA_LEFT),
        base_size=size,
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (XML-escaped) with per-character font fallback."""
    missing = MissingGlyphs()
    p = Paragraph(markup(text, missing), style)
    p.missing_glyphs = missing
    return p


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


# ---------------------------------------------------------------- tables

class Fixed(str):
    """Marks a table cell as a long number or code: one line, shrunk to fit, never wrapped."""


Cell: TypeAlias = "str | Fixed | Flowable | list[str | Fixed | Flowable] | None"

_LONG_NUMBER = re.compile(r"^[0-9A-Za-z*Xx+()#\-/. ]{7,}$")


def is_long_number(text: str) -> bool:
    """ID, phone and receipt numbers: at least 7 characters, mostly digits, no spaces inside words."""
    stripped = text.strip()
    digits = sum(ch.isdigit() for ch in stripped)
    return bool(_LONG_NUMBER.match(stripped)) and digits >= max(4, len(stripped) // 2)


def _cell(value: Cell, style: ParagraphStyle, fixed: bool,
          align: str = "left") -> Flowable | str | list[Flowable | str]:
    if value is None:
        return ""
    if isinstance(value, list):  # stacked lines in one cell, e.g. a name above its phone number
        return [part for v in value for part in [_cell(v, style, fixed, align)] if part != ""]
    if isinstance(value, Flowable):
        return value
    if isinstance(value, Fixed) or fixed or is_long_number(value):
        return FitText(str(value), style.fontSize, align=align)
    return para(value, style)


def data_table(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    page: PageSpec = A4,
    fixed_cols: Sequence[int] = (),
    right_cols: Sequence[int] = (),
    zebra: bool = True,
    font_size: float | None = None,
) -> Table:
    """A ruled table. Long numbers (and columns in `fixed_cols`) go in one-line cells.

    `col_widths` are absolute (points); the header repeats on every page.
    """
    st = styles(page)
    cell_style = st.cell if font_size is None else ParagraphStyle(
        f"{st.cell.name}-{font_size}", parent=st.cell, fontSize=font_size,
        leading=round(font_size * 1.3, 1))
    right_style = ParagraphStyle(f"{cell_style.name}-r", parent=cell_style, alignment=TA_RIGHT)
    head_style = ParagraphStyle(f"{cell_style.name}-h", parent=cell_style, alignment=TA_CENTER)
    data: list[list[Flowable | str | list[Flowable | str]]] = []
    if header is not None:
        data.append([para(h, head_style) for h in header])
    for row in rows:
        data.append([
            _cell(v, right_style if i in right_cols else cell_style, i in fixed_cols,
                  "right" if i in right_cols else "left")
            for i, v in enumerate(row)
        ])
    table = Table(data, colWidths=list(col_widths), repeatRows=1 if header is not None else 0)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), MAIN_FONT),  # else reportlab names Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1),
                             [colors.white, colors.HexColor("#f5f5f5")]))
    table.setStyle(TableStyle(commands))
    return table


def kv_table(
    pairs: Sequence[tuple[str, Cell]],
    page: PageSpec = A5,
    *,
    label_width: float | None = None,
    grid: bool = True,
) -> Table:
    """Label/value rows for receipts: '受理编号 | XG0203-01-2026-000123'."""
    st = styles(page)
    width = page.frame_width
    label_width = label_width or (18 * mm if page.is_roll else 24 * mm)
    rows = [[para(label, st.label), _cell(value, st.body, False)] for label, value in pairs]
    table = Table(rows, colWidths=[label_width, width - label_width])
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), MAIN_FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 if page.is_roll else 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 if page.is_roll else 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if grid:
        commands += [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                     ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0"))]
    table.setStyle(TableStyle(commands))
    return table


# ---------------------------------------------------------------- masking

def _clusters(text: str) -> list[str]:
    """Characters with their variation selectors / combining marks attached."""
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        joins = (0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF
                 or unicodedata.combining(ch) != 0 or ch == "\u200d")
        if out and joins:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def mask_name(name: str) -> str:
    """张三明 -> 张*明, 张三 -> 张*, 欧阳娜娜 -> 欧**娜; 𠮷 and other non-BMP characters count as one."""
    chars = _clusters(name.strip())
    if len(chars) <= 1:
        return "".join(chars)
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "*" * (len(chars) - 2) + chars[-1]


def mask_id(id_number: str) -> str:
    """4209**********0069 - the residents module's rule (villagedesk.services.idcard.mask_id)."""
    from villagedesk.services.idcard import mask_id as _mask_id

    return _mask_id(id_number)


# ---------------------------------------------------------------- QR and reprint

def qr_flowable(number: str, key: bytes, size_mm: float = 22) -> QRCode:
    """A QR code carrying `VD1:<number>:<signature>` (see receipts.signing)."""
    return QRCode(qr_payload(number, key), size_mm * mm)


def reprint_text(when: str | None = None) -> str:
    """'补打' or '补打 2026-12-05 10:30' for build_pdf(reprint=...) or `reprint_stamp`."""
    word = tr("receipts", "REPRINT")
    return f"{word} {when}" if when else word


def reprint_stamp(when: str | None = None, font_size: float = 12) -> Stamp:
    """An inline 补打 stamp flowable."""
    return Stamp(reprint_text(when), font_size)
