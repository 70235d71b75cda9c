"""Hall set-up, staff accounts, roles and sign-in with throttling."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets
import unicodedata
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import select

from villagedesk.db.models.core import Hall, Staff, StaffLoginState
from villagedesk.db.store import Store
from villagedesk.errors import DomainError, NotFoundError, PermissionDeniedError
from villagedesk.i18n import tr

ROLES = ("admin", "proxy", "eldercare", "supply", "party")
ROLE_LABELS = {
    "admin": "管理员",
    "proxy": "代办员",
    "eldercare": "养老服务员",
    "supply": "农资管理员",
    "party": "党务",
}
# Which affairs each role may work in; the admin sees all.
ROLE_AFFAIRS = {
    "admin": {"residents", "proxy", "eldercare", "supply", "party", "sync", "staff"},
    "proxy": {"residents", "proxy"},
    "eldercare": {"residents", "eldercare"},
    "supply": {"residents", "supply"},
    "party": {"residents", "party"},
}
THROTTLE_AFTER = 5
THROTTLE_BASE_SECONDS = 30
MIN_PASSWORD_LENGTH = 6

_hasher = PasswordHasher()


@dataclasses.dataclass(frozen=True)
class Actor:
    """The staff member on whose behalf a service acts."""

    staff_id: str
    name: str
    role: str

    def may(self, affair: str) -> bool:
        return affair in ROLE_AFFAIRS.get(self.role, set())


@dataclasses.dataclass(frozen=True)
class StaffInfo:
    id: str
    name: str
    role: str
    role_label: str
    active: bool
    phone: str


def require(actor: Actor | None, affair: str) -> None:
    if actor is not None and not actor.may(affair):
        raise PermissionDeniedError(tr("auth", "Your role may not do this. Ask the hall administrator."))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            tr("auth", "The password needs at least 6 characters."), field="password"
        )


def check_device_code(raw: str) -> str:
    """This PC's number in its hall: 01 to 99 (a single digit gets its leading zero)."""
    code = unicodedata.normalize("NFKC", raw or "").strip()
    if re.fullmatch(r"[0-9]", code):
        code = "0" + code
    if not re.fullmatch(r"[0-9]{2}", code) or code == "00":
        raise DomainError(
            tr("auth", "This PC's number must be 01 to 99. The hall's first PC is 01, the second "
                       "02, and so on: no two PCs of a hall may share a number."),
            field="device_code",
        )
    return code


def _to_info(staff: Staff) -> StaffInfo:
    return StaffInfo(staff.id, staff.name, staff.role, ROLE_LABELS.get(staff.role, staff.role),
                     staff.active, staff.phone)


def setup_hall(
    store: Store,
    *,
    hall_name: str,
    hall_code: str,
    admin_name: str,
    admin_password: str,
    township: str = "",
    county: str = "",
    phone: str = "",
    device_code: str = "01",
    is_demo: bool = False,
) -> StaffInfo:
    """Initialise this PC's hall and its administrator. Refused if the hall already exists.

    `device_code` is this PC's number within the hall (01, 02 ...). Receipt and document numbers
    carry it, so two PCs of one hall never print the same number, even offline."""
    if store.is_set_up:
        raise DomainError(tr("auth", "This hall is already set up."))
    hall_code = hall_code.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{6}", hall_code):
        raise DomainError(
            tr("auth", "The hall code must be 6 letters or digits, for example XG0203."),
            field="hall_code",
        )
    device_code = check_device_code(device_code)
    if not hall_name.strip():
        raise DomainError(tr("auth", "Enter the hall name."), field="hall_name")
    if not admin_name.strip():
        raise DomainError(tr("auth", "Enter the administrator's name."), field="admin_name")
    _check_password(admin_password)
    hall = Hall(
        id=str(uuid.uuid4()), code=hall_code, name=hall_name.strip(), township=township.strip(),
        county=county.strip(), phone=phone.strip(), device_id=str(uuid.uuid4()), device_code=device_code,
        receipt_secret=secrets.token_hex(32), is_demo=is_demo, created_at=store.clock.now(),
    )
    with store.write(None) as s:
        s.add(hall)
    store.forget_identity()
    with store.write(None) as s:
        staff = Staff(name=admin_name.strip(), role="admin", password_hash=_hasher.hash(admin_password))
        s.add(staff)
        s.flush()
        return _to_info(staff)


def hall_info(store: Store) -> Hall:
    with store.read() as s:
        hall = s.exec(select(Hall)).first()
    if hall is None:
        _ = store.identity  # raises the "not set up" message
    assert hall is not None
    return hall


def list_staff(store: Store, *, include_disabled: bool = True) -> list[StaffInfo]:
    with store.read() as s:
        rows = s.exec(select(Staff).order_by(Staff.role, Staff.name)).all()
    return [_to_info(r) for r in rows if include_disabled or r.active]


def actor_for(store: Store, name: str | None = None) -> Actor:
    """The named staff member, or the hall's first active administrator."""
    _ = store.identity
    with store.read() as s:
        query = select(Staff).where(Staff.active == True)  # noqa: E712
        query = query.where(Staff.name == name) if name else query.where(Staff.role == "admin")
        staff = s.exec(query.order_by(Staff.created_at)).first()
    if staff is None:
        raise NotFoundError(
            tr("auth", "No active staff member named {name}.").format(name=name or "admin")
        )
    return Actor(staff.id, staff.name, staff.role)


def create_staff(store: Store, *, actor: Actor, name: str, role: str, password: str,
                 phone: str = "") -> StaffInfo:
    require(actor, "staff")
    if role not in ROLES:
        raise DomainError(tr("auth", "Unknown role."), field="role")
    if not name.strip():
        raise DomainError(tr("auth", "Enter the staff member's name."), field="name")
    _check_password(password)
    with store.write(actor) as s:
        if s.exec(select(Staff).where(Staff.name == name.strip())).first():
            raise DomainError(tr("auth", "A staff member with this name already exists."), field="name")
        staff = Staff(name=name.strip(), role=role, password_hash=_hasher.hash(password), phone=phone)
        s.add(staff)
        s.flush()
        return _to_info(staff)


def _get_staff(s, staff_id: str) -> Staff:  # type: ignore[no-untyped-def]
    staff = s.get(Staff, staff_id)
    if staff is None:
        raise NotFoundError(tr("auth", "No such staff member."))
    return staff


def set_active(store: Store, *, actor: Actor, staff_id: str, active: bool) -> StaffInfo:
    """Disable (never delete) or re-enable an account."""
    require(actor, "staff")
    if staff_id == actor.staff_id and not active:
        raise DomainError(tr("auth", "You cannot disable your own account."))
    with store.write(actor) as s:
        staff = _get_staff(s, staff_id)
        staff.active = active
        s.add(staff)
        return _to_info(staff)


def change_role(store: Store, *, actor: Actor, staff_id: str, role: str) -> StaffInfo:
    require(actor, "staff")
    if role not in ROLES:
        raise DomainError(tr("auth", "Unknown role."), field="role")
    with store.write(actor) as s:
        staff = _get_staff(s, staff_id)
        staff.role = role
        s.add(staff)
        return _to_info(staff)


def reset_password(store: Store, *, actor: Actor, staff_id: str, password: str) -> None:
    if actor.staff_id != staff_id:
        require(actor, "staff")
    _check_password(password)
    with store.write(actor) as s:
        staff = _get_staff(s, staff_id)
        staff.password_hash = _hasher.hash(password)
        s.add(staff)
        state = s.get(StaffLoginState, staff_id)
        if state is not None:
            state.failed_attempts, state.locked_until = 0, None
            s.add(state)


def throttle_seconds(failed_attempts: int) -> int:
    """Nothing for the first 5 wrong tries, then 30 s, doubling with each further one."""
    if failed_attempts < THROTTLE_AFTER:
        return 0
    return int(min(THROTTLE_BASE_SECONDS * 2 ** (failed_attempts - THROTTLE_AFTER), 3600))


def authenticate(store: Store, *, name: str, password: str) -> Actor:
    """Sign in. After 5 wrong tries the account must wait, longer with each further one."""
    now = store.clock.now()
    with store.write(None) as s:
        staff = s.exec(select(Staff).where(Staff.name == name.strip())).first()
        if staff is None or not staff.active:
            raise DomainError(tr("auth", "Wrong name or password."), field="password")
        state = s.get(StaffLoginState, staff.id) or StaffLoginState(staff_id=staff.id)
        if state.locked_until is not None and state.locked_until > now:
            wait = int((state.locked_until - now).total_seconds()) + 1
            raise DomainError(
                tr("auth", "Too many wrong passwords. Try again in {seconds} seconds.").format(
                    seconds=wait),
                field="password", kind="throttled",
            )
        try:
            _hasher.verify(staff.password_hash, password)
        except (VerificationError, InvalidHashError):
            state.failed_attempts += 1
            wait = throttle_seconds(state.failed_attempts)
            state.locked_until = now + dt.timedelta(seconds=wait) if wait else None
            s.add(state)
            s.commit()
            if wait:
                raise DomainError(
                    tr("auth", "Too many wrong passwords. Try again in {seconds} seconds.").format(
                        seconds=wait),
                    field="password", kind="throttled",
                ) from None
            raise DomainError(tr("auth", "Wrong name or password."), field="password") from None
        state.failed_attempts, state.locked_until, state.last_login_at = 0, None, now
        s.add(state)
        return Actor(staff.id, staff.name, staff.role)
