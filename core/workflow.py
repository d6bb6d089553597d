"""The steps of a plan's year after construction: acceptance, filing and archive, problems.

What may be done when (R9, R10) is decided here, so the desktop program and any script refuse the
same things with the same Chinese reasons.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from core.errors import LedgerError
from core.money import wan
from core.profile import RequiredDocument
from core.records import (
    Acceptance,
    Alley,
    CountySettings,
    Filing,
    FilingDocument,
    Plan,
    Problem,
    ProgressEntry,
    Record,
    build,
)
from core.rules import HolidayCalendar, problem_deadline
from core.rules.problems import close_problem_refusal, escalation_deadline, second_deadline
from core.rules.workdays import DueDate

if TYPE_CHECKING:
    from core.store import Ledger


# ------------------------------------------------------------------ what may be saved
def save_refusal(ledger: Ledger, record: Record) -> str | None:
    """Why ``record`` may not be stored as it is, or None: the rule of its kind (an alley's code, a
    plan's completion against its acceptance, an acceptance before completion, a closure, a monthly
    progress report's date)."""
    if isinstance(record, Alley):
        return alley_refusal(ledger, record)
    if isinstance(record, Plan):
        return plan_refusal(ledger, record)
    if isinstance(record, Acceptance):
        return acceptance_refusal(ledger, record)
    if isinstance(record, Problem):
        return close_refusal(record)
    if isinstance(record, ProgressEntry):
        return progress_refusal(ledger, record)
    return None


def alley_refusal(ledger: Ledger, alley: Alley) -> str | None:
    """Why a change to a stored alley may not be stored: its code is its identity in every ledger
    sent upward, typed once and never changed."""
    if alley.id is None:
        return None
    stored = ledger.get(Alley, alley.id)
    if stored.code != alley.code:
        return f"街巷编码是这条街巷在各级台账中的身份，保存后不能修改（「{stored.code}」不能改为「{alley.code}」）"
    return None


def settings_refusal(ledger: Ledger, settings: CountySettings) -> str | None:
    """Why the county settings may not be stored: a database belongs to one county, whose name is
    on every record, list and packet it prints; another county is another database file."""
    current = ledger.settings()
    if current is not None and current.name != settings.name:
        return f"该数据库已属于「{current.name}」，不能改为「{settings.name}」；请另建一个数据库文件"
    return None


# ------------------------------------------------------------------ acceptance (R9)
def acceptance_refusal(ledger: Ledger, acceptance: Acceptance, *, today: date | None = None) -> str | None:
    """Why ``acceptance`` may not be recorded, or None: a plan is accepted only after it is completed,
    and not on a day still to come."""
    plan = ledger.get(Plan, acceptance.plan_id)
    found = acceptance_order(plan, acceptance.accepted_on, today=today)
    return None if found is None else f"{found.fact}{found.advice}"


class OrderProblem(NamedTuple):
    """What is wrong with an acceptance's date (``fact``), what the acceptance form asks of the clerk
    (``advice``, appended to the fact) and the rule it breaks ("R9", or "" for a date to come)."""

    fact: str
    advice: str
    rule: str


def acceptance_order(plan: Plan, accepted_on: date, *, today: date | None = None) -> OrderProblem | None:
    """What is wrong with accepting ``plan`` on ``accepted_on``, or None: an acceptance comes after
    the completion (R9) and is not dated in the future. The acceptance form refuses it; an import
    keeps the ledger's dates and lists what is wrong for the clerk to check."""
    today = today or date.today()
    if accepted_on > today:
        return OrderProblem(f"验收日期 {accepted_on} 在今天（{today}）之后", "：请在验收当天或之后录入", "")
    if plan.completion_on is None:
        return OrderProblem(f"{plan.year}年方案还没有竣工日期",
                            "，不能验收：请先在“改造方案”中填写竣工日期（R9）", "R9")
    if accepted_on < plan.completion_on:
        return OrderProblem(f"验收日期 {accepted_on} 早于竣工日期 {plan.completion_on}",
                            "：竣工验收须在竣工之后（R9），请核对日期", "R9")
    return None


def plan_refusal(ledger: Ledger, plan: Plan) -> str | None:
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


# ------------------------------------------------------------------ monthly progress (月调度)
def progress_refusal(ledger: Ledger, entry: ProgressEntry, *, today: date | None = None) -> str | None:
    """Why a monthly progress report (月调度) may not be stored, or None: it belongs to a plan and is
    not dated after today (a report tells what has been done, never what will be). A date before the
    plan's year is only a warning (:func:`progress_warnings`): a tender or a design may be reported
    in the December before."""
    if entry.plan_id is None:
        return "月调度进度须属于一个改造方案"
    today = today or date.today()
    if entry.reported_on > today:
        return f"填报日期 {entry.reported_on} 在今天（{today}）之后：月调度只记已经完成的进度，请核对日期"
    return None


def progress_warnings(ledger: Ledger, entry: ProgressEntry) -> list[str]:
    """What a clerk should look at again before a monthly progress report is stored (he may keep it):
    a date before the plan's year, a cumulative investment below an earlier report's or above a
    later one's (a cumulative figure rarely goes down), or above the plan's total investment."""
    if entry.plan_id is None:
        return []
    plan = ledger.get(Plan, entry.plan_id)
    others = [e for e in ledger.progress(plan_id=plan.id) if e.id != entry.id]
    amount = entry.cumulative_investment_yuan
    found = []
    if entry.reported_on < date(plan.year, 1, 1):
        found.append(f"填报日期 {entry.reported_on} 早于{plan.year}年方案的年度开始（{plan.year}-01-01）："
                     "年度开始前的准备工作（设计、招标）可以填报，其他情况请核对日期")
    before = [e for e in others if e.reported_on <= entry.reported_on]
    after = [e for e in others if e.reported_on > entry.reported_on]
    if before and amount < before[-1].cumulative_investment_yuan:
        last = before[-1]
        found.append(f"累计完成投资 {wan(amount)} 万元少于 {last.reported_on} 填报的 "
                     f"{wan(last.cumulative_investment_yuan)} 万元：累计数一般只增不减，请核对")
    if after and amount > after[0].cumulative_investment_yuan:
        following = after[0]
        found.append(f"累计完成投资 {wan(amount)} 万元多于其后 {following.reported_on} 填报的 "
                     f"{wan(following.cumulative_investment_yuan)} 万元：累计数一般只增不减，请核对")
    total = plan.total_investment_yuan
    if total and amount > total:
        found.append(f"累计完成投资 {wan(amount)} 万元超过方案总投资 {wan(total)} 万元：请核对"
                     "（总投资调整了的，请同时修改方案）")
    return found


def progress_defaults(plan: Plan, *, today: date | None = None) -> dict[str, Any]:
    """A new monthly progress report of ``plan``: dated today."""
    return {"plan_id": plan.id, "reported_on": today or date.today()}


def withdraw_plan(ledger: Ledger, plan: Plan, *, on: date | None = None, reason: str, amendment: str = "") -> Plan:
    """Take a plan out of its year's programme (撤销): the record stays, with the date and reason,
    and the annual list, the targets (R8) and funding (R7) leave it out. Audited like any change.

    Refused without a reason, for a plan already withdrawn, or dated in the future; a plan of a
    filed (locked) year needs ``amendment`` as well.
    """
    if not reason.strip():
        raise LedgerError("撤销方案须填写撤销原因")
    if plan.withdrawn:
        raise LedgerError(f"该方案已于 {plan.withdrawn_on} 撤销")
    day = on or date.today()
    if day > date.today():
        raise LedgerError(f"撤销日期 {day} 晚于今天，请核对")
    withdrawn = build(Plan, {**plan.model_dump(), "withdrawn_on": day, "withdrawn_reason": reason.strip()})
    return ledger.save(withdrawn, reason=amendment, source="撤销方案")


def reinstate_plan(ledger: Ledger, plan: Plan, *, amendment: str = "") -> Plan:
    """Put a withdrawn plan back on its year's programme (the withdrawal stays in the audit log)."""
    if not plan.withdrawn:
        raise LedgerError("该方案没有撤销，不需要恢复")
    back = build(Plan, {**plan.model_dump(), "withdrawn_on": None, "withdrawn_reason": ""})
    return ledger.save(back, reason=amendment, source="恢复方案")


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


def completeness(ledger: Ledger, filing: Filing) -> Completeness:
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


def filing_refusal(ledger: Ledger, filing: Filing) -> list[str]:
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


def file_and_lock(ledger: Ledger, filing: Filing, *, today: date | None = None) -> Filing:
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


def attach_document(ledger: Ledger, filing: Filing, data: bytes, file_name: str, *, kind: str = "",
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


def update_document(ledger: Ledger, filing: Filing, seq: int, changes: dict[str, Any], *, reason: str = "") -> Filing:
    """Correct one 卷内目录 entry (title, number, issuer, date, pages, kind …); validated by the model."""
    documents = [d.model_dump() for d in filing.documents]
    entry = next((d for d in documents if d["seq"] == seq), None)
    if entry is None:
        raise LedgerError(f"卷内没有第 {seq} 件文件")
    entry.update(changes)
    updated = build(Filing, {**filing.model_dump(), "documents": documents})
    return ledger.save(updated, reason=reason, source="卷内目录")


def remove_document(ledger: Ledger, filing: Filing, seq: int, *, reason: str = "") -> Filing:
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


def _title_of(ledger: Ledger, kind: str) -> str:
    return next((d.title for d in ledger.profile().documents if d.key == kind), "")


# ------------------------------------------------------------------ problems (R10)
def close_refusal(problem: Problem) -> str | None:
    """Why ``problem`` may not be closed (销号): only once it is handled and the result fed back, and
    after a 不满意 rating only after a second round or with a written 情况说明 (002)."""
    return close_problem_refusal(problem)


def deadline_of(ledger: Ledger, problem: Problem, calendar: HolidayCalendar | None = None) -> DueDate:
    """When the problem must be handled (working days from the holiday calendar; provisional when a
    year's official table is missing)."""
    return problem_deadline(problem, ledger.profile(), calendar or HolidayCalendar.from_ledger(ledger))


def deadline_text(ledger: Ledger, problem: Problem, calendar: HolidayCalendar | None = None) -> str:
    """The deadlines as a clerk reads them, e.g. 办结期限 2026-12-02（一般：7 个工作日）, with the
    escalation to the county and the second round's where they apply."""
    calendar = calendar or HolidayCalendar.from_ledger(ledger)
    profile = ledger.profile()
    rule = profile.problems.deadlines[problem.urgency]
    span = "当日办结" if rule.days == 0 else f"{rule.days} {'个工作日' if rule.unit == 'working' else '天'}"
    parts: list[tuple[str, DueDate]] = []
    if problem.unable:
        escalation = profile.problems.escalation
        parts.append((f"上报县级期限 {{0}}（无法办理的 {escalation.days} "
                      f"{'个工作日' if escalation.unit == 'working' else '日'}内）",
                      escalation_deadline(problem, profile, calendar)))
    else:
        parts.append((f"办结期限 {{0}}（{problem.urgency}：{span}）", deadline_of(ledger, problem, calendar)))
    second = second_deadline(problem, profile, calendar)
    if second is not None:
        parts.append((f"再次办结期限 {{0}}（{problem.urgency}：{span}）", second))
    texts = []
    for template, due in parts:
        text = template.format(due.date)
        if due.provisional:
            years = "、".join(map(str, due.missing_years))
            text += f"，暂估：{years} 年尚无节假日表，按周一至周五计算"
        texts.append(text)
    return "；".join(texts)


NEXT_STEP: dict[str, str] = {
    "待交办": "交办承办部门（无法办理的，勾选“无法办理，上报县级”）",
    "办理中": "办结并填写办理结果",
    "待上报县级": "上报县级相关单位或部门，填写上报日期和县级承办单位",
    "已上报县级": "跟踪县级办理情况，办结后填写办结日期和办理结果",
    "待反馈": "向群众反馈办理结果并请其评价",
    "不满意待处理": "再次交办重新办理，或写明情况说明后销号",
    "再次办理中": "再次办结并填写再次办理结果",
    "再次办理待反馈": "向群众反馈再次办理结果并请其评价",
    "待销号": "回访满意度后销号",
}
"""What a clerk does next for a problem in each status (:func:`core.records.problem.problem_status`)."""
