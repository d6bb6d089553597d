"""SQLite's and the system's errors as the clerk's causes (磁盘已满、只读、文件损坏 …).

SQLite reports a full disk, a read-only file and a damaged file each with an English sentence (and
a damaged text column as "Could not decode to UTF-8"); the clerk needs the cause, the file and what
to do, in Chinese.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from core.errors import StoreError, os_cause


class DiskFull(StoreError):
    """The disk holding the database (or the file being written) is full."""


class DamagedDatabase(StoreError):
    """The database file is damaged; the message names the latest good backup where there is one."""

    def __init__(self, message: str, backup: Path | None = None):
        self.backup = backup
        super().__init__(message)


class ReadOnlyDatabase(StoreError):
    """The database cannot be written: a read-only file or folder, another program writing, or a
    file that was replaced or deleted while open."""


_FULL = ("database or disk is full", "disk is full")
_READ_ONLY = ("attempt to write a readonly database", "readonly database")
_DAMAGED = ("database disk image is malformed", "file is not a database", "could not decode to utf-8",
            "malformed database schema", "file is encrypted")


def explain(error: BaseException, db: Path | str | None, *, backup_folder: Path | None = None) -> StoreError | None:
    """The clerk's version of ``error`` about database ``db``, or None when it is not one of the
    causes a clerk can act on (a bug)."""
    name = f"「{Path(db).name}」" if db else ""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull(f"数据库{name}无法写入，刚才的修改已全部撤销：{os_cause(error)}")
        if error.errno == errno.EROFS:
            return ReadOnlyDatabase(f"数据库{name}不能修改：{os_cause(error)}")
        return None
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error).lower()
    if any(word in text for word in _FULL):
        full = os_cause(OSError(errno.ENOSPC, text))
        return DiskFull(f"数据库{name}无法写入，刚才的修改已全部撤销：{full}（也可删除旧备份）")
    if any(word in text for word in _READ_ONLY):
        return ReadOnlyDatabase(f"数据库文件{name}或它所在的文件夹是只读的，不能修改；"
                                "请去掉文件的只读属性，或把它复制到可以写入的文件夹后再打开")
    if any(word in text for word in _DAMAGED):
        return damaged(db, str(error), backup_folder=backup_folder)
    if "disk i/o error" in text:
        return StoreError(f"读写数据库{name}时磁盘出错（U 盘被拔出、网络断开或磁盘故障）；刚才的修改已撤销，请检查后重试")
    if "database is locked" in text or "database is busy" in text:
        return ReadOnlyDatabase(f"数据库{name}正被其他程序写入，请稍后再试")
    if "unable to open database" in text:
        return StoreError(f"无法打开数据库{name}：文件或它所在的文件夹不存在、不能访问，或磁盘已断开")
    return None


def damaged(db: Path | str | None, detail: str = "", *, backup_folder: Path | None = None) -> DamagedDatabase:
    """The message for a damaged database, offering the newest backup that is itself intact."""
    from core.backups import latest_good_backup

    name = f"「{Path(db).name}」" if db else ""
    good = latest_good_backup(Path(db), backup_folder) if db else None
    advice = (f"最近一份完好的备份是「{good}」，可用 文件 → 从备份恢复（命令行：alley-ledger restore \"{good}\"）恢复"
              if good else "没有找到完好的备份；请不要再写入这个文件，把它复制一份后联系技术人员")
    return DamagedDatabase(f"数据库文件{name}已损坏，无法读取（{detail}）。{advice}", good)


__all__ = ["DamagedDatabase", "DiskFull", "ReadOnlyDatabase", "damaged", "explain"]
