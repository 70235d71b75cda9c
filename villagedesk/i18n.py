"""Qt-free translation lookup over the same .ts catalogues the UI loads as .qm.

Source strings are English; Chinese (zh_CN) is the default language. Services, the CLI
and printed documents call `tr(context, text)`; the UI uses Qt's own translator.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from pathlib import Path

from villagedesk.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalogue: dict[tuple[str, str], str] | None = None


def set_language(language: str) -> None:
    """Choose 'zh_CN' (default) or 'en'."""
    global _language
    _language = language


def language() -> str:
    return _language


def ts_files(lang: str = DEFAULT_LANGUAGE) -> list[Path]:
    folder = resource_path("translations")
    return sorted(folder.glob(f"*_{lang}.ts"))


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """Read one Qt Linguist .ts file into {(context, source): translation}."""
    entries: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            trans = msg.find("translation")
            if source is None or trans is None or trans.get("type") in ("unfinished", "obsolete"):
                continue
            if trans.text:
                entries[(name, source)] = trans.text
    return entries


def _load() -> dict[tuple[str, str], str]:
    global _catalogue
    with _lock:
        if _catalogue is None:
            merged: dict[tuple[str, str], str] = {}
            for path in ts_files(DEFAULT_LANGUAGE):
                merged.update(load_ts(path))
            _catalogue = merged
        return _catalogue


def tr(context: str, text: str) -> str:
    """Translate `text` in `context` into the current language (English passes through)."""
    if _language == "en":
        return text
    return _load().get((context, text), text)
