"""Township upload page: a township clerk signs in, drops the bundle files a hall brought,
reads per bundle and per hall what was accepted, duplicated or rejected and why, and
downloads each hall's acknowledgement bundle. Imports go through server/bundles.py, the
same idempotent ingest as the network push."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from villagedesk.i18n import tr
from villagedesk.server import db
from villagedesk.server.acks import AckError, ack_file_name, hall_by_code, make_ack
from villagedesk.server.bundles import import_bundle, retry_held
from villagedesk.server.settings import ApiError
from villagedesk.server.township_auth import (
    COOKIE,
    SESSION_S,
    check_password,
    make_cookie,
    user_from_cookie,
)
from villagedesk.server.township_page import login_form, upload_page

router = APIRouter(prefix="/township", include_in_schema=False)
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_FORM_BYTES = 4096


def _user(request: Request) -> str | None:
    with request.app.state.sessions() as s:
        return user_from_cookie(s, request.cookies.get(COOKIE))


async def _signed_in(request: Request) -> str:
    user = await run_in_threadpool(_user, request)
    if user is None:
        raise ApiError(401, "not_signed_in", tr("usb", "Sign in as township staff first."))
    return user


@router.get("/", response_class=HTMLResponse)
async def township_home(request: Request) -> HTMLResponse:
    user = await run_in_threadpool(_user, request)
    if user is None:
        return HTMLResponse(login_form())
    return HTMLResponse(upload_page(user))


@router.post("/login")
async def township_login(request: Request) -> Response:
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_FORM_BYTES:
            raise ApiError(413, "too_large", tr("SyncServer", "The request is too large."))
    form = parse_qs(raw.decode("utf-8", "replace"))
    username = (form.get("username") or [""])[0]
    password = (form.get("password") or [""])[0]
    next_url = safe_next((form.get("next") or [""])[0])

    def work() -> str | None:
        with request.app.state.sessions() as s:
            row = check_password(s, username, password)
            return make_cookie(s, row.username) if row else None

    cookie = await run_in_threadpool(work)
    if cookie is None:
        return HTMLResponse(login_form(tr("usb", "Wrong user name or password."), next_url=next_url), status_code=401)
    resp = RedirectResponse(next_url, status_code=303)
    # One sign-in for the township upload page and the county pages.
    resp.set_cookie(COOKIE, cookie, max_age=SESSION_S, httponly=True, samesite="strict", path="/")
    return resp


def safe_next(url: str) -> str:
    """Only back to our own pages (never an outside address)."""
    for prefix in ("/county/", "/township/"):
        if url.startswith(prefix) and "//" not in url[1:] and "\\" not in url:
            return url
    return "/township/"


@router.get("/logout")
async def township_logout() -> Response:
    resp = RedirectResponse("/township/", status_code=303)
    resp.delete_cookie(COOKIE, path="/")
    resp.delete_cookie(COOKIE, path="/township")  # set by earlier versions
    return resp


@router.post("/upload")
async def township_upload(request: Request, name: str = "bundle.vdbundle") -> JSONResponse:
    user = await _signed_in(request)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BUNDLE_BYTES:
            raise ApiError(413, "too_large", tr("SyncServer", "The request is too large."))
        chunks.append(chunk)
    data = b"".join(chunks)
    settings = request.app.state.settings
    sessions = request.app.state.sessions

    def work() -> dict:  # type: ignore[type-arg]
        retry_held(sessions, window=settings.window, now=settings.now())
        out = import_bundle(sessions, data, name=name[-200:], window=settings.window, now=settings.now(), uploaded_by=user)
        return out.as_json()

    return JSONResponse(await run_in_threadpool(work))


@router.get("/ack/{code}")
async def township_ack(request: Request, code: str) -> Response:
    await _signed_in(request)
    settings = request.app.state.settings

    def work() -> tuple[bytes, str]:
        with db.transaction(request.app.state.sessions) as s:
            hall = hall_by_code(s, code)
            data, fields = make_ack(s, hall_id=hall.id, now=settings.now())
            return data, ack_file_name(fields)

    try:
        data, filename = await run_in_threadpool(work)
    except AckError as exc:
        raise ApiError(404, "no_hall", str(exc)) from exc
    return Response(
        data, media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
