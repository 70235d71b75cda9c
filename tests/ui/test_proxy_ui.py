"""Proxy screens: the counter flow by keyboard alone, lists with filters, the detail timeline,
home cards, and Qt printing at the document's paper size."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from proxy_helpers import make_resident  # noqa: E402

from villagedesk.clock import CST  # noqa: E402
from villagedesk.config import Settings  # noqa: E402
from villagedesk.services import proxy, proxy_documents  # noqa: E402
from villagedesk.ui import errors as ui_errors  # noqa: E402
from villagedesk.ui.modules import UiContext  # noqa: E402


@pytest.fixture
def messages(monkeypatch):
    sink: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_errors, "message_sink", sink)
    return sink


@pytest.fixture
def ctx(store, actor, paths):
    opened: list[Path] = []
    navigated: list[tuple[str, dict]] = []
    c = UiContext(store=store, actor=actor, settings=Settings(), paths=paths,
                  navigate=lambda key, **kw: navigated.append((key, kw)),
                  print_pdf=opened.append)
    c.opened = opened  # type: ignore[attr-defined]
    c.navigated = navigated  # type: ignore[attr-defined]
    return c


def test_counter_flow_by_keyboard_only(qtbot, ctx, store, actor, messages) -> None:
    from villagedesk.ui.proxy.counter import CounterPage

    resident = make_resident(store, actor, "张三明", 123)
    page = CounterPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.isActiveWindow)  # keyboard focus needs an active window
    page.focus_search()
    qtbot.keyClicks(page.resident_search, "zsm")
    qtbot.keyClick(page.resident_search, Qt.Key.Key_Return)
    assert page.resident is not None and page.resident.id == resident.id
    assert page.service_search.hasFocus()
    qtbot.keyClicks(page.service_search, "ylbxcb")  # 养老保险参保
    qtbot.keyClick(page.service_search, Qt.Key.Key_Return)
    assert page.item is not None and page.item.code == "RS001"
    assert page.materials.hasFocus() and page.materials.count() == 3
    qtbot.keyClick(page.materials, Qt.Key.Key_Down)  # to 户口簿
    qtbot.keyClick(page.materials, Qt.Key.Key_Space)  # not brought
    assert page.missing_materials() == ["户口簿"]
    qtbot.keyClick(page.materials, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert page.last_result is not None
    number = page.last_result.receipt_number
    assert number in page.result_label.text()
    detail = proxy.get_application(store, number=number)
    assert detail.missing_materials == ["户口簿"] and detail.applicant_name == "张三明"
    # No printer in the test machine: the receipt was archived and handed to the viewer.
    assert ctx.opened and ctx.opened[0].is_file() and ctx.opened[0].is_relative_to(ctx.paths.archive)
    assert messages and "PDF" in messages[-1][1]
    assert [t.kind for t in proxy.get_application(store, number=number).timeline] == ["accepted", "printed"]
    # ready for the next villager
    assert page.resident is None and page.resident_search.hasFocus()


def test_quick_add_registers_a_new_applicant(qtbot, ctx, store) -> None:
    from villagedesk.services.idcard import build_id
    from villagedesk.ui.proxy.counter import QuickAddDialog

    dialog = QuickAddDialog(ctx, id_or_name="李小红")
    qtbot.addWidget(dialog)
    dialog.id_number.setText("420902195604121230")  # wrong check digit
    dialog.save()
    assert dialog.added is None and dialog.form.error_text("id_number")
    dialog.id_number.setText(build_id("420902", dt.date(1970, 1, 2), 124))
    dialog.save()
    assert dialog.added is not None and dialog.added.name == "李小红"


def test_list_filters_model_and_home_cards(qtbot, qtmodeltester, ctx, store, actor, clock) -> None:
    from villagedesk.ui.proxy import home_cards
    from villagedesk.ui.proxy.lists import ProxyListPage

    r = make_resident(store, actor)
    late = proxy.accept_application(store, actor=actor, resident_id=r.id, service_code="YB001").receipt_number
    proxy.accept_application(store, actor=actor, resident_id=r.id, service_code="MZ001")
    clock.set(dt.datetime(2026, 3, 12, 9, 0, tzinfo=CST))
    page = ProxyListPage(ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model, force_py=True)
    assert page.model.rowCount() == 2
    page.open_with(view="overdue")
    assert [row.receipt_number for row in page.model.rows()] == [late]
    page.open_row(page.model.index(0, 0))
    assert ctx.navigated[-1] == ("proxy.detail", {"number": late})
    cards = home_cards(ctx)
    assert cards[0].count == 1 and cards[0].severity == "danger"
    assert cards[0].page_key == "proxy.list" and cards[0].nav_kwargs == {"view": "overdue"}


def test_detail_steps_and_timeline(qtbot, ctx, store, actor, messages) -> None:
    from villagedesk.ui.proxy.detail import ProxyDetailPage

    r = make_resident(store, actor)
    number = proxy.accept_application(store, actor=actor, resident_id=r.id, service_code="RS001").receipt_number
    page = ProxyDetailPage(ctx)
    qtbot.addWidget(page)
    page.open_with(number=number)
    assert page.buttons["forward"].isEnabled() and not page.buttons["complete"].isEnabled()
    assert not page.complete(result="x")  # refused: the message says why
    assert number in messages[-1][1]
    assert page.forward(office="新铺镇便民服务中心")
    assert page.return_(reason="缺户口簿", missing=["户口簿"])
    assert page.detail.missing_materials == ["户口簿"]
    assert page.forward(office="新铺镇便民服务中心", arrived=["户口簿"])
    assert page.detail.missing_materials == []
    assert page.complete(result="已参保")
    assert page.buttons["collect"].isEnabled() and page.buttons["completion"].isEnabled()
    assert page.collect(collector="张小明", rating="fair")
    texts = [page.timeline.item(i).text() for i in range(page.timeline.count())]
    assert len(texts) == 6 and "缺户口簿" in texts[2] and "张小明" in texts[5]
    assert all("王管理" in t for t in texts)
    assert not any(b.isEnabled() for k, b in page.buttons.items() if k in ("forward", "return", "complete", "collect"))


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("paper", ["a5", "roll80"])
def test_qt_printing_uses_the_documents_paper_size(qtbot, store, actor, paper, tmp_path) -> None:
    from villagedesk.ui.proxy import printing

    r = make_resident(store, actor)
    number = proxy.accept_application(store, actor=actor, resident_id=r.id, service_code="GA001").receipt_number
    doc = proxy_documents.receipt_document(store, number=number, paper=paper)
    printer = printing.make_printer(doc.page_size, title="t")
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert printing.paint_pdf(printer, doc.pdf) == 1
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = [line for line in info.splitlines() if line.startswith("Page size")][0].split()
    width, height = float(size[2]), float(size[4])
    assert abs(width - doc.page_size[0]) < 2 and abs(height - doc.page_size[1]) < 2
    assert printing.page_images(doc.pdf, 100)[0].width() == round(doc.page_size[0] * 100 / 72)


def test_reprint_and_notice_from_the_screens_are_archived(qtbot, ctx, store, actor, messages) -> None:
    from villagedesk.ui.proxy.detail import ProxyDetailPage
    from villagedesk.ui.proxy.lists import ProxyListPage

    r = make_resident(store, actor)
    number = proxy.accept_application(store, actor=actor, resident_id=r.id, service_code="RS001").receipt_number
    page = ProxyDetailPage(ctx)
    qtbot.addWidget(page)
    page.open_with(number=number)
    first = page.reprint_receipt(paper="roll80", preview=False)
    second = page.reprint_receipt(paper="a5", preview=False)
    assert first != second and "reprint" in second.name and "reprint" not in first.name
    assert ctx.opened == [first, second]
    printed = [page.timeline.item(i).text() for i in range(page.timeline.count())]
    assert sum("（补打）" in t or "(reprint)" in t for t in printed) == 1
    proxy.forward_application(store, actor=actor, number=number)
    proxy.complete_application(store, actor=actor, number=number)
    page.refresh()
    assert page.print_completion(preview=False) is not None
    listing = ProxyListPage(ctx)
    qtbot.addWidget(listing)
    notice = listing.print_notice_for("2026-03", preview=False)
    assert notice is not None and notice.is_file() and "notice-2026-03" in notice.name
    assert listing.print_notice_for("2026/03") is None and "2026-03" in messages[-1][1]


def test_detail_page_without_an_application_offers_no_step(qtbot, ctx, store, actor) -> None:
    from villagedesk.ui.proxy.detail import ProxyDetailPage

    page = ProxyDetailPage(ctx)
    qtbot.addWidget(page)
    page.open_with()  # reached without a number: nothing to forward, complete or print
    assert [k for k, b in page.buttons.items() if b.isEnabled()] == ["back"]
    r = make_resident(store, actor)
    number = proxy.accept_application(store, actor=actor, resident_id=r.id, service_code="RS001").receipt_number
    page.prepare_screenshot()  # make screenshots shows a real application
    assert page.detail is not None and page.detail.receipt_number == number
    assert sorted(k for k, b in page.buttons.items() if b.isEnabled()) == ["back", "forward", "receipt"]
