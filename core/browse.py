"""Rows for the program's tables: a few columns of every record, read in one query each.

The desktop tables show thousands of records at once; building full records for that would take
seconds, so each table reads just its columns here (10,000 alleys: about 0.1 s) and the program
builds the full record only for the one a clerk opens. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


ALLEY_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
    Column("area_type", "区域类型", 80),
    Column("length_m", "长度(米)", 70, "metres"),
    Column("year", "最近年度", 70, "int"),
    Column("category", "类别", 60),
    Column("status", "状态", 80),
    Column("chief", "街巷长", 70),
)

SURVEY_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
    Column("surveyed_on", "调查日期", 90, "date"),
    Column("surveyor", "调查人", 70),
    Column("lamp_positions", "应设路灯", 70, "int"),
    Column("lamps_working", "亮灯", 60, "int"),
    Column("pipe_defects", "管网问题", 70, "int"),
)

PLAN_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
    Column("year", "年度", 60, "int"),
    Column("category", "类别", 60),
    Column("total_investment_yuan", "总投资(万元)", 90, "wan"),
    Column("status", "状态", 80),
    Column("contract_on", "合同签订", 90, "date"),
    Column("completion_on", "竣工日期", 90, "date"),
)

ACCEPTANCE_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
    Column("year", "年度", 60, "int"),
    Column("category", "类别", 60),
    Column("accepted_on", "验收日期", 90, "date"),
    Column("result", "验收结论", 80),
    Column("settlement_yuan", "结算(万元)", 90, "wan"),
)

FILING_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
    Column("year", "年度", 60, "int"),
    Column("category", "类别", 60),
    Column("filed_on", "备案日期", 90, "date"),
    Column("documents", "资料(份)", 70, "int"),
    Column("status", "状态", 80),
)

PROBLEM_COLUMNS = (
    Column("code", "街巷编码", 130),
    Column("name", "街巷名称", 120),
    Column("subdistrict", "所在街道", 100),
    Column("community", "所在社区", 100),
    Column("reported_on", "登记日期", 90, "date"),
    Column("source", "来源", 80),
    Column("category", "类别", 80),
    Column("description", "问题描述", 220),
    Column("assigned_department", "责任部门", 100),
    Column("status", "状态", 70),
)

_ALLEY_SQL = """
WITH latest AS (
    SELECT p.* FROM plans p
    WHERE p.year = (SELECT MAX(year) FROM plans q WHERE q.alley_id = p.alley_id)
)
SELECT a.id, a.code, a.name, a.subdistrict, a.community, a.area_type, a.length_m,
       l.year, l.category, l.start_on, l.completion_on,
       (SELECT 1 FROM acceptances x WHERE x.plan_id = l.id),
       (SELECT f.filed_on IS NOT NULL OR f.locked_at IS NOT NULL FROM filings f WHERE f.plan_id = l.id),
       EXISTS (SELECT 1 FROM surveys s WHERE s.alley_id = a.id),
       a.chief
FROM alleys a LEFT JOIN latest l ON l.alley_id = a.id
"""

_PLAN_SQL = """
SELECT p.id, a.code, a.name, a.subdistrict, a.community, p.year, p.category, p.total_investment_yuan,
       p.start_on, p.completion_on,
       (SELECT 1 FROM acceptances x WHERE x.plan_id = p.id),
       (SELECT f.filed_on IS NOT NULL OR f.locked_at IS NOT NULL FROM filings f WHERE f.plan_id = p.id),
       p.contract_on
FROM plans p JOIN alleys a ON a.id = p.alley_id
"""

_SURVEY_SQL = """
SELECT s.id, a.code, a.name, a.subdistrict, a.community, s.surveyed_on, s.surveyor, s.lamp_positions,
       s.lamps_working,
       (SELECT COUNT(*) FROM survey_pipes sp WHERE sp.survey_id = s.id AND sp.condition != '良好')
FROM surveys s JOIN alleys a ON a.id = s.alley_id
ORDER BY a.code, s.surveyed_on
"""

_ACCEPTANCE_SQL = """
SELECT x.id, a.code, a.name, a.subdistrict, a.community, p.year, p.category, x.accepted_on, x.result,
       x.settlement_yuan
FROM acceptances x JOIN plans p ON p.id = x.plan_id JOIN alleys a ON a.id = p.alley_id
ORDER BY p.year, a.code
"""

_FILING_SQL = """
SELECT f.id, a.code, a.name, a.subdistrict, a.community, p.year, p.category, f.filed_on,
       (SELECT COUNT(*) FROM filing_documents d WHERE d.filing_id = f.id),
       CASE WHEN f.locked_at IS NOT NULL THEN '已归档锁定' WHEN f.filed_on IS NOT NULL THEN '已备案' ELSE '整理中' END
FROM filings f JOIN plans p ON p.id = f.plan_id JOIN alleys a ON a.id = p.alley_id
ORDER BY p.year, a.code
"""

_PROBLEM_SQL = """
SELECT r.id, a.code, a.name, a.subdistrict, a.community, r.reported_on, r.source, r.category, r.description,
       r.assigned_department,
       CASE WHEN r.closed_on IS NOT NULL THEN '已销号' WHEN r.handled_on IS NOT NULL THEN '已办理'
            WHEN r.assigned_on IS NOT NULL THEN '办理中' ELSE '待交办' END
FROM problems r JOIN alleys a ON a.id = r.alley_id
ORDER BY r.reported_on DESC, a.code
"""


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


def alley_table(ledger: Any) -> Table:
    """Every alley with where its latest plan stands, ordered by code."""
    rows = []
    for (id_, code, name, sub, com, area, length, year, cat, start, done, accepted, filed, surveyed,
         chief) in ledger.db.execute(_ALLEY_SQL + " ORDER BY a.code"):
        status = status_of(bool(surveyed), year, start, done, bool(accepted), bool(filed))
        rows.append((id_, code, name, sub, com, area, length, year, cat or "", status, chief))
    return Table(ALLEY_COLUMNS, rows)


def plan_table(ledger: Any) -> Table:
    """Every plan with its alley and where it stands, ordered by year and code."""
    rows = []
    for (id_, code, name, sub, com, year, cat, total, start, done, accepted, filed,
         contract) in ledger.db.execute(_PLAN_SQL + " ORDER BY p.year, a.code"):
        status = status_of(True, year, start, done, bool(accepted), bool(filed))
        rows.append((id_, code, name, sub, com, year, cat, total, status, contract, done))
    return Table(PLAN_COLUMNS, rows)


def survey_table(ledger: Any) -> Table:
    """Every survey with its alley, ordered by code and date."""
    return Table(SURVEY_COLUMNS, [tuple(r) for r in ledger.db.execute(_SURVEY_SQL)])


def acceptance_table(ledger: Any) -> Table:
    return Table(ACCEPTANCE_COLUMNS, [tuple(r) for r in ledger.db.execute(_ACCEPTANCE_SQL)])


def filing_table(ledger: Any) -> Table:
    return Table(FILING_COLUMNS, [tuple(r) for r in ledger.db.execute(_FILING_SQL)])


def problem_table(ledger: Any) -> Table:
    return Table(PROBLEM_COLUMNS, [tuple(r) for r in ledger.db.execute(_PROBLEM_SQL)])


def plan_years(ledger: Any) -> list[int]:
    """The programme years that have plans, in order."""
    return [r[0] for r in ledger.db.execute("SELECT DISTINCT year FROM plans ORDER BY year")]


def alley_choices(ledger: Any) -> list[tuple[int, str, str, str]]:
    """(id, code, name, sub-district) of every alley, for pickers."""
    return [tuple(r) for r in ledger.db.execute("SELECT id, code, name, subdistrict FROM alleys ORDER BY code")]


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Pinyin initials of Chinese text, lower case, other characters kept: 解放路 → jfl."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()


def search_text(code: str, *names: str) -> str:
    """What a search box matches: code and names as written (lower case) and the names' pinyin initials.

    Initials are cached per distinct name, and a county has far fewer distinct street and community
    names than alleys: 10,000 demo alleys take about 0.04 s.
    """
    written = " ".join(n for n in names if n)
    return f"{code} {written} {' '.join(initials(n) for n in names if n)}".lower()
