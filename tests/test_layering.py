"""Architecture rules: only villagedesk/ui imports PySide6; services never reach up into ui or cli."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "villagedesk"
LOWER_LAYERS = ("services", "db", "receipts", "sync")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_ui_imports_pyside6() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" != path.relative_to(PACKAGE).parts[0]
        and any(name.split(".")[0] == "PySide6" for name in _imports(path))
    ]
    assert offenders == []


def test_lower_layers_do_not_import_ui_or_cli() -> None:
    offenders = []
    for layer in LOWER_LAYERS:
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(("villagedesk.ui", "villagedesk.cli")):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_server_shares_nothing_from_ui() -> None:
    offenders = [
        str(path) for path in (PACKAGE / "server").rglob("*.py")
        if any(name.startswith(("villagedesk.ui", "PySide6")) for name in _imports(path))
    ]
    assert offenders == []


def test_import_linter_contracts_hold() -> None:
    import subprocess
    import sys

    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True,
                            cwd=PACKAGE.parent, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
