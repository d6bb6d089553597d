"""The window and the core actions: a page re-reads only after a change to a kind it shows; the
window refuses what the command line refuses, in the same words; every failure, in a job, a button
or anywhere else, reaches the clerk as one Chinese message (a bug: the log's place, never a
traceback)."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from PySide6.QtCore import QTimer

from core.cli.main import main
from core.exchange.export import export_ledger
from core.store import Ledger
from gui.main_window import PAGE_NAMES
from gui.operations import install_excepthook
from gui.workers import run_job
from tests.gui.conftest import type_text


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "logs" / "alley-ledger.log"
    monkeypatch.setenv("ALLEY_LEDGER_LOG", str(path))
    return path


def _every_page_counted(qtbot, window, monkeypatch) -> Counter:
    """Show every page once (all built and read), then count each page's re-reads from here on."""
    for name in PAGE_NAMES:
        window.go_to(name)
        qtbot.waitUntil(window.current_page().is_ready, timeout=30_000)
    counts: Counter = Counter()
    for page in window.pages.values():
        def counted(page=page, read=page.refresh):
            counts[page.name] += 1
            read()
        monkeypatch.setattr(page, "refresh", counted)
    return counts


def _visit_every_page(qtbot, window) -> None:
    for name in PAGE_NAMES:
        window.go_to(name)
        qtbot.waitUntil(window.current_page().is_ready, timeout=30_000)


def test_saving_a_problem_rereads_only_the_pages_that_show_problems(qtbot, window, answers, monkeypatch):
    counts = _every_page_counted(qtbot, window, monkeypatch)
    window.go_to("problems")
    page = window.current_page()
    editor = page.form.editors["result"]
    editor.set_raw("已重新铺设井盖")
    editor.edited.emit()
    assert page.save(), answers.warnings
    assert counts == {"problems": 1}, "the page that saved shows the saved record at once"
    _visit_every_page(qtbot, window)
    assert counts == {"problems": 1, "overview": 1, "findings": 1, "audit": 1}
    newest = window.page("audit").model.lines[0]  # what the re-read shows: the save just made
    assert newest.kind == "问题" and "已重新铺设井盖" in newest.summary(limit=None)


def test_a_holiday_table_rereads_the_deadlines_and_not_the_records(qtbot, window, answers, monkeypatch, tmp_path):
    from tests.rules.helpers import holiday_year_2030

    days, names = holiday_year_2030()
    table = tmp_path / "2030年节假日.csv"
    table.write_text("日期,类型,名称\n" + "".join(f"{d},{'班' if w else '休'},{names[d]}\n" for d, w in days.items()),
                     encoding="utf-8")
    counts = _every_page_counted(qtbot, window, monkeypatch)
    window.go_to("settings")
    assert window.current_page().load_holidays(table), answers.warnings
    _visit_every_page(qtbot, window)
    assert counts == {"settings": 1, "problems": 1, "overview": 1, "findings": 1, "audit": 1}


def test_the_window_refuses_to_rename_the_county_in_the_command_lines_words(qtbot, window, answers, demo_db,
                                                                            tmp_path, capsys):
    copy = tmp_path / "copy.db"
    copy.write_bytes(demo_db.read_bytes())
    assert main(["--db", str(copy), "init", "--county", "别的县"]) == 1
    said = capsys.readouterr().err.strip().removeprefix("错误：")
    window.go_to("settings")
    page = window.current_page()
    name = page.form.editors["name"]
    assert name.widget.isReadOnly()  # the form does not offer it …
    name.set_raw("别的县")  # … and the action refuses it all the same (as a script would try)
    name.edited.emit()
    assert not page.save()
    assert answers.warnings[-1] == ("不能保存", said)
    assert said.startswith("该数据库已属于「") and "不能改为「别的县」" in said
    assert window.session.settings().name != "别的县" and "别的县" not in window.windowTitle()


def test_an_alleys_code_stays_even_when_the_form_is_got_round(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    code = page.form.record.code
    editor = page.form.editors["code"]
    editor.set_raw(code + "9")
    editor.edited.emit()
    assert not page.save()
    assert "街巷编码" in answers.warnings[-1][1] and "不能修改" in answers.warnings[-1][1]
    assert window.session.ledger.alley(code).id == page.form.record.id


def _wizard_with_a_preview(qtbot, window, tmp_path):
    from gui.import_wizard import ImportWizard

    book = tmp_path / "台账.xlsx"
    with Ledger.open(window.session.path) as ledger:
        export_ledger(ledger, book)
    wizard = ImportWizard(window.session, window)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.file, str(book))
    wizard.forward.click()
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=60_000)
    return wizard


def test_the_rejects_file_to_a_place_that_cannot_be_written_is_told(qtbot, window, answers, tmp_path, log):
    wizard = _wizard_with_a_preview(qtbot, window, tmp_path)
    blocker = tmp_path / "U盘"
    blocker.write_text("a file where the clerk thought a folder was")
    answers.files = [blocker / "需处理的行.xlsx"]
    assert wizard.save_rejects() is None
    title, text = answers.warnings[-1]
    assert title == "保存需要处理的行" and "无法写入" in text and "同名的文件挡住了" in text
    assert not log.exists(), "the clerk's cause, not a bug"


def test_a_bug_behind_a_button_is_logged_and_told_in_one_sentence(qtbot, window, answers, tmp_path, log, monkeypatch):
    import gui.import_wizard

    wizard = _wizard_with_a_preview(qtbot, window, tmp_path)

    def broken(preview, out):
        raise TypeError("unsupported operand type(s)")

    monkeypatch.setattr(gui.import_wizard, "write_rejects", broken)
    answers.files = [tmp_path / "需处理的行.xlsx"]
    assert wizard.save_rejects() is None  # nothing escapes the button
    title, text = answers.warnings[-1]
    assert title == "保存需要处理的行" and text.startswith("程序内部出错（TypeError: unsupported operand type(s)）")
    assert str(log) in text and "帮助 → 诊断信息" in text and "Traceback" not in text
    assert "Traceback" in log.read_text(encoding="utf-8") and "in broken" in log.read_text(encoding="utf-8")


def test_a_bug_in_a_background_job_is_logged_and_told_without_a_traceback(qtbot, window, answers, log):
    def job(progress, cancelled):
        return 1 / 0

    running = run_job(window, "导出工作台账", job, quiet=True)
    qtbot.waitUntil(lambda: running.done, timeout=10_000)
    assert not running.ok
    title, text = answers.warnings[-1]
    assert title == "导出工作台账" and "ZeroDivisionError" in text and str(log) in text
    assert "Traceback" not in text and "\n" not in text
    assert "桌面程序后台任务" in log.read_text(encoding="utf-8")


def test_a_full_disk_in_a_background_job_names_the_database(qtbot, window, answers, log):
    import sqlite3

    def job(progress, cancelled):
        raise sqlite3.OperationalError("database or disk is full")

    running = run_job(window, "导入工作台账", job, quiet=True)
    qtbot.waitUntil(lambda: running.done, timeout=10_000)
    text = answers.warnings[-1][1]
    assert "磁盘空间不足" in text and f"「{window.session.path.name}」" in text
    assert not log.exists()


@pytest.mark.qt_no_exception_capture
def test_whatever_escapes_a_slot_reaches_the_clerk_and_the_window_stays(qtbot, window, answers, log, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    install_excepthook(window)

    def slot():
        raise KeyError("plan_id")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: bool(answers.warnings), timeout=5_000)
    title, text = answers.warnings[-1]
    assert title == "巷账" and text.startswith("程序内部出错（KeyError: 'plan_id'）") and str(log) in text
    assert "Traceback" not in text and "in slot" in log.read_text(encoding="utf-8")
    assert window.isVisible()


def test_a_pdf_saved_where_it_cannot_be_is_told_in_chinese(qtbot, window, answers, tmp_path, log):
    window.go_to("annual")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.is_ready(), timeout=30_000)
    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and page.preview is not None, timeout=60_000)
    blocker = tmp_path / "打印"
    blocker.write_text("a file where the clerk thought a folder was")
    answers.files = [blocker / "清单.pdf"]
    assert page.preview.save_as() is None
    title, text = answers.warnings[-1]
    assert title == "另存为 PDF" and "无法写入" in text and "同名的文件挡住了" in text  # not "Not a directory"
    assert not log.exists()
    page.preview.accept()


def test_a_database_that_fails_to_open_is_told_and_the_window_keeps_its_own(qtbot, window, answers, tmp_path, log,
                                                                           monkeypatch):
    from gui.session import Session

    other = tmp_path / "乙县.db"
    other.write_bytes(b"not a database, whatever its name says" * 100)
    assert not window.open_database(other)
    assert "乙县.db" in answers.warnings[-1][1] and "Traceback" not in answers.warnings[-1][1]
    kept = window.session.path
    good = tmp_path / "丙县.db"
    Ledger.open(good).close()

    def broken(self, path):
        raise AttributeError("'NoneType' object has no attribute 'name'")

    monkeypatch.setattr(Session, "open_other", broken)
    assert not window.open_database(good)
    title, text = answers.warnings[-1]
    assert title == "打开数据库" and text.startswith("程序内部出错（AttributeError") and str(log) in text
    assert window.session.path == kept


def test_a_start_that_fails_says_why_and_exits(tmp_path, log, monkeypatch, capsys):
    import gui.main_window
    from gui.app import main as start

    def broken(self, db, *, user=None):
        raise ValueError("bad geometry")

    monkeypatch.setattr(gui.main_window.MainWindow, "__init__", broken)
    assert start(["--db", str(tmp_path / "county.db"), "--screenshot", str(tmp_path / "s.png")]) == 70
    err = capsys.readouterr().err
    assert err.startswith("错误：程序内部出错（ValueError: bad geometry）") and str(log) in err
    assert "Traceback" not in err and "Traceback" in log.read_text(encoding="utf-8")
