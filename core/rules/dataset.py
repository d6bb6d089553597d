"""Everything the rules look at, loaded from the ledger on first use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from core.profile import Profile
from core.records import Acceptance, Alley, CountySettings, Filing, Plan, Problem, Survey
from core.rules.workdays import HolidayCalendar

if TYPE_CHECKING:
    from core.store import Ledger

# The fields the rules read of each kind of record. Dataset.from_ledger reads only these, a third of
# the data: a rule that starts reading another field adds it here, and one left out fails loudly
# (AttributeError), never silently. Surveys are read whole but for who made them and their free
# text, because the profile, not the code, names the survey indicators each measure answers. Of
# plans' measures and filings' documents the rules need only the codes and kinds, read on their own.
RULE_FIELDS: dict[type, tuple[str, ...]] = {
    Alley: ("code", "name", "red_line_width_m", "road_class"),
    Survey: tuple(name for name in Survey.model_fields
                  if name not in ("changed_at", "changed_by", "surveyor", "problems_found", "residents_requests")),
    Plan: ("alley_id", "year", "category", "total_investment_yuan", "approved_on", "tender_on", "contract_on",
           "planned_start_on", "start_on", "completion_on", "declared_groups", "withdrawn_on"),
    Acceptance: ("plan_id", "accepted_on", "result", "lamp_positions", "lamps_installed", "lamps_working",
                 "standard_eval_by", "standard_eval_on", "standard_eval_result", "boutique_eval_on",
                 "boutique_eval_result"),
    Filing: ("plan_id", "filed_on", "archived_on", "locked_at"),
    Problem: ("alley_id", "description", "urgency", "reported_on", "assigned_department", "assigned_on",
              "unable", "escalated_on", "handled_on", "feedback_on", "satisfaction", "second_assigned_on",
              "second_handled_on", "second_feedback_on", "second_satisfaction", "closing_note", "closed_on"),
}


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


class Dataset:
    """A view of the records for one run of the rules.

    Each kind of record is read from its source the first time a rule asks for it, so computing
    funding does not read surveys or filings. ``as_of`` is the day the rules treat as today.
    ``measure_codes`` and ``document_kinds`` (functions giving lists by plan and filing id) stand in
    for the plans' measures and the filings' documents when the records were read without them.
    """

    def __init__(
        self,
        *,
        profile: Profile,
        settings: CountySettings | None,
        as_of: date,
        calendar: HolidayCalendar | None = None,
        alleys: list[Alley] | Callable[[], list[Alley]] = (),  # type: ignore[assignment]
        surveys: list[Survey] | Callable[[], list[Survey]] = (),  # type: ignore[assignment]
        plans: list[Plan] | Callable[[], list[Plan]] = (),  # type: ignore[assignment]
        acceptances: list[Acceptance] | Callable[[], list[Acceptance]] = (),  # type: ignore[assignment]
        filings: list[Filing] | Callable[[], list[Filing]] = (),  # type: ignore[assignment]
        problems: list[Problem] | Callable[[], list[Problem]] = (),  # type: ignore[assignment]
        measure_codes: Callable[[], dict[int, list[str]]] | None = None,
        document_kinds: Callable[[], dict[int, list[str]]] | None = None,
    ):
        self.profile = profile
        self.settings = settings
        self.as_of = as_of
        self._calendar = calendar
        self._sources: dict[str, Any] = {
            "alleys": alleys, "surveys": surveys, "plans": plans,
            "acceptances": acceptances, "filings": filings, "problems": problems,
        }
        self._read_measure_codes = measure_codes
        self._read_document_kinds = document_kinds

    @classmethod
    def from_ledger(cls, ledger: Ledger, *, as_of: date | None = None) -> Dataset:
        """A dataset reading from ``ledger`` (a :class:`core.store.Ledger`) as the rules need it:
        each kind of record when first used, holding only its :data:`RULE_FIELDS`, and the plans'
        measure codes and the filings' document kinds on their own.
        """
        def every(kind: type) -> Callable[[], list[Any]]:
            return lambda: ledger.all(kind, fields=RULE_FIELDS[kind])

        return cls(
            profile=ledger.profile(),
            settings=ledger.settings(),
            as_of=as_of or date.today(),
            calendar=None,
            alleys=every(Alley),
            surveys=every(Survey),
            plans=every(Plan),
            acceptances=every(Acceptance),
            filings=every(Filing),
            problems=every(Problem),
            measure_codes=lambda: ledger.child_values(Plan, "measures.code"),
            document_kinds=lambda: ledger.child_values(Filing, "documents.kind"),
        )._with_calendar(lambda: HolidayCalendar.from_ledger(ledger))

    def _with_calendar(self, make: Callable[[], HolidayCalendar]) -> Dataset:
        self._make_calendar = make
        return self

    def _get(self, name: str) -> list[Any]:
        source = self._sources[name]
        return list(source() if callable(source) else source)

    @cached_property
    def alleys(self) -> list[Alley]:
        return self._get("alleys")

    @cached_property
    def surveys(self) -> list[Survey]:
        return self._get("surveys")

    @cached_property
    def plans(self) -> list[Plan]:
        """The plans of the programme: a withdrawn plan (撤销) is out of every rule and of funding."""
        return [p for p in self._get("plans") if p.withdrawn_on is None]

    @cached_property
    def acceptances(self) -> list[Acceptance]:
        return self._get("acceptances")

    @cached_property
    def filings(self) -> list[Filing]:
        return self._get("filings")

    @cached_property
    def problems(self) -> list[Problem]:
        return self._get("problems")

    @cached_property
    def calendar(self) -> HolidayCalendar:
        if self._calendar is not None:
            return self._calendar
        make = getattr(self, "_make_calendar", None)
        return make() if make else HolidayCalendar()

    @cached_property
    def code_by_alley(self) -> dict[int, str]:
        """Alley codes by alley id (every rule labels its findings with one)."""
        return {a.id: a.code for a in self.alleys if a.id is not None}

    @cached_property
    def surveys_by_alley(self) -> dict[int, list[Survey]]:
        grouped: dict[int, list[Survey]] = defaultdict(list)
        for survey in sorted(self.surveys, key=lambda s: (s.surveyed_on, s.id or 0)):
            grouped[survey.alley_id].append(survey)  # type: ignore[index]
        return grouped

    @cached_property
    def plans_by_alley(self) -> dict[int, list[Plan]]:
        grouped: dict[int, list[Plan]] = defaultdict(list)
        for plan in sorted(self.plans, key=lambda p: p.year):
            grouped[plan.alley_id].append(plan)  # type: ignore[index]
        return grouped

    @cached_property
    def acceptance_by_plan(self) -> dict[int, Acceptance]:
        return {a.plan_id: a for a in self.acceptances}  # type: ignore[misc]

    @cached_property
    def filing_by_plan(self) -> dict[int, Filing]:
        return {f.plan_id: f for f in self.filings}  # type: ignore[misc]

    @cached_property
    def _measure_codes(self) -> dict[int, list[str]] | None:
        return self._read_measure_codes() if self._read_measure_codes else None

    @cached_property
    def _document_kinds(self) -> dict[int, list[str]] | None:
        return self._read_document_kinds() if self._read_document_kinds else None

    def document_kinds(self, filing: Filing) -> set[str]:
        """The required-document keys the filing has a document for (:meth:`Filing.kinds_present`)."""
        if self._document_kinds is None:
            return filing.kinds_present()
        return {kind for kind in self._document_kinds.get(filing.id, ()) if kind}  # type: ignore[arg-type]

    def measures_of(self, plan: Plan) -> PlanMeasures:
        """What the plan's chosen measures amount to under the profile (computed once per plan)."""
        by_plan = self.__dict__.setdefault("_measures_by_plan", {})
        found = by_plan.get(id(plan))  # keyed by object: the dataset holds its plans for its lifetime
        if found is None:
            # Plans share a few dozen combinations of measures: work each combination out once.
            by_codes = self.__dict__.setdefault("_measures_by_codes", {})
            if self._measure_codes is None:
                codes = frozenset(m.code for m in plan.measures)
            else:
                codes = frozenset(self._measure_codes.get(plan.id, ()))  # type: ignore[arg-type]
            key = (codes, tuple(plan.declared_groups))
            found = by_codes.get(key)
            if found is None:
                found = by_codes[key] = PlanMeasures.of(codes, self.profile, key[1])
            by_plan[id(plan)] = found
        return found

    def code_of(self, alley_id: int | None) -> str | None:
        """The alley code for an alley id."""
        return self.code_by_alley.get(alley_id)  # type: ignore[arg-type]

    def survey_for(self, plan: Plan) -> Survey | None:
        """The latest survey of the plan's alley made no later than the plan's year."""
        found = None
        for survey in self.surveys_by_alley.get(plan.alley_id, []):  # type: ignore[arg-type]
            if survey.surveyed_on.year <= plan.year:
                found = survey
        return found
