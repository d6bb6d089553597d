"""Alley (街巷): one entry of the project library."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from core.records.common import Count, Metres, Record

AreaType = Literal["社区", "开放性小区", "城中村", "其他"]
RoadClass = Literal["支路以下", "支路", "次干路", "主干路", "快速路"]


class Alley(Record):
    """Alley (街巷) in the project library (项目库); its code is unique and never changes."""

    label = "街巷"

    code: str = Field(title="街巷编码", min_length=1, max_length=32)
    name: str = Field(title="街巷名称", min_length=1, max_length=100)
    subdistrict: str = Field(title="所在街道", min_length=1, max_length=100)
    community: str = Field(default="", title="所在社区", max_length=100)
    area_type: AreaType = Field(default="社区", title="区域类型")
    start_point: str = Field(default="", title="起点", max_length=200)
    end_point: str = Field(default="", title="终点", max_length=200)
    direction: str = Field(default="", title="走向", max_length=50)
    length_m: Metres | None = Field(default=None, title="长度(米)")
    red_line_width_m: Metres | None = Field(default=None, title="红线宽度(米)")
    road_class: RoadClass = Field(default="支路以下", title="道路等级")
    households: Count | None = Field(default=None, title="户数")
    population: Count | None = Field(default=None, title="人口")
    shops: Count | None = Field(default=None, title="商户数")
    chief: str = Field(default="", title="街巷长", max_length=50)
    chief_phone: str = Field(default="", title="联系电话", max_length=50)
    grid_worker: str = Field(default="", title="网格员", max_length=50)
    """The grid worker who patrols the alley (002: 每条背街小巷明确到具体网格员); optional."""
    grid_worker_phone: str = Field(default="", title="网格员电话", max_length=50)
    start_lng: float | None = Field(default=None, title="起点经度", ge=-180, le=180)
    start_lat: float | None = Field(default=None, title="起点纬度", ge=-90, le=90)
    end_lng: float | None = Field(default=None, title="终点经度", ge=-180, le=180)
    end_lat: float | None = Field(default=None, title="终点纬度", ge=-90, le=90)
    notes: str = Field(default="", title="备注", max_length=2000)
    extra: dict[str, str] = Field(default_factory=dict, title="其他列")
    """Columns an imported ledger carried that the program does not know; kept and exported again."""

    @model_validator(mode="after")
    def _code_has_no_spaces(self) -> Alley:
        if any(ch.isspace() for ch in self.code):
            raise ValueError(f"街巷编码「{self.code}」不能含空格")
        return self
