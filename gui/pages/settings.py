"""设置: the county (name, code, lead department, policy profile, the clerk's name, yearly targets),
the database file, backups and the holiday tables."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import actions
from core.backups import backup_to_folder, default_backup_folder
from core.profile import available_profiles, load_profile
from core.records import CountySettings
from core.rules.workdays import PACKAGE_YEARS
from gui import dialogs
from gui.fields import LabelledChoiceEditor
from gui.forms import RecordForm
from gui.operations import run_action
from gui.pages.editors import TargetsEditor
from gui.pages.records import Page
from gui.session import Session
from gui.workers import Job, run_job


class SettingsPage(Page):
    """County settings: name, code, lead department, profile and the clerk's name."""

    name = "settings"
    title = "设置"
    shows = frozenset({"settings", "holidays"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        profiles = [(name, load_profile(name).profile.title) for name in available_profiles()]
        self.targets = TargetsEditor()
        self.form = RecordForm(CountySettings, [
            (self.tr("县（区）"), ["name", "code", "lead_department", "profile", "clerk"]),
            (self.tr("年度任务"), ["targets"]),
        ], self, columns=1, custom={"targets": self.targets},
            custom_narrow={"profile": LabelledChoiceEditor(profiles)})
        column = QWidget(self)
        column.setMaximumWidth(760)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        inner.addLayout(buttons)

        # the database file
        database = QGroupBox(self.tr("数据库"), column)
        grid = QFormLayout(database)
        self.db_path = QLabel(database)
        self.db_path.setObjectName("db_path")
        self.db_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_path.setWordWrap(True)
        grid.addRow(self.tr("文件"), self.db_path)
        other = QPushButton(self.tr("打开其他数据库…"), database)
        other.clicked.connect(lambda: self.window().open_database())
        grid.addRow("", other)
        inner.addWidget(database)

        # backups
        backups = QGroupBox(self.tr("备份"), column)
        grid = QFormLayout(backups)
        folder_row = QHBoxLayout()
        self.backup_folder = QLineEdit(backups)
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.editingFinished.connect(lambda: self._keep_folder(self.backup_folder.text()))
        choose = QPushButton(self.tr("选择…"), backups)
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose)
        grid.addRow(self.tr("备份文件夹"), folder_row)
        self.backup_count = QSpinBox(backups)
        self.backup_count.setObjectName("backup_count")
        self.backup_count.setRange(1, 200)
        self.backup_count.setSuffix(self.tr(" 份"))
        self.backup_count.valueChanged.connect(lambda n: QSettings().setValue("backup/count", n))
        grid.addRow(self.tr("保留最近"), self.backup_count)
        self.backup_button = QPushButton(self.tr("立即备份"), backups)
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.backup_note = QLabel(backups)
        self.backup_note.setWordWrap(True)
        grid.addRow(self.backup_button, self.backup_note)
        inner.addWidget(backups)

        # holiday tables (R10)
        holidays = QGroupBox(self.tr("节假日表（问题办理期限按工作日计算）"), column)
        grid = QFormLayout(holidays)
        self.holiday_years = QLabel(holidays)
        self.holiday_years.setObjectName("holiday_years")
        self.holiday_years.setWordWrap(True)
        grid.addRow(self.tr("已有"), self.holiday_years)
        load = QPushButton(self.tr("导入某年节假日表…"), holidays)
        load.setObjectName("load_holidays")
        load.clicked.connect(lambda: self.load_holidays())
        grid.addRow("", load)
        inner.addWidget(holidays)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget(scroll)
        holder_layout = QVBoxLayout(holder)
        holder_layout.addWidget(column)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.job: Job | None = None

    def refresh(self) -> None:
        self.form.load(self.session.settings(), {"profile": "guangxi-2022"})
        self.after_load()
        self.db_path.setText(str(self.session.path))
        settings = QSettings()
        self.backup_folder.setText(str(self.session.backup_folder()))
        self.backup_count.setValue(int(settings.value("backup/count", 10)))
        self._show_holidays()

    def after_load(self) -> None:
        # A database belongs to one county (core.workflow.settings_refusal): once named, the name stays.
        named = self.form.record is not None
        self.form.set_read_only(["name"], named)
        self.form.editors["name"].widget.setToolTip(
            self.tr("一个数据库只属于一个县（区），名称设置后不能修改；另一个县（区）请另建数据库文件") if named else "")

    def _show_holidays(self) -> None:
        first, last = PACKAGE_YEARS[0], PACKAGE_YEARS[-1]
        _, loaded = self.session.ledger.holiday_table()
        text = self.tr("{0}—{1} 年：国务院公布的放假安排（随程序提供）").format(first, last)
        if loaded:
            text += "\n" + self.tr("另已导入：{0} 年").format("、".join(map(str, sorted(loaded))))
        self.holiday_years.setText(text + "\n" + self.tr("没有节假日表的年份按周一至周五估算，期限标“暂估”。"))

    def _choose_folder(self) -> None:
        chosen = dialogs.choose_folder(self, self.tr("选择备份文件夹"), self.backup_folder.text())
        if chosen is not None:
            self.backup_folder.setText(str(chosen))
            self._keep_folder(str(chosen))

    def _keep_folder(self, text: str) -> None:
        """Remember the folder typed or chosen; blank or the default means the default (which follows
        the database when another one is opened)."""
        text = text.strip()
        if not text or Path(text) == default_backup_folder(self.session.path):
            QSettings().remove("backup/folder")
        else:
            QSettings().setValue("backup/folder", text)

    def backup_now(self) -> Job:
        """Copy the database to the backup folder on a worker, keeping the newest N backups."""
        if self.job is not None and not self.job.done:
            return self.job  # one backup at a time: a second click waits for the first
        self._keep_folder(self.backup_folder.text())  # blank: the default, never "wherever the program started"
        folder, keep, session = self.session.backup_folder(), self.backup_count.value(), self.session
        self.backup_folder.setText(str(folder))

        def job(progress, cancelled):
            with session.worker_ledger() as ledger:
                return backup_to_folder(ledger, folder, keep=keep, progress=progress, cancel=cancelled)

        def done(result) -> None:
            removed = len(result["removed"])
            self.backup_note.setText(self.tr("已备份到 {0}（{1:.1f} MB）{2}").format(
                result["path"], result["bytes"] / 1024 / 1024,
                self.tr("；删除了 {0} 份较早的备份").format(removed) if removed else ""))

        self.backup_button.setEnabled(False)
        self.job = run_job(self, self.tr("备份数据库"), job, done)
        self.job.finished.connect(lambda *_: self.backup_button.setEnabled(True))
        return self.job

    def load_holidays(self, path: Path | None = None) -> bool:
        """Load a year's official holiday table (CSV or Excel: 日期, 类型 休/班, 名称)."""
        path = path or dialogs.open_file(self, self.tr("导入节假日表"), "",
                                         self.tr("节假日表 (*.csv *.xlsx *.xls);;所有文件 (*)"), purpose="holidays")
        if path is None:
            return False
        done = run_action(self, self.tr("导入节假日表"), lambda: actions.load_holidays(self.session.ledger, path))
        if done is None:
            return False
        self._show_holidays()
        self.status_message.emit(self.tr("已导入 {0} 年节假日表").format(done.result))
        return True

    def save(self) -> bool:
        record = self.form.current
        if record is None:
            dialogs.warn(self, self.tr("不能保存"), self.form.problem_text())
            return False
        done = run_action(self, self.tr("不能保存"), lambda: actions.save_settings(self.session.ledger, record))
        if done is None:
            return False
        self.form.mark_saved(record)
        self.after_load()
        self.status_message.emit(self.tr("已保存县（区）设置"))
        return True

    def may_leave(self) -> bool:
        if not self.form.is_dirty():
            return True
        return dialogs.settle_unsaved(self, self.tr("县（区）设置"), self.save, self.refresh)

    def undo(self) -> None:
        self.form.undo_stack.undo()

    def redo(self) -> None:
        self.form.undo_stack.redo()
