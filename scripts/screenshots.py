"""Make the pictures of the program in docs/ (offscreen): every page with the 300-alley demo county,
the import wizard's preview of a messy ledger, and the print preview of the annual list; then every
page again as it shows maximized on the small screens of county offices (docs/small-screens/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREEN = ROOT / "tests" / "gui" / "screen-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a laptop's screen, not Qt's 800×800
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

SMALL_SCREENS = {"1366x768": (1366, 698), "1024x768": (1024, 698)}
"""Screen → what a maximized window has inside its frame there (40-pixel taskbar, 30-pixel title bar)."""


def settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait(app, condition, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    out = parser.parse_args().out
    from PySide6.QtCore import QSettings

    from core.demo import make_demo
    from core.store import Ledger
    from gui.app import make_app

    app = make_app()
    folder = Path(tempfile.mkdtemp(prefix="alley-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    db = folder / "示例县.db"
    with Ledger.open(db, user="演示") as ledger:
        make_demo(ledger, alleys=300, seed=1)

    from PySide6.QtCore import Qt

    from gui.main_window import PAGE_NAMES, MainWindow

    window = MainWindow(db)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1360, 820)
    window.show()
    for name in PAGE_NAMES:
        window.go_to(name)
        wait(app, window.current_page().is_ready)
        settle(app)
        window.grab().save(str(out / f"gui-{name}.png"))
    small = out / "small-screens"
    small.mkdir(exist_ok=True)
    for screen, (width, height) in SMALL_SCREENS.items():
        window.resize(width, height)
        for name in PAGE_NAMES:
            window.go_to(name)
            wait(app, window.current_page().is_ready)
            settle(app)
            window.grab().save(str(small / f"{name}-{screen}.png"))
    window.resize(1360, 820)

    from gui import dialogs
    from gui.import_wizard import ImportWizard
    from tests.exchange.test_import import messy_ledger

    book = folder / "城东街道2023年台账.xlsx"
    messy_ledger(book)
    wizard = ImportWizard(window.session, window)
    wizard.show()
    wizard.file.setText(str(book))
    job = wizard.check()
    wait(app, lambda: job.done)
    wizard.problems_only.setChecked(True)
    wizard.rows.selectRow(0)  # 铁匠巷: its unreadable 竣工日期, and the cell to correct
    settle(app)
    wizard.grab().save(str(out / "gui-import-preview.png"))
    wizard.reject()

    window.go_to("annual")
    page = window.current_page()
    wait(app, page.is_ready)
    job = page.print_current()
    wait(app, lambda: job.done and page.preview is not None)
    settle(app)
    page.preview.grab().save(str(out / "gui-print-preview.png"))
    page.preview.accept()
    dialogs.ask_unsaved = lambda *a: dialogs.DISCARD
    window.close()
    print(f"pictures written to {out}")


if __name__ == "__main__":
    main()
