"""Rule findings for the one record a clerk has on screen (R1–R5 and the R7 funding preview).

The desktop forms call :func:`review` on every change with the record being typed (not yet saved),
so the rules run over a small dataset of that alley only: a few milliseconds, not the whole county.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from core.money import wan
from core.records import Acceptance, Alley, Filing, Plan, Survey
from core.rules import RULES, Dataset, Finding, Funding, funding_for_plan
from core.rules.findings import rate_text, sort_key

if TYPE_CHECKING:
    from core.store import Ledger

LIVE_RULES = ("R1", "R2", "R3", "R4", "R5")


@dataclass
class Review:
    """What the rules say about the record on screen."""

    findings: list[Finding]
    funding: Funding | None = None


def review(ledger: Ledger, *, alley: Alley | None = None, survey: Survey | None = None,
           plan: Plan | None = None, acceptance: Acceptance | None = None, as_of: date | None = None,
           rules: Sequence[str] = LIVE_RULES, money: bool = True) -> Review:
    """Run R1–R5 (and R7 for a plan) over one alley with the given draft records in place of saved ones.

    With ``acceptance`` (being typed on the acceptance page) its plan is reviewed and R5 checks the
    lamp counts as typed.

    ``alley`` defaults to the stored alley of the survey or plan; the alley's other surveys and
    plans come from the ledger, with the draft replacing the stored record of the same id.
    """
    if acceptance is not None and plan is None:
        plan = ledger.get(Plan, acceptance.plan_id)
    drafted = plan or survey
    alley_id = alley.id if alley is not None else drafted.alley_id if drafted is not None else None
    if alley is None and alley_id is not None:
        alley = ledger.get(Alley, alley_id)
    if alley is None:
        return Review([])
    surveys = ledger.surveys(alley_id) if alley_id is not None else []
    plans = ledger.plans(alley_id=alley_id) if alley_id is not None else []
    if survey is not None:
        surveys = [s for s in surveys if s.id != survey.id or survey.id is None] + [survey]
    if plan is not None:
        plans = [p for p in plans if p.id != plan.id or plan.id is None] + [plan]
    acceptances = [acceptance] if acceptance is not None else []
    ds = Dataset(profile=ledger.profile(), settings=ledger.settings(), as_of=as_of or date.today(),
                 alleys=[alley], surveys=surveys, plans=plans, acceptances=acceptances)
    # Only the plan on screen is of interest on a plan form; on the alley or survey form, all of them.
    own = {"", f"plans/{plan.id}" if plan else ""} | ({f"acceptances/{acceptance.id}"} if acceptance else set())
    findings = [f for rule in rules for f in RULES[rule](ds, None)
                if plan is None or f.record in own or f.record.startswith("alleys/")]
    funding = None
    if plan is not None and money:
        if acceptance is None and plan.id is not None:
            acceptance = ledger.acceptance_for(plan.id)
        funding = funding_for_plan(plan, acceptance, ds.profile, ds.as_of)
    return Review(sorted(findings, key=sort_key), funding)


def review_filing(ledger: Ledger, filing: Filing, *, as_of: date | None = None) -> list[Finding]:
    """R11 for the filing on screen (as typed): filed within ``filing_days`` of the passed acceptance,
    archive handed over within ``archive_months`` (the 备案归档 page shows these under the form)."""
    plan = ledger.get(Plan, filing.plan_id)
    acceptance = ledger.acceptance_for(plan.id)
    alley = ledger.get(Alley, plan.alley_id)
    ds = Dataset(profile=ledger.profile(), settings=ledger.settings(), as_of=as_of or date.today(),
                 alleys=[alley], plans=[plan], acceptances=[acceptance] if acceptance else [], filings=[filing])
    return sorted(RULES["R11"](ds, None), key=sort_key)


def lamp_rates(positions: int | None, installed: int | None, working: int | None) -> tuple[str, str]:
    """装灯率 and 亮灯率 of a survey's or acceptance's lamp counts as R5 judges them (249 of 250 is
    99.6 %, never 100 %); "—" where the counts do not give one."""
    install = rate_text(installed, positions) if positions and installed is not None else "—"
    shine = rate_text(working, installed) if installed and working is not None else "—"
    return install, shine


def investment_gap(plan: Plan) -> str | None:
    """A note when the chosen measures' estimates add up to another sum than the plan's total
    investment (both typed by the clerk; the ledger sent upward carries the total)."""
    estimate, total = plan.measures_estimate_yuan, plan.total_investment_yuan
    if estimate and total and estimate != total:
        return f"措施估算合计 {wan(estimate)} 万元，与总投资 {wan(total)} 万元不一致"
    return None
