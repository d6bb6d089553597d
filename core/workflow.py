"""The steps of a plan's year after construction: acceptance, filing and archive, problems.

What may be done when (R9, R10) is decided here, so the desktop program and any script refuse the
same things with the same Chinese reasons.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from core.errors import LedgerError
from core.profile import RequiredDocument
from core.records import Acceptance, Filing, FilingDocument, Plan, Problem, build
from core.rules import HolidayCalendar, problem_deadline
from core.rules.workdays import DueDate


# ------------------------------------------------------------------ acceptance (R9)
def acceptance_refusal(ledger: Any, acceptance: Acceptance, *, today: date | None = None) -> str | None:
    """Why ``acceptance`` may not be recorded, or None: a plan is accepted only after it is completed,
    and not on a day still to come."""
    today = today or date.today()
    if acceptance.accepted_on > today:
        return f"验收日期 {acceptance.accepted_on} 在今天（{today}）之后：请在验收当天或之后录入"
    plan = ledger.get(Plan, acceptance.plan_id)
    if plan.completion_on is None:
        return f"{plan.year}年方案还没有竣工日期，不能验收：请先在“改造方案”中填写竣工日期（R9）"
    if acceptance.accepted_on < plan.completion_on:
        return (f"验收日期 {acceptance.accepted_on} 早于竣工日期 {plan.completion_on}："
                "竣工验收须在竣工之后（R9），请核对日期")
    return None


def plan_refusal(ledger: Any, plan: Plan) -> str | None:
    """Why a change to an accepted plan may not be stored: its completion must stay on or before the
    acceptance (R9), so the completion date cannot be cleared or moved past it."""
    if plan.id is None:
        return None
    acceptance = ledger.acceptance_for(plan.id)
    if acceptance is None:
        return None
    if plan.completion_on is None:
        return f"该方案已于 {acceptance.accepted_on} 竣工验收，竣工日期不能清空（R9）"
    if plan.completion_on > acceptance.accepted_on:
        return (f"竣工日期 {plan.completion_on} 晚于竣工验收日期 {acceptance.accepted_on}："
                "竣工验收须在竣工之后（R9），请核对日期")
    return None


def acceptance_defaults(plan: Plan) -> dict[str, Any]:
    """A new acceptance of ``plan``: the four units as the plan names them."""
    return {"plan_id": plan.id, "builder_unit": plan.builder, "designer_unit": plan.designer,
            "contractor_unit": plan.contractor, "supervisor_unit": plan.supervisor}


# ------------------------------------------------------------------ filing and archive (R9, R11)
@dataclass(frozen=True)
class Completeness:
    """Which of the profile's documents a filing holds."""

    present: list[RequiredDocument]
    missing: list[RequiredDocument]
    optional: list[RequiredDocument]

    @property
    def complete(self) -> bool:
        return not self.missing


def completeness(ledger: Any, filing: Filing) -> Completeness:
    """The required documents present and missing, and the optional ones (R9)."""
    kinds = filing.kinds_present()
    profile = ledger.profile()
    required = profile.required_documents()
    documents = profile.documents
    return Completeness(
        present=[d for d in required if d.key in kinds],
        missing=[d for d in required if d.key not in kinds],
        optional=[d for d in documents if not d.required],
    )


def filing_refusal(ledger: Any, filing: Filing) -> list[str]:
    """Why ``filing`` may not be filed and locked yet (empty: it may)."""
    reasons = []
    acceptance = ledger.acceptance_for(filing.plan_id)
    if acceptance is None:
        reasons.append("还没有竣工验收记录：备案须在竣工验收合格之后（R9）")
    elif not acceptance.passed:
        reasons.append(f"竣工验收结论为“{acceptance.result}”：备案须在竣工验收合格之后（R9）")
    elif filing.filed_on is not None and filing.filed_on < acceptance.accepted_on:
        reasons.append(f"备案日期 {filing.filed_on} 早于竣工验收日期 {acceptance.accepted_on}（R9）")
    missing = completeness(ledger, filing).missing
    if missing:
        reasons.append("备案资料不全，缺少：" + "、".join(d.title for d in missing))
    if filing.locked_at is not None:
        reasons.append(f"已于 {filing.locked_at:%Y-%m-%d} 归档锁定")
    return reasons


def file_and_lock(ledger: Any, filing: Filing, *, today: date | None = None) -> Filing:
    """File the record (备案日期 today unless given) and lock the plan's records for that year.

    Refused with every reason at once while the acceptance or the documents are not in order.
    Later changes to the plan, its acceptance or its filing need an amendment reason.
    """
    filed = filing if filing.filed_on is not None else build(
        Filing, {**filing.model_dump(), "filed_on": today or date.today()})
    reasons = filing_refusal(ledger, filed)  # checked with the 备案日期 it will carry
    if reasons:
        raise LedgerError("不能归档锁定", details=reasons)
    locked = build(Filing, {**filed.model_dump(), "locked_at": datetime.now().replace(microsecond=0)})
    return ledger.save(locked, source="归档锁定")


def document_pages(data: bytes, file_name: str) -> int:
    """How many pages a scanned file holds, for the 卷内目录's 页数: a PDF's pages (PDFium reads them),
    a multi-page TIFF's frames, 1 for a photo or anything that cannot be read."""
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    try:
        if data[:5] == b"%PDF-" or suffix == "pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(data)
            try:
                return max(len(pdf), 1)
            finally:
                pdf.close()
        if suffix in ("tif", "tiff"):
            import io

            from PIL import Image

            with Image.open(io.BytesIO(data)) as picture:
                return max(getattr(picture, "n_frames", 1), 1)
    except Exception:  # a damaged or encrypted scan: still stored, its pages counted by hand
        return 1
    return 1


def attach_document(ledger: Any, filing: Filing, data: bytes, file_name: str, *, kind: str = "",
                    title: str = "", doc_date: date | None = None, pages: int | None = None,
                    reason: str = "") -> Filing:
    """Store a scanned document or photo in the database and list it in the filing's 卷内目录.

    ``kind`` names the profile's required document it stands for (may be empty for other papers).
    ``pages`` is counted from the file when not given (a two-page PDF scan is two pages).
    A locked filing needs ``reason`` (an amendment). Returns the filing as saved; the audit log
    gets one entry for it (the file and the catalogue entry together).
    """
    if filing.id is None:
        filing = ledger.save(filing)
    digest = hashlib.sha256(data).hexdigest()
    for attachment, _ in ledger.attachments_of(filing):
        if attachment.sha256 == digest:
            held = next((d for d in filing.documents if d.attachment_id == attachment.id), None)
            where = f"第 {held.seq} 件「{held.title}」" if held else f"「{attachment.file_name}」"
            raise LedgerError(f"文件「{file_name}」与本卷{where}内容相同，已经在卷内，没有再添加")
    if pages is None:
        pages = document_pages(data, file_name)
    with ledger.transaction():
        attachment = ledger.add_attachment(data, file_name, owner=filing, caption=title or file_name, reason=reason,
                                           audited=False)
        seq = max((d.seq for d in filing.documents), default=0) + 1
        stem = file_name.rsplit(".", 1)[0]
        document = FilingDocument(seq=seq, kind=kind, title=title or _title_of(ledger, kind) or stem,
                                  doc_date=doc_date, pages=pages, attachment_id=attachment.id,
                                  medium="电子")
        updated = build(Filing, {**filing.model_dump(), "documents": [*filing.model_dump()["documents"],
                                                                              document.model_dump()]})
        return ledger.save(updated, reason=reason, source=f"附件 {file_name}",
                           also={"attachments": [None, attachment.audit_value(caption=title or file_name)]})


def update_document(ledger: Any, filing: Filing, seq: int, changes: dict[str, Any], *, reason: str = "") -> Filing:
    """Correct one 卷内目录 entry (title, number, issuer, date, pages, kind …); validated by the model."""
    documents = [d.model_dump() for d in filing.documents]
    entry = next((d for d in documents if d["seq"] == seq), None)
    if entry is None:
        raise LedgerError(f"卷内没有第 {seq} 件文件")
    entry.update(changes)
    updated = build(Filing, {**filing.model_dump(), "documents": documents})
    return ledger.save(updated, reason=reason, source="卷内目录")


def remove_document(ledger: Any, filing: Filing, seq: int, *, reason: str = "") -> Filing:
    """Take one entry out of the 卷内目录 (and its file out of the filing); the audit log keeps both."""
    entry = next((d for d in filing.documents if d.seq == seq), None)
    if entry is None:
        raise LedgerError(f"卷内没有第 {seq} 件文件")
    documents = [d.model_dump() for d in filing.documents if d.seq != seq]
    updated = build(Filing, {**filing.model_dump(), "documents": documents})
    with ledger.transaction():
        stored = ledger.save(updated, reason=reason, source="卷内目录")
        if entry.attachment_id is not None and not any(d.attachment_id == entry.attachment_id for d in updated.documents):
            ledger.remove_attachment(stored, entry.attachment_id, reason=reason)
    return stored


def _title_of(ledger: Any, kind: str) -> str:
    return next((d.title for d in ledger.profile().documents if d.key == kind), "")


# ------------------------------------------------------------------ problems (R10)
def close_refusal(problem: Problem) -> str | None:
    """Why ``problem`` may not be closed (销号): only once it is handled and the result fed back."""
    if problem.closed_on is None:
        return None
    if problem.handled_on is None:
        return "问题还没有办结，不能销号：请先填写办结日期和办理结果（R10）"
    if problem.feedback_on is None:
        return "办理结果还没有反馈给群众，不能销号：请先填写反馈日期（R10）"
    return None


def deadline_of(ledger: Any, problem: Problem, calendar: HolidayCalendar | None = None) -> DueDate:
    """When the problem must be handled (working days from the holiday calendar; provisional when a
    year's official table is missing)."""
    return problem_deadline(problem, ledger.profile(), calendar or HolidayCalendar.from_ledger(ledger))


def deadline_text(ledger: Any, problem: Problem, calendar: HolidayCalendar | None = None) -> str:
    """The deadline as a clerk reads it, e.g. 办结期限 2026-12-02（一般：7 个工作日）."""
    due = deadline_of(ledger, problem, calendar)
    rule = ledger.profile().problems.deadlines[problem.urgency]
    if rule.days == 0:
        span = "当日办结"
    else:
        span = f"{rule.days} {'个工作日' if rule.unit == 'working' else '天'}"
    text = f"办结期限 {due.date}（{problem.urgency}：{span}）"
    if due.provisional:
        years = "、".join(map(str, due.missing_years))
        text += f"，暂估：{years} 年尚无节假日表，按周一至周五计算"
    return text
