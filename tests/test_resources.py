"""Resources are found in a checkout, an installed wheel and a frozen (PyInstaller) bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from villagedesk import resources


def _fake_tree(root: Path) -> Path:
    (root / "resources" / "translations").mkdir(parents=True)
    (root / "resources" / "fonts").mkdir()
    (root / "resources" / "fonts" / "x.ttf").write_bytes(b"")
    return root / "resources"


def test_checkout_resources_are_found() -> None:
    assert resources.resource_path("fonts/wqy-microhei.ttc").is_file()
    assert resources.resource_path("data/holidays/2026.json").is_file()


def test_pyinstaller_bundle_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _fake_tree(tmp_path)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert resources.resources_root() == bundle
    assert resources.resource_path("fonts/x.ttf") == bundle / "fonts" / "x.ttf"


def test_installed_wheel_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "villagedesk"
    inside = _fake_tree(package)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert resources.resources_root() == inside


def test_missing_resources_say_where_they_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "nowhere" / "villagedesk")
    with pytest.raises(FileNotFoundError, match="looked in"):
        resources.resources_root()


def test_a_missing_file_is_named() -> None:
    with pytest.raises(FileNotFoundError, match="missing resource: fonts/none.ttf"):
        resources.resource_path("fonts/none.ttf")
