"""Issue 15: money in 万元 as clerks type it, and the keyboard in forms (measures tree, buttons)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from core.records import Plan
from tests.gui.conftest import clear_and_type


def field(page, name):
    return page.form.editors[name]


def shown_error(page, name) -> str:
    label = page.form.errors[name]
    return label.text() if label.isVisible() else ""


def test_typing_on_a_measure_name_goes_to_its_quantity_and_tab_enter_move_on(qtbot, window):
    window.go_to("plans")
    page = window.current_page()
    page.new_record()
    tree = page.measures.tree
    item = page.measures.items["clean"]
    name = item.text(0)
    tree.setFocus()
    tree.setCurrentItem(item, 0)
    qtbot.keyClick(tree, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor.text() == "7"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter: 数量 → 单位
    assert item.text(0) == name and item.text(1) == "7"
    assert tree.currentIndex().column() == 2 and tree.currentItem() is item
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # Tab: 单位 → 估算投资
    assert tree.currentIndex().column() == 3 and tree.currentItem() is item
    amount = QApplication.focusWidget()
    amount.selectAll()
    qtbot.keyClicks(amount, "5")
    qtbot.keyClick(amount, Qt.Key.Key_Tab)  # on to the next measure's 数量
    assert item.text(3) == "5" and item.checkState(0) == Qt.CheckState.Checked
    nxt = tree.currentItem()
    assert nxt is not item and nxt.parent() is not None and tree.currentIndex().column() == 1
    assert "估算投资合计 5.00 万元" in page.measures.total_label.text()
    stored = {m["code"]: m for m in page.form.data()["measures"]}
    assert stored["clean"]["quantity"] == Decimal(7) and stored["clean"]["estimated_investment_yuan"] == 50_000


def test_right_arrow_reaches_the_quantity_and_space_ticks_the_measure(qtbot, window):
    window.go_to("plans")
    page = window.current_page()
    tree = page.measures.tree
    item = page.measures.items["culture"]
    tree.setFocus()
    tree.setCurrentItem(item, 0)
    before = item.checkState(0)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert item.checkState(0) != before
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.currentItem() is item and tree.currentIndex().column() == 1


def test_money_is_typed_in_wan_as_clerks_write_it_and_unknown_is_blank(qtbot, window, answers):
    window.go_to("plans")
    page = window.current_page()
    ledger = window.session.ledger
    page.new_record()
    total = field(page, "total_investment_yuan")
    assert total.widget.text() == "" and field(page, "funding_central_yuan").widget.text() == ""
    assert total.widget.placeholderText() == "万元"
    assert page.form.layout().itemAt(0) is not None
    labels = [w.text() for w in page.form.findChildren(type(page.heading))]
    assert "总投资(万元)" in labels and "总投资(元)" not in labels
    alley = next(a for a in ledger.alleys() if not ledger.plans(alley_id=a.id))
    picker = field(page, "alley_id")
    picker.widget.setCurrentIndex(picker.widget.findData(alley.id))
    picker.edited.emit()
    clear_and_type(qtbot, field(page, "year").widget, "2026")
    clear_and_type(qtbot, total.widget, "180万")
    assert shown_error(page, "total_investment_yuan") == ""
    total.widget.editingFinished.emit()  # the clerk moves on: the amount shows as understood
    assert total.widget.text() == "180.00"
    clear_and_type(qtbot, field(page, "funding_region_yuan").widget, "450,000元")
    field(page, "funding_region_yuan").widget.editingFinished.emit()
    assert field(page, "funding_region_yuan").widget.text() == "45.00"
    clear_and_type(qtbot, field(page, "contract_amount_yuan").widget, "1,234.5")
    field(page, "contract_amount_yuan").widget.editingFinished.emit()
    assert field(page, "contract_amount_yuan").widget.text() == "1,234.50"
    clear_and_type(qtbot, field(page, "funding_city_yuan").widget, "18o万")
    assert "「18o万」的单位「o万」无法识别" in shown_error(page, "funding_city_yuan")
    assert not page.save()
    assert "「市级资金(万元)」" in answers.warnings[-1][1]
    clear_and_type(qtbot, field(page, "funding_city_yuan").widget, "")
    assert page.save(), answers.warnings
    saved = ledger.get(Plan, page.record_id)
    assert (saved.total_investment_yuan, saved.funding_region_yuan, saved.contract_amount_yuan,
            saved.funding_city_yuan, saved.funding_central_yuan) == (1_800_000, 450_000, 12_345_000, 0, 0)
    page.show_record(saved.id)
    assert total.widget.text() == "180.00" and field(page, "funding_central_yuan").widget.text() == ""
    assert field(page, "contract_amount_yuan").widget.text() == "1,234.50"


def test_lengths_take_units_and_an_exact_amount_is_never_rounded_away(qtbot, window, answers):
    window.go_to("alleys")
    page = window.current_page()
    ledger = window.session.ledger
    record = page.form.record
    clear_and_type(qtbot, field(page, "length_m").widget, "1.2公里")
    clear_and_type(qtbot, field(page, "red_line_width_m").widget, "6米")
    clear_and_type(qtbot, field(page, "households").widget, "120户")
    assert page.save(), answers.warnings
    saved = ledger.alley(record.code)
    assert (saved.length_m, saved.red_line_width_m, saved.households) == (1200, 6, 120)
    # a plan whose amount is not a whole hundred 元 shows it exactly and saves it unchanged
    plan = next(p for p in ledger.plans() if (f := ledger.filing_for(p.id)) is None or f.locked_at is None)
    ledger.save(plan.model_copy(update={"total_investment_yuan": 1_234_567}), reason="测试")
    window.go_to("plans")
    plans = window.current_page()
    plans.refresh()
    plans.show_record(plan.id)
    assert field(plans, "total_investment_yuan").widget.text() == "123.4567"
    clear_and_type(qtbot, field(plans, "notes").widget, "核对")
    assert plans.save(), answers.warnings
    assert ledger.get(Plan, plan.id).total_investment_yuan == 1_234_567


def test_enter_presses_the_focused_button(qtbot, window, answers):
    window.go_to("settings")
    settings = window.current_page()
    clicked = []
    settings.backup_button.clicked.connect(lambda: clicked.append("备份"))
    settings.backup_button.clicked.disconnect(settings.backup_now)  # only whether it was pressed matters here
    settings.backup_button.setFocus()
    qtbot.keyClick(settings.backup_button, Qt.Key.Key_Return)
    assert clicked == ["备份"]
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready)
    ledger = window.session.ledger
    filed = {f.plan_id for f in ledger.filings()}
    page.table.select_record(next(a.plan_id for a in ledger.acceptances() if a.plan_id not in filed))
    page.lock_button.setFocus()
    qtbot.keyClick(page.lock_button, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert answers.warnings and answers.warnings[-1][0] == "不能归档锁定"
