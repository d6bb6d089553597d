"""Writes through the store's transactions and sqlite-utils' table helpers: all or nothing, work
undone inside a larger write leaves the rest, the audit chain stays whole, and SQLite's write lock is
held from a write's start."""

from __future__ import annotations

import os
import sqlite3

import pytest

from core import actions
from core.errors import StoreError
from core.records import CountySettings
from core.records.county import YearTarget
from core.store import chain
from core.store.failures import DiskFull
from tests.conftest import make_alley, make_plan, make_survey


def test_work_undone_inside_a_larger_write_leaves_the_rest_and_the_audit_chain_whole(ledger):
    with ledger.transaction():
        alley = make_alley(ledger)
        with pytest.raises(StoreError, match="已存在"):
            make_alley(ledger, code=alley.code, name="另一条巷")
        with pytest.raises(RuntimeError), ledger.transaction():
            ledger.note("import", "导入到一半")
            raise RuntimeError("取消")
        make_plan(ledger, alley)
    assert ledger.counts()["alleys"] == 1 and ledger.counts()["plans"] == 1
    assert "导入到一半" not in [entry.record_key for entry in ledger.audit()]
    checked, breaks = chain.verify(ledger.db.conn)
    assert checked == len(ledger.audit()) and breaks == []


def test_a_database_tool_cannot_write_between_a_saves_first_read_and_its_writes(file_ledger):
    """The store reads the next ids and the audit chain's head before it writes: another program
    writing in between would make the save fail (or the ids collide), so the save holds SQLite's
    write lock from its start and the other program waits."""
    other = sqlite3.connect(file_ledger.path, timeout=0)
    try:
        with file_ledger.transaction():
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("INSERT INTO meta (key, value) VALUES ('其他程序', '1')")
            alley = make_alley(file_ledger)
        other.execute("INSERT INTO meta (key, value) VALUES ('其他程序', '1')")
        other.commit()
    finally:
        other.close()
    assert file_ledger.alley(alley.code).id == alley.id
    assert file_ledger.meta_value("其他程序") == "1"


def test_a_disk_that_fills_up_while_attaching_photos_keeps_none_of_them(ledger):
    alley = make_alley(ledger)
    survey = make_survey(ledger, alley)
    before, head = ledger.counts(), ledger.audit_head()
    pages = ledger.db.execute("PRAGMA page_count").fetchone()[0]
    ledger.db.execute(f"PRAGMA max_page_count = {pages + 60}")  # room for two of the three photos
    photos = [(f"巷口{n}.jpg", os.urandom(100_000)) for n in range(3)]
    with pytest.raises(DiskFull, match="磁盘空间不足"):
        actions.attach_files(ledger, survey, photos)
    assert ledger.counts() == before and ledger.audit_head() == head
    assert ledger.attachments_of(survey) == []


def test_a_refused_delete_keeps_the_records_photos(ledger):
    alley = make_alley(ledger)
    make_plan(ledger, alley)
    ledger.add_attachment(b"photo", "巷口.jpg", owner=alley, caption="巷口现状")
    with pytest.raises(StoreError, match="还有关联记录"):
        ledger.delete(alley, reason="录重了")
    assert [caption for _, caption in ledger.attachments_of(alley)] == ["巷口现状"]


def test_new_year_targets_replace_the_old_ones_and_the_change_is_audited(ledger):
    ledger.save_settings(CountySettings(name="示例县", code="450123",
                                        targets=[YearTarget(year=2023, alleys=40), YearTarget(year=2024, alleys=50)]))
    ledger.save_settings(CountySettings(name="示例县", code="450123", clerk="张三",
                                        targets=[YearTarget(year=2024, alleys=55, boutique=5)]))
    settings = ledger.settings()
    assert settings.clerk == "张三"
    assert settings.targets == [YearTarget(year=2024, alleys=55, boutique=5)]
    changes = ledger.audit(table="county")[0].changes
    assert changes["clerk"] == ["", "张三"] and len(changes["targets"][0]) == 2 and len(changes["targets"][1]) == 1
