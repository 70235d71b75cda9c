"""Elder-care documents: the text a reader needs is in the PDF, fonts are embedded, numbers fit.

With VD_RENDER_DOCS=1 the PDFs are also rendered to docs/eldercare/*.png for people to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from villagedesk.clock import CST
from villagedesk.services import eldercare_documents as ed
from villagedesk.services.eldercare_demo import seed_eldercare_demo
from villagedesk.services.eldercare_meals import meal_statement
from villagedesk.services.eldercare_roster import roster

DOCS = Path(__file__).resolve().parents[2] / "docs" / "eldercare"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@pytest.fixture
def demo(store, actor, clock):
    clock.set(dt.datetime(2026, 3, 28, 10, 0, tzinfo=CST))
    seed_eldercare_demo(store, actor=actor)
    return store


def pdf_text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    if os.environ.get("VD_RENDER_DOCS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(path), str(DOCS / name)],
                       check=True)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    font_lines = fonts.splitlines()[2:]
    assert font_lines and all(" yes " in line for line in font_lines), fonts  # every font embedded
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_poppler
def test_elder_file_card(demo, actor, tmp_path) -> None:
    elder = next(e for e in roster(demo) if e.name == "张桂兰")
    doc = ed.elder_card(demo, actor=actor, resident_id=elder.resident_id)
    text = pdf_text(doc.pdf, tmp_path, "elder-card")
    assert doc.pages == 1 and not doc.warning
    for expected in ("居家养老", "张桂兰", elder.id_number, "独居", "半失能", "低保", "李春华", "明灯户",
                     "紧急联系人", "13972005566", "85"):
        assert expected in text, expected


@needs_poppler
def test_monthly_visit_sheet_for_a_carer(demo, tmp_path) -> None:
    assert "李春华" in ed.carers(demo)
    doc = ed.visit_sheet(demo, carer="李春华", month="2026-03")
    text = pdf_text(doc.pdf, tmp_path, "visit-sheet")
    for expected in ("上门探访", "2026", "李春华", "张桂兰", "王德明", "赵玉珍", "郑爱华", "签字"):
        assert expected in text, expected
    assert "刘秀英" not in text  # cared for by staff, not by this beacon household
    # ID numbers are masked on a sheet that goes out into the village.
    assert "4209**********" in text


@needs_poppler
def test_monthly_meal_statement(demo, actor, tmp_path) -> None:
    st = meal_statement(demo, month="2026-03")
    doc = ed.meal_statement_document(demo, actor=actor, month="2026-03")
    text = pdf_text(doc.pdf, tmp_path, "meal-statement")
    assert "助餐" in text and "合计" in text
    for expected in (f"{st.price:,.2f}", f"{st.subsidy:,.2f}", f"{st.paid:,.2f}", "张桂兰", "低保"):
        assert expected in text, expected
    one = ed.meal_statement_document(demo, actor=actor, month="2026-03", id_number=st.lines[0].id_number)
    text = pdf_text(one.pdf, tmp_path, "meal-statement-one-elder")
    assert st.lines[0].name in text and "2026-03-02" in text
