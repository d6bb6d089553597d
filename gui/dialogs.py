"""The few questions the program asks a clerk, in one place (tests answer them by replacing these)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RELOAD, OVERWRITE = "reload", "overwrite"


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the clerk something was refused or went wrong, and why."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """SAVE, DISCARD or CANCEL for a record with unsaved changes."""
    box = QMessageBox(QMessageBox.Icon.Question, "未保存的修改", f"{what}有未保存的修改，是否保存？", parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def settle_unsaved(parent: QWidget | None, what: str, save: Callable[[], bool], discard: Callable[[], None]) -> bool:
    """Ask about unsaved changes and act on the answer: True when the clerk may go on."""
    answer = ask_unsaved(parent, what)
    if answer == SAVE:
        return save()
    if answer == DISCARD:
        discard()
        return True
    return False


def resolve_conflict(parent: QWidget | None, text: str) -> str:
    """The record was changed by someone else since the clerk opened it (``text`` names each field
    with both values): RELOAD (take theirs, drop mine), OVERWRITE (keep mine over theirs) or CANCEL."""
    box = QMessageBox(QMessageBox.Icon.Warning, "记录已被他人修改", text, parent=parent)
    reload = box.addButton("重新读取（放弃我的修改）", QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton("仍然保存我的修改", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload:
        return RELOAD
    if clicked is overwrite:
        return OVERWRITE
    return CANCEL


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text (e.g. the reason for an amendment), or None when the clerk cancels."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
    return text.strip() if ok and text.strip() else None


def save_file(parent: QWidget | None, title: str, suggested: str, filter_text: str, *,
              suffix: str | tuple[str, ...] = "") -> Path | None:
    """Where to save a file (the clerk picks), or None when cancelled.

    ``suffix`` (".xlsx", or several such as (".xlsx", ".csv") for a filter of several kinds) is
    added when the clerk typed a name without one of them: the suffix of the kind chosen in the
    dialog, else the first.
    """
    from PySide6.QtWidgets import QFileDialog

    chosen, kind = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    if not chosen:
        return None
    return with_suffix(Path(chosen), suffix, kind)


def with_suffix(path: Path, suffix: str | tuple[str, ...], kind: str = "") -> Path:
    """``path`` as :func:`save_file` returns it for the file kind ``kind`` ("Excel 工作簿 (*.xlsx)")."""
    suffixes = (suffix,) if isinstance(suffix, str) else suffix
    if not suffixes or not suffixes[0] or path.suffix.lower() in suffixes:
        return path
    offered = [s.lower() for s in re.findall(r"\*(\.\w+)", kind)]
    wanted = next((s for s in offered if s in suffixes), suffixes[0])
    return path.with_name(path.name.rstrip(".") + wanted)  # Windows drops trailing dots anyway


def open_file(parent: QWidget | None, title: str, folder: str, filter_text: str) -> Path | None:
    """A file to open (the clerk picks), or None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(parent, title, folder, filter_text)
    return Path(chosen) if chosen else None


def open_files(parent: QWidget | None, title: str, folder: str, filter_text: str) -> list[Path]:
    """Files to add (the clerk picks one or several); empty when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileNames(parent, title, folder, filter_text)
    return [Path(c) for c in chosen]


def open_externally(path: Path) -> None:
    """Open a file with the program the system uses for it (PDF reader, photo viewer)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
