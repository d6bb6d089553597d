"""Things a review found a clerk could hit: each is driven through the real widgets here."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.actions import save_record
from core.records import Alley, CountySettings, Plan
from core.store import Ledger
from gui.main_window import MainWindow
from gui.workers import run_job
from tests.gui.conftest import clear_and_type, type_text


def test_the_alley_pickers_follow_new_alleys_and_other_databases(qtbot, window, tmp_path):
    window.go_to("surveys")
    picker = window.current_page().form.editors["alley_id"].widget
    before = picker.count()
    done = save_record(window.session.ledger, Alley(code="N-1", name="新开巷", subdistrict="城东街道"))
    window.session.notify(done.changes)
    window.go_to("surveys")
    assert picker.count() == before + 1 and picker.findText("N-1 新开巷（城东街道）") > 0
    other = tmp_path / "other.db"
    with Ledger.open(other) as ledger:
        ledger.save_settings(CountySettings(name="乙县"))
        ledger.add(Alley(code="Y-1", name="乙巷", subdistrict="乙街道"))
    window.open_database(other)
    window.go_to("surveys")
    picker = window.current_page().form.editors["alley_id"].widget
    assert [picker.itemText(i) for i in range(picker.count())] == ["", "Y-1 乙巷（乙街道）"]


def test_a_job_that_finished_its_writing_is_not_reported_as_cancelled(qtbot, window):
    def job(progress, cancelled):
        running.cancel()  # the clerk pressed 取消 while the transaction was committing
        return "written"

    running = run_job(window, "写入", job, quiet=True)
    qtbot.waitUntil(lambda: running.done, timeout=10_000)
    assert running.ok and running.result == "written"


def test_a_cell_still_being_typed_is_saved(qtbot, window, answers):
    window.go_to("plans")
    page = window.current_page()
    tree = page.measures.tree
    item = page.measures.items["clean"]
    tree.setFocus()
    tree.setCurrentItem(item, 3)  # the cell opens for typing as the clerk moves onto it
    editor = QApplication.focusWidget()
    assert editor.parentWidget().parentWidget() is tree
    editor.selectAll()
    type_text(qtbot, editor, "1.2345")  # 万元
    answers.texts = ["估算录错"]  # the demo's first plan is filed: the change is an amendment
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = window.session.ledger.get(Plan, page.record_id)
    assert next(m for m in saved.measures if m.code == "clean").estimated_investment_yuan == 12345


def test_a_pipe_year_typed_into_an_unticked_row_ticks_it(qtbot, window):
    window.go_to("surveys")
    page = window.current_page()
    pipes = page.pipes.widget
    row = next(r for r in range(pipes.rowCount()) if pipes.item(r, 0).checkState() != Qt.CheckState.Checked)
    pipes.item(row, 1).setText("1970")
    assert pipes.item(row, 0).checkState() == Qt.CheckState.Checked
    assert page.form.is_dirty()
    assert any(p[1] == "1970" for p in page.pipes.raw())


def test_saving_a_plan_keeps_measure_notes_and_their_order(qtbot, window, answers):
    ledger = window.session.ledger
    plan = ledger.plans()[4]
    measures = [{**m.model_dump(), "note": f"说明{n}"} for n, m in enumerate(reversed(plan.measures))]
    plan = ledger.save(Plan.model_validate({**plan.model_dump(), "measures": measures}), reason="测试准备")
    window.go_to("plans")
    page = window.current_page()
    page.table.select_record(plan.id)
    assert not page.form.is_dirty()  # loading changes nothing
    clear_and_type(qtbot, page.form.editors["notes"].widget, "只改备注")
    answers.texts = ["补充备注"]
    assert page.save()
    saved = ledger.get(Plan, plan.id)
    assert [m.model_dump() for m in saved.measures] == [m.model_dump() for m in plan.measures]
    assert saved.notes == "只改备注"


def test_the_landscape_list_prints_landscape_and_closing_the_preview_stops_printing(qtbot, window, tmp_path, answers):
    from PySide6.QtPrintSupport import QPrinter

    window.go_to("annual")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and page.preview is not None, timeout=60_000)
    preview = page.preview
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageOrientation(preview.orientation())
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printing = preview.print_to(printer)
    preview.accept()  # closed at once, while pages are being drawn
    qtbot.waitUntil(lambda: printing.done, timeout=30_000)
    assert answers.warnings == []
    box = PdfReader(str(out)).pages[0].mediabox
    assert box.width > box.height


def test_closing_the_window_during_an_export_neither_crashes_nor_leaves_half_a_file(qtbot, window, tmp_path, answers):
    from gui.pages.annual import export_ledger

    out = tmp_path / "台账.xlsx"
    answers.files = [out]
    job = export_ledger(window, window.session)
    window.close()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert not out.exists() or out.stat().st_size > 0 and job.ok


def test_the_annual_list_of_a_county_not_set_up_says_what_to_do(qtbot, tmp_path, answers):
    window = MainWindow(tmp_path / "blank.db")
    qtbot.addWidget(window)
    window.show()
    window.go_to("annual")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    assert "请在程序的“设置”中填写" in page.summary.text()
    assert answers.warnings == []
    window.close()


def test_saving_on_the_way_to_another_row_opens_and_highlights_that_row(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name
    first = page.record_id
    type_text(qtbot, page.form.editors["name"].widget, "乙")  # the edit moves it in the sorted table
    answers.unsaved_answer = "save"
    answers.texts.append("更正名称")  # asked when the alley's plan is filed (its name prints in the packet)
    target_row = 3
    target = page.table_model.record_id(target_row)
    page.table.selectRow(target_row)
    qtbot.waitUntil(lambda: page.record_id == target, timeout=3000)
    assert window.session.ledger.get(Alley, first).name.endswith("乙")
    assert page.table.current_record_id() == page.record_id == target


def test_typing_and_deleting_leaves_nothing_unsaved(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    chief = page.form.editors["chief"].widget
    type_text(qtbot, chief, "x")
    assert page.form.is_dirty()
    qtbot.keyClick(chief, Qt.Key.Key_Backspace)
    assert not page.form.is_dirty()


def test_a_survey_needs_its_alley_beside_the_field(qtbot, window, answers):
    window.go_to("surveys")
    page = window.current_page()
    page.new_record()
    clear_and_type(qtbot, page.form.editors["surveyed_on"].widget, "2025-03-05")
    assert not page.save()
    assert page.form.errors["alley_id"].isVisible() and "必须选择" in page.form.errors["alley_id"].text()


def test_ctrl_p_on_the_alley_page_previews_its_survey_form(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=60_000)
    text = PdfReader(str(page.preview.path)).pages[0].extract_text()
    assert page.form.record.name in text
    page.preview.accept()


def test_a_large_county_reads_its_tables_on_a_worker(qtbot, monkeypatch, window, answers):
    """Above SYNC_ALLEYS alleys a page reads its table on a worker: the page shows when the rows come,
    and a save re-reads in the background while the saved record stays on screen."""
    from gui.pages.records import RecordPage

    monkeypatch.setattr(RecordPage, "SYNC_ALLEYS", 0)
    window.go_to("plans")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    assert page.table_model.total() == window.session.ledger.counts()["plans"]
    target = page.table_model.record_id(7)
    page.table.selectRow(7)
    assert page.record_id == target
    clear_and_type(qtbot, page.form.editors["notes"].widget, "后台读取测试")
    answers.texts = ["测试"]
    assert page.save()
    assert not page.is_ready()  # the table is being read again
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    assert page.record_id == target and page.table.current_record_id() == target
    assert window.session.ledger.get(Plan, target).notes == "后台读取测试"
