"""Copying the open database to a backup file (备份), safely.

The target is checked like every output (never over a database in use or a side file, never a
folder), the disk is asked for room first, the copy is written as ``….part`` through SQLite's
online backup (the ``-wal`` file's changes included), checked, renamed into place, and hashed a
block at a time. The backup's line in the audit log comes after the file is complete: when it
cannot be written (the database is read-only here, or another program writes), the backup still
stands and says so.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.backups import check_space, ensure_folder, file_sha256, space_needed
from core.errors import Cancelled, LedgerError, StoreError
from core.outputs import check_output, write_failure
from core.paths import sqlite_uri
from core.store import locking
from core.store.failures import explain

if TYPE_CHECKING:
    from core.store.ledger import Ledger


def copy_database(ledger: Ledger, out: Path, *, overwrite: bool = False,
                  progress: Callable[[int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Copy ``ledger``'s database to ``out``; returns path, bytes, sha256, schema_version, counts
    and ``noted`` (whether the audit log records it)."""
    check_output(out, may_replace_database=True)
    if out.exists() and not overwrite:
        raise LedgerError(f"备份文件「{out}」已存在；请换一个文件名")
    if out.exists() and locking.holder_of(out) is not None:
        raise LedgerError(f"「{out}」是另一个程序正在使用的数据库，不能用备份覆盖它")
    ensure_folder(out.parent)
    if ledger.path is not None:
        check_space(out.parent, space_needed(Path(ledger.path)))
    tmp = out.with_name(out.name + ".part")
    try:
        open(tmp, "wb").close()  # a read-only folder or a full disk: said now, in the clerk's words
        target = sqlite3.connect(str(tmp))
    except OSError as error:
        raise write_failure(out, error) from None
    except sqlite3.Error as error:
        tmp.unlink(missing_ok=True)
        raise write_failure(out, OSError(str(error))) from None

    def step(status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled("备份已取消，没有生成备份文件")
        if progress is not None and total:
            progress(int(90 * (total - remaining) / total), "正在复制数据库")

    try:
        ledger.db.conn.backup(target, pages=1024, progress=step)
        target.execute("PRAGMA journal_mode = DELETE")
        if progress is not None:
            progress(90, "正在校验备份文件")
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
    except (sqlite3.Error, Cancelled, OSError) as error:
        target.close()
        tmp.unlink(missing_ok=True)
        if isinstance(error, Cancelled):
            raise
        known = explain(error, out)
        raise (known or StoreError(f"备份失败：{error}")) from None
    target.close()
    if check != "ok":
        tmp.unlink(missing_ok=True)
        raise StoreError(f"备份文件校验失败：{check}")
    try:
        tmp.replace(out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise write_failure(out, error) from None
    digest = file_sha256(out)
    noted = _note(ledger, out, digest)
    if progress is not None:
        progress(100, "完成")
    return {"path": str(out), "bytes": out.stat().st_size, "sha256": digest,
            "schema_version": ledger.schema_version, "counts": ledger.counts(), "noted": noted}


def _note(ledger: Ledger, out: Path, digest: str) -> bool:
    """Record the backup in the audit log, and which backup is identical to the database now."""
    conn = ledger.db.conn
    # A program that holds SQLite's write lock (not ours) would keep the note waiting 10 s; the
    # backup is complete, so the note waits a moment only and is given up.
    conn.execute("PRAGMA busy_timeout = 500")
    with contextlib.suppress(LedgerError), _busy_timeout_back(conn):
        with ledger.transaction():
            ledger.note("backup", f"备份到 {out}", source=digest)
            stat = out.stat()
            ledger.db.table("meta").insert({"key": "last_backup", "value": json.dumps(
                {"path": str(out.resolve()), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                 "sha256": digest, "audit_id": ledger.audit_head()})}, replace=True)
        return True
    return False


def sqlite_copy(source: sqlite3.Connection | Path, target: Path, *, check: bool = False) -> str:
    """Copy a database whole into a new file at ``target`` through SQLite's online backup — what
    its ``-wal`` still holds included — with a rollback journal, so the file alone is the database.
    ``source`` is an open connection or a database file (read, never written). With ``check``,
    returns SQLite's integrity check of the copy ("ok" when sound). Raises sqlite3.Error or
    OSError; the caller removes ``target`` then."""
    own = sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True) if isinstance(source, Path) else None
    copy = sqlite3.connect(str(target))
    try:
        (own or source).backup(copy)  # type: ignore[union-attr]
        copy.execute("PRAGMA journal_mode = DELETE")
        return copy.execute("PRAGMA integrity_check").fetchone()[0] if check else "ok"
    finally:
        copy.close()
        if own is not None:
            own.close()


@contextlib.contextmanager
def _busy_timeout_back(conn: sqlite3.Connection) -> Any:
    try:
        yield
    finally:
        conn.execute("PRAGMA busy_timeout = 10000")


__all__ = ["copy_database", "sqlite_copy"]
