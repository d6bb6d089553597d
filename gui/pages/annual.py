"""年度清单: one year's project list against the county's target, exported to Excel or printed.

The Excel writer (openpyxl), the PDF maker (reportlab) and the preview (PDFium) are imported when
first used: together they would add about 0.4 s to every start of the program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from core.annual import COLUMNS, AnnualList, annual_list_data
from core.browse import Column, Table
from core.money import wan
from gui.exporting import export_sheet
from gui.pages.year_page import YearPage
from gui.session import Session
from gui.tables import RecordTableModel, RecordTableView
from gui.workers import Job

if TYPE_CHECKING:
    from gui.preview import PreviewDialog


class AnnualListPage(YearPage):
    name = "annual"
    title = "年度清单"
    shows = frozenset({"alleys", "plans", "settings"})  # the county's targets and name head the list
    data: AnnualList | None

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.preview: PreviewDialog | None = None
        bar = self.year_bar
        bar.addStretch(1)
        # the counts on a line of their own, wrapped: beside the buttons they pushed 打印预览 off the screen
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.status_line = self.summary
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("export")
        self.print_button = QPushButton(self.tr("打印预览…"), self)
        self.print_button.setObjectName("print")
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        self.export_button.clicked.connect(self.export_excel)
        self.print_button.clicked.connect(self.print_current)
        region = session.ledger.profile().profile.region_name
        columns = tuple(Column(f"c{i}", c.header.format(region=region), int(c.width_mm * 4.2), c.value_kind)
                        for i, c in enumerate(COLUMNS))
        self.columns = columns
        self.table_model = RecordTableModel(columns, self)
        self.table = RecordTableView(self.table_model, "annual", self)
        self.table.setSortingEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    @staticmethod
    def gather(ledger: Any, year: int, progress: Callable[[int, str], None], cancelled: Callable[[], bool]
               ) -> AnnualList:
        """The year's list (a few thousand plans take a few tenths of a second)."""
        return annual_list_data(ledger, year)

    def show_failure(self, message: str) -> None:
        """The list cannot be gathered (e.g. the county is not set up): an empty table and the reason."""
        self.data = None
        self.table_model.set_table(Table(self.columns, []))
        super().show_failure(message)

    def show_year(self, data: AnnualList) -> None:
        rows = [(row.plan_id, *(row.value(c) for c in COLUMNS)) for row in data.rows]
        self.table_model.set_table(Table(self.columns, rows))
        target = self.tr("县定任务 {0} 条").format(data.target) if data.target is not None else self.tr("未填写年度任务")
        quota = self.tr("精品任务 {0} 条").format(data.boutique_quota) if data.boutique_quota is not None else ""
        short = self.tr("，比任务少 {0} 条").format(data.short_of_target) if data.short_of_target else ""
        kinds = self.tr("达标类 {0}，精品类 {1}").format(data.standard, data.boutique)
        if data.uncategorised:
            kinds += self.tr("，未填类别 {0}").format(data.uncategorised)
        parts = [
            self.tr("列入清单 {0} 条（{1}）").format(len(data.rows), kinds),
            target + short, quota,
            self.tr("总投资 {0} 万元，{1}补助 {2} 万元").format(wan(data.total_investment_yuan), data.region_name,
                                                          wan(data.total_subsidy_yuan)),
        ]
        if data.withdrawn:
            parts.append(self.tr("另有 {0} 个方案已撤销，未列入").format(data.withdrawn))
        self.summary.setText("；".join(p for p in parts if p))

    def export_excel(self) -> Job | None:
        data = self.data
        if data is None:
            return None
        def write(out, progress, cancelled):
            from core.exchange.export import export_annual_list

            return export_annual_list(data, out, progress=progress, cancel=cancelled)

        self.job = export_sheet(self, self.tr("导出年度清单"), f"{data.title}.xlsx", write,
                                lambda r: self.status_message.emit(self.tr("已导出 {0} 行到 {1}").format(r.rows, r.path)))
        return self.job

    def print_current(self) -> Job | None:
        """Make the list's PDF on a worker, then open it in the print preview."""
        data = self.data
        if data is None:
            return None
        from core.printing.annual_list import render_annual_list
        from gui.preview import preview_document

        self.job = preview_document(self, data.title, data, render_annual_list, file_name=f"{data.title}.pdf")
        return self.job


def export_ledger(parent: QWidget, session: Session) -> Job | None:
    """Ask where, then write the whole work ledger (every alley and year) on a worker."""
    settings = session.settings()
    name = f"{settings.name if settings else ''}背街小巷工作台账.xlsx"
    title = QCoreApplication.translate("AnnualListPage", "导出工作台账")

    def write(out, progress, cancelled):
        from core.exchange.export import export_ledger as core_export_ledger

        with session.worker_ledger() as ledger:
            return core_export_ledger(ledger, out, progress=progress, cancel=cancelled)

    def done(result) -> None:
        done_text = QCoreApplication.translate("AnnualListPage", "已导出 {0} 行到 {1}")
        parent.statusBar().showMessage(done_text.format(result.rows, result.path), 8000)

    return export_sheet(parent, title, name, write, done)
