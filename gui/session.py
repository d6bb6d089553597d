"""The open database, shared by every page, and the signal that tells pages what changed in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from core.backups import default_backup_folder
from core.changes import Changes
from core.records import CountySettings
from core.store import Ledger

PROGRAM = "巷账桌面程序"
CHECKPOINT_AFTER_MS = 2000
"""After the last write, the -wal file is emptied into the database file: a copy of the database
file alone (the way clerks copy files) is then the whole database."""


class Session(QObject):
    """The ledger the window works on (one connection, used on the GUI thread only).

    The window is the database's one writer when nobody else is; when another program writes
    (on this PC or another on a shared folder), it opens read-only and :attr:`read_only` says who.
    Jobs on worker threads open their own connection to :attr:`path` (sharing this program's
    writer lock); when they have written, the GUI thread calls :meth:`notify` with the action's
    :class:`~core.changes.Changes`, and the pages that show one of the changed kinds re-read.
    """

    changed = Signal(object)
    """Something was written: the :class:`~core.changes.Changes` of the action that wrote it."""
    reopened = Signal()
    """Another database file was opened (or the same one again: after a restore, once writable)."""

    def __init__(self, path: Path, *, user: str | None = None):
        super().__init__()
        self.user = user
        self.ledger = Ledger.open(path, user=user, create=True, mode="view", program=PROGRAM)
        self._path = Path(self.ledger.path)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(CHECKPOINT_AFTER_MS)
        self._idle.timeout.connect(lambda: self.ledger.checkpoint())

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> str:
        """Why the window may not write (shown in the banner), or ""."""
        return self.ledger.read_only

    def settings(self) -> CountySettings | None:
        return self.ledger.settings()

    def county_name(self) -> str:
        settings = self.settings()
        return settings.name if settings else ""

    def notify(self, changes: Changes) -> None:
        """Tell the pages what an action changed (nothing to tell for an action that changed nothing)."""
        if changes:
            self.changed.emit(changes)
            self._idle.start()

    def open_other(self, path: Path) -> None:
        """Switch the window to another existing database file."""
        new = Ledger.open(path, user=self.user, create=False, mode="view", program=PROGRAM)
        self.ledger.close()
        self.ledger = new
        self._path = Path(new.path)
        self.reopened.emit()
        self.changed.emit(Changes.everything())

    def close_for_restore(self) -> None:
        """Close the database (a restore is about to replace it); :meth:`reopen` afterwards.

        Meanwhile the pages see an empty ledger in memory that refuses writes: a timer that reads
        (a form's rule review) finds nothing rather than a closed connection."""
        self._idle.stop()
        self.ledger.close()
        self.ledger = Ledger.in_memory(user=self.user)
        self.ledger.access.read_only = "正在从备份恢复数据库，请稍候"

    def reopen(self) -> None:
        """Open the same file again (after a restore, which may have failed and left it as it was)."""
        placeholder = self.ledger
        self.ledger = Ledger.open(self._path, user=self.user, create=True, mode="view", program=PROGRAM)
        placeholder.close()
        self.reopened.emit()
        self.changed.emit(Changes.everything())

    def retry_writable(self) -> bool:
        """Become writable if the program that wrote has closed; True when the window may write now."""
        if self.ledger.try_writable():
            self.reopened.emit()
            return True
        return False

    def file_change(self) -> str:
        """"" while the database file is as this program left it; else why writing stopped."""
        return self.ledger.file_change()

    def backup_folder(self) -> Path:
        """The one folder for this database's backups (立即备份 and before every import): the one
        chosen in 设置, else the default beside the database."""
        chosen = QSettings().value("backup/folder") or ""
        return Path(chosen) if chosen.strip() else default_backup_folder(self.path)

    def worker_ledger(self) -> Ledger:
        """A new connection to the same file for a worker thread (close it when done)."""
        return Ledger.open(self.path, user=self.user, create=False)

    def close(self) -> None:
        self._idle.stop()
        self.ledger.checkpoint()
        self.ledger.close()
