"""The main window: first start, navigation, remembered settings, Chinese throughout, screenshots."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from core.records import CountySettings
from core.store import Ledger
from gui.main_window import PAGE_NAMES, MainWindow
from tests.gui.conftest import type_text

ROOT = Path(__file__).resolve().parents[2]


def test_first_start_creates_the_database_and_welcomes(qtbot, tmp_path, answers):
    db = tmp_path / "new" / "county.db"
    window = MainWindow(db, user="测试员")
    qtbot.addWidget(window)
    window.show()
    assert db.exists()
    page = window.current_page()
    assert page.name == "welcome"
    assert str(db) in page.intro.text() and "街巷 0 条" in page.intro.text()
    assert "未设置县（区）" in window.windowTitle() and str(db) in window.windowTitle()
    # set up the county from the welcome page
    page.setup_button.click()
    settings = window.current_page()
    assert settings.name == "settings"
    type_text(qtbot, settings.form.editors["name"].widget, "示例县")
    type_text(qtbot, settings.form.editors["code"].widget, "45012")
    assert "格式不对" in settings.form.errors["code"].text()
    type_text(qtbot, settings.form.editors["code"].widget, "3")
    type_text(qtbot, settings.form.editors["lead_department"].widget, "县住房和城乡建设局")
    assert settings.save(), answers.warnings
    assert window.session.settings().name == "示例县" and window.session.settings().code == "450123"
    assert "示例县" in window.windowTitle()
    window.close()


def test_demo_data_loads_on_a_worker_and_fills_the_pages(qtbot, tmp_path, answers):
    window = MainWindow(tmp_path / "demo.db")
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    page.load_demo(alleys=40)
    qtbot.waitUntil(lambda: page.job.done, timeout=60_000)
    assert page.job.ok, answers.warnings
    assert window.current_page().name == "alleys"
    assert window.current_page().table_model.total() == 40
    assert not page.demo_button.isEnabled() or window.session.ledger.counts()["alleys"] == 40
    window.close()


def test_every_module_is_reachable_and_shows_its_records(qtbot, window):
    ledger = window.session.ledger
    counts = ledger.counts()
    accepted_or_filed = {a.plan_id for a in ledger.acceptances()} | {f.plan_id for f in ledger.filings()}
    # acceptances are recorded against plans: one row per plan; filings: one per accepted plan
    expected = {"alleys": counts["alleys"], "surveys": counts["surveys"], "plans": counts["plans"],
                "acceptances": counts["plans"], "filings": len(accepted_or_filed), "problems": counts["problems"]}
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["开始", "街巷库", "调查摸底", "改造方案", "年度清单", "竣工验收", "备案归档", "问题台账",
                      "统计总览", "检查结果", "操作日志", "设置"]
    for name in PAGE_NAMES:
        assert window.go_to(name)
        page = window.current_page()
        assert page.name == name
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        if name in expected:
            assert page.table_model.total() == expected[name], name
            assert page.record_id == page.table_model.record_id(0)  # the first row is open beside the table


def test_shortcuts(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions() if a.objectName()}
    assert shortcuts["new"] == "Ctrl+N" and shortcuts["save"] == "Ctrl+S" and shortcuts["find"] == "Ctrl+F"
    assert shortcuts["print"] == "Ctrl+P" and shortcuts["undo"] == "Ctrl+Z" and shortcuts["redo"] == "Ctrl+Shift+Z"
    assert shortcuts["refresh"] == "F5"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    # F5 re-reads: a record added behind the window's back appears
    from core.records import Alley

    window.session.ledger.add(Alley(code="X-1", name="后加巷", subdistrict="城东街道"))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.table_model.total() == window.session.ledger.counts()["alleys"]


def test_window_geometry_databases_and_columns_are_remembered(qtbot, tmp_path, demo_copy, answers):
    window = MainWindow(demo_copy)
    qtbot.addWidget(window)
    window.show()
    window.resize(1111, 611)
    window.go_to("alleys")
    table = window.current_page().table
    table.show_column(4, False)  # 区域类型
    table.setColumnWidth(1, 222)
    other = tmp_path / "other.db"
    Ledger.open(other).close()  # an empty database made elsewhere (the window opens only existing files)
    window.open_database(other)
    assert window.session.path == other and window.current_page().name == "welcome"
    assert window.recent_databases()[:2] == [str(other), str(demo_copy)]
    window.open_database(demo_copy)
    window.close()

    again = MainWindow(demo_copy)
    qtbot.addWidget(again)
    again.show()
    assert again.height() == 611  # (the offscreen screen is 800 wide, so the width is clamped)
    assert again.current_page().name == "alleys"  # the last page used
    table = again.current_page().table
    assert table.horizontalHeader().isSectionHidden(4)
    assert table.columnWidth(1) == 222
    assert QSettings().value("last_database") == str(demo_copy)
    again.close()


def test_chinese_font_and_qt_texts(qtbot, window):
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert QApplication.font().family() == "WenQuanYi Micro Hei"
    # Qt's own buttons read in Chinese (qtbase_zh_CN.qm ships inside PySide6)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"确定", "取消"}, texts
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "保存"


def test_no_english_left_in_the_window(qtbot, window):
    """Every visible label, button, heading and menu reads in Chinese (codes and numbers aside)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    english = []
    for name in PAGE_NAMES:
        window.go_to(name)
        qtbot.waitUntil(window.current_page().is_ready, timeout=10_000)
        page = window.current_page()
        for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
            text = w.text().replace("&", "")
            if w.isVisible() and any("a" <= ch.lower() <= "z" for ch in text) and not _allowed(text):
                english.append(text)
        for g in page.findChildren(QGroupBox):
            if any("a" <= ch.lower() <= "z" for ch in g.title()) and not _allowed(g.title()):
                english.append(g.title())
    for action in window.menuBar().actions():
        for a in [action, *action.menu().actions()]:
            if any("a" <= ch.lower() <= "z" for ch in a.text().replace("&", "")) and not _allowed(a.text()):
                english.append(a.text())
    assert english == []


def _allowed(text: str) -> bool:
    """Latin letters a clerk expects: menu keys (文件(&F)), file types, the pinyin example, Excel/PDF/WPS, paths."""
    text = re.sub(r"\(&?[A-Z]\)", "", text)
    for word in ("Excel", "PDF", "jfl", "xlsx", "xls", "ods", "csv", ".db", "R1", "R2", "R3", "R4", "R5", "R7",
                 "/tmp", "pytest", "WPS"):
        text = text.replace(word, "")
    return not any("a" <= ch.lower() <= "z" for ch in text) or "/" in text


def test_screenshot_command(tmp_path, demo_copy):
    out = tmp_path / "shots" / "plans.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    exe = Path(sys.executable).with_name("alley-ledger")
    run = subprocess.run([str(exe), "gui", "--db", str(demo_copy), "--screenshot", str(out), "--page", "plans",
                          "--size", "1200x800"], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    bad = subprocess.run([str(exe), "gui", "--db", str(demo_copy), "--screenshot", str(out), "--page", "nowhere"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "没有页面「nowhere」" in bad.stderr


def test_core_never_imports_qt():
    code = ("import pkgutil, importlib, sys, core\n"
            "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
            "    importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui'))]\n"
            "assert not bad, bad\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr


def test_settings_page_refuses_an_empty_county_name(qtbot, tmp_path, answers):
    window = MainWindow(tmp_path / "new.db", user="测试员")
    qtbot.addWidget(window)
    window.go_to("settings")
    page = window.current_page()
    type_text(qtbot, page.form.editors["lead_department"].widget, "县住房和城乡建设局")
    assert not page.save()
    assert "「县（区）名称」不能为空" in answers.warnings[-1][1]
    assert window.session.settings() is None
    type_text(qtbot, page.form.editors["name"].widget, "示例县")
    assert page.save(), answers.warnings
    assert isinstance(window.session.settings(), CountySettings) and window.session.settings().name == "示例县"
    assert page.form.editors["name"].widget.isReadOnly()  # a database belongs to one county
    window.close()


def test_the_qt_binding_keeps_none_alive():
    """PySide6 6.12.0 dropped a reference to None whenever Python code called from C++ returned None
    (a table model's data() does so for most roles); a few thousand calls aborted the program."""
    code = ("import sys\n"
            "from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt\n"
            "from PySide6.QtWidgets import QApplication, QComboBox\n"
            "app = QApplication([])\n"
            "class M(QAbstractTableModel):\n"
            "    def rowCount(self, p=QModelIndex()): return 5\n"
            "    def columnCount(self, p=QModelIndex()): return 5\n"
            "    def data(self, i, role=0): return None\n"
            "m = M(); proxy = QSortFilterProxyModel(); proxy.setSourceModel(m)\n"
            "before = sys.getrefcount(None)\n"
            "for _ in range(20000): proxy.data(proxy.index(1, 1), Qt.ItemDataRole.DisplayRole)\n"
            "box = QComboBox()\n"
            "for i in range(20000): box.addItem(str(i), i)\n"
            "del box\n"
            "assert sys.getrefcount(None) >= before - 100, (before, sys.getrefcount(None))\n"
            "print('ok')\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0 and "ok" in run.stdout, run.stderr[-500:]


def test_another_language_needs_only_a_translation_file(qtbot, tmp_path, demo_copy, answers):
    """The .ts file lists the program's texts; a compiled .qm translates them with no code change."""
    import re as regex

    from PySide6.QtCore import QTranslator

    from gui.pages.library import AlleysPage
    from gui.session import Session

    source = (ROOT / "resources" / "translations" / "alley_ledger_en.ts").read_text(encoding="utf-8")
    assert source.count("<message>") > 100
    translated = regex.sub(r"(<name>RecordPage</name>.*?<source>新建</source>\s*<translation) type=\"unfinished\">",
                           r"\1>New", source, count=1, flags=regex.S)
    # the records' field titles are in the .ts too (scripts/update-translations puts them there)
    translated = regex.sub(r"(<name>RecordForm</name>.*?<source>街巷名称</source>\s*<translation) type=\"unfinished\">",
                           r"\1>Alley name", translated, count=1, flags=regex.S)
    ts = tmp_path / "alley_ledger_en.ts"
    ts.write_text(translated, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "alley_ledger_en.qm")], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load("alley_ledger_en", str(tmp_path))
    QApplication.installTranslator(translator)
    try:
        page = AlleysPage(Session(demo_copy))
        qtbot.addWidget(page)
        assert page.new_button.text() == "New"
        assert page.form.title_of("name") == "Alley name"
        assert page.save_button.text() == "保存"  # not translated in this file: stays Chinese
    finally:
        QApplication.removeTranslator(translator)


def test_every_text_the_window_translates_is_one_lupdate_files_where_qt_looks_for_it():
    """scripts/update-translations (pyside6-lupdate) files ``self.tr("…")`` under the class it is written
    in, which Qt looks up at run time; it cannot see a tr() inside an f-string, and files ``page.tr("…")``
    under a context named "page" that Qt never looks up: such a text stays Chinese whatever the .ts says.
    Outside a class, ``QCoreApplication.translate("Context", "…")`` names the context."""
    import ast

    unseen = []
    for path in sorted((ROOT / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                unseen.append(f"{where} overrides tr()")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr":
                if ast.unparse(node.func.value) != "self" or id(node) in in_fstrings:
                    unseen.append(f"{where} {ast.unparse(node)}")
    assert unseen == []


def test_a_name_typed_without_its_suffix_gets_it(monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from gui import dialogs

    typed = [str(tmp_path / "清单"), str(tmp_path / "清单.XLSX"), ""]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (typed.pop(0), "")))
    assert dialogs.save_file(None, "导出", "", "Excel (*.xlsx)", suffix=".xlsx") == tmp_path / "清单.xlsx"
    assert dialogs.save_file(None, "导出", "", "Excel (*.xlsx)", suffix=".xlsx") == tmp_path / "清单.XLSX"
    assert dialogs.save_file(None, "导出", "", "Excel (*.xlsx)", suffix=".xlsx") is None  # cancelled
    both = "Excel 工作簿 (*.xlsx);;CSV 文本，UTF-8 (*.csv)"
    assert dialogs.with_suffix(tmp_path / "台账", (".xlsx", ".csv"), "CSV 文本，UTF-8 (*.csv)") == tmp_path / "台账.csv"
    assert dialogs.with_suffix(tmp_path / "台账", (".xlsx", ".csv"), "Excel 工作簿 (*.xlsx)") == tmp_path / "台账.xlsx"
    assert dialogs.with_suffix(tmp_path / "台账.csv", (".xlsx", ".csv"), both) == tmp_path / "台账.csv"
    # a dot inside the name is kept: 2023.12 is not a suffix to replace
    assert dialogs.with_suffix(tmp_path / "台账2023.12", (".xlsx", ".csv"), "") == tmp_path / "台账2023.12.xlsx"
    assert dialogs.with_suffix(tmp_path / "台账.", (".xlsx", ".csv"), "CSV (*.csv)") == tmp_path / "台账.csv"
