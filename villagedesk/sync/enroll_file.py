"""Enrollment without a network: a file signed by the county server.

The county writes the file (``villagedesk-server halls create --enrollment-file PATH``). It
names the hall, a device id reserved for the PC, the server's public key and epoch, and the
enrollment's one-time secret. The hall PC makes its own key pair, takes the ids, and keeps
the secret. Its public key reaches the county inside its first bundle, beside the secret;
the server accepts the key only together with that secret, once.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from villagedesk.db.models.usb import UsbState
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.sync import signing
from villagedesk.sync.enroll import _adopt_identity
from villagedesk.sync.protocol import EnrollResponse
from villagedesk.sync.state import get_state

FORMAT = "villagedesk-enrollment"
SUFFIX = ".vdenroll"
PAYLOAD_KEYS = ("hall_id", "hall_code", "hall_name", "device_id", "secret", "server_public_key", "epoch", "expires_at")


def make_document(payload: dict[str, Any], key: Ed25519PrivateKey) -> bytes:
    """The file's bytes: the payload and the server's signature over its canonical JSON."""
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    doc = {"format": FORMAT, "payload": payload, "signature": signing.sign_bytes(key, body.encode("utf-8"))}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def read_document(data: bytes) -> dict[str, Any]:
    """The payload of a well-formed enrollment file whose signature matches its server key."""
    bad = DomainError(tr("usb", "This is not a valid enrollment file (it is damaged or was changed). Ask the county for a new one."), field="file")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("payload"), dict):
        raise bad
    payload = doc["payload"]
    if any(not isinstance(payload.get(k), str) or not payload.get(k) for k in PAYLOAD_KEYS):
        raise bad
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    if not signing.verify_bytes(payload["server_public_key"], str(doc.get("signature", "")), body):
        raise bad
    return payload


def enroll_from_file(store: Store, *, path: Path, force: bool = False) -> dict[str, Any]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DomainError(tr("usb", "Cannot read the enrollment file {path}.").format(path=path), field="file") from exc
    payload = read_document(data)
    if dt.datetime.fromisoformat(payload["expires_at"]) < store.clock.now():
        raise DomainError(tr("usb", "This enrollment file has expired. Ask the county for a new one."), field="file")
    ident = store.identity
    with store.read() as s:
        st = get_state(s)
        sent = s.execute(text("SELECT COUNT(*) FROM outbox WHERE state != 'pending'")).scalar_one()
    if st is not None and st.device_private_key and not force:
        raise DomainError(tr("usb", "This PC is already enrolled with the county server."))
    if force and sent:
        raise DomainError(tr("usb", "This PC has already sent records to the county server; it cannot enroll again as a new device."))
    key = signing.new_private_key()
    # The secret first: if the PC stops between the two steps, enrolling again simply works.
    with store.write(None) as s:
        usb = s.get(UsbState, 1) or UsbState(id=1)
        usb.enrollment_secret = payload["secret"]
        usb.enrollment_file_id = str(uuid.uuid5(uuid.NAMESPACE_OID, payload["device_id"] + payload["secret"]))
        usb.last_bundle_id = ""
        usb.ack_version = 0
        s.add(usb)
    resp = EnrollResponse(
        hall_id=payload["hall_id"], hall_code=payload["hall_code"], hall_name=payload["hall_name"],
        device_id=payload["device_id"], server_public_key=payload["server_public_key"], epoch=payload["epoch"],
    )
    _adopt_identity(
        store, resp, server_url=str(payload.get("server_url") or ""), private_key=signing.private_to_b64(key),
        old_hall=ident.hall_id, old_device=ident.device_id,
    )
    store.forget_identity()
    return {
        "hall_id": resp.hall_id, "hall_code": resp.hall_code, "hall_name": resp.hall_name,
        "device_id": resp.device_id, "server": payload.get("server_url") or None, "via": "file",
    }
