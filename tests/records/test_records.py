"""Record validation: what a clerk is told when a form is filled in wrong."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.errors import InvalidRecord
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Problem, Survey, build


def messages(model, data) -> str:
    with pytest.raises(InvalidRecord) as caught:
        build(model, data)
    return str(caught.value)


def test_missing_required_fields_are_named_in_chinese():
    text = messages(Alley, {"code": "4501230001"})
    assert text.startswith("街巷填写有误")
    assert "「街巷名称」必须填写" in text
    assert "「所在街道」必须填写" in text


def test_an_impossible_date_is_refused_with_the_value_shown():
    text = messages(Plan, {"year": 2023, "category": "达标类", "completion_on": "2023-13-05"})
    assert "「竣工日期」不是有效日期：「2023-13-05」" in text


def test_category_must_be_one_of_the_two_and_says_which():
    text = messages(Plan, {"year": 2023, "category": "精品"})
    assert "「类别」只能是「达标类」「精品类」" in text


def test_money_refuses_floats_and_fractions_of_a_yuan():
    assert "浮点数" in messages(Plan, {"year": 2023, "category": "达标类", "total_investment_yuan": 1.5})
    assert "不是整数元" in messages(Plan, {"year": 2023, "category": "达标类", "total_investment_yuan": Decimal("10.5")})
    assert "不能小于 0" in messages(Plan, {"year": 2023, "category": "达标类", "total_investment_yuan": -1})


def test_money_accepts_whole_yuan_as_int_decimal_or_text():
    plan = build(Plan, {"year": 2023, "category": "达标类", "total_investment_yuan": "1,234,500",
                        "contract_amount_yuan": Decimal("1200000.00")})
    assert plan.total_investment_yuan == 1_234_500
    assert plan.contract_amount_yuan == 1_200_000
    assert isinstance(plan.total_investment_yuan, int)


def test_nested_pipe_rows_say_which_row_is_wrong():
    text = messages(Survey, {"surveyed_on": "2022-01-10", "pipes": [{"kind": "供水"}, {"kind": "排水", "year_laid": "abc"}]})
    assert "「地下管网第2行·敷设年份」应为整数" in text


def test_a_pipe_kind_may_appear_only_once_per_survey():
    text = messages(Survey, {"surveyed_on": "2022-01-10", "pipes": [{"kind": "排水"}, {"kind": "排水"}]})
    assert "管线种类「排水」重复填写" in text


def test_more_lamps_working_than_installed_is_refused():
    assert "亮灯数 5 不能多于已装路灯数 3" in messages(Survey, {"surveyed_on": "2022-01-10", "lamps_installed": 3, "lamps_working": 5})
    assert "亮灯数" in messages(Acceptance, {"accepted_on": "2023-12-01", "result": "合格", "lamps_installed": 3, "lamps_working": 4})


def test_pipe_laid_after_the_survey_is_refused():
    assert "晚于调查日期" in messages(Survey, {"surveyed_on": "2022-01-10", "pipes": [{"kind": "排水", "year_laid": 2023}]})


def test_plan_dates_must_be_in_order():
    text = messages(Plan, {"year": 2023, "category": "达标类", "start_on": "2023-07-01", "completion_on": "2023-06-01"})
    assert "竣工日期不能早于开工日期" in text
    # Ledgers often give a completion date without the start date: that is allowed (R6 flags it).
    assert build(Plan, {"year": 2023, "category": "达标类", "completion_on": "2023-11-01"}).start_on is None


def test_problem_steps_must_follow_each_other():
    text = messages(Problem, {"description": "井盖松动", "reported_on": "2025-09-26", "handled_on": "2025-09-20"})
    assert "办结日期 2025-09-20 早于发现日期 2025-09-26" in text


def test_problem_status_follows_its_dates():
    problem = Problem(description="井盖松动", reported_on=date(2025, 9, 26))
    assert problem.status == "待交办"
    assert problem.model_copy(update={"assigned_on": date(2025, 9, 26)}).status == "办理中"
    assert problem.model_copy(update={"handled_on": date(2025, 9, 28), "feedback_on": date(2025, 9, 29)}).status == "待销号"


def test_filing_document_numbers_are_unique():
    text = messages(Filing, {"documents": [{"seq": 1, "title": "竣工验收备案表"}, {"seq": 1, "title": "监理评估报告"}]})
    assert "序号 1 重复" in text


def test_county_code_is_six_digits_and_targets_one_per_year():
    assert "「行政区划代码」格式不对" in messages(CountySettings, {"name": "示例县", "code": "4501"})
    text = messages(CountySettings, {"name": "示例县", "targets": [{"year": 2023, "alleys": 5}, {"year": 2023, "alleys": 6}]})
    assert "2023 年重复" in text


def test_text_is_stripped_and_alley_codes_have_no_spaces():
    alley = build(Alley, {"code": " 4501230001 ", "name": " 槐树巷\n", "subdistrict": "城东街道"})
    assert (alley.code, alley.name) == ("4501230001", "槐树巷")
    assert "不能含空格" in messages(Alley, {"code": "4501 0001", "name": "x", "subdistrict": "y"})


def test_a_blank_that_is_needed_reads_as_must_fill_not_as_none():
    from core.records import YearTarget
    from core.records.common import validate_fields

    _, problems = validate_fields(YearTarget, {"year": None, "alleys": None})
    assert problems == {"year": ["「年度」必须填写"], "alleys": ["「改造任务(条)」必须填写"]}
