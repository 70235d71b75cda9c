"""Print a finished document PDF on the hall printer at the document's own paper size (an 80 mm
roll, A5, A4), or hand it to the PDF viewer when this PC has no printer set up.

The proxy pages have their own flow with a preview and a print history (ui/proxy/print_flow.py);
supply and elder-care documents come here.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium

from PySide6.QtWidgets import QWidget

from villagedesk.receipts.pages import BuildResult
from villagedesk.ui.errors import show_message
from villagedesk.ui.modules import UiContext
from villagedesk.ui.proxy import printing
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)


def glyph_warning(result: BuildResult) -> str:
    """What to tell the clerk before printing: characters no bundled font could draw, or ''."""
    return result.missing_glyphs.message() if result.missing_glyphs else ""


def page_size_of(pdf: bytes) -> tuple[float, float]:
    """Width and height in points of the first page (a roll receipt is as tall as its content)."""
    document = pdfium.PdfDocument(pdf)
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    return float(width), float(height)


def print_or_view(parent: QWidget | None, ctx: UiContext, path: Path, *, title: str,
                  warning: str = "", warning_title: str = "") -> bool:
    """Print the PDF at `path`; True when it went to the printer, False when it opened in the viewer.

    `title` names the print job; `warning` (characters no font could print) is shown before
    printing, never after.
    """
    if warning:
        show_message(parent, warning_title or title, warning)
    printer_name = getattr(ctx.settings, "printer_name", "") or ""
    if printing.has_printer(printer_name):
        pdf = path.read_bytes()
        try:
            printing.print_now(pdf, page_size_of(pdf), title=title, printer_name=printer_name)
            return True
        except OSError:
            log.exception("printing %s failed", path.name)
            show_message(parent, title, tr("ProxyUi", "The printer did not accept the document. Check that "
                                           "it is switched on and has paper, then print again."))
    ctx.print_pdf(path)
    return False
