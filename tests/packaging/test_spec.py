"""Fast checks of the packaging sources: the spec keeps what the app imports, the installers
keep the data, the icon and the desktop entry are there. (The built .deb: test_deb.py.)"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "installer" / "villagedesk.spec"
ISS = ROOT / "installer" / "windows" / "villagedesk.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
sys.path.insert(0, str(ROOT / "installer"))

import build_linux  # noqa: E402


def _spec_list(name: str) -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return [c.value for c in ast.walk(node.value)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    raise AssertionError(f"{name} not in the spec")


def _qt_modules_imported() -> set[str]:
    found = set()
    for path in (ROOT / "villagedesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return found


def test_the_spec_keeps_every_qt_module_the_app_imports() -> None:
    imported = _qt_modules_imported()
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    excluded = set(_spec_list("QT_UNUSED"))
    assert imported & excluded == set(), "the app imports a Qt module the bundle leaves out"
    assert {"QtQml", "QtQuick", "QtWebEngineCore", "QtNetwork", "QtMultimedia"} <= excluded


def test_the_spec_keeps_the_modules_the_app_needs() -> None:
    excludes = set(_spec_list("EXCLUDES"))
    for needed in ("PIL", "cryptography", "pypdfium2", "alembic", "sqlalchemy", "reportlab",
                   "openpyxl", "pypinyin", "segno", "httpx", "argon2", "platformdirs"):
        assert needed not in excludes, needed


def test_the_icu_trim_keeps_chinese_english_and_the_gbk_converters() -> None:
    items = ["root.res", "pool.res", "res_index.res", "zh.res", "zh_Hans_CN.res", "en.res",
             "de.res", "fr_CA.res", "coll/zh.res", "coll/root.res", "coll/ucadata.icu", "coll/de.res",
             "zone/zh.res", "zone/ja.res", "brkitr/cjdict.dict", "translit/root.res",
             "gb18030.cnv", "windows-936-2000.cnv", "ibm-943_P15A-2003.cnv", "cnvalias.icu",
             "unames.icu", "uts46.nrm", "supplementalData.res", "zoneinfo64.res"]
    dropped = set(build_linux.icu_items_to_drop(items))
    assert dropped == {"de.res", "fr_CA.res", "coll/de.res", "zone/ja.res", "brkitr/cjdict.dict",
                       "translit/root.res", "ibm-943_P15A-2003.cnv"}


def test_the_build_cache_key_follows_the_sources_not_generated_files(tmp_path: Path,
                                                                      monkeypatch) -> None:
    for rel, text in (("villagedesk/app.py", "x = 1"), ("resources/translations/core_zh_CN.ts", "<TS/>"),
                      ("resources/translations/core_zh_CN.qm", "qm"), ("installer/villagedesk.spec", "#"),
                      ("pyproject.toml", "[project]")):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    monkeypatch.setattr(build_linux, "ROOT", tmp_path)
    first = build_linux.source_hash()
    (tmp_path / "resources/translations/core_zh_CN.qm").write_text("rebuilt", encoding="utf-8")
    (tmp_path / "villagedesk/__pycache__").mkdir()
    (tmp_path / "villagedesk/__pycache__/app.cpython-311.pyc").write_text("pyc", encoding="utf-8")
    assert build_linux.source_hash() == first
    (tmp_path / "resources/translations/core_zh_CN.ts").write_text("<TS>changed</TS>", encoding="utf-8")
    assert build_linux.source_hash() != first


def test_the_windows_installer_keeps_the_data_and_installs_for_everyone() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs the UTF-8 BOM for the Chinese texts"
    text = raw.decode("utf-8-sig")
    assert re.search(r"^AppId=\{\{6C1F4E52-7A0B-4C8E-9D3B-2E5A41F0B7D9\}$", text, re.M)  # never change
    assert "PrivilegesRequired=admin" in text and "DefaultDirName={autopf}\\" in text
    assert "MinVersion=10.0.17763" in text and "ArchitecturesAllowed=x64compatible" in text
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in text
    assert "{autoprograms}" in text and "{autodesktop}" in text
    # Only the program folder is cleaned on upgrade; the data folder is deleted only on request.
    install_delete = text.split("[InstallDelete]")[1].split("\n[")[0]
    assert "{app}\\_internal" in install_delete and "localappdata" not in install_delete.lower()
    assert "MB_DEFBUTTON2" in text and "/DELETEDATA" in text
    assert text.count("DelTree(") == 1 and "WantsDataDeleted()" in text
    assert (ROOT / "resources" / "icons" / "villagedesk.ico").exists()


def test_the_windows_workflow_builds_tests_and_keeps_the_installer() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-" in text
    for step in ("installer/villagedesk.spec", "installer\\windows\\villagedesk.iss", "/VERYSILENT",
                 "unins000.exe", "uninstall deleted the data", "actions/upload-artifact"):
        assert step in text, step


def test_the_desktop_entry_is_valid(tmp_path: Path) -> None:
    entry = tmp_path / "villagedesk.desktop"
    entry.write_text(build_linux.DESKTOP_ENTRY, encoding="utf-8")
    assert "Exec=/opt/villagedesk/villagedesk" in build_linux.DESKTOP_ENTRY
    import shutil

    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_icon_is_a_real_picture() -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(ROOT / "resources" / "icons" / "villagedesk.png"))
    assert (image.width(), image.height()) == (256, 256)
    assert image.pixelColor(128, 20).alpha() > 0 and image.pixelColor(2, 2).alpha() == 0  # rounded
