"""Pinyin search keys for names: initials (张三丰 → zsf) and full pinyin (zhangsanfeng).

The surname takes the reading people use for it as a surname (曾 zeng, 单 shan, 尉迟
yuchi); every other character contributes all its readings, so a clerk finds 乐 whether
they type le or yue. The alternatives are capped so that a name never yields more than
a handful of keys. Characters without a reading (such as 𠮷 beyond the BMP, or Latin
letters) are kept as they are.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

# Surnames read differently from the character's everyday reading. The first reading
# is the usual one; some surnames really have two.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "仇": ("qiu",), "解": ("xie",), "区": ("ou",),
    "查": ("zha",), "朴": ("piao",), "盖": ("ge", "gai"), "缪": ("miao",), "覃": ("qin", "tan"),
    "翟": ("zhai",), "员": ("yun",), "乐": ("yue", "le"), "尉": ("wei",), "召": ("shao",),
    "折": ("she",), "秘": ("bi",), "繁": ("po",), "种": ("chong",), "冼": ("xian",),
    "隗": ("wei",), "句": ("gou",), "阚": ("kan",), "柏": ("bai",), "华": ("hua",),
    "纪": ("ji",), "过": ("guo",), "那": ("na",), "宓": ("mi",), "眭": ("sui",),
    "蕃": ("pi",), "黑": ("he",), "能": ("nai",), "逄": ("pang",), "郇": ("huan",),
    "朝": ("chao",), "相": ("xiang",), "燕": ("yan",), "卜": ("bu",), "薄": ("bo",),
    "贲": ("ben",), "车": ("che",), "重": ("chong",), "葛": ("ge",), "谌": ("chen",),
    "訾": ("zi",), "藉": ("ji",), "角": ("jue",), "都": ("du",), "强": ("qiang",),
    "行": ("xing", "hang"), "颉": ("xie",), "石": ("shi",), "叶": ("ye",), "莘": ("shen",),
    "曲": ("qu",), "粘": ("nian",), "长": ("chang",), "沈": ("shen",), "任": ("ren",),
    "费": ("fei",), "褚": ("chu",), "宁": ("ning",), "盛": ("sheng",),
    "屈": ("qu",), "应": ("ying",), "便": ("pian",), "难": ("nan",), "率": ("shuai",),
    "万": ("wan",), "祭": ("zhai",), "佴": ("nai",), "阿": ("a",),
    "大": ("da",), "厦": ("sha",), "校": ("xiao",), "传": ("chuan",), "殷": ("yin",),
    "恽": ("yun",), "樊": ("fan",), "尚": ("shang",), "禚": ("zhuo",), "貟": ("yun",),
}  # fmt: skip

# Two-character surnames whose characters read differently together.
COMPOUND_SURNAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "尉迟": (("yu",), ("chi",)),
    "万俟": (("mo",), ("qi",)),
    "长孙": (("zhang",), ("sun",)),
    "单于": (("chan",), ("yu",)),
    "澹台": (("tan",), ("tai",)),
    "乐正": (("yue",), ("zheng",)),
    "令狐": (("ling",), ("hu",)),
    "宰父": (("zai",), ("fu",)),
    "亓官": (("qi",), ("guan",)),
    "长乐": (("chang",), ("le",)),
}

# Characters beyond pypinyin's dictionary that appear in names.
EXTRA_READINGS: dict[str, tuple[str, ...]] = {
    "𠮷": ("ji",),
}

MAX_KEYS = 8  # per kind (initials / full) per name
_MAX_COMBINATIONS = 64
_SEPARATORS = set(" \t\u3000·•・･.-_()（）")


@lru_cache(maxsize=65536)
def char_readings(ch: str) -> tuple[str, ...]:
    """All readings of one character without tones, most common first.

    A character with no reading yields itself (lower-cased), so 𠮷 or a Latin letter
    stays in the key intact; separators yield nothing.
    """
    if ch in _SEPARATORS or ch.isspace():
        return ()
    if ch in EXTRA_READINGS:
        return EXTRA_READINGS[ch]
    if ch.isascii():
        return (ch.lower(),) if ch.isalnum() else ()
    # Imported on first use, not at app start: loading its dictionaries takes a noticeable time.
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")
    found: list[str] = []
    for reading in readings[0] if readings else ():
        reading = reading.lower()
        if reading and reading != ch and reading not in found and reading.isascii():
            found.append(reading)
    if not found:
        return (ch.lower(),)
    return tuple(found)


def _positions(name: str) -> list[list[tuple[str, ...]]]:
    """Alternative parses of a name: each is a list of reading-tuples, one per character."""
    chars = _tokens(name)
    if not chars:
        return []
    parses: list[list[tuple[str, ...]]] = []
    rest = [char_readings(c) if len(c) == 1 else (c,) for c in chars]
    two = "".join(chars[:2])
    if len(chars) > 2 and two in COMPOUND_SURNAMES:
        compound = list(COMPOUND_SURNAMES[two])
        parses.append(compound + rest[2:])
    first = SURNAME_READINGS.get(chars[0], rest[0])
    parses.append([first, *rest[1:]])
    return parses


def _tokens(name: str) -> list[str]:
    """Characters of a name; a run of Latin letters or digits counts as one word."""
    tokens: list[str] = []
    word = ""
    for ch in unicodedata.normalize("NFC", name):
        if ch.isascii() and ch.isalnum():
            word += ch.lower()
            continue
        if word:
            tokens.append(word)
            word = ""
        if char_readings(ch):
            tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens


def _combos(positions: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Reading combinations, the most likely (lowest reading ranks) first, capped."""
    limited = [list(p) for p in positions]
    # Trim the rarest readings of the most ambiguous characters until the product is small.
    while _product(limited) > _MAX_COMBINATIONS:
        widest = max(range(len(limited)), key=lambda i: len(limited[i]))
        limited[widest].pop()
    ranked = sorted(
        itertools.product(*(list(enumerate(p)) for p in limited)),
        key=lambda combo: (sum(i for i, _ in combo), [i for i, _ in combo]),
    )
    return [tuple(r for _, r in combo) for combo in ranked]


def _product(lists: list[list[str]]) -> int:
    total = 1
    for item in lists:
        total *= max(len(item), 1)
    return total


@lru_cache(maxsize=4096)
def name_keys(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(initials keys, full-pinyin keys) for a name, most likely first, at most MAX_KEYS each."""
    initials: list[str] = []
    full: list[str] = []
    for parse in _positions(name or ""):
        for combo in _combos(parse):
            key_full = "".join(combo)
            key_initials = "".join(r[0] for r in combo)
            if key_full not in full and len(full) < MAX_KEYS:
                full.append(key_full)
            if key_initials not in initials and len(initials) < MAX_KEYS:
                initials.append(key_initials)
            if len(full) >= MAX_KEYS and len(initials) >= MAX_KEYS:
                break
    return tuple(initials), tuple(full)


def pinyin_keys(name: str) -> tuple[list[str], list[str]]:
    """(initials_keys, full_keys) as lists, e.g. 张三丰 → (['zsf'], ['zhangsanfeng'])."""
    initials, full = name_keys(name)
    return list(initials), list(full)


def search_text(name: str) -> str:
    """One string for an indexed column: ' zsf zhangsanfeng '.

    Each key is preceded by a space, so `instr(col, ' ' || :q) > 0` (or
    `LIKE '% ' || :q || '%'`) finds a name by any key's prefix.
    """
    initials, full = name_keys(name)
    tokens: list[str] = []
    for key in (*initials, *full):
        if key not in tokens:
            tokens.append(key)
    if not tokens:
        return " "
    return " " + " ".join(tokens) + " "


def query_key(query: str) -> str:
    """A typed pinyin query in the form keys are stored: lower-case, no spaces or apostrophes."""
    text = unicodedata.normalize("NFKC", query).lower()
    return "".join(c for c in text if c.isalnum() and c != "'")
