"""The JSON API halls talk to: health, enrollment, device state, push and the change feed."""

from __future__ import annotations

import json
import logging
import time

import sqlalchemy as sa
from fastapi import APIRouter, Request, Response
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.concurrency import run_in_threadpool

from villagedesk.i18n import tr
from villagedesk.server import db
from villagedesk.server.auth import authenticate, authenticate_in, inflate, read_body
from villagedesk.server.halls import EnrollmentError, enroll_device
from villagedesk.server.ingest import IngestConflict, IngestForbidden, ingest
from villagedesk.server.models import Device
from villagedesk.server.reference import changes_since, feed_head
from villagedesk.server.settings import ApiError, ServerSettings
from villagedesk.sync import signing
from villagedesk.sync.protocol import (
    API_PREFIX,
    ChangesResponse,
    DeviceState,
    EnrollRequest,
    EnrollResponse,
    Health,
    PushRequest,
    PushResponse,
)

log = logging.getLogger("villagedesk.server")
router = APIRouter(prefix=API_PREFIX)
RETRIES = 4


def _ctx(request: Request) -> tuple[sa.orm.sessionmaker, ServerSettings]:  # type: ignore[name-defined]
    return request.app.state.sessions, request.app.state.settings


def _epoch(sessions) -> str:  # type: ignore[no-untyped-def]
    with sessions() as s:
        return db.read_meta(s)["epoch"]


def _parse(model, raw: bytes):  # type: ignore[no-untyped-def]
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ApiError(422, "malformed", tr("SyncServer", "Malformed request: {where}: {msg}").format(where=where, msg=first.get("msg", ""))) from exc


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    text = str(exc).lower()
    return any(word in text for word in ("deadlock", "locked", "could not serialize"))


@router.get("/health", response_model=Health)
def health(request: Request) -> Health:
    sessions, settings = _ctx(request)
    return Health(
        epoch=_epoch(sessions), server_time=settings.now().isoformat(),
        schema_rev_min=settings.window.min_rev, schema_rev_max=settings.window.max_rev,
    )


@router.post("/enroll", response_model=EnrollResponse)
async def enroll(request: Request) -> EnrollResponse:
    sessions, settings = _ctx(request)
    req = _parse(EnrollRequest, inflate(request, await read_body(request, settings), settings))
    try:
        signing.public_from_b64(req.public_key)
    except ValueError as exc:
        raise ApiError(422, "bad_key", tr("SyncServer", "The device public key is invalid.")) from exc

    def work() -> EnrollResponse:
        try:
            with db.transaction(sessions) as s:
                hall, dev = enroll_device(s, code=req.code, public_key=req.public_key, device_name=req.device_name,
                                           device_code=req.device_code, now=settings.now())
                meta = db.read_meta(s)
                return EnrollResponse(
                    hall_id=hall.id, hall_code=hall.code, hall_name=hall.name, device_id=dev.id,
                    server_public_key=signing.public_to_b64(signing.private_from_b64(meta["signing_key"])),
                    epoch=meta["epoch"],
                )
        except EnrollmentError as exc:
            raise ApiError(403, "enrollment", str(exc)) from exc

    resp = await run_in_threadpool(work)
    log.info("device enrolled", extra={"device": resp.device_id, "hall": resp.hall_code})
    return resp


@router.get("/device/state", response_model=DeviceState)
async def device_state(request: Request) -> DeviceState:
    sessions, settings = _ctx(request)
    body = await read_body(request, settings)
    dev: Device = await run_in_threadpool(authenticate, request, body, sessions, settings)
    return DeviceState(
        epoch=await run_in_threadpool(_epoch, sessions), hall_id=dev.hall_id, device_id=dev.id,
        high_water=dev.high_water, server_time=settings.now().isoformat(),
    )


@router.post("/push", response_model=PushResponse)
async def push(request: Request) -> Response:
    sessions, settings = _ctx(request)
    body = await read_body(request, settings)
    started = time.perf_counter()
    # Signature, body and ingest on one worker thread and one database connection.
    dev, n_ops, resp = await run_in_threadpool(_push_work, request, body, sessions, settings)
    counts: dict[str, int] = {}
    for r in resp.results:
        counts[r.status] = counts.get(r.status, 0) + 1
    log.info(
        "push",
        extra={"device": dev.id, "hall": dev.hall_id, "ops": n_ops, "high_water": resp.high_water,
               "ms": round((time.perf_counter() - started) * 1000, 1), "statuses": json.dumps(counts)},
    )
    # Already a validated model: serialise once instead of validating it again.
    return Response(resp.model_dump_json(), media_type="application/json")


def _push_work(request: Request, body: bytes, sessions, settings: ServerSettings) -> tuple[Device, int, PushResponse]:  # type: ignore[no-untyped-def]
    with sessions() as s:
        dev = authenticate_in(s, request, body, settings)
        req: PushRequest = _parse(PushRequest, inflate(request, body, settings))
        if req.device_id != dev.id or req.hall_id != dev.hall_id:
            raise ApiError(403, "other_hall", tr("SyncServer", "This device may only write its own hall's data."))
        ops = [dict(op.__dict__) for op in req.ops]  # validated; plain JSON values already
        for attempt in range(RETRIES):
            try:
                res = ingest(s, device_id=dev.id, ops=ops, window=settings.window, now=settings.now(), client_state=req.client_state, hooks=settings.hooks)
                s.commit()
            except IngestConflict as exc:
                raise ApiError(409, "payload_changed", tr("SyncServer", "Operation {seq} was already received with different content; nothing was changed.").format(seq=exc.seq)) from exc
            except IngestForbidden as exc:
                raise ApiError(403, "other_hall", str(exc)) from exc
            except (IntegrityError, DBAPIError) as exc:
                # A concurrent push of the same keys or a deadlock: the retry sees its result.
                s.rollback()
                if attempt == RETRIES - 1 or not _retryable(exc):
                    raise
                continue
            resp = PushResponse.model_construct(
                epoch=res.epoch, high_water=res.high_water, results=res.results,
                schema_rev_max=settings.window.max_rev, service="villagedesk", kind="push-result",
            )
            return dev, len(ops), resp
    raise AssertionError("unreachable")


@router.get("/changes", response_model=ChangesResponse)
async def changes(request: Request, cursor: int = 0, limit: int = 500) -> ChangesResponse:
    sessions, settings = _ctx(request)
    body = await read_body(request, settings)
    dev: Device = await run_in_threadpool(authenticate, request, body, sessions, settings)

    def work() -> ChangesResponse:
        with sessions() as s:
            items, new_cursor, more = changes_since(s, hall_id=dev.hall_id, cursor=cursor, limit=limit)
            return ChangesResponse(epoch=db.read_meta(s)["epoch"], cursor=new_cursor, has_more=more, changes=items, head=feed_head(s))

    return await run_in_threadpool(work)
