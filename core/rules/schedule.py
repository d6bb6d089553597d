"""Rules on the year's calendar: R6 deadlines, R7 funding notes, R9 order, R11 filing and archive."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from core.profile import Deadlines
from core.records.facts import AcceptanceFacts, PlanFacts
from core.rules.dataset import Dataset
from core.rules.findings import Finding, Severity
from core.rules.funding import funding_for_plan
from core.rules.plan_rules import boutique_eligible


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def r6_deadlines(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R6 (000 §三, §四): survey by end of February of the first year; plan approved by 30 April;
    construction started by 30 June and complete by 30 November; 达标 evaluation before November (or
    soon after a later acceptance), 精品 evaluation in December, and their results.
    """
    dl = ds.profile.deadlines
    first_year = min(ds.profile.profile.programme_years)
    survey_due = dl.survey.on(first_year)
    if year is None or year == first_year:
        planned_alleys = {p.alley_id for p in ds.plans}
        for alley in ds.alleys:
            if alley.id not in planned_alleys:
                continue
            surveys = ds.surveys_by_alley.get(alley.id, [])
            first = surveys[0].surveyed_on if surveys else None
            if first is None and ds.as_of > survey_due:
                yield Finding("R6", "warning", f"街巷「{alley.name}」没有调查摸底记录（应于 {survey_due} 前完成）",
                              "请补录调查摸底情况。", alley.code, first_year, f"alleys/{alley.id}",
                              {"deadline": survey_due})
            elif first is not None and first > survey_due and first.year == first_year:
                yield Finding("R6", "info", f"街巷「{alley.name}」调查摸底于 {first}，晚于 {survey_due}",
                              "调查摸底应在首年 2 月底前完成，请在进度通报中说明原因。",
                              alley.code, first_year, f"alleys/{alley.id}",
                              {"surveyed_on": first, "deadline": survey_due})

    milestones = (
        ("approved_on", dl.plan, "方案批复"),
        ("start_on", dl.start, "开工"),
        ("completion_on", dl.completion, "竣工"),
    )
    for plan in ds.plans:
        if year is not None and plan.year != year:
            continue
        code, record = ds.code_of(plan.alley_id), f"plans/{plan.id}"
        for field, month_day, name in milestones:
            due = month_day.on(plan.year)
            actual = getattr(plan, field)
            if actual is not None and actual > due:
                yield Finding("R6", "warning", f"{plan.year}年方案{name}于 {actual}，晚于规定的 {due}",
                              f"请在进度通报中说明{name}推迟的原因。", code, plan.year, record,
                              {"milestone": field, "actual": actual, "deadline": due})
            elif actual is None and ds.as_of > due:
                yield Finding("R6", "warning", f"{plan.year}年方案已过{name}期限 {due}，尚未{name}",
                              f"请尽快推进并录入{name}日期。", code, plan.year, record,
                              {"milestone": field, "deadline": due, "as_of": ds.as_of})
        acceptance = ds.acceptance_by_plan.get(plan.id)
        if acceptance is not None:
            yield from _evaluations(ds, plan, acceptance, code)


def standard_evaluation_due(accepted_on: date, year: int, deadlines: Deadlines) -> tuple[date, str]:
    """The last day for the city's 达标 evaluation of a plan of ``year`` accepted on ``accepted_on``,
    and the rule that set it in words: the day before ``standard_evaluation_before`` ("每年11月以前")
    when that leaves ``standard_evaluation_days`` after the acceptance, else that many days after the
    acceptance (construction may run until 30 November, and an alley is evaluated once accepted).
    """
    before = deadlines.standard_evaluation_before.on(year)
    days = deadlines.standard_evaluation_days
    late = accepted_on + timedelta(days=days)
    if late < before:
        return before - timedelta(days=1), f"{before.month}月{before.day}日前"
    return late, f"验收较晚，验收后 {days} 日内"


def _before_text(deadlines: Deadlines) -> str:
    """``standard_evaluation_before`` as the seed writes it: 11月1日."""
    day = deadlines.standard_evaluation_before.on(2000)  # any leap year: the month and day are all we read
    return f"{day.month}月{day.day}日"


def boutique_evaluation_due(accepted_on: date, year: int, deadlines: Deadlines) -> tuple[date, str]:
    """The last day of the region's 精品 evaluation ("每年12月"): the end of the evaluation month of the
    plan's year, or of the first later year whose evaluation month ends after the acceptance."""
    month = deadlines.boutique_evaluation_month
    while (last := date(year, month, calendar.monthrange(year, month)[1])) < accepted_on:
        year += 1
    return last, f"{year} 年 {month} 月"


def _evaluations(ds: Dataset, plan: PlanFacts, acceptance: AcceptanceFacts, code: str | None) -> Iterator[Finding]:
    """R6 on the evaluations (000 §二(四)): a failed 达标 evaluation; an evaluation later than its
    deadline (and which deadline applied); a passed acceptance past the deadline with no result yet,
    naming who evaluates."""
    dl, who = ds.profile.deadlines, ds.profile.evaluation
    record = f"acceptances/{acceptance.id}"
    if acceptance.standard_eval_result == "不达标":
        by = acceptance.standard_eval_by or who.standard_by
        on = f"，{acceptance.standard_eval_on}" if acceptance.standard_eval_on else ""
        yield Finding("R6", "error", f"{plan.year}年方案达标评定结果为“不达标”（{by}{on}）",
                      "请组织整改后申请复评；复评达标后在“竣工验收”中更正达标评价结果。", code, plan.year, record,
                      {"standard_eval_result": "不达标", "standard_eval_on": acceptance.standard_eval_on})
    due, rule = standard_evaluation_due(acceptance.accepted_on, plan.year, dl)
    facts = {"accepted_on": acceptance.accepted_on, "deadline": due, "rule": rule}
    evaluated = acceptance.standard_eval_on
    if evaluated is not None and evaluated > due:
        yield Finding("R6", "info",
                      f"{plan.year}年达标评定于 {evaluated}，晚于评定期限 {due}（{rule}，验收于 {acceptance.accepted_on}）",
                      f"达标评定由{who.standard_by}在每年{_before_text(dl)}前组织，验收较晚的在验收后 "
                      f"{dl.standard_evaluation_days} 日内，请核对评定日期。", code, plan.year, record,
                      {**facts, "standard_eval_on": evaluated})
    elif (plan.category == "达标类" and acceptance.passed and acceptance.standard_eval_result is None
          and ds.as_of > due):
        yield Finding("R6", "warning",
                      f"{plan.year}年达标类方案已于 {acceptance.accepted_on} 验收合格，达标评定期限 {due}（{rule}）已过，尚无评定结果",
                      f"达标评定由{who.standard_by}组织：请向其了解评定结果，并在“竣工验收”的“达标、精品评价”中录入日期和结果。",
                      code, plan.year, record, {**facts, "evaluated_by": who.standard_by})
    if plan.category != "精品类":
        return
    due, rule = boutique_evaluation_due(acceptance.accepted_on, plan.year, dl)
    when = acceptance.boutique_eval_on
    if when is not None and (when.year, when.month) != (due.year, due.month):
        yield Finding("R6", "info", f"{plan.year}年精品评定于 {when}，应在 {rule}进行",
                      f"精品评定由自治区在每年 {dl.boutique_evaluation_month} 月组织，请核对日期。", code, plan.year,
                      record, {"boutique_eval_on": when, "month": dl.boutique_evaluation_month, "deadline": due})
    elif acceptance.passed and acceptance.boutique_eval_result is None and ds.as_of > due:
        yield Finding("R6", "warning",
                      f"{plan.year}年精品类方案已于 {acceptance.accepted_on} 验收合格，精品评定（{rule}）已过，尚无评定结果",
                      f"精品评定由{who.boutique_by}组织：请向其了解评定结果，并在“竣工验收”的“达标、精品评价”中录入日期和结果。",
                      code, plan.year, record,
                      {"accepted_on": acceptance.accepted_on, "deadline": due, "evaluated_by": who.boutique_by})


def r7_funding_notes(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R7 (000 §四(二)): a plan outside the programme's years gets nothing; say when a plan missed its
    bonus or has funds clawed back; a 精品 rating whose award waits for a passed acceptance, or that
    R2 would not have judged 精品-eligible.
    """
    for plan in ds.plans:
        if year is not None and plan.year != year:
            continue
        acceptance = ds.acceptance_by_plan.get(plan.id)
        funding = funding_for_plan(plan, acceptance, ds.profile, ds.as_of)
        code, record = ds.code_of(plan.alley_id), f"plans/{plan.id}"
        if not funding.in_programme:
            yield Finding("R7", "info", f"{plan.year}年方案{funding.reason}",
                          "该方案的资金请按本县（区）或新一轮政策另行安排；如年度填错，请更正方案的年度。",
                          code, plan.year, record,
                          {"year": plan.year, "programme_years": ds.profile.profile.programme_years})
            continue
        if funding.clawback_yuan:
            yield Finding("R7", "warning", f"{plan.year}年方案{funding.clawback_reason}：扣回 {funding.clawback_yuan} 元",
                          "请在资金清算中扣回，并督促尽快完工。", code, plan.year, record,
                          {"clawback_yuan": funding.clawback_yuan, "completion_on": plan.completion_on})
        elif funding.clawback_pending:
            due = ds.profile.funding.completion_deadline.on(plan.year)
            if ds.as_of + timedelta(days=30) >= due:
                yield Finding("R7", "info", f"{plan.year}年方案{funding.clawback_reason}",
                              "请督促施工单位按期完工。", code, plan.year, record,
                              {"bonus_yuan": funding.bonus_yuan, "at_risk_yuan": funding.at_risk_yuan, "deadline": due})
        if acceptance is None or not funding.award_reason:
            continue
        award = ds.profile.funding.boutique_award_yuan
        if not acceptance.passed:
            yield Finding("R7", "error", f"{plan.year}年方案{funding.award_reason}（{award} 元）",
                          "请督促整改并复验；复验合格后在“竣工验收”中更正验收结论，精品奖补随之计入。",
                          code, plan.year, f"acceptances/{acceptance.id}",
                          {"boutique_eval_result": "精品", "result": acceptance.result, "withheld_yuan": award})
        elif not boutique_eligible(ds, plan):
            yield Finding("R7", "info",
                          f"{plan.year}年方案已由自治区评为精品，精品奖补 {award} 元照发；但按方案内容不具备精品类条件（见 R2）",
                          "奖补以自治区评定结果为准；请核对方案的改造内容和调查摸底是否录入完整。",
                          code, plan.year, record, {"boutique_award_yuan": award, "boutique_eligible": False})


def r9_order(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R9: acceptance after completion; filing after a passed acceptance; complete documents."""
    required = ds.profile.required_documents()
    for plan in ds.plans:
        if year is not None and plan.year != year:
            continue
        code = ds.code_of(plan.alley_id)
        acceptance = ds.acceptance_by_plan.get(plan.id)
        filing = ds.filing_by_plan.get(plan.id)
        if acceptance is not None:
            record = f"acceptances/{acceptance.id}"
            if plan.completion_on is None:
                yield Finding("R9", "error", f"{plan.year}年方案尚未录入竣工日期，却已有竣工验收（{acceptance.accepted_on}）",
                              "竣工验收须在竣工之后，请补录竣工日期或核对验收记录。", code, plan.year, record,
                              {"accepted_on": acceptance.accepted_on})
            elif acceptance.accepted_on < plan.completion_on:
                yield Finding("R9", "error", f"竣工验收日期 {acceptance.accepted_on} 早于竣工日期 {plan.completion_on}",
                              "竣工验收须在竣工之后，请核对日期。", code, plan.year, record,
                              {"accepted_on": acceptance.accepted_on, "completion_on": plan.completion_on})
        if filing is None:
            continue
        record = f"filings/{filing.id}"
        if filing.filed_on is not None:
            if acceptance is None or not acceptance.passed:
                state = "没有竣工验收记录" if acceptance is None else "竣工验收不合格"
                yield Finding("R9", "error", f"{plan.year}年方案{state}，却已备案（{filing.filed_on}）",
                              "备案须在竣工验收合格之后，请核对。", code, plan.year, record,
                              {"filed_on": filing.filed_on})
            elif filing.filed_on < acceptance.accepted_on:
                yield Finding("R9", "error", f"备案日期 {filing.filed_on} 早于竣工验收日期 {acceptance.accepted_on}",
                              "备案须在竣工验收合格之后，请核对日期。", code, plan.year, record,
                              {"filed_on": filing.filed_on, "accepted_on": acceptance.accepted_on})
        present = filing.kinds_present()
        missing = [d for d in required if d.key not in present]
        if missing:
            severity: Severity = "error" if (filing.filed_on or filing.locked_at) else "info"
            yield Finding("R9", severity,
                          f"备案资料不全，缺少：{'、'.join(d.title for d in missing)}",
                          "请补齐所列文件后再备案归档。", code, plan.year, record,
                          {"missing": [d.key for d in missing]})


def r11_filing_deadlines(ds: Dataset, year: int | None = None) -> Iterator[Finding]:
    """R11 (national practice): filing within ``filing_days`` of a passed acceptance; archive handed
    to the urban-construction archive office within ``archive_months``.
    """
    rules = ds.profile.filing
    for plan in ds.plans:
        if year is not None and plan.year != year:
            continue
        acceptance = ds.acceptance_by_plan.get(plan.id)
        if acceptance is None or not acceptance.passed:
            continue
        filing = ds.filing_by_plan.get(plan.id)
        code = ds.code_of(plan.alley_id)
        record = f"filings/{filing.id}" if filing else f"acceptances/{acceptance.id}"
        file_due = acceptance.accepted_on + timedelta(days=rules.filing_days)
        filed = filing.filed_on if filing else None
        if filed is not None and filed > file_due:
            yield Finding("R11", "warning", f"备案于 {filed}，超过验收后 {rules.filing_days} 日（{file_due}）",
                          "竣工验收合格后应在 15 日内备案，请在通报中说明原因。", code, plan.year, record,
                          {"filed_on": filed, "deadline": file_due})
        elif filed is None and ds.as_of > file_due:
            yield Finding("R11", "warning", f"竣工验收合格（{acceptance.accepted_on}）已超过 {rules.filing_days} 日仍未备案",
                          "请尽快办理竣工验收备案。", code, plan.year, record,
                          {"accepted_on": acceptance.accepted_on, "deadline": file_due})
        archive_due = add_months(acceptance.accepted_on, rules.archive_months)
        archived = filing.archived_on if filing else None
        if archived is not None and archived > archive_due:
            yield Finding("R11", "info", f"档案移交于 {archived}，超过验收后 {rules.archive_months} 个月（{archive_due}）",
                          "工程档案应在验收后 3 个月内移交城建档案馆。", code, plan.year, record,
                          {"archived_on": archived, "deadline": archive_due})
        elif archived is None and ds.as_of > archive_due:
            yield Finding("R11", "warning", f"竣工验收（{acceptance.accepted_on}）已超过 {rules.archive_months} 个月，工程档案尚未移交",
                          "请整理案卷并移交城建档案馆。", code, plan.year, record,
                          {"accepted_on": acceptance.accepted_on, "deadline": archive_due})
