"""The import wizard's corrections: typed in the preview, never lost on the way to 导入."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from core.records import CountySettings
from core.store import Ledger


def _county(tmp_path, rows=3):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["街巷名称", "所在街道", "年度", "类别", "改造内容", "竣工日期"])
    for n in range(rows):
        ws.append([f"巷{n}", "城东街道", 2023, "达标", "白改黑\n雨污分流", "2023年13月" if n < 2 else "2023-10-01"])
    book = tmp_path / "台账.xlsx"
    wb.save(book)
    db = tmp_path / "county.db"
    with Ledger.open(db) as ledger:
        ledger.save_settings(CountySettings(name="示例县", code="450123"))
    return book, db


def _wizard(qtbot, tmp_path, rows=3):
    from gui.import_wizard import ImportWizard
    from gui.main_window import MainWindow

    book, db = _county(tmp_path, rows)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    wizard = ImportWizard(window.session, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    wizard.file.setText(str(book))
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=60_000)
    return window, wizard


def _cell(wizard, header):
    cells = wizard.cells
    return next(r for r in range(cells.rowCount()) if cells.item(r, 0).text() == header)


def test_a_fix_typed_and_followed_at_once_by_import_is_imported(qtbot, tmp_path):
    window, wizard = _wizard(qtbot, tmp_path)
    wizard.rows.selectRow(1)
    cells = wizard.cells
    at = _cell(wizard, "竣工日期")
    cells.setFocus()
    cells.setCurrentCell(at, 1)
    cells.editItem(cells.item(at, 1))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.setText("2023年11月")
    qtbot.mouseClick(wizard.forward, Qt.MouseButton.LeftButton)  # 导入, with the cell still open
    qtbot.waitUntil(lambda: not wizard.busy, timeout=60_000)
    assert wizard.result is None, "导入 waited for the corrected preview"
    assert len(wizard.preview.corrections) == 1 and wizard.forward.isEnabled()
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60_000)
    done = sorted((p.completion_on.isoformat() if p.completion_on else "") for p in window.session.ledger.plans())
    assert done == ["", "2023-10-01", "2023-11-30"]


def test_two_corrections_in_quick_succession_both_count(qtbot, tmp_path):
    window, wizard = _wizard(qtbot, tmp_path, rows=1500)
    column = 5  # 竣工日期
    wizard.correct("台账", 2, column, "2023年10月")
    wizard.correct("台账", 3, column, "2023年11月")
    assert not wizard.forward.isEnabled()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=60_000)
    assert sorted(wizard.preview.corrections) == [("台账", 2, column), ("台账", 3, column)]
    assert wizard.preview.warning_count("left_out") == 0 and wizard.forward.isEnabled()


def test_a_cell_with_line_breaks_shows_them_and_is_no_correction_when_left_alone(qtbot, tmp_path):
    window, wizard = _wizard(qtbot, tmp_path)
    wizard.rows.selectRow(0)
    item = wizard.cells.item(_cell(wizard, "改造内容"), 1)
    assert item.text() == "白改黑\n雨污分流"
    item.setText("白改黑\n雨污分流")
    assert not wizard.busy and wizard.preview.corrections == {}
