"""The Excel import wizard on the roster sample: mapping, dry run, import with progress, cancel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QComboBox

from tests.conftest import shared_fixture
from villagedesk.services import residents as svc
from villagedesk.ui.residents.import_wizard import ImportWizard
from villagedesk.ui.workers import run_in_worker


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    target = tmp_path / "roster-sample.xlsx"
    shutil.copy(shared_fixture("roster-sample.xlsx"), target)
    return target


def _to_dry_run(qtbot, wizard: ImportWizard, roster: Path) -> None:  # type: ignore[no-untyped-def]
    wizard.show()
    wizard.file_page.path.setText(str(roster))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    combos = wizard.mapping_page.combos
    assert combos["name"].currentText().endswith("姓名")  # detected from the heading
    assert combos["id_number"].currentText().endswith("身份证号码")
    wizard.next()
    assert wizard.currentPage() is wizard.dry_run_page
    qtbot.waitUntil(lambda: wizard.dry_run_page.report is not None, timeout=10000)


def test_import_wizard_on_the_roster_sample(qtbot, qtmodeltester, ctx, store, roster) -> None:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    _to_dry_run(qtbot, wizard, roster)
    dry = wizard.dry_run_page
    assert dry.model.rowCount() == 4  # the sample's four bad rows, one line each
    assert {issue.row for issue in dry.model.rows()} >= {9, 16, 35}
    qtmodeltester.check(dry.model, force_py=True)
    assert svc.count_residents(store) == 0  # a dry run writes nothing
    assert not dry.isComplete()  # errors: the clerk must choose to skip them
    dry.skip.setChecked(True)
    assert dry.isComplete()
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(lambda: page.finished, timeout=15000)
    assert page.outcome is not None and page.outcome.imported == 54
    assert svc.count_residents(store) == 54
    assert page.outcome.error_report is not None and page.outcome.error_report.exists()
    assert page.bar.value() == page.bar.maximum()


def test_a_corrected_mapping_is_used(qtbot, ctx, store, roster) -> None:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(roster))
    wizard.next()
    name_combo: QComboBox = wizard.mapping_page.combos["name"]
    name_combo.setCurrentIndex(0)  # "not in the workbook"
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page  # name is required
    assert wizard.mapping_page.message.text()
    name_combo.setCurrentIndex(name_combo.findData(3))  # column C again
    wizard.next()
    assert wizard.currentPage() is wizard.dry_run_page


def test_cancelling_the_import_leaves_nothing_half_imported(qtbot, ctx, store, roster, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.services import roster_import

    monkeypatch.setattr(roster_import, "CHUNK", 5)  # several chunks, so a cancel lands mid-way
    seen: list[int] = []

    def runner(fn, **kwargs):  # type: ignore[no-untyped-def]
        def cancel_after_first_chunk(job):  # type: ignore[no-untyped-def]
            original = job.report

            def report(done: int, total: int) -> None:
                seen.append(done)
                original(done, total)
                job.cancel()

            job.report = report
            return fn(job)

        return run_in_worker(cancel_after_first_chunk, **kwargs)

    ctx.run_in_worker = runner
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    _to_dry_run(qtbot, wizard, roster)
    wizard.dry_run_page.skip.setChecked(True)
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(lambda: page.finished, timeout=15000)
    assert seen == [5]  # the first chunk went in, inside the transaction ...
    assert svc.count_residents(store) == 0  # ... and was rolled back
    assert "取消" in page.status.text()  # the service's Chinese message
    assert page.outcome is None
