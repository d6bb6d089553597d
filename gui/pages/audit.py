"""操作日志: who changed what and when (placeholder until the audit viewer is written)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.pages.records import Page
from gui.session import Session


class AuditPage(Page):
    name = "audit"
    title = "操作日志"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        QVBoxLayout(self).addWidget(QLabel(self.tr("操作日志"), self))
