"""Filing (备案) of the acceptance materials and the project archive (归档)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.records.common import Count, OptDate, Record, Yuan, no_invisible_characters, repeated

Medium = Literal["纸质", "电子", "纸质+电子"]
Retention = Literal["永久", "长期", "短期"]
Security = Literal["公开", "内部", "秘密", "机密"]


class FilingDocument(BaseModel):
    """One document of the filing (卷内目录 row); ``kind`` names a required document of the profile."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    _no_invisible_characters = no_invisible_characters

    seq: int = Field(title="序号", ge=1)
    kind: str = Field(default="", title="文件类别", max_length=50)
    doc_no: str = Field(default="", title="文件编号", max_length=100)
    issuer: str = Field(default="", title="责任者", max_length=200)
    title: str = Field(title="文件题名", min_length=1, max_length=500)
    doc_date: OptDate = Field(default=None, title="日期")
    pages: Count = Field(default=1, title="页数")
    medium: Medium = Field(default="纸质", title="载体")
    attachment_id: int | None = Field(default=None, title="附件")
    note: str = Field(default="", title="备注", max_length=500)


class FilingUnit(BaseModel):
    """A participating unit as the 竣工验收备案表 lists it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    _no_invisible_characters = no_invisible_characters

    role: Literal["勘察单位", "设计单位", "施工单位", "监理单位"] = Field(title="单位类别")
    name: str = Field(default="", title="单位名称", max_length=200)
    qualification: str = Field(default="", title="资质等级", max_length=100)
    project_lead: str = Field(default="", title="项目负责人", max_length=50)


class Filing(Record):
    """Acceptance filing (竣工验收备案) and archive (城建档案归档) of one plan."""

    label = "备案归档"

    plan_id: int | None = Field(default=None, title="改造方案")
    filing_no: str = Field(default="", title="备案编号", max_length=100)
    filed_on: OptDate = Field(default=None, title="备案日期")
    receiving_department: str = Field(default="", title="备案机关", max_length=200)
    # 竣工验收备案表 fields
    builder_contact: str = Field(default="", title="建设单位联系人", max_length=50)
    builder_phone: str = Field(default="", title="联系电话", max_length=50)
    project_location: str = Field(default="", title="工程地点", max_length=200)
    contract_price_yuan: Yuan | None = Field(default=None, title="合同价格(元)")
    construction_permit_no: str = Field(default="", title="施工许可证号", max_length=100)
    planning_permit_no: str = Field(default="", title="规划许可证号", max_length=100)
    quality_supervisor: str = Field(default="", title="质量监督机构", max_length=200)
    units: list[FilingUnit] = Field(default_factory=list, title="参建单位")
    # archive (GB/T 50328-2014 案卷封面)
    archive_no: str = Field(default="", title="档号", max_length=100)
    compiled_by: str = Field(default="", title="编制单位", max_length=200)
    box_no: str = Field(default="", title="盒号", max_length=50)
    volume_no: str = Field(default="", title="卷次", max_length=50)
    retention: Retention = Field(default="永久", title="保管期限")
    security: Security = Field(default="内部", title="密级")
    location: str = Field(default="", title="存放位置", max_length=200)
    archived_on: OptDate = Field(default=None, title="移交城建档案日期")
    compiler: str = Field(default="", title="立卷人", max_length=50)
    compiled_on: OptDate = Field(default=None, title="立卷日期")
    checker: str = Field(default="", title="检查人", max_length=50)
    checked_on: OptDate = Field(default=None, title="检查日期")
    documents: list[FilingDocument] = Field(default_factory=list, title="卷内文件")
    locked_at: datetime | None = Field(default=None, title="锁定时间")
    """Set when the clerk files the record; afterwards changes need an amendment with a reason."""

    @model_validator(mode="after")
    def _consistent(self) -> Filing:
        twice = repeated([d.seq for d in self.documents])
        if twice:
            raise ValueError(f"卷内文件序号 {'、'.join(map(str, twice))} 重复")
        if self.archived_on and self.filed_on and self.archived_on < self.filed_on:
            raise ValueError(f"移交城建档案日期 {self.archived_on} 早于备案日期 {self.filed_on}")
        return self

    @property
    def total_pages(self) -> int:
        """Pages of all documents, for the 备考表."""
        return sum(d.pages for d in self.documents)

    def kinds_present(self) -> set[str]:
        """Required-document keys that have a document in the list."""
        return kinds_present(d.kind for d in self.documents)


def kinds_present(kinds: Iterable[str]) -> set[str]:
    """The required-document keys among the documents' ``kinds`` ("" for a document that is none)."""
    return {kind for kind in kinds if kind}
