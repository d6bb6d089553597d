"""操作日志: who changed what and when, filtered by kind of record, alley, person and dates, in Chinese
words, exported to Excel.

The log of a 10,000-alley county holds some 80,000 entries: the table reads them from
:mod:`core.audit_view` a page (200 entries) at a time as the clerk scrolls, each page in a few
tens of milliseconds on the window's own connection; the export reads them all on a worker.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.audit_view import AuditFilter, AuditLine, kinds, people, read_page
from gui.exporting import export_sheet
from gui.pages.records import Page
from gui.session import Session
from gui.tables import TableWithDetails
from gui.workers import Job

_Index = QModelIndex | QPersistentModelIndex
NO_DATE = QDate(2000, 1, 1)


class _Calendar(QCalendarWidget):
    """The pop-up calendar of a date filter still at 不限 opens on this month, not on January 2000."""

    def showEvent(self, event) -> None:  # noqa: ANN001
        if self.selectedDate() == NO_DATE:
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())
        super().showEvent(event)
"""The date edits' lowest date, shown as 不限 (no limit)."""
COLUMNS = (("时间", 140), ("操作人", 70), ("操作", 90), ("记录类别", 80), ("记录", 120), ("修改内容", 460),
           ("原因", 120), ("来源", 120))


class AuditModel(QAbstractTableModel):
    """The entries matching a filter, read a page at a time as the view scrolls (canFetchMore)."""

    def __init__(self, page: AuditPage):
        super().__init__(page)
        self.page = page
        self.lines: list[AuditLine] = []
        self.after: int | None = None
        self.total = 0
        self.filter = AuditFilter()

    def load(self, flt: AuditFilter) -> None:
        """Show the newest entries matching ``flt`` (and count them all)."""
        first = read_page(self.page.session.ledger, flt, count=True)
        self.beginResetModel()
        self.filter, self.lines, self.after, self.total = flt, first.lines, first.after, first.total or 0
        self.endResetModel()

    def line(self, row: int) -> AuditLine:
        return self.lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self.after is not None

    def fetchMore(self, parent: _Index) -> None:
        if self.after is None:
            return
        more = read_page(self.page.session.ledger, self.filter, after=self.after)
        if more.lines:
            self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines) + len(more.lines) - 1)
            self.lines.extend(more.lines)
            self.endInsertRows()
        self.after = more.after

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.at, line.who, line.action, line.kind, line.record, line.summary(), line.reason,
                    line.source)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return line.summary(limit=None, sep="\n")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None


class AuditPage(Page):
    """操作日志."""

    name = "audit"
    title = "操作日志"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.job: Job | None = None
        self._ready = False

        bar = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("filter_table")
        self.kind.addItem(self.tr("全部记录类别"), None)
        for table, title in kinds():
            self.kind.addItem(title, table)
        self.kind.currentIndexChanged.connect(lambda _: self.apply_filter())
        bar.addWidget(self.kind)
        self.record = QLineEdit(self)
        self.record.setObjectName("filter_record")
        self.record.setClearButtonEnabled(True)
        self.record.setPlaceholderText(self.tr("街巷编码或名称"))
        self.record.setMinimumWidth(150)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(400)
        self._typing.timeout.connect(self.apply_filter)
        self.record.textChanged.connect(lambda _: self._typing.start())
        self.record.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.record)
        self.who = QComboBox(self)
        self.who.setObjectName("filter_who")
        self.who.addItem(self.tr("全部操作人"), "")
        self.who.currentIndexChanged.connect(lambda _: self.apply_filter())
        bar.addWidget(self.who)
        bar.addWidget(QLabel(self.tr("日期"), self))
        self.since = self._date_edit("filter_since")
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("至"), self))
        self.until = self._date_edit("filter_until")
        bar.addWidget(self.until)
        clear = QPushButton(self.tr("清除筛选"), self)
        clear.setObjectName("clear")
        clear.clicked.connect(self.clear_filter)
        bar.addWidget(clear)
        bar.addStretch(1)
        # the count and the export on a second line: one line of everything is wider than a 1024-pixel screen
        below = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        below.addWidget(self.count_label, 1)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_excel)
        below.addWidget(self.export_button)

        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("table_audit")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        for n, (_, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(n, width)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_details(current))
        splitter = TableWithDetails(self.table, self.tr("选中一条记录，这里显示修改的全部内容"), self, table_share=4)
        self.details = splitter.details
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addLayout(below)
        layout.addWidget(splitter, 1)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setCalendarWidget(_Calendar(edit))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))  # shown while the date is the lowest one
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _: self.apply_filter())
        return edit

    # ---------------------------------------------------------------- filter
    def current_filter(self) -> AuditFilter:
        """The filter as the clerk set it."""
        def day(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == NO_DATE else date(d.year(), d.month(), d.day())

        return AuditFilter(table=self.kind.currentData(), record=self.record.text().strip(),
                           who=self.who.currentData() or "", since=day(self.since), until=day(self.until))

    def set_dates(self, since: date | None, until: date | None) -> None:
        """Set the date range (None: no limit) and show the entries."""
        with QSignalBlocker(self.since), QSignalBlocker(self.until):
            self.since.setDate(QDate(since.year, since.month, since.day) if since else NO_DATE)
            self.until.setDate(QDate(until.year, until.month, until.day) if until else NO_DATE)
        self.apply_filter()

    def clear_filter(self) -> None:
        with QSignalBlocker(self.kind), QSignalBlocker(self.record), QSignalBlocker(self.who), \
                QSignalBlocker(self.since), QSignalBlocker(self.until):
            self.kind.setCurrentIndex(0)
            self.record.clear()
            self.who.setCurrentIndex(0)
            self.since.setDate(NO_DATE)
            self.until.setDate(NO_DATE)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Read the first page of entries matching the filter (a few tens of milliseconds)."""
        self._typing.stop()
        flt = self.current_filter()
        self.model.load(flt)
        shown = flt.describe()
        self.count_label.setText(self.tr("共 {0} 条（{1}）").format(self.model.total, shown))
        self.export_button.setEnabled(self.model.total > 0)
        self.details.clear()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._ready = True

    # ---------------------------------------------------------------- page
    def is_ready(self) -> bool:
        return self._ready

    def refresh(self) -> None:
        wanted = self.who.currentData()
        with QSignalBlocker(self.who):
            self.who.clear()
            self.who.addItem(self.tr("全部操作人"), "")
            for person in people(self.session.ledger):
                self.who.addItem(person, person)
            self.who.setCurrentIndex(max(self.who.findData(wanted), 0))
        self.apply_filter()

    def _show_details(self, current: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        line = self.model.line(current.row())
        head = "　".join(part for part in (line.at, line.who, line.action, line.kind, line.record) if part)
        parts = [f"<b>{html.escape(head)}</b>"]
        if line.note:
            parts.append(html.escape(line.note))
        if line.reason:
            parts.append(self.tr("原因：{0}").format(html.escape(line.reason)))
        if line.source:
            parts.append(self.tr("来源：{0}").format(html.escape(line.source)))
        if line.changes:
            parts.append("<br>".join(html.escape(c.text(line.raw_action)) for c in line.changes))
        self.details.setHtml("<br>".join(parts))

    # ---------------------------------------------------------------- export
    def export_excel(self) -> Job | None:
        """Ask where, then write the entries matching the filter to Excel on a worker."""
        flt = self.current_filter()
        county = self.session.county_name()
        suggested = f"{county}操作日志{date.today():%Y%m%d}.xlsx"
        session = self.session

        def write(out, progress, cancelled):
            from core.exchange.lists import export_audit

            with session.worker_ledger() as ledger:
                return export_audit(ledger, flt, out, progress=progress, cancel=cancelled)

        self.job = export_sheet(self, self.tr("导出操作日志"), suggested, write,
                                lambda r: self.status_message.emit(self.tr("已导出 {0} 条到 {1}").format(r.rows, r.path)),
                                csv=False)
        return self.job
