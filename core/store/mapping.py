"""How each record model maps onto its table and child tables.

One :class:`TableSpec` per record kind; the store reads and writes every kind through the same
few functions, so a field added to a model needs only its column added by a migration.
"""

from __future__ import annotations

import functools
import json
import operator
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter

from core.records import Acceptance, Alley, Filing, Plan, Problem, Record, Survey
from core.records.filing import FilingDocument
from core.records.plan import PlanMeasure, ProgressEntry
from core.records.survey import PipeRow

R = TypeVar("R", bound=BaseModel)


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
        ),
        json_fields=("declared_groups", "extra"),
    ),
    ProgressEntry: TableSpec("progress_reports", ProgressEntry),
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


def child_column(spec: TableSpec, field: str) -> tuple[Child, str]:
    """The child table and its column that ``field`` (e.g. ``"measures.code"``) names."""
    name, _, column = field.partition(".")
    for child in spec.children:
        if child.field == name and column in child.columns:
            return child, column
    raise ValueError(f"{spec.model.__name__} has no child column {field!r}")


def group_child_values(child: Child, column: str, rows: Iterable[tuple[Any, Any]]) -> dict[int, list[Any]]:
    """Values of one child column grouped by parent id, from rows ``(parent id, value)`` in order,
    converted to the field's type like the rows' models would hold them."""
    convert = dict(_converters(child.model)).get(column)
    grouped: dict[int, list[Any]] = {}
    for parent, value in rows:
        found = grouped.get(parent)
        if found is None:
            found = grouped[parent] = []
        found.append(convert(value) if convert is not None and value is not None else value)
    return grouped


def value_readers(spec: TableSpec, columns: tuple[str, ...]) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """(position, function) for each of ``columns`` of ``spec``'s table whose stored form is not the
    value a reader wants: ISO text to dates, JSON text to tuples (lists) or dicts, 0/1 to bools.
    For reads that take a few columns as plain values (:meth:`core.store.Ledger.facts`,
    :meth:`core.store.Ledger.values`) rather than records."""
    converters = dict(_converters(spec.model))
    out: list[tuple[int, Callable[[Any], Any]]] = []
    for i, name in enumerate(columns):
        convert = converters.get(name)
        if name in spec.json_fields:
            out.append((i, _then(json.loads, _then(convert, _frozen)) if convert else _then(json.loads, _frozen)))
        elif convert is not None:
            out.append((i, convert))
    return tuple(out)


def _frozen(value: Any) -> Any:
    """A list read from JSON as a tuple: values read for looking at are not changed in place."""
    return tuple(value) if isinstance(value, list) else value


def to_row(spec: TableSpec, record: Record) -> dict[str, Any]:
    """The main-table row of ``record``: dates as ISO text, Decimal as text, JSON fields encoded."""
    data = record.model_dump(mode="json", exclude={c.field for c in spec.children})
    for name in spec.json_fields:
        data[name] = json.dumps(data[name], ensure_ascii=False, sort_keys=True)
    return data


def insert_rows(spec: TableSpec, records: list[Record]) -> tuple[list[list[Any]], list[list[tuple[Any, ...]]]]:
    """The rows ``records`` are stored as: main-table rows in :attr:`TableSpec.columns` order, and
    for each child table its rows ``(parent id, position, *child columns)``. The same values as
    :func:`to_row` and :func:`child_rows` give, taken straight from the records' fields (a bulk
    insert of 35,000 records: 0.1 s instead of 0.3 s through ``model_dump``)."""
    get = operator.itemgetter(*spec.columns)
    storers = _storers(spec.model, tuple(spec.columns), spec.json_fields)
    rows = []
    for record in records:
        row = list(get(record.__dict__))
        for i, store in storers:
            if row[i] is not None:
                row[i] = store(row[i])
        rows.append(row)
    children = []
    for child in spec.children:
        names = tuple(child.columns)
        item_get = operator.itemgetter(*names)
        item_storers = _storers(child.model, names, ())
        out = []
        for record in records:
            for position, item in enumerate(record.__dict__[child.field]):
                values = list(item_get(item.__dict__))
                for i, store in item_storers:
                    if values[i] is not None:
                        values[i] = store(values[i])
                out.append((record.id, position, *values))
        children.append(out)
    return rows, children


@functools.cache
def _storers(model: type[BaseModel], columns: tuple[str, ...],
             json_fields: tuple[str, ...]) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """(column index, function) for each column whose stored form is not its Python value."""
    out: list[tuple[int, Callable[[Any], Any]]] = []
    for i, name in enumerate(columns):
        annotation = model.model_fields[name].annotation
        if name in json_fields:
            if _holds_models(annotation):  # a list of units: their fields as JSON values first
                out.append((i, _json_of(TypeAdapter(annotation))))  # type: ignore[arg-type]
            else:
                out.append((i, _json_sorted))
            continue
        kind = _plain_type(annotation)
        if kind is date or kind is datetime:
            out.append((i, kind.isoformat))  # the type's own method: a datetime keeps its time
        elif kind is Decimal:
            out.append((i, str))
    return tuple(out)


def _json_of(adapter: TypeAdapter[Any]) -> Callable[[Any], str]:
    """A value of ``adapter``'s type (models inside) as sorted JSON text."""
    def encode(value: Any) -> str:
        return _json_sorted(adapter.dump_python(value, mode="json"))
    return encode


def _holds_models(annotation: Any) -> bool:
    """Whether values of ``annotation`` contain pydantic models (list[FilingUnit])."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in typing.get_args(annotation))


def _plain_type(annotation: Any) -> Any:
    """``annotation`` without Annotated[...] and Optional."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _plain_type(args[0])
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _plain_type(inner[0]) if len(inner) == 1 else annotation
    return annotation


_json_sorted = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def child_rows(child: Child, record: Record) -> list[dict[str, Any]]:
    """The child-table rows of ``record`` for ``child``, without the parent key."""
    items = getattr(record, child.field)
    return [dict(item.model_dump(mode="json"), position=i) for i, item in enumerate(items)]


def group_children(child: Child, rows: Iterable[tuple[Any, ...]]) -> dict[int, list[BaseModel]]:
    """Child models grouped by parent id, from rows ``(parent id, position, *child columns)`` in order."""
    build = _item_builder(child.model, tuple(child.columns), 2)
    grouped: dict[int, list[BaseModel]] = {}
    for row in rows:
        found = grouped.get(row[0])
        if found is None:
            found = grouped[row[0]] = []
        found.append(build(row))
    return grouped


def row_builder(spec: TableSpec, names: tuple[str, ...]) -> Callable[[tuple[Any, ...]], Record]:
    """A function that turns a main-table row (a tuple of the columns ``names``) into its record,
    with its child lists empty, to be filled by the caller. Made once per column layout.

    Rows were validated when they were written, so reading converts column types (ISO text to
    dates, JSON text to lists) and builds the models without validating again: re-validating
    every record made loading 10,000 alleys with their plans five times slower.
    """
    return _row_builder(spec.model, names, tuple(spec.json_fields), tuple(c.field for c in spec.children))


@functools.cache
def _row_builder(model: type[BaseModel], names: tuple[str, ...], json_fields: tuple[str, ...],
                 child_fields: tuple[str, ...]) -> Callable[[tuple[Any, ...]], Record]:
    converters = dict(_converters(model))
    keep = [n for n, name in enumerate(names) if name in model.model_fields]
    keys = tuple(names[n] for n in keep)
    steps: list[tuple[str, Callable[[Any], Any]]] = []
    for name in keys:
        loads = name in json_fields
        convert = converters.get(name)
        if loads and convert is not None:
            steps.append((name, _then(json.loads, convert)))
        elif loads:
            steps.append((name, json.loads))
        elif convert is not None:
            steps.append((name, convert))
    return _assembler(model, keys, keep, tuple(steps), child_fields)  # type: ignore[return-value]


def _then(first: Callable[[Any], Any], second: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``second(first(value))``."""
    return lambda value: second(first(value))


def _picker(positions: list[int]) -> Callable[[Any], tuple[Any, ...]]:
    """The values at ``positions`` of a row, as a tuple (picked in C)."""
    if len(positions) == 1:
        only = positions[0]
        return lambda row: (row[only],)
    return operator.itemgetter(*positions)


def _assembler(model: type[BaseModel], keys: tuple[str, ...], positions: list[int],
               steps: tuple[tuple[str, Callable[[Any], Any]], ...],
               empty_lists: tuple[str, ...] = ()) -> Callable[[Any], BaseModel]:
    """A function from a stored row to ``model``: the values at ``positions``, named ``keys``, each
    converted by its step (ISO text to dates, JSON text to lists), child lists empty, wrapped
    without validating again (the row was validated when it was written: re-validating made
    loading 10,000 alleys with their plans five times slower). Its models share one fields-set."""
    fields_set = {*keys, *empty_lists}
    pick = _picker(positions)

    def build(row: Any, new: Any = _new, put: Any = _set) -> BaseModel:
        data = dict(zip(keys, pick(row)))  # noqa: B905 - pick gives exactly one value per key
        for name, convert in steps:
            value = data[name]
            if value is not None:
                data[name] = convert(value)
        for name in empty_lists:
            data[name] = []
        obj = new(model)
        put(obj, "__dict__", data)
        put(obj, "__pydantic_fields_set__", fields_set)
        put(obj, "__pydantic_extra__", None)
        put(obj, "__pydantic_private__", None)
        return obj

    return build


def replace_fields(record: R, **updates: Any) -> R:
    """A copy of ``record`` with ``updates`` (store-assigned values: id, change stamp), unvalidated."""
    return _instance(type(record), {**record.__dict__, **updates})


def compacted(record: R) -> R:
    """``record`` itself, now sharing its fields-set with every record of its kind, its child
    rows too, as records read from the store do. A validated record keeps a set of the fields it
    was given (0.2–1 KB); an import of 50,000 rows previews 380,000 records and child rows, and
    those sets alone took 146 MB."""
    _set(record, "__pydantic_fields_set__", _all_fields(type(record)))
    spec = SPECS.get(type(record))  # type: ignore[arg-type]
    for child in spec.children if spec is not None else ():
        for item in record.__dict__.get(child.field) or ():
            _set(item, "__pydantic_fields_set__", _all_fields(type(item)))  # type: ignore[arg-type]
    return record


def _construct(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """``model`` from a stored row given as a dict (a child list held as JSON)."""
    keys = tuple(data)
    return _item_builder(model, keys, 0)(tuple(data.values()))


@functools.cache
def _item_builder(model: type[BaseModel], names: tuple[str, ...], start: int) -> Callable[[Any], BaseModel]:
    """The builder of ``model`` from a row given as a sequence whose values (in ``names`` order)
    begin at index ``start`` (a child table's rows begin with their parent's id and position)."""
    converters = dict(_converters(model))
    steps = tuple((name, converters[name]) for name in names if name in converters)
    return _assembler(model, names, list(range(start, start + len(names))), steps)


def _instance(model: type[R], data: dict[str, Any]) -> R:
    """What ``model_construct`` does, minus its per-field default and alias handling.

    ``data`` holds every field, so every instance of a model has the same fields-set; they share
    one set object (pydantic only ever adds names to it, which are all there already).
    """
    obj = _new(model)
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", _all_fields(model))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_new = object.__new__
_set = object.__setattr__


@functools.cache
def _all_fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


@functools.cache
def _converters(model: type[BaseModel]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """(field, converter) for every field whose stored form differs from its Python type."""
    out = []
    for name, info in model.model_fields.items():
        convert = _converter_for(info.annotation)
        if convert is not None:
            out.append((name, convert))
    return tuple(out)


def _converter_for(annotation: Any) -> Callable[[Any], Any] | None:
    annotation = _plain_type(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        item = args[0]
        return lambda values: [v if isinstance(v, BaseModel) else _construct(item, dict(v)) for v in values]
    if annotation is datetime:
        return datetime.fromisoformat
    if annotation is date:
        return date.fromisoformat
    if annotation is Decimal:
        return lambda v: Decimal(str(v))
    if annotation is bool:
        return bool
    return None
