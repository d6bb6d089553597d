"""Shared fixtures: ledgers in memory and on disk, built in code."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from core.demo import make_demo
from core.profile import load_profile
from core.records import Alley, CountySettings, Plan, Survey
from core.store import Ledger


@pytest.fixture
def profile():
    return load_profile("guangxi-2022")


@pytest.fixture
def ledger():
    """An empty, initialised ledger in memory."""
    lg = Ledger.in_memory(user="测试员")
    lg.save_settings(CountySettings(name="示例县", code="450123"))
    yield lg
    lg.close()


@pytest.fixture
def file_ledger(tmp_path):
    """An initialised ledger in a file."""
    lg = Ledger.open(tmp_path / "ledger.db", user="测试员")
    lg.save_settings(CountySettings(name="示例县", code="450123"))
    yield lg
    lg.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """Path of a 300-alley demo database (seed 1), built once per test session; copy before writing."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Ledger.open(path, user="演示") as lg:
        make_demo(lg, alleys=300, seed=1)
    return path


@pytest.fixture
def demo_ledger(tmp_path, demo_db):
    """A writable copy of the 300-alley demo database, open."""
    path = tmp_path / "demo-copy.db"
    shutil.copy(demo_db, path)
    with Ledger.open(path) as lg:
        yield lg


def make_alley(ledger: Ledger, code: str = "4501230001", **fields) -> Alley:
    data = {"code": code, "name": "槐树巷", "subdistrict": "城东街道", "community": "和平社区",
            "red_line_width_m": 6.0}
    data.update(fields)
    return ledger.add(Alley(**data))


def make_survey(ledger: Ledger, alley: Alley, **fields) -> Survey:
    data = {"alley_id": alley.id, "surveyed_on": date(2022, 2, 10)}
    data.update(fields)
    return ledger.add(Survey(**data))


def make_plan(ledger: Ledger, alley: Alley, **fields) -> Plan:
    data = {"alley_id": alley.id, "year": 2023, "category": "达标类", "total_investment_yuan": 2_000_000,
            "measures": [{"code": "clean"}]}
    data.update(fields)
    return ledger.add(Plan(**data))
