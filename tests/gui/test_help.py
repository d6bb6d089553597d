"""The 帮助 menu: the manual opens in the system's PDF reader, 关于巷账 names the version and licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from core import __version__
from gui import dialogs, help_menu
from tests.printing.conftest import Pdf


def test_f1_prints_the_manual_and_opens_it(window, qtbot, monkeypatch, tmp_path):
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_externally", opened.append)
    monkeypatch.setattr(help_menu, "manual_path", lambda: tmp_path / "manual.pdf")
    action = window.findChild(QAction, "manual")
    assert action.shortcut().toString() == "F1"
    assert "帮助" in [a.text() for a in window.menuBar().actions()][-1]
    action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [tmp_path / "manual.pdf"]
    assert "一、安装" in Pdf(opened[0]).text


def test_about_names_the_version_licences_and_data_folder(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(title + text))
    action = window.findChild(QAction, "about")
    action.trigger()
    assert shown and f"巷账 {__version__}" in shown[0]
    assert "MIT" in shown[0] and "LGPL-3.0" in shown[0] and "THIRD-PARTY-NOTICES.txt" in shown[0]
