"""R10 (seed 002 §二(四), §三(三)): problem deadlines in working days, escalation to the county,
feedback, the second round after a 不满意 rating and closure (销号).

The functions here take a problem as its facts (:class:`core.records.facts.ProblemFacts`: the rules,
the 问题台账 table, the overview) or whole (a form's draft), so they all agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from core.profile import Profile
from core.records import Problem
from core.records.facts import ProblemFacts
from core.records.problem import UNSATISFIED, final_satisfaction
from core.rules.dataset import Dataset
from core.rules.findings import Finding
from core.rules.workdays import DueDate, HolidayCalendar

AnyProblem = Problem | ProblemFacts
"""A problem as stored (a form's draft) or as its facts (the rules, the tables)."""

HANDLING_STEPS = ("办结", "再次办结", "上报县级")
"""Steps whose deadline is a reminder to act (将到期): handling, and escalating to the county."""


def handling_deadline(start: date, urgency: str, profile: Profile, calendar: HolidayCalendar) -> DueDate:
    """When a round of handling that began on ``start`` must be done: 紧急 the same day, 一般 N working
    days, 复杂 N calendar days (moved off a day off when the profile says so)."""
    rule = profile.problems.deadlines[urgency]
    return calendar.add(start, rule.days, rule.unit, roll=profile.problems.roll_calendar_deadlines)


def problem_deadline(problem: AnyProblem, profile: Profile, calendar: HolidayCalendar) -> DueDate:
    """When the problem must be handled, counted from the day it was assigned (or reported, before
    assignment)."""
    return handling_deadline(problem.assigned_on or problem.reported_on, problem.urgency, profile, calendar)


def escalation_deadline(problem: AnyProblem, profile: Profile, calendar: HolidayCalendar) -> DueDate:
    """When a problem the street cannot handle must be reported to the county ("无法办理的，1日内反馈
    至县级相关单位或部门"), counted from the day it was assigned (or reported)."""
    rule = profile.problems.escalation
    start = problem.assigned_on or problem.reported_on
    return calendar.add(start, rule.days, rule.unit, roll=profile.problems.roll_calendar_deadlines)


def second_deadline(problem: AnyProblem, profile: Profile, calendar: HolidayCalendar) -> DueDate | None:
    """When the second round of handling (再次交办 after a 不满意 rating) must be done; None without one."""
    start = problem.second_assigned_on
    return None if start is None else handling_deadline(start, problem.urgency, profile, calendar)


def feedback_deadline(problem: AnyProblem, profile: Profile, calendar: HolidayCalendar) -> DueDate | None:
    """When the result must be fed back: N working days after handling; None before handling."""
    if problem.handled_on is None:
        return None
    return calendar.add_workdays(problem.handled_on, profile.problems.feedback_working_days)


def next_due(problem: AnyProblem, profile: Profile, calendar: HolidayCalendar) -> tuple[DueDate, str] | None:
    """The deadline a problem is working towards and its step: 上报县级 (a problem the street cannot
    handle), 办结 and 反馈, then 再次办结 and 再次反馈 after a 不满意 rating; None once closed, while it
    waits for a decision after 不满意, or while the county handles it (002 sets the county no limit)."""
    if problem.closed_on is not None:
        return None
    calendar_days = profile.problems.feedback_working_days
    second = problem.second_assigned_on
    if second is not None:
        if problem.second_handled_on is None:
            return second_deadline(problem, profile, calendar), "再次办结"  # type: ignore[return-value]
        if problem.second_feedback_on is None:
            return calendar.add_workdays(problem.second_handled_on, calendar_days), "再次反馈"
        return None
    if problem.handled_on is None:
        if problem.unable:
            if problem.escalated_on is None:
                return escalation_deadline(problem, profile, calendar), "上报县级"
            return None
        return problem_deadline(problem, profile, calendar), "办结"
    if problem.feedback_on is None:
        return feedback_deadline(problem, profile, calendar), "反馈"  # type: ignore[return-value]
    return None


def alert_of(step: str, due: date, today: date, soon: date) -> str:
    """The table's reminder for a problem's next step: 逾期 / 反馈逾期 / 上报逾期, 将到期, or ""."""
    if today > due:
        return {"反馈": "反馈逾期", "再次反馈": "反馈逾期", "上报县级": "上报逾期"}.get(step, "逾期")
    if step in HANDLING_STEPS and due <= soon:
        return "将到期"
    return ""


def _provisional_note(due: DueDate) -> str:
    if not due.provisional:
        return ""
    years = "、".join(map(str, due.missing_years))
    return f"（{years}年尚无节假日安排，按周一至周五估算，请导入该年节假日表后复核）"


def closure_gap(problem: AnyProblem) -> tuple[str, str] | None:
    """What a problem still lacks before it may be closed (销号), and what to do, or None: it must be
    handled and fed back (a second round too, once assigned), and a 不满意 rating needs a second
    round or a written 情况说明 ("问题不解决不销号、整改不到位不销号", 002 §三(三))."""
    if problem.handled_on is None:
        return "还没有办结", "请先填写办结日期和办理结果"
    if problem.feedback_on is None:
        return "办理结果还没有反馈给群众", "请先填写反馈日期"
    if problem.second_assigned_on is not None:
        if problem.second_handled_on is None:
            return "再次交办后还没有办结", "请先填写再次办结日期和再次办理结果"
        if problem.second_feedback_on is None:
            return "再次办理的结果还没有反馈给群众", "请先填写再次反馈日期"
    if final_satisfaction(problem) == UNSATISFIED and not problem.closing_note:
        return ("群众评价“不满意”，既没有再次办理，也没有情况说明",
                "问题不解决不销号：请再次交办重新办理，或在“情况说明”中写明不能再办理的原因（如政策等客观因素）")
    return None


def close_problem_refusal(problem: AnyProblem) -> str | None:
    """Why a problem marked closed (销号) may not be closed, or None (see :func:`closure_gap`)."""
    if problem.closed_on is None:
        return None
    gap = closure_gap(problem)
    return None if gap is None else f"{gap[0]}，不能销号：{gap[1]}（R10）"


def r10_problems(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R10: overdue or late handling (each round), escalation to the county, late feedback, a 不满意
    rating left without a second round or 情况说明, and closure before all of it."""
    for problem in ds.problems:
        if year is not None and problem.reported_on.year != year:
            continue
        yield from _problem_findings(ds, problem)


def _problem_findings(ds: Dataset, problem: ProblemFacts) -> Iterator[Finding]:
    rules = ds.profile.problems
    code, record, year = ds.code_of(problem.alley_id), f"problems/{problem.id}", problem.reported_on.year
    what = f"{problem.reported_on} 发现的问题「{_short(problem.description)}」"
    gap = closure_gap(problem) if problem.closed_on is not None else None
    if gap is not None:
        yield Finding("R10", "error", f"{what}已于 {problem.closed_on} 销号，但{gap[0]}", f"{gap[1]}；或撤销销号。",
                      code, year, record, {"closed_on": problem.closed_on, "satisfaction": final_satisfaction(problem)})
    department = problem.assigned_department or "承办部门"
    if problem.unable:
        yield from _escalation(ds, problem, what, code, year, record)
    else:
        yield from _round(ds, problem_deadline(problem, ds.profile, ds.calendar), problem.urgency,
                          problem.handled_on, what, "", department, code, year, record)
    feedback_due = feedback_deadline(problem, ds.profile, ds.calendar)
    if feedback_due is not None:
        yield from _feedback(ds, feedback_due, problem.feedback_on, what, "", code, year, record)
    if problem.closed_on is None and problem.second_assigned_on is None and problem.satisfaction == UNSATISFIED \
            and not problem.closing_note and problem.feedback_on is not None:
        yield Finding("R10", "warning", f"{what}群众评价“不满意”，尚未再次交办，也没有情况说明",
                      "问题不解决不销号：请再次交办承办部门重新办理，或写明情况说明（如政策等客观因素无法办理）。",
                      code, year, record, {"satisfaction": UNSATISFIED, "feedback_on": problem.feedback_on})
    due = second_deadline(problem, ds.profile, ds.calendar)
    if due is None:
        return
    yield from _round(ds, due, problem.urgency, problem.second_handled_on, what, "再次", department, code, year,
                      record)
    if problem.second_handled_on is not None:
        second_feedback = ds.calendar.add_workdays(problem.second_handled_on, rules.feedback_working_days)
        yield from _feedback(ds, second_feedback, problem.second_feedback_on, what, "再次", code, year, record)


def _round(ds: Dataset, due: DueDate, urgency: str, handled: date | None, what: str, again: str,
           department: str, code: str | None, year: int, record: str) -> Iterator[Finding]:
    """One round of handling against its deadline: late, overdue, or due soon."""
    facts = {"urgency": urgency, "deadline": due.date, "provisional": due.provisional, "round": again or "首次"}
    note = _provisional_note(due)
    if handled is not None and handled > due.date:
        yield Finding("R10", "warning", f"{what}于 {handled} {again}办结，超过{again}办结期限 {due.date}{note}",
                      "请督促承办部门按时限办结。", code, year, record, {**facts, "handled_on": handled})
    elif handled is None and ds.as_of > due.date:
        yield Finding("R10", "warning", f"{what}已超过{again}办结期限 {due.date}，仍未办结{note}",
                      f"请督促{department}尽快办理。", code, year, record, {**facts, "as_of": ds.as_of})
    elif handled is None and ds.as_of + timedelta(days=ds.profile.problems.due_soon_days) >= due.date:
        yield Finding("R10", "info", f"{what}将于 {due.date} {again}办结到期{note}",
                      "请提醒承办部门按时办结。", code, year, record, facts)


def _feedback(ds: Dataset, due: DueDate, fed_back: date | None, what: str, again: str, code: str | None,
              year: int, record: str) -> Iterator[Finding]:
    days = ds.profile.problems.feedback_working_days
    if fed_back is not None and fed_back > due.date:
        yield Finding("R10", "warning",
                      f"{what}{again}办结后于 {fed_back} 反馈，超过 {days} 个工作日（{due.date}）",
                      f"办结后应在 {days} 个工作日内反馈办理结果。", code, year, record,
                      {"feedback_on": fed_back, "deadline": due.date, "round": again or "首次"})
    elif fed_back is None and ds.as_of > due.date:
        yield Finding("R10", "warning", f"{what}已{again}办结，超过 {due.date} 仍未反馈",
                      "请尽快向反映人反馈办理结果并请其评价。", code, year, record,
                      {"deadline": due.date, "round": again or "首次"})


def _escalation(ds: Dataset, problem: ProblemFacts, what: str, code: str | None, year: int,
                record: str) -> Iterator[Finding]:
    """A problem the street cannot handle goes to the county within the profile's escalation time."""
    due = escalation_deadline(problem, ds.profile, ds.calendar)
    rule = ds.profile.problems.escalation
    span = f"{rule.days} {'个工作日' if rule.unit == 'working' else '日'}内"
    facts = {"deadline": due.date, "provisional": due.provisional, "step": "上报县级"}
    note = _provisional_note(due)
    if problem.escalated_on is not None and problem.escalated_on > due.date:
        yield Finding("R10", "warning", f"{what}无法办理，于 {problem.escalated_on} 上报县级，超过期限 {due.date}{note}",
                      f"无法办理的问题应在 {span}反馈至县级相关单位或部门。", code, year, record,
                      {**facts, "escalated_on": problem.escalated_on})
    elif problem.escalated_on is None and ds.as_of > due.date:
        yield Finding("R10", "warning", f"{what}无法办理，已超过上报县级期限 {due.date}，仍未上报{note}",
                      f"请在 {span}反馈至县级相关单位或部门，并录入上报日期和县级承办单位。", code, year, record,
                      {**facts, "as_of": ds.as_of})
    elif problem.escalated_on is None and problem.handled_on is None:
        yield Finding("R10", "info", f"{what}无法办理，须于 {due.date} 前上报县级{note}",
                      f"无法办理的问题应在 {span}反馈至县级相关单位或部门，并全程跟踪办理情况。", code, year, record,
                      facts)


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def overdue(problem: AnyProblem, profile: Profile, calendar: HolidayCalendar, today: date) -> bool:
    """True when the problem is still open and past the deadline of its next step."""
    pending = next_due(problem, profile, calendar)
    return pending is not None and today > pending[0].date
