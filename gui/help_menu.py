"""The 帮助 menu: the user manual (使用说明, printed by core.printing.manual) and 关于巷账.

Its texts are in the translation context ``HelpMenu`` (these are functions, not a class of their own)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from core import __version__
from core.paths import data_dir, resource
from gui import dialogs
from gui.workers import Job, run_job


def manual_path() -> Path:
    """Where the program writes the manual it opens (a temporary folder: it is made anew each time)."""
    return Path(tempfile.gettempdir()) / "AlleyLedger" / f"巷账使用说明-{__version__}.pdf"


def open_manual(window: QMainWindow) -> Job:
    """Print the manual on a worker and open it in the system's PDF reader."""
    from core.printing.manual import render_manual

    target = manual_path()
    return run_job(window, QCoreApplication.translate("HelpMenu", "生成使用说明"),
                   lambda progress, cancel: render_manual(target, progress=progress, cancel=cancel),
                   lambda _pages: dialogs.open_externally(target))


def about_text() -> str:
    """The 关于巷账 text: version, licences and where the clerk's data is."""
    notices = resource("THIRD-PARTY-NOTICES.txt")
    return QCoreApplication.translate(
        "HelpMenu",
        "<h3>巷账 {0}</h3>"
        "<p>城市背街小巷整治改造提升台账</p>"
        "<p>本程序采用 MIT 许可证。随程序提供的 Qt（LGPL-3.0）、Python 及各软件库、"
        "文泉驿微米黑字体各有其许可，见 THIRD-PARTY-NOTICES.txt{1}。</p>"
        "<p>数据文件夹：{2}</p>"
    ).format(__version__, f"（{notices.parent}）" if notices.exists() else "", data_dir())


def add_help_menu(window: QMainWindow) -> QMenu:
    """Add 帮助 to the window's menu bar: 使用说明 (F1) and 关于巷账."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "帮助(&H)"))
    manual = menu.addAction(QCoreApplication.translate("HelpMenu", "使用说明"))
    manual.setObjectName("manual")
    manual.setShortcut("F1")
    manual.triggered.connect(lambda *_: open_manual(window))
    about_title = QCoreApplication.translate("HelpMenu", "关于巷账")
    about = menu.addAction(about_title)
    about.setObjectName("about")
    about.triggered.connect(lambda *_: QMessageBox.about(window, about_title, about_text()))
    return menu
