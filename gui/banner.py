"""The line across the top of the window for what the clerk must know about the database itself:
read-only and why (another program writes, a read-only file), a file replaced or deleted while
open, a network folder, problems the check at opening found."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

COLOURS = {"error": ("#fde2e2", "#8a1c1c"), "warning": ("#fff4d6", "#6b4e00"), "info": ("#e3f0fb", "#1d4f7a")}


class Banner(QFrame):
    """Messages by key, the most serious colour wins; ``retry`` fires from the 重新尝试 button."""

    retry = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.messages: dict[str, tuple[str, str, bool]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setObjectName("banner_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.retry_button = QPushButton(self.tr("重新尝试"), self)
        self.retry_button.setObjectName("banner_retry")
        self.retry_button.clicked.connect(self.retry)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, key: str, text: str, level: str = "warning", *, retry: bool = False) -> None:
        """Show (or replace) the message ``key``."""
        self.messages[key] = (text, level, retry)
        self._render()

    def clear(self, key: str) -> None:
        """Take the message ``key`` away (the banner hides when none is left)."""
        if self.messages.pop(key, None) is not None:
            self._render()

    def text(self) -> str:
        """Every message shown, one per line."""
        return "\n".join(text for text, _, _ in self.messages.values())

    def _render(self) -> None:
        if not self.messages:
            self.hide()
            return
        level = next((lv for lv in ("error", "warning", "info") if any(m[1] == lv for m in self.messages.values())),
                     "info")
        background, foreground = COLOURS[level]
        self.setStyleSheet(f"QFrame#banner {{ background: {background}; border-bottom: 1px solid {foreground}; }}"
                           f"QLabel#banner_text {{ color: {foreground}; }}")
        self.label.setText(self.text())
        self.retry_button.setVisible(any(m[2] for m in self.messages.values()))
        self.show()
