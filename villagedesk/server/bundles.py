"""Import of USB bundles at the township, through the same idempotent ingest as the network
push. A bundle is checked whole before anything is written (structure, digests, signature,
device, hall); then its operations go through ``ingest`` in one transaction. A bundle that
fails any check is rejected whole with a reason a township clerk understands, and nothing
from it is written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from pydantic import TypeAdapter, ValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from villagedesk.i18n import tr
from villagedesk.server import db
from villagedesk.server.bundle_models import BundleDevice, BundleHeld, BundleReceipt
from villagedesk.server.halls import _aware, _hash_code, device_code_message, device_code_taken
from villagedesk.server.ingest import IngestConflict, IngestForbidden, IngestResult, ingest
from villagedesk.server.models import Device, Enrollment, Hall
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync import bundle, signing
from villagedesk.sync.bundle import BundleError
from villagedesk.sync.protocol import ClientState, Operation

INGEST_CHUNK = 5000
RETRIES = 4
_OPS = TypeAdapter(list[Operation])


@dataclass
class BundleOutcome:
    file: str
    status: str  # accepted | duplicate | held | rejected
    bundle_id: str = ""
    hall_code: str = ""
    hall_id: str = ""
    device_id: str = ""
    operations: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    held: int = 0
    reason: str = ""
    code: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class _Reject(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _damaged_manifest() -> _Reject:
    return _Reject("damaged", tr("usb", "The bundle's description does not match its content; it cannot be used. Export it again at the hall."))


def _parse(data: bytes) -> tuple[bundle.Envelope, list[dict[str, Any]]]:
    env = bundle.unpack(data, expected_kind="ops")
    man = env.manifest
    for key in ("hall_id", "device_id", "bundle_id", "seq_from", "seq_to", "op_count", "schema_rev"):
        if key not in man:
            raise _damaged_manifest()
    if bundle.OPS not in env.members or not all(isinstance(man[k], str) and 0 < len(man[k]) <= 36 for k in ("hall_id", "device_id", "bundle_id")):
        raise _damaged_manifest()
    ops = _parse_ops(env.members[bundle.OPS])
    seqs = [op["seq"] for op in ops]
    if len(ops) != man["op_count"] or seqs != sorted(set(seqs)) or (ops and (seqs[0] != man["seq_from"] or seqs[-1] != man["seq_to"])):
        raise _damaged_manifest()
    return env, ops


def _used() -> _Reject:
    return _Reject("enrollment_used", tr("usb", "The enrollment in this bundle was already used by another PC. Ask the county for a new enrollment file."))


_KEYS = frozenset(Operation.model_fields)
_STR = {"txid": (0, 64), "entity": (1, 64), "entity_id": (1, 64), "created_at": (0, 40)}


def _plain(op: Any) -> bool:
    """True when ``op`` is exactly what ``Operation`` validation and dump would give back, so
    that it hashes like the same operation pushed over the network."""
    if type(op) is not dict or op.keys() != _KEYS:
        return False
    if type(op["seq"]) is not int or op["seq"] < 1 or type(op["version"]) is not int or type(op["schema_rev"]) is not int:
        return False
    if op["kind"] not in ("upsert", "delete") or not (op["base_version"] is None or type(op["base_version"]) is int):
        return False
    staff = op["staff_id"]
    if not (staff is None or (type(staff) is str and len(staff) <= 64)):
        return False
    return all(type(op[k]) is str and lo <= len(op[k]) <= hi for k, (lo, hi) in _STR.items())


def _parse_ops(raw: bytes) -> list[dict[str, Any]]:
    """The operations of ops.jsonl, validated like a network push. Plain JSON for the usual
    well-formed line; the full model for anything else (the same result, only slower)."""
    try:
        parsed = json.loads(b"[" + b",".join(line for line in raw.split(b"\n") if line.strip()) + b"]")
    except ValueError as exc:
        raise _damaged_manifest() from exc
    slow = [i for i, op in enumerate(parsed) if not _plain(op)]
    if slow:
        try:
            fixed = _OPS.dump_python(_OPS.validate_python([parsed[i] for i in slow]), mode="json")
        except ValidationError as exc:
            raise _damaged_manifest() from exc
        for i, op in zip(slow, fixed, strict=True):
            parsed[i] = op
    return parsed


def _enroll_device(s: Session, env: bundle.Envelope, now: datetime) -> Device:
    """The device's first bundle: its public key, accepted only beside the one-time secret."""
    man = env.manifest
    enr_doc = man.get("enrollment")
    if not isinstance(enr_doc, dict) or not isinstance(enr_doc.get("secret"), str) or not isinstance(enr_doc.get("public_key"), str):
        raise _Reject("foreign", tr("usb", "This bundle comes from a PC that is not enrolled with this county server. Check that the hall uses the enrollment file of this county."))
    enr = s.execute(sa.select(Enrollment).where(Enrollment.code_hash == _hash_code(enr_doc["secret"])).with_for_update()).scalar_one_or_none()
    if enr is None or enr.device_id != man["device_id"] or enr.hall_id != man["hall_id"]:
        raise _Reject("foreign", tr("usb", "This bundle comes from a PC that is not enrolled with this county server. Check that the hall uses the enrollment file of this county."))
    if enr.used_at is not None:
        raise _used()
    if _aware(enr.expires_at) < now:
        raise _Reject("enrollment_expired", tr("usb", "The enrollment in this bundle has expired. Ask the county for a new enrollment file, enroll the hall PC again and export again."))
    try:
        signing.public_from_b64(enr_doc["public_key"])
    except ValueError as exc:
        raise BundleError("bad_signature", bundle.bad_signature().message) from exc
    if not env.verify(enr_doc["public_key"]):
        raise bundle.bad_signature()
    device_code = str(enr_doc.get("device_code") or "")[:4]
    taken = device_code_taken(s, enr.hall_id, device_code)
    if taken is not None:
        raise _Reject("device_code", device_code_message(device_code, taken))
    s.execute(sa.update(Enrollment).where(Enrollment.id == enr.id).values(used_at=now))
    dev = Device(id=man["device_id"], hall_id=enr.hall_id, public_key=enr_doc["public_key"], name="USB",
                 device_code=device_code, enrolled_at=now, last_contact=now)
    s.add(dev)
    s.flush()
    return dev


def _client_state(man: dict[str, Any]) -> ClientState | None:
    try:
        return ClientState.model_validate(man.get("client_state") or {})
    except ValidationError:
        return None


def _import(
    s: Session, env: bundle.Envelope, ops: list[dict[str, Any]], out: BundleOutcome, *,
    window: SchemaWindow, now: datetime, file_sha: str, uploaded_by: str, data: bytes,
) -> None:
    man = env.manifest
    dev = s.get(Device, man["device_id"])
    if dev is None:
        dev = _enroll_device(s, env, now)
    elif not env.verify(dev.public_key):
        if isinstance(man.get("enrollment"), dict):  # the same enrollment file used on a second PC
            raise _used()
        raise bundle.bad_signature()
    # Only the code: a Hall object in this session would trip the ingest's bulk update of it.
    hall_code = s.execute(sa.select(Hall.code).where(Hall.id == dev.hall_id)).scalar_one()
    out.hall_code, out.hall_id, out.device_id = hall_code, dev.hall_id, dev.id
    if man["hall_id"] != dev.hall_id:
        raise _Reject("other_hall", tr("usb", "This bundle claims to belong to another hall than the PC that made it (enrolled for {code}). It cannot be used.").format(code=hall_code))
    pg = s.get_bind().dialect.name == "postgresql"
    total = IngestResult(results=[], high_water=dev.high_water)
    if pg and len(ops) > INGEST_CHUNK:
        s.execute(sa.text("ANALYZE record, op_log"))  # rows of earlier imports autovacuum has not counted yet
    for n, i in enumerate(range(0, max(len(ops), 1), INGEST_CHUNK), 1):
        res = ingest(s, device_id=dev.id, ops=ops[i : i + INGEST_CHUNK], window=window, now=now, client_state=_client_state(man))
        if pg and n & (n - 1) == 0 and i + INGEST_CHUNK < len(ops):  # after chunks 1, 2, 4, 8, ...
            # One big transaction grows the tables far past the planner's statistics, and
            # the ingest's key probes turn into scans. ANALYZE counts our own new rows.
            s.execute(sa.text("ANALYZE record, op_log"))
        total.applied += res.applied
        total.duplicates += res.duplicates
        total.rejected += res.rejected
        total.later += res.later
    out.accepted, out.duplicates, out.rejected, out.held = total.applied, total.duplicates, total.rejected, total.later
    if total.later:
        out.status = "held"
        out.reason = tr("usb", "{n} operations come from a newer program than this server. The bundle is kept and imported when the county server is upgraded.").format(n=total.later)
        if s.get(BundleHeld, man["bundle_id"]) is None:
            s.add(BundleHeld(bundle_id=man["bundle_id"], hall_id=dev.hall_id, device_id=dev.id, schema_rev=int(man["schema_rev"]), data=data, received_at=now))
    elif ops and total.duplicates == len(ops):
        out.status = "duplicate"
        out.reason = tr("usb", "Everything in this bundle was already received; nothing was added twice.")
    first_time = s.get(BundleReceipt, man["bundle_id"]) is None
    if first_time:
        s.add(BundleReceipt(
            bundle_id=man["bundle_id"], hall_id=dev.hall_id, device_id=dev.id, seq_from=int(man["seq_from"]), seq_to=int(man["seq_to"]),
            op_count=len(ops), previous_bundle_id=str(man.get("previous_bundle_id") or "")[:36], file_sha256=file_sha,
            status=out.status, applied=total.applied, duplicates=total.duplicates, rejected=total.rejected, later=total.later,
            received_at=now, uploaded_by=uploaded_by[:40],
        ))
    bd = s.get(BundleDevice, dev.id) or BundleDevice(device_id=dev.id, hall_id=dev.hall_id)
    if first_time:  # a replayed old bundle must not move the cursor back (the hall's clock may be off)
        cursor = man.get("ref_cursor")
        bd.ref_cursor = cursor if type(cursor) is int and cursor >= 0 else 0
        bd.last_bundle_id, bd.last_bundle_created = man["bundle_id"], str(man.get("created_at") or "")[:40]
    s.add(bd)
    s.flush()


def _retryable(exc: Exception) -> bool:
    text = str(exc).lower()
    return isinstance(exc, IntegrityError) or any(w in text for w in ("deadlock", "locked", "could not serialize"))


def import_bundle(
    sessions: sessionmaker[Session], data: bytes, *, name: str, window: SchemaWindow, now: datetime, uploaded_by: str = ""
) -> BundleOutcome:
    """Check and import one bundle file in its own transaction; never raises for a bad file."""
    out = BundleOutcome(file=name, status="accepted")
    try:
        env, ops = _parse(data)
    except (BundleError, _Reject) as exc:
        return _rejected(out, exc)
    man = env.manifest
    out.bundle_id, out.device_id, out.operations = man["bundle_id"], man["device_id"], len(ops)
    out.hall_code = str(man.get("hall_code") or "")[:40]  # as claimed, until the signature is checked
    file_sha = hashlib.sha256(data).hexdigest()
    for attempt in range(RETRIES):
        trial = BundleOutcome(**{**out.as_json()})
        try:
            with db.transaction(sessions) as s:
                _import(s, env, ops, trial, window=window, now=now, file_sha=file_sha, uploaded_by=uploaded_by, data=data)
            return trial
        except (BundleError, _Reject) as exc:
            return _rejected(trial, exc)
        except IngestConflict as exc:
            return _rejected(trial, _Reject("payload_changed", tr("usb", "Operation {seq} in this bundle was already received with different content. The bundle was not imported; tell the county.").format(seq=exc.seq)))
        except IngestForbidden:
            return _rejected(trial, _Reject("other_hall", tr("usb", "This bundle holds records of another hall. It cannot be used.")))
        except (IntegrityError, DBAPIError) as exc:
            if attempt == RETRIES - 1 or not _retryable(exc):
                raise
    raise AssertionError("unreachable")


def _rejected(out: BundleOutcome, exc: Exception) -> BundleOutcome:
    out.status = "rejected"
    out.code = getattr(exc, "code", "rejected")
    out.reason = getattr(exc, "message", str(exc))
    out.accepted = out.duplicates = out.held = 0
    out.rejected = out.operations
    return out


def retry_held(sessions: sessionmaker[Session], *, window: SchemaWindow, now: datetime) -> list[BundleOutcome]:
    """Import held bundles again; one this server now fully understands is released."""
    with sessions() as s:
        held = s.execute(sa.select(BundleHeld.bundle_id, BundleHeld.schema_rev).where(BundleHeld.released_at.is_(None))).all()
    outcomes = []
    for bundle_id, rev in held:
        if rev > window.max_rev:
            continue
        with sessions() as s:
            data = s.execute(sa.select(BundleHeld.data).where(BundleHeld.bundle_id == bundle_id)).scalar_one()
        out = import_bundle(sessions, data, name=f"held:{bundle_id}", window=window, now=now)
        outcomes.append(out)
        if out.status in ("accepted", "duplicate"):
            with db.transaction(sessions) as s:
                s.execute(sa.update(BundleHeld).where(BundleHeld.bundle_id == bundle_id).values(released_at=now))
    return outcomes
