"""Roster columns: the header words that name each field, labels, and reading cell values.

Shared by reading a roster (`roster_xlsx`) and writing workbooks (`roster_export`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from villagedesk.i18n import tr
from villagedesk.services.idcard import SEX_FEMALE, SEX_MALE, Sex

# Header words per field, compared after removing spaces, punctuation and notes in
# brackets ("身份证号码(18位)" → "身份证号码").
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "household_no": ("户号", "户编号", "户口编号", "户籍编号", "家庭编号", "户序号"),
    "name": ("姓名", "村民姓名", "居民姓名", "成员姓名", "名字", "家庭成员姓名"),
    "relation": ("与户主关系", "与户主的关系", "户主关系", "家庭关系", "关系"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "出生时间", "生日"),
    "id_number": (
        "身份证号码", "公民身份号码", "身份证号", "身份证", "居民身份证号码", "公民身份证号码",
        "证件号码", "身份号码",
    ),
    "phone": ("联系电话", "联系方式", "手机号", "手机号码", "电话", "电话号码", "手机", "联系号码"),
    "village_group": ("所属组", "组别", "村民小组", "小组", "组", "所在组", "组名"),
    "hamlet": ("湾", "湾名", "所属湾", "自然湾", "自然村", "湾组"),
    "grid": ("网格", "所属网格", "网格号", "网格名称"),
    "address": ("地址", "住址", "家庭住址", "现住址", "居住地址", "户籍地址", "家庭地址"),
    "is_party_member": ("党员", "是否党员", "政治面貌"),
    "is_dibao": ("低保", "是否低保", "低保户", "是否低保户"),
    "is_tekun": ("特困", "是否特困", "特困供养", "特困人员", "五保"),
    "is_disabled": ("残疾", "是否残疾", "残疾人", "残疾类别", "残疾等级"),
    "lives_alone": ("独居", "是否独居", "独居老人"),
    "note": ("备注", "说明"),
}  # fmt: skip

REQUIRED_FIELDS = ("name", "id_number")
FLAG_FIELDS = ("is_party_member", "is_dibao", "is_tekun", "is_disabled", "lives_alone")
HEAD_RELATIONS = {"户主", "本人", "户主本人"}
_FALSY = {"", "否", "无", "不是", "非", "N", "NO", "0", "FALSE", "-", "/", "—", "×", "X", "群众"}
_BRACKETS = re.compile(r"[(（\[【<《].*?[)）\]】>》]")
_HEADER_JUNK = re.compile(r"[\s\u3000*＊:：#№.。、\"'“”‘’_\-]+")


def field_label(name: str) -> str:
    """The column's name as a clerk reads it (for a mapping screen and reports)."""
    labels = {
        "seq": tr("Roster", "No."),
        "household_no": tr("Roster", "Household no."),
        "name": tr("Roster", "Name"),
        "relation": tr("Roster", "Relation to head"),
        "sex": tr("Roster", "Sex"),
        "ethnicity": tr("Roster", "Ethnicity"),
        "birth_date": tr("Roster", "Birth date"),
        "id_number": tr("Roster", "ID number"),
        "phone": tr("Roster", "Phone"),
        "village_group": tr("Roster", "Village group"),
        "hamlet": tr("Roster", "Hamlet"),
        "grid": tr("Roster", "Grid"),
        "address": tr("Roster", "Address"),
        "is_party_member": tr("Roster", "Party member"),
        "is_dibao": tr("Roster", "Minimum-income support"),
        "is_tekun": tr("Roster", "Extreme poverty support"),
        "is_disabled": tr("Roster", "Disability"),
        "lives_alone": tr("Roster", "Living alone"),
        "note": tr("Roster", "Remark"),
    }
    return labels.get(name, name)


def kind_label(kind: str) -> str:
    labels = {
        "checksum": tr("Roster", "check character wrong"),
        "birth_date": tr("Roster", "birth date wrong"),
        "format": tr("Roster", "wrong format"),
        "province": tr("Roster", "province code wrong"),
        "duplicate": tr("Roster", "duplicate"),
        "stored_as_number": tr("Roster", "stored as a number"),
        "missing": tr("Roster", "missing"),
        "sex_mismatch": tr("Roster", "sex differs from ID"),
        "birth_date_mismatch": tr("Roster", "birth date differs from ID"),
        "birth_date_unreadable": tr("Roster", "birth date unreadable"),
        "region_unknown": tr("Roster", "region code unknown"),
        "sex_unreadable": tr("Roster", "sex unreadable"),
    }
    return labels.get(kind, kind)


def normalize_header(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = _BRACKETS.sub("", text)
    return _HEADER_JUNK.sub("", text)


def match_header(value: object) -> str | None:
    """The field a header cell names, or None."""
    text = normalize_header(value)
    if not text or len(text) > 12:
        return None
    for name, words in FIELD_SYNONYMS.items():
        if text in words:
            return name
    if "户主" in text and ("姓名" in text or "身份" in text):
        return None  # the head's name/ID repeated on every row is not the person's own
    if "身份证" in text or "身份号码" in text:
        return "id_number"
    if "电话" in text or "手机" in text:
        return "phone"
    if text.startswith("出生"):
        return "birth_date"
    if text.startswith(("户号", "户编号")):
        return "household_no"
    if "关系" in text:
        return "relation"
    return None


def map_headers(cells: Sequence[object]) -> dict[str, int]:
    """{field: 1-based column} for a header row; the first column naming a field wins."""
    mapping: dict[str, int] = {}
    for index, value in enumerate(cells, start=1):
        name = match_header(value)
        if name and name not in mapping:
            mapping[name] = index
    return mapping


def sex_label(sex: str | None) -> str:
    if sex == SEX_MALE:
        return tr("Roster", "male")
    if sex == SEX_FEMALE:
        return tr("Roster", "female")
    return ""


_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_DOTS = re.compile(r"[•・･‧∙⋅.]")


def clean_name(value: object) -> str:
    """Strip stray spaces (also between Chinese characters) and unify the middle dot."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\u3000", " ").strip()
    text = _CJK_GAP.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return _DOTS.sub("·", text) if re.search(r"[^\x00-\x7f]", text) else text


def text_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip()
    return text or None


def parse_sex(value: object) -> Sex | None:
    text = (text_value(value) or "").upper()
    if text in ("男", "男性", "M", "MALE", "1"):
        return SEX_MALE
    if text in ("女", "女性", "F", "FEMALE", "2"):
        return SEX_FEMALE
    return None


_DATE_PARTS = re.compile(
    r"^(\d{4})\s*[年.\-/]?\s*(\d{1,2})(?:\s*[月.\-/]?\s*(\d{1,2})\s*日?)?\s*月?$"
)


def parse_birth(value: object) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) from a 出生日期/出生年月 cell, or None when unreadable."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.year, value.month, value.day
    text = text_value(value)
    if not text:
        return None
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit() and len(text) in (6, 8):
        text = text[:4] + "." + text[4:6] + ("." + text[6:] if len(text) == 8 else "")
    match = _DATE_PARTS.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return year, month, day


def parse_flag(field_name: str, value: object) -> bool:
    text = (text_value(value) or "").upper()
    if field_name == "is_party_member" and text and "党员" in text:
        return not text.startswith("非")
    return text not in _FALSY


def export_header(name: str) -> str:
    """The Chinese header word written for a field (one that match_header maps back)."""
    words = {
        "household_no": "户号", "name": "姓名", "relation": "与户主关系", "sex": "性别",
        "ethnicity": "民族", "birth_date": "出生日期", "id_number": "身份证号码",
        "phone": "联系电话", "village_group": "所属组", "hamlet": "湾", "grid": "网格",
        "address": "住址", "is_party_member": "党员", "is_dibao": "低保", "is_tekun": "特困",
        "is_disabled": "残疾", "lives_alone": "独居", "note": "备注", "seq": "序号",
    }  # fmt: skip
    return words.get(name, name)
