"""Toolkit: what a printed document shows (pdftotext), embeds (pdffonts) and warns about."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from villagedesk.receipts import toolkit as tk
from villagedesk.receipts.fonts import MAIN_FONT

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import render_toolkit_sample as sample  # noqa: E402

ID = "420902199001010069"


def pdftotext(pdf: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdffonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_sample_receipt_embeds_every_font_and_shows_its_text(tmp_path: Path) -> None:
    pdf = tmp_path / "sample.pdf"
    result = tk.build_pdf(pdf, sample.sample_story(tk.A5), tk.A5)
    assert pdf.read_bytes() == result.pdf_bytes
    fonts = pdffonts(pdf)
    assert fonts, "no fonts at all"
    for row in fonts:
        emb = row[-5]
        assert emb == "yes", f"font not embedded: {row}"
    assert any("VillageDeskFallback" in row[0] for row in fonts)
    text = pdftotext(pdf)
    assert sample.NUMBER in text
    assert "王𠮷祥" in text  # the Extension-B character survives, copyable
    assert "王*祥" in text and "4209**********0069" in text
    assert "城乡居民养老保险参保登记" in text
    assert result.pages == 1 and result.page_size == pytest.approx((419.5, 595.3), abs=0.1)


def test_a_character_no_font_has_is_warned_and_visible(tmp_path: Path) -> None:
    st = tk.styles(tk.A5)
    result = tk.build_pdf(tmp_path / "m.pdf", [tk.para("申请人：张\ue000明", st.body)], tk.A5)
    assert result.missing_glyphs.code_points() == ["U+E000"]
    assert "张[U+E000]明" in pdftotext(tmp_path / "m.pdf")
    ok = tk.build_pdf(None, [tk.para("王𠮷祥", st.body)], tk.A5)
    assert not ok.missing_glyphs


def test_paragraphs_made_without_the_toolkit_are_checked_too() -> None:
    raw = Paragraph("王𠮷祥", tk.styles(tk.A5).body)  # 𠮷 in the main font: would print blank
    result = tk.build_pdf(None, [tk.data_table(None, [[raw]], [200])], tk.A5)
    assert result.missing_glyphs.code_points() == ["U+20BB7"]


def test_long_numbers_never_wrap_even_in_a_narrow_column(tmp_path: Path) -> None:
    table = tk.data_table(["姓名", "身份证号", "电话"], [["李四", ID, "13800001234"]],
                          [40, 45, 30], page=tk.A5)
    tk.build_pdf(tmp_path / "n.pdf", [table], tk.A5)
    lines = pdftotext(tmp_path / "n.pdf", layout=True)
    assert ID in lines and "13800001234" in lines
    assert tk.is_long_number(ID) and tk.is_long_number("XG0203-01-2026-000123")
    assert tk.is_long_number("0712-1234567") and not tk.is_long_number("城乡居民养老保险")
    assert not tk.is_long_number("Spring Festival")


def test_roll_paper_is_as_tall_as_its_content(tmp_path: Path) -> None:
    st = tk.styles(tk.ROLL80)
    short = tk.build_pdf(None, [tk.para("一行", st.body)], tk.ROLL80)
    rows = [[f"商品{i}", "1", "¥10.00"] for i in range(40)]
    w = tk.ROLL80.frame_width
    long = tk.build_pdf(tmp_path / "roll.pdf",
                        [tk.data_table(["品名", "数量", "金额"], rows, [w * .5, w * .2, w * .3],
                                       page=tk.ROLL80)], tk.ROLL80)
    assert short.page_size[0] == pytest.approx(80 / 25.4 * 72)
    assert short.page_size[1] < 40 / 25.4 * 72 < long.page_size[1]
    assert long.pages == 1 and "商品39" in pdftotext(tmp_path / "roll.pdf")


def test_a4_reports_number_their_pages(tmp_path: Path) -> None:
    rows = [[str(i), f"张{i}", ID] for i in range(90)]
    story = [tk.data_table(["序号", "姓名", "身份证号"], rows, [60, 150, 200], page=tk.A4)]
    result = tk.build_pdf(tmp_path / "a4.pdf", story, tk.A4, footer="花园村党员群众服务中心")
    text = pdftotext(tmp_path / "a4.pdf")
    assert result.pages >= 2
    for page in range(1, result.pages + 1):
        assert f"第{page}页共{result.pages}页" in text.replace(" ", "")
    assert text.count("序号") == result.pages  # the header repeats on every page


def test_reprint_is_marked(tmp_path: Path) -> None:
    st = tk.styles(tk.A5)
    tk.build_pdf(tmp_path / "r.pdf", [tk.para("受理回执", st.title)], tk.A5,
                 reprint=tk.reprint_text("2026-12-05 10:30"))
    assert "补打 2026-12-05 10:30" in pdftotext(tmp_path / "r.pdf")
    tk.build_pdf(tmp_path / "s.pdf", [tk.reprint_stamp()], tk.A5)
    assert "补打" in pdftotext(tmp_path / "s.pdf")


def test_pdf_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "archive" / "r.pdf"
    st = tk.styles(tk.A5)
    tk.build_pdf(target, [tk.para("第一版", st.body)], tk.A5)
    first = target.read_bytes()

    class Boom(Paragraph):
        def wrap(self, *args: object) -> tuple[float, float]:
            raise RuntimeError("layout failed")

    with pytest.raises(RuntimeError):
        tk.build_pdf(target, [Boom("x", st.body)], tk.A5)
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == ["r.pdf"]


def test_signature_and_qr_payload() -> None:
    key = b"hall secret"
    sig = tk.sign_receipt("XG0203-01-2026-000123", key)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{12}", sig)
    assert sig == tk.sign_receipt("XG0203-01-2026-000123", key)
    assert sig != tk.sign_receipt("XG0203-01-2026-000124", key)
    assert sig != tk.sign_receipt("XG0203-01-2026-000123", b"other hall")
    assert tk.verify_receipt("XG0203-01-2026-000123", sig.lower(), key)
    assert not tk.verify_receipt("XG0203-01-2026-000124", sig, key)
    assert not tk.verify_receipt("XG0203-01-2026-000123", sig, b"other hall")
    payload = tk.qr_payload("XG0203-01-2026-000123", key)
    assert payload == f"VD1:XG0203-01-2026-000123:{sig}" and payload.isascii()
    assert re.fullmatch(r"[0-9A-Z $%*+\-./:]+", payload)  # QR alphanumeric mode
    assert tk.parse_qr_payload(payload) == ("XG0203-01-2026-000123", sig)
    with pytest.raises(ValueError):
        tk.parse_qr_payload("http://example/x")
    with pytest.raises(ValueError):
        tk.sign_receipt("受理-1", key)
    with pytest.raises(ValueError):
        tk.QRCode("王𠮷祥")
    assert tk.qr_flowable("XG0203-01-2026-000123", key).qr.mode == "alphanumeric"


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三明", "张*明"), ("张三", "张*"), ("欧阳娜娜", "欧**娜"), ("王𠮷祥", "王*祥"),
     ("𠮷野", "𠮷*"), ("买买提·艾力", "买****力"), ("张", "张"), ("", ""),
     (" 李四 ", "李*"), ("葛\U000E0100三明", "葛\U000E0100*明")],
)
def test_mask_name(name: str, masked: str) -> None:
    assert tk.mask_name(name) == masked


def test_mask_id_uses_the_residents_rule() -> None:
    assert tk.mask_id(ID) == "4209**********0069"


def test_styles_use_the_cjk_font_with_cjk_wrapping() -> None:
    for page in (tk.A4, tk.A5, tk.ROLL80):
        st = tk.styles(page)
        for style in (st.title, st.heading, st.body, st.small, st.cell):
            assert style.fontName == MAIN_FONT and style.wordWrap == "CJK"
    assert tk.styles(tk.ROLL80).body.fontSize < tk.styles(tk.A4).body.fontSize
    assert tk.page_spec("A5") is tk.A5
    with pytest.raises(ValueError):
        tk.page_spec("letter")


def test_plain_string_cells_in_a_raw_table_are_checked() -> None:
    from reportlab.platypus import Table

    result = tk.build_pdf(None, [Table([["受理", "ok"]])], tk.A5)  # Helvetica has no CJK
    assert sorted(result.missing_glyphs.chars) == ["受", "理"]


def test_printed_qr_code_scans_back_to_its_payload(tmp_path: Path) -> None:
    import shutil

    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (Debian zbar-tools) is not installed")
    pdf = tmp_path / "q.pdf"
    tk.build_pdf(pdf, sample.sample_story(tk.ROLL80), tk.ROLL80)
    subprocess.run(["pdftoppm", "-png", "-r", "203", "-singlefile", str(pdf), str(tmp_path / "q")],
                   check=True)  # 203 dpi: a common thermal printer
    out = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "q.png")],
                         capture_output=True, text=True).stdout.strip()
    assert out == tk.qr_payload(sample.NUMBER, sample.SAMPLE_KEY)
    number, sig = tk.parse_qr_payload(out)
    assert tk.verify_receipt(number, sig, sample.SAMPLE_KEY)
