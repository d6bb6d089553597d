"""Reading records: whole, or only the fields a job looks at."""

from __future__ import annotations

from datetime import date

import pytest

from core.records import Filing, Plan
from tests.conftest import make_alley, make_plan


def test_a_lean_read_holds_only_the_named_fields_and_the_id(ledger):
    alley = make_alley(ledger)
    saved = make_plan(ledger, alley, measures=[{"code": "pipes", "quantity": "120.5", "unit": "米"}, {"code": "clean"}],
                      contract_on=date(2023, 6, 15))
    (plan,) = ledger.all(Plan, fields=("year", "contract_on", "measures.code"))
    assert (plan.id, plan.year, plan.contract_on) == (saved.id, saved.year, date(2023, 6, 15))
    assert [m.code for m in plan.measures] == ["pipes", "clean"]
    with pytest.raises(AttributeError):
        plan.category  # noqa: B018 - not read, so not there: never a default passed off as stored
    with pytest.raises(AttributeError):
        plan.measures[0].quantity  # noqa: B018


def test_a_lean_read_names_a_whole_child_list_or_leaves_it_out(ledger):
    alley = make_alley(ledger)
    saved = make_plan(ledger, alley, measures=[{"code": "pipes", "quantity": "120.5", "unit": "米"}])
    (whole,) = ledger.all(Plan, fields=("measures",))
    assert whole.measures == saved.measures
    (without,) = ledger.all(Plan, fields=("year",))
    assert "measures" not in without.__dict__


def test_a_lean_read_of_a_field_that_does_not_exist_is_a_programming_error(ledger):
    with pytest.raises(ValueError, match="no field 'filed'"):
        ledger.all(Filing, fields=("filed",))
    with pytest.raises(ValueError, match="documents.size"):
        ledger.all(Filing, fields=("documents.size",))


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
