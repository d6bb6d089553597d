"""Everything the rules look at, loaded from the ledger on first use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from core.profile import Profile
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Problem, Survey
from core.records.facts import AcceptanceFacts, AlleyFacts, Facts, FilingFacts, PlanFacts, ProblemFacts
from core.rules.workdays import HolidayCalendar

if TYPE_CHECKING:
    from core.store import Ledger

F = TypeVar("F", bound=Facts)


@dataclass(frozen=True)
class PlanMeasures:
    """A plan's measure codes and what they mean under the profile's catalogue."""

    codes: frozenset[str]
    unknown: tuple[str, ...]
    supplements: tuple[str, ...]
    digs: tuple[str, ...]
    pipe_work: bool
    lighting: bool
    declared_groups: tuple[str, ...] = ()
    """Groups the plan names without saying which of their measures (an imported 改造内容 "三改")."""

    @classmethod
    def of(cls, codes: frozenset[str], profile: Profile, declared_groups: tuple[str, ...] = ()) -> PlanMeasures:
        """What the measure ``codes`` (and the groups named without specifics) amount to under
        ``profile``'s catalogue."""
        known = [m for c in sorted(codes) if (m := profile.measure(c)) is not None]
        chosen_groups = {m.group for m in known}
        return cls(
            # A group stays "named without specifics" only until one of its measures is chosen.
            declared_groups=tuple(g for g in declared_groups if g not in chosen_groups),
            codes=codes,
            unknown=tuple(sorted(c for c in codes if profile.measure(c) is None)),
            supplements=tuple(m.code for m in known if m.group == "四补"),
            digs=tuple(m.code for m in known if m.digs),
            pipe_work=any(m.pipe_work for m in known),
            lighting=any(m.lighting for m in known),
        )


Given = TypeVar("Given")
Source = Sequence[Given] | Callable[[], Sequence[Given]]


class Dataset:
    """A view of the records for one run of the rules.

    Each kind of record is read from its source the first time a rule asks for it, so computing
    funding does not read surveys or filings. The rules read facts rows (:mod:`core.records.facts`);
    whole records given here (a form's draft, or records read whole) are turned into them. Surveys
    are read whole. ``as_of`` is the day the rules treat as today.
    """

    def __init__(
        self,
        *,
        profile: Profile,
        settings: CountySettings | None,
        as_of: date,
        calendar: HolidayCalendar | Callable[[], HolidayCalendar] | None = None,
        alleys: Source[Alley] | Source[AlleyFacts] = (),
        surveys: Source[Survey] = (),
        plans: Source[Plan] | Source[PlanFacts] = (),
        acceptances: Source[Acceptance] | Source[AcceptanceFacts] = (),
        filings: Source[Filing] | Source[FilingFacts] = (),
        problems: Source[Problem] | Source[ProblemFacts] = (),
    ):
        self.profile = profile
        self.settings = settings
        self.as_of = as_of
        self._calendar = calendar
        self._sources: dict[str, Any] = {
            "alleys": alleys, "surveys": surveys, "plans": plans,
            "acceptances": acceptances, "filings": filings, "problems": problems,
        }

    @classmethod
    def from_ledger(cls, ledger: Ledger, *, as_of: date | None = None) -> Dataset:
        """A dataset reading from ``ledger`` as the rules need it: each kind of record when first
        used, as its facts rows (surveys whole)."""
        return cls(
            profile=ledger.profile(),
            settings=ledger.settings(),
            as_of=as_of or date.today(),
            calendar=lambda: HolidayCalendar.from_ledger(ledger),
            alleys=lambda: ledger.facts(AlleyFacts),
            surveys=lambda: ledger.all(Survey),
            plans=lambda: ledger.facts(PlanFacts),
            acceptances=lambda: ledger.facts(AcceptanceFacts),
            filings=lambda: ledger.facts(FilingFacts),
            problems=lambda: ledger.facts(ProblemFacts),
        )

    def _get(self, name: str) -> list[Any]:
        source = self._sources[name]
        return list(source() if callable(source) else source)

    def _facts(self, name: str, kind: type[F]) -> list[F]:
        return kind.of_all(self._get(name))

    @cached_property
    def alleys(self) -> list[AlleyFacts]:
        return self._facts("alleys", AlleyFacts)

    @cached_property
    def surveys(self) -> list[Survey]:
        return self._get("surveys")

    @cached_property
    def plans(self) -> list[PlanFacts]:
        """The plans of the programme: a withdrawn plan (撤销) is out of every rule and of funding."""
        return [p for p in self._facts("plans", PlanFacts) if p.withdrawn_on is None]

    @cached_property
    def acceptances(self) -> list[AcceptanceFacts]:
        return self._facts("acceptances", AcceptanceFacts)

    @cached_property
    def filings(self) -> list[FilingFacts]:
        return self._facts("filings", FilingFacts)

    @cached_property
    def problems(self) -> list[ProblemFacts]:
        return self._facts("problems", ProblemFacts)

    @cached_property
    def calendar(self) -> HolidayCalendar:
        """The holiday calendar deadlines are counted on (read from the ledger when first used)."""
        if self._calendar is None:
            return HolidayCalendar()
        return self._calendar() if callable(self._calendar) else self._calendar

    @cached_property
    def code_by_alley(self) -> dict[int, str]:
        """Alley codes by alley id (every rule labels its findings with one)."""
        return {a.id: a.code for a in self.alleys if a.id is not None}

    @cached_property
    def surveys_by_alley(self) -> dict[int | None, list[Survey]]:
        grouped: dict[int | None, list[Survey]] = defaultdict(list)
        for survey in sorted(self.surveys, key=lambda s: (s.surveyed_on, s.id or 0)):
            grouped[survey.alley_id].append(survey)
        return grouped

    @cached_property
    def plans_by_alley(self) -> dict[int | None, list[PlanFacts]]:
        grouped: dict[int | None, list[PlanFacts]] = defaultdict(list)
        for plan in sorted(self.plans, key=lambda p: p.year):
            grouped[plan.alley_id].append(plan)
        return grouped

    @cached_property
    def acceptance_by_plan(self) -> dict[int | None, AcceptanceFacts]:
        return {a.plan_id: a for a in self.acceptances}

    @cached_property
    def filing_by_plan(self) -> dict[int | None, FilingFacts]:
        return {f.plan_id: f for f in self.filings}

    @cached_property
    def _measures_by_codes(self) -> dict[tuple[frozenset[str], tuple[str, ...]], PlanMeasures]:
        return {}

    @cached_property
    def _measures_by_plan(self) -> dict[int, PlanMeasures]:
        return {}

    def measures_of(self, plan: PlanFacts) -> PlanMeasures:
        """What the plan's chosen measures amount to under the profile, worked out once per plan
        (the rules ask 30,000 times in a 10,000-alley check) and once per combination of measures
        (plans share a few dozen)."""
        # Keyed by the object: the dataset holds its plans for its lifetime, and hashing a whole
        # facts row would cost more than the answer.
        found = self._measures_by_plan.get(id(plan))
        if found is None:
            key = (frozenset(plan.measure_codes), plan.declared_groups)
            found = self._measures_by_codes.get(key)
            if found is None:
                found = self._measures_by_codes[key] = PlanMeasures.of(key[0], self.profile, key[1])
            self._measures_by_plan[id(plan)] = found
        return found

    def code_of(self, alley_id: int | None) -> str | None:
        """The alley code for an alley id."""
        return self.code_by_alley.get(alley_id) if alley_id is not None else None

    def survey_for(self, plan: PlanFacts) -> Survey | None:
        """The latest survey of the plan's alley made no later than the plan's year."""
        found = None
        for survey in self.surveys_by_alley.get(plan.alley_id, []):
            if survey.surveyed_on.year <= plan.year:
                found = survey
        return found
