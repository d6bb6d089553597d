"""Each rule R1–R11: when it speaks, when it stays quiet, and that it says what to do in Chinese."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from core.profile import load_profile_file, profiles_dir
from core.records import CountySettings, YearTarget
from core.rules import RULES, HolidayCalendar, check, funding_for_plan
from tests.rules.helpers import Acceptance, Filing, Problem, alley, dataset, plan, survey

CJK = re.compile(r"[\u4e00-\u9fff]")


def rules(ds, rule):
    return [f for f in check(ds, rules=[rule])]


# R1 -------------------------------------------------------------------------------------------
def test_r1_road_class_of_branch_road_or_above_is_warned():
    (finding,) = rules(dataset(alleys=[alley(road_class="支路")]), "R1")
    assert "支路" in finding.message


def test_r1_width_exactly_at_the_limit_is_a_back_alley():
    assert rules(dataset(alleys=[alley(red_line_width_m=14)]), "R1") == []


# R2 -------------------------------------------------------------------------------------------
def test_r2_survey_need_without_the_measure_is_flagged_with_the_facts():
    s = survey(dead_corners=3, illegal_buildings=2)
    p = plan(measures=[{"code": "clean"}])
    (finding,) = rules(dataset(surveys=[s], plans=[p]), "R2")
    assert finding.facts["measure"] == "demolish"
    assert finding.facts["indicators"] == {"illegal_buildings": 2}
    assert "违法建筑(处) 2" in finding.message


def test_r2_plan_that_addresses_every_need_is_quiet():
    s = survey(dead_corners=3, illegal_buildings=2, pipes=[{"kind": "排水", "condition": "破损渗漏"}])
    p = plan(measures=[{"code": "clean"}, {"code": "demolish"}, {"code": "pipes"}])
    assert rules(dataset(surveys=[s], plans=[p]), "R2") == []


def test_r2_boutique_with_two_supplements_is_eligible():
    p = plan(category="精品类", measures=[{"code": "clean"}, {"code": "green"}, {"code": "culture"}])
    assert rules(dataset(surveys=[survey()], plans=[p]), "R2") == []


def test_r2_unknown_measure_and_missing_survey_are_reported():
    found = rules(dataset(plans=[plan(measures=[{"code": "paint-everything"}])]), "R2")
    assert {f.severity for f in found} == {"error", "warning"}
    assert any("paint-everything" in f.message for f in found)
    assert any("没有对应的调查摸底" in f.message for f in found)


# R3 -------------------------------------------------------------------------------------------
def test_r3_water_supply_older_than_50_years_is_flagged_but_gas_is_not():
    s = survey(pipes=[{"kind": "供水", "year_laid": 1960}, {"kind": "燃气", "year_laid": 1950}])
    (finding,) = rules(dataset(surveys=[s], plans=[plan(measures=[{"code": "road"}])]), "R3")
    assert [p["kind"] for p in finding.facts["pipes"]] == ["供水"]


def test_r3_exactly_50_years_is_not_older_than_50():
    s = survey(surveyed_on=date(2022, 2, 10), pipes=[{"kind": "排水", "year_laid": 1972}])
    assert rules(dataset(surveys=[s], plans=[plan(year=2022, measures=[{"code": "road"}])]), "R3") == []


def test_r3_quiet_when_an_earlier_plan_renewed_the_pipes():
    s = survey(pipes=[{"kind": "排水", "year_laid": 1960}])
    earlier = plan(id=1, year=2022, measures=[{"code": "pipes"}])
    later = plan(id=2, year=2024, measures=[{"code": "green"}])
    assert rules(dataset(surveys=[s], plans=[earlier, later]), "R3") == []


# R4 -------------------------------------------------------------------------------------------
def test_r4_digging_three_years_after_pipe_work_is_allowed():
    first = plan(id=1, year=2022, measures=[{"code": "pipes"}], start_on=date(2022, 6, 1), completion_on=date(2022, 10, 1))
    second = plan(id=2, year=2025, measures=[{"code": "road"}], planned_start_on=date(2025, 10, 2))
    assert rules(dataset(plans=[first, second]), "R4") == []


def test_r4_work_that_does_not_dig_is_allowed():
    first = plan(id=1, year=2022, measures=[{"code": "pipes"}], start_on=date(2022, 6, 1), completion_on=date(2022, 10, 1))
    second = plan(id=2, year=2023, measures=[{"code": "green"}, {"code": "cables"}])
    assert rules(dataset(plans=[first, second]), "R4") == []


# R5 -------------------------------------------------------------------------------------------
def _boutique_with_lamps(positions, installed, working):
    p = plan(category="精品类", measures=[{"code": "safety"}, {"code": "green"}], start_on=date(2023, 6, 1),
             completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=p.id, accepted_on=date(2023, 10, 10), result="合格",
                   lamp_positions=positions, lamps_installed=installed, lamps_working=working)
    return dataset(plans=[p], acceptances=[a])


def test_r5_every_position_lit_and_95_percent_working_passes():
    assert rules(_boutique_with_lamps(20, 20, 19), "R5") == []


def test_r5_missing_lamp_and_too_few_working_are_both_reported():
    found = rules(_boutique_with_lamps(20, 19, 17), "R5")
    assert len(found) == 2
    assert "还需安装 1 盏" in found[0].advice
    assert "89.4%" in found[1].message  # 17/19 = 89.47 %: rounded down, as the rule judges it


def test_r5_boutique_acceptance_without_lamp_counts_is_warned():
    (finding,) = rules(_boutique_with_lamps(None, None, None), "R5")
    assert "没有记录路灯数量" in finding.message


# R6 -------------------------------------------------------------------------------------------
def test_r6_late_start_and_missing_completion_are_reported_against_as_of():
    p = plan(approved_on=date(2023, 4, 20), start_on=date(2023, 7, 15))
    found = rules(dataset(surveys=[survey()], plans=[p], as_of=date(2023, 12, 10)), "R6")
    texts = [f.message for f in found]
    assert any("开工于 2023-07-15，晚于规定的 2023-06-30" in t for t in texts)
    assert any("已过竣工期限 2023-11-30" in t for t in texts)


def test_r6_nothing_is_overdue_before_its_deadline():
    p = plan(approved_on=date(2023, 4, 20))
    assert rules(dataset(surveys=[survey()], plans=[p], as_of=date(2023, 6, 1)), "R6") == []


def test_r6_survey_deadline_is_end_of_february_of_the_first_year():
    s = survey(surveyed_on=date(2022, 3, 3))
    p = plan(approved_on=date(2022, 4, 1), start_on=date(2022, 6, 1), completion_on=date(2022, 10, 1), year=2022)
    (finding,) = rules(dataset(surveys=[s], plans=[p]), "R6")
    assert "晚于 2022-02-28" in finding.message


def test_r6_boutique_evaluation_outside_december_is_noted():
    p = plan(category="精品类", approved_on=date(2023, 4, 1), start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 10, 10), result="合格", boutique_eval_on=date(2023, 11, 15))
    (finding,) = rules(dataset(surveys=[survey()], plans=[p], acceptances=[a]), "R6")
    assert "12 月" in finding.message


# R7 -------------------------------------------------------------------------------------------
def test_r7_unfinished_after_30_november_claws_back_the_bonus(profile):
    p = plan(contract_on=date(2023, 6, 10), start_on=date(2023, 6, 20))
    before = funding_for_plan(p, None, profile, as_of=date(2023, 11, 1))
    after = funding_for_plan(p, None, profile, as_of=date(2023, 12, 1))
    assert (before.clawback_yuan, before.clawback_pending) == (0, True)
    assert (after.clawback_yuan, after.total_yuan) == (100_000, 500_000)
    (finding,) = rules(dataset(plans=[p], as_of=date(2023, 12, 1)), "R7")
    assert "扣回 100000 元" in finding.message


def test_r7_tender_after_30_june_loses_the_bonus_even_with_an_early_contract_date(profile):
    p = plan(tender_on=date(2023, 7, 1), contract_on=date(2023, 7, 1))
    assert funding_for_plan(p, None, profile, date(2026, 1, 1)).bonus_yuan == 0


def test_r7_boutique_award_only_for_an_alley_rated_boutique(profile):
    p = plan(category="精品类", contract_on=date(2023, 6, 1), start_on=date(2023, 6, 5), completion_on=date(2023, 11, 1))
    rated = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 11, 10), result="合格", boutique_eval_result="精品")
    not_rated = rated.model_copy(update={"boutique_eval_result": "未评为精品"})
    assert funding_for_plan(p, rated, profile, date(2026, 1, 1)).total_yuan == 600_000 + 1_500_000
    assert funding_for_plan(p, not_rated, profile, date(2026, 1, 1)).boutique_award_yuan == 0


def test_r7_subsidy_rounds_half_up_to_whole_yuan(profile):
    p = plan(total_investment_yuan=1_000_002)  # 25 % = 250,000.5
    assert funding_for_plan(p, None, profile, date(2026, 1, 1)).subsidy_yuan == 250_001


# R8 -------------------------------------------------------------------------------------------
def _targets(**years):
    return CountySettings(name="示例县", targets=[YearTarget(year=int(y[1:]), alleys=a, boutique=b)
                                                  for y, (a, b) in years.items()])


def test_r8_fewer_plans_than_the_years_target_and_quota():
    plans = [plan(id=i, alley_id=i, year=2023) for i in range(1, 3)]
    settings = _targets(y2022=(2, 0), y2023=(3, 1), y2024=(2, 0))
    found = rules(dataset(alleys=[alley(i) for i in range(1, 3)], plans=plans, settings=settings), "R8")
    texts = [f.message for f in found]
    assert "2023年计划改造 2 条，少于年度任务 3 条" in texts
    assert "2023年精品类 0 条，少于精品任务 1 条" in texts
    assert any("三年计划改造合计 2 条，少于三年任务合计 7 条" in t for t in texts)


def test_r8_counts_only_boutique_plans_that_meet_r2():
    """A 精品类 plan with one 四补 measure is not 精品-eligible (R2): it does not fill the quota."""
    eligible = [{"code": "clean"}, {"code": "green"}, {"code": "culture"}]
    plans = [plan(id=1, alley_id=1, year=2023, category="精品类", measures=eligible),
             plan(id=2, alley_id=2, year=2023, category="精品类", measures=[{"code": "clean"}, {"code": "green"}])]
    surveys = [survey(id=i, alley_id=i) for i in (1, 2)]
    settings = _targets(y2022=(0, 0), y2023=(2, 2), y2024=(0, 0))
    ds = dataset(alleys=[alley(i) for i in (1, 2)], surveys=surveys, plans=plans, settings=settings)
    (finding,) = [f for f in rules(ds, "R8") if "精品" in f.message]
    assert finding.message == "2023年精品类 1 条，少于精品任务 2 条（另有 1 条精品类方案不具备精品条件，未计入，见 R2）"
    assert (finding.facts["boutique"], finding.facts["ineligible"]) == (1, 1)
    plans[1] = plan(id=2, alley_id=2, year=2023, category="精品类", measures=eligible)
    ds = dataset(alleys=[alley(i) for i in (1, 2)], surveys=surveys, plans=plans, settings=settings)
    assert [f for f in rules(ds, "R8") if "精品" in f.message] == []


def test_r8_unbalanced_years_are_noted():
    plans = [plan(id=i, alley_id=i, year=2022 if i <= 8 else 2023 if i == 9 else 2024) for i in range(1, 11)]
    settings = _targets(y2022=(1, 0), y2023=(1, 0), y2024=(1, 0))
    found = rules(dataset(alleys=[alley(i) for i in range(1, 11)], plans=plans, settings=settings), "R8")
    assert {f.year for f in found if "不均衡" in f.message} == {2022, 2023, 2024}


def test_r8_without_targets_asks_the_clerk_to_enter_them():
    (finding,) = rules(dataset(), "R8")
    assert finding.severity == "info" and "年度改造任务" in finding.message


# R9 -------------------------------------------------------------------------------------------
def test_r9_acceptance_before_completion_is_an_error():
    p = plan(start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 9, 20), result="合格")
    (finding,) = rules(dataset(plans=[p], acceptances=[a]), "R9")
    assert finding.severity == "error" and "早于竣工日期" in finding.message


def test_r9_filing_after_failed_acceptance_and_missing_documents(profile):
    p = plan(start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 10, 10), result="不合格")
    f = Filing(id=1, plan_id=1, filed_on=date(2023, 10, 20), documents=[
        {"seq": 1, "kind": "filing_form", "title": "竣工验收备案表"}])
    found = rules(dataset(plans=[p], acceptances=[a], filings=[f]), "R9")
    assert any("竣工验收不合格，却已备案" in x.message for x in found)
    missing = next(x for x in found if "资料不全" in x.message)
    assert missing.severity == "error"
    assert set(missing.facts["missing"]) == {d.key for d in profile.required_documents()} - {"filing_form"}
    assert "规划" not in missing.message  # documents needed only where they apply are not demanded


def test_r9_complete_documents_are_quiet(profile):
    p = plan(start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 10, 10), result="合格")
    docs = [{"seq": i + 1, "kind": d.key, "title": d.title} for i, d in enumerate(profile.required_documents())]
    f = Filing(id=1, plan_id=1, filed_on=date(2023, 10, 20), documents=docs)
    assert rules(dataset(plans=[p], acceptances=[a], filings=[f]), "R9") == []


# R10 ------------------------------------------------------------------------------------------
def _problem(**fields):
    data = {"id": 1, "alley_id": 1, "description": "井盖松动", "reported_on": date(2025, 9, 26),
            "assigned_on": date(2025, 9, 26), "urgency": "一般"}
    data.update(fields)
    return Problem(**data)


def test_r10_open_problem_past_its_deadline_is_overdue():
    (finding,) = rules(dataset(problems=[_problem()], as_of=date(2025, 10, 14)), "R10")
    assert "已超过办结期限 2025-10-13" in finding.message


def test_r10_urgent_is_due_the_same_day_and_complex_in_15_calendar_days():
    urgent = rules(dataset(problems=[_problem(urgency="紧急")], as_of=date(2025, 9, 27)), "R10")
    assert "2025-09-26" in urgent[0].message
    # 复杂: 15 calendar days from 26 Sep is 11 Oct, holidays included.
    assert all(f.severity == "info" for f in rules(dataset(problems=[_problem(urgency="复杂")], as_of=date(2025, 10, 11)), "R10"))
    (late,) = rules(dataset(problems=[_problem(urgency="复杂")], as_of=date(2025, 10, 12)), "R10")
    assert late.facts["deadline"] == date(2025, 10, 11) and late.severity == "warning"


def test_r10_closed_without_feedback_and_late_feedback():
    closed = _problem(handled_on=date(2025, 9, 30), closed_on=date(2025, 10, 9))
    found = rules(dataset(problems=[closed]), "R10")
    assert any(f.severity == "error" and "还没有反馈" in f.message for f in found)
    # Two working days after 30 Sep are 9 and 10 Oct (1–8 Oct is the National Day holiday).
    on_time = _problem(handled_on=date(2025, 9, 30), feedback_on=date(2025, 10, 10))
    assert rules(dataset(problems=[on_time]), "R10") == []
    late = _problem(handled_on=date(2025, 9, 30), feedback_on=date(2025, 10, 11))
    (finding,) = rules(dataset(problems=[late]), "R10")
    assert "超过 2 个工作日（2025-10-10）" in finding.message


def test_r10_deadline_in_a_year_without_holiday_table_is_marked_provisional():
    p = _problem(reported_on=date(2030, 9, 27), assigned_on=date(2030, 9, 27))
    (finding,) = rules(dataset(problems=[p], as_of=date(2030, 10, 20)), "R10")
    assert finding.facts["provisional"] is True
    assert "按周一至周五估算" in finding.message


# R11 ------------------------------------------------------------------------------------------
def test_r11_filing_after_15_days_and_archive_after_3_months():
    p = plan(start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 10, 10), result="合格")
    f = Filing(id=1, plan_id=1, filed_on=date(2023, 10, 26), archived_on=date(2024, 1, 11))
    found = rules(dataset(plans=[p], acceptances=[a], filings=[f]), "R11")
    assert [x.facts["deadline"] for x in found] == [date(2023, 10, 25), date(2024, 1, 10)]


def test_r11_not_yet_filed_is_overdue_only_after_15_days():
    p = plan(start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 10, 10), result="合格")
    assert rules(dataset(plans=[p], acceptances=[a], as_of=date(2023, 10, 25)), "R11") == []
    assert len(rules(dataset(plans=[p], acceptances=[a], as_of=date(2023, 10, 26)), "R11")) == 1


# all rules ------------------------------------------------------------------------------------
def test_every_finding_names_rule_record_facts_and_gives_chinese_advice(demo_db):
    from core.rules import Dataset
    from core.store import Ledger

    with Ledger.open(demo_db) as ledger:
        findings = check(Dataset.from_ledger(ledger, as_of=date(2026, 11, 23)))
    assert {f.rule for f in findings} >= {"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R9", "R10", "R11"}
    for f in findings:
        assert f.rule in RULES
        assert CJK.search(f.message) and CJK.search(f.advice)
        assert f.record and "/" in f.record
        assert f.alley_code or f.rule == "R8"


def test_rules_over_records_read_lean_find_exactly_what_they_find_over_whole_records(demo_db):
    from core.records import Acceptance, Alley, Filing, Plan, Problem, Survey
    from core.rules import Dataset, funding
    from core.store import Ledger

    for as_of in (date(2023, 7, 1), date(2026, 11, 23)):
        with Ledger.open(demo_db) as ledger:
            lean = Dataset.from_ledger(ledger, as_of=as_of)
            whole = Dataset(profile=ledger.profile(), settings=ledger.settings(), as_of=as_of,
                            calendar=HolidayCalendar.from_ledger(ledger),
                            alleys=ledger.all(Alley), surveys=ledger.all(Survey), plans=ledger.all(Plan),
                            acceptances=ledger.all(Acceptance), filings=ledger.all(Filing),
                            problems=ledger.all(Problem))
            assert check(lean) == check(whole)
            assert funding(lean) == funding(whole)


def test_a_second_profile_changes_the_numbers_without_code(tmp_path, monkeypatch):
    text = (profiles_dir() / "guangxi-2022.toml").read_text(encoding="utf-8")
    text = text.replace('id = "guangxi-2022"', 'id = "other-2025"').replace('subsidy_rate = "0.25"', 'subsidy_rate = "0.30"')
    text = text.replace("max_red_line_m = 14", "max_red_line_m = 20")
    (tmp_path / "other-2025.toml").write_text(text, encoding="utf-8")
    other = load_profile_file(tmp_path / "other-2025.toml")
    assert funding_for_plan(plan(), None, other, date(2026, 1, 1)).subsidy_yuan == 600_000
    assert rules(dataset(alleys=[alley(red_line_width_m=16)], profile=other), "R1") == []


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_has_a_docstring_citing_its_rule_id(rule):
    assert rule in (RULES[rule].__doc__ or "")


def test_locked_filing_counts_as_filed_for_completeness():
    p = plan(start_on=date(2023, 6, 1), completion_on=date(2023, 10, 1))
    f = Filing(id=1, plan_id=1, locked_at=datetime(2023, 10, 20, 17))
    (finding,) = rules(dataset(plans=[p], filings=[f]), "R9")
    assert finding.severity == "error"


def test_loaded_holiday_table_overrides_the_package():
    calendar = HolidayCalendar({date(2025, 10, 13): False}, {2025})
    assert calendar.is_workday(date(2025, 10, 13)) == (False, True)


def test_r2_boutique_that_misses_a_standard_need_is_not_boutique_eligible():
    s = survey(illegal_buildings=3)
    p = plan(category="精品类", measures=[{"code": "clean"}, {"code": "green"}, {"code": "culture"}])
    errors = [f for f in rules(dataset(surveys=[s], plans=[p]), "R2") if f.severity == "error"]
    assert len(errors) == 1 and errors[0].facts["boutique_eligible"] is False
    assert "二拆" in errors[0].message


def test_r7_bonus_without_a_tender_date_says_how_it_was_judged(profile):
    f = funding_for_plan(plan(contract_on=date(2023, 6, 15)), None, profile, date(2026, 1, 1))
    assert f.bonus_yuan == 100_000 and "未录入招标完成日期" in f.bonus_reason
