"""The main window: the modules on the left, the chosen module's page on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.browse import county_size
from core.changes import Changes
from gui import dialogs
from gui.banner import Banner
from gui.buttons import enter_presses_buttons
from gui.data_safety import DataSafety
from gui.help_menu import add_help_menu
from gui.operations import tell
from gui.pages.acceptance import AcceptancesPage
from gui.pages.annual import AnnualListPage
from gui.pages.audit import AuditPage
from gui.pages.filing import FilingsPage
from gui.pages.findings import FindingsPage
from gui.pages.library import AlleysPage, PlansPage, SurveysPage
from gui.pages.overview import OverviewPage
from gui.pages.problems import ProblemsPage
from gui.pages.records import Page
from gui.pages.settings import SettingsPage
from gui.pages.welcome import WelcomePage
from gui.screen import fit_to_screen
from gui.session import Session
from gui.workers import finish_jobs

PAGES: tuple[type[Page], ...] = (
    WelcomePage, AlleysPage, SurveysPage, PlansPage, AnnualListPage,
    AcceptancesPage, FilingsPage, ProblemsPage, OverviewPage, FindingsPage, AuditPage, SettingsPage,
)
PAGE_NAMES = tuple(p.name for p in PAGES)
RECENT = 8
DEFAULT_SIZE = QSize(1400, 860)
TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
"""Where Ctrl+Del edits the text rather than deleting the record on screen."""


class MainWindow(QMainWindow):
    def __init__(self, db: Path, *, user: str | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.session = Session(db, user=user)
        self.session.changed.connect(self._data_changed)
        self._remember_database(self.session.path)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(118)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget(self)
        self.pages: dict[str, Page] = {}
        """The pages built so far: each is built the first time it is shown (start-up stays short)."""
        for cls in PAGES:
            self.stack.addWidget(QWidget(self.stack))  # placeholder until the page is first shown
            item = QListWidgetItem(self.tr(cls.title), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, cls.name)
        self.nav.currentRowChanged.connect(self._nav_changed)
        centre = QWidget(self)
        layout = QHBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.banner = Banner(centre)
        self.banner.retry.connect(self.retry_writable)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(centre)
        self.safety = DataSafety(self)
        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label)
        self._make_menus()
        self._restore_geometry()
        self._update_title()
        self.safety.opened()
        start = "welcome" if self._needs_welcome() else QSettings().value("last_page", "alleys")
        self.go_to(start if start in PAGE_NAMES else "alleys")

    # ---------------------------------------------------------------- navigation
    def _needs_welcome(self) -> bool:
        return self.session.settings() is None or county_size(self.session.ledger) == 0

    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]  (a Page once navigation started)

    def go_to(self, name: str) -> bool:
        """Show page ``name``; False when the current page's unsaved changes kept the clerk there."""
        row = PAGE_NAMES.index(name)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self.nav.currentRow() == row

    def page(self, name: str) -> Page:
        """Page ``name``, built now if it has not been shown yet."""
        page = self.pages.get(name)
        if page is None:
            cls = PAGES[PAGE_NAMES.index(name)]
            page = cls(self.session, self.stack)
            enter_presses_buttons(page)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            if isinstance(page, FindingsPage):
                page.open_record.connect(self.open_record)
            index = PAGE_NAMES.index(name)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[name] = page
        return page

    def open_record(self, name: str, row_id: int | None) -> bool:
        """Show page ``name`` with the record of its row ``row_id`` in the form (a finding's record)."""
        if not self.go_to(name):
            return False
        page = self.current_page()
        if row_id is not None and hasattr(page, "show_record"):
            page.show_record(row_id)
        return True

    def _nav_changed(self, row: int) -> None:
        current = self.current_page()
        target = self.page(PAGE_NAMES[row])
        if current is not target and isinstance(current, Page) and not current.may_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(PAGE_NAMES.index(current.name))
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentWidget(target)
        target.ensure_loaded()
        if target.name != "welcome":
            QSettings().setValue("last_page", target.name)

    def _data_changed(self, changes: Changes) -> None:
        """After a save, an import, a restore …: the pages that show a changed kind re-read it (the
        page on screen now, the others when next shown); the rest keep what they show."""
        for page in self.pages.values():
            if changes.touches(page.shows):
                page.loaded = False
        current = self.current_page()
        if isinstance(current, Page):
            current.ensure_loaded()
        if changes.settings:
            self._update_title()

    def _update_title(self) -> None:
        county = self.session.county_name() or self.tr("未设置县（区）")
        program = self.tr("巷账")
        self.setWindowTitle(f"{program} — {county} — {self.session.path}")
        self.db_label.setText(str(self.session.path))

    # ---------------------------------------------------------------- menus and shortcuts
    def _action(self, text: str, slot, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                name: str = "") -> QAction:
        action = QAction(self.tr(text), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self._action("打开数据库…", self.open_database, QKeySequence.StandardKey.Open))
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self._action("导入 Excel 台账…", self.import_ledger, "Ctrl+I", "import"))
        file_menu.addAction(self._action("导出工作台账…", self.export_ledger, "Ctrl+E", "export"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("从备份恢复…", lambda: self.safety.restore(), name="restore"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("退出", self.close, QKeySequence.StandardKey.Quit))
        edit = bar.addMenu(self.tr("编辑(&E)"))
        edit.addAction(self._action("新建", lambda: self.current_page().new_record(), "Ctrl+N", "new"))
        edit.addAction(self._action("保存", lambda: self.current_page().save(), "Ctrl+S", "save"))
        self.delete_action = self._action("删除…", self.delete_record, "Ctrl+Del", "delete")
        edit.addAction(self.delete_action)
        edit.addAction(self._action("撤销", lambda: self.current_page().undo(), "Ctrl+Z", "undo"))
        edit.addAction(self._action("重做", lambda: self.current_page().redo(), "Ctrl+Shift+Z", "redo"))
        edit.addSeparator()
        edit.addAction(self._action("查找", lambda: self.current_page().focus_search(), "Ctrl+F", "find"))
        edit.addAction(self._action("刷新", self.refresh, "F5", "refresh"))
        print_menu = bar.addMenu(self.tr("打印(&P)"))
        print_menu.addAction(self._action("打印…", lambda: self.current_page().print_current(), "Ctrl+P", "print"))
        go = bar.addMenu(self.tr("转到(&G)"))
        for n, cls in enumerate(PAGES):
            go.addAction(self._action(cls.title, lambda name=cls.name: self.go_to(name),
                                      f"Ctrl+{n}" if n < 10 else None))
        help_menu = add_help_menu(self)
        help_menu.addSeparator()
        help_menu.addAction(self._action("检查数据库…", lambda: self.safety.examine(), name="doctor"))
        help_menu.addAction(self._action("诊断信息…", lambda: self.safety.diagnostics(), name="diagnostics"))

    def delete_record(self) -> None:
        """Ctrl+Del: delete the record on screen (the page asks first). In a text box it deletes the
        word after the cursor instead, as everywhere in Windows: the window's shortcut is offered the
        key before the box, which does not claim it."""
        focus = QApplication.focusWidget()
        if isinstance(focus, TEXT_INPUTS) or (isinstance(focus, QComboBox) and focus.isEditable()):
            # the key sent again, with this shortcut off for that moment (else it would take it again)
            self.delete_action.setEnabled(False)
            try:
                QApplication.sendEvent(focus, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete,
                                                        Qt.KeyboardModifier.ControlModifier))
            finally:
                self.delete_action.setEnabled(True)
            return
        self.current_page().delete_current()

    def refresh(self) -> None:
        page = self.current_page()
        if page.may_leave():
            page.refresh()

    def import_ledger(self) -> None:
        from gui.import_wizard import ImportWizard

        if not self.current_page().may_leave():
            return
        wizard = ImportWizard(self.session, self)
        wizard.open()

    def export_ledger(self) -> None:
        from gui.pages.annual import export_ledger

        export_ledger(self, self.session)

    # ---------------------------------------------------------------- databases
    def open_database(self, path: Path | None = None) -> bool:
        """Switch to another existing database file (chosen in a dialog when ``path`` is None).

        A file that is gone (moved, deleted, a stick not plugged in) is never created anew: an empty
        database in its place would look as if the clerk's data were lost. The clerk is told, and a
        recent-files entry for it can be removed.
        """
        if not self.current_page().may_leave():
            return False
        if path is None:
            path = dialogs.open_file(self, self.tr("打开数据库"), str(self.session.path.parent),
                                     self.tr("巷账数据库 (*.db);;所有文件 (*)"), purpose="databases")
            if path is None:
                return False
        if not path.is_file():
            recent = str(path) in self.recent_databases()
            text = self.tr("找不到数据库文件「{0}」：它可能已被移走、改名或删除，或者所在的 U 盘、网络盘没有连接。"
                           "没有打开，也没有新建任何文件。").format(path)
            if recent and dialogs.confirm(self, self.tr("打开数据库"),
                                          text + "\n\n" + self.tr("要把它从“最近打开”中去掉吗？")):
                self.forget_database(path)
            elif not recent:
                dialogs.warn(self, self.tr("打开数据库"), text)
            return False
        try:
            self.session.open_other(path)
        except Exception as error:  # noqa: BLE001 - a damaged or locked file said as such, a bug logged
            tell(self, self.tr("打开数据库"), error, db=path)
            return False
        self._remember_database(self.session.path)
        self._update_title()
        self.safety.opened()
        self.go_to("welcome" if self._needs_welcome() else "alleys")
        return True

    def retry_writable(self) -> None:
        """The clerk asks again to write (the other program may have closed)."""
        if self.session.retry_writable():
            self.safety.opened()
            self.statusBar().showMessage(self.tr("现在可以修改了"), 8000)
        else:
            self.safety.opened()
            dialogs.warn(self, self.tr("只能查看"), self.session.read_only)

    def _remember_database(self, path: Path) -> None:
        path = Path(path).resolve()
        settings = QSettings()
        settings.setValue("last_database", str(path))
        recent = [p for p in self.recent_databases() if p != str(path)]
        settings.setValue("recent_databases", [str(path), *recent][:RECENT])

    def forget_database(self, path: Path) -> None:
        """Take ``path`` off the recent-files list."""
        QSettings().setValue("recent_databases", [p for p in self.recent_databases() if p != str(path)])

    def recent_databases(self) -> list[str]:
        """The databases opened last, newest first.

        The settings file (INI) cannot tell a list of one from a single text, and gives that one
        path back as a string: taken as a list it would be one entry per character.
        """
        value = QSettings().value("recent_databases") or []
        return [value] if isinstance(value, str) else [str(p) for p in value if p]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.recent_databases():
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda _=False, p=p: self.open_database(Path(p)))

    # ---------------------------------------------------------------- geometry and closing
    def _restore_geometry(self) -> None:
        """The size and place of last time, else the usual size; never larger than the screen (on a
        1366×768 laptop the usual 1400×860 would put the bottom row of buttons under the taskbar)."""
        geometry = QSettings().value("window/geometry")
        restored = geometry is not None and self.restoreGeometry(geometry)
        if not restored:
            self.resize(DEFAULT_SIZE)
        fit_to_screen(self, self.screen().availableGeometry(), maximize=not restored)

    def closeEvent(self, event: QCloseEvent) -> None:
        if isinstance(self.current_page(), Page) and not self.current_page().may_leave():
            event.ignore()
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.safety.stop()
        for page in self.pages.values():
            page.shutdown()
        finish_jobs(self)  # e.g. an export started from the menu: its file is finished or removed
        self.session.close()
        event.accept()
