"""Push buttons that fit a small screen and answer the Enter key."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

PADDING = 20
"""Pixels around a compact button's text (frame and margins of the usual styles)."""


class Button(QPushButton):
    """A push button that may shrink to its text when the window is narrow (the style's usual minimum
    of 80 pixels would push a row of them off a 1024-pixel screen), and that Enter presses when it
    has the focus, as Space does (outside dialogs Qt leaves Enter to default buttons only)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        # Preferred, not the usual Minimum: a layout may give it less than its size hint
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(text.replace("&", "")) + PADDING)
        self.setAutoDefault(True)  # outside a dialog this only makes Enter press the focused button


def enter_presses_buttons(root: QWidget) -> None:
    """Let Enter press every push button under ``root`` that has the focus (see :class:`Button`)."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)
