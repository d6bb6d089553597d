"""Facts: the small typed rows the rules read of each kind of record.

A rule reads a third of a record's fields. Reading every record whole for a county check was three
times the work, and reading records with fields left out gave objects that looked like records but
raised AttributeError on the rest. A facts row holds exactly the fields the rules read, typed as the
record's fields are, and nothing pretends to be more than it is:

- :meth:`core.store.Ledger.facts` reads them straight from the tables (the measure codes of a plan
  and the document kinds of a filing from their child tables);
- :meth:`Facts.of` makes one from a whole record: a form's draft is judged by the same rules as the
  stored records.

A rule that starts reading another field adds it here (``tests/store/test_reading.py`` checks that
each field is the record's field, with the record's type). Surveys have no facts row: the rules read
nearly all of a survey (the profile names the indicators each measure answers), so they take the
:class:`~core.records.Survey` whole.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Self

from core.records.acceptance import Acceptance, AcceptanceResult, BoutiqueEvalResult, StandardEvalResult
from core.records.alley import Alley, RoadClass
from core.records.common import Record
from core.records.filing import Filing, kinds_present
from core.records.plan import Category, Plan
from core.records.problem import Problem, Satisfaction, Urgency, final_satisfaction, problem_status


@dataclass(frozen=True, slots=True)
class Facts:
    """The base of the facts rows: which record kind a row stands for, and which of its fields come
    from a child table (``{"measure_codes": "measures.code"}``: the ``code`` column of every row of
    the plan's ``measures``, in list order)."""

    record: ClassVar[type[Record]]
    from_children: ClassVar[dict[str, str]] = {}

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        """The fields read from the record's own table, in the row's order (``id`` first)."""
        return tuple(f.name for f in dataclasses.fields(cls) if f.name not in cls.from_children)

    @classmethod
    def of(cls, record: Record) -> Self:
        """The facts of a whole record (a draft on a form, or a record read whole)."""
        values: dict[str, Any] = {name: getattr(record, name) for name in cls.columns()}
        for name, path in cls.from_children.items():
            child, _, column = path.partition(".")
            values[name] = tuple(getattr(item, column) for item in getattr(record, child))
        return cls(**_frozen(values))

    @classmethod
    def of_all(cls, records: list[Any]) -> list[Self]:
        """Facts for each of ``records``, keeping those that are facts already."""
        return [r if isinstance(r, cls) else cls.of(r) for r in records]


def _frozen(values: dict[str, Any]) -> dict[str, Any]:
    """Lists as tuples: a facts row is immutable all the way down."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}


@dataclass(frozen=True, slots=True)
class AlleyFacts(Facts):
    """What the rules read of an :class:`~core.records.Alley`."""

    record: ClassVar[type[Record]] = Alley

    id: int | None
    code: str
    name: str
    red_line_width_m: float | None
    road_class: RoadClass


@dataclass(frozen=True, slots=True)
class PlanFacts(Facts):
    """What the rules read of a :class:`~core.records.Plan`: its dates, money, category and the codes
    of its chosen measures."""

    record: ClassVar[type[Record]] = Plan
    from_children: ClassVar[dict[str, str]] = {"measure_codes": "measures.code"}

    id: int | None
    alley_id: int | None
    year: int
    category: Category | None
    total_investment_yuan: int
    approved_on: date | None
    tender_on: date | None
    contract_on: date | None
    planned_start_on: date | None
    start_on: date | None
    completion_on: date | None
    declared_groups: tuple[str, ...]
    """Groups the plan names without saying which of their measures (an imported 改造内容 "三改")."""
    withdrawn_on: date | None
    measure_codes: tuple[str, ...]
    """The catalogue codes of the chosen measures, in the plan's order."""


@dataclass(frozen=True, slots=True)
class AcceptanceFacts(Facts):
    """What the rules read of an :class:`~core.records.Acceptance`: the result, the lamps counted and
    the evaluations after it."""

    record: ClassVar[type[Record]] = Acceptance

    id: int | None
    plan_id: int | None
    accepted_on: date
    result: AcceptanceResult
    lamp_positions: int | None
    lamps_installed: int | None
    lamps_working: int | None
    standard_eval_by: str
    standard_eval_on: date | None
    standard_eval_result: StandardEvalResult | None
    boutique_eval_on: date | None
    boutique_eval_result: BoutiqueEvalResult | None

    @property
    def passed(self) -> bool:
        """True when the acceptance result is 合格."""
        return self.result == "合格"


@dataclass(frozen=True, slots=True)
class FilingFacts(Facts):
    """What the rules read of a :class:`~core.records.Filing`: its dates and the kinds of the
    documents filed."""

    record: ClassVar[type[Record]] = Filing
    from_children: ClassVar[dict[str, str]] = {"document_kinds": "documents.kind"}

    id: int | None
    plan_id: int | None
    filed_on: date | None
    archived_on: date | None
    locked_at: datetime | None
    document_kinds: tuple[str, ...]
    """The required-document key of each document in the 卷内目录 ("" for one that is none)."""

    def kinds_present(self) -> set[str]:
        """Required-document keys that have a document in the list."""
        return kinds_present(self.document_kinds)


@dataclass(frozen=True, slots=True)
class ProblemFacts(Facts):
    """What the rules, the 问题台账 table and the overview read of a :class:`~core.records.Problem`:
    its steps, their dates and the ratings."""

    record: ClassVar[type[Record]] = Problem

    id: int | None
    alley_id: int | None
    description: str
    urgency: Urgency
    reported_on: date
    assigned_department: str
    assigned_on: date | None
    unable: bool
    escalated_on: date | None
    handled_on: date | None
    feedback_on: date | None
    satisfaction: Satisfaction | None
    second_assigned_on: date | None
    second_handled_on: date | None
    second_feedback_on: date | None
    second_satisfaction: Satisfaction | None
    closing_note: str
    closed_on: date | None

    @property
    def status(self) -> str:
        """Where the problem stands (:func:`core.records.problem.problem_status`)."""
        return problem_status(self)

    @property
    def final_satisfaction(self) -> str | None:
        """The rating of the latest round of handling."""
        return final_satisfaction(self)


FACTS: tuple[type[Facts], ...] = (AlleyFacts, PlanFacts, AcceptanceFacts, FilingFacts, ProblemFacts)
