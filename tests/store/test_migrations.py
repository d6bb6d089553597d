"""Schema versions: a database made by the first schema opens in this program and is upgraded."""

from __future__ import annotations

import sqlite3

import pytest

from core.errors import StoreError
from core.records import Alley
from core.store import SCHEMA_VERSION, Ledger
from core.store.mapping import SPECS
from core.store.schema import MIGRATIONS
from tests.rules.helpers import holiday_year_2030


def _make_version_1(path):
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1; PRAGMA application_id = 1480675911;")
    conn.execute("INSERT INTO county (id, name, code, profile) VALUES (1, '旧县', '450999', 'guangxi-2022')")
    conn.execute("INSERT INTO alleys (code, name, subdistrict) VALUES ('4509990001', '老街', '城关街道')")
    conn.execute("INSERT INTO problems (alley_id, description, reported_on, urgency) "
                 "VALUES (1, '井盖缺失', '2025-09-26', '一般')")
    conn.commit()
    conn.close()


def test_a_version_1_database_opens_and_is_upgraded_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    _make_version_1(path)
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
        assert ledger.settings().name == "旧县"
        assert ledger.alley("4509990001").name == "老街"
        assert ledger.problems()[0].description == "井盖缺失"
        days, names = holiday_year_2030()  # a table of version 2
        ledger.load_holiday_year(2030, days, names=names)
        assert ledger.holiday_table()[1] == {2030}
    with Ledger.open(path) as ledger:  # the problem ledger's fields of version 3 come empty
        problem = ledger.problems()[0]
        assert (problem.complainant, problem.ticket_no, problem.unable, problem.second_assigned_on,
                problem.closing_note, problem.status) == ("", "", False, None, "", "待交办")
        assert ledger.alley("4509990001").grid_worker == ""
    backup = tmp_path / "old.db.v1.bak"
    assert backup.exists(), "the pre-upgrade file is kept"
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 1


def test_opening_twice_does_not_migrate_again(tmp_path):
    path = tmp_path / "new.db"
    Ledger.open(path).close()
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
    assert not list(tmp_path.glob("*.bak"))


def test_a_database_from_a_newer_program_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Ledger.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="请使用新版程序"):
        Ledger.open(path)


def test_every_model_field_has_a_column(tmp_path):
    with Ledger.open(tmp_path / "x.db") as ledger:
        for spec in SPECS.values():
            columns = {row[1] for row in ledger.db.execute(f"PRAGMA table_info({spec.table})")}
            assert set(spec.columns) <= columns, spec.table
            for child in spec.children:
                child_columns = {row[1] for row in ledger.db.execute(f"PRAGMA table_info({child.table})")}
                assert set(child.columns) <= child_columns, child.table


def test_indexes_cover_the_lookups_the_screens_make(tmp_path):
    with Ledger.open(tmp_path / "x.db") as ledger:
        ledger.add(Alley(code="1", name="a", subdistrict="b"))
        plan = ledger.db.execute("EXPLAIN QUERY PLAN SELECT * FROM plans WHERE year = 2023").fetchall()
        assert any("plans_by_year" in str(row) for row in plan)
        plan = ledger.db.execute("EXPLAIN QUERY PLAN SELECT * FROM alleys WHERE subdistrict = '城东街道'").fetchall()
        assert any("alleys_by_place" in str(row) for row in plan)


def test_plans_keep_their_ids_children_and_sequence_when_version_3_rebuilds_their_table(tmp_path):
    """Version 3 lets a plan's 类别 be unknown (a ledger without it), which SQLite can only do by
    rebuilding the table: measures, acceptances and filings keep pointing at their plans, and the id
    of a deleted plan is still never given again."""
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "\nPRAGMA user_version = 2; PRAGMA application_id = 1480675911;")
    conn.execute("INSERT INTO county (id, name, code, profile) VALUES (1, '旧县', '450999', 'guangxi-2022')")
    conn.execute("INSERT INTO alleys (code, name, subdistrict) VALUES ('4509990001', '老街', '城关街道')")
    for year in (2022, 2023, 2024):
        conn.execute("INSERT INTO plans (alley_id, year, category, total_investment_yuan) VALUES (1, ?, '精品类', 2000000)",
                     [year])
    conn.execute("INSERT INTO plan_measures (plan_id, position, code) VALUES (2, 0, 'clean')")
    conn.execute("INSERT INTO acceptances (plan_id, accepted_on, result) VALUES (2, '2023-11-20', '合格')")
    conn.execute("DELETE FROM plans WHERE id = 3")
    conn.commit()
    conn.close()
    with Ledger.open(path) as ledger:
        plans = {p.year: p for p in ledger.plans()}
        assert sorted(plans) == [2022, 2023]
        assert plans[2023].id == 2 and [m.code for m in plans[2023].measures] == ["clean"]
        assert ledger.acceptance_for(2).result == "合格"
        assert plans[2023].category == "精品类" and plans[2023].content_text == "" and not plans[2023].withdrawn
        from core.records import Plan

        added = ledger.add(Plan(alley_id=1, year=2025, category=None))
        assert added.id == 4, "the deleted plan's id 3 is not given again"
        assert ledger.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert ledger.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
