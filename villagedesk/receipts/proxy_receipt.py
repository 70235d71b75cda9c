"""Proxy-service documents for one application: 受理回执 (A5 or 80 mm roll) and 办结通知 (A5)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from villagedesk.i18n import tr
from villagedesk.receipts import toolkit as tk
from villagedesk.receipts.fonts import MAIN_FONT


@dataclasses.dataclass(frozen=True)
class ApplicationDoc:
    """What a proxy document prints about one application (already masked where needed)."""

    hall_name: str
    hall_phone: str
    hall_address: str
    receipt_number: str
    applicant_name: str
    applicant_id_masked: str
    agent_name: str
    agent_relation: str
    agent_id_masked: str
    service_code: str
    service_name: str
    department: str
    promised_days: int
    fee_label: str
    materials_received: list[str]
    materials_missing: list[str]
    accepted_at: str  # local time text, e.g. 2026-03-02 09:30
    due_date: dt.date
    clerk_name: str
    notes: str
    completed_on: dt.date | None
    result: str
    signing_key: bytes


def _date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return tr("ProxyDocuments", "{year}-{month:02d}-{day:02d}").format(
        year=day.year, month=day.month, day=day.day)


def _applicant(doc: ApplicationDoc) -> str:
    return doc.applicant_name


def _agent(doc: ApplicationDoc) -> str:
    if not doc.agent_name:
        return ""
    parts = [doc.agent_name]
    if doc.agent_relation:
        parts.append(tr("ProxyDocuments", "({relation})").format(relation=doc.agent_relation))
    return "".join(parts)


def _pairs(doc: ApplicationDoc) -> list[tuple[str, tk.Cell]]:
    """Label/value pairs, one per line (the roll)."""
    pairs: list[tuple[str, tk.Cell]] = [
        (tr("ProxyDocuments", "Receipt no."), tk.Fixed(doc.receipt_number)),
        (tr("ProxyDocuments", "Applicant"), _applicant(doc)),
        (tr("ProxyDocuments", "ID number"), tk.Fixed(doc.applicant_id_masked)),
    ]
    if doc.agent_name:
        pairs.append((tr("ProxyDocuments", "Agent"), _agent(doc)))
        if doc.agent_id_masked:
            pairs.append((tr("ProxyDocuments", "Agent ID number"), tk.Fixed(doc.agent_id_masked)))
    pairs += [
        (tr("ProxyDocuments", "Service"), doc.service_name),
        (tr("ProxyDocuments", "Department"), doc.department),
        (tr("ProxyDocuments", "Accepted at"), tk.Fixed(doc.accepted_at)),
        (tr("ProxyDocuments", "Promised time"),
         tr("ProxyDocuments", "{days} working days").format(days=doc.promised_days)),
        (tr("ProxyDocuments", "Due by"), _date(doc.due_date)),
        (tr("ProxyDocuments", "Fee"), doc.fee_label),
        (tr("ProxyDocuments", "Clerk"), doc.clerk_name),
    ]
    if doc.notes:
        pairs.append((tr("ProxyDocuments", "Notes"), doc.notes))
    return pairs


def _grid_rows(doc: ApplicationDoc) -> list[list[tuple[str, tk.Cell]]]:
    """The same facts two to a line (A5)."""
    rows: list[list[tuple[str, tk.Cell]]] = [
        [(tr("ProxyDocuments", "Receipt no."), tk.Fixed(doc.receipt_number))],
        [(tr("ProxyDocuments", "Applicant"), _applicant(doc)),
         (tr("ProxyDocuments", "ID number"), tk.Fixed(doc.applicant_id_masked))],
    ]
    if doc.agent_name:
        rows.append([(tr("ProxyDocuments", "Agent"), _agent(doc)),
                     (tr("ProxyDocuments", "Agent ID number"), tk.Fixed(doc.agent_id_masked or "—"))])
    rows += [
        [(tr("ProxyDocuments", "Service"), doc.service_name)],
        [(tr("ProxyDocuments", "Department"), doc.department),
         (tr("ProxyDocuments", "Fee"), doc.fee_label)],
        [(tr("ProxyDocuments", "Accepted at"), tk.Fixed(doc.accepted_at)),
         (tr("ProxyDocuments", "Clerk"), doc.clerk_name)],
        [(tr("ProxyDocuments", "Promised time"),
          tr("ProxyDocuments", "{days} working days").format(days=doc.promised_days)),
         (tr("ProxyDocuments", "Due by"), _date(doc.due_date))],
    ]
    if doc.notes:
        rows.append([(tr("ProxyDocuments", "Notes"), doc.notes)])
    return rows


def _value(value: tk.Cell, st: tk.Styles) -> Flowable | str:
    if value is None:
        return ""
    if isinstance(value, Flowable):
        return value
    if isinstance(value, tk.Fixed):
        return tk.FitText(str(value), st.body.fontSize)
    return tk.para(value, st.body)


def _grid(doc: ApplicationDoc, page: tk.PageSpec) -> Table:
    st = tk.styles(page)
    label_w = 20 * tk.mm
    value_w = (page.frame_width - 2 * label_w) / 2
    data: list[list[Flowable | str]] = []
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), MAIN_FONT),  # else empty cells name Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
    ]
    for r, pairs in enumerate(_grid_rows(doc)):
        row: list[Flowable | str] = []
        for label, value in pairs:
            row += [tk.para(label, st.label), _value(value, st)]
        if len(pairs) == 1:
            row += ["", ""]
            commands.append(("SPAN", (1, r), (3, r)))
        else:
            commands.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#f0f0f0")))
        data.append(row)
    table = Table(data, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(TableStyle(commands))
    return table


def _materials(doc: ApplicationDoc, page: tk.PageSpec) -> list[Flowable]:
    st = tk.styles(page)
    rows: list[list[tk.Cell]] = [[name, tr("ProxyDocuments", "received")] for name in doc.materials_received]
    lacking = tr("ProxyDocuments", "missing") if page.is_roll else tr("ProxyDocuments", "MISSING")
    rows += [[name, lacking] for name in doc.materials_missing]
    width = page.frame_width
    status_w = 14 * tk.mm if page.is_roll else 22 * tk.mm
    table = tk.data_table([tr("ProxyDocuments", "Material"), tr("ProxyDocuments", "Status")], rows,
                          [width - status_w, status_w], page=page, zebra=False)
    missing_rows = [i + 1 + len(doc.materials_received) for i in range(len(doc.materials_missing))]
    for r in missing_rows:
        table.setStyle(TableStyle([("BACKGROUND", (1, r), (1, r), colors.HexColor("#dddddd"))]))
    story: list[Flowable] = [tk.para(tr("ProxyDocuments", "Materials"), st.heading), table]
    if doc.materials_missing:
        story.append(tk.spacer(1))
        story.append(tk.para(tr(
            "ProxyDocuments", "Please bring the missing material to the hall as soon as possible; "
            "the application goes to the department once it is complete."), st.small))
    return story


def _qr_block(doc: ApplicationDoc, page: tk.PageSpec, text: str) -> Flowable:
    """The QR code with the receipt number and signature, and a short text beside or below."""
    st = tk.styles(page)
    payload = tk.qr_payload(doc.receipt_number, doc.signing_key)
    size = 24 if page.is_roll else 26
    qr = tk.QRCode(payload, size * tk.mm)
    code_line = tk.FitText(payload, st.small.fontSize, align="center" if page.is_roll else "left")
    if page.is_roll:
        table = Table([[qr], [code_line], [tk.para(text, st.small)]], colWidths=[page.frame_width])
        table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                   ("FONTNAME", (0, 0), (-1, -1), MAIN_FONT),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return table
    right_w = page.frame_width - (size + 4) * tk.mm
    table = Table([[qr, [tk.para(text, st.small), tk.spacer(1), code_line]]],
                  colWidths=[(size + 4) * tk.mm, right_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONTNAME", (0, 0), (-1, -1), MAIN_FONT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _roll_title(st: tk.Styles) -> ParagraphStyle:
    return ParagraphStyle("proxy-roll-title", parent=st.heading, alignment=TA_CENTER)


def receipt_story(doc: ApplicationDoc, page: tk.PageSpec) -> list[Flowable]:
    st = tk.styles(page)
    story: list[Flowable] = [
        tk.para(doc.hall_name, st.title if not page.is_roll else _roll_title(st)),
        tk.para(tr("ProxyDocuments", "Acceptance receipt for proxy services"), st.center),
        tk.spacer(2),
        tk.kv_table(_pairs(doc), page) if page.is_roll else _grid(doc, page),
        tk.spacer(1),
        *_materials(doc, page),
        tk.spacer(2),
    ]
    help_text = tr(
        "ProxyDocuments", "Keep this receipt; show it to ask about or collect the result. "
        "Phone: {phone}").format(phone=doc.hall_phone or "—")
    qr = _qr_block(doc, page, help_text)
    story.append(qr if page.is_roll else KeepTogether([qr]))
    story.append(tk.spacer(3))
    story.append(tk.para(tr("ProxyDocuments", "Applicant's signature: ____________"), st.body))
    return story


def build_receipt(target: object, doc: ApplicationDoc, *, paper: str = "a5",
                  reprint: str | None = None) -> tk.BuildResult:
    """The acceptance receipt (受理回执) on A5 or an 80 mm roll."""
    page = tk.page_spec(paper)
    return tk.build_pdf(target, receipt_story(doc, page), page,  # type: ignore[arg-type]
                        title=tr("ProxyDocuments", "Acceptance receipt {number}").format(
                            number=doc.receipt_number), reprint=reprint)


def completion_story(doc: ApplicationDoc, page: tk.PageSpec) -> list[Flowable]:
    st = tk.styles(page)
    body = tr(
        "ProxyDocuments",
        "{name}: the application for \"{service}\" that you made at this hall on {accepted} "
        "(receipt no. {number}) was completed on {completed}. Please bring your resident ID card "
        "and the acceptance receipt to {hall} to collect the result.",
    ).format(name=doc.applicant_name, service=doc.service_name, accepted=_date(dt.date.fromisoformat(doc.accepted_at[:10])),
             number=doc.receipt_number, completed=_date(doc.completed_on), hall=doc.hall_name)
    pairs: list[tuple[str, tk.Cell]] = [
        (tr("ProxyDocuments", "Receipt no."), tk.Fixed(doc.receipt_number)),
        (tr("ProxyDocuments", "Applicant"), doc.applicant_name),
        (tr("ProxyDocuments", "ID number"), tk.Fixed(doc.applicant_id_masked)),
        (tr("ProxyDocuments", "Service"), doc.service_name),
        (tr("ProxyDocuments", "Department"), doc.department),
        (tr("ProxyDocuments", "Completed on"), _date(doc.completed_on)),
        (tr("ProxyDocuments", "Result"), doc.result),
        (tr("ProxyDocuments", "Collect at"), doc.hall_address or doc.hall_name),
        (tr("ProxyDocuments", "Phone"), tk.Fixed(doc.hall_phone) if doc.hall_phone else "—"),
    ]
    return [
        tk.para(doc.hall_name, st.title),
        tk.para(tr("ProxyDocuments", "Notice of completion"), st.center),
        tk.spacer(4),
        tk.para(body, st.body),
        tk.spacer(3),
        tk.kv_table(pairs, page),
        tk.spacer(4),
        _qr_block(doc, page, tr("ProxyDocuments", "Scan to check that this notice is genuine.")),
        tk.spacer(6),
        tk.para(tr("ProxyDocuments", "{hall} (seal)").format(hall=doc.hall_name), st.right),
        tk.para(_date(doc.completed_on), st.right),
    ]


def build_completion_notice(target: object, doc: ApplicationDoc, *,
                            reprint: str | None = None) -> tk.BuildResult:
    """The notice that the result is ready (办结通知), A5."""
    return tk.build_pdf(target, completion_story(doc, tk.A5), tk.A5,  # type: ignore[arg-type]
                        title=tr("ProxyDocuments", "Notice of completion {number}").format(
                            number=doc.receipt_number), reprint=reprint)
