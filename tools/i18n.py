"""Translation upkeep: list user-visible strings that lack a Chinese translation, add entries.

    python tools/i18n.py missing            # every tr()/translate() literal without zh_CN text
    python tools/i18n.py add AREA FILE.json # merge {"Context": {"English": "中文"}} into AREA_zh_CN.ts
"""

from __future__ import annotations

import ast
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
CALL_NAMES = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def extract(src_root: Path = ROOT / "villagedesk") -> list[tuple[str, str, str, int]]:
    """(context, source, file, line) for each tr/translate call with literal arguments."""
    found = []
    for path in sorted(src_root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in CALL_NAMES:
                continue
            ctx, text = node.args[0], node.args[1]
            if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str) and \
                    isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.append((ctx.value, text.value, str(path.relative_to(ROOT)), node.lineno))
    return found


def catalogue() -> dict[tuple[str, str], str]:
    sys.path.insert(0, str(ROOT))
    from villagedesk.i18n import load_ts

    merged: dict[tuple[str, str], str] = {}
    for ts in sorted(TS_DIR.glob("*_zh_CN.ts")):
        merged.update(load_ts(ts))
    return merged


def missing() -> list[tuple[str, str, str, int]]:
    cat = catalogue()
    return [item for item in extract() if (item[0], item[1]) not in cat]


def add(area: str, entries: dict[str, dict[str, str]]) -> Path:
    path = TS_DIR / f"{area}_zh_CN.ts"
    if path.exists():
        root = ET.parse(path).getroot()
    else:
        root = ET.Element("TS", version="2.1", language="zh_CN")
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for ctx_name, messages in entries.items():
        ctx = contexts.get(ctx_name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
        existing = {m.findtext("source"): m for m in ctx.iter("message")}
        for source, translation in messages.items():
            msg = existing.get(source)
            if msg is None:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = source
                ET.SubElement(msg, "translation")
            trans = msg.find("translation")
            assert trans is not None
            trans.text = translation
            trans.attrib.pop("type", None)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return path


if __name__ == "__main__":
    if sys.argv[1:2] == ["missing"]:
        items = missing()
        for ctx, text, file, line in items:
            print(f"{file}:{line}: [{ctx}] {text}")
        sys.exit(1 if items else 0)
    elif sys.argv[1:2] == ["add"]:
        print(add(sys.argv[2], json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))))
    else:
        print(__doc__)
        sys.exit(2)
