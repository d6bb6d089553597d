"""Every worked example of domain.md §4, as the clerk would check it."""

from __future__ import annotations

from datetime import date, timedelta

from core.rules import HolidayCalendar, check, funding_for_plan
from core.rules.problems import problem_deadline
from tests.rules.helpers import Problem, alley, dataset, plan, survey


def _funding(profile, **dates):
    p = plan(total_investment_yuan=2_000_000, start_on=date(2023, 7, 1), **dates)
    return funding_for_plan(p, None, profile, as_of=date(2026, 11, 23))


def test_contract_by_30_june_and_completion_by_30_november_earn_subsidy_and_bonus(profile):
    f = _funding(profile, contract_on=date(2023, 6, 15), completion_on=date(2023, 11, 20))
    assert (f.subsidy_yuan, f.bonus_yuan, f.clawback_yuan, f.total_yuan) == (500_000, 100_000, 0, 600_000)


def test_contract_signed_2_july_earns_no_bonus(profile):
    f = _funding(profile, contract_on=date(2023, 7, 2), completion_on=date(2023, 11, 20))
    assert (f.subsidy_yuan, f.bonus_yuan, f.total_yuan) == (500_000, 0, 500_000)
    assert "晚于 2023-06-30" in f.bonus_reason


def test_bonus_clawed_back_when_completed_after_30_november(profile):
    f = _funding(profile, contract_on=date(2023, 6, 15), completion_on=date(2023, 12, 5))
    assert (f.subsidy_yuan, f.bonus_yuan, f.clawback_yuan, f.total_yuan) == (500_000, 100_000, 100_000, 500_000)
    assert "全额扣回" in f.clawback_reason


def test_boutique_plan_with_only_one_supplement_is_not_boutique_eligible():
    p = plan(category="精品类", measures=[{"code": "clean"}, {"code": "green"}])
    findings = [f for f in check(dataset(plans=[p], surveys=[survey()]), rules=["R2"]) if f.severity == "error"]
    assert len(findings) == 1
    assert findings[0].facts["boutique_eligible"] is False
    assert "不具备精品类条件" in findings[0].message


def test_red_line_width_16_m_is_warned_as_not_a_back_alley():
    (finding,) = check(dataset(alleys=[alley(red_line_width_m=16)]), rules=["R1"])
    assert finding.rule == "R1" and finding.severity == "warning"
    assert "16 米" in finding.message and finding.facts["red_line_width_m"] == 16


def test_drainage_laid_1970_surveyed_2022_without_pipe_work_is_flagged():
    s = survey(surveyed_on=date(2022, 2, 10), pipes=[{"kind": "排水", "year_laid": 1970}])
    (finding,) = check(dataset(surveys=[s], plans=[plan(measures=[{"code": "road"}])]), rules=["R3"])
    # counted in the plan's year (2023), not the survey's (domain.md §3, R3)
    assert finding.facts["pipes"] == [{"kind": "排水", "year_laid": 1970, "age": 53}]
    assert "排水管（1970年敷设，到2023年已 53 年）" in finding.message


def test_road_rebuild_in_2024_within_3_years_of_pipe_work_completed_2022_10_01_is_flagged():
    first = plan(id=1, year=2022, measures=[{"code": "pipes"}], start_on=date(2022, 6, 1), completion_on=date(2022, 10, 1))
    second = plan(id=2, year=2024, measures=[{"code": "road"}], planned_start_on=date(2024, 6, 30))
    (finding,) = check(dataset(plans=[first, second]), rules=["R4"])
    assert finding.year == 2024 and finding.record == "plans/2"
    assert finding.facts["no_dig_until"] == date(2025, 10, 1)


def test_general_problem_assigned_friday_2025_09_26_is_due_monday_2025_10_13(profile):
    problem = Problem(id=1, alley_id=1, description="井盖松动", reported_on=date(2025, 9, 26),
                      assigned_on=date(2025, 9, 26), urgency="一般")
    due = problem_deadline(problem, profile, HolidayCalendar())
    assert due.date == date(2025, 10, 13)
    assert due.provisional is False


def test_the_example_counts_make_up_days_and_skips_the_national_day_holiday():
    calendar = HolidayCalendar()
    days = [date(2025, 9, 27) + timedelta(days=i) for i in range(17)]
    working = [d for d in days if calendar.is_workday(d)[0]]
    assert working[:7] == [date(2025, 9, 28), date(2025, 9, 29), date(2025, 9, 30), date(2025, 10, 9),
                           date(2025, 10, 10), date(2025, 10, 11), date(2025, 10, 13)]


def test_a_year_without_a_holiday_table_counts_monday_to_friday_and_is_provisional():
    due = HolidayCalendar().add_workdays(date(2030, 9, 27), 7)  # a Friday
    assert due.date == date(2030, 10, 8)
    assert due.provisional is True
    assert due.missing_years == (2030,)


def test_loading_the_official_table_for_that_year_makes_it_final():
    table = {date(2030, 10, day): False for day in range(1, 8)}
    table[date(2030, 9, 29)] = True  # a make-up Sunday
    calendar = HolidayCalendar(table, {2030})
    due = calendar.add_workdays(date(2030, 9, 27), 7)
    # 29 Sep (make-up), 30 Sep, 8, 9, 10, 11 Oct, 14 Oct
    assert due == type(due)(date(2030, 10, 14), False, ())
