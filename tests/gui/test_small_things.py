"""Issue 15, the small things that add up: one backup folder, alley codes proposed, the alley picker
by pinyin, the clerk on the annual list, the survey's photos."""

from __future__ import annotations

import shutil

from core.backups import backups_in
from core.exchange.export import export_ledger
from core.store import Ledger
from tests.gui.conftest import type_text


def _import(qtbot, window, book):
    from gui.import_wizard import ImportWizard

    wizard = ImportWizard(window.session, window)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.file, str(book))
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=60_000)
    job = wizard.commit()
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.ok
    wizard.reject()
    return wizard.result


def _changed_ledger(tmp_path, demo_db, new_name: str):
    """The county's own ledger exported, one alley renamed: an import that writes something."""
    import openpyxl

    source = tmp_path / "source.db"
    shutil.copy(demo_db, source)
    book = tmp_path / f"台账{new_name}.xlsx"
    with Ledger.open(source) as ledger:
        export_ledger(ledger, book)
        filed = {ledger.alley_codes_by_id()[p.alley_id] for p in ledger.plans()
                 if (f := ledger.filing_for(p.id)) is not None and f.locked_at is not None}
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "街巷编码")
    name = [c.value for c in ws[header]].index("街巷名称") + 1
    codes = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    # an alley without a filed plan: a filed one's name prints in its packet and the import leaves it
    row = next(r for r in range(header + 1, ws.max_row + 1) if codes[r - 1] not in filed and codes.count(codes[r - 1]) == 1)
    ws.cell(row, name).value = new_name
    wb.save(book)
    return book


def test_backups_before_an_import_and_backup_now_go_to_the_one_folder_settings_shows(qtbot, window, answers,
                                                                                   tmp_path, demo_db):
    window.go_to("settings")
    settings = window.current_page()
    shown = settings.backup_folder.text()
    assert shown == str(window.session.path.resolve().parent / "备份")
    result = _import(qtbot, window, _changed_ledger(tmp_path, demo_db, "改过名的巷"))
    assert result.count("updated") == 1 and result.backup
    job = settings.backup_now()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.ok, answers.warnings
    folder = window.session.path.resolve().parent / "备份"
    assert sorted(p.parent for p in folder.iterdir()) == [folder, folder]
    assert str(folder) in result.backup and len(backups_in(folder, window.session.path.stem)) == 1
    # a folder chosen in 设置 takes both
    chosen = tmp_path / "U盘备份"
    settings.backup_folder.setText(str(chosen))
    settings.backup_folder.editingFinished.emit()
    result = _import(qtbot, window, _changed_ledger(tmp_path, demo_db, "又改名的巷"))
    assert result.backup and str(chosen) in result.backup
    job = settings.backup_now()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert len(list(chosen.iterdir())) == 2


def test_a_new_alley_is_offered_the_next_code_as_the_import_numbers_them(qtbot, window, answers):
    from PySide6.QtCore import Qt

    from tests.gui.conftest import clear_and_type

    window.go_to("alleys")
    page = window.current_page()
    ledger = window.session.ledger
    prefix = ledger.settings().code
    last = max(int(a.code[len(prefix):]) for a in ledger.alleys() if a.code.startswith(prefix))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    code = page.form.editors["code"]
    assert code.widget.text() == f"{prefix}{last + 1:05d}" and not code.widget.isReadOnly()
    type_text(qtbot, page.form.editors["name"].widget, "新开巷")
    type_text(qtbot, page.form.editors["subdistrict"].widget, "城东街道")
    assert page.save(), answers.warnings
    page.new_record()
    assert code.widget.text() == f"{prefix}{last + 2:05d}"
    clear_and_type(qtbot, code.widget, "A-1")  # the clerk may still type his own
    assert page.form.data()["code"] == "A-1"


def test_the_alley_picker_finds_by_pinyin_initials_of_either_reading(qtbot, window, answers):
    from PySide6.QtCore import Qt

    from core.records import Alley

    ledger = window.session.ledger
    alley = ledger.add(Alley(code="45012399901", name="朝阳里十八巷", subdistrict="城东街道"))
    window.go_to("surveys")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready)
    page.refresh()
    for typed in ("cylsbx", "zylsbx"):  # 朝 read cháo (朝阳区) and zhāo (朝阳, the morning sun)
        page.new_record()
        picker = page.form.editors["alley_id"]
        line = picker.widget.lineEdit()
        line.clear()
        type_text(qtbot, line, typed)
        completer = picker.widget.completer()
        qtbot.waitUntil(lambda completer=completer: completer.completionCount() > 0)
        assert completer.completionCount() == 1
        assert "朝阳里十八巷" in completer.currentCompletion()
        qtbot.keyClick(line, Qt.Key.Key_Return)
        assert picker.raw() == alley.id, typed
    answers.unsaved_answer = "discard"
    assert window.go_to("alleys")
    alleys = window.current_page()
    alleys.refresh()  # the alley was added behind the window's back
    qtbot.waitUntil(alleys.is_ready)
    for typed in ("cylsbx", "zylsbx"):  # the search box above the table reads it both ways too
        alleys.search.setText(typed)
        assert alleys.table_model.matching() == 1 and alleys.table_model.row_values(0)[0] == alley.id


def test_the_annual_list_prints_the_clerk_and_keeps_units_whole_in_its_headings(qtbot, window, answers):
    import re

    from pypdf import PdfReader

    from tests.gui.conftest import clear_and_type

    window.go_to("settings")
    settings = window.current_page()
    clear_and_type(qtbot, settings.form.editors["clerk"].widget, "韦秀兰")
    assert settings.save(), answers.warnings
    window.go_to("annual")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and page.preview is not None, timeout=30_000)
    reader = PdfReader(str(page.preview.path))
    first = reader.pages[0].extract_text()
    last = re.sub(r"\s+", "", reader.pages[-1].extract_text())
    page.preview.accept()
    assert "填报人：韦秀兰" in last
    region = window.session.ledger.profile().profile.region_name
    assert re.search(rf"{region}补助\s*\n\s*\(万元\)", first), first[:400]  # the unit on a line of its own
    assert not re.search(r"\(\s*\n", first)  # never a bracket left at a line's end


def test_funding_dates_read_as_clerks_write_them(qtbot, window, answers):
    from tests.gui.conftest import clear_and_type

    window.go_to("plans")
    page = window.current_page()
    ledger = window.session.ledger
    alley = next(a for a in ledger.alleys() if not ledger.plans(alley_id=a.id))
    page.new_record()
    picker = page.form.editors["alley_id"]
    picker.widget.setCurrentIndex(picker.widget.findData(alley.id))
    picker.edited.emit()
    year = max(ledger.profile().profile.programme_years)
    clear_and_type(qtbot, page.form.editors["year"].widget, str(year))
    clear_and_type(qtbot, page.form.editors["total_investment_yuan"].widget, "200")
    qtbot.waitUntil(lambda: "尚未签订合同" in page.findings.toPlainText(), timeout=3000)
    text = page.findings.toPlainText()
    assert "（6月30日前完成招标并签订合同可获奖励）" in text and "06月" not in text


def test_the_survey_page_holds_photos_with_one_audit_entry_each(qtbot, window, answers, tmp_path):
    from PIL import Image

    from core.records import Survey

    window.go_to("surveys")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready)
    survey = window.session.ledger.get(Survey, page.record_id)
    before = page.photos.count()
    photo = tmp_path / "IMG_巷口积水.jpg"
    Image.new("RGB", (800, 600), "grey").save(photo, "JPEG")
    answers.texts.append("补充现场照片")  # asked when the survey prints in a filed plan's packet
    job = page.add_photos([photo])
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert job.ok, answers.warnings
    assert page.photos.count() == before + 1
    ledger = window.session.ledger
    assert "IMG_巷口积水.jpg" in [a.file_name for a, _ in ledger.attachments_of(survey)]
    entries = [e for e in ledger.audit(limit=5) if "IMG_巷口积水.jpg" in str(e.changes) or e.record_key == photo.name]
    assert len(entries) == 1 and entries[0].table_name == "surveys"
