"""Issue 15: the window on a clerk's PC — recent databases, small screens, file dialogs, Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from core.store import Ledger
from gui import dialogs
from gui.main_window import PAGE_NAMES, MainWindow
from gui.pages.records import RecordPage


def _open_window(qtbot, db: Path) -> MainWindow:
    window = MainWindow(db, user="测试员")
    qtbot.addWidget(window)
    window.show()
    return window


def test_recent_databases_stay_whole_paths_and_a_missing_one_is_never_created(qtbot, tmp_path, demo_copy,
                                                                             answers, monkeypatch):
    b = tmp_path / "b.db"
    Ledger.open(b).close()
    window = _open_window(qtbot, demo_copy)  # A: the settings file now holds one path
    assert window.open_database(b)  # then B
    assert window.recent_databases() == [str(b), str(demo_copy)]
    window.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries == [str(b), str(demo_copy)]
    # a settings file written by the old program: one path read back as a string
    QSettings().setValue("recent_databases", str(demo_copy))
    assert window.recent_databases() == [str(demo_copy)]
    # the file of a recent entry is gone: nothing is created, the clerk is told and may drop the entry
    window.open_database(demo_copy)
    monkeypatch.chdir(tmp_path)
    b.unlink()
    QSettings().setValue("recent_databases", [str(b), str(demo_copy)])
    window.recent_menu.aboutToShow.emit()
    gone = next(a for a in window.recent_menu.actions() if a.text() == str(b))
    answers.confirmations = [True]
    gone.trigger()
    assert not b.exists() and window.session.path == demo_copy
    assert window.current_page().name != "welcome"
    assert window.recent_databases() == [str(demo_copy)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db" or p.name == "t") == ["county.db"]
    window.close()


# ---------------------------------------------------------------------------------------- small screens
INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
               QAbstractItemView)
CLIENT_AREAS = {"1366×768": QSize(1366, 698), "1024×768": QSize(1024, 698)}
"""What a maximized window has inside its frame on such a screen with a 40-pixel taskbar."""


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return area
        parent = area
    return None


def out_of_reach(window: QWidget) -> list[str]:
    """Visible controls a clerk cannot get at: outside the window, cut at an edge that does not scroll,
    or squeezed narrower than their text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (*INTERACTIVE, QLabel)) or not widget.isVisible() or widget.window() is not window:
            continue
        name = f"{type(widget).__name__}「{getattr(widget, 'text', lambda: '')() or widget.objectName()}」"
        if isinstance(widget, QLineEdit) and widget.width() < widget.minimumWidth() - 1:
            found.append(f"{name} squeezed to {widget.width()} px")
        least = widget.minimumWidth() or widget.minimumSizeHint().width()  # as a layout reads it
        if isinstance(widget, (QAbstractButton, QComboBox)) and widget.width() < least - 1:
            found.append(f"{name} squeezed to {widget.width()} px")
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap() \
                and widget.width() < widget.minimumSizeHint().width() - 1:
            found.append(f"{name} cut to {widget.width()} px")
        inner = widget
        while (area := _scroll_area_of(inner)) is not None:
            if area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                left = inner.mapTo(area.viewport(), inner.rect().topLeft()).x()
                if left < 0 or left + inner.width() > area.viewport().width() + 1:
                    found.append(f"{name} cut by the edge of a scroll area that does not scroll sideways")
            inner = area
        box = QRect(inner.mapTo(window, inner.rect().topLeft()), inner.size())
        if inner.width() > 0 and not window.rect().contains(box):
            found.append(f"{name} outside the window at {box.getRect()}")
    return sorted(set(found))


@pytest.mark.parametrize("screen", CLIENT_AREAS)
def test_every_page_is_usable_on_a_small_screen(qtbot, window, screen):
    size = CLIENT_AREAS[screen]
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(size)
    assert window.minimumSizeHint().width() <= size.width()
    for name in PAGE_NAMES:
        window.go_to(name)
        page = window.current_page()
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        qtbot.waitUntil(lambda: window.size() == size)
        try:  # the last texts shown may still have a layout pass to come
            qtbot.waitUntil(lambda: not out_of_reach(window), timeout=2000)
        except qtbot.TimeoutError:
            pass
        assert out_of_reach(window) == [], name
        if isinstance(page, RecordPage):
            assert cut_headings(page.table) == [], name


def cut_headings(table) -> list[str]:
    """Column headings whose text the table's right edge cuts (总投资(万), scrolled to the left; a wide
    column may go on past the edge as long as its heading reads whole)."""
    header = table.horizontalHeader()
    edge = header.viewport().width()
    cut = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        left = header.sectionViewportPosition(logical)
        title = table.model().headerData(logical, Qt.Orientation.Horizontal)
        if 0 < left < edge < left + header.sectionSize(logical) and \
                edge - left < header.fontMetrics().horizontalAdvance(title) + 16:
            cut.append(title)
    return cut


def test_the_findings_box_shows_every_finding_on_a_laptop_screen(qtbot, window):
    from core.review import review

    ledger = window.session.ledger
    plan = max(ledger.plans(), key=lambda p: len(review(ledger, plan=p).findings))
    assert len(review(ledger, plan=plan).findings) >= 4
    window.go_to("plans")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready)
    page.table.select_record(plan.id)
    assert page.record_id == plan.id
    qtbot.waitUntil(lambda: page.findings.toPlainText().count("建议") >= 4)
    box = page.findings
    qtbot.waitUntil(lambda: box.document().size().height() <= box.viewport().height())
    assert box.verticalScrollBar().maximum() == 0  # nothing hidden below the box's edge
    assert box.height() <= page.side.height() * page.FINDINGS_SHARE + 1


def test_the_print_preview_fits_the_screen(qtbot, window, answers):
    window.go_to("annual")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and page.preview is not None, timeout=30_000)
    preview = page.preview
    qtbot.waitExposed(preview)
    screen = preview.screen().availableGeometry()
    assert preview.frameGeometry().height() <= screen.height() and preview.frameGeometry().width() <= screen.width()
    assert preview.height() + 40 <= screen.height()  # with the title bar a real window system adds
    for button in (preview.print_button, preview.save_button):
        assert preview.rect().contains(QRect(button.mapTo(preview, button.rect().topLeft()), button.size()))
    preview.accept()


# ---------------------------------------------------------------------------------------- file dialogs
REAL_DIALOGS = {name: getattr(dialogs, name) for name in ("open_file", "open_files", "save_file")}


def test_file_dialogs_remember_a_folder_per_purpose_and_start_in_documents(qtbot, window, answers, tmp_path,
                                                                           monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(tmp_path)  # the program's own folder must never be where a dialog opens
    for name, real in REAL_DIALOGS.items():
        monkeypatch.setattr(dialogs, name, real)
    opened_in: list[str] = []
    chosen: list[str] = []

    def open_names(parent, title, folder, kinds):
        opened_in.append(folder)
        return [chosen.pop(0)], kinds

    def save_name(parent, title, start, kinds):
        opened_in.append(start)
        return chosen.pop(0), kinds.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_names))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    scans = tmp_path / "扫描件"
    scans.mkdir()
    for n in (1, 2):
        (scans / f"质量保修书{n}.pdf").write_bytes(_pdf(1, n))
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready)
    plan_id = next(f.plan_id for f in window.session.ledger.filings() if f.locked_at is None)
    page.table.select_record(plan_id)
    chosen.append(str(scans / "质量保修书1.pdf"))
    job = page.add_files()
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert opened_in[-1] == str(home / "Documents")
    chosen.append(str(scans / "质量保修书2.pdf"))
    job = page.add_files()
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert opened_in[-1] == str(scans)  # the scans folder, remembered
    # an export starts in Documents (not the scans folder, not the program's folder) with its name
    window.go_to("annual")
    annual = window.current_page()
    qtbot.waitUntil(annual.is_ready, timeout=10_000)
    exports = tmp_path / "上报"
    exports.mkdir()
    chosen.append(str(exports / "清单.xlsx"))
    job = annual.export_excel()
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert Path(opened_in[-1]).parent == home / "Documents" and opened_in[-1].endswith(".xlsx")
    chosen.append(str(exports / "清单2.xlsx"))
    job = annual.export_excel()
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert Path(opened_in[-1]).parent == exports
    assert not list(tmp_path.glob("*.xlsx"))


def test_qt_file_dialog_reads_chinese(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    seen: dict[str, list[str]] = {}

    def look_and_cancel():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, look_and_cancel)
            return
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    # the program's own call, as 添加备案资料 makes it (Qt draws this dialog itself on Linux)
    assert REAL_DIALOGS["open_files"](None, "添加备案资料", "", "扫描件 (*.pdf)") == []
    texts = seen["labels"]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    english = [t for t in texts if any("a" <= ch.lower() <= "z" for ch in t.replace("&L", "").replace("&N", "")
                                       .replace("&T", ""))]
    assert english == [], english
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"  # only while a dialog is open


def _pdf(pages: int, seed: int = 0) -> bytes:
    """A small real PDF of ``pages`` pages (a scan as a PDF reader sees it)."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    drawing = canvas.Canvas(out)
    for n in range(pages):
        drawing.drawString(100, 700, f"scan {seed} page {n + 1}")
        drawing.showPage()
    drawing.save()
    return out.getvalue()
