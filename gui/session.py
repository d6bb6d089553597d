"""The open database, shared by every page, and the signal that tells pages to re-read it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from core.backups import default_backup_folder
from core.records import CountySettings
from core.store import Ledger


class Session(QObject):
    """The ledger the window works on (one connection, used on the GUI thread only).

    Jobs on worker threads open their own connection to :attr:`path`; when they have written,
    they call :meth:`notify` (through a queued signal) so every page reloads what it shows.
    """

    changed = Signal(str)
    """Something was written; the argument names what ("alleys", "plans", … or "all")."""
    reopened = Signal()
    """Another database file was opened."""

    def __init__(self, path: Path, *, user: str | None = None):
        super().__init__()
        self.user = user
        self.ledger = Ledger.open(path, user=user, create=True)

    @property
    def path(self) -> Path:
        return Path(self.ledger.path)

    def settings(self) -> CountySettings | None:
        return self.ledger.settings()

    def county_name(self) -> str:
        settings = self.settings()
        return settings.name if settings else ""

    def notify(self, what: str = "all") -> None:
        self.changed.emit(what)

    def open_other(self, path: Path) -> None:
        """Switch the window to another existing database file."""
        new = Ledger.open(path, user=self.user, create=False)
        self.ledger.close()
        self.ledger = new
        self.reopened.emit()
        self.changed.emit("all")

    def backup_folder(self) -> Path:
        """The one folder for this database's backups (立即备份 and before every import): the one
        chosen in 设置, else the default beside the database."""
        chosen = QSettings().value("backup/folder") or ""
        return Path(chosen) if chosen.strip() else default_backup_folder(self.path)

    def worker_ledger(self) -> Ledger:
        """A new connection to the same file for a worker thread (close it when done)."""
        return Ledger.open(self.path, user=self.user, create=False)

    def close(self) -> None:
        self.ledger.close()
