"""What the forms show while the clerk types is worked out by core, not by the widgets: the lamp
rates as R5 judges them, the measures' estimates against the total, a total typed in 万元, whether a
problem has a second round, how far the year's list falls short of the target."""

from __future__ import annotations

from datetime import date

from core.annual import annual_list_data
from core.entry import total_yuan_from_texts
from core.records import CountySettings, Plan, YearTarget
from core.records.problem import has_second_round
from core.review import investment_gap, lamp_rates
from tests.conftest import make_alley, make_plan


def test_lamp_rates_as_r5_judges_them():
    assert lamp_rates(250, 249, 236) == ("99.6%", "94.7%")  # never rounded up to the requirement
    assert lamp_rates(40, 40, 38) == ("100%", "95%")
    assert lamp_rates(None, 12, 12) == ("—", "100%")  # no positions counted: no install rate
    assert lamp_rates(0, None, None) == ("—", "—")


def test_the_measures_estimates_against_the_total_investment():
    plan = Plan(alley_id=1, year=2023, category="达标类", total_investment_yuan=1_300_000, measures=[
        {"code": "clean", "estimated_investment_yuan": 500_000}, {"code": "road", "estimated_investment_yuan": 700_000},
        {"code": "cables"}])
    assert plan.measures_estimate_yuan == 1_200_000
    assert investment_gap(plan) == "措施估算合计 120.00 万元，与总投资 130.00 万元不一致"
    assert investment_gap(plan.model_copy(update={"total_investment_yuan": 1_200_000})) is None
    assert investment_gap(plan.model_copy(update={"measures": []})) is None  # no estimates: nothing to compare


def test_a_column_of_amounts_typed_as_clerks_write_them():
    assert total_yuan_from_texts(["50", "70万", "", "100,000元"]) == 1_300_000
    assert total_yuan_from_texts(["50", "七十"]) is None


def test_a_second_round_after_a_bad_rating_or_once_begun():
    assert has_second_round("不满意", False) and has_second_round(None, True)
    assert not has_second_round("基本满意", False) and not has_second_round(None, False)


def test_the_annual_list_says_how_far_it_falls_short_of_the_target(ledger):
    ledger.save_settings(CountySettings(name="示例县", code="450123", targets=[YearTarget(year=2023, alleys=3)]))
    make_plan(ledger, make_alley(ledger), start_on=date(2023, 6, 1))
    data = annual_list_data(ledger, 2023)
    assert (len(data.rows), data.target, data.short_of_target) == (1, 3, 2)
    assert annual_list_data(ledger, 2024).short_of_target == 0  # no target that year
