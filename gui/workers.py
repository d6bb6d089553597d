"""Long jobs (import, export, printing, demo data) on a worker thread, with progress and cancel.

A job is a plain function ``job(progress, cancelled) -> result`` that calls core functions; it must
open its own ledger connection (``session.worker_ledger()``) because SQLite connections stay on the
thread that made them. The window keeps responding; the result or the Chinese error message comes
back on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.messages import SEND_FROM_WINDOW, message_for
from gui import dialogs
from gui.operations import database_of

JobFunction = Callable[[Callable[[int, str], None], Callable[[], bool]], Any]


class _Runner(QThread):
    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # message, was it a cancel

    def __init__(self, job: JobFunction, parent: QObject | None = None, db: Path | None = None):
        super().__init__(parent)
        self.job = job
        self.db = db
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            result = self.job(lambda p, text: self.progressed.emit(int(p), text), self.stop.is_set)
        except Exception as error:  # noqa: BLE001 - told on the GUI thread; a bug's traceback goes to the log
            message = message_for(error, db=self.db, where="桌面程序后台任务", send=SEND_FROM_WINDOW)
            self.failed.emit(message.text, message.cancelled)
        else:
            # A job that honours cancel stops by raising Cancelled; one that returned has done its
            # work (a write that cannot be cancelled midway), so its result stands.
            self.succeeded.emit(result)


class Job(QObject):
    """A running job: ``finished(ok, result_or_message)`` fires once on the GUI thread."""

    finished = Signal(bool, object)

    def __init__(self, parent: QWidget, title: str, job: JobFunction, *, quiet: bool = False,
                 cancellable: bool = True, on_error: Callable[[str], None] | None = None):
        super().__init__(parent)
        self.on_error = on_error
        self.title = title
        self.done = False
        self.ok = False
        self.result: Any = None
        self.runner = _Runner(job, self, database_of(parent))
        self.dialog: QProgressDialog | None = None
        if not quiet:
            dialog = QProgressDialog(title, self.tr("取消"), 0, 100, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)  # quick jobs finish before a dialog flashes up
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumWidth(360)
            dialog.canceled.connect(self.cancel)
            if not cancellable:  # e.g. the import's one transaction: it finishes or rolls back whole
                dialog.setCancelButton(None)
            self.runner.progressed.connect(self._progress)
            self.dialog = dialog
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)

    def start(self) -> Job:
        self.runner.start()
        return self

    def cancel(self) -> None:
        self.runner.stop.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("正在取消……"))

    def _progress(self, percent: int, text: str) -> None:
        if self.dialog is not None and not self.runner.stop.is_set():
            self.dialog.setValue(max(0, min(percent, 100)))
            self.dialog.setLabelText(f"{self.title}：{text}" if text else self.title)

    def _finish(self, ok: bool, payload: Any) -> None:
        self.runner.wait()
        if self.dialog is not None:
            self.dialog.close()
        self.done, self.ok, self.result = True, ok, payload
        self.finished.emit(ok, payload)

    def _succeeded(self, result: Any) -> None:
        self._finish(True, result)

    def _failed(self, message: str, cancelled: bool) -> None:
        if not cancelled:
            if self.on_error is not None:
                self.on_error(message)
            else:
                parent = self.parent()
                dialogs.warn(parent if isinstance(parent, QWidget) else None, self.title, message)
        self._finish(False, message)


def run_job(parent: QWidget, title: str, job: JobFunction, on_done: Callable[[Any], None] | None = None,
            *, quiet: bool = False, cancellable: bool = True, on_error: Callable[[str], None] | None = None) -> Job:
    """Start ``job`` on a worker thread; ``on_done(result)`` runs on the GUI thread if it succeeds.

    A failure is shown to the clerk in a message box, or handed to ``on_error(message)`` instead.
    """
    running = Job(parent, title, job, quiet=quiet, cancellable=cancellable, on_error=on_error)
    if on_done is not None:
        running.finished.connect(lambda ok, payload: on_done(payload) if ok else None)
    return running.start()


def finish_jobs(owner: QObject) -> None:
    """Cancel every job still running under ``owner`` and wait for it (before closing a window or a file)."""
    for running in owner.findChildren(Job):
        if not running.done:
            running.cancel()
            running.runner.wait()
