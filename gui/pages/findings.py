"""检查结果: every rule finding of the county for a year — rule, severity, alley, what is wrong and what
to do — with filters, a jump to the record each is about, export to Excel and print.

The findings are :func:`core.findings_view.gather_findings` (the same rules as ``alley-ledger check``),
run on a worker: a 10,000-alley county takes about a second. The page only filters what it shows.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, QSignalBlocker, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.browse import Column, Table
from core.findings_view import FindingRow, FindingsList, gather_findings
from gui.exporting import export_sheet
from gui.pages.records import SEVERITY_COLOUR, filter_box
from gui.pages.year_page import YearPage
from gui.session import Session
from gui.tables import RecordTableModel, RecordTableView, TableWithDetails
from gui.workers import Job

COLUMNS = (
    Column("code", "街巷编码", 120),
    Column("name", "街巷名称", 90),
    Column("subdistrict", "所在街道", 80),
    Column("community", "所在社区", 80),
    Column("severity", "级别", 44),
    Column("rule", "规则", 44),
    Column("year", "年度", 48, "int"),
    Column("message", "问题", 360),
    Column("advice", "怎么办", 280),
    Column("where", "记录在", 70),
)
"""The alley's code and place come first in the model (the search box matches them, as in every
table); on screen the severity and the rule are moved to the front the first time."""
FIRST_SHOWN = ("severity", "rule")
FILTERS = (("severity", "级别"), ("rule", "规则"), ("subdistrict", "街道"))
HIDDEN = ("community",)
ERROR_ROW = QColor("#fde2e2")
PAGE_TITLES = {"alleys": "街巷库", "plans": "改造方案", "acceptances": "竣工验收", "filings": "备案归档",
               "problems": "问题台账", "settings": "设置"}
RULE_NAMES = {
    "R1": "R1 背街小巷认定", "R2": "R2 改造内容", "R3": "R3 老旧管网", "R4": "R4 三年不开挖",
    "R5": "R5 路灯", "R6": "R6 时间节点和评定", "R7": "R7 补助资金", "R8": "R8 年度任务",
    "R9": "R9 验收和备案", "R10": "R10 问题台账", "R11": "R11 备案归档期限",
}


class FindingsPage(YearPage):
    """检查结果 of one programme year."""

    name = "findings"
    title = "检查结果"
    data: FindingsList | None
    open_record = Signal(str, object)
    """(page name, row id or None): the clerk asked to open the record a finding is about."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.rows: dict[int, FindingRow] = {}

        bar = self.year_bar
        self.filter_boxes: dict[str, QComboBox] = {}
        for key, label in FILTERS:
            self.filter_boxes[key] = filter_box(self, key, label, self.apply_filters)
            bar.addWidget(self.filter_boxes[key])
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：街巷名称、编码或拼音首字母"))
        self.search.textChanged.connect(lambda _: self.apply_filters())
        bar.addWidget(self.search, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        bar.addWidget(self.count_label)

        actions = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.status_line = self.summary
        actions.addWidget(self.summary, 1)
        self.open_button = QPushButton(self.tr("转到记录"), self)
        self.open_button.setObjectName("open_record")
        self.open_button.setToolTip(self.tr("打开这条检查结果所说的记录（也可双击表中的行）"))
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_excel)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_current)
        for button in (self.open_button, self.export_button, self.print_button):
            button.setAutoDefault(False)
            actions.addWidget(button)

        first_time = QSettings().value(f"tables/{self.name}") is None
        self._errors: set[int] = set()
        self.table_model = RecordTableModel(COLUMNS, self)
        self.table_model.row_colour = lambda row: ERROR_ROW if row[0] in self._errors else None
        self.table = RecordTableView(self.table_model, self.name, self)
        if first_time:
            header = self.table.horizontalHeader()
            keys = [c.key for c in COLUMNS]
            for n, key in enumerate(FIRST_SHOWN):
                header.moveSection(header.visualIndex(keys.index(key)), n)
            for key in HIDDEN:
                header.setSectionHidden(keys.index(key), True)
        self.table.current_record_changed.connect(self._show_details)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        splitter = TableWithDetails(self.table, self.tr("选中一条检查结果，这里显示它说的是什么、怎么办"), self,
                                    table_share=5)
        self.details = splitter.details
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._enable(False)

    # ---------------------------------------------------------------- loading
    @staticmethod
    def gather(ledger: Any, year: int, progress: Callable[[int, str], None], cancelled: Callable[[], bool]
               ) -> FindingsList:
        """Every rule over the year (a 10,000-alley county: about a second)."""
        return gather_findings(ledger, year, progress=progress, cancel=cancelled)

    def reading(self, year: int) -> str:
        return self.tr("正在检查 {0} 年……").format(year)

    def show_year(self, data: FindingsList) -> None:
        self.rows = {row.number: row for row in data.rows}
        self._errors = {row.number for row in data.rows if row.finding.severity == "error"}
        table = Table(COLUMNS, [
            (row.number, row.alley_code, row.alley_name, row.subdistrict, row.community, row.severity, row.rule,
             row.finding.year, row.finding.message, row.finding.advice, PAGE_TITLES.get(row.page, ""))
            for row in data.rows])
        self.table_model.set_table(table)
        for key, box in self.filter_boxes.items():
            current = box.currentData()
            values = self.table_model.distinct(key)
            if key == "rule":
                values.sort(key=lambda r: int(r[1:]))
            elif key == "severity":
                values.sort(key=["错误", "警告", "提示"].index)
            with QSignalBlocker(box):
                while box.count() > 1:
                    box.removeItem(1)
                for value in values:
                    box.addItem(RULE_NAMES.get(value, value) if key == "rule" else str(value), value)
                box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)
        self.summary.setText(self.tr("{0} {1} 年：{2}").format(data.county, data.year, data.summary()))
        self.apply_filters()

    # ---------------------------------------------------------------- filters
    def apply_filters(self) -> None:
        filters = {key: box.currentData() for key, box in self.filter_boxes.items()}
        self.table_model.set_filters(filters, self.search.text())
        self.count_label.setText(self.tr("{0} / {1} 条").format(self.table_model.matching(), self.table_model.total()))
        if self.table_model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_details(None)
        self._enable(self.table_model.matching() > 0)

    def _enable(self, on: bool) -> None:
        for button in (self.export_button, self.print_button):
            button.setEnabled(on)
        self.open_button.setEnabled(on and self.current_row() is not None)

    def filter_text(self) -> str:
        """The filters as set, in words (for the export's note and the printed list)."""
        parts = []
        for key, label in FILTERS:
            box = self.filter_boxes[key]
            if box.currentData() is not None:
                parts.append(f"{label} {box.currentText()}")
        if self.search.text().strip():
            parts.append(f"搜索“{self.search.text().strip()}”")
        return "，".join(parts)

    def shown(self) -> FindingsList | None:
        """The findings as filtered on screen, in the table's order."""
        if self.data is None:
            return None
        rows = [self.rows[self.table_model.record_id(n)] for n in range(self.table_model.matching())]
        return self.data.chosen(rows, self.filter_text())

    def current_row(self) -> FindingRow | None:
        number = self.table.current_record_id()
        return self.rows.get(number) if number is not None else None

    def _show_details(self, number: int | None) -> None:
        row = self.rows.get(number) if number is not None else None
        self.open_button.setEnabled(row is not None and bool(row.page))
        if row is None:
            self.details.clear()
            return
        f = row.finding
        colour = SEVERITY_COLOUR.get(f.severity, "#333")
        place = "　".join(part for part in (row.alley_code, row.alley_name, row.subdistrict, row.community) if part)
        where = PAGE_TITLES.get(row.page, "")
        year = "　" + self.tr("{0}年").format(f.year) if f.year else ""
        advice = self.tr("怎么办：")
        opens = self.tr("记录在“{0}”页：双击或点“转到记录”打开").format(where)
        self.details.setHtml(
            f"<p style='margin:2px 0'><b style='color:{colour}'>【{html.escape(f.severity_label)}】{f.rule}</b> "
            f"{html.escape(place)}{year}</p>"
            f"<p style='margin:2px 0'>{html.escape(f.message)}</p>"
            f"<p style='margin:2px 0;color:#555'>{advice}{html.escape(f.advice)}</p>"
            + (f"<p style='margin:2px 0;color:#555'>{opens}</p>" if where else ""))

    # ---------------------------------------------------------------- actions
    def open_selected(self) -> bool:
        """Open the record the selected finding is about on its page."""
        row = self.current_row()
        if row is None or not row.page:
            return False
        self.open_record.emit(row.page, row.row_id)
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def export_excel(self) -> Job | None:
        """Ask where, then write the findings shown (as filtered) to Excel on a worker."""
        data = self.shown()
        if data is None or not data.rows:
            return None
        def write(out, progress, cancelled):
            from core.exchange.lists import export_findings

            return export_findings(data, out, progress=progress, cancel=cancelled)

        self.job = export_sheet(self, self.tr("导出检查结果"), f"{data.title}.xlsx", write,
                                lambda r: self.status_message.emit(self.tr("已导出 {0} 条到 {1}").format(r.rows, r.path)))
        return self.job

    def print_current(self) -> Job | None:
        """The findings shown (as filtered) as a PDF on a worker, then the print preview."""
        data = self.shown()
        if data is None or not data.rows:
            return None
        from core.printing.findings_report import render_findings
        from gui.preview import preview_document

        self.job = preview_document(self, data.title, data, render_findings, file_name=f"{data.title}.pdf")
        return self.job
