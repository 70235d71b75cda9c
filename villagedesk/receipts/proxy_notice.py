"""The monthly public notice (公示) of completed proxy applications, A4, names and IDs masked."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reportlab.platypus import Flowable

from villagedesk.i18n import tr
from villagedesk.receipts import toolkit as tk


@dataclasses.dataclass(frozen=True)
class NoticeRow:
    receipt_number: str
    applicant_name: str  # full name: masked here, when printed
    applicant_id_number: str  # full number: masked here
    service_name: str
    department: str
    accepted_on: dt.date
    completed_on: dt.date
    due_date: dt.date


@dataclasses.dataclass(frozen=True)
class MonthlyNotice:
    hall_name: str
    hall_phone: str
    year: int
    month: int
    rows: list[NoticeRow]
    posted_on: dt.date
    days_posted: int = 7


def _d(day: dt.date) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def notice_story(notice: MonthlyNotice) -> list[Flowable]:
    page = tk.A4
    st = tk.styles(page)
    on_time = sum(1 for r in notice.rows if r.completed_on <= r.due_date)
    total = len(notice.rows)
    title = tr("ProxyDocuments", "Public notice of proxy services completed in {year}-{month:02d}").format(
        year=notice.year, month=notice.month)
    intro = tr(
        "ProxyDocuments",
        "The proxy-service applications this hall completed in {year}-{month:02d} are listed below "
        "for public supervision, for {days} days.",
    ).format(year=notice.year, month=notice.month, days=notice.days_posted)
    phone = tr("ProxyDocuments", "Questions or objections: {phone}").format(phone=notice.hall_phone or "—")
    summary = tr(
        "ProxyDocuments", "{total} applications completed, {on_time} of them on time ({rate}).").format(
        total=total, on_time=on_time,
        rate=f"{on_time * 100 / total:.1f}%" if total else "—")
    header = [tr("ProxyDocuments", "No."), tr("ProxyDocuments", "Receipt no."),
              tr("ProxyDocuments", "Applicant"), tr("ProxyDocuments", "ID number"),
              tr("ProxyDocuments", "Service"), tr("ProxyDocuments", "Accepted"),
              tr("ProxyDocuments", "Completed"), tr("ProxyDocuments", "On time")]
    yes, no = tr("ProxyDocuments", "yes"), tr("ProxyDocuments", "no")
    rows: list[list[tk.Cell]] = [
        [str(i), tk.Fixed(r.receipt_number), tk.mask_name(r.applicant_name),
         tk.Fixed(tk.mask_id(r.applicant_id_number)), r.service_name, tk.Fixed(_d(r.accepted_on)),
         tk.Fixed(_d(r.completed_on)), yes if r.completed_on <= r.due_date else no]
        for i, r in enumerate(notice.rows, 1)
    ]
    mm = tk.mm
    widths = [9 * mm, 35 * mm, 15 * mm, 32 * mm, 0.0, 16 * mm, 16 * mm, 10 * mm]
    widths[4] = page.frame_width - sum(widths)
    story: list[Flowable] = [
        tk.para(notice.hall_name, st.title),
        tk.para(title, st.heading),
        tk.para(intro, st.body),
        tk.para(phone, st.body),
        tk.spacer(2),
    ]
    if rows:
        story.append(tk.data_table(header, rows, widths, page=page, fixed_cols=(0,),
                                   font_size=8.5))
    else:
        story.append(tk.para(tr("ProxyDocuments", "No application was completed this month."), st.body))
    story += [
        tk.spacer(2),
        tk.para(summary, st.body),
        tk.spacer(8),
        tk.para(tr("ProxyDocuments", "{hall} (seal)").format(hall=notice.hall_name), st.right),
        tk.para(tr("ProxyDocuments", "{year}-{month:02d}-{day:02d}").format(
            year=notice.posted_on.year, month=notice.posted_on.month, day=notice.posted_on.day), st.right),
    ]
    return story


def build_monthly_notice(target: object, notice: MonthlyNotice) -> tk.BuildResult:
    return tk.build_pdf(target, notice_story(notice), tk.A4,  # type: ignore[arg-type]
                        title=tr("ProxyDocuments", "Public notice {year}-{month:02d}").format(
                            year=notice.year, month=notice.month))
