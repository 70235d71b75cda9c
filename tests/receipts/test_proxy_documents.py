"""Proxy documents as a person sees them: text, fonts, masking, QR, 补打 and the archive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services"))
from proxy_helpers import make_resident  # noqa: E402

from villagedesk.clock import CST  # noqa: E402
from villagedesk.receipts import toolkit as tk  # noqa: E402
from villagedesk.receipts.proxy_receipt import build_receipt  # noqa: E402
from villagedesk.services import proxy  # noqa: E402
from villagedesk.services import proxy_documents as docs  # noqa: E402
from villagedesk.services.auth import hall_info  # noqa: E402
from villagedesk.services.idcard import build_id  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdftext(pdf: bytes, tmp_path: Path, layout: bool = True) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-layout", str(path), "-"] if layout else ["pdftotext", str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdffonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture
def accepted(store, actor):
    applicant = make_resident(store, actor, "王𠮷祥", 123)
    agent_id = build_id("420902", dt.date(1985, 6, 1), 33)
    res = proxy.accept_application(
        store, actor=actor, resident_id=applicant.id, service_code="MZ005", missing=["银行卡"],
        agent_name="王小明", agent_id_number=agent_id, agent_relation="儿子")
    return applicant, res.receipt_number


@pytest.mark.parametrize("paper", ["a5", "roll80"])
def test_receipt_shows_number_masked_id_service_and_embeds_every_font(store, accepted, paper, tmp_path) -> None:
    applicant, number = accepted
    doc = docs.receipt_document(store, number=number, paper=paper)
    assert doc.pages == 1 and not doc.reprint and doc.warning == ""
    text = pdftext(doc.pdf, tmp_path)
    assert number in text  # in one piece: long numbers never wrap
    assert "4209**********1237" in text and applicant.id_number not in text
    assert "困难残疾人生活补贴" in text
    assert "王𠮷祥" in text  # the Extension-B character is printed, from a fallback font
    assert "本人银行卡" in text and ("缺" in text)
    assert "2026年03月30日" in text  # due date: 20 working days after Mon 2026-03-02
    assert "王管理" in text and "0712-2345678" in text
    fonts = pdffonts(doc.pdf, tmp_path)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # emb column


def test_receipt_qr_carries_a_signature_the_county_can_verify(store, accepted, tmp_path) -> None:
    _, number = accepted
    text = pdftext(docs.receipt_document(store, number=number).pdf, tmp_path)
    payload = re.search(r"VD1:[A-Z0-9-]+:[0-9A-Z]{12}", text).group(0)
    got_number, signature = tk.parse_qr_payload(payload)
    key = bytes.fromhex(hall_info(store).receipt_secret)
    assert got_number == number and tk.verify_receipt(number, signature, key)
    assert not tk.verify_receipt(number.replace("000001", "000002"), signature, key)


def test_a_character_no_font_has_gives_a_warning(store, accepted) -> None:
    _, number = accepted
    doc = docs.application_doc(store, number)
    odd = dataclasses.replace(doc, applicant_name="王\ue000祥")
    result = build_receipt(None, odd, paper="a5")
    assert result.missing_glyphs
    assert "U+E000" in result.missing_glyphs.message()


def test_second_print_is_marked_reprint_and_every_print_is_archived(store, actor, accepted, paths, tmp_path) -> None:
    _, number = accepted
    first = docs.receipt_document(store, number=number, paper="roll80")
    assert "补打" not in pdftext(first.pdf, tmp_path)
    path = docs.archive_printed(store, actor=actor, archive_dir=paths.archive, document=first)
    assert path.is_file() and path.read_bytes() == first.pdf
    assert path.relative_to(paths.archive).parts[:2] == ("2026", "03")
    again = docs.receipt_document(store, number=number, paper="a5")
    assert again.reprint and "补打" in pdftext(again.pdf, tmp_path)
    second = docs.archive_printed(store, actor=actor, archive_dir=paths.archive, document=again)
    assert second != path and "reprint" in second.name
    printed = [t for t in proxy.get_application(store, number=number).timeline if t.kind == "printed"]
    assert [t.detail["reprint"] for t in printed] == [False, True]


def test_completion_notice_only_after_completion(store, actor, accepted, tmp_path) -> None:
    from villagedesk.errors import DomainError

    _, number = accepted
    with pytest.raises(DomainError):
        docs.completion_document(store, number=number)
    proxy.forward_application(store, actor=actor, number=number)
    proxy.complete_application(store, actor=actor, number=number, result="审核通过")
    text = pdftext(docs.completion_document(store, number=number).pdf, tmp_path, layout=False)
    assert "办结通知" in text and number in text and "审核通过" in text


def test_monthly_notice_masks_names_and_ids_and_lists_only_that_month(store, actor, clock, tmp_path) -> None:
    a = make_resident(store, actor, "张三明", 101)
    b = make_resident(store, actor, "欧阳娜娜", 102)
    numbers = []
    for who, code in ((a, "RS001"), (b, "GA001"), (a, "YB001")):
        n = proxy.accept_application(store, actor=actor, resident_id=who.id, service_code=code).receipt_number
        proxy.forward_application(store, actor=actor, number=n)
        numbers.append(n)
    proxy.complete_application(store, actor=actor, number=numbers[0])
    proxy.complete_application(store, actor=actor, number=numbers[1])
    clock.set(dt.datetime(2026, 4, 2, 9, 0, tzinfo=CST))
    proxy.complete_application(store, actor=actor, number=numbers[2])  # April: not in March
    doc = docs.notice_document(store, month="2026-03")
    text = pdftext(doc.pdf, tmp_path)
    assert "张*明" in text and "欧**娜" in text
    assert "张三明" not in text and "欧阳娜娜" not in text
    assert a.id_number not in text and "4209**********" in text
    assert numbers[0] in text and numbers[1] in text and numbers[2] not in text
    assert "公示" in text and "2件" in text
    assert all(row[-5] == "yes" for row in pdffonts(doc.pdf, tmp_path))
    with pytest.raises(Exception, match="2026-03|YYYY-MM|年-月"):
        docs.notice_document(store, month="March")
