"""Every string a user reads has a Chinese translation, and the built .qm files are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402


def test_every_user_visible_string_has_a_chinese_translation() -> None:
    missing = i18n.missing()
    assert missing == [], "untranslated strings:\n" + "\n".join(
        f"{f}:{line}: [{ctx}] {text}" for ctx, text, f, line in missing)


def test_chinese_is_the_default_and_english_is_available() -> None:
    from villagedesk import i18n as runtime

    assert runtime.language() == "zh_CN"
    assert runtime.tr("auth", "Wrong name or password.") == "姓名或密码不正确。"
    runtime.set_language("en")
    try:
        assert runtime.tr("auth", "Wrong name or password.") == "Wrong name or password."
    finally:
        runtime.set_language("zh_CN")


def test_translations_keep_their_placeholders() -> None:
    import re

    for (ctx, source), translation in i18n.catalogue().items():
        wanted = sorted(re.findall(r"\{[a-z_]*\}", source))
        assert sorted(re.findall(r"\{[a-z_]*\}", translation)) == wanted, (ctx, source, translation)


def test_cli_errors_reach_the_clerk_in_chinese(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "villagedesk", "--data-dir", str(tmp_path), "residents", "search", "x"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "尚未初始化" in result.stderr and "villagedesk setup" in result.stderr
