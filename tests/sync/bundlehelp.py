"""USB-path helpers: a hall PC enrolled from a file, its stick, the township import, and
ways to corrupt a real bundle (flip a byte, truncate, re-zip with a changed member, sign
with another key)."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from villagedesk.server import db as server_db
from villagedesk.server.acks import create_hall_with_file, hall_by_code, make_ack
from villagedesk.server.bundles import BundleOutcome, import_bundle
from villagedesk.server.settings import utc_now
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync import bundle, signing
from villagedesk.sync.bundle_ack import apply_ack
from villagedesk.sync.bundle_export import export_bundle
from villagedesk.sync.enroll_file import enroll_from_file


def enrollment_file(sdb: Any, folder: Path, code: str = "XG-0203", **kw: Any) -> Path:
    sessions = server_db.make_sessionmaker(sdb.engine)
    with server_db.transaction(sessions) as s:
        _res, doc = create_hall_with_file(s, code=code, name="示范村", now=utc_now(), **kw)
    path = folder / f"{code}.vdenroll"
    path.write_bytes(doc)
    return path


@dataclass
class UsbHall:
    store: Any
    sdb: Any
    stick: Path
    window: SchemaWindow = field(default_factory=SchemaWindow)

    @property
    def sessions(self) -> Any:
        return server_db.make_sessionmaker(self.sdb.engine)

    def export(self) -> Path:
        return Path(export_bundle(self.store, out_dir=self.stick)["file"])

    def upload(self, *paths: Path | bytes, window: SchemaWindow | None = None) -> list[BundleOutcome]:
        out = []
        for p in paths:
            data = p if isinstance(p, bytes) else p.read_bytes()
            out.append(import_bundle(self.sessions, data, name="x", window=window or self.window, now=utc_now()))
        return out

    def ack(self, code: str = "XG-0203") -> bytes:
        with server_db.transaction(self.sessions) as s:
            return make_ack(s, hall_id=hall_by_code(s, code).id, now=utc_now())[0]

    def import_ack(self, data: bytes) -> dict[str, Any]:
        return apply_ack(self.store, data)

    def round_trip(self) -> dict[str, Any]:
        """Export, upload, bring the ack back: what a clerk does each month."""
        [o] = self.upload(self.export())
        assert o.status in ("accepted", "duplicate"), o
        return self.import_ack(self.ack())


def usb_hall(store: Any, sdb: Any, tmp: Path, code: str = "XG-0203") -> UsbHall:
    enroll_from_file(store, path=enrollment_file(sdb, tmp, code))
    stick = tmp / "stick"
    stick.mkdir(exist_ok=True)
    return UsbHall(store, sdb, stick)


# -- corrupting real bundles ---------------------------------------------------------------------

def flip_byte(data: bytes, at: int | None = None) -> bytes:
    at = len(data) // 2 if at is None else at
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return bundle.seal(buf.getvalue())


def resign(parts: dict[str, bytes], key: Any, **manifest_changes: Any) -> bytes:
    """Change manifest fields and sign the result with ``key`` (another device's key, say)."""
    man = json.loads(parts["manifest.json"])
    man.update(manifest_changes)
    body = json.dumps(man, ensure_ascii=False, sort_keys=True, indent=1).encode()
    return rezip({**parts, "manifest.json": body, "signature": signing.sign_bytes(key, body).encode()})


def server_counts(sdb: Any) -> tuple[int, int]:
    """(operations in the op log, records) — to show that nothing was written."""
    import sqlalchemy as sa

    with sdb.engine.connect() as conn:
        return (
            conn.execute(sa.text("SELECT COUNT(*) FROM op_log")).scalar_one(),
            conn.execute(sa.text("SELECT COUNT(*) FROM record")).scalar_one(),
        )
