"""The signed zip container shared by USB operation bundles (``.vdbundle``) and the
county's acknowledgement bundles (``.vdack``).

A container holds ``manifest.json`` (what it is, who made it, the sha256 and size of every
other member), the payload members, and ``signature``: the base64 Ed25519 signature over
the exact bytes of ``manifest.json``. Reading checks everything before anything is
believed: the zip structure and CRCs, the set of members, each member's size and sha256,
and (with the signer's public key) the signature. Every failure is a ``BundleError`` whose
message a township clerk can act on.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from villagedesk.i18n import tr
from villagedesk.sync import signing

FORMAT = "villagedesk-bundle"
FORMAT_VERSION = 1
BUNDLE_SUFFIX = ".vdbundle"
ACK_SUFFIX = ".vdack"
MANIFEST = "manifest.json"
SIGNATURE = "signature"
OPS = "ops.jsonl"
ACK = "ack.json"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a zip bomb stops here
MAX_MANIFEST_BYTES = 1024 * 1024
SEAL_PREFIX = b"vdsha256:"  # the zip comment: sha256 of every byte of the file before the digest
_SEAL_LEN = len(SEAL_PREFIX) + 64


class BundleError(Exception):
    """The file cannot be used. ``code`` is for machines, the message for the clerk."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Envelope:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: str
    members: dict[str, bytes]

    def verify(self, public_key_b64: str) -> bool:
        return signing.verify_bytes(public_key_b64, self.signature, self.manifest_bytes)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(kind: str, fields: dict[str, Any], members: dict[str, bytes], key: Ed25519PrivateKey, *, level: int = 6) -> bytes:
    """A signed container: ``fields`` go into the manifest beside the member digests."""
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind, **fields,
        "members": {name: {"sha256": sha256(data), "size": len(data)} for name, data in members.items()},
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr(SIGNATURE, signing.sign_bytes(key, manifest_bytes).encode("ascii"))
        zf.comment = SEAL_PREFIX + b"0" * 64
    return seal(buf.getvalue())


def seal(data: bytes) -> bytes:
    """Fill the zip comment with the sha256 of all bytes before the digest, so that a change
    of any single byte (zip headers included) is caught, not only changes of the content."""
    if not data.endswith(SEAL_PREFIX + b"0" * 64):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.comment  # noqa: B018 - a zip made without a seal placeholder
        buf = io.BytesIO(data)
        with zipfile.ZipFile(buf, "a") as zf:
            zf.comment = SEAL_PREFIX + b"0" * 64
        data = buf.getvalue()
    return data[:-64] + sha256(data[:-64]).encode("ascii")


def _check_seal(data: bytes, comment: bytes) -> None:
    if len(comment) != _SEAL_LEN or not comment.startswith(SEAL_PREFIX) or not data.endswith(comment):
        raise _damaged()
    if sha256(data[:-64]).encode("ascii") != comment[-64:]:
        raise _damaged()


def _damaged() -> BundleError:
    return BundleError(
        "damaged",
        tr("usb", "The file is incomplete or damaged (perhaps the USB stick was pulled out while copying). Export it again at the hall."),
    )


def _tampered() -> BundleError:
    return BundleError(
        "tampered",
        tr("usb", "The file's content was changed after the hall PC made it. It cannot be used; export it again at the hall."),
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise _damaged()
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise _damaged() from exc
    if len(data) > limit or len(data) != info.file_size:
        raise _damaged()
    return data


def unpack(data: bytes, *, expected_kind: str | None = None) -> Envelope:
    """Open and check a container without trusting it: structure, members and digests.
    The signature is checked by the caller, who knows whose key should have made it."""
    if not data:
        raise _damaged()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError) as exc:
        if not data.startswith(b"PK"):
            raise BundleError("not_a_bundle", tr("usb", "This is not a VillageDesk bundle file.")) from exc
        raise _damaged() from exc
    with zf:
        _check_seal(data, zf.comment)
        infos = {i.filename: i for i in zf.infolist()}
        if len(infos) != len(zf.infolist()) or MANIFEST not in infos or SIGNATURE not in infos:
            raise BundleError("not_a_bundle", tr("usb", "This is not a VillageDesk bundle file."))
        manifest_bytes = _read_member(zf, infos[MANIFEST], MAX_MANIFEST_BYTES)
        try:
            manifest = json.loads(manifest_bytes)
        except ValueError as exc:
            raise _tampered() from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("members"), dict):
            raise BundleError("not_a_bundle", tr("usb", "This is not a VillageDesk bundle file."))
        if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
            raise BundleError("newer_format", tr("usb", "This file was made by a newer VillageDesk. Upgrade the county server first; keep the file."))
        kind = manifest.get("kind")
        if expected_kind and kind != expected_kind:
            if kind == "ack":
                raise BundleError("wrong_kind", tr("usb", "This is an acknowledgement file for a hall, not a bundle from a hall. Take it back to the hall PC."))
            raise BundleError("wrong_kind", tr("usb", "This is a bundle from a hall, not an acknowledgement. Upload it at the township."))
        declared = manifest["members"]
        if set(infos) != set(declared) | {MANIFEST, SIGNATURE}:
            raise _tampered()
        members: dict[str, bytes] = {}
        for name, meta in declared.items():
            body = _read_member(zf, infos[name], MAX_MEMBER_BYTES)
            if not isinstance(meta, dict) or meta.get("size") != len(body) or meta.get("sha256") != sha256(body):
                raise _tampered()
            members[name] = body
        signature = _read_member(zf, infos[SIGNATURE], 1024).decode("ascii", "replace").strip()
    try:
        base64.b64decode(signature, validate=True)
    except ValueError as exc:
        raise _tampered() from exc
    return Envelope(manifest, manifest_bytes, signature, members)


def bad_signature() -> BundleError:
    return BundleError(
        "bad_signature",
        tr("usb", "The file's signature does not match the hall PC it claims to come from. It was changed or made elsewhere; it cannot be used."),
    )
