"""The annual project list (年度改造项目清单, domain.md §2): every plan of a year not withdrawn.

Gathered here as typed rows — dates as dates, money as integer 元, lengths as numbers — that the
three outputs format each for itself: the printed list (``core.printing.annual_list``), the Excel
export (``core.exchange.export``) and the program's 年度清单 page. Nothing is parsed back from text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from core.errors import LedgerError
from core.rules.funding import funding_for_plan

if TYPE_CHECKING:
    from core.store import Ledger

ListKind = Literal["number", "text", "metres", "category", "wan", "date"]


@dataclass(frozen=True)
class ListColumn:
    """One column of the list: header (``{region}`` stands for 自治区/省级), width on paper in mm,
    alignment, what kind of value it holds and which :class:`AnnualRow` field holds it."""

    header: str
    width_mm: float
    align: str
    kind: ListKind
    field: str

    @property
    def value_kind(self) -> str:
        """How a spreadsheet or the program's table holds the column (int, text, metres, wan, date)."""
        return {"number": "int", "category": "text"}.get(self.kind, self.kind)


# The §2 columns; 277 mm fit between 10 mm margins of landscape A4.
COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("序号", 9, "center", "number", "number"),
    ListColumn("街巷名称", 22, "left", "text", "name"),
    ListColumn("所在街道", 18, "left", "text", "subdistrict"),
    ListColumn("所在社区", 18, "left", "text", "community"),
    ListColumn("起止点", 28, "left", "text", "span"),
    ListColumn("长度(米)", 13, "right", "metres", "length_m"),
    ListColumn("宽度(米)", 12, "right", "metres", "width_m"),
    ListColumn("类别", 11, "center", "category", "category"),
    ListColumn("主要改造内容", 40, "left", "text", "content"),
    ListColumn("总投资(万元)", 17, "right", "wan", "total_investment_yuan"),
    ListColumn("{region}补助(万元)", 17, "right", "wan", "subsidy_yuan"),
    ListColumn("计划开工", 16, "center", "date", "planned_start_on"),
    ListColumn("计划完工", 16, "center", "date", "planned_completion_on"),
    ListColumn("建设单位", 26, "left", "text", "builder"),
    ListColumn("备注", 14, "left", "text", "notes"),
)


@dataclass(frozen=True)
class AnnualRow:
    """One plan on the list."""

    number: int
    plan_id: int | None
    alley_code: str
    name: str
    subdistrict: str
    community: str
    span: str
    """起止点: 起点至终点."""
    length_m: float | None
    width_m: float | None
    category: str | None
    """达标类 / 精品类, or None where an imported ledger left it blank."""
    content: str
    """主要改造内容: the ledger's own words when imported, else the measures' short names."""
    total_investment_yuan: int
    subsidy_yuan: int
    planned_start_on: date | None
    planned_completion_on: date | None
    builder: str
    notes: str

    def value(self, column: ListColumn) -> Any:
        """The row's value in ``column``."""
        return getattr(self, column.field)


@dataclass
class AnnualList:
    """Everything the annual project list shows, gathered from the ledger."""

    county: str
    lead_department: str
    clerk: str
    year: int
    region_name: str
    rows: list[AnnualRow]
    target: int | None
    boutique_quota: int | None
    withdrawn: int
    """Plans of the year withdrawn (撤销): kept as records, left off the list."""
    printed_on: date = field(default_factory=date.today)

    @property
    def standard(self) -> int:
        return sum(1 for r in self.rows if r.category == "达标类")

    @property
    def boutique(self) -> int:
        return sum(1 for r in self.rows if r.category == "精品类")

    @property
    def uncategorised(self) -> int:
        """Rows whose 类别 is not known (a ledger that left it blank)."""
        return sum(1 for r in self.rows if r.category is None)

    @property
    def short_of_target(self) -> int:
        """How many plans the list lacks to reach the county's target for the year (0: none, or no target)."""
        return max((self.target or 0) - len(self.rows), 0)

    @property
    def total_length_m(self) -> float:
        return sum(r.length_m or 0 for r in self.rows)

    @property
    def total_investment_yuan(self) -> int:
        return sum(r.total_investment_yuan for r in self.rows)

    @property
    def total_subsidy_yuan(self) -> int:
        return sum(r.subsidy_yuan for r in self.rows)

    @property
    def title(self) -> str:
        return f"{self.county}{self.year}年城市背街小巷整治改造提升项目清单"

    def headers(self) -> list[str]:
        """The column headers with the region's name put in (自治区补助(万元))."""
        return [c.header.format(region=self.region_name) for c in COLUMNS]

    def counts_text(self) -> str:
        """本年度列入 N 条（达标类 …，精品类 …）, with the withdrawn plans left off."""
        kinds = f"达标类 {self.standard} 条，精品类 {self.boutique} 条"
        if self.uncategorised:
            kinds += f"，未填类别 {self.uncategorised} 条"
        text = f"本年度列入 {len(self.rows)} 条（{kinds}）"
        if self.target is not None:
            text += f"；年度任务 {self.target} 条，精品任务 {self.boutique_quota} 条"
        if self.withdrawn:
            text += f"；另有 {self.withdrawn} 个方案已撤销，未列入"
        return text


def annual_list_data(ledger: Ledger, year: int, *, today: date | None = None) -> AnnualList:
    """Gather the list for ``year``: every plan of the year that is not withdrawn, whether or not
    its approval date is known (R6 asks for that), ordered by sub-district and alley code."""
    with ledger.snapshot():  # the year's plans and their alleys as of one moment
        return _annual_list_data(ledger, year, today=today)


def _annual_list_data(ledger: Ledger, year: int, *, today: date | None = None) -> AnnualList:
    settings = ledger.settings()
    if settings is None:
        raise LedgerError("还没有填写县（区）信息：请在程序的“设置”中填写（命令行：alley-ledger init）")
    profile = ledger.profile()
    alleys = {a.id: a for a in ledger.alleys(year=year)}
    plans = ledger.plans(year=year)
    listed = [p for p in plans if not p.withdrawn]
    listed.sort(key=lambda p: (alleys[p.alley_id].subdistrict, alleys[p.alley_id].code))
    on = today or date.today()
    rows = []
    for number, plan in enumerate(listed, start=1):
        alley = alleys[plan.alley_id]
        money = funding_for_plan(plan, None, profile, on)
        content = plan.content_text or "、".join(
            ((m.short or m.name) if (m := profile.measure(item.code)) else item.code) for item in plan.measures)
        rows.append(AnnualRow(
            number=number, plan_id=plan.id, alley_code=alley.code, name=alley.name, subdistrict=alley.subdistrict,
            community=alley.community, span="至".join(p for p in (alley.start_point, alley.end_point) if p),
            length_m=alley.length_m, width_m=alley.red_line_width_m, category=plan.category, content=content,
            total_investment_yuan=plan.total_investment_yuan, subsidy_yuan=money.subsidy_yuan,
            planned_start_on=plan.planned_start_on, planned_completion_on=plan.planned_completion_on,
            builder=plan.builder, notes=plan.notes,
        ))
    target = settings.target_for(year)
    return AnnualList(
        county=settings.name, lead_department=settings.lead_department, clerk=settings.clerk, year=year,
        region_name=profile.profile.region_name, rows=rows,
        target=target.alleys if target else None, boutique_quota=target.boutique if target else None,
        withdrawn=len(plans) - len(listed), printed_on=on,
    )


__all__ = ["COLUMNS", "AnnualList", "AnnualRow", "ListColumn", "annual_list_data"]
