"""Problem (问题) of the long-term management ledger: patrol → dispatch → handle → feedback → close.

Seed 002 §二(四): a problem the street cannot handle goes to the county within a day; the result is
fed back within 2 working days and rated 满意 / 基本满意 / 不满意; §三(三): "问题不解决不销号、整改不
到位不销号". A 不满意 rating is followed by a second round of handling (再次交办, with its own
deadline) or by a written 情况说明 kept with the problem before it may be closed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from core.records.common import Day, OptDate, Record

if TYPE_CHECKING:
    from core.records.facts import ProblemFacts

Source = Literal["网格巡查", "群众随手拍", "督查", "12345", "其他"]
Urgency = Literal["紧急", "一般", "复杂"]
Satisfaction = Literal["满意", "基本满意", "不满意"]
UNSATISFIED: Satisfaction = "不满意"

# The steps of a problem in the order they happen: (field, Chinese name). Each date must be on or
# after the ones before it.
STEPS: tuple[tuple[str, str], ...] = (
    ("reported_on", "发现"),
    ("assigned_on", "交办"),
    ("escalated_on", "上报县级"),
    ("handled_on", "办结"),
    ("feedback_on", "反馈"),
    ("second_assigned_on", "再次交办"),
    ("second_handled_on", "再次办结"),
    ("second_feedback_on", "再次反馈"),
    ("closed_on", "销号"),
)
DONE_STEPS = ("escalated_on", "handled_on", "feedback_on", "second_handled_on", "second_feedback_on", "closed_on")
"""Steps that record something done: they cannot be dated after today."""
SECOND_ROUND = ("second_assigned_on", "second_handled_on", "second_result", "second_feedback_on",
                "second_satisfaction")


class Problem(Record):
    """A problem found in an alley after renovation (长效管理问题台账, seed 002)."""

    label = "问题"

    alley_id: int | None = Field(default=None, title="街巷")
    source: Source = Field(default="网格巡查", title="问题来源")
    ticket_no: str = Field(default="", title="12345工单号", max_length=50)
    complainant: str = Field(default="", title="反映人", max_length=50)
    complainant_phone: str = Field(default="", title="反映人电话", max_length=50)
    category: str = Field(default="", title="问题类别", max_length=50)
    description: str = Field(title="问题描述", min_length=1, max_length=5000)
    reported_on: Day = Field(title="发现日期")
    urgency: Urgency = Field(default="一般", title="紧急程度")
    assigned_department: str = Field(default="", title="承办部门", max_length=100)
    assigned_on: OptDate = Field(default=None, title="交办日期")
    unable: bool = Field(default=False, title="无法办理，上报县级")
    escalated_on: OptDate = Field(default=None, title="上报县级日期")
    escalated_to: str = Field(default="", title="县级承办单位", max_length=100)
    handled_on: OptDate = Field(default=None, title="办结日期")
    result: str = Field(default="", title="办理结果", max_length=5000)
    feedback_on: OptDate = Field(default=None, title="反馈日期")
    satisfaction: Satisfaction | None = Field(default=None, title="满意度")
    second_assigned_on: OptDate = Field(default=None, title="再次交办日期")
    second_handled_on: OptDate = Field(default=None, title="再次办结日期")
    second_result: str = Field(default="", title="再次办理结果", max_length=5000)
    second_feedback_on: OptDate = Field(default=None, title="再次反馈日期")
    second_satisfaction: Satisfaction | None = Field(default=None, title="再次评价满意度")
    closing_note: str = Field(default="", title="情况说明", max_length=5000)
    closed_on: OptDate = Field(default=None, title="销号日期")

    @model_validator(mode="after")
    def _in_order(self) -> Problem:
        last_name, last_value = None, None
        for field, name in STEPS:
            value = getattr(self, field)
            if value is None:
                continue
            if last_value is not None and value < last_value:
                raise ValueError(f"{name}日期 {value} 早于{last_name}日期 {last_value}")
            last_name, last_value = name, value
        today = date.today()
        for field in DONE_STEPS:
            value = getattr(self, field)
            if value is not None and value > today:
                raise ValueError(f"{self.field_title(field)} {value} 在今天（{today}）之后：只能填写已经发生的日期")
        if (self.escalated_on is not None or self.escalated_to) and not self.unable:
            raise ValueError("填写了上报县级的情况，请同时勾选“无法办理，上报县级”")
        if any(getattr(self, f) for f in SECOND_ROUND) and self.satisfaction != UNSATISFIED:
            raise ValueError("只有群众评价“不满意”的问题才再次交办办理")
        return self

    @property
    def status(self) -> str:
        """Where the problem stands (see :func:`problem_status`)."""
        return problem_status(self)

    @property
    def final_satisfaction(self) -> str | None:
        """The rating of the latest round of handling (see :func:`final_satisfaction`)."""
        return final_satisfaction(self)


def final_satisfaction(problem: Problem | ProblemFacts) -> str | None:
    """The rating of a problem's latest round of handling: the second round's once it was assigned."""
    return problem.second_satisfaction if problem.second_assigned_on is not None else problem.satisfaction


def has_second_round(satisfaction: str | None, second_round_begun: bool) -> bool:
    """Whether a problem has a second round of handling to record (002 §三(三)): after a 不满意
    rating, or once one was begun."""
    return satisfaction == UNSATISFIED or second_round_begun


def problem_status(problem: Problem | ProblemFacts) -> str:
    """Where a problem stands from its steps: 待交办, 办理中, 待上报县级, 已上报县级, 待反馈, 不满意待处理
    (a 不满意 rating awaiting a second round or a 情况说明), 再次办理中, 再次办理待反馈, 待销号 or 已销号."""
    p = problem
    if p.closed_on:
        return "已销号"
    if p.second_assigned_on:
        if p.second_feedback_on:
            return _rated(p)
        return "再次办理待反馈" if p.second_handled_on else "再次办理中"
    if p.feedback_on:
        return _rated(p)
    if p.handled_on:
        return "待反馈"
    if p.unable:
        return "已上报县级" if p.escalated_on else "待上报县级"
    if p.assigned_on:
        return "办理中"
    return "待交办"


def _rated(problem: Problem | ProblemFacts) -> str:
    unsatisfied = final_satisfaction(problem) == UNSATISFIED and not problem.closing_note
    return "不满意待处理" if unsatisfied else "待销号"
