"""County settings (县区设置): who runs the programme and what the county promised."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.records.common import Count, no_invisible_characters, repeated


class YearTarget(BaseModel):
    """The county's own target for one programme year (R8): alleys to renovate and 精品 quota."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    year: int = Field(title="年度", ge=2000, le=2100)
    alleys: Count = Field(title="改造任务(条)")
    boutique: Count = Field(default=0, title="精品任务(条)")


class CountySettings(BaseModel):
    """County settings (县区设置): name, administrative code, lead department, profile, targets."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True, defer_build=True)

    label: ClassVar[str] = "县区设置"
    _no_invisible_characters = no_invisible_characters

    name: str = Field(title="县（区）名称", min_length=1, max_length=50)
    code: str = Field(default="", title="行政区划代码", pattern=r"^(\d{6})?$")
    lead_department: str = Field(default="", title="牵头部门", max_length=100)
    profile: str = Field(default="guangxi-2022", title="政策配置", min_length=1)
    clerk: str = Field(default="", title="经办人", max_length=50)
    targets: list[YearTarget] = Field(default_factory=list, title="年度任务")

    @model_validator(mode="after")
    def _one_target_per_year(self) -> CountySettings:
        twice = repeated([t.year for t in self.targets])
        if twice:
            raise ValueError(f"年度任务 {'、'.join(map(str, twice))} 年重复填写")
        return self

    def target_for(self, year: int) -> YearTarget | None:
        """The county's target for ``year``, if the clerk entered one."""
        return next((t for t in self.targets if t.year == year), None)
