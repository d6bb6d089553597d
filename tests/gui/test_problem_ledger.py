"""问题台账 as a clerk uses it (issue 14 item 8, issue 15's problem record): who complained and the
12345 ticket, no 办结/反馈 date still to come, the description in the table, the second round after a
不满意 rating, escalation to the county, and the 网格员 of the alley."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from core.records import Alley, Problem
from tests.gui.conftest import clear_and_type, type_text
from tests.gui.test_year_walk import pick_alley


def open_problems(qtbot, window):
    window.go_to("problems")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    return page


def test_a_problem_records_the_complainant_phone_and_12345_ticket(qtbot, window, answers):
    """002 §二(四)3: "通过平台APP反馈办理结果，并由反映问题人员作出…评价" — to answer the citizen the
    ledger keeps who reported it, the phone and the 12345 ticket number."""
    page = open_problems(qtbot, window)
    alley = window.session.ledger.alleys()[0]
    page.new_record()
    pick_alley(qtbot, page, alley.code)
    page.form.editors["source"].widget.setCurrentText("12345")
    page.form.editors["source"].edited.emit()
    type_text(qtbot, page.form.editors["ticket_no"].widget, "GX2026111000087")
    type_text(qtbot, page.form.editors["complainant"].widget, "覃丽娟")
    type_text(qtbot, page.form.editors["complainant_phone"].widget, "13907712345")
    clear_and_type(qtbot, page.form.editors["reported_on"].widget, "2026-11-10")
    type_text(qtbot, page.form.editors["description"].widget, "巷口路灯不亮")
    assert page.save(), answers.warnings
    stored = window.session.ledger.get(Problem, page.form.record.id)
    assert (stored.source, stored.ticket_no, stored.complainant, stored.complainant_phone) == (
        "12345", "GX2026111000087", "覃丽娟", "13907712345")
    row = page.table_model.row_of(stored.id)
    values = page.table_model.row_values(row)
    assert "GX2026111000087" in values  # the ticket is in the table, to find the problem by it


def test_future_handled_and_feedback_dates_are_refused(qtbot, window, answers):
    """002 §二(四)3: "承办单位办结后2个工作日内…反馈办理结果" — 办结 and 反馈 are what happened: a
    date still to come is refused beside the field and the record is not saved."""
    ledger = window.session.ledger
    day = date.today() - timedelta(days=3)
    open_one = ledger.add(Problem(alley_id=ledger.alleys()[0].id, description="巷内垃圾未及时清运", reported_on=day,
                                  assigned_on=day, assigned_department="环卫站"))
    page = open_problems(qtbot, window)
    page.refresh()
    page.show_record(open_one.id)
    tomorrow = date.today() + timedelta(days=1)
    clear_and_type(qtbot, page.form.editors["handled_on"].widget, tomorrow.isoformat())
    assert page.form.current is None
    assert "在今天" in page.form.problem_text() and "办结日期" in page.form.problem_text()
    assert not page.save()
    assert ledger.get(Problem, open_one.id).handled_on is None
    clear_and_type(qtbot, page.form.editors["handled_on"].widget, date.today().isoformat())
    clear_and_type(qtbot, page.form.editors["feedback_on"].widget, tomorrow.isoformat())
    assert page.form.current is None and "反馈日期" in page.form.problem_text()
    clear_and_type(qtbot, page.form.editors["feedback_on"].widget, date.today().isoformat())
    assert page.save(), answers.warnings
    assert ledger.get(Problem, open_one.id).feedback_on == date.today()


def test_the_problem_table_shows_the_description_on_a_1366_screen(qtbot, window):
    """002 §三(三)2: "建立问题台账，明确处置责任、时限" — the ledger is read by what the problem is:
    at 1366×768 (the usual office laptop) its description is in view beside the alley, not off to the
    right."""
    window.resize(1366, 768)
    page = open_problems(qtbot, window)
    qtbot.wait(50)
    keys = [c.key for c in page.columns]
    column = keys.index("description")
    header = page.table.horizontalHeader()
    start = header.sectionViewportPosition(column)
    assert 0 <= start and start + header.sectionSize(column) <= page.table.viewport().width()
    problem = window.session.ledger.get(Problem, page.table_model.record_id(0))
    shown = page.table_model.data(page.table_model.index(0, column), Qt.ItemDataRole.DisplayRole)
    assert shown == problem.description


def test_unsatisfied_problem_gets_a_second_round_or_an_explanation_before_closing(qtbot, window, answers):
    """002 §三(三)2: "问题不解决不销号、整改不到位不销号" — after a 不满意 rating the form offers a
    second round with its own deadline; closing needs it done or a written 情况说明."""
    ledger = window.session.ledger
    alley = ledger.alleys()[0]
    day = date.today() - timedelta(days=20)
    problem = ledger.add(Problem(alley_id=alley.id, description="墙角堆放建筑垃圾", reported_on=day, assigned_on=day,
                                 assigned_department="环卫站", handled_on=day, result="已清运", feedback_on=day,
                                 satisfaction="不满意"))
    page = open_problems(qtbot, window)
    page.refresh()
    page.show_record(problem.id)
    qtbot.waitUntil(lambda: page.second_round_box.isVisible(), timeout=3000)
    assert "不满意待处理" in page.heading.text()
    assert not page.close_problem()
    assert "群众评价“不满意”" in answers.warnings[-1][1]
    second = date.today() - timedelta(days=1)
    clear_and_type(qtbot, page.form.editors["second_assigned_on"].widget, second.isoformat())
    qtbot.waitUntil(lambda: "再次办结期限" in page.findings.toPlainText(), timeout=3000)
    assert page.save(), answers.warnings
    assert ledger.get(Problem, problem.id).status == "再次办理中"
    type_text(qtbot, page.form.editors["closing_note"].widget, "反映人要求拆除的围墙属合法建筑，已解释")
    assert page.save(), answers.warnings
    assert not page.close_problem()  # the second round is under way: it is finished first
    assert "再次交办后还没有办结" in answers.warnings[-1][1]


def test_a_problem_the_street_cannot_handle_shows_its_escalation_deadline(qtbot, window, answers):
    """002 §二(四)2: "无法办理的，1日内反馈至县级相关单位或部门，并由承办部门全程跟踪办理情况"."""
    ledger = window.session.ledger
    alley = ledger.alleys()[0]
    friday = date(2025, 9, 26)
    problem = ledger.add(Problem(alley_id=alley.id, description="通信线缆脱落垂挂", reported_on=friday,
                                 assigned_on=friday, assigned_department="街道办事处"))
    page = open_problems(qtbot, window)
    page.refresh()
    page.show_record(problem.id)
    editor = page.form.editors["unable"]
    editor.widget.setChecked(True)
    editor.edited.emit()
    qtbot.waitUntil(lambda: "上报县级期限" in page.findings.toPlainText(), timeout=3000)
    assert "上报县级期限 2025-09-28（无法办理的 1 个工作日内）" in page.findings.toPlainText()
    assert page.save(), answers.warnings
    row = page.table_model.row_values(page.table_model.row_of(problem.id))
    assert "待上报县级" in row and "上报逾期" in row


def test_the_alley_form_names_the_grid_worker_and_the_problem_shows_it(qtbot, window, answers):
    """002 §二(一)2: "实行网格包片责任制，将每条背街小巷…明确到具体网格员，做到责任到人"."""
    window.go_to("alleys")
    page = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    alley_id = page.record_id
    clear_and_type(qtbot, page.form.editors["grid_worker"].widget, "蒙志强")
    clear_and_type(qtbot, page.form.editors["grid_worker_phone"].widget, "13977100001")
    assert page.save(), answers.warnings
    assert window.session.ledger.get(Alley, alley_id).grid_worker == "蒙志强"
    problem = window.session.ledger.add(Problem(alley_id=alley_id, description="路灯不亮", reported_on=date.today()))
    problems = open_problems(qtbot, window)
    problems.refresh()
    problems.show_record(problem.id)
    assert "网格员：蒙志强 13977100001" in problems.findings.toPlainText()


def test_a_problems_photos_are_added_once_it_is_saved(qtbot, window, answers, tmp_path):
    """A photo of the spot goes with the problem (the same photo box as 调查摸底): not before the
    problem is saved, then stored, shown and logged under the problem."""
    from PIL import Image

    page = open_problems(qtbot, window)
    photo = tmp_path / "IMG_井盖缺失.jpg"
    Image.new("RGB", (800, 600), "grey").save(photo, "JPEG")
    page.new_record()
    assert page.add_photos([photo]) is None
    assert answers.warnings == [("添加照片", "请先保存问题，再添加照片")]

    problem = window.session.ledger.get(Problem, page.table_model.record_id(0))
    page.show_record(problem.id)
    before = page.photos.count()
    job = page.add_photos([photo])
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert job.ok, answers.warnings
    assert page.photos.count() == before + 1
    ledger = window.session.ledger
    assert "IMG_井盖缺失.jpg" in [a.file_name for a, _ in ledger.attachments_of(problem)]
    assert [e.table_name for e in ledger.audit(limit=1)] == ["problems"]
