"""Tables (search, filters, copy, lazy rows), the annual list page, the import wizard and long jobs."""

from __future__ import annotations

import shutil

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.browse import initials
from core.exchange.export import export_ledger
from core.records import Alley, Plan
from core.store import Ledger
from gui.tables import BATCH
from tests.gui.conftest import type_text


def test_search_matches_chinese_codes_and_pinyin_initials(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    model = page.table_model
    ledger = window.session.ledger
    target = ledger.alleys()[7]
    letters = initials(target.name)
    type_text(qtbot, page.search, letters)
    names = [model.row_values(r)[2] for r in range(model.rowCount())]
    assert target.name in names
    assert all(initials(n).find(letters) >= 0 or letters in model.row_values(i)[1]
               for i, n in enumerate(names))
    assert page.count_label.text().startswith(f"{model.matching()} / 300")
    page.search.clear()
    type_text(qtbot, page.search, target.name[:2])
    assert model.matching() >= 1
    assert all(target.name[:2] in " ".join(map(str, model.row_values(r)[1:5])) for r in range(model.rowCount()))
    page.search.clear()
    type_text(qtbot, page.search, target.code)
    assert model.matching() == 1 and model.record_id(0) == target.id


def test_filters_narrow_the_table_and_combine_with_search(qtbot, window):
    window.go_to("plans")
    page = window.current_page()
    model = page.table_model
    years = page.filter_boxes["year"]
    years.setCurrentIndex(years.findData(2023))
    sub = page.filter_boxes["subdistrict"]
    sub.setCurrentIndex(1)
    chosen = sub.currentData()
    rows = [model.row_values(r) for r in range(model.rowCount())]
    assert rows and all(r[5] == 2023 and r[3] == chosen for r in rows)
    expected = sum(1 for p in window.session.ledger.plans(year=2023)
                   if window.session.ledger.get(type(window.session.ledger.alleys()[0]), p.alley_id).subdistrict == chosen)
    assert model.matching() == expected


def test_sorting_and_lazy_rows(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    model, view = page.table_model, page.table
    assert model.rowCount() == BATCH < model.total()  # only a batch is handed to the view at first
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == model.total())
    view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # 长度(米)
    lengths = [model.row_values(r)[6] for r in range(model.matching()) if model.row_values(r)[6] is not None]
    assert lengths == sorted(lengths, reverse=True)


def test_copy_rows_as_tab_separated_text(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    view = page.table
    view.selectRow(0)
    view.selectionModel().select(page.table_model.index(1, 0), view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["街巷编码", "街巷名称", "所在街道"]
    first = page.table_model.row_values(0)
    assert lines[1].split("\t")[:3] == [first[1], first[2], first[3]]
    assert len(lines) == 3


def test_annual_list_page_counts_exports_and_previews(qtbot, window, answers, tmp_path):
    window.go_to("annual")
    page = window.current_page()
    year = page.year
    year.setCurrentIndex(year.findData(2023))
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    data = page.data
    assert data.year == 2023 and page.table_model.total() == len(data.rows) > 0
    assert f"列入清单 {len(data.rows)} 条" in page.summary.text()
    if data.target is not None:
        assert f"县定任务 {data.target} 条" in page.summary.text()

    out = tmp_path / "清单.xlsx"
    answers.files = [out]
    job = page.export_excel()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.ok, answers.warnings
    sheet = openpyxl.load_workbook(out).active
    names = {row[1] for row in sheet.iter_rows(values_only=True)}
    assert {r.name for r in data.rows} <= names

    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and page.preview is not None, timeout=60_000)
    preview = page.preview
    pdf = PdfReader(str(preview.path))
    assert preview.pages == len(pdf.pages) > 0
    assert preview.of.text() == f"共 {len(pdf.pages)} 页"
    assert data.title in pdf.pages[0].extract_text()
    image = preview.image.pixmap()
    assert image.width() > image.height() > 300  # landscape A4 drawn
    preview.next.click()
    assert preview.number.value() == min(2, preview.pages)
    saved = tmp_path / "另存.pdf"
    answers.files = [saved]
    assert preview.save_as() == saved and saved.read_bytes() == preview.path.read_bytes()
    preview.accept()


def test_print_preview_prints_every_page(qtbot, window, tmp_path, answers):
    from PySide6.QtPrintSupport import QPrinter

    from gui.preview import PreviewDialog

    window.go_to("annual")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and page.preview is not None, timeout=60_000)
    preview: PreviewDialog = page.preview
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    running = preview.print_to(printer)
    qtbot.waitUntil(lambda: running.done, timeout=60_000)
    assert running.ok, answers.warnings
    assert len(PdfReader(str(out)).pages) == preview.pages
    preview.accept()


def _fates(wizard):
    """{Excel row: (fate, 街巷名称, 问题)} as the preview table shows them."""
    model = wizard.rows.model()
    return {model.index(r, 1).data(): (model.index(r, 2).data(), model.index(r, 3).data(), model.index(r, 6).data())
            for r in range(model.rowCount())}


def test_import_wizard_previews_every_row_then_imports(qtbot, window, answers, tmp_path, demo_db):
    # a ledger from the demo county with rows spoiled, imported into the window's copy
    source = tmp_path / "source.db"
    shutil.copy(demo_db, source)
    book = tmp_path / "台账.xlsx"
    with Ledger.open(source) as ledger:
        export_ledger(ledger, book)
        filed = {ledger.alley_codes_by_id()[p.alley_id] for p in ledger.plans()
                 if (f := ledger.filing_for(p.id)) is not None and f.locked_at is not None}
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "街巷编码")
    headers = [c.value for c in ws[header_row]]
    done_col = headers.index("竣工日期") + 1
    name_col = headers.index("街巷名称") + 1
    ws.cell(header_row + 3, done_col).value = "2023年13月5日"
    # renamed: an alley without a filed plan (a filed one's name is refused, tested in tests/store)
    renamed = next(r for r in range(header_row + 4, ws.max_row) if r != header_row + 7
                   and ws.cell(r, 1).value not in filed
                   and sum(1 for c in ws.iter_rows(min_col=1, max_col=1, values_only=True) if c[0] == ws.cell(r, 1).value) == 1)
    ws.cell(renamed, name_col).value = "改过名的巷"
    lost = ws.cell(header_row + 7, name_col).value
    ws.cell(header_row + 7, name_col).value = None  # neither name nor code: a row that cannot be placed
    ws.cell(header_row + 7, 1).value = None
    wb.save(book)

    from gui.import_wizard import ImportWizard

    wizard = ImportWizard(window.session, window)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.file, str(book))
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=60_000)
    preview = wizard.preview
    assert preview.count("rejected") == 1 and preview.count("updated") == 1
    assert "拒收 1 行" in wizard.summary.text() and "更新 1 行" in wizard.summary.text()
    assert "留空 1 处" in wizard.summary.text()
    fates = _fates(wizard)
    assert fates[str(header_row + 7)][0] == "拒收" and "没有街巷名称" in fates[str(header_row + 7)][2]
    assert fates[str(renamed)][:2] == ("更新", "改过名的巷"), "each row's 街巷名称 beside its fate"
    date_fate, date_name, date_problem = fates[str(header_row + 3)]
    assert date_fate == "不变" and date_name and "「竣工日期」" in date_problem and "留空" in date_problem
    assert window.session.ledger.audit(limit=1)[0].action != "import"  # the preview wrote nothing

    # only the rows with problems, each read in full below the table
    wizard.problems_only.setChecked(True)
    assert set(_fates(wizard)) == {str(header_row + 3), str(header_row + 7)}
    rejected_at = next(r for r in range(wizard.rows.model().rowCount())
                       if wizard.rows.model().index(r, 2).data() == "拒收")
    wizard.rows.selectRow(rejected_at)
    assert "没有街巷名称，也没有街巷编码，无法确定是哪条街巷" in wizard.notices.toPlainText()

    # the clerk types the name back into its cell: the row is worked out again and the counts follow
    cells = wizard.cells
    name_at = next(r for r in range(cells.rowCount()) if cells.item(r, 0).text() == "街巷名称")
    assert cells.item(name_at, 1).background().color().name() == "#fde2e2", "the cell to fix stands out"
    cells.item(name_at, 1).setText(lost)
    qtbot.waitUntil(lambda: wizard.preview is not preview and wizard.preview.count("rejected") == 0, timeout=60_000)
    assert "拒收 0 行" in wizard.summary.text() and "已在预览中更正 1 处" in wizard.summary.text()
    assert set(_fates(wizard)) == {str(header_row + 3)}, "the fixed row left the problems-only list"

    wizard.forward.click()  # 导入
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60_000)
    assert "更新 1 行" in wizard.outcome.text() and "拒收 0 行" in wizard.outcome.text()
    assert "留空的单元格 1 处" in wizard.outcome.text()
    assert any(a.name == "改过名的巷" for a in window.session.ledger.alleys())
    note = window.session.ledger.audit(limit=1)[0]
    assert note.action == "import" and f"第{header_row + 7}行" in note.record_key and lost in note.record_key
    assert wizard.rejects_button.isVisible()
    rejects = tmp_path / "拒收.xlsx"
    answers.files = [rejects]
    assert wizard.save_rejects() == rejects
    saved = list(openpyxl.load_workbook(rejects).active.iter_rows(values_only=True))
    assert saved[0][0] == "示例县城市背街小巷整治改造提升工作台账"
    assert saved[1][:3] == ("街巷编码", "街巷名称", "所在街道") and saved[1][-1] == "导入问题"
    assert len(saved) == 3 and "2023年13月5日" in saved[2]
    wizard.forward.click()  # 完成
    window.go_to("alleys")
    assert window.current_page().table_model.total() == 300


def test_a_cancelled_export_writes_nothing_and_the_window_stays_responsive(qtbot, window, answers, tmp_path):
    from gui.pages.annual import export_ledger as gui_export

    out = tmp_path / "台账.xlsx"
    answers.files = [out]
    job = gui_export(window, window.session)
    job.cancel()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert not job.ok and not out.exists()
    assert answers.warnings == []  # a cancel is not an error


def test_the_ledger_can_be_exported_as_csv_for_other_programs(qtbot, window, answers, tmp_path):
    from gui.pages.annual import export_ledger as gui_export

    out = tmp_path / "台账.csv"
    answers.files = [out]
    job = gui_export(window, window.session)
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.ok and answers.warnings == []
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff街巷编码,街巷名称,所在街道")
    assert len(text.splitlines()) - 1 == job.result.rows
    assert "台账.csv" in window.statusBar().currentMessage()



def test_import_wizard_on_a_messy_ledger_from_the_welcome_page(qtbot, tmp_path, answers):
    """A new county imports a sub-district's messy ledger: title and unit lines, merged two-row header,
    totals and blank rows, a notes sheet, a bad date and an unknown category."""
    from core.records import CountySettings
    from gui.import_wizard import ImportWizard
    from gui.main_window import MainWindow
    from tests.exchange.test_import import messy_ledger

    book = tmp_path / "城东街道台账.xlsx"
    messy_ledger(book)
    db = tmp_path / "new.db"
    with Ledger.open(db) as ledger:
        ledger.save_settings(CountySettings(name="示例县", code="450123"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page().name == "welcome"
    answers.files = [book]
    window.current_page().import_button.click()
    wizard = window.findChild(ImportWizard)
    qtbot.mouseClick(wizard.findChild(type(wizard.forward), "browse"), Qt.MouseButton.LeftButton)
    assert wizard.file.text() == str(book)
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=30_000)
    fates = _fates(wizard)
    assert {row: fate for row, (fate, _, _) in fates.items()} == {
        "5": "新增", "6": "新增", "8": "新增", "9": "新增", "10": "新增", "11": "拒收"}
    assert fates["9"][1] == "铁匠巷" and "【留空】「竣工日期」无法识别为日期：2023年13月5日" in fates["9"][2]
    assert "「类别」" in fates["10"][2] and "优秀" in fates["10"][2]
    summary = wizard.summary.text()
    assert "跳过空行、合计行、签字行等 2 行" in summary and "工作表「填表说明」：未读取" in summary
    assert "程序不认识的列（数值会随记录保存并在导出时带上）：片区" in summary
    assert window.session.ledger.counts()["alleys"] == 0  # nothing written before 导入
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert sorted(a.name for a in window.session.ledger.alleys()) == sorted(["槐树巷", "井头街", "书院里", "铁匠巷", "米行巷"])
    wizard.forward.click()
    window.go_to("plans")
    assert window.current_page().table_model.total() == 5
    window.close()


def test_the_acceptance_record_and_the_filing_packet_print_from_their_pages(qtbot, window, answers):
    for name, heading in (("acceptances", "竣工验收记录"), ("filings", "卷 内 目 录")):
        window.go_to(name)
        page = window.current_page()
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        job = page.print_current()
        qtbot.waitUntil(lambda job=job: job.done, timeout=60_000)
        assert job.ok, answers.warnings
        reader = PdfReader(str(page.preview.path))
        text = "".join(p.extract_text() for p in reader.pages)
        plan = window.session.ledger.get(Plan, page.record_id)
        alley = window.session.ledger.get(Alley, plan.alley_id)
        assert heading in text and alley.name in text
        page.preview.accept()
    assert answers.warnings == []  # every character of the demo county prints


def test_a_print_with_characters_the_font_lacks_warns_before_the_preview(qtbot, window, answers):
    ledger = window.session.ledger
    window.go_to("acceptances")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    plan = ledger.get(Plan, page.record_id)
    alley = ledger.get(Alley, plan.alley_id)
    ledger.save(alley.model_copy(update={"name": "那㟖巷"}), reason="更正地名")
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.ok and page.preview is not None
    (title, text), = answers.warnings
    assert "「㟖」" in text and "空白" in text
    page.preview.accept()
