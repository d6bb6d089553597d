"""统计总览 and 设置. Part 1 gives the overview's year-by-year counts and the county settings form."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from core import browse
from core.errors import LedgerError
from core.profile import available_profiles, load_profile
from core.records import CountySettings
from gui import dialogs
from gui.fields import LabelledChoiceEditor
from gui.forms import RecordForm
from gui.pages.records import Page
from gui.session import Session

STAGES = ("已列入计划", "在建", "已竣工", "已验收", "已归档")


class OverviewPage(Page):
    """Plans of each year by where they stand, against the county's target."""

    name = "overview"
    title = "统计总览"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.table = QTableWidget(self)
        self.table.setObjectName("overview_table")
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        settings = self.session.settings()
        table = browse.plan_table(self.session.ledger)
        year_i, cat_i, status_i = table.index("year"), table.index("category"), table.index("status")
        years = sorted({r[year_i] for r in table.rows})
        headers = ["年度", "任务(条)", "列入计划", "其中精品类", "精品任务", *STAGES[1:]]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        self.table.setRowCount(len(years))
        reached = {"在建": 1, "已竣工": 2, "已验收": 3, "已归档": 4}
        for row, year in enumerate(years):
            rows = [r for r in table.rows if r[year_i] == year]
            stage = Counter(r[status_i] for r in rows)
            target = settings.target_for(year) if settings else None
            values = [year, target.alleys if target else "", len(rows),
                      sum(1 for r in rows if r[cat_i] == "精品类"), target.boutique if target else ""]
            # "started" counts everything that got at least that far
            for name in STAGES[1:]:
                values.append(sum(n for s, n in stage.items() if reached.get(s, 0) >= reached[name]))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.heading.setText(self.tr("{0} 各年度改造进展").format(
            settings.name if settings else ""))


class SettingsPage(Page):
    """County settings: name, code, lead department, profile and the clerk's name."""

    name = "settings"
    title = "设置"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        profiles = [(name, load_profile(name).profile.title) for name in available_profiles()]
        self.form = RecordForm(CountySettings, [
            (self.tr("县（区）"), ["name", "code", "lead_department", "profile", "clerk"]),
        ], self, columns=1, custom_narrow={"profile": LabelledChoiceEditor(profiles)})
        column = QWidget(self)
        column.setMaximumWidth(720)
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
        layout = QVBoxLayout(self)
        layout.addWidget(column)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.form.load(self.session.settings(), {"profile": "guangxi-2022"})

    def save(self) -> bool:
        record = self.form.current
        if record is None:
            dialogs.warn(self, self.tr("不能保存"), self.form.problem_text())
            return False
        try:
            self.session.ledger.save_settings(record)
        except LedgerError as error:
            dialogs.warn(self, self.tr("不能保存"), str(error))
            return False
        self.form.mark_saved(record)
        self.status_message.emit(self.tr("已保存县（区）设置"))
        self.session.notify("settings")
        return True

    def may_leave(self) -> bool:
        if not self.form.is_dirty():
            return True
        answer = dialogs.ask_unsaved(self, self.tr("县（区）设置"))
        if answer == dialogs.SAVE:
            return self.save()
        if answer == dialogs.DISCARD:
            self.refresh()
            return True
        return False

    def undo(self) -> None:
        self.form.undo_stack.undo()

    def redo(self) -> None:
        self.form.undo_stack.redo()
