"""设置: the county (name, code, lead department, policy profile, the clerk's name)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from core.errors import LedgerError
from core.profile import available_profiles, load_profile
from core.records import CountySettings
from gui import dialogs
from gui.fields import LabelledChoiceEditor
from gui.forms import RecordForm
from gui.pages.records import Page
from gui.session import Session


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
