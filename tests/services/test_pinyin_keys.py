"""Pinyin search keys: what a clerk types to find a name."""

from __future__ import annotations

import sqlite3

from villagedesk.services.pinyin_keys import (
    MAX_KEYS,
    char_readings,
    pinyin_keys,
    query_key,
    search_text,
)


def test_initials_and_full_pinyin() -> None:
    assert pinyin_keys("张三丰") == (["zsf"], ["zhangsanfeng"])
    assert search_text("张三丰") == " zsf zhangsanfeng "


def test_surnames_take_the_reading_people_use() -> None:
    cases = {
        "曾国藩": ("zgf", "zengguofan"),
        "单雄": ("sx", "shanxiong"),
        "仇英": ("qy", "qiuying"),
        "解缙": ("xj", "xiejin"),
        "区伟": ("ow", "ouwei"),
        "查良镛": ("zly", "zhaliangyong"),
        "朴树": ("ps", "piaoshu"),
        "盖聂": ("gn", "genie"),
        "尉迟恭": ("ycg", "yuchigong"),
        "万俟卨": ("mqx", "moqixie"),
        "缪斌": ("mb", "miaobin"),
        "覃刚": ("qg", "qingang"),
        "翟军": ("zj", "zhaijun"),
        "员明": ("ym", "yunming"),
        "乐毅": ("yy", "yueyi"),
        "吕布": ("lb", "lvbu"),
    }
    for name, (initials_key, full_key) in cases.items():
        initials, full = pinyin_keys(name)
        assert full[0] == full_key, (name, full)
        assert initials[0] == initials_key, (name, initials)
    # The everyday reading of a surname character is not offered for the surname.
    assert not any(k.startswith("ceng") for k in pinyin_keys("曾国藩")[1])
    assert not any(k.startswith("dan") for k in pinyin_keys("单雄")[1])


def test_heteronyms_elsewhere_give_every_reading() -> None:
    initials, full = pinyin_keys("李乐")
    assert "lile" in full and "liyue" in full
    assert "ll" in initials and "ly" in initials
    _, full = pinyin_keys("王长顺")
    assert "wangzhangshun" in full and "wangchangshun" in full


def test_keys_are_capped() -> None:
    initials, full = pinyin_keys("和和和和和和")
    assert 1 <= len(full) <= MAX_KEYS
    assert len(initials) <= MAX_KEYS
    assert full[0] == "hehehehehehe"  # the most likely reading comes first


def test_characters_beyond_the_bmp_do_not_crash() -> None:
    assert pinyin_keys("𠮷祥") == (["jx"], ["jixiang"])
    unknown = "\U0003134a"  # no reading known anywhere: kept as it is
    initials, full = pinyin_keys("王" + unknown)
    assert full[0] == "wang" + unknown
    assert initials[0] == "w" + unknown
    assert char_readings(unknown) == (unknown,)


def test_latin_names_stray_spaces_and_dots() -> None:
    assert pinyin_keys("John Smith") == (["js"], ["johnsmith"])
    assert pinyin_keys(" 张  三 ") == pinyin_keys("张三")
    initials, full = pinyin_keys("阿依古丽·买买提")
    assert full[0] == "ayigulimaimaiti" and initials[0] == "ayglmmt"
    assert pinyin_keys("") == ([], [])
    assert search_text("") == " "


def test_stored_text_is_found_by_prefix_in_sqlite() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("create table r (name text, keys text)")
    names = ["张三丰", "曾国藩", "单雄信", "𠮷祥", "李乐"]
    db.executemany("insert into r values (?, ?)", [(n, search_text(n)) for n in names])

    def find(query: str) -> list[str]:
        rows = db.execute(
            "select name from r where instr(keys, ' ' || ?) > 0 order by name", (query_key(query),)
        )
        return [r[0] for r in rows]

    assert find("zsf") == ["张三丰"]
    assert find("zs") == ["张三丰"]
    assert find("ZhangSan") == ["张三丰"]
    assert find("zgf") == ["曾国藩"]
    assert find("shanx") == ["单雄信"]
    assert find("jix") == ["𠮷祥"]
    assert find("liyue") == ["李乐"] and find("lile") == ["李乐"]
    assert find("sanfeng") == []  # keys start at the surname
    stored = db.execute("select name from r where keys like '% jx%'").fetchone()[0]
    assert stored == "𠮷祥"
