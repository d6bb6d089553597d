"""月调度进度: the monthly progress reports of the plan on the 改造方案 page — a small table of them
and a dialog to add or correct one (its form built from :class:`core.records.ProgressEntry`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import actions, workflow
from core.changes import Changes
from core.money import wan
from core.records import Plan, ProgressEntry
from gui import dialogs
from gui.buttons import Button
from gui.forms import RecordForm
from gui.operations import run_action

# (field, heading) of the table; the amount's heading on two lines keeps the narrow panel readable
COLUMNS = (("reported_on", "填报日期"), ("progress_text", "形象进度"),
           ("cumulative_investment_yuan", "累计完成\n投资(万元)"), ("problems", "存在问题"))
TEXT_COLUMNS = (1, 3)


class ProgressBox(QGroupBox):
    """The plan's monthly progress reports, oldest first, with 添加… / 修改… / 删除…. Every change goes
    through :mod:`core.actions` (audited; the pages that show progress re-read); a filed plan's
    reports change only as an amendment, with a reason. A plan not yet saved has none: the box says
    to save it first."""

    def __init__(self, page: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("月调度进度"))
        self.setObjectName("progress_box")
        self.page = page
        self.plan: Plan | None = None
        self.entries: list[ProgressEntry] = []
        self.dialog: ProgressDialog | None = None
        """The dialog open last (tests fill it in)."""
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setObjectName("progress_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#666")
        layout.addWidget(self.note)
        table = QTableWidget(0, len(COLUMNS), self)
        table.setObjectName("progress_table")
        table.setHorizontalHeaderLabels([self.tr(h) for _, h in COLUMNS])
        header = table.horizontalHeader()
        for column in range(len(COLUMNS)):
            mode = QHeaderView.ResizeMode.Stretch if column in TEXT_COLUMNS else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        # one line a report, the rest behind "…" and in the tooltip: a year's twelve reports stay in view
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setMinimumHeight(140)
        table.setMaximumHeight(240)
        table.itemDoubleClicked.connect(lambda _item: self.edit())
        table.itemSelectionChanged.connect(self._enable)
        self.table = table
        layout.addWidget(table)
        row = QHBoxLayout()
        self.add_button = Button(self.tr("添加…"), self)
        self.add_button.setObjectName("add_progress")
        self.edit_button = Button(self.tr("修改…"), self)
        self.edit_button.setObjectName("edit_progress")
        self.delete_button = Button(self.tr("删除…"), self)
        self.delete_button.setObjectName("delete_progress")
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(lambda: self.edit())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        row.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.show_plan(None)

    # ---------------------------------------------------------------- showing
    def show_plan(self, plan: Plan | None) -> None:
        """Show the reports of ``plan`` (None, or a plan not saved yet: none, and the box disabled)."""
        self.plan = plan if plan is not None and plan.id is not None else None
        self.reload()

    def reload(self) -> None:
        """Re-read the plan's reports from the ledger, keeping the one selected."""
        keep = self.selected()
        self.entries = self.page.session.ledger.progress(plan_id=self.plan.id) if self.plan is not None else []
        table = self.table
        table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            values = (entry.reported_on.isoformat(), entry.progress_text,
                      wan(entry.cumulative_investment_yuan, thousands=True), entry.problems)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in TEXT_COLUMNS and value:
                    item.setToolTip(value)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        ids = [e.id for e in self.entries]
        if keep is not None and keep.id in ids:
            table.selectRow(ids.index(keep.id))
        if self.plan is None:
            self.note.setText(self.tr("请先保存改造方案，再填写月调度进度。"))
        elif not self.entries:
            self.note.setText(self.tr("还没有月调度进度。每月填报一次：形象进度、累计完成投资和存在问题。"))
        else:
            self.note.setText(self.tr("共 {0} 次填报，按填报日期排列；双击一行修改。").format(len(self.entries)))
        self._enable()

    def _enable(self) -> None:
        stored = self.plan is not None
        self.table.setEnabled(stored)
        self.add_button.setEnabled(stored)
        chosen = stored and self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected(self) -> ProgressEntry | None:
        """The report of the row chosen in the table, or None."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()} if self.entries else set()
        return self.entries[min(rows)] if rows and min(rows) < len(self.entries) else None

    # ---------------------------------------------------------------- changing
    def add(self) -> ProgressDialog | None:
        """Open the dialog for a new report of the plan, dated today."""
        if self.plan is None:
            return None
        return self._open(None, workflow.progress_defaults(self.plan))

    def edit(self) -> ProgressDialog | None:
        """Open the dialog on the report chosen in the table."""
        entry = self.selected()
        if entry is None or self.plan is None:
            return None
        return self._open(entry, {})

    def _open(self, entry: ProgressEntry | None, defaults: dict[str, Any]) -> ProgressDialog:
        self.dialog = ProgressDialog(self, entry, defaults)
        self.dialog.open()  # window-modal; saving happens in its own slot
        return self.dialog

    def delete_selected(self) -> bool:
        """删除 the report chosen in the table: asked first (取消 the default), a filed plan's with the
        amendment reason, then deleted by :func:`core.actions.delete_record` (the audit log keeps it)."""
        entry = self.selected()
        if entry is None:
            return False
        page, ledger = self.page, self.page.session.ledger
        if page.session.read_only:
            dialogs.warn(page, self.tr("不能删除"), page.session.read_only)
            return False
        if not dialogs.confirm_delete(page, self.tr("删除月调度进度"), ledger.delete_question(entry)):
            return False
        reason = amendment(page, ledger.locked_by(entry), self.tr("删除"))
        if reason is None:
            return False
        done = run_action(page, self.tr("不能删除"), lambda: actions.delete_record(ledger, entry, reason=reason))
        self.reload()
        if done is None:
            return False
        page.status_message.emit(self.tr("已删除：{0}（原记录在操作日志中）").format(done.result.title))
        return True


def amendment(parent: QWidget, locked: str | None, doing: str) -> str | None:
    """"" for a plan not filed; for a filed (locked) one the amendment reason the clerk gives for
    ``doing`` to one of its reports (None: he cancelled)."""
    if not locked:
        return ""
    return dialogs.amendment_reason(parent, QCoreApplication.translate(
        "ProgressBox", "该方案已于 {0} 归档锁定，{1}月调度进度须作为“更正”并填写原因（记入操作日志）：").format(locked[:10], doing))


class ProgressDialog(QDialog):
    """One monthly report typed or corrected: 填报日期 (today for a new one), 累计完成投资 in 万元 (kept
    in whole 元), 形象进度 and 存在问题, each field's problem in Chinese beside it. 保存 refuses what
    :func:`core.workflow.progress_refusal` refuses, asks the clerk to confirm what
    :func:`core.workflow.progress_warnings` finds, and stores through :func:`core.actions.save_record`."""

    def __init__(self, box: ProgressBox, entry: ProgressEntry | None, defaults: dict[str, Any]):
        super().__init__(box.window())
        self.box, self.page = box, box.page
        self.session = box.page.session  # for run_action: the database named in a failure
        self.setWindowTitle(self.tr("修改月调度进度") if entry is not None else self.tr("添加月调度进度"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        heading = QLabel(self.page.describe(box.plan), self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        self.form = RecordForm(ProgressEntry, [
            (self.tr("月调度"), ["reported_on", "cumulative_investment_yuan", "progress_text", "problems"]),
        ], self, columns=1)
        self.form.load(entry, defaults)
        layout.addWidget(self.form, 1)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_progress")
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        # not the box's accepted(): 保存 closes the dialog only once the report is stored
        self.save_button.clicked.connect(lambda: self.save())
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(520, box.window().width() - 40))

    def announce(self, changes: Changes) -> None:
        """What the save changed goes to the page (run_action calls this)."""
        self.page.announce(changes)

    def save(self) -> bool:
        """Store the report as typed; True once stored (the dialog closes then)."""
        self.form.finish_editing()
        entry = self.form.current
        if entry is None:
            self.form.reveal()  # each field's problem beside it
            return False
        if self.form.record is not None and not self.form.is_dirty():
            self.accept()
            return True
        ledger = self.session.ledger
        refused = workflow.save_refusal(ledger, entry)
        if refused:
            dialogs.warn(self, self.tr("不能保存"), refused)
            return False
        warnings = workflow.progress_warnings(ledger, entry)
        if warnings and not dialogs.confirm(self, self.tr("请核对月调度进度"),
                                            "\n".join(warnings) + "\n\n" + self.tr("仍然保存吗？")):
            return False
        reason = amendment(self, ledger.locked_by(entry), self.tr("修改") if entry.id else self.tr("添加"))
        if reason is None:
            return False
        done = run_action(self, self.tr("不能保存"), lambda: actions.save_record(ledger, entry, reason=reason))
        if done is None:
            return False
        self.box.reload()
        self.box.table.selectRow([e.id for e in self.box.entries].index(done.result.id))
        self.page.status_message.emit(self.tr("已保存：{0} 的月调度进度").format(done.result.reported_on))
        self.accept()
        return True
