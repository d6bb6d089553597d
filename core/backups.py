"""Backups into one folder (备份文件夹), kept to the newest N of each kind.

Every backup the program makes — 立即备份, the backup before each import, the backup before a
restore — goes to one folder: the one 设置 shows (the clerk's choice, else 备份 beside the
database). Each kind keeps its newest N; the oldest go. A backup is written as ``….part`` and
renamed when complete; a ``.part`` left by a crash is removed at the next start. Before copying,
the free space is checked, and a backup before an import is skipped when the newest backup is
already identical to the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import LedgerError, os_cause
from core.paths import sqlite_uri

if TYPE_CHECKING:
    from core.store import Ledger

STAMP = "%Y%m%d-%H%M%S"
FOLDER_NAME = "备份"
KINDS = ("备份", "导入前", "恢复前")
"""立即备份 (and the program's own), before an import, before a restore."""
DEFAULT_KEEP = 10
STALE_PART_SECONDS = 600
"""A ``.part`` untouched this long is a leftover (a backup being written grows it every moment)."""
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>备份|导入前|恢复前)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.db$")


def default_backup_folder(db_path: Path | str) -> Path:
    """Where backups of the database at ``db_path`` go unless the clerk chose a folder in 设置: the
    one folder for 立即备份 and the backup before every import, beside the database."""
    return Path(db_path).resolve().parent / FOLDER_NAME


def _sort_key(path: Path) -> tuple[str, int, str]:
    match = _NAME.match(path.name)
    if match is None:
        return ("", 0, path.name)
    return (match["stamp"], int(match["n"] or 1), path.name)


def backups_in(folder: Path, stem: str, kind: str | None = "备份") -> list[Path]:
    """The backups of database ``stem`` in ``folder`` of one ``kind`` (None: every kind), oldest
    first by the time in their names (two in one second: ``-2`` after the first)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{glob_escape(stem)}-*.db"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem and (kind is None or match["kind"] == kind) and path.is_file():
            found.append(path)
    return sorted(found, key=_sort_key)


def glob_escape(text: str) -> str:
    """``text`` with glob's special characters taken literally."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def target_in(folder: Path, stem: str, kind: str, now: datetime | None = None) -> Path:
    """A new backup's file name in ``folder``: ``NAME-KIND-YYYYmmdd-HHMMSS.db`` (``-2`` … when
    another backup was taken in the same second)."""
    stamp = (now or datetime.now()).strftime(STAMP)
    target = folder / f"{stem}-{kind}-{stamp}.db"
    n = 1
    while target.exists() or target.with_name(target.name + ".part").exists():
        n += 1
        target = folder / f"{stem}-{kind}-{stamp}-{n}.db"
    return target


def prune(folder: Path, stem: str, kind: str, keep: int) -> list[Path]:
    """Delete the oldest backups of ``kind`` beyond the newest ``keep``; returns those deleted."""
    old = backups_in(folder, stem, kind)
    removed = old[:-keep] if len(old) > keep else []
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def ensure_folder(folder: Path) -> Path:
    """The backup folder, created if missing; refused in Chinese when it cannot be."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise LedgerError(f"备份文件夹「{folder}」是一个文件，不是文件夹；请在设置中另选备份文件夹，或删除、改名这个文件")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise LedgerError(f"备份文件夹「{folder}」的上一级中有同名的文件，无法建立文件夹") from None
    except OSError as error:
        raise LedgerError(f"无法建立备份文件夹「{folder}」：{os_cause(error)}") from None
    return folder


def check_space(folder: Path, needed: int) -> None:
    """Refuse, before copying, a backup the disk has no room for."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError:
        return
    if free < needed:
        raise LedgerError(f"磁盘空间不足，无法备份：需要约 {needed / 1024 / 1024:.0f} MB，"
                          f"「{probe}」所在的磁盘只剩 {free / 1024 / 1024:.0f} MB；请清理磁盘或换一个备份文件夹")


def space_needed(db_path: Path) -> int:
    """Room a backup of ``db_path`` takes, with a margin: the file and its pending ``-wal``."""
    size = 0
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return int(size * 1.05) + 8 * 1024 * 1024


def clean_parts(folder: Path, *, older_than: float = STALE_PART_SECONDS) -> list[Path]:
    """Remove ``.part`` files a crash left in ``folder`` (none that may still be being written)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    removed = []
    limit = time.time() - older_than
    for path in folder.glob("*.part"):
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read a block at a time (a 700 MB database never sits in memory)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def backup_to_folder(ledger: Ledger, folder: Path, *, keep: int = DEFAULT_KEEP, kind: str = "备份",
                     now: datetime | None = None, progress: Callable[[int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Copy the database (attachments included, integrity-checked) to ``folder`` as
    ``NAME-KIND-YYYYmmdd-HHMMSS.db``, then delete the oldest backups of that kind beyond ``keep``.

    Returns what :meth:`Ledger.backup` returns plus ``removed`` (the old backups deleted).
    """
    if keep < 1:
        raise LedgerError("至少要保留 1 份备份")
    if ledger.path is None:
        raise LedgerError("内存中的数据库不能备份到文件夹")
    stem = Path(ledger.path).stem
    folder = ensure_folder(Path(folder))
    check_space(folder, space_needed(Path(ledger.path)))
    result = ledger.backup(target_in(folder, stem, kind, now), progress=progress, cancel=cancel)
    removed = prune(folder, stem, kind, keep)
    return {**result, "removed": [str(p) for p in removed]}


def backup_before_import(ledger: Ledger, folder: Path | None = None, *, keep: int = DEFAULT_KEEP) -> str:
    """The backup an import takes before it writes, in the one backup folder (``folder``, else the
    default beside the database); returns its path.

    Skipped (the path of the existing one returned) when the newest backup the program made is
    still identical to the database: nothing was written since. Four imports of one file used
    to leave four identical copies of a 130 MB database.
    """
    if folder is None:
        if ledger.path is None:
            raise LedgerError("内存中的数据库没有备份文件夹")
        folder = default_backup_folder(ledger.path)
    folder = Path(folder)
    same = identical_backup(ledger)
    if same is not None and same.parent.resolve() == folder.resolve():  # in the one folder 设置 shows
        return str(same)
    return backup_to_folder(ledger, folder, keep=keep, kind="导入前")["path"]


def identical_backup(ledger: Ledger) -> Path | None:
    """The newest backup the program made, when nothing was written to the database since it was
    taken and the file is still as it was written; else None."""
    text = ledger.meta_value("last_backup")
    if text is None:
        return None
    try:
        last = json.loads(text)
        path = Path(last["path"])
        stat = path.stat()
    except (ValueError, KeyError, TypeError, OSError):
        return None
    if (stat.st_size, stat.st_mtime_ns) != (last["bytes"], last["mtime_ns"]):
        return None
    return path if ledger.audit_head() == last["audit_id"] else None


def latest_good_backup(db_path: Path, folder: Path | None = None) -> Path | None:
    """The newest backup of ``db_path`` (any kind, in ``folder`` or the default folder) that opens
    and passes SQLite's quick check; None when there is none."""
    stem = Path(db_path).stem
    candidates: list[Path] = []
    for place in {folder, default_backup_folder(db_path), Path(db_path).resolve().parent / "backups"}:
        if place is not None:
            candidates += backups_in(place, stem, None)
    for path in sorted(candidates, key=_sort_key, reverse=True):
        if backup_is_sound(path):
            return path
    return None


def backup_is_sound(path: Path) -> bool:
    """Whether the file at ``path`` is a database SQLite reads without finding damage."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


__all__ = ["DEFAULT_KEEP", "FOLDER_NAME", "KINDS", "backup_before_import", "backup_is_sound", "backup_to_folder",
           "backups_in", "check_space", "clean_parts", "default_backup_folder", "ensure_folder", "file_sha256",
           "identical_backup", "latest_good_backup", "prune", "space_needed", "target_in"]
