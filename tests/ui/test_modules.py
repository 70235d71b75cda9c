"""The plug-in contract: registry, role filtering, the shared table model and the worker helper."""

from __future__ import annotations

import dataclasses

import pytest

from villagedesk.services.auth import Actor
from villagedesk.ui import modules
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, ModuleSpec, PageSpec
from villagedesk.ui.table_model import ROW_ROLE, BaseTableModel, Column
from villagedesk.ui.workers import run_in_worker


@dataclasses.dataclass(frozen=True)
class _Row:
    name: str
    age: int | None
    flag: bool


def _model(rows: list[_Row]) -> BaseTableModel[_Row]:
    model: BaseTableModel[_Row] = BaseTableModel([
        Column("name", "Name"), Column("age", "Age", align="right"), Column("flag", "Flag")])
    model.set_rows(rows)
    return model


def test_base_table_model_passes_the_model_tester(qtmodeltester) -> None:
    model = _model([_Row("张三", 30, True), _Row("李四", None, False), _Row("王五", 7, False)])
    qtmodeltester.check(model, force_py=True)
    model.sort(1)
    assert [r.name for r in model.rows()] == ["王五", "张三", "李四"]
    assert model.data(model.index(0, 0), ROW_ROLE) == _Row("王五", 7, False)
    qtmodeltester.check(model, force_py=True)


def test_roles_see_only_their_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modules, "_registry", {})
    page = PageSpec("x.list", QT_TRANSLATE_NOOP("nav", "Residents"), lambda ctx: None)  # type: ignore[arg-type,return-value]
    modules.register(ModuleSpec("x", "services", "Elder care", "eldercare", pages=[page]))
    modules.register(ModuleSpec("y", "commerce", "Supply", "supply"))
    monkeypatch.setattr(modules, "load_modules", lambda packages=(): None)
    assert [m.key for m in modules.modules_for(Actor("1", "a", "admin"))] == ["y", "x"]
    assert [m.key for m in modules.modules_for(Actor("2", "b", "eldercare"))] == ["x"]
    assert modules.find_page("x.list") is not None
    with pytest.raises(ValueError):
        modules.register(ModuleSpec("z", "nowhere", "Z", "party"))  # type: ignore[arg-type]


def test_worker_reports_progress_and_can_be_cancelled(qtbot) -> None:
    seen: list[tuple[int, int]] = []
    outcome: dict[str, object] = {}

    def work(job) -> int:  # type: ignore[no-untyped-def]
        for i in range(1000):
            if job.cancelled():
                raise RuntimeError("cancelled")
            if i < 3:
                job.report(i + 1, 1000)
            import time
            time.sleep(0.002)
        return 42

    handle = run_in_worker(work, on_done=lambda r: outcome.setdefault("done", r),
                           on_error=lambda e: outcome.setdefault("error", e),
                           progress=lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=5000)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert "done" not in outcome and isinstance(outcome["error"], RuntimeError)
    assert seen[0] == (1, 1000)

    handle = run_in_worker(lambda job: 7, on_done=lambda r: outcome.__setitem__("done", r))
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert outcome["done"] == 7
