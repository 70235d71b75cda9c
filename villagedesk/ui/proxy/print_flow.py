"""Printing a proxy document from a page: warn about unprintable characters, preview or print,
then archive the PDF and note the print in the application's history."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from villagedesk.services import proxy_documents
from villagedesk.ui.errors import show_message
from villagedesk.ui.modules import UiContext
from villagedesk.ui.proxy import printing
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)

PAPER_NAMES = {"a4": "A4", "a5": "A5", "roll80": "80mm roll"}


def document_title(document: proxy_documents.Document) -> str:
    if document.kind == "receipt":
        return tr("ProxyUi", "Acceptance receipt {number}").format(number=document.number)
    if document.kind == "completion":
        return tr("ProxyUi", "Completion notice {number}").format(number=document.number)
    return tr("ProxyUi", "Public notice {month}").format(month=document.month)


def print_document(parent: QWidget | None, ctx: UiContext, document: proxy_documents.Document, *,
                   preview: bool) -> Path | None:
    """Print `document`; returns where its PDF was archived, or None when the clerk cancelled."""
    title = document_title(document)
    if document.warning:  # before printing, never after
        show_message(parent, title, document.warning)
    printer_name = getattr(ctx.settings, "printer_name", "") or ""
    paper = PAPER_NAMES.get(document.paper, document.paper)
    if not printing.has_printer(printer_name):
        path = proxy_documents.archive_printed(ctx.store, actor=ctx.actor, archive_dir=ctx.paths.archive,
                                               document=document, printer="")
        show_message(parent, title, tr(
            "ProxyUi", "No printer is set up on this PC. The document was saved as a PDF and opens "
            "in the viewer now; print it from there.\n{path}").format(path=str(path)))
        ctx.print_pdf(path)
        ctx.notify_changed("proxy")
        return path
    try:
        if preview:
            if not printing.preview(parent, document.pdf, document.page_size, title=title,
                                    printer_name=printer_name, paper_name=paper):
                return None
        else:
            printing.print_now(document.pdf, document.page_size, title=title,
                               printer_name=printer_name, paper_name=paper)
    except OSError:
        log.exception("printing failed")
        show_message(parent, title, tr("ProxyUi", "The printer did not accept the document. Check that "
                                       "it is switched on and has paper, then print again."))
        return None
    path = proxy_documents.archive_printed(ctx.store, actor=ctx.actor, archive_dir=ctx.paths.archive,
                                           document=document, printer=printer_name)
    ctx.notify_changed("proxy")
    return path
