"""R10 (seed 002 §三): problem deadlines in working days, feedback and closure (销号)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from core.profile import Profile
from core.records import Problem
from core.rules.dataset import Dataset
from core.rules.findings import Finding
from core.rules.workdays import DueDate, HolidayCalendar


def problem_deadline(problem: Problem, profile: Profile, calendar: HolidayCalendar) -> DueDate:
    """When the problem must be handled: 紧急 the same day, 一般 N working days, 复杂 N calendar days,
    counted from the day it was assigned (or reported, before assignment).
    """
    rule = profile.problems.deadlines[problem.urgency]
    start = problem.assigned_on or problem.reported_on
    return calendar.add(start, rule.days, rule.unit)


def feedback_deadline(problem: Problem, profile: Profile, calendar: HolidayCalendar) -> DueDate | None:
    """When the result must be fed back: N working days after handling; None before handling."""
    if problem.handled_on is None:
        return None
    return calendar.add_workdays(problem.handled_on, profile.problems.feedback_working_days)


def next_due(problem: Problem, profile: Profile, calendar: HolidayCalendar) -> tuple[DueDate, str] | None:
    """The deadline a problem is working towards and its step: handling ("办结") until handled, then the
    feedback ("反馈"); None once fed back or closed."""
    if problem.closed_on is not None:
        return None
    if problem.handled_on is None:
        return problem_deadline(problem, profile, calendar), "办结"
    if problem.feedback_on is None:
        return feedback_deadline(problem, profile, calendar), "反馈"  # type: ignore[return-value]
    return None


def _provisional_note(due: DueDate) -> str:
    if not due.provisional:
        return ""
    years = "、".join(map(str, due.missing_years))
    return f"（{years}年尚无节假日安排，按周一至周五估算，请导入该年节假日表后复核）"


def r10_problems(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R10: overdue or late handling, late feedback, and closure without handling and feedback."""
    rules = ds.profile.problems
    for problem in ds.problems:
        if year is not None and problem.reported_on.year != year:
            continue
        code, record = ds.code_of(problem.alley_id), f"problems/{problem.id}"
        what = f"{problem.reported_on} 发现的问题「{_short(problem.description)}」"
        if problem.closed_on is not None and (problem.handled_on is None or problem.feedback_on is None):
            step = "办结" if problem.handled_on is None else "反馈"
            yield Finding("R10", "error", f"{what}已销号，但没有{step}记录",
                          "问题须办结并反馈后才能销号，请补录或撤销销号。", code, problem.reported_on.year, record,
                          {"closed_on": problem.closed_on})
        due = problem_deadline(problem, ds.profile, ds.calendar)
        facts = {"urgency": problem.urgency, "deadline": due.date, "provisional": due.provisional}
        note = _provisional_note(due)
        if problem.handled_on is not None and problem.handled_on > due.date:
            yield Finding("R10", "warning", f"{what}于 {problem.handled_on} 办结，超过期限 {due.date}{note}",
                          "请督促承办部门按时限办结。", code, problem.reported_on.year, record,
                          {**facts, "handled_on": problem.handled_on})
        elif problem.handled_on is None and ds.as_of > due.date:
            yield Finding("R10", "warning", f"{what}已超过办结期限 {due.date}，仍未办结{note}",
                          f"请督促{problem.assigned_department or '承办部门'}尽快办理。", code,
                          problem.reported_on.year, record, {**facts, "as_of": ds.as_of})
        elif problem.handled_on is None and ds.as_of + timedelta(days=rules.due_soon_days) >= due.date:
            yield Finding("R10", "info", f"{what}将于 {due.date} 到期{note}",
                          "请提醒承办部门按时办结。", code, problem.reported_on.year, record, facts)
        feedback_due = feedback_deadline(problem, ds.profile, ds.calendar)
        if feedback_due is None:
            continue
        if problem.feedback_on is not None and problem.feedback_on > feedback_due.date:
            yield Finding("R10", "warning",
                          f"{what}办结后于 {problem.feedback_on} 反馈，超过 {rules.feedback_working_days} 个工作日（{feedback_due.date}）",
                          "办结后应在 2 个工作日内反馈办理结果。", code, problem.reported_on.year, record,
                          {"feedback_on": problem.feedback_on, "deadline": feedback_due.date})
        elif problem.feedback_on is None and ds.as_of > feedback_due.date:
            yield Finding("R10", "warning", f"{what}已办结，超过 {feedback_due.date} 仍未反馈",
                          "请尽快向反映人反馈办理结果并请其评价。", code, problem.reported_on.year, record,
                          {"handled_on": problem.handled_on, "deadline": feedback_due.date})


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def overdue(problem: Problem, profile: Profile, calendar: HolidayCalendar, today: date) -> bool:
    """True when the problem is still open and past its handling deadline."""
    return problem.handled_on is None and today > problem_deadline(problem, profile, calendar).date
