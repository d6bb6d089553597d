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
    wb = openpyxl.load_workbook(book)
    ws = wb.active
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "街巷编码")
    name = [c.value for c in ws[header]].index("街巷名称") + 1
    ws.cell(header + 1, name).value = new_name
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
