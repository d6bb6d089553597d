"""Fixtures for driving the real widgets offscreen: isolated settings, a window on a demo copy, typing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from gui import dialogs
from gui.app import install_font, install_translations, settings_setup

SCREEN = Path(__file__).with_name("screen-1366x768.json")
"""Offscreen, the tests run on the usual office laptop's screen (1366×768), not Qt's 800×800 default."""
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # read when the test QApplication is made
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"


@pytest.fixture(scope="session")
def qapp_args():
    return ["alley-ledger-tests"]


@pytest.fixture(scope="session", autouse=True)
def _app_setup(qapp):
    """The test QApplication gets what the program's own start gives it: font and Chinese Qt texts."""
    settings_setup()
    install_font(qapp)
    install_translations(qapp, "zh_CN")
    return qapp


@pytest.fixture(autouse=True)
def settings_dir(tmp_path) -> Path:
    """Each test has its own QSettings file (never the developer's)."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    return folder


class Answers:
    """Stands in for the clerk at every question the program asks (gui.dialogs)."""

    def __init__(self) -> None:
        self.warnings: list[tuple[str, str]] = []
        self.asked_unsaved: list[str] = []
        self.unsaved_answer = dialogs.CANCEL
        self.texts: list[str | None] = []
        self.reasons_asked: list[str] = []
        self.files: list[Path | None] = []
        self.many: list[list[Path]] = []
        self.opened: list[Path] = []
        self.confirmations: list[bool] = []
        self.deletions_asked: list[tuple[str, str]] = []
        self.delete_answers: list[bool] = []
        self.conflicts: list[str] = []
        self.conflict_answer = dialogs.CANCEL

    def warn(self, parent, title, text) -> None:
        self.warnings.append((title, text))

    def ask_unsaved(self, parent, what) -> str:
        self.asked_unsaved.append(what)
        return self.unsaved_answer

    def ask_reason(self, parent, title, label) -> str | None:
        """The next text as typed (the page strips it and asks again while it is blank)."""
        self.reasons_asked.append(label)
        return self.texts.pop(0) if self.texts else None

    def file(self, *args, suffix: str | tuple[str, ...] = "", purpose: str = "") -> Path | None:
        """The next path given, with the suffix added as dialogs.save_file adds it (tested there)."""
        path = self.files.pop(0) if self.files else None
        return dialogs.with_suffix(path, suffix) if path is not None else None

    def files_many(self, *args, purpose: str = "") -> list[Path]:
        return self.many.pop(0) if self.many else []

    def confirm(self, *args) -> bool:
        return self.confirmations.pop(0) if self.confirmations else True

    def confirm_delete(self, parent, title, text) -> bool:
        """删除 unless told otherwise (the real dialog's default is 取消: see test_delete)."""
        self.deletions_asked.append((title, text))
        return self.delete_answers.pop(0) if self.delete_answers else True

    def resolve_conflict(self, parent, text) -> str:
        self.conflicts.append(text)
        return self.conflict_answer


@pytest.fixture
def answers(monkeypatch) -> Answers:
    a = Answers()
    monkeypatch.setattr(dialogs, "warn", a.warn)
    monkeypatch.setattr(dialogs, "inform", lambda *args: None)
    monkeypatch.setattr(dialogs, "ask_unsaved", a.ask_unsaved)
    monkeypatch.setattr(dialogs, "ask_reason", a.ask_reason)
    monkeypatch.setattr(dialogs, "save_file", a.file)
    monkeypatch.setattr(dialogs, "open_file", a.file)
    monkeypatch.setattr(dialogs, "open_files", a.files_many)
    monkeypatch.setattr(dialogs, "open_externally", a.opened.append)
    monkeypatch.setattr(dialogs, "confirm", a.confirm)
    monkeypatch.setattr(dialogs, "confirm_delete", a.confirm_delete)
    monkeypatch.setattr(dialogs, "resolve_conflict", a.resolve_conflict, raising=False)
    return a


@pytest.fixture
def demo_copy(tmp_path, demo_db) -> Path:
    path = tmp_path / "county.db"
    shutil.copy(demo_db, path)
    return path


@pytest.fixture
def window(qtbot, demo_copy, answers) -> Iterator:
    """The main window on a writable copy of the 300-alley demo county."""
    from gui.main_window import MainWindow

    w = MainWindow(demo_copy, user="测试员")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # keyboard shortcuts go to the active window (offscreen, or a real screen)
    qtbot.waitActive(w)
    yield w
    for page in w.pages.values():  # nothing asks on the way out
        if hasattr(page, "form"):
            page.form.undo_stack.setClean()
    w.close()


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a clerk would: ASCII as key presses, Chinese through the input method.

    (qtbot.keyClicks with Chinese text aborts the interpreter; an input method commits Chinese in one go.)
    """
    target = widget.focusProxy() or widget
    target.setFocus()
    for part in _runs(text):
        if part.isascii():
            qtbot.keyClicks(target, part)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(part)
            QApplication.sendEvent(target, event)


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    for ch in text:
        if runs and runs[-1][-1].isascii() == ch.isascii():
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def clear_and_type(qtbot, widget: QWidget, text: str) -> None:
    target = widget.focusProxy() or widget
    target.setFocus()
    target.selectAll()
    from PySide6.QtCore import Qt

    qtbot.keyClick(target, Qt.Key.Key_Delete)
    type_text(qtbot, target, text)
