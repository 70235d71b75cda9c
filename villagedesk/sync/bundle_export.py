"""Export at the hall: everything not yet acknowledged goes into one signed ``.vdbundle``.

The outbox is only read here. An operation counts as sent only when an acknowledgement
bundle from the county says so (see bundle_ack.py), so exporting twice before an ack simply
produces a second bundle covering everything still unacknowledged.

The file is written under a temporary name, fsynced, renamed, then read back and verified.
A full or pulled-out USB stick gives a clear message, and nothing at the hall changes.
"""

from __future__ import annotations

import errno
import json
import os
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import text

from villagedesk import __version__
from villagedesk.db.models.usb import UsbState
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.sync import bundle, signing
from villagedesk.sync.protocol import SCHEMA_REV
from villagedesk.sync.push import OP_COLUMNS, _row_to_op
from villagedesk.sync.state import counts, require_state


def _ops_lines(rows: list[Any]) -> bytes:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return "".join(dumps(_row_to_op(row)) + "\n" for row in rows).encode("utf-8")


def build_bundle(store: Store) -> tuple[bytes, dict[str, Any]]:
    """The bundle bytes and its manifest, for every pending operation of this PC."""
    st = require_state(store)
    ident = store.identity
    with store.read() as s:
        rows = s.execute(text(f"SELECT {OP_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY seq")).all()
        usb = s.get(UsbState, 1)
        c = counts(s)
    key = signing.private_from_b64(st.device_private_key)
    fields: dict[str, Any] = {
        "hall_id": ident.hall_id, "hall_code": st.hall_code, "device_id": ident.device_id,
        "bundle_id": str(uuid.uuid4()),
        "seq_from": rows[0][0] if rows else 0, "seq_to": rows[-1][0] if rows else 0, "op_count": len(rows),
        "schema_rev": max([SCHEMA_REV, *(int(r[8]) for r in rows)]),
        "previous_bundle_id": usb.last_bundle_id if usb else "",
        "created_at": store.clock.now().isoformat(timespec="seconds"),
        "app_version": __version__, "ref_cursor": st.pull_cursor, "epoch": st.epoch,
        "client_state": {k: c[k] for k in ("pending", "rejected", "conflicts", "last_seq")},
    }
    if usb is not None and usb.enrollment_secret:
        fields["enrollment"] = {"secret": usb.enrollment_secret, "public_key": signing.public_to_b64(key),
                                "device_code": store.identity.device_code}
    data = bundle.pack("ops", fields, {bundle.OPS: _ops_lines(rows)}, key, level=1)
    return data, fields


def file_name(manifest: dict[str, Any]) -> str:
    day = manifest["created_at"][:10].replace("-", "")
    code = "".join(ch for ch in manifest["hall_code"] if ch.isascii() and (ch.isalnum() or ch in "-_")) or "hall"
    return f"{code}-{day}-{manifest['seq_from']}-{manifest['seq_to']}-{manifest['bundle_id'][:8]}{bundle.BUNDLE_SUFFIX}"


def _write_error(exc: OSError) -> DomainError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DomainError(tr("usb", "The USB stick is full. Delete old files from it or use another stick, then export again. Nothing at the hall was changed."))
    return DomainError(
        tr("usb", "Could not write to the USB stick ({detail}). Was it pulled out? Plug it in again and export again. Nothing at the hall was changed.").format(detail=exc.strerror or exc)
    )


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_verified(data: bytes, target: Path, public_key: str) -> None:
    """Temp name, fsync, rename, read back, verify. Raises DomainError; leaves no half file."""
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        back = target.read_bytes()
    except OSError as exc:
        for path in (tmp, target):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        raise _write_error(exc) from exc
    try:
        env = bundle.unpack(back)
        if back != data or not env.verify(public_key):
            raise bundle.bad_signature()
    except bundle.BundleError as exc:
        try:
            target.unlink(missing_ok=True)
        except OSError:
            pass
        raise DomainError(tr("usb", "The file read back from the USB stick is not what was written; the stick may be faulty. Try another stick.")) from exc


def export_bundle(store: Store, *, out_dir: Path) -> dict[str, Any]:
    """Write a bundle into ``out_dir`` (the USB stick). Returns what the CLI prints."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise DomainError(tr("usb", "The folder {path} does not exist. Is the USB stick plugged in?").format(path=out_dir), field="out")
    data, manifest = build_bundle(store)
    target = out_dir / file_name(manifest)
    st = require_state(store)
    write_verified(data, target, signing.public_to_b64(signing.private_from_b64(st.device_private_key)))
    with store.write(None) as s:
        usb = s.get(UsbState, 1) or UsbState(id=1)
        usb.last_bundle_id = manifest["bundle_id"]
        usb.last_bundle_at = store.clock.now()
        usb.last_bundle_seq_to = manifest["seq_to"]
        s.add(usb)
    return {
        "file": str(target), "bundle_id": manifest["bundle_id"], "operations": manifest["op_count"],
        "seq_from": manifest["seq_from"], "seq_to": manifest["seq_to"], "bytes": len(data),
        "previous_bundle_id": manifest["previous_bundle_id"], "includes_enrollment": "enrollment" in manifest,
    }
