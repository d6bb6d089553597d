"""The work ledger's columns (工作台账, domain.md §5): canonical headers in order and what each holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "metres", "wan", "date", "year", "category", "result", "content",
               "standard_eval", "boutique_eval", "evaluation"]


@dataclass(frozen=True)
class Column:
    """One ledger column: its canonical header, the record and field it maps to, and its kind."""

    header: str
    record: Literal["alley", "plan", "acceptance", "filing"]
    field: str
    kind: Kind = "text"
    width: float = 12
    lines: bool = False
    """Text whose line breaks are kept on import (a note), where in other cells they are stray."""

    @property
    def is_money(self) -> bool:
        return self.kind == "wan"


COLUMNS: tuple[Column, ...] = (
    Column("街巷编码", "alley", "code", width=14),
    Column("街巷名称", "alley", "name", width=14),
    Column("所在街道", "alley", "subdistrict", width=12),
    Column("所在社区", "alley", "community", width=12),
    Column("区域类型", "alley", "area_type", width=10),
    Column("起点", "alley", "start_point", width=14),
    Column("终点", "alley", "end_point", width=14),
    Column("长度(米)", "alley", "length_m", "metres", width=9),
    Column("红线宽度(米)", "alley", "red_line_width_m", "metres", width=9),
    Column("户数", "alley", "households", "int", width=7),
    Column("人口", "alley", "population", "int", width=7),
    Column("街巷长", "alley", "chief", width=9),
    Column("联系电话", "alley", "chief_phone", width=13),
    Column("年度", "plan", "year", "year", width=7),
    Column("类别", "plan", "category", "category", width=8),
    Column("改造内容", "plan", "measures", "content", width=30, lines=True),
    Column("总投资(万元)", "plan", "total_investment_yuan", "wan", width=11),
    Column("建设单位", "plan", "builder", width=20),
    Column("设计单位", "plan", "designer", width=20),
    Column("施工单位", "plan", "contractor", width=20),
    Column("监理单位", "plan", "supervisor", width=20),
    Column("招标完成日期", "plan", "tender_on", "date", width=12),
    Column("合同签订日期", "plan", "contract_on", "date", width=12),
    Column("开工日期", "plan", "start_on", "date", width=12),
    Column("竣工日期", "plan", "completion_on", "date", width=12),
    Column("验收日期", "acceptance", "accepted_on", "date", width=12),
    Column("验收结果", "acceptance", "result", "result", width=9),
    Column("备案编号", "filing", "filing_no", width=14),
    Column("备注", "plan", "notes", width=20, lines=True),
    # Columns the city and the region add or send back (domain.md §5), after the canonical 29.
    Column("方案批复日期", "plan", "approved_on", "date", width=12),
    Column("达标评定结果", "acceptance", "standard_eval_result", "standard_eval", width=9),
    Column("达标评定日期", "acceptance", "standard_eval_on", "date", width=12),
    Column("精品评定结果", "acceptance", "boutique_eval_result", "boutique_eval", width=9),
    Column("精品评定日期", "acceptance", "boutique_eval_on", "date", width=12),
    Column("撤销日期", "plan", "withdrawn_on", "date", width=12),
    Column("撤销原因", "plan", "withdrawn_reason", width=20),
    Column("计划开工日期", "plan", "planned_start_on", "date", width=12),
    Column("计划完工日期", "plan", "planned_completion_on", "date", width=12),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)

EVALUATION_COLUMNS: tuple[Column, ...] = (
    Column("评定结果", "acceptance", "evaluation", "evaluation"),
    Column("评定日期", "acceptance", "evaluation_on", "date"),
)
"""A 公示 list's result and date, which say 达标 or 精品 by their words or the list's title."""
