"""月调度进度 on the 改造方案 page: a clerk types the month's report in 万元, corrects it, deletes it;
a date to come is refused, a filed plan asks the amendment reason, a plan not yet saved has none."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from core.records import Plan
from tests.gui.conftest import clear_and_type, type_text


def _plans_page(window, qtbot, plan_id: int | None = None):
    window.go_to("plans")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    if plan_id is not None:
        page.show_record(plan_id)
    return page


def _open_plan(window) -> Plan:
    """A plan of a past year nobody has filed yet, its reports taken away."""
    ledger = window.session.ledger
    plan = next(p for p in ledger.plans() if p.year < date.today().year and ledger.locked_by(p) is None)
    for entry in ledger.progress(plan_id=plan.id):
        ledger.delete(entry)
    return plan


def _fill(qtbot, dialog, *, on: str | None = None, wan: str | None = None, text: str | None = None,
          problems: str | None = None) -> None:
    editors = dialog.form.editors
    if on is not None:
        clear_and_type(qtbot, editors["reported_on"].edit, on)
    if wan is not None:
        clear_and_type(qtbot, editors["cumulative_investment_yuan"].widget, wan)
    if text is not None:
        type_text(qtbot, editors["progress_text"].widget, text)
    if problems is not None:
        type_text(qtbot, editors["problems"].widget, problems)
    dialog.form.finish_editing()


def test_a_report_typed_in_wan_is_kept_in_yuan_audited_corrected_and_deleted(qtbot, window, answers):
    plan = _open_plan(window)
    ledger = window.session.ledger
    page = _plans_page(window, qtbot, plan.id)
    box = page.progress_box
    assert box.isEnabled() and box.add_button.isEnabled() and box.table.rowCount() == 0
    assert not box.edit_button.isEnabled() and not box.delete_button.isEnabled()

    dialog = box.add()
    assert dialog.form.editors["reported_on"].current_date() == date.today()  # today, as offered
    assert dialog.form.title_of("cumulative_investment_yuan") == "累计完成投资(万元)"
    _fill(qtbot, dialog, wan="45.5", text="管网开挖完成约四成", problems="雨季影响路面施工")
    assert dialog.save()
    assert not dialog.isVisible()
    [entry] = ledger.progress(plan_id=plan.id)
    assert (entry.reported_on, entry.cumulative_investment_yuan, entry.progress_text, entry.problems) == (
        date.today(), 455_000, "管网开挖完成约四成", "雨季影响路面施工")
    [logged] = ledger.audit(table="progress_reports", record_id=entry.id)
    assert (logged.action, logged.who, logged.source) == ("insert", "测试员", "界面")
    # the table shows it in 万元, its texts whole in the tooltip
    assert [box.table.item(0, c).text() for c in range(4)] == [
        date.today().isoformat(), "管网开挖完成约四成", "45.50", "雨季影响路面施工"]
    assert box.table.item(0, 3).toolTip() == "雨季影响路面施工"
    assert "已保存" in window.statusBar().currentMessage()

    # 修改…: the report chosen, corrected in place
    box.table.selectRow(0)
    dialog = box.edit()
    assert dialog.form.editors["cumulative_investment_yuan"].raw() == "45.50"
    _fill(qtbot, dialog, wan="52")
    assert dialog.save()
    [entry] = ledger.progress(plan_id=plan.id)
    assert entry.cumulative_investment_yuan == 520_000 and box.table.item(0, 2).text() == "52.00"
    assert ledger.audit(table="progress_reports", record_id=entry.id)[0].changes["cumulative_investment_yuan"] == [
        455_000, 520_000]

    # 删除…: asked first, then gone; the audit log keeps it whole
    box.table.selectRow(0)
    assert box.delete_selected()
    assert answers.deletions_asked[-1][0] == "删除月调度进度"
    assert ledger.progress(plan_id=plan.id) == [] and box.table.rowCount() == 0
    deleted = ledger.audit(table="progress_reports", record_id=entry.id)[0]
    assert deleted.action == "delete" and deleted.changes["cumulative_investment_yuan"][0] == 520_000
    assert answers.warnings == [] and answers.reasons_asked == []


def test_a_report_dated_after_today_is_refused_in_chinese_and_nothing_is_saved(qtbot, window, answers):
    plan = _open_plan(window)
    page = _plans_page(window, qtbot, plan.id)
    dialog = page.progress_box.add()
    tomorrow = date.today() + timedelta(days=1)
    _fill(qtbot, dialog, on=tomorrow.isoformat(), wan="10", text="开工准备")
    assert not dialog.save()
    assert dialog.isVisible()  # left open for the clerk to correct the date
    [(title, text)] = answers.warnings
    assert title == "不能保存"
    assert text == f"填报日期 {tomorrow} 在今天（{date.today()}）之后：月调度只记已经完成的进度，请核对日期"
    assert window.session.ledger.progress(plan_id=plan.id) == []
    # a blank date is explained beside the field, and nothing is saved either
    clear_and_type(qtbot, dialog.form.editors["reported_on"].edit, "")
    assert not dialog.save()
    assert dialog.form.errors["reported_on"].isVisible() and dialog.form.errors["reported_on"].text()
    assert window.session.ledger.progress(plan_id=plan.id) == []
    dialog.reject()


def test_a_report_below_the_last_one_is_saved_only_once_the_clerk_confirms(qtbot, window, answers):
    plan = _open_plan(window)
    page = _plans_page(window, qtbot, plan.id)
    box = page.progress_box
    first = box.add()
    _fill(qtbot, first, on=f"{plan.year}-03-25", wan="30", text="完成约三成")
    assert first.save()
    second = box.add()
    _fill(qtbot, second, on=f"{plan.year}-04-25", wan="20", text="完成约四成")
    answers.confirmations = [False]  # the clerk looks again
    assert not second.save() and len(window.session.ledger.progress(plan_id=plan.id)) == 1
    answers.confirmations = [True]
    assert second.save()
    assert [e.cumulative_investment_yuan for e in window.session.ledger.progress(plan_id=plan.id)] == [
        300_000, 200_000]
    assert [box.table.item(r, 0).text() for r in range(2)] == [f"{plan.year}-03-25", f"{plan.year}-04-25"]


def test_a_filed_plans_reports_change_only_with_the_amendment_reason(qtbot, window, answers):
    ledger = window.session.ledger
    plan = ledger.plans(alley_id=ledger.alley("45012300001").id)[0]
    assert ledger.locked_by(plan), "the demo filed and locked 茶亭巷's 2022 plan"
    page = _plans_page(window, qtbot, plan.id)
    box = page.progress_box
    before = ledger.progress(plan_id=plan.id)
    box.table.selectRow(0)
    dialog = box.edit()
    _fill(qtbot, dialog, problems="（补记）")
    answers.texts = [None]  # cancelled: nothing changes
    assert not dialog.save()
    assert ledger.progress(plan_id=plan.id) == before
    answers.texts = ["月报漏填存在问题"]
    assert dialog.save()
    assert "归档锁定" in answers.reasons_asked[-1] and "修改月调度进度" in answers.reasons_asked[-1]
    changed = ledger.progress(plan_id=plan.id)[0]
    assert "（补记）" in changed.problems
    assert ledger.audit(table="progress_reports", record_id=changed.id)[0].reason == "月报漏填存在问题"
    # deleting asks too
    box.table.selectRow(0)
    answers.texts = ["重复填报"]
    assert box.delete_selected()
    assert "删除月调度进度" in answers.reasons_asked[-1]
    assert [e.id for e in ledger.progress(plan_id=plan.id)] == [e.id for e in before[1:]]


def test_a_new_plan_has_no_reports_until_it_is_saved(qtbot, window, answers):
    page = _plans_page(window, qtbot)
    page.new_record()
    box = page.progress_box
    assert not box.table.isEnabled() and not box.add_button.isEnabled()
    assert box.note.text() == "请先保存改造方案，再填写月调度进度。"
    assert box.add() is None
    # double-clicking an empty table, or a deleted selection, does nothing either
    assert box.edit() is None and not box.delete_selected()
    plan = _open_plan(window)
    page.show_record(plan.id)
    assert box.add_button.isEnabled() and box.note.text().startswith("还没有月调度进度")
    assert page.progress_box.table.editTriggers() == box.table.EditTrigger.NoEditTriggers
    assert box.table.textElideMode() == Qt.TextElideMode.ElideRight
