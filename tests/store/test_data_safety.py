"""Issue 16 in the store: one writer, saves that never undo another change, a file replaced or deleted
while open, the lock that covers the packet, and evidence of changes made behind the program's back."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from core.errors import LockedRecord, StoreError
from core.exchange.export import export_ledger
from core.exchange.importer import commit_import, preview_import
from core.records import Alley, Filing, Plan, Problem, Survey, build
from core.store import Ledger
from tests.safety import crashed_program, edited_ledger, other_program


def examine(path, **options):
    """core.store.doctor.examine (imported late: each test here must also run, and fail, on the
    program as it was before issue 16)."""
    from core.store.doctor import examine

    return examine(path, **options)


def conflict_error() -> type[Exception]:
    from core.errors import Conflict

    return Conflict


def locked_plan(ledger: Ledger) -> tuple[Plan, Alley]:
    """A filed and locked plan of the demo county, and its alley."""
    plan = next(p for p in ledger.plans() if (f := ledger.filing_for(p.id)) is not None and f.locked_at)
    return plan, ledger.get(Alley, plan.alley_id)


# ------------------------------------------------------------------ finding 2: one writer, no lost updates
def test_a_second_program_on_the_same_database_is_told_who_writes_and_cannot_write(tmp_path, demo_db):
    db = tmp_path / "county.db"
    shutil.copy(demo_db, db)
    with other_program(db, user="李四"):
        from core.store.locking import HeldElsewhere

        with pytest.raises(HeldElsewhere) as refused:
            Ledger.open(db, mode="write")
        assert "李四" in str(refused.value) and "同一时间只能有一处修改" in str(refused.value)
        with Ledger.open(db, mode="view") as viewer:  # the window: read-only, the holder named
            assert "李四" in viewer.read_only and "只能查看" in viewer.read_only
            alley = viewer.alleys()[0]
            with pytest.raises(StoreError, match="李四"):
                viewer.save(alley.model_copy(update={"chief": "赵六"}))
            assert viewer.alleys()[0].chief == alley.chief
    with Ledger.open(db, mode="write") as writer:  # the other program closed: free again
        assert writer.read_only == ""


def test_a_lock_left_by_a_crash_is_taken_over_and_the_crashed_program_named(tmp_path, demo_db):
    db = tmp_path / "county.db"
    shutil.copy(demo_db, db)
    from core.store.locking import holder_of, last_holder

    crashed_program(db, user="王五")
    assert last_holder(db).user == "王五" and holder_of(db) is None  # named, but nobody holds it
    with Ledger.open(db, mode="view") as ledger:
        assert ledger.read_only == ""
        assert ledger.access.recovered is not None and ledger.access.recovered.user == "王五"
        ledger.save(ledger.alleys()[0].model_copy(update={"chief": "赵六"}))


def test_an_import_previewed_before_another_import_committed_never_reverts_it(tmp_path, demo_db):
    """Two imports started 1–2 s apart: the second one's rows were read before the first wrote, so
    writing them would undo the first one's changes. It is refused instead, naming both values."""
    db = tmp_path / "county.db"
    shutil.copy(demo_db, db)
    with Ledger.open(db) as ledger:
        export_ledger(ledger, tmp_path / "ours.xlsx")
        edited_ledger(tmp_path / "ours.xlsx", tmp_path / "first.xlsx", {"街巷长": "新街巷长"})
        # the second file changes another column
        edited_ledger(tmp_path / "ours.xlsx", tmp_path / "second.xlsx", {"街巷长": None, "备注": "第二份"})
        second = preview_import(ledger, tmp_path / "second.xlsx")  # read before the first import writes
        commit_import(ledger, preview_import(ledger, tmp_path / "first.xlsx"))
        before = {a.code: a.chief for a in ledger.alleys()}
        with pytest.raises(conflict_error()) as conflict:
            commit_import(ledger, second)
        assert "请重新预览" in str(conflict.value) and "新街巷长" in str(conflict.value)
        assert {a.code: a.chief for a in ledger.alleys()} == before, "nothing of the first import undone"
        assert set(before.values()) == {"新街巷长"}


def test_a_record_read_before_another_save_is_refused_with_both_values(file_ledger):
    alley = file_ledger.add(Alley(code="4501230001", name="槐树巷", subdistrict="城东街道", chief="张三"))
    on_screen = file_ledger.get(Alley, alley.id)
    file_ledger.save(on_screen.model_copy(update={"chief": "李四"}), source="导入 台账.xlsx")
    with pytest.raises(conflict_error()) as conflict:  # saved within the same second as the change it missed
        file_ledger.save(on_screen.model_copy(update={"name": "槐树新巷"}))
    text = str(conflict.value)
    assert "「街巷长」：您的修改为「张三」，数据库中现在是「李四」" in text and "导入 台账.xlsx" in text
    assert file_ledger.get(Alley, alley.id).chief == "李四"
    # the clerk chose to keep their version over it: saved on top of the stored one
    stored = conflict.value.stored
    kept = file_ledger.save(on_screen.model_copy(update={"name": "槐树新巷", "changed_at": stored.changed_at}))
    assert kept.name == "槐树新巷" and kept.changed_at > stored.changed_at


# ------------------------------------------------------------------ finding 3: replaced or deleted while open
def _changes_in_wal(ledger: Ledger) -> None:
    ledger.db.execute("PRAGMA wal_autocheckpoint = 0")  # keep them in the -wal, as between checkpoints
    for alley in ledger.alleys()[:50]:
        ledger.save(alley.model_copy(update={"notes": "打开期间的修改" * 20}))


def test_a_database_replaced_while_open_is_not_damaged_and_writing_stops(tmp_path, demo_db):
    db = tmp_path / "county.db"
    shutil.copy(demo_db, db)
    backup = tmp_path / "备份.db"
    with Ledger.open(db) as ledger:
        ledger.backup(backup)
        expected = ledger.counts()["alleys"]
    ledger = Ledger.open(db, mode="write")
    _changes_in_wal(ledger)
    shutil.copyfile(backup, db)  # the clerk "restores" by copying over the open file
    with pytest.raises(StoreError, match="被替换"):
        ledger.save(ledger.alleys()[0].model_copy(update={"chief": "赵六"}))
    assert "被替换" in ledger.file_change()
    ledger.close()
    assert not (tmp_path / "county.db-wal").exists(), "the old file's pending changes are gone"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM alleys").fetchone()[0] == expected
    assert conn.execute("SELECT COUNT(*) FROM alleys WHERE notes LIKE '打开期间%'").fetchone()[0] == 0
    conn.close()


def test_a_database_deleted_while_open_refuses_saves_and_keeps_the_data(tmp_path, demo_db):
    db = tmp_path / "county.db"
    shutil.copy(demo_db, db)
    ledger = Ledger.open(db, mode="write")
    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={"chief": "删除前的修改"}))
    db.unlink()
    with pytest.raises(StoreError, match="被删除") as refused:
        ledger.save(ledger.alleys()[1].model_copy(update={"chief": "赵六"}))
    ledger.close()
    rescued = next(tmp_path.glob("county-抢救-*.db"))
    assert str(rescued.name) in str(refused.value)
    with Ledger.open(rescued) as copy:
        assert copy.alley(alley.code).chief == "删除前的修改"


# ------------------------------------------------------------------ finding 6: the lock covers the packet
def test_the_lock_covers_what_the_packet_prints_through_every_path(tmp_path, demo_ledger):
    ledger = demo_ledger
    plan, alley = locked_plan(ledger)
    survey = ledger.surveys(alley.id)[-1]
    with pytest.raises(LockedRecord):
        ledger.save(alley.model_copy(update={"name": "改名巷"}))
    with pytest.raises(LockedRecord):
        ledger.save(survey.model_copy(update={"problems_found": "改过的问题"}))
    with pytest.raises(LockedRecord):
        ledger.add_attachment(b"\xff\xd8\xff" + b"0" * 100, "新照片.jpg", owner=survey, caption="新照片")
    with pytest.raises(LockedRecord):
        ledger.add(build(Survey, {"alley_id": alley.id, "surveyed_on": date(plan.year, 1, 5)}))
    # what the packet does not print stays free: the chief's phone, a survey after the plan's year
    ledger.save(alley.model_copy(update={"chief_phone": "13800001111"}))
    later = ledger.add(build(Survey, {"alley_id": alley.id, "surveyed_on": date(plan.year + 3, 1, 5)}))
    assert later.id is not None
    # with an amendment reason it goes through, and the seal follows the amendment
    ledger.save(ledger.get(Alley, alley.id).model_copy(update={"name": "改名巷"}), reason="地名更正")
    report = examine(ledger.path)
    assert report.ok, report.text()


def test_an_import_cannot_rename_the_alley_of_a_filed_plan(tmp_path, demo_ledger):
    ledger = demo_ledger
    plan, alley = locked_plan(ledger)
    export_ledger(ledger, tmp_path / "ledger.xlsx")
    edited_ledger(tmp_path / "ledger.xlsx", tmp_path / "renamed.xlsx", {"街巷名称": "导入改名巷"}, code=alley.code)
    preview = commit_import(ledger, preview_import(ledger, tmp_path / "renamed.xlsx"))
    assert ledger.alley(alley.code).name == alley.name
    left_out = [w for w in preview.warnings if w.value == "导入改名巷"]
    assert left_out and all("归档锁定" in w.reason for w in left_out)


# ------------------------------------------------------------------ finding 6: tamper evidence
def test_changes_made_with_a_database_tool_are_found(tmp_path, demo_db):
    db = tmp_path / "county.db"
    shutil.copy(demo_db, db)
    with Ledger.open(db) as ledger:
        plan, alley = locked_plan(ledger)
        assert examine(db).ok
    conn = sqlite3.connect(db)
    conn.execute("UPDATE plans SET total_investment_yuan = total_investment_yuan * 10 WHERE id = ?", [plan.id])
    conn.execute("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id LIMIT 5 OFFSET 100)")
    conn.commit()
    conn.close()
    report = examine(db)
    checks = {f.check for f in report.findings}
    assert {"seals", "audit_chain"} <= checks
    sealed = next(f for f in report.findings if f.check == "seals")
    assert alley.code in sealed.message and "封存时不一致" in sealed.message
    chained = next(f for f in report.findings if f.check == "audit_chain")
    assert "第 101–105 条" in chained.message


def test_the_audit_log_chain_survives_every_kind_of_entry(file_ledger):
    alley = file_ledger.add(Alley(code="4501230001", name="槐树巷", subdistrict="城东街道"))
    file_ledger.save(alley.model_copy(update={"chief": "张三"}))
    problem = file_ledger.add(build(Problem, {"alley_id": alley.id, "description": "井盖松动",
                                               "reported_on": date(2025, 9, 26)}))
    file_ledger.delete(problem)
    file_ledger.note("backup", "备份到 x")
    report = examine(file_ledger.path)
    assert report.ok and report.checked["audit_chain"] == len(file_ledger.audit())


def test_an_old_database_gets_its_chain_and_seals_when_upgraded(tmp_path, demo_db):
    db = tmp_path / "old.db"
    shutil.copy(demo_db, db)
    conn = sqlite3.connect(db)  # as the previous version left it: no hashes, no seals
    conn.execute("ALTER TABLE audit_log DROP COLUMN hash")
    conn.execute("DROP TABLE seals")
    conn.execute("DELETE FROM meta WHERE key = 'audit_head'")
    from core.store.schema import LATEST

    conn.execute(f"PRAGMA user_version = {LATEST - 1}")  # the version before the chain and seals
    conn.commit()
    conn.close()
    with Ledger.open(db) as ledger:
        assert ledger.db.execute("SELECT COUNT(*) FROM seals").fetchone()[0] > 0
    report = examine(db)
    assert report.ok, report.text()


def test_dates_beyond_2100_and_money_beyond_a_trillion_are_refused_with_the_field(ledger):
    from core.errors import InvalidRecord

    with pytest.raises(InvalidRecord, match="1900 年至 2100 年"):
        build(Problem, {"alley_id": 1, "description": "x", "reported_on": "9999-12-30"})
    with pytest.raises(InvalidRecord, match="总投资.*太大"):
        build(Plan, {"alley_id": 1, "year": 2023, "total_investment_yuan": 10**19})


def test_nul_and_invisible_characters_never_reach_the_database(file_ledger):
    alley = file_ledger.add(Alley(code="4501230001", name="槐树\x00巷", subdistrict="\ufeff城东街道",
                                  notes="第一行\n第二\u200b行", extra={"片\x01区": "老\x00城"}))
    stored = file_ledger.get(Alley, alley.id)
    assert (stored.name, stored.subdistrict, stored.notes) == ("槐树巷", "城东街道", "第一行\n第二行")
    assert stored.extra == {"片区": "老城"}


def test_filing_unlocked_with_a_reason_drops_its_seal(demo_ledger):
    plan, _ = locked_plan(demo_ledger)
    filing = demo_ledger.filing_for(plan.id)
    demo_ledger.save(build(Filing, {**filing.model_dump(), "locked_at": None}), reason="重新整理案卷")
    assert demo_ledger.db.execute("SELECT COUNT(*) FROM seals WHERE plan_id = ?", [plan.id]).fetchone()[0] == 0
    assert examine(demo_ledger.path).ok


# ------------------------------------------------------------------ network folders
def test_a_database_on_a_network_folder_is_warned_about_and_kept_out_of_wal(tmp_path, monkeypatch):
    import core.store.access as access

    monkeypatch.setattr(access, "is_network_path", lambda path: True)
    with Ledger.open(tmp_path / "shared.db") as ledger:
        assert "网络文件夹" in ledger.warnings[0] and "本机" in ledger.warnings[0]
        assert ledger.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_network_mounts_are_recognised():
    from core.paths import is_network_path

    mounts = ("server:/export /mnt/share nfs4 rw 0 0\n//pc/gx /mnt/smb\\040folder cifs rw 0 0\n"
              "/dev/sda1 / ext4 rw 0 0\n")
    assert is_network_path("/mnt/share/x.db", mounts=mounts)
    assert is_network_path("/mnt/smb folder/a/b.db", mounts=mounts)
    assert not is_network_path("/home/clerk/x.db", mounts=mounts)


def test_an_edited_entry_is_named_by_the_write_it_belongs_to(file_ledger):
    alley = file_ledger.add(Alley(code="4501230001", name="槐树巷", subdistrict="城东街道"))
    for phone in ("13800000001", "13800000002", "13800000003"):
        alley = file_ledger.save(alley.model_copy(update={"chief_phone": phone}))
    target = file_ledger.audit(table="alleys", record_id=alley.id)[1]  # the second phone change
    conn = sqlite3.connect(file_ledger.path)
    conn.execute("UPDATE audit_log SET changes = '{}' WHERE id = ?", [target.id])
    conn.commit()
    conn.close()
    report = examine(file_ledger.path)
    (finding,) = [f for f in report.findings if f.check == "audit_chain"]
    assert f"操作日志第 {target.id} 条的内容与校验值不符" in finding.message
