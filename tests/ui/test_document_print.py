"""Supply and elder-care printing: the printer gets the document's own paper size; with no printer
set up the PDF opens in the viewer, after any warning about characters no font could draw."""

from __future__ import annotations

import pytest

from villagedesk.config import Settings
from villagedesk.receipts import toolkit as tk
from villagedesk.ui import document_print
from villagedesk.ui import errors as ui_errors
from villagedesk.ui.modules import UiContext


@pytest.mark.parametrize("page", [tk.ROLL80, tk.A5, tk.A4])
def test_page_size_is_read_from_the_pdf(page) -> None:
    st = tk.styles(page)
    result = tk.build_pdf(None, [tk.para("受理回执 XG0203-01-2026-000001", st.body)] * 3, page)
    assert document_print.page_size_of(result.pdf_bytes) == pytest.approx(result.page_size, abs=0.5)


def test_without_a_printer_the_viewer_gets_it_after_the_warning(store, actor, paths, tmp_path, monkeypatch) -> None:
    opened = []
    sink: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_errors, "message_sink", sink)
    monkeypatch.setattr(document_print.printing, "has_printer", lambda name="": False)
    ctx = UiContext(store=store, actor=actor, settings=Settings(), paths=paths, print_pdf=opened.append)
    result = tk.build_pdf(tmp_path / "d.pdf", [tk.para("张\ue000明", tk.styles(tk.A5).body)], tk.A5)
    printed = document_print.print_or_view(None, ctx, tmp_path / "d.pdf", title="t",
                                           warning=document_print.glyph_warning(result))
    assert printed is False and opened == [tmp_path / "d.pdf"]
    assert len(sink) == 1 and "U+E000" in sink[0][1]
