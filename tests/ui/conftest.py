"""UI fixtures: a UiContext over the test store, a main window with a fake idle clock."""

from __future__ import annotations

import pytest

from villagedesk.config import Settings
from villagedesk.ui import errors as ui_errors


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the app would show, collected instead of blocking the test."""
    sink: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_errors, "message_sink", sink)
    return sink


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def ctx(store, actor, settings, paths):  # type: ignore[no-untyped-def]
    from villagedesk.ui.modules import UiContext

    return UiContext(store=store, actor=actor, settings=settings, paths=paths)


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def window(qtbot, store, actor, settings, paths, monotonic, messages):  # type: ignore[no-untyped-def]
    from villagedesk.ui.main_window import MainWindow

    win = MainWindow(store=store, actor=actor, settings=settings, paths=paths, monotonic=monotonic)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "_quiet", True))
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: not win.home.loading, timeout=10000)  # home cards are counted off-thread
    yield win
    qtbot.waitUntil(lambda: not win.home.loading, timeout=10000)
    win.close_quietly()


@pytest.fixture(autouse=True)
def _chinese_services_after_each_test():  # type: ignore[no-untyped-def]
    """Whatever a UI test switched, the services speak Chinese (the default) again afterwards."""
    yield
    from villagedesk import i18n

    i18n.set_language(i18n.DEFAULT_LANGUAGE)
