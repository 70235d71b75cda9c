"""The hall's sync UI: the status-bar indicator (offline against a server that went away, pending
count, 立即同步 against a real in-process county server), the sync problems page (rejected
records and county-correction conflicts, each settled the three ways and seen on the resident's
page), read-only for staff who may not settle, the home card, and the sync thread's end."""

from __future__ import annotations

import datetime as dt
import socket
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from synchelp import (  # noqa: E402
    ServerThread,
    add_household,
    assert_exactly_once,
    outbox_states,
    server_database,
)

from villagedesk.db.models.residents import Household, Resident  # noqa: E402
from villagedesk.services import auth  # noqa: E402
from villagedesk.ui.main_window import MainWindow  # noqa: E402

HALL = "XG-0203"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def chinese(qapp: Any) -> Any:
    """The hall's language: our .qm catalogues (built by `make translations`)."""
    from villagedesk.ui.appearance import install_translators

    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def county(tmp_path: Path) -> Any:
    """A real county server (uvicorn on a loopback port, SQLite), stopped by the test or at the end."""
    with server_database("sqlite", tmp_path) as sdb:
        srv = ServerThread(sdb).__enter__()
        yield srv
        if srv.thread.is_alive():
            srv.__exit__(None, None, None)


def _client(store: Any) -> Any:
    from villagedesk.sync.state import client_for

    return client_for(store)


def enroll(store: Any, srv: ServerThread) -> None:
    from villagedesk.sync.enroll import enroll as enroll_pc
    from villagedesk.sync.push import push

    enroll_pc(store, server_url=srv.url, code=srv.new_hall(HALL))
    client = _client(store)
    try:
        push(store, client)  # what the set-up recorded is on the server first
    finally:
        client.close()


def push_now(store: Any) -> Any:
    from villagedesk.sync.push import push

    client = _client(store)
    try:
        return push(store, client)
    finally:
        client.close()


def pull_now(store: Any) -> Any:
    from villagedesk.sync.pull import pull

    client = _client(store)
    try:
        return pull(store, client)
    finally:
        client.close()


def publish(srv: ServerThread, *changes: dict[str, Any]) -> None:
    from villagedesk.server import db as server_db
    from villagedesk.server.reference import publish as publish_changes
    from villagedesk.server.settings import utc_now

    with server_db.transaction(srv.app.state.sessions) as s:
        publish_changes(s, {"changes": list(changes)}, now=utc_now())


def make_resident(store: Any, actor: Any) -> str:
    with store.write(actor) as s:
        h = Household(household_no="XG-H-1", address="一组")
        s.add(h)
        s.flush()
        r = Resident(household_id=h.id, name="张三", sex="M", id_number="420902196502030011",
                     birth_date=dt.date(1965, 2, 3), phone="13900000001", note="")
        s.add(r)
        s.flush()
        return r.id


def edit_resident(store: Any, actor: Any, rid: str, **values: Any) -> None:
    with store.write(actor) as s:
        r = s.get(Resident, rid)
        for k, v in values.items():
            setattr(r, k, v)
        s.add(r)


def park_a_bad_operation(store: Any) -> None:
    """An update of a household the county never had: the county platform rejects it."""
    with store.write(None) as s:
        s.execute(sa.text(
            "INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version, schema_rev, created_at, state) "
            "VALUES ('tx-bad', 'household', 'no-such-household', 'upsert', '{\"address\": \"x\"}', 4, 5, 1, "
            "'2026-03-02T01:30:00', 'pending')"))


def three_conflicts_and_a_rejection(store: Any, actor: Any, srv: ServerThread) -> str:
    """The county corrects 张三's phone, name and remark while the hall changed the same three."""
    enroll(store, srv)
    rid = make_resident(store, actor)
    push_now(store)
    publish(srv, {"entity": "resident", "id": rid, "hall": HALL,
                  "correction": {"phone": "13900000002", "name": "张三丰", "note": "县里核对"}})
    edit_resident(store, actor, rid, phone="13900000009", name="张叁", note="本中心备注")
    assert pull_now(store).conflicts == 3
    park_a_bad_operation(store)
    assert push_now(store).rejected == 1
    return rid


def open_window(qtbot: Any, store: Any, actor: Any, settings: Any, paths: Any) -> MainWindow:
    win = MainWindow(store=store, actor=actor, settings=settings, paths=paths)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "_quiet", True))
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: not win.home.loading, timeout=10000)
    return win


def indicator(win: MainWindow) -> Any:
    from villagedesk.ui.sync.status_widget import SyncStatusWidget

    [widget] = [w for w in win.sync_slot if isinstance(w, SyncStatusWidget)]
    return widget


def rows(model: Any) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


# -- the indicator -------------------------------------------------------------------------------

def test_not_enrolled_shows_so_and_runs_no_thread(qtbot, store, actor, settings, paths, messages, chinese) -> None:  # type: ignore[no-untyped-def]
    add_household(store, actor, 2)
    win = open_window(qtbot, store, actor, settings, paths)
    ind = indicator(win)
    qtbot.waitUntil(lambda: ind.controller.mode == "not_enrolled", timeout=5000)
    assert ind.state_label.text() == "未接入县平台"
    assert ind.pending_label.text() == "待上传 3 条"  # the administrator's account and 2 households
    assert ind.sync_button.isHidden() and ind.last_label.isHidden()
    assert not ind.controller.thread_alive and ind.controller.worker is None
    [sync_now] = [a for a in win.actions() if a.text() == "立即同步"]
    sync_now.trigger()  # F9 without a link to the county: the page says what to do instead
    assert win.current_key == "sync.problems"
    assert win.current_page().status_values["state"].text().startswith("未接入县平台。请向县里索取登记码")
    win.close_quietly()


def test_offline_indicator_counts_what_waits(qtbot, store, actor, settings, paths, county, messages, chinese) -> None:  # type: ignore[no-untyped-def]
    enroll(store, county)
    add_household(store, actor, 3)
    county.__exit__(None, None, None)  # the county server goes away; its port refuses connections
    win = open_window(qtbot, store, actor, settings, paths)
    ind = indicator(win)
    qtbot.waitUntil(lambda: ind.controller.last_result is not None, timeout=10000)
    assert ind.state_label.text() == "离线"
    assert ind.pending_label.text() == "待上传 3 条"
    assert ind.last_label.text() == "上次同步 今天 09:30"  # the enrollment push (fixed clock, CST)
    assert "无法连接县平台" in ind.toolTip()
    assert ind.controller.thread_alive
    win.navigate("sync.problems")
    page = win.current_page()
    qtbot.waitUntil(lambda: page.status_values["counts"].text().startswith("待上传 3 条"), timeout=5000)
    assert page.status_values["state"].text() == "离线"
    assert page.status_values["server"].text() == county.url
    assert "无法连接县平台" in page.status_values["error"].text()
    started = time.monotonic()
    win.close_quietly()  # the thread ends with the window, without a wait
    assert time.monotonic() - started < 3 and not ind.controller.thread_alive


def test_sync_now_uploads_to_the_county(qtbot, store, actor, settings, paths, county, messages, chinese) -> None:  # type: ignore[no-untyped-def]
    enroll(store, county)
    win = open_window(qtbot, store, actor, settings, paths)
    ind = indicator(win)
    qtbot.waitUntil(lambda: ind.controller.last_result is not None and not ind.controller.running,
                    timeout=10000)
    assert ind.state_label.text() == "已联网" and ind.pending_label.text() == "已全部上传"
    # Work at the counter; the indicator counts it (notify_changed), the next run is 2 minutes away.
    add_household(store, actor, 4)
    win.ctx.notify_changed("residents")
    qtbot.waitUntil(lambda: ind.pending_label.text() == "待上传 4 条", timeout=5000)
    assert ind.sync_button.text() == "立即同步"
    qtbot.mouseClick(ind.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ind.pending_label.text() == "已全部上传", timeout=10000)
    assert ind.sync_button.isEnabled() and ind.state_label.text() == "已联网"
    assert outbox_states(store) == {"sent": 5}
    assert_exactly_once(store, county.sdb.engine)
    win.close_quietly()
    assert not ind.controller.thread_alive


def test_a_hanging_server_does_not_hold_up_closing(qtbot, ctx, store, county) -> None:  # type: ignore[no-untyped-def]
    """A server that takes the connection and never answers: stop() keeps to its budget, nothing
    is reported afterwards, and the thread ends once the request times out."""
    import httpx

    from villagedesk.sync.client import SyncClient
    from villagedesk.ui.sync.controller import SyncController

    enroll(store, county)
    hang = socket.socket()
    hang.bind(("127.0.0.1", 0))
    hang.listen(8)
    url = f"http://127.0.0.1:{hang.getsockname()[1]}"
    controller = SyncController(ctx, client_factory=lambda: SyncClient(
        url, device_id=store.identity.device_id, timeout=httpx.Timeout(2.0)))
    try:
        controller.refresh()
        qtbot.waitUntil(lambda: controller.running, timeout=5000)
        thread = controller._thread
        assert thread is not None
        started = time.monotonic()
        controller.stop(timeout=0.5)
        assert time.monotonic() - started < 1.5 and thread.is_alive()  # still waiting for an answer
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10000)
        assert controller.last_result is None  # nothing reported after the stop
    finally:
        hang.close()


def test_old_acknowledged_operations_are_pruned_once_a_day(qtbot, ctx, store, actor, clock, county) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.sync.controller import SyncController

    enroll(store, county)
    add_household(store, actor, 3)
    push_now(store)
    clock.advance(days=200)  # past the 180 days the hall keeps acknowledged operations
    add_household(store, actor, 1)
    controller = SyncController(ctx, interval_s=3600)
    try:
        controller.refresh()
        qtbot.waitUntil(lambda: controller.last_result is not None, timeout=10000)
        assert controller.last_result.ok and controller.pruned == 4  # the administrator + 3 households
        assert outbox_states(store) == {"sent": 1}  # the new one stays for its 180 days
        add_household(store, actor, 1)
        controller.wake()
        qtbot.waitUntil(lambda: outbox_states(store) == {"sent": 2}, timeout=10000)
        assert controller.pruned == 4  # once a day
    finally:
        controller.stop()


# -- the problems page -----------------------------------------------------------------------------

def test_problems_page_settles_conflicts_three_ways(qtbot, store, actor, settings, paths, county, messages, chinese, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.sync.dialogs import EditConflictDialog, NoteProblemDialog

    rid = three_conflicts_and_a_rejection(store, actor, county)
    county.__exit__(None, None, None)  # offline: the page works without the county
    win = open_window(qtbot, store, actor, settings, paths)
    # The home card says what waits, and opens the page.
    card = next(c for c in win.home.cards if c.card.page_key == "sync.problems")
    assert (card.card.title, card.card.count, card.card.severity) == ("同步问题", 4, "danger")
    assert "3 处冲突待处理，1 条被退回" in card.card.detail
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert win.current_key == "sync.problems"
    page = win.current_page()
    assert page.banner.isHidden()  # the administrator may settle
    assert sorted(r[:4] for r in rows(page.conflict_model)) == [
        ["居民 张叁", "备注", "本中心备注", "县里核对"],
        ["居民 张叁", "姓名", "张叁", "张三丰"],
        ["居民 张叁", "联系电话", "13900000009", "13900000002"],
    ]
    [rejected] = rows(page.rejected_model)
    assert rejected[:2] == ["户", "no-such-"] and rejected[3] == "未查看"
    assert rejected[4] == "服务器上没有这条记录（新建记录从未收到或已被拒绝）。"  # the county's reason
    assert page.conflict_heading.text() == "冲突（3）"

    def select(field: str) -> None:
        for r in range(page.conflict_model.rowCount()):
            if page.conflict_model.row_at(r).field == field:
                page.conflict_table.select_row(r)
                return
        raise AssertionError(field)

    select("联系电话")
    page.take_button.click()
    assert "已采用县里的值" in page.message.text()
    select("备注")
    page.keep_button.click()
    select("姓名")
    dialogs: list[Any] = []

    def fill_in(dialog: EditConflictDialog) -> int:
        dialogs.append(dialog)
        assert dialog.edit.text() == "张叁"  # prefilled with the value here
        dialog.edit.setText("")
        dialog.submit()  # a name cannot be empty: told beside the field, nothing saved
        assert dialog.form.error_text("value") == "请填写姓名。"
        dialog.edit.setText("张三峰")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(EditConflictDialog, "exec", fill_in)
    page.edit_button.click()
    assert len(dialogs) == 1
    assert page.conflict_model.rowCount() == 0 and not page.no_conflicts.isHidden()
    assert not page.keep_button.isEnabled()
    # What the clerk sees on the resident's page.
    win.navigate("residents.detail", resident_id=rid)
    resident = win.current_page()
    assert (resident.name.text(), resident.phone.text(), resident.note.text()) == \
        ("张三峰", "13900000002", "本中心备注")

    # The rejected record: looked at, with a note; it stays listed.
    win.navigate("sync.problems")
    monkeypatch.setattr(NoteProblemDialog, "exec",
                        lambda d: (d.note.setText("已电话告知县里"), d.submit(), d.result())[-1])
    page.seen_button.click()
    [rejected] = rows(page.rejected_model)
    assert rejected[3] == "已查看"
    assert outbox_states(store)["rejected"] == 1  # never deleted
    qtbot.waitUntil(lambda: not win.home.loading, timeout=10000)
    win.home.refresh()
    qtbot.waitUntil(lambda: not win.home.loading, timeout=10000)
    card = next(c for c in win.home.cards if c.card.page_key == "sync.problems")
    assert (card.card.count, card.card.severity) == (1, "warning")  # looked at: no longer red
    win.close_quietly()


def test_staff_who_may_not_settle_see_the_page_read_only(qtbot, store, actor, settings, paths, county, messages, chinese) -> None:  # type: ignore[no-untyped-def]
    three_conflicts_and_a_rejection(store, actor, county)
    county.__exit__(None, None, None)
    auth.create_staff(store, actor=actor, name="李代办", role="proxy", password="clerk123")
    clerk = auth.actor_for(store, name="李代办")
    win = open_window(qtbot, store, clerk, settings, paths)
    assert "sync.problems" in win.pages and indicator(win) is not None
    win.navigate("sync.problems")
    page = win.current_page()
    assert not page.banner.isHidden()
    assert "只有服务中心管理员可以处理同步问题" in page.banner_label.text()
    assert page.conflict_model.rowCount() == 3 and page.rejected_model.rowCount() == 1
    for button in (page.keep_button, page.take_button, page.edit_button, page.seen_button):
        assert not button.isEnabled() and "管理员" in button.toolTip()
    page.resolve("county")  # even if reached another way, nothing changes
    assert page.conflict_model.rowCount() == 3
    [usb] = [a for a in win.actions() if a.text() == "U盘同步（无网络）…"]
    usb.trigger()
    assert messages and "只有服务中心管理员" in messages[-1][1]
    win.close_quietly()


def test_problem_models_pass_the_model_tester(qtmodeltester, store, actor, county, qapp) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.sync.service import list_problems
    from villagedesk.ui.sync.problems_page import (
        ConflictRow,
        ConflictTableModel,
        RejectedRow,
        RejectedTableModel,
    )

    three_conflicts_and_a_rejection(store, actor, county)
    problems = list_problems(store)
    conflicts = ConflictTableModel()
    conflicts.set_rows([ConflictRow(p, "r", p.field, "a", "b", "t") for p in problems if p.kind == "conflict"])
    qtmodeltester.check(conflicts, force_py=True)
    rejected = RejectedTableModel()
    rejected.set_rows([RejectedRow(p, "k", "r", p.detail, "t", False) for p in problems if p.kind == "rejected"])
    qtmodeltester.check(rejected, force_py=True)
