"""Survey (调查摸底) of one alley on one date, with one row per underground pipe kind."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.records.common import Count, Day, Metres, Record, repeated

PipeKind = Literal["供水", "排水", "燃气", "广电", "通信", "消防"]
PIPE_KINDS: tuple[PipeKind, ...] = ("供水", "排水", "燃气", "广电", "通信", "消防")
PipeCondition = Literal["良好", "积泥淤堵", "破损渗漏", "损坏严重", "管径偏小"]
Heritage = Literal["古建筑", "古树", "古井", "古桥"]


class PipeRow(BaseModel):
    """One underground pipe kind (地下管网) as found by the survey."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    kind: PipeKind = Field(title="管线种类")
    year_laid: int | None = Field(default=None, title="敷设年份", ge=1900, le=2100)
    condition: PipeCondition = Field(default="良好", title="管线状况")
    rain_sewage_separated: bool | None = Field(default=None, title="雨污分流")

    def age_at(self, when: date) -> int | None:
        """Whole years since the pipe was laid, counted at ``when``; None if the year is unknown."""
        return self.age_in(when.year)

    def age_in(self, year: int) -> int | None:
        """The pipe's age in ``year`` (e.g. the year a plan renovates); None if the year laid is unknown."""
        return None if self.year_laid is None else year - self.year_laid


class Survey(Record):
    """Survey (调查摸底) of an alley: scale, people, illegal structures, sanitation, pipes, road, lights."""

    label = "调查摸底"

    alley_id: int | None = Field(default=None, title="街巷")
    surveyed_on: Day = Field(title="调查日期")
    surveyor: str = Field(default="", title="调查人", max_length=100)
    # scale and people
    length_m: Metres | None = Field(default=None, title="长度(米)")
    avg_width_m: Metres | None = Field(default=None, title="平均宽度(米)")
    area_m2: Metres | None = Field(default=None, title="面积(平方米)")
    population: Count | None = Field(default=None, title="人口")
    households: Count | None = Field(default=None, title="户数")
    shops: Count | None = Field(default=None, title="商户数")
    # 二拆
    illegal_buildings: Count = Field(default=0, title="违法建筑(处)")
    illegal_building_m2: Metres = Field(default=0, title="违法建筑面积(平方米)")
    overdue_temp_structures: Count = Field(default=0, title="逾期临时构筑物(处)")
    illegal_billboards: Count = Field(default=0, title="违规广告牌(块)")
    ground_locks: Count = Field(default=0, title="私设地锁地桩石墩(个)")
    # 一清
    dead_corners: Count = Field(default=0, title="卫生死角(处)")
    exposed_garbage_points: Count = Field(default=0, title="垃圾裸露点(处)")
    public_toilets: Count = Field(default=0, title="公共厕所(座)")
    toilets_with_odour: Count = Field(default=0, title="有异味的厕所(座)")
    sorting_bins: Count = Field(default=0, title="分类投放设施(处)")
    # 三改: road
    road_hardened: bool = Field(default=True, title="路面已硬化")
    road_damaged_m2: Metres = Field(default=0, title="路面破损(平方米)")
    potholes: Count = Field(default=0, title="坑洼(处)")
    ponding_points: Count = Field(default=0, title="积水点(处)")
    sidewalk_defects: Count = Field(default=0, title="人行道破损(处)")
    missing_covers: Count = Field(default=0, title="井盖雨箅缺失(个)")
    signage_ok: bool = Field(default=True, title="标识标线完好")
    accessible: bool = Field(default=True, title="无障碍设施完好")
    dead_end: bool = Field(default=False, title="断头路")
    # 三改: cables
    tangled_cable_spans: Count = Field(default=0, title="架空线缆乱拉乱挂(档)")
    cables_can_go_underground: bool | None = Field(default=None, title="线缆可入地")
    # 四补: safety
    lamp_positions: Count = Field(default=0, title="应设路灯(盏)")
    lamps_installed: Count = Field(default=0, title="已装路灯(盏)")
    lamps_working: Count = Field(default=0, title="亮灯(盏)")
    cameras: Count = Field(default=0, title="监控(个)")
    fire_lane_marked: bool = Field(default=True, title="消防通道已标线")
    hydrants: Count = Field(default=0, title="消防栓(个)")
    extinguishers: Count = Field(default=0, title="灭火器(具)")
    # 四补: green, culture, parking
    green_m2: Metres = Field(default=0, title="绿地(平方米)")
    green_gaps: Count = Field(default=0, title="缺绿点(处)")
    heritage: list[Heritage] = Field(default_factory=list, title="历史文化元素")
    parking_spaces: Count = Field(default=0, title="停车位(个)")
    problems_found: str = Field(default="", title="发现问题", max_length=5000)
    residents_requests: str = Field(default="", title="群众诉求", max_length=5000)
    pipes: list[PipeRow] = Field(default_factory=list, title="地下管网")

    @model_validator(mode="after")
    def _consistent(self) -> Survey:
        twice = repeated([p.kind for p in self.pipes])
        if twice:
            raise ValueError(f"管线种类「{'、'.join(twice)}」重复填写，每种管线只填一行")
        if self.lamps_working > self.lamps_installed:
            raise ValueError(
                f"亮灯数 {self.lamps_working} 不能多于已装路灯数 {self.lamps_installed}"
            )
        if self.toilets_with_odour > self.public_toilets:
            raise ValueError(
                f"有异味的厕所 {self.toilets_with_odour} 座不能多于公共厕所 {self.public_toilets} 座"
            )
        for pipe in self.pipes:
            if pipe.year_laid is not None and pipe.year_laid > self.surveyed_on.year:
                raise ValueError(
                    f"{pipe.kind}管线敷设年份 {pipe.year_laid} 晚于调查日期 {self.surveyed_on}"
                )
        return self

    # Indicators the policy profile refers to by name when it decides what a survey shows a need for.
    @property
    def pipe_defects(self) -> int:
        """Pipe kinds in a condition other than 良好."""
        return sum(1 for p in self.pipes if p.condition != "良好")

    @property
    def drainage_not_separated(self) -> int:
        """1 when the drainage pipe is recorded as not separating rain and sewage."""
        return int(any(p.kind == "排水" and p.rain_sewage_separated is False for p in self.pipes))

    @property
    def road_not_hardened(self) -> int:
        return int(not self.road_hardened)

    @property
    def signage_missing(self) -> int:
        return int(not self.signage_ok)

    @property
    def not_accessible(self) -> int:
        return int(not self.accessible)

    @property
    def is_dead_end(self) -> int:
        return int(self.dead_end)

    @property
    def lamp_gap(self) -> int:
        """Lamp positions without a lamp, plus installed lamps that do not work."""
        return max(self.lamp_positions - self.lamps_installed, 0) + (
            self.lamps_installed - self.lamps_working
        )

    @property
    def fire_lane_unmarked(self) -> int:
        return int(not self.fire_lane_marked)

    @property
    def heritage_count(self) -> int:
        return len(self.heritage)
