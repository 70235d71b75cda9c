"""Build the fallback CJK fonts shipped in resources/fonts/ from the Hanazono Mincho fonts.

WenQuanYi Micro Hei (the main font) has no CJK Extension A and nothing outside the BMP.
HanaMinA/HanaMinB cover them but weigh 53 MB together, so this script keeps only the
characters a village hall is likely to print (see ``tools/fallback_font_chars.txt``,
whose header says how each tier is chosen) and writes two TrueType subsets:

* ``resources/fonts/VDFallbackA.ttf`` - glyphs taken from HanaMinA.ttf
* ``resources/fonts/VDFallbackB.ttf`` - glyphs taken from HanaMinB.ttf

The subsets are renamed ("VillageDesk Fallback A/B") so no reserved font name of the
Hanazono fonts is reused; they are distributed under the Hanazono Font License
(see resources/fonts/LICENSE-Hanazono.txt).

Usage:
    # regenerate the character list from the Unihan database (Unicode >= 13, for kTGH)
    python tools/make_fallback_font.py --unihan /path/to/Unihan_dir_or_zip --write-list
    # build the fonts from the committed list (Debian: apt-get install fonts-hanazono)
    python tools/make_fallback_font.py
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
LIST_PATH = ROOT / "tools" / "fallback_font_chars.txt"
OUT_DIR = ROOT / "resources" / "fonts"
HANA_DIR = Path("/usr/share/fonts/truetype/hanazono")
MAIN_FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"

# Total bytes allowed for the two fallback files (the main font is ~5.2 MB; the
# project keeps all committed fonts at or under ~12 MB).
DEFAULT_BUDGET = 6_600_000

EXT_A = range(0x3400, 0x4DC0)
URO = range(0x4E00, 0xA000)
COMPAT = range(0xF900, 0xFB00)

# G-source prefixes (UAX #38) that come from present-day Chinese use rather than
# historical dictionaries: the public-security ID system, place-name and publishing
# character sets, modern dictionaries and newspapers.
MODERN_G_PREFIXES = {
    "GIDC", "GPGLG", "GCYY", "GDM", "GFZ", "GKJ", "GXC", "GXH", "GXHZ", "GGFZ", "GRM",
    "GWZ", "GFC", "GZYS", "GOCD", "GHF", "GDZ", "GLGYJ", "GBK", "GCE", "GU", "G3",
}

# Characters that must be there whatever the data says (test fixtures, known name chars).
MUST_HAVE = [0x20BB7]  # 𠮷, the usual example of an Extension-B name character

HEADER = """\
# Characters covered by resources/fonts/VDFallbackA.ttf and VDFallbackB.ttf, made by
# tools/make_fallback_font.py from Unihan (Unicode {uver}) and the Hanazono Mincho fonts.
# Format: code point, tier, character.  Ranges are written as U+XXXX..U+YYYY.
# Tiers, in order of priority (later tiers are cut first when the size budget is reached):
#   A0  all of CJK Extension A, URO and compatibility ideographs missing from
#       WenQuanYi Micro Hei (e.g. 䶮 U+4DAE)
#   T1  supplementary-plane characters of the 通用规范汉字表 (kTGH; 196 characters),
#       those read in the 现代汉语词典 (kXHC1983), and 𠮷 U+20BB7
#   T2  supplementary-plane characters whose China (G) source is a modern-use set:
#       {prefixes}
#   T3  supplementary-plane characters from HKSCS (H), Macau (M) and JIS X 0213 (J3/J4):
#       characters that modern registries needed for personal and place names
#   T4  other supplementary-plane characters with a Mandarin reading (kMandarin),
#       most widely attested (number of IRG sources) first, until the size budget is used
"""


def read_unihan(path: Path) -> dict[int, dict[str, str]]:
    data: dict[int, dict[str, str]] = defaultdict(dict)

    def feed(lines):
        for line in lines:
            if not line.startswith("U+"):
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            data[int(cp[2:], 16)][field] = value

    if path.is_dir():
        for f in sorted(path.glob("Unihan_*.txt")):
            with f.open(encoding="utf-8") as fh:
                feed(fh)
    else:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".txt"):
                    feed(io.TextIOWrapper(z.open(name), encoding="utf-8"))
    return data


def g_prefix(value: str) -> str:
    m = re.match(r"G[A-Z]*[0-9]?", value)
    return m.group(0) if m else value


def choose(unihan: dict[int, dict[str, str]], cmap_a, cmap_b, main_cmap) -> list[tuple[int, str]]:
    def sip(cp: int) -> bool:
        return cp >= 0x20000 and (cp in cmap_a or cp in cmap_b)

    chosen: dict[int, str] = {}
    for cp in [*EXT_A, *URO, *COMPAT]:
        if cp not in main_cmap and cp in cmap_a:
            chosen[cp] = "A0"
    for cp in MUST_HAVE:
        chosen.setdefault(cp, "T1")
    for cp, f in unihan.items():
        if sip(cp) and ("kTGH" in f or "kXHC1983" in f):
            chosen.setdefault(cp, "T1")
    for cp, f in sorted(unihan.items()):
        if sip(cp) and g_prefix(f.get("kIRG_GSource", "")) in MODERN_G_PREFIXES:
            chosen.setdefault(cp, "T2")
    for cp, f in sorted(unihan.items()):
        if not sip(cp):
            continue
        j = f.get("kIRG_JSource", "")
        if "kIRG_HSource" in f or "kIRG_MSource" in f or j.startswith(("J3", "J4")):
            chosen.setdefault(cp, "T3")
    rest = [
        (cp, f) for cp, f in unihan.items()
        if sip(cp) and cp not in chosen and "kMandarin" in f
    ]
    rest.sort(key=lambda item: (-sum(k.startswith("kIRG_") for k in item[1]), item[0]))
    for cp, _ in rest:
        chosen[cp] = "T4"
    return sorted(chosen.items(), key=lambda item: (item[1], item[0]))


def glyph_sizes(font: TTFont) -> dict[int, int]:
    """Bytes of outline data per code point (from loca), to stay within the budget."""
    loca = font["loca"]
    order = font.getGlyphOrder()
    index = {name: i for i, name in enumerate(order)}
    sizes = {}
    for cp, name in font.getBestCmap().items():
        i = index[name]
        sizes[cp] = loca[i + 1] - loca[i] + 12  # + hmtx, loca, cmap overhead
    return sizes


def write_list(entries: list[tuple[int, str]], uver: str) -> None:
    lines = [HEADER.format(uver=uver, prefixes=", ".join(sorted(MODERN_G_PREFIXES)))]
    a0 = sorted(cp for cp, tier in entries if tier == "A0")
    start = prev = None
    for cp in a0 + [None]:
        if start is not None and (cp is None or cp != prev + 1):
            lines.append(f"U+{start:04X}..U+{prev:04X}\tA0\n" if start != prev else f"U+{start:04X}\tA0\t{chr(start)}\n")
            start = None
        if cp is not None and start is None:
            start = cp
        prev = cp
    for cp, tier in entries:
        if tier != "A0":
            lines.append(f"U+{cp:04X}\t{tier}\t{chr(cp)}\n")
    LIST_PATH.write_text("".join(lines), encoding="utf-8")


def read_list() -> list[tuple[int, str]]:
    out = []
    for line in LIST_PATH.read_text(encoding="utf-8").splitlines():
        if not line.startswith("U+"):
            continue
        parts = line.split("\t")
        if ".." in parts[0]:
            lo, hi = (int(x[2:], 16) for x in parts[0].split(".."))
            out.extend((cp, parts[1]) for cp in range(lo, hi + 1))
        else:
            out.append((int(parts[0][2:], 16), parts[1]))
    return out


def make_subset(src: Path, cps: list[int], family: str, out: Path) -> int:
    font = TTFont(src)
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    opts.drop_tables += ["FFTM", "vhea", "vmtx"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=cps)
    sub.subset(font)
    name = font["name"]
    ps = family.replace(" ", "")
    for rec in list(name.names):
        if rec.nameID in (1, 4):
            name.setName(family, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 3:
            name.setName(f"{ps}-subset", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            name.setName(ps, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 5:
            name.setName("subset of Hanazono Mincho 20170904 by tools/make_fallback_font.py",
                         rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    return out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--unihan", type=Path, help="Unihan directory or Unihan.zip (regenerates the list)")
    ap.add_argument("--unicode-version", default="14.0.0")
    ap.add_argument("--write-list", action="store_true", help="write tools/fallback_font_chars.txt")
    ap.add_argument("--hanazono", type=Path, default=HANA_DIR)
    ap.add_argument("--budget", type=int, default=DEFAULT_BUDGET, help="bytes for both files")
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="folder for the .ttf files")
    args = ap.parse_args(argv)

    font_a = TTFont(args.hanazono / "HanaMinA.ttf")
    font_b = TTFont(args.hanazono / "HanaMinB.ttf")
    cmap_a, cmap_b = font_a.getBestCmap(), font_b.getBestCmap()

    if args.unihan:
        main_cmap = TTCollection(str(MAIN_FONT)).fonts[0].getBestCmap()
        entries = choose(read_unihan(args.unihan), cmap_a, cmap_b, main_cmap)
        size_a, size_b = glyph_sizes(font_a), glyph_sizes(font_b)
        used, kept = 0, []
        for cp, tier in entries:
            cost = size_a.get(cp) or size_b.get(cp) or 0
            if tier == "T4" and used + cost > args.budget:
                break
            used += cost
            kept.append((cp, tier))
        entries = kept
        if args.write_list:
            write_list(entries, args.unicode_version)
    else:
        entries = read_list()

    in_a = sorted(cp for cp, _ in entries if cp in cmap_a)
    in_b = sorted(cp for cp, _ in entries if cp not in cmap_a and cp in cmap_b)
    del font_a, font_b
    total = make_subset(args.hanazono / "HanaMinA.ttf", in_a, "VillageDesk Fallback A", args.out / "VDFallbackA.ttf")
    total += make_subset(args.hanazono / "HanaMinB.ttf", in_b, "VillageDesk Fallback B", args.out / "VDFallbackB.ttf")
    tiers: dict[str, int] = defaultdict(int)
    for _, tier in entries:
        tiers[tier] += 1
    print(f"A: {len(in_a)} chars, B: {len(in_b)} chars, {total:,} bytes; tiers {dict(sorted(tiers.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
