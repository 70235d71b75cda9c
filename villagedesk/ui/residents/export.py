"""Export the resident register to an Excel workbook, off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from villagedesk.services.roster_import import export_residents
from villagedesk.ui.errors import show_message
from villagedesk.ui.modules import UiContext
from villagedesk.ui.text import tr

CTX = "ResidentsUi"


def export_to(ctx: UiContext, path: Path, parent: QWidget | None = None,
              include_inactive: bool = False):  # type: ignore[no-untyped-def]
    def done(count: int) -> None:
        show_message(parent, tr("ResidentsUi", "Export"), tr(
            "ResidentsUi", "{count} residents were written to {path}. The file holds full ID numbers and "
                 "phone numbers: keep it safe and delete it when it is no longer needed.").format(
            count=count, path=str(path)), warning=False)

    return ctx.run_in_worker(
        lambda job: export_residents(ctx.store, path=path, include_inactive=include_inactive),
        on_done=done, title=tr("ResidentsUi", "Exporting residents…"))


def export_residents_dialog(ctx: UiContext, parent: QWidget | None = None) -> None:
    default = ctx.paths.data_dir / tr("ResidentsUi", "residents-{date}.xlsx").format(
        date=ctx.store.clock.today().isoformat())
    path, _ = QFileDialog.getSaveFileName(parent, tr("ResidentsUi", "Export residents to Excel"), str(default),
                                          tr("ResidentsUi", "Excel workbook (*.xlsx)"))
    if path:
        export_to(ctx, Path(path if path.endswith(".xlsx") else path + ".xlsx"), parent)
