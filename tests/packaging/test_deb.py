"""The .deb installs a VillageDesk that runs without Python: a hall from nothing to a printed receipt.

The package is built by installer/build_linux.py (PyInstaller one-dir bundle + dpkg-deb),
cached under build/packaging/<hash of the sources>, so a second run only unpacks it. It is
unpacked with `dpkg -x` into a temporary root and the bundled program runs offscreen there,
with its data in a temporary folder and HOME pointing at a temporary folder too.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from villagedesk import __version__

ROOT = Path(__file__).resolve().parent.parent.parent
FOUNDATION = ROOT / "tests" / "fixtures" / "db" / "schema-0001_foundation.sqlite"
ID_NUMBER = "110101198001010010"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if shutil.which("dpkg-deb") is None or shutil.which("objdump") is None:
        pytest.skip("needs dpkg-deb and objdump (Debian: dpkg, binutils)")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[dist]' (make dist does)")
    built = subprocess.run([sys.executable, str(ROOT / "installer" / "build_linux.py"),
                            "--compress", "any"], cwd=ROOT, capture_output=True, text=True,
                           timeout=840)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    info: dict[str, object] = json.loads(built.stdout.strip().splitlines()[-1])
    root = tmp_path_factory.mktemp("debroot")
    subprocess.run(["dpkg", "-x", str(info["deb"]), str(root)], check=True)
    info["root"] = root
    info["app"] = root / "opt" / "villagedesk" / "villagedesk"
    return info


@pytest.fixture
def run(package: dict[str, object], tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_RUNTIME_DIR=str(home), PATH="/usr/bin:/bin")

    def _run(*args: str, data: Path | None = None, extra_env: dict[str, str] | None = None,
             timeout: int = 120) -> subprocess.CompletedProcess[str]:
        cmd = [str(package["app"])]
        if data is not None:
            cmd += ["--data-dir", str(data)]
        result = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=timeout,
                                env={**env, **(extra_env or {})}, cwd=tmp_path)
        assert result.returncode == 0, f"{args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result

    return _run


def test_the_package_owns_only_its_own_files(package: dict[str, object]) -> None:
    deb = str(package["deb"])
    fields = {f: subprocess.run(["dpkg-deb", "-f", deb, f], capture_output=True, text=True,
                                check=True).stdout.strip() for f in ("Package", "Depends", "Installed-Size")}
    assert fields["Package"] == "villagedesk"
    assert "python" not in fields["Depends"] and "libc6 (>=" in fields["Depends"]
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    allowed = ("/opt/villagedesk", "/usr/bin/villagedesk", "/usr/share/applications/villagedesk.desktop",
               "/usr/share/icons/hicolor/", "/usr/share/doc/villagedesk")
    shared_dirs = {"/", "/opt/", "/usr/", "/usr/bin/", "/usr/share/", "/usr/share/applications/",
                   "/usr/share/icons/", "/usr/share/doc/"}
    strays = sorted(p for p in paths - shared_dirs if not p.startswith(allowed))
    assert strays == []
    control = subprocess.run(["dpkg-deb", "-I", deb], capture_output=True, text=True, check=True).stdout
    for script in ("preinst", "postinst", "prerm", "postrm", "config", "triggers"):
        assert f" {script}" not in control  # no maintainer scripts: nothing outside its files

    root: Path = package["root"]  # type: ignore[assignment]
    assert os.readlink(root / "usr/bin/villagedesk") == "/opt/villagedesk/villagedesk"
    desktop = (root / "usr/share/applications/villagedesk.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/villagedesk/villagedesk" in desktop and "Icon=villagedesk" in desktop
    assert "Name[zh_CN]=村级党群服务中心" in desktop
    assert (root / "usr/share/icons/hicolor/256x256/apps/villagedesk.png").stat().st_size > 1000
    assert (root / "usr/share/icons/hicolor/scalable/apps/villagedesk.svg").exists()


def test_the_bundle_carries_what_the_app_loads_and_not_more(package: dict[str, object]) -> None:
    internal = Path(str(package["app"])).parent / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for wanted in ("resources/fonts/wqy-microhei.ttc", "resources/fonts/VDFallbackA.ttf",
                   "resources/translations/core_zh_CN.qm", "resources/translations/core_zh_CN.ts",
                   "resources/data/service_catalogue.json", "resources/icons/villagedesk.png",
                   "villagedesk/db/migrations/env.py",
                   "villagedesk/db/migrations/versions/0001_foundation.py",
                   "villagedesk/server/migrations/env.py",
                   "PySide6/Qt/lib/libQt6PrintSupport.so.6",
                   "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                   "PySide6/Qt/translations/qtbase_zh_CN.qm"):
        assert wanted in names, wanted
    qt_libs = " ".join(n for n in names if "libQt6" in n)
    for unused in ("Qml", "Quick", "WebEngine", "Network", "Multimedia", "3D", "Pdf", "Svg", "Sql"):
        assert f"libQt6{unused}" not in qt_libs, unused
    assert not any("/translations/qtbase_de" in n for n in names)  # only Chinese Qt translations
    size_mb = int(package["bundle_bytes"]) / 1e6  # type: ignore[call-overload]
    print(f"bundle {size_mb:.1f} MB unpacked, .deb {int(package['deb_bytes']) / 1e6:.1f} MB")  # type: ignore[call-overload]
    # Target 150 MB; without icupkg on the build machine the ICU data stays whole (+27 MB).
    assert size_mb < (150 if package.get("icu_trimmed") else 180), "the bundle grew: see docs/packaging.md"


def test_the_bundled_app_runs_a_hall_to_a_printed_receipt(run, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    data = tmp_path / "hall"
    assert run("--version").stdout.strip() == f"VillageDesk {__version__}"
    run("setup", "--hall-name", "测试村党群服务中心", "--hall-code", "XG0203", "--admin-name", "张三",
        "--admin-password", "secret123", "--json", data=data)
    checked = json.loads(run("db", "check", "--json", data=data).stdout)
    assert checked["ok"] and checked["revisions"] == checked["heads"]
    run("residents", "add", "--name", "李四", "--id", ID_NUMBER, "--phone", "13800000000", data=data)
    accepted = json.loads(run("proxy", "accept", "--resident", ID_NUMBER, "--service", "RS001",
                              "--json", data=data).stdout)
    number = accepted["receipt_number"]
    pdf = tmp_path / "receipt.pdf"
    run("proxy", "receipt", number, "--pdf", str(pdf), data=data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("测试村党群服务中心", "代办服务受理回执", number, "李四", "城乡居民养老保险参保登记", "张三"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts  # the bundled CJK font, embedded


def test_the_bundled_app_upgrades_an_old_database_after_a_backup(run, tmp_path: Path) -> None:
    data = tmp_path / "old-hall"
    data.mkdir()
    shutil.copyfile(FOUNDATION, data / "villagedesk.sqlite")
    before = json.loads(run("about", "--json", data=data).stdout)
    assert before["schema_revisions"] == ["0001_foundation"] and before["frozen"]
    run("db", "upgrade", data=data)
    after = json.loads(run("about", "--json", data=data).stdout)
    assert after["schema_current"] and after["schema_revisions"] == after["schema_heads"]
    assert len(list((data / "backups").glob("*-before-upgrade.sqlite"))) == 1
    found = json.loads(run("residents", "search", "张建国", "--json", data=data).stdout)
    assert any(hit["name"] == "张建国" for hit in found["hits"])


def test_the_bundled_app_opens_its_main_window(run, tmp_path: Path) -> None:
    data = tmp_path / "demo"
    run("demo", "seed", "--residents", "20", data=data)
    ready = run("--demo-login", data=data, extra_env={"VILLAGEDESK_EXIT_WHEN_READY": "1"})
    assert "READY" in ready.stdout
    shot = tmp_path / "home.png"
    run("--demo-login", "--screenshot", str(shot), data=data)
    assert shot.stat().st_size > 10_000
