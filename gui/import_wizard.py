"""Import wizard: choose a ledger file → see every row's fate, fix cells in place → import → summary.

The preview, the corrections and the import are the same core functions as ``alley-ledger import``
(``--dry-run`` and without): :func:`preview_import`, :func:`revise_import` and :func:`core.actions.import_ledger`,
run on a worker thread with progress. Nothing is written before the clerk presses 导入, and then
everything is written in one transaction after a backup.

The preview lists each row with its 街巷名称 and fate; the row chosen shows every problem in full and
its cells under the sheet's own headers, where a cell can be corrected: the fates of all rows are
then worked out again and the counts follow.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.actions import Done, import_ledger
from core.exchange.importer import (
    KIND_TEXT,
    KINDS,
    ImportPreview,
    RowResult,
    cell_text,
    preview_import,
    revise_import,
    write_rejects,
)
from gui import dialogs
from gui.operations import run_action
from gui.session import Session
from gui.workers import Job, run_job

STATUS_TEXT = {"new": "新增", "updated": "更新", "unchanged": "不变", "rejected": "拒收"}
REJECTED = QColor("#fde2e2")
LEFT_OUT = QColor("#fff0d9")
NOTED = QColor("#fffbe6")
DARK_RED = QColor("#8b0000")
_COLUMNS = ("工作表", "行号", "结果", "街巷名称", "街巷编码", "年度", "问题")
_Index = QModelIndex | QPersistentModelIndex


class PreviewRows(QAbstractTableModel):
    """The preview's rows for the table: all of them, or only those with something to look at."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.all: list[RowResult] = []
        self.rows: list[RowResult] = []
        self.problems_only = False

    def set_rows(self, rows: list[RowResult]) -> None:
        self.beginResetModel()
        self.all = rows
        self.rows = [r for r in rows if r.notices] if self.problems_only else rows
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        self.problems_only = on
        self.set_rows(self.all)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(_COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 6:
                text = "；".join(_notice_text(n) for n in row.notices)
                return text if role == Qt.ItemDataRole.ToolTipRole or len(text) <= 80 else text[:80] + "…（见下方）"
            if role == Qt.ItemDataRole.ToolTipRole:
                return None
            return (row.sheet, str(row.row), self.tr(STATUS_TEXT.get(row.status, row.status)), row.name, row.code,
                    "" if row.year is None else str(row.year))[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.status == "rejected":
                return QBrush(REJECTED)
            if row.has_problem:
                return QBrush(LEFT_OUT)
            return QBrush(NOTED) if row.notices else None
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "rejected":
            return QBrush(DARK_RED)
        return None


def _notice_text(notice: Any) -> str:
    where = f"「{notice.column}」" if notice.column else ""
    return f"【{KIND_TEXT.get(notice.kind, notice.kind)}】{where}{notice.reason}"


class ImportWizard(QDialog):
    CHOOSE, PREVIEW, DONE = range(3)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("导入 Excel 工作台账"))
        self.session = session
        self.preview: ImportPreview | None = None
        self.result: ImportPreview | None = None
        self.job: Job | None = None
        self.current: tuple[str, int] | None = None
        self.pending: dict[tuple[str, int, int], Any] = {}
        """Corrections typed and not yet worked out."""
        self.revising: Job | None = None
        self.steps = QStackedWidget(self)

        # 1. choose
        choose = QWidget(self)
        layout = QVBoxLayout(choose)
        layout.addWidget(QLabel(self.tr(
            "选择要导入的工作台账（.xlsx、.xls、.ods 或 .csv）。程序会先逐行检查并显示结果，确认后才写入。"), choose))
        row = QHBoxLayout()
        self.file = QLineEdit(choose)
        self.file.setObjectName("import_file")
        browse = QPushButton(self.tr("浏览…"), choose)
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        layout.addStretch(1)
        self.steps.addWidget(choose)

        # 2. preview: the rows, and the chosen row's problems and cells
        preview = QWidget(self)
        layout = QVBoxLayout(preview)
        self.summary = QLabel(preview)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.problems_only = QCheckBox(self.tr("只看有问题的行（拒收、留空、约数、未识别、待核对）"), preview)
        self.problems_only.setObjectName("problems_only")
        self.problems_only.toggled.connect(self._filter)
        layout.addWidget(self.problems_only)
        self.model = PreviewRows(self)
        self.rows = QTableView(preview)
        self.rows.setObjectName("import_rows")
        self.rows.setModel(self.model)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().hide()
        self.rows.horizontalHeader().setStretchLastSection(True)
        for c, w in enumerate((100, 50, 50, 110, 110, 50)):
            self.rows.setColumnWidth(c, w)
        self.rows.selectionModel().currentRowChanged.connect(lambda current, _: self._show_row(current.row()))

        detail = QWidget(preview)
        detail_layout = QHBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.notices = QTextBrowser(detail)
        self.notices.setObjectName("row_notices")
        self.notices.setOpenLinks(False)
        self.cells = QTableWidget(0, 2, detail)
        self.cells.setObjectName("row_cells")
        self.cells.setHorizontalHeaderLabels([self.tr("表头"), self.tr("单元格内容（双击更正）")])
        self.cells.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.cells.horizontalHeader().setStretchLastSection(True)
        self.cells.verticalHeader().hide()
        self.cells.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.cells.itemChanged.connect(self._cell_edited)
        detail_layout.addWidget(self.notices, 3)
        detail_layout.addWidget(self.cells, 2)
        split = QSplitter(Qt.Orientation.Vertical, preview)
        split.addWidget(self.rows)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.all_or_nothing = QCheckBox(self.tr("有拒收的行或留空的单元格时全部不导入"), preview)
        layout.addWidget(self.all_or_nothing)
        self.steps.addWidget(preview)

        # 3. done
        done = QWidget(self)
        layout = QVBoxLayout(done)
        self.outcome = QLabel(done)
        self.outcome.setObjectName("import_outcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        self.rejects_button = QPushButton(self.tr("保存需要处理的行…"), done)
        self.rejects_button.setObjectName("save_rejects")
        self.rejects_button.clicked.connect(self.save_rejects)
        layout.addWidget(self.rejects_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.steps.addWidget(done)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back = QPushButton(self.tr("上一步"), self)
        self.forward = QPushButton(self.tr("检查"), self)
        self.forward.setObjectName("import_next")
        self.forward.setDefault(True)
        self.cancel = QPushButton(self.tr("取消"), self)
        for b in (self.back, self.forward, self.cancel):
            buttons.addWidget(b)
        self.back.clicked.connect(lambda: self._go(self.CHOOSE))
        self.forward.clicked.connect(self._forward)
        self.cancel.clicked.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.steps, 1)
        outer.addLayout(buttons)
        self.resize(960, 640)
        self._go(self.CHOOSE)

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.back.setVisible(step == self.PREVIEW)
        self.cancel.setVisible(step != self.DONE)
        self.forward.setText({self.CHOOSE: self.tr("检查"), self.PREVIEW: self.tr("导入"),
                              self.DONE: self.tr("完成")}[step])
        if step == self.PREVIEW and self.preview is not None:
            self.forward.setEnabled(self.preview.writes_anything and not self.busy)
        else:
            self.forward.setEnabled(True)

    def _browse(self) -> None:
        chosen = dialogs.open_file(self, self.tr("选择工作台账"), "",
                                   self.tr("表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)"), purpose="ledgers")
        if chosen is not None:
            self.file.setText(str(chosen))

    def _forward(self) -> None:
        step = self.steps.currentIndex()
        if step == self.CHOOSE:
            self.check()
        elif step == self.PREVIEW:
            self.commit()
        else:
            self.accept()

    # ---------------------------------------------------------------- 1 → 2: preview
    def check(self) -> Job | None:
        path = Path(self.file.text().strip())
        if not self.file.text().strip():
            dialogs.warn(self, self.windowTitle(), self.tr("请先选择要导入的文件"))
            return None
        session = self.session

        def job(progress, cancelled):
            with session.worker_ledger() as ledger:
                return preview_import(ledger, path, progress=progress, cancel=cancelled)

        self.current = None
        self.pending, self.revising = {}, None
        self.job = run_job(self, self.tr("检查工作台账"), job, self._show_preview)
        return self.job

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        lines = [self.tr("文件「{0}」：新增 {1} 行，更新 {2} 行，不变 {3} 行，拒收 {4} 行；跳过空行、合计行、签字行等 {5} 行。").format(
            Path(preview.file).name, preview.count("new"), preview.count("updated"), preview.count("unchanged"),
            preview.count("rejected"), preview.skipped_rows)]
        cells = [self.tr("{0} {1} 处").format(self.tr(KIND_TEXT[k]), preview.warning_count(k))
                 for k in KINDS if preview.warning_count(k)]
        if cells:
            lines.append(self.tr("单元格：{0}。留空的单元格不导入，该行其余内容照常导入；可在下方更正。").format(
                self.tr("，").join(cells)))
        if preview.corrections:
            lines.append(self.tr("已在预览中更正 {0} 处（导入时记入操作日志）。").format(len(preview.corrections)))
        for sheet in preview.sheets:
            lines.append(self.tr("工作表「{0}」：{1}").format(
                sheet.name, self.tr("已读取，{0}").format(sheet.reason) if sheet.used
                else self.tr("未读取，{0}").format(sheet.reason)))
        if preview.unknown_columns:
            lines.append(self.tr("程序不认识的列（数值会随记录保存并在导出时带上）：{0}").format(
                "、".join(preview.unknown_columns)))
        self.summary.setText("\n".join(lines))
        self.model.set_rows(preview.rows)
        self._go(self.PREVIEW)
        self._select(self.current)

    def _filter(self, on: bool) -> None:
        self.model.set_problems_only(on)
        self._select(self.current)

    def _select(self, key: tuple[str, int] | None) -> None:
        """Choose the row of (sheet, Excel row) again after the table changed, else the first one."""
        rows = self.model.rows
        at = next((n for n, r in enumerate(rows) if (r.sheet, r.row) == key), 0 if rows else -1)
        if at < 0:
            self._show_row(-1)
            return
        self.rows.selectRow(at)
        self.rows.scrollTo(self.model.index(at, 0))
        self._show_row(at)

    def _show_row(self, at: int) -> None:
        """The chosen row's problems in full, and its cells under the sheet's own headers."""
        self.cells.blockSignals(True)
        try:
            if self.preview is None or not 0 <= at < len(self.model.rows):
                self.notices.clear()
                self.cells.setRowCount(0)
                return
            row = self.model.rows[at]
            self.current = (row.sheet, row.row)
            head = self.tr("工作表「{0}」第 {1} 行：{2}").format(row.sheet, row.row, self.tr(STATUS_TEXT[row.status]))
            body = [f"<p><b>{html.escape(head)}</b></p>"]
            if not row.notices:
                body.append("<p>" + html.escape(self.tr("没有问题。")) + "</p>")
            cell = self.tr("单元格内容")
            for notice in row.notices:
                value = f"（{cell}：{html.escape(notice.value)}）" if notice.value else ""
                body.append(f"<p>{html.escape(_notice_text(notice))}{value}</p>")
            self.notices.setHtml("".join(body))
            data = next(d for d in self.preview.data if d.name == row.sheet)
            marks = {n.col: n.kind for n in row.notices if n.col is not None}
            columns = sorted(set(data.headers) | set(range(len(row.values))))
            self.cells.setRowCount(len(columns))
            for n, c in enumerate(columns):
                head_item = QTableWidgetItem(data.headers.get(c, self.tr("第{0}列").format(c + 1)))
                head_item.setFlags(head_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                value = row.values[c] if c < len(row.values) else None
                cell = QTableWidgetItem(_cell_text(value))
                cell.setData(Qt.ItemDataRole.UserRole, c)
                cell.setData(Qt.ItemDataRole.UserRole + 1, cell.text())
                kind = marks.get(c)
                if kind in ("rejected", "left_out"):
                    cell.setBackground(QBrush(REJECTED))
                elif kind is not None:
                    cell.setBackground(QBrush(NOTED))
                self.cells.setItem(n, 0, head_item)
                self.cells.setItem(n, 1, cell)
        finally:
            self.cells.blockSignals(False)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 1 or self.preview is None or self.current is None:
            return
        if item.text() == item.data(Qt.ItemDataRole.UserRole + 1):
            return  # opened and left as it was
        self.correct(self.current[0], self.current[1], item.data(Qt.ItemDataRole.UserRole), item.text())

    def correct(self, sheet: str, excel_row: int, column: int, text: str) -> Job:
        """Correct one cell as the clerk typed it and work every row's fate out again.

        导入 waits until the fates are worked out; corrections typed meanwhile go with the next
        round, on top of the preview the last round made, so none is lost."""
        self.current = (sheet, excel_row)
        self.pending[(sheet, excel_row, column)] = text.strip() or None
        self.forward.setEnabled(False)
        if self.revising is not None and not self.revising.done:
            return self.revising
        return self._revise()

    def _revise(self) -> Job:
        preview, session = self.preview, self.session
        corrections, self.pending = self.pending, {}

        def job(progress, cancelled):
            with session.worker_ledger() as ledger:
                return revise_import(ledger, preview, corrections, progress=progress, cancel=cancelled)

        self.revising = self.job = run_job(self, self.tr("重新检查"), job, self._revised,
                                           quiet=len(preview.rows) < 2000, on_error=self._revise_failed)
        return self.revising

    def _revised(self, preview: ImportPreview) -> None:
        self.preview = preview
        if self.pending:  # typed while this round ran
            self._revise()
            return
        self.revising = None
        self._show_preview(preview)

    def _revise_failed(self, message: str) -> None:
        self.revising = None
        self.pending = {}
        dialogs.warn(self, self.tr("重新检查"), message)
        self._go(self.PREVIEW)

    @property
    def busy(self) -> bool:
        """Corrections are being worked out (导入 waits for them)."""
        return self.revising is not None or bool(self.pending)

    # ---------------------------------------------------------------- 2 → 3: import
    def commit(self) -> Job | None:
        preview = self.preview
        if preview is None or self.busy:
            return None
        session, all_or_nothing, folder = self.session, self.all_or_nothing.isChecked(), self.session.backup_folder()

        def job(progress, cancelled):
            with session.worker_ledger() as ledger:
                return import_ledger(ledger, preview, all_or_nothing=all_or_nothing, backup_dir=folder,
                                     progress=progress)

        self.job = run_job(self, self.tr("导入工作台账"), job, self._show_result, cancellable=False)
        return self.job

    def _show_result(self, done: Done[ImportPreview]) -> None:
        self.result = result = done.result
        left_out = result.warning_count("left_out")
        self.outcome.setText(self.tr(
            "已导入：新增 {0} 行，更新 {1} 行；不变 {2} 行，拒收 {3} 行，留空的单元格 {4} 处。\n导入前的数据库已备份到：{5}").format(
            result.count("new"), result.count("updated"), result.count("unchanged"), result.count("rejected"),
            left_out, result.backup or self.tr("（没有写入，不需要备份）")))
        self.rejects_button.setVisible(result.needs_attention)
        self.session.notify(done.changes)
        self._go(self.DONE)

    def save_rejects(self) -> Path | None:
        source = self.result or self.preview
        if source is None:
            return None
        name = Path(source.file).stem + "-需处理的行.xlsx"
        out = dialogs.save_file(self, self.tr("保存需要处理的行"), name, self.tr("Excel 工作簿 (*.xlsx)"), suffix=".xlsx")
        if out is None:
            return None
        saved = run_action(self, self.tr("保存需要处理的行"), lambda: write_rejects(source, out))
        return out if saved is not None else None


def _cell_text(value: Any) -> str:
    """A cell as the detail table shows it: text as written (line breaks too), else as the import reads it."""
    if value is None:
        return ""
    return value if isinstance(value, str) else cell_text(value)
