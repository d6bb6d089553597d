"""Acceptance (竣工验收) of one plan, with the later 达标 / 精品 evaluation results."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from core.records.common import Count, Day, OptDate, Record, Yuan

AcceptanceResult = Literal["合格", "不合格"]
StandardEvalResult = Literal["达标", "不达标"]
BoutiqueEvalResult = Literal["精品", "未评为精品"]


class Acceptance(Record):
    """Completion acceptance (竣工验收) by the builder with the design, construction and supervision units."""

    label = "竣工验收"

    plan_id: int | None = Field(default=None, title="改造方案")
    accepted_on: Day = Field(title="验收日期")
    builder_unit: str = Field(default="", title="建设单位", max_length=200)
    builder_rep: str = Field(default="", title="建设单位代表", max_length=50)
    designer_unit: str = Field(default="", title="设计单位", max_length=200)
    designer_rep: str = Field(default="", title="设计单位代表", max_length=50)
    contractor_unit: str = Field(default="", title="施工单位", max_length=200)
    contractor_rep: str = Field(default="", title="施工单位代表", max_length=50)
    supervisor_unit: str = Field(default="", title="监理单位", max_length=200)
    supervisor_rep: str = Field(default="", title="监理单位代表", max_length=50)
    result: AcceptanceResult = Field(title="验收结果")
    defects: str = Field(default="", title="存在问题", max_length=5000)
    rectification: str = Field(default="", title="整改情况", max_length=5000)
    rectified_on: OptDate = Field(default=None, title="整改完成日期")
    settlement_yuan: Yuan | None = Field(default=None, title="竣工结算(元)")
    lamp_positions: Count | None = Field(default=None, title="应设路灯(盏)")
    lamps_installed: Count | None = Field(default=None, title="已装路灯(盏)")
    lamps_working: Count | None = Field(default=None, title="亮灯(盏)")
    standard_eval_by: str = Field(default="", title="达标评价单位", max_length=100)
    standard_eval_on: OptDate = Field(default=None, title="达标评价日期")
    standard_eval_result: StandardEvalResult | None = Field(default=None, title="达标评价结果")
    boutique_eval_by: str = Field(default="", title="精品评价单位", max_length=100)
    boutique_eval_on: OptDate = Field(default=None, title="精品评价日期")
    boutique_eval_result: BoutiqueEvalResult | None = Field(default=None, title="精品评价结果")

    @model_validator(mode="after")
    def _consistent(self) -> Acceptance:
        if (
            self.lamps_working is not None
            and self.lamps_installed is not None
            and self.lamps_working > self.lamps_installed
        ):
            raise ValueError(f"亮灯数 {self.lamps_working} 不能多于已装路灯数 {self.lamps_installed}")
        for field in ("standard_eval_on", "boutique_eval_on", "rectified_on"):
            value = getattr(self, field)
            if value is not None and value < self.accepted_on:
                raise ValueError(f"{self.field_title(field)} {value} 早于验收日期 {self.accepted_on}")
        return self

    @property
    def passed(self) -> bool:
        """True when the acceptance result is 合格."""
        return self.result == "合格"
