"""检查结果, R11 on 备案归档, evaluations on 竣工验收, satisfaction on 统计总览 and lamp rates on 调查摸底
(issue 14 items 3, 7, 8 and 10), driven through the real widgets."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import openpyxl
from PySide6.QtCore import Qt

from core.records import Acceptance, Filing, Plan
from core.rules import Dataset, check
from tests.gui.conftest import clear_and_type


def open_findings(qtbot, window):
    window.go_to("findings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    return page


def choose(box, value) -> None:
    box.setCurrentIndex(box.findData(value))


def test_every_finding_of_the_year_with_rule_severity_alley_and_what_to_do(qtbot, window):
    """000 §四(三): "定期督促检查工作推进情况，对工作推进不力的，予以通报批评并责令限期整改" — the
    county's findings for a year in one place: rule, severity, alley and what to do."""
    page = open_findings(qtbot, window)
    year = page.year.currentData()
    expected = check(Dataset.from_ledger(window.session.ledger), year=year)
    assert page.table_model.total() == len(expected) > 0
    keys = [c.key for c in page.table_model.columns]
    first = page.table_model.row_values(0)
    assert first[1 + keys.index("message")] == expected[0].message
    assert first[1 + keys.index("advice")] == expected[0].advice
    header = page.table.horizontalHeader()
    assert [page.table_model.columns[header.logicalIndex(v)].title for v in range(2)] == ["级别", "规则"]
    assert f"共 {len(expected)} 条" in page.summary.text()

    choose(page.filter_boxes["rule"], "R11")
    rule = 1 + keys.index("rule")
    shown = [page.table_model.row_values(r) for r in range(page.table_model.rowCount())]
    assert shown and all(r[rule] == "R11" for r in shown)
    assert page.table_model.matching() == sum(1 for f in expected if f.rule == "R11")
    choose(page.filter_boxes["severity"], "警告")
    assert all(page.rows[page.table_model.record_id(r)].finding.severity == "warning"
               for r in range(page.table_model.matching()))
    target = page.rows[page.table_model.record_id(0)]
    page.search.setText(target.alley_code)
    assert page.table_model.matching() >= 1
    assert all(page.rows[page.table_model.record_id(r)].alley_code == target.alley_code
               for r in range(page.table_model.matching()))
    assert "规则 R11" in page.filter_text() and "级别 警告" in page.filter_text()


def test_a_double_click_opens_the_record_on_its_page(qtbot, window):
    """000 §四(三): "对工作推进不力的，予以通报批评并责令限期整改" — from a finding straight to the
    record to put right."""
    page = open_findings(qtbot, window)
    choose(page.filter_boxes["rule"], "R11")
    row = page.rows[page.table_model.record_id(0)]
    assert row.page == "filings"
    rect = page.table.visualRect(page.table_model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page().name == "filings"
    filings = window.current_page()
    assert filings.record_id == row.row_id  # the filing's plan
    qtbot.waitUntil(filings.is_ready, timeout=10_000)
    assert filings.table.current_record_id() == row.row_id
    # R11 shows under the 备案归档 form: "有关验收资料应报县（市、区）牵头部门备案，做好城建档案归档工作"
    assert "R11" in filings.findings.toPlainText()

    plan_finding = next(r for r in open_findings(qtbot, window).rows.values() if r.page == "plans")
    window.current_page().open_record.emit(plan_finding.page, plan_finding.row_id)
    assert window.current_page().name == "plans" and window.current_page().form.record.id == plan_finding.row_id


def test_the_findings_shown_are_exported_to_excel_and_printed(qtbot, window, answers, tmp_path):
    """000 §四(三): "半年通报" — the findings go out as a spreadsheet and on paper, as filtered."""
    page = open_findings(qtbot, window)
    choose(page.filter_boxes["severity"], "警告")
    count = page.table_model.matching()
    answers.files.append(tmp_path / "检查结果")
    job = page.export_excel()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.ok, answers.warnings
    sheet = openpyxl.load_workbook(tmp_path / "检查结果.xlsx").active
    assert sheet["A1"].value == page.data.title
    assert "筛选：级别 警告" in sheet["B1"].value
    assert [c.value for c in sheet[2]] == ["序号", "规则", "级别", "街巷编码", "街巷名称", "所在街道", "所在社区", "年度",
                                           "问题", "建议"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == count and all(r[2] == "警告" for r in rows)
    assert rows[0][8] == page.rows[page.table_model.record_id(0)].finding.message

    job = page.print_current()
    qtbot.waitUntil(lambda: job.done and getattr(page, "preview", None) is not None, timeout=60_000)
    pdf = page.preview.path
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert page.data.title in text.replace(" ", "") or "规则检查结果" in text
    assert f"共 {count} 条" in text and "筛选：级别 警告" in text
    assert "第1页共" in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and "Helvetica" not in fonts
    page.preview.accept()


def test_the_acceptance_form_says_what_the_evaluation_rules_find(qtbot, window, answers):
    """000 §二(四): "每年11月以前，由各市牵头组织有关单位对完成整治改造提升的达标类城市背街小巷进行
    评定" — a 不达标 result is an error shown as the clerk types it."""
    ledger = window.session.ledger
    acceptance = next(a for a in ledger.acceptances() if a.passed and a.standard_eval_result == "达标")
    window.go_to("acceptances")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    page.show_record(acceptance.plan_id)
    page.form.editors["standard_eval_result"].widget.setCurrentText("不达标")
    page.form.editors["standard_eval_result"].edited.emit()
    qtbot.waitUntil(lambda: "不达标" in page.findings.toPlainText(), timeout=3000)
    assert "【错误】R6" in page.findings.toPlainText()


def test_the_overview_shows_satisfaction_per_department_and_month(qtbot, window):
    """002 §二(四)3: "由反映问题人员作出“满意”“基本满意”“不满意”评价"."""
    window.go_to("overview")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    by_department = page.satisfaction["department"]
    rows = page.data.satisfaction_by_department
    assert rows and by_department.rowCount() == len(rows)
    assert by_department.item(by_department.rowCount() - 1, 0).text() == "合计"
    total = rows[-1]
    assert by_department.item(len(rows) - 1, 5).text() == total.satisfied_share
    by_month = page.satisfaction["month"]
    assert by_month.item(by_month.rowCount() - 1, 0).text() == "全年"
    assert by_month.item(0, 0).text().startswith(str(page.data.year))


def test_the_survey_form_shows_lamp_rates_as_r5_judges_them(qtbot, window):
    """000 §二(二)1: "参照国家文明城市“装灯率100%，亮灯率95%”的标准" — 249 of 250 reads 99.6 %."""
    window.go_to("surveys")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    clear_and_type(qtbot, page.form.editors["lamp_positions"].widget, "250")
    clear_and_type(qtbot, page.form.editors["lamps_installed"].widget, "249")
    clear_and_type(qtbot, page.form.editors["lamps_working"].widget, "236")
    qtbot.waitUntil(lambda: "装灯率 99.6%" in page.rates.text(), timeout=3000)
    assert "亮灯率 94.7%" in page.rates.text()  # 236 / 249 = 94.78 %: short of 95 %, never shown as 95%
    page.form.undo_stack.setClean()


def test_a_filing_not_yet_started_shows_r11_running_late(qtbot, window):
    """000 §三(四): "有关验收资料应报县（市、区）牵头部门备案，做好城建档案归档工作" — 15 days after a
    passed acceptance the filing is due, shown before the clerk has typed anything."""
    ledger = window.session.ledger
    plan = next(p for p in ledger.plans() if ledger.acceptance_for(p.id) is None and p.completion_on is not None)
    ledger.add(Acceptance(plan_id=plan.id, accepted_on=date.today() - timedelta(days=40), result="合格"))
    assert ledger.filing_for(plan.id) is None
    window.go_to("filings")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    page.refresh()
    page.show_record(plan.id)
    assert "已超过 15 日仍未备案" in page.findings.toPlainText()
    assert isinstance(ledger.get(Plan, plan.id), Plan) and not isinstance(page.form.record, Filing)
