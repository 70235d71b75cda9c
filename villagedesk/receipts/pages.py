"""Paper sizes and `build_pdf`: story -> PDF bytes (and an atomic file), with page decorations."""

from __future__ import annotations

import io
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4 as _A4
from reportlab.lib.pagesizes import A5 as _A5
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from villagedesk.i18n import tr
from villagedesk.receipts import fonts
from villagedesk.receipts.flowables import draw_stamp
from villagedesk.receipts.fonts import MissingGlyphs


@dataclass(frozen=True)
class PageSpec:
    """A paper size. `height=None` means a roll: the page is as tall as its content."""

    name: str
    width: float
    height: float | None
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def is_roll(self) -> bool:
        return self.height is None


A4 = PageSpec("a4", _A4[0], _A4[1], 18 * mm, 18 * mm, 16 * mm, 18 * mm)
A5 = PageSpec("a5", _A5[0], _A5[1], 12 * mm, 12 * mm, 11 * mm, 12 * mm)
# 80 mm thermal roll: about 72 mm can be printed.
ROLL80 = PageSpec("roll80", 80 * mm, None, 4 * mm, 4 * mm, 3 * mm, 6 * mm)
PAGES = {p.name: p for p in (A4, A5, ROLL80)}

_ROLL_SLACK = 4 * mm
_MAX_PAGE_HEIGHT = 14400.0  # 200 inches, the largest page PDF viewers accept; longer rolls paginate
# reportlab keeps per-document font subset state on shared font objects: one build at a time.
_build_lock = threading.Lock()  # rounding in height estimates must never push a line to a 2nd page


def page_spec(name: str) -> PageSpec:
    """'a4', 'a5' or 'roll80'."""
    try:
        return PAGES[name.lower()]
    except KeyError:
        raise ValueError(f"unknown paper {name!r}; use one of {', '.join(PAGES)}") from None


@dataclass
class BuildResult:
    pdf_bytes: bytes
    missing_glyphs: MissingGlyphs = field(default_factory=MissingGlyphs)
    pages: int = 1
    page_size: tuple[float, float] = (0.0, 0.0)


def content_height(story: Sequence[Flowable], width: float) -> float:
    """Total height of `story` laid out at `width` (for roll paper)."""
    total = 0.0
    for index, flowable in enumerate(story):
        _, h = flowable.wrap(width, 1e6)
        total += h + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


def _paragraph_missing(p: Paragraph, missing: MissingGlyphs) -> None:
    """Characters a Paragraph would draw in a font that lacks them (made without markup())."""
    text = p.getPlainText()
    found = MissingGlyphs()
    for frag in getattr(p, "frags", []):
        chunk = getattr(frag, "text", "")
        if chunk and not chunk.isascii():
            _text_missing(chunk, getattr(frag, "fontName", fonts.MAIN_FONT), found)
    for char in found.chars:
        missing.add(char, text)


def _text_missing(text: str, font_name: str, missing: MissingGlyphs) -> None:
    if not text or text.isascii() and font_name == fonts.MAIN_FONT:
        return
    try:
        cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    except (KeyError, AttributeError):
        cmap = None  # a standard Type 1 font (Helvetica…): Latin-1 at best, never CJK
    for char in text:
        if char.isspace():
            continue
        if (cmap.get(ord(char), 0) == 0) if cmap is not None else ord(char) > 0xFF:
            missing.add(char, text)


def collect_missing(story: Iterable[Any], missing: MissingGlyphs | None = None) -> MissingGlyphs:
    """Walk a story (tables and containers too) and gather what no font could draw."""
    missing = missing if missing is not None else MissingGlyphs()
    for item in story:
        if item is None or isinstance(item, (str, bytes, int, float)):
            continue
        if isinstance(item, (list, tuple)):
            collect_missing(item, missing)
            continue
        own = getattr(item, "missing_glyphs", None)
        if isinstance(own, MissingGlyphs):
            missing.update(own)
        elif isinstance(item, Paragraph):
            _paragraph_missing(item, missing)
        if isinstance(item, Table):
            for r, row in enumerate(item._cellvalues):
                for c, value in enumerate(row):
                    if isinstance(value, str):  # drawn by the Table in its cell font
                        _text_missing(value, item._cellStyles[r][c].fontname, missing)
                    else:
                        collect_missing([value], missing)
        for attr in ("_content", "_flowables"):
            inner = getattr(item, attr, None)
            if isinstance(inner, (list, tuple)):
                collect_missing(inner, missing)
    return missing


def _footer_drawer(
    page: PageSpec, footer: str | None, page_numbers: bool, reprint: str | None
) -> Callable[[Canvas, int, int], None]:
    reprint_runs = fonts.runs(reprint) if reprint else None
    footer_runs = fonts.runs(footer) if footer else None

    def draw(canv: Canvas, number: int, total: int) -> None:
        width, height = canv._pagesize
        canv.saveState()
        canv.setFillColor(colors.black)
        y = page.margin_bottom / 2
        if footer_runs:
            _draw_runs(canv, footer_runs, page.margin_left, y, 7.5)
        if page_numbers:
            text = tr("receipts", "Page {page} of {pages}").format(page=number, pages=total)
            runs = fonts.runs(text)
            w = sum(pdfmetrics.stringWidth(c, f, 8) for f, c in runs)
            _draw_runs(canv, runs, (width - w) / 2, y, 8)
        if reprint_runs:
            size = _stamp_size(page)
            text_w = sum(pdfmetrics.stringWidth(c, f, size) for f, c in reprint_runs)
            x = width - page.margin_right - text_w - size
            draw_stamp(canv, reprint_runs, x, height - size * 1.8 - 2 * mm, size)
        canv.restoreState()

    return draw


def _stamp_size(page: PageSpec) -> float:
    return 9.0 if page.is_roll else 11.0


def _draw_runs(canv: Canvas, runs: list[tuple[str, str]], x: float, y: float, size: float) -> None:
    t = canv.beginText(x, y)
    for font, chunk in runs:
        t.setFont(font, size)
        t.textOut(chunk)
    canv.drawText(t)


def _canvas_maker(decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each can say 'page x of y'."""

    class _DeferredCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise the canvas names Helvetica, which is never embedded.
            kwargs["initialFontName"] = fonts.MAIN_FONT
            super().__init__(*args, **kwargs)
            self._pending: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pending.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pending)
            for number, state in enumerate(self._pending, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return _DeferredCanvas


def build_pdf(
    target: str | os.PathLike[str] | IO[bytes] | None,
    story: Sequence[Flowable],
    page: PageSpec = A5,
    *,
    title: str = "",
    author: str = "VillageDesk",
    page_numbers: bool | None = None,
    footer: str | None = None,
    reprint: str | None = None,
) -> BuildResult:
    """Lay out `story` on `page` and return the PDF bytes and what could not be drawn.

    `target`: a path (written atomically: temp file, fsync, rename), a binary file
    object, or None (bytes only). `page_numbers` defaults to on for A4. `reprint`,
    e.g. "补打 2026-12-05 10:30", stamps every page top right. On roll paper the page
    height is computed from the content.
    """
    fonts.register_fonts()
    story = list(story)
    missing = collect_missing(story)
    if page_numbers is None:
        page_numbers = page.name == "a4"
    if reprint:  # the stamp sits in the top margin, never over the content
        page = replace(page, margin_top=max(page.margin_top, _stamp_size(page) * 1.8 + 4 * mm))

    height = page.height
    if height is None:
        height = min(
            _MAX_PAGE_HEIGHT,
            content_height(story, page.frame_width)
            + page.margin_top
            + page.margin_bottom
            + _ROLL_SLACK,
        )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page.width, height),
        leftMargin=page.margin_left,
        rightMargin=page.margin_right,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
        title=title,
        author=author,
        creator="VillageDesk",
        pageCompression=1,
    )
    frame = Frame(
        page.margin_left,
        page.margin_bottom,
        page.frame_width,
        height - page.margin_top - page.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    decorate = _footer_drawer(page, footer, page_numbers, reprint)
    with _build_lock:
        doc.build(story, canvasmaker=_canvas_maker(decorate))
    pdf = buffer.getvalue()

    if isinstance(target, (str, os.PathLike)):
        write_atomic(Path(target), pdf)
    elif target is not None:
        target.write(pdf)
    return BuildResult(pdf, missing, doc.page, (page.width, height))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
