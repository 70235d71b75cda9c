"""Fonts: bundled files, per-character fallback, and characters no font has."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from villagedesk.receipts import fonts
from villagedesk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_fonts_and_licences_are_shipped_within_budget() -> None:
    files = list(fonts.font_files())
    assert [f.name for f in files] == ["wqy-microhei.ttc", "VDFallbackA.ttf", "VDFallbackB.ttf"]
    assert sum(f.stat().st_size for f in files) <= 12.5 * 1024 * 1024
    assert "Apache License" in resource_path("fonts/LICENSE-WenQuanYi.txt").read_text("utf-8")
    assert "Hanazono Font License" in resource_path("fonts/LICENSE-Hanazono.txt").read_text("utf-8")


def test_registration_is_idempotent_and_thread_safe() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                fonts.register_fonts()
                assert fonts.font_for("中") == fonts.MAIN_FONT
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_main_font_covers_common_text_and_fallbacks_cover_rare_name_characters() -> None:
    assert fonts.coverage("张三明 受理回执 ¥1,005.00 第1页（共2页）□") == []
    assert fonts.font_for("𠮷") in (fonts.FALLBACK_A, fonts.FALLBACK_B)  # Extension B
    assert fonts.font_for("䶮") == fonts.FALLBACK_A  # Extension A (刘䶮)
    assert fonts.coverage("王𠮷祥 刘䶮") == []


def test_every_listed_fallback_character_is_covered() -> None:
    """tools/fallback_font_chars.txt is what the subset promises; the fonts keep it."""
    listed = []
    for line in (ROOT / "tools" / "fallback_font_chars.txt").read_text("utf-8").splitlines():
        if line.startswith("U+") and ".." not in line:
            listed.append(chr(int(line.split("\t")[0][2:], 16)))
    tongyong = [line for line in (ROOT / "tools" / "fallback_font_chars.txt").read_text("utf-8")
                .splitlines() if "\tT1\t" in line]
    assert len(tongyong) >= 196 + 1  # 通用规范汉字表 supplementary characters + 𠮷
    assert fonts.coverage("".join(listed)) == []


def test_markup_puts_fallback_characters_in_their_own_font_run() -> None:
    text = fonts.markup("王𠮷祥 <&>")
    assert text.startswith("王<font name=\"VDFallback")
    assert "𠮷</font>祥 &lt;&amp;&gt;" in text
    assert fonts.markup("A&B") == "A&amp;B"


def test_a_character_no_font_has_is_reported_and_drawn_as_its_code() -> None:
    missing = fonts.MissingGlyphs()
    text = fonts.markup("张\ue000明", missing)
    assert "[U+E000]" in text
    assert missing and missing.code_points() == ["U+E000"]
    assert missing.chars["\ue000"] == ["张\ue000明"]
    assert "U+E000" in missing.message() and "手写" in missing.message()
    assert fonts.coverage("张\U000F0001明") == ["\U000F0001"]


def test_variation_selectors_are_not_reported() -> None:
    missing = fonts.MissingGlyphs()
    assert fonts.markup("葛\U000E0100", missing) == "葛"
    assert not missing


def test_fonts_on_the_pc_are_a_late_fallback() -> None:
    rare = chr(0x2A6D6)  # last Extension-B character: not in the bundled subset
    assert fonts.coverage(rare) == [rare]  # bundled fonts only (the fixture)
    if not any(Path(p).is_file() for p in (
            "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", r"C:\Windows\Fonts\simsunb.ttf")):
        pytest.skip("no wide-coverage system font on this PC")
    fonts.set_system_fonts(True)
    assert (fonts.font_for(rare) or "").startswith("VDSystem")
    assert fonts.coverage("王" + rare) == []
