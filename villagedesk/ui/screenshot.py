"""Render one page or dialog offscreen to a PNG (for docs/screenshots and visual checks)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from villagedesk.services.auth import actor_for
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)
DIALOG_PAGES = ("setup", "signin", "settings", "about", "lock")


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def wait_for_home(window, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + timeout
    while window.home.loading and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def _save(widget: QWidget, out: Path) -> int:
    _settle()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        log.error("could not write %s", out)
        return 1
    _shrink(out)
    print(out)
    return 0


def _shrink(path: Path) -> None:
    """128-colour palette PNG: a third of the size, text stays crisp (screens are flat colours)."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                              dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def render(shell, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    out = Path(args.screenshot)
    width, height = _size(args.size)
    page = args.page or "home"
    store = shell.store
    if page == "setup" or not store.is_set_up:
        from villagedesk.ui.auth_dialogs import SetupDialog

        dialog = SetupDialog(store)
        dialog.show()
        return _save(dialog, out)
    if page == "signin":
        from villagedesk.ui.auth_dialogs import SignInDialog

        dialog = SignInDialog(store)
        dialog.show()
        return _save(dialog, out)
    if not args.demo_login or not store.identity.is_demo:
        import sys

        print(tr("auth", "--demo-login works only on a demo database. Sign in with "
                         "your name and password."), file=sys.stderr)
        return 2
    window = shell.open_window(actor_for(store), show=False)
    window.resize(width, height)
    window.show()
    wait_for_home(window)
    _settle()
    if page in ("settings", "about"):
        dialog = shell.settings_dialog() if page == "settings" else None
        if dialog is None:
            from villagedesk.ui.settings_dialog import AboutDialog

            dialog = AboutDialog(store, shell.paths, window)
        dialog.show()
        return _save(dialog, out)
    if page == "lock":
        window.lock()
        return _save(window, out)
    if page not in window.pages:
        print(f"unknown page {page}; pages: {', '.join(sorted(window.pages))}")
        return 2
    window.navigate(page)
    widget = window.current_page()
    if hasattr(widget, "prepare_screenshot"):
        extra = widget.prepare_screenshot()
        _settle()
        if isinstance(extra, QWidget):  # a page may show a dialog of its own
            return _save(extra, out)
    code = _save(window, out)
    window.close_quietly()
    QApplication.processEvents()
    return code


def render_all(shell, out_dir: Path, *, pages: list[str] | None = None, suffix: str = "",  # type: ignore[no-untyped-def]
               size: str = "1366x768", roster: Path | None = None) -> list[Path]:
    """Every page the administrator can reach (all modules from the registry) plus the dialogs."""
    from villagedesk.ui.auth_dialogs import SetupDialog, SignInDialog
    from villagedesk.ui.settings_dialog import AboutDialog

    width, height = _size(size)
    store = shell.store
    window = shell.open_window(actor_for(store), show=False)
    window.resize(width, height)
    window.show()
    wait_for_home(window)
    _settle()
    written: list[Path] = []
    keys = pages or ["home", *[k for k in window.pages if k != "home"], "lock", "setup", "signin",
                     "settings", "about", *(["residents.import"] if roster else [])]

    def save(widget: QWidget, key: str) -> None:
        path = out_dir / f"{key}{suffix}.png"
        if _save(widget, path) == 0:
            written.append(path)

    for key in keys:
        try:
            if key in ("setup", "signin", "settings", "about"):
                dialog = {"setup": lambda: SetupDialog(store), "signin": lambda: SignInDialog(store),
                          "settings": shell.settings_dialog,
                          "about": lambda: AboutDialog(store, shell.paths, window)}[key]()
                dialog.show()
                save(dialog, key)
                dialog.close()
            elif key == "lock":
                window.lock()
                save(window, key)
                window.unlock()
            elif key == "residents.import" and roster is not None:
                save(_import_wizard(window, roster), key)
            else:
                window.navigate(key)
                widget = window.current_page()
                extra = widget.prepare_screenshot() if hasattr(widget, "prepare_screenshot") else None
                _settle()
                save(extra if isinstance(extra, QWidget) else window, key)
                if isinstance(extra, QWidget):
                    extra.close()
        except Exception:
            log.exception("screenshot of %s failed", key)
            print(f"screenshot of {key} failed; see the log file")
    window.close_quietly()
    return written


def _import_wizard(window, roster: Path) -> QWidget:  # type: ignore[no-untyped-def]
    import time

    from villagedesk.ui.residents.import_wizard import ImportWizard

    wizard = ImportWizard(window.ctx, window)
    wizard.show()
    wizard.file_page.path.setText(str(roster))
    wizard.next()
    wizard.next()
    deadline = time.monotonic() + 20
    while wizard.dry_run_page.report is None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    return wizard


def main(argv: list[str] | None = None) -> int:
    """`python -m villagedesk.ui.screenshot --data-dir D --out docs/screenshots` (used by make)."""
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--pages", default="")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--font-size", default="standard")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--roster")
    args = parser.parse_args(argv)

    from villagedesk.bootstrap import open_store
    from villagedesk.config import Paths, Settings, setup_logging
    from villagedesk.ui.appearance import apply_font_size, install_translators
    from villagedesk.ui.shell import Shell

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = Paths.default(args.data_dir)
    setup_logging(paths)
    settings = Settings(language=args.lang, font_size=args.font_size)
    install_translators(app, settings.language)  # type: ignore[arg-type]
    apply_font_size(app, settings.font_size)  # type: ignore[arg-type]
    store = open_store(paths)
    try:
        if not store.identity.is_demo:
            print("screenshots are taken of a demo database only")
            return 2
        shell = Shell(app, store=store, paths=paths, settings=settings)  # type: ignore[arg-type]
        written = render_all(shell, Path(args.out), pages=[p for p in args.pages.split(",") if p] or None,
                             suffix=args.suffix, size=args.size,
                             roster=Path(args.roster) if args.roster else None)
        return 0 if written else 1
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
