"""One alley through the programme year, all in the desktop program: survey → plan → contract and
completion → acceptance (refused before completion) → documents → 归档锁定 → an amendment → a
problem reported, handled, fed back, rated and closed; the overview's counts follow."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from core.records import Alley, Plan, Problem
from tests.gui.conftest import clear_and_type, type_text

YEAR = 2026


def pick_alley(qtbot, page, code: str) -> None:
    picker = page.form.editors["alley_id"]
    type_text(qtbot, picker.widget.lineEdit(), code)
    qtbot.keyClick(picker.widget.lineEdit(), Qt.Key.Key_Return)


def overview_of(qtbot, window):
    window.go_to("overview")
    page = window.current_page()
    page.year.setCurrentIndex(page.year.findData(YEAR))
    page.refresh()
    qtbot.waitUntil(page.is_ready, timeout=30_000)
    return page.data.total


def test_one_alley_through_the_year(qtbot, window, answers, tmp_path):
    ledger = window.session.ledger
    before = overview_of(qtbot, window)

    # 街巷库: a new alley
    window.go_to("alleys")
    page = window.current_page()
    page.new_record()
    clear_and_type(qtbot, page.form.editors["code"].widget, "45012399101")
    type_text(qtbot, page.form.editors["name"].widget, "解放路三巷")
    type_text(qtbot, page.form.editors["subdistrict"].widget, "城东街道")
    type_text(qtbot, page.form.editors["red_line_width_m"].widget, "6")
    assert page.save(), answers.warnings
    alley = ledger.alley("45012399101")

    # 调查摸底
    window.go_to("surveys")
    page = window.current_page()
    page.new_record()
    pick_alley(qtbot, page, alley.code)
    clear_and_type(qtbot, page.form.editors["surveyed_on"].widget, "2026-02-20")
    type_text(qtbot, page.form.editors["dead_corners"].widget, "2")
    assert page.save(), answers.warnings
    assert len(ledger.surveys(alley.id)) == 1

    # 改造方案 with contract and completion dates
    window.go_to("plans")
    page = window.current_page()
    page.new_record()
    pick_alley(qtbot, page, alley.code)
    clear_and_type(qtbot, page.form.editors["year"].widget, str(YEAR))
    page.measures.items["clean"].setText(3, "50")  # 万元, as every ledger writes it
    page.measures.items["road"].setText(3, "1,000,000元")
    clear_and_type(qtbot, page.form.editors["total_investment_yuan"].widget, "150万")
    for field, day in (("approved_on", "2026-04-10"), ("tender_on", "2026-05-20"), ("contract_on", "2026-06-10"),
                       ("start_on", "2026-06-15"), ("completion_on", "2026-10-30")):
        clear_and_type(qtbot, page.form.editors[field].widget, day)
    assert page.save(), answers.warnings
    plan = next(p for p in ledger.plans(alley_id=alley.id) if p.year == YEAR)
    assert plan.contract_on == date(2026, 6, 10) and plan.completion_on == date(2026, 10, 30)
    assert plan.total_investment_yuan == 1_500_000
    assert [m.estimated_investment_yuan for m in plan.measures] == [500_000, 1_000_000]

    # 竣工验收: refused before completion, then recorded
    window.go_to("acceptances")
    page = window.current_page()
    assert page.table.select_record(plan.id)
    assert page.form.record is None and "（新）" in page.heading.text()
    clear_and_type(qtbot, page.form.editors["accepted_on"].widget, "2026-10-20")
    page.form.editors["result"].widget.setCurrentText("合格")
    page.form.editors["result"].edited.emit()
    assert not page.save()
    assert "早于竣工日期 2026-10-30" in answers.warnings[-1][1]
    assert ledger.acceptance_for(plan.id) is None
    clear_and_type(qtbot, page.form.editors["accepted_on"].widget, "2026-11-05")
    assert page.save(), answers.warnings
    acceptance = ledger.acceptance_for(plan.id)
    assert acceptance.passed and acceptance.builder_unit == plan.builder

    # 备案归档: locking is refused until every required document is there
    window.go_to("filings")
    page = window.current_page()
    assert page.table.select_record(plan.id)
    assert not page.lock()
    assert "缺少" in answers.warnings[-1][1]
    required = [d for d in ledger.profile().documents if d.required]
    for n, document in enumerate(required):
        scan = tmp_path / f"{document.key}.pdf"
        scan.write_bytes(b"%PDF-1.4 scan " + str(n).encode())
        page.kind.setCurrentIndex(page.kind.findData(document.key))
        job = page.add_files([scan])
        qtbot.waitUntil(lambda job=job: job.done, timeout=10_000)
        assert job.ok, answers.warnings
    filing = ledger.filing_for(plan.id)
    assert {d.kind for d in filing.documents} == {d.key for d in required}
    assert "资料齐全" in page.checklist.text()
    assert page.catalogue.rowCount() == len(required) and page.files.count() == len(required)
    opening = page.files.open_item(page.files.item(0))
    qtbot.waitUntil(lambda: opening.done, timeout=10_000)
    assert answers.opened[-1].read_bytes().startswith(b"%PDF-1.4 scan")
    assert answers.opened[-1].name == f"{required[0].key}.pdf"  # opened under its own name
    # the same scan again is refused: one file cannot stand for two documents
    again = page.add_files([tmp_path / f"{required[0].key}.pdf"])
    qtbot.waitUntil(lambda: again.done, timeout=10_000)
    assert not again.ok and "内容相同" in answers.warnings[-1][1]
    assert page.lock()
    filing = ledger.filing_for(plan.id)
    assert filing.locked_at is not None and filing.filed_on == date.today()

    # an amendment after filing needs a reason, kept in the audit log
    window.go_to("plans")
    page = window.current_page()
    assert page.table.select_record(plan.id)
    clear_and_type(qtbot, page.form.editors["contract_no"].widget, "HT-2026-088")
    answers.texts = ["合同编号补录"]
    assert page.save()
    assert ledger.get(Plan, plan.id).contract_no == "HT-2026-088"
    assert ledger.audit(table="plans", record_id=plan.id)[0].reason == "合同编号补录"

    # 问题台账: reported, assigned, handled, fed back, rated, closed
    window.go_to("problems")
    page = window.current_page()
    page.new_record()
    pick_alley(qtbot, page, alley.code)
    clear_and_type(qtbot, page.form.editors["reported_on"].widget, "2026-11-09")
    type_text(qtbot, page.form.editors["description"].widget, "井盖松动，行人踩踏有响声")
    qtbot.waitUntil(lambda: "办结期限" in page.findings.toPlainText(), timeout=3000)
    assert "办结期限 2026-11-18（一般：7 个工作日）" in page.findings.toPlainText()
    assert page.save(), answers.warnings
    problem_id = page.form.record.id
    type_text(qtbot, page.form.editors["assigned_department"].widget, "市政管理所")
    clear_and_type(qtbot, page.form.editors["assigned_on"].widget, "2026-11-09")
    clear_and_type(qtbot, page.form.editors["handled_on"].widget, "2026-11-12")
    type_text(qtbot, page.form.editors["result"].widget, "已更换井盖")
    assert page.save(), answers.warnings
    assert not page.close_problem()
    assert "还没有反馈" in answers.warnings[-1][1]
    clear_and_type(qtbot, page.form.editors["feedback_on"].widget, "2026-11-13")
    page.form.editors["satisfaction"].widget.setCurrentText("满意")
    page.form.editors["satisfaction"].edited.emit()
    assert page.save(), answers.warnings
    assert page.close_problem(), answers.warnings
    problem = ledger.get(Problem, problem_id)
    assert (problem.status, problem.satisfaction, problem.handled_on) == ("已销号", "满意", date(2026, 11, 12))

    # 统计总览 follows
    after = overview_of(qtbot, window)
    assert after.planned == before.planned + 1
    assert after.completed == before.completed + 1
    assert after.accepted == before.accepted + 1
    assert after.filed == before.filed + 1
    assert ledger.get(Alley, alley.id).name == "解放路三巷"
