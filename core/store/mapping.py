"""How each record model maps onto its table and child tables.

One :class:`TableSpec` per record kind; the store reads and writes every kind through the same
few functions, so a field added to a model needs only its column added by a migration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from core.records import Acceptance, Alley, Filing, Plan, Problem, Record, Survey
from core.records.filing import FilingDocument
from core.records.plan import PlanMeasure, ProgressEntry
from core.records.survey import PipeRow


@dataclass(frozen=True)
class Child:
    """A list field of a record kept as rows of its own table, ordered by ``position``."""

    field: str
    table: str
    parent_key: str
    model: type[BaseModel]

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)


@dataclass(frozen=True)
class TableSpec:
    """The table of one record kind, its child tables and which fields are stored as JSON."""

    table: str
    model: type[Record]
    children: tuple[Child, ...] = ()
    json_fields: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        """Columns of the main table, ``id`` first."""
        child_fields = {c.field for c in self.children}
        return [name for name in self.model.model_fields if name not in child_fields]


SPECS: dict[type[Record], TableSpec] = {
    Alley: TableSpec("alleys", Alley, json_fields=("extra",)),
    Survey: TableSpec(
        "surveys",
        Survey,
        children=(Child("pipes", "survey_pipes", "survey_id", PipeRow),),
        json_fields=("heritage",),
    ),
    Plan: TableSpec(
        "plans",
        Plan,
        children=(
            Child("measures", "plan_measures", "plan_id", PlanMeasure),
            Child("progress", "plan_progress", "plan_id", ProgressEntry),
        ),
        json_fields=("extra",),
    ),
    Acceptance: TableSpec("acceptances", Acceptance),
    Filing: TableSpec(
        "filings",
        Filing,
        children=(Child("documents", "filing_documents", "filing_id", FilingDocument),),
        json_fields=("units",),
    ),
    Problem: TableSpec("problems", Problem),
}
SPEC_BY_TABLE = {spec.table: spec for spec in SPECS.values()}


def spec_for(record: Record | type[Record]) -> TableSpec:
    """The table spec of a record or record class."""
    cls = record if isinstance(record, type) else type(record)
    return SPECS[cls]


def to_row(spec: TableSpec, record: Record) -> dict[str, Any]:
    """The main-table row of ``record``: dates as ISO text, Decimal as text, JSON fields encoded."""
    data = record.model_dump(mode="json", exclude={c.field for c in spec.children})
    for name in spec.json_fields:
        data[name] = json.dumps(data[name], ensure_ascii=False, sort_keys=True)
    return data


def child_rows(child: Child, record: Record) -> list[dict[str, Any]]:
    """The child-table rows of ``record`` for ``child``, without the parent key."""
    items = getattr(record, child.field)
    return [dict(item.model_dump(mode="json"), position=i) for i, item in enumerate(items)]


def from_row(spec: TableSpec, row: dict[str, Any], children: dict[str, list[dict]] | None = None) -> Record:
    """Rebuild a record from its row (and child rows keyed by child field)."""
    data = dict(row)
    for name in spec.json_fields:
        value = data.get(name)
        if isinstance(value, str):
            data[name] = json.loads(value)
    for child in spec.children:
        rows = (children or {}).get(child.field, [])
        data[child.field] = [
            {k: v for k, v in r.items() if k not in ("position", child.parent_key)} for r in rows
        ]
    return spec.model.model_validate(data)


def snapshot(spec: TableSpec, record: Record) -> dict[str, Any]:
    """Everything the audit log compares: main fields plus each child list, JSON-ready."""
    data = record.model_dump(mode="json", exclude={"id", "changed_at", "changed_by"})
    return data
