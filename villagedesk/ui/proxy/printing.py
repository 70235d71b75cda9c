"""Print a finished PDF through Qt: preview, the default (or chosen) printer, the PDF's own paper size.

reportlab makes the PDF; pypdfium2 turns each page into an image at the printer's
resolution, and QPainter draws it onto a QPrinter whose page size is the document's
(A5, A4, or an 80 mm roll as tall as the receipt). No printer set up: the caller is told,
and can hand the PDF to the system viewer instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pypdfium2 as pdfium

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

MAX_DPI = 300  # thermal printers are 203 dpi; laser 300-600: 300 keeps memory small
PT_PER_MM = 72 / 25.4


def iter_page_images(pdf: bytes, dpi: float) -> Iterator[QImage]:
    """Each page of `pdf` as an RGB image at `dpi`, one at a time (an A4 page at 300 dpi is 26 MB)."""
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()  # copy: the buffer goes away
            page.close()
            yield image
    finally:
        document.close()


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    return list(iter_page_images(pdf, dpi))


def printer_names() -> list[str]:
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def has_printer(name: str = "") -> bool:
    if name:
        return name in printer_names()
    return not QPrinterInfo.defaultPrinter().isNull()


def make_printer(page_size_pt: tuple[float, float], *, title: str, printer_name: str = "",
                 paper_name: str = "") -> QPrinter:
    """A printer set to the document's paper, no margins (the PDF has its own)."""
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution) if not info.isNull() else \
        QPrinter(QPrinter.PrinterMode.HighResolution)
    width_mm, height_mm = page_size_pt[0] / PT_PER_MM, page_size_pt[1] / PT_PER_MM
    size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, paper_name,
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                      QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Draw every page of `pdf` onto `printer`; returns the number of pages."""
    dpi = min(float(printer.resolution() or 300), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        count = 0
        for index, image in enumerate(iter_page_images(pdf, dpi)):
            count += 1
            if index:
                printer.newPage()
            # Fit the page into the printable area, keeping its proportions, top-left aligned.
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
    finally:
        painter.end()
    return count


def preview(parent: QWidget | None, pdf: bytes, page_size_pt: tuple[float, float], *, title: str,
            printer_name: str = "", paper_name: str = "") -> bool:
    """Show the print preview; True when the clerk printed from it."""
    printer = make_printer(page_size_pt, title=title, printer_name=printer_name, paper_name=paper_name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf))
    return bool(dialog.exec())


def print_now(pdf: bytes, page_size_pt: tuple[float, float], *, title: str, printer_name: str = "",
              paper_name: str = "") -> None:
    """Print straight to the hall printer; OSError when there is none or it fails to open."""
    if not has_printer(printer_name):
        raise OSError("no printer is set up")
    printer = make_printer(page_size_pt, title=title, printer_name=printer_name, paper_name=paper_name)
    paint_pdf(printer, pdf)
