"""The county server's FastAPI application. It keeps no state of its own between requests:
everything lives in the database, so several workers can serve one database."""

from __future__ import annotations

import logging
import time

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Engine

from villagedesk import __version__
from villagedesk.server import db
from villagedesk.server.api import router as api_router
from villagedesk.server.pages import router as pages_router
from villagedesk.server.settings import ApiError, ServerSettings
from villagedesk.sync.protocol import HDR_DEVICE, ErrorBody

log = logging.getLogger("villagedesk.server.http")


def create_app(
    engine: Engine | None = None, *, db_url: str | None = None, settings: ServerSettings | None = None
) -> FastAPI:
    """Build the app over an already migrated database."""
    engine = engine or db.make_engine(db_url)
    app = FastAPI(
        title="VillageDesk county server",
        version=__version__,
        description="Sync API for hall PCs (push operations, pull reference data) and county pages.",
    )
    app.state.engine = engine
    app.state.sessions = db.make_sessionmaker(engine)
    app.state.settings = settings or ServerSettings()

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body = ErrorBody(code=exc.code, detail=exc.detail)
        return JSONResponse(body.model_dump(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        body = ErrorBody(code="malformed", detail=str(exc.errors()[:1]))
        return JSONResponse(body.model_dump(), status_code=422)

    @app.middleware("http")
    async def _access_log(request: Request, call_next):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            log.info(
                "request",
                extra={
                    "method": request.method, "path": request.url.path, "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "device": request.headers.get(HDR_DEVICE),
                    "client": request.client.host if request.client else None,
                },
            )

    app.include_router(api_router)
    app.include_router(pages_router)
    from villagedesk.server.township import router as township_router  # USB bundles (issue 8)

    app.include_router(township_router)
    return app


def app_from_env() -> FastAPI:
    """uvicorn factory for ``serve``: each worker opens the database named in the environment."""
    return create_app(db.make_engine())
