"""The overview (统计总览) of one programme year: progress against the county's target, funding and
the deadlines coming up, in total and by sub-district (街道).

Everything the 统计总览 page shows is worked out here, from the same records and rules the rest of
the program uses: funding is R7 (:func:`core.rules.funding`), problem deadlines are R10
(:func:`core.rules.feedback_deadline, problem_deadline` on the holiday calendar), and every date comes from the policy
profile. Nothing here imports Qt.

How a plan is counted (the same stages as the plan table's 状态):

- 列入计划: a plan of the year exists;
- 已开工 / 已竣工: its actual start / completion date is entered;
- 已验收: its completion acceptance passed (合格); a failed one is counted apart (验收不合格);
- 已备案: its filing has a filing date or is locked (归档).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from core.browse import alley_choices, default_year
from core.browse import plan_years as years_with_plans
from core.errors import checker
from core.money import wan
from core.records import BOUTIQUE
from core.records.facts import PlanFacts
from core.rules import Dataset, funding, totals
from core.rules.findings import rate_text
from core.rules.funding import FUND_NAMES, MONEY_KEYS, Funding
from core.rules.plan_rules import boutique_eligible
from core.rules.problems import next_due
from core.rules.schedule import boutique_evaluation_due, standard_evaluation_due

if TYPE_CHECKING:
    from core.store import Ledger

TOTAL = "全县（区）合计"
"""The name of the county-wide row."""

FUNDING_TITLES: dict[str, str] = {
    "subsidy_yuan": "{region}补助",
    "bonus_yuan": "奖励资金",
    "clawback_yuan": "扣回资金",
    "boutique_award_yuan": "精品奖补",
    "total_yuan": "合计",
}
"""The funding figures the overview shows, with their Chinese names (``{region}``: 自治区 / 省级)."""


@dataclass
class Progress:
    """How far the year's plans of one sub-district (or the whole county) have got."""

    name: str
    planned: int = 0
    boutique: int = 0
    """Plans of the 精品类 category."""
    boutique_eligible: int = 0
    """精品类 plans that meet R2's conditions for 精品: the ones R8 counts toward the quota."""
    started: int = 0
    completed: int = 0
    accepted: int = 0
    failed: int = 0
    filed: int = 0
    rated_boutique: int = 0
    """Plans the region rated 精品 (精品评价结果 = 精品)."""

    def stages(self) -> list[tuple[str, int]]:
        """(Chinese name, count) of the stages a plan goes through, in order."""
        return [("列入计划", self.planned), ("已开工", self.started), ("已竣工", self.completed),
                ("已验收", self.accepted), ("已备案", self.filed)]


@dataclass(frozen=True)
class Deadline:
    """One of the year's deadlines and how many plans met it, missed it or still have it ahead."""

    title: str
    """What has to be done, e.g. 签订施工合同."""
    due: date | None
    """The day from the profile; None when each plan has its own (e.g. 验收后 15 日内备案)."""
    rule: str
    """The deadline in words: 6月30日前 / 验收合格后15日内."""
    on_time: int
    late: int
    pending: int
    overdue: int
    """Of ``pending``, those whose deadline has passed."""
    status: str
    """还有 N 天 / 已过 N 天 / 逐条计算."""
    note: str
    """The situation in one Chinese sentence (counts and the money at stake)."""
    money_yuan: int = 0
    """Money that depends on this deadline (bonus still to be earned, or at risk of clawback)."""

    @property
    def urgent(self) -> bool:
        """True when plans have missed it and are still not done."""
        return self.overdue > 0


@dataclass(frozen=True)
class ProblemDue:
    """An open problem (问题) that is overdue or due soon (R10)."""

    problem_id: int
    alley_code: str
    alley_name: str
    description: str
    urgency: str
    department: str
    due: date
    provisional: bool
    """The deadline crosses a year without an official holiday table (Monday–Friday assumed)."""
    days: int
    """Days past the deadline (positive) or left before it (zero or negative)."""
    step: str = ""
    """"" for handling (办结), "反馈" for the feedback of a handled problem."""

    @property
    def overdue(self) -> bool:
        return self.days > 0

    @property
    def status(self) -> str:
        """超期 N 天 / 今天到期 / 还有 N 天, with 暂定 when the deadline is provisional."""
        text = f"超期 {self.days} 天" if self.days > 0 else "今天到期" if self.days == 0 else f"还有 {-self.days} 天"
        return f"{self.step}{text}" + ("（期限暂定）" if self.provisional else "")


@dataclass
class SatisfactionShare:
    """The ratings (满意 / 基本满意 / 不满意) given in one department's or one month's feedback (002:
    "由反映问题人员作出“满意”“基本满意”“不满意”评价"). Each round of handling is rated once, so
    a problem handled twice counts twice."""

    name: str
    satisfied: int = 0
    basic: int = 0
    unsatisfied: int = 0

    @property
    def rated(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied

    def add(self, rating: str) -> None:
        if rating == "满意":
            self.satisfied += 1
        elif rating == "基本满意":
            self.basic += 1
        elif rating == "不满意":
            self.unsatisfied += 1

    def share(self, count: int) -> str:
        """``count`` as a share of the ratings (249 of 250: 99.6%, never rounded up to 100%)."""
        return rate_text(count, self.rated)

    @property
    def satisfied_share(self) -> str:
        """满意率: 满意 and 基本满意 together, as a share of all ratings."""
        return self.share(self.satisfied + self.basic)


@dataclass
class Overview:
    """Everything the 统计总览 page shows for one programme year."""

    year: int
    as_of: date
    county: str
    region_name: str
    target: int | None
    """The county's own target of alleys for the year (设置 → 年度任务), None if not entered."""
    boutique_quota: int | None
    total: Progress
    by_subdistrict: list[Progress]
    funding: dict[str, int]
    """Sums over the year's plans in whole 元 (keys of :data:`core.rules.funding.MONEY_KEYS`, and plans)."""
    funding_by_subdistrict: dict[str, dict[str, int]]
    deadlines: list[Deadline]
    problems: list[ProblemDue]
    """Open problems that are overdue or due within the profile's due_soon_days, most overdue first."""
    open_problems: int = 0
    provisional: bool = False
    """Some problem deadline was counted without an official holiday table."""
    satisfaction_by_department: list[SatisfactionShare] = field(default_factory=list)
    """Ratings given in the year, per assigned department (most rated first), the county's total last."""
    satisfaction_by_month: list[SatisfactionShare] = field(default_factory=list)
    """Ratings given in the year, per month of the feedback (2026-03 …), the year's total last."""
    funding_note: str = ""
    """Why the year's plans get no regional funds (a year outside the programme), else empty."""

    @property
    def overdue_problems(self) -> int:
        return sum(1 for p in self.problems if p.overdue)

    @property
    def due_soon_problems(self) -> int:
        return sum(1 for p in self.problems if not p.overdue)

    def funding_lines(self) -> list[tuple[str, int]]:
        """(Chinese name, yuan) of the funding figures, in the order the page shows them."""
        return [(title.format(region=self.region_name), self.funding[key]) for key, title in FUNDING_TITLES.items()]


def gather_overview(ledger: Ledger, year: int, *, as_of: date | None = None,
                    progress: Callable[[int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> Overview:
    """The overview of ``year`` as it stands on ``as_of`` (today by default).

    Reads plans, surveys, acceptances, filings and problems once (0.6 s for a 10,000-alley
    county): run it on a worker. ``cancel()`` is asked between the steps.
    """
    with ledger.snapshot():  # every table and card of the year as of one moment
        return _gather_overview(ledger, year, as_of=as_of, progress=progress, cancel=cancel)


def _gather_overview(ledger: Ledger, year: int, *, as_of: date | None = None,
                     progress: Callable[[int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> Overview:
    as_of = as_of or date.today()
    step = checker(progress, cancel, "统计已取消")
    ds = Dataset.from_ledger(ledger, as_of=as_of)
    profile = ds.profile
    settings = ds.settings
    target = settings.target_for(year) if settings else None
    alleys = {row[0]: row[1:] for row in alley_choices(ledger)}  # id → (code, name, sub-district)
    step(10, "读取改造方案")
    plans = [p for p in ds.plans if p.year == year]
    step(40, "读取验收和备案")
    acceptances, filings = ds.acceptance_by_plan, ds.filing_by_plan

    total = Progress(TOTAL)
    groups: dict[str, Progress] = {}
    for plan in plans:
        sub = alleys.get(plan.alley_id, ("", "", ""))[2] or "（未填街道）"  # type: ignore[arg-type]
        group = groups.get(sub) or groups.setdefault(sub, Progress(sub))
        acceptance = acceptances.get(plan.id)
        filing = filings.get(plan.id)
        eligible = boutique_eligible(ds, plan)
        for row in (total, group):
            row.planned += 1
            row.boutique += plan.category == BOUTIQUE
            row.boutique_eligible += eligible
            row.started += plan.start_on is not None
            row.completed += plan.completion_on is not None
            if acceptance is not None:
                row.accepted += acceptance.passed
                row.failed += not acceptance.passed
                row.rated_boutique += acceptance.boutique_eval_result == "精品" and plan.category == BOUTIQUE
            row.filed += filing is not None and (filing.filed_on is not None or filing.locked_at is not None)

    step(60, "计算补助资金")
    lines = funding(ds, year=year)
    money = totals([line for line, _ in lines])
    by_sub_lines: dict[str, list[Funding]] = defaultdict(list)
    code_to_sub = {code: sub for code, _, sub in alleys.values()}
    for line, code in lines:
        by_sub_lines[code_to_sub.get(code, "") or "（未填街道）"].append(line)
    money_by_sub = {sub: totals(found) for sub, found in sorted(by_sub_lines.items())}

    step(75, "核对期限")
    deadlines = _plan_deadlines(ds, plans, {line.plan_id: line for line, _ in lines}, year, as_of)
    step(85, "核对问题办理期限")
    problems, open_count, provisional = _problems_due(ds, alleys, as_of)
    by_department, by_month = _satisfaction(ds, year)
    step.report(100, "完成")
    note = "" if profile.funds_year(year) else (
        f"{year}年不在{profile.profile.region_name}三年行动项目年度（{profile.profile.programme_span()}）内，"
        f"不计{profile.profile.region_name}补助、奖励和精品奖补")
    return Overview(
        year=year, as_of=as_of, county=settings.name if settings else "",
        region_name=profile.profile.region_name,
        target=target.alleys if target else None, boutique_quota=target.boutique if target else None,
        total=total, by_subdistrict=[groups[name] for name in sorted(groups)],
        funding=money, funding_by_subdistrict=money_by_sub,
        deadlines=deadlines, problems=problems, open_problems=open_count, provisional=provisional,
        satisfaction_by_department=by_department, satisfaction_by_month=by_month, funding_note=note,
    )


def _days_status(due: date, as_of: date, pending: int) -> str:
    if not pending:
        return "已全部完成"
    days = (due - as_of).days
    return f"还有 {days} 天" if days > 0 else "今天到期" if days == 0 else f"已过 {-days} 天"


def _dated_deadline(due: date, dates: list[date | None], as_of: date, done_word: str,
                    todo_word: str) -> tuple[int, int, int, int, str]:
    """(on time, late, pending, overdue, counts sentence) of the plans' ``dates`` against ``due``."""
    on_time = sum(1 for d in dates if d is not None and d <= due)
    late = sum(1 for d in dates if d is not None and d > due)
    pending = sum(1 for d in dates if d is None)
    overdue = pending if as_of > due else 0
    text = f"{done_word} {on_time + late} 条"
    if late:
        text += f"（其中逾期 {late} 条）"
    text += f"，{todo_word} {pending} 条"
    return on_time, late, pending, overdue, text


def _plan_deadlines(ds: Dataset, plans: list[PlanFacts], lines: dict[int | None, Funding], year: int, as_of: date) -> list[Deadline]:
    """The year's plan deadlines from the profile: contracts and start (R6/R7), completion (R6/R7),
    and filing within N days of a passed acceptance (R11)."""
    profile = ds.profile
    out = []

    due = profile.deadlines.contract.on(year)
    on_time, late, pending, overdue, text = _dated_deadline(
        due, [p.contract_on for p in plans], as_of, "已签合同", "未签")
    bonus_due = profile.funding.bonus_deadline.on(year)
    rate = profile.funding.bonus_rate
    to_earn = sum(profile.funding.to_yuan(p.total_investment_yuan * rate) for p in plans
                  if p.contract_on is None) if as_of <= bonus_due else 0
    if to_earn:
        text += f"；{bonus_due.month}月{bonus_due.day}日前签订可获奖励资金 {wan(to_earn)} 万元"
    elif pending and as_of > due:
        text += "；已过期限，未签的方案无奖励资金"
    out.append(Deadline("完成招标并签订施工合同", due, f"{due.month}月{due.day}日前", on_time, late, pending, overdue,
                        _days_status(due, as_of, pending), text, to_earn))

    due = profile.deadlines.start.on(year)
    on_time, late, pending, overdue, text = _dated_deadline(
        due, [p.start_on for p in plans], as_of, "已开工", "未开工")
    out.append(Deadline("开工建设", due, f"{due.month}月{due.day}日前", on_time, late, pending, overdue,
                        _days_status(due, as_of, pending), text))

    due = profile.deadlines.completion.on(year)
    on_time, late, pending, overdue, text = _dated_deadline(
        due, [p.completion_on for p in plans], as_of, "已竣工", "未竣工")
    at_risk = sum(line.at_risk_yuan for line in lines.values() if line.clawback_pending)
    clawed = sum(line.clawback_yuan for line in lines.values())
    if at_risk:
        names = "、".join(FUND_NAMES[n] for n in profile.funding.clawback)
        text += f"；如不能按期完成，{names} {wan(at_risk)} 万元将全额扣回"
    if clawed:
        text += f"；已扣回 {wan(clawed)} 万元"
    out.append(Deadline("完成建设内容（竣工）", due, f"{due.month}月{due.day}日前", on_time, late, pending, overdue,
                        _days_status(due, as_of, pending), text, at_risk or clawed))

    days = profile.filing.filing_days
    on_time = late = pending = overdue = soon = 0
    for plan in plans:
        acceptance = ds.acceptance_by_plan.get(plan.id)
        if acceptance is None or not acceptance.passed:
            continue
        file_due = acceptance.accepted_on + timedelta(days=days)
        filing = ds.filing_by_plan.get(plan.id)
        filed = filing.filed_on if filing else None
        if filed is not None:
            on_time += filed <= file_due
            late += filed > file_due
        else:
            pending += 1
            overdue += as_of > file_due
            soon += as_of <= file_due
    text = f"验收合格 {on_time + late + pending} 条，已备案 {on_time + late} 条"
    if late:
        text += f"（其中逾期 {late} 条）"
    text += f"，未备案 {pending} 条"
    if overdue:
        text += f"（已超期 {overdue} 条）"
    status = f"超期 {overdue} 条" if overdue else f"{soon} 条待办" if soon else "无待办"
    out.append(Deadline("竣工验收备案", None, f"验收合格后 {days} 日内", on_time, late, pending, overdue,
                        status, text))
    out += _evaluation_deadlines(ds, plans, year, as_of)
    return out


def _evaluation_deadlines(ds: Dataset, plans: list[PlanFacts], year: int, as_of: date) -> list[Deadline]:
    """The 达标 evaluation of the year's accepted 达标类 plans (by the city) and the 精品 evaluation of
    its accepted 精品类 plans (by the region), each against its own deadline (R6)."""
    dl, who = ds.profile.deadlines, ds.profile.evaluation
    out = []
    for category, title, by, due_of, date_field, result_field, failed_word in (
            ("达标类", "达标评定", who.standard_by, standard_evaluation_due, "standard_eval_on",
             "standard_eval_result", "不达标"),
            (BOUTIQUE, "精品评定", who.boutique_by, boutique_evaluation_due, "boutique_eval_on",
             "boutique_eval_result", "未评为精品")):
        on_time = late = pending = overdue = failed = 0
        for plan in plans:
            acceptance = ds.acceptance_by_plan.get(plan.id)
            if plan.category != category or acceptance is None or not acceptance.passed:
                continue
            due, _ = due_of(acceptance.accepted_on, plan.year, dl)
            result, when = getattr(acceptance, result_field), getattr(acceptance, date_field)
            if result is None:
                pending += 1
                overdue += as_of > due
                continue
            failed += result == failed_word
            if when is not None and when > due:
                late += 1
            else:
                on_time += 1
        text = f"验收合格 {on_time + late + pending} 条，已有评定结果 {on_time + late} 条"
        if failed:
            text += f"（其中{failed_word} {failed} 条）"
        text += f"，尚无结果 {pending} 条"
        if overdue:
            text += f"（已过评定期限 {overdue} 条，请向{by}了解）"
        if category == "达标类":
            before = dl.standard_evaluation_before.on(year)
            rule = f"{before.month}月{before.day}日前，验收较晚的验收后 {dl.standard_evaluation_days} 日内"
        else:
            rule = f"每年 {dl.boutique_evaluation_month} 月"
        status = f"超期 {overdue} 条" if overdue else f"{pending} 条待评" if pending else "无待办"
        out.append(Deadline(f"{title}（{by}）", None, rule, on_time, late, pending, overdue, status, text))
    return out


def _satisfaction(ds: Dataset, year: int) -> tuple[list[SatisfactionShare], list[SatisfactionShare]]:
    """The ratings given in ``year`` per department and per month of the feedback, with totals."""
    departments: dict[str, SatisfactionShare] = {}
    months: dict[str, SatisfactionShare] = {}
    total_d, total_m = SatisfactionShare("合计"), SatisfactionShare("全年")
    for problem in ds.problems:
        for fed_back, rating in ((problem.feedback_on, problem.satisfaction),
                                 (problem.second_feedback_on, problem.second_satisfaction)):
            if fed_back is None or rating is None or fed_back.year != year:
                continue
            name = problem.assigned_department or "（未填承办部门）"
            month = f"{fed_back:%Y-%m}"
            for row in (departments.get(name) or departments.setdefault(name, SatisfactionShare(name)),
                        months.get(month) or months.setdefault(month, SatisfactionShare(month)),
                        total_d, total_m):
                row.add(rating)
    by_department = sorted(departments.values(), key=lambda r: (-r.rated, r.name))
    by_month = [months[m] for m in sorted(months)]
    return (by_department + [total_d] if by_department else [],
            by_month + [total_m] if by_month else [])


def _problems_due(ds: Dataset, alleys: dict[int, tuple[str, str, str]], as_of: date
                  ) -> tuple[list[ProblemDue], int, bool]:
    """Open problems that are overdue or due within ``due_soon_days`` (most overdue first), the number
    of open problems, and whether any deadline among them is provisional."""
    soon = ds.profile.problems.due_soon_days
    found: list[ProblemDue] = []
    open_count = 0
    for problem in ds.problems:
        pending = next_due(problem, ds.profile, ds.calendar)
        if pending is None:
            continue
        open_count += 1
        code, name, _ = alleys.get(problem.alley_id, ("", "", ""))  # type: ignore[arg-type]
        due, step = pending
        step = "" if step == "办结" else step  # the status reads 超期 N 天, or 反馈超期 N 天
        days = (as_of - due.date).days
        if days < -soon:
            continue
        found.append(ProblemDue(problem.id or 0, code, name, problem.description, problem.urgency,
                                problem.assigned_department, due.date, due.provisional, days, step))
    found.sort(key=lambda p: (-p.days, p.alley_code, p.problem_id))
    return found, open_count, any(p.provisional for p in found)


__all__ = ["Deadline", "FUNDING_TITLES", "MONEY_KEYS", "Overview", "Progress", "ProblemDue", "SatisfactionShare", "TOTAL",
           "default_year", "gather_overview", "years_with_plans"]
