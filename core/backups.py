"""Backups into a folder, keeping the newest N: what the program's 立即备份 does (and later the
automatic backups of the data-safety work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import LedgerError

STAMP = "%Y%m%d-%H%M%S"
FOLDER_NAME = "备份"


def default_backup_folder(db_path: Path | str) -> Path:
    """Where backups of the database at ``db_path`` go unless the clerk chose a folder in 设置: the
    one folder for 立即备份 and the backup before every import, beside the database."""
    return Path(db_path).resolve().parent / FOLDER_NAME


def backups_in(folder: Path, stem: str) -> list[Path]:
    """The backups of database ``stem`` in ``folder``, oldest first (by the time in their names)."""
    return sorted(p for p in folder.glob(f"{stem}-备份-*.db") if p.is_file())


def backup_to_folder(ledger: Any, folder: Path, *, keep: int = 10, now: datetime | None = None,
                     progress: Callable[[int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Copy the database (attachments included, integrity-checked) to ``folder`` as
    ``NAME-备份-YYYYmmdd-HHMMSS.db``, then delete the oldest backups beyond ``keep``.

    Returns what :meth:`Ledger.backup` returns plus ``removed`` (the old backups deleted).
    """
    if keep < 1:
        raise LedgerError("至少要保留 1 份备份")
    if ledger.path is None:
        raise LedgerError("内存中的数据库不能备份到文件夹")
    stem = Path(ledger.path).stem
    folder = Path(folder)
    target = folder / f"{stem}-备份-{(now or datetime.now()).strftime(STAMP)}.db"
    n = 1
    while target.exists():  # two backups within one second
        n += 1
        target = folder / f"{stem}-备份-{(now or datetime.now()).strftime(STAMP)}-{n}.db"
    result = ledger.backup(target, progress=progress, cancel=cancel)
    old = backups_in(folder, stem)
    removed = old[:-keep] if len(old) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
    return {**result, "removed": [str(p) for p in removed]}
