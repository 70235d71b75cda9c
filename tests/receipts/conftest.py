"""Receipts tests use only the bundled fonts, so results do not depend on the PC's fonts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from villagedesk.receipts import fonts


@pytest.fixture(autouse=True)
def bundled_fonts_only() -> Iterator[None]:
    fonts.set_system_fonts(False)
    yield
    fonts.set_system_fonts(True)
