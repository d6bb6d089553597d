"""备案归档 photos, 问题台账 colours and filters, 设置 targets, backups and holiday tables."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from core.backups import backups_in
from core.records import Problem
from tests.gui.conftest import clear_and_type
from tests.rules.helpers import holiday_csv


def test_a_photo_dropped_on_a_filing_is_stored_listed_and_shown_as_a_thumbnail(qtbot, window, answers, tmp_path):
    photo = tmp_path / "现场照片.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    image.save(str(photo))
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    plan_id = page.record_id
    before = len(window.session.ledger.filing_for(plan_id).documents)
    page.kind.setCurrentIndex(page.kind.findData(""))  # 其他文件
    answers.texts = ["补充现场照片"]  # the demo's filings are locked: adding is an amendment
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page.files.viewport(), enter)
    assert enter.isAccepted()  # the list takes files dragged from the Explorer
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page.files.viewport(), drop)
    qtbot.waitUntil(lambda: page.job is not None and page.job.done, timeout=10_000)
    filing = window.session.ledger.filing_for(plan_id)
    assert len(filing.documents) == before + 1 and filing.documents[-1].title == "现场照片"
    audit = window.session.ledger.audit(table="filings", record_id=filing.id, limit=1)[0]
    assert audit.reason == "补充现场照片"  # one entry: the catalogue line and the file it stands for
    assert audit.changes["attachments"][1]["file_name"] == "现场照片.png" and "documents" in audit.changes
    item = next(page.files.item(r) for r in range(page.files.count()) if page.files.item(r).text() == "现场照片.png")
    qtbot.waitUntil(lambda: page.files.job is not None and page.files.job.done, timeout=10_000)
    thumb = item.icon().pixmap(96, 96).toImage()
    assert thumb.pixelColor(48, 48).name() == "#33aa77"  # the picture itself, not a file icon


def test_overdue_and_due_soon_problems_stand_out_and_filter(qtbot, window):
    ledger = window.session.ledger
    alley = ledger.alleys()[0]
    today = date.today()
    overdue = ledger.add(Problem(alley_id=alley.id, description="逾期未办", reported_on=date(today.year - 1, 1, 5),
                                 urgency="一般"))
    window.go_to("problems")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    page.refresh()
    alerts = page.filter_boxes["alert"]
    alerts.setCurrentIndex(alerts.findData("逾期"))
    model = page.table_model
    rows = [model.row_values(r) for r in range(model.rowCount())]
    alert = [c.key for c in model.columns].index("alert") + 1
    status = [c.key for c in model.columns].index("status") + 1
    assert overdue.id in [r[0] for r in rows] and all(r[alert] == "逾期" for r in rows)
    colour = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert colour == QColor("#fde2e2")
    statuses = page.filter_boxes["status"]
    statuses.setCurrentIndex(statuses.findData("待交办"))
    assert all(model.row_values(r)[status] == "待交办" for r in range(model.rowCount()))


def test_settings_targets_backup_and_holiday_table(qtbot, window, answers, tmp_path):
    window.go_to("settings")
    page = window.current_page()
    targets = page.targets
    before = targets.table.rowCount()
    targets.add_button.click()
    row = targets.table.rowCount() - 1
    assert targets.table.item(row, 0).text() == "2025"
    targets.table.item(row, 1).setText("80")
    targets.table.item(row, 2).setText("6")
    clear_and_type(qtbot, page.form.editors["clerk"].widget, "张丽")
    assert page.save(), answers.warnings
    settings = window.session.settings()
    assert settings.target_for(2025).alleys == 80 and settings.target_for(2025).boutique == 6
    assert settings.clerk == "张丽" and len(settings.targets) == before + 1
    # a year typed twice is refused with the reason beside the table
    targets.add_button.click()
    targets.table.item(targets.table.rowCount() - 1, 0).setText("2025")
    targets.table.item(targets.table.rowCount() - 1, 1).setText("1")
    assert "2025 年重复" in page.form.form_error.text()
    assert not page.save()
    page.refresh()

    page.backup_folder.setText(str(tmp_path / "备份"))
    page.backup_count.setValue(2)
    first = page.backup_now()
    assert page.backup_now() is first and not page.backup_button.isEnabled()  # a second click waits
    qtbot.waitUntil(lambda: first.done, timeout=30_000)
    for _ in range(2):
        job = page.backup_now()
        qtbot.waitUntil(lambda job=job: job.done, timeout=30_000)
        assert job.ok, answers.warnings
    assert len(backups_in(tmp_path / "备份", window.session.path.stem)) == 2
    assert "已备份到" in page.backup_note.text()

    # 002's deadlines count working days: a table of one day would pass for the official year
    table = tmp_path / "2031.csv"
    table.write_text("日期,类型,名称\n2031-01-01,休,元旦\n2031-01-04,班,调休\n", encoding="utf-8")
    assert not page.load_holidays(table)
    assert "缺少法定节假日：春节、清明、劳动节、端午、中秋、国庆" in answers.warnings[-1][1]
    assert "另已导入：2031 年" not in page.holiday_years.text()
    holiday_csv(table, 2031)
    assert page.load_holidays(table)
    assert "另已导入：2031 年" in page.holiday_years.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("day,kind\n", encoding="utf-8")
    assert not page.load_holidays(bad)
    assert "第1行应为表头" in answers.warnings[-1][1]


def test_the_catalogue_is_corrected_and_a_wrong_file_taken_out(qtbot, window, answers, tmp_path):
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    plan_id = page.record_id
    from gui.pages.filing import CATALOGUE

    column = {field: n for n, (field, _) in enumerate(CATALOGUE)}
    answers.texts = ["页数录错"]
    page.catalogue.item(0, column["pages"]).setText("9")  # as the clerk types into the cell
    filing = window.session.ledger.filing_for(plan_id)
    assert filing.documents[0].pages == 9
    assert window.session.ledger.audit(table="filings", record_id=filing.id, limit=1)[0].reason == "页数录错"
    answers.texts = ["文号补录"]
    page.catalogue.item(0, column["doc_no"]).setText("示建〔2022〕8号")
    assert window.session.ledger.filing_for(plan_id).documents[0].doc_no == "示建〔2022〕8号"
    answers.texts = [None]  # cancelled: the cell goes back
    page.catalogue.item(0, column["title"]).setText("改错的题名")
    title = page.catalogue.item(0, column["title"]).text()
    assert title == window.session.ledger.filing_for(plan_id).documents[0].title
    count = page.catalogue.rowCount()
    page.catalogue.setCurrentCell(count - 1, 1)
    answers.texts = ["放错的文件"]
    assert page.remove_selected_document()
    assert len(window.session.ledger.filing_for(plan_id).documents) == count - 1
    assert page.catalogue.rowCount() == count - 1


def test_an_open_date_filter_calendar_starts_on_this_month(qtbot, window):
    from PySide6.QtCore import QDate, QPoint

    window.go_to("audit")
    page = window.current_page()
    edit = page.since
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(edit.width() - 8, edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=3000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.text() == "不限"  # opening the calendar chose nothing
    calendar.window().close()
