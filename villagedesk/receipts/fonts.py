"""CJK fonts for reportlab: registration, per-character fallback, and missing-glyph warnings.

The main font is WenQuanYi Micro Hei. Characters it lacks (CJK Extension A, the
supplementary planes such as 𠮷 U+20BB7) are drawn with the bundled Hanazono subsets
VDFallbackA/B, then with TrueType fonts found on the PC (SimSun-ExtB on Windows).
A character no font has is drawn as ``[U+XXXX]`` and reported in `MissingGlyphs`, so
the clerk is told before printing instead of the character vanishing.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from villagedesk.i18n import tr
from villagedesk.resources import resource_path

log = logging.getLogger(__name__)

MAIN_FONT = "VDMain"
FALLBACK_A = "VDFallbackA"
FALLBACK_B = "VDFallbackB"

# (reportlab name, resource file, subfont index in a .ttc)
_BUNDLED: tuple[tuple[str, str, int], ...] = (
    (MAIN_FONT, "fonts/wqy-microhei.ttc", 0),
    (FALLBACK_A, "fonts/VDFallbackA.ttf", 0),
    (FALLBACK_B, "fonts/VDFallbackB.ttf", 0),
)

# TrueType fonts with wide CJK coverage that a PC may have. Only glyf-outline fonts:
# reportlab cannot embed CFF (.otf) fonts.
_SYSTEM_CANDIDATES_WINDOWS = (("simsunb.ttf", 0), ("simsun.ttc", 0), ("mingliub.ttc", 0))
_SYSTEM_CANDIDATES_UNIX = (
    "truetype/hanazono/HanaMinA.ttf",
    "truetype/hanazono/HanaMinB.ttf",
    "truetype/babelstone/BabelStoneHan.ttf",
    "truetype/jigmo/Jigmo.ttf",
    "truetype/jigmo/Jigmo2.ttf",
    "truetype/jigmo/Jigmo3.ttf",
)

# Characters that select a glyph variant but draw nothing themselves.
_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))
# Drawn with the main font whatever its cmap says (layout characters).
_LAYOUT = {"\n", "\r", "\t", " ", "\u00a0", "\u200b", "\u3000"}

_lock = threading.RLock()
_fonts: list[tuple[str, dict[int, int]]] | None = None  # (name, cmap) in fallback order
_system_loaded = False
_use_system_fonts = os.environ.get("VILLAGEDESK_NO_SYSTEM_FONTS", "") == ""
_font_of: dict[str, str | None] = {}  # per-character cache: char -> font name or None


@dataclass
class MissingGlyphs:
    """Characters that no font could draw, with the text they appeared in.

    Falsy when nothing is missing. Show `message()` to the clerk before printing.
    """

    chars: dict[str, list[str]] = field(default_factory=dict)  # char -> texts it occurred in

    def __bool__(self) -> bool:
        return bool(self.chars)

    def __len__(self) -> int:
        return len(self.chars)

    def add(self, char: str, context: str) -> None:
        seen = self.chars.setdefault(char, [])
        if context not in seen and len(seen) < 5:
            seen.append(context)

    def update(self, other: MissingGlyphs) -> None:
        for char, contexts in other.chars.items():
            for context in contexts:
                self.add(char, context)

    def code_points(self) -> list[str]:
        return [f"U+{ord(c):04X}" for c in self.chars]

    def message(self) -> str:
        """A sentence for the clerk, e.g. before a receipt is printed."""
        where = "、".join(sorted({ctx for ctxs in self.chars.values() for ctx in ctxs}))
        return tr(
            "receipts",
            "No font can print {chars}; it will show as {codes} in \"{where}\". "
            "Check the name and write the character in by hand.",
        ).format(
            chars=" ".join(self.chars),
            codes=" ".join(f"[{c}]" for c in self.code_points()),
            where=where,
        )


def _utf16_hex(cp: int) -> str:
    return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but with UTF-16 surrogate pairs for non-BMP characters.

    reportlab writes U+20BB7 as <20BB7>, which text extraction (copy, search, pdftotext)
    reads as U+20BB; the PDF spec wants <D842DFB7>.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def set_system_fonts(enabled: bool) -> None:
    """Allow or forbid fonts found on the PC (tests forbid them to be reproducible)."""
    global _use_system_fonts
    with _lock:
        if enabled != _use_system_fonts:
            _use_system_fonts = enabled
            _font_of.clear()


def _register(name: str, path: Path | str, subfont: int) -> dict[int, int]:
    if name not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(name, str(path), subfontIndex=subfont)
        pdfmetrics.registerFont(font)
        # There is no bold or italic CJK face: map <b>/<i> to the same font.
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    font = pdfmetrics.getFont(name)
    return font.face.charToGlyph  # type: ignore[no-any-return]


def register_fonts() -> None:
    """Register the bundled fonts with reportlab. Cheap after the first call; thread-safe."""
    global _fonts
    if _fonts is not None:
        return
    with _lock:
        if _fonts is None:
            _fonts = [
                (name, _register(name, resource_path(rel), sub)) for name, rel, sub in _BUNDLED
            ]


def _system_font_files() -> Iterator[tuple[Path, int]]:
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for fname, sub in _SYSTEM_CANDIDATES_WINDOWS:
            yield windir / fname, sub
    else:
        roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local/share/fonts"]
        for root in roots:
            for rel in _SYSTEM_CANDIDATES_UNIX:
                yield root / rel, 0


def _load_system_fonts() -> None:
    """Append PC fonts to the fallback chain, once, when a bundled font first falls short."""
    global _system_loaded
    if _system_loaded:
        return
    _system_loaded = True
    assert _fonts is not None
    for index, (path, sub) in enumerate(_system_font_files()):
        if not path.is_file():
            continue
        name = f"VDSystem{index}"
        try:
            cmap = _register(name, path, sub)
        except Exception as exc:  # a broken or CFF font: skip it, keep printing
            log.info("system font %s not usable: %s", path, exc)
            continue
        log.info("using system font %s as %s", path, name)
        _fonts.append((name, cmap))


def font_for(char: str) -> str | None:
    """Name of the first font in the chain that has a glyph for `char`, or None."""
    try:
        return _font_of[char]
    except KeyError:
        pass
    register_fonts()
    assert _fonts is not None
    with _lock:
        found = _find(char)
        if found is None and _use_system_fonts and not _system_loaded:
            _load_system_fonts()
            found = _find(char)
        _font_of[char] = found
        return found


def _find(char: str) -> str | None:
    assert _fonts is not None
    if char in _LAYOUT:
        return MAIN_FONT
    cp = ord(char)
    for name, cmap in _fonts:
        if name.startswith("VDSystem") and not _use_system_fonts:
            continue
        if cmap.get(cp, 0) != 0:
            return name
    return None


def _is_selector(char: str) -> bool:
    cp = ord(char)
    return any(cp in r for r in _SELECTORS)


def coverage(text: str) -> list[str]:
    """Characters of `text` that no available font can draw (each once, in order)."""
    missing: list[str] = []
    for char in text:
        if not _is_selector(char) and font_for(char) is None and char not in missing:
            missing.append(char)
    return missing


def replacement(char: str) -> str:
    """What is printed in place of a character no font has."""
    return f"[U+{ord(char):04X}]"


def runs(text: str, missing: MissingGlyphs | None = None) -> list[tuple[str, str]]:
    """Split `text` into (font name, text) runs; undrawable characters become `replacement`."""
    out: list[tuple[str, str]] = []
    for char in text:
        if _is_selector(char):
            continue
        font = font_for(char)
        if font is None:
            if missing is not None:
                missing.add(char, text)
            font, char = MAIN_FONT, replacement(char)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def markup(text: str, missing: MissingGlyphs | None = None) -> str:
    """Paragraph markup for plain `text`: XML-escaped, with a <font> run per fallback font.

    Runs in the main font carry no tag, so they take the paragraph style's font and size.
    """
    if text.isascii():  # fast path: the main font has all of ASCII
        return escape(text)
    parts = []
    for font, chunk in runs(text, missing):
        if font == MAIN_FONT:
            parts.append(escape(chunk))
        else:
            parts.append(f'<font name="{font}">{escape(chunk)}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    """Width in points of `text` drawn run by run with the fallback chain."""
    register_fonts()
    return float(sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text)))


def font_files() -> Iterable[Path]:
    """The bundled font files (for packaging checks)."""
    return [resource_path(rel) for _, rel, _ in _BUNDLED]
