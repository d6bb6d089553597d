"""A page that shows one programme year (年度清单, 统计总览, 检查结果, and any page of the same kind to
come): the year chooser, the year read on a worker, and a line that says so while it reads.

Which changes re-read the page is the ``shows`` of every page (the window marks a page stale after a
change to a kind it shows); a year page re-reads the list of years then, and the year chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from core.browse import default_year, plan_years
from core.changes import RULE_INPUTS
from gui.pages.records import Page
from gui.session import Session
from gui.workers import Job, run_job


class YearPage(Page):
    """One programme year, read on a worker.

    A subclass puts ``year_bar`` (年度 and the chooser; it may add to it) in its layout, sets
    ``status_line`` to the label that says the page is reading (its summary or heading), and says
    what to read (:meth:`gather`) and how to show it (:meth:`show_year`).
    """

    shows = RULE_INPUTS
    """A year's figures come from what the rules read; a page that shows less says so."""
    status_line: QLabel
    """Where the page says it is reading the year, or why it cannot show it."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.data: Any = None
        """What :meth:`gather` returned for the year on screen (None before the first read)."""
        self.job: Job | None = None
        self._ready = False
        self.year_bar = QHBoxLayout()
        self.year_bar.addWidget(QLabel(self.tr("年度"), self))
        self.year = QComboBox(self)
        self.year.setObjectName("year")
        self.year.currentIndexChanged.connect(lambda _: self.load_year())
        self.year_bar.addWidget(self.year)

    # ---------------------------------------------------------------- what a subclass says
    @staticmethod
    def gather(ledger: Any, year: int, progress: Callable[[int, str], None], cancelled: Callable[[], bool]) -> Any:
        """The year's data from the core, with a ``year`` attribute; runs on the worker with the
        worker's own ledger, so it touches no widget."""
        raise NotImplementedError

    def show_year(self, data: Any) -> None:
        """Show ``data`` (already kept in ``self.data``) on the page."""
        raise NotImplementedError

    def reading(self, year: int) -> str:
        """What the status line says while ``year`` is read."""
        return self.tr("正在读取……")

    def show_failure(self, message: str) -> None:
        """The year cannot be read (e.g. the county is not set up): say so on the page."""
        self.status_line.setText(message)

    # ---------------------------------------------------------------- reading
    def is_ready(self) -> bool:
        return self._ready

    def refresh(self) -> None:
        """Offer the years that have plans and this year; keep the year chosen, else the year worked on;
        and read it."""
        planned, today = plan_years(self.session.ledger), date.today()
        years = sorted({*planned, today.year})
        current = self.year.currentData()
        with QSignalBlocker(self.year):
            self.year.clear()
            for year in years:
                self.year.addItem(QCoreApplication.translate("YearChoice", "{0} 年").format(year), year)
            wanted = current if current in years else default_year(planned, today)
            self.year.setCurrentIndex(self.year.findData(wanted))
        self.load_year()

    def load_year(self) -> Job | None:
        """Read the year chosen on a worker (a 10,000-alley county: up to a second); None when there
        is no year to read."""
        year = self.year.currentData()
        if year is None:
            return None
        self._ready = False
        self.status_line.setText(self.reading(year))
        gather = self.gather
        session = self.session

        def job(progress: Callable[[int, str], None], cancelled: Callable[[], bool]) -> Any:
            with session.worker_ledger() as ledger:
                return gather(ledger, year, progress, cancelled)

        self.job = run_job(self, self.tr(self.title), job, self._loaded, quiet=True, on_error=self._failed)
        return self.job

    def _loaded(self, data: Any) -> None:
        if data.year != self.year.currentData():
            return  # the clerk picked another year meanwhile: its own read is on the way
        self.data = data
        self.show_year(data)
        self._ready = True

    def _failed(self, message: str) -> None:
        self.show_failure(message)
        self._ready = True


__all__ = ["YearPage"]
