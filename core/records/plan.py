"""Plan (改造方案): one alley's renovation in one programme year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.records.common import Day, OptDate, Record, Yuan, no_invisible_characters, repeated

Category = Literal["达标类", "精品类"]
STANDARD: Category = "达标类"
BOUTIQUE: Category = "精品类"


class PlanMeasure(BaseModel):
    """A measure chosen from the profile's catalogue (一清二拆三改四补) with its quantity and cost."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    _no_invisible_characters = no_invisible_characters

    code: str = Field(title="改造措施", min_length=1)
    quantity: Decimal | None = Field(default=None, title="数量", ge=0)
    unit: str = Field(default="", title="单位", max_length=20)
    estimated_investment_yuan: Yuan | None = Field(default=None, title="估算投资(元)")
    note: str = Field(default="", title="说明", max_length=500)


class ProgressEntry(Record):
    """A monthly progress report (月调度) of one plan: visible progress and cumulative investment.

    Kept as records of their own (not inside the plan) because they are appended month by month
    and the supervision reports read them across all plans by month.
    """

    label = "月调度进度"

    plan_id: int | None = Field(default=None, title="改造方案")
    reported_on: Day = Field(title="填报日期")
    progress_text: str = Field(default="", title="形象进度", max_length=1000)
    cumulative_investment_yuan: Yuan = Field(default=0, title="累计完成投资(元)")
    problems: str = Field(default="", title="存在问题", max_length=1000)


# (planned field, actual field, Chinese name) of each milestone, in the order they happen.
MILESTONES: tuple[tuple[str, str, str], ...] = (
    ("planned_approved_on", "approved_on", "方案批复"),
    ("planned_tender_on", "tender_on", "招标完成"),
    ("planned_contract_on", "contract_on", "合同签订"),
    ("planned_start_on", "start_on", "开工"),
    ("planned_completion_on", "completion_on", "竣工"),
)


class Plan(Record):
    """Renovation plan (改造方案) of one alley for one programme year."""

    label = "改造方案"

    alley_id: int | None = Field(default=None, title="街巷")
    year: int = Field(title="年度", ge=2000, le=2100)
    category: Category | None = Field(default=None, title="类别")
    """None only for a plan imported from a ledger whose 类别 was blank or unreadable (R2 asks for it)."""
    measures: list[PlanMeasure] = Field(default_factory=list, title="改造内容")
    content_text: str = Field(default="", title="改造内容（台账原文）", max_length=5000)
    """改造内容 word for word as an imported ledger gave it ("一清二拆三改", "白改黑、雨污分流…"): the
    annual list prints it and the export writes it back. Empty for plans typed in the program,
    whose content is their measures."""
    declared_groups: list[str] = Field(default_factory=list, title="只写了类别的措施组")
    """Groups (一清…四补) the ledger named without saying which of their measures: the group as the
    clerk declared it, for R2 to ask for the specifics."""
    total_investment_yuan: Yuan = Field(default=0, title="总投资(元)")
    funding_central_yuan: Yuan = Field(default=0, title="中央资金(元)")
    funding_region_yuan: Yuan = Field(default=0, title="自治区(省)资金(元)")
    funding_city_yuan: Yuan = Field(default=0, title="市级资金(元)")
    funding_county_yuan: Yuan = Field(default=0, title="县级资金(元)")
    funding_social_yuan: Yuan = Field(default=0, title="社会资本(元)")
    builder: str = Field(default="", title="建设单位", max_length=200)
    designer: str = Field(default="", title="设计单位", max_length=200)
    contractor: str = Field(default="", title="施工单位", max_length=200)
    supervisor: str = Field(default="", title="监理单位", max_length=200)
    tender_method: str = Field(default="", title="招标方式", max_length=50)
    winning_bidder: str = Field(default="", title="中标单位", max_length=200)
    contract_no: str = Field(default="", title="合同编号", max_length=100)
    contract_amount_yuan: Yuan | None = Field(default=None, title="合同金额(元)")
    planned_approved_on: OptDate = Field(default=None, title="计划方案批复日期")
    approved_on: OptDate = Field(default=None, title="方案批复日期")
    planned_tender_on: OptDate = Field(default=None, title="计划招标完成日期")
    tender_on: OptDate = Field(default=None, title="招标完成日期")
    planned_contract_on: OptDate = Field(default=None, title="计划合同签订日期")
    contract_on: OptDate = Field(default=None, title="合同签订日期")
    planned_start_on: OptDate = Field(default=None, title="计划开工日期")
    start_on: OptDate = Field(default=None, title="开工日期")
    planned_completion_on: OptDate = Field(default=None, title="计划完工日期")
    completion_on: OptDate = Field(default=None, title="竣工日期")
    notes: str = Field(default="", title="备注", max_length=2000)
    withdrawn_on: OptDate = Field(default=None, title="撤销日期")
    withdrawn_reason: str = Field(default="", title="撤销原因", max_length=500)
    """A plan taken out of the year's programme (撤销) keeps its record and is left off the annual list."""
    extra: dict[str, str] = Field(default_factory=dict, title="其他列")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Plan:
        pairs = (
            ("tender_on", "contract_on", "合同签订日期不能早于招标完成日期"),
            ("start_on", "completion_on", "竣工日期不能早于开工日期"),
            ("planned_start_on", "planned_completion_on", "计划完工日期不能早于计划开工日期"),
        )
        for earlier, later, message in pairs:
            a, b = getattr(self, earlier), getattr(self, later)
            if a is not None and b is not None and b < a:
                raise ValueError(f"{message}（{a} → {b}）")
        twice = repeated([m.code for m in self.measures])
        if twice:
            raise ValueError(f"改造措施「{'、'.join(twice)}」重复选择")
        if self.withdrawn_reason and self.withdrawn_on is None:
            raise ValueError("填写了撤销原因，还须填写撤销日期")
        if self.withdrawn_on is not None and not self.withdrawn_reason:
            raise ValueError("撤销方案须填写撤销原因")
        if self.withdrawn_on is not None and self.withdrawn_on > date.today():
            raise ValueError(f"撤销日期 {self.withdrawn_on} 晚于今天，请核对")
        return self

    @property
    def withdrawn(self) -> bool:
        """Whether the plan was taken out of its year's programme (撤销)."""
        return self.withdrawn_on is not None

    @property
    def measures_estimate_yuan(self) -> int:
        """The chosen measures' estimated investments added up (a measure without one counts 0)."""
        return sum(m.estimated_investment_yuan or 0 for m in self.measures)
