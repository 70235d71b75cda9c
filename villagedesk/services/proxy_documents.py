"""Printed proxy documents: build them from the records, mark reprints 补打, keep a PDF archive.

The UI (or the CLI) asks for a `Document`, shows or prints its PDF, and then calls
`archive_printed`, which stores the PDF under the archive folder and adds a "printed"
event to the application's history. That history decides whether the next print of the
same document is a reprint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from sqlmodel import col, select

from villagedesk.clock import CST
from villagedesk.db.models.proxy import ProxyApplication, ProxyEvent
from villagedesk.db.models.residents import Resident
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.receipts import toolkit as tk
from villagedesk.receipts.proxy_notice import MonthlyNotice, NoticeRow, build_monthly_notice
from villagedesk.receipts.proxy_receipt import (
    ApplicationDoc,
    build_completion_notice,
    build_receipt,
)
from villagedesk.services.auth import Actor, hall_info
from villagedesk.services.idcard import mask_id
from villagedesk.services.money import format_yuan, from_fen
from villagedesk.services.proxy import ApplicationDetail, get_application, record_event

KINDS = ("receipt", "completion", "notice")
PAPERS = {"receipt": ("a5", "roll80"), "completion": ("a5",), "notice": ("a4",)}


@dataclasses.dataclass(frozen=True)
class Document:
    kind: str  # receipt | completion | notice
    paper: str  # a4 | a5 | roll80
    pdf: bytes
    page_size: tuple[float, float]  # points; a roll's height fits its content
    pages: int
    reprint: bool
    number: str = ""  # receipt number (receipt, completion)
    month: str = ""  # YYYY-MM (notice)
    warning: str = ""  # characters no font could print: tell the clerk before printing

    @property
    def filename(self) -> str:
        base = self.number or self.month
        return f"{self.kind}-{base}-{self.paper}.pdf"


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(CST)


def _print_count(store: Store, application_id: str, kind: str) -> int:
    with store.read() as s:
        rows = s.exec(select(ProxyEvent.detail).where(ProxyEvent.application_id == application_id,
                                                      ProxyEvent.kind == "printed")).all()
    return sum(1 for d in rows if json.loads(d or "{}").get("document") == kind)


def application_doc(store: Store, number: str, detail: ApplicationDetail | None = None) -> ApplicationDoc:
    detail = detail or get_application(store, number=number)
    hall = hall_info(store)
    fee = tr("proxy", "free") if not detail.fee_fen else format_yuan(from_fen(detail.fee_fen))
    return ApplicationDoc(
        hall_name=hall.name, hall_phone=hall.phone, hall_address=hall.address,
        receipt_number=detail.receipt_number, applicant_name=detail.applicant_name,
        applicant_id_masked=detail.applicant_id_masked, agent_name=detail.agent_name,
        agent_relation=detail.agent_relation,
        agent_id_masked=mask_id(detail.agent_id_number) if detail.agent_id_number else "",
        service_code=detail.service_code, service_name=detail.service_name,
        department=detail.department, promised_days=detail.promised_days, fee_label=fee,
        materials_received=detail.received_materials, materials_missing=detail.missing_materials,
        accepted_at=_local(detail.accepted_at).strftime("%Y-%m-%d %H:%M"), due_date=detail.due_date,
        clerk_name=detail.accepted_by_name, notes=detail.notes, completed_on=detail.completed_on,
        result=detail.result, signing_key=bytes.fromhex(hall.receipt_secret) or hall.id.encode(),
    )


def _reprint_text(store: Store) -> str:
    return tk.reprint_text(_local(store.clock.now()).strftime("%Y-%m-%d %H:%M"))


def receipt_document(store: Store, *, number: str, paper: str = "a5",
                     reprint: bool | None = None) -> Document:
    """The acceptance receipt; `reprint=None` marks it 补打 when it was printed before."""
    if paper not in PAPERS["receipt"]:
        raise DomainError(tr("proxy", "Paper must be a5 or roll80."), field="paper")
    detail = get_application(store, number=number)
    doc = application_doc(store, number, detail)
    if reprint is None:
        reprint = _print_count(store, detail.id, "receipt") > 0
    result = build_receipt(None, doc, paper=paper, reprint=_reprint_text(store) if reprint else None)
    return Document("receipt", paper, result.pdf_bytes, result.page_size, result.pages, reprint,
                    number=doc.receipt_number, warning=_warning(result))


def completion_document(store: Store, *, number: str, reprint: bool | None = None) -> Document:
    detail = get_application(store, number=number)
    if detail.status not in ("completed", "collected"):
        raise DomainError(tr("proxy", "Application {number} is not completed yet; there is no "
                             "completion notice to print.").format(number=detail.receipt_number))
    if reprint is None:
        reprint = _print_count(store, detail.id, "completion") > 0
    result = build_completion_notice(None, application_doc(store, number, detail),
                                     reprint=_reprint_text(store) if reprint else None)
    return Document("completion", "a5", result.pdf_bytes, result.page_size, result.pages, reprint,
                    number=detail.receipt_number, warning=_warning(result))


def parse_month(month: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", month or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise DomainError(tr("proxy", "Write the month as YYYY-MM, for example 2026-03."), field="month")
    return int(m.group(1)), int(m.group(2))


def notice_rows(store: Store, year: int, month: int) -> list[NoticeRow]:
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    with store.read() as s:
        rows = s.exec(
            select(ProxyApplication, Resident.name, Resident.id_number)
            .join(Resident, col(Resident.id) == col(ProxyApplication.applicant_id))
            .where(col(ProxyApplication.completed_on) >= first, col(ProxyApplication.completed_on) <= last,
                   col(ProxyApplication.status).in_(("completed", "collected")))
            .order_by(col(ProxyApplication.completed_on), col(ProxyApplication.receipt_number))).all()
    return [NoticeRow(a.receipt_number, name, id_number, a.service_name, a.department,
                      a.accepted_on, a.completed_on, a.due_date)  # type: ignore[arg-type]
            for a, name, id_number in rows]


def notice_document(store: Store, *, month: str) -> Document:
    """The monthly public notice (公示) of applications completed in `month` (YYYY-MM)."""
    year, mon = parse_month(month)
    hall = hall_info(store)
    notice = MonthlyNotice(hall.name, hall.phone, year, mon, notice_rows(store, year, mon),
                           posted_on=store.clock.today())
    result = build_monthly_notice(None, notice)
    return Document("notice", "a4", result.pdf_bytes, result.page_size, result.pages, False,
                    month=f"{year}-{mon:02d}", warning=_warning(result))


def _warning(result: tk.BuildResult) -> str:
    return result.missing_glyphs.message() if result.missing_glyphs else ""


def archive_printed(store: Store, *, actor: Actor, archive_dir: Path, document: Document,
                    printer: str = "") -> Path:
    """Keep the printed PDF under `archive_dir/YYYY/MM/` and note the print in the history."""
    now = _local(store.clock.now())
    folder = archive_dir / f"{now:%Y}" / f"{now:%m}"
    stem = f"{now:%Y%m%d-%H%M%S}-{document.filename[:-4]}{'-reprint' if document.reprint else ''}"
    path = folder / f"{stem}.pdf"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.pdf"
    tk.write_atomic(path, document.pdf)
    if document.number:
        record_event(store, actor=actor, number=document.number, kind="printed",
                     document=document.kind, paper=document.paper, reprint=document.reprint,
                     archive=str(path.relative_to(archive_dir)), printer=printer)
    return path
