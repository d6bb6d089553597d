"""Problem (问题) of the long-term management ledger: patrol → dispatch → handle → feedback → close."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from core.records.common import Day, OptDate, Record

Source = Literal["网格巡查", "群众随手拍", "督查", "12345", "其他"]
Urgency = Literal["紧急", "一般", "复杂"]
Satisfaction = Literal["满意", "基本满意", "不满意"]


class Problem(Record):
    """A problem found in an alley after renovation (长效管理问题台账, seed 002)."""

    label = "问题"

    alley_id: int | None = Field(default=None, title="街巷")
    source: Source = Field(default="网格巡查", title="问题来源")
    category: str = Field(default="", title="问题类别", max_length=50)
    description: str = Field(title="问题描述", min_length=1, max_length=5000)
    reported_on: Day = Field(title="发现日期")
    urgency: Urgency = Field(default="一般", title="紧急程度")
    assigned_department: str = Field(default="", title="承办部门", max_length=100)
    assigned_on: OptDate = Field(default=None, title="交办日期")
    handled_on: OptDate = Field(default=None, title="办结日期")
    result: str = Field(default="", title="办理结果", max_length=5000)
    feedback_on: OptDate = Field(default=None, title="反馈日期")
    satisfaction: Satisfaction | None = Field(default=None, title="满意度")
    closed_on: OptDate = Field(default=None, title="销号日期")

    @model_validator(mode="after")
    def _in_order(self) -> Problem:
        steps = (
            ("reported_on", "发现"),
            ("assigned_on", "交办"),
            ("handled_on", "办结"),
            ("feedback_on", "反馈"),
            ("closed_on", "销号"),
        )
        last_name, last_value = None, None
        for field, name in steps:
            value = getattr(self, field)
            if value is None:
                continue
            if last_value is not None and value < last_value:
                raise ValueError(f"{name}日期 {value} 早于{last_name}日期 {last_value}")
            last_name, last_value = name, value
        return self

    @property
    def status(self) -> str:
        """Where the problem stands: 待交办 / 办理中 / 待反馈 / 待销号 / 已销号."""
        return problem_status(self.assigned_on, self.handled_on, self.feedback_on, self.closed_on)


def problem_status(assigned_on: object, handled_on: object, feedback_on: object, closed_on: object) -> str:
    """Where a problem stands from the dates of its steps (the last step taken decides)."""
    if closed_on:
        return "已销号"
    if feedback_on:
        return "待销号"
    if handled_on:
        return "待反馈"
    if assigned_on:
        return "办理中"
    return "待交办"
