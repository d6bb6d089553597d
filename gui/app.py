"""Start the desktop program: ``alley-ledger gui [--db PATH] [--screenshot OUT.png [--page NAME]]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

START = time.perf_counter()

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.paths import default_db_path, resources_dir  # noqa: E402

ORGANISATION = "AlleyLedger"
APPLICATION = "alley-ledger"
FONT_SIZE = 10


def settings_setup() -> None:
    """QSettings() everywhere means the program's own settings (INI file in the user's profile)."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def install_font(app: QApplication) -> str:
    """Register the bundled CJK font and make it the program's font; returns its family.

    Office PCs have a Chinese font, but a minimal Windows image or a Linux machine may not, and
    then every label is a row of empty boxes.
    """
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.tt[cf]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(families[0], FONT_SIZE)
        app.setFont(font)
        return families[0]
    return app.font().family()


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Qt's own Chinese (确定/取消 on standard buttons) and the program's translation for ``language``.

    The program's texts are written in Chinese; another language needs only
    ``resources/translations/alley_ledger_<language>.qm`` (made from the ``.ts`` file with
    pyside6-lrelease), no code change.
    """
    language = language or QSettings().value("language", "zh_CN")
    QLocale.setDefault(QLocale(language))
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir),
                         (f"alley_ledger_{language}", str(resources_dir() / "translations"))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def set_identity(app: QApplication) -> None:
    """Our icon on every window and, on Windows, in the taskbar: Windows groups a window under the
    process's AppUserModelID, which for a program started through python.exe is Python's own."""
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "alley-ledger.png")))
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("AlleyLedger.AlleyLedger")


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with settings, font and translations in place (also used by the tests)."""
    settings_setup()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    set_identity(app)
    install_font(app)
    install_translations(app)
    return app


def choose_database(given: Path | None) -> Path:
    """The database to open: the one given, else the last one used (if it still exists), else the default."""
    if given is not None:
        return given
    last = QSettings().value("last_database")
    if last and Path(last).exists():
        return Path(last)
    return default_db_path()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="alley-ledger gui", description="巷账：打开桌面程序")
    p.add_argument("--db", type=Path, default=None, help="数据库文件（默认：上次打开的或程序的默认数据库）")
    p.add_argument("--user", default=None, help="操作人姓名（记入操作日志）")
    p.add_argument("--screenshot", type=Path, default=None, help="打开窗口、等数据显示后存为 PNG 并退出")
    p.add_argument("--page", default=None, help="截图前切换到的页面，如 alleys、plans、annual")
    p.add_argument("--size", default="1400x860", help="截图时的窗口大小，如 1400x860")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    app = make_app()
    from gui.main_window import PAGE_NAMES, MainWindow

    if args.page is not None and args.page not in PAGE_NAMES:
        sys.stderr.write(f"没有页面「{args.page}」（可选：{'、'.join(PAGE_NAMES)}）\n")
        return 2
    db = choose_database(args.db)
    try:
        window = MainWindow(db, user=args.user)
    except Exception as error:  # noqa: BLE001 - a database that cannot be opened: said in Chinese, a bug logged
        from core.messages import message_for
        from gui import dialogs

        message = message_for(error, db=db, where="桌面程序启动")
        if sys.stderr is not None:  # None in the windowed program
            sys.stderr.write(f"错误：{message.text}\n")
        if args.screenshot is None:  # the windowed program has no console to read it in
            dialogs.warn(None, "巷账", message.text)
        return 70 if message.is_bug else 1
    from gui.operations import install_excepthook

    install_excepthook(window)
    if args.screenshot is not None:
        width, _, height = args.size.partition("x")
        window.setWindowState(Qt.WindowState.WindowNoState)  # the size asked for, whatever the screen
        window.resize(int(width), int(height))
        return screenshot(app, window, args.screenshot, args.page)
    window.show()
    if args.page:
        window.go_to(args.page)
    window.statusBar().showMessage(f"启动用时 {time.perf_counter() - START:.1f} 秒", 5000)
    return app.exec()


def screenshot(app: QApplication, window: object, out: Path, page: str | None, timeout_s: float = 30.0) -> int:
    """Show ``window`` at ``page``, wait until the page shows its data, save a PNG, return the exit status."""
    window.show()  # type: ignore[attr-defined]
    if page:
        window.go_to(page)  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout_s
    status = {"code": 1}
    settled = {"polls": 0}

    def poll() -> None:
        current = window.current_page()  # type: ignore[attr-defined]
        ready = current.is_ready()
        if ready:
            app.processEvents()  # let the last updates paint; they may start more work
            ready = current.is_ready()
        # Ready at two polls in a row: a table that wraps its rows lays them out again on the next
        # turn of the event loop after its data arrives (the 统计总览 came out in two layouts).
        settled["polls"] = settled["polls"] + 1 if ready else 0
        if settled["polls"] >= 2 or time.monotonic() > deadline:
            image = window.grab()  # type: ignore[attr-defined]
            out.parent.mkdir(parents=True, exist_ok=True)
            ok = image.save(str(out))
            status["code"] = 0 if ok and ready else 1
            if not ok:
                sys.stderr.write(f"错误：截图无法保存到「{out}」\n")
            elif not ready:
                sys.stderr.write(f"错误：页面在 {timeout_s:g} 秒内没有显示出数据，截图可能不完整\n")
            window.close()  # type: ignore[attr-defined]
            app.quit()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    app.exec()
    return status["code"]


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
