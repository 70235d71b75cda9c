"""County pages: every hall with its last contact, pending and rejected counts, and the
totals of one hall. Plain server-rendered HTML in Chinese."""

from __future__ import annotations

from html import escape

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from villagedesk.i18n import tr
from villagedesk.server.halls import list_halls, stats
from villagedesk.server.models import Hall, OpLog
from villagedesk.server.settings import ApiError

router = APIRouter(include_in_schema=False)

STYLE = """
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:2em;font-size:16px}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .7em;text-align:left}
th{background:#eee}.num{text-align:right}.warn{color:#b00;font-weight:bold}
"""


def _page(title: str, body: str) -> HTMLResponse:
    html = (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html)


def _entity_label(entity: str) -> str:
    labels = {
        "household": tr("SyncServer", "Households"),
        "resident": tr("SyncServer", "Residents"),
        "staff": tr("SyncServer", "Staff accounts"),
    }
    return f"{labels[entity]} ({entity})" if entity in labels else entity


def _time(text: str | None) -> str:
    return escape(text[:19].replace("T", " ") + " UTC") if text else escape(tr("SyncServer", "never"))


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/county/")


def _signed_in_user(request: Request) -> str | None:
    from villagedesk.server.township_auth import COOKIE, user_from_cookie

    with request.app.state.sessions() as s:
        return user_from_cookie(s, request.cookies.get(COOKIE))


async def _sign_in_first(request: Request) -> HTMLResponse | None:
    """County pages show hall figures and rejected records: staff accounts only
    (the same accounts as the township page: ``villagedesk-server township add-user``)."""
    if await run_in_threadpool(_signed_in_user, request) is not None:
        return None
    from villagedesk.server.township_page import login_form

    return HTMLResponse(login_form(next_url=request.url.path, title=tr("SyncServer", "Village service halls")),
                        status_code=401)


@router.get("/county/", response_class=HTMLResponse)
async def county_halls(request: Request) -> HTMLResponse:
    if (login := await _sign_in_first(request)) is not None:
        return login

    def work() -> list:  # type: ignore[type-arg]
        with request.app.state.sessions() as s:
            return list_halls(s)

    halls = await run_in_threadpool(work)
    labels = (
        tr("SyncServer", "Hall code"), tr("SyncServer", "Hall name"), tr("SyncServer", "Devices"),
        tr("SyncServer", "Last contact"), tr("SyncServer", "Pending at hall"),
        tr("SyncServer", "Rejected"), tr("SyncServer", "Operations"),
    )
    head = "".join(f"<th>{escape(label)}</th>" for label in labels)
    rows = []
    for h in halls:
        rej = f'<span class="warn">{h.rejected}</span>' if h.rejected else "0"
        rows.append(
            f'<tr data-hall="{escape(h.code)}"><td><a href="/county/halls/{escape(h.code)}">{escape(h.code)}</a></td>'
            f"<td>{escape(h.name)}</td><td class=num>{h.devices}</td><td>{_time(h.last_contact)}</td>"
            f'<td class="num pending">{h.pending}</td><td class="num rejected">{rej}</td>'
            f'<td class="num operations">{h.operations}</td></tr>'
        )
    if not rows:
        body = f"<p>{escape(tr('SyncServer', 'No halls yet.'))}</p>"
    else:
        body = f'<table id="halls"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return _page(tr("SyncServer", "Village service halls"), body)


@router.get("/county/halls/{code}", response_class=HTMLResponse)
async def county_hall(request: Request, code: str) -> HTMLResponse:
    if (login := await _sign_in_first(request)) is not None:
        return login

    def work() -> tuple:  # type: ignore[type-arg]
        with request.app.state.sessions() as s:
            hall = s.execute(sa.select(Hall).where(Hall.code == code)).scalar_one_or_none()
            if hall is None:
                return None, None, []
            st = stats(s, hall_code=code)["halls"][0]
            rejected = s.execute(
                sa.select(OpLog.seq, OpLog.entity, OpLog.reason, OpLog.received_at)
                .where(OpLog.hall_id == hall.id, OpLog.status == "rejected")
                .order_by(OpLog.received_at.desc()).limit(50)
            ).all()
            return hall, st, rejected

    hall, st, rejected = await run_in_threadpool(work)
    if hall is None:
        raise ApiError(404, "no_hall", tr("SyncServer", "Unknown hall code: {code}").format(code=code))
    entity_rows = "".join(
        f'<tr><td>{escape(_entity_label(e))}</td><td class="num" data-entity="{escape(e)}">{n}</td></tr>'
        for e, n in st["records"].items()
    )
    parts = [
        f'<p>{escape(tr("SyncServer", "Hall name"))}: {escape(hall.name)}</p>',
        f'<p>{escape(tr("SyncServer", "Operations received"))}: <span id="operations">{st["operations"]}</span></p>',
        f'<h2>{escape(tr("SyncServer", "Records per kind"))}</h2>',
        f'<table id="totals"><tr><th>{escape(tr("SyncServer", "Kind"))}</th><th>{escape(tr("SyncServer", "Records"))}</th></tr>{entity_rows}</table>',
    ]
    if rejected:
        items = "".join(f"<li>#{seq} {escape(ent)}: {escape(reason or '')}</li>" for seq, ent, reason, _ in rejected)
        parts.append(f'<h2>{escape(tr("SyncServer", "Rejected operations"))}</h2><ul id="rejected">{items}</ul>')
    parts.append(f'<p><a href="/county/">{escape(tr("SyncServer", "All halls"))}</a></p>')
    return _page(f"{hall.code} {hall.name}", "".join(parts))
