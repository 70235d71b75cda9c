"""Request body limits and device authentication (Ed25519 signature on every request)."""

from __future__ import annotations

import zlib

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from villagedesk.i18n import tr
from villagedesk.server.models import Device
from villagedesk.server.settings import ApiError, ServerSettings
from villagedesk.sync import signing
from villagedesk.sync.protocol import HDR_DEVICE, HDR_SIGNATURE, HDR_TIMESTAMP


async def read_body(request: Request, settings: ServerSettings) -> bytes:
    """The raw body, refused with 413 as soon as it passes the limit."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_body_bytes:
        raise ApiError(413, "too_large", tr("SyncServer", "The request is too large."))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > settings.max_body_bytes:
            raise ApiError(413, "too_large", tr("SyncServer", "The request is too large."))
        chunks.append(chunk)
    return b"".join(chunks)


def inflate(request: Request, body: bytes, settings: ServerSettings) -> bytes:
    encoding = request.headers.get("content-encoding", "").lower()
    if encoding in ("", "identity"):
        return body
    if encoding != "gzip":
        raise ApiError(415, "encoding", tr("SyncServer", "Unsupported content encoding."))
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, settings.max_inflated_bytes + 1)
    except zlib.error as exc:
        raise ApiError(400, "bad_gzip", tr("SyncServer", "The request body is not valid gzip.")) from exc
    if len(out) > settings.max_inflated_bytes or inflater.unconsumed_tail:
        raise ApiError(413, "too_large", tr("SyncServer", "The request is too large."))
    if not inflater.eof:
        raise ApiError(400, "bad_gzip", tr("SyncServer", "The request body is cut off."))
    return out


def authenticate(
    request: Request, body: bytes, sessions: sessionmaker[Session], settings: ServerSettings
) -> Device:
    """The enrolled device that signed this request, or a 401 with the reason."""
    with sessions() as session:
        return authenticate_in(session, request, body, settings)


def authenticate_in(session: Session, request: Request, body: bytes, settings: ServerSettings) -> Device:
    """``authenticate`` on the caller's session (a push checks the signature and ingests on
    one connection). The device comes back detached from the session."""
    device_id = request.headers.get(HDR_DEVICE)
    timestamp = request.headers.get(HDR_TIMESTAMP)
    signature = request.headers.get(HDR_SIGNATURE)
    if not device_id or not timestamp or not signature:
        raise ApiError(401, "unsigned", tr("SyncServer", "The request is not signed by an enrolled device."))
    try:
        ts = int(timestamp)
    except ValueError as exc:
        raise ApiError(401, "bad_timestamp", tr("SyncServer", "The request timestamp is invalid.")) from exc
    if abs(settings.now().timestamp() - ts) > settings.signature_window_s:
        raise ApiError(401, "stale", tr("SyncServer", "The request timestamp is too far from the server's time."))
    device = session.get(Device, device_id[:36])
    if device is not None:
        session.expunge(device)
    if device is None:
        raise ApiError(401, "unknown_device", tr("SyncServer", "This device is not enrolled with the county server."))
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if not signing.verify_request(device.public_key, signature, request.method, path, timestamp, body):
        raise ApiError(401, "bad_signature", tr("SyncServer", "The request signature does not match this device."))
    return device
