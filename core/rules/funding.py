"""Funding (R7, seed 000 §四(二)): regional subsidy, the 30 June bonus, its clawback, the 精品 award."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from core.profile import Profile
from core.records import Acceptance, Plan
from core.records.facts import AcceptanceFacts, PlanFacts

MONEY_KEYS = (
    "total_investment_yuan",
    "subsidy_yuan",
    "bonus_yuan",
    "clawback_yuan",
    "boutique_award_yuan",
    "total_yuan",
)


FUND_NAMES: dict[str, str] = {"subsidy": "补助资金", "bonus": "奖励资金", "award": "精品奖补资金"}
"""The profile's names of the funds (``funding.clawback``) as a clerk calls them."""


@dataclass(frozen=True)
class Funding:
    """The regional funds one plan earns, in whole yuan, with the reasons in Chinese."""

    plan_id: int | None
    year: int
    category: str | None
    total_investment_yuan: int
    subsidy_yuan: int
    bonus_yuan: int
    clawback_yuan: int
    boutique_award_yuan: int
    total_yuan: int
    bonus_reason: str
    clawback_reason: str
    clawback_pending: bool
    """True while construction is unfinished, the completion deadline has not yet passed and funds
    the profile claws back are at stake."""
    in_programme: bool = True
    """False for a plan of a year outside the profile's ``programme_years``: it gets nothing (R7)."""
    reason: str = ""
    """Why the plan gets no funds at all (outside the programme's years), else empty."""
    award_reason: str = ""
    """Why the 精品 award is paid or withheld; empty when the region has not rated the alley 精品."""
    at_risk_yuan: int = 0
    """While ``clawback_pending``: the funds that would be taken back if construction ends late."""

    def to_json(self) -> dict:
        """The line as a flat dict (plain field copy: ``dataclasses.asdict`` deep-copies and is 10× slower)."""
        return {name: getattr(self, name) for name in _FIELDS}


_FIELDS = tuple(f.name for f in fields(Funding))


def funding_for_plan(plan: Plan | PlanFacts, acceptance: Acceptance | AcceptanceFacts | None, profile: Profile, as_of: date) -> Funding:
    """R7 for one plan: only plans of the programme's years are funded; subsidy = rate × total
    investment; bonus if tender and contract by the deadline; the profile's ``clawback`` funds taken
    back in full if construction is not complete by the completion deadline; the boutique award when
    the region rated the alley 精品, paid once its completion acceptance passed.
    """
    rules = profile.funding
    rated_boutique = (
        plan.category == "精品类"
        and acceptance is not None
        and acceptance.boutique_eval_result == "精品"
    )
    if not profile.funds_year(plan.year):
        region = profile.profile.region_name
        reason = (f"{plan.year}年不在{region}三年行动项目年度（{profile.profile.programme_span()}）内，"
                  f"{region}不予补助、奖励和精品奖补")
        return Funding(
            plan_id=plan.id, year=plan.year, category=plan.category,
            total_investment_yuan=plan.total_investment_yuan, subsidy_yuan=0, bonus_yuan=0, clawback_yuan=0,
            boutique_award_yuan=0, total_yuan=0, bonus_reason=reason, clawback_reason="", clawback_pending=False,
            in_programme=False, reason=reason, award_reason=reason if rated_boutique else "",
        )
    investment = Decimal(plan.total_investment_yuan)
    subsidy = rules.to_yuan(investment * rules.subsidy_rate)

    bonus_deadline = rules.bonus_deadline.on(plan.year)
    if plan.contract_on is None:
        bonus, bonus_reason = 0, f"尚未签订合同（{bonus_deadline.month}月{bonus_deadline.day}日前完成招标并签订合同可获奖励）"
    elif plan.contract_on > bonus_deadline:
        bonus, bonus_reason = 0, f"合同签订于 {plan.contract_on}，晚于 {bonus_deadline}，无奖励资金"
    elif plan.tender_on is not None and plan.tender_on > bonus_deadline:
        bonus, bonus_reason = 0, f"招标完成于 {plan.tender_on}，晚于 {bonus_deadline}，无奖励资金"
    else:
        bonus = rules.to_yuan(investment * rules.bonus_rate)
        bonus_reason = f"合同签订于 {plan.contract_on}，在 {bonus_deadline} 前，获奖励资金"
        if plan.tender_on is None:
            # A contract follows its tender: a signed contract is taken as proof the tender was done.
            bonus_reason += "（未录入招标完成日期，按合同签订日期认定招标已完成）"

    award, award_reason = 0, ""
    if rated_boutique and not acceptance.passed:  # type: ignore[union-attr]
        award_reason = (f"已评为精品，但竣工验收结论为“{acceptance.result}”："  # type: ignore[union-attr]
                        "精品奖补待竣工验收合格后发放")
    elif rated_boutique:
        award = rules.boutique_award_yuan
        award_reason = "已评为精品，获精品奖补"

    completion_deadline = rules.completion_deadline.on(plan.year)
    late = plan.completion_on is not None and plan.completion_on > completion_deadline
    unfinished_past = plan.completion_on is None and as_of > completion_deadline
    pending = plan.completion_on is None and not unfinished_past
    funds = {"subsidy": subsidy, "bonus": bonus, "award": award}
    at_stake = sum(funds[name] for name in rules.clawback)
    names = "、".join(FUND_NAMES[n] for n in rules.clawback)
    clawback = 0
    if late or unfinished_past:
        clawback = at_stake
        when = f"竣工于 {plan.completion_on}" if late else "至今未竣工"
        clawback_reason = f"{when}，未在 {completion_deadline} 前完成建设，{names}全额扣回" if clawback else ""
    elif pending:
        clawback_reason = f"尚未竣工；如 {completion_deadline} 前不能完成建设，{names}将全额扣回" if at_stake else ""
    else:
        clawback_reason = ""

    return Funding(
        plan_id=plan.id,
        year=plan.year,
        category=plan.category,
        total_investment_yuan=plan.total_investment_yuan,
        subsidy_yuan=subsidy,
        bonus_yuan=bonus,
        clawback_yuan=clawback,
        boutique_award_yuan=award,
        total_yuan=subsidy + bonus + award - clawback,
        bonus_reason=bonus_reason,
        clawback_reason=clawback_reason,
        clawback_pending=pending and at_stake > 0,
        award_reason=award_reason,
        at_risk_yuan=at_stake if pending else 0,
    )


def totals(lines: list[Funding]) -> dict[str, int]:
    """Sums of every money key over ``lines`` (plus the number of plans)."""
    out = {key: sum(getattr(line, key) for line in lines) for key in MONEY_KEYS}
    out["plans"] = len(lines)
    return out


def totals_by_year(lines: list[Funding]) -> dict[int, dict[str, int]]:
    """:func:`totals` per programme year."""
    years = sorted({line.year for line in lines})
    return {year: totals([line for line in lines if line.year == year]) for year in years}
