"""Import a roster workbook: choose the file, check the columns, see the errors, import (all or nothing)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from villagedesk.errors import DomainError
from villagedesk.services import roster_import
from villagedesk.services.roster_fields import (
    FIELD_SYNONYMS,
    REQUIRED_FIELDS,
    field_label,
    kind_label,
)
from villagedesk.services.roster_xlsx import RosterLayout, RosterReport, RowIssue, detect_layout
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.table_view import RowTableView
from villagedesk.ui.text import tr
from villagedesk.ui.workers import WorkerHandle

CTX = "ResidentsUi"
SAMPLE_ROWS = 3


class RowIssuesTableModel(BaseTableModel[RowIssue]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("row", QT_TRANSLATE_NOOP("ResidentsUi", "Row"), align="right"),
            Column("name", QT_TRANSLATE_NOOP("ResidentsUi", "Name"), getter=lambda r: r.name or ""),
            Column("field", QT_TRANSLATE_NOOP("ResidentsUi", "Column"), getter=lambda r: field_label(r.field)),
            Column("kind", QT_TRANSLATE_NOOP("ResidentsUi", "Problem"), getter=lambda r: kind_label(r.kind)),
            Column("message", QT_TRANSLATE_NOOP("ResidentsUi", "What to do"), getter=lambda r: r.message,
                   tooltip=lambda r: r.message),
        ], context=CTX, parent=parent)


def sample_values(layout: RosterLayout, path: Path) -> dict[int, list[str]]:
    """{column: first few values under the header} for the mapping preview."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = workbook[layout.sheet]
        samples: dict[int, list[str]] = {}
        for cells in ws.iter_rows(min_row=layout.header_row + 1,
                                  max_row=layout.header_row + SAMPLE_ROWS, values_only=True):
            for index, value in enumerate(cells, start=1):
                samples.setdefault(index, []).append("" if value is None else str(value))
        return samples
    finally:
        workbook.close()


class ChooseFilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("ResidentsUi", "1. Choose the roster workbook"))
        self.setSubTitle(tr("ResidentsUi", "An Excel file (.xlsx) with one row per resident. The columns are "
                                 "found by their headings."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(tr("ResidentsUi", "Choose…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("ResidentsUi", "Choose the roster workbook"),
                                              str(self.w.ctx.paths.data_dir),
                                              tr("ResidentsUi", "Excel workbook (*.xlsx)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.message.setText(tr("ResidentsUi", "There is no file at this place. Choose it again."))
            return False
        try:
            layout = detect_layout(path)
        except DomainError as exc:
            self.message.setText(exc.message)
            return False
        self.message.clear()
        self.w.path, self.w.roster_layout = path, layout
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("ResidentsUi", "2. Check the columns"))
        self.setSubTitle(tr("ResidentsUi", "For each item, the column of the workbook it is read from. Correct "
                                 "a wrong one; name and ID number are needed."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("ResidentsUi", "Item"), tr("ResidentsUi", "Column in the workbook"),
                                              tr("ResidentsUi", "First values")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802
        layout = self.w.roster_layout
        assert layout is not None and self.w.path is not None
        samples = sample_values(layout, self.w.path)
        fields = [f for f in FIELD_SYNONYMS if f != "seq"]
        self.table.setRowCount(len(fields))
        self.combos = {}
        for row, name in enumerate(fields):
            label = field_label(name) + (" *" if name in REQUIRED_FIELDS else "")
            self.table.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox()
            combo.addItem(tr("ResidentsUi", "— not in the workbook —"), None)
            for column, header in sorted(layout.headers.items()):
                combo.addItem(f"{_letter(column)}：{header}", column)
            current = layout.columns.get(name)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._update_sample(r))
            self.table.setCellWidget(row, 1, combo)
            self.combos[name] = combo
            self._samples = samples
            self._update_sample(row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _update_sample(self, row: int) -> None:
        combo = self.table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        column = combo.currentData()
        text = "、".join(v for v in self._samples.get(column, []) if v) if column else ""
        self.table.setItem(row, 2, QTableWidgetItem(text))

    def mapping(self) -> dict[str, int]:
        return {name: combo.currentData() for name, combo in self.combos.items()
                if combo.currentData() is not None}

    def validatePage(self) -> bool:  # noqa: N802
        mapping = self.mapping()
        missing = [field_label(f) for f in REQUIRED_FIELDS if f not in mapping]
        if missing:
            self.message.setText(tr("ResidentsUi", "Choose the column for: {fields}.").format(
                fields="、".join(missing)))
            return False
        assert self.w.roster_layout is not None
        self.w.roster_layout = dataclasses.replace(self.w.roster_layout, columns=mapping)
        return True


class DryRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("ResidentsUi", "3. Check the rows (nothing is saved yet)"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowIssuesTableModel(self)
        self.table = RowTableView()
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.skip = QCheckBox(tr("ResidentsUi", "Import only the valid rows; the rows with errors are listed in "
                                      "an error report beside the workbook"))
        self.skip.toggled.connect(self.completeChanged)
        layout.addWidget(self.skip)
        self.report: RosterReport | None = None
        self.already_present = 0
        self.handle: WorkerHandle | None = None

    def initializePage(self) -> None:  # noqa: N802
        self.report = None
        self.skip.setChecked(False)
        self.summary.setText(tr("ResidentsUi", "Reading the workbook…"))
        self.model.set_rows([])
        ctx, path, layout = self.w.ctx, self.w.path, self.w.roster_layout

        def work(_job: Any) -> roster_import.ImportOutcome:
            report = roster_import.preview_roster(ctx.store, path=path, mapping=layout)
            return roster_import.import_roster(ctx.store, actor=ctx.actor, path=path, report=report,
                                               dry_run=True)

        self.handle = ctx.run_in_worker(work, on_done=self._done, on_error=self._failed)

    def _done(self, outcome: roster_import.ImportOutcome) -> None:
        report = outcome.report
        self.report, self.already_present = report, outcome.already_present
        self.model.set_rows(report.errors)
        self.table.fit_columns()
        self.table.setWordWrap(True)  # the "what to do" text is long; show all of it
        self.table.resizeRowsToContents()
        self.summary.setText(tr(
            "ResidentsUi", "{rows} rows read: {valid} can be imported, {errors} have errors, {present} are "
                 "registered already and will be left as they are.").format(
            rows=report.data_rows, valid=report.valid_rows, errors=len(report.errors),
            present=outcome.already_present))
        self.skip.setVisible(bool(report.errors))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(exc.message if isinstance(exc, DomainError) else
                             tr("ResidentsUi", "The workbook could not be read. Details are in the log file."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        if self.report is None or self.report.valid_rows == 0:
            return False
        return not self.report.errors or self.skip.isChecked()


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(tr("ResidentsUi", "4. Import"))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.bar = QProgressBar()
        layout.addWidget(self.bar)
        self.cancel_button = QPushButton(tr("ResidentsUi", "Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        self.handle: WorkerHandle | None = None
        self.outcome: roster_import.ImportOutcome | None = None
        self.finished = False

    def initializePage(self) -> None:  # noqa: N802
        self.finished, self.outcome = False, None
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("ResidentsUi", "Importing… You can cancel; then nothing is imported."))
        ctx, dry = self.w.ctx, self.w.dry_run_page
        report, skip = dry.report, dry.skip.isChecked()
        path = self.w.path

        def work(job: Any) -> roster_import.ImportOutcome:
            return roster_import.import_roster(
                ctx.store, actor=ctx.actor, path=path, report=report, skip_invalid=skip,
                progress=job.report, cancel=job.cancelled)

        self.handle = ctx.run_in_worker(work, on_done=self._done, on_error=self._failed,
                                        progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("ResidentsUi", "Cancelling…"))

    def _done(self, outcome: roster_import.ImportOutcome) -> None:
        self.outcome, self.finished = outcome, True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        text = tr("ResidentsUi", "Done: {imported} residents imported, {households} new households, "
                       "{present} were registered already.").format(
            imported=outcome.imported, households=outcome.households_created,
            present=outcome.already_present)
        if outcome.error_report:
            text += "\n" + tr("ResidentsUi", "The rows with errors are listed in {path}.").format(
                path=str(outcome.error_report))
        self.status.setText(text)
        self.w.ctx.notify_changed("residents")
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.finished = True
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        self.status.setText(exc.message if isinstance(exc, DomainError) else
                            tr("ResidentsUi", "The import failed and nothing was imported. Details are in the "
                                    "log file."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.finished


class ImportWizard(QWizard):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.roster_layout: RosterLayout | None = None
        self.setWindowTitle(tr("ResidentsUi", "Import a roster from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = ChooseFilePage(self)
        self.mapping_page = MappingPage(self)
        self.dry_run_page = DryRunPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.dry_run_page, self.import_page):
            self.addPage(page)
        self.resize(1100, 680)

    def reject(self) -> None:
        handle = self.import_page.handle
        if handle is not None and not handle.finished:
            self.import_page.cancel()
            return  # closes once the worker has rolled back
        super().reject()


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
