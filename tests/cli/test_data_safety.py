"""Issue 16 on the command line: each numbered finding of the attack on the landed program, as the
clerk (or a script) would meet it, plus restore, doctor and diagnostics."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from core.cli.main import main
from core.store import Ledger
from tests.safety import ROOT, edited_ledger, immutable, other_program

CLI = [sys.executable, "-c", "from core.cli.main import run; run()"]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path, demo_db):
    path = tmp_path / "s.db"
    shutil.copy(demo_db, path)
    return path


def _intact(db: Path, alleys: int = 300) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM alleys").fetchone()[0] == alleys
    finally:
        conn.close()


def _filed_code(db: Path) -> str:
    with Ledger.open(db) as ledger:
        plan = next(p for p in ledger.plans() if (f := ledger.filing_for(p.id)) and f.locked_at)
        return ledger.alley_codes_by_id()[plan.alley_id]


# ------------------------------------------------------------------ 1. no output over a database
@pytest.mark.parametrize("what", ["annual-list", "survey-form", "filing-packet", "rejects", "wal"])
def test_1_nothing_is_written_over_the_database_or_its_side_files(db, tmp_path, capsys, what):
    size = db.stat().st_size
    if what == "annual-list":
        code, _, err = run(capsys, "--db", db, "print", "annual-list", "--year", "2023", db)
    elif what == "survey-form":
        code, _, err = run(capsys, "--db", db, "print", "survey-form", db)
    elif what == "filing-packet":
        code, _, err = run(capsys, "--db", db, "print", "filing-packet", _filed_code(db), db)
    elif what == "rejects":
        run(capsys, "--db", db, "export", "ledger", tmp_path / "l.xlsx")
        code, _, err = run(capsys, "--db", db, "import", tmp_path / "l.xlsx", "--rejects", db)
    else:
        with Ledger.open(db) as ledger:  # a -wal beside the database, as while it is open
            ledger.db.execute("PRAGMA wal_autocheckpoint = 0")
            ledger.note("test", "x")
            assert (tmp_path / "s.db-wal").exists()
            code, _, err = run(capsys, "--db", db, "backup", tmp_path / "s.db-wal", "--overwrite")
            assert (tmp_path / "s.db-wal").exists()
    assert code == 1 and "Traceback" not in err, err
    assert "数据库" in err and "另选一个文件名" in err
    if what != "wal":
        assert db.stat().st_size == size
    _intact(db)


# ------------------------------------------------------------------ 2. one writer
def test_2_an_import_while_another_program_writes_is_refused_naming_it(db, tmp_path, capsys):
    run(capsys, "--db", db, "export", "ledger", tmp_path / "l.xlsx")
    with other_program(db, user="李四"):
        code, _, err = run(capsys, "--db", db, "import", tmp_path / "l.xlsx")
        assert code == 1 and "李四" in err and "同一时间只能有一处修改" in err
        code, out, _ = run(capsys, "--db", db, "list", "alleys", "--json")  # reading is not affected
        assert code == 0 and len(json.loads(out)["alleys"]) == 300


def test_2_two_imports_started_together_never_both_write(db, tmp_path, capsys):
    """The attack: two imports started 1–2 s apart both reported success and the second reverted the
    first. Now one is the writer and the other is refused (or waits its turn, never reverting)."""
    run(capsys, "--db", db, "export", "ledger", tmp_path / "l.xlsx")
    edited_ledger(tmp_path / "l.xlsx", tmp_path / "first.xlsx", {"街巷长": "新街巷长"})
    edited_ledger(tmp_path / "l.xlsx", tmp_path / "second.xlsx", {}, drop="街巷长")  # no 街巷长 column at all
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([*CLI, "--db", str(db), "import", str(tmp_path / "first.xlsx")], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    second = subprocess.run([*CLI, "--db", str(db), "import", str(tmp_path / "second.xlsx")], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    first.communicate(timeout=120)
    with Ledger.open(db) as ledger:
        assert {a.chief for a in ledger.alleys()} == {"新街巷长"}, "the first import's change stands"
        changed_chief = [e for e in ledger.audit(table="alleys") if "chief" in e.changes
                         and "second.xlsx" in e.source]
        assert changed_chief == [], "a file without a 街巷长 column never changes 街巷长"
    assert second.returncode in (0, 1) and "Traceback" not in second.stderr


# ------------------------------------------------------------------ 3. restore
def test_3_restore_puts_a_backup_back_and_keeps_the_current_one(db, tmp_path, capsys):
    run(capsys, "--db", db, "backup", tmp_path / "b.db")
    with Ledger.open(db) as ledger:
        alley = ledger.alleys()[0]
        ledger.save(alley.model_copy(update={"chief": "恢复前的值"}))
    code, out, err = run(capsys, "--db", db, "restore", tmp_path / "b.db", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["restored_from"] == str(tmp_path / "b.db") and document["counts"]["alleys"] == 300
    previous = Path(document["previous"])
    assert previous.parent == tmp_path / "备份" and "恢复前" in previous.name
    with Ledger.open(db) as ledger:
        assert ledger.alley(alley.code).chief == alley.chief
        assert ledger.audit(limit=1)[0].action == "restore"
    with Ledger.open(previous) as kept:
        assert kept.alley(alley.code).chief == "恢复前的值"
    assert not (tmp_path / "s.db-wal").exists() or (tmp_path / "s.db-wal").stat().st_size == 0
    assert run(capsys, "--db", db, "doctor")[0] == 0


def test_3_restore_refuses_a_newer_or_damaged_backup_and_changes_nothing(db, tmp_path, capsys):
    from core.store.schema import LATEST

    run(capsys, "--db", db, "backup", tmp_path / "b.db")
    newer = tmp_path / "newer.db"
    shutil.copy(tmp_path / "b.db", newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", db, "restore", newer)
    assert code == 1 and "新版程序" in err
    damaged = tmp_path / "damaged.db"
    data = bytearray((tmp_path / "b.db").read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\x00" * 4096
    damaged.write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", db, "restore", damaged)
    assert code == 1 and "损坏" in err and "Traceback" not in err
    assert db.read_bytes() == before
    with other_program(db):
        code, _, err = run(capsys, "--db", db, "restore", tmp_path / "b.db")
        assert code == 1 and "请先关闭那边的程序" in err


# ------------------------------------------------------------------ 5. a read-only database
@pytest.fixture
def read_only_db(db):
    if not immutable(db):
        pytest.skip("chattr +i is not available here")
    yield db
    immutable(db, on=False)


def test_5_a_read_only_database_is_read_and_refused_for_writing_without_spinning(read_only_db, tmp_path):
    db = read_only_db
    run_cli = lambda *argv: subprocess.run([*CLI, "--db", str(db), *map(str, argv)], cwd=ROOT, capture_output=True,  # noqa: E731
                                           text=True, timeout=60)
    started = time.monotonic()
    backup = run_cli("backup", tmp_path / "b.db")
    assert backup.returncode == 0, backup.stderr
    assert not list(tmp_path.glob("*.part"))
    from tests.rules.helpers import holiday_year_2030

    days, names = holiday_year_2030()
    (tmp_path / "holidays.csv").write_text("日期,类型,名称\n" + "".join(
        f"{d},{'班' if w else '休'},{names[d]}\n" for d, w in days.items()), encoding="utf-8")
    for argv in (["import", tmp_path / "b.db"], ["init", "--county", "示例县"],
                 ["workdays", "load", tmp_path / "holidays.csv"]):
        result = run_cli(*argv)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (argv, result.stderr)
        assert "只读" in result.stderr or "不是" in result.stderr, (argv, result.stderr)
    assert time.monotonic() - started < 40, "nothing spins"
    listed = run_cli("list", "alleys", "--json")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)["alleys"]) == 300


# ------------------------------------------------------------------ 8. tracebacks and wrong messages
def test_8_a_full_disk_while_printing_is_said_as_such(db, tmp_path, capsys, monkeypatch):
    import core.printing.annual_list as annual_list

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(annual_list, "render_annual_list", full)
    code, _, err = run(capsys, "--db", db, "print", "annual-list", "--year", "2023", tmp_path / "a.pdf")
    assert code == 1 and "磁盘空间不足" in err and "Traceback" not in err


def test_8_a_full_disk_during_the_demo_undoes_it_and_says_so(tmp_path):
    from core.demo import make_demo
    from core.errors import StoreError

    with Ledger.open(tmp_path / "small.db") as ledger:
        ledger.db.execute("PRAGMA max_page_count = 120")  # what SQLite says on a full disk
        with pytest.raises(StoreError, match="磁盘空间不足"):
            make_demo(ledger, alleys=300, seed=1)
        assert ledger.counts()["alleys"] == 0


def test_8_damaged_bytes_name_the_damage_and_the_latest_good_backup(db, tmp_path, capsys):
    run(capsys, "--db", db, "backup", tmp_path / "备份" / "s-备份-20260101-090000.db")
    data = bytearray(db.read_bytes())
    with Ledger.open(db) as ledger:
        name = ledger.alleys()[0].name.encode("utf-8")
    at = data.find(name)
    assert at > 0
    while at >= 0:  # every copy (the table, its index): a cell SQLite hands over as it is
        data[at:at + 2] = b"\xff\xfe"
        at = data.find(name, at + 1)
    db.write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", db, "list", "alleys")
    assert code == 1 and "Traceback" not in err and "UTF-8" not in err.split("（")[0]
    assert "已损坏" in err and "s-备份-20260101-090000.db" in err and "restore" in err


def test_8_a_backup_folder_that_is_a_file_and_a_read_only_folder_are_named(db, tmp_path, capsys):
    run(capsys, "--db", db, "export", "ledger", tmp_path / "l.xlsx")
    edited_ledger(tmp_path / "l.xlsx", tmp_path / "l.xlsx", {"街巷长": "新街巷长"})  # an import that writes
    for name in ("备份", "backups"):
        (tmp_path / name).write_text("not a folder")
    code, _, err = run(capsys, "--db", db, "import", tmp_path / "l.xlsx")
    assert code == 1 and "Traceback" not in err and "是一个文件，不是文件夹" in err
    folder = tmp_path / "只读"
    folder.mkdir()
    if immutable(folder):
        try:
            code, _, err = run(capsys, "--db", db, "backup", folder / "b.db")
            assert code == 1 and "只读" in err and "Traceback" not in err
        finally:
            immutable(folder, on=False)


def test_8_an_empty_file_is_not_mistaken_for_a_missing_one(tmp_path, capsys):
    (tmp_path / "zero.db").write_bytes(b"")
    code, _, err = run(capsys, "--db", tmp_path / "zero.db", "list", "alleys")
    assert code == 1 and "0 字节" in err and "找不到" not in err
    code, _, err = run(capsys, "--db", tmp_path / "zero.db", "import", tmp_path / "zero.db")
    assert code == 1 and "Traceback" not in err


def test_8_a_date_of_9999_stored_before_names_its_record_in_check(db, capsys):
    conn = sqlite3.connect(db)
    problem_id = conn.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    conn.execute("UPDATE problems SET reported_on = '9999-12-30', assigned_on = '9999-12-30' WHERE id = ?",
                 [problem_id])
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", db, "check")
    assert code == 1 and f"编号 {problem_id}" in err and "9999-12-30" in err and "1900 年至 2100 年" in err


def test_8_money_beyond_reason_in_an_import_is_left_out_with_the_right_cause(db, tmp_path, capsys):
    run(capsys, "--db", db, "export", "ledger", tmp_path / "l.xlsx")
    edited_ledger(tmp_path / "l.xlsx", tmp_path / "l.xlsx", {"总投资(万元)": 1e15})
    code, out, err = run(capsys, "--db", db, "import", tmp_path / "l.xlsx", "--json")
    document = json.loads(out)
    assert code == 1 and "Traceback" not in err and "日期" not in err
    money = [w for w in document["warnings"] if w["column"] == "总投资(万元)" and "太大" in w["reason"]]
    assert money and "单位" in money[0]["reason"]


def test_8_nul_in_a_stored_cell_still_exports_a_csv_our_import_reads(db, tmp_path, capsys):
    conn = sqlite3.connect(db)  # as stored before texts were cleaned on the way in
    conn.execute("UPDATE alleys SET notes = 'a' || char(0) || 'b', chief = char(8203) || '=1+1' "
                 "WHERE id = (SELECT MIN(id) FROM alleys)")
    conn.commit()
    conn.close()
    assert run(capsys, "--db", db, "export", "ledger", tmp_path / "l.csv")[0] == 0
    text = (tmp_path / "l.csv").read_text(encoding="utf-8-sig")
    assert "\x00" not in text and ",'=1+1," in text
    code, _, err = run(capsys, "--db", tmp_path / "new.db", "import", tmp_path / "l.csv")
    assert code in (0, 1) and "Traceback" not in err
    with Ledger.open(tmp_path / "new.db") as ledger:
        assert ledger.counts()["alleys"] == 300


def test_8_the_csv_guard_sees_through_invisible_characters():
    from core.exchange.values import guarded

    assert [guarded(t) for t in ("\x00=1+1", "\u200b=cmd|' /C calc'!A0", "\ufeff@SUM(1)", "普通")] == [
        "'=1+1", "'=cmd|' /C calc'!A0", "'@SUM(1)", "普通"]


# ------------------------------------------------------------------ 9. backups
def test_9_backups_of_each_kind_keep_the_newest_even_within_one_second(db, tmp_path):
    from datetime import datetime

    from core.backups import backup_to_folder, backups_in

    folder = tmp_path / "备份"
    moment = datetime(2026, 9, 26, 14, 3, 12)
    with Ledger.open(db) as ledger:
        made = [backup_to_folder(ledger, folder, keep=2, now=moment)["path"] for _ in range(3)]
    kept = [str(p) for p in backups_in(folder, "s")]
    assert kept == made[1:], "the two newest stay: -2 and -3, not the first"


def test_9_the_backup_before_an_import_is_pruned_and_skipped_when_nothing_changed(db, tmp_path):
    from core.backups import backup_before_import, backups_in

    folder = tmp_path / "备份"
    with Ledger.open(db) as ledger:
        first = backup_before_import(ledger, folder, keep=3)
        assert backup_before_import(ledger, folder, keep=3) == first, "identical: not taken again"
        for n in range(5):
            alley = ledger.alleys()[n]
            ledger.save(alley.model_copy(update={"notes": f"第{n}次"}))
            backup_before_import(ledger, folder, keep=3)
    assert len(backups_in(folder, "s", "导入前")) == 3


def test_9_leftovers_of_a_killed_backup_are_removed_at_the_next_start(db, tmp_path):
    folder = tmp_path / "备份"
    folder.mkdir()
    leftover = folder / "s-导入前-20260101-090000.db.part"
    leftover.write_bytes(b"\0" * 1024)
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    fresh = folder / "s-备份-20260101-090001.db.part"  # another program writing one now: left alone
    fresh.write_bytes(b"\0")
    with Ledger.open(db, mode="write"):
        pass
    assert not leftover.exists() and fresh.exists()


def test_9_a_backup_checks_the_free_space_first_and_hashes_without_reading_it_whole(db, tmp_path, monkeypatch):
    import shutil as shutil_module
    import tracemalloc
    from collections import namedtuple

    with Ledger.open(db) as ledger:
        ledger.add_attachment(os.urandom(8 * 1024 * 1024), "扫描件.pdf")
        tracemalloc.start()
        ledger.backup(tmp_path / "b.db")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak < 4 * 1024 * 1024, f"{peak / 1e6:.1f} MB in Python while backing up"
        usage = namedtuple("usage", "total used free")
        monkeypatch.setattr(shutil_module, "disk_usage", lambda _: usage(10**9, 10**9, 1024 * 1024))
        from core.errors import LedgerError

        with pytest.raises(LedgerError, match="磁盘空间不足"):
            ledger.backup(tmp_path / "c.db")
    assert not (tmp_path / "c.db").exists() and not (tmp_path / "c.db.part").exists()


def test_9_a_backup_while_another_program_holds_sqlites_write_lock_stands(db, tmp_path, capsys):
    other = sqlite3.connect(db, timeout=0)  # a database tool in the middle of a write
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        code, out, err = run(capsys, "--db", db, "backup", tmp_path / "b.db", "--json")
        assert code == 0, err
        assert json.loads(out)["noted"] is False and (tmp_path / "b.db").exists()
        assert time.monotonic() - started < 5
    finally:
        other.rollback()
        other.close()


# ------------------------------------------------------------------ 10. the demo never in the clerk's database
def test_10_scripts_run_without_a_screen_leaves_the_clerks_database_alone(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                                                              "ALLEY_LEDGER_DB")}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([str(ROOT / "scripts" / "run")], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode in (0, 3), result.stderr
    assert not (tmp_path / "data" / "alley-ledger" / "alley-ledger.db").exists()
    assert (tmp_path / "data" / "alley-ledger" / "演示数据.db").exists()
    assert "不会进入您的数据库" in result.stderr


# ------------------------------------------------------------------ doctor and diagnostics
def test_doctor_reports_a_sound_database_and_tampering(db, capsys):
    code, out, _ = run(capsys, "--db", db, "doctor", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["checked"]["audit_chain"] > 0 and report["checked"]["seals"] > 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE audit_log SET who = '别人' WHERE id = 10")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", db, "doctor")
    assert code == 3
    import re

    first, last = map(int, re.search(r"操作日志第 (\d+)(?:–(\d+))? 条", out).groups(default="0"))
    assert first <= 10 <= max(first, last), "the write that holds entry 10 is named"


def test_diagnostics_pack_the_log_and_the_check_but_not_the_data_unless_asked(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ALLEY_LEDGER_LOG", str(tmp_path / "alley-ledger.log"))
    (tmp_path / "alley-ledger.log").write_text("==== 2026-01-01 bug\nTraceback …\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "diagnostics", tmp_path / "d.zip")
    assert code == 0, err
    names = zipfile.ZipFile(tmp_path / "d.zip").namelist()
    assert {"版本.json", "数据库.json", "检查结果.txt", "alley-ledger.log"} <= set(names)
    assert not any(n.startswith("数据/") for n in names)
    assert run(capsys, "--db", db, "diagnostics", tmp_path / "e.zip", "--include-data")[0] == 0
    assert "数据/s.db" in zipfile.ZipFile(tmp_path / "e.zip").namelist()
    code, _, err = run(capsys, "--db", db, "diagnostics", db)
    assert code == 1 and "另选一个文件名" in err
