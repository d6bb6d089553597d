"""Issue 16 in the window: a form never saves over a change made meanwhile, a second window on the
database is told who writes, a file replaced under the window stops it writing, restore and 诊断信息
from the menus, and stored file names that cannot reach outside the program's folder."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile

from core.records import Alley
from core.store import Ledger
from gui import dialogs
from tests.gui.conftest import clear_and_type
from tests.safety import other_program


def test_2_a_form_never_saves_over_a_change_made_meanwhile(qtbot, window, answers, demo_copy):
    window.go_to("alleys")
    page = window.current_page()
    on_screen = page.form.record
    with Ledger.open(demo_copy) as other:  # an import (another connection) changes the 街巷长
        other.save(other.get(Alley, on_screen.id).model_copy(update={"chief": "导入的街巷长"}),
                   source="导入 台账.xlsx")
    clear_and_type(qtbot, page.form.editors["chief_phone"].widget, "13800001111")
    answers.conflict_answer = dialogs.CANCEL
    assert not page.save()
    (text,) = answers.conflicts
    assert f"「街巷长」：您的修改为「{on_screen.chief}」，数据库中现在是「导入的街巷长」" in text
    assert "导入 台账.xlsx" in text
    assert window.session.ledger.get(Alley, on_screen.id).chief == "导入的街巷长"
    # the clerk reloads: the form shows the import's value and the phone can be typed again on top
    answers.conflict_answer = dialogs.RELOAD
    assert not page.save()
    assert page.form.editors["chief"].widget.text() == "导入的街巷长" and not page.form.is_dirty()
    clear_and_type(qtbot, page.form.editors["chief_phone"].widget, "13800001111")
    assert page.save()
    stored = window.session.ledger.get(Alley, on_screen.id)
    assert (stored.chief, stored.chief_phone) == ("导入的街巷长", "13800001111")


def test_2_a_window_on_a_database_another_program_writes_is_read_only_and_says_who(qtbot, answers, demo_copy):
    from gui.main_window import MainWindow

    with other_program(demo_copy, user="李四"):
        window = MainWindow(demo_copy, user="测试员")
        qtbot.addWidget(window)
        window.show()
        assert window.banner.isVisible() and "李四" in window.banner.text() and "只能查看" in window.banner.text()
        assert window.banner.retry_button.isVisible()
        window.go_to("alleys")
        page = window.current_page()
        clear_and_type(qtbot, page.form.editors["chief_phone"].widget, "13800001111")
        assert not page.save() and "李四" in answers.warnings[-1][1]
        page.form.undo_stack.setClean()
        window.retry_writable()  # still held: told so, still read-only
        assert window.session.read_only
    window.retry_writable()  # the other program closed
    assert not window.session.read_only and not window.banner.isVisible()
    window.close()


def test_3_a_file_replaced_under_the_window_stops_it_writing(qtbot, window, answers, demo_copy, tmp_path):
    window.session.ledger.backup(tmp_path / "b.db")
    shutil.copyfile(tmp_path / "b.db", demo_copy)
    assert "被替换" in window.safety.look_at_file()
    assert window.banner.isVisible() and "被替换" in window.banner.text()
    window.go_to("alleys")
    page = window.current_page()
    clear_and_type(qtbot, page.form.editors["chief_phone"].widget, "13800001111")
    assert not page.save() and "被替换" in answers.warnings[-1][1]
    page.form.undo_stack.setClean()


def test_3_restore_from_the_menu_brings_the_backup_back(qtbot, window, answers, demo_copy, tmp_path):
    ledger = window.session.ledger
    ledger.backup(tmp_path / "b.db")
    alley = ledger.alleys()[0]
    ledger.save(alley.model_copy(update={"chief_phone": "13800001111"}))
    answers.confirmations = [True]
    job = window.safety.restore(tmp_path / "b.db")
    qtbot.waitUntil(lambda: job.done and window.session.ledger is not ledger, timeout=30_000)
    assert job.ok, answers.warnings
    assert window.session.ledger.alley(alley.code).chief_phone == alley.chief_phone
    assert "已从备份恢复" in window.statusBar().currentMessage()
    assert list((demo_copy.parent / "备份").glob("county-恢复前-*.db"))


def test_diagnostics_from_the_menu_leave_the_data_out_unless_ticked(qtbot, window, tmp_path):
    job = window.safety.diagnostics(tmp_path / "d.zip", include_data=False)
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.ok
    names = zipfile.ZipFile(tmp_path / "d.zip").namelist()
    assert "检查结果.txt" in names and not any(n.startswith("数据/") for n in names)
    versions = zipfile.ZipFile(tmp_path / "d.zip").read("版本.json").decode("utf-8")
    assert "Qt" in versions and "SQLite" in versions


def test_the_short_check_at_opening_puts_problems_in_the_banner(qtbot, answers, demo_copy):
    from gui.main_window import MainWindow

    conn = sqlite3.connect(demo_copy)
    conn.execute("UPDATE audit_log SET changes = '{}' WHERE id = (SELECT MAX(id) FROM audit_log)")
    conn.execute("UPDATE audit_log SET who = '别人' WHERE id = (SELECT MAX(id) - 1 FROM audit_log)")
    conn.commit()
    conn.close()
    window = MainWindow(demo_copy, user="测试员")
    qtbot.addWidget(window)
    window.show()
    job = window.safety.quick_check()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert "检查数据库发现问题" in window.banner.text() and "操作日志" in window.banner.text()
    window.close()


def test_4_a_stored_file_name_cannot_reach_outside_the_temporary_folder(qtbot, window, answers, demo_copy, tmp_path):
    """A crafted database names its file ../../x or an absolute path: opening it writes the file
    into the program's own temporary folder, under a plain name, and nowhere else."""
    ledger = window.session.ledger
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    filing = page.form.record
    attachment = ledger.add_attachment(b"%PDF-1.4 x", "scan.pdf", owner=filing, caption="扫描件", reason="测试")
    outside = tmp_path / "outside.txt"
    for crafted in ("../../../../../../" + str(outside).lstrip("/"), str(outside), "..\\..\\evil.pdf"):
        conn = sqlite3.connect(demo_copy)
        conn.execute("UPDATE attachments SET file_name = ? WHERE id = ?", [crafted, attachment.id])
        conn.commit()
        conn.close()
        page.files.show_files(filing)
        item = next(page.files.item(r) for r in range(page.files.count())
                    if page.files.item(r).data(0x0100) == attachment.id)
        job = page.files.open_item(item)
        qtbot.waitUntil(lambda job=job: job.done, timeout=10_000)
        opened = answers.opened[-1]
        assert ".." not in opened.name and "/" not in opened.name and "\\" not in opened.name
        assert opened.parent.name.startswith("alley-ledger-")
    assert not outside.exists()
