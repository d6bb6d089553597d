"""Import wizard: choose a ledger file → see every row's fate → import → summary.

The preview and the import are the same core functions as ``alley-ledger import`` (``--dry-run``
and without), run on a worker thread with progress and cancel. Nothing is written before the clerk
presses 导入, and then everything is written in one transaction after a backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.exchange.importer import ImportPreview, commit_import, preview_import, write_rejects
from gui import dialogs
from gui.session import Session
from gui.workers import Job, run_job

STATUS_TEXT = {"new": "新增", "updated": "更新", "unchanged": "不变", "rejected": "拒收"}
REJECTED = QColor("#fde2e2")
MAX_TABLE_ROWS = 20_000


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

        # 2. preview
        preview = QWidget(self)
        layout = QVBoxLayout(preview)
        self.summary = QLabel(preview)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.rows = QTableWidget(0, 6, preview)
        self.rows.setObjectName("import_rows")
        self.rows.setHorizontalHeaderLabels([self.tr(h) for h in ("工作表", "行号", "结果", "街巷编码", "年度", "原因")])
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().hide()
        for c, w in enumerate((110, 50, 50, 120, 50)):
            self.rows.setColumnWidth(c, w)
        layout.addWidget(self.rows, 1)
        self.all_or_nothing = QCheckBox(self.tr("有拒收的行时全部不导入"), preview)
        layout.addWidget(self.all_or_nothing)
        self.steps.addWidget(preview)

        # 3. done
        done = QWidget(self)
        layout = QVBoxLayout(done)
        self.outcome = QLabel(done)
        self.outcome.setObjectName("import_outcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        self.rejects_button = QPushButton(self.tr("保存拒收的行…"), done)
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
        self.resize(900, 600)
        self._go(self.CHOOSE)

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.back.setVisible(step == self.PREVIEW)
        self.cancel.setVisible(step != self.DONE)
        self.forward.setText({self.CHOOSE: self.tr("检查"), self.PREVIEW: self.tr("导入"),
                              self.DONE: self.tr("完成")}[step])
        if step == self.PREVIEW and self.preview is not None:
            self.forward.setEnabled(self.preview.count("new") + self.preview.count("updated") > 0)
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

        self.job = run_job(self, self.tr("检查工作台账"), job, self._show_preview)
        return self.job

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        lines = [self.tr("文件「{0}」：新增 {1} 行，更新 {2} 行，不变 {3} 行，拒收 {4} 行；跳过空行、合计行等 {5} 行。").format(
            Path(preview.file).name, preview.count("new"), preview.count("updated"), preview.count("unchanged"),
            preview.count("rejected"), preview.skipped_rows)]
        for sheet in preview.sheets:
            lines.append(self.tr("工作表「{0}」：{1}").format(
                sheet.name, self.tr("已读取") if sheet.used else self.tr("未读取，{0}").format(sheet.reason)))
        if preview.unknown_columns:
            lines.append(self.tr("程序不认识的列（数值会随记录保存并在导出时带上）：{0}").format(
                "、".join(preview.unknown_columns)))
        self.summary.setText("\n".join(lines))
        shown = preview.rows[:MAX_TABLE_ROWS]
        self.rows.setRowCount(len(shown))
        for n, row in enumerate(shown):
            reason = "；".join(f"「{j.column}」{j.reason}" if j.column else j.reason for j in row.rejections)
            cells = (row.sheet, str(row.row), STATUS_TEXT.get(row.status, row.status), row.code,
                     "" if row.year is None else str(row.year), reason)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.status == "rejected":
                    item.setBackground(QBrush(REJECTED))
                    item.setForeground(QBrush(QColor("#8b0000")))
                if c == 5 and text:
                    item.setToolTip(text)
                self.rows.setItem(n, c, item)
        self._go(self.PREVIEW)

    # ---------------------------------------------------------------- 2 → 3: import
    def commit(self) -> Job | None:
        preview = self.preview
        if preview is None:
            return None
        session, all_or_nothing, folder = self.session, self.all_or_nothing.isChecked(), self.session.backup_folder()

        def job(progress, cancelled):
            progress(10, "备份数据库")
            with session.worker_ledger() as ledger:
                return commit_import(ledger, preview, all_or_nothing=all_or_nothing, backup_dir=folder)

        self.job = run_job(self, self.tr("导入工作台账"), job, self._show_result, cancellable=False)
        return self.job

    def _show_result(self, result: ImportPreview) -> None:
        self.result = result
        self.outcome.setText(self.tr(
            "已导入：新增 {0} 行，更新 {1} 行；不变 {2} 行，拒收 {3} 行。\n导入前的数据库已备份到：{4}").format(
            result.count("new"), result.count("updated"), result.count("unchanged"), result.count("rejected"),
            result.backup or self.tr("（没有写入，不需要备份）")))
        self.rejects_button.setVisible(result.count("rejected") > 0)
        self.session.notify("all")
        self._go(self.DONE)

    def save_rejects(self) -> Path | None:
        source = self.result or self.preview
        if source is None:
            return None
        name = Path(source.file).stem + "-拒收行.xlsx"
        out = dialogs.save_file(self, self.tr("保存拒收的行"), name, self.tr("Excel 工作簿 (*.xlsx)"), suffix=".xlsx")
        if out is None:
            return None
        write_rejects(source, out)
        return out
