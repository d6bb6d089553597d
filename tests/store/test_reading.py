"""Reading records: whole, as the facts the rules read, or as a job's named fields."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date

import pytest

from core.records import Filing, Plan
from core.records.facts import FACTS, PlanFacts
from tests.conftest import make_alley, make_plan


def test_facts_rows_hold_the_fields_the_rules_read_typed_and_nothing_else(ledger):
    alley = make_alley(ledger)
    saved = make_plan(ledger, alley, measures=[{"code": "pipes", "quantity": "120.5", "unit": "米"}, {"code": "clean"}],
                      contract_on=date(2023, 6, 15), declared_groups=["三改"])
    (plan,) = ledger.facts(PlanFacts)
    assert (plan.id, plan.year, plan.contract_on) == (saved.id, saved.year, date(2023, 6, 15))
    assert plan.measure_codes == ("pipes", "clean") and plan.declared_groups == ("三改",)
    assert plan == PlanFacts.of(saved)
    assert not hasattr(plan, "notes")  # a field the rules do not read is not there, never a default
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.year = 2024  # type: ignore[misc]


def test_facts_read_from_the_store_equal_the_facts_of_the_whole_records(demo_db):
    """Every kind, on the demo county: dates, datetimes, JSON lists and child columns read the same
    way straight from the tables as from the records read whole."""
    from core.store import Ledger

    with Ledger.open(demo_db) as ledger:
        for kind in FACTS:
            read = ledger.facts(kind)
            assert read and read == [kind.of(record) for record in ledger.all(kind.record)], kind.__name__


@pytest.mark.parametrize("kind", FACTS, ids=lambda k: k.__name__)
def test_each_facts_field_is_the_records_field_with_the_records_type(kind):
    """A facts row is a view of its record, not a second model: a field renamed or retyped in the
    record and not here fails."""
    hints = typing.get_type_hints(kind)
    for field in dataclasses.fields(kind):
        if field.name in kind.from_children:
            child, _, column = kind.from_children[field.name].partition(".")
            item = typing.get_args(kind.record.model_fields[child].annotation)[0]
            expected = tuple[item.model_fields[column].annotation, ...]  # type: ignore[name-defined]
        else:
            assert field.name in kind.record.model_fields, f"{kind.__name__}.{field.name}"
            expected = kind.record.model_fields[field.name].annotation
        assert _plain(hints[field.name]) == _plain(expected), f"{kind.__name__}.{field.name}"


def _plain(annotation: object) -> object:
    """``annotation`` with Annotated[...] taken off, a list read as a tuple and a union as a set."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _plain(args[0])
    if origin in (typing.Union, types.UnionType):
        return frozenset(_plain(a) for a in args)
    if origin in (list, tuple):
        return ("sequence", _plain(args[0]))
    return annotation


def test_values_are_the_named_fields_of_every_record_as_plain_typed_tuples(ledger):
    alley = make_alley(ledger)
    saved = make_plan(ledger, alley, contract_on=date(2023, 6, 15), declared_groups=["三改"])
    assert ledger.values(Plan, ["id", "contract_on", "declared_groups", "notes"]) == [
        (saved.id, date(2023, 6, 15), ("三改",), "")]
    with pytest.raises(ValueError, match="no field 'filed'"):
        ledger.values(Filing, ["filed"])
    with pytest.raises(ValueError, match="'measures'"):  # a child list is not a column: child_values reads it
        ledger.values(Plan, ["measures"])


def test_a_full_read_equals_what_was_saved(ledger):
    alley = make_alley(ledger)
    saved = make_plan(ledger, alley, measures=[{"code": "pipes", "quantity": "120.5", "unit": "米"}])
    assert ledger.all(Plan) == [saved]


def test_one_child_column_comes_by_record_id_in_list_order_and_typed(ledger):
    alley = make_alley(ledger)
    first = make_plan(ledger, alley, measures=[{"code": "pipes", "quantity": "120.5"}, {"code": "clean"}])
    second = make_plan(ledger, alley, year=2024, measures=[{"code": "light", "quantity": "3"}])
    make_plan(ledger, alley, year=2025, measures=[])
    assert ledger.child_values(Plan, "measures.code") == {first.id: ["pipes", "clean"], second.id: ["light"]}
    quantities = ledger.child_values(Plan, "measures.quantity")
    assert quantities[first.id] == [first.measures[0].quantity, None] and str(quantities[first.id][0]) == "120.5"
    with pytest.raises(ValueError, match="measures.size"):
        ledger.child_values(Plan, "measures.size")
