"""Restoring a backup (从备份恢复, ``alley-ledger restore BACKUP``).

Copying a backup over the database by hand, while a program has it open or with the old ``-wal``
file still beside it, damages the new file for good: SQLite applies the old file's pending changes
to it. Restoring here goes step by step, and stops with nothing changed at any step that fails:

1. the backup is checked: a database of this program, not from a newer version, intact;
2. this program becomes the database's one writer (refused, naming who, while another writes);
3. the current database is itself backed up (恢复前) into the backup folder — or, when it is too
   damaged to open, copied as it is — so a restore can always be undone;
4. the backup is copied through SQLite beside the database as ``….part`` and checked;
5. the database is closed and emptied of its ``-wal``, the copy renamed over it, the ``-wal`` and
   ``-shm`` gone;
6. it is opened (an older backup is upgraded then) and the restore written in its audit log.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core import outputs
from core.backups import DEFAULT_KEEP, backup_to_folder, check_space, default_backup_folder, ensure_folder, target_in
from core.errors import LedgerError, StoreError, checker
from core.outputs import write_failure
from core.paths import sqlite_uri
from core.store import locking
from core.store.backup import sqlite_copy
from core.store.failures import explain
from core.store.ledger import APPLICATION_ID
from core.store.schema import LATEST


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, as far as a restore needs to know."""

    path: Path
    schema_version: int
    county: str
    alleys: int


def check_backup(path: Path | str) -> BackupInfo:
    """The backup at ``path`` if it can be restored; refused in Chinese when it is missing, not a
    ledger database, from a newer program, or damaged."""
    path = Path(path)
    if not path.is_file():
        raise LedgerError(f"找不到备份文件「{path}」")
    if not outputs.is_database(path):
        raise LedgerError(f"「{path.name}」不是巷账的备份文件（不是数据库）")
    try:
        # sqlite3 itself, as the doctor reads: a file that may not be ours, read-only, a few SELECTs.
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    except sqlite3.Error as error:
        raise LedgerError(f"无法打开备份文件「{path.name}」：{error}") from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID or not {"alleys", "audit_log"} <= tables:
            raise LedgerError(f"「{path.name}」不是巷账的备份文件（其中的表不是本程序建立的）")
        if version > LATEST:
            raise LedgerError(f"备份「{path.name}」来自新版程序（结构版本 {version}，本程序支持到 {LATEST}），"
                              "不能在本程序中恢复；请先升级程序")
        check = conn.execute("PRAGMA integrity_check(5)").fetchall()
        if [r[0] for r in check] != ["ok"]:
            raise LedgerError(f"备份文件「{path.name}」已损坏（{check[0][0]}），不能用来恢复；请换一份备份")
        county = conn.execute("SELECT name FROM county WHERE id = 1").fetchone() if "county" in tables else None
        alleys = conn.execute("SELECT COUNT(*) FROM alleys").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise LedgerError(f"备份文件「{path.name}」已损坏，不能用来恢复（{error}）") from None
    finally:
        conn.close()
    return BackupInfo(path, version, county[0] if county else "", alleys)


def restore(db: Path | str, backup: Path | str, *, backup_folder: Path | None = None, keep: int = DEFAULT_KEEP,
            user: str | None = None, progress: Callable[[int, str], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Put the backup at ``backup`` in place of the database at ``db`` (see the module's steps).

    Returns ``db``, ``restored_from``, ``previous`` (where the database as it was went, or None
    when there was none), ``schema_version`` and ``counts``.
    """
    from core.store.ledger import Ledger

    db, backup = Path(db), Path(backup)
    step = checker(progress, cancel, "恢复已取消，数据库没有改动")
    step(0, "检查备份文件")
    if db.exists() and backup.exists() and db.resolve() == backup.resolve():
        raise LedgerError("备份文件就是要恢复的数据库本身")
    if outputs.held(db):
        raise LedgerError(f"数据库「{db.name}」还在本程序中打开着，请先关闭它再恢复")
    outputs.check_output(db, may_replace_database=True)
    info = check_backup(backup)
    with outputs.holding(backup):
        try:
            locking.acquire(db, program="巷账（恢复备份）")
        except locking.HeldElsewhere as error:
            raise StoreError(f"{error.message.split('；')[0]}；请先关闭那边的程序再恢复") from None
        try:
            folder = ensure_folder(backup_folder or default_backup_folder(db))
            step(10, "备份当前数据库")
            previous = _save_current(db, folder, keep, user)
            step(45, "复制备份")
            tmp = db.with_name(db.name + ".restore.part")
            check_space(db.parent, info.path.stat().st_size + 8 * 1024 * 1024)
            _copy(info.path, tmp, db)
            step(80, "替换数据库")
            try:
                for suffix in ("-wal", "-shm", "-journal"):
                    db.with_name(db.name + suffix).unlink(missing_ok=True)
                tmp.replace(db)
            except OSError as error:
                tmp.unlink(missing_ok=True)
                raise write_failure(db, error) from None
            step(90, "打开恢复后的数据库")
            with Ledger.open(db, user=user, mode="write") as ledger:
                ledger.note("restore", f"从备份 {info.path.name} 恢复" + (f"；恢复前的数据库已备份到 {previous}" if previous else ""),
                            source=str(info.path))
                result = {"db": str(db), "restored_from": str(info.path), "previous": str(previous) if previous else None,
                          "schema_version": ledger.schema_version, "counts": ledger.counts()}
        finally:
            locking.release(db)
    step(100, "完成")
    return result


def _save_current(db: Path, folder: Path, keep: int, user: str | None) -> Path | None:
    """Back up the database being replaced; a damaged one is copied as it is (with its -wal)."""
    from core.store.ledger import Ledger

    if not db.exists() or db.stat().st_size == 0:
        return None
    try:
        with Ledger.open(db, user=user, mode="write", create=False) as ledger:
            result = backup_to_folder(ledger, folder, keep=keep, kind="恢复前")
            ledger.checkpoint()
        return Path(result["path"])
    except LedgerError as error:
        if "磁盘空间不足" in error.message or "备份文件夹" in error.message:
            raise
    target = target_in(folder, db.stem, "恢复前", datetime.now())
    try:
        shutil.copy2(db, target)
        wal = db.with_name(db.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
    except OSError as error:
        raise write_failure(target, error) from None
    return target


def _copy(source: Path, tmp: Path, db: Path) -> None:
    """Copy the backup through SQLite to ``tmp`` (rollback journal, checked)."""
    with contextlib.suppress(OSError):
        tmp.unlink()
    try:
        ok = sqlite_copy(source, tmp, check=True) == "ok"
    except (sqlite3.Error, OSError) as error:
        tmp.unlink(missing_ok=True)
        raise (explain(error, db) or StoreError(f"复制备份失败：{error}")) from None
    if not ok:
        tmp.unlink(missing_ok=True)
        raise StoreError("复制出的数据库校验失败，没有恢复；请换一份备份")


__all__ = ["BackupInfo", "check_backup", "restore"]
