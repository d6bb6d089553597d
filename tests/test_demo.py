"""The demo county: realistic, deterministic for a seed, never mixed with existing data."""

from __future__ import annotations

import pytest

from core.demo import make_demo
from core.errors import LedgerError
from core.store import Ledger


def test_demo_is_a_realistic_county(demo_db):
    with Ledger.open(demo_db) as ledger:
        alleys = ledger.alleys()
        plans = ledger.plans()
        counts = ledger.counts()
        settings = ledger.settings()
        assert len(alleys) == 300
        assert len({a.subdistrict for a in alleys}) >= 3
        assert len({a.community for a in alleys}) >= 10
        assert len({a.code for a in alleys}) == 300
        assert {p.year for p in plans} == {2022, 2023, 2024}
        assert {p.category for p in plans} == {"达标类", "精品类"}
        assert all(counts[k] > 0 for k in ("surveys", "progress_reports", "acceptances", "filings", "problems"))
        assert all(f.documents for f in ledger.filings())
        assert any(p.closed_on for p in ledger.problems()) and any(not p.handled_on for p in ledger.problems())
        assert [t.year for t in settings.targets] == [2022, 2023, 2024]
        assert all(s.pipes for s in ledger.surveys())


def _fingerprint(ledger):
    return ([a.model_dump(exclude={"changed_at"}) for a in ledger.alleys()],
            [p.model_dump(exclude={"changed_at"}) for p in ledger.plans()],
            [p.model_dump(exclude={"changed_at"}) for p in ledger.problems()])


def test_same_seed_gives_the_same_county_and_another_seed_another():
    first, second, third = (Ledger.in_memory() for _ in range(3))
    make_demo(first, alleys=40, seed=7)
    make_demo(second, alleys=40, seed=7)
    make_demo(third, alleys=40, seed=8)
    assert _fingerprint(first) == _fingerprint(second)
    assert _fingerprint(first) != _fingerprint(third)


def test_a_second_demo_into_the_same_file_is_refused_and_changes_nothing(tmp_path):
    with Ledger.open(tmp_path / "d.db") as ledger:
        make_demo(ledger, alleys=20, seed=1)
        before = ledger.counts()
        with pytest.raises(LedgerError, match="已有 20 条街巷"):
            make_demo(ledger, alleys=20, seed=2)
        assert ledger.counts() == before


def test_demo_audits_its_inserts_with_the_seed():
    ledger = Ledger.in_memory(user="演示")
    make_demo(ledger, alleys=5, seed=3)
    inserts = [e for e in ledger.audit(table="alleys") if e.action == "insert"]
    assert len(inserts) == 5 and inserts[0].source == "demo seed=3"


def test_cancelling_the_demo_leaves_the_database_untouched():
    from core.errors import Cancelled

    ledger = Ledger.in_memory()
    seen = []

    def progress(percent, text):
        seen.append(percent)

    with pytest.raises(Cancelled):
        make_demo(ledger, alleys=50, seed=1, progress=progress, cancel=lambda: len(seen) >= 2)
    assert seen == [5, 25]
    assert ledger.counts()["alleys"] == 0 and ledger.settings() is None
