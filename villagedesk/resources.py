"""Find bundled resources (fonts, translations, data) in a wheel, a frozen bundle or a checkout."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_root() -> Path:
    """The folder holding fonts/, translations/ and data/."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_base:  # PyInstaller (one-file: the unpack dir; one-dir: _internal/)
        candidates.append(Path(frozen_base) / "resources")
    if getattr(sys, "frozen", False):  # other freezers put data next to the executable
        candidates.append(Path(sys.executable).resolve().parent / "resources")
    candidates.append(_PACKAGE_DIR / "resources")  # installed wheel (force-included)
    candidates.append(_PACKAGE_DIR.parent / "resources")  # editable install of a checkout
    for candidate in candidates:
        if (candidate / "translations").is_dir():
            return candidate
    raise FileNotFoundError(
        "VillageDesk resources are missing; looked in: " + ", ".join(str(c) for c in candidates)
    )


def resource_path(rel: str) -> Path:
    path = resources_root() / rel
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {rel} (in {resources_root()})")
    return path
