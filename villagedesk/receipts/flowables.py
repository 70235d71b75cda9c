"""Flowables the documents share: one-line text that shrinks to fit, QR codes, stamps."""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from villagedesk.receipts import fonts
from villagedesk.receipts.fonts import MissingGlyphs


class FitText(Flowable):  # type: ignore[misc]
    """One line of text that never wraps: the font shrinks (then narrows) to fit the width.

    Meant for ID numbers, phone numbers and receipt numbers inside table cells.
    """

    def __init__(
        self,
        text: str,
        font_size: float = 9,
        *,
        min_size: float = 5.5,
        align: str = "left",
        color: colors.Color = colors.black,
    ) -> None:
        super().__init__()
        self.text = text
        self.font_size = font_size
        self.min_size = min_size
        self.align = align
        self.color = color
        self.missing_glyphs = MissingGlyphs()
        self._runs = fonts.runs(text, self.missing_glyphs)
        self._natural = fonts.string_width(text, 1.0)  # width per point of font size
        self.size = font_size
        self.scale = 1.0

    def __repr__(self) -> str:
        return f"FitText({self.text!r})"

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        return self._natural * self.min_size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.size, self.scale = self.font_size, 1.0
        if self._natural * self.font_size > aw > 0:
            self.size = max(self.min_size, aw / self._natural)
            if self._natural * self.size > aw:
                self.scale = aw / (self._natural * self.size)
        self.width = self._natural * self.size * self.scale if aw <= 0 else aw
        self.height = self.size * 1.25
        return self.width, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        text_width = self._natural * self.size * self.scale
        x = 0.0
        if self.align == "right":
            x = self.width - text_width
        elif self.align == "center":
            x = (self.width - text_width) / 2
        t = canv.beginText(x, self.size * 0.25)
        t.setHorizScale(self.scale * 100)
        t.setFillColor(self.color)
        for font, chunk in self._runs:
            t.setFont(font, self.size)
            t.textOut(chunk)
        canv.drawText(t)


@lru_cache(maxsize=256)
def _make_qr(payload: str, error: str) -> segno.QRCode:
    # Choosing the mask costs a few ms; a reprint or preview of the same receipt reuses it.
    return segno.make_qr(payload, error=error, boost_error=False)


class QRCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as vector squares. Content must be ASCII (see receipts.signing)."""

    def __init__(self, payload: str, size: float = 24 * mm, *, error: str = "m") -> None:
        super().__init__()
        if not payload.isascii():
            raise ValueError(f"QR payload must be ASCII: {payload!r}")
        self.payload = payload
        self.qr = _make_qr(payload, error)
        self.width = self.height = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        matrix = self.qr.matrix
        quiet = 2  # modules of white border inside the box (printers add their own margin)
        count = len(matrix) + 2 * quiet
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.scale(self.width / count, self.height / count)
        # One rectangle per horizontal run of dark modules, in module units (integers):
        # written as raw operators because reportlab's number formatting dominates otherwise.
        ops = []
        for row_index, row in enumerate(matrix):
            y = count - quiet - 1 - row_index
            col, n = 0, len(row)
            while col < n:
                if row[col]:
                    start = col
                    while col < n and row[col]:
                        col += 1
                    ops.append(f"{start + quiet} {y} {col - start} 1 re")
                else:
                    col += 1
        ops.append("f")
        canv.addLiteral("\n".join(ops))
        canv.restoreState()


class Stamp(Flowable):  # type: ignore[misc]
    """A boxed mark such as 补打 (reprint), drawn in a double frame."""

    def __init__(self, text: str, font_size: float = 12, *, color: colors.Color = colors.red) -> None:
        super().__init__()
        self.text = text
        self.font_size = font_size
        self.color = color
        self.missing_glyphs = MissingGlyphs()
        self._runs = fonts.runs(text, self.missing_glyphs)
        self.width = fonts.string_width(text, font_size) + font_size
        self.height = font_size * 1.8

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_stamp(self.canv, self._runs, 0, 0, self.font_size, self.color)


def draw_stamp(
    canv: Canvas,
    runs: list[tuple[str, str]],
    x: float,
    y: float,
    font_size: float,
    color: colors.Color = colors.red,
) -> tuple[float, float]:
    """Draw a stamp with its lower-left corner at (x, y); returns its size."""
    text = "".join(chunk for _, chunk in runs)
    width = fonts.string_width(text, font_size) + font_size
    height = font_size * 1.8
    canv.saveState()
    canv.setStrokeColor(color)
    canv.setFillColor(color)
    canv.setLineWidth(1.2)
    canv.roundRect(x, y, width, height, 2, stroke=1, fill=0)
    canv.setLineWidth(0.5)
    canv.roundRect(x + 1.8, y + 1.8, width - 3.6, height - 3.6, 1.5, stroke=1, fill=0)
    t = canv.beginText(x + font_size / 2, y + height / 2 - font_size * 0.35)
    for font, chunk in runs:
        t.setFont(font, font_size)
        t.textOut(chunk)
    canv.drawText(t)
    canv.restoreState()
    return width, height
