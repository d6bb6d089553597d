"""Rules held against the seed texts (issue 14): each test quotes the sentence of 000 or 002 it
implements and builds its case from that sentence, as a clerk's records would show it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidRecord, LedgerError, ProfileError
from core.profile import load_profile, load_profile_file, profiles_dir
from core.records import CountySettings, Problem, YearTarget, build
from core.rules import check, funding_for_plan
from core.rules.findings import rate_text
from core.rules.plan_rules import boutique_eligible
from core.rules.problems import next_due
from core.rules.workdays import HolidayCalendar
from core.workflow import close_refusal
from tests.rules.helpers import Acceptance, dataset, holiday_year_2030, plan, survey

PROFILE = load_profile("guangxi-2022")
BOUTIQUE_MEASURES = [{"code": "clean"}, {"code": "green"}, {"code": "culture"}]


def found(ds, rule):
    return check(ds, rules=[rule])


# 1. R7 programme years ---------------------------------------------------------------------------
def test_a_plan_outside_the_programme_years_gets_no_subsidy_bonus_or_award():
    """000 §四(二): "自治区对城市背街小巷整治改造提升三年行动项目（2022—2024年），按照项目建设内容
    总投资的25%给予补助" — the 2022—2024 programme funds its own years, not 2025."""
    on_time = {"tender_on": date(2024, 6, 1), "contract_on": date(2024, 6, 15), "completion_on": date(2024, 11, 20)}
    inside = funding_for_plan(plan(year=2024, **on_time), None, PROFILE, date(2026, 1, 5))
    assert (inside.subsidy_yuan, inside.bonus_yuan, inside.total_yuan) == (500_000, 100_000, 600_000)

    late_year = {k: v.replace(year=2025) for k, v in on_time.items()}
    rated = Acceptance(id=1, plan_id=1, accepted_on=date(2025, 11, 25), result="合格",
                       boutique_eval_on=date(2025, 12, 10), boutique_eval_result="精品")
    outside = funding_for_plan(plan(year=2025, category="精品类", measures=BOUTIQUE_MEASURES, **late_year), rated,
                               PROFILE, date(2026, 1, 5))
    assert (outside.subsidy_yuan, outside.bonus_yuan, outside.boutique_award_yuan, outside.total_yuan) == (0, 0, 0, 0)
    assert not outside.in_programme
    assert "2025年不在自治区三年行动项目年度（2022—2024年）内" in outside.reason
    assert outside.bonus_reason == outside.reason and outside.award_reason == outside.reason


def test_check_gives_an_info_finding_for_a_plan_outside_the_programme_years():
    """000 §四(二): "三年行动项目（2022—2024年）" — check says why a 2025 plan is not funded."""
    ds = dataset(plans=[plan(year=2025, contract_on=date(2025, 6, 15), completion_on=date(2025, 11, 20))],
                 as_of=date(2026, 1, 5))
    (finding,) = found(ds, "R7")
    assert finding.severity == "info" and finding.year == 2025
    assert "不予补助、奖励和精品奖补" in finding.message
    assert finding.facts["programme_years"] == [2022, 2023, 2024]


def test_funding_json_keeps_its_keys_and_gives_the_reason(tmp_path, capsys):
    """000 §四(二): "三年行动项目（2022—2024年）" — ``funding --json`` says why a plan gets nothing."""
    import json

    from core.cli.main import main
    from core.records import Alley, Plan
    from core.store import Ledger

    db = tmp_path / "c.db"
    with Ledger.open(db) as ledger:
        ledger.save_settings(CountySettings(name="示例县"))
        a = ledger.add(Alley(code="4501230001", name="槐树巷", subdistrict="城东街道"))
        ledger.add(Plan(alley_id=a.id, year=2025, category="达标类", total_investment_yuan=2_000_000,
                        contract_on=date(2025, 6, 15)))
    assert main(["--db", str(db), "funding", "--json", "--as-of", "2026-01-05"]) == 0
    (line,) = json.loads(capsys.readouterr().out)["plans"]
    assert {"alley_code", "year", "category", "total_investment_yuan", "subsidy_yuan", "bonus_yuan", "clawback_yuan",
            "boutique_award_yuan", "total_yuan"} <= set(line)
    assert line["total_yuan"] == 0 and line["in_programme"] is False and "2022—2024年" in line["reason"]


# 2. Clawback scope as data -----------------------------------------------------------------------
def _late_boutique(**profile_funding):
    """A 精品 alley rated 精品 whose construction ended on 5 December (after 30 November)."""
    profile = PROFILE.model_copy(update={"funding": PROFILE.funding.model_copy(update=profile_funding)})
    p = plan(category="精品类", measures=BOUTIQUE_MEASURES, tender_on=date(2023, 6, 1), contract_on=date(2023, 6, 15),
             start_on=date(2023, 6, 20), completion_on=date(2023, 12, 5))
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 12, 8), result="合格",
                   boutique_eval_on=date(2023, 12, 20), boutique_eval_result="精品")
    return funding_for_plan(p, a, profile, date(2024, 1, 10))


def test_the_profile_decides_whether_the_boutique_award_is_clawed_back():
    """000 §四(二): "对每年11月30日前没能按照计划完成建设内容的，自治区奖励资金全额扣回" — which
    funds "奖励资金" means is the profile's ``clawback``, so a province that counts the 150万 in it
    changes data, not code."""
    bonus_only = _late_boutique()
    assert (bonus_only.clawback_yuan, bonus_only.total_yuan) == (100_000, 500_000 + 1_500_000)
    with_award = _late_boutique(clawback=["bonus", "award"])
    assert with_award.clawback_yuan == 100_000 + 1_500_000
    assert with_award.total_yuan == 500_000
    assert "奖励资金、精品奖补资金全额扣回" in with_award.clawback_reason
    everything = _late_boutique(clawback=["subsidy", "bonus", "award"])
    assert everything.total_yuan == 0


@pytest.fixture
def base_text():
    return (profiles_dir() / "guangxi-2022.toml").read_text(encoding="utf-8")


def test_a_profile_file_may_name_the_award_and_is_refused_for_other_names(tmp_path, base_text):
    """000 §四(二): "自治区奖励资金全额扣回" — the loader takes subsidy, bonus and award, and names the
    parameter in Chinese for anything else or a fund named twice."""
    path = tmp_path / "p.toml"
    path.write_text(base_text.replace('clawback = ["bonus"]', 'clawback = ["bonus", "award"]'), encoding="utf-8")
    assert load_profile_file(path).funding.clawback == ["bonus", "award"]
    path.write_text(base_text.replace('clawback = ["bonus"]', 'clawback = ["bonus", "penalty", "bonus"]'),
                    encoding="utf-8")
    with pytest.raises(ProfileError) as refused:
        load_profile_file(path)
    assert "clawback第2行」只能是「subsidy」「bonus」「award」" in str(refused.value)
    path.write_text(base_text.replace('clawback = ["bonus"]', 'clawback = ["bonus", "bonus"]'), encoding="utf-8")
    with pytest.raises(ProfileError, match="clawback」「bonus」重复"):
        load_profile_file(path)


# 3. Evaluations read by the rules ----------------------------------------------------------------
def _accepted(category="达标类", accepted_on=date(2023, 9, 10), **evaluation):
    p = plan(category=category, measures=BOUTIQUE_MEASURES if category == "精品类" else [{"code": "clean"}],
             approved_on=date(2023, 4, 1), start_on=date(2023, 6, 1), completion_on=accepted_on - timedelta(days=5))
    data = {"id": 1, "plan_id": 1, "accepted_on": accepted_on, "result": "合格"} | evaluation
    return p, Acceptance(**data)


def test_a_failed_standard_evaluation_is_an_error_on_the_plan():
    """000 §二(四): "每年11月以前，由各市牵头组织有关单位对完成整治改造提升的达标类城市背街小巷
    进行评定" — a 不达标 result is an error the clerk must act on."""
    p, a = _accepted(standard_eval_by="市住房和城乡建设局", standard_eval_on=date(2023, 10, 20),
                     standard_eval_result="不达标")
    (finding,) = [f for f in found(dataset(surveys=[survey()], plans=[p], acceptances=[a], as_of=date(2023, 11, 5)),
                                   "R6") if f.severity == "error"]
    assert "达标评定结果为“不达标”（市住房和城乡建设局，2023-10-20）" in finding.message
    assert finding.year == 2023 and finding.alley_code == "45012300001" and finding.record == "acceptances/1"


def test_a_boutique_rating_on_a_failed_acceptance_is_an_error_and_the_award_waits_until_it_passes():
    """000 §四(二): "获评为精品城市背街小巷的项目，自治区按照每条街（巷）150万元的标准给予奖励" —
    on a project whose completion acceptance failed, the 150万 waits for a passed acceptance."""
    p, failed = _accepted("精品类", accepted_on=date(2023, 11, 20), result="不合格",
                          boutique_eval_on=date(2023, 12, 15), boutique_eval_result="精品")
    money = funding_for_plan(p, failed, PROFILE, date(2024, 1, 5))
    assert money.boutique_award_yuan == 0 and "验收合格后发放" in money.award_reason
    errors = [f for f in found(dataset(surveys=[survey()], plans=[p], acceptances=[failed], as_of=date(2024, 1, 5)),
                               "R7") if f.severity == "error"]
    assert len(errors) == 1 and "竣工验收结论为“不合格”" in errors[0].message
    passed = failed.model_copy(update={"result": "合格"})
    assert funding_for_plan(p, passed, PROFILE, date(2024, 1, 5)).boutique_award_yuan == 1_500_000


def test_past_the_evaluation_deadline_without_a_result_names_who_evaluates():
    """000 §二(四): "每年11月以前，由各市牵头组织…达标类…进行评定。每年12月，由自治区住房城乡建设厅
    牵头…对…精品类城市背街小巷进行评定" — a passed acceptance past its deadline with no result."""
    p, a = _accepted(accepted_on=date(2023, 9, 10))
    assert found(dataset(surveys=[survey()], plans=[p], acceptances=[a], as_of=date(2023, 10, 31)), "R6") == []
    (city,) = found(dataset(surveys=[survey()], plans=[p], acceptances=[a], as_of=date(2023, 11, 1)), "R6")
    assert city.severity == "warning" and "达标评定期限 2023-10-31（11月1日前）已过，尚无评定结果" in city.message
    assert "市住房城乡建设部门" in city.advice and city.facts["evaluated_by"] == PROFILE.evaluation.standard_by

    p, a = _accepted("精品类", accepted_on=date(2023, 10, 10))
    assert not [f for f in found(dataset(surveys=[survey()], plans=[p], acceptances=[a], as_of=date(2023, 12, 31)),
                                 "R6") if "精品评定" in f.message]
    (region,) = [f for f in found(dataset(surveys=[survey()], plans=[p], acceptances=[a], as_of=date(2024, 1, 2)),
                                  "R6") if "精品评定" in f.message]
    assert "精品评定（2023 年 12 月）已过，尚无评定结果" in region.message
    assert "自治区住房城乡建设厅" in region.advice


def test_a_boutique_rating_on_a_plan_r2_finds_ineligible_keeps_the_award_with_an_info_finding():
    """000 §二(二): "在完成“一清二拆三改”达标类整治改造提升的基础上…实施“四补”中至少两项内容" —
    yet the region's rating decides the award ("获评为精品…给予奖励")."""
    p, a = _accepted("精品类", accepted_on=date(2023, 11, 20), boutique_eval_on=date(2023, 12, 15),
                     boutique_eval_result="精品")
    one_supplement = p.model_copy(update={"measures": p.measures[:2]})
    ds = dataset(surveys=[survey()], plans=[one_supplement], acceptances=[a], as_of=date(2024, 1, 5))
    assert not boutique_eligible(ds, ds.plans[0])
    assert funding_for_plan(one_supplement, a, PROFILE, ds.as_of).boutique_award_yuan == 1_500_000
    (note,) = [f for f in found(ds, "R7") if "评为精品" in f.message]
    assert note.severity == "info" and "精品奖补 1500000 元照发" in note.message and "R2" in note.message


# 4. Evaluation timing a November acceptance can meet ---------------------------------------------
def test_a_november_acceptance_can_meet_the_standard_evaluation_deadline():
    """000 §二(四) "每年11月以前…进行评定", with §四(二) allowing construction until "每年11月30日":
    an alley accepted late is evaluated within the profile's days of its acceptance, and the finding
    says which deadline applied."""
    assert PROFILE.deadlines.standard_evaluation_days == 30
    p, a = _accepted(accepted_on=date(2023, 11, 25), standard_eval_on=date(2023, 12, 10), standard_eval_result="达标")
    a = build(Acceptance, a.model_dump())  # the acceptance form takes an evaluation after the acceptance
    assert found(dataset(surveys=[survey()], plans=[p], acceptances=[a], as_of=date(2024, 2, 1)), "R6") == []
    late = a.model_copy(update={"standard_eval_on": date(2023, 12, 30)})
    (finding,) = found(dataset(surveys=[survey()], plans=[p], acceptances=[late], as_of=date(2024, 2, 1)), "R6")
    assert "晚于评定期限 2023-12-25（验收较晚，验收后 30 日内" in finding.message
    p, early = _accepted(accepted_on=date(2023, 9, 1), standard_eval_on=date(2023, 11, 5), standard_eval_result="达标")
    (finding,) = found(dataset(surveys=[survey()], plans=[p], acceptances=[early], as_of=date(2024, 2, 1)), "R6")
    assert "晚于评定期限 2023-10-31（11月1日前" in finding.message


def test_the_evaluation_days_are_a_checked_parameter(tmp_path, base_text):
    """000 §二(四): "每年11月以前" — the days after a late acceptance are profile data, checked."""
    path = tmp_path / "p.toml"
    path.write_text(base_text.replace("standard_evaluation_days = 30", "standard_evaluation_days = -3")
                    .replace('boutique_by = "自治区住房城乡建设厅"', ""), encoding="utf-8")
    with pytest.raises(ProfileError) as refused:
        load_profile_file(path)
    assert "standard_evaluation_days」不能小于 0" in str(refused.value)
    assert "「evaluation·boutique_by」必须填写" in str(refused.value)


# 5. R3 pipe age in the plan's year -----------------------------------------------------------------
def test_pipe_age_is_counted_in_the_plans_year_not_the_surveys():
    """000 §二(三): "对使用年限超过50年的供水、排水管网实行优先改造" — a drainage pipe laid in 1973,
    surveyed in February 2022, is 51 years old when the 2024 plan renovates."""
    s = survey(surveyed_on=date(2022, 2, 10), pipes=[{"kind": "排水", "year_laid": 1973}])
    (finding,) = found(dataset(surveys=[s], plans=[plan(year=2024, measures=[{"code": "road"}])]), "R3")
    assert finding.facts["pipes"] == [{"kind": "排水", "year_laid": 1973, "age": 51}]
    assert "到2024年已 51 年" in finding.message
    assert found(dataset(surveys=[s], plans=[plan(year=2022, measures=[{"code": "road"}])]), "R3") == []


# 6. R2 / R8 without a survey -----------------------------------------------------------------------
def test_a_boutique_plan_without_a_survey_is_not_eligible_and_not_counted():
    """000 §二(二): "在完成“一清二拆三改”达标类整治改造提升的基础上，…实施“四补”中至少两项内容" —
    without a survey nobody can tell whether the 达标 part is complete."""
    p = plan(category="精品类", measures=BOUTIQUE_MEASURES)
    settings = CountySettings(name="示例县", targets=[YearTarget(year=2023, alleys=1, boutique=1)])
    ds = dataset(plans=[p], settings=settings)
    assert not boutique_eligible(ds, ds.plans[0])
    (r2,) = found(ds, "R2")
    assert "没有对应的调查摸底记录" in r2.message and "不计入精品任务" in r2.message
    assert r2.facts["boutique_eligible"] is False
    (r8,) = [f for f in found(ds, "R8") if "精品" in f.message]
    assert r8.facts["boutique"] == 0 and r8.facts["ineligible"] == 1
    with_survey = dataset(plans=[p], surveys=[survey()])
    assert boutique_eligible(with_survey, with_survey.plans[0])


# 7. R5 shown as judged -----------------------------------------------------------------------------
def test_249_of_250_lamps_is_99_6_percent_never_100():
    """000 §二(二)1: "参照国家文明城市“装灯率100%，亮灯率95%”的标准" — 249 of 250 falls short and
    must not print as "= 100%"."""
    p = plan(category="精品类", measures=[{"code": "clean"}, {"code": "safety"}, {"code": "green"}])
    a = Acceptance(id=1, plan_id=1, accepted_on=date(2023, 11, 1), result="合格", lamp_positions=250,
                   lamps_installed=249, lamps_working=249)
    (finding,) = found(dataset(surveys=[survey()], plans=[p], acceptances=[a]), "R5")
    assert "装灯率 249/250 = 99.6%，精品类要求 100%" in finding.message
    assert "= 100%" not in finding.message
    assert (rate_text(1999, 2000), rate_text(19, 20), rate_text(250, 250)) == ("99.9%", "95%", "100%")


# 8. Problem ledger (002) ---------------------------------------------------------------------------
def _problem(**fields):
    data = {"id": 1, "alley_id": 1, "description": "井盖松动", "reported_on": date(2025, 9, 26),
            "assigned_on": date(2025, 9, 26), "assigned_department": "市政管理所", "urgency": "一般"}
    return Problem(**(data | fields))


RATED = {"handled_on": date(2025, 9, 30), "result": "已更换井盖", "feedback_on": date(2025, 9, 30)}


def test_unsatisfied_blocks_closure_until_handled_again_or_explained():
    """002 §二(四)3: "由反映问题人员作出“满意”“基本满意”“不满意”评价"; §三(三)2: "问题不解决不销号、
    整改不到位不销号"."""
    unhappy = _problem(**RATED, satisfaction="不满意")
    assert unhappy.status == "不满意待处理"
    closing = unhappy.model_copy(update={"closed_on": date(2025, 10, 9)})
    assert "群众评价“不满意”" in close_refusal(closing)
    (error,) = [f for f in found(dataset(problems=[closing], as_of=date(2025, 10, 20)), "R10") if f.severity == "error"]
    assert "既没有再次办理，也没有情况说明" in error.message

    explained = closing.model_copy(update={"closing_note": "属私人产权，已向反映人解释"})
    assert close_refusal(explained) is None and explained.closing_note == "属私人产权，已向反映人解释"

    second = _problem(**RATED, satisfaction="不满意", second_assigned_on=date(2025, 10, 9),
                      second_handled_on=date(2025, 10, 10), second_result="重新加固",
                      second_feedback_on=date(2025, 10, 10), second_satisfaction="满意")
    assert close_refusal(second.model_copy(update={"closed_on": date(2025, 10, 11)})) is None
    assert "不能销号" in close_refusal(second.model_copy(update={"second_satisfaction": "不满意",
                                                               "closed_on": date(2025, 10, 11)}))


def test_the_second_round_has_its_own_deadline():
    """002 §二(四)3: "一般性事项，承办人及承办单位自接到交办事项之日起7个工作日内办结" — counted again
    from the day it is assigned a second time."""
    again = _problem(**RATED, satisfaction="不满意", second_assigned_on=date(2025, 9, 30))
    due, step = next_due(again, PROFILE, HolidayCalendar())
    assert (due.date, step) == (date(2025, 10, 16), "再次办结")  # 9, 10, 11 (make-up), 13, 14, 15, 16 Oct
    (late,) = found(dataset(problems=[again], as_of=date(2025, 10, 20)), "R10")
    assert "已超过再次办结期限 2025-10-16，仍未办结" in late.message


def test_a_second_round_only_follows_an_unsatisfied_rating():
    """002 §三(三)2: "问题不解决不销号" — a second round answers a 不满意 rating, nothing else."""
    with pytest.raises(ValueError, match="只有群众评价“不满意”的问题才再次交办"):
        _problem(**RATED, satisfaction="满意", second_assigned_on=date(2025, 10, 9))


def test_a_problem_the_street_cannot_handle_goes_to_the_county_within_a_working_day():
    """002 §二(四)2: "能即时办理的立即推进；无法办理的，1日内反馈至县级相关单位或部门，并由承办部门
    全程跟踪办理情况" — assigned on Friday 26 September 2025, due on Sunday the 28th (a make-up
    working day)."""
    unable = _problem(unable=True)
    assert unable.status == "待上报县级"
    due, step = next_due(unable, PROFILE, HolidayCalendar())
    assert (due.date, step) == (date(2025, 9, 28), "上报县级")
    (late,) = found(dataset(problems=[unable], as_of=date(2025, 9, 29)), "R10")
    assert late.severity == "warning" and "已超过上报县级期限 2025-09-28，仍未上报" in late.message
    escalated = unable.model_copy(update={"escalated_on": date(2025, 9, 28), "escalated_to": "县城市管理局"})
    assert escalated.status == "已上报县级"
    # the county's handling has no limit in 002: no 7-day warning while the office follows it up
    assert found(dataset(problems=[escalated], as_of=date(2025, 10, 30)), "R10") == []
    with pytest.raises(ValueError, match="请同时勾选“无法办理，上报县级”"):
        _problem(escalated_on=date(2025, 9, 28))


def test_a_calendar_day_deadline_on_a_holiday_moves_to_the_next_working_day_as_the_profile_says():
    """002 §二(四)3: "情况复杂、特殊的事项，15日内办结" — 15 days from 16 September 2025 is 1 October,
    National Day; the profile (roll_calendar_deadlines, after 民法典 第二百零三条) moves it to the
    first working day after the holiday, 9 October."""
    complex_case = _problem(urgency="复杂", reported_on=date(2025, 9, 16), assigned_on=date(2025, 9, 16))
    assert PROFILE.problems.roll_calendar_deadlines is True
    assert next_due(complex_case, PROFILE, HolidayCalendar())[0].date == date(2025, 10, 9)
    strict = PROFILE.model_copy(update={"problems": PROFILE.problems.model_copy(
        update={"roll_calendar_deadlines": False})})
    assert next_due(complex_case, strict, HolidayCalendar())[0].date == date(2025, 10, 1)


def test_handled_and_feedback_dates_cannot_be_in_the_future():
    """002 §二(四)3: "承办单位办结后2个工作日内，通过平台APP反馈办理结果" — 办结 and 反馈 record what
    has happened: a date still to come is refused by the record itself (form, import, any script)."""
    tomorrow = date.today() + timedelta(days=1)
    for field, title in (("handled_on", "办结日期"), ("feedback_on", "反馈日期")):
        data = {"alley_id": 1, "description": "井盖松动", "reported_on": date.today(), "handled_on": date.today()}
        with pytest.raises(InvalidRecord) as refused:
            build(Problem, data | {field: tomorrow})
        assert f"{title} {tomorrow} 在今天" in " ".join(refused.value.details)


def test_a_problem_keeps_who_complained_and_the_12345_ticket(ledger):
    """002 §二(四)3: "由反映问题人员作出…评价" — to report back the ledger keeps who complained."""
    from tests.conftest import make_alley

    a = make_alley(ledger)
    stored = ledger.add(Problem(alley_id=a.id, source="12345", ticket_no="GX2025092600123", complainant="李桂英",
                                complainant_phone="13807712345", description="井盖松动", reported_on=date(2025, 9, 26)))
    again = ledger.get(Problem, stored.id)
    assert (again.ticket_no, again.complainant, again.complainant_phone) == ("GX2025092600123", "李桂英", "13807712345")


def test_an_alley_may_name_its_grid_worker(ledger):
    """002 §二(一)2: "将每条背街小巷、每个单元楼道明确到具体网格员，做到责任到人"."""
    from tests.conftest import make_alley

    a = make_alley(ledger, grid_worker="覃海燕", grid_worker_phone="13977112345")
    assert ledger.alley(a.code).grid_worker == "覃海燕"
    assert make_alley(ledger, "4501230002").grid_worker == ""  # optional


def test_satisfaction_shares_per_department_and_month(ledger):
    """002 §二(四)3: "由反映问题人员作出“满意”“基本满意”“不满意”评价" — shares per department and per
    month; a problem handled twice is rated twice."""
    from core.overview import gather_overview
    from tests.conftest import make_alley, make_plan

    a = make_alley(ledger)
    make_plan(ledger, a, year=2025)
    rated = [("市政管理所", date(2025, 3, 3), "满意"), ("市政管理所", date(2025, 3, 10), "基本满意"),
             ("市政管理所", date(2025, 4, 1), "满意"), ("环卫站", date(2025, 4, 2), "满意")]
    for department, day, rating in rated:
        ledger.add(Problem(alley_id=a.id, description="垃圾未清运", reported_on=day, assigned_on=day,
                           assigned_department=department, handled_on=day, feedback_on=day, satisfaction=rating,
                           closed_on=day))
    ledger.add(Problem(alley_id=a.id, description="井盖松动", reported_on=date(2025, 4, 7), assigned_on=date(2025, 4, 7),
                       assigned_department="环卫站", handled_on=date(2025, 4, 8), feedback_on=date(2025, 4, 8),
                       satisfaction="不满意", second_assigned_on=date(2025, 4, 9), second_handled_on=date(2025, 4, 10),
                       second_feedback_on=date(2025, 5, 6), second_satisfaction="满意"))
    ov = gather_overview(ledger, 2025, as_of=date(2025, 6, 1))
    by_department = {r.name: r for r in ov.satisfaction_by_department}
    works, sanitation, total = by_department["市政管理所"], by_department["环卫站"], by_department["合计"]
    assert (works.rated, works.satisfied, works.basic, works.unsatisfied) == (3, 2, 1, 0)
    assert (sanitation.rated, sanitation.unsatisfied, sanitation.satisfied_share) == (3, 1, "66.6%")
    assert (total.rated, total.satisfied_share) == (6, "83.3%")
    assert [(r.name, r.rated) for r in ov.satisfaction_by_month] == [("2025-03", 2), ("2025-04", 3), ("2025-05", 1),
                                                                      ("全年", 6)]


# 9. Holiday tables ---------------------------------------------------------------------------------
def test_a_holiday_table_missing_statutory_holidays_is_refused_naming_them(ledger, tmp_path, capsys):
    """002 §二(四)3: "自接到交办事项之日起7个工作日内办结" — working days come from the official
    holiday table, so a loaded year must hold every statutory holiday, not one row of them."""
    from core.cli.main import main
    from core.exchange.holidays import store_holiday_year

    assert list(PROFILE.holidays.statutory) == ["元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆"]
    days, names = holiday_year_2030()
    partial = {d: w for d, w in days.items() if "春节" not in names[d] and "国庆" not in names[d]}
    with pytest.raises(LedgerError, match="2030 年节假日表缺少法定节假日：春节、国庆"):
        store_holiday_year(ledger, 2030, partial, names, source="2030.csv")
    assert ledger.holiday_table()[1] == set()
    ledger.load_holiday_year(2030, days, names=names)
    assert ledger.holiday_table()[1] == {2030}

    one_row = tmp_path / "2031.csv"
    one_row.write_text("日期,类型,名称\n2031-10-01,休,国庆节\n", encoding="utf-8")
    assert main(["--db", str(tmp_path / "h.db"), "workdays", "load", str(one_row)]) == 1
    assert "文件「2031.csv」：2031 年节假日表缺少法定节假日：元旦、春节、清明、劳动节、端午、中秋" in capsys.readouterr().err
