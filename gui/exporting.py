"""Writing a spreadsheet the clerk asked for: where to (the save dialog, which remembers the folder),
then the core export on a worker, and a line in the status bar when it is done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui import dialogs
from gui.workers import Job, run_job

Write = Callable[[Path, Callable[[int, str], None], Callable[[], bool]], Any]
"""``write(out, progress, cancelled)``: the core export, returning its ExportResult."""


def export_sheet(parent: QWidget, title: str, suggested: str, write: Write, on_done: Callable[[Any], None], *,
                 csv: bool = True) -> Job | None:
    """Ask where to write ``suggested`` (.xlsx, or .csv too when ``csv``), then run ``write`` there on a
    worker; ``on_done(result)`` on the GUI thread. None when the clerk cancels the dialog."""
    kinds = (QCoreApplication.translate("Export", "Excel 工作簿 (*.xlsx);;CSV 文本，UTF-8 (*.csv)") if csv
             else QCoreApplication.translate("Export", "Excel 工作簿 (*.xlsx)"))
    out = dialogs.save_file(parent, title, suggested, kinds, suffix=(".xlsx", ".csv") if csv else ".xlsx")
    if out is None:
        return None
    return run_job(parent, title, lambda progress, cancelled: write(out, progress, cancelled), on_done)
