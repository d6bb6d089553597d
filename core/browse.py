"""Rows for the program's tables: a few columns of every record, read in one query each, as typed
values (dates as dates, money as integer 元, lengths as numbers) that the table formats for itself.

The desktop tables show thousands of records at once; building full records for that would take
seconds, so each table reads just its columns here (10,000 alleys: about 0.1 s) and the program
builds the full record only for the one a clerk opens. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from core.records.facts import ProblemFacts
from core.store import queries

if TYPE_CHECKING:
    from core.store import Ledger

# Where an alley stands, from its latest plan (or survey when it has no plan yet), in order.
STATUSES = ("未调查", "已调查", "已列入计划", "在建", "已竣工", "已验收", "已归档")


@dataclass(frozen=True)
class Column:
    """One column of a table: the key in each row, its Chinese heading and its starting width."""

    key: str
    title: str
    width: int = 90
    kind: str = "text"
    """text, int, wan (元 shown as 万元), date, or metres: how the value is shown and sorted."""


@dataclass
class Table:
    """The rows of one table: a tuple per record, in the order of ``columns``, record id first."""

    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]

    def index(self, key: str) -> int:
        """Position of the column ``key`` in each row (row[0] is the record id)."""
        return 1 + [c.key for c in self.columns].index(key)


PLACE_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
)
"""Every table shows the alley's code, name and place (the problem ledger puts the problem before the
place): the search box matches these four."""

ALLEY_COLUMNS = (
    *PLACE_COLUMNS,
    Column("area_type", "区域类型", 80),
    Column("length_m", "长度(米)", 70, "metres"),
    Column("year", "最近年度", 70, "int"),
    Column("category", "类别", 60),
    Column("status", "状态", 80),
    Column("chief", "街巷长", 70),
)

SURVEY_COLUMNS = (
    *PLACE_COLUMNS,
    Column("surveyed_on", "调查日期", 90, "date"),
    Column("surveyor", "调查人", 70),
    Column("lamp_positions", "应设路灯", 70, "int"),
    Column("lamps_working", "亮灯", 60, "int"),
    Column("pipe_defects", "管网问题", 70, "int"),
)

PLAN_COLUMNS = (
    *PLACE_COLUMNS,
    Column("year", "年度", 60, "int"),
    Column("category", "类别", 60),
    Column("total_investment_yuan", "总投资(万元)", 90, "wan"),
    Column("status", "状态", 80),
    Column("contract_on", "合同签订", 90, "date"),
    Column("completion_on", "竣工日期", 90, "date"),
)

ACCEPTANCE_COLUMNS = (
    *PLACE_COLUMNS,
    Column("year", "年度", 60, "int"),
    Column("category", "类别", 60),
    Column("completion_on", "竣工日期", 90, "date"),
    Column("accepted_on", "验收日期", 90, "date"),
    Column("result", "验收结论", 80),
    Column("status", "状态", 70),
)
"""One row per plan (the row's id is the plan's): a clerk records the acceptance of a completed plan."""

FILING_COLUMNS = (
    *PLACE_COLUMNS,
    Column("year", "年度", 60, "int"),
    Column("category", "类别", 60),
    Column("accepted_on", "验收日期", 90, "date"),
    Column("filed_on", "备案日期", 90, "date"),
    Column("documents", "资料(份)", 70, "int"),
    Column("complete", "资料齐全", 70),
    Column("status", "状态", 90),
)
"""One row per accepted plan (the row's id is the plan's)."""

PROBLEM_COLUMNS = (
    PLACE_COLUMNS[0],
    PLACE_COLUMNS[1],
    Column("description", "问题描述", 220),
    Column("reported_on", "发现日期", 90, "date"),
    Column("alert", "提醒", 70),
    Column("status", "状态", 90),
    Column("deadline", "办结期限", 110),
    Column("urgency", "紧急程度", 70),
    *PLACE_COLUMNS[2:],
    Column("source", "来源", 80),
    Column("assigned_department", "承办部门", 100),
    Column("satisfaction", "满意度", 70),
    Column("ticket_no", "12345工单号", 110),
)
"""Which alley and what the problem is come first, then the reminder and the state: what a clerk
scans the ledger for (the sub-district and community are in the filter bar as well)."""

def status_of(has_survey: bool, year: int | None, start_on: str | None, completion_on: str | None,
              accepted: bool, filed: bool) -> str:
    """Where an alley's latest plan stands (one of :data:`STATUSES`)."""
    if filed:
        return "已归档"
    if accepted:
        return "已验收"
    if completion_on:
        return "已竣工"
    if start_on:
        return "在建"
    if year is not None:
        return "已列入计划"
    return "已调查" if has_survey else "未调查"


def alley_table(ledger: Ledger) -> Table:
    """Every alley with where its latest plan stands, ordered by code."""
    rows = []
    for (id_, code, name, sub, com, area, length, year, cat, start, done, accepted, filed, surveyed,
         chief) in queries.alley_rows(ledger):
        status = status_of(bool(surveyed), year, start, done, bool(accepted), bool(filed))
        rows.append((id_, code, name, sub, com, area, length, year, cat or "", status, chief))
    return Table(ALLEY_COLUMNS, rows)


def plan_table(ledger: Ledger) -> Table:
    """Every plan with its alley and where it stands, ordered by year and code."""
    rows = []
    for (id_, code, name, sub, com, year, cat, total, start, done, accepted, filed,
         contract) in queries.plan_rows(ledger):
        status = status_of(True, year, start, done, bool(accepted), bool(filed))
        rows.append((id_, code, name, sub, com, year, cat, total, status, _day(contract), _day(done)))
    return Table(PLAN_COLUMNS, rows)


def survey_table(ledger: Ledger) -> Table:
    """Every survey with its alley, ordered by code and date."""
    rows = [(id_, code, name, sub, com, _day(on), *rest) for id_, code, name, sub, com, on, *rest
            in queries.survey_rows(ledger)]
    return Table(SURVEY_COLUMNS, rows)


def acceptance_table(ledger: Ledger) -> Table:
    """Every plan with its completion and acceptance (row id: the plan's)."""
    rows = []
    for id_, code, name, sub, com, year, cat, done, accepted, result in queries.acceptance_rows(ledger):
        status = "已验收" if accepted else ("待验收" if done else "未竣工")
        rows.append((id_, code, name, sub, com, year, cat, _day(done), _day(accepted), result or "", status))
    return Table(ACCEPTANCE_COLUMNS, rows)


def filing_table(ledger: Ledger) -> Table:
    """Every accepted (or already filed) plan with its filing's state (row id: the plan's)."""
    required = [d.key for d in ledger.profile().required_documents()]
    kinds = queries.document_kinds(ledger)
    rows = []
    for (id_, code, name, sub, com, year, cat, accepted, result, filed, locked, filing_id,
         documents) in queries.filing_rows(ledger):
        complete = filing_id is not None and all(k in kinds.get(filing_id, ()) for k in required)
        if locked:
            status = "已归档锁定"
        elif filed:
            status = "已备案"
        elif filing_id is not None:
            status = "整理中"
        else:
            status = "待备案" if result == "合格" else "验收未合格"
        rows.append((id_, code, name, sub, com, year, cat, _day(accepted), _day(filed), documents or 0,
                     "是" if complete else "否", status))
    return Table(FILING_COLUMNS, rows)


def problem_table(ledger: Ledger, *, today: date | None = None) -> Table:
    """Every problem with its deadline in working days (暂估 where a year has no holiday table), where it
    stands, and a reminder for its next step (:func:`core.rules.problems.alert_of`): 逾期 (past its
    handling deadline), 将到期 (due within the profile's ``due_soon_days``, as R10 counts), 反馈逾期
    (handled but not fed back in time), 上报逾期 (not handleable and not reported to the county in time)."""
    from core.rules import HolidayCalendar, problem_deadline
    from core.rules.problems import alert_of, next_due

    profile = ledger.profile()
    calendar = HolidayCalendar.from_ledger(ledger)
    today = today or date.today()
    soon = today + timedelta(days=profile.problems.due_soon_days)
    with ledger.snapshot():  # the problems and their alleys as of one moment
        places = queries.problem_places(ledger)
        problems = ledger.facts(ProblemFacts)
    rows = []
    for problem in problems:
        code, name, sub, com, source, ticket = places[problem.id]  # type: ignore[index]
        due = problem_deadline(problem, profile, calendar)
        deadline = due.date.isoformat() + ("（暂估）" if due.provisional else "")
        pending = next_due(problem, profile, calendar)
        alert = alert_of(pending[1], pending[0].date, today, soon) if pending is not None else ""
        rows.append((problem.id, code, name, problem.description, problem.reported_on, alert, problem.status, deadline,
                     problem.urgency, sub, com, source, problem.assigned_department, problem.final_satisfaction or "",
                     ticket))
    # Newest first, then by alley code, then as entered (two stable sorts: the second one's key decides).
    rows.sort(key=lambda row: row[1])
    rows.sort(key=lambda row: row[4], reverse=True)
    return Table(PROBLEM_COLUMNS, rows)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def county_size(ledger: Ledger) -> int:
    """How many alleys the county has: tables of plans, surveys and problems grow with it."""
    return queries.alley_count(ledger)


def plan_years(ledger: Ledger) -> list[int]:
    """The programme years that have plans, in order."""
    return queries.plan_years(ledger)


def default_year(years: list[int], today: date) -> int:
    """The year a clerk most likely works on: this year if it has plans, else the latest before it."""
    return max((y for y in years if y <= today.year), default=max(years, default=today.year))


def alley_choices(ledger: Ledger) -> list[tuple[int, str, str, str]]:
    """(id, code, name, sub-district) of every alley, for pickers."""
    return queries.alley_choices(ledger)


MAX_SPELLINGS = 8
"""Initials kept per name when several of its characters have more than one reading."""


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Pinyin initials of Chinese text, lower case, other characters kept: 解放路 → jfl. A character
    read two ways gives both spellings, so a clerk finds 朝阳巷 by "cyx" and by "zyx" (→ "zyx cyx")."""
    from pypinyin import Style, pinyin

    spellings = [""]
    for options in pinyin(text, style=Style.FIRST_LETTER, heteronym=True, errors="default"):
        readings = list(dict.fromkeys(o.lower() for o in options)) or [""]
        spellings = [s + r for s in spellings for r in readings][:MAX_SPELLINGS]
    return " ".join(spellings)


def search_text(code: str, *names: str) -> str:
    """What a search box matches: code and names as written (lower case) and the names' pinyin initials.

    Initials are cached per distinct name, and a county has far fewer distinct street and community
    names than alleys: 10,000 demo alleys take about 0.04 s.
    """
    written = " ".join(n for n in names if n)
    return f"{code} {written} {' '.join(initials(n) for n in names if n)}".lower()
