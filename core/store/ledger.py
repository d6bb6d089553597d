"""The ledger database (台账数据库): one SQLite file holding every record, attachment and the audit log.

Open it with :meth:`Ledger.open`. Every write goes through this class so that it is validated,
runs inside one transaction, and leaves an audit entry (who, when, table, record, old → new).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from core.errors import LedgerError
from core.store.audit import AuditEntry
from core.store.connection import APPLICATION_ID, _now, gc_paused
from core.store.files import Attachment, AttachmentStore


class Ledger(AttachmentStore):
    """An open ledger database. Use as a context manager or call :meth:`close`.

    Its parts live by concern: opening, migrations and transactions in :mod:`core.store.connection`,
    the audit log in :mod:`core.store.audit`, records in :mod:`core.store.records`, stored files in
    :mod:`core.store.files`; holidays and backups are here.
    """

    # ---------------------------------------------------------------- holidays (R10)
    def holiday_table(self) -> tuple[dict[date, bool], set[int]]:
        """Loaded holiday table: {day: is_workday} and the years it covers."""
        days = {date.fromisoformat(r[0]): bool(r[1]) for r in self.db.execute("SELECT day, is_workday FROM holidays")}
        years = {r[0] for r in self.db.execute("SELECT year FROM holiday_years")}
        return days, years

    def load_holiday_year(self, year: int, days: dict[date, bool], *, names: dict[date, str] | None = None,
                          source: str = "") -> None:
        """Replace the holiday table of ``year``: days off (False) and make-up working days (True).

        Storage only: :func:`core.exchange.holidays.store_holiday_year` first checks that the table
        is a whole official year (every statutory holiday named).
        """
        outside = [d for d in days if d.year != year]
        if outside:
            raise LedgerError(f"{year} 年节假日表中出现了其他年份的日期：{outside[0]}")
        with self.transaction():
            self.db.table("holidays").delete_where("day LIKE ?", [f"{year}-%"])
            self.db.table("holidays").insert_all(
                {"day": d.isoformat(), "is_workday": int(w), "name": (names or {}).get(d, "")}
                for d, w in sorted(days.items()))
            self.db.table("holiday_years").insert(
                {"year": year, "source": source, "loaded_at": _now(), "loaded_by": self.user}, replace=True)
            self._write_audit([self._audit_row(
                "update", "holidays", year, f"{year}年节假日", {"days": [None, len(days)]}, source=source)])

    # ---------------------------------------------------------------- backup
    def backup(
        self,
        out: Path | str,
        *,
        overwrite: bool = False,
        progress: Callable[[int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> dict[str, Any]:
        """Copy the whole database (attachments included) to ``out`` while it stays open.

        Uses SQLite's online backup page by page (``progress(percent, text)`` is told as it goes;
        ``cancel()`` stops it and leaves no file), then checks the copy's integrity. Returns its
        path, size, SHA-256 and record counts. See :func:`core.store.backup.copy_database`.
        """
        from core.store.backup import copy_database

        return copy_database(self, Path(out), overwrite=overwrite, progress=progress, cancel=cancel)



__all__ = ["APPLICATION_ID", "Attachment", "AuditEntry", "Ledger", "gc_paused"]
