"""The rules core (R1–R11 of domain.md §3): functions from records to findings, numbers from the profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from core.rules.dataset import Dataset
from core.rules.findings import Finding, sort_key
from core.rules.funding import Funding, funding_for_plan, totals, totals_by_year
from core.rules.plan_rules import r1_back_alley, r2_measures, r3_old_pipes, r4_no_dig, r5_lighting
from core.rules.problems import feedback_deadline, problem_deadline, r10_problems
from core.rules.schedule import r6_deadlines, r7_funding_notes, r9_order, r11_filing_deadlines
from core.rules.targets import r8_targets
from core.rules.workdays import DueDate, HolidayCalendar

Rule = Callable[[Dataset, "int | None"], Iterator[Finding]]
RULES: dict[str, Rule] = {
    "R1": r1_back_alley,
    "R2": r2_measures,
    "R3": r3_old_pipes,
    "R4": r4_no_dig,
    "R5": r5_lighting,
    "R6": r6_deadlines,
    "R7": r7_funding_notes,
    "R8": r8_targets,
    "R9": r9_order,
    "R10": r10_problems,
    "R11": r11_filing_deadlines,
}


def check(ds: Dataset, *, year: int | None = None, rules: list[str] | None = None) -> list[Finding]:
    """Run the rules (all, or the ids in ``rules``) over ``ds``; findings sorted by year and alley."""
    chosen = [RULES[r] for r in (rules or list(RULES))]
    findings = [f for rule in chosen for f in rule(ds, year)]
    return sorted(findings, key=sort_key)


def funding(ds: Dataset, *, year: int | None = None) -> list[tuple[Funding, str]]:
    """R7 for every plan (of ``year``): (funding, alley code) pairs ordered by year and code."""
    out = []
    for plan in ds.plans:
        if year is not None and plan.year != year:
            continue
        acceptance = ds.acceptance_by_plan.get(plan.id)
        out.append((funding_for_plan(plan, acceptance, ds.profile, ds.as_of), ds.code_of(plan.alley_id) or ""))
    return sorted(out, key=lambda item: (item[0].year, item[1]))


__all__ = [
    "Dataset", "DueDate", "Finding", "Funding", "HolidayCalendar", "RULES", "check",
    "feedback_deadline", "funding", "funding_for_plan", "problem_deadline", "totals", "totals_by_year",
]
