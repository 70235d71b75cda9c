"""Build the Linux one-dir bundle (PyInstaller) and the Debian package, with a cache.

    .venv/bin/python installer/build_linux.py [--out dist] [--force] [--compress xz|gzip]

The result is keyed by a hash of the sources (villagedesk/, resources/, installer/,
pyproject.toml) and of the Python, PySide6 and PyInstaller versions, and kept under
build/packaging/<hash>/; a second run with unchanged sources only copies it to --out.
Prints one JSON line at the end: paths, sizes and build time (also in sizes.json).

The .deb installs everything under /opt/villagedesk plus files it owns:
/usr/bin/villagedesk (a symlink), /usr/share/applications/villagedesk.desktop, the icon
under /usr/share/icons/hicolor/ and /usr/share/doc/villagedesk/. It has no maintainer
scripts. Its Depends line lists the system libraries the bundle links against but does not
carry (X11/xcb, GL, fontconfig, D-Bus, CUPS), worked out from the ELF files.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "villagedesk.spec"
CACHE = ROOT / "build" / "packaging"
WORK = ROOT / "build" / "pyinstaller-work"
HASHED = ("villagedesk", "resources", "installer", "pyproject.toml")
SKIP_PARTS = {"__pycache__", ".pytest_cache", ".mypy_cache"}
SKIP_SUFFIXES = (".pyc", ".qm")  # .qm files are built from the hashed .ts files

# Debian package for a system library the bundle needs (Debian 12 names; UOS 20 and
# Kylin V10 use the same names). Anything else is looked up with `dpkg -S`.
SONAME_PACKAGES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0", "libgio-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libgmodule-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libcups.so.2": "libcups2", "libz.so.1": "zlib1g", "libexpat.so.1": "libexpat1",
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1", "libuuid.so.1": "libuuid1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2", "libkrb5.so.3": "libkrb5-3",
    "libk5crypto.so.3": "libk5crypto3", "libcom_err.so.2": "libcom-err2",
    "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
}
GLIBC_SONAMES = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                 "libutil.so.1", "libresolv.so.2", "libanl.so.1", "libcrypt.so.1"}

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.0
Name=VillageDesk
Name[zh_CN]=村级党群服务中心
GenericName=Village service hall counter
GenericName[zh_CN]=村级便民服务台账
Comment=Counter software for village service halls: residents, proxy services, elder care, supply
Comment[zh_CN]=村党群服务中心柜台软件：村民、代办服务、养老、农资
Exec=/opt/villagedesk/villagedesk
Icon=villagedesk
Terminal=false
Categories=Office;
Keywords=village;hall;proxy;村;代办;便民;
StartupNotify=true
StartupWMClass=villagedesk
"""


def version() -> str:
    text = (ROOT / "villagedesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise SystemExit("no __version__ in villagedesk/__init__.py")
    return match.group(1)


def source_hash() -> str:
    digest = hashlib.sha256()
    for tool in ("PySide6-Essentials", "pyinstaller"):
        try:
            found = metadata.version(tool)
        except metadata.PackageNotFoundError:
            found = "absent"  # a build needs it; the key still follows the sources
        digest.update(f"{tool}={found}\n".encode())
    digest.update(f"python={platform.python_version()} {platform.machine()}\n".encode())
    for top in HASHED:
        base = ROOT / top
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            rel = path.relative_to(ROOT)
            if SKIP_PARTS.intersection(rel.parts) or path.name.endswith(SKIP_SUFFIXES):
                continue
            digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_translations() -> None:
    """The .qm files Qt loads, from the committed .ts files (same as `make translations`)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def run_pyinstaller(distpath: Path) -> Path:
    if shutil.which("objdump") is None:
        raise SystemExit("objdump is missing: apt-get install binutils")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(distpath), "--workpath", str(WORK), str(SPEC)],
        check=True, cwd=ROOT,
    )
    return distpath / "villagedesk"


def check_bundle(bundle: Path) -> None:
    out = subprocess.run([str(bundle / "villagedesk"), "--version"], check=True,
                         capture_output=True, text=True).stdout.strip()
    if version() not in out:
        raise SystemExit(f"the bundle answered {out!r} to --version")


# ICU data the app never reads: PySide6 links Qt against ICU, whose data library holds every
# locale of the world (32 MB). Qt uses ICU for collation, a few text codecs, case mapping and
# time-zone names; VillageDesk shows Chinese and English only. Kept: the core tables, the
# root/zh/en locale data of each tree, and the GB18030/GBK converters.
ICU_DROP_TREES = ("brkitr/", "rbnf/", "translit/")
ICU_KEEP_CONVERTERS = {"gb18030.cnv", "windows-936-2000.cnv", "ibm-1386_P100-2001.cnv"}
ICU_LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9_]*)?\.res$")
ICU_KEEP_LOCALES = ("zh.", "zh_", "en.", "en_", "root.", "pool.", "res_index.")


def icu_items_to_drop(items: list[str]) -> list[str]:
    drop = []
    for item in items:
        name = item.split("/")[-1]
        if item.startswith(ICU_DROP_TREES) or (name.endswith(".cnv") and name not in ICU_KEEP_CONVERTERS):
            drop.append(item)
        elif ICU_LOCALE_ITEM.match(name) and not name.startswith(ICU_KEEP_LOCALES):
            drop.append(item)
    return drop


def trim_icu(bundle: Path, work: Path) -> dict[str, object]:
    """Rebuild the bundle's libicudata with only the data the app uses (needs icupkg and gcc)."""
    found = sorted((bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        return {"icu_trimmed": False, "icu_note": "no libicudata in the bundle"}
    # icu-devtools puts icupkg in /usr/sbin, which is not on an ordinary user's PATH.
    icupkg = shutil.which("icupkg") or shutil.which("icupkg", path="/usr/sbin:/sbin")
    missing = [tool for tool, where in (("icupkg", icupkg), ("gcc", shutil.which("gcc")),
                                        ("readelf", shutil.which("readelf"))) if where is None]
    if missing:
        print(f"warning: ICU data not trimmed (missing {', '.join(missing)}: apt-get install "
              "icu-devtools gcc binutils); the bundle is about 27 MB larger", file=sys.stderr)
        return {"icu_trimmed": False, "icu_note": f"missing {missing}"}
    library = found[0]
    symbols = subprocess.run(["readelf", "-Ws", str(library)], check=True, capture_output=True,
                             text=True).stdout
    match = re.search(r"^\s*\d+: ([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+"
                      r"(icudt\d+_dat)$", symbols, re.M)
    sections = subprocess.run(["readelf", "-SW", str(library)], check=True, capture_output=True,
                              text=True).stdout
    if not match:
        raise SystemExit(f"no icudt*_dat symbol in {library}")
    address, size, index, symbol = match.groups()
    section = re.search(rf"^\s*\[\s*{index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.M)
    if not section:
        raise SystemExit(f"section {index} not found in {library}")
    offset = int(address, 16) - int(section.group(1), 16) + int(section.group(2), 16)
    length = int(size, 0)
    work.mkdir(parents=True, exist_ok=True)
    name = symbol.removesuffix("_dat") + "l"  # icudt73l: little-endian package
    original = work / f"{name}.dat"
    with library.open("rb") as fh:
        fh.seek(offset)
        original.write_bytes(fh.read(length))
    assert icupkg is not None
    items = subprocess.run([icupkg, "-l", str(original)], check=True, capture_output=True,
                           text=True).stdout.split()
    (work / "drop.txt").write_text("\n".join(icu_items_to_drop(items)) + "\n", encoding="utf-8")
    trimmed_dir = work / "trimmed"
    trimmed_dir.mkdir(exist_ok=True)
    trimmed = trimmed_dir / original.name
    trimmed.unlink(missing_ok=True)
    subprocess.run([icupkg, "-r", str(work / "drop.txt"), str(original), str(trimmed)], check=True)
    stub = work / "icudata.S"
    stub.write_text(
        f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n"
        f"{symbol}:\n    .incbin \"{trimmed}\"\n    .size {symbol}, .-{symbol}\n"
        '    .section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
    built = work / library.name
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built),
                    str(stub)], check=True)
    before = library.stat().st_size
    shutil.copyfile(built, library)
    return {"icu_trimmed": True, "icu_bytes_before": before, "icu_bytes_after": library.stat().st_size}


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def elf_needs(bundle: Path) -> tuple[set[str], str]:
    """Shared libraries the bundle needs from the system, and the newest glibc symbol version."""
    elves = [p for p in bundle.rglob("*") if is_elf(p)]
    carried = {p.name for p in bundle.rglob("*")}
    needed: set[str] = set()
    glibc = (2, 17)
    for path in elves:
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        needed.update(re.findall(r"^\s+NEEDED\s+(\S+)", dump, re.M))
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", path.read_bytes()):
            glibc = max(glibc, (int(major), int(minor)))
    system = {name for name in needed if name not in carried and not name.startswith("ld-linux")}
    return system, f"{glibc[0]}.{glibc[1]}"


def package_for(soname: str) -> str:
    if soname in SONAME_PACKAGES:
        return SONAME_PACKAGES[soname]
    found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    match = re.search(rf"^\s+{re.escape(soname)} \(.*?\) => (\S+)$", found, re.M)
    if match:
        owner = subprocess.run(["dpkg", "-S", os.path.realpath(match.group(1))],
                               capture_output=True, text=True).stdout
        if owner:
            return owner.split(":")[0].strip()
    raise SystemExit(f"no Debian package known for {soname}: add it to SONAME_PACKAGES")


def depends(bundle: Path) -> tuple[str, str]:
    system, glibc = elf_needs(bundle)
    packages = {f"libc6 (>= {glibc})"}
    for soname in sorted(system - GLIBC_SONAMES):
        packages.add(package_for(soname))
    return ", ".join(sorted(packages)), glibc


def tree_size(path: Path) -> int:
    """Bytes of the regular files under path (symlinks not followed): the unpacked size."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def stage_deb(bundle: Path, root: Path, arch: str) -> dict[str, str]:
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / "villagedesk"
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "villagedesk").symlink_to("/opt/villagedesk/villagedesk")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "villagedesk.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = ROOT / "resources" / "icons"
    for size in (256,):
        target = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / "villagedesk.png", target / "villagedesk.png")
    scalable = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "villagedesk.svg", scalable / "villagedesk.svg")
    doc = root / "usr" / "share" / "doc" / "villagedesk"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "installer" / "debian" / "copyright", doc / "copyright")
    deps, glibc = depends(bundle)
    installed_kib = (tree_size(root) + 1023) // 1024
    control = (ROOT / "installer" / "debian" / "control.in").read_text(encoding="utf-8")
    control = (control.replace("@VERSION@", version()).replace("@ARCH@", arch)
               .replace("@DEPENDS@", deps).replace("@INSTALLED_SIZE@", str(installed_kib)))
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111 or is_elf(path) and path.suffix != ".so"
            path.chmod(0o755 if executable else 0o644)
    return {"depends": deps, "glibc": glibc}


def build_deb(bundle: Path, folder: Path, arch: str, compress: str) -> dict[str, object]:
    started = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    deb = folder / f"villagedesk_{version()}_{arch}.deb"
    extra = stage_deb(bundle, folder / "deb-root", arch)
    tmp = deb.with_suffix(".tmp")
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", f"-Z{compress}",
                    str(folder / "deb-root"), str(tmp)], check=True, stdout=subprocess.DEVNULL)
    tmp.rename(deb)
    shutil.rmtree(folder / "deb-root")
    info = {"deb": str(deb), "deb_bytes": deb.stat().st_size, "compress": compress,
            "deb_seconds": round(time.perf_counter() - started, 1), **extra}
    (folder / "deb.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None,
                        help="copy the .deb and the bundle folder here (e.g. dist)")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    parser.add_argument("--compress", choices=("xz", "gzip", "any"), default="xz",
                        help="xz for releases (smaller); 'any' takes a cached .deb of either "
                             "kind or builds a gzip one (fast, for tests)")
    args = parser.parse_args()
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is missing: build on Debian/Ubuntu/UOS/Kylin")
    started = time.perf_counter()
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time (parallel test runs share the cache)
        return build(args, arch, started)


def build(args: argparse.Namespace, arch: str, started: float) -> int:
    key = source_hash()
    cache = CACHE / key
    bundle = cache / "bundle" / "villagedesk"
    bundle_file = cache / "bundle.json"
    if args.force or not bundle_file.exists():
        for old in sorted(CACHE.glob("*/"), key=lambda p: p.stat().st_mtime)[:-2]:
            if old != cache:
                shutil.rmtree(old)  # keep the two newest other builds, drop older ones
        if cache.exists():
            shutil.rmtree(cache)
        build_translations()
        run_pyinstaller(cache / "bundle")
        icu = trim_icu(bundle, cache / "icu")
        shutil.rmtree(cache / "icu", ignore_errors=True)
        check_bundle(bundle)
        bundle_file.write_text(json.dumps({
            "bundle": str(bundle), "bundle_bytes": tree_size(bundle),
            "pyinstaller_seconds": round(time.perf_counter() - started, 1), **icu}, indent=1),
            encoding="utf-8")
    info: dict[str, object] = {"version": version(), "arch": arch, "hash": key,
                               **json.loads(bundle_file.read_text(encoding="utf-8"))}
    kinds = ["xz", "gzip"] if args.compress == "any" else [args.compress]
    ready = [k for k in kinds if (cache / k / "deb.json").exists() and not args.force]
    if ready:
        info.update(json.loads((cache / ready[0] / "deb.json").read_text(encoding="utf-8")))
    else:
        info.update(build_deb(bundle, cache / kinds[-1], arch, kinds[-1]))
    info["seconds"] = round(time.perf_counter() - started, 1)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        deb = Path(str(info["deb"]))
        shutil.copy2(deb, args.out / deb.name)
        target = args.out / "villagedesk"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(bundle, target, symlinks=True)
        info["copied_to"] = [str(args.out / deb.name), str(target)]
    print(json.dumps(info, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
