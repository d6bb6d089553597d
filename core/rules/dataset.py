"""Everything the rules look at, loaded from the ledger in a few queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from core.profile import Profile
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Problem, Survey
from core.rules.workdays import HolidayCalendar


@dataclass
class Dataset:
    """A consistent view of the records for one run of the rules.

    ``as_of`` is the day the rules treat as today (deadlines passed or not).
    """

    profile: Profile
    settings: CountySettings | None
    alleys: list[Alley]
    surveys: list[Survey]
    plans: list[Plan]
    acceptances: list[Acceptance]
    filings: list[Filing]
    problems: list[Problem]
    calendar: HolidayCalendar
    as_of: date
    alley_by_id: dict[int, Alley] = field(init=False)
    surveys_by_alley: dict[int, list[Survey]] = field(init=False)
    plans_by_alley: dict[int, list[Plan]] = field(init=False)
    acceptance_by_plan: dict[int, Acceptance] = field(init=False)
    filing_by_plan: dict[int, Filing] = field(init=False)

    def __post_init__(self) -> None:
        self.alley_by_id = {a.id: a for a in self.alleys if a.id is not None}
        self.surveys_by_alley = defaultdict(list)
        for survey in sorted(self.surveys, key=lambda s: (s.surveyed_on, s.id or 0)):
            self.surveys_by_alley[survey.alley_id].append(survey)  # type: ignore[index]
        self.plans_by_alley = defaultdict(list)
        for plan in sorted(self.plans, key=lambda p: p.year):
            self.plans_by_alley[plan.alley_id].append(plan)  # type: ignore[index]
        self.acceptance_by_plan = {a.plan_id: a for a in self.acceptances}  # type: ignore[misc]
        self.filing_by_plan = {f.plan_id: f for f in self.filings}  # type: ignore[misc]

    @classmethod
    def from_ledger(cls, ledger: object, *, as_of: date | None = None) -> Dataset:
        """Load every record of ``ledger`` (a :class:`core.store.Ledger`)."""
        lg = ledger  # typed loosely so core.rules does not import the store
        return cls(
            profile=lg.profile(),  # type: ignore[attr-defined]
            settings=lg.settings(),  # type: ignore[attr-defined]
            alleys=lg.alleys(),  # type: ignore[attr-defined]
            surveys=lg.surveys(),  # type: ignore[attr-defined]
            plans=lg.plans(),  # type: ignore[attr-defined]
            acceptances=lg.acceptances(),  # type: ignore[attr-defined]
            filings=lg.filings(),  # type: ignore[attr-defined]
            problems=lg.problems(),  # type: ignore[attr-defined]
            calendar=HolidayCalendar.from_ledger(lg),
            as_of=as_of or date.today(),
        )

    def code_of(self, alley_id: int | None) -> str | None:
        """The alley code for an alley id."""
        alley = self.alley_by_id.get(alley_id) if alley_id is not None else None
        return alley.code if alley else None

    def survey_for(self, plan: Plan) -> Survey | None:
        """The latest survey of the plan's alley made no later than the plan's year."""
        found = None
        for survey in self.surveys_by_alley.get(plan.alley_id, []):  # type: ignore[arg-type]
            if survey.surveyed_on.year <= plan.year:
                found = survey
        return found

    def latest_survey(self, alley_id: int) -> Survey | None:
        """The alley's most recent survey."""
        surveys = self.surveys_by_alley.get(alley_id)
        return surveys[-1] if surveys else None
