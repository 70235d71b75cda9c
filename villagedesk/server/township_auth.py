"""Township clerk accounts (argon2 hashes) and the sign-in cookie of the township page.

The cookie is ``username|expiry|hmac``, keyed from the server's signing key, so any worker
can check it without state in memory.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from villagedesk.i18n import tr
from villagedesk.server import db
from villagedesk.server.bundle_models import TownshipUser

COOKIE = "vd_township"
SESSION_S = 8 * 3600
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def add_user(session: Session, *, username: str, password: str, name: str, now: object) -> None:
    username = username.strip()
    if not username or len(username) > 40 or "|" in username:
        raise ValueError(tr("usb", "A user name is 1 to 40 characters, without \"|\"."))
    if len(password) < 6:
        raise ValueError(tr("usb", "A password needs at least 6 characters."))
    row = session.get(TownshipUser, username)
    if row is None:
        row = TownshipUser(username=username, name=name, password_hash="", created_at=now)  # type: ignore[arg-type]
    row.password_hash = _hasher.hash(password)
    row.name = name or row.name
    row.active = True
    session.add(row)


def check_password(session: Session, username: str, password: str) -> TownshipUser | None:
    row = session.get(TownshipUser, username.strip()[:40])
    if row is None or not row.active:
        _hasher.hash("x" * 8)  # same cost whether or not the name exists
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return row


def _key(session: Session) -> bytes:
    return hashlib.sha256(b"township-cookie:" + db.read_meta(session)["signing_key"].encode()).digest()


def make_cookie(session: Session, username: str, now: float | None = None) -> str:
    expiry = int((now or time.time()) + SESSION_S)
    msg = f"{username}|{expiry}"
    mac = hmac.new(_key(session), msg.encode(), hashlib.sha256).hexdigest()
    return f"{msg}|{mac}"


def user_from_cookie(session: Session, cookie: str | None, now: float | None = None) -> str | None:
    if not cookie or cookie.count("|") != 2:
        return None
    username, expiry, mac = cookie.split("|")
    want = hmac.new(_key(session), f"{username}|{expiry}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, want) or not expiry.isdigit() or int(expiry) < (now or time.time()):
        return None
    row = session.get(TownshipUser, username)
    return username if row is not None and row.active else None
