"""County pages in a real headless Chromium: every hall with last contact, pending and
rejected counts, and the totals of one hall."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from villagedesk.server import db as server_db
from villagedesk.server.halls import create_hall, enroll_device
from villagedesk.server.ingest import ingest
from villagedesk.server.settings import utc_now
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync import signing
from villagedesk.sync.protocol import ClientState

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture
def browser():
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        if IN_CI:
            pytest.fail("Chromium/chromedriver missing (CI=true: the county page test must run)")
        pytest.skip("Chromium or chromedriver not installed at /usr/bin")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="vd-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1366,768"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _op(seq: int, entity: str, kind: str = "upsert", base=None, **fields) -> dict:
    return {"seq": seq, "txid": f"t{seq}", "entity": entity, "entity_id": fields.pop("id", str(uuid.uuid4())), "kind": kind,
            "fields": fields, "base_version": base, "version": 1 if base is None else base + 1, "schema_rev": 1,
            "created_at": "2026-03-02T01:00:00", "staff_id": None}


@pytest.mark.chromium
def test_county_pages_show_halls_and_totals(sdb, browser, tmp_path) -> None:
    sessions = server_db.make_sessionmaker(sdb.engine)
    now = utc_now()
    with server_db.transaction(sessions) as s:
        code = create_hall(s, code="XG-0203", name="示范村", now=now)["enrollment_code"]
        create_hall(s, code="XG-0204", name="二村", now=now)
        _, dev = enroll_device(s, code=code, public_key=signing.public_to_b64(signing.new_private_key()), device_name="pc", now=now)
        ops = [_op(1, "household", address="一组"), _op(2, "resident", name="张三"), _op(3, "resident", name="李四"),
               _op(4, "household", base=3, address="坏")]  # an update of a record the server never had
        res = ingest(s, device_id=dev.id, ops=ops, window=SchemaWindow(), now=now, client_state=ClientState(pending=7, rejected=1))
        assert res.rejected == 1
    from synchelp import ServerThread

    from villagedesk.server.township_auth import add_user

    with server_db.transaction(sessions) as s:
        add_user(s, username="county", password="county1", name="县农业农村局", now=now)
    with ServerThread(sdb) as srv:
        from selenium.webdriver.common.by import By

        browser.get(srv.url + "/county/halls/XG-0203")  # not signed in: a sign-in form, no figures
        assert not browser.find_elements(By.ID, "operations")
        assert "示范村" not in browser.page_source
        browser.find_element(By.ID, "username").send_keys("county")
        browser.find_element(By.ID, "password").send_keys("wrong!")
        browser.find_element(By.ID, "signin").click()
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "error"))
        assert browser.find_element(By.ID, "error").text == "用户名或密码不正确。"
        assert not browser.find_elements(By.ID, "operations")
        browser.find_element(By.ID, "username").send_keys("county")
        browser.find_element(By.ID, "password").send_keys("county1")
        browser.find_element(By.ID, "signin").click()
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.ID, "operations"))
        assert browser.find_element(By.ID, "operations").text == "4"  # back where the clerk was going
        browser.get(srv.url + "/")
        assert "村级党群服务中心" in browser.title

        row = browser.find_element(By.CSS_SELECTOR, 'tr[data-hall="XG-0203"]')
        assert "示范村" in row.text
        assert row.find_element(By.CSS_SELECTOR, "td.pending").text == "7"
        assert row.find_element(By.CSS_SELECTOR, "td.rejected").text == "1"
        assert row.find_element(By.CSS_SELECTOR, "td.operations").text == "4"
        assert "UTC" in row.text  # last contact
        other = browser.find_element(By.CSS_SELECTOR, 'tr[data-hall="XG-0204"]')
        assert "从未" in other.text
        headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#halls th")]
        assert headers[:4] == ["服务中心代码", "服务中心名称", "设备数", "最近联系"]
        browser.save_screenshot(str(tmp_path / "county.png"))
        row.find_element(By.LINK_TEXT, "XG-0203").click()
        assert browser.find_element(By.ID, "operations").text == "4"
        assert browser.find_element(By.CSS_SELECTOR, '[data-entity="resident"]').text == "2"
        assert browser.find_element(By.CSS_SELECTOR, '[data-entity="household"]').text == "1"
        assert "服务器上没有这条记录" in browser.find_element(By.ID, "rejected").text
        browser.save_screenshot(str(tmp_path / "hall.png"))
        if os.environ.get("VD_SCREENSHOT_DIR"):  # for people who want to look at the pages
            for name in ("county.png", "hall.png"):
                shutil.copy(tmp_path / name, Path(os.environ["VD_SCREENSHOT_DIR"]) / name)


def test_after_sign_in_the_page_returns_only_to_our_own_pages() -> None:
    from villagedesk.server.township import safe_next

    assert safe_next("/county/halls/XG-0203") == "/county/halls/XG-0203"
    for outside in ("https://evil.example/", "//evil.example/county/", "/county//evil", "/\\evil", ""):
        assert safe_next(outside) == "/township/"
