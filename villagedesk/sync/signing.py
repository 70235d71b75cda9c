"""Ed25519 keys and request signatures shared by the hall client and the county server.

A request is signed over ``METHOD\\nPATH?QUERY\\nTIMESTAMP\\nsha256(body)``, where the body is
the exact bytes on the wire (gzip included). The timestamp is the *server's* time as the hall
estimates it from the last health check, so a hall whose clock is a year off still signs
valid requests.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

SIGNATURE_WINDOW_S = 300


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_to_b64(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return base64.b64encode(raw).decode("ascii")


def private_from_b64(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text))


def public_to_b64(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def public_from_b64(text: str) -> Ed25519PublicKey:
    raw = base64.b64decode(text, validate=True)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def signing_message(method: str, path: str, timestamp: int | str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"{method.upper()}\n{path}\n{timestamp}\n{digest}".encode()


def sign_request(
    key: Ed25519PrivateKey, method: str, path: str, timestamp: int, body: bytes
) -> str:
    sig = key.sign(signing_message(method, path, timestamp, body))
    return base64.b64encode(sig).decode("ascii")


def verify_request(
    public_key_b64: str, signature_b64: str, method: str, path: str, timestamp: str, body: bytes
) -> bool:
    try:
        key = public_from_b64(public_key_b64)
        key.verify(
            base64.b64decode(signature_b64, validate=True),
            signing_message(method, path, timestamp, body),
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_bytes(key: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data)).decode("ascii")


def verify_bytes(public_key_b64: str, signature_b64: str, data: bytes) -> bool:
    try:
        public_from_b64(public_key_b64).verify(base64.b64decode(signature_b64, validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True
