"""Record listings for the command line, scripts and the GUI's tables: one flat dict per row."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from core.errors import LedgerError
from core.rules.problems import feedback_deadline, next_due, problem_deadline
from core.rules.workdays import HolidayCalendar

if TYPE_CHECKING:
    from core.store import Ledger

# (key, Chinese header) of the columns the plain-text listing shows; JSON carries every field.
HEADERS: dict[str, list[tuple[str, str]]] = {
    "alleys": [("code", "街巷编码"), ("name", "街巷名称"), ("subdistrict", "所在街道"), ("community", "所在社区"),
               ("length_m", "长度(米)"), ("red_line_width_m", "红线宽度(米)"), ("chief", "街巷长")],
    "surveys": [("id", "编号"), ("alley_code", "街巷编码"), ("surveyed_on", "调查日期"), ("surveyor", "调查人"),
                ("problems_found", "发现的问题")],
    "plans": [("alley_code", "街巷编码"), ("alley_name", "街巷名称"), ("year", "年度"), ("category", "类别"),
              ("total_investment_yuan", "总投资(元)"), ("contract_on", "合同签订"), ("completion_on", "竣工日期")],
    "progress": [("id", "编号"), ("alley_code", "街巷编码"), ("year", "年度"), ("reported_on", "填报日期"),
                 ("progress_text", "形象进度"), ("cumulative_investment_yuan", "累计完成投资(元)")],
    "acceptances": [("alley_code", "街巷编码"), ("year", "年度"), ("accepted_on", "验收日期"), ("result", "验收结果"),
                    ("settlement_yuan", "竣工结算(元)")],
    "filings": [("alley_code", "街巷编码"), ("year", "年度"), ("filing_no", "备案编号"), ("filed_on", "备案日期"),
                ("archive_no", "档号"), ("complete", "资料齐全"), ("locked", "已归档锁定")],
    "problems": [("id", "编号"), ("alley_code", "街巷编码"), ("reported_on", "发现日期"), ("urgency", "紧急程度"),
                 ("description", "问题描述"), ("status", "状态"), ("deadline", "办结期限")],
}


def list_records(ledger: Ledger, kind: str, *, year: int | None = None,
                 today: date | None = None) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Rows of one kind of record as JSON-ready dicts, plus the headers for a text table.

    Surveys carry ``alley_code``; plans, acceptances and filings ``alley_code`` and ``year``; every
    row its ``id`` (the 编号 by which ``delete`` tells two surveys of one day apart); problems their computed
    handling deadline, status, the next step with its deadline (上报县级, 办结, 反馈, 再次办结 …) and
    whether that step is overdue as of ``today``.
    """
    if kind not in HEADERS:
        raise LedgerError(f"没有“{kind}”这类记录")
    codes = ledger.alley_codes_by_id()
    plan_keys = ledger.plan_keys()
    if kind == "alleys":
        rows = [_dump(a) for a in ledger.alleys(year=year)]
    elif kind == "surveys":
        rows = [{"alley_code": codes.get(s.alley_id), **_dump(s)} for s in ledger.surveys()
                if year is None or s.surveyed_on.year == year]
    elif kind == "plans":
        names = {a.code: a.name for a in ledger.alleys()}
        rows = []
        for plan in ledger.plans(year=year):
            row = _dump(plan)
            row["alley_code"] = codes.get(plan.alley_id)
            row["alley_name"] = names.get(row["alley_code"], "")
            rows.append(row)
    elif kind in ("progress", "acceptances", "filings"):
        records: list[Any] = (ledger.progress() if kind == "progress" else ledger.acceptances() if kind == "acceptances"
                              else ledger.filings())
        required = [d.key for d in ledger.profile().required_documents()]
        rows = []
        for record in records:
            code, plan_year = plan_keys.get(record.plan_id, (None, None))
            if year is not None and plan_year != year:
                continue
            row = {"alley_code": code, "year": plan_year, **_dump(record)}
            if kind == "filings":
                missing = [k for k in required if k not in record.kinds_present()]
                row.update(complete=not missing, missing_documents=missing, locked=record.locked_at is not None,
                           total_pages=record.total_pages)
            rows.append(row)
    else:
        profile = ledger.profile()
        calendar = HolidayCalendar.from_ledger(ledger)
        today = today or date.today()
        rows = []
        for problem in ledger.problems(year=year):
            due = problem_deadline(problem, profile, calendar)
            feedback = feedback_deadline(problem, profile, calendar)
            pending = next_due(problem, profile, calendar)
            row = {"alley_code": codes.get(problem.alley_id), **_dump(problem)}
            row.update(status=problem.status, deadline=due.date.isoformat(), deadline_provisional=due.provisional,
                       feedback_deadline=feedback.date.isoformat() if feedback else None,
                       next_step=pending[1] if pending else None,
                       next_deadline=pending[0].date.isoformat() if pending else None,
                       overdue=pending is not None and today > pending[0].date)
            rows.append(row)
    return rows, HEADERS[kind]


def _dump(record: Any) -> dict[str, Any]:
    return record.model_dump(mode="json")


__all__ = ["HEADERS", "list_records"]
