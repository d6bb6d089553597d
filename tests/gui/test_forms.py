"""A clerk types alleys, surveys and plans into the real forms (offscreen) and finds them saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from core.records import Alley, Plan, Survey
from tests.gui.conftest import clear_and_type, type_text


def field(page, name):
    return page.form.editors[name]


def error_text(page, name) -> str:
    label = page.form.errors[name]
    return label.text() if label.isVisible() else ""


def test_create_alley_by_typing(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    before = page.table_model.total()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.heading.text().startswith("新街巷")
    assert field(page, "code").widget.text() == "45012300301"  # proposed: county code + next number
    clear_and_type(qtbot, field(page, "code").widget, "45012399001")
    type_text(qtbot, field(page, "name").widget, "解放路三巷")
    type_text(qtbot, field(page, "subdistrict").widget, "城东街道")
    type_text(qtbot, field(page, "community").widget, "和平社区")
    type_text(qtbot, field(page, "length_m").widget, "215.5")
    type_text(qtbot, field(page, "red_line_width_m").widget, "6")
    assert "未保存" in page.heading.text()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert answers.warnings == []
    saved = window.session.ledger.alley("45012399001")
    assert (saved.name, saved.subdistrict, saved.community, saved.length_m) == ("解放路三巷", "城东街道", "和平社区", 215.5)
    assert page.table_model.total() == before + 1
    assert page.table.current_record_id() == saved.id  # the new row is selected
    assert "未保存" not in page.heading.text()
    audit = window.session.ledger.audit(table="alleys", record_id=saved.id)
    assert audit[0].who == "测试员" and audit[0].action == "insert"
    # once saved, the code is the alley's identity and cannot be edited
    assert field(page, "code").widget.isReadOnly()


def test_invalid_input_is_explained_beside_the_field_and_save_is_refused(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    record = page.form.record
    clear_and_type(qtbot, field(page, "length_m").widget, "12x")
    assert "「12x」的单位「x」无法识别" in error_text(page, "length_m")
    clear_and_type(qtbot, field(page, "name").widget, "")
    assert "不能为空" in error_text(page, "name")
    page.save_button.click()
    assert answers.warnings and "「长度(米)」" in answers.warnings[-1][1] and "「街巷名称」" in answers.warnings[-1][1]
    assert window.session.ledger.get(Alley, record.id) == record  # nothing written
    # fixing the fields clears the messages and the save goes through
    clear_and_type(qtbot, field(page, "length_m").widget, "120")
    clear_and_type(qtbot, field(page, "name").widget, "新名巷")
    assert error_text(page, "length_m") == "" and error_text(page, "name") == ""
    answers.texts.append("更正街巷名称")  # the alley's plan is filed: its name prints in the packet
    assert page.save()
    assert window.session.ledger.get(Alley, record.id).name == "新名巷"


def test_a_new_form_does_not_greet_the_clerk_with_errors(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    page.new_record()
    assert all(not label.isVisible() for label in page.form.errors.values())
    assert page.form.current is None  # yet it is not valid, so it cannot be saved


def test_undo_and_redo_step_through_edits(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    name = field(page, "name").widget
    original = name.text()
    type_text(qtbot, name, "甲")
    chief = field(page, "chief").widget
    clear_and_type(qtbot, chief, "王五")
    assert name.text() == original + "甲"
    qtbot.keyClick(chief, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo goes to the form, not the box
    assert chief.text() != "王五"
    qtbot.keyClick(chief, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == original
    assert not page.form.is_dirty()
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert name.text() == original + "甲"
    assert page.form.is_dirty()


def test_unsaved_changes_are_never_lost_silently(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    first = page.table.current_record_id()
    type_text(qtbot, field(page, "chief").widget, "李")
    # moving to another row asks; "cancel" keeps the clerk on the edited record
    page.table.selectRow(3)
    assert len(answers.asked_unsaved) == 1
    assert page.record_id == first and page.form.is_dirty()
    # leaving the page asks too
    assert not window.go_to("plans")
    assert window.current_page() is page
    # closing the window asks and stays open
    assert not window.close()
    # "discard" lets the clerk go and the database keeps the old value
    answers.unsaved_answer = "discard"
    assert window.go_to("plans")
    assert window.session.ledger.get(Alley, first).chief == page.form.record.chief


def test_amending_a_filed_plan_asks_for_a_reason(qtbot, window, answers):
    window.go_to("plans")
    page = window.current_page()
    ledger = window.session.ledger
    filed = next(f for f in ledger.filings() if f.locked_at is not None)
    page.table.select_record(filed.plan_id)
    assert page.record_id == filed.plan_id
    clear_and_type(qtbot, field(page, "notes").widget, "更正了建设单位")
    answers.texts = [None]  # the clerk cancels the reason: nothing written
    assert not page.save()
    assert ledger.get(Plan, filed.plan_id).notes != "更正了建设单位"
    answers.texts = ["  ", "合同编号录错"]  # 确定 on a blank box is asked again, not taken for 取消
    assert page.save()
    assert answers.reasons_asked[-1].startswith("更正原因不能为空")
    assert ledger.get(Plan, filed.plan_id).notes == "更正了建设单位"
    assert ledger.audit(table="plans", record_id=filed.plan_id)[0].reason == "合同编号录错"


def test_create_a_survey_with_pipes_and_lamp_rates(qtbot, window, answers):
    window.go_to("surveys")
    page = window.current_page()
    ledger = window.session.ledger
    alley = ledger.alleys()[10]
    page.new_record()
    picker = field(page, "alley_id")
    type_text(qtbot, picker.widget.lineEdit(), alley.code)  # the clerk types the code and moves on
    qtbot.keyClick(picker.widget.lineEdit(), Qt.Key.Key_Return)
    assert picker.raw() == alley.id
    clear_and_type(qtbot, field(page, "surveyed_on").widget, "2025.3.5")
    type_text(qtbot, field(page, "surveyor").widget, "张三")
    type_text(qtbot, field(page, "lamp_positions").widget, "10")
    clear_and_type(qtbot, field(page, "lamps_installed").widget, "8")
    clear_and_type(qtbot, field(page, "lamps_working").widget, "7")
    qtbot.waitUntil(lambda: "80%" in page.rates.text())
    assert "装灯率 80%" in page.rates.text() and "亮灯率 87.5%" in page.rates.text()
    # more lamps working than installed: the model says so in Chinese
    clear_and_type(qtbot, field(page, "lamps_working").widget, "9")
    assert "亮灯数 9 不能多于已装路灯数 8" in page.form.form_error.text()
    clear_and_type(qtbot, field(page, "lamps_working").widget, "7")
    pipes = page.pipes.widget
    pipes.item(1, 0).setCheckState(Qt.CheckState.Checked)  # 排水
    pipes.item(1, 1).setText("1968")
    page.pipes.conditions[1].setCurrentText("破损渗漏")
    page.pipes.separated[1].setCurrentText("否")
    assert page.save(), answers.warnings
    saved = ledger.get(Survey, page.record_id)
    assert saved.alley_id == alley.id and saved.surveyed_on == date(2025, 3, 5) and saved.surveyor == "张三"
    assert (saved.lamp_positions, saved.lamps_installed, saved.lamps_working) == (10, 8, 7)
    assert [(p.kind, p.year_laid, p.condition, p.rain_sewage_separated) for p in saved.pipes] == [
        ("排水", 1968, "破损渗漏", False)]


def test_create_a_plan_with_measures_total_and_live_findings(qtbot, window, answers):
    window.go_to("plans")
    page = window.current_page()
    ledger = window.session.ledger
    alley = next(a for a in ledger.alleys() if not ledger.plans(alley_id=a.id))
    page.new_record()
    picker = field(page, "alley_id")
    picker.widget.setCurrentIndex(picker.widget.findData(alley.id))
    picker.edited.emit()
    clear_and_type(qtbot, field(page, "year").widget, "2026")
    tree = page.measures
    tree.items["clean"].setText(1, "3")
    tree.items["clean"].setText(3, "5")
    tree.items["road"].setText(3, "1,200,000元")
    assert tree.items["clean"].checkState(0) == Qt.CheckState.Checked  # typing an amount chooses the measure
    assert "估算投资合计 125.00 万元" in tree.total_label.text()
    clear_and_type(qtbot, field(page, "total_investment_yuan").widget, "130")
    clear_and_type(qtbot, field(page, "planned_start_on").widget, "2026-05-10")
    clear_and_type(qtbot, field(page, "planned_completion_on").widget, "2026-04-01")
    assert "计划完工日期不能早于计划开工日期" in page.form.form_error.text()
    clear_and_type(qtbot, field(page, "planned_completion_on").widget, "2026-10-31")
    qtbot.waitUntil(lambda: "不一致" in page.findings.toPlainText(), timeout=3000)
    text = page.findings.toPlainText()
    assert "与总投资 130.00 万元不一致" in text
    assert page.save(), answers.warnings
    saved = ledger.get(Plan, page.record_id)
    assert saved.alley_id == alley.id and saved.year == 2026 and saved.total_investment_yuan == 1_300_000
    assert [(m.code, m.quantity, m.estimated_investment_yuan) for m in saved.measures] == [
        ("clean", Decimal("3"), 50_000), ("road", None, 1_200_000)]
    assert saved.planned_completion_on == date(2026, 10, 31)


def test_tab_order_follows_the_paper_form(qtbot, window):
    window.go_to("alleys")
    page = window.current_page()
    code = field(page, "name").widget
    code.setFocus()
    qtbot.keyClick(code, Qt.Key.Key_Tab)
    assert page.form.focusWidget() is field(page, "subdistrict").widget
